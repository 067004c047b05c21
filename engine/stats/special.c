/* special.c - the distribution functions the statistics rest on (normal, gamma
 * and Student's t quantiles and tails), from R's own mathematics library
 * (libRmath, Debian's r-mathlib): the code R runs, and so the code
 * PHEindicatormethods' reference values come from. Only this file includes
 * Rmath.h, whose macros (pnorm, lbeta, ...) would otherwise reach stats.c.
 * The contracts are stats.h's; R's own argument checks are kept out of the
 * way by checking first, so R never prints a warning. */
#define MATHLIB_STANDALONE
#include <Rmath.h>

#include <math.h>

#include "stats.h"

double stats_z(double level)
{
    return qnorm((1 - level) / 2, 0, 1, 0, 0);
}

double stats_qnorm(double p)
{
    return p >= 0 && p <= 1 ? qnorm(p, 0, 1, 1, 0) : NAN;
}

double stats_qgamma(double p, double shape, int upper)
{
    if (isnan(p) || isnan(shape) || shape < 0 || p < 0 || p > 1)
        return NAN;
    if (shape == 0)
        return 0;
    return qgamma(p, shape, 1, !upper, 0);
}

double stats_pgamma(double x, double a)
{
    if (isnan(x) || isnan(a) || a < 0)
        return NAN;
    return x <= 0 ? 0 : pgamma(x, a, 1, 1, 0);
}

double stats_qgamma_tail(double x, double a)
{
    if (isnan(x) || isnan(a) || a < 0)
        return NAN;
    return x <= 0 ? 1 : pgamma(x, a, 1, 0, 0);
}

double stats_qt_upper(double p, double df)
{
    if (!(df > 0) || !(p > 0) || p > 0.5)
        return p == 0 ? INFINITY : NAN;
    return p == 0.5 ? 0 : qt(p, df, 0, 0);
}

double stats_pt_upper(double t, double df)
{
    if (isnan(t) || !(df > 0))
        return NAN;
    return pt(t, df, 0, 0);
}
