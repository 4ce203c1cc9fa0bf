/*
 * bank.c - the question bank: measures, the sets that ask them, starters.
 *
 * The built-in bank is src/questions.tsv compiled in as a string and read
 * by the same parser as a user's bank, so both have one format.  A measure
 * has one definition: a user line may redefine a built-in measure for every
 * set, but two user lines that disagree are an error.  Nothing in a bank is
 * ever executed; its text is only shown.
 *
 * A question line may carry two more fields, the measure's pillar and its
 * label in words; "-" or no field leaves them as they are (none and the
 * measure's id for a new measure), so a bank of seven fields means what
 * it always meant.  A user's line may move a measure to another pillar.
 *
 * A user's bank is a regular file of at most BANK_LIMIT bytes: it is
 * opened without blocking and checked with fstat(2) before a byte is read,
 * so a FIFO or a device named by mistake is refused, not waited on.
 */
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"

extern const char *const bank_builtin[];	/* its lines, then NULL */

static const char *types[] = { "scale", "yesno", "count", "minutes", "text" };

/* In enum pillar's order: the name a bank uses, and the words people read. */
static const char *const pillars[NPILLARS] = {
	"none", "dialogue", "affection", "safety", "closeness"
};
static const char *const pillar_words[NPILLARS] = {
	"other measures", "talking together", "affection", "feeling safe and heard",
	"closeness"
};


/* The table from measure name to b->m, made again when b->m has moved. */
static void
reindex(struct bank *b)
{
	size_t i;

	table_free(&b->index);
	for (i = 0; i < b->nm; i++)
		table_put(&b->index, b->m[i].what, strlen(b->m[i].what), &b->m[i]);
}

static int
find(const struct bank *b, const char *what)
{
	const struct measure *m = table_get(&b->index, what, strlen(what));

	return m != NULL ? (int)(m - b->m) : -1;
}

const struct measure *
bank_measure(const struct bank *b, const char *what)
{
	int i = find(b, what);

	return i < 0 ? NULL : &b->m[i];
}

struct measure
measure_default(const char *what)
{
	struct measure m;

	memset(&m, 0, sizeof m);
	snprintf(m.what, sizeof m.what, "%s", what);
	snprintf(m.label, sizeof m.label, "%s", m.what);
	m.type = T_SCALE;
	m.lo = 0;
	m.hi = -1;
	m.better = 1;
	m.pillar = P_NONE;
	return m;
}

const char *
type_name(enum mtype t)
{
	return types[t];
}

const char *
measure_label(const struct measure *m)
{
	return m->label[0] != '\0' ? m->label : m->what;
}

const char *
pillar_name(enum pillar p)
{
	return (unsigned)p < NPILLARS ? pillars[p] : pillars[P_NONE];
}

int
pillar_parse(const char *s)
{
	int p;

	for (p = 0; p < NPILLARS; p++)
		if (strcmp(s, pillars[p]) == 0)
			return p;
	return -1;
}

const char *
pillar_label(enum pillar p)
{
	return (unsigned)p < NPILLARS ? pillar_words[p] : pillar_words[P_NONE];
}

double
measure_range(const struct measure *m)
{
	if (m->type == T_YESNO)
		return 1;
	if (m->type == T_SCALE && m->known && m->hi > m->lo)
		return (double)(m->hi - m->lo);
	return 0;
}

int
measure_sums(const struct measure *m)
{
	return m->type == T_COUNT || m->type == T_MINUTES || m->type == T_TEXT;
}

const char *
value_check(const struct measure *m, const char *s, size_t n)
{
	static char why[300];
	double v = 0;
	size_t i;
	int integer = n > 0;

	for (i = 0; i < n; i++)		/* values are a few bytes: no call */
		if (s[i] == '.')
			integer = 0;
	if (n == 0) {
		snprintf(why, sizeof why, "bad value \"\" for %s: the value is empty", m->what);
		return why;
	}
	if (number_parse(s, n, &v) != NULL)
		integer = 0;	/* not a number at all: say what this measure takes */
	switch (m->type) {
	case T_SCALE:
	case T_MINUTES:
		if (!integer || v < m->lo || v > m->hi)
			snprintf(why, sizeof why, "%s takes a whole number from %ld to %ld, not \"%s\"",
			    m->what, m->lo, m->hi, vis(s, n));
		else
			return NULL;
		return why;
	case T_YESNO:
		if (n == 1 && (s[0] == '0' || s[0] == '1'))
			return NULL;
		snprintf(why, sizeof why, "%s takes 1 (yes) or 0 (no), not \"%s\"",
		    m->what, vis(s, n));
		return why;
	case T_COUNT:
		if (integer && v >= m->lo && (m->hi < 0 || v <= m->hi))
			return NULL;
		if (m->hi >= 0)		/* a count with a top, from a user bank */
			snprintf(why, sizeof why, "%s takes a whole number from %ld to %ld, not \"%s\"",
			    m->what, m->lo, m->hi, vis(s, n));
		else
			snprintf(why, sizeof why, "%s takes a whole number of %ld or more, not \"%s\"",
			    m->what, m->lo, vis(s, n));
		return why;
	case T_TEXT:
		if (n == 1 && s[0] == '1')
			return NULL;
		snprintf(why, sizeof why, "%s is a text answer: its value is 1 and the answer goes in the note, not \"%s\"",
		    m->what, vis(s, n));
		return why;
	}
	return NULL;
}

static int
integer(const char *s, long *v)
{
	char *end;

	if (*s == '\0' || (*s != '-' && (*s < '0' || *s > '9')))
		return 0;
	errno = 0;
	*v = strtol(s, &end, 10);
	return *end == '\0' && errno == 0 && *v > -1000000000L && *v < 1000000000L;
}

/* Check the fields of a measure's definition; NULL or the reason. */
static const char *
definition(char **f, struct measure *m)
{
	static char why[200];
	size_t t;

	memset(m, 0, sizeof *m);
	for (t = 0; t < 5 && strcmp(f[2], types[t]) != 0; t++)
		;
	if (t == 5)
		return "the type is one of scale, yesno, count, minutes, text";
	m->type = (enum mtype)t;
	if (strcmp(f[3], "-") == 0)
		return "lo is a whole number: - (no limit) is for hi only";
	if (!integer(f[3], &m->lo)) {
		snprintf(why, sizeof why, "lo is a whole number (at most 9 digits), not \"%s\"",
		    vis(f[3], strlen(f[3])));
		return why;
	}
	if (strcmp(f[4], "-") == 0)
		m->hi = -1;
	else if (!integer(f[4], &m->hi)) {
		snprintf(why, sizeof why, "hi is a whole number (at most 9 digits) or -, not \"%s\"",
		    vis(f[4], strlen(f[4])));
		return why;
	}
	if (m->lo < 0 && (m->type == T_COUNT || m->type == T_MINUTES)) {
		snprintf(why, sizeof why, "lo is %ld, but %s start at 0: lo is 0 or more",
		    m->lo, m->type == T_COUNT ? "counts" : "minutes");
		return why;
	}
	if (strcmp(f[5], "high") == 0)
		m->better = 1;
	else if (strcmp(f[5], "low") == 0)
		m->better = -1;
	else
		return "better is high or low";
	switch (m->type) {
	case T_SCALE:
		if (m->hi < 0 || m->lo >= m->hi)
			return "a scale needs whole numbers lo < hi, e.g. 1 5";
		break;
	case T_YESNO:
		if (m->lo != 0 || m->hi != 1)
			return "a yesno measure has lo 0 and hi 1";
		break;
	case T_COUNT:
		if (m->lo < 0 || (m->hi >= 0 && m->hi <= m->lo))
			return "a count has lo 0 (or more) and hi - (or above lo)";
		break;
	case T_MINUTES:
		if (m->lo < 0 || m->hi < 0 || m->hi > 1440 || m->lo >= m->hi)
			return "minutes have 0 <= lo < hi <= 1440, e.g. 0 1440";
		break;
	case T_TEXT:
		if (m->lo != 1 || m->hi != 1)
			return "a text answer has lo 1 and hi 1";
		break;
	}
	snprintf(m->what, sizeof m->what, "%s", f[1]);
	m->known = 1;
	return NULL;
}

static int
same(const struct measure *a, const struct measure *b)
{
	return a->type == b->type && a->lo == b->lo && a->hi == b->hi &&
	    a->better == b->better;
}

struct loader {
	struct bank *b;
	size_t nbuiltin_q;		/* questions from the built-in bank */
	int *mline;			/* user line that defined measure i, 0 = built in */
	int *pline, *lline;		/* the line that set its pillar, its label: 0 none, -1 built in */
	size_t mcap, qcap;
	const char *file;
	int errors;
};

static void
lerr(struct loader *L, unsigned long line, const char *fmt, ...)
{
	char msg[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	warnx_("%s:%lu: %s", vis(L->file, strlen(L->file)), line, msg);
	L->errors++;
}

static void
insert_question(struct loader *L, size_t at, const struct question *q)
{
	struct bank *b = L->b;

	if (b->nq == L->qcap) {
		L->qcap = L->qcap ? 2 * L->qcap : 256;
		b->q = xrealloc(b->q, L->qcap * sizeof *b->q);
	}
	memmove(b->q + at + 1, b->q + at, (b->nq - at) * sizeof *b->q);
	b->q[at] = *q;
	b->nq++;
}

/* Words a bank shows: not empty, UTF-8, no control character, no backslash. */
static int
shown_text(const char *s)
{
	size_t n = strlen(s);

	return utf8_valid(s, n) && note_check(s, n) == NULL && strchr(s, '\\') == NULL;
}

/* The pillar and label fields of a line: NULL or the reason. */
static const char *
extras(char **f, int *pillar, const char **label)
{
	static char why[300];

	*pillar = -1;
	*label = NULL;
	if (strcmp(f[7], "-") != 0 && (*pillar = pillar_parse(f[7])) < 0) {
		snprintf(why, sizeof why, "bad pillar \"%s\": the pillars are dialogue, affection, "
		    "safety, closeness and none (or - to leave it as it is)", vis(f[7], strlen(f[7])));
		return why;
	}
	if (strcmp(f[8], "-") == 0)
		return NULL;
	if (f[8][0] == '\0')
		return "the label is empty: give a few words, or - for the measure's name";
	if (!shown_text(f[8]))
		return "the label has a control character, a backslash or bad UTF-8";
	if (strlen(f[8]) >= sizeof ((struct measure *)0)->label) {
		snprintf(why, sizeof why, "the label has %zu bytes; at most %zu",
		    strlen(f[8]), sizeof ((struct measure *)0)->label - 1);
		return why;
	}
	*label = f[8];
	return NULL;
}

/*
 * Give measure mi the pillar or label a line names.  *set says which line
 * set it before (0: none, -1: the built-in bank); a user's line overrides
 * the built-in bank, but two user lines, or two built-in ones, must agree.
 */
static int
assign(struct loader *L, unsigned long line, int user, int *set, int differs,
    const char *what, const char *field)
{
	if (!differs) {
		if (user && *set <= 0)
			*set = (int)line;	/* restated: a later user line must agree */
		else if (*set == 0)
			*set = -1;
		return 0;
	}
	if (*set > 0) {
		lerr(L, line, "%s is given another %s on line %d", what, field, *set);
		return -1;
	}
	if (*set < 0 && !user) {
		lerr(L, line, "%s is given two %ss in the built-in bank", what, field);
		return -1;
	}
	*set = user ? (int)line : -1;
	return 1;
}

/* The set, the measure or category and the text of a line: 0, or -1 having said what is wrong. */
static int
line_fields(struct loader *L, unsigned long line, char **f)
{
	const char *why;

	if ((why = what_check(f[0], strlen(f[0]))) != NULL) {
		lerr(L, line, "bad set \"%s\": %s", vis(f[0], strlen(f[0])), why);
		return -1;
	}
	if ((why = what_check(f[1], strlen(f[1]))) != NULL) {
		lerr(L, line, "bad measure or category \"%s\": %s", vis(f[1], strlen(f[1])), why);
		return -1;
	}
	if (f[6][0] == '\0') {
		lerr(L, line, "%s", "the question text is empty");
		return -1;
	}
	if (!shown_text(f[6])) {
		lerr(L, line, "%s", "the text has a control character, a backslash or bad UTF-8");
		return -1;
	}
	return 0;
}

/* A line of set prompt: starter q with text f[6], unless the bank has it already. */
static void
starter_line(struct loader *L, unsigned long line, char **f, struct question *q)
{
	struct bank *b = L->b;
	size_t i;

	if (strcmp(f[2], "-") || strcmp(f[3], "-") || strcmp(f[4], "-") ||
	    strcmp(f[5], "-")) {
		lerr(L, line, "%s", "a starter (set prompt) has - in type, lo, hi and better");
		return;
	}
	if (strcmp(f[7], "-") || strcmp(f[8], "-")) {
		lerr(L, line, "%s", "a starter (set prompt) has no pillar or label: - or nothing there");
		return;
	}
	for (i = 0; i < b->nq; i++)
		if (b->q[i].m < 0 && strcmp(b->q[i].text, f[6]) == 0)
			return;		/* already there */
	q->text = xstrdup(f[6]);
	insert_question(L, b->nq, q);
}

/* Measure m added at the end of the bank, of no pillar and labelled with its name; its index. */
static int
add_measure(struct loader *L, unsigned long line, int user, struct measure *m)
{
	struct bank *b = L->b;
	int mi;

	if (b->nm == L->mcap) {
		L->mcap = L->mcap ? 2 * L->mcap : 64;
		b->m = xrealloc(b->m, L->mcap * sizeof *b->m);
		L->mline = xrealloc(L->mline, L->mcap * sizeof *L->mline);
		L->pline = xrealloc(L->pline, L->mcap * sizeof *L->pline);
		L->lline = xrealloc(L->lline, L->mcap * sizeof *L->lline);
	}
	m->pillar = P_NONE;
	snprintf(m->label, sizeof m->label, "%s", m->what);
	b->m[b->nm] = *m;
	L->mline[b->nm] = user ? (int)line : 0;
	L->pline[b->nm] = L->lline[b->nm] = 0;
	mi = (int)b->nm++;
	reindex(b);
	return mi;
}

/* The index of the measure a line defines as m: new, the same, or redefined by a
 * user's line; -1 having said why two definitions clash. */
static int
line_measure(struct loader *L, unsigned long line, int user, struct measure *m)
{
	struct bank *b = L->b;
	int mi = find(b, m->what);

	if (mi >= 0 && !same(&b->m[mi], m)) {
		if (L->mline[mi] > 0) {
			lerr(L, line, "%s is defined differently on line %d", m->what, L->mline[mi]);
			return -1;
		}
		if (!user) {
			lerr(L, line, "%s is defined twice in the built-in bank", m->what);
			return -1;
		}
		m->pillar = b->m[mi].pillar;	/* another range: still the same thing */
		memcpy(m->label, b->m[mi].label, sizeof m->label);
		b->m[mi] = *m;			/* a user's redefinition holds everywhere */
		L->mline[mi] = (int)line;
	} else if (mi < 0)
		mi = add_measure(L, line, user, m);
	else if (user && L->mline[mi] == 0)
		L->mline[mi] = (int)line;	/* restated: a later user line must agree */
	return mi;
}

/* Give measure mi a line's pillar (unless < 0) and label (unless NULL): 0, or -1 having said why not. */
static int
line_extras(struct loader *L, unsigned long line, int user, int mi, int pillar,
    const char *label)
{
	struct bank *b = L->b;

	if (pillar >= 0) {
		switch (assign(L, line, user, &L->pline[mi], (int)b->m[mi].pillar != pillar,
		    b->m[mi].what, "pillar")) {
		case -1:
			return -1;
		case 1:
			b->m[mi].pillar = (enum pillar)pillar;
		}
	}
	if (label != NULL) {
		switch (assign(L, line, user, &L->lline[mi], strcmp(b->m[mi].label, label) != 0,
		    b->m[mi].what, "label")) {
		case -1:
			return -1;
		case 1:
			snprintf(b->m[mi].label, sizeof b->m[mi].label, "%s", label);
		}
	}
	return 0;
}

/* Question q of measure mi with text f[6]: in place of the one of the same set and
 * measure, else after the last question of its set (at the end for a new set). */
static void
place_question(struct loader *L, char **f, struct question *q, int mi)
{
	struct bank *b = L->b;
	size_t i, at;

	q->m = mi;
	for (i = 0; i < b->nq; i++) {
		if (strcmp(b->q[i].set, q->set) == 0 && strcmp(b->q[i].what, q->what) == 0) {
			free(b->q[i].text);	/* same set and measure: replaced in place */
			b->q[i].text = xstrdup(f[6]);
			b->q[i].m = mi;
			return;
		}
	}
	q->text = xstrdup(f[6]);
	for (at = b->nq; at > 0 && strcmp(b->q[at - 1].set, q->set) != 0; at--)
		;
	insert_question(L, at > 0 ? at : b->nq, q);
}

/* One line of a bank, already split into 9 fields ("-" for those not given). */
static void
bank_line(struct loader *L, unsigned long line, char **f, int user)
{
	struct question q;
	struct measure m;
	const char *why, *label;
	int mi, pillar;

	if (line_fields(L, line, f) < 0)
		return;
	memset(&q, 0, sizeof q);
	snprintf(q.set, sizeof q.set, "%s", f[0]);
	snprintf(q.what, sizeof q.what, "%s", f[1]);
	q.m = -1;
	if (strcmp(f[0], "prompt") == 0) {
		starter_line(L, line, f, &q);
		return;
	}
	if ((why = definition(f, &m)) != NULL || (why = extras(f, &pillar, &label)) != NULL) {
		lerr(L, line, "%s", why);
		return;
	}
	if ((mi = line_measure(L, line, user, &m)) < 0 ||
	    line_extras(L, line, user, mi, pillar, label) < 0)
		return;
	place_question(L, f, &q, mi);
}

/*
 * Split a bank line into its 7 fields, or 8 or 9 with the pillar and the
 * label; those not given are "-".  NULL, or why not.
 */
static const char *
split(char *s, size_t n, char **f)
{
	static char why[160];
	static char dash[] = "-";
	int k = 0;
	char *p = s, *tab;

	if (memchr(s, '\0', n) != NULL)
		return "a NUL byte in the line";
	for (;;) {
		tab = strchr(p, '\t');
		if (k < 9)
			f[k] = p;
		k++;
		if (tab == NULL)
			break;
		*tab = '\0';
		p = tab + 1;
	}
	if (k < 7 || k > 9) {
		snprintf(why, sizeof why, "want 7 tab-separated fields (set, what, type, lo, hi, "
		    "better, text), then optionally pillar and label; found %d", k);
		return why;
	}
	for (; k < 9; k++)
		f[k] = dash;
	return NULL;
}

static void
load_builtin(struct loader *L)
{
	unsigned long line;
	char buf[1024], *f[9];
	const char *why;
	size_t n;

	L->file = "built-in bank";
	for (line = 1; bank_builtin[line - 1] != NULL; line++) {
		n = strlen(bank_builtin[line - 1]);
		if (n >= sizeof buf)
			die(1, "built-in bank:%lu: line too long", line);
		memcpy(buf, bank_builtin[line - 1], n + 1);
		if (line_blank(buf, n))
			continue;
		if ((why = split(buf, n, f)) != NULL)
			die(1, "built-in bank:%lu: %s", line, why);
		bank_line(L, line, f, 0);
	}
	if (L->errors)
		exit(1);
	L->nbuiltin_q = L->b->nq;
}

/* What a file that is not a regular one is, in words. */
static const char *
file_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "a directory";
	if (S_ISFIFO(mode))
		return "a pipe";
	if (S_ISCHR(mode) || S_ISBLK(mode))
		return "a device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a regular file";
}

/*
 * Open a user's file (a bank, remind's rules) without blocking and check
 * it before reading: a regular file of at most BANK_LIMIT bytes.  1 open
 * (into *l), 0 missing and !must, -1 after a message.
 */
int
conf_open(struct lines *l, const char *file, int must, const char *what)
{
	struct stat st;
	int fd, flags;

	if ((fd = open(file, O_RDONLY | O_NONBLOCK)) < 0) {
		if (!must && errno == ENOENT)
			return 0;
		warn_("%s", vis(file, strlen(file)));
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		warn_("%s", vis(file, strlen(file)));
		close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		warnx_("%s: a %s is a plain file, and this is %s",
		    vis(file, strlen(file)), what, file_kind(st.st_mode));
		close(fd);
		return -1;
	}
	if (st.st_size > BANK_LIMIT) {
		warnx_("%s: a %s is at most 1 MiB, and this one has %lld bytes",
		    vis(file, strlen(file)), what, (long long)st.st_size);
		close(fd);
		return -1;
	}
	if ((flags = fcntl(fd, F_GETFL)) >= 0)
		fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	/* the reader of lines, on the descriptor already checked */
	if (lines_open(l, NULL) < 0) {
		close(fd);
		return -1;
	}
	l->fd = fd;
	l->name = file;
	l->left = BANK_LIMIT + 1;	/* a file that grows past the limit is caught too */
	return 1;
}

static int
load_user(struct loader *L, const char *file, int must)
{
	struct lines l;
	const char *why;
	char *s, *f[9];
	size_t n;
	int rc;

	if ((rc = conf_open(&l, file, must, "question bank")) <= 0)
		return rc;
	L->file = file;
	while ((rc = lines_next(&l, &s, &n)) > 0) {
		if (rc == 2) {
			lerr(L, l.lineno, "%s", "the line is longer than 64 KiB");
			continue;
		}
		if (line_blank(s, n))
			continue;
		if ((why = split(s, n, f)) != NULL) {
			lerr(L, l.lineno, "%s", why);
			continue;
		}
		bank_line(L, l.lineno, f, 1);
	}
	if (rc == 0 && l.left == 0) {
		warnx_("%s: a question bank is at most 1 MiB, and this one grew past it",
		    vis(file, strlen(file)));
		rc = -1;
	}
	lines_close(&l);
	if (rc < 0)
		return -1;
	return L->errors ? -1 : 0;
}

int
bank_load(struct bank *b, const char *file)
{
	struct loader L;
	const char *e, *home;
	char path[4096];
	int rc = 0;

	memset(b, 0, sizeof *b);
	memset(&L, 0, sizeof L);
	L.b = b;
	load_builtin(&L);
	if (file != NULL)
		rc = load_user(&L, file, 1);
	else if ((e = getenv("HEARTH_BANK")) != NULL && *e != '\0')
		rc = load_user(&L, e, 1);
	else {
		if ((e = getenv("XDG_CONFIG_HOME")) != NULL && *e != '\0')
			snprintf(path, sizeof path, "%s/hearth/questions.tsv", e);
		else if ((home = getenv("HOME")) != NULL && *home != '\0')
			snprintf(path, sizeof path, "%s/.config/hearth/questions.tsv", home);
		else
			path[0] = '\0';
		if (path[0] != '\0')
			rc = load_user(&L, path, 0);
	}
	free(L.mline);
	free(L.pline);
	free(L.lline);
	return rc;
}

void
bank_free(struct bank *b)
{
	size_t i;

	for (i = 0; i < b->nq; i++)
		free(b->q[i].text);
	free(b->q);
	free(b->m);
	table_free(&b->index);
	memset(b, 0, sizeof *b);
}

size_t
bank_starters(const struct bank *b, const char *category, size_t *idx)
{
	size_t i, n = 0;

	for (i = 0; i < b->nq; i++) {
		if (strcmp(b->q[i].set, "prompt") != 0)
			continue;
		if (category != NULL && strcmp(b->q[i].what, category) != 0)
			continue;
		if (idx != NULL)
			idx[n] = i;
		n++;
	}
	return n;
}

static unsigned long long
splitmix64(unsigned long long *x)
{
	unsigned long long z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

const char *
starter_of_day(const struct bank *b, const char *category, long day,
    unsigned long long seed)
{
	size_t *idx, n, i, j, t;
	unsigned long long x = seed;
	const char *text;
	long k;

	idx = xmalloc((b->nq + 1) * sizeof *idx);
	n = bank_starters(b, category, idx);
	if (n == 0) {
		free(idx);
		return NULL;
	}
	if (category != NULL)		/* each category its own permutation */
		x ^= hash_bytes(category, strlen(category));
	for (i = n - 1; i > 0; i--) {	/* Fisher-Yates, fixed generator */
		j = (size_t)(splitmix64(&x) % (i + 1));
		t = idx[i];
		idx[i] = idx[j];
		idx[j] = t;
	}
	k = day % (long)n;
	if (k < 0)
		k += (long)n;
	text = b->q[idx[k]].text;
	free(idx);
	return text;
}

unsigned long long
hearth_seed(void)
{
	const char *e = getenv("HEARTH_SEED");
	unsigned long long v = 0;
	const char *p;

	if (e == NULL || *e == '\0')
		return 0;
	for (p = e; *p; p++) {
		if (*p < '0' || *p > '9' ||
		    v > (~0ULL - (unsigned long long)(*p - '0')) / 10)
			die(1, "HEARTH_SEED=\"%s\": want a whole number", vis(e, strlen(e)));
		v = v * 10 + (unsigned long long)(*p - '0');
	}
	return v;
}
