---@meta _
-- The `stats` library (engine/lua/lstats.c; docs/stats.md documents every method and its
-- reference implementation). A programming error (a wrong type, a negative count, x > n, an
-- unknown option) raises an error naming the function. A statistical no-result is not an
-- error: the table has `status` and `reason`, and `status` is set only then, so
-- `if r.status then ... end` tests for "no result". A value that does not exist is nil, never
-- NaN or infinite. Confidence levels are fractions in [0.9, 1) or percentages 90..100 (99.8
-- is 0.998); default 0.95. Arguments are read raw (no metamethod runs), and in arrays of
-- values `false` is a missing value.
-- tests/unit/test_luals.c checks every function, option and result field below against the
-- library.

---@class statslib
stats = {}

---A statistical no-result (`status` is set only when there is no result).
---@alias stats.Status "missing"|"unreliable"|"insufficient_data"|"not_compared"

---A direction of improvement: "increase" or "decrease"; "increasing", "decreasing" and the
---polarity words that judge (higher, low_good, ...) are read the same way.
---@alias stats.Direction
---| "increase"
---| "decrease"
---| "increasing"
---| "decreasing"
---| "higher" | "high" | "high_good" | "higher_is_better"
---| "lower" | "low" | "low_good" | "lower_is_better"

---------------------------------------------------------------------------------------------
-- intervals

---An interval result (proportion, rate, count, dsr, dsr_nonindependent, isr, mean).
---@class stats.Interval
---@field status? stats.Status set only when there is no value
---@field reason? string why, with status
---@field value? number the statistic, times the multiplier
---@field lower? number lower limit at `level`
---@field upper? number upper limit at `level`
---@field level? number the level used, as a fraction
---@field lower95? number lower 95% limit, whatever the level
---@field upper95? number upper 95% limit
---@field lower998? number lower 99.8% limit
---@field upper998? number upper 99.8% limit
---@field method? string as PHEindicatormethods stamps it: "Wilson", "Byars", "Exact", "Dobson", "Dobson, with confidence adjusted for non-independent events", "Student's t-distribution"
---@field statistic? string "proportion", "percentage", "rate per 100000", "dsr per 100000", "indirectly standardised ratio x 1", "mean"; for a suppressed DSR the reference's text
---@field count? number the events behind the statistic (O, x), or the number of values of a mean
---@field denominator? number n, the total population, or the expected count E
---@field multiplier? number the multiplier applied
---@field sd? number means only: the sample standard deviation

---A directly standardised rate.
---@class stats.Dsr: stats.Interval
---@field bands integer the age bands used

---Wilson score interval for x events of n (PHEindicatormethods phe_proportion).
---Errors: x < 0, n < 0, x > n; n = 0 is insufficient_data. Level 1 gives [0, 1].
---@param x number events
---@param n number denominator
---@param level? number default 0.95
---@param multiplier? number default 1 (100 gives percentages)
---@return stats.Interval
function stats.proportion(x, n, level, multiplier) end

---Crude rate x / n x multiplier with Byar's limits from 10 events, exact Poisson below
---(phe_rate). x > n is allowed; n = 0 is insufficient_data.
---@param x number events
---@param n number population
---@param multiplier? number default 100000
---@param level? number default 0.95
---@return stats.Interval
function stats.rate(x, n, multiplier, level) end

---Byar's / exact limits of an observed count (value = o).
---@param o number the observed count
---@param level? number default 0.95
---@return stats.Interval
function stats.count(o, level) end

---Directly standardised rate with Dobson limits (calculate_dsr), per multiplier. Counts and
---populations are arrays by band (with standard nil or "esp2013": all 19 ESP2013 bands 0-4 ...
---90+, or an array of weights of the same length), or tables keyed by band label
---({["65-69"] = 12}), joined to the standard by label. Fewer than 10 events in total is
---unreliable (value and limits suppressed).
---@param counts (number|false)[]|table<string, number|false>
---@param populations number[]|table<string, number>
---@param standard? "esp2013"|number[]|table<string, number> default the European Standard Population 2013
---@param level? number default 0.95
---@param multiplier? number default 100000
---@return stats.Dsr
function stats.dsr(counts, populations, standard, level, multiplier) end

---The DSR for non-independent events (independent_events = FALSE): persons[f] is an array by
---band of the people with f events. Arrays by position only.
---@param persons table<integer, (number|false)[]>
---@param populations number[]
---@param standard? "esp2013"|number[] default the European Standard Population 2013
---@param level? number default 0.95
---@param multiplier? number default 100000
---@return stats.Interval
function stats.dsr_nonindependent(persons, populations, standard, level, multiplier) end

---Expected events for indirect standardisation, sum of pop_i x ref_count_i / ref_pop_i (a
---missing population or reference count counts 0). The three arrays have as many bands.
---@param populations (number|false)[]
---@param ref_counts (number|false)[]
---@param ref_populations (number|false)[]
---@return number
function stats.expected(populations, ref_counts, ref_populations) end

---Indirectly standardised ratio O / E x multiplier with Byar's / exact limits
---(calculate_ISRatio); E = 0 is insufficient_data. For an indirectly standardised rate pass
---the reference rate x 100000 as the multiplier.
---@param observed number
---@param expected number
---@param level? number default 0.95
---@param multiplier? number default 1
---@return stats.Interval
function stats.isr(observed, expected, level, multiplier) end

---Mean with Student's t limits (phe_mean); false entries are skipped; fewer than two values
---is insufficient_data.
---@param values (number|false)[]
---@param level? number default 0.95
---@return stats.Interval
function stats.mean(values, level) end

---------------------------------------------------------------------------------------------
-- quantiles

---Fingertips category bounds: [1..k] the upper bounds, 1 the best with a polarity.
---@class stats.Quantiles
---@field [integer] number the upper bound of category i (the last is the maximum)
---@field status? stats.Status insufficient_data with fewer than max(k, 4) values
---@field reason? string
---@field min? number the smallest value
---@field n integer the valid values
---@field k? integer the number of categories
---@field method? "fingertips"
---@field categories? table<integer, integer> the category of each input value, by position (nil for a missing one)

---Fingertips quantile categories (QuintilesComparer): bounds at the i/k percentiles, rounded
---to 10 places; with a polarity of high_good the order is reversed so 1 is always the best.
---@param values (number|false)[]
---@param k integer 2 to 100
---@param polarity? scorecard.PolarityWord
---@return stats.Quantiles
function stats.quantiles(values, k, polarity) end

---@class stats.PheQuantiles
---@field status? stats.Status insufficient_data with fewer values than quantiles
---@field reason? string
---@field quantiles? table<integer, integer> the quantile of each input value, by position (nil for a missing one)
---@field nq? integer
---@field invert? boolean
---@field method? "phe_quantile"

---PHEindicatormethods phe_quantile: ranks with ties at the minimum; `invert` (default true)
---puts the highest value in quantile 1.
---@param values (number|false)[]
---@param nq integer the number of quantiles, 1 or more
---@param invert? boolean default true
---@return stats.PheQuantiles
function stats.phe_quantile(values, nq, invert) end

---------------------------------------------------------------------------------------------
-- benchmarking

---@class stats.Comparison
---@field status? stats.Status not_compared when the interval or the comparator is missing
---@field reason? string
---@field outcome? "similar"|"higher"|"lower"|"better"|"worse"|"best"|"worst"
---@field polarity? "high_good"|"low_good"|"no_judgement"
---@field significance? "95%"|"99.8%" the level the difference is significant at, when not similar
---@field levels? integer 1, or 2 with the 99.8% limits

---The Fingertips comparer: the comparator inside the interval, bounds included, is similar;
---wholly below it lower, above higher; a polarity maps these to better or worse. With the
---99.8% limits too: outside both is best or worst. Error: lower > upper.
---@param value number? not used in the judgement; accepted so the call reads like the data
---@param lower number?
---@param upper number?
---@param comparator number?
---@param polarity? scorecard.PolarityWord
---@param lower998? number
---@param upper998? number
---@return stats.Comparison
function stats.compare(value, lower, upper, comparator, polarity, lower998, upper998) end

---@class stats.SpcCompareOptions
---@field kind? "proportion"|"dsr" default "proportion"
---@field value? number the area's value (per the multiplier)
---@field denominator? number the area's denominator, or its population for a DSR
---@field comparator? number the comparator's value (per the multiplier)
---@field multiplier? number the indicator's unit (default 100 for a proportion, 100000 for a DSR)
---@field polarity? scorecard.PolarityWord maps higher and lower to better and worse

---@class stats.SpcComparison
---@field status? stats.Status set only when there is no comparison
---@field reason? string
---@field method string "SPC for proportions" or "SPC for DSRs"
---@field expected? number the events the area would have at the comparator's value
---@field lower95? number the control limits around the comparator for an area of this size, times the multiplier
---@field upper95? number
---@field lower998? number
---@field upper998? number
---@field outcome? "similar"|"higher"|"lower"|"better"|"worse"|"best"|"worst" both levels
---@field outcome95? "similar"|"higher"|"lower"|"better"|"worse" at 95%
---@field outcome998? "similar"|"higher"|"lower"|"better"|"worse" at 99.8%
---@field significance? "95%"|"99.8%" when not similar

---Fingertips' SPC comparers (methods 5 and 6): control limits around the comparator for an
---area of this size, and where the area's value lies against them.
---@param options stats.SpcCompareOptions
---@return stats.SpcComparison
function stats.spc_compare(options) end

---One point of stats.previous: a value and its 95% limits.
---@class stats.PreviousPoint
---@field value? number
---@field lower? number lower 95% limit
---@field upper? number upper 95% limit
---@field lower95? number read before lower
---@field upper95? number read before upper

---@class stats.Previous
---@field status? stats.Status missing (a value), not_compared (no 95% interval), insufficient_data (fewer than two points)
---@field reason? string
---@field method string "overlapping 95% confidence intervals"
---@field outcome? "increasing"|"decreasing"|"no_significant_change"
---@field judgement? "improving"|"worsening" with a polarity, when the change is significant
---@field latest? number
---@field previous? number
---@field difference? number latest - previous
---@field overlap? boolean the two 95% intervals overlap (touching counts)

---Fingertips' change from the previous period: the last point against the one before it, no
---significant change when their 95% intervals overlap.
---@param points stats.PreviousPoint[] oldest first; the last two are compared
---@param polarity? scorecard.PolarityWord adds `judgement`
---@return stats.Previous
function stats.previous(points, polarity) end

---------------------------------------------------------------------------------------------
-- funnel plots, life expectancy, the slope index of inequality

---@class stats.FunnelOptions
---@field kind? "proportion"|"ratio"|"isr"|"dsr"|"crude" numerators of denominators; observed against expected counts (limits as O/E - 1, or as 100 O/E for "isr"); or events with a directly standardised or crude rate (default "proportion")
---@field numerators (number|false)[] x, O, or a rate's events, one per area
---@field denominators? (number|false)[] n, E, or a rate's populations (required except for rates)
---@field rates? (number|false)[] rates only (required): each area's rate per multiplier
---@field multiplier? number scales proportions and rates (default 100; 100000 for rates)
---@field years? number rates: the years of data, so populations are of one year (default 1)
---@field polarity? scorecard.PolarityWord maps each area's position to better/worse, best/worst

---One x-axis point of a funnel chart and its limits.
---@class stats.FunnelRow
---@field x number the population (proportions), observed events (ratios) or events (rates)
---@field lower95? number
---@field upper95? number
---@field lower998? number
---@field upper998? number
---@field lower95_at? number where x lies on the limit: ratios the expected events, rates the population of one year
---@field upper95_at? number
---@field lower998_at? number
---@field upper998_at? number

---@class stats.Funnel
---@field status? stats.Status insufficient_data without records, or without events for a rate
---@field reason? string
---@field kind string as given
---@field statistic string "proportion", "ratio (count)", "ratio (isr)", "rate (dsr per 100,000)", ...
---@field method string "Wilson" or "Poisson"
---@field multiplier number
---@field average? number what the areas are held against
---@field baseline? number the average times the multiplier (not for ratios)
---@field axis_min? number
---@field axis_max? number
---@field positions ("no_value"|"high_998"|"high_95"|"low_998"|"low_95"|"not_significant"|"not_applicable")[] each area's position, in input order
---@field labels string[] each area's position as PHEindicatormethods words it ("High (0.001)", "Not significant", ...)
---@field outcomes string[] each area's position as an outcome: best/worst beyond 99.8%, better/worse beyond 95% (higher/lower without polarity), similar, not_compared
---@field limits? stats.FunnelRow[] the chart's 100 points

---A funnel plot as PHEindicatormethods v2.1.0 draws it (calculate_funnel_limits,
---assign_funnel_significance).
---@param options stats.FunnelOptions
---@return stats.Funnel
function stats.funnel(options) end

---@class stats.LifeExpectancyOptions
---@field deaths (number|false)[] deaths by age band
---@field populations (number|false)[] populations by age band, as many
---@field ages? (number|string)[] each band's start age, or its label ("10-14", "90+"); default the 20 bands 0, 1-4, 5-9, ..., 90+
---@field level? number default 0.95

---Life expectancy at the start of one band.
---@class stats.LifeExpectancy
---@field status? stats.Status set only when there is no value
---@field reason? string
---@field start_age number the age the expectancy is at
---@field value? number years of life expected at start_age
---@field lower? number
---@field upper? number
---@field level number
---@field lower95? number
---@field upper95? number
---@field lower998? number
---@field upper998? number
---@field se? number the standard error of the estimate
---@field population? number of this band and every older one
---@field deaths? number of this band and every older one
---@field method string "Chiang, using Silcocks et al for confidence limits"

---Life expectancy by Chiang's abridged life table with Silcocks et al's variance
---(phe_life_expectancy): one result per band, in band order.
---@param options stats.LifeExpectancyOptions
---@return stats.LifeExpectancy[]
function stats.life_expectancy(options) end

---@class stats.SiiOptions
---@field populations number[] one area's quantiles in order, most deprived first (5 to 100), each above 0
---@field values? number[] the indicator's value in each quantile
---@field counts? number[] a proportion's events, when values are not given
---@field lower? number[] 95% limits of each value (unless se is given)
---@field upper? number[]
---@field se? number[] standard errors, used instead of the limits
---@field type? "normal"|"rate"|"proportion" default "normal"
---@field transform? boolean fit on the log (rate) or logit (proportion) scale; needs limits, not se (default false)
---@field multiplier? number scales the SII and its limits; below 0 inverts the RII (default 1)
---@field repetitions? integer simulated samples, 1000 to 1000000 (default 100000)
---@field levels? number[] confidence levels, 1 to 8 (default {0.95})
---@field rii? boolean also the RII's limits (default false)
---@field reliability? boolean ten blocks and a MAD per level (default false)
---@field seed? integer the simulation's seed, 0 to 2^53 (default 1)
---@field quantiles? integer the quantiles of the data set (default: as many as given); an area with fewer has no SII

---One level's limits of the SII.
---@class stats.SiiLimits
---@field level number as a fraction
---@field sii_lower? number
---@field sii_upper? number
---@field rii_lower? number with rii
---@field rii_upper? number
---@field sii_mad? number with reliability
---@field rii_mad? number

---@class stats.Sii
---@field status? stats.Status set only when there is no SII
---@field reason? string
---@field note? string upstream's warning for more than 10 quantiles
---@field type? "normal"|"rate"|"proportion"
---@field transform? "log"|"logit"|"none"
---@field quantiles integer
---@field repetitions integer
---@field multiplier? number
---@field sii? number the slope index of inequality
---@field rii? number the relative index of inequality
---@field intercept? number the fitted value at rank 0
---@field limits stats.SiiLimits[] in the order the levels were given

---The slope and relative indices of inequality of one area (phe_sii), with simulated
---confidence limits.
---@param options stats.SiiOptions
---@return stats.Sii
function stats.sii(options) end

---------------------------------------------------------------------------------------------
-- survey percentages

---One side of stats.survey: a percentage with its published interval, or with its unweighted
---responses and design effect.
---@class stats.SurveySide
---@field value? number the percentage (nil: not_compared)
---@field lower? number lower 95% limit (the standard error from the interval)
---@field upper? number upper 95% limit
---@field n? number unweighted responses (the standard error from them)
---@field deff? number design effect with n (default 1)

---@class stats.SurveyOptions
---@field level? number default 0.95
---@field polarity? scorecard.PolarityWord maps higher and lower to better and worse

---@class stats.SurveyTest
---@field status? stats.Status not_compared without a value, a comparator value, or a standard error
---@field reason? string
---@field outcome? "similar"|"higher"|"lower"|"better"|"worse"
---@field z? number the z statistic (nil without variance)
---@field se? number the difference's standard error
---@field difference? number the difference in whole percentage points
---@field significant? boolean
---@field se_from? "interval"|"responses"|"mixed"

---Public Health Scotland's test of two survey percentages: z = (p - q) / sqrt(se_p^2 +
---se_q^2), significant at the level, the difference in whole points (a significant difference
---under half a point is similar).
---@param area stats.SurveySide
---@param comparator stats.SurveySide
---@param options? stats.SurveyOptions
---@return stats.SurveyTest
function stats.survey(area, comparator, options) end

---------------------------------------------------------------------------------------------
-- recent trend

---One point of stats.trend: a value with its 95% limits, or counts.
---@class stats.TrendPoint
---@field value? number
---@field lower? number lower 95% limit
---@field upper? number upper 95% limit
---@field lower95? number read before lower
---@field upper95? number read before upper
---@field numerator? number
---@field denominator? number
---@field x? number read before numerator
---@field n? number read before denominator

---@class stats.TrendOptions
---@field level? number default 0.998
---@field method? "auto"|"proportion"|"wls" "auto" (default): wls when five points have intervals, else proportion when five have counts
---@field polarity? scorecard.PolarityWord adds `judgement`
---@field unit? string "proportion" selects the proportion method under auto

---@class stats.Trend
---@field status? stats.Status insufficient_data with fewer than five usable points; unreliable when an interval has no width or a proportion is 0 or 1
---@field reason? string
---@field outcome? "increasing"|"decreasing"|"no_significant_change"
---@field judgement? "improving"|"worsening"|"no_significant_change" with a polarity
---@field method? string the method used
---@field chi2? number
---@field critical? number the critical value (9.5495... at 99.8%)
---@field slope? number
---@field significant? boolean
---@field consistent? boolean the slope keeps its sign in every leave-one-out refit
---@field level? number
---@field points? integer 5
---@field first? integer position of the first point used
---@field last? integer position of the last point used

---The Fingertips recent trend (TrendMarkerCalculator) over the five most recent usable points
---(oldest first): chi-square for linear trend on counts, or weighted least squares on values
---with intervals.
---@param points stats.TrendPoint[]
---@param level? number|stats.TrendOptions a level, or the options
---@param options? stats.TrendOptions with a level first
---@return stats.Trend
function stats.trend(points, level, options) end

---------------------------------------------------------------------------------------------
-- change against a baseline

---@class stats.ChangeOptions
---@field base? number|string the base value (a string keeps its decimals); nil: status missing
---@field latest? number|string the latest value; nil: status missing
---@field base_text? string the base as published, for its decimals
---@field latest_text? string the latest as published
---@field texts? (string|number)[] every value of the series: the decimals are the most written in it
---@field interval? number|string pfg: a number or "<k>c" (cumulative); direction: the tolerance. Default 0
---@field tolerance? number|string the same as interval
---@field periods_after_base? integer periods in the series after the base (needed by a cumulative interval)
---@field periods? integer the same as periods_after_base
---@field direction? stats.Direction required: the direction of improvement
---@field improvement? stats.Direction the same as direction
---@field mode? "pfg"|"direction" default "pfg"
---@field relative? boolean direction: the change as a percentage of the base
---@field zero_change_is? "improving"|"no_change" pfg: a zero change against interval 0 (default "improving")
---@field decimals? integer pfg: decimal places, 0 to 18 (default from the texts)

---@class stats.Change
---@field status? stats.Status missing when base or latest is nil; insufficient_data for a relative change from 0
---@field reason? string
---@field outcome? "improving"|"no_change"|"worsening"
---@field change? number latest - base (rounded as the dashboard rounds), or the percentage change
---@field threshold? number the interval the change was held to
---@field decimals? integer pfg: the decimal places used
---@field mode string
---@field interval? string pfg: the interval as text

---The NI Programme for Government change rule exactly (mode "pfg", on scaled integers from the
---text, bounds inclusive), or the MSG direction of travel (mode "direction", strict).
---@overload fun(base: number|string, latest: number|string, interval: number|string, direction: stats.Direction, options?: stats.ChangeOptions): stats.Change
---@param options stats.ChangeOptions
---@return stats.Change
function stats.change(options) end

---One period of stats.pfg's series.
---@class stats.PfgPoint
---@field label string the period label ("2019/20")
---@field value? number|string

---The whole PfG dashboard rule on a series in time order: the latest label equal to the base
---is no_change; a nil base_year, a base not in the series, or a null base or latest value is
---insufficient_data.
---@param series stats.PfgPoint[]
---@param base_year string?
---@param interval number|string a number or "<k>c"
---@param direction stats.Direction
---@return stats.Change
function stats.pfg(series, base_year, interval, direction) end

---------------------------------------------------------------------------------------------
-- statistical process control

---@class stats.SpcRules
---@field astronomical? boolean a point outside the process limits
---@field trend? boolean trend_n points each above (below) the one before
---@field two_in_three? boolean two of three points past two sigma, all on one side
---@field shift? boolean shift_n points on one side of the mean

---Options of stats.spc and r.spc (an unknown key is an error). The result's `options` has
---every one actually used.
---@class stats.SpcOptions
---@field chart? "xmr"|"p"|"pp"|"p'"|"u"|"up"|"u'"|"c" the chart (default "xmr"): individuals; proportions (p) and Laney's p' for large denominators; rates (u) and Laney's u'; counts (c). The count charts take numerators as values
---@field denominators? (number|false)[] stats.spc only: one per value (the trials or exposure); needed by p, pp, u and up; with an XmR chart the values plotted are values / denominators. r.spc takes each point's own
---@field rebase? integer[]|string[] the points where new limits start: stats.spc 1-based point numbers, increasing; r.spc period labels ("2020/21")
---@field exclude? integer[]|string[] points left out of the limits and runs but still judged (qicharts2 exclude): stats.spc point numbers; r.spc period labels
---@field targets? (number|false)[]|table<string, number> a target per point (false: none there), assurance reading the last point's: stats.spc one per value; r.spc period label to target, each applying from its period until the next
---@field short_n? integer segments with fewer points have trial limits and a warning (default 13, NHSRplotthedots)
---@field improvement? stats.Direction|"neutral"|"none" the direction of improvement (default "increase"; r.spc: the indicator's polarity)
---@field improvement_direction? stats.Direction|"neutral"|"none" the same as improvement
---@field target? number for the assurance icon
---@field shift_n? integer points on one side of the mean that are a shift (default 7; 2 to 1000)
---@field trend_n? integer points rising or falling that are a trend (default 7; 2 to 1000)
---@field two_sigma_mode? "between"|"beyond" "between": 2 to 3 sigma only (default, NHSRplotthedots); "beyond": any point past 2 sigma (MDC guidance from late 2023)
---@field screen_outliers? boolean drop moving ranges of 3.267 x the mean before the limits (default true)
---@field baseline_n? integer the first points the limits are fixed from (default all)
---@field fix_after_n_points? integer the same as baseline_n
---@field min_points? integer fewer points give insufficient_data (default 12)
---@field preset? "nhsrplotthedots"|"ptd_0_2_2"|"mdc_2023"|"mdc_excel"|"powerbi_spc"|"qicharts2" applied first: NHSRplotthedots' defaults; MDC's 2023 beyond-two-sigma; no screening; PowerBI-SPC's conventions (3 sigma = 3 AMR / 1.128, trend 5, two-in-three beyond 2 sigma, its precedence and icons); qicharts2 (3 sigma limits, astronomical points only, with the Anhoej runs analysis in `runs`)
---@field rules? stats.SpcRules which rules apply (default all)
---@field conflict? "precedence"|"prefer_improvement" a point hit by rules of both directions reads as the first rule's (default) or as improvement
---@field amr_limit? number XmR limits at the mean +- amr_limit x the average moving range (2.66 by default; 3 / 1.128 under powerbi_spc and qicharts2)

---One point of an SPC chart.
---@class stats.SpcPoint
---@field value number the value plotted (for p and u charts numerator / denominator; for c the count)
---@field type "common_cause"|"improvement"|"concern"|"neutral_high"|"neutral_low"
---@field rule? "astronomical"|"trend"|"two_in_three"|"shift" the rule that flagged it
---@field label string e.g. "Above UCL", "7 Point Trend (Increasing)"
---@field side integer +1 above or increasing, -1 below or decreasing, 0 neither
---@field cl number the centre line of its segment
---@field lpl number its lower process limit (p, u and c limits follow each point's denominator)
---@field upl number its upper process limit
---@field lower_2sigma number
---@field upper_2sigma number
---@field target? number its target
---@field segment integer its segment (1, and one more after each rebase)
---@field trial boolean its segment has fewer than short_n points: trial limits
---@field excluded boolean left out of the limits and runs
---@field period? string r.spc only: the period's label

---The Anhoej runs analysis of the last segment (qicharts2).
---@class stats.SpcRuns
---@field n_obs integer points analysed
---@field useful integer of those, not on the centre line
---@field longest_run integer
---@field longest_run_max integer round(log2(useful)) + 3
---@field crossings integer
---@field crossings_min integer qbinom(0.05, useful - 1, 0.5)
---@field signal boolean non-random variation

---@class stats.Spc
---@field status? stats.Status insufficient_data below min_points (always below 2)
---@field reason? string
---@field chart? "xmr"|"p"|"pp"|"u"|"up"|"c"
---@field n integer the points
---@field baseline_n? integer the points the limits come from
---@field mean? number the last segment's centre line
---@field amr? number the average moving range (of the z-scores for p' and u'; none for p, u and c)
---@field sigma_z? number p' and u': the spread of the z-scores, AMR(z) / 1.128
---@field moving_ranges? integer the moving ranges kept for the AMR
---@field lpl? number the last point's lower process limit
---@field upl? number the last point's upper process limit
---@field lower_2sigma? number
---@field upper_2sigma? number
---@field target? number the target assurance read (the last point's)
---@field special_cause? integer the points a rule flagged
---@field variation? "common_cause"|"improvement_high"|"improvement_low"|"concern_high"|"concern_low"|"neutral_high"|"neutral_low" the icon of the last point
---@field assurance? "consistent_pass"|"consistent_fail"|"inconsistent" with a target and a direction
---@field icons? string[] the variation icons to draw (one, or under powerbi_spc one per rule flagging the last point)
---@field segments? integer rebase groups
---@field short_segments? integer segments with trial limits
---@field trial? boolean the last segment has trial limits
---@field warning? string NHSRplotthedots' warning for short segments
---@field runs? stats.SpcRuns
---@field points? stats.SpcPoint[]
---@field unplaced_periods? string[] r.spc only: rebase, exclude or target periods not in the series
---@field options stats.SpcOptions every option used

---A control chart on values in time order (no gaps: a missing value is an error): XmR by
---default, reproducing NHSRplotthedots v0.2.2, or a p, p', u, u' or c chart on counts. SPC is
---not RAG: map `variation` and `assurance` to colours only through the framework's colour map.
---@param values number[] the values, or for a count chart the numerators
---@param options? stats.SpcOptions
---@return stats.Spc
function stats.spc(values, options) end

---------------------------------------------------------------------------------------------
-- other

---The two-sided normal critical value: z(0.95) = 1.959963984540054.
---@param level? number default 0.95 (below 1)
---@return number
function stats.z(level) end

---x rounded to `decimals` places (0 to 10, default 0), a half away from zero as the decimal
---number x prints as: stats.round(2.565, 2) = 2.57. |x| at most 1e15.
---@param x number
---@param decimals? integer
---@return number
function stats.round(x, decimals) end
