--[[
Cases for the england-bcf framework (2023-25): synthetic observations that pin its colours.
The real plan-vs-actual case of this metric set is Herefordshire 2022/23, discharge to usual
place of residence: plan 91.6%, actual 90.0%, missed by 1.6 points (lower than plan, higher is
better: not met). Results on the real Fingertips and ASCOF files are pinned by
tests/e2e/test_england_real.sh.

Values are written as strings, as publishers write them (the store keeps the text).
Intervals for the comparison with England (95%):
  Wilson   9300/10000 = 93.0%: 92.48-93.48      900/1000 = 90.0%: 87.98-91.71
           980/1000 = 98.0%: 96.93-98.70
  Byar     50 / 10,000 = 500 per 100,000: 371.1-659.2     1000 / 100,000 = 1000: 939.0-1064.0
           400 / 100,000 = 400: 361.8-441.2
]]
local HEREFORDSHIRE, WORCESTERSHIRE = "E06000019", "E10000034"
local TRAFFORD, BURY, MIDDLESBROUGH, HALTON = "E08000009", "E08000002", "E06000002", "E06000006"
local ENGLAND = "E92000001"

local DISCH = "Discharge to usual place of residence"
local FALLS = "Emergency hospital admissions due to falls in people aged 65 and over"
local RES = "Permanent admissions to residential and nursing care homes aged 65+"

local function obs(indicator, area, period, value, extra)
  local row = { indicator = indicator, area = area, period = period, value = value }
  for k, v in pairs(extra or {}) do row[k] = v end
  return row
end

return {
  {
    name = "Herefordshire 2022/23: discharge to usual residence 90.0% against its plan of 91.6% is not met",
    period = "2022/23", areas = { HEREFORDSHIRE, WORCESTERSHIRE },
    data = {
      obs(DISCH, HEREFORDSHIRE, "2022/23", "90.0"),
      obs(DISCH, WORCESTERSHIRE, "2022/23", "92.0"),
    },
    expect = {
      [HEREFORDSHIRE] = {
        ["BCF-DISCH-PLAN"] = { status = "red", assessment = "not_met",
                               reason = "2022/23 plan: 90.0 misses the target 91.6 by 1.6 (higher is better)" },
        -- no numerator and denominator, no England value: not compared
        ["BCF-DISCH-ENG"] = { status = "grey", assessment = "not_compared" },
        ["BCF-FALLS-PLAN"] = { status = "grey", assessment = "missing" },
        PLAN = { status = "grey", reason = "0 green, 0 amber, 1 red, 4 without a colour" },
        overall = { status = "grey" },
      },
      -- no plan value in the example table for Worcestershire: no target, never a colour
      [WORCESTERSHIRE] = {
        ["BCF-DISCH-PLAN"] = { status = "grey", assessment = "no_target",
                               reason = "no 2022/23 plan value for E10000034" },
      },
    },
  },
  {
    name = "a value equal to the plan meets it (Herefordshire 91.6 against 91.6)",
    period = "2022/23", areas = { HEREFORDSHIRE },
    data = { obs(DISCH, HEREFORDSHIRE, "2022/23", "91.6") },
    expect = { [HEREFORDSHIRE] = {
      ["BCF-DISCH-PLAN"] = { status = "green", assessment = "met", reason = "91.6 meets the target 91.6" },
      PLAN = { status = "grey", reason = "1 green, 0 amber, 0 red, 4 without a colour" },
    } },
  },
  {
    name = "the plan year is matched by its days: a file writing 2022/2023 meets the 2022/23 plan",
    period = "2022/23", areas = { HEREFORDSHIRE },
    data = { obs(DISCH, HEREFORDSHIRE, "2022/2023", "92.0") },
    expect = { [HEREFORDSHIRE] = {
      ["BCF-DISCH-PLAN"] = { status = "green", assessment = "met", reason = "2022/23 plan: 92.0 meets the target 91.6" },
    } },
  },
  {
    name = "no plan for the year judged: 2023/24 has no entry in the example table",
    period = "2023/24", areas = { HEREFORDSHIRE },
    data = { obs(DISCH, HEREFORDSHIRE, "2022/23", "90.0"), obs(DISCH, HEREFORDSHIRE, "2023/24", "93.1") },
    expect = { [HEREFORDSHIRE] = {
      ["BCF-DISCH-PLAN"] = { status = "grey", assessment = "no_target", reason = "no 2023/24 plan for this indicator" },
    } },
  },
  {
    name = "plans are per financial year: a quarterly observation has no plan",
    period = "2022/23", areas = { HEREFORDSHIRE },
    data = { obs(DISCH, HEREFORDSHIRE, "2022/23 Q4", "90.5") },
    expect = { [HEREFORDSHIRE] = {
      ["BCF-DISCH-PLAN"] = { status = "grey", assessment = "no_target", reason = "no 2022/23 Q4 plan for this indicator" },
    } },
  },
  {
    name = "discharge against England, Wilson interval: similar, worse, better",
    period = "2023/24", areas = { HEREFORDSHIRE, WORCESTERSHIRE, TRAFFORD },
    data = {
      obs(DISCH, ENGLAND, "2023/24", "93.0"),
      obs(DISCH, HEREFORDSHIRE, "2023/24", "93.0", { numerator = 9300, denominator = 10000 }),
      obs(DISCH, WORCESTERSHIRE, "2023/24", "90.0", { numerator = 900, denominator = 1000 }),
      obs(DISCH, TRAFFORD, "2023/24", "98.0", { numerator = 980, denominator = 1000 }),
    },
    expect = {
      [HEREFORDSHIRE] = { ["BCF-DISCH-ENG"] = { status = "amber", assessment = "similar",
                                                reason = "is similar to England (93.0)" } },
      [WORCESTERSHIRE] = { ["BCF-DISCH-ENG"] = { status = "red", assessment = "worse",
                                                 reason = "90.0, interval 88.0-91.7, is worse than England (93.0)" },
                           ENGLAND = { status = "grey", reason = "0 green, 0 amber, 1 red, 4 without a colour" } },
      [TRAFFORD] = { ["BCF-DISCH-ENG"] = { status = "green", assessment = "better" } },
    },
  },
  {
    name = "residential admissions 65+ against England, Byar interval (lower is better)",
    period = "2023/24", areas = { TRAFFORD, BURY, HALTON },
    data = {
      obs(RES, ENGLAND, "2023/24", "566"),
      obs(RES, TRAFFORD, "2023/24", "500", { numerator = 50, denominator = 10000 }),
      obs(RES, BURY, "2023/24", "1000", { numerator = 1000, denominator = 100000 }),
      obs(RES, HALTON, "2023/24", "400", { numerator = 400, denominator = 100000 }),
    },
    expect = {
      [TRAFFORD] = { ["BCF-RES-ENG"] = { status = "amber", assessment = "similar", reason = "500, interval 371-659, is similar to England (566)" } },
      [BURY] = { ["BCF-RES-ENG"] = { status = "red", assessment = "worse" } },
      [HALTON] = { ["BCF-RES-ENG"] = { status = "green", assessment = "better" } },
    },
  },
  {
    name = "falls against England on published limits; England on the bound is similar",
    period = "2023/24", areas = { TRAFFORD, BURY, HALTON, HEREFORDSHIRE },
    data = {
      obs(FALLS, ENGLAND, "2023/24", "2100"),
      obs(FALLS, TRAFFORD, "2023/24", "1800", { lower_ci = "1700", upper_ci = "1900" }),
      obs(FALLS, BURY, "2023/24", "2150", { lower_ci = "2050", upper_ci = "2250" }),
      obs(FALLS, HALTON, "2023/24", "2400", { lower_ci = "2300", upper_ci = "2500" }),
      obs(FALLS, HEREFORDSHIRE, "2023/24", "2000", { lower_ci = "1900", upper_ci = "2100" }),
    },
    expect = {
      [TRAFFORD] = { ["BCF-FALLS-ENG"] = { status = "green", assessment = "better" },
                     ["BCF-FALLS-PLAN"] = { status = "grey", assessment = "no_target" } },
      [BURY] = { ["BCF-FALLS-ENG"] = { status = "amber", assessment = "similar" } },
      [HALTON] = { ["BCF-FALLS-ENG"] = { status = "red", assessment = "worse" } },
      [HEREFORDSHIRE] = { ["BCF-FALLS-ENG"] = { status = "amber", assessment = "similar",
                                                reason = "interval 1900-2100" } },
    },
  },
  {
    name = "falls without limits (as in value-only exports): not compared, values stated but not judged",
    period = "2010/11", areas = { MIDDLESBROUGH },
    data = { obs(FALLS, ENGLAND, "2010/11", "2126"), obs(FALLS, MIDDLESBROUGH, "2010/11", "2463") },
    expect = { [MIDDLESBROUGH] = {
      ["BCF-FALLS-ENG"] = { status = "grey", assessment = "not_compared",
                            reason = "on values alone 2463 is above England's 2126 (not a judgement" },
      ENGLAND = { status = "grey", reason = "0 green, 0 amber, 0 red, 5 without a colour" },
    } },
  },
  {
    name = "no England value for the period: not compared; a missing value is missing, not a colour",
    period = "2016/17", areas = { BURY, TRAFFORD },
    data = {
      obs(RES, ENGLAND, "2015/16", "628.2"),
      obs(RES, BURY, "2016/17", "NA"),
      obs(RES, TRAFFORD, "2016/17", "883.2", { numerator = 300, denominator = 33967 }),
    },
    expect = {
      [BURY] = { ["BCF-RES-ENG"] = { status = "grey", assessment = "missing" },
                 ["BCF-RES-PLAN"] = { status = "grey", assessment = "missing" } },
      [TRAFFORD] = { ["BCF-RES-ENG"] = { status = "grey", assessment = "not_compared",
                                         reason = "no comparator value for 2016/17" } },
    },
  },
}
