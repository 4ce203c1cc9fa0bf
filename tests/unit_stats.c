/*
 * unit_stats.c - trend's figures and flags, against values worked out by
 * hand or by tests/trend_ref.py (an independent Python reading of
 * trend(1)): every p-value below was computed there, every flag case is
 * a series made to sit just on one side of a cut-off.  The statistics of
 * the early warnings (usual_of, normal_scores, normal_quantile, detect)
 * are checked against known values, hand-worked recursions and plain
 * brute-force versions written here (bisection on erfc, counting ranks,
 * sorting, the CUSUM and ramp by their formulas).
 */
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hearth.h"
#include "series.h"
#include "stats.h"
#include "alerts.h"
#include "unit.h"

#define W	90

static struct measure scale15 = { "talk", T_SCALE, 1, 5, 1, 1, P_DIALOGUE, "" };
static struct measure granted = { "granted", T_SCALE, 1, 5, -1, 1, P_NONE, "" };
static struct measure hugs = { "hugs", T_COUNT, 0, -1, 1, 1, P_AFFECTION, "" };
static struct measure dodged = { "dodged", T_COUNT, 0, -1, -1, 1, P_NONE, "" };
static struct measure unknown = { "mood", T_SCALE, 0, -1, 1, 0, P_NONE, "" };

static double v[W];

/*
 * Fill v[0..w-1] from spec, right-aligned so that its last token is the
 * as-of date: numbers are values, "." a day without data; days before
 * the spec have no data.
 */
static void
series(const char *spec, int w)
{
	double tok[W];
	int k = 0, i;
	const char *p = spec;
	char *e;

	while (*p) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		if (*p == '.') {
			tok[k++] = NAN;
			p++;
		} else {
			tok[k++] = strtod(p, &e);
			p = e;
		}
	}
	for (i = 0; i < w; i++)
		v[i] = NAN;
	for (i = 0; i < k; i++)
		v[w - k + i] = tok[i];
}

static struct figures
fig(const char *spec, const struct measure *m)
{
	struct figures f;

	(void)m;	/* a figure does not depend on what is measured */
	series(spec, W);
	figures(v, W, &f);
	return f;
}

/* "v v v" repeated: n copies of s joined by spaces, in a static buffer */
static const char *
rep(const char *s, int n)
{
	static char buf[4][2048];
	static int next;
	char *b = buf[next];
	int i;

	next = (next + 1) % 4;
	b[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strcat(b, " ");
		strcat(b, s);
	}
	return b;
}

static const char *
cat(const char *a, const char *b)
{
	static char buf[4][4096];
	static int next;
	char *r = buf[next];

	next = (next + 1) % 4;
	snprintf(r, sizeof buf[0], "%s %s", a, b);
	return r;
}

static void
test_mann_whitney(void)
{
	double x1[] = { 1, 2, 3 }, y1[] = { 4, 5, 6, 7, 8, 9, 10 };
	double x2[] = { 2, 2, 3, 1 }, y2[] = { 3, 3, 4, 4, 5, 3, 4, 2 };
	double x3[] = { 3, 3, 3 }, y3[] = { 3, 3, 3, 3, 3, 3, 3 };
	double x4[] = { 2, 2, 2 }, y4[] = { 4, 4, 4, 4, 4, 4, 4 };
	double x5[] = { 5, 4, 5, 4, 5, 5, 4 };
	double y5[] = { 4, 4, 3, 4, 5, 4, 3, 4, 4, 4, 3, 4, 4, 5, 4, 4, 3, 4,
	    4, 4, 4, 4, 3, 4, 4, 4, 5, 4 };

	/* by hand: U = 0, Var = 21/12 * 11 = 19.25, z = 10/sqrt(19.25) */
	CHECK_NEAR(mann_whitney_p(x1, 3, y1, 7), 0.0226544940801, 1e-9, "MW: no ties");
	CHECK_NEAR(mann_whitney_p(y1, 7, x1, 3), 0.0226544940801, 1e-9, "MW: symmetric");
	CHECK_NEAR(mann_whitney_p(x2, 4, y2, 8), 0.035253887728, 1e-9, "MW: ties");
	CHECK_NEAR(mann_whitney_p(x3, 3, y3, 7), 1, 0, "MW: all tied, Var = 0 gives 1");
	/* by hand: ties 3 and 7 give 360/90 = 4, Var = 1.75 * 7, z = 10/3.5 */
	CHECK_NEAR(mann_whitney_p(x4, 3, y4, 7), 0.00427473396017, 1e-9, "MW: two tie groups");
	CHECK_NEAR(mann_whitney_p(x5, 7, y5, 28), 0.00996789584195, 1e-9, "MW: 7 against 28");
	/* continuity: |U - n1 n2 / 2| = 0.5 gives z = 0, p = 1 */
	{
		double a[] = { 1, 3 }, b[] = { 2 };

		CHECK_NEAR(mann_whitney_p(a, 2, b, 1), 1, 1e-12, "MW: z below 0 is 0");
	}
}

static void
test_mann_kendall(void)
{
	double up[] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	double down[] = { 8, 7, 6, 5, 4, 3, 2, 1 };
	double tied[] = { 1, 1, 2, 2, 3, 3, 3, 2 };
	double flat[] = { 4, 4, 4, 4, 4, 4, 4, 4, 4 };
	double pi[] = { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8,
	    4, 6, 2, 6, 4, 3, 3, 8, 3, 2, 7, 9, 5 };
	double big[3000];
	int i;

	/* by hand: S = 28, Var = 8*7*21/18, z = 27/sqrt(65.33) */
	CHECK_NEAR(mann_kendall_p(up, 8), 0.000836627131119, 1e-9, "MK: rising");
	CHECK_NEAR(mann_kendall_p(down, 8), 0.000836627131119, 1e-9, "MK: falling, two-sided");
	CHECK_NEAR(mann_kendall_p(tied, 8), 0.0636897751366, 1e-9, "MK: ties");
	CHECK_NEAR(mann_kendall_p(flat, 9), 1, 0, "MK: constant, Var = 0 gives 1");
	CHECK_NEAR(mann_kendall_p(pi, 32), 0.421709689499, 1e-9, "MK: 32 values, merge count");
	/* a long series: the n log n count against a plain double loop */
	for (i = 0; i < 3000; i++)
		big[i] = (double)((i * 7919 + i / 3) % 11) + (i > 1500);
	{
		double s = 0, var, z, p;
		int j, cnt[12] = { 0 };

		for (i = 0; i < 3000; i++)
			for (j = i + 1; j < 3000; j++)
				s += (big[j] > big[i]) - (big[j] < big[i]);
		for (i = 0; i < 3000; i++)
			cnt[(int)big[i]]++;
		var = 3000.0 * 2999 * 6005;
		for (i = 0; i < 12; i++)
			var -= (double)cnt[i] * (cnt[i] - 1) * (2 * cnt[i] + 5);
		var /= 18;
		z = (s - (s > 0) + (s < 0)) / sqrt(var);
		p = erfc(fabs(z) / sqrt(2.0));
		CHECK_NEAR(mann_kendall_p(big, 3000), p, 1e-12, "MK: 3000 values as the plain sum");
	}
	CHECK_NEAR(mann_kendall_p(up, 1), 1, 0, "MK: one value");
}

static void
test_basic_figures(void)
{
	struct figures f;
	char spec[1024];
	int i, o = 0;

	f = fig("", &scale15);
	CHECK(f.n == 0 && isnan(f.last7) && isnan(f.slope) &&
	    f.silent == -1, "empty series: nothing defined, no flag");

	/* 2 + 0.1 i on every day of the window: slope 0.7 a week, exactly */
	for (i = 0; i < W; i++)
		o += snprintf(spec + o, sizeof spec - o, "%s%g", i ? " " : "", 2 + 0.1 * i);
	f = fig(spec, &scale15);
	CHECK(f.n == 90, "n counts the days");
	CHECK_NEAR(f.slope, 0.7, 1e-9, "slope of a straight line, per week");
	CHECK_NEAR(f.last7, (2 + 8.3 + 2 + 8.9) / 2, 1e-9, "last7 = mean of the last 7 days");
	CHECK_NEAR(f.base28, 2 + 0.1 * (55 + 82) / 2, 1e-9, "base28 = mean of the 28 days before");
	CHECK_NEAR(f.change, f.last7 - f.base28, 1e-12, "change = last7 - base28");
	CHECK_NEAR(f.rmssd, 0.1, 1e-9, "rmssd of steps of 0.1");
	CHECK(f.pairs == 41, "42 days hold 41 pairs");
	CHECK(f.silent == 0, "D = 0 with data today");
	CHECK_NEAR(f.mean, 2 + 0.1 * 89 / 2, 1e-9, "mean of the window");

	f = fig("4", &scale15);
	CHECK(f.n == 1 && f.n7 == 1 && isnan(f.slope) && isnan(f.base28) &&
	    isnan(f.change), "one day: no slope, no base28");
	f = fig("4 . 5", &scale15);
	CHECK_NEAR(f.slope, 3.5, 1e-12, "two days: slope from 2 days on");
	CHECK(isnan(f.ptrend), "ptrend needs 8 days");
	f = fig("1 2 3 4 5 4 3", &scale15);
	CHECK(isnan(f.ptrend), "7 days: no ptrend");
	f = fig("1 2 3 4 5 4 3 2", &scale15);
	CHECK(!isnan(f.ptrend), "8 days: ptrend");

	/* base28 ends 8 days back: the day before last7 is base28's last */
	f = fig(cat("3", rep(".", 7)), &scale15);
	CHECK(f.n28 == 1 && f.n7 == 0 && f.base28 == 3 && isnan(f.last7) &&
	    isnan(f.change), "day -7 belongs to base28");
	f = fig(cat(cat("3", rep(".", 27)), rep(".", 7)), &scale15);
	CHECK(f.n28 == 1, "day -34 belongs to base28");
	f = fig(cat(cat("3", rep(".", 28)), rep(".", 7)), &scale15);
	CHECK(f.n28 == 0 && f.n == 1, "day -35 is before base28");

	/* a short window: base28 is shorter */
	series("1 1 1 5 5 5 5 5 5 5", 10);
	figures(v, 10, &f);
	CHECK(f.n28 == 3 && f.base28 == 1 && f.last7 == 5, "-n 10: base28 has 3 days");
}

static void
test_pchange_edges(void)
{
	struct figures f;
	char b7[64], b6[64];

	snprintf(b7, sizeof b7, "%s", rep("4", 7));	/* rep() rotates 4 buffers */
	snprintf(b6, sizeof b6, ". %s", rep("4", 6));

	f = fig(cat(cat(rep(".", 21), b7), "2 2 . . . . ."), &scale15);
	CHECK(isnan(f.pchange), "last7 with 2 days: no pchange, no drop");
	f = fig(cat(cat(rep(".", 21), b7), "2 2 2 . . . ."), &scale15);
	CHECK_NEAR(f.pchange, 0.00427473396017, 1e-9, "last7 with 3 days: pchange");
	f = fig(cat(cat(rep(".", 21), b6), "2 2 2 . . . ."), &scale15);
	CHECK(isnan(f.pchange), "base28 with 6 days: no pchange");
	f = fig(cat(cat(rep(".", 21), b7), rep("3", 7)), &scale15);
	CHECK_NEAR(f.change, -1, 1e-12, "change of -1");
	f = fig(cat(cat(rep(".", 14), rep("4", 14)), "4 3 4 3 4 3 4"), &scale15);
	CHECK_NEAR(f.change, -3.0 / 7, 1e-12, "change of -3/7");
	CHECK(f.pchange < 0.05, "significant but small: no drop");
	/* exactly 0.2 R: 3 days of 3.2 on average against 4 */
	f = fig(cat(cat(rep(".", 21), b7), "3 3 3.6 . . . ."), &scale15);
	CHECK_NEAR(f.change, -0.8, 1e-12, "change of exactly -0.8");
	/* a rise is not a drop of a high-is-better measure */
	f = fig(cat(cat(rep(".", 21), rep("2", 7)), "4 4 4 . . . ."), &scale15);
	CHECK(f.pchange < 0.05, "a rise is not a drop");
	/* low is better: rising values are the bad direction */
	f = fig(cat(cat(rep(".", 21), rep("2", 7)), "4 4 4 . . . ."), &granted);
	f = fig(cat(cat(rep(".", 21), b7), "2 2 2 . . . ."), &granted);
}

static void
test_relative(void)
{
	struct figures f;

	/* no range: 30% of base28; 10 to 7 is exactly 30% */
	f = fig(cat(rep("10", 7), "7 7 7 . . . ."), &hugs);
	CHECK_NEAR(f.pchange, 0.00427473396017, 1e-9, "counts: pchange");
	f = fig(cat(rep("10", 7), "7 7 8 . . . ."), &hugs);
	CHECK(f.pchange < 0.05, "hugs 10 to 7.33: under 30%, no drop");
	f = fig(cat(rep("1", 7), "3 3 3 . . . ."), &dodged);
	f = fig(cat(rep("3", 7), "1 1 1 . . . ."), &dodged);
	f = fig(cat(rep("0", 7), "0 0 0 . . . ."), &dodged);
	CHECK(f.pchange == 1, "all zero: p = 1, nothing");

	/* declining without a range: 2.5% of the window's mean a week */
	f = fig("20 19 18 17 16 15 14 13 12 11 10 9 8 7", &hugs);
	CHECK_NEAR(f.slope, -7, 1e-9, "hugs: slope -7 a week");
	f = fig(cat(rep("100", 7), rep("99", 7)), &hugs);
	CHECK(f.ptrend < 0.01 && fabs(f.slope) < 0.025 * f.mean,
	    "hugs 100 to 99: significant but under 2.5%: not declining");
	/* and a measure no bank knows: scale, high, no range */
	f = fig(cat(rep("10", 7), "7 7 7 . . . ."), &unknown);
}

static void
slowfigure(char *buf, double x, int digits)
{
	size_t len;

	x += copysign(pow(10, -digits) * 1e-6, x);
	snprintf(buf, 32, "%.*f", digits, x);
	len = strlen(buf);
	if (buf[0] == '-' && strspn(buf + 1, "0.") == len - 1)
		memmove(buf, buf + 1, len);
}

static void
test_format_quick(void)
{
	char a[64], b[64], what[160];
	unsigned long long s = 88172645463325252ULL;
	double x;
	long i, bad = 0;
	int d;

	for (i = 0; i < 2000000 && bad < 5; i++) {
		s ^= s << 13, s ^= s >> 7, s ^= s << 17;
		d = (int)(s % 4);
		switch (i % 4) {
		case 0:		/* anything up to a million */
			x = ((double)(s >> 11) / 9007199254740992.0 - 0.5) * 2e6;
			break;
		case 1:		/* halves and their neighbours, at d and d + 1 decimals */
			x = ((long)(s >> 40) - 8388608) / (2 * pow(10, d));
			if (s & 4)	/* a half after figure_format's nudge */
				x -= copysign(pow(10, -d) * 1e-6, x);
			x = nextafter(x, (s & 1) ? 1e9 : -1e9);
			break;
		case 2:		/* figures as trend makes them: means of small sums */
			x = (double)((long)(s >> 44) % 2000 - 1000) / (double)(1 + (s >> 20) % 90);
			break;
		default:	/* the same, times 7, near the quick path's edges */
			x = ((long)(s >> 20) % 1000000) / 7.0 + ((s & 2) ? 1099511627.7760 : 0);
		}
		figure_format(a, x, d);
		slowfigure(b, x, d);
		if (strcmp(a, b) != 0) {
			snprintf(what, sizeof what, "figure_format(%.17g, %d) is \"%s\" as printf says", x, d, b);
			CHECK_STR(a, b, what);
			bad++;
		}
	}
	CHECK(bad == 0, "figure_format's quick path agrees with printf on 2,000,000 figures");
}

static void
test_format(void)
{
	char buf[64];

	figure_format(buf, NAN, 2);
	CHECK_STR(buf, "-", "NAN is -");
	figure_format(buf, -0.001, 2);
	CHECK_STR(buf, "0.00", "no -0.00");
	figure_format(buf, -0.0, 3);
	CHECK_STR(buf, "0.000", "no -0.000");
	figure_format(buf, -0.4, 0);
	CHECK_STR(buf, "0", "no -0");
	figure_format(buf, -0.006, 2);
	CHECK_STR(buf, "-0.01", "-0.006 is -0.01");
	figure_format(buf, 1234.5678, 2);
	CHECK_STR(buf, "1234.57", "two decimals");
	figure_format(buf, 0.0004, 3);
	CHECK_STR(buf, "0.000", "p-values with three");
	figure_format(buf, 0.025, 2);
	CHECK_STR(buf, "0.03", "a half rounds away from zero");
	figure_format(buf, 0.1 * 0.25 - 1e-17, 2);
	CHECK_STR(buf, "0.03", "a half in float noise rounds the same");
	figure_format(buf, -0.125, 2);
	CHECK_STR(buf, "-0.13", "a negative half rounds away from zero");
	figure_format(buf, 0.0249, 2);
	CHECK_STR(buf, "0.02", "under a half rounds down");
	figure_format(buf, 0.0005, 3);
	CHECK_STR(buf, "0.001", "a half with three decimals");
	CHECK(figure_format(buf, -2.5, 2) == 5 && strcmp(buf, "-2.50") == 0, "length returned");
	figure_format(buf, 1e300, 2);
	CHECK(strlen(buf) < 32 && strchr(buf, 'e') != NULL, "a huge figure fits, written short");
	figure_format(buf, 2e12, 2);
	CHECK_STR(buf, "2000000000000.00", "a figure past the quick path");
	figure_format(buf, 7, 0);
	CHECK_STR(buf, "7", "no decimals, no point");
	if (setlocale(LC_NUMERIC, "de_DE.UTF-8") != NULL) {
		figure_format(buf, 2.5, 2);
		CHECK_STR(buf, "2.50", "a point in a German locale");
		setlocale(LC_NUMERIC, "C");
	}

	flags_format(0, buf);
	CHECK_STR(buf, "-", "no flags: -");
	flags_format(F_GAP | F_DECLINING | F_QUIET, buf);
	CHECK_STR(buf, "declining,quiet,gap", "flags in contract order");
	CHECK(flags_format(F_DECLINING | F_DROP | F_VOLATILE | F_QUIET | F_GAP, buf) ==
	    strlen("declining,drop,volatile,quiet,gap"), "all five flags fit");
	CHECK_STR(flagdefs[0].name, "declining", "flag 0");
	CHECK_STR(flagdefs[NFLAGS - 1].name, "gap", "the last flag");
	{
		unsigned seen = 0;
		int i;

		for (i = 0; i < NFLAGS; i++) {
			CHECK(flagdefs[i].bit != 0 && !(seen & flagdefs[i].bit) &&
			    flag_parse(flagdefs[i].name) == flagdefs[i].bit,
			    "each flag has a bit of its own, found by its name");
			seen |= flagdefs[i].bit;
		}
	}
	CHECK(flag_parse("volatile") == F_VOLATILE && flag_parse("drop") == F_DROP,
	    "flag_parse");
	CHECK(flag_parse("Drop") == 0 && flag_parse("") == 0, "flag_parse: unknown");

	CHECK(couple_len("smiths/alex", 11) == 6, "couple of smiths/alex");
	CHECK(couple_len("a/b/c", 5) == 3, "couple is before the last /");
	CHECK(couple_len("alex", 4) == 0, "no /: the empty couple");
}

/* --- the early warnings' statistics ------------------------------------- */

/* Phi(x) = p by bisection on erfc: slow, plain, and independent of
 * normal_quantile()'s approximation. */
static double
quantile_ref(double p)
{
	double lo = -40, hi = 40, mid;
	int i;

	for (i = 0; i < 200; i++) {
		mid = (lo + hi) / 2;
		if (0.5 * erfc(-mid / sqrt(2.0)) < p)
			lo = mid;
		else
			hi = mid;
	}
	return (lo + hi) / 2;
}

static void
test_normal_quantile(void)
{
	double p, q, prev, worst = 0, err;
	int i, mono = 1, odd = 1;

	/* the values every table gives (and Python's NormalDist) */
	CHECK_NEAR(normal_quantile(0.975), 1.9599639845400536, 1e-8, "quantile: 0.975 is 1.959964");
	CHECK_NEAR(normal_quantile(0.025), -1.9599639845400538, 1e-8, "quantile: 0.025 is -1.959964");
	CHECK_NEAR(normal_quantile(0.5), 0, 1e-15, "quantile: 0.5 is 0");
	CHECK_NEAR(normal_quantile(0.8413447460685429), 1, 1e-8, "quantile: Phi(1) is 1");
	CHECK_NEAR(normal_quantile(0.9), 1.2815515655446008, 1e-8, "quantile: 0.9");
	CHECK_NEAR(normal_quantile(0.4), -0.2533471031357998, 1e-8, "quantile: 0.4");
	CHECK_NEAR(normal_quantile(0.001), -3.090232306167813, 1e-8, "quantile: 0.001, in the tail");
	CHECK_NEAR(normal_quantile(0.999), 3.090232306167813, 1e-8, "quantile: 0.999, in the tail");
	CHECK_NEAR(normal_quantile(1e-10), -6.361340902404056, 1e-7, "quantile: 1e-10, far out");
	/* where the approximation changes its formula */
	CHECK_NEAR(normal_quantile(0.02425), -1.9729610513118845, 1e-8, "quantile: at the tail's edge");
	CHECK_NEAR(normal_quantile(0.97575), 1.9729610513118847, 1e-8, "quantile: at the upper tail's edge");
	CHECK(isinf(normal_quantile(0)) && normal_quantile(0) < 0, "quantile: 0 is -inf");
	CHECK(isinf(normal_quantile(1)) && normal_quantile(1) > 0, "quantile: 1 is +inf");
	CHECK(isinf(normal_quantile(-0.5)) && normal_quantile(-0.5) < 0, "quantile: below 0 is -inf");
	CHECK(isinf(normal_quantile(2)) && normal_quantile(2) > 0, "quantile: above 1 is +inf");
	CHECK(isnan(normal_quantile(NAN)), "quantile: NAN is NAN");
	/* against bisection on a fine grid, tails included: within the
	 * approximation's 1.2e-9 relative error, and rising all the way */
	prev = -INFINITY;
	for (i = 1; i < 20000; i++) {
		p = i / 20000.0;
		q = normal_quantile(p);
		err = fabs(q - quantile_ref(p)) / (fabs(q) > 1 ? fabs(q) : 1);
		if (err > worst)
			worst = err;
		if (!(q > prev))
			mono = 0;
		prev = q;
	}
	for (i = 1; i <= 300; i++) {
		p = pow(10, -i / 20.0);		/* 0.89 down to 1e-15 */
		err = fabs(normal_quantile(p) - quantile_ref(p)) / fabs(quantile_ref(p));
		if (err > worst)
			worst = err;
		/* (1 - p is exact enough for this down to 1e-6) */
		if (i <= 120 && fabs(normal_quantile(1 - p) + normal_quantile(p)) > 1e-8 * fabs(quantile_ref(p)))
			odd = 0;
	}
	CHECK(worst < 1.5e-9, "quantile: within 1.5e-9 of bisection on 20,300 points");
	CHECK(mono, "quantile: strictly rising on a grid of 20,000");
	CHECK(odd, "quantile: q(1 - p) = -q(p) down to 1e-6");
}

/* The mid-rank score of x among base[0..nb), by counting. */
static double
score_ref(const double *base, int nb, double x)
{
	double below = 0, same = 0;
	int i, k = 0;

	for (i = 0; i < nb; i++) {
		if (isnan(base[i]))
			continue;
		k++;
		if (base[i] < x)
			below++;
		else if (base[i] == x)
			same++;
	}
	return quantile_ref((below + same / 2 + 0.5) / (k + 1));
}

static void
test_normal_scores(void)
{
	double base[] = { 3, 1, 4, 2 };
	double tied[] = { 2, 1, 2, 3, 2 };
	double holes[] = { NAN, 3, 1, NAN, 4, 2, NAN };
	double x[] = { 2.5, 0, 5, 2, NAN, 1 }, out[6];
	double tx[] = { 2, 3, 1, 9 }, tout[6];
	double rb[60], rx[40], rout[40];
	unsigned long long st = 42;
	int i, n, bad = 0;

	/* 4 usual values: x's mid-rank + 1/2 over 5 */
	normal_scores(base, 4, x, 6, out);
	CHECK_NEAR(out[0], 0, 1e-12, "scores: between the middle two: 2.5 / 5, 0");
	CHECK_NEAR(out[1], -1.2815515655446008, 1e-8, "scores: below all: 0.5 / 5");
	CHECK_NEAR(out[2], 1.2815515655446008, 1e-8, "scores: above all: 4.5 / 5, a little above the highest");
	CHECK_NEAR(out[3], -0.2533471031357998, 1e-8, "scores: equal to one: (1 + 1/2 + 1/2) / 5");
	CHECK(isnan(out[4]), "scores: NAN stays NAN");
	CHECK(out[5] < out[3] && out[3] < out[0] && out[0] < out[2], "scores: in the order of the values");
	/* ties count half: 2 is below one and ties three */
	normal_scores(tied, 5, tx, 4, tout);
	CHECK_NEAR(tout[0], 0, 1e-12, "scores: ties: (1 + 3/2 + 1/2) / 6, the middle");
	CHECK_NEAR(tout[1], 0.9674215661017014, 1e-8, "scores: the top of ties: (4 + 1/2 + 1/2) / 6");
	CHECK_NEAR(tout[2], -0.9674215661017014, 1e-8, "scores: the bottom: (0 + 1/2 + 1/2) / 6");
	CHECK_NEAR(tout[3], normal_quantile(5.5 / 6), 1e-12, "scores: above all ties too: 5.5 / 6");
	/* NAN among the usual values is left out: the same as base */
	normal_scores(holes, 7, x, 6, tout);
	CHECK(tout[0] == out[0] && tout[1] == out[1] && tout[2] == out[2] && tout[3] == out[3],
	    "scores: NAN usual days are left out");
	normal_scores(holes, 1, x, 1, tout);
	CHECK(isnan(tout[0]), "scores: no usual value, no score");
	/* the way alerts.c calls it, base and x the same array */
	normal_scores(base, 4, base, 4, tout);
	CHECK_NEAR(tout[0], 0.2533471031357998, 1e-8, "scores: each usual day among them all: 3 is (2 + 1/2 + 1/2) / 5");
	CHECK_NEAR(tout[1], -0.8416212335729143, 1e-8, "scores: 1 among them all: (0 + 1/2 + 1/2) / 5");
	/* random whole answers with many ties and holes, against counting */
	for (n = 1; n <= 60; n++) {
		for (i = 0; i < n; i++) {
			st = st * 6364136223846793005ULL + 1442695040888963407ULL;
			rb[i] = (st >> 33) % 11 == 0 ? NAN : (double)((st >> 40) % 5 + 1);
		}
		for (i = 0; i < 40; i++) {
			st = st * 6364136223846793005ULL + 1442695040888963407ULL;
			rx[i] = (double)((st >> 40) % 13) / 2;	/* 0 .. 6 by halves */
		}
		normal_scores(rb, n, rx, 40, rout);
		for (i = 0; i < 40; i++) {
			double want = score_ref(rb, n, rx[i]);

			if (!((isnan(want) && isnan(rout[i])) || fabs(rout[i] - want) < 1e-8))
				bad++;
		}
	}
	CHECK(bad == 0, "scores: 2,400 random scores agree with counting");
}

/* The plain formulas: sort, drop a fifth at each end, mean abs deviation. */
static void
usual_ref(const double *x, int n, double floor, struct usual *u)
{
	double s[200], t, mid = 0, dev = 0, sum = 0;
	int i, j, k = 0, cut;

	for (i = 0; i < n; i++)
		if (!isnan(x[i]))
			s[k++] = x[i];
	for (i = 1; i < k; i++)
		for (j = i; j > 0 && s[j - 1] > s[j]; j--)
			t = s[j], s[j] = s[j - 1], s[j - 1] = t;
	u->n = k;
	cut = k / 5;
	for (i = cut; i < k - cut; i++)
		mid += s[i];
	u->level = mid / (k - 2 * cut);
	for (i = 0; i < k; i++) {
		sum += s[i];
		dev += fabs(s[i] - u->level);
	}
	u->mean = sum / k;
	u->spread = 1.2533 * dev / k;
	if (u->spread < floor)
		u->spread = floor;
}

static void
test_usual(void)
{
	double a[] = { 7, 1, 10, 4, 2, 9, 3, 8, 6, 5 };
	double holes[] = { NAN, 7, 1, 10, NAN, 4, 2, 9, 3, NAN, 8, 6, 5 };
	double wild[] = { 2, 4, 100, 3, 1 };
	double four[] = { 1, 2, 3, 10 };
	double flat[] = { 3, 3, 3, 3, 3, 3 };
	double none[] = { NAN, NAN };
	double r[200];
	unsigned long long st = 7;
	struct usual u, w;
	int i, n, bad = 0;

	/* 1..10: a fifth is 2, so 3..8 are kept: 5.5; |x - 5.5| sums to 25 */
	usual_of(a, 10, 0, &u);
	CHECK(u.n == 10, "usual: n");
	CHECK_NEAR(u.level, 5.5, 1e-12, "usual: the mean of the middle three fifths");
	CHECK_NEAR(u.mean, 5.5, 1e-12, "usual: the plain mean");
	CHECK_NEAR(u.spread, 1.2533 * 2.5, 1e-12, "usual: 1.2533 x the mean absolute deviation");
	usual_of(holes, 13, 0, &w);
	CHECK(w.n == 10 && w.level == u.level && w.spread == u.spread && w.mean == u.mean,
	    "usual: days without data are left out");
	/* one wild day: 2, 3, 4 kept (level 3), the mean goes to 22 */
	usual_of(wild, 5, 0, &u);
	CHECK_NEAR(u.level, 3, 1e-12, "usual: a wild day does not move the level");
	CHECK_NEAR(u.mean, 22, 1e-12, "usual: ... but moves the mean");
	CHECK_NEAR(u.spread, 1.2533 * (2 + 1 + 0 + 1 + 97) / 5, 1e-9, "usual: deviations from the level");
	/* fewer than 5 days: nothing to cut */
	usual_of(four, 4, 0, &u);
	CHECK_NEAR(u.level, 4, 1e-12, "usual: under 5 days, the plain mean");
	CHECK_NEAR(u.spread, 1.2533 * (3 + 2 + 1 + 6) / 4, 1e-9, "usual: under 5 days, its spread");
	/* the floor: every answer the same */
	usual_of(flat, 6, 0.25, &u);
	CHECK_NEAR(u.level, 3, 0, "usual: all the same");
	CHECK_NEAR(u.spread, 0.25, 0, "usual: no spread is the floor");
	usual_of(a, 10, 5, &u);
	CHECK_NEAR(u.spread, 5, 0, "usual: a spread under the floor is the floor");
	usual_of(a, 10, 3, &u);
	CHECK_NEAR(u.spread, 1.2533 * 2.5, 1e-12, "usual: a spread over the floor stays");
	usual_of(none, 2, 0.25, &u);
	CHECK(u.n == 0 && isnan(u.level) && isnan(u.spread) && isnan(u.mean), "usual: no data, NAN");
	/* random values and holes, every n up to 200, against the formulas */
	for (n = 1; n <= 200; n++) {
		for (i = 0; i < n; i++) {
			st = st * 6364136223846793005ULL + 1442695040888963407ULL;
			r[i] = (st >> 33) % 7 == 0 ? NAN : (double)((st >> 40) % 1000) / 37;
		}
		usual_of(r, n, 0.1, &u);
		if (u.n == 0)
			continue;
		usual_ref(r, n, 0.1, &w);
		if (u.n != w.n || fabs(u.level - w.level) > 1e-9 || fabs(u.spread - w.spread) > 1e-9 ||
		    fabs(u.mean - w.mean) > 1e-9)
			bad++;
	}
	CHECK(bad == 0, "usual: 200 random arrays agree with the formulas");
}

/* The CUSUM by hand: S after each day, and the first day of its run. */
static void
cusum_ref(const double *d, int n, double k, double h, double clip, double *S, int *start)
{
	double s = 0, x;
	int i, b = -1;

	for (i = 0; i < n; i++) {
		if (isnan(d[i])) {
			S[i] = s;
			start[i] = b;
			continue;
		}
		x = d[i] < clip ? d[i] : clip;
		if (s == 0)
			b = i;
		s = s + x - k > 0 ? s + x - k : 0;
		if (s > 2 * h)
			s = 2 * h;
		S[i] = s;
		start[i] = b;
	}
}

/* The ramp by hand on day i (from day 0): sum w x / sqrt(sum w^2) over
 * the last len days, w = 1 for the oldest, len for day i, x clipped. */
static double
ramp_ref(const double *d, int i, int len, double clip)
{
	double sw = 0, sww = 0, x;
	int j, w;

	for (j = 0; j <= i; j++) {
		w = len - (i - j);
		if (w < 1 || isnan(d[j]))
			continue;
		x = d[j] < clip ? d[j] : clip;
		sw += w * x;
		sww += (double)w * w;
	}
	return sww > 0 ? sw / sqrt(sww) : 0;
}

/* A standard normal draw, by Box and Muller on a 64-bit LCG. */
static double
gauss(unsigned long long *st)
{
	double u1, u2;

	*st = *st * 6364136223846793005ULL + 1442695040888963407ULL;
	u1 = ((*st >> 11) + 0.5) / 9007199254740992.0;
	*st = *st * 6364136223846793005ULL + 1442695040888963407ULL;
	u2 = ((*st >> 11) + 0.5) / 9007199254740992.0;
	return sqrt(-2 * log(u1)) * cos(2 * 3.14159265358979323846 * u2);
}

static void
test_detect(void)
{
	/* k 0.5, h 6, clip 2, back to normal when 7 days average 0.3 or less;
	 * the ramp off, then on (21 days, 2.9) */
	struct tuning t = { 0.5, 6, 1e9, 21, 2, 7, 0.3 };
	struct tuning ramp = { 0.5, 1e9, 2.9, 21, 2, 7, 0.3 };
	struct tuning both = { 0.5, 6, 2.9, 21, 2, 7, 0.3 };
	struct detection dt;
	double d[60], S[60];
	int start[60], i, seed, week = 0, soon = 0, atstep = 0, fast = 0, early = 0, sinceok = 0, zero = 0;
	int off = 0, quiet = 0, slow = 0;

	/* all zeros: S stays 0, nothing fires */
	for (i = 0; i < 28; i++)
		d[i] = 0;
	detect(d, 28, &both, &dt);
	CHECK(!dt.on && dt.since == -1 && dt.fired == -1, "detect: all zeros never fires");
	for (i = 0; i < 28; i++)
		d[i] = 0.5;
	detect(d, 28, &both, &dt);
	CHECK(!dt.on, "detect: days at the allowance never add up");

	/* three 0s, then 2s: S = 1.5, 3, 4.5, 6 on days 3..6 */
	for (i = 0; i < 10; i++)
		d[i] = i < 3 ? 0 : 2;
	detect(d, 6, &t, &dt);
	CHECK(!dt.on, "detect: S = 4.5 on day 5 is under 6");
	detect(d, 7, &t, &dt);
	CHECK(dt.on && dt.fired == 6 && dt.since == 3 && !dt.slow,
	    "detect: S = 6 on day 6, the fall began on day 3, not slow");
	/* a day counts at most 2: ten a day takes as long */
	for (i = 0; i < 10; i++)
		d[i] = i < 3 ? 0 : 10;
	detect(d, 6, &t, &dt);
	CHECK(!dt.on, "detect: clipped, 10 a day is 1.5 a day");
	detect(d, 7, &t, &dt);
	CHECK(dt.on && dt.fired == 6 && dt.since == 3, "detect: clipped, fires on day 6");
	/* 1 a day: 0.5 a day over the allowance, 6 on the 12th day */
	for (i = 0; i < 20; i++)
		d[i] = 1;
	detect(d, 11, &t, &dt);
	CHECK(!dt.on, "detect: 1 a day, S = 5.5 after 11 days");
	detect(d, 12, &t, &dt);
	CHECK(dt.on && dt.fired == 11 && dt.since == 0, "detect: 1 a day, S = 6 on day 11");
	/* a good day that takes S back to 0 starts the run again:
	 * 1.5, 0 (1.5 - 5 - 0.5), then 1.5, 3, 4.5, 6 */
	{
		double e[] = { 2, -5, 2, 2, 2, 2 };

		detect(e, 6, &t, &dt);
		CHECK(dt.on && dt.fired == 5 && dt.since == 2, "detect: S back at 0 restarts the run");
	}
	/* a good day that leaves S above 0 does not: 1.5, 3, 1.5, 3, 4.5, 6 */
	{
		double e[] = { 2, 2, -1, 2, 2, 2 };

		detect(e, 6, &t, &dt);
		CHECK(dt.on && dt.fired == 5 && dt.since == 0, "detect: S above 0 keeps the run");
	}
	/* days without data are skipped */
	{
		double e[] = { 0, 2, NAN, 2, NAN, NAN, 2, 2 };

		detect(e, 8, &t, &dt);
		CHECK(dt.on && dt.fired == 7 && dt.since == 1, "detect: NAN days are skipped");
	}
	/* ten days of 2 (S held at 12 from day 7), then 0s: the last 7 days
	 * average 2 x 2 / 7 on day 14, 2 / 7 <= 0.3 on day 15: off */
	for (i = 0; i < 30; i++)
		d[i] = i < 10 ? 2 : 0;
	detect(d, 15, &t, &dt);
	CHECK(dt.on, "detect: on while the last 7 days are not back to usual");
	detect(d, 16, &t, &dt);
	CHECK(!dt.on, "detect: back to normal turns it off");
	/* and a new fall after it is a new alert, from its own first day */
	d[20] = d[21] = d[22] = d[23] = 2;
	detect(d, 24, &t, &dt);
	CHECK(dt.on && dt.since == 20 && dt.fired == 23, "detect: a new fall after it starts over");
	/* 30 days of 2, then -0.5: on day 30 + j the last 7 days hold
	 * 2 (6 - j) - 0.5 (j + 1), at most 2.1 from j = 4 (S is still 7) */
	for (i = 0; i < 60; i++)
		d[i] = i < 30 ? 2 : -0.5;
	detect(d, 34, &t, &dt);
	CHECK(dt.on, "detect: 2 (6 - 3) - 0.5 x 4 = 4 on day 33: on");
	detect(d, 35, &t, &dt);
	CHECK(!dt.on, "detect: 2 (6 - 4) - 0.5 x 5 = 1.5 on day 34: off, S not yet 0");

	/* the ramp alone: 1 a day from day 0 gives 1, 1.41, ... 2.80 on day 7,
	 * 153 / sqrt(2661) = 2.97 on day 8; it fired slow, since day 0 */
	for (i = 0; i < 21; i++)
		d[i] = 1;
	detect(d, 8, &ramp, &dt);
	CHECK(!dt.on, "detect: the ramp at 2.80 on day 7");
	detect(d, 9, &ramp, &dt);
	CHECK(dt.on && dt.fired == 8 && dt.since == 0 && dt.slow, "detect: the ramp fires on day 8, slow");
	/* with the CUSUM on too, 1 a day: the ramp is first, still slow */
	detect(d, 12, &both, &dt);
	CHECK(dt.on && dt.fired == 8 && dt.slow, "detect: the ramp before S = 6: slow");
	/* a ramp's fall begins on its first day above 0 */
	for (i = 0; i < 21; i++)
		d[i] = i < 5 ? -1 : 1;
	detect(d, 21, &ramp, &dt);
	CHECK(dt.on && dt.since == 5 && dt.slow, "detect: the ramp's fall begins on its first day above 0");

	/* a planted step of +2 on day 14 of 28 iid scores, 500 times: it
	 * fires every time there was no false alarm before it, on the day
	 * the recursions by hand say, the CUSUM's (slow unset, since the
	 * start of its run: the step itself whenever S was 0 the day before)
	 * or, with the ramp on, the ramp's when it crossed first (slow set,
	 * since its first day above 0) */
	for (seed = 1; seed <= 500; seed++) {
		unsigned long long st = (unsigned long long)seed * 2654435761ULL;
		int iS, iR, j;

		for (i = 0; i < 28; i++)
			d[i] = gauss(&st) + (i >= 14 ? 2 : 0);
		cusum_ref(d, 28, 0.5, 6, 2, S, start);
		for (iS = 0; iS < 28 && S[iS] < 6; iS++)
			;
		for (iR = 0; iR < 28 && ramp_ref(d, iR, 21, 2) < 2.9; iR++)
			;
		if (iS < 14 || iR < 14) {
			early++;	/* a false alarm before the step */
			continue;
		}
		detect(d, 28, &t, &dt);
		if (dt.on && dt.fired == iS && dt.since == start[iS] && !dt.slow)
			fast++;
		if (dt.on && dt.fired <= 23 && dt.since <= 16)
			week++;
		if (dt.fired <= 20)
			soon++;
		if (dt.since >= 9)
			sinceok++;
		for (j = 14; j <= iS && S[j] > 0; j++)
			;
		if (S[13] == 0 && j > iS) {
			zero++;
			if (dt.since == 14)
				atstep++;
		}
		detect(d, 28, &both, &dt);
		if (iR < iS) {
			for (j = iR - 20 > 0 ? iR - 20 : 0; j < iR && !(d[j] > 0); j++)
				;
			if (dt.on && dt.fired == iR && dt.slow && dt.since == j)
				slow++;
		} else if (dt.on && dt.fired == iS && !dt.slow && dt.since == start[iS])
			slow++;
	}
	CHECK(early <= 25, "detect: few false alarms before a step");
	CHECK(fast == 500 - early, "detect: a step of +2 always fires, as the CUSUM by hand says, not slow");
	CHECK(slow == 500 - early, "detect: with the ramp, whichever crosses first, slow when the ramp");
	CHECK(zero > 100 && atstep == zero,
	    "detect: since is the step when S was 0 before it and stayed above 0 from it");
	CHECK(week == 500 - early, "detect: a step fires within 10 days, since at most 2 days after it");
	CHECK(soon >= (500 - early) * 85 / 100, "detect: ... mostly within 7 days");
	CHECK(sinceok >= (500 - early) * 85 / 100, "detect: since is within 5 days before the step, mostly");

	/* iid scores alone, 28 days, 500 times: rarely an alert; and after a
	 * step of 14 days, 14 days back to usual turn it off */
	for (seed = 1; seed <= 500; seed++) {
		unsigned long long st = (unsigned long long)seed * 40503ULL + 11;

		for (i = 0; i < 42; i++)
			d[i] = gauss(&st) - 0.1;
		detect(d, 28, &both, &dt);
		if (!dt.on && dt.fired < 0)
			quiet++;
		for (i = 0; i < 14; i++)
			d[i] += 2;
		detect(d, 42, &t, &dt);
		if (!dt.on && dt.fired >= 0)
			off++;
	}
	CHECK(quiet >= 450, "detect: iid scores seldom fire in 28 days");
	CHECK(off >= 490, "detect: back to usual for 4 weeks turns a fall off");
}

/*
 * Words from an alert's numbers: figure_worse() as printed, in each
 * direction, and alert_words() naming as fallen only figures that are.
 */
static struct figure
said(double recent, double usual, int better)
{
	struct figure f;

	f.recent = recent;
	f.usual = usual;
	f.score = 0;
	f.better = better;
	return f;
}

static void
test_words(void)
{
	static struct measure open_ = { "open", T_SCALE, 1, 5, 1, 1, P_DIALOGUE, "opening up" };
	static struct measure talk_ = { "talk", T_SCALE, 1, 5, 1, 1, P_DIALOGUE, "depth of talk" };
	static struct person sam = { "c1/sam", 6, 2, NULL, 0, 0 };
	static struct person alex = { "c1/alex", 7, 2, NULL, 0, 0 };
	struct series so, st;
	struct alert a;
	struct figure f;

	f = said(4.0, 4.0, 1);
	CHECK(!figure_worse(&f), "figure_worse: 4.0 against 4.0 is no fall");
	f = said(4.64, 4.61, -1);
	CHECK(!figure_worse(&f), "figure_worse: 4.6 against 4.6 printed is no rise of a low-is-better");
	f = said(3.96, 4.04, 1);
	CHECK(!figure_worse(&f), "figure_worse: 3.96 against 4.04 both print 4.0: no fall");
	f = said(3.949, 4.0, 1);
	CHECK(figure_worse(&f), "figure_worse: 3.9 against 4.0 is a fall");
	f = said(2.05, 1.95, -1);
	CHECK(figure_worse(&f), "figure_worse: 2.1 against 2.0 is worse when lower is better");
	f = said(NAN, 4.0, 1);
	CHECK(!figure_worse(&f), "figure_worse: no data this week is no fall");

	memset(&so, 0, sizeof so);
	memset(&st, 0, sizeof st);
	so.m = &open_;
	so.what = "open";
	st.m = &talk_;
	st.what = "talk";
	memset(&a, 0, sizeof a);
	a.kind = F_DECLINING;
	a.pillar = P_DIALOGUE;
	a.p = &sam;
	a.day = days_from_civil(2026, 11, 26);
	a.since = days_from_civil(2026, 11, 12);
	a.m[0] = &so;
	a.m[1] = &st;
	a.nm = 2;
	a.f[0] = said(5.0, 4.6, 1);
	a.f[1] = said(5.0, 4.4, 1);
	alert_words(&a);
	CHECK_STR(a.why, "Since 12 Nov, talking together has been slowly slipping behind the rest "
	    "of sam's answers, though in the last week it is at their usual or better: opening up "
	    "5.0 against 4.6 usually, depth of talk 5.0 against 4.4.",
	    "alert_words: figures above their usual are not called fallen");
	a.f[1] = said(3.0, 4.0, 1);
	alert_words(&a);
	CHECK_STR(a.why, "Since 12 Nov, talking together has been slowly slipping for sam, below "
	    "their usual: depth of talk 3.0 against 4.0 usually.",
	    "alert_words: only the figure that fell is named");
	a.kind = F_GAP;
	a.other = &alex;
	alert_words(&a);
	CHECK_STR(a.why, "Since 12 Nov, talking together has dropped for sam but not for alex: "
	    "depth of talk 3.0 against 4.0 usually.", "alert_words: a gap names the faller's fall");

	memset(&a, 0, sizeof a);
	a.kind = F_VOLATILE;
	a.pillar = P_NONE;
	a.p = &sam;
	a.day = days_from_civil(2026, 11, 26);
	a.since = days_from_civil(2026, 11, 17);
	a.swing = said(0.63, 0.58, -1);
	a.most = &st;
	a.mostf = said(0.74, 0.66, -1);
	alert_words(&a);
	CHECK_STR(a.why, "Since 17 Nov, sam's answers have been less in step with one another than "
	    "on ordinary days.", "alert_words: no swing named against the same as printed");
	a.mostf = said(0.84, 0.66, -1);
	alert_words(&a);
	CHECK_STR(a.why, "Since 17 Nov, sam's answers have been less in step with one another than "
	    "on ordinary days; depth of talk most of all: 0.8 points from its usual on average, "
	    "against 0.7.", "alert_words: the measure that strayed most, when it shows");
	a.swing = said(0.94, 0.58, -1);
	a.mostf = said(1.44, 0.66, -1);
	alert_words(&a);
	CHECK_STR(a.why, "Since 17 Nov, sam's answers have been swinging more than usual: 0.9 "
	    "points from their usual on average, against 0.6 on ordinary days; depth of talk most "
	    "of all: 1.4 against 0.7.", "alert_words: a swing that shows in its figures");
}

int
main(void)
{
	test_mann_whitney();
	test_mann_kendall();
	test_basic_figures();
	test_pchange_edges();
	test_relative();
	test_format();
	test_format_quick();
	test_normal_quantile();
	test_normal_scores();
	test_usual();
	test_detect();
	test_words();
	return unit_failed;
}
