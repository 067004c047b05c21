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
