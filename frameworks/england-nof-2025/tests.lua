--[[
Cases for england-nof-2025 on NHS England's own figures: the Q4 2025/26 metric scores of five
mental health and community trusts, as the trust data file publishes them
(tests/data/real/nhse, NHS England's nhs-oversight-framework-mental-health-and-community-trust-data.csv).

NHS England's league table for Q4 2025/26 gives: Kent Community Health (RYY) 1.53, segment 1;
Central and North West London (RV3) 1.55, segment 1; Dorset HealthCare (RDY) 2.21, segment 2;
Hertfordshire Partnership (RWR) 2.12, segment 3 (in financial deficit); Bridgewater Community
Healthcare (RY2) 3.34, segment 4. Each average below is NHS England's. Among these five trusts
alone the quartiles are 1.55, 2.12 and 2.21, so Dorset is in segment 3 here; among all 61
(tests/e2e/test_nof_real.sh) it is in NHS England's segment 2.
]]
local row = require("rules").row
local Q4 = "Q4 2025/26"

return {
  {
    name = "Q4 2025/26: five trusts' published scores averaged, cut at their quartiles, the deficit cap",
    period = Q4, areas = { "RYY", "RV3", "RDY", "RWR", "RY2" },
    data = {
      -- RYY (Kent Community Health)
      row("OF1005", "RYY", Q4, "2.39"), row("OF1061", "RYY", Q4, "1.1"), row("OF1057", "RYY", Q4, "2.06"),
      row("OF1080", "RYY", Q4, "1.0"), row("OF1086", "RYY", Q4, "1.43"), row("OF1082", "RYY", Q4, "1.44"),
      row("OF1084", "RYY", Q4, "1.3"), row("OF5004", "RYY", Q4, "0.0"),
      -- RV3 (Central and North West London)
      row("OF1005", "RV3", Q4, "1.0"), row("OF1041", "RV3", Q4, "1.57"), row("OF1016", "RV3", Q4, "1.0"),
      row("OF1061", "RV3", Q4, "2.4"), row("OF1035", "RV3", Q4, "2.0"), row("OF1057", "RV3", Q4, "1.63"),
      row("OF1063", "RV3", Q4, "1.13"), row("OF1080", "RV3", Q4, "1.0"), row("OF1086", "RV3", Q4, "2.24"),
      row("OF1082", "RV3", Q4, "1.32"), row("OF1084", "RV3", Q4, "1.8"), row("OF5004", "RV3", Q4, "0.0"),
      -- RDY (Dorset HealthCare)
      row("OF1005", "RDY", Q4, "1.0"), row("OF1041", "RDY", Q4, "1.87"), row("OF1016", "RDY", Q4, "3.09"),
      row("OF1061", "RDY", Q4, "1.8"), row("OF1035", "RDY", Q4, "2.0"), row("OF1057", "RDY", Q4, "2.66"),
      row("OF1063", "RDY", Q4, "4.0"), row("OF1080", "RDY", Q4, "1.0"), row("OF1086", "RDY", Q4, "2.84"),
      row("OF1082", "RDY", Q4, "2.1"), row("OF1084", "RDY", Q4, "1.95"), row("OF5004", "RDY", Q4, "0.0"),
      -- RWR (Hertfordshire Partnership)
      row("OF1041", "RWR", Q4, "2.48"), row("OF1016", "RWR", Q4, "2.3"), row("OF1061", "RWR", Q4, "1.9"),
      row("OF1035", "RWR", Q4, "2.0"), row("OF1063", "RWR", Q4, "1.45"), row("OF1080", "RWR", Q4, "2.0"),
      row("OF1086", "RWR", Q4, "2.59"), row("OF1082", "RWR", Q4, "2.97"), row("OF1084", "RWR", Q4, "1.35"),
      row("OF5004", "RWR", Q4, "1.0"),
      -- RY2 (Bridgewater Community Healthcare)
      row("OF1005", "RY2", Q4, "3.55"), row("OF1041", "RY2", Q4, "3.83"), row("OF1061", "RY2", Q4, "3.55"),
      row("OF1057", "RY2", Q4, "1.17"), row("OF1080", "RY2", Q4, "4.0"), row("OF1086", "RY2", Q4, "2.76"),
      row("OF1082", "RY2", Q4, "4.0"), row("OF1084", "RY2", Q4, "3.85"), row("OF5004", "RY2", Q4, "1.0"),
    },
    expect = {
      RYY = { overall = { status = "green", reason = "mean of 7 scores: 1.53; 5 without a score left out; by its score, "
        .. "segment 1 of 4 (1 best; the quartiles of the 5 areas' scores, 1.55, 2.12 and 2.21)" },
        ACCESS = { status = "grey", reason = "mean of 1 score: 2.39; 1 without a score left out" },
        OF1041 = { status = "grey", assessment = "missing" } },
      RV3 = { overall = { status = "green", reason = "mean of 11 scores: 1.55;" } },
      RDY = { overall = { status = "amber", reason = "mean of 11 scores: 2.21; 1 without a score left out; by its score, segment 3" },
        -- NHS England publishes 1.43 and 2.44: it averages its unrounded scores
        ACCESS = { status = "grey", reason = "mean of 2 scores: 1.44" },
        SAFETY = { status = "grey", reason = "mean of 2 scores: 2.45" },
        FINANCE = { status = "grey", reason = "mean of 2 scores: 1.92" },
        OF1063 = { status = "grey", assessment = "scored", reason = "scored 4.0 (1 best, 4 worst)" },
        OF5004 = { status = "grey", assessment = "not_flagged" } },
      -- by its score segment 2, put in segment 3 for its deficit, as NHS England does
      RWR = { overall = { status = "amber", reason = "mean of 9 scores: 2.12; 3 without a score left out; by its score, "
        .. "segment 2 of 4 (1 best; the quartiles of the 5 areas' scores, 1.55, 2.12 and 2.21); put in segment 3, as "
        .. "OF5004 is 1.0" },
        OF5004 = { status = "grey", assessment = "flagged", reason = "in financial deficit or receiving deficit support" } },
      -- in deficit too, but segment 4 by its score: the cap only ever lowers a better segment
      RY2 = { overall = { status = "red", reason = "mean of 8 scores: 3.34; 4 without a score left out; by its score, segment 4 of 4 (1 best; the quartiles of the 5 areas' scores, 1.55, 2.12 and 2.21)" } },
    },
  },
  {
    name = "a score off the 1-4 scale is not averaged; a quarter without scores has no segment",
    period = Q4, areas = { "RYY", "RV3" },
    data = {
      row("OF1005", "RYY", Q4, "7"), row("OF1061", "RYY", Q4, "2"),
      row("OF1061", "RV3", "Q3 2025/26", "2"),
    },
    expect = {
      RYY = { OF1005 = { status = "grey", assessment = "unreliable", reason = "a score of 7 is outside the scale 1 (best) to 4 (worst)" },
        overall = { status = "grey", reason = "mean of 1 score: 2.00; 11 without a score left out; no segment: 1 area with a score: too few to cut at quartiles" } },
      -- Q3's score does not stand in for Q4's
      RV3 = { OF1061 = { status = "grey", assessment = "not_available" },
        overall = { status = "grey", reason = "no child has a score (12 children)" } },
    },
  },
}
