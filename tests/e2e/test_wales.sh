# test_wales.sh - the Welsh frameworks end to end: frameworks/wales-social-services (the
# national outcomes framework for people who need care and support and carers) and
# frameworks/wales-hsc-outcomes (the quadruple aim), each scoring the seven Regional
# Partnership Boards, with a companion lhb.lua scoring the coterminous health boards.
#
# Data: a synthetic council-level file written below (numerators, denominators and the value
# as a publisher would print it); with the shared folder, also the real health board
# population table (humaniverse/healthindexwales, wales-hb-populations.csv) whose 75+
# populations become the denominators of a synthetic health-board delayed-transfers series.
#
# Roll-up: councils (W06) are members of their health board (W11), and the health board is
# the only member of its RPB. derive = "sum" follows memberships down (RPB -> health board ->
# councils), so council returns reach the RPB and the result names the councils.
. "$(dirname "$0")/lib.sh"
SS="$REPO/frameworks/wales-social-services"
HSC="$REPO/frameworks/wales-hsc-outcomes"

# The frameworks' own cases pass, and they check clean.
for fw in "$SS" "$HSC"; do
  run test "$fw/framework.lua"
  expect_status 0 "scorecard test $(basename "$fw")"
  expect_out " passed, 0 failed"
  run test --cases "$fw/lhb_tests.lua" "$fw/lhb.lua"
  expect_status 0 "scorecard test $(basename "$fw")/lhb.lua"
  expect_out " passed, 0 failed"
done

"$SCORECARD" init >/dev/null || fail "init"

# The nesting the roll-up has to cross: RPB -> its health board -> councils.
run areas --parent RPB-W11000023 --format csv
expect_status 0 "areas --parent RPB-W11000023"
CHECKS=$((CHECKS + 1))
[ "$(tail -n +2 "$OUT" | cut -d, -f1 | tr '\n' ' ')" = "W11000023 " ] ||
  fail "RPB-W11000023 should have one member, its health board: $(cat "$OUT")"
run areas --parent W11000023 --format csv
CHECKS=$((CHECKS + 1))
[ "$(tail -n +2 "$OUT" | cut -d, -f1 | tr '\n' ' ')" = "W06000001 W06000002 W06000003 W06000004 W06000005 W06000006 " ] ||
  fail "W11000023 should have the six North Wales councils: $(cat "$OUT")"

# Synthetic council returns for 2023/24: North Wales (six councils), Powys (one) and
# West Glamorgan (Swansea, Neath Port Talbot). Other footprints have no data.
cat >"$WORK/wales_councils.csv" <<'CSV'
indicator,area,period,value,numerator,denominator,note
SS-REABLEMENT,W06000001,2023/24,90.0,180,200,synthetic
SS-REABLEMENT,W06000002,2023/24,90.0,270,300,synthetic
SS-REABLEMENT,W06000003,2023/24,84.0,210,250,synthetic
SS-REABLEMENT,W06000004,2023/24,85.0,170,200,synthetic
SS-REABLEMENT,W06000005,2023/24,85.7,300,350,synthetic
SS-REABLEMENT,W06000006,2023/24,86.7,260,300,synthetic
SS-REABLEMENT,W06000023,2023/24,95.0,190,200,synthetic
SS-REABLEMENT,W06000011,2023/24,90.0,540,600,synthetic
SS-REABLEMENT,W06000012,2023/24,75.0,150,200,synthetic
SS-AAR-ENQ-7WD,W06000001,2023/24,95.0,95,100,synthetic
SS-AAR-ENQ-7WD,W06000002,2023/24,95.0,190,200,synthetic
SS-AAR-ENQ-7WD,W06000003,2023/24,50.0,100,200,synthetic
SS-AAR-ENQ-7WD,W06000004,2023/24,83.3,100,120,synthetic
SS-AAR-ENQ-7WD,W06000005,2023/24,76.7,230,300,synthetic
SS-AAR-ENQ-7WD,W06000006,2023/24,87.5,245,280,synthetic
SS-AAR-ENQ-7WD,W06000023,2023/24,92.0,92,100,synthetic
SS-AAR-ENQ-7WD,W06000011,2023/24,92.0,460,500,synthetic
SS-AAR-ENQ-7WD,W06000012,2023/24,93.3,280,300,synthetic
SS-ASSESS-NO-PLAN,W06000001,2023/24,40.0,40,100,synthetic
SS-ASSESS-NO-PLAN,W06000002,2023/24,50.0,100,200,synthetic
SS-ASSESS-NO-PLAN,W06000003,2023/24,48.0,120,250,synthetic
SS-ASSESS-NO-PLAN,W06000004,2023/24,50.0,50,100,synthetic
SS-ASSESS-NO-PLAN,W06000005,2023/24,50.0,150,300,synthetic
SS-ASSESS-NO-PLAN,W06000006,2023/24,46.7,140,300,synthetic
SS-ASSESS-NO-PLAN,W06000023,2023/24,55.0,55,100,synthetic
SS-ASSESS-NO-PLAN,W06000011,2023/24,40.0,200,500,synthetic
SS-ASSESS-NO-PLAN,W06000012,2023/24,50.0,100,200,synthetic
CSV
run import "$WORK/wales_councils.csv"
expect_status 0 "import the council file"
expect_out "27 rows read, 27 new"

REAL=0
if [ -d "$SHARED/data/real" ]; then
  REAL=1
  run import --mapping "$REPO/data/mappings/wales-lhb-population.json" "$SHARED/data/real/wales_lhb_population_by_age_raw.csv"
  expect_status 0 "import the Welsh health board population table"
  expect_out "96 rows read, 96 new"
  # Denominators: population aged 75+ = 75-84 + 85+ (never the subtotal columns re-added).
  "$SCORECARD" data --format csv >"$WORK/population.csv" 2>"$WORK/population.err" || fail "data: $(cat "$WORK/population.err")"
  python3 - "$WORK/population.csv" "$WORK/wales_dtoc.csv" <<'PY' || fail "could not build the delayed-transfers file"
import csv, sys
pop = {}
for row in csv.DictReader(open(sys.argv[1])):
    if row["indicator"] in ("population-75-84", "population-85plus"):
        pop[row["area"]] = pop.get(row["area"], 0) + int(row["value"])
lhbs = ["W11000023", "W11000024", "W11000025", "W11000028", "W11000029", "W11000030", "W11000031"]
# The file's check figures: Betsi Cadwaladr 75+ = 60,204 + 21,299; Wales = the sum of the seven.
assert pop["W11000023"] == 81503, pop
assert pop["W92000004"] == 331023 == sum(pop[c] for c in lhbs), pop
# Synthetic delay counts (base 2018/19, latest 2023/24); the one population snapshot in the
# file (mid-2023, assumed) is the denominator of both years, so the rate changes as the count.
counts = {"W11000023": (300, 240), "W11000024": (60, 62), "W11000025": (150, 150), "W11000028": (200, 230),
          "W11000029": (120, 100), "W11000030": (140, 145), "W11000031": (130, 150)}
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["indicator", "area", "period", "value", "numerator", "denominator", "note"])
    for code in lhbs:
        for period, n in zip(("2018/19", "2023/24"), counts[code]):
            w.writerow(["SS-DTOC", code, period, "%.3f" % (1000 * n / pop[code]), n, pop[code],
                        "synthetic count; denominator: population 75+ (real table)"])
PY
  run import "$WORK/wales_dtoc.csv"
  expect_status 0 "import the health board delayed-transfers file"
  expect_out "14 rows read, 14 new"
fi

for fw in "$SS/framework.lua" "$SS/lhb.lua" "$HSC/framework.lua" "$HSC/lhb.lua"; do
  run check "$fw"
  expect_status 0 "scorecard check $fw"
  expect_out "; 0 errors, "
done

# The default period is the financial year of the latest data.
run run --framework "$SS/framework.lua" --format json --no-store
expect_status 0 "run wales-social-services"
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d['period'] == '2023/24', d['period']" "$OUT" ||
  fail "the default period is not 2023/24"
CHECKS=$((CHECKS + 1))

for name in ss_rpb ss_lhb hsc_rpb hsc_lhb; do
  case $name in
    ss_rpb) fw="$SS/framework.lua" ;; ss_lhb) fw="$SS/lhb.lua" ;;
    hsc_rpb) fw="$HSC/framework.lua" ;; hsc_lhb) fw="$HSC/lhb.lua" ;;
  esac
  run run --framework "$fw" --period 2023/24 --format json --no-store
  expect_status 0 "run $fw"
  cp "$OUT" "$WORK/$name.json"
done

python3 - "$WORK" "$REAL" <<'PY' || fail "the Welsh scorecards are not as worked out by hand"
import json, sys
work, real = sys.argv[1], sys.argv[2] == "1"
def load(name):
    d = json.load(open(f"{work}/{name}.json"))
    assert d["period"] == "2023/24" and d["period_start"] == "2023-04-01" and d["period_end"] == "2024-03-31", d["period"]
    return d, {a["code"]: a for a in d["areas"]}
def inds(area): return {i["id"]: i for i in area["indicators"]}
def outs(area): return {o["id"]: o for o in area["outcomes"]}
def close(a, b): return a is not None and abs(a - b) < 1e-9

RPBS = ["RPB-W11000023", "RPB-W11000024", "RPB-W11000025", "RPB-W11000028",
        "RPB-W11000029", "RPB-W11000030", "RPB-W11000031"]
NW = ",".join("W0600000%d" % i for i in range(1, 7))
WG = "W06000011,W06000012"

# Council returns rolled up to each footprint, by hand (numerator / denominator x 100):
#   North Wales    reablement (180+270+210+170+300+260)/(200+300+250+200+350+300) = 1390/1600 = 86.875 amber
#                  enquiries  (95+190+100+100+230+245)/(100+200+200+120+300+280) = 960/1200 = 80 red
#                  no plan    (40+100+120+50+150+140)/(100+200+250+100+300+300) = 600/1250 = 48, same as Wales
#   Powys          190/200 = 95 green; 92/100 = 92 green; 55/100 = 55 higher
#   West Glamorgan (540+150)/(600+200) = 86.25 amber (an average of 90 and 75 would be 82.5, red);
#                  (460+280)/(500+300) = 92.5 green; (200+100)/(500+200) = 42.857 lower
FOOT = {
    "W11000023": {"SS-REABLEMENT": (1390, 1600, "near", "amber", NW), "SS-AAR-ENQ-7WD": (960, 1200, "not_met", "red", NW),
                  "SS-ASSESS-NO-PLAN": (600, 1250, "same", "grey", NW)},
    "W11000024": {"SS-REABLEMENT": (190, 200, "met", "green", "W06000023"), "SS-AAR-ENQ-7WD": (92, 100, "met", "green", "W06000023"),
                  "SS-ASSESS-NO-PLAN": (55, 100, "higher", "grey", "W06000023")},
    "W11000031": {"SS-REABLEMENT": (690, 800, "near", "amber", WG), "SS-AAR-ENQ-7WD": (740, 800, "met", "green", WG),
                  "SS-ASSESS-NO-PLAN": (300, 700, "lower", "grey", WG)},
}

def check_derived(x, num, den, assessment, colour, members, where):
    w = f"{where} {x['id']}: {x['assessment']} {x['reason']}"
    assert x["assessment"] == assessment and x["status"] == colour, w
    assert close(x["value"], 100 * num / den), w
    assert x["reason"].endswith(f"(derived from {members})"), w
    assert "derived" in x["flags"], w
    o = x["details"]["observation"]
    assert o["derived"] is True and o["numerator"] == num and o["denominator"] == den, (w, o)
    if colour != "grey":
        assert "framework assumption, not a national target" in x["reason"], w

# DToC by hand, when the real population table is there: rate = count / pop75+ x 1000, the
# same denominator both years, so the relative change is the change in the count.
POP75 = {"W11000023": 81503, "W11000024": 18832, "W11000025": 48202, "W11000028": 59057,
         "W11000029": 40491, "W11000030": 43314, "W11000031": 39624}
DTOC = {"W11000023": (300, 240, "improving", "green"),   # -20%
        "W11000024": (60, 62, "no_change", "amber"),     # +3.3%, within 5%
        "W11000025": (150, 150, "no_change", "amber"),   # 0
        "W11000028": (200, 230, "worsening", "red"),     # +15%
        "W11000029": (120, 100, "improving", "green"),   # -16.7%
        "W11000030": (140, 145, "no_change", "amber"),   # +3.6%
        "W11000031": (130, 150, "worsening", "red")}     # +15.4%

# ---- wales-social-services, health board footprint (lhb.lua): derived from the councils ----
d, areas = load("ss_lhb")
assert d["framework"]["id"] == "wales-social-services-lhb" and d["framework"]["extends"] == "wales-social-services@2026.2"
assert sorted(areas) == sorted(c[4:] for c in RPBS), sorted(areas)
for code, want in FOOT.items():
    x = inds(areas[code])
    for ind, (num, den, assessment, colour, members) in want.items():
        check_derived(x[ind], num, den, assessment, colour, members, code)
nw = areas["W11000023"]
o = outs(nw)
assert o["WB02"]["status"] == "amber" and o["WB10"]["status"] == "red" and o["WB12"]["status"] == "amber", o
assert o["WB01"]["status"] == "grey"  # the no-judgement measure and a placeholder: no colour
assert nw["status"] == "red" and nw["reason"].startswith("worst of the children: red"), nw["reason"]
# with the real denominators, each footprint's own delayed-transfers figure (DTOC) joins statement 2
assert areas["W11000024"]["status"] == ("amber" if real else "green"), areas["W11000024"]["reason"]
assert areas["W11000031"]["status"] == ("red" if real else "amber"), areas["W11000031"]["reason"]
for code in ("W11000025", "W11000028", "W11000029", "W11000030"):  # no council data
    x = inds(areas[code])
    assert x["SS-REABLEMENT"]["assessment"] == "missing", code
# Placeholders: never scored, flagged unconfirmed.
for a in areas.values():
    for i in range(1, 23):
        x = inds(a)["WB%02d-NOI" % i]
        assert x["assessment"] == "not_reported" and x["status"] == "grey", x
        assert "definition_unconfirmed" in x["flags"] and "not yet part of the scorecard" in x["reason"], x
    assert "definition_unconfirmed" in inds(a)["SS-DTOC"]["flags"]

# ---- wales-social-services, RPBs (framework.lua) ----
d, areas = load("ss_rpb")
assert d["framework"]["id"] == "wales-social-services" and sorted(areas) == RPBS, sorted(areas)
_, lhb = load("ss_lhb")
for rpb in RPBS:
    code = rpb[4:]
    x, y = inds(areas[rpb]), inds(lhb[code])
    for ind in ("SS-REABLEMENT", "SS-AAR-ENQ-7WD", "SS-ASSESS-NO-PLAN"):
        if code in FOOT:
            # nested memberships (RPB -> health board -> councils): the RPB equals its footprint
            # and names the councils
            num, den, assessment, colour, members = FOOT[code][ind]
            check_derived(x[ind], num, den, assessment, colour, members, rpb)
        else:
            assert x[ind]["assessment"] == "missing", (rpb, ind)
    if real:
        # health board figures do reach the RPB: one step, "derived from W11..."
        base, latest, assessment, colour = DTOC[code]
        z = x["SS-DTOC"]
        w = f"{rpb} SS-DTOC: {z['assessment']} {z['reason']}"
        assert z["assessment"] == assessment and z["status"] == colour and z["method"] == "change", w
        assert close(z["value"], 1000 * latest / POP75[code]), w
        assert z["details"]["observation"]["numerator"] == latest and z["details"]["observation"]["denominator"] == POP75[code], w
        assert z["reason"].endswith(f"(derived from {code})") and "derived" in z["flags"], w
        assert z["comparator"] is not None and close(z["comparator"], 1000 * base / POP75[code]), w
        assert close(z["details"]["result"]["change"], 100 * (latest - base) / base), (w, z["details"]["result"])
        assert "definition_unconfirmed" in z["flags"] and z["details"]["rule"]["params"]["base"] == "2018/19", w
        assert z["details"]["rule"]["params"]["mode"] == "direction" and z["details"]["rule"]["params"]["relative"] is True, w

# ---- wales-hsc-outcomes, RPBs and health board footprint ----
d, areas = load("hsc_rpb")
assert d["framework"]["id"] == "wales-hsc-outcomes" and sorted(areas) == RPBS
for a in areas.values():
    o = outs(a)
    assert [k for k in o] == ["OVERARCHING", "QA1", "QA2", "QA3", "QA4"], list(o)
    assert o["OVERARCHING"]["indicators"] == ["HSC-PI%02d" % i for i in range(1, 14)], o["OVERARCHING"]
    for k in ("OVERARCHING", "QA1", "QA4"):
        assert o[k]["status"] == "grey", (a["code"], k)
    for i in range(1, 14):
        x = inds(a)["HSC-PI%02d" % i]
        assert x["assessment"] == "not_reported" and "definition_unconfirmed" in x["flags"], x
    if real:
        code = a["code"][4:]
        assert o["QA3"]["status"] == DTOC[code][3], (a["code"], o["QA3"])
        assert inds(a)["SS-DTOC"]["reason"].endswith(f"(derived from {code})")
d, areas = load("hsc_lhb")
assert d["framework"]["extends"] == "wales-hsc-outcomes@2026.1"
for code, want in FOOT.items():
    x = inds(areas[code])
    for ind in ("SS-REABLEMENT", "SS-AAR-ENQ-7WD"):
        num, den, assessment, colour, members = want[ind]
        check_derived(x[ind], num, den, assessment, colour, members, code)
qa2 = {c: outs(areas[c])["QA2"]["status"] for c in FOOT}
assert qa2 == {"W11000023": "red", "W11000024": "green", "W11000031": "amber"}, qa2
PY
CHECKS=$((CHECKS + 1))
finish
