-- expect: time limit|instruction limit reached
local s = string.rep("x", 2 ^ 24)
while true do local t = s .. "y" end
