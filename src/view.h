/*
 * view.h - what trend(1) prints, and from what: its table, -a and -s are
 * in trend.c, the chart (-c) in chart.c and the picture (-g) in svg.c;
 * each takes a view, and view.c has what they share.
 */
#ifndef VIEW_H
#define VIEW_H

#include "hearth.h"
#include "series.h"
#include "stats.h"
#include "alerts.h"

#define MAXDAYS	3660

/* What to print, and from what: every output takes one. */
struct view {
	const struct model *m;
	const struct figures *f;	/* f[s->id] */
	const unsigned *flags;		/* flags[s->id]: the kinds of its person's alerts that name it */
	const struct alerts *al;	/* in force on the as-of date */
	long	 first, asof;		/* the window */
	int	 wdays;
	char	**who, **what;		/* -w, -m: the rows printed */
	size_t	 nwho, nwhat;
	int	 bucket;		/* -s: 'd', 'w' or 'm' */
	int	 tty;			/* standard output is a terminal: lined up, escaped */
	int	 failed;		/* something was said to be wrong: a journal, a name */
};

int	 inlist(char **list, size_t n, const char *s);	// s is one of list[0..n)
int	 selected(const struct view *v, const struct series *s);	// a row -w and -m choose
int	 shown(const struct view *v, const struct series *s);	// chosen, with data in the window
int	 alert_chosen(const struct view *v, const struct alert *a);	// concerns someone -w names, names a measure -m names
int	 said_by_gap(const struct alerts *al, size_t k);	// al->a[k] is a fall whose gap says it
long	 bucket(long day, int b);				// the label of day's bucket: the day, its Monday, its 1st
void	 pad(size_t have, size_t want);			// spaces from have to want on stdout
void	 scale(const struct measure *m, const double *v, int n, double *lo, double *hi);	// the range a row or panel is drawn on
void	 chart(const struct view *v);			// -c
void	 svg(const struct view *v);			// -g

#endif
