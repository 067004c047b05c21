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
              ["B-WILSON"] = { status = "green", reason = "interval 55.25" },
              ["B-RATE"] = { status = "red", assessment = "worse", reason = "2393.7" } },
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
}
