--[[
England: the health and social care interface dashboard (Department of Health, 29 November
2017): six measures of the flow of older people between the NHS and social care, per council
area with adult social care duties (the Health and Wellbeing Board (HWB) areas). The dashboard
was used to choose the areas for the Care Quality Commission's local system reviews [C]
(https://ccg-alert.blogspot.com/2017/11/flow-of-patients-between-nhs-and.html).

The six measures and their polarity (as the project's England brief records them):
  EA65     emergency admissions of people aged 65+ per 100,000 population 65+ - lower [C]
  LOS90    90th percentile length of stay of emergency admissions aged 65+ (days) - lower [C]
  DTOC     total delayed days per day per 100,000 population aged 18+ - lower [C]
  REAB91   % of people 65+ at home 91 days after discharge from hospital into reablement /
           rehabilitation (ASCOF 2B(1)) - higher [C]
  REABOFF  % of people 65+ discharged from hospital who receive reablement / rehabilitation
           (ASCOF 2B(2)) - higher [C]
  WKND     % of discharges following emergency admission that occur at weekends - higher [U]:
           the measure and its polarity are unconfirmed; flagged definition_unconfirmed.

Related current definitions: NHS England's ICS system metrics `ef_rbm` (% 65+ at home 91 days
after discharge) and `rc_rbm` (% 65+ offered reablement), nhsengland/ics-metrics-ref
(markdown/metrics_list_tab.md) [C].

How a measure is judged (this framework's choice). The dashboard placed each area among all
areas on each measure; how it ranked them and combined the six is not confirmed here [U]. This
framework uses the engine's peer method, Fingertips quintiles among every HWB scored (r.quintile,
at least 5 areas with a value): best / better (green), middle (amber), worse / worst (red),
with the polarity above. The quintile is relative: a green area is among the better fifths of
the areas scored, not above a standard. Run it over all HWBs (the default): scoring a few areas
with --area makes them each other's only peers.

Areas: "hwb" (upper-tier councils). Period: "year"; the 2017 dashboard used the latest data of
each measure then available (various periods, some quarterly), which this framework does not
fix: each measure is judged on its latest observation in the scorecard year.

Series ids: none of the six has a real data file here. REAB91 shares its series id with the
reablement metric of england-bcf (the same ASCOF measure); the others are this framework's
choice, named after the measures.

Roll-up: counts per colour (r.rollup.count_summary): the dashboard's overall position is [U].
]]
local r = require "rules"

local DASHBOARD = "https://ccg-alert.blogspot.com/2017/11/flow-of-patients-between-nhs-and.html"
local ASCOF = "https://digital.nhs.uk/data-and-information/publications/statistical/adult-social-care-outcomes-framework-ascof"

------------------------------------------------------------------------------------------
-- Named assumptions.
local ASSUMPTIONS = {
  -- The peer rule: Fingertips quintiles among the HWBs scored; fewer areas with a value is
  -- insufficient_data.
  min_areas = 5,
  -- No roll-up colour: counts per colour.
  rollup = r.rollup.count_summary,
  -- The brief's status labels to the engine's definition field.
  definition = { C = "confirmed", P = "unconfirmed", U = "unconfirmed" },
}

local function measure(t)
  t.definition = ASSUMPTIONS.definition[t.status]
  t.status = nil
  t.rule = r.quintile { min_areas = ASSUMPTIONS.min_areas }
  return t
end

return r.framework {
  id = "england-interface",
  version = "2017-11.1", -- the dashboard of 29 November 2017; .1: this file's revision
  title = "Health and social care interface dashboard (2017): six measures, quintiles among HWB areas",
  country = "England",
  source = DASHBOARD,
  scores = "hwb",
  period = "year",
  comparator = "E92000001", -- not used by the quintile rule; kept for context

  outcomes = {
    { id = "INTERFACE", title = "Flow between the NHS and social care for older people (six measures)",
      indicators = { "EA65", "LOS90", "DTOC", "REAB91", "REABOFF", "WKND" }, rollup = ASSUMPTIONS.rollup },
  },

  indicators = {
    measure { id = "EA65", status = "C",
      title = "Emergency admissions aged 65+ per 100,000 population aged 65+", unit = "per 100,000 aged 65+",
      polarity = "lower", series = "Emergency admissions aged 65+ per 100,000 population aged 65+",
      source = DASHBOARD,
      notes = "Emergency (non-elective) hospital admissions of people aged 65+ per 100,000 population "
        .. "65+ (Hospital Episode Statistics).", design_notes = "Series id: this framework's choice." },
    measure { id = "LOS90", status = "C",
      title = "90th percentile length of stay, emergency admissions aged 65+", unit = "days",
      polarity = "lower", series = "90th percentile length of stay of emergency admissions aged 65+",
      source = DASHBOARD,
      notes = "The length of stay (days) that 90% of emergency admissions of people aged 65+ do not "
        .. "exceed: long stays show delays in discharge.", design_notes = "Series id: this framework's choice." },
    measure { id = "DTOC", status = "C",
      title = "Total delayed days per day per 100,000 population aged 18+", unit = "delayed days per day per 100,000 aged 18+",
      polarity = "lower", series = "Delayed days per day per 100,000 population aged 18+",
      source = DASHBOARD,
      notes = "Delayed transfers of care: total delayed days in the period (NHS, social care and "
        .. "both) divided by the days in the period, per 100,000 population 18+ (NHS England monthly "
        .. "delayed transfers of care collection, paused in 2020).",
      design_notes = "Series id: this framework's choice." },
    measure { id = "REAB91", status = "C",
      title = "Older people (65+) at home 91 days after discharge from hospital into reablement", unit = "%",
      polarity = "higher",
      series = "Proportion of older people (65 and over) who were still at home 91 days after discharge from hospital into reablement/rehabilitation services",
      source = DASHBOARD .. "; " .. ASCOF .. " (ASCOF 2B(1))",
      notes = "ASCOF 2B(1) (ICS system metric ef_rbm): of people 65+ discharged from hospital into "
        .. "reablement / rehabilitation (1 October - 31 December), the percentage at home 91 days later.",
      design_notes = "Series id shared with england-bcf." },
    measure { id = "REABOFF", status = "C",
      title = "Older people (65+) receiving reablement after discharge from hospital", unit = "%",
      polarity = "higher",
      series = "Proportion of older people (65 and over) who were offered reablement services following discharge from hospital",
      source = DASHBOARD .. "; " .. ASCOF .. " (ASCOF 2B(2))",
      notes = "ASCOF 2B(2) (ICS system metric rc_rbm): people 65+ receiving reablement / rehabilitation "
        .. "after discharge as a percentage of all discharges of people 65+ (denominator: Hospital Episode "
        .. "Statistics discharges, 1 October - 31 December).", design_notes = "Series id: this framework's choice." },
    measure { id = "WKND", status = "U",
      title = "Discharges following emergency admission that occur at weekends", unit = "%",
      polarity = "higher", series = "Percentage of discharges following emergency admission at weekends",
      source = DASHBOARD,
      notes = "The share of discharges following an emergency admission that happen on a Saturday or "
        .. "Sunday; higher is taken as better (discharge seven days a week).",
      design_notes = "[U] The measure (which ages; all discharges or those of emergency admissions), its unit "
        .. "and its polarity are not confirmed in a public source here. Series id: this framework's choice." },
  },

  colours = r.colours.default,
  rollup = ASSUMPTIONS.rollup,
  assumptions = ASSUMPTIONS,
}
