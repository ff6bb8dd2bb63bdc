// The test ran (not skipped) and printed what Boot's and our BOM resolved.
def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0, Skipped: 0')
assert log.contains('resolved: okhttp 5.')
return true
