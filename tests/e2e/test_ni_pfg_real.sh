# test_ni_pfg_real.sh - the Northern Ireland PfG Wellbeing Framework (frameworks/ni-pfg) on the
# real NISRA JSON-stat files the PfG dashboard keeps (PfGAnalytics/Wellbeing-Dashboard,
# backup/*.json at f0c5049): the statuses its change rule gives the six health and social care
# indicators for Northern Ireland, worked out by hand below.
. "$(dirname "$0")/lib.sh"
need_shared
R="$SHARED/data/real"
FW="$REPO/frameworks/ni-pfg"

# The framework's own cases (synthetic series) and the interval fixture pass.
run test "$FW/framework.lua"
expect_status 0 "scorecard test ni-pfg"
expect_out " passed, 0 failed"
run test --cases "$FW/fixture_intervals_tests.lua" "$FW/fixture_intervals.lua"
expect_status 0 "scorecard test the interval fixture"
expect_out "8 passed, 0 failed"

"$SCORECARD" init >/dev/null || fail "init"
CHECKS=$((CHECKS + 1))
n=0
for f in "$R"/ni_pfg_*.json; do
  "$SCORECARD" import "$f" >/dev/null 2>"$WORK/import.err" || fail "import $(basename "$f"): $(head -c 400 "$WORK/import.err")"
  n=$((n + 1))
done
[ "$n" -eq 9 ] || fail "expected the 9 NISRA JSON-stat files, found $n"

# check: no errors; the only warnings are the three indicators with no data file here.
run check "$FW/framework.lua"
expect_status 0 "scorecard check ni-pfg"
expect_out "ni-pfg 2025.05-1: 9 indicators, 2 outcomes; 0 errors, 3 warnings"
expect_err 'the store has no series "INDSPORTS"'
expect_err 'the store has no series "INDATWALK"'
expect_err 'the store has no series "INDVOL"'
CHECKS=$((CHECKS + 1))
[ "$(grep -c '^warning: ' "$ERR")" -eq 3 ] || fail "unexpected warnings: $(cat "$ERR")"

# 2023/24 (1 April 2023 - 31 March 2024) is the financial year holding the latest point of every
# series: 2023 (adult social care), 2021-23 (healthy life expectancy), 2018-22 (preventable
# deaths), 2023/24 (mental health, loneliness). It is also the default period.
run run --framework "$FW/framework.lua" --format json --no-store
expect_status 0 "run ni-pfg"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['period'] == '2023/24', d['period']" "$OUT" ||
  fail "the default period is not 2023/24"
CHECKS=$((CHECKS + 1))

run run --framework "$FW/framework.lua" --period 2023/24 --format json --no-store
expect_status 0 "run ni-pfg --period 2023/24"
python3 - "$OUT" "$R/ni_pfg_indicator_change_rules.csv" <<'PY' || fail "the NI PfG scorecard is not as worked out by hand"
import csv, json, sys
doc = json.load(open(sys.argv[1]))
assert doc["framework"]["id"] == "ni-pfg", doc["framework"]
assert doc["period"] == "2023/24" and doc["period_end"] == "2024-03-31", doc["period"]
areas = {a["code"]: a for a in doc["areas"]}
ni = areas["N92000002"]
inds = {i["id"]: i for i in ni["indicators"]}

# The rule (PfG dashboard, scripts/data_functions.js): change = latest - base, rounded to the
# most decimals written in the series; improving if the change reaches the interval ("ci") in
# the direction of improvement, worsening if it reaches it the other way (inclusive), else no
# change. Each row: id, base period, base value, latest period, latest value (as published),
# change, interval, assessment, colour.
EXPECTED = [
    # adult social care: 69.2 - 68.4 = +0.8; increase wanted, +0.8 < 1 and not <= -1: no change
    ("INDADSC", "2019", 68.4, "2023", "69.2", 0.8, 1, "no_change", "amber"),
    # preventable deaths: 179 - 168 = +11 (0 dp); decrease wanted, +11 is not <= -4.8, and
    # +11 >= 4.8 the other way: worsening
    ("INDPREVDTH", "2014-18", 168, "2018-22", "179", 11, 4.8, "worsening", "red"),
    # mental health: 18.8 - 19.5 = -0.7; decrease wanted, -0.7 is not <= -1.3, nor >= 1.3: no change
    ("INDMHEALTH", "2019/20", 19.5, "2023/24", "18.8", -0.7, 1.3, "no_change", "amber"),
    # healthy life expectancy, males: 60.3 - 59.2 = +1.1; increase wanted, 1.1 < 1.6: no change
    ("INDHLEM", "2017-19", 59.2, "2021-23", "60.3", 1.1, 1.6, "no_change", "amber"),
    # healthy life expectancy, females: 61.4 - 61.0 = +0.4; 0.4 < 1.5: no change
    ("INDHLEF", "2017-19", 61.0, "2021-23", "61.4", 0.4, 1.5, "no_change", "amber"),
    # loneliness: 17.8 - 20.2 = -2.4; decrease wanted, -2.4 <= -2: improving
    ("INDLONE", "2021/22", 20.2, "2023/24", "17.8", -2.4, 2, "improving", "green"),
]
for ind, base, base_value, latest, latest_text, change, interval, assessment, colour in EXPECTED:
    x = inds[ind]
    where = f"{ind}: {x['assessment']} {x['reason']}"
    assert x["assessment"] == assessment, where
    assert x["status"] == colour, where
    assert x["method"] == "change", where
    assert x["period"] == latest and x["value_text"] == latest_text, where
    assert abs(x["value"] - float(latest_text)) < 1e-9, where
    assert x["comparator"] == base_value, where
    d = x["details"]
    assert d["observation"]["period"] == latest and abs(d["observation"]["value"] - float(latest_text)) < 1e-9, where
    assert d["rule"]["params"]["base"] == base and d["rule"]["params"]["interval"] == interval, where
    assert d["rule"]["params"]["mode"] == "pfg", where
    res = d["result"]
    assert res["base_period"] == base and res["base_value"] == base_value, where
    assert abs(res["change"] - change) < 1e-9 and res["threshold"] == interval, where
    assert "scope" not in res and "engine extension" not in x["reason"], where  # NI: the dashboard's own scope
    assert x["definition"] == "confirmed" and x["flags"] == [], where

# The three indicators with no data here: missing, and flagged unconfirmed.
for ind in ("INDSPORTS", "INDATWALK", "INDVOL"):
    x = inds[ind]
    assert x["assessment"] == "missing" and x["status"] == "grey", (ind, x["assessment"])
    assert "definition_unconfirmed" in x["flags"], (ind, x["flags"])
assert "base" not in inds["INDATWALK"]["details"]["rule"]["params"]  # the dashboard's null base year

# Domains: counts per status, no colour (the dashboard counts; it has no RAG roll-up).
outs = {o["id"]: o for o in ni["outcomes"]}
assert outs["Healthier Lives"]["indicators"] == ["INDHLEM", "INDHLEF", "INDMHEALTH", "INDPREVDTH", "INDSPORTS", "INDATWALK"]
assert outs["Healthier Lives"]["reason"] == "0 green, 3 amber, 1 red, 2 without a colour", outs["Healthier Lives"]
assert outs["Caring Society"]["indicators"] == ["INDADSC", "INDLONE", "INDVOL"]
assert outs["Caring Society"]["reason"] == "1 green, 1 amber, 0 red, 1 without a colour", outs["Caring Society"]
assert all(o["status"] == "grey" for o in outs.values())
# Northern Ireland overall counts its indicators, once each: counting the domains, which
# have no colour, gave "0 green, 0 amber, 0 red" for every area.
tally = {c: sum(1 for x in inds.values() if x["status"] == c) for c in ("green", "amber", "red", "grey")}
want = "%(green)d green, %(amber)d amber, %(red)d red, %(grey)d without a colour" % tally
assert ni["status"] == "grey" and ni["reason"] == want, (ni["reason"], want)
assert tally["green"] + tally["amber"] + tally["red"] > 0

# The framework's parameters are the dashboard's rule table (domains_data.js at f0c5049).
ids = {"Adult social care": "INDADSC", "Healthy life expectancy (females)": "INDHLEF",
       "Healthy life expectancy (males)": "INDHLEM", "Mental health": "INDMHEALTH",
       "Preventable deaths": "INDPREVDTH", "Loneliness": "INDLONE"}
rows = list(csv.DictReader(open(sys.argv[2])))
assert len(rows) == 6
for row in rows:
    x = inds[ids[row["indicator"]]]
    p = x["details"]["rule"]["params"]
    assert p["base"] == row["base_year"], (row, p)
    assert float(p["interval"]) == float(row["ci"]), (row, p)
    assert x["polarity"] == {"increase": "higher", "decrease": "lower"}[row["improvement"]], (row, x["polarity"])
    assert ids[row["indicator"]] in outs[row["domain"]]["indicators"], row
PY
CHECKS=$((CHECKS + 1))

# LGDs, on request: the same rule on the LGD series NISRA publishes, marked as an engine
# extension. Belfast preventable deaths 232 (2014-18) -> 256 (2018-22) = +24 >= 4.8: worsening;
# loneliness 25.0 (2021/22) -> 19.3 (2023/24) = -5.7: improving. Ards and North Down 143 -> 143
# = 0: no change; loneliness 16.1 -> 16.0 = -0.1: no change. A trust has no PfG series: missing.
run run --framework "$FW/framework.lua" --period 2023/24 --area N09000003 --area N09000011 --area BHSCT \
  --format json --no-store
expect_status 0 "run ni-pfg for LGDs"
python3 - "$OUT" <<'PY' || fail "the LGD results are not as worked out by hand"
import json, sys
areas = {a["code"]: {i["id"]: i for i in a["indicators"]} for a in json.load(open(sys.argv[1]))["areas"]}
want = {("N09000003", "INDPREVDTH"): ("worsening", "256", 24), ("N09000003", "INDLONE"): ("improving", "19.3", -5.7),
        ("N09000011", "INDPREVDTH"): ("no_change", "143", 0), ("N09000011", "INDLONE"): ("no_change", "16.0", -0.1)}
for (area, ind), (assessment, value_text, change) in want.items():
    x = areas[area][ind]
    assert x["assessment"] == assessment and x["value_text"] == value_text, (area, ind, x["assessment"], x["reason"])
    assert abs(x["details"]["result"]["change"] - change) < 1e-9, (area, ind, x["details"]["result"])
    assert "engine extension" in x["reason"] and "engine extension" in x["details"]["result"]["scope"], x["reason"]
for area in ("N09000003", "N09000011"):
    for ind in ("INDADSC", "INDHLEM", "INDHLEF", "INDMHEALTH"):
        assert areas[area][ind]["assessment"] == "missing", (area, ind)
assert all(x["assessment"] == "missing" for x in areas["BHSCT"].values())
PY
CHECKS=$((CHECKS + 1))
finish
