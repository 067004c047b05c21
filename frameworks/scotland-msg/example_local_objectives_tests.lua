--[[
Cases for example_local_objectives.lua: a partnership with an objective is judged against it,
one without keeps the national direction of travel. Objectives are illustrative (see the file).
Edinburgh's 2017/18 and 2023 emergency admissions (35,597 and 34,491: -3.107%) are the figures
its Annual Performance Report 2023/24 prints, as in this framework's own tests.
]]
local E, G, W = "S37000012", "S37000034", "S37000031"
local row = require("rules").row

return {
  {
    name = "Edinburgh's -3.1% misses its -5% objective; Glasgow's -2.5% meets its -2%; the Western Isles keep direction of travel",
    period = "2023/24 Q4", areas = { E, G, W },
    data = {
      row("MSG-1", E, "2017/18", 35597), row("MSG-1", E, "2023", 34491),
      row("MSG-1", G, "2017/18", 80000), row("MSG-1", G, "2023", 78000),
      row("MSG-1", W, "2017/18", 12000), row("MSG-1", W, "2023", 11500),
      row("MSG-5", E, "2017/18", 88.0), row("MSG-5", E, "2023", 89.5),
    },
    expect = {
      [E] = {
        ["MSG-1"] = { status = "red", assessment = "not_met",
                      reason = "2023 against 2017/18: a change of -3.107%, the partnership's objective -5% (not met)" },
        ["MSG-5"] = { status = "green", assessment = "met", reason = "a change of 1.5 points, the partnership's objective 1 points (met)" },
      },
      [G] = { ["MSG-1"] = { status = "green", assessment = "met", reason = "a change of -2.5%, the partnership's objective -2% (met)" } },
      [W] = { ["MSG-1"] = { status = "green", assessment = "improving" } },
    },
  },
}
