/*
 * fuzz_stamp.c - libFuzzer target: time stamps, dates and numbers.
 *
 * The input goes, as it is, to stamp_parse(), date_parse() and
 * number_parse(), and up to its first NUL to when_parse() and day_parse().
 * What must hold:
 *
 * - no read past the input (it is copied to a buffer of exactly its size);
 * - an accepted stamp has a real date, 0 <= sec < 86400 and |off| < 24 h,
 *   and stamp_format() of it parses back to the same day, second, offset
 *   and kind; date_format() of an accepted YYYY-MM-DD gives the input back;
 * - when_parse() and day_parse() agree with stamp_parse() on what it takes;
 * - number_parse() takes exactly -?[0-9]{1,15}(\.[0-9]{1,9})? and gives
 *   strtod's value of it.
 */
#include <math.h>

#include "fuzz.h"

static struct stamp nowt;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* when_parse() fills a missing offset from $HEARTH_NOW's */
	setenv("HEARTH_NOW", "2026-11-26T21:04:00+01:00", 1);
	setenv("TZ", "UTC0", 1);
	if (now(&nowt) != 0)
		abort();
	return 0;
}

static void
sane(const struct stamp *t)
{
	long y;
	int m, d;

	civil_from_days(t->day, &y, &m, &d);
	CHECK(y >= 0 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	    d <= month_days(y, m));
	CHECK(days_from_civil(y, m, d) == t->day);
	CHECK(t->sec >= 0 && t->sec < 86400);
	CHECK(t->off > -24 * 60 && t->off < 24 * 60);
	CHECK(!t->zulu || t->off == 0);
	CHECK(t->hastime || (t->sec == 0 && t->off == 0 && !t->zulu));
}

static void
roundtrip(const struct stamp *t)
{
	struct stamp u;
	char buf[64], again[64];
	size_t n;

	sane(t);
	n = stamp_format(buf, t);
	CHECK(n == strlen(buf) && n == (t->hastime ? (t->zulu ? 20u : 25u) : 10u));
	CHECK(stamp_parse(buf, n, &u) == NULL);
	CHECK(u.day == t->day && u.sec == t->sec && u.off == t->off &&
	    u.hastime == t->hastime && u.zulu == t->zulu);
	stamp_format(again, &u);
	CHECK(strcmp(buf, again) == 0);
}

/* The contract's grammar for a value, with number_parse's digit limits. */
static int
number_ok(const char *s, size_t n)
{
	size_t i = 0, a, b = 0;

	if (i < n && s[i] == '-')
		i++;
	for (a = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		a++;
	if (i < n && s[i] == '.')
		for (i++, b = 0; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			b++;
	if (i != n || a == 0 || a > 15 || b > 9)
		return 0;
	if (memchr(s, '.', n) != NULL && b == 0)
		return 0;
	return 1;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct stamp t, u;
	char *s, *cs, buf[16];
	const char *why;
	double v, w;
	long day, day2;
	size_t cn;
	int took;

	s = malloc(size ? size : 1);
	memcpy(s, data, size);

	took = (why = stamp_parse(s, size, &t)) == NULL;
	if (took)
		roundtrip(&t);
	else
		CHECK(*why != '\0');

	if (date_parse(s, size, &day) == NULL) {
		CHECK(size == 10);
		date_format(buf, day);
		CHECK(memcmp(buf, s, 10) == 0);
		CHECK(took && !t.hastime && t.day == day);
	} else
		CHECK(!took || size != 10);

	if ((why = number_parse(s, size, &v)) == NULL) {
		CHECK(number_ok(s, size));
		cs = malloc(size + 1);
		memcpy(cs, s, size);
		cs[size] = '\0';
		w = strtod(cs, NULL);
		CHECK(isfinite(v) && fabs(v - w) <= 1e-9 * (fabs(w) > 1 ? fabs(w) : 1));
		CHECK(!signbit(v) || v < 0);		/* never -0 */
		free(cs);
	} else
		CHECK(!number_ok(s, size));
	free(s);

	/* the C-string parsers see the input up to its first NUL */
	cn = strnlen((const char *)data, size);
	cs = malloc(cn + 1);
	memcpy(cs, data, cn);
	cs[cn] = '\0';
	if (when_parse(cs, &nowt, &u) == NULL) {
		CHECK(u.hastime);
		roundtrip(&u);
		if (stamp_parse(cs, cn, &t) == NULL && t.hastime)
			CHECK(u.day == t.day && u.sec == t.sec && u.off == t.off);
		if (strcmp(cs, "today") == 0 || strcmp(cs, "yesterday") == 0)
			CHECK(u.day == nowt.day - (cs[0] == 'y') && u.sec == nowt.sec);
		else if (cn == 10)
			CHECK(u.sec == 12 * 3600 && u.off == nowt.off);
	} else	/* a reader takes the year 0000, a writer never writes it */
		CHECK(stamp_parse(cs, cn, &t) != NULL || (cn >= 4 && memcmp(cs, "0000", 4) == 0));
	if (day_parse(cs, nowt.day, &day2) == NULL) {
		if (stamp_parse(cs, cn, &t) == NULL)
			CHECK(day2 == t.day);
		else
			CHECK(strcmp(cs, "today") == 0 || strcmp(cs, "yesterday") == 0);
	} else
		CHECK(stamp_parse(cs, cn, &t) != NULL);
	free(cs);
	return 0;
}
