-- expect: instruction limit reached|time limit
-- Each call copies 16 MiB in C: the work is charged, so the loop stops at the limit, not minutes later.
for i = 1, 1e9 do local s = string.rep("x", 16 * 2 ^ 20) end
