--[[
Northern Ireland: the Programme for Government (PfG) Wellbeing Framework, its health and
social care indicators (the "Healthier Lives" and "Caring Society" domains), judged by the
dashboard's own change-from-baseline rule.

Sources
  - The Executive Office's PfG Wellbeing Framework dashboard,
    https://github.com/PfGAnalytics/Wellbeing-Dashboard: scripts/domains_data.js (each
    indicator's base_year, ci and improvement) and scripts/data_functions.js (the rule), as at
    commit f0c5049d8bdb2079c55d12fcd0c46977a562e64a (2025-05-21).
  - The data: NISRA's data portal (PxStat), "Programme for Government" folder,
    https://ws-data.nisra.gov.uk/ - one JSON-stat dataset per matrix (INDADSCNI, INDHLEMEQ,
    INDHLEFEQ, INDMHEALTHEQ, INDPREVDTHEQ/LGD/AA, INDLONEEQ/LGD/AA). Import them as they are:
    the importer stores each under its STATISTIC code (INDADSC, INDHLEM, ...), which is the
    series id used below.

The rule (r.change, mode "pfg", the default): change = latest - value in the base period,
rounded half up (JavaScript Math.round) to the most decimal places written in the series;
improving when the change reaches the change interval in the direction of improvement,
worsening when it reaches it in the other direction (both inclusive), otherwise no change; the
latest period being the base period is no change; a null base year is insufficient data.

What is scored
  - scores = "country": the dashboard classifies the Northern Ireland series (N92000002) only.
    Run with --area N09000001 ... N09000011 (LGDs) to apply the same rule to an LGD series
    where NISRA publishes one (preventable deaths, loneliness). That is an engine extension,
    not the dashboard's practice, and every such result says so in its reason and in
    details.result.scope (see `marked` below). No PfG matrix is published per HSC trust, so a
    trust (BHSCT, ...) comes out "missing".
  - Three indicators of these domains have no data file here (sports and physical activity,
    active travel, volunteering). They stay in the framework, marked unconfirmed, so the
    scorecard shows them as "missing" rather than leaving them out; active travel keeps the
    dashboard's null base year (base = nil), so once its data is imported it is
    "insufficient_data", as on the dashboard.

Period: "year" (the financial year). The series mix calendar years (adult social care,
"2023"), pooled calendar years (healthy life expectancy "2021-23", preventable deaths
"2018-22") and financial years (the survey indicators, "2023/24"). A financial-year scorecard
period such as 2023/24 ends on 31 March 2024 and so takes the latest point of every series: the
calendar and pooled years ending in December 2023 and the survey year ending in March 2024. A
calendar-year period holding the same data would be labelled "2024", a year none of the
figures describe.

Colours: the default map (improving green, no_change amber, worsening red). The dashboard
itself draws no RAG colours: it shows an arrow per indicator (up "improving", right "no
change", down "worsening") and groups the indicators by those three words. Roll-ups follow it:
r.rollup.count_summary, a count per status and no colour, for each domain and overall.
]]
local r = require "rules"

local NI = "N92000002"

------------------------------------------------------------------------------------------
-- Named assumptions: the dashboard's parameters, one row per indicator, copied from
-- scripts/domains_data.js at f0c5049 (2025-05-21). A designer changes a base year or a
-- change interval here and nowhere else.
--   base         the base period, as its label is written in the series ("2019", "2019/20",
--                "2017-19"); nil = the dashboard's null base year: insufficient data
--   interval     the change interval ("ci"): a number, or "<k>c" = k per period after the base
--   improvement  "increase" or "decrease" (becomes the indicator's polarity)
-- Several bases were reset to 2021/22 after COVID-19 changed survey collection (the dashboard
-- says so for loneliness, sport and volunteering); an earlier version of domains_data.js
-- (commit 01f705797bdb) used other bases (healthy life expectancy 2016-18, mental health
-- 2018/19) and intervals (healthy life expectancy, males, 1.5), so these values are dated and
-- may change again.
local PFG = {
  INDHLEM    = { base = "2017-19", interval = 1.6, improvement = "increase" },
  INDHLEF    = { base = "2017-19", interval = 1.5, improvement = "increase" },
  INDMHEALTH = { base = "2019/20", interval = 1.3, improvement = "decrease" },
  INDPREVDTH = { base = "2014-18", interval = 4.8, improvement = "decrease" },
  INDSPORTS  = { base = "2021/22", interval = 2,   improvement = "increase" },
  INDATWALK  = { base = nil,       interval = 2.4, improvement = "increase" },
  INDADSC    = { base = "2019",    interval = 1,   improvement = "increase" },
  INDLONE    = { base = "2021/22", interval = 2,   improvement = "decrease" },
  INDVOL     = { base = "2021/22", interval = 2,   improvement = "increase" },
}

local POLARITY = { increase = "higher", decrease = "lower" }

local EXTENSION = "engine extension: the PfG dashboard classifies the Northern Ireland series only"

-- Marks a result for any area other than Northern Ireland as an engine extension: the
-- dashboard classifies the Northern Ireland series only, so applying its rule per LGD or per
-- trust must say so in the result record. The rule itself, its method and its parameters
-- stay r.change's.
local function marked(rule)
  local assess = rule.assess
  rule.assess = function(ctx)
    local res = assess(ctx)
    if ctx.area ~= NI then
      res.reason = (res.reason or "") .. " [" .. EXTENSION .. "]"
      res.details = res.details or {}
      res.details.scope = EXTENSION
    end
    return res
  end
  return rule
end

local DASHBOARD = "https://github.com/PfGAnalytics/Wellbeing-Dashboard (scripts/domains_data.js)"

return r.framework {
  id = "ni-pfg",
  version = "2025.05-1", -- the dashboard's parameters as at 2025-05-21; -1: this file's revision
  title = "Programme for Government Wellbeing Framework: health and social care indicators",
  country = "Northern Ireland",
  source = "https://github.com/PfGAnalytics/Wellbeing-Dashboard; https://ws-data.nisra.gov.uk/",
  scores = "country",
  period = "year",
  -- The dashboard classifies each indicator on its latest published period, whatever its
  -- age (the "latest" of the rule above; some series have had no release since the base
  -- year): a long span keeps that, where the engine's default of 2 years would not.
  latest_within = "10 years",
  -- no comparator: the rule compares each series with its own base period

  -- The domains, named as on the dashboard, with the descriptions domains_data.js gives them
  -- (seen at commit 01f705797bdb; the names match the rule table at f0c5049).
  outcomes = {
    { id = "Healthier Lives", title = "Healthier Lives: We all enjoy long, healthy active lives",
      indicators = { "INDHLEM", "INDHLEF", "INDMHEALTH", "INDPREVDTH", "INDSPORTS", "INDATWALK" } },
    { id = "Caring Society",
      title = "Caring Society: We have a caring society that supports people throughout their lives",
      indicators = { "INDADSC", "INDLONE", "INDVOL" } },
  },

  -- Each rule is r.change (mode "pfg", the default) with the row of PFG for its indicator;
  -- polarity is the row's direction of improvement.
  indicators = {
    -- Healthier Lives ---------------------------------------------------------------------
    { id = "INDHLEM", title = "Healthy life expectancy (males)", unit = "years",
      polarity = POLARITY[PFG.INDHLEM.improvement], definition = "confirmed",
      rule = marked(r.change { base = PFG.INDHLEM.base, interval = PFG.INDHLEM.interval }),
      source = DASHBOARD .. "; NISRA matrix INDHLEMEQ",
      notes = "Healthy life expectancy at birth for males: years expected in 'good' or 'very good' "
        .. "health (Health Survey Northern Ireland), 3-year pooled. The 2020/21-2022/23 surveys "
        .. "moved to telephone interviews with smaller samples (NISRA note)." },
    { id = "INDHLEF", title = "Healthy life expectancy (females)", unit = "years",
      polarity = POLARITY[PFG.INDHLEF.improvement], definition = "confirmed",
      rule = marked(r.change { base = PFG.INDHLEF.base, interval = PFG.INDHLEF.interval }),
      source = DASHBOARD .. "; NISRA matrix INDHLEFEQ",
      notes = "Healthy life expectancy at birth for females, as for males; same survey-mode caveat." },
    { id = "INDMHEALTH", title = "Mental health", unit = "%",
      polarity = POLARITY[PFG.INDMHEALTH.improvement], definition = "confirmed",
      rule = marked(r.change { base = PFG.INDMHEALTH.base, interval = PFG.INDMHEALTH.interval }),
      source = DASHBOARD .. "; NISRA matrix INDMHEALTHEQ",
      notes = "Percentage aged 16+ with a GHQ-12 score of 4 or more (possible mental health problem), "
        .. "Health Survey Northern Ireland. No NI value for 2012/13 (question not asked)." },
    { id = "INDPREVDTH", title = "Preventable deaths", unit = "per 100,000",
      polarity = POLARITY[PFG.INDPREVDTH.improvement], definition = "confirmed",
      rule = marked(r.change { base = PFG.INDPREVDTH.base, interval = PFG.INDPREVDTH.interval }),
      source = DASHBOARD .. "; NISRA matrices INDPREVDTHEQ (Northern Ireland), INDPREVDTHLGD, INDPREVDTHAA",
      notes = "Directly age-standardised (ESP2013) death rate per 100,000 from causes considered "
        .. "preventable (ONS/OECD definition), 5-year pooled; NISRA labels the unit \"Number\". "
        .. "Deaths due to COVID-19 were introduced to the definition in 2020, so the base 2014-18 "
        .. "and the periods from 2016-20 differ in definition; the dashboard compares them all the "
        .. "same, and so does this framework (the data mark no series break)." },
    { id = "INDSPORTS", title = "Sports and physical activity", unit = "%",
      polarity = POLARITY[PFG.INDSPORTS.improvement], definition = "unconfirmed",
      rule = marked(r.change { base = PFG.INDSPORTS.base, interval = PFG.INDSPORTS.interval }),
      source = DASHBOARD .. "; NISRA matrices INDSPORTSLGD, INDSPORTSEQ",
      notes = "Proportion of adults who engage in sport and physical activity. Base reset to 2021/22 "
        .. "after COVID-19 changed data collection.",
      design_notes = "The title is the dashboard's text. No data here: the measure, its unit and the "
        .. "series id (the matrix name less its LGD/EQ suffix, as the dashboard derives it) are unconfirmed." },
    { id = "INDATWALK", title = "Active travel - walking and cycling", unit = "%",
      polarity = POLARITY[PFG.INDATWALK.improvement], definition = "unconfirmed",
      rule = marked(r.change { base = PFG.INDATWALK.base, interval = PFG.INDATWALK.interval }),
      source = DASHBOARD .. "; NISRA matrix INDATWALKEQ",
      notes = "The dashboard's base year is null (survey methods changed from 2020): insufficient "
        .. "data by its rule.",
      design_notes = "No data here: the measure, its unit and the series id are unconfirmed." },
    -- Caring Society ----------------------------------------------------------------------
    { id = "INDADSC", title = "Adult social care", unit = "%",
      polarity = POLARITY[PFG.INDADSC.improvement], definition = "confirmed",
      rule = marked(r.change { base = PFG.INDADSC.base, interval = PFG.INDADSC.interval }),
      source = DASHBOARD .. "; NISRA matrix INDADSCNI",
      notes = "Adults receiving social care at home or self-directed support (domiciliary care + "
        .. "direct payments) as a percentage of all adults receiving care (including nursing and "
        .. "residential homes), Department of Health. Collection unchanged by COVID-19; the direct "
        .. "payment client groups changed in 2015." },
    { id = "INDLONE", title = "Loneliness", unit = "%",
      polarity = POLARITY[PFG.INDLONE.improvement], definition = "confirmed",
      rule = marked(r.change { base = PFG.INDLONE.base, interval = PFG.INDLONE.interval }),
      source = DASHBOARD .. "; NISRA matrices INDLONEEQ (Northern Ireland), INDLONELGD, INDLONEAA",
      notes = "Percentage aged 16+ lonely 'often/always' or 'some of the time' (Continuous Household "
        .. "Survey). Collection mode and sample changed in 2020/21 and 2021/22; base reset to "
        .. "2021/22." },
    { id = "INDVOL", title = "Volunteering", unit = "%",
      polarity = POLARITY[PFG.INDVOL.improvement], definition = "unconfirmed",
      rule = marked(r.change { base = PFG.INDVOL.base, interval = PFG.INDVOL.interval }),
      source = DASHBOARD .. "; NISRA matrices INDVOLLGD, INDVOLEQ",
      notes = "Proportion of adults who volunteer. Base reset to 2021/22 after COVID-19.",
      design_notes = "The title is the dashboard's text. No data here: the measure, its unit and the series "
        .. "id are unconfirmed." },
  },

  -- The dashboard has no RAG colours: see the header.
  colours = r.colours.default,
  -- The dashboard counts indicators per status; it publishes no roll-up colour. Overall, the
  -- children are the two domains, which have no colour, so the area line reads "no child has
  -- a colour"; the per-status counts are in the domain lines.
  rollup = r.rollup.count_summary,

  -- The parameters, kept with the framework for anyone reading it from the sandbox.
  exports = { pfg_parameters = PFG },
}
