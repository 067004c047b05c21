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
only. A partnership fills in its own through r.extend with `exports.plan_overrides(plans)`.
An area or a year without a plan value is "no_target" (grey), never a colour.
Roll-up: counts per colour (r.rollup.count_summary); the BCF publishes no roll-up colour.
]]
local r = require "rules"

local ENGLAND = "E92000001"

------------------------------------------------------------------------------------------
-- Named assumptions.
local ASSUMPTIONS = {
  plan_mode = "value",      -- two-state plan vs actual (met / not met)
  plan_band = nil,          -- with plan_mode = "value_with_band": an amber band in the metric's unit
  benchmark_level = 0.95,   -- Fingertips' single 95% level
  definition = { C = "confirmed", P = "unconfirmed", U = "unconfirmed" },
  rollup = r.rollup.count_summary,
  plan_years = { "2017/18", "2018/19" },
}

local METRICS = {
  { key = "NEL", status = "C", title = "Non-elective admissions (general and acute)",
    unit = "admissions", polarity = "lower", series = "Non-elective admissions (general and acute)",
    notes = "[C] Count of non-elective (emergency) admissions to a specific acute bed, general and acute, "
      .. "for the HWB population, from NHS England's monthly activity returns as used by the BCF. A count: "
      .. "judged against the plan only. Series id: this framework's choice." },
  { key = "RES", status = "C",
    title = "Permanent admissions of older people (65+) to residential and nursing care homes",
    unit = "per 100,000 aged 65+", polarity = "lower",
    series = "Permanent admissions to residential and nursing care homes aged 65+",
    england = { interval = "rate", multiplier = 100000 },
    notes = "[C] ASCOF 2A(2): permanent admissions of people aged 65+ to residential and nursing care "
      .. "homes per 100,000 population 65+ (SALT). Compared with England on Byar's interval from "
      .. "admissions and population 65+." },
  { key = "REAB", status = "C",
    title = "Effectiveness of reablement: older people (65+) at home 91 days after discharge into reablement",
    unit = "%", polarity = "higher",
    series = "Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement/rehabilitation services",
    england = { interval = "wilson", multiplier = 100 },
    notes = "[C] ASCOF 2B(1): of people aged 65+ discharged from hospital into reablement / rehabilitation "
      .. "(1 October - 31 December), the percentage at home 91 days later. Compared with England on the "
      .. "Wilson interval. Series id: this framework's choice (the ASCOF title)." },
  { key = "DTOC", status = "P", title = "Delayed transfers of care (delayed days)",
    unit = "delayed days per 100,000 aged 18+", polarity = "lower",
    series = "Delayed transfers of care: delayed days per 100,000 population aged 18+",
    notes = "[C] Delayed days from hospital per 100,000 population aged 18+, all delays (NHS and social "
      .. "care responsibility reported separately); the denominator is [P]. Days are not independent "
      .. "events: judged against the plan only. Collection paused in 2020. Series id: this framework's choice." },
}

-- EXAMPLE plan table: PLANS[metric key][plan year][HWB code] = plan value. Real, published:
-- Cheshire East (E06000049), 2017/18 year end (see Sources). Each partnership has its own.
local PLANS = {
  RES = { ["2017/18"] = { E06000049 = 716.9 } },
  REAB = { ["2017/18"] = { E06000049 = 88.4 } },
}

------------------------------------------------------------------------------------------
-- Helpers (the same construction as england-bcf, kept here so that this dated version does
-- not change when the current one does).

local function plan_rule(key, plans)
  return r.target { plans = (plans or PLANS)[key] or {}, mode = ASSUMPTIONS.plan_mode, band = ASSUMPTIONS.plan_band }
end

-- The comparison with England; without an interval the reason states the values' sides.
local function versus_england(interval, multiplier)
  return r.benchmark { interval = interval, level = ASSUMPTIONS.benchmark_level, multiplier = multiplier,
                       values_alone = true }
end

local function plan_overrides(plans)
  local o = {}
  for _, m in ipairs(METRICS) do o["BCF17-" .. m.key .. "-PLAN"] = { rule = plan_rule(m.key, plans) } end
  return o
end

------------------------------------------------------------------------------------------

local SOURCE = "https://www.readkong.com/page/integration-and-better-care-fund-planning-requirements-for-1673469"
local indicators, plan_ids, england_ids = {}, {}, {}
for _, m in ipairs(METRICS) do
  local id = "BCF17-" .. m.key .. "-PLAN"
  indicators[#indicators + 1] = {
    id = id, title = m.title .. " - against the area's plan", unit = m.unit, polarity = m.polarity,
    series = m.series, definition = ASSUMPTIONS.definition[m.status], source = SOURCE,
    notes = m.notes .. " Judged against the HWB's locally agreed plan for the year.",
    rule = plan_rule(m.key) }
  plan_ids[#plan_ids + 1] = id
  if m.england then
    local eid = "BCF17-" .. m.key .. "-ENG"
    indicators[#indicators + 1] = {
      id = eid, title = m.title .. " - against England", unit = m.unit, polarity = m.polarity,
      series = m.series, definition = ASSUMPTIONS.definition[m.status], source = SOURCE,
      notes = m.notes, comparator = ENGLAND, multiplier = m.england.multiplier,
      rule = versus_england(m.england.interval, m.england.multiplier) }
    england_ids[#england_ids + 1] = eid
  end
end

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
      indicators = plan_ids, rollup = ASSUMPTIONS.rollup },
    { id = "ENGLAND", title = "Against England, 95% confidence interval (better / similar / worse)",
      indicators = england_ids, rollup = ASSUMPTIONS.rollup },
  },
  indicators = indicators,
  colours = r.colours.default,
  rollup = ASSUMPTIONS.rollup,
  notes = "Applies to BCF plan years 2017/18 and 2018/19; superseded by later metric sets (current: england-bcf, 2023-25).",
  assumptions = ASSUMPTIONS,
  -- Kept for local variants built with r.extend (the engine never reads exports).
  exports = { metrics = METRICS, example_plans = PLANS, plan_overrides = plan_overrides },
}
