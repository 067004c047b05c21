--[[
wales-social-services on the health board footprint: the same outcomes, measures and named
assumptions (framework.lua, ASSUMPTIONS), scoring the seven Local Health Boards (W11) instead
of the Regional Partnership Boards.

Why: the engine's derive = "sum" reads an area's direct members only. A health board's
members are its councils (W06), so council returns roll up to it in one step; an RPB's only
member is its health board, so council returns do not reach the RPB (see framework.lua).
Each RPB is coterminous with exactly one health board (Part 9 of the Social Services and
Well-being (Wales) Act 2014; membership "exact" in the geography), so this scorecard is the
RPB scorecard under the health board's code:

  W11000023 Betsi Cadwaladr      = RPB-W11000023 North Wales
  W11000024 Powys Teaching       = RPB-W11000024 Powys
  W11000025 Hywel Dda            = RPB-W11000025 West Wales
  W11000028 Aneurin Bevan        = RPB-W11000028 Gwent
  W11000029 Cardiff and Vale     = RPB-W11000029 Cardiff and Vale
  W11000030 Cwm Taf Morgannwg    = RPB-W11000030 Cwm Taf Morgannwg
  W11000031 Swansea Bay          = RPB-W11000031 West Glamorgan

Run: scorecard run --framework frameworks/wales-social-services/lhb.lua
Test: scorecard test --cases frameworks/wales-social-services/lhb_tests.lua frameworks/wales-social-services/lhb.lua
]]
local r = require "rules"

return r.extend(require "frameworks.wales-social-services", {
  id = "wales-social-services-lhb",
  version = "2026.2", -- follows wales-social-services 2026.2 (Pathway of Care Delays)
  title = "National outcomes framework for people who need care and support and carers who need support "
    .. "(health board footprint = RPB footprint)",
  scores = "lhb",
})
