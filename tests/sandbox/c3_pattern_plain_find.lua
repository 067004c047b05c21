-- expect: instruction limit reached|time limit
local s = string.rep("a", 4e6)
return s:find(string.rep("a", 2e5) .. "b", 1, true)
