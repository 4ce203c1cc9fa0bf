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
};

static void
usage(FILE *f, int status)
{
	fprintf(f, "usage: %s [-a | -c | -g | -s] [-b day|week|month] [-d date] [-n days] "
	    "[-w who] [-m what] [file ...]\n", progname);
	if (status == 0)
		exit(fshut(stdout, "stdout"));
	exit(status);
}

static int
inlist(char **list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

static int
selected(const struct view *v, const struct series *s)
{
	return (v->nwho == 0 || inlist(v->who, v->nwho, s->p->who)) &&
	    (v->nwhat == 0 || inlist(v->what, v->nwhat, s->what));
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

/* A row to print: chosen by -w and -m, with data in the window. */
static int
shown(const struct view *v, const struct series *s)
{
	return selected(v, s) && v->f[s->id].n > 0;
}

static void
putfig(double x, int digits, int sep)
{
	char buf[32];

	figure_format(buf, x, digits);
	fputs(buf, stdout);
	putchar(sep);
}

/* An alert concerns someone -w names and names a measure -m names. */
static int
alert_chosen(const struct view *v, const struct alert *a)
{
	int i;

	if (v->nwho && !inlist(v->who, v->nwho, a->p->who) &&
	    (a->other == NULL || !inlist(v->who, v->nwho, a->other->who)))
		return 0;
	for (i = 0; v->nwhat && i < a->nm; i++)
		if (inlist(v->what, v->nwhat, a->m[i]->what))
			return 1;
	return v->nwhat == 0;
}

/*
 * A drop or decline whose gap is in force too: the gap's words say it,
 * and more (remind says one fall once, too).
 */
static int
said_by_gap(const struct alerts *al, size_t k)
{
	size_t j;

	if (al->a[k].kind == F_GAP)
		return 0;
	for (j = 0; j < al->n; j++)
		if (j != k && al->a[j].kind == F_GAP && alert_event(&al->a[j], &al->a[k]))
			return 1;
	return 0;
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

/* The label of the bucket that holds day: the day, its Monday, its 1st. */
static long
bucket(long day, int b)
{
	long y;
	int m, d;

	if (b == 'w')
		return day - weekday(day);
	if (b == 'm') {
		civil_from_days(day, &y, &m, &d);
		return days_from_civil(y, m, 1);
	}
	return day;
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

/* Columns a UTF-8 name takes on a terminal, near enough: its characters. */
static size_t
width(const char *s, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			w++;
	return w;
}

static void
pad(size_t have, size_t want)
{
	while (have++ < want)
		putchar(' ');
}

/* The scale a sparkline or a panel is drawn on: lo..hi. */
static void
scale(const struct measure *m, const double *v, int n, double *lo, double *hi)
{
	int i;

	if (measure_range(m) > 0) {
		*lo = m->type == T_YESNO ? 0 : m->lo;
		*hi = m->type == T_YESNO ? 1 : m->hi;
		return;
	}
	/* no range: from 0 (or below, for negative values) to the highest */
	*lo = 0;
	*hi = 0;
	for (i = 0; i < n; i++) {
		if (isnan(v[i]))
			continue;
		if (v[i] < *lo)
			*lo = v[i];
		if (v[i] > *hi)
			*hi = v[i];
	}
	if (*hi <= *lo)
		*hi = *lo + 1;
}

/*
 * The pauses of remind's rules file ($XDG_CONFIG_HOME/hearth/remind.tsv):
 * days a couple chose to be elsewhere, which showing up does not count.
 * Only its pause lines are read; remind(1) checks the rest.
 */
static long *pauses;
static size_t npauses;

static void
pauses_load(void)
{
	char path[4096], *line, *f[4], *t;
	const char *e;
	struct lines l;
	size_t n;
	long a, b;
	int rc, k;

	if ((e = getenv("XDG_CONFIG_HOME")) != NULL && *e != '\0')
		snprintf(path, sizeof path, "%s/hearth/remind.tsv", e);
	else if ((e = getenv("HOME")) != NULL && *e != '\0')
		snprintf(path, sizeof path, "%s/.config/hearth/remind.tsv", e);
	else
		return;
	if (access(path, R_OK) != 0 || lines_open(&l, path) < 0)
		return;
	while ((rc = lines_next(&l, &line, &n)) > 0) {
		if (rc != 1 || n < 6 || memcmp(line, "pause\t", 6) != 0)
			continue;
		for (k = 0, t = line; k < 4 && t != NULL; k++) {
			f[k] = t;
			if ((t = strchr(t, '\t')) != NULL)
				*t++ = '\0';
		}
		if (k < 4 || date_parse(f[1], strlen(f[1]), &a) != NULL ||
		    date_parse(f[2], strlen(f[2]), &b) != NULL || b < a)
			continue;
		pauses = xrealloc(pauses, (npauses + 1) * 2 * sizeof *pauses);
		pauses[2 * npauses] = a;
		pauses[2 * npauses + 1] = b;
		npauses++;
	}
	lines_close(&l);
}

static int
paused(long d, void *arg)
{
	size_t i;

	(void)arg;
	for (i = 0; i < npauses; i++)
		if (pauses[2 * i] <= d && d <= pauses[2 * i + 1])
			return 1;
	return 0;
}

/* The width to fit: the terminal's, else $COLUMNS, else 80. */
static int
columns(void)
{
	struct winsize ws;
	const char *e = getenv("COLUMNS");
	char *end;
	long n;

	if (isterm(1) && ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
	if (e != NULL && (n = strtol(e, &end, 10)) >= 20 && n <= 1000 && *end == '\0')
		return (int)n;
	return 80;
}

/* Print s, wrapped at spaces to w columns. */
static void
wrapped(const char *s, int w)
{
	size_t n, col = 0, len;

	while (*s != '\0') {
		len = strcspn(s, " ");
		n = width(s, len);
		if (col > 0 && col + 1 + n > (size_t)w) {
			putchar('\n');
			col = 0;
		} else if (col > 0) {
			putchar(' ');
			col++;
		}
		putsafe(stdout, s, len);
		col += n;
		s += len;
		s += strspn(s, " ");
	}
	putchar('\n');
}

/* "Checked in: alex 6 of the last 7 days (26 of 30), ...", a couple a line. */
static void
showup_lines(const struct view *v, int cols)
{
	struct showup su;
	char line[1024];
	size_t c, o;
	int i;

	for (c = 0; c < v->m->nc; c++) {
		model_showup(v->m, c, v->asof, paused, NULL, &su);
		if (su.n == 0 || su.open30 == 0)
			continue;
		if (v->nwho) {
			for (i = 0; i < su.n && !inlist(v->who, v->nwho, su.p[i]->who); i++)
				;
			if (i == su.n)
				continue;
		}
		o = (size_t)snprintf(line, sizeof line, "Checked in:");
		for (i = 0; i < su.n && o < sizeof line; i++)
			o += (size_t)snprintf(line + o, sizeof line - o, " %s %d of the last %d days "
			    "(%d of %d)%s", short_name(su.p[i]), su.days7[i], su.open7, su.days30[i],
			    su.open30, i + 1 < su.n ? ";" : "");
		if (su.n > 1 && o < sizeof line)
			o += (size_t)snprintf(line + o, sizeof line - o, "; both on %d of %d",
			    su.both7, su.open7);
		if (su.n > 1 && su.run > 1 && o < sizeof line)
			o += (size_t)snprintf(line + o, sizeof line - o, ", %d days in a row now",
			    su.run);
		if (su.open30 < 30 && o < sizeof line)
			snprintf(line + o, sizeof line - o, "; days of a pause not counted");
		if (o < sizeof line)
			strncat(line, ".", sizeof line - strlen(line) - 1);
		wrapped(line, cols - 1);
	}
}

/* Whether s has days enough before the last four weeks for a usual. */
static int
has_usual(const struct view *v, const struct series *s)
{
	long d;
	int n = 0;

	for (d = v->asof - ALERT_DAYS + 1; d <= v->asof - 28 && n < 20; d++)
		n += !isnan(series_day(s, d));
	return n >= 20;
}

/* Answered now and then (a weekly set, a text answer): drawn after the daily ones. */
static int
occasional(const struct view *v, const struct series *s)
{
	size_t k;
	int most = 0;

	if (s->m->type == T_TEXT)
		return 1;
	for (k = 0; k < s->p->ns; k++)
		if (v->f[s->p->s[k]->id].n > most)
			most = v->f[s->p->s[k]->id].n;
	return 3 * v->f[s->id].n < most;
}

struct layout {
	int	 per, cells, markw, wide, utf8, colour;
	size_t	 ww, mw, fw;	/* who, what, flags */
};

static void
chart_row(const struct view *v, const struct series *s, const struct layout *L, double *cell)
{
	static const char *blocks[8] = { "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83",
	    "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88" };
	static const char ascii[] = "_.:-=+*#";
	const struct figures *f = &v->f[s->id];
	double lo, hi, sum, x;
	char buf[64];
	int c, lvl, nd, fl, i, shown_w;
	long d, d0;

	/* cells end on the as-of date; the first may be short */
	for (c = 0; c < L->cells; c++) {
		d0 = v->asof - (long)(L->cells - c) * L->per + 1;
		for (d = d0 < v->first ? v->first : d0, sum = 0, nd = 0; d < d0 + L->per; d++)
			if (!isnan(x = series_day(s, d))) {
				sum += x;
				nd++;
			}
		cell[c] = nd ? sum / nd : NAN;
	}
	scale(s->m, cell, L->cells, &lo, &hi);
	putsafe(stdout, s->p->who, s->p->wholen);
	pad(width(s->p->who, s->p->wholen), L->ww + 2);
	fputs(s->what, stdout);
	if (s->m->better < 0)
		fputs(L->utf8 ? "\xe2\x86\x93" : "-", stdout);	/* lower is better */
	pad(s->whatlen + (s->m->better < 0), L->mw + 2);
	if (s->m->type == T_TEXT) {
		/* a text answer has no height: how many there were */
		shown_w = snprintf(buf, sizeof buf, "%d %s", f->n, f->n == 1 ? "answer" : "answers");
		fputs(buf, stdout);
		pad((size_t)shown_w, (size_t)L->markw);
	} else {
		for (c = 0; c < L->cells; c++) {
			if (isnan(cell[c])) {
				putchar(' ');
				continue;
			}
			x = floor((cell[c] - lo) / (hi - lo) * 7 + 0.5);
			lvl = !(x > 0) ? 0 : x > 7 ? 7 : (int)x;	/* clamp first: any double */
			if (L->utf8)
				fputs(blocks[lvl], stdout);
			else
				putchar(ascii[lvl]);
		}
		pad((size_t)L->cells, (size_t)L->markw);
	}
	printf("  %3d", f->n);
	figure_format(buf, f->last7, 2);
	printf(" %6s", buf);
	figure_format(buf, f->base28, 2);
	printf(" %6s", buf);
	if (L->wide) {
		figure_format(buf, f->change, 2);
		printf(" %6s", buf);
		figure_format(buf, f->slope, 2);
		printf(" %6s", buf);
		figure_format(buf, f->rmssd, 2);
		printf(" %6s", buf);
	}
	fputs("  ", stdout);
	if (v->flags[s->id] == 0)
		fputs("-", stdout);
	for (i = 0, fl = 0; i < NFLAGS; i++) {
		if (!(v->flags[s->id] & flagdefs[i].bit))
			continue;
		if (fl++)
			putchar(',');
		if (L->colour)	/* red for a fall, yellow for the rest */
			fputs(flagdefs[i].severity > 1 ? "\033[1;31m" : "\033[33m", stdout);
		fputs(flagdefs[i].name, stdout);
		if (L->colour)
			fputs("\033[0m", stdout);
	}
	putchar('\n');
}

/*
 * -c: first what matters, in the words remind uses; then a row per
 * person and measure, the daily ones before those answered now and then,
 * fitted to the terminal: the marks take what the names and figures
 * leave, and a narrow terminal shows fewer figures.
 */
static void
chart(const struct view *v)
{
	const char *nc = getenv("NO_COLOR");
	struct layout L;
	size_t k, fl;
	int cols = columns(), marks, pass, any = 0, rows = 0, low = 0, usual = 0, textw = 0;
	double *cell;
	char d1[16], d2[16], line[512], flags[64];
	const struct series *s;

	memset(&L, 0, sizeof L);
	L.utf8 = utf8_locale();
	L.colour = isterm(1) && (nc == NULL || *nc == '\0');
	L.ww = 3;
	L.mw = 4;
	L.fw = 5;
	for (k = 0; k < v->m->ns; k++) {
		s = v->m->s[k];
		if (!shown(v, s))
			continue;
		rows++;
		if (width(s->p->who, s->p->wholen) > L.ww)
			L.ww = width(s->p->who, s->p->wholen);
		if (s->whatlen + (s->m->better < 0) > L.mw)
			L.mw = s->whatlen + (s->m->better < 0);
		if ((fl = flags_format(v->flags[s->id], flags)) > L.fw)
			L.fw = fl;
		low |= s->m->better < 0;
		usual |= has_usual(v, s);
		if (s->m->type == T_TEXT && (int)snprintf(line, sizeof line, "%d answers",
		    v->f[s->id].n) > textw)
			textw = (int)strlen(line);
	}
	if (rows == 0) {
		date_format(d2, v->asof);
		printf("No check-ins in the %d days to %s.\n", v->wdays, d2);
		return;
	}
	for (k = 0; k < v->al->n; k++)
		if (alert_chosen(v, &v->al->a[k]) && !said_by_gap(v->al, k)) {
			wrapped(v->al->a[k].why, cols - 1);
			any = 1;
		}
	if (v->al->n == 0 && rows > 0)
		wrapped(usual ? "Nothing stands out: each of you is within your own usual." :
		    "Too new to tell yet: the early warnings learn your usual from about "
		    "seven weeks of check-ins.", cols - 1);
	any |= rows > 0;
	showup_lines(v, cols);
	/* the marks take what is left; below about 110 columns, fewer figures */
	L.wide = cols >= 110;
	marks = cols - 1 - (int)(L.ww + 2 + L.mw + 2) - 5 - 7 * (L.wide ? 5 : 2) - 2 - (int)L.fw;
	if (marks < 8)
		marks = 8;
	if (marks > v->wdays)
		marks = v->wdays;
	L.per = (v->wdays + marks - 1) / marks;
	L.cells = (v->wdays + L.per - 1) / L.per;
	L.markw = L.cells > textw ? L.cells : textw;
	date_format(d1, v->first);
	date_format(d2, v->asof);
	if (any)
		putchar('\n');
	snprintf(line, sizeof line, "%d days from %s to %s, a mark for %d %s, taller for more%s. "
	    "last7: the mean of the last 7 days; base28: of the 28 before%s; flags: the "
	    "alerts that name the row (trend -a says why).", v->wdays, d1, d2, L.per,
	    L.per == 1 ? "day" : "days", !low ? "" : L.utf8 ?
	    "; a name with \xe2\x86\x93 after it: lower is better" :
	    "; a name with a - after it: lower is better", L.wide ? "; change: the difference; "
	    "slope: the change a week; rmssd: the usual swing from one day to the next" : "");
	wrapped(line, cols - 1);
	putchar('\n');
	fputs("who", stdout);
	pad(3, L.ww + 2);
	fputs("what", stdout);
	pad(4, L.mw + 2);
	pad(0, (size_t)L.markw);
	fputs(L.wide ? "    n  last7 base28 change  slope  rmssd  flags\n" :
	    "    n  last7 base28  flags\n", stdout);
	cell = xmalloc((size_t)L.cells * sizeof *cell);
	/* a person's daily measures, then the occasional ones */
	for (k = 0; k < v->m->ns; k++) {
		if (k > 0 && v->m->s[k]->p == v->m->s[k - 1]->p)
			continue;
		for (pass = 0; pass < 2; pass++) {
			size_t j;

			for (j = k; j < v->m->ns && v->m->s[j]->p == v->m->s[k]->p; j++)
				if (shown(v, v->m->s[j]) && occasional(v, v->m->s[j]) == pass)
					chart_row(v, v->m->s[j], &L, cell);
		}
	}
	free(cell);
}

/* s as XML character data or attribute text. */
static void
xml(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '&')
			fputs("&amp;", stdout);
		else if (c == '<')
			fputs("&lt;", stdout);
		else if (c == '>')
			fputs("&gt;", stdout);
		else if (c == '"')
			fputs("&quot;", stdout);
		else if (c == '\'')
			fputs("&#39;", stdout);
		else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			fputs("\xef\xbf\xbd", stdout);	/* not XML 1.0 */
		else if (c == 0xef && i + 2 < n && (unsigned char)s[i + 1] == 0xbf &&
		    ((unsigned char)s[i + 2] & 0xfe) == 0xbe) {
			fputs("\xef\xbf\xbd", stdout);	/* U+FFFE, U+FFFF: not XML */
			i += 2;
		} else
			putchar(c);
	}
}

#define SVG_W	760.0
#define HEAD_H	50.0		/* the picture's title and what a point is */
#define KEY_H	22.0		/* the key to the early-warning mark, when one is shown */
#define PLOT_L	56.0
#define PLOT_R	150.0		/* room for the legend on the right */
#define PLOT_H	126.0		/* a panel's plot */
#define TITLE_H	28.0		/* a panel's title line */
#define LINE_H	18.0		/* a line of a panel's caption */
#define AXIS_T	16.0		/* room above the plot for its top tick */
#define AXIS_B	36.0		/* below it: the dates, then the next panel */
#define WRAP	95		/* characters in a caption line, at 12.5 px */
#define LEGEND_CHARS	12	/* of a name in the legend, at 13 px */

/*
 * The early-warning mark: a soft amber band behind the panel with a solid
 * bar on its left; no partner's colour or dash, so it cannot be read as
 * a line.  Its words are dark brown.
 */
#define MARK_BG		"#fcefcf"
#define MARK_BAR	"#e3a21a"
#define MARK_INK	"#6b4300"

static const char *colours[] = { "#1f5fbf", "#c0392b", "#1e8449", "#7d3c98", "#00838f", "#333333" };
static const char *dashes[] = { "", "7 4", "2 3", "9 3 2 3", "12 4 2 4 2 4", "1 6" };

/* A point of a partner's line: the mean of days a..b, NAN without data. */
struct week {
	long	 a, b;
	int	 nd;		/* days with data */
	double	 mean;
};

static double
xof(const struct view *v, double day)
{
	return PLOT_L + (SVG_W - PLOT_L - PLOT_R) * (v->wdays > 1 ? day / (v->wdays - 1) : 0.5);
}

/*
 * One partner's marker at x, y, in black-and-white-safe shapes; a point
 * of fewer than 7 days is hollow and lighter.  The element is left open
 * for a title: the caller ends it, and gets its name.
 */
static const char *
marker(int p, double x, double y, const char *col, int partial)
{
	const char *fill = partial ? "white" : col;
	const char *op = partial ? " opacity=\"0.6\"" : "";

	switch (p % 3) {
	case 0:
		printf("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\" stroke=\"%s\" "
		    "stroke-width=\"1.3\"%s", x, y, fill, col, op);
		return "circle";
	case 1:
		printf("<rect x=\"%.1f\" y=\"%.1f\" width=\"5.5\" height=\"5.5\" fill=\"%s\" "
		    "stroke=\"%s\" stroke-width=\"1.3\"%s", x - 2.75, y - 2.75, fill, col, op);
		return "rect";
	default:
		printf("<path d=\"M%.1f %.1fl3.5 6h-7z\" fill=\"%s\" stroke=\"%s\" "
		    "stroke-width=\"1.1\" stroke-linejoin=\"round\"%s", x, y - 3.5, fill, col, op);
		return "path";
	}
}

/*
 * The means of s over 7 days at a time, the last 7 ending on the as-of
 * date (so the last point is the table's last7) and the first cut short
 * by the window when its days are not a multiple of 7; the number of
 * points.
 */
static int
weekly(const struct view *v, const struct series *s, struct week *w)
{
	long d;
	double sum, x;
	int k, nw = (v->wdays + 6) / 7;

	for (k = 0; k < nw; k++) {
		w[k].b = v->asof - 7L * (nw - 1 - k);
		w[k].a = w[k].b - 6 < v->first ? v->first : w[k].b - 6;
		sum = 0;
		w[k].nd = 0;
		for (d = w[k].a; d <= w[k].b; d++)
			if (!isnan(x = series_day(s, d))) {
				sum += x;
				w[k].nd++;
			}
		w[k].mean = w[k].nd > 0 ? sum / w[k].nd : NAN;
	}
	return nw;
}

/* A panel's series: the same couple and measure, partners in byte order. */
static int
panelcmp(const void *pa, const void *pb)
{
	const struct series *a = *(struct series *const *)pa;
	const struct series *b = *(struct series *const *)pb;
	int c = bytes_cmp(a->p->who, a->p->couple, b->p->who, b->p->couple);

	if (c)
		return c;
	c = bytes_cmp(a->what, a->whatlen, b->what, b->whatlen);
	return c ? c : series_cmp(pa, pb);
}

static int
samepanel(const struct series *a, const struct series *b)
{
	return a->p->couple == b->p->couple &&
	    memcmp(a->p->who, b->p->who, a->p->couple) == 0 &&
	    strcmp(a->what, b->what) == 0;
}

/*
 * s as lines of at most WRAP characters broken at spaces (a longer word
 * is cut), printed from x, y on when print; the number of lines.
 */
static int
wrap(const char *s, double x, double y, int bold, int print)
{
	const char *p = s, *e, *brk;
	int lines = 0, chars;

	for (;;) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			return lines;
		for (e = p, brk = NULL, chars = 0; *e != '\0' && chars < WRAP; chars++) {
			if (*e == ' ')
				brk = e;
			for (e++; ((unsigned char)*e & 0xc0) == 0x80; e++)
				;
		}
		if (*e == '\0' || *e == ' ' || brk == NULL)
			brk = e;
		if (print) {
			printf("<text class=\"why\" x=\"%.1f\" y=\"%.1f\" font-size=\"12.5\" "
			    "fill=\"%s\"%s>", x, y + LINE_H * lines, MARK_INK,
			    bold ? " font-weight=\"bold\"" : "");
			xml(p, (size_t)(brk - p));
			fputs("</text>\n", stdout);
		}
		lines++;
		p = brk;
	}
}

/* An alert in force belongs in the panel of s: -w and -m chose it and its
 * evidence holds the panel's couple and measure. */
static int
panel_has(const struct view *v, const struct alert *a, const struct series *s)
{
	int i;

	if (!alert_chosen(v, a))
		return 0;
	for (i = 0; i < a->nm; i++)
		if (samepanel(a->m[i], s))
			return 1;
	return 0;
}

/*
 * The panel's caption, from x, y on when print: the kinds of alert and
 * whose they are, then each alert's words; the number of lines.
 */
static int
panel_caption(const struct view *v, struct series *const *s, size_t n, double x, double y,
    int print)
{
	/* "flagged:" and, per partner and kind, " kind (who)," */
	char line[16 + 2 * NFLAGS * (16 + 64 + 4)];
	size_t k, j, o, cl = s[0]->p->couple;
	int i, lines = 0;

	o = (size_t)sprintf(line, "flagged:");
	for (k = 0; k < n; k++) {
		if (!shown(v, s[k]) || !v->flags[s[k]->id])
			continue;
		for (i = 0; i < NFLAGS; i++)
			if ((v->flags[s[k]->id] & flagdefs[i].bit) && o + 90 < sizeof line)
				o += (size_t)snprintf(line + o, sizeof line - o, "%s %s (%.*s)",
				    line[o - 1] == ':' ? "" : ",", flagdefs[i].name,
				    (int)(s[k]->p->wholen - (cl ? cl + 1 : 0)),
				    s[k]->p->who + (cl ? cl + 1 : 0));
	}
	if (line[o - 1] != ':')
		lines += wrap(line, x, y, 1, print);
	for (j = 0; j < v->al->n; j++) {
		if (!panel_has(v, &v->al->a[j], s[0]))
			continue;
		/* the two rows of a gap, or alerts that say the same, once */
		for (k = 0; k < j; k++)
			if (panel_has(v, &v->al->a[k], s[0]) &&
			    strcmp(v->al->a[k].why, v->al->a[j].why) == 0)
				break;
		if (k == j && !said_by_gap(v->al, j))
			lines += wrap(v->al->a[j].why, x, y + LINE_H * lines, 0, print);
	}
	return lines;
}

/* The height of the panel of s[0..n), its caption included. */
static double
panel_height(const struct view *v, struct series *const *s, size_t n)
{
	return TITLE_H + LINE_H * panel_caption(v, s, n, 0, 0, 0) + AXIS_T + PLOT_H + AXIS_B;
}

/*
 * The panel's mark when it has an early warning, and its title: the
 * measure in words, its id small beside it and which way is better when
 * that is low.
 */
static void
panel_title(const struct view *v, struct series *const *s, size_t n, double top, double h)
{
	const struct measure *m = s[0]->m;
	const char *label = measure_label(m), *sep;
	size_t cl = s[0]->p->couple;

	fputs("<g>\n", stdout);
	if (panel_caption(v, s, n, 0, 0, 0) > 0)
		printf("<rect class=\"mark\" x=\"0\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
		    "fill=\"%s\"/><rect x=\"0\" y=\"%.1f\" width=\"6\" height=\"%.1f\" fill=\"%s\"/>\n",
		    top, SVG_W, h - 10, MARK_BG, top, h - 10, MARK_BAR);
	printf("<text class=\"tt\" x=\"%.1f\" y=\"%.1f\" font-size=\"16\">"
	    "<tspan font-weight=\"bold\">", PLOT_L, top + 20);
	if (cl > 0) {
		xml(s[0]->p->who, cl);
		fputs(": ", stdout);
	}
	xml(label, strlen(label));
	fputs("</tspan>", stdout);
	sep = "";
	if (strcmp(label, s[0]->what) != 0 || m->better < 0 || m->type == T_YESNO ||
	    m->type == T_TEXT) {
		fputs("<tspan class=\"id\" dx=\"8\" font-size=\"12\" fill=\"#555555\">", stdout);
		if (strcmp(label, s[0]->what) != 0) {
			xml(s[0]->what, s[0]->whatlen);
			sep = ", ";
		}
		if (m->type == T_YESNO || m->type == T_TEXT) {
			printf("%s%s", sep, m->type == T_YESNO ? "share of days with yes" :
			    "1: written that week");
			sep = ", ";
		}
		if (m->better < 0 && m->type != T_TEXT)
			printf("%slower is better", sep);
		fputs("</tspan>", stdout);
	}
	fputs("</text>\n", stdout);
}

/* A round step for the y ticks of lo..hi; whole numbers for what is counted. */
static double
tickstep(const struct measure *m, double lo, double hi)
{
	double step;

	if (m->type == T_YESNO)
		return 0.25;
	step = pow(10, floor(log10((hi - lo) / 4)));
	if ((hi - lo) / step > 8)
		step *= (hi - lo) / step > 16 ? 5 : 2;
	if (step < 1 && m->type != T_YESNO)
		step = 1;
	return step;
}

/* Axes, y ticks at a round step, x ticks at Mondays, months or years. */
static void
panel_axes(const struct view *v, const struct measure *m, double lo, double hi, double y0,
    double y1)
{
	double step, t, x, y;
	char date[16];
	long d, yy;
	int ticks, mo, dd, nd = 0;

	printf("<path d=\"M%.1f %.1fV%.1fH%.1f\" fill=\"none\" stroke=\"black\"/>\n",
	    PLOT_L, y0, y1, SVG_W - PLOT_R);
	step = tickstep(m, lo, hi);
	for (t = ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
		y = y1 - (t - lo) / (hi - lo) * (y1 - y0);
		printf("<path d=\"M%.1f %.1fH%.1f\" stroke=\"#d8d8d8\"/>"
		    "<text class=\"tk\" x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">",
		    PLOT_L, y, SVG_W - PLOT_R, PLOT_L - 5, y + 4);
		if (m->type == T_YESNO)
			printf("%g%%</text>\n", fabs(t) < 1e-9 ? 0 : 100 * t);
		else
			printf("%g</text>\n", fabs(t) < step * 1e-9 ? 0 : t);
	}
	ticks = v->wdays <= 63 ? 'w' : v->wdays <= 400 ? 'm' : 'y';
	for (d = v->first; d <= v->asof; d++) {
		civil_from_days(d, &yy, &mo, &dd);
		if (ticks == 'w' ? weekday(d) != 0 : ticks == 'm' ? dd != 1 :
		    (dd != 1 || mo != 1))
			continue;
		x = xof(v, (double)(d - v->first));
		date_format(date, d);
		/* every other date goes when the window is narrow (the style) */
		printf("<path d=\"M%.1f %.1fv4\" stroke=\"black\"/>"
		    "<text class=\"tk dt%s\" x=\"%.1f\" y=\"%.1f\" font-size=\"11\" "
		    "text-anchor=\"middle\">%s</text>\n",
		    x, y1, nd++ % 2 ? " alt" : "", x, y1 + 16, date);
	}
}

/* " stroke-dasharray=..." for partner p's line, or "" */
static void
dash(size_t p)
{
	if (*dashes[p % 6])
		printf(" stroke-dasharray=\"%s\"", dashes[p % 6]);
}

/*
 * Partner p's line through the means of 7 days, broken where they have
 * no data and lighter to a point of fewer days, the points as markers
 * (each says its days and mean when pointed at), and p in the legend.
 */
static void
panel_line(const struct view *v, const struct series *s, size_t p, double lo, double hi,
    double y0, double y1)
{
	static struct week w[MAXDAYS / 7 + 2];
	size_t cl = s->p->couple;
	const char *col = colours[p % 6];
	char d1[16], d2[16], fig[32];
	const char *el, *name;
	size_t k, nlen;
	double y;
	int i, nw, pen;

#define PX(i)	xof(v, (double)(w[i].a + w[i].b) / 2 - (double)v->first)
#define PY(i)	(y1 - (w[i].mean - lo) / (hi - lo) * (y1 - y0))
#define FULL(i)	(w[i].b - w[i].a == 6)
	nw = weekly(v, s, w);
	printf("<path fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\"", col);
	dash(p);
	fputs(" d=\"", stdout);
	for (i = 0, pen = 0; i < nw; i++) {
		if (isnan(w[i].mean) || !FULL(i)) {
			pen = 0;
			continue;
		}
		printf("%s%.1f %.1f", pen ? "L" : "M", PX(i), PY(i));
		pen = 1;
	}
	fputs("\"/>\n", stdout);
	for (i = 0; i + 1 < nw; i++)
		if (!isnan(w[i].mean) && !isnan(w[i + 1].mean) && (!FULL(i) || !FULL(i + 1))) {
			printf("<path fill=\"none\" stroke=\"%s\" stroke-width=\"1.4\" "
			    "stroke-opacity=\"0.45\"", col);
			dash(p);
			printf(" d=\"M%.1f %.1fL%.1f %.1f\"/>\n", PX(i), PY(i), PX(i + 1), PY(i + 1));
		}
	for (i = 0; i < nw; i++) {
		if (isnan(w[i].mean))
			continue;
		date_format(d1, w[i].a);
		date_format(d2, w[i].b);
		figure_format(fig, w[i].mean, 2);
		el = marker((int)p, PX(i), PY(i), col, !FULL(i));
		fputs("><title>", stdout);
		xml(s->p->who + (cl ? cl + 1 : 0), s->p->wholen - (cl ? cl + 1 : 0));
		printf(", %s to %s: %s (%d day%s)</title></%s>\n", d1, d2, fig, w[i].nd,
		    w[i].nd == 1 ? "" : "s", el);
	}
#undef PX
#undef PY
#undef FULL
	y = y0 + 6 + 22.0 * (double)p;
	printf("<path d=\"M%.1f %.1fh26\" stroke=\"%s\" stroke-width=\"1.8\"",
	    SVG_W - PLOT_R + 12, y, col);
	dash(p);
	fputs("/>", stdout);
	marker((int)p, SVG_W - PLOT_R + 25, y, col, 0);
	fputs("/>", stdout);
	/* a long name is cut to what the room holds; all of it when pointed at */
	printf("<text class=\"lg\" x=\"%.1f\" y=\"%.1f\" font-size=\"13\">",
	    SVG_W - PLOT_R + 44, y + 4.5);
	name = s->p->who + (cl ? cl + 1 : 0);
	nlen = s->p->wholen - (cl ? cl + 1 : 0);
	if (width(name, nlen) <= LEGEND_CHARS)
		xml(name, nlen);
	else {
		fputs("<title>", stdout);
		xml(name, nlen);
		fputs("</title>", stdout);
		for (i = 0, k = 0; k < nlen; k++)
			if (((unsigned char)name[k] & 0xc0) != 0x80 && ++i == LEGEND_CHARS)
				break;
		xml(name, k);
		fputs("\xe2\x80\xa6", stdout);	/* U+2026 */
	}
	fputs("</text>\n", stdout);
}

/*
 * The scale of a panel: the measure's range for a scale or yes/no,
 * else from 0 to the highest point, rounded up to a tick; what is
 * counted or timed has no useful top (1440 minutes squash an hour).
 */
static void
panel_scale(const struct view *v, struct series *const *s, size_t n, double *lo, double *hi)
{
	static struct week w[MAXDAYS / 7 + 2];
	const struct measure *m = s[0]->m;
	double mm[2] = { INFINITY, -INFINITY }, step;
	size_t k;
	int i, nw;

	for (k = 0; k < n; k++) {
		if (!shown(v, s[k]))
			continue;
		nw = weekly(v, s[k], w);
		for (i = 0; i < nw; i++)
			if (!isnan(w[i].mean)) {
				mm[0] = w[i].mean < mm[0] ? w[i].mean : mm[0];
				mm[1] = w[i].mean > mm[1] ? w[i].mean : mm[1];
			}
	}
	if (m->type == T_COUNT || m->type == T_MINUTES || m->type == T_TEXT ||
	    measure_range(m) <= 0) {
		*lo = mm[0] < 0 ? mm[0] : 0;
		*hi = mm[1] > *lo ? mm[1] : *lo + 1;
		step = tickstep(m, *lo, *hi);
		*lo = floor(*lo / step) * step;
		*hi = ceil(*hi / step - 1e-9) * step;
		if (*hi <= *lo)
			*hi = *lo + step;
	} else
		scale(m, mm, 2, lo, hi);
}

/* One couple's one measure at top, h high: s[0..n), the shown ones drawn. */
static void
panel(const struct view *v, struct series *const *s, size_t n, double top, double h)
{
	double lo, hi, y0, y1;
	size_t k, p;
	int lines;

	panel_scale(v, s, n, &lo, &hi);
	panel_title(v, s, n, top, h);
	lines = panel_caption(v, s, n, PLOT_L, top + TITLE_H + 8, 1);
	y0 = top + TITLE_H + LINE_H * lines + AXIS_T;
	y1 = y0 + PLOT_H;
	panel_axes(v, s[0]->m, lo, hi, y0, y1);
	for (k = 0, p = 0; k < n; k++)
		if (shown(v, s[k]))
			panel_line(v, s[k], p++, lo, hi, y0, y1);
	fputs("</g>\n", stdout);
}

/*
 * One panel per measure of each couple (with one couple, one panel per
 * measure), a line per partner; only the rows chosen are drawn.  The
 * picture is 760 wide and shrinks with a narrower window.
 */
static void
svg(const struct view *v)
{
	struct series **s = xmalloc((v->m->ns + 1) * sizeof *s);
	size_t i, j, n = v->m->ns, np = 0;
	double h, top, *ph = xmalloc((v->m->ns + 1) * sizeof *ph);
	char d1[16], d2[16];
	int sel, marked = 0;

	memcpy(s, v->m->s, n * sizeof *s);
	if (n > 1)
		qsort(s, n, sizeof *s, panelcmp);
	h = 0;
	for (i = 0; i < n; i = j) {
		for (sel = 0, j = i; j < n && samepanel(s[i], s[j]); j++)
			sel |= shown(v, s[j]);
		ph[i] = sel ? panel_height(v, s + i, j - i) : 0;
		np += sel;
		h += ph[i];
		marked |= sel && panel_caption(v, s + i, j - i, 0, 0, 0) > 0;
	}
	top = HEAD_H + (marked ? KEY_H : 0);
	h += top + (np ? 0 : 40);
	date_format(d1, v->first);
	date_format(d2, v->asof);
	printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
	    "viewBox=\"0 0 %.0f %.0f\" style=\"max-width:100%%;height:auto\" "
	    "font-family=\"sans-serif\">\n"
	    "<title>hearth trend, %s to %s</title>\n"
	    /* on a phone's width: fewer dates, larger words */
	    "<style>@media (max-width: 560px) { .alt { display: none } "
	    ".tk { font-size: 18px } .dt { transform: translateY(5px) } .lg { font-size: 20px } .tt { font-size: 21px } "
	    ".id { font-size: 15px } .why, .key { font-size: 16px } .hd { font-size: 14px } "
	    ".h1 { font-size: 20px } }</style>\n"
	    "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
	    "<text class=\"h1\" x=\"%.1f\" y=\"24\" font-size=\"17\">"
	    "Weekly means, %s to %s (%d days)</text>\n",
	    SVG_W, h, SVG_W, h, d1, d2, PLOT_L, d1, d2, v->wdays);
	printf("<text class=\"hd\" x=\"%.1f\" y=\"42\" font-size=\"12\" fill=\"#555555\">"
	    "A point: the mean of 7 days, the last 7 to %s as in trend&#39;s last7%s</text>\n",
	    PLOT_L, d2, v->wdays % 7 ? "; hollow: fewer days" : "");
	if (marked)
		printf("<rect x=\"%.1f\" y=\"%.1f\" width=\"26\" height=\"14\" fill=\"%s\"/>"
		    "<rect x=\"%.1f\" y=\"%.1f\" width=\"5\" height=\"14\" fill=\"%s\"/>"
		    "<text class=\"key\" x=\"%.1f\" y=\"%.1f\" font-size=\"12.5\" fill=\"%s\">"
		    "marked: an early warning, its words in the panel; see trend -a</text>\n",
		    PLOT_L, HEAD_H + 1, MARK_BG, PLOT_L, HEAD_H + 1, MARK_BAR,
		    PLOT_L + 34, HEAD_H + 12.5, MARK_INK);
	if (np == 0)
		printf("<text x=\"%.1f\" y=\"%.1f\" font-size=\"13\">No data in the window.</text>\n",
		    PLOT_L, top + 20);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && samepanel(s[i], s[j]); j++)
			;
		if (ph[i] > 0) {
			panel(v, s + i, j - i, top, ph[i]);
			top += ph[i];
		}
	}
	fputs("</svg>\n", stdout);
	free(ph);
	free(s);
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
	char **files, *e;
	const char *why, *dopt = NULL;
	long n;
	int c, mode = 0, rc = 0;

	setprogname(argv[0]);
	if (argc > 1 && strcmp(argv[1], "--version") == 0)
		version();
	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		usage(stdout, 0);
	memset(&v, 0, sizeof v);
	v.wdays = 90;
	v.bucket = 'd';
	opterr = 0;	/* our own words, and the program's name, not its path */
	while ((c = getopt(argc, argv, ":acgsb:d:n:w:m:h")) != -1) {
		switch (c) {
		case 'a':
		case 'c':
		case 'g':
		case 's':
			if (mode && mode != c) {
				warnx_("-a, -c, -g and -s do not go together");
				usage(stderr, 2);
			}
			mode = c;
			break;
		case 'b':
			if (strcmp(optarg, "day") == 0 || strcmp(optarg, "week") == 0 ||
			    strcmp(optarg, "month") == 0)
				v.bucket = optarg[0];
			else {
				warnx_("-b takes day, week or month, not \"%s\"",
				    vis(optarg, strlen(optarg)));
				usage(stderr, 2);
			}
			break;
		case 'd':
			dopt = optarg;
			break;
		case 'n':
			errno = 0;
			n = strtol(optarg, &e, 10);
			if (*optarg < '0' || *optarg > '9' || *e != '\0' || errno ||
			    n < 1 || n > MAXDAYS) {
				warnx_("-n takes a number of days from 1 to %d, not \"%s\"",
				    MAXDAYS, vis(optarg, strlen(optarg)));
				usage(stderr, 2);
			}
			v.wdays = (int)n;
			break;
		case 'w':
			addlist(&v.who, &v.nwho, optarg, 'w');
			break;
		case 'm':
			addlist(&v.what, &v.nwhat, optarg, 'm');
			break;
		case 'h':
			usage(stdout, 0);
			break;
		default:
			optfail(c);
			usage(stderr, 2);
		}
	}
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
	if (mode == 'c')
		pauses_load();
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
	switch (mode) {
	case 'a':
		alertsout(&v);
		break;
	case 's':
		seriesout(&v);
		break;
	case 'c':
		chart(&v);
		break;
	case 'g':
		svg(&v);
		break;
	default:
		report(&v);
	}
	rc |= fshut(stdout, "stdout");
	free(f);
	free(flags);
	alerts_free(&al);
	free(v.who);
	free(v.what);
	model_free(&m);
	bank_free(&bank);
	free(pauses);
	return rc;
}
