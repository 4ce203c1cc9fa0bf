/*
 * stats.c - the statistics of trend(1), on plain arrays of daily values.
 *
 * figures() turns a series over the analysis window into its figures
 * (n, last7, base28, change, pchange, slope, ptrend, rmssd); usual_of(),
 * normal_scores() and detect() are what the early warnings of alerts.c
 * are made of.  flagdefs[] is the one table of the kinds of alert.
 *
 * Invariants: nothing here reads the locale, the clock or the input; the
 * only memory is one scratch buffer that grows to the largest window seen,
 * so a series costs no allocation.  A figure that is not defined is NAN.
 */
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats.h"


const struct flagdef flagdefs[NFLAGS] = {
	{ "declining",	F_DECLINING,	2 },
	{ "drop",	F_DROP,		2 },
	{ "volatile",	F_VOLATILE,	1 },
	{ "quiet",	F_QUIET,	1 },
	{ "gap",	F_GAP,		1 },
};

/* Scratch space: values, day numbers and a work area, each w long. */
static double *sv, *stmp;
static int *sday;
static int scap;

static void
scratch(int w)
{
	if (w <= scap)
		return;
	scap = w < 64 ? 64 : w;
	sv = xrealloc(sv, (size_t)scap * sizeof *sv);
	stmp = xrealloc(stmp, (size_t)scap * sizeof *stmp);
	sday = xrealloc(sday, (size_t)scap * sizeof *sday);
}

/* Σ over groups of t tied values of f(t), of the sorted s[0..n-1]. */
static double
ties(const double *s, int n, double (*f)(double))
{
	double sum = 0;
	int i, j;

	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && s[j] == s[i]; j++)
			;
		if (j - i > 1)
			sum += f((double)(j - i));
	}
	return sum;
}

static double
tie_mw(double t)
{
	return t * t * t - t;
}

static double
tie_mk(double t)
{
	return t * (t - 1) * (2 * t + 5);
}

/* Sort a[lo..hi) by insertion, for few values; the steps taken. */
static double
insertion(double *a, int lo, int hi)
{
	double x, steps = 0;
	int i, j;

	for (i = lo + 1; i < hi; i++) {
		for (x = a[i], j = i; j > lo && a[j - 1] > x; j--)
			a[j] = a[j - 1];
		steps += i - j;
		a[j] = x;
	}
	return steps;
}

double
mann_whitney_p(const double *x, int nx, const double *y, int ny)
{
	double r1 = 0, u, var, z, n1 = nx, n2 = ny, N = nx + ny, less, same;
	double *all;
	int i, j;

	if (nx < 1 || ny < 1)
		return 1;
	/* The average rank of x[i] among all values is 1 + (number
	 * smaller) + (number equal, itself excluded) / 2; N is small (35). */
	for (i = 0; i < nx; i++) {
		less = same = 0;
		for (j = 0; j < nx; j++)
			if (x[j] < x[i])
				less++;
			else if (x[j] == x[i] && j != i)
				same++;
		for (j = 0; j < ny; j++)
			if (y[j] < x[i])
				less++;
			else if (y[j] == x[i])
				same++;
		r1 += 1 + less + same / 2;
	}
	u = r1 - n1 * (n1 + 1) / 2;
	scratch(nx + ny);
	all = stmp;
	memcpy(all, x, (size_t)nx * sizeof *all);
	memcpy(all + nx, y, (size_t)ny * sizeof *all);
	insertion(all, 0, nx + ny);		/* few: 35 at the most */
	var = n1 * n2 / 12 * ((N + 1) - ties(all, nx + ny, tie_mw) / (N * (N - 1)));
	if (!(var > 1e-12))
		return 1;
	z = (fabs(u - n1 * n2 / 2) - 0.5) / sqrt(var);
	if (z < 0)
		z = 0;
	return erfc(z / sqrt(2.0));
}

/*
 * Pairs i < j with a[i] > a[j] in a[lo..hi), which ends sorted: a merge
 * sort, so Mann-Kendall costs n log n and a ten-year window stays fast.
 */
static double
inversions(double *a, double *tmp, int lo, int hi)
{
	double inv;
	int mid, i, j, k;

	if (hi - lo <= 16)
		return insertion(a, lo, hi);	/* each step it takes is an inversion */
	mid = lo + (hi - lo) / 2;
	inv = inversions(a, tmp, lo, mid) + inversions(a, tmp, mid, hi);
	for (i = lo, j = mid, k = lo; i < mid || j < hi; ) {
		if (j >= hi || (i < mid && a[i] <= a[j]))
			tmp[k++] = a[i++];
		else {
			inv += mid - i;		/* a[j] is below every a[i..mid) */
			tmp[k++] = a[j++];
		}
	}
	memcpy(a + lo, tmp + lo, (size_t)(hi - lo) * sizeof *a);
	return inv;
}

double
mann_kendall_p(const double *v, int n)
{
	static double *a, *tmp;
	static int cap;
	double pairs, tied, inv, s, var, z, dn = n;
	int i, j;

	if (n < 2)
		return 1;
	if (n > cap) {		/* its own scratch: v may be figures()' */
		cap = n < 64 ? 64 : n;
		a = xrealloc(a, (size_t)cap * sizeof *a);
		tmp = xrealloc(tmp, (size_t)cap * sizeof *tmp);
	}
	memcpy(a, v, (size_t)n * sizeof *a);
	inv = inversions(a, tmp, 0, n);		/* pairs going down; a ends sorted */
	pairs = dn * (dn - 1) / 2;
	tied = 0;
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && a[j] == a[i]; j++)
			;
		tied += (double)(j - i) * (j - i - 1) / 2;
	}
	s = (pairs - tied - inv) - inv;		/* pairs going up minus down */
	var = (dn * (dn - 1) * (2 * dn + 5) - ties(a, n, tie_mk)) / 18;
	if (!(var > 1e-12))
		return 1;
	z = (s - (s > 0 ? 1 : s < 0 ? -1 : 0)) / sqrt(var);
	return erfc(fabs(z) / sqrt(2.0));
}

/* The least-squares slope of sv on sday, per week: on centred day numbers, for precision. */
static double
slope_of(int n)
{
	double mx = 0, my = 0, sxy = 0, sxx = 0;
	int k;

	for (k = 0; k < n; k++) {
		mx += sday[k];
		my += sv[k];
	}
	mx /= n;
	my /= n;
	for (k = 0; k < n; k++) {
		sxy += (sday[k] - mx) * (sv[k] - my);
		sxx += (sday[k] - mx) * (sday[k] - mx);
	}
	return sxy / sxx * 7;
}

/* rmssd over the pairs of consecutive days with data in the last 42 days. */
static void
rmssd_of(const double *v, int w, struct figures *f)
{
	double d, ss = 0;
	int i;

	for (i = w - 42 < 0 ? 0 : w - 42; i + 1 < w; i++)
		if (!isnan(v[i]) && !isnan(v[i + 1])) {
			d = v[i + 1] - v[i];
			ss += d * d;
			f->pairs++;
		}
	if (f->pairs >= 5)
		f->rmssd = sqrt(ss / f->pairs);
}

void
figures(const double *v, int w, struct figures *f)
{
	double s7 = 0, s28 = 0, sum = 0, x7[7];
	int i, k, n = 0, newest = -1, b0;

	f->n = f->n7 = f->n28 = f->pairs = 0;
	f->last7 = f->base28 = f->change = f->pchange = NAN;
	f->slope = f->ptrend = f->rmssd = f->mean = NAN;
	f->silent = -1;
	if (w < 1)
		return;
	scratch(w);

	/* Compact the days with data: sday[k] the day, sv[k] the value. */
	for (i = 0; i < w; i++) {
		if (isnan(v[i]))
			continue;
		sday[n] = i;
		sv[n] = v[i];
		sum += v[i];
		n++;
		newest = i;
		if (i >= w - 7) {
			x7[f->n7++] = v[i];
			s7 += v[i];
		} else if (i >= w - 35) {
			s28 += v[i];
			f->n28++;
		}
	}
	f->n = n;
	if (n == 0)
		return;
	f->silent = w - 1 - newest;
	f->mean = sum / n;
	if (f->n7 > 0)
		f->last7 = s7 / f->n7;
	if (f->n28 > 0)
		f->base28 = s28 / f->n28;
	if (f->n7 > 0 && f->n28 > 0)
		f->change = f->last7 - f->base28;
	if (f->n7 >= 3 && f->n28 >= 7) {
		double y28[28];

		b0 = w - 35 < 0 ? 0 : w - 35;
		for (i = b0, k = 0; i < w - 7; i++)
			if (!isnan(v[i]))
				y28[k++] = v[i];
		f->pchange = mann_whitney_p(x7, f->n7, y28, k);
	}

	if (n >= 2)
		f->slope = slope_of(n);
	if (n >= 8)
		f->ptrend = mann_kendall_p(sv, n);
	rmssd_of(v, w, f);
}

size_t
flags_format(unsigned flags, char *buf)
{
	size_t o = 0, l;
	int i;

	for (i = 0; i < NFLAGS; i++) {
		if (!(flags & flagdefs[i].bit))
			continue;
		if (o > 0)
			buf[o++] = ',';
		l = strlen(flagdefs[i].name);
		memcpy(buf + o, flagdefs[i].name, l);
		o += l;
	}
	if (o == 0)
		buf[o++] = '-';
	buf[o] = '\0';
	return o;
}

int
flag_index(unsigned bit)
{
	int i;

	for (i = 0; i < NFLAGS; i++)
		if (flagdefs[i].bit == bit)
			return i;
	return -1;
}

unsigned
flag_parse(const char *s)
{
	int i;

	for (i = 0; i < NFLAGS; i++)
		if (strcmp(s, flagdefs[i].name) == 0)
			return flagdefs[i].bit;
	return 0;
}

/*
 * printf's "%.*f" without printf, where that is sure to give the same
 * digits: r = |x| * 10^digits is within 2^-13 of the exact product below
 * 2^40, so when r is more than 2^-10 away from a half, rounding r rounds
 * the exact value the same way.  0 where unsure; "-" only before a digit
 * that is not 0.
 */
static int
quickfigure(char *buf, double x, int digits)
{
	static const double p10[] = { 1, 10, 100, 1000, 1e4, 1e5, 1e6 };
	char tmp[24];
	unsigned long long q;
	double r;
	int n, i, k;

	if (digits < 0 || digits > 6 || !isfinite(x))
		return 0;
	r = fabs(x) * p10[digits];
	if (!(r < 1099511627776.0) || fabs(r - floor(r) - 0.5) <= 1.0 / 1024)
		return 0;
	q = (unsigned long long)(r + 0.5);
	i = 0;
	if (x < 0 && q != 0)
		buf[i++] = '-';
	for (n = k = 0; k < digits || q > 0 || k == digits; k++) {
		if (k == digits && digits > 0)
			tmp[n++] = '.';
		tmp[n++] = (char)('0' + q % 10);
		q /= 10;
	}
	while (n > 0)
		buf[i++] = tmp[--n];
	buf[i] = '\0';
	return i;
}

size_t
figure_format(char *buf, double x, int digits)
{
	const char *dp;
	char *p;
	int len;

	if (isnan(x)) {
		buf[0] = '-';
		buf[1] = '\0';
		return 1;
	}
	/* Halves round away from zero, and a figure within float noise of
	 * a half (1/40 summed as 0.02499999...) counts as one, so the last
	 * digit does not depend on the order of a sum. */
	x += copysign(pow(10, -digits) * 1e-6, x);
	if ((len = quickfigure(buf, x, digits)) > 0)
		return (size_t)len;
	len = snprintf(buf, 32, "%.*f", digits, x);
	if (len < 0 || len >= 32)
		len = snprintf(buf, 32, "%.*g", digits + 6, x);
	/* whatever LC_NUMERIC a caller set, the point is a point */
	dp = localeconv()->decimal_point;
	if (dp != NULL && strcmp(dp, ".") != 0 && *dp != '\0' &&
	    (p = strstr(buf, dp)) != NULL) {
		size_t dl = strlen(dp);

		*p = '.';
		memmove(p + 1, p + dl, strlen(p + dl) + 1);
		len = (int)strlen(buf);
	}
	if (buf[0] == '-' && strspn(buf + 1, "0.") == (size_t)len - 1) {
		memmove(buf, buf + 1, (size_t)len);
		len--;
	}
	return (size_t)len;
}

/* The early warnings (trend(1), "Early warnings"). */

static int
dblcmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

void
usual_of(const double *x, int n, double floor, struct usual *u)
{
	double sum = 0, dev = 0, mid = 0;
	int i, k = 0, cut;

	scratch(n);
	for (i = 0; i < n; i++)
		if (!isnan(x[i])) {
			sv[k++] = x[i];
			sum += x[i];
		}
	u->n = k;
	u->level = u->mean = u->spread = NAN;
	if (k == 0)
		return;
	qsort(sv, (size_t)k, sizeof *sv, dblcmp);
	/* a mean without the fifth at each end: a median of whole answers
	 * jumps by half a point when one answer changes side */
	cut = k / 5;
	for (i = cut; i < k - cut; i++)
		mid += sv[i];
	u->level = mid / (k - 2 * cut);
	u->mean = sum / k;
	for (i = 0; i < k; i++)
		dev += fabs(sv[i] - u->level);
	/* for normal data this is the standard deviation; one wild day
	 * moves it far less */
	u->spread = 1.2533 * dev / k;
	if (!(u->spread >= floor))
		u->spread = floor;
}

/*
 * The ramp statistic on day i: sum of w_j d_j / sqrt(sum w_j^2) over the
 * days with data j in i-len+1 .. i, w_j = j - (i - len), a line rising
 * from 0; N(0, 1) where d is, and large when d has been climbing.
 */
static double
ramp_at(const double *d, int from, int i, int len, double clip)
{
	double sw = 0, sww = 0, x;
	int j, w;

	for (j = i - len + 1 < from ? from : i - len + 1; j <= i; j++) {
		if (isnan(d[j]))
			continue;
		x = d[j] < clip ? d[j] : clip;
		w = j - (i - len);
		sw += w * x;
		sww += (double)w * w;
	}
	return sww > 0 ? sw / sqrt(sww) : 0;
}

/*
 * A CUSUM, S = max(0, S + min(d, clip) - k), quick to a sudden fall, and
 * the ramp, patient enough to add up a slow one.  The alert comes on when
 * either reaches its threshold, and goes off when the mean of the last
 * `back` days with data is near usual again (at most `normal`: things
 * are back to normal), or when S is back at 0 and the ramp at or below 0; then both
 * start again from the next day, the days before them done with.  A CUSUM's fall begins on the first day S leaves 0; a
 * ramp's, on the first day of the ramp with d above 0.  S is held at
 * twice its threshold, so an alert that lasted does not take weeks to
 * wind down.
 */
void
detect(const double *d, int n, const struct tuning *t, struct detection *out)
{
	double s = 0, x, recent, r;
	int i, j, k, b = -1, from = 0;

	memset(out, 0, sizeof *out);
	out->since = out->fired = -1;
	for (i = 0; i < n; i++) {
		if (isnan(d[i]))
			continue;
		x = d[i] < t->clip ? d[i] : t->clip;
		if (s == 0)
			b = i;
		s = fmin(fmax(0, s + x - t->k), 2 * t->h);
		r = ramp_at(d, from, i, t->ramp, t->clip);
		if (!out->on && (s >= t->h || r >= t->hramp)) {
			out->on = 1;
			out->fired = i;
			out->slow = s < t->h;
			if (out->slow)
				for (j = i - t->ramp + 1 < from ? from : i - t->ramp + 1;
				    j < i && !(d[j] > 0); j++)
					;
			else
				j = b;
			out->since = j;
			continue;
		}
		if (!out->on)
			continue;
		/* back to normal: the recent days are no worse than usual */
		for (j = i, k = 0, recent = 0; j >= 0 && k < t->back; j--)
			if (!isnan(d[j])) {
				recent += d[j] < t->clip ? d[j] : t->clip;
				k++;
			}
		if ((k == t->back && recent <= t->normal * k) || (s == 0 && r <= 0)) {
			out->on = 0;
			s = 0;
			from = i + 1;	/* what came before is over */
		}
	}
}

/*
 * The standard normal quantile: Acklam's rational approximation, within
 * 1.2e-9 of the true value relative to it, more than enough for a score.
 */
double
normal_quantile(double p)
{
	static const double a[] = { -3.969683028665376e+01, 2.209460984245205e+02,
	    -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01,
	    2.506628277459239e+00 };
	static const double b[] = { -5.447609879822406e+01, 1.615858368580409e+02,
	    -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01 };
	static const double c[] = { -7.784894002430293e-03, -3.223964580411365e-01,
	    -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00,
	    2.938163982698783e+00 };
	static const double d[] = { 7.784695709041462e-03, 3.224671290700398e-01,
	    2.445134137142996e+00, 3.754408661907416e+00 };
	double q, r;

	if (!(p > 0 && p < 1))
		return p <= 0 ? -INFINITY : p >= 1 ? INFINITY : NAN;
	if (p < 0.02425 || p > 1 - 0.02425) {
		q = sqrt(-2 * log(p < 0.5 ? p : 1 - p));
		r = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
		    ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
		return p < 0.5 ? r : -r;
	}
	q = p - 0.5;
	r = q * q;
	return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
	    (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

/*
 * Where each x[i] falls among the usual values base[0..nb) (NAN ignored),
 * as a normal score: the mid-rank (ties count half) over nb + 1, so that
 * a value above all nb scores a little above the highest.  However the
 * usual values are spread, skewed or bunched on whole answers, scores of
 * days like them are near N(0, 1).
 */
void
normal_scores(const double *base, int nb, const double *x, int nx, double *out)
{
	double *s = xmalloc(((size_t)nb + 1) * sizeof *s);
	int i, k = 0, lo, hi, a, b;

	for (i = 0; i < nb; i++)
		if (!isnan(base[i]))
			s[k++] = base[i];
	qsort(s, (size_t)k, sizeof *s, dblcmp);
	for (i = 0; i < nx; i++) {
		if (isnan(x[i]) || k == 0) {
			out[i] = NAN;
			continue;
		}
		/* a: values below x, b: values at or below x */
		for (lo = 0, hi = k; lo < hi; )
			if (s[(lo + hi) / 2] < x[i])
				lo = (lo + hi) / 2 + 1;
			else
				hi = (lo + hi) / 2;
		a = lo;
		for (hi = k; lo < hi; )
			if (s[(lo + hi) / 2] <= x[i])
				lo = (lo + hi) / 2 + 1;
			else
				hi = (lo + hi) / 2;
		b = lo;
		out[i] = normal_quantile((a + (b - a) / 2.0 + 0.5) / (k + 1));
	}
	free(s);
}
