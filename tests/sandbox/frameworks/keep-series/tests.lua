local E = "S37000012"
local function case(name)
  return { name = name, period = "2023/24", areas = { E },
    data = { { indicator = "K-1", area = E, period = "2023/24", value = 85 } },
    expect = { [E] = { ["K-1"] = "green" } } }
end
return { case("first case keeps the series"), case("second case reads it") }
