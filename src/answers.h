/*
 * answers.h - tonight's question, answered by both: ask -P, -r and -b,
 * in answers.c; ask.c hands them their options and calls answers().
 *
 * The two files of ask also share what they say on a terminal, declared
 * at the end: messages wrapped between words and what Ctrl-C says
 * (ask.c), on the text layer of hearth.h.
 */
#ifndef ANSWERS_H
#define ANSWERS_H

#define ANSWER_MEASURE	"answer"	/* the text measure ask -P writes */
#define ANSWER_SET	"answer"	/* the set that defines it; never asked */

/* The longest note ask writes: room is left for time, who and what. */
#define NOTE_LIMIT	(LINE_LIMIT - 256)

void	 answers_option(int c, const char *arg);	// one of -H -P -b -n -o -r -w: note it
int	 answers_mode(void);				// -P, -r or -b was given
/* Answer, reveal or print the book with ask's other options as parsed
 * (p: -p or -l given); the exit status, or -1 after a usage message. */
int	 answers(const char *bank, const char *set, const char *category,
	    const char *date, int p, int argc, char **argv);

/* answers.c */
const char *journal_shown(void);			// $HEARTH_JOURNAL as path_shown() gives it, else ~/us/journal.tsv

/* ask.c: messages */
void	 say_wrapped(const char *lead, const char *text, int bold);	// lead, then text (bold: in bold) wrapped between words to stderr's width, each line after the first indented under it, and a newline
void	 say_command(const char *cmd);			// a command to type, on a line of its own, indented, never cut
void	 tell(const char *fmt, ...);			// "ask: msg" on stderr, wrapped as say_wrapped() does when stderr is a terminal
void	 bad_answer(unsigned long line, const char *fmt, ...);	// "ask: stdin:LINE: msg", the first ten times; the rest counted
void	 bad_answers_said(void);			// "ask: N more bad lines not shown", when there were more
void	 on_cancel(const char *msg);			// from now on Ctrl-C writes msg on stderr (when a terminal) and kills ask by SIGINT

#endif
