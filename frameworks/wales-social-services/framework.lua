--[[
Wales: the national outcomes framework for people who need care and support and carers who
need support, scored per Regional Partnership Board (RPB).

Sources
  - Statutory basis: Social Services and Well-being (Wales) Act 2014, Part 2, s.8 (Welsh
    Ministers publish the well-being outcomes and the measures used to assess them),
    https://www.legislation.gov.uk/anaw/2014/4/part/2/crossheading/wellbeing-outcomes
  - The 2016 well-being statement is still current: "Social services national outcomes
    framework annual report 2024",
    https://www.gov.wales/social-services-national-outcomes-framework-annual-report-2024-html
  - The framework document WG36877 (February 2019) has Annex A (well-being outcomes and
    national outcome indicators) and Annex B (technical information). Its indicators are NOT
    transcribed here: each well-being statement carries a placeholder (below).
  - The well-being statements, as quoted by Learning Disability Wales,
    https://issuu.com/ldwevents/docs/the_heart_and_soul_of_well_being - partly confirmed and
    possibly a draft wording [P]; each outcome title below is marked "[P]".
  - The measures with numbers: "Social services activity: April 2023 to March 2024",
    https://llyw.cymru/gweithgarwch-gwasanaethau-cymdeithasol-ebrill-2023-i-fawrth-2024-html
    (council returns under the 2020 Code of Practice on the performance and improvement of
    social services, "Measuring Activity and Performance"): 9,327 reablement packages
    completed, 86% reduced, maintained or mitigated the need for support; 15,517 reports of an
    adult at risk led to enquiries, 83% of enquiries completed within seven working days;
    69,676 new adult assessments, 48% concluded the needs could be met without a care and
    support plan. The same release for 2022-23,
    https://gov.wales/social-services-activity-april-2022-march-2023-official-statistics-development-html,
    gives 83% (reablement) and 81% (enquiries).
  - Delayed transfers of care were counted from the day the patient was clinically ready to
    move (a Welsh partnership report as quoted in the project's domain brief); the unit and
    denominator used here are not confirmed.

What is scored and how
  - scores = "rpb": the seven RPBs, keyed RPB-<W11 code of the coterminous health board>.
  - Period "year" (the financial year, 1 April - 31 March), as the council returns are.
  - The counted measures declare derive = "sum": an area with no figure of its own is built
    from its member areas by adding numerators and denominators and recomputing the rate
    (never by averaging published percentages); the result says it was derived and from which
    areas.
  - LIMIT OF THE ENGINE: derive reads the DIRECT members of an area only. The geography nests
    council (W06) -> health board (W11) -> RPB, and an RPB's only direct member is its health
    board, so:
        council data      -> reaches the health board in one step, NOT the RPB;
        health board data -> reaches the RPB ("derived from W11000023").
    For council-level returns (reablement, safeguarding, assessments) run the companion
    lhb.lua in this folder: it scores the seven health boards, each derived from its councils
    and each coterminous with exactly one RPB (the membership is exact), so its results are
    the RPB results under the health board's code. An RPB scored from council-only data is
    "missing" until the engine follows nested memberships (or the geography lists council ->
    RPB memberships).
  - Thresholds: in ASSUMPTIONS below, in one table. No official source publishes RAG cut
    points for these measures; the all-Wales 2023-24 figures are used as the amber reference
    points (at or above the national figure is at least amber), and every green cut point is
    an assumption. Each judged reason says so.
  - Roll-up: each well-being statement is an outcome; outcome and area colours are the worst
    colour among coloured children (ASSUMPTIONS.ROLLUP). Grey children do not count.

What is unconfirmed
  - The national outcome indicators (Annex A): one placeholder per statement, tagged
    definition_unconfirmed and never scored ("not_reported") until transcribed.
  - The wording of the well-being statements [P], and which statement each measure serves
    (a framework choice, noted on each indicator).
  - Delayed transfers of care: unit (per 1,000 population aged 75 and over) and series name are
    unconfirmed. The series ended with reporting suspended in March 2020; its successor, Pathway
    of Care Delays (StatsWales, monthly from April 2023, a census count of delays over 48
    hours), is SS-POCD, judged by direction of travel from April 2023 (ASSUMPTIONS.POCD).
]]
local r = require "rules"

------------------------------------------------------------------------------------------
-- Named assumptions. A designer changes a cut point, a base period or the roll-up here and
-- nowhere else. Every row is an ASSUMPTION of this framework, not a national target.
--   green / amber  cut points for r.threshold (higher is better for both percentages)
--   national       the all-Wales figure the amber point is taken from, with its year
--   base           base period of the delayed-transfers change rule (a label in the series)
--   tolerance      change (in %, relative to the base) that counts as a change at all
--   tag            the words appended to every judged reason, so a scorecard says it too
local ASSUMPTIONS = {
  REABLEMENT = {
    green = 90, amber = 86, national = 86, national_year = "2023-24",
    tag = "cut points: framework assumption, not a national target",
    assumption = "amber = the all-Wales 2023-24 figure (86%); green = 90%, an assumption",
  },
  ENQUIRIES_7WD = {
    green = 90, amber = 83, national = 83, national_year = "2023-24",
    tag = "cut points: framework assumption, not a national target",
    assumption = "amber = the all-Wales 2023-24 figure (83%); green = 90%, an assumption",
  },
  DTOC = {
    base = "2018/19", tolerance = 5,
    tag = "base year and tolerance: framework assumption, not a national target",
    assumption = "direction of travel against the area's own base year 2018/19 (the last year "
      .. "before the April 2019 health board boundary change; council data rebuild it on current "
      .. "boundaries), a relative change of more than 5% counting as a change; both are assumptions",
  },
  POCD = {
    base = "April 2023", tolerance = 5,
    tag = "base month and tolerance: framework assumption, not a national target",
    assumption = "direction of travel against April 2023, the first month of the series (the base "
      .. "the Welsh Government's own statements compare with: \"down from 1,750 in April\"), a "
      .. "relative change of more than 5% counting as a change; both are assumptions: no target is "
      .. "published",
  },
  NO_CARE_PLAN = {
    reference = 48, national_year = "2023-24",
    assumption = "no judgement: shown against the all-Wales 2023-24 figure (48%) only",
  },
  ROLLUP = {
    outcome = r.rollup.worst_of, overall = r.rollup.worst_of,
    assumption = "worst colour among coloured children, for outcomes and for the area",
  },
}

-- Marks every judged result of a rule as resting on a named assumption: the reason says so,
-- and the rule's recorded parameters carry the assumption's name and wording.
local function assumed(name, rule)
  local row = ASSUMPTIONS[name]
  rule.params.assumption = "ASSUMPTIONS." .. name .. ": " .. row.assumption
  rule.params.set_by = "framework"
  local assess = rule.assess
  rule.assess = function(ctx)
    local res = assess(ctx)
    if res.assessment then res.reason = (res.reason or "") .. " [" .. row.tag .. "]" end
    return res
  end
  return rule
end

-- The no-judgement measure: higher or lower than the national reference, always grey.
local function against_reference(name)
  local row = ASSUMPTIONS[name]
  return r.custom(function(ctx)
    local v = ctx.point.value
    local word = (v > row.reference and "higher") or (v < row.reference and "lower") or "same"
    return { assessment = word, comparator = row.reference, comparator_kind = "area", comparator_area = "W92000004",
      reason = r.fmt(v) .. "% is " .. (word == "same" and "the same as" or (word .. " than"))
        .. " the all-Wales " .. row.national_year .. " figure " .. r.fmt(row.reference)
        .. "% (no judgement: neither direction is better)" }
  end, { reference = row.reference, assumption = "ASSUMPTIONS." .. name .. ": " .. row.assumption })
end

local colours = {}
for k, v in pairs(r.colours.default) do colours[k] = v end
colours.same = "grey" -- the no-judgement measure equal to the national figure

local RELEASE_2324 = "https://llyw.cymru/gweithgarwch-gwasanaethau-cymdeithasol-ebrill-2023-i-fawrth-2024-html"
local ANNEX_A = "WG36877 (February 2019), Annex A; "
  .. "https://www.gov.wales/social-services-national-outcomes-framework-annual-report-2024-html"

------------------------------------------------------------------------------------------
-- The well-being statements [P], in the order quoted. `measures` lists the counted measures
-- this framework attaches to a statement (a framework choice, not Annex A's mapping).
local STATEMENTS = {
  { "I know and understand what care, support and opportunities are available to me", { "SS-ASSESS-NO-PLAN" } },
  { "I get the help I need, when I need it, in the way I want it", { "SS-REABLEMENT", "SS-DTOC", "SS-POCD" } },
  { "My rights are respected" },
  { "I have voice and control" },
  { "I am involved in making decisions that affect my life" },
  { "My individual circumstances are considered" },
  { "I can speak for myself or have someone who can do it for me" },
  { "I am happy" },
  { "I am healthy" },
  { "I am safe and protected from abuse and neglect", { "SS-AAR-ENQ-7WD" } },
  { "I can learn and develop to my full potential" },
  { "I can do the things that matter to me", { "SS-REABLEMENT" } },
  { "I can engage and participate" },
  { "I feel valued in society" },
  { "I belong" },
  { "I have safe and healthy relationships" },
  { "I am supported to work" },
  { "I have a social life and can be with the people that I choose" },
  { "I do not live in poverty" },
  { "I get the help I need to grow up and be independent" },
  { "I get care through the Welsh language if I need it" },
  { "I have suitable living accommodation that meets my needs" },
}

local indicators = {
  { id = "SS-REABLEMENT",
    title = "Completed reablement packages that reduced, maintained or mitigated the need for support",
    unit = "%", polarity = "higher", definition = "confirmed",
    derive = "sum", multiplier = 100,
    rule = assumed("REABLEMENT", r.threshold { green = ASSUMPTIONS.REABLEMENT.green,
                                               amber = ASSUMPTIONS.REABLEMENT.amber }),
    source = RELEASE_2324,
    notes = "Numerator: completed adult reablement packages after which the need for support was "
      .. "reduced, maintained or mitigated; denominator: adult reablement packages completed in the "
      .. "year (all-Wales 2023-24: 9,327, 86%). Council returns; the detailed collection guidance "
      .. "is not transcribed here. Attached to statements 2 and 12 by this framework." },
  { id = "SS-AAR-ENQ-7WD",
    title = "Adult-at-risk enquiries completed within seven working days",
    unit = "%", polarity = "higher", definition = "confirmed",
    derive = "sum", multiplier = 100,
    rule = assumed("ENQUIRIES_7WD", r.threshold { green = ASSUMPTIONS.ENQUIRIES_7WD.green,
                                                  amber = ASSUMPTIONS.ENQUIRIES_7WD.amber }),
    source = RELEASE_2324 .. "; adult at risk: Social Services and Well-being (Wales) Act 2014 s.126",
    notes = "Numerator: enquiries into reports of an adult at risk completed within seven working "
      .. "days; denominator: enquiries made (all-Wales 2023-24: 15,517 reports led to enquiries, "
      .. "83% completed within seven working days). Council returns. Attached to statement 10." },
  { id = "SS-DTOC",
    title = "Delayed transfers of care per 1,000 population aged 75 and over",
    unit = "per 1,000 aged 75+", polarity = "lower", definition = "unconfirmed",
    derive = "sum", multiplier = 1000,
    rule = assumed("DTOC", r.change { mode = "direction", base = ASSUMPTIONS.DTOC.base,
                                      interval = ASSUMPTIONS.DTOC.tolerance, relative = true }),
    source = "Delays counted from the day the patient is clinically ready to move (domain brief, "
      .. "quoting a Welsh partnership report); direction of travel against an own baseline as in "
      .. "the Nuffield Trust four-country comparison",
    notes = "Delayed transfers of care, each delay counted from the day the patient was clinically "
      .. "ready, per resident aged 75 and over. Judged by direction of travel against the area's own base "
      .. "year because the UK countries count delays differently. Reporting was suspended in March 2020; "
      .. "its successor, Pathway of Care Delays (SS-POCD, monthly from April 2023), is counted differently.",
    design_notes = "UNCONFIRMED definition: the numerator, the denominator (residents aged 75+), the "
      .. "series name and the unit. Attached to statement 2." },
  -- Delayed transfers of care (to 2019/20) and their successor, Pathway of Care Delays (from
  -- April 2023): two series counted differently, so two indicators, each judged in its years;
  -- a year of one has no figure of the other.
  { id = "SS-POCD",
    title = "Pathway of care delays: adults in an NHS hospital bed delayed more than 48 hours after being "
      .. "clinically optimised (census day each month)",
    unit = "delays (count)", polarity = "lower", definition = "confirmed",
    frequency = "month", derive = "count",
    rule = assumed("POCD", r.change { mode = "direction", base = ASSUMPTIONS.POCD.base,
                                      interval = ASSUMPTIONS.POCD.tolerance, relative = true }),
    source = "StatsWales, Pathway of care delays (https://statswales.gov.wales/Catalogue/Health-and-Social-Care/"
      .. "NHS-Performance/pathway-of-care-delays) and stats.gov.wales dataset "
      .. "def0a3ee-ce00-4bad-887f-3c78b2876969 (\"count of delays\"); Welsh Government written statement, "
      .. "21 December 2023, https://www.gov.wales/written-statement-update-hospital-discharge-and-pathways-care-delay-reporting-framework",
    notes = "\"The number of adults occupying an NHS hospital bed, who were 'clinically optimised' ready to "
      .. "return home or move on to the next stage of care, that experienced a delay in their transfer of "
      .. "more than 48 hours beyond the point they were clinically optimised\" (StatsWales). A census "
      .. "snapshot on the third Wednesday of each month, not the month's total; reported from April 2023 "
      .. "(all Wales 1,750 in April 2023, 1,367 in September 2025). A count, so judged by the area's own "
      .. "direction of travel: no rate is published. The scorecard year is judged on its last month.",
    design_notes = "The publisher gives counts by health board of provision and by local authority of "
      .. "residence: an RPB is built by adding its health board's delays (derive = \"count\"), or its "
      .. "councils' when the board has none. Which of the two an RPB should report is not settled by "
      .. "any source read; the board's figures count delays in the board's hospitals, residents of "
      .. "other areas included. The monthly file itself was not at hand (the layout is known: Data "
      .. "values, Data description, Local health board, local authority of residence, Reason for "
      .. "delay, Date); import the \"Total\" reason rows. Attached to statement 2." },
  { id = "SS-ASSESS-NO-PLAN",
    title = "New adult assessments concluding the eligible needs can be met without a care and support plan",
    unit = "%", polarity = "none", definition = "confirmed",
    derive = "sum", multiplier = 100,
    rule = against_reference("NO_CARE_PLAN"),
    source = RELEASE_2324,
    notes = "Numerator: new adult assessments (for adults without a care and support plan) that "
      .. "concluded the eligible needs could be met without a plan; denominator: such assessments "
      .. "where the outcome was recorded (all-Wales 2023-24: 69,676 assessments, 48%). Shown without "
      .. "a judgement: the brief gives no direction of improvement. Attached to statement 1." },
}

local outcomes = {}
for i, s in ipairs(STATEMENTS) do
  local id = string.format("WB%02d", i)
  local placeholder = id .. "-NOI"
  indicators[#indicators + 1] = {
    id = placeholder,
    title = "National outcome indicators for \"" .. s[1] .. "\" (WG36877 Annex A): not transcribed",
    unit = "not known", polarity = "none", definition = "unconfirmed", reported = false,
    source = ANNEX_A,
    notes = "Not scored: this statement's national outcome indicators are not yet part of the scorecard.",
    design_notes = "Placeholder until transcribed: the Annex A indicators (mostly National Survey for "
      .. "Wales and council returns, annual) could not be read here.",
  }
  local list = { placeholder }
  for _, m in ipairs(s[2] or {}) do list[#list + 1] = m end
  outcomes[i] = { id = id, title = s[1] .. " [P]", indicators = list, rollup = ASSUMPTIONS.ROLLUP.outcome }
end

return r.framework {
  id = "wales-social-services",
  version = "2026.2", -- .2: Pathway of Care Delays added beside delayed transfers of care
  title = "National outcomes framework for people who need care and support and carers who need support",
  country = "Wales",
  source = "https://www.legislation.gov.uk/anaw/2014/4/part/2/crossheading/wellbeing-outcomes; " .. RELEASE_2324,
  scores = "rpb",
  period = "year",
  -- no comparator: the national reference points are fixed in ASSUMPTIONS

  outcomes = outcomes,
  indicators = indicators,
  colours = colours,
  rollup = ASSUMPTIONS.ROLLUP.overall,

  -- kept with the framework for anyone reading it (and for wales-hsc-outcomes, which reuses
  -- these measures and their cut points)
  assumptions = ASSUMPTIONS,
}
