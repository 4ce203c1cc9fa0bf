/*
 * journal.c - lines, records and the fields they hold.
 *
 * lines_next() reads in large blocks and splits with memchr, so a reader
 * costs little more than the disk; a line longer than LINE_LIMIT is
 * skipped whole and reported, never truncated into a different record.
 * record_parse() checks syntax only (fields, time, names, number, note):
 * ranges belong to the bank, and a journal may come from another bank.
 *
 * A named journal with a rollback note beside it (left by log -a when it
 * was stopped in the middle of a batch, see log(1)) is read only up to the
 * length the note gives, while the journal still holds what the note pins
 * (append.c): the bytes after it were never all written.  Input
 * that never ends a line, or a long run of nothing but bad records, is not
 * a journal, and reading it stops with an error instead of going on.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"

#define BLOCK	(1 << 20)
#define ENDLESS	(16LL << 20)	/* a line this long: not a journal at all */
#define BADRUN	1000		/* bad records in a row: not a journal at all */

const char *
line_blank(const char *s, size_t n)
{
	size_t i;

	if (n > 0 && s[0] == '#')
		return "comment";
	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return NULL;
	return "blank";
}

const char *
who_check(const char *s, size_t n)
{
	static char why[100];
	unsigned long u;
	size_t i;

	if (n == 0)
		return "the name is empty";
	if (n > 64)
		return "a name has at most 64 bytes";
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c <= 0x20 || c == 0x7f)
			return "a name has no spaces or control characters";
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] < 0xa0)
			return "a name has no control characters";
		/* two names that look the same must be the same name */
		if ((c == 0xe2 || c == 0xef || c == 0xd8) && (u = invisible_at(s + i, n - i)) != 0) {
			snprintf(why, sizeof why, "a name has no invisible or direction-changing "
			    "characters (U+%04lX here)", u);
			return why;
		}
	}
	if (!utf8_valid(s, n))
		return "the name is not UTF-8";
	if (s[0] == '/' || s[n - 1] == '/')
		return "a name does not start or end with /";
	return NULL;
}

const char *
what_check(const char *s, size_t n)
{
	size_t i;

	if (n == 0)
		return "the measure is empty";
	if (n > 32)
		return "a measure name has at most 32 bytes";
	if (s[0] < 'a' || s[0] > 'z')
		return "a measure name starts with a letter a-z";
	for (i = 1; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') ||
		    s[i] == '_'))
			return "a measure name has only a-z, 0-9 and _";
	return NULL;
}

const char *
number_parse(const char *s, size_t n, double *v)
{
	size_t i = 0, id = 0, fd = 0;
	double ip = 0, fp = 0, scale = 1;
	int neg = 0;

	if (n == 0)
		return "the value is empty";
	if (n == 1 && s[0] >= '0' && s[0] <= '9') {
		*v = s[0] - '0';	/* most values are one digit */
		return NULL;
	}
	if (s[0] == '-') {
		neg = 1;
		i++;
	}
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, id++)
		ip = ip * 10 + (s[i] - '0');
	if (i < n && s[i] == '.') {
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++, fd++) {
			fp = fp * 10 + (s[i] - '0');
			scale *= 10;
		}
		if (fd == 0)
			return "a value is a number like 4 or 2.5";
	}
	if (id == 0 || i != n)
		return "a value is a number like 4 or 2.5";
	if (id > 15 || fd > 9)
		return "the value has too many digits";
	*v = ip + fp / scale;
	if (neg && *v != 0)
		*v = -*v;
	return NULL;
}

const char *
note_check(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	int utf8 = 1;

	while (i < n) {
		unsigned c = p[i];

		if (c >= 0x20 && c < 0x7f && c != '\\') {
			i++;		/* the common case: plain text */
			continue;
		}
		if (c == '\\') {
			if (i + 1 >= n || (p[i + 1] != '\\' && p[i + 1] != 't' &&
			    p[i + 1] != 'n' && p[i + 1] != 'r'))
				return "a backslash in a note starts \\\\, \\t, \\n or \\r";
			i += 2;
		} else if (c < 0x20 || c == 0x7f ||
		    (c == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] < 0xa0))
			return "a control character in the note";
		else {
			size_t k = 1;

			/* not UTF-8 is said after any control character */
			while (i + k < n && k < 4 && (p[i + k] & 0xc0) == 0x80)
				k++;
			if (!utf8_valid(s + i, k))
				utf8 = 0;
			i += k;
		}
	}
	return utf8 ? NULL : "the note is not UTF-8";
}

size_t
note_escape(const char *s, size_t n, char *out)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '\\': out[o++] = '\\'; out[o++] = '\\'; break;
		case '\t': out[o++] = '\\'; out[o++] = 't'; break;
		case '\n': out[o++] = '\\'; out[o++] = 'n'; break;
		case '\r': out[o++] = '\\'; out[o++] = 'r'; break;
		default: out[o++] = s[i];
		}
	}
	return o;
}

size_t
note_unescape(const char *s, size_t n, char *out)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			out[o++] = s[i] == 't' ? '\t' : s[i] == 'n' ? '\n' :
			    s[i] == 'r' ? '\r' : s[i];
		} else
			out[o++] = s[i];
	}
	return o;
}

/*
 * A journal repeats itself: the records of one check-in share a time
 * stamp, a person writes many lines in a row, and there are few measures.
 * Remembering the last good stamp and name and a few good measure names
 * saves most of the checking; only what was already found good is
 * remembered, so a cache hit is a check passed.
 */
static char last[40];		/* the last good stamp */
static size_t lastn;
static struct stamp lastt;

/* The line starts with the last good stamp and a tab. */
static int
stamp_hit(const char *s, size_t n, struct stamp *t)
{
	if (lastn == 0 || n <= lastn || s[lastn] != '\t' || memcmp(s, last, lastn) != 0)
		return 0;
	*t = lastt;
	return 1;
}

static const char *
stamp_cached(const char *s, size_t n, struct stamp *t)
{
	const char *bad;

	if (n > 0 && n == lastn && memcmp(s, last, n) == 0) {
		*t = lastt;
		return NULL;
	}
	if ((bad = stamp_parse(s, n, t)) != NULL)
		return bad;
	if (n <= sizeof last) {
		memcpy(last, s, n);
		lastn = n;
		lastt = *t;
	}
	return NULL;
}

static const char *
who_cached(const char *s, size_t n)
{
	static char last[64];
	static size_t lastn;
	const char *bad;

	if (n > 0 && n == lastn && memcmp(s, last, n) == 0)
		return NULL;
	if ((bad = who_check(s, n)) != NULL)
		return bad;
	memcpy(last, s, n);
	lastn = n;
	return NULL;
}

static const char *
what_cached(const char *s, size_t n)
{
	static char good[64][32];
	static size_t goodn[64];
	size_t k;
	const char *bad;

	if (n == 0 || n > 32)
		return what_check(s, n);
	k = (n * 31 + (unsigned char)s[0] * 7 + (unsigned char)s[n - 1]) & 63;
	if (goodn[k] == n && memcmp(good[k], s, n) == 0)
		return NULL;
	if ((bad = what_check(s, n)) != NULL)
		return bad;
	memcpy(good[k], s, n);
	goodn[k] = n;
	return NULL;
}

/* "bad time \"...\": why", the words readers and log use for a record's head */
static const char *
head_why(const char *field, const char *s, size_t n, const char *bad)
{
	static char why[320];

	snprintf(why, sizeof why, "bad %s \"%s\": %s", field, vis(s, n), bad);
	return why;
}

const char *
record_head_check(const char *time, size_t tn, const char *who, size_t wn, struct stamp *t)
{
	const char *bad;

	if (tn == 0)
		return "the time is empty";
	if ((bad = stamp_parse(time, tn, t)) != NULL)
		return head_why("time", time, tn, bad);
	if ((bad = who_check(who, wn)) != NULL)
		return wn == 0 ? bad : head_why("name", who, wn, bad);
	return NULL;
}

/* The fields of a record, checked; the line is not touched. */
static const char *
fields(char *line, size_t len, char **f, size_t *n, int *nf, struct stamp *t,
    double *v)
{
	static char why[320];
	char *p = line, *end = line + len, *tab;
	const char *bad;
	int k = 0, hit;

	/* most stamps are the last one again: no need to look for the tab */
	if ((hit = stamp_hit(line, len, t))) {
		f[0] = line;
		n[0] = lastn;
		p = line + lastn + 1;
		k = 1;
	}
	for (;;) {
		tab = memchr(p, '\t', (size_t)(end - p));
		if (k == 5) {
			k++;
			break;
		}
		f[k] = p;
		n[k] = (size_t)((tab ? tab : end) - p);
		k++;
		if (tab == NULL)
			break;
		p = tab + 1;
	}
	*nf = k;
	if (k != 4 && k != 5) {
		snprintf(why, sizeof why,
		    "want 4 or 5 tab-separated fields (time, who, what, value, note), found %s%d",
		    k > 5 ? "more than " : "", k > 5 ? 5 : k);
		return why;
	}
	if (n[0] == 0)
		return "the time is empty";
	if (!hit && (bad = stamp_cached(f[0], n[0], t)) != NULL)
		return head_why("time", f[0], n[0], bad);
	if ((bad = who_cached(f[1], n[1])) != NULL)
		return n[1] == 0 ? bad : head_why("name", f[1], n[1], bad);
	if ((bad = what_cached(f[2], n[2])) != NULL) {
		if (n[2] == 0)
			return bad;
		snprintf(why, sizeof why, "bad measure \"%s\": %s", vis(f[2], n[2]), bad);
		return why;
	}
	if ((bad = number_parse(f[3], n[3], v)) != NULL) {
		if (n[3] == 0)
			return bad;
		snprintf(why, sizeof why, "bad value \"%s\": %s", vis(f[3], n[3]), bad);
		return why;
	}
	if (k == 5 && (bad = note_check(f[4], n[4])) != NULL)
		return bad;
	return NULL;
}

const char *
record_parse(char *line, size_t len, struct record *r)
{
	char *f[6];
	size_t n[6];
	const char *why;
	int k, i;

	if ((why = fields(line, len, f, n, &k, &r->t, &r->v)) != NULL) {
		/* every check refuses a NUL; say so plainly */
		if (memchr(line, '\0', len) != NULL)
			return "a NUL byte in the line";
		return why;
	}
	for (i = 0; i < k; i++)
		f[i][n[i]] = '\0';	/* the tabs, and the end of the line */
	r->time = f[0];
	r->who = f[1];
	r->wholen = n[1];
	r->what = f[2];
	r->whatlen = n[2];
	r->value = f[3];
	r->note = k == 5 ? f[4] : line + len;
	r->notelen = k == 5 ? n[4] : 0;
	r->nfields = k;
	return NULL;
}

const char *
answer_check(const char *s, size_t n)
{
	const char *bs;
	size_t i;

	if (n < 2 || s[0] != 'q' || s[1] != ':')
		goto bad;
	for (i = 2; i < 10 && i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			goto bad;
	if (i != 10 || n < 11 || s[10] != ' ')
		goto bad;
	/* the question holds no tab or backslash: the first escape ends it */
	if ((bs = memchr(s + 11, '\\', n - 11)) == NULL || bs == s + 11 ||
	    (size_t)(bs - s) + 1 >= n || bs[1] != 't')
		goto bad;
	return NULL;
bad:
	return "an answer of ask -P holds \"q:\", the question's id, a space, "
	    "the question, a tab and the answer in its note";
}

int
lines_open(struct lines *l, const char *path)
{
	long long n;

	memset(l, 0, sizeof *l);
	l->left = l->limit = l->off = -1;
	if (path == NULL || strcmp(path, "-") == 0) {
		l->fd = 0;
		l->name = "stdin";
	} else {
		l->name = path;
		if ((l->fd = open(path, O_RDONLY)) < 0) {
			warn_("%s", vis(path, strlen(path)));
			return -1;
		}
		if ((n = rollback_length(path, l->fd)) >= 0)
			l->left = l->limit = n;
	}
	l->cap = BLOCK;
	l->buf = xmalloc(l->cap + 1);
	return 0;
}

void
lines_span(struct lines *l, long long from, long long to)
{
	if (l->limit >= 0 && (to < 0 || to > l->limit))
		to = l->limit;
	if (to >= 0 && from > to)
		from = to;
	l->off = from;
	l->left = to < 0 ? -1 : to - from;
}

void
lines_close(struct lines *l)
{
	if (l->fd > 0)
		close(l->fd);
	free(l->buf);
	l->buf = NULL;
}

/* Read more after what is left; -1 after a message, 0 at the end. */
static int
fill(struct lines *l)
{
	ssize_t got;

	if (l->pos > 0) {
		memmove(l->buf, l->buf + l->pos, l->end - l->pos);
		l->end -= l->pos;
		l->pos = 0;
	}
	for (;;) {
		size_t want = l->cap - l->end;

		if (l->left >= 0 && (long long)want > l->left)
			want = (size_t)l->left;
		if (want == 0)
			got = 0;
		else if (l->off >= 0)
			got = pread(l->fd, l->buf + l->end, want, (off_t)l->off);
		else
			got = read(l->fd, l->buf + l->end, want);
		if (got >= 0)
			break;
		if (errno != EINTR) {
			warn_("%s", vis(l->name, strlen(l->name)));
			return -1;
		}
	}
	if (got == 0)
		l->eof = 1;
	if (l->left > 0)
		l->left -= got;
	if (l->off >= 0)
		l->off += got;
	l->end += (size_t)got;
	return got > 0;
}

int
lines_next(struct lines *l, char **line, size_t *len)
{
	char *s, *nl;
	size_t n;
	long long dropped = 0;
	int skipping = 0;

	for (;;) {
		s = l->buf + l->pos;
		nl = memchr(s, '\n', l->end - l->pos);
		if (nl != NULL) {
			n = (size_t)(nl - s);
			l->pos += n + 1;
		} else if (l->eof && l->pos < l->end) {
			n = l->end - l->pos;	/* a last line without its newline */
			l->pos = l->end;
		} else if (l->eof) {
			if (skipping) {
				l->lineno++;
				return 2;
			}
			return 0;
		} else {
			if (l->end - l->pos > LINE_LIMIT + 1) {
				skipping = 1;		/* drop what we have, find the end */
				dropped += (long long)(l->end - l->pos);
				l->pos = l->end;
				if (dropped >= ENDLESS) {
					warnx_("%s:%lu: no end of line in 16 MiB: this does not look like a journal",
					    vis(l->name, strlen(l->name)), l->lineno + 1);
					return -1;
				}
			}
			if (fill(l) < 0)
				return -1;
			continue;
		}
		l->lineno++;
		if (n > 0 && s[n - 1] == '\r')
			n--;
		if (skipping || n > LINE_LIMIT)
			return 2;
		s[n] = '\0';
		*line = s;
		*len = n;
		return 1;
	}
}

static unsigned long nbad;

void
bad_record(const char *file, unsigned long line, const char *reason)
{
	if (++nbad <= 10)
		warnx_("%s:%lu: %s", vis(file, strlen(file)), line, reason);
}

void
bad_summary(void)
{
	if (nbad > 10)
		warnx_("%lu more bad records not shown", nbad - 10);
}

int
journal_next(struct lines *l, struct record *r)
{
	const char *why;
	char *s;
	size_t n;
	int rc;

	for (;;) {
		if (l->badrun >= BADRUN) {
			warnx_("%s: %d bad records in a row: this does not look like a journal",
			    vis(l->name, strlen(l->name)), BADRUN);
			return -1;
		}
		if ((rc = lines_next(l, &s, &n)) <= 0)
			return rc;
		if (rc == 2) {
			l->badrun++;
			bad_record(l->name, l->lineno, "the line is longer than 64 KiB");
			continue;
		}
		if (line_blank(s, n))
			continue;
		if ((why = record_parse(s, n, r)) != NULL) {
			l->badrun++;
			bad_record(l->name, l->lineno, why);
			continue;
		}
		l->badrun = 0;
		return 1;
	}
}

char **
journal_args(int argc, char **argv)
{
	static char *one[2];
	const char *j;

	if (argc > 0)
		return argv;
	one[0] = "-";
	if (isatty(0)) {
		j = getenv("HEARTH_JOURNAL");
		if (j == NULL || *j == '\0')
			die(2, "which journal? name it, as in \"%s journal.tsv\", "
			    "or set HEARTH_JOURNAL", progname);
		one[0] = (char *)j;
	}
	return one;
}
