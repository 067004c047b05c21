--[[
Cases for fixture_intervals.lua (cumulative and zero intervals of the PfG rule). Values are
strings, as published (see tests.lua).
]]
local NI = "N92000002"

local function series(indicator, points)
  local rows = {}
  for i, p in ipairs(points) do
    rows[i] = { indicator = indicator, area = NI, period = p[1], value = p[2] }
  end
  return rows
end

local function adsc(latest)
  return series("INDADSC", { { "2019", "68.4" }, { "2020", "67.7" }, { "2021", "70.3" }, { "2022", "69.3" },
                             { "2023", latest } })
end

return {
  {
    name = "0.5c: four periods after the base make 2.0; +2.0 reaches it (inclusive)",
    period = "2023/24", areas = { NI },
    data = adsc("70.4"),
    expect = { [NI] = { INDADSC = { status = "green", assessment = "improving",
                                    reason = "a change of 2 against an interval of 2" } } },
  },
  {
    name = "0.5c: +1.9 after four periods is no change (it would be improving against a fixed 1)",
    period = "2023/24", areas = { NI },
    data = adsc("70.3"),
    expect = { [NI] = { INDADSC = { status = "amber", assessment = "no_change",
                                    reason = "a change of 1.9 against an interval of 2" } } },
  },
  {
    name = "0.5c: -2.0 after four periods is worsening",
    period = "2023/24", areas = { NI },
    data = adsc("66.4"),
    expect = { [NI] = { INDADSC = { status = "red", assessment = "worsening" } } },
  },
  {
    name = "0.5c counts the periods in the series, not calendar years: 2019, 2021, 2023 make 1.0",
    period = "2023/24", areas = { NI },
    data = series("INDADSC", { { "2019", "68.4" }, { "2021", "70.3" }, { "2023", "69.4" } }),
    expect = { [NI] = { INDADSC = { status = "green", assessment = "improving",
                                    reason = "a change of 1 against an interval of 1" } } },
  },
  {
    name = "0.5c with the latest period the base: no change",
    period = "2023/24", areas = { NI },
    data = series("INDADSC", { { "2018", "68.8" }, { "2019", "68.4" } }),
    expect = { [NI] = { INDADSC = { status = "amber", assessment = "no_change",
                                    reason = "the latest period is the base period 2019" } } },
  },
  {
    name = "ci = 0: an unchanged value is improving (0 >= 0 is tested first, as on the dashboard)",
    period = "2023/24", areas = { NI },
    data = series("INDLONE", { { "2021/22", "20.2" }, { "2022/23", "19.4" }, { "2023/24", "20.2" } }),
    expect = { [NI] = { INDLONE = { status = "green", assessment = "improving",
                                    reason = "a change of 0 against an interval of 0" } } },
  },
  {
    name = "ci = 0: the smallest rise (+0.1) is worsening for a lower-is-better indicator",
    period = "2023/24", areas = { NI },
    data = series("INDLONE", { { "2021/22", "20.2" }, { "2023/24", "20.3" } }),
    expect = { [NI] = { INDLONE = { status = "red", assessment = "worsening" } } },
  },
  {
    name = "ci = 0: the smallest fall (-0.1) is improving",
    period = "2023/24", areas = { NI },
    data = series("INDLONE", { { "2021/22", "20.2" }, { "2023/24", "20.1" } }),
    expect = { [NI] = { INDLONE = { status = "green", assessment = "improving" } } },
  },
}
