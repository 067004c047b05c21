--[[
How a partnership fills in its own BCF plans: a local variant of england-bcf with its plan
table. Plans are local (each HWB agrees its own with its ICB), so the national framework ships
only an example table; a partnership writes a file like this one in its own framework folder,
frameworks/ID/framework.lua, starting with

  local bcf = require "frameworks.england-bcf"

(here, beside the framework, `require "framework"` loads the same file), and runs it with
  scorecard run --framework frameworks/ID/framework.lua

THE PLAN VALUES BELOW ARE ILLUSTRATIVE, NOT ANY AREA'S REAL PLAN. They state a plan for
Trafford (E08000009) and Bury (E08000002) so that the end-to-end test
(tests/e2e/test_england_real.sh) can judge the real ASCOF residential-admissions figures
against a stated plan. Replace them with the plan values agreed in the area's BCF planning
template.

Cases: scorecard test --cases example_local_plan_tests.lua example_local_plan.lua
]]
local r = require "rules"
local base = require "framework"

-- PLANS[metric key][plan year][HWB code] = plan value in the metric's unit; metric keys:
-- AA, FALLS, DISCH, RES, REAB (see METRICS in framework.lua). ILLUSTRATIVE values.
local PLANS = {
  RES = {
    ["2022/23"] = { E08000009 = 600.0 },
    ["2023/24"] = { E08000009 = 600.0, E08000002 = 700.0 },
  },
}

return r.extend(base, {
  id = "england-bcf-example-local",
  version = base.version .. "-example",
  title = "Better Care Fund metrics 2023-25 with a local plan table (ILLUSTRATIVE plan values)",
  override = base.exports.plan_overrides(PLANS),
  exports = { local_plans = PLANS },
})
