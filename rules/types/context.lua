---@meta _
-- What a rule sees and returns (engine/lua/rule_call.c, lpoint.c): the `ctx` of
-- rule.assess(ctx) and of a custom rule's function, the points and series in it, the peers of
-- rule.prepare(peers, info), the children of a custom roll-up, and the verdict a rule returns.
-- tests/unit/test_luals.c runs a framework that reports every key it is given and checks each
-- is a field below.

---------------------------------------------------------------------------------------------
-- words

---A polarity as the engine settles it (the indicator's `polarity` word, read).
---@alias scorecard.Polarity "higher"|"lower"|"none"

---The polarity words a framework may write (core/vocab.c; stats accepts the same words).
---@alias scorecard.PolarityWord
---| "higher"
---| "high"
---| "high_good"
---| "higher_is_better"
---| "lower"
---| "low"
---| "low_good"
---| "lower_is_better"
---| "none" # no judgement
---| "no_judgement"
---| "neutral"

---A colour of the scorecard.
---@alias scorecard.Colour "green"|"amber"|"red"|"grey"

---The status of an observation as imported (io/obs.c).
---@alias scorecard.PointStatus "ok"|"suppressed"|"missing"|"provisional"|"revised"

---The type of a period as stored (io/period.c).
---@alias scorecard.PeriodType
---| "fy" # financial year, 1 April to 31 March
---| "pooled_fy" # consecutive financial years pooled
---| "calendar_year"
---| "pooled_years" # consecutive calendar years pooled
---| "fy_quarter" # Q1 = April to June
---| "calendar_quarter" # Q1 = January to March
---| "month"
---| "survey_wave"
---| "school_year" # 1 August to 31 July
---| "snapshot" # a count date
---| "week"

---Why a rule could not judge (core/vocab.c): a word outside this list stops the run.
---Statuses are never coloured: they are grey, with the reason saying which.
---@alias scorecard.Status
---| "not_reported" # defined by the framework, published by nobody
---| "missing" # no observation, or a missing value
---| "suppressed" # withheld by the publisher
---| "unreliable" # too uncertain, or not aggregable, to judge
---| "not_comparable" # a series break or a changed definition
---| "insufficient_data" # too few points or areas for the method
---| "not_compared" # no interval or comparator value to judge by
---| "not_applicable" # before the rule's first target; a rule that needs a polarity
---| "no_target" # no target or plan for the area or period
---| "stale_target" # judged against a target older than allowed (kept with an assessment)
---| "not_available" # the latest observation is older than the period allows

---What a returned `comparator` number is (core/vocab.c).
---@alias scorecard.ComparatorKind
---| "area" # another area's value (comparator_area names it when the rule holds it itself)
---| "target" # a target or plan
---| "baseline" # the area's own earlier value
---| "value" # any other number

---An assessment: any word the framework's colour map knows. These are the library's
---(r.colours.default); a custom rule may return others the framework's `colours` maps.
---@alias scorecard.Assessment
---| "met" | "near" | "not_met"
---| "better" | "similar" | "worse" | "best" | "worst"
---| "higher" | "lower"
---| "middle" | "lowest" | "low" | "high" | "highest"
---| "improving" | "no_change" | "worsening"
---| "increasing" | "decreasing" | "no_significant_change"
---| "common_cause" | "improvement_high" | "improvement_low" | "concern_high" | "concern_low"
---| "neutral_high" | "neutral_low"
---| "scored" | "flagged" | "not_flagged"
---| string

---------------------------------------------------------------------------------------------
-- observations

---One observation, a fresh table on every call: changing it changes nothing in the engine.
---Absent values are nil (never NaN). ctx.point, the points of ctx.series and of
---`data.series` (in `scorecard eval`) all have these fields.
---@class scorecard.Point
---@field period string the period's label as published ("2023/24", "2023 Q2")
---@field period_type scorecard.PeriodType
---@field start string first day, YYYY-MM-DD
---@field end string last day, YYYY-MM-DD (read it as point["end"])
---@field value? number the value as published
---@field value_text? string the value as written in the source file ("68.40"): its decimals count for the PfG change rule
---@field numerator? number
---@field denominator? number
---@field lower? number lower 95% confidence limit
---@field upper? number upper 95% confidence limit
---@field lower_998? number lower 99.8% limit
---@field upper_998? number upper 99.8% limit
---@field status scorecard.PointStatus
---@field series_break boolean true when this point starts a new series (not comparable with the points before it)
---@field provisional boolean status == "provisional"
---@field derived boolean built from member areas (the indicator's `derive`), not published for the area

---The comparator's point for the same period (ctx.comparator).
---@class scorecard.ComparatorPoint: scorecard.Point
---@field area string the comparator area's code
---@field name? string its name

---One scored area's point among its peers (rule.prepare).
---@class scorecard.Peer: scorecard.Point
---@field area string the area's code

---What rule.prepare is told besides the peers.
---@class scorecard.PrepareInfo
---@field polarity scorecard.Polarity the indicator's polarity
---@field period string the scorecard period's label

---One area's series of the indicator, oldest first: read-only, and valid during the call only
---(a series kept for later raises "a series was used after its evaluation ended"). Labels
---(`at`, `last`'s upto, `breaks_between`, `count_after`) match the point so labelled, or else the
---point of the same days and type however the file wrote them ("April 2023" for "2023-04"); a
---quarter ("2023 Q2") or a year pair ("2022-23") must be written as the file writes it.
---`#series` is series:len().
---@class scorecard.Series
---@operator len: integer
local Series = {}

---The number of points (every period, with or without a value).
---@return integer
function Series:len() end

---The i-th point (1 = oldest), or nil outside 1..len.
---@param i integer
---@return scorecard.Point?
function Series:point(i) end

---The point labelled `label`, or nil.
---@param label string
---@return scorecard.Point?
function Series:at(label) end

---The last `n` points that have a value, oldest first, up to and including the point labelled
---`upto` (all when nil or not found). Unless the indicator declares its `frequency`, only
---points of `upto`'s period type count (a trend never mixes years with quarters).
---@param n integer
---@param upto? string
---@return scorecard.Point[]
function Series:last(n, upto) end

---The values of the points `last` would keep (every one up to `upto`), oldest first.
---@param upto? string
---@return number[]
function Series:values(upto) end

---The values as written in the source file, of every point that has one, oldest first.
---@return string[]
function Series:value_texts() end

---Whether a point after `a`, up to and including `b`, starts a new series (false when `a` is
---not found).
---@param a string
---@param b string
---@return boolean
function Series:breaks_between(a, b) end

---The number of points after `a` up to and including `b` (the PfG "cumulative" count); 0 when
---either is not found or `b` is not after `a`.
---@param a string
---@param b string
---@return integer
function Series:count_after(a, b) end

---------------------------------------------------------------------------------------------
-- what a rule gets and gives

---What rule.assess(ctx) (and a custom rule's function) receives, once per indicator and area.
---@class scorecard.Context
---@field area string the area's code
---@field area_name string its name
---@field period string the scorecard period's label (the point judged may be an older period: see point.period)
---@field period_start string the scorecard period's first day, YYYY-MM-DD
---@field period_end string its last day, YYYY-MM-DD
---@field polarity scorecard.Polarity the indicator's polarity
---@field indicator scorecard.Indicator the indicator's table as the framework declared it
---@field point scorecard.Point the observation judged: the latest ending on or before the period's end
---@field comparator? scorecard.ComparatorPoint the comparator's point for the same period; nil when it has none
---@field series scorecard.Series the area's series
---@field prepared? any what the rule's prepare(peers, info) returned for this indicator and period
---@field decimals? integer the places the pages show the indicator's figures with (its declared `decimals`, else the most any of its values has as published); absent when none is known

---What a rule returns: an assessment (coloured by the framework's colour map) with its reason,
---or a status (never coloured) with its reason. Assessments, statuses and reasons are cut to
---4 KiB; details to 256 KiB as JSON.
---@class scorecard.Verdict
---@field assessment? scorecard.Assessment the judgement; its colour comes from the framework's `colours`
---@field status? scorecard.Status why there is no judgement (or, with an assessment, a flag such as "stale_target")
---@field reason? string in plain words, shown with the result
---@field comparator? number the number the value was judged against
---@field comparator_kind? scorecard.ComparatorKind what `comparator` is; unsaid, a number equal to the comparator area's value is that area's, any other a "value"
---@field comparator_area? string the code of the area whose value `comparator` is, when the rule holds it itself
---@field score? number a finite number (at most 1e12 in size) that r.rollup.mean_score averages
---@field details? table the rule's own numbers, kept with the result; `lower` and `upper` there are read as the interval judged, and an SPC result (`points`, `mean`, `lpl`, `upl`, `options`) as its chart

---A child of a custom roll-up (r.rollup.custom): an indicator or outcome and its colour.
---@class scorecard.RollupChild
---@field id string the indicator's or outcome's id
---@field colour scorecard.Colour
