--[[
Cases for scotland-msg. The first case uses the baseline and latest figures Edinburgh Health and
Social Care Partnership publishes in its Annual Performance Report 2023/24 (MSG page); the
others are synthetic and pin the rule's edges: like-for-like periods, tolerance 0, series
breaks, missing values, and the dated HEAT target.

Edinburgh, 2017/18 -> latest (lower is better except MSG-5 and MSG-6):
  A&E 103,986 -> 103,720 (2023/24) = -0.26%;  admissions 35,597 -> 34,491 (2023) = -3.11%;
  acute bed days 330,759 -> 302,875 (2023) = -8.43%;  GLS bed days 22,324 -> 23,980 (2023) = +7.42%;
  MH bed days 122,841 -> 121,285 (2023, provisional) = -1.27%;
  delayed discharge bed days 76,933 -> 61,519 (2023/24) = -20.04%;
  last six months in the community 85.7% -> 88.5% (2023, provisional) = +2.8 points;
  at home 95.6% -> 96.0% (2022/23) = +0.4 points.
]]
local E, G, W = "S37000012", "S37000034", "S37000031"
local S = "S92000003"

local row = require("rules").row -- one observation: indicator, area, period, value, {other fields}

return {
  {
    name = "Edinburgh's published baseline and latest figures: seven improving, geriatric long stay worsening",
    period = "2023/24 Q4", areas = { E },
    data = {
      row("MSG-3", E, "2017/18", 103986), row("MSG-3", E, "2023/24", 103720),
      row("MSG-1", E, "2017/18", 35597), row("MSG-1", E, "2023", 34491),
      row("MSG-2a", E, "2017/18", 330759), row("MSG-2a", E, "2023", 302875),
      row("MSG-2b", E, "2017/18", 22324), row("MSG-2b", E, "2023", 23980),
      row("MSG-2c", E, "2017/18", 122841), row("MSG-2c", E, "2023", 121285, { status = "provisional" }),
      row("MSG-4", E, "2017/18", 76933), row("MSG-4", E, "2023/24", 61519),
      row("MSG-5", E, "2017/18", "85.7"), row("MSG-5", E, "2023", "88.5", { status = "provisional" }),
      row("MSG-6", E, "2017/18", "95.6"), row("MSG-6", E, "2022/23", "96.0"),
    },
    expect = { [E] = {
      ["MSG-3"] = { status = "green", assessment = "improving", reason = "a change of -0.2558" },
      ["MSG-1"] = { status = "green", assessment = "improving", reason = "34491 in 2023 against 35597 in 2017/18: a change of -3.107" },
      ["MSG-2a"] = { status = "green", assessment = "improving", reason = "a change of -8.430" },
      ["MSG-2b"] = { status = "red", assessment = "worsening", reason = "a change of 7.418" },
      ["MSG-2c"] = { status = "green", assessment = "improving", reason = "a change of -1.266" },
      ["MSG-4"] = { status = "green", assessment = "improving", reason = "a change of -20.03" },
      ["MSG-5"] = { status = "green", assessment = "improving", reason = "a change of 2.8 against an interval of 0" },
      ["MSG-6"] = { status = "green", assessment = "improving", reason = "a change of 0.4 against" },
      ["HEAT-75"] = { status = "grey", assessment = "missing" },
      MSG = { status = "grey", reason = "7 green, 0 amber, 1 red, 0 without a colour" },
      HEAT = { status = "grey", reason = "0 green, 0 amber, 0 red, 1 without a colour" },
      overall = "grey",
    } },
  },
  {
    name = "the revised at-home baseline (95.5%): +0.5 points, still improving",
    period = "2023/24 Q4", areas = { E },
    data = { row("MSG-6", E, "2017/18", "95.5"), row("MSG-6", E, "2022/23", "96.0") },
    expect = { [E] = { ["MSG-6"] = { status = "green", assessment = "improving", reason = "a change of 0.5" } } },
  },
  {
    name = "tolerance 0: no change is amber; a fall in a percentage is worsening; a rise in a count is worsening",
    period = "2023/24 Q4", areas = { E, G },
    data = {
      row("MSG-1", E, "2017/18", 35597), row("MSG-1", E, "2023/24", 35597),
      row("MSG-5", E, "2017/18", "85.7"), row("MSG-5", E, "2023/24", "85.6"),
      row("MSG-4", G, "2017/18", 150000), row("MSG-4", G, "2023/24", 150001),
    },
    expect = {
      [E] = { ["MSG-1"] = { status = "amber", assessment = "no_change", reason = "a change of 0%" },
              ["MSG-5"] = { status = "red", assessment = "worsening" } },
      [G] = { ["MSG-4"] = { status = "red", assessment = "worsening" } },
    },
  },
  {
    name = "like for like: a quarter against the same quarter of 2017/18, never against the year",
    period = "2023/24 Q3", areas = { E, G },
    data = {
      row("MSG-1", E, "2017/18", 35597),
      row("MSG-1", E, "2017/18 Q3", 9100),
      row("MSG-1", E, "2023/24 Q3", 8700),       -- -4.40% against 2017/18 Q3 (not -75% against the year)
      row("MSG-1", G, "2017/18", 60000),
      row("MSG-1", G, "2023/24 Q3", 15500),      -- no 2017/18 Q3 to compare with
    },
    expect = {
      [E] = { ["MSG-1"] = { status = "green", assessment = "improving", reason = "against 9100 in 2017/18 Q3: a change of -4.395" } },
      [G] = { ["MSG-1"] = { status = "grey", assessment = "insufficient_data", reason = "no quarter starting 2017-10-01" } },
    },
  },
  {
    name = "like for like: a month against the same month of 2017/18 (January falls in 2018); a 3-year pool is not comparable",
    period = "2023/24 Q4", areas = { E, W },
    data = {
      row("MSG-3", E, "2018-01", 9000),
      row("MSG-3", E, "2024-01", 9450),          -- +5%: worsening
      row("MSG-3", W, "2017/18", 2000),
      row("MSG-3", W, "2021/22-2023/24", 6100),
    },
    expect = {
      [E] = { ["MSG-3"] = { status = "red", assessment = "worsening", reason = "against 9000 in 2018-01: a change of 5%" } },
      [W] = { ["MSG-3"] = { status = "grey", assessment = "not_comparable", reason = "is not a year, a quarter or a month" } },
    },
  },
  {
    name = "a series break between 2017/18 and the latest year is not comparable; no baseline is insufficient data",
    period = "2023/24 Q4", areas = { E, G, W },
    data = {
      row("MSG-2a", E, "2017/18", 330759), row("MSG-2a", E, "2020/21", 250000, { series_break = true }),
      row("MSG-2a", E, "2023/24", 302875),
      row("MSG-2a", G, "2018/19", 500000), row("MSG-2a", G, "2023/24", 480000),
      row("MSG-2a", W, "2017/18", 9000), row("MSG-2a", W, "2023/24", nil, { status = "NA" }),
      row("MSG-4", W, "2017/18", 1000), row("MSG-4", W, "2023/24", nil, { status = "c" }),
    },
    expect = {
      [E] = { ["MSG-2a"] = { status = "grey", assessment = "not_comparable", reason = "a series break lies between 2017/18 and 2023/24" } },
      [G] = { ["MSG-2a"] = { status = "grey", assessment = "insufficient_data", reason = "no year starting 2017-04-01" } },
      [W] = { ["MSG-2a"] = { status = "grey", assessment = "missing" },
              ["MSG-4"] = { status = "grey", assessment = "suppressed" } },
    },
  },
  {
    name = "HEAT 2011/12: 7.6% below 2009/10 (index 92.4) meets the 95.2 milestone",
    period = "2011/12 Q4", areas = { S, E },
    data = {
      row("HEAT-75", S, "2009/10", 5000), row("HEAT-75", S, "2011/12", 4620),
      row("HEAT-75", E, "2011/12", 4800),     -- no 2009/10 rate
    },
    expect = {
      [S] = { ["HEAT-75"] = { status = "green", assessment = "met", reason = "4620 in 2011/12 is 92.4% of 5000 in 2009/10" } },
      [E] = { ["HEAT-75"] = { status = "grey", assessment = "insufficient_data", reason = "no 2009/10 base rate" } },
    },
  },
  {
    name = "HEAT 2014/15: 11.5% below (index 88.5) misses the 12% cut; exactly 12% meets it",
    period = "2014/15 Q4", areas = { S, E },
    data = {
      row("HEAT-75", S, "2009/10", 5000), row("HEAT-75", S, "2014/15", 4425),
      row("HEAT-75", E, "2009/10", 5000), row("HEAT-75", E, "2014/15", 4400),
    },
    expect = {
      [S] = { ["HEAT-75"] = { status = "red", assessment = "not_met", reason = "misses the target 88" } },
      [E] = { ["HEAT-75"] = { status = "green", assessment = "met", reason = "meets the target 88" } },
    },
  },
  {
    name = "HEAT: the target is judged on the year the value describes (2013/14 in 2014/15 Q1: milestone 90.4)",
    period = "2014/15 Q1", areas = { S },
    data = { row("HEAT-75", S, "2009/10", 5000), row("HEAT-75", S, "2013/14", 4500) },
    expect = { [S] = { ["HEAT-75"] = { status = "green", assessment = "met", reason = "meets the target 90.4" } } },
  },
  {
    name = "HEAT compares years: a quarter's rate against the 2009/10 year is not comparable",
    period = "2014/15 Q2", areas = { S },
    data = { row("HEAT-75", S, "2009/10", 5000), row("HEAT-75", S, "2014/15 Q2", 1100) },
    expect = { [S] = { ["HEAT-75"] = { status = "grey", assessment = "not_comparable", reason = "periods of different lengths" } } },
  },
  {
    name = "HEAT after 2014/15 there is no target",
    period = "2016/17 Q4", areas = { S },
    data = { row("HEAT-75", S, "2009/10", 5000), row("HEAT-75", S, "2016/17", 4300) },
    expect = {
      [S] = { ["HEAT-75"] = { status = "grey", assessment = "no_target", reason = "the target ended" } },
    },
  },
  {
    name = "HEAT before its first entry is not applicable",
    period = "2009/10 Q4", areas = { E },
    data = { row("HEAT-75", E, "2009/10", 5000) },
    expect = {
      [E] = { ["HEAT-75"] = { status = "grey", assessment = "not_applicable", reason = "no target in force on 2009-04-01" } },
    },
  },
  {
    name = "data older than the framework's span are named, not scored under a later period's label",
    period = "2016/17 Q4", areas = { E },
    data = { row("HEAT-75", E, "2009/10", 5000) },
    expect = {
      [E] = { ["HEAT-75"] = { status = "grey", assessment = "not_available",
        reason = "no HEAT-75 value for 2016/17 Q4 or in the 2 years before it; the latest is 2009/10" } },
    },
  },
}
