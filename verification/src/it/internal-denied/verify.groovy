// The build failed for the right reason: javac refused the package, nothing else went wrong.
def log = new File(basedir, 'build.log').text
assert log.contains('package net.cdapkit.internal is not visible')
assert log.contains('is declared in module net.cdapkit, which does not export it')
return true
