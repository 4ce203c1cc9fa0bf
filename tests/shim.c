/*
 * shim.c - an LD_PRELOAD library for the tests of log's write path, so a
 * kill lands at a named point every time instead of at a random moment.
 * $HEARTH_SHIM says what to do with the calls on descriptors above 2 and
 * the names the program unlinks:
 *
 *	kill CALL N	SIGKILL at the Nth CALL (write, fsync, ftruncate,
 *			unlink), before it runs
 *	half write N	the Nth write writes half its bytes, then SIGKILL
 *	trace FILE	append "CALL KIND" for each call to FILE, KIND
 *			being reg or dir (fsync, write) or the name's
 *			last part (unlink)
 *
 * Built by make check as tests/shim.so; never linked into a program.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int counts[4];
static const char *const calls[4] = { "write", "fsync", "ftruncate", "unlink" };

static void
trace(const char *call, const char *kind)
{
	static ssize_t (*real)(int, const void *, size_t);
	const char *s = getenv("HEARTH_SHIM");
	char line[300];
	int fd;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "write");
	if (s == NULL || strncmp(s, "trace ", 6) != 0)
		return;
	if ((fd = open(s + 6, O_WRONLY | O_APPEND | O_CREAT, 0600)) < 0)
		return;
	snprintf(line, sizeof line, "%s %s\n", call, kind);
	if (real(fd, line, strlen(line)) < 0)
		_exit(99);
	close(fd);
}

static const char *
kind(int fd)
{
	struct stat st;

	if (fstat(fd, &st) < 0)
		return "?";
	return S_ISDIR(st.st_mode) ? "dir" : S_ISREG(st.st_mode) ? "reg" : "other";
}

/* 1: kill now; 2: write half, then kill; 0: go on */
static int
due(int call)
{
	const char *s = getenv("HEARTH_SHIM");
	char what[16], name[16];
	int n;

	counts[call]++;
	if (s == NULL || sscanf(s, "%15s %15s %d", what, name, &n) != 3 ||
	    strcmp(name, calls[call]) != 0 || n != counts[call])
		return 0;
	return strcmp(what, "kill") == 0 ? 1 : strcmp(what, "half") == 0 ? 2 : 0;
}

ssize_t
write(int fd, const void *p, size_t n)
{
	static ssize_t (*real)(int, const void *, size_t);
	int d;

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "write");
	if (fd <= 2)
		return real(fd, p, n);
	trace("write", kind(fd));
	if ((d = due(0)) == 1)
		raise(SIGKILL);
	if (d == 2) {
		real(fd, p, n / 2);
		raise(SIGKILL);
	}
	return real(fd, p, n);
}

int
fsync(int fd)
{
	static int (*real)(int);

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "fsync");
	trace("fsync", kind(fd));
	if (due(1))
		raise(SIGKILL);
	return real(fd);
}

int
ftruncate(int fd, off_t n)
{
	static int (*real)(int, off_t);

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "ftruncate");
	trace("ftruncate", kind(fd));
	if (due(2))
		raise(SIGKILL);
	return real(fd, n);
}

int
unlink(const char *path)
{
	static int (*real)(const char *);
	const char *base = strrchr(path, '/');

	if (real == NULL)
		*(void **)&real = dlsym(RTLD_NEXT, "unlink");
	trace("unlink", base ? base + 1 : path);
	if (due(3))
		raise(SIGKILL);
	return real(path);
}
