# test_text.sh - `scorecard run` in a terminal: each outcome with its title and its indicators
# under it (an indicator of two outcomes under both), words a
# reader says ("not met", "insufficient data"), and lines that fit $COLUMNS, counted in
# characters (not bytes), with no colour codes unless writing to a terminal.
. "$(dirname "$0")/lib.sh"
"$SCORECARD" init >/dev/null || fail "init"
cat >data.csv <<'CSV'
indicator,area,period,value
A,S37000012,2023/24,86.1
B,S37000012,2023/24,95
C,S37000012,2023/24,40
CSV
run import data.csv; expect_status 0
python3 - <<'PY' || fail "could not name the area"
import os, sqlite3
db = sqlite3.connect(os.environ["SCORECARD_DB"])
db.execute("UPDATE areas SET name = 'Dùn Èideann agus Lodainn — a name with many letters beyond ASCII' WHERE code = 'S37000012'")
db.commit()
PY
mkdir fw
cat >fw/framework.lua <<'LUA'
local r = require "rules"
return r.framework {
  id = "text", version = "1", title = "A framework whose title is long enough to need wrapping on a narrow terminal",
  scores = "hscp", period = "year",
  outcomes = {
    { id = "O1", title = "People are able to look after and improve their own health and wellbeing and live in good health for longer", indicators = { "A", "B" } },
    { id = "O2", title = "Resources are used well", indicators = { "B", "C" } },
  },
  indicators = {
    { id = "A", title = "An indicator judged against thresholds it misses", unit = "%", polarity = "higher",
      rule = r.threshold { green = 89, amber = 87 } },
    { id = "B", title = "An indicator of two outcomes", unit = "%", polarity = "higher", rule = r.threshold { green = 90 } },
    { id = "C", title = "An indicator of the second outcome only", unit = "%", polarity = "higher", rule = r.threshold { green = 50 } },
  },
}
LUA

# A pipe: whole lines, no colour codes.
run run --framework fw --no-store --area S37000012
expect_status 0
CHECKS=$((CHECKS + 1))
! grep -q $'\033' "$OUT" || fail "colour codes written to a pipe"
python3 - "$OUT" <<'PY' >check.out 2>&1 || fail "the text layout: $(cat check.out)"
import sys
lines = open(sys.argv[1], encoding="utf-8").read().split("\n")
def at(prefix):
    return [i for i, l in enumerate(lines) if l.startswith(prefix)]
o1, o2 = at("  O1 "), at("  O2 ")
a, b, c = at("    A "), at("    B "), at("    C ")
assert len(o1) == len(o2) == 1, (o1, o2)
assert len(a) == 1 and len(b) == 2 and len(c) == 1, (a, b, c)   # B under both of its outcomes
assert o1[0] < a[0] < b[0] < o2[0] < b[1] < c[0], (o1, a, b, o2, c)
assert "People are able to look after and improve their own health and wellbeing and live in good health for longer" in lines[o1[0]]
assert "not met" in lines[a[0]] and "not_met" not in "\n".join(lines), lines[a[0]]
assert lines[a[0] + 1].strip() == "86.1 misses the amber threshold 87 (higher is better)", lines[a[0] + 1]
assert "An indicator judged against thresholds it misses" in lines[a[0]]
PY
CHECKS=$((CHECKS + 1))

# $COLUMNS: no line is wider, in characters; the words all survive, in order.
for cols in 40 60 100; do
  COLUMNS=$cols run run --framework fw --no-store
  expect_status 0
  python3 - "$OUT" "$cols" "$WORK/whole.txt" <<'PY' >check.out 2>&1 || fail "COLUMNS=$cols: $(cat check.out)"
import sys
text, cols = open(sys.argv[1], encoding="utf-8").read(), int(sys.argv[2])
for l in text.split("\n"):
    assert len(l) <= cols or " " not in l.strip(), (cols, len(l), l)
    assert l == l.rstrip(), ("a line ends in spaces", l)
PY
  CHECKS=$((CHECKS + 1))
done
run run --framework fw --no-store; cp "$OUT" whole.txt
COLUMNS=40 run run --framework fw --no-store
CHECKS=$((CHECKS + 1))
[ "$(tr -s ' \n' '  ' <"$OUT")" = "$(tr -s ' \n' '  ' <whole.txt)" ] || fail "wrapping lost or reordered words"
CHECKS=$((CHECKS + 1))
[ "$(wc -l <"$OUT")" -gt "$(wc -l <whole.txt)" ] || fail "nothing was wrapped at 40 columns"
# The name beyond ASCII is cut by characters: at 60 columns its line is as full as its words allow.
CHECKS=$((CHECKS + 1))
COLUMNS=60 run run --framework fw --no-store --area S37000012
grep -qx 'S37000012 Dùn Èideann agus Lodainn — a name with many' "$OUT" || fail "the name was not wrapped by characters: $(grep S37000012 "$OUT")"
# Nonsense in $COLUMNS is ignored, not obeyed.
for bad in 0 abc 5 -80 99999999; do
  COLUMNS=$bad run run --framework fw --no-store
  expect_status 0
  CHECKS=$((CHECKS + 1))
  cmp -s "$OUT" whole.txt || fail "COLUMNS=$bad changed the output"
done
finish
