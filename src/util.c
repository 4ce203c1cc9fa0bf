/*
 * util.c - messages, checked output and the safe echo of untrusted text.
 *
 * Every message starts with the program's name.  Anything that came from a
 * journal, a bank or a command line goes through vis() or putsafe() before
 * it reaches a terminal, so a journal cannot send escape sequences.
 */
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
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

/* Length of the well-formed UTF-8 sequence at s, or 0. */
static size_t
utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		return n >= 2 && (s[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c >= 0xe0 && c <= 0xef) {
		if (n < 3 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && s[1] < 0xa0)
			return 0;		/* overlong */
		if (c == 0xed && s[1] > 0x9f)
			return 0;		/* surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (n < 4 || (s[1] & 0xc0) != 0x80 || (s[2] & 0xc0) != 0x80 ||
		    (s[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && s[1] < 0x90)
			return 0;
		if (c == 0xf4 && s[1] > 0x8f)
			return 0;
		return 4;
	}
	return 0;
}

int
utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if ((k = utf8_len(p + i, n - i)) == 0)
			return 0;
		i += k;
	}
	return 1;
}

unsigned long
invisible_at(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long c;

	if (n >= 2 && p[0] == 0xd8 && p[1] == 0x9c)
		return 0x61c;			/* ARABIC LETTER MARK, a bidi control */
	if (n < 3 || (p[0] != 0xe2 && p[0] != 0xef) || (p[1] & 0xc0) != 0x80 ||
	    (p[2] & 0xc0) != 0x80)
		return 0;
	c = ((unsigned long)(p[0] & 0x0f) << 12) | ((unsigned long)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
	if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069) || c == 0xfeff)
		return c;
	return 0;
}

/*
 * Escape s into out (room for cap bytes, NUL included): C0, DEL and C1
 * controls and bytes that are not UTF-8 become \t, \n, \r or \xHH, and
 * the invisible characters of invisible_at() \uHHHH, so text cannot hide
 * or reorder what is shown; a backslash stays as it is, since notes show
 * their own escapes.
 */
static size_t
escape(const char *s, size_t n, char *out, size_t cap, int *cut)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, o = 0, k;

	*cut = 0;
	while (i < n) {
		unsigned c = p[i];
		unsigned long u;
		char tmp[8];
		size_t t = 0;

		if (c >= 0x20 && c < 0x7f) {
			tmp[t++] = (char)c;
			k = 1;
		} else if (c >= 0x80 && (k = utf8_len(p + i, n - i)) > 0 &&
		    (u = invisible_at(s + i, n - i)) != 0) {
			tmp[t++] = '\\';
			tmp[t++] = 'u';
			tmp[t++] = hex[(u >> 12) & 15];
			tmp[t++] = hex[(u >> 8) & 15];
			tmp[t++] = hex[(u >> 4) & 15];
			tmp[t++] = hex[u & 15];
		} else if (c >= 0x80 && (k = utf8_len(p + i, n - i)) > 0 &&
		    !(c == 0xc2 && p[i + 1] < 0xa0)) {
			if (o + k + 1 > cap) {
				*cut = 1;
				break;
			}
			memcpy(out + o, p + i, k);
			o += k;
			i += k;
			continue;
		} else {
			k = 1;
			tmp[t++] = '\\';
			if (c == '\t')
				tmp[t++] = 't';
			else if (c == '\n')
				tmp[t++] = 'n';
			else if (c == '\r')
				tmp[t++] = 'r';
			else {
				tmp[t++] = 'x';
				tmp[t++] = hex[c >> 4];
				tmp[t++] = hex[c & 15];
			}
		}
		if (o + t + 1 > cap) {
			*cut = 1;
			break;
		}
		memcpy(out + o, tmp, t);
		o += t;
		i += k;
	}
	out[o] = '\0';
	return o;
}

const char *
vis(const char *s, size_t n)
{
	static char buf[4][256];
	static int next;
	char *b = buf[next];
	size_t o;
	int cut;

	next = (next + 1) % 4;
	o = escape(s, n, b, 201, &cut);
	if (cut)
		memcpy(b + o, "...", 4);
	return b;
}

void
putsafe(FILE *f, const char *s, size_t n)
{
	char buf[4 * 256 + 1];
	size_t i = 0, step, o;
	int cut;

	while (i < n) {
		size_t k;

		step = n - i < 256 ? n - i : 256;
		/* never cut a character: one that starts in the last 3 bytes and
		 * runs past the cut moves to the next chunk whole */
		for (k = 1; step < n - i && k <= 3; k++) {
			const unsigned char *c = (const unsigned char *)s + i + step - k;

			if ((*c & 0xc0) != 0x80) {
				if (*c >= 0xc0 && utf8_len(c, n - (i + step - k)) > k)
					step -= k;
				break;
			}
		}
		o = escape(s + i, step, buf, sizeof buf, &cut);
		fwrite(buf, 1, o, f);
		i += step;
	}
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

int
isterm(int fd)
{
	const char *e = getenv("HEARTH_NOTTY");

	if (e != NULL && *e != '\0')
		return 0;
	return isatty(fd);
}

int
utf8_locale(void)
{
	const char *cs;
	int yes;

	if (setlocale(LC_CTYPE, "") == NULL)
		return 0;
	cs = nl_langinfo(CODESET);
	yes = cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
	setlocale(LC_CTYPE, "C");
	return yes;
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

/*
 * A path for the user to read or paste: ~ for the home directory, quoted
 * for the shell when it needs it, controls escaped.  Two rotating buffers.
 */
const char *
path_shown(const char *path)
{
	static char buf[2][6 * (PATH_MAX + 64)];
	static int next;
	const char *home = getenv("HOME"), *p = path;
	char q[4 * PATH_MAX + 64], *o = q, *end = q + sizeof q - 5;
	size_t hl = home ? strlen(home) : 0;
	int cut;

	if (hl > 1 && home[0] == '/' && strncmp(path, home, hl) == 0 && path[hl] == '/') {
		*o++ = '~';	/* ~/ unquoted, or the shell does not expand it */
		*o++ = '/';
		p = path + hl + 1;
	}
	if (*p == '\0' || p[strspn(p, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./+-@%:,=")] != '\0') {
		*o++ = '\'';
		for (; *p != '\0' && o < end; p++)
			if (*p == '\'') {
				memcpy(o, "'\\''", 4);
				o += 4;
			} else
				*o++ = *p;
		*o++ = '\'';
	} else
		for (; *p != '\0' && o < end; p++)
			*o++ = *p;
	/* whole, not cut as vis() cuts: the user pastes it */
	next = !next;
	buf[next][escape(q, (size_t)(o - q), buf[next], sizeof buf[next] - 1, &cut)] = '\0';
	return buf[next];
}
