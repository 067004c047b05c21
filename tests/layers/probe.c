/* probe.c - compiled by tests/layers against one layer's library, with
 * PROBE_HEADER naming a header of another layer: it must fail to compile
 * when that header is of a later layer (or lua.h outside engine/lua). */
#include PROBE_HEADER

int layers_probe(void);
int layers_probe(void)
{
    return 0;
}
