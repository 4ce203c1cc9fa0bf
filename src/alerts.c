/*
 * alerts.c - the early warnings (alerts.h, trend(1) "Early warnings").
 *
 * For each person of a couple, as of a day T:
 *
 * 1. Each measure's usual level and spread come from the person's own
 *    days T-207 .. T-28 (at least MINDAYS of them), after a transform that
 *    makes the noise of counts (square root) and minutes (logarithm)
 *    comparable to that of ratings.  A day's value becomes a score in
 *    units of the person's spread, positive when better than usual.
 * 2. A pillar's score on a day is the mean score of its measures less the
 *    mean score of the person's other measures that day: a bad day lowers
 *    every answer, and that shared mood cancels.  The pillar score is put
 *    in units of its own spread over the same usual days.
 * 3. detect() (stats.c) runs over the last 28 days of it: a sudden fall
 *    (drop) or one that built up (declining), with the day it began.
 * 4. volatile: how far apart the person's answers of a day are, each
 *    against its usual (the spread of the day's scores, on a log scale),
 *    against its own usual, with the same test; the measures of a pillar
 *    that has fallen are left out, since a fall spreads the answers too.
 * 5. gap: one partner's pillar has fallen while the other's is as usual.
 * 6. quiet: no check-in for a week and for three times the person's
 *    usual gap between check-ins.
 *
 * An alert is its numbers (alerts.h): each measure's last 7 days against
 * its usual days, and for volatile the swing in points.  alert_words()
 * alone makes the words from them, and names as fallen only a figure
 * that is worse than its usual as printed: a pillar can fall behind the
 * rest of the day's answers with none of its figures below the usual,
 * and then the words say that, not a fall.
 *
 * Everything is a function of the journal and T alone: trend -d T and
 * remind on day T say the same, and remind finds when an alert began by
 * asking again for the days before.  The constants are the ones `make
 * calibrate` chose (trend(1), CALIBRATION).
 */
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alerts.h"
#include "stats.h"

#define RECENT	28		/* the days tested */
#define USUAL	180		/* the days before them that say what is usual */
#define MINDAYS	20		/* days with data that make a usual */

/*
 * The ramp is for dialogue alone: meaningful talk that thins out slowly is
 * the early warning the others follow, and testing every pillar for slow
 * slopes would spend the whole budget of false alerts on it.
 */
struct tuning pillar_tuning = { 0.75, 5.0, 1e9, 21, 2.0, 7, 0.3 };
struct tuning dialogue_tuning = { 0.75, 5.0, 2.65, 21, 2.0, 7, 0.3 };
struct tuning swing_tuning = { 0.7, 3.75, 1e9, 21, 2.0, 7, 0.3 };

/* One measure of a person as of T: its values, scores and usual. */
struct track {
	const struct series *s;
	double	*x;			/* ALERT_DAYS transformed values, NAN without data */
	double	*z;			/* their scores, positive when better; with ok only */
	struct usual u;			/* of x over the usual days */
	double	 rawmean;		/* the plain mean of the usual days, for words */
	int	 ok;			/* it has a usual */
};

static double
transform(const struct measure *m, double x)
{
	if (m->type == T_COUNT)
		return sqrt(x > 0 ? x : 0);
	if (m->type == T_MINUTES)
		return log1p(x > 0 ? x : 0);
	return x;
}

/* The least spread a measure is taken to have, in its transformed units. */
static double
floor_of(const struct measure *m)
{
	double R = measure_range(m);

	switch (m->type) {
	case T_SCALE:
		return R > 0 ? 0.0625 * R : 0.25;
	case T_YESNO:
		return 0.2;
	case T_COUNT:
		return 0.25;
	case T_MINUTES:
		return 0.15;
	default:
		return 0.25;
	}
}

int
series_has_usual(const struct series *s, long T)
{
	long d;
	int n = 0;

	for (d = T - ALERT_DAYS + 1; d <= T - RECENT && n < MINDAYS; d++)
		n += !isnan(series_day(s, d));
	return n >= MINDAYS;
}

static int
numeric(const struct measure *m)
{
	return m->type != T_TEXT;
}

/* The tracks of person p as of T, in *t (p->ns of them); how many have a usual. */
static int
tracks(const struct person *p, long T, struct track *t)
{
	long d0 = T - ALERT_DAYS + 1;
	size_t k;
	int i, nok = 0;
	double sum, x;
	int nraw;

	for (k = 0; k < p->ns; k++) {
		struct track *tk = &t[k];

		tk->s = p->s[k];
		tk->ok = 0;
		tk->x = tk->z = NULL;
		tk->rawmean = NAN;
		if (!numeric(tk->s->m))
			continue;
		/* most of a person's measures, in a wide journal, have no usual:
		 * they cost a count, not two arrays */
		for (i = 0, nraw = 0, sum = 0; i < USUAL; i++)
			if (!isnan(x = series_day(tk->s, d0 + i))) {
				nraw++;
				sum += x;
			}
		tk->rawmean = nraw ? sum / nraw : NAN;
		if (nraw < MINDAYS)
			continue;
		tk->x = xmalloc(2 * ALERT_DAYS * sizeof *tk->x);
		tk->z = tk->x + ALERT_DAYS;
		for (i = 0; i < ALERT_DAYS; i++) {
			tk->x[i] = series_day(tk->s, d0 + i);
			tk->z[i] = NAN;
		}
		for (i = 0; i < ALERT_DAYS; i++)
			if (!isnan(tk->x[i]))
				tk->x[i] = transform(tk->s->m, tk->x[i]);
		usual_of(tk->x, USUAL, floor_of(tk->s->m), &tk->u);
		if (tk->u.n < MINDAYS)
			continue;
		tk->ok = 1;
		nok++;
		for (i = 0; i < ALERT_DAYS; i++)
			if (!isnan(tk->x[i]))
				tk->z[i] = tk->s->m->better * (tk->x[i] - tk->u.level) / tk->u.spread;
	}
	return nok;
}

/*
 * Pillar pl's bad-direction scores d[] over the ALERT_DAYS, in units of
 * its own spread; the number of its measures with a usual (0: no test).
 */
/*
 * How much of the other measures' score a pillar shares on the usual
 * days: the least-squares slope of p on o, held to 0..1.
 */
static double
mood_share(const double *p, const double *o)
{
	double mp = 0, mo = 0, spo = 0, soo = 0, b;
	int i, n = 0;

	for (i = 0; i < USUAL; i++)
		if (!isnan(p[i]) && !isnan(o[i])) {
			mp += p[i];
			mo += o[i];
			n++;
		}
	if (n < MINDAYS)
		return 1;
	mp /= n;
	mo /= n;
	for (i = 0; i < USUAL; i++)
		if (!isnan(p[i]) && !isnan(o[i])) {
			spo += (p[i] - mp) * (o[i] - mo);
			soo += (o[i] - mo) * (o[i] - mo);
		}
	b = soo > 0 ? spo / soo : 1;
	return b < 0 ? 0 : b > 1 ? 1 : b;
}

static int
pillar_scores(const struct track *t, size_t nt, int pl, double *d)
{
	double in, out, u[ALERT_DAYS], p[ALERT_DAYS], o[ALERT_DAYS], beta, margin;
	struct usual us;
	size_t k;
	int i, nin, nout, nm = 0, others = 0;

	for (k = 0; k < nt; k++)
		if (t[k].ok) {
			if ((int)t[k].s->m->pillar == pl)
				nm++;
			else
				others++;
		}
	if (nm == 0)
		return 0;
	for (i = 0; i < ALERT_DAYS; i++) {
		in = out = 0;
		nin = nout = 0;
		for (k = 0; k < nt; k++) {
			if (!t[k].ok || isnan(t[k].z[i]))
				continue;
			if ((int)t[k].s->m->pillar == pl) {
				in += t[k].z[i];
				nin++;
			} else {
				out += t[k].z[i];
				nout++;
			}
		}
		/* without the others that day, the mood cannot be taken out */
		p[i] = nin ? in / nin : NAN;
		o[i] = nout ? out / nout : others ? NAN : 0;
	}
	beta = mood_share(p, o);
	for (i = 0; i < ALERT_DAYS; i++)
		u[i] = isnan(p[i]) || isnan(o[i]) ? NAN : p[i] - beta * o[i];
	usual_of(u, USUAL, 0.2, &us);
	if (us.n < MINDAYS)
		return 0;
	/* a day scored by where it falls among the usual days, worse ones
	 * up; the usual itself is known only so well: a margin for it */
	normal_scores(u, USUAL, u, ALERT_DAYS, d);
	margin = 1 / sqrt((double)us.n);
	for (i = 0; i < ALERT_DAYS; i++)
		d[i] = -d[i] - margin;
	return nm;
}

/* The person's day-to-day swing, as bad-direction scores like the pillars'. */
static int
swing_scores(const struct track *t, size_t nt, unsigned fallen, double *e, double *recent,
    double *usual)
{
	double L[ALERT_DAYS], sum, sq, raw, rs = 0, us = 0;
	struct usual u;
	size_t k;
	int i, n, nraw, nr = 0, nu = 0;

	for (i = 0; i < ALERT_DAYS; i++) {
		sum = sq = raw = 0;
		n = nraw = 0;
		for (k = 0; k < nt; k++) {
			if (!t[k].ok || isnan(t[k].z[i]) || (fallen >> t[k].s->m->pillar & 1))
				continue;
			sum += t[k].z[i];
			sq += t[k].z[i] * t[k].z[i];
			n++;
			/* for words: how many points from the usual */
			if (t[k].s->m->type == T_SCALE) {
				raw += fabs(t[k].x[i] - t[k].u.level);
				nraw++;
			}
		}
		/* how far apart the day's answers are, each against its usual:
		 * a shared mood moves them together and leaves this alone */
		L[i] = n >= 3 ? log(sqrt(fmax(0, (sq - sum * sum / n) / (n - 1))) + 0.05) : NAN;
		if (nraw > 0 && i >= USUAL) {
			rs += raw / nraw;
			nr++;
		} else if (nraw > 0) {
			us += raw / nraw;
			nu++;
		}
	}
	usual_of(L, USUAL, 0.1, &u);
	if (u.n < MINDAYS)
		return 0;
	normal_scores(L, USUAL, L, ALERT_DAYS, e);
	for (i = 0; i < ALERT_DAYS; i++)
		e[i] -= 1 / sqrt((double)u.n);
	*recent = nr ? rs / nr : NAN;
	*usual = nu ? us / nu : NAN;
	return 1;
}

/* What alerts_of() works out for one person. */
struct look {
	const struct person *p;
	struct track *t;
	int	 tested[NPILLARS];	/* measures of each pillar with a usual */
	double	*d[NPILLARS];		/* ALERT_DAYS scores of each pillar tested, else NULL */
	struct detection det[NPILLARS], swing;
	int	 swung;
	double	*e;			/* the swing's ALERT_DAYS scores, NULL unless swung */
	unsigned fallen;		/* pillars that fell: 1 << pillar */
	double	 swing_recent, swing_usual;
	long	 newest;		/* the last day with any record, or LONG_MIN */
};

const char *
short_name(const struct person *p)
{
	return p->couple > 0 ? p->who + p->couple + 1 : p->who;
}

/* "12 Nov" */
static void
day_words(char *buf, size_t n, long day)
{
	long y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, n, "%d %.3s", d, month_name[m - 1]);
}

/* The mean of a series' values over days a..b, NAN without data. */
static double
mean_over(const struct series *s, long a, long b)
{
	double x, sum = 0;
	int n = 0;

	for (; a <= b; a++)
		if (!isnan(x = series_day(s, a))) {
			sum += x;
			n++;
		}
	return n ? sum / n : NAN;
}

/* How far below its usual s's last 7 days are, in its own units: worse is lower. */
static double
fall_of(const struct series *s, const struct look *lk)
{
	double sum = 0;
	size_t k;
	int i, n = 0;

	for (k = 0; k < lk->p->ns && lk->t[k].s != s; k++)
		;
	if (k == lk->p->ns || !lk->t[k].ok)
		return 0;
	for (i = ALERT_DAYS - 7; i < ALERT_DAYS; i++)
		if (!isnan(lk->t[k].z[i])) {
			sum += lk->t[k].z[i];
			n++;
		}
	return n ? sum / n : 0;
}

/* s's figures as of T: the last 7 days against the usual days. */
static void
figure_of(struct figure *f, const struct series *s, const struct look *lk, long T)
{
	size_t k;

	for (k = 0; k < lk->p->ns && lk->t[k].s != s; k++)
		;
	f->recent = mean_over(s, T - 6, T);
	f->usual = k < lk->p->ns ? lk->t[k].rawmean : NAN;
	f->score = fall_of(s, lk);
	f->better = s->m->better;
}

/* A figure as printed, in tenths, read back whatever the locale. */
static double
printed(double x)
{
	char buf[32], *p = buf;
	double v = 0;
	int neg;

	figure_format(buf, x, 1);
	if ((neg = *p == '-'))
		p++;
	for (; *p >= '0' && *p <= '9'; p++)
		v = 10 * v + (*p - '0');
	if (*p != '.' || p[1] < '0' || p[1] > '9' || p[2] != '\0')
		return 10 * x;		/* not d.d (a huge figure, in %g): near enough */
	v = 10 * v + (p[1] - '0');
	return neg ? -v : v;
}

/* The words may call it worse only when the printed figures show it. */
int
figure_worse(const struct figure *f)
{
	if (isnan(f->recent) || isnan(f->usual))
		return 0;
	return f->better * (printed(f->recent) - printed(f->usual)) < 0;
}

/* f's recent is higher than its usual as printed: more swing, when that is the figure. */
static int
figure_more(const struct figure *f)
{
	return !isnan(f->recent) && !isnan(f->usual) && printed(f->recent) > printed(f->usual);
}

/* One measure's evidence: "hugging 0.6 a day against 2.8" (" usually" after the first). */
static size_t
evidence_one(char *buf, size_t n, const struct series *s, const struct figure *f, int first)
{
	char r[32], u[32];
	int len;

	figure_format(r, f->recent, 1);
	figure_format(u, f->usual, 1);
	len = snprintf(buf, n, "%s%s %s%s against %s%s", first ? "" : ", ", measure_label(s->m),
	    r, s->m->type == T_COUNT || s->m->type == T_MINUTES ? " a day" : "", u,
	    first ? " usually" : "");
	return len < 0 ? 0 : (size_t)len;
}

/*
 * Append to the why the figures of the measures of a that fell (worse
 * than usual as printed), or with fell 0 of those with data this last
 * week: "touch 2.1 against 3.9 usually, hugs 0.6 a day against 2.8."  The
 * words always end whole: when the evidence of every measure does not
 * fit (many measures with long labels), those that fell furthest are
 * named, as many as fit, and "and 5 more" counts the rest, so no word or
 * character is ever cut and every figure named is true.
 */
static void
evidence(char *why, size_t n, const struct alert *a, int fell)
{
	char part[sizeof a->why], more[48];
	int order[ALERT_MEASURES], i, j, t, named, nm = 0;
	size_t o = strlen(why), need = o, len;

	for (i = 0; i < a->nm; i++)
		if (fell ? figure_worse(&a->f[i]) : !isnan(a->f[i].recent)) {
			order[nm] = i;
			need += evidence_one(part, sizeof part, a->m[i], &a->f[i], nm == 0);
			nm++;
		}
	if (need + 2 > n)
		/* the furthest fallen first, by what among equals (insertion: few) */
		for (i = 1; i < nm; i++)
			for (j = i; j > 0 && a->f[order[j]].score < a->f[order[j - 1]].score; j--) {
				t = order[j];
				order[j] = order[j - 1];
				order[j - 1] = t;
			}
	for (named = 0; named < nm; named++) {
		len = evidence_one(part, sizeof part, a->m[order[named]], &a->f[order[named]],
		    named == 0);
		/* room for this one, and for ", and N more." after it unless it is the last */
		snprintf(more, sizeof more, ", and %d more", nm - named - 1);
		if (o + len + (named + 1 < nm ? strlen(more) : 0) + 2 > n)
			break;
		memcpy(why + o, part, len + 1);
		o += len;
	}
	if (named < nm)
		o += (size_t)snprintf(why + o, n - o, ", and %d more", nm - named);
	snprintf(why + o, n - o, ".");
}

/* Measures of a named as fallen: worse than usual as printed. */
static int
nworse(const struct alert *a)
{
	int i, n = 0;

	for (i = 0; i < a->nm; i++)
		n += figure_worse(&a->f[i]);
	return n;
}

/*
 * A fall (drop, declining, gap) in words.  The pillar score that raised
 * it is against the person's other answers of the day, over the days
 * since its start; the figures are the last week's plain means.  When
 * none of them is worse than usual as printed (the other answers rose
 * more, or the last week is better), the words say what fell, behind the
 * rest of the answers, and that the last week is at the usual or better,
 * and show it, rather than call a figure fallen that is not.
 */
static void
fall_words(struct alert *a, const char *day)
{
	const char *pl = pillar_label(a->pillar), *who = short_name(a->p);
	const char *how = a->kind == F_DECLINING ? "been slowly slipping" : "dropped";
	size_t o, n = sizeof a->why;

	if (nworse(a) > 0) {
		if (a->kind == F_GAP)
			o = (size_t)snprintf(a->why, n, "Since %s, %s has dropped for %s but not "
			    "for %s: ", day, pl, who, short_name(a->other));
		else
			o = (size_t)snprintf(a->why, n, "Since %s, %s has %s for %s, below their "
			    "usual: ", day, pl, how, who);
		if (o < n)
			evidence(a->why, n, a, 1);
		return;
	}
	if (a->kind == F_GAP)
		o = (size_t)snprintf(a->why, n, "Since %s, %s has dropped behind the rest of %s's "
		    "answers but not of %s's, though in the last week it is at %s's usual or "
		    "better: ", day, pl, who, short_name(a->other), who);
	else
		o = (size_t)snprintf(a->why, n, "Since %s, %s has %s behind the rest of %s's "
		    "answers, though in the last week it is at their usual or better: ", day, pl,
		    how, who);
	if (o >= n)
		return;
	evidence(a->why, n, a, 0);
	/* nothing this last week to show either way */
	if (strcmp(a->why + strlen(a->why) - 3, ": .") == 0) {
		o = (size_t)(strstr(a->why, ", though in the last week") - a->why);
		snprintf(a->why + o, n - o, ".");
	}
}

/*
 * volatile in words: the swing in points from the usual when it shows as
 * printed, else what the test saw, the answers of a day less in step with
 * one another; and the measure that strayed most, when it shows.
 */
static void
swing_words(struct alert *a, const char *day)
{
	char r[32], u[32];
	size_t o;

	if (figure_more(&a->swing)) {
		figure_format(r, a->swing.recent, 1);
		figure_format(u, a->swing.usual, 1);
		o = (size_t)snprintf(a->why, sizeof a->why, "Since %s, %s's answers have been "
		    "swinging more than usual: %s points from their usual on average, against %s "
		    "on ordinary days", day, short_name(a->p), r, u);
	} else
		o = (size_t)snprintf(a->why, sizeof a->why, "Since %s, %s's answers have been less "
		    "in step with one another than on ordinary days", day, short_name(a->p));
	if (o >= sizeof a->why)
		return;
	if (a->most == NULL || !figure_more(&a->mostf)) {
		snprintf(a->why + o, sizeof a->why - o, ".");
		return;
	}
	figure_format(r, a->mostf.recent, 1);
	figure_format(u, a->mostf.usual, 1);
	snprintf(a->why + o, sizeof a->why - o, "; %s most of all: %s%s against %s.",
	    measure_label(a->most->m), r, figure_more(&a->swing) ? "" :
	    " points from its usual on average,", u);
}

void
alert_words(struct alert *a)
{
	char day[16];
	long silent = a->day - a->since + 1;

	day_words(day, sizeof day, a->kind == F_QUIET ? a->since - 1 : a->since);
	switch (a->kind) {
	case F_DROP:
	case F_DECLINING:
	case F_GAP:
		fall_words(a, day);
		break;
	case F_VOLATILE:
		swing_words(a, day);
		break;
	case F_QUIET:
		if (a->other != NULL)
			snprintf(a->why, sizeof a->why, "Neither %s nor %s has checked in since %s.",
			    short_name(a->p), short_name(a->other), day);
		else if (a->every <= 1)
			snprintf(a->why, sizeof a->why, "%s has not checked in since %s (%ld days), "
			    "after checking in most days.", short_name(a->p), day, silent);
		else
			snprintf(a->why, sizeof a->why, "%s has not checked in since %s (%ld days), "
			    "after checking in about every %d days.", short_name(a->p), day, silent,
			    a->every);
		break;
	default:
		a->why[0] = '\0';
	}
}

static struct alert *
add(struct alerts *out, unsigned kind, int pillar, const struct person *p)
{
	struct alert *a;

	if (out->n == out->cap) {
		out->cap = out->cap ? 2 * out->cap : 8;
		out->a = xrealloc(out->a, out->cap * sizeof *out->a);
	}
	a = &out->a[out->n++];
	memset(a, 0, sizeof *a);
	a->kind = kind;
	a->pillar = pillar;
	a->p = p;
	return a;
}

/* The measures of pillar pl that have a usual, as a's evidence. */
static void
pillar_measures(struct alert *a, const struct look *lk, int pl)
{
	size_t k;

	for (k = 0; k < lk->p->ns && a->nm < ALERT_MEASURES; k++)
		if (lk->t[k].ok && (int)lk->t[k].s->m->pillar == pl)
			a->m[a->nm++] = lk->t[k].s;
}

/* The mean of the last n days of d[] with data; NAN when fewer than 3. */
static double
recent_mean(const double *d, int n)
{
	double sum = 0;
	int i, k = 0;

	for (i = ALERT_DAYS - n; i < ALERT_DAYS; i++)
		if (!isnan(d[i])) {
			sum += d[i];
			k++;
		}
	return k >= 3 ? sum / k : NAN;
}

static int
has_recent(const double *d, int days)
{
	int i;

	for (i = ALERT_DAYS - days; i < ALERT_DAYS; i++)
		if (!isnan(d[i]))
			return 1;
	return 0;
}

/*
 * What alerts_of() needs of person p as of T.  Scores are kept only for
 * what can be tested: a person without a usual (one record, or a new
 * journal) costs a look and a track per measure, not a pillar's days,
 * so memory follows each person's data (many people of one couple).
 */
static void
look_at(struct look *lk, const struct person *p, long T)
{
	long d0 = T - ALERT_DAYS + 1;
	size_t k;
	int pl, i;

	memset(lk, 0, sizeof *lk);
	lk->p = p;
	lk->t = xmalloc((p->ns + 1) * sizeof *lk->t);
	if (tracks(p, T, lk->t) > 0) {
		for (pl = 1; pl < NPILLARS; pl++) {
			lk->d[pl] = xmalloc(ALERT_DAYS * sizeof *lk->d[pl]);
			if ((lk->tested[pl] = pillar_scores(lk->t, p->ns, pl, lk->d[pl])) == 0) {
				free(lk->d[pl]);
				lk->d[pl] = NULL;
				continue;
			}
			detect(lk->d[pl] + USUAL, RECENT, pl == P_DIALOGUE ? &dialogue_tuning :
			    &pillar_tuning, &lk->det[pl]);
		}
		/* a pillar that fell spreads the answers too: leave it out */
		for (pl = 1; pl < NPILLARS; pl++)
			if (lk->det[pl].on)
				lk->fallen |= 1u << pl;
		lk->e = xmalloc(ALERT_DAYS * sizeof *lk->e);
		lk->swung = swing_scores(lk->t, p->ns, lk->fallen, lk->e, &lk->swing_recent,
		    &lk->swing_usual);
		if (lk->swung)
			detect(lk->e + USUAL, RECENT, &swing_tuning, &lk->swing);
		else {
			free(lk->e);
			lk->e = NULL;
		}
	}
	lk->newest = LONG_MIN;
	for (k = 0; k < p->ns; k++)
		for (i = ALERT_DAYS - 1; i >= 0; i--)
			if (!isnan(series_day(p->s[k], d0 + i))) {
				if (d0 + i > lk->newest)
					lk->newest = d0 + i;
				break;
			}
}

static int
intcmp_(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

/* Quiet: days from the newest check-in, if the rule holds; else -1. */
static long
quiet_days(const struct person *p, long T, int *gap)
{
	static int gaps[90];
	int i, n = 0, ng = 0, last = -1;
	size_t k;

	for (i = 0; i < 90; i++) {
		for (k = 0; k < p->ns; k++)
			if (!isnan(series_day(p->s[k], T - 89 + i)))
				break;
		if (k == p->ns)
			continue;
		if (last >= 0)
			gaps[ng++] = i - last;
		last = i;
		n++;
	}
	if (n < 3 || 89 - last < 7)
		return -1;
	qsort(gaps, (size_t)ng, sizeof *gaps, intcmp_);
	*gap = ng % 2 ? gaps[ng / 2] : (gaps[ng / 2 - 1] + gaps[ng / 2] + 1) / 2;
	return 89 - last >= 3 * *gap ? 89 - last : -1;
}

/*
 * The day, as an index into the tested days, a fall that began on their
 * first began: a fall older than the 28 days tested began before them,
 * on the first of the bad days in a row before (its usual days by then).
 */
static int
began(const double *d, int since)
{
	int j, first = since;

	if (since > 0)
		return since;
	for (j = USUAL - 1; j >= 0 && !(d[j] <= 0); j--)
		if (!isnan(d[j]))
			first = j - USUAL;
	return first;
}

static void
pillar_alert(struct alerts *out, const struct look *lk, int pl, long T)
{
	const struct detection *dt = &lk->det[pl];
	long d0 = T - RECENT + 1;
	struct alert *a;
	int i;

	if (!dt->on || !has_recent(lk->d[pl], 7))
		return;
	a = add(out, dt->fired - dt->since > 14 ? F_DECLINING : F_DROP, pl, lk->p);
	a->day = T;
	a->since = d0 + began(lk->d[pl], dt->since);
	a->fired = d0 + dt->fired;
	pillar_measures(a, lk, pl);
	for (i = 0; i < a->nm; i++)
		figure_of(&a->f[i], a->m[i], lk, T);
	alert_words(a);
}

/* A gap: a's partner b tested the same pillar, is as usual, and was here this week. */
static void
gap_alert(struct alerts *out, size_t fi, const struct look *lk, const struct look *b, long T)
{
	const struct alert *fall = &out->a[fi];
	struct alert *a;
	double r;

	if (!b->tested[fall->pillar] || b->det[fall->pillar].on ||
	    !has_recent(b->d[fall->pillar], 7))
		return;
	r = recent_mean(b->d[fall->pillar], 14);
	if (isnan(r) || r >= 0.5)
		return;
	a = add(out, F_GAP, fall->pillar, lk->p);
	fall = &out->a[fi];		/* add() may have moved it */
	a->other = b->p;
	a->day = T;
	a->since = fall->since;
	a->fired = fall->fired;
	memcpy(a->m, fall->m, sizeof a->m);
	memcpy(a->f, fall->f, sizeof a->f);
	a->nm = fall->nm;
	alert_words(a);
}

/*
 * The scale measure, of those not fallen, whose answers of the last 14
 * days strayed furthest from its usual beyond how far they stray on its
 * usual days, in a->most and a->mostf; only one whose straying shows as
 * printed, so that "most of all" is never a figure against the same.
 */
static void
most_swung(struct alert *a, const struct look *lk)
{
	double best = 0, r, u;
	const struct track *tk;
	struct figure f;
	size_t k;
	int i, nr, nu;

	for (k = 0; k < lk->p->ns; k++) {
		tk = &lk->t[k];
		if (!tk->ok || tk->s->m->type != T_SCALE || (lk->fallen >> tk->s->m->pillar & 1))
			continue;
		for (i = 0, r = u = 0, nr = nu = 0; i < ALERT_DAYS; i++) {
			if (isnan(tk->x[i]))
				continue;
			if (i >= ALERT_DAYS - 14) {
				r += fabs(tk->x[i] - tk->u.level);
				nr++;
			} else if (i < USUAL) {
				u += fabs(tk->x[i] - tk->u.level);
				nu++;
			}
		}
		if (nr < 3 || nu < 1)
			continue;
		f.recent = r / nr;
		f.usual = u / nu;
		f.score = 0;
		f.better = -1;
		if (f.recent - f.usual > best && figure_more(&f)) {
			best = f.recent - f.usual;
			a->most = tk->s;
			a->mostf = f;
		}
	}
}

/*
 * A pillar well below usual on each of the last 3 days with data: a fall
 * on its way to being called one, which spreads the answers meanwhile.
 */
static int
falling(const struct look *lk)
{
	int pl, i, n;

	for (pl = 1; pl < NPILLARS; pl++) {
		if (!lk->tested[pl])
			continue;
		for (i = ALERT_DAYS - 1, n = 0; i >= USUAL && n < 3; i--)
			if (!isnan(lk->d[pl][i])) {
				if (lk->d[pl][i] < 1.0)
					break;
				n++;
			}
		if (n == 3)
			return 1;
	}
	return 0;
}

static void
swing_alert(struct alerts *out, const struct look *lk, long T)
{
	long d0 = T - RECENT + 1;
	struct alert *a;
	size_t k;

	if (!lk->swung || !lk->swing.on || lk->newest < T - 6 || falling(lk))
		return;
	a = add(out, F_VOLATILE, P_NONE, lk->p);
	a->day = T;
	a->since = d0 + began(lk->e, lk->swing.since);
	a->fired = d0 + lk->swing.fired;
	for (k = 0; k < lk->p->ns && a->nm < ALERT_MEASURES; k++)
		if (lk->t[k].ok && lk->t[k].s->m->type == T_SCALE &&
		    !(lk->fallen >> lk->t[k].s->m->pillar & 1)) {
			figure_of(&a->f[a->nm], lk->t[k].s, lk, T);
			a->m[a->nm++] = lk->t[k].s;
		}
	a->swing.recent = lk->swing_recent;
	a->swing.usual = lk->swing_usual;
	a->swing.better = -1;
	most_swung(a, lk);
	alert_words(a);
}

static void
quiet_alert(struct alerts *out, const struct look *lk, long T)
{
	struct alert *a;
	long silent;
	size_t k;
	int gap;

	if ((silent = quiet_days(lk->p, T, &gap)) < 0)
		return;
	a = add(out, F_QUIET, P_NONE, lk->p);
	a->day = T;
	a->since = a->fired = T - silent + 1;
	a->every = gap;
	for (k = 0; k < lk->p->ns && a->nm < ALERT_MEASURES; k++)
		if (!isnan(mean_over(lk->p->s[k], T - 89, T))) {
			figure_of(&a->f[a->nm], lk->p->s[k], lk, T);
			a->m[a->nm++] = lk->p->s[k];
		}
	alert_words(a);
}

/*
 * When both partners have gone quiet, one word for the two of them, not
 * one each: the alerts of out->a[start..] are the couple's.
 */
static void
both_quiet(struct alerts *out, size_t start, size_t np)
{
	struct alert *q[2] = { NULL, NULL };
	size_t i, k, n = 0;
	long last;

	if (np != 2)
		return;
	for (i = start; i < out->n; i++)
		if (out->a[i].kind == F_QUIET && n < 2)
			q[n++] = &out->a[i];
	if (n < 2)
		return;
	last = q[0]->since > q[1]->since ? q[0]->since : q[1]->since;
	q[0]->other = q[1]->p;
	q[0]->since = q[0]->fired = last;
	for (k = 0; k < (size_t)q[1]->nm && q[0]->nm < ALERT_MEASURES; k++)
		if (!alert_names(q[0], q[1]->m[k]->what)) {
			q[0]->f[q[0]->nm] = q[1]->f[k];
			q[0]->m[q[0]->nm++] = q[1]->m[k];
		}
	alert_words(q[0]);
	i = (size_t)(q[1] - out->a);
	memmove(&out->a[i], &out->a[i + 1], (out->n - i - 1) * sizeof *out->a);
	out->n--;
}

static void
look_free(struct look *lk)
{
	size_t k;
	int pl;

	for (k = 0; k < lk->p->ns; k++)
		free(lk->t[k].x);
	free(lk->t);
	for (pl = 0; pl < NPILLARS; pl++)
		free(lk->d[pl]);
	free(lk->e);
}

void
alerts_of(const struct model *m, size_t c, long T, struct alerts *out)
{
	size_t first = m->couple[c], np = m->couple[c + 1] - first, i, j, n0, start = out->n;
	struct look *lk = xmalloc(np * sizeof *lk);
	int pl;

	for (i = 0; i < np; i++)
		look_at(&lk[i], m->p[first + i], T);
	for (i = 0; i < np; i++) {
		for (pl = 1; pl < NPILLARS; pl++) {
			n0 = out->n;
			pillar_alert(out, &lk[i], pl, T);
			/* one gap for a fall, with the first partner as usual */
			for (j = 0; j < np && out->n == n0 + 1; j++)
				if (j != i)
					gap_alert(out, n0, &lk[i], &lk[j], T);
		}
		swing_alert(out, &lk[i], T);
		quiet_alert(out, &lk[i], T);
	}
	both_quiet(out, start, np);
	for (i = 0; i < np; i++)
		look_free(&lk[i]);
	free(lk);
}

int
alert_has(const struct alert *a, const struct person *p)
{
	return a->p == p || a->other == p;
}

int
alert_names(const struct alert *a, const char *what)
{
	int i;

	for (i = 0; i < a->nm; i++)
		if (strcmp(a->m[i]->what, what) == 0)
			return 1;
	return 0;
}

/*
 * The same alert on two days: the same person's same pillar, whether it
 * was called a drop, a decline or a gap on either day (the start may
 * move, the words change as it goes on); for volatile and quiet, the
 * same person and kind.
 */
int
alert_same(const struct alert *a, const struct alert *b)
{
	if (strcmp(a->p->who, b->p->who) != 0)
		return 0;
	if (a->pillar != P_NONE || b->pillar != P_NONE)
		return a->pillar == b->pillar;
	return a->kind == b->kind;
}

int
alert_event(const struct alert *a, const struct alert *b)
{
	if (a->p != b->p || a->since != b->since)
		return 0;
	if (a->pillar != P_NONE || b->pillar != P_NONE)
		return a->pillar == b->pillar;
	return a->kind == b->kind;
}

void
alerts_free(struct alerts *out)
{
	free(out->a);
	memset(out, 0, sizeof *out);
}

void
history_init(struct history *h, const struct model *m, size_t couple, long today)
{
	memset(h, 0, sizeof *h);
	h->m = m;
	h->couple = couple;
	h->today = today;
}

const struct alerts *
history_day(struct history *h, int back)
{
	if (!h->done[back]) {
		alerts_of(h->m, h->couple, h->today - back, &h->day[back]);
		h->done[back] = 1;
	}
	return &h->day[back];
}

static int
in_force(struct history *h, int back, const struct alert *a)
{
	const struct alerts *d = history_day(h, back);
	size_t i;

	for (i = 0; i < d->n; i++)
		if (alert_same(&d->a[i], a))
			return 1;
	return 0;
}

#define TOLERATE	2	/* days off that do not end an alert */

long
alert_first(struct history *h, const struct alert *a)
{
	int k, first = 0, off = 0;

	for (k = 1; k <= HISTORY; k++) {
		if (in_force(h, k, a)) {
			first = k;
			off = 0;
		} else if (++off > TOLERATE)
			return h->today - first;
	}
	return off > 0 ? h->today - first : LONG_MIN;
}

int
alert_due(struct history *h, const struct alert *a, int (*paused)(long, void *), void *arg)
{
	long first = alert_first(h, a), anchor, d;
	int old = first == LONG_MIN;

	anchor = old ? h->today - HISTORY : first;
	for (d = anchor; d < h->today; d++)
		if (paused != NULL && paused(d, arg)) {
			anchor = d + 1;
			old = 0;
		}
	if (old)
		return weekday(h->today) == 6;
	return (h->today - anchor) % 7 == 0;
}

void
history_free(struct history *h)
{
	int k;

	for (k = 0; k <= HISTORY; k++)
		alerts_free(&h->day[k]);
}
