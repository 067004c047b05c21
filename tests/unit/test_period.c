/* test_period.c - period labels as UK publishers print them, to dates. */
#include "check.h"
#include "period.h"

#define FY {QUARTERS_FY, YEAR_PAIRS_FY, DAYS_ARE_DAYS}           /* the usual convention */
#define CAL {QUARTERS_CALENDAR, YEAR_PAIRS_FY, DAYS_ARE_DAYS}     /* `2023 Q2` is April to June */
#define POOLED {QUARTERS_FY, YEAR_PAIRS_POOLED, DAYS_ARE_DAYS}    /* `2022-23` is two calendar years */
#define WE {QUARTERS_FY, YEAR_PAIRS_FY, DAYS_ARE_WEEK_ENDING}     /* PHS's WeekEnding: a day names its week */
#define WS {QUARTERS_FY, YEAR_PAIRS_FY, DAYS_ARE_WEEK_STARTING}

static const struct {
    const char *label;
    period_convention c;
    const char *type;
    int start, end, units, provisional;
} GOOD[] = {
    {"2022/23", FY, "fy", 20220401, 20230331, 1, 0},
    {"2007/8", FY, "fy", 20070401, 20080331, 1, 0},
    {"2022/2023", FY, "fy", 20220401, 20230331, 1, 0},
    {"2011/12p", FY, "fy", 20110401, 20120331, 1, 1},
    {"2023/24 Q1", FY, "fy_quarter", 20230401, 20230630, 1, 0},
    {"2023/24 Q2", FY, "fy_quarter", 20230701, 20230930, 1, 0},
    {"2023/24 Q3", FY, "fy_quarter", 20231001, 20231231, 1, 0},
    {"2023/24 Q4", FY, "fy_quarter", 20240101, 20240331, 1, 0},
    {"Q4 2023/24", FY, "fy_quarter", 20240101, 20240331, 1, 0},
    {"2023 Q2", FY, "fy_quarter", 20230701, 20230930, 1, 0},
    {"2023 Q2", CAL, "calendar_quarter", 20230401, 20230630, 1, 0},
    {"2024 Q1", CAL, "calendar_quarter", 20240101, 20240331, 1, 0},
    {"2023", FY, "calendar_year", 20230101, 20231231, 1, 0},
    {"2023-06", FY, "month", 20230601, 20230630, 1, 0},
    {"2024-02", FY, "month", 20240201, 20240229, 1, 0},
    {"2023-02", FY, "month", 20230201, 20230228, 1, 0},
    {"Apr-12", FY, "month", 20120401, 20120430, 1, 0},
    {"April 2012", FY, "month", 20120401, 20120430, 1, 0},
    {"Sep 2005", FY, "month", 20050901, 20050930, 1, 0},
    {"2018-22", FY, "pooled_years", 20180101, 20221231, 5, 0},
    {"2017-19", FY, "pooled_years", 20170101, 20191231, 3, 0},
    {"2010-12", FY, "pooled_years", 20100101, 20121231, 3, 0},
    {"2001-05", FY, "pooled_years", 20010101, 20051231, 5, 0},
    {"1998-02", FY, "month", 19980201, 19980228, 1, 0},
    {"2018-2022", FY, "pooled_years", 20180101, 20221231, 5, 0},
    {"2020/21-2022/23", FY, "pooled_fy", 20200401, 20230331, 3, 0},
    /* ScotPHO's phrasings */
    {"2020/21 to 2022/23 financial years; 3-year aggregates", FY, "pooled_fy", 20200401, 20230331, 3, 0},
    {"2010 to 2012 calendar years; 3-year aggregates", FY, "pooled_years", 20100101, 20121231, 3, 0},
    {"2010-2013 combined survey years", FY, "survey_wave", 20100101, 20131231, 4, 0},
    {"2012 to 2014 March snapshot; 3-year average", FY, "snapshot", 20120301, 20140331, 3, 0},
    {"2012/13 financial year", FY, "fy", 20120401, 20130331, 1, 0},
    {"2013 calendar year", FY, "calendar_year", 20130101, 20131231, 1, 0},
    {"2013 survey year", FY, "survey_wave", 20130101, 20131231, 1, 0},
    {"2014/15 school year", FY, "school_year", 20140801, 20150731, 1, 0},
    {"2016 August snapshot", FY, "snapshot", 20160801, 20160831, 1, 0},
    {"2021 mid-year estimate", FY, "snapshot", 20210630, 20210630, 1, 0},
    {"31st March 2014 snapshot", FY, "snapshot", 20140331, 20140331, 1, 0},
    {"4-year aggregate (2014 - 2017)", FY, "pooled_years", 20140101, 20171231, 4, 0},
    {"4-year aggregate (2018-2022)", FY, "pooled_years", 20180101, 20221231, 4, 0},
    {"2019-2021 (3 year aggregate)", FY, "pooled_years", 20190101, 20211231, 3, 0},
    {"2020 to 2021 calendar years; 2-year aggregates", FY, "pooled_years", 20200101, 20211231, 2, 0},
    {"Calendar year (2022)", FY, "calendar_year", 20220101, 20221231, 1, 0},
    {"Financial year (2021/22)", FY, "fy", 20210401, 20220331, 1, 0},
    {"Survey year (2017-2019)", FY, "survey_wave", 20170101, 20191231, 3, 0},
    {"2020/21 to 2022/23 school years; 3-year aggregates", FY, "school_year", 20200801, 20230731, 3, 0},
    {"2019/20 to 2021/22 financial years; 3-year aggregates", FY, "pooled_fy", 20190401, 20220331, 3, 0},
    /* `YYYY-YY` with the next year is a financial year (NHS Digital, ASCOF, StatsWales) unless
     * the publisher's convention says pooled calendar years */
    {"2022-23", FY, "fy", 20220401, 20230331, 1, 0},
    {"2011-12", FY, "fy", 20110401, 20120331, 1, 0},
    {"1999-00", FY, "fy", 19990401, 20000331, 1, 0},
    {"2022-23", POOLED, "pooled_years", 20220101, 20231231, 2, 0},
    {"2023-24 Q2", FY, "fy_quarter", 20230701, 20230930, 1, 0},
    {"2012-12", FY, "month", 20121201, 20121231, 1, 0},
    /* Fingertips' pooled periods: spaced dashes are always ranges */
    {"2015 - 17", FY, "pooled_years", 20150101, 20171231, 3, 0},
    {"2017 - 19", FY, "pooled_years", 20170101, 20191231, 3, 0},
    {"2019 - 20", FY, "pooled_years", 20190101, 20201231, 2, 0},
    {"2019 - 20", POOLED, "pooled_years", 20190101, 20201231, 2, 0},
    {"2001 - 03", FY, "pooled_years", 20010101, 20031231, 3, 0},
    {"2009/10 - 11/12", FY, "pooled_fy", 20090401, 20120331, 3, 0},
    {"2020/21 - 22/23", FY, "pooled_fy", 20200401, 20230331, 3, 0},
    {"2098/99 - 00/01", FY, "pooled_fy", 20980401, 21010331, 3, 0},
    {"2016/17 - 2018/19", FY, "pooled_fy", 20160401, 20190331, 3, 0},
    /* PHS open data's YYYYMM and YYYYMMDD, and ISO days */
    {"201607", FY, "month", 20160701, 20160731, 1, 0},
    {"20230331", FY, "snapshot", 20230331, 20230331, 1, 0},
    {"20240229", FY, "snapshot", 20240229, 20240229, 1, 0},
    {"2023-03-31", FY, "snapshot", 20230331, 20230331, 1, 0},
    {"2010-11-30", FY, "snapshot", 20101130, 20101130, 1, 0},
    {"2000-01-15", FY, "snapshot", 20000115, 20000115, 1, 0},
    {"2005-06-30", POOLED, "snapshot", 20050630, 20050630, 1, 0},
    /* weeks: ISO weeks (Monday to Sunday; week 1 holds 4 January), and a day naming its week */
    {"2023-W25", FY, "week", 20230619, 20230625, 1, 0},
    {"2021-W01", FY, "week", 20210104, 20210110, 1, 0},
    {"2020-W53", FY, "week", 20201228, 20210103, 1, 0},
    {"2015-W01", FY, "week", 20141229, 20150104, 1, 0},
    {"week ending 25 June 2023", FY, "week", 20230619, 20230625, 1, 0},
    {"Week Commencing 19 June 2023", FY, "week", 20230619, 20230625, 1, 0},
    {"w/e 2023-06-25", FY, "week", 20230619, 20230625, 1, 0},
    {"W/C 2024-02-26", FY, "week", 20240226, 20240303, 1, 0},
    {"20150222", WE, "week", 20150216, 20150222, 1, 0},
    {"20240103", WE, "week", 20231228, 20240103, 1, 0},
    {"2024-03-01", WE, "week", 20240224, 20240301, 1, 0},
    {"20240226", WS, "week", 20240226, 20240303, 1, 0},
    {"31 March 2023 snapshot", WE, "snapshot", 20230331, 20230331, 1, 0}, /* a count date stays one */
    {"2023-06", WE, "month", 20230601, 20230630, 1, 0},
};

static const char *const BAD[] = {
    "",           "2022/24",         "20222",       "2023/24 Q5",   "Q2",       "hello",        "2023 Q2 Q3",
    "2022-19",    "2023/24 to 2022", "1850",        "2023/24p x",   "31st 2014", "30th February 2023 snapshot",
    "2023/24 calendar year", "2023 financial year", "5-year aggregate (2018-2020)", "2023/24 Q2 snapshot",
    "2023 \xC3\xB4", "2018 to 2020 to 2022", "20dec8422", "March 1850", "2258-11",
    /* garbage a punctuation-blind reading once accepted: "2023-00" became 2023 to 2100 */
    "2023-00", "-2023", "2023-", "2023/", "Financial year (2022/23", "Financial year 2022/23)", "((2023))",
    "2023--24", "2020/21 - - 2022/23", "(-2023)", "2000-2099",
    /* the short second year of a pooled financial range must follow on and be a range */
    "2009/10 - 11/13", "2009/10 - 08/09", "2009/10 11/12", "2015 - 15", "2015 - 14/15",
    /* YYYYMM and YYYYMMDD must be real months and days, and alone */
    "201613", "201600", "20230230", "20230100", "20231301", "202307 Q1", "2023-02-30", "2023-06-00", "2010-13-01", "2010-00-05",
    "123456789",
    /* weeks that are not */
    "2023-W53", "2023-W54", "2023-W00", "2023-W5", "2023-W", "2023 W25", "week ending 2023", "week ending June 2023",
    "week ending 31 June 2023", "week lasting 1 June 2023", "w/x 2023-06-25", "week ending 2023/24",
    "week ending 25 June 2023 week ending 2 July 2023", "2023-W25 Q1", "week ending 25 January 2022/23",
    "week ending 25 June 2023 financial year", "week ending 25 June 2023 survey",
};

int main(void)
{
    for (size_t i = 0; i < sizeof GOOD / sizeof *GOOD; i++) {
        period p;
        err e = {0};
        int rc = period_parse(GOOD[i].label, &GOOD[i].c, &p, &e);
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
    /* the period says when the convention decided, so an import can say how it read the label */
    {
        period p;
        err e = {0};
        CHECK_INT(period_parse("2022-23", NULL, &p, &e), 0);
        CHECK_INT(p.by_pairs, 1);
        CHECK_INT(period_parse("2018-22", NULL, &p, &e), 0);
        CHECK_INT(p.by_pairs, 0);
        year_pairs y;
        CHECK_INT(period_pairs_parse("pooled", &y), 0);
        CHECK_INT(y, YEAR_PAIRS_POOLED);
        CHECK_STR(period_pairs_name(y), "pooled");
        CHECK_INT(period_pairs_parse("calendar", &y), -1);
        day_labels d;
        CHECK_INT(period_days_parse("week_ending", &d), 0);
        CHECK_STR(period_days_name(d), "week_ending");
        CHECK_INT(period_days_parse("weekly", &d), -1);
    }
    /* the ISO week containing a day, across the turn of a year */
    {
        char label[32];
        int start, end;
        period_containing(PERIOD_WEEK, 20240101, label, sizeof label, &start, &end);
        CHECK_STR(label, "2024-W01");
        CHECK_INT(start, 20240101);
        CHECK_INT(end, 20240107);
        period_containing(PERIOD_WEEK, 20210103, label, sizeof label, &start, &end);
        CHECK_STR(label, "2020-W53");
        CHECK_INT(start, 20201228);
        period_containing(PERIOD_WEEK, 20141231, label, sizeof label, &start, &end);
        CHECK_STR(label, "2015-W01");
        CHECK_INT(end, 20150104);
        CHECK_STR(period_type_name(PERIOD_WEEK), "week");
        period_type t;
        CHECK_INT(period_type_parse("week", &t), 0);
        CHECK_INT(t, PERIOD_WEEK);
    }
    for (size_t i = 0; i < sizeof BAD / sizeof *BAD; i++) {
        period p;
        err e = {0};
        int rc = period_parse(BAD[i], NULL, &p, &e);
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
            CHECK_INT(period_parse(label, NULL, &p, &e), 0);
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
