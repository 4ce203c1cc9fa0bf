/*
 * log - stamp check-in answers and append them to the journal.
 *
 * Invariants, because a journal of a relationship cannot be re-typed:
 *
 * - All or nothing.  The whole batch is read and checked before a byte is
 *   written: one bad line, or a record longer than readers take (64 KiB
 *   once stamped and escaped), and nothing is written, every bad line named.
 * - One write(2) per batch, under an exclusive fcntl(2) lock and at the end
 *   of the file whatever the descriptor's offset, so two partners appending
 *   at once never interleave and nothing is overwritten.
 * - With -a, all or nothing even when log is killed or the power fails.
 *   Before the batch, a rollback note FILE.rollback (mode 0600, or what the
 *   journal has) is written and made durable with its directory: the
 *   journal's length before the batch and after it, and the journal's
 *   device and inode numbers, nothing else.  The note is removed once the
 *   batch is on the disk.  A writer that finds a note for its journal
 *   truncates the journal back to the noted length before it appends, and
 *   readers (lines_open) never read past it.  The journal is never
 *   replaced, so hard links and open descriptors keep working.  A >>
 *   writer honours a note it can find, but writes none.
 * - A failed write is undone by truncating back; a journal log created and
 *   could not fill is removed; a batch -a could not write at all is kept in
 *   a file of its own (0600), and log says the command that adds it later.
 * - -a writes only to a regular file named by its own path: never through a
 *   symbolic link, never to a FIFO or device.  Missing directories are made
 *   0700.  A journal log starts (writes the header of) is made 0600; one
 *   that others can read gets a warning with the chmod that fixes it.
 * - The journal starts with its header and every batch starts on a fresh
 *   line, even after a >> writer was killed mid-line.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearth.h"

static struct bank bank;
/* The batch as it will be written, with room before it for the header. */
#define ROOM	APPEND_ROOM
static char *base, *out;
static size_t outlen, outcap;
static unsigned long nbad;
#define SHOWN	10	/* bad lines named; the rest are counted */
#define GIVEUP	1000	/* bad lines after which reading stops: not a batch at all */
static int toobig;
static unsigned long nrec, nanswers;	/* records in the batch; answers of them */

#define TOOLONG	"with its time and name the record would be longer than 64 KiB, more than a journal line holds"

static void
usage(FILE *f)
{
	fprintf(f, "usage: %s [-a journal] [-f bank] [-t time] [-w who] [what value [note ...]]\n",
	    progname);
}

/* Append n bytes of s to the batch (s NULL: just make room for them). */
static void
put(const char *s, size_t n)
{
	if (outlen + n > BATCH_LIMIT) {
		toobig = 1;
		return;
	}
	if (outlen + n > outcap) {
		while (outlen + n > outcap)
			outcap = outcap ? 2 * outcap : 1 << 16;
		if (outcap > BATCH_LIMIT)
			outcap = BATCH_LIMIT;
		base = xrealloc(base, ROOM + outcap);
		out = base + ROOM;
	}
	if (s != NULL)
		memcpy(out + outlen, s, n);
	outlen += n;
}

/* A problem with the batch; where is "stdin:LINE" or NULL for operands. */
static void
bad(const char *where, unsigned long line, const char *why)
{
	if (++nbad > SHOWN)
		return;
	if (where)
		warnx_("%s:%lu: %s", where, line, why);
	else
		warnx_("%s", why);
}

/* The bank's measure named by n bytes of what (a NUL after them); a batch
 * mostly repeats a few, so the last one found is tried first. */
static const struct measure *
measure(const char *what, size_t n)
{
	static const struct measure *last;
	static size_t lastn;

	if (last != NULL && n == lastn && memcmp(last->what, what, n) == 0)
		return last;
	if ((last = bank_measure(&bank, what)) != NULL)
		lastn = n;
	return last;
}

/* The measure for what, checked with its value and note; NULL or the reason. */
static const char *
check(const char *what, size_t wn, const char *value, size_t vn,
    const char *note, size_t nn)
{
	static char why[300];
	const struct measure *m;
	const char *e;

	/* a name the bank knows is well formed; only a stranger is checked */
	if ((m = measure(what, wn)) == NULL &&
	    (e = what_check(what, wn)) != NULL) {
		if (wn == 0)
			return e;
		snprintf(why, sizeof why, "bad measure \"%s\": %s", vis(what, wn), e);
		return why;
	}
	if (m == NULL) {
		snprintf(why, sizeof why,
		    "unknown measure \"%s\": no question bank defines it (see ask -l)",
		    vis(what, wn));
		return why;
	}
	if ((e = value_check(m, value, vn)) != NULL)
		return e;
	/* ask writes a typed -0 as 0; log writes values as they come (a
	 * value the bank took is a whole number here, or it is not -0) */
	if (value[0] == '-' && strspn(value + 1, "0") == vn - 1) {
		snprintf(why, sizeof why, "bad value \"%s\" for %s: zero is written 0",
		    vis(value, vn), m->what);
		return why;
	}
	if ((e = note_check(note, nn)) != NULL)
		return e;
	if (strcmp(m->what, "answer") == 0 && (e = answer_check(note, nn)) != NULL)
		return e;
	if (m->type == T_TEXT && nn == 0) {
		snprintf(why, sizeof why, "%s is a text answer: the answer goes in the note, and it is empty",
		    m->what);
		return why;
	}
	return NULL;
}

static char prefix[200];	/* "time\twho\t" for answers */
static size_t prefixlen;

/* head (the stamp and name, or the record's own), then what, value and
 * note; -1 when the line would be longer than readers take. */
static int
fields(const char *head, size_t hn, const char *what, size_t wn,
    const char *value, size_t vn, const char *note, size_t nn)
{
	char *p;
	size_t n = hn + wn + vn + nn + 3;

	if (n - 1 > LINE_LIMIT)
		return -1;
	put(NULL, n);		/* room, then fill it in place */
	if (toobig)
		return 0;
	p = out + outlen - n;
	memcpy(p, head, hn);
	p += hn;
	memcpy(p, what, wn);
	p += wn;
	*p++ = '\t';
	memcpy(p, value, vn);
	p += vn;
	*p++ = '\t';
	memcpy(p, note, nn);
	p[nn] = '\n';
	nrec++;
	return 0;
}

/* A whole record of stdin, split by line(): it keeps its own time and name. */
static void
record(char *s, char **f, size_t *fn, unsigned long lineno)
{
	struct stamp t;
	const char *why;

	f[2][fn[2]] = f[3][fn[3]] = '\0';	/* after the head, which stays as it is */
	if ((why = record_head_check(f[0], fn[0], f[1], fn[1], &t)) != NULL ||
	    (why = check(f[2], fn[2], f[3], fn[3], f[4], fn[4])) != NULL)
		bad("stdin", lineno, why);
	else if (fields(s, (size_t)(f[2] - s), f[2], fn[2], f[3], fn[3], f[4], fn[4]) < 0)
		bad("stdin", lineno, TOOLONG);
}

/* One line of standard input: an answer (2 or 3 fields) or a record (5). */
static void
line(char *s, size_t n, unsigned long lineno)
{
	char *f[5], *tab;
	size_t fn[5], i, start = 0;
	const char *why;
	char msg[120];
	int k = 0;

	if (memchr(s, '\0', n) != NULL) {
		bad("stdin", lineno, "a NUL byte in the line");
		return;
	}
	for (i = 0; i <= n; i++) {
		tab = memchr(s + i, '\t', n - i);
		i = tab != NULL ? (size_t)(tab - s) : n;
		if (k < 5) {
			f[k] = s + start;
			fn[k] = i - start;
		}
		k++;
		start = i + 1;
	}
	if (k == 5) {
		record(s, f, fn, lineno);
		return;
	}
	if (k != 2 && k != 3) {
		snprintf(msg, sizeof msg, "want an answer (what, value, note) or a "
		    "record (time, who, what, value, note), found %d field%s",
		    k, k == 1 ? "" : "s");
		bad("stdin", lineno, msg);
		return;
	}
	f[0][fn[0]] = f[1][fn[1]] = '\0';	/* the tabs; the line ends in NUL */
	if (k == 2) {
		f[2] = "";
		fn[2] = 0;
	}
	if ((why = check(f[0], fn[0], f[1], fn[1], f[2], fn[2])) != NULL)
		bad("stdin", lineno, why);
	else if (fields(prefix, prefixlen, f[0], fn[0], f[1], fn[1], f[2], fn[2]) < 0)
		bad("stdin", lineno, TOOLONG);
	else
		nanswers++;
}

/* "3 answers", "1 record": what the batch holds, in words. */
static const char *
holds(void)
{
	static char buf[64];

	snprintf(buf, sizeof buf, "%lu %s%s", nrec, nanswers == nrec ? "answer" : "record",
	    nrec == 1 ? "" : "s");
	return buf;
}

/* A file of its own for a batch -a could not write, in the first of
 * $XDG_STATE_HOME/hearth, ~/.local/state/hearth and ~ that takes it. */
static char *
keep_file(int *fd)
{
	const char *state = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	char *dirs[3], path[PATH_MAX];
	int i, k, nd = 0;

	if (state != NULL && state[0] == '/')
		dirs[nd++] = suffixed(state, "/hearth");
	if (home != NULL && home[0] == '/') {
		dirs[nd++] = suffixed(home, "/.local/state/hearth");
		dirs[nd++] = xstrdup(home);
	}
	for (*fd = -1, i = 0; i < nd && *fd < 0; i++)
		for (k = 1; k < 1000 && *fd < 0; k++) {
			snprintf(path, sizeof path, k == 1 ? "%s/unwritten-%.10s.tsv" :
			    "%s/unwritten-%.10s-%d.tsv", dirs[i], prefix, k);
			if (k == 1)
				mkparents(path);
			*fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
			if (*fd < 0 && errno != EEXIST)
				break;
		}
	while (nd > 0)
		free(dirs[--nd]);
	return *fd >= 0 ? xstrdup(path) : NULL;
}

/* The batch could not go into journal: keep it, and say how to add it. */
static void
keep_elsewhere(const char *journal)
{
	char *kept, *abs = absolute(journal);
	int fd, ok;

	if ((kept = keep_file(&fd)) == NULL) {
		warn_("and the %s could not be kept anywhere else", holds());
		free(abs);
		return;
	}
	memcpy(out - (ROOM - 1), JOURNAL_HEADER, ROOM - 1);
	ok = writeall(fd, out - (ROOM - 1), ROOM - 1 + outlen) == 0 && fsync(fd) == 0;
	if (close(fd) < 0 || !ok) {
		warn_("and the %s could not be kept in %s", holds(), path_shown(kept));
		unlink(kept);
	} else if (nrec == 1)
		warnx_("the %s is kept in %s; add it later with: %s -a %s < %s",
		    nanswers ? "answer" : "record", path_shown(kept), progname, path_shown(abs), path_shown(kept));
	else
		warnx_("the %s are kept in %s; add them later with: %s -a %s < %s",
		    holds(), path_shown(kept), progname, path_shown(abs), path_shown(kept));
	free(kept);
	free(abs);
}

/* Write the batch to the journal named by -a, or to stdout; a batch -a
 * could not write is kept elsewhere. */
static int
keep(const char *journal)
{
	char *where, *abs;
	int rc, written;

	rc = journal_append(journal, out, outlen, &written, &where);
	if (journal != NULL && !written)
		keep_elsewhere(journal);
	else if (written && where != NULL && isterm(2)) {
		abs = absolute(where);
		fprintf(stderr, "%s kept in %s\n", holds(), path_shown(abs));
		free(abs);
	}
	free(where);
	return rc;
}

/* The record given as operands: what, value and the note words. */
static void
from_operands(int argc, char **argv)
{
	const char *why;
	char *s, *note;
	size_t n, nn, i;

	/* note operands are joined by single spaces and escaped here */
	for (nn = 0, i = 2; i < (size_t)argc; i++)
		nn += strlen(argv[i]) + 1;
	note = xmalloc(2 * nn + 1);
	s = xmalloc(nn + 1);
	for (n = 0, i = 2; i < (size_t)argc; i++) {
		if (i > 2)
			s[n++] = ' ';
		memcpy(s + n, argv[i], strlen(argv[i]));
		n += strlen(argv[i]);
	}
	nn = note_escape(s, n, note);
	free(s);
	if ((why = check(argv[0], strlen(argv[0]), argv[1], strlen(argv[1]),
	    note, nn)) != NULL)
		die(1, "%s", why);
	if (fields(prefix, prefixlen, argv[0], strlen(argv[0]), argv[1], strlen(argv[1]),
	    note, nn) < 0)
		die(1, "the note is too long: %s; nothing was written", TOOLONG);
	free(note);
}

/* The batch from stdin, every line checked. */
static void
from_stdin(void)
{
	struct lines in;
	char *s;
	size_t n;
	int rc;

	if (lines_open(&in, NULL) < 0)
		exit(1);
	while (!toobig && nbad < GIVEUP && (rc = lines_next(&in, &s, &n)) != 0) {
		if (rc < 0)
			exit(1);
		if (rc == 2)
			bad("stdin", in.lineno, "the line is longer than 64 KiB");
		else if (!line_blank(s, n))
			line(s, n, in.lineno);
	}
	lines_close(&in);
}

/* The stamp and name for answers: "time\twho\t". */
static void
stamp(const char *when, const char *who)
{
	struct stamp st, nowt;
	const char *why;

	if (now(&nowt) < 0)
		exit(1);
	st = nowt;
	if (when != NULL && (why = when_parse(when, &nowt, &st)) != NULL)
		die(1, "bad time \"%s\" for -t: %s", vis(when, strlen(when)), why);
	if (st.day < days_from_civil(1, 1, 1) || st.day > days_from_civil(9999, 12, 31))
		die(1, "HEARTH_NOW=\"%s\": a journal holds the years 0001 to 9999 only",
		    getenv("HEARTH_NOW") ? vis(getenv("HEARTH_NOW"), strlen(getenv("HEARTH_NOW"))) : "");
	if (who == NULL)
		who = whoami();
	if ((why = who_check(who, strlen(who))) != NULL)
		die(1, "bad name \"%s\": %s", vis(who, strlen(who)), why);
	prefixlen = stamp_format(prefix, &st);
	prefix[prefixlen++] = '\t';
	memcpy(prefix + prefixlen, who, strlen(who));
	prefixlen += strlen(who);
	prefix[prefixlen++] = '\t';
}

int
main(int argc, char *argv[])
{
	const char *journal = NULL, *bankfile = NULL, *when = NULL, *who = NULL;
	int c;

	setprogname(argv[0]);
	if (argc > 1 && strcmp(argv[1], "--version") == 0)
		version();
	if (argc > 1 && strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return fshut(stdout, "stdout");
	}
	opterr = 0;
	while ((c = getopt(argc, argv, ":a:f:ht:w:")) != -1) {
		switch (c) {
		case 'a': journal = optarg; break;
		case 'f': bankfile = optarg; break;
		case 't': when = optarg; break;
		case 'w': who = optarg; break;
		case 'h':
			usage(stdout);
			return fshut(stdout, "stdout");
		default:
			optfail(c);
			usage(stderr);
			return 2;
		}
	}
	argc -= optind;
	argv += optind;
	if (journal != NULL && journal[0] == '\0') {
		warnx_("-a needs the journal's name, and it is empty");
		usage(stderr);
		return 2;
	}
	if (argc == 1) {
		warnx_("%s needs a value, e.g. %s touch 4", vis(argv[0], strlen(argv[0])), progname);
		usage(stderr);
		return 2;
	}
	signal(SIGXFSZ, SIG_IGN);	/* past ulimit -f: a short write we can undo */

	if (bank_load(&bank, bankfile) < 0)
		return 1;
	stamp(when, who);
	if (argc >= 2)
		from_operands(argc, argv);
	else
		from_stdin();
	if (toobig)
		die(1, "the batch is larger than 64 MiB: nothing was written; split it");
	if (nbad >= GIVEUP)
		die(1, "stdin: %lu bad lines, and no more were read: this is not a batch of "
		    "answers or records; nothing was written", nbad);
	if (nbad > SHOWN)
		warnx_("%lu more bad lines not shown", nbad - SHOWN);
	if (nbad > 0) {
		warnx_("%lu bad line%s: nothing was written", nbad, nbad == 1 ? "" : "s");
		return 1;
	}
	if (outlen == 0)
		return 0;		/* an empty batch: no file, no header */
	return keep(journal);
}
