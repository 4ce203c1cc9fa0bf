/*
 * trend - what is rising, falling, swinging and diverging in a journal.
 *
 *     trend [-a | -c | -g | -s] [-b day|week|month] [-d date] [-n days]
 *           [-o file] [-w who] [-m what] [file ...]
 *
 * Reads journals (hearth-journal(5)) into the daily series of series.c,
 * asks stats.c for each series' figures and alerts.c for the early
 * warnings in force, and prints one view of them: the table (TSV, lined
 * up on a terminal), the alerts (-a), the series by day, week or month
 * (-s), a terminal chart (-c) or an SVG (-g), on standard output or into
 * -o's file, made its owner's alone.
 *
 * Invariants:
 * - Memory follows the data: at most series x window (series.c), never
 *   the size of the input.
 * - Every statistic, gap included, is computed from all the data; -w and
 *   -m only choose what is printed.  A name they give that no record
 *   has is a typo until shown otherwise: said, with the nearest, exit 1.
 * - Numbers are read and written in the C locale (nothing here calls
 *   setlocale for LC_NUMERIC); names and words reach a terminal only
 *   through putsafe() and an SVG only XML-escaped; pipes and files get
 *   the TSV exactly.
 * - -o never writes through a symbolic link, nor over a journal read.
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "view.h"




static void
usage(FILE *f, int status)
{
	fprintf(f, "usage: %s [-a | -c | -g | -s] [-b day|week|month] [-d date] [-n days] "
	    "[-o file] [-w who] [-m what] [file ...]\n", progname);
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


/* The figures of a row as printed, n to flags: nine of them. */
#define NFIGS	9
static void
figs(const struct view *v, const struct series *s, char b[NFIGS][64])
{
	const struct figures *f = &v->f[s->id];

	snprintf(b[0], 64, "%d", f->n);
	figure_format(b[1], f->last7, 2);
	figure_format(b[2], f->base28, 2);
	figure_format(b[3], f->change, 2);
	figure_format(b[4], f->pchange, 3);
	figure_format(b[5], f->slope, 2);
	figure_format(b[6], f->ptrend, 3);
	figure_format(b[7], f->rmssd, 2);
	flags_format(v->flags[s->id], b[8]);
}

/* A name or words from the input: on a terminal, with anything invisible escaped. */
static void
putname(const struct view *v, const char *s)
{
	if (v->tty)
		putsafe(stdout, s, strlen(s));
	else
		fputs(s, stdout);
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
		printf("%s\t", day);
		putname(v, r[i].p->who);
		printf("\t%s\t%s\t", flagdefs[flag_index(r[i].a->kind)].name, r[i].measures);
		putname(v, esc);
		putchar('\n');
	}
	free(esc);
	free(r);
}

static const char *const heads[2 + NFIGS] = { "who", "what", "n", "last7", "base28", "change",
    "pchange", "slope", "ptrend", "rmssd", "flags" };

/*
 * The default view on a terminal: the columns lined up, the names on the
 * left and the figures on the right of theirs, so that a row does not
 * wrap at 80 columns with the usual names; TSV goes only to pipes and files.
 */
static void
report_lined(const struct view *v)
{
	const struct series *s;
	char b[NFIGS][64];
	size_t w[2 + NFIGS], i, k;

	for (k = 0; k < 2 + NFIGS; k++)
		w[k] = strlen(heads[k]);
	for (i = 0; i < v->m->ns; i++) {
		if (!shown(v, s = v->m->s[i]))
			continue;
		figs(v, s, b);
		if (text_cols(s->p->who, s->p->wholen) > w[0])
			w[0] = text_cols(s->p->who, s->p->wholen);
		if (s->whatlen > w[1])
			w[1] = s->whatlen;
		for (k = 0; k < NFIGS; k++)
			if (strlen(b[k]) > w[2 + k])
				w[2 + k] = strlen(b[k]);
	}
	fputs("who", stdout);
	pad(3, w[0] + 2);
	fputs("what", stdout);
	pad(4, w[1] + 1);
	for (k = 2; k < 1 + NFIGS; k++) {
		pad(0, w[k] - strlen(heads[k]) + 1);
		fputs(heads[k], stdout);
	}
	puts("  flags");
	for (i = 0; i < v->m->ns; i++) {
		if (!shown(v, s = v->m->s[i]))
			continue;
		figs(v, s, b);
		putname(v, s->p->who);
		pad(text_cols(s->p->who, s->p->wholen), w[0] + 2);
		fputs(s->what, stdout);
		pad(s->whatlen, w[1] + 1);
		for (k = 0; k + 1 < NFIGS; k++) {
			pad(0, w[2 + k] - strlen(b[k]) + 1);
			fputs(b[k], stdout);
		}
		printf("  %s\n", b[NFIGS - 1]);
	}
}

/* The default view: one row of figures per person and measure. */
static void
report(const struct view *v)
{
	const struct series *s;
	char b[NFIGS][64];
	size_t i;
	int k;

	if (v->tty) {
		report_lined(v);
		return;
	}
	fputs("who\twhat\tn\tlast7\tbase28\tchange\tpchange\tslope\tptrend\trmssd\tflags\n",
	    stdout);
	for (i = 0; i < v->m->ns; i++) {
		s = v->m->s[i];
		if (!shown(v, s))
			continue;
		figs(v, s, b);
		printf("%s\t%s", s->p->who, s->what);
		for (k = 0; k < NFIGS; k++)
			printf("\t%s", b[k]);
		putchar('\n');
	}
}


static void
putbucket(const struct view *v, const struct series *s, long label, double sum, int days)
{
	char date[16], fig[32];

	date_format(date, label);
	figure_format(fig, sum / days, 2);
	printf("%s\t", date);
	putname(v, s->p->who);
	printf("\t%s\t%s\t%d\n", s->what, fig, days);
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
				putbucket(v, s, cur, sum, days);
				sum = 0;
				days = 0;
			}
			cur = label;
			sum += x;
			days++;
		}
		if (days > 0)
			putbucket(v, s, cur, sum, days);
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

/* The options into v and *mode; the as-of date's text in *dopt, -o's file in *opath. */
static void
options(int argc, char **argv, struct view *v, int *mode, const char **dopt, const char **opath)
{
	int c;

	memset(v, 0, sizeof *v);
	v->wdays = 90;
	v->bucket = 'd';
	opterr = 0;	/* our own words, and the program's name, not its path */
	while ((c = getopt(argc, argv, ":acgsb:d:n:o:w:m:h")) != -1) {
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
		case 'o':
			if (*optarg == '\0') {
				warnx_("-o takes the name of a file to write");
				usage(stderr, 2);
			}
			*opath = optarg;
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

/* Which of the names -w and -m give some record read has. */
struct seen {
	const struct view *v;
	unsigned char *who, *what;	/* who[i]: v->who[i] has a record */
};

static void
seen_record(const struct record *r, void *arg)
{
	struct seen *sn = arg;
	size_t i;

	for (i = 0; i < sn->v->nwho; i++)
		if (!sn->who[i] && strcmp(sn->v->who[i], r->who) == 0)
			sn->who[i] = 1;
	for (i = 0; i < sn->v->nwhat; i++)
		if (!sn->what[i] && strcmp(sn->v->what[i], r->what) == 0)
			sn->what[i] = 1;
}

/*
 * The edit distance of a and b: letters added, dropped, changed, or two
 * side by side swapped ("sma" is 1 from "sam"); -1 past 64 bytes.
 */
static int
distance(const char *a, const char *b)
{
	unsigned char d[65][65];
	size_t n = strlen(a), k = strlen(b), i, j;
	int x;

	if (n > 64 || k > 64)
		return -1;
	for (i = 0; i <= n; i++)
		d[i][0] = (unsigned char)i;
	for (j = 0; j <= k; j++)
		d[0][j] = (unsigned char)j;
	for (i = 1; i <= n; i++)
		for (j = 1; j <= k; j++) {
			x = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
			if (d[i - 1][j] + 1 < x)
				x = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < x)
				x = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < x)
				x = d[i - 2][j - 2] + 1;
			d[i][j] = (unsigned char)x;
		}
	return d[n][k];
}

/*
 * cand (compared as as) for *best, if it is near name, and nearer than
 * *best at *bestd: one edit for a short name, two from 5 bytes on.
 */
static void
nearer(const char *name, const char *cand, const char *as, const char **best, int *bestd)
{
	int d = distance(name, as);

	if (d < 0 || d > (strlen(name) <= 4 ? 1 : 2))
		return;
	if (*best == NULL || d < *bestd || (d == *bestd && strcmp(cand, *best) < 0)) {
		*best = cand;
		*bestd = d;
	}
}

/* The person or measure (what) of m nearest to a name no record has, or NULL. */
static const char *
nearest(const struct model *m, const char *name, int what)
{
	const char *best = NULL;
	size_t i, n = strlen(name);
	int bestd = 0;

	if (what) {
		for (i = 0; i < m->ns; i++)
			if (m->s[i]->whatlen + 2 >= n && m->s[i]->whatlen <= n + 2)
				nearer(name, m->s[i]->what, m->s[i]->what, &best, &bestd);
		return best;
	}
	/* "alex" for "smiths/alex" too */
	for (i = 0; i < m->np; i++) {
		nearer(name, m->p[i]->who, m->p[i]->who, &best, &bestd);
		if (m->p[i]->couple > 0)
			nearer(name, m->p[i]->who, short_name(m->p[i]), &best, &bestd);
	}
	return best;
}

/* Say each name of list (-w, or -m with what) that no record has, and the nearest one there is. */
static int
unknown(const struct model *m, char **list, size_t n, const unsigned char *seen, int what)
{
	const char *near, *kind = what ? "no measure called" : "no one called";
	size_t i;
	int rc = 0;

	for (i = 0; i < n; i++) {
		if (seen[i])
			continue;
		if ((near = nearest(m, list[i], what)) != NULL)
			warnx_("%s \"%s\" in the journal; did you mean \"%s\"?", kind,
			    vis(list[i], strlen(list[i])), vis(near, strlen(near)));
		else
			warnx_("%s \"%s\" in the journal", kind, vis(list[i], strlen(list[i])));
		rc = 1;
	}
	return rc;
}

/*
 * Every journal into m, over the window and the days the alerts look
 * back on; the names -w and -m give that no record has are said (unless
 * a journal could not be read: they may be in it).  0, or 1 when a
 * journal could not be read or a name is in none.
 */
static int
read_all(struct model *m, const struct bank *b, struct view *v, char **files)
{
	struct seen sn;
	int rc = 0;

	sn.v = v;
	sn.who = xmalloc(v->nwho + 1);
	sn.what = xmalloc(v->nwhat + 1);
	memset(sn.who, 0, v->nwho + 1);
	memset(sn.what, 0, v->nwhat + 1);
	model_init(m, b, v->first < v->asof - ALERT_DAYS + 1 ? v->first :
	    v->asof - ALERT_DAYS + 1, v->asof);
	for (; *files != NULL; files++)
		if (model_read(m, *files, v->nwho || v->nwhat ? seen_record : NULL, &sn) < 0)
			rc = 1;
	bad_summary();
	model_done(m);
	if (rc == 0)
		rc = unknown(m, v->who, v->nwho, sn.who, 0) | unknown(m, v->what, v->nwhat, sn.what, 1);
	free(sn.who);
	free(sn.what);
	v->failed = rc;
	return rc;
}

/* -o's file must not be a journal read: writing it would lose the journal. */
static void
not_a_journal(const char *opath, char **files)
{
	struct stat o, j;

	if (stat(opath, &o) < 0 || !S_ISREG(o.st_mode))
		return;		/* new, or a device or a pipe: nothing to lose */
	for (; *files != NULL; files++)
		if ((strcmp(*files, "-") == 0 ? fstat(0, &j) : stat(*files, &j)) == 0 &&
		    j.st_dev == o.st_dev && j.st_ino == o.st_ino) {
			warnx_("-o %s: that is a journal trend reads; name another file",
			    vis(opath, strlen(opath)));
			usage(stderr, 2);
		}
}

/*
 * Standard output becomes the file opath, its owner's alone (mode 0600,
 * a file that was there made so before it is emptied), never written
 * through a symbolic link; 0, or -1 after a message.
 */
static int
output_to(const char *opath)
{
	struct stat st;
	int fd;

	if ((fd = open(opath, O_WRONLY | O_CREAT | O_NOFOLLOW | O_NOCTTY, 0600)) < 0) {
		if (lstat(opath, &st) == 0 && S_ISLNK(st.st_mode))
			warnx_("%s: a symbolic link; -o writes only to a file itself, not "
			    "through a link", vis(opath, strlen(opath)));
		else
			warn_("%s", vis(opath, strlen(opath)));
		return -1;
	}
	if (fstat(fd, &st) < 0 || (S_ISREG(st.st_mode) && (st.st_mode & 077) != 0 &&
	    fchmod(fd, st.st_mode & 0700) < 0) ||
	    (S_ISREG(st.st_mode) && ftruncate(fd, 0) < 0) || dup2(fd, 1) < 0) {
		warn_("%s", vis(opath, strlen(opath)));
		close(fd);
		return -1;
	}
	close(fd);
	return 0;
}

/* The figures, the alerts in force and the flags of every series, into v. */
static void
work_out(const struct model *m, struct view *v, struct alerts *al)
{
	struct figures *f = xmalloc((m->ns + 1) * sizeof *f);
	unsigned *flags = xmalloc((m->ns + 1) * sizeof *flags);
	size_t i;

	model_figures(m, v->asof, v->wdays, f);
	for (i = 0; i < m->nc; i++)
		alerts_of(m, i, v->asof, al);
	flags_of(m, al, flags);
	v->m = m;
	v->f = f;
	v->flags = flags;
	v->al = al;
}

int
main(int argc, char **argv)
{
	static struct bank bank;
	static struct model m;
	struct alerts al = { NULL, 0, 0 };
	struct view v;
	struct stamp t;
	char **files;
	const char *why, *dopt = NULL, *opath = NULL;
	int mode = 0, rc;

	setprogname(argv[0]);
	if (argc > 1 && strcmp(argv[1], "--version") == 0)
		version();
	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		usage(stdout, 0);
	options(argc, argv, &v, &mode, &dopt, &opath);
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
	if (opath != NULL)
		not_a_journal(opath, files);
	if (bank_load(&bank, NULL) < 0)
		return 1;
	rc = read_all(&m, &bank, &v, files);
	work_out(&m, &v, &al);
	if (opath != NULL && output_to(opath) < 0)
		rc = 1;
	else {
		v.tty = isterm(1);
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
		rc |= fshut(stdout, opath != NULL ? vis(opath, strlen(opath)) : "stdout");
	}
	free((void *)v.f);
	free((void *)v.flags);
	alerts_free(&al);
	free(v.who);
	free(v.what);
	model_free(&m);
	bank_free(&bank);
	return rc;
}
