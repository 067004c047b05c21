# test_publish.sh - `scorecard publish`: a static site with an index, a page per area, a
# comparison page per indicator and the area by indicator matrix; relative links only, every
# link resolves, pages pass the HTML checks, say names rather than codes and words rather than
# the engine's enum words, show each indicator's numbers with one number of decimals, and a
# comparison page reached as #area-CODE highlights that area in the browser.
. "$(dirname "$0")/lib.sh"
CHECK="$(cd "$(dirname "$0")" && pwd)/html_check.py"
FW="$REPO/frameworks/scotland-nhwo/framework.lua"
"$SCORECARD" init --demo >/dev/null || fail "init --demo"

run publish --framework "$FW" -o site
expect_status 0; expect_out "site: index.html, compare.html, 31 area pages and 23 comparison pages (run 1, period 2023/24)"
run run --framework "$FW" --format json --no-store -o all.json; expect_status 0
run run --framework "$FW" --format html --no-store -o card.html; expect_status 0

python3 - site all.json <<'PY' || fail "the published site is not as it should be"
import json, os, re, sys
site, run = sys.argv[1], json.load(open(sys.argv[2]))
index = open(os.path.join(site, "index.html"), encoding="utf-8").read()
links = re.findall(r'(?:href|src)="([^"]*)"', index)
assert links, "no links"
for l in links:
    assert not re.match(r"^[a-z]+:|^/", l), "not relative: " + l
    if not l.startswith("#"):
        assert os.path.exists(os.path.join(site, l.split("#")[0])), "broken link: " + l
pages = [l for l in links if l.startswith("areas/")]
assert len(set(pages)) == 31, len(set(pages))
for a in run["areas"]:
    word = {"green": "Green", "amber": "Amber", "red": "Red"}.get(a["status"], "No colour")
    row = re.search(r'<tr data-area="%s">(.*?)</tr>' % a["code"], index)
    assert row and 'href="areas/%s.html"' % a["code"] in row.group(1), a["code"]
    assert re.search(r'<td data-sort="\d">.*?<span class="word">%s</span>' % word, row.group(1)), (a["code"], a["status"])
    counts = dict(re.findall(r'data-count="(\w+)">(\d+)<', row.group(1)))
    want = {c: str(sum(i["status"] == c for i in a["indicators"])) for c in ("green", "amber", "red", "grey")}
    assert counts == want, (a["code"], counts, want)
    page = open(os.path.join(site, "areas", a["code"] + ".html"), encoding="utf-8").read()
    assert a["name"].replace("&", "&amp;") in page and "http://" not in page.replace("http://www.w3.org", "")
PY
CHECKS=$((CHECKS + 1))
python3 "$CHECK" static site/areas/S37000012.html --site site >check.out 2>&1 || fail "area page: $(head -c 800 check.out)"
for page in site/compare/NI-1.html site/compare/NI-10.html site/compare.html site/index.html; do
  CHECKS=$((CHECKS + 1))
  python3 "$CHECK" static "$page" --site site >check.out 2>&1 || fail "$page: $(head -c 800 check.out)"
  CHECKS=$((CHECKS + 1))
  [ "$(wc -c <"$page")" -lt 400000 ] || fail "$page is $(wc -c <"$page") bytes"
done
CHECKS=$((CHECKS + 1))
[ "$(ls site/compare | wc -l)" -eq 23 ] || fail "$(ls site/compare | wc -l) comparison pages, not one per indicator (23)"
CHECKS=$((CHECKS + 1))
python3 "$CHECK" static card.html --json all.json >check.out 2>&1 || fail "run --format html page: $(head -c 800 check.out)"

# The comparison pages and the matrix agree with the run, in words a reader uses.
python3 - site all.json >check.out 2>&1 <<'PY' || fail "comparison pages: $(head -c 1500 check.out)"
import html, json, os, re, sys
site, run = sys.argv[1], json.load(open(sys.argv[2]))
areas = {a["code"]: a for a in run["areas"]}
ENUM = re.compile(r"\b[a-z]+_[a-z_]+\b")  # improvement_low, not_met, no_data, common_cause, ...

def visible(page):
    body = re.sub(r"(?s)<(style|script)\b.*?</\1>", "", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", body))

def places(t):
    return len(t.split(".")[1]) if "." in t else 0

rug = open(os.path.join(site, "compare.html"), encoding="utf-8").read()
cells = re.findall(r'<tr data-area="([^"]+)">(.*?)</tr>', rug)
assert {c for c, _ in cells} == set(areas), "the matrix has a row per area"
for code, row in cells:
    got = dict((i, st) for st, i in re.findall(r'data-status="(\w+)" data-sort="\d+" data-indicator="([^"]+)"', row))
    want = {i["id"]: i["status"] for i in areas[code]["indicators"]}
    assert got == want, (code, got, want)
for page in [rug, open(os.path.join(site, "index.html"), encoding="utf-8").read()]:
    words = set(ENUM.findall(visible(page)))
    assert not words, ("enum words on a page", words)

for k, ind in enumerate(run["areas"][0]["indicators"]):
    page = open(os.path.join(site, "compare", ind["id"] + ".html"), encoding="utf-8").read()
    words = set(ENUM.findall(visible(page)))
    assert not words, (ind["id"], "enum words on the page", words)
    assert not re.search(r"Comparator S\d", visible(page)), (ind["id"], "a comparator named by its code")
    rows = dict(re.findall(r'<tr id="area-([^"]+)" data-area="[^"]+" data-status="\w+">(.*?)</tr>', page))
    assert set(rows) == set(areas), (ind["id"], "a row per area, each a target")
    decimals = set()
    for code, row in rows.items():
        x = areas[code]["indicators"][k]
        assert 'data-status="%s"' % x["status"] in row, (ind["id"], code, x["status"])
        value = re.search(r'<span class="nw value">([^<]*)</span>', row)
        interval = re.search(r'<span class="nw interval">([^<]*) to ([^<]*)</span>', row)
        comparator = re.search(r'<span class="nw comparator">([^<]*)</span> <span class="cmp">([^<]*)</span>', row)
        if x["value"] is not None:
            assert value, (ind["id"], code, "no value shown")
            assert abs(float(value.group(1).replace(",", "")) - x["value"]) <= 0.5 * 10 ** -places(value.group(1)), (ind["id"], code)
            decimals.add(places(value.group(1)))
            # a reason that opens with the value writes it as the page does ("76.0%", not "76%")
            lead = re.match(r"(-?[0-9][0-9,]*(?:\.[0-9]+)?)(?:%| is| misses|,)", x["reason"] or "")
            if lead:
                assert lead.group(1) == value.group(1), (ind["id"], code, x["reason"], value.group(1))
        if interval:
            decimals |= {places(interval.group(1)), places(interval.group(2))}
        if comparator:
            name = x["comparator_name"] or {"target": "Target", "baseline": "Baseline"}.get(x["comparator_kind"])
            assert comparator.group(2) == name, (ind["id"], code, comparator.group(2), name)
    assert len(decimals) <= 1, (ind["id"], "values and intervals shown with different decimals", decimals)
PY
CHECKS=$((CHECKS + 1))

# Area codes that are not safe file names or HTML ids still get a page each, and distinct ones.
cp "$SCORECARD_DB" odd.db
python3 - odd.db <<'PY' || fail "could not add odd codes"
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for old, new in [("S37000001", "A/B"), ("S37000002", "A_B"), ("S37000003", "A B"), ("S37000004", "../x")]:
    for t in ("areas", "observations"):
        db.execute("UPDATE %s SET %s = ? WHERE %s = ?" % ((t, "code", "code") if t == "areas" else (t, "area", "area")), (new, old))
db.commit()
PY
run publish --db odd.db --framework "$FW" -o odd-site; expect_status 0 "publish odd codes"
CHECKS=$((CHECKS + 1))
[ "$(ls odd-site/areas | wc -l)" -eq 31 ] || fail "odd codes: $(ls odd-site/areas | wc -l) area pages, not 31"
CHECKS=$((CHECKS + 1))
[ ! -e x.html ] && [ ! -e odd-site/x.html ] || fail "a code with ../ wrote outside the site's folder"
for page in odd-site/index.html odd-site/compare.html odd-site/compare/NI-1.html; do
  CHECKS=$((CHECKS + 1))
  python3 "$CHECK" static "$page" --site odd-site >check.out 2>&1 || fail "$page: $(head -c 800 check.out)"
done

# In the browser, #area-CODE scrolls to the area and highlights its row, and only that row.
CHROMIUM=""
for c in /usr/bin/chromium /usr/bin/chromium-browser; do [ -x "$c" ] && CHROMIUM=$c && break; done
if [ -n "$CHROMIUM" ]; then
  sed 's|</body>|<script>addEventListener("load",function(){var s=[];document.querySelectorAll("tr[id]").forEach(function(r){var b=getComputedStyle(r.cells[1]).backgroundColor;if(b!=="rgba(0, 0, 0, 0)"\&\&b!=="rgb(255, 255, 255)")s.push(r.id+"="+b)});document.body.setAttribute("data-lit",s.join(" "))})</script></body>|' \
    site/compare/NI-1.html >site/compare/probe.html
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run --disable-extensions \
    --user-data-dir="$(mktemp -d "$WORK/profile.XXXXXX")" --virtual-time-budget=2000 \
    --dump-dom "file://$WORK/site/compare/probe.html#area-S37000012" >probe.dom 2>probe.err
  CHECKS=$((CHECKS + 1))
  grep -q 'data-lit="area-S37000012=rgb(255, 244, 194)"' probe.dom ||
    fail "the targeted row is not the one highlighted: $(grep -o 'data-lit="[^"]*"' probe.dom)"
  rm -f site/compare/probe.html
else
  echo "note: Chromium is not installed; the highlight is not checked in a browser"
fi

run publish --framework "$FW"; expect_status 2; expect_err "-o DIR is required"

# Every shipped framework, the four countries, publishes a site that passes the checks.
for fw in "$REPO"/frameworks/*/framework.lua; do
  name=$(basename "$(dirname "$fw")")
  run publish --framework "$fw" -o "site-$name"; expect_status 0 "publish $name"
  run run --framework "$fw" --format json --no-store -o "$name.json"; expect_status 0
  CHECKS=$((CHECKS + 1))
  [ "$(ls "site-$name/compare" | wc -l)" -ge 1 ] || fail "$name: no comparison pages"
  first() { ls "$1" | head -2 | sed "s|^|$1/|"; }
  for page in "site-$name/index.html" "site-$name/compare.html" $(first "site-$name/compare") $(first "site-$name/areas"); do
    CHECKS=$((CHECKS + 1))
    python3 "$CHECK" static "$page" --site "site-$name" >check.out 2>&1 || fail "$page: $(head -c 600 check.out)"
  done
  run run --framework "$fw" --format html --no-store -o "$name.html"; expect_status 0
  CHECKS=$((CHECKS + 1))
  python3 "$CHECK" static "$name.html" --json "$name.json" >check.out 2>&1 || fail "$name page: $(head -c 600 check.out)"
done
finish
