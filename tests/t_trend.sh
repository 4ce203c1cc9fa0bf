#!/bin/sh
# t_trend.sh - trend(1): figures and flags, series, chart, SVG, options and
# every error path.  The early warnings themselves (trend -a, and what makes
# each kind of alert) are tested in t_alerts.sh.
#
# The journals are made here, day by day, with days() below.  Every
# expected figure was worked out by tests/trend_ref.py (an independent
# Python reading of trend(1)) and the figures that are easy were checked
# by hand too (see the comments).  A flag needs a usual: at least 20 days
# with data in the person's days T-207 .. T-28 (quiet excepted), so the
# short journals here show few flags; where a case is about flags it reads
# tests/example.tsv (gen -D), whose alex's affection drops from 2026-11-16
# and whose sam's answers swing from 2026-10-26.
. "$top/tests/lib.sh"

ESC=$(printf '\033')
CR=$(printf '\r')
VERSION=$(sed -n 's/^#define HEARTH_VERSION[^"]*"\(.*\)".*/\1/p' "$top/src/hearth.h")
USAGE='usage: trend [-a | -c | -g | -s] [-b day|week|month] [-d date] [-n days] [-o file] [-w who] [-m what] [file ...]'
HDR='who	what	n	last7	base28	change	pchange	slope	ptrend	rmssd	flags'
EX=$top/tests/example.tsv

# days WHO WHAT FIRST V1 V2 ...: one record a day from FIRST (YYYY-MM-DD),
# "." for a day without one, each at 21:00+01:00.  Dates by Julian day
# numbers in awk, so the test needs no date(1) extensions.
days() {
	awk -v vals="$*" '
	function jdn(y, m, d,  a) {
		a = int((14 - m) / 12); y += 4800 - a; m += 12 * a - 3
		return d + int((153 * m + 2) / 5) + 365 * y + int(y / 4) - int(y / 100) + int(y / 400) - 32045
	}
	function civil(j,  a, b, c, d, e, m) {
		a = j + 32044; b = int((4 * a + 3) / 146097); c = a - int(146097 * b / 4)
		d = int((4 * c + 3) / 1461); e = c - int(1461 * d / 4); m = int((5 * e + 2) / 153)
		return sprintf("%04d-%02d-%02d", 100 * b + d - 4800 + int(m / 10),
		    m + 3 - 12 * int(m / 10), e - int((153 * m + 2) / 5) + 1)
	}
	BEGIN {
		n = split(vals, v, " ")
		j = jdn(substr(v[3], 1, 4) + 0, substr(v[3], 6, 2) + 0, substr(v[3], 9, 2) + 0)
		for (i = 4; i <= n; i++) {
			if (v[i] != ".")
				printf "%sT21:00:00+01:00\t%s\t%s\t%s\n", civil(j), v[1], v[2], v[i]
			j++
		}
	}'
}

# A couple, alex and sam, with one thing happening in each series, and a
# second couple, lee/kim and lee/ray, close to each other.  As of
# 2026-11-26 (HEARTH_NOW):
# - alex touch: 4 every day, then 2 on four of the last 7 days: last7 2,
#   base28 4, change -2 (but only 10 days before T-28: no usual, no flag);
# - sam close: 1 and 5 in turn for 26 days: rmssd 4 (no usual either);
# - alex talk: 5 down to 2 over 8 weeks, the one series with a usual (its
#   29 days 2026-10-01 .. 10-29): every day since 10-30 is below most of
#   them, the 21-day ramp passes 2.9 on 11-06, 7 days after it began:
#   a drop since 2026-10-30 (as of 11-19: since 10-23, the first day tested);
# - alex checkin: daily until 2026-11-15, but alex checks in every day
#   (quiet is a person's, not a measure's);
# - sam dodged: none, then 2-4 a day (low is better; no usual, no flag);
# - alex mood: a measure no bank knows, steady; sam hugs: steady counts;
# - lee/kim and lee/ray touch: 5 and 4.71, no gap; lee is not alex's couple.
journal1() {
	echo '#time	who	what	value	note'
	days alex touch 2026-10-20 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 4 2 . 2 . 2 . 2
	days sam touch 2026-10-20 4 4 5 4 3 4 4 4 4 5 4 3 4 4 4 4 5 4 3 4 4 4 4 5 4 3 4 4 4 4 5 4 3 4 4 4 4 5
	days sam close 2026-11-01 1 5 1 5 1 5 1 5 1 5 1 5 1 5 1 5 1 5 1 5 1 5 1 5 1 5
	days alex talk 2026-10-01 5 5 4 5 5 4 5 4 5 4 4 5 4 4 4 4 4 3 4 4 4 4 3 4 3 3 4 3 3 3 4 3 3 3 2 3 3 2 3 3 2 3 2 3 2 2 3 2 2 2 2 2 1 2 2 1 2
	days alex checkin 2026-10-27 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1
	days sam dodged 2026-11-05 0 0 1 0 0 0 0 1 0 0 0 0 0 0 0 2 3 . 2 4 . 3
	days alex mood 2026-11-01 6 7 6 8 7 6 7 6 7 6 8 7 6 7 6 7 6 8 7 6 7 6 7 6 8 7
	days sam hugs 2026-11-01 2 3 2 2 4 2 3 2 3 2 2 4 2 3 2 3 2 2 4 2 3 2 3 2 2 4
	days lee/kim touch 2026-11-18 5 5 5 5 5 5 5 5 5
	days lee/ray touch 2026-11-18 5 4 5 5 4 5 5 4 5
}

# its report as of 2026-11-26 over 90 days (trend_ref.py; by hand: alex
# touch 2, 4, -2; sam close rmssd 4; alex checkin D = 11; sam dodged
# last7 14/5 = 2.8 and base28 2/15 = 0.13; lee/ray last7 33/7, base28 9/2)
REPORT1="$HDR
alex	checkin	20	-	1.00	-	-	0.00	1.000	0.00	-
alex	mood	26	6.71	6.74	-0.02	0.975	0.06	0.664	1.22	-
alex	talk	57	1.71	2.79	-1.07	0.001	-0.41	0.000	0.77	drop
alex	touch	35	2.00	4.00	-2.00	0.000	-0.25	0.001	0.36	-
lee/kim	touch	9	5.00	5.00	0.00	-	0.00	1.000	0.00	-
lee/ray	touch	9	4.71	4.50	0.21	-	0.00	1.000	0.87	-
sam	close	26	3.29	2.89	0.39	0.689	0.12	0.758	4.00	-
sam	dodged	20	2.80	0.13	2.67	0.000	1.01	0.009	0.87	-
sam	hugs	26	2.57	2.58	-0.01	1.000	0.06	0.726	1.30	-
sam	touch	38	4.00	4.00	0.00	1.000	0.01	0.800	0.75	-"

# --- the report ------------------------------------------------------------

begin 'report: every figure and flag of a two-couple journal'
journal1 > j.tsv
run trend j.tsv
out "$REPORT1"
err ''
status 0
end

begin 'report: the journal on stdin'
journal1 > j.tsv
input_file j.tsv
run trend
out "$REPORT1"
err ''
status 0
end

begin 'report: records in any order, split over files and stdin'
journal1 > j.tsv
sed -n '2,100p' j.tsv | sort -r > a.tsv
sed -n '101,$p' j.tsv > b.tsv
sed -n '1p' j.tsv > c.tsv
input_file b.tsv
run trend a.tsv - c.tsv
out "$REPORT1"
err ''
status 0
end

begin 'report: CRLF line ends are the same journal'
journal1 | sed "s/\$/$CR/" > j.tsv
run trend j.tsv
out "$REPORT1"
err ''
status 0
end

begin 'report: records after the as-of date are ignored'
journal1 > j.tsv
days alex touch 2026-11-27 1 1 1 1 1 >> j.tsv
days zoe open 2026-12-01 3 >> j.tsv
echo '2026-11-27T00:30:00+14:00	alex	close	1	' >> j.tsv
run trend j.tsv
out "$REPORT1"
err ''
status 0
end

begin 'report: as of an earlier date (-d), the later records ignored'
journal1 > j.tsv
run trend -d 2026-11-19 j.tsv
out "$HDR
alex	checkin	20	1.00	1.00	0.00	1.000	0.00	1.000	0.00	-
alex	mood	19	6.71	6.75	-0.04	0.963	0.12	0.619	1.22	-
alex	talk	50	2.29	3.18	-0.89	0.004	-0.40	0.000	0.75	drop
alex	touch	31	4.00	4.00	0.00	1.000	0.00	1.000	0.00	-
lee/kim	touch	2	5.00	-	-	-	0.00	-	-	-
lee/ray	touch	2	4.50	-	-	-	-7.00	-	-	-
sam	close	19	2.71	3.00	-0.29	0.807	0.00	1.000	4.00	-
sam	dodged	15	0.00	0.25	-0.25	0.202	-0.13	0.445	0.53	-
sam	hugs	19	2.57	2.58	-0.01	1.000	0.12	0.691	1.29	-
sam	touch	31	4.00	4.04	-0.04	0.882	0.02	0.781	0.75	-"
err ''
status 0
end

begin 'report: -d takes a time, yesterday and today'
journal1 > j.tsv
run trend -d 2026-11-20T09:00:00-05:00 -m touch -w lee/ray j.tsv
out "$HDR
lee/ray	touch	3	4.67	-	-	-	0.00	-	-	-"
err ''
status 0
HEARTH_NOW=2026-11-21T08:00:00+01:00
run trend -d yesterday -m touch -w lee/ray j.tsv
out "$HDR
lee/ray	touch	3	4.67	-	-	-	0.00	-	-	-"
err ''
status 0
run trend -d today -m touch -w lee/ray j.tsv
out "$HDR
lee/ray	touch	4	4.75	-	-	-	0.70	-	-	-"
err ''
status 0
HEARTH_NOW=2026-11-26T21:04:00+01:00
end

# the flags are the same as over 90 days: the alerts look back 208 days
begin 'report: a 30-day window (-n) shortens base28 and every figure'
journal1 > j.tsv
run trend -n 30 j.tsv
out "$HDR
alex	checkin	19	-	1.00	-	-	0.00	1.000	0.00	-
alex	mood	26	6.71	6.74	-0.02	0.975	0.06	0.664	1.22	-
alex	talk	30	1.71	2.65	-0.94	0.002	-0.40	0.000	0.77	drop
alex	touch	27	2.00	4.00	-2.00	0.000	-0.40	0.002	0.42	-
lee/kim	touch	9	5.00	5.00	0.00	-	0.00	1.000	0.00	-
lee/ray	touch	9	4.71	4.50	0.21	-	0.00	1.000	0.87	-
sam	close	26	3.29	2.89	0.39	0.689	0.12	0.758	4.00	-
sam	dodged	20	2.80	0.13	2.67	0.000	1.01	0.009	0.87	-
sam	hugs	26	2.57	2.58	-0.01	1.000	0.06	0.726	1.30	-
sam	touch	30	4.00	4.04	-0.04	0.879	0.02	0.789	0.77	-"
err ''
status 0
end

# quiet needs no usual: 3 days with check-ins a day apart, then none for
# the 8 days 11-19 .. 11-26 (>= 7 and >= 3 x 1)
begin 'report: the window starts -n days back, that day included'
days alex talk 2026-11-16 1 2 3 > j.tsv
run trend -n 10 j.tsv
out "$HDR
alex	talk	2	-	2.50	-	-	7.00	-	-	quiet"
err ''
status 0
run trend -n 1 j.tsv
out "$HDR"
status 0
end

# in the example, alex's affection (hugs, touch) has dropped and sam's
# has not: sam's rows carry the gap though alex's are not printed
begin 'report: -w and -m choose rows; gap still comes from the partner'
journal1 > j.tsv
run trend -w alex -m touch,checkin,talk j.tsv
out "$HDR
alex	checkin	20	-	1.00	-	-	0.00	1.000	0.00	-
alex	talk	57	1.71	2.79	-1.07	0.001	-0.41	0.000	0.77	drop
alex	touch	35	2.00	4.00	-2.00	0.000	-0.25	0.001	0.36	-"
err ''
status 0
# a name no record has: the rows of the others, the name said, exit 1
run trend -w sam,lee/kim -w nobody -m touch j.tsv
out "$HDR
lee/kim	touch	9	5.00	5.00	0.00	-	0.00	1.000	0.00	-
sam	touch	38	4.00	4.00	0.00	1.000	0.01	0.800	0.75	-"
err 'trend: no one called "nobody" in the journal'
status 1
run trend -m nothing j.tsv
out "$HDR"
err 'trend: no measure called "nothing" in the journal'
status 1
run trend -w sam -m touch,hugs,talk "$EX"
out "$HDR
sam	hugs	63	3.86	3.79	0.07	0.906	-0.02	0.619	3.01	gap
sam	talk	73	3.86	3.88	-0.02	0.920	0.00	0.929	0.84	-
sam	touch	73	4.00	4.17	-0.17	0.509	0.02	0.244	0.75	gap"
err ''
status 0
run trend -w alex -m touch,talk "$EX"
out "$HDR
alex	talk	72	3.67	3.58	0.08	0.737	-0.03	0.107	0.64	-
alex	touch	72	2.00	3.88	-1.88	0.001	-0.13	0.000	0.77	drop,gap"
err ''
status 0
end

# by hand: hugs is a count (summed per day), talk a scale (averaged);
# 2026-11-20T23:00:00-05:00 is the 20th as written, not the 21st in UTC
mday() {
	cat > m.tsv <<-'EOF'
	#time	who	what	value	note
	2026-11-20T08:00:00+01:00	alex	talk	3	
	2026-11-20T22:00:00+01:00	alex	talk	4	late talk
	2026-11-20T09:00:00Z	alex	hugs	2
	2026-11-20T23:00:00-05:00	alex	hugs	3	
	2026-11-21	alex	hugs	1	
	2026-11-23T10:00:00+01:00	alex	talk	5	
	2026-11-27T10:00:00+01:00	alex	talk	1	tomorrow
	2026-11-16T10:00:00+01:00	alex	talk	1	before the window
	EOF
}

begin 'report: a day is the mean of a scale, the sum of a count'
mday
run trend -n 10 m.tsv
out "$HDR
alex	hugs	2	3.00	-	-	-	-28.00	-	-	-
alex	talk	2	4.25	-	-	-	3.50	-	-	-"
err ''
status 0
end

begin 'report: identical records read twice count twice'
mday
run trend -n 10 m.tsv m.tsv
out "$HDR
alex	hugs	2	6.00	-	-	-	-56.00	-	-	-
alex	talk	2	4.25	-	-	-	3.50	-	-	-"
err ''
status 0
end

begin 'report: rows sorted by who then what in byte order'
cat > j.tsv <<-'EOF'
	2026-11-26	zoé	open	3
	2026-11-26	Zed	open	3
	2026-11-26	alex	talk	3
	2026-11-26	alex	Talk	3
	2026-11-26	alex/x	open	3
	2026-11-26	alex	open	3
	EOF
run trend j.tsv
out "$HDR
Zed	open	1	3.00	-	-	-	-	-	-	-
alex	open	1	3.00	-	-	-	-	-	-	-
alex	talk	1	3.00	-	-	-	-	-	-	-
alex/x	open	1	3.00	-	-	-	-	-	-	-
zoé	open	1	3.00	-	-	-	-	-	-	-"
err 'trend: j.tsv:4: bad measure "Talk": a measure name starts with a letter a-z'
status 0
end

begin 'report: an empty journal prints the header alone'
: > j.tsv
run trend j.tsv
out "$HDR"
err ''
status 0
end

# a measure no bank knows is a scale, better high, without a range, in no
# pillar: its figures, and no flag (two weeks make no usual; t_alerts.sh
# shows that even with one it never falls, being in no pillar)
begin 'report: an unknown measure is a scale: its figures, no flag'
{
	days alex vibe 2026-11-13 10 10 10 10 10 10 10 7 7 7 . 6 6 6
	days sam vibe 2026-11-20 0 0 0 0 0 0 0
} > j.tsv
run trend j.tsv
out "$HDR
alex	vibe	13	6.50	10.00	-3.50	0.001	-2.78	0.001	0.90	-
sam	vibe	7	0.00	-	-	-	0.00	-	0.00	-"
err ''
status 0
# by hand: drawn from 0 to 10, the highest: 10, 7 and 6 are levels 7, 5, 4
# (the chart's words above its table are t_chart.sh's)
COLUMNS=120
export COLUMNS
run trend -c -n 14 j.tsv
unset COLUMNS
out_has '^14 days from 2026-11-13 to 2026-11-26, a mark for 1 day, '
out_lacks '^Since '
sed -n '/^who /,$p' "$T/.out" > "$T/.table"
same "$T/.table" 'who   what                    n  last7 base28 change  slope  rmssd  flags
alex  vibe  #######+++ ===   13   6.50  10.00  -3.50  -2.78   0.90  -
sam   vibe         _______    7   0.00      -      -   0.00   0.00  -'
err ''
status 0
end

# the range is the user's, the figures are the same; a gap would need a
# pillar and a usual (t_alerts.sh)
begin 'report: a user bank gives the unknown measure a range, the figures stay'
{
	days alex vibe 2026-11-13 10 10 10 10 10 10 10 7 7 7 . 6 6 6
	days sam vibe 2026-11-20 0 0 0 0 0 0 0
} > j.tsv
printf 'mine\tvibe\tscale\t1\t20\thigh\tHow is the vibe? (1 = flat, 20 = electric)\n' > bank.tsv
HEARTH_BANK=bank.tsv
export HEARTH_BANK
run trend j.tsv
out "$HDR
alex	vibe	13	6.50	10.00	-3.50	0.001	-2.78	0.001	0.90	-
sam	vibe	7	0.00	-	-	-	0.00	-	0.00	-"
err ''
status 0
# by hand: drawn on 1..20: 10, 7 and 6 are levels 3, 2 and 2, 0 is 0
COLUMNS=120
export COLUMNS
run trend -c -n 14 j.tsv
unset HEARTH_BANK COLUMNS
out_has '^14 days from 2026-11-13 to 2026-11-26, a mark for 1 day, '
out_lacks '^Since '
sed -n '/^who /,$p' "$T/.out" > "$T/.table"
same "$T/.table" 'who   what                    n  last7 base28 change  slope  rmssd  flags
alex  vibe  -------::: :::   13   6.50  10.00  -3.50  -2.78   0.90  -
sam   vibe         _______    7   0.00      -      -   0.00   0.00  -'
err ''
status 0
end

begin 'report: an unusable bank is an error (exit 1)'
days alex talk 2026-11-20 3 > j.tsv
printf 'mine\tvibe\tscale\t5\t1\thigh\tBackwards?\n' > bank.tsv
HEARTH_BANK=bank.tsv
export HEARTH_BANK
run trend j.tsv
unset HEARTH_BANK
out ''
err_has '^trend: bank.tsv:1: '
status 1
end

# --- series (-s) -----------------------------------------------------------

begin 'series: by day, the mean or sum of each day with data'
mday
run trend -s -n 10 m.tsv
out 'date	who	what	value	days
2026-11-20	alex	hugs	5.00	1
2026-11-21	alex	hugs	1.00	1
2026-11-20	alex	talk	3.50	1
2026-11-23	alex	talk	5.00	1'
err ''
status 0
run trend -s -b day -n 10 m.tsv
out 'date	who	what	value	days
2026-11-20	alex	hugs	5.00	1
2026-11-21	alex	hugs	1.00	1
2026-11-20	alex	talk	3.50	1
2026-11-23	alex	talk	5.00	1'
status 0
end

# by hand: -n 10 starts on Tuesday 2026-11-17; that week keeps its Monday
begin 'series: by ISO week, labelled by Monday even when the window cuts it'
days alex talk 2026-10-28 4 . 3 5 . . 2 4 3 . 5 4 4 3 2 . . 5 4 3 2 2 3 4 5 . 1 3 5 > j.tsv
run trend -s -b week -n 10 j.tsv
out 'date	who	what	value	days
2026-11-16	alex	talk	3.20	5
2026-11-23	alex	talk	3.00	3'
err ''
status 0
run trend -s -b week -n 40 j.tsv
out 'date	who	what	value	days
2026-10-26	alex	talk	4.00	3
2026-11-02	alex	talk	3.60	5
2026-11-09	alex	talk	3.60	5
2026-11-16	alex	talk	3.17	6
2026-11-23	alex	talk	3.00	3'
status 0
end

begin 'series: by month, labelled by the 1st'
days alex talk 2026-10-28 4 . 3 5 . . 2 4 3 . 5 4 4 3 2 . . 5 4 3 2 2 3 4 5 . 1 3 5 > j.tsv
run trend -s -b month -n 40 j.tsv
out 'date	who	what	value	days
2026-10-01	alex	talk	4.00	3
2026-11-01	alex	talk	3.37	19'
err ''
status 0
end

begin 'series: a week across the new year is one ISO week'
days alex talk 2026-12-28 1 2 3 4 5 . 3 4 > j.tsv
run trend -s -b week -d 2027-01-05 j.tsv
out 'date	who	what	value	days
2026-12-28	alex	talk	3.00	6
2027-01-04	alex	talk	4.00	1'
err ''
status 0
run trend -s -b month -d 2027-01-05 j.tsv
out 'date	who	what	value	days
2026-12-01	alex	talk	2.50	4
2027-01-01	alex	talk	4.00	3'
status 0
end

begin 'series: -w and -m choose the series'
journal1 > j.tsv
run trend -s -b month -w lee/kim,sam -m touch j.tsv
out 'date	who	what	value	days
2026-11-01	lee/kim	touch	5.00	9
2026-10-01	sam	touch	4.00	12
2026-11-01	sam	touch	4.04	26'
err ''
status 0
end

# --- chart (-c) ------------------------------------------------------------

# by hand: 1..5 on a 1-5 scale are levels 0, 2, 4, 5 and 7 of 8; dodged
# (lower is better) drawn from 0 to 4, its highest: 4..0 are 7, 5, 4, 2, 0;
# slopes 7 and -7 a week.
# The mark for lower is better after the name is ASCII too.
begin 'chart: ASCII where the locale is not UTF-8'
{
	days alex touch 2026-11-20 1 2 3 4 5
	days alex dodged 2026-11-20 4 3 2 1 0
} > j.tsv
COLUMNS=80
export COLUMNS
run trend -c -n 7 j.tsv
unset COLUMNS
out_has '^7 days from 2026-11-20 to 2026-11-26, a mark for 1 day, taller for more; a name$'
out_lacks "$(printf '\342')"
sed -n '/^who /,$p' "$T/.out" > "$T/.table"
same "$T/.table" 'who   what                n  last7 base28  flags
alex  dodged-  #+=:_      5   2.00      -  -
alex  touch    _:=+#      5   3.00      -  -'
err ''
status 0
end

begin 'chart: UTF-8 blocks in a UTF-8 locale, no colour off a terminal'
{
	days alex touch 2026-11-20 1 2 3 4 5
	days alex dodged 2026-11-20 4 3 2 1 0
} > j.tsv
LC_ALL=C.UTF-8 COLUMNS=120
export COLUMNS
run trend -c -n 7 j.tsv
LC_ALL=C
unset COLUMNS
out_has '^7 days from 2026-11-20 to 2026-11-26, a mark for 1 day, taller for more; a name with ↓ after it: lower is better\.$'
assert '! grep -q "$ESC" "$T/.out"' 'no escape codes off a terminal'
sed -n '/^who /,$p' "$T/.out" > "$T/.table"
same "$T/.table" 'who   what                n  last7 base28 change  slope  rmssd  flags
alex  dodged↓  █▆▅▃▁      5   2.00      -      -  -7.00      -  -
alex  touch    ▁▃▅▆█      5   3.00      -      -   7.00      -  -'
err ''
status 0
end

# the example: alex's affection dropped, sam's did not (a gap on both);
# the alerts come first, in words, wrapped to the width (120: the figures
# all there, 45 marks of 2 days; 80: n, last7, base28, 30 marks of 3 days).
# The drop is said once, by the gap's words; the flags still name both.
begin 'chart: flags beside the figures, two days a mark over 90 days'
COLUMNS=120
export COLUMNS
run trend -c -w alex,sam -m touch "$EX"
sed 2q "$T/.out" > "$T/.words"
same "$T/.words" 'Since 16 Nov, affection has dropped for alex but not for sam: hugging 0.6 a day against 3.7 usually, physical affection
2.0 against 4.2.'
out_lacks 'below their usual'
out_has '^90 days from 2026-08-29 to 2026-11-26, a mark for 2 days, taller for more\. '
out_has '^who   what {52}n  last7 base28 change  slope  rmssd  flags$'
out_has '^alex  touch  .{45}   72   2\.00   3\.88  -1\.88  -0\.13   0\.77  drop,gap$'
out_has '^sam   touch  .{45}   73   4\.00   4\.17  -0\.17   0\.02   0\.75  gap$'
out_has '^Checked in: alex '
assert '[ "$(wc -l < "$T/.out")" -eq 12 ]' "one fall in 2 lines, the showing up in 2, a blank, the legend in 3, a blank, a header and two rows: $(cat "$T/.out")"
assert '! grep -q "$ESC" "$T/.out"' 'no escape codes off a terminal'
err ''
status 0
run trend -c -w alex,sam -m touch -d 2026-11-12 "$EX"
out_has '^alex  touch  .{45}   72   4\.57   3\.86   0\.71  -0\.01   0\.71  -$'
out_has '^sam   touch  .{45}   70   4\.00   4\.09  -0\.09   0\.04   0\.80  volatile$'
err ''
status 0
COLUMNS=80
run trend -c -w alex,sam -m touch "$EX"
unset COLUMNS
out_has '^90 days from 2026-08-29 to 2026-11-26, a mark for 3 days, taller for more\.$'
out_has '^who   what {37}n  last7 base28  flags$'
out_has '^alex  touch  .{30}   72   2\.00   3\.88  drop,gap$'
out_has '^sam   touch  .{30}   73   4\.00   4\.17  gap$'
err ''
status 0
end

begin 'chart: a measure without a range is drawn from 0 to its highest'
days sam hugs 2026-11-22 0 2 4 8 > j.tsv
COLUMNS=80
export COLUMNS
run trend -c -n 5 j.tsv
unset COLUMNS
out_has '^sam  hugs  _:=#     4 '
status 0
end

begin 'chart: a name with control characters never reaches the screen'
printf '2026-11-26\tal\033[31mex\ttouch\t4\n2026-11-26\talex\ttouch\t4\n' > j.tsv
LC_ALL=C.UTF-8 COLUMNS=80
export COLUMNS
run trend -c -n 7 j.tsv
LC_ALL=C
unset COLUMNS
err 'trend: j.tsv:1: bad name "al\x1b[31mex": a name has no spaces or control characters'
assert '! grep -q "$ESC" "$T/.out" "$T/.err"' 'no escape codes'
out_has '^alex  touch'
status 0
end

# the example as of 2026-11-12: sam's answers swing (close most of all);
# dodged, a count, is no evidence of it
begin 'chart: the rows are the ones -w and -m choose'
COLUMNS=120
export COLUMNS
run trend -c -d 2026-11-12 -w sam -m close,dodged "$EX"
unset COLUMNS
assert '[ "$(grep -c "^sam " "$T/.out")" -eq 2 ]' 'two rows'
assert '! grep -q "^alex " "$T/.out"' 'no row of alex'
assert '[ "$(grep -c "^Since " "$T/.out")" -eq 1 ]' "sam's swings alone: $(cat "$T/.out")"
out_has '^Since 26 Oct, sam.s answers have been swinging more than usual: '
out_has '^sam  close  .*   70   4\.50   4\.04   0\.46   0\.02   1\.69  volatile$'
out_has '^sam  dodged- .*   12   2\.00   1\.25   0\.75   0\.09      -  -$'
err ''
status 0
end

# --- SVG (-g) --------------------------------------------------------------

begin 'svg: a well-formed, self-contained picture, flagged panels marked'
journal1 > j.tsv
run trend -g j.tsv
out_has '^<\?xml version="1.0" encoding="UTF-8"\?>$'
out_has '^<svg xmlns="http://www.w3.org/2000/svg" '
assert '[ "$(tail -n 1 "$T/.out")" = "</svg>" ]' 'ends with </svg>'
out_lacks '<script|href|url\(|@import|<image|<foreignObject'
out_has 'Weekly means, 2026-08-29 to 2026-11-26 \(90 days\)'
# one panel per measure of a couple: alex+sam have 7 measures, lee 1
assert '[ "$(grep -c "^<g>" "$T/.out")" -eq 8 ]' 'eight panels'
# titled in words, the id small beside them
out_has 'font-weight="bold">physical affection</tspan><tspan class="id" [^>]*>touch</tspan></text>'
out_has 'font-weight="bold">lee: physical affection</tspan><tspan class="id" [^>]*>touch</tspan></text>'
# of journal1, alex's talk alone is flagged: one panel marked
assert '[ "$(grep -c "flagged:" "$T/.out")" -eq 1 ]' 'one panel flagged'
assert '[ "$(grep -c "class=\"mark\"" "$T/.out")" -eq 1 ]' 'one panel marked'
assert 'grep -A 2 "font-weight=\"bold\">depth of talk</tspan>" "$T/.out" | grep -q ">flagged: drop (alex)</text>"' 'the talk panel is the flagged one'
out_has 'stroke-dasharray="7 4"'
out_has '>2026-10-01</text>'
err ''
status 0
# the example: alex's affection has dropped (hugs, touch), sam's has not
run trend -g "$EX"
assert '[ "$(grep -c "flagged:" "$T/.out")" -eq 2 ]' 'two panels flagged'
assert 'grep -A 2 "font-weight=\"bold\">hugging</tspan>" "$T/.out" | grep -q ">flagged: drop (alex), gap (alex), gap (sam)</text>"' 'hugs flagged'
assert 'grep -A 2 "font-weight=\"bold\">physical affection</tspan>" "$T/.out" | grep -q ">flagged: drop (alex), gap (alex), gap (sam)</text>"' 'touch flagged'
err ''
status 0
# as of 2026-11-12, sam's swings: every scale of sam with a usual
run trend -g -d 2026-11-12 "$EX"
assert '[ "$(grep -c ">flagged: volatile (sam)</text>" "$T/.out")" -eq 7 ]' "seven panels flagged volatile: $(grep flagged "$T/.out")"
assert '[ "$(grep -c "flagged:" "$T/.out")" -eq 7 ]' 'nothing else flagged'
err ''
status 0
end

begin 'svg: names are XML-escaped'
printf '2026-11-26\ta&b/<x>\ttouch\t4\n2026-11-26\ta&b/"y'"'"'\ttouch\t2\n' > j.tsv
run trend -g j.tsv
out_has '>a&amp;b: physical affection</tspan>'
out_has '>&lt;x&gt;</text>'
out_has '>&quot;y&#39;</text>'
out_lacks '<x>'
err ''
status 0
end

begin 'svg: with nothing to draw, still a picture'
: > j.tsv
run trend -g j.tsv
out_has 'No data in the window'
assert '[ "$(tail -n 1 "$T/.out")" = "</svg>" ]' 'ends with </svg>'
status 0
end

# xmllint(1) (Debian: libxml2-utils) reads the pictures above as XML.
begin 'svg: xmllint reads each picture as well-formed XML'
if command -v xmllint > /dev/null 2>&1; then
	journal1 > j1.tsv
	printf '2026-11-26\ta&b/<x>\ttouch\t4\n2026-11-26\ta&b/"y'"'"'\ttouch\t2\n' > j2.tsv
	: > j3.tsv
	for j in j1 j2 j3; do
		run trend -g $j.tsv
		xmllint --noout "$T/.out" 2> "$T/.xml" || fail "xmllint on $j: $(head -c 300 "$T/.xml")"
		err ''
		status 0
	done
	end
else
	skip 'xmllint is missing (Debian: libxml2-utils)'
fi

# --- bad input -------------------------------------------------------------

begin 'bad records are named and skipped; the rest is read'
{
	echo '#time	who	what	value	note'
	echo '2026-11-20	alex	touch'
	echo '2026-02-30	alex	touch	4'
	echo '2026-11-20	al ex	touch	4'
	echo ''
	echo '2026-11-20	alex	Touch	4'
	echo '2026-11-20	alex	touch	4.0.1'
	echo '2026-11-20	alex	touch	4	a\qb'
	echo '2026-11-20	alex	touch	4	ok	extra'
	echo '2026-11-21	alex	touch	2	fine'
	printf '2026-11-22\talex\ttouch\t3'
} > j.tsv
run trend j.tsv
out "$HDR
alex	touch	2	2.50	-	-	-	7.00	-	-	-"
err 'trend: j.tsv:2: want 4 or 5 tab-separated fields (time, who, what, value, note), found 3
trend: j.tsv:3: bad time "2026-02-30": no such date
trend: j.tsv:4: bad name "al ex": a name has no spaces or control characters
trend: j.tsv:6: bad measure "Touch": a measure name starts with a letter a-z
trend: j.tsv:7: bad value "4.0.1": a value is a number like 4 or 2.5
trend: j.tsv:8: a backslash in a note starts \\, \t, \n or \r
trend: j.tsv:9: want 4 or 5 tab-separated fields (time, who, what, value, note), found more than 5'
status 0
end

begin 'bad records: ten named, then a count'
{
	i=1
	while [ $i -le 13 ]; do
		echo "2026-11-1$((i % 10))	alex	touch	x$i"
		i=$((i + 1))
	done
	echo '2026-11-26	alex	touch	3'
} > j.tsv
run trend j.tsv
out "$HDR
alex	touch	1	3.00	-	-	-	-	-	-	-"
err 'trend: j.tsv:1: bad value "x1": a value is a number like 4 or 2.5
trend: j.tsv:2: bad value "x2": a value is a number like 4 or 2.5
trend: j.tsv:3: bad value "x3": a value is a number like 4 or 2.5
trend: j.tsv:4: bad value "x4": a value is a number like 4 or 2.5
trend: j.tsv:5: bad value "x5": a value is a number like 4 or 2.5
trend: j.tsv:6: bad value "x6": a value is a number like 4 or 2.5
trend: j.tsv:7: bad value "x7": a value is a number like 4 or 2.5
trend: j.tsv:8: bad value "x8": a value is a number like 4 or 2.5
trend: j.tsv:9: bad value "x9": a value is a number like 4 or 2.5
trend: j.tsv:10: bad value "x10": a value is a number like 4 or 2.5
trend: 3 more bad records not shown'
status 0
end

begin 'bad records are named wherever they lie, outside the window too, as remind names them'
printf '2025-01-01\talex\ttouch\tlots\n2026-11-27T08:00:00Z\talex\ttouch\tlots\n2026-11-26\talex\ttouch\t4\n' > j.tsv
input_file j.tsv
run trend
err 'trend: stdin:1: bad value "lots": a value is a number like 4 or 2.5
trend: stdin:2: bad value "lots": a value is a number like 4 or 2.5'
out "$HDR
alex	touch	1	4.00	-	-	-	-	-	-	-"
status 0
end

begin 'a record whose date cannot be read is named wherever it is'
printf '2025-13-01\talex\ttouch\t4\n2026-11-26\talex\ttouch\t4\n' > j.tsv
input_file j.tsv
run trend
err 'trend: stdin:1: bad time "2025-13-01": no such date'
out "$HDR
alex	touch	1	4.00	-	-	-	-	-	-	-"
status 0
end

begin 'a line longer than 64 KiB is a bad record, not a crash'
{
	printf '2026-11-25\talex\ttouch\t4\t'
	awk 'BEGIN { for (i = 0; i < 70000; i++) printf "x"; print "" }'
	printf '2026-11-26\talex\ttouch\t2\n'
} > j.tsv
run trend j.tsv
out "$HDR
alex	touch	1	2.00	-	-	-	-	-	-	-"
err 'trend: j.tsv:1: the line is longer than 64 KiB'
status 0
end

begin 'an unreadable file: named, the others read, exit 1'
days alex touch 2026-11-26 4 > j.tsv
run trend missing.tsv j.tsv
out "$HDR
alex	touch	1	4.00	-	-	-	-	-	-	-"
err 'trend: missing.tsv: No such file or directory'
status 1
run trend j.tsv .
out "$HDR
alex	touch	1	4.00	-	-	-	-	-	-	-"
err 'trend: .: Is a directory'
status 1
end

# issue 21: trend -c nope.tsv said the file's error, then "No check-ins in
# the 90 days": only the error now; a readable journal beside it is drawn.
begin '-c of a journal that cannot be read: the error alone, exit 1'
run trend -c nope.tsv
out ''
err 'trend: nope.tsv: No such file or directory'
status 1
days alex touch 2026-11-26 4 > j.tsv
COLUMNS=80 run trend -c j.tsv nope.tsv
out_has '^alex +touch '
err 'trend: nope.tsv: No such file or directory'
status 1
end

# --- names no record has (issue 21: typos were silent) ----------------------

# A name -w or -m gives that no record read has (up to the as-of date) is
# said on stderr, with the nearest one there is, and trend exits 1 as cat
# does for a missing file; the rows of the other names are printed.
begin '-m: a measure no record has is said, with the nearest one, exit 1'
journal1 > j.tsv
run trend -m tuch j.tsv
out "$HDR"
err 'trend: no measure called "tuch" in the journal; did you mean "touch"?'
status 1
run trend -m tuch,hugs j.tsv
out "$HDR
sam	hugs	26	2.57	2.58	-0.01	1.000	0.06	0.726	1.30	-"
err 'trend: no measure called "tuch" in the journal; did you mean "touch"?'
status 1
run trend -m ckeckin,dodgde,xyzzy j.tsv
out "$HDR"
err 'trend: no measure called "ckeckin" in the journal; did you mean "checkin"?
trend: no measure called "dodgde" in the journal; did you mean "dodged"?
trend: no measure called "xyzzy" in the journal'
status 1
end

begin '-w: a person no record has is said, with the nearest one, exit 1'
journal1 > j.tsv
run trend -w sma j.tsv
out "$HDR"
err 'trend: no one called "sma" in the journal; did you mean "sam"?'
status 1
# a partner of a couple, named without the couple
run trend -w kim -m touch j.tsv
out "$HDR"
err 'trend: no one called "kim" in the journal; did you mean "lee/kim"?'
status 1
run trend -s -w alexx,zoe -m touch j.tsv
out 'date	who	what	value	days'
err 'trend: no one called "alexx" in the journal; did you mean "alex"?
trend: no one called "zoe" in the journal'
status 1
run trend -a -w sma j.tsv
out 'since	who	kind	measures	why'
err 'trend: no one called "sma" in the journal; did you mean "sam"?'
status 1
end

begin '-c and -g with a name no record has: the chart says only that'
journal1 > j.tsv
run trend -c -m tuch j.tsv
out ''
err 'trend: no measure called "tuch" in the journal; did you mean "touch"?'
status 1
run trend -c -w sma j.tsv
out ''
err 'trend: no one called "sma" in the journal; did you mean "sam"?'
status 1
COLUMNS=80 run trend -c -m touch,tuch j.tsv
out_has '^alex +touch '
err 'trend: no measure called "tuch" in the journal; did you mean "touch"?'
status 1
run trend -g -m tuch j.tsv
out_has '</svg>'
err 'trend: no measure called "tuch" in the journal; did you mean "touch"?'
status 1
end

# a name with records only before the window is in the journal: no row,
# no complaint (-c says there are no check-ins); one with records only
# after the as-of date is not, as of that date
begin 'a name with records only outside the window is no typo; after the as-of date it is'
journal1 > j.tsv
days zoe open 2025-01-01 4 >> j.tsv
days kai open 2026-11-30 4 >> j.tsv
run trend -w zoe j.tsv
out "$HDR"
err ''
status 0
run trend -c -w zoe j.tsv
out 'No check-ins in the 90 days to 2026-11-26.'
err ''
status 0
run trend -w kai j.tsv
out "$HDR"
err 'trend: no one called "kai" in the journal'
status 1
run trend -w kai -d 2026-11-30 j.tsv
err ''
status 0
end

# --- -o: a file of one's own (issue 21: trend -g > us.svg is 0644) ----------

begin '-o: the output in a file made 0600, whatever the umask; one that was there made so too'
journal1 > j.tsv
run trend -g -o us.svg j.tsv
out ''
err ''
status 0
assert '[ "$(ls -l us.svg | cut -c 1-10)" = "-rw-------" ]' "mode: $(ls -l us.svg)"
assert '[ "$(tail -n 1 us.svg)" = "</svg>" ]' "not the picture: $(tail -c 100 us.svg)"
trend -g j.tsv > want.svg
assert 'cmp -s want.svg us.svg' 'not what -g prints'
# an older file, readable by all: made its owner's alone, then replaced
printf 'old old old old old old old old old old\n' > us.tsv
chmod 644 us.tsv
run trend -o us.tsv -m touch j.tsv
status 0
assert '[ "$(ls -l us.tsv | cut -c 1-10)" = "-rw-------" ]' "mode: $(ls -l us.tsv)"
same us.tsv "$HDR
alex	touch	35	2.00	4.00	-2.00	0.000	-0.25	0.001	0.36	-
lee/kim	touch	9	5.00	5.00	0.00	-	0.00	1.000	0.00	-
lee/ray	touch	9	4.71	4.50	0.21	-	0.00	1.000	0.87	-
sam	touch	38	4.00	4.00	0.00	1.000	0.01	0.800	0.75	-"
end

begin '-o: never through a symbolic link, never over a journal read, said when it cannot be written'
journal1 > j.tsv
printf 'mine\n' > target
ln -s target link.svg
run trend -g -o link.svg j.tsv
out ''
err 'trend: link.svg: a symbolic link; -o writes only to a file itself, not through a link'
status 1
same target 'mine'
cp j.tsv keep.tsv
run trend -o j.tsv j.tsv
out ''
err "trend: -o j.tsv: that is a journal trend reads; name another file
$USAGE"
status 2
assert 'cmp -s j.tsv keep.tsv' 'the journal was written over'
input_file j.tsv
run trend -o j.tsv
status 2
assert 'cmp -s j.tsv keep.tsv' 'the journal on stdin was written over'
run trend -o nodir/us.svg -g j.tsv
out ''
err 'trend: nodir/us.svg: No such file or directory'
status 1
run trend -o '' j.tsv
err "trend: -o takes the name of a file to write
$USAGE"
status 2
end

# --- options ---------------------------------------------------------------

begin '-h prints usage on stdout'
run trend -h
out "$USAGE"
err ''
status 0
end

begin '--help is -h'
run trend --help
out "$USAGE"
err ''
status 0
end

begin '--version'
run trend --version
out "trend (hearth) $VERSION"
err ''
status 0
end

begin 'usage errors exit 2'
run trend -x
out ''
err "trend: unknown option -x
$USAGE"
status 2
run trend -n
err "trend: -n needs a value
$USAGE"
status 2
for n in 0 3661 -5 7x '' ' 9'; do
	run trend -n "$n"
	err "trend: -n takes a number of days from 1 to 3660, not \"$n\"
$USAGE"
	status 2
done
run trend -d 2026-13-01
err "trend: -d \"2026-13-01\": no such date
$USAGE"
status 2
run trend -d soon
err_has '^trend: -d "soon": '
status 2
run trend -b year
err "trend: -b takes day, week or month, not \"year\"
$USAGE"
status 2
run trend -c -s
err "trend: -a, -c, -g and -s do not go together
$USAGE"
status 2
run trend -g -c
status 2
out ''
run trend -a -s
err "trend: -a, -c, -g and -s do not go together
$USAGE"
status 2
out ''
run trend -c -a
status 2
out ''
for w in '' 'alex,' ',alex' 'alex,,sam'; do
	run trend -w "$w"
	err "trend: -w takes a comma-separated list of names
$USAGE"
	status 2
done
run trend -m ''
err "trend: -m takes a comma-separated list of measures
$USAGE"
status 2
end

begin '-n 3660 is the longest window'
# 2016-11-19 is the 3660th day back, 2016-11-18 the 3661st
days alex talk 2016-11-18 1 3 > j.tsv
days alex talk 2026-11-26 5 >> j.tsv
run trend -n 3660 j.tsv
out "$HDR
alex	talk	2	5.00	-	-	-	0.00	-	-	-"
err ''
status 0
end

begin 'a reader that goes away is no error'
awk 'BEGIN { for (i = 0; i < 5000; i++) printf "2026-11-26\tp%d\ttalk\t3\n", i }' > j.tsv
runsh 'trend -s j.tsv 2> e | head -n 1; cat e'
out 'date	who	what	value	days'
err ''
status 0
end

begin 'a full disk is an error'
if [ -w /dev/full ]; then
	days alex talk 2026-11-26 5 > j.tsv
	run sh -c 'trend j.tsv > /dev/full'
	err 'trend: stdout: No space left on device'
	status 1
else
	skip 'no /dev/full here'
fi
end

# --- on a terminal ---------------------------------------------------------

have_script() { script -qec true /dev/null > /dev/null 2>&1 < /dev/null; }

if have_script; then

begin 'terminal: with no journal named, trend says how to name one'
runsh 'script -qec "trend" /dev/null < /dev/null'
tr -d '\r' < "$T/.out" > "$T/.screen"
assert 'grep -q "^trend: which journal? name it, as in \"trend journal.tsv\", or set HEARTH_JOURNAL\$" "$T/.screen"' \
    "the advice: $(cat "$T/.screen")"
status 2
end

begin 'terminal: $HEARTH_JOURNAL when no journal is named'
days alex touch 2026-11-26 4 > j.tsv
HEARTH_JOURNAL=$T/j.tsv
export HEARTH_JOURNAL
runsh 'script -qec "trend" /dev/null < /dev/null'
unset HEARTH_JOURNAL
tr -d '\r' < "$T/.out" > "$T/.screen"
assert 'grep -q "^alex  touch  1  4.00      -" "$T/.screen"' "the report: $(cat "$T/.screen")"
status 0
end

# issue 21: raw TSV on a terminal wrapped into confusion at 80 columns.
# There the columns are lined up (the example's widest row is 78); TSV
# stays exact for pipes and files.
begin 'terminal: the table lined up within 80 columns, TSV through a pipe and into a file'
cp "$EX" j.tsv
onterm 'stty cols 80 rows 50; trend j.tsv; trend j.tsv | head -n 2; trend j.tsv > out.tsv'
screen_has 'who   what          n last7 base28 change pchange slope ptrend rmssd  flags'
screen_has 'alex  hugs         61  0.60   2.76  -2.16   0.007 -0.18  0.003  1.83  drop,gap'
screen_has 'alex  talk_min     72 48.33  30.42  17.92   0.090 -0.01  0.973 32.46  -'
screen_has 'sam   close        73  4.29   4.29  -0.01   0.902  0.04  0.001  1.99  -'
screen_has "$HDR"
screen_has "alex	boundary	12	5.00	4.00	1.00	-	-0.03	0.445	-	-"
assert '[ "$(awk "length(\$0) > 80" "$T/.screen" | wc -l)" -eq 0 ]' "a line over 80 columns: $(awk 'length($0) > 80' "$T/.screen")"
assert '[ "$(grep -c -e "^alex  " -e "^sam   " "$T/.screen")" -eq 34 ]' "not every row lined up: $(cat "$T/.screen")"
trend j.tsv > want.tsv
assert 'cmp -s want.tsv out.tsv' "the file is not the TSV: $(head -3 out.tsv)"
assert '[ "$rc" = 0 ]' "exit $rc"
end

# the example: alex's touch is drop,gap, sam's gap; the terminal is 120
# columns wide (stty: its size is what counts, $COLUMNS says the same),
# so rmssd is there
begin 'terminal: the chart has colour, and none with NO_COLOR'
cp "$EX" j.tsv
runsh 'TERM=xterm COLUMNS=120 script -qec "stty cols 120 rows 40; trend -c -m touch j.tsv" /dev/null < /dev/null'
assert 'grep -q "  ${ESC}\[1;31mdrop${ESC}\[0m,${ESC}\[33mgap${ESC}\[0m${CR}\$" "$T/.out"' "red drop, yellow gap: $(cat "$T/.out")"
assert 'grep -q "   0\.75  ${ESC}\[33mgap${ESC}\[0m${CR}\$" "$T/.out"' 'yellow gap alone'
assert '[ "$(grep -c "$ESC" "$T/.out")" -eq 2 ]' 'colour on the flags alone'
runsh 'TERM=xterm NO_COLOR=1 COLUMNS=120 script -qec "stty cols 120 rows 40; trend -c -m touch j.tsv" /dev/null < /dev/null'
assert '! grep -q "$ESC" "$T/.out"' 'no escape codes with NO_COLOR'
assert 'grep -q "  drop,gap${CR}\$" "$T/.out"' 'the flags still there'
status 0
end

else
	grep "^begin 'terminal: " "$top/tests/t_trend.sh" | cut -d "'" -f 2 |
	while IFS= read -r c; do
		begin "$c"
		skip 'script(1) is missing (Debian: bsdutils)'
	done
fi

begin 'a big file gives what the same bytes through a pipe give, bad lines included'
gen -c 300 -n 250 -e 2026-11-26 > big.tsv
n=$(wc -l < big.tsv)
awk -v a=$((n / 4)) -v b=$((n - 1000)) -F'\t' 'BEGIN { OFS = FS }
	NR == a || NR == b { $4 = "x" NR } { print }' big.tsv > j.tsv
runsh 'trend -n 250 -d 2026-11-26 j.tsv > split.out 2> split.err; echo $?; cat j.tsv | trend -n 250 -d 2026-11-26 > one.out 2> one.err; echo $?'
out '0
0'
assert 'cmp -s split.out one.out' "the figures differ: $(diff split.out one.out | head -5)"
assert '[ "$(sed s/stdin/j.tsv/ one.err)" = "$(cat split.err)" ]' "the messages differ: $(cat split.err one.err)"
assert '[ "$(wc -l < split.err)" -eq 2 ] && grep -q ":$((n - 1000)): bad value" split.err' "line numbers: $(cat split.err)"
assert '[ "$(wc -l < split.out)" -gt 5000 ]' 'too few rows'
end

begin 'the figures of a couple do not depend on the other couples in the journal'
gen -c 300 -n 90 -e 2026-11-26 > many.tsv
for q in 0 1 2 3; do
	awk -F'\t' -v q=$q '{ c = substr($2, 2, 4) + 0 } c % 4 == q' many.tsv > q$q.tsv
done
runsh 'trend -d 2026-11-26 many.tsv > all.out; echo $?; for q in 0 1 2 3; do trend -d 2026-11-26 q$q.tsv | sed 1d; done | sort > parts.out'
out '0'
assert '[ "$(sed 1d all.out | sort)" = "$(cat parts.out)" ]' "the figures differ: $(sed 1d all.out | sort | diff - parts.out | head -5)"
assert '[ "$(grep -c -e declining -e drop -e volatile all.out)" -gt 10 ]' 'too few flags to tell'
end

# With stdin a terminal and no journal named, the readers say how to name one
# instead of waiting for typed records (script(1) gives them a terminal).
for p in trend remind; do
begin "$p: no journal named on a terminal: advice, exit 2"
if script -qec true /dev/null > /dev/null 2>&1 < /dev/null; then
	printf '%s\n' "$top/bin/$p; echo \"rc=\$?\"" > cmd
	runsh 'sleep 1 | SHELL=/bin/sh script -qec "sh cmd" /dev/null | tr -d "\r"'
	out "$p: which journal? name it, as in \"$p journal.tsv\", or set HEARTH_JOURNAL
rc=2"
	printf '2026-11-26\talex\ttouch\t4\n' > j.tsv
	runsh 'sleep 1 | HEARTH_JOURNAL=j.tsv SHELL=/bin/sh script -qec "sh cmd" /dev/null | tr -d "\r" | tail -1'
	out 'rc=0'
else
	skip 'script(1) is missing (Debian: bsdutils)'
fi
end
done

begin 'a day of 70000 records: counts past 65535 stay right'
awk 'BEGIN { for (i = 0; i < 70000; i++) printf "2026-11-26\talex\ttouch\t%d\n", 1 + i % 2 }' > j.tsv
run trend -m touch j.tsv
out "$HDR
alex	touch	1	1.50	-	-	-	-	-	-	-"
status 0
end

begin 'sums that are not whole numbers, or too big for a float, stay exact'
printf '2026-11-25\talex\tmood\t0.1\n2026-11-25\talex\tmood\t0.2\n2026-11-26\talex\tmood\t0.3\n2026-11-26\tsam\thugs\t16777216\n2026-11-26\tsam\thugs\t1\n2026-11-25\tsam\thugs\t3\n' > j.tsv
run trend j.tsv
out "$HDR
alex	mood	2	0.23	-	-	-	1.05	-	-	-
sam	hugs	2	8388610.00	-	-	-	117440498.00	-	-	-"
status 0
end

begin 'sums at the edge of a cell (24 bits, signed) and 256 records a day stay exact'
{
	printf '2026-11-24\talex\tmood\t-8388608\n2026-11-24\talex\tmood\t-1\n'
	printf '2026-11-25\talex\tmood\t8388607\n2026-11-26\talex\tmood\t8388607\n2026-11-26\talex\tmood\t1\n'
	awk 'BEGIN { for (i = 0; i < 300; i++) printf "2026-11-2%d\tsam\ttouch\t%d\n", 5 + i % 2, 1 + (i < 256) }'
} > j.tsv
run trend -s j.tsv
out "date	who	what	value	days
2026-11-24	alex	mood	-4194304.50	1
2026-11-25	alex	mood	8388607.00	1
2026-11-26	alex	mood	4194304.00	1
2026-11-25	sam	touch	1.85	1
2026-11-26	sam	touch	1.85	1"
status 0
end

# found by fuzz_trend: a value far outside the measure's range made the
# sparkline's level overflow an int (undefined behaviour, caught by UBSan)
begin '-c: a value far outside the range is drawn at the top, not overflowed'
printf '2026-11-24\tsam\topen\t888888888883\n2026-11-25\tsam\topen\t3\n2026-11-26\tsam\topen\t-999999999999\n' > j.tsv
COLUMNS=80
export COLUMNS
run trend -c -n 30 j.tsv
unset COLUMNS
status 0
err ''
out_has '^sam +open +[#=:. -]*#.* 3 '
end

# issue 18: 100,000 people of one couple (names without "/"), one record
# each, took 1.15 GB, about 11 KB a person whatever their data.  Memory now
# follows each person's data: 30,000 of them fit in 100 MB of address
# space (about 30 MB are used), where they took some 345 MB.  A build that
# cannot run under ulimit -v at all (a sanitizer, valgrind, a shell
# without it) skips.
begin 'memory follows the data: 30,000 people of one record each in 100 MB'
if [ -z "$HEARTH_WRAP" ] && (ulimit -v 100000 && "$top/bin/trend" /dev/null) > /dev/null 2>&1; then
	awk 'BEGIN { for (i = 0; i < 30000; i++) printf "2026-11-26\tp%05d\ttouch\t4\n", i }' > j.tsv
	runsh 'ulimit -v 100000 && trend j.tsv | sed -n "1p;\$p"; ulimit -v 100000 && trend -a j.tsv'
	out "$HDR
p29999	touch	1	4.00	-	-	-	-	-	-	-
since	who	kind	measures	why"
	err ''
	status 0
	end
else
	skip 'ulimit -v cannot bound this build (a sanitizer or valgrind) or this shell'
fi
