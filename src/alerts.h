/*
 * alerts.h - the early warnings of a journal, as of a day: each person
 * against their own usual, measures pooled by pillar (trend(1), "Early
 * warnings").  trend -a, the flags of trend's table and chart, and
 * remind's trend rules all come from alerts_of(), so they cannot differ.
 */
#ifndef ALERTS_H
#define ALERTS_H

#include "series.h"
#include "stats.h"

#define ALERT_MEASURES	32	/* the evidence an alert names, at most */
#define ALERT_DAYS	(28 + 180)	/* the days before the as-of date an alert looks at */

/*
 * What an alert says of one measure, in the measure's own units (a day's
 * mean or sum): its mean over the last 7 days against its mean over the
 * person's usual days (T-207 .. T-28), the same days for every measure of
 * the alert, and which way is better.
 */
struct figure {
	double	 recent;		/* NAN: no data in the last 7 days */
	double	 usual;
	double	 score;			/* the last 7 days in units of the person's spread, < 0 worse */
	int	 better;		/* +1 higher is better, -1 lower */
};

/*
 * An alert is its numbers; alert_words() makes its words from them and
 * nothing else, and every view shows those words.
 */
struct alert {
	long	 since;			/* the day it began */
	long	 fired;			/* the day the evidence was enough */
	long	 day;			/* the day it is in force on (the as-of date) */
	unsigned kind;			/* F_* of stats.h */
	int	 pillar;		/* enum pillar; P_NONE for volatile and quiet */
	const struct person *p;		/* whose it is; for gap, the partner who fell */
	const struct person *other;	/* gap: the partner who did not; quiet: the partner quiet too */
	const struct series *m[ALERT_MEASURES];	/* the evidence, by what */
	struct figure f[ALERT_MEASURES];	/* m[i]'s figures (quiet: of whose measure it is) */
	int	 nm;
	struct figure swing;		/* volatile: points from the usual on a day, on average, the
					 * 28 days tested against the usual days (better -1) */
	const struct series *most;	/* volatile: the measure that strayed most, or NULL */
	struct figure mostf;		/* its points from its usual, the last 14 days against the usual */
	int	 every;			/* quiet: the usual days between check-ins */
	char	 why[768];		/* alert_words(): as trend, remind and the chart say it */
};

struct alerts {
	struct alert *a;
	size_t	 n, cap;
};

/*
 * A couple's alerts on today and the days before, each worked out once:
 * how remind finds the first day of an alert that is in force today.
 */
#define HISTORY	56		/* days looked back on */
struct history {
	const struct model *m;
	size_t	 couple;
	long	 today;
	struct alerts day[HISTORY + 1];	/* day[k]: as of today - k */
	unsigned char done[HISTORY + 1];
};
void	 history_init(struct history *h, const struct model *m, size_t couple, long today);
const struct alerts *history_day(struct history *h, int back);	// the alerts as of today - back
long	 alert_first(struct history *h, const struct alert *a);	// the first day of the days a has been in force (a day or two off do not end them); LONG_MIN: all of HISTORY
int	 alert_due(struct history *h, const struct alert *a, int (*paused)(long, void *), void *arg);	// a speaks today: on its first day and every 7th day after, or after a pause it lasted through; Sundays when older than HISTORY
void	 history_free(struct history *h);

extern struct tuning pillar_tuning, dialogue_tuning, swing_tuning;	/* stats.h; make calibrate chose them */

void	 alerts_of(const struct model *m, size_t couple, long day, struct alerts *out);	// add couple's alerts in force on day to out
int	 alert_has(const struct alert *a, const struct person *p);	// a concerns p (gap: both partners)
int	 alert_names(const struct alert *a, const char *what);	// a's evidence includes measure what
int	 alert_same(const struct alert *a, const struct alert *b);	// the same alert on two days: person and pillar (drop, declining, gap alike), else person and kind
int	 alert_event(const struct alert *a, const struct alert *b);	// one fall seen twice (a drop and its gap), or the same alert
void	 alerts_free(struct alerts *out);
void	 alert_words(struct alert *a);	// a->why from a's numbers alone: no figure named as fallen that is not worse
int	 figure_worse(const struct figure *f);	// f's recent is worse than its usual as printed (one decimal)
int	 series_has_usual(const struct series *s, long day);	// s has days enough before the last four weeks to learn its usual
const char *short_name(const struct person *p);	// who without its couple: "jo" of "c0042/jo"

#endif
