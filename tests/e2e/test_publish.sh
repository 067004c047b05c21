# test_publish.sh - `scorecard publish`: a static site with an index, a page per area and a
# comparison page; relative links only, every link resolves, pages pass the HTML checks.
. "$(dirname "$0")/lib.sh"
CHECK="$(cd "$(dirname "$0")" && pwd)/html_check.py"
FW="$REPO/frameworks/scotland-nhwo/framework.lua"
"$SCORECARD" init --demo >/dev/null || fail "init --demo"

run publish --framework "$FW" -o site
expect_status 0; expect_out "site: index.html, compare.html and 31 area pages (run 1, period 2023/24)"
run run --framework "$FW" --format json --no-store -o all.json; expect_status 0

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
    row = re.search(r'href="areas/%s\.html">[^<]*</a></th><td>%s</td><td>(.*?)</td>' % (a["code"], a["code"]), index)
    assert row and word in row.group(1), (a["code"], a["status"])
    page = open(os.path.join(site, "areas", a["code"] + ".html"), encoding="utf-8").read()
    assert a["name"].replace("&", "&amp;") in page and "http://" not in page.replace("http://www.w3.org", "")
PY
CHECKS=$((CHECKS + 1))
python3 "$CHECK" static site/areas/S37000012.html >check.out 2>&1 || fail "area page: $(head -c 800 check.out)"
CHECKS=$((CHECKS + 1))
python3 "$CHECK" static site/compare.html --json all.json >check.out 2>&1 || fail "compare page: $(head -c 800 check.out)"
run publish --framework "$FW"; expect_status 2; expect_err "-o DIR is required"

# Every shipped framework, the four countries, publishes a site that passes the checks.
for fw in "$REPO"/frameworks/*/framework.lua; do
  name=$(basename "$(dirname "$fw")")
  run publish --framework "$fw" -o "site-$name"; expect_status 0 "publish $name"
  run run --framework "$fw" --format json --no-store -o "$name.json"; expect_status 0
  CHECKS=$((CHECKS + 1))
  python3 "$CHECK" static "site-$name/compare.html" --json "$name.json" >check.out 2>&1 ||
    fail "$name compare page: $(head -c 600 check.out)"
done
finish
