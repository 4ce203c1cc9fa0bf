/*
 * fuzz_answers.c - libFuzzer target: ask -P, -r, -b and -b -H, the whole
 * of ask(1) run in-process, with an independent reading of the journal.
 *
 * src/ask.c and src/answers.c are included here with ask's main renamed
 * ask_main and run by fuzz_run() (tests/fuzz.h), to which usage() and
 * die() return, with the built-in bank parsed once (fuzz_bank_load()),
 * which bank_free() leaves alone.  isterm() is this file's: standard
 * output may pass for a terminal of a chosen width (TERM unset, so never
 * a colour), so that the reveal's columns are laid out and checked, while
 * standard input and error never do.  The statics of both files are reset
 * after each run.
 *
 * The first byte of the input chooses the run, the rest is its data:
 *
 *	bits 0-1  -r, -b, -b -H, or -P
 *	bit 2     with -r and -b, standard output a terminal of 20 + (the
 *	          second byte % 100) columns, that byte not in the journal
 *	bit 3     the asker is smiths/alex, not alex
 *	bits 4-5  with -b: no -n, -n 1, -n 3, -n 30
 *	bit 6     -d yesterday
 *
 * With -r and -b the data is a journal, named as the operand; with -P it
 * is the answer, on standard input.  What must hold:
 *
 * - status 0 or 1 (-P, -r) or 0 (-b), never a crash or a usage error;
 * - everything written is UTF-8 with no control character but tab and
 *   newline, and no bidi control (U+202A-202E, U+2066-2069) raw;
 * - on a terminal, no line of the reveal or the book is wider than it, in
 *   the columns putsafe()'s output takes;
 * - the HTML page has no tag but its own and no '&' that does not start
 *   one of its entities: every character of the answers is escaped;
 * - reveal only after answering: -r succeeds, and prints anything at all,
 *   exactly when the asker and a partner of the couple both answered one
 *   question that day, as read here from record_parse(); the page holds
 *   one article for each such question and day;
 * - -P prints nothing unless it succeeds, and then one line that, stamped
 *   as log would, is a journal record whose note is the day's question
 *   (its id the FNV-1a of its text) and the answer as given, its lines
 *   joined and blank ends trimmed; an answer of plain short lines is never
 *   refused; and ask -r over it and a partner's answer reveals both.
 */
#include "fuzz.h"

static int fuzz_isterm(int);
static void fuzz_bank_free(struct bank *);

#define main ask_main
#define bank_load fuzz_bank_load
#define bank_free fuzz_bank_free
#define isterm fuzz_isterm
#include "../src/ask.c"
#include "../src/answers.c"
#undef isterm
#undef bank_free
#undef bank_load
#undef main

#define NOW	"2026-11-26T21:04:00+01:00"
#define TODAY	"2026-11-26"

static char *jpath, *opath, *inpath;
static int stdout_term;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_tmpdir("fuzz_answers");
	jpath = fuzz_path("journal.tsv");
	opath = fuzz_path("out");
	inpath = fuzz_path("stdin");
	fuzz_env();
	unsetenv("TERM");
	unsetenv("NO_COLOR");
	unsetenv("HEARTH_SEED");
	unsetenv("HEARTH_JOURNAL");
	unsetenv("HEARTH_NOTTY");
	return 0;
}

static int
fuzz_isterm(int fd)
{
	return fd == 1 && stdout_term;
}

static void
fuzz_bank_free(struct bank *bk)
{
	memset(bk, 0, sizeof *bk);
}

/* ask's statics and answers.c's, as a fresh process has them. */
static void
reset(void)
{
	Pflag = rflag = bflag = Hflag = 0;
	ndays = whoarg = outfile = NULL;
	termwidth = bold = 0;
	memset(&b, 0, sizeof b);
	bankpath = NULL;
	colour = 0;
	ncancelled = 0;
	nbadanswers = 0;
	/* after a die() the answers were not freed */
	forget();
}

static int
run_ask(char **argv, const char *in, size_t inlen, char **out, size_t *outlen)
{
	int argc = 0, rc, fd;

	while (argv[argc] != NULL)
		argc++;
	fuzz_putfile(inpath, in, inlen);
	fuzz_putfile(opath, "", 0);
	fd = open(inpath, O_RDONLY);
	CHECK(fd >= 0);
	dup2(fd, 0);
	close(fd);
	rc = fuzz_run(ask_main, argc, argv, opath);
	reset();
	*out = fuzz_getfile(opath, outlen);
	return rc;
}

/* --- what the journal says, read here ---------------------------------------- */

struct said {
	long	 day;
	unsigned long id;
	int	 mine;
};

/*
 * The answers of the asker's couple in the journal as keep() should take
 * them: the note "q:" 8 hex digits, a space, a question of one character
 * or more, a tab, the answer.  *nbad: records record_parse() refused.
 */
static struct said *
read_journal(const char *s, size_t n, const char *asker, size_t *nsaid, size_t *nbad)
{
	struct said *v = malloc((n / 8 + 1) * sizeof *v);
	struct record r;
	size_t i = 0, len, mc = couple_len(asker, strlen(asker)), k;
	char *line, *note;
	const char *nl;

	*nsaid = *nbad = 0;
	while (i < n) {
		nl = memchr(s + i, '\n', n - i);
		len = nl != NULL ? (size_t)(nl - (s + i)) : n - i;
		line = malloc(len + 1);
		memcpy(line, s + i, len);
		line[len] = '\0';
		i += len + 1;
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		if (line_blank(line, len) != NULL) {
			free(line);
			continue;
		}
		if (record_parse(line, len, &r) != NULL) {
			++*nbad;
			free(line);
			continue;
		}
		if (strcmp(r.what, ANSWER_MEASURE) != 0 || couple_len(r.who, r.wholen) != mc ||
		    memcmp(r.who, asker, mc) != 0) {
			free(line);
			continue;
		}
		note = malloc(r.notelen + 1);
		k = note_unescape(r.note, r.notelen, note);
		note[k] = '\0';
		if (k >= 13 && note[0] == 'q' && note[1] == ':' && note[10] == ' ' &&
		    strspn(note + 2, "0123456789abcdef") >= 8 && note[11] != '\t' &&
		    memchr(note + 11, '\t', k - 11) != NULL) {
			v[*nsaid].day = r.t.day;
			note[10] = '\0';
			v[*nsaid].id = strtoul(note + 2, NULL, 16);
			v[*nsaid].mine = strcmp(r.who, asker) == 0;
			++*nsaid;
		}
		free(note);
		free(line);
	}
	return v;
}

/* The days and questions in [first, last] the asker and another both answered. */
static size_t
pairs(const struct said *v, size_t n, long first, long last)
{
	size_t i, j, k, count = 0;
	int mine, theirs, seen;

	for (i = 0; i < n; i++) {
		if (v[i].day < first || v[i].day > last)
			continue;
		for (seen = 0, k = 0; k < i && !seen; k++)
			seen = v[k].day == v[i].day && v[k].id == v[i].id;
		if (seen)
			continue;
		for (mine = theirs = 0, j = i; j < n; j++)
			if (v[j].day == v[i].day && v[j].id == v[i].id) {
				mine |= v[j].mine;
				theirs |= !v[j].mine;
			}
		count += mine && theirs;
	}
	return count;
}

/* --- what ask wrote ------------------------------------------------------------ */

static void
check_printable(const char *s, size_t n)
{
	size_t i;

	CHECK(fuzz_printable(s, n, 1));
	for (i = 0; i + 2 < n; i++) {
		const unsigned char *p = (const unsigned char *)s + i;

		CHECK(!(p[0] == 0xe2 && p[1] == 0x80 && p[2] >= 0xaa && p[2] <= 0xae));
		CHECK(!(p[0] == 0xe2 && p[1] == 0x81 && p[2] >= 0xa6 && p[2] <= 0xa9));
	}
}

static void
check_widths(const char *s, size_t n, int w)
{
	const char *nl;
	size_t len;

	while (n > 0) {
		nl = memchr(s, '\n', n);
		CHECK(nl != NULL);
		len = (size_t)(nl - s);
		if (text_cols(s, len) > (size_t)w) {
			fprintf(stderr, "a line of %zu columns at %d: %.*s\n", text_cols(s, len), w,
			    (int)len, s);
			abort();
		}
		n -= len + 1;
		s = nl + 1;
	}
}

static void
check_html(const char *s, size_t n, size_t articles)
{
	static const char *const tags[] = { "!DOCTYPE html>", "html", "head", "meta", "title",
	    "style", "body", "main", "header", "h1", "h2", "h3", "p", "span", "article",
	    "time", "div", "section", "footer", NULL };
	static const char *const ents[] = { "amp;", "lt;", "gt;", "quot;", "#39;", "middot;",
	    NULL };
	size_t i, k, found = 0, t;

	for (i = 0; i < n; i++) {
		if (s[i] == '<') {
			k = i + 1 + (i + 1 < n && s[i + 1] == '/');
			for (t = 0; tags[t] != NULL; t++) {
				size_t tl = strlen(tags[t]);

				if (k + tl < n && strncmp(s + k, tags[t], tl) == 0 &&
				    (tags[t][tl - 1] == '>' || s[k + tl] == '>' || s[k + tl] == ' '))
					break;
			}
			CHECK(tags[t] != NULL);
			if (strncmp(s + i, "<article>", 9) == 0)
				found++;
		} else if (s[i] == '&') {
			for (t = 0; ents[t] != NULL; t++)
				if (strncmp(s + i + 1, ents[t], strlen(ents[t])) == 0)
					break;
			CHECK(ents[t] != NULL);
		}
	}
	CHECK(found == articles);
	CHECK(n > 8 && strcmp(s + n - 8, "</html>\n") == 0);
}

/* -r or -b over the journal data[0..size), on a terminal w columns wide
 * when w is not 0. */
static void
read_back(unsigned flags, int w, const uint8_t *data, size_t size)
{
	static const char *const nd[] = { NULL, "1", "3", "30" };
	const char *asker = flags & 8 ? "smiths/alex" : "alex";
	char *argv[16], *out, cols[16];
	size_t outlen, nsaid, nbad, want;
	struct said *v;
	long asof = days_from_civil(2026, 11, 26), first = LONG_MIN;
	int argc = 0, mode = flags & 3, rc;

	fuzz_putfile(jpath, data, size);
	setenv("HEARTH_WHO", asker, 1);
	stdout_term = w > 0;
	if (stdout_term) {
		snprintf(cols, sizeof cols, "%d", w);
		setenv("COLUMNS", cols, 1);
	} else
		unsetenv("COLUMNS");
	argv[argc++] = "ask";
	argv[argc++] = mode == 0 ? "-r" : "-b";
	if (mode == 2)
		argv[argc++] = "-H";
	if (mode != 0 && nd[(flags >> 4) & 3] != NULL) {
		argv[argc++] = "-n";
		argv[argc++] = (char *)nd[(flags >> 4) & 3];
		first = asof - (flags & 64 ? 1 : 0) - atol(nd[(flags >> 4) & 3]) + 1;
	}
	if (flags & 64) {
		argv[argc++] = "-d";
		argv[argc++] = "yesterday";
		asof--;
	}
	argv[argc++] = jpath;
	argv[argc] = NULL;
	rc = run_ask(argv, "", 0, &out, &outlen);
	stdout_term = 0;

	v = read_journal((const char *)data, size, asker, &nsaid, &nbad);
	check_printable(out, outlen);
	if (w > 0 && mode != 2)
		check_widths(out, outlen, w);
	if (nbad < 1000) {	/* fewer than BADRUN: the whole journal was read */
		want = pairs(v, nsaid, mode == 0 ? asof : first, asof);
		if (mode == 0) {
			CHECK(rc == (want > 0 ? 0 : 1));
			CHECK((outlen > 0) == (want > 0));
		} else
			CHECK(rc == 0);
		if (mode == 2)
			check_html(out, outlen, want);
	} else
		CHECK(rc == 0 || rc == 1);
	free(v);
	free(out);
}

/* --- ask -P ---------------------------------------------------------------------- */

/* The answer ask -P should keep from the input: its lines, a CR at their
 * end dropped, joined; blanks around trimmed.  NULL when a line is bad. */
static char *
expected(const char *s, size_t n, size_t *len)
{
	char *t = malloc(n + 1);
	size_t i = 0, o = 0, k, ll, start = 0, end;
	const char *nl;

	while (i < n) {
		nl = memchr(s + i, '\n', n - i);
		ll = nl != NULL ? (size_t)(nl - (s + i)) : n - i;
		k = ll;
		if (k > 0 && s[i + k - 1] == '\r')
			k--;
		if (line_check(s + i, k) != NULL) {
			free(t);
			return NULL;
		}
		if (i > 0)
			t[o++] = '\n';
		memcpy(t + o, s + i, k);
		o += k;
		i += ll + 1;
	}
	end = o;
	while (start < end && (t[start] == ' ' || t[start] == '\t' || t[start] == '\n'))
		start++;
	while (end > start && (t[end - 1] == ' ' || t[end - 1] == '\t' || t[end - 1] == '\n'))
		end--;
	memmove(t, t + start, end - start);
	*len = end - start;
	return t;
}

static void
answer_back(const uint8_t *data, size_t size)
{
	char *argv[] = { "ask", "-P", NULL }, *rargv[] = { "ask", "-r", NULL, NULL };
	char *out, *rout, *line, *note, *want, *journal;
	const char *q;
	struct record r;
	struct bank bk;
	size_t outlen, routlen, len, k, wantlen = 0, qn;
	int rc;

	setenv("HEARTH_WHO", "alex", 1);
	unsetenv("COLUMNS");
	rc = run_ask(argv, (const char *)data, size, &out, &outlen);
	CHECK(rc == 0 || rc == 1);
	want = expected((const char *)data, size, &wantlen);
	if (rc != 0) {
		CHECK(outlen == 0);
		/* plain short lines with some text in them are always taken */
		CHECK(!(want != NULL && wantlen > 0 && size < 4096));
		free(want);
		free(out);
		return;
	}
	CHECK(want != NULL && wantlen > 0);
	CHECK(outlen > 0 && out[outlen - 1] == '\n' && memchr(out, '\n', outlen) == out + outlen - 1);
	CHECK(fuzz_printable(out, outlen, 1));

	/* the line log would write, and what a reader makes of it */
	len = sizeof NOW "\talex\t" - 1 + outlen - 1;
	line = malloc(len + 1);
	memcpy(line, NOW "\talex\t", sizeof NOW "\talex\t" - 1);
	memcpy(line + sizeof NOW "\talex\t" - 1, out, outlen - 1);
	line[len] = '\0';
	journal = malloc(2 * len + 200);
	memcpy(journal, line, len);
	CHECK(record_parse(line, len, &r) == NULL);
	CHECK(r.nfields == 5 && strcmp(r.what, ANSWER_MEASURE) == 0 && strcmp(r.value, "1") == 0);
	CHECK(r.notelen <= NOTE_LIMIT);
	note = malloc(r.notelen + 1);
	k = note_unescape(r.note, r.notelen, note);
	note[k] = '\0';
	fuzz_bank_load(&bk, NULL);
	q = starter_of_day(&bk, NULL, days_from_civil(2026, 11, 26), 0);
	CHECK(q != NULL);
	qn = strlen(q);
	CHECK(k == 11 + qn + 1 + wantlen && strncmp(note, "q:", 2) == 0 && note[10] == ' ');
	CHECK(strtoul(note + 2, NULL, 16) == question_id(q, qn));
	CHECK(memcmp(note + 11, q, qn) == 0 && note[11 + qn] == '\t');
	CHECK(memcmp(note + 12 + qn, want, wantlen) == 0);

	/* the answer reads back: with a partner's, ask -r reveals both */
	k = len;
	journal[k++] = '\n';
	k += (size_t)sprintf(journal + k, "%s\tsam\tanswer\t1\tq:%08lx ", NOW, question_id(q, qn));
	k += note_escape(q, qn, journal + k);
	k += (size_t)sprintf(journal + k, "\\tmine too\n");
	fuzz_putfile(jpath, journal, k);
	rargv[2] = jpath;
	rc = run_ask(rargv, "", 0, &rout, &routlen);
	CHECK(rc == 0);
	CHECK(routlen > 0 && strstr(rout, "\nsam\n    mine too\n") != NULL);
	check_printable(rout, routlen);
	free(rout);
	free(note);
	free(journal);
	free(line);
	free(want);
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	unsigned flags;

	if (size == 0)
		return 0;
	flags = data[0];
	if ((flags & 3) == 3)
		answer_back(data + 1, size - 1);
	else if ((flags & 4) && size >= 2)
		read_back(flags, 20 + data[1] % 100, data + 2, size - 2);
	else
		read_back(flags, 0, data + 1, size - 1);
	return 0;
}
