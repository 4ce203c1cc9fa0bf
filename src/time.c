/*
 * time.c - time stamps as people write them.
 *
 * A record's day is the date written in its stamp: the day the writer
 * lived, whatever their offset.  Day numbers count from 1970-01-01 in the
 * proleptic Gregorian calendar, so date arithmetic is plain subtraction and
 * no time zone database is consulted for anything but the clock.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "hearth.h"

/* Howard Hinnant's days_from_civil, exact for every Gregorian date. */
long
days_from_civil(long y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

void
civil_from_days(long z, long *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

int
weekday(long day)
{
	long w = (day + 3) % 7;		/* 1970-01-01 was a Thursday */

	return (int)(w < 0 ? w + 7 : w);
}

int
month_days(long y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return n[m - 1];
}

static int
digits(const char *s, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static const char *
ymd(const char *s, size_t n, long *day)
{
	int y, m, d;

	if (n < 10 || s[4] != '-' || s[7] != '-' ||
	    (y = digits(s, 4)) < 0 || (m = digits(s + 5, 2)) < 0 ||
	    (d = digits(s + 8, 2)) < 0)
		return "not a date like 2026-11-26";
	if (m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return "no such date";
	*day = days_from_civil(y, m, d);
	return NULL;
}

/* hh:mm with optional :ss and fraction; *len gets the bytes used. */
static const char *
hms(const char *s, size_t n, int secs_optional, int *sec, size_t *len)
{
	int h, mi, se = 0;
	size_t i = 5;

	if (n < 5 || s[2] != ':' || (h = digits(s, 2)) < 0 ||
	    (mi = digits(s + 3, 2)) < 0)
		return "not a time of day like 21:04:00";
	if (n >= 8 && s[5] == ':') {
		if ((se = digits(s + 6, 2)) < 0)
			return "not a time of day like 21:04:00";
		i = 8;
		if (i < n && s[i] == '.') {
			if (++i >= n || s[i] < '0' || s[i] > '9')
				return "bad fraction of a second";
			while (i < n && s[i] >= '0' && s[i] <= '9')
				i++;
		}
	} else if (!secs_optional)
		return "not a time of day like 21:04:00";
	if (h > 23 || mi > 59 || se > 59)
		return "no such time of day";
	*sec = h * 3600 + mi * 60 + se;
	*len = i;
	return NULL;
}

static const char *
offset(const char *s, size_t n, struct stamp *t)
{
	int h, m;

	t->zulu = 0;
	t->off = 0;
	if (n == 1 && (s[0] == 'Z' || s[0] == 'z')) {
		t->zulu = 1;
		return NULL;
	}
	if (n != 6 || (s[0] != '+' && s[0] != '-') || s[3] != ':' ||
	    (h = digits(s + 1, 2)) < 0 || (m = digits(s + 4, 2)) < 0)
		return "want an offset like +01:00 or Z";
	if (h > 23 || m > 59)
		return "no such offset";
	t->off = (h * 60 + m) * (s[0] == '-' ? -1 : 1);
	return NULL;
}

static const char *
parse(const char *s, size_t n, struct stamp *t, int lax)
{
	const char *why;
	size_t used;

	memset(t, 0, sizeof *t);
	if ((why = ymd(s, n, &t->day)) != NULL)
		return why;
	if (n == 10)
		return NULL;
	if (s[10] != 'T' && s[10] != 't')
		return "want a date like 2026-11-26 or a time like 2026-11-26T21:04:00+01:00";
	if ((why = hms(s + 11, n - 11, lax, &t->sec, &used)) != NULL)
		return why;
	t->hastime = 1;
	if (lax && 11 + used == n) {
		t->off = 0x7fff;	/* no offset: the caller supplies the local one */
		return NULL;
	}
	return offset(s + 11 + used, n - 11 - used, t);
}

const char *
stamp_parse(const char *s, size_t n, struct stamp *t)
{
	return parse(s, n, t, 0);
}

const char *
date_parse(const char *s, size_t n, long *day)
{
	if (n != 10)
		return "not a date like 2026-11-26";
	return ymd(s, n, day);
}

/* Seconds between local time and UTC at the local time y-m-d h:mi:s. */
static int
local_offset(time_t t)
{
	struct tm lt, ut;
	long l, u;

	if (localtime_r(&t, &lt) == NULL || gmtime_r(&t, &ut) == NULL)
		return 0;
	l = days_from_civil(lt.tm_year + 1900L, lt.tm_mon + 1, lt.tm_mday) * 86400L +
	    lt.tm_hour * 3600L + lt.tm_min * 60L + lt.tm_sec;
	u = days_from_civil(ut.tm_year + 1900L, ut.tm_mon + 1, ut.tm_mday) * 86400L +
	    ut.tm_hour * 3600L + ut.tm_min * 60L + ut.tm_sec;
	return (int)((l - u) / 60);
}

/* The offset for a stamp written without one: $HEARTH_NOW's, else the zone's. */
static void
fill_offset(struct stamp *t, const struct stamp *now)
{
	struct tm tm;
	long y;
	int m, d;
	time_t when;
	const char *fixed = getenv("HEARTH_NOW");

	if (fixed != NULL && *fixed != '\0') {
		t->off = now->off;
		t->zulu = now->zulu;
		return;
	}
	civil_from_days(t->day, &y, &m, &d);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = (int)(y - 1900);
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = t->sec / 3600;
	tm.tm_min = t->sec / 60 % 60;
	tm.tm_sec = t->sec % 60;
	tm.tm_isdst = -1;
	when = mktime(&tm);
	t->off = when == (time_t)-1 ? 0 : local_offset(when);
	t->zulu = 0;
}

const char *
when_parse(const char *s, const struct stamp *now, struct stamp *t)
{
	const char *why;
	size_t n = strlen(s);

	if (strcmp(s, "today") == 0 || strcmp(s, "yesterday") == 0) {
		*t = *now;
		t->day -= s[0] == 'y';
	} else if ((why = parse(s, n, t, 1)) != NULL)
		return why;
	else if (!t->hastime) {
		t->hastime = 1;
		t->sec = 12 * 3600;
		fill_offset(t, now);
	} else if (t->off == 0x7fff)
		fill_offset(t, now);
	/* a stamp has four digits of year, and year 0 is not a date people write */
	if (t->day < days_from_civil(1, 1, 1) || t->day > days_from_civil(9999, 12, 31))
		return "a journal holds the years 0001 to 9999 only";
	return NULL;
}

const char *
day_parse(const char *s, long today, long *day)
{
	struct stamp t;
	const char *why;

	if (strcmp(s, "today") == 0) {
		*day = today;
		return NULL;
	}
	if (strcmp(s, "yesterday") == 0) {
		*day = today - 1;
		return NULL;
	}
	if ((why = stamp_parse(s, strlen(s), &t)) != NULL)
		return why;
	*day = t.day;
	return NULL;
}

int
now(struct stamp *t)
{
	const char *e = getenv("HEARTH_NOW"), *why;
	struct tm lt;
	time_t c;

	if (e != NULL && *e != '\0') {
		if ((why = stamp_parse(e, strlen(e), t)) != NULL) {
			warnx_("HEARTH_NOW=\"%s\": %s", vis(e, strlen(e)), why);
			return -1;
		}
		if (!t->hastime) {
			warnx_("HEARTH_NOW=\"%s\": want a time like 2026-11-26T21:04:00+01:00",
			    vis(e, strlen(e)));
			return -1;
		}
		return 0;
	}
	c = time(NULL);
	if (localtime_r(&c, &lt) == NULL) {
		warnx_("cannot read the clock");
		return -1;
	}
	memset(t, 0, sizeof *t);
	t->day = days_from_civil(lt.tm_year + 1900L, lt.tm_mon + 1, lt.tm_mday);
	t->sec = lt.tm_hour * 3600 + lt.tm_min * 60 + (lt.tm_sec > 59 ? 59 : lt.tm_sec);
	t->hastime = 1;
	t->off = local_offset(c);
	return 0;
}

static char *
put2(char *p, int v)
{
	*p++ = (char)('0' + v / 10 % 10);
	*p++ = (char)('0' + v % 10);
	return p;
}

void
date_format(char *buf, long day)
{
	long y;
	int m, d;
	char *p = buf;

	civil_from_days(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = y < 0 ? 0 : 9999;
	p = put2(p, (int)(y / 100));
	p = put2(p, (int)(y % 100));
	*p++ = '-';
	p = put2(p, m);
	*p++ = '-';
	p = put2(p, d);
	*p = '\0';
}

size_t
stamp_format(char *buf, const struct stamp *t)
{
	char *p;
	int off = t->off < 0 ? -t->off : t->off;

	date_format(buf, t->day);
	p = buf + 10;
	if (!t->hastime)
		return 10;
	*p++ = 'T';
	p = put2(p, t->sec / 3600);
	*p++ = ':';
	p = put2(p, t->sec / 60 % 60);
	*p++ = ':';
	p = put2(p, t->sec % 60);
	if (t->zulu)
		*p++ = 'Z';
	else {
		*p++ = t->off < 0 ? '-' : '+';
		p = put2(p, off / 60);
		*p++ = ':';
		p = put2(p, off % 60);
	}
	*p = '\0';
	return (size_t)(p - buf);
}
