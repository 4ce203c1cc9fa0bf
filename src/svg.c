/*
 * svg.c - trend -g: a self-contained SVG, a panel per measure of each
 * couple, a line per partner through the means of 7 days ending on the
 * as-of date, the early warnings marked and said in words.  Every byte of
 * user text goes out XML-escaped; nothing refers outside the picture.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "view.h"

static void
xml(const char *s, size_t n)
{
	xml_escape(stdout, s, n);
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
			e += u8_prefix(e, strlen(e), 1);
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
	size_t nlen;
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
	if (u8_chars(name, nlen) <= LEGEND_CHARS)
		xml(name, nlen);
	else {
		fputs("<title>", stdout);
		xml(name, nlen);
		fputs("</title>", stdout);
		xml(name, u8_prefix(name, nlen, LEGEND_CHARS - 1));
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
void
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

