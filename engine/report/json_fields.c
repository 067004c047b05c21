/* json_fields.c - null-aware JSON field writers (json_fields.h). */
#include "json_fields.h"

#include <math.h>
#include <stdlib.h>

void json_add_number(cJSON *o, const char *key, double v)
{
    if (isnan(v))
        cJSON_AddNullToObject(o, key);
    else
        cJSON_AddNumberToObject(o, key, v);
}

void json_add_string(cJSON *o, const char *key, const char *v)
{
    if (v)
        cJSON_AddStringToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

void json_add_framework(cJSON *root, const framework *f)
{
    cJSON *fw = cJSON_AddObjectToObject(root, "framework");
    json_add_string(fw, "id", f->id);
    json_add_string(fw, "version", f->version);
    json_add_string(fw, "sha256", f->sha256);
    json_add_string(fw, "title", f->title);
    json_add_string(fw, "extends", f->extends);
    json_add_string(fw, "scores", f->scores);
}

void json_add_indicator_head(cJSON *o, const fw_indicator *fi, const res_indicator *x)
{
    json_add_string(o, "id", fi->id);
    json_add_string(o, "title", fi->title);
    json_add_string(o, "unit", fi->unit);
    json_add_string(o, "polarity", polarity_name(fi->polarity));
    json_add_string(o, "status", vocab_colour_name(x->colour));
    json_add_string(o, "assessment", x->assessment);
}

int json_write(FILE *out, cJSON *root, err *e)
{
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return err_set(e, ERR_NOMEM, "out of memory writing JSON");
    int bad = fputs(text, out) < 0 || fputc('\n', out) < 0;
    free(text);
    return bad ? err_set(e, ERR_IO, "writing the output failed") : 0;
}
