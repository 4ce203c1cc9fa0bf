/*
 * series.c - journals into daily series (series.h), for trend and remind.
 *
 * model_read() takes every record through journal_next(), so both
 * programs name the same bad records the same way, wherever they lie;
 * a record dated inside first..last is added to its person's series of
 * its measure.
 *
 * One thing here exists only for big journals (a caseload of a thousand
 * couples, 32,000 series over the 208 days the alerts look at), and buys
 * a third of the memory: a day of a series is a float, NAN without data.
 * Most days have one record, and four bytes a day keep that caseload near
 * 27 MB, not 80.  The first day with a second record gives the series a
 * byte of counts; the first sum a float does not hold exactly (whole
 * numbers and short decimals below 2^24 it does), or a 256th record on
 * one day, moves it to double sums and wide counts, so no figure ever
 * loses a digit.
 *
 * And before all that, a series holds only its days with data (up to FEW
 * of them, each with its one record, in order): memory follows each
 * person's data, so 100,000 people of one record each cost about 1 KB a
 * person, not the 832 bytes of 208 empty days and more.  The first day
 * past FEW, a second record on a day, or a value a float does not hold
 * makes it a series of every day, as above.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "series.h"
#include "stats.h"

void
model_init(struct model *m, const struct bank *b, long first, long last)
{
	memset(m, 0, sizeof *m);
	m->bank = b;
	m->first = first;
	m->last = last;
	m->ndays = (int)(last - first + 1);
}

static struct person *
person_of(struct model *m, const char *who, size_t n)
{
	struct person *p;

	if ((p = table_get(&m->bywho, who, n)) != NULL)
		return p;
	p = xmalloc(sizeof *p);
	memset(p, 0, sizeof *p);
	p->who = xmalloc(n + 1);
	memcpy(p->who, who, n);
	p->who[n] = '\0';
	p->wholen = n;
	p->couple = couple_len(p->who, n);
	table_put(&m->bywho, p->who, n, p);
	return p;
}

/* What a measure measures: the bank's word, else the readers' default. */
static const struct measure *
measure_of(struct model *m, const char *what, size_t n)
{
	const struct measure *bm;
	struct measure *d;

	if ((bm = bank_measure(m->bank, what)) != NULL)
		return bm;
	if ((d = table_get(&m->names, what, n)) != NULL)
		return d;
	d = xmalloc(sizeof *d);
	*d = measure_default(what);
	table_put(&m->names, d->what, n, d);
	return d;
}

static struct series *
series_new(struct model *m, struct person *p, const char *what, size_t n)
{
	struct series *s = xmalloc(sizeof *s);

	memset(s, 0, sizeof *s);
	s->p = p;
	s->first = m->first;
	s->ndays = m->ndays;
	s->m = measure_of(m, what, n);
	s->what = s->m->what;
	s->whatlen = n;
	if (p->ns == p->cap) {
		p->cap = p->cap ? 2 * p->cap : 1;
		p->s = xrealloc(p->s, p->cap * sizeof *p->s);
	}
	p->s[p->ns++] = s;
	return s;
}

static void
widen(struct series *s, int days)
{
	int i;

	s->wsum = xmalloc((size_t)days * sizeof *s->wsum);
	s->wcnt = xmalloc((size_t)days * sizeof *s->wcnt);
	for (i = 0; i < days; i++) {
		s->wcnt[i] = s->cnt != NULL ? s->cnt[i] : !isnan(s->sum[i]);
		s->wsum[i] = s->wcnt[i] ? s->sum[i] : 0;
	}
	free(s->sum);
	free(s->cnt);
	s->sum = NULL;
	s->cnt = NULL;
}

/* The series of r's person and measure, made on first sight. */
static struct series *
series_of(struct model *m, const struct record *r)
{
	char key[64 + 1 + 32];
	struct series *s;
	size_t n = r->wholen + 1 + r->whatlen;

	memcpy(key, r->who, r->wholen);
	key[r->wholen] = '\t';
	memcpy(key + r->wholen + 1, r->what, r->whatlen);
	if ((s = table_get(&m->byname, key, n)) == NULL) {
		s = series_new(m, person_of(m, r->who, r->wholen), r->what, r->whatlen);
		s->key = xmalloc(n);		/* kept with its series */
		memcpy(s->key, key, n);
		table_put(&m->byname, s->key, n, s);
	}
	return s;
}

/* Where day i is, or would go, among the few days of s. */
static int
few_at(const struct series *s, int i)
{
	int lo = 0, hi = s->nfew, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (s->few[mid].day < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Every day of s, from the few days it had: NAN, or the day's one record. */
static void
dense(struct series *s)
{
	int i;

	s->sum = xmalloc((size_t)s->ndays * sizeof *s->sum);
	for (i = 0; i < s->ndays; i++)
		s->sum[i] = NAN;
	for (i = 0; i < s->nfew; i++)
		s->sum[s->few[i].day] = s->few[i].v;
	free(s->few);
	s->few = NULL;
	s->nfew = s->capfew = 0;
}

/*
 * Day i's first record, v, among the few days of s; 0 when s must hold
 * every day instead: a second record on a day, a value a float does not
 * hold, or more days than FEW (or than a dense series would cost).
 */
#define FEW	32
static int
few_add(struct series *s, int i, double v)
{
	int k = few_at(s, i);

	if ((k < s->nfew && s->few[k].day == i) || (double)(float)v != v)
		return 0;
	if (s->nfew == s->capfew) {
		if (2 * s->capfew > FEW || (size_t)(2 * s->capfew) * sizeof *s->few >=
		    (size_t)s->ndays * sizeof *s->sum)
			return 0;
		s->capfew = s->capfew ? 2 * s->capfew : 1;
		s->few = xrealloc(s->few, (size_t)s->capfew * sizeof *s->few);
	}
	memmove(&s->few[k + 1], &s->few[k], (size_t)(s->nfew - k) * sizeof *s->few);
	s->few[k].day = i;
	s->few[k].v = (float)v;
	s->nfew++;
	return 1;
}

void
model_add(struct model *m, const struct record *r)
{
	struct series *s = series_of(m, r);
	int i = (int)(r->t.day - m->first), j;
	double t;

	if (s->sum == NULL && s->wsum == NULL) {
		if (few_add(s, i, r->v))
			return;
		dense(s);
	}
	if (s->wsum == NULL && s->cnt == NULL && isnan(s->sum[i]) &&
	    (double)(float)r->v == r->v) {
		s->sum[i] = (float)r->v;	/* the day's first record */
		return;
	}
	if (s->wsum == NULL && s->cnt == NULL) {
		s->cnt = xmalloc((size_t)s->ndays);
		for (j = 0; j < s->ndays; j++) {
			s->cnt[j] = !isnan(s->sum[j]);
			if (!s->cnt[j])
				s->sum[j] = 0;
		}
	}
	if (s->wsum == NULL) {
		t = (double)s->sum[i] + r->v;
		if (s->cnt[i] < 255 && (double)(float)t == t) {
			s->sum[i] = (float)t;
			s->cnt[i]++;
			return;
		}
		widen(s, s->ndays);
	}
	s->wsum[i] += r->v;
	s->wcnt[i]++;
}

int
model_read(struct model *m, const char *path, recordfn *each, void *arg)
{
	struct lines l;
	struct record r;
	int rc;

	if (lines_open(&l, path) < 0)
		return -1;
	while ((rc = journal_next(&l, &r)) > 0) {
		if (r.t.day > m->last)
			continue;
		if (each != NULL)
			each(&r, arg);
		if (r.t.day >= m->first)
			model_add(m, &r);
	}
	lines_close(&l);
	return rc < 0 ? -1 : 0;
}

size_t
couple_len(const char *who, size_t n)
{
	while (n > 0 && who[n - 1] != '/')
		n--;
	return n > 0 ? n - 1 : 0;
}

int
bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	return c ? c : (an > bn) - (an < bn);
}

int
series_cmp(const void *pa, const void *pb)
{
	const struct series *a = *(struct series *const *)pa;
	const struct series *b = *(struct series *const *)pb;
	int c = bytes_cmp(a->p->who, a->p->wholen, b->p->who, b->p->wholen);

	return c ? c : bytes_cmp(a->what, a->whatlen, b->what, b->whatlen);
}

static int
bywhat(const void *pa, const void *pb)
{
	const struct series *a = *(struct series *const *)pa;
	const struct series *b = *(struct series *const *)pb;

	return bytes_cmp(a->what, a->whatlen, b->what, b->whatlen);
}

static int
bycouple(const void *pa, const void *pb)
{
	const struct person *a = *(struct person *const *)pa;
	const struct person *b = *(struct person *const *)pb;
	int c = bytes_cmp(a->who, a->couple, b->who, b->couple);

	return c ? c : bytes_cmp(a->who, a->wholen, b->who, b->wholen);
}

static int
samecouple(const struct person *a, const struct person *b)
{
	return a->couple == b->couple && memcmp(a->who, b->who, a->couple) == 0;
}

void
model_done(struct model *m)
{
	struct person *p;
	size_t i, j, k;

	m->np = m->bywho.n;
	m->p = xmalloc((m->np + 1) * sizeof *m->p);
	m->ns = 0;
	for (i = j = 0; i < m->bywho.cap; i++)
		if ((p = m->bywho.s[i].v) != NULL) {
			m->p[j++] = p;
			m->ns += p->ns;
			qsort(p->s, p->ns, sizeof *p->s, bywhat);
		}
	qsort(m->p, m->np, sizeof *m->p, bycouple);
	m->s = xmalloc((m->ns + 1) * sizeof *m->s);
	m->couple = xmalloc((m->np + 1) * sizeof *m->couple);
	for (i = k = 0, m->nc = 0; i < m->np; i++) {
		if (i == 0 || !samecouple(m->p[i - 1], m->p[i]))
			m->couple[m->nc++] = i;
		for (j = 0; j < m->p[i]->ns; j++)
			m->s[k++] = m->p[i]->s[j];
	}
	m->couple[m->nc] = m->np;
	qsort(m->s, m->ns, sizeof *m->s, series_cmp);
	for (i = 0; i < m->ns; i++)
		m->s[i]->id = i;
}

double
series_day(const struct series *s, long day)
{
	long i = day - s->first;
	double sum;
	unsigned n;

	if (i < 0 || i >= s->ndays)
		return NAN;
	if (s->wsum != NULL) {
		sum = s->wsum[i];
		n = s->wcnt[i];
	} else if (s->cnt != NULL) {
		sum = s->sum[i];
		n = s->cnt[i];
	} else if (s->sum != NULL)
		return s->sum[i];	/* one record, or NAN */
	else {
		n = (unsigned)few_at(s, (int)i);
		return (int)n < s->nfew && s->few[n].day == i ? s->few[n].v : NAN;
	}
	if (n == 0)
		return NAN;
	return measure_sums(s->m) ? sum : sum / n;
}

void
series_values(const struct series *s, long from, int n, double *v)
{
	int i;

	for (i = 0; i < n; i++)
		v[i] = series_day(s, from + i);
}

void
model_free(struct model *m)
{
	struct series *s;
	struct person *p;
	size_t i, j;

	for (i = 0; i < m->np; i++) {
		p = m->p[i];
		for (j = 0; j < p->ns; j++) {
			s = p->s[j];
			free(s->few);
			free(s->sum);
			free(s->cnt);
			free(s->wsum);
			free(s->wcnt);
			free(s->key);
			free(s);
		}
		free(p->s);
		free(p->who);
		free(p);
	}
	for (i = 0; i < m->names.cap; i++)
		free(m->names.s[i].v);
	table_free(&m->names);
	table_free(&m->bywho);
	table_free(&m->byname);
	free(m->p);
	free(m->s);
	free(m->couple);
	memset(m, 0, sizeof *m);
}

/* The figures of every series as of asof over wdays days, f[s->id]. */
void
model_figures(const struct model *m, long asof, int wdays, struct figures *f)
{
	double *v = xmalloc((size_t)wdays * sizeof *v);
	size_t i;

	for (i = 0; i < m->ns; i++) {
		series_values(m->s[i], asof - wdays + 1, wdays, v);
		figures(v, wdays, &f[i]);
	}
	free(v);
}

/* Whether p has a record on day d. */
static int
checked_in(const struct person *p, long d)
{
	size_t k;

	for (k = 0; k < p->ns; k++)
		if (!isnan(series_day(p->s[k], d)))
			return 1;
	return 0;
}

/*
 * Showing up, as of T: for each partner and for both together, the days
 * checked in among the last 7 and 30 days, and the run of days both
 * checked in.  A day inside a pause (paused(day) says) is neither counted
 * nor breaks the run; today does not break it before the evening's
 * check-in.  Up to SHOWUP_PARTNERS partners; "both" is all of them.
 */
void
model_showup(const struct model *m, size_t c, long T, int (*paused)(long, void *), void *arg,
    struct showup *s)
{
	size_t i, n = m->couple[c + 1] - m->couple[c];
	long d;
	int all;

	memset(s, 0, sizeof *s);
	s->n = n < SHOWUP_PARTNERS ? (int)n : SHOWUP_PARTNERS;
	for (i = 0; i < (size_t)s->n; i++)
		s->p[i] = m->p[m->couple[c] + i];
	for (d = T; d > T - 30 && d >= m->first; d--) {
		if (paused != NULL && paused(d, arg))
			continue;
		for (i = 0, all = 1; i < (size_t)s->n; i++) {
			if (checked_in(s->p[i], d)) {
				s->days30[i]++;
				s->days7[i] += d > T - 7;
			} else
				all = 0;
		}
		s->both30 += all;
		s->both7 += all && d > T - 7;
		s->open30++;
		s->open7 += d > T - 7;
	}
	for (d = T; d >= m->first; d--) {
		if (paused != NULL && paused(d, arg))
			continue;
		for (i = 0, all = 1; i < (size_t)s->n && all; i++)
			all = checked_in(s->p[i], d);
		if (!all) {
			if (d == T)
				continue;	/* the evening may still come */
			break;
		}
		s->run++;
	}
}
