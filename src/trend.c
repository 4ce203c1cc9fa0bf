/*
 * trend - what is rising, falling, swinging and diverging in a journal.
 *
 *     trend [-a | -c | -g | -s] [-b day|week|month] [-d date] [-n days]
 *           [-w who] [-m what] [file ...]
 *
 * Reads journals (hearth-journal(5)) into the daily series of series.c,
 * asks stats.c for each series' figures and alerts.c for the early
 * warnings in force, and prints one view of them: the table (TSV), the
 * alerts (-a), the series by day, week or month (-s), a terminal chart
 * (-c) or an SVG (-g).
 *
 * Invariants:
 * - Memory is series x window (series.c), never the size of the input.
 * - Every statistic, gap included, is computed from all the data; -w and
 *   -m only choose what is printed.
 * - Numbers are read and written in the C locale (nothing here calls
 *   setlocale for LC_NUMERIC); names reach a terminal only through
 *   putsafe() and an SVG only XML-escaped.
 */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "view.h"




static void
usage(FILE *f, int status)
{
	fprintf(f, "usage: %s [-a | -c | -g | -s] [-b day|week|month] [-d date] [-n days] "
	    "[-w who] [-m what] [file ...]\n", progname);
	if (status == 0)
		exit(fshut(stdout, "stdout"));
	exit(status);
}


/* Add a comma-separated list to *list; an empty item is a usage error. */
static void
addlist(char ***list, size_t *n, char *arg, int opt)
{
	char *p = arg, *comma;

	for (;;) {
		if ((comma = strchr(p, ',')) != NULL)
			*comma = '\0';
		if (*p == '\0') {
			warnx_("-%c takes a comma-separated list of %s", opt,
			    opt == 'w' ? "names" : "measures");
			usage(stderr, 2);
		}
		*list = xrealloc(*list, (*n + 1) * sizeof **list);
		(*list)[(*n)++] = p;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
}


static void
putfig(double x, int digits, int sep)
{
	char buf[32];

	figure_format(buf, x, digits);
	fputs(buf, stdout);
	putchar(sep);
}



/* Each series' flags: the kinds of its person's alerts that name its measure. */
static void
flags_of(const struct model *m, const struct alerts *al, unsigned *flags)
{
	const struct series *s;
	size_t i, k;

	for (i = 0; i < m->ns; i++) {
		s = m->s[i];
		flags[i] = 0;
		for (k = 0; k < al->n; k++)
			if (alert_has(&al->a[k], s->p) && alert_names(&al->a[k], s->what))
				flags[i] |= al->a[k].kind;
	}
}

/* One row of -a: an alert as one person concerned sees it. */
struct arow {
	const struct alert *a;
	const struct person *p;
	char	 measures[ALERT_MEASURES * 34];
};

static int
arowcmp(const void *pa, const void *pb)
{
	const struct arow *a = pa, *b = pb;
	int c = strcmp(a->p->who, b->p->who);

	if (c == 0)
		c = strcmp(flagdefs[flag_index(a->a->kind)].name, flagdefs[flag_index(b->a->kind)].name);
	return c ? c : strcmp(a->measures, b->measures);
}

static int
strpcmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* -a: the alerts in force, a row per person concerned (both partners for gap). */
static void
alertsout(const struct view *v)
{
	struct arow *r = xmalloc((2 * v->al->n + 1) * sizeof *r);
	const char *names[ALERT_MEASURES];
	const struct alert *a;
	char day[16], *esc;
	size_t i, n = 0, o;
	int k, who;

	for (i = 0; i < v->al->n; i++) {
		a = &v->al->a[i];
		for (who = 0; who < 2; who++) {
			r[n].a = a;
			r[n].p = who ? a->other : a->p;
			if (r[n].p == NULL || (v->nwho && !inlist(v->who, v->nwho, r[n].p->who)))
				continue;
			for (k = 0; k < a->nm; k++)
				names[k] = a->m[k]->what;
			qsort(names, (size_t)a->nm, sizeof *names, strpcmp);
			for (k = 0, o = 0; k < a->nm; k++)
				o += (size_t)sprintf(r[n].measures + o, "%s%s", k ? "," : "", names[k]);
			if (o == 0)
				strcpy(r[n].measures, "-");
			n++;
		}
	}
	qsort(r, n, sizeof *r, arowcmp);
	fputs("since\twho\tkind\tmeasures\twhy\n", stdout);
	esc = xmalloc(2 * sizeof r->a->why);
	for (i = 0; i < n; i++) {
		if (v->nwhat) {
			for (k = 0; k < r[i].a->nm && !inlist(v->what, v->nwhat, r[i].a->m[k]->what); k++)
				;
			if (k == r[i].a->nm)
				continue;
		}
		date_format(day, r[i].a->since);
		esc[note_escape(r[i].a->why, strlen(r[i].a->why), esc)] = '\0';
		printf("%s\t%s\t%s\t%s\t%s\n", day, r[i].p->who,
		    flagdefs[flag_index(r[i].a->kind)].name, r[i].measures, esc);
	}
	free(esc);
	free(r);
}

/* The default view: one row of figures per person and measure. */
static void
report(const struct view *v)
{
	const struct series *s;
	const struct figures *f;
	char flags[64];
	size_t i;

	fputs("who\twhat\tn\tlast7\tbase28\tchange\tpchange\tslope\tptrend\trmssd\tflags\n",
	    stdout);
	for (i = 0; i < v->m->ns; i++) {
		s = v->m->s[i];
		f = &v->f[s->id];
		if (!shown(v, s))
			continue;
		printf("%s\t%s\t%d\t", s->p->who, s->what, f->n);
		putfig(f->last7, 2, '\t');
		putfig(f->base28, 2, '\t');
		putfig(f->change, 2, '\t');
		putfig(f->pchange, 3, '\t');
		putfig(f->slope, 2, '\t');
		putfig(f->ptrend, 3, '\t');
		putfig(f->rmssd, 2, '\t');
		flags_format(v->flags[s->id], flags);
		puts(flags);
	}
}


static void
putbucket(const struct series *s, long label, double sum, int days)
{
	char date[16];

	date_format(date, label);
	printf("%s\t%s\t%s\t", date, s->p->who, s->what);
	putfig(sum / days, 2, '\t');
	printf("%d\n", days);
}

/* -s: the daily values, or their means by week or month. */
static void
seriesout(const struct view *v)
{
	const struct series *s;
	double sum, x;
	long label, cur, d;
	size_t k;
	int days;

	fputs("date\twho\twhat\tvalue\tdays\n", stdout);
	for (k = 0; k < v->m->ns; k++) {
		s = v->m->s[k];
		if (!shown(v, s))
			continue;
		cur = LONG_MIN;
		sum = 0;
		days = 0;
		for (d = v->first; d <= v->asof; d++) {
			if (isnan(x = series_day(s, d)))
				continue;
			label = bucket(d, v->bucket);
			if (label != cur && days > 0) {
				putbucket(s, cur, sum, days);
				sum = 0;
				days = 0;
			}
			cur = label;
			sum += x;
			days++;
		}
		if (days > 0)
			putbucket(s, cur, sum, days);
	}
}




/* -n's days: 1 to MAXDAYS, else a usage error. */
static int
days_opt(const char *arg)
{
	char *e;
	long n;

	errno = 0;
	n = strtol(arg, &e, 10);
	if (*arg < '0' || *arg > '9' || *e != '\0' || errno || n < 1 || n > MAXDAYS) {
		warnx_("-n takes a number of days from 1 to %d, not \"%s\"", MAXDAYS,
		    vis(arg, strlen(arg)));
		usage(stderr, 2);
	}
	return (int)n;
}

/* The options into v and *mode; the as-of date's text in *dopt. */
static void
options(int argc, char **argv, struct view *v, int *mode, const char **dopt)
{
	int c;

	memset(v, 0, sizeof *v);
	v->wdays = 90;
	v->bucket = 'd';
	opterr = 0;	/* our own words, and the program's name, not its path */
	while ((c = getopt(argc, argv, ":acgsb:d:n:w:m:h")) != -1) {
		switch (c) {
		case 'a':
		case 'c':
		case 'g':
		case 's':
			if (*mode && *mode != c) {
				warnx_("-a, -c, -g and -s do not go together");
				usage(stderr, 2);
			}
			*mode = c;
			break;
		case 'b':
			if (strcmp(optarg, "day") != 0 && strcmp(optarg, "week") != 0 &&
			    strcmp(optarg, "month") != 0) {
				warnx_("-b takes day, week or month, not \"%s\"",
				    vis(optarg, strlen(optarg)));
				usage(stderr, 2);
			}
			v->bucket = optarg[0];
			break;
		case 'd':
			*dopt = optarg;
			break;
		case 'n':
			v->wdays = days_opt(optarg);
			break;
		case 'w':
			addlist(&v->who, &v->nwho, optarg, 'w');
			break;
		case 'm':
			addlist(&v->what, &v->nwhat, optarg, 'm');
			break;
		case 'h':
			usage(stdout, 0);
			break;
		default:
			optfail(c);
			usage(stderr, 2);
		}
	}
}

int
main(int argc, char **argv)
{
	static struct bank bank;
	static struct model m;
	struct alerts al = { NULL, 0, 0 };
	struct view v;
	struct figures *f;
	unsigned *flags;
	size_t i;
	struct stamp t;
	char **files;
	const char *why, *dopt = NULL;
	int mode = 0, rc = 0;

	setprogname(argv[0]);
	if (argc > 1 && strcmp(argv[1], "--version") == 0)
		version();
	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		usage(stdout, 0);
	options(argc, argv, &v, &mode, &dopt);
	argc -= optind;
	argv += optind;

	if (now(&t) < 0)
		return 1;
	v.asof = t.day;
	if (dopt != NULL && (why = day_parse(dopt, t.day, &v.asof)) != NULL) {
		warnx_("-d \"%s\": %s", vis(dopt, strlen(dopt)), why);
		usage(stderr, 2);
	}
	v.first = v.asof - v.wdays + 1;
	files = journal_args(argc, argv);
	if (bank_load(&bank, NULL) < 0)
		return 1;
	/* the alerts look further back than the window */
	model_init(&m, &bank, v.first < v.asof - ALERT_DAYS + 1 ? v.first :
	    v.asof - ALERT_DAYS + 1, v.asof);
	for (; *files != NULL; files++)
		if (model_read(&m, *files, NULL, NULL) < 0)
			rc = 1;
	bad_summary();
	model_done(&m);
	f = xmalloc((m.ns + 1) * sizeof *f);
	model_figures(&m, v.asof, v.wdays, f);
	for (i = 0; i < m.nc; i++)
		alerts_of(&m, i, v.asof, &al);
	flags = xmalloc((m.ns + 1) * sizeof *flags);
	flags_of(&m, &al, flags);
	v.m = &m;
	v.f = f;
	v.flags = flags;
	v.al = &al;
	if (mode == 'a')
		alertsout(&v);
	else if (mode == 's')
		seriesout(&v);
	else if (mode == 'c')
		chart(&v);
	else if (mode == 'g')
		svg(&v);
	else
		report(&v);
	rc |= fshut(stdout, "stdout");
	free(f);
	free(flags);
	alerts_free(&al);
	free(v.who);
	free(v.what);
	model_free(&m);
	bank_free(&bank);
	return rc;
}
