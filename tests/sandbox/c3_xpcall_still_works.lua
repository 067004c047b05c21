-- expect: OK
-- xpcall keeps its meaning for ordinary errors: the handler sees the error and its result is returned.
local ok, msg = xpcall(function() error("boom", 0) end, function(m) return "handled " .. m end)
assert(not ok and msg == "handled boom", msg)
local ok2, a, b = xpcall(function(x, y) return x + y, "two" end, print, 40, 2)
assert(ok2 and a == 42 and b == "two")
