/*
 * unit_stats.c - trend's figures and flags, against values worked out by
 * hand or by tests/trend_ref.py (an independent Python reading of
 * trend(1)): every p-value below was computed there, every flag case is
 * a series made to sit just on one side of a cut-off.
 */
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hearth.h"
#include "series.h"
#include "stats.h"
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
	return unit_failed;
}
