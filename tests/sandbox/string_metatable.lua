-- expect: table expected
setmetatable(getmetatable(""), nil)
return 1
