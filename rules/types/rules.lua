---@meta rules
-- The rule library (rules/rules.lua) as `require "rules"` returns it, for the Lua language
-- server. Each constructor checks its parameters: an unknown one ("levl") is noted as a
-- problem at the framework's line, naming the nearest, and a value of the wrong type or out of
-- range too; `scorecard check` lists them all. Reading a name the library does not have
-- (r.treshold, r.rollup.worstof) is a problem as well, not nil.
-- tests/unit/test_luals.c checks every name below against the library, and each parameter
-- class against the library's allow(p, ...) lists.

---@class ruleslib
local rules = {}

---The rule library's version.
rules.version = "1"

---A number as the library's reasons write it: an integer as it is, anything else to six
---significant digits; "no value" for nil.
---@param v number?
---@return string
function rules.fmt(v) end

---------------------------------------------------------------------------------------------
-- what the constructors build

---A rule, as an indicator's `rule` holds it. The host records the framework line it was built
---at. A table written by hand needs kind = "rule" and assess.
---@class rules.Rule
---@field kind "rule"
---@field method string what built it ("threshold", "target", ..., "custom"); recorded with every result
---@field params table its parameters, defaults filled in; recorded with every result
---@field assess fun(ctx: scorecard.Context): scorecard.Verdict judges one area, once per indicator and area
---@field check? fun(indicator: scorecard.Indicator): string? run at load against the indicator: a string is a problem (thresholds in the wrong order for the polarity, no polarity)
---@field prepare? fun(peers: scorecard.Peer[], info: scorecard.PrepareInfo): any run once per indicator and period with every scored area's point, before assess; what it returns is ctx.prepared

---@alias rules.RollupMethod "worst_of"|"majority"|"weighted_score"|"count_summary"|"custom"|"mean_score"

---A roll-up: how children's colours (an outcome's indicators, the area's outcomes) make a
---colour. Grey children never count.
---@class rules.Rollup
---@field kind "rollup"
---@field method rules.RollupMethod
---@field tie? "worse"|"better" majority: which of the colours with the most children wins (default "worse")
---@field min_coverage? number a share (0 to 1): with fewer coloured children the parent is grey (insufficient_data)
---@field weights? table<string, number> weighted_score: weight by child id (default 1)
---@field scores? rules.RollupScores weighted_score: points per colour
---@field green? number weighted_score: a weighted mean from this is green (default 1.5)
---@field amber? number weighted_score: a weighted mean from this (and below green) is amber (default 0.5)
---@field fn? fun(children: scorecard.RollupChild[]): scorecard.Colour custom: returns green, amber, red or grey
---@field decimals? integer mean_score: places the mean is rounded to, half away from zero (0 to 6, default 2)
---@field segments? number[]|"quartiles" mean_score: cut points in increasing order (segment k + 1 when the mean is above k of them), or the quartiles of the cohort's means
---@field colours? scorecard.Colour[] mean_score: one colour per segment (required with segments)
---@field over? "indicators"|"outcomes" mean_score, the framework's roll-up: average the indicators' scores (default) or the outcomes' means
---@field cap? rules.MeanScoreCap mean_score: a flag that caps the segment

---------------------------------------------------------------------------------------------
-- (a) fixed thresholds

---@class rules.ThresholdParams
---@field green number the green cut point: a value reaching it (by the polarity) is met
---@field amber? number the amber cut point: a value reaching it but not green is near; must be on the worse side of green
---@field boundary? "better"|"worse" where a value on a cut point belongs (default "better")

---Fixed cut points: `met` (green), `near` (amber), `not_met`. Needs an indicator polarity of
---higher or lower; cut points in the wrong order for it are a problem at load.
---@param p rules.ThresholdParams
---@return rules.Rule
function rules.threshold(p) end

---------------------------------------------------------------------------------------------
-- (b) targets and plans

---One entry of a dated target list (r.target values), in date order.
---@class rules.TargetEntry
---@field from string YYYY-MM-DD: the first day it is in force
---@field value? number the target; nil: no target from this day (no_target)
---@field end? string YYYY-MM-DD: its last day (after it, no_target); read it as entry["end"]
---@field source? string where the target was set, recorded with the result

---@class rules.TargetParams
---@field mode? "value"|"value_with_band"|"ci"|"range" "value": met when the value meets the target, else not_met; "value_with_band": within `band` of it is near; "ci": the whole interval on the better side is met, across the target near ("cannot tell"); "range": reaching the better end of low..high is met, between them near. Default "value_with_band" with a band, "range" with low, else "value"
---@field value? number the target (one for every area)
---@field values? rules.TargetEntry[] targets that change over time: the entry in force at the start of the period (resolve_at); before the first, not_applicable
---@field per_area? table<string, number|table<string, number>> by area code: the area's plan, or its plans by period label ({S37000012 = {["2023/24"] = 600}}); an area without one is no_target
---@field plans? table<string, table<string, number>> by period label, each area's plan ({["2023/24"] = {E08000009 = 600}}): matched with the observation judged by its days; the reason begins "2023/24 plan:"
---@field band? number value_with_band: the band below (higher is better) or above the target that is near, in the value's units
---@field relative_band? number value_with_band: the band as a share of the target (0.05 = 5%), when band is not given
---@field low? number range: the low end
---@field high? number range: the high end
---@field stale_after_years? number a dated target older than this many years is flagged stale_target
---@field resolve_at? "start"|"end" which day of the scorecard period dated targets are resolved at (default "start")

---A target or plan: `met`, `near`, `not_met`, with the target as the comparator. Needs a
---polarity of higher or lower.
---@param p rules.TargetParams
---@return rules.Rule
function rules.target(p) end

---------------------------------------------------------------------------------------------
-- (c) change against a baseline

---@class rules.ChangeParams
---@field mode? "pfg"|"direction" "pfg" (default): the NI Programme for Government rule exactly (decimals from the values as published, JavaScript rounding, bounds inclusive); "direction": MSG-style direction of travel, `interval` the tolerance (strict)
---@field base? string the base period's label ("2019/20"), or "previous": the period just before the latest, of its type (year on year). Without one the rule gives insufficient_data
---@field interval? number|string pfg: the change that counts, a number or "<k>c" (k for each period after the base); direction: the tolerance. Default 0
---@field tolerance? number|string the same as interval (read when interval is not given)
---@field relative? boolean direction: the change as a percentage of the base, 100 (latest - base) / base (default false)
---@field zero_change_is? "improving"|"no_change" a change of exactly 0 with interval 0 (default "improving", as the PfG dashboard)

---Change from a base period: `improving`, `no_change`, `worsening`. A series break between
---base and latest is not_comparable.
---@param p rules.ChangeParams
---@return rules.Rule
function rules.change(p) end

---------------------------------------------------------------------------------------------
-- (c2) relative difference from the comparator

---@class rules.RelativeParams
---@field tolerance? number per cent of the comparator's value within which the value is similar, bounds included (default 5; 0 or more)

---The relative difference from the comparator's value for the same period, (value -
---comparator) / |comparator| x 100: `similar` within the tolerance, else `better` or `worse`
---by the polarity. No interval; a comparator of 0 is not_compared.
---@param p? rules.RelativeParams
---@return rules.Rule
function rules.relative(p) end

---------------------------------------------------------------------------------------------
-- (d) benchmark against the comparator

---@class rules.BenchmarkParams
---@field interval? "published"|"wilson"|"rate"|"spc_proportion"|"spc_dsr" where the limits come from: the data's (default), Wilson from numerator and denominator, Byar's / exact Poisson from the count and population; or Fingertips' SPC comparers (methods 5 and 6), control limits around the comparator for an area of this denominator
---@field level? number the confidence level (default 0.95); with "published" or an SPC comparer only 0.95 or 0.998
---@field two_level? boolean also judge at 99.8%: outside both intervals is best or worst (default false)
---@field multiplier? number the value's scale (default 100, a percentage; 100000 for "spc_dsr"): Wilson limits are multiplied by it, rate and control limits computed per it
---@field comparator? any recorded with the rule's parameters; the comparator judged against is the indicator's or the framework's `comparator`
---@field values_alone? boolean with no interval to judge by, the reason still says on which side of the comparator the value lies (the status stays not_compared)

---The Fingertips benchmark: the comparator inside the area's interval (bounds included) is
---`similar`, else `better` or `worse` (`higher`, `lower` without a polarity; `best`, `worst`
---beyond 99.8% with two_level).
---@param p? rules.BenchmarkParams
---@return rules.Rule
function rules.benchmark(p) end

---------------------------------------------------------------------------------------------
-- (d2) survey percentages

---@class rules.SurveyParams
---@field against? "comparator"|"previous" the comparator's value for the period (default), or the area's own previous survey (a series break between them is not_comparable)
---@field se? "interval"|"responses" each standard error from the 95% limits, (upper - lower) / 3.92 (default), or from the unweighted responses in the denominator, sqrt(deff p (1 - p) / n)
---@field design_effect? number se = "responses" only: the design effect, more than 0 (default 1)
---@field level? number the significance level (default 0.95; with se = "interval" only 0.95)

---Public Health Scotland's test of two weighted survey percentages: z = difference /
---sqrt(se_a^2 + se_b^2), the difference in whole percentage points: `better`, `similar`,
---`worse` (`higher`, `lower` without a polarity).
---@param p? rules.SurveyParams
---@return rules.Rule
function rules.survey(p) end

---------------------------------------------------------------------------------------------
-- (e) quintiles among peers

---@class rules.QuintileParams
---@field min_areas? integer the fewest areas with a value for quintiles to be drawn (default 5)

---Fingertips quintiles among every scored area: `best`, `better`, `middle`, `worse`, `worst`
---(`lowest` ... `highest` without a polarity).
---@param p? rules.QuintileParams
---@return rules.Rule
function rules.quintile(p) end

---------------------------------------------------------------------------------------------
-- (e2) the funnel plot

---@class rules.FunnelParams
---@field kind? "proportion"|"ratio"|"isr"|"dsr"|"crude" numerator of denominator (default); observed numerator against expected denominator; or events in the numerator with the rate as the value (the population as the denominator where there are no events)
---@field multiplier? number the value's scale (default 100; 100000 for "dsr" and "crude")
---@field min_areas? integer the fewest areas with the counts a funnel needs (default 5)

---Each area against funnel limits drawn around the average of every scored area, at its own
---size (PHEindicatormethods assign_funnel_significance): `best`, `worst` beyond 99.8%,
---`better`, `worse` beyond 95% (`higher`, `lower` without a polarity), `similar` inside.
---@param p? rules.FunnelParams
---@return rules.Rule
function rules.funnel(p) end

---------------------------------------------------------------------------------------------
-- (f) recent trend

---@class rules.TrendParams
---@field points? integer the last points the trend is read over (default 5)
---@field level? number the significance level (default 0.998)

---The Fingertips recent trend over the last points: `improving`, `worsening`,
---`no_significant_change` (`increasing`, `decreasing` without a polarity). A series break
---within them is not_comparable.
---@param p? rules.TrendParams
---@return rules.Rule
function rules.trend(p) end

---------------------------------------------------------------------------------------------
-- (g) statistical process control

---A Making Data Count chart of the series (XmR, or with `chart` a p, p', u, u' or c chart
---from each point's numerator and denominator): the assessment is the variation icon
---(`common_cause`, `improvement_high`, ...), grey unless `colours` maps it, and the reason is
---in Making Data Count's words. The options are stats.spc's (a misspelt one is an error at
---load), with `rebase`, `exclude` and `targets` given by period label; `improvement`
---defaults to the polarity's.
---@param p? stats.SpcOptions
---@return rules.Rule
function rules.spc(p) end

---------------------------------------------------------------------------------------------
-- (h) published scores and flags

---@class rules.ScoreParams
---@field best? number the best end of the publisher's scale (default 1); must be below worst
---@field worst? number the worst end (default 4)

---A score as the publisher gives it (NHS Oversight Framework metric scores): `scored`, its
---value the rule's score for r.rollup.mean_score; a value off the scale is unreliable.
---@param p? rules.ScoreParams
---@return rules.Rule
function rules.score(p) end

---@class rules.FlagParams
---@field meaning? string what a 1 means, in the reason (default "flagged")

---A 0/1 flag the publisher gives: `flagged` or `not_flagged` (grey), for a mean score's cap;
---any other value is unreliable.
---@param p? rules.FlagParams
---@return rules.Rule
function rules.flag(p) end

---------------------------------------------------------------------------------------------
-- compound rules and custom functions

---The worst of two or more rules (met > near > not_met); a part's status without an
---assessment is the result. Every part's reason is kept.
---@param parts rules.Rule[]
---@return rules.Rule
function rules.all(parts) end

---The best of two or more rules; a part's status without an assessment is the result.
---@param parts rules.Rule[]
---@return rules.Rule
function rules.any(parts) end

---A rule of your own: `fn(ctx)` returns {assessment = ..., reason = ...} or {status = ...,
---reason = ...}. `p` is recorded as its parameters. (A bare function as an indicator's rule
---works too, without the record of where it was built.)
---@param fn fun(ctx: scorecard.Context): scorecard.Verdict
---@param p? table
---@return rules.Rule
function rules.custom(fn, p) end

---------------------------------------------------------------------------------------------
-- colours

---@class rules.colours
rules.colours = {}

---The default colour map: green for met, better, best, improving; amber for near, similar,
---middle, no_change; red for not_met, worse, worst, worsening; grey for results without a
---judgement (no polarity, SPC icons, scores and flags).
---@type table<string, scorecard.Colour>
rules.colours.default = {}

---------------------------------------------------------------------------------------------
-- roll-ups

---@class rules.rollup
rules.rollup = {}

---The worst colour among the children with a colour.
---@type rules.Rollup
rules.rollup.worst_of = {}

---No colour: the counts, e.g. "3 green, 1 amber, 0 red, 2 without a colour".
---@type rules.Rollup
rules.rollup.count_summary = {}

---@class rules.MajorityParams
---@field tie? "worse"|"better" which of the colours with the most children wins (default "worse")
---@field min_coverage? number a share (0 to 1): with fewer coloured children the parent is grey (insufficient_data)

---The most frequent colour among the children.
---@param p? rules.MajorityParams
---@return rules.Rollup
function rules.rollup.majority(p) end

---Points per colour of a weighted roll-up.
---@class rules.RollupScores
---@field red? number default 0
---@field amber? number default 1
---@field green? number default 2

---@class rules.WeightedParams
---@field weights? table<string, number> weight by indicator or outcome id, 0 or more (default 1)
---@field scores? rules.RollupScores points per colour (default {red = 0, amber = 1, green = 2})
---@field green? number a weighted mean from this is green (default 1.5)
---@field amber? number a weighted mean from this, below green, is amber (default 0.5); below it red
---@field min_coverage? number a share (0 to 1): with fewer coloured children the parent is grey (insufficient_data)

---The weighted mean of the children's points, cut at green and amber.
---@param p? rules.WeightedParams
---@return rules.Rollup
function rules.rollup.weighted(p) end

---A roll-up of your own: `fn(children)` returns "green", "amber", "red" or "grey".
---@param fn fun(children: scorecard.RollupChild[]): scorecard.Colour
---@return rules.Rollup
function rules.rollup.custom(fn) end

---@class rules.MeanScoreCap
---@field indicator string an indicator judged by r.flag: an area whose flag is not 0 is put in `segment` when its mean would put it higher
---@field segment integer the segment (1 = best, up to the number of segments)

---@class rules.MeanScoreParams
---@field decimals? integer places the mean is rounded to, half away from zero (0 to 6, default 2)
---@field segments? number[]|"quartiles" cut points in increasing order: segment k + 1 when the mean is above k of them (a mean on a cut point is in the better segment); or "quartiles" of the means of the framework's cohort
---@field colours? scorecard.Colour[] one colour per segment (required with segments); without segments the colour is grey
---@field over? "indicators"|"outcomes" for the framework's roll-up: average its indicators' scores (default) or its outcomes' means
---@field cap? rules.MeanScoreCap a flag that caps the segment (needs segments)

---The mean of the children's scores (r.score, or any rule returning `score`), cut into
---segments: the NHS Oversight Framework's average metric score.
---@param p? rules.MeanScoreParams
---@return rules.Rollup
function rules.rollup.mean_score(p) end

---@class rules.WorstOfWithParams
---@field min_coverage? number a share (0 to 1): with fewer coloured children the parent is grey (insufficient_data)

---worst_of with a minimum coverage.
---@param p? rules.WorstOfWithParams
---@return rules.Rollup
function rules.rollup.worst_of_with(p) end

---------------------------------------------------------------------------------------------
-- test cases, metrics, frameworks

---One observation of a test case's data: {indicator, area, period, value} and any other field
---of `extra` (numerator, lower_ci, status, series_break, ...).
---@param indicator string
---@param area string
---@param period string
---@param value? number|string a string keeps its decimals as written ("68.40")
---@param extra? scorecard.RowFields
---@return scorecard.Row
function rules.row(indicator, area, period, value, extra) end

---An indicator of a metric judged more than one way: the metric's fields, then the
---indicator's own, which win; `notes` are joined (the metric's first).
---@param metric scorecard.IndicatorFields
---@param spec scorecard.IndicatorFields
---@return scorecard.Indicator
function rules.indicator(metric, spec) end

---A framework: marks where it was built and fills in colours (r.colours.default) and rollup
---(r.rollup.worst_of) when not given.
---@param spec scorecard.Framework
---@return scorecard.Framework
function rules.framework(spec) end

---A framework built on another (require "frameworks.ID"), without copying it: `indicators`
---are added, `override` replaces fields of the base's indicators by id, `outcomes` adds to the
---base's (with `add`) or appends new ones; any other field replaces the base's. The result
---records extends = "ID@version".
---@param base scorecard.Framework
---@param spec rules.ExtendSpec
---@return scorecard.Framework
function rules.extend(base, spec) end

return rules
