/*
 * fuzz_record.c - libFuzzer target: journal lines through record_parse(),
 * notes through note_check/note_unescape/note_escape, and any bytes through
 * vis() and putsafe().
 *
 * Built by tests/fuzz.sh; an exit() here is a finding (tests/fuzz.h).
 * Each line of the input is parsed in turn, after one fixed good line, so
 * that whatever record_parse() remembers between calls is exercised and an
 * input replays alone.  What must hold, for any input:
 *
 * - record_parse() never reads or writes outside line[0..len] (the byte
 *   at len is the caller's NUL, as lines_next() leaves it);
 * - a record it accepts has 4 or 5 fields that each pass their own check,
 *   NUL-terminated at the lengths it reports, and a time whose
 *   stamp_format() parses back to the same day, second and offset;
 * - a reason it gives is printable: no control character, no bad UTF-8
 *   (the input is echoed through vis());
 * - a checked note unescapes and escapes back to itself, and escaping any
 *   text that has no controls but tab, newline and CR gives a note that
 *   passes note_check() and unescapes back to the text;
 * - putsafe() writes exactly the escaped text, and vis() a prefix of it.
 */
#include "fuzz.h"

/* The code point of a zero-width or direction-changing character, else 0. */
static unsigned
invisible(const unsigned char *p, size_t k)
{
	unsigned u;

	if (k == 2)
		u = (p[0] & 0x1fu) << 6 | (p[1] & 0x3fu);
	else if (k == 3)
		u = (p[0] & 0x0fu) << 12 | (p[1] & 0x3fu) << 6 | (p[2] & 0x3fu);
	else
		return 0;
	if (u == 0x061c || (u >= 0x200b && u <= 0x200f) || (u >= 0x202a && u <= 0x202e) ||
	    (u >= 0x2066 && u <= 0x2069) || u == 0xfeff)
		return u;
	return 0;
}

/* The escaping putsafe() promises, written out byte by byte. */
static size_t
ref_escape(const unsigned char *p, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, o = 0, k;
	unsigned c, u;

	while (i < n) {
		c = p[i];
		k = c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 :
		    c >= 0xf0 && c <= 0xf4 ? 4 : 0;
		if (c >= 0x20 && c < 0x7f) {
			out[o++] = (char)c;
			i++;
		} else if (k > 0 && i + k <= n && utf8_valid((const char *)p + i, k) &&
		    (u = invisible(p + i, k)) != 0) {
			o += (size_t)sprintf(out + o, "\\u%04x", u);
			i += k;
		} else if (k > 0 && i + k <= n && utf8_valid((const char *)p + i, k) &&
		    !(c == 0xc2 && p[i + 1] < 0xa0)) {
			memcpy(out + o, p + i, k);
			o += k;
			i += k;
		} else {
			out[o++] = '\\';
			if (c == '\t')
				out[o++] = 't';
			else if (c == '\n')
				out[o++] = 'n';
			else if (c == '\r')
				out[o++] = 'r';
			else {
				out[o++] = 'x';
				out[o++] = hex[c >> 4];
				out[o++] = hex[c & 15];
			}
			i++;
		}
	}
	return o;
}

static void
check_escapes(const uint8_t *data, size_t size)
{
	char *want, *got = NULL;
	size_t wn, gotn = 0, vn;
	const char *v;
	FILE *f;

	want = malloc(4 * size + 1);
	wn = ref_escape(data, size, want);
	CHECK(fuzz_printable(want, wn, 0));
	f = open_memstream(&got, &gotn);
	CHECK(f != NULL);
	putsafe(f, (const char *)data, size);
	CHECK(fclose(f) == 0);
	if (gotn != wn || memcmp(got, want, wn) != 0) {
		fprintf(stderr, "putsafe wrote %zu bytes, want %zu\n", gotn, wn);
		abort();
	}
	free(got);
	v = vis((const char *)data, size);
	vn = strlen(v);
	CHECK(vn <= 203);
	CHECK(fuzz_printable(v, vn, 0));
	if (wn <= 200)
		CHECK(vn == wn && memcmp(v, want, wn) == 0);
	else {
		/* cut at 200 bytes: a prefix of whole escapes (\u200b, the
		 * longest, is six bytes), then "..." */
		CHECK(vn >= 3 + 195 && strcmp(v + vn - 3, "...") == 0);
		CHECK(memcmp(v, want, vn - 3) == 0);
	}
	free(want);
}

static void
check_note(const char *s, size_t n)
{
	char *plain, *again;
	size_t pn, an;

	if (note_check(s, n) != NULL)
		return;
	plain = malloc(n + 1);
	pn = note_unescape(s, n, plain);
	CHECK(pn <= n);
	again = malloc(2 * pn + 1);
	an = note_escape(plain, pn, again);
	CHECK(an == n && memcmp(again, s, n) == 0);
	free(plain);
	free(again);
}

/* Text with no controls but tab, newline and CR escapes into a good note. */
static void
check_text(const char *s, size_t n)
{
	char *note, *back;
	size_t nn, bn, i;

	if (!utf8_valid(s, n))
		return;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f ||
		    (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] < 0xa0))
			return;
	}
	note = malloc(2 * n + 1);
	nn = note_escape(s, n, note);
	CHECK(note_check(note, nn) == NULL);
	back = malloc(nn + 1);
	bn = note_unescape(note, nn, back);
	CHECK(bn == n && memcmp(back, s, n) == 0);
	free(note);
	free(back);
}

static void
check_record(const struct record *r, const char *line, size_t len)
{
	struct stamp t;
	char buf[64];
	double v;
	size_t n;

	CHECK(r->nfields == 4 || r->nfields == 5);
	CHECK(r->time >= line && r->time <= line + len);
	CHECK(r->note >= line && r->note + r->notelen <= line + len);
	CHECK(strlen(r->who) == r->wholen && who_check(r->who, r->wholen) == NULL);
	CHECK(strlen(r->what) == r->whatlen && what_check(r->what, r->whatlen) == NULL);
	CHECK(number_parse(r->value, strlen(r->value), &v) == NULL && v == r->v);
	CHECK(r->note[r->notelen] == '\0');
	CHECK(r->nfields == 5 || r->notelen == 0);
	CHECK(note_check(r->note, r->notelen) == NULL);
	CHECK(stamp_parse(r->time, strlen(r->time), &t) == NULL);
	CHECK(t.day == r->t.day && t.sec == r->t.sec && t.off == r->t.off);
	n = stamp_format(buf, &r->t);
	CHECK(n == strlen(buf) && n < 32);
	CHECK(stamp_parse(buf, n, &t) == NULL);
	CHECK(t.day == r->t.day && t.sec == r->t.sec && t.off == r->t.off &&
	    t.hastime == r->t.hastime);
	check_note(r->note, r->notelen);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char prime[] = "2026-11-24T21:04:00+01:00\talex\ttouch\t4\t";
	struct record r;
	const char *why, *p, *end, *nl;
	char *line;
	size_t len;

	/*
	 * record_parse() may remember what it found good (a stamp, a name):
	 * parse one fixed line first, so an input replays the same way alone,
	 * then each line of the input in turn, as a reader would.
	 */
	line = malloc(sizeof prime);
	memcpy(line, prime, sizeof prime);
	CHECK(record_parse(line, sizeof prime - 1, &r) == NULL);
	free(line);
	for (p = (const char *)data, end = p + size; p <= end; p = nl + 1) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			nl = end;
		len = (size_t)(nl - p);
		/* exactly len + 1 bytes, so ASan sees any step past the NUL */
		line = malloc(len + 1);
		memcpy(line, p, len);
		line[len] = '\0';
		if ((why = record_parse(line, len, &r)) == NULL)
			check_record(&r, line, len);
		else
			CHECK(*why != '\0' && fuzz_printable(why, strlen(why), 0));
		free(line);
	}

	check_note((const char *)data, size);
	check_text((const char *)data, size);
	check_escapes(data, size);
	return 0;
}
