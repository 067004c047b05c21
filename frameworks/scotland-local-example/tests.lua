--[[
Cases for scotland-local-example (synthetic values): the two local indicators, the NI-19
override, the survey break under a rule that spans it, and an inherited national indicator
that is still benchmarked against Scotland.
]]
local E, G, W = "S37000012", "S37000034", "S37000031"
local S = "S92000003"

local row = require("rules").row -- one observation: indicator, area, period, value, {other fields}

return {
  {
    name = "LOCAL-1 thresholds 90/80: met, near, not met; a value on a cut point takes the better band",
    period = "2023/24", areas = { E, G, W },
    data = {
      row("LOCAL-1", E, "2023/24", 90),
      row("LOCAL-1", G, "2023/24", 85.5),
      row("LOCAL-1", W, "2023/24", 79.9),
    },
    expect = {
      [E] = { ["LOCAL-1"] = { status = "green", assessment = "met", reason = "at or above the green threshold 90" },
              O2 = "green" },
      [G] = { ["LOCAL-1"] = { status = "amber", assessment = "near" }, O2 = "amber" },
      [W] = { ["LOCAL-1"] = { status = "red", assessment = "not_met", reason = "misses the amber threshold 80" } },
    },
  },
  {
    name = "the NI-19 override: a threshold replaces the benchmark (Scotland's value is not used)",
    period = "2023/24", areas = { E, G, W },
    data = {
      row("NI-19", S, "2023/24", 900),
      row("NI-19", E, "2023/24", 480, { numerator = 19200, denominator = 40000 }),
      row("NI-19", G, "2023/24", 750),
      row("NI-19", W, "2023/24", 820),   -- better than Scotland, but not the local standard
    },
    expect = {
      [E] = { ["NI-19"] = { status = "green", assessment = "met", reason = "at or below the green threshold 500" } },
      [G] = { ["NI-19"] = { status = "amber", assessment = "near", reason = "at or below the amber threshold 750" } },
      [W] = { ["NI-19"] = { status = "red", assessment = "not_met" }, O2 = "red", overall = "red" },
    },
  },
  {
    name = "LOCAL-2 across the 2023/24 survey break is not comparable; the national NI-9 benchmark still judges 2023/24",
    period = "2023/24", areas = { E },
    data = {
      row("NI-9", S, "2021/22", "79.7"),
      row("NI-9", S, "2023/24", "72.6", { series_break = true }),
      row("NI-9", E, "2021/22", "76.0", { lower_ci = "73.5", upper_ci = "78.5" }),
      row("NI-9", E, "2023/24", "70.1", { lower_ci = "67.4", upper_ci = "72.8", series_break = true }),
    },
    expect = { [E] = {
      ["LOCAL-2"] = { status = "grey", assessment = "not_comparable", reason = "a series break lies between 2021/22 and 2023/24" },
      -- PHS's survey test: se = 5.4 / 3.92 = 1.38 points, z = -2.5 / 1.38 = -1.81
      ["NI-9"] = { status = "amber", assessment = "similar", reason = "z = -1.81" },
      O7 = { status = "amber", reason = "worst of" },
    } },
  },
  {
    name = "LOCAL-2 with no 2021/22 value is insufficient data; the base survey itself is no change",
    period = "2021/22", areas = { E, G },
    data = {
      row("NI-9", E, "2019/20", "80.2"),   -- the 2021/22 survey has no value for this area
      row("NI-9", G, "2021/22", "77.0"),
    },
    expect = {
      [E] = { ["LOCAL-2"] = { status = "grey", assessment = "insufficient_data", reason = "no value for the base period 2021/22" } },
      [G] = { ["LOCAL-2"] = { status = "amber", assessment = "no_change", reason = "the latest period is the base period" } },
    },
  },
  {
    name = "LOCAL-2 improving and worsening after 2021/22 when no break is flagged (e.g. a later survey)",
    period = "2025/26", areas = { E, G },
    data = {
      row("NI-9", E, "2021/22", "76.0"), row("NI-9", E, "2025/26", "77.5"),
      row("NI-9", G, "2021/22", "76.0"), row("NI-9", G, "2025/26", "74.0"),
    },
    expect = {
      [E] = { ["LOCAL-2"] = { status = "green", assessment = "improving", reason = "a change of 1.5" } },
      [G] = { ["LOCAL-2"] = { status = "red", assessment = "worsening", reason = "a change of -2" } },
    },
  },
  {
    name = "inherited from scotland-nhwo: NI-12 benchmarked (Byar) and NI-20 not reported",
    period = "2023/24", areas = { E },
    data = {
      row("NI-12", S, "2023/24", 11500),
      row("NI-12", E, "2023/24", 11627.9, { numerator = 50000, denominator = 430000 }),
    },
    expect = { [E] = {
      ["NI-12"] = { status = "red", assessment = "worse", reason = "is worse than Scotland (11500.0)" },
      ["NI-20"] = { status = "grey", assessment = "not_reported" },
      O1 = "red",
    } },
  },
}
