/*
 * fuzz_log.c - libFuzzer target: the whole of log(1), run in-process.
 *
 * src/log.c is included here with its main renamed log_main, and every
 * object is compiled with -Dexit=fuzz_exit (tests/fuzz.sh), so die() and
 * version() longjmp back here instead of ending the fuzzer.  log keeps its
 * batch, its bank and its error count in statics; they are reset after
 * each run from here, which is why log.c is included and not linked.  The
 * built-in bank is loaded once and handed out again on every later
 * bank_load() (-f, which would load another, is never passed).
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
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearth.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int	LLVMFuzzerInitialize(int *, char ***);

static jmp_buf back;
static int armed, exitstatus;

void
fuzz_exit(int status)
{
	if (!armed)
		abort();
	exitstatus = status;
	longjmp(back, 1);
}

static struct bank cached;

/* The built-in bank, loaded once; the programs never change a bank. */
static int
fuzz_bank_load(struct bank *b, const char *file)
{
	if (file != NULL)
		abort();
	if (cached.nq == 0 && bank_load(&cached, NULL) < 0)
		abort();
	*b = cached;
	return 0;
}

#define main log_main
#define bank_load fuzz_bank_load
#include "../src/log.c"
#undef bank_load
#undef main

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: %s\n", \
	__FILE__, __LINE__, #c); abort(); } } while (0)

static char dir[64], inpath[96], jpath[96];
static int devnull;

static void
cleanup(void)
{
	unlink(inpath);
	unlink(jpath);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(dir, sizeof dir, "/tmp/fuzz_log.XXXXXX");
	if (mkdtemp(dir) == NULL)
		abort();
	atexit(cleanup);
	snprintf(inpath, sizeof inpath, "%s/stdin", dir);
	snprintf(jpath, sizeof jpath, "%s/journal.tsv", dir);
	setenv("HEARTH_NOW", "2026-11-26T21:04:00+01:00", 1);
	setenv("HEARTH_WHO", "alex", 1);
	setenv("HOME", "/nonexistent", 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	setenv("TZ", "UTC0", 1);
	unsetenv("HEARTH_BANK");
	if ((devnull = open("/dev/null", O_RDWR)) < 0)
		abort();
	return 0;
}

static void
putfile(const char *path, const void *s, size_t n)
{
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
		abort();
	if (n > 0 && write(fd, s, n) != (ssize_t)n)
		abort();
	close(fd);
}

static char *
getfile(const char *path, size_t *np)
{
	struct stat st;
	char *s;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0 || fstat(fd, &st) < 0)
		abort();
	s = malloc((size_t)st.st_size + 1);
	if (read(fd, s, (size_t)st.st_size) != st.st_size)
		abort();
	close(fd);
	s[st.st_size] = '\0';
	*np = (size_t)st.st_size;
	return s;
}

/* Run log_main once; its exit status, whether it returned or exited. */
static int
run(int argc, char **argv)
{
	volatile int rc;

	/*
	 * glibc's getopt remembers where it was inside the last run's argv
	 * (freed since) unless optind is 0, which resets it whole.
	 */
#ifdef __GLIBC__
	optind = 0;
#else
	optind = 1;
#endif
	armed = 1;
	if (setjmp(back) == 0)
		rc = log_main(argc, argv);
	else
		rc = exitstatus;
	armed = 0;
	fflush(stdout);
	return rc;
}

static void
reset(void)
{
	memset(&bank, 0, sizeof bank);
	free(out);
	out = NULL;
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
	const char *target;
	size_t bn, an, off;
	int mode, argc = 0, rc, fd, saved;

	if (size == 0)
		return 0;
	mode = data[0] & 3;
	if (mode == 3)
		mode = 0;
	target = jpath;
	putfile(jpath, starts[(data[0] >> 2) & 3], strlen(starts[(data[0] >> 2) & 3]));
	before = getfile(jpath, &bn);
	argv[argc++] = "log";
	if (mode == 0) {
		putfile(inpath, data + 1, size - 1);
		fd = open(jpath, O_WRONLY | O_APPEND);
		saved = dup(1);
		dup2(fd, 1);
		close(fd);
	} else {
		argv[argc++] = "-a";
		argv[argc++] = jpath;
		if (mode == 1)
			putfile(inpath, data + 1, size - 1);
		else {
			putfile(inpath, "", 0);
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
		saved = dup(1);
		dup2(devnull, 1);
	}
	argv[argc] = NULL;
	fd = open(inpath, O_RDONLY);
	dup2(fd, 0);
	close(fd);

	rc = run(argc, argv);
	dup2(saved, 1);
	close(saved);
	reset();

	after = getfile(target, &an);
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
		check_written(&cached, after + off, an - off);
	}
	free(after);
done:
	free(before);
	free(args);
	return 0;
}
