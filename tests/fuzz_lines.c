/*
 * fuzz_lines.c - libFuzzer target: lines_next() and journal_next() over a
 * whole input, read from a file or through a pipe.
 *
 * Inputs are small, but lines must cross lines_next()'s 1 MiB blocks and
 * its 64 KiB limit, so the input is first expanded: byte 0xfe stands for
 * 65535 bytes of "a" and 0xfd for 4096 bytes of "b" (a few of them make a
 * line of exactly LINE_LIMIT bytes, or one byte more; 16 0xfe make the
 * stream cross a block).  The first byte chooses how it is read: even from
 * a file, odd through a pipe fed by a thread in writes of sizes taken from
 * the input, so reads come up short at odd places.
 *
 * What must hold: lines_next() returns exactly the lines a plain split at
 * "\n" gives, in order, numbered from 1, each without its newline and one
 * trailing CR, NUL-terminated; a line longer than LINE_LIMIT without its
 * CR comes back as 2 (too long), never cut into pieces; a last line without a newline still
 * counts.  journal_next() returns exactly the records that record_parse()
 * accepts among those lines, skipping comments and blank lines.
 */
#include <pthread.h>

#include "fuzz.h"

#define BIG	65535
#define SMALL	4096
#define MAXEXP	(24UL << 20)	/* expanded input at most */

static char *path;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_tmpdir("fuzz_lines");
	path = fuzz_path("input");
	return 0;
}

struct feed {
	int	 fd;
	const char *buf;
	size_t	 n;
	const uint8_t *sizes;		/* write sizes, from the input */
	size_t	 nsizes;
};

static void *
feeder(void *arg)
{
	struct feed *f = arg;
	size_t off = 0, k = 0, step;
	ssize_t w;

	while (off < f->n) {
		step = f->nsizes ? 1 + (size_t)f->sizes[k++ % f->nsizes] * 97 : 65536;
		if (step > f->n - off)
			step = f->n - off;
		if ((w = write(f->fd, f->buf + off, step)) <= 0)
			break;
		off += (size_t)w;
	}
	close(f->fd);
	return NULL;
}

/* The input with its 0xfe and 0xfd bytes expanded; NULL when too big. */
static char *
expand(const uint8_t *data, size_t size, size_t *np)
{
	size_t i, n = 0;
	char *s;

	for (i = 0; i < size; i++)
		n += data[i] == 0xfe ? BIG : data[i] == 0xfd ? SMALL : 1;
	if (n > MAXEXP)
		return NULL;
	s = malloc(n + 1);
	for (n = 0, i = 0; i < size; i++) {
		if (data[i] == 0xfe) {
			memset(s + n, 'a', BIG);
			n += BIG;
		} else if (data[i] == 0xfd) {
			memset(s + n, 'b', SMALL);
			n += SMALL;
		} else
			s[n++] = (char)data[i];
	}
	*np = n;
	return s;
}

/* Open the stream for reading: a file, or a pipe with a feeder thread. */
static int
open_stream(struct lines *l, int pipe_it, struct feed *f, pthread_t *th,
    const char *buf, size_t n, const uint8_t *data, size_t size)
{
	int p[2];

	if (!pipe_it) {
		fuzz_putfile(path, buf, n);
		return lines_open(l, path);
	}
	if (pipe(p) < 0)
		abort();
	f->fd = p[1];
	f->buf = buf;
	f->n = n;
	f->sizes = data;
	f->nsizes = size < 16 ? size : 16;
	if (pthread_create(th, NULL, feeder, f) != 0)
		abort();
	CHECK(lines_open(l, NULL) == 0);	/* stdin's buffer, then the pipe */
	l->fd = p[0];
	l->name = "pipe";
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct lines l;
	struct record r, want;
	struct feed f;
	pthread_t th;
	char *buf, *s, *nl, *p, *end, *copy;
	size_t n, len, wn;
	unsigned long lineno;
	int rc, pipe_it, pass;

	if (size == 0)
		return 0;
	pipe_it = data[0] & 1;
	if ((buf = expand(data + 1, size - 1, &n)) == NULL)
		return 0;
	for (pass = 0; pass < 2; pass++) {
		CHECK(open_stream(&l, pipe_it, &f, &th, buf, n, data, size) == 0);
		p = buf;
		end = buf + n;
		lineno = 0;
		for (;;) {
			/* the reference: a plain split at newlines */
			if (p == end) {
				wn = 0;
				nl = NULL;
			} else {
				nl = memchr(p, '\n', (size_t)(end - p));
				wn = (size_t)((nl ? nl : end) - p);
				lineno++;
			}
			if (pass == 0) {
				rc = lines_next(&l, &s, &len);
				if (p == end) {
					CHECK(rc == 0);
					break;
				}
				CHECK(l.lineno == lineno);
				if (wn > 0 && p[wn - 1] == '\r')
					wn--;
				if (wn > LINE_LIMIT) {
					CHECK(rc == 2);
				} else {
					CHECK(rc == 1);
					CHECK(len == wn && memcmp(s, p, wn) == 0 && s[len] == '\0');
				}
			} else {
				/* journal_next: the next line that parses is the next record */
				if (p == end) {
					CHECK(journal_next(&l, &r) == 0);
					break;
				}
				size_t k = wn > 0 && p[wn - 1] == '\r' ? wn - 1 : wn;

				if (k <= LINE_LIMIT) {

					copy = malloc(k + 1);
					memcpy(copy, p, k);
					copy[k] = '\0';
					if (!line_blank(copy, k) &&
					    record_parse(copy, k, &want) == NULL) {
						CHECK(journal_next(&l, &r) == 1);
						CHECK(l.lineno == lineno);
						CHECK(strcmp(r.time, want.time) == 0);
						CHECK(strcmp(r.who, want.who) == 0);
						CHECK(strcmp(r.what, want.what) == 0);
						CHECK(strcmp(r.value, want.value) == 0 && r.v == want.v);
						CHECK(r.notelen == want.notelen &&
						    memcmp(r.note, want.note, r.notelen) == 0);
						CHECK(r.nfields == want.nfields);
					}
					free(copy);
				}
			}
			p = nl ? nl + 1 : end;
		}
		if (pipe_it) {
			/* drain, so the feeder can finish, then join it */
			char junk[4096];

			while (read(l.fd, junk, sizeof junk) > 0)
				;
			pthread_join(th, NULL);
		}
		lines_close(&l);
	}
	free(buf);
	return 0;
}
