--[[
rules.lua - the rule library frameworks are written with (`local r = require "rules"`).

A framework file declares data: identity, outcomes, indicators, and for each indicator
a rule built here. A rule is a table {kind = "rule", method, params, assess, check?,
prepare?}; the host records where in the framework file each rule was built (scorecard.mark),
and the engine calls
  rule.prepare(peers)   once per indicator and period, when the rule needs every area
                        (quintiles); peers is an array of {area, value, ...} points;
  rule.assess(ctx)      once per indicator and area, returning
                        {assessment = "met"|"near"|..., reason = "...", comparator = n,
                         comparator_kind = "area"|"target"|"baseline"|"value",
                         score = n, details = {...}} or {status = "insufficient_data"|..., reason};
                        a `score` is what a mean_score roll-up averages.
Rules never compute statistics themselves: they call the `stats` library (C). They never
decide colours either: the framework's colour map does (see r.colours.default).
]]

local R = { version = "1" }

-- Records where a table was built (the framework's file and line, never this library's), in a
-- table only the host can read: explain and check name it, and no script can change it.
local mark = scorecard.mark

-- A mistake in a framework is noted where it is (scorecard.problem: the framework's file
-- and line) and loading goes on, so `scorecard check` lists every mistake in one pass
-- instead of stopping at the first. A framework with any noted problem does not load.
local problem, nearest = scorecard.problem, scorecard.nearest

-- " (did you mean `PREFIXname`?)" when one of names is a slip away from word, else "".
local function hint(word, names, prefix)
  local near = type(word) == "string" and nearest(word, names)
  return near and (" (did you mean `" .. (prefix or "") .. near .. "`?)") or ""
end

-- Notes each key of p that is not one of the parameters the rule declares: a misspelt
-- parameter (levl = 0.95) would otherwise be ignored and its default silently used.
local function allow(p, what, names)
  for k in pairs(p) do
    local known = false
    for _, name in ipairs(names) do
      if k == name then known = true break end
    end
    if not known then
      if type(k) == "string" then
        problem(what .. ": unknown parameter \"" .. k .. "\"" .. hint(k, names))
      else
        problem(what .. ": a parameter key must be a name, not a " .. type(k))
      end
    end
  end
end

-- What a misspelt or broken rule or roll-up stands in for while loading goes on; the
-- problem is noted already, so these are never evaluated. Calling one gives itself back,
-- so r.treshold{...} and r.rollup.majorty{...} are noted once, not twice.
local BROKEN_RULE = setmetatable({ kind = "rule", method = "invalid", params = {},
  assess = function() return { status = "not_applicable", reason = "the rule did not load" } end },
  { __call = function(self) return self end })
local BROKEN_ROLLUP = setmetatable({ kind = "rollup", method = "worst_of" },
  { __call = function(self) return self end })

local function fail(msg, level)
  error(msg, (level or 1) + 1)
end

local function check_number(v, name, level)
  if type(v) ~= "number" then fail(name .. " must be a number, got " .. type(v), (level or 1) + 1) end
  return v
end

-- Polarity words accepted in framework files, to the three the engine uses: the engine's
-- own list (scorecard.polarity), so the library and the loader never disagree.
local polarity_of = scorecard.polarity

local function fmt(v)
  if v == nil then return "no value" end
  if math.type(v) == "integer" then return tostring(v) end
  return (string.format("%.6g", v)) -- six significant digits: enough to read, not to overwhelm
end
R.fmt = fmt

-- How a rule writes the indicator's own figures (its value, interval, comparator, target,
-- threshold): with ctx.decimals, the places every page shows them with (the indicator's
-- declared `decimals`, else the most any of its values has as published), so a reason reads
-- as the page beside it ("76.0%, interval 74.1-77.7", not "76%, interval 74.0813-77.7237").
-- Statistics of the method (z, a change, a tolerance, a denominator) keep fmt.
local function figures(ctx)
  local d = math.tointeger(ctx.decimals)
  if not d or d < 0 or d > 6 then return fmt end
  local spec = "%." .. d .. "f"
  return function(v)
    if v == nil then return "no value" end
    if not (math.abs(v) < 1e15) then return fmt(v) end
    local text = string.format(spec, v)
    return text:match("^%-[0.]+$") and text:sub(2) or text -- -0.04 to one place is 0.0, not -0.0
  end
end

local function rule(method, params, assess, extra)
  local r = mark { kind = "rule", method = method, params = params, assess = assess }
  for k, v in pairs(extra or {}) do r[k] = v end
  return r
end

-- Is a at least as good as b, for this polarity?
local function as_good(a, b, polarity)
  if polarity == "higher" then return a >= b end
  return a <= b
end

local function need_value(ctx)
  local p = ctx.point
  if not p or p.value == nil then
    return nil, { status = "missing", reason = "no value for " .. (ctx.period or "the period") }
  end
  return p.value
end

local function need_polarity(ctx, method)
  if ctx.polarity ~= "higher" and ctx.polarity ~= "lower" then
    return { status = "not_applicable", reason = method .. " needs a polarity; this indicator has none" }
  end
end

------------------------------------------------------------------------------------------
-- (a) fixed thresholds: green and (optional) amber cut points, methods.md section 1

function R.threshold(p)
  if type(p) ~= "table" then fail("r.threshold takes a table {green = ..., amber = ...}", 2) end
  allow(p, "r.threshold", { "green", "amber", "boundary" })
  check_number(p.green, "threshold green", 2)
  if p.amber ~= nil then check_number(p.amber, "threshold amber", 2) end
  local boundary = p.boundary or "better"
  if boundary ~= "better" and boundary ~= "worse" then fail("threshold boundary must be \"better\" or \"worse\"", 2) end
  local params = { green = p.green, amber = p.amber, boundary = boundary }
  return rule("threshold", params, function(ctx)
    local bad = need_polarity(ctx, "a threshold")
    if bad then return bad end
    local v, missing = need_value(ctx)
    if not v then return missing end
    local pol = ctx.polarity
    local fig = figures(ctx) -- the value as the page shows it; the thresholds as the designer wrote them
    local word = pol == "higher" and "at or above" or "at or below"
    local function reaches(cut)
      if v == cut then return boundary == "better" end
      return as_good(v, cut, pol)
    end
    if reaches(p.green) then
      return { assessment = "met", reason = fig(v) .. " is " .. word .. " the green threshold " .. fmt(p.green) }
    end
    if p.amber ~= nil and reaches(p.amber) then
      return { assessment = "near", reason = fig(v) .. " misses the green threshold " .. fmt(p.green)
        .. " but is " .. word .. " the amber threshold " .. fmt(p.amber) }
    end
    local cut = p.amber ~= nil and p.amber or p.green
    return { assessment = "not_met", reason = fig(v) .. " misses the " .. (p.amber and "amber" or "green")
      .. " threshold " .. fmt(cut) .. " (" .. pol .. " is better)" }
  end, {
    check = function(ind)
      local pol = polarity_of(ind.polarity)
      if pol == "none" then return "thresholds on an indicator with no polarity" end
      if p.amber ~= nil and pol and not as_good(p.green, p.amber, pol) then
        return string.format("green %s and amber %s are in the wrong order for \"%s is better\"",
          fmt(p.green), fmt(p.amber), pol)
      end
    end,
  })
end

------------------------------------------------------------------------------------------
-- (b) targets and plans, methods.md section 2: modes value, value_with_band, ci, range;
-- per-area plan values; effective-dated entries that tighten over time.

local function date_key(s)
  if type(s) ~= "string" or not s:match("^%d%d%d%d%-%d%d%-%d%d$") then return nil end
  return s
end

-- The day number of an ISO date (days from civil, H. Hinnant), to tell whether one period
-- ends the day before another starts.
local function day_number(iso)
  local y, m, d = iso:match("^(%d%d%d%d)%-(%d%d)%-(%d%d)$")
  y, m, d = tonumber(y), tonumber(m), tonumber(d)
  if m <= 2 then y = y - 1 end
  local era = y // 400
  local yoe = y - era * 400
  local doy = (153 * (m + (m > 2 and -3 or 9)) + 2) // 5 + d - 1
  return era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy
end

-- The entry in force on `day` (ISO date): the latest with from <= day. Returns the entry,
-- or nil and a status when none applies.
local function resolve_dated(entries, day, stale_after_years)
  local chosen
  for _, e in ipairs(entries) do
    if e.from <= day then chosen = e end
  end
  if not chosen then
    return nil, { status = "not_applicable", reason = "no target in force on " .. day
      .. " (the first starts " .. entries[1].from .. ")" }
  end
  if chosen.value == nil or (chosen["end"] and chosen["end"] < day) then
    return nil, { status = "no_target", reason = "the target ended before " .. day }
  end
  if stale_after_years then
    local y = tonumber(chosen.from:sub(1, 4)) + stale_after_years
    local limit = string.format("%04d%s", y, chosen.from:sub(5))
    if day >= limit then
      return chosen, { stale = true }
    end
  end
  return chosen
end

function R.target(p)
  if type(p) ~= "table" then fail("r.target takes a table", 2) end
  allow(p, "r.target", { "mode", "value", "values", "per_area", "plans", "band", "relative_band", "low", "high",
    "stale_after_years", "resolve_at" })
  local mode = p.mode or (p.band and "value_with_band") or (p.low and "range") or "value"
  local modes = { value = true, value_with_band = true, ci = true, range = true }
  if not modes[mode] then fail("target mode must be value, value_with_band, ci or range", 2) end
  local entries
  if p.values then
    if type(p.values) ~= "table" or #p.values == 0 then fail("target values must be a list of {from = date, value = n}", 2) end
    entries = {}
    for i, e in ipairs(p.values) do
      if type(e) ~= "table" then fail("target values[" .. i .. "] must be a table {from = date, value = n}", 2) end
      allow(e, "r.target values[" .. i .. "]", { "from", "value", "end", "source" })
      if not date_key(e.from) then fail("target values[" .. i .. "].from must be a date YYYY-MM-DD", 2) end
      if e.value ~= nil then check_number(e.value, "target values[" .. i .. "].value", 2) end
      if entries[#entries] and e.from <= entries[#entries].from then fail("target values must be in date order", 2) end
      entries[#entries + 1] = { from = e.from, value = e.value, ["end"] = e["end"], source = e.source }
    end
  elseif mode == "range" then
    check_number(p.low, "target low", 2)
    check_number(p.high, "target high", 2)
  elseif p.per_area == nil and p.plans == nil then
    check_number(p.value, "target value", 2)
  end
  if p.per_area ~= nil and type(p.per_area) ~= "table" then fail("target per_area must map area codes to values", 2) end
  -- plans = { ["2023/24"] = { E08000009 = 600, ... } }: each area's plan for each year, the year
  -- being the judged observation's period (the Better Care Fund's locally agreed plans)
  local plan_for = {} -- "start end" of each plan period -> its label, so any notation matches
  if p.plans ~= nil then
    if type(p.plans) ~= "table" then fail("target plans must map periods to {area = value} tables", 2) end
    for year, areas in pairs(p.plans) do
      if type(year) ~= "string" or type(areas) ~= "table" then
        fail("target plans must map periods to {area = value} tables", 2)
      end
      local span, why = scorecard.period(year)
      if not span then fail("target plans: " .. why, 2) end
      plan_for[span.start .. " " .. span["end"]] = year
      for area, v in pairs(areas) do check_number(v, "target plans[\"" .. year .. "\"][\"" .. tostring(area) .. "\"]", 2) end
    end
  end
  if p.band ~= nil then check_number(p.band, "target band", 2) end
  local params = { mode = mode, value = p.value, values = entries, per_area = p.per_area, plans = p.plans, band = p.band,
    relative_band = p.relative_band, low = p.low, high = p.high, stale_after_years = p.stale_after_years,
    resolve_at = p.resolve_at or "start" }

  return rule("target", params, function(ctx)
    local bad = need_polarity(ctx, "a target")
    if bad then return bad end
    local pol = ctx.polarity
    local t, flag = params.value, nil
    local source, plan_year
    if params.plans then
      local point = ctx.point or {}
      plan_year = plan_for[tostring(point.start) .. " " .. tostring(point["end"])]
      if not plan_year then
        return { status = "no_target", reason = "no " .. tostring(point.period or ctx.period) .. " plan for this indicator" }
      end
      local by_area = params.plans[plan_year]
      t = by_area[ctx.area]
      if t == nil then
        return { status = "no_target", reason = "no " .. plan_year .. " plan value for " .. ctx.area }
      end
    elseif params.per_area then
      t = params.per_area[ctx.area]
      if type(t) == "table" then -- plans per year: {["2023/24"] = 600, ...}
        t = t[ctx.point and ctx.point.period or ""] or t[ctx.period]
      end
      if t == nil then return { status = "no_target", reason = "no plan value for " .. ctx.area .. " in " .. ctx.period } end
    elseif entries then
      local day = params.resolve_at == "end" and ctx.period_end or ctx.period_start
      local e, status = resolve_dated(entries, day, params.stale_after_years)
      if not e then return status end
      t, source, flag = e.value, e.source, status
    end
    local v, missing = need_value(ctx)
    if not v then return missing end
    local fig = figures(ctx) -- the value and interval as the page shows them; targets as set
    local res
    if mode == "ci" then
      local p0 = ctx.point
      if p0.lower == nil or p0.upper == nil then
        return { status = "not_compared", reason = "the value has no confidence interval" }
      end
      local good_edge = pol == "higher" and p0.lower or p0.upper
      local bad_edge = pol == "higher" and p0.upper or p0.lower
      if as_good(good_edge, t, pol) then
        res = { assessment = "met", reason = "the whole interval " .. fig(p0.lower) .. "-" .. fig(p0.upper)
          .. " is on the better side of the target " .. fmt(t) }
      elseif not as_good(bad_edge, t, pol) then
        res = { assessment = "not_met", reason = "the whole interval " .. fig(p0.lower) .. "-" .. fig(p0.upper)
          .. " misses the target " .. fmt(t) }
      else
        res = { assessment = "near", reason = "the interval " .. fig(p0.lower) .. "-" .. fig(p0.upper)
          .. " contains the target " .. fmt(t) .. ": cannot tell" }
      end
    elseif mode == "range" then
      local lo, hi = params.low, params.high
      local best, worst = pol == "higher" and hi or lo, pol == "higher" and lo or hi
      if as_good(v, best, pol) then
        res = { assessment = "met", reason = fig(v) .. " reaches " .. fmt(best) }
      elseif as_good(v, worst, pol) then
        res = { assessment = "near", reason = fig(v) .. " is between " .. fmt(lo) .. " and " .. fmt(hi) }
      else
        res = { assessment = "not_met", reason = fig(v) .. " misses " .. fmt(worst) }
      end
      t = best
    else
      local band = params.band or (params.relative_band and params.relative_band * math.abs(t))
      if as_good(v, t, pol) then
        res = { assessment = "met", reason = fig(v) .. " meets the target " .. fmt(t) .. " (" .. pol .. " is better)" }
      elseif mode == "value_with_band" and band and as_good(v, pol == "higher" and t - band or t + band, pol) then
        res = { assessment = "near", reason = fig(v) .. " misses the target " .. fmt(t) .. " by "
          .. fmt(math.abs(v - t)) .. ", within the band of " .. fmt(band) }
      else
        res = { assessment = "not_met", reason = fig(v) .. " misses the target " .. fmt(t) .. " by "
          .. fmt(math.abs(v - t)) .. " (" .. pol .. " is better)" }
      end
    end
    res.comparator, res.comparator_kind = t, "target"
    res.details = { target = t, mode = mode, source = source, plan_year = plan_year }
    if plan_year then res.reason = plan_year .. " plan: " .. res.reason end
    if flag and flag.stale then
      res.status = "stale_target"
      res.reason = res.reason .. "; the target dates from before the stale limit"
    end
    return res
  end, {
    check = function(ind)
      local pol = polarity_of(ind.polarity)
      if pol == "none" then return "a target on an indicator with no polarity" end
    end,
  })
end

------------------------------------------------------------------------------------------
-- (c) change against a baseline, methods.md section 3: the NI Programme for Government
-- rule (mode "pfg", exact) and the MSG direction of travel (mode "direction").

function R.change(p)
  if type(p) ~= "table" then fail("r.change takes a table {base = period, interval = n, ...}", 2) end
  allow(p, "r.change", { "mode", "base", "interval", "tolerance", "relative", "zero_change_is" })
  local mode = p.mode or "pfg"
  if mode ~= "pfg" and mode ~= "direction" then fail("change mode must be \"pfg\" or \"direction\"", 2) end
  if p.base ~= nil and type(p.base) ~= "string" then
    fail("change base must be a period label such as \"2019/20\", or \"previous\"", 2)
  end
  local interval = p.interval or p.tolerance or 0
  if type(interval) == "string" then
    if not interval:match("^%d+%.?%d*c$") then fail("change interval must be a number or \"<n>c\" (cumulative)", 2) end
  else
    check_number(interval, "change interval", 2)
  end
  local params = { mode = mode, base = p.base, interval = interval, relative = p.relative or false,
    zero_change_is = p.zero_change_is or "improving" }
  return rule("change", params, function(ctx)
    local pol = ctx.polarity
    if pol ~= "higher" and pol ~= "lower" then
      return { status = "not_applicable", reason = "a change rule needs a direction of improvement" }
    end
    if not params.base then
      return { status = "insufficient_data", reason = "no base period is set for this indicator" }
    end
    local latest = ctx.point
    if not latest or latest.value == nil then return { status = "missing", reason = "no latest value" } end
    local base, base_label
    if params.base == "previous" then
      -- the period just before the latest, of its type and ending the day before it starts:
      -- direction of travel year on year (a gap, or a calendar year after a financial one, is not)
      local pts = ctx.series:last(2, latest.period)
      if #pts < 2 then
        return { status = "insufficient_data", reason = "no value for a period before " .. latest.period }
      end
      base = pts[1]
      base_label = base.period
      if base.period_type ~= latest.period_type then
        return { status = "not_comparable", reason = latest.period .. " (" .. latest.period_type .. ") follows "
          .. base.period .. " (" .. base.period_type .. "): not the same kind of period" }
      end
      if day_number(base["end"]) + 1 ~= day_number(latest.start) then
        return { status = "insufficient_data", reason = "no value for the period just before " .. latest.period
          .. " (the last before it is " .. base.period .. ")" }
      end
    else
      base, base_label = ctx.series:at(params.base), params.base
      if latest.period == params.base then
        return { assessment = "no_change", reason = "the latest period is the base period " .. params.base }
      end
    end
    if not base or base.value == nil then
      return { status = "insufficient_data", reason = "no value for the base period " .. base_label }
    end
    if ctx.series:breaks_between(base.period, latest.period) then
      return { status = "not_comparable", reason = "a series break lies between " .. base_label .. " and " .. latest.period }
    end
    local r = stats.change {
      base = base.value, latest = latest.value,
      base_text = base.value_text, latest_text = latest.value_text,
      texts = ctx.series:value_texts(),
      interval = params.interval,
      periods_after_base = ctx.series:count_after(base.period, latest.period),
      direction = pol == "higher" and "increase" or "decrease",
      mode = params.mode, relative = params.relative, zero_change_is = params.zero_change_is,
    }
    if r.status then return r end
    local unit = params.relative and "%" or ""
    return { assessment = r.outcome, comparator = base.value, comparator_kind = "baseline",
      reason = string.format("%s in %s against %s in %s: a change of %s%s against an interval of %s (%s is better)",
        latest.value_text or fmt(latest.value), latest.period, base.value_text or fmt(base.value), base_label,
        fmt(r.change), unit, fmt(r.threshold), pol),
      details = { base_period = base_label, base_value = base.value, change = r.change, threshold = r.threshold } }
  end)
end

------------------------------------------------------------------------------------------
-- (c2) the relative difference from the comparator, with a tolerance: how Annual Performance
-- Reports often read an activity indicator against Scotland without an interval. Within
-- `tolerance` per cent of the comparator's value (bounds included) is "similar"; beyond it,
-- "better" or "worse" by the polarity. A comparator of 0 has no relative difference.

function R.relative(p)
  p = p or {}
  allow(p, "r.relative", { "tolerance" })
  local tolerance = p.tolerance or 5
  check_number(tolerance, "relative tolerance", 2)
  if tolerance < 0 then fail("r.relative: tolerance must be a percentage of 0 or more", 2) end
  local params = { tolerance = tolerance }
  return rule("relative", params, function(ctx)
    local v, missing = need_value(ctx)
    if not v then return missing end
    local bad = need_polarity(ctx, "a relative difference")
    if bad then return bad end
    local cmp = ctx.comparator
    if not cmp or cmp.value == nil then
      return { status = "not_compared", reason = "no comparator value for " .. (ctx.period or "the period") }
    end
    if cmp.value == 0 then
      return { status = "not_compared", reason = "the comparator's value is 0: no relative difference" }
    end
    -- judged on the difference itself; the reason shows it to 1 decimal
    local diff = (v - cmp.value) / math.abs(cmp.value) * 100
    if not (math.abs(diff) <= 1e12) then
      return { status = "not_compared", reason = "the value is too far from the comparator's "
        .. fmt(cmp.value) .. " to state a relative difference" }
    end
    local word
    if math.abs(diff) <= tolerance then word = "similar"
    elseif (diff < 0) == (ctx.polarity == "lower") then word = "better"
    else word = "worse" end
    local shown = stats.round(math.abs(diff), 1)
    local fig = figures(ctx)
    return { assessment = word, comparator = cmp.value, comparator_kind = "area",
      reason = string.format("%s is %s%% %s %s's %s (similar within %s%%; %s is better)", fig(v), fmt(shown),
        diff < 0 and "below" or (diff > 0 and "above" or "from"), cmp.name or cmp.area or "the comparator",
        fig(cmp.value), fmt(tolerance), ctx.polarity),
      details = { difference_percent = diff, tolerance = tolerance } }
  end)
end

------------------------------------------------------------------------------------------
-- (d) benchmark against a comparator with confidence intervals, methods.md section 4.
-- `interval` says where the area's interval comes from: "published" (lower/upper in the
-- data; with level = 0.998 the 99.8% limits, lower_998/upper_998), "wilson" (proportion from numerator/denominator), or "rate" (Byar / exact Poisson).
-- `values_alone = true`: when there is no interval to judge with, the reason also says on
-- which side of the comparator the value lies, as information (the status stays
-- not_compared), as the Better Care Fund metrics are read without intervals.

-- The reason of a benchmark that could not judge, with the values' sides stated.
local function state_values(ctx, res)
  local p, c = ctx.point, ctx.comparator
  if res.status == "not_compared" and p and p.value ~= nil and c and c.value ~= nil then
    local side = p.value > c.value and "above" or (p.value < c.value and "below" or "equal to")
    res.reason = string.format("%s; on values alone %s is %s %s's %s (not a judgement: no interval)",
      res.reason, figures(ctx)(p.value), side, c.name or c.area or "the comparator", figures(ctx)(c.value))
    res.comparator, res.comparator_kind = c.value, "area"
    res.details = { values_only = side, comparator_value = c.value }
  end
  return res
end

function R.benchmark(p)
  p = p or {}
  allow(p, "r.benchmark", { "interval", "level", "two_level", "multiplier", "comparator", "values_alone" })
  local interval = p.interval or "published"
  local ok = { published = true, wilson = true, rate = true, spc_proportion = true, spc_dsr = true }
  if not ok[interval] then
    fail("benchmark interval \"" .. tostring(interval) .. "\" must be published, wilson, rate, spc_proportion or spc_dsr"
      .. hint(interval, { "published", "wilson", "rate", "spc_proportion", "spc_dsr" }), 2)
  end
  local level = p.level or 0.95
  check_number(level, "benchmark level", 2)
  if interval:sub(1, 4) == "spc_" and level ~= 0.95 and level ~= 0.998 then
    fail("benchmark level " .. tostring(level) .. " with interval = \"" .. interval .. "\": Fingertips draws "
      .. "control limits at 95% (0.95) and 99.8% (0.998) only", 2)
  end
  if interval == "published" and level ~= 0.95 and level ~= 0.998 then
    fail("benchmark level " .. tostring(level) .. " with interval = \"published\": the data hold 95% (0.95) "
      .. "and 99.8% (0.998) limits only", 2)
  end
  local params = { interval = interval, level = level, two_level = p.two_level or false,
    multiplier = p.multiplier or (interval == "spc_dsr" and 100000 or 100), comparator = p.comparator, values_alone = p.values_alone or nil }
  local judge = function(ctx)
    local point = ctx.point
    if not point or point.value == nil then return { status = "missing", reason = "no value" } end
    local cmp = ctx.comparator
    if not cmp or cmp.value == nil then
      return { status = "not_compared", reason = "no comparator value for " .. (ctx.period or "the period") }
    end
    if interval == "spc_proportion" or interval == "spc_dsr" then
      -- Fingertips comparator methods 5 and 6: control limits around the comparator for an
      -- area of this size (its denominator; a DSR's person-years), the area's value held
      -- against them; both levels with two_level, else the one at `level`
      if point.denominator == nil then
        return { status = "not_compared", reason = "no denominator to draw control limits for" }
      end
      local c = stats.spc_compare { kind = interval == "spc_dsr" and "dsr" or "proportion", value = point.value,
        denominator = point.denominator, comparator = cmp.value, multiplier = params.multiplier,
        polarity = ctx.polarity ~= "none" and ctx.polarity or nil }
      if c.status then return c end
      local lo, hi = c.lower95, c.upper95
      local outcome = c.outcome95
      if params.two_level then outcome = c.outcome
      elseif level == 0.998 then lo, hi, outcome = c.lower998, c.upper998, c.outcome998 end
      local fig = figures(ctx)
      local against = (cmp.name or cmp.area or "the comparator") .. " (" .. fig(cmp.value) .. ")"
      return { assessment = outcome, comparator = cmp.value, comparator_kind = "area",
        reason = string.format("%s is %s %s: control limits %s-%s for a denominator of %s (%s)", fig(point.value),
          outcome == "similar" and "similar to" or (outcome .. " than"), against, fig(lo), fig(hi),
          fmt(point.denominator), c.method),
        details = { lower = lo, upper = hi, level = params.two_level and 0.998 or level, comparator_area = cmp.area,
          expected = c.expected, method = c.method } }
    end
    local lo, hi, lo998, hi998 = point.lower, point.upper, nil, nil
    if interval == "published" and level == 0.998 then
      -- the publisher's 99.8% limits (Fingertips prints both levels)
      lo, hi = point.lower_998, point.upper_998
    elseif interval == "published" and params.two_level then
      lo998, hi998 = point.lower_998, point.upper_998
    end
    if interval ~= "published" then
      if point.numerator == nil or point.denominator == nil then
        return { status = "not_compared", reason = "no numerator and denominator to compute an interval from" }
      end
      local s
      if interval == "wilson" then
        s = stats.proportion(point.numerator, point.denominator, level)
      else
        s = stats.rate(point.numerator, point.denominator, params.multiplier, level)
      end
      if s.status then return s end
      lo, hi = s.lower, s.upper
      if params.two_level then lo998, hi998 = s.lower998, s.upper998 end
      if interval == "wilson" then
        lo, hi = lo * params.multiplier, hi * params.multiplier
        if lo998 then lo998, hi998 = lo998 * params.multiplier, hi998 * params.multiplier end
      end
    end
    if lo == nil or hi == nil then
      return { status = "not_compared", reason = "the value has no confidence interval" }
    end
    local c = stats.compare(point.value, lo, hi, cmp.value, ctx.polarity, lo998, hi998)
    local fig = figures(ctx)
    local against = (cmp.name or cmp.area or "the comparator") .. " (" .. fig(cmp.value) .. ")"
    return { assessment = c.outcome, comparator = cmp.value, comparator_kind = "area",
      reason = string.format("%s, interval %s-%s, is %s %s", fig(point.value), fig(lo), fig(hi),
        c.outcome == "similar" and "similar to" or (c.outcome .. " than"), against),
      details = { lower = lo, upper = hi, level = level, comparator_area = cmp.area } }
  end
  return rule("benchmark", params, function(ctx)
    local res = judge(ctx)
    return params.values_alone and state_values(ctx, res) or res
  end)
end

------------------------------------------------------------------------------------------
-- (d2) a survey percentage against the comparator, or against the area's own previous survey,
-- as Public Health Scotland tests the Health and Care Experience survey (NI-1 to NI-9;
-- health-and-care-experience-survey-2023, 04.significance_tests.R): z = (p - q) / sqrt(se_p^2 +
-- se_q^2), significant at `level` (95%), the difference taken in whole percentage points, so a
-- significant difference under half a point is "similar" as PHS flags it. Each standard error
-- comes from the published interval (se = "interval": (upper - lower) / 2z, which is PHS's own
-- when its limits are p +/- z se) or, as PHS computes it, from the unweighted responses in the
-- denominator and a design effect (se = "responses", design_effect = 1 unless given).

function R.survey(p)
  p = p or {}
  allow(p, "r.survey", { "against", "se", "design_effect", "level" })
  local against, se = p.against or "comparator", p.se or "interval"
  if against ~= "comparator" and against ~= "previous" then
    fail("survey against \"" .. tostring(against) .. "\" must be comparator or previous"
      .. hint(against, { "comparator", "previous" }), 2)
  end
  if se ~= "interval" and se ~= "responses" then
    fail("survey se \"" .. tostring(se) .. "\" must be interval or responses" .. hint(se, { "interval", "responses" }), 2)
  end
  if p.design_effect ~= nil then
    check_number(p.design_effect, "survey design_effect", 2)
    if se ~= "responses" or p.design_effect <= 0 then
      fail("survey design_effect must be more than 0, with se = \"responses\"", 2)
    end
  end
  local level = p.level or 0.95
  check_number(level, "survey level", 2)
  if se == "interval" and level ~= 0.95 then
    fail("survey level " .. tostring(level) .. " with se = \"interval\": the data hold 95% limits", 2)
  end
  local params = { against = against, se = se, design_effect = p.design_effect or 1, level = level }
  local function side(pt)
    if se == "responses" then
      return { value = pt.value, n = pt.denominator, deff = pt.denominator and params.design_effect or nil }
    end
    return { value = pt.value, lower = pt.lower, upper = pt.upper }
  end
  return rule("survey", params, function(ctx)
    local point = ctx.point
    if not point or point.value == nil then return { status = "missing", reason = "no value" } end
    local other, name
    if against == "comparator" then
      other = ctx.comparator
      if not other or other.value == nil then
        return { status = "not_compared", reason = "no comparator value for " .. (ctx.period or "the period") }
      end
      name = other.name or other.area or "the comparator"
    else
      local last = ctx.series:last(2, point.period)
      if #last < 2 then
        return { status = "insufficient_data", reason = "no earlier survey to compare " .. point.period .. " with" }
      end
      other, name = last[1], "the " .. last[1].period .. " survey"
      if ctx.series:breaks_between(other.period, point.period) then
        return { status = "not_comparable", reason = "a series break lies between " .. other.period .. " and "
          .. point.period .. " (the question changed)" }
      end
    end
    local pol = ctx.polarity ~= "none" and ctx.polarity or nil
    local theirs, exact = side(other), ""
    if against == "comparator" and se == "interval" and (other.lower == nil or other.upper == nil) then
      -- A national figure often comes without limits; its standard error (n in the tens of
      -- thousands) is a small part of the difference's, so it is taken as 0, and said so.
      theirs = { value = other.value, lower = other.value, upper = other.value }
      exact = "; " .. name .. "'s standard error taken as 0 (no limits in the data)"
    end
    local t = stats.survey(side(point), theirs, { level = level, polarity = pol })
    if t.status then return t end
    local words = t.outcome == "similar" and "not significantly different from"
      or ("significantly " .. t.outcome .. " than")
    local z = t.z and string.format("z = %.2f", t.z) or "no z (no variance)"
    return { assessment = t.outcome, comparator = other.value,
      comparator_kind = against == "comparator" and "area" or "baseline",
      reason = string.format("%s%% is %s %s (%s%%): %s, a difference of %s points%s", figures(ctx)(point.value),
        words, name, figures(ctx)(other.value), z, fmt(t.difference), exact),
      details = { z = t.z, se = t.se, difference = t.difference, significant = t.significant, se_from = t.se_from,
        against = against, against_period = other.period, comparator_area = other.area,
        comparator_se_zero = exact ~= "" or nil } }
  end)
end

------------------------------------------------------------------------------------------
-- (e) quintile among peers, methods.md section 5 (Fingertips method).

local QUINTILE_WORDS = {
  judged = { "best", "better", "middle", "worse", "worst" },
  none = { "lowest", "low", "middle", "high", "highest" },
}

function R.quintile(p)
  p = p or {}
  allow(p, "r.quintile", { "min_areas" })
  local params = { min_areas = p.min_areas or 5 }
  return rule("quintile", params, function(ctx)
    local v, missing = need_value(ctx)
    if not v then return missing end
    local q = ctx.prepared
    if not q then
      return { status = "insufficient_data", reason = "fewer than " .. params.min_areas .. " areas have a value" }
    end
    local rank = q.category[ctx.area]
    if not rank then return { status = "insufficient_data", reason = "the value was not among the peers" } end
    local words = ctx.polarity == "none" and QUINTILE_WORDS.none or QUINTILE_WORDS.judged
    return { assessment = words[rank], reason = figures(ctx)(v) .. " is in fifth " .. rank .. " of " .. q.n
      .. " areas (1 = " .. (ctx.polarity == "none" and "lowest" or "best") .. ")", details = { quintile = rank } }
  end, {
    -- Once per indicator: the Fingertips bounds and every area's fifth, from the C library.
    prepare = function(peers, info)
      local values, areas = {}, {}
      for _, pt in ipairs(peers) do
        if pt.value ~= nil then values[#values + 1] = pt.value; areas[#areas + 1] = pt.area end
      end
      if #values < params.min_areas then return nil end
      local polarity = info.polarity ~= "none" and info.polarity or nil
      local q = stats.quantiles(values, 5, polarity)
      if q.status then return nil end
      local category = {}
      for i, area in ipairs(areas) do category[area] = q.categories[i] end
      return { category = category, n = q.n, bounds = { q[1], q[2], q[3], q[4], q[5] } }
    end,
  })
end

------------------------------------------------------------------------------------------
-- (e2) the funnel plot: each area against limits drawn around the average of all the areas
-- scored, at its own size, as PHEindicatormethods assign_funnel_significance places it
-- (Fingertips' technical guidance on funnel plots). The auditor's comparison of areas of very
-- different sizes: a small area needs a larger difference before it is flagged. Beyond the
-- 99.8% limits is best or worst, beyond the 95% only better or worse (higher or lower with no
-- polarity), inside them similar. `kind`: "proportion" (numerator of denominator), "ratio" or
-- "isr" (observed numerator against expected denominator), "dsr" or "crude" (events in the
-- numerator, the rate as the value, the population as the denominator where there are no
-- events); `multiplier` is the rate's (per 100,000 by default); a DSR under 10 events is not
-- compared, as upstream rules.

local FUNNEL_KINDS = { proportion = true, ratio = true, isr = true, dsr = true, crude = true }
local FUNNEL_SIDES = {
  high_998 = "above the 99.8% limit", high_95 = "above the 95% limit", low_998 = "below the 99.8% limit",
  low_95 = "below the 95% limit", not_significant = "within the 95% limits",
}

function R.funnel(p)
  p = p or {}
  allow(p, "r.funnel", { "kind", "multiplier", "min_areas" })
  local kind = p.kind or "proportion"
  if not FUNNEL_KINDS[kind] then
    fail("funnel kind \"" .. tostring(kind) .. "\" must be proportion, ratio, isr, dsr or crude"
      .. hint(kind, { "proportion", "ratio", "isr", "dsr", "crude" }), 2)
  end
  local rate = kind == "dsr" or kind == "crude"
  local params = { kind = kind, multiplier = p.multiplier or (rate and 100000 or 100), min_areas = p.min_areas or 5 }
  check_number(params.multiplier, "funnel multiplier", 2)
  check_number(params.min_areas, "funnel min_areas", 2)
  return rule("funnel", params, function(ctx)
    local v, missing = need_value(ctx)
    if not v then return missing end
    local f = ctx.prepared
    if not f then
      return { status = "insufficient_data", reason = "fewer than " .. params.min_areas
        .. " areas have the counts a funnel plot needs" }
    end
    local at = f.index[ctx.area]
    if not at then
      return { status = "not_compared", reason = rate and "no count of events and rate for a funnel plot"
        or "no numerator and denominator for a funnel plot" }
    end
    local position = f.positions[at]
    if position == "not_applicable" or position == "no_value" then
      return { status = "not_compared", reason = f.labels[at] }
    end
    -- what the areas are held against, on the indicator's scale: the average proportion or rate,
    -- or an observed count equal to the expected one (a ratio of 1, an ISR of 100)
    local avg = (kind == "ratio" and 1) or (kind == "isr" and 100) or f.average * params.multiplier
    local fig = figures(ctx)
    local around = kind == "ratio" and fmt(avg) or fig(avg)
    return { assessment = f.outcomes[at], comparator = avg, comparator_kind = "value",
      reason = string.format("%s is %s of the funnel around %s, the average of %d areas", fig(v),
        FUNNEL_SIDES[position], around, f.n),
      details = { position = position, label = f.labels[at], average = f.average, areas = f.n, kind = kind } }
  end, {
    -- Once per indicator: every area's position in the one funnel, from the C library.
    prepare = function(peers, info)
      local num, den, rates, areas = {}, {}, {}, {}
      for _, pt in ipairs(peers) do
        local ok
        if rate then ok = pt.numerator ~= nil and (pt.value ~= nil or pt.denominator ~= nil)
        else ok = pt.numerator ~= nil and pt.denominator ~= nil end
        if ok then
          local i = #areas + 1
          areas[i], num[i] = pt.area, pt.numerator
          den[i], rates[i] = false, false -- false is a missing value in a list for stats
          if pt.denominator ~= nil then den[i] = pt.denominator end
          if pt.value ~= nil then rates[i] = pt.value end
        end
      end
      if #areas < params.min_areas then return nil end
      local f = stats.funnel { kind = kind, numerators = num, denominators = den,
        rates = rate and rates or nil, multiplier = params.multiplier,
        polarity = info.polarity ~= "none" and info.polarity or nil }
      local index = {}
      for i, area in ipairs(areas) do index[area] = i end
      return { index = index, positions = f.positions, labels = f.labels, outcomes = f.outcomes,
        average = f.average, n = #areas }
    end,
  })
end

------------------------------------------------------------------------------------------
-- (f) recent trend over the last points, methods.md section 6.

function R.trend(p)
  p = p or {}
  allow(p, "r.trend", { "points", "level" })
  local params = { points = p.points or 5, level = p.level or 0.998 }
  return rule("trend", params, function(ctx)
    local pts = ctx.series:last(params.points, ctx.point and ctx.point.period)
    if #pts < params.points then
      return { status = "insufficient_data", reason = "a trend needs " .. params.points .. " points; there are " .. #pts }
    end
    if ctx.series:breaks_between(pts[1].period, pts[#pts].period) then
      return { status = "not_comparable", reason = "a series break lies within the last " .. params.points .. " points" }
    end
    local t = stats.trend(pts, { level = params.level, polarity = ctx.polarity ~= "none" and ctx.polarity or nil })
    if t.status then return t end
    return { assessment = t.judgement or t.outcome, reason = "over " .. pts[1].period .. " to " .. pts[#pts].period .. ": " .. t.outcome,
      details = t }
  end)
end

------------------------------------------------------------------------------------------
-- (g) statistical process control (Making Data Count), methods.md section 7. SPC is not
-- RAG: the assessment is the variation icon; colours come only from an explicit map.

-- The words Making Data Count prints beside its icons ("Making data count: strengthening
-- your decisions", NHS England, 2019/2023), so a reason never shows an option's raw name.
local SPC_VARIATION_WORDS = {
  common_cause = "common cause variation, no significant change",
  improvement_high = "special cause variation of an improving nature, significantly higher",
  improvement_low = "special cause variation of an improving nature, significantly lower",
  concern_high = "special cause variation of a concerning nature, significantly higher",
  concern_low = "special cause variation of a concerning nature, significantly lower",
  neutral_high = "special cause variation of neither improving nor concerning nature, higher",
  neutral_low = "special cause variation of neither improving nor concerning nature, lower",
}
local SPC_ASSURANCE_WORDS = {
  consistent_pass = "the process will consistently pass the target",
  consistent_fail = "the process will consistently fail the target",
  inconsistent = "the process will inconsistently pass and fail the target",
}

-- r.spc's own keys, by period label; the rest are stats.spc's options as they are.
local SPC_BY_PERIOD = { rebase = true, exclude = true, targets = true }

local function check_period_list(v, name)
  if type(v) ~= "table" then fail("r.spc: " .. name .. " must be a list of period labels, e.g. {\"2020/21\"}", 4) end
  for i, label in ipairs(v) do
    if type(label) ~= "string" then fail("r.spc: " .. name .. "[" .. i .. "] must be a period label", 4) end
  end
end

-- The 1-based positions of the labelled periods among the points charted: a label names the
-- point so labelled, or the first charted point that starts on or after it (a rebase at a
-- period without a value still splits there). A rebase at the first point changes nothing
-- and is dropped unless first_too. Labels the series cannot place are returned apart, for
-- the details.
local function spc_positions(ctx, pts, labels, first_too)
  local at, unplaced = {}, {}
  for _, label in ipairs(labels or {}) do
    local where = ctx.series:at(label)
    local found
    for i, q in ipairs(pts) do
      if q.period == label or (where and q.start >= where.start) then found = i; break end
    end
    if found and (found > 1 or first_too) then at[#at + 1] = found
    elseif not found then unplaced[#unplaced + 1] = label end
  end
  table.sort(at)
  local unique = {}
  for _, i in ipairs(at) do if unique[#unique] ~= i then unique[#unique + 1] = i end end
  return unique, unplaced
end

function R.spc(p)
  p = p or {}
  local params, opts_only = {}, {}
  for k, v in pairs(p) do
    params[k] = v
    if not SPC_BY_PERIOD[k] then opts_only[k] = v end
  end
  for _, k in ipairs({ "rebase", "exclude" }) do
    if p[k] ~= nil then check_period_list(p[k], k) end
  end
  if p.targets ~= nil then
    if type(p.targets) ~= "table" then fail("r.spc: targets must map period labels to targets, e.g. {[\"2023/24\"] = 95}", 2) end
    for label, t in pairs(p.targets) do
      if type(label) ~= "string" or type(t) ~= "number" then
        fail("r.spc: targets must map period labels to numbers, e.g. {[\"2023/24\"] = 95}", 2)
      end
    end
  end
  if opts_only.denominators ~= nil then fail("r.spc: denominators come from the data (each point's denominator)", 2) end
  stats.spc({}, opts_only) -- its options are stats.spc's: a misspelt one is an error now, not at the first run
  local counts = p.chart ~= nil and p.chart ~= "xmr"
  return rule("spc", params, function(ctx)
    local upto = ctx.point and ctx.point.period
    local pts = ctx.series:last(ctx.series:len(), upto)
    local opts = {}
    for k, v in pairs(opts_only) do opts[k] = v end
    opts.improvement = opts.improvement or (ctx.polarity == "higher" and "increase")
      or (ctx.polarity == "lower" and "decrease") or "neutral"
    local values, den = {}, nil
    if counts then
      den = {}
      for i, q in ipairs(pts) do
        if q.numerator == nil or (p.chart ~= "c" and q.denominator == nil) then
          return { status = "insufficient_data", reason = "a " .. p.chart .. " chart needs the "
            .. (p.chart == "c" and "count" or "numerator and denominator") .. " of every point: "
            .. q.period .. " has none" }
        end
        values[i], den[i] = q.numerator, q.denominator or 1
      end
      opts.denominators = den
    else
      for i, q in ipairs(pts) do values[i] = q.value end
    end
    local unplaced = {}
    local rebase, un1 = spc_positions(ctx, pts, p.rebase)
    local exclude, un2 = spc_positions(ctx, pts, p.exclude, true)
    for _, l in ipairs(un1) do unplaced[#unplaced + 1] = l end
    for _, l in ipairs(un2) do unplaced[#unplaced + 1] = l end
    if #rebase > 0 then opts.rebase = rebase end
    if #exclude > 0 then opts.exclude = exclude end
    if p.targets then
      -- a target applies from its period on, until the next one (a step, as targets are set)
      local steps = {}
      for label, t in pairs(p.targets) do
        local where = ctx.series:at(label)
        if where then steps[#steps + 1] = { start = where.start, target = t }
        else unplaced[#unplaced + 1] = label end
      end
      table.sort(steps, function(a, b) return a.start < b.start end)
      local targets = {}
      for i, q in ipairs(pts) do
        targets[i] = false
        for _, st in ipairs(steps) do if q.start >= st.start then targets[i] = st.target end end
      end
      opts.targets = targets
    end
    local s = stats.spc(values, opts)
    if s.status then return s end
    for i, q in ipairs(pts) do s.points[i].period = q.period end
    if #unplaced > 0 then table.sort(unplaced); s.unplaced_periods = unplaced end
    local reason = SPC_VARIATION_WORDS[s.variation] or s.variation
    if s.assurance then reason = reason .. "; " .. SPC_ASSURANCE_WORDS[s.assurance] end
    if s.trial then reason = reason .. " (trial limits: fewer than " .. s.options.short_n .. " points)" end
    return { assessment = s.variation, reason = reason, details = s }
  end)
end

------------------------------------------------------------------------------------------
-- (h) a published score, and a published flag: the NHS Oversight Framework scores each
-- metric from 1.00 (best) to 4.00 (worst) and averages the scores (r.rollup.mean_score);
-- a score is read as the publisher gives it, since the bookends of its scale are not
-- published and its raw values are rounded. A flag (a trust in financial deficit) is a
-- value of 1 or 0 that a roll-up's cap reads.

function R.score(p)
  p = p or {}
  allow(p, "r.score", { "best", "worst" })
  local best, worst = p.best or 1, p.worst or 4
  check_number(best, "score best", 2)
  check_number(worst, "score worst", 2)
  -- a mean score counts its lowest segment best, so a scale where higher is better would be
  -- read backwards: its rule must turn it round
  if not (best < worst) then fail("r.score: best must be below worst (a mean score counts low as best)", 2) end
  local lo, hi = math.min(best, worst), math.max(best, worst)
  local params = { best = best, worst = worst }
  return rule("score", params, function(ctx)
    local v, missing = need_value(ctx)
    if not v then return missing end
    if v < lo or v > hi then
      return { status = "unreliable", reason = "a score of " .. fmt(v) .. " is outside the scale " .. fmt(best)
        .. " (best) to " .. fmt(worst) .. " (worst)" }
    end
    return { assessment = "scored", score = v,
      reason = "scored " .. (ctx.point.value_text or fmt(v)) .. " (" .. fmt(best) .. " best, " .. fmt(worst) .. " worst)" }
  end)
end

function R.flag(p)
  p = p or {}
  allow(p, "r.flag", { "meaning" })
  if p.meaning ~= nil and type(p.meaning) ~= "string" then fail("r.flag: meaning must be words", 2) end
  local params = { meaning = p.meaning or "flagged" }
  return rule("flag", params, function(ctx)
    local v, missing = need_value(ctx)
    if not v then return missing end
    if v ~= 0 and v ~= 1 then
      return { status = "unreliable", reason = "a flag is 1 or 0, not " .. fmt(v) }
    end
    return { assessment = v == 1 and "flagged" or "not_flagged",
      reason = (v == 1 and "" or "not ") .. params.meaning }
  end)
end

------------------------------------------------------------------------------------------
-- compound rules and custom functions

local function compound(kind, rules)
  if type(rules) ~= "table" or #rules < 2 then fail("r." .. kind .. " takes a list of two or more rules", 3) end
  for i, r in ipairs(rules) do
    if type(r) ~= "table" or r.kind ~= "rule" then fail("r." .. kind .. ": item " .. i .. " is not a rule", 3) end
  end
  local order = { met = 3, near = 2, not_met = 1 }
  return rule(kind, { rules = #rules }, function(ctx)
    local pick, parts = nil, {}
    for _, r in ipairs(rules) do
      local res = r.assess(ctx)
      if res.status and not res.assessment then return res end
      parts[#parts + 1] = res
      local rank = order[res.assessment] or 0
      if not pick or (kind == "all" and rank < order[pick.assessment]) or (kind == "any" and rank > order[pick.assessment]) then
        pick = res
      end
    end
    local reasons = {}
    for i, res in ipairs(parts) do reasons[i] = res.reason end
    return { assessment = pick.assessment, reason = table.concat(reasons, "; "), details = { parts = parts } }
  end)
end

function R.all(rules) return compound("all", rules) end
function R.any(rules) return compound("any", rules) end

function R.custom(fn, p)
  if type(fn) ~= "function" then fail("r.custom takes a function(ctx) returning {assessment = ..., reason = ...}", 2) end
  return rule("custom", p or {}, fn)
end

------------------------------------------------------------------------------------------
-- colours: assessments to colours, kept apart from the assessments themselves

R.colours = {
  default = {
    met = "green", better = "green", best = "green", improving = "green",
    near = "amber", similar = "amber", middle = "amber", no_change = "amber",
    not_met = "red", worse = "red", worst = "red", worsening = "red",
    -- no polarity, quintiles without polarity, trends without direction, SPC icons: not RAG
    higher = "grey", lower = "grey", lowest = "grey", low = "grey", high = "grey", highest = "grey",
    increasing = "grey", decreasing = "grey", no_significant_change = "grey",
    common_cause = "grey", improvement_high = "grey", improvement_low = "grey", concern_high = "grey",
    concern_low = "grey", neutral_high = "grey", neutral_low = "grey",
    -- a score has its colour from the segment its roll-up puts the mean in; a flag has none
    scored = "grey", flagged = "grey", not_flagged = "grey",
  },
}

------------------------------------------------------------------------------------------
-- roll-ups, methods.md section 8

R.rollup = {
  worst_of = { kind = "rollup", method = "worst_of" },
  count_summary = { kind = "rollup", method = "count_summary" },
}

function R.rollup.majority(p)
  p = p or {}
  allow(p, "r.rollup.majority", { "tie", "min_coverage" })
  return { kind = "rollup", method = "majority", tie = p.tie or "worse", min_coverage = p.min_coverage }
end

function R.rollup.weighted(p)
  p = p or {}
  allow(p, "r.rollup.weighted", { "weights", "scores", "green", "amber", "min_coverage" })
  return { kind = "rollup", method = "weighted_score", weights = p.weights or {},
    scores = p.scores or { red = 0, amber = 1, green = 2 },
    green = p.green or 1.5, amber = p.amber or 0.5, min_coverage = p.min_coverage }
end

function R.rollup.custom(fn)
  if type(fn) ~= "function" then fail("r.rollup.custom takes a function(children) returning a colour", 2) end
  return { kind = "rollup", method = "custom", fn = fn }
end

-- The mean of the children's scores (r.score, or any rule returning `score`), rounded to
-- `decimals` (2), then cut into segments: fixed cut points `segments = {2.0, 2.5, 3.0}`
-- (segment k + 1 when the mean is above k of them), or "quartiles" of the means across the
-- areas scored; `colours` gives each segment's colour. `cap = {indicator = id, segment = n}`
-- puts an area whose flag indicator is not 0 in segment n or below. A framework's
-- mean_score averages its indicators' scores (`over = "outcomes"`: its outcomes').
function R.rollup.mean_score(p)
  p = p or {}
  allow(p, "r.rollup.mean_score", { "decimals", "segments", "colours", "over", "cap" })
  local segments = p.segments
  if segments ~= nil and segments ~= "quartiles" then
    if type(segments) ~= "table" or #segments == 0 then
      fail("r.rollup.mean_score: segments must be a list of cut points or \"quartiles\"", 2)
    end
    for i, c in ipairs(segments) do check_number(c, "segments[" .. i .. "]", 2) end
  end
  if p.cap ~= nil then
    if type(p.cap) ~= "table" then fail("r.rollup.mean_score: cap must be {indicator = id, segment = n}", 2) end
    allow(p.cap, "r.rollup.mean_score cap", { "indicator", "segment" })
  end
  return { kind = "rollup", method = "mean_score", decimals = p.decimals, segments = segments,
    colours = p.colours, over = p.over, cap = p.cap }
end

R.rollup.worst_of_with = function(p)
  allow(p or {}, "r.rollup.worst_of_with", { "min_coverage" })
  return { kind = "rollup", method = "worst_of", min_coverage = (p or {}).min_coverage }
end

------------------------------------------------------------------------------------------
-- test cases: one observation of a case's data (scorecard test), with any other field
-- (numerator, lower_ci, status, series_break, ...) in `extra`

function R.row(indicator, area, period, value, extra)
  local t = { indicator = indicator, area = area, period = period, value = value }
  for k, v in pairs(extra or {}) do t[k] = v end
  return t
end

------------------------------------------------------------------------------------------
-- one metric judged more than one way (against a plan and against England, say): each
-- judgement is an indicator of its own, written out with its id and rule, and shares the
-- metric's description, written out once:
--   local FALLS = { title = ..., unit = ..., polarity = "lower", series = ..., source = ..., notes = ... }
--   r.indicator(FALLS, { id = "BCF-FALLS-PLAN", title = ..., notes = "Judged against the plan.", rule = ... })
-- Every field of the second table replaces the metric's, but `notes`, which is added after
-- the metric's. The engine checks the result's keys as any indicator's.

function R.indicator(metric, spec)
  if type(metric) ~= "table" or type(spec) ~= "table" then
    fail("r.indicator takes the metric's table and the indicator's own fields", 2)
  end
  local ind = {}
  for k, v in pairs(metric) do ind[k] = v end
  for k, v in pairs(spec) do ind[k] = v end
  if metric.notes and spec.notes then ind.notes = metric.notes .. " " .. spec.notes end
  return ind
end

------------------------------------------------------------------------------------------
-- frameworks and extension

function R.framework(spec)
  if type(spec) ~= "table" then fail("r.framework takes a table", 2) end
  spec.kind = "framework"
  mark(spec)
  spec.colours = spec.colours or R.colours.default
  spec.rollup = spec.rollup or R.rollup.worst_of
  return spec
end

local function copy(t, seen)
  if type(t) ~= "table" then return t end
  seen = seen or {}
  if seen[t] then return seen[t] end
  if t.kind == "rule" or t.kind == "rollup" then return t end -- rules are shared, not copied
  local c = {}
  seen[t] = c
  for k, v in pairs(t) do c[k] = copy(v, seen) end
  return c
end

-- A local framework built on a national one: r.extend(require "frameworks.ID", {
--   id = ..., version = ..., title = ...,
--   indicators = { {id = "LOCAL-1", ...} },            -- added
--   override = { ["NI-12"] = { rule = r.threshold{...} } }, -- fields replaced
--   outcomes = { {id = "O2", add = {"LOCAL-1"}}, {id = "L1", title = ..., indicators = {...}} },
-- })
function R.extend(base, spec)
  if type(base) ~= "table" or base.kind ~= "framework" then
    fail("r.extend: the first argument must be a framework (require \"frameworks.ID\")", 2)
  end
  if type(spec) ~= "table" then fail("r.extend takes a table of changes", 2) end
  local fw = copy(base)
  fw.extends = (base.id or "?") .. "@" .. tostring(base.version or "?")
  mark(fw)
  local byid = {}
  for i, ind in ipairs(fw.indicators or {}) do byid[ind.id] = i end
  for id, changes in pairs(spec.override or {}) do
    local i = byid[id]
    if not i then fail("r.extend: override of \"" .. tostring(id) .. "\", which " .. tostring(base.id) .. " does not have", 2) end
    for k, v in pairs(changes) do fw.indicators[i][k] = v end
  end
  for _, ind in ipairs(spec.indicators or {}) do
    if byid[ind.id] then fail("r.extend: indicator \"" .. ind.id .. "\" exists already; use override", 2) end
    fw.indicators[#fw.indicators + 1] = ind
    byid[ind.id] = #fw.indicators
  end
  local outcomes = {}
  for i, o in ipairs(fw.outcomes or {}) do outcomes[o.id] = i end
  for _, o in ipairs(spec.outcomes or {}) do
    local i = outcomes[o.id]
    if i then
      for _, add in ipairs(o.add or {}) do table.insert(fw.outcomes[i].indicators, add) end
    else
      fw.outcomes[#fw.outcomes + 1] = o
      outcomes[o.id] = #fw.outcomes
    end
  end
  for k, v in pairs(spec) do
    if k ~= "override" and k ~= "indicators" and k ~= "outcomes" then fw[k] = v end
  end
  return fw
end

------------------------------------------------------------------------------------------
-- strictness: every mistake noted, none fatal until the end of the file

-- A constructor that fails (a parameter of the wrong type, thresholds it cannot use) notes
-- why at the framework's line and gives a stand-in, so the next mistake is found too.
local function guarded(fn, broken)
  return function(...)
    local ok, res = pcall(fn, ...)
    if ok then return res end
    -- The framework's line is added by problem(); this library's own line would only
    -- point the designer at code they did not write.
    problem((tostring(res):gsub("^[^\n]-rules%.lua:%d+: ", "")))
    return broken
  end
end
for _, name in ipairs({ "threshold", "target", "change", "benchmark", "funnel", "quintile", "trend", "spc", "all", "any",
  "custom", "survey", "score", "flag", "relative" }) do
  R[name] = guarded(R[name], BROKEN_RULE)
end
R.indicator = guarded(R.indicator, {})
for _, name in ipairs({ "majority", "weighted", "custom", "worst_of_with", "mean_score" }) do
  R.rollup[name] = guarded(R.rollup[name], BROKEN_ROLLUP)
end

-- Reading a name the library does not have (r.treshold, r.rollup.worstof) is a mistake,
-- not nil: nil would quietly fall back to a default rule or roll-up.
local function strict(t, name, what, broken)
  local names = {}
  for k in pairs(t) do
    if type(k) == "string" then names[#names + 1] = k end
  end
  table.sort(names)
  return setmetatable(t, { __index = function(_, k)
    problem(name .. "." .. tostring(k) .. " is not " .. what .. " of the rule library" .. hint(k, names, name .. "."))
    return broken
  end })
end
strict(R.rollup, "r.rollup", "a roll-up", BROKEN_ROLLUP)
strict(R.colours, "r.colours", "a colour map", R.colours.default)
strict(R, "r", "a rule", BROKEN_RULE)

return R
