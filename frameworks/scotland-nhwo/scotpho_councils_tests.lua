--[[
Cases for scotpho_councils.lua (synthetic rows; run with
`scorecard test --cases scotpho_councils_tests.lua scotpho_councils.lua`). The real ScotPHO
extract is pinned by tests/e2e/test_scotland_real.sh.
]]
local CLACKS, STIRLING, EAYR, CS = "S12000005", "S12000030", "S12000008", "S37000005"
local S = "S92000003"
local EA = "Emergency admissions, aged 65+ years"
local CH = "People aged 65+ with high levels of care needs who are cared for at home"
local P3 = "2020/21 to 2022/23 financial years; 3-year aggregates"
local P1 = "2022/23 financial year"

local row = require("rules").row -- one observation: indicator, area, period, value, {other fields}

return {
  {
    name = "councils on published limits: better, similar (bound included), worse",
    period = "2022/23", areas = { CLACKS, STIRLING, EAYR },
    data = {
      row(EA, S, P3, 8000),
      row(EA, CLACKS, P3, 7000, { lower_ci = 6500, upper_ci = 7500 }),
      row(EA, STIRLING, P3, 8500, { lower_ci = 8000, upper_ci = 9000 }),
      row(EA, EAYR, P3, 8600, { lower_ci = 8100, upper_ci = 9100 }),
      row(CH, S, P1, 40),
      row(CH, CLACKS, P1, 50, { numerator = 250, lower_ci = 45, upper_ci = 55 }),
    },
    expect = {
      [CLACKS] = { EA65 = { status = "green", assessment = "better" }, CH65 = "green", O2 = "green" },
      [STIRLING] = { EA65 = { status = "amber", assessment = "similar", reason = "8000-9000" },
                     CH65 = { status = "grey", assessment = "missing" }, O2 = "amber" },
      [EAYR] = { EA65 = { status = "red", assessment = "worse" }, overall = "red" },
    },
  },
  {
    name = "the partnership of two councils: the rate is not aggregable (missing); the percentage is derived and judged on Wilson limits",
    period = "2022/23", areas = { CS },
    data = {
      row(EA, S, P3, 8000),
      row(EA, CLACKS, P3, 7000, { lower_ci = 6500, upper_ci = 7500 }),
      row(EA, STIRLING, P3, 8500, { lower_ci = 8000, upper_ci = 9000 }),
      row(CH, S, P1, 40),
      row(CH, CLACKS, P1, 50, { numerator = 250, denominator = 500, lower_ci = 45.6, upper_ci = 54.4 }),
      row(CH, STIRLING, P1, 40, { numerator = 200, denominator = 500, lower_ci = 35.8, upper_ci = 44.4 }),
    },
    expect = { [CS] = {
      EA65 = { status = "grey", assessment = "missing" },
      -- 450 / 1000 = 45%, Wilson 41.9-48.1, wholly above 40
      CH65 = { status = "green", assessment = "better", reason = "derived from S12000005,S12000030" },
    } },
  },
  {
    name = "a derived partnership needs every member's numerator and denominator",
    period = "2022/23", areas = { CS },
    data = {
      row(CH, S, P1, 40),
      row(CH, CLACKS, P1, 50, { numerator = 250, lower_ci = 45.6, upper_ci = 54.4 }),
      row(CH, STIRLING, P1, 40, { numerator = 200, denominator = 500 }),
    },
    expect = { [CS] = { CH65 = { status = "grey", assessment = "missing" } } },
  },
}
