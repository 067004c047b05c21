--[[
Wales: the Health and Social Care Outcomes Framework, built on the quadruple aim of
"A Healthier Wales", scored per Regional Partnership Board (RPB).

Sources
  - Senedd, statement by the Minister for Health and Social Services on the health and social
    care outcomes framework, 10 May 2022,
    https://matthew.theyworkforyou.dev.mysociety.org/senedd/?id=2022-05-10.5.423270.h
    The framework is built on the quadruple aim: improved population health and well-being;
    better quality and more accessible health and social care services; higher value health
    and social care; a motivated and sustainable health and social care workforce. Overarching
    outcome: "all people in Wales enjoying good health and well-being". It proposed 13
    population indicators, five of them national well-being indicators; the list has not been
    found. It complements the national outcomes framework for people who need care and support
    and carers (frameworks/wales-social-services) and the public health outcomes framework.
    In 2022 the framework was still being developed; an earlier report dates it to 2020.

What is scored and how
  - scores = "rpb", period "year" (financial year), as wales-social-services.
  - Outcomes: the overarching outcome and the four aims of the quadruple aim.
  - The 13 proposed population indicators: placeholders HSC-PI01 ... HSC-PI13, tagged
    definition_unconfirmed and never scored ("not_reported") until transcribed. Which outcome
    each serves is not known; they are listed under the overarching outcome.
  - Each aim also carries a placeholder for the measures the framework would use for it (not
    published), so that an aim without a transcribed measure shows as not reported rather
    than disappearing.
  - Measures with figures: the framework publishes none. Until it does, this file attaches
    measures of the social services national outcomes framework to two aims (a framework
    choice, ASSUMPTIONS.MEASURES): reablement and adult-at-risk enquiries within seven working
    days (better quality and more accessible services) and delayed transfers of care (higher
    value). They are reused from frameworks/wales-social-services as they are defined there:
    same series, same council -> health board -> RPB roll-up (derive = "sum"), same cut points,
    which stay in that file's ASSUMPTIONS table - the one place to change them.
  - The same engine limit applies: derive reads direct members only, and an RPB's only member
    is its health board, so council returns reach the health board footprint (lhb.lua in this
    folder), not the RPB.
  - Roll-up: worst colour among coloured children (ASSUMPTIONS.ROLLUP).

What is unconfirmed
  - The 13 population indicators (titles, definitions, which five are national well-being
    indicators, which aim each serves) - not published here.
  - Whether the framework was finalised after 2022, and its measures per aim.
  - That the reused social services measures belong to this framework at all: they do not in
    any published source; they are this file's interim choice.
]]
local r = require "rules"
local ss = require "frameworks.wales-social-services"

------------------------------------------------------------------------------------------
-- Named assumptions. A designer changes them here and nowhere else; the cut points of the
-- reused measures are in frameworks/wales-social-services (ASSUMPTIONS there).
--   MEASURES  the social services measures this file attaches to each aim (interim choice)
--   ROLLUP    how indicator colours make an outcome's colour, and outcomes the area's
local ASSUMPTIONS = {
  MEASURES = {
    QA2 = { "SS-REABLEMENT", "SS-AAR-ENQ-7WD" },
    QA3 = { "SS-DTOC" },
  },
  ROLLUP = {
    outcome = r.rollup.worst_of, overall = r.rollup.worst_of,
    assumption = "worst colour among coloured children, for outcomes and for the area",
  },
}

local SENEDD = "https://matthew.theyworkforyou.dev.mysociety.org/senedd/?id=2022-05-10.5.423270.h"

-- A reused measure: the wales-social-services indicator table, copied (its rule is shared).
local function reuse(id)
  for _, ind in ipairs(ss.indicators) do
    if ind.id == id then
      local c = {}
      for k, v in pairs(ind) do c[k] = v end
      c.design_notes = ((ind.design_notes and ind.design_notes .. " ") or "") .. "Reused from "
        .. "wales-social-services: not a published measure of the Health and Social Care Outcomes "
        .. "Framework (interim choice of this file)."
      return c
    end
  end
  error("wales-social-services has no indicator " .. id, 2)
end

local function placeholder(id, title, notes)
  return { id = id, title = title, unit = "not known", polarity = "none",
    definition = "unconfirmed", reported = false, source = SENEDD,
    notes = "Not scored: " .. notes,
    design_notes = "Placeholder, until a published indicator can be transcribed." }
end

local AIMS = {
  { id = "QA1", title = "Improved population health and well-being" },
  { id = "QA2", title = "Better quality and more accessible health and social care services" },
  { id = "QA3", title = "Higher value health and social care" },
  { id = "QA4", title = "A motivated and sustainable health and social care workforce" },
}

local indicators, outcomes = {}, {}

-- The overarching outcome and the 13 proposed population indicators.
local population = {}
for i = 1, 13 do
  local id = string.format("HSC-PI%02d", i)
  indicators[#indicators + 1] = placeholder(id,
    string.format("Proposed population indicator %d of 13: not published", i),
    "the list of the 13 proposed population indicators (five of them national well-being "
      .. "indicators) has not been found; title, definition, unit and polarity unknown")
  population[#population + 1] = id
end
outcomes[1] = { id = "OVERARCHING", title = "All people in Wales enjoying good health and well-being",
  indicators = population, rollup = ASSUMPTIONS.ROLLUP.outcome }

-- The quadruple aim.
local seen = {}
for _, aim in ipairs(AIMS) do
  local tbc = "HSC-" .. aim.id .. "-MEASURES"
  indicators[#indicators + 1] = placeholder(tbc, aim.title .. ": the framework's measures (not published)",
    "the measures the framework uses for this aim are not known")
  local list = { tbc }
  for _, m in ipairs(ASSUMPTIONS.MEASURES[aim.id] or {}) do
    if not seen[m] then
      indicators[#indicators + 1] = reuse(m)
      seen[m] = true
    end
    list[#list + 1] = m
  end
  outcomes[#outcomes + 1] = { id = aim.id, title = aim.title, indicators = list, rollup = ASSUMPTIONS.ROLLUP.outcome }
end

return r.framework {
  id = "wales-hsc-outcomes",
  version = "2026.1",
  title = "Health and Social Care Outcomes Framework (quadruple aim)",
  country = "Wales",
  source = SENEDD,
  scores = "rpb",
  period = "year",

  outcomes = outcomes,
  indicators = indicators,
  colours = ss.colours,
  rollup = ASSUMPTIONS.ROLLUP.overall,

  assumptions = ASSUMPTIONS,
}
