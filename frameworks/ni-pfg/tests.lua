--[[
Cases for the ni-pfg framework: synthetic series (inline data) that pin the edge behaviour of
the PfG rule as this framework applies it. The outcomes on the real NISRA files are pinned by
the end-to-end test tests/e2e/test_ni_pfg_real.sh.

Values are written as strings, as NISRA publishes them: the rule takes its decimal places from
the text of the values, and a Lua number such as 59.2 would reach the store as
"59.200000000000003" (the test data are written with 17 significant digits), which is not what
a publisher writes.

The rule (PfG dashboard, scripts/data_functions.js): change = latest - base, rounded to the most
decimal places written in the series; improving when change >= interval in the direction of
improvement, worsening when change >= interval the other way (both inclusive); no change
otherwise, and when the latest period is the base period.

Cumulative ("<k>c") intervals and a zero interval belong to no indicator of these two domains:
they are pinned by fixture_intervals.lua / fixture_intervals_tests.lua beside this file.
]]
local NI, BELFAST = "N92000002", "N09000003"

local function series(indicator, area, points)
  local rows = {}
  for i, p in ipairs(points) do
    rows[i] = { indicator = indicator, area = area, period = p[1], value = p[2], status = p[3],
                series_break = p[4] }
  end
  return rows
end

local function concat(...)
  local out = {}
  for _, list in ipairs({ ... }) do for _, x in ipairs(list) do out[#out + 1] = x end end
  return out
end

return {
  {
    name = "the six NI base and latest values as published: the dashboard's statuses, counted per domain",
    period = "2023/24", areas = { NI },
    data = concat(
      -- 60.3 - 59.2 = 1.1 < 1.6: no change
      series("INDHLEM", NI, { { "2017-19", "59.2" }, { "2021-23", "60.3" } }),
      -- 61.4 - 61.0 = 0.4 < 1.5: no change
      series("INDHLEF", NI, { { "2017-19", "61.0" }, { "2021-23", "61.4" } }),
      -- 18.8 - 19.5 = -0.7; |-0.7| < 1.3: no change
      series("INDMHEALTH", NI, { { "2019/20", "19.5" }, { "2023/24", "18.8" } }),
      -- 179 - 168 = +11 >= 4.8 the wrong way (lower is better): worsening
      series("INDPREVDTH", NI, { { "2014-18", "168" }, { "2018-22", "179" } }),
      -- 69.2 - 68.4 = 0.8 < 1: no change
      series("INDADSC", NI, { { "2019", "68.4" }, { "2023", "69.2" } }),
      -- 17.8 - 20.2 = -2.4, a fall of at least 2 (lower is better): improving
      series("INDLONE", NI, { { "2021/22", "20.2" }, { "2023/24", "17.8" } })),
    expect = { [NI] = {
      INDHLEM = { status = "amber", assessment = "no_change", reason = "a change of 1.1 against an interval of 1.6" },
      INDHLEF = { status = "amber", assessment = "no_change", reason = "a change of 0.4" },
      INDMHEALTH = { status = "amber", assessment = "no_change", reason = "a change of -0.7" },
      INDPREVDTH = { status = "red", assessment = "worsening", reason = "a change of 11 against an interval of 4.8" },
      INDADSC = { status = "amber", assessment = "no_change", reason = "a change of 0.8 against an interval of 1" },
      INDLONE = { status = "green", assessment = "improving", reason = "a change of -2.4 against an interval of 2" },
      INDSPORTS = { status = "grey", assessment = "missing" },
      INDATWALK = { status = "grey", assessment = "missing" },
      INDVOL = { status = "grey", assessment = "missing" },
      ["Healthier Lives"] = { status = "grey", reason = "0 green, 3 amber, 1 red, 2 without a colour" },
      ["Caring Society"] = { status = "grey", reason = "1 green, 1 amber, 0 red, 1 without a colour" },
      overall = { status = "grey" },
    } },
  },
  {
    name = "the latest period is the base period: no change, whatever the earlier values",
    period = "2023/24", areas = { NI },
    data = concat(
      series("INDLONE", NI, { { "2019/20", "17.4" }, { "2020/21", "19.8" }, { "2021/22", "20.2" } }),
      series("INDADSC", NI, { { "2012", "60.0" }, { "2019", "68.4" } })),
    expect = { [NI] = {
      INDLONE = { status = "amber", assessment = "no_change", reason = "the latest period is the base period 2021/22" },
      INDADSC = { status = "amber", assessment = "no_change", reason = "the latest period is the base period 2019" },
    } },
  },
  {
    name = "a change exactly equal to the interval counts (inclusive), either way",
    period = "2023/24", areas = { NI },
    data = concat(
      -- 60.8 - 59.2 = +1.6 = the interval, higher is better: improving. In binary floating
      -- point the difference is 1.5999999999999943 and would miss the interval: the rule
      -- subtracts the published decimals as scaled integers (592 -> 608 tenths)
      series("INDHLEM", NI, { { "2017-19", "59.2" }, { "2021-23", "60.8" } }),
      -- 59.5 - 61.0 = -1.5, the interval the wrong way: worsening
      series("INDHLEF", NI, { { "2017-19", "61.0" }, { "2021-23", "59.5" } }),
      -- 18.2 - 19.5 = -1.3 = the interval, lower is better: improving
      series("INDMHEALTH", NI, { { "2019/20", "19.5" }, { "2023/24", "18.2" } }),
      -- 69.4 - 68.4 = +1.0: improving
      series("INDADSC", NI, { { "2019", "68.4" }, { "2023", "69.4" } }),
      -- 22.2 - 20.2 = +2.0, lower is better: worsening
      series("INDLONE", NI, { { "2021/22", "20.2" }, { "2023/24", "22.2" } })),
    expect = { [NI] = {
      INDHLEM = { status = "green", assessment = "improving", reason = "a change of 1.6 against an interval of 1.6" },
      INDHLEF = { status = "red", assessment = "worsening", reason = "a change of -1.5" },
      INDMHEALTH = { status = "green", assessment = "improving", reason = "a change of -1.3" },
      INDADSC = { status = "green", assessment = "improving", reason = "a change of 1 against an interval of 1" },
      INDLONE = { status = "red", assessment = "worsening", reason = "a change of 2 against an interval of 2" },
    } },
  },
  {
    name = "just inside the interval is no change; a whole-number series needs a change of 5 for 4.8",
    period = "2023/24", areas = { NI },
    data = concat(
      series("INDHLEM", NI, { { "2017-19", "59.2" }, { "2021-23", "60.7" } }),     -- +1.5 < 1.6
      series("INDPREVDTH", NI, { { "2014-18", "168" }, { "2018-22", "172" } }),    -- +4 < 4.8
      series("INDMHEALTH", NI, { { "2019/20", "19.5" }, { "2023/24", "18.3" } })), -- -1.2
    expect = { [NI] = {
      INDHLEM = { status = "amber", assessment = "no_change" },
      INDPREVDTH = { status = "amber", assessment = "no_change", reason = "a change of 4 against an interval of 4.8" },
      INDMHEALTH = { status = "amber", assessment = "no_change" },
    } },
  },
  {
    name = "decimals come from the text: 0.95 is kept to two places, not rounded up to the interval",
    period = "2023/24", areas = { NI },
    data = concat(
      -- written to 2 places, so 69.35 - 68.4 = 0.95 < 1: no change (rounded to the 1 place
      -- of the base it would be 1.0, improving)
      series("INDADSC", NI, { { "2019", "68.4" }, { "2023", "69.35" } }),
      -- "61.0" has one place although the number is 61; +1.5 reaches 1.5: improving
      series("INDHLEF", NI, { { "2017-19", "61.0" }, { "2021-23", "62.5" } })),
    expect = { [NI] = {
      INDADSC = { status = "amber", assessment = "no_change", reason = "a change of 0.95 against an interval of 1" },
      INDHLEF = { status = "green", assessment = "improving", reason = "a change of 1.5" },
    } },
  },
  {
    name = "no base value: insufficient data (base period absent, or present without a value)",
    period = "2023/24", areas = { NI },
    data = concat(
      series("INDMHEALTH", NI, { { "2018/19", "18.0" }, { "2020/21", "26.9" }, { "2023/24", "18.8" } }),
      series("INDLONE", NI, { { "2021/22", nil, "missing" }, { "2023/24", "17.8" } })),
    expect = { [NI] = {
      INDMHEALTH = { status = "grey", assessment = "insufficient_data", reason = "no value for the base period 2019/20" },
      INDLONE = { status = "grey", assessment = "insufficient_data", reason = "no value for the base period 2021/22" },
    } },
  },
  {
    name = "active travel has the dashboard's null base year: insufficient data even with data",
    period = "2023/24", areas = { NI },
    data = series("INDATWALK", NI, { { "2021/22", "30.0" }, { "2022/23", "31.0" }, { "2023/24", "35.0" } }),
    expect = { [NI] = {
      INDATWALK = { status = "grey", assessment = "insufficient_data", reason = "no base period is set" },
    } },
  },
  {
    name = "sport and volunteering are judged once their data are imported (base 2021/22, interval 2)",
    period = "2023/24", areas = { NI },
    data = concat(
      series("INDSPORTS", NI, { { "2021/22", "55.0" }, { "2023/24", "57.0" } }), -- +2.0: improving
      series("INDVOL", NI, { { "2021/22", "20.1" }, { "2023/24", "18.2" } })),   -- -1.9: no change
    expect = { [NI] = {
      INDSPORTS = { status = "green", assessment = "improving" },
      INDVOL = { status = "amber", assessment = "no_change", reason = "a change of -1.9" },
      ["Caring Society"] = { status = "grey", reason = "0 green, 1 amber, 0 red, 2 without a colour" },
    } },
  },
  {
    name = "a series break between base and latest (e.g. the COVID-19 definition change) is not comparable",
    period = "2023/24", areas = { NI },
    data = series("INDPREVDTH", NI, { { "2014-18", "168" }, { "2015-19", "169" }, { "2016-20", "173", nil, true },
                                      { "2018-22", "179" } }),
    expect = { [NI] = {
      INDPREVDTH = { status = "grey", assessment = "not_comparable", reason = "a series break lies between 2014-18 and 2018-22" },
    } },
  },
  {
    name = "an LGD is scored only on request and its result says the rule is applied as an engine extension",
    period = "2023/24", areas = { NI, BELFAST },
    data = concat(
      series("INDLONE", NI, { { "2021/22", "20.2" }, { "2023/24", "17.8" } }),
      series("INDLONE", BELFAST, { { "2021/22", "25.0" }, { "2023/24", "19.3" } }),
      series("INDPREVDTH", BELFAST, { { "2014-18", "232" }, { "2018-22", "256" } })),
    expect = {
      [NI] = { INDLONE = { status = "green", assessment = "improving", reason = "against an interval of 2 (lower is better)" } },
      [BELFAST] = {
        INDLONE = { status = "green", assessment = "improving", reason = "[engine extension: the PfG dashboard classifies the Northern Ireland series only]" },
        INDPREVDTH = { status = "red", assessment = "worsening", reason = "engine extension" },
        INDADSC = { status = "grey", assessment = "missing" },
      },
    },
  },
}
