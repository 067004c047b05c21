-- expect: OK
-- Arguments whose metamethods grow other arguments, for every stats function: no crash, no overflow
-- (the AddressSanitizer build runs this too).
local names = {}
for name in pairs(stats) do names[#names + 1] = name end
table.sort(names)
for _, name in ipairs(names) do
  local p = {}
  for i = 1, 33 do p[i] = i; p["b" .. i] = i end
  local k = 0
  local grow = setmetatable({}, { __index = function() k = k + 1 if k < 5000 then p[#p + 1] = k; p["x" .. k] = k end return 5 end,
    __len = function() return 40 end })
  pcall(stats[name], grow, p, grow, p, grow)
  pcall(stats[name], p, grow, p, grow)
  pcall(stats[name], { grow, p }, { p, grow })
end
