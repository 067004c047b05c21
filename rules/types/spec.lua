---@meta _
-- The tables a framework file and its tests.lua are made of: the framework, its outcomes and
-- indicators as engine/lua/framework.c reads them (any other key is an error), and the test
-- cases as `scorecard test` reads them (engine/cli/cmd_test.c). tests/unit/test_luals.c checks
-- these fields against the keys the engine accepts.

---The reporting period word of a framework (`period`).
---@alias scorecard.FrameworkPeriod
---| "year" # the financial year
---| "fy"
---| "financial_year"
---| "quarter" # the financial quarter
---| "fy_quarter"
---| "calendar_year"
---| "calendar_quarter"
---| "month"

---A period type an indicator's series keeps (`frequency`): a framework period word or a
---stored period type.
---@alias scorecard.Frequency scorecard.FrameworkPeriod|scorecard.PeriodType

---What the framework (or an indicator) compares with: an area code, or one of these.
---@class scorecard.ComparatorSpec
---@field area? string an area code (not with parent)
---@field parent? string each area's own parent of this area type ("region")
---@field breakdown? table<string, string>|string the comparator at this breakdown ({sex = "Female"} or "sex=Female"); alone, the area itself at that breakdown

---------------------------------------------------------------------------------------------
-- the framework

---Every field a framework table may hold, all optional (r.extend's changes, for one).
---@class scorecard.FrameworkFields
---@field kind? "framework" set by r.framework
---@field id? string the framework's identity, stored with every run with the SHA-256 of every file loaded
---@field version? string its edition ("2026.1")
---@field title? string shown on scorecards
---@field country? string shown on scorecards
---@field source? string where the framework is published
---@field scores? string the area type it scores ("hscp", "rpb", "lhb", "icb", "hwb", "hsc_trust", "lgd", "country", ...: `scorecard areas`)
---@field period? scorecard.FrameworkPeriod the reporting period type; a run's default period is the latest, ended by today, that at least half the indicators with data reach
---@field comparator? string|scorecard.ComparatorSpec the area benchmarks compare with; an indicator may set its own
---@field extends? string "ID@version" of the framework this one extends (set by r.extend)
---@field colours? table<string, scorecard.Colour> assessment -> colour; default r.colours.default. An assessment missing from the map is an error
---@field rollup? rules.Rollup how outcome colours make the area's colour; default r.rollup.worst_of
---@field outcomes? scorecard.Outcome[] the outcomes; every indicator must be in at least one
---@field indicators? scorecard.Indicator[] the indicators
---@field notes? string for readers
---@field assumptions? any the framework's named assumptions, for readers
---@field exports? any what the framework keeps for frameworks built on it (plan helpers, parameter tables); the engine never reads it
---@field latest_within? string how old an observation may be and still speak for a period: it must end within this span before the period's end ("2 years", "18 months", "4 quarters"; 1 to 100; default "2 years")

---A framework, as r.framework takes and returns it.
---@class scorecard.Framework: scorecard.FrameworkFields
---@field id string the framework's identity, stored with every run
---@field version string its edition
---@field scores string the area type it scores
---@field period scorecard.FrameworkPeriod the reporting period type
---@field outcomes scorecard.Outcome[] the outcomes
---@field indicators scorecard.Indicator[] the indicators

---An outcome: a group of indicators with a colour of its own.
---@class scorecard.Outcome
---@field id string
---@field title? string
---@field indicators string[] the ids of its indicators (an indicator may serve several outcomes)
---@field rollup? rules.Rollup how its indicators' colours make its colour; default the framework's rollup
---@field notes? string for readers

---------------------------------------------------------------------------------------------
-- indicators

---Every field an indicator table may hold, all optional (r.indicator's metric and changes,
---r.extend's overrides).
---@class scorecard.IndicatorFields
---@field id? string the indicator's id, unique in the framework
---@field title? string shown on scorecards
---@field unit? string shown with the value ("%", "per 100,000")
---@field series? string the indicator id in the store (default: id)
---@field definition? "confirmed"|"unconfirmed"|"not published" "unconfirmed" is listed by `check` and flagged in JSON and CSV; "not published" is always not_reported
---@field notes? string for readers: shown with the result and on published pages
---@field source? string for readers: where the figures come from
---@field derive? "sum"|"weighted_mean"|"count" build an area with no data of its own from its member areas: numerators and denominators summed (value = numerator / denominator x multiplier), values weighted by denominators, or values added
---@field not_aggregable? string with derive: why members' figures cannot be combined; a derived point is then unreliable, shown for information only
---@field comparator? string|scorecard.ComparatorSpec this indicator's comparator (default the framework's)
---@field multiplier? number for derived rates (1000 for "per 1,000"); default 1
---@field polarity? scorecard.PolarityWord required: the direction of improvement, or "none" for no judgement
---@field reported? boolean false: defined but not published (like definition = "not published")
---@field rule? rules.Rule|fun(ctx: scorecard.Context): scorecard.Verdict how a value is judged: a rule of the library, or a function (required unless not reported)
---@field latest_within? string this indicator's own window ("3 years" for a survey held every other year); default the framework's
---@field frequency? scorecard.Frequency|scorecard.Frequency[] the period types of its series (at most 16): points of other types are left out
---@field breakdown? table<string, string>|string the breakdown judged ({sex = "Female", age = "65+ yrs"} or "age=65+ yrs;sex=Female"); default all persons
---@field decimals? integer places the pages show its value, interval and comparator with (0 to 6); default as many as its figures have
---@field design_notes? string for the framework's designers: listed by `scorecard check`, never published

---An indicator of a framework.
---@class scorecard.Indicator: scorecard.IndicatorFields
---@field id string the indicator's id, unique in the framework
---@field polarity scorecard.PolarityWord the direction of improvement: "higher", "lower" or "none" (no judgement)

---------------------------------------------------------------------------------------------
-- extending a framework (r.extend)

---An outcome in r.extend's changes: an outcome of the base with `add`, or a new outcome.
---@class rules.ExtendOutcome
---@field id string the base's outcome to add to, or the new outcome's id
---@field add? string[] ids to add to the base's outcome of this id
---@field title? string a new outcome's title
---@field indicators? string[] a new outcome's indicators
---@field rollup? rules.Rollup a new outcome's roll-up
---@field notes? string for readers

---The changes r.extend makes to a base framework; any other field replaces the base's.
---@class rules.ExtendSpec: scorecard.FrameworkFields
---@field indicators? scorecard.Indicator[] indicators added (an id the base has already is an error: use override)
---@field override? table<string, scorecard.IndicatorFields> by indicator id: fields replacing the base indicator's
---@field outcomes? rules.ExtendOutcome[] outcomes added, or the base's with `add`

---------------------------------------------------------------------------------------------
-- test cases (tests.lua beside the framework returns a list of these)

---One observation of a case's data, as the importer reads it. Numbers, strings (as written:
---"68.40" keeps its decimals) and booleans ("yes"/"no") are accepted; other keys are ignored.
---@class scorecard.RowFields
---@field indicator? string the indicator's series id
---@field area? string the area code
---@field period? string the period label ("2023/24", "2023 Q2", "April 2023")
---@field value? number|string
---@field numerator? number|string
---@field denominator? number|string
---@field lower_ci? number|string lower 95% limit
---@field upper_ci? number|string upper 95% limit
---@field status? string the observation's status ("suppressed", "missing", "provisional", ...)
---@field note? string
---@field breakdown? string the breakdown key ("sex=Female")
---@field series_break? boolean|string this point starts a new series
---@field lower_ci_998? number|string lower 99.8% limit
---@field upper_ci_998? number|string upper 99.8% limit
---@field area_type? string the publisher's name for the area's type: read and reported, never stored
---@field period_sortable? number|string a sort key such as Fingertips' 20150000, checked against the period
---@field margin? number|string a 95% margin of error: the limits are value -/+ it

---@class scorecard.Row: scorecard.RowFields
---@field indicator string the indicator's series id
---@field area string the area code
---@field period string the period label

---An expectation of one item in one area: at least one of these.
---@class scorecard.Expectation
---@field status? scorecard.Colour the colour expected
---@field assessment? string the assessment expected (or the status, for a result without a colour)
---@field reason? string words the reason must contain

---A case of `scorecard test`: run on a fresh database holding the bundled geography and only
---its data.
---@class scorecard.TestCase
---@field name? string shown with the case's result
---@field period? string the scorecard period's label (default: the latest)
---@field areas? string[] the area codes to score (default: every area of the framework's type)
---@field data? scorecard.Row[] the observations
---@field expect table<string, table<string, scorecard.Colour|scorecard.Expectation>> by area code, by indicator id, outcome id or "overall"
