/*
 * ask - the check-in of the day, and the conversation starter of the day.
 *
 * Questions go to standard error and answers come from standard input, so
 * standard output holds nothing but answers, "what<TAB>value[<TAB>note]"
 * lines ready for log(1), or a starter, or the bank as TSV.
 *
 * Invariants:
 * - With standard input a terminal, each valid answer is written and
 *   flushed as it is given; an invalid one is explained and asked again.
 *   End of input (Ctrl-D) ends the check-in keeping what was given; an
 *   interrupt (Ctrl-C) kills ask by SIGINT (status 130), as it kills the
 *   log(1) reading it in the same pipeline, which then writes nothing.
 * - With standard input not a terminal nothing is prompted, and answers are
 *   all or nothing: bad lines are named as stdin:LINE (ten, then a count)
 *   and standard output stays empty.  The first answer past the last
 *   question ends the reading, so endless input is refused, not read.
 * - A note is escaped exactly as in the journal (note_escape), and no
 *   answer line is longer than a journal line may be.
 * - No escape code is ever written unless standard error is a terminal,
 *   NO_COLOR is unset or empty and TERM is not dumb.
 * - Every hint is said once: ask adds it after the question ([1-5], [y/n],
 *   [a number], [minutes], [a few words]) unless the bank's text already
 *   ends with it, as banks written for older versions do.
 * - Prompts, and messages on a terminal, are wrapped between words to the
 *   width of the terminal, columns counted as putsafe() writes the text
 *   (text_cols()); a hint stays whole, with the last word before it.
 *   Each thing said on a terminal names a measure by its label, never by
 *   its id; from a file, messages keep the ids scripts know.
 * - On a terminal, the end of a check-in says how many answers were given
 *   (and, when they went to the terminal only, how to keep them) and
 *   Ctrl-C says it cancelled; with standard error not a terminal, nothing
 *   of the kind is said.  The line of help promises that Ctrl-D keeps the
 *   answers only when they go somewhere.
 */
#include <sys/stat.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"
#include "answers.h"

static struct bank b;
static const char *bankpath;	/* -f */
static volatile sig_atomic_t colour;
/* What Ctrl-C says on a terminal: set as answers are given, written by onintr */
static char cancelled[160];
static volatile sig_atomic_t ncancelled;

static void
usage(FILE *f, int status)
{
	fprintf(f, "usage: %s [-f bank] [-s set]\n"
	    "       %s [-f bank] -p [-c category] [-d date]\n"
	    "       %s [-f bank] -P [-c category] [-d date]\n"
	    "       %s -r [-d date] [-w who] [journal ...]\n"
	    "       %s -b [-H] [-d date] [-n days] [-o file] [-w who] [journal ...]\n"
	    "       %s [-f bank] -l [-s set]\n", progname, progname, progname, progname,
	    progname, progname);
	if (f == stdout)
		status = fshut(stdout, "stdout");
	exit(status);
}

/* A bad option value: say why, then the usage, exit 2. */
static void
bad_option(const char *fmt, const char *arg, const char *list)
{
	char msg[300];

	snprintf(msg, sizeof msg, fmt, arg, list);
	warnx_("%s", msg);
	usage(stderr, 2);
}

static int
is_starter(const struct question *q)
{
	return strcmp(q->set, "prompt") == 0;
}

/* The sets (or the starters' categories) in bank order, comma-separated. */
static char *
names(int categories)
{
	size_t i, j, len = 0, cap = 1;
	const char *n;
	char *s;

	for (i = 0; i < b.nq; i++)
		cap += strlen(b.q[i].set) + strlen(b.q[i].what) + 2;
	s = xmalloc(cap);
	s[0] = '\0';
	for (i = 0; i < b.nq; i++) {
		/* the set of ask -P's answers holds no questions to ask */
		if (is_starter(&b.q[i]) != categories ||
		    (!categories && strcmp(b.q[i].set, ANSWER_SET) == 0))
			continue;
		n = categories ? b.q[i].what : b.q[i].set;
		for (j = 0; j < i; j++)
			if (is_starter(&b.q[j]) == categories &&
			    strcmp(categories ? b.q[j].what : b.q[j].set, n) == 0)
				break;
		if (j < i)
			continue;
		len += (size_t)sprintf(s + len, "%s%s", len ? ", " : "", n);
	}
	return s;
}

static int
has_set(const char *set)
{
	size_t i;

	for (i = 0; i < b.nq; i++)
		if (strcmp(b.q[i].set, set) == 0)
			return 1;
	return 0;
}

static void
trim(char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

/* y, yes, 1 (1) or n, no, 0 (0) in any case; -1 for anything else. */
static int
yesno(const char *s, size_t n)
{
	char w[4];
	size_t i;

	if (n == 0 || n > 3)
		return -1;
	for (i = 0; i < n; i++)
		w[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i]);
	w[n] = '\0';
	if (strcmp(w, "y") == 0 || strcmp(w, "yes") == 0 || strcmp(w, "1") == 0)
		return 1;
	if (strcmp(w, "n") == 0 || strcmp(w, "no") == 0 || strcmp(w, "0") == 0)
		return 0;
	return -1;
}

/* Whether s[0..n) is a whole number (-?[0-9]+), and its value. */
static int
whole(const char *s, size_t n, double *v)
{
	return n > 0 && memchr(s, '.', n) == NULL && number_parse(s, n, v) == NULL;
}

/*
 * Why an answer does not fit measure m, said in words on a terminal: the
 * measure by its label, what to type, and what was typed.
 */
static const char *
spoken(const struct measure *m, const char *s, size_t n)
{
	static char why[500];
	const char *l = vis(measure_label(m), strlen(measure_label(m))), *a = vis(s, n);
	double v = 0;
	int w = whole(s, n, &v);

	switch (m->type) {
	case T_YESNO:
		snprintf(why, sizeof why, "for %s, please answer y or n (not \"%s\")", l, a);
		break;
	case T_SCALE:
		snprintf(why, sizeof why, "for %s, please give a whole number from %ld to %ld (not \"%s\")",
		    l, m->lo, m->hi, a);
		break;
	case T_MINUTES:
		if (w)
			snprintf(why, sizeof why, "for %s, please give minutes from %ld to %ld (not \"%s\")",
			    l, m->lo, m->hi, a);
		else
			snprintf(why, sizeof why, "for %s, please give minutes as a whole number, like %ld "
			    "(not \"%s\")", l, m->lo <= 25 && m->hi >= 25 ? 25 : m->lo, a);
		break;
	case T_COUNT:
		if (m->hi >= 0)
			snprintf(why, sizeof why, "for %s, please give how many, a whole number from %ld "
			    "to %ld (not \"%s\")", l, m->lo, m->hi, a);
		else if (w || m->lo > 0)
			snprintf(why, sizeof why, "for %s, please give how many, %ld or more (not \"%s\")",
			    l, m->lo, a);
		else
			snprintf(why, sizeof why, "for %s, please give how many as a whole number, like 3 "
			    "(not \"%s\")", l, a);
		break;
	case T_TEXT:
		return "please answer in a few words";	/* never: any text is taken */
	}
	return why;
}

/*
 * One answer (trimmed, not empty) to the question on measure m: its line
 * "what\tvalue[\tnote]\n" in *out (malloc'd), or why it cannot be taken,
 * in words when said on a terminal.
 */
static const char *
answer(const struct measure *m, const char *s, size_t n, int onterm, char **out, size_t *outlen)
{
	static char why[300];
	const char *bad;
	size_t i, o;
	double v;
	int yn;

	switch (m->type) {
	case T_YESNO:
		if ((yn = yesno(s, n)) < 0) {
			if (onterm)
				return spoken(m, s, n);
			snprintf(why, sizeof why, "%s takes y or n (yes or no), not \"%s\"",
			    m->what, vis(s, n));
			return why;
		}
		*out = xmalloc(strlen(m->what) + 4);
		*outlen = (size_t)sprintf(*out, "%s\t%d\n", m->what, yn);
		return NULL;
	case T_TEXT:
		if (has_control(s, n))
			return "the answer has a control character in it (only tabs are kept)";
		if (!utf8_valid(s, n))
			return "the answer is not UTF-8 text";
		*out = xmalloc(strlen(m->what) + 2 * n + 5);
		o = (size_t)sprintf(*out, "%s\t1\t", m->what);
		i = note_escape(s, n, *out + o);
		if (i > NOTE_LIMIT)  {
			free(*out);
			snprintf(why, sizeof why, "the answer is too long for the journal "
			    "(at most %d bytes, tabs and backslashes counting twice)", NOTE_LIMIT);
			return why;
		}
		o += i;
		(*out)[o++] = '\n';
		*outlen = o;
		return NULL;
	default:
		if ((bad = value_check(m, s, n)) != NULL)
			return onterm ? spoken(m, s, n) : bad;
		number_parse(s, n, &v);		/* good, as value_check says */
		/* written plainly: "007" and "-0" become 7 and 0 */
		*out = xmalloc(strlen(m->what) + 32);
		*outlen = (size_t)sprintf(*out, "%s\t%.0f\n", m->what, v);
		return NULL;
	}
}

/*
 * Prompts and messages to stderr, wrapped to its width but the last
 * column; "lo = word" kept together; hint (NULL: none) kept whole with the
 * text's last word; room: a prompt, a column kept for the answer's space.
 */
static void
wrap(const char *lead, const char *text, const char *hint, int bold, int room)
{
	struct wrap how = { NULL, 0, -1, NULL, 0, 0, 1 };

	how.f = stderr;
	how.cols = term_cols(2) - 1;
	how.hint = hint;
	how.bold = bold;
	how.room = room;
	text_wrap(&how, lead, text);
}

void
say_wrapped(const char *lead, const char *text, int bold)
{
	wrap(lead, text, NULL, bold, 0);
	fputc('\n', stderr);
}

void
say_command(const char *cmd)
{
	fputs("    ", stderr);
	putsafe(stderr, cmd, strlen(cmd));
	fputc('\n', stderr);
}

void
tell(const char *fmt, ...)
{
	char msg[1024], lead[64];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (!isterm(2)) {
		warnx_("%s", msg);
		return;
	}
	snprintf(lead, sizeof lead, "%s: ", progname);
	say_wrapped(lead, msg, 0);
}

static unsigned long nbadanswers;

void
bad_answer(unsigned long line, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (++nbadanswers > 10)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	warnx_("stdin:%lu: %s", line, msg);
}

void
bad_answers_said(void)
{
	if (nbadanswers > 10)
		warnx_("%lu more bad lines not shown", nbadanswers - 10);
	nbadanswers = 0;
}

/* The hints ask adds, by type, and the ones older bank texts end with. */
static const char *
hint(const struct measure *m, const char *text)
{
	static char h[80];
	static const char *const own[] = { NULL, "(y/n)", "(a number)", "(minutes)", "(a few words)" };
	size_t n = strlen(text), k;

	if (m->type != T_SCALE && (k = strlen(own[m->type])) <= n &&
	    strcmp(text + n - k, own[m->type]) == 0)
		return NULL;		/* said already */
	switch (m->type) {
	case T_SCALE:
		snprintf(h, sizeof h, "[%ld-%ld]", m->lo, m->hi);
		break;
	case T_YESNO:
		return "[y/n]";
	case T_COUNT:
		if (m->hi >= 0)
			snprintf(h, sizeof h, "[a number, %ld-%ld]", m->lo, m->hi);
		else if (m->lo > 0)
			snprintf(h, sizeof h, "[a number, %ld or more]", m->lo);
		else
			return "[a number]";
		break;
	case T_MINUTES:
		if (m->lo == 0 && m->hi == 1440)
			return "[minutes]";
		snprintf(h, sizeof h, "[minutes, %ld-%ld]", m->lo, m->hi);
		break;
	case T_TEXT:
		return "[a few words]";
	}
	return h;
}

static void
prompt(size_t k, size_t n, const struct question *q)
{
	const struct measure *m = &b.m[q->m];
	char lead[48];

	snprintf(lead, sizeof lead, "%lu/%lu ", (unsigned long)k + 1, (unsigned long)n);
	wrap(lead, q->text, hint(m, q->text), colour, 1);
	fputc(' ', stderr);
	fflush(stderr);
}

/* Ctrl-C cancels: die by SIGINT, so the shell sees an interrupt (130). */
static void
onintr(int sig)
{
	if (colour && write(2, "\033[0m", 4) < 0) {
		/* nothing more to be done */
	}
	if (ncancelled > 0 && write(2, cancelled, (size_t)ncancelled) < 0) {
		/* the same */
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

void
on_cancel(const char *msg)
{
	static int trapped;
	struct sigaction sa, old;
	size_t n = strlen(msg);

	ncancelled = 0;
	if (isterm(2) && n < sizeof cancelled) {
		memcpy(cancelled, msg, n);
		ncancelled = (sig_atomic_t)n;
	}
	if (!trapped && sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler != SIG_IGN) {
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = onintr;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
	}
	trapped = 1;
}

/* What Ctrl-C will say after k answers. */
static void
set_cancelled(size_t k)
{
	struct stat st;
	char msg[sizeof cancelled];

	if (k > 0 && fstat(1, &st) == 0 && S_ISREG(st.st_mode))
		snprintf(msg, sizeof msg, "\ncancelled; the %lu answer%s given already went to the "
		    "output file\n", (unsigned long)k, k == 1 ? "" : "s");
	else
		snprintf(msg, sizeof msg, "\ncancelled, nothing kept\n");
	on_cancel(msg);
}

/*
 * The line of help that opens a check-in: "The daily check-in: 8
 * questions", the set by its name, but "more", which would not read as
 * one.  Ctrl-D keeps the answers given only where they go somewhere: not
 * when they are only shown.
 */
static void
intro(const char *set, size_t n, int shown_only)
{
	char msg[600];

	snprintf(msg, sizeof msg, "The %s check-in: %lu question%s. Enter skips one, Ctrl-D "
	    "stops%s, Ctrl-C cancels.", strcmp(set, "more") == 0 ? "extra" : set,
	    (unsigned long)n, n == 1 ? "" : "s", shown_only ? "" : " and keeps your answers");
	if (colour)
		fputs("\033[2m", stderr);
	wrap("", msg, NULL, 0, 0);
	fputs(colour ? "\033[0m\n" : "\n", stderr);
}

/*
 * The word at the end of a check-in on a terminal: how many answers were
 * given, and when they were only shown on the terminal, how to keep them.
 */
static void
outro(const char *set, size_t given, int shown_only)
{
	char msg[2 * PATH_MAX + 400], opts[PATH_MAX + 100] = "", bankopt[PATH_MAX + 8] = "";

	if (given == 0) {
		say_wrapped("", "no answers given", 0);
		return;
	}
	if (!shown_only) {
		fprintf(stderr, "%lu answer%s given\n", (unsigned long)given, given == 1 ? "" : "s");
		return;
	}
	if (bankpath != NULL)
		snprintf(bankopt, sizeof bankopt, " -f %s", path_shown(bankpath));
	snprintf(opts, sizeof opts, "%s%s%s", bankopt, strcmp(set, "daily") != 0 ? " -s " : "",
	    strcmp(set, "daily") != 0 ? set : "");
	snprintf(msg, sizeof msg, "%lu answer%s given, shown here but not kept. To keep a "
	    "check-in, answer it with:", (unsigned long)given, given == 1 ? "" : "s");
	say_wrapped("", msg, 0);
	snprintf(msg, sizeof msg, "ask%s | log%s -a %s", opts, bankopt, journal_shown());
	say_command(msg);
}

static int
interactive(const size_t *idx, size_t n, const char *set)
{
	struct lines l;
	const char *why;
	char *s, *out;
	size_t len, outlen, k, given = 0;
	int rc, shown_only = isatty(1);

	/* a prompt goes out in one write, not torn by the echo of keys typed ahead */
	setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
	colour = colour_ok(2);
	set_cancelled(0);
	if (lines_open(&l, NULL) < 0)
		return 1;
	intro(set, n, shown_only);
	for (k = 0; k < n; ) {
		prompt(k, n, &b.q[idx[k]]);
		if ((rc = lines_next(&l, &s, &len)) == 0) {
			fputc('\n', stderr);	/* Ctrl-D: the prompt's line is left open */
			break;
		}
		if (rc < 0) {
			lines_close(&l);
			return 1;
		}
		if (rc == 2) {
			tell("the answer is longer than 64 KiB");
			continue;
		}
		trim(&s, &len);
		if (len == 0) {
			k++;
			continue;
		}
		if ((why = answer(&b.m[b.q[idx[k]].m], s, len, 1, &out, &outlen)) != NULL) {
			tell("%s", why);
			continue;
		}
		fwrite(out, 1, outlen, stdout);
		free(out);
		if (fflush(stdout) == EOF || ferror(stdout))
			break;		/* fshut below says why */
		set_cancelled(++given);
		k++;
	}
	lines_close(&l);
	if ((rc = fshut(stdout, "stdout")) != 0)
		return rc;
	/* log(1), reading them, says where they were kept */
	if (isterm(2))
		outro(set, given, shown_only);
	return 0;
}

/*
 * All answers first; any bad line and nothing is printed.  Bad lines are
 * named ten at most, then counted; the first answer past the last question
 * ends the reading, so endless input ends.
 */
static int
batch(const size_t *idx, size_t n, const char *set)
{
	struct lines l;
	const char *why;
	char *s, *out, *all = NULL;
	size_t len, outlen, total = 0, cap = 0;
	unsigned long extra = 0;
	int rc, bad = 0;

	if (lines_open(&l, NULL) < 0)
		return 1;
	while ((rc = lines_next(&l, &s, &len)) > 0) {
		if (rc == 1) {
			trim(&s, &len);
			if (len == 0)
				continue;
		}
		if (l.lineno > n) {
			extra = l.lineno;
			break;
		}
		if (rc == 2) {
			bad_answer(l.lineno, "the answer is longer than 64 KiB");
			bad = 1;
			continue;
		}
		why = answer(&b.m[b.q[idx[l.lineno - 1]].m], s, len, 0, &out, &outlen);
		if (why != NULL) {
			bad_answer(l.lineno, "%s", why);
			bad = 1;
			continue;
		}
		if (total + outlen > cap) {
			cap = 2 * (total + outlen);
			all = xrealloc(all, cap);
		}
		memcpy(all + total, out, outlen);
		total += outlen;
		free(out);
	}
	lines_close(&l);
	bad_answers_said();
	if (extra > 0)
		warnx_("stdin:%lu: more answers than questions: the %s set has %lu", extra, set,
		    (unsigned long)n);
	if (rc < 0 || bad || extra > 0) {
		free(all);
		return 1;
	}
	if (total > 0)
		fwrite(all, 1, total, stdout);
	free(all);
	return fshut(stdout, "stdout");
}

static int
checkin(const char *set)
{
	size_t *idx, i, n = 0;
	int rc;

	idx = xmalloc(b.nq * sizeof *idx);
	for (i = 0; i < b.nq; i++)
		if (strcmp(b.q[i].set, set) == 0)
			idx[n++] = i;
	rc = isterm(0) ? interactive(idx, n, set) : batch(idx, n, set);
	free(idx);
	return rc;
}

static int
starter(const char *category, const char *date)
{
	unsigned long long seed = hearth_seed();
	const char *text, *why;
	struct stamp t;
	long day;

	if (category != NULL && bank_starters(&b, category, NULL) == 0)
		bad_option("no starters in category \"%s\"; the categories are %s",
		    vis(category, strlen(category)), names(1));
	if (now(&t) < 0)
		return 1;
	day = t.day;
	if (date != NULL && (why = day_parse(date, t.day, &day)) != NULL)
		bad_option("-d \"%s\": %s (or today, yesterday)", vis(date, strlen(date)), why);
	if ((text = starter_of_day(&b, category, day, seed)) == NULL) {
		warnx_("the bank has no conversation starters");
		return 1;
	}
	/* the bank was checked: no control characters, valid UTF-8; on a
	 * terminal, invisible characters are shown escaped too */
	if (isatty(1))
		putsafe(stdout, text, strlen(text));
	else
		fputs(text, stdout);
	putchar('\n');
	return fshut(stdout, "stdout");
}

/* A bank's text on stdout: as written, or escaped where a terminal shows it. */
static void
put_bank_text(const char *s, int tty)
{
	if (tty)
		putsafe(stdout, s, strlen(s));
	else
		fputs(s, stdout);
}

static int
list(const char *set)
{
	const struct measure *m;
	const struct question *q;
	size_t i;
	int tty = isatty(1);

	fputs("#set\twhat\ttype\tlo\thi\tbetter\ttext\tpillar\tlabel\n", stdout);
	for (i = 0; i < b.nq; i++) {
		q = &b.q[i];
		if (set != NULL && strcmp(q->set, set) != 0)
			continue;
		if (q->m < 0) {
			printf("%s\t%s\t-\t-\t-\t-\t", q->set, q->what);
			put_bank_text(q->text, tty);
			fputs("\t-\t-\n", stdout);
			continue;
		}
		m = &b.m[q->m];
		printf("%s\t%s\t%s\t%ld\t", q->set, q->what, type_name(m->type), m->lo);
		if (m->hi < 0)
			fputs("-", stdout);
		else
			printf("%ld", m->hi);
		printf("\t%s\t", m->better > 0 ? "high" : "low");
		put_bank_text(q->text, tty);
		printf("\t%s\t", pillar_name(m->pillar));
		put_bank_text(measure_label(m), tty);
		putchar('\n');
	}
	return fshut(stdout, "stdout");
}

/* What the command line asks for. */
struct opts {
	const char *file, *set, *category, *date;
	int pflag, lflag;
};

/* Read the options into o; those of reading answers go to answers_option(). */
static void
options(int argc, char *argv[], struct opts *o)
{
	int c;

	opterr = 0;		/* our own words, with our own name */
	while ((c = getopt(argc, argv, ":HPbc:d:f:hln:o:prs:w:")) != -1) {
		switch (c) {
		case 'c':
			o->category = optarg;
			break;
		case 'd':
			o->date = optarg;
			break;
		case 'f':
			o->file = optarg;
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'l':
			o->lflag = 1;
			break;
		case 'p':
			o->pflag = 1;
			break;
		case 's':
			o->set = optarg;
			break;
		case 'H': case 'P': case 'b': case 'n': case 'o': case 'r': case 'w':
			answers_option(c, optarg);
			break;
		default:
			optfail(c);
			usage(stderr, 2);
		}
	}
}

/* Refuse operands, and options that do not go together, for a check-in, -p or -l. */
static void
check_options(int argc, char *argv[], const struct opts *o)
{
	if (optind < argc) {
		warnx_("unexpected \"%s\": answers come on standard input",
		    vis(argv[optind], strlen(argv[optind])));
		usage(stderr, 2);
	}
	if (o->pflag && o->lflag) {
		warnx_("-p and -l do not go together");
		usage(stderr, 2);
	}
	if (o->pflag && o->set != NULL) {
		warnx_("-s chooses a set of questions; for starters use -p with -c");
		usage(stderr, 2);
	}
	if (!o->pflag && (o->category != NULL || o->date != NULL)) {
		warnx_("-%c goes with -p", o->category != NULL ? 'c' : 'd');
		usage(stderr, 2);
	}
}

int
main(int argc, char *argv[])
{
	struct opts o = { NULL, NULL, NULL, NULL, 0, 0 };
	const char *set;
	int c;

	setprogname(argv[0]);
	if (argc > 1 && strcmp(argv[1], "--version") == 0)
		version();
	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		usage(stdout, 0);
	options(argc, argv, &o);
	if (answers_mode()) {
		if ((c = answers(o.file, o.set, o.category, o.date, o.pflag || o.lflag,
		    argc - optind, argv + optind)) < 0)
			usage(stderr, 2);
		return c;
	}
	check_options(argc, argv, &o);

	if (bank_load(&b, o.file) < 0)
		return 1;
	bankpath = o.file;

	set = o.set;
	if (set != NULL && !has_set(set))
		bad_option("no set \"%s\" in the bank; the sets are %s",
		    vis(set, strlen(set)), names(0));
	if (o.pflag)
		return starter(o.category, o.date);
	if (o.lflag)
		return list(set);
	if (set != NULL && strcmp(set, "prompt") == 0)
		bad_option("\"%s\" holds the conversation starters, not questions: "
		    "ask -p shows the day's one%s", set, "");
	if (set != NULL && strcmp(set, ANSWER_SET) == 0)
		bad_option("\"%s\" holds the answers of ask -P, not questions%s", set, "");
	return checkin(set != NULL ? set : "daily");
}
