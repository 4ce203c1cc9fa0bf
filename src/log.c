/*
 * log - stamp check-in answers and append them to the journal.
 *
 * Invariants, because a journal of a relationship cannot be re-typed:
 *
 * - All or nothing.  The whole batch is read and checked before a byte is
 *   written; one bad line and nothing is written (every bad line named).
 * - One write(2) per batch, under an exclusive lock, so two partners
 *   appending to one file at once never interleave.
 * - A short write (disk full, file size limit) is undone by truncating the
 *   file back to its length before the batch: the journal is as it was.
 * - The journal starts with its header and every batch starts on a fresh
 *   line, even after a writer was killed mid-line.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearth.h"

static struct bank bank;
/* The batch as it will be written, with room before it for the header. */
#define ROOM	sizeof JOURNAL_HEADER
static char *base, *out;
static size_t outlen, outcap;
static int nbad;
static int toobig;

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
	nbad++;
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

	if (last != NULL && n == lastn && same_bytes(last->what, what, n))
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
	if ((e = note_check(note, nn)) != NULL)
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

/* head (the stamp and name, or nothing), then what, value and note */
static void
fields(const char *head, size_t hn, const char *what, size_t wn,
    const char *value, size_t vn, const char *note, size_t nn)
{
	char *p;
	size_t n = hn + wn + vn + nn + 3;

	put(NULL, n);		/* room, then fill it in place */
	if (toobig)
		return;
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
}

/* One line of standard input: an answer (2 or 3 fields) or a record (5). */
static void
line(char *s, size_t n, unsigned long lineno)
{
	char *f[5];
	size_t fn[5], i, start = 0;
	struct record r;
	const char *why;
	char msg[120];
	int k = 0;

	/* answers are short: one pass finds the tabs and any NUL */
	for (i = 0; i <= n; i++) {
		i = find_tab(s, i, n, 1);
		if (i < n && s[i] == '\0') {
			bad("stdin", lineno, "a NUL byte in the line");
			return;
		}
		if (k < 5) {
			f[k] = s + start;
			fn[k] = i - start;
		}
		k++;
		start = i + 1;
	}
	if (k == 2 || k == 3) {
		f[0][fn[0]] = f[1][fn[1]] = '\0';	/* the tabs; the line ends in NUL */
		if ((why = check(f[0], fn[0], f[1], fn[1], k == 3 ? f[2] : "",
		    k == 3 ? fn[2] : 0)) != NULL)
			bad("stdin", lineno, why);
		else
			fields(prefix, prefixlen, f[0], fn[0], f[1], fn[1], k == 3 ? f[2] : "",
			    k == 3 ? fn[2] : 0);
		return;
	}
	if (k != 5) {
		snprintf(msg, sizeof msg, "want an answer (what, value, note) or a "
		    "record (time, who, what, value, note), found %d field%s",
		    k, k == 1 ? "" : "s");
		bad("stdin", lineno, msg);
		return;
	}
	if ((why = record_parse(s, n, &r)) != NULL) {
		bad("stdin", lineno, why);
		return;
	}
	if ((why = check(r.what, r.whatlen, r.value, strlen(r.value), r.note,
	    r.notelen)) != NULL) {
		bad("stdin", lineno, why);
		return;
	}
	put(r.time, strlen(r.time));
	put("\t", 1);
	put(r.who, r.wholen);
	put("\t", 1);
	fields("", 0, r.what, r.whatlen, r.value, strlen(r.value), r.note, r.notelen);
}

static const char *
whoami(void)
{
	const char *w = getenv("HEARTH_WHO");
	struct passwd *pw;

	if (w != NULL && *w != '\0')
		return w;
	/* one thread, one call: getpwuid_r would buy nothing */
	/* cppcheck-suppress getpwuidCalled */
	if ((pw = getpwuid(getuid())) != NULL)
		return pw->pw_name;
	if ((w = getenv("LOGNAME")) != NULL && *w != '\0')
		return w;
	die(1, "who are you? say it with -w or HEARTH_WHO");
	return NULL;
}

/* Write all of buf, retrying short writes; 0 or -1 with errno. */
static int
writeall(int fd, const char *buf, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(fd, buf, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (w == 0) {
			errno = ENOSPC;
			return -1;
		}
		buf += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The last byte of the file, or '\n' when it cannot be read. */
static int
lastbyte(int fd, off_t size)
{
	char c;

	return pread(fd, &c, 1, size - 1) == 1 ? (unsigned char)c : '\n';
}

/*
 * Append the batch to fd.  On a regular file: lock, header on an empty
 * file, a fresh line after a torn one, one write, and truncation back to
 * the old length if the write comes up short.
 */
static int
append(int fd, const char *name, int sync)
{
	struct flock lk;
	struct stat st;
	const char *head = "";
	size_t hn = 0;
	off_t size = 0;
	int regular, rfd = fd, rc = 0;

	if (fstat(fd, &st) < 0) {
		warn_("%s", name);
		return 1;
	}
	regular = S_ISREG(st.st_mode);
	/*
	 * A file opened by the shell's >> cannot be read through its own
	 * descriptor: read it through another, opened before the lock and
	 * closed only at the end, since closing any descriptor of a file
	 * drops the process's fcntl(2) locks on it.
	 */
	if (regular && fd == 1 && (fcntl(fd, F_GETFL) & O_ACCMODE) == O_WRONLY)
		rfd = open("/dev/fd/1", O_RDONLY);
	if (regular) {
		memset(&lk, 0, sizeof lk);
		lk.l_type = F_WRLCK;
		lk.l_whence = SEEK_SET;
		while (fcntl(fd, F_SETLKW, &lk) < 0) {
			if (errno != EINTR) {
				warn_("%s: cannot lock", name);
				return 1;
			}
		}
		if (fstat(fd, &st) < 0) {
			warn_("%s", name);
			return 1;
		}
		size = st.st_size;
		if (size == 0) {
			head = JOURNAL_HEADER;
			hn = strlen(head);
		} else if (lastbyte(rfd, size) != '\n') {
			head = "\n";
			hn = 1;
		}
	}
	if (hn > 0) {
		/* still one write: the header or newline goes in front */
		out -= hn;
		memcpy(out, head, hn);
		outlen += hn;
	}
	if (writeall(fd, out, outlen) < 0) {
		int e = errno;

		if (regular && ftruncate(fd, size) == 0) {
			errno = e;
			warn_("%s: nothing was written", name);
		} else {
			if (regular)
				warn_("%s: cannot undo a short write", name);
			errno = e;
			warn_("%s", name);
		}
		rc = 1;
	} else if (sync && regular && fsync(fd) < 0) {
		warn_("%s", name);
		rc = 1;
	}
	if (rfd != fd && rfd >= 0)
		close(rfd);
	return rc;
}

int
main(int argc, char *argv[])
{
	const char *journal = NULL, *bankfile = NULL, *when = NULL, *who = NULL;
	const char *why;
	struct stamp st, nowt;
	struct lines in;
	char *s, *note;
	size_t n, nn, i;
	int c, rc, fd;

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
	if (argc == 1) {
		warnx_("%s needs a value, e.g. %s touch 4", vis(argv[0], strlen(argv[0])), progname);
		usage(stderr);
		return 2;
	}
	signal(SIGXFSZ, SIG_IGN);	/* past ulimit -f: a short write we can undo */

	if (bank_load(&bank, bankfile) < 0)
		return 1;
	if (now(&nowt) < 0)
		return 1;
	st = nowt;
	if (when != NULL && (why = when_parse(when, &nowt, &st)) != NULL)
		die(1, "bad time \"%s\" for -t: %s", vis(when, strlen(when)), why);
	if (who == NULL)
		who = whoami();
	if ((why = who_check(who, strlen(who))) != NULL)
		die(1, "bad name \"%s\": %s", vis(who, strlen(who)), why);
	prefixlen = stamp_format(prefix, &st);
	prefix[prefixlen++] = '\t';
	memcpy(prefix + prefixlen, who, strlen(who));
	prefixlen += strlen(who);
	prefix[prefixlen++] = '\t';

	if (argc >= 2) {
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
		fields(prefix, prefixlen, argv[0], strlen(argv[0]), argv[1], strlen(argv[1]),
		    note, nn);
		free(note);
	} else {
		if (lines_open(&in, NULL) < 0)
			return 1;
		while (!toobig && (rc = lines_next(&in, &s, &n)) != 0) {
			if (rc < 0)
				return 1;
			if (rc == 2)
				bad("stdin", in.lineno, "the line is longer than 64 KiB");
			else if (!line_blank(s, n))
				line(s, n, in.lineno);
		}
		lines_close(&in);
	}
	if (toobig)
		die(1, "the batch is larger than 64 MiB: nothing was written; split it");
	if (nbad > 0) {
		warnx_("%d bad line%s: nothing was written", nbad, nbad == 1 ? "" : "s");
		return 1;
	}
	if (outlen == 0)
		return 0;		/* an empty batch: no file, no header */

	if (journal == NULL) {
		if (append(1, "stdout", 0) != 0)
			return 1;
		return 0;
	}
	if ((fd = open(journal, O_RDWR | O_APPEND | O_CREAT, 0600)) < 0) {
		warn_("%s", vis(journal, strlen(journal)));
		return 1;
	}
	rc = append(fd, vis(journal, strlen(journal)), 1);
	if (close(fd) < 0 && rc == 0) {
		warn_("%s", vis(journal, strlen(journal)));
		rc = 1;
	}
	return rc;
}
