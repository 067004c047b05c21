# test_bad_input.sh - every kind of bad input is refused with file, line and field named,
# at most 20 problems listed, a non-zero exit, and the database exactly as it was.
. "$(dirname "$0")/lib.sh"
"$SCORECARD" init >/dev/null || fail "init"

# A good import first, so "unchanged" means something.
cat >good.csv <<'CSV'
indicator,area,period,value
NI-12,S37000012,2022/23,11000
CSV
run import good.csv; expect_status 0
snapshot before.txt

refused() { # FILE MESSAGE: the import fails, names the problem, and changes nothing
  run import "$1"
  expect_status 1 "import $1"
  expect_err "$2"
  expect_err "nothing was imported"
  snapshot after.txt
  CHECKS=$((CHECKS + 1))
  cmp -s before.txt after.txt || fail "the database changed after refusing $1"
}

printf 'indicator,area,period,value\nNI-12,S37000012,2023/24,"12,3"\n' >comma.csv
refused comma.csv 'comma.csv:2: column "value": "12,3" is not a number'

printf 'indicator,area,period,value\nNI-12,S37000012,2023/24,12\nNI-12,S37000012,2023/24\n' >short.csv
run import short.csv; expect_status 1; expect_err "short.csv:3: 3 fields, but the header has 4"

printf 'indicator,area,period,value\nNI-12,S37000012,2023/24,"12\n' >unterminated.csv
run import unterminated.csv; expect_status 1; expect_err "unterminated.csv:2: quoted field starting here is never closed"

printf 'indicator,area,period,value,note\nNI-12,S37000012,2023/24,12,caf\xe9\n' >latin1.csv
run import latin1.csv; expect_status 1; expect_err "latin1.csv:2: field 5: invalid UTF-8"

printf 'indicator,area,period,value\nNI-12,S37999999,2023/24,12\n' >area.csv
refused area.csv 'area.csv:2: column "area": unknown area code "S37999999"'

printf 'indicator,area,period,value\nNI-12,S37000012,last spring,12\n' >period.csv
refused period.csv 'period.csv:2: column "period": "last spring" is not a period notation'

printf 'indicator,area,period,value\nNI-12,S37000012,2023/24,12\nNI-12,S37000012,Financial year (2023/24),13\n' >dup.csv
refused dup.csv 'dup.csv:3: NI-12, S37000012, Financial year (2023/24) repeats line 2 with different content'

printf 'indicator,area,period,value,status\nNI-12,S37000012,2023/24,12,suppressed\n' >status.csv
refused status.csv 'status.csv:2: column "status": status "suppressed" but the row has a value'

printf 'indicator,area,period,value,status\nNI-12,S37000012,2023/24,12,maybe\n' >status2.csv
refused status2.csv '"maybe" is not a status'

printf 'indicator,area,period,value,lower_ci,upper_ci\nNI-12,S37000012,2023/24,12,15,10\n' >ci.csv
refused ci.csv 'column "lower_ci": 15 is above upper_ci 10'

printf 'indicator,area,period,numerator,denominator\nNI-12,S37000012,2023/24,12,-5\n' >neg.csv
refused neg.csv 'column "denominator": -5 is negative'

printf 'indicator,area,period,value\n,S37000012,2023/24,12\n' >noind.csv
refused noind.csv 'noind.csv:2: column "indicator": is empty'

printf 'indicator,period,value\nNI-12,2023/24,12\n' >noarea.csv
run import noarea.csv; expect_status 1; expect_err 'no "area" column; name one with --map area=COLUMN'

printf 'indicator,area,period,count\nNI-12,S37000012,2023/24,12\n' >novalue.csv
run import novalue.csv; expect_status 1; expect_err 'neither a "value" nor a "numerator" column'

printf '[{"indicator":"NI-12","area":"S37000012","period":"2023/24","value":"x1"}]' >bad.json
refused bad.json 'bad.json: item 1: field "value": "x1" is not a number'

printf '[{"indicator":"NI-12",' >broken.json
run import broken.json; expect_status 1; expect_err "broken.json:1: not valid JSON"

printf 'not,a,jsonstat' >x.json
run import --format jsonstat x.json; expect_status 1; expect_err "x.json:1: not valid JSON"

# Garbage a reader once accepted. "2023-00" became 2023-01-01 to 2100-12-31 and every default
# scorecard's period; the others were read as if the punctuation were not there.
for label in "2023-00" "-2023" "2023-" "Financial year (2022/23" "2023/24)" "2023--24"; do
  printf 'indicator,area,period,value\nNI-12,S37000012,%s,1\n' "\"$label\"" >garbage.csv
  refused garbage.csv "not a period notation this engine knows"
done
# JSON: a repeated key means different things to different readers; a NUL would be cut silently.
printf '[{"indicator":"NI-12","area":"S37000012","period":"2023/24","value":1,"value":2}]' >dup.json
run import dup.json; expect_status 1; expect_err 'the key "value" appears twice in one object'
printf '[{"indicator":"NI-12","area":"S37000012","period":"2023/24","value":1,"note":"a\\u0000b"}]' >nul.json
run import nul.json; expect_status 1; expect_err "holds a NUL character"
printf '[{"indicator":"NI-12","area":"S37000012","period":"2023/24","value":1,"note":"caf\351"}]' >latin1.json
run import latin1.json; expect_status 1; expect_err "latin1.json:1: not valid UTF-8"
# JSON-stat: sparse keys that are not cell indexes are refused, not dropped; a sparse cube holds
# only the cells it names, however large its dimensions say it is.
jsonstat() {
  printf '{"class":"dataset","id":["Year","Area"],"size":[1,%s],"role":{"time":["Year"],"geo":["Area"]},' "$2"
  printf '"dimension":{"Year":{"category":{"index":["2023"]}},"Area":{"category":{"index":%s}}},' "$3"
  printf '"value":%s}' "$1"
}
for key in 99 -1 abc 1.5 " 1"; do
  jsonstat "{\"0\": 1, \"$key\": 2}" 2 '["S92000003","S37000012"]' >sparse.json
  run import --set indicator=NI-12 --format jsonstat sparse.json; expect_status 1 "sparse key $key"
  expect_err "which is not a cell index"
done
python3 -c 'import json; print(json.dumps(["S37%06d" % i for i in range(1, 200001)]))' >codes.json
jsonstat '{"0": 12.5}' 200000 "$(cat codes.json)" >huge-sparse.json # one cell: S37000001, a real area
run import --set indicator=SPARSE --format jsonstat huge-sparse.json
expect_status 0 "a sparse cube of 200,000 areas"; expect_out "1 row read, 1 new"
snapshot before.txt # that import changed the database on purpose

# Many problems: the first 20 are listed, the rest counted.
{ echo "indicator,area,period,value"; for i in $(seq 1 45); do echo "NI-12,S37000012,2023/24,bad$i"; done; } >many.csv
refused many.csv "... and 25 more"
expect_err "many.csv:21:"
CHECKS=$((CHECKS + 1))
[ "$(grep -c 'is not a number' "$ERR")" -eq 20 ] || fail "expected exactly 20 problems listed"
expect_err "45 problems; nothing was imported"

# --rejects imports the good rows and sets the bad ones aside, with reasons, re-importable.
cat >mixed.csv <<'CSV'
indicator,area,period,value
NI-12,S37000012,2023/24,12
NI-12,S37999999,2023/24,13
NI-12,S37000001,2023/24,"12,5"
NI-13,S37000012,2023/24,NA
CSV
run import --rejects rejects.csv mixed.csv
expect_status 0; expect_out "4 rows read, 2 new"; expect_out "2 rejected (see rejects.csv)"
expect_err "mixed.csv:3: column \"area\": unknown area code"
expect_eq "$(wc -l <rejects.csv | tr -d ' ')" 3 "rejects file lines"
expect_eq "$(sed -n 2p rejects.csv)" '3,"unknown area code ""S37999999"" (see scorecard areas)",NI-12,S37999999,2023/24,13,,,,,,,,,,,,,' "first rejected row"
expect_eq "$(value_of NI-13 S37000012 2023/24 status)" missing "a marker is a status"
expect_eq "$(value_of NI-12 S37000012 2023/24 value)" 12 "the good row landed"
finish
