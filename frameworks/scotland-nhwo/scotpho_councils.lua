--[[
A small companion to scotland-nhwo for ScotPHO profile extracts (council areas): the same
Fingertips-style benchmark against Scotland, on two integration rows of the ScotPHO profiles,
scored per council. The end-to-end test tests/e2e/test_scotland_real.sh runs it on a real
extract; scotpho_councils_tests.lua beside it pins the edges on synthetic rows.

Source: ScotPHO online profiles tool, https://scotland.shinyapps.io/ScotPHO_profiles_tool/
(import with data/mappings/scotpho.json: the value is in "measure", limits as published). The
series ids are ScotPHO's indicator names, as the mapping stores them.

  - EA65 "Emergency admissions, aged 65+ years": an age-sex standardised rate per 100,000,
    3-year aggregate, published with 95% limits. Judged on those limits. A partnership made of
    two councils (Clackmannanshire and Stirling, S37000005) gets no value: a directly
    standardised rate cannot be combined from the councils' published rates (it needs the
    events and populations by age band), so no `derive` is declared and the partnership comes
    out "missing".
  - CH65 "People aged 65+ with high levels of care needs who are cared for at home": a
    percentage with its numerator, published with 95% limits. Councils are judged on the
    published limits. A partnership is derived from its councils by summing numerators and
    denominators (derive = "sum", as Public Health Scotland combines Clackmannanshire and
    Stirling) and, having no published limits, judged on Wilson limits from the summed counts.
    ScotPHO extracts publish no denominator (and round numerators to multiples of 5), so on
    such an extract alone the partnership is "missing" too.

The comparator is Scotland (S92000003); a ScotPHO council extract has no Scotland row, so
its value must be imported separately. Period: the financial year (a 3-year aggregate ending
in March is judged on the scorecard year it ends in).
]]
local r = require "rules"

local A = {
  comparator = "S92000003",
  level = 0.95,
}

local published = r.benchmark { interval = "published", level = A.level }
local wilson = r.benchmark { interval = "wilson", multiplier = 100, level = A.level }

-- Published limits for a published row; Wilson limits from the summed counts for a row the
-- engine derived from member areas (it has counts but no limits).
local function published_or_wilson()
  return r.custom(function(ctx)
    if ctx.point and ctx.point.derived then
      local res = wilson.assess(ctx)
      res.reason = (res.reason or "") .. " [Wilson limits from the summed counts]"
      return res
    end
    return published.assess(ctx)
  end, { interval = "published; wilson for derived areas", level = A.level })
end

return r.framework {
  id = "scotland-scotpho-councils",
  version = "2026.1",
  title = "ScotPHO council profiles: integration rows benchmarked against Scotland",
  country = "Scotland",
  source = "https://scotland.shinyapps.io/ScotPHO_profiles_tool/",
  scores = "council",
  period = "year",
  comparator = A.comparator,

  outcomes = {
    { id = "O2", title = "People, including those with disabilities or long term conditions, or who are frail, are "
        .. "able to live, as far as reasonably practicable, independently and at home or in a homely setting in "
        .. "their community.", indicators = { "EA65", "CH65" } },
  },

  indicators = {
    { id = "EA65", series = "Emergency admissions, aged 65+ years",
      title = "Emergency admissions, aged 65+ years", unit = "per 100,000 (age-sex standardised)",
      polarity = "lower", definition = "confirmed", rule = published,
      source = "ScotPHO profiles", notes = "Age-sex standardised rate; 3-year aggregates; published 95% limits. "
        .. "Not aggregable from council rates. ScotPHO corrected this indicator on 23 January 2025 (earlier "
        .. "numerators and rates too low): extracts taken before then hold the superseded vintage." },
    { id = "CH65", series = "People aged 65+ with high levels of care needs who are cared for at home",
      title = "People aged 65+ with high levels of care needs who are cared for at home", unit = "%",
      polarity = "higher", definition = "confirmed", rule = published_or_wilson(),
      derive = "sum", multiplier = 100,
      source = "ScotPHO profiles", notes = "Percentage with numerator; published 95% limits. Partnerships of "
        .. "several councils are derived by summing numerators and denominators when both are imported." },
  },

  colours = r.colours.default,
  rollup = r.rollup.worst_of,
}
