/*
 * chart.c - trend -c: what matters first, in words, then how each of you
 * has been showing up, a legend, and a row per person and measure with a
 * sparkline over the window and the figures, fitted to the terminal.
 * Names reach the terminal only through putsafe().
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "view.h"
#include "rules.h"

/*
 * remind's rules (rules.h), for their pauses: days a couple chose to be
 * elsewhere, which showing up does not count.  Read as remind reads them,
 * but a bad line is left aside unsaid: remind(1) names it.
 */
static struct rules pauses;

/* Print s, wrapped at spaces to w columns, and a newline. */
static void
wrapped(const char *s, int w)
{
	struct wrap how = { NULL, 0, 0, NULL, 0, 0, 0 };

	how.f = stdout;
	how.cols = w;
	text_wrap(&how, "", s);
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
		model_showup(v->m, c, v->asof, rules_paused_at, &pauses, &su);
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
	pad(text_cols(s->p->who, s->p->wholen), L->ww + 2);
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

/* The widths of the rows shown, and whether any is lower-is-better or has a usual. */
static int
measure_rows(const struct view *v, struct layout *L, int *low, int *usual, int *textw)
{
	const struct series *s;
	char buf[64];
	size_t k, fl;
	int rows = 0;

	L->ww = 3;
	L->mw = 4;
	L->fw = 5;
	for (k = 0; k < v->m->ns; k++) {
		s = v->m->s[k];
		if (!shown(v, s))
			continue;
		rows++;
		if (text_cols(s->p->who, s->p->wholen) > L->ww)
			L->ww = text_cols(s->p->who, s->p->wholen);
		if (s->whatlen + (s->m->better < 0) > L->mw)
			L->mw = s->whatlen + (s->m->better < 0);
		if ((fl = flags_format(v->flags[s->id], buf)) > L->fw)
			L->fw = fl;
		*low |= s->m->better < 0;
		*usual |= series_has_usual(s, v->asof);
		if (s->m->type == T_TEXT && snprintf(buf, sizeof buf, "%d answers",
		    v->f[s->id].n) > *textw)
			*textw = (int)strlen(buf);
	}
	return rows;
}

/* The alerts' words, or that nothing stands out; then showing up. */
static void
summary(const struct view *v, int cols, int usual)
{
	size_t k;

	for (k = 0; k < v->al->n; k++)
		if (alert_chosen(v, &v->al->a[k]) && !said_by_gap(v->al, k))
			wrapped(v->al->a[k].why, cols - 1);
	if (v->al->n == 0)
		wrapped(usual ? "Nothing stands out: each of you is within your own usual." :
		    "Too new to tell yet: the early warnings learn your usual from about "
		    "seven weeks of check-ins.", cols - 1);
	showup_lines(v, cols);
}

/* The legend in words, between blank lines, and the header. */
static void
legend(const struct view *v, const struct layout *L, int cols, int low)
{
	char d1[16], d2[16], line[512];

	date_format(d1, v->first);
	date_format(d2, v->asof);
	snprintf(line, sizeof line, "%d days from %s to %s, a mark for %d %s, taller for more%s. "
	    "last7: the mean of the last 7 days; base28: of the 28 before%s; flags: the "
	    "alerts that name the row (trend -a says why).", v->wdays, d1, d2, L->per,
	    L->per == 1 ? "day" : "days", !low ? "" : L->utf8 ?
	    "; a name with \xe2\x86\x93 after it: lower is better" :
	    "; a name with a - after it: lower is better", L->wide ? "; change: the difference; "
	    "slope: the change a week; rmssd: the usual swing from one day to the next" : "");
	putchar('\n');
	wrapped(line, cols - 1);
	putchar('\n');
	fputs("who", stdout);
	pad(3, L->ww + 2);
	fputs("what", stdout);
	pad(4, L->mw + 2);
	pad(0, (size_t)L->markw);
	fputs(L->wide ? "    n  last7 base28 change  slope  rmssd  flags\n" :
	    "    n  last7 base28  flags\n", stdout);
}

/*
 * -c: first what matters, in the words remind uses; then a row per
 * person and measure, the daily ones before those answered now and then,
 * fitted to the terminal: the marks take what the names and figures
 * leave, and a narrow terminal shows fewer figures.
 */
void
chart(const struct view *v)
{
	struct rules_how how;
	struct layout L;
	size_t k, j;
	int cols = term_cols(1), marks, pass, low = 0, usual = 0, textw = 0;
	double *cell;
	char d2[16];

	memset(&L, 0, sizeof L);
	L.utf8 = utf8_locale();
	L.colour = colour_ok(1);
	if (measure_rows(v, &L, &low, &usual, &textw) == 0) {
		/* what went wrong is said already: "no check-ins" would not be true */
		if (v->failed)
			return;
		date_format(d2, v->asof);
		printf("No check-ins in the %d days to %s.\n", v->wdays, d2);
		return;
	}
	memset(&how, 0, sizeof how);
	how.bank = v->m->bank;
	rules_load(&pauses, NULL, &how);
	summary(v, cols, usual);
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
	legend(v, &L, cols, low);
	cell = xmalloc((size_t)L.cells * sizeof *cell);
	/* a person's daily measures, then the occasional ones */
	for (k = 0; k < v->m->ns; k++) {
		if (k > 0 && v->m->s[k]->p == v->m->s[k - 1]->p)
			continue;
		for (pass = 0; pass < 2; pass++)
			for (j = k; j < v->m->ns && v->m->s[j]->p == v->m->s[k]->p; j++)
				if (shown(v, v->m->s[j]) && occasional(v, v->m->s[j]) == pass)
					chart_row(v, v->m->s[j], &L, cell);
	}
	free(cell);
	rules_free(&pauses);
}

