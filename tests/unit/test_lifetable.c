/*
 * test_lifetable.c - life expectancy (lifetable.h) against PHEindicatormethods'
 * own tests of phe_life_expectancy (tests/testthat/testLifeExpectancy.R at
 * commit 093fd288, v2.1.0): every number its test_that blocks check, each of
 * its suppressions and input errors, plus values printed by running
 * upstream's function itself on more cases.
 *
 * Tolerances. The reference's expected values were not computed by the code
 * under test upstream, and it compares them only after rounding to 4 dp
 * (line 2, n <- 4):
 *   - answer1 (phe_life_expectancy_df1_expected.csv, from lines 129-146) has
 *     life expectancies that agree with the Chiang table to the last printed
 *     digit, so values are checked within half a unit of that digit; its
 *     limits were made with z = 1.96 (the PHE calculator's), not qnorm(0.975),
 *     so they differ from upstream's own by up to 5e-6. They are checked as
 *     upstream checks them (equal after rounding to 4 dp) and, to half a unit
 *     of the last printed digit, as estimate -+ 1.96 se;
 *   - answer_widecis (lines 158-182) is printed to 8 dp with limits made with
 *     z = 1.959964 (qnorm(0.975) to 6 dp): checked the same two ways;
 *   - values printed by running upstream's phe_life_expectancy (sprintf
 *     "%.17g", R 4.2.2, dplyr 1.0.10) are checked to a relative 1e-12: the
 *     table here does R's arithmetic in R's order, long double cumulative
 *     sums included, and here agrees with them bit for bit; 1e-12 leaves room
 *     for another compiler or a long double of another width.
 *
 * argv[1] is the reference data folder (<shared>/data/reference). Without it
 * the self-contained checks still run and the test reports itself skipped.
 */
#include <stdlib.h>
#include <sys/stat.h>

#include "check.h"
#include "lifetable.h"
#include "sheet.h"
#include "stats.h"

#define REL 1e-12
#define NB STATS_LIFE_BANDS

static void check_near_at(const char *file, int line, const char *what, double got, double want, double rel)
{
    check_count++;
    int ok;
    if (isnan(want))
        ok = isnan(got);
    else
        ok = fabs(got - want) <= rel * fmax(fabs(want), 1e-300);
    if (!ok) {
        check_failures++;
        fprintf(stderr, "%s:%d: %s is %.17g, expected %.17g\n", file, line, what, got, want);
    }
}
#define CHECK_NEAR(got, want, rel) check_near_at(__FILE__, __LINE__, #got, (got), (want), (rel))
#define CHECK_NEAR_MSG(what, got, want, rel) check_near_at(__FILE__, __LINE__, (what), (got), (want), (rel))

/* Equal within half a unit of the dp-th decimal, for values printed rounded. */
static void check_dp_at(const char *file, int line, const char *what, double got, double want, int dp)
{
    check_count++;
    if (!(fabs(got - want) <= 0.5 * pow(10, -dp) * (1 + 1e-9) + 1e-12 * fabs(want))) {
        check_failures++;
        fprintf(stderr, "%s:%d: %s is %.17g, expected %.*f\n", file, line, what, got, dp, want);
    }
}
#define CHECK_DP(what, got, want, dp) check_dp_at(__FILE__, __LINE__, (what), (got), (want), (dp))

/* Upstream's comparison: round(got, 4) == round(want, 4); NA only with NA. */
static void check_round4_at(const char *file, int line, const char *what, double got, double want)
{
    check_count++;
    int ok = isnan(want) ? isnan(got) : round(got * 1e4) == round(want * 1e4);
    if (!ok) {
        check_failures++;
        fprintf(stderr, "%s:%d: %s is %.17g, expected %.4f at 4 dp\n", file, line, what, got, want);
    }
}
#define CHECK_ROUND4(what, got, want) check_round4_at(__FILE__, __LINE__, (what), (got), (want))

/* ---- upstream's test inputs (testLifeExpectancy.R) ---- */

/* df1, lines 4-10 */
static const double DF1_AGE[NB] = {0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90};
static const double DF1_POPS[NB] = {7060,  35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601,
                                    50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936};
static const double DF1_DEATHS[NB] = {17,  9,   4,   8,   20,  15,  24,   33,   50,   71,
                                      100, 163, 263, 304, 536, 872, 1390, 1605, 1936, 1937};
/* df1_cum, lines 12-17 */
static const double DF1_POPS_USED[NB] = {787954, 780894, 745835, 698861, 650372, 607153, 568592,
                                         522583, 465375, 403940, 348339, 298130, 241714, 195303,
                                         155483, 117505, 80466,  47178,  23872,  11936};
static const double DF1_DTHS_USED[NB] = {9357, 9340, 9331, 9327, 9319, 9299, 9284, 9260, 9227, 9177,
                                         9106, 9006, 8843, 8580, 8276, 7740, 6868, 5478, 3873, 1937};
/* df2, lines 19-25: df1 with 65 moved last */
static const double DF2_AGE[NB] = {0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 70, 75, 80, 85, 90, 65};
static const double DF2_POPS[NB] = {7060,  35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601,
                                    50209, 56416, 46411, 39820, 37039, 33288, 23306, 11936, 11936, 37978};
static const double DF2_DEATHS[NB] = {17,  9,   4,   8,   20,   15,   24,   33,   50,   71,
                                      100, 163, 263, 304, 872, 1390, 1605, 1936, 1937, 536};
/* df3, lines 27-35: labels with en dashes, 70-74 moved last */
static const char *const DF3_LABELS[NB] = {"0",       "1-4",     "5-9",     "10 – 14", "15 – 19",
                                           "20 – 24", "25 – 29", "30 – 34", "35 – 39", "40 – 44",
                                           "45 – 49", "50 – 54", "55 – 59", "60 – 64", "65 – 69",
                                           "75 – 79", "80 – 84", "85 – 89", "90 +",    "70 – 74"};
static const double DF3_POPS[NB] = {7060,  35059, 46974, 48489, 43219, 38561, 46009, 57208, 61435, 55601,
                                    50209, 56416, 46411, 39820, 37978, 33288, 23306, 11936, 11936, 37039};
static const double DF3_DEATHS[NB] = {17,  9,   4,   8,   20,   15,   24,   33,   50,   71,
                                      100, 163, 263, 304, 536, 1390, 1605, 1936, 1937, 872};
/* test4's age_contents, lines 191-201 */
static const char *const DF3_CONTENTS[NB] = {"0",       "1-4",     "5-9",     "10 – 14", "15 – 19",
                                             "20 – 24", "25 – 29", "30 – 34", "35 – 39", "40 – 44",
                                             "45 – 49", "50 – 54", "55 – 59", "60 – 64", "65 – 69",
                                             "70 – 74", "75 – 79", "80 – 84", "85 – 89", "90 +"};
/* df_low_pops, lines 64-71 */
static const double LOW_POPS[NB] = {128, 152, 120, 176, 194, 180, 145, 149, 107, 185,
                                    165, 109, 100, 122, 133, 189, 123, 121, 147, 138};
static const double LOW_DEATHS[NB] = {58, 93, 78, 94, 59, 71, 80, 73, 69, 72, 91, 69, 78, 71, 54, 91, 82, 53, 50, 84};
/* df_widecis_plus, lines 72-82: two areas alike but for Area 1's 312 deaths at 90+ */
static const double WIDE_POPS[NB] = {270, 235, 246, 248, 243, 238, 246, 257, 261, 355,
                                     350, 356, 346, 339, 337, 337, 333, 323, 311, 311};
static const double WIDE_DEATHS[NB] = {17, 9, 4, 8, 20, 15, 24, 33, 50, 51, 10, 16, 26, 30, 36, 22, 13, 5, 6, 1};

/* df_grouped_with_warnings, lines 85-127: six areas of 20, 20, 20, 20, 20 and 19 rows */
static const char *const GROUPED_AREA[] = {"Good data",             "Negative deaths", "Negative pops",
                                           "Deaths more than pops", "Low pops",        "Missing age band"};
static const size_t GROUPED_ROWS[] = {20, 20, 20, 20, 20, 19};
static const double GROUPED_AGE[] = {
    0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90,
    0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90,
    0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90,
    0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90,
    0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85, 90,
    0, 1, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85,
};
static const double GROUPED_POP[] = {
    7060,  35059, 46974, 48489, 43219, 43219, 46009, 57208, 61435, 55601,
    50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936,
    7060,  35059, 46974, 48489, 43219, 43219, 46009, 57208, 61435, 55601,
    50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936,
    7060,  35059, 46974, -10,   43219, 43219, 46009, 57208, 61435, 55601,
    50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936,
    7060,  35059, 46974, 48489, 43219, 43219, 46009, 57208, 61435, 55601,
    50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936, 11936,
    100,   100,   100,   100,   100,   100,   100,   100,   100,   100,
    100,   100,   100,   100,   100,   100,   100,   100,   100,   100,
    7060,  35059, 46974, 48489, 43219, 43219, 46009, 57208, 61435, 55601,
    50209, 56416, 46411, 39820, 37978, 37039, 33288, 23306, 11936,
};
static const double GROUPED_DEATHS[] = {
    17,  9,   4,   8,   20,  15,    24,   33,   50,   71,
    100, 163, 263, 304, 536, 872,   1390, 1605, 1936, 1937,
    17,  9,   -2,  8,   20,  15,    24,   33,   50,   71,
    100, 163, 263, 304, 536, 872,   1390, 1605, 1936, 1937,
    17,  9,   4,   8,   20,  15,    24,   33,   50,   71,
    100, 163, 263, 304, 536, 872,   1390, 1605, 1936, 1937,
    17,  9,   4,   8,   20,  50000, 24,   33,   50,   71,
    100, 163, 263, 304, 536, 872,   1390, 1605, 1936, 1937,
    17,  9,   4,   8,   20,  15,    24,   33,   50,   71,
    80,  80,  80,  80,  80,  80,    80,   80,   80,   80,
    17,  9,   4,   8,   20,  15,    24,   33,   50,   71,
    100, 163, 263, 304, 536, 872,   1390, 1605, 1936,
};

/* answer_widecis, lines 158-182: Area 2 (Area 1 is all NA); NAN where upstream has NA */
static const char *const WIDE_VALUE[NB] = {"19.22914685", "19.44120610", "18.33467808", "14.67659995", "11.81284556",
                                           "11.63815414", "10.05641628", "9.93152356",  "11.95846561"};
static const double WIDE_LOWER95[NB] = {16.43900644,   16.53437505,   15.62922550,   12.08108630,   9.21823373,
                                        8.68414661,    6.54020385,    4.71570153,    2.37762283,    -1.60695210,
                                        -10.33328815,  -17.16409724,  -26.91715103,  -45.04820928,  -76.27067271,
                                        -137.12203187, -195.39453664, -242.37480291, -266.74198466, -298.54880400};
static const double WIDE_UPPER95[NB] = {22.01928726,  22.34803716,  21.04013066,  17.27211361,  14.40745738,
                                        14.59216167,  13.57262872,  15.14734559,  21.53930839,  50.29765396,
                                        97.99598549,  107.54413263, 128.91238524, 181.91668353, 278.06441642,
                                        472.32822039, 649.40455756, 783.50845564, 841.04259816, 920.54880400};

/* ---- values printed by running upstream's phe_life_expectancy ---- */

/* test7: df1 at confidence = 99.8 (value, lowercl, uppercl) */
static const double UP_DF1_998[NB][3] = {
    {80.16960813194838, 79.717231783323498, 80.621984480573261},
    {79.362456741138004, 78.932701386615918, 79.792212095660091},
    {75.44193644898543, 75.019609888665897, 75.864263009304963},
    {70.47299936374948, 70.053229082701748, 70.892769644797212},
    {65.529095424624472, 65.113477001115228, 65.944713848133716},
    {60.675100880911693, 60.270950343702069, 61.079251418121316},
    {55.788359867402228, 55.393655089115015, 56.183064645689441},
    {50.927527274398862, 50.541677271100397, 51.313377277697327},
    {46.067404247034133, 45.687847562689583, 46.446960931378683},
    {41.245056360258047, 40.871976945334865, 41.61813577518123},
    {36.49322717242061, 36.129029084450451, 36.857425260390769},
    {31.83343841736567, 31.481096382633737, 32.185780452097603},
    {27.260279920176011, 26.918293353472823, 27.602266486879198},
    {22.971914398304058, 22.648097379094949, 23.295731417513167},
    {18.768568517234474, 18.464488079948161, 19.072648954520787},
    {14.958583355003686, 14.676783625189008, 15.240383084818363},
    {11.516844447628721, 11.251137015085259, 11.782551880172182},
    {8.6188492412093627, 8.3544212221898277, 8.8832772602288976},
    {6.1639429339403424, 5.8713411613403128, 6.456544706540372},
    {6.1621063500258124, 5.7294376213546236, 6.5947750786970012},
};
/* test_grouped_with_warnings, area "Good data" (95%) */
static const double UP_GOOD[NB][3] = {
    {80.181719188751146, 79.895896003380756, 80.467542374121535},
    {79.374596967565978, 79.103189127838846, 79.64600480729311},
    {75.454089147892816, 75.187417542977101, 75.72076075280853},
    {70.485157237982207, 70.220115802465003, 70.750198673499412},
    {65.541263332383153, 65.278870220316136, 65.803656444450169},
    {60.687296975350051, 60.432220728266714, 60.942373222433389},
    {55.788359867402228, 55.53802038696098, 56.038699347843476},
    {50.927527274398862, 50.682803889561342, 51.172250659236383},
    {46.067404247034126, 45.826672367452787, 46.308136126615466},
    {41.245056360258047, 41.008432655573039, 41.481680064943056},
    {36.49322717242061, 36.262236403786439, 36.724217941054782},
    {31.833438417365667, 31.609967289665715, 32.056909545065622},
    {27.260279920176011, 27.043376694940505, 27.477183145411516},
    {22.971914398304055, 22.766535115340691, 23.177293681267418},
    {18.768568517234474, 18.575707060089382, 18.961429974379566},
    {14.958583355003684, 14.779853322252583, 15.137313387754785},
    {11.516844447628722, 11.348320871854057, 11.685368023403388},
    {8.6188492412093627, 8.4511371268977147, 8.7865613555210107},
    {6.1639429339403415, 5.9783617609767408, 6.3495241069039423},
    {6.1621063500258133, 5.8876884288424431, 6.4365242712091835},
};
/* test_widecis, Area 2 (value, lower95_0cl, upper95_0cl, lower99_8cl, upper99_8cl) */
static const double UP_WIDE[NB][5] = {
    {19.229146851959662, 16.439006460941069, 22.019287242978255, 14.829993580226088, 23.628300123693236},
    {19.441206100872499, 16.534375068005296, 22.348037133739702, 14.85806924877091, 24.024342952974088},
    {18.334678080740748, 15.629225520303788, 21.040130641177708, 14.069050257467921, 22.600305904013574},
    {14.676599951989965, 12.081086316448427, 17.272113587531503, 10.584310424776143, 18.768889479203786},
    {11.812845557602239, 9.2182337536276595, 14.407457361576819, 7.7219779284768109, 15.903713186727668},
    {11.638154136670755, 8.6841466298413792, 14.59216164350013, 6.9806351708778296, 16.295673102463681},
    {10.056416282557572, 6.5402038762310557, 13.572628688884089, 4.5124811597251089, 15.600351405390036},
    {9.9315235616269746, 4.7157015715437192, 15.147345551710231, 1.70785121656691, 18.155195906687041},
    {11.958465611302907, 2.3776229084961891, 21.539308314109626, -3.1474393308602906, 27.064370553466105},
    {NAN, -1.6069518995309231, 50.297653751926859, -16.573076781716232, 65.263778634112157},
    {NAN, -10.333287723323821, 97.995985058625095, -41.568847737744825, 129.23154507304611},
    {NAN, -17.164096746671653, 107.54413213355772, -53.122349464949302, 143.50238485183536},
    {NAN, -26.917150410965952, 128.91238462997507, -71.848891101112088, 173.84412532012118},
    {NAN, -45.048208383155668, 181.91668263231136, -110.49105030779431, 247.35952455695002},
    {NAN, -76.270671310957056, 278.06441501986035, -178.43931483706356, 380.23305854596686},
    {NAN, -137.12202946799519, 472.32821798500618, -312.85033716594967, 648.05652568296057},
    {NAN, -195.39453331138265, 649.40455422864602, -438.9831028765031, 892.99312379376647},
    {NAN, -242.37479886325417, 783.50845159290407, -538.17700462450398, 1079.310657354154},
    {NAN, -266.74198029277267, 841.04259378970505, -586.15953621463677, 1160.4601497115693},
    {NAN, -298.54879919195662, 920.54879919195662, -650.0622472181899, 1272.0622472181899},
};
/* df1 with 10,000 deaths at 80-84 (over 40% of its population, so q = 1 there
 * and nobody reaches 85) */
static const double UP_Q1[NB][3] = {
    {76.509199836194213, 76.283309365704937, 76.735090306683489},
    {75.693232308208053, 75.484423579210556, 75.902041037205549},
    {71.768942372506899, 71.565862048132175, 71.972022696881623},
    {66.798441112977258, 66.597342356444202, 66.999539869510315},
    {61.851504672046339, 61.653630213593857, 62.049379130498821},
    {56.988991073566055, 56.800054998794167, 57.177927148337943},
    {52.095073707036988, 51.913556871276242, 52.276590542797734},
    {47.22459576072356, 47.050158105926528, 47.399033415520591},
    {42.353777269866058, 42.184495498227847, 42.523059041504268},
    {37.516286555748721, 37.352417037437803, 37.680156074059639},
    {32.740573757518568, 32.584179550280744, 32.896967964756392},
    {28.043227671303054, 27.896949808668744, 28.189505533937364},
    {23.414916442687968, 23.278090967767231, 23.551741917608705},
    {19.0160314420243, 18.89610110967833, 19.135961774370269},
    {14.65874439112509, 14.558237968996917, 14.759250813253264},
    {10.548133412584102, 10.473637691176746, 10.622629133991458},
    {6.5547561406849271, 6.5100072860849441, 6.5995049952849101},
    {2.5, 2.5, 2.5},
    {0, NAN, NAN},
    {0, NAN, NAN},
};
/* df1 with no deaths at 1-14, confidence = 90 */
static const double UP_ZERO_90[NB][3] = {
    {80.335846428508603, 80.102107140196978, 80.569585716820228},
    {79.529095424624472, 79.307872097830383, 79.750318751418561},
    {75.529095424624472, 75.307872097830383, 75.750318751418561},
    {70.529095424624472, 70.307872097830383, 70.750318751418561},
    {65.529095424624472, 65.307872097830383, 65.750318751418561},
    {60.675100880911693, 60.459981624137107, 60.890220137686278},
    {55.788359867402228, 55.578268352649438, 55.998451382155018},
    {50.927527274398855, 50.722148935651319, 51.132905613146391},
    {46.067404247034133, 45.865375685093426, 46.269432808974841},
    {41.245056360258054, 41.046475487372696, 41.443637233143413},
    {36.493227172420603, 36.299373608489226, 36.68708073635198},
    {31.83343841736567, 31.645895535039461, 32.020981299691883},
    {27.260279920176011, 27.078248995352759, 27.442310844999263},
    {22.971914398304058, 22.799554670703117, 23.144274125905},
    {18.768568517234474, 18.606714080221085, 18.930422954247863},
    {14.958583355003688, 14.808588383190573, 15.108578326816803},
    {11.516844447628722, 11.375415004523502, 11.658273890733943},
    {8.6188492412093627, 8.4781007980312353, 8.7595976843874901},
    {6.1639429339403415, 6.0081983040130105, 6.3196875638676726},
    {6.1621063500258133, 5.9318075708036666, 6.39240512924796},
};
/* df_low_pops' deaths over 251 + 19 * 250 = 5,001 people (5,000 is suppressed) */
static const double UP_5001[NB][3] = {
    {3.0557684438234451, 2.7327664222896648, 3.3787704653572255},
    {2.7549306368975062, 2.4092568723862877, 3.1006044014087246},
    {3.1429649638642583, 2.7861644206834004, 3.4997655070451161},
    {2.7021710712653659, 2.4762370547816155, 2.9281050877491164},
    {4.0368646375801598, 3.4518475586750856, 4.6218817164852339},
    {3.4600360335425693, 3.0049156823011209, 3.9151563847840176},
    {3.160902128819977, 2.7711774522824868, 3.5506268053574672},
    {3.4481191593797984, 2.9772597940376841, 3.9189785247219127},
    {3.5749857249150079, 3.0854501629097686, 4.0645212869202467},
    {3.3604060487302059, 2.9458802971129048, 3.774931800347507},
    {2.7853514421998331, 2.5269943459673301, 3.0437085384323361},
    {3.555791717796462, 3.0745291316765364, 4.0370543039163875},
    {3.2557677518581336, 2.8325371238636774, 3.6789983798525898},
    {3.6148481741249023, 3.0838783499427858, 4.1458179983070194},
    {4.0737599232882156, 3.5302730450644919, 4.6172468015119392},
    {2.7686745257909853, 2.5254652482990356, 3.0118838032829349},
    {3.2018704917864582, 2.7606264787950998, 3.6431145047778166},
    {4.5966905280630774, 3.8657170828524205, 5.3276639732737339},
    {4.3253968253968251, 3.7038321936323215, 4.9469614571613292},
    {2.9761904761904763, 2.3397333249332446, 3.612647627447708},
};

/* ---- helpers ---- */

typedef stats_life_expectancy_result le_result;

static int run(const double *deaths, const double *pops, const double *ages, size_t n, double level, le_result *out)
{
    err e = {0};
    int rc = stats_life_expectancy(deaths, pops, ages, n, level, out, &e);
    if (rc)
        fprintf(stderr, "stats_life_expectancy: %s\n", e.msg);
    return rc;
}

/* The result for start age `age` in an output of n rows (upstream's output is
 * ordered by start age; here out[i] belongs to input row i). */
static const le_result *at_age(const le_result *out, size_t n, double age)
{
    for (size_t i = 0; i < n; i++)
        if (out[i].start_age == age)
            return &out[i];
    return NULL;
}

/* Rows against upstream-printed (value, lower, upper) at `level`. */
static void check_upstream3(const char *what, const le_result *out, const double want[NB][3])
{
    for (size_t k = 0; k < NB; k++) {
        const le_result *r = at_age(out, NB, DF1_AGE[k]);
        CHECK(r != NULL);
        if (!r)
            return;
        char w[96];
        snprintf(w, sizeof w, "%s value at %g", what, DF1_AGE[k]);
        CHECK_NEAR_MSG(w, r->value, want[k][0], REL);
        snprintf(w, sizeof w, "%s lower at %g", what, DF1_AGE[k]);
        CHECK_NEAR_MSG(w, r->lower, want[k][1], REL);
        snprintf(w, sizeof w, "%s upper at %g", what, DF1_AGE[k]);
        CHECK_NEAR_MSG(w, r->upper, want[k][2], REL);
    }
}

static void check_suppressed(const le_result *out, size_t n, stats_status status, const char *reason)
{
    for (size_t i = 0; i < n; i++) {
        CHECK_INT(out[i].status, status);
        CHECK_STR(out[i].reason, reason);
        CHECK(isnan(out[i].value) && isnan(out[i].lower) && isnan(out[i].upper));
        CHECK(isnan(out[i].lower95) && isnan(out[i].upper95) && isnan(out[i].lower998) && isnan(out[i].upper998));
    }
}

/* ---- self-contained: upstream's constructed cases ---- */

/* test7 and test8 (lines 206-207, 263-265): 99.8% alone gives the 99.8%
 * limits of the two-level call; both against upstream's printed 99.8% run. */
static void test_levels(void)
{
    le_result one[NB], two[NB], pct[NB];
    CHECK_INT(run(DF1_DEATHS, DF1_POPS, DF1_AGE, NB, 99.8, one), 0);
    CHECK_INT(run(DF1_DEATHS, DF1_POPS, DF1_AGE, NB, 0.95, two), 0);
    CHECK_INT(run(DF1_DEATHS, DF1_POPS, DF1_AGE, NB, 95, pct), 0); /* test1.1: confidence = 95 */
    for (size_t i = 0; i < NB; i++) {
        CHECK_NEAR(one[i].level, 0.998, 1e-15);
        CHECK(one[i].lower == two[i].lower998 && one[i].upper == two[i].upper998);
        CHECK(one[i].lower == one[i].lower998 && two[i].lower == two[i].lower95);
        CHECK(pct[i].value == two[i].value && pct[i].lower == two[i].lower && pct[i].upper == two[i].upper);
        CHECK_STR(two[i].method, "Chiang, using Silcocks et al for confidence limits");
    }
    /* limits at another level from estimate and se, as the header says */
    le_result ninety[NB];
    double z = stats_qnorm(0.9 + (1 - 0.9) / 2);
    CHECK_INT(run(DF1_DEATHS, DF1_POPS, DF1_AGE, NB, 0.9, ninety), 0);
    for (size_t i = 0; i < NB; i++)
        CHECK(ninety[i].lower == two[i].estimate - z * two[i].se && ninety[i].upper == two[i].estimate + z * two[i].se);
    check_upstream3("99.8%", one, UP_DF1_998);
}

/* test_widecis (lines 72-82, 158-182, 225, 266-268): Area 1 has more deaths
 * than population at 90+; Area 2's values from 40 on have 95% intervals over
 * 20 years and are suppressed, their limits kept. */
static void test_wide_cis(void)
{
    double area1[NB];
    memcpy(area1, WIDE_DEATHS, sizeof area1);
    area1[NB - 1] = 312;
    le_result a1[NB], a2[NB];
    CHECK_INT(run(area1, WIDE_POPS, DF1_AGE, NB, 0.95, a1), 0);
    check_suppressed(a1, NB, STATS_UNRELIABLE, "an age band has more deaths than population");
    CHECK_INT(run(WIDE_DEATHS, WIDE_POPS, DF1_AGE, NB, 0.95, a2), 0);
    double z_ref = 1.959964; /* the z answer_widecis was computed with */
    for (size_t k = 0; k < NB; k++) {
        const le_result *r = &a2[k];
        char w[64];
        snprintf(w, sizeof w, "widecis value at %g", DF1_AGE[k]);
        if (WIDE_VALUE[k]) {
            CHECK_INT(r->status, STATS_OK);
            CHECK_DP(w, r->value, strtod(WIDE_VALUE[k], NULL), stats_decimals(WIDE_VALUE[k]));
            CHECK_ROUND4(w, r->value, strtod(WIDE_VALUE[k], NULL));
        } else {
            CHECK_INT(r->status, STATS_UNRELIABLE);
            CHECK_STR(r->reason, "95% confidence interval wider than 20 years");
            CHECK(isnan(r->value));
            CHECK(r->upper95 - r->lower95 > 20);
        }
        snprintf(w, sizeof w, "widecis lower95 at %g", DF1_AGE[k]);
        CHECK_ROUND4(w, r->lower95, WIDE_LOWER95[k]);
        CHECK_DP(w, r->estimate - z_ref * r->se, WIDE_LOWER95[k], 8);
        snprintf(w, sizeof w, "widecis upper95 at %g", DF1_AGE[k]);
        CHECK_ROUND4(w, r->upper95, WIDE_UPPER95[k]);
        CHECK_DP(w, r->estimate + z_ref * r->se, WIDE_UPPER95[k], 8);
        /* upstream's own run, at full precision */
        CHECK_NEAR_MSG(w, r->value, UP_WIDE[k][0], REL);
        CHECK_NEAR_MSG(w, r->lower95, UP_WIDE[k][1], REL);
        CHECK_NEAR_MSG(w, r->upper95, UP_WIDE[k][2], REL);
        CHECK_NEAR_MSG(w, r->lower998, UP_WIDE[k][3], REL);
        CHECK_NEAR_MSG(w, r->upper998, UP_WIDE[k][4], REL);
        CHECK(r->lower == r->lower95);
    }
    /* pops_used and dths_used of Area 2: 5942 in all, 311 and 1 at 90+ */
    CHECK_NEAR(a2[0].pops_used, 5942, 0);
    CHECK_NEAR(a2[0].deaths_used, 396, 0);
    CHECK_NEAR(a2[NB - 1].pops_used, 311, 0);
    CHECK_NEAR(a2[NB - 1].deaths_used, 1, 0);
    CHECK_NEAR(a1[0].deaths_used, 707, 0); /* given for suppressed areas too */
}

/* Lines 36-71, 209-223, 253-260, 302-311: each suppression, ungrouped. */
static void test_suppressions(void)
{
    double d[NB], p[NB];
    le_result out[NB];
    err e = {0};

    /* df_neg_deaths: -5 deaths at 10-14. Upstream suppresses to NA with a
     * warning; the engine rejects a negative count, naming the band. */
    memcpy(d, DF1_DEATHS, sizeof d);
    d[3] = -5;
    CHECK_INT(stats_life_expectancy(d, DF1_POPS, DF1_AGE, NB, 0.95, out, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "band 4 (start age 10): deaths -5 must be a finite number >= 0");

    /* df_zero_pop: no population at 20-24 */
    memcpy(p, DF1_POPS, sizeof p);
    p[5] = 0;
    CHECK_INT(run(DF1_DEATHS, p, DF1_AGE, NB, 0.95, out), 0);
    check_suppressed(out, NB, STATS_INSUFFICIENT_DATA, "an age band has zero population");
    CHECK_NEAR(out[0].pops_used, 787954 - 38561, 0);

    /* df_deaths_greater_pops: 1936 deaths of 119 people at 85-89 */
    memcpy(p, DF1_POPS, sizeof p);
    p[18] = 119;
    CHECK_INT(run(DF1_DEATHS, p, DF1_AGE, NB, 0.95, out), 0);
    check_suppressed(out, NB, STATS_UNRELIABLE, "an age band has more deaths than population");

    /* df_low_pops: 2,883 people */
    CHECK_INT(run(LOW_DEATHS, LOW_POPS, DF1_AGE, NB, 0.95, out), 0);
    check_suppressed(out, NB, STATS_INSUFFICIENT_DATA, "total population less than 5,000");
    /* the boundary: upstream filters total_pop <= 5000 (line 351) */
    for (size_t i = 0; i < NB; i++)
        p[i] = 250;
    CHECK_INT(run(LOW_DEATHS, p, DF1_AGE, NB, 0.95, out), 0);
    check_suppressed(out, NB, STATS_INSUFFICIENT_DATA, "total population less than 5,000");
    p[0] = 251;
    CHECK_INT(run(LOW_DEATHS, p, DF1_AGE, NB, 0.95, out), 0);
    check_upstream3("5,001 people", out, UP_5001);

    /* df_missing_age with age_contents_short (lines 57-63, 218-223): the
     * labels agree with age_contents, but there are 19 bands, not 20 */
    const char *labels[NB];
    double ages[NB];
    for (size_t i = 0; i < NB; i++)
        labels[i] = stats_life_age_contents[i];
    CHECK_INT(stats_life_start_ages(labels, NB - 1, labels, NB - 1, ages, &e), 0);
    CHECK_INT(run(DF1_DEATHS, DF1_POPS, ages, NB - 1, 0.95, out), 0);
    check_suppressed(out, NB - 1, STATS_INSUFFICIENT_DATA, "life expectancy needs 20 age bands");
    CHECK_NEAR(out[NB - 2].pops_used, 11936, 0);
}

/* test_grouped_with_warnings (lines 85-127, 226-230, 261-262, 318-327): each
 * area on its own; every one of the 119 rows gets a result or its area an
 * error. */
static void test_grouped(void)
{
    size_t start = 0, rows = 0;
    for (size_t g = 0; g < 6; g++) {
        size_t n = GROUPED_ROWS[g];
        le_result out[NB];
        err e = {0};
        int rc = stats_life_expectancy(GROUPED_DEATHS + start, GROUPED_POP + start, GROUPED_AGE + start, n, 0.95,
                                       out, &e);
        const char *area = GROUPED_AREA[g];
        if (strcmp(area, "Good data") == 0) {
            CHECK_INT(rc, 0);
            check_upstream3("Good data", out, UP_GOOD);
        } else if (strcmp(area, "Negative deaths") == 0) {
            CHECK_INT(rc, ERR_INVALID);
            CHECK_CONTAINS(e.msg, "band 3 (start age 5): deaths -2 must be a finite number >= 0");
        } else if (strcmp(area, "Negative pops") == 0) {
            CHECK_INT(rc, ERR_INVALID);
            CHECK_CONTAINS(e.msg, "band 4 (start age 10): population -10 must be a finite number >= 0");
        } else if (strcmp(area, "Deaths more than pops") == 0) {
            CHECK_INT(rc, 0);
            check_suppressed(out, n, STATS_UNRELIABLE, "an age band has more deaths than population");
        } else if (strcmp(area, "Low pops") == 0) {
            CHECK_INT(rc, 0);
            check_suppressed(out, n, STATS_INSUFFICIENT_DATA, "total population less than 5,000");
        } else {
            CHECK_INT(rc, 0);
            check_suppressed(out, n, STATS_INSUFFICIENT_DATA, "life expectancy needs 20 age bands");
        }
        start += n;
        rows += n;
    }
    CHECK_INT(rows, 119);
}

/* Cases upstream's tests do not construct, against upstream's own run or
 * its documented rules. */
static void test_edges(void)
{
    double d[NB], p[NB];
    le_result out[NB];
    err e = {0};

    /* q = 1 where deaths exceed P / n / a (line 401): 10,000 deaths at 80-84 */
    memcpy(d, DF1_DEATHS, sizeof d);
    d[17] = 10000;
    CHECK_INT(run(d, DF1_POPS, DF1_AGE, NB, 0.95, out), 0);
    check_upstream3("q = 1", out, UP_Q1);
    CHECK_INT(out[17].status, STATS_OK);
    CHECK_INT(out[18].status, STATS_UNRELIABLE);
    CHECK_STR(out[19].reason, "no one in the life table survives to this age");

    /* zero deaths in bands other than the last are fine (line 423), at 90% */
    memcpy(d, DF1_DEATHS, sizeof d);
    d[1] = d[2] = d[3] = 0;
    CHECK_INT(run(d, DF1_POPS, DF1_AGE, NB, 90, out), 0);
    check_upstream3("90%", out, UP_ZERO_90);

    /* no deaths at 90+: upstream divides by the zero rate (value NA, lower
     * NaN, upper Inf); the documented rule is that no value exists */
    memcpy(d, DF1_DEATHS, sizeof d);
    d[NB - 1] = 0;
    CHECK_INT(run(d, DF1_POPS, DF1_AGE, NB, 0.95, out), 0);
    check_suppressed(out, NB, STATS_INSUFFICIENT_DATA, "no deaths in the final age band");

    /* a missing population: upstream's case_when turns M = NA into q = 1
     * and prints numbers; the engine says the value is missing */
    memcpy(p, DF1_POPS, sizeof p);
    p[7] = NAN;
    CHECK_INT(run(DF1_DEATHS, p, DF1_AGE, NB, 0.95, out), 0);
    check_suppressed(out, NB, STATS_MISSING, "a death count or population is missing");
    memcpy(d, DF1_DEATHS, sizeof d);
    d[0] = NAN;
    CHECK_INT(run(d, DF1_POPS, DF1_AGE, NB, 0.95, out), 0);
    check_suppressed(out, NB, STATS_MISSING, "a death count or population is missing");

    /* input errors */
    double ages[NB];
    memcpy(ages, DF1_AGE, sizeof ages);
    ages[3] = 5;
    CHECK_INT(stats_life_expectancy(DF1_DEATHS, DF1_POPS, ages, NB, 0.95, out, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "start age 5 appears twice, in bands 3 and 4");
    memcpy(ages, DF1_AGE, sizeof ages);
    ages[0] = 0.5;
    CHECK_INT(stats_life_expectancy(DF1_DEATHS, DF1_POPS, ages, NB, 0.95, out, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "must start at 0, not 0.5");
    ages[0] = -1;
    CHECK_INT(stats_life_expectancy(DF1_DEATHS, DF1_POPS, ages, NB, 0.95, out, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "band 1: start age -1");
    memcpy(p, DF1_POPS, sizeof p);
    p[2] = INFINITY;
    CHECK_INT(stats_life_expectancy(DF1_DEATHS, p, DF1_AGE, NB, 0.95, out, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "band 3 (start age 5): population inf");
    /* confidence = 0.8 (lines 353-355), and 100% with its infinite limits */
    CHECK_INT(stats_life_expectancy(DF1_DEATHS, DF1_POPS, DF1_AGE, NB, 0.8, out, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "must be between 0.9 and 1");
    CHECK_INT(stats_life_expectancy(DF1_DEATHS, DF1_POPS, DF1_AGE, NB, 100, out, &e), ERR_INVALID);
    CHECK_INT(stats_life_expectancy(DF1_DEATHS, DF1_POPS, DF1_AGE, NB, 101, out, &e), ERR_INVALID);
    /* phe_life_expectancy() with no arguments (lines 348-349) */
    CHECK_INT(stats_life_expectancy(NULL, NULL, NULL, NB, 0.95, out, &e), ERR_USAGE);
    CHECK_CONTAINS(e.msg, "needs deaths, populations and start ages");
    CHECK_INT(stats_life_expectancy(DF1_DEATHS, DF1_POPS, DF1_AGE, 0, 0.95, out, &e), ERR_INVALID);
}

/* The age_contents errors (lines 333-352). */
static void test_age_contents(void)
{
    double ages[NB];
    err e = {0};
    /* df3's labels against the default age_contents */
    CHECK_INT(stats_life_start_ages(DF3_LABELS, NB, NULL, 0, ages, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "the contents in the startage field do not match the contents of the age_contents vector");
    static const char *const shuffled[NB] = {"0",     "1 4",   "5 9",   "20 24", "25 29", "10 14", "15 19",
                                             "30 34", "35 39", "40 44", "45 49", "50 54", "55 59", "60 64",
                                             "65 69", "70 74", "75 79", "80 84", "85 89", "90+"};
    CHECK_INT(stats_life_start_ages(DF3_LABELS, NB, shuffled, NB, ages, &e), ERR_INVALID);
    CHECK_STR(e.msg, "age_contents doesn't appear to be in ascending order; the following age bands appear out "
                     "of position: 20 24, 25 29, 10 14, 15 19");
    /* age_contents = c(1L, 0L, seq(5, 90, by = 5)) */
    static const char *const one_first[NB] = {"1",  "0",  "5",  "10", "15", "20", "25", "30", "35", "40",
                                              "45", "50", "55", "60", "65", "70", "75", "80", "85", "90"};
    CHECK_INT(stats_life_start_ages(stats_life_age_contents, NB, one_first, NB, ages, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "first age band in age_contents must be 0");
    /* the other ways the sets can differ, and a label without a number */
    CHECK_INT(stats_life_start_ages(stats_life_age_contents, NB - 1, NULL, 0, ages, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "no band is \"90\"");
    static const char *const twice[3] = {"0", "5", "5"};
    CHECK_INT(stats_life_start_ages(twice, 2, twice, 3, ages, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "\"5\" appears twice in age_contents");
    static const char *const words[2] = {"0", "ninety plus"};
    CHECK_INT(stats_life_start_ages(words, 2, words, 2, ages, &e), ERR_INVALID);
    CHECK_CONTAINS(e.msg, "band 2 \"ninety plus\" has no start age");
    /* the labels' start ages, as upstream's regular expression reads them */
    CHECK_INT(stats_life_start_ages(DF3_LABELS, NB, DF3_CONTENTS, NB, ages, &e), 0);
    CHECK_NEAR(ages[3], 10, 0);
    CHECK_NEAR(ages[18], 90, 0);
    CHECK_NEAR(ages[19], 70, 0);
    static const char *const odd[3] = {"00", "<1", "Aged 05-09"};
    CHECK_INT(stats_life_start_ages(odd, 3, odd, 3, ages, &e), 0);
    CHECK(ages[0] == 0 && ages[1] == 1 && ages[2] == 5);
}

/* le_age (lines 202-203, 298-301, 492-508). */
static void test_select(void)
{
    unsigned char keep[NB];
    const double five[] = {5}, two[] = {5, 25}, four[] = {4}, four_six[] = {4, 6};
    CHECK_INT(stats_life_select(DF1_AGE, NB, five, 1, keep), 1);
    for (size_t i = 0; i < NB; i++)
        CHECK_INT(keep[i], i == 2);
    CHECK_INT(stats_life_select(DF1_AGE, NB, two, 2, keep), 2);
    for (size_t i = 0; i < NB; i++)
        CHECK_INT(keep[i], i == 2 || i == 6);
    /* le_age = 4 and c(4, 6): none is a band, so all are returned */
    CHECK_INT(stats_life_select(DF1_AGE, NB, four, 1, keep), 0);
    for (size_t i = 0; i < NB; i++)
        CHECK_INT(keep[i], 1);
    CHECK_INT(stats_life_select(DF1_AGE, NB, four_six, 2, keep), 0);
    for (size_t i = 0; i < NB; i++)
        CHECK_INT(keep[i], 1);
    CHECK_INT(stats_life_select(DF1_AGE, NB, NULL, 0, keep), 0); /* le_age = "all" */
    for (size_t i = 0; i < NB; i++)
        CHECK_INT(keep[i], 1);
}

/* ---- against phe_life_expectancy_df1_expected.csv ---- */

static const char *cell(const sheet *s, size_t row, const char *col)
{
    const char *v = sheet_cell(s, row, col);
    if (!v) {
        fprintf(stderr, "no column %s\n", col);
        check_failures++;
        return "";
    }
    return v;
}

static double num(const sheet *s, size_t row, const char *col)
{
    const char *v = cell(s, row, col);
    return *v ? strtod(v, NULL) : NAN;
}

/* One area's results against answer1 (and df1_cum), joined by start age. */
static void check_answer1(const char *what, const sheet *s, const le_result *out, size_t n)
{
    for (size_t r = 0; r < s->rows; r++) {
        double age = num(s, r, "startage");
        const le_result *o = at_age(out, n, age);
        char w[96];
        snprintf(w, sizeof w, "%s at %g", what, age);
        CHECK(o != NULL);
        if (!o)
            continue;
        CHECK_INT(o->status, STATS_OK);
        const char *v = cell(s, r, "expected_value");
        const char *lo = cell(s, r, "expected_lowercl95"), *hi = cell(s, r, "expected_uppercl95");
        CHECK_DP(w, o->value, strtod(v, NULL), stats_decimals(v));
        CHECK_ROUND4(w, o->value, strtod(v, NULL));
        CHECK_ROUND4(w, o->lower, strtod(lo, NULL));
        CHECK_ROUND4(w, o->upper, strtod(hi, NULL));
        /* answer1's limits are e -+ 1.96 se to their last printed digit */
        CHECK_DP(w, o->estimate - 1.96 * o->se, strtod(lo, NULL), stats_decimals(lo));
        CHECK_DP(w, o->estimate + 1.96 * o->se, strtod(hi, NULL), stats_decimals(hi));
        CHECK_NEAR_MSG(w, o->pops_used, num(s, r, "expected_pops_used"), 0);
        CHECK_NEAR_MSG(w, o->deaths_used, num(s, r, "expected_dths_used"), 0);
    }
}

static void test_answer1(const char *dir)
{
    sheet s;
    if (sheet_load(&s, dir, "PHEindicatormethods", "phe_life_expectancy_df1_expected.csv")) {
        check_failures++;
        return;
    }
    CHECK_INT(s.rows, NB);
    if (s.rows != NB) {
        sheet_free(&s);
        return;
    }
    double d[NB], p[NB], a[NB];
    for (size_t r = 0; r < NB; r++) {
        a[r] = num(&s, r, "startage");
        p[r] = num(&s, r, "pops");
        d[r] = num(&s, r, "deaths");
        /* the sheet's inputs are df1's and its df1_cum */
        CHECK(a[r] == DF1_AGE[r] && p[r] == DF1_POPS[r] && d[r] == DF1_DEATHS[r]);
        CHECK(num(&s, r, "expected_pops_used") == DF1_POPS_USED[r]);
        CHECK(num(&s, r, "expected_dths_used") == DF1_DTHS_USED[r]);
    }
    le_result out[NB];
    /* test1 (type standard) and test3 (one area, grouped): the same call here */
    CHECK_INT(run(d, p, a, NB, 0.95, out), 0);
    check_answer1("test1", &s, out, NB);
    /* test1.1: confidence = 95 */
    CHECK_INT(run(d, p, a, NB, 95, out), 0);
    check_answer1("test1.1", &s, out, NB);
    /* test2: bands out of order */
    CHECK_INT(run(DF2_DEATHS, DF2_POPS, DF2_AGE, NB, 0.95, out), 0);
    check_answer1("test2", &s, out, NB);
    /* test4: custom labels, out of order */
    double ages[NB];
    err e = {0};
    CHECK_INT(stats_life_start_ages(DF3_LABELS, NB, DF3_CONTENTS, NB, ages, &e), 0);
    CHECK_INT(run(DF3_DEATHS, DF3_POPS, ages, NB, 0.95, out), 0);
    check_answer1("test4", &s, out, NB);
    /* test5 and test6: le_age = 5, and c(5, 25) with type = "full" */
    CHECK_INT(run(d, p, a, NB, 0.95, out), 0);
    unsigned char keep[NB];
    const double le5[] = {5}, le525[] = {5, 25};
    CHECK_INT(stats_life_select(a, NB, le5, 1, keep), 1);
    for (size_t i = 0; i < NB; i++) {
        if (!keep[i])
            continue;
        CHECK_ROUND4("test5 value", out[i].value, num(&s, 2, "expected_value"));
        CHECK_ROUND4("test5 lowercl", out[i].lower, num(&s, 2, "expected_lowercl95"));
        CHECK_ROUND4("test5 uppercl", out[i].upper, num(&s, 2, "expected_uppercl95"));
    }
    CHECK_INT(stats_life_select(a, NB, le525, 2, keep), 2);
    size_t row[] = {2, 6}, k = 0;
    for (size_t i = 0; i < NB; i++) {
        if (!keep[i])
            continue;
        size_t r = row[k++];
        CHECK_NEAR(out[i].start_age, num(&s, r, "startage"), 0);
        CHECK_ROUND4("test6 value", out[i].value, num(&s, r, "expected_value"));
        CHECK_ROUND4("test6 lowercl", out[i].lower, num(&s, r, "expected_lowercl95"));
        CHECK_ROUND4("test6 uppercl", out[i].upper, num(&s, r, "expected_uppercl95"));
        CHECK_NEAR(out[i].pops_used, DF1_POPS_USED[r], 0);
        CHECK_NEAR(out[i].deaths_used, DF1_DTHS_USED[r], 0);
        CHECK_NEAR(out[i].level, 0.95, 0); /* confidence "95%" */
        CHECK_STR(out[i].method, "Chiang, using Silcocks et al for confidence limits");
    }
    CHECK_INT(k, 2);
    sheet_free(&s);
}

int main(int argc, char **argv)
{
    test_levels();
    test_wide_cis();
    test_suppressions();
    test_grouped();
    test_edges();
    test_age_contents();
    test_select();
    struct stat st;
    if (argc < 2 || stat(argv[1], &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "test_lifetable: no reference data folder; the reference checks are skipped\n");
        int rc = check_report("test_lifetable");
        return rc ? rc : 77;
    }
    test_answer1(argv[1]);
    return check_report("test_lifetable");
}
