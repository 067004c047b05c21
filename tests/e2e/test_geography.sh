# test_geography.sh - `scorecard init` loads the four countries' areas, aliases and memberships.
. "$(dirname "$0")/lib.sh"

run init; expect_status 0; expect_out "geography loaded"
count() { "$SCORECARD" areas "$@" --format csv | tail -n +2 | wc -l | tr -d ' '; }
current() { "$SCORECARD" areas "$@" --format csv | awk -F, 'NR > 1 && $NF == ""' | wc -l | tr -d ' '; }
expect_eq "$(count --type hscp)" 31 "HSCPs"
expect_eq "$(count --type nhs_board)" 14 "NHS boards"
expect_eq "$(count --country Scotland --type council)" 32 "Scottish councils"
expect_eq "$(count --country wales --type council)" 22 "Welsh councils"
expect_eq "$(current --type lhb)" 7 "current LHBs"
expect_eq "$(count --type rpb)" 7 "RPBs"
expect_eq "$(count --type icb)" 49 "ICBs, past and present"
# The ICBs in being on a day: 42 from July 2022 (two recoded in April 2023), 36 after the
# mergers of 1 April 2026 (12 abolished, 6 created, Hampshire and Isle of Wight recoded).
expect_eq "$(count --type icb --on 2024-01-01)" 42 "ICBs on 2024-01-01"
expect_eq "$(count --type icb --on 2026-03-31)" 42 "ICBs on the eve of the mergers"
expect_eq "$(count --type icb --on 2026-12-01)" 36 "ICBs on 2026-12-01"
expect_eq "$(count --type icb --on 2022-06-30)" 0 "no ICB before July 2022"
run areas --parent E54000069 --on 2026-12-01 --format csv
expect_eq "$(tail -n +2 "$OUT" | cut -d, -f1 | tr '\n' ' ')" "E06000043 E10000011 E10000030 E10000032 " "Surrey and Sussex"
run areas --parent E54000063 --on 2026-12-01 --format csv
expect_eq "$(tail -n +2 "$OUT" | wc -l | tr -d ' ')" 0 "Surrey Heartlands has no members after it ended"
run areas --parent E54000063 --on 2025-01-01 --format csv; expect_out "E10000030"
# Essex, split between three ICBs until 2026, lies in one from April 2026.
run areas --parent E54000066 --on 2026-12-01 --format csv; expect_out "E10000012"
# North Yorkshire lies in three ICBs, each counting the share of its residents there
# (Census 2021 by LSOA, data/geography/README.md), and the shares of a split council add to 1.
run areas --parent E54000048 --on 2026-12-01 --format csv; expect_out "E06000065,North Yorkshire"
python3 - "$REPO/data/geography/memberships.csv" <<'PY' || fail "council to ICB weights"
import csv, sys
w = {}
for r in csv.DictReader(open(sys.argv[1])):
    if r["parent"].startswith("E54") and r["weight"]:
        w.setdefault((r["child"], r["valid_to"]), {})[r["parent"]] = float(r["weight"])
assert w[("E06000065", "")] == {"E54000051": 0.907, "E54000054": 0.083, "E54000048": 0.010}, w[("E06000065", "")]
for key, shares in w.items():
    assert abs(sum(shares.values()) - 1) < 1e-9, (key, shares)
PY
CHECKS=$((CHECKS + 1))
# A unitary council is not in being before its vesting day, so a 2015 scorecard never lists
# North Yorkshire council beside the county it replaced.
expect_eq "$(count --type hwb --on 2015-06-01)" 152 "upper-tier councils in 2015"
run areas --type hwb --on 2015-06-01 --format csv
CHECKS=$((CHECKS + 1)); grep -q "^E06000065," "$OUT" && fail "North Yorkshire council listed in 2015"
expect_out "E10000023,North Yorkshire"
run areas --type hwb --on 2026-12-01 --format csv
CHECKS=$((CHECKS + 1)); grep -q "^E10000023," "$OUT" && fail "North Yorkshire county listed in 2026"
run areas --type icb --on 2024-02-30; expect_status 2; expect_err "--on 2024-02-30: give a date as YYYY-MM-DD"
run areas --type hwb --on 2019-+4-01; expect_status 2; expect_err "give a date as YYYY-MM-DD"
# The new ICBs' ODS codes resolve to their ONS codes.
printf 'indicator,area,period,value\nx,S9B9J,2026-27,1\n' >ods.csv
run import ods.csv; expect_status 0
expect_eq "$(value_of x E54000069 2026-27 source_area)" S9B9J "the ODS code of Surrey and Sussex"
# Districts that straddle two HSC trusts count in each by their share of residents.
run areas --parent SEHSCT --format csv; expect_out "N09000003"
expect_eq "$(grep -c '^N09000003,SEHSCT,0.086,' "$REPO/data/geography/memberships.csv")" 1 "Belfast's share in the South Eastern trust"
expect_eq "$(count --type hsc_trust)" 5 "HSC trusts"
expect_eq "$(count --type lgd)" 11 "LGDs"
expect_eq "$(count --type country)" 4 "countries"
expect_eq "$(count --country northern_ireland --type assembly_area)" 18 "NI assembly areas"
expect_eq "$(current --type hwb)" 153 "current HWB areas"

# Clackmannanshire and Stirling share one partnership.
run areas --parent S37000005 --format csv; expect_status 0
expect_eq "$(tail -n +2 "$OUT" | cut -d, -f1 | tr '\n' ' ')" "S12000005 S12000030 " "members of S37000005"
# Six councils make North Wales' health board; Belfast LGD sits in the Belfast trust.
expect_eq "$(count --parent W11000023)" 6 "councils of Betsi Cadwaladr"
run areas --parent BHSCT --format csv; expect_out "N09000003"
# Names are UTF-8 and come through JSON intact.
run areas --type council --country Wales --format json; expect_out '"Isle of Anglesey"'

# Running init again changes nothing.
"$SCORECARD" areas --format csv >"$WORK/before"
run init; expect_status 0
"$SCORECARD" areas --format csv >"$WORK/after"
cmp -s "$WORK/before" "$WORK/after" || fail "a second init changed the areas"
finish
