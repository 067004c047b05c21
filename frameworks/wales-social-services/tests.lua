-- Test cases for wales-social-services (scores "rpb"). Synthetic figures; each case pins the
-- colours they must give. Geography: RPB-W11000023 North Wales = health board W11000023 =
-- councils W06000001-W06000006; RPB-W11000031 West Glamorgan = W11000031 = W06000011 Swansea
-- + W06000012 Neath Port Talbot; RPB-W11000024 Powys = W11000024 = W06000023.
local NW, PO, WW, CV, WG = "RPB-W11000023", "RPB-W11000024", "RPB-W11000025", "RPB-W11000029", "RPB-W11000031"
local Y = "2023/24"

local function obs(indicator, area, period, num, den)
  return { indicator = indicator, area = area, period = period, numerator = num, denominator = den }
end

return {
  {
    -- StatsWales, pathway of care delays by health board of provision (the count of delays on
    -- the census day): Cardiff and Vale 247 in April 2023, 191 in October 2023; Betsi
    -- Cadwaladr 326 and 339; Powys 59 and 60. Each RPB is built from its health board by
    -- adding (derive = "count"); the latest month of 2023/24 at hand, October, is judged.
    name = "Pathway of care delays, real health board counts: direction of travel against April 2023",
    period = Y, areas = { CV, NW, PO },
    data = {
      { indicator = "SS-POCD", area = "W11000029", period = "April 2023", value = 247 },
      { indicator = "SS-POCD", area = "W11000029", period = "October 2023", value = 191 },
      { indicator = "SS-POCD", area = "W11000023", period = "April 2023", value = 326 },
      { indicator = "SS-POCD", area = "W11000023", period = "October 2023", value = 339 },
      { indicator = "SS-POCD", area = "W11000024", period = "2023-04", value = 59 },
      { indicator = "SS-POCD", area = "W11000024", period = "2023-10", value = 60 },
    },
    expect = {
      [CV] = { ["SS-POCD"] = { status = "green", assessment = "improving",
                               reason = "191 in October 2023 against 247 in April 2023" } },
      -- +4.0%, inside the 5% tolerance
      [NW] = { ["SS-POCD"] = { status = "amber", assessment = "no_change" } },
      -- a file writing "2023-04" for the month is matched to the base "April 2023" by its days
      [PO] = { ["SS-POCD"] = { status = "amber", assessment = "no_change", reason = "60 in 2023-10 against 59 in April 2023" } },
    },
  },
  {
    name = "thresholds: the national 86% and 83% are the amber points, 90% green, boundaries to the better band",
    period = Y, areas = { NW, PO, WW },
    data = {
      { indicator = "SS-REABLEMENT", area = NW, period = Y, value = 90 },
      { indicator = "SS-REABLEMENT", area = PO, period = Y, value = 86 },
      { indicator = "SS-REABLEMENT", area = WW, period = Y, value = 85.9 },
      { indicator = "SS-AAR-ENQ-7WD", area = NW, period = Y, value = 89.9 },
      { indicator = "SS-AAR-ENQ-7WD", area = PO, period = Y, value = 83 },
      { indicator = "SS-AAR-ENQ-7WD", area = WW, period = Y, value = 82.9 },
    },
    expect = {
      [NW] = { ["SS-REABLEMENT"] = { status = "green", assessment = "met",
                                     reason = "not a national target" },
               ["SS-AAR-ENQ-7WD"] = { status = "amber", reason = "amber threshold 83" } },
      [PO] = { ["SS-REABLEMENT"] = { status = "amber", reason = "amber threshold 86" },
               ["SS-AAR-ENQ-7WD"] = "amber" },
      [WW] = { ["SS-REABLEMENT"] = { status = "red", assessment = "not_met" },
               ["SS-AAR-ENQ-7WD"] = { status = "red", reason = "framework assumption" } },
    },
  },
  {
    name = "council -> health board (West Glamorgan footprint): counts summed, 690/800 = 86.25% amber, "
      .. "not the 82.5% red an average of the two percentages would give",
    period = Y, areas = { "W11000031" },
    data = {
      obs("SS-REABLEMENT", "W06000011", Y, 540, 600), -- Swansea 90%
      obs("SS-REABLEMENT", "W06000012", Y, 150, 200), -- Neath Port Talbot 75%
      obs("SS-AAR-ENQ-7WD", "W06000011", Y, 460, 500),
      obs("SS-AAR-ENQ-7WD", "W06000012", Y, 280, 300),
    },
    expect = {
      W11000031 = {
        ["SS-REABLEMENT"] = { status = "amber", reason = "86.25 misses the green threshold 90" },
        ["SS-AAR-ENQ-7WD"] = { status = "green", reason = "derived from W06000011,W06000012" },
      },
    },
  },
  {
    name = "health board -> RPB: the RPB's one member is its health board (690/800 = 86.25%, amber)",
    period = Y, areas = { WG },
    data = { obs("SS-REABLEMENT", "W11000031", Y, 690, 800) },
    expect = { [WG] = { ["SS-REABLEMENT"] = { status = "amber", reason = "derived from W11000031" } } },
  },
  {
    -- Engine limit (derive reads direct members only): council data reach the health board,
    -- not the RPB. When the engine follows nested memberships, this case should expect the
    -- council-derived 86.25% amber "derived from W06000011,W06000012" instead.
    name = "council-only data reach the RPB through its health board: 690/800 = 86.25%, amber",
    period = Y, areas = { WG },
    data = {
      obs("SS-REABLEMENT", "W06000011", Y, 540, 600),
      obs("SS-REABLEMENT", "W06000012", Y, 150, 200),
    },
    expect = { [WG] = { ["SS-REABLEMENT"] = { status = "amber", reason = "derived from W06000011,W06000012" } } },
  },
  {
    name = "six North Wales councils -> Betsi Cadwaladr footprint: 1000/1200 enquiries in 7 days = 83.3%, amber",
    period = Y, areas = { "W11000023" },
    data = {
      obs("SS-AAR-ENQ-7WD", "W06000001", Y, 90, 100),
      obs("SS-AAR-ENQ-7WD", "W06000002", Y, 180, 200),
      obs("SS-AAR-ENQ-7WD", "W06000003", Y, 150, 200),
      obs("SS-AAR-ENQ-7WD", "W06000004", Y, 100, 120),
      obs("SS-AAR-ENQ-7WD", "W06000005", Y, 250, 300),
      obs("SS-AAR-ENQ-7WD", "W06000006", Y, 230, 280),
    },
    expect = {
      W11000023 = { ["SS-AAR-ENQ-7WD"] = { status = "amber",
        reason = "derived from W06000001,W06000002,W06000003,W06000004,W06000005,W06000006" } },
    },
  },
  {
    name = "no roll-up when a council lacks the period (Wrexham missing): missing, never a partial sum",
    period = Y, areas = { "W11000023" },
    data = {
      obs("SS-AAR-ENQ-7WD", "W06000001", Y, 90, 100),
      obs("SS-AAR-ENQ-7WD", "W06000002", Y, 180, 200),
      obs("SS-AAR-ENQ-7WD", "W06000003", Y, 150, 200),
      obs("SS-AAR-ENQ-7WD", "W06000004", Y, 100, 120),
      obs("SS-AAR-ENQ-7WD", "W06000005", Y, 250, 300),
    },
    expect = { W11000023 = { ["SS-AAR-ENQ-7WD"] = { status = "grey", assessment = "missing" } } },
  },
  {
    name = "delayed transfers: relative change from the 2018/19 base, 5% tolerance, lower is better",
    period = Y, areas = { NW, PO, CV, WW },
    data = {
      -- 3.75 -> 3.0 per 1,000 aged 75+: -20%, improving
      obs("SS-DTOC", "W11000023", "2018/19", 300, 80000), obs("SS-DTOC", "W11000023", Y, 255, 85000),
      -- 3.529 -> 3.444: -2.4%, within the tolerance
      obs("SS-DTOC", "W11000024", "2018/19", 60, 17000), obs("SS-DTOC", "W11000024", Y, 62, 18000),
      -- 2.5 -> 3.0: +20%, worsening
      obs("SS-DTOC", "W11000029", "2018/19", 100, 40000), obs("SS-DTOC", "W11000029", Y, 120, 40000),
      -- no base year
      obs("SS-DTOC", "W11000025", Y, 100, 50000),
    },
    expect = {
      [NW] = { ["SS-DTOC"] = { status = "green", assessment = "improving", reason = "derived from W11000023" } },
      [PO] = { ["SS-DTOC"] = { status = "amber", assessment = "no_change", reason = "base year and tolerance" } },
      [CV] = { ["SS-DTOC"] = { status = "red", assessment = "worsening" } },
      [WW] = { ["SS-DTOC"] = { status = "grey", assessment = "insufficient_data", reason = "2018/19" } },
    },
  },
  {
    name = "assessments met without a care and support plan: shown against 48%, never coloured",
    period = Y, areas = { NW, PO, WG },
    data = {
      { indicator = "SS-ASSESS-NO-PLAN", area = NW, period = Y, value = 52 },
      { indicator = "SS-ASSESS-NO-PLAN", area = PO, period = Y, value = 48 },
      obs("SS-ASSESS-NO-PLAN", "W11000031", Y, 450, 1000),
    },
    expect = {
      [NW] = { ["SS-ASSESS-NO-PLAN"] = { status = "grey", assessment = "higher", reason = "no judgement" } },
      [PO] = { ["SS-ASSESS-NO-PLAN"] = { status = "grey", assessment = "same" } },
      [WG] = { ["SS-ASSESS-NO-PLAN"] = { status = "grey", assessment = "lower", reason = "derived from W11000031" } },
    },
  },
  {
    name = "placeholders are never scored; statements and the RPB take the worst coloured child",
    period = Y, areas = { NW },
    data = {
      { indicator = "SS-REABLEMENT", area = NW, period = Y, value = 91 },
      { indicator = "SS-AAR-ENQ-7WD", area = NW, period = Y, value = 80 },
      -- data under a placeholder's id are still not scored
      { indicator = "WB08-NOI", area = NW, period = Y, value = 70 },
    },
    expect = {
      [NW] = {
        ["WB01-NOI"] = { status = "grey", assessment = "not_reported", reason = "not yet part of the scorecard" },
        ["WB08-NOI"] = { status = "grey", assessment = "not_reported" },
        WB02 = { status = "green", reason = "worst of" }, -- reablement green; delays missing
        WB10 = "red", WB12 = "green",
        WB03 = { status = "grey" },
        overall = { status = "red", reason = "worst of" },
      },
    },
  },
  {
    name = "a suppressed RPB figure is grey, and a suppressed council count blocks the roll-up",
    period = Y, areas = { NW, "W11000031" },
    data = {
      { indicator = "SS-REABLEMENT", area = NW, period = Y, value = "*" },
      obs("SS-REABLEMENT", "W06000011", Y, 540, 600),
      { indicator = "SS-REABLEMENT", area = "W06000012", period = Y, numerator = "*", denominator = 200 },
    },
    expect = {
      [NW] = { ["SS-REABLEMENT"] = { status = "grey", assessment = "suppressed" } },
      W11000031 = { ["SS-REABLEMENT"] = { status = "grey", assessment = "missing" } },
    },
  },
}
