-- expect: OK
-- An order function that always says "less" cannot make sort loop or fail; equal keys keep their order.
local t = {}
for i = 1, 20000 do t[i] = (i * 7919) % 1000 end
table.sort(t, function() return true end)
assert(#t == 20000)
local r = { { k = 2, id = "a" }, { k = 1, id = "b" }, { k = 2, id = "c" }, { k = 1, id = "d" } }
table.sort(r, function(x, y) return x.k < y.k end)
assert(r[1].id == "b" and r[2].id == "d" and r[3].id == "a" and r[4].id == "c")
local n = { 5, 3, 9, 1, 1, 7 }
table.sort(n)
assert(table.concat(n, ",") == "1,1,3,5,7,9")
