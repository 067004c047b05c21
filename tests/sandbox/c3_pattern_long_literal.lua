-- expect: instruction limit reached|time limit
-- No quantifier at all: a long literal tried at every position of a long subject.
local s = string.rep("a", 1e6)
return s:find(string.rep("a", 5e5) .. "b$")
