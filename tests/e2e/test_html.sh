# test_html.sh - `scorecard run --format html`: one self-contained, accessible page, checked
# statically (html_check.py) and in a real browser (headless Chromium, Debian package
# `chromium`): it loads without console errors, shows the statuses the JSON has, sorts, prints
# on A4 with a page per area, and a screenshot is kept for review. Skips (77) after the static
# checks when Chromium is absent.
SCREENSHOTS="${SCORECARD_ARTIFACTS:-$PWD}/html-screenshots" # ctest runs us in the build tree
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
CHECK="$HERE/html_check.py"
AREAS=(--area S37000012 --area S37000034 --area S37000005)

run init --demo; expect_status 0

# --- the national framework on the demo data, three areas
NHWO="$REPO/frameworks/scotland-nhwo/framework.lua"
run run --framework "$NHWO" "${AREAS[@]}" --format html -o card.html; expect_status 0 "run --format html"
expect_err "stored"
run run --framework "$NHWO" "${AREAS[@]}" --no-store --format json -o card.json; expect_status 0
CHECKS=$((CHECKS + 1))
python3 "$CHECK" static card.html --json card.json >check.out 2>&1 || fail "static checks of card.html: $(head -c 1500 check.out)"
run run --framework "$NHWO" --area S37000012 --no-store --format pdf; expect_status 2 "--format pdf"
expect_err "--format must be"
run run --framework "$NHWO" --area S37000012 --no-store --format html; expect_status 0 "html to standard output"
CHECKS=$((CHECKS + 1)); grep -q '<!DOCTYPE html>' "$OUT" || fail "no HTML on standard output"
CHECKS=$((CHECKS + 1)); grep -q 'class="compare"' "$OUT" && fail "a caterpillar section for a single area"

# --- SPC: the shipped frameworks that use it, and always a small one made here with
# hostile text in its strings, a suppressed value, a provisional one, an unconfirmed
# definition and a series break, on 20 months of data written here.
SPC_PAGES=()
for fw in "$REPO"/frameworks/*/framework.lua; do
  grep -q 'r\.spc' "$fw" || continue
  name=$(basename "$(dirname "$fw")")
  run run --framework "$fw" --no-store --format html -o "spc-$name.html"; expect_status 0 "run $fw --format html"
  run run --framework "$fw" --no-store --format json -o "spc-$name.json"; expect_status 0
  SPC_PAGES+=("spc-$name")
done

mkdir -p spc-check
cat >spc-check/framework.lua <<'LUA'
local r = require "rules"
local colours = {}
for k, v in pairs(r.colours.default) do colours[k] = v end
colours.improvement_high, colours.improvement_low = "green", "green"
colours.concern_high, colours.concern_low, colours.common_cause = "red", "red", "amber"
return r.framework {
  id = "spc-check", version = "1", country = "Scotland", scores = "hscp", period = "month",
  title = 'Flow <script>alert("x")</script> & "friends"',
  source = "https://example.org/framework?a=1&b=2",
  comparator = "S92000003", colours = colours,
  outcomes = { { id = "F1", title = "Flow </th><td>", indicators = { "DD", "WAIT", "CHG" } } },
  indicators = {
    { id = "DD", title = "Delayed discharge bed days", unit = "bed days", polarity = "lower",
      rule = r.spc { target = 430 } },
    { id = "WAIT", title = "Seen <within> 4 hours", unit = "%", polarity = "higher",
      definition = "unconfirmed", notes = "<img src=x onerror=alert(1)>",
      rule = r.benchmark { interval = "published" } },
    { id = "CHG", title = "Change since January 2022", unit = "per 1,000", polarity = "higher",
      rule = r.change { base = "2022-01", mode = "direction", interval = 0.5 } },
  },
}
LUA
python3 - <<'PY'
import csv
noise = [3, -5, 8, -2, 6, -7, 1, 4, -6, 2, -3, 7, -4, 5, -1, 0, 3, -8, 6, -2]
months = ["%d-%02d" % (2022 + i // 12, i % 12 + 1) for i in range(20)]
w = csv.writer(open("spc.csv", "w", newline=""))
w.writerow(["indicator", "area", "period", "value", "lower_ci", "upper_ci", "status", "series_break"])
areas = {"S37000012": (500, -8, 0), "S37000034": (450, 0, -3), "S37000005": (420, 6, 5), "S92000003": (455, 0, 0)}
for area, (base, drift, shift) in areas.items():
    for i, p in enumerate(months):
        w.writerow(["DD", area, p, round(base + drift * i + noise[i], 1), "", "", "", ""])
        v = round(80 + shift + noise[i] * 0.2, 1)
        last = i == len(months) - 1
        if last and area == "S37000034":
            w.writerow(["WAIT", area, p, "*", "", "", "", ""])
        else:
            w.writerow(["WAIT", area, p, v, round(v - 2, 1), round(v + 2, 1),
                        "provisional" if last and area == "S37000012" else "", ""])
        brk = "yes" if area == "S37000005" and p == "2023-01" else ""
        w.writerow(["CHG", area, p, round(50 + 0.5 * i + (shift or 1) * 0.3, 1), "", "", "", brk])
PY
run import spc.csv; expect_status 0 "import spc.csv"
SPC_FW="$WORK/spc-check/framework.lua"
run run --framework "$SPC_FW" "${AREAS[@]}" --no-store --format html -o spc-check.html; expect_status 0 "run spc-check --format html"
run run --framework "$SPC_FW" "${AREAS[@]}" --no-store --format json -o spc-check.json; expect_status 0
SPC_PAGES+=(spc-check)
python3 - spc-check.json <<'PY' || fail "the SPC check run lacks a case it should exercise"
import json, sys
d = json.load(open(sys.argv[1]))
ind = {(a["code"], i["id"]): i for a in d["areas"] for i in a["indicators"]}
assert ind["S37000012", "DD"]["method"] == "spc" and ind["S37000012", "DD"]["details"]["result"]["points"]
assert {ind[a, "DD"]["status"] for a in ("S37000012", "S37000034", "S37000005")} == {"green", "amber", "red"}
assert ind["S37000034", "WAIT"]["no_colour_status"] == "suppressed", ind["S37000034", "WAIT"]
assert "provisional" in ind["S37000012", "WAIT"]["flags"]
assert "definition_unconfirmed" in ind["S37000012", "WAIT"]["flags"]
assert ind["S37000005", "CHG"]["no_colour_status"] == "not_comparable", ind["S37000005", "CHG"]
PY
CHECKS=$((CHECKS + 1))
python3 "$CHECK" static spc-check.html --json spc-check.json \
  --literal 'Flow <script>alert("x")</script> & "friends"' --literal 'Seen <within> 4 hours' \
  --literal '<img src=x onerror=alert(1)>' --literal 'https://example.org/framework?a=1&b=2' \
  >check.out 2>&1 || fail "static checks of spc-check.html: $(head -c 1500 check.out)"
for page in "${SPC_PAGES[@]}"; do
  [ "$page" = spc-check ] && continue
  CHECKS=$((CHECKS + 1))
  python3 "$CHECK" static "$page.html" --json "$page.json" >check.out 2>&1 ||
    fail "static checks of $page.html: $(head -c 1500 check.out)"
done

# --- the browser
CHROMIUM=""
for c in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$c" ]; then CHROMIUM=$c; break; fi
done
if [ -z "$CHROMIUM" ]; then
  [ "$FAILED" -eq 0 ] || { finish; exit 1; }
  echo "SKIP: the browser checks need Chromium (Debian package chromium); the static checks passed"
  exit 77
fi

# browse NAME ARGS...: headless Chromium on its own profile, output to NAME and NAME.err.
browse() {
  local name=$1
  shift
  timeout 180 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --disable-sync --no-first-run --disable-extensions \
    --user-data-dir="$(mktemp -d "$WORK/profile.XXXXXX")" --enable-logging=stderr --v=0 "$@" >"$name" 2>"$name.err"
  local rc=$?
  CHECKS=$((CHECKS + 1))
  [ "$rc" -eq 0 ] || fail "chromium exited $rc on $*: $(tail -c 600 "$name.err")"
  # Chromium logs every console message of a page as CONSOLE; these pages write none, so any is an error.
  CHECKS=$((CHECKS + 1))
  if grep -E 'CONSOLE[(:]' "$name.err" | grep -q 'file://'; then
    fail "console messages from the page: $(grep -E 'CONSOLE[(:]' "$name.err" | head -5)"
  fi
}

for page in card "${SPC_PAGES[@]}"; do
  browse "$page.dom" --dump-dom "file://$WORK/$page.html"
  CHECKS=$((CHECKS + 1))
  python3 "$CHECK" dom "$page.dom" --json "$page.json" >check.out 2>&1 ||
    fail "the page as the browser built it ($page): $(head -c 1500 check.out)"
done
# The SPC time axis, as the browser lays it out: in every chart no two period labels overlap,
# and the first label is the first point's period (each point's title starts with it).
for page in "${SPC_PAGES[@]}"; do
  sed 's|</body>|<script>addEventListener("load",function(){var bad=[],n=0;document.querySelectorAll("svg.spc-chart").forEach(function(c,k){var l=c.querySelectorAll(".x-label"),t=c.querySelector("g > title");n++;if(!l.length){bad.push(k+":none");return}for(var i=1;i<l.length;i++){var a=l[i-1].getBBox(),b=l[i].getBBox();if(a.x+a.width>b.x)bad.push(k+":"+l[i-1].textContent+"/"+l[i].textContent)}if(!t\|\|t.textContent.split(": ")[0]!==l[0].textContent)bad.push(k+":first "+l[0].textContent)});document.body.setAttribute("data-axis",n+" "+(bad.join(" ")\|\|"ok"))})</script></body>|' \
    "$page.html" >"$page-axis.html"
  browse "$page-axis.dom" --dump-dom "file://$WORK/$page-axis.html"
  CHECKS=$((CHECKS + 1))
  grep -Eq 'data-axis="[1-9][0-9]* ok"' "$page-axis.dom" ||
    fail "SPC time axis of $page: $(grep -o 'data-axis="[^"]*"' "$page-axis.dom" | head -c 600)"
done
CHECKS=$((CHECKS + 1))
grep -q 'Flow &lt;script&gt;alert("x")&lt;/script&gt;' spc-check.dom || fail "the framework title did not stay text in the browser"

# Sorting: a page of our own holds the scorecard in a frame, clicks the Status header of the
# first indicators table twice and writes the order it sees.
cat >sort.html <<'HTML'
<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>sort</title></head><body>
<iframe id="f" src="card.html" width="1200" height="800"></iframe><pre id="out">pending</pre>
<script>
document.getElementById('f').addEventListener('load', function () {
  var out = document.getElementById('out');
  try {
    var t = this.contentDocument.querySelector('table.indicators'), th = t.tHead.rows[0].cells[5];
    var order = function () { return Array.prototype.map.call(t.tBodies[0].rows, function (r) { return r.getAttribute('data-status'); }).join(','); };
    th.querySelector('button').click();
    var up = order() + ' ' + th.getAttribute('aria-sort');
    th.querySelector('button').click();
    out.textContent = 'up=' + up + ' down=' + order() + ' ' + th.getAttribute('aria-sort');
  } catch (e) { out.textContent = 'error: ' + e; }
});
</script></body></html>
HTML
browse sort.dom --allow-file-access-from-files --dump-dom "file://$WORK/sort.html"
python3 - sort.dom card.json <<'PY' || fail "sorting by status: $(grep -o '<pre id="out">[^<]*' sort.dom)"
import json, re, sys
got = re.search(r'<pre id="out">([^<]*)', open(sys.argv[1]).read()).group(1)
m = re.fullmatch(r"up=(\S+) ascending down=(\S+) descending", got)
assert m, got
rank = {"red": 0, "amber": 1, "green": 2, "grey": 3}
statuses = [i["status"] for i in json.load(open(sys.argv[2]))["areas"][0]["indicators"]]
assert m.group(1).split(",") == sorted(statuses, key=rank.get), got
assert m.group(2).split(",") == sorted(statuses, key=rank.get, reverse=True), got
PY

# Print: A4 pages, each area starting a page.
browse card.pdf.log --no-pdf-header-footer --print-to-pdf="$WORK/card.pdf" "file://$WORK/card.html"
python3 - card.pdf card.json <<'PY' || fail "the printed scorecard is not A4 with a page per area"
import json, re, sys
pdf = open(sys.argv[1], "rb").read()
boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
assert boxes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in boxes), boxes[:3]
pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
areas = len(json.load(open(sys.argv[2]))["areas"])
assert pages >= areas + 2, (pages, areas)
PY

# Screenshots for review, kept beside the build.
mkdir -p "$SCREENSHOTS"
for page in card spc-check; do
  browse "$page.shot" --hide-scrollbars --window-size=1280,2000 --screenshot="$WORK/$page.png" "file://$WORK/$page.html"
  CHECKS=$((CHECKS + 1))
  python3 - "$page.png" <<'PY' || fail "no 1280x2000 screenshot of $page"
import struct, sys
head = open(sys.argv[1], "rb").read(24)
assert head[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", head[16:24]) == (1280, 2000), head
PY
  cp "$page.png" "$page.html" "$SCREENSHOTS/" 2>/dev/null
done
echo "screenshots: $SCREENSHOTS/card.png, $SCREENSHOTS/spc-check.png"
finish
