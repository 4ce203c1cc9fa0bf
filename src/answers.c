/*
 * answers.c - tonight's question, answered by both (ask -P, -r and -b).
 *
 * ask -P shows the conversation starter of the day and prints one answer
 * line for log(1), a text measure whose note holds the question and the
 * answer:
 *
 *	answer<TAB>1<TAB>q:1a2b3c4d Which worry ...?\tIt sounds like ...
 *
 * 1a2b3c4d is the question's id, the FNV-1a hash (32 bits) of its text as
 * in the bank; the question follows it, then an escaped tab, then the
 * answer.  A bank question never holds a tab, so the first one splits the
 * note exactly, and the answer may hold anything a note may.  The record
 * carries its question, not only the id: a bank changes (a release
 * rewords a starter, a partner's own starters are not in the other's
 * bank, one is deleted), and a book read in ten years must still say what
 * was asked.  Two answers belong together when they have the same id, the
 * same day and the same couple; the id keeps that exact and short to grep.
 *
 * ask -r and ask -b read journals back with journal_next() and keep only
 * the answers of the asker's couple, in memory (one a day each).  Every
 * step is n log n at worst, in people as in answers: the people of the
 * couple are found in a hash table, a record read twice is found by
 * sorting, and each question's group of answers is walked once.
 *
 * Invariants:
 * - ask -P is all or nothing: the one line is printed after the whole
 *   answer has been read; Ctrl-C says "cancelled, nothing kept" on a
 *   terminal and kills ask by SIGINT, leaving stdout empty.  It reads no
 *   more than a note can hold, so endless input ends as too long.
 * - A question's answers are shown only to a partner who answered that
 *   question that day; to anyone else, only who has answered.
 * - Text from a journal reaches a terminal through putsafe(), and an HTML
 *   page escaped byte by byte; bidi controls (U+202A-U+202E, U+2066-
 *   U+2069) are shown as <U+202E> in both, so no answer can turn round
 *   the text after it, and a tab is a space.
 * - Columns are counted by text_char_cols(), as putsafe() writes the text, so
 *   no line of the reveal is wider than the terminal.
 * - A record read twice (the same time, who and note) is shown once.
 * - The book is the same whoever prints it: people in byte order.  With
 *   -o it goes to a file of its owner's alone (0600), never through a
 *   symbolic link, and never over a journal being read.
 */
#include <sys/stat.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"
#include "series.h"
#include "stats.h"
#include "answers.h"

static int Pflag, rflag, bflag, Hflag;
static const char *ndays, *whoarg, *outfile;

static int termwidth;		/* columns of stdout's terminal; 0: not a terminal */
static int bold;		/* escape codes allowed on stdout (or stderr for -P) */

void
answers_option(int c, const char *arg)
{
	switch (c) {
	case 'H': Hflag = 1; break;
	case 'P': Pflag = 1; break;
	case 'b': bflag = 1; break;
	case 'n': ndays = arg; break;
	case 'o': outfile = arg; break;
	case 'r': rflag = 1; break;
	case 'w': whoarg = arg; break;
	}
}

int
answers_mode(void)
{
	return Pflag || rflag || bflag || Hflag || ndays != NULL || whoarg != NULL ||
	    outfile != NULL;
}

/* The question's id: FNV-1a over its text; the low 32 bits are the same
 * whatever the width of long. */
static unsigned long
question_id(const char *s, size_t n)
{
	return hash_bytes(s, n) & 0xffffffffUL;
}

/* --- display text --------------------------------------------------------- */

static int
bidi_control(unsigned long c)
{
	return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

const char *
journal_shown(void)
{
	const char *j = getenv("HEARTH_JOURNAL");

	return j != NULL && *j != '\0' ? path_shown(j) : "~/us/journal.tsv";
}

/*
 * Text from a journal (UTF-8, as note_check and who_check say) made fit to
 * show: a tab becomes a space, a carriage return \r, a bidi control
 * <U+202E>; newlines stay.  malloc'd, NUL-terminated.
 */
static char *
display(const char *s, size_t n, size_t *outlen)
{
	char *out = xmalloc(4 * n + 1);
	unsigned long c;
	size_t i, k, o = 0;

	for (i = 0; i < n; i += k) {
		if ((k = u8_decode(s + i, n - i, &c)) == 0)
			k = 1;		/* not so: note_check and who_check said UTF-8 */
		if (c == '\t')
			out[o++] = ' ';
		else if (c == '\r') {
			out[o++] = '\\';
			out[o++] = 'r';
		} else if (bidi_control(c))
			o += (size_t)sprintf(out + o, "<U+%04lX>", c);
		else {
			memcpy(out + o, s + i, k);
			o += k;
		}
	}
	out[o] = '\0';
	if (outlen != NULL)
		*outlen = o;
	return out;
}

static void
spaces(size_t n)
{
	while (n-- > 0)
		putchar(' ');
}

/* --- dates ------------------------------------------------------------------ */

/* "Thursday 26 November 2026"; buf >= 48 */
static void
longdate(char *buf, long day)
{
	long y;
	int m, d;

	civil_from_days(day, &y, &m, &d);
	snprintf(buf, 48, "%s %d %s %ld", day_name[weekday(day)], d, month_name[m - 1], y);
}

/* "26 November 2026", "22 to 26 November 2026", "30 November to 2 December
 * 2026" or in full: the days of the book, no more words than needed. */
static void
range(long lo, long hi)
{
	long y0, y1;
	int m0, m1, d0, d1;

	civil_from_days(lo, &y0, &m0, &d0);
	civil_from_days(hi, &y1, &m1, &d1);
	if (lo == hi)
		printf("%d %s %ld", d0, month_name[m0 - 1], y0);
	else if (y0 == y1 && m0 == m1)
		printf("%d to %d %s %ld", d0, d1, month_name[m1 - 1], y1);
	else if (y0 == y1)
		printf("%d %s to %d %s %ld", d0, month_name[m0 - 1], d1, month_name[m1 - 1], y1);
	else
		printf("%d %s %ld to %d %s %ld", d0, month_name[m0 - 1], y0, d1,
		    month_name[m1 - 1], y1);
}

/* "tonight's question", "yesterday's question", "the question of 2026-11-20" */
static const char *
which(long day, long today)
{
	static char buf[64];
	char d[16];

	if (day == today)
		return "tonight's question";
	if (day == today - 1)
		return "yesterday's question";
	date_format(d, day);
	snprintf(buf, sizeof buf, "the question of %s", d);
	return buf;
}

/* --- answering: ask -P ------------------------------------------------------ */

static size_t
trimmed(const char *s, size_t *n)
{
	size_t i = 0;

	while (i < *n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
		i++;
	while (*n > i && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\n'))
		(*n)--;
	return i;
}

/* NULL when a line of an answer may go in a note; else why not. */
static const char *
line_check(const char *s, size_t n)
{
	if (has_control(s, n))
		return "a control character in the answer (only tabs are kept)";
	if (!utf8_valid(s, n))
		return "the answer is not UTF-8 text";
	return NULL;
}

struct text {
	char	*s;
	size_t	 n, cap;
};

static void
append(struct text *t, const char *s, size_t n)
{
	if (t->n + n + 1 > t->cap) {
		t->cap = 2 * (t->n + n + 1);
		t->s = xrealloc(t->s, t->cap);
	}
	memcpy(t->s + t->n, s, n);
	t->n += n;
	t->s[t->n] = '\0';
}

/* Why an answer cannot be kept: longer than a journal note may be. */
static void
too_long(const char *where)
{
	warnx_("%sthe answer is too long for the journal (at most %d bytes with the question, "
	    "tabs, newlines and backslashes counting twice): nothing was printed", where, NOTE_LIMIT);
}

/*
 * On a terminal: lines until an empty one after some text, or Ctrl-D; a
 * bad line, or one that would make the answer longer than a note may be,
 * is explained and left out.  1 when nothing could be read.
 */
static int
read_typed(struct text *t, const char *question, const char *whichq)
{
	struct lines l;
	char *s, head[64];
	size_t len;
	int rc;

	snprintf(head, sizeof head, "%c%s, for the two of you:", whichq[0] - 'a' + 'A', whichq + 1);
	say_wrapped("", head, 0);
	fputc('\n', stderr);
	say_wrapped("    ", question, bold);
	fputc('\n', stderr);
	say_wrapped("", "Your answer, in a few lines: an empty line or Ctrl-D ends it, "
	    "Ctrl-C cancels.", 0);
	fputs("> ", stderr);
	fflush(stderr);
	if (lines_open(&l, NULL) < 0)
		return 1;
	on_cancel("\ncancelled, nothing kept\n");
	while ((rc = lines_next(&l, &s, &len)) != 0) {
		const char *why;

		if (rc < 0) {
			lines_close(&l);
			return 1;
		}
		if (rc == 2)
			tell("that line is longer than 64 KiB and was left out; type it again");
		else if ((why = line_check(s, len)) != NULL)
			tell("%s: that line was left out; type it again", why);
		else if (len == 0 && t->n > 0)
			break;
		else if (t->n + len + 1 > NOTE_LIMIT)
			tell("that line would make the answer too long for the journal, so it was "
			    "left out; an empty line or Ctrl-D ends the answer");
		else if (len > 0) {
			if (t->n > 0)
				append(t, "\n", 1);
			append(t, s, len);
		}
		fputs("> ", stderr);
		fflush(stderr);
	}
	if (rc == 0)
		fputc('\n', stderr);	/* Ctrl-D leaves the prompt's line open */
	lines_close(&l);
	return 0;
}

/*
 * From a file or a pipe: all of it, or nothing when a line is bad (at
 * most ten named, then a count).  Reading stops once more has come than a
 * note can hold, so endless input is refused, not kept.
 */
static int
read_all(struct text *t)
{
	struct lines l;
	const char *why;
	char *s, where[48];
	size_t len, used = 0;
	int rc, bad = 0;

	if (lines_open(&l, NULL) < 0)
		return 1;
	while ((rc = lines_next(&l, &s, &len)) > 0) {
		if (rc == 2) {
			bad_answer(l.lineno, "the line is longer than 64 KiB");
			bad = 1;
			break;
		}
		if ((used += len + 1) > NOTE_LIMIT + 1) {
			snprintf(where, sizeof where, "stdin:%lu: ", l.lineno);
			too_long(where);
			bad = 1;
			break;
		}
		if ((why = line_check(s, len)) != NULL) {
			bad_answer(l.lineno, "%s", why);
			bad = 1;
		} else {
			if (l.lineno > 1)
				append(t, "\n", 1);
			append(t, s, len);
		}
	}
	bad_answers_said();
	lines_close(&l);
	return rc < 0 || bad;
}

static const char *
categories(const struct bank *b)
{
	static char list[1024];
	size_t i, j, o = 0;

	list[0] = '\0';
	for (i = 0; i < b->nq; i++) {
		if (b->q[i].m >= 0)
			continue;
		for (j = 0; j < i && (b->q[j].m >= 0 || strcmp(b->q[j].what, b->q[i].what)); j++)
			;
		if (j == i && o + strlen(b->q[i].what) + 3 < sizeof list)
			o += (size_t)sprintf(list + o, "%s%s", o ? ", " : "", b->q[i].what);
	}
	return list;
}

/* What to do next, said after an answer typed on a terminal: the reveal,
 * with the journal named where ask knows it. */
static void
said_answered(void)
{
	char msg[PATH_MAX + 200];
	const char *j = getenv("HEARTH_JOURNAL");

	say_wrapped("", j != NULL && *j != '\0' ? "Once your partner has answered too, this "
	    "shows you both:" : "Once your partner has answered too, ask -r with your journal "
	    "shows you both, as in:", 0);
	snprintf(msg, sizeof msg, "ask -r %s", journal_shown());
	say_command(msg);
}

static int
answer_tonight(const char *bankfile, const char *category, long day, long today)
{
	struct bank b;
	const struct measure *m;
	const char *q;
	struct text t = { NULL, 0, 0 };
	size_t off, n, qn, o;
	char *line;
	int rc;

	if (bank_load(&b, bankfile) < 0)
		return 1;
	if (category != NULL && bank_starters(&b, category, NULL) == 0) {
		warnx_("no starters in category \"%s\"; the categories are %s",
		    vis(category, strlen(category)), categories(&b));
		bank_free(&b);
		return -1;
	}
	m = bank_measure(&b, ANSWER_MEASURE);
	if (m == NULL || m->type != T_TEXT) {
		if (m == NULL)
			warnx_("no question bank defines the measure %s that ask -P writes; add "
			    "this line to your bank:\n%s\t%s\ttext\t1\t1\thigh\tTonight's question, "
			    "answered (ask -P asks it)", ANSWER_MEASURE, ANSWER_SET, ANSWER_MEASURE);
		else
			warnx_("the bank defines %s as a %s measure; ask -P writes text answers",
			    ANSWER_MEASURE, type_name(m->type));
		bank_free(&b);
		return 1;
	}
	if ((q = starter_of_day(&b, category, day, hearth_seed())) == NULL) {
		warnx_("the bank has no conversation starters");
		bank_free(&b);
		return 1;
	}
	if (isterm(0)) {
		bold = colour_ok(2);
		rc = read_typed(&t, q, which(day, today));
	} else
		rc = read_all(&t);
	if (rc != 0) {
		free(t.s);
		bank_free(&b);
		return 1;
	}
	n = t.n;
	off = t.s != NULL ? trimmed(t.s, &n) : 0;
	if (n == off) {
		warnx_("no answer: nothing was printed");
		free(t.s);
		bank_free(&b);
		return 1;
	}
	qn = strlen(q);
	line = xmalloc(sizeof ANSWER_MEASURE + 2 * (qn + n) + 32);
	o = (size_t)sprintf(line, "%s\t1\tq:%08lx ", ANSWER_MEASURE, question_id(q, qn));
	o += note_escape(q, qn, line + o);	/* a no-op: a bank holds no tab or backslash */
	line[o++] = '\\';
	line[o++] = 't';
	o += note_escape(t.s + off, n - off, line + o);
	free(t.s);
	if (o - sizeof ANSWER_MEASURE - 2 > NOTE_LIMIT) {
		too_long("");
		free(line);
		bank_free(&b);
		return 1;
	}
	line[o++] = '\n';
	fwrite(line, 1, o, stdout);
	free(line);
	bank_free(&b);
	rc = fshut(stdout, "stdout");
	if (rc == 0 && isterm(0))
		said_answered();
	return rc;
}

/* --- reading answers back ----------------------------------------------------- */

struct ans {
	long	 day;
	unsigned long id, seq;
	const char *time, *who, *q, *a;	/* in one allocation, time first */
	size_t	 wholen, qlen, alen;
};

static struct ans *all;
static size_t nall, capall;
static char **members;		/* the asker's couple, as seen in the journals */
static size_t nmembers, capmembers;
static struct table memberset;	/* the same names, to find one at once */
static const char *me;
static size_t melen, mecouple;

static int
in_couple(const char *who, size_t n)
{
	size_t c = couple_len(who, n);

	return c == mecouple && (c == 0 || memcmp(who, me, c) == 0);
}

static void
member(const char *who, size_t n)
{
	char *m;

	if (table_get(&memberset, who, n) != NULL)
		return;
	if (nmembers == capmembers) {
		capmembers = capmembers ? 2 * capmembers : 4;
		members = xrealloc(members, capmembers * sizeof *members);
	}
	m = members[nmembers++] = xmalloc(n + 1);
	memcpy(m, who, n);
	m[n] = '\0';
	table_put(&memberset, m, n, m);
}

/* The name without its couple: "sam" for "smiths/sam", safe to show. */
static char *
shortname(const char *who, size_t n)
{
	size_t c = couple_len(who, n);

	if (c > 0)
		c++;
	return display(who + c, n - c, NULL);
}

/* One answer record: kept, or reported when its note is not one of ask -P. */
static void
keep(const struct record *r, const char *file, unsigned long line, unsigned long seq)
{
	struct ans *x;
	size_t tl = strlen(r->time), i, n;
	char *blob, *note;
	unsigned long id = 0;

	blob = xmalloc(tl + 1 + r->wholen + 1 + r->notelen + 1);
	memcpy(blob, r->time, tl + 1);
	memcpy(blob + tl + 1, r->who, r->wholen + 1);
	note = blob + tl + 1 + r->wholen + 1;
	n = note_unescape(r->note, r->notelen, note);
	note[n] = '\0';
	for (i = 2; i < 10 && i < n; i++) {
		int h = note[i] >= '0' && note[i] <= '9' ? note[i] - '0' :
		    note[i] >= 'a' && note[i] <= 'f' ? note[i] - 'a' + 10 : -1;

		if (h < 0)
			break;
		id = id << 4 | (unsigned long)h;
	}
	if (n < 13 || note[0] != 'q' || note[1] != ':' || i != 10 || note[10] != ' ' ||
	    note[11] == '\t' || memchr(note + 11, '\t', n - 11) == NULL) {
		bad_record(file, line, "an answer of ask -P holds \"q:\", the question's id, "
		    "a space, the question, a tab and the answer in its note");
		free(blob);
		return;
	}
	if (nall == capall) {
		capall = capall ? 2 * capall : 64;
		all = xrealloc(all, capall * sizeof *all);
	}
	x = &all[nall++];
	x->day = r->t.day;
	x->id = id;
	x->seq = seq;
	x->time = blob;
	x->who = blob + tl + 1;
	x->wholen = r->wholen;
	x->q = note + 11;
	x->qlen = (size_t)((char *)memchr(note + 11, '\t', n - 11) - x->q);
	x->a = x->q + x->qlen + 1;
	x->alen = n - 11 - x->qlen - 1;
	note[11 + x->qlen] = '\0';	/* the tab: the question is a string */
}

/* The answers of the asker's couple from first to last (days); 1 when a
 * journal could not be read. */
static int
gather(char **files, long first, long last)
{
	struct lines l;
	struct record r;
	unsigned long seq = 0;
	int rc = 0, k;

	for (; *files != NULL; files++) {
		if (lines_open(&l, *files) < 0) {
			rc = 1;
			continue;
		}
		while ((k = journal_next(&l, &r)) > 0) {
			if (!in_couple(r.who, r.wholen))
				continue;
			member(r.who, r.wholen);
			if (r.whatlen == sizeof ANSWER_MEASURE - 1 &&
			    memcmp(r.what, ANSWER_MEASURE, r.whatlen) == 0 &&
			    r.t.day >= first && r.t.day <= last)
				keep(&r, l.name, l.lineno, seq++);
		}
		if (k < 0)
			rc = 1;
		lines_close(&l);
	}
	bad_summary();
	return rc;
}

static int
bytecmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	return c != 0 ? c : an < bn ? -1 : an > bn;
}

/* By day, question and who: the groups the reveal and the book show. */
static int
bygroup(const struct ans *a, const struct ans *b)
{
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	if (a->id != b->id)
		return a->id < b->id ? -1 : 1;
	return bytecmp(a->who, a->wholen, b->who, b->wholen);
}

/* The same, then the record itself (time, question, answer), then the
 * order read: a record read twice lies next to itself, first read first. */
static int
byrecord(const void *pa, const void *pb)
{
	const struct ans *a = pa, *b = pb;
	int c;

	if ((c = bygroup(a, b)) != 0 || (c = strcmp(a->time, b->time)) != 0 ||
	    (c = bytecmp(a->q, a->qlen, b->q, b->qlen)) != 0 ||
	    (c = bytecmp(a->a, a->alen, b->a, b->alen)) != 0)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static int
same_record(const struct ans *a, const struct ans *b)
{
	return bygroup(a, b) == 0 && strcmp(a->time, b->time) == 0 &&
	    bytecmp(a->q, a->qlen, b->q, b->qlen) == 0 && bytecmp(a->a, a->alen, b->a, b->alen) == 0;
}

static int
byquestion(const void *pa, const void *pb)
{
	const struct ans *a = pa, *b = pb;
	int c;

	if ((c = bygroup(a, b)) != 0)
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/*
 * Sorted by day, question, who, order read; a record read twice (the same
 * time, who and note), from a merged journal and its parts or from any
 * two files, kept once, wherever the two copies were.
 */
static void
order(void)
{
	size_t i, o = 0;

	if (nall < 2)
		return;
	qsort(all, nall, sizeof *all, byrecord);
	for (i = 0; i < nall; i++) {
		if (o > 0 && same_record(&all[o - 1], &all[i])) {
			free((char *)all[i].time);
			continue;
		}
		all[o++] = all[i];
	}
	nall = o;
	qsort(all, nall, sizeof *all, byquestion);
}

static int
is_me(const struct ans *x)
{
	return x->wholen == melen && memcmp(x->who, me, melen) == 0;
}

/* The end of the group of answers to all[i]'s question that day. */
static size_t
group_end(size_t i)
{
	size_t j;

	for (j = i + 1; j < nall && all[j].day == all[i].day && all[j].id == all[i].id; j++)
		;
	return j;
}

/* Whether the asker answered in [i, j), and whether anyone else did. */
static void
who_answered(size_t i, size_t j, int *mine, int *theirs)
{
	*mine = *theirs = 0;
	for (; i < j; i++) {
		if (is_me(&all[i]))
			*mine = 1;
		else
			*theirs = 1;
	}
}

/* A person's answers in [i, j) from all[*k] on, as one display text; *k moves past them. */
static char *
person(size_t *k, size_t j, size_t *len)
{
	struct text t = { NULL, 0, 0 };
	size_t i = *k, n, off;
	char *d;

	for (; *k < j && all[*k].wholen == all[i].wholen &&
	    memcmp(all[*k].who, all[i].who, all[i].wholen) == 0; (*k)++) {
		n = all[*k].alen;
		off = trimmed(all[*k].a, &n);
		if (t.n > 0)
			append(&t, "\n\n", 2);	/* answered twice: both, in order */
		append(&t, all[*k].a + off, n - off);
	}
	if (t.s == NULL)
		append(&t, "", 0);
	d = display(t.s, t.n, len);
	free(t.s);
	return d;
}

/* --- as text -------------------------------------------------------------------- */

static void
putline(const char *s, size_t n)
{
	putsafe(stdout, s, n);
	putchar('\n');
}

/* A heading's text: a question or a name, in bold where escape codes are allowed. */
static void
putbold(const char *s, size_t n)
{
	if (bold)
		fputs("\033[1m", stdout);
	putsafe(stdout, s, n);
	if (bold)
		fputs("\033[0m", stdout);
}

/* The day of entry i and its question, wrapped to the terminal. */
static void
text_question(size_t i)
{
	char date[48], *q;
	struct spans ds = { NULL, 0, 0 }, qs = { NULL, 0, 0 };
	size_t k, qlen;

	longdate(date, all[i].day);
	text_lines(date, strlen(date), (size_t)termwidth, &ds);
	for (k = 0; k < ds.n; k++)
		putline(ds.v[k].s, ds.v[k].n);
	free(ds.v);
	q = display(all[i].q, all[i].qlen, &qlen);
	text_lines(q, qlen, (size_t)termwidth, &qs);
	for (k = 0; k < qs.n; k++) {
		putbold(qs.v[k].s, qs.v[k].n);
		putchar('\n');
	}
	free(qs.v);
	free(q);
}

/* The columns the widest of a column's lines takes. */
static size_t
widest(const struct spans *sp)
{
	size_t k, w = 0;

	for (k = 0; k < sp->n; k++)
		if (text_cols(sp->v[k].s, sp->v[k].n) > w)
			w = text_cols(sp->v[k].s, sp->v[k].n);
	return w;
}

/* Row r of the side-by-side layout: a line of each of the np names
 * (rows before head), the rule under them (row head), or of the answers. */
static void
text_row(size_t r, size_t head, size_t np, const struct spans *ns,
    const struct spans *ts, size_t colw)
{
	size_t p, k, w, pad = 0;

	for (p = 0; p < np; p++) {
		const struct span *s = NULL;

		if (r < ns[p].n)
			s = &ns[p].v[r];
		else if (r > head && r - head - 1 < ts[p].n)
			s = &ts[p].v[r - head - 1];
		if (r == head) {
			spaces(pad);
			w = widest(&ns[p]);
			for (k = 0; k < w; k++)
				putchar('-');
			pad = (w < colw ? colw - w : 0) + 3;
			continue;
		}
		if (s == NULL || s->n == 0) {
			pad += colw + 3;
			continue;
		}
		spaces(pad);
		if (r < head)
			putbold(s->s, s->n);
		else
			putsafe(stdout, s->s, s->n);
		w = text_cols(s->s, s->n);
		pad = (w < colw ? colw - w : 0) + 3;
	}
	putchar('\n');
}

/* The names, a rule under each, then the answers, level across in columns colw wide. */
static void
text_across(size_t np, const struct spans *ns, const struct spans *ts, size_t colw)
{
	size_t p, r, rows, head;

	for (head = 0, rows = 0, p = 0; p < np; p++) {
		if (ns[p].n > head)
			head = ns[p].n;
		if (ts[p].n > rows)
			rows = ts[p].n;
	}
	rows += head + 1;
	for (r = 0; r < rows; r++)
		text_row(r, head, np, ns, ts, colw);
}

/* Each name, then that person's answers indented, one person after the other. */
static void
text_down(size_t np, const struct spans *ns, const struct spans *ts)
{
	size_t p, r;

	for (p = 0; p < np; p++) {
		if (p > 0)
			putchar('\n');
		for (r = 0; r < ns[p].n; r++) {
			putbold(ns[p].v[r].s, ns[p].v[r].n);
			putchar('\n');
		}
		for (r = 0; r < ts[p].n; r++) {
			if (ts[p].v[r].n > 0)
				fputs("    ", stdout);
			putline(ts[p].v[r].s, ts[p].v[r].n);
		}
	}
}

/* One question and its answers [i, j): side by side when the terminal is
 * wide enough for a column of 24 each, else one after the other. */
static void
text_entry(size_t i, size_t j)
{
	char **names, **texts;
	struct spans *ns, *ts;
	size_t k, p, np = 0, colw = 0, *lens;

	text_question(i);
	names = xmalloc((j - i) * sizeof *names);
	texts = xmalloc((j - i) * sizeof *texts);
	ns = xmalloc((j - i) * sizeof *ns);
	ts = xmalloc((j - i) * sizeof *ts);
	lens = xmalloc((j - i) * sizeof *lens);
	for (k = i; k < j; np++) {
		names[np] = shortname(all[k].who, all[k].wholen);
		texts[np] = person(&k, j, &lens[np]);
		memset(&ns[np], 0, sizeof ns[np]);
		memset(&ts[np], 0, sizeof ts[np]);
	}
	if (termwidth > 0 && (size_t)termwidth >= np * 24 + 3 * (np - 1))
		colw = ((size_t)termwidth - 3 * (np - 1)) / np;
	for (p = 0; p < np; p++) {
		text_lines(names[p], strlen(names[p]), colw ? colw : (size_t)termwidth, &ns[p]);
		text_lines(texts[p], lens[p],
		    colw ? colw : termwidth > 4 ? (size_t)termwidth - 4 : 0, &ts[p]);
	}
	putchar('\n');
	if (colw > 0)
		text_across(np, ns, ts, colw);
	else
		text_down(np, ns, ts);
	for (p = 0; p < np; p++) {
		free(names[p]);
		free(texts[p]);
		free(ns[p].v);
		free(ts[p].v);
	}
	free(names);
	free(texts);
	free(ns);
	free(ts);
	free(lens);
}

/* --- as HTML ---------------------------------------------------------------------- */

static void
html_text(const char *s, size_t n)
{
	char *d;
	size_t len;

	d = display(s, n, &len);
	xml_escape(stdout, d, len);
	free(d);
}

static const char style[] =
    ":root{color-scheme:light}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:#f6eee3;color:#3b2c24;"
    "font:1.0625rem/1.6 Georgia,\"Iowan Old Style\",\"Palatino Linotype\",serif;"
    "-webkit-text-size-adjust:100%}\n"
    "main{max-width:46rem;margin:0 auto;padding:3rem 1.25rem 4rem}\n"
    "header{text-align:center;margin-bottom:2.5rem}\n"
    "h1{font-weight:normal;font-size:2.5rem;line-height:1.2;margin:0;color:#8e3b24}\n"
    ".sub{margin:.4rem 0 0;color:#7d6659;font-style:italic}\n"
    ".when{display:block;font-style:normal;font-size:.9rem;letter-spacing:.02em}\n"
    "article{background:#fffaf4;border-radius:16px;padding:1.5rem 1.6rem 1.6rem;"
    "margin:0 0 1.5rem;box-shadow:0 1px 2px rgba(90,55,30,.08),0 4px 16px rgba(90,55,30,.06)}\n"
    "h2{font:600 .78rem/1.3 system-ui,-apple-system,\"Segoe UI\",sans-serif;"
    "text-transform:uppercase;letter-spacing:.09em;color:#a65a3e;margin:0 0 .5rem}\n"
    ".q{font-size:1.3rem;line-height:1.45;margin:0 0 1.25rem;overflow-wrap:anywhere}\n"
    ".answers{display:grid;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));gap:1rem}\n"
    "section{background:#f4e7d9;border-radius:12px;padding:.9rem 1.1rem 1rem;"
    "unicode-bidi:isolate}\n"
    "h3{font:600 .92rem/1.3 system-ui,-apple-system,\"Segoe UI\",sans-serif;"
    "margin:0 0 .4rem;color:#6e4532;overflow-wrap:anywhere}\n"
    ".a{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}\n"
    ".empty{text-align:center;font-style:italic;color:#7d6659}\n"
    "footer{text-align:center;color:#a08b7d;font-size:.85rem;margin-top:2.5rem}\n"
    "@media (max-width:30rem){main{padding:2rem .9rem 3rem}h1{font-size:2rem}"
    "article{padding:1.2rem 1.1rem 1.25rem}.q{font-size:1.18rem}}\n"
    "@media print{body{background:#fff}article{box-shadow:none;border:1px solid #e5d6c6;"
    "break-inside:avoid}}\n";

static void
html_entry(size_t i, size_t j)
{
	char date[48], iso[16], *t;
	size_t k, len;

	longdate(date, all[i].day);
	date_format(iso, all[i].day);
	printf("<article>\n<h2><time datetime=\"%s\">%s</time></h2>\n<p class=\"q\" dir=\"auto\">",
	    iso, date);
	html_text(all[i].q, all[i].qlen);
	fputs("</p>\n<div class=\"answers\">\n", stdout);
	for (k = i; k < j; ) {
		fputs("<section>\n<h3 dir=\"auto\">", stdout);
		t = shortname(all[k].who, all[k].wholen);
		xml_escape(stdout, t, strlen(t));
		free(t);
		fputs("</h3>\n<p class=\"a\" dir=\"auto\">", stdout);
		t = person(&k, j, &len);
		xml_escape(stdout, t, len);
		free(t);
		fputs("</p>\n</section>\n", stdout);
	}
	fputs("</div>\n</article>\n", stdout);
}

static int
byname(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "alex and sam", "kim, lee and sam": the people of the shown entries, in
 * byte order, each once. */
static void
html_people(const int *shown)
{
	size_t i, k, n = 0, m = 0;
	char **seen = xmalloc((nall + 1) * sizeof *seen);

	for (i = 0; i < nall; i++)
		if (shown[i] && (i == 0 || bygroup(&all[i - 1], &all[i]) != 0))
			seen[n++] = shortname(all[i].who, all[i].wholen);
	if (n > 1)
		qsort(seen, n, sizeof *seen, byname);
	for (k = 0; k < n; k++)
		if (m == 0 || strcmp(seen[m - 1], seen[k]) != 0)
			seen[m++] = seen[k];
		else
			free(seen[k]);
	for (k = 0; k < m; k++) {
		if (k > 0)
			fputs(k + 1 == m ? " and " : ", ", stdout);
		xml_escape(stdout, seen[k], strlen(seen[k]));
		free(seen[k]);
	}
	free(seen);
}

/* --- ask -r and ask -b --------------------------------------------------------------- */

/* "sam", "kim and sam", "kim, lee and sam": the n names, shown; *many
 * when there are two or more; NULL when there are none. */
static char *
name_list(const char *const *names, size_t n, int *many)
{
	struct text t = { NULL, 0, 0 };
	size_t k;
	const char *v;
	char *s;

	for (k = 0; k < n; k++) {
		if (k > 0)
			append(&t, k + 1 == n ? " and " : ", ", k + 1 == n ? 5 : 2);
		s = shortname(names[k], strlen(names[k]));
		v = vis(s, strlen(s));
		append(&t, v, strlen(v));
		free(s);
	}
	*many = n > 1;
	return t.s;
}

/* The asker's partners who answered in [i, j), in byte order as the group
 * is: see name_list(). */
static char *
answered_by(size_t i, size_t j, int *many)
{
	const char **names = xmalloc((j - i + 1) * sizeof *names);
	char *s;
	size_t k, n = 0;

	for (k = i; k < j; k++)
		if (!is_me(&all[k]) && (k == i || bygroup(&all[k - 1], &all[k]) != 0))
			names[n++] = all[k].who;
	s = name_list(names, n, many);
	free(names);
	return s;
}

/* All the asker's partners seen in the journals: see name_list(). */
static char *
everyone(int *many)
{
	const char **names = xmalloc((nmembers + 1) * sizeof *names);
	char *s;
	size_t m, n = 0;

	if (nmembers > 1)
		qsort(members, nmembers, sizeof *members, byname);
	for (m = 0; m < nmembers; m++)
		if (strcmp(members[m], me) != 0)
			names[n++] = members[m];
	s = name_list(names, n, many);
	free(names);
	return s;
}

static int
reveal(long day, long today)
{
	size_t i, j;
	int mine, theirs, many, manyall, shown = 0, mineany = 0;
	char *names, *all_names = NULL;

	for (i = 0; i < nall; i = group_end(i)) {
		who_answered(i, group_end(i), &mine, &theirs);
		mineany |= mine;
	}
	for (i = 0; i < nall; i = j) {
		j = group_end(i);
		who_answered(i, j, &mine, &theirs);
		if (mine && theirs) {
			if (shown++)
				putchar('\n');
			text_entry(i, j);
		} else if (theirs) {
			names = answered_by(i, j, &many);
			warnx_("%s %s %s; yours first", names, many ? "have answered" : "has answered",
			    mineany ? "another question that day" : which(day, today));
			free(names);
		} else {
			if (all_names == NULL && (all_names = everyone(&manyall)) == NULL)
				all_names = xstrdup("");
			if (*all_names == '\0')
				warnx_("nobody else has answered %s yet", which(day, today));
			else
				warnx_("%s %s not answered %s yet", all_names, manyall ? "have" : "has",
				    which(day, today));
		}
	}
	free(all_names);
	if (nall == 0)
		warnx_("nobody has answered %s yet", which(day, today));
	return shown ? 0 : 1;
}

static int
book(int limited)
{
	size_t i, j, k, n = 0;
	int mine, theirs, *shown = xmalloc((nall + 1) * sizeof *shown);
	long lo = 0, hi = 0;

	for (i = 0; i < nall; i = j) {
		j = group_end(i);
		who_answered(i, j, &mine, &theirs);
		for (k = i; k < j; k++)
			shown[k] = mine && theirs;
		if (mine && theirs) {
			if (n++ == 0)
				lo = all[i].day;
			hi = all[i].day;
		}
	}
	if (!Hflag) {
		for (i = 0, k = 0; i < nall; i = j) {
			j = group_end(i);
			if (!shown[i])
				continue;
			if (k++)
				putchar('\n');
			text_entry(i, j);
		}
		if (n == 0)
			warnx_("no question of the day answered by both of you%s yet",
			    limited ? " in those days" : "");
		free(shown);
		return 0;
	}
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	    "style-src 'unsafe-inline'\">\n"
	    "<meta name=\"generator\" content=\"ask (hearth) " HEARTH_VERSION "\">\n"
	    "<title>The book of us</title>\n<style>\n", stdout);
	fputs(style, stdout);
	fputs("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>The book of us</h1>\n", stdout);
	if (n > 0) {
		fputs("<p class=\"sub\">", stdout);
		html_people(shown);
		printf(" &middot; %lu question%s answered together <span class=\"when\">",
		    (unsigned long)n, n == 1 ? "" : "s");
		range(lo, hi);
		fputs("</span></p>\n", stdout);
	}
	fputs("</header>\n", stdout);
	for (i = 0; i < nall; i = j) {
		j = group_end(i);
		if (shown[i])
			html_entry(i, j);
	}
	if (n == 0)
		printf("<p class=\"empty\">No question of the day answered by both of you%s yet. "
		    "Tonight&#39;s could be the first.</p>\n", limited ? " in those days" : "");
	fputs("<footer>Written with ask -b -H from the hearth journal.</footer>\n"
	    "</main>\n</body>\n</html>\n", stdout);
	free(shown);
	return 0;
}

/* A usage error: say it, and let ask print the usage. */
static int
usage_error(const char *fmt, const char *arg)
{
	warnx_(fmt, arg);
	return -1;
}

/* The journals to read: journal_args(), but with advice that names -r or -b. */
static char **
journals(int argc, char **argv)
{
	const char *j = getenv("HEARTH_JOURNAL");

	if (argc == 0 && isatty(0) && (j == NULL || *j == '\0'))
		die(2, "which journal? name it, as in \"%s -%c journal.tsv\", or set HEARTH_JOURNAL",
		    progname, rflag ? 'r' : 'b');
	return journal_args(argc, argv);
}

/* Whether the file open as st is one of the journals to be read. */
static int
read_here(const struct stat *st, char **files)
{
	struct stat js;

	for (; *files != NULL; files++)
		if ((strcmp(*files, "-") == 0 ? fstat(0, &js) : stat(*files, &js)) == 0 &&
		    js.st_dev == st->st_dev && js.st_ino == st->st_ino)
			return 1;
	return 0;
}

/*
 * -o path: standard output becomes path, a file of its owner's alone
 * (0600): made new, or an existing regular file, its mode narrowed and
 * emptied; never a symbolic link followed, never a journal about to be
 * read.  0, or 1 after a message.
 */
static int
open_book(const char *path, char **files)
{
	struct stat st;
	int fd, made = 1, e;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_NOCTTY, 0600);
	if (fd < 0 && errno == EEXIST) {
		made = 0;
		fd = open(path, O_WRONLY | O_NOFOLLOW | O_NOCTTY | O_NONBLOCK);
	}
	if (fd < 0) {
		e = errno;
		if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
			warnx_("%s is a symbolic link: -o writes the book to a file of its own, "
			    "never through a link", vis(path, strlen(path)));
		else {
			errno = e;
			warn_("%s", vis(path, strlen(path)));
		}
		return 1;
	}
	if (fstat(fd, &st) < 0) {
		warn_("%s", vis(path, strlen(path)));
		close(fd);
		return 1;
	}
	if (!S_ISREG(st.st_mode) || read_here(&st, files)) {
		warnx_("%s is %s: -o writes the book to a file of its own", vis(path, strlen(path)),
		    S_ISREG(st.st_mode) ? "a journal being read" : "not a regular file");
		if (made)		/* a journal named that was not there */
			unlink(path);
		close(fd);
		return 1;
	}
	if (!made && (((st.st_mode & 077) != 0 && fchmod(fd, 0600) < 0) || ftruncate(fd, 0) < 0)) {
		warn_("%s", vis(path, strlen(path)));
		close(fd);
		return 1;
	}
	fflush(stdout);
	if (dup2(fd, 1) < 0) {
		warn_("%s", vis(path, strlen(path)));
		close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

/* The book going to a file others can read: said, as log says of a journal. */
static void
readable_book(void)
{
	struct stat st;

	if (fstat(1, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & (S_IRGRP | S_IROTH)) != 0)
		warnx_("others can read the file the book goes to; chmod 600 it, or write the "
		    "book with -o FILE, which keeps it yours alone");
}

/* All that ask -r and -b hold, freed, ready to start again. */
static void
forget(void)
{
	size_t i;

	for (i = 0; i < nall; i++)
		free((char *)all[i].time);
	free(all);
	all = NULL;
	nall = capall = 0;
	for (i = 0; i < nmembers; i++)
		free(members[i]);
	free(members);
	members = NULL;
	nmembers = capmembers = 0;
	table_free(&memberset);
	memset(&memberset, 0, sizeof memberset);
}

int
answers(const char *bankfile, const char *set, const char *category, const char *date,
    int p, int argc, char **argv)
{
	struct stamp t;
	const char *why;
	long day, first = LONG_MIN, n = 0;
	char *end, **files;
	int rc, modes = Pflag + rflag + bflag;

	if (modes > 1 || (modes == 1 && p))
		return usage_error("%s", "only one of -p, -P, -r, -b and -l at a time");
	if (!bflag && (Hflag || ndays != NULL || outfile != NULL))
		return usage_error("-%s goes with -b", Hflag ? "H" : ndays != NULL ? "n" : "o");
	if (whoarg != NULL && !rflag && !bflag)
		return usage_error("%s", Pflag ? "-w goes with -r or -b; log -w says who answered" :
		    "-w goes with -r or -b");
	if (set != NULL)
		return usage_error("-s chooses a set of questions; it does not go with -%s",
		    Pflag ? "P" : rflag ? "r" : "b");
	if (!Pflag && category != NULL)
		return usage_error("%s", "-c goes with -p or -P");
	if (!Pflag && bankfile != NULL)
		return usage_error("%s", "-f names a question bank: -r and -b read only journals");
	if (Pflag && argc > 0)
		return usage_error("unexpected \"%s\": the answer comes on standard input",
		    vis(argv[0], strlen(argv[0])));
	if (outfile != NULL && *outfile == '\0')
		return usage_error("%s", "-o names no file: give the file the book goes to");
	if (ndays != NULL) {
		n = strtol(ndays, &end, 10);
		if (*ndays < '0' || *ndays > '9' || *end != '\0' || n < 1 || n > 1000000)
			return usage_error("-n \"%s\": want a whole number of days, 1 or more",
			    vis(ndays, strlen(ndays)));
	}
	if (now(&t) < 0)
		return 1;
	day = t.day;
	if (date != NULL && (why = day_parse(date, t.day, &day)) != NULL) {
		warnx_("-d \"%s\": %s (or today, yesterday)", vis(date, strlen(date)), why);
		return -1;
	}
	if (Pflag)
		return answer_tonight(bankfile, category, day, t.day);

	me = whoarg != NULL ? whoarg : whoami();
	if ((why = who_check(me, strlen(me))) != NULL)
		die(1, "bad name \"%s\": %s", vis(me, strlen(me)), why);
	melen = strlen(me);
	mecouple = couple_len(me, melen);
	files = journals(argc, argv);
	if (outfile != NULL) {
		if (open_book(outfile, files) != 0)
			return 1;
	} else if (bflag)
		readable_book();
	termwidth = isterm(1) ? term_cols(1) : 0;
	bold = colour_ok(1);
	if (rflag)
		first = day;
	else if (ndays != NULL)
		first = day - n + 1;
	rc = gather(files, first, day);
	order();
	if (rflag)
		rc |= reveal(day, t.day);
	else
		rc |= book(ndays != NULL);
	rc |= fshut(stdout, outfile != NULL ? vis(outfile, strlen(outfile)) : "stdout");
	forget();
	return rc;
}
