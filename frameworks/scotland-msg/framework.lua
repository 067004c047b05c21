--[[
Scotland: the Ministerial Strategic Group (MSG) for Health and Community Care indicators,
judged by direction of travel against each partnership's own 2017/18 baseline, and the earlier
HEAT target for emergency bed days of people aged 75+ as a dated-target example.

Sources
  - The indicators and the 2017/18 baseline: MSG improvement objectives, September 2019
    (https://docslib.org/doc/1105493/ministerial-strategic-group-improvement-objectives-september-2019);
    how a partnership reports them, with its baseline and latest figures: Edinburgh Health and
    Social Care Partnership, Annual Performance Report 2023/24,
    https://www.edinburghhsc.scot/the-ijb/annual-performance-report-2023-2024/ministerial-strategic-group-indicators/
  - How the figures are produced: Public Health Scotland,
    https://github.com/Public-Health-Scotland/msg-indicators (Code/).
  - HEAT: a 2013 King's Fund report on health and social care integration, which quotes the
    Scottish HEAT target set from April 2012: cut emergency
    inpatient bed day rates for people aged 75+ by at least 12% nationally between 2009/10 and
    2014/15 (by 2011/12 the cut was 7.6% in acute specialties). The base rate is not given.

The rule (r.change, mode "direction"): change = latest - baseline, as a percentage of the
baseline for the counts (MSG 1 to 4) and in percentage points for the two percentages (MSG 5
and 6). Improving when the change goes the way of improvement by more than the tolerance
(strictly), worsening when it goes the other way by more than the tolerance, otherwise no
change. No official tolerance is published: it is a named assumption below (default 0).
A series break between the baseline and the latest period gives "not_comparable".

Like for like. MSG values are counts, so a quarter's admissions cannot be compared with the
2017/18 year's. Partnerships report quarterly; this framework is quarterly (period "quarter":
each indicator is judged on its latest observation ending by the quarter's end) and compares:
  - a year (a financial year such as 2023/24, or a calendar year such as 2023, as partnerships
    report the latest MSG figures) with the 2017/18 year;
  - a quarter or a month with the same quarter or month of 2017/18 (so seasons cancel);
  - anything else (a pooled period, a 12-month period that is neither) is not_comparable.
The baseline is found by its dates, so "2017/18" and "Financial year (2017/18)" both serve.
MSG values are counts, the core suite's are rates: never compare the two.

HEAT (indicator HEAT-75), encoded as a dated target on an index: each area's rate is
expressed as a percentage of its own 2009/10 rate (index = 100 x rate / rate in 2009/10),
and r.target judges the index against dated entries: 88 for 2014/15 (a cut of 12%), the only
published figure, preceded by the linear path from the baseline (97.6, 95.2, 92.8, 90.4 for
2010/11 to 2013/14; the path is this framework's assumption, the usual default for a
trajectory without a stated path). The target applies to the year the value describes (the
entry in force at the start of that year, not of the scorecard's quarter); before 2010/11 it
is not_applicable, after 2014/15 no_target (the target ended); a quarter's or month's rate is
not compared with the base year (not_comparable). The base rate is read from the
data, because the source gives none: the definition is "unconfirmed" (which bed days -
acute only or all specialties - and which population denominator are not stated). HEAT was a
national (and NHS board) target; partnerships did not exist before 2016, so scoring it per
partnership is an illustration; score Scotland with --area S92000003.

Unconfirmed: that MSG-6 (balance of care) is published as percentages of the population (its
settings and age groups are PHS's code's, see the indicator); MSG-2b carries an SMR
completeness caveat in Edinburgh's report; the HEAT base rate and definition; that the HEAT
path between 2009/10 and 2014/15 was linear.
]]
local r = require "rules"

------------------------------------------------------------------------------------------
-- Named assumptions: everything a designer might change, in one place.
local A = {
  -- the baseline year and its first day (quarters and months are matched inside it)
  base = "2017/18",
  base_start = "2017-04-01",
  -- direction-of-travel tolerance: counts in % of the baseline, percentages in points;
  -- no official tolerance is published
  tolerance_counts = 0,
  tolerance_points = 0,
  -- roll-ups: MSG reports direction of travel per indicator and no RAG roll-up
  outcome_rollup = r.rollup.count_summary,
  area_rollup = r.rollup.count_summary,
  -- HEAT: baseline period and the dated target on the index (2009/10 = 100), lower is better
  heat = {
    base_period = "2009/10",
    mode = "value",
    values = {
      { from = "2010-04-01", value = 97.6, source = "linear path to 88 by 2014/15 (assumption)" },
      { from = "2011-04-01", value = 95.2, source = "linear path to 88 by 2014/15 (assumption)" },
      { from = "2012-04-01", value = 92.8, source = "linear path to 88 by 2014/15 (assumption); target set from April 2012" },
      { from = "2013-04-01", value = 90.4, source = "linear path to 88 by 2014/15 (assumption)" },
      { from = "2014-04-01", value = 88, ["end"] = "2015-03-31",
        source = "HEAT: cut by at least 12% between 2009/10 and 2014/15 (King's Fund 2013)" },
    },
  },
}

------------------------------------------------------------------------------------------
-- Dates: day numbers from ISO dates (the sandbox has no os.time).
local function day_number(iso)
  local y, m, d = iso:match("^(%d%d%d%d)-(%d%d)-(%d%d)$")
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m <= 2 then y, m = y - 1, m + 12 end
  return 365 * y + y // 4 - y // 100 + y // 400 + (153 * (m - 3) + 2) // 5 + d
end

-- "year", "quarter", "month" or nil, from a point's first and last day
local function length_class(p)
  local days = day_number(p["end"]) - day_number(p.start) + 1
  if days == 365 or days == 366 then return "year" end
  if days >= 89 and days <= 92 then return "quarter" end
  if days >= 28 and days <= 31 then return "month" end
  return nil
end

-- The first day of the base-year period matching a point that starts on `start`: the base
-- year's first day for a year, the same month of the base (financial) year otherwise.
local BASE_FY = tonumber(A.base_start:sub(1, 4))
local BASE_MONTH = tonumber(A.base_start:sub(6, 7))
local function base_start_for(p, class)
  if class == "year" then return A.base_start end
  local m = tonumber(p.start:sub(6, 7))
  return string.format("%04d-%s", m >= BASE_MONTH and BASE_FY or BASE_FY + 1, p.start:sub(6))
end

-- MSG direction of travel, like for like. `relative`: percentage change (counts) or
-- percentage points (percentages). `objectives` (a partnership's own MSG objectives, see
-- example_local_objectives.lua): { [area] = the change it aims for, e.g. -5 for a 5% cut };
-- an area with one is judged met / not_met against it, the others by direction of travel.
local function msg_change(relative, objectives)
  local tolerance = relative and A.tolerance_counts or A.tolerance_points
  local by_base = {}
  local function change_from(label)
    by_base[label] = by_base[label]
      or r.change { base = label, mode = "direction", relative = relative, interval = tolerance }
    return by_base[label]
  end
  return r.custom(function(ctx)
    local p = ctx.point
    if not p or p.value == nil then return { status = "missing", reason = "no latest value" } end
    local class = length_class(p)
    if not class then
      return { status = "not_comparable", reason = p.period .. " is not a year, a quarter or a month: "
        .. "nothing in " .. A.base .. " to compare it with" }
    end
    local want = base_start_for(p, class)
    local base
    for i = 1, ctx.series:len() do
      local q = ctx.series:point(i)
      if q.start == want and length_class(q) == class then base = q end
    end
    if not base then
      return { status = "insufficient_data", reason = "no " .. class .. " starting " .. want
        .. " (the baseline " .. A.base .. ") to compare " .. p.period .. " with" }
    end
    local res = change_from(base.period).assess(ctx)
    if res.details then res.details.like_for_like = class end
    local aim = objectives and objectives[ctx.area]
    if aim and res.details and res.details.change and (ctx.polarity == "lower" or ctx.polarity == "higher") then
      local change, unit = res.details.change, relative and "%" or " points"
      local met = ctx.polarity == "lower" and change <= aim or ctx.polarity == "higher" and change >= aim
      res.assessment = met and "met" or "not_met"
      res.reason = string.format("%s against %s: a change of %s%s, the partnership's objective %s%s (%s)",
        p.period, base.period, r.fmt(change), unit, r.fmt(aim), unit, met and "met" or "not met")
      res.details.objective = aim
    end
    return res
  end, { base = A.base, mode = "direction", relative = relative, interval = tolerance, objectives = objectives,
         like_for_like = "year with 2017/18; quarter or month with the same one of 2017/18" })
end

-- HEAT: the rate as an index of the area's own base-year rate, judged by a dated target.
local function heat_rule()
  local H = A.heat
  local target = r.target { values = H.values, mode = H.mode }
  return r.custom(function(ctx)
    local p = ctx.point
    if not p or p.value == nil then return { status = "missing", reason = "no value" } end
    local base = ctx.series:at(H.base_period)
    if not base or base.value == nil or base.value == 0 then
      return { status = "insufficient_data", reason = "no " .. H.base_period .. " base rate for this area" }
    end
    if length_class(p) ~= length_class(base) then
      return { status = "not_comparable", reason = p.period .. " and the base " .. H.base_period
        .. " are periods of different lengths: the target compares years" }
    end
    if ctx.series:breaks_between(H.base_period, p.period) then
      return { status = "not_comparable", reason = "a series break lies between " .. H.base_period .. " and " .. p.period }
    end
    local index = 100 * p.value / base.value
    local point = {}
    for k, v in pairs(p) do point[k] = v end
    point.value, point.value_text = index, nil
    -- the target in force for the year the value describes
    local view = setmetatable({ point = point, period_start = p.start, period_end = p["end"] }, { __index = ctx })
    local res = target.assess(view)
    local lead = string.format("%s in %s is %s%% of %s in %s", r.fmt(p.value), p.period,
      r.fmt(math.floor(index * 10 + 0.5) / 10), r.fmt(base.value), H.base_period)
    res.reason = lead .. ": " .. (res.reason or "")
    res.details = res.details or {}
    res.details.base_period, res.details.base_value, res.details.index = H.base_period, base.value, index
    return res
  end, { base_period = H.base_period, mode = H.mode, values = H.values })
end

local EDINBURGH = "https://www.edinburghhsc.scot/the-ijb/annual-performance-report-2023-2024/ministerial-strategic-group-indicators/"
local PHS = "Public Health Scotland MSG indicators (https://github.com/Public-Health-Scotland/msg-indicators); "
  .. "baseline and reporting as in " .. EDINBURGH
local COUNT = "A count for the partnership's residents (never a rate): compared with the same-length "
  .. "period of 2017/18 as a percentage change."
local PCT = "A percentage: compared with 2017/18 in percentage points."

return r.framework {
  id = "scotland-msg",
  version = "2026.2", -- .2: MSG-6 described as PHS's code computes it
  title = "Ministerial Strategic Group indicators: direction of travel from 2017/18",
  country = "Scotland",
  source = "https://docslib.org/doc/1105493/ministerial-strategic-group-improvement-objectives-september-2019; "
    .. EDINBURGH,
  scores = "hscp",
  period = "quarter",

  outcomes = {
    { id = "MSG", title = "Ministerial Strategic Group indicators: change against the 2017/18 baseline",
      indicators = { "MSG-1", "MSG-2a", "MSG-2b", "MSG-2c", "MSG-3", "MSG-4", "MSG-5", "MSG-6" },
      rollup = A.outcome_rollup },
    { id = "HEAT", title = "Historic HEAT target: emergency bed day rate, people aged 75+ (2009/10 to 2014/15)",
      indicators = { "HEAT-75" }, rollup = A.outcome_rollup },
  },

  indicators = {
    { id = "MSG-1", title = "Emergency (unplanned) admissions", unit = "admissions",
      polarity = "lower", definition = "confirmed", rule = msg_change(true), source = PHS,
      notes = COUNT .. " SMR01 stays with admission type 20-22 or 30-39, counted by discharge date; "
        .. "published for ages <18, 18-64, 65+, 18+ and all: the rule judges the all-ages series (rows "
        .. "without a breakdown); age groups imported as breakdowns are stored but not judged." },
    { id = "MSG-2a", title = "Unscheduled hospital bed days: acute", unit = "bed days",
      polarity = "lower", definition = "confirmed", rule = msg_change(true), source = PHS,
      notes = COUNT },
    { id = "MSG-2b", title = "Unscheduled hospital bed days: geriatric long stay", unit = "bed days",
      polarity = "lower", definition = "confirmed", rule = msg_change(true), source = PHS,
      notes = COUNT .. " SMR completeness caveats apply to recent periods (Edinburgh APR 2023/24)." },
    { id = "MSG-2c", title = "Unscheduled hospital bed days: mental health", unit = "bed days",
      polarity = "lower", definition = "confirmed", rule = msg_change(true), source = PHS,
      notes = COUNT .. " Recent figures are often provisional." },
    { id = "MSG-3", title = "A&E attendances", unit = "attendances",
      polarity = "lower", definition = "confirmed", rule = msg_change(true), source = PHS,
      notes = COUNT .. " From the A&E datamart." },
    { id = "MSG-4", title = "Delayed discharge bed days", unit = "bed days",
      polarity = "lower", definition = "confirmed", rule = msg_change(true), source = PHS,
      notes = COUNT .. " 'Standard' delays: health and social care reasons plus patient, carer or family reasons." },
    { id = "MSG-5", title = "Percentage of the last six months of life spent in a community setting", unit = "%",
      polarity = "higher", definition = "confirmed", rule = msg_change(false), source = PHS,
      notes = PCT .. " End of life method. Recent figures are often provisional." },
    { id = "MSG-6", title = "Balance of care: percentage of the population aged 65+ living at home (supported or unsupported)",
      unit = "%", polarity = "higher", definition = "unconfirmed", rule = msg_change(false), source = PHS,
      notes = PCT .. " PHS counts, for each council area and age group (all ages, whose care home "
        .. "figure is the census's 18+; 65+; 75+), the person-years spent in six settings: acute "
        .. "hospital, community hospital and hospice (inpatient bed days / 365, Source Linkage Files), "
        .. "care home (the Care Home Census), at home with support (the home care census week client "
        .. "count) and at home without support (the population less all the others). This indicator is "
        .. "the two at-home settings together, aged 65+, as a percentage of the population aged 65+ "
        .. "(NRS estimates; the latest year reuses the year before's). Baselines get revised.",
      design_notes = "Settings, ages and the formula home_unsupported = population - acute - community "
        .. "hospital - hospice - care home - home supported are from PHS's code (msg-indicators, "
        .. "Code/6 - BoC - SMR Activity.R, commit 1490c5d, March 2024 run); that PHS publishes them as "
        .. "percentages of the population is inferred (the code gives person-years and the population), "
        .. "not read. The all-ages and 75+ groups and the single settings are not judged: import them as "
        .. "breakdowns (age, setting) to keep them. Edinburgh's 95.6% baseline was revised to 95.5% on "
        .. "the same page that still prints 95.6%: record which baseline vintage was imported." },
    { id = "HEAT-75", title = "Emergency inpatient bed day rate, people aged 75+ (as % of the 2009/10 rate)",
      unit = "bed days per 1,000 population aged 75+", polarity = "lower", definition = "unconfirmed",
      rule = heat_rule(),
      source = "HEAT target as quoted in a 2013 King's Fund report on health and social care integration",
      notes = "The rate as a percentage of the area's own 2009/10 rate. Target: at least a 12% cut by "
        .. "2014/15 (index 88); the milestones before are a linear path.",
      design_notes = "Import the rate (not the index): the rule divides by the area's own 2009/10 rate. The "
        .. "linear milestones are this framework's assumption. The base rate, the specialties counted and "
        .. "the unit are unconfirmed." },
  },

  colours = r.colours.default,
  rollup = A.area_rollup,
  assumptions = A,
  -- For a partnership's own objectives (example_local_objectives.lua): the MSG rule with them.
  exports = { objective_rule = msg_change },
}
