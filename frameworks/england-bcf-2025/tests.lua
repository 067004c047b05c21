--[[
Cases for england-bcf-2025: synthetic observations against the framework's EXAMPLE goals
(illustrative, no area's real goals), pinning how each metric is judged for a quarter. No
2025-26 BCF return with published figures was at hand to reproduce: the real-data case of the
BCF is england-bcf's Herefordshire 2022/23.

Byar's 95% interval: 2,900 admissions / 50,000 aged 65+ = 5,800 per 100,000: 5,590.81-6,015.02;
70 / 50,000 = 140 per 100,000: 109.1-176.9.
]]
local TRAFFORD, BURY = "E08000009", "E08000002"
local ENGLAND = "E92000001"
local row = require("rules").row

return {
  {
    name = "a quarter: goals set by quarter and by month; no goal is data not available",
    period = "2025/26 Q1", areas = { TRAFFORD, BURY },
    data = {
      row("BCF-EA65", ENGLAND, "2025/26 Q1", "6500"),
      row("BCF-EA65", TRAFFORD, "2025/26 Q1", "5800", { numerator = 2900, denominator = 50000 }),
      row("BCF-EA65", BURY, "June 2025", "500"),
      row("BCF-DD", ENGLAND, "June 2025", "0.95"),
      row("BCF-DD", TRAFFORD, "June 2025", "0.85"),
      row("BCF-DD", BURY, "June 2025", "1.1"),
      row("2A2", ENGLAND, "2025/26 Q1", "120"),
      row("2A2", TRAFFORD, "2025/26 Q1", "140", { numerator = 70, denominator = 50000 }),
    },
    expect = {
      [TRAFFORD] = {
        ["BCF25-EA65-PLAN"] = { status = "green", assessment = "met", reason = "5800 meets the target 6000" },
        ["BCF25-EA65-ENG"] = { status = "green", assessment = "better", reason = "5800, interval 5591-6015, is better than England (6500)" },
        ["BCF25-DD-PLAN"] = { status = "green", assessment = "met", reason = "0.85 meets the target 0.9" },
        -- days per discharge have no interval: the values are stated, not judged
        ["BCF25-DD-ENG"] = { status = "grey", assessment = "not_compared", reason = "0.85 is below England" },
        ["BCF25-LTA65-PLAN"] = { status = "red", assessment = "not_met", reason = "140 misses the target 130 by 10" },
        -- 109.1-176.9 holds England's 120
        ["BCF25-LTA65-ENG"] = { status = "amber", assessment = "similar" },
        PLAN = { status = "grey", reason = "2 green, 0 amber, 1 red, 0 without a colour" },
      },
      [BURY] = {
        ["BCF25-EA65-PLAN"] = { status = "green", assessment = "met", reason = "500 meets the target 520" },
        ["BCF25-DD-PLAN"] = { status = "grey", assessment = "no_target" },
        ["BCF25-LTA65-PLAN"] = { status = "grey", assessment = "missing" },
      },
    },
  },
}
