-- expect: OK
-- table functions read tables raw: a __len of 1e15 does not make insert shift 1e15 elements.
local t = setmetatable({}, { __len = function() return 1e15 end })
table.insert(t, 1, "x")
table.insert(t, "y")
assert(rawlen(t) == 2 and rawget(t, 1) == "x" and rawget(t, 2) == "y")
assert(table.remove(t) == "y" and rawlen(t) == 1)
