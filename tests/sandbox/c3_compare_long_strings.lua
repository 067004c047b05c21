-- expect: time limit
-- One instruction compares two 12 MiB strings: the deadline timer stops the loop on time although
-- a thousand such instructions pass between two hook calls.
local a = string.rep("a", 12 * 2 ^ 20) .. "b"
local b = string.rep("a", 12 * 2 ^ 20) .. "c"
while true do local _ = a < b end
