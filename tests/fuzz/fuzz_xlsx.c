/* fuzz_xlsx.c - libFuzzer harness: the workbook reader on arbitrary XML parts.
 * Random bytes are seldom a zip archive, so the harness builds one: the input,
 * split at each "\n--\n", gives the sheet, the shared strings, the styles and
 * the workbook (a plain one when not given), stored in a real archive that
 * the reader then opens as any workbook. */
#define _GNU_SOURCE /* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zip.h>

#include "reader.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static int touch(void *ctx, const obs_text *row, err *e)
{
    (void)e;
    size_t *total = ctx;
    for (int f = 0; f < OBS_NFIELDS; f++)
        if (row->field[f])
            *total += strlen(row->field[f]);
    return 0;
}

static const char WORKBOOK[] =
    "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
    "<sheets><sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char RELS[] =
    "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
    "<Relationship Id=\"rId1\" Type=\"worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>";

static int add(zip_t *z, const char *name, const char *text, size_t len)
{
    zip_source_t *s = zip_source_buffer(z, text, len, 0);
    if (!s)
        return -1;
    if (zip_file_add(z, name, s, ZIP_FL_OVERWRITE) < 0) {
        zip_source_free(s);
        return -1;
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static char path[64];
    if (!path[0]) {
        snprintf(path, sizeof path, "/tmp/fuzz_xlsx.%ld.xlsx", (long)getpid());
    }
    const char *part[4] = {0};
    size_t len[4] = {0};
    const char *p = (const char *)data, *end = p + size;
    for (int k = 0; k < 4 && p <= end; k++) {
        const char *cut = memmem(p, (size_t)(end - p), "\n--\n", 4);
        part[k] = p;
        len[k] = cut ? (size_t)(cut - p) : (size_t)(end - p);
        p = cut ? cut + 4 : end + 1;
    }
    int err_code;
    zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &err_code);
    if (!z)
        return 0;
    add(z, "xl/worksheets/sheet1.xml", part[0] ? part[0] : "", len[0]);
    if (part[1])
        add(z, "xl/sharedStrings.xml", part[1], len[1]);
    if (part[2])
        add(z, "xl/styles.xml", part[2], len[2]);
    add(z, "xl/workbook.xml", part[3] && len[3] ? part[3] : WORKBOOK, part[3] && len[3] ? len[3] : strlen(WORKBOOK));
    add(z, "xl/_rels/workbook.xml.rels", RELS, strlen(RELS));
    if (zip_close(z) < 0) {
        zip_discard(z);
        return 0;
    }
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    mapping m;
    mapping_init(&m);
    mapping_set_fixed(&m, "indicator=x", &(err){0});
    mapping_set_column(&m, "area=#1", &(err){0});
    mapping_set_column(&m, "period=#2", &(err){0});
    mapping_set_column(&m, "value=#3", &(err){0});
    err e = {0};
    size_t total = 0;
    reader_xlsx(f, "fuzz.xlsx", &m, touch, &total, &e);
    fclose(f);
    mapping_release(&m);
    return 0;
}
