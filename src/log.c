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
#define ROOM	sizeof JOURNAL_HEADER
static char *base, *out;
static size_t outlen, outcap;
static int nbad;
static int toobig;
static unsigned long nrec, nanswers;	/* records in the batch; answers of them */

#define TOOLONG	"with its time and name the record would be longer than 64 KiB, more than a journal line holds"

/* Where the batch goes, and what is known of it on the way. */
struct dest {
	int	 fd, rfd;	/* rfd: to read the last byte, when fd cannot */
	char	*name;		/* for messages, already through vis() */
	char	*path;		/* the file's path, NULL when not known */
	char	*note;		/* path.rollback, NULL: none to honour */
	int	 own;		/* -a: a note of its own, and fsync */
	int	 made;		/* log created the file */
	int	 written;	/* the batch is in it */
	off_t	 size;		/* its length before the batch */
};

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
	double v;

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
	/* ask writes a typed -0 as 0; log writes values as they come */
	if (value[0] == '-' && number_parse(value, vn, &v) == NULL && v == 0) {
		snprintf(why, sizeof why, "bad value \"%s\" for %s: zero is written 0",
		    vis(value, vn), m->what);
		return why;
	}
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

/* A whole record of stdin, which keeps its own time and name. */
static void
record(char *s, size_t n, unsigned long lineno)
{
	struct record r;
	const char *why;
	char *head;
	size_t hn;

	if ((why = record_parse(s, n, &r)) != NULL ||
	    (why = check(r.what, r.whatlen, r.value, strlen(r.value), r.note,
	    r.notelen)) != NULL) {
		bad("stdin", lineno, why);
		return;
	}
	/* the time and name as they were, with their tabs back */
	head = r.time;
	hn = strlen(r.time) + 1 + r.wholen + 1;
	head[strlen(r.time)] = '\t';
	r.who[r.wholen] = '\t';
	if (fields(head, hn, r.what, r.whatlen, r.value, strlen(r.value), r.note,
	    r.notelen) < 0)
		bad("stdin", lineno, TOOLONG);
}

/* One line of standard input: an answer (2 or 3 fields) or a record (5). */
static void
line(char *s, size_t n, unsigned long lineno)
{
	char *f[5];
	size_t fn[5], i, start = 0;
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
	if (k == 5) {
		record(s, n, lineno);
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

/* path with s after it, newly allocated */
static char *
suffixed(const char *path, const char *s)
{
	char *p = xmalloc(strlen(path) + strlen(s) + 1);

	return strcat(strcpy(p, path), s);
}

/* path made absolute, so that a command naming it works from anywhere */
static char *
absolute(const char *path)
{
	char cwd[PATH_MAX], *dir, *p;

	if (path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
		return xstrdup(path);
	dir = suffixed(cwd, "/");
	p = suffixed(dir, path);
	free(dir);
	return p;
}

/*
 * A path for the user to read or paste: ~ for the home directory, quoted
 * for the shell when it needs it, controls escaped.  Two rotating buffers.
 */
static const char *
shown(const char *path)
{
	static char buf[2][PATH_MAX + 64];
	static int next;
	const char *home = getenv("HOME"), *p = path;
	char *b = buf[next], *o = b, *end = b + sizeof buf[0] - 5;
	size_t hl = home ? strlen(home) : 0;

	next = !next;
	if (hl > 1 && home[0] == '/' && strncmp(path, home, hl) == 0 && path[hl] == '/') {
		*o++ = '~';	/* ~/ unquoted, or the shell does not expand it */
		*o++ = '/';
		p = path + hl + 1;
	}
	if (p[strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./+-@%:,=")] != '\0') {
		*o++ = '\'';
		for (; *p != '\0' && o < end; p++)
			if (*p == '\'') {
				memcpy(o, "'\\''", 4);
				o += 4;
			} else
				*o++ = *p;
		*o++ = '\'';
	} else
		for (; *p != '\0' && o < end; p++)
			*o++ = *p;
	*o = '\0';
	return strcpy(b, vis(b, (size_t)(o - b)));
}

/* Make the directories above path, mode 0700; 0, or -1 with errno. */
static int
mkparents(const char *path)
{
	char *p = xstrdup(path), *s;
	int rc = 0;

	if (p[strlen(p) - 1] == '/') {	/* names a directory: make none */
		free(p);
		errno = EISDIR;
		return -1;
	}
	for (s = p + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (mkdir(p, 0700) < 0 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*s = '/';
	}
	free(p);
	return rc;
}

/* fsync(2) the directory holding path, so a name made or removed stays so. */
static int
syncdir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir;
	int fd, rc = 0;

	if (slash == NULL)
		dir = xstrdup(".");
	else {
		dir = xstrdup(path);
		dir[slash == path ? 1 : slash - path] = '\0';
	}
	if ((fd = open(dir, O_RDONLY)) < 0)
		rc = -1;
	else {
		if (fsync(fd) < 0 && errno != EINVAL)	/* EINVAL: cannot, ever */
			rc = -1;
		close(fd);
	}
	free(dir);
	return rc;
}

static int
lockfile(int fd, const char *name)
{
	struct flock lk;

	memset(&lk, 0, sizeof lk);
	lk.l_type = F_WRLCK;
	lk.l_whence = SEEK_SET;
	while (fcntl(fd, F_SETLKW, &lk) < 0) {
		if (errno != EINTR) {
			warn_("%s: cannot lock", name);
			return -1;
		}
	}
	return 0;
}

/* Why -a will not write to path (opened or not, errno e); -1. */
static int
refused(const char *path, const char *name, int e)
{
	struct stat st;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		warnx_("%s: a symbolic link: -a writes to the journal itself, not "
		    "through a link; name the file it points to", name);
	else if (e == 0)
		warnx_("%s: not a regular file: a journal is a plain file", name);
	else {
		errno = e;
		warn_("%s", name);
	}
	return -1;
}

/*
 * Open and lock the journal for -a, making it (and its directories) when
 * it is missing.  A file removed while log waited for the lock (by a
 * writer that made it and failed) is opened anew.  -1 after a message.
 */
static int
open_journal(struct dest *d)
{
	const int fl = O_RDWR | O_APPEND | O_NOFOLLOW | O_NONBLOCK;
	struct stat st;
	int i, fd;

	for (i = 0; i < 100; i++) {
		d->made = 0;
		if ((fd = open(d->path, fl)) < 0 && errno == ENOENT) {
			if ((fd = open(d->path, fl | O_CREAT | O_EXCL, 0600)) < 0 &&
			    errno == ENOENT && mkparents(d->path) == 0)
				fd = open(d->path, fl | O_CREAT | O_EXCL, 0600);
			if (fd < 0 && errno == EEXIST)
				continue;	/* made meanwhile, or a dangling link */
			d->made = fd >= 0;
		}
		if (fd < 0)
			return refused(d->path, d->name, errno);
		if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
			close(fd);
			return refused(d->path, d->name, 0);
		}
		if (fcntl(fd, F_SETFL, O_APPEND) < 0 || lockfile(fd, d->name) < 0) {
			close(fd);
			return -1;
		}
		if (fstat(fd, &st) == 0 && st.st_nlink > 0) {
			d->fd = d->rfd = fd;
			return 0;
		}
		close(fd);
	}
	return refused(d->path, d->name, errno);
}

/* Standard output: its path where the system says it (for the rollback
 * note and the chmod advice), and a descriptor to read it back. */
static void
open_stdout(struct dest *d)
{
	struct stat st, pst;
	char buf[PATH_MAX];
	ssize_t n;

	d->fd = d->rfd = 1;
	d->name = xstrdup("stdout");
	if (fstat(1, &st) < 0 || !S_ISREG(st.st_mode))
		return;
	/*
	 * Read the last byte through another descriptor when the shell's >>
	 * opened it write-only; opened before the lock and closed only at the
	 * end, since closing any descriptor of a file drops fcntl(2) locks.
	 */
	if ((fcntl(1, F_GETFL) & O_ACCMODE) == O_WRONLY)
		d->rfd = open("/dev/fd/1", O_RDONLY);
	if ((n = readlink("/proc/self/fd/1", buf, sizeof buf - 1)) > 0 && buf[0] == '/') {
		buf[n] = '\0';
		if (stat(buf, &pst) == 0 && pst.st_dev == st.st_dev && pst.st_ino == st.st_ino) {
			d->path = xstrdup(buf);
			d->note = suffixed(buf, ROLLBACK_SUFFIX);
		}
	}
}

/* Honour a note left by a writer that was stopped mid-batch: truncate the
 * journal back to the length it gives.  0, or -1 after a message. */
static int
take_back(struct dest *d, struct stat *st)
{
	long long n = rollback_length(d->path, d->fd);

	if (n == -1)
		return 0;
	if (n == -3) {
		warn_("%s: cannot read its rollback note %s", d->name, vis(d->note, strlen(d->note)));
		return -1;
	}
	if (n >= 0) {
		if (ftruncate(d->fd, (off_t)n) < 0 || fsync(d->fd) < 0) {
			warn_("%s: cannot take back a batch that was cut short", d->name);
			return -1;
		}
		warnx_("%s: a batch was cut short earlier: its %lld bytes are taken back",
		    d->name, (long long)st->st_size - n);
		st->st_size = (off_t)n;
	}
	/* else a note torn in the making, or for a file no longer there */
	if ((unlink(d->note) < 0 && errno != ENOENT) || syncdir(d->note) < 0) {
		warn_("%s", vis(d->note, strlen(d->note)));
		return -1;
	}
	return 0;
}

/* The rollback note for a batch that makes the file after bytes long. */
static int
note_write(struct dest *d, const struct stat *st, off_t after)
{
	char buf[256];
	int fd, n, e;

	n = snprintf(buf, sizeof buf, ROLLBACK_FORMAT, (long long)d->size,
	    (long long)after, (unsigned long long)st->st_dev,
	    (unsigned long long)st->st_ino);
	/* numbers only: whoever may read the journal may read its note */
	if ((fd = open(d->note, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW,
	    (st->st_mode & 0666) | 0600)) < 0)
		return -1;
	if (writeall(fd, buf, (size_t)n) == 0 && fsync(fd) == 0) {
		if (close(fd) == 0 && syncdir(d->note) == 0)
			return 0;
	} else
		close(fd);
	e = errno;
	unlink(d->note);
	errno = e;
	return -1;
}

static int
note_drop(struct dest *d)
{
	if (unlink(d->note) < 0 && errno != ENOENT)
		return -1;
	return syncdir(d->note);
}

/* A journal log starts is its owner's alone; one others can read is said. */
static void
modes(struct dest *d, const struct stat *st)
{
	if (st->st_size == 0 && fchmod(d->fd, 0600) == 0)
		return;
	if ((st->st_mode & (S_IRGRP | S_IROTH)) == 0)
		return;
	if (d->path != NULL)
		warnx_("%s: others can read this journal; to keep it yours alone: chmod 600 %s",
		    d->name, shown(d->path));
	else
		warnx_("%s: others can read this journal; chmod 600 it to keep it yours alone",
		    d->name);
}

/* A write that failed with errno e: put the file back as it was. */
static int
undo(struct dest *d, int e)
{
	if (ftruncate(d->fd, d->size) < 0 || (d->own && fsync(d->fd) < 0)) {
		warn_("%s: cannot undo a short write%s", d->name, d->note != NULL ?
		    ", but readers skip it and the next log -a takes it back" : "");
		errno = e;
		warn_("%s", d->name);
		return 1;
	}
	if (d->note != NULL)
		note_drop(d);
	errno = e;
	warn_("%s: nothing was written", d->name);
	return 1;
}

/* The last byte of the file, or '\n' when it cannot be read. */
static int
lastbyte(struct dest *d)
{
	char c;

	return d->rfd >= 0 && pread(d->rfd, &c, 1, d->size - 1) == 1 ?
	    (unsigned char)c : '\n';
}

/*
 * Append the batch to a regular file: lock, take back a batch cut short,
 * the header on an empty file, a fresh line after a torn one, the note,
 * one write at the end, fsync, no note.  0, or 1 after a message.
 */
static int
append(struct dest *d, struct stat *st)
{
	const char *head = "";
	size_t hn = 0;

	if (d->fd == 1 && lockfile(1, d->name) < 0)
		return 1;	/* -a locked it when it opened it */
	if (fstat(d->fd, st) < 0) {
		warn_("%s", d->name);
		return 1;
	}
	if (d->note != NULL && take_back(d, st) < 0)
		return 1;
	d->size = st->st_size;
	modes(d, st);
	if (d->size == 0) {
		head = JOURNAL_HEADER;
		hn = strlen(head);
	} else if (lastbyte(d) != '\n') {
		head = "\n";
		hn = 1;
	}
	if (!d->own) {
		free(d->note);
		d->note = NULL;		/* honoured, but a >> writer writes none */
	} else if (note_write(d, st, d->size + (off_t)(hn + outlen)) < 0) {
		warn_("%s: cannot write the rollback note; a kill now could leave part of the batch",
		    d->name);
		free(d->note);
		d->note = NULL;
	}
	memcpy(out - hn, head, hn);	/* still one write: the header goes in front */
	if (lseek(d->fd, 0, SEEK_END) < 0 || writeall(d->fd, out - hn, hn + outlen) < 0 ||
	    (d->own && fsync(d->fd) < 0) || (d->note != NULL && note_drop(d) < 0))
		return undo(d, errno);
	d->written = 1;
	return 0;
}

/* Write the batch to d: a regular file by append(), anything else as it is. */
static int
deliver(struct dest *d)
{
	struct stat st;
	int rc = 0;

	if (fstat(d->fd, &st) < 0) {
		warn_("%s", d->name);
		rc = 1;
	} else if (S_ISREG(st.st_mode))
		rc = append(d, &st);
	else if (writeall(d->fd, out, outlen) < 0) {
		if (errno != EPIPE)	/* a reader gone: nobody to tell */
			warn_("%s", d->name);
		rc = 1;
	} else
		d->written = 1;
	if (d->rfd != d->fd && d->rfd >= 0)
		close(d->rfd);
	return rc;
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
		warn_("and the %s could not be kept in %s", holds(), shown(kept));
		unlink(kept);
	} else if (nrec == 1)
		warnx_("the %s is kept in %s; add it later with: %s -a %s < %s",
		    nanswers ? "answer" : "record", shown(kept), progname, shown(abs), shown(kept));
	else
		warnx_("the %s are kept in %s; add them later with: %s -a %s < %s",
		    holds(), shown(kept), progname, shown(abs), shown(kept));
	free(kept);
	free(abs);
}

/* Write the batch to the journal named by -a, or to stdout. */
static int
keep(const char *journal)
{
	struct dest d;
	struct stat st;
	char *abs;
	int rc;

	memset(&d, 0, sizeof d);
	if (journal == NULL)
		open_stdout(&d);
	else {
		d.path = xstrdup(journal);
		d.name = xstrdup(vis(journal, strlen(journal)));
		d.note = suffixed(journal, ROLLBACK_SUFFIX);
		d.own = 1;
		if (open_journal(&d) < 0)
			d.fd = d.rfd = -1;
	}
	rc = d.fd < 0 ? 1 : deliver(&d);
	/* still under the lock: a journal made for nothing goes, unless
	 * another writer got the lock first and filled it */
	if (d.made && !d.written && fstat(d.fd, &st) == 0 && st.st_size == 0 &&
	    unlink(d.path) == 0)
		syncdir(d.path);
	if (journal != NULL && d.fd >= 0 && close(d.fd) < 0 && rc == 0) {
		warn_("%s", d.name);
		rc = 1;
	}
	if (journal != NULL && !d.written)
		keep_elsewhere(journal);
	else if (d.written && d.path != NULL && isterm(2)) {
		abs = absolute(d.path);
		fprintf(stderr, "%s kept in %s\n", holds(), shown(abs));
		free(abs);
	}
	free(d.name);
	free(d.path);
	free(d.note);
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
	while (!toobig && (rc = lines_next(&in, &s, &n)) != 0) {
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
	if (nbad > 0) {
		warnx_("%d bad line%s: nothing was written", nbad, nbad == 1 ? "" : "s");
		return 1;
	}
	if (outlen == 0)
		return 0;		/* an empty batch: no file, no header */
	return keep(journal);
}
