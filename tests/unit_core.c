/*
 * unit_core.c - the shared core (util.c, time.c, journal.c, bank.c)
 * against the man pages and the comments in src/hearth.h.
 *
 * Every expected value was worked out by hand or by an independent
 * computation here (a day-by-day Gregorian walk for the calendar, known
 * weekdays of known dates), never copied from what the code returns.
 * Messages the core prints are captured from fd 2 and checked, so the
 * output stays TAP lines only.  Bank tests run in child processes, each
 * loading a bank once (unless loading twice is the point), so a crash in
 * the core is one failing check instead of the end of the run.
 *
 * Observed and kept: RFC 3339's "-00:00" is read as offset 0 and written
 * back as "+00:00"; fractions of a second are dropped, not rounded.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hearth.h"
#include "unit.h"

#define D20261126	20783L	/* 56*365 + 14 leap days to 2026-01-01, + 329 */
#define D20261120	20777L
#define D20000301	11017L	/* 30*365 + 7 to 2000-01-01, + 31 + 29 */
#define D19000101	(-25567L)	/* 70*365 + 17 leap days back */
#define D24001231	157419L	/* 431*365 + 105 leap days to 2401-01-01, - 1 */
#define D20240229	19782L	/* 54*365 + 13 to 2024-01-01, + 31 + 28 */

static char tmpdir[256];
static char name[512];

/* ---- helpers ---- */

static char *
path(const char *file)
{
	static char p[4][512];
	static int k;

	k = (k + 1) % 4;
	snprintf(p[k], sizeof p[k], "%s/%s", tmpdir, file);
	return p[k];
}

static void
writefile(const char *file, const char *data, size_t n)
{
	int fd = open(file, O_WRONLY | O_CREAT | O_TRUNC, 0600);

	if (fd < 0 || write(fd, data, n) != (ssize_t)n) {
		perror(file);
		exit(2);
	}
	close(fd);
}

static void
writestr(const char *file, const char *data)
{
	writefile(file, data, strlen(data));
}

/* Capture what the core writes on fd 2 between cap_begin and cap_end. */
static int savedfd = -1;
static char capbuf[1 << 16];

static void
cap_begin(void)
{
	int fd;

	fflush(stderr);
	savedfd = dup(2);
	fd = open(path("stderr"), O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (savedfd < 0 || fd < 0) {
		perror("capture");
		exit(2);
	}
	dup2(fd, 2);
	close(fd);
}

static const char *
cap_end(void)
{
	int fd;
	ssize_t n;

	fflush(stderr);
	dup2(savedfd, 2);
	close(savedfd);
	fd = open(path("stderr"), O_RDONLY);
	n = fd < 0 ? 0 : read(fd, capbuf, sizeof capbuf - 1);
	capbuf[n > 0 ? n : 0] = '\0';
	if (fd >= 0)
		close(fd);
	return capbuf;
}

static int
count_lines(const char *s)
{
	int n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* No control character or DEL in s: safe for a terminal. */
static int
clean(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/* Lines of messages: no control character but their newlines. */
static int
clean_lines(const char *s)
{
	for (; *s; s++)
		if (((unsigned char)*s < 0x20 && *s != '\n') || *s == 0x7f)
			return 0;
	return 1;
}

/*
 * Run fn in a child process, so that a crash in the core is one failing
 * check and not the end of the run (and so that each child loads a bank
 * at most once unless the test is about loading twice).
 */
static void
in_child(void (*fn)(void *), void *arg, const char *what)
{
	pid_t pid;
	int status = 0;

	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) < 0) {
		perror("fork");
		exit(2);
	}
	if (pid == 0) {
		unit_failed = 0;
		fn(arg);
		fflush(stdout);
		_exit(unit_failed ? 3 : 0);
	}
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status)) {
		snprintf(name, sizeof name, "%s: the test process died of signal %d", what, WTERMSIG(status));
		CHECK(0, name);
	} else if (WEXITSTATUS(status) == 3)
		unit_failed = 1;		/* its failures are printed */
	else if (WEXITSTATUS(status) != 0) {
		snprintf(name, sizeof name, "%s: the test process exited with status %d", what, WEXITSTATUS(status));
		CHECK(0, name);
	}
}

/* ---- time.c ---- */

static int
leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static void
test_calendar(void)
{
	static const int mlen[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	long y = 1900, yy, day = D19000101, bad = 0, badw = 0;
	int m = 1, d = 1, mm, dd, w = 0;	/* 1900-01-01 was a Monday */

	/* walk every day from 1900-01-01 to 2400-12-31 */
	for (;;) {
		if (days_from_civil(y, m, d) != day)
			bad++;
		civil_from_days(day, &yy, &mm, &dd);
		if (yy != y || mm != m || dd != d)
			bad++;
		if (weekday(day) != w)
			badw++;
		if (y == 2400 && m == 12 && d == 31)
			break;
		day++;
		w = (w + 1) % 7;
		if (++d > (m == 2 && leap(y) ? 29 : mlen[m - 1])) {
			d = 1;
			if (++m > 12) {
				m = 1;
				y++;
			}
		}
	}
	CHECK(bad == 0, "days_from_civil and civil_from_days agree with a day-by-day walk 1900-01-01..2400-12-31");
	CHECK(badw == 0, "weekday agrees with the walk every day 1900..2400");
	CHECK(day == D24001231, "the walk ends on day 157419 (2400-12-31)");

	CHECK(days_from_civil(1970, 1, 1) == 0, "1970-01-01 is day 0");
	CHECK(days_from_civil(1969, 12, 31) == -1, "1969-12-31 is day -1");
	CHECK(days_from_civil(2000, 3, 1) == D20000301, "2000-03-01 is day 11017");
	CHECK(days_from_civil(2026, 11, 26) == D20261126, "2026-11-26 is day 20783");
	CHECK(days_from_civil(2024, 2, 29) == D20240229, "2024-02-29 is day 19782");
	CHECK(days_from_civil(1900, 1, 1) == D19000101, "1900-01-01 is day -25567");
	CHECK(days_from_civil(2400, 12, 31) == D24001231, "2400-12-31 is day 157419");
	civil_from_days(D20261126, &yy, &mm, &dd);
	CHECK(yy == 2026 && mm == 11 && dd == 26, "civil_from_days(20783) is 2026-11-26");
	civil_from_days(-1, &yy, &mm, &dd);
	CHECK(yy == 1969 && mm == 12 && dd == 31, "civil_from_days(-1) is 1969-12-31");

	CHECK(weekday(0) == 3, "1970-01-01 was a Thursday");
	CHECK(weekday(D20261126) == 3, "2026-11-26 is a Thursday");
	CHECK(weekday(D20000301) == 2, "2000-03-01 was a Wednesday");
	CHECK(weekday(D19000101) == 0, "1900-01-01 was a Monday");
	CHECK(weekday(-4) == 6, "1969-12-28 was a Sunday");
	CHECK(weekday(-1) == 2, "1969-12-31 was a Wednesday");

	CHECK(month_days(1900, 2) == 28, "February 1900 has 28 days");
	CHECK(month_days(2000, 2) == 29, "February 2000 has 29 days");
	CHECK(month_days(2024, 2) == 29, "February 2024 has 29 days");
	CHECK(month_days(2100, 2) == 28, "February 2100 has 28 days");
	CHECK(month_days(2026, 2) == 28, "February 2026 has 28 days");
	CHECK(month_days(2026, 4) == 30, "April has 30 days");
	CHECK(month_days(2026, 12) == 31, "December has 31 days");
	CHECK(month_days(2026, 1) == 31, "January has 31 days");
}

static void
stamp_ok(const char *s, long day, int sec, int off, int zulu, int hastime)
{
	struct stamp t;
	const char *why = stamp_parse(s, strlen(s), &t);

	snprintf(name, sizeof name, "stamp_parse accepts %s", s);
	CHECK(why == NULL, name);
	if (why != NULL)
		return;
	snprintf(name, sizeof name, "stamp_parse %s: day %ld, sec %d, off %d, zulu %d, hastime %d",
	    s, day, sec, off, zulu, hastime);
	CHECK(t.day == day && t.sec == sec && t.off == off && t.zulu == zulu &&
	    t.hastime == hastime, name);
}

static void
stamp_bad(const char *s, size_t n)
{
	struct stamp t;
	const char *why = stamp_parse(s, n, &t);

	snprintf(name, sizeof name, "stamp_parse rejects \"%s\" with a reason", vis(s, n));
	CHECK(why != NULL && *why != '\0', name);
}

static void
format_is(const char *in, const char *want)
{
	struct stamp t;
	char buf[64];
	size_t n = 0;

	memset(buf, 'X', sizeof buf);
	if (stamp_parse(in, strlen(in), &t) == NULL)
		n = stamp_format(buf, &t);
	else
		strcpy(buf, "(rejected)");
	snprintf(name, sizeof name, "stamp_format(stamp_parse(%s)) is %s", in, want);
	CHECK_STR(buf, want, name);
	snprintf(name, sizeof name, "stamp_format of %s returns its length %zu", in, strlen(want));
	CHECK(n == strlen(want), name);
}

static void
test_stamps(void)
{
	long day;
	int t2104 = 21 * 3600 + 4 * 60;
	char buf[32];
	struct stamp t;

	stamp_ok("2026-11-26T21:04:00+01:00", D20261126, t2104, 60, 0, 1);
	stamp_ok("2026-11-26T21:04:00Z", D20261126, t2104, 0, 1, 1);
	stamp_ok("2026-11-26t21:04:00z", D20261126, t2104, 0, 1, 1);
	stamp_ok("2026-11-26t21:04:00+01:00", D20261126, t2104, 60, 0, 1);
	stamp_ok("2026-11-26T21:04:00.5+01:00", D20261126, t2104, 60, 0, 1);
	stamp_ok("2026-11-26T21:04:00.999999Z", D20261126, t2104, 0, 1, 1);
	stamp_ok("2026-11-26T21:04:00-05:30", D20261126, t2104, -330, 0, 1);
	stamp_ok("2026-11-26T21:04:00+00:00", D20261126, t2104, 0, 0, 1);
	stamp_ok("2026-11-26T21:04:00+23:59", D20261126, t2104, 23 * 60 + 59, 0, 1);
	stamp_ok("2026-11-26T00:00:00Z", D20261126, 0, 0, 1, 1);
	stamp_ok("2026-11-26T23:59:59Z", D20261126, 86399, 0, 1, 1);
	stamp_ok("2026-11-26", D20261126, 0, 0, 0, 0);
	stamp_ok("2024-02-29", D20240229, 0, 0, 0, 0);
	stamp_ok("1970-01-01T00:00:00Z", 0, 0, 0, 1, 1);
	/* the day is the written date, whatever the offset */
	stamp_ok("2026-11-26T23:30:00-05:00", D20261126, 23 * 3600 + 1800, -300, 0, 1);
	stamp_ok("2026-11-26T00:30:00+14:00", D20261126, 1800, 14 * 60, 0, 1);

	stamp_bad("2026-02-30", 10);
	stamp_bad("2026-02-29", 10);
	stamp_bad("2100-02-29", 10);
	stamp_bad("2026-13-01", 10);
	stamp_bad("2026-00-10", 10);
	stamp_bad("2026-11-00", 10);
	stamp_bad("2026-11-31", 10);
	stamp_bad("2026-11-26T24:00:00Z", 20);
	stamp_bad("2026-11-26T23:60:00Z", 20);
	stamp_bad("2026-11-26T23:59:60Z", 20);
	stamp_bad("2026-11-26T21:04:00+25:00", 25);
	stamp_bad("2026-11-26T21:04:00+24:00", 25);
	stamp_bad("2026-11-26T21:04:00+01:60", 25);
	stamp_bad("2026-11-26T21:04:00+0100", 24);
	stamp_bad("2026-11-26T21:04:0001:00", 24);
	stamp_bad("2026-11-26T21:04:00 01:00", 25);
	stamp_bad("2026-11-26T21:04:00+1:00", 24);
	stamp_bad("2026-11-26T21:04:00", 19);
	stamp_bad("2026-11-26T21:04+01:00", 22);
	stamp_bad("2026-11-26T21:04:00+01:00x", 26);
	stamp_bad("2026-11-26T21:04:00Zx", 21);
	stamp_bad("2026-11-26T21:04:00ZZ", 21);
	stamp_bad("2026-11-26x", 11);
	stamp_bad("2026-11-26 ", 11);
	stamp_bad("2026-11-26 21:04:00+01:00", 25);
	stamp_bad("2026-11-26T", 11);
	stamp_bad("", 0);
	stamp_bad("2026-1-1", 8);
	stamp_bad("2026-01-1", 9);
	stamp_bad("26-11-26", 8);
	stamp_bad("+2026-11-26", 11);
	stamp_bad("2026/11/26", 10);
	stamp_bad("2026-11-26T21:04:00.+01:00", 26);
	stamp_bad("2026-11-26T21:04:00.Z", 21);
	stamp_bad("2026-11-26T21:04:00.", 20);
	stamp_bad("2026-11-26T2a:04:00Z", 20);
	stamp_bad("2026-11-26T21:4:00Z", 19);
	stamp_bad(" 2026-11-26", 11);
	stamp_bad("2026-11-26T21:04:00+01:00\n", 26);

	/* n is respected: the bytes after it are not looked at */
	CHECK(stamp_parse("2026-11-26T21:04:00Zjunk", 20, &t) == NULL && t.zulu,
	    "stamp_parse reads only n bytes");
	CHECK(stamp_parse("2026-11-26junk", 10, &t) == NULL && !t.hastime && t.day == D20261126,
	    "stamp_parse of a date prefix of n = 10 bytes");

	format_is("2026-11-26T21:04:00+01:00", "2026-11-26T21:04:00+01:00");
	format_is("2026-11-26T21:04:00Z", "2026-11-26T21:04:00Z");
	format_is("2026-11-26t21:04:00z", "2026-11-26T21:04:00Z");
	format_is("2026-11-26T21:04:00-05:30", "2026-11-26T21:04:00-05:30");
	format_is("2026-11-26T21:04:00.75+01:00", "2026-11-26T21:04:00+01:00");
	format_is("2026-11-26T23:30:00-05:00", "2026-11-26T23:30:00-05:00");
	format_is("2026-11-26T00:00:00+00:00", "2026-11-26T00:00:00+00:00");
	format_is("2026-11-26T09:08:07+14:00", "2026-11-26T09:08:07+14:00");
	format_is("2026-11-26", "2026-11-26");
	/* RFC 3339's -00:00 (offset unknown) keeps no sign of its own: it is
	 * read as offset 0 and written back as +00:00 */
	format_is("2026-11-26T21:04:00-00:00", "2026-11-26T21:04:00+00:00");

	date_format(buf, D20261126);
	CHECK_STR(buf, "2026-11-26", "date_format(20783)");
	date_format(buf, 0);
	CHECK_STR(buf, "1970-01-01", "date_format(0)");
	date_format(buf, -1);
	CHECK_STR(buf, "1969-12-31", "date_format(-1)");
	date_format(buf, D19000101);
	CHECK_STR(buf, "1900-01-01", "date_format(-25567)");
	date_format(buf, D24001231);
	CHECK_STR(buf, "2400-12-31", "date_format(157419)");
	date_format(buf, D20240229);
	CHECK_STR(buf, "2024-02-29", "date_format(19782)");

	CHECK(date_parse("2026-11-26", 10, &day) == NULL && day == D20261126, "date_parse 2026-11-26");
	CHECK(date_parse("2026-11-26T21:04:00Z", 20, &day) != NULL, "date_parse refuses a time");
	CHECK(date_parse("2026-02-29", 10, &day) != NULL, "date_parse refuses 2026-02-29");
	CHECK(date_parse("2026-11-2", 9, &day) != NULL, "date_parse refuses 2026-11-2");
	CHECK(date_parse("", 0, &day) != NULL, "date_parse refuses empty");
}

static void
when_ok(const char *s, const struct stamp *nw, const char *want)
{
	struct stamp t;
	char buf[64];
	const char *why = when_parse(s, nw, &t);

	if (why == NULL)
		stamp_format(buf, &t);
	else
		snprintf(buf, sizeof buf, "(rejected: %s)", why);
	snprintf(name, sizeof name, "when_parse(%s) is %s", s, want);
	CHECK_STR(buf, want, name);
	if (why == NULL) {
		snprintf(name, sizeof name, "when_parse(%s) has a time", s);
		CHECK(t.hastime == 1, name);
	}
}

static void
when_bad(const char *s, const struct stamp *nw)
{
	struct stamp t;
	const char *why = when_parse(s, nw, &t);

	snprintf(name, sizeof name, "when_parse rejects \"%s\"", s);
	CHECK(why != NULL && *why != '\0', name);
}

static void
test_when(void)
{
	struct stamp nw, t;
	long day;
	const char *e;

	setenv("HEARTH_NOW", "2026-11-26T21:04:00+01:00", 1);
	CHECK(now(&nw) == 0, "now() reads HEARTH_NOW");
	CHECK(nw.day == D20261126 && nw.sec == 21 * 3600 + 240 && nw.off == 60 &&
	    nw.hastime && !nw.zulu, "now() is HEARTH_NOW as written");

	when_ok("today", &nw, "2026-11-26T21:04:00+01:00");
	when_ok("yesterday", &nw, "2026-11-25T21:04:00+01:00");
	when_ok("2026-11-20", &nw, "2026-11-20T12:00:00+01:00");
	when_ok("2026-11-20T08:15+01:00", &nw, "2026-11-20T08:15:00+01:00");
	when_ok("2026-11-20T08:15:30+01:00", &nw, "2026-11-20T08:15:30+01:00");
	when_ok("2026-11-20T08:15:30-05:30", &nw, "2026-11-20T08:15:30-05:30");
	when_ok("2026-11-20T08:15Z", &nw, "2026-11-20T08:15:00Z");
	when_ok("2026-11-20T08:15", &nw, "2026-11-20T08:15:00+01:00");
	when_ok("2026-11-20T08:15:30", &nw, "2026-11-20T08:15:30+01:00");
	when_ok("2026-11-20T08:15:30.5Z", &nw, "2026-11-20T08:15:30Z");
	when_ok("2026-03-01", &nw, "2026-03-01T12:00:00+01:00");
	CHECK(when_parse("2026-11-20", &nw, &t) == NULL && t.day == D20261120 &&
	    t.sec == 43200 && t.off == 60, "when_parse 2026-11-20: day 20777, noon, +60");

	when_bad("tomorrow", &nw);
	when_bad("", &nw);
	when_bad("2026-11-31", &nw);
	when_bad("2026-11-20T08", &nw);
	when_bad("2026-11-20T", &nw);
	when_bad("2026-11-20 08:15", &nw);
	when_bad("2026-11-20T8:15", &nw);
	when_bad("2026-11-20T08:60", &nw);
	when_bad("2026-11-20T24:00", &nw);
	when_bad("2026-11-20T08:15+0100", &nw);
	when_bad("2026-11-20T08:15:00+01:00 ", &nw);
	when_bad("today ", &nw);
	when_bad("20261120", &nw);

	/* a Z now: a date alone takes its offset, Z */
	setenv("HEARTH_NOW", "2026-11-26T21:04:00Z", 1);
	CHECK(now(&nw) == 0, "now() reads a Z HEARTH_NOW");
	when_ok("2026-11-20", &nw, "2026-11-20T12:00:00Z");
	when_ok("yesterday", &nw, "2026-11-25T21:04:00Z");

	/* without HEARTH_NOW, a stamp without an offset takes the zone's at that time */
	unsetenv("HEARTH_NOW");
	setenv("TZ", "AAA-1BBB,M3.5.0,M10.5.0/3", 1);	/* CET-like, no tz database needed */
	tzset();
	CHECK(now(&nw) == 0, "now() reads the clock");
	when_ok("2026-07-01", &nw, "2026-07-01T12:00:00+02:00");
	when_ok("2026-01-10", &nw, "2026-01-10T12:00:00+01:00");
	when_ok("2026-07-01T08:15", &nw, "2026-07-01T08:15:00+02:00");
	setenv("TZ", "XXX+5", 1);		/* five hours west */
	tzset();
	when_ok("2026-01-10T23:00", &nw, "2026-01-10T23:00:00-05:00");
	setenv("TZ", "UTC0", 1);
	tzset();
	when_ok("2026-01-10", &nw, "2026-01-10T12:00:00+00:00");

	/* now() from the clock */
	{
		long before = (long)(time(NULL) / 86400), after;
		int r = now(&nw);

		after = (long)(time(NULL) / 86400);
		CHECK(r == 0 && (nw.day == before || nw.day == after) && nw.off == 0 &&
		    nw.hastime && !nw.zulu && nw.sec >= 0 && nw.sec < 86400,
		    "now() from the clock in UTC0: today, offset 0");
		setenv("TZ", "XXX-2", 1);
		tzset();
		CHECK(now(&nw) == 0 && nw.off == 120, "now() from the clock in XXX-2: offset +02:00");
		setenv("TZ", "UTC0", 1);
		tzset();
	}

	/* a bad HEARTH_NOW */
	setenv("HEARTH_NOW", "2026-11-26T25:00:00+01:00", 1);
	cap_begin();
	CHECK(now(&nw) == -1, "now() with HEARTH_NOW at 25:00 returns -1");
	e = cap_end();
	CHECK(strstr(e, "unit_core: HEARTH_NOW=\"2026-11-26T25:00:00+01:00\": ") == e,
	    "a bad HEARTH_NOW is named in its message");
	setenv("HEARTH_NOW", "soon", 1);
	cap_begin();
	CHECK(now(&nw) == -1, "now() with HEARTH_NOW=soon returns -1");
	e = cap_end();
	CHECK(*e != '\0', "now() with a bad HEARTH_NOW says so");
	setenv("HEARTH_NOW", "2026-11-26T21:04:00", 1);
	cap_begin();
	CHECK(now(&nw) == -1, "now() with HEARTH_NOW lacking an offset returns -1");
	cap_end();
	setenv("HEARTH_NOW", "2026-11-26T21:04:00+01:00\033[2J", 1);
	cap_begin();
	CHECK(now(&nw) == -1, "now() with junk after HEARTH_NOW returns -1");
	e = cap_end();
	CHECK(strchr(e, '\033') == NULL && strstr(e, "\\x1b[2J") != NULL,
	    "a bad HEARTH_NOW is shown escaped");
	setenv("HEARTH_NOW", "2026-11-26T21:04:00+01:00", 1);

	/* day_parse */
	CHECK(day_parse("today", D20261126, &day) == NULL && day == D20261126, "day_parse today");
	CHECK(day_parse("yesterday", D20261126, &day) == NULL && day == D20261126 - 1,
	    "day_parse yesterday");
	CHECK(day_parse("2026-11-20", D20261126, &day) == NULL && day == D20261120,
	    "day_parse 2026-11-20");
	CHECK(day_parse("2026-11-26T23:30:00-05:00", 0, &day) == NULL && day == D20261126,
	    "day_parse of an RFC 3339 time is its written date");
	CHECK(day_parse("2026-11-26T00:30:00+14:00", 0, &day) == NULL && day == D20261126,
	    "day_parse of +14:00 is its written date");
	CHECK(day_parse("tomorrow", D20261126, &day) != NULL, "day_parse rejects tomorrow");
	CHECK(day_parse("2026-11-31", D20261126, &day) != NULL, "day_parse rejects 2026-11-31");
	CHECK(day_parse("", D20261126, &day) != NULL, "day_parse rejects empty");
	CHECK(day_parse("26-11-2026", D20261126, &day) != NULL, "day_parse rejects 26-11-2026");
}

/* ---- journal.c: records and fields ---- */

static char *recbuf;

/* record_parse of n bytes copied into a buffer with room for a NUL */
static const char *
rp(const char *s, size_t n, struct record *r)
{
	free(recbuf);
	recbuf = xmalloc(n + 1);
	memcpy(recbuf, s, n);
	recbuf[n] = '\0';
	return record_parse(recbuf, n, r);
}

static const char *
rps(const char *s, struct record *r)
{
	return rp(s, strlen(s), r);
}

static void
rec_bad(const char *s, size_t n, const char *what)
{
	struct record r;
	const char *why = rp(s, n, &r);

	snprintf(name, sizeof name, "record_parse rejects %s", what);
	CHECK(why != NULL && *why != '\0', name);
	if (why != NULL) {
		snprintf(name, sizeof name, "the reason for %s is terminal-safe", what);
		CHECK(clean(why), name);
	}
}

static void
rec_bads(const char *s, const char *what)
{
	rec_bad(s, strlen(s), what);
}

#define T0	"2026-11-26T21:04:00+01:00\t"

static void
who_rec(const char *who, size_t n, int good, const char *what)
{
	char line[512];
	size_t k = 0;
	struct record r;
	const char *why;

	memcpy(line, T0, strlen(T0));
	k = strlen(T0);
	memcpy(line + k, who, n);
	k += n;
	memcpy(line + k, "\topen\t4", 7);
	k += 7;
	why = rp(line, k, &r);
	snprintf(name, sizeof name, "record_parse %s a name %s", good ? "accepts" : "rejects", what);
	CHECK(good ? why == NULL : why != NULL, name);
	if (good && why == NULL) {
		snprintf(name, sizeof name, "the name %s is kept whole", what);
		CHECK(r.wholen == n && memcmp(r.who, who, n) == 0 && r.who[n] == '\0', name);
	}
	if (!good && why != NULL) {
		snprintf(name, sizeof name, "the reason for a name %s is terminal-safe", what);
		CHECK(clean(why), name);
	}
}

static void
what_rec(const char *what, int good)
{
	char line[512];
	struct record r;
	const char *why;

	snprintf(line, sizeof line, T0 "alex\t%s\t4\t", what);
	why = rps(line, &r);
	snprintf(name, sizeof name, "record_parse %s the measure \"%s\"", good ? "accepts" : "rejects", what);
	CHECK(good ? why == NULL : why != NULL, name);
}

static void
num_rec(const char *value, int good, double want)
{
	char line[512];
	struct record r;
	const char *why;

	snprintf(line, sizeof line, T0 "alex\topen\t%s", value);
	why = rps(line, &r);
	snprintf(name, sizeof name, "record_parse %s the value \"%s\"", good ? "accepts" : "rejects", value);
	CHECK(good ? why == NULL : why != NULL, name);
	if (good && why == NULL) {
		snprintf(name, sizeof name, "the value \"%s\" reads as %.17g", value, want);
		CHECK_NEAR(r.v, want, fabs(want) * 1e-15, name);
		snprintf(name, sizeof name, "the value field \"%s\" is kept as written", value);
		CHECK_STR(r.value, value, name);
	}
}

static void
note_rec(const char *note, size_t n, int good, const char *what)
{
	char line[512];
	size_t k;
	struct record r;
	const char *why;

	k = strlen(T0 "alex\topen\t4\t");
	memcpy(line, T0 "alex\topen\t4\t", k);
	memcpy(line + k, note, n);
	why = rp(line, k + n, &r);
	snprintf(name, sizeof name, "record_parse %s a note %s", good ? "accepts" : "rejects", what);
	CHECK(good ? why == NULL : why != NULL, name);
	if (good && why == NULL) {
		snprintf(name, sizeof name, "the note %s is kept as written", what);
		CHECK(r.notelen == n && memcmp(r.note, note, n) == 0 && r.note[n] == '\0', name);
	}
	if (!good && why != NULL) {
		snprintf(name, sizeof name, "the reason for a note %s is terminal-safe", what);
		CHECK(clean(why), name);
	}
}

static void
test_records(void)
{
	struct record r;
	const char *why;
	char big[200];
	char line[512];

	why = rps("2026-11-26T21:04:00+01:00\talex\topen\t4\ta quiet evening", &r);
	CHECK(why == NULL, "record_parse accepts a five-field record");
	if (why == NULL) {
		CHECK(r.nfields == 5, "five fields counted");
		CHECK_STR(r.time, "2026-11-26T21:04:00+01:00", "time field");
		CHECK_STR(r.who, "alex", "who field");
		CHECK(r.wholen == 4, "who length");
		CHECK_STR(r.what, "open", "what field");
		CHECK(r.whatlen == 4, "what length");
		CHECK_STR(r.value, "4", "value field");
		CHECK_NEAR(r.v, 4, 0, "value read as 4");
		CHECK_STR(r.note, "a quiet evening", "note field");
		CHECK(r.notelen == 15, "note length");
		CHECK(r.t.day == D20261126 && r.t.sec == 21 * 3600 + 240 && r.t.off == 60,
		    "the record's stamp is parsed");
	}
	why = rps("2026-11-26T21:04:00+01:00\tsmiths/sam\ttalk_min\t35", &r);
	CHECK(why == NULL, "record_parse accepts a four-field record");
	if (why == NULL) {
		CHECK(r.nfields == 4, "four fields counted");
		CHECK(r.note != NULL && r.notelen == 0 && *r.note == '\0', "a four-field record has an empty note");
		CHECK_STR(r.who, "smiths/sam", "a who with a couple");
		CHECK_NEAR(r.v, 35, 0, "value read as 35");
	}
	why = rps("2026-11-26T21:04:00+01:00\talex\topen\t4\t", &r);
	CHECK(why == NULL && r.nfields == 5 && r.notelen == 0, "record_parse accepts an empty note");
	why = rps("2026-11-26\talex\thugs\t3\tzoë ☕ 😀 日本", &r);
	CHECK(why == NULL, "record_parse accepts a UTF-8 note and a bare date");
	CHECK(why == NULL && !r.t.hastime && r.t.day == D20261126, "a bare date's day");
	why = rps("2026-11-26T23:30:00-05:00\talex\thugs\t3", &r);
	CHECK(why == NULL && r.t.day == D20261126, "a record's day is its written date");
	why = rps("2026-11-26t21:04:00z\talex\thugs\t3", &r);
	CHECK(why == NULL && r.t.zulu, "record_parse accepts lowercase t and z");
	why = rps("2026-11-26T21:04:00+01:00\talex\tshare\t1\tline one\\nline two\\tTAB \\\\ back\\r", &r);
	CHECK(why == NULL, "record_parse accepts a note with escapes");
	CHECK(why == NULL && strcmp(r.note, "line one\\nline two\\tTAB \\\\ back\\r") == 0,
	    "the note is kept escaped");
	why = rps("2026-11-26T21:04:00+01:00\tzoë\topen\t4", &r);
	CHECK(why == NULL && r.wholen == 4, "record_parse accepts a UTF-8 name");

	/* fields */
	rec_bads(T0 "alex\topen", "3 fields");
	rec_bads(T0 "alex\topen\t4\tnote\textra", "6 fields");
	rec_bads(T0 "alex\topen\t4\tnote\t", "6 fields, the last empty");
	rec_bads(T0 "alex\topen\t4\t\t\t", "7 fields");
	rec_bads("2026-11-26T21:04:00+01:00", "1 field");
	rec_bads("", "an empty line");
	rec_bads("\talex\topen\t4", "an empty time");
	rec_bads(T0 "\topen\t4", "an empty who");
	rec_bads(T0 "alex\t\t4", "an empty what");
	rec_bads(T0 "alex\topen\t", "an empty value");
	rec_bads(T0 "alex\topen\t\tnote", "an empty value with a note");
	rec_bads("2026-02-30T21:04:00+01:00\talex\topen\t4", "a time on 2026-02-30");
	rec_bads("2026-11-26T21:04:00\talex\topen\t4", "a time without an offset");
	rec_bads("2026-11-26 21:04:00+01:00\talex\topen\t4", "a time with a space");
	rec_bads("2026-11-26T21:04:00+01:00 \talex\topen\t4", "a time with a trailing space");
	rec_bads("\033[2J2026-11-26\talex\topen\t4", "a time with an escape sequence");
	rec_bad(T0 "alex\topen\t4\tno\0te", strlen(T0 "alex\topen\t4\tno") + 3, "a NUL byte in the note");
	rec_bad(T0 "al\0ex\topen\t4", strlen(T0 "al") + 10, "a NUL byte in the name");

	/* names */
	who_rec("al ex", 5, 0, "with a space");
	who_rec("alex ", 5, 0, "with a trailing space");
	who_rec("al\001ex", 5, 0, "with a control character");
	who_rec("al\033[2Jex", 8, 0, "with an escape sequence");
	who_rec("al\302\205ex", 6, 0, "with the C1 control U+0085");
	who_rec("al\302\233ex", 6, 0, "with the C1 control U+009B");
	who_rec("al\177ex", 5, 0, "with DEL");
	who_rec("al\rex", 5, 0, "with CR");
	who_rec("al\vex", 5, 0, "with VT");
	who_rec("al\fex", 5, 0, "with FF");
	who_rec("al\377ex", 5, 0, "with the byte ff");
	who_rec("al\300\257ex", 6, 0, "with an overlong sequence");
	who_rec("/alex", 5, 0, "starting with /");
	who_rec("alex/", 5, 0, "ending with /");
	who_rec("/", 1, 0, "that is only /");
	who_rec("smiths/alex", 11, 1, "with a couple");
	who_rec("zoë", 4, 1, "in UTF-8");
	who_rec("😀", 4, 1, "that is an emoji");
	memset(big, 'a', sizeof big);
	who_rec(big, 64, 1, "of 64 bytes");
	who_rec(big, 65, 0, "of 65 bytes");
	who_rec(big, 1, 1, "of 1 byte");
	/* 32 two-byte letters: 64 bytes; one more is 66 */
	{
		char u[80];
		int i;

		for (i = 0; i < 33; i++) {
			u[2 * i] = (char)0xc3;
			u[2 * i + 1] = (char)0xa9;
		}
		who_rec(u, 64, 1, "of 32 é (64 bytes)");
		who_rec(u, 66, 0, "of 33 é (66 bytes)");
	}

	/* measures */
	what_rec("talk_min", 1);
	what_rec("a", 1);
	what_rec("a9_", 1);
	what_rec("abcdefghijklmnopqrstuvwxyz012345", 1);	/* 32 */
	what_rec("abcdefghijklmnopqrstuvwxyz0123456", 0);	/* 33 */
	what_rec("Open", 0);
	what_rec("OPEN", 0);
	what_rec("9open", 0);
	what_rec("_open", 0);
	what_rec("talk-min", 0);
	what_rec("talk min", 0);
	what_rec("tälk", 0);
	what_rec("open.x", 0);

	/* numbers */
	num_rec("4", 1, 4);
	num_rec("-2", 1, -2);
	num_rec("2.5", 1, 2.5);
	num_rec("0", 1, 0);
	num_rec("007", 1, 7);
	num_rec("-0.25", 1, -0.25);
	num_rec("1440", 1, 1440);
	num_rec("999999999999999", 1, 999999999999999.0);	/* 15 digits */
	num_rec("-999999999999999", 1, -999999999999999.0);
	num_rec("0.123456789", 1, 0.123456789);		/* 9 fraction digits */
	num_rec("+4", 0, 0);
	num_rec("4.", 0, 0);
	num_rec(".5", 0, 0);
	num_rec("-.5", 0, 0);
	num_rec("-", 0, 0);
	num_rec("--4", 0, 0);
	num_rec("1e3", 0, 0);
	num_rec("nan", 0, 0);
	num_rec("inf", 0, 0);
	num_rec("-inf", 0, 0);
	num_rec("4,5", 0, 0);
	num_rec("0x10", 0, 0);
	num_rec("1234567890123456", 0, 0);	/* 16 digits */
	num_rec("0.1234567890", 0, 0);		/* 10 fraction digits */
	num_rec(" 4", 0, 0);
	num_rec("4 ", 0, 0);
	num_rec("4.5.6", 0, 0);
	num_rec("٤", 0, 0);
	num_rec("four", 0, 0);
	why = rps(T0 "alex\topen\t-0", &r);
	CHECK(why == NULL && r.v == 0 && !signbit(r.v), "-0 reads as 0, not negative zero");
	why = rps(T0 "alex\topen\t-0.0", &r);
	CHECK(why == NULL && r.v == 0 && !signbit(r.v), "-0.0 reads as 0, not negative zero");

	/* notes */
	note_rec("bad \\x escape", 13, 0, "with \\x");
	note_rec("bad \\a escape", 13, 0, "with \\a");
	note_rec("bad \\0", 6, 0, "with \\0");
	note_rec("trailing\\", 9, 0, "ending in a lone backslash");
	note_rec("two\\\\\\", 6, 0, "ending in an escaped and a lone backslash");
	note_rec("\\", 1, 0, "that is one backslash");
	note_rec("ok\\\\", 4, 1, "ending in an escaped backslash");
	note_rec("raw\001ctl", 7, 0, "with a raw control character");
	note_rec("raw\033[2J", 7, 0, "with a raw escape sequence");
	note_rec("raw\rcr", 6, 0, "with a raw CR");
	note_rec("raw\177del", 7, 0, "with DEL");
	note_rec("c1 \302\205 nel", 9, 0, "with the C1 control U+0085");
	note_rec("c1 \302\233 csi", 9, 0, "with the C1 control U+009B");
	note_rec("bad \377 byte", 10, 0, "with the byte ff");
	note_rec("over \300\257 long", 11, 0, "with the overlong c0 af");
	note_rec("over \340\200\257 long", 12, 0, "with the overlong e0 80 af");
	note_rec("sur \355\240\200 rogate", 13, 0, "with a surrogate ed a0 80");
	note_rec("big \364\220\200\200", 8, 0, "above U+10FFFF");
	note_rec("cut \342\202", 6, 0, "with a cut sequence");
	note_rec("lone \200 cont", 11, 0, "with a lone continuation byte");
	note_rec("emoji \360\237\230\200 ok", 13, 1, "with a 4-byte emoji");
	note_rec("nbsp\302\240ok", 8, 1, "with a no-break space");
	note_rec("U+10FFFF \364\217\277\277", 13, 1, "with U+10FFFF");
	note_rec("café", 5, 1, "with é");

	/* a bad name in the reason is escaped */
	snprintf(line, sizeof line, T0 "a\033]0;pwned\007b\topen\t4");
	why = rps(line, &r);
	CHECK(why != NULL && clean(why) && strstr(why, "\\x1b]0;pwned\\x07b") != NULL,
	    "a bad name is shown escaped in the reason");
}

static void
test_fields(void)
{
	double v = -1;
	int i;
	char nines[1000];

	CHECK(who_check("alex", 4) == NULL, "who_check alex");
	CHECK(who_check("alex bob", 4) == NULL, "who_check reads only n bytes");
	CHECK(who_check("alex bob", 8) != NULL, "who_check alex bob");
	CHECK(who_check("", 0) != NULL, "who_check empty");
	CHECK(who_check("a\tb", 3) != NULL, "who_check with a tab");
	CHECK(who_check("a\nb", 3) != NULL, "who_check with a newline");
	CHECK(who_check("a\302\205", 3) != NULL, "who_check with U+0085 at the end");
	CHECK(who_check("a\302", 2) != NULL, "who_check with a cut sequence");
	CHECK(who_check("smiths/sam", 10) == NULL, "who_check smiths/sam");

	CHECK(what_check("open", 4) == NULL, "what_check open");
	CHECK(what_check("openX", 4) == NULL, "what_check reads only n bytes");
	CHECK(what_check("openX", 5) != NULL, "what_check openX");
	CHECK(what_check("", 0) != NULL, "what_check empty");
	CHECK(what_check("z", 1) == NULL, "what_check z");

	CHECK(number_parse("42abc", 2, &v) == NULL && v == 42, "number_parse reads only n bytes");
	CHECK(number_parse("2.5", 3, &v) == NULL && v == 2.5, "number_parse 2.5");
	for (i = 0; i < 256; i++) {
		char c = (char)i;
		int ok = number_parse(&c, 1, &v) == NULL;

		if (ok != (c >= '0' && c <= '9') || (ok && v != c - '0'))
			break;
	}
	CHECK(i == 256, "number_parse: one byte is a value only when it is a digit");
	CHECK(number_parse("-2", 2, &v) == NULL && v == -2, "number_parse -2");
	CHECK(number_parse("", 0, &v) != NULL, "number_parse empty");
	CHECK(number_parse("4.", 2, &v) != NULL, "number_parse 4.");
	CHECK(number_parse("0.1", 3, &v) == NULL && v == 0.1, "number_parse 0.1 is the double nearest 0.1");
	CHECK(number_parse("3.14159", 7, &v) == NULL && v == 3.14159, "number_parse 3.14159 is the double nearest");
	memset(nines, '9', sizeof nines);
	CHECK(number_parse(nines, sizeof nines, &v) != NULL, "number_parse of 1000 digits is refused");
	nines[0] = '0';
	nines[1] = '.';
	CHECK(number_parse(nines, sizeof nines, &v) != NULL, "number_parse of 998 fraction digits is refused");

	CHECK(line_blank("", 0) != NULL, "line_blank: empty");
	CHECK(line_blank("  \t ", 4) != NULL, "line_blank: spaces and tabs");
	CHECK(line_blank("#time\twho", 9) != NULL, "line_blank: a comment");
	CHECK(line_blank(JOURNAL_HEADER, strlen(JOURNAL_HEADER) - 1) != NULL, "line_blank: the header");
	CHECK(line_blank("#", 1) != NULL, "line_blank: a lone #");
	CHECK(line_blank("x", 1) == NULL, "line_blank: x is not blank");
	CHECK(line_blank("  x", 3) == NULL, "line_blank: indented x is not blank");
	CHECK(line_blank(" #x", 3) == NULL, "line_blank: # after a space is not a comment");
	CHECK(line_blank(T0 "alex\topen\t4", strlen(T0) + 11) == NULL, "line_blank: a record");
	CHECK(line_blank("   x", 2) != NULL, "line_blank reads only n bytes");
}

static void
test_notes(void)
{
	char all[256], esc[512], back[512], out[64];
	size_t n, m, i;
	int ok = 1;

	for (i = 0; i < 256; i++)
		all[i] = (char)i;
	n = note_escape(all, 256, esc);
	CHECK(n == 260, "note_escape of all 256 bytes adds one byte for each of \\ TAB LF CR");
	for (i = 0; i < n; i++) {
		if (esc[i] == '\t' || esc[i] == '\n' || esc[i] == '\r')
			ok = 0;
		if (esc[i] == '\\') {
			if (i + 1 >= n || strchr("\\tnr", esc[i + 1]) == NULL || esc[i + 1] == '\0')
				ok = 0;
			i++;
		}
	}
	CHECK(ok, "note_escape leaves no raw TAB, LF, CR and only the four escapes");
	m = note_unescape(esc, n, back);
	CHECK(m == 256 && memcmp(back, all, 256) == 0, "note_unescape(note_escape(x)) == x on all 256 byte values");

	n = note_escape("a\tb\\c\nd\re", 9, out);
	out[n] = '\0';
	CHECK_STR(out, "a\\tb\\\\c\\nd\\re", "note_escape a TAB b \\ c LF d CR e");
	n = note_unescape("x\\\\ty", 5, out);
	out[n] = '\0';
	CHECK_STR(out, "x\\ty", "note_unescape: an escaped backslash then t is not a TAB");
	n = note_unescape("\\t\\n\\r\\\\", 8, out);
	CHECK(n == 4 && memcmp(out, "\t\n\r\\", 4) == 0, "note_unescape of the four escapes");
	n = note_escape("", 0, out);
	CHECK(n == 0, "note_escape of nothing");

	n = note_escape("tab\there\nnew\\back\rcr é 😀", strlen("tab\there\nnew\\back\rcr é 😀"), esc);
	CHECK(note_check(esc, n) == NULL, "note_check accepts what note_escape makes of valid text");
	CHECK(note_check("a\\qb", 4) != NULL, "note_check rejects \\q");
	CHECK(note_check("a\\", 2) != NULL, "note_check rejects a lone trailing backslash");
	CHECK(note_check("a\\tb", 2) != NULL, "note_check reads only n bytes (cut in an escape)");
	CHECK(note_check("", 0) == NULL, "note_check accepts an empty note");
}

/* ---- journal.c: lines ---- */

static void
test_lines(void)
{
	struct lines l;
	char *s, *big;
	size_t n, i, total;
	int rc, ok;
	unsigned long k;
	const char *e;

	writestr(path("crlf"), "one\r\ntwo\n\n\r\nthree\rx\nlast");
	CHECK(lines_open(&l, path("crlf")) == 0, "lines_open a file");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 1 && n == 3 && strcmp(s, "one") == 0 && l.lineno == 1, "CRLF: the CR is stripped");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 1 && n == 3 && strcmp(s, "two") == 0 && l.lineno == 2, "a plain line");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 1 && n == 0 && *s == '\0' && l.lineno == 3, "an empty line is returned empty");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 1 && n == 0 && l.lineno == 4, "a line of only CR is returned empty");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 1 && n == 7 && memcmp(s, "three\rx", 7) == 0 && l.lineno == 5, "a CR inside a line stays");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 1 && n == 4 && strcmp(s, "last") == 0 && l.lineno == 6,
	    "a last line without a newline is returned");
	CHECK(lines_next(&l, &s, &n) == 0, "then the end");
	CHECK(lines_next(&l, &s, &n) == 0, "and the end again");
	lines_close(&l);

	writestr(path("empty"), "");
	CHECK(lines_open(&l, path("empty")) == 0 && lines_next(&l, &s, &n) == 0, "an empty file has no lines");
	lines_close(&l);
	writestr(path("nl"), "\n");
	CHECK(lines_open(&l, path("nl")) == 0 && lines_next(&l, &s, &n) == 1 && n == 0 &&
	    lines_next(&l, &s, &n) == 0, "a file of one newline has one empty line");
	lines_close(&l);

	/* 65536 bytes is fine, 65537 is too long; the next line still comes with its number */
	total = 65536 + 1 + 65537 + 1 + 6 + 65537;
	big = xmalloc(total);
	memset(big, 'a', 65536);
	big[65536] = '\n';
	memset(big + 65537, 'b', 65537);
	big[65537 + 65537] = '\n';
	memcpy(big + 65537 + 65538, "after\n", 6);
	memset(big + 65537 + 65538 + 6, 'c', 65537);	/* too long, and no newline */
	writefile(path("long"), big, total);
	free(big);
	CHECK(lines_open(&l, path("long")) == 0, "lines_open long");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 1 && n == 65536 && s[0] == 'a' && s[65535] == 'a' && s[65536] == '\0' && l.lineno == 1,
	    "a line of exactly 65536 bytes is read whole");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 2 && l.lineno == 2, "a line of 65537 bytes is too long (2), line 2");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 1 && strcmp(s, "after") == 0 && l.lineno == 3, "the line after it is read, line 3");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 2 && l.lineno == 4, "a last line of 65537 bytes without a newline is too long, line 4");
	CHECK(lines_next(&l, &s, &n) == 0, "then the end");
	lines_close(&l);

	/* 65536 bytes and CR LF */
	big = xmalloc(65538);
	memset(big, 'd', 65536);
	memcpy(big + 65536, "\r\n", 2);
	writefile(path("longcr"), big, 65538);
	free(big);
	CHECK(lines_open(&l, path("longcr")) == 0, "lines_open longcr");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 1 && n == 65536, "a line of 65536 bytes before CR LF is not too long");
	lines_close(&l);

	/* a 10 MB line */
	total = 10 * 1000 * 1000 + 1 + 3;
	big = xmalloc(total);
	memset(big, 'x', total - 4);
	memcpy(big + total - 4, "\nok\n", 4);
	writefile(path("huge"), big, total);
	free(big);
	CHECK(lines_open(&l, path("huge")) == 0, "lines_open huge");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 2 && l.lineno == 1, "a line of 10 MB is too long (2)");
	rc = lines_next(&l, &s, &n);
	CHECK(rc == 1 && strcmp(s, "ok") == 0 && l.lineno == 2, "the line after 10 MB is read, line 2");
	CHECK(lines_next(&l, &s, &n) == 0, "then the end");
	lines_close(&l);

	/* many lines of varied length across several 1 MiB blocks */
	{
		FILE *f = fopen(path("many"), "w");
		char want[400];
		size_t wl;

		for (k = 1; k <= 30000; k++) {
			wl = (size_t)snprintf(want, sizeof want, "%lu:", k);
			for (i = 0; i < (k * 37) % 300; i++)
				want[wl++] = (char)('a' + (k + i) % 26);
			want[wl] = '\0';
			fprintf(f, "%s%s\n", want, k % 7 == 0 ? "\r" : "");
		}
		fclose(f);
		ok = lines_open(&l, path("many")) == 0;
		for (k = 1; ok && k <= 30000; k++) {
			wl = (size_t)snprintf(want, sizeof want, "%lu:", k);
			for (i = 0; i < (k * 37) % 300; i++)
				want[wl++] = (char)('a' + (k + i) % 26);
			want[wl] = '\0';
			rc = lines_next(&l, &s, &n);
			if (rc != 1 || n != wl || strcmp(s, want) != 0 || l.lineno != k)
				ok = 0;
		}
		CHECK(ok, "30000 lines across 1 MiB blocks read back right, with their numbers");
		CHECK(lines_next(&l, &s, &n) == 0, "then the end");
		lines_close(&l);
	}

	/* long lines straddling the 1 MiB block boundary */
	{
		size_t pre = (1 << 20) - 1000, off = 0;

		total = pre + 65537 + 6 + 65538 + 6;
		big = xmalloc(total);
		for (k = 0; off < pre; k++) {	/* lines of 99 bytes + LF, then fill */
			size_t len = pre - off < 100 ? pre - off : 100;

			memset(big + off, 'p', len - 1);
			big[off + len - 1] = '\n';
			off += len;
		}
		memset(big + off, 'q', 65536);
		big[off + 65536] = '\n';
		off += 65537;
		memcpy(big + off, "next\n", 5);
		off += 5;
		memset(big + off, 'r', 65537);
		big[off + 65537] = '\n';
		off += 65538;
		memcpy(big + off, "last\n", 5);
		off += 5;
		writefile(path("straddle"), big, off);
		free(big);
		ok = lines_open(&l, path("straddle")) == 0;
		for (i = 0; ok && i < k; i++)
			if (lines_next(&l, &s, &n) != 1)
				ok = 0;
		CHECK(ok, "straddle: the short lines before the boundary");
		rc = lines_next(&l, &s, &n);
		CHECK(rc == 1 && n == 65536 && s[0] == 'q' && s[65535] == 'q' && l.lineno == k + 1,
		    "a 65536-byte line across the block boundary is read whole");
		rc = lines_next(&l, &s, &n);
		CHECK(rc == 1 && strcmp(s, "next") == 0 && l.lineno == k + 2, "straddle: the next line");
		rc = lines_next(&l, &s, &n);
		CHECK(rc == 2 && l.lineno == k + 3, "straddle: a 65537-byte line is too long");
		rc = lines_next(&l, &s, &n);
		CHECK(rc == 1 && strcmp(s, "last") == 0 && l.lineno == k + 4, "straddle: the last line");
		CHECK(lines_next(&l, &s, &n) == 0, "straddle: the end");
		lines_close(&l);
	}

	/* a pipe that delivers in small pieces */
	{
		int p[2], saved = dup(0), status;
		pid_t pid;

		fflush(stdout);
		if (pipe(p) < 0 || (pid = fork()) < 0) {
			perror("pipe");
			exit(2);
		}
		if (pid == 0) {
			char chunk[1000];
			int j;

			close(p[0]);
			if (write(p[1], "first\r\n", 7) < 0)
				_exit(1);
			memset(chunk, 'z', sizeof chunk);
			for (j = 0; j < 70; j++)	/* 70000 bytes in 1000-byte writes */
				if (write(p[1], chunk, sizeof chunk) < 0)
					_exit(1);
			if (write(p[1], "\nsec", 4) < 0 || write(p[1], "ond\nthird", 9) < 0)
				_exit(1);
			_exit(0);
		}
		close(p[1]);
		dup2(p[0], 0);
		close(p[0]);
		CHECK(lines_open(&l, "-") == 0 && strcmp(l.name, "stdin") == 0, "lines_open - is stdin");
		rc = lines_next(&l, &s, &n);
		CHECK(rc == 1 && strcmp(s, "first") == 0, "pipe: first line");
		rc = lines_next(&l, &s, &n);
		CHECK(rc == 2 && l.lineno == 2, "pipe: 70000 bytes in pieces is too long");
		rc = lines_next(&l, &s, &n);
		CHECK(rc == 1 && strcmp(s, "second") == 0 && l.lineno == 3, "pipe: a line split across writes");
		rc = lines_next(&l, &s, &n);
		CHECK(rc == 1 && strcmp(s, "third") == 0 && l.lineno == 4, "pipe: the last line without a newline");
		CHECK(lines_next(&l, &s, &n) == 0, "pipe: the end");
		lines_close(&l);
		waitpid(pid, &status, 0);
		dup2(saved, 0);
		close(saved);
		CHECK(lines_open(&l, NULL) == 0 && strcmp(l.name, "stdin") == 0 && l.fd == 0,
		    "lines_open NULL is stdin");
		lines_close(&l);
	}

	/* a directory, a missing file */
	mkdir(path("adir"), 0700);
	cap_begin();
	rc = lines_open(&l, path("adir"));
	if (rc == 0) {
		rc = lines_next(&l, &s, &n);
		CHECK(rc == -1, "lines_next on a directory returns -1");
		lines_close(&l);
	} else
		CHECK(rc == -1, "lines_open on a directory returns -1");
	e = cap_end();
	CHECK(strstr(e, "adir") != NULL && count_lines(e) == 1, "reading a directory says so, naming it");
	cap_begin();
	rc = lines_open(&l, path("missing"));
	e = cap_end();
	CHECK(rc == -1, "lines_open on a missing file returns -1");
	CHECK(strstr(e, "unit_core: ") == e && strstr(e, "missing") != NULL && count_lines(e) == 1,
	    "lines_open on a missing file says so, naming it");
}

static void
test_journal(void)
{
	struct lines l;
	struct record r;
	char *big;
	size_t k;
	const char *e;
	char want[600];
	FILE *f;
	int i, rc;

	f = fopen(path("j.tsv"), "w");
	fputs(JOURNAL_HEADER, f);					/* 1 */
	fputs("\n", f);							/* 2 */
	fputs(T0 "alex\topen\t4\tfine\n", f);				/* 3 */
	fputs("garbage\n", f);						/* 4 */
	fputs("   \t \n", f);						/* 5 */
	big = xmalloc(70001);
	memset(big, 'x', 70000);
	big[70000] = '\0';
	fputs(big, f);							/* 6 */
	fputs("\n", f);
	free(big);
	fputs("2026-11-26T21:05:00+01:00\tsam\tclose\t5\r\n", f);	/* 7 */
	fputs("2026-11-26T21:06:00+01:00\tsam\tClose\t5\n", f);		/* 8 */
	fputs("# a comment\n", f);					/* 9 */
	fputs("2026-11-27\tsam\thugs\t3\t", f);				/* 10, no newline */
	fclose(f);

	cap_begin();
	CHECK(lines_open(&l, path("j.tsv")) == 0, "lines_open j.tsv");
	rc = journal_next(&l, &r);
	CHECK(rc == 1 && l.lineno == 3 && strcmp(r.who, "alex") == 0 && strcmp(r.note, "fine") == 0,
	    "journal_next skips the header and a blank line: the record on line 3");
	rc = journal_next(&l, &r);
	CHECK(rc == 1 && l.lineno == 7 && strcmp(r.what, "close") == 0 && r.nfields == 4,
	    "journal_next skips bad records and a long line: the CRLF record on line 7");
	rc = journal_next(&l, &r);
	CHECK(rc == 1 && l.lineno == 10 && strcmp(r.what, "hugs") == 0 && r.t.day == D20261126 + 1,
	    "journal_next skips a comment: the last record without a newline on line 10");
	CHECK(journal_next(&l, &r) == 0, "journal_next: the end");
	lines_close(&l);
	e = cap_end();
	snprintf(want, sizeof want, "unit_core: %s:4: ", path("j.tsv"));
	CHECK(strstr(e, want) == e, "the bad record on line 4 is named as prog: FILE:4:");
	snprintf(want, sizeof want, "unit_core: %s:6: ", path("j.tsv"));
	CHECK(strstr(e, want) != NULL, "the long line 6 is named");
	snprintf(want, sizeof want, "unit_core: %s:8: ", path("j.tsv"));
	CHECK(strstr(e, want) != NULL && strstr(e, "Close") != NULL, "the bad measure on line 8 is named");
	CHECK(count_lines(e) == 3, "three bad records, three messages");

	/* a file name with a control character is shown escaped */
	{
		char odd[600];

		snprintf(odd, sizeof odd, "%s/odd\033[2Jname", tmpdir);
		writestr(odd, "bad\n");
		cap_begin();
		lines_open(&l, odd);
		journal_next(&l, &r);
		lines_close(&l);
		e = cap_end();
		CHECK(strchr(e, '\033') == NULL && strstr(e, "odd\\x1b[2Jname:1: ") != NULL,
		    "a file name with ESC is shown escaped in a bad record's message");
	}

	/* 12 more bad records: 6 more shown (10 in all), then a count of 6 */
	f = fopen(path("bad.tsv"), "w");
	for (i = 0; i < 12; i++)
		fprintf(f, "bad %d\n", i);
	fclose(f);
	cap_begin();
	lines_open(&l, path("bad.tsv"));
	CHECK(journal_next(&l, &r) == 0, "a journal of bad records only has no record");
	lines_close(&l);
	bad_summary();
	e = cap_end();
	CHECK(count_lines(e) == 7, "at most 10 bad records are shown in all, then one count");
	k = strlen(e);
	CHECK(k > 0 && strstr(e, "unit_core: 6 more") != NULL,
	    "the count says 6 more bad records");
	snprintf(want, sizeof want, "%s:6: ", path("bad.tsv"));
	CHECK(strstr(e, want) != NULL, "the 10th bad record (bad.tsv line 6) is shown");
	snprintf(want, sizeof want, "%s:7: ", path("bad.tsv"));
	CHECK(strstr(e, want) == NULL, "the 11th bad record (bad.tsv line 7) is not shown");

}

/* ---- bank.c ---- */

static const struct {
	const char *what;
	enum mtype type;
	long lo, hi;
	int better;
} builtin[] = {
	{ "open", T_SCALE, 1, 5, 1 }, { "safe", T_SCALE, 1, 5, 1 },
	{ "heard", T_SCALE, 1, 5, 1 }, { "talk", T_SCALE, 1, 5, 1 },
	{ "touch", T_SCALE, 1, 5, 1 }, { "close", T_SCALE, 1, 5, 1 },
	{ "effort", T_SCALE, 1, 5, 1 }, { "effort_week", T_SCALE, 1, 5, 1 },
	{ "talk_min", T_MINUTES, 0, 1440, 1 }, { "call_min", T_MINUTES, 0, 1440, 1 },
	{ "hugs", T_COUNT, 0, -1, 1 }, { "faced", T_COUNT, 0, -1, 1 },
	{ "dodged", T_COUNT, 0, -1, -1 },
	{ "granted", T_SCALE, 1, 5, -1 },
	{ "boundary", T_SCALE, 1, 5, 1 }, { "support", T_SCALE, 1, 5, 1 },
	{ "trust", T_SCALE, 1, 5, 1 },
	{ "checkin", T_YESNO, 0, 1, 1 },
	{ "share", T_TEXT, 1, 1, 1 }, { "gratitude", T_TEXT, 1, 1, 1 },
};

static const char *categories[] = {
	"fears", "hopes", "quirks", "dreams", "past", "us", "gratitude", "distance", "repair",
};

static void
empty_config(void)
{
	unsetenv("HEARTH_BANK");
	setenv("HOME", path("home"), 1);
	setenv("XDG_CONFIG_HOME", path("xdg"), 1);
}

static int
qindex(const struct bank *b, const char *set, const char *what)
{
	size_t i;

	for (i = 0; i < b->nq; i++)
		if (strcmp(b->q[i].set, set) == 0 && strcmp(b->q[i].what, what) == 0)
			return (int)i;
	return -1;
}

static size_t
count_set(const struct bank *b, const char *set)
{
	size_t i, n = 0;

	for (i = 0; i < b->nq; i++)
		n += strcmp(b->q[i].set, set) == 0;
	return n;
}

static void
test_bank_builtin(struct bank *b)
{
	const struct measure *m;
	size_t i, j, n, bad;
	char lo[32], hi[32];
	int dup, known;

	mkdir(path("home"), 0700);
	mkdir(path("xdg"), 0700);
	empty_config();
	cap_begin();
	CHECK(bank_load(b, NULL) == 0, "bank_load with no user bank");
	CHECK(*cap_end() == '\0', "bank_load with no user bank says nothing");

	for (i = 0; i < sizeof builtin / sizeof builtin[0]; i++) {
		m = bank_measure(b, builtin[i].what);
		snprintf(name, sizeof name, "built-in measure %s: %s %ld %ld, better %s", builtin[i].what,
		    type_name(builtin[i].type), builtin[i].lo, builtin[i].hi,
		    builtin[i].better > 0 ? "high" : "low");
		CHECK(m != NULL && m->type == builtin[i].type && m->lo == builtin[i].lo &&
		    (builtin[i].hi < 0 ? m->hi < 0 : m->hi == builtin[i].hi) &&
		    m->better == builtin[i].better && m->known && strcmp(m->what, builtin[i].what) == 0, name);
	}
	CHECK(bank_measure(b, "nosuch") == NULL, "bank_measure of an unknown measure is NULL");
	CHECK(bank_measure(b, "") == NULL, "bank_measure of an empty name is NULL");

	dup = 0;
	for (i = 0; i < b->nm; i++)
		for (j = i + 1; j < b->nm; j++)
			if (strcmp(b->m[i].what, b->m[j].what) == 0)
				dup = 1;
	CHECK(!dup, "a measure has one definition: no two with one name");

	n = count_set(b, "daily");
	CHECK(n >= 6 && n <= 8, "the daily set has 6 to 8 questions");
	CHECK(count_set(b, "weekly") > 0 && count_set(b, "distance") > 0 && count_set(b, "repair") > 0,
	    "sets weekly, distance and repair are built in");
	CHECK(qindex(b, "weekly", "effort_week") >= 0 && qindex(b, "weekly", "faced") >= 0 &&
	    qindex(b, "weekly", "dodged") >= 0 && qindex(b, "weekly", "granted") >= 0 &&
	    qindex(b, "weekly", "boundary") >= 0 && qindex(b, "weekly", "support") >= 0,
	    "weekly asks effort (as effort_week), faced, dodged, granted, boundary, support");
	known = 0;
	for (i = 0; i < b->nq; i++)
		if (strcmp(b->q[i].set, "weekly") == 0 && b->q[i].m >= 0 && b->m[b->q[i].m].type == T_TEXT)
			known = 1;
	CHECK(known, "weekly asks a text question (what one needs next week)");

	bad = 0;
	for (i = 0; i < b->nq; i++) {
		const struct question *q = &b->q[i];

		if (q->text == NULL || *q->text == '\0' || !clean(q->text) ||
		    !utf8_valid(q->text, strlen(q->text)))
			bad++;
		else if (strcmp(q->set, "prompt") == 0) {
			if (q->m != -1)
				bad++;
		} else if (q->m < 0 || (size_t)q->m >= b->nm || strcmp(b->m[q->m].what, q->what) != 0)
			bad++;
	}
	CHECK(bad == 0, "every question has clean text; starters no measure, others their own");

	bad = 0;
	for (i = 0; i < b->nq; i++) {
		const struct question *q = &b->q[i];

		if (q->m < 0 || b->m[q->m].type != T_SCALE)
			continue;
		snprintf(lo, sizeof lo, "(%ld = ", b->m[q->m].lo);
		snprintf(hi, sizeof hi, ", %ld = ", b->m[q->m].hi);
		if (strstr(q->text, lo) == NULL || strstr(q->text, hi) == NULL) {
			bad++;
			printf("# no anchors: %s %s\n", q->set, q->what);
		}
	}
	CHECK(bad == 0, "every scale question carries its anchors in words, (lo = ..., hi = ...)");

	n = bank_starters(b, NULL, NULL);
	CHECK(n >= 150, "at least 150 conversation starters");
	for (i = 0; i < sizeof categories / sizeof categories[0]; i++) {
		j = bank_starters(b, categories[i], NULL);
		snprintf(name, sizeof name, "at least 8 starters about %s (%zu)", categories[i], j);
		CHECK(j >= 8, name);
	}
	bad = 0;
	for (i = 0; i < b->nq; i++) {
		if (strcmp(b->q[i].set, "prompt") != 0)
			continue;
		for (j = 0; j < sizeof categories / sizeof categories[0]; j++)
			if (strcmp(b->q[i].what, categories[j]) == 0)
				break;
		if (j == sizeof categories / sizeof categories[0])
			bad++;
	}
	CHECK(bad == 0, "every starter's category is one of the nine");
	dup = 0;
	for (i = 0; i < b->nq; i++) {
		if (b->q[i].m >= 0)
			continue;
		for (j = i + 1; j < b->nq; j++)
			if (b->q[j].m < 0 && strcmp(b->q[i].text, b->q[j].text) == 0)
				dup++;
	}
	CHECK(dup == 0, "no two starters have the same text");
	{
		size_t *idx = xmalloc(b->nq * sizeof *idx), k = bank_starters(b, NULL, idx);

		bad = 0;
		for (i = 0; i < k; i++)
			if (strcmp(b->q[idx[i]].set, "prompt") != 0 || (i > 0 && idx[i] <= idx[i - 1]))
				bad++;
		CHECK(k == n && bad == 0, "bank_starters gives the starters' indices in bank order");
		free(idx);
	}
}

static void
vc(const struct bank *b, const char *what, const char *v, int good)
{
	const struct measure *m = bank_measure(b, what);
	const char *why;

	snprintf(name, sizeof name, "value_check %s \"%s\" %s", what, v, good ? "ok" : "refused");
	if (m == NULL) {
		CHECK(m != NULL, name);
		return;
	}
	why = value_check(m, v, strlen(v));
	CHECK(good ? why == NULL : why != NULL && *why != '\0' && clean(why), name);
}

static void
test_values(const struct bank *b)
{
	struct measure d;
	const struct measure *m;

	vc(b, "open", "1", 1);
	vc(b, "open", "3", 1);
	vc(b, "open", "5", 1);
	vc(b, "open", "0", 0);
	vc(b, "open", "6", 0);
	vc(b, "open", "-1", 0);
	vc(b, "open", "4.0", 0);
	vc(b, "open", "3.5", 0);
	vc(b, "open", "", 0);
	vc(b, "open", "x", 0);
	vc(b, "open", " 4", 0);
	vc(b, "open", "+4", 0);
	vc(b, "granted", "5", 1);
	vc(b, "checkin", "0", 1);
	vc(b, "checkin", "1", 1);
	vc(b, "checkin", "2", 0);
	vc(b, "checkin", "-1", 0);
	vc(b, "checkin", "1.0", 0);
	vc(b, "checkin", "0.5", 0);
	vc(b, "checkin", "y", 0);
	vc(b, "hugs", "0", 1);
	vc(b, "hugs", "7", 1);
	vc(b, "hugs", "100000", 1);
	vc(b, "hugs", "-1", 0);
	vc(b, "hugs", "2.5", 0);
	vc(b, "hugs", "1.0", 0);
	vc(b, "dodged", "2", 1);
	vc(b, "talk_min", "0", 1);
	vc(b, "talk_min", "45", 1);
	vc(b, "talk_min", "1440", 1);
	vc(b, "talk_min", "1441", 0);
	vc(b, "talk_min", "-1", 0);
	vc(b, "talk_min", "30.5", 0);
	vc(b, "call_min", "1441", 0);
	vc(b, "share", "1", 1);
	vc(b, "share", "2", 0);
	vc(b, "share", "0", 0);
	vc(b, "share", "1.0", 0);
	vc(b, "gratitude", "1", 1);

	m = bank_measure(b, "open");
	CHECK(m && measure_range(m) == 4, "measure_range of a 1-5 scale is 4");
	CHECK(m && measure_sums(m) == 0, "a scale is a mean per day");
	m = bank_measure(b, "checkin");
	CHECK(m && measure_range(m) == 1, "measure_range of yesno is 1");
	CHECK(m && measure_sums(m) == 0, "yesno is a mean per day");
	m = bank_measure(b, "hugs");
	CHECK(m && measure_range(m) == 0, "a count has no range");
	CHECK(m && measure_sums(m) == 1, "a count is a sum per day");
	m = bank_measure(b, "talk_min");
	CHECK(m && measure_range(m) == 0, "minutes have no range");
	CHECK(m && measure_sums(m) == 1, "minutes are a sum per day");
	m = bank_measure(b, "share");
	CHECK(m && measure_range(m) == 0, "text has no range");
	CHECK(m && measure_sums(m) == 1, "text is a sum per day");

	d = measure_default("mood");
	CHECK(d.type == T_SCALE && d.better == 1 && !d.known && strcmp(d.what, "mood") == 0,
	    "measure_default: scale, better high, not known");
	CHECK(measure_range(&d) == 0, "measure_default has no range");
	CHECK(measure_sums(&d) == 0, "measure_default is a mean per day");

	CHECK_STR(type_name(T_SCALE), "scale", "type_name scale");
	CHECK_STR(type_name(T_YESNO), "yesno", "type_name yesno");
	CHECK_STR(type_name(T_COUNT), "count", "type_name count");
	CHECK_STR(type_name(T_MINUTES), "minutes", "type_name minutes");
	CHECK_STR(type_name(T_TEXT), "text", "type_name text");
}

/* What the user-bank test needs to know of the built-in bank. */
struct basefacts {
	size_t	 nq, nstart;
	int	 iopen, ilast, itouch;
	char	 repeat[600], touchtext[600], nextset[33], nextwhat[33];
};

static void
base_facts(const struct bank *base, struct basefacts *bf)
{
	size_t *idx;
	int i;

	memset(bf, 0, sizeof *bf);
	bf->nq = base->nq;
	bf->nstart = bank_starters(base, NULL, NULL);
	bf->iopen = qindex(base, "daily", "open");
	bf->itouch = qindex(base, "daily", "touch");
	bf->ilast = -1;
	for (i = 0; i < (int)base->nq; i++)
		if (strcmp(base->q[i].set, "daily") == 0)
			bf->ilast = i;
	idx = xmalloc(base->nq * sizeof *idx);
	if (bank_starters(base, "fears", idx) > 0)
		snprintf(bf->repeat, sizeof bf->repeat, "%s", base->q[idx[0]].text);
	free(idx);
	if (bf->itouch >= 0)
		snprintf(bf->touchtext, sizeof bf->touchtext, "%s", base->q[bf->itouch].text);
	if (bf->ilast >= 0 && (size_t)bf->ilast + 1 < base->nq) {
		snprintf(bf->nextset, sizeof bf->nextset, "%s", base->q[bf->ilast + 1].set);
		snprintf(bf->nextwhat, sizeof bf->nextwhat, "%s", base->q[bf->ilast + 1].what);
	}
}

static void
test_user_bank(void *arg)
{
	const struct basefacts *bf = arg;
	struct bank b;
	const struct measure *m;
	const char *e;
	size_t nstart = bf->nstart;
	int iopen = bf->iopen, ilast = bf->ilast, itouch = bf->itouch;
	FILE *f;

	f = fopen(path("user.tsv"), "w");
	fprintf(f, "# my bank\n\n");
	fprintf(f, "daily\topen\tscale\t1\t5\thigh\tDid you open up today? (1 = no, 5 = yes)\n");
	fprintf(f, "daily\tmood\tscale\t1\t7\thigh\tHow was your mood? (1 = low, 7 = high)\n");
	fprintf(f, "daily\tsleep\tminutes\t0\t1440\thigh\tMinutes of sleep? (minutes)\n");
	fprintf(f, "more\ttouch\tscale\t0\t10\thigh\tTouch, finer? (0 = none, 10 = plenty)\n");
	fprintf(f, "weekly\tmood\tscale\t1\t7\thigh\tYour mood this week? (1 = low, 7 = high)\n");
	fprintf(f, "prompt\tfears\t-\t-\t-\t-\t%s\n", bf->repeat);
	fprintf(f, "prompt\tus\t-\t-\t-\t-\tWhat made you laugh together this week?\n");
	fprintf(f, "prompt\tus\t-\t-\t-\t-\tWhat made you laugh together this week?\n");
	fprintf(f, "custom\tzest\tcount\t0\t-\tlow\tHow many zests? (a number)\r\n");
	fclose(f);

	empty_config();
	cap_begin();
	CHECK(bank_load(&b, path("user.tsv")) == 0, "bank_load with a user bank file");
	e = cap_end();
	CHECK(*e == '\0', "a good user bank loads silently");
	CHECK(b.nq == bf->nq + 6, "the user bank adds 6 questions (one replaced, two starters skipped)");
	CHECK(qindex(&b, "daily", "open") == iopen, "a replaced question keeps its place");
	CHECK(iopen >= 0 && strcmp(b.q[iopen].text, "Did you open up today? (1 = no, 5 = yes)") == 0,
	    "a replaced question has its new text");
	CHECK(qindex(&b, "daily", "mood") == ilast + 1, "a new daily question follows the built-in daily ones");
	CHECK(qindex(&b, "daily", "sleep") == ilast + 2, "new questions keep their file order");
	CHECK(ilast >= 0 && (size_t)ilast + 3 < b.nq && strcmp(b.q[ilast + 3].set, bf->nextset) == 0 &&
	    strcmp(b.q[ilast + 3].what, bf->nextwhat) == 0,
	    "the next set's questions come after them");
	CHECK(bank_starters(&b, NULL, NULL) == nstart + 1, "a repeated starter is skipped, a new one kept once");
	CHECK(qindex(&b, "custom", "zest") >= 0, "a question of a new set is added");
	m = bank_measure(&b, "mood");
	CHECK(m && m->type == T_SCALE && m->lo == 1 && m->hi == 7 && m->better == 1 && m->known,
	    "a new measure is defined");
	m = bank_measure(&b, "zest");
	CHECK(m && m->type == T_COUNT && m->hi < 0 && m->better == -1, "a new count measure, better low (CRLF line)");
	m = bank_measure(&b, "touch");
	CHECK(m && m->type == T_SCALE && m->lo == 0 && m->hi == 10, "touch redefined as scale 0 10");
	vc(&b, "touch", "10", 1);
	vc(&b, "touch", "0", 1);
	vc(&b, "touch", "11", 0);
	vc(&b, "mood", "7", 1);
	vc(&b, "mood", "8", 0);
	CHECK(m && measure_range(m) == 10, "the redefined touch has range 10");
	CHECK(itouch >= 0 && b.q[itouch].m >= 0 && b.m[b.q[itouch].m].hi == 10,
	    "the daily touch question asks the redefined measure");
	CHECK(itouch >= 0 && strcmp(b.q[itouch].text, bf->touchtext) == 0,
	    "the daily touch question keeps its text");
	m = bank_measure(&b, "open");
	CHECK(m && m->lo == 1 && m->hi == 5, "open, restated the same, is unchanged");
}

struct badcase {
	const char *what;
	int line;
};

static void
bank_bad_child(void *arg)
{
	const struct badcase *c = arg;
	struct bank b;
	const char *e;
	char want[600];

	cap_begin();
	snprintf(name, sizeof name, "bank_load refuses a user bank with %s", c->what);
	CHECK(bank_load(&b, path("badbank.tsv")) == -1, name);
	e = cap_end();
	snprintf(want, sizeof want, "unit_core: %s:%d: ", path("badbank.tsv"), c->line);
	snprintf(name, sizeof name, "the message for %s names the file and line %d", c->what, c->line);
	CHECK(strstr(e, want) != NULL && clean_lines(e), name);
}

static void
bank_bad(const char *file_text, const char *what, int line)
{
	struct badcase c;

	c.what = what;
	c.line = line;
	writestr(path("badbank.tsv"), file_text);
	in_child(bank_bad_child, &c, what);
}

#define Q7(set, what, type, lo, hi, better, text) \
	set "\t" what "\t" type "\t" lo "\t" hi "\t" better "\t" text "\n"

static void
missing_child(void *arg)
{
	struct bank b;
	const char *e;

	(void)arg;
	cap_begin();
	CHECK(bank_load(&b, path("nonexistent.tsv")) == -1, "bank_load of a missing named bank fails");
	e = cap_end();
	CHECK(strstr(e, "nonexistent.tsv") != NULL, "and names it");
}

static void
test_bank_errors(void)
{
	empty_config();
	bank_bad(Q7("daily", "mood", "scale", "1", "7", "high", "Mood? (1 = low, 7 = high)")
	    Q7("weekly", "mood", "scale", "1", "5", "high", "Mood? (1 = low, 5 = high)"),
	    "two lines that disagree about a new measure", 2);
	bank_bad(Q7("daily", "touch", "scale", "0", "10", "high", "Touch? (0 = none, 10 = plenty)")
	    Q7("more", "touch", "scale", "1", "5", "high", "Touch? (1 = none, 5 = plenty)"),
	    "a redefinition, then the built-in definition restated", 2);
	bank_bad(Q7("more", "touch", "scale", "1", "5", "high", "Touch? (1 = none, 5 = plenty)")
	    Q7("daily", "touch", "scale", "0", "10", "high", "Touch? (0 = none, 10 = plenty)"),
	    "the built-in definition restated, then a redefinition", 2);
	bank_bad("daily\tmood\tscale\t1\t7\thigh\n", "6 fields", 1);
	bank_bad("# c\ndaily\tmood\tscale\t1\t7\thigh\tMood?\textra\n", "8 fields", 2);
	bank_bad(Q7("daily", "mood", "float", "1", "7", "high", "Mood?"), "a bad type", 1);
	bank_bad(Q7("daily", "mood", "scale", "5", "1", "high", "Mood?"), "scale 5 1", 1);
	bank_bad(Q7("daily", "mood", "scale", "3", "3", "high", "Mood?"), "scale 3 3", 1);
	bank_bad(Q7("daily", "mood", "scale", "1", "-", "high", "Mood?"), "scale 1 -", 1);
	bank_bad(Q7("daily", "mood", "scale", "1.5", "5", "high", "Mood?"), "scale 1.5 5", 1);
	bank_bad(Q7("daily", "ok", "yesno", "0", "2", "high", "OK?"), "yesno 0 2", 1);
	bank_bad(Q7("daily", "mins", "minutes", "0", "1441", "high", "Minutes?"), "minutes 0 1441", 1);
	bank_bad(Q7("daily", "cnt", "count", "-1", "-", "high", "Count?"), "count -1 -", 1);
	bank_bad(Q7("daily", "txt", "text", "1", "2", "high", "Text?"), "text 1 2", 1);
	bank_bad(Q7("daily", "mood", "scale", "1", "7", "up", "Mood?"), "better up", 1);
	bank_bad(Q7("prompt", "fears", "scale", "-", "-", "-", "A starter?"), "a starter with a type", 1);
	bank_bad(Q7("prompt", "fears", "-", "1", "-", "-", "A starter?"), "a starter with a lo", 1);
	bank_bad(Q7("daily", "mood", "scale", "1", "7", "high", ""), "an empty text", 1);
	bank_bad(Q7("prompt", "us", "-", "-", "-", "-", ""), "a starter with an empty text", 1);
	bank_bad(Q7("Daily", "mood", "scale", "1", "7", "high", "Mood?"), "a bad set name", 1);
	bank_bad(Q7("daily", "Mood", "scale", "1", "7", "high", "Mood?"), "a bad measure name", 1);
	bank_bad(Q7("daily", "mood", "scale", "1", "7", "high", "Mood\033[2J?"), "a control character in the text", 1);
	bank_bad("\n# fine\n" Q7("daily", "mood", "scale", "1", "7", "high", "Mood? (1 = low, 7 = high)")
	    "garbage\n", "a line of garbage after good ones", 4);

	/* a named user bank that is missing */
	in_child(missing_child, NULL, "a missing bank");
}

/* A bank that is refused with a message holding want (after the file name). */
struct says {
	const char *file, *want, *what;
};

static void
says_child(void *arg)
{
	const struct says *c = arg;
	struct bank b;
	const char *e;
	char want[1200];
	int rc;

	alarm(10);			/* a bank that blocks is a failure, not a hang */
	cap_begin();
	rc = bank_load(&b, c->file);
	e = cap_end();
	alarm(0);
	snprintf(name, sizeof name, "bank_load refuses %s", c->what);
	CHECK(rc == -1, name);
	snprintf(want, sizeof want, "unit_core: %s%s\n", c->file ? c->file : "", c->want);
	snprintf(name, sizeof name, "%s: the message says so", c->what);
	if (strstr(e, want) == NULL)
		printf("# got: %s# want: %s", e, want);
	CHECK(strstr(e, want) != NULL && count_lines(e) == 1, name);
}

static void
bank_says(const char *file, const char *want, const char *what)
{
	struct says c;

	c.file = file;
	c.want = want;
	c.what = what;
	in_child(says_child, &c, what);
}

static void
big_bank(const char *file, size_t size)
{
	static const char q[] = "daily\tbigq\tyesno\t0\t1\thigh\tBig? (y/n)\n";
	char *s = xmalloc(size);
	size_t i;

	memcpy(s, q, sizeof q - 1);
	for (i = sizeof q - 1; i < size; i += 100) {
		size_t n = size - i < 100 ? size - i : 100;

		memset(s + i, 'x', n);
		s[i] = '#';
		s[i + n - 1] = '\n';
	}
	writefile(file, s, size);
	free(s);
}

static void
big_ok_child(void *arg)
{
	struct bank b;

	(void)arg;
	cap_begin();
	CHECK(bank_load(&b, path("mib.tsv")) == 0, "a bank of exactly 1 MiB loads");
	cap_end();
	CHECK(bank_measure(&b, "bigq") != NULL, "and its question is there");
}

static void
test_bank_files(void)
{
	char want[600];

	empty_config();
	bank_says("/dev/null", ": a question bank is a plain file, and this is a device",
	    "a device (/dev/null)");
	bank_says("/dev/zero", ": a question bank is a plain file, and this is a device",
	    "/dev/zero, without reading forever");
	mkdir(path("bankdir"), 0700);
	snprintf(want, sizeof want, ": a question bank is a plain file, and this is a directory");
	bank_says(path("bankdir"), want, "a directory");
	if (mkfifo(path("bank.fifo"), 0600) == 0)
		bank_says(path("bank.fifo"), ": a question bank is a plain file, and this is a pipe",
		    "a FIFO with no writer, without blocking");
	mkdir(path("xdgfifo"), 0700);
	mkdir(path("xdgfifo/hearth"), 0700);
	if (mkfifo(path("xdgfifo/hearth/questions.tsv"), 0600) == 0) {
		setenv("XDG_CONFIG_HOME", path("xdgfifo"), 1);
		snprintf(want, sizeof want, "%s: a question bank is a plain file, and this is a pipe",
		    path("xdgfifo/hearth/questions.tsv"));
		bank_says(NULL, want, "a FIFO at the default place, without blocking");
		empty_config();
	}
	big_bank(path("mib.tsv"), BANK_LIMIT);
	in_child(big_ok_child, NULL, "a bank of 1 MiB");
	big_bank(path("big.tsv"), BANK_LIMIT + 1);
	bank_says(path("big.tsv"), ": a question bank is at most 1 MiB, and this one has 1048577 bytes",
	    "a bank one byte over 1 MiB");
	bank_says(path("nosuchbank.tsv"), ": No such file or directory", "a missing bank, by its name");

	writestr(path("lo.tsv"), Q7("daily", "cnt", "count", "-1", "-", "high", "Count?"));
	bank_says(path("lo.tsv"), ":1: lo is -1, but counts start at 0: lo is 0 or more", "a count with lo -1");
	writestr(path("lo.tsv"), Q7("daily", "mins", "minutes", "-5", "60", "high", "Minutes?"));
	bank_says(path("lo.tsv"), ":1: lo is -5, but minutes start at 0: lo is 0 or more", "minutes with lo -5");
	writestr(path("lo.tsv"), Q7("daily", "cnt", "count", "-", "-", "high", "Count?"));
	bank_says(path("lo.tsv"), ":1: lo is a whole number: - (no limit) is for hi only", "a lo of -");
	writestr(path("lo.tsv"), Q7("daily", "mood", "scale", "x", "5", "high", "Mood?"));
	bank_says(path("lo.tsv"), ":1: lo is a whole number (at most 9 digits), not \"x\"", "a lo of x");
	writestr(path("lo.tsv"), Q7("daily", "mood", "scale", "1", "5x", "high", "Mood?"));
	bank_says(path("lo.tsv"), ":1: hi is a whole number (at most 9 digits) or -, not \"5x\"", "a hi of 5x");
	writestr(path("lo.tsv"), Q7("daily", "mood", "scale", "1", "5", "high", "Mood? (1 = low, 5 = high)\tDialogue"));
	bank_says(path("lo.tsv"), ":1: bad pillar \"Dialogue\": the pillars are dialogue, affection, safety, "
	    "closeness and none (or - to leave it as it is)", "a bad pillar, with the pillars named");
	writestr(path("lo.tsv"), Q7("daily", "talk_min", "minutes", "0", "1440", "high", "Minutes?\tdialogue")
	    Q7("more", "talk_min", "minutes", "0", "1440", "high", "Minutes?\tnone"));
	bank_says(path("lo.tsv"), ":2: talk_min is given another pillar on line 1", "two pillars for one measure");
}

static void
balanced_child(void *arg)
{
	struct bank b;
	const struct measure *m;

	(void)arg;
	writestr(path("neg.tsv"), Q7("daily", "lean", "scale", "-2", "2", "high", "Lean? (-2 = away, 2 = toward)"));
	cap_begin();
	CHECK(bank_load(&b, path("neg.tsv")) == 0, "a scale may start below 0, as in -2 2");
	cap_end();
	m = bank_measure(&b, "lean");
	CHECK(m != NULL && m->lo == -2 && m->hi == 2, "and keeps its range");
}

/* Zero-width and direction-changing characters: names refuse them, output escapes them. */
static void
test_invisible(void)
{
	static const struct {
		const char *s;
		unsigned long u;
	} inv[] = {
		{ "\342\200\213", 0x200b }, { "\342\200\214", 0x200c }, { "\342\200\215", 0x200d },
		{ "\342\200\216", 0x200e }, { "\342\200\217", 0x200f }, { "\342\200\252", 0x202a },
		{ "\342\200\256", 0x202e }, { "\342\201\246", 0x2066 }, { "\342\201\251", 0x2069 },
		{ "\357\273\277", 0xfeff }, { "\330\234", 0x61c },
	};
	struct record r;
	char s[64], want[64];
	const char *why;
	size_t i;

	for (i = 0; i < sizeof inv / sizeof inv[0]; i++) {
		snprintf(name, sizeof name, "invisible_at finds U+%04lX", inv[i].u);
		CHECK(invisible_at(inv[i].s, strlen(inv[i].s)) == inv[i].u, name);
		snprintf(s, sizeof s, "alex%s", inv[i].s);
		snprintf(name, sizeof name, "who_check refuses alex with U+%04lX", inv[i].u);
		why = who_check(s, strlen(s));
		snprintf(want, sizeof want, "(U+%04lX here)", inv[i].u);
		CHECK(why != NULL && strstr(why, "invisible") != NULL && strstr(why, want) != NULL, name);
		snprintf(s, sizeof s, "a%sb", inv[i].s);
		snprintf(want, sizeof want, "a\\u%04lxb", inv[i].u);
		snprintf(name, sizeof name, "vis shows U+%04lX as \\u%04lx", inv[i].u, inv[i].u);
		CHECK_STR(vis(s, strlen(s)), want, name);
	}
	CHECK(invisible_at("\342\200\220", 3) == 0, "invisible_at: U+2010, a hyphen, is not");
	CHECK(invisible_at("\342\200\252", 2) == 0, "invisible_at reads only n bytes");
	CHECK(invisible_at("\342\201\245", 3) == 0 && invisible_at("\342\201\252", 3) == 0,
	    "invisible_at: U+2065 and U+206A are not");
	CHECK(invisible_at("\357\273\276", 3) == 0, "invisible_at: U+FEFE is not");
	CHECK(who_check("zo\303\253\342\200\220l", 8) == NULL, "who_check keeps zoë and a hyphen U+2010");
	CHECK(who_check("smiths/alex\342\200\213", 14) != NULL, "who_check refuses U+200B at the end of a couple's name");
	CHECK_STR(vis("\342\200\220", 3), "\342\200\220", "vis keeps U+2010");
	CHECK_STR(vis("x\342\200", 3), "x\\xe2\\x80", "vis: a cut U+200B is bad bytes");

	why = rps("2026-11-26T21:04:00+01:00\talex\342\200\213\ttouch\t4\t", &r);
	CHECK(why != NULL && strstr(why, "alex\\u200b") != NULL && strstr(why, "invisible") != NULL,
	    "a record for alex + U+200B is bad, and its reason shows the name escaped");
	why = rps("2026-11-26T21:04:00+01:00\talex\ttouch\t4\tsee \342\200\256this", &r);
	CHECK(why == NULL && r.notelen == 11, "a note may hold U+202E: it is text");

	{
		FILE *f = tmpfile();
		char rd[256];
		size_t n;
		static const char note[] = "a \342\200\256reversed\342\200\254 note \357\273\277 \342\201\247x";

		putsafe(f, note, sizeof note - 1);
		rewind(f);
		n = fread(rd, 1, sizeof rd - 1, f);
		rd[n] = '\0';
		fclose(f);
		CHECK_STR(rd, "a \\u202ereversed\\u202c note \\ufeff \\u2067x",
		    "putsafe shows direction-changing and zero-width characters escaped");
	}
	{
		/* one across putsafe's chunks of 256 bytes */
		char big[300];
		FILE *f = tmpfile();
		char rd[400];
		size_t n;

		memset(big, 'a', sizeof big);
		memcpy(big + 254, "\342\200\213", 3);
		putsafe(f, big, sizeof big);
		rewind(f);
		n = fread(rd, 1, sizeof rd, f);
		fclose(f);
		CHECK(n == 303 && memcmp(rd + 254, "\\u200b", 6) == 0 && rd[253] == 'a' && rd[260] == 'a',
		    "putsafe escapes a U+200B cut by its chunks");
	}
}

/* ---- pillars and labels ---- */

static void
test_pillar_names(void)
{
	struct measure d, z;
	int p;

	for (p = 0; p < NPILLARS; p++) {
		snprintf(name, sizeof name, "pillar_parse(pillar_name(%d)) is %d", p, p);
		CHECK(pillar_parse(pillar_name((enum pillar)p)) == p, name);
	}
	CHECK_STR(pillar_name(P_NONE), "none", "pillar_name none");
	CHECK_STR(pillar_name(P_DIALOGUE), "dialogue", "pillar_name dialogue");
	CHECK_STR(pillar_name(P_AFFECTION), "affection", "pillar_name affection");
	CHECK_STR(pillar_name(P_SAFETY), "safety", "pillar_name safety");
	CHECK_STR(pillar_name(P_CLOSENESS), "closeness", "pillar_name closeness");
	CHECK(pillar_parse("Dialogue") == -1 && pillar_parse("") == -1 && pillar_parse("-") == -1 &&
	    pillar_parse("talk") == -1, "pillar_parse refuses other words, any case but lower");
	CHECK_STR(pillar_label(P_DIALOGUE), "talking together", "pillar_label dialogue");
	CHECK_STR(pillar_label(P_AFFECTION), "affection", "pillar_label affection");
	CHECK_STR(pillar_label(P_SAFETY), "feeling safe and heard", "pillar_label safety");
	CHECK_STR(pillar_label(P_CLOSENESS), "closeness", "pillar_label closeness");
	CHECK(pillar_label(P_NONE) != NULL && *pillar_label(P_NONE) != '\0', "pillar_label none is words too");

	d = measure_default("mood");
	CHECK(d.pillar == P_NONE, "measure_default: pillar none");
	CHECK_STR(d.label, "mood", "measure_default: the label is the id");
	CHECK_STR(measure_label(&d), "mood", "measure_label of an unknown measure is its id");
	memset(&z, 0, sizeof z);
	strcpy(z.what, "zest");
	CHECK_STR(measure_label(&z), "zest", "measure_label falls back to the id when the label is empty");
}

static const struct {
	const char *what;
	enum pillar p;
} builtin_pillar[] = {
	{ "talk", P_DIALOGUE }, { "open", P_DIALOGUE }, { "talk_min", P_NONE },
	{ "touch", P_AFFECTION }, { "hugs", P_AFFECTION },
	{ "safe", P_SAFETY }, { "heard", P_SAFETY },
	{ "close", P_CLOSENESS }, { "effort", P_CLOSENESS },
	{ "effort_week", P_NONE }, { "call_min", P_NONE }, { "checkin", P_NONE },
	{ "granted", P_NONE }, { "trust", P_NONE },
};

static void
test_bank_pillars(const struct bank *b)
{
	const struct measure *m;
	size_t i, np[NPILLARS], bad;

	for (i = 0; i < sizeof builtin_pillar / sizeof builtin_pillar[0]; i++) {
		m = bank_measure(b, builtin_pillar[i].what);
		snprintf(name, sizeof name, "built-in %s is in pillar %s", builtin_pillar[i].what,
		    pillar_name(builtin_pillar[i].p));
		CHECK(m != NULL && m->pillar == builtin_pillar[i].p, name);
	}
	memset(np, 0, sizeof np);
	for (i = 0; i < b->nm; i++)
		np[b->m[i].pillar]++;
	CHECK(np[P_DIALOGUE] == 2 && np[P_AFFECTION] == 2 && np[P_SAFETY] == 2 && np[P_CLOSENESS] == 2,
	    "two built-in measures in each pillar, no more");
	m = bank_measure(b, "hugs");
	CHECK(m != NULL && strcmp(measure_label(m), "hugging") == 0, "hugs is labelled hugging");
	m = bank_measure(b, "talk_min");
	CHECK(m != NULL && strcmp(measure_label(m), "minutes of real talk") == 0,
	    "talk_min is labelled minutes of real talk");
	bad = 0;
	for (i = 0; i < b->nm; i++) {
		const char *l = measure_label(&b->m[i]);

		if (*l == '\0' || strlen(l) >= sizeof b->m[i].label || !clean(l) ||
		    !utf8_valid(l, strlen(l)) || strchr(l, '_') != NULL) {
			printf("# label of %s: \"%s\"\n", b->m[i].what, l);
			bad++;
		}
	}
	CHECK(bad == 0, "every built-in measure has a label in words (no ids with _)");
	m = bank_measure(b, "effort_week");
	CHECK(m != NULL && m->type == T_SCALE && m->lo == 1 && m->hi == 5 && m->better == 1,
	    "effort_week is a 1-5 scale, better high");
	CHECK(qindex(b, "weekly", "effort") < 0 && qindex(b, "weekly", "effort_week") >= 0,
	    "the weekly set asks effort_week, not the daily effort");
	bad = 0;
	for (i = 0; i < b->nq; i++) {
		size_t j;

		if (b->q[i].m < 0)
			continue;
		for (j = i + 1; j < b->nq; j++)
			if (b->q[j].m == b->q[i].m && strcmp(b->q[j].set, b->q[i].set) != 0 &&
			    strcmp(b->q[i].set, "more") != 0 && strcmp(b->q[j].set, "more") != 0)
				bad++;
	}
	CHECK(bad == 0, "no measure is asked by two built-in sets: each set's series is its own");
}

/* A user bank with pillars and labels: new, legacy, moved, kept. */
static void
user_pillars_child(void *arg)
{
	struct bank b;
	const struct measure *m;
	const char *e;

	(void)arg;
	writestr(path("pl.tsv"),
	    "# nine fields, eight, seven, and dashes\n"
	    "daily\tlaughs\tcount\t0\t-\thigh\tHow many laughs today?\taffection\tlaughing together\n"
	    "daily\tsighs\tcount\t0\t-\tlow\tHow many sighs today?\tsafety\n"
	    "daily\tmood\tscale\t1\t7\thigh\tMood? (1 = low, 7 = high)\n"
	    "daily\tzest\tscale\t1\t5\thigh\tZest? (1 = none, 5 = plenty)\t-\tzest for life\n"
	    "daily\ttalk_min\tminutes\t0\t1440\thigh\tMinutes of real talk?\tdialogue\n"
	    "daily\ttalk\tscale\t1\t5\thigh\tDid you talk? (1 = no, 5 = deeply)\n"
	    "daily\ttouch\tscale\t0\t10\thigh\tTouch? (0 = none, 10 = plenty)\n"
	    "more\tclose\tscale\t1\t5\thigh\tClose? (1 = far, 5 = near)\tnone\tnearness\n"
	    "weekly\tlaughs\tcount\t0\t-\thigh\tLaughs this week?\t-\t-\n"
	    "more\tlong\tyesno\t0\t1\thigh\tLong?\tnone\ta label far too long to fit in any chart at all\n"
	    "prompt\tus\t-\t-\t-\t-\tWhat made you laugh this week?\t-\t-\n");
	cap_begin();
	CHECK(bank_load(&b, path("pl.tsv")) == 0, "a user bank with pillars and labels loads");
	e = cap_end();
	CHECK(*e == '\0', "and says nothing");
	m = bank_measure(&b, "laughs");
	CHECK(m && m->pillar == P_AFFECTION && strcmp(measure_label(m), "laughing together") == 0,
	    "nine fields: a new measure in affection, with its label");
	m = bank_measure(&b, "sighs");
	CHECK(m && m->pillar == P_SAFETY && strcmp(measure_label(m), "sighs") == 0,
	    "eight fields: the pillar, and the id for a label");
	m = bank_measure(&b, "mood");
	CHECK(m && m->pillar == P_NONE && strcmp(measure_label(m), "mood") == 0 && m->hi == 7,
	    "seven fields, as before: pillar none, the id for a label");
	m = bank_measure(&b, "zest");
	CHECK(m && m->pillar == P_NONE && strcmp(measure_label(m), "zest for life") == 0,
	    "a - pillar with a label");
	m = bank_measure(&b, "talk_min");
	CHECK(m && m->pillar == P_DIALOGUE && strcmp(measure_label(m), "minutes of real talk") == 0,
	    "a user bank moves talk_min into dialogue; its label stays");
	m = bank_measure(&b, "talk");
	CHECK(m && m->pillar == P_DIALOGUE && strcmp(measure_label(m), "depth of talk") == 0,
	    "a seven-field line restating talk keeps its pillar and label");
	m = bank_measure(&b, "touch");
	CHECK(m && m->hi == 10 && m->pillar == P_AFFECTION && strcmp(measure_label(m), "physical affection") == 0,
	    "touch redefined 0-10 stays in affection with its label");
	m = bank_measure(&b, "close");
	CHECK(m && m->pillar == P_NONE && strcmp(measure_label(m), "nearness") == 0,
	    "a user bank takes close out of closeness and relabels it");
	m = bank_measure(&b, "effort");
	CHECK(m && m->pillar == P_CLOSENESS, "measures the user bank does not name keep their pillar");
	m = bank_measure(&b, "long");
	CHECK(m && strlen(measure_label(m)) == 47, "a label of 47 bytes is kept whole");
	bank_free(&b);
}

static void
test_user_pillars(void)
{
	empty_config();
	in_child(user_pillars_child, NULL, "a user bank with pillars");
	bank_bad(Q7("daily", "mood", "scale", "1", "7", "high", "Mood? (1 = low, 7 = high)\tDialogue"),
	    "a pillar name in capitals", 1);
	bank_bad("# mine\n\n" Q7("daily", "mood", "scale", "1", "7", "high", "Mood? (1 = low, 7 = high)\ttalking"),
	    "a pillar that is not one", 3);
	bank_bad(Q7("daily", "mood", "scale", "1", "7", "high", "Mood? (1 = low, 7 = high)\tnone\tmood\textra"),
	    "10 fields", 1);
	bank_bad(Q7("daily", "mood", "scale", "1", "7", "high", "Mood? (1 = low, 7 = high)\tnone\t"),
	    "an empty label", 1);
	bank_bad(Q7("daily", "mood", "scale", "1", "7", "high", "Mood? (1 = low, 7 = high)\tnone\t"
	    "a label much too long to fit in any chart at all"), "a label of 48 bytes", 1);
	bank_bad(Q7("daily", "mood", "scale", "1", "7", "high", "Mood? (1 = low, 7 = high)\tnone\tmy\\mood"),
	    "a backslash in a label", 1);
	bank_bad(Q7("daily", "mood", "scale", "1", "7", "high", "Mood? (1 = low, 7 = high)\tnone\tmy\033mood"),
	    "an escape in a label", 1);
	bank_bad(Q7("prompt", "us", "-", "-", "-", "-", "What song is ours?\tdialogue"),
	    "a starter with a pillar", 1);
	bank_bad(Q7("prompt", "us", "-", "-", "-", "-", "What song is ours?\t-\tsongs"),
	    "a starter with a label", 1);
	bank_bad(Q7("daily", "talk_min", "minutes", "0", "1440", "high", "Minutes?\tdialogue")
	    Q7("more", "talk_min", "minutes", "0", "1440", "high", "Minutes?\tnone"),
	    "two user lines that put a measure in two pillars", 2);
	bank_bad(Q7("daily", "mood", "scale", "1", "7", "high", "Mood? (1 = low, 7 = high)\t-\tmood")
	    Q7("weekly", "mood", "scale", "1", "7", "high", "Mood? (1 = low, 7 = high)\t-\ttemper"),
	    "two user lines that give a measure two labels", 2);
	bank_bad(Q7("daily", "talk", "scale", "1", "5", "high", "Talk? (1 = no, 5 = yes)\tdialogue")
	    Q7("more", "talk", "scale", "1", "5", "high", "Talk? (1 = no, 5 = yes)\tnone"),
	    "a user line restating the built-in pillar, then another", 2);
}

struct place {
	const char *file, *want, *notwant, *what;
};

static void
place_child(void *arg)
{
	const struct place *p = arg;
	struct bank b;
	int rc;

	cap_begin();
	rc = bank_load(&b, p->file);
	CHECK(*cap_end() == '\0', "loading a user bank from its place is silent");
	CHECK(rc == 0 && bank_measure(&b, p->want) != NULL &&
	    (p->notwant == NULL || bank_measure(&b, p->notwant) == NULL), p->what);
}

static void
place(const char *file, const char *want, const char *notwant, const char *what)
{
	struct place p;

	p.file = file;
	p.want = want;
	p.notwant = notwant;
	p.what = what;
	in_child(place_child, &p, what);
}

static void
test_bank_places(void)
{
	mkdir(path("xdg2"), 0700);
	mkdir(path("xdg2/hearth"), 0700);
	writestr(path("xdg2/hearth/questions.tsv"),
	    Q7("daily", "xdgq", "yesno", "0", "1", "high", "From XDG? (y/n)"));
	mkdir(path("home2"), 0700);
	mkdir(path("home2/.config"), 0700);
	mkdir(path("home2/.config/hearth"), 0700);
	writestr(path("home2/.config/hearth/questions.tsv"),
	    Q7("daily", "homeq", "yesno", "0", "1", "high", "From HOME? (y/n)"));
	writestr(path("env.tsv"), Q7("daily", "envq", "yesno", "0", "1", "high", "From HEARTH_BANK? (y/n)"));
	writestr(path("arg.tsv"), Q7("daily", "argq", "yesno", "0", "1", "high", "From -f? (y/n)"));

	unsetenv("HEARTH_BANK");
	setenv("HOME", path("home2"), 1);
	setenv("XDG_CONFIG_HOME", path("xdg2"), 1);
	place(NULL, "xdgq", "homeq", "$XDG_CONFIG_HOME/hearth/questions.tsv is read when XDG_CONFIG_HOME is set");
	unsetenv("XDG_CONFIG_HOME");
	place(NULL, "homeq", "xdgq", "~/.config/hearth/questions.tsv is read when XDG_CONFIG_HOME is unset");
	setenv("XDG_CONFIG_HOME", "", 1);
	place(NULL, "homeq", NULL, "~/.config/hearth/questions.tsv is read when XDG_CONFIG_HOME is empty");
	setenv("XDG_CONFIG_HOME", path("xdg2"), 1);
	setenv("HEARTH_BANK", path("env.tsv"), 1);
	place(NULL, "envq", "xdgq", "$HEARTH_BANK comes before XDG");
	place(path("arg.tsv"), "argq", "envq", "a named file comes before $HEARTH_BANK");
	empty_config();
}

/* Two banks loaded in one process: each answers for itself. */
static void
two_banks_child(void *arg)
{
	struct bank a, b;
	const char *t1, *t2;

	(void)arg;
	empty_config();
	cap_begin();
	CHECK(bank_load(&a, path("zeta.tsv")) == 0, "a first bank_load");
	t1 = starter_of_day(&a, NULL, D20261126, 0);
	CHECK(bank_load(&b, NULL) == 0, "a second bank_load in the same process");
	cap_end();
	CHECK(bank_measure(&b, "open") != NULL && bank_measure(&b, "zeta") == NULL,
	    "the second bank has its own measures only");
	CHECK(bank_measure(&a, "zeta") != NULL,
	    "bank_measure on a first bank still finds its own measure after a second bank_load");
	t2 = starter_of_day(&b, NULL, D20261126, 0);
	CHECK(t1 != NULL && t2 != NULL && strcmp(t1, t2) == 0,
	    "the same built-in starters loaded twice give the same starter of the day");
}

static void
test_two_banks(void)
{
	writestr(path("zeta.tsv"), Q7("daily", "zeta", "scale", "1", "3", "high", "Zeta? (1 = no, 3 = yes)"));
	in_child(two_banks_child, NULL, "two banks in one process");
}

static void
test_starters(const struct bank *b)
{
	size_t n = bank_starters(b, NULL, NULL), nf, i, k, *idx;
	const char *t, **seen;
	int ok, dup, differ;

	idx = xmalloc(b->nq * sizeof *idx);
	seen = xmalloc(b->nq * sizeof *seen);

	t = starter_of_day(b, NULL, D20261126, 0);
	CHECK(t != NULL && t == starter_of_day(b, NULL, D20261126, 0), "starter_of_day is deterministic");
	CHECK(t != NULL && strcmp(t, starter_of_day(b, NULL, D20261126 + (long)n, 0)) == 0,
	    "the starters repeat after their count of days");

	{
		long st[] = { -1000, -(long)n, -150, -1, 0, 1, 1234, D20261126 };
		size_t s;

		for (s = 0; s < sizeof st / sizeof st[0]; s++) {
			ok = 1;
			dup = 0;
			for (k = 0; k < n; k++) {
				t = starter_of_day(b, NULL, st[s] + (long)k, 0);
				if (t == NULL) {
					ok = 0;
					break;
				}
				for (i = 0; i < k; i++)
					if (strcmp(seen[i], t) == 0)
						dup = 1;
				seen[k] = t;
			}
			snprintf(name, sizeof name, "any %zu consecutive days from day %ld give %zu different starters",
			    n, st[s], n);
			CHECK(ok && !dup, name);
		}
		/* every one is a starter */
		ok = 1;
		for (k = 0; k < n; k++) {
			t = starter_of_day(b, NULL, (long)k, 0);
			for (i = 0; i < b->nq; i++)
				if (b->q[i].m < 0 && b->q[i].text == t)
					break;
			if (i == b->nq)
				ok = 0;
		}
		CHECK(ok, "starter_of_day returns the text of a starter in the bank");

		/* by category */
		nf = bank_starters(b, "fears", idx);
		for (s = 0; s < sizeof st / sizeof st[0]; s++) {
			ok = 1;
			dup = 0;
			for (k = 0; k < nf; k++) {
				t = starter_of_day(b, "fears", st[s] + (long)k, 0);
				for (i = 0; i < nf; i++)
					if (t != NULL && strcmp(b->q[idx[i]].text, t) == 0)
						break;
				if (t == NULL || i == nf)
					ok = 0;
				for (i = 0; ok && i < k; i++)
					if (strcmp(seen[i], t) == 0)
						dup = 1;
				if (ok)
					seen[k] = t;
			}
			snprintf(name, sizeof name, "fears: %zu consecutive days from day %ld give %zu different fears starters",
			    nf, st[s], nf);
			CHECK(ok && !dup, name);
		}
	}

	differ = 0;
	for (k = 0; k < n; k++)
		if (strcmp(starter_of_day(b, NULL, (long)k, 0), starter_of_day(b, NULL, (long)k, 1)) != 0)
			differ++;
	CHECK(differ > 0, "seeds 0 and 1 give different sequences");
	differ = 0;
	for (k = 0; k < n; k++)
		if (strcmp(starter_of_day(b, NULL, (long)k, 42), starter_of_day(b, NULL, (long)k, 43)) != 0)
			differ++;
	CHECK(differ > 0, "seeds 42 and 43 give different sequences");
	differ = 0;
	for (k = 0; k < nf; k++)
		if (strcmp(starter_of_day(b, "fears", (long)k, 0), starter_of_day(b, "fears", (long)k, 7)) != 0)
			differ++;
	CHECK(differ > 0, "seeds 0 and 7 give different fears sequences");
	CHECK(starter_of_day(b, "nosuch", D20261126, 0) == NULL, "an unknown category gives NULL");
	CHECK(starter_of_day(b, "", D20261126, 0) == NULL, "an empty category gives NULL");
	free(idx);
	free(seen);
}

static void
seed_exit(const char *v, int want, const char *what)
{
	pid_t pid;
	int status = -1;

	fflush(stdout);
	fflush(stderr);
	if ((pid = fork()) == 0) {
		int fd = open("/dev/null", O_WRONLY);

		dup2(fd, 2);
		setenv("HEARTH_SEED", v, 1);
		hearth_seed();
		_exit(0);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == want, what);
}

static void
test_seed(void)
{
	unsetenv("HEARTH_SEED");
	CHECK(hearth_seed() == 0, "hearth_seed is 0 when HEARTH_SEED is unset");
	setenv("HEARTH_SEED", "", 1);
	CHECK(hearth_seed() == 0, "hearth_seed is 0 when HEARTH_SEED is empty");
	setenv("HEARTH_SEED", "42", 1);
	CHECK(hearth_seed() == 42, "hearth_seed 42");
	setenv("HEARTH_SEED", "007", 1);
	CHECK(hearth_seed() == 7, "hearth_seed 007");
	setenv("HEARTH_SEED", "18446744073709551609", 1);
	CHECK(hearth_seed() == 18446744073709551609ULL, "hearth_seed 18446744073709551609");
	unsetenv("HEARTH_SEED");
	seed_exit("18446744073709551615", 0, "hearth_seed takes the largest unsigned long long, 18446744073709551615");
	seed_exit("18446744073709551616", 1, "hearth_seed refuses 2^64 (exit 1)");
	seed_exit("abc", 1, "hearth_seed refuses abc (exit 1)");
	seed_exit("-1", 1, "hearth_seed refuses -1 (exit 1)");
	seed_exit("1.5", 1, "hearth_seed refuses 1.5 (exit 1)");
	seed_exit(" 4", 1, "hearth_seed refuses a space (exit 1)");
	seed_exit("99999999999999999999999", 1, "hearth_seed refuses 23 digits (exit 1)");
}

/* ---- util.c ---- */

static void
test_util(void)
{
	char big[1200], rd[16384];
	const char *v, *v1, *v2, *v3, *v4;
	size_t i, n;
	FILE *f;

	CHECK_STR(vis("a\tb\nc\rd", 7), "a\\tb\\nc\\rd", "vis escapes TAB, LF, CR");
	CHECK_STR(vis("\033[31mred", 8), "\\x1b[31mred", "vis escapes ESC as \\x1b");
	CHECK_STR(vis("a\177b", 3), "a\\x7fb", "vis escapes DEL");
	CHECK_STR(vis("a\001b", 3), "a\\x01b", "vis escapes SOH");
	CHECK_STR(vis("a\0b", 3), "a\\x00b", "vis escapes NUL");
	CHECK_STR(vis("a\302\233b", 4), "a\\xc2\\x9bb", "vis escapes the C1 control U+009B");
	CHECK_STR(vis("a\302\205b", 4), "a\\xc2\\x85b", "vis escapes the C1 control U+0085");
	CHECK_STR(vis("a\377b", 3), "a\\xffb", "vis escapes the byte ff");
	CHECK_STR(vis("\300\257", 2), "\\xc0\\xaf", "vis escapes an overlong sequence");
	CHECK_STR(vis("\355\240\200", 3), "\\xed\\xa0\\x80", "vis escapes a surrogate");
	CHECK_STR(vis("x\342\202", 3), "x\\xe2\\x82", "vis escapes a cut sequence");
	CHECK_STR(vis("café", 5), "café", "vis keeps é");
	CHECK_STR(vis("hi 😀 日本", strlen("hi 😀 日本")), "hi 😀 日本", "vis keeps an emoji and CJK");
	CHECK_STR(vis("nb\302\240sp", 6), "nb\302\240sp", "vis keeps a no-break space");
	CHECK_STR(vis("back\\slash", 10), "back\\slash", "vis keeps a backslash");
	CHECK_STR(vis("", 0), "", "vis of nothing");
	CHECK_STR(vis("abcdef", 3), "abc", "vis reads only n bytes");

	memset(big, 'a', sizeof big);
	v = vis(big, 199);
	CHECK(strlen(v) == 199 && strspn(v, "a") == 199, "vis keeps 199 bytes whole");
	v = vis(big, 200);
	CHECK(strlen(v) == 200 && strchr(v, '.') == NULL, "vis keeps 200 bytes whole (cut at 200 bytes)");
	v = vis(big, sizeof big);
	n = strlen(v);
	CHECK(n >= 200 && n <= 203 && strcmp(v + n - 3, "...") == 0 && v[0] == 'a' && v[n - 4] == 'a',
	    "vis cuts 1200 bytes to about 200 and ends with ...");
	for (i = 0; i < sizeof big; i++)
		big[i] = '\033';
	v = vis(big, sizeof big);
	n = strlen(v);
	CHECK(n <= 203 && strcmp(v + n - 3, "...") == 0 && strncmp(v, "\\x1b\\x1b", 8) == 0 &&
	    n > 3 && (n - 3) % 4 == 0, "vis cuts 1200 ESC between whole escapes, with ...");
	for (i = 0; i + 4 <= sizeof big; i += 4)
		memcpy(big + i, "\360\237\230\200", 4);
	v = vis(big, sizeof big);
	n = strlen(v);
	CHECK(n <= 203 && strcmp(v + n - 3, "...") == 0 && utf8_valid(v, n) && (n - 3) % 4 == 0,
	    "vis cuts 300 emoji between whole characters");
	for (i = 0; i + 2 <= sizeof big; i += 2)
		memcpy(big + i, "\303\251", 2);
	big[0] = 'x';				/* shift: é straddles every even offset */
	v = vis(big, sizeof big - 1);
	n = strlen(v);
	CHECK(n <= 203 && strcmp(v + n - 3, "...") == 0 && utf8_valid(v, n),
	    "vis cuts é text between whole characters");

	v1 = vis("one", 3);
	v2 = vis("two", 3);
	v3 = vis("three", 5);
	v4 = vis("four", 4);
	CHECK(strcmp(v1, "one") == 0 && strcmp(v2, "two") == 0 && strcmp(v3, "three") == 0 &&
	    strcmp(v4, "four") == 0, "four vis() results live at once");

	f = tmpfile();
	putsafe(f, "ok\033[2J\tnext é\377 \302\233!\0z", 21);
	rewind(f);
	n = fread(rd, 1, sizeof rd - 1, f);
	rd[n] = '\0';
	CHECK_STR(rd, "ok\\x1b[2J\\tnext é\\xff \\xc2\\x9b!\\x00z", "putsafe escapes controls and bad bytes, keeps é");
	fclose(f);

	/* long input: 1 + 300 é (601 bytes) comes out as it went in */
	f = tmpfile();
	big[0] = 'x';
	for (i = 1; i + 2 <= 601; i += 2)
		memcpy(big + i, "\303\251", 2);
	putsafe(f, big, 601);
	rewind(f);
	n = fread(rd, 1, sizeof rd, f);
	CHECK(n == 601 && memcmp(rd, big, 601) == 0, "putsafe keeps 601 bytes of é across its chunks");
	fclose(f);

	/* 255 a, an emoji across the 256-byte chunk boundary, more a */
	f = tmpfile();
	memset(big, 'a', 600);
	memcpy(big + 254, "\360\237\230\200", 4);
	putsafe(f, big, 600);
	rewind(f);
	n = fread(rd, 1, sizeof rd, f);
	CHECK(n == 600 && memcmp(rd, big, 600) == 0, "putsafe keeps an emoji across a chunk boundary");
	fclose(f);

	/* 300 lone continuation bytes */
	f = tmpfile();
	memset(big, '\200', 300);
	putsafe(f, big, 300);
	rewind(f);
	n = fread(rd, 1, sizeof rd, f);
	CHECK(n == 1200 && memcmp(rd, "\\x80\\x80", 8) == 0 && memcmp(rd + 1196, "\\x80", 4) == 0,
	    "putsafe escapes 300 lone continuation bytes");
	fclose(f);

	/* 2000 ESC: each one escaped, nothing raw */
	f = tmpfile();
	memset(big, '\033', 1000);
	putsafe(f, big, 1000);
	putsafe(f, big, 1000);
	rewind(f);
	n = fread(rd, 1, sizeof rd, f);
	CHECK(n == 8000 && memchr(rd, '\033', n) == NULL, "putsafe escapes 2000 ESC, each as \\x1b, none dropped, none raw");
	fclose(f);

	CHECK(utf8_valid("", 0), "utf8_valid: empty");
	CHECK(utf8_valid("plain", 5), "utf8_valid: ASCII");
	CHECK(utf8_valid("a\0b", 3), "utf8_valid: NUL is ASCII");
	CHECK(utf8_valid("café", 5), "utf8_valid: é");
	CHECK(utf8_valid("\360\237\230\200", 4), "utf8_valid: emoji");
	CHECK(utf8_valid("\355\237\277", 3), "utf8_valid: U+D7FF");
	CHECK(utf8_valid("\356\200\200", 3), "utf8_valid: U+E000");
	CHECK(utf8_valid("\364\217\277\277", 4), "utf8_valid: U+10FFFF");
	CHECK(utf8_valid("\302\200", 2), "utf8_valid: U+0080 (well-formed, if a control)");
	CHECK(utf8_valid("\340\240\200", 3), "utf8_valid: U+0800");
	CHECK(utf8_valid("\360\220\200\200", 4), "utf8_valid: U+10000");
	CHECK(!utf8_valid("\300\257", 2), "utf8_valid: overlong c0 af");
	CHECK(!utf8_valid("\301\277", 2), "utf8_valid: overlong c1 bf");
	CHECK(!utf8_valid("\340\200\257", 3), "utf8_valid: overlong e0 80 af");
	CHECK(!utf8_valid("\360\217\277\277", 4), "utf8_valid: overlong f0 8f bf bf");
	CHECK(!utf8_valid("\355\240\200", 3), "utf8_valid: surrogate ed a0 80");
	CHECK(!utf8_valid("\355\277\277", 3), "utf8_valid: surrogate ed bf bf");
	CHECK(!utf8_valid("\364\220\200\200", 4), "utf8_valid: above U+10FFFF");
	CHECK(!utf8_valid("\365\200\200\200", 4), "utf8_valid: f5");
	CHECK(!utf8_valid("\377", 1), "utf8_valid: ff");
	CHECK(!utf8_valid("\376", 1), "utf8_valid: fe");
	CHECK(!utf8_valid("\200", 1), "utf8_valid: a lone continuation byte");
	CHECK(!utf8_valid("\342\202", 2), "utf8_valid: a cut sequence");
	CHECK(!utf8_valid("\303", 1), "utf8_valid: a lead byte at the end");
	CHECK(!utf8_valid("\303(", 2), "utf8_valid: a lead byte before ASCII");
	CHECK(!utf8_valid("\303\251", 1), "utf8_valid reads only n bytes");
	CHECK(!utf8_valid("\360\237\230", 3), "utf8_valid: a cut emoji");

	setprogname("/usr/local/bin/trend");
	CHECK_STR(progname, "trend", "setprogname keeps the basename");
	setprogname("remind");
	CHECK_STR(progname, "remind", "setprogname of a bare name");
	setprogname("unit_core");

	setenv("HEARTH_NOTTY", "1", 1);
	CHECK(isterm(0) == 0 && isterm(1) == 0 && isterm(2) == 0, "isterm is 0 with HEARTH_NOTTY set");
	unsetenv("HEARTH_NOTTY");

	v = xstrdup("copy");
	CHECK_STR(v, "copy", "xstrdup");
	free((void *)v);

	f = tmpfile();
	fputs("fine", f);
	CHECK(fshut(f, "tmp") == 0, "fshut of a good stream is 0");
	fclose(f);
	f = fopen("/dev/full", "w");
	if (f != NULL) {
		cap_begin();
		fputs("no room", f);
		CHECK(fshut(f, "/dev/full") == 1, "fshut of a full device is 1");
		v = cap_end();
		CHECK(strstr(v, "unit_core: /dev/full: ") == v, "fshut names the stream");
		fclose(f);
	}
	{
		char *args[] = { "a.tsv", "b.tsv", NULL };

		CHECK(journal_args(2, args) == args, "journal_args keeps named files");
		if (!isatty(0)) {
			char **one = journal_args(0, args);

			CHECK(one != NULL && strcmp(one[0], "-") == 0 && one[1] == NULL,
			    "journal_args with no files and stdin not a terminal reads stdin");
		}
	}
}

static void
cleanup(const char *dir)
{
	char cmd[600];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "unit_core: could not remove %s\n", dir);
}

/* The built-in bank, loaded once: its contents, values, starters. */
static void
base_child(void *arg)
{
	struct bank b;
	struct basefacts bf;
	FILE *f;

	(void)arg;
	test_bank_builtin(&b);
	test_bank_pillars(&b);
	test_values(&b);
	test_starters(&b);
	base_facts(&b, &bf);
	if ((f = fopen(path("facts"), "wb")) != NULL) {
		fwrite(&bf, sizeof bf, 1, f);
		fclose(f);
	}
}


/* What f holds from the start, NUL-terminated in buf; f is emptied. */
static const char *
drained(FILE *f, char *buf, size_t cap)
{
	size_t n;

	rewind(f);
	n = fread(buf, 1, cap - 1, f);
	buf[n] = '\0';
	rewind(f);
	if (ftruncate(fileno(f), 0) != 0)
		buf[0] = '\0';
	return buf;
}

/* The text layer: one decoder, the width of what putsafe() writes, wraps. */
static void
test_text(void)
{
	static const char *const shown[] = {
		"plain", "tab\there", "cr\r", "\001\177", "\302\205c1", "\300\257 overlong",
		"\355\240\200 surrogate", "zero\342\200\213width", "\344\275\240\345\245\275",
		"e\314\201", "\360\237\230\200", "cut \342\200",
	};
	struct wrap how = { NULL, 21, -1, NULL, 0, 0, 1 };
	struct spans sp = { NULL, 0, 0 };
	char buf[512], name[128];
	unsigned long c;
	size_t i;
	FILE *f = tmpfile();

	if (f == NULL) {
		CHECK(0, "tmpfile for the text layer");
		return;
	}
	CHECK(u8_decode("\303\251", 2, &c) == 2 && c == 0xe9, "u8_decode: U+00E9");
	CHECK(u8_decode("\360\237\230\200", 4, &c) == 4 && c == 0x1f600, "u8_decode: U+1F600");
	CHECK(u8_decode("\300\257", 2, &c) == 0, "u8_decode refuses an overlong");
	CHECK(u8_decode("\355\240\200", 3, &c) == 0, "u8_decode refuses a surrogate");
	CHECK(u8_decode("\364\220\200\200", 4, &c) == 0, "u8_decode refuses past U+10FFFF");
	CHECK(u8_decode("\342\200", 2, &c) == 0, "u8_decode reads only n bytes");
	/* each case: its columns are the bytes putsafe() writes, but for the
	 * wide (2 a character, 3 bytes or 4) and combining ones, counted here */
	for (i = 0; i < 8; i++) {
		putsafe(f, shown[i], strlen(shown[i]));
		drained(f, buf, sizeof buf);
		snprintf(name, sizeof name, "text_cols is what putsafe writes: %.60s", buf);
		CHECK(text_cols(shown[i], strlen(shown[i])) == strlen(buf), name);
	}
	CHECK(text_cols(shown[8], strlen(shown[8])) == 4, "text_cols: two CJK characters, 4 columns");
	CHECK(text_cols(shown[9], strlen(shown[9])) == 1, "text_cols: a combining accent, 0");
	CHECK(text_cols(shown[10], strlen(shown[10])) == 2, "text_cols: an emoji, 2");
	CHECK(text_cols(shown[11], strlen(shown[11])) == 12, "text_cols: a cut character, \\xHH a byte");
	how.f = f;
	text_wrap(&how, "lead: ", "one two three four five = six");
	CHECK_STR(drained(f, buf, sizeof buf), "lead: one two three\n      four five = six",
	    "text_wrap: indented under lead, \"= six\" kept together");
	how.indent = 1;
	how.hint = "[1-5]";
	how.glue = 0;
	text_wrap(&how, "", "aaaa bbbb cccc dddd");
	CHECK_STR(drained(f, buf, sizeof buf), "aaaa bbbb cccc\n dddd [1-5]",
	    "text_wrap: the hint goes with the last word, lines indented by 1");
	how.hint = NULL;
	how.cols = 20;		/* 10 and 10 columns and a space: 21 */
	text_wrap(&how, "", "\344\275\240\345\245\275\344\275\240\345\245\275\344\275\240 "
	    "\344\275\240\345\245\275\344\275\240\345\245\275\344\275\240");
	CHECK(strchr(drained(f, buf, sizeof buf), '\n') != NULL,
	    "text_wrap: wide characters count 2 columns each");
	text_lines("abcdefgh ij", 11, 4, &sp);
	CHECK(sp.n == 3 && sp.v[0].n == 4 && sp.v[1].n == 4 && sp.v[2].n == 2,
	    "text_lines: a word longer than a line is cut, then a break at a space");
	free(sp.v);
	xml_escape(f, "<a href='x'>&\"\001\357\277\276", 18);
	CHECK_STR(drained(f, buf, sizeof buf),
	    "&lt;a href=&#39;x&#39;&gt;&amp;&quot;\357\277\275\357\277\275", "xml_escape");
	CHECK(u8_chars("\303\251t\303\251", 5) == 3 && u8_prefix("\303\251t\303\251", 5, 2) == 3,
	    "u8_chars and u8_prefix count characters");
	CHECK(strcmp(month_name[10], "November") == 0 && strcmp(day_name[weekday(20783)], "Thursday") == 0,
	    "month_name and day_name: Thursday 26 November 2026");
	setenv("HEARTH_NOTTY", "1", 1);
	setenv("COLUMNS", "120", 1);
	CHECK(term_window(1) == 0 && term_cols(1) == 120, "term_cols: $COLUMNS when no window");
	setenv("COLUMNS", "19", 1);
	CHECK(term_cols(1) == 80, "term_cols: $COLUMNS below 20 is not a width: 80");
	unsetenv("COLUMNS");
	CHECK(term_cols(1) == 80, "term_cols: else 80");
	setenv("TERM", "xterm", 1);
	CHECK(colour_ok(1) == 0, "colour_ok: never when not a terminal");
	unsetenv("HEARTH_NOTTY");
	fclose(f);
}

int
main(void)
{
	struct basefacts bf;
	FILE *f;
	const char *t = getenv("TMPDIR");

	setprogname("unit_core");
	snprintf(tmpdir, sizeof tmpdir, "%s/unit_core.XXXXXX", t && *t ? t : "/tmp");
	if (mkdtemp(tmpdir) == NULL) {
		perror("mkdtemp");
		return 2;
	}
	setenv("TZ", "UTC0", 1);
	tzset();
	unsetenv("HEARTH_SEED");

	test_calendar();
	test_stamps();
	test_when();
	test_records();
	test_fields();
	test_notes();
	test_lines();
	test_journal();
	in_child(base_child, NULL, "the built-in bank");
	f = fopen(path("facts"), "rb");
	if (f == NULL || fread(&bf, sizeof bf, 1, f) != 1) {
		CHECK(0, "the built-in bank's facts were written");
		memset(&bf, 0, sizeof bf);
		bf.iopen = bf.ilast = bf.itouch = -1;
	}
	if (f != NULL)
		fclose(f);
	empty_config();
	in_child(test_user_bank, &bf, "a user bank");
	test_bank_errors();
	test_user_pillars();
	test_bank_files();
	in_child(balanced_child, NULL, "a scale below 0");
	test_bank_places();
	test_two_banks();
	test_seed();
	test_util();
	test_invisible();
	test_text();
	test_pillar_names();

	free(recbuf);
	cleanup(tmpdir);
	return unit_failed;
}
