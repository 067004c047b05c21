-- expect: memory limit reached
-- A table that grows without end. (Strings that grow are memory_bomb_rep.lua; building
-- them here made this case slow enough under the sanitizers to meet the time limit first.)
local t = {}
for i = 1, math.maxinteger do t[i] = {i, i} end
