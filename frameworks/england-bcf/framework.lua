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
2024-25 addendum): a dated version. The 2025-26 metrics differ (emergency admissions 65+,
discharge delays, long-term care home admissions 65+): they are the framework england-bcf-2025.

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
"unconfirmed", which `scorecard check` lists with each metric's design_notes (and the JSON
flags as definition_unconfirmed). Per metric:
  avoidable admissions [P] (the 2021-23 definition is [C]; its carry-over into 2023-25 [P]; the
  standardisation [U]); falls [C]; discharge to usual place of residence [P] (2021-23 [C], carried
  over [P]); residential admissions 65+ [P]; reablement at 91 days [C].

What this framework does not know
  - The plans. Plans are local: every HWB agrees its own plan value per metric and year. PLANS
    below is an EXAMPLE table holding the one published real plan value the brief records for a
    metric of this set (Herefordshire 2022/23, discharge to usual place of residence). A
    partnership fills in its own table and builds its variant with r.extend and
    an override of each plan indicator's rule (see example_local_plan.lua beside this file). An area or a year with
    no plan value is "no_target" (grey), never a colour.
  - Series ids. Falls and residential admissions use the indicator names of the Fingertips and
    ASCOF exports as the importer stores them (data/mappings/fingertips-script.json, ascof.json). The
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
-- Named assumptions, each used as written in the indicators below.
--   Plan vs actual is two-state in BCF reporting (met / not met): r.target's mode "value".
--     For an amber "near" band write mode = "value_with_band", band = (absolute, in the
--     metric's unit) in a plan rule.
--   The comparison with England: Fingertips' single 95% level (level = 0.95); two_level = true
--     would add the 99.8% level (best / worst).
--   Definition status: the brief's [C] is "confirmed"; [P] and [U] are "unconfirmed".
--   No roll-up colour: counts per colour for each view and for the area.
local ASSUMPTIONS = {
  plan_mode = "value",
  benchmark_level = 0.95,
  rollup = r.rollup.count_summary,
  -- The plan years this version applies to (the example table may also hold an earlier year
  -- of a carried-over metric, labelled as such).
  plan_years = { "2023/24", "2024/25" },
}

------------------------------------------------------------------------------------------
-- EXAMPLE plan table: PLANS[metric][plan year][HWB code] = plan value, in the metric's unit.
-- NOT a national table: each partnership agrees its own plans and puts them in its own
-- variant (see example_local_plan.lua). The only entry is a real published plan value:
--   Herefordshire (E06000019), 2022/23, discharge to usual place of residence: plan 91.6%
--   (actual 90.0%, missed by 1.6 points). Herefordshire Council, BCF 2022/23 year-end report,
--   https://councillors.herefordshire.gov.uk/mgAi.aspx?ID=64087 . 2022/23 is the last year of
--   the 2022-23 BCF, before this version; it is kept because the metric carried over into
--   2023-25 unchanged [P] and it is the published plan-vs-actual case for this metric.
local PLANS = {
  AA = {},
  FALLS = {},
  DISCH = { ["2022/23"] = { E06000019 = 91.6 } },
  RES = {},
  REAB = {},
}

------------------------------------------------------------------------------------------
-- The five metrics as the 2023 to 2025 policy framework lists them. Each is judged twice,
-- so each is written here once and each judgement below is an indicator of its own
-- (r.indicator). interval, in the rules against England: where the 95% interval comes from
-- ("published": the limits in the data; "wilson": a proportion from numerator and
-- denominator; "rate": Byar's / exact Poisson limits of a count over a population).

local AA = {
  title = "Avoidable admissions: unplanned hospitalisation for chronic ambulatory care sensitive conditions",
  definition = "unconfirmed", -- [P]
  unit = "per 100,000 population", polarity = "lower",
  series = "Unplanned hospitalisation for chronic ambulatory care sensitive conditions",
  source = "https://digital.nhs.uk/data-and-information/publications/statistical/nhs-outcomes-framework (2.3.i); "
    .. "https://www.gov.uk/government/publications/better-care-fund-policy-framework-2023-to-2025",
  notes = "Unplanned (emergency) admissions for chronic ambulatory care sensitive conditions (e.g. "
    .. "diabetes, epilepsy, high blood pressure), NHS Outcomes Framework 2.3.i, a BCF metric since "
    .. "2021-23. Published as an indirectly standardised rate per 100,000; compared with England on the "
    .. "published limits only: no interval can be computed without the expected counts.",
  design_notes = "[P] The 2021-23 definition is confirmed [C]; its carry-over into 2023-25 is partly "
    .. "confirmed [P]; the standardisation is unconfirmed [U]. Series id: this framework's choice.",
}

local FALLS = {
  title = "Emergency hospital admissions due to falls in people aged 65 and over",
  definition = "confirmed", -- [C]
  unit = "per 100,000 aged 65+ (directly age-standardised)", polarity = "lower",
  series = "Emergency hospital admissions due to falls in people aged 65 and over",
  source = "https://fingertips.phe.org.uk/ (indicator 22401, PHOF C29); "
    .. "https://www.gov.uk/government/publications/better-care-fund-policy-framework-2023-to-2025",
  notes = "Emergency admissions for falls injuries, persons 65+, directly age-standardised rate per "
    .. "100,000 (European Standard Population 2013), financial year; new BCF metric in 2023-25. "
    .. "Compared with England on Fingertips' published 95% limits (Dobson). Exports without the limits "
    .. "(such as fingertipsR extracts of the value only) are not_compared.",
}

local DISCH = {
  title = "Discharge to usual place of residence",
  definition = "unconfirmed", -- [P]
  unit = "%", polarity = "higher",
  series = "Discharge to usual place of residence",
  source = "https://www.gov.uk/government/publications/better-care-fund-policy-framework-2023-to-2025",
  notes = "Percentage of people resident in the HWB area discharged from acute hospital to their "
    .. "usual (normal) place of residence (Secondary Uses Service); a BCF metric since 2021-23. "
    .. "Numerator: discharges to usual place of residence; denominator: all discharges from acute "
    .. "hospital (Wilson interval).",
  design_notes = "[P] The 2021-23 definition is confirmed [C]; its carry-over into 2023-25 is partly "
    .. "confirmed [P]. Series id: this framework's choice.",
}

local RES = {
  title = "Long-term support needs of older people (65+) met by admission to residential and nursing care homes",
  definition = "unconfirmed", -- [P]
  unit = "per 100,000 aged 65+", polarity = "lower",
  series = "Permanent admissions to residential and nursing care homes aged 65+",
  source = "https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-outcomes-framework-ascof "
    .. "(ASCOF 2A(2), 2C from 2023-24)",
  notes = "Permanent admissions of people aged 65+ to residential and nursing care homes per 100,000 "
    .. "population aged 65+ (ASCOF 2A(2); renumbered 2C in 2023-24, when the source moved to client "
    .. "level data: a possible break in the series). Numerator: admissions; denominator: population 65+ "
    .. "(Byar's interval).",
  design_notes = "[P] In the BCF 2017-19 [C] and 2022-25 [P]. Series id: the indicator name of ASCOF "
    .. "exports (data/mappings/ascof.json).",
}

local REAB = {
  title = "Proportion of older people (65+) still at home 91 days after discharge from hospital into reablement",
  definition = "confirmed", -- [C]
  unit = "%", polarity = "higher",
  series = "Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement/rehabilitation services",
  source = "https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-outcomes-framework-ascof "
    .. "(ASCOF 2B(1); NHS Outcomes Framework 3.6.i)",
  notes = "Of people aged 65+ discharged from hospital into reablement / rehabilitation services "
    .. "(1 October - 31 December), the percentage still at home 91 days later (ASCOF 2B(1), SALT STS004). "
    .. "Numerator: at home at 91 days; denominator: discharged into reablement (Wilson interval).",
  design_notes = "The 2023-24 ASCOF id is unconfirmed [U]. Series id: this framework's choice (the ASCOF "
    .. "title).",
}

-- Said of every judgement of a kind.
local AGAINST_PLAN = "Judged against the HWB's locally agreed plan for the year."
local AGAINST_ENGLAND = "Compared with England (E92000001), 95% interval."

------------------------------------------------------------------------------------------
-- Each plan rule judges the HWB's own plan for the financial year of the observation
-- (r.target's plans: the year matched by its days, in any notation); an area or a year
-- without one is no_target. Each rule against England is Fingertips' comparison; when it
-- cannot judge (no interval), the reason also says on which side of England's value the area
-- lies on values alone (values_alone): information, not a judgement.

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
      indicators = { "BCF-AA-PLAN", "BCF-FALLS-PLAN", "BCF-DISCH-PLAN", "BCF-RES-PLAN", "BCF-REAB-PLAN" },
      rollup = ASSUMPTIONS.rollup },
    { id = "ENGLAND", title = "Against England, 95% confidence interval (better / similar / worse)",
      indicators = { "BCF-AA-ENG", "BCF-FALLS-ENG", "BCF-DISCH-ENG", "BCF-RES-ENG", "BCF-REAB-ENG" },
      rollup = ASSUMPTIONS.rollup },
  },

  indicators = {
    r.indicator(AA, {
      id = "BCF-AA-PLAN", title = AA.title .. " - against the area's plan", notes = AGAINST_PLAN,
      rule = r.target { plans = PLANS.AA, mode = ASSUMPTIONS.plan_mode } }),
    r.indicator(AA, {
      id = "BCF-AA-ENG", title = AA.title .. " - against England", notes = AGAINST_ENGLAND,
      comparator = ENGLAND,
      rule = r.benchmark { interval = "published", level = ASSUMPTIONS.benchmark_level, values_alone = true } }),

    r.indicator(FALLS, {
      id = "BCF-FALLS-PLAN", title = FALLS.title .. " - against the area's plan", notes = AGAINST_PLAN,
      rule = r.target { plans = PLANS.FALLS, mode = ASSUMPTIONS.plan_mode } }),
    r.indicator(FALLS, {
      id = "BCF-FALLS-ENG", title = FALLS.title .. " - against England", notes = AGAINST_ENGLAND,
      comparator = ENGLAND,
      rule = r.benchmark { interval = "published", level = ASSUMPTIONS.benchmark_level, values_alone = true } }),

    r.indicator(DISCH, {
      id = "BCF-DISCH-PLAN", title = DISCH.title .. " - against the area's plan", notes = AGAINST_PLAN,
      rule = r.target { plans = PLANS.DISCH, mode = ASSUMPTIONS.plan_mode } }),
    r.indicator(DISCH, {
      id = "BCF-DISCH-ENG", title = DISCH.title .. " - against England", notes = AGAINST_ENGLAND,
      comparator = ENGLAND, multiplier = 100,
      rule = r.benchmark { interval = "wilson", multiplier = 100, level = ASSUMPTIONS.benchmark_level,
                           values_alone = true } }),

    r.indicator(RES, {
      id = "BCF-RES-PLAN", title = RES.title .. " - against the area's plan", notes = AGAINST_PLAN,
      rule = r.target { plans = PLANS.RES, mode = ASSUMPTIONS.plan_mode } }),
    r.indicator(RES, {
      id = "BCF-RES-ENG", title = RES.title .. " - against England", notes = AGAINST_ENGLAND,
      comparator = ENGLAND, multiplier = 100000,
      rule = r.benchmark { interval = "rate", multiplier = 100000, level = ASSUMPTIONS.benchmark_level,
                           values_alone = true } }),

    r.indicator(REAB, {
      id = "BCF-REAB-PLAN", title = REAB.title .. " - against the area's plan", notes = AGAINST_PLAN,
      rule = r.target { plans = PLANS.REAB, mode = ASSUMPTIONS.plan_mode } }),
    r.indicator(REAB, {
      id = "BCF-REAB-ENG", title = REAB.title .. " - against England", notes = AGAINST_ENGLAND,
      comparator = ENGLAND, multiplier = 100,
      rule = r.benchmark { interval = "wilson", multiplier = 100, level = ASSUMPTIONS.benchmark_level,
                           values_alone = true } }),
  },

  colours = r.colours.default,
  rollup = ASSUMPTIONS.rollup,

  assumptions = ASSUMPTIONS,
  -- Kept for the ICB view (icb.lua) and for local variants, which judge the same metrics;
  -- the engine never reads exports.
  exports = { metrics = { AA = AA, FALLS = FALLS, DISCH = DISCH, RES = RES, REAB = REAB }, example_plans = PLANS },
}
