local E = "S37000012"
return {
  {
    name = "the local threshold is tighter and the local indicator counts in the national outcome",
    period = "2023/24", areas = { E },
    data = {
      { indicator = "T-HIGH", area = E, period = "2023/24", value = 82 },
      { indicator = "T-LOW", area = E, period = "2023/24", value = 10 },
      { indicator = "PLAN", area = E, period = "2023/24", value = 700 },
      { indicator = "LOCAL-1", area = E, period = "2023/24", value = 9 },
    },
    expect = { [E] = { ["T-HIGH"] = { status = "amber", reason = "green threshold 85" },
                       ["LOCAL-1"] = "red", WORST = "red" } },
  },
}
