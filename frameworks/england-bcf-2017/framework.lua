--[[
England: the Better Care Fund (BCF) national metrics for 2017 to 2019, a dated earlier version
of the BCF scorecard (the current set is the framework england-bcf, 2023-25). Scored per Health
and Wellbeing Board (HWB) area.

Applies to: the BCF plan years 2017/18 and 2018/19 (the Integration and Better Care Fund
planning requirements for 2017-19). Whether 2019/20 kept the same four metrics is not
confirmed here [U]; later sets replaced delayed transfers of care (collection paused in 2020)
and non-elective admissions with avoidable admissions, discharge to usual place of residence
and, from 2023, falls.

The four metrics [C] (2017-19 planning requirements, Appendix 1):
  NEL   non-elective admissions (general and acute): count of non-elective admissions to a
        specific acute bed; lower is better;
  RES   admissions to residential and care homes: permanent admissions of people aged 65+ per
        100,000 population 65+ (ASCOF 2A(2)); lower is better;
  REAB  effectiveness of reablement: % of people aged 65+ at home 91 days after discharge from
        hospital into reablement / rehabilitation (ASCOF 2B(1)); higher is better;
  DTOC  delayed transfers of care: delayed days per 100,000 population aged 18+, split into NHS
        and social care responsibility; lower is better; the denominator is [P], so the
        definition is flagged unconfirmed.

Each metric is judged against the area's locally agreed plan (PLAN). RES and REAB are also
compared with England (E92000001) on a 95% interval computed from the numerator and
denominator (ENGLAND). NEL is a count (no rate to compare across areas) and DTOC counts days,
which are not independent events (one delayed person contributes many), so neither has a
defensible interval: they are judged against the plan only.

Sources
  - Integration and Better Care Fund planning requirements for 2017-19, Appendix 1 (metrics):
    https://www.readkong.com/page/integration-and-better-care-fund-planning-requirements-for-1673469
  - Plan vs actual, Cheshire East (E06000049) 2017/18 year end: Cheshire East Council, "Better
    Care Fund" page (cheshireeast.gov.uk, Live Well): residential admissions plan 716.9 per
    100,000, actual 705.3 (met); reablement plan 88.4%, actual 79.3% (not met).
  - ASCOF: https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-outcomes-framework-ascof
  - The comparison with England: the Fingertips comparer (method 1; docs/stats.md).

Definition status as the project's England brief marks it: [C] -> "confirmed", [P] / [U] ->
"unconfirmed" (flagged on the scorecard). Series ids: RES is the indicator name of ASCOF exports
as the importer stores them (data/mappings/ascof.json); NEL, REAB and DTOC have no real file
here, so their series ids are this framework's choice (REAB the same as in england-bcf).

Plans are local: PLANS below is an EXAMPLE holding the published Cheshire East 2017/18 values
only. A partnership fills in its own through r.extend, overriding each plan indicator's rule
(as frameworks/england-bcf/example_local_plan.lua does for the current set).
An area or a year without a plan value is "no_target" (grey), never a colour.
Roll-up: counts per colour (r.rollup.count_summary); the BCF publishes no roll-up colour.
]]
local r = require "rules"

local ENGLAND = "E92000001"
local SOURCE = "https://www.readkong.com/page/integration-and-better-care-fund-planning-requirements-for-1673469"

------------------------------------------------------------------------------------------
-- Named assumptions, used as written below (the same choices as england-bcf, kept here so
-- that this dated version does not change when the current one does).
--   plan_mode "value": two-state plan vs actual (met / not met); for an amber band write
--     mode = "value_with_band", band = (in the metric's unit) in a plan rule.
--   benchmark_level: Fingertips' single 95% level.
--   Definition status: [C] is "confirmed"; [P] and [U] are "unconfirmed".
local ASSUMPTIONS = {
  plan_mode = "value",
  benchmark_level = 0.95,
  rollup = r.rollup.count_summary,
  plan_years = { "2017/18", "2018/19" },
}

-- EXAMPLE plan table: PLANS[metric][plan year][HWB code] = plan value. Real, published:
-- Cheshire East (E06000049), 2017/18 year end (see Sources). Each partnership has its own.
local PLANS = {
  NEL = {},
  RES = { ["2017/18"] = { E06000049 = 716.9 } },
  REAB = { ["2017/18"] = { E06000049 = 88.4 } },
  DTOC = {},
}

------------------------------------------------------------------------------------------
-- The four metrics of Appendix 1, each written once; RES and REAB are judged twice.

local NEL = {
  title = "Non-elective admissions (general and acute)",
  definition = "confirmed", -- [C]
  unit = "admissions", polarity = "lower", source = SOURCE,
  series = "Non-elective admissions (general and acute)",
  notes = "Count of non-elective (emergency) admissions to a specific acute bed, general and acute, "
    .. "for the HWB population, from NHS England's monthly activity returns as used by the BCF. A count: "
    .. "judged against the plan only.",
  design_notes = "Series id: this framework's choice.",
}

local RES = {
  title = "Permanent admissions of older people (65+) to residential and nursing care homes",
  definition = "confirmed", -- [C]
  unit = "per 100,000 aged 65+", polarity = "lower", source = SOURCE,
  series = "Permanent admissions to residential and nursing care homes aged 65+",
  notes = "ASCOF 2A(2): permanent admissions of people aged 65+ to residential and nursing care "
    .. "homes per 100,000 population 65+ (SALT). Compared with England on Byar's interval from "
    .. "admissions and population 65+.",
}

local REAB = {
  title = "Effectiveness of reablement: older people (65+) at home 91 days after discharge into reablement",
  definition = "confirmed", -- [C]
  unit = "%", polarity = "higher", source = SOURCE,
  series = "Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement/rehabilitation services",
  notes = "ASCOF 2B(1): of people aged 65+ discharged from hospital into reablement / rehabilitation "
    .. "(1 October - 31 December), the percentage at home 91 days later. Compared with England on the "
    .. "Wilson interval.",
  design_notes = "Series id: this framework's choice (the ASCOF title).",
}

local DTOC = {
  title = "Delayed transfers of care (delayed days)",
  definition = "unconfirmed", -- [P]
  unit = "delayed days per 100,000 aged 18+", polarity = "lower", source = SOURCE,
  series = "Delayed transfers of care: delayed days per 100,000 population aged 18+",
  notes = "Delayed days from hospital per 100,000 population aged 18+, all delays (NHS and social "
    .. "care responsibility reported separately). Days are not independent events: judged against the "
    .. "plan only. Collection paused in 2020.",
  design_notes = "The definition is confirmed [C], the denominator partly [P]. Series id: this framework's "
    .. "choice.",
}

local AGAINST_PLAN = "Judged against the HWB's locally agreed plan for the year."

------------------------------------------------------------------------------------------

return r.framework {
  id = "england-bcf-2017",
  version = "2017-19.1", -- the 2017-19 metric set (plan years 2017/18 and 2018/19); .1: this file's revision
  title = "Better Care Fund metrics 2017-19 (earlier version): against plan and against England",
  country = "England",
  source = SOURCE,
  scores = "hwb",
  period = "year",
  comparator = ENGLAND,
  outcomes = {
    { id = "PLAN", title = "Against the area's locally agreed BCF plan (met / not met)",
      indicators = { "BCF17-NEL-PLAN", "BCF17-RES-PLAN", "BCF17-REAB-PLAN", "BCF17-DTOC-PLAN" },
      rollup = ASSUMPTIONS.rollup },
    { id = "ENGLAND", title = "Against England, 95% confidence interval (better / similar / worse)",
      indicators = { "BCF17-RES-ENG", "BCF17-REAB-ENG" }, rollup = ASSUMPTIONS.rollup },
  },

  indicators = {
    r.indicator(NEL, {
      id = "BCF17-NEL-PLAN", title = NEL.title .. " - against the area's plan", notes = AGAINST_PLAN,
      rule = r.target { plans = PLANS.NEL, mode = ASSUMPTIONS.plan_mode } }),

    r.indicator(RES, {
      id = "BCF17-RES-PLAN", title = RES.title .. " - against the area's plan", notes = AGAINST_PLAN,
      rule = r.target { plans = PLANS.RES, mode = ASSUMPTIONS.plan_mode } }),
    r.indicator(RES, {
      id = "BCF17-RES-ENG", title = RES.title .. " - against England", comparator = ENGLAND, multiplier = 100000,
      rule = r.benchmark { interval = "rate", multiplier = 100000, level = ASSUMPTIONS.benchmark_level,
                           values_alone = true } }),

    r.indicator(REAB, {
      id = "BCF17-REAB-PLAN", title = REAB.title .. " - against the area's plan", notes = AGAINST_PLAN,
      rule = r.target { plans = PLANS.REAB, mode = ASSUMPTIONS.plan_mode } }),
    r.indicator(REAB, {
      id = "BCF17-REAB-ENG", title = REAB.title .. " - against England", comparator = ENGLAND, multiplier = 100,
      rule = r.benchmark { interval = "wilson", multiplier = 100, level = ASSUMPTIONS.benchmark_level,
                           values_alone = true } }),

    r.indicator(DTOC, {
      id = "BCF17-DTOC-PLAN", title = DTOC.title .. " - against the area's plan", notes = AGAINST_PLAN,
      rule = r.target { plans = PLANS.DTOC, mode = ASSUMPTIONS.plan_mode } }),
  },

  colours = r.colours.default,
  rollup = ASSUMPTIONS.rollup,
  notes = "Applies to BCF plan years 2017/18 and 2018/19; superseded by later metric sets (current: england-bcf, 2023-25).",
  assumptions = ASSUMPTIONS,
}
