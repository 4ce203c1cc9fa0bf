/*
 * append.c - one batch onto the end of a journal, all or nothing.
 *
 * The protocol, for log -a FILE (a >> writer follows it as far as it can):
 *
 * 1. Open FILE itself (never through a symbolic link, never a FIFO or
 *    device; missing directories are made 0700, a new file 0600) and take
 *    an exclusive fcntl(2) lock on it; every writer does, so batches queue.
 * 2. A note FILE.rollback left there means a writer was stopped in the
 *    middle of its batch.  If the note is FILE's (its device and inode)
 *    and FILE still holds what the note pins (its length between BEFORE
 *    and AFTER, the last 64 KiB before BEFORE, and, at length AFTER, the
 *    batch itself), FILE is truncated back to BEFORE and synced.  A note
 *    torn in the making, or for another file, is removed.  A note for
 *    FILE whose content has changed since (a `sort -u -o` merge that kept
 *    the inode) is not acted on: the writer refuses, and says why.
 * 3. The new note, "#rollback BEFORE AFTER DEV INO TAIL BATCH" (TAIL and
 *    BATCH are FNV-1a hashes), is written with O_EXCL, synced, and its
 *    directory synced: from now on a kill leaves a note that matches.
 * 4. The batch, with the header in front when FILE is empty and a newline
 *    when its last line is torn, goes out in one write(2) at the end.
 * 5. FILE is synced, the note removed and its directory synced.
 *
 * A write that fails is undone by truncating back to BEFORE.  Readers
 * (lines_open) read a journal only up to BEFORE while a matching note is
 * there, and read it whole when the note does not match.  Holding a note
 * to the content costs reading 64 KiB before each batch.
 */
#define _XOPEN_SOURCE 700	/* realpath(3), which glibc keeps in XSI */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearth.h"

#define NOTE_FORMAT	"#rollback\t%lld\t%lld\t%llu\t%llu\t%016llx\t%016llx\n"
#define TAIL		65536LL		/* the bytes before the batch a note pins */

/* Where the batch goes, and what is known of it on the way. */
struct dest {
	int	 fd, rfd;	/* rfd: to read the file, when fd cannot */
	char	*name;		/* for messages, already through vis() */
	char	*path;		/* the file's path, NULL when not known */
	char	*note;		/* path.rollback, NULL: none to honour */
	int	 own;		/* -a: a note of its own, and fsync */
	int	 made;		/* the file was made for this batch */
	int	 written;	/* the batch is in it */
	off_t	 size;		/* its length before the batch */
};

/* A note as read back. */
struct note {
	long long before, after;
	unsigned long long dev, ino, tail, batch;
};

#define FNV_START	14695981039346656037ULL

static unsigned long long
fnv(unsigned long long h, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ULL;
	return h;
}

/* The FNV-1a hash of bytes from..to of fd; -1 when they cannot all be read. */
static int
span_hash(int fd, long long from, long long to, unsigned long long *h)
{
	char buf[65536];
	ssize_t r;
	size_t want;

	*h = FNV_START;
	while (from < to) {
		want = to - from < (long long)sizeof buf ? (size_t)(to - from) : sizeof buf;
		if ((r = pread(fd, buf, want, (off_t)from)) < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		*h = fnv(*h, buf, (size_t)r);
		from += r;
	}
	return 0;
}

static long long
tail_start(long long before)
{
	return before > TAIL ? before - TAIL : 0;
}

/* The note beside path, in n; 0, -1 none, -2 torn or unreadable as a note,
 * -3 it cannot be opened. */
static int
note_read(const char *path, struct note *n)
{
	struct stat st;
	char *note, *real, buf[256], again[256];
	ssize_t r;
	int fd;

	/* beside the file itself, when path is a link to it */
	if ((real = realpath(path, NULL)) != NULL)
		path = real;
	note = xmalloc(strlen(path) + sizeof ROLLBACK_SUFFIX);
	strcat(strcpy(note, path), ROLLBACK_SUFFIX);
	free(real);
	fd = open(note, O_RDONLY | O_NOFOLLOW | O_NONBLOCK);
	free(note);
	if (fd < 0)
		return errno == ENOENT ? -1 : errno == ELOOP ? -2 : -3;
	r = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ? read(fd, buf, sizeof buf - 1) : -1;
	close(fd);
	if (r <= 0)
		return -2;
	buf[r] = '\0';
	/* all of it, exactly as it is written: a torn note is no note */
	if (sscanf(buf, NOTE_FORMAT, &n->before, &n->after, &n->dev, &n->ino,
	    &n->tail, &n->batch) != 6 ||
	    snprintf(again, sizeof again, NOTE_FORMAT, n->before, n->after, n->dev,
	    n->ino, n->tail, n->batch) != r || memcmp(again, buf, (size_t)r) != 0 ||
	    n->before < 0 || n->after < n->before)
		return -2;
	return 0;
}

long long
rollback_length(const char *path, int fd)
{
	struct stat st;
	struct note n;
	unsigned long long h;
	int rc;

	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode))
		return -1;
	if ((rc = note_read(path, &n)) < 0)
		return rc;
	if (n.dev != (unsigned long long)st.st_dev || n.ino != (unsigned long long)st.st_ino ||
	    n.before > (long long)st.st_size || (long long)st.st_size > n.after)
		return -2;
	/* the same file, but is it still what the note was written for? */
	if (span_hash(fd, tail_start(n.before), n.before, &h) < 0)
		return -3;
	if (h != n.tail)
		return -4;
	if ((long long)st.st_size == n.after) {
		if (span_hash(fd, n.before, n.after, &h) < 0)
			return -3;
		if (h != n.batch)
			return -4;
	}
	return n.before;
}

/* Make the directories above path, mode 0700; 0, or -1 with errno. */
int
mkparents(const char *path)
{
	char *p = xstrdup(path), *s;
	int rc = 0;

	if (p[0] == '\0' || p[strlen(p) - 1] == '/') {	/* names a directory: make none */
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
 * it is missing.  A file removed while waiting for the lock (by a writer
 * that made it and failed) is opened anew.  -1 after a message.
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
	 * Read the file through another descriptor when the shell's >>
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
	long long n = rollback_length(d->path, d->rfd >= 0 ? d->rfd : d->fd);

	if (n == -1)
		return 0;
	if (n == -3) {
		warn_("%s: cannot read its rollback note %s, or the journal", d->name,
		    vis(d->note, strlen(d->note)));
		return -1;
	}
	if (n == -4) {
		warnx_("%s: its rollback note %s is from before the journal was changed "
		    "by other means; nothing is taken back or written.  Look at the "
		    "journal's last lines, mend any cut one, then remove the note: rm %s",
		    d->name, vis(d->note, strlen(d->note)), path_shown(d->note));
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

/* The rollback note for the batch b of n bytes about to be written. */
static int
note_write(struct dest *d, const struct stat *st, const char *b, size_t n)
{
	char buf[256];
	unsigned long long tail;
	int fd, len, e;

	if (span_hash(d->rfd, tail_start((long long)d->size), (long long)d->size, &tail) < 0)
		return -1;
	len = snprintf(buf, sizeof buf, NOTE_FORMAT, (long long)d->size,
	    (long long)d->size + (long long)n, (unsigned long long)st->st_dev,
	    (unsigned long long)st->st_ino, tail, fnv(FNV_START, b, n));
	/* numbers only: whoever may read the journal may read its note */
	if ((fd = open(d->note, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW,
	    (st->st_mode & 0666) | 0600)) < 0)
		return -1;
	if (writeall(fd, buf, (size_t)len) == 0 && fsync(fd) == 0) {
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

/* A journal begun here is its owner's alone; one others can read is said. */
static void
modes(struct dest *d, const struct stat *st)
{
	if (st->st_size == 0 && fchmod(d->fd, 0600) == 0)
		return;
	if ((st->st_mode & (S_IRGRP | S_IROTH)) == 0)
		return;
	if (d->path != NULL)
		warnx_("%s: others can read this journal; to keep it yours alone: chmod 600 %s",
		    d->name, path_shown(d->path));
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
to_file(struct dest *d, struct stat *st, char *b, size_t n)
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
	b -= hn;
	n += hn;
	memcpy(b, head, hn);	/* still one write: the header goes in front */
	if (!d->own) {
		free(d->note);
		d->note = NULL;		/* honoured, but a >> writer writes none */
	} else if (note_write(d, st, b, n) < 0) {
		warn_("%s: cannot write the rollback note; a kill now could leave part of the batch",
		    d->name);
		free(d->note);
		d->note = NULL;
	}
	if (lseek(d->fd, 0, SEEK_END) < 0 || writeall(d->fd, b, n) < 0 ||
	    (d->own && fsync(d->fd) < 0) || (d->note != NULL && note_drop(d) < 0))
		return undo(d, errno);
	d->written = 1;
	return 0;
}

/* Write the batch to d: a regular file by to_file(), anything else as it is. */
static int
deliver(struct dest *d, char *b, size_t n)
{
	struct stat st;
	int rc = 0;

	if (fstat(d->fd, &st) < 0) {
		warn_("%s", d->name);
		rc = 1;
	} else if (S_ISREG(st.st_mode))
		rc = to_file(d, &st, b, n);
	else if (writeall(d->fd, b, n) < 0) {
		if (errno != EPIPE)	/* a reader gone: nobody to tell */
			warn_("%s", d->name);
		rc = 1;
	} else
		d->written = 1;
	if (d->rfd != d->fd && d->rfd >= 0)
		close(d->rfd);
	return rc;
}

int
journal_append(const char *journal, char *batch, size_t n, int *written, char **where)
{
	struct dest d;
	struct stat st;
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
	rc = d.fd < 0 ? 1 : deliver(&d, batch, n);
	/* still under the lock: a journal made for nothing goes, unless
	 * another writer got the lock first and filled it */
	if (d.made && !d.written && fstat(d.fd, &st) == 0 && st.st_size == 0 &&
	    unlink(d.path) == 0)
		syncdir(d.path);
	if (journal != NULL && d.fd >= 0 && close(d.fd) < 0 && rc == 0) {
		warn_("%s", d.name);
		rc = 1;
	}
	*written = d.written;
	*where = d.path;
	free(d.name);
	free(d.note);
	return rc;
}
