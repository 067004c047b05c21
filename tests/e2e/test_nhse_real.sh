# test_nhse_real.sh - NHS England's and NHS Digital's workbooks as published, with the
# shipped mappings: the acute discharge sitrep (two editions whose tables sit on different
# rows; ICBs by ODS code) and ASCOF open data (a row per measure type, no year column).
# The files are in tests/data/real/nhse (README).
. "$(dirname "$0")/lib.sh"
D="$REPO/tests/data/real/nhse"
M="$REPO/data/mappings"
"$SCORECARD" init >/dev/null || fail "init"

# The month is only in the table's title: the analyst names it.
run import --mapping "$M/nhse-discharge-sitrep-pathways.json" --set "period=September 2023" \
  "$D/HFAnalyticsLab__Acute_SitRep_data__september2023.xlsx"
expect_status 0
expect_out "2052 rows read, 1920 new"  # 42 ICBs and 118 acute trusts x 12 pathways
expect_out 'skipped 12 rows for 1 area code shaped "AAA" not in the geography (RAP)'
expect_out 'left out 120 rows'
# B16 EAST OF ENGLAND | C16 QUE | D16 NHS CAMBRIDGESHIRE AND PETERBOROUGH ... | E16 4841
expect_eq "$(value_of discharges-p0-domestic-home E54000056 'September 2023' value)" 4841 "QUE, P0 domestic home"
expect_eq "$(value_of discharges-p0-domestic-home E54000056 'September 2023' source_area)" QUE "the file's own code kept"
expect_eq "$(value_of discharges-p3-care-home-new E54000056 'September 2023' value)" 92 "QUE, P3 care home"
expect_eq "$(value_of discharges-p2-hospice E54000056 'September 2023' status)" suppressed "a dash is suppressed"
expect_eq "$(value_of discharges-p0-domestic-home E54000056 'September 2023' period_end)" 2023-09-30 "the month"
# The acute trusts' rows go in under their ODS codes: C68 RGT | E68 2415
expect_eq "$(value_of discharges-p0-domestic-home RGT 'September 2023' value)" 2415 "Cambridge University Hospitals, P0"
# January 2023's tables sit a row lower; the header is found by its text.
run import --mapping "$M/nhse-discharge-sitrep-pathways.json" --set "period=January 2023" \
  "$D/HFAnalyticsLab__Acute_SitRep_data__january2023.xlsx"
expect_status 0; expect_out "1920 new"
# Three trusts of January 2023 have since merged into others and are not in the geography.
expect_out 'skipped 24 rows for 2 area codes shaped "AAA" not in the geography (RAP, ...)'
expect_eq "$(value_of discharges-p0-domestic-home E54000056 'January 2023' value)" 4477 "QUE, January"
# Without the month the file says what is missing.
"$SCORECARD" init --db nomonth.db >/dev/null
run import --db nomonth.db --mapping "$M/nhse-discharge-sitrep-pathways.json" "$D/HFAnalyticsLab__Acute_SitRep_data__september2023.xlsx"
expect_status 1; expect_err '--set period=VALUE'
# A sheet that is not there is named, with those that are.
run import --db nomonth.db --sheet "Table 9" --set "period=September 2023" --map area=#3 --map value=#5 --set indicator=x \
  "$D/HFAnalyticsLab__Acute_SitRep_data__september2023.xlsx"
expect_status 1; expect_err 'no sheet named "Table 9" (sheets: "Lkp - Discharges", "Lkp - Dates", "Cover Sheet"'

# ASCOF 2020-21: a measure's Outcome, Numerator, Denominator and Margin Of Error rows are one
# observation; the year is the file's.
run import --mapping "$M/ascof-open-data.json" --set period=2020-21 "$D/ericyang__meas-from-asc-of-eng-2021-open-data-csv_v2.xlsx"
expect_status 0
expect_out 'joined 48970 rows into 13114 observations by their "Measure Type"'
expect_out "13114 rows read, 12719 new"  # the councils, the regions and England
expect_out "395 skipped"                 # the council types, which have no code
expect_out 'read "2020-21" as a financial year ("2020-21": 2020-04-01 to 2021-03-31)'
expect_eq "$(value_of 2A2 E12000001 2020-21 area)" E12000001 "a region's row"
# 2A2, Cumbria (E10000006): Outcome 619 long-term admissions to care homes per 100,000 aged 65+
expect_eq "$(value_of 2A2 E10000006 2020-21 value)" 619 "ASCOF 2A2, Cumbria"
expect_eq "$(value_of 2A2 E10000006 2020-21 numerator)" 764 "2A2 Cumbria, its Numerator row"
expect_eq "$(value_of 2A2 E10000006 2020-21 denominator)" 123422 "2A2 Cumbria, its Denominator row"
expect_eq "$(value_of 2A2 E92000001 2020-21 numerator)" 52133 "2A2 England"
# 1A (survey): Darlington 19.1 with a margin of error of 0.5 is the interval 18.6 to 19.6.
expect_eq "$(value_of 1A E06000014 2020-21 lower_ci)" 18.6 "1A Darlington, lower limit"
expect_eq "$(value_of 1A E06000014 2020-21 upper_ci)" 19.6 "1A Darlington, upper limit"
run data --indicator 1A --area E92000001 --format csv
expect_out ',disaggregation=Female,2020-21,'
# [x] (not collected in 2020-21) is missing; a 17-digit number reads as Excel shows it.
run data --indicator 1I1 --area E92000001 --format csv
expect_out ',missing,'
run data --format csv
expect_eq "$(grep -c 'E-2\|99999999' "$OUT")" 0 "no float artefacts"

run imports --format csv
expect_eq "$(tail -n +2 "$OUT" | cut -d, -f10 | sort -u | tr '\n' ' ')" "0 " "rows rejected"
finish
