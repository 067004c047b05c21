/*
 * scan.c - the bare scan the benchmark compares a run with: the same query the
 * evaluator makes (every current, all-persons observation of each indicator,
 * in area and period order), stepped in C with every column read, and nothing
 * else done. Usage: scan DATABASE
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    sqlite3 *db;
    if (argc != 2 || sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        fprintf(stderr, "usage: scan DATABASE\n");
        return 2;
    }
    sqlite3_stmt *ind, *rows;
    sqlite3_prepare_v2(db, "SELECT DISTINCT indicator FROM observations", -1, &ind, NULL);
    sqlite3_prepare_v2(db,
                       "SELECT id, area, period, period_start, period_end, value, value_text, numerator,"
                       " denominator, lower_ci, upper_ci, status, series_break, approximate_geography"
                       " FROM observations WHERE indicator = ?1 AND breakdown = '' AND superseded_by IS NULL"
                       " ORDER BY area, period_start, period_end",
                       -1, &rows, NULL);
    long long n = 0, bytes = 0;
    double sum = 0;
    while (sqlite3_step(ind) == SQLITE_ROW) {
        sqlite3_bind_text(rows, 1, (const char *)sqlite3_column_text(ind, 0), -1, SQLITE_TRANSIENT);
        while (sqlite3_step(rows) == SQLITE_ROW) {
            n++;
            for (int c = 0; c < 14; c++) {
                if (sqlite3_column_type(rows, c) == SQLITE_TEXT)
                    bytes += (long long)strlen((const char *)sqlite3_column_text(rows, c));
                else
                    sum += sqlite3_column_double(rows, c);
            }
        }
        sqlite3_reset(rows);
    }
    printf("%lld rows, %lld text bytes, checksum %g\n", n, bytes, sum);
    sqlite3_finalize(ind);
    sqlite3_finalize(rows);
    sqlite3_close(db);
    return 0;
}
