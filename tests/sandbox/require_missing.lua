-- expect: no such module
return require("socket")
