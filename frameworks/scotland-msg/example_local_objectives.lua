--[[
How a partnership puts its own MSG objectives into the scorecard: a local variant of
scotland-msg. Each partnership agreed its own objectives for the MSG indicators (the
Ministerial Strategic Group's improvement objectives, September 2019: "each partnership
to set out its objectives" against the 2017/18 baseline); they are local, so the national
framework judges direction of travel only, and a partnership writes a file like this one in
its own framework folder, starting with

  local msg = require "frameworks.scotland-msg"

(here, beside the framework, `require "framework"` loads the same file), and runs it with
  scorecard run --framework frameworks/ID/framework.lua

THE OBJECTIVES BELOW ARE ILLUSTRATIVE, NOT ANY PARTNERSHIP'S REAL OBJECTIVES. An objective is
the change from 2017/18 the partnership aims for, like for like as the national rule
compares (a year with 2017/18, a quarter with the same quarter of 2017/18): a percentage for
the counts (MSG-1 to MSG-4; -5 is a 5% cut), percentage points for the percentages (MSG-5,
MSG-6). A partnership with an objective is judged met / not met; one without keeps the
national direction of travel.

Cases: scorecard test --cases example_local_objectives_tests.lua example_local_objectives.lua
]]
local r = require "rules"
local base = require "framework"

-- OBJECTIVES[indicator][partnership] = the change from 2017/18 aimed for. ILLUSTRATIVE.
local OBJECTIVES = {
  ["MSG-1"] = { S37000012 = -5, S37000034 = -2 },   -- emergency admissions: % change
  ["MSG-5"] = { S37000012 = 1 },                      -- end of life at home: points
}

local objective = base.exports.objective_rule

return r.extend(base, {
  id = "scotland-msg-example-local",
  version = base.version .. "-example",
  title = "MSG indicators with a partnership's own objectives (ILLUSTRATIVE objectives)",
  override = {
    ["MSG-1"] = { rule = objective(true, OBJECTIVES["MSG-1"]) },
    ["MSG-5"] = { rule = objective(false, OBJECTIVES["MSG-5"]) },
  },
  exports = { local_objectives = OBJECTIVES },
})
