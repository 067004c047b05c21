--[[
An example partnership framework built on the national one (scotland-nhwo) without copying
it: r.extend keeps every national outcome, indicator and benchmark, and this file only says
what is local. Copy it to start a partnership's own scorecard.

What it changes
  1. Two local indicators:
     - LOCAL-1, a measure only the partnership collects (assessments completed within 28 days
       of referral), with the partnership's own thresholds; it joins outcome O2.
     - LOCAL-2, a second reading of a national series: the change in NI-9 ("felt safe") since
       the 2021/22 survey, by direction of travel. The 2023/24 survey changed the question
       (imports flag the 2023/24 rows with series_break), so on 2023/24 data this is
       "not_comparable" rather than a change: the break is respected, not hidden. It joins
       outcome O7.
  2. One override: NI-19 (delayed discharge bed days per 1,000 population aged 75+) is judged
     against the partnership's own, tighter standard (a threshold) instead of the national
     benchmark against Scotland.

The thresholds are ILLUSTRATIVE: they show how a designer writes them and are not published
targets of any partnership. Everything else (outcome wording, sources, definition status,
not-reported indicators) comes from scotland-nhwo; see its header.
]]
local r = require "rules"

------------------------------------------------------------------------------------------
-- Named assumptions: the local choices, in one place.
local L = {
  -- LOCAL-1: share of assessments completed within 28 days of referral (higher is better)
  assessments = { green = 90, amber = 80 },
  -- NI-19 override: delayed discharge bed days per 1,000 aged 75+ (lower is better)
  delayed_bed_days = { green = 500, amber = 750 },
  -- LOCAL-2: the survey year the change is measured from, and the tolerance in points
  survey_base = "2021/22",
  survey_tolerance = 0,
}

local national = require "frameworks.scotland-nhwo"

return r.extend(national, {
  id = "scotland-local-example",
  version = "2026.1-local",
  title = "Example partnership scorecard: national outcomes with local measures",

  indicators = {
    { id = "LOCAL-1", title = "Adult social care assessments completed within 28 days of referral", unit = "%",
      polarity = "higher", definition = "confirmed",
      rule = r.threshold { green = L.assessments.green, amber = L.assessments.amber },
      source = "the partnership's own social work records (example)",
      notes = "Assessments completed within 28 days / assessments completed x 100. Thresholds illustrative." },
    { id = "LOCAL-2", title = "Adults supported at home who agree they felt safe: change since the "
        .. L.survey_base .. " survey", unit = "percentage points",
      series = "NI-9", polarity = "higher", definition = "unconfirmed",
      rule = r.change { mode = "direction", base = L.survey_base, interval = L.survey_tolerance },
      source = "Public Health Scotland, Core suite of integration indicators (NI-9, Health and Care Experience survey)",
      notes = "NI-9 read as change in percentage points since " .. L.survey_base .. ". The 2023/24 survey "
        .. "changed the question: a change across it is not comparable." },
  },

  override = {
    ["NI-19"] = {
      rule = r.threshold { green = L.delayed_bed_days.green, amber = L.delayed_bed_days.amber },
      notes = "Local override: judged against the partnership's own standard (at most "
        .. L.delayed_bed_days.green .. " green, " .. L.delayed_bed_days.amber .. " amber; illustrative) instead "
        .. "of the national benchmark. Delayed discharge bed days / population 75+ x 1,000.",
    },
  },

  outcomes = {
    { id = "O2", add = { "LOCAL-1" } },
    { id = "O7", add = { "LOCAL-2" } },
  },

  -- The national framework's named assumptions stay; the local choices are added to them.
  assumptions = { national = national.assumptions, ["local"] = L },
})
