# test_compare.sh - `scorecard compare`: the areas x indicators matrix of the nine-outcome
# framework for all partnerships and for a parent, with ranks and spread checked against a
# plain `run --format json`, in JSON, CSV, HTML and text; nothing is stored.
. "$(dirname "$0")/lib.sh"
FW="$REPO/frameworks/scotland-nhwo/framework.lua"
"$SCORECARD" init --demo >/dev/null || fail "init --demo"

run run --framework "$FW" --no-store --format json; expect_status 0 "run --format json"
cp "$OUT" card.json

# The Python that checks a comparison against the run: values and statuses are the run's,
# ranks are 1 + the number of strictly better values (ties share; no value, no rank), the
# spread is the highest and lowest value and their ratio (none when the lowest is <= 0).
cat >check.py <<'PY'
import json, math, sys
card = json.load(open(sys.argv[1]))
cmp = json.load(open(sys.argv[2]))
want = sys.argv[3].split(",") if len(sys.argv) > 3 and sys.argv[3] else None
run_areas = {a["code"]: a for a in card["areas"]}
codes = [a["code"] for a in cmp["areas"]]
if want is not None:
    assert sorted(codes) == sorted(want), (codes, want)
else:
    assert codes == [a["code"] for a in card["areas"]], codes
assert cmp["period"] == card["period"] and cmp["framework"]["id"] == card["framework"]["id"]
assert cmp["peers"]["areas"] == len(codes)
ids = [i["id"] for i in card["areas"][0]["indicators"]]
assert [i["id"] for i in cmp["indicators"]] == ids
ranked_any = 0
for k, ind in enumerate(cmp["indicators"]):
    pol = ind["polarity"]
    vals = [run_areas[c]["indicators"][k]["value"] for c in codes]
    present = [v for v in vals if v is not None]
    for a, v in zip(cmp["areas"], vals):
        cell, src = a["indicators"][k], run_areas[a["code"]]["indicators"][k]
        assert cell["id"] == ind["id"] and cell["value"] == src["value"], (a["code"], cell, src["value"])
        assert cell["status"] == src["status"] and cell["assessment"] == src["assessment"], (cell, src["status"])
        obs = (src.get("details") or {}).get("observation") or {}
        assert cell["lower_ci"] == obs.get("lower_ci") and cell["upper_ci"] == obs.get("upper_ci"), (cell, obs)
        if v is None or pol == "none":
            rank = None
        else:
            better = sum(1 for w in present if (w > v if pol == "higher" else w < v))
            rank = better + 1
        assert cell["rank"] == rank, (a["code"], ind["id"], cell["rank"], rank)
    assert ind["ranked"] == (0 if pol == "none" else len(present)), ind
    ranked_any += ind["ranked"]
    if present:
        hi, lo = max(present), min(present)
        assert ind["highest"]["value"] == hi and ind["lowest"]["value"] == lo, ind
        assert run_areas[ind["highest"]["area"]]["indicators"][k]["value"] == hi
        assert run_areas[ind["lowest"]["area"]]["indicators"][k]["value"] == lo
        if lo > 0:
            assert math.isclose(ind["ratio"], hi / lo, rel_tol=1e-12), ind
        else:
            assert ind["ratio"] is None, ind
    else:
        assert ind["highest"]["value"] is None and ind["ratio"] is None, ind
assert ranked_any > 0
PY

# All partnerships.
run compare --framework "$FW" --format json; expect_status 0 "compare --format json"
cp "$OUT" all.json
python3 check.py card.json all.json || fail "compare of all partnerships disagrees with the run"
python3 - all.json <<'PY' || fail "the matrix of all partnerships is not complete"
import json, sys
d = json.load(open(sys.argv[1]))
assert len(d["areas"]) == 31 and d["peers"]["rule"] == "all", (len(d["areas"]), d["peers"])
assert len(d["indicators"]) == 23
ranks = [c["rank"] for a in d["areas"] for c in a["indicators"] if c["rank"]]
assert 1 in ranks and max(ranks) <= 31
# ties are exercised: some rank is shared by two areas
assert any(sum(1 for a in d["areas"] if a["indicators"][k]["rank"] == r) > 1
           for k in range(len(d["indicators"])) for r in range(1, 32)), "no tie in the demo data"
PY

# A parent whose direct members are not partnerships: NHS Grampian's councils are each in a
# partnership; the partnerships that share them are compared.
expected=$(python3 - "$SCORECARD" <<'PY'
import csv, io, subprocess, sys
def areas(*args):
    out = subprocess.run([sys.argv[1], "areas", "--format", "csv", *args], check=True,
                         capture_output=True, text=True).stdout
    return [r["code"] for r in csv.DictReader(io.StringIO(out))]
councils = set(areas("--parent", "S08000020"))
print(",".join(h for h in areas("--type", "hscp") if councils & set(areas("--parent", h))))
PY
)
expect_eq "$expected" "S37000001,S37000002,S37000019" "the partnerships of NHS Grampian"
run compare --framework "$FW" --parent S08000020 --format json; expect_status 0 "compare --parent S08000020"
cp "$OUT" grampian.json
python3 check.py card.json grampian.json "$expected" || fail "compare --parent S08000020 disagrees with the run"
python3 - grampian.json <<'PY' || fail "the parent comparison does not say how its areas were chosen"
import json, sys
d = json.load(open(sys.argv[1]))
p = d["peers"]
assert p == {"rule": "sharing_members", "parent": "S08000020", "parent_name": "Grampian", "areas": 3}, p
PY

# A parent whose direct members are of the framework's type: the HWBs of an ICB.
BCF="$REPO/frameworks/england-bcf/framework.lua"
run run --framework "$BCF" --no-store --format json; expect_status 0 "run england-bcf"
cp "$OUT" bcf.json
hwbs=$("$SCORECARD" areas --parent E54000008 --type hwb --format csv | tail -n +2 | cut -d, -f1 | paste -sd, -)
run compare --framework "$BCF" --parent E54000008 --format json; expect_status 0 "compare --parent E54000008"
cp "$OUT" icb.json
python3 check.py bcf.json icb.json "$hwbs" || fail "compare --parent E54000008 disagrees with the run"
python3 -c "import json,sys; assert json.load(open('icb.json'))['peers']['rule'] == 'members'" ||
  fail "the HWBs of an ICB are not its direct members"

# Named areas, a retired code among them (it compares its successor).
run compare --framework "$FW" --area S37000012 --area S37000014 --format json; expect_status 0 "compare --area"
cp "$OUT" named.json
python3 check.py card.json named.json "S37000012,S37000032" || fail "compare --area disagrees with the run"

# CSV: one row per area and indicator, the same numbers as the JSON.
run compare --framework "$FW" --parent S08000020 --format csv -o grampian.csv; expect_status 0 "compare --format csv"
python3 - grampian.json grampian.csv <<'PY' || fail "the CSV comparison disagrees with the JSON"
import csv, json, math, sys
d = json.load(open(sys.argv[1]))
rows = list(csv.DictReader(open(sys.argv[2], newline="")))
assert len(rows) == len(d["areas"]) * len(d["indicators"]), len(rows)
n = 0
for a in d["areas"]:
    for k, cell in enumerate(a["indicators"]):
        r, ind = rows[n], d["indicators"][k]
        n += 1
        assert (r["area"], r["indicator"], r["status"]) == (a["code"], cell["id"], cell["status"]), r
        num = lambda s: None if s == "" else float(s)
        assert num(r["value"]) == cell["value"], (r["value"], cell["value"])
        assert (int(r["rank"]) if r["rank"] else None) == cell["rank"], r
        assert int(r["ranked"]) == ind["ranked"]
        assert num(r["highest"]) == ind["highest"]["value"] and num(r["lowest"]) == ind["lowest"]["value"]
        assert (r["highest_area"] or None) == ind["highest"]["area"]
        if ind["ratio"] is None:
            assert r["ratio"] == ""
        else:
            assert math.isclose(float(r["ratio"]), ind["ratio"], rel_tol=1e-12)
PY

# HTML: one self-contained table, headers with scope, a status word in every coloured cell.
run compare --framework "$FW" --format html -o all.html; expect_status 0 "compare --format html"
python3 - all.json all.html <<'PY' || fail "the HTML comparison is wrong"
import json, sys
from html.parser import HTMLParser
d = json.load(open(sys.argv[1]))
class P(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.rows, self.cols, self.cells, self.cur, self.section = [], [], [], [], None, None
        self.external = False
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("script", "link", "img") or a.get("src"):
            self.external = True
        if tag not in ("br", "meta"):
            self.stack.append(tag)
        if tag in ("thead", "tbody", "tfoot"):
            self.section = tag
        if tag == "th" and a.get("scope") == "col":
            self.cols.append("")
        if tag == "th" and a.get("scope") == "row" and self.section == "tbody":
            self.rows.append("")
        if tag == "td" and self.section == "tbody":
            self.cur = [a.get("class"), ""]
            self.cells.append(self.cur)
    def handle_endtag(self, tag):
        if tag in ("br", "meta"):
            return
        assert self.stack and self.stack[-1] == tag, (self.stack[-3:], tag)
        self.stack.pop()
        if tag == "td":
            self.cur = None
    def handle_data(self, data):
        if self.cur is not None:
            self.cur[1] += data
        elif "th" in self.stack and self.section == "tbody":
            self.rows[-1] += data
p = P()
p.feed(open(sys.argv[2], encoding="utf-8").read())
p.close()
assert not p.stack and not p.external, (p.stack, p.external)
nind = len(d["indicators"])
assert len(p.cols) == 2 + nind, len(p.cols)
assert len(p.rows) == len(d["areas"]), len(p.rows)
assert len(p.cells) == len(d["areas"]) * (1 + nind), len(p.cells)
k = 0
for a, row in zip(d["areas"], p.rows):
    assert a["name"] in row and a["code"] in row, (a["name"], row)
    cls, text = p.cells[k]; k += 1
    assert cls == a["status"] and text == a["status"], (cls, text)
    for cell in a["indicators"]:
        cls, text = p.cells[k]; k += 1
        assert cls == cell["status"] and cell["status"] in text, (cls, text)
        if cell["rank"]:
            assert f"rank {cell['rank']}" in text, (text, cell)
        if cell["value"] is not None:
            assert (cell["value_text"] or "") in text, (text, cell)
PY

# Text: the matrix with a status word and rank in every cell, then the spread.
run compare --framework "$FW" --parent S08000020; expect_status 0 "compare (text)"
expect_out "the 3 hscp areas sharing members with S08000020 Grampian"
expect_out "Aberdeen City"; expect_out "Moray"; expect_out "highest/lowest"
expect_out "#1"
CHECKS=$((CHECKS + 1)); grep -q $'\033' "$OUT" && fail "colour codes in text written to a file"

# Nothing was stored.
run runs --format csv; expect_status 0
CHECKS=$((CHECKS + 1)); [ "$(wc -l <"$OUT")" -eq 1 ] || fail "compare stored a run: $(cat "$OUT")"

# Mistakes.
run compare --framework "$FW" --parent S08000020 --area S37000001; expect_status 2; expect_err "not both"
run compare --framework "$FW" --parent NOPE; expect_status 2; expect_err "unknown area code"
run compare --framework "$FW" --parent E54000008; expect_status 1; expect_err "no areas of type"
run compare --framework "$FW" --format pdf; expect_status 2; expect_err "--format must be"
run compare --parent S08000020; expect_status 2; expect_err "--framework PATH is required"
run compare --framework "$FW" -o "$WORK/no/such/dir/x.csv" --format csv; expect_status 1; expect_err "the folder does not exist"
run compare --help; expect_status 0; expect_out "share a member"

# Every shipped framework, the four countries: compare runs and its spreads match the values.
for fw in "$REPO"/frameworks/*/framework.lua; do
  run compare --framework "$fw" --format json; expect_status 0 "compare $fw"
  python3 - "$OUT" <<'PY' || fail "compare of $fw: spreads do not match the values"
import json, sys
d = json.load(open(sys.argv[1]))
for k, ind in enumerate(d["indicators"]):
    vals = [a["indicators"][k]["value"] for a in d["areas"] if a["indicators"][k]["value"] is not None]
    if vals:
        assert ind["highest"]["value"] == max(vals) and ind["lowest"]["value"] == min(vals), ind["id"]
PY
done
finish
