local E, G, W, F, D, A = "S37000012", "S37000034", "S37000031", "S37000032", "S37000006", "S37000001"
local S = "S92000003"

local function yearly(ind, area, values, extra)
  local rows = {}
  for i, v in ipairs(values) do
    local y = 2018 + i
    local row = { indicator = ind, area = area, period = string.format("%d/%02d", y, (y + 1) % 100), value = v }
    for k, x in pairs((extra or {})[i] or {}) do row[k] = x end
    rows[#rows + 1] = row
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
    -- 10,500 against 10,000 is 5.0% above: similar (the bound is in); 10,510 is 5.1% above:
    -- worse; 9,000 is 10% below: better. Year on year: 10,500 after 10,000 is +5% (worsening
    -- beyond 2%); a series break between the two years is not comparable; one year alone has
    -- no previous year.
    name = "activity readings: the relative difference from Scotland, and year on year",
    period = "2023/24", areas = { E, G, W, F, D },
    data = concat(
      { { indicator = "REL", area = S, period = "2023/24", value = 10000 },
        { indicator = "REL", area = E, period = "2023/24", value = 10500 },
        { indicator = "REL", area = G, period = "2023/24", value = 10510 },
        { indicator = "REL", area = W, period = "2023/24", value = 9000 } },
      yearly("YOY", E, { 9000, 9500, 10000, 10000, 10500 }),
      yearly("YOY", G, { 9000, 9500, 10000, 10000, 9900 }),
      yearly("YOY", W, { 9000, 9500, 10000, 10000, 9000 }, { [5] = { series_break = true } }),
      { { indicator = "YOY", area = F, period = "2023/24", value = 9000 },
        -- a gap: 2022/23 is missing, so 2021/22 is not the year before
        { indicator = "YOY", area = D, period = "2021/22", value = 9000 },
        { indicator = "YOY", area = D, period = "2023/24", value = 9500 },
        -- a calendar year after a financial year overlaps it: not year on year
        { indicator = "YOY-PROXY", area = E, period = "2022/23", value = 9000 },
        { indicator = "YOY-PROXY", area = E, period = "2023", value = 9500 } }),
    expect = {
      [E] = { REL = { status = "amber", assessment = "similar", reason = "10500 is 5% above Scotland's 10000 (similar within 5%" },
              YOY = { status = "red", assessment = "worsening", reason = "10500 in 2023/24 against 10000 in 2022/23" },
              ["YOY-PROXY"] = { status = "grey", assessment = "not_comparable", reason = "not the same kind of period" } },
      [G] = { REL = { status = "red", assessment = "worse", reason = "5.1% above" },
              YOY = { status = "amber", assessment = "no_change" } },
      [W] = { REL = { status = "green", assessment = "better", reason = "10% below" },
              YOY = { status = "grey", assessment = "not_comparable" } },
      [F] = { REL = { status = "grey", assessment = "missing" },
              YOY = { status = "grey", assessment = "insufficient_data", reason = "no value for a period before 2023/24" } },
      [D] = { YOY = { status = "grey", assessment = "insufficient_data",
                      reason = "no value for the period just before 2023/24 (the last before it is 2021/22)" } },
    },
  },
  {
    -- PHS's test (health-and-care-experience-survey-2023, 04.significance_tests.R); z worked
    -- by hand: se = (upper - lower) / 3.92 from limits, sqrt(deff p (1 - p) / n) from responses.
    name = "survey: against Scotland, against the previous survey, from responses and a design effect",
    period = "2023/24", areas = { E, G, W, F },
    data = {
      -- significant (z = 4.89) but 0.45 points round to 0: PHS flags it not different
      { indicator = "SURV-CMP", area = S, period = "2023/24", value = 73, lower_ci = 72.9, upper_ci = 73.1 },
      { indicator = "SURV-CMP", area = E, period = "2023/24", value = 73.45, lower_ci = 73.3, upper_ci = 73.6 },
      { indicator = "SURV-CMP", area = G, period = "2023/24", value = 75 },
      -- 75 (72-78) then 70 (67-73): z = -2.31, worse; 80 then 79: z = -0.69, similar
      { indicator = "SURV-PREV", area = E, period = "2021/22", value = 75, lower_ci = 72, upper_ci = 78 },
      { indicator = "SURV-PREV", area = E, period = "2023/24", value = 70, lower_ci = 67, upper_ci = 73 },
      { indicator = "SURV-PREV", area = G, period = "2021/22", value = 80, lower_ci = 78, upper_ci = 82 },
      { indicator = "SURV-PREV", area = G, period = "2023/24", value = 79, lower_ci = 77, upper_ci = 81 },
      { indicator = "SURV-PREV", area = W, period = "2023/24", value = 79, lower_ci = 77, upper_ci = 81 },
      { indicator = "SURV-PREV", area = F, period = "2021/22", value = 80, lower_ci = 78, upper_ci = 82 },
      { indicator = "SURV-PREV", area = F, period = "2023/24", value = 60, lower_ci = 58, upper_ci = 62,
        series_break = "yes" },
      -- 70% of 1,500 and 68% of 1,500 against 73% of 100,000, design effect 1.8
      { indicator = "SURV-N", area = S, period = "2023/24", value = 73, denominator = 100000 },
      { indicator = "SURV-N", area = E, period = "2023/24", value = 70, denominator = 1500 },
      { indicator = "SURV-N", area = G, period = "2023/24", value = 68, denominator = 1500 },
      { indicator = "SURV-N", area = W, period = "2023/24", value = 68 },
    },
    expect = {
      [E] = {
        ["SURV-CMP"] = { status = "amber", assessment = "similar", reason = "z = 4.89, a difference of 0 points" },
        ["SURV-PREV"] = { status = "red", assessment = "worse", reason = "than the 2021/22 survey (75%): z = -2.31" },
        ["SURV-N"] = { status = "amber", assessment = "similar", reason = "z = -1.88" },
      },
      [G] = {
        ["SURV-CMP"] = { status = "grey", assessment = "not_compared", reason = "no interval or number of responses" },
        ["SURV-PREV"] = { status = "amber", assessment = "similar", reason = "z = -0.69" },
        ["SURV-N"] = { status = "red", assessment = "worse", reason = "z = -3.07, a difference of -5 points" },
      },
      [W] = {
        ["SURV-PREV"] = { status = "grey", assessment = "insufficient_data", reason = "no earlier survey" },
        ["SURV-N"] = { status = "grey", assessment = "not_compared", reason = "no interval or number of responses" },
      },
      [F] = { ["SURV-PREV"] = { status = "grey", assessment = "not_comparable", reason = "the question changed" } },
    },
  },
  {
    name = "benchmarks: published limits, Wilson and Byar against Scotland; the bound is similar",
    period = "2023/24", areas = { E, G, W },
    data = {
      { indicator = "B-PUB", area = S, period = "2023/24", value = 50 },
      { indicator = "B-PUB", area = E, period = "2023/24", value = 55, lower_ci = 51, upper_ci = 59 },
      { indicator = "B-PUB", area = G, period = "2023/24", value = 52, lower_ci = 50, upper_ci = 56 },
      { indicator = "B-PUB", area = W, period = "2023/24", value = 45, lower_ci = 41, upper_ci = 49 },
      { indicator = "B-WILSON", area = S, period = "2023/24", value = 50 },
      { indicator = "B-WILSON", area = E, period = "2023/24", value = 65, numerator = 65, denominator = 100 },
      { indicator = "B-WILSON", area = G, period = "2023/24", value = 50, numerator = 50, denominator = 100 },
      { indicator = "B-RATE", area = S, period = "2023/24", value = 1000 },
      { indicator = "B-RATE", area = E, period = "2023/24", value = 5000, numerator = 10, denominator = 200 },
    },
    expect = {
      [E] = { ["B-PUB"] = { status = "green", assessment = "better" },
              ["B-WILSON"] = { status = "green", reason = "65, interval 55-74, is better than Scotland (50)" },
              ["B-RATE"] = { status = "red", assessment = "worse", reason = "5000, interval 2394-9196" } },
      [G] = { ["B-PUB"] = { status = "amber", assessment = "similar" }, ["B-WILSON"] = "amber" },
      [W] = { ["B-PUB"] = "red", ["B-WILSON"] = { status = "grey", assessment = "missing" } },
    },
  },
  {
    name = "no comparator value: not compared",
    period = "2023/24", areas = { E },
    data = { { indicator = "B-PUB", area = E, period = "2023/24", value = 55, lower_ci = 51, upper_ci = 59 } },
    expect = { [E] = { ["B-PUB"] = { status = "grey", assessment = "not_compared" } } },
  },
  {
    name = "quintiles among six partnerships, lower is better",
    period = "2023/24", areas = { E, G, W, F, D, A },
    data = {
      { indicator = "QUINT", area = E, period = "2023/24", value = 10 },
      { indicator = "QUINT", area = G, period = "2023/24", value = 20 },
      { indicator = "QUINT", area = W, period = "2023/24", value = 30 },
      { indicator = "QUINT", area = F, period = "2023/24", value = 40 },
      { indicator = "QUINT", area = D, period = "2023/24", value = 50 },
      { indicator = "QUINT", area = A, period = "2023/24", value = 60 },
    },
    expect = { [E] = { QUINT = { status = "green", assessment = "best" } },
               [W] = { QUINT = { status = "green", assessment = "better" } }, [F] = { QUINT = "amber" },
               [D] = { QUINT = { status = "red", assessment = "worse" } },
               [A] = { QUINT = { status = "red", assessment = "worst" } } },
  },
  {
    -- The average is 26,260 / 50,100 = 52.41%. With 10,000 each, 1 SD is about 0.50 points: 60% is 15
    -- SD above (best), 51% 2.8 below (outside 95%, inside 99.8%: worse), 50% 4.8 below (worst). A
    -- has 60% of only 100, 1.5 SD of its own size above: the funnel keeps it similar.
    name = "a funnel plot: an area's difference is judged at its own size",
    period = "2023/24", areas = { E, G, W, F, D, A },
    data = {
      { indicator = "FUNNEL", area = E, period = "2023/24", value = 60, numerator = 6000, denominator = 10000 },
      { indicator = "FUNNEL", area = G, period = "2023/24", value = 50, numerator = 5000, denominator = 10000 },
      { indicator = "FUNNEL", area = W, period = "2023/24", value = 50, numerator = 5000, denominator = 10000 },
      { indicator = "FUNNEL", area = F, period = "2023/24", value = 51, numerator = 5100, denominator = 10000 },
      { indicator = "FUNNEL", area = D, period = "2023/24", value = 51, numerator = 5100, denominator = 10000 },
      { indicator = "FUNNEL", area = A, period = "2023/24", value = 60, numerator = 60, denominator = 100 },
    },
    expect = {
      [E] = { FUNNEL = { status = "green", assessment = "best", reason = "above the 99.8% limit of the funnel around 52, the average of 6 areas" } },
      [G] = { FUNNEL = { status = "red", assessment = "worst", reason = "below the 99.8% limit" } },
      [F] = { FUNNEL = { status = "red", assessment = "worse", reason = "below the 95% limit" } },
      [A] = { FUNNEL = { status = "amber", assessment = "similar", reason = "within the 95% limits of the funnel around 52, the average of 6 areas" } },
    },
  },
  {
    name = "a funnel plot needs five areas with counts",
    period = "2023/24", areas = { E, G },
    data = {
      { indicator = "FUNNEL", area = E, period = "2023/24", value = 60, numerator = 6000, denominator = 10000 },
      { indicator = "FUNNEL", area = G, period = "2023/24", value = 50 },
    },
    expect = { [E] = { FUNNEL = { status = "grey", assessment = "insufficient_data" } } },
  },
  {
    -- Limits around Scotland's 50% for 1,000: 50 -+ 1.96 sqrt(.25 / 1000) = 46.9-53.1 (Wilson's
    -- of 500 of 1,000); 56% is outside them, 52% inside. Without a denominator: not compared.
    -- A DSR of 150 per 100,000 over 100,000 person-years against 100: E = 100 events, 99.8%
    -- limits about 71.0-132.3: worst, lower being better.
    name = "Fingertips' SPC comparers: limits around the comparator at the area's size",
    period = "2023/24", areas = { E, G, W },
    data = {
      { indicator = "B-SPC", area = S, period = "2023/24", value = 50 },
      { indicator = "B-SPC", area = E, period = "2023/24", value = 56, denominator = 1000 },
      { indicator = "B-SPC", area = G, period = "2023/24", value = 52, denominator = 1000 },
      { indicator = "B-SPC", area = W, period = "2023/24", value = 52 },
      { indicator = "B-SPC-DSR", area = S, period = "2023/24", value = 100 },
      { indicator = "B-SPC-DSR", area = E, period = "2023/24", value = 150, denominator = 100000 },
    },
    expect = {
      [E] = { ["B-SPC"] = { status = "green", assessment = "better", reason = "control limits 47-53 for a denominator of 1000" },
              ["B-SPC-DSR"] = { status = "red", assessment = "worst", reason = "SPC for DSRs" } },
      [G] = { ["B-SPC"] = { status = "amber", assessment = "similar" } },
      [W] = { ["B-SPC"] = { status = "grey", assessment = "not_compared" } },
    },
  },
  {
    name = "quintiles need five areas",
    period = "2023/24", areas = { E, G },
    data = { { indicator = "QUINT", area = E, period = "2023/24", value = 10 },
             { indicator = "QUINT", area = G, period = "2023/24", value = 20 } },
    expect = { [E] = { QUINT = { status = "grey", assessment = "insufficient_data" } } },
  },
  {
    name = "recent trend: a steady rise with narrow limits improves; four points are too few",
    period = "2023/24", areas = { E, G },
    data = concat(
      yearly("TREND", E, { 10, 20, 30, 40, 50 }, {
        { lower_ci = 9, upper_ci = 11 }, { lower_ci = 19, upper_ci = 21 }, { lower_ci = 29, upper_ci = 31 },
        { lower_ci = 39, upper_ci = 41 }, { lower_ci = 49, upper_ci = 51 } }),
      yearly("TREND", G, { 10, 20, 30, 40 }, {
        { lower_ci = 9, upper_ci = 11 }, { lower_ci = 19, upper_ci = 21 }, { lower_ci = 29, upper_ci = 31 },
        { lower_ci = 39, upper_ci = 41 } })),
    expect = { [E] = { TREND = { status = "green", assessment = "improving" } },
               [G] = { TREND = { status = "grey", assessment = "insufficient_data" } } },
  },
  {
    name = "PfG change rule: inside the interval, beyond it either way, across a series break",
    period = "2023/24", areas = { E, G, W, F },
    data = concat(
      yearly("PFG", E, { 20.0, 19.5, 19.0, 18.9, 18.8 }),
      yearly("PFG", G, { 20.0, 19.5, 19.0, 18.0, 18.2 }),
      yearly("PFG", W, { 20.0, 19.5, 19.0, 20.0, 21.5 }),
      yearly("PFG", F, { 20.0, 19.5, 19.0, 18.0, 17.0 }, { {}, {}, { series_break = true } })),
    expect = {
      [E] = { PFG = { status = "amber", assessment = "no_change" } },
      [G] = { PFG = { status = "green", assessment = "improving" } },
      [W] = { PFG = { status = "red", assessment = "worsening" } },
      [F] = { PFG = { status = "grey", assessment = "not_comparable" } },
    },
  },
  {
    name = "MSG direction of travel: Edinburgh admissions fell 3.11% from 2017/18",
    period = "2023/24", areas = { E },
    data = {
      { indicator = "MSG", area = E, period = "2017/18", value = 35597 },
      { indicator = "MSG", area = E, period = "2023/24", value = 34491 },
    },
    expect = { [E] = { MSG = { status = "green", assessment = "improving" } } },
  },
  {
    name = "SPC: too short a series is insufficient data; a stable one is common cause (grey)",
    period = "2023/24", areas = { E, G },
    data = concat(
      yearly("SPC", E, { 5, 6, 5, 7, 6 }),
      (function()
        local rows = {}
        local v = { 50, 52, 49, 51, 50, 53, 48, 50, 52, 49, 51, 50, 52, 49, 51 }
        for i, x in ipairs(v) do
          rows[i] = { indicator = "SPC", area = G, period = tostring(2008 + i), value = x }
        end
        return rows
      end)()),
    expect = { [E] = { SPC = { status = "grey", assessment = "insufficient_data" } },
               [G] = { SPC = { status = "grey", assessment = "common_cause" } } },
  },
  {
    -- 40 in 100 for 2009-2015, then 60 in 100 for 2016-2023: over the whole series the last
    -- eight points are a shift above the mean (improvement, high); recalculated from 2016 the
    -- last point sits on its own segment's centre line (common cause), on trial limits as the
    -- segment has fewer than 13 points; the target of 0.7 set from 2020 lies between that
    -- segment's limits (0.60 -+ 3 x sqrt(0.6 x 0.4 / 100), 0.45 to 0.75): inconsistent.
    -- Glasgow has no denominators: a p chart cannot be drawn.
    name = "SPC p charts: a shift, and the same series recalculated at a rebase with targets by period",
    period = "2023/24", areas = { E, G },
    data = (function()
      local rows = {}
      for i = 1, 15 do
        local year = tostring(2008 + i)
        local num = i <= 7 and (40 + (i % 3) - 1) or (60 + (i % 3) - 1)
        for _, id in ipairs({ "SPC-P", "SPC-P-REBASED" }) do
          rows[#rows + 1] = { indicator = id, area = E, period = year, value = num, numerator = num, denominator = 100 }
          rows[#rows + 1] = { indicator = id, area = G, period = year, value = num }
        end
      end
      return rows
    end)(),
    expect = {
      [E] = { ["SPC-P"] = { status = "grey", assessment = "improvement_high", reason = "improving nature, significantly higher" },
              ["SPC-P-REBASED"] = { status = "grey", assessment = "common_cause",
                                    reason = "inconsistently pass and fail the target (trial limits" } },
      [G] = { ["SPC-P"] = { status = "grey", assessment = "insufficient_data", reason = "needs the numerator and denominator" } },
    },
  },
}
