/*
 * view.c - what trend's views share: which rows and alerts -w and -m
 * choose, the buckets of -s, the width of a name, the scale a row or a
 * panel is drawn on.
 */
#include <math.h>
#include <string.h>

#include "view.h"

int
inlist(char **list, size_t n, const char *s)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(list[i], s) == 0)
			return 1;
	return 0;
}

int
selected(const struct view *v, const struct series *s)
{
	return (v->nwho == 0 || inlist(v->who, v->nwho, s->p->who)) &&
	    (v->nwhat == 0 || inlist(v->what, v->nwhat, s->what));
}

/* A row to print: chosen by -w and -m, with data in the window. */
int
shown(const struct view *v, const struct series *s)
{
	return selected(v, s) && v->f[s->id].n > 0;
}

/* An alert concerns someone -w names and names a measure -m names. */
int
alert_chosen(const struct view *v, const struct alert *a)
{
	int i;

	if (v->nwho && !inlist(v->who, v->nwho, a->p->who) &&
	    (a->other == NULL || !inlist(v->who, v->nwho, a->other->who)))
		return 0;
	for (i = 0; v->nwhat && i < a->nm; i++)
		if (inlist(v->what, v->nwhat, a->m[i]->what))
			return 1;
	return v->nwhat == 0;
}

/*
 * A drop or decline whose gap is in force too: the gap's words say it,
 * and more (remind says one fall once, too).
 */
int
said_by_gap(const struct alerts *al, size_t k)
{
	size_t j;

	if (al->a[k].kind == F_GAP)
		return 0;
	for (j = 0; j < al->n; j++)
		if (j != k && al->a[j].kind == F_GAP && alert_event(&al->a[j], &al->a[k]))
			return 1;
	return 0;
}

/* The label of the bucket that holds day: the day, its Monday, its 1st. */
long
bucket(long day, int b)
{
	long y;
	int m, d;

	if (b == 'w')
		return day - weekday(day);
	if (b == 'm') {
		civil_from_days(day, &y, &m, &d);
		return days_from_civil(y, m, 1);
	}
	return day;
}

void
pad(size_t have, size_t want)
{
	while (have++ < want)
		putchar(' ');
}

/* The scale a sparkline or a panel is drawn on: lo..hi. */
void
scale(const struct measure *m, const double *v, int n, double *lo, double *hi)
{
	int i;

	if (measure_range(m) > 0) {
		*lo = m->type == T_YESNO ? 0 : m->lo;
		*hi = m->type == T_YESNO ? 1 : m->hi;
		return;
	}
	/* no range: from 0 (or below, for negative values) to the highest */
	*lo = 0;
	*hi = 0;
	for (i = 0; i < n; i++) {
		if (isnan(v[i]))
			continue;
		if (v[i] < *lo)
			*lo = v[i];
		if (v[i] > *hi)
			*hi = v[i];
	}
	if (*hi <= *lo)
		*hi = *lo + 1;
}
