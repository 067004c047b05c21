-- expect: module names are letters, digits
return require("/etc/passwd")
