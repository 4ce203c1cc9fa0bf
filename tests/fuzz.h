/*
 * fuzz.h - the harness that hearth's libFuzzer targets (tests/fuzz_*.c)
 * share.  Each target includes it first; tests/fuzz.sh builds them.
 *
 * tests/fuzz.sh compiles everything with -Dexit=fuzz_exit, and fuzz_exit()
 * here is that exit.  Inside fuzz_run(), which runs a whole program's main
 * in-process, it longjmps back and fuzz_run() returns the status.  Anywhere
 * else an exit is a finding: a parser, a reader or a bank load must never
 * end the process, so it aborts.
 *
 * The rest is for the targets that need it: a private temporary directory
 * with named files in it, all removed at exit; putting and getting a file
 * whole; the fixed environment of a program run; the built-in bank parsed
 * once; the printable check on what the programs write.  The functions are
 * static inline so that a target that uses few of them compiles without
 * warnings.  Any failure of the harness itself aborts.
 */
#include <fcntl.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hearth.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
int	LLVMFuzzerInitialize(int *, char ***);

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "%s:%d: %s\n", \
	__FILE__, __LINE__, #c); abort(); } } while (0)

static jmp_buf fuzz_back;
static int fuzz_armed, fuzz_status;

void
fuzz_exit(int status)
{
	if (!fuzz_armed) {
		fprintf(stderr, "fuzz_exit: exit(%d) outside a program run\n", status);
		abort();
	}
	fuzz_status = status;
	longjmp(fuzz_back, 1);
}

/*
 * Run a program's main once, with standard output appended to the file
 * out; its exit status, whether main returned it or exited.
 */
static inline int
fuzz_run(int (*mainfn)(int, char **), int argc, char **argv, const char *out)
{
	volatile int rc;
	int saved, fd;

	fflush(stdout);
	if ((saved = dup(1)) < 0 || (fd = open(out, O_WRONLY | O_APPEND)) < 0)
		abort();
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
	fuzz_armed = 1;
	if (setjmp(fuzz_back) == 0)
		rc = mainfn(argc, argv);
	else
		rc = fuzz_status;
	fuzz_armed = 0;
	fflush(stdout);
	dup2(saved, 1);
	close(saved);
	return rc;
}

/*
 * bank_load() for the programs: the built-in bank, parsed once and handed
 * out again, since parsing it on every run would cost most of the time.
 * The programs never change a bank, and no target lets them load another.
 */
static inline int
fuzz_bank_load(struct bank *b, const char *file)
{
	static struct bank cached;

	if (file != NULL)
		abort();
	if (cached.nq == 0 && bank_load(&cached, NULL) < 0)
		abort();
	*b = cached;
	return 0;
}

static char fuzz_dir[64];
static char fuzz_files[8][96];
static int fuzz_nfiles;

static inline void
fuzz_cleanup(void)
{
	while (fuzz_nfiles > 0)
		unlink(fuzz_files[--fuzz_nfiles]);
	rmdir(fuzz_dir);
}

/* Make the private directory /tmp/NAME.XXXXXX, removed at exit. */
static inline void
fuzz_tmpdir(const char *name)
{
	snprintf(fuzz_dir, sizeof fuzz_dir, "/tmp/%s.XXXXXX", name);
	if (mkdtemp(fuzz_dir) == NULL)
		abort();
	atexit(fuzz_cleanup);
}

/* The path of the file name in that directory, removed at exit too. */
static inline char *
fuzz_path(const char *name)
{
	char *p;

	if (fuzz_nfiles == (int)(sizeof fuzz_files / sizeof fuzz_files[0]))
		abort();
	p = fuzz_files[fuzz_nfiles++];
	if (snprintf(p, sizeof fuzz_files[0], "%s/%s", fuzz_dir, name) >=
	    (int)sizeof fuzz_files[0])
		abort();
	return p;
}

/* Make path hold exactly s[0..n). */
static inline void
fuzz_putfile(const char *path, const void *s, size_t n)
{
	int fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
		abort();
	if (n > 0 && write(fd, s, n) != (ssize_t)n)
		abort();
	close(fd);
}

/* All of path, NUL-terminated; its length in *np.  The caller frees it. */
static inline char *
fuzz_getfile(const char *path, size_t *np)
{
	struct stat st;
	char *s;
	int fd;

	if ((fd = open(path, O_RDONLY)) < 0 || fstat(fd, &st) < 0)
		abort();
	if ((s = malloc((size_t)st.st_size + 1)) == NULL)
		abort();
	if (read(fd, s, (size_t)st.st_size) != st.st_size)
		abort();
	close(fd);
	s[st.st_size] = '\0';
	*np = (size_t)st.st_size;
	return s;
}

/*
 * What every program run sees, as in tests/lib.sh: a fixed now and time
 * zone, and no user bank or configuration.
 */
static inline void
fuzz_env(void)
{
	setenv("HEARTH_NOW", "2026-11-26T21:04:00+01:00", 1);
	setenv("HOME", "/nonexistent", 1);
	setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
	setenv("TZ", "UTC0", 1);
	unsetenv("HEARTH_BANK");
}

/*
 * Whether s[0..n) is UTF-8 with no C0, DEL or C1 control: printable in a
 * message, or, with lines nonzero, in output, where tab and newline are.
 */
static inline int
fuzz_printable(const char *s, size_t n, int lines)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	for (i = 0; i < n; i++) {
		if ((p[i] < 0x20 && !(lines && (p[i] == '\t' || p[i] == '\n'))) ||
		    p[i] == 0x7f)
			return 0;
		if (p[i] == 0xc2 && i + 1 < n && p[i + 1] >= 0x80 && p[i + 1] < 0xa0)
			return 0;
	}
	return utf8_valid(s, n);
}
