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
expect_eq "$(count --type icb)" 42 "ICBs"
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
