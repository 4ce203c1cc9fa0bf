/*
 * calibrate - how hearth's early warnings land on simulated couples.
 *
 *     calibrate [-s seed] [-c couples] [-H]
 *
 * It makes diaries as couples live them, builds hearth's model of each
 * (series.c) and asks, for every evening of the months tested, what the
 * built-in trend rules of remind(1) would say that evening: the alerts in
 * force (alerts.c) and the edge trigger that makes an alert speak on its
 * first day and every 7th day after (alert_due()), the same functions
 * remind runs.  It prints the table of trend(1)'s CALIBRATION section:
 * false alerts of steady couples per quarter, and how soon each planted
 * change is caught.
 *
 * A diary: each partner has a mood that moves all of their answers
 * together, AR(1) with phi 0.3-0.5 and a spread of 0.3-0.7 points, the
 * two partners' moods correlated 0.3; each answer adds noise of 0.5-0.8
 * points to the person's own level of that measure (2.7-4.3), rounded to
 * a whole answer 1-5; hugs and minutes of talk follow the same mood; a
 * partner misses 20-30% of evenings; the weekly set comes on 85% of
 * Sundays.  -H, the hold-out, draws from wider ranges the thresholds were
 * not chosen on: phi 0.2-0.6, mood 0.2-0.8, noise 0.4-0.9, 10-35% missed.
 *
 * Changes start on day 120 in one partner: affection drops (touch -1.5,
 * hugs to a third), safe and heard fall 1.2, the day-to-day swings double
 * (the noise, or the mood), the partner stops checking in, talk and open
 * decline by 1 point over 6 weeks, and a drop that lasts 4 weeks and
 * ends.  Everything comes from splitmix64 seeded by -s: the same seed
 * gives the same table.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"
#include "series.h"
#include "stats.h"
#include "alerts.h"

#define START	150		/* the day a change begins */
#define DAY0	20000		/* day number of a diary's day 0 */

static unsigned long long rng;
static int holdout;

static unsigned long long
next(void)
{
	unsigned long long z = (rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static double
unif(void)
{
	return (double)(next() >> 11) / 9007199254740992.0;
}

static double
between(double a, double b)
{
	return a + (b - a) * unif();
}

static double
gauss(void)
{
	double u = unif(), v = unif();

	return sqrt(-2 * log(u > 1e-300 ? u : 1e-300)) * cos(6.283185307179586 * v);
}

static int
poisson(double lambda)
{
	double l = exp(-lambda), p = 1;
	int k = 0;

	do {
		k++;
		p *= unif();
	} while (p > l && k < 1000);
	return k - 1;
}

enum { S_STEADY, S_DROP, S_GAP, S_SWING_NOISE, S_SWING_MOOD, S_SILENCE, S_DECLINE,
	S_RECOVERY, NSCEN };
static const char *scen[NSCEN] = { "steady", "affection drops", "safe and heard fall",
	"swings double (noise)", "swings double (mood)", "stops checking in",
	"dialogue declines", "drop for 4 weeks, then back" };

static const char *daily[] = { "open", "safe", "heard", "talk", "touch", "close", "effort" };
#define NDAILY	7

struct partner {
	double	 phi, mood, sdmood, sdnoise, miss, level[NDAILY], hugs, talkmin;
	double	 granted;
};

static void
partner_new(struct partner *p)
{
	int i;

	p->phi = holdout ? between(0.2, 0.6) : between(0.3, 0.5);
	p->sdmood = holdout ? between(0.2, 0.8) : between(0.3, 0.7);
	p->sdnoise = holdout ? between(0.4, 0.9) : between(0.5, 0.8);
	p->miss = holdout ? between(0.10, 0.35) : between(0.20, 0.30);
	for (i = 0; i < NDAILY; i++)
		p->level[i] = between(2.7, 4.3);
	p->hugs = between(1.5, 4);
	p->talkmin = between(15, 50);
	p->granted = between(1.5, 3);
	p->mood = gauss() * p->sdmood;
}

static int
rating(double x)
{
	long r = lround(x);

	return r < 1 ? 1 : r > 5 ? 5 : (int)r;
}

static void
put(struct model *m, const char *who, const char *what, long day, double v)
{
	struct record r;

	memset(&r, 0, sizeof r);
	r.who = (char *)who;
	r.wholen = strlen(who);
	r.what = (char *)what;
	r.whatlen = strlen(what);
	r.v = v;
	r.t.day = day;
	model_add(m, &r);
}

/* One couple's diary of ndays days, partner 0 living the scenario. */
static void
diary(struct model *m, int sc, int ndays)
{
	static const char *names[2] = { "alex", "sam" };
	struct partner p[2];
	double e0, e1, shared, lvl, sdn, sdm;
	long day;
	int t, k, i, changed, back;

	partner_new(&p[0]);
	partner_new(&p[1]);
	for (t = 0; t < ndays; t++) {
		day = DAY0 + t;
		shared = gauss();
		e0 = sqrt(0.3) * shared + sqrt(0.7) * gauss();
		e1 = sqrt(0.3) * shared + sqrt(0.7) * gauss();
		changed = sc != S_STEADY && t >= START;
		back = sc == S_RECOVERY && t >= START + 28;
		for (k = 0; k < 2; k++) {
			struct partner *q = &p[k];
			int me = k == 0 && changed && !back;

			sdm = q->sdmood * (me && sc == S_SWING_MOOD ? 2 : 1);
			q->mood = q->phi * q->mood + sqrt(1 - q->phi * q->phi) * sdm * (k ? e1 : e0);
			sdn = q->sdnoise * (me && sc == S_SWING_NOISE ? 2 : 1);
			if (unif() < q->miss || (me && sc == S_SILENCE))
				continue;
			for (i = 0; i < NDAILY; i++) {
				lvl = q->level[i];
				if (me && (sc == S_DROP || sc == S_RECOVERY) && i == 4)
					lvl -= 1.5;
				if (me && sc == S_GAP && (i == 1 || i == 2))
					lvl -= 1.2;
				if (me && sc == S_DECLINE && (i == 0 || i == 3))
					lvl -= (t - START) / 42.0 < 1 ? (t - START) / 42.0 : 1;
				put(m, names[k], daily[i], day, rating(lvl + q->mood + sdn * gauss()));
			}
			lvl = q->hugs * exp(0.3 * q->mood);
			if (me && (sc == S_DROP || sc == S_RECOVERY))
				lvl /= 3;
			if (unif() < 0.8)
				put(m, names[k], "hugs", day, poisson(lvl));
			put(m, names[k], "talk_min", day, fmin(1440, lround(exp(log(q->talkmin) +
			    0.4 * q->mood + 0.5 * gauss()))));
			if (weekday(day) == 6 && unif() < 0.85) {
				put(m, names[k], "granted", day, rating(q->granted - q->mood +
				    sdn * gauss()));
				put(m, names[k], "faced", day, poisson(1));
				put(m, names[k], "dodged", day, poisson(0.5));
			}
		}
	}
}

/*
 * What the built-in trend rules say on day t: the kinds that speak, as
 * bits, for alex and for anyone, and alex's kinds in force.  per[] holds
 * each day's alerts, worked out once, as history_day() would.
 */
static void
evening(const struct model *m, struct alerts *per, int t, unsigned *alex, unsigned *any,
    unsigned *inforce)
{
	static const unsigned order[5] = { F_GAP, F_DROP, F_DECLINING, F_VOLATILE, F_QUIET };
	const struct alert *told[64];
	struct history h;
	const struct alerts *today;
	size_t i;
	int k, r, nt;

	*alex = *any = *inforce = 0;
	history_init(&h, m, 0, DAY0 + t);
	for (k = 0; k <= HISTORY && k <= t; k++) {
		if (per[t - k].a == NULL && per[t - k].cap == 0) {
			alerts_of(m, 0, DAY0 + t - k, &per[t - k]);
			per[t - k].cap = per[t - k].cap ? per[t - k].cap : 1;
		}
		h.day[k] = per[t - k];
		h.done[k] = 1;
	}
	today = history_day(&h, 0);
	for (i = 0; i < today->n; i++)
		if (strcmp(today->a[i].p->who, "alex") == 0)
			*inforce |= today->a[i].kind;
	/* the built-in trend rules in their order, one word for one fall */
	for (r = 0, nt = 0; r < 5; r++)
		for (i = 0; i < today->n; i++) {
			const struct alert *a = &today->a[i];

			if (a->kind != order[r])
				continue;
			for (k = 0; k < nt && !alert_event(told[k], a); k++)
				;
			if (k < nt || !alert_due(&h, a, NULL, NULL))
				continue;
			if (nt < 64)
				told[nt++] = a;
			*any |= a->kind;
			if (strcmp(a->p->who, "alex") == 0 ||
			    (a->other != NULL && strcmp(a->other->who, "alex") == 0))
				*alex |= a->kind;
		}
}

/*
 * The words against their figures: every alert worked out, on every day
 * of every couple, read back from its words alone.  A figure named as
 * fallen ("depth of talk 3.0 against 4.0", before any ", though in the last
 * week ... is back") must be worse than the usual beside it in the
 * measure's direction, as printed; a swing named ("1.2 points ... against
 * 0.6", "most of all: 0.9 against 0.4") must be larger.  Each figure of a
 * fall is also checked against the journal: the mean of the last 7 days
 * and of the usual days, T-207 .. T-28.
 */
static struct {
	long	 alerts, back, named, contradict, differ;
} words;

static double
tenths(double x)
{
	char buf[32];

	figure_format(buf, x, 1);
	return (double)lround(10 * strtod(buf, NULL));
}

/* The mean of s over days a..b as printed, in tenths; NAN without data. */
static double
journal_tenths(const struct series *s, long a, long b)
{
	double x, sum = 0;
	int n = 0;

	for (; a <= b; a++)
		if (!isnan(x = series_day(s, a))) {
			sum += x;
			n++;
		}
	return n ? tenths(sum / n) : NAN;
}

/* A swing "R ... against U" at s: named, and a contradiction unless R > U. */
static void
swing_named(const char *s, const char *fmt)
{
	double r, u;

	if (s == NULL)
		return;
	words.named++;
	if (sscanf(s, fmt, &r) != 1 || (s = strstr(s, " against ")) == NULL ||
	    sscanf(s, " against %lf", &u) != 1 || lround(10 * r) <= lround(10 * u))
		words.contradict++;
}

static void
check_fall(const struct alert *a)
{
	char *part = xstrdup(a->why), *c, *q, *e;
	const char *label;
	double r, u;
	size_t len;
	int i;

	if ((c = strstr(part, ", though in the last week ")) != NULL) {
		*c = '\0';
		words.back++;
	}
	for (i = 0; i < a->nm; i++) {
		label = measure_label(a->m[i]->m);
		len = strlen(label);
		for (q = part; (q = strstr(q, label)) != NULL; q += len)
			if (q - part >= 2 && (q[-2] == ':' || q[-2] == ',') && q[-1] == ' ' &&
			    q[len] == ' ')
				break;
		if (q == NULL)
			continue;
		words.named++;
		r = strtod(q + len + 1, &e);
		if (strncmp(e, " a day", 6) == 0)
			e += 6;
		if (strncmp(e, " against ", 9) != 0) {
			words.contradict++;
			continue;
		}
		u = strtod(e + 9, NULL);
		if (a->m[i]->m->better * (lround(10 * r) - lround(10 * u)) >= 0)
			words.contradict++;
		if (journal_tenths(a->m[i], a->day - 6, a->day) != lround(10 * r) ||
		    journal_tenths(a->m[i], a->day - ALERT_DAYS + 1, a->day - 28) != lround(10 * u))
			words.differ++;
	}
	free(part);
}

static void
check_words(const struct alerts *al)
{
	const struct alert *a;
	size_t i;

	for (i = 0; i < al->n; i++) {
		a = &al->a[i];
		words.alerts++;
		if (a->kind == F_VOLATILE) {
			swing_named(strstr(a->why, "than usual: ") ? strstr(a->why, "than usual: ") + 12 :
			    NULL, "%lf points");
			swing_named(strstr(a->why, "most of all: ") ? strstr(a->why, "most of all: ") +
			    13 : NULL, "%lf");
		} else if (a->kind != F_QUIET)
			check_fall(a);
	}
}

static void
per_free(struct alerts *per, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		check_words(&per[i]);
		alerts_free(&per[i]);
	}
	memset(per, 0, (size_t)n * sizeof *per);
}

static int
bits(unsigned x)
{
	int n = 0;

	for (; x; x &= x - 1)
		n++;
	return n;
}

static void
steady(const struct bank *b, int couples)
{
	static struct alerts per[240];
	struct model m;
	unsigned alex, any, on, vol28;
	int c, t, n, quarter, none = 0, volatile28 = 0, total = 0, kinds[NFLAGS] = { 0 };
	int i, thirds[3] = { 0 };

	for (c = 0; c < couples; c++) {
		model_init(&m, b, DAY0, DAY0 + 239);
		diary(&m, S_STEADY, 240);
		model_done(&m);
		quarter = 0;
		vol28 = 0;
		for (t = 150; t < 240; t++) {
			evening(&m, per, t, &alex, &any, &on);
			any &= ~F_QUIET;
			n = bits(any);
			quarter += n;
			for (i = 0; i < NFLAGS; i++)
				kinds[i] += (any & flagdefs[i].bit) != 0;
			if (t >= 212 && (any & F_VOLATILE))
				vol28 = 1;
			thirds[(t - 150) / 30] += n;
		}
		per_free(per, 240);
		total += quarter;
		none += quarter == 0;
		volatile28 += vol28;
		model_free(&m);
	}
	printf("steady couples (%d), days 150-239, the built-in trend rules:\n", couples);
	printf("  %.2f alerts per couple per quarter (quiet not counted); %.0f%% of couples had none\n",
	    (double)total / couples, 100.0 * none / couples);
	printf("  by kind per couple per quarter:");
	for (i = 0; i < NFLAGS; i++)
		if (flagdefs[i].bit != F_QUIET)
			printf(" %s %.2f", flagdefs[i].name, (double)kinds[i] / couples);
	printf("\n  by month: days 150-179 %.2f, 180-209 %.2f, 210-239 %.2f per couple",
	    (double)thirds[0] / couples, (double)thirds[1] / couples, (double)thirds[2] / couples);
	printf("\n  volatile in the last 28 days: %.1f%% of couples\n", 100.0 * volatile28 / couples);
}

/* The kinds that count as catching a change. */
static unsigned
wanted(int sc)
{
	switch (sc) {
	case S_SWING_NOISE:
	case S_SWING_MOOD:
		return F_VOLATILE;
	case S_SILENCE:
		return F_QUIET;
	default:
		return F_DROP | F_DECLINING | F_GAP;
	}
}

static void
planted(const struct bank *b, int sc, int couples)
{
	static const int within[] = { 7, 14, 28, 42 };
	static struct alerts per[START + 56];
	struct model m;
	unsigned alex, any, on;
	int c, t, k, first, caught[4] = { 0 }, stopped = 0, detected = 0, last;
	int ndays = sc == S_RECOVERY ? START + 28 + 28 : START + 42;

	for (c = 0; c < couples; c++) {
		model_init(&m, b, DAY0, DAY0 + ndays - 1);
		diary(&m, sc, ndays);
		model_done(&m);
		first = -1;
		last = -1;
		for (t = START; t < ndays; t++) {
			evening(&m, per, t, &alex, &any, &on);
			if (first < 0 && (alex & wanted(sc)))
				first = t - START;
			if (on & wanted(sc))
				last = t;
		}
		per_free(per, ndays);
		for (k = 0; k < 4; k++)
			caught[k] += first >= 0 && first < within[k];
		if (first >= 0) {
			detected++;
			stopped += last < START + 28 + 14;
		}
		model_free(&m);
	}
	printf("  %-28s", scen[sc]);
	for (k = 0; k < 4; k++)
		printf(" %5.0f%%", 100.0 * caught[k] / couples);
	if (sc == S_RECOVERY)
		printf("   stopped within 14 days of the end: %.0f%% of %d caught",
		    detected ? 100.0 * stopped / detected : 0, detected);
	putchar('\n');
}

int
main(int argc, char **argv)
{
	struct bank b;
	unsigned long long seed = 1;
	int c, couples = 300, sc;

	setprogname(argv[0]);
	while ((c = getopt(argc, argv, "s:c:Ht:")) != -1)
		switch (c) {
		case 't':	/* try other thresholds: k,h,hramp (dialogue),ramp,kswing,hswing,hrampswing */
			if (sscanf(optarg, "%lf,%lf,%lf,%d,%lf,%lf,%lf", &pillar_tuning.k,
			    &pillar_tuning.h, &pillar_tuning.hramp, &pillar_tuning.ramp,
			    &swing_tuning.k, &swing_tuning.h, &swing_tuning.hramp) != 7) {
				fprintf(stderr, "calibrate: -t takes seven numbers\n");
				return 2;
			}
			swing_tuning.ramp = pillar_tuning.ramp;
			dialogue_tuning = pillar_tuning;
			pillar_tuning.hramp = 1e9;
			break;
		case 's':
			seed = strtoull(optarg, NULL, 10);
			break;
		case 'c':
			couples = atoi(optarg);
			break;
		case 'H':
			holdout = 1;
			break;
		default:
			fprintf(stderr, "usage: calibrate [-s seed] [-c couples] [-H]\n");
			return 2;
		}
	unsetenv("HEARTH_BANK");
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	if (bank_load(&b, NULL) < 0)
		return 1;
	rng = seed;
	printf("calibrate -s %llu -c %d%s\n", seed, couples, holdout ? " -H (hold-out)" : "");
	steady(&b, couples);
	printf("planted changes (%d couples each), caught within   7d    14d    28d    42d\n",
	    couples / 2);
	for (sc = 1; sc < NSCEN; sc++)
		planted(&b, sc, couples / 2);
	printf("words: %ld explanations read back, %ld figures named as fallen or swinging; "
	    "%ld not worse than usual as printed, %ld unlike the journal; %ld say the last week "
	    "is at the usual or better\n", words.alerts, words.named, words.contradict, words.differ, words.back);
	bank_free(&b);
	return 0;
}
