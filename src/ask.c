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
 *   all or nothing: every bad line is named as stdin:LINE and standard
 *   output stays empty.
 * - A note is escaped exactly as in the journal (note_escape), and no
 *   answer line is longer than a journal line may be.
 * - No escape code is ever written unless standard error is a terminal,
 *   NO_COLOR is unset or empty and TERM is not dumb.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"
#include "answers.h"

/* The longest note ask writes: room is left for time, who and what. */
#define NOTE_LIMIT	(LINE_LIMIT - 256)

static struct bank b;
static volatile sig_atomic_t colour;

static void
usage(FILE *f, int status)
{
	fprintf(f, "usage: %s [-f bank] [-s set]\n"
	    "       %s [-f bank] -p [-c category] [-d date]\n"
	    "       %s [-f bank] -P [-c category] [-d date]\n"
	    "       %s -r [-d date] [-w who] [journal ...]\n"
	    "       %s -b [-H] [-d date] [-n days] [-w who] [journal ...]\n"
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
		if (is_starter(&b.q[i]) != categories)
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

/*
 * One answer (trimmed, not empty) to the question on measure m: its line
 * "what\tvalue[\tnote]\n" in *out (malloc'd), or why it cannot be taken.
 */
static const char *
answer(const struct measure *m, const char *s, size_t n, char **out, size_t *outlen)
{
	static char why[300];
	const unsigned char *u = (const unsigned char *)s;
	const char *bad;
	size_t i, o;
	double v;
	int yn;

	switch (m->type) {
	case T_YESNO:
		if ((yn = yesno(s, n)) < 0) {
			snprintf(why, sizeof why, "%s takes y or n (yes or no), not \"%s\"",
			    m->what, vis(s, n));
			return why;
		}
		*out = xmalloc(strlen(m->what) + 4);
		*outlen = (size_t)sprintf(*out, "%s\t%d\n", m->what, yn);
		return NULL;
	case T_TEXT:
		for (i = 0; i < n; i++)
			if ((u[i] < 0x20 && u[i] != '\t') || u[i] == 0x7f ||
			    (u[i] == 0xc2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] < 0xa0))
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
			return bad;
		number_parse(s, n, &v);		/* good, as value_check says */
		/* written plainly: "007" and "-0" become 7 and 0 */
		*out = xmalloc(strlen(m->what) + 32);
		*outlen = (size_t)sprintf(*out, "%s\t%.0f\n", m->what, v);
		return NULL;
	}
}

static void
prompt(size_t k, size_t n, const struct question *q)
{
	const struct measure *m = &b.m[q->m];

	fprintf(stderr, "%lu/%lu ", (unsigned long)k + 1, (unsigned long)n);
	if (colour)
		fputs("\033[1m", stderr);
	putsafe(stderr, q->text, strlen(q->text));
	if (colour)
		fputs("\033[0m", stderr);
	switch (m->type) {
	case T_YESNO:
		fputs(" [y/n]", stderr);
		break;
	case T_COUNT:
		if (m->hi < 0) {
			fprintf(stderr, " [%ld or more]", m->lo);
			break;
		}
		/* FALLTHROUGH */
	case T_SCALE:
	case T_MINUTES:
		fprintf(stderr, " [%ld-%ld]", m->lo, m->hi);
		break;
	case T_TEXT:
		break;
	}
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
	signal(sig, SIG_DFL);
	raise(sig);
}

static int
interactive(const size_t *idx, size_t n, const char *set)
{
	struct sigaction sa, old;
	struct lines l;
	const char *why, *e;
	char *s, *out;
	size_t len, outlen, k;
	int rc;

	/* a prompt goes out in one write, not torn by the echo of keys typed ahead */
	setvbuf(stderr, NULL, _IOLBF, BUFSIZ);
	e = getenv("TERM");
	colour = isterm(2) && (getenv("NO_COLOR") == NULL || *getenv("NO_COLOR") == '\0') &&
	    e != NULL && *e != '\0' && strcmp(e, "dumb") != 0;
	if (sigaction(SIGINT, NULL, &old) == 0 && old.sa_handler != SIG_IGN) {
		memset(&sa, 0, sizeof sa);
		sa.sa_handler = onintr;
		sigemptyset(&sa.sa_mask);
		sigaction(SIGINT, &sa, NULL);
	}
	if (lines_open(&l, NULL) < 0)
		return 1;
	fprintf(stderr, "%sThe %s check-in: %lu question%s. Enter skips one, Ctrl-D stops "
	    "and keeps your answers, Ctrl-C cancels.%s\n", colour ? "\033[2m" : "",
	    set, (unsigned long)n, n == 1 ? "" : "s", colour ? "\033[0m" : "");
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
			warnx_("the answer is longer than 64 KiB");
			continue;
		}
		trim(&s, &len);
		if (len == 0) {
			k++;
			continue;
		}
		if ((why = answer(&b.m[b.q[idx[k]].m], s, len, &out, &outlen)) != NULL) {
			warnx_("%s", why);
			continue;
		}
		fwrite(out, 1, outlen, stdout);
		free(out);
		if (fflush(stdout) == EOF || ferror(stdout))
			break;		/* fshut below says why */
		k++;
	}
	lines_close(&l);
	return fshut(stdout, "stdout");
}

/* All answers first; any bad line and nothing is printed. */
static int
batch(const size_t *idx, size_t n, const char *set)
{
	struct lines l;
	const char *why;
	char *s, *out, *all = NULL;
	size_t len, outlen, total = 0, cap = 0;
	int rc, bad = 0;

	if (lines_open(&l, NULL) < 0)
		return 1;
	while ((rc = lines_next(&l, &s, &len)) > 0) {
		if (rc == 2) {
			warnx_("stdin:%lu: the answer is longer than 64 KiB", l.lineno);
			bad = 1;
			continue;
		}
		trim(&s, &len);
		if (len == 0)
			continue;
		if (l.lineno > n) {
			warnx_("stdin:%lu: more answers than questions: the %s set has %lu",
			    l.lineno, set, (unsigned long)n);
			bad = 1;
			continue;
		}
		why = answer(&b.m[b.q[idx[l.lineno - 1]].m], s, len, &out, &outlen);
		if (why != NULL) {
			warnx_("stdin:%lu: %s", l.lineno, why);
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
	if (rc < 0 || bad) {
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
	/* the bank was checked: no control characters, valid UTF-8 */
	fputs(text, stdout);
	putchar('\n');
	return fshut(stdout, "stdout");
}

static int
list(const char *set)
{
	const struct measure *m;
	const struct question *q;
	size_t i;

	fputs("#set\twhat\ttype\tlo\thi\tbetter\ttext\n", stdout);
	for (i = 0; i < b.nq; i++) {
		q = &b.q[i];
		if (set != NULL && strcmp(q->set, set) != 0)
			continue;
		if (q->m < 0) {
			printf("%s\t%s\t-\t-\t-\t-\t%s\n", q->set, q->what, q->text);
			continue;
		}
		m = &b.m[q->m];
		printf("%s\t%s\t%s\t%ld\t", q->set, q->what, type_name(m->type), m->lo);
		if (m->hi < 0)
			fputs("-", stdout);
		else
			printf("%ld", m->hi);
		printf("\t%s\t%s\n", m->better > 0 ? "high" : "low", q->text);
	}
	return fshut(stdout, "stdout");
}

int
main(int argc, char *argv[])
{
	const char *file = NULL, *set = NULL, *category = NULL, *date = NULL;
	int c, pflag = 0, lflag = 0;

	setprogname(argv[0]);
	if (argc > 1 && strcmp(argv[1], "--version") == 0)
		version();
	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		usage(stdout, 0);
	opterr = 0;		/* our own words, with our own name */
	while ((c = getopt(argc, argv, ":HPbc:d:f:hln:prs:w:")) != -1) {
		switch (c) {
		case 'c':
			category = optarg;
			break;
		case 'd':
			date = optarg;
			break;
		case 'f':
			file = optarg;
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'l':
			lflag = 1;
			break;
		case 'p':
			pflag = 1;
			break;
		case 's':
			set = optarg;
			break;
		case 'H': case 'P': case 'b': case 'n': case 'r': case 'w':
			answers_option(c, optarg);
			break;
		default:
			optfail(c);
			usage(stderr, 2);
		}
	}
	if (answers_mode()) {
		if ((c = answers(file, set, category, date, pflag || lflag,
		    argc - optind, argv + optind)) < 0)
			usage(stderr, 2);
		return c;
	}
	if (optind < argc) {
		warnx_("unexpected \"%s\": answers come on standard input",
		    vis(argv[optind], strlen(argv[optind])));
		usage(stderr, 2);
	}
	if (pflag && lflag) {
		warnx_("-p and -l do not go together");
		usage(stderr, 2);
	}
	if (pflag && set != NULL) {
		warnx_("-s chooses a set of questions; for starters use -p with -c");
		usage(stderr, 2);
	}
	if (!pflag && (category != NULL || date != NULL)) {
		warnx_("-%c goes with -p", category != NULL ? 'c' : 'd');
		usage(stderr, 2);
	}

	if (bank_load(&b, file) < 0)
		return 1;

	if (set != NULL && !has_set(set))
		bad_option("no set \"%s\" in the bank; the sets are %s",
		    vis(set, strlen(set)), names(0));
	if (pflag)
		return starter(category, date);
	if (lflag)
		return list(set);
	if (set != NULL && strcmp(set, "prompt") == 0)
		bad_option("\"%s\" holds the conversation starters, not questions: "
		    "ask -p shows the day's one%s", set, "");
	if (set != NULL && strcmp(set, ANSWER_SET) == 0)
		bad_option("\"%s\" holds the answers of ask -P, not questions%s", set, "");
	return checkin(set != NULL ? set : "daily");
}
