# test_schemas.sh - every JSON output of the program against its JSON Schema (docs/schema):
# the scorecard of every shipped framework (a mean-score roll-up, SPC, comparators, several
# outcomes), --no-store, the annual report, compare for all areas, for a parent and for named
# areas, explain with and without a comparator, diff with a colour change, a value-only
# change, a rule change and both, and every listing (runs, imports, areas, data, data
# --history, published). Each schema must itself be valid, and a broken output of each
# family must be refused, so a schema that accepts anything fails here.
. "$(dirname "$0")/lib.sh"
SCHEMAS="$REPO/docs/schema"
OUTS="$WORK/outputs"
mkdir -p "$OUTS"

# Draft 2020-12 needs jsonschema 4 or later (CI installs python3-jsonschema).
PY=
for p in python3 /usr/bin/python3; do
  if command -v "$p" >/dev/null && "$p" -c "from jsonschema import Draft202012Validator" 2>/dev/null; then PY=$p; break; fi
done
if [ -z "$PY" ]; then
  fail "no python3 with jsonschema 4 or later (Draft202012Validator): install python3-jsonschema"
  finish
  exit
fi

# keep SCHEMA LABEL: the last command's stdout is an output of SCHEMA (docs/schema/SCHEMA.json).
keep() { cp "$OUT" "$OUTS/$1.$2.json"; }
# run_id: the number of the run the last command stored.
run_id() { sed -n 's/^run \([0-9]*\) stored.*/\1/p' "$ERR"; }

# ---- the demo data: every shipped framework ----
declare -A RUN # framework -> the run stored of it
"$SCORECARD" init --demo >/dev/null || fail "init --demo"
# One health and wellbeing board in eight (20 of 153): validating every area of the four
# English HWB frameworks would take most of a minute and find nothing the others do not.
HWBS=()
for code in $("$SCORECARD" areas --type hwb --on 2024-03-31 --format csv | tail -n +2 | awk -F, 'NR % 8 == 1 {print $1}'); do
  HWBS+=(--area "$code")
done
for dir in "$REPO"/frameworks/*/; do
  fw=$(basename "$dir")
  sel=()
  case $fw in england-bcf* | england-interface) sel=("${HWBS[@]}") ;; esac
  run run --framework "$dir" "${sel[@]}" --format json; expect_status 0 "run $fw"; keep scorecard "$fw"
  RUN[$fw]=$(run_id)
  run run --framework "$dir" "${sel[@]}" --report apr --format json --no-store
  if [ "$STATUS" -eq 0 ]; then keep apr "$fw"; else expect_status 2 "run --report apr $fw"; expect_err "compares years"; fi
done
for fw in demo-scotland scotland-msg england-nof-2025 wales-hsc-outcomes; do
  run compare --framework "$REPO/frameworks/$fw" --format json; expect_status 0 "compare $fw"; keep compare "$fw"
done
run compare --framework "$REPO/frameworks/scotland-msg" --parent S08000020 --format json
expect_status 0; keep compare msg-grampian      # HSCPs sharing councils with an NHS board
run compare --framework "$REPO/frameworks/england-bcf" --parent E54000008 --format json
expect_status 0; keep compare bcf-icb           # HWBs that are members of an ICB
run compare --framework "$REPO/frameworks/scotland-nhwo" --area S37000012 --area S37000014 --format json
expect_status 0; keep compare nhwo-named
run run --framework "$REPO/frameworks/england-nof-2025" --no-store --area RDY --format json
expect_status 0; keep scorecard nof-no-store

# SPC: an XmR chart on a quarterly series.
mkdir -p fw/spc
cat >fw/spc/framework.lua <<'EOF'
local r = require "rules"
return r.framework {
  id = "schema-spc", version = "1", title = "SPC on the demo series", country = "Scotland", scores = "hscp",
  period = "fy_quarter", comparator = "S92000003",
  outcomes = { { id = "O1", title = "charts", indicators = { "SPC-75" } } },
  indicators = {
    { id = "SPC-75", series = "HEAT-75", title = "HEAT A&E within 4 hours, XmR", unit = "%", polarity = "lower",
      rule = r.spc {} },
  },
}
EOF
run run --framework fw/spc --no-store --format json; expect_status 0 "run spc"; keep scorecard spc

# explain: with a comparator, without one, a retired code, an indicator nobody publishes.
run explain --run "${RUN[scotland-nhwo]}" --area S37000001 --indicator NI-12 --format json
expect_status 0; keep explain with-comparator
run explain --run "${RUN[demo-scotland]}" --area S37000012 --indicator MSG-5 --format json
expect_status 0; keep explain threshold
run explain --run "${RUN[demo-scotland]}" --area S37000014 --indicator NI-16 --format json
expect_status 0; keep explain retired-code
run explain --run "${RUN[demo-scotland]}" --area S37000001 --indicator NI-20 --format json
expect_status 0; keep explain not-reported
run explain --run "${RUN[england-nof-2025]}" --area RDY --indicator OF1005 --format json
expect_status 0; keep explain score

# A mean-score roll-up revised: an area's colour and an outcome's score move (numbers in the diff).
printf 'indicator,area,period,value\nOF1005,G6V2S,2023/24 Q4,3.90\n' >nof-revised.csv
run import nof-revised.csv; expect_status 0
run run --framework "$REPO/frameworks/england-nof-2025" --format json -o /dev/null; expect_status 0
run diff "${RUN[england-nof-2025]}" "$(run_id)" --format json; expect_status 0; keep diff nof-revised
run diff "${RUN[demo-scotland]}" "${RUN[scotland-msg]}" --format json; expect_status 0; keep diff two-frameworks

run runs --format json; expect_status 0; keep runs demo
run imports --format json; expect_status 0; keep imports demo
run areas --format json; expect_status 0; keep areas all
run areas --type hscp --on 2024-04-01 --format json; expect_status 0; keep areas hscp
run data --indicator MSG-5 --format json; expect_status 0; keep data msg5
run data --indicator NI-16 --area S37000032 --format json; expect_status 0; keep data retired
run data --indicator OF1005 --history --format json; expect_status 0; keep data-history nof
run published --format json; expect_status 0; keep published none   # the demo publishes no verdicts

# ---- the auditor's journey (tests/e2e/test_audit.sh): each kind of change ----
export SCORECARD_DB="$WORK/audit.db"
FW="$REPO/frameworks/demo-scotland/framework.lua"
"$SCORECARD" init >/dev/null || fail "init audit.db"
"$SCORECARD" import "$REPO"/data/sample/*.csv >/dev/null || fail "import the sample"
mkdir -p fw/loose
sed 's/green = 89, amber = 87/green = 86, amber = 80/' "$FW" >fw/loose/framework.lua
run run --framework "$FW" -o /dev/null; expect_status 0; A1=$(run_id)
run run --framework "$FW" -o /dev/null; expect_status 0; A2=$(run_id)
printf 'indicator,area,period,value\nMSG-5,S37000012,2023/24,90.0\n' >revised.csv
"$SCORECARD" import revised.csv >/dev/null
run run --framework "$FW" -o /dev/null; expect_status 0; A3=$(run_id)
printf 'indicator,area,period,value\nMSG-5,S37000012,2023/24,91.0\n' >revised2.csv
"$SCORECARD" import revised2.csv >/dev/null
run run --framework "$FW" -o /dev/null; expect_status 0; A4=$(run_id)
run run --framework fw/loose/framework.lua -o /dev/null; expect_status 0; A5=$(run_id)
printf 'indicator,area,period,value\nMSG-5,S37000012,2023/24,85.0\n' >revised3.csv
"$SCORECARD" import revised3.csv >/dev/null
run run --framework fw/loose/framework.lua --format json; expect_status 0; A6=$(run_id); keep scorecard sample
run diff "$A1" "$A2" --format json; expect_status 0; keep diff nothing
run diff "$A2" "$A3" --format json; expect_status 0; keep diff colour
run diff "$A3" "$A4" --format json; expect_status 0; keep diff value-only
run diff "$A4" "$A5" --format json; expect_status 0; keep diff rule
run diff "$A4" "$A6" --format json; expect_status 0; keep diff data-and-rule
# A custom rule's code edited under the same parameters, then another area moving the quintiles.
{ echo "indicator,area,period,value"; i=1
  for a in S37000001 S37000002 S37000003 S37000004 S37000005; do echo "QQ,$a,2023/24,$i"; echo "CC,$a,2023/24,$((i * 10))"; i=$((i + 1)); done
} >mini.csv
"$SCORECARD" import mini.csv >/dev/null || fail "import mini.csv"
for cut in 25 35; do
  mkdir -p "fw/mini$cut"
  cat >"fw/mini$cut/framework.lua" <<LUA
local r = require "rules"
return r.framework {
  id = "mini", version = "1", title = "mini", country = "Scotland", scores = "hscp", period = "year",
  outcomes = { { id = "O1", title = "one", indicators = { "QQ", "CC" } } },
  indicators = {
    { id = "QQ", title = "q", unit = "n", polarity = "higher", rule = r.quintile {} },
    { id = "CC", title = "c", unit = "n", polarity = "higher",
      rule = r.custom(function(ctx) return { assessment = ctx.point.value >= $cut and "met" or "not_met", reason = "cut" } end) },
  },
  rollup = r.rollup.worst_of,
}
LUA
done
MINI="--area S37000001 --area S37000002 --area S37000003 --area S37000004 --area S37000005"
run run --framework fw/mini25 -o /dev/null $MINI; expect_status 0; M1=$(run_id)
run run --framework fw/mini35 -o /dev/null $MINI; expect_status 0; M2=$(run_id)
printf 'indicator,area,period,value\nQQ,S37000001,2023/24,9\n' >mini-revised.csv
"$SCORECARD" import mini-revised.csv >/dev/null || fail "import mini-revised.csv"
run run --framework fw/mini35 -o /dev/null $MINI; expect_status 0; M3=$(run_id)
run diff "$M1" "$M2" --format json; expect_status 0; keep diff code
run diff "$M2" "$M3" --format json; expect_status 0; keep diff cohort
run explain --run "$A6" --area S37000012 --indicator MSG-5 --format json; expect_status 0; keep explain revised
run data --history --format json; expect_status 0; keep data-history sample
run imports --format json; expect_status 0; keep imports sample
run runs --format json; expect_status 0; keep runs sample

# ---- publishers' files, when the repository carries them ----
FT="$REPO/tests/data/real/fingertips/jargonautical_data-dev_indicators-CountyUA.data.csv"
if [ -f "$FT" ]; then # verdicts kept at import, set beside the engine's
  export SCORECARD_DB="$WORK/fingertips.db"
  "$SCORECARD" init >/dev/null || fail "init fingertips.db"
  run import --mapping "$REPO/data/mappings/fingertips.json" "$FT"; expect_status 0
  run run --framework "$REPO/tests/frameworks/fingertips-benchmark/framework.lua" --period 2015 --format json
  expect_status 0; keep scorecard fingertips
  run published --format json   # 1 when a verdict differs: still an output
  [ "$STATUS" -le 1 ] || fail "published exited $STATUS"; keep published benchmark
  run published --against region --format json; [ "$STATUS" -le 1 ] || fail "published --against region"
  keep published region
  run data --indicator 93356 --format json; expect_status 0; keep data fingertips
  run imports --format json; expect_status 0; keep imports fingertips
else
  echo "note: $FT absent: published verdicts and mappings not covered"
fi
NOF="$REPO/tests/data/real/nhse/Joesalmon1985__nof_mh_community_q4_2025_26_nhs-oversight-framework-mental-health-and-community-trust-data.csv"
if [ -f "$NOF" ]; then # NHS England's own file: quartile segments and the financial cap
  export SCORECARD_DB="$WORK/nof.db"
  "$SCORECARD" init >/dev/null || fail "init nof.db"
  run import --mapping "$REPO/data/mappings/nhse-nof-trust-data.json" "$NOF"; expect_status 0
  run run --framework "$REPO/frameworks/england-nof-2025" --period "Q4 2025/26" --no-store --format json
  expect_status 0; keep scorecard nof-real
  run compare --framework "$REPO/frameworks/england-nof-2025" --period "Q4 2025/26" --format json
  expect_status 0; keep compare nof-real
else
  echo "note: $NOF absent: NHS England's own NOF file not covered"
fi

# ---- validation ----
CHECKS=$((CHECKS + 1))
"$PY" - "$SCHEMAS" "$OUTS" <<'PY' || fail "the outputs do not match their schemas (above)"
import copy, glob, json, os, sys
from jsonschema import Draft202012Validator

schema_dir, out_dir = sys.argv[1], sys.argv[2]
problems = []
BASE = "https://scorecard.example/schema/"

def strict_load(path):  # NaN and Infinity are not JSON
    def bad(word):
        raise ValueError("%s is not JSON" % word)
    with open(path, encoding="utf-8") as f:
        return json.load(f, parse_constant=bad)

schemas = {}
for path in sorted(glob.glob(os.path.join(schema_dir, "*.json"))):
    name = os.path.basename(path)[:-5]
    s = strict_load(path)
    schemas[name] = s
    if s.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
        problems.append("%s: $schema is not draft 2020-12" % name)
    if s.get("$id") != BASE + name + ".json":
        problems.append("%s: $id %r is not %s%s.json" % (name, s.get("$id"), BASE, name))
    try:
        Draft202012Validator.check_schema(s)
    except Exception as e:  # SchemaError
        problems.append("%s: not a valid schema: %s" % (name, str(e).splitlines()[0]))

try:  # jsonschema 4.18 and later
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012
    registry = Registry().with_resources(
        [(s["$id"], Resource(contents=s, specification=DRAFT202012)) for s in schemas.values()])
    def validator(name):
        return Draft202012Validator(schemas[name], registry=registry)
except ImportError:  # jsonschema 4.0 to 4.17
    from jsonschema import RefResolver
    store = {s["$id"]: s for s in schemas.values()}
    def validator(name):
        return Draft202012Validator(schemas[name], resolver=RefResolver.from_schema(schemas[name], store=store))

validators = {name: validator(name) for name in schemas}
outputs = {}
for path in sorted(glob.glob(os.path.join(out_dir, "*.json"))):
    family, label = os.path.basename(path)[:-5].split(".", 1)
    try:
        outputs.setdefault(family, {})[label] = strict_load(path)
    except ValueError as e:
        problems.append("%s.%s: not JSON: %s" % (family, label, e))

def check(item):  # the problems of one output; a scorecard of 150 areas takes seconds
    family, label = item
    errors = sorted(validators[family].iter_errors(outputs[family][label]), key=lambda e: list(e.absolute_path))
    found = ["%s.%s: at %s: %s" % (family, label, "/".join(map(str, e.absolute_path)), e.message[:300]) for e in errors[:5]]
    return found + (["%s.%s: ... and %d more" % (family, label, len(errors) - 5)] if len(errors) > 5 else [])

items = sorted(((f, l) for f in outputs for l in outputs[f]), key=lambda i: -os.path.getsize(os.path.join(out_dir, "%s.%s.json" % i)))
try:  # the outputs are independent: one process a core
    import multiprocessing
    with multiprocessing.get_context("fork").Pool(min(4, os.cpu_count() or 1)) as pool:
        found = pool.map(check, items, chunksize=1)
except (ImportError, ValueError, OSError):
    found = [check(i) for i in items]
for f in found:
    problems.extend(f)

unused = sorted(set(schemas) - set(outputs) - {"common"})
if unused:
    problems.append("no output was checked against: %s" % ", ".join(unused))

# The outputs hold what the schemas' optional parts describe: otherwise a schema could be
# wrong there and pass.
def walk(x):
    yield x
    if isinstance(x, dict):
        for v in x.values():
            yield from walk(v)
    elif isinstance(x, list):
        for v in x:
            yield from walk(v)

cards = outputs.get("scorecard", {})
areas = [a for d in cards.values() for a in d["areas"]]
inds = [i for a in areas for i in a["indicators"]]
diffs = [c for d in outputs.get("diff", {}).values() for c in d["changes"]]
expect = {
    "a run stored and one not": {type(d["run_id"]) for d in cards.values()} == {int, type(None)},
    "an area's mean score and segment": any("segment" in a and "score" in a for a in areas),
    "an outcome's score": any("score" in o for a in areas for o in a["outcomes"]),
    "an indicator's score": any("score" in i for i in inds),
    "a rule's own details": any("result" in i.get("details", {}) for i in inds),
    "an SPC chart": any(i.get("method") == "spc" and "points" in i.get("details", {}).get("result", {}) for i in inds),
    "a comparator in the audit record": any("comparator" in i.get("details", {}) for i in inds),
    "an indicator without details": any("details" not in i for i in inds),
    "every comparator kind": {i["comparator_kind"] for i in inds} >= {"area", "target", "baseline", None},
    "no-colour statuses": len({i["no_colour_status"] for i in inds}) >= 5,
    "a series break": any(p.get("series_break") for i in inds for p in i["history"]),
    "flags": {f for i in inds for f in i["flags"]} >= {"provisional", "definition_unconfirmed"},
    "a framework that extends another": any(d["framework"]["extends"] for d in cards.values()),
    "every peer rule": {d["peers"]["rule"] for d in outputs.get("compare", {}).values()} == {"all", "areas", "members", "sharing_members"},
    "the annual report": len(outputs.get("apr", {})) >= 3,
    "explain with a comparator's source": any("comparator" in d["sources"] for d in outputs.get("explain", {}).values()),
    "explain without details": any("details" not in d for d in outputs.get("explain", {}).values()),
    "every cause": {c["cause"] for c in diffs} == {"data", "rule", "data and rule", "roll-up", "code", "cohort"},
    "an explain source's id": all(src["id"] == src["observation"] for d in outputs.get("explain", {}).values() for src in d["sources"].values()),
    "a missing number in data as null": any(r["numerator"] is None for d in outputs.get("data", {}).values() for r in d),
    "both kinds of change": {c["change"] for c in diffs} == {"colour", "value"},
    "a rule change": any(c["rule_changes"] for c in diffs),
    "a numeric and a text value in a diff": {type(c[s].get("value")) for c in diffs for s in ("old", "new")} >= {str, float},
    "an edited framework flagged": any(d["framework_edited_without_new_version"] for d in outputs.get("diff", {}).values()),
    "results in one run only": any(d["only_in"]["old"] and d["only_in"]["new"] for d in outputs.get("diff", {}).values()),
    "a superseded value": any(r["superseded_by"] for d in outputs.get("data-history", {}).values() for r in d),
    "a suppressed value": any(r["value"] is None for d in outputs.get("data", {}).values() for r in d)
                          or any(r["value"] is None for d in outputs.get("data-history", {}).values() for r in d),
}
if "benchmark" in outputs.get("published", {}):
    expect["published verdicts"] = {r["agree"] for r in outputs["published"]["benchmark"]} == {"yes", "no"}
for what, ok in expect.items():
    if not ok:
        problems.append("the outputs lack %s" % what)
for label, d in outputs.get("diff", {}).items():  # what a schema cannot say
    n = d["counts"]
    if [n["colour_changed"], n["value_changed"]] != [sum(c["change"] == k for c in d["changes"]) for k in ("colour", "value")]:
        problems.append("diff.%s: the counts are not the changes' (%s)" % (label, n))

# A broken output of each family must be refused.
def first(family):
    for doc in outputs.get(family, {}).values():
        if doc:
            return copy.deepcopy(doc)
    return None

def mutate(family, what, change):
    doc = first(family)
    if doc is None:
        problems.append("%s: no output to break (%s)" % (family, what))
        return
    change(doc)
    if validators[family].is_valid(doc):
        problems.append("%s: the schema accepts %s" % (family, what))

def change_of(doc, kind):
    return next(c for c in doc["changes"] if c["kind"] == kind)

def diff_doc():
    return next(copy.deepcopy(d) for d in outputs["diff"].values() if any(c["kind"] != "indicator" for c in d["changes"]))

mutate("scorecard", "a purple area", lambda d: d["areas"][0].__setitem__("status", "purple"))
mutate("scorecard", "an indicator without its reason", lambda d: d["areas"][0]["indicators"][0].pop("reason"))
mutate("scorecard", "an unknown top-level key", lambda d: d.__setitem__("generated", "today"))
mutate("scorecard", "a run number as text", lambda d: d.__setitem__("run_id", "12"))
mutate("scorecard", "an unknown flag", lambda d: d["areas"][0]["indicators"][0]["flags"].append("late"))
mutate("scorecard", "an audit record with a misspelt key",
       lambda d: next(i for a in d["areas"] for i in a["indicators"] if "details" in i)["details"].__setitem__("defined_in", "x"))
mutate("compare", "rank 0", lambda d: d["areas"][0]["indicators"][0].__setitem__("rank", 0))
mutate("compare", "an unknown peer rule", lambda d: d["peers"].__setitem__("rule", "everyone"))
mutate("compare", "all areas with a parent", lambda d: d["peers"].update(rule="all", parent="S08000020", parent_name="Grampian"))
mutate("apr", "five years", lambda d: d["areas"][0]["indicators"][0]["years"].pop())
mutate("apr", "the framework as an object", lambda d: d.__setitem__("framework", {"id": d["framework"]}))
mutate("explain", "a purple indicator", lambda d: d.__setitem__("status", "purple"))
mutate("explain", "no sources", lambda d: d.pop("sources"))
mutate("explain", "a value as a number", lambda d: d.__setitem__("value", 86.1))
mutate("diff", "an unknown cause", lambda d: d["changes"][0].__setitem__("cause", "because"))
mutate("data", "a missing numerator as \"\"", lambda d: d[0].__setitem__("numerator", ""))
doc = next(copy.deepcopy(d) for d in outputs["explain"].values() if "observation" in d["sources"])
doc["sources"]["observation"].pop("id")
if validators["explain"].is_valid(doc):
    problems.append("explain: the schema accepts a source without its id")
mutate("diff", "counts without unchanged", lambda d: d["counts"].pop("unchanged"))
mutate("diff", "three runs", lambda d: d["runs"].append(d["runs"][0]))
doc = diff_doc()
change_of(doc, "area")["cause"] = "data"
if validators["diff"].is_valid(doc):
    problems.append("diff: the schema accepts an area whose cause is data")
mutate("data", "an unknown observation status", lambda d: d[0].__setitem__("status", "fine"))
mutate("data", "a row without its batch", lambda d: d[0].pop("batch"))
mutate("data", "a row with superseded_by", lambda d: d[0].__setitem__("superseded_by", None))
mutate("data-history", "a row without superseded_by", lambda d: d[0].pop("superseded_by"))
mutate("runs", "a short fingerprint", lambda d: d[0].__setitem__("data_fingerprint", "abc"))
mutate("imports", "an unknown format", lambda d: d[0].__setitem__("format", "pdf"))
mutate("areas", "an area without a code", lambda d: d[0].pop("code"))
row = {"area": "E06000001", "indicator": "campy", "period": "2015", "engine": "worse", "publisher": "Worse", "agree": "yes"}
if not validators["published"].is_valid([row]):
    problems.append("published: the schema refuses a well-formed row")
for what, bad in (("agree as a boolean", dict(row, agree=True)), ("a row without its period", {k: v for k, v in row.items() if k != "period"})):
    if validators["published"].is_valid([bad]):
        problems.append("published: the schema accepts %s" % what)

for p in problems:
    print("schema: " + p, file=sys.stderr)
print("%d outputs checked against %d schemas" % (sum(map(len, outputs.values())), len(schemas)))
sys.exit(1 if problems else 0)
PY
finish
