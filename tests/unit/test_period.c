/* test_period.c - period labels as UK publishers print them, to dates. */
#include "check.h"
#include "period.h"

static const struct {
    const char *label;
    quarter_kind q;
    const char *type;
    int start, end, units, provisional;
} GOOD[] = {
    {"2022/23", QUARTERS_FY, "fy", 20220401, 20230331, 1, 0},
    {"2007/8", QUARTERS_FY, "fy", 20070401, 20080331, 1, 0},
    {"2022/2023", QUARTERS_FY, "fy", 20220401, 20230331, 1, 0},
    {"2011/12p", QUARTERS_FY, "fy", 20110401, 20120331, 1, 1},
    {"2023/24 Q1", QUARTERS_FY, "fy_quarter", 20230401, 20230630, 1, 0},
    {"2023/24 Q2", QUARTERS_FY, "fy_quarter", 20230701, 20230930, 1, 0},
    {"2023/24 Q3", QUARTERS_FY, "fy_quarter", 20231001, 20231231, 1, 0},
    {"2023/24 Q4", QUARTERS_FY, "fy_quarter", 20240101, 20240331, 1, 0},
    {"Q4 2023/24", QUARTERS_FY, "fy_quarter", 20240101, 20240331, 1, 0},
    {"2023 Q2", QUARTERS_FY, "fy_quarter", 20230701, 20230930, 1, 0},
    {"2023 Q2", QUARTERS_CALENDAR, "calendar_quarter", 20230401, 20230630, 1, 0},
    {"2024 Q1", QUARTERS_CALENDAR, "calendar_quarter", 20240101, 20240331, 1, 0},
    {"2023", QUARTERS_FY, "calendar_year", 20230101, 20231231, 1, 0},
    {"2023-06", QUARTERS_FY, "month", 20230601, 20230630, 1, 0},
    {"2024-02", QUARTERS_FY, "month", 20240201, 20240229, 1, 0},
    {"2023-02", QUARTERS_FY, "month", 20230201, 20230228, 1, 0},
    {"Apr-12", QUARTERS_FY, "month", 20120401, 20120430, 1, 0},
    {"April 2012", QUARTERS_FY, "month", 20120401, 20120430, 1, 0},
    {"Sep 2005", QUARTERS_FY, "month", 20050901, 20050930, 1, 0},
    {"2018-22", QUARTERS_FY, "pooled_years", 20180101, 20221231, 5, 0},
    {"2017-19", QUARTERS_FY, "pooled_years", 20170101, 20191231, 3, 0},
    {"2010-12", QUARTERS_FY, "pooled_years", 20100101, 20121231, 3, 0},
    {"2001-05", QUARTERS_FY, "pooled_years", 20010101, 20051231, 5, 0},
    {"1998-02", QUARTERS_FY, "month", 19980201, 19980228, 1, 0},
    {"2018-2022", QUARTERS_FY, "pooled_years", 20180101, 20221231, 5, 0},
    {"2020/21-2022/23", QUARTERS_FY, "pooled_fy", 20200401, 20230331, 3, 0},
    /* ScotPHO's phrasings */
    {"2020/21 to 2022/23 financial years; 3-year aggregates", QUARTERS_FY, "pooled_fy", 20200401, 20230331, 3, 0},
    {"2010 to 2012 calendar years; 3-year aggregates", QUARTERS_FY, "pooled_years", 20100101, 20121231, 3, 0},
    {"2010-2013 combined survey years", QUARTERS_FY, "survey_wave", 20100101, 20131231, 4, 0},
    {"2012 to 2014 March snapshot; 3-year average", QUARTERS_FY, "snapshot", 20120301, 20140331, 3, 0},
    {"2012/13 financial year", QUARTERS_FY, "fy", 20120401, 20130331, 1, 0},
    {"2013 calendar year", QUARTERS_FY, "calendar_year", 20130101, 20131231, 1, 0},
    {"2013 survey year", QUARTERS_FY, "survey_wave", 20130101, 20131231, 1, 0},
    {"2014/15 school year", QUARTERS_FY, "school_year", 20140801, 20150731, 1, 0},
    {"2016 August snapshot", QUARTERS_FY, "snapshot", 20160801, 20160831, 1, 0},
    {"2021 mid-year estimate", QUARTERS_FY, "snapshot", 20210630, 20210630, 1, 0},
    {"31st March 2014 snapshot", QUARTERS_FY, "snapshot", 20140331, 20140331, 1, 0},
    {"4-year aggregate (2014 - 2017)", QUARTERS_FY, "pooled_years", 20140101, 20171231, 4, 0},
    {"4-year aggregate (2018-2022)", QUARTERS_FY, "pooled_years", 20180101, 20221231, 4, 0},
    {"2019-2021 (3 year aggregate)", QUARTERS_FY, "pooled_years", 20190101, 20211231, 3, 0},
    {"2020 to 2021 calendar years; 2-year aggregates", QUARTERS_FY, "pooled_years", 20200101, 20211231, 2, 0},
    {"Calendar year (2022)", QUARTERS_FY, "calendar_year", 20220101, 20221231, 1, 0},
    {"Financial year (2021/22)", QUARTERS_FY, "fy", 20210401, 20220331, 1, 0},
    {"Survey year (2017-2019)", QUARTERS_FY, "survey_wave", 20170101, 20191231, 3, 0},
    {"2020/21 to 2022/23 school years; 3-year aggregates", QUARTERS_FY, "school_year", 20200801, 20230731, 3, 0},
    {"2019/20 to 2021/22 financial years; 3-year aggregates", QUARTERS_FY, "pooled_fy", 20190401, 20220331, 3, 0},
};

static const char *const BAD[] = {
    "",           "2022/24",         "20222",       "2023/24 Q5",   "Q2",       "hello",        "2023 Q2 Q3",
    "2022-19",    "2023/24 to 2022", "1850",        "2023/24p x",   "31st 2014", "30th February 2023 snapshot",
    "2023/24 calendar year", "2023 financial year", "5-year aggregate (2018-2020)", "2023/24 Q2 snapshot",
    "2023 \xC3\xB4", "2018 to 2020 to 2022", "20dec8422", "March 1850", "2258-11",
    /* garbage a punctuation-blind reading once accepted: "2023-00" became 2023 to 2100 */
    "2023-00", "-2023", "2023-", "2023/", "Financial year (2022/23", "Financial year 2022/23)", "((2023))",
    "2023--24", "2020/21 - - 2022/23", "(-2023)", "2000-2099",
};

int main(void)
{
    for (size_t i = 0; i < sizeof GOOD / sizeof *GOOD; i++) {
        period p;
        err e = {0};
        int rc = period_parse(GOOD[i].label, GOOD[i].q, &p, &e);
        if (rc) {
            fprintf(stderr, "unexpected failure for \"%s\": %s\n", GOOD[i].label, e.msg);
            CHECK(rc == 0);
            continue;
        }
        CHECK_STR(period_type_name(p.type), GOOD[i].type);
        CHECK_INT(p.start, GOOD[i].start);
        CHECK_INT(p.end, GOOD[i].end);
        CHECK_INT(p.units, GOOD[i].units);
        CHECK_INT(p.provisional, GOOD[i].provisional);
    }
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        period p;
        err e = {0};
        int rc = period_parse(BAD[i], QUARTERS_FY, &p, &e);
        if (rc == 0)
            fprintf(stderr, "\"%s\" parsed as %s %d-%d\n", BAD[i], period_type_name(p.type), p.start, p.end);
        CHECK_INT(rc, ERR_PARSE);
        CHECK_CONTAINS(e.msg, "is not a period notation");
    }
    /* The framework period containing a day, and its label: parsing the label
     * gives the same period back. */
    static const struct {
        period_type t;
        int day;
        const char *label;
        int start, end;
    } CONTAINING[] = {
        {PERIOD_FY, 20240331, "2023/24", 20230401, 20240331},
        {PERIOD_FY, 20240401, "2024/25", 20240401, 20250331},
        {PERIOD_FY_QUARTER, 20240215, "2023/24 Q4", 20240101, 20240331},
        {PERIOD_FY_QUARTER, 20230701, "2023/24 Q2", 20230701, 20230930},
        {PERIOD_CALENDAR_YEAR, 20231231, "2023", 20230101, 20231231},
        {PERIOD_CALENDAR_QUARTER, 20240229, "2024 Q1 (calendar)", 20240101, 20240331},
        {PERIOD_MONTH, 20240210, "2024-02", 20240201, 20240229},
    };
    for (size_t i = 0; i < sizeof CONTAINING / sizeof *CONTAINING; i++) {
        char label[32];
        int start, end;
        period_containing(CONTAINING[i].t, CONTAINING[i].day, label, sizeof label, &start, &end);
        CHECK_STR(label, CONTAINING[i].label);
        CHECK_INT(start, CONTAINING[i].start);
        CHECK_INT(end, CONTAINING[i].end);
        period p;
        err e = {0};
        if (CONTAINING[i].t != PERIOD_CALENDAR_QUARTER) { /* "(calendar)" is the scorecard's wording only */
            CHECK_INT(period_parse(label, QUARTERS_FY, &p, &e), 0);
            CHECK_INT(p.start, start);
            CHECK_INT(p.end, end);
        }
    }
    CHECK_INT(period_add_months(20240331, -24), 20220331);
    CHECK_INT(period_add_months(20240331, -1), 20240229);
    CHECK_INT(period_add_months(20230331, -1), 20230228);
    CHECK_INT(period_add_months(20231115, 3), 20240215);
    CHECK_INT(period_add_months(20240115, -13), 20221215);
    CHECK_INT(period_add_months(20240229, 12), 20250228);

    char d[11];
    period_format_date(20240229, d);
    CHECK_STR(d, "2024-02-29");
    return check_report("test_period");
}
