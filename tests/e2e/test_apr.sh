# test_apr.sh - `scorecard run --report apr`: the Annual Performance Report table that Scottish
# partnerships must publish (SSI 2014/326, regulation 3: the reporting year and the five years
# before it), each indicator's figures beside Scotland's, in text, CSV, JSON, HTML and xlsx; a
# calendar year standing in for the financial year and a survey break are named in the notes.
. "$(dirname "$0")/lib.sh"
"$SCORECARD" init >/dev/null || fail "init"
FW="$REPO/frameworks/scotland-nhwo"

# Edinburgh and Scotland: the survey every other year; NI-2's question changed in 2023/24;
# NI-12's latest is the calendar year 2023, standing in for 2023/24 as PHS publishes it.
cat >apr.csv <<'EOF'
indicator,area,period,value,lower_ci,upper_ci,series_break
NI-1,S37000012,2019/20,92.0,91.0,93.0,
NI-1,S37000012,2021/22,91.5,90.5,92.5,
NI-1,S37000012,2023/24,93.0,91.9,94.1,
NI-1,S92000003,2019/20,93.0,,,
NI-1,S92000003,2021/22,90.9,,,
NI-1,S92000003,2023/24,90.7,,,
NI-2,S37000012,2021/22,75.0,72.0,78.0,
NI-2,S37000012,2023/24,66.0,63.0,69.0,yes
NI-2,S92000003,2021/22,78.8,,,
NI-2,S92000003,2023/24,71.0,,,yes
NI-12,S37000012,2017/18,11800,,,
NI-12,S37000012,2018/19,11920,,,
NI-12,S37000012,2019/20,12060,,,
NI-12,S37000012,2020/21,10210,,,
NI-12,S37000012,2021/22,11010,,,
NI-12,S37000012,2022/23,11300,,,
NI-12,S37000012,2023,11420,,,
NI-12,S92000003,2018/19,12280,,,
NI-12,S92000003,2019/20,12500,,,
NI-12,S92000003,2020/21,10960,,,
NI-12,S92000003,2021/22,11640,,,
NI-12,S92000003,2022/23,11290,,,
NI-12,S92000003,2023,11350,,,
EOF
run import apr.csv; expect_status 0
apr() { run run --framework "$FW" --area S37000012 --period 2023/24 --report apr --no-store "$@"; }

apr --format csv; expect_status 0
expect_eq "$(head -1 "$OUT")" "area,indicator,title,unit,figures_for,2018/19,2019/20,2020/21,2021/22,2022/23,2023/24,status,notes" "the six years"
# A year without a figure is an empty cell; the 2017/18 figure is before the table's years.
expect_out 'S37000012,NI-1,Adults able to look after their health very well or quite well,%,Edinburgh,,92,,91.5,,93,green,'
expect_out 'S37000012,NI-1,Adults able to look after their health very well or quite well,%,Scotland,,93,,90.9,,90.7,,'
expect_out 'Edinburgh,,,,75,,66,red,Figures from 2023/24 are not comparable with earlier years.'
expect_out 'Edinburgh,11920,12060,10210,11010,11300,11420,grey,2023 (a calendar year) stands in for 2023/24.'
expect_out 'Scotland,12280,12500,10960,11640,11290,11350,,'
# An indicator nobody publishes says so.
expect_out 'NI-10 is defined but not published'
expect_eq "$(grep -c ',NI-1,' "$OUT")" 2 "two rows an indicator: the area's and Scotland's"

apr --format json; expect_status 0
python3 - "$OUT" <<'PY' || fail "APR JSON: $(head -c 400 "$OUT")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["report"] == "annual_performance" and d["period"] == "2023/24", d
assert d["years"] == ["2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24"], d["years"]
area = d["areas"][0]
assert area["code"] == "S37000012" and area["comparator"] == "Scotland", area
ni12 = next(i for i in area["indicators"] if i["id"] == "NI-12")
last = ni12["years"][5]
assert last == {"year": "2023/24", "period": "2023", "value": 11420, "comparator": 11350,
                "series_break": False, "provisional": False}, last
ni2 = next(i for i in area["indicators"] if i["id"] == "NI-2")
assert ni2["years"][5]["series_break"] is True and ni2["years"][0]["value"] is None, ni2
assert ni2["notes"] == "Figures from 2023/24 are not comparable with earlier years.", ni2["notes"]
PY
CHECKS=$((CHECKS + 1))

apr; expect_status 0
expect_out "Annual performance report: scotland-nhwo"
expect_out "2023 (a calendar year) stands in for 2023/24."

apr --format html -o apr.html; expect_status 0
python3 "$REPO/tests/e2e/html_check.py" static apr.html || fail "the APR page fails the static HTML checks"
CHECKS=$((CHECKS + 1))
expect_eq "$(grep -c '<tbody>' apr.html)" 23 "a row group per indicator"
grep -q '<th scope="row">Scotland</th><td class="num"><span aria-label="no figure">-</span></td><td class="num">93.0</td>' apr.html ||
  fail "Scotland's NI-1 row"
CHECKS=$((CHECKS + 1))

# The workbook holds the figures as numbers, a sheet per area.
PY=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c "import openpyxl" 2>/dev/null; then PY=$p; break; fi
done
if [ -n "$PY" ]; then
  apr --format xlsx -o apr.xlsx; expect_status 0
  "$PY" - apr.xlsx <<'PY' || fail "APR workbook"
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ["Edinburgh"], wb.sheetnames
rows = list(wb["Edinburgh"].iter_rows(values_only=True))
assert rows[1][:10] == ("ID", "Title", "Unit", "Figures for", "2018/19", "2019/20", "2020/21", "2021/22", "2022/23", "2023/24"), rows[1]
ni12 = [r for r in rows if r[0] == "NI-12"]
assert ni12[0][3:10] == ("Edinburgh", 11920, 12060, 10210, 11010, 11300, 11420), ni12[0]
assert ni12[1][3:10] == ("Scotland", 12280, 12500, 10960, 11640, 11290, 11350), ni12[1]
assert ni12[0][11] == "2023 (a calendar year) stands in for 2023/24.", ni12[0]
ws = wb["Edinburgh"]
(t,) = ws.tables.values()
assert t.ref == "A2:L%d" % len(rows) and t.autoFilter.ref == t.ref, t.ref
assert [c.name for c in t.tableColumns] == list(rows[1]), [c.name for c in t.tableColumns]
assert ws.freeze_panes == "B3" and ws.print_title_rows in ("1:2", "$1:$2"), (ws.freeze_panes, ws.print_title_rows)
assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
PY
  CHECKS=$((CHECKS + 1))
else
  echo "note: openpyxl not installed; the APR workbook is not read back"
fi

# A framework that does not report by year has no APR table, and no file is left.
"$SCORECARD" init --demo --db demo.db >/dev/null || fail "init --demo"
run run --db demo.db --framework "$REPO/frameworks/scotland-msg" --report apr --no-store -o msg.txt
expect_status 2; expect_err "the annual performance report compares years: framework scotland-msg reports by fy_quarter"
[ ! -e msg.txt ] || fail "a failed APR left msg.txt"
CHECKS=$((CHECKS + 1))
# A framework that does not report by year is refused before anything is evaluated: on an
# empty store the refusal, not "no data", is what is said.
"$SCORECARD" init --db empty.db >/dev/null || fail "init empty"
run run --db empty.db --framework "$REPO/frameworks/scotland-msg" --report apr --no-store
expect_status 2; expect_err "the annual performance report compares years: framework scotland-msg reports by fy_quarter"
# A quarter never stands for a year, even where the indicator's series mixes them.
mkdir -p mixed
cat >mixed/framework.lua <<'EOF'
local r = require "rules"
return r.framework {
  id = "mixed", version = "1", title = "years and quarters", country = "Scotland", scores = "hscp",
  period = "year", comparator = "S92000003",
  outcomes = { { id = "O", title = "o", indicators = { "Q" } } },
  indicators = { { id = "Q", title = "years and quarters", unit = "count", polarity = "lower",
                   frequency = { "year", "fy_quarter" }, rule = r.threshold { green = 10, amber = 20 } } },
}
EOF
printf 'indicator,area,period,value\nQ,S37000012,2021/22,5\nQ,S37000012,2022/23 Q4,7\nQ,S37000012,2023/24,9\n' >mixed.csv
"$SCORECARD" init --db mixed.db >/dev/null || fail "init mixed"
run import --db mixed.db mixed.csv; expect_status 0
run run --db mixed.db --framework mixed --area S37000012 --period 2023/24 --report apr --no-store --format csv
expect_status 0
expect_out 'S37000012,Q,years and quarters,count,Edinburgh,,,,5,,9,green,'
run run --framework "$FW" --report annual; expect_status 2; expect_err "unknown or incomplete option"
finish
