-- Test cases for wales-hsc-outcomes (scores "rpb"). Synthetic figures. The reused social
-- services measures keep their cut points (wales-social-services ASSUMPTIONS: reablement
-- amber 86 / green 90, enquiries amber 83 / green 90, delays 5% change from 2018/19).
local NW, WG, CV = "RPB-W11000023", "RPB-W11000031", "RPB-W11000029"
local Y = "2023/24"

local function obs(indicator, area, period, num, den)
  return { indicator = indicator, area = area, period = period, numerator = num, denominator = den }
end

return {
  {
    name = "the 13 population indicators and the aims' own measures are placeholders: never scored",
    period = Y, areas = { NW },
    data = { { indicator = "HSC-PI01", area = NW, period = Y, value = 75 } },
    expect = {
      [NW] = {
        ["HSC-PI01"] = { status = "grey", assessment = "not_reported", reason = "Not scored: " },
        ["HSC-PI13"] = { status = "grey", assessment = "not_reported", reason = "13 proposed population indicators" },
        ["HSC-QA4-MEASURES"] = { status = "grey", assessment = "not_reported" },
        OVERARCHING = { status = "grey" }, QA1 = { status = "grey" }, QA4 = { status = "grey" },
        overall = { status = "grey" },
      },
    },
  },
  {
    name = "better quality and more accessible services: worst of reablement (green) and enquiries (amber)",
    period = Y, areas = { NW },
    data = {
      { indicator = "SS-REABLEMENT", area = NW, period = Y, value = 92 },
      { indicator = "SS-AAR-ENQ-7WD", area = NW, period = Y, value = 84 },
    },
    expect = {
      [NW] = { ["SS-REABLEMENT"] = "green",
               ["SS-AAR-ENQ-7WD"] = { status = "amber", reason = "framework assumption" },
               QA2 = { status = "amber", reason = "worst of" }, QA3 = { status = "grey" },
               overall = "amber" },
    },
  },
  {
    name = "roll-up to the RPB through its health board, with numerators and denominators",
    period = Y, areas = { WG },
    data = {
      obs("SS-REABLEMENT", "W11000031", Y, 690, 800),   -- 86.25%: amber
      obs("SS-AAR-ENQ-7WD", "W11000031", Y, 740, 800),  -- 92.5%: green
      obs("SS-DTOC", "W11000031", "2018/19", 120, 36000), obs("SS-DTOC", "W11000031", Y, 150, 40000), -- +12.5%: red
    },
    expect = {
      [WG] = { ["SS-REABLEMENT"] = { status = "amber", reason = "derived from W11000031" },
               ["SS-AAR-ENQ-7WD"] = "green",
               ["SS-DTOC"] = { status = "red", assessment = "worsening", reason = "derived from W11000031" },
               QA2 = "amber", QA3 = "red", overall = { status = "red", reason = "worst of" } },
    },
  },
  {
    name = "council returns reach the Swansea Bay footprint (W11000031) in one step: 690/800, amber",
    period = Y, areas = { "W11000031" },
    data = {
      obs("SS-REABLEMENT", "W06000011", Y, 540, 600),
      obs("SS-REABLEMENT", "W06000012", Y, 150, 200),
    },
    expect = { W11000031 = { ["SS-REABLEMENT"] = { status = "amber", reason = "derived from W06000011,W06000012" },
                             QA2 = "amber" } },
  },
  {
    name = "higher value: delays falling more than 5% from the 2018/19 base are green",
    period = Y, areas = { CV },
    data = { obs("SS-DTOC", "W11000029", "2018/19", 100, 40000), obs("SS-DTOC", "W11000029", Y, 90, 40000) },
    expect = { [CV] = { ["SS-DTOC"] = { status = "green", assessment = "improving" }, QA3 = "green", overall = "green" } },
  },
}
