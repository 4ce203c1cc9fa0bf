/*
 * hearth.h - the shared core every hearth program links.
 *
 * util.c     messages, checked output, memory, who is asking, paths
 * text.c     UTF-8, the safe echo of untrusted text, its width, wrap, colour, names
 * time.c     RFC 3339 stamps, day numbers, $HEARTH_NOW
 * journal.c  reading lines and records, notes, names, numbers
 * append.c   a batch onto a journal, all or nothing: the rollback note
 * bank.c     the question bank: measures, sets, starters
 * table.c    one hash table from strings to pointers
 * series.c   journals as daily series, for trend and remind (series.h)
 * stats.c    the figures of a series, the early warnings' tests (stats.h)
 * alerts.c   the early warnings of a couple as of a day (alerts.h)
 *
 * and, for one program each: answers.c (ask -P, -r, -b), rules.c
 * (remind's rules), view.c, chart.c and svg.c (trend's views).
 *
 * Nothing here allocates per record; records point into the line they
 * were parsed from and live until the next line is read.
 */
#ifndef HEARTH_H
#define HEARTH_H

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#define HEARTH_VERSION	"1.0"
#define LINE_LIMIT	65536		/* a longer line is a bad record */
#define BATCH_LIMIT	(64UL << 20)	/* log writes at most this at once */
#define JOURNAL_HEADER	"#time\twho\twhat\tvalue\tnote\n"

#if defined(__GNUC__) || defined(__clang__)
#define NORETURN __attribute__((noreturn))
#else
#define NORETURN
#endif

/* util.c */
extern const char *progname;
/* progname = basename of argv0; fds 0-2 made open (first thing in main) */
void	 setprogname(const char *argv0);
void	 warnx_(const char *fmt, ...);			// "prog: msg\n" on stderr
void	 warn_(const char *fmt, ...);			// "prog: msg: strerror(errno)\n"
void	 die(int status, const char *fmt, ...) NORETURN;	// warnx_ then exit(status)
void	 version(void) NORETURN;			// "prog (hearth) VERSION" on stdout, exit 0
/* getopt(3) with opterr = 0 and ":..." returned c: say what was wrong */
void	 optfail(int c);
/* flush+check f; 0, or 1 after a message (none for EPIPE) */
int	 fshut(FILE *f, const char *name);
/* write(2) all of p, retrying; 0 or -1 with errno */
int	 writeall(int fd, const void *p, size_t n);
/* $HEARTH_WHO, else the login name, else $LOGNAME; die(1) when none */
const char *whoami(void);
void	*xmalloc(size_t n);				// malloc or die(1)
void	*xrealloc(void *p, size_t n);			// realloc or die(1)
char	*xstrdup(const char *s);
/* FNV-1a: table slots, and the starters' per-category seed */
unsigned long hash_bytes(const char *s, size_t n);
char	*suffixed(const char *path, const char *s);	// path with s after it, malloc'd
/* path made absolute (malloc'd), so a command naming it works from anywhere */
char	*absolute(const char *path);

/* text.c: the one text layer, for whatever reaches a terminal or a page */
extern const char *const month_name[12];	// "January".."December"
extern const char *const day_name[7];		// "Monday".."Sunday", as weekday() counts
/* the length of the well-formed UTF-8 character at s[0..n) and its code point in *c; 0 when
 * none (a bad byte, an overlong, a surrogate) */
size_t	 u8_decode(const char *s, size_t n, unsigned long *c);
int	 utf8_valid(const char *s, size_t n);		// all of s is well-formed UTF-8
/* s holds a C0 control but tab, DEL or a C1 control */
int	 has_control(const char *s, size_t n);
/* the code point when s starts with a zero-width or bidi control (U+200B-200F,
 * 202A-202E, 2066-2069, FEFF, 061C), else 0 */
unsigned long invisible_at(const char *s, size_t n);
/* s for a message: controls escaped, cut at 200 bytes; 4 rotating static buffers */
const char *vis(const char *s, size_t n);
/* write s with controls, invisible characters and bad UTF-8 escaped (\xHH, \uHHHH) */
void	 putsafe(FILE *f, const char *s, size_t n);
/* columns the character at s[0..n) takes as putsafe() writes it (\xHH 4, \u200b 6,
 * wide 2, combining 0); its bytes in *k */
int	 text_char_cols(const char *s, size_t n, size_t *k);
/* columns s[0..n) takes as putsafe() writes it */
size_t	 text_cols(const char *s, size_t n);
/* path to read or paste: ~/ for $HOME, shell-quoted, controls escaped; 2 rotating buffers */
const char *path_shown(const char *path);
int	 isterm(int fd);		// isatty(fd), but never when $HEARTH_NOTTY is set
int	 utf8_locale(void);			// LC_CTYPE says UTF-8
/* columns of fd's window, 20 or more; 0: not a terminal, or it does not say */
int	 term_window(int fd);
int	 term_cols(int fd);		// term_window(fd), else $COLUMNS (20..1000), else 80
/* escape codes allowed on fd: a terminal, NO_COLOR unset or empty, TERM set and not dumb */
int	 colour_ok(int fd);
/* how text_wrap() writes */
struct wrap {
	FILE	*f;
	int	 cols;		/* columns a line may take */
	int	 indent;	/* columns before each line after the first; -1: lead's width */
	const char *hint;	/* kept whole, with the text's last word; NULL: none */
	int	 bold;		/* the text (not the hint) in bold */
	int	 room;		/* a prompt: a column left after the last word */
	int	 glue;		/* "lo = word" kept on one line */
};
/* lead, then text word by word, each line within how->cols; no newline at the end */
void	 text_wrap(const struct wrap *how, const char *lead, const char *text);
struct span {
	const char *s;
	size_t	 n;
};
struct spans {
	struct span *v;
	size_t	 n, cap;
};
/* the lines of s (no controls but \n) at w columns (0: never), at spaces where it can,
 * within a word longer than a line; added to sp */
void	 text_lines(const char *s, size_t n, size_t w, struct spans *sp);
/* for a picture, where a font and not a terminal sets the width: characters in s, and the
 * bytes of its first chars characters */
size_t	 u8_chars(const char *s, size_t n);
size_t	 u8_prefix(const char *s, size_t n, size_t chars);
void	 xml_escape(FILE *f, const char *s, size_t n);	// s as XML/HTML text or attribute

/* time.c: a stamp is the time as written; its day is the date written in it */
struct stamp {
	long	day;		/* days since 1970-01-01 of the written date */
	int	sec;		/* seconds into that day, 0..86399 (no leap seconds) */
	int	off;		/* offset east of UTC in minutes */
	char	zulu;		/* written with Z */
	char	hastime;	/* 0: a bare YYYY-MM-DD */
};
long	 days_from_civil(long y, int m, int d);
void	 civil_from_days(long day, long *y, int *m, int *d);
int	 weekday(long day);				// 0 = Monday .. 6 = Sunday
int	 month_days(long y, int m);
/* RFC 3339 or YYYY-MM-DD; NULL or the reason */
const char *stamp_parse(const char *s, size_t n, struct stamp *t);
/* YYYY-MM-DD only; NULL or the reason */
const char *date_parse(const char *s, size_t n, long *day);
/* log -t: RFC 3339 (seconds optional), YYYY-MM-DD (noon), today, yesterday */
const char *when_parse(const char *s, const struct stamp *now, struct stamp *t);
/* -d: YYYY-MM-DD, RFC 3339 (its date), today, yesterday */
const char *day_parse(const char *s, long today, long *day);
/* $HEARTH_NOW or the clock (local, with offset); -1 after a message */
int	 now(struct stamp *t);
/* full RFC 3339, NUL-terminated; buf >= 32; returns length */
size_t	 stamp_format(char *buf, const struct stamp *t);
void	 date_format(char *buf, long day);		// YYYY-MM-DD, buf >= 16

/* journal.c */
struct record {
	struct stamp t;
	char	*time, *who, *what, *value, *note;	/* fields, NUL-terminated in the line */
	size_t	 wholen, whatlen, notelen;
	double	 v;					/* value */
	int	 nfields;				/* 4 or 5 */
};
/* one line (no newline); NULL or the reason */
const char *record_parse(char *line, size_t len, struct record *r);
/* the time and who of a record from elsewhere (log's whole records): NULL or the reason */
const char *record_head_check(const char *time, size_t tn, const char *who, size_t wn,
	    struct stamp *t);
const char *who_check(const char *s, size_t n);		// NULL or the reason
const char *what_check(const char *s, size_t n);
/* -?[0-9]+(\.[0-9]+)?, C locale, no overflow */
const char *number_parse(const char *s, size_t n, double *v);
/* an escaped note: valid escapes, no controls, UTF-8 */
const char *note_check(const char *s, size_t n);
size_t	 note_escape(const char *s, size_t n, char *out);	// out >= 2n; returns length
size_t	 note_unescape(const char *s, size_t n, char *out);	// of a checked note; out >= n
/* the escaped note of an answer record: "q:ID QUESTION\\tANSWER"; NULL or the reason */
const char *answer_check(const char *s, size_t n);
const char *line_blank(const char *s, size_t n);	// non-NULL when s is blank or a # comment

/* Lines from a file or stdin in large blocks; a line is returned without
 * its newline and trailing CR; 2 = longer than LINE_LIMIT (skipped). */
struct lines {
	int	 fd;
	const char *name;		/* for messages: the path, or "stdin" */
	char	*buf;
	size_t	 cap, pos, end;
	unsigned long lineno;
	int	 eof;
	long long left;			/* bytes still to read, -1: to the end */
	long long limit;		/* a rollback note's length: never read past it; -1: none */
	unsigned long badrun;		/* journal_next: bad records in a row */
	long long off;			/* with lines_span: where pread goes next */
};
/* NULL or "-" is stdin; -1 after a message */
int	 lines_open(struct lines *l, const char *path);
/* 1 line, 2 too long, 0 end, -1 read error (after a message) */
int	 lines_next(struct lines *l, char **line, size_t *len);
void	 lines_close(struct lines *l);
/* read only bytes from..to (to < 0: the end) with pread(2), whoever else reads the file; never
 * past l->limit */
void	 lines_span(struct lines *l, long long from, long long to);
/* append.c: a batch onto a journal, all or nothing; the protocol is at its top */
#define ROLLBACK_SUFFIX	".rollback"	/* the note beside a journal while a batch goes in */
/* a batch has this much room before it, for the header */
#define APPEND_ROOM	sizeof JOURNAL_HEADER
/* journal NULL: stdout; 0, or 1 after messages; where: the file's path (malloc'd) or NULL */
int	 journal_append(const char *journal, char *batch, size_t n, int *written,
	    char **where);
/* the length the note beside path pins the file open as fd to; -1 none, -2 torn or not for it,
 * -3 unreadable, -4 for it but the content changed */
long long rollback_length(const char *path, int fd);
/* make the directories above path, 0700; 0 or -1 with errno */
int	 mkparents(const char *path);

/* Readers (trend, remind) name bad records but go on: at most 10, then a count. */
void	 bad_record(const char *file, unsigned long line, const char *reason);
/* "prog: N more bad records" if any were not shown */
void	 bad_summary(void);
/* The next good record of a journal; bad ones reported; 0 at end, -1 read error. */
int	 journal_next(struct lines *l, struct record *r);
/* The journals a reader reads: its operands, or stdin, or $HEARTH_JOURNAL
 * when stdin is a terminal; exits 2 with advice when there is none. */
char	**journal_args(int argc, char **argv);

/* table.c: open addressing; keys are not copied and must outlive the table */
struct slot {
	unsigned long h;
	const char *k;
	size_t	 n;
	void	*v;
};
struct table {
	struct slot *s;
	size_t	 cap, n;
};
/* the value of key k, NULL when none */
void	*table_get(const struct table *t, const char *k, size_t n);
/* add or replace; v is not NULL */
void	 table_put(struct table *t, const char *k, size_t n, void *v);
void	 table_free(struct table *t);			// the slots, not the keys or values

/* bank.c */
#define BANK_LIMIT	(1L << 20)	/* a user's bank is a regular file of at most 1 MiB */
enum mtype { T_SCALE, T_YESNO, T_COUNT, T_MINUTES, T_TEXT };
/* The pillars measures are pooled into; a measure belongs to one, or none. */
enum pillar { P_NONE, P_DIALOGUE, P_AFFECTION, P_SAFETY, P_CLOSENESS };
#define NPILLARS	5
struct measure {
	char	 what[33];
	enum mtype type;
	long	 lo, hi;		/* hi < 0: no upper bound */
	int	 better;		/* +1 high, -1 low */
	int	 known;			/* 0: not in any bank (readers' default) */
	enum pillar pillar;		/* P_NONE unless the bank says */
	char	 label[48];		/* short words for charts and messages; "" = use what */
};
struct question {
	char	 set[33], what[33];	/* set "prompt": what is the category */
	char	*text;
	int	 m;			/* index into bank.m, -1 for a starter */
};
struct bank {
	struct question *q;
	size_t	 nq;
	struct measure *m;
	size_t	 nm;
	struct table index;		/* measure name -> &m[i] */
};
/* built-in + user bank (file, else $HEARTH_BANK, else XDG); -1 after messages */
int	 bank_load(struct bank *b, const char *file);
void	 bank_free(struct bank *b);			// all it holds; b is empty after
/* NULL when no bank defines it */
const struct measure *bank_measure(const struct bank *b, const char *what);
/* what readers assume for an unknown measure */
struct measure measure_default(const char *what);
/* type and range; NULL or the reason */
const char *value_check(const struct measure *m, const char *s, size_t n);
double	 measure_range(const struct measure *m);	// R, or 0 when none
int	 measure_sums(const struct measure *m);		// per day: 1 sum, 0 mean
const char *type_name(enum mtype t);
const char *measure_label(const struct measure *m);	// its label in words, else its id
/* a user's bank or rules: a plain file of at most BANK_LIMIT, opened without blocking; 1, 0
 * missing (!must), -1 after a message */
int	 conf_open(struct lines *l, const char *file, int must, const char *what);
/* "none", "dialogue", "affection", "safety", "closeness" */
const char *pillar_name(enum pillar p);
/* a pillar_name() back to its enum; -1 when it is none of them */
int	 pillar_parse(const char *s);
/* the pillar in words: "talking together", ... */
const char *pillar_label(enum pillar p);
/* starters (of a category, or all) in bank order: their indices into b->q; idx may be NULL; the
 * count */
size_t	 bank_starters(const struct bank *b, const char *category, size_t *idx);
/* NULL when none */
const char *starter_of_day(const struct bank *b, const char *category, long day,
	    unsigned long long seed);
/* $HEARTH_SEED, 0 when unset; die(1) when bad */
unsigned long long hearth_seed(void);

#endif
