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
 * Invariants:
 *
 * - A rules file with one bad line sends no reminder: every bad line is
 *   named as file:line and remind exits 1.  Rules are data; nothing in
 *   them is ever executed, and their text and everything from the journal
 *   goes out through putsafe(), so no control character reaches cron's
 *   mail or a terminal raw.
 * - Stateless: a trend rule's "first day" and "every 7th day" are found by
 *   recomputing the flags as of each earlier day from the same journal,
 *   at most 90 days back.  Running remind twice, or for a day in the past,
 *   says the same thing.
 * - Memory is bounded by series x 180 days (the 90-day window of each day
 *   looked back on), never by the size of the journal, which is read once.
 * - Figures and flags come from stats.c, the code trend(1) uses, over the
 *   same daily values (a day's mean, or its sum for count, minutes and
 *   text), so a reminder never disagrees with trend.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "hearth.h"
#include "stats.h"

#define WINDOW	90		/* trend's default analysis window */
#define BACK	90		/* days a trend rule looks back for a flag's start */
#define NDAYS	(WINDOW + BACK)	/* daily values kept per series */
#define NOWHEN	LONG_MIN

enum kind { K_EVERY, K_SINCE, K_TARGET, K_TREND, K_DATE, K_YEARLY, K_PAUSE };
static const char *kinds[] = { "every", "since", "target", "trend", "date", "yearly", "pause" };

enum { E_DAILY, E_WEEKDAYS, E_MONTHLY, E_INTERVAL };
enum { OP_NONE, OP_GE, OP_LE, OP_GT, OP_LT, OP_EQ };

/* Placeholders, and which kinds fill them (see man/remind.1). */
enum { P_DAYS, P_WEEKS, P_YEARS, P_WHO, P_WHAT, P_SUM, P_TARGET, P_LAST7,
	P_BASE28, P_CHANGE, P_DATE, P_PROMPT, NPH };
static const char *phnames[NPH] = { "days", "weeks", "years", "who", "what",
	"sum", "target", "last7", "base28", "change", "date", "prompt" };
#define B(p)	(1u << (p))
static const unsigned fills[] = {
	[K_EVERY] = B(P_DATE) | B(P_PROMPT),
	[K_SINCE] = B(P_DAYS) | B(P_WEEKS) | B(P_WHAT) | B(P_DATE) | B(P_PROMPT),
	[K_TARGET] = B(P_WHAT) | B(P_SUM) | B(P_TARGET) | B(P_DATE) | B(P_PROMPT),
	[K_TREND] = B(P_DAYS) | B(P_WEEKS) | B(P_WHO) | B(P_WHAT) | B(P_LAST7) |
	    B(P_BASE28) | B(P_CHANGE) | B(P_DATE) | B(P_PROMPT),
	[K_DATE] = B(P_DAYS) | B(P_WEEKS) | B(P_DATE) | B(P_PROMPT),
	[K_YEARLY] = B(P_YEARS) | B(P_DATE) | B(P_PROMPT),
	[K_PAUSE] = B(P_DAYS) | B(P_WEEKS) | B(P_DATE) | B(P_PROMPT),
};

struct rule {
	enum kind kind;
	unsigned long line;
	char	*text;			/* the line as written, for -l */
	char	*msg;			/* points into text */
	int	 every;			/* E_* */
	unsigned wdays;			/* bit 0 Monday .. bit 6 Sunday */
	int	 mday;			/* monthly */
	long	 step;			/* every Nd from: N; since: the age */
	long	 day, day2;		/* the rule's date(s); date: the lead in step */
	char	 what[33];		/* since, target, trend ("" for *) */
	int	 op;
	double	 x;			/* since: the value compared; target: the target */
	int	 span;			/* target: 7 days or 1 */
	unsigned flag;			/* trend */
	/* from the journal */
	long	 newest, oldest;	/* since: newest record meeting it, oldest of all */
	int	 logged;
	double	 sum;
};

/* One person's one measure: daily values over NDAYS days ending today. */
struct series {
	char	*who;			/* NUL-terminated */
	size_t	 wholen, couple;	/* couple: length of the couple prefix */
	size_t	 g;			/* its measure's group */
	double	*v;			/* sums, then daily values (NAN: no data) */
	int	*cnt;			/* records per day, while reading */
	unsigned char fl[BACK + 1];	/* flags as of today - BACK + k */
	struct figures now;		/* figures as of today */
};

/* The series of one measure, sorted by couple then who, for the gap flag. */
struct group {
	char	 what[33];
	struct measure m;
	size_t	*s, ns, cap;
	unsigned char done[BACK + 1];
};

static const char *builtin[] = {
	"every\tsun\tWeekly check-in tonight: ask -s weekly | log >> journal.tsv",
	"since\ttalk>=4\t3d\t{days} days since a deep talk. Tonight's question: {prompt}",
	"trend\ttouch\tdrop\tAffection has dropped off for {who}: touch {last7} this week against {base28} before.",
	"trend\t*\tdeclining\t{who}'s {what} has been going the wrong way for weeks; worth a gentle talk.",
	"trend\t*\tvolatile\t{what} has been swinging hard for {who} lately.",
	"trend\tclose\tquiet\t{who} has gone quiet: no check-in for a while. A hello might help.",
	NULL
};

static struct bank bank;
static struct rule *rules;
static size_t nrules;
static int nerrs;
static const char *rulesfile;		/* for messages; NULL: built in */
static const char *who;			/* -w */
static long today;

static struct series *ser;
static size_t nser, sercap;
static struct group *grp;
static size_t ngrp, grpcap;
static size_t *stab, stabcap;		/* hash: series key -> index + 1 */
static size_t *gtab, gtabcap;		/* hash: measure -> group index + 1 */
static int trendall;			/* a trend rule for * */

static char *buf;			/* a message as it is filled */
static size_t buflen, bufcap;

static void
usage(FILE *f, int status)
{
	fprintf(f, "usage: %s [-f rules] [-d date] [-w who] [file ...]\n"
	    "       %s -l [-f rules] [-w who]\n", progname, progname);
	if (f == stdout)
		exit(fshut(stdout, "stdout"));
	exit(status);
}

/* A bad rule: named, counted, and no reminder will be sent. */
static void
bad(unsigned long line, const char *fmt, ...)
{
	char why[512];
	const char *f = rulesfile ? rulesfile : "built-in rules";
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	warnx_("%s:%lu: %s", vis(f, strlen(f)), line, why);
	nerrs++;
}

static const char *
article(const char *word)
{
	return strchr("aeiou", word[0]) ? "an" : "a";
}

static int
lower_eq(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && strncasecmp(s, word, n) == 0;
}

/* "3d" or "2w" (or 0 when zero is allowed) as days; -1 when bad. */
static long
age_parse(const char *s, int zero)
{
	long v = 0;
	const char *p = s;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (v > 100000)
			return -1;
		v = v * 10 + (*p - '0');
	}
	if (p[0] == 'w' && p[1] == '\0')
		v *= 7;
	else if (p[0] != 'd' || p[1] != '\0')
		return -1;
	if (v == 0 && !zero)
		return -1;
	return v;
}

static int
weekday_parse(const char *s, size_t n)
{
	static const char *full[] = { "monday", "tuesday", "wednesday",
	    "thursday", "friday", "saturday", "sunday" };
	int i;

	for (i = 0; i < 7; i++)
		if (lower_eq(s, n, full[i]) || (n == 3 && strncasecmp(s, full[i], 3) == 0))
			return i;
	return -1;
}

/* every's schedule: daily, mon,thu, monthly DD, Nd from DATE. */
static const char *
every_parse(struct rule *r, const char *s)
{
	char copy[256], *tok[4], *p;
	const char *q, *b;
	int nt = 0, w;

	/* a field too long for the copy can only be a (long) weekday list */
	snprintf(copy, sizeof copy, "%s", strlen(s) < sizeof copy ? s : "");
	for (p = copy; nt < 4; ) {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		tok[nt++] = p;
		while (*p != ' ' && *p != '\0')
			p++;
		if (*p == ' ')
			*p++ = '\0';
	}
	if (nt == 1 && lower_eq(tok[0], strlen(tok[0]), "daily")) {
		r->every = E_DAILY;
		return NULL;
	}
	if (nt >= 1 && lower_eq(tok[0], strlen(tok[0]), "monthly")) {
		if (nt != 2 || strspn(tok[1], "0123456789") != strlen(tok[1]) ||
		    strlen(tok[1]) > 2 || (r->mday = atoi(tok[1])) < 1 || r->mday > 31)
			return "want a day of the month after monthly, like monthly 15";
		r->every = E_MONTHLY;
		return NULL;
	}
	if (nt >= 2 && lower_eq(tok[1], strlen(tok[1]), "from")) {
		if (nt != 3 || (r->step = age_parse(tok[0], 0)) < 0)
			return "want a number of days and a date, like 14d from 2026-11-29";
		if (date_parse(tok[2], strlen(tok[2]), &r->day) != NULL)
			return "no such date after from: want one like 2026-11-29";
		r->every = E_INTERVAL;
		return NULL;
	}
	/* weekday names with a comma between them, spaces allowed around */
	r->wdays = 0;
	for (q = s; ; q++) {
		while (*q == ' ')
			q++;
		b = q;
		while (*q != ',' && *q != ' ' && *q != '\0')
			q++;
		if ((w = weekday_parse(b, (size_t)(q - b))) < 0)
			return "want daily, weekdays like mon,thu, monthly DD or Nd from DATE";
		r->wdays |= 1u << w;
		while (*q == ' ')
			q++;
		if (*q == '\0')
			break;
		if (*q != ',')
			return "put a comma between weekdays, like mon,thu";
	}
	r->every = E_WEEKDAYS;
	return NULL;
}

/* since's measure: talk, talk>=4, close<3 ... */
static const char *
since_parse(struct rule *r, const char *s)
{
	static char why[200];
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_");
	const char *p = s + n;

	if (n == 0 || what_check(s, n) != NULL || n >= sizeof r->what)
		return "want a measure, like talk or talk>=4";
	memcpy(r->what, s, n);
	r->what[n] = '\0';
	r->op = OP_NONE;
	if (*p == '\0')
		return NULL;
	if (p[0] == '>' && p[1] == '=')
		r->op = OP_GE, p += 2;
	else if (p[0] == '<' && p[1] == '=')
		r->op = OP_LE, p += 2;
	else if (p[0] == '>')
		r->op = OP_GT, p++;
	else if (p[0] == '<')
		r->op = OP_LT, p++;
	else if (p[0] == '=')
		r->op = OP_EQ, p++;
	if (r->op == OP_NONE || number_parse(p, strlen(p), &r->x) != NULL) {
		snprintf(why, sizeof why, "bad comparison \"%s\": want >=, <=, >, < or = "
		    "and a number, like talk>=4", vis(s, strlen(s)));
		return why;
	}
	return NULL;
}

static const char *
measure_known(const char *what)
{
	static char why[200];

	if (bank_measure(&bank, what) != NULL)
		return NULL;
	snprintf(why, sizeof why, "no question bank defines the measure \"%s\"", what);
	return why;
}

/*
 * Fill or check a message.  With fl NULL only check it: the reason for
 * the first placeholder that is unknown or that the kind cannot fill.
 */
struct fill {
	long	 days, years, date;
	const char *who, *what, *prompt;
	double	 sum, target, last7, base28, change;
};

static void
put(const char *s, size_t n)
{
	if (buflen + n + 1 > bufcap) {
		while (buflen + n + 1 > bufcap)
			bufcap = bufcap ? 2 * bufcap : 256;
		buf = xrealloc(buf, bufcap);
	}
	memcpy(buf + buflen, s, n);
	buflen += n;
	buf[buflen] = '\0';
}

/* A number as the journal writes it: 480, 2.5, never 2.50 or -0. */
static void
value_format(char *b, size_t n, double x)
{
	char *p;

	snprintf(b, n, "%.9f", x);
	if (strchr(b, '.') != NULL) {
		for (p = b + strlen(b) - 1; *p == '0'; p--)
			*p = '\0';
		if (*p == '.')
			*p = '\0';
	}
	if (strcmp(b, "-0") == 0)
		strcpy(b, "0");
}

static const char *
expand(const char *msg, enum kind k, const struct fill *fl)
{
	static char why[200];
	unsigned ok = fills[k] | (who != NULL && (k == K_SINCE || k == K_TARGET) ?
	    B(P_WHO) : 0);
	const char *p = msg, *q;
	char num[512];
	size_t n;
	int i;

	buflen = 0;
	put("", 0);
	while (*p != '\0') {
		n = strcspn(p, "{}");
		put(p, n);
		p += n;
		if (*p == '\0')
			break;
		if (p[0] == p[1]) {
			put(p, 1);
			p += 2;
			continue;
		}
		if (*p == '}')
			return "a lone } in the message (write }} for a brace)";
		q = p + 1 + strspn(p + 1, "abcdefghijklmnopqrstuvwxyz0123456789_");
		if (*q != '}')
			return "a { that opens no placeholder (write {{ for a brace)";
		n = (size_t)(q - p - 1);
		for (i = 0; i < NPH; i++)
			if (strlen(phnames[i]) == n && memcmp(phnames[i], p + 1, n) == 0)
				break;
		if (i == NPH) {
			snprintf(why, sizeof why, "unknown placeholder {%s}",
			    vis(p + 1, n));
			return why;
		}
		if (!(ok & B(i))) {
			if (i == P_WHO && (k == K_SINCE || k == K_TARGET))
				snprintf(why, sizeof why, "{who} in a %s rule needs -w: "
				    "without it the rule counts everyone's records", kinds[k]);
			else
				snprintf(why, sizeof why, "%s %s rule cannot fill {%s}",
				    article(kinds[k]), kinds[k], phnames[i]);
			return why;
		}
		p = q + 1;
		if (fl == NULL)
			continue;
		num[0] = '\0';
		switch (i) {
		case P_DAYS:
			snprintf(num, sizeof num, "%ld", fl->days);
			break;
		case P_WEEKS:
			snprintf(num, sizeof num, "%ld", fl->days / 7);
			break;
		case P_YEARS:
			snprintf(num, sizeof num, "%ld", fl->years);
			break;
		case P_WHO:
			put(fl->who, strlen(fl->who));
			break;
		case P_WHAT:
			put(fl->what, strlen(fl->what));
			break;
		case P_SUM:
			value_format(num, sizeof num, fl->sum);
			break;
		case P_TARGET:
			value_format(num, sizeof num, fl->target);
			break;
		case P_LAST7:
			figure_format(num, fl->last7, 2);
			break;
		case P_BASE28:
			figure_format(num, fl->base28, 2);
			break;
		case P_CHANGE:
			figure_format(num, fl->change, 2);
			break;
		case P_DATE:
			date_format(num, fl->date);
			break;
		case P_PROMPT:
			put(fl->prompt, strlen(fl->prompt));
			break;
		}
		put(num, strlen(num));
	}
	return NULL;
}

/* One line of a rules file: a rule, or a message and nothing. */
static void
rule_line(char *s, size_t len, unsigned long line)
{
	static const int want[] = { 3, 4, 4, 4, 3, 3, 4 };
	static const char *shape[] = {
		"every, when, message",
		"since, measure, age, message",
		"target, measure, target like 480/w, message",
		"trend, measure or *, flag, message",
		"date, date, [lead,] message",
		"yearly, date, message",
		"pause, first day, last day, message",
	};
	struct rule r;
	char *f[8], *p, *t, *end;
	const char *why;
	int nf = 0, k;
	double x;

	memset(&r, 0, sizeof r);
	r.line = line;
	if (memchr(s, '\0', len) != NULL) {
		bad(line, "a NUL byte in the rule");
		return;
	}
	r.text = xstrdup(s);
	for (p = r.text; nf < 8; p = t + 1) {
		f[nf++] = p;
		if ((t = strchr(p, '\t')) == NULL)
			break;
		*t = '\0';
	}
	for (k = 0; k < 7; k++)
		if (strcmp(f[0], kinds[k]) == 0)
			break;
	if (k == 7) {
		if (strchr(f[0], ' ') != NULL)
			bad(line, "unknown kind of rule \"%s\" (the fields of a rule "
			    "are separated by tabs)", vis(f[0], strlen(f[0])));
		else
			bad(line, "unknown kind of rule \"%s\": want every, since, "
			    "target, trend, date, yearly or pause", vis(f[0], strlen(f[0])));
		goto fail;
	}
	r.kind = (enum kind)k;
	if (nf < want[k] || nf > want[k] + (k == K_DATE)) {
		bad(line, "%s %s %s rule has the fields %s",
		    nf < want[k] ? "a field is missing:" : "too many fields:",
		    article(kinds[k]), kinds[k], shape[k]);
		goto fail;
	}
	for (k = 1; k < nf; k++)
		if (*f[k] == '\0') {
			char num[8];

			snprintf(num, sizeof num, "%d", k + 1);
			if (k == nf - 1)
				bad(line, "the message is empty");
			else
				bad(line, "field %s is empty", num);
			goto fail;
		}
	r.msg = f[nf - 1];
	r.newest = r.oldest = NOWHEN;
	switch (r.kind) {
	case K_EVERY:
		if ((why = every_parse(&r, f[1])) != NULL) {
			bad(line, "bad schedule: %s", why);
			goto fail;
		}
		break;
	case K_SINCE:
		if ((why = since_parse(&r, f[1])) != NULL ||
		    (why = measure_known(r.what)) != NULL) {
			bad(line, "%s", why);
			goto fail;
		}
		if ((r.step = age_parse(f[2], 0)) < 0) {
			bad(line, "bad age \"%s\": want days or weeks, like 3d or 2w",
			    vis(f[2], strlen(f[2])));
			goto fail;
		}
		break;
	case K_TARGET:
		if (what_check(f[1], strlen(f[1])) != NULL) {
			bad(line, "bad measure \"%s\"", vis(f[1], strlen(f[1])));
			goto fail;
		}
		if ((why = measure_known(f[1])) != NULL) {
			bad(line, "%s", why);
			goto fail;
		}
		snprintf(r.what, sizeof r.what, "%s", f[1]);
		end = strchr(f[2], '/');
		if (end == NULL || (strcmp(end, "/w") != 0 && strcmp(end, "/d") != 0) ||
		    number_parse(f[2], (size_t)(end - f[2]), &x) != NULL || x < 0) {
			bad(line, "bad target \"%s\": want an amount a week or a day, "
			    "like 480/w or 30/d", vis(f[2], strlen(f[2])));
			goto fail;
		}
		r.x = x;
		r.span = end[1] == 'w' ? 7 : 1;
		break;
	case K_TREND:
		if (strcmp(f[1], "*") == 0)
			trendall = 1;
		else if (what_check(f[1], strlen(f[1])) != NULL) {
			bad(line, "bad measure \"%s\": want a measure or *",
			    vis(f[1], strlen(f[1])));
			goto fail;
		} else if ((why = measure_known(f[1])) != NULL) {
			bad(line, "%s", why);
			goto fail;
		} else
			snprintf(r.what, sizeof r.what, "%s", f[1]);
		if ((r.flag = (unsigned)flag_parse(f[2])) == 0) {
			bad(line, "unknown flag \"%s\": want declining, drop, volatile, "
			    "quiet or gap", vis(f[2], strlen(f[2])));
			goto fail;
		}
		break;
	case K_DATE:
	case K_YEARLY:
	case K_PAUSE:
		if ((why = date_parse(f[1], strlen(f[1]), &r.day)) != NULL) {
			bad(line, "bad date \"%s\": %s", vis(f[1], strlen(f[1])), why);
			goto fail;
		}
		if (r.kind == K_DATE) {
			r.step = 30;
			if (nf == 4 && (r.step = age_parse(f[2], 1)) < 0) {
				bad(line, "bad lead \"%s\": want days or weeks, like 60d or 8w",
				    vis(f[2], strlen(f[2])));
				goto fail;
			}
		}
		if (r.kind == K_PAUSE) {
			if ((why = date_parse(f[2], strlen(f[2]), &r.day2)) != NULL) {
				bad(line, "bad date \"%s\": %s", vis(f[2], strlen(f[2])), why);
				goto fail;
			}
			if (r.day2 < r.day) {
				bad(line, "the pause ends before it starts");
				goto fail;
			}
		}
		break;
	}
	if ((why = expand(r.msg, r.kind, NULL)) != NULL) {
		bad(line, "%s", why);
		goto fail;
	}
	if (nrules % 16 == 0)
		rules = xrealloc(rules, (nrules + 16) * sizeof *rules);
	rules[nrules++] = r;
	return;
fail:
	free(r.text);
}

/* The rules in effect; 0, or -1 after messages. */
static int
rules_load(const char *file)
{
	static char path[4096];
	struct lines l;
	const char *e;
	char *s;
	size_t n, i;
	int rc, fd;

	path[0] = '\0';
	if (file == NULL) {
		if ((e = getenv("XDG_CONFIG_HOME")) != NULL && *e != '\0')
			snprintf(path, sizeof path, "%s/hearth/remind.tsv", e);
		else if ((e = getenv("HOME")) != NULL && *e != '\0')
			snprintf(path, sizeof path, "%s/.config/hearth/remind.tsv", e);
		if (path[0] != '\0') {
			if ((fd = open(path, O_RDONLY)) >= 0) {
				close(fd);
				file = path;
			} else if (errno != ENOENT) {
				warn_("%s", vis(path, strlen(path)));
				return -1;
			}
		}
	}
	rulesfile = file;
	if (file == NULL) {
		for (i = 0; builtin[i] != NULL; i++) {
			s = xstrdup(builtin[i]);
			rule_line(s, strlen(s), i + 1);
			free(s);
		}
		return nerrs ? -1 : 0;
	}
	if (lines_open(&l, file) < 0)
		return -1;
	while ((rc = lines_next(&l, &s, &n)) > 0) {
		if (rc == 2)
			bad(l.lineno, "the line is longer than 64 KiB");
		else if (line_blank(s, n) == NULL)
			rule_line(s, n, l.lineno);
	}
	lines_close(&l);
	return rc < 0 || nerrs ? -1 : 0;
}

/* -l: where the rules come from, then "N<TAB>rule" as written. */
static void
rules_list(void)
{
	const char *p, *t;
	size_t i;

	if (rulesfile != NULL) {
		fputs("# rules from ", stdout);
		putsafe(stdout, rulesfile, strlen(rulesfile));
		putchar('\n');
	} else
		puts("# built-in rules");
	for (i = 0; i < nrules; i++) {
		printf("%lu", rules[i].line);
		for (p = rules[i].text; ; p = t + 1) {
			putchar('\t');
			t = p + strlen(p);	/* the fields were cut at their tabs */
			putsafe(stdout, p, (size_t)(t - p));
			if (t >= rules[i].msg)
				break;
		}
		putchar('\n');
	}
}

static int
series_is(const struct series *x, const char *w, size_t wn, size_t g)
{
	return x->g == g && x->wholen == wn && memcmp(x->who, w, wn) == 0;
}

/* The group for a measure, made on first sight. */
static size_t
group_of(const char *what)
{
	size_t h, i, j, n = strlen(what);
	const struct measure *m;

	if (ngrp * 2 >= gtabcap) {
		gtabcap = gtabcap ? 2 * gtabcap : 64;
		free(gtab);
		gtab = xmalloc(gtabcap * sizeof *gtab);
		memset(gtab, 0, gtabcap * sizeof *gtab);
		for (i = 0; i < ngrp; i++) {
			for (j = hash_bytes(grp[i].what, strlen(grp[i].what)) & (gtabcap - 1);
			    gtab[j]; j = (j + 1) & (gtabcap - 1))
				;
			gtab[j] = i + 1;
		}
	}
	for (h = hash_bytes(what, n) & (gtabcap - 1); gtab[h]; h = (h + 1) & (gtabcap - 1))
		if (strcmp(grp[gtab[h] - 1].what, what) == 0)
			return gtab[h] - 1;
	if (ngrp == grpcap) {
		grpcap = grpcap ? 2 * grpcap : 16;
		grp = xrealloc(grp, grpcap * sizeof *grp);
	}
	memset(&grp[ngrp], 0, sizeof grp[ngrp]);
	snprintf(grp[ngrp].what, sizeof grp[ngrp].what, "%s", what);
	m = bank_measure(&bank, what);
	grp[ngrp].m = m ? *m : measure_default(what);
	gtab[h] = ngrp + 1;
	return ngrp++;
}

static size_t
series_key(const char *w, size_t wn, size_t g)
{
	return hash_bytes(w, wn) * 31 + g;
}

static struct series *
series_of(const char *w, size_t wn, const char *what)
{
	size_t g = group_of(what), h, i, j;
	struct series *x;

	if (nser * 2 >= stabcap) {
		stabcap = stabcap ? 2 * stabcap : 256;
		free(stab);
		stab = xmalloc(stabcap * sizeof *stab);
		memset(stab, 0, stabcap * sizeof *stab);
		for (i = 0; i < nser; i++) {
			for (j = series_key(ser[i].who, ser[i].wholen, ser[i].g) &
			    (stabcap - 1); stab[j]; j = (j + 1) & (stabcap - 1))
				;
			stab[j] = i + 1;
		}
	}
	for (h = series_key(w, wn, g) & (stabcap - 1); stab[h];
	    h = (h + 1) & (stabcap - 1))
		if (series_is(&ser[stab[h] - 1], w, wn, g))
			return &ser[stab[h] - 1];
	if (nser == sercap) {
		sercap = sercap ? 2 * sercap : 64;
		ser = xrealloc(ser, sercap * sizeof *ser);
	}
	x = &ser[nser];
	memset(x, 0, sizeof *x);
	x->who = memcpy(xmalloc(wn + 1), w, wn);
	x->who[wn] = '\0';
	x->wholen = wn;
	x->couple = couple_len(w, wn);
	x->g = g;
	x->v = xmalloc(NDAYS * sizeof *x->v);
	x->cnt = xmalloc(NDAYS * sizeof *x->cnt);
	for (i = 0; i < NDAYS; i++) {
		x->v[i] = 0;
		x->cnt[i] = 0;
	}
	stab[h] = nser + 1;
	nser++;
	return x;
}

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

static int
trend_wants(const char *what)
{
	size_t i;

	if (trendall)
		return 1;
	for (i = 0; i < nrules; i++)
		if (rules[i].kind == K_TREND && strcmp(rules[i].what, what) == 0)
			return 1;
	return 0;
}

/* Read one journal; 0, or -1 when it could not be read. */
static int
journal_read(const char *path)
{
	struct lines l;
	struct record r;
	struct rule *u;
	struct series *x;
	long d;
	size_t i;
	int rc, mine;

	if (lines_open(&l, path) < 0)
		return -1;
	while ((rc = journal_next(&l, &r)) > 0) {
		d = r.t.day;
		if (d > today)
			continue;	/* after the day in question */
		mine = who == NULL || (strlen(who) == r.wholen &&
		    memcmp(who, r.who, r.wholen) == 0);
		for (i = 0; i < nrules && mine; i++) {
			u = &rules[i];
			if ((u->kind != K_SINCE && u->kind != K_TARGET) ||
			    strcmp(u->what, r.what) != 0)
				continue;
			u->logged = 1;
			if (u->oldest == NOWHEN || d < u->oldest)
				u->oldest = d;
			if (u->kind == K_SINCE && meets(u, r.v) &&
			    (u->newest == NOWHEN || d > u->newest))
				u->newest = d;
			if (u->kind == K_TARGET && d > today - u->span)
				u->sum += r.v;
		}
		if (d <= today - NDAYS || !trend_wants(r.what))
			continue;
		x = series_of(r.who, r.wholen, r.what);
		x->v[d - (today - NDAYS + 1)] += r.v;
		x->cnt[d - (today - NDAYS + 1)]++;
	}
	lines_close(&l);
	return rc < 0 ? -1 : 0;
}

static int
by_couple(const void *a, const void *b)
{
	const struct series *x = &ser[*(const size_t *)a], *y = &ser[*(const size_t *)b];
	size_t n = x->couple < y->couple ? x->couple : y->couple;
	int c = memcmp(x->who, y->who, n);

	if (c != 0)
		return c;
	if (x->couple != y->couple)
		return x->couple < y->couple ? -1 : 1;
	return strcmp(x->who, y->who);
}

/* Daily values from the sums, as trend makes them; each group's series. */
static void
series_finish(void)
{
	struct series *x;
	struct group *g;
	size_t i, k;

	for (i = 0; i < nser; i++) {
		x = &ser[i];
		for (k = 0; k < NDAYS; k++)
			if (x->cnt[k] == 0)
				x->v[k] = NAN;
			else if (!measure_sums(&grp[x->g].m))
				x->v[k] /= x->cnt[k];
		free(x->cnt);
		x->cnt = NULL;
		g = &grp[x->g];
		if (g->ns == g->cap) {
			g->cap = g->cap ? 2 * g->cap : 4;
			g->s = xrealloc(g->s, g->cap * sizeof *g->s);
		}
		g->s[g->ns++] = i;
	}
	for (i = 0; i < ngrp; i++)
		qsort(grp[i].s, grp[i].ns, sizeof *grp[i].s, by_couple);
}

/* The flags of series x as of today - BACK + k, computed a group at a time. */
static unsigned
flags_at(struct series *x, int k)
{
	static struct figures *f;
	static struct figures **fp;
	static size_t fcap;
	struct group *g = &grp[x->g];
	size_t i, j;

	if (!g->done[k]) {
		if (g->ns > fcap) {
			fcap = g->ns;
			f = xrealloc(f, fcap * sizeof *f);
			fp = xrealloc(fp, fcap * sizeof *fp);
		}
		for (i = 0; i < g->ns; i++) {
			figures(ser[g->s[i]].v + k, WINDOW, &g->m, &f[i]);
			fp[i] = &f[i];
		}
		for (i = 0; i < g->ns; i = j) {
			for (j = i + 1; j < g->ns && ser[g->s[j]].couple ==
			    ser[g->s[i]].couple && memcmp(ser[g->s[j]].who,
			    ser[g->s[i]].who, ser[g->s[i]].couple) == 0; j++)
				;
			figures_gaps(fp + i, j - i, &g->m);
		}
		for (i = 0; i < g->ns; i++) {
			ser[g->s[i]].fl[k] = (unsigned char)f[i].flags;
			if (k == BACK)
				ser[g->s[i]].now = f[i];
		}
		g->done[k] = 1;
	}
	return x->fl[k];
}

static int
paused(long d)
{
	size_t i;

	for (i = 0; i < nrules; i++)
		if (rules[i].kind == K_PAUSE && rules[i].day <= d && d <= rules[i].day2)
			return 1;
	return 0;
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
	char d[16];

	if (fl->date == NOWHEN)
		fl->date = today;
	fl->prompt = strstr(r->msg, "{prompt}") ? prompt() : "";
	expand(r->msg, r->kind, fl);
	date_format(d, today);
	printf("%s\t%s:%lu\t", d, kinds[r->kind], r->line);
	putsafe(stdout, buf, buflen);
	putchar('\n');
}

static int
every_due(const struct rule *r)
{
	long y;
	int m, d, last;

	switch (r->every) {
	case E_DAILY:
		return 1;
	case E_WEEKDAYS:
		return (r->wdays >> weekday(today)) & 1;
	case E_MONTHLY:
		civil_from_days(today, &y, &m, &d);
		last = month_days(y, m);
		return d == (r->mday < last ? r->mday : last);
	case E_INTERVAL:
		return today >= r->day && (today - r->day) % r->step == 0;
	}
	return 0;
}

static int
by_who_what(const void *a, const void *b)
{
	const struct series *x = &ser[*(const size_t *)a], *y = &ser[*(const size_t *)b];
	int c = strcmp(x->who, y->who);

	return c != 0 ? c : strcmp(grp[x->g].what, grp[y->g].what);
}

/*
 * A trend rule speaks on a flag's first day and every 7th day after, or
 * after the pause it lasted through.  A flag that held on every day looked
 * back on has no first day that remind can see: it speaks on Sundays.
 */
static void
trend_rule(const struct rule *r, const size_t *order)
{
	struct series *x;
	struct fill fl;
	long onset, anchor, d;
	size_t i;
	int k, old;

	for (i = 0; i < nser; i++) {
		x = &ser[order[i]];
		if (r->what[0] != '\0' && strcmp(grp[x->g].what, r->what) != 0)
			continue;
		if (who != NULL && strcmp(x->who, who) != 0)
			continue;
		if (!(flags_at(x, BACK) & r->flag))
			continue;
		for (k = BACK; k > 0 && (flags_at(x, k - 1) & r->flag); k--)
			;
		onset = anchor = today - BACK + k;
		old = k == 0;
		for (d = onset; d < today; d++)
			if (paused(d)) {
				anchor = d + 1;
				old = 0;
			}
		if (old ? weekday(today) != 6 : (today - anchor) % 7 != 0)
			continue;
		memset(&fl, 0, sizeof fl);
		fl.date = NOWHEN;
		fl.days = today - onset;
		fl.who = x->who;
		fl.what = grp[x->g].what;
		fl.last7 = x->now.last7;
		fl.base28 = x->now.base28;
		fl.change = x->now.change;
		say(r, &fl);
	}
}

static void
remind(void)
{
	const struct rule *r;
	struct fill fl;
	size_t i, *order;
	long y, y0;
	int m, d, m0, d0, quiet = paused(today);

	order = xmalloc((nser + 1) * sizeof *order);
	for (i = 0; i < nser; i++)
		order[i] = i;
	qsort(order, nser, sizeof *order, by_who_what);
	for (i = 0; i < nrules; i++) {
		r = &rules[i];
		memset(&fl, 0, sizeof fl);
		fl.date = NOWHEN;
		fl.who = who;
		fl.what = r->what;
		switch (r->kind) {
		case K_EVERY:
			if (!quiet && every_due(r))
				say(r, &fl);
			break;
		case K_SINCE:
			if (quiet || !r->logged)
				break;
			fl.days = today - (r->newest != NOWHEN ? r->newest : r->oldest);
			if (fl.days >= r->step)
				say(r, &fl);
			break;
		case K_TARGET:
			/* below the target, forgiving rounding in the last bits */
			if (quiet || !r->logged ||
			    r->sum >= r->x - 1e-9 * (r->x > 1 ? r->x : 1))
				break;
			fl.sum = r->sum;
			fl.target = r->x;
			say(r, &fl);
			break;
		case K_TREND:
			if (!quiet)
				trend_rule(r, order);
			break;
		case K_DATE:
			if (today <= r->day && r->day - today <= r->step) {
				fl.days = r->day - today;
				fl.date = r->day;
				say(r, &fl);
			}
			break;
		case K_YEARLY:
			civil_from_days(today, &y, &m, &d);
			civil_from_days(r->day, &y0, &m0, &d0);
			if (y > y0 && m == m0 && (d == d0 || (m0 == 2 && d0 == 29 &&
			    d == 28 && month_days(y, 2) == 28))) {
				fl.years = y - y0;
				fl.date = r->day;
				say(r, &fl);
			}
			break;
		case K_PAUSE:
			if (today == r->day) {
				fl.days = r->day2 - r->day + 1;
				fl.date = r->day2;
				say(r, &fl);
			}
			break;
		}
	}
	free(order);
}

int
main(int argc, char **argv)
{
	struct stamp st;
	const char *file = NULL, *darg = NULL, *why;
	char **files;
	int c, list = 0, failed = 0;

	setprogname(argv[0]);
	if (argc > 1 && strcmp(argv[1], "--version") == 0)
		version();
	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		usage(stdout, 0);
	opterr = 0;
	while ((c = getopt(argc, argv, ":d:f:hlw:")) != -1) {
		switch (c) {
		case 'd':
			darg = optarg;
			break;
		case 'f':
			file = optarg;
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'l':
			list = 1;
			break;
		case 'w':
			who = optarg;
			break;
		default:
			optfail(c);
			usage(stderr, 2);
		}
	}
	argc -= optind;
	argv += optind;
	if (list && (darg != NULL || argc > 0)) {
		warnx_("-l lists the rules; it takes no date and reads no journal");
		usage(stderr, 2);
	}
	if (who != NULL && (why = who_check(who, strlen(who))) != NULL) {
		warnx_("bad name for -w \"%s\": %s", vis(who, strlen(who)), why);
		usage(stderr, 2);
	}
	if (now(&st) < 0)
		return 1;
	today = st.day;
	if (darg != NULL && (why = day_parse(darg, st.day, &today)) != NULL) {
		warnx_("bad date for -d \"%s\": %s", vis(darg, strlen(darg)), why);
		usage(stderr, 2);
	}
	if (bank_load(&bank, NULL) < 0)
		return 1;
	if (rules_load(file) < 0)
		return 1;
	if (list) {
		rules_list();
		return fshut(stdout, "stdout");
	}
	for (files = journal_args(argc, argv); *files != NULL; files++)
		if (journal_read(*files) < 0)
			failed = 1;
	bad_summary();
	if (failed)
		return 1;	/* half a journal could nag about what was done */
	series_finish();
	remind();
	return fshut(stdout, "stdout");
}
