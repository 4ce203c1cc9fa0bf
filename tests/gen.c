/*
 * gen — a deterministic hearth journal generator, for the tests, the demo
 * and the benchmark.
 *
 *     gen [-D] [-s seed] [-c couples] [-n days] [-e end-date] [-r repeat]
 *
 * It writes a hearth-journal(5) on standard output: the header, then one
 * record per line, `time who what value note`, day by day from the first
 * day to the end date, each day's check-ins in order of their time of day
 * with the couples interleaved, as if several people appended with `>>`.
 * All the records of one check-in share its time (log(1) stamps a batch
 * once), and the time fields come in byte order, ties between offsets
 * included, so `sort -s -c -k1,1` accepts the file.
 *
 * What the journal looks like:
 *
 * - Each couple has two partners, `c0042/jo` and `c0042/zoé` (with -c 1,
 *   plain `alex` and `sam`), and a fixed UTC offset among +01:00, Z, -05:00,
 *   +05:30 and a few more. Check-ins happen in the evening, 19:00-23:59.
 * - On 77% of days (80% in the demo) a partner answers the daily set:
 *   open safe heard talk talk_min touch close effort, and hugs on 65-85%
 *   of those days. On 85% of Sundays they also answer the weekly set:
 *   effort_week faced dodged granted boundary support, and gratitude and need,
 *   text answers whose note is the answer. About one daily check-in in 12
 *   carries a note on one of its records, with escapes (\t, \n, \r, \\)
 *   and UTF-8 among them. Partners' names come from a list that holds
 *   UTF-8 ones too (zoé, björn).
 * - Every scale measure is a personal baseline plus AR(1) daily noise
 *   (autocorrelation 0.3, standard deviation 0.6-0.8 points per person),
 *   rounded and clamped to 1..5, the noise running on missed days too.
 *   talk_min is the couple's shared time, each partner telling it a little
 *   differently; the counts are binomial.
 * - About 15% of couples carry a drift in one partner: a one-point decline
 *   over the last 6 weeks in one daily scale, a drop of affection (touch
 *   about 1.5-2 points lower, hugs a third as many) over the last 2 weeks,
 *   swings of about +-2 that grow over the last 5 weeks in one daily scale,
 *   or silence over the last 10 days. These are what trend(1) must find;
 *   the other series are steady and should stay unflagged.
 * - -r N has each partner answer the daily set N times on each day they
 *   check in, each time at its own second of the evening and with fresh
 *   noise on the scales (talk_min and hugs too, so their daily sums grow N
 *   times): with a short -n this crowds many records into a short window,
 *   e.g. -c 1000 -n 14 -r 90 makes 16.7 million records in two weeks. The
 *   weekly set is still answered once.
 * - -D writes the demo journal instead: alex and sam, whose story is that
 *   alex's affection falls away over the last two weeks (touch from about
 *   4 to about 2, fewer hugs) while sam's feeling of closeness swings
 *   between 1 and 5 over the last five weeks; the rest is steady (noise of
 *   0.5 points), with a few warm notes. -s, -n, -e and -r still apply.
 *
 * Why it is deterministic: every random draw comes from splitmix64: the
 * couples' states from a stream per couple seeded by -s and the couple's
 * number (so a couple's records are the same whatever -c is, but for the
 * names), the answers of a check-in from one seeded by -s, the day and the
 * check-in. The noise is made and shaped with integer arithmetic only
 * (thousandths of a point, a sum of four uniforms for the normal), and
 * dates come from a civil-calendar formula, not from the C library.
 * Nothing reads the clock, the time zone or the locale, so the same
 * arguments give byte-identical output on every machine.
 *
 * Speed: records go into a 1 MiB buffer written with fwrite; each check-in
 * formats its time once and copies it into each of its records. Write
 * errors end the program with status 1.
 */
#ifndef _POSIX_C_SOURCE
#define _POSIX_C_SOURCE 200809L
#endif

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char header[] = "#time\twho\twhat\tvalue\tnote\n";
static const char usagestr[] =
    "usage: gen [-D] [-s seed] [-c couples] [-n days] [-e end-date] "
    "[-r repeat]\n";

/* Limits that keep one day's check-ins in memory and in the sort key. */
#define MAXCOUPLES 1000000
#define MAXREPEAT 10000
#define MAXEVENTS 20000000 /* check-ins in one day */
#define MAXDAYS 1000000

/* ---- random numbers ---- */

static uint64_t
mix64(uint64_t z)
{
	z += UINT64_C(0x9e3779b97f4a7c15);
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

struct rng {
	uint64_t s;
};

static uint64_t
next(struct rng *r)
{
	r->s += UINT64_C(0x9e3779b97f4a7c15);
	return mix64(r->s);
}

/* A number in [0, n), n < 2^32. */
static uint32_t
below(struct rng *r, uint32_t n)
{
	return (uint32_t)(((next(r) >> 32) * (uint64_t)n) >> 32);
}

/* True with probability p/1000. */
static int
chance(struct rng *r, int p)
{
	return (int)below(r, 1000) < p;
}

/* A number in [lo, hi]. */
static int
between(struct rng *r, int lo, int hi)
{
	return lo + (int)below(r, (uint32_t)(hi - lo + 1));
}

/*
 * A standard normal deviate in thousandths: the sum of four uniforms on
 * [0, 65535], centred and scaled to unit variance (sd of the sum 37837).
 */
static int32_t
gauss(struct rng *r)
{
	uint64_t x = next(r);
	int32_t s = (int32_t)(x & 0xffff) + (int32_t)(x >> 16 & 0xffff) +
	    (int32_t)(x >> 32 & 0xffff) + (int32_t)(x >> 48 & 0xffff) - 131070;

	return s * 1000 / 37837;
}

/* Successes in n trials of probability p/1000. */
static int
binomial(struct rng *r, int n, int p)
{
	int i, k = 0;

	for (i = 0; i < n; i++)
		k += chance(r, p);
	return k;
}

/* ---- dates ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static long
days_from_civil(long y, long m, long d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, long *y, long *m, long *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = yoe + era * 400 + (*m <= 2);
}

/* 0 for Sunday; 1970-01-01 was a Thursday. */
static int
weekday(long z)
{
	long w = (z + 4) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

/* Parses a strict YYYY-MM-DD into a day number; -1 when it is not one. */
static int
parse_date(const char *s, long *day)
{
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31};
	long y, m, d;
	int i;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return -1;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return -1;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return -1;
	if (m == 2 && d == 29 && (y % 4 != 0 || (y % 100 == 0 && y % 400 != 0)))
		return -1;
	*day = days_from_civil(y, m, d);
	return 0;
}

/* ---- output ---- */

static char obuf[1 << 20];
static size_t olen;

static void
write_error(void)
{
	fprintf(stderr, "gen: cannot write the journal: %s\n",
	    strerror(errno ? errno : EIO));
	exit(1);
}

static void
flush(void)
{
	if (olen > 0 && fwrite(obuf, 1, olen, stdout) != olen)
		write_error();
	olen = 0;
}

/* Makes room for n more bytes. */
static void
room(size_t n)
{
	if (olen + n > sizeof obuf)
		flush();
}

static void
put(const char *s, size_t n)
{
	memcpy(obuf + olen, s, n);
	olen += n;
}

static void
putnum(unsigned v)
{
	char t[12];
	int i = 0;

	do
		t[i++] = (char)('0' + v % 10);
	while ((v /= 10) != 0);
	while (i > 0)
		obuf[olen++] = t[--i];
}

/* Writes two digits. */
static char *
two(char *p, int v)
{
	p[0] = (char)('0' + v / 10);
	p[1] = (char)('0' + v % 10);
	return p + 2;
}

/* ---- measures and notes ---- */

/* The scale measures, with their noise running every day. */
enum {
	OPEN, SAFE, HEARD, TALK, TOUCH, CLOSE, EFFORT, GRANTED, BOUNDARY,
	SUPPORT, NSCALE
};
#define NDAILYSCALE 7 /* OPEN..EFFORT */

/* Typical baselines, in thousandths; granted is better low. */
static const int scalebase[NSCALE] = {
	3700, 4000, 3800, 3500, 3800, 3900, 4000, 2000, 4000, 3900
};

struct field {
	const char *s; /* the measure followed by a tab */
	size_t n;
};
#define F(x) {x "\t", sizeof x}
static const struct field scalef[NSCALE] = {
	F("open"), F("safe"), F("heard"), F("talk"), F("touch"), F("close"),
	F("effort"), F("granted"), F("boundary"), F("support")
};
static const struct field effortweekf = F("effort_week");
static const struct field talkminf = F("talk_min");
static const struct field hugsf = F("hugs");
static const struct field facedf = F("faced");
static const struct field dodgedf = F("dodged");
static const struct field gratitudef = F("gratitude");
static const struct field needf = F("need");
#undef F

/* Notes, written as they appear in the journal (already escaped). */
static const char *const daynotes[] = {
	"walk by the river",
	"cooked together",
	"café after work",
	"movie night, fell asleep halfway",
	"long day\\nstill talked before bed",
	"argued about the dishes\\nmade up later",
	"shopping list:\\tmilk\\teggs\\tbread",
	"split the chores 50\\\\50 at last",
	"phones off at dinner",
	"her mum called, a bit tense",
	"naïve plan for the weekend",
	"fika på balkongen ☕",
	"❤",
	"crème brûlée, attempt #2",
	"back pain, early night",
	"laughed about the old photos",
	"\\\\o/ finished the bathroom",
	"quiet evening, reading side by side",
	"tired\\tbut ok",
	"día largo, pero bien",
	"talked about moving\\n\\nnot decided",
	"rainy, board games",
	"copied from my phone\\r\\nsorry",
	"said \"sorry\" first",
};

static const char *const gratnotes[] = {
	"you made coffee before I woke up",
	"the way you listened on Tuesday",
	"you picked me up from the station",
	"your patience with my family",
	"the note in my lunch bag",
	"you fixed the bike",
	"dinner with your friends felt easy",
	"you said sorry first",
	"merci pour le café",
	"the playlist you made me",
	"you remembered the dentist",
	"Sunday pancakes",
	"you held my hand\\tat the hospital",
};

static const char *const neednotes[] = {
	"an evening with no phones",
	"more time just us",
	"help with the kids' bedtime",
	"a real date night",
	"to be asked how I am\\nand to be listened to",
	"sleep",
	"less screen time at dinner",
	"a walk together on Saturday",
	"to plan the holidays together",
	"a hug when I get home",
	"space on Wednesday evening",
	"to talk about money, calmly",
};

/* The demo's notes: warm and ordinary, then the two threads of its story. */
static const char *const demonotes[] = {
	"walk by the river",
	"cooked together",
	"café on the corner, our old table",
	"long talk after dinner",
	"movie night",
	"laughed a lot tonight",
	"phones off, just us",
	"made pancakes\\nthe first one burnt",
	"rainy evening, board games",
	"called mum together",
	"tired, early night",
	"planned the summer trip",
};
static const char *const demoalexnotes[] = {
	"busy week at work",
	"slept badly again",
	"not in the mood for cuddles, not sure why",
	"long day, went straight to bed",
};
static const char *const demoupnotes[] = {
	"felt really close tonight",
	"great evening together",
	"we talked for hours",
};
static const char *const demodownnotes[] = {
	"felt miles apart",
	"went to bed upset",
	"we barely spoke",
};
static const char *const demogratnotes[] = {
	"you made coffee before I woke up",
	"the walk on Saturday",
	"you listened when I was upset",
	"you picked me up from the station",
	"Sunday pancakes",
	"you fixed the bike",
};
static const char *const demoneednotes[] = {
	"more time just us",
	"a walk together on Saturday",
	"a real date night",
	"a hug when I get home",
	"an evening with no phones",
	"to talk about the holidays",
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define PICK(r, a) ((a)[below((r), (uint32_t)NELEM(a))])

static const char *const names[] = {
	"alex", "sam", "jo", "kim", "robin", "noor", "li", "ana", "chris",
	"maya", "tom", "lea", "omar", "ines", "yuki", "ben", "zoé", "björn",
	"priya", "jonas", "sara", "malik", "eva", "luca"
};

static const char *const offsets[] = {
	"+01:00", "Z", "-05:00", "+05:30", "+02:00", "-08:00", "+00:00",
	"+09:00", "-03:00", "+10:00", "-07:00", "+03:00"
};

/* ---- people ---- */

enum { NONE, DECLINE, AFFECTION, SWINGS, QUIET };

struct person {
	char who[96];          /* the name followed by a tab */
	size_t wholen;
	int32_t base[NSCALE];  /* personal baselines, thousandths */
	int32_t ar[NSCALE];    /* AR(1) noise, thousandths */
	int32_t today[NSCALE]; /* today's latent values, thousandths */
	int32_t sd;            /* noise standard deviation, thousandths */
	int hugdays, hugp;     /* permille: days hugs are logged, hug rate */
	int facedp, dodgedp;   /* permille per trial */
	int drift, dm;         /* drift kind and its measure */
};

struct couple {
	struct rng rng;
	struct person p[2];
	char off[8];
	size_t offlen;
	int offrank;           /* the offset's place in byte order */
	int talkbase, talk;    /* minutes: usual, today's */
};

static int demo;

/*
 * The demo's random stream: of a few tried, the one whose steady series
 * stay unflagged by trend(1) as of each of the last 30 days.
 */
#define DEMOSALT 9

/* Sets up couple k. */
static void
setup(struct couple *c, uint64_t seed, long k, long ncouples)
{
	struct rng *r = &c->rng;
	const char *o;
	int i, j, m, q, a, b;

	r->s = mix64(mix64(seed) ^ mix64(UINT64_C(0x6865617274680000) +
	    (uint64_t)k + (demo ? DEMOSALT : 0)));
	o = demo ? "+01:00" : PICK(r, offsets);
	c->offlen = strlen(o);
	memcpy(c->off, o, c->offlen);
	c->offrank = 0;
	for (i = 0; i < (int)NELEM(offsets); i++)
		c->offrank += strcmp(offsets[i], o) < 0;
	c->talkbase = demo ? 40 : between(r, 10, 90);
	a = (int)below(r, NELEM(names));
	b = (a + 1 + (int)below(r, NELEM(names) - 1)) % (int)NELEM(names);
	q = between(r, -400, 400);
	for (i = 0; i < 2; i++) {
		struct person *p = &c->p[i];
		const char *nm = i == 0 ? names[a] : names[b];

		if (demo || ncouples == 1)
			nm = i == 0 ? "alex" : "sam";
		if (demo || ncouples == 1)
			p->wholen = (size_t)sprintf(p->who, "%s\t", nm);
		else
			p->wholen = (size_t)sprintf(p->who, "c%04ld/%s\t",
			    k + 1, nm);
		for (m = 0; m < NSCALE; m++) {
			int v = scalebase[m] + (demo ? 0 : q) +
			    between(r, -300, 300);
			p->base[m] = v < 1500 ? 1500 : v > 4700 ? 4700 : v;
			p->ar[m] = 0;
		}
		p->sd = demo ? between(r, 500, 550) : between(r, 600, 800);
		p->hugdays = between(r, 650, 850);
		p->hugp = between(r, 250, 600);
		p->facedp = between(r, 150, 450);
		p->dodgedp = between(r, 30, 250);
		p->drift = NONE;
		p->dm = 0;
	}
	if (demo) {
		static const int32_t alex[NSCALE] = {
			3800, 4200, 3900, 3600, 4100, 4000, 4100, 1800,
			4200, 4000
		};
		static const int32_t sam[NSCALE] = {
			3500, 4000, 3700, 3800, 3900, 4100, 4000, 2000,
			4000, 4100
		};
		memcpy(c->p[0].base, alex, sizeof alex);
		memcpy(c->p[1].base, sam, sizeof sam);
		c->p[0].hugp = 450;
		c->p[0].hugdays = 850;
		c->p[0].drift = AFFECTION;
		c->p[0].dm = TOUCH;
		c->p[1].drift = SWINGS;
		c->p[1].dm = CLOSE;
	} else if (chance(r, 150)) {
		j = (int)below(r, 2);
		c->p[j].drift = between(r, DECLINE, QUIET);
		c->p[j].dm = (int)below(r, NDAILYSCALE);
		if (c->p[j].drift == AFFECTION)
			c->p[j].dm = TOUCH;
	}
}

/* A latent value in thousandths, rounded and clamped to 1..5. */
static unsigned
scale(int32_t x)
{
	if (x < 1000)
		return 1;
	if (x > 5000)
		return 5;
	return (unsigned)(x + 500) / 1000;
}

/*
 * Moves person p on to the next day, left days before the end date, and
 * sets today's latent values, drift included.
 */
static void
advance(struct rng *r, struct person *p, long left)
{
	int m;

	for (m = 0; m < NSCALE; m++) {
		/* sqrt(1 - 0.3^2) = 0.954 keeps the marginal sd at p->sd */
		int32_t e = (int32_t)((int64_t)gauss(r) * p->sd * 954 /
		    1000000);

		p->ar[m] = p->ar[m] * 3 / 10 + e;
		p->today[m] = p->base[m] + p->ar[m];
	}
	switch (p->drift) {
	case DECLINE:
		if (left < 42)
			p->today[p->dm] -= (int32_t)(1000 * (42 - left) / 42);
		break;
	case AFFECTION:
		/* a drop over three days, then it stays down */
		if (left < 14) {
			int32_t d = demo ? 2100 : 1750;

			if (left > 10)
				d = d * (int32_t)(15 - left) / 4;
			p->today[TOUCH] -= d;
		}
		break;
	case SWINGS:
		if (left < 35) {
			int32_t amp = 1200 + (int32_t)(800 * (35 - left) / 35);
			int up = chance(r, demo ? 700 : 500);

			if (demo)
				/* closeness swings between 1 and 5 */
				p->today[p->dm] = (up ? 5000 : 1200) +
				    p->ar[p->dm];
			else
				p->today[p->dm] += up ? amp : -amp;
		}
		break;
	}
}

/* ---- the day's check-ins ---- */

/*
 * A check-in is one sort key: time of day, offset, couple, partner, set,
 * repeat. Sorting the keys puts the day's check-ins in order of time, and
 * the offset breaks ties so that the time fields are in byte order too.
 */
#define EVENING (19 * 3600)      /* check-ins from 19:00:00 */
#define NIGHT (24 * 3600 - 1)    /* to 23:59:59 */
#define KEY(secs, off, k, who, weekly, rep) \
	((uint64_t)(secs) << 40 | (uint64_t)(off) << 36 | \
	    (uint64_t)(k) << 16 | (uint64_t)(who) << 15 | \
	    (uint64_t)(weekly) << 14 | (uint64_t)(rep))

static int
cmpkey(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* Writes one record: the check-in's time and who, then what, value, note. */
static void
record(const char *pre, size_t prelen, const struct field *f, unsigned v,
    const char *note)
{
	put(pre, prelen);
	put(f->s, f->n);
	putnum(v);
	obuf[olen++] = '\t';
	if (note != NULL)
		put(note, strlen(note));
	obuf[olen++] = '\n';
}

/* A partner's minutes of talk: the couple's, told their own way. */
static unsigned
talkmin(struct rng *r, const struct couple *c)
{
	int t;

	if (c->talk == 0)
		return 0;
	t = c->talk + gauss(r) * 8 / 1000;
	t = (t + 2) / 5 * 5;
	return t < 0 ? 0 : t > 1440 ? 1440 : (unsigned)t;
}

static void
daily(struct rng *r, const struct couple *c, const struct person *p,
    long left, int rep, const char *pre, size_t prelen)
{
	static const int order[] = {OPEN, SAFE, HEARD, TALK, -1, TOUCH, CLOSE,
	    EFFORT};
	unsigned v[NELEM(order)];
	const char *note = NULL;
	int i, at = -1;

	for (i = 0; i < (int)NELEM(order); i++) {
		int m = order[i];

		if (m < 0) {
			v[i] = talkmin(r, c);
			continue;
		}
		/* a repeated check-in sees the day afresh */
		v[i] = scale(p->today[m] + (rep > 0 ?
		    (int32_t)((int64_t)gauss(r) * p->sd / 1000) : 0));
	}
	if (demo) {
		if (p->drift == AFFECTION && left < 14 && chance(r, 250)) {
			note = PICK(r, demoalexnotes);
			at = 5;
		} else if (p->drift == SWINGS && left < 35 && chance(r, 300)) {
			note = v[6] >= 4 ? PICK(r, demoupnotes) :
			    PICK(r, demodownnotes);
			at = 6;
		} else if (chance(r, 80)) {
			static const int spots[] = {0, 3, 4, 6};

			note = PICK(r, demonotes);
			at = PICK(r, spots);
		}
	} else if (chance(r, 80)) {
		note = PICK(r, daynotes);
		at = (int)below(r, NELEM(order));
	}
	for (i = 0; i < (int)NELEM(order); i++)
		record(pre, prelen, order[i] < 0 ? &talkminf :
		    &scalef[order[i]], v[i], i == at ? note : NULL);
	if (chance(r, p->hugdays)) {
		int hp = p->hugp;

		if (p->drift == AFFECTION && left < 14)
			hp = hp * (demo ? 2 : 3) / 10;
		record(pre, prelen, &hugsf, (unsigned)binomial(r, 8, hp), NULL);
	}
}

static void
weekly(struct rng *r, const struct person *p, long left, const char *pre,
    size_t prelen)
{
	const char *g, *n;

	record(pre, prelen, &effortweekf, scale(p->today[EFFORT]), NULL);
	record(pre, prelen, &facedf, (unsigned)binomial(r, 3, p->facedp),
	    NULL);
	record(pre, prelen, &dodgedf, (unsigned)binomial(r, 3, p->dodgedp),
	    NULL);
	record(pre, prelen, &scalef[GRANTED], scale(p->today[GRANTED]), NULL);
	record(pre, prelen, &scalef[BOUNDARY], scale(p->today[BOUNDARY]),
	    NULL);
	record(pre, prelen, &scalef[SUPPORT], scale(p->today[SUPPORT]), NULL);
	if (demo) {
		g = PICK(r, demogratnotes);
		n = PICK(r, demoneednotes);
		if (p->drift == AFFECTION && left < 14)
			n = "a quiet week, some space";
		else if (p->drift == SWINGS && left < 35 && left >= 14)
			n = "to know where we stand";
	} else {
		g = PICK(r, gratnotes);
		n = PICK(r, neednotes);
	}
	record(pre, prelen, &gratitudef, 1, g);
	record(pre, prelen, &needf, 1, n);
}

/* Writes day z as "YYYY-MM-DDT" (no terminating NUL). */
static void
fmtdate(char *s, long z)
{
	long y, m, d;

	civil_from_days(z, &y, &m, &d);
	two(s, (int)(y / 100));
	two(s + 2, (int)(y % 100));
	s[4] = '-';
	two(s + 5, (int)m);
	s[7] = '-';
	two(s + 8, (int)d);
	s[10] = 'T';
}

/*
 * Moves every couple on to the next day (left days before the end date)
 * and lists the day's check-ins in ev, in order of time; returns how many.
 */
static size_t
schedule(struct couple *cs, long ncouples, long repeat, long left,
    int sunday, uint64_t *ev)
{
	size_t nev = 0;
	long k;

	for (k = 0; k < ncouples; k++) {
		struct couple *c = &cs[k];
		struct rng *r = &c->rng;
		int j, rep;

		c->talk = chance(r, 100) ? 0 :
		    c->talkbase * between(r, 40, 180) / 100;
		for (j = 0; j < 2; j++) {
			struct person *p = &c->p[j];
			int gone = p->drift == QUIET && left < 10;

			/* the noise runs on days without a check-in too */
			advance(r, p, left);
			if (!chance(r, demo ? 200 : 230) && !gone)
				for (rep = 0; rep < repeat; rep++)
					ev[nev++] = KEY(between(r, EVENING,
					    NIGHT), c->offrank, k, j, 0, rep);
			if (sunday && chance(r, 850) && !gone)
				ev[nev++] = KEY(between(r, EVENING, NIGHT),
				    c->offrank, k, j, 1, 0);
		}
	}
	qsort(ev, nev, sizeof *ev, cmpkey);
	return nev;
}

/*
 * Writes the check-in of key on the day whose "YYYY-MM-DDT" is date, its
 * draws from a generator of its own, seeded by the day and the check-in.
 */
static void
checkin(const struct couple *cs, uint64_t key, const char *date, long left,
    uint64_t dayseed)
{
	int secs = (int)(key >> 40);
	const struct couple *c = &cs[key >> 16 & 0xfffff];
	const struct person *p = &c->p[key >> 15 & 1];
	int rep = (int)(key & 0x3fff);
	char pre[160], *q;
	size_t prelen;
	struct rng r;

	r.s = mix64(dayseed ^ mix64(key & UINT64_C(0xfffffffff)));
	memcpy(pre, date, 11);
	q = two(pre + 11, secs / 3600);
	*q++ = ':';
	q = two(q, secs / 60 % 60);
	*q++ = ':';
	q = two(q, secs % 60);
	memcpy(q, c->off, c->offlen);
	q += c->offlen;
	*q++ = '\t';
	memcpy(q, p->who, p->wholen);
	prelen = (size_t)(q - pre) + p->wholen;

	room(16 * 512); /* far more than a check-in's records */
	if (key >> 14 & 1)
		weekly(&r, p, left, pre, prelen);
	else
		daily(&r, c, p, left, rep, pre, prelen);
}

static void
usage(FILE *f, int status)
{
	fputs(usagestr, f);
	exit(status);
}

/* Parses a whole decimal number in [lo, hi]; exits with usage if not. */
static unsigned long long
number(const char *s, unsigned long long lo, unsigned long long hi,
    const char *what)
{
	unsigned long long v;
	char *end;

	errno = 0;
	if (*s < '0' || *s > '9')
		goto bad;
	v = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || v < lo || v > hi)
		goto bad;
	return v;
bad:
	fprintf(stderr, "gen: bad %s '%s': want a number from %llu to %llu\n",
	    what, s, lo, hi);
	usage(stderr, 2);
	return 0;
}

int
main(int argc, char *argv[])
{
	uint64_t seed = 1;
	long ncouples = 1, repeat = 1, ndays = 120, end, first, i, k;
	int ch, cflag = 0;
	struct couple *cs;
	uint64_t *ev;
	size_t nev, maxev, e;

	parse_date("2026-11-26", &end);
	while ((ch = getopt(argc, argv, "c:De:hn:r:s:")) != -1) {
		switch (ch) {
		case 'c':
			ncouples = (long)number(optarg, 1, MAXCOUPLES,
			    "number of couples");
			cflag = 1;
			break;
		case 'D':
			demo = 1;
			break;
		case 'e':
			if (parse_date(optarg, &end) != 0) {
				fprintf(stderr, "gen: bad end date '%s': "
				    "want YYYY-MM-DD\n", optarg);
				usage(stderr, 2);
			}
			break;
		case 'h':
			usage(stdout, 0);
			break;
		case 'n':
			ndays = (long)number(optarg, 1, MAXDAYS,
			    "number of days");
			break;
		case 'r':
			repeat = (long)number(optarg, 1, MAXREPEAT, "repeat");
			break;
		case 's':
			seed = (uint64_t)number(optarg, 0, UINT64_MAX, "seed");
			break;
		default:
			usage(stderr, 2);
		}
	}
	if (optind != argc)
		usage(stderr, 2);
	if (demo && cflag && ncouples != 1) {
		fprintf(stderr, "gen: the demo (-D) is one couple: drop -c\n");
		usage(stderr, 2);
	}
	first = end - (ndays - 1);
	if (first < days_from_civil(1, 1, 1)) {
		fprintf(stderr, "gen: %ld days ending on the end date would "
		    "start before year 1\n", ndays);
		usage(stderr, 2);
	}
	if ((unsigned long long)ncouples * 2 * (unsigned long long)(repeat + 1) >
	    MAXEVENTS) {
		fprintf(stderr, "gen: too many check-ins a day: couples times "
		    "(repeat + 1) must be at most %d\n", MAXEVENTS / 2);
		usage(stderr, 2);
	}
	maxev = (size_t)ncouples * 2 * (size_t)(repeat + 1);
	cs = malloc((size_t)ncouples * sizeof *cs);
	ev = malloc(maxev * sizeof *ev);
	if (cs == NULL || ev == NULL) {
		fprintf(stderr, "gen: out of memory\n");
		return 1;
	}
	for (k = 0; k < ncouples; k++)
		setup(&cs[k], seed, k, ncouples);

	put(header, sizeof header - 1);
	for (i = 0; i < ndays; i++) {
		long day = first + i, left = ndays - 1 - i;
		uint64_t dayseed = mix64(mix64(seed ^
		    UINT64_C(0x636865636b696e00)) ^ (uint64_t)day);
		char date[11];

		fmtdate(date, day);
		nev = schedule(cs, ncouples, repeat, left, weekday(day) == 0,
		    ev);
		for (e = 0; e < nev; e++)
			checkin(cs, ev[e], date, left, dayseed);
	}
	flush();
	if (fflush(stdout) != 0 || ferror(stdout))
		write_error();
	free(ev);
	free(cs);
	return 0;
}
