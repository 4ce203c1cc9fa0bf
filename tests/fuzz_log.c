/*
 * fuzz_log.c - libFuzzer target: the whole of log(1), run in-process.
 *
 * src/log.c is included here with its main renamed log_main and run by
 * fuzz_run() (tests/fuzz.h), to which die() and version() return instead
 * of ending the fuzzer.  log keeps its batch, its bank and its error count
 * in statics; they are reset after each run from here, which is why log.c
 * is included and not linked.  The bank is the built-in one, parsed once
 * by fuzz_bank_load() (-f, which would load another, is never passed).
 *
 * The first byte of the input chooses the run, the rest is its data:
 *
 *	mode 0	the rest on standard input, standard output a regular file
 *	mode 1	the rest on standard input, -a JOURNAL
 *	mode 2	the rest split at newlines into operands: log -a JOURNAL ARGS
 *		(options that name another file, -a and -f, are not passed on)
 *
 * The journal (or output file) starts empty, torn (no final newline) or
 * whole, by bits 2-3 of the first byte.  What must hold after every run:
 *
 * - status 0, 1 or 2;
 * - all or nothing: on failure the file is byte-identical to before;
 * - on success the file is the old bytes, then the header if it was empty
 *   and something was written, or a newline if it was torn, then records
 *   that each pass record_parse() with five fields, name a measure of the
 *   bank and hold a value that value_check() takes: log never writes a
 *   record that it, or a reader, would refuse.
 *
 * Leak detection is off for this target (fuzz.sh): log's main, like any
 * main, leaves its note buffer to exit() when it dies on a bad operand, and
 * the longjmp turns that into a leak of the harness's making.
 */
#include "fuzz.h"

#define main log_main
#define bank_load fuzz_bank_load
#include "../src/log.c"
#undef bank_load
#undef main

static char *inpath, *jpath;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_tmpdir("fuzz_log");
	inpath = fuzz_path("stdin");
	jpath = fuzz_path("journal.tsv");
	fuzz_env();
	setenv("HEARTH_WHO", "alex", 1);
	return 0;
}

static void
reset(void)
{
	memset(&bank, 0, sizeof bank);
	free(base);
	base = out = NULL;
	outlen = outcap = 0;
	nbad = 0;
	toobig = 0;
	prefixlen = 0;
}

/* Every line log added must be a record it would take again. */
static void
check_written(const struct bank *b, const char *s, size_t n)
{
	struct record r;
	const struct measure *m;
	const char *nl;
	char *line;
	size_t len;

	while (n > 0) {
		nl = memchr(s, '\n', n);
		CHECK(nl != NULL);			/* whole lines only */
		len = (size_t)(nl - s);
		line = malloc(len + 1);
		memcpy(line, s, len);
		line[len] = '\0';
		CHECK(record_parse(line, len, &r) == NULL);
		CHECK(r.nfields == 5);
		CHECK((m = bank_measure(b, r.what)) != NULL);
		CHECK(value_check(m, r.value, strlen(r.value)) == NULL);
		free(line);
		n -= len + 1;
		s = nl + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *starts[] = { "", "2026-11-25T20:00:00+01:00\talex\ttouch\t4",
	    JOURNAL_HEADER, JOURNAL_HEADER "2026-11-25T20:00:00+01:00\talex\ttouch\t4\t\n" };
	char *argv[40], *args = NULL, *before, *after, *p, *q;
	const char *sink;
	struct bank b;
	size_t bn, an, off;
	int mode, argc = 0, rc, fd;

	if (size == 0)
		return 0;
	mode = data[0] & 3;
	if (mode == 3)
		mode = 0;
	fuzz_putfile(jpath, starts[(data[0] >> 2) & 3], strlen(starts[(data[0] >> 2) & 3]));
	before = fuzz_getfile(jpath, &bn);
	argv[argc++] = "log";
	if (mode == 0) {
		fuzz_putfile(inpath, data + 1, size - 1);
		sink = jpath;
	} else {
		argv[argc++] = "-a";
		argv[argc++] = jpath;
		if (mode == 1)
			fuzz_putfile(inpath, data + 1, size - 1);
		else {
			fuzz_putfile(inpath, "", 0);
			args = malloc(size);
			memcpy(args, data + 1, size - 1);
			args[size - 1] = '\0';
			for (p = args; argc < 39; p = q + 1) {
				q = strchr(p, '\n');
				if (q != NULL)
					*q = '\0';
				/* never let the fuzzer name a file to write or read */
				if (strncmp(p, "-a", 2) == 0 || strncmp(p, "-f", 2) == 0)
					goto done;
				argv[argc++] = p;
				if (q == NULL)
					break;
			}
		}
		sink = "/dev/null";
	}
	argv[argc] = NULL;
	fd = open(inpath, O_RDONLY);
	dup2(fd, 0);
	close(fd);

	rc = fuzz_run(log_main, argc, argv, sink);
	reset();

	after = fuzz_getfile(jpath, &an);
	CHECK(rc == 0 || rc == 1 || rc == 2);
	if (rc != 0)
		CHECK(an == bn && memcmp(before, after, bn) == 0);
	else {
		CHECK(an >= bn && memcmp(before, after, bn) == 0);
		off = bn;
		if (an > bn) {
			if (bn == 0) {
				CHECK(strncmp(after, JOURNAL_HEADER, strlen(JOURNAL_HEADER)) == 0);
				off += strlen(JOURNAL_HEADER);
			} else if (before[bn - 1] != '\n') {
				CHECK(after[bn] == '\n');
				off++;
			}
		}
		fuzz_bank_load(&b, NULL);
		check_written(&b, after + off, an - off);
	}
	free(after);
done:
	free(before);
	free(args);
	return 0;
}
