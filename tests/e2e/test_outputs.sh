#!/usr/bin/env bash
# test_outputs.sh - no command may lose or corrupt the database, an input or a published site,
# and every output format is well-formed for any input bytes: hostile strings through every
# format, output paths that must be refused, publishing over earlier sites and symlinks, kills
# during storing and publishing, concurrent importers and runners, a full standard output.
. "$(dirname "$0")/lib.sh"
F="$REPO/tests/sandbox/frameworks"
HS="$F/hostile-strings"
PY=python3
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c "import openpyxl" 2>/dev/null; then PY=$p; break; fi
done

run init; expect_status 0 "init"
codes=$("$SCORECARD" areas --type hscp --format csv | tail -n +2 | cut -d, -f1)
{
  echo "indicator,area,period,value,note"
  n=0
  for c in $codes S92000003; do
    for i in X-1 X-2 B-1 B-2; do
      n=$((n + 1))
      printf '%s,%s,2023/24,%d,"%s"\n' "$i" "$c" $((n * 37 % 100)) "=cmd|' /C calc'!A0 $(printf '\033[31m')red$(printf '\033[0m') $n"
    done
  done
} >hostile.csv
run import hostile.csv; expect_status 0 "import hostile notes"

# ---- every format, well-formed whatever the framework and the data hold ----
for fmt in text json csv html; do
  run run --framework "$HS" --no-store --format "$fmt" -o "card.$fmt"; expect_status 0 "run --format $fmt"
done
run run --framework "$HS" --no-store --format xlsx -o card.xlsx; expect_status 0 "run --format xlsx"
run run --framework "$HS" --no-store; expect_status 0 "run text to stdout"; cp "$OUT" card.stdout
for fmt in text json csv html; do
  run compare --framework "$HS" --format "$fmt" -o "compare.$fmt"; expect_status 0 "compare --format $fmt"
done
run publish --framework "$HS" -o site; expect_status 0 "publish"
run data --format csv; expect_status 0; cp "$OUT" data.csv
run data --format json; expect_status 0; cp "$OUT" data.json
run data; expect_status 0; cp "$OUT" data.txt
run eval 'return { nul = "a\0b", esc = "\27[2J", bad = "\255\254", bidi = "\226\128\174x", [1.5] = true }'
expect_status 0 "eval of hostile strings"; cp "$OUT" eval.json
"$PY" - <<'PY' >check.out 2>&1 || fail "hostile strings broke an output: $(cat check.out)"
import csv, glob, json, os
def text_ok(path):
    raw = open(path, "rb").read()
    raw.decode("utf-8")  # valid UTF-8
    bad = [c for c in raw if c < 0x20 and c not in (9, 10)]
    assert not bad, f"{path}: control bytes {sorted(set(bad))}"
    for bidi in ("\u202e", "\u202d", "\u2066", "\u2067"):
        assert bidi not in raw.decode("utf-8"), f"{path}: a bidi override"
    return raw.decode("utf-8")
files = ["card.text", "card.stdout", "card.json", "card.csv", "card.html", "compare.text", "compare.json",
         "compare.csv", "compare.html", "data.csv", "data.json", "data.txt", "eval.json"]
files += glob.glob("site/*.html") + glob.glob("site/areas/*.html")
for f in files:
    text_ok(f)
for f in ["card.json", "compare.json", "data.json", "eval.json"]:
    json.load(open(f, encoding="utf-8"))
for f in ["card.csv", "compare.csv", "data.csv"]:
    for row in csv.reader(open(f, encoding="utf-8", newline="")):
        for cell in row:
            if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                try:
                    float(cell)
                except ValueError:
                    raise AssertionError(f"{f}: a cell a spreadsheet would run as a formula: {cell[:40]!r}")
ev = json.load(open("eval.json", encoding="utf-8"))
assert ev["nul"] == "a\x00b", ev["nul"]       # every byte kept, escaped
assert ev["esc"] == "\x1b[2J", ev["esc"]
assert ev["bad"] == "\ufffd\ufffd", ev["bad"]
for page in glob.glob("site/*.html") + ["card.html", "compare.html"]:
    html = open(page, encoding="utf-8").read()
    assert "<script>alert" not in html and "</script><script>" not in html, page
try:
    import openpyxl
    wb = openpyxl.load_workbook("card.xlsx")
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            for v in row:
                if isinstance(v, str):
                    assert not [c for c in v if ord(c) < 0x20 and c not in "\t\n"], f"xlsx: control characters in {v!r}"
except ImportError:
    pass
print("ok")
PY
CHECKS=$((CHECKS + 1))

# eval: conversions out of Lua are bounded and never repeat a key.
run eval 'local a = {1} for i = 1, 28 do a = {a, a} end return a'
expect_status 1 "eval of an exponential table"; expect_err "larger than"
run eval 'local a = {1} for i = 1, 40 do a = {a, a} end return a'
expect_status 1 "eval of a deep table"; expect_err "deeper than 32 levels"
run eval 'return { [1] = "number", ["1"] = "string" }'
expect_status 1 "eval with keys that repeat in JSON"; expect_err "two keys written \"1\""
run eval 'return { [{}] = 1 }'; expect_status 1; expect_err "key of type table"

# ---- output paths that must be refused ----
run run --framework "$F/base" --period 2023/24 --format json --no-store -o base.json; expect_status 0 "a plain output"
snapshot db.before
ln -f "$SCORECARD_DB" hardlink.db
ln -sf "$SCORECARD_DB" symlink.db
for target in "$SCORECARD_DB" "$SCORECARD_DB-wal" "$SCORECARD_DB-shm" hardlink.db symlink.db "$F/base/framework.lua"; do
  for fmt in html csv json xlsx; do
    run run --framework "$F/base" --format "$fmt" -o "$target"
    expect_status 2 "run -o $target ($fmt)"; expect_err "refusing to write over"
  done
done
run compare --framework "$F/base" -o "$SCORECARD_DB"; expect_status 2; expect_err "refusing to write over the database"
run run --framework "$F/base" -o "$WORK"; expect_status 2; expect_err "is a folder"
cp hostile.csv input.csv
run import --rejects input.csv input.csv; expect_status 2 "import --rejects onto its input"; expect_err "refusing"
run import --rejects "$SCORECARD_DB" input.csv; expect_status 2 "import --rejects onto the database"
CHECKS=$((CHECKS + 1)); cmp -s hostile.csv input.csv || fail "the input file was changed"
run publish --framework "$F/base" -o "$WORK"; expect_status 2 "publish over the folder holding the database"
expect_err "refusing to replace a folder that holds the database"
mkdir -p notasite && echo keep >notasite/precious.txt
run publish --framework "$F/base" -o notasite; expect_status 2; expect_err "not a site scorecard published"
CHECKS=$((CHECKS + 1)); [ "$(cat notasite/precious.txt)" = keep ] || fail "publish touched a folder that was not a site"
run publish --framework "$F/base" -o base.json; expect_status 2; expect_err "not a folder"
snapshot db.after
CHECKS=$((CHECKS + 1)); cmp -s db.before db.after || fail "a refused output changed the database"
"$PY" -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); assert c.execute('pragma integrity_check').fetchone()[0]=='ok'" \
  "$SCORECARD_DB" || fail "the database is damaged"
CHECKS=$((CHECKS + 1))

# A run is stored only once its output is written: a full disk, a folder that cannot be written.
runs_before=$("$SCORECARD" runs --format csv | wc -l)
"$SCORECARD" run --framework "$F/base" --format json >/dev/full 2>err.txt
STATUS=$?; expect_status 1 "run to a full standard output"
grep -q "the run was not stored" err.txt || fail "a failed stdout did not say the run was not stored: $(cat err.txt)"
if [ "$(id -u)" -ne 0 ]; then
  mkdir -p ro && chmod 555 ro
  run run --framework "$F/base" --format html -o ro/card.html; expect_status 1
fi
runs_after=$("$SCORECARD" runs --format csv | wc -l)
expect_eq "$runs_after" "$runs_before" "runs stored by failed outputs"
run run --framework "$F/base" --format html -o card-ok.html; expect_status 0; expect_err "run "
runs_after=$("$SCORECARD" runs --format csv | wc -l)
expect_eq "$runs_after" "$((runs_before + 1))" "a written output stores its run"

# ---- publishing: whole sites, stale pages gone, symlinks not followed ----
outside=$(mktemp -d "$WORK/outside.XXXXXX")
echo original >"$outside/index.html"
mkdir -p "$outside/areas" && echo original >"$outside/areas/S37000012.html"
run publish --framework "$F/base" --area S37000012 --area S37000034 -o pub; expect_status 0 "first publish"
CHECKS=$((CHECKS + 1)); [ -f pub/areas/S37000034.html ] && [ -f pub/.scorecard-site ] || fail "the first site is incomplete"
rm -f pub/index.html && ln -s "$outside/index.html" pub/index.html     # planted by someone else
rm -rf pub/areas/S37000012.html && ln -s "$outside/areas/S37000012.html" pub/areas/S37000012.html
run publish --framework "$F/base" --area S37000012 -o pub; expect_status 0 "publish over an earlier site"
CHECKS=$((CHECKS + 1)); [ ! -e pub/areas/S37000034.html ] || fail "a stale page of the earlier site stayed"
CHECKS=$((CHECKS + 1)); [ ! -L pub/index.html ] && [ -f pub/index.html ] || fail "index.html is still a symlink"
CHECKS=$((CHECKS + 1))
[ "$(cat "$outside/index.html")" = original ] && [ "$(cat "$outside/areas/S37000012.html")" = original ] ||
  fail "publish wrote through a symlink out of the site"
CHECKS=$((CHECKS + 1)); [ -z "$(ls -A . | grep '^\.pub\.tmp-')" ] || fail "publish left its build folder behind"
ln -sfn "$outside" pubdir-link
run publish --framework "$F/base" -o pubdir-link; expect_status 2 "publish into a symlink to a non-site folder"

# Kills while publishing and storing: the site is the old one or the new one, whole; the database
# holds complete runs only.
run publish --framework "$F/base" -o killsite; expect_status 0
for delay in 0.01 0.03 0.06 0.1 0.15 0.25; do
  "$SCORECARD" publish --framework "$HS" -o killsite >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  "$PY" - killsite <<'PY' >kill.out 2>&1 || fail "after a kill at ${delay}s: $(cat kill.out)"
import os, re, sys
site = sys.argv[1]
index = open(os.path.join(site, "index.html"), encoding="utf-8").read()
assert index.rstrip().endswith("</html>"), "index.html is cut short"
assert os.path.isfile(os.path.join(site, ".scorecard-site")), "no site marker"
for href in re.findall(r'href="(areas/[^"]+|compare\.html)"', index):
    page = open(os.path.join(site, href), encoding="utf-8").read()
    assert page.rstrip().endswith("</html>"), f"{href} is cut short"
PY
  CHECKS=$((CHECKS + 1))
done
for delay in 0.01 0.05 0.1; do
  "$SCORECARD" run --framework "$HS" --format html -o killcard.html >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  CHECKS=$((CHECKS + 1))
  [ ! -e killcard.html ] || tail -c 20 killcard.html | grep -q "</html>" || fail "a killed run left a partial card"
done
"$PY" - "$SCORECARD_DB" <<'PY' >runs.out 2>&1 || fail "a killed run left a partial run stored: $(cat runs.out)"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
assert db.execute("pragma integrity_check").fetchone()[0] == "ok"
for run_id, areas in db.execute("select id, areas from runs"):
    n = db.execute("select count(*) from results where run = ? and kind = 'area'", (run_id,)).fetchone()[0]
    assert areas is not None and n == areas, f"run {run_id}: {n} area results for {areas} areas"
PY
CHECKS=$((CHECKS + 1))

# ---- two processes at once ----
for i in 1 2 3 4 5 6 7 8; do
  ("$SCORECARD" import hostile.csv >"imp$i.out" 2>"imp$i.err"; echo $? >"imp$i.rc") &
done
wait
CHECKS=$((CHECKS + 1)); [ "$(cat imp*.rc | sort -u)" = 0 ] || fail "concurrent imports of one file failed: $(cat imp*.err)"
CHECKS=$((CHECKS + 1)); grep -qi "sqlite\|constraint\|locked" imp*.err && fail "a raw SQLite error: $(cat imp*.err)"
for i in 1 2 3 4 5 6 7 8; do
  awk -v k="$i" 'BEGIN { print "indicator,area,period,value"; for (j = 0; j < 2000; j++) printf "C%d-%d,S37000012,2022/23,%d\n", k, j, j }' >"conc$i.csv"
done
for i in 1 2 3 4 5 6 7 8; do
  ("$SCORECARD" import "conc$i.csv" >"cimp$i.out" 2>"cimp$i.err"; echo $? >"cimp$i.rc") &
done
("$SCORECARD" run --framework "$F/base" --no-store --format json >runner.out 2>runner.err; echo $? >runner.rc) &
wait
CHECKS=$((CHECKS + 1)); [ "$(cat cimp*.rc runner.rc | sort -u)" = 0 ] || fail "concurrent importers and a runner: $(cat cimp*.err runner.err)"
run data --format csv; expect_status 0
CHECKS=$((CHECKS + 1)); [ "$(grep -c '^C[1-8]-' "$OUT")" -eq 16000 ] || fail "rows lost by concurrent importers: $(grep -c '^C[1-8]-' "$OUT") of 16000"

# ---- a full standard output fails every command ----
last=$("$SCORECARD" runs --format csv | grep ",base," | head -n 1 | cut -d, -f1)
for args in "eval return_1" "runs" "imports" "areas" "data" "explain --run $last --area S37000012 --indicator B-1" \
  "diff $last $last" "compare --framework $F/base" "check $F/base" "--help"; do
  set -- $args
  [ "$1" = eval ] && set -- eval 'return string.rep("x", 100000)'
  "$SCORECARD" "$@" >/dev/full 2>full.err
  STATUS=$?
  expect_status 1 "$args > /dev/full"
  grep -q "standard output" full.err || fail "$args > /dev/full: no message ($(cat full.err))"
done

finish
