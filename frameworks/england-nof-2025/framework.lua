--[[
England: the NHS Oversight Framework 2025/26, segmentation of mental health and community
trusts, scored per trust each quarter, as NHS England's methodology manual sets out its
four steps:

  1. each metric is scored from 1.00 (best) to 4.00 (worst), "some with discrete scores and
     some continuous";
  2. the metric scores are "consolidated, averaged and quartiled to give a single overall
     segment of 1, 2, 3 or 4";
  3. a provider in financial deficit, or receiving deficit support, is limited "to segment 3
     or below";
  4. the final segment (segment 5, intensive support through the Provider Improvement
     Programme, is decided outside the scores and is not in NHS England's files after Q2).

Sources
  - NHS England, NHS Oversight Framework 2025/26 - methodology manual (26 June 2025),
    https://www.england.nhs.uk/long-read/nhs-oversight-framework-2025-26-methodology-manual
    ("Step 1: individual metric scoring", "Step 2: producing an organisational delivery
    score", "Step 3: adjusting for financial deficit", "Step 4: Translating organisational
    scores to final segment").
  - NHS England, NHS oversight framework technical metric specification document - 2025/26,
    https://www.england.nhs.uk/long-read/nhs-oversight-framework-technical-metric-specification-document-2025-26
  - NHS England, NHS oversight framework csv metadata file (the league tables and the data
    files this framework reads), https://www.england.nhs.uk/long-read/nhs-oversight-framework-csv-metadata-file/
  - The financial override: NHS Confederation, 2025/26 NHS Oversight Framework briefing,
    https://www.nhsconfed.org/publications/202526-nhs-oversight-framework ("a financial override
    that limits providers that are in a deficit or receiving deficit support to segment 3 or
    below").

Checked against NHS England's own data file for the 61 mental health and community trusts,
Q1 to Q4 2025/26 (tests/e2e/test_nof_real.sh; data/mappings/nhse-nof-trust-data.json reads
the file unedited):
  - The average metric score is the plain mean of a trust's metric scores, a metric with no
    data left out; combined finance (OF1080) counts, its two parts (OF1079, OF1081) do not.
    Averaging the 2-decimal scores NHS England publishes gives its published average
    (OF5002) to within 0.01 for every trust and quarter, and exactly for 231 of the 244:
    NHS England averages its unrounded scores. Domain scores likewise (OF4000-OF4005).
  - A trust with the financial override (OF5004 = 1) whose score puts it in segment 1 or 2
    is in segment 3; in 3 or 4 it stays.
  - The segment cut points are the quartiles of the average scores, but NOT of this trust
    type's alone: cut at the quartiles of the 61 trusts' averages, this framework gives NHS
    England's segment (OF5000) for 55 to 58 of the 61 each quarter (228 of 244), and every
    trust it places otherwise lies within 0.05 of a cut point; NHS England's cut points in
    Q3 are almost the same for acute trusts. UNCONFIRMED: the population NHS England
    quartiles (likely every provider together). This framework cuts at the quartiles of the
    trusts it scores, and says so in every segment's reason.

Not encoded, and why
  - The metric scores are read as NHS England publishes them (r.score), not recomputed:
    the manual's bookends, standards and discrete bands could not be read, and the
    published raw values are rounded. (Two metrics are known to follow
    1 + 3 (rank - 1) / (n - 1) within the trust type: the staff survey sub-scores, OF1061
    and OF1084; Urgent Community Response below its 70% standard scores 4.00.)
  - Domain segments (OF4100-OF4105): their cut rule is not published in what could be read;
    domains show their mean score without a colour.
  - Acute and ambulance trusts: their metric lists and standards were not obtained, and no
    acute data file was at hand.
  - The NHS Oversight Framework 2026/27 (in force from April 2026) segments providers and
    ICBs by "defined thresholds" on the average metric score: its methodology manual is at
    https://www.england.nhs.uk/long-read/nhs-oversight-framework-2026-27-methodology-manual/
    but its thresholds and metric list could not be read. r.rollup.mean_score takes fixed
    cut points (segments = {...}) for that edition once they are known.
  - ICBs: not segmented in 2025/26 ("ICBs will not be segmented this year").

Colours: NHS England gives segments no colours. ASSUMPTIONS.colours below is this
framework's choice for the scorecard (segments 1 and 2 green, 3 amber, 4 red); a segment's
number is always in its reason.
]]
local r = require "rules"

local SPEC = "https://www.england.nhs.uk/long-read/nhs-oversight-framework-technical-metric-specification-document-2025-26"
local DATA = "NHS England, NHS Oversight Framework mental health and community trust data file, "
  .. "https://www.england.nhs.uk/long-read/nhs-oversight-framework-csv-metadata-file/"

------------------------------------------------------------------------------------------
-- Named assumptions.
local ASSUMPTIONS = {
  -- NHS England publishes no colours for segments: this scorecard's choice
  colours = { "green", "green", "amber", "red" },
  -- the cut points: quartiles of the average scores of the trusts scored (NHS England's
  -- population for its quartiles is unconfirmed; see the header)
  segments = "quartiles",
  decimals = 2, -- NHS England publishes scores to 2 decimals
}

-- One metric score, written out: `metric` is the metric NHS England scores (its OF0xxx id
-- and what it measures), `better` the metric's own direction.
local function metric_score(id, title, metric, better, period, scoring, design)
  return {
    id = id, title = title .. " (metric score)", unit = "score (1 best, 4 worst)", polarity = "lower",
    definition = "confirmed",
    rule = r.score { best = 1, worst = 4 },
    source = SPEC .. "; " .. DATA,
    notes = "NHS England's score of metric " .. metric .. " (" .. better .. " is better), from 1.00 (best) "
      .. "to 4.00 (worst). The metric's period: " .. period .. ". " .. scoring,
    design_notes = design,
  }
end

local RANKED = "Scored continuously, by the trust's rank among trusts of its type."
local RANKED_CONFIRMED = "Scored continuously by rank among the trust type: 1 + 3 (rank - 1) / (n - 1)."
local DISCRETE = "Scored 1, 2, 3 or 4."
local BOOKENDS = "How the rank becomes a score (bookends, caps, ties) is not confirmed: NHS England's "
  .. "scores do not follow 1 + 3 (rank - 1) / (n - 1) of the published (rounded) values."

local indicators = {
  -- Access to services
  metric_score("OF1005", "Patients waiting over 52 weeks for community services", "OF0005 (the percentage of "
    .. "patients waiting over 52 weeks for community services)", "lower", "the last month of the quarter",
    RANKED, BOOKENDS),
  metric_score("OF1041", "Children and young people accessing NHS-funded mental health services",
    "OF0041 (the annual change, in percentage points, in the number of children and young people accessing "
    .. "NHS-funded mental health services)", "higher", "the 12 months to the quarter against the 12 before",
    RANKED, BOOKENDS),
  -- Patient safety
  metric_score("OF1016", "Mental health crisis: face-to-face contact within 24 hours", "OF0016 (the percentage "
    .. "of patients in mental health crisis who receive face-to-face contact within 24 hours)", "higher",
    "the quarter", RANKED, BOOKENDS),
  metric_score("OF1061", "NHS Staff Survey: raising concerns", "OF0061 (the NHS Staff Survey raising "
    .. "concerns sub-score, out of 10)", "higher", "the latest survey year", RANKED_CONFIRMED,
    "The formula is confirmed from NHS England's data file: with its Rank column it gives every trust's "
    .. "published score, Q1 and Q4."),
  metric_score("OF1067", "CQC inspection: safe", "OF1067 (the Care Quality Commission's rating for safe, "
    .. "the latest published if awarded in the window NHS England states)", "a better rating", "the "
    .. "latest rating in the window", DISCRETE .. " A trust with no rating in the window has no score, and "
    .. "the metric is left out of its average.", "The rating-to-score table could not be read."),
  -- Effectiveness and experience
  metric_score("OF1035", "CQC community mental health survey: satisfaction", "OF1035 (the Care Quality "
    .. "Commission community mental health survey satisfaction rate)", "higher", "the latest survey year",
    DISCRETE, "The survey-to-score rule could not be read."),
  metric_score("OF1057", "Urgent Community Response within 2 hours", "OF0057 (the percentage of urgent "
    .. "community response referrals reached within 2 hours)", "higher", "the quarter",
    "A trust below the 70% standard scores 4.00; the others are ranked.",
    "The scale for trusts meeting the standard is not confirmed (the best scores 1.00, the lowest "
    .. "above 70% about 2.98 in Q4 2025/26)."),
  metric_score("OF1063", "Inpatients with a length of stay over 60 days", "OF0063 (the percentage of "
    .. "inpatients with a length of stay over 60 days)", "lower", "the quarter", RANKED, BOOKENDS),
  -- Finance and productivity
  metric_score("OF1080", "Combined finance", "OF1080 (combining the planned surplus or deficit, OF0079, "
    .. "and the year-to-date variance to the financial plan, OF0081; those two parts are not averaged "
    .. "themselves)", "a lower score", "the quarter", DISCRETE,
    "How OF1079 and OF1081 combine into OF1080 could not be read."),
  metric_score("OF1086", "Relative difference in costs", "OF0086 (the relative difference in costs, %)",
    "lower", "the latest costs year", RANKED, BOOKENDS),
  -- People and workforce
  metric_score("OF1082", "Sickness absence rate", "OF0082 (the staff sickness absence rate, %)", "lower",
    "the latest quarter published", RANKED, BOOKENDS),
  metric_score("OF1084", "NHS Staff Survey: engagement", "OF0084 (the NHS Staff Survey engagement theme "
    .. "sub-score, out of 10)", "higher", "the latest survey year", RANKED_CONFIRMED,
    "The formula is confirmed from NHS England's data file, as for OF1061."),
  -- Step 3
  { id = "OF5004", title = "Financial override: in deficit or receiving deficit support", unit = "flag",
    polarity = "none", definition = "confirmed",
    rule = r.flag { meaning = "in financial deficit or receiving deficit support" },
    source = DATA .. "; https://www.nhsconfed.org/publications/202526-nhs-oversight-framework",
    notes = "1 when the trust is in deficit or receives deficit support (the league table's "
      .. "Trust_in_financial_deficit). Such a trust is put in segment 3 when its score would put it in "
      .. "segment 1 or 2.",
    design_notes = "NHS England's file gives the flag as its own output (Summary, OF5004); what makes a "
      .. "trust \"in deficit\" (the plan, the year-to-date position, deficit support) is not read." },
}

local DOMAIN = r.rollup.mean_score { decimals = ASSUMPTIONS.decimals }

return r.framework {
  id = "england-nof-2025",
  version = "2025/26.1", -- the 2025/26 methodology; .1: this file's revision
  title = "NHS Oversight Framework 2025/26: mental health and community trusts",
  country = "England",
  source = "https://www.england.nhs.uk/long-read/nhs-oversight-framework-2025-26-methodology-manual",
  scores = "mh_community_trust",
  period = "fy_quarter",
  -- each quarter's file is whole: a metric a trust has no score for in the quarter is left
  -- out of its average, never taken from the quarter before
  latest_within = "1 month",

  outcomes = {
    { id = "ACCESS", title = "Access to services", indicators = { "OF1005", "OF1041" }, rollup = DOMAIN },
    { id = "SAFETY", title = "Patient safety", indicators = { "OF1016", "OF1061", "OF1067" }, rollup = DOMAIN },
    { id = "EFFECTIVENESS", title = "Effectiveness and experience", indicators = { "OF1035", "OF1057", "OF1063" },
      rollup = DOMAIN },
    -- the financial override is shown with the finance metrics; a flag is no score, so it is
    -- not in the domain's mean
    { id = "FINANCE", title = "Finance and productivity", indicators = { "OF1080", "OF1086", "OF5004" },
      rollup = DOMAIN },
    { id = "PEOPLE", title = "People and workforce", indicators = { "OF1082", "OF1084" }, rollup = DOMAIN },
  },
  indicators = indicators,

  -- Step 2 and 3: the mean of every metric score (not of the domains'), cut at the quartiles,
  -- a trust with the financial override put in segment 3 at best.
  rollup = r.rollup.mean_score {
    decimals = ASSUMPTIONS.decimals, segments = ASSUMPTIONS.segments, colours = ASSUMPTIONS.colours,
    cap = { indicator = "OF5004", segment = 3 },
  },
  assumptions = ASSUMPTIONS,
}
