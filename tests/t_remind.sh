#!/bin/sh
# t_remind.sh - remind(1): every kind of rule, every placeholder, pauses,
# the trend edge trigger, bad rules, options, and a simulated month.
#
# Journals are made here by small awk loops (steady below: a usual with
# day-to-day variety, then a planted change), so which alerts hold on
# which day is worked out in the comments, figures are counted from the
# journal by awk, and dates by a plain month-length loop, not by hearth's
# code.
. "$top/tests/lib.sh"

# dates FIRST N: N dates from FIRST on, one a line
dates() {
	awk -v first="$1" -v n="$2" 'BEGIN {
		split(first, a, "-"); y = a[1] + 0; m = a[2] + 0; d = a[3] + 0
		split("31 28 31 30 31 30 31 31 30 31 30 31", ml, " ")
		for (i = 0; i < n; i++) {
			printf "%04d-%02d-%02d\n", y, m, d
			last = ml[m]
			if (m == 2 && (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)))
				last = 29
			if (++d > last) { d = 1; if (++m > 12) { m = 1; y++ } }
		}
	}'
}

# daily FIRST N WHO WHAT VALUE: one record a day, in the evening
daily() {
	dates "$1" "$2" | awk -v who="$3" -v what="$4" -v v="$5" \
	    '{ printf "%sT20:00:00+01:00\t%s\t%s\t%s\n", $0, who, what, v }'
}

# each FIRST N ARGS...: remind -d DAY ARGS for N days from FIRST; the
# outputs and errors of all runs together, the status of the worst
each() {
	_first=$1 _n=$2
	shift 2
	: > "$T/.out"
	: > "$T/.err"
	rc=0
	for _d in $(dates "$_first" "$_n"); do
		$HEARTH_WRAP "$top/bin/remind" -d "$_d" "$@" < /dev/null \
		    >> "$T/.out" 2>> "$T/.err" || rc=$?
	done
}

# on "DAY ..." ARGS...: the same for the days named
on() {
	_days=$1
	shift
	: > "$T/.out"
	: > "$T/.err"
	rc=0
	for _d in $_days; do
		$HEARTH_WRAP "$top/bin/remind" -d "$_d" "$@" < /dev/null \
		    >> "$T/.out" 2>> "$T/.err" || rc=$?
	done
}

rules() { printf '%s\n' "$@" > r.tsv; }

USAGE='usage: remind [-p] [-f rules] [-d date] [-w who] [file ...]
       remind -l [-f rules] [-w who]'

# --- options ---------------------------------------------------------------

begin '-h prints the usage on stdout'
run remind -h
out "$USAGE"
err ''
status 0
end

begin '--help is -h'
run remind --help
out "$USAGE"
err ''
status 0
end

begin '--version'
run remind --version
out 'remind (hearth) 1.0'
err ''
status 0
end

begin 'an unknown option is a usage error'
run remind -x j.tsv
out ''
err_has '^usage: remind \[-p\] \[-f rules\]'
err_has 'option'
status 2
end

begin '-f without its argument is a usage error'
run remind -f
out ''
err_has '^usage: remind'
status 2
end

begin '-d that is not a date is a usage error'
run remind -d 2026-02-30 j.tsv
out ''
err "remind: bad date for -d \"2026-02-30\": no such date
$USAGE"
status 2
end

begin '-w that is not a name is a usage error'
run remind -w 'al ex' j.tsv
out ''
err "remind: bad name for -w \"al ex\": a name has no spaces or control characters
$USAGE"
status 2
end

begin '-l reads no journal and takes no date'
run remind -l j.tsv
out ''
err "remind: -l lists the rules; it takes no date and reads no journal
$USAGE"
status 2
end

begin 'a bad HEARTH_NOW is refused'
HEARTH_NOW=yesterday run remind j.tsv
out ''
err 'remind: HEARTH_NOW="yesterday": not a date like 2026-11-26'
status 1
end

# --- where the rules come from ------------------------------------------

begin '-l: the built-in rules, as a rules file, and where they come from'
run remind -l
out "every	sun	Sunday: time for the state of us. Days you both checked in this week: {together7} of 7. Tonight, each of you: ask -s weekly | log -a {journal}
since	talk>=4	3d	It has been {days} days since a talk that went deep. Tonight's question: {prompt}
trend	*	gap	{why} It may be worth asking each other how it has really been.
trend	*	drop	{why} Maybe tonight is a good night to reach for each other.
trend	*	declining	{why} Worth a gentle talk this week, without blame.
trend	*	volatile	{why} Go easy on each other, and ask what is going on.
trend	*	quiet	{why} A short hello tonight would help.
# the built-in rules of remind(1)"
err ''
status 0
end

begin '-l -f: each rule on the line of its number, "#" between'
printf '# ours\n\nevery\tdaily\tHello.\n   \n# late\ndate\t2027-01-10\t9d\tSoon: {days}.\n' > r.tsv
run remind -l -f r.tsv
out "#
#
every	daily	Hello.
#
#
date	2027-01-10	9d	Soon: {days}.
# the rules of r.tsv"
err ''
status 0
end

begin 'rules from $XDG_CONFIG_HOME/hearth/remind.tsv'
mkdir -p .config/hearth
printf 'every\tthu\tThursday.\n' > .config/hearth/remind.tsv
run remind -l
out "every	thu	Thursday.
# the rules of $T/.config/hearth/remind.tsv"
err ''
status 0
run remind /dev/null
out '2026-11-26	every:1	Thursday.'
err ''
status 0
end

begin 'rules from ~/.config/hearth/remind.tsv when XDG_CONFIG_HOME is unset'
mkdir -p .config/hearth
printf 'every\tdaily\tDaily.\n' > .config/hearth/remind.tsv
runsh 'unset XDG_CONFIG_HOME; remind /dev/null'
out '2026-11-26	every:1	Daily.'
err ''
status 0
end

begin 'an empty rules file means no rules at all, not the built-in ones'
mkdir -p .config/hearth
: > .config/hearth/remind.tsv
run remind -d 2026-11-29 /dev/null
out ''
err ''
status 0
end

begin '-f a file that is not there'
run remind -f nope.tsv /dev/null
out ''
err 'remind: nope.tsv: No such file or directory'
status 1
end

# remind -l into the rules file it would read.  With ">" the shell has
# emptied it before remind runs: the built-in rules are what is wanted
# (README: the first rules file in one go).  With ">>" it was never
# emptied: listing its rules into itself would double them, so nothing is
# written.  With -f the rules it held are lost: remind says so.
begin 'remind -l > the rules file: the shell emptied it, the built-in rules go in'
mkdir -p .config/hearth
printf 'every\tdaily\tOurs.\n' > .config/hearth/remind.tsv
runsh 'remind -l > .config/hearth/remind.tsv'
out ''
err ''
status 0
same .config/hearth/remind.tsv "$(XDG_CONFIG_HOME=/nonexistent remind -l)"
end

begin 'remind -l >> the rules file: refused, the file as it was'
mkdir -p .config/hearth
printf 'every\tdaily\tOurs.\n' > .config/hearth/remind.tsv
runsh 'remind -l >> .config/hearth/remind.tsv'
out ''
err "remind: $T/.config/hearth/remind.tsv: the list would be added to the rules file it lists; write it to another file"
status 1
same .config/hearth/remind.tsv 'every	daily	Ours.'
# an empty one takes the built-in rules, as with >
: > .config/hearth/remind.tsv
runsh 'remind -l >> .config/hearth/remind.tsv'
err ''
status 0
same .config/hearth/remind.tsv "$(XDG_CONFIG_HOME=/nonexistent remind -l)"
end

begin 'remind -l -f r.tsv > r.tsv: the loss is said, the built-in rules go in'
printf 'every\tdaily\tOurs.\n' > r.tsv
runsh 'remind -l -f r.tsv > r.tsv'
out ''
err 'remind: r.tsv: the shell emptied this file before remind could read it, so it gets the built-in rules; to list a rules file into itself, write to another file and mv it'
status 0
same r.tsv "$(remind -l)"
printf 'every\tdaily\tOurs.\n' > r.tsv
runsh 'remind -l -f r.tsv >> r.tsv'
err 'remind: r.tsv: the list would be added to the rules file it lists; write it to another file'
status 1
same r.tsv 'every	daily	Ours.'
end

# On a terminal a message of remind's own is wrapped between words to the
# terminal's width (the advice for a journal was 81 columns in one line);
# where the width is not known, and off a terminal, it is one line.
begin 'no journal named on a terminal: the advice fits it, cut between words'
if have_script; then
	advice='remind: which journal? name it, as in "remind journal.tsv", or set HEARTH_JOURNAL'
	for c in 80 60 30; do
		printf 'stty cols %s; %s/bin/remind; echo "rc=$?"\n' "$c" "$top" > cmd
		runsh 'sleep 1 | SHELL=/bin/sh script -qec "sh cmd" /dev/null | tr -d "\r"'
		out_has '^rc=2$'
		sed '$d' .out > lines
		assert '[ "$(awk -v c="$c" "length(\$0) >= c" lines)" = "" ]' \
		    "at $c columns, a line as wide: $(cat lines)"
		assert '[ "$(tr "\n" " " < lines | tr -s " " | sed "s/ \$//")" = "$advice" ]' \
		    "at $c columns, words lost or cut: $(cat lines)"
		assert '[ "$(wc -l < lines)" -gt 1 ]' "at $c columns, one line"
	done
	printf 'stty cols 120; %s/bin/remind\n' "$top" > cmd
	runsh 'sleep 1 | SHELL=/bin/sh script -qec "sh cmd" /dev/null | tr -d "\r"'
	out "$advice"
else
	skip 'script(1) is missing (Debian: bsdutils)'
fi
end

# --- a new couple: silence --------------------------------------------------

begin 'built-in rules, an empty journal, a weekday: nothing at all'
run remind /dev/null
out ''
err ''
status 0
end

begin 'built-in rules, a journal of three days: still nothing'
{ echo '#time	who	what	value	note'
  daily 2026-11-24 3 alex close 4; daily 2026-11-24 3 sam close 4
  daily 2026-11-24 3 alex talk 5; daily 2026-11-24 3 sam touch 3; } > j.tsv
run remind j.tsv
out ''
err ''
status 0
end

begin 'built-in rules on a Sunday: only the weekly check-in'
run remind -d 2026-11-29 /dev/null
out '2026-11-29	every:1	Sunday: time for the state of us. Days you both checked in this week: 0 of 7. Tonight, each of you: ask -s weekly | log -a /dev/null'
err ''
status 0
end

# The Sunday reminder is followed from a cron mail, read anywhere: the
# journal it names is the one remind read, as one would type it in any
# directory (~/ under $HOME), never a bare journal.tsv that would start a
# stray journal where the mail is read.  The word after "log -a" is taken
# back through the shell, as the reader's would, and must be that file.
begin 'the Sunday reminder names the journal remind read, as one would type it'
mkdir -p us "it's ours" elsewhere
printf '2026-11-29T20:00:00+01:00\tsam\ttouch\t4\n' > us/journal.tsv
cp us/journal.tsv "it's ours/j \$1.tsv"
cp us/journal.tsv elsewhere/journal.tsv
# typed: the command's last words after "log -a", as given to sh (HOME=$T)
typed() { sed -n 's/.*ask -s weekly | log -a //p' "$T/.out"; }
back() { HOME=$T sh -c "printf '%s\n' $(typed)"; }
run remind -p -d 2026-11-29 us/journal.tsv
assert '[ "$(typed)" = "~/us/journal.tsv" ]' "relative, under HOME: $(typed)"
run remind -p -d 2026-11-29 ./us/../us/journal.tsv
assert '[ "$(back)" = "$T/./us/../us/journal.tsv" ] || [ "$(back)" = "$T/us/../us/journal.tsv" ]' "with dots: $(typed)"
(cd elsewhere && "$top/bin/remind" -p -d 2026-11-29 journal.tsv > "$T/.out")
assert '[ "$(typed)" = "~/elsewhere/journal.tsv" ]' "from another directory: $(typed)"
run remind -p -d 2026-11-29 "$T/it's ours/j \$1.tsv"
assert '[ "$(back)" = "$T/it'"'"'s ours/j \$1.tsv" ]' "quoted: $(typed) gives $(back)"
runsh 'HOME=/nowhere remind -p -d 2026-11-29 "$PWD/us/journal.tsv"'
assert '[ "$(typed)" = "$T/us/journal.tsv" ]' "outside HOME, in full: $(typed)"
err ''
status 0
end

begin '{journal}: $HEARTH_JOURNAL when that was read; of two journals, the -w partner'"'"'s'
printf '2026-11-28T20:00:00+01:00\talex\ttouch\t4\n' > alex.tsv
printf '2026-11-29T20:00:00+01:00\tsam\ttouch\t4\n' > sam.tsv
rules 'every	sun	log -a {journal}'
run remind -p -f r.tsv -d 2026-11-29 alex.tsv sam.tsv
out "log -a ~/alex.tsv"
run remind -p -f r.tsv -d 2026-11-29 -w sam alex.tsv sam.tsv
out "log -a ~/sam.tsv"
run remind -p -f r.tsv -d 2026-11-29 -w alex alex.tsv sam.tsv
out "log -a ~/alex.tsv"
# from standard input: $HEARTH_JOURNAL, quoted when its value needs it,
# else no path at all
input_file sam.tsv
runsh 'HEARTH_JOURNAL=$PWD/sam.tsv remind -p -f r.tsv -d 2026-11-29'
out 'log -a $HEARTH_JOURNAL'
input_file sam.tsv
runsh 'HEARTH_JOURNAL="$PWD/our journal.tsv" remind -p -f r.tsv -d 2026-11-29 -'
out 'log -a "$HEARTH_JOURNAL"'
input_file sam.tsv
run remind -p -f r.tsv -d 2026-11-29
out 'log -a your journal'
err ''
status 0
end

begin '{journal} on a terminal with no journal named: $HEARTH_JOURNAL'
if have_script; then
	printf '2026-11-29T20:00:00+01:00\tsam\ttouch\t4\n' > sam.tsv
	rules 'every	sun	log -a {journal}'
	printf '%s\n' "HEARTH_JOURNAL=$T/sam.tsv $top/bin/remind -p -f r.tsv -d 2026-11-29" > cmd
	runsh 'sleep 1 | SHELL=/bin/sh script -qec "sh cmd" /dev/null | tr -d "\r"'
	out 'log -a $HEARTH_JOURNAL'
	status 0
else
	skip 'script(1) is missing (Debian: bsdutils)'
fi
end

# --- every --------------------------------------------------------------------

begin 'every: weekday names in any case, full or three letters, with spaces'
rules 'every	Mon,WEDNESDAY , sun	W {date}' 'every	FRI	F'
each 2026-11-23 7 -f r.tsv /dev/null
out '2026-11-23	every:1	W 2026-11-23
2026-11-25	every:1	W 2026-11-25
2026-11-27	every:2	F
2026-11-29	every:1	W 2026-11-29'
err ''
status 0
end

begin 'every: monthly DD on the last day of shorter months'
rules 'every	monthly 31	31' 'every	monthly 30	30' 'every	monthly 29	29' \
    'every	MONTHLY 1	1'
on '2027-01-28 2027-01-29 2027-01-30 2027-01-31 2027-02-01 2027-02-02
    2027-02-27 2027-02-28 2027-03-01 2027-03-02' -f r.tsv /dev/null
out '2027-01-29	every:3	29
2027-01-30	every:2	30
2027-01-31	every:1	31
2027-02-01	every:4	1
2027-02-28	every:1	31
2027-02-28	every:2	30
2027-02-28	every:3	29
2027-03-01	every:4	1'
status 0
end

begin 'every: monthly 31 in a leap February'
rules 'every	monthly 31	31' 'every	monthly 29	29' 'every	monthly 28	28'
each 2028-02-27 4 -f r.tsv /dev/null
out '2028-02-28	every:3	28
2028-02-29	every:1	31
2028-02-29	every:2	29'
err ''
status 0
end

begin 'every: Nd from DATE, from that date on'
rules 'every	10d from 2026-11-20	ten' 'every	2w from 2026-11-29	fortnight'
on '2026-11-15 2026-11-19 2026-11-20 2026-11-21 2026-11-28 2026-11-29
    2026-11-30 2026-12-01 2026-12-09 2026-12-10 2026-12-11' -f r.tsv /dev/null
out '2026-11-20	every:1	ten
2026-11-29	every:2	fortnight
2026-11-30	every:1	ten
2026-12-10	every:1	ten'
status 0
end

begin 'every: Nd from DATE across the end of a year'
rules 'every	3d from 2026-12-30	three'
each 2026-12-28 10 -f r.tsv /dev/null
out '2026-12-30	every:1	three
2027-01-02	every:1	three
2027-01-05	every:1	three'
status 0
end

begin 'every daily, and the literal braces'
rules 'every	daily	{{literal}} and }} {{ on {date}'
run remind -f r.tsv /dev/null
out '2026-11-26	every:1	{literal} and } { on 2026-11-26'
err ''
status 0
end

begin '{prompt} is the starter of the day that ask -p gives'
rules 'every	daily	Tonight: {prompt}'
want1=$(ask -p -d 2026-11-26) want2=$(HEARTH_SEED=3 ask -p -d 2026-12-01)
run remind -f r.tsv /dev/null
out "2026-11-26	every:1	Tonight: $want1"
status 0
HEARTH_SEED=3 run remind -f r.tsv -d 2026-12-01 /dev/null
out "2026-12-01	every:1	Tonight: $want2"
err ''
status 0
assert '[ -n "$want1" ] && [ "$want1" != "$want2" ]' 'ask -p gave no starter'
end

# --- since --------------------------------------------------------------------

cat > since.tsv <<'X'
since	talk>=4	3d	A {days}
since	talk	2d	B {days}
since	talk<3	1w	C {days} {weeks}
since	talk=3	1d	D {days}
since	talk>4	5d	E {days}
since	talk<=1	3d	F {days} {what}
since	close	1d	G
since	talk=4	2w	H {days}d = {weeks}w on {date}
X
{ printf '2026-11-10T08:00:00Z\talex\ttalk\t4\n'
  printf '2026-11-20T08:00:00Z\talex\ttalk\t5\n'
  printf '2026-11-23T08:00:00Z\tsam\ttalk\t3\n'
  printf '2026-11-24T08:00:00Z\talex\ttalk\t2\tshort\n'
  printf '2026-11-25T08:00:00Z\tsam\ttouch\t3\n'; } > since.j

begin 'since: comparisons, ages, and the oldest record when none meets'
# as of 11-26: >=4 last on 11-20 (6 days); any talk 11-24 (2); <3 11-24
# (2, under a week); =3 11-23 (3); >4 11-20 (6); <=1 never: from the
# oldest talk, 11-10 (16); close never logged; =4 on 11-10 (16 = 2w)
cp "$tmproot/since.tsv" "$tmproot/since.j" .
run remind -f since.tsv since.j
out '2026-11-26	since:1	A 6
2026-11-26	since:2	B 2
2026-11-26	since:4	D 3
2026-11-26	since:5	E 6
2026-11-26	since:6	F 16 talk
2026-11-26	since:8	H 16d = 2w on 2026-11-26'
err ''
status 0
end

begin 'since with -w counts that partner only'
# sam: talk 3 on 11-23 only: >=4 never, so from it (3 days); sam checked
# in on 11-25 (touch), so the rules are not silenced
cp "$tmproot/since.tsv" "$tmproot/since.j" .
run remind -f since.tsv -w sam since.j
out '2026-11-26	since:1	A 3
2026-11-26	since:2	B 3
2026-11-26	since:4	D 3
2026-11-26	since:6	F 3 talk'
err ''
status 0
run remind -f since.tsv -w kim since.j
out ''
err ''
status 0
end

begin 'since: silent the day the measure is first logged, until the age'
rules 'since	talk>=4	3d	{days} days'
daily 2026-11-24 3 alex talk 2 > j.tsv
each 2026-11-23 6 -f r.tsv j.tsv
out '2026-11-27	since:1	3 days
2026-11-28	since:1	4 days'
err ''
status 0
end

begin 'since: the date written in a stamp is its day, whatever its offset'
# 23:30 at -05:00 on the 23rd is the 24th in UTC, but the 23rd it was;
# 00:30 at +14:00 on the 27th is after the day asked about: ignored
# (alex checked in on the 25th: the rule is not silenced)
printf '2026-11-23T23:30:00-05:00\talex\ttalk\t4\n2026-11-27T00:30:00+14:00\tsam\ttalk\t5\n' > j.tsv
printf '2026-11-25T20:00:00+01:00\talex\tclose\t4\n' >> j.tsv
rules 'since	talk>=4	3d	{days} days'
run remind -f r.tsv j.tsv
out '2026-11-26	since:1	3 days'
err ''
status 0
end

begin 'since across the end of a year and a leap day'
printf '2026-12-30\talex\ttalk\t4\n2028-02-27\talex\ttalk\t4\n' > j.tsv
# a check-in every day (close), so the rule is not silenced
{ daily 2026-12-31 4 alex close 3; daily 2028-02-28 3 alex close 3; } >> j.tsv
rules 'since	talk>=4	3d	{days} days'
each 2027-01-01 3 -f r.tsv j.tsv
out '2027-01-02	since:1	3 days
2027-01-03	since:1	4 days'
status 0
each 2028-02-28 3 -f r.tsv j.tsv
out '2028-03-01	since:1	3 days'
err ''
status 0
end

begin '{who} in since and target needs -w, and then names that partner'
rules 'since	talk	1d	{who}: {days} days' 'target	call_min	60/d	{who}: {sum}'
printf '2026-11-20\tsam\ttalk\t3\n2026-11-26\tsam\tcall_min\t20\n' > j.tsv
run remind -f r.tsv -w sam j.tsv
out '2026-11-26	since:1	sam: 6 days
2026-11-26	target:2	sam: 20'
err ''
status 0
run remind -f r.tsv j.tsv
out ''
err "remind: r.tsv:1: {who} in a since rule needs -w: without it the rule counts everyone's records
remind: r.tsv:2: {who} in a target rule needs -w: without it the rule counts everyone's records"
status 1
end

begin 'since and target: silent once nobody has checked in for 3 days'
# the last check-ins: alex 11-20, sam 11-22; quiet speaks for a silence,
# not a nudge that assumes they talked; every rules still speak
printf '2026-11-20\talex\ttalk\t4\n2026-11-20\talex\tcall_min\t30\n2026-11-22\tsam\tclose\t3\n' > j.tsv
rules 'since	talk>=4	3d	{days} days' 'target	call_min	100/w	{sum}' 'every	daily	e'
each 2026-11-22 5 -f r.tsv j.tsv
out '2026-11-22	target:2	30
2026-11-22	every:3	e
2026-11-23	since:1	3 days
2026-11-23	target:2	30
2026-11-23	every:3	e
2026-11-24	since:1	4 days
2026-11-24	target:2	30
2026-11-24	every:3	e
2026-11-25	every:3	e
2026-11-26	every:3	e'
err ''
status 0
# with -w, that partner's check-ins: alex has been silent 3 days on 11-23
on '2026-11-22 2026-11-23' -f r.tsv -w alex j.tsv
out '2026-11-22	target:2	30
2026-11-22	every:3	e
2026-11-23	every:3	e'
err ''
status 0
end

begin 'showing up: {together7}, {together30} and {run}, pauses left out'
# alex checks in every day from 10-28; sam too, but not on 11-10, 11-20
# and today (11-26): of the 7 days 11-20..11-26 both on 11-21..11-25, of
# the 30 from 10-28 all but three; the run is 5, today not breaking it;
# c/kim and c/lee both every day from 11-01, today too
{ daily 2026-10-28 30 alex close 4
  daily 2026-10-28 30 sam close 4 | grep -v -e '^2026-11-10' -e '^2026-11-20' -e '^2026-11-26'
  daily 2026-11-01 26 c/kim talk 3; daily 2026-11-01 26 c/lee talk 3; } > j.tsv
rules 'every	daily	{together7} of 7, {together30} of 30, {run} in a row'
run remind -f r.tsv j.tsv
out '2026-11-26	every:1	5 of 7, 27 of 30, 5 in a row'
err ''
status 0
run remind -f r.tsv -w c/lee j.tsv
out '2026-11-26	every:1	7 of 7, 26 of 30, 26 in a row'
err ''
status 0
# a pause on 11-22..11-23: those days neither count nor break the run
rules 'every	daily	{together7} of 7, {together30} of 30, {run} in a row' \
    'pause	2026-11-22	2026-11-23	away'
run remind -f r.tsv j.tsv
out '2026-11-26	every:1	3 of 7, 25 of 30, 3 in a row'
err ''
status 0
# on 11-21: sam missed 11-20, so the run is today alone; of the 30 days
# from 10-23, alex's first was 10-28: 25, less 11-10 and 11-20
run remind -f r.tsv -d 2026-11-21 j.tsv
out '2026-11-21	every:1	6 of 7, 23 of 30, 1 in a row'
err ''
status 0
end

# --- target -------------------------------------------------------------------

cat > target.tsv <<'X'
target	call_min	480/w	W {sum} of {target} ({what})
target	call_min	360/w	X {sum}
target	call_min	300/d	Y {sum} of {target}
target	call_min	260/d	Z
target	hugs	1/d	never logged
target	talk_min	2.50/d	T {sum} of {target} on {date}
X
{ printf '2026-11-19\talex\tcall_min\t500\n2026-11-20\talex\tcall_min\t100\n'
  printf '2026-11-26T08:00:00Z\talex\tcall_min\t200\n'
  printf '2026-11-26T21:00:00Z\tsam\tcall_min\t60\n'
  printf '2026-11-27\tsam\tcall_min\t1000\n'
  printf '2026-11-26\tsam\ttalk_min\t1.5\n'; } > target.j

begin 'target: the last 7 days, or today, below the target'
# 7 days 11-20..11-26: 100 + 200 + 60 = 360; today 260; 11-19 and 11-27 out
cp "$tmproot/target.tsv" "$tmproot/target.j" .
run remind -f target.tsv target.j
out '2026-11-26	target:1	W 360 of 480 (call_min)
2026-11-26	target:3	Y 260 of 300
2026-11-26	target:6	T 1.5 of 2.5 on 2026-11-26'
err ''
status 0
end

begin 'target with -w: that partner only (alex: 300 a week, 200 today)'
cp "$tmproot/target.tsv" "$tmproot/target.j" .
run remind -f target.tsv -w alex target.j
out '2026-11-26	target:1	W 300 of 480 (call_min)
2026-11-26	target:2	X 300
2026-11-26	target:3	Y 200 of 300
2026-11-26	target:4	Z'
err ''
status 0
end

begin 'target /d: the written date of each record, not UTC'
# 00:10 at +09:00 on the 26th counts today; 23:50 at -08:00 on the 25th not
printf '2026-11-26T00:10:00+09:00\talex\tcall_min\t50\n2026-11-25T23:50:00-08:00\talex\tcall_min\t70\n' > j.tsv
rules 'target	call_min	100/d	{sum} of {target}'
run remind -f r.tsv j.tsv
out '2026-11-26	target:1	50 of 100'
err ''
status 0
end

# --- trend: the edge trigger -----------------------------------------------
#
# An alert needs a usual: a person's own days from 180 to 28 days back,
# at least 20 with data.  steady makes one: a check-in every evening of
# the seven daily scales, each 3, 4 or 5 as a Park-Miller stream says (so
# the days vary as real ones do), then the change a case is about.

# steady FIRST N WHO SEED [WHAT=V@A-B ...]: N days of check-ins from FIRST;
# WHAT=V@A-B makes WHAT V on days A to B (day 0 is FIRST), V x leaves it
# out; lo=L makes the usual answers L, L+1 or L+2 instead
steady() {
	_f=$1 _n=$2 _w=$3 _s=$4
	shift 4
	dates "$_f" "$_n" | awk -v who="$_w" -v seed="$_s" -v spec="$*" '
	BEGIN {	nm = split("talk open touch safe heard close effort", m, " ")
		x = seed; lo = 3
		ns = split(spec, sp, " ")
		for (i = 1; i <= ns; i++) {
			if (sp[i] ~ /^lo=/) { lo = substr(sp[i], 4) + 0; continue }
			k = index(sp[i], "="); cw[i] = substr(sp[i], 1, k - 1)
			r = substr(sp[i], k + 1); k = index(r, "@"); cv[i] = substr(r, 1, k - 1)
			r = substr(r, k + 1); k = index(r, "-")
			ca[i] = substr(r, 1, k - 1) + 0; cb[i] = substr(r, k + 1) + 0
		}
	}
	{	day = NR - 1
		for (j = 1; j <= nm; j++) {
			x = (x * 16807) % 2147483647
			v = lo + x % 3
			for (i = 1; i <= ns; i++)
				if (cw[i] == m[j] && day >= ca[i] && day <= cb[i])
					v = cv[i]
			if (v != "x")
				printf "%sT20:00:00+01:00\t%s\t%s\t%s\n", $0, who, m[j], v
		}
	}'
}

# mean FILE WHO WHAT FROM TO DIGITS: the mean of WHAT's daily values (the
# mean of a day's records) from FROM to TO, as a figure is written
mean() {
	awk -F'\t' -v who="$2" -v what="$3" -v from="$4" -v to="$5" -v dg="$6" '
	$2 == who && $3 == what { d = substr($1, 1, 10)
		if (d >= from && d <= to) { s[d] += $4; c[d]++ } }
	END {	for (d in s) { sum += s[d] / c[d]; n++ }
		printf "%.*f\n", dg, sum / n }' "$1"
}

# alex's touch falls to 1 from 11-20 (day 80) on; sam stays as usual.
# Below every usual day, a day scores about 2.2 once the margin is taken
# off, 2 after the clip: the CUSUM (trend(1): allowance 0.75, threshold
# 5) gains 1.25 a day and reaches 5 on the fourth day, 11-23; the fall
# began on 11-20.  sam's affection is as usual: a gap too.  (Before it,
# from 10-01, the only alert is alex's volatile of 11-22, which no case
# here asks about.)
dropj() {
	steady 2026-09-01 120 alex 7 touch=1@80-119
	steady 2026-09-01 120 sam 11
}

begin 'trend: every figure placeholder, on the first day of a drop'
dropj > j.tsv
rules 'trend	touch	drop	{who} {what} {last7} {base28} {change} {days} {weeks} {date} {since}'
l7=$(mean j.tsv alex touch 2026-11-17 2026-11-23 4)
b28=$(mean j.tsv alex touch 2026-10-20 2026-11-16 4)
want=$(awk -v a="$l7" -v b="$b28" 'BEGIN { printf "%.2f %.2f %.2f", a, b, a - b }')
run remind -f r.tsv -d 2026-11-22 j.tsv
out ''
err ''
status 0
run remind -f r.tsv -d 2026-11-23 j.tsv
out "2026-11-23	trend:1	alex affection $want 3 0 2026-11-23 2026-11-20"
err ''
status 0
assert '[ -n "$l7" ] && [ "$l7" != "$b28" ]' 'no figures worked out'
end

begin '{why} and {since}: the alert in words, as trend -a says it'
dropj > j.tsv
# the last 7 days of touch against the plain mean of the usual days
# (as of 11-23, from 04-30 to 10-26: the days with data from 09-01)
l7=$(mean j.tsv alex touch 2026-11-17 2026-11-23 1)
u=$(mean j.tsv alex touch 2026-04-30 2026-10-26 1)
rules 'trend	touch	drop	{since}: {why}'
run remind -f r.tsv -d 2026-11-23 j.tsv
out "2026-11-23	trend:1	2026-11-20: Since 20 Nov, affection has dropped for alex, below their usual: physical affection $l7 against $u usually."
err ''
status 0
cut -f 3- .out > mine
rules 'trend	touch	gap	{since}: {why}'
run remind -f r.tsv -d 2026-11-23 j.tsv
out "2026-11-23	trend:1	2026-11-20: Since 20 Nov, affection has dropped for alex but not for sam: physical affection $l7 against $u usually."
err ''
status 0
cut -f 3- .out >> mine
trend -a -d 2026-11-23 j.tsv | awk -F'\t' 'NR > 1 && $2 == "alex" { print $1 ": " $5 }' > theirs
assert 'cmp -s theirs mine' "trend -a says otherwise: $(cat theirs)"
end

begin 'trend: a drop speaks on its first day and every 7th day after, for a month'
dropj > j.tsv
rules 'trend	touch	drop	{days} {since}'
each 2026-11-18 30 -f r.tsv j.tsv
out '2026-11-23	trend:1	3 2026-11-20
2026-11-30	trend:1	10 2026-11-20
2026-12-07	trend:1	17 2026-11-20
2026-12-14	trend:1	24 2026-11-20'
err ''
status 0
# between, the drop is in force all the same: the rule keeps quiet
for d in 2026-11-24 2026-11-29 2026-12-03 2026-12-17; do
	trend -a -d $d j.tsv | cut -f 1-3 >> alerts
done
assert '[ "$(grep -c "^2026-11-20	alex	drop$" alerts)" -eq 4 ]' "the drop is not in force: $(cat alerts)"
end

begin 'trend: one fall is one word: its gap, or a second rule, is not said again'
dropj > j.tsv
# the gap, which concerns both partners, speaks once; the drop of the
# same fall is not said after it, nor by a rule that names it again
rules 'trend	touch	gap	gap, for {who}' 'trend	touch	drop	drop {days}' \
    'trend	*	*	any {who}'
on '2026-11-23 2026-11-24 2026-11-30' -f r.tsv j.tsv
out '2026-11-23	trend:1	gap, for alex
2026-11-30	trend:1	gap, for alex'
err ''
status 0
# the drop first: then the gap is not said
rules 'trend	*	drop	drop {days}' 'trend	*	gap	gap, for {who}'
on '2026-11-23 2026-11-30' -f r.tsv j.tsv
out '2026-11-23	trend:1	drop 3
2026-11-30	trend:1	drop 10'
err ''
status 0
# -w sam: the gap concerns sam, the drop does not
on '2026-11-23' -f r.tsv -w sam j.tsv
out '2026-11-23	trend:2	gap, for alex'
err ''
status 0
end

begin 'trend: an alert that clears and returns starts over'
# touch 1 on 11-20..11-29 (the alert is off from 12-05, the days back to
# usual), then from 12-30 on: that fall is tied with the ten days of 1
# now among the usual ones, so it scores about 1.5, gains 0.75 a day and
# takes 7 days
{ steady 2026-09-01 140 alex 7 touch=1@80-89 touch=1@120-139
  steady 2026-09-01 140 sam 11; } > j.tsv
rules 'trend	affection	drop	{days} {since}'
each 2026-11-20 57 -f r.tsv j.tsv
out '2026-11-23	trend:1	3 2026-11-20
2026-11-30	trend:1	10 2026-11-20
2027-01-05	trend:1	6 2026-12-30
2027-01-12	trend:1	13 2026-12-30'
err ''
status 0
end

# alex does not check in from 11-24 until the day after $1: with no day
# of alex's in the last 7, the fall is not in force (quiet is), from 11-30
# until alex is back
silent() {
	steady 2026-09-01 120 alex 7 touch=1@80-119 talk=x@84-$1 open=x@84-$1 \
	    touch=x@84-$1 safe=x@84-$1 heard=x@84-$1 close=x@84-$1 effort=x@84-$1
	steady 2026-09-01 120 sam 11
}

begin 'trend: one or two days off do not end an alert; three do'
silent 91 > j.tsv	# back on 12-02: off on 11-30 and 12-01
rules 'trend	touch	drop	drop {days}'
each 2026-11-20 25 -f r.tsv j.tsv
out '2026-11-23	trend:1	drop 3
2026-12-07	trend:1	drop 17
2026-12-14	trend:1	drop 24'
err ''
status 0
for d in 2026-11-29 2026-11-30 2026-12-01 2026-12-02; do
	trend -a -d $d j.tsv | awk -F'\t' -v d=$d '$2 == "alex" { print d, $3 }'
done > kinds
same kinds '2026-11-29 drop
2026-11-29 gap
2026-11-30 quiet
2026-12-01 quiet
2026-12-02 drop
2026-12-02 gap'
silent 92 > j.tsv	# back on 12-03: off three days, it starts over
each 2026-11-20 25 -f r.tsv j.tsv
out '2026-11-23	trend:1	drop 3
2026-12-03	trend:1	drop 13
2026-12-10	trend:1	drop 20'
err ''
status 0
end

begin 'trend: an alert through a pause speaks on the first day after it'
dropj > j.tsv
rules 'trend	touch	drop	{days}' 'pause	2026-11-25	2026-12-02	Away.'
each 2026-11-20 23 -f r.tsv j.tsv
out '2026-11-23	trend:1	3
2026-11-25	pause:2	Away.
2026-12-03	trend:1	13
2026-12-10	trend:1	20'
err ''
status 0
end

begin 'trend: an alert that appears during a pause speaks after it'
dropj > j.tsv
rules 'pause	2026-11-21	2026-11-25	Away {days} days, back after {date}.' \
    'trend	touch	drop	{days}'
each 2026-11-20 21 -f r.tsv j.tsv
out '2026-11-21	pause:1	Away 5 days, back after 2026-11-25.
2026-11-26	trend:2	6
2026-12-03	trend:2	13
2026-12-10	trend:2	20'
err ''
status 0
end

# alex logs close 3 daily 08-01..10-31: quiet from 11-07 (7 days without
# a check-in, three times the usual gap of 1 day); it began on 11-01, the
# first day without one, and lasts while 3 check-ins are in the last 90
# days
begin 'trend: quiet speaks on its first day, not on days 2-6, again on day 7'
daily 2026-08-01 92 alex close 3 > j.tsv
rules 'trend	close	quiet	{who} quiet {days} {since}'
each 2026-11-05 18 -f r.tsv j.tsv
out '2026-11-07	trend:1	alex quiet 6 2026-11-01
2026-11-14	trend:1	alex quiet 13 2026-11-01
2026-11-21	trend:1	alex quiet 20 2026-11-01'
err ''
status 0
end

begin 'trend: quiet that a check-in clears and that returns starts over'
{ daily 2026-08-01 92 alex close 3; daily 2026-11-16 1 alex close 4; } > j.tsv
rules 'trend	close	quiet	{who} quiet {days} {since}'
each 2026-11-05 26 -f r.tsv j.tsv
out '2026-11-07	trend:1	alex quiet 6 2026-11-01
2026-11-14	trend:1	alex quiet 13 2026-11-01
2026-11-23	trend:1	alex quiet 6 2026-11-17
2026-11-30	trend:1	alex quiet 13 2026-11-17'
err ''
status 0
end

begin 'trend *: people by couple, then by name, in byte order'
# four falls of touch on 11-20, each found on 11-23: the couple of names
# without a slash first, "S" before "a"
{ steady 2026-09-01 100 b/lee 2 touch=1@80-99
  steady 2026-09-01 100 alex 11 touch=1@80-99
  steady 2026-09-01 100 Sam 21 touch=1@80-99
  steady 2026-09-01 100 b/kim 30 touch=1@80-99; } > j.tsv
rules 'every	daily	first' 'trend	*	drop	{who} {what}' 'every	daily	last'
run remind -f r.tsv -d 2026-11-23 j.tsv
out '2026-11-23	every:1	first
2026-11-23	trend:2	Sam affection
2026-11-23	trend:2	alex affection
2026-11-23	trend:2	kim affection
2026-11-23	trend:2	lee affection
2026-11-23	every:3	last'
err ''
status 0
end

# Many people of one couple (names without a slash): each alert is said
# once, by its person, with -w only that person's, and the words of one
# person never stand for another's.  300 people check in from 10-01 to
# 11-14; each one's quiet is first in force on 11-21.
begin 'trend: 300 people of one couple, each quiet said once; -w one of them'
awk 'BEGIN { for (i = 0; i < 300; i++) for (d = 1; d <= 45; d++)
	printf "2026-%s-%02dT21:00:00+01:00\tp%03d\tclose\t%d\n",
	    d <= 31 ? "10" : "11", d <= 31 ? d : d - 31, i, 1 + (i + d) % 5 }' > j.tsv
rules 'trend	*	quiet	{who}' 'trend	close	*	again {who}'
run remind -p -f r.tsv -d 2026-11-21 j.tsv
assert '[ "$(wc -l < .out)" -eq 300 ] && [ "$(sort -u .out | wc -l)" -eq 300 ]' \
    "want 300 different lines, got $(wc -l < .out), $(sort -u .out | wc -l) different"
assert '[ "$(sed -n "1p;300p" .out | tr "\n" " ")" = "p000 p299 " ]' \
    "in byte order: $(sed -n '1p;300p' .out)"
out_lacks again
err ''
status 0
run remind -p -f r.tsv -d 2026-11-21 -w p123 j.tsv
out 'p123'
run remind -p -f r.tsv -d 2026-11-22 j.tsv
out ''
end

# A quiet like the one above (alex's check-ins, here all seven scales, end
# on 10-31), first in force on 11-07, speaks 11-07 + 7k; from 01-02 it has
# held on all of the 56 days looked back on (11-07..01-01), so it speaks
# on Sundays (01-03, 01-10), not on Saturday 01-02, the 56th day.
begin 'trend: an alert older than the 56 days looked back on speaks on Sundays'
steady 2026-08-01 92 alex 7 > j.tsv
rules 'trend	*	quiet	{who} {days} {since}'
each 2026-12-20 26 -f r.tsv j.tsv
out '2026-12-26	trend:1	alex 55 2026-11-01
2027-01-03	trend:1	alex 63 2026-11-01
2027-01-10	trend:1	alex 70 2026-11-01'
err ''
status 0
end

begin 'trend: gap between partners of one couple only, said once'
# touch falls on 11-20 for smiths/alex, jones/kim and jones/lee (both of
# a couple: no gap), robin (pat, of the couple of names without a slash,
# stays) and solo/kim (no partner); smiths/sam and other/sam stay as usual
{ steady 2026-09-01 100 smiths/alex 2 touch=1@80-99
  steady 2026-09-01 100 smiths/sam 1002
  steady 2026-09-01 100 jones/kim 11 touch=1@80-99
  steady 2026-09-01 100 jones/lee 21 touch=1@80-99
  steady 2026-09-01 100 pat 1011
  steady 2026-09-01 100 robin 30 touch=1@80-99
  steady 2026-09-01 100 solo/kim 34 touch=1@80-99
  steady 2026-09-01 100 other/sam 1030; } > j.tsv
rules 'trend	*	gap	{who} {what} {since}'
run remind -f r.tsv -d 2026-11-23 j.tsv
out '2026-11-23	trend:1	robin affection 2026-11-20
2026-11-23	trend:1	alex affection 2026-11-20'
err ''
status 0
run remind -f r.tsv -d 2026-11-23 -w smiths/sam j.tsv
out '2026-11-23	trend:1	alex affection 2026-11-20'
err ''
status 0
run remind -f r.tsv -d 2026-11-23 -w jones/lee j.tsv
out ''
err ''
status 0
run remind -f r.tsv -d 2026-11-22 j.tsv
out ''
err ''
status 0
end

begin 'trend: a day is the mean of a scale, the sum of a count'
# touch 5 and 3 a day (mean 4), hugs 3 and 3 (sum 6) until 11-19, then
# one record of 1 a day: as of 11-23, touch (3 x 4 + 4 x 1) / 7 = 2.29
# against 4.00; hugs (3 x 6 + 4) / 7 = 3.14 against 6.00; trend * names
# the alert's first measure, hugs
{ steady 2026-09-01 90 alex 7 touch=x@0-89
  daily 2026-09-01 80 alex touch 5; daily 2026-09-01 80 alex touch 3
  daily 2026-09-01 80 alex hugs 3; daily 2026-09-01 80 alex hugs 3
  daily 2026-11-20 10 alex touch 1; daily 2026-11-20 10 alex hugs 1
  steady 2026-09-01 90 sam 11; } > j.tsv
for r in 'touch	drop	touch {last7} {base28} {change}' \
    'hugs	drop	hugs {last7} {base28} {change}' '*	drop	{what} {last7} {base28}'; do
	rules "trend	$r"
	run remind -p -f r.tsv -d 2026-11-23 j.tsv
	cat .out >> all
	[ -s .err ] && fail "$(cat .err)"
done
same all 'touch 2.29 4.00 -1.71
hugs 3.14 6.00 -2.86
affection 3.14 6.00'
status 0
end

begin 'trend: a pillar, a measure or * addresses an alert; * is every kind'
# alex's affection falls (touch), sam's closeness (close and effort):
# two drops, each with its gap, said once a fall
{ steady 2026-09-01 100 alex 7 touch=1@80-99
  steady 2026-09-01 100 sam 11 close=1@80-99 effort=1@80-99; } > j.tsv
l7=$(mean j.tsv sam effort 2026-11-17 2026-11-23 2)
# each rule alone: what it addresses
for r in 'affection	drop	A {who} {what}' 'affection	*	B {who} {what}' \
    '*	*	C {who} {what}' 'effort	drop	D {who} {what} {last7}' \
    'touch	gap	E {who} {what}' '*	gap	F {who} {what}' 'dialogue	*	G {who}' \
    'talk	*	H {who}' 'closeness	gap	I {who} {what}' 'close	declining	J {who}'; do
	rules "trend	$r"
	run remind -p -f r.tsv -d 2026-11-23 j.tsv
	cat .out >> all
	[ -s .err ] && fail "$(cat .err)"
done
same all "A alex affection
B alex affection
C alex affection
C sam closeness
D sam closeness $l7
E alex affection
F alex affection
F sam closeness
I sam closeness"
# together, a fall that one rule said is not said by a later one
rules 'trend	affection	drop	A {who} {what}' 'trend	affection	*	B {who} {what}' \
    'trend	*	*	C {who} {what}' 'trend	closeness	gap	I {who} {what}'
run remind -f r.tsv -d 2026-11-23 j.tsv
out '2026-11-23	trend:1	A alex affection
2026-11-23	trend:3	C sam closeness'
err ''
status 0
trend -a -d 2026-11-23 j.tsv | cut -f 1-4 > alerts
same alerts 'since	who	kind	measures
2026-11-20	alex	drop	touch
2026-11-20	alex	gap	close,effort
2026-11-20	alex	gap	touch
2026-11-20	sam	drop	close,effort
2026-11-20	sam	gap	close,effort
2026-11-20	sam	gap	touch'
end

begin 'the demo journal: sam swinging, weekly; then alex's fall, in one word'
# tests/example.tsv (gen -D): sam's answers swing from 10-26, found on
# 10-30; alex's affection drops from 11-16, found on 11-20, and sam's is
# as usual: the built-in gap rule, first in file order, says that fall
each 2026-10-20 38 "$top/tests/example.tsv"
awk -F'\t' '$2 ~ /^trend:/ { m = $3; sub(/:.*/, "", m); print $1 "\t" $2 "\t" m }' .out > said
awk -F'\t' '$2 ~ /^trend:/' .out | sed 's/.*[.] //' | sort -u > warm
same said "2026-10-30	trend:6	Since 26 Oct, sam's answers have been swinging more than usual
2026-11-06	trend:6	Since 26 Oct, sam's answers have been swinging more than usual
2026-11-13	trend:6	Since 26 Oct, sam's answers have been swinging more than usual
2026-11-20	trend:3	Since 16 Nov, affection has dropped for alex but not for sam"
same warm 'Go easy on each other, and ask what is going on.
It may be worth asking each other how it has really been.'
err ''
status 0
end

begin 'trend: no alert without a usual; quiet needs none'
# 40 days of check-ins, touch 1 over the last 10: fewer than 20 usual days
steady 2026-10-17 40 alex 7 touch=1@30-39 > j.tsv
rules 'trend	*	*	{who} {why}'
run remind -f r.tsv -d 2026-11-25 j.tsv
out ''
err ''
status 0
run remind -f r.tsv -d 2026-12-02 j.tsv
out '2026-12-02	trend:1	alex alex has not checked in since 25 Nov (7 days), after checking in most days.'
err ''
status 0
end

begin 'trend rules: a bad kind of alert or measure is named'
rules 'trend	touch	sinking	x' 'trend	Affection	drop	x' 'trend	walks	drop	x' \
    'trend	*	Drop	x' 'trend	**	drop	x' 'trend	*	drop,gap	x' \
    'trend	affection	*	{why} {since}' 'every	daily	{why}' 'since	talk	3d	{since}' \
    'trend	*	*' 'trend	talk_min	quiet	{who} {why}'
W='want declining, drop, volatile, quiet, gap, or *'
M='want a measure, a pillar (dialogue, affection, safety, closeness) or *'
run remind -f r.tsv /dev/null
out ''
err "remind: r.tsv:1: unknown kind of alert \"sinking\": $W
remind: r.tsv:2: bad measure \"Affection\": $M
remind: r.tsv:3: no question bank defines the measure \"walks\"
remind: r.tsv:4: unknown kind of alert \"Drop\": $W
remind: r.tsv:5: bad measure \"**\": $M
remind: r.tsv:6: unknown kind of alert \"drop,gap\": $W
remind: r.tsv:8: an every rule cannot fill {why}
remind: r.tsv:9: a since rule cannot fill {since}
remind: r.tsv:10: a field is missing: a trend rule has the fields trend, measure or pillar or *, kind of alert or *, message"
status 1
rules 'trend	affection	*	{why} {since}' 'trend	talk_min	quiet	{who} {why}' \
    'trend	*	*	{what} {last7} {base28} {change} {days} {weeks} {date} {prompt}'
run remind -l -f r.tsv
out 'trend	affection	*	{why} {since}
trend	talk_min	quiet	{who} {why}
trend	*	*	{what} {last7} {base28} {change} {days} {weeks} {date} {prompt}
# the rules of r.tsv'
err ''
status 0
end

# dropj, with jo (of another couple) silent since 11-16 and a call of
# sam's on 11-20: as of 11-23 a rule of each kind speaks (but the gap's,
# as the drop of the same fall was said)
pj() {
	dropj
	steady 2026-09-01 77 q/jo 1034
	printf '2026-11-20T20:00:00+01:00\tsam\tcall_min\t30\n'
}
cat > p.tsv <<'X'
every	daily	E {date}
since	call_min	2d	S {days} {what}
target	call_min	60/w	T {sum} of {target}
trend	*	drop	D {who} {days}
trend	*	gap	G {who} {what}
trend	*	quiet	Q {who} {since}
trend	*	volatile	V {who}
date	2026-12-10	in {days} days
yearly	2019-11-23	{years} years
pause	2026-11-24	2026-11-25	away {days} days until {date}
X

begin 'remind -p: the message alone, for every kind of rule'
pj > j.tsv
cp "$tmproot/p.tsv" .
run remind -p -f p.tsv -d 2026-11-23 j.tsv
out 'E 2026-11-23
S 3 call_min
T 30 of 60
D alex 3
Q jo 2026-11-17
in 17 days
7 years'
err ''
status 0
cp .out plain
run remind -f p.tsv -d 2026-11-23 j.tsv
err ''
status 0
assert '[ "$(cut -f 3- .out)" = "$(cat plain)" ]' 'without -p, not the same messages'
assert '[ "$(cut -f 1-2 .out | tr "\n" " ")" = "2026-11-23	every:1 2026-11-23	since:2 2026-11-23	target:3 2026-11-23	trend:4 2026-11-23	trend:6 2026-11-23	date:8 2026-11-23	yearly:9 " ]' "the rules that spoke: $(cut -f 2 .out | tr '\n' ' ')"
run remind -p -f p.tsv -d 2026-11-24 j.tsv
out 'in 16 days
away 2 days until 2026-11-25'
err ''
status 0
run remind -p -w q/jo -f p.tsv -d 2026-11-23 j.tsv
out 'E 2026-11-23
Q jo 2026-11-17
in 17 days
7 years'
err ''
status 0
end

begin 'remind -p escapes as the columns do'
printf 'every\tdaily\tHi \033[31mred \377\n' > r.tsv
run remind -p -f r.tsv /dev/null
out 'Hi \x1b[31mred \xff'
err ''
status 0
end

# --- date, yearly, pause --------------------------------------------------------

begin 'date: counts down over 30 days, then the day itself'
rules 'date	2027-01-10	{days} {weeks} {date}'
each 2026-12-10 33 -f r.tsv /dev/null
# 12-10 is 31 days before; 12-11 is 30 ... 01-10 is 0; 01-11 is after
dates 2026-12-11 31 | awk '{ d = 30 - NR + 1
	printf "%s\tdate:1\t%d %d 2027-01-10\n", $0, d, int(d / 7) }' > want
out_file want
err ''
status 0
end

begin 'date: a lead of its own, and 0d for the day only'
rules 'date	2027-01-10	60d	L {days}' 'date	2027-01-10	0d	Z {days}' \
    'date	2027-01-10	1w	W {days}'
each 2026-11-10 2 -f r.tsv /dev/null
out '2026-11-11	date:1	L 60'
status 0
each 2027-01-02 10 -f r.tsv /dev/null
out '2027-01-02	date:1	L 8
2027-01-03	date:1	L 7
2027-01-03	date:3	W 7
2027-01-04	date:1	L 6
2027-01-04	date:3	W 6
2027-01-05	date:1	L 5
2027-01-05	date:3	W 5
2027-01-06	date:1	L 4
2027-01-06	date:3	W 4
2027-01-07	date:1	L 3
2027-01-07	date:3	W 3
2027-01-08	date:1	L 2
2027-01-08	date:3	W 2
2027-01-09	date:1	L 1
2027-01-09	date:3	W 1
2027-01-10	date:1	L 0
2027-01-10	date:2	Z 0
2027-01-10	date:3	W 0'
err ''
status 0
end

begin 'yearly: from the first anniversary on'
rules 'yearly	2019-06-14	{years} years together ({date})'
for d in 2019-06-14 2019-06-15 2020-06-14 2026-06-13 2026-06-14 2026-06-15; do
	run remind -f r.tsv -d $d /dev/null
	cat .out >> all
done
same all '2020-06-14	yearly:1	1 years together (2019-06-14)
2026-06-14	yearly:1	7 years together (2019-06-14)'
status 0
end

begin 'yearly: 29 February on the 28th in common years'
rules 'yearly	2024-02-29	leap {years}'
each 2025-02-27 3 -f r.tsv /dev/null
out '2025-02-28	yearly:1	leap 1'
status 0
each 2028-02-27 4 -f r.tsv /dev/null
out '2028-02-29	yearly:1	leap 4'
err ''
status 0
end

begin 'pause: silences every, since, target, trend; date and yearly speak'
# alex: close daily until 10-31, talk and a call on 11-20, then nothing:
# quiet from 11-07 until 11-20 clears it, and again from 11-27 (since
# 11-21), in the pause; sam checks in every day, so since and target speak
daily 2026-08-01 92 alex close 3 > j.tsv
printf '2026-11-20\talex\ttalk\t3\n2026-11-20\talex\tcall_min\t5\n' >> j.tsv
daily 2026-08-01 121 sam close 3 >> j.tsv
rules 'every	daily	every' 'since	talk	1d	since {days}' \
    'target	call_min	10/d	target' 'trend	close	quiet	quiet {days}' \
    'date	2026-12-01	date {days}' 'yearly	2020-11-27	yearly {years}' \
    'pause	2026-11-26	2026-11-28	Away {days} days until {date}.'
each 2026-11-25 5 -f r.tsv j.tsv
# on 11-25 alex is not quiet (5 days); 11-29 is the first day after the
# pause the quiet of 11-27 lasted through: 8 days since 11-21
out '2026-11-25	every:1	every
2026-11-25	since:2	since 5
2026-11-25	target:3	target
2026-11-25	date:5	date 6
2026-11-26	date:5	date 5
2026-11-26	pause:7	Away 3 days until 2026-11-28.
2026-11-27	date:5	date 4
2026-11-27	yearly:6	yearly 6
2026-11-28	date:5	date 3
2026-11-29	every:1	every
2026-11-29	since:2	since 9
2026-11-29	target:3	target
2026-11-29	trend:4	quiet 8
2026-11-29	date:5	date 2'
err ''
status 0
end

begin 'pause: overlapping pauses each say their first day; a one-day pause'
rules 'every	daily	e' 'pause	2026-11-24	2026-11-26	A' 'pause	2026-11-25	2026-11-25	B {days}'
each 2026-11-23 5 -f r.tsv /dev/null
out '2026-11-23	every:1	e
2026-11-24	pause:2	A
2026-11-25	pause:3	B 1
2026-11-27	every:1	e'
err ''
status 0
end

# --- bad rules ------------------------------------------------------------------

# (line 22 of the rules ends with a tab: an empty message)
begin 'bad rules: every bad line named, no reminder, exit 1'
cat > r.tsv <<'X'
# every line below but the last is wrong
evry	daily	x
every daily Hello
date	2026-02-30	x
pause	2026-12-20	2026-12-19	x
since	talk=>4	3d	x
since	talk>=4	3x	x
since	talk>=4	x
every	daily	{foo}
yearly	2019-06-14	{days}
target	call_min	480	x
trend	touch	sinking	x
since	tlak	3d	x
every	fortnightly	x
every	mon,,tue	x
every	monthly 32	x
date	2027-01-10	soon	x
every	daily	{who}
since	talk	3d	{who}
every	daily	a { b
every	daily	a } b
every	daily	
trend	Touch	drop	x
every	daily	x	y
since	talk<>3	1d	x
since	talk>=	1d	x
since	talk	0d	x
every	0d from 2026-01-01	x
target	call_min	-5/w	x
pause	2026-12-20	x
pause	2026-12-20	2027-13-01	x
every	daily	{days
target	call_min	480/w	{last7}
every	daily	fine
X
run remind -f r.tsv /dev/null
out ''
err 'remind: r.tsv:2: unknown kind of rule "evry": want every, since, target, trend, date, yearly or pause
remind: r.tsv:3: unknown kind of rule "every daily Hello" (the fields of a rule are separated by tabs)
remind: r.tsv:4: bad date "2026-02-30": no such date
remind: r.tsv:5: the pause ends before it starts
remind: r.tsv:6: bad comparison "talk=>4": want >=, <=, >, < or = and a number, like talk>=4
remind: r.tsv:7: bad age "3x": want days or weeks, like 3d or 2w
remind: r.tsv:8: a field is missing: a since rule has the fields since, measure, age, message
remind: r.tsv:9: unknown placeholder {foo}
remind: r.tsv:10: a yearly rule cannot fill {days}
remind: r.tsv:11: bad target "480": want an amount a week or a day, like 480/w or 30/d
remind: r.tsv:12: unknown kind of alert "sinking": want declining, drop, volatile, quiet, gap, or *
remind: r.tsv:13: no question bank defines the measure "tlak"
remind: r.tsv:14: bad schedule: want daily, weekdays like mon,thu, monthly DD or Nd from DATE
remind: r.tsv:15: bad schedule: want daily, weekdays like mon,thu, monthly DD or Nd from DATE
remind: r.tsv:16: bad schedule: want a day of the month after monthly, like monthly 15
remind: r.tsv:17: bad lead "soon": want days or weeks, like 60d or 8w
remind: r.tsv:18: an every rule cannot fill {who}
remind: r.tsv:19: {who} in a since rule needs -w: without it the rule counts everyone'\''s records
remind: r.tsv:20: a { that opens no placeholder (write {{ for a brace)
remind: r.tsv:21: a lone } in the message (write }} for a brace)
remind: r.tsv:22: the message is empty
remind: r.tsv:23: bad measure "Touch": want a measure, a pillar (dialogue, affection, safety, closeness) or *
remind: r.tsv:24: too many fields: an every rule has the fields every, when, message
remind: r.tsv:25: bad comparison "talk<>3": want >=, <=, >, < or = and a number, like talk>=4
remind: r.tsv:26: bad comparison "talk>=": want >=, <=, >, < or = and a number, like talk>=4
remind: r.tsv:27: bad age "0d": want days or weeks, like 3d or 2w
remind: r.tsv:28: bad schedule: want a number of days and a date, like 14d from 2026-11-29
remind: r.tsv:29: bad target "-5/w": want an amount a week or a day, like 480/w or 30/d
remind: r.tsv:30: a field is missing: a pause rule has the fields pause, first day, last day, message
remind: r.tsv:31: bad date "2027-13-01": no such date
remind: r.tsv:32: a { that opens no placeholder (write {{ for a brace)
remind: r.tsv:33: a target rule cannot fill {last7}'
status 1
end

begin 'one bad rule among due ones: nothing is sent'
rules 'every	daily	due' 'date	2026-11-26	due too' 'yearly	2019-06-31	x'
run remind -f r.tsv /dev/null
out ''
err 'remind: r.tsv:3: bad date "2019-06-31": no such date'
status 1
end

begin 'a rule longer than 64 KiB is a bad rule'
awk 'BEGIN { printf "every\tdaily\t"; for (i = 0; i < 70000; i++) printf "x"; print "" }' > r.tsv
printf 'every\tdaily\tshort\n' >> r.tsv
run remind -f r.tsv /dev/null
out ''
err 'remind: r.tsv:1: the line is longer than 64 KiB'
status 1
end

begin 'control characters in rules are escaped, in reminders and in -l'
printf 'every\tdaily\tHi \033[31mred\033[0m \302\205 \377 end\r\n' > r.tsv
run remind -f r.tsv /dev/null
out '2026-11-26	every:1	Hi \x1b[31mred\x1b[0m \xc2\x85 \xff end'
err ''
status 0
run remind -l -f r.tsv
out 'every	daily	Hi \x1b[31mred\x1b[0m \xc2\x85 \xff end
# the rules of r.tsv'
err ''
status 0
printf '\033]0;x\007\tdaily\tx\n' > r.tsv
run remind -f r.tsv /dev/null
out ''
err 'remind: r.tsv:1: unknown kind of rule "\x1b]0;x\x07": want every, since, target, trend, date, yearly or pause'
status 1
end

begin 'bad journal records are named and skipped; the rest still counts'
{ echo '#time	who	what	value	note'
  printf '2026-11-20\talex\ttalk\t4\n'
  printf 'garbage\n'
  printf '2026-11-25\talex\ttalk\tfour\n'
  printf '2026-11-24\tal\033x\ttalk\t4\n'
  printf '2026-11-25\talex\tclose\t4\n'; } > j.tsv
rules 'since	talk>=4	3d	{days} days'
run remind -f r.tsv j.tsv
out '2026-11-26	since:1	6 days'
err 'remind: j.tsv:3: want 4 or 5 tab-separated fields (time, who, what, value, note), found 1
remind: j.tsv:4: bad value "four": a value is a number like 4 or 2.5
remind: j.tsv:5: bad name "al\x1bx": a name has no spaces or control characters'
status 0
end

begin 'more than 10 bad records: a count of the rest'
{ i=0; while [ $i -lt 13 ]; do echo bad; i=$((i + 1)); done; } > j.tsv
rules 'every	daily	e'
run remind -f r.tsv j.tsv
out '2026-11-26	every:1	e'
err_has '^remind: j.tsv:10: want 4 or 5 tab-separated fields'
err_has '^remind: 3 more bad records not shown$'
assert '[ "$(wc -l < .err)" -eq 11 ]' 'want 10 named and one count'
status 0
end

begin 'a journal that cannot be read: exit 1 and no reminder'
rules 'every	daily	e'
daily 2026-11-20 3 alex talk 4 > j.tsv
run remind -f r.tsv j.tsv nope.tsv
out ''
err 'remind: nope.tsv: No such file or directory'
status 1
end

begin 'the journal on standard input, and several journals together'
rules 'since	talk>=4	3d	{days} days' 'target	call_min	100/d	{sum}'
printf '2026-11-20\talex\ttalk\t4\n2026-11-26\talex\tcall_min\t30\n' > a.tsv
printf '2026-11-21\tsam\ttalk\t5\n2026-11-26\tsam\tcall_min\t40\n' > b.tsv
input_file a.tsv
run remind -f r.tsv
out '2026-11-26	since:1	6 days
2026-11-26	target:2	30'
err ''
status 0
input_file b.tsv
run remind -f r.tsv a.tsv -
out '2026-11-26	since:1	5 days
2026-11-26	target:2	70'
err ''
status 0
end

begin 'a measure no bank defines is a bad rule; a user bank can define it'
rules 'since	walks	2d	{days} days'
printf '2026-11-20\talex\twalks\t1\n' > j.tsv
run remind -f r.tsv -d 2026-11-22 j.tsv
out ''
err 'remind: r.tsv:1: no question bank defines the measure "walks"'
status 1
printf 'more\twalks\tcount\t0\t-\thigh\tHow many walks together today?\n' > bank.tsv
HEARTH_BANK=bank.tsv run remind -f r.tsv -d 2026-11-22 j.tsv
out '2026-11-22	since:1	2 days'
err ''
status 0
end

begin '-l checks the rules as a run would: {who} in since needs -w'
rules 'since	talk	3d	{who}: {days} days'
run remind -l -f r.tsv
out ''
err "remind: r.tsv:1: {who} in a since rule needs -w: without it the rule counts everyone's records"
status 1
run remind -l -f r.tsv -w sam
out 'since	talk	3d	{who}: {days} days
# the rules of r.tsv'
err ''
status 0
end

# --- a simulated month -----------------------------------------------------
#
# alex and sam, apart until a reunion on 2027-01-10, log daily from 10-01:
# - talk: alex 4 (deep) every other day until November, then in December
#   on the 1st, 2nd, 7th, 9th, 11th, 13th, 17th and every odd day after;
#   sam always 3.  Three days without a deep talk: 12-05, 12-06, 12-16.
# - touch: sam 4; alex 4 until 12-08, then 1.  69 days of 4 make alex's
#   usual (all tied: each scores 0, so the CUSUM stays at 0); a 1 is below
#   every usual day, scores about 2.1 and counts 2: the CUSUM gains 1.25 a
#   day and reaches 5 on 12-12, the fourth day, and the drop began on
#   12-09.  sam's touch is as usual: a gap, the same days, but the drop
#   rule said that fall first, so the gap rule keeps quiet.  The drop
#   speaks on 12-12 and 12-19, then the pause; on 12-12 last7 is
#   (3 x 4 + 4) / 7 = 2.29 against 4.00, on 12-19 1.00 against 100 / 28 =
#   3.57 (four 1s).
# - call_min: sam logs 70 a day (490 a week), but not on 12-03: the
#   7 days from 12-03 to 12-09 hold 420, under 480.
# - stamps at +01:00 and -05:00: each record's day is the date written.
# The holidays pause from 12-20 silences all but the reunion countdown
# (from 12-11, 30 days before) and the pause's own first day.

month_journal() {
	dates 2026-10-01 92 | awk '
	{	d = $0; day = substr(d, 9, 2) + 0; dec = substr(d, 6, 2) == "12"
		deep = dec ? (day <= 2 || day == 7 || (day >= 9 && day <= 13 && day % 2) ||
		    (day >= 17 && day % 2)) : NR % 2
		printf "%sT21:00:00+01:00\talex\ttalk\t%d\n", d, deep ? 4 : 3
		printf "%sT21:00:00+01:00\talex\ttouch\t%d\n", d, (dec && day >= 9 ? 1 : 4)
		printf "%sT21:30:00-05:00\tsam\ttalk\t3\n", d
		printf "%sT21:30:00-05:00\tsam\ttouch\t4\n", d
		if (d != "2026-12-03")
			printf "%sT21:30:00-05:00\tsam\tcall_min\t70\n", d
	}'
}

begin 'a simulated month: December for a couple apart'
month_journal > journal.tsv
cat > remind.tsv <<'X'
# our reminders (README style)
every	sun	Weekly check-in tonight: ask -s weekly | log >> journal.tsv
since	talk>=4	3d	{days} days since a deep talk. Tonight: {prompt}
target	call_min	480/w	Video calls in the last 7 days: {sum} of {target} minutes.
trend	touch	drop	Affection dropped: {last7} this week against {base28}.
trend	affection	gap	{why} Ask {who} how it has been.
date	2027-01-10	Reunion in {days} days.
yearly	2019-12-05	{years} years together today.
pause	2026-12-20	2027-01-03	Apart for the holidays.
X
each 2026-12-01 31 -f remind.tsv journal.tsv
V='Video calls in the last 7 days: 420 of 480 minutes.'
{ cat <<X
2026-12-03	target:4	$V
2026-12-04	target:4	$V
2026-12-05	since:3	3 days since a deep talk. Tonight: $(ask -p -d 2026-12-05)
2026-12-05	target:4	$V
2026-12-05	yearly:8	7 years together today.
2026-12-06	every:2	Weekly check-in tonight: ask -s weekly | log >> journal.tsv
2026-12-06	since:3	4 days since a deep talk. Tonight: $(ask -p -d 2026-12-06)
2026-12-06	target:4	$V
2026-12-07	target:4	$V
2026-12-08	target:4	$V
2026-12-09	target:4	$V
2026-12-11	date:7	Reunion in 30 days.
2026-12-12	trend:5	Affection dropped: 2.29 this week against 4.00.
2026-12-12	date:7	Reunion in 29 days.
2026-12-13	every:2	Weekly check-in tonight: ask -s weekly | log >> journal.tsv
2026-12-13	date:7	Reunion in 28 days.
2026-12-14	date:7	Reunion in 27 days.
2026-12-15	date:7	Reunion in 26 days.
2026-12-16	since:3	3 days since a deep talk. Tonight: $(ask -p -d 2026-12-16)
2026-12-16	date:7	Reunion in 25 days.
2026-12-17	date:7	Reunion in 24 days.
2026-12-18	date:7	Reunion in 23 days.
2026-12-19	trend:5	Affection dropped: 1.00 this week against 3.57.
2026-12-19	date:7	Reunion in 22 days.
2026-12-20	date:7	Reunion in 21 days.
2026-12-20	pause:9	Apart for the holidays.
X
  dates 2026-12-21 11 | awk '{ printf "%s\tdate:7\tReunion in %d days.\n", $0, 21 - NR }'
} > want
out_file want
err ''
status 0
# the gap is in force all the same: the drop rule said that fall
assert '[ "$(trend -a -d 2026-12-12 journal.tsv | cut -f 2,3 | grep -c "	gap$")" -eq 2 ]' \
    "no gap on 12-12: $(trend -a -d 2026-12-12 journal.tsv)"
end

begin '-d takes today, yesterday and a whole time stamp (its written date)'
rules 'every	daily	{date}'
on 'yesterday today 2026-12-01T23:59:00-11:00' -f r.tsv /dev/null
out '2026-11-25	every:1	2026-11-25
2026-11-26	every:1	2026-11-26
2026-12-01	every:1	2026-12-01'
err ''
status 0
end

begin 'a NUL byte in a rule is a bad rule'
printf 'every\tdaily\ta\000b\n' > r.tsv
run remind -f r.tsv /dev/null
out ''
err 'remind: r.tsv:1: a NUL byte in the rule'
status 1
end

begin 'remind -l > file makes a rules file that says the same, numbered the same'
runsh 'remind -l > mine.tsv && remind -l -f mine.tsv'
out "$(remind -l | sed '$d')
# the rules of mine.tsv"
err ''
status 0
run remind -f mine.tsv -d 2026-11-29 /dev/null
out '2026-11-29	every:1	Sunday: time for the state of us. Days you both checked in this week: 0 of 7. Tonight, each of you: ask -s weekly | log -a /dev/null'
err ''
status 0
printf 'every\tdaily\ta\n\n# b\nevery\tdaily\tb\n' > r.tsv
runsh 'remind -l -f r.tsv > mine.tsv && remind -f mine.tsv /dev/null'
out '2026-11-26	every:1	a
2026-11-26	every:4	b'
err ''
status 0
end

# The crontab lines of remind(1)'s EXAMPLES, run as cron runs them: sh -c
# with PATH=/usr/bin:/bin, HOME and little else, after
# "make install PREFIX=$HOME/.local".  Each must find remind, read the
# journal, and say on a Sunday what a person reads in a mail (no TSV).
begin 'the cron lines of remind(1) work under cron'"'"'s bare environment'
mkdir -p .local/bin us
ln -s "$top/bin/remind" .local/bin/remind
printf '2026-11-28T20:00:00+01:00\tsam\ttouch\t4\n' > us/journal.tsv
awk '/^\.Bd -literal/ { env = "" }
    /^[A-Z_]+=[^ ]*$/ { env = env " " $0 }
    /^[0-9*][0-9*,\/-]* +[0-9*][0-9*,\/-]* +[0-9*][0-9*,\/-]* +[0-9*][0-9*,\/-]* +[0-9*][0-9*,\/-]* / {
	sub(/^[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ +[^ ]+ +/, ""); print ":" env "\t" $0 }' \
    "$top/man/remind.1" > cron
assert '[ "$(wc -l < cron)" -ge 2 ]' "the crontab lines were not found: $(cat cron)"
while IFS="$TAB" read -r vars cmd; do
	runsh "env -i HOME='$T' LOGNAME=sam SHELL=/bin/sh PATH=/usr/bin:/bin TZ=UTC0 \
	    HEARTH_NOW=2026-11-29T19:00:00+01:00 ${vars#:} sh -c '$cmd'"
	err ''
	status 0
	out_has '^Sunday: .* log -a ~/us/journal\.tsv$'
	out_lacks "$TAB"
	[ -n "$failed" ] && { fail "in: $cmd"; break; }
done < cron
end

if [ -w /dev/full ]; then	# Linux: a disk that is always full
begin 'an output error is an error'
rules 'every	daily	e'
runsh 'remind -f r.tsv /dev/null > /dev/full'
out ''
err 'remind: stdout: No space left on device'
status 1
end
fi

# A rules file is data of a sane size: never a device, a pipe with no
# writer, or more than 1 MiB (it would read forever, block, or fill memory).
begin 'a rules file that is a device, a pipe or over 1 MiB is refused at once'
mkfifo fifo
head -c 1100000 /dev/zero | tr '\0' '#' > big.tsv
runsh 'for f in /dev/zero fifo big.tsv; do timeout 10 remind -l -f $f; echo "rc=$?"; done'
out 'rc=1
rc=1
rc=1'
err 'remind: /dev/zero: a rules file is a plain file, and this is a device
remind: fifo: a rules file is a plain file, and this is a pipe
remind: big.tsv: a rules file is at most 1 MiB, and this one has 1100000 bytes'
status 0
# the default place too, and trend -c, which reads its pauses, does not wait
mkdir -p .config/hearth && mkfifo .config/hearth/remind.tsv
printf '2026-11-26\talex\ttouch\t4\n' > j.tsv
runsh 'timeout 10 remind j.tsv; echo "rc=$?"; timeout 10 trend -c j.tsv > /dev/null; echo "rc=$?"'
out 'rc=1
rc=0'
err_has 'remind: .*/\.config/hearth/remind\.tsv: a rules file is a plain file, and this is a pipe'
end
