/*
 * answers.h - tonight's question, answered by both: ask -P, -r and -b,
 * in answers.c; ask.c hands them their options and calls answers().
 */
#ifndef ANSWERS_H
#define ANSWERS_H

#define ANSWER_MEASURE	"answer"	/* the text measure ask -P writes */
#define ANSWER_SET	"answer"	/* the set that defines it; never asked */

/* The longest note ask writes: room is left for time, who and what. */
#define NOTE_LIMIT	(LINE_LIMIT - 256)

void	 answers_option(int c, const char *arg);	// one of -H -P -b -n -r -w: note it
int	 answers_mode(void);				// -P, -r or -b was given
/* Answer, reveal or print the book with ask's other options as parsed
 * (p: -p or -l given); the exit status, or -1 after a usage message. */
int	 answers(const char *bank, const char *set, const char *category,
	    const char *date, int p, int argc, char **argv);

/* answers.c, for ask.c too: text on a terminal */
int	 shown_char(const char *s, size_t n, size_t *k);	// columns the character at s[0..n) takes as putsafe() writes it (\xHH 4, \u200b 6, wide 2, combining 0); its bytes in *k
size_t	 shown_width(const char *s, size_t n);		// columns s[0..n) takes as putsafe() writes it

/* ask.c: messages */
void	 bad_answer(unsigned long line, const char *fmt, ...);	// "ask: stdin:LINE: msg", the first ten times; the rest counted
void	 bad_answers_said(void);			// "ask: N more bad lines not shown", when there were more

#endif
