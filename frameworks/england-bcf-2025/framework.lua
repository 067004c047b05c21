--[[
England: the Better Care Fund (BCF) headline metrics from 2025-26, scored per Health and
Wellbeing Board (HWB) area each quarter, each metric judged two ways:

  PLAN     against the goal the HWB's plan sets for the period (a month or a quarter, as the
           planning template sets it): met / not met;
  ENGLAND  against England (E92000001) for the same period, with 95% confidence intervals where
           counts give one (better / similar / worse), else the values stated, not judged.

This is the edition in force: the BCF policy framework 2025 to 2026 (one plan year) and the
Better Care Fund framework 2026 to 2027, which kept the BCF's planning "as in previous years".
The 2023-25 metric set is the framework england-bcf, the 2017-19 set england-bcf-2017.

Sources
  - DHSC and MHCLG, Better Care Fund policy framework 2025 to 2026 (30 January 2025), read with
    NHS England's BCF planning requirements for 2025 to 2026:
    https://www.gov.uk/government/publications/better-care-fund-policy-framework-2025-to-2026
    Objectives: "shift from sickness to prevention and from hospital to home"; three headline
    metrics replace the five of 2023-25 (a partnership's report of its 2025-26 third quarter: "on
    track on only 1 out of the 3 BCF core metrics", Brighton and Hove HWB, 3 March 2026).
  - DHSC and MHCLG, Better Care Fund framework 2026 to 2027 (17 February 2026), the formal
    planning requirements, national conditions and legal framework in one document:
    https://www.gov.uk/government/publications/better-care-fund-framework-2026-to-2027
  - Discharge delays: NHS England, Discharge Ready Date monthly statistics,
    https://www.england.nhs.uk/statistics/statistical-work-areas/discharge-delays/discharge-ready-date/
  - Long-term admissions: the Adult Social Care Outcomes Framework (ASCOF 2A),
    https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-outcomes-framework-ascof

NOT CONFIRMED, and said so in each metric's design_notes (`scorecard check` lists them): the
planning requirements' own wording of each metric (numerator, denominator, ages, source data
set) could not be read; whether each metric's goal is set by month or by quarter; the 2026-27
metric set (this file assumes the three carry over: the 2026-27 framework changes how plans are
aligned with neighbourhood health services, and nothing read says the metrics changed).

How the BCF reports progress. Each quarter the HWB returns, per metric, "on track to meet
target", "not on track to meet target" or "data not available to assess progress", and at the
year end "achieved" or "not achieved". Those are the HWB's own forecasts for the year. This
framework does not forecast: it judges each period's actual against that period's goal, "met"
(green) or "not_met" (red); a period with no figure is "missing" and a period with no goal
"no_target" (grey: data not available to assess progress).

What this framework does not know: the goals. Goals are local: every HWB agrees its own in its
planning template. GOALS below is an EXAMPLE table (illustrative values, no area's real goals);
a partnership builds its variant with r.extend and its own table, as
frameworks/england-bcf/example_local_plan.lua shows for 2023-25.

Colours: the default map. Roll-up: counts per colour (the BCF publishes no roll-up colour).
]]
local r = require "rules"

local ENGLAND = "E92000001"

------------------------------------------------------------------------------------------
-- Named assumptions.
local ASSUMPTIONS = {
  plan_mode = "value",        -- a goal is met or not (the BCF's two states); no amber band
  benchmark_level = 0.95,     -- the comparison with England: Fingertips' single 95% level
  rollup = r.rollup.count_summary,
  plan_years = { "2025/26", "2026/27" },
}

------------------------------------------------------------------------------------------
-- EXAMPLE goals: GOALS[metric][period][HWB code] = the goal, in the metric's unit, for a period
-- as the planning template sets it (a month "June 2025" or a quarter "2025/26 Q1"; the
-- observation's period is matched by its days). ILLUSTRATIVE VALUES, NO AREA'S REAL GOALS.
local GOALS = {
  EA65 = { ["2025/26 Q1"] = { E08000009 = 6000 }, ["June 2025"] = { E08000002 = 520 } },
  DD = { ["June 2025"] = { E08000009 = 0.9 } },
  LTA65 = { ["2025/26 Q1"] = { E08000009 = 130 } },
}

------------------------------------------------------------------------------------------
-- The three headline metrics, each written out once; each judgement below is an indicator.

local EA65 = {
  title = "Emergency admissions to hospital for people aged 65 and over",
  definition = "unconfirmed",
  unit = "per 100,000 population aged 65+", polarity = "lower",
  series = "BCF-EA65",
  source = "https://www.gov.uk/government/publications/better-care-fund-policy-framework-2025-to-2026",
  notes = "Emergency admissions of residents aged 65 and over per 100,000 residents aged 65 and over, in "
    .. "the period. Byar's interval from the count of admissions and the population.",
  design_notes = "The planning requirements' definition (admission methods counted, the population "
    .. "estimate, whether the rate is monthly or annualised) could not be read; the series id is this "
    .. "framework's choice. A monthly goal is assumed.",
}

local DD = {
  title = "Average length of discharge delay for all acute adult patients",
  definition = "unconfirmed",
  unit = "days per discharge", polarity = "lower",
  series = "BCF-DD",
  source = "https://www.england.nhs.uk/statistics/statistical-work-areas/discharge-delays/discharge-ready-date/",
  notes = "The share of adult acute discharges made after the patient's discharge ready date, times the "
    .. "average days those patients waited: the days of delay per discharge, the undelayed counting 0. "
    .. "From numerator (days of delay) and denominator (discharges) the value is their ratio. No interval: "
    .. "compared with England on values alone.",
  design_notes = "The metric's name and composition are as the project's brief gives them; not read in "
    .. "the planning requirements. NHS England's Discharge Ready Date file gives the share delayed and "
    .. "the average delay by local authority; an import must multiply them (or give days and discharges). "
    .. "A monthly goal is assumed.",
}

local LTA65 = {
  title = "Long-term admissions to residential and nursing care homes for people aged 65 and over",
  definition = "unconfirmed",
  unit = "per 100,000 population aged 65+", polarity = "lower",
  series = "2A2",
  source = "https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-outcomes-framework-ascof",
  notes = "Council-supported long-term admissions of people aged 65 and over to residential and nursing "
    .. "care homes per 100,000 population aged 65 and over (ASCOF 2A part 2). Byar's interval from the "
    .. "admissions and the population.",
  design_notes = "Series 2A2 is the ASCOF open data's measure group (data/mappings/ascof-open-data.json, "
    .. "which joins its numerator and denominator); since 2023-24 ASCOF is built from client level data "
    .. "and the measure may be numbered differently. In-year (quarterly) figures would come from client "
    .. "level data: not confirmed. A quarterly goal is assumed.",
}

local AGAINST_PLAN = "Judged against the goal the HWB's plan sets for the period."
local AGAINST_ENGLAND = "Compared with England (E92000001), 95% interval."

local function plan_rule(goals)
  return r.target { plans = goals, mode = ASSUMPTIONS.plan_mode }
end

return r.framework {
  id = "england-bcf-2025",
  version = "2025-27.1", -- the metric set of 2025-26, carried into 2026-27; .1: this file's revision
  title = "Better Care Fund metrics from 2025-26: against plan and against England",
  country = "England",
  source = "https://www.gov.uk/government/publications/better-care-fund-policy-framework-2025-to-2026; "
    .. "https://www.gov.uk/government/publications/better-care-fund-framework-2026-to-2027",
  scores = "hwb",
  period = "quarter",
  comparator = ENGLAND,

  outcomes = {
    { id = "PLAN", title = "Against the goals of the area's BCF plan (met / not met)",
      indicators = { "BCF25-EA65-PLAN", "BCF25-DD-PLAN", "BCF25-LTA65-PLAN" }, rollup = ASSUMPTIONS.rollup },
    { id = "ENGLAND", title = "Against England (better / similar / worse)",
      indicators = { "BCF25-EA65-ENG", "BCF25-DD-ENG", "BCF25-LTA65-ENG" }, rollup = ASSUMPTIONS.rollup },
  },

  indicators = {
    r.indicator(EA65, {
      id = "BCF25-EA65-PLAN", title = EA65.title .. " - against the plan", notes = AGAINST_PLAN,
      rule = plan_rule(GOALS.EA65) }),
    r.indicator(EA65, {
      id = "BCF25-EA65-ENG", title = EA65.title .. " - against England", notes = AGAINST_ENGLAND,
      comparator = ENGLAND,
      rule = r.benchmark { interval = "rate", multiplier = 100000, level = ASSUMPTIONS.benchmark_level,
                           values_alone = true } }),

    r.indicator(DD, {
      id = "BCF25-DD-PLAN", title = DD.title .. " - against the plan", notes = AGAINST_PLAN,
      rule = plan_rule(GOALS.DD) }),
    r.indicator(DD, {
      id = "BCF25-DD-ENG", title = DD.title .. " - against England", notes = AGAINST_ENGLAND,
      comparator = ENGLAND,
      rule = r.benchmark { interval = "published", level = ASSUMPTIONS.benchmark_level, values_alone = true } }),

    r.indicator(LTA65, {
      id = "BCF25-LTA65-PLAN", title = LTA65.title .. " - against the plan", notes = AGAINST_PLAN,
      rule = plan_rule(GOALS.LTA65) }),
    r.indicator(LTA65, {
      id = "BCF25-LTA65-ENG", title = LTA65.title .. " - against England", notes = AGAINST_ENGLAND,
      comparator = ENGLAND,
      rule = r.benchmark { interval = "rate", multiplier = 100000, level = ASSUMPTIONS.benchmark_level,
                           values_alone = true } }),
  },

  colours = r.colours.default,
  rollup = ASSUMPTIONS.rollup,

  assumptions = ASSUMPTIONS,
  exports = { metrics = { EA65 = EA65, DD = DD, LTA65 = LTA65 }, example_goals = GOALS },
}
