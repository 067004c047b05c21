--[[
Cases for england-bcf-2017: the published plan-vs-actual cases of Cheshire East (E06000049),
2017/18 year end (Cheshire East Council, "Better Care Fund" page):
  residential admissions 65+: plan 716.9 per 100,000, actual 705.3, lower is better: met;
  reablement at 91 days: plan 88.4%, actual 79.3%, higher is better: not met (by 9.1 points).
The England values and the numerators and denominators in the comparison cases are synthetic.
Intervals (95%): Byar 640 / 90,740 = 705.3 per 100,000: 651.7-762.1; Wilson 793 / 1000 = 79.3%:
76.68-81.70.
]]
local CHESHIRE_EAST, CHESHIRE_WEST = "E06000049", "E06000050"
local ENGLAND = "E92000001"
local RES = "Permanent admissions to residential and nursing care homes aged 65+"
local REAB = "Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement/rehabilitation services"
local NEL = "Non-elective admissions (general and acute)"
local DTOC = "Delayed transfers of care: delayed days per 100,000 population aged 18+"

return {
  {
    name = "Cheshire East 2017/18: care home admissions 705.3 against plan 716.9 met; reablement 79.3 against 88.4 not met",
    period = "2017/18", areas = { CHESHIRE_EAST, CHESHIRE_WEST },
    data = {
      { indicator = RES, area = CHESHIRE_EAST, period = "2017/18", value = "705.3" },
      { indicator = REAB, area = CHESHIRE_EAST, period = "2017/18", value = "79.3" },
      { indicator = NEL, area = CHESHIRE_EAST, period = "2017/18", value = "38500" },
      { indicator = DTOC, area = CHESHIRE_EAST, period = "2017/18", value = "4020.5" },
      { indicator = RES, area = CHESHIRE_WEST, period = "2017/18", value = "650.0" },
    },
    expect = {
      [CHESHIRE_EAST] = {
        ["BCF17-RES-PLAN"] = { status = "green", assessment = "met",
                               reason = "2017/18 plan: 705.3 meets the target 716.9 (lower is better)" },
        ["BCF17-REAB-PLAN"] = { status = "red", assessment = "not_met",
                                reason = "79.3 misses the target 88.4 by 9.1 (higher is better)" },
        -- no published plan values for these two in the example table
        ["BCF17-NEL-PLAN"] = { status = "grey", assessment = "no_target" },
        ["BCF17-DTOC-PLAN"] = { status = "grey", assessment = "no_target" },
        PLAN = { status = "grey", reason = "1 green, 0 amber, 1 red, 2 without a colour" },
        overall = { status = "grey", reason = "1 green, 0 amber, 1 red, 4 without a colour" },
      },
      [CHESHIRE_WEST] = {
        ["BCF17-RES-PLAN"] = { status = "grey", assessment = "no_target", reason = "no 2017/18 plan value for E06000050" },
      },
    },
  },
  {
    name = "2018/19: the example table has no plan for that year",
    period = "2018/19", areas = { CHESHIRE_EAST },
    data = { { indicator = RES, area = CHESHIRE_EAST, period = "2018/19", value = "690.0" } },
    expect = { [CHESHIRE_EAST] = {
      ["BCF17-RES-PLAN"] = { status = "grey", assessment = "no_target", reason = "no 2018/19 plan for this indicator" },
    } },
  },
  {
    name = "against England: Cheshire East 705.3 (651.7-762.1) is worse than 585.6; 79.3% (76.7-81.7) worse than 82.9%",
    period = "2017/18", areas = { CHESHIRE_EAST },
    data = {
      { indicator = RES, area = ENGLAND, period = "2017/18", value = "585.6" },
      { indicator = RES, area = CHESHIRE_EAST, period = "2017/18", value = "705.3", numerator = 640, denominator = 90740 },
      { indicator = REAB, area = ENGLAND, period = "2017/18", value = "82.9" },
      { indicator = REAB, area = CHESHIRE_EAST, period = "2017/18", value = "79.3", numerator = 793, denominator = 1000 },
    },
    expect = { [CHESHIRE_EAST] = {
      ["BCF17-RES-ENG"] = { status = "red", assessment = "worse", reason = "705.3, interval 651.7-762.1, is worse than England (585.6)" },
      ["BCF17-REAB-ENG"] = { status = "red", assessment = "worse", reason = "79.3, interval 76.7-81.7, is worse than England (82.9)" },
      ["BCF17-RES-PLAN"] = "green",
      ENGLAND = { status = "grey", reason = "0 green, 0 amber, 2 red, 0 without a colour" },
    } },
  },
  {
    name = "against England without counts: not compared, values stated but not judged",
    period = "2017/18", areas = { CHESHIRE_EAST },
    data = {
      { indicator = RES, area = ENGLAND, period = "2017/18", value = "585.6" },
      { indicator = RES, area = CHESHIRE_EAST, period = "2017/18", value = "705.3" },
    },
    expect = { [CHESHIRE_EAST] = {
      ["BCF17-RES-ENG"] = { status = "grey", assessment = "not_compared",
                            reason = "on values alone 705.3 is above England's 585.6" },
    } },
  },
}
