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

-- PLANS[metric][plan year][HWB code] = plan value in the metric's unit. ILLUSTRATIVE values.
local PLANS = {
  AA = {},
  FALLS = {},
  DISCH = {},
  RES = {
    ["2022/23"] = { E08000009 = 600.0 },
    ["2023/24"] = { E08000009 = 600.0, E08000002 = 700.0 },
  },
  REAB = {},
}

local MODE = base.assumptions.plan_mode

return r.extend(base, {
  id = "england-bcf-example-local",
  version = base.version .. "-example",
  title = "Better Care Fund metrics 2023-25 with a local plan table (ILLUSTRATIVE plan values)",
  -- Every plan indicator gets its rule with the local plans, in place of the national file's
  -- example table: a metric with no local plan is no_target.
  override = {
    ["BCF-AA-PLAN"] = { rule = r.target { plans = PLANS.AA, mode = MODE } },
    ["BCF-FALLS-PLAN"] = { rule = r.target { plans = PLANS.FALLS, mode = MODE } },
    ["BCF-DISCH-PLAN"] = { rule = r.target { plans = PLANS.DISCH, mode = MODE } },
    ["BCF-RES-PLAN"] = { rule = r.target { plans = PLANS.RES, mode = MODE } },
    ["BCF-REAB-PLAN"] = { rule = r.target { plans = PLANS.REAB, mode = MODE } },
  },
  exports = { local_plans = PLANS },
})
