-- expect: instruction limit reached|time limit
-- A bracket class as long as the pattern, tested at every character.
local class = "[" .. string.rep("b", 1e6) .. "]"
return string.rep("a", 1e6):gsub(class, "")
