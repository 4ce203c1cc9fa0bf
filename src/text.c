/*
 * text.c - the one text layer: how hearth reads UTF-8, shows untrusted
 * text on a terminal, counts the columns it takes, wraps it between
 * words, decides the terminal's width and whether colour may be used,
 * names months and days, and escapes text for HTML and XML.
 *
 * Invariants:
 * - Text from a journal, a bank or a command line goes through vis() or
 *   putsafe() before it reaches a terminal, so it cannot send escape
 *   sequences, hide or reorder what is shown.
 * - text_cols() counts exactly what putsafe() writes: an escape \xHH 4
 *   columns, \uHHHH 6, \t 2, a wide character 2, a combining one 0; so
 *   every wrap and every padded column lines up with what is printed.
 * - No escape code is written unless colour_ok() says so: the stream is a
 *   terminal (isterm()), NO_COLOR is unset or empty, TERM set and not dumb.
 */
#include <sys/ioctl.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "hearth.h"

const char *const month_name[12] = { "January", "February", "March", "April",
    "May", "June", "July", "August", "September", "October", "November", "December" };
const char *const day_name[7] = { "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday" };

/* --- UTF-8 ------------------------------------------------------------------ */

/* Length of the well-formed UTF-8 sequence at s (no overlongs, no
 * surrogates, nothing past U+10FFFF), or 0: the one decoder's checks. */
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

size_t
u8_decode(const char *s, size_t n, unsigned long *c)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t k = n > 0 ? utf8_len(p, n) : 0;

	switch (k) {
	case 1: *c = p[0]; break;
	case 2: *c = (unsigned long)(p[0] & 0x1f) << 6 | (p[1] & 0x3f); break;
	case 3: *c = (unsigned long)(p[0] & 0x0f) << 12 | (unsigned long)(p[1] & 0x3f) << 6 |
		    (p[2] & 0x3f); break;
	case 4: *c = (unsigned long)(p[0] & 0x07) << 18 | (unsigned long)(p[1] & 0x3f) << 12 |
		    (unsigned long)(p[2] & 0x3f) << 6 | (p[3] & 0x3f); break;
	default: *c = 0;
	}
	return k;
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

int
has_control(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i;

	for (i = 0; i < n; i++)
		if ((u[i] < 0x20 && u[i] != '\t') || u[i] == 0x7f ||
		    (u[i] == 0xc2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] < 0xa0))
			return 1;
	return 0;
}

unsigned long
invisible_at(const char *s, size_t n)
{
	unsigned long c;

	if (u8_decode(s, n, &c) == 0)
		return 0;
	if ((c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
	    (c >= 0x2066 && c <= 0x2069) || c == 0xfeff || c == 0x61c)
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

/*
 * Code points a terminal shows two columns wide (East Asian wide and full
 * width, emoji shown as pictures) and none (combining marks, joiners, the
 * Hangul vowels and finals that join a syllable), as glibc's wcwidth(3)
 * has them; not wcwidth(3) itself, since hearth runs in the C locale.
 * The marks of scripts rarely met are left out: they count one.
 */
struct urange {
	unsigned long lo, hi;
};
static const struct urange wide[] = {
	{ 0x1100, 0x115f }, { 0x231a, 0x231b }, { 0x2329, 0x232a }, { 0x23e9, 0x23ec },
	{ 0x23f0, 0x23f0 }, { 0x23f3, 0x23f3 }, { 0x25fd, 0x25fe }, { 0x2614, 0x2615 },
	{ 0x2648, 0x2653 }, { 0x267f, 0x267f }, { 0x2693, 0x2693 }, { 0x26a1, 0x26a1 },
	{ 0x26aa, 0x26ab }, { 0x26bd, 0x26be }, { 0x26c4, 0x26c5 }, { 0x26ce, 0x26ce },
	{ 0x26d4, 0x26d4 }, { 0x26ea, 0x26ea }, { 0x26f2, 0x26f3 }, { 0x26f5, 0x26f5 },
	{ 0x26fa, 0x26fa }, { 0x26fd, 0x26fd }, { 0x2705, 0x2705 }, { 0x270a, 0x270b },
	{ 0x2728, 0x2728 }, { 0x274c, 0x274c }, { 0x274e, 0x274e }, { 0x2753, 0x2755 },
	{ 0x2757, 0x2757 }, { 0x2795, 0x2797 }, { 0x27b0, 0x27b0 }, { 0x27bf, 0x27bf },
	{ 0x2b1b, 0x2b1c }, { 0x2b50, 0x2b50 }, { 0x2b55, 0x2b55 }, { 0x2e80, 0x3029 },
	{ 0x302e, 0x303e }, { 0x3041, 0x3096 }, { 0x309b, 0xa4cf }, { 0xa960, 0xa97f },
	{ 0xac00, 0xd7a3 }, { 0xf900, 0xfaff }, { 0xfe10, 0xfe19 }, { 0xfe30, 0xfe6f },
	{ 0xff01, 0xff60 }, { 0xffe0, 0xffe6 }, { 0x16fe0, 0x16fe3 }, { 0x16ff0, 0x16ff1 },
	{ 0x17000, 0x18cff }, { 0x18d00, 0x18d08 }, { 0x1aff0, 0x1b2ff }, { 0x1f004, 0x1f004 },
	{ 0x1f0cf, 0x1f0cf }, { 0x1f18e, 0x1f18e }, { 0x1f191, 0x1f19a }, { 0x1f200, 0x1f202 },
	{ 0x1f210, 0x1f23b }, { 0x1f240, 0x1f248 }, { 0x1f250, 0x1f251 }, { 0x1f260, 0x1f265 },
	{ 0x1f300, 0x1f320 }, { 0x1f32d, 0x1f335 }, { 0x1f337, 0x1f37c }, { 0x1f37e, 0x1f393 },
	{ 0x1f3a0, 0x1f3ca }, { 0x1f3cf, 0x1f3d3 }, { 0x1f3e0, 0x1f3f0 }, { 0x1f3f4, 0x1f3f4 },
	{ 0x1f3f8, 0x1f43e }, { 0x1f440, 0x1f440 }, { 0x1f442, 0x1f4fc }, { 0x1f4ff, 0x1f53d },
	{ 0x1f54b, 0x1f54e }, { 0x1f550, 0x1f567 }, { 0x1f57a, 0x1f57a }, { 0x1f595, 0x1f596 },
	{ 0x1f5a4, 0x1f5a4 }, { 0x1f5fb, 0x1f64f }, { 0x1f680, 0x1f6c5 }, { 0x1f6cc, 0x1f6cc },
	{ 0x1f6d0, 0x1f6d2 }, { 0x1f6d5, 0x1f6d7 }, { 0x1f6dc, 0x1f6df }, { 0x1f6eb, 0x1f6ec },
	{ 0x1f6f4, 0x1f6fc }, { 0x1f7e0, 0x1f7eb }, { 0x1f7f0, 0x1f7f0 }, { 0x1f90c, 0x1f93a },
	{ 0x1f93c, 0x1f945 }, { 0x1f947, 0x1f9ff }, { 0x1fa70, 0x1faff }, { 0x20000, 0x2fffd },
	{ 0x30000, 0x3fffd },
};
static const struct urange none[] = {
	{ 0x0300, 0x036f }, { 0x0483, 0x0489 }, { 0x0591, 0x05bd }, { 0x05bf, 0x05bf },
	{ 0x05c1, 0x05c2 }, { 0x05c4, 0x05c5 }, { 0x05c7, 0x05c7 }, { 0x0610, 0x061a },
	{ 0x064b, 0x065f }, { 0x0670, 0x0670 }, { 0x06d6, 0x06dc }, { 0x06df, 0x06e4 },
	{ 0x06e7, 0x06e8 }, { 0x06ea, 0x06ed }, { 0x0e31, 0x0e31 }, { 0x0e34, 0x0e3a },
	{ 0x0e47, 0x0e4e }, { 0x1160, 0x11ff }, { 0x1ab0, 0x1aff }, { 0x1dc0, 0x1dff },
	{ 0x2060, 0x2064 }, { 0x20d0, 0x20f0 }, { 0x302a, 0x302d }, { 0x3099, 0x309a },
	{ 0xd7b0, 0xd7fb }, { 0xfe00, 0xfe0f }, { 0xfe20, 0xfe2f }, { 0xe0001, 0xe0001 },
	{ 0xe0020, 0xe007f }, { 0xe0100, 0xe01ef },
};

static int
among(const struct urange *r, size_t n, unsigned long c)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c > r[mid].hi)
			lo = mid + 1;
		else if (c < r[mid].lo)
			hi = mid;
		else
			return 1;
	}
	return 0;
}

/*
 * Columns as putsafe() writes it: printable ASCII as it is; a tab, newline or CR
 * as \t, \n, \r; another control, a C1 control or a byte that is not
 * UTF-8 as \xHH a byte; an invisible character (invisible_at()) as
 * \uHHHH; any other character as it is, as wide as the tables say.
 */
int
text_char_cols(const char *s, size_t n, size_t *k)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len;
	unsigned long c;

	*k = 1;
	if (p[0] >= 0x20 && p[0] < 0x7f)
		return 1;
	if (p[0] < 0x80 || (len = u8_decode(s, n, &c)) == 0 || (c >= 0x80 && c < 0xa0))
		return p[0] == '\t' || p[0] == '\n' || p[0] == '\r' ? 2 : 4;
	*k = len;
	if (invisible_at(s, n) != 0)
		return 6;
	if (among(none, sizeof none / sizeof none[0], c))
		return 0;
	return among(wide, sizeof wide / sizeof wide[0], c) ? 2 : 1;
}

size_t
text_cols(const char *s, size_t n)
{
	size_t i, k, w = 0;

	for (i = 0; i < n; i += k)
		w += (size_t)text_char_cols(s + i, n - i, &k);
	return w;
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

/* --- the terminal ------------------------------------------------------------ */

/* The window of fd when fd is a terminal that says (20 columns or more), else 0. */
int
term_window(int fd)
{
#ifdef TIOCGWINSZ
	struct winsize ws;

	if (isterm(fd) && ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 20)
		return ws.ws_col;
#endif
	return 0;
}

/*
 * The one policy for a terminal's width: term_window(fd), else $COLUMNS
 * when a number from 20 to 1000, else 80.
 */
int
term_cols(int fd)
{
	const char *e = getenv("COLUMNS");
	long c = term_window(fd);
	char *end;

	if (c == 0 && e != NULL && *e >= '0' && *e <= '9') {
		c = strtol(e, &end, 10);
		if (*end != '\0' || c < 20 || c > 1000)
			c = 0;
	}
	return c <= 0 ? 80 : c > 1000 ? 1000 : (int)c;
}

int
colour_ok(int fd)
{
	const char *e = getenv("TERM"), *nc = getenv("NO_COLOR");

	return isterm(fd) && (nc == NULL || *nc == '\0') && e != NULL && *e != '\0' &&
	    strcmp(e, "dumb") != 0;
}

/* --- word wrap ---------------------------------------------------------------- */

/*
 * Write lead, then text and how->hint (either may be NULL) word by word,
 * each line within how->cols: a word that would not fit starts a new line,
 * indented by how->indent (-1: to line up after lead).  Some words stay
 * together: with how->glue, "lo = word", so the anchors of a scale are
 * never cut; always the last word of the text with the whole hint, so a
 * hint is never split nor left alone on a line.  The text is in bold with
 * how->bold.  A prompt (how->room) keeps room on its last line for the
 * space before the answer.  No newline at the end.
 */
void
text_wrap(const struct wrap *how, const char *lead, const char *text)
{
	struct word {
		const char *s;
		size_t	 n, w;
		int	 glued;		/* no line break before it */
	} *v;
	const char *part[2], *p, *e;
	size_t nv = 0, ntext = 0, i, j, k, run, cap = 2;
	int indent, col, pi;

	part[0] = text;
	part[1] = how->hint;
	for (pi = 0; pi < 2; pi++)
		for (p = part[pi]; p != NULL && *p != '\0'; p++)
			cap += *p == ' ';
	v = xmalloc(cap * sizeof *v);
	for (pi = 0; pi < 2; pi++) {
		for (p = part[pi]; p != NULL && *p != '\0'; p = e) {
			for (; *p == ' '; p++)
				;
			if (*p == '\0')
				break;
			for (e = p; *e != '\0' && *e != ' '; e++)
				;
			v[nv].s = p;
			v[nv].n = (size_t)(e - p);
			v[nv].w = text_cols(p, v[nv].n);
			/* the hint's words, "=" and the word after it, go with the one before */
			v[nv].glued = nv > 0 && (pi == 1 || (how->glue && ((v[nv].n == 1 && *p == '=') ||
			    (v[nv - 1].n == 1 && *v[nv - 1].s == '=' && nv > 1))));
			nv++;
		}
		if (pi == 0)
			ntext = nv;
	}
	col = (int)text_cols(lead, strlen(lead));
	indent = how->indent < 0 ? col : how->indent;
	fputs(lead, how->f);
	for (i = 0; i < nv; i = j) {
		for (run = v[i].w, j = i + 1; j < nv && v[j].glued; j++)
			run += 1 + v[j].w;
		if (i > 0 && col + 1 + (int)run + (j == nv && how->room) > how->cols) {
			fprintf(how->f, "\n%*s", indent, "");
			col = indent;
		} else if (i > 0) {
			fputc(' ', how->f);
			col++;
		}
		for (k = i; k < j; k++) {
			if (k > i)
				fputc(' ', how->f);
			if (k == 0 && ntext > 0 && how->bold)
				fputs("\033[1m", how->f);
			putsafe(how->f, v[k].s, v[k].n);
			if (k + 1 == ntext && how->bold)
				fputs("\033[0m", how->f);
		}
		col += (int)run;
	}
	free(v);
}

static void
addspan(struct spans *sp, const char *s, size_t n)
{
	if (sp->n == sp->cap) {
		sp->cap = sp->cap ? 2 * sp->cap : 4;
		sp->v = xrealloc(sp->v, sp->cap * sizeof *sp->v);
	}
	sp->v[sp->n].s = s;
	sp->v[sp->n++].n = n;
}

/* The lines of display text s, wrapped at w columns (0: never), at spaces
 * where it can, within a word where one is longer than a line; columns
 * as putsafe() will write them. */
void
text_lines(const char *s, size_t n, size_t w, struct spans *sp)
{
	size_t i = 0, end, start, cols, brk, brkcols, k, cw, len;

	while (i <= n) {
		for (end = i; end < n && s[end] != '\n'; end++)
			;
		if (w == 0 || text_cols(s + i, end - i) <= w) {
			addspan(sp, s + i, end - i);
			i = end + 1;
			continue;
		}
		start = i;
		while (start < end) {
			while (start < end && s[start] == ' ')
				start++;
			cols = 0;
			brk = 0;
			brkcols = 0;
			for (k = start; k < end; k += cw) {
				len = (size_t)text_char_cols(s + k, end - k, &cw);
				if (s[k] == ' ') {
					brk = k;
					brkcols = cols;
				}
				if (cols + len > w)
					break;
				cols += len;
			}
			if (k >= end) {
				if (start < end)
					addspan(sp, s + start, end - start);
				break;
			}
			if (brk > start && brkcols > 0) {
				addspan(sp, s + start, brk - start);
				start = brk + 1;
			} else {
				if (k == start)		/* a character wider than w */
					k += cw;
				addspan(sp, s + start, k - start);
				start = k;
			}
		}
		i = end + 1;
	}
}

/* --- markup ------------------------------------------------------------------- */

/*
 * s as XML or HTML character data or attribute text: markup characters
 * as entities; controls but tab and newline, and U+FFFE and U+FFFF, which
 * XML 1.0 forbids, as U+FFFD.
 */
void
xml_escape(FILE *f, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '&')
			fputs("&amp;", f);
		else if (c == '<')
			fputs("&lt;", f);
		else if (c == '>')
			fputs("&gt;", f);
		else if (c == '"')
			fputs("&quot;", f);
		else if (c == '\'')
			fputs("&#39;", f);
		else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f)
			fputs("\xef\xbf\xbd", f);
		else if (c == 0xef && i + 2 < n && (unsigned char)s[i + 1] == 0xbf &&
		    ((unsigned char)s[i + 2] & 0xfe) == 0xbe) {
			fputs("\xef\xbf\xbd", f);
			i += 2;
		} else
			putc(c, f);
	}
}

/* --- characters, for pictures: a font's width is not a terminal's ------------ */

size_t
u8_chars(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)s[i] & 0xc0) != 0x80;
	return c;
}

size_t
u8_prefix(const char *s, size_t n, size_t chars)
{
	size_t i = 0;

	while (i < n && chars-- > 0)
		for (i++; i < n && ((unsigned char)s[i] & 0xc0) == 0x80; i++)
			;
	return i;
}
