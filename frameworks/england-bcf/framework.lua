--[[
England: the Better Care Fund (BCF) national metrics for 2023 to 2025, scored per Health and
Wellbeing Board (HWB) area, each metric judged two ways:

  PLAN     against the area's own locally agreed plan value for the financial year (the BCF's
           own judgement: "on track" / "not on track");
  ENGLAND  against England (E92000001) for the same period, with 95% confidence intervals (the
           Fingertips comparison: better / similar / worse).

The ICB view (42 Integrated Care Boards, rolled up from the HWBs) is icb.lua beside this file:
  scorecard run --framework frameworks/england-bcf/icb.lua
The 2017-19 metric set is the framework england-bcf-2017.

Applies to: the BCF plan years 2023/24 and 2024/25 (the 2023 to 2025 policy framework and its
2024-25 addendum). The 2025-26 metrics differ (emergency admissions 65+, discharge delays,
long-term care home admissions 65+) and are not in this version.

Sources
  - DHSC, 2023 to 2025 Better Care Fund policy framework, and its addendum (updated 12 April 2024):
    https://www.gov.uk/government/publications/better-care-fund-policy-framework-2023-to-2025
    Plans are agreed per HWB by the ICB(s) and the council, owned by the HWB, under a section 75
    pooled budget; each metric is judged against a locally agreed plan, not a national threshold.
  - Falls: Fingertips indicator 22401 (Public Health Outcomes Framework C29),
    https://fingertips.phe.org.uk/ ; the metric name as BCF reports use it ("Emergency hospital
    admissions due to falls in people aged 65 and over directly age standardised rate per
    100,000"): Leicestershire HWB, BCF year end 2024-25, https://democracy.leics.gov.uk/mgAi.aspx?ID=85164
  - Avoidable admissions: NHS Outcomes Framework 2.3.i,
    https://digital.nhs.uk/data-and-information/publications/statistical/nhs-outcomes-framework
  - Residential admissions and reablement: the Adult Social Care Outcomes Framework (ASCOF),
    https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-outcomes-framework-ascof
    (legacy ids 2A(2) and 2B(1); 2A(2) became 2C in 2023-24; the new id of 2B(1) is unconfirmed).
  - The comparison with England: the Fingertips comparer (method 1): the comparator inside the
    area's 95% interval, bounds included, is similar (docs/stats.md, stats.compare).

Definition status, as the project's England brief marks it: [C] confirmed in a cited public
source, [P] partly confirmed, [U] unconfirmed. [C] -> definition "confirmed"; [P] and [U] ->
"unconfirmed", so the scorecard flags them (definition_unconfirmed). Per metric:
  avoidable admissions [P] (the 2021-23 definition is [C]; its carry-over into 2023-25 [P]; the
  standardisation [U]); falls [C]; discharge to usual place of residence [P] (2021-23 [C], carried
  over [P]); residential admissions 65+ [P]; reablement at 91 days [C].

What this framework does not know
  - The plans. Plans are local: every HWB agrees its own plan value per metric and year. PLANS
    below is an EXAMPLE table holding the one published real plan value the brief records for a
    metric of this set (Herefordshire 2022/23, discharge to usual place of residence). A
    partnership fills in its own table and builds its variant with r.extend and
    `exports.plan_overrides` (see example_local_plan.lua beside this file). An area or a year with
    no plan value is "no_target" (grey), never a colour.
  - Series ids. Falls and residential admissions use the indicator names of the Fingertips and
    ASCOF exports as the importer stores them (data/mappings/fingertips.json, ascof.json). The
    other three have no real file here: their series ids are this framework's choice.
  - Quarterly plans. Some 2023-25 plans were set per quarter; this framework judges financial
    years only: a quarterly observation is "no_target".

Colours: the default map (met / better green, near / similar amber, not_met / worse red).
Roll-up: the BCF publishes no roll-up colour (each metric is reported on its own), so each view
and the area show counts per colour (r.rollup.count_summary), as a named assumption below.
]]
local r = require "rules"

local ENGLAND = "E92000001"

------------------------------------------------------------------------------------------
-- Named assumptions. A designer changes them here and nowhere else.
local ASSUMPTIONS = {
  -- Plan vs actual is two-state in BCF reporting (met / not met): mode "value". For an amber
  -- "near" band set plan_mode = "value_with_band" and plan_band (absolute, in the metric's unit).
  plan_mode = "value",
  plan_band = nil,
  -- The comparison with England: Fingertips' single 95% level. two_level = true adds the 99.8%
  -- level (best / worst).
  benchmark_level = 0.95,
  two_level = false,
  -- The brief's status labels to the engine's definition field.
  definition = { C = "confirmed", P = "unconfirmed", U = "unconfirmed" },
  -- No roll-up colour: counts per colour for each view and for the area.
  rollup = r.rollup.count_summary,
  -- The plan years this version applies to (the example table may also hold an earlier year of
  -- a carried-over metric, labelled as such).
  plan_years = { "2023/24", "2024/25" },
}

------------------------------------------------------------------------------------------
-- The five metrics. interval: where the 95% interval for the comparison with England comes
-- from ("published": the limits in the data; "wilson": a proportion from numerator and
-- denominator; "rate": Byar's / exact Poisson limits of a count over a population).
local METRICS = {
  { key = "AA", status = "P",
    title = "Avoidable admissions: unplanned hospitalisation for chronic ambulatory care sensitive conditions",
    unit = "per 100,000 population", polarity = "lower",
    series = "Unplanned hospitalisation for chronic ambulatory care sensitive conditions",
    interval = "published", standardised = true,
    source = "https://digital.nhs.uk/data-and-information/publications/statistical/nhs-outcomes-framework (2.3.i); "
      .. "https://www.gov.uk/government/publications/better-care-fund-policy-framework-2023-to-2025",
    notes = "[P] Unplanned (emergency) admissions for chronic ambulatory care sensitive conditions (e.g. "
      .. "diabetes, epilepsy, high blood pressure), NHS Outcomes Framework 2.3.i, a BCF metric from 2021-23 "
      .. "[C], carried over into 2023-25 [P]. Published as an indirectly standardised rate per 100,000; "
      .. "the standardisation is [U]. Compared with England on the published limits only: no interval "
      .. "can be computed here without the expected counts. Series id: this framework's choice." },
  { key = "FALLS", status = "C",
    title = "Emergency hospital admissions due to falls in people aged 65 and over",
    unit = "per 100,000 aged 65+ (directly age-standardised)", polarity = "lower",
    series = "Emergency hospital admissions due to falls in people aged 65 and over",
    interval = "published", standardised = true,
    source = "https://fingertips.phe.org.uk/ (indicator 22401, PHOF C29); "
      .. "https://www.gov.uk/government/publications/better-care-fund-policy-framework-2023-to-2025",
    notes = "[C] Emergency admissions for falls injuries, persons 65+, directly age-standardised rate per "
      .. "100,000 (European Standard Population 2013), financial year; new BCF metric in 2023-25. "
      .. "Compared with England on Fingertips' published 95% limits (Dobson). Exports without the limits "
      .. "(such as fingertipsR extracts of the value only) are not_compared." },
  { key = "DISCH", status = "P",
    title = "Discharge to usual place of residence", unit = "%", polarity = "higher",
    series = "Discharge to usual place of residence", interval = "wilson", multiplier = 100,
    source = "https://www.gov.uk/government/publications/better-care-fund-policy-framework-2023-to-2025",
    notes = "[P] Percentage of people resident in the HWB area discharged from acute hospital to their "
      .. "usual (normal) place of residence (Secondary Uses Service); a BCF metric from 2021-23 [C], "
      .. "carried over into 2023-25 [P]. Numerator: discharges to usual place of residence; denominator: "
      .. "all discharges from acute hospital (Wilson interval). Series id: this framework's choice." },
  { key = "RES", status = "P",
    title = "Long-term support needs of older people (65+) met by admission to residential and nursing care homes",
    unit = "per 100,000 aged 65+", polarity = "lower",
    series = "Permanent admissions to residential and nursing care homes aged 65+",
    interval = "rate", multiplier = 100000,
    source = "https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-outcomes-framework-ascof "
      .. "(ASCOF 2A(2), 2C from 2023-24)",
    notes = "[P] Permanent admissions of people aged 65+ to residential and nursing care homes per 100,000 "
      .. "population aged 65+ (ASCOF 2A(2); renumbered 2C in 2023-24, when the source moved to client "
      .. "level data: a possible break in the series). In the BCF 2017-19 [C] and 2022-25 [P]. Numerator: "
      .. "admissions; denominator: population 65+ (Byar's interval). Series id: the indicator name of "
      .. "ASCOF exports (data/mappings/ascof.json)." },
  { key = "REAB", status = "C",
    title = "Proportion of older people (65+) still at home 91 days after discharge from hospital into reablement",
    unit = "%", polarity = "higher",
    series = "Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement/rehabilitation services",
    interval = "wilson", multiplier = 100,
    source = "https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-outcomes-framework-ascof "
      .. "(ASCOF 2B(1); NHS Outcomes Framework 3.6.i)",
    notes = "[C] Of people aged 65+ discharged from hospital into reablement / rehabilitation services "
      .. "(1 October - 31 December), the percentage still at home 91 days later (ASCOF 2B(1), SALT STS004); "
      .. "the 2023-24 ASCOF id is [U]. Numerator: at home at 91 days; denominator: discharged into "
      .. "reablement (Wilson interval). Series id: this framework's choice (the ASCOF title)." },
}

------------------------------------------------------------------------------------------
-- EXAMPLE plan table: PLANS[metric key][plan year][HWB code] = plan value, in the metric's
-- unit. NOT a national table: each partnership agrees its own plans and fills in its own
-- table (see example_local_plan.lua). The only entry is a real published plan value:
--   Herefordshire (E06000019), 2022/23, discharge to usual place of residence: plan 91.6%
--   (actual 90.0%, missed by 1.6 points). Herefordshire Council, BCF 2022/23 year-end report,
--   https://councillors.herefordshire.gov.uk/mgAi.aspx?ID=64087 . 2022/23 is the last year of
--   the 2022-23 BCF, before this version; it is kept because the metric carried over into
--   2023-25 unchanged [P] and it is the published plan-vs-actual case for this metric.
local PLANS = {
  DISCH = { ["2022/23"] = { E06000019 = 91.6 } },
}

------------------------------------------------------------------------------------------
-- Helpers, exported (exports) for the ICB view and for local variants.

-- The plan rule for one metric: each HWB's locally agreed plan for the financial year of the
-- observation judged (r.target's plans: the year matched by its days, in any notation). Plans
-- are local: each partnership fills in its own table; an area or a year without one is
-- no_target.
local function plan_rule(key, plans)
  return r.target { plans = (plans or PLANS)[key] or {}, mode = ASSUMPTIONS.plan_mode, band = ASSUMPTIONS.plan_band }
end

-- The comparison with England (r.benchmark). When it cannot judge (no interval), the reason
-- also says on which side of England's value the area lies on values alone: information, not
-- a judgement, and the status stays not_compared.
local function versus_england(interval, multiplier)
  return r.benchmark { interval = interval, level = ASSUMPTIONS.benchmark_level,
                       two_level = ASSUMPTIONS.two_level, multiplier = multiplier, values_alone = true }
end

local function plan_id(m) return "BCF-" .. m.key .. "-PLAN" end
local function england_id(m) return "BCF-" .. m.key .. "-ENG" end

-- For a local variant: the `override` table of r.extend that puts a partnership's own plans
-- in place of the example table: plan_overrides({ RES = { ["2023/24"] = { E08000009 = 600 } } }).
local function plan_overrides(plans)
  local o = {}
  for _, m in ipairs(METRICS) do o[plan_id(m)] = { rule = plan_rule(m.key, plans) } end
  return o
end

------------------------------------------------------------------------------------------

local indicators, plan_ids, england_ids = {}, {}, {}
for _, m in ipairs(METRICS) do
  indicators[#indicators + 1] = {
    id = plan_id(m), title = m.title .. " - against the area's plan", unit = m.unit,
    polarity = m.polarity, series = m.series, definition = ASSUMPTIONS.definition[m.status],
    source = m.source, notes = m.notes .. " Judged against the HWB's locally agreed plan for the year.",
    rule = plan_rule(m.key) }
  indicators[#indicators + 1] = {
    id = england_id(m), title = m.title .. " - against England", unit = m.unit,
    polarity = m.polarity, series = m.series, definition = ASSUMPTIONS.definition[m.status],
    source = m.source, notes = m.notes .. " Compared with England (E92000001), 95% interval.",
    comparator = ENGLAND, multiplier = m.multiplier,
    rule = versus_england(m.interval, m.multiplier) }
  plan_ids[#plan_ids + 1] = plan_id(m)
  england_ids[#england_ids + 1] = england_id(m)
end

return r.framework {
  id = "england-bcf",
  version = "2023-25.1", -- the 2023 to 2025 metric set; .1: this file's revision
  title = "Better Care Fund metrics 2023-25: against plan and against England",
  country = "England",
  source = "https://www.gov.uk/government/publications/better-care-fund-policy-framework-2023-to-2025",
  scores = "hwb",
  period = "year",
  comparator = ENGLAND,

  outcomes = {
    { id = "PLAN", title = "Against the area's locally agreed BCF plan (met / not met)",
      indicators = plan_ids, rollup = ASSUMPTIONS.rollup },
    { id = "ENGLAND", title = "Against England, 95% confidence interval (better / similar / worse)",
      indicators = england_ids, rollup = ASSUMPTIONS.rollup },
  },
  indicators = indicators,
  colours = r.colours.default,
  rollup = ASSUMPTIONS.rollup,

  assumptions = ASSUMPTIONS,
  -- Kept with the framework for icb.lua and for local variants (r.extend copies them); the
  -- engine never reads exports.
  exports = {
    assumptions = ASSUMPTIONS, metrics = METRICS, example_plans = PLANS,
    plan_rule = plan_rule, versus_england = versus_england, plan_overrides = plan_overrides,
    plan_id = plan_id, england_id = england_id,
  },
}
