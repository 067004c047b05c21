--[[
Cases for example_local_plan.lua: the local plan table replaces the example one (the
Herefordshire 2022/23 discharge plan is not in it), and the England view is unchanged.
Plan values are illustrative (see the file).
]]
local TRAFFORD, BURY, HEREFORDSHIRE = "E08000009", "E08000002", "E06000019"
local RES = "Permanent admissions to residential and nursing care homes aged 65+"
local DISCH = "Discharge to usual place of residence"

return {
  {
    name = "Trafford 2023/24: 779.6 against a stated plan of 600 is not met; Bury 662.2 against 700 is met",
    period = "2023/24", areas = { TRAFFORD, BURY },
    data = {
      { indicator = RES, area = TRAFFORD, period = "2023/24", value = "779.6" },
      { indicator = RES, area = BURY, period = "2023/24", value = "662.2" },
    },
    expect = {
      [TRAFFORD] = { ["BCF-RES-PLAN"] = { status = "red", assessment = "not_met",
                                          reason = "2023/24 plan: 779.6 misses the target 600 by 179.6" } },
      [BURY] = { ["BCF-RES-PLAN"] = { status = "green", assessment = "met", reason = "662.2 meets the target 700" } },
    },
  },
  {
    name = "Trafford 2022/23: 545 against 600 is met; Bury has no 2022/23 plan",
    period = "2022/23", areas = { TRAFFORD, BURY },
    data = {
      { indicator = RES, area = TRAFFORD, period = "2022/23", value = "545" },
      { indicator = RES, area = BURY, period = "2022/23", value = "611.7" },
    },
    expect = {
      [TRAFFORD] = { ["BCF-RES-PLAN"] = { status = "green", assessment = "met" } },
      [BURY] = { ["BCF-RES-PLAN"] = { status = "grey", assessment = "no_target", reason = "no 2022/23 plan value for E08000002" } },
    },
  },
  {
    name = "the local table replaces the example one: Herefordshire's 2022/23 discharge plan is not in it",
    period = "2022/23", areas = { HEREFORDSHIRE },
    data = { { indicator = DISCH, area = HEREFORDSHIRE, period = "2022/23", value = "90.0" } },
    expect = { [HEREFORDSHIRE] = {
      ["BCF-DISCH-PLAN"] = { status = "grey", assessment = "no_target", reason = "no 2022/23 plan for this indicator" },
    } },
  },
}
