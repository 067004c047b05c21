# test_xlsx.sh - `scorecard run --format xlsx`: the workbook opens, has a comparison sheet and
# one validly named sheet per area, and its cells hold what the JSON run says: statuses as
# words in cells filled with their colour, values as numbers, frozen header rows.
# It reads the workbook back with openpyxl (Debian: python3-openpyxl) and is skipped without it.
. "$(dirname "$0")/lib.sh"

PY=""
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c "import openpyxl" 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
  echo "SKIP: openpyxl is not installed (apt-get install python3-openpyxl)"
  exit 77
fi

FW="$REPO/frameworks/scotland-nhwo/framework.lua"
"$SCORECARD" init --demo >/dev/null || fail "init --demo"

cat >check.py <<'PY'
import json, math, re, sys
import openpyxl
card = json.load(open(sys.argv[1]))
wb = openpyxl.load_workbook(sys.argv[2])
FILL = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE", "grey": "E7E7E7"}

def status_cell(c, colour, where):
    assert c.value == colour, (where, c.value, colour)
    assert c.fill.fill_type == "solid" and c.fill.fgColor.rgb[-6:] == FILL[colour], (where, c.fill.fgColor.rgb)

def number_cell(c, v, where):
    if v is None:
        assert c.value is None, (where, c.value)
    else:
        assert c.data_type == "n" and isinstance(c.value, (int, float)), (where, c.value, c.data_type)
        assert math.isclose(c.value, v, rel_tol=1e-12, abs_tol=1e-12), (where, c.value, v)

TABLES = set()

def layout(ws, last_row, ncols, freeze):
    """Each sheet's rows are one named table from the header row (row 2) to its last row,
    with filter buttons, frozen title and header, those rows repeated on every printed page,
    landscape A4, one page wide."""
    from openpyxl.utils import get_column_letter
    where = ws.title
    assert ws.freeze_panes == freeze, (where, ws.freeze_panes)
    assert len(ws.tables) == 1, (where, list(ws.tables))
    t = list(ws.tables.values())[0]
    assert t.ref == "A2:%s%d" % (get_column_letter(ncols), last_row), (where, t.ref, last_row, ncols)
    assert t.autoFilter is not None and t.autoFilter.ref == t.ref, (where, t.autoFilter)
    assert ws.auto_filter.ref is None, (where, "a sheet autofilter beside the table's conflicts with it")
    # Excel's rules for a table name: a letter or underscore first, then letters, digits,
    # underscores and full stops; never a cell reference; unique in the workbook ignoring case.
    assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_.]*", t.name), (where, t.name)
    assert not re.fullmatch(r"[A-Za-z]{1,3}[0-9]+|[Rr][0-9]*[Cc]?[0-9]*", t.name), (where, t.name)
    assert t.name.lower() not in TABLES, (where, t.name)
    TABLES.add(t.name.lower())
    head = [ws.cell(2, c).value for c in range(1, ncols + 1)]
    cols = [c.name for c in t.tableColumns]
    assert cols == head, (where, cols, head)
    assert len({c.lower() for c in cols}) == len(cols), (where, "table columns not unique")
    assert all(isinstance(c, str) and 0 < len(c) <= 255 for c in cols), (where, cols)
    assert ws.print_title_rows in ("1:2", "$1:$2"), (where, ws.print_title_rows)
    assert ws.page_setup.orientation == "landscape", (where, ws.page_setup.orientation)
    assert str(ws.page_setup.paperSize) == "9", (where, ws.page_setup.paperSize)
    assert ws.sheet_properties.pageSetUpPr.fitToPage, where
    # fitToWidth is 1 when absent (ECMA-376 Part 1, 18.3.1.64); fitToHeight 0 is "as many as it takes"
    width = 1 if ws.page_setup.fitToWidth is None else int(ws.page_setup.fitToWidth)
    assert width == 1 and str(ws.page_setup.fitToHeight) == "0", (
        where, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight)

areas = card["areas"]
names = wb.sheetnames
assert names[0] == "Comparison" and len(names) == len(areas) + 1, names
folded = [n.lower() for n in names]
assert len(set(folded)) == len(folded), "sheet names not unique"
for n in names:
    assert 0 < len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) and n[0] != "'" and n[-1] != "'", n

# One sheet per area, in the run's order: overall, outcomes, then indicators.
nind = len(areas[0]["indicators"])
for a, name in zip(areas, names[1:]):
    ws = wb[name]
    assert ws.freeze_panes == "C3", (name, ws.freeze_panes)
    head = [c.value for c in ws[2]]
    assert head[:6] == ["Kind", "ID", "Title", "Status", "Assessment", "Value"], head
    col = {h: i + 1 for i, h in enumerate(head)}
    assert ws.cell(3, 1).value == "overall" and ws.cell(3, 2).value == a["code"], (name, ws.cell(3, 2).value)
    assert ws.cell(3, 3).value == a["name"]
    status_cell(ws.cell(3, col["Status"]), a["status"], (name, "overall"))
    row = 4
    for o in a["outcomes"]:
        assert ws.cell(row, 1).value == "outcome" and ws.cell(row, 2).value == o["id"]
        status_cell(ws.cell(row, col["Status"]), o["status"], (name, o["id"]))
        row += 1
    for ind in a["indicators"]:
        where = (name, ind["id"])
        assert ws.cell(row, 1).value == "indicator" and ws.cell(row, 2).value == ind["id"], where
        status_cell(ws.cell(row, col["Status"]), ind["status"], where)
        assert ws.cell(row, col["Assessment"]).value == ind["assessment"], where
        number_cell(ws.cell(row, col["Value"]), ind["value"], where)
        number_cell(ws.cell(row, col["Comparator"]), ind["comparator"], where)
        of = ind["comparator_name"] or ind["comparator_area"] or ind["comparator_kind"]
        assert ws.cell(row, col["Comparator of"]).value == of, (where, ws.cell(row, col["Comparator of"]).value, of)
        obs = (ind.get("details") or {}).get("observation") or {}
        number_cell(ws.cell(row, col["Lower CI"]), obs.get("lower_ci"), where)
        number_cell(ws.cell(row, col["Upper CI"]), obs.get("upper_ci"), where)
        assert ws.cell(row, col["Reason"]).value == ind["reason"], where
        assert ws.cell(row, col["Period"]).value == ind["period"], where
        if ind["value"] is not None and ind["value_text"] and "." in ind["value_text"]:
            decimals = len(ind["value_text"].split(".")[1])
            assert ws.cell(row, col["Value"]).number_format == "0." + "0" * decimals, where
        row += 1
    assert ws.cell(row, 1).value is None, (name, "extra rows")
    layout(ws, row - 1, len(head), "C3")

# The comparison sheet: one row per area, status, value and rank per indicator, then the spread.
ws = wb["Comparison"]
assert ws.freeze_panes == "C3", ws.freeze_panes
head = [c.value for c in ws[2]]
nout = len(areas[0]["outcomes"])
assert head[:3] == ["Area code", "Area", "Overall"] and len(head) == 3 + nout + 3 * nind, head
first = 4 + nout
ranks_seen = 0
for r, a in enumerate(areas, start=3):
    assert ws.cell(r, 1).value == a["code"] and ws.cell(r, 2).value == a["name"], r
    status_cell(ws.cell(r, 3), a["status"], (a["code"], "overall"))
    for k, o in enumerate(a["outcomes"]):
        status_cell(ws.cell(r, 4 + k), o["status"], (a["code"], o["id"]))
    for k, ind in enumerate(a["indicators"]):
        c = first + 3 * k
        assert head[c - 1] == ind["id"] + " status", head[c - 1]
        status_cell(ws.cell(r, c), ind["status"], (a["code"], ind["id"]))
        number_cell(ws.cell(r, c + 1), ind["value"], (a["code"], ind["id"]))
        vals = [b["indicators"][k]["value"] for b in areas if b["indicators"][k]["value"] is not None]
        v, pol = ind["value"], ind["polarity"]
        rank = None if v is None or pol == "none" else 1 + sum(w > v if pol == "higher" else w < v for w in vals)
        assert ws.cell(r, c + 2).value == rank, (a["code"], ind["id"], ws.cell(r, c + 2).value, rank)
        ranks_seen += rank is not None
assert ranks_seen > 0
layout(ws, 2 + len(areas), len(head), "C3")
foot = 3 + len(areas) + 1
assert [ws.cell(foot + i, 2).value for i in range(4)] == ["Highest", "Lowest", "Highest / lowest", "Areas ranked"]
for k in range(nind):
    c = first + 3 * k + 1
    vals = [a["indicators"][k]["value"] for a in areas if a["indicators"][k]["value"] is not None]
    number_cell(ws.cell(foot, c), max(vals) if vals else None, ("highest", k))
    number_cell(ws.cell(foot + 1, c), min(vals) if vals else None, ("lowest", k))
    ratio = max(vals) / min(vals) if vals and min(vals) > 0 else None
    number_cell(ws.cell(foot + 2, c), ratio, ("ratio", k))
PY

# The nine-outcome framework for every partnership.
run run --framework "$FW" --no-store --format json; expect_status 0 "run --format json"
cp "$OUT" card.json
run run --framework "$FW" --no-store --format xlsx -o card.xlsx; expect_status 0 "run --format xlsx"
CHECKS=$((CHECKS + 1))
"$PY" check.py card.json card.xlsx || fail "the workbook disagrees with the JSON run"

# A stored run says so, as the other formats do.
run run --framework "$FW" --format xlsx -o stored.xlsx; expect_status 0; expect_err "run 1 stored"

# Sheet names: characters Excel refuses, more than 31 characters, and two areas with one name.
cp "$SCORECARD_DB" odd.db
"$PY" - odd.db <<'PY' || fail "could not rename areas for the sheet-name check"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
odd = "'Argyll/Bute: [North]* & the Isles? of the West\\"
db.execute("UPDATE areas SET name = ? WHERE code IN ('S37000004', 'S37000005')", (odd,))
db.execute("UPDATE areas SET name = 'History' WHERE code = 'S37000003'")
db.commit()
PY
run run --db odd.db --framework "$FW" --no-store --format json; expect_status 0
cp "$OUT" odd.json
run run --db odd.db --framework "$FW" --no-store --format xlsx -o odd.xlsx; expect_status 0 "xlsx with odd names"
CHECKS=$((CHECKS + 1))
"$PY" check.py odd.json odd.xlsx || fail "the workbook with odd area names is wrong"
CHECKS=$((CHECKS + 1))
"$PY" - odd.xlsx <<'PY' || fail "odd area names did not give the expected sheet names"
import openpyxl, sys
names = openpyxl.load_workbook(sys.argv[1]).sheetnames
assert "Argyll_Bute_ _North__ & the Isl" in names, names
assert "Argyll_Bute_ _North__ & the (2)" in names, names
assert "History (2)" in names, names
PY

# Table names come from sheet names, and a sheet named like a cell ("A1", "R1C1") or starting
# with a digit would make a table name Excel refuses, so it opens "repaired" without its tables.
"$PY" - odd.db <<'PY' || fail "could not rename areas for the table-name check"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for code, name in [("S37000004", "A1"), ("S37000005", "R1C1"), ("S37000003", "2024 Fife"),
                   ("S37000006", "C"), ("S37000007", "Ab12 & Cd"), ("S37000008", "ab12.cd"),
                   ("S37000009", "Çà et là"), ("S37000010", "Comparison")]:
    db.execute("UPDATE areas SET name = ? WHERE code = ?", (name, code))
db.commit()
PY
run run --db odd.db --framework "$FW" --no-store --format json; expect_status 0
cp "$OUT" odd.json
run run --db odd.db --framework "$FW" --no-store --format xlsx -o odd.xlsx; expect_status 0 "xlsx with cell-like names"
CHECKS=$((CHECKS + 1))
"$PY" check.py odd.json odd.xlsx || fail "the workbook with cell-like area names is wrong"
CHECKS=$((CHECKS + 1))
"$PY" - odd.xlsx <<'PY' || fail "cell-like area names did not give the expected table names"
import openpyxl, sys
wb = openpyxl.load_workbook(sys.argv[1])
tables = {ws.title: list(ws.tables)[0] for ws in wb.worksheets}
assert tables["A1"] == "_A1" and tables["R1C1"] == "_R1C1" and tables["C"] == "_C", tables
assert tables["2024 Fife"] == "_2024_Fife", tables
assert tables["Comparison (2)"] == "Comparison_2", tables
PY

# Every shipped framework gives a workbook that opens with a sheet per area.
for fw in "$REPO"/frameworks/*/framework.lua; do
  run run --framework "$fw" --no-store --format json; expect_status 0 "run $fw"
  cp "$OUT" fw.json
  run run --framework "$fw" --no-store --format xlsx -o fw.xlsx; expect_status 0 "run $fw --format xlsx"
  CHECKS=$((CHECKS + 1))
  "$PY" check.py fw.json fw.xlsx || fail "$fw: the workbook disagrees with the JSON run"
done

# Mistakes: no file to write to, or one that cannot be written.
run run --framework "$FW" --no-store --format xlsx; expect_status 2; expect_err "needs -o FILE"
run run --framework "$FW" --no-store --format xlsx -o "$WORK/no/such/dir/card.xlsx"; expect_status 1
expect_err "card.xlsx"
finish
