-- expect: stats.dsr
-- Once a heap overflow: dsr counted the populations, then walked them while calling the counts'
-- __index, which grew the populations. Arguments are now copied raw before any C loop.
local p = {}
for i = 1, 33 do p["b" .. i] = 1 end
local k = 0
return stats.dsr(setmetatable({}, { __index = function() k = k + 1 if k < 2000 then p["x" .. k] = 1 end return 5 end }), p, { b1 = 1 })
