/*
 * fuzz_remind.c - libFuzzer target: the whole of remind(1), run in-process.
 *
 * src/remind.c is included with its main renamed remind_main and run by
 * fuzz_run() (tests/fuzz.h), to which usage() and die() return.  remind
 * keeps its rules (with their message buffer), model and figures in
 * statics; reset() frees and clears them after each run, so it must
 * follow their names in remind.c.
 * prompt() keeps a pointer into the bank in a static of its own, out of
 * reach, so the bank must be the one fuzz_bank_load() parses once.
 *
 * The first byte of the input chooses the options: bit 0 `-l` (list the
 * rules), bit 1 `-w alex`.  The rest is split at its first NUL byte or,
 * failing that, its first "\n--\n" into a rules file and a journal, and
 * remind runs as `remind -d 2026-11-26 -f RULES JOURNAL`.  What must hold:
 *
 * - status 0 or 1;
 * - a rules file with a bad line sends nothing: status 1, no output;
 * - every byte written is printable UTF-8 (tabs and newlines apart): rules
 *   and journals are data, and nothing from them reaches cron's mail raw;
 * - each reminder is "2026-11-26<TAB>kind:N<TAB>message", N the line of a
 *   rule of that kind in the file.
 */
#include "fuzz.h"

#define main remind_main
#define bank_load fuzz_bank_load
#include "../src/remind.c"
#undef bank_load
#undef main
#include "../src/rules.c"

static char *rpath, *jpath, *opath;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_tmpdir("fuzz_remind");
	rpath = fuzz_path("remind.tsv");
	jpath = fuzz_path("journal.tsv");
	opath = fuzz_path("out");
	fuzz_env();
	setenv("LC_ALL", "C", 1);
	unsetenv("HEARTH_SEED");
	return 0;
}

static void
reset(void)
{
	rules_free(&rules);
	who = NULL;
	today = 0;
	forget();
	plain = 0;
	listing = 0;
	newest = NOWHEN;
	reading = newest_in = 0;
	free(journal);
	journal = NULL;
	memset(&showup, 0, sizeof showup);
	memset(&bank, 0, sizeof bank);
}

/* Line n of the rules file rtext starts with kind and a tab. */
static int
rule_at(const char *rtext, size_t rn, unsigned long n, const char *kind)
{
	const char *p = rtext, *end = rtext + rn, *nl;
	unsigned long i;

	for (i = 1; i < n; i++) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return 0;
		p = nl + 1;
	}
	return (size_t)(end - p) > strlen(kind) && strncmp(p, kind, strlen(kind)) == 0 &&
	    p[strlen(kind)] == '\t';
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char wbuf[] = "alex";
	const char *rtext, *journal, *p;
	char *argv[16], *out, *line, *nl, *colon;
	size_t rn, jn, on, i;
	int argc = 0, list, rc, errs;

	if (size == 0)
		return 0;
	list = data[0] & 1;
	rtext = (const char *)data + 1;
	rn = size - 1;
	journal = rtext + rn;
	jn = 0;
	if ((p = memchr(rtext, '\0', rn)) != NULL) {
		journal = p + 1;
		jn = (size_t)(rtext + rn - journal);
		rn = (size_t)(p - rtext);
	} else {
		for (i = 0; i + 4 <= rn; i++)
			if (memcmp(rtext + i, "\n--\n", 4) == 0)
				break;
		if (i + 4 <= rn) {
			journal = rtext + i + 4;
			jn = rn - i - 4;
			rn = i + 1;
		}
	}
	fuzz_putfile(rpath, rtext, rn);
	fuzz_putfile(jpath, journal, jn);
	fuzz_putfile(opath, "", 0);

	argv[argc++] = "remind";
	if (list)
		argv[argc++] = "-l";
	else {
		argv[argc++] = "-d";
		argv[argc++] = "2026-11-26";
	}
	if (data[0] & 2) {
		argv[argc++] = "-w";
		argv[argc++] = wbuf;
	}
	argv[argc++] = "-f";
	argv[argc++] = rpath;
	if (!list)
		argv[argc++] = jpath;
	argv[argc] = NULL;

	rc = fuzz_run(remind_main, argc, argv, opath);
	errs = rules.errors;
	reset();

	out = fuzz_getfile(opath, &on);
	CHECK(rc == 0 || rc == 1);
	CHECK(fuzz_printable(out, on, 1));
	if (errs > 0)
		CHECK(rc == 1 && on == 0);
	if (!list && rc == 0) {
		for (line = out; *line; line = nl + 1) {
			CHECK((nl = strchr(line, '\n')) != NULL);
			*nl = '\0';
			CHECK(strncmp(line, "2026-11-26\t", 11) == 0);
			line += 11;
			CHECK((colon = strchr(line, ':')) != NULL);
			*colon = '\0';
			CHECK(strchr(colon + 1, '\t') != NULL);
			CHECK(rule_at(rtext, rn, strtoul(colon + 1, NULL, 10), line));
		}
	}
	free(out);
	return 0;
}
