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
  known): their whole counts go into every such ICB, so the roll-up of those ICBs is
  approximate, and a derived result for one of them says so in its reason and in
  details.approximate_geography (SPLIT below). The split councils: Essex (3 ICBs), Hampshire,
  Suffolk, Surrey, Westmorland and Furness, North Yorkshire (E06000065, and E10000023 before
  April 2023) and Cumbria (before April 2023). Apportioning them needs small-area (LSOA)
  lookups with population weights, which the geography does not hold.

Known limits (engine)
  - Deriving follows the areas' validity dates: a council that ceased (Cumbria E10000006 and
    North Yorkshire E10000023 on 31 March 2023) is left out of later periods and its
    successors (E06000063-65) out of earlier ones.
  - The engine does not flag a derived value approximate_geography from the memberships'
    relation, nor apply weights; SPLIT below stands in for the flag in the reason and details.
  - Plans are agreed per HWB, not per ICB, so the ICB view has no plan comparison: an ICB
    plan would need each member's plan numerator and denominator.
  - ICBs start on 1 July 2022 (E54000063 and E54000064 on 1 April 2023); before that, E54 codes
    named STPs and ICSs, some with other boundaries. The engine scores every area whose code
    has not ended by the start of the period and does not check when it began, so a run for
    an earlier year lists all 42 ICBs. This view is meant for 2023/24 and 2024/25.
]]
local r = require "rules"
local base = require "framework"
local bcf = base.exports

------------------------------------------------------------------------------------------
-- Named assumptions.
local ASSUMPTIONS = {
  -- HWBs split between ICBs (memberships with relation "approximate", no weight), and the
  -- ICBs each is counted in, whole.
  split = {
    E10000012 = { "E54000023", "E54000025", "E54000026" }, -- Essex
    E10000014 = { "E54000034", "E54000042" },              -- Hampshire
    E10000029 = { "E54000022", "E54000023" },              -- Suffolk
    E10000030 = { "E54000034", "E54000063" },              -- Surrey (E54000063 from April 2023)
    E06000064 = { "E54000048", "E54000050" },              -- Westmorland and Furness (from April 2023)
    E06000065 = { "E54000051", "E54000054" },              -- North Yorkshire (unitary)
    E10000006 = { "E54000048", "E54000050" },              -- Cumbria (to March 2023)
    E10000023 = { "E54000051", "E54000054" },              -- North Yorkshire (county, to March 2023)
  },
  -- A standardised rate derived from members: not aggregable (see the header).
  standardised_derived = "unreliable",
  rollup = bcf.assumptions.rollup,
}

-- ICB code -> the split councils counted in it, as text for reasons.
local SPLIT_IN = {}
do
  local codes = {}
  for council in pairs(ASSUMPTIONS.split) do codes[#codes + 1] = council end
  table.sort(codes)
  for _, council in ipairs(codes) do
    for _, icb in ipairs(ASSUMPTIONS.split[council]) do
      SPLIT_IN[icb] = SPLIT_IN[icb] and (SPLIT_IN[icb] .. ", " .. council) or council
    end
  end
end

-- The comparison with England of framework.lua, with what a derived value needs said.
local function icb_rule(m)
  local rule = bcf.versus_england(m.interval, m.multiplier)
  local assess = rule.assess
  rule.assess = function(ctx)
    local p = ctx.point
    if p.derived and m.standardised then
      return { status = ASSUMPTIONS.standardised_derived,
        reason = "not_aggregable: a standardised rate cannot be rebuilt from the member HWBs' rates "
          .. "without their age-band counts; the value shown is their rates averaged by population, "
          .. "for information only",
        details = { not_aggregable = true } }
    end
    local res = assess(ctx)
    if p.derived then
      res.details = res.details or {}
      res.details.derived_from_members = true
      local split = SPLIT_IN[ctx.area]
      if split then
        res.reason = (res.reason or "") .. "; approximate geography: " .. split
          .. " counted whole, split between ICBs with no weights"
        res.details.approximate_geography = split
      end
    end
    return res
  end
  return rule
end

local indicators, ids = {}, {}
for _, m in ipairs(bcf.metrics) do
  local id = bcf.england_id(m)
  indicators[#indicators + 1] = {
    id = id, title = m.title .. " - ICB against England", unit = m.unit, polarity = m.polarity,
    series = m.series, definition = bcf.assumptions.definition[m.status], source = m.source,
    notes = m.notes .. (m.standardised
      and " ICB: its own published figure; derived from member HWBs only as not_aggregable."
      or " ICB: its own figure, or numerators and denominators summed over the member HWBs "
        .. "(approximate where a council is split between ICBs)."),
    comparator = "E92000001",
    derive = m.standardised and "weighted_mean" or "sum",
    multiplier = m.multiplier,
    rule = icb_rule(m) }
  ids[#ids + 1] = id
end

return r.framework {
  id = "england-bcf-icb",
  version = base.version,
  title = "Better Care Fund metrics 2023-25 per ICB (rolled up from HWBs): against England",
  country = "England",
  source = base.source,
  scores = "icb",
  period = "year",
  comparator = "E92000001",
  outcomes = {
    { id = "ENGLAND", title = "Against England, 95% confidence interval (better / similar / worse)",
      indicators = ids, rollup = ASSUMPTIONS.rollup },
  },
  indicators = indicators,
  colours = r.colours.default,
  rollup = ASSUMPTIONS.rollup,
  assumptions = ASSUMPTIONS,
}
