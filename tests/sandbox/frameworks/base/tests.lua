local E, G = "S37000012", "S37000034"
return {
  { name = "base colours", period = "2023/24", areas = { E, G },
    data = {
      { indicator = "B-1", area = E, period = "2023/24", value = 85 },
      { indicator = "B-1", area = G, period = "2023/24", value = 60 },
      { indicator = "B-2", area = E, period = "2023/24", value = 25 },
      { indicator = "B-2", area = G, period = "2023/24", value = 40 },
    },
    expect = { [E] = { ["B-1"] = "green", ["B-2"] = "amber" }, [G] = { ["B-1"] = "red", ["B-2"] = "red" } } },
}
