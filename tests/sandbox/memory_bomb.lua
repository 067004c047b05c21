-- expect: memory limit reached
local t = {}
for i = 1, math.maxinteger do t[i] = string.rep("x", 1024) .. i end
