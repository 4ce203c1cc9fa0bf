/*
 * rules.h - remind's rules (hearth-rules(5)), read once into a struct
 * rules by rules.c, which holds the kinds of rule as one table with their
 * parsers; then asked: is a day paused, and by which pause rule; a rule's
 * message, filled.  remind(1) says on the day which rules are due;
 * trend -c asks only about pauses.
 */
#ifndef RULES_H
#define RULES_H

#include <limits.h>

#include "hearth.h"

#define NOWHEN	LONG_MIN

enum kindid { K_EVERY, K_SINCE, K_TARGET, K_TREND, K_DATE, K_YEARLY, K_PAUSE, NKINDS };
enum { E_DAILY, E_WEEKDAYS, E_MONTHLY, E_INTERVAL };
enum { OP_NONE, OP_GE, OP_LE, OP_GT, OP_LT, OP_EQ };

struct rule;

/* A kind of rule: one row of the table in rules.c. */
struct kind {
	enum kindid id;
	const char *name;
	int	 nf, opt;		/* fields with the message; opt: one more may come */
	const char *shape;		/* the fields, for a message */
	unsigned fills;			/* the placeholders it can fill, a bit each */
	int	 pausable;		/* silent during a pause */
	int	 who_w;			/* counts the -w partner's records only */
	const char *(*parse)(struct rule *r, char **f, int nf, const struct bank *b);	/* NULL or why not */
};

struct rule {
	const struct kind *kind;
	unsigned long line;
	char	*text;			/* the line as written, for -l */
	char	*msg;			/* points into text */
	int	 every;			/* E_* */
	unsigned wdays;			/* bit 0 Monday .. bit 6 Sunday */
	int	 mday;			/* monthly */
	long	 step;			/* every Nd from: N; since: the age; date: the lead */
	long	 day, day2;		/* the rule's date(s) */
	char	 what[33];		/* since, target, trend ("" for *) */
	int	 pillar;		/* trend: a pillar instead of a measure, or P_NONE */
	int	 op;
	double	 x;			/* since: the value compared; target: the target */
	int	 span;			/* target: 7 days or 1 */
	unsigned flag;			/* trend: the kinds, F_* */
	/* from the journal */
	long	 newest, oldest;	/* since: newest record meeting it, oldest of all */
	int	 logged;
	double	 sum;
};

/* What reading rules needs to know of its reader. */
struct rules_how {
	const struct bank *bank;	/* the measures a rule may name */
	int	 who;			/* -w given: {who} fills where a kind counts one partner */
	int	 listing;		/* -l: the rules are to be listed, maybe into their own file */
	void	(*warn)(const char *fmt, ...);	/* says a bad line; NULL: bad lines skipped unsaid */
};

struct rules {
	struct rule *rule;		/* in file order */
	size_t	 n;
	const char *file;		/* where they came from; NULL: built in */
	int	 errors;		/* bad lines */
	struct rules_how how;
	char	*buf;			/* the message last filled */
	size_t	 buflen, bufcap;
};

/* What fills a message. */
struct fill {
	long	 days, years, date, since;
	const char *who, *what, *prompt, *why, *journal;
	double	 sum, target, last7, base28, change;
	int	 both7, both30, run;	/* the couple's showing up */
};

int	 rules_load(struct rules *rs, const char *file, const struct rules_how *how);	// -f file, else the user's, else built in; 0, or -1 after bad lines
void	 rules_free(struct rules *rs);
const struct rule *rules_paused(const struct rules *rs, long day);	// the pause rule day is in, or NULL
int	 rules_paused_at(long day, void *rs);		// the same, as model_showup() and alert_due() ask it
const char *rules_say(struct rules *rs, const struct rule *r, const struct fill *fl);	// r's message filled in, until the next call
void	 rules_list(const struct rules *rs);		// -l: the rules as a rules file

#endif
