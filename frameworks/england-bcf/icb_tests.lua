--[[
Cases for icb.lua: ICB values derived from member HWBs (numerators and denominators summed),
standardised rates not aggregable, an ICB's own figure preferred, split councils approximate,
and the engine's limit with councils that ceased (see icb.lua).

  scorecard test --cases icb_tests.lua icb.lua

Intervals (95%): Byar 400 / 180,000 = 222.2 per 100,000: 201.0-245.1;
3200 / 480,000 = 666.7: 643.8-690.2. Wilson 9400 / 10,000 = 94.0%: 93.52-94.45.
]]
local HW = "E54000019"            -- Herefordshire and Worcestershire: E06000019, E10000034
local SNEE = "E54000023"          -- Suffolk and North East Essex: Essex and Suffolk, both split
local LSC = "E54000048"           -- Lancashire and South Cumbria
local HEREFORDSHIRE, WORCESTERSHIRE = "E06000019", "E10000034"
local ESSEX, SUFFOLK = "E10000012", "E10000029"
local ENGLAND = "E92000001"

local RES = "Permanent admissions to residential and nursing care homes aged 65+"
local DISCH = "Discharge to usual place of residence"
local FALLS = "Emergency hospital admissions due to falls in people aged 65 and over"

local function obs(indicator, area, value, num, den, extra)
  local row = { indicator = indicator, area = area, period = "2023/24", value = value,
                numerator = num, denominator = den }
  for k, v in pairs(extra or {}) do row[k] = v end
  return row
end

return {
  {
    name = "Herefordshire and Worcestershire: counts summed from its two HWBs, compared with England",
    period = "2023/24", areas = { HW },
    data = {
      obs(RES, ENGLAND, "566"),
      obs(RES, HEREFORDSHIRE, "250", 100, 40000),
      obs(RES, WORCESTERSHIRE, "214.3", 300, 140000),
      obs(DISCH, ENGLAND, "93.0"),
      obs(DISCH, HEREFORDSHIRE, "90.0", 900, 1000),
      obs(DISCH, WORCESTERSHIRE, "94.4", 8500, 9000),
    },
    expect = { [HW] = {
      ["BCF-RES-ENG"] = { status = "green", assessment = "better",
                          reason = "(derived from E06000019,E10000034)" },
      ["BCF-DISCH-ENG"] = { status = "green", assessment = "better", reason = "94.0, interval 93.5-94.4, is better than England (93.0)" },
      ["BCF-FALLS-ENG"] = { status = "grey", assessment = "missing" },
      ENGLAND = { status = "grey", reason = "2 green, 0 amber, 0 red, 3 without a colour" },
    } },
  },
  {
    name = "derived residential admissions: 400 / 180,000 = 222.2 per 100,000 (not the mean of 250 and 214.3)",
    period = "2023/24", areas = { HW },
    data = {
      obs(RES, ENGLAND, "230"),
      obs(RES, HEREFORDSHIRE, "250", 100, 40000),
      obs(RES, WORCESTERSHIRE, "214.3", 300, 140000),
    },
    expect = { [HW] = {
      ["BCF-RES-ENG"] = { status = "amber", assessment = "similar", reason = "222.2, interval 201.0-245.1, is similar to England (230.0)" },
    } },
  },
  {
    name = "a member without the period: the ICB is not derived (missing)",
    period = "2023/24", areas = { HW },
    data = { obs(RES, ENGLAND, "566"), obs(RES, HEREFORDSHIRE, "250", 100, 40000) },
    expect = { [HW] = { ["BCF-RES-ENG"] = { status = "grey", assessment = "missing" } } },
  },
  {
    name = "falls (directly standardised) derived from members: unreliable, not aggregable",
    period = "2023/24", areas = { HW },
    data = {
      obs(FALLS, ENGLAND, "2100"),
      obs(FALLS, HEREFORDSHIRE, "2000", nil, 45000),
      obs(FALLS, WORCESTERSHIRE, "1900", nil, 130000),
    },
    expect = { [HW] = { ["BCF-FALLS-ENG"] = { status = "grey", assessment = "unreliable",
                                              reason = "not_aggregable" } } },
  },
  {
    name = "an ICB's own published falls figure is used, with its limits",
    period = "2023/24", areas = { HW },
    data = {
      obs(FALLS, ENGLAND, "2100"),
      obs(FALLS, HW, "1950", nil, nil, { lower_ci = "1900", upper_ci = "2000" }),
      obs(FALLS, HEREFORDSHIRE, "2000", nil, 45000),
      obs(FALLS, WORCESTERSHIRE, "1900", nil, 130000),
    },
    expect = { [HW] = { ["BCF-FALLS-ENG"] = { status = "green", assessment = "better",
                                              reason = "1950, interval 1900-2000" } } },
  },
  {
    name = "Suffolk and North East Essex: both councils are split between ICBs, so the roll-up is approximate",
    period = "2023/24", areas = { SNEE },
    data = {
      obs(RES, ENGLAND, "566"),
      obs(RES, ESSEX, "666.7", 2000, 300000),
      obs(RES, SUFFOLK, "666.7", 1200, 180000),
    },
    -- each council counts its share of residents in the ICB (Census 2021, data/geography/README.md):
    -- (0.227 x 2000 + 0.847 x 1200) / (0.227 x 300000 + 0.847 x 180000) = 666.67 per 100,000
    expect = { [SNEE] = { ["BCF-RES-ENG"] = { status = "red", assessment = "worse",
      reason = "approximate geography: E10000012 at weight 0.227, E10000029 at weight 0.847" } } },
  },
  {
    -- Cumbria (ended March 2023) is left out; Westmorland and Furness counts 0.758 of itself,
    -- Cumberland 0.031 and North Yorkshire 0.010 (their residents in the ICB): 1943.11 / 339940
    name = "Lancashire and South Cumbria in 2023/24: Cumbria left out, three councils counted by their shares",
    period = "2023/24", areas = { LSC },
    data = {
      obs(RES, ENGLAND, "566"),
      obs(RES, "E06000008", "600", 120, 20000),
      obs(RES, "E06000009", "700", 175, 25000),
      obs(RES, "E06000063", "650", 1300, 200000),
      obs(RES, "E06000064", "650", 195, 30000),
      obs(RES, "E06000065", "500", 3000, 600000),
      obs(RES, "E10000017", "550", 1430, 260000),
    },
    expect = { [LSC] = { ["BCF-RES-ENG"] = { status = "amber", assessment = "similar",
      reason = "572, interval 546-598, is similar to England (566)" } } },
  },
}
