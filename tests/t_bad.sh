#!/bin/sh
# t_bad.sh - the bad-input corpus: what every program does with input that
# is wrong, broken, hostile or simply odd.
#
# Writers (log, ask) refuse bad input whole: the exact message naming the
# line, exit 1, nothing on stdout and, for log -a, a journal byte-identical
# to before.  Readers (trend, remind) name bad records and go on, and the
# good records around them still count.  Anything echoed from the input
# shows its control characters escaped (\x1b), never raw.  Multi-line data
# is in tests/bad/; big inputs are made here, never committed.  Every
# expected figure was worked out by hand from the data (see the comments).
. "$top/tests/lib.sh"

H='#time	who	what	value	note'
BAD=$top/tests/bad
J0="$H
2026-11-25T20:00:00+01:00	alex	touch	3	"
REFUSED='log: 1 bad line: nothing was written'

# A journal that must not change, and a copy to compare it with.
journal() { printf '%s\n' "$J0" > j.tsv && chmod 600 j.tsv && cp j.tsv j.before; }
unchanged() { assert 'cmp -s j.tsv j.before' 'the journal changed'; }

# log_bad NAME INPUT MESSAGE: `log -a` refuses a one-line batch (INPUT is
# a printf format) with "log: stdin:1: MESSAGE".
log_bad() {
	begin "log refuses $1"
	journal
	printf "$2" > in
	input_file in
	run log -a j.tsv
	out ''
	err "log: stdin:1: $3
$REFUSED"
	status 1
	unchanged
	end
}

# --- log: field counts and empty fields

log_bad 'a line of one field' 'touch\n' \
    'want an answer (what, value, note) or a record (time, who, what, value, note), found 1 field'
log_bad 'a line of four fields' 'touch\t4\tnote\tmore\n' \
    'want an answer (what, value, note) or a record (time, who, what, value, note), found 4 fields'
log_bad 'a record of six fields' '2026-11-26T21:04:00+01:00\talex\ttouch\t4\tnote\tmore\n' \
    'want an answer (what, value, note) or a record (time, who, what, value, note), found 6 fields'
log_bad 'an empty measure' '\t4\n' 'the measure is empty'
log_bad 'an empty value' 'touch\t\n' 'bad value "" for touch: the value is empty'
log_bad 'a record with an empty time' '\talex\ttouch\t4\t\n' 'the time is empty'
log_bad 'a record with an empty name' '2026-11-26T21:04:00+01:00\t\ttouch\t4\t\n' 'the name is empty'

# --- log: impossible dates, times and offsets

log_bad 'the 30th of February' '2026-02-30T21:00:00+01:00\talex\ttouch\t4\t\n' \
    'bad time "2026-02-30T21:00:00+01:00": no such date'
log_bad 'the 29th of February in a common year' '2027-02-29\talex\ttouch\t4\t\n' \
    'bad time "2027-02-29": no such date'
log_bad 'month 13' '2026-13-01\talex\ttouch\t4\t\n' 'bad time "2026-13-01": no such date'
log_bad '24:00' '2026-11-26T24:00:00+01:00\talex\ttouch\t4\t\n' \
    'bad time "2026-11-26T24:00:00+01:00": no such time of day'
log_bad 'minute 60' '2026-11-26T23:60:00+01:00\talex\ttouch\t4\t\n' \
    'bad time "2026-11-26T23:60:00+01:00": no such time of day'
log_bad 'a leap second' '2026-12-31T23:59:60Z\talex\ttouch\t4\t\n' \
    'bad time "2026-12-31T23:59:60Z": no such time of day'
log_bad 'an offset of +25:00' '2026-11-26T21:00:00+25:00\talex\ttouch\t4\t\n' \
    'bad time "2026-11-26T21:00:00+25:00": no such offset'
log_bad 'a time without an offset' '2026-11-26T21:00:00\talex\ttouch\t4\t\n' \
    'bad time "2026-11-26T21:00:00": want an offset like +01:00 or Z'
log_bad 'a date written the other way' '26/11/2026\talex\ttouch\t4\t\n' \
    'bad time "26/11/2026": not a date like 2026-11-26'

# --- log: numbers

log_bad 'an exponent' 'touch\t1e3\n' 'touch takes a whole number from 1 to 5, not "1e3"'
log_bad 'nan' 'touch\tnan\n' 'touch takes a whole number from 1 to 5, not "nan"'
log_bad 'inf' 'talk_min\tinf\n' 'talk_min takes a whole number from 0 to 1440, not "inf"'
log_bad 'twenty digits' 'hugs\t99999999999999999999\n' \
    'hugs takes a whole number of 0 or more, not "99999999999999999999"'
log_bad 'a decimal comma' 'touch\t4,5\n' 'touch takes a whole number from 1 to 5, not "4,5"'
log_bad 'a plus sign' 'touch\t+4\n' 'touch takes a whole number from 1 to 5, not "+4"'
log_bad 'a value with a space' 'touch\t 4\n' 'touch takes a whole number from 1 to 5, not " 4"'
log_bad 'a scale answer above its range' 'touch\t6\n' 'touch takes a whole number from 1 to 5, not "6"'
log_bad 'a scale answer below its range' 'touch\t0\n' 'touch takes a whole number from 1 to 5, not "0"'
log_bad '4.0 for a scale' 'touch\t4.0\n' 'touch takes a whole number from 1 to 5, not "4.0"'
log_bad 'more minutes than a day has' 'talk_min\t1441\n' \
    'talk_min takes a whole number from 0 to 1440, not "1441"'
log_bad 'a negative count' 'hugs\t-1\n' 'hugs takes a whole number of 0 or more, not "-1"'
log_bad 'a yes/no of 2' 'checkin\t2\n' 'checkin takes 1 (yes) or 0 (no), not "2"'
log_bad 'a text answer valued 2' 'gratitude\t2\tthe tea\n' \
    'gratitude is a text answer: its value is 1 and the answer goes in the note, not "2"'
log_bad 'a text answer with no text' 'gratitude\t1\n' \
    'gratitude is a text answer: the answer goes in the note, and it is empty'

# --- log: measures, names, notes, bytes

log_bad 'a measure no bank defines' 'toutch\t4\n' \
    'unknown measure "toutch": no question bank defines it (see ask -l)'
log_bad 'a capitalised measure' 'Touch\t4\n' 'bad measure "Touch": a measure name starts with a letter a-z'
log_bad 'an escape in a measure' 't\033ouch\t4\n' \
    'bad measure "t\x1bouch": a measure name has only a-z, 0-9 and _'
log_bad 'an escape sequence in a name' '2026-11-26\tb\033[2Jx\ttouch\t4\t\n' \
    'bad name "b\x1b[2Jx": a name has no spaces or control characters'
log_bad 'a name that is not UTF-8' '2026-11-26\t\377\ttouch\t4\t\n' 'bad name "\xff": the name is not UTF-8'
log_bad 'a name that starts with /' '2026-11-26\t/sam\ttouch\t4\t\n' \
    'bad name "/sam": a name does not start or end with /'
log_bad 'an escape in a note' 'touch\t4\tred \033[31m\n' 'a control character in the note'
log_bad 'a C1 control in a note' 'touch\t4\tnext\302\205line\n' 'a control character in the note'
log_bad 'a note that is not UTF-8' 'touch\t4\tcaf\351\n' 'the note is not UTF-8'
log_bad 'an overlong UTF-8 slash in a note' 'touch\t4\ta\300\257b\n' 'the note is not UTF-8'
log_bad 'a backslash that starts nothing' 'touch\t4\tsee \\q\n' \
    'a backslash in a note starts \\, \t, \n or \r'
log_bad 'a NUL byte' 'touch\t4\000\n' 'a NUL byte in the line'

# log looks for tabs and NULs eight bytes at a time: a NUL anywhere in a
# line of any length is found, and a tab is not taken for one
begin 'log finds a NUL at every place of answers from 3 to 40 bytes'
line='open	4	a note of some length for the test'
missed=''
for len in 3 7 8 9 15 16 17 24 40; do
	l=$(printf '%s' "$line" | cut -c1-$len)
	i=1
	while [ $i -le $len ]; do
		{ printf '%s' "$l" | head -c $((i - 1)); printf '\000'; printf '%s\n' "$l" | tail -c +$((i + 1)); } > in
		HEARTH_NOW=2026-11-26T21:04:00+01:00 "$top/bin/log" -w alex < in > /dev/null 2> e
		grep -q 'stdin:1: a NUL byte in the line' e || missed="$missed $len:$i"
		i=$((i + 1))
	done
done
assert '[ -z "$missed" ]' "missed at length:place$missed"
end
# CR-only line ends: one line, whose last CR is dropped as a CRLF's would be
log_bad 'CR-only line ends' 'touch\t4\ropen\t5\r' \
    'touch takes a whole number from 1 to 5, not "4\ropen"'

# record_parse() may remember the last good stamp: a different one of the
# same length must still be checked, and read as itself.
begin 'log refuses a bad time right after a good one of the same length'
journal
input '2026-11-24T21:04:00+01:00	alex	touch	4	
2026-02-30T21:04:00+01:00	alex	touch	4	
2026-11-24T21:04:00+01:00	alex	touch	4	
2026-11-24T21:04:00+25:00	alex	touch	4	'
run log -a j.tsv
out ''
err 'log: stdin:2: bad time "2026-02-30T21:04:00+01:00": no such date
log: stdin:4: bad time "2026-11-24T21:04:00+25:00": no such offset
log: 2 bad lines: nothing was written'
status 1
unchanged
end

begin 'log refuses a 10 MB line, and reads on to the end'
journal
dd if=/dev/zero bs=1048576 count=10 2>/dev/null | tr '\0' x > big
printf 'touch\t4\n' > in && cat big >> in && printf '\nopen\t9\n' >> in
input_file in
run log -a j.tsv
out ''
err 'log: stdin:2: the line is longer than 64 KiB
log: stdin:3: open takes a whole number from 1 to 5, not "9"
log: 2 bad lines: nothing was written'
status 1
unchanged
end

begin 'log: a line of exactly 64 KiB is read as a line, one byte more is not'
journal
dd if=/dev/zero bs=1024 count=64 2>/dev/null | tr '\0' x > in
printf '\r\n' >> in
dd if=/dev/zero bs=1024 count=64 2>/dev/null | tr '\0' x >> in
printf 'y\n' >> in
input_file in
run log -a j.tsv
out ''
err 'log: stdin:1: want an answer (what, value, note) or a record (time, who, what, value, note), found 1 field
log: stdin:2: the line is longer than 64 KiB
log: 2 bad lines: nothing was written'
status 1
unchanged
end

begin 'log names every bad line of a batch, and writes none of the good ones'
journal
input 'touch	4
open	6
# a comment is fine
talk	x

hugs	-2	sad
safe	5'
run log -a j.tsv
out ''
err 'log: stdin:2: open takes a whole number from 1 to 5, not "6"
log: stdin:4: talk takes a whole number from 1 to 5, not "x"
log: stdin:6: hugs takes a whole number of 0 or more, not "-2"
log: 3 bad lines: nothing was written'
status 1
unchanged
end

begin 'log refuses binary junk (a PNG header) line by line'
journal
input_file "$BAD/junk.png"
run log -a j.tsv
out ''
err 'log: stdin:1: want an answer (what, value, note) or a record (time, who, what, value, note), found 1 field
log: stdin:2: want an answer (what, value, note) or a record (time, who, what, value, note), found 1 field
log: stdin:3: a NUL byte in the line
log: 3 bad lines: nothing was written'
status 1
unchanged
end

# 4 KiB from a fixed Park-Miller generator: the same bytes everywhere
junk() {
	printf "$(awk 'BEGIN { x = 12345; for (i = 0; i < 4096; i++) {
		x = (x * 16807) % 2147483647; printf "\\%03o", x % 256 } }')"
}

begin 'log refuses 4 KiB of random bytes, echoing no control character raw'
journal
junk > in
input_file in
run log -a j.tsv
out ''
status 1
unchanged
assert '[ "$(wc -c < in)" -eq 4096 ]' 'the junk is not 4096 bytes'
assert '[ "$(grep -v "^log: stdin:[0-9]*: " "$T/.err" | grep -vc "^log: [0-9]* more bad lines not shown$")" -eq 1 ]' 'a message without its line'
err_has '^log: [0-9]+ bad lines: nothing was written$'
assert '[ "$(tr -d "\n\040-\176\200-\377" < "$T/.err" | wc -c)" -eq 0 ]' \
    'a control character reached stderr raw'
end

# --- log: options and operands

begin 'log -w refuses a name with an escape, shown escaped'
journal
run log -a j.tsv -w "$(printf 'a\033b')" touch 4
out ''
err 'log: bad name "a\x1bb": a name has no spaces or control characters'
status 1
unchanged
end

begin 'log -w refuses a name with a space'
journal
run log -a j.tsv -w 'alex smith' touch 4
out ''
err 'log: bad name "alex smith": a name has no spaces or control characters'
status 1
unchanged
end

begin 'log -w refuses a name of 65 bytes'
journal
run log -a j.tsv -w xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx touch 4
out ''
err 'log: bad name "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": a name has at most 64 bytes'
status 1
unchanged
end

begin 'log -t refuses 24:00'
journal
run log -a j.tsv -t 2026-11-26T24:00 touch 4
out ''
err 'log: bad time "2026-11-26T24:00" for -t: no such time of day'
status 1
unchanged
end

begin 'log -t refuses an escape, shown escaped'
journal
run log -a j.tsv -t "$(printf '2026\033[A')" touch 4
out ''
err 'log: bad time "2026\x1b[A" for -t: not a date like 2026-11-26'
status 1
unchanged
end

begin 'log refuses a note operand with an escape sequence'
journal
run log -a j.tsv touch 4 "$(printf 'red \033[31m alert')"
out ''
err 'log: a control character in the note'
status 1
unchanged
end

begin 'log refuses nan as an operand'
journal
run log -a j.tsv close nan
out ''
err 'log: close takes a whole number from 1 to 5, not "nan"'
status 1
unchanged
end

# --- log: odd but good input

begin 'log: a header in the middle of a batch is a comment'
journal
input "touch	4
$H
hugs	2"
run log -a j.tsv
out ''
err ''
status 0
same j.tsv "$J0
2026-11-26T21:04:00+01:00	alex	touch	4	
2026-11-26T21:04:00+01:00	alex	hugs	2	"
end

begin 'log: CRLF line ends are read as plain ones'
journal
printf 'touch\t4\r\nopen\t5\tfine\r\n' > in
input_file in
run log -a j.tsv
err ''
status 0
same j.tsv "$J0
2026-11-26T21:04:00+01:00	alex	touch	4	
2026-11-26T21:04:00+01:00	alex	open	5	fine"
end

begin 'log: an empty file writes nothing and creates no journal'
: > in
input_file in
run log -a new.tsv
out ''
err ''
status 0
assert '[ ! -e new.tsv ]' 'an empty batch created the journal'
end

begin 'log: comments and blank lines alone write nothing'
printf '# only a comment\n\n   \t \n%s\n' "$H" > in
input_file in
run log -a new.tsv
out ''
err ''
status 0
assert '[ ! -e new.tsv ]' 'a batch of comments created the journal'
end

# --- bad question banks (log -f, ask -f)

# bank_bad NAME LINES MESSAGE: both log -f and ask -f refuse the bank
bank_bad() {
	begin "log -f refuses a bank with $1"
	journal
	printf "$2" > q.tsv
	run log -a j.tsv -f q.tsv touch 4
	out ''
	err "log: q.tsv:$3"
	status 1
	unchanged
	end

	begin "ask -f refuses a bank with $1"
	printf "$2" > q.tsv
	input '4'
	run ask -f q.tsv
	out ''
	err "ask: q.tsv:$3"
	status 1
	end
}

bank_bad 'six fields' 'daily\tmood\tscale\t1\t5\thigh\n' \
    '1: want 7 tab-separated fields (set, what, type, lo, hi, better, text), then optionally pillar and label; found 6'
bank_bad 'an unknown type' 'daily\tmood\tpercent\t0\t100\thigh\tHow much?\n' \
    '1: the type is one of scale, yesno, count, minutes, text'
bank_bad 'a scale from 5 to 1' 'daily\tmood\tscale\t5\t1\thigh\tMood?\n' \
    '1: a scale needs whole numbers lo < hi, e.g. 1 5'
bank_bad 'lo written 1e1' 'daily\tmood\tscale\t1e1\t50\thigh\tMood?\n' '1: lo is a whole number (at most 9 digits), not "1e1"'
bank_bad 'an escape in a question' '# mine\ndaily\tmood\tscale\t1\t5\thigh\tMood \033[31m?\n' \
    '2: the text has a control character, a backslash or bad UTF-8'
bank_bad 'two lines that disagree' 'daily\tmood\tscale\t1\t5\thigh\tMood?\nweekly\tmood\tscale\t1\t7\thigh\tMood this week?\n' \
    '2: mood is defined differently on line 1'
bank_bad 'a starter with a type' 'prompt\tfears\tscale\t-\t-\t-\tWhat scares you?\n' \
    '1: a starter (set prompt) has - in type, lo, hi and better'

begin 'ask -f names a bank that is not there'
input '4'
run ask -f nosuch.tsv
out ''
err 'ask: nosuch.tsv: No such file or directory'
status 1
end

# --- ask: answers

# ask_bad NAME ANSWERS MESSAGES: a batch of answers refused whole
ask_bad() {
	begin "ask refuses $1"
	printf "$2" > in
	input_file in
	run ask
	out ''
	err "$3"
	status 1
	end
}

ask_bad 'a scale answer of 9' '9\n' 'ask: stdin:1: open takes a whole number from 1 to 5, not "9"'
ask_bad 'an exponent' '5\n1e0\n' 'ask: stdin:2: safe takes a whole number from 1 to 5, not "1e0"'
ask_bad 'an escape sequence, shown escaped' '\033[31m\n' \
    'ask: stdin:1: open takes a whole number from 1 to 5, not "\x1b[31m"'
ask_bad 'an answer that is not UTF-8' 'caf\351\n' \
    'ask: stdin:1: open takes a whole number from 1 to 5, not "caf\xe9"'
ask_bad 'CR-only line ends' '4\r5\r' 'ask: stdin:1: open takes a whole number from 1 to 5, not "4\r5"'
ask_bad 'more answers than questions' '1\n2\n3\n4\n5\n1\n2\n3\n4\n' \
    'ask: stdin:9: more answers than questions: the daily set has 8'

# --- trend: bad records are skipped, the good ones around them count

# tests/bad/mixed.tsv: good touch records on 11-24 (4), 11-25 (2) and
# 11-26 (3, CRLF); one good hugs record on 11-26 (3); a header in the
# middle; ten bad records.  touch: n 3, last7 = (4+2+3)/3 = 3.00, slope of
# 4,2,3 over three days -0.5 a day = -3.50 a week.
MIXED_ERR='mixed.tsv:3: bad time "2026-02-30": no such date
mixed.tsv:5: bad name "b\x1b[2Jx": a name has no spaces or control characters
mixed.tsv:6: bad time "2026-11-26T24:00:00Z": no such time of day
mixed.tsv:7: bad value "1e3": a value is a number like 4 or 2.5
mixed.tsv:10: a NUL byte in the line
mixed.tsv:12: bad time "2026-11-26T21:00:00+25:00": no such offset
mixed.tsv:13: the note is not UTF-8
mixed.tsv:14: bad value "NaN": a value is a number like 4 or 2.5
mixed.tsv:15: want 4 or 5 tab-separated fields (time, who, what, value, note), found more than 5
mixed.tsv:16: bad measure "Hugs": a measure name starts with a letter a-z'

begin 'trend names ten bad records, escaped, and counts the good ones'
cp "$BAD/mixed.tsv" .
run trend -d 2026-11-26 mixed.tsv
out 'who	what	n	last7	base28	change	pchange	slope	ptrend	rmssd	flags
alex	hugs	1	3.00	-	-	-	-	-	-	-
alex	touch	3	3.00	-	-	-	-3.50	-	-	-'
err "$(printf '%s\n' "$MIXED_ERR" | sed 's/^/trend: /')"
status 0
end

begin 'trend -s: the daily series of the good records only'
cp "$BAD/mixed.tsv" .
run trend -s -d 2026-11-26 mixed.tsv
out 'date	who	what	value	days
2026-11-26	alex	hugs	3.00	1
2026-11-24	alex	touch	4.00	1
2026-11-25	alex	touch	2.00	1
2026-11-26	alex	touch	3.00	1'
status 0
end

begin 'trend -s: records whose stamps have the same length keep their own days'
printf '2026-11-24T21:04:00+01:00\talex\ttouch\t4\n2026-11-25T21:04:00+01:00\talex\ttouch\t2\n2026-02-30T21:04:00+01:00\talex\ttouch\t5\n2026-11-26T09:00:00-05:00\talex\ttouch\t3\n' > same.tsv
run trend -s -d 2026-11-26 same.tsv
out 'date	who	what	value	days
2026-11-24	alex	touch	4.00	1
2026-11-25	alex	touch	2.00	1
2026-11-26	alex	touch	3.00	1'
err 'trend: same.tsv:3: bad time "2026-02-30T21:04:00+01:00": no such date'
status 0
end

# tests/bad/many-bad.tsv: sam's close on 2026-11-01..12, each day a bad
# "4,5" and then a good i % 5 + 1 (2,3,4,5,1,2,3,4,5,1,2,3).  n 12, base28
# 35/12 = 2.92, least-squares slope -0.0315 a day = -0.22 a week, S = 1 so
# ptrend 1.000, rmssd over 11 pairs sqrt(41/11) = 1.93; silent 14 days
# after a daily rhythm: quiet.
begin 'trend shows ten bad records, then how many more'
cp "$BAD/many-bad.tsv" .
run trend -d 2026-11-26 many-bad.tsv
out 'who	what	n	last7	base28	change	pchange	slope	ptrend	rmssd	flags
sam	close	12	-	2.92	-	-	-0.22	1.000	1.93	quiet'
err 'trend: many-bad.tsv:2: bad value "4,5": a value is a number like 4 or 2.5
trend: many-bad.tsv:4: bad value "4,5": a value is a number like 4 or 2.5
trend: many-bad.tsv:6: bad value "4,5": a value is a number like 4 or 2.5
trend: many-bad.tsv:8: bad value "4,5": a value is a number like 4 or 2.5
trend: many-bad.tsv:10: bad value "4,5": a value is a number like 4 or 2.5
trend: many-bad.tsv:12: bad value "4,5": a value is a number like 4 or 2.5
trend: many-bad.tsv:14: bad value "4,5": a value is a number like 4 or 2.5
trend: many-bad.tsv:16: bad value "4,5": a value is a number like 4 or 2.5
trend: many-bad.tsv:18: bad value "4,5": a value is a number like 4 or 2.5
trend: many-bad.tsv:20: bad value "4,5": a value is a number like 4 or 2.5
trend: 2 more bad records not shown'
status 0
end

begin 'trend reads past a 10 MB line'
printf '2026-11-25\talex\ttouch\t2\n' > big.tsv
dd if=/dev/zero bs=1048576 count=10 2>/dev/null | tr '\0' x >> big.tsv
printf '\n2026-11-26\talex\ttouch\t4\n' >> big.tsv
run trend -d 2026-11-26 big.tsv
out 'who	what	n	last7	base28	change	pchange	slope	ptrend	rmssd	flags
alex	touch	2	3.00	-	-	-	14.00	-	-	-'
err 'trend: big.tsv:2: the line is longer than 64 KiB'
status 0
end

# Over 32 MiB trend may read a file in two parts: bad records in either
# are named in file order with their true line numbers, and both count.
# 1.4 million lines: 4 up to line 700000, then 2; bad values on lines 2,
# 700001 (a bad note), 1000000 and 1400000.  The day's mean is
# (699999 * 4 + 699997 * 2) / 1399996 = 3.0000014: 3.00, where losing either
# half would give 4.00 or 2.00.
begin 'trend names bad records in both halves of a 33 MB journal'
awk 'BEGIN { for (i = 1; i <= 1400000; i++) {
	if (i == 2 || i == 1000000 || i == 1400000) print "2026-11-26\talex\ttouch\tx"
	else if (i == 700001) print "2026-11-26\talex\ttouch\t5\t\\q"
	else print "2026-11-26\talex\ttouch\t" (i <= 700000 ? 4 : 2) } }' > big.tsv
run trend -d 2026-11-26 big.tsv
out 'who	what	n	last7	base28	change	pchange	slope	ptrend	rmssd	flags
alex	touch	1	3.00	-	-	-	-	-	-	-'
err 'trend: big.tsv:2: bad value "x": a value is a number like 4 or 2.5
trend: big.tsv:700001: a backslash in a note starts \\, \t, \n or \r
trend: big.tsv:1000000: bad value "x": a value is a number like 4 or 2.5
trend: big.tsv:1400000: bad value "x": a value is a number like 4 or 2.5'
status 0
assert '[ "$(wc -c < big.tsv)" -gt 33554432 ]' 'the journal is not over 32 MiB'
end

begin 'trend: an empty file is a journal with no records'
: > empty.tsv
run trend -d 2026-11-26 empty.tsv
out 'who	what	n	last7	base28	change	pchange	slope	ptrend	rmssd	flags'
err ''
status 0
end

begin 'trend: CR-only line ends make one long bad line'
printf '2026-11-25\talex\ttouch\t2\r2026-11-26\talex\ttouch\t4\r' > cr.tsv
run trend -d 2026-11-26 cr.tsv
out 'who	what	n	last7	base28	change	pchange	slope	ptrend	rmssd	flags'
err 'trend: cr.tsv:1: want 4 or 5 tab-separated fields (time, who, what, value, note), found more than 5'
status 0
end

begin 'trend skips binary junk (a PNG header)'
cp "$BAD/junk.png" .
run trend -d 2026-11-26 junk.png
out 'who	what	n	last7	base28	change	pchange	slope	ptrend	rmssd	flags'
err 'trend: junk.png:1: want 4 or 5 tab-separated fields (time, who, what, value, note), found 1
trend: junk.png:2: want 4 or 5 tab-separated fields (time, who, what, value, note), found 1
trend: junk.png:3: a NUL byte in the line'
status 0
end

begin 'trend skips 4 KiB of random bytes, echoing no control character raw'
junk > junk.bin
run trend -d 2026-11-26 junk.bin
out 'who	what	n	last7	base28	change	pchange	slope	ptrend	rmssd	flags'
status 0
assert '[ "$(grep -c "^trend: junk.bin:[0-9]*: " "$T/.err")" -eq 10 ]' 'not ten bad records shown'
err_has '^trend: [0-9]+ more bad records not shown$'
assert '[ "$(tr -d "\n\040-\176\200-\377" < "$T/.err" | wc -c)" -eq 0 ]' \
    'a control character reached stderr raw'
end

begin 'trend -c shows an escape in a file name escaped'
printf '2026-11-26\talex\ttouch\t4\n' > "$(printf 'a\033[2Jb.tsv')"
run trend -c -d 2026-11-26 "$(printf 'a\033[2Jb.tsv')" nosuch.tsv
status 1
err_has '^trend: nosuch.tsv: No such file or directory$'
assert '! grep -q "$(printf "\033")" "$T/.out" "$T/.err"' 'an escape reached the terminal raw'
end

# --- remind: bad records are skipped, the good ones count

# rules-count.tsv: since touch>=4 1d, target hugs 10/w.  In mixed.tsv the
# newest good touch >= 4 is 11-24 (the 1e3 on 11-26 is bad): 2 days; the
# good hugs in the last 7 days sum to 3 (2, 4, NaN and 9 are on bad lines).
begin 'remind names bad records and counts only the good ones'
cp "$BAD/mixed.tsv" "$BAD/rules-count.tsv" .
run remind -d 2026-11-26 -f rules-count.tsv mixed.tsv
out '2026-11-26	since:1	2 days since touch 4
2026-11-26	target:2	hugs 3 of 10'
err "$(printf '%s\n' "$MIXED_ERR" | sed 's/^/remind: /')"
status 0
end

begin 'remind: an empty journal and an empty rules file say nothing'
: > empty.tsv
: > rules.tsv
run remind -d 2026-11-26 -f rules.tsv empty.tsv
out ''
err ''
status 0
end

# --- remind: bad rules

begin 'remind names every bad rule, escaped, and sends nothing'
cp "$BAD/rules-bad.tsv" "$BAD/mixed.tsv" .
run remind -d 2026-11-26 -f rules-bad.tsv mixed.tsv
out ''
err 'remind: rules-bad.tsv:3: unknown kind of rule "bo\x1bgus": want every, since, target, trend, date, yearly or pause
remind: rules-bad.tsv:4: unknown kind of rule "every sun Weekly check-in" (the fields of a rule are separated by tabs)
remind: rules-bad.tsv:5: bad schedule: want daily, weekdays like mon,thu, monthly DD or Nd from DATE
remind: rules-bad.tsv:6: bad comparison "touch>=x": want >=, <=, >, < or = and a number, like talk>=4
remind: rules-bad.tsv:7: bad age "3x": want days or weeks, like 3d or 2w
remind: rules-bad.tsv:8: no question bank defines the measure "nosuch"
remind: rules-bad.tsv:9: bad target "480": want an amount a week or a day, like 480/w or 30/d
remind: rules-bad.tsv:10: unknown kind of alert "dr\x1bop": want declining, drop, volatile, quiet, gap, or *
remind: rules-bad.tsv:11: bad date "2026-02-30": no such date
remind: rules-bad.tsv:12: bad date "2019-13-01": no such date
remind: rules-bad.tsv:13: the pause ends before it starts
remind: rules-bad.tsv:14: unknown placeholder {nope}
remind: rules-bad.tsv:15: an every rule cannot fill {days}
remind: rules-bad.tsv:16: a field is missing: an every rule has the fields every, when, message
remind: rules-bad.tsv:17: the message is empty
remind: rules-bad.tsv:18: too many fields: an every rule has the fields every, when, message
remind: rules-bad.tsv:19: a { that opens no placeholder (write {{ for a brace)
remind: rules-bad.tsv:20: a NUL byte in the rule
remind: rules-bad.tsv:21: bad lead "60x": want days or weeks, like 60d or 8w'
status 1
end

# remind_rule_bad NAME RULE MESSAGE: one bad rule, next to a good one that
# is due, and nothing is sent
remind_rule_bad() {
	begin "remind refuses $1"
	printf "every\tdaily\tcheck in tonight\n$2\n" > r.tsv
	: > j.tsv
	run remind -d 2026-11-26 -f r.tsv j.tsv
	out ''
	err "remind: r.tsv:2: $3"
	status 1
	end
}

remind_rule_bad 'a since rule with no age' 'since\ttalk>=4\t{days} days' \
    'a field is missing: a since rule has the fields since, measure, age, message'
remind_rule_bad 'a date rule with a 31st of April' 'date\t2027-04-31\tReunion' 'bad date "2027-04-31": no such date'
remind_rule_bad 'a rule that is binary junk' '\211PNG\r' \
    'unknown kind of rule "\x89PNG": want every, since, target, trend, date, yearly or pause'
remind_rule_bad 'an escape in a placeholder' 'every\tdaily\t{who\033[2J}' \
    'a { that opens no placeholder (write {{ for a brace)'

begin 'remind -f names a rules file that is not there'
: > j.tsv
run remind -d 2026-11-26 -f nosuch.tsv j.tsv
out ''
err 'remind: nosuch.tsv: No such file or directory'
status 1
end

begin 'remind -l refuses a bad rules file too'
printf 'every\tdaily\thi\nnever\tmind\tx\n' > r.tsv
run remind -l -f r.tsv
out ''
err 'remind: r.tsv:2: unknown kind of rule "never": want every, since, target, trend, date, yearly or pause'
status 1
end

# Found by tests/fuzz_record.c: putsafe() cut its input into 256-byte
# chunks without splitting a UTF-8 character, by backing up over every
# continuation byte; when a character was followed by a run of stray
# continuation bytes past byte 256, it backed up to the character, cut it
# off alone and escaped it.  The smallest case: "é" and 255 stray \x80.
# The message must keep "café" and escape each of the stray bytes.
begin 'remind escapes stray UTF-8 bytes in a message and keeps the good ones'
{ printf 'every\tdaily\tcaf\303\251'; dd if=/dev/zero bs=255 count=1 2>/dev/null | tr '\0' '\200'; echo; } > r.tsv
: > j.tsv
run remind -d 2026-11-26 -f r.tsv j.tsv
out "$(printf '2026-11-26\tevery:1\tcaf\303\251'; i=0; while [ $i -lt 255 ]; do printf '\\x80'; i=$((i + 1)); done)"
err ''
status 0
end

# The same, where the character is whole before the cut: 252 bytes, then
# U+1F600 (4 bytes, up to byte 256) and a stray \x80 at byte 256.  Backing
# up at most three continuation bytes from 256 lands inside the emoji.
begin 'remind keeps a 4-byte character that ends where a stray byte starts'
{ printf 'every\tdaily\t'; dd if=/dev/zero bs=252 count=1 2>/dev/null | tr '\0' a
  printf '\360\237\230\200\200xyz\n'; } > r.tsv
: > j.tsv
run remind -d 2026-11-26 -f r.tsv j.tsv
out "$(printf '2026-11-26\tevery:1\t'; dd if=/dev/zero bs=252 count=1 2>/dev/null | tr '\0' a
  printf '\360\237\230\200\\x80xyz')"
err ''
status 0
end
