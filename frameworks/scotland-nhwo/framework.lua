--[[
Scotland: the nine National Health and Wellbeing Outcomes and the Core Suite of Integration
Indicators (NI-1 to NI-23), each partnership benchmarked against Scotland.

Sources
  - The outcomes: the Public Bodies (Joint Working) (National Health and Wellbeing Outcomes)
    (Scotland) Regulations 2014 (SSI 2014/343), in the wording gov.scot publishes,
    https://www.gov.scot/publications/national-health-wellbeing-outcomes-framework/pages/5/ ;
    partnerships report on them in an Annual Performance Report,
    https://www.gov.scot/publications/annual-performance-reports-statutory-guidance/pages/6
  - The indicators: Public Health Scotland, "Core suite of integration indicators" (released
    yearly, about July, as management information),
    https://publichealthscotland.scot/publications/core-suite-of-integration-indicators/core-suite-of-integration-indicators-4-july-2023
    The September 2020 update redefined NI-12, 13, 14, 15, 16 and 20. The four indicators not
    published nationally (NI-10, 21, 22, 23) are confirmed by parliamentary answer S6W-28791
    (26 August 2024). The formulas of NI-12 to NI-19 follow PHS's own code,
    https://github.com/Public-Health-Scotland/national-indicators (branch may-2024-run,
    R/niNN_functions.R).
  - The direction of improvement ("polarity") is the reading partnerships use in their Annual
    Performance Reports; PHS publishes no polarity.

Indicator <-> outcome matrix: NO OFFICIAL MATRIX IS CONFIRMED. The pairings below are those
the Edinburgh Health and Social Care Partnership uses in its Annual Performance Report
2022/23 (https://www.edinburghhsc.scot/the-ijb/annual-performance-report-2022-2023-performance/):
O1 and O4 <- NI-1, 7, 12, 16; O5 <- NI-11; O3 and O7 <- NI-3, 4, 5, 9, 17; O8 <- NI-6;
O9 <- NI-14, 20. That mapping leaves O2 and O6 and eleven indicators unpaired; this framework
completes it by subject (its own assumption, marked in A.outcome_map below). An indicator
may serve several outcomes.

Assessment of the survey indicators (NI-1 to NI-9): PHS's own test (r.survey), as it flags a
partnership "statistically higher/lower than Scotland" in the Health and Care Experience survey
results: a z-test of the two weighted percentages, z = (p - q) / sqrt(se_p^2 + se_q^2), 95%
two-sided, the difference in whole percentage points (Public-Health-Scotland/
health-and-care-experience-survey-2023, 04.significance_tests.R, lines 62-75, commit e01b096).
PHS takes each standard error from the unweighted responses and the design effect; the core
suite publishes neither, only the 95% limits, so the standard error here is (upper - lower) / 2z
from those limits (se = "interval" in A.survey), which equals PHS's own where its limits are
p +/- 1.96 se. A designer whose data carry the unweighted responses as denominator sets
se = "responses" with the design effect. "higher" (better, green), "lower" (worse, red), "similar"
(amber). A.survey.against = "previous" tests the partnership against its own previous survey
instead, as PHS also does; a series break (the question changed) is then "not_comparable".

Assessment of the other indicators. PHS publishes no significance test for NI-11 to NI-19,
and partnerships read them in one of three ways, A.activity choosing: "benchmark" (the
default, below), "relative" (the relative difference from Scotland, similar within a
tolerance, 5% by default: r.relative) or "direction" (the partnership's own direction of
travel on its previous year: r.change{base = "previous"}). No Annual Performance Report read
for this file states its rule; Edinburgh's 2023/24 report compares each indicator with
Scotland in words ("The Edinburgh result was higher than the Scotland result in all but one of
the indicators"), which all three readings do, the benchmark with the uncertainty counted.
The benchmark: each is compared with Scotland (S92000003) for the
same period, Fingertips style (r.benchmark): the partnership's confidence interval wholly on the better side
of the Scotland value is "better" (green), wholly on the worse side "worse" (red), containing
it (bounds included) "similar" (amber). The interval comes from:
  - "published": the limits in the data. The nine survey indicators (Health and Care
    Experience survey, weighted, published with limits) and NI-11 (age-standardised, so no
    interval can be rebuilt from counts). A value without limits is "not_compared".
  - "wilson": a proportion from numerator and denominator (NI-14, 17, 18).
  - "rate": Byar's / exact Poisson limits from the count and population (NI-12, 13, 16, 19).
    Bed days (NI-13, 19) are not independent events: Poisson limits on them are narrower than
    the true uncertainty, so more partnerships differ from Scotland than really do. A designer
    who prefers not to judge them on that basis sets their interval to "published" in A.
Statuses without a colour: "not_reported" (NI-10, 20, 21, 22, 23), "missing", "suppressed"
(HACE cells shown as *), "not_compared" (no interval, or no Scotland value for the period).

Survey break: the 2023/24 Health and Care Experience survey changed the questions behind
NI-2, 3, 4, 5, 7 and 9 (Edinburgh APR 2023/24,
https://www.edinburghhsc.scot/the-ijb/annual-performance-report-2023-2024/performance/), so
their 2023/24 values are not comparable with earlier years. IMPORTS MUST SET series_break on
the 2023/24 rows of these six series (all areas, Scotland included; each indicator's
design_notes says so, for `scorecard check`): any rule that spans the
break (a change or a trend) then gives "not_comparable" instead of a change. The benchmark
compares one period with Scotland's value for the same period, so it does not span the break
and still judges 2023/24.

Periods: "year" (the financial year). HACE is biennial (e.g. "2023/24"); the latest year of
NI-12 to NI-16 is often a calendar year standing in for the financial year (e.g. "2023"):
a financial-year scorecard takes the latest observation ending on or before its end, and the
Scotland comparator must be for the same period. Those five declare both period types
(frequency = YEAR_OR_PROXY), so their history and trend run on through the proxy year as the
publisher's own tables do; quarters or months in the same file stay out of them.

Localities. PHS computes the core suite by locality for its own locality profiles, but no
public locality release was found, and localities have no official codes: "GSS (government
statistical service) codes do not exist for HSCP localities as these are not official
geographies. They are deemed too unstable to warrant creation of official numbering"
(Public-Health-Scotland/scotpho-lookups, geography_lookup.R, whose S99 codes are made up per
run and may change). Locality names repeat across partnerships ("East", "West"). So the
geography holds no localities: a partnership with locality figures imports them as a
breakdown of its own code (`locality`, the locality's name), and an indicator of a local
variant selects one with breakdown = {locality = "North East"}, against the partnership
(comparator = {breakdown = {}}) or Scotland; tests/e2e/test_comparators.sh does so.

Unconfirmed: the outcome pairings not in the Edinburgh mapping; the titles and units marked
definition = "unconfirmed" (see each note); whether NI-2 to NI-9 titles match PHS's published
wording exactly (most published titles begin "Percentage of ..."; these are shortened).
]]
local r = require "rules"

------------------------------------------------------------------------------------------
-- Named assumptions: everything a designer might change, in one place.
local A = {
  -- the area benchmarks compare with (an indicator may set its own `comparator`)
  comparator = "S92000003",
  -- confidence level of the intervals; two_level = true adds the 99.8% level (Fingertips
  -- method 17: "best"/"worst" beyond it)
  level = 0.95,
  two_level = false,
  -- the survey year whose question changes break NI-2, 3, 4, 5, 7, 9 (for the notes; the
  -- data's series_break flag is what rules read)
  survey_break = "2023/24",
  -- NI-1 to NI-9: PHS's survey test (header), against Scotland ("comparator") or the partnership's
  -- previous survey ("previous"); the standard errors from the published limits ("interval") or
  -- from the unweighted responses and a design effect ("responses", design_effect = ...)
  survey = { against = "comparator", se = "interval" },
  -- NI-11 to NI-19 (activity and deaths): PHS publishes no significance test for them, and no
  -- Annual Performance Report read states its rule (Edinburgh's 2023/24 report compares each
  -- with Scotland in words: "higher than the Scotland result"). The three readings partnerships
  -- use, chosen here: "benchmark" (default: the partnership's interval against Scotland, as
  -- below), "relative" (within relative_tolerance per cent of Scotland is similar; r.relative),
  -- "direction" (the partnership's own change on its previous year, more than
  -- direction_tolerance per cent counting as a change; r.change{base = "previous"}).
  activity = "benchmark",
  relative_tolerance = 5,
  direction_tolerance = 0,
  -- where each benchmarked indicator's interval comes from: "published", "wilson" or "rate", with the
  -- multiplier the value is expressed per (100 = percentage, 1000 = per 1,000, ...)
  interval = {
    ["NI-10"] = { "published" },
    ["NI-11"] = { "published" },            -- age-standardised: only published limits
    ["NI-12"] = { "rate", 100000 },
    ["NI-13"] = { "rate", 100000 },         -- bed days: see the header
    ["NI-14"] = { "wilson", 1000 },         -- readmissions of discharges, per 1,000
    ["NI-15"] = { "published" },            -- a share of days: no count-based interval
    ["NI-16"] = { "rate", 1000 },
    ["NI-17"] = { "wilson", 100 },
    ["NI-18"] = { "wilson", 100 },
    ["NI-19"] = { "rate", 1000 },           -- bed days: see the header
    ["NI-20"] = { "published" },
    ["NI-21"] = { "wilson", 100 },
    ["NI-22"] = { "wilson", 100 },
  },
  -- indicator -> outcome pairings. "E": from the Edinburgh APR 2022/23 mapping [P];
  -- "F": this framework's completion by subject [U].
  outcome_map = {
    O1 = { "NI-1", "NI-7", "NI-12", "NI-16" },                        -- E
    O2 = { "NI-2", "NI-13", "NI-15", "NI-18", "NI-19", "NI-21", "NI-22" }, -- F
    O3 = { "NI-3", "NI-4", "NI-5", "NI-9", "NI-17" },                 -- E
    O4 = { "NI-1", "NI-7", "NI-12", "NI-16" },                        -- E
    O5 = { "NI-11" },                                                 -- E
    O6 = { "NI-8" },                                                  -- F
    O7 = { "NI-3", "NI-4", "NI-5", "NI-9", "NI-17" },                 -- E
    O8 = { "NI-6", "NI-10" },                                         -- E (NI-6), F (NI-10)
    O9 = { "NI-14", "NI-20", "NI-23" },                               -- E (NI-14, 20), F (NI-23)
  },
  -- roll-ups: indicator colours to an outcome, outcome colours to the partnership
  outcome_rollup = r.rollup.worst_of,
  area_rollup = r.rollup.worst_of,
}

local function survey()
  return r.survey { against = A.survey.against, se = A.survey.se, design_effect = A.survey.design_effect }
end

local function bench(id)
  local m = A.interval[id]
  return r.benchmark { interval = m[1], multiplier = m[2], level = A.level, two_level = A.two_level }
end

-- NI-11 to NI-19, by the reading A.activity chooses.
local READINGS = { benchmark = true, relative = true, direction = true }
if not READINGS[A.activity] then
  error("A.activity must be \"benchmark\", \"relative\" or \"direction\", not " .. tostring(A.activity), 0)
end
local function activity(id)
  if A.activity == "relative" then return r.relative { tolerance = A.relative_tolerance } end
  if A.activity == "direction" then
    return r.change { mode = "direction", base = "previous", interval = A.direction_tolerance, relative = true }
  end
  return bench(id)
end

-- NI-12 to NI-16: financial years, with a calendar year standing in for the latest (header).
local YEAR_OR_PROXY = { "year", "calendar_year" }
local PHS = "Public Health Scotland, Core suite of integration indicators "
  .. "(https://publichealthscotland.scot/publications/core-suite-of-integration-indicators/)"
local HACE = PHS .. "; Health and Care Experience survey (biennial, weighted, about a 5% sample)"
-- what readers are told of the survey break, and what an import must do about it
local BREAK = "The " .. A.survey_break .. " survey changed this question: its figures are not comparable with "
  .. "earlier years."
local MARK_BREAK = "Imports must set series_break on the " .. A.survey_break .. " rows (Scotland's too), so no "
  .. "change or trend spans the break."
local TITLE_U = "Title from a partnership report; PHS's exact wording unconfirmed."
local PCT = "% positive = 'very well'/'quite well' or 'strongly agree'/'agree' answers / all answering x 100; "
  .. "weighted; published with 95% limits; cells of too few answers are suppressed (*)."

local OUTCOMES = {
  O1 = "People are able to look after and improve their own health and wellbeing and live in good health for longer.",
  O2 = "People, including those with disabilities or long term conditions, or who are frail, are able to live, "
    .. "as far as reasonably practicable, independently and at home or in a homely setting in their community.",
  O3 = "People who use health and social care services have positive experiences of those services, and have "
    .. "their dignity respected.",
  O4 = "Health and social care services are centred on helping to maintain or improve the quality of life of "
    .. "people who use those services.",
  O5 = "Health and social care services contribute to reducing health inequalities.",
  O6 = "People who provide unpaid care are supported to look after their own health and wellbeing, including to "
    .. "reduce any negative impact of their caring role on their own health and well-being.",
  O7 = "People who use health and social care services are safe from harm.",
  O8 = "People who work in health and social care services feel engaged with the work they do and are supported "
    .. "to continuously improve the information, support, care and treatment they provide.",
  O9 = "Resources are used effectively and efficiently in the provision of health and social care services.",
}

local outcomes = {}
for i = 1, 9 do
  local id = "O" .. i
  outcomes[i] = { id = id, title = OUTCOMES[id], indicators = A.outcome_map[id], rollup = A.outcome_rollup }
end

return r.framework {
  id = "scotland-nhwo",
  version = "2026.2", -- .2: NI-11 to NI-19 readable three ways (A.activity); localities said
  title = "National Health and Wellbeing Outcomes: Core Suite of Integration Indicators",
  country = "Scotland",
  source = "https://www.gov.scot/publications/national-health-wellbeing-outcomes-framework/; " .. PHS,
  scores = "hscp",
  period = "year",
  comparator = A.comparator,

  outcomes = outcomes,

  indicators = {
    -- Health and Care Experience survey (NI-1 to NI-9) ---------------------------------
    { id = "NI-1", title = "Adults able to look after their health very well or quite well", unit = "%",
      polarity = "higher", definition = "confirmed", rule = survey(), source = HACE,
      notes = PCT },
    { id = "NI-2", title = "Adults supported at home who agree they are supported to live as independently as possible",
      unit = "%", polarity = "higher", definition = "confirmed", rule = survey(), source = HACE,
      notes = PCT .. " " .. BREAK, design_notes = MARK_BREAK },
    { id = "NI-3", title = "Adults supported at home who agree they had a say in how their help, care or support was provided",
      unit = "%", polarity = "higher", definition = "confirmed", rule = survey(), source = HACE,
      notes = PCT .. " " .. BREAK .. " Example: Edinburgh 57.2%, Scotland 59.6% (2023/24).", design_notes = MARK_BREAK },
    { id = "NI-4", title = "Adults supported at home who agree their health and social care services seemed well co-ordinated",
      unit = "%", polarity = "higher", definition = "unconfirmed", rule = survey(), source = HACE,
      notes = PCT .. " " .. BREAK, design_notes = MARK_BREAK .. " " .. TITLE_U },
    { id = "NI-5", title = "Adults receiving any care or support who rate it excellent or good",
      unit = "%", polarity = "higher", definition = "unconfirmed", rule = survey(), source = HACE,
      notes = PCT .. " " .. BREAK .. " The 2019/20 introductory text of this item was also changed (not "
        .. "comparable with earlier years).", design_notes = MARK_BREAK .. " " .. TITLE_U },
    { id = "NI-6", title = "People with positive experience of care at their GP practice",
      unit = "%", polarity = "higher", definition = "unconfirmed", rule = survey(), source = HACE,
      notes = PCT, design_notes = TITLE_U },
    { id = "NI-7", title = "Adults supported at home who agree services had an impact on improving or maintaining their quality of life",
      unit = "%", polarity = "higher", definition = "unconfirmed", rule = survey(), source = HACE,
      notes = PCT .. " " .. BREAK, design_notes = MARK_BREAK .. " " .. TITLE_U },
    { id = "NI-8", title = "Carers who feel supported to continue in their caring role",
      unit = "%", polarity = "higher", definition = "unconfirmed", rule = survey(), source = HACE,
      notes = PCT, design_notes = TITLE_U },
    { id = "NI-9", title = "Adults supported at home who agree they felt safe",
      unit = "%", polarity = "higher", definition = "unconfirmed", rule = survey(), source = HACE,
      notes = PCT .. " " .. BREAK, design_notes = MARK_BREAK .. " " .. TITLE_U },
    { id = "NI-10", title = "Staff who would recommend their workplace as a good place to work",
      unit = "%", polarity = "higher", definition = "not published", rule = bench("NI-10"),
      source = PHS .. "; staff survey; parliamentary answer S6W-28791",
      notes = "Not reported nationally: no national data or agreed definition (S6W-28791)." },

    -- Activity and deaths (NI-11 to NI-20) -------------------------------------------------
    { id = "NI-11", title = "Premature mortality rate for people aged under 75", unit = "per 100,000",
      polarity = "lower", definition = "unconfirmed", rule = activity("NI-11"),
      source = PHS .. "; National Records of Scotland deaths",
      notes = "Deaths under 75 per 100,000 population, age-standardised, so judged on published limits only.",
      design_notes = "The standardisation method and standard population are unconfirmed. Title from a "
        .. "partnership report." },
    { id = "NI-12", frequency = YEAR_OR_PROXY, title = "Emergency admission rate (per 100,000 population aged 18+)", unit = "per 100,000",
      polarity = "lower", definition = "confirmed", rule = activity("NI-12"),
      source = PHS .. "; SMR01 via the Source Linkage Files; R/ni12_functions.R",
      notes = "Emergency admissions / population 18+ x 100,000 (numerator and denominator give Byar's limits). "
        .. "Redefined September 2020. The latest year is often a calendar-year proxy." },
    { id = "NI-13", frequency = YEAR_OR_PROXY, title = "Emergency bed day rate (per 100,000 population aged 18+)", unit = "per 100,000",
      polarity = "lower", definition = "confirmed", rule = activity("NI-13"),
      source = PHS .. "; SMR01/SMR04; R/ni13_functions.R",
      notes = "Emergency bed days / population 18+ x 100,000. Byar's limits treat bed days as independent "
        .. "events, which they are not (intervals too narrow). Redefined September 2020." },
    { id = "NI-14", frequency = YEAR_OR_PROXY, title = "Readmission to hospital within 28 days (per 1,000 discharges)", unit = "per 1,000 discharges",
      polarity = "lower", definition = "unconfirmed", rule = activity("NI-14"),
      source = PHS .. "; SMR01 and deaths; R/ni14_functions.R",
      notes = "Emergency readmissions within 28 days / discharges x 1,000 (emergency = admission type 20-22, "
        .. "30-39); Wilson limits on readmissions of discharges. Redefined September 2020.",
      design_notes = "The published unit label is unconfirmed." },
    { id = "NI-15", frequency = YEAR_OR_PROXY, title = "Proportion of last 6 months of life spent at home or in a community setting", unit = "%",
      polarity = "higher", definition = "confirmed", rule = activity("NI-15"),
      source = PHS .. "; SMR01/01E/04 and deaths; R/ni15_functions.R",
      notes = "100 - (hospital bed days in the last 6 months of life / deaths / 182.5 x 100). No interval is "
        .. "published or can be rebuilt from counts: not compared unless limits are imported. Redefined "
        .. "September 2020." },
    { id = "NI-16", frequency = YEAR_OR_PROXY, title = "Falls rate per 1,000 population aged 65+", unit = "per 1,000",
      polarity = "lower", definition = "confirmed", rule = activity("NI-16"),
      source = PHS .. "; SMR01; R/ni16_functions.R",
      notes = "Emergency admissions for falls / population 65+ x 1,000 (Byar's limits). Redefined September 2020." },
    { id = "NI-17", title = "Care services graded 'good' (4) or better by the Care Inspectorate", unit = "%",
      polarity = "higher", definition = "unconfirmed", rule = activity("NI-17"),
      source = PHS .. "; Care Inspectorate gradings (scale 1-6); R/ni17_functions.R",
      notes = "Services graded 4 or better / services graded x 100 (Wilson limits).",
      design_notes = "Title from a partnership report." },
    { id = "NI-18", title = "Adults with intensive care needs receiving care at home", unit = "%",
      polarity = "higher", definition = "unconfirmed", rule = activity("NI-18"),
      source = PHS .. "; Social Care Insights, Care Home Census and continuing care census; "
        .. "R/ni18_functions.R (branch may-2024-run, lines 8-34)",
      notes = "As PHS computes it: adults receiving personal care at home / (those receiving personal care at "
        .. "home + long-stay care home residents + people in continuing care) x 100 (Wilson limits).",
      design_notes = "PHS's code reads the three counts from a Social Care team spreadsheet (sheet 'T1 Data'); "
        .. "the hours threshold that makes needs 'intensive' and the age band are not in the code: unconfirmed. "
        .. "Title unconfirmed." },
    { id = "NI-19", title = "Days people aged 75+ spend in hospital when they are ready to be discharged",
      unit = "per 1,000 population aged 75+", polarity = "lower", definition = "confirmed", rule = activity("NI-19"),
      source = PHS .. "; delayed discharge census; R/ni19_functions.R",
      notes = "Delayed discharge bed days / population 75+ x 1,000. Byar's limits treat bed days as "
        .. "independent events, which they are not (intervals too narrow)." },
    { id = "NI-20", title = "Health and care resource spent on hospital stays where the patient was admitted in an emergency",
      unit = "%", polarity = "lower", definition = "not published", rule = bench("NI-20"),
      source = PHS .. "; Source Linkage Files costs",
      notes = "Not reported nationally since the pandemic (Edinburgh APR 2023/24). Redefined September 2020.",
      design_notes = "Title unconfirmed." },

    -- Not published nationally (NI-21 to NI-23) ---------------------------------------------
    { id = "NI-21", title = "People admitted to hospital from home then discharged to a care home", unit = "%",
      polarity = "lower", definition = "not published", rule = bench("NI-21"),
      source = PHS .. "; parliamentary answer S6W-28791",
      notes = "Not reported nationally: no national data or agreed definition (S6W-28791)." },
    { id = "NI-22", title = "People discharged from hospital within 72 hours of being ready", unit = "%",
      polarity = "higher", definition = "not published", rule = bench("NI-22"),
      source = PHS .. "; parliamentary answer S6W-28791",
      notes = "Not reported nationally: no national data or agreed definition (S6W-28791)." },
    { id = "NI-23", title = "Expenditure on end of life care", unit = "GBP per death, last 6 months of life",
      polarity = "none", definition = "not published",
      source = PHS .. "; parliamentary answer S6W-28791",
      notes = "Not reported nationally (S6W-28791). No direction of improvement: no judgement.",
      design_notes = "The unit is unconfirmed." },
  },

  colours = r.colours.default,
  rollup = A.area_rollup,

  -- the assumptions, kept with the framework for anyone reading it from the sandbox
  assumptions = A,
}
