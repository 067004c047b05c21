# test_publisher_layouts.sh - what a publisher's download needs from a mapping, on small
# files written to the shape of the real ones (the real files are tested per publisher):
# short rows, breakdowns from several columns, both CI levels, the publisher's verdicts,
# areas outside the geography, row filters, year conventions, the same file read by
# another mapping, standard input.
. "$(dirname "$0")/lib.sh"
"$SCORECARD" init >/dev/null || fail "init"

# A Fingertips-shaped export: every data row leaves out the last field, as Fingertips'
# own downloads do.
H='Indicator ID,Indicator Name,Area Code,Area Type,Sex,Age,Category Type,Category,Time period,Value,Lower CI 95.0 limit,Upper CI 95.0 limit,Lower CI 99.8 limit,Upper CI 99.8 limit,Count,Denominator,Value note,Recent Trend,Compared to England value or percentiles,Time period Sortable,New data'
cat >ft.csv <<EOF
$H
22401,Falls,E92000001,England,Persons,65+ yrs,,,2015 - 17,2100,2090,2110,2080,2120,1000,50000,,Cannot be calculated,Not compared,20150000
22401,Falls,E06000001,UA,Persons,65+ yrs,,,2015 - 17,2500,2300,2700,2200,2800,300,12000,,No significant change,Worse,20150000
22401,Falls,E92000001,England,Male,65+ yrs,,,2015 - 17,2100,2085,2115,2075,2125,450,21000,,,Not compared,20150000
22401,Falls,E06000001,UA,Male,65+ yrs,,,2015 - 17,2400,2100,2700,2000,2800,120,5000,,,Similar,20150000
22401,Falls,E06000001,UA,Persons,65+ yrs,Deprivation deciles,Most deprived decile,2015 - 17,2900,2500,3300,2400,3400,80,2800,Aggregated from all known lower geography values,,Not compared,20150000
22401,Falls,E38000014,CCG,Persons,65+ yrs,,,2015 - 17,2300,2250,2350,2230,2370,400,17000,,,Worse,20150000
22401,Falls,E38000015,CCG,Persons,65+ yrs,,,2015 - 17,2200,2150,2250,2130,2270,500,22000,,,Worse,20150000
22401,Falls,E06000002,UA,Persons,65+ yrs,,,2009/10 - 11/12,1900,1800,2000,1750,2050,200,10000,,,Better,20090000
EOF
cat >ft.json <<'EOF'
{
  "description": "test: Fingertips-shaped",
  "short_rows": "empty",
  "columns": {"indicator": "Indicator ID", "area": "Area Code", "area_type": "Area Type", "period": "Time period",
              "period_sortable": "Time period Sortable", "value": "Value",
              "lower_ci": "Lower CI 95.0 limit", "upper_ci": "Upper CI 95.0 limit",
              "lower_ci_998": "Lower CI 99.8 limit", "upper_ci_998": "Upper CI 99.8 limit",
              "numerator": "Count", "denominator": "Denominator", "note": "Value note"},
  "breakdowns": [{"name": "sex", "column": "Sex"}, {"name": "age", "column": "Age"},
                 {"name_from": "Category Type", "column": "Category"}],
  "published": {"benchmark": "Compared to England value or percentiles", "trend": "Recent Trend",
                "region": "Compared to region value or percentiles"}
}
EOF

# Without short_rows the file is refused, and the message says what to do.
run import --map indicator="Indicator ID" --map area="Area Code" --map period="Time period" --map value=Value ft.csv
expect_status 1; expect_err 'ft.csv:2: 20 fields, but the header has 21'; expect_err '"short_rows": "empty"'

# Areas outside the geography (clinical commissioning groups here) are one problem per area type, with a count.
run import --mapping ft.json ft.csv
expect_status 1
expect_err 'ft.csv:7: column "Area Code": unknown area code "E38000014", the first of 2 rows for 2 area codes of type "CCG" not in the geography'
expect_err '"unknown_areas": "skip"'
expect_eq "$(grep -c 'unknown area code' "$ERR")" 1 "one line for the CCG rows"

sed 's/"short_rows": "empty",/"short_rows": "empty", "unknown_areas": "skip",/' ft.json >ft-skip.json
run import --mapping ft-skip.json ft.csv
expect_status 0
expect_out '8 rows read, 6 new, 0 unchanged, 0 superseding earlier values, 2 skipped'
expect_out 'skipped 2 rows for 2 area codes of type "CCG" not in the geography (E38000014, ...)'
# Breakdowns: "Persons" is all persons; the dimensions sort, whatever the file's order.
run data --indicator 22401 --area E06000001 --format csv
expect_out ',E06000001,age=65+ yrs,2015 - 17,' 
expect_out 'age=65+ yrs;sex=Male'
expect_out 'Deprivation deciles=Most deprived decile;age=65+ yrs'
expect_out 'Aggregated from all known lower geography values'
# Both confidence levels and the publisher's verdicts are kept.
run data --indicator 22401 --area E06000001 --breakdown 'age=65+ yrs' --format csv
expect_out ',2500,300,12000,2300,2700,2200,2800,ok,,,benchmark=Worse;trend=No significant change,'
# The pooled periods are read as the years they name.
run data --indicator 22401 --area E06000001 --breakdown 'age=65+ yrs' --format csv
expect_out ',2015 - 17,2015-01-01,2017-12-31,'
expect_eq "$(value_of 22401 E06000002 '2009/10 - 11/12' period_end)" "2012-03-31" "2009/10 - 11/12 ends"
expect_eq "$(value_of 22401 E06000002 '2009/10 - 11/12' period_start)" "2009-04-01" "2009/10 - 11/12 starts"

# A sort key that disagrees with the label is caught.
sed 's/2015 - 17,2500,2300,2700,2200,2800,300,12000,,No significant change,Worse,20150000/2015 - 17,2500,2300,2700,2200,2800,300,12000,,No significant change,Worse,20160000/' ft.csv >ft-bad.csv
run import --mapping ft-skip.json ft-bad.csv
expect_status 1; expect_err 'ft-bad.csv:3: column "Time period Sortable": "20160000" does not start with 2015, the first year of "2015 - 17"'

# A framework reads a breakdown, and check says which the data hold when it asks for none.
mkdir fw
cat >fw/framework.lua <<'EOF'
local r = require("rules")
return r.framework{
  id = "falls-test", version = "1", scores = "hwb", period = "calendar_year", comparator = "E92000001",
  outcomes = { {id = "o", title = "o", indicators = {"falls", "falls-male", "falls-decile", "falls-all"}} },
  indicators = {
    {id = "falls", series = "22401", title = "Falls 65+", polarity = "lower", breakdown = {age = "65+ yrs"},
     rule = r.benchmark{interval = "published"}},
    {id = "falls-male", series = "22401", title = "Falls 65+, men", polarity = "lower",
     breakdown = {sex = "Male", age = "65+ yrs"}, rule = r.benchmark{interval = "published", level = 0.998}},
    {id = "falls-decile", series = "22401", title = "Falls 65+, most deprived decile", polarity = "lower",
     breakdown = {["Deprivation deciles"] = "Most deprived decile", age = "65+ yrs", sex = "Persons"},
     comparator = {breakdown = {age = "65+ yrs"}}, rule = r.benchmark{interval = "published"}},
    {id = "falls-all", series = "22401", title = "Falls, all ages", polarity = "lower",
     rule = r.benchmark{interval = "published"}},
  },
}
EOF
run check fw/framework.lua
expect_status 0
expect_err 'indicator falls-all: the store has series "22401", but not for all persons; it holds age=65+ yrs (3 rows), age=65+ yrs;sex=Male (2 rows)'
run run --framework fw/framework.lua --period 2017 --area E06000001 --format json
expect_status 0
# the all-persons figure, 2300-2700 against England's 2100: worse
expect_out '"falls"'
python3 - "$OUT" <<'EOF' || fail "verdicts by breakdown"
import json, sys
d = json.load(open(sys.argv[1]))
got = {i["id"]: (i.get("assessment"), i.get("reason")) for i in d["areas"][0]["indicators"]}
assert got["falls"][0] == "worse", got["falls"]
# the men's 99.8% limits 2000-2800 hold England's 2100: similar (the 95% ones, 2100-2700, would too)
assert got["falls-male"][0] == "similar", got["falls-male"]
assert "2000" in got["falls-male"][1] and "2800" in got["falls-male"][1], got["falls-male"]
# the most deprived decile, 2500-3300, against the area's own total 2500: similar
assert got["falls-decile"][0] == "similar", got["falls-decile"]
assert "2500" in got["falls-decile"][1], got["falls-decile"]
assert got["falls-all"][0] == "missing", got["falls-all"]
EOF
# Set beside Fingertips' own "Compared to England": the decile is compared with the area's own
# total here, which is not what Fingertips' column compares, so it is left out by --indicator.
run published
expect_status 1
expect_out 'against benchmark: 3 compared, 2 agree, 1 differ'
run published --indicator falls --indicator falls-male --format csv
expect_status 0
expect_out 'E06000001,falls,2015 - 17,worse,Worse,yes'
expect_out 'E06000001,falls-male,2015 - 17,similar,Similar,yes'
expect_err 'run 1, against benchmark: 2 agree, 0 differ, 0 without'

# A rule asking for 99.8% limits of a published interval at another level is an error at load.
sed -i 's/level = 0.998/level = 0.99/' fw/framework.lua
run check fw/framework.lua; expect_status 1; expect_err 'the data hold 95% (0.95) and 99.8% (0.998) limits only'

# Row filters: one file, one series kept.
cat >filter.json <<'EOF'
{"short_rows": "empty", "unknown_areas": "skip",
 "columns": {"indicator": "Indicator ID", "area": "Area Code", "period": "Time period", "value": "Value"},
 "where": {"Sex": "Persons", "Category Type": ""}, "skip_where": {"Area Type": ["England"]}}
EOF
"$SCORECARD" init --db f.db >/dev/null
run import --db f.db --mapping filter.json ft.csv
expect_status 0; expect_out '8 rows read, 2 new, 0 unchanged, 0 superseding earlier values, 6 skipped'; expect_out 'left out 4 rows'

# 2022-23: a financial year unless the mapping says the publisher pools calendar years.
printf 'indicator,area,period,value\nx,E06000001,2022-23,5\n' >pairs.csv
run import --db f.db pairs.csv
expect_status 0; expect_out 'read "2022-23" as a financial year ("2022-23": 2022-04-01 to 2023-03-31)'
expect_eq "$("$SCORECARD" data --db f.db --indicator x --format csv | tail -1 | cut -d, -f6,7)" "2022-04-01,2023-03-31" "fy dates"
# The same file read by another mapping is another import, superseding what it reads differently.
run import --db f.db --year-pairs pooled pairs.csv
expect_status 0; expect_out '1 new'; expect_out 'as two calendar years pooled ("2022-23": 2022-01-01 to 2023-12-31)'
run import --db f.db --year-pairs pooled pairs.csv
expect_status 0; expect_out 'already imported'
run imports --db f.db --format csv
expect_eq "$(tail -n +2 "$OUT" | cut -d, -f2 | sort | uniq -c | awk '{print $1}' | tr '\n' ' ')" "1 2 " "batches per file"

# Standard input.
printf 'indicator,area,period,value\ny,E06000001,2021/22,7\n' | "$SCORECARD" import --db f.db - >"$OUT" 2>"$ERR"
STATUS=$?; expect_status 0; expect_out 'stdin: batch'
expect_eq "$("$SCORECARD" data --db f.db --indicator y --format csv | tail -1 | cut -d, -f8)" "7" "value from stdin"

# Hostile mappings: a breakdown without a column, a filter that is not a list of strings.
echo '{"breakdowns": [{"name": "sex"}]}' >bad1.json
run import --db f.db --mapping bad1.json pairs.csv; expect_status 1; expect_err '"breakdowns" item 1 must be'
echo '{"where": {"Sex": [1]}}' >bad2.json
run import --db f.db --mapping bad2.json pairs.csv; expect_status 1; expect_err '"where"."Sex" must be a string or a list'
echo '{"breakdowns": [{"name": "sex", "column": "Nope"}]}' >bad3.json
run import --db f.db --mapping bad3.json pairs.csv; expect_status 1; expect_err 'no column named "Nope"'

# A comparator that is the area itself at the indicator's own breakdown is refused at load.
sed 's/comparator = {breakdown = {age = "65+ yrs"}}/comparator = {breakdown = {sex = "Persons", age = "65+ yrs"}}/; s/breakdown = {\["Deprivation deciles"\] = "Most deprived decile", age = "65+ yrs", sex = "Persons"}/breakdown = {age = "65+ yrs"}/' fw/framework.lua >fw/self.lua
run check fw/self.lua; expect_status 1; expect_err 'its comparator is the area itself at the indicator'"'"'s own breakdown (age=65+ yrs)'

# A free-text breakdown is matched as the file wrote it, even with a % in it.
printf 'indicator,area,period,value,group\npct,E06000001,2021/22,7,Top 10%%\n' >pct.csv
run import --db f.db --map breakdown=group pct.csv; expect_status 0
mkdir fwpct
cat >fwpct/framework.lua <<'EOF'
local r = require("rules")
return r.framework{ id = "pct", version = "1", scores = "hwb", period = "fy",
  outcomes = { {id = "o", title = "o", indicators = {"pct"}} },
  indicators = { {id = "pct", title = "t", polarity = "higher", breakdown = "Top 10%", rule = r.threshold{green = 5}} } }
EOF
run run --db f.db --framework fwpct/framework.lua --period 2021/22 --area E06000001 --no-store
expect_status 0; expect_out 'met'

# published names the run it cannot find, and refuses one that is not a number.
run published --run 999; expect_status 2; expect_err 'no run 999'
run published --run abc; expect_status 2

# The same code seen under two area types counts in each; a listed group is not "more".
printf 'indicator,area,period,value,kind\nx,E38000001,2021/22,1,CCG\nx,E38000001,2021/22,1,Provider\nx,E38000002,2021/22,1,Provider\nx,E38000003,2021/22,1,Provider\n' >unk.csv
run import --db f.db --map area_type=kind unk.csv; expect_status 1
expect_err '3 rows for 3 area codes of type "Provider"'
expect_err 'unk.csv:2: column "area": unknown area code "E38000001" (see scorecard areas)'
CHECKS=$((CHECKS + 1)); grep -q 'and .* more' "$ERR" && fail "a listed group counted again as more: $(cat "$ERR")"
# A long layout (ASCOF's open data): the rows that differ only in the part column are one
# observation, each part's figure in its own field; a problem names the line the figure is on.
cat >parts.json <<'EOF'
{"columns": {"indicator": "code", "area": "ons", "period": "year", "value": "figure"},
 "parts": {"column": "type", "fields": {"Outcome": "value", "Numerator": "numerator", "Denominator": "denominator",
                                        "Margin": "margin"}, "ignore": ["Base"], "by": ["geo"]}}
EOF
printf 'geo,ons,code,year,type,figure\n1,E06000001,2A2,2021-22,Denominator,18000\n1,E06000001,2A2,2021-22,Numerator,100\n1,E06000001,2A2,2021-22,Outcome,555.6\n1,E06000001,2A2,2021-22,Base,3\n2,E06000002,2A2,2021-22,Outcome,40\n2,E06000002,2A2,2021-22,Margin,1.5\n' >parts.csv
"$SCORECARD" init --db parts.db >/dev/null
run import --db parts.db --mapping parts.json parts.csv; expect_status 0
expect_out 'joined 6 rows into 2 observations by their "type"'
expect_eq "$(SCORECARD_DB=parts.db value_of 2A2 E06000001 2021-22 numerator)" 100 "a Numerator row"
expect_eq "$(SCORECARD_DB=parts.db value_of 2A2 E06000001 2021-22 denominator)" 18000 "a Denominator row"
expect_eq "$(SCORECARD_DB=parts.db value_of 2A2 E06000001 2021-22 value)" 555.6 "the Outcome row"
expect_eq "$(SCORECARD_DB=parts.db value_of 2A2 E06000002 2021-22 lower_ci)" 38.5 "value minus the margin"
expect_eq "$(SCORECARD_DB=parts.db value_of 2A2 E06000002 2021-22 upper_ci)" 41.5 "value plus the margin"
# A bad figure is named on its own line, not the observation's first.
sed 's/Numerator,100/Numerator,lots/' parts.csv >parts-bad.csv
run import --db parts.db --mapping parts.json parts-bad.csv; expect_status 1
expect_err 'parts-bad.csv:3: column "figure": "lots" is not a number'
# A part the mapping does not name stops the import, with the parts it does name.
sed 's/,Base,/,Basis,/' parts.csv >parts-unknown.csv
run import --db parts.db --mapping parts.json parts-unknown.csv; expect_status 1
expect_err 'parts-unknown.csv:5: column "type": "Basis" is not a part the mapping names (Outcome, Numerator, Denominator, Margin, Base)'
# The same part twice with different figures, and a part met again after other rows (two
# observations with one key), are refused with both lines named.
printf 'geo,ons,code,year,type,figure\n1,E06000001,2A2,2021-22,Outcome,5\n1,E06000001,2A2,2021-22,Outcome,6\n' >parts-twice.csv
run import --db parts.db --mapping parts.json parts-twice.csv; expect_status 1
expect_err 'parts-twice.csv:3: a second "Outcome" (6) for one observation; the first, at parts-twice.csv:2, had 5'
printf 'geo,ons,code,year,type,figure\n1,E06000001,2A2,2021-22,Outcome,5\n1,E06000001,2A1,2021-22,Outcome,6\n1,E06000001,2A2,2021-22,Numerator,9\n' >parts-apart.csv
run import --db parts.db --mapping parts.json parts-apart.csv; expect_status 1
expect_err 'parts-apart.csv:4: 2A2, E06000001, 2021-22 repeats line 2 with different content'
# An observation whose every part is ignored (only a Base row) is skipped and counted, not
# stored as a missing figure.
printf 'geo,ons,code,year,type,figure\n1,E06000001,2A2,2021-22,Outcome,5\n2,E06000002,2A2,2021-22,Base,3\n' >parts-base.csv
"$SCORECARD" init --db parts-base.db >/dev/null
run import --db parts-base.db --mapping parts.json parts-base.csv; expect_status 0
expect_out 'joined 2 rows into 1 observation by'
expect_out 'skipped 1 observation whose every part is one the mapping ignores'
expect_out '2 rows read, 1 new, 0 unchanged, 0 superseding earlier values, 1 skipped'
expect_eq "$(SCORECARD_DB=parts-base.db value_of 2A2 E06000002 2021-22 status)" "<none>" "no row for the Base-only observation"
# A file without lines (JSON) names the item each part came from.
cat >parts-j.json <<'EOF'
[{"geo":"1","ons":"E06000001","code":"2A2","year":"2021-22","type":"Outcome","figure":5},
 {"geo":"1","ons":"E06000001","code":"2A2","year":"2021-22","type":"Numerator","figure":"lots"}]
EOF
run import --db parts.db --mapping parts.json parts-j.json; expect_status 1
expect_err 'parts-j.json: item 2: field "figure": "lots" is not a number'
cat >parts-j2.json <<'EOF'
[{"geo":"1","ons":"E06000001","code":"2A2","year":"2021-22","type":"Outcome","figure":5},
 {"geo":"1","ons":"E06000001","code":"2A2","year":"2021-22","type":"Numerator","figure":1},
 {"geo":"1","ons":"E06000001","code":"2A2","year":"2021-22","type":"Numerator","figure":2}]
EOF
run import --db parts.db --mapping parts.json parts-j2.json; expect_status 1
expect_err 'parts-j2.json: item 3: a second "Numerator" (2) for one observation; the first, at parts-j2.json: item 2, had 1'
# Hostile mappings: a part into a field that is not a figure; parts with wide columns; a
# part both kept and ignored.
printf '{"parts": {"column": "type", "fields": {"Outcome": "area"}}}' >parts-h1.json
run import --db parts.db --mapping parts-h1.json parts.csv; expect_status 1
expect_err "\"parts\".\"fields\".\"Outcome\" must be a figure's field"
printf '{"wide": {"a": "x"}, "parts": {"column": "type", "fields": {"Outcome": "value"}}}' >parts-h2.json
run import --db parts.db --mapping parts-h2.json parts.csv; expect_status 1
expect_err 'cannot be combined with "wide"'
printf '{"parts": {"column": "type", "fields": {"Outcome": "value"}, "ignore": ["Outcome"]}}' >parts-h3.json
run import --db parts.db --mapping parts-h3.json parts.csv; expect_status 1
expect_err 'part "Outcome" is empty, has spaces around it or is named twice'
# Two parts filling one field, a row filter on the parts column, --set value over parts: refused.
printf '{"parts": {"column": "type", "fields": {"Outcome": "value", "Rate": "value"}}}' >parts-h4.json
run import --db parts.db --mapping parts-h4.json parts.csv; expect_status 1
expect_err '"Outcome" and "Rate" both fill value'
printf '{"where": {"type": "Outcome"}, "parts": {"column": "type", "fields": {"Outcome": "value"}}}' >parts-h5.json
run import --db parts.db --mapping parts-h5.json parts.csv; expect_status 1
expect_err 'a row filter on the parts column "type"'
run import --db parts.db --mapping parts.json --set value=3 parts.csv; expect_status 2
expect_err '--set value: the mapping'"'"'s "parts" read each figure from the value column'
# A long import on a terminal shows how much of the file is read; off a terminal, nothing.
python3 -c "
with open('long.csv', 'w') as f:
    f.write('indicator,area,period,value\n')
    for i in range(20000): f.write('x%d,E06000001,2021/22,%d\n' % (i, i))
"
"$SCORECARD" init --db long.db >/dev/null
if command -v script >/dev/null; then
  script -qec "'$SCORECARD' import --db long.db long.csv" /dev/null >tty.out 2>&1
  CHECKS=$((CHECKS + 1)); tr '\r' '\n' <tty.out | grep -qE 'long.csv: +[0-9]+%, 4096 rows read' || fail "no progress on a terminal: $(head -c 300 tty.out)"
fi
"$SCORECARD" init --db long2.db >/dev/null
run import --db long2.db long.csv; expect_status 0
expect_eq "$(wc -c <"$ERR" | tr -d ' ')" 0 "nothing on stderr off a terminal"
finish
