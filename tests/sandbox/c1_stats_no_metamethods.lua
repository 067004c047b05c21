-- expect: OK
-- No stats function runs a metamethod of its arguments (or of tables inside them), whatever the shapes.
local ran = false
local mt = {
  __index = function() ran = true return 1 end,
  __len = function() ran = true return 3 end,
  __pairs = function() ran = true return next, {}, nil end,
}
local function trap() return setmetatable({}, mt) end
local names = {}
for name in pairs(stats) do names[#names + 1] = name end
table.sort(names)
assert(#names >= 16)
for _, name in ipairs(names) do
  local f = stats[name]
  pcall(f, trap(), trap(), trap(), trap(), trap())
  pcall(f, { trap(), trap(), trap() }, { trap(), trap(), trap() }, { a = trap() }, 0.95)
  pcall(f, { { x = trap(), n = trap(), value = 1 }, trap() }, 0.95, { rules = trap(), level = trap() })
  pcall(f, { base = trap(), latest = 2, direction = "increase", texts = trap() })
end
assert(not ran, "a stats function ran a metamethod of its arguments")
