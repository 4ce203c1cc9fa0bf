/*
 * fuzz_bank.c - libFuzzer target: the input as a user's question bank.
 *
 * The input is written to a temporary file and loaded with bank_load()
 * after the built-in bank, as `ask -f FILE` would.  Whether it loads or is
 * refused, the bank must then hold together:
 *
 * - every measure passes what_check(), has a type, a direction and a range
 *   that its type allows, and bank_measure() finds it under its name;
 * - every question points at a measure (or is a starter, set "prompt"),
 *   has text, and no two questions share a set and a measure;
 * - value_check() takes lo and hi of a range and refuses one past them,
 *   and every reason it gives is printable;
 * - starter_of_day() gives a starter exactly when there is one, and any N
 *   consecutive days give N different starters (N the number of them).
 *
 * Each bank is freed with the core's bank_free().  Messages about bad
 * lines go to stderr, which fuzz.sh closes.
 */
#include "fuzz.h"

static char *path;

/* A reason or a question is printable in a message. */
static int
printable(const char *s)
{
	return fuzz_printable(s, strlen(s), 0);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_tmpdir("fuzz_bank");
	path = fuzz_path("bank.tsv");
	unsetenv("HEARTH_BANK");
	return 0;
}

static void
check_measure(const struct bank *b, const struct measure *m)
{
	const char *why;
	char v[32];

	CHECK(what_check(m->what, strlen(m->what)) == NULL);
	CHECK(bank_measure(b, m->what) == m);
	CHECK(m->known == 1 && (m->better == 1 || m->better == -1));
	CHECK(m->type >= T_SCALE && m->type <= T_TEXT);
	switch (m->type) {
	case T_SCALE:
		CHECK(m->lo < m->hi && measure_range(m) == (double)(m->hi - m->lo));
		break;
	case T_YESNO:
		CHECK(m->lo == 0 && m->hi == 1 && measure_range(m) == 1);
		break;
	case T_COUNT:
		CHECK(m->lo >= 0 && (m->hi < 0 || m->hi > m->lo));
		break;
	case T_MINUTES:
		CHECK(m->lo >= 0 && m->lo < m->hi && m->hi <= 1440);
		break;
	case T_TEXT:
		CHECK(m->lo == 1 && m->hi == 1);
		break;
	}
	CHECK(measure_sums(m) == (m->type != T_SCALE && m->type != T_YESNO));
	snprintf(v, sizeof v, "%ld", m->lo);
	CHECK(value_check(m, v, strlen(v)) == NULL);
	if (m->hi >= 0) {
		snprintf(v, sizeof v, "%ld", m->hi);
		CHECK(value_check(m, v, strlen(v)) == NULL);
		snprintf(v, sizeof v, "%ld", m->hi + 1);
		CHECK((why = value_check(m, v, strlen(v))) != NULL && printable(why));
	}
	snprintf(v, sizeof v, "%ld", m->lo - 1);
	CHECK((why = value_check(m, v, strlen(v))) != NULL && printable(why));
	CHECK((why = value_check(m, "1.5", 3)) != NULL && printable(why));
	CHECK((why = value_check(m, "", 0)) != NULL && printable(why));
}

static void
check_starters(const struct bank *b, const char *category)
{
	size_t n, i, *idx;
	const char **seen, *s;
	long day0 = 20000;

	n = bank_starters(b, category, NULL);
	if (n == 0) {
		CHECK(starter_of_day(b, category, day0, 0) == NULL);
		return;
	}
	idx = malloc(n * sizeof *idx);
	CHECK(bank_starters(b, category, idx) == n);
	seen = calloc(n, sizeof *seen);
	for (i = 0; i < n; i++) {
		CHECK(idx[i] < b->nq && strcmp(b->q[idx[i]].set, "prompt") == 0);
		CHECK(i == 0 || idx[i] > idx[i - 1]);
	}
	/* any n consecutive days: n different starters, so each exactly once */
	for (i = 0; i < n; i++) {
		size_t j;

		s = starter_of_day(b, category, day0 + (long)i, 12345);
		CHECK(s != NULL);
		for (j = 0; j < n && b->q[idx[j]].text != s; j++)
			;
		CHECK(j < n && seen[j] == NULL);
		seen[j] = s;
	}
	CHECK(starter_of_day(b, category, day0 + (long)n, 12345) ==
	    starter_of_day(b, category, day0, 12345));
	CHECK(starter_of_day(b, category, -1 - (long)n, 7) != NULL);
	free(seen);
	free(idx);
}

static int
has(const uint8_t *data, size_t size, const char *word)
{
	size_t i, k = strlen(word);

	for (i = 0; i + k <= size; i++)
		if (memcmp(data + i, word, k) == 0)
			return 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bank b;
	size_t i, j;

	fuzz_putfile(path, data, size);
	bank_load(&b, path);
	CHECK(b.nm > 0 && b.nq > 0);		/* the built-in bank at least */
	for (i = 0; i < b.nm; i++)
		check_measure(&b, &b.m[i]);
	for (i = 0; i < b.nq; i++) {
		const struct question *q = &b.q[i];

		CHECK(q->text != NULL && *q->text != '\0' && printable(q->text));
		CHECK(what_check(q->set, strlen(q->set)) == NULL);
		CHECK(what_check(q->what, strlen(q->what)) == NULL);
		if (strcmp(q->set, "prompt") == 0) {
			CHECK(q->m == -1);
			continue;
		}
		CHECK(q->m >= 0 && (size_t)q->m < b.nm);
		CHECK(strcmp(b.m[q->m].what, q->what) == 0);
		for (j = 0; j < i; j++)
			CHECK(strcmp(b.q[j].set, q->set) != 0 ||
			    strcmp(b.q[j].what, q->what) != 0);
	}
	/* all starters only when the input may add some: it costs */
	if (size >= 6 && has(data, size, "prompt"))
		check_starters(&b, NULL);
	check_starters(&b, "fears");
	if (b.nq > 0)
		check_starters(&b, b.q[b.nq - 1].what);
	bank_free(&b);
	return 0;
}
