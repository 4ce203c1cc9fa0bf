/*
 * table.c - one open-addressing table from strings to pointers, for
 * the bank's measures, the series of a journal and remind's names.
 *
 * The table keeps a pointer to each key, not a copy: a key lives as long
 * as the value it names (most often it is inside the value).  It is a
 * power of two long and never more than half full; the hash is kept
 * beside the key, so a probe reads nothing else until it matches.
 */
#include <stdlib.h>
#include <string.h>

#include "hearth.h"

static void
grow(struct table *t)
{
	struct slot *old = t->s;
	size_t oldcap = t->cap, i, j;

	t->cap = t->cap ? 2 * t->cap : 64;
	t->s = xmalloc(t->cap * sizeof *t->s);
	memset(t->s, 0, t->cap * sizeof *t->s);
	for (i = 0; i < oldcap; i++) {
		if (old[i].v == NULL)
			continue;
		for (j = old[i].h & (t->cap - 1); t->s[j].v != NULL; j = (j + 1) & (t->cap - 1))
			;
		t->s[j] = old[i];
	}
	free(old);
}

/* The slot that holds key k, or the free one where it would go. */
static struct slot *
find(const struct table *t, const char *k, size_t n, unsigned long h)
{
	struct slot *s;
	size_t j;

	for (j = h & (t->cap - 1); (s = &t->s[j])->v != NULL; j = (j + 1) & (t->cap - 1))
		if (s->h == h && s->n == n && memcmp(s->k, k, n) == 0)
			break;
	return s;
}

void *
table_get(const struct table *t, const char *k, size_t n)
{
	if (t->cap == 0)
		return NULL;
	return find(t, k, n, hash_bytes(k, n))->v;
}

void
table_put(struct table *t, const char *k, size_t n, void *v)
{
	unsigned long h = hash_bytes(k, n);
	struct slot *s;

	if (2 * (t->n + 1) > t->cap)
		grow(t);
	s = find(t, k, n, h);
	if (s->v == NULL)
		t->n++;
	s->h = h;
	s->k = k;
	s->n = n;
	s->v = v;
}

void
table_free(struct table *t)
{
	free(t->s);
	memset(t, 0, sizeof *t);
}
