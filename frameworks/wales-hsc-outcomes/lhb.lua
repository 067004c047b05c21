--[[
wales-hsc-outcomes on the health board footprint: the same outcomes, measures and named
assumptions (framework.lua), scoring the seven Local Health Boards (W11) instead of the
Regional Partnership Boards, so that council returns roll up in one step (the engine's derive
reads direct members only; an RPB's only member is its health board). Each RPB is
coterminous with exactly one health board, so this is the RPB scorecard under the health
board's code (the table is in frameworks/wales-social-services/lhb.lua).

Test: scorecard test --cases frameworks/wales-hsc-outcomes/lhb_tests.lua frameworks/wales-hsc-outcomes/lhb.lua
]]
local r = require "rules"

return r.extend(require "frameworks.wales-hsc-outcomes", {
  id = "wales-hsc-outcomes-lhb",
  version = "2026.1",
  title = "Health and Social Care Outcomes Framework (quadruple aim) (health board footprint = RPB footprint)",
  scores = "lhb",
})
