--[[
Fingertips' own benchmark, as the verdicts in its exports state it: an area's value is
Better or Worse than its comparator when its 95% confidence interval lies wholly below or
above the comparator's value, Similar when the interval holds it, and Higher, Lower or
Similar for an indicator without a polarity. Used by tests/e2e/test_fingertips_real.sh,
which checks with `scorecard published` that every verdict equals the one Fingertips
published beside the same figure.

Source: OHID Fingertips, "Compared to England value or percentiles" and "Compared to Region
value or percentiles" columns of the all_data/csv export; method as PHEindicatormethods and
the Fingertips technical guidance describe it (confidence interval overlapping the
benchmark's value). Indicator 93356, Campylobacter incidence rate per 100,000: lower is
better (Fingertips' Better/Worse verdicts agree with that polarity).
]]
local r = require("rules")

return r.framework{
  id = "fingertips-benchmark", version = "1",
  title = "Fingertips' benchmark verdicts, reproduced",
  country = "England", scores = "hwb", period = "calendar_year",
  comparator = "E92000001",
  latest_within = "5 years",
  outcomes = {
    { id = "campylobacter", title = "Campylobacter incidence",
      indicators = { "campy", "campy-0-9", "campy-region" } },
    { id = "wider", title = "Wider determinants (County & UA, pre 4/19)",
      indicators = { "low-income-u16", "violent-crime", "homelessness", "most-deprived", "leaving-care",
                     "unemployment", "imd-2015", "domestic-abuse" } },
  },
  indicators = {
    { id = "campy", series = "93356", title = "Campylobacter incidence rate per 100,000, all ages",
      polarity = "lower", rule = r.benchmark{ interval = "published" } },
    { id = "campy-0-9", series = "93356", title = "Campylobacter incidence rate per 100,000, aged 0-9",
      polarity = "lower", breakdown = { age = "0-9 yrs" }, rule = r.benchmark{ interval = "published" } },
    { id = "campy-region", series = "93356", title = "Campylobacter incidence, against the area's region",
      polarity = "lower", comparator = { parent = "region" }, rule = r.benchmark{ interval = "published" } },

    { id = "low-income-u16", series = "10101", title = "Children in low income families (under 16s)",
      polarity = "none", breakdown = { age = "<16 yrs" }, rule = r.benchmark{ interval = "published" } },
    { id = "violent-crime", series = "11202", title = "Violent crime: violence offences per 1,000",
      polarity = "none", rule = r.benchmark{ interval = "published" } },
    { id = "homelessness", series = "11501", title = "Statutory homelessness: rate per 1,000 households",
      polarity = "none", breakdown = { sex = "Not applicable", age = "Not applicable" },
      rule = r.benchmark{ interval = "published" } },
    { id = "most-deprived", series = "1730", title = "People living in the 20% most deprived areas",
      polarity = "none", rule = r.benchmark{ interval = "published" } },
    { id = "leaving-care", series = "90402", title = "Children leaving care: rate per 10,000",
      polarity = "none", breakdown = { age = "<18 yrs" }, rule = r.benchmark{ interval = "published" } },
    { id = "unemployment", series = "91126", title = "Unemployment (model-based)",
      polarity = "none", breakdown = { age = "16+ yrs" }, rule = r.benchmark{ interval = "published" } },
    { id = "imd-2015", series = "91872", title = "Deprivation score (IMD 2015)",
      polarity = "none", rule = r.benchmark{ interval = "published" } },
    { id = "domestic-abuse", series = "92863", title = "Domestic abuse-related incidents and crimes",
      polarity = "none", breakdown = { age = "16+ yrs" }, rule = r.benchmark{ interval = "published" } },
  },
}
