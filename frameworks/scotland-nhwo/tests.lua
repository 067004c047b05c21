--[[
Cases for scotland-nhwo: synthetic values (not published figures, except where a note says so)
that pin every interval method of the benchmark, the statuses without a colour, the survey
break and the roll-ups. Each case runs on a fresh store holding only its rows.

The survey indicators (NI-1 to NI-9) are judged by PHS's test (r.survey): the standard error
from the published 95% limits, se = (upper - lower) / 3.92, z = difference / se, Scotland's
standard error 0 when its row has no limits.
Intervals are worked out with the engine's stats functions (PHEindicatormethods methods):
  Wilson 700/1000 = 70.0%, 67.09-72.76;  600/1000 = 60.0%, 56.93-62.99;
  Wilson 100/1000 discharges = 100 per 1,000, 82.91-120.15 (x 1,000);
  Byar 50,000 admissions / 430,000 x 100,000 = 11,627.9, 11,526.2-11,730.3;
  Byar 3,000 falls / 100,000 x 1,000 = 30.0, 28.94-31.09.
]]
local E, G, W, CS = "S37000012", "S37000034", "S37000031", "S37000005"
local S = "S92000003"

local row = require("rules").row -- one observation: indicator, area, period, value, {other fields}

return {
  {
    name = "PHS's survey test, Wilson and Byar against Scotland; outcomes and area are worst of",
    period = "2023/24", areas = { E, G },
    data = {
      -- NI-1 (survey), higher is better
      row("NI-1", S, "2023/24", "90.7"),
      row("NI-1", E, "2023/24", "93.0", { lower_ci = "91.9", upper_ci = "94.1" }),   -- z = 2.3 / 0.561 = 4.10: better
      row("NI-1", G, "2023/24", "90.0", { lower_ci = "88.6", upper_ci = "90.7" }),   -- z = -0.7 / 0.536 = -1.31: similar
      -- NI-12 (Byar), lower is better
      row("NI-12", S, "2023/24", 11500),
      row("NI-12", E, "2023/24", 11627.9, { numerator = 50000, denominator = 430000 }), -- 11,526-11,730: worse
      -- NI-16 (Byar per 1,000)
      row("NI-16", S, "2023/24", 32),
      row("NI-16", E, "2023/24", 30, { numerator = 3000, denominator = 100000 }),       -- 28.9-31.1: better
      row("NI-16", G, "2023/24", 30),                                                   -- no counts: not compared
      -- NI-18 (Wilson, %)
      row("NI-18", S, "2023/24", 65),
      row("NI-18", E, "2023/24", 70, { numerator = 700, denominator = 1000 }),          -- better
      row("NI-18", G, "2023/24", 60, { numerator = 600, denominator = 1000 }),          -- worse
      -- NI-14 (Wilson per 1,000 discharges), lower is better
      row("NI-14", S, "2023/24", 102),
      row("NI-14", E, "2023/24", 100, { numerator = 100, denominator = 1000 }),         -- similar
    },
    expect = {
      [E] = {
        ["NI-1"] = { status = "green", assessment = "better",
                     reason = "93.0% is significantly better than Scotland (90.7%): z = 4.10, a difference of 2 points" },
        ["NI-12"] = { status = "red", assessment = "worse", reason = "interval 11526.2" },
        ["NI-16"] = { status = "green", assessment = "better", reason = "30, interval 29-31, is better than Scotland (32)" },
        ["NI-18"] = { status = "green", assessment = "better", reason = "70, interval 67-73, is better than Scotland (65)" },
        ["NI-14"] = { status = "amber", assessment = "similar", reason = "100, interval 83-120, is similar to Scotland (102)" },
        O1 = { status = "red", reason = "worst of" },       -- NI-1 green, NI-12 red, NI-16 green
        O4 = "red",                                         -- the same indicators as O1
        O2 = "green",                                       -- NI-18 only
        O9 = "amber",                                       -- NI-14 similar; NI-20, NI-23 not reported
        O5 = "grey",                                        -- NI-11: no data
        overall = "red",
      },
      [G] = {
        ["NI-1"] = { status = "amber", assessment = "similar", reason = "not significantly different from Scotland (90.7%): z = -1.31" },
        ["NI-16"] = { status = "grey", assessment = "not_compared", reason = "no numerator and denominator" },
        ["NI-18"] = { status = "red", assessment = "worse" },
        O2 = "red",
      },
    },
  },
  {
    name = "the example from a partnership report: NI-3 Edinburgh 57.2% against Scotland 59.6% (limits synthetic)",
    period = "2023/24", areas = { E },
    data = {
      row("NI-3", S, "2023/24", "59.6", { series_break = true }),
      row("NI-3", E, "2023/24", "57.2", { lower_ci = "54.6", upper_ci = "59.8", series_break = true }),
    },
    -- se = 5.2 / 3.92 = 1.33 points, z = -2.4 / 1.33 = -1.81
    expect = { [E] = { ["NI-3"] = { status = "amber", assessment = "similar", reason = "z = -1.81, a difference of -2 points" },
                       O3 = "amber", O7 = "amber" } },
  },
  {
    name = "survey break: the survey test compares one period, so a 2023/24 row marked series_break is still judged",
    period = "2023/24", areas = { E, G },
    data = {
      row("NI-2", S, "2021/22", "78.8"),
      row("NI-2", S, "2023/24", "71.0", { series_break = true }),
      row("NI-2", E, "2021/22", "75.0", { lower_ci = "72.0", upper_ci = "78.0" }),
      row("NI-2", E, "2023/24", "66.0", { lower_ci = "63.0", upper_ci = "69.0", series_break = true }),
      row("NI-2", G, "2021/22", "81.0", { lower_ci = "79.0", upper_ci = "83.0" }),
    },
    expect = {
      -- against Scotland's 2023/24 value under the same new question: worse
      [E] = { ["NI-2"] = { status = "red", assessment = "worse", reason = "Scotland (71.0%)" } },
      -- Glasgow has no 2023/24 row: its latest is 2021/22, benchmarked against Scotland's 2021/22
      [G] = { ["NI-2"] = { status = "green", assessment = "better", reason = "Scotland (78.8%)" } },
    },
  },
  {
    name = "not reported: NI-10, 20, 21, 22, 23 are grey whatever the data hold",
    period = "2023/24", areas = { E },
    data = {
      row("NI-20", S, "2019/20", 24.0),
      row("NI-20", E, "2019/20", 21.0, { lower_ci = 20, upper_ci = 22 }),
      row("NI-10", E, "2023/24", 50),
    },
    expect = { [E] = {
      ["NI-10"] = { status = "grey", assessment = "not_reported", reason = "defined but not published" },
      ["NI-20"] = { status = "grey", assessment = "not_reported", reason = "since the pandemic" },
      ["NI-21"] = { status = "grey", assessment = "not_reported" },
      ["NI-22"] = { status = "grey", assessment = "not_reported" },
      ["NI-23"] = { status = "grey", assessment = "not_reported" },
      O8 = "grey",            -- NI-6 no data, NI-10 not reported: no child has a colour
      overall = "grey",
    } },
  },
  {
    name = "missing and suppressed: no row, an NA cell, a suppressed survey cell (*)",
    period = "2023/24", areas = { E, G, W },
    data = {
      row("NI-8", S, "2023/24", "30.5"),
      row("NI-8", E, "2023/24", nil, { status = "*" }),
      row("NI-8", G, "2023/24", nil, { status = "NA" }),
      row("NI-9", S, "2023/24", "72.6", { series_break = true }),
      row("NI-9", W, "2023/24", nil, { status = "suppressed", series_break = true }),
    },
    expect = {
      [E] = { ["NI-8"] = { status = "grey", assessment = "suppressed" },
              ["NI-9"] = { status = "grey", assessment = "missing" } },
      [G] = { ["NI-8"] = { status = "grey", assessment = "missing", reason = "missing in the data" } },
      [W] = { ["NI-8"] = { status = "grey", assessment = "missing", reason = "no NI-8 value" },
              ["NI-9"] = { status = "grey", assessment = "suppressed" },
              O6 = "grey" },
    },
  },
  {
    name = "not compared: no Scotland value for the period; no interval published (NI-15)",
    period = "2023/24", areas = { E },
    data = {
      row("NI-15", S, "2023/24", 89.1),
      row("NI-15", E, "2023/24", 88.5),
      row("NI-19", S, "2022/23", 900),
      row("NI-19", E, "2023/24", 700, { numerator = 28000, denominator = 40000 }),
    },
    expect = { [E] = {
      ["NI-15"] = { status = "grey", assessment = "not_compared", reason = "no confidence interval" },
      ["NI-19"] = { status = "grey", assessment = "not_compared", reason = "no comparator value" },
    } },
  },
  {
    name = "a calendar-year proxy (2023) is judged on a 2023/24 scorecard against Scotland's 2023",
    period = "2023/24", areas = { E },
    data = {
      row("NI-13", S, "2022/23", 200000),
      row("NI-13", S, "2023", 110000),
      row("NI-13", E, "2023", 100000, { numerator = 430000, denominator = 430000 }),
    },
    expect = { [E] = { ["NI-13"] = { status = "green", assessment = "better", reason = "Scotland (110000)" } } },
  },
}
