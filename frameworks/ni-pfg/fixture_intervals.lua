--[[
A test fixture, not a scorecard: the ni-pfg framework with two change intervals replaced, to
pin the two kinds of interval no Healthier Lives or Caring Society indicator uses but other
PfG indicators do (scripts/domains_data.js): a cumulative interval ("0.5c", as "Recycled
waste"; "1c", as "Greenhouse gas emissions") and a zero interval (ci = 0, as "Renewable
electricity"). It also shows how a local variant overrides one named assumption through
r.extend without copying the framework.

Run: scorecard test --cases fixture_intervals_tests.lua fixture_intervals.lua
]]
local r = require "rules"

return r.extend(require "framework", {
  id = "ni-pfg-fixture-intervals",
  version = "1",
  title = "PfG change rule: cumulative and zero change intervals (test fixture)",
  override = {
    -- 0.5 per period after the 2019 base, counted in the series, not in calendar years
    INDADSC = { rule = r.change { base = "2019", interval = "0.5c" } },
    -- any change is decisive; a change of exactly 0 is improving, as on the dashboard
    INDLONE = { rule = r.change { base = "2021/22", interval = 0 } },
  },
})
