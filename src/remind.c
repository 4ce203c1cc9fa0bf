/*
 * remind - from cron: say what needs attention today, and nothing else.
 *
 * It reads the rules (-f, else $XDG_CONFIG_HOME/hearth/remind.tsv, else a
 * built-in set) and the journal once, then prints each reminder due on the
 * day as "date<TAB>kind:line<TAB>message", rules in file order and, within
 * a trend rule, people and measures in byte order.  When nothing is due
 * it prints nothing at all, so cron mails only when there is something to
 * say.
 *
 * The rules are read by rules.c, where each kind of rule is a row of one
 * table with its parser; here each kind has a function, due[], that says
 * on the day whether a rule of it is due and what fills its message.
 *
 * Invariants:
 *
 * - A rules file with one bad line sends no reminder: every bad line is
 *   named as file:line and remind exits 1.  Rules are data; nothing in
 *   them is ever executed, and their text and everything from the journal
 *   goes out through putsafe(), so no control character reaches cron's
 *   mail or a terminal raw.
 * - Stateless: a trend rule's "first day" and "every 7th day" are found
 *   from the alerts as of each earlier day (alert_due() in alerts.c), all
 *   from one reading of the journal (series.c).  Running remind twice, or
 *   for a day in the past, says the same thing.
 * - Alerts and figures come from alerts.c and stats.c over the model,
 *   as trend(1)'s do, so a reminder never disagrees with trend.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules.h"
#include "series.h"
#include "stats.h"
#include "alerts.h"

#define WINDOW	90		/* trend's default analysis window */
#define IDLE	3		/* days without a check-in that silence since and target */

static struct bank bank;
static struct model model;
static struct rules rules;
static const char *who;			/* -w */
static long today;
static int plain;			/* -p: the message alone */
static int listing;			/* -l */
static struct figures *figs;		/* of every series as of today */
static struct history **hist;		/* each couple's alerts, today and before; NULL until asked */
static struct history calm;		/* hist[c] of a couple with no alert today */
static struct showup showup;		/* of the couple of -w, else the first */
static long newest = NOWHEN;		/* the newest check-in (the -w partner's) */
static size_t reading, newest_in;	/* the journal being read; the one that holds newest */
static char *journal;			/* {journal}: the journal read, as one would type it */

static void
usage(FILE *f, int status)
{
	fprintf(f, "usage: %s [-p] [-f rules] [-d date] [-w who] [file ...]\n"
	    "       %s -l [-f rules] [-w who]\n", progname, progname);
	if (f == stdout)
		exit(fshut(stdout, "stdout"));
	exit(status);
}

/*
 * A message of remind's own, as warnx_() says it; but on a terminal whose
 * width is known (term_window()) it is wrapped between words to fit, the lines after the
 * first indented by one, so that no word of it is cut at the edge.
 */
static void
warnw(const char *fmt, ...)
{
	struct wrap how = { NULL, 0, 1, NULL, 0, 0, 0 };
	char msg[2048], lead[64];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if ((how.cols = term_window(2)) == 0) {
		warnx_("%s", msg);
		return;
	}
	snprintf(lead, sizeof lead, "%s: ", progname);
	how.f = stderr;
	how.cols--;		/* the last column would wrap some terminals */
	fflush(stdout);
	text_wrap(&how, lead, msg);
	fputc('\n', stderr);
}

/*
 * No journal named and standard input a terminal, with no
 * $HEARTH_JOURNAL: journal_args() would say how to name one in a line of
 * 82 columns.  The same advice, said here so that it can fit the terminal.
 */
static void
which_journal(int argc)
{
	const char *j = getenv("HEARTH_JOURNAL");

	if (argc == 0 && isatty(0) && (j == NULL || *j == '\0')) {
		warnw("which journal? name it, as in \"%s journal.tsv\", or set "
		    "HEARTH_JOURNAL", progname);
		exit(2);
	}
}

/* A byte a shell takes as it is, in a word that is not the first. */
static int
plain_byte(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	    (c != '\0' && strchr("_-./+,:@%=", c) != NULL);
}

/*
 * {journal}: the journal remind read, as its reader would type it into
 * a shell, wherever that shell is (a cron mail is read in the home
 * directory): a path in full, with ~/ for one under $HOME, quoted where
 * it needs to be; $HEARTH_JOURNAL when that is what was read, or when
 * the records came on standard input and it is set; "your journal" when
 * nothing says which.  Of several journals, the one that holds the -w
 * partner's newest record, else the first.
 */
static char *
journal_typed(char **files, int named)
{
	const char *f = files[named && who != NULL ? newest_in : 0];
	const char *e = getenv("HEARTH_JOURNAL");
	char *abs, *w;
	size_t hn;

	if (!named || strcmp(f, "-") == 0) {
		if (e == NULL || *e == '\0')
			return xstrdup("your journal");
		for (hn = 0; e[hn] != '\0' && plain_byte((unsigned char)e[hn]); hn++)
			;
		return xstrdup(e[hn] == '\0' ? "$HEARTH_JOURNAL" : "\"$HEARTH_JOURNAL\"");
	}
	abs = absolute(f);
	w = xstrdup(path_shown(abs));
	free(abs);
	return w;
}

static const char *
prompt(void)
{
	static const char *p;

	if (p == NULL && (p = starter_of_day(&bank, NULL, today, hearth_seed())) == NULL)
		p = "";
	return p;
}

static void
say(const struct rule *r, struct fill *fl)
{
	const char *msg;
	char d[16];

	if (fl->date == NOWHEN)
		fl->date = today;
	if (fl->who == NULL)
		fl->who = who != NULL ? who : "";
	if (fl->what == NULL)
		fl->what = r->what;
	fl->prompt = strstr(r->msg, "{prompt}") ? prompt() : "";
	fl->journal = journal != NULL ? journal : "";
	fl->both7 = showup.both7;
	fl->both30 = showup.both30;
	fl->run = showup.run;
	msg = rules_say(&rules, r, fl);
	date_format(d, today);
	if (!plain)
		printf("%s\t%s:%lu\t", d, r->kind->name, r->line);
	putsafe(stdout, msg, strlen(msg));
	putchar('\n');
}

static void
blank(struct fill *fl)
{
	memset(fl, 0, sizeof *fl);
	fl->date = NOWHEN;
}

static void
due_every(const struct rule *r)
{
	struct fill fl;
	long y;
	int m, d, last, yes = 0;

	switch (r->every) {
	case E_DAILY:
		yes = 1;
		break;
	case E_WEEKDAYS:
		yes = (r->wdays >> weekday(today)) & 1;
		break;
	case E_MONTHLY:
		civil_from_days(today, &y, &m, &d);
		last = month_days(y, m);
		yes = d == (r->mday < last ? r->mday : last);
		break;
	case E_INTERVAL:
		yes = today >= r->day && (today - r->day) % r->step == 0;
		break;
	}
	if (yes) {
		blank(&fl);
		say(r, &fl);
	}
}

static void
due_since(const struct rule *r)
{
	struct fill fl;

	/* nobody has checked in for days: one word about that (quiet) beats
	 * a nudge that assumes they did */
	if (!r->logged || newest == NOWHEN || today - newest >= IDLE)
		return;
	blank(&fl);
	fl.days = today - (r->newest != NOWHEN ? r->newest : r->oldest);
	if (fl.days >= r->step)
		say(r, &fl);
}

static void
due_target(const struct rule *r)
{
	struct fill fl;

	/* below the target, forgiving rounding in the last bits */
	if (!r->logged || newest == NOWHEN || today - newest >= IDLE ||
	    r->sum >= r->x - 1e-9 * (r->x > 1 ? r->x : 1))
		return;
	blank(&fl);
	fl.sum = r->sum;
	fl.target = r->x;
	say(r, &fl);
}

static void
due_date(const struct rule *r)
{
	struct fill fl;

	if (today <= r->day && r->day - today <= r->step) {
		blank(&fl);
		fl.days = r->day - today;
		fl.date = r->day;
		say(r, &fl);
	}
}

static void
due_yearly(const struct rule *r)
{
	struct fill fl;
	long y, y0;
	int m, d, m0, d0;

	civil_from_days(today, &y, &m, &d);
	civil_from_days(r->day, &y0, &m0, &d0);
	if (y > y0 && m == m0 && (d == d0 || (m0 == 2 && d0 == 29 &&
	    d == 28 && month_days(y, 2) == 28))) {
		blank(&fl);
		fl.years = y - y0;
		fl.date = r->day;
		say(r, &fl);
	}
}

static void
due_pause(const struct rule *r)
{
	struct fill fl;

	if (today == r->day) {
		blank(&fl);
		fl.days = r->day2 - r->day + 1;
		fl.date = r->day2;
		say(r, &fl);
	}
}

static int
couple_has(size_t c, const char *w)
{
	size_t i;

	for (i = model.couple[c]; i < model.couple[c + 1]; i++)
		if (strcmp(model.p[i]->who, w) == 0)
			return 1;
	return 0;
}

/* Does rule r address alert a: its kind, its measure or pillar, the -w partner. */
static int
addresses(const struct rule *r, const struct alert *a)
{
	if (!(r->flag & a->kind))
		return 0;
	if (r->pillar != P_NONE && a->pillar != r->pillar)
		return 0;
	if (r->what[0] != '\0' && !alert_names(a, r->what))
		return 0;
	return who == NULL || strcmp(a->p->who, who) == 0 ||
	    (a->other != NULL && strcmp(a->other->who, who) == 0);
}

/* The figures of the measure a rule names, else of the alert's first. */
static const struct figures *
figures_for(const struct rule *r, const struct alert *a)
{
	int i;

	for (i = 0; i < a->nm; i++)
		if (r->what[0] == '\0' || strcmp(a->m[i]->what, r->what) == 0)
			return &figs[a->m[i]->id];
	return NULL;
}

/*
 * One fall is one word: a gap is the drop or decline of one partner seen
 * beside the other, and when an earlier rule said one of them today, a
 * later one does not say the other (alert_event()).  What was said is
 * kept by person, so that a couple of thousands of people (names without
 * a '/') costs no more to check than thousands of couples.
 */
struct said {
	const struct person *p;		/* the key */
	const struct alert *a;
	struct said *next;		/* the person's other alerts said */
	struct said *all;		/* every one, to free */
};
static struct table spoken;		/* person -> their alerts said today */
static struct said *said_all;

static int
told(const struct alert *a)
{
	const struct said *s;

	for (s = table_get(&spoken, (const char *)&a->p, sizeof a->p); s != NULL; s = s->next)
		if (alert_event(s->a, a))
			return 1;
	return 0;
}

static void
tell(const struct alert *a)
{
	struct said *s = xmalloc(sizeof *s);

	s->p = a->p;
	s->a = a;
	s->next = table_get(&spoken, (const char *)&s->p, sizeof s->p);
	s->all = said_all;
	said_all = s;
	table_put(&spoken, (const char *)&s->p, sizeof s->p, s);
}

/*
 * Couple c's alerts today and before, worked out when first asked; NULL
 * when it has none today (then only that is kept: a journal of many
 * couples, most of them calm, holds no history for each).
 */
static struct history *
history_of(size_t c)
{
	struct history *h;

	if (hist == NULL) {
		hist = xmalloc((model.nc + 1) * sizeof *hist);
		memset(hist, 0, (model.nc + 1) * sizeof *hist);
	}
	if (hist[c] == NULL) {
		h = xmalloc(sizeof *h);
		history_init(h, &model, c, today);
		if (history_day(h, 0)->n == 0) {
			history_free(h);
			free(h);
			h = &calm;
		}
		hist[c] = h;
	}
	return hist[c] != &calm ? hist[c] : NULL;
}

/*
 * A trend rule speaks once for each alert it addresses, on the first day
 * the alert is in force and every 7th day after, or on the first day
 * after a pause it lasted through (alert_due()): an alert, not a nudge.
 */
static void
due_trend(const struct rule *r)
{
	const struct alerts *today_al;
	const struct figures *f;
	const struct alert *a;
	struct history *h;
	struct fill fl;
	size_t c, i;

	for (c = 0; c < model.nc; c++) {
		/* with -w, only that partner's couple can be addressed */
		if ((who != NULL && !couple_has(c, who)) || (h = history_of(c)) == NULL)
			continue;
		today_al = history_day(h, 0);
		for (i = 0; i < today_al->n; i++) {
			a = &today_al->a[i];
			if (!addresses(r, a) || told(a) || !alert_due(h, a, rules_paused_at, &rules))
				continue;
			tell(a);
			blank(&fl);
			fl.days = today - a->since;
			fl.since = a->since;
			fl.why = a->why;
			fl.who = short_name(a->p);
			fl.what = a->pillar != P_NONE ? pillar_label(a->pillar) :
			    a->nm > 0 ? measure_label(a->m[0]->m) : "";
			fl.last7 = fl.base28 = fl.change = NAN;
			if ((f = figures_for(r, a)) != NULL) {
				fl.last7 = f->last7;
				fl.base28 = f->base28;
				fl.change = f->change;
			}
			say(r, &fl);
		}
	}
}

static void
forget(void)
{
	struct said *s;
	size_t c;

	while ((s = said_all) != NULL) {
		said_all = s->all;
		free(s);
	}
	table_free(&spoken);
	for (c = 0; hist != NULL && c < model.nc; c++)
		if (hist[c] != NULL && hist[c] != &calm) {
			history_free(hist[c]);
			free(hist[c]);
		}
	free(hist);
	hist = NULL;
	free(figs);
	figs = NULL;
	model_free(&model);
}

static void (*const due[NKINDS])(const struct rule *) = {
	[K_EVERY] = due_every, [K_SINCE] = due_since, [K_TARGET] = due_target,
	[K_TREND] = due_trend, [K_DATE] = due_date, [K_YEARLY] = due_yearly,
	[K_PAUSE] = due_pause,
};

static int
meets(const struct rule *r, double v)
{
	switch (r->op) {
	case OP_GE: return v >= r->x;
	case OP_LE: return v <= r->x;
	case OP_GT: return v > r->x;
	case OP_LT: return v < r->x;
	case OP_EQ: return v == r->x;
	}
	return 1;
}

/* Each record as it is read: what since and target rules count. */
static void
count(const struct record *rec, void *arg)
{
	struct rule *u;
	long d = rec->t.day;
	size_t i;

	(void)arg;
	if (who != NULL && (strlen(who) != rec->wholen ||
	    memcmp(who, rec->who, rec->wholen) != 0))
		return;
	if (newest == NOWHEN || d > newest) {
		newest = d;
		newest_in = reading;
	}
	for (i = 0; i < rules.n; i++) {
		u = &rules.rule[i];
		if ((u->kind->id != K_SINCE && u->kind->id != K_TARGET) ||
		    strcmp(u->what, rec->what) != 0)
			continue;
		u->logged = 1;
		if (u->oldest == NOWHEN || d < u->oldest)
			u->oldest = d;
		if (u->kind->id == K_SINCE && meets(u, rec->v) &&
		    (u->newest == NOWHEN || d > u->newest))
			u->newest = d;
		if (u->kind->id == K_TARGET && d > today - u->span)
			u->sum += rec->v;
	}
}

/* The options; the rules file and the date's text in *file and *darg. */
static void
options(int argc, char **argv, const char **file, const char **darg)
{
	int c;

	opterr = 0;
	while ((c = getopt(argc, argv, ":d:f:hlpw:")) != -1) {
		switch (c) {
		case 'd':
			*darg = optarg;
			break;
		case 'f':
			*file = optarg;
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'l':
			listing = 1;
			break;
		case 'p':
			plain = 1;
			break;
		case 'w':
			who = optarg;
			break;
		default:
			optfail(c);
			usage(stderr, 2);
		}
	}
}

/* Everything as of today, read once; then every rule that is not paused. */
static void
remind_day(void)
{
	size_t i;
	int quiet;

	model_done(&model);
	figs = xmalloc((model.ns + 1) * sizeof *figs);
	model_figures(&model, today, WINDOW, figs);
	for (i = 0; who != NULL && i < model.nc && !couple_has(i, who); i++)
		;
	if (model.nc > 0)
		model_showup(&model, i < model.nc ? i : 0, today, rules_paused_at, &rules, &showup);
	quiet = rules_paused(&rules, today) != NULL;
	for (i = 0; i < rules.n; i++)
		if (!(quiet && rules.rule[i].kind->pausable))
			due[rules.rule[i].kind->id](&rules.rule[i]);
	forget();
}

int
main(int argc, char **argv)
{
	struct stamp st;
	const char *file = NULL, *darg = NULL, *why;
	struct rules_how how;
	char **files;
	int failed = 0;

	setprogname(argv[0]);
	if (argc > 1 && strcmp(argv[1], "--version") == 0)
		version();
	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		usage(stdout, 0);
	options(argc, argv, &file, &darg);
	argc -= optind;
	argv += optind;
	if (listing && (darg != NULL || argc > 0)) {
		warnw("-l lists the rules; it takes no date and reads no journal");
		usage(stderr, 2);
	}
	if (who != NULL && (why = who_check(who, strlen(who))) != NULL) {
		warnw("bad name for -w \"%s\": %s", vis(who, strlen(who)), why);
		usage(stderr, 2);
	}
	if (now(&st) < 0)
		return 1;
	today = st.day;
	if (darg != NULL && (why = day_parse(darg, st.day, &today)) != NULL) {
		warnw("bad date for -d \"%s\": %s", vis(darg, strlen(darg)), why);
		usage(stderr, 2);
	}
	memset(&how, 0, sizeof how);
	how.bank = &bank;
	how.who = who != NULL;
	how.listing = listing;
	how.warn = warnw;
	if (bank_load(&bank, NULL) < 0 || rules_load(&rules, file, &how) < 0)
		return 1;
	if (listing) {
		rules_list(&rules);
		return fshut(stdout, "stdout");
	}
	model_init(&model, &bank, today - HISTORY - ALERT_DAYS + 1, today);
	which_journal(argc);
	files = journal_args(argc, argv);
	for (reading = 0; files[reading] != NULL; reading++)
		if (model_read(&model, files[reading], count, NULL) < 0)
			failed = 1;
	bad_summary();
	if (failed)
		return 1;	/* half a journal could nag about what was done */
	journal = journal_typed(files, argc > 0);
	remind_day();
	free(journal);
	journal = NULL;
	return fshut(stdout, "stdout");
}
