/*
 * rules.h - remind's rules: what a rule holds, the kinds of rule as one
 * table (kinds[] in remind.c: name, fields, placeholders, parse, due),
 * and what reading a rules file (rules.c) and saying a rule (remind.c)
 * share.
 */
#ifndef RULES_H
#define RULES_H

#include <limits.h>

#include "hearth.h"
#include "series.h"
#include "stats.h"
#include "alerts.h"

#define NOWHEN	LONG_MIN

enum { E_DAILY, E_WEEKDAYS, E_MONTHLY, E_INTERVAL };
enum { OP_NONE, OP_GE, OP_LE, OP_GT, OP_LT, OP_EQ };

/* Placeholders (see remind(1)). */
enum { P_DAYS, P_WEEKS, P_YEARS, P_WHO, P_WHAT, P_SUM, P_TARGET, P_LAST7,
	P_BASE28, P_CHANGE, P_DATE, P_PROMPT, P_WHY, P_SINCE, P_TOGETHER7, P_TOGETHER30,
	P_RUN, P_JOURNAL, NPH };
extern const char *const phnames[NPH];
#define B(p)	(1u << (p))

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

/* What fills a message. */
struct fill {
	long	 days, years, date, since;
	const char *who, *what, *prompt, *why, *journal;
	double	 sum, target, last7, base28, change;
};

typedef const char *parsefn(struct rule *r, char **f, int nf);
typedef void duefn(const struct rule *r);

struct kind {
	const char *name;
	int	 nf, opt;		/* fields with the message; opt: one more may come */
	const char *shape;		/* the fields, for a message */
	unsigned fills;			/* B(P_*) it can fill */
	int	 pausable;		/* silent during a pause */
	int	 who_w;			/* counts the -w partner's records only */
	parsefn *parse;
	duefn	*due;
};


extern const struct kind kinds[];
extern const size_t nkinds;
extern const char *builtin[];

/* remind.c */
extern struct bank bank;
extern struct rule *rules;
extern size_t nrules;
extern int nerrs;
extern const char *rulesfile;		/* for messages; NULL: built in */
extern const char *who;			/* -w */
extern int listing;			/* -l */
extern struct showup showup;		/* of the couple of -w, else the first */
void	 warnw(const char *fmt, ...);		// warnx_(), wrapped between words on a terminal

/* rules.c */
extern char *buf;			/* a message as it is filled */
extern size_t buflen;
const char *expand(const char *msg, const struct kind *k, const struct fill *fl);	// fill msg into buf, or with fl NULL check it; NULL or the reason
int	 rules_load(const char *file);			// the rules in effect; 0, or -1 after messages
void	 rules_list(void);				// -l: the rules as a rules file
const char *parse_every(struct rule *r, char **f, int nf);	// a kind's fields; NULL or the reason
const char *parse_since(struct rule *r, char **f, int nf);
const char *parse_target(struct rule *r, char **f, int nf);
const char *parse_trend(struct rule *r, char **f, int nf);
const char *parse_date(struct rule *r, char **f, int nf);
const char *parse_yearly(struct rule *r, char **f, int nf);
const char *parse_pause(struct rule *r, char **f, int nf);

#endif
