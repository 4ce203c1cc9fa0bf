/*
 * unit.h - the smallest C unit-test helper: each check prints a TAP line
 * ("ok - what" or "not ok - what: why") that tests/run.sh counts.
 */
#ifndef UNIT_H
#define UNIT_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int unit_failed;

#define CHECK(cond, what) do { \
	if (cond) printf("ok - %s\n", (what)); \
	else { printf("not ok - %s: %s (%s:%d)\n", (what), #cond, __FILE__, __LINE__); unit_failed = 1; } \
} while (0)

/* a == b within eps; NAN equals NAN (both "not defined") */
#define CHECK_NEAR(a, b, eps, what) do { \
	double a_ = (a), b_ = (b); \
	int ok_ = (isnan(a_) && isnan(b_)) || fabs(a_ - b_) <= (eps); \
	if (ok_) printf("ok - %s\n", (what)); \
	else { printf("not ok - %s: got %.9g, want %.9g (%s:%d)\n", (what), a_, b_, __FILE__, __LINE__); unit_failed = 1; } \
} while (0)

#define CHECK_STR(a, b, what) do { \
	const char *a_ = (a), *b_ = (b); \
	int ok_ = (a_ == NULL && b_ == NULL) || (a_ && b_ && strcmp(a_, b_) == 0); \
	if (ok_) printf("ok - %s\n", (what)); \
	else { printf("not ok - %s: got \"%s\", want \"%s\" (%s:%d)\n", (what), a_ ? a_ : "(null)", b_ ? b_ : "(null)", __FILE__, __LINE__); unit_failed = 1; } \
} while (0)

#endif
