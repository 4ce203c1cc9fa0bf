/*
 * rules.c - remind's rules (hearth-rules(5)), the one reader of a rules
 * file: the kinds of rule as one table, kinds[] (name, fields,
 * placeholders, parser), with the parsers above it; a line to a rule,
 * every placeholder checked, every bad line named as file:line, or, for
 * trend -c, skipped unsaid.  Then what the rules are asked: whether a day
 * is paused, a message filled, the list.  When a rule is due is remind.c's.
 * Rules are data: nothing in them is ever run.
 */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules.h"
#include "stats.h"

enum { PH_DAYS, PH_WEEKS, PH_YEARS, PH_WHO, PH_WHAT, PH_SUM, PH_TARGET, PH_LAST7,
	PH_BASE28, PH_CHANGE, PH_DATE, PH_PROMPT, PH_WHY, PH_SINCE, PH_TOGETHER7,
	PH_TOGETHER30, PH_RUN, PH_JOURNAL, NPH };
#define B(p)	(1u << (p))

static const char *const phnames[NPH] = { "days", "weeks", "years", "who", "what",
	"sum", "target", "last7", "base28", "change", "date", "prompt", "why", "since",
	"together7", "together30", "run", "journal" };

static const char *const builtin[] = {
	"every\tsun\tSunday: time for the state of us. Days you both checked in this week: {together7} of 7. Tonight, each of you: ask -s weekly | log -a {journal}",
	"since\ttalk>=4\t3d\tIt has been {days} days since a talk that went deep. Tonight's question: {prompt}",
	"trend\t*\tgap\t{why} It may be worth asking each other how it has really been.",
	"trend\t*\tdrop\t{why} Maybe tonight is a good night to reach for each other.",
	"trend\t*\tdeclining\t{why} Worth a gentle talk this week, without blame.",
	"trend\t*\tvolatile\t{why} Go easy on each other, and ask what is going on.",
	"trend\t*\tquiet\t{why} A short hello tonight would help.",
	NULL
};

/* A bad rule: named (unless quiet), counted, and no reminder will be sent. */
static void
bad(struct rules *rs, unsigned long line, const char *fmt, ...)
{
	char why[512];
	const char *f = rs->file ? rs->file : "built-in rules";
	va_list ap;

	rs->errors++;
	if (rs->how.warn == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	rs->how.warn("%s:%lu: %s", vis(f, strlen(f)), line, why);
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
measure_known(const struct bank *b, const char *what)
{
	static char why[200];

	if (bank_measure(b, what) != NULL)
		return NULL;
	snprintf(why, sizeof why, "no question bank defines the measure \"%s\"", what);
	return why;
}

static void
put(struct rules *rs, const char *s, size_t n)
{
	if (rs->buflen + n + 1 > rs->bufcap) {
		while (rs->buflen + n + 1 > rs->bufcap)
			rs->bufcap = rs->bufcap ? 2 * rs->bufcap : 256;
		rs->buf = xrealloc(rs->buf, rs->bufcap);
	}
	memcpy(rs->buf + rs->buflen, s, n);
	rs->buflen += n;
	rs->buf[rs->buflen] = '\0';
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

/* Placeholder i of a message, filled into rs->buf. */
static void
fill_one(struct rules *rs, int i, const struct fill *fl)
{
	char num[64];
	const char *s = num;

	num[0] = '\0';
	switch (i) {
	case PH_DAYS:	snprintf(num, sizeof num, "%ld", fl->days); break;
	case PH_WEEKS:	snprintf(num, sizeof num, "%ld", fl->days / 7); break;
	case PH_YEARS:	snprintf(num, sizeof num, "%ld", fl->years); break;
	case PH_WHO:	s = fl->who; break;
	case PH_WHAT:	s = fl->what; break;
	case PH_SUM:	value_format(num, sizeof num, fl->sum); break;
	case PH_TARGET:	value_format(num, sizeof num, fl->target); break;
	case PH_LAST7:	figure_format(num, fl->last7, 2); break;
	case PH_BASE28:	figure_format(num, fl->base28, 2); break;
	case PH_CHANGE:	figure_format(num, fl->change, 2); break;
	case PH_DATE:	date_format(num, fl->date); break;
	case PH_PROMPT:	s = fl->prompt; break;
	case PH_WHY:	s = fl->why; break;
	case PH_SINCE:	date_format(num, fl->since); break;
	case PH_TOGETHER7:	snprintf(num, sizeof num, "%d", fl->both7); break;
	case PH_TOGETHER30:	snprintf(num, sizeof num, "%d", fl->both30); break;
	case PH_RUN:	snprintf(num, sizeof num, "%d", fl->run); break;
	case PH_JOURNAL:	s = fl->journal; break;
	}
	put(rs, s, strlen(s));
}

/* The placeholders a rule can fill: its kind's, and {who} where -w names one. */
static unsigned
fillable(const struct rules *rs, const struct kind *k)
{
	return k->fills | (rs->how.who && k->who_w ? B(PH_WHO) : 0);
}

/*
 * Fill a message into rs->buf, or with fl NULL only check it: the reason
 * for the first placeholder that is unknown or that the kind cannot fill.
 */
static const char *
expand(struct rules *rs, const char *msg, const struct kind *k, const struct fill *fl)
{
	static char why[200];
	unsigned ok = fillable(rs, k);
	const char *p = msg, *q;
	size_t n;
	int i;

	rs->buflen = 0;
	put(rs, "", 0);
	while (*p != '\0') {
		n = strcspn(p, "{}");
		put(rs, p, n);
		p += n;
		if (*p == '\0')
			break;
		if (p[0] == p[1]) {
			put(rs, p, 1);
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
			snprintf(why, sizeof why, "unknown placeholder {%s}", vis(p + 1, n));
			return why;
		}
		if (!(ok & B(i))) {
			if (i == PH_WHO && k->who_w)
				snprintf(why, sizeof why, "{who} in a %s rule needs -w: "
				    "without it the rule counts everyone's records", k->name);
			else
				snprintf(why, sizeof why, "%s %s rule cannot fill {%s}",
				    article(k->name), k->name, phnames[i]);
			return why;
		}
		p = q + 1;
		if (fl != NULL)
			fill_one(rs, i, fl);
	}
	return NULL;
}

/* The fields of each kind; f[0] is the kind, f[nf-1] the message. */
static const char *
parse_every(struct rule *r, char **f, int nf, const struct bank *b)
{
	static char why[300];
	const char *w;

	(void)nf;
	(void)b;
	if ((w = every_parse(r, f[1])) == NULL)
		return NULL;
	snprintf(why, sizeof why, "bad schedule: %s", w);
	return why;
}

static const char *
parse_since(struct rule *r, char **f, int nf, const struct bank *b)
{
	static char why[200];
	const char *w;

	(void)nf;
	if ((w = since_parse(r, f[1])) != NULL || (w = measure_known(b, r->what)) != NULL)
		return w;
	if ((r->step = age_parse(f[2], 0)) < 0) {
		snprintf(why, sizeof why, "bad age \"%s\": want days or weeks, like 3d or 2w",
		    vis(f[2], strlen(f[2])));
		return why;
	}
	return NULL;
}

static const char *
parse_target(struct rule *r, char **f, int nf, const struct bank *b)
{
	static char why[200];
	const char *w;
	char *end;
	double x;

	(void)nf;
	if (what_check(f[1], strlen(f[1])) != NULL) {
		snprintf(why, sizeof why, "bad measure \"%s\"", vis(f[1], strlen(f[1])));
		return why;
	}
	if ((w = measure_known(b, f[1])) != NULL)
		return w;
	snprintf(r->what, sizeof r->what, "%s", f[1]);
	end = strchr(f[2], '/');
	if (end == NULL || (strcmp(end, "/w") != 0 && strcmp(end, "/d") != 0) ||
	    number_parse(f[2], (size_t)(end - f[2]), &x) != NULL || x < 0) {
		snprintf(why, sizeof why, "bad target \"%s\": want an amount a week or a day, "
		    "like 480/w or 30/d", vis(f[2], strlen(f[2])));
		return why;
	}
	r->x = x;
	r->span = end[1] == 'w' ? 7 : 1;
	return NULL;
}

static const char *
parse_trend(struct rule *r, char **f, int nf, const struct bank *b)
{
	static char why[300];
	const char *w;
	size_t i, o;

	int p;

	(void)nf;
	r->pillar = P_NONE;
	if ((p = pillar_parse(f[1])) > P_NONE)
		r->pillar = p;
	else if (strcmp(f[1], "*") != 0) {
		if (what_check(f[1], strlen(f[1])) != NULL) {
			snprintf(why, sizeof why, "bad measure \"%s\": want a measure, a pillar "
			    "(dialogue, affection, safety, closeness) or *", vis(f[1], strlen(f[1])));
			return why;
		}
		if ((w = measure_known(b, f[1])) != NULL)
			return w;
		snprintf(r->what, sizeof r->what, "%s", f[1]);
	}
	if (strcmp(f[2], "*") == 0) {
		for (i = 0; i < NFLAGS; i++)
			r->flag |= flagdefs[i].bit;
	} else if ((r->flag = flag_parse(f[2])) == 0) {
		o = (size_t)snprintf(why, sizeof why, "unknown kind of alert \"%s\": want ",
		    vis(f[2], strlen(f[2])));
		for (i = 0; i < NFLAGS && o < sizeof why; i++)
			o += (size_t)snprintf(why + o, sizeof why - o, "%s, ", flagdefs[i].name);
		if (o < sizeof why)
			snprintf(why + o, sizeof why - o, "or *");
		return why;
	}
	return NULL;
}

static const char *
date_field(const char *s, long *day)
{
	static char why[200];
	const char *w;

	if ((w = date_parse(s, strlen(s), day)) == NULL)
		return NULL;
	snprintf(why, sizeof why, "bad date \"%s\": %s", vis(s, strlen(s)), w);
	return why;
}

static const char *
parse_date(struct rule *r, char **f, int nf, const struct bank *b)
{
	static char why[200];
	const char *w;

	(void)b;
	if ((w = date_field(f[1], &r->day)) != NULL)
		return w;
	r->step = 30;
	if (nf == 4 && (r->step = age_parse(f[2], 1)) < 0) {
		snprintf(why, sizeof why, "bad lead \"%s\": want days or weeks, like 60d or 8w",
		    vis(f[2], strlen(f[2])));
		return why;
	}
	return NULL;
}

static const char *
parse_yearly(struct rule *r, char **f, int nf, const struct bank *b)
{
	(void)nf;
	(void)b;
	return date_field(f[1], &r->day);
}

static const char *
parse_pause(struct rule *r, char **f, int nf, const struct bank *b)
{
	const char *w;

	(void)nf;
	(void)b;
	if ((w = date_field(f[1], &r->day)) != NULL || (w = date_field(f[2], &r->day2)) != NULL)
		return w;
	return r->day2 < r->day ? "the pause ends before it starts" : NULL;
}

#define ALL	(B(PH_DATE) | B(PH_PROMPT) | B(PH_TOGETHER7) | B(PH_TOGETHER30) | B(PH_RUN) | \
	    B(PH_JOURNAL))
static const struct kind kinds[NKINDS] = {
	{ K_EVERY, "every", 3, 0, "every, when, message", ALL, 1, 0, parse_every },
	{ K_SINCE, "since", 4, 0, "since, measure, age, message",
	    ALL | B(PH_DAYS) | B(PH_WEEKS) | B(PH_WHAT), 1, 1, parse_since },
	{ K_TARGET, "target", 4, 0, "target, measure, target like 480/w, message",
	    ALL | B(PH_WHAT) | B(PH_SUM) | B(PH_TARGET), 1, 1, parse_target },
	{ K_TREND, "trend", 4, 0, "trend, measure or pillar or *, kind of alert or *, message",
	    ALL | B(PH_DAYS) | B(PH_WEEKS) | B(PH_WHO) | B(PH_WHAT) | B(PH_LAST7) |
	    B(PH_BASE28) | B(PH_CHANGE) | B(PH_WHY) | B(PH_SINCE), 1, 0, parse_trend },
	{ K_DATE, "date", 3, 1, "date, date, [lead,] message",
	    ALL | B(PH_DAYS) | B(PH_WEEKS), 0, 0, parse_date },
	{ K_YEARLY, "yearly", 3, 0, "yearly, date, message", ALL | B(PH_YEARS), 0, 0, parse_yearly },
	{ K_PAUSE, "pause", 4, 0, "pause, first day, last day, message",
	    ALL | B(PH_DAYS) | B(PH_WEEKS), 0, 0, parse_pause },
};

/* "every, since, ... or pause" */
static const char *
kind_list(void)
{
	static char list[200];
	size_t i, o = 0;

	for (i = 0; i < NKINDS; i++)
		o += (size_t)snprintf(list + o, sizeof list - o, "%s%s", kinds[i].name,
		    i + 2 < NKINDS ? ", " : i + 1 < NKINDS ? " or " : "");
	return list;
}

/* One line of a rules file: a rule, or a message and nothing. */
static void
rule_line(struct rules *rs, char *s, size_t len, unsigned long line)
{
	struct rule r;
	char *f[8], *p, *t;
	const char *why;
	const struct kind *k;
	int nf = 0, i;

	memset(&r, 0, sizeof r);
	r.line = line;
	if (memchr(s, '\0', len) != NULL) {
		bad(rs, line, "a NUL byte in the rule");
		return;
	}
	r.text = xstrdup(s);
	for (p = r.text; nf < 8; p = t + 1) {
		f[nf++] = p;
		if ((t = strchr(p, '\t')) == NULL)
			break;
		*t = '\0';
	}
	for (k = kinds; k < kinds + NKINDS && strcmp(f[0], k->name) != 0; k++)
		;
	if (k == kinds + NKINDS) {
		if (strchr(f[0], ' ') != NULL)
			bad(rs, line, "unknown kind of rule \"%s\" (the fields of a rule "
			    "are separated by tabs)", vis(f[0], strlen(f[0])));
		else
			bad(rs, line, "unknown kind of rule \"%s\": want %s",
			    vis(f[0], strlen(f[0])), kind_list());
		goto fail;
	}
	r.kind = k;
	if (nf < k->nf || nf > k->nf + k->opt) {
		bad(rs, line, "%s %s %s rule has the fields %s",
		    nf < k->nf ? "a field is missing:" : "too many fields:",
		    article(k->name), k->name, k->shape);
		goto fail;
	}
	for (i = 1; i < nf; i++)
		if (*f[i] == '\0') {
			if (i == nf - 1)
				bad(rs, line, "the message is empty");
			else
				bad(rs, line, "field %d is empty", i + 1);
			goto fail;
		}
	r.msg = f[nf - 1];
	r.newest = r.oldest = NOWHEN;
	if ((why = k->parse(&r, f, nf, rs->how.bank)) != NULL ||
	    (why = expand(rs, r.msg, k, NULL)) != NULL) {
		bad(rs, line, "%s", why);
		goto fail;
	}
	if (rs->n % 16 == 0)
		rs->rule = xrealloc(rs->rule, (rs->n + 16) * sizeof *rs->rule);
	rs->rule[rs->n++] = r;
	return;
fail:
	free(r.text);
}

/*
 * -l with standard output the very rules file it would list: 1 when the
 * shell has just emptied it (it is empty), -1 when it has not (>>, or
 * rules written into it already).  0 when standard output is elsewhere.
 */
static int
listing_into(int fd)
{
	struct stat sf, so;

	if (fstat(fd, &sf) < 0 || fstat(1, &so) < 0 ||
	    sf.st_dev != so.st_dev || sf.st_ino != so.st_ino)
		return 0;
	return sf.st_size == 0 ? 1 : -1;
}

/*
 * -l into the rules file l reads (path; file when named): 0 when the
 * shell has just emptied it, so the built-in rules are what is wanted,
 * -1 when the list would be added to it, else 1 (l still open).
 */
static int
listing_check(const struct rules *rs, struct lines *l, const char *path, const char *file)
{
	switch (listing_into(l->fd)) {
	case 1:
		/* whatever it held was lost before remind ran: say so when the
		 * file was named, and likely held some */
		if (file != NULL && rs->how.warn != NULL)
			rs->how.warn("%s: the shell emptied this file before remind could "
			    "read it, so it gets the built-in rules; to list a rules "
			    "file into itself, write to another file and mv it",
			    vis(path, strlen(path)));
		lines_close(l);
		return 0;
	case -1:
		if (rs->how.warn != NULL)
			rs->how.warn("%s: the list would be added to the rules file it "
			    "lists; write it to another file", vis(path, strlen(path)));
		lines_close(l);
		return -1;
	}
	return 1;
}

/* The rules file in effect: -f, else the one under $XDG_CONFIG_HOME or
 * ~/.config; NULL when there is none. */
static const char *
rules_path(const char *file)
{
	static char path[4096];
	const char *e;

	if (file != NULL)
		return file;
	if ((e = getenv("XDG_CONFIG_HOME")) != NULL && *e != '\0')
		snprintf(path, sizeof path, "%s/hearth/remind.tsv", e);
	else if ((e = getenv("HOME")) != NULL && *e != '\0')
		snprintf(path, sizeof path, "%s/.config/hearth/remind.tsv", e);
	else
		return NULL;
	return path;
}

int
rules_load(struct rules *rs, const char *file, const struct rules_how *how)
{
	const char *path = rules_path(file);
	struct lines l;
	char *s;
	size_t n, i;
	int rc = 0;

	memset(rs, 0, sizeof *rs);
	rs->how = *how;
	if (path != NULL && (rc = conf_open(&l, path, file != NULL, "rules file")) < 0)
		return -1;
	if (rc > 0 && how->listing && (rc = listing_check(rs, &l, path, file)) < 0)
		return -1;
	if (rc == 0) {
		for (i = 0; builtin[i] != NULL; i++) {
			s = xstrdup(builtin[i]);
			rule_line(rs, s, strlen(s), i + 1);
			free(s);
		}
		return rs->errors ? -1 : 0;
	}
	rs->file = path;
	while ((rc = lines_next(&l, &s, &n)) > 0) {
		if (rc == 2)
			bad(rs, l.lineno, "the line is longer than 64 KiB");
		else if (line_blank(s, n) == NULL)
			rule_line(rs, s, n, l.lineno);
	}
	lines_close(&l);
	return rc < 0 || rs->errors ? -1 : 0;
}

void
rules_free(struct rules *rs)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		free(rs->rule[i].text);
	free(rs->rule);
	free(rs->buf);
	memset(rs, 0, sizeof *rs);
}

const struct rule *
rules_paused(const struct rules *rs, long day)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (rs->rule[i].kind->id == K_PAUSE && rs->rule[i].day <= day &&
		    day <= rs->rule[i].day2)
			return &rs->rule[i];
	return NULL;
}

int
rules_paused_at(long day, void *rs)
{
	return rules_paused(rs, day) != NULL;
}

const char *
rules_say(struct rules *rs, const struct rule *r, const struct fill *fl)
{
	expand(rs, r->msg, r->kind, fl);
	return rs->buf;
}

/*
 * -l: the rules in effect as a rules file, each on the line of its
 * number (the lines between them are "#"), so that the output saved as
 * ~/.config/hearth/remind.tsv is the same rules, numbered the same; then
 * where they came from, as a comment.
 */
void
rules_list(const struct rules *rs)
{
	const struct rule *r;
	const char *p, *t;
	unsigned long line = 1;
	size_t i;

	for (i = 0; i < rs->n; i++) {
		r = &rs->rule[i];
		for (; line < r->line; line++)
			puts("#");
		for (p = r->text; ; p = t + 1) {
			t = p + strlen(p);	/* the fields were cut at their tabs */
			putsafe(stdout, p, (size_t)(t - p));
			if (t >= r->msg)
				break;
			putchar('\t');
		}
		putchar('\n');
		line++;
	}
	if (rs->file != NULL) {
		fputs("# the rules of ", stdout);
		putsafe(stdout, rs->file, strlen(rs->file));
		putchar('\n');
	} else
		puts("# the built-in rules of remind(1)");
}
