/*
 * stats.h - trend's figures and flags, shared by trend(1) and remind(1).
 *
 * A series is one person's one measure as daily values over the analysis
 * window: v[0] is the window's first day, v[w-1] the as-of date, NAN on
 * days without data.  Every definition is in trend(1).
 */
#ifndef STATS_H
#define STATS_H

#include "hearth.h"

enum {
	F_DECLINING	= 1 << 0,
	F_DROP		= 1 << 1,
	F_VOLATILE	= 1 << 2,
	F_QUIET		= 1 << 3,
	F_GAP		= 1 << 4,
};

/* The kinds of alert (trend -a, the flags of trend's table, remind's
 * trend rules): one row each, in the order flags are listed; what the
 * chart's colour, remind's rules and the docs read. */
struct flagdef {
	const char *name;
	unsigned bit;
	int	 severity;	/* 2: a fall (shown red), 1: the rest */
};
#define NFLAGS 5
extern const struct flagdef flagdefs[NFLAGS];

struct figures {
	int	 n;		/* days with data in the window */
	int	 n7, n28;	/* days with data in last7, base28 */
	double	 last7, base28, change, pchange, slope, ptrend, rmssd;	/* NAN: not defined */
	double	 mean;		/* mean of the daily values in the window */
	int	 pairs;		/* consecutive-day pairs in rmssd's last 42 days */
	int	 silent;	/* D: days from the newest day with data to the as-of date; -1 when n = 0 */
};

void	 figures(const double *v, int w, struct figures *f);	// every figure of a series
double	 mann_whitney_p(const double *x, int nx, const double *y, int ny);	// two-sided, tie- and continuity-corrected
double	 mann_kendall_p(const double *v, int n);	// two-sided, tie-corrected; 1 when Var(S) = 0
size_t	 flags_format(unsigned flags, char *buf);	// "declining,drop" or "-"; buf >= 64
unsigned flag_parse(const char *s);			// F_* for a name, 0 when unknown
int	 flag_index(unsigned bit);			// its row in flagdefs, or -1
size_t	 figure_format(char *buf, double x, int digits);	// "%.*f" in the C locale, "-" for NAN, no "-0.00"; buf >= 32

/*
 * The early warnings' statistics (trend(1), "Early warnings"), on plain
 * arrays: a person's usual level and swing, and a one-sided sequential
 * test that knows when a run of bad days began.
 */
struct usual {
	int	 n;		/* days with data it rests on */
	double	 level;		/* the mean of the middle three fifths */
	double	 spread;	/* 1.2533 x the mean absolute deviation from level, at least floor */
	double	 mean;		/* the plain mean, for words */
};
void	 usual_of(const double *x, int n, double floor, struct usual *u);	// over the values that are not NAN

/*
 * Two one-sided tests of bad-direction scores d[0..n): a CUSUM for a
 * sudden fall, and a ramp, the fit of a line rising from 0 over the last
 * `ramp` days, for a fall that builds up.
 */
struct tuning {
	double	 k, h;		/* the CUSUM's allowance and threshold */
	double	 hramp;		/* the ramp's threshold, in standard errors */
	int	 ramp;		/* its length in days */
	double	 clip;		/* one day counts at most this much */
	int	 back;		/* days of the recent mean that says "back to normal" */
	double	 normal;	/* ... when it is at most this */
};
struct detection {
	int	 on;		/* in force on the last day */
	int	 since;		/* the day the fall began, an index into d */
	int	 fired;		/* the day it first reached a threshold */
	int	 slow;		/* fired by the ramp alone */
};
double	 normal_quantile(double p);			// the x with Phi(x) = p
void	 normal_scores(const double *base, int nb, const double *x, int nx, double *out);	// out[i]: x[i]'s mid-rank among base as a normal score; NAN stays NAN
void	 detect(const double *d, int n, const struct tuning *t, struct detection *out);	// NAN days are skipped

#endif
