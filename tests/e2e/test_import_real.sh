# test_import_real.sh - every real published file in shared/data/real imports, with its
# mapping where its columns differ, and lands the published values where they belong.
. "$(dirname "$0")/lib.sh"
need_shared
R="$SHARED/data/real"
M="$REPO/data/mappings"
"$SCORECARD" init >/dev/null || fail "init"

imported() { # FILE ROWS [OPTIONS...]: import and check the rows read and stored
  local file=$1 rows=$2
  shift 2
  run import "$@" "$R/$file"
  expect_status 0 "import $file"
  expect_out "$rows rows read, $rows new"
}

imported scotland_scotpho_council_area_indicators.csv 7258 --mapping "$M/scotpho.json"
imported england_fingertips_falls_admissions_65plus.csv 2624 --mapping "$M/fingertips-script.json"
imported england_fingertips_deaths_usual_residence_65plus.csv 5248 --mapping "$M/fingertips-script.json"
imported england_ascof_care_home_admissions_65plus_trafford_peers.csv 170 --mapping "$M/ascof.json"
imported wales_lhb_population_by_age_raw.csv 96 --mapping "$M/wales-lhb-population.json"
imported ni_pfg_INDADSCNI.json 12
imported ni_pfg_INDPREVDTHLGD.json 198
imported ni_pfg_INDPREVDTHAA.json 324
imported ni_pfg_INDPREVDTHEQ-NI-line.json 18
imported ni_pfg_INDMHEALTHEQ.json 350
imported ni_pfg_INDHLEMEQ.json 96
imported ni_pfg_INDHLEFEQ.json 96
imported ni_pfg_INDLONELGD.json 77
imported ni_pfg_INDLONEEQ-NI-line.json 7
expect_eq "$("$SCORECARD" data --format csv | tail -n +2 | wc -l | tr -d ' ')" 16574 "observations stored"

# The change-rule table is framework configuration, not observations: refused, clearly.
run import "$R/ni_pfg_indicator_change_rules.csv"; expect_status 1
expect_err 'no "area" column'

# Importing a file again changes nothing.
run import --mapping "$M/scotpho.json" "$R/scotland_scotpho_council_area_indicators.csv"
expect_status 0; expect_out "already imported as batch 1; nothing changed"

# ScotPHO: value from "measure", the upper limit before the lower, a pooled-year numerator.
EA="Emergency admissions, aged 65+ years"
P3="2020/21 to 2022/23 financial years; 3-year aggregates"
expect_eq "$(value_of "$EA" S12000005 "$P3" value)" 7236 "Clackmannanshire emergency admissions 65+"
expect_eq "$(value_of "$EA" S12000005 "$P3" lower_ci)" 6693.5 "its lower limit"
expect_eq "$(value_of "$EA" S12000005 "$P3" upper_ci)" 7809.6 "its upper limit"
expect_eq "$(value_of "$EA" S12000005 "$P3" numerator)" 706.3 "its numerator (annual average)"
expect_eq "$(value_of "$EA" S12000005 "$P3" period_start)" 2020-04-01 "pooled period start"
expect_eq "$(value_of "$EA" S12000005 "$P3" period_end)" 2023-03-31 "pooled period end"
CH="People aged 65+ with high levels of care needs who are cared for at home"
expect_eq "$(value_of "$CH" S12000008 "2022/23 financial year" value)" 25 "East Ayrshire care at home"

# Fingertips: a missing value is a status, never zero; old codes land on current areas.
FALLS="Emergency hospital admissions due to falls in people aged 65 and over"
expect_eq "$(value_of "$FALLS" E06000053 2010/11 status)" missing "Isles of Scilly falls 2010/11"
expect_eq "$(value_of "$FALLS" E06000053 2010/11 value)" "" "Isles of Scilly has no value"
expect_eq "$(value_of "$FALLS" E06000002 2010/11 value)" 2463 "Middlesbrough falls 2010/11"
expect_eq "$(value_of "$FALLS" E92000001 2010/11 value)" 2126 "England falls 2010/11"
expect_eq "$(value_of "$FALLS" E08000016 2010/11 area)" E08000038 "Barnsley's old code resolves"
expect_eq "$(value_of "$FALLS" E08000016 2010/11 value)" "$(awk -F, '$1=="E08000016" && $3=="2010/11" {print $4}' "$R/england_fingertips_falls_admissions_65plus.csv")" "Barnsley value"
DEATHS="Percentage of deaths in usual place of residence among people aged 65 years and over"
expect_eq "$(value_of "$DEATHS" E06000001 2001 value)" 48 "Hartlepool deaths at home 2001"
expect_eq "$(value_of "$DEATHS" E06000001 2001 period_start)" 2001-01-01 "calendar year start"

# ASCOF: gaps are missing.
CARE="Permanent admissions to residential and nursing care homes aged 65+"
expect_eq "$(value_of "$CARE" E92000001 2014/15 value)" 658.5 "England care home admissions 2014/15"
expect_eq "$(value_of "$CARE" E08000009 2019/20 value)" 961.6 "Trafford 2019/20"
expect_eq "$(value_of "$CARE" E08000002 2016/17 status)" missing "Bury 2016/17"

# Wales: a wide table with three header rows; the blank code is the Wales total.
expect_eq "$(value_of population-65plus W11000023 "2023 mid-year estimate" value)" 165348 "Betsi Cadwaladr 65+"
expect_eq "$(value_of population-65plus W92000004 "2023 mid-year estimate" value)" 682236 "Wales 65+"
expect_eq "$(value_of population-all-ages W92000004 "2023 mid-year estimate" value)" 3164404 "Wales all ages"

# Northern Ireland JSON-stat: cube order, nulls, bare-string indexes, decimals kept.
expect_eq "$(value_of INDPREVDTH N09000003 2018-22 value)" 256 "Belfast preventable deaths 2018-22"
expect_eq "$(value_of INDPREVDTH N09000011 2018-22 value)" 143 "Ards and North Down"
expect_eq "$(value_of INDPREVDTH N92000002 2018-22 value)" 179 "NI preventable deaths 2018-22"
expect_eq "$(value_of INDPREVDTH N92000002 2014-18 value)" 168 "NI preventable deaths 2014-18"
expect_eq "$(value_of INDPREVDTH N92000002 2018-22 period_start)" 2018-01-01 "pooled years start"
expect_eq "$(value_of INDLONE N09000007 2023/24 value)" 12.8 "Lisburn and Castlereagh loneliness"
expect_eq "$(value_of INDLONE N09000009 2023/24 value)" 11.7 "Mid Ulster loneliness"
expect_eq "$(value_of INDLONE N09000006 2020/21 status)" missing "Fermanagh and Omagh 2020/21 (null)"
expect_eq "$(value_of INDADSC N92000002 2019 value)" 68.4 "adult social care 2019"
expect_eq "$(value_of INDADSC N92000002 2023 value)" 69.2 "adult social care 2023"
expect_eq "$(value_of INDADSC N92000002 2016 value)" 68.0 "decimals as published"
expect_eq "$(value_of INDMHEALTH N92000002 2012/13 status)" missing "mental health NI 2012/13"
expect_eq "$(value_of INDMHEALTH N92000002 2019/20 value)" 19.5 "mental health base"
expect_eq "$(value_of INDHLEM N92000002 2021-23 value)" 60.3 "HLE males 2021-23"
run data --indicator INDMHEALTH --area N92000002 --period 2023/24 --format csv
expect_out ",EQUALGROUPS=2,2023/24,"  # equality groups are breakdowns of NI
finish
