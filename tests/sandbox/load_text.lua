-- expect: load is not available
return load("return 1")()
