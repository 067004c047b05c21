--[[
England: the Better Care Fund metrics 2023-25 (framework.lua beside this file) rolled up to the
42 Integrated Care Boards (ICBs) and compared with England. Run it with

  scorecard run --framework frameworks/england-bcf/icb.lua [--period 2023/24] [--area E54000019]

and its cases with

  scorecard test --cases frameworks/england-bcf/icb_tests.lua frameworks/england-bcf/icb.lua

How an ICB's value is found
  - An ICB with its own published figure for the period (Fingertips and NHS England publish
    some metrics per ICB) is judged on it, with its published limits where the metric uses them.
  - Otherwise the engine derives it from the member HWBs listed in the geography
    (data/geography/memberships.csv, HWB -> ICB; `scorecard areas --parent E54...`):
      counts and percentages (discharge to usual place of residence, residential admissions
      65+, reablement at 91 days): derive = "sum": numerators and denominators of every
      member summed, the rate or percentage recomputed, and its interval computed from the
      sums (Wilson or Byar), never an average of published rates;
      standardised rates (falls 65+, directly standardised; avoidable admissions, indirectly
      standardised): they cannot be rebuilt from the members' rates without their age-band
      counts, so a derived value is "unreliable" with reason not_aggregable (the value shown
      is the members' rates averaged by population, for information only).
    A period is derived only when every member has it.

Approximate roll-up
  Councils split between ICBs are members of each ICB they touch, with no weights (none are
  known): the geography marks those memberships "approximate" (data/geography/memberships.csv),
  and the engine counts their whole counts in every such ICB, flags the result
  approximate_geography and names them in its reason and details. The split councils: Essex
  (3 ICBs), Hampshire, Suffolk, Surrey, Westmorland and Furness, North Yorkshire (E06000065,
  and E10000023 before April 2023) and Cumbria (before April 2023). Apportioning them needs
  small-area (LSOA) lookups with population weights, which the geography does not hold; a
  membership with a weight is counted at that weight.

Known limits
  - Deriving follows the areas' and the memberships' validity dates: a council that ceased
    (Cumbria E10000006 and North Yorkshire E10000023 on 31 March 2023) is left out of later
    periods and its successors (E06000063-65) out of earlier ones.
  - Plans are agreed per HWB, not per ICB, so the ICB view has no plan comparison: an ICB
    plan would need each member's plan numerator and denominator.
  - ICBs start on 1 July 2022 (E54000063 and E54000064 on 1 April 2023); before that, E54 codes
    named STPs and ICSs, some with other boundaries. The engine scores every area whose code
    has not ended by the start of the period and does not check when it began, so a run for
    an earlier year lists all 42 ICBs. This view is meant for 2023/24 and 2024/25.
]]
local r = require "rules"
local base = require "framework"
local M = base.exports.metrics -- the five metrics as framework.lua writes them

local ENGLAND = "E92000001"

------------------------------------------------------------------------------------------
-- Named assumptions.
local ASSUMPTIONS = {
  benchmark_level = base.assumptions.benchmark_level,
  rollup = base.assumptions.rollup,
}

-- Why a standardised rate derived from members is not judged (not_aggregable: the result is
-- unreliable, its value shown for information).
local STANDARDISED = "a standardised rate cannot be rebuilt from the member HWBs' rates without their "
  .. "age-band counts"
local OWN_OR_SUMMED = "ICB: its own figure, or numerators and denominators summed over the member HWBs "
  .. "(approximate where a council is split between ICBs)."
local OWN_ONLY = "ICB: its own published figure; derived from member HWBs only as not_aggregable."

return r.framework {
  id = "england-bcf-icb",
  version = base.version,
  title = "Better Care Fund metrics 2023-25 per ICB (rolled up from HWBs): against England",
  country = "England",
  source = base.source,
  scores = "icb",
  period = "year",
  comparator = ENGLAND,
  outcomes = {
    { id = "ENGLAND", title = "Against England, 95% confidence interval (better / similar / worse)",
      indicators = { "BCF-AA-ENG", "BCF-FALLS-ENG", "BCF-DISCH-ENG", "BCF-RES-ENG", "BCF-REAB-ENG" },
      rollup = ASSUMPTIONS.rollup },
  },

  indicators = {
    r.indicator(M.AA, {
      id = "BCF-AA-ENG", title = M.AA.title .. " - ICB against England", notes = OWN_ONLY,
      comparator = ENGLAND, derive = "weighted_mean", not_aggregable = STANDARDISED,
      rule = r.benchmark { interval = "published", level = ASSUMPTIONS.benchmark_level, values_alone = true } }),
    r.indicator(M.FALLS, {
      id = "BCF-FALLS-ENG", title = M.FALLS.title .. " - ICB against England", notes = OWN_ONLY,
      comparator = ENGLAND, derive = "weighted_mean", not_aggregable = STANDARDISED,
      rule = r.benchmark { interval = "published", level = ASSUMPTIONS.benchmark_level, values_alone = true } }),
    r.indicator(M.DISCH, {
      id = "BCF-DISCH-ENG", title = M.DISCH.title .. " - ICB against England", notes = OWN_OR_SUMMED,
      comparator = ENGLAND, derive = "sum", multiplier = 100,
      rule = r.benchmark { interval = "wilson", multiplier = 100, level = ASSUMPTIONS.benchmark_level,
                           values_alone = true } }),
    r.indicator(M.RES, {
      id = "BCF-RES-ENG", title = M.RES.title .. " - ICB against England", notes = OWN_OR_SUMMED,
      comparator = ENGLAND, derive = "sum", multiplier = 100000,
      rule = r.benchmark { interval = "rate", multiplier = 100000, level = ASSUMPTIONS.benchmark_level,
                           values_alone = true } }),
    r.indicator(M.REAB, {
      id = "BCF-REAB-ENG", title = M.REAB.title .. " - ICB against England", notes = OWN_OR_SUMMED,
      comparator = ENGLAND, derive = "sum", multiplier = 100,
      rule = r.benchmark { interval = "wilson", multiplier = 100, level = ASSUMPTIONS.benchmark_level,
                           values_alone = true } }),
  },

  colours = r.colours.default,
  rollup = ASSUMPTIONS.rollup,
  assumptions = ASSUMPTIONS,
}
