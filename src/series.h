/*
 * series.h - the journal as daily series: the one model of it that
 * trend(1) and remind(1) both read, so that they cannot disagree.
 *
 * A series is one person's one measure over the days first..last (the
 * as-of date): each day's records summed, and the day's value their sum
 * or mean as the measure's type says (hearth-journal(5), trend(1)).
 * Persons are grouped into couples by the text before the last '/' of
 * their names.  Memory is at most series x days, never the size of the
 * input: a series of few days holds only those (series.c).
 */
#ifndef SERIES_H
#define SERIES_H

#include "hearth.h"

struct dayval {
	int	 day;			/* from the model's first */
	float	 v;
};

struct series {
	const struct person *p;
	const struct measure *m;	/* from the bank, or measure_default() */
	const char *what;
	size_t	 whatlen;
	struct dayval *few;		/* while few days have data: those days, in order ... */
	int	 nfew, capfew;		/* ... (sum, cnt, wsum all NULL meanwhile) */
	float	*sum;			/* per day: NAN, or the one record, or with cnt the sum */
	unsigned char *cnt;		/* records per day, 255 at most, once a day has two ... */
	double	*wsum;			/* ... else both wide, once any day needs it */
	unsigned *wcnt;
	long	 first;		/* the model's days */
	int	 ndays;
	char	*key;			/* "who\twhat", its name in the model */
	size_t	 id;			/* its place in model.s */
	void	*data;			/* the caller's */
};

struct person {
	char	*who;
	size_t	 wholen, couple;	/* couple: the length of its prefix */
	struct series **s;		/* by what, byte order, once the model is done */
	size_t	 ns, cap;
};

struct model {
	long	 first, last;		/* the days held */
	int	 ndays;
	const struct bank *bank;
	struct series **s;		/* by who, then what */
	size_t	 ns;
	struct person **p;		/* by couple, then who */
	size_t	 np;
	size_t	*couple;		/* couple i: p[couple[i]] .. p[couple[i+1]-1] */
	size_t	 nc;
	struct table bywho;		/* who -> person */
	struct table byname;		/* "who\twhat" -> series */
	struct table names;		/* what -> measure, for measures no bank has */
};

/* Every good record of a journal dated on or before last, also those
 * before first, goes to a caller's function as it is read. */
typedef void recordfn(const struct record *r, void *arg);

void	 model_init(struct model *m, const struct bank *b, long first, long last);	// an empty model of the days first..last
int	 model_read(struct model *m, const char *path, recordfn *each, void *arg);	// one journal (NULL or "-": stdin), bad records named; 0, or -1 when it could not be read
void	 model_add(struct model *m, const struct record *r);	// one record dated first..last (who, what, v and t.day are read)
void	 model_done(struct model *m);			// sort and group, once every journal is read
void	 model_free(struct model *m);
double	 series_day(const struct series *s, long day);	// the day's value, NAN without data or outside the days held
void	 series_values(const struct series *s, long from, int n, double *v);	// v[i] = series_day(s, from + i)
int	 series_cmp(const void *a, const void *b);	// qsort: struct series * by who, then what
/* Showing up: days checked in, counted kindly (model_showup()). */
#define SHOWUP_PARTNERS	4
struct showup {
	int	 n;				/* partners counted */
	const struct person *p[SHOWUP_PARTNERS];
	int	 days7[SHOWUP_PARTNERS], days30[SHOWUP_PARTNERS];
	int	 both7, both30;			/* days all of them checked in */
	int	 open7, open30;			/* days not paused, of the 7 and 30 */
	int	 run;				/* days in a row all checked in, pauses skipped */
};
void	 model_showup(const struct model *m, size_t couple, long day, int (*paused)(long, void *), void *arg, struct showup *s);	// couple's showing up as of day

struct figures;
void	 model_figures(const struct model *m, long asof, int wdays, struct figures *f);	// f[s->id]: every series' figures as of asof over wdays days
size_t	 couple_len(const char *who, size_t n);		// the length of who's couple, the text before its last '/' (0: the couple of names without '/')
int	 bytes_cmp(const char *a, size_t an, const char *b, size_t bn);	// byte order, a prefix first

#endif
