/*
 * trend - what is rising, falling, swinging and diverging in a journal.
 *
 *     trend [-c | -g | -s] [-b day|week|month] [-d date] [-n days]
 *           [-w who] [-m what] [file ...]
 *
 * Reads journals (hearth(5)) and, per person and measure, sums the values
 * of each day of the analysis window (the -n days ending on the as-of
 * date), then prints stats.c's figures and flags as TSV, the series by
 * day, week or month (-s), a terminal chart (-c) or an SVG (-g).
 *
 * Invariants:
 * - Memory is series x window: per person, a row of cells (a day's sum
 *   and count of each measure) per day of the window.  A record outside
 *   the window costs a look at its date; one inside it a parse, its
 *   person (most often the last one again) and its cell (most often the
 *   one that came next last time); nothing is allocated per record.
 * - Many series are figured on both cores (figureall).
 * - A big regular file is read in two parts at once (readjournal,
 *   splitpoint), and the output is the same as from one pass, bad-record
 *   lines included.
 * - Every statistic, gap included, is computed from all the data; -w and
 *   -m only choose what is printed.
 * - Numbers are read and written in the C locale (nothing here calls
 *   setlocale for LC_NUMERIC); names reach a terminal only through
 *   putsafe() and an SVG only XML-escaped.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "hearth.h"
#include "stats.h"

#define MAXDAYS	3660

/*
 * The series of one person sit side by side, day by day: day i of the
 * window is a row of cap cells, and measure k is cell k of every row.
 * A cell is one 32-bit word: the day's sum, a whole number, in the top
 * 24 bits and its count of records in the low 8.  One check-in (one
 * person, one day, a handful of measures) then touches a line or two of
 * memory, not a few lines per record, and a caseload of 32,000 series
 * over 90 days fits in 12 MB: on a big journal, that is most of trend's
 * time.  A cell whose sum leaves that range or stops being whole,
 * or whose day gets a 256th record, moves to doubles and wide counts of
 * its own, so no figure loses a digit.
 */
struct cellinfo {
	const struct name *nm;		/* its measure */
	int	 next;			/* the cell that came after it last time */
	double	*dsum;			/* once its sum leaves the cell, */
	unsigned *wcnt;			/* or its count does: wdays of each */
};

struct person {
	char	*who;
	size_t	 wholen;
	int	 nm, cap;		/* cells used, cells per row */
	int	 last, guess;		/* the cell used last, the one likely next */
	struct cellinfo *c;		/* cap of them */
	uint32_t *rows;			/* wdays rows of cap cells */
};
#define SUMMAX	0x7fffff		/* a cell's sum is in -SUMMAX-1..SUMMAX */
#define CNTMAX	0xff

/* A person's measure, once the journals are read (makeseries). */
struct series {
	struct person *p;
	int	 k;			/* its cell */
	const char *who, *what;
	size_t	 wholen, whatlen;
	const struct measure *m;
	struct figures *f;		/* made by compute() */
};

/* Measure names, each kept once, with what they measure. */
struct name {
	char	 what[33];
	size_t	 len;
	const struct measure *m;
};

static struct bank bank;

/* Open addressing, a power of 2 long; the hash is kept beside its
 * pointer, so a probe touches nothing else. */
struct slot {
	unsigned long hash;
	void	*p;
};
struct table {
	struct slot *s;
	size_t	 cap, n;
};
static struct table persons;		/* of struct person */
static struct person *lastp;		/* the one person() found last */
static struct table names;		/* of struct name: cells point at them */
static size_t ncells;			/* of all persons */
static struct series *series;		/* made once the journals are read */
static struct series **all;		/* sorted by who, then what */
static size_t nseries;
static struct figures *figs;		/* all[i]->f */

static long asof, first;		/* the window: first .. asof */
static int wdays = 90;
static char **selwho, **selwhat;
static size_t nselwho, nselwhat;
static double *daily;			/* one series' daily values, wdays long */
static long ncpu = 1;

static void
usage(FILE *f, int status)
{
	fprintf(f, "usage: %s [-c | -g | -s] [-b day|week|month] [-d date] [-n days] "
	    "[-w who] [-m what] [file ...]\n", progname);
	if (status == 0)
		exit(fshut(stdout, "stdout"));
	exit(status);
}

/* A word at a time: names are short, and this is per check-in. */
static unsigned long
hashof(const char *s, size_t n)
{
	unsigned long long h = 0x243f6a8885a308d3ULL, w;
	size_t i;

	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
	}
	for (w = n, i = 0; i < n; i++)
		w |= (unsigned long long)(unsigned char)s[i] << (8 * i + 8);
	h = (h ^ w) * 0x9e3779b97f4a7c15ULL;
	return (unsigned long)(h ^ (h >> 29));
}

static void
grow(struct table *t)
{
	struct slot *old = t->s;
	size_t oldcap = t->cap, i, j;

	t->cap = t->cap ? t->cap * 2 : 64;
	t->s = xmalloc(t->cap * sizeof *t->s);
	memset(t->s, 0, t->cap * sizeof *t->s);
	for (i = 0; i < oldcap; i++) {
		if (old[i].p == NULL)
			continue;
		for (j = old[i].hash & (t->cap - 1); t->s[j].p; j = (j + 1) & (t->cap - 1))
			;
		t->s[j] = old[i];
	}
	free(old);
}

/* Keep p in the free slot j that the search for h ended on. */
static void
place(struct table *t, size_t j, unsigned long h, void *p)
{
	t->s[j].hash = h;
	t->s[j].p = p;
	if (++t->n * 2 > t->cap)
		grow(t);
}

/* The person named who, made on first sight; a check-in asks in a row. */
static struct person *
person(const char *who, size_t wl)
{
	struct person *p;
	unsigned long h;
	size_t j;

	if (lastp != NULL && lastp->wholen == wl && same_bytes(lastp->who, who, wl))
		return lastp;
	h = hashof(who, wl);
	if (persons.cap == 0)
		grow(&persons);
	for (j = h & (persons.cap - 1); (p = persons.s[j].p) != NULL;
	    j = (j + 1) & (persons.cap - 1))
		if (persons.s[j].hash == h && p->wholen == wl && same_bytes(p->who, who, wl))
			return lastp = p;
	p = xmalloc(sizeof *p + wl + 1);
	memset(p, 0, sizeof *p);
	p->who = (char *)(p + 1);
	memcpy(p->who, who, wl);
	p->who[wl] = '\0';
	p->wholen = wl;
	place(&persons, j, h, p);
	return lastp = p;
}

/* The measure name what, kept once, and what it measures. */
static const struct name *
intern(const char *what, size_t ml)
{
	unsigned long h = hashof(what, ml);
	const struct measure *bm;
	struct measure *d;
	struct name *nm;
	size_t j;

	if (names.cap == 0)
		grow(&names);
	for (j = h & (names.cap - 1); (nm = names.s[j].p) != NULL;
	    j = (j + 1) & (names.cap - 1))
		if (names.s[j].hash == h && nm->len == ml && same_bytes(nm->what, what, ml))
			return nm;
	nm = xmalloc(sizeof *nm);
	memcpy(nm->what, what, ml);
	nm->what[ml] = '\0';
	nm->len = ml;
	if ((bm = bank_measure(&bank, nm->what)) == NULL) {
		d = xmalloc(sizeof *d);
		*d = measure_default(nm->what);
		bm = d;
	}
	nm->m = bm;
	place(&names, j, h, nm);
	return nm;
}

/* A cell's sum and count. */
static long
cellsum(uint32_t c)
{
	return (long)(c >> 8 ^ 0x800000) - 0x800000;	/* 24 bits, signed */
}

static unsigned
cellcnt(uint32_t c)
{
	return c & CNTMAX;
}

/* A new cell for measure nm in p; rows widen as needed. */
static int
newcell(struct person *p, const struct name *nm)
{
	struct person o = *p;
	long i;
	int k = p->nm;

	if (p->nm == p->cap) {
		/* 1, 2, 4, 8, then 8 at a time: little room is ever unused */
		p->cap = p->cap < 8 ? (p->cap ? p->cap * 2 : 1) : p->cap + 8;
		p->rows = xmalloc((size_t)wdays * p->cap * sizeof *p->rows);
		memset(p->rows, 0, (size_t)wdays * p->cap * sizeof *p->rows);
		for (i = 0; i < wdays && o.nm > 0; i++)
			memcpy(p->rows + (size_t)i * p->cap, o.rows + (size_t)i * o.cap,
			    o.nm * sizeof *p->rows);
		free(o.rows);
		p->c = xrealloc(p->c, (size_t)p->cap * sizeof *p->c);
	}
	memset(&p->c[k], 0, sizeof p->c[k]);
	p->c[k].nm = nm;
	p->c[k].next = k + 1;
	p->nm++;
	ncells++;
	return k;
}

/*
 * The cell of measure what in p.  A check-in asks its measures in the
 * same order every day, so the cell that followed the last one last
 * time is tried first; then the name, and p's cells in turn.
 */
static int
cell(struct person *p, const char *what, size_t ml)
{
	const struct name *nm;
	int k = p->guess;

	if (k < p->nm) {
		nm = p->c[k].nm;
		if (nm->len == ml && same_bytes(nm->what, what, ml))
			goto found;
	}
	nm = intern(what, ml);
	for (k = 0; k < p->nm && p->c[k].nm != nm; k++)
		;
	if (k == p->nm)
		k = newcell(p, nm);
	if (p->last < p->nm)
		p->c[p->last].next = k;
found:
	p->last = k;
	p->guess = p->c[k].next;
	return k;
}

/* Cell k of p moves to doubles and wide counts. */
static void
widen(struct person *p, int k)
{
	struct cellinfo *c = &p->c[k];
	long i;

	c->dsum = xmalloc((size_t)wdays * sizeof *c->dsum);
	c->wcnt = xmalloc((size_t)wdays * sizeof *c->wcnt);
	for (i = 0; i < wdays; i++) {
		c->dsum[i] = cellsum(p->rows[(size_t)i * p->cap + k]);
		c->wcnt[i] = cellcnt(p->rows[(size_t)i * p->cap + k]);
	}
}

/* Add v, the sum of n records, to day i of cell k of p. */
static void
add(struct person *p, int k, long i, double v, unsigned n)
{
	uint32_t *c;
	double t;

	if (p->c[k].dsum == NULL) {
		c = &p->rows[(size_t)i * p->cap + k];
		t = (double)cellsum(*c) + v;
		if (n <= CNTMAX - cellcnt(*c) && t <= SUMMAX && t >= -SUMMAX - 1 &&
		    t == (double)(long)t) {
			*c = (uint32_t)((unsigned long)(long)t << 8 & 0xffffff00UL) |
			    (cellcnt(*c) + n);
			return;
		}
		widen(p, k);
	}
	p->c[k].dsum[i] += v;
	p->c[k].wcnt[i] += n;
}

/* The sum and count of day i of cell k of p. */
static double
cellsumof(const struct person *p, int k, int i)
{
	return p->c[k].dsum ? p->c[k].dsum[i] :
	    (double)cellsum(p->rows[(size_t)i * p->cap + k]);
}

static unsigned
cellcntof(const struct person *p, int k, int i)
{
	return p->c[k].wcnt ? p->c[k].wcnt[i] : cellcnt(p->rows[(size_t)i * p->cap + k]);
}

static double
sumof(const struct series *s, int i)
{
	return cellsumof(s->p, s->k, i);
}

static unsigned
cntof(const struct series *s, int i)
{
	return cellcntof(s->p, s->k, i);
}

/*
 * Bad records are collected, not printed at once, so that a file read in
 * two parts (see readjournal) names them in file order with true line
 * numbers: at most 10 in all, then a count.
 */
struct bad {
	unsigned long n;		/* bad records seen */
	unsigned long line[10];
	char	 why[10][320];
};
static unsigned long nbadshown, nbadall;

static void
badrec(struct bad *b, unsigned long line, const char *why)
{
	if (b->n < 10) {
		b->line[b->n] = line;
		snprintf(b->why[b->n], sizeof b->why[b->n], "%s", why);
	}
	b->n++;
}

static void
badprint(const char *name, const struct bad *b, unsigned long line0)
{
	unsigned long i;

	for (i = 0; i < b->n && i < 10; i++)
		if (nbadshown < 10) {
			nbadshown++;
			warnx_("%s:%lu: %s", vis(name, strlen(name)), line0 + b->line[i],
			    b->why[i]);
		}
	nbadall += b->n;
}

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(a)	__builtin_prefetch(a, 1)
#else
#define PREFETCH(a)	((void)0)
#endif

/*
 * Read lines until the end of l's span.  A record outside the window is
 * skipped once its date says so, before the rest of it is checked: that
 * is most of a long journal, and trend has nothing to say about it.
 */
static void
readspan(struct lines *l, struct bad *b)
{
	struct record r;
	struct person *p, *q = NULL;	/* q: the record before, added late */
	const char *why;
	char *s, lastdate[10];
	size_t n;
	long day = 0, qday = 0;
	double qv = 0;
	int rc, known = 0, k, qk = 0;

	while ((rc = lines_next(l, &s, &n)) > 0) {
		if (rc == 2) {
			badrec(b, l->lineno, "the line is longer than 64 KiB");
			continue;
		}
		if (line_blank(s, n))
			continue;
		if (n > 10 && (s[10] == 'T' || s[10] == 't' || s[10] == '\t')) {
			if (!known || memcmp(s, lastdate, 10) != 0) {
				known = date_parse(s, 10, &day) == NULL;
				memcpy(lastdate, s, 10);
			}
			if (known && (day > asof || day < first))
				continue;
		}
		if ((why = record_parse(s, n, &r)) != NULL) {
			badrec(b, l->lineno, why);
			continue;
		}
		if (r.t.day > asof || r.t.day < first)
			continue;
		p = person(r.who, r.wholen);
		k = cell(p, r.what, r.whatlen);
		PREFETCH(&p->rows[(size_t)(r.t.day - first) * p->cap + k]);
		if (q != NULL)
			add(q, qk, qday, qv, 1);
		q = p;
		qk = k;
		qday = r.t.day - first;
		qv = r.v;
	}
	if (q != NULL)
		add(q, qk, qday, qv, 1);
}

/* Both cores for a big file: worth a fork from this size on. */
#define SPLIT	(32LL << 20)

/* The start of the first line that begins after byte at, or -1. */
static long long
nextline(int fd, long long at, long long size)
{
	char buf[65536], *nl;
	ssize_t got;

	while (at < size) {
		got = pread(fd, buf, sizeof buf, (off_t)at);
		if (got <= 0)
			return -1;
		if ((nl = memchr(buf, '\n', (size_t)got)) != NULL)
			return at + (nl - buf) + 1 < size ? at + (nl - buf) + 1 : -1;
		at += got;
	}
	return -1;
}

/* The day of the first dated line from the line start at on; past the
 * end, or where none can be read, a day after every other. */
static long
dayat(int fd, long long at, long long size)
{
	char buf[512], *nl;
	ssize_t got;
	long day;
	int tries;

	for (tries = 0; tries < 8 && at >= 0 && at < size; tries++) {
		if ((got = pread(fd, buf, sizeof buf, (off_t)at)) < 10)
			break;
		if (date_parse(buf, 10, &day) == NULL)
			return day;
		if ((nl = memchr(buf, '\n', (size_t)got)) == NULL)
			break;
		at += nl - buf + 1;
	}
	return LONG_MAX;
}

/* About where the lines of day d and after begin, in a file in time order. */
static long long
dayfrom(int fd, long long size, long d)
{
	long long lo = 0, hi = size, mid;

	while (hi - lo > 65536) {
		mid = lo + (hi - lo) / 2;
		if (dayat(fd, nextline(fd, mid, size), size) >= d)
			hi = mid;
		else
			lo = mid;
	}
	return lo + (hi - lo) / 2;
}

/*
 * Where the second part of a big file starts.  A record outside the
 * window costs about a quarter of one inside it (its date is all that is
 * read), so when the journal is in time order, as log writes it and sort
 * merges it, the parts are cut where their costs are even, not their
 * bytes.  Out of order, the cut is still at a line: the output is the
 * same, only the balance suffers.
 */
#define INSIDE	4.0		/* a record inside the window costs this many outside */

static long long
splitpoint(int fd, long long size)
{
	long long w0 = dayfrom(fd, size, first), w1 = dayfrom(fd, size, asof + 1);
	double in = w1 > w0 ? (double)(w1 - w0) : 0, half, at;

	half = ((double)size - in + INSIDE * in) / 2;
	if (in == 0)
		at = (double)size / 2;
	else if (half <= w0)
		at = half;
	else if (half <= w0 + INSIDE * in)
		at = w0 + (half - w0) / INSIDE;
	else
		at = w1 + (half - w0 - INSIDE * in);
	return nextline(fd, (long long)at, size);
}

static int
readall(int fd, void *p, size_t n)
{
	char *c = p;
	ssize_t got;

	while (n > 0) {
		if ((got = read(fd, c, n)) <= 0) {
			if (got < 0 && errno == EINTR)
				continue;
			return -1;
		}
		c += got;
		n -= (size_t)got;
	}
	return 0;
}

/*
 * The child's half: its bad records, then each series as who and what
 * and its window of sums and counts, through the pipe, buffered.
 */
static int
sendhalf(int fd, int ok, const struct bad *b)
{
	FILE *f = fdopen(fd, "w");
	const struct person *p;
	size_t i, k;
	int j;
	double *d = xmalloc((size_t)wdays * sizeof *d);
	unsigned *c = xmalloc((size_t)wdays * sizeof *c);
	struct { size_t wl, ml; } hdr;
	int rc = 1;

	if (f == NULL)
		goto out;
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	fwrite(&ok, sizeof ok, 1, f);
	fwrite(b, sizeof *b, 1, f);
	fwrite(&ncells, sizeof ncells, 1, f);
	for (i = 0; i < persons.cap; i++) {
		if ((p = persons.s[i].p) == NULL)
			continue;
		for (j = 0; j < p->nm; j++) {
			hdr.wl = p->wholen;
			hdr.ml = p->c[j].nm->len;
			for (k = 0; k < (size_t)wdays; k++) {
				d[k] = cellsumof(p, j, (int)k);
				c[k] = cellcntof(p, j, (int)k);
			}
			fwrite(&hdr, sizeof hdr, 1, f);
			fwrite(p->who, hdr.wl + 1, 1, f);
			fwrite(p->c[j].nm->what, hdr.ml + 1, 1, f);
			fwrite(d, sizeof *d, (size_t)wdays, f);
			fwrite(c, sizeof *c, (size_t)wdays, f);
		}
	}
	rc = ferror(f) != 0;
	rc |= fclose(f) != 0;
out:
	free(d);
	free(c);
	return rc;
}

/* Add the child's half to ours; 0, or -1 when it did not arrive whole. */
static int
takehalf(int fd, struct bad *b)
{
	FILE *f = fdopen(fd, "r");
	struct person *p;
	size_t i, k, ns;
	struct { size_t wl, ml; } hdr;
	char name[64 + 32 + 2];
	int cl, ok, rc = -1;
	double *d = xmalloc((size_t)wdays * sizeof *d);
	unsigned *c = xmalloc((size_t)wdays * sizeof *c);

	if (f == NULL) {
		close(fd);
		goto out;
	}
	setvbuf(f, NULL, _IOFBF, 1 << 20);
	if (fread(&ok, sizeof ok, 1, f) != 1 || fread(b, sizeof *b, 1, f) != 1 ||
	    fread(&ns, sizeof ns, 1, f) != 1)
		goto out;
	for (i = 0; i < ns; i++) {
		if (fread(&hdr, sizeof hdr, 1, f) != 1 || hdr.wl > 64 || hdr.ml > 32 ||
		    fread(name, hdr.wl + hdr.ml + 2, 1, f) != 1 ||
		    fread(d, sizeof *d, (size_t)wdays, f) != (size_t)wdays ||
		    fread(c, sizeof *c, (size_t)wdays, f) != (size_t)wdays)
			goto out;
		p = person(name, hdr.wl);
		cl = cell(p, name + hdr.wl + 1, hdr.ml);
		for (k = 0; k < (size_t)wdays; k++)
			if (c[k] > 0)
				add(p, cl, (long)k, d[k], c[k]);
	}
	rc = ok ? 0 : 1;
out:
	if (f != NULL)
		fclose(f);
	free(d);
	free(c);
	return rc;
}

/*
 * Read one journal; 0, or 1 when it could not be read (wholly or in part).
 * A big regular file is read in two parts at once, the second by a
 * child that sends back its sums; sums of whole numbers are exact in
 * any order, so the figures are the same as from one pass.
 */
static int
readjournal(const char *name)
{
	struct lines l;
	struct bad *b1, *b2;
	struct stat st;
	long long mid = -1;
	int p[2], rc = 0, status;
	pid_t pid = -1;

	if (lines_open(&l, name) < 0)
		return 1;
	b1 = xmalloc(sizeof *b1);
	b2 = xmalloc(sizeof *b2);
	memset(b1, 0, sizeof *b1);	/* sent whole through a pipe */
	memset(b2, 0, sizeof *b2);
	if (ncpu > 1 && fstat(l.fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_size >= SPLIT && lseek(l.fd, 0, SEEK_CUR) == 0)
		mid = splitpoint(l.fd, (long long)st.st_size);
	if (mid > 0 && pipe(p) == 0) {
		fflush(NULL);
		if ((pid = fork()) == 0) {
			close(p[0]);
			lines_span(&l, mid, -1);
			readspan(&l, b2);
			status = sendhalf(p[1], l.eof, b2);
			lines_close(&l);
			free(b1);
			free(b2);
			_exit(status);
		}
		close(p[1]);
		if (pid < 0)
			close(p[0]);
	}
	if (pid > 0)
		lines_span(&l, 0, mid);
	readspan(&l, b1);
	if (!l.eof)
		rc = 1;
	badprint(l.name, b1, 0);
	if (pid > 0) {
		status = takehalf(p[0], b2);	/* and closes it */
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		if (status < 0) {
			warnx_("%s: the second half of the file was not read", vis(name, strlen(name)));
			rc = 1;
		} else {
			rc |= status;
			badprint(l.name, b2, l.lineno);
		}
	}
	lines_close(&l);
	free(b1);
	free(b2);
	return rc;
}

static int
bycmp(const char *a, size_t al, const char *b, size_t bl)
{
	int c = memcmp(a, b, al < bl ? al : bl);

	return c ? c : (al > bl) - (al < bl);
}

static int
whowhat(const void *pa, const void *pb)
{
	const struct series *a = *(struct series *const *)pa;
	const struct series *b = *(struct series *const *)pb;
	int c = bycmp(a->who, a->wholen, b->who, b->wholen);

	return c ? c : bycmp(a->what, a->whatlen, b->what, b->whatlen);
}

/* For gap: by what, then couple. */
static int
whatcouple(const void *pa, const void *pb)
{
	const struct series *a = *(struct series *const *)pa;
	const struct series *b = *(struct series *const *)pb;
	int c = bycmp(a->what, a->whatlen, b->what, b->whatlen);

	if (c)
		return c;
	c = bycmp(a->who, couple_len(a->who, a->wholen), b->who,
	    couple_len(b->who, b->wholen));
	return c ? c : whowhat(pa, pb);
}

static int
samecouple(const struct series *a, const struct series *b)
{
	size_t al = couple_len(a->who, a->wholen), bl = couple_len(b->who, b->wholen);

	return al == bl && memcmp(a->who, b->who, al) == 0 &&
	    strcmp(a->what, b->what) == 0;
}

/* The daily values of s into daily[]: the day's mean or sum, NAN if none. */
static void
values(const struct series *s)
{
	int sums = measure_sums(s->m), i;

	for (i = 0; i < wdays; i++)
		daily[i] = cntof(s, i) == 0 ? NAN :
		    sums ? sumof(s, i) : sumof(s, i) / cntof(s, i);
}

static void
figurerange(size_t from, size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		values(all[i]);
		figures(daily, wdays, all[i]->m, all[i]->f);
	}
}

/* Many series: both cores, a child doing the second half. */
#define SPLITSERIES	4096

static void
figureall(void)
{
	size_t half = nseries / 2;
	pid_t pid = -1;
	int p[2], ok;

	if (ncpu < 2 || nseries < SPLITSERIES || pipe(p) < 0) {
		figurerange(0, nseries);
		return;
	}
	fflush(NULL);
	if ((pid = fork()) == 0) {
		close(p[0]);
		figurerange(half, nseries);
		_exit(writeall(p[1], figs + half, (nseries - half) * sizeof *figs) < 0 ? 1 : 0);
	}
	close(p[1]);
	figurerange(0, pid < 0 ? nseries : half);
	if (pid > 0) {
		ok = readall(p[0], figs + half, (nseries - half) * sizeof *figs) == 0;
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
		if (!ok)		/* it did not come whole: do it here */
			figurerange(half, nseries);
	}
	close(p[0]);
}

/* The series, one per cell of every person, now that all is read. */
static void
makeseries(void)
{
	struct series *s;
	struct person *p;
	size_t i;
	int k;

	nseries = ncells;
	series = xmalloc((nseries ? nseries : 1) * sizeof *series);
	all = xmalloc((nseries ? nseries : 1) * sizeof *all);
	s = series;
	for (i = 0; i < persons.cap; i++) {
		if ((p = persons.s[i].p) == NULL)
			continue;
		for (k = 0; k < p->nm; k++, s++) {
			s->p = p;
			s->k = k;
			s->who = p->who;
			s->wholen = p->wholen;
			s->what = p->c[k].nm->what;
			s->whatlen = p->c[k].nm->len;
			s->m = p->c[k].nm->m;
			s->f = NULL;
			all[s - series] = s;
		}
	}
}

static void
compute(void)
{
	struct series **by;
	struct figures **grp;
	size_t i, j, k, g;

	makeseries();
	if (nseries == 0)
		return;
	qsort(all, nseries, sizeof *all, whowhat);
	figs = xmalloc(nseries * sizeof *figs);
	for (i = 0; i < nseries; i++)
		all[i]->f = &figs[i];
	figureall();

	by = xmalloc(nseries * sizeof *by);
	grp = xmalloc(nseries * sizeof *grp);
	memcpy(by, all, nseries * sizeof *by);
	qsort(by, nseries, sizeof *by, whatcouple);
	for (i = 0; i < nseries; i = j) {
		for (j = i + 1; j < nseries && samecouple(by[i], by[j]); j++)
			;
		for (k = i, g = 0; k < j; k++)
			grp[g++] = by[k]->f;
		if (g > 1)
			figures_gaps(grp, g, by[i]->m);
	}
	free(grp);
	free(by);
}

static int
inlist(char **list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

static int
selected(const struct series *s)
{
	return (nselwho == 0 || inlist(selwho, nselwho, s->who)) &&
	    (nselwhat == 0 || inlist(selwhat, nselwhat, s->what));
}

/* Add a comma-separated list to *list; an empty item is a usage error. */
static void
addlist(char ***list, size_t *n, char *arg, int opt)
{
	char *p = arg, *comma;

	for (;;) {
		if ((comma = strchr(p, ',')) != NULL)
			*comma = '\0';
		if (*p == '\0') {
			warnx_("-%c takes a comma-separated list of %s", opt,
			    opt == 'w' ? "names" : "measures");
			usage(stderr, 2);
		}
		*list = xrealloc(*list, (*n + 1) * sizeof **list);
		(*list)[(*n)++] = p;
		if (comma == NULL)
			break;
		p = comma + 1;
	}
}

static void
putfig(double x, int digits, int sep)
{
	char buf[32];

	figure_format(buf, x, digits);
	fputs(buf, stdout);
	putchar(sep);
}

static void
report(void)
{
	const struct figures *f;
	char flags[64];
	size_t i;

	fputs("who\twhat\tn\tlast7\tbase28\tchange\tpchange\tslope\tptrend\trmssd\tflags\n",
	    stdout);
	for (i = 0; i < nseries; i++) {
		if (!selected(all[i]))
			continue;
		f = all[i]->f;
		printf("%s\t%s\t%d\t", all[i]->who, all[i]->what, f->n);
		putfig(f->last7, 2, '\t');
		putfig(f->base28, 2, '\t');
		putfig(f->change, 2, '\t');
		putfig(f->pchange, 3, '\t');
		putfig(f->slope, 2, '\t');
		putfig(f->ptrend, 3, '\t');
		putfig(f->rmssd, 2, '\t');
		flags_format(f->flags, flags);
		puts(flags);
	}
}

/* The label of the bucket that holds day: the day, its Monday, its 1st. */
static long
bucket(long day, int b)
{
	long y;
	int m, d;

	if (b == 'w')
		return day - weekday(day);
	if (b == 'm') {
		civil_from_days(day, &y, &m, &d);
		return days_from_civil(y, m, 1);
	}
	return day;
}

static void
putbucket(const struct series *s, long label, double sum, int days)
{
	char date[16];

	date_format(date, label);
	printf("%s\t%s\t%s\t", date, s->who, s->what);
	putfig(sum / days, 2, '\t');
	printf("%d\n", days);
}

static void
seriesout(int b)
{
	double sum;
	long label, cur;
	size_t k;
	int i, days;

	fputs("date\twho\twhat\tvalue\tdays\n", stdout);
	for (k = 0; k < nseries; k++) {
		if (!selected(all[k]))
			continue;
		values(all[k]);
		cur = LONG_MIN;
		sum = 0;
		days = 0;
		for (i = 0; i < wdays; i++) {
			if (isnan(daily[i]))
				continue;
			label = bucket(first + i, b);
			if (label != cur && days > 0) {
				putbucket(all[k], cur, sum, days);
				sum = 0;
				days = 0;
			}
			cur = label;
			sum += daily[i];
			days++;
		}
		if (days > 0)
			putbucket(all[k], cur, sum, days);
	}
}

/* Columns a UTF-8 name takes on a terminal, near enough: its characters. */
static size_t
width(const char *s, size_t n)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			w++;
	return w;
}

static void
pad(size_t have, size_t want)
{
	while (have++ < want)
		putchar(' ');
}

/* The scale a sparkline or a panel is drawn on: lo..hi. */
static void
scale(const struct measure *m, const double *v, int n, double *lo, double *hi)
{
	int i;

	if (measure_range(m) > 0) {
		*lo = m->type == T_YESNO ? 0 : m->lo;
		*hi = m->type == T_YESNO ? 1 : m->hi;
		return;
	}
	/* no range: from 0 (or below, for negative values) to the highest */
	*lo = 0;
	*hi = 0;
	for (i = 0; i < n; i++) {
		if (isnan(v[i]))
			continue;
		if (v[i] < *lo)
			*lo = v[i];
		if (v[i] > *hi)
			*hi = v[i];
	}
	if (*hi <= *lo)
		*hi = *lo + 1;
}

static void
chart(void)
{
	static const char *blocks[8] = { "\xe2\x96\x81", "\xe2\x96\x82", "\xe2\x96\x83",
	    "\xe2\x96\x84", "\xe2\x96\x85", "\xe2\x96\x86", "\xe2\x96\x87", "\xe2\x96\x88" };
	static const char ascii[] = "_.:-=+*#";
	const char *nc = getenv("NO_COLOR");
	int utf8 = utf8_locale(), colour = isterm(1) && (nc == NULL || *nc == '\0');
	int per = (wdays + 59) / 60, cells = (wdays + per - 1) / per, c, i, d0, lvl, nd, fl;
	size_t k, ww = 3, mw = 4;
	double *cell = xmalloc((size_t)cells * sizeof *cell), lo, hi, sum, x;
	char d1[16], d2[16], buf[32];
	const struct figures *f;

	for (k = 0; k < nseries; k++) {
		if (!selected(all[k]))
			continue;
		if (width(all[k]->who, all[k]->wholen) > ww)
			ww = width(all[k]->who, all[k]->wholen);
		if (all[k]->whatlen > mw)
			mw = all[k]->whatlen;
	}
	date_format(d1, first);
	date_format(d2, asof);
	printf("%d days from %s to %s, %d %s a mark\n", wdays, d1, d2, per,
	    per == 1 ? "day" : "days");
	fputs("who", stdout);
	pad(3, ww + 2);
	fputs("what", stdout);
	pad(4, mw + 2);
	pad(0, (size_t)cells + 2);
	fputs("  n  last7 base28 change  slope  rmssd  flags\n", stdout);
	for (k = 0; k < nseries; k++) {
		if (!selected(all[k]))
			continue;
		values(all[k]);
		/* cells end on the as-of date; the first may be short */
		for (c = 0; c < cells; c++) {
			d0 = wdays - (cells - c) * per;
			sum = 0;
			nd = 0;
			for (i = d0 < 0 ? 0 : d0; i < d0 + per; i++)
				if (!isnan(daily[i])) {
					sum += daily[i];
					nd++;
				}
			cell[c] = nd ? sum / nd : NAN;
		}
		scale(all[k]->m, cell, cells, &lo, &hi);
		putsafe(stdout, all[k]->who, all[k]->wholen);
		pad(width(all[k]->who, all[k]->wholen), ww + 2);
		fputs(all[k]->what, stdout);
		pad(all[k]->whatlen, mw + 2);
		for (c = 0; c < cells; c++) {
			if (isnan(cell[c])) {
				putchar(' ');
				continue;
			}
			x = floor((cell[c] - lo) / (hi - lo) * 7 + 0.5);
			lvl = !(x > 0) ? 0 : x > 7 ? 7 : (int)x;	/* clamp first: any double */
			if (utf8)
				fputs(blocks[lvl], stdout);
			else
				putchar(ascii[lvl]);
		}
		f = all[k]->f;
		printf("  %3d", f->n);
		figure_format(buf, f->last7, 2);
		printf(" %6s", buf);
		figure_format(buf, f->base28, 2);
		printf(" %6s", buf);
		figure_format(buf, f->change, 2);
		printf(" %6s", buf);
		figure_format(buf, f->slope, 2);
		printf(" %6s", buf);
		figure_format(buf, f->rmssd, 2);
		printf(" %6s  ", buf);
		if (f->flags == 0)
			fputs("-", stdout);
		for (i = 0, fl = 0; i < NFLAGS; i++) {
			if (!(f->flags & (1u << i)))
				continue;
			if (fl++)
				putchar(',');
			if (colour)	/* red for a fall, yellow for the rest */
				fputs(i < 2 ? "\033[1;31m" : "\033[33m", stdout);
			fputs(flag_name(i), stdout);
			if (colour)
				fputs("\033[0m", stdout);
		}
		putchar('\n');
	}
	free(cell);
}

/* s as XML character data or attribute text. */
static void
xml(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '&')
			fputs("&amp;", stdout);
		else if (c == '<')
			fputs("&lt;", stdout);
		else if (c == '>')
			fputs("&gt;", stdout);
		else if (c == '"')
			fputs("&quot;", stdout);
		else if (c == '\'')
			fputs("&#39;", stdout);
		else if (c == 0xef && i + 2 < n && (unsigned char)s[i + 1] == 0xbf &&
		    ((unsigned char)s[i + 2] & 0xfe) == 0xbe) {
			fputs("\xef\xbf\xbd", stdout);	/* U+FFFE, U+FFFF: not XML */
			i += 2;
		} else
			putchar(c);
	}
}

#define SVG_W	760.0
#define PANEL_H	190.0
#define PLOT_L	56.0
#define PLOT_R	150.0		/* room for the legend on the right */
#define PLOT_T	34.0
#define PLOT_B	30.0

static const char *colours[] = { "#1f5fbf", "#c0392b", "#1e8449", "#7d3c98", "#b9770e", "#333333" };
static const char *dashes[] = { "", "7 4", "2 3", "9 3 2 3", "12 4 2 4 2 4", "1 6" };

static double
xof(double day)
{
	return PLOT_L + (SVG_W - PLOT_L - PLOT_R) * (wdays > 1 ? day / (wdays - 1) : 0.5);
}

/* One partner's marker at x, y, in black-and-white-safe shapes. */
static void
marker(int p, double x, double y, const char *col)
{
	switch (p % 3) {
	case 0:
		printf("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.8\" fill=\"%s\"/>", x, y, col);
		break;
	case 1:
		printf("<rect x=\"%.1f\" y=\"%.1f\" width=\"5\" height=\"5\" fill=\"white\" "
		    "stroke=\"%s\" stroke-width=\"1.3\"/>", x - 2.5, y - 2.5, col);
		break;
	default:
		printf("<path d=\"M%.1f %.1fl3 5h-6z\" fill=\"%s\"/>", x, y - 3, col);
		break;
	}
}

/*
 * The weekly means of daily[] (NAN for a week without data), each placed
 * at the middle of its days inside the window; the number of weeks.
 */
static int
weekly(double *mid, double *mean)
{
	long label, a, b;
	double sum;
	int i, k = 0, nd;

	for (label = bucket(first, 'w'); label <= asof; label += 7) {
		a = label < first ? first : label;
		b = label + 6 > asof ? asof : label + 6;
		sum = 0;
		nd = 0;
		for (i = (int)(a - first); i <= (int)(b - first); i++)
			if (!isnan(daily[i])) {
				sum += daily[i];
				nd++;
			}
		mid[k] = (double)(a + b) / 2 - (double)first;
		mean[k++] = nd > 0 ? sum / nd : NAN;
	}
	return k;
}

static void
panel(size_t from, size_t to, double top)
{
	const struct series *s0 = all[from];
	double lo, hi, y0 = top + PLOT_T, y1 = top + PANEL_H - PLOT_B, step, t, x, y;
	double vmin = INFINITY, vmax = -INFINITY;
	double wmid[MAXDAYS / 7 + 3], wmean[MAXDAYS / 7 + 3];
	size_t k, cl = couple_len(s0->who, s0->wholen), p;
	long d;
	int i, nw, pen, any = 0, fl, ticks;
	char date[16];

	/* the scale: the measure's range, else what the weeks reach */
	for (k = from; k < to; k++) {
		values(all[k]);
		for (i = 0; i < wdays; i++)
			if (!isnan(daily[i])) {
				if (daily[i] < vmin)
					vmin = daily[i];
				if (daily[i] > vmax)
					vmax = daily[i];
			}
	}
	{
		double mm[2];

		mm[0] = vmin;
		mm[1] = vmax;
		scale(s0->m, mm, 2, &lo, &hi);
	}
	printf("<g>\n<text x=\"%.1f\" y=\"%.1f\" font-size=\"14\" font-weight=\"bold\">",
	    PLOT_L, top + 18);
	if (cl > 0) {
		xml(s0->who, cl);
		fputs(": ", stdout);
	}
	xml(s0->what, s0->whatlen);
	fputs("</text>\n", stdout);
	for (k = from; k < to; k++)
		any |= selected(all[k]) && all[k]->f->flags;
	if (any) {
		/* flagged: a heavy frame and the flags in words, for print too */
		printf("<rect x=\"4\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
		    "stroke=\"#c0392b\" stroke-width=\"2.5\" stroke-dasharray=\"10 4\"/>\n",
		    top + 4, SVG_W - 8, PANEL_H - 8);
		printf("<text x=\"%.1f\" y=\"%.1f\" font-size=\"12\" fill=\"#c0392b\" "
		    "font-weight=\"bold\">flagged:", PLOT_L + 8.0 * (double)(s0->whatlen +
		    (cl ? cl + 2 : 0)) + 16, top + 18);
		for (k = from, fl = 0; k < to; k++) {
			if (!selected(all[k]) || !all[k]->f->flags)
				continue;
			for (i = 0; i < NFLAGS; i++)
				if (all[k]->f->flags & (1u << i)) {
					printf("%s %s (", fl++ ? "," : "", flag_name(i));
					xml(all[k]->who + (cl ? cl + 1 : 0),
					    all[k]->wholen - (cl ? cl + 1 : 0));
					putchar(')');
				}
		}
		fputs("</text>\n", stdout);
	}
	/* axes, y ticks at a round step, x ticks at Mondays, months or years */
	printf("<path d=\"M%.1f %.1fV%.1fH%.1f\" fill=\"none\" stroke=\"black\"/>\n",
	    PLOT_L, y0, y1, SVG_W - PLOT_R);
	step = pow(10, floor(log10((hi - lo) / 4)));
	if ((hi - lo) / step > 8)
		step *= (hi - lo) / step > 16 ? 5 : 2;
	for (t = ceil(lo / step) * step; t <= hi + step * 1e-9; t += step) {
		y = y1 - (t - lo) / (hi - lo) * (y1 - y0);
		printf("<path d=\"M%.1f %.1fH%.1f\" stroke=\"#dddddd\"/>"
		    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%g</text>\n",
		    PLOT_L, y, SVG_W - PLOT_R, PLOT_L - 4, y + 3, fabs(t) < step * 1e-9 ? 0 : t);
	}
	ticks = wdays <= 63 ? 'w' : wdays <= 400 ? 'm' : 'y';
	for (d = first; d <= asof; d++) {
		long yy;
		int mo, dd;

		civil_from_days(d, &yy, &mo, &dd);
		if (ticks == 'w' ? weekday(d) != 0 : ticks == 'm' ? dd != 1 :
		    (dd != 1 || mo != 1))
			continue;
		x = xof((double)(d - first));
		date_format(date, d);
		printf("<path d=\"M%.1f %.1fv4\" stroke=\"black\"/>"
		    "<text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" text-anchor=\"middle\">%s</text>\n",
		    x, y1, x, y1 + 15, date);
	}
	/* a line per partner through the weekly means, broken where a week is empty */
	for (k = from, p = 0; k < to; k++) {
		if (!selected(all[k]))
			continue;
		values(all[k]);
		printf("<path fill=\"none\" stroke=\"%s\" stroke-width=\"1.8\"%s%s%s d=\"",
		    colours[p % 6], *dashes[p % 6] ? " stroke-dasharray=\"" : "",
		    dashes[p % 6], *dashes[p % 6] ? "\"" : "");
		nw = weekly(wmid, wmean);
		for (i = 0, pen = 0; i < nw; i++) {
			if (isnan(wmean[i])) {
				pen = 0;
				continue;
			}
			printf("%s%.1f %.1f", pen ? "L" : "M", xof(wmid[i]),
			    y1 - (wmean[i] - lo) / (hi - lo) * (y1 - y0));
			pen = 1;
		}
		fputs("\"/>\n", stdout);
		/* the same weeks again as markers */
		for (i = 0; i < nw; i++)
			if (!isnan(wmean[i]))
				marker((int)p, xof(wmid[i]),
				    y1 - (wmean[i] - lo) / (hi - lo) * (y1 - y0), colours[p % 6]);
		putchar('\n');
		/* the legend */
		y = y0 + 6 + 16.0 * (double)p;
		printf("<path d=\"M%.1f %.1fh26\" stroke=\"%s\" stroke-width=\"1.8\"%s%s%s/>",
		    SVG_W - PLOT_R + 12, y, colours[p % 6],
		    *dashes[p % 6] ? " stroke-dasharray=\"" : "", dashes[p % 6],
		    *dashes[p % 6] ? "\"" : "");
		marker((int)p, SVG_W - PLOT_R + 25, y, colours[p % 6]);
		printf("<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">", SVG_W - PLOT_R + 44, y + 4);
		xml(all[k]->who + (cl ? cl + 1 : 0), all[k]->wholen - (cl ? cl + 1 : 0));
		fputs("</text>\n", stdout);
		p++;
	}
	fputs("</g>\n", stdout);
}

static int
panelcmp(const void *pa, const void *pb)
{
	const struct series *a = *(struct series *const *)pa;
	const struct series *b = *(struct series *const *)pb;
	int c = bycmp(a->who, couple_len(a->who, a->wholen), b->who,
	    couple_len(b->who, b->wholen));

	if (c)
		return c;
	c = bycmp(a->what, a->whatlen, b->what, b->whatlen);
	return c ? c : whowhat(pa, pb);
}

/*
 * One panel per measure of each couple (with one couple, one panel per
 * measure), a line per partner; only selected series are drawn.
 */
static void
svg(void)
{
	size_t i, j, k, np = 0;
	double h;
	char d1[16], d2[16];

	if (nseries > 1)
		qsort(all, nseries, sizeof *all, panelcmp);
	for (i = 0; i < nseries; i = j) {
		int sel = 0;

		for (j = i; j < nseries && samecouple(all[i], all[j]); j++)
			sel |= selected(all[j]);
		np += sel;
	}
	h = 40 + PANEL_H * (double)(np ? np : 1);
	date_format(d1, first);
	date_format(d2, asof);
	printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" "
	    "viewBox=\"0 0 %.0f %.0f\" font-family=\"sans-serif\">\n"
	    "<title>hearth trend, %s to %s</title>\n"
	    "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n"
	    "<text x=\"%.1f\" y=\"24\" font-size=\"16\">Weekly means, %s to %s (%d days)</text>\n",
	    SVG_W, h, SVG_W, h, d1, d2, PLOT_L, d1, d2, wdays);
	if (np == 0)
		printf("<text x=\"%.1f\" y=\"60\" font-size=\"12\">No data in the window.</text>\n",
		    PLOT_L);
	for (i = 0, k = 0; i < nseries; i = j) {
		int sel = 0;

		for (j = i; j < nseries && samecouple(all[i], all[j]); j++)
			sel |= selected(all[j]);
		if (!sel)
			continue;
		panel(i, j, 40 + PANEL_H * (double)k++);
	}
	fputs("</svg>\n", stdout);
}

int
main(int argc, char **argv)
{
	struct stamp t;
	char **files, *e;
	const char *why, *dopt = NULL;
	long n;
	int c, mode = 0, b = 'd', rc = 0;

	setprogname(argv[0]);
	if (argc > 1 && strcmp(argv[1], "--version") == 0)
		version();
	if (argc > 1 && strcmp(argv[1], "--help") == 0)
		usage(stdout, 0);
	opterr = 0;	/* our own words, and the program's name, not its path */
	while ((c = getopt(argc, argv, ":cgsb:d:n:w:m:h")) != -1) {
		switch (c) {
		case 'c':
		case 'g':
		case 's':
			if (mode && mode != c) {
				warnx_("-c, -g and -s do not go together");
				usage(stderr, 2);
			}
			mode = c;
			break;
		case 'b':
			if (strcmp(optarg, "day") == 0 || strcmp(optarg, "week") == 0 ||
			    strcmp(optarg, "month") == 0)
				b = optarg[0];
			else {
				warnx_("-b takes day, week or month, not \"%s\"",
				    vis(optarg, strlen(optarg)));
				usage(stderr, 2);
			}
			break;
		case 'd':
			dopt = optarg;
			break;
		case 'n':
			errno = 0;
			n = strtol(optarg, &e, 10);
			if (*optarg < '0' || *optarg > '9' || *e != '\0' || errno ||
			    n < 1 || n > MAXDAYS) {
				warnx_("-n takes a number of days from 1 to %d, not \"%s\"",
				    MAXDAYS, vis(optarg, strlen(optarg)));
				usage(stderr, 2);
			}
			wdays = (int)n;
			break;
		case 'w':
			addlist(&selwho, &nselwho, optarg, 'w');
			break;
		case 'm':
			addlist(&selwhat, &nselwhat, optarg, 'm');
			break;
		case 'h':
			usage(stdout, 0);
			break;
		default:
			optfail(c);
			usage(stderr, 2);
		}
	}
	argc -= optind;
	argv += optind;

	if (now(&t) < 0)
		return 1;
	asof = t.day;
	if (dopt != NULL && (why = day_parse(dopt, t.day, &asof)) != NULL) {
		warnx_("-d \"%s\": %s", vis(dopt, strlen(dopt)), why);
		usage(stderr, 2);
	}
	first = asof - wdays + 1;
	files = journal_args(argc, argv);
	if (bank_load(&bank, NULL) < 0)
		return 1;
	daily = xmalloc((size_t)wdays * sizeof *daily);

#ifdef _SC_NPROCESSORS_ONLN
	ncpu = sysconf(_SC_NPROCESSORS_ONLN);
#endif
	for (; *files != NULL; files++)
		rc |= readjournal(*files);
	if (nbadall > nbadshown)
		warnx_("%lu more bad records not shown", nbadall - nbadshown);
	compute();
	switch (mode) {
	case 's':
		seriesout(b);
		break;
	case 'c':
		chart();
		break;
	case 'g':
		svg();
		break;
	default:
		report();
	}
	return fshut(stdout, "stdout") | rc;
}
