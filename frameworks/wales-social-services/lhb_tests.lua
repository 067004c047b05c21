-- Test cases for lhb.lua (wales-social-services scored per health board): council returns
-- rolled up to each RPB footprint by summing numerators and denominators.
local Y = "2023/24"

local function obs(indicator, area, num, den)
  return { indicator = indicator, area = area, period = Y, numerator = num, denominator = den }
end

return {
  {
    name = "Cwm Taf Morgannwg footprint from Bridgend, Rhondda Cynon Taf and Merthyr Tydfil: 870/1000 = 87%, amber",
    period = Y, areas = { "W11000030" },
    data = {
      obs("SS-REABLEMENT", "W06000013", 270, 300),
      obs("SS-REABLEMENT", "W06000016", 440, 500),
      obs("SS-REABLEMENT", "W06000024", 160, 200),
    },
    expect = {
      W11000030 = { ["SS-REABLEMENT"] = { status = "amber", reason = "derived from W06000013,W06000016,W06000024" },
                    WB02 = "amber", WB12 = "amber", overall = "amber" },
    },
  },
  {
    name = "Powys: one council, its own counts (95/100 enquiries within 7 days, green)",
    period = Y, areas = { "W11000024" },
    data = { obs("SS-AAR-ENQ-7WD", "W06000023", 95, 100) },
    expect = { W11000024 = { ["SS-AAR-ENQ-7WD"] = { status = "green", reason = "derived from W06000023" },
                             WB10 = "green", overall = "green" } },
  },
  {
    name = "Gwent from its five councils: 700/1000 = 70%, red, and the area is red",
    period = Y, areas = { "W11000028" },
    data = {
      obs("SS-AAR-ENQ-7WD", "W06000018", 150, 200),
      obs("SS-AAR-ENQ-7WD", "W06000019", 100, 150),
      obs("SS-AAR-ENQ-7WD", "W06000020", 100, 150),
      obs("SS-AAR-ENQ-7WD", "W06000021", 100, 150),
      obs("SS-AAR-ENQ-7WD", "W06000022", 250, 350),
    },
    expect = { W11000028 = { ["SS-AAR-ENQ-7WD"] = { status = "red",
      reason = "derived from W06000018,W06000019,W06000020,W06000021,W06000022" }, overall = "red" } },
  },
}
