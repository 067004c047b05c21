-- expect: attempt to index a nil value
local mt = getmetatable("")
mt.__index.upper = function() return "pwned" end
return 1
