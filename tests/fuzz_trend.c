/*
 * fuzz_trend.c - libFuzzer target: the whole of trend(1), run in-process,
 * with an independent count of what it should have read.
 *
 * src/trend.c (with its views, view.c, chart.c and svg.c) is included
 * with its main renamed trend_main and run by
 * fuzz_run() (tests/fuzz.h), to which usage() and die() return, with the
 * built-in bank parsed once (fuzz_bank_load()), which bank_free() leaves
 * alone.  trend frees everything else it holds before main returns.
 *
 * The first byte of the input chooses the options, the rest is a journal:
 *
 *	bits 0-1  report, -s, -c or -g
 *	bits 2-3  with -s: no -b, -b day, -b week, -b month
 *	bits 4-5  no -n (90 days), -n 7, -n 30, -n 400
 *	bit 6     -w alex,sam
 *	bit 7     -m touch,hugs
 *
 * and trend runs as `trend OPTIONS -d 2026-11-26 FILE`.  What must hold:
 *
 * - status 0: bad records are skipped, never fatal; but 1 when a name
 *   that -w or -m gives has no good record up to the as-of date (a typo
 *   is said, not silent);
 * - every byte written is printable UTF-8 (tabs and newlines apart): no
 *   control character from the journal reaches the output raw;
 * - the report (no -w, -m) has one row per person and measure with a
 *   record in the window, in byte order, and n is the number of days with
 *   data, counted here from record_parse() over the same lines;
 * - the daily series (-s, -s -b day) has one row per day with data, whose
 *   value is the day's mean or sum as the measure's type says.
 */
#include "fuzz.h"

#define main trend_main
#define bank_load fuzz_bank_load
#define bank_free fuzz_bank_free
static void fuzz_bank_free(struct bank *);
#include "../src/trend.c"
#undef bank_free
#undef bank_load
#undef main
#include "../src/view.c"
#include "../src/chart.c"
#include "../src/svg.c"
#include "../src/rules.c"

#define ASOF	"2026-11-26"

static char *jpath, *opath;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_tmpdir("fuzz_trend");
	jpath = fuzz_path("journal.tsv");
	opath = fuzz_path("out");
	fuzz_env();
	setenv("LC_ALL", "C", 1);
	unsetenv("NO_COLOR");
	return 0;
}

/* trend frees all it holds before main returns, but not the bank. */
static void
fuzz_bank_free(struct bank *b)
{
	memset(b, 0, sizeof *b);
}

/* What trend should have read: one entry per person, measure and day. */
struct ref {
	char	*who, *what;
	long	 day;
	double	 sum;
	int	 cnt;
};

static struct ref *refs;
static size_t nref;

/* Which of alex, sam, touch and hugs have a good record up to the as-of date. */
static int seen_alex, seen_sam, seen_touch, seen_hugs;

static void
reference(const char *s, size_t n, long lo, long hi)
{
	const char *p = s, *end = s + n, *nl;
	struct record r;
	size_t len, i;
	char *line;
	int good;

	nref = 0;
	refs = NULL;
	seen_alex = seen_sam = seen_touch = seen_hugs = 0;
	for (; p < end; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		len = (size_t)(nl - p);
		if (len > 0 && p[len - 1] == '\r')
			len--;
		if (len > LINE_LIMIT)
			continue;
		line = malloc(len + 1);
		memcpy(line, p, len);
		line[len] = '\0';
		good = !line_blank(line, len) && record_parse(line, len, &r) == NULL &&
		    r.t.day <= hi;
		if (good) {
			seen_alex |= strcmp(r.who, "alex") == 0;
			seen_sam |= strcmp(r.who, "sam") == 0;
			seen_touch |= strcmp(r.what, "touch") == 0;
			seen_hugs |= strcmp(r.what, "hugs") == 0;
		}
		if (good && r.t.day >= lo) {
			for (i = 0; i < nref; i++)
				if (refs[i].day == r.t.day && strcmp(refs[i].who, r.who) == 0 &&
				    strcmp(refs[i].what, r.what) == 0)
					break;
			if (i == nref) {
				refs = realloc(refs, (nref + 1) * sizeof *refs);
				refs[i].who = strdup(r.who);
				refs[i].what = strdup(r.what);
				refs[i].day = r.t.day;
				refs[i].sum = 0;
				refs[i].cnt = 0;
				nref++;
			}
			refs[i].sum += r.v;
			refs[i].cnt++;
		}
		free(line);
	}
}

static void
reference_free(void)
{
	size_t i;

	for (i = 0; i < nref; i++) {
		free(refs[i].who);
		free(refs[i].what);
	}
	free(refs);
	refs = NULL;
	nref = 0;
}

/* Split a line of output at tabs into f; the field count. */
static int
fields(char *s, char **f, int max)
{
	int k = 0;

	for (;;) {
		if (k < max)
			f[k] = s;
		k++;
		if ((s = strchr(s, '\t')) == NULL)
			return k;
		*s++ = '\0';
	}
}

static void
check_report(char *out, int sel)
{
	char *line, *nl, *f[12], prevwho[80] = "", prevwhat[40] = "";
	size_t i, rows = 0, keys = 0, j;
	int n, first_row = 1;

	line = out;
	nl = strchr(line, '\n');
	CHECK(nl != NULL);
	*nl = '\0';
	CHECK(strcmp(line, "who\twhat\tn\tlast7\tbase28\tchange\tpchange\tslope\tptrend\trmssd\tflags") == 0);
	for (line = nl + 1; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		CHECK(nl != NULL);
		*nl = '\0';
		CHECK(fields(line, f, 12) == 11);
		CHECK(strlen(f[0]) < sizeof prevwho && strlen(f[1]) < sizeof prevwhat);
		if (!first_row)
			CHECK(strcmp(prevwho, f[0]) < 0 ||
			    (strcmp(prevwho, f[0]) == 0 && strcmp(prevwhat, f[1]) < 0));
		first_row = 0;
		strcpy(prevwho, f[0]);
		strcpy(prevwhat, f[1]);
		for (i = 0, n = 0; i < nref; i++)
			if (strcmp(refs[i].who, f[0]) == 0 && strcmp(refs[i].what, f[1]) == 0)
				n++;
		CHECK(n > 0 && atoi(f[2]) == n);
		if (strcmp(f[10], "-") != 0) {
			char *t;

			for (t = strtok(f[10], ","); t != NULL; t = strtok(NULL, ","))
				CHECK(flag_parse(t) != 0);
		}
		rows++;
	}
	if (sel)
		return;
	/* every person and measure with data has its row */
	for (i = 0; i < nref; i++) {
		for (j = 0; j < i; j++)
			if (strcmp(refs[j].who, refs[i].who) == 0 &&
			    strcmp(refs[j].what, refs[i].what) == 0)
				break;
		keys += j == i;
	}
	CHECK(rows == keys);
}

static void
check_series(char *out, int sel, const struct bank *b)
{
	char *line, *nl, *f[6], want[32];
	const struct measure *m;
	struct measure def;
	size_t i, rows = 0;
	long day;

	line = out;
	nl = strchr(line, '\n');
	CHECK(nl != NULL);
	*nl = '\0';
	CHECK(strcmp(line, "date\twho\twhat\tvalue\tdays") == 0);
	for (line = nl + 1; *line; line = nl + 1) {
		nl = strchr(line, '\n');
		CHECK(nl != NULL);
		*nl = '\0';
		CHECK(fields(line, f, 6) == 5);
		CHECK(date_parse(f[0], strlen(f[0]), &day) == NULL);
		for (i = 0; i < nref; i++)
			if (refs[i].day == day && strcmp(refs[i].who, f[1]) == 0 &&
			    strcmp(refs[i].what, f[2]) == 0)
				break;
		CHECK(i < nref);
		CHECK(strcmp(f[4], "1") == 0);
		if ((m = bank_measure(b, f[2])) == NULL) {
			def = measure_default(f[2]);
			m = &def;
		}
		figure_format(want, measure_sums(m) ? refs[i].sum :
		    refs[i].sum / refs[i].cnt, 2);
		CHECK(strcmp(f[3], want) == 0);
		rows++;
	}
	if (!sel)
		CHECK(rows == nref);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char ws[] = "alex,sam", ms[] = "touch,hugs";
	char *argv[20], *out, nbuf[8];
	static const char *ns[] = { NULL, "7", "30", "400" };
	static const char *bs[] = { NULL, "day", "week", "month" };
	struct bank fbank;
	int argc = 0, mode, sel, days, rc;
	size_t on;
	long asofday;

	if (size == 0)
		return 0;
	mode = data[0] & 3;
	argv[argc++] = "trend";
	if (mode == 1)
		argv[argc++] = "-s";
	else if (mode == 2)
		argv[argc++] = "-c";
	else if (mode == 3)
		argv[argc++] = "-g";
	if (mode == 1 && bs[(data[0] >> 2) & 3] != NULL) {
		argv[argc++] = "-b";
		argv[argc++] = (char *)bs[(data[0] >> 2) & 3];
	}
	days = 90;
	if (ns[(data[0] >> 4) & 3] != NULL) {
		snprintf(nbuf, sizeof nbuf, "%s", ns[(data[0] >> 4) & 3]);
		argv[argc++] = "-n";
		argv[argc++] = nbuf;
		days = atoi(nbuf);
	}
	sel = 0;
	if (data[0] & 0x40) {
		memcpy(ws, "alex,sam", 9);	/* strtok cut it last time */
		argv[argc++] = "-w";
		argv[argc++] = ws;
		sel = 1;
	}
	if (data[0] & 0x80) {
		memcpy(ms, "touch,hugs", 11);
		argv[argc++] = "-m";
		argv[argc++] = ms;
		sel = 1;
	}
	argv[argc++] = "-d";
	argv[argc++] = ASOF;
	argv[argc++] = jpath;
	argv[argc] = NULL;
	fuzz_putfile(jpath, data + 1, size - 1);
	fuzz_putfile(opath, "", 0);

	rc = fuzz_run(trend_main, argc, argv, opath);
	fuzz_bank_load(&fbank, NULL);

	out = fuzz_getfile(opath, &on);
	CHECK(fuzz_printable(out, on, 1));
	date_parse(ASOF, 10, &asofday);
	reference((const char *)data + 1, size - 1,
	    asofday - days + 1, asofday);
	CHECK(rc == (((data[0] & 0x40) && !(seen_alex && seen_sam)) ||
	    ((data[0] & 0x80) && !(seen_touch && seen_hugs))));
	if (mode == 0)
		check_report(out, sel);
	else if (mode == 1 && ((data[0] >> 2) & 3) <= 1)
		check_series(out, sel, &fbank);
	reference_free();
	free(out);
	return 0;
}
