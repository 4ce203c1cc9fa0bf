/*
 * util.c - messages, checked output, memory, who is asking, paths.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"

const char *progname = "hearth";

/*
 * Also make sure descriptors 0, 1 and 2 are open: a program started with
 * one closed would get it back from its first open(2), and write its
 * messages or output into a journal.  A closed slot gets /dev/null opened
 * the wrong way round (write-only for stdin, read-only for stdout and
 * stderr), so using it still fails with EBADF as a closed one would, and
 * "stdout: Bad file descriptor" is still said where it can be.
 */
void
setprogname(const char *argv0)
{
	const char *p;
	int fd;

	for (fd = 0; fd <= 2; fd++)
		if (fcntl(fd, F_GETFD) < 0 && errno == EBADF &&
		    open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY) != fd)
			_exit(1);	/* nowhere to say why */
	if (argv0 == NULL || *argv0 == '\0')
		return;
	p = strrchr(argv0, '/');
	progname = p ? p + 1 : argv0;
}

static void
vmsg(const char *fmt, va_list ap, int errnum)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", progname);
	vfprintf(stderr, fmt, ap);
	if (errnum)
		fprintf(stderr, ": %s", strerror(errnum));
	fputc('\n', stderr);
}

void
warnx_(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap, 0);
	va_end(ap);
}

void
warn_(const char *fmt, ...)
{
	va_list ap;
	int e = errno;

	va_start(ap, fmt);
	vmsg(fmt, ap, e);
	va_end(ap);
}

void
die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(fmt, ap, 0);
	va_end(ap);
	exit(status);
}

void
version(void)
{
	printf("%s (hearth) %s\n", progname, HEARTH_VERSION);
	exit(fshut(stdout, "stdout"));
}

void
optfail(int c)
{
	if (c == ':')
		warnx_("-%c needs a value", optopt);
	else if (optopt > 0x20 && optopt < 0x7f)
		warnx_("unknown option -%c", optopt);
	else
		warnx_("unknown option");
}

/*
 * An output error is a message and exit status 1, in every program.  A
 * reader that went away (EPIPE, with SIGPIPE ignored) is said by nobody,
 * as when SIGPIPE ends the program, but it still fails: not all the
 * output was taken.
 */
int
fshut(FILE *f, const char *name)
{
	int bad = 0;

	if (fflush(f) == EOF)
		bad = 1;
	if (ferror(f))
		bad = 1;
	if (bad) {
		if (errno == EPIPE)
			return 1;
		if (errno == 0)
			errno = EIO;
		warn_("%s", name);
		return 1;
	}
	return 0;
}

int
writeall(int fd, const void *p, size_t n)
{
	const char *c = p;
	ssize_t w;

	while (n > 0) {
		if ((w = write(fd, c, n)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (w == 0) {
			errno = ENOSPC;
			return -1;
		}
		c += w;
		n -= (size_t)w;
	}
	return 0;
}

unsigned long
hash_bytes(const char *s, size_t n)
{
	unsigned long h = 2166136261UL;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619UL;
	return h;
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		die(1, "out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		die(1, "out of memory");
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

const char *
whoami(void)
{
	const char *w = getenv("HEARTH_WHO");
	struct passwd *pw;

	if (w != NULL && *w != '\0')
		return w;
	/* one thread, one call: getpwuid_r would buy nothing */
	/* cppcheck-suppress getpwuidCalled */
	if ((pw = getpwuid(getuid())) != NULL)
		return pw->pw_name;
	if ((w = getenv("LOGNAME")) != NULL && *w != '\0')
		return w;
	die(1, "who are you? say it with -w or HEARTH_WHO");
	return NULL;
}

/* path with s after it, newly allocated */
char *
suffixed(const char *path, const char *s)
{
	char *p = xmalloc(strlen(path) + strlen(s) + 1);

	return strcat(strcpy(p, path), s);
}

/* path made absolute, so that a command naming it works from anywhere */
char *
absolute(const char *path)
{
	char cwd[PATH_MAX], *dir, *p;

	if (path[0] == '/' || getcwd(cwd, sizeof cwd) == NULL)
		return xstrdup(path);
	dir = suffixed(cwd, "/");
	p = suffixed(dir, path);
	free(dir);
	return p;
}
