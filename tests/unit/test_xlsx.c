/* test_xlsx.c - workbooks as publishers write them (titles above the header, shared and
 * inline strings, dates, numbers Excel stores with 17 digits) read to the rows a person
 * reading the sheet would see. The workbooks are written here with libxlsxwriter. */
#include <stdlib.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include <zip.h>

#include "check.h"
#include "mapping.h"
#include "reader.h"

#define MAX_ROWS 16

typedef struct rows {
    int n;
    char area[MAX_ROWS][32], period[MAX_ROWS][32], value[MAX_ROWS][32], note[MAX_ROWS][64];
    long line[MAX_ROWS];
    char sheet[MAX_ROWS][32];
    int value_col[MAX_ROWS];
} rows;

static void copy(char *dst, size_t cap, const char *src)
{
    snprintf(dst, cap, "%s", src ? src : "<none>");
}

static int keep_row(void *ctx, const obs_text *row, err *e)
{
    (void)e;
    rows *r = ctx;
    if (r->n == MAX_ROWS)
        return ERR_LIMIT;
    int k = r->n++;
    copy(r->area[k], sizeof r->area[k], row->field[OBS_AREA]);
    copy(r->period[k], sizeof r->period[k], row->field[OBS_PERIOD]);
    copy(r->value[k], sizeof r->value[k], row->field[OBS_VALUE]);
    copy(r->note[k], sizeof r->note[k], row->field[OBS_NOTE]);
    copy(r->sheet[k], sizeof r->sheet[k], row->sheet);
    r->line[k] = row->line;
    r->value_col[k] = row->colno[OBS_VALUE];
    return 0;
}

/* A publisher's workbook: a notes sheet first, then the table under two title rows. */
static void write_book(const char *path, int constant_memory)
{
    lxw_workbook_options opts = {.constant_memory = (uint8_t)constant_memory, .tmpdir = NULL};
    lxw_workbook *wb = workbook_new_opt(path, &opts);
    lxw_worksheet *notes = workbook_add_worksheet(wb, "Notes");
    worksheet_write_string(notes, 0, 0, "About these statistics", NULL);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Table 3");
    lxw_format *day = workbook_add_format(wb);
    format_set_num_format(day, "dd/mm/yyyy");
    lxw_format *month = workbook_add_format(wb);
    format_set_num_format(month, "mmm-yy");
    lxw_datetime apr = {2023, 4, 1, 0, 0, 0}, feb = {2024, 2, 29, 0, 0, 0};
    worksheet_write_string(ws, 0, 0, "Table 3: Emergency admissions by partnership", NULL);
    worksheet_write_string(ws, 1, 0, "Source: a test", NULL);
    const char *head[] = {"Area code", "Period", "Value", "Month", "Note"};
    for (int c = 0; c < 5; c++)
        worksheet_write_string(ws, 2, (lxw_col_t)c, head[c], NULL);
    worksheet_write_string(ws, 3, 0, "S37000001", NULL);
    worksheet_write_string(ws, 3, 1, "2022/23", NULL);
    worksheet_write_number(ws, 3, 2, 12.300000000000001, NULL);
    worksheet_write_datetime(ws, 3, 3, &apr, month);
    worksheet_write_string(ws, 3, 4, "first & <only>", NULL);
    worksheet_write_string(ws, 4, 0, "S37000002", NULL);
    worksheet_write_datetime(ws, 4, 1, &feb, day);
    worksheet_write_string(ws, 4, 2, "7", NULL); /* a number stored as text */
    /* row 6 left empty: no row element at all */
    worksheet_write_string(ws, 6, 0, "S37000003", NULL);
    worksheet_write_string(ws, 6, 1, "2022/23", NULL);
    worksheet_write_number(ws, 6, 2, 0.1 + 0.2, NULL);
    worksheet_write_string(ws, 6, 7, "a note right of the table, not read", NULL);
    workbook_close(wb);
}

static void test_book(const char *dir, int constant_memory)
{
    char path[512];
    snprintf(path, sizeof path, "%s/book%d.xlsx", dir, constant_memory);
    write_book(path, constant_memory);
    mapping m;
    mapping_init(&m);
    err e = {0};
    CHECK_INT(mapping_set_column(&m, "area=Area code", &e), 0);
    CHECK_INT(mapping_set_column(&m, "note=Note", &e), 0);
    CHECK_INT(mapping_set_column(&m, "period=Period", &e), 0);
    CHECK_INT(mapping_set_column(&m, "value=Value", &e), 0);
    CHECK_INT(mapping_set_fixed(&m, "indicator=x", &e), 0);
    CHECK_INT(mapping_set_sheet(&m, "Table 3", &e), 0);
    m.header_rows = 3;
    rows r = {0};
    FILE *f = fopen(path, "rb");
    CHECK(f != NULL);
    int rc = reader_xlsx(f, "book.xlsx", &m, keep_row, &r, &e);
    if (rc)
        fprintf(stderr, "reader_xlsx: %s\n", e.msg);
    CHECK_INT(rc, 0);
    CHECK_INT(r.n, 3);
    CHECK_STR(r.area[0], "S37000001");
    CHECK_STR(r.period[0], "2022/23");
    CHECK_STR(r.value[0], "12.3");          /* as Excel shows it, not 12.300000000000001 */
    CHECK_STR(r.note[0], "first & <only>"); /* XML entities decoded */
    CHECK_STR(r.sheet[0], "Table 3");
    CHECK_INT(r.line[0], 4);                /* the sheet's own row number */
    CHECK_INT(r.value_col[0], 2);           /* column C */
    CHECK_STR(r.period[1], "2024-02-29");   /* a date cell, by its format */
    CHECK_STR(r.value[1], "7");
    CHECK_STR(r.note[1], "");               /* an empty cell reads as empty */
    CHECK_INT(r.line[2], 7);                /* the empty row 6 is not a row */
    CHECK_STR(r.value[2], "0.3");

    /* The first sheet by default: the notes sheet has no such columns. */
    mapping_set_sheet(&m, "Nope", &e);
    rewind(f);
    r.n = 0;
    err_clear(&e);
    CHECK_INT(reader_xlsx(f, "book.xlsx", &m, keep_row, &r, &e), ERR_USAGE);
    CHECK_CONTAINS(e.msg, "book.xlsx: no sheet named \"Nope\" (sheets: \"Notes\", \"Table 3\")");

    /* A header row with nothing in it is named. */
    mapping_set_sheet(&m, "Table 3", &e);
    m.header_rows = 6;
    rewind(f);
    err_clear(&e);
    CHECK_INT(reader_xlsx(f, "book.xlsx", &m, keep_row, &r, &e), ERR_PARSE);
    CHECK_CONTAINS(e.msg, "sheet \"Table 3\" has no row 6, the header row");

    /* A month-only format reads as a month. */
    mapping_release(&m);
    mapping_init(&m);
    mapping_set_column(&m, "area=Area code", &e);
    mapping_set_column(&m, "period=Month", &e);
    mapping_set_column(&m, "value=Value", &e);
    mapping_set_fixed(&m, "indicator=x", &e);
    mapping_set_sheet(&m, "Table 3", &e);
    m.header_rows = 3;
    rewind(f);
    r.n = 0;
    CHECK_INT(reader_xlsx(f, "book.xlsx", &m, keep_row, &r, &e), 0);
    CHECK_STR(r.period[0], "Apr 2023");
    fclose(f);
    mapping_release(&m);
}

static void test_not_a_workbook(const char *dir)
{
    char path[512];
    snprintf(path, sizeof path, "%s/bad.xlsx", dir);
    FILE *f = fopen(path, "wb+");
    fputs("PK\003\004 this is not a zip archive", f);
    rewind(f);
    mapping m;
    mapping_init(&m);
    err e = {0};
    rows r = {0};
    CHECK(reader_xlsx(f, "bad.xlsx", &m, keep_row, &r, &e) < 0);
    CHECK_CONTAINS(e.msg, "bad.xlsx: not a workbook this engine can read");
    fclose(f);
    mapping_release(&m);
}

/* ---- hostile and odd workbooks, written part by part ---- */

static const char WORKBOOK_XML[] =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char RELS_XML[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

static void add_part(zip_t *z, const char *name, const char *text)
{
    zip_source_t *src = zip_source_buffer(z, text, strlen(text), 0);
    CHECK(src && zip_file_add(z, name, src, ZIP_FL_OVERWRITE) >= 0);
}

/* A workbook of one sheet "S" with these rows (the <sheetData> content), shared
 * strings and styles (NULL: none); read with `m`. Returns the reader's result. */
static int read_raw(const char *dir, const char *rows_xml, const char *sst, const char *styles, const mapping *m,
                    rows *r, err *e)
{
    char path[512], sheet_xml[8192];
    snprintf(path, sizeof path, "%s/raw.xlsx", dir);
    snprintf(sheet_xml, sizeof sheet_xml,
             "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>%s"
             "</sheetData></worksheet>", rows_xml);
    int code;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &code);
    CHECK(z != NULL);
    add_part(z, "xl/workbook.xml", WORKBOOK_XML);
    add_part(z, "xl/_rels/workbook.xml.rels", RELS_XML);
    add_part(z, "xl/worksheets/sheet1.xml", sheet_xml);
    if (sst)
        add_part(z, "xl/sharedStrings.xml", sst);
    if (styles)
        add_part(z, "xl/styles.xml", styles);
    CHECK_INT(zip_close(z), 0);
    FILE *f = fopen(path, "rb");
    memset(r, 0, sizeof *r);
    err_clear(e);
    int rc = reader_xlsx(f, "raw.xlsx", m, keep_row, r, e);
    fclose(f);
    return rc;
}

static void test_raw(const char *dir)
{
    mapping m;
    mapping_init(&m);
    err e = {0};
    mapping_set_column(&m, "area=#1", &e);
    mapping_set_column(&m, "period=#2", &e);
    mapping_set_column(&m, "value=#3", &e);
    mapping_set_column(&m, "note=#5", &e);
    mapping_set_fixed(&m, "indicator=x", &e);
    m.header_rows = 0;
    rows r;

    /* Empty trailing cells are not in the file: without a header, they read as empty. */
    CHECK_INT(read_raw(dir, "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>S37000001</t></is></c>"
                            "<c r=\"B2\" t=\"inlineStr\"><is><t>2022/23</t></is></c><c r=\"C2\"><v>4</v></c></row>",
                       NULL, NULL, &m, &r, &e), 0);
    CHECK_INT(r.n, 1);
    CHECK_STR(r.note[0], "");

    /* A row opened inside a cell is malformed, not a reason to read past the row's text. */
    CHECK_INT(read_raw(dir, "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</t></is></c>"
                            "<c r=\"B2\" t=\"inlineStr\"><row r=\"3\"><is><t>x</t></is></row></c></row>",
                       NULL, NULL, &m, &r, &e), ERR_PARSE);
    CHECK_CONTAINS(e.msg, "a <row> inside a cell");

    /* Row numbers are Excel's: 1 to 1048576, in order. */
    CHECK_INT(read_raw(dir, "<row r=\"9223372036854775807\"></row><row></row>", NULL, NULL, &m, &r, &e), ERR_PARSE);
    CHECK_CONTAINS(e.msg, "row number \"9223372036854775807\" is not one from 1 to 1048576");
    CHECK_INT(read_raw(dir, "<row r=\"5\"></row><row r=\"3\"></row>", NULL, NULL, &m, &r, &e), ERR_PARSE);
    CHECK_CONTAINS(e.msg, "row 3 comes after row 5");

    /* A note in Excel's last column is not read, and does not stop the import. */
    CHECK_INT(read_raw(dir, "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>S37000001</t></is></c>"
                            "<c r=\"B2\" t=\"inlineStr\"><is><t>2022/23</t></is></c><c r=\"C2\"><v>4</v></c>"
                            "<c r=\"XFD2\" t=\"inlineStr\"><is><t>note</t></is></c></row>",
                       NULL, NULL, &m, &r, &e), 0);
    CHECK_INT(r.n, 1);

    /* Shared strings decode Excel's escapes as inline ones do; an empty shared-string cell is empty. */
    CHECK_INT(read_raw(dir, "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>0</v></c><c r=\"B2\" t=\"s\"><v>1</v></c>"
                            "<c r=\"C2\"><v>4</v></c><c r=\"E2\" t=\"s\"/></row>",
                       "<sst><si><t>S3700_x0030_001</t></si><si><r><t>2022</t></r><r><t>/23</t></r>"
                       "<rPh><t>phonetic</t></rPh></si></sst>", NULL, &m, &r, &e), 0);
    CHECK_STR(r.area[0], "S37000001");
    CHECK_STR(r.period[0], "2022/23");
    CHECK_STR(r.note[0], "");

    /* Dates by format: a day in 2010 (one a month reading would take), a time of day is a number. */
    const char *styles = "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"[h]:mm\"/></numFmts>"
                         "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
                         "<xf numFmtId=\"20\"/></cellXfs></styleSheet>";
    CHECK_INT(read_raw(dir, "<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>S37000001</t></is></c>"
                            "<c r=\"B2\" s=\"1\"><v>40512</v></c><c r=\"C2\" s=\"2\"><v>1.5</v></c>"
                            "<c r=\"E2\" s=\"3\"><v>0.25</v></c></row>",
                       NULL, styles, &m, &r, &e), 0);
    CHECK_STR(r.period[0], "2010-11-30");
    CHECK_STR(r.value[0], "1.5");
    CHECK_STR(r.note[0], "0.25");
    mapping_release(&m);
}

int main(void)
{
    char dir[] = "/tmp/test_xlsx.XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    test_book(dir, 0); /* shared strings */
    test_book(dir, 1); /* inline strings, as a streaming writer leaves them */
    test_not_a_workbook(dir);
    test_raw(dir);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return check_report("test_xlsx");
}
