/*
 * fuzz_remind.c - libFuzzer target: the whole of remind(1), run in-process.
 *
 * src/remind.c is included with its main renamed remind_main; everything
 * is compiled with -Dexit=fuzz_exit (tests/fuzz.sh), so usage() and die()
 * longjmp back here.  remind keeps its rules, series and message buffer in
 * statics; reset() frees and clears them after each run, so it must follow
 * their names in remind.c.  prompt() keeps a pointer into the bank in a
 * static of its own, out of reach, so the bank is loaded once and handed
 * out again on every later bank_load() (which also saves parsing the
 * built-in bank on every run).
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
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearth.h"
#include "stats.h"

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

#define main remind_main
#define bank_load fuzz_bank_load
#include "../src/remind.c"
#undef bank_load
#undef main

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: %s\n", \
	__FILE__, __LINE__, #c); abort(); } } while (0)

static char dir[64], rpath[96], jpath[96], opath[96];

static void
cleanup(void)
{
	unlink(rpath);
	unlink(jpath);
	unlink(opath);
	rmdir(dir);
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	snprintf(dir, sizeof dir, "/tmp/fuzz_remind.XXXXXX");
	if (mkdtemp(dir) == NULL)
		abort();
	atexit(cleanup);
	snprintf(rpath, sizeof rpath, "%s/remind.tsv", dir);
	snprintf(jpath, sizeof jpath, "%s/journal.tsv", dir);
	snprintf(opath, sizeof opath, "%s/out", dir);
	setenv("HEARTH_NOW", "2026-11-26T21:04:00+01:00", 1);
	setenv("HOME", "/nonexistent", 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	setenv("TZ", "UTC0", 1);
	setenv("LC_ALL", "C", 1);
	unsetenv("HEARTH_BANK");
	unsetenv("HEARTH_SEED");
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

static void
reset(void)
{
	size_t i;

	for (i = 0; i < nrules; i++)
		free(rules[i].text);
	free(rules);
	rules = NULL;
	nrules = 0;
	nerrs = 0;
	rulesfile = NULL;
	who = NULL;
	today = 0;
	for (i = 0; i < nser; i++) {
		free(ser[i].who);
		free(ser[i].v);
		free(ser[i].cnt);
	}
	free(ser);
	ser = NULL;
	nser = sercap = 0;
	for (i = 0; i < ngrp; i++)
		free(grp[i].s);
	free(grp);
	grp = NULL;
	ngrp = grpcap = 0;
	free(stab);
	stab = NULL;
	stabcap = 0;
	free(gtab);
	gtab = NULL;
	gtabcap = 0;
	trendall = 0;
	free(buf);
	buf = NULL;
	buflen = bufcap = 0;
	memset(&bank, 0, sizeof bank);
}

static int
printable(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((p[i] < 0x20 && p[i] != '\t' && p[i] != '\n') || p[i] == 0x7f)
			return 0;
		if (p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] < 0xa0)
			return 0;
	}
	return utf8_valid(s, n);
}

/* Line n of the rules file starts with kind and a tab. */
static int
rule_at(const char *rules, size_t rn, unsigned long n, const char *kind)
{
	const char *p = rules, *end = rules + rn, *nl;
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
	const char *rules, *journal, *p;
	char *argv[16], *out, *line, *nl, *colon;
	size_t rn, jn, on, i;
	volatile int rc;
	int argc = 0, list, saved, fd, errs;

	if (size == 0)
		return 0;
	list = data[0] & 1;
	rules = (const char *)data + 1;
	rn = size - 1;
	journal = rules + rn;
	jn = 0;
	if ((p = memchr(rules, '\0', rn)) != NULL) {
		journal = p + 1;
		jn = (size_t)(rules + rn - journal);
		rn = (size_t)(p - rules);
	} else {
		for (i = 0; i + 4 <= rn; i++)
			if (memcmp(rules + i, "\n--\n", 4) == 0)
				break;
		if (i + 4 <= rn) {
			journal = rules + i + 4;
			jn = rn - i - 4;
			rn = i + 1;
		}
	}
	putfile(rpath, rules, rn);
	putfile(jpath, journal, jn);
	putfile(opath, "", 0);

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

	fflush(stdout);
	saved = dup(1);
	fd = open(opath, O_WRONLY | O_APPEND);
	dup2(fd, 1);
	close(fd);
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
		rc = remind_main(argc, argv);
	else
		rc = exitstatus;
	armed = 0;
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	errs = nerrs;
	reset();

	out = getfile(opath, &on);
	CHECK(rc == 0 || rc == 1);
	CHECK(printable(out, on));
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
			CHECK(rule_at(rules, rn, strtoul(colon + 1, NULL, 10), line));
		}
	}
	free(out);
	return 0;
}
