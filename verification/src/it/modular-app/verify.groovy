def log = new File(basedir, 'build.log').text
assert log.contains('consultation from the module: ')
assert log.contains('module module net.cdapkit')
assert log.contains('consultation from the class-path: ')
return true
