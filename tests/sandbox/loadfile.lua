-- expect: loadfile is not available
return loadfile("/etc/passwd")
