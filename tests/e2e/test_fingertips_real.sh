# test_fingertips_real.sh - Fingertips exports as published, unedited, with the shipped
# mappings, and a benchmark framework whose every verdict equals the one Fingertips printed
# beside the same figure ("Compared to England", "Compared to Region"). The files are in
# tests/data/real/fingertips (README).
. "$(dirname "$0")/lib.sh"
D="$REPO/tests/data/real/fingertips"
M="$REPO/data/mappings"
FW="$REPO/tests/frameworks/fingertips-benchmark/framework.lua"
"$SCORECARD" init >/dev/null || fail "init"

# 1. The download export: every row leaves out its last field, one indicator name holds a
# line break, England, regions and County & UA in one file, deprivation deciles.
run import --mapping "$M/fingertips.json" "$D/jargonautical_data-dev_indicators-CountyUA.data.csv"
expect_status 0; expect_out "852 rows read, 852 new"
# 93356,...,E06000001,Hartlepool,...,2015,142.713502643443,119.40...,169.24...,,,132,92493,,,Worse,Similar,20150000
expect_eq "$(value_of 93356 E06000001 2015 value)" 142.713502643443 "Hartlepool 2015"
expect_eq "$(value_of 93356 E06000001 2015 numerator)" 132 "Count"
expect_eq "$(value_of 93356 E06000001 2015 line)" 64 "the physical line, past the quoted line break"
run data --indicator 93356 --area E06000001 --period 2015 --breakdown '' --format csv
expect_out ',119.407207217347,169.240005685604,,,ok,,,benchmark=Worse;region=Similar,'
run data --indicator 93356 --area E92000001 --period 2015 --format csv
expect_out 'County & UA deprivation deciles in England (IMD2015)=Most deprived decile (IMD2015),2015,'
expect_out 'Aggregated from all known lower geography values'
# Regions are areas now (E12), compared as each council's parent.
expect_eq "$(value_of 93356 E12000001 2015 area)" E12000001 "a region's row"

# 2. County & UA before April 2019, eight indicators without a polarity (Higher/Lower),
# age and sex "Not applicable", financial and calendar years.
run import --mapping "$M/fingertips.json" "$D/GSS-Cogs_family-disability_indicators-CountyUApre419.data.csv"
expect_status 0; expect_out "87 rows read, 87 new"
expect_eq "$("$SCORECARD" data --indicator 11501 --breakdown 'age=Not applicable;sex=Not applicable' --format csv | tail -n +2 | wc -l | tr -d ' ')" 11 "Not applicable kept as a breakdown"

# 3. A chart export: quoted, BOM, AreaName, the parent's verdict, a pooled period, both sexes
# and both CI levels; MSOAs are outside the geography and skipped.
run import --mapping "$M/fingertips-chart-export.json" "$D/GaryNapier_nhs_task_MSOA_comparison.csv"
expect_status 0
expect_out "1344 rows read, 24 new"
expect_out 'skipped 1320 rows for 110 area codes of type "Middle Super Output Area" not in the geography'
expect_eq "$(value_of 93255 E10000020 '2016 - 20' period_start)" 2016-01-01 "2016 - 20 starts"
expect_eq "$(value_of 93255 E10000020 '2016 - 20' period_end)" 2020-12-31 "2016 - 20 ends"
expect_eq "$(value_of 93255 E10000020 '2016 - 20' upper_ci_998)" 100.284984620535 "the 99.8% limit"
run data --indicator 93283 --area E10000020 --format csv
expect_out 'E10000020,sex=Female,2016 - 20,'
expect_out 'E10000020,sex=Male,2016 - 20,'

# Every verdict Fingertips published for a County & UA figure, reproduced: each year's run,
# set beside the published column. 750 compared rows in file 1, 72 in file 2.
total=0
for year in 2015 2016 2017 2018; do
  run run --framework "$FW" --period "$year" --format json -o /dev/null
  expect_status 0 "run $year"
  run published --against benchmark --indicator campy --indicator campy-0-9 --indicator low-income-u16 \
    --indicator violent-crime --indicator homelessness --indicator most-deprived --indicator leaving-care \
    --indicator unemployment --indicator imd-2015 --indicator domestic-abuse --format csv
  expect_status 0 "published against England, $year"
  expect_err ' 0 differ'
  tail -n +2 "$OUT" | awk -F, '$5 != "Not compared"' | cut -d, -f1-3 >>compared.txt
  run published --against region --indicator campy-region --format csv
  expect_status 0 "published against the region, $year"
  expect_err ' 0 differ'
  tail -n +2 "$OUT" | awk -F, '$5 != "Not compared"' | cut -d, -f1-3 >>compared-region.txt
done
python3 - "$D" <<'PY' >expected.txt
import csv, sys
n = 0
for f in ("jargonautical_data-dev_indicators-CountyUA.data.csv", "GSS-Cogs_family-disability_indicators-CountyUApre419.data.csv"):
    for r in csv.DictReader(open(f"{sys.argv[1]}/{f}", encoding="utf-8-sig")):
        if r["Area Type"].startswith("County & UA") and r["Compared to England value or percentiles"] not in ("", "Not compared"):
            n += 1
print(n)
PY
expect_eq "$(sort -u compared.txt | wc -l | tr -d ' ')" "$(cat expected.txt)" "every compared County & UA row reproduced"
expect_eq "$(sort -u compared-region.txt | wc -l | tr -d ' ')" 450 "every compared row against the region (campylobacter)"

# The 99.8% limits judge differently where they should: Norfolk's circulatory deaths SMR,
# 95% interval 95.9-99.3 (Better, as published), 99.8% 94.9-100.3 (Similar).
mkdir fw998
cat >fw998/framework.lua <<'EOF'
local r = require("rules")
return r.framework{
  id = "smr", version = "1", scores = "hwb", period = "calendar_year", comparator = "E92000001", country = "England",
  outcomes = { {id = "o", title = "o", indicators = {"at-95", "at-998"}} },
  indicators = {
    {id = "at-95", series = "93255", title = "95%", polarity = "lower", rule = r.benchmark{interval = "published"}},
    {id = "at-998", series = "93255", title = "99.8%", polarity = "lower",
     rule = r.benchmark{interval = "published", level = 0.998}},
  },
}
EOF
run run --framework fw998/framework.lua --period 2020 --area E10000020 --format json -o smr.json
expect_status 0
python3 - smr.json <<'PY' || fail "99.8% limits"
import json, sys
got = {i["id"]: i["assessment"] for i in json.load(open(sys.argv[1]))["areas"][0]["indicators"]}
assert got == {"at-95": "better", "at-998": "similar"}, got
PY
CHECKS=$((CHECKS + 1))
run published --indicator at-95; expect_status 0
run published --indicator at-998; expect_status 1; expect_out 'similar'

run imports --format csv
expect_eq "$(tail -n +2 "$OUT" | cut -d, -f10 | sort -u | tr '\n' ' ')" "0 " "rows rejected"
finish
