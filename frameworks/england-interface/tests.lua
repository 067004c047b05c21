--[[
Cases for england-interface: Fingertips quintiles among the HWB areas scored, with each
measure's polarity. Synthetic values for six areas, evenly spaced. The bounds are the 20th..100th
percentiles of the values and a value belongs to the first fifth whose bound it does not exceed
(docs/stats.md, stats.quantiles), so with six values the fifths of the lowest to the highest are
1, 1, 2, 3, 4, 5: lower is better gives best, best, better, middle, worse, worst; higher is
better reverses the fifths (5, 5, 4, 3, 2, 1 from the lowest), so the two lowest are both worst.
]]
local A = { "E08000001", "E08000002", "E08000003", "E08000004", "E08000005", "E08000006" }

local function six(indicator, values, period)
  local rows = {}
  for i, v in ipairs(values) do
    rows[i] = { indicator = indicator, area = A[i], period = period or "2016/17", value = v }
  end
  return rows
end

local function concat(...)
  local out = {}
  for _, list in ipairs({ ... }) do for _, x in ipairs(list) do out[#out + 1] = x end end
  return out
end

local EA65 = "Emergency admissions aged 65+ per 100,000 population aged 65+"
local LOS90 = "90th percentile length of stay of emergency admissions aged 65+"
local REAB91 = "Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement/rehabilitation services"
local WKND = "Percentage of discharges following emergency admission at weekends"

return {
  {
    name = "lower is better (emergency admissions 65+) and higher is better (reablement at 91 days)",
    period = "2016/17", areas = A,
    data = concat(
      six(EA65, { "24000", "25000", "26000", "27000", "28000", "29000" }),
      six(REAB91, { "90.0", "88.0", "86.0", "84.0", "82.0", "80.0" })),
    expect = {
      -- admissions 24000 .. 29000 (lower is better); reablement 90.0 .. 80.0 (higher is better)
      [A[1]] = { EA65 = { status = "green", assessment = "best" }, REAB91 = { status = "green", assessment = "best" } },
      [A[2]] = { EA65 = { status = "green", assessment = "best" }, REAB91 = { status = "green", assessment = "better" } },
      [A[3]] = { EA65 = { status = "green", assessment = "better" }, REAB91 = { status = "amber", assessment = "middle" } },
      [A[4]] = { EA65 = { status = "amber", assessment = "middle" }, REAB91 = { status = "red", assessment = "worse" } },
      [A[5]] = { EA65 = { status = "red", assessment = "worse" }, REAB91 = { status = "red", assessment = "worst" } },
      [A[6]] = { EA65 = { status = "red", assessment = "worst", reason = "fifth 5 of 6 areas (1 = best)" },
                 REAB91 = { status = "red", assessment = "worst" },
                 INTERFACE = { status = "grey", reason = "0 green, 0 amber, 2 red, 4 without a colour" } },
    },
  },
  {
    name = "the unconfirmed weekend-discharge measure is judged higher-is-better like the others",
    period = "2016/17", areas = A,
    data = six(WKND, { "12.0", "14.0", "16.0", "18.0", "20.0", "22.0" }),
    expect = {
      [A[1]] = { WKND = { status = "red", assessment = "worst" } },
      [A[2]] = { WKND = { status = "red", assessment = "worst" } },
      [A[4]] = { WKND = { status = "amber", assessment = "middle" } },
      [A[6]] = { WKND = { status = "green", assessment = "best" } },
    },
  },
  {
    name = "fewer than five areas with a value: insufficient data; no value: missing",
    period = "2016/17", areas = A,
    data = {
      { indicator = LOS90, area = A[1], period = "2016/17", value = "21" },
      { indicator = LOS90, area = A[2], period = "2016/17", value = "24" },
      { indicator = LOS90, area = A[3], period = "2016/17", value = "27" },
      { indicator = LOS90, area = A[4], period = "2016/17", value = "NA" },
    },
    expect = {
      [A[1]] = { LOS90 = { status = "grey", assessment = "insufficient_data" } },
      [A[4]] = { LOS90 = { status = "grey", assessment = "missing" } },
      [A[5]] = { LOS90 = { status = "grey", assessment = "missing" }, DTOC = { status = "grey", assessment = "missing" } },
    },
  },
}
