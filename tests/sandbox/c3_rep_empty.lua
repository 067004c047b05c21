-- expect: OK
-- Lua loops n times even when the pieces are empty; an empty result must come back at once.
assert(string.rep("", 1e15) == "")
assert(string.rep("", 1e15, "") == "")
assert(("x"):rep(3, ",") == "x,x,x" and (""):rep(3, ",") == ",,")
