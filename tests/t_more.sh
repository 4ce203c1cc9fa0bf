#!/bin/sh
# t_more.sh - error paths and corners the other files leave out: a user
# bank's bad definitions, log's refused destinations and unreadable input,
# trend -c with nothing to show, pauses read from $HOME, one couple of
# several, and a locale that is not there.
. "$top/tests/lib.sh"

H='#time	who	what	value	note'
NOW=2026-11-26T21:04:00+01:00
EX=$top/tests/example.tsv

# a user bank line with one bad field: the file and line, in words, exit 1
while IFS='|' read -r line msg; do
begin "a bank line refused: $msg"
printf '%s\n' "$line" > bank.tsv
run log -f bank.tsv open 3
out ''
err "log: bank.tsv:1: $msg"
status 1
end
done <<'EOF2'
daily	mood	scale	1	x	high	Mood?|hi is a whole number (at most 9 digits) or -, not "x"
daily	mood	scale	1	5	medium	Mood?|better is high or low
daily	walk	yesno	0	2	high	Walked?|a yesno measure has lo 0 and hi 1
daily	cups	count	5	3	high	Cups?|a count has lo 0 (or more) and hi - (or above lo)
daily	nap	minutes	0	2000	high	Nap?|minutes have 0 <= lo < hi <= 1440, e.g. 0 1440
daily	wish	text	1	2	high	Wish?|a text answer has lo 1 and hi 1
daily	mood	scale	1	5	high	Mood?	none	|the label is empty: give a few words, or - for the measure's name
daily	mood	scale	1	5	high	Mood?	none	a\b|the label has a control character, a backslash or bad UTF-8
daily	mood	scale	1	5	high	Mood?	none	a label of more than forty-seven bytes, far too long|the label has 52 bytes; at most 47
Daily	mood	scale	1	5	high	Mood?|bad set "Daily": a measure name starts with a letter a-z
daily	Mood	scale	1	5	high	Mood?|bad measure or category "Mood": a measure name starts with a letter a-z
daily	mood	scale	1	5	high	|the question text is empty
prompt	fun	-	-	-	-	Tell me a joke.	safety|a starter (set prompt) has no pillar or label: - or nothing there
EOF2

begin 'a bank label of 47 bytes is fine'
printf 'daily\tmood\tscale\t1\t5\thigh\tMood?\tnone\t%s\n' 'a label of exactly forty-seven bytes, just fits' > bank.tsv
runsh 'log -f bank.tsv mood 3 | cut -f3,4'
out 'mood	3'
err ''
status 0
end

begin 'a bank label of 48 bytes is one too many'
printf 'daily\tmood\tscale\t1\t5\thigh\tMood?\tnone\t%sx\n' 'a label of exactly forty-seven bytes, just fits' > bank.tsv
run log -f bank.tsv mood 3
out ''
err 'log: bank.tsv:1: the label has 48 bytes; at most 47'
status 1
end

begin 'two bank lines giving a measure two pillars: the second is named'
printf 'daily\tmood\tscale\t1\t5\thigh\tMood?\tsafety\nweekly\tmood\tscale\t1\t5\thigh\tMood this week?\tcloseness\n' > bank.tsv
run log -f bank.tsv mood 3
out ''
err 'log: bank.tsv:2: mood is given another pillar on line 1'
status 1
end

begin 'two bank lines giving a measure two labels: the second is named'
printf 'daily\tmood\tscale\t1\t5\thigh\tMood?\tsafety\tthe mood\nweekly\tmood\tscale\t1\t5\thigh\tMood this week?\tsafety\tthe weather\n' > bank.tsv
run log -f bank.tsv mood 3
out ''
err 'log: bank.tsv:2: mood is given another label on line 1'
status 1
end

begin 'the same pillar and label said twice is fine'
printf 'daily\tmood\tscale\t1\t5\thigh\tMood?\tsafety\tthe mood\nweekly\tmood\tscale\t1\t5\thigh\tMood this week?\tsafety\tthe mood\n' > bank.tsv
runsh 'log -f bank.tsv mood 3 | cut -f3,4'
out 'mood	3'
err ''
status 0
end

begin 'a NUL byte in a bank line is named'
printf 'daily\tmood\tscale\t1\t5\thigh\tMo\000od?\n' > bank.tsv
run log -f bank.tsv open 3
out ''
err 'log: bank.tsv:1: a NUL byte in the line'
status 1
end

begin 'a bank line over 64 KiB is named, and the rest still read'
awk 'BEGIN { printf "daily\tmood\tscale\t1\t5\thigh\t"; for (i = 0; i < 70000; i++) printf "x"; print ""; print "daily\tcups\tcount\t0\t8\thigh\tCups?\ndaily\tmood\tscale\t1\t5\thigh\tMood" }' > bank.tsv
run log -f bank.tsv cups 9
out ''
err 'log: bank.tsv:1: the line is longer than 64 KiB'
status 1
end

begin 'with neither HOME nor XDG_CONFIG_HOME, the built-in bank alone'
runsh 'HOME= XDG_CONFIG_HOME= log open 5 | cat; HOME= XDG_CONFIG_HOME= log mood 3'
out "$NOW	alex	open	5	"
err 'log: unknown measure "mood": no question bank defines it (see ask -l)'
status 1
end

begin 'stdin a directory: log says so, writes nothing'
mkdir d
runsh 'log -a j.tsv < d'
out ''
err 'log: stdin: Is a directory'
status 1
assert '[ ! -e j.tsv ]' 'j.tsv was created'
end

begin 'stdin a directory: ask says so'
mkdir d
runsh 'ask < d'
out ''
err 'ask: stdin: Is a directory'
status 1
end

begin 'stdout a file opened for reading: it cannot be locked, nothing written'
printf '%s\n' "$H" > j.tsv
runsh 'log open 5 1< j.tsv'
out ''
err 'log: stdout: cannot lock: Bad file descriptor'
status 1
same j.tsv "$H"
end

begin '-a naming a directory that is not there: no directories made, the record kept'
run log -a no/such/ open 5
out ''
err 'log: no/such/: Is a directory
log: the record is kept in ~/.local/state/hearth/unwritten-2026-11-26.tsv; add it later with: log -a ~/no/such/ < ~/.local/state/hearth/unwritten-2026-11-26.tsv'
status 1
assert '[ ! -e no ]' 'a directory was made'
same .local/state/hearth/unwritten-2026-11-26.tsv "$H
$NOW	alex	open	5	"
end

begin '-a below a dangling link: the directory cannot be made, the record kept'
ln -s nowhere link
run log -a link/sub/j.tsv open 5
out ''
err 'log: link/sub/j.tsv: No such file or directory
log: the record is kept in ~/.local/state/hearth/unwritten-2026-11-26.tsv; add it later with: log -a ~/link/sub/j.tsv < ~/.local/state/hearth/unwritten-2026-11-26.tsv'
status 1
assert '[ ! -e nowhere ]' 'the link was followed'
same .local/state/hearth/unwritten-2026-11-26.tsv "$H
$NOW	alex	open	5	"
end

begin '-a refused and nowhere to keep the record: said, exit 1'
: > f
runsh 'HOME=$PWD/f log -a d/ open 5'
out ''
err 'log: d/: Is a directory
log: and the 1 record could not be kept anywhere else: Not a directory'
status 1
assert '[ ! -e d ] && [ ! -s f ]' 'something was written'
end

begin 'an option that is not a printable character'
run log "-$(printf '\001')" open 5
out ''
err 'log: unknown option
usage: log [-a journal] [-f bank] [-t time] [-w who] [what value [note ...]]'
status 2
end

begin 'trend -c of a journal with only its header: no check-ins, said'
printf '%s\n' "$H" > j.tsv
run trend -c j.tsv
out 'No check-ins in the 90 days to 2026-11-26.'
err ''
status 0
end

begin 'trend -c of check-ins older than the window: none in it, said'
printf '2025-01-01\talex\ttouch\t4\n' > j.tsv
run trend -c -n 30 j.tsv
out 'No check-ins in the 30 days to 2026-11-26.'
err ''
status 0
end

# as in t_chart.sh: alex missed 11-23, sam 11-21; a pause of 11-21 and
# 11-22 leaves 5 days of the last 7 to count
mkshowup() {
	for d in 20 21 22 24 25 26; do printf '2026-11-%s\talex\ttouch\t4\n' $d; done > j.tsv
	for d in 20 22 23 24 25 26; do printf '2026-11-%s\tsam\ttouch\t4\n' $d; done >> j.tsv
}

begin 'trend -c: pauses from ~/.config without XDG_CONFIG_HOME; other rules and bad pauses left aside'
mkshowup
mkdir -p .config/hearth
{
	printf 'weekly\tsun\t20:00\n'
	printf 'pause\t2026-11-23x\t2026-11-23\tnot a date\n'
	printf 'pause\t2026-11-23\n'
	awk 'BEGIN { printf "pause\t2026-11-23\t2026-11-23\t"; for (i = 0; i < 70000; i++) printf "x"; print "" }'
	printf 'pause\t2026-11-21\t2026-11-22\tAway.\n'
} > .config/hearth/remind.tsv
runsh 'unset XDG_CONFIG_HOME; COLUMNS=200 trend -c j.tsv'
out_has '^Checked in: alex 4 of the last 5 days \(4 of 28\); sam 5 of the last 5 days \(5 of 28\); both on 4 of 5, 3 days in a row now; days of a pause not counted\.$'
err ''
status 0
end

begin 'trend -c: no HOME and no XDG_CONFIG_HOME, no pauses'
mkshowup
mkdir -p .config/hearth
printf 'pause\t2026-11-21\t2026-11-22\tAway.\n' > .config/hearth/remind.tsv
runsh 'HOME= XDG_CONFIG_HOME= COLUMNS=200 trend -c j.tsv'
out_has '^Checked in: alex 6 of the last 7 days \(6 of 30\); sam 6 of the last 7 days \(6 of 30\); both on 5 of 7, 3 days in a row now\.$'
err ''
status 0
end

begin 'trend -c -w alex: only the couple alex is in is counted'
mkshowup
for d in 20 21 22 23 24 25 26; do printf '2026-11-%s\tpat/jo\ttouch\t3\n2026-11-%s\tpat/kim\ttouch\t5\n' $d $d; done >> j.tsv
COLUMNS=200 run trend -c j.tsv
assert '[ "$(grep -c "^Checked in: " "$T/.out")" -eq 2 ]' "not two couples: $(grep '^Checked in' "$T/.out")"
out_has '^Checked in: jo 7 of the last 7 days \(7 of 30\); kim 7 of the last 7 days \(7 of 30\); both on 7 of 7, 7 days in a row now\.$'
COLUMNS=200 run trend -c -w alex j.tsv
assert '[ "$(grep -c "^Checked in: " "$T/.out")" -eq 1 ]' "not one couple: $(grep '^Checked in' "$T/.out")"
out_has '^Checked in: alex 6 of the last 7 days \(6 of 30\); sam 6 of the last 7 days \(6 of 30\); both on 5 of 7, 3 days in a row now\.$'
out_lacks 'jo|kim'
err ''
status 0
end

begin 'a UTF-8 locale that is not there: the chart in ASCII'
LC_ALL=C.UTF-8 COLUMNS=80 run trend -c "$EX"
assert 'grep -q "$(printf "\342")" "$T/.out"' 'C.UTF-8 gives no UTF-8 chart: the case proves nothing'
LC_ALL=nowhere.UTF-8 COLUMNS=80 run trend -c "$EX"
cp "$T/.out" nowhere
LC_ALL=C COLUMNS=80 run trend -c "$EX"
out_file nowhere
assert '! grep -q "$(printf "[\200-\377]")" nowhere' 'a byte above ASCII'
err ''
status 0
end

# every WHO FROM TO STEP: a touch record each STEP days, from FROM days
# before 2026-11-26 to TO days before
every() {
	awk -v who="$1" -v from="$2" -v to="$3" -v step="$4" '
	function civil(j,  a, b, c, d, e, m) {
		a = j + 32044; b = int((4 * a + 3) / 146097); c = a - int(146097 * b / 4)
		d = int((4 * c + 3) / 1461); e = c - int(1461 * d / 4); m = int((5 * e + 2) / 153)
		return sprintf("%04d-%02d-%02d", 100 * b + d - 4800 + int(m / 10),
		    m + 3 - 12 * int(m / 10), e - int((153 * m + 2) / 5) + 1)
	}
	BEGIN {
		t = 2461371	# 2026-11-26
		for (b = from; b >= to; b -= step)
			printf "%sT21:00:00+01:00\t%s\ttouch\t4\n", civil(t - b), who
	}'
}

begin 'both quiet: one word for the two, from the later of their last days'
every alex 60 10 1 > j.tsv	# last on 11-16
every sam 60 8 2 >> j.tsv	# every other day, last on 11-18
run trend -a j.tsv
out "since	who	kind	measures	why
2026-11-19	alex	quiet	touch	Neither alex nor sam has checked in since 18 Nov.
2026-11-19	sam	quiet	touch	Neither alex nor sam has checked in since 18 Nov."
err ''
status 0
COLUMNS=80 run trend -c j.tsv
assert '[ "$(head -n 1 "$T/.out")" = "Neither alex nor sam has checked in since 18 Nov." ]' "the chart begins: $(head -n 2 "$T/.out")"
status 0
end

begin 'quiet after checking in every few days: how often is said'
every alex 60 12 3 > j.tsv	# every third day, last on 11-14
every sam 60 0 1 >> j.tsv
run trend -a j.tsv
out "since	who	kind	measures	why
2026-11-15	alex	quiet	touch	alex has not checked in since 14 Nov (12 days), after checking in about every 3 days."
err ''
status 0
end

# the starters turn over every n days, before 1970 as after: day -1
# (1969-12-31) is day n - 1
begin 'ask -p -d before 1970: the rotation goes on backwards'
n=$(ask -l -s prompt | grep -c '^prompt')
d=$(awk -v k="$((n - 1))" 'BEGIN {
	j = 2440588 + k	# 1970-01-01, then k days
	a = j + 32044; b = int((4 * a + 3) / 146097); c = a - int(146097 * b / 4)
	d = int((4 * c + 3) / 1461); e = c - int(1461 * d / 4); m = int((5 * e + 2) / 153)
	printf "%04d-%02d-%02d\n", 100 * b + d - 4800 + int(m / 10),
	    m + 3 - 12 * int(m / 10), e - int((153 * m + 2) / 5) + 1 }')
run ask -p -d "$d"
cp "$T/.out" want
assert '[ "$n" -gt 2 ] && [ -s want ]' "no rotation to test: $n starters"
run ask -p -d 1969-12-31
out_file want
err ''
status 0
run ask -p -d 1970-01-01
assert '! cmp -s want "$T/.out"' 'day 0 is day n - 1 too'
end

# On a terminal: onterm (lib.sh) gives ask a pseudo-terminal.
limit=
command -v timeout > /dev/null 2>&1 && limit='timeout 60'

begin 'terminal: a count with a top, and one from 2: the hint and the words for a bad answer'
if have_script; then
	printf 'c\tcups\tcount\t0\t8\thigh\tCups of tea together?\nc\tsteps\tcount\t2\t-\thigh\tWalks together?\n' > c.tsv
	onterm 'NO_COLOR=1 ask -f c.tsv -s c > answers' \
	    '1/2' '9\r' 'not "9"' '3\r' '2/2' '1\r' 'not "1"' '4\r'
	same answers 'cups	3
steps	4'
	same "$T/.screen" 'The c check-in: 2 questions. Enter skips one, Ctrl-D stops and keeps your
answers, Ctrl-C cancels.
1/2 Cups of tea together? [a number, 0-8] 9
ask: for cups, please give how many, a whole number from 0 to 8 (not "9")
1/2 Cups of tea together? [a number, 0-8] 3
2/2 Walks together? [a number, 2 or more] 1
ask: for steps, please give how many, 2 or more (not "1")
2/2 Walks together? [a number, 2 or more] 4
2 answers given'
	status 0
	end
else
	skip 'script(1) is missing (Debian: bsdutils)'
fi

# 今日は 二人で café été(e and a combining accent) 😀😀 一二三四: the wide
# characters take two columns each, the accent none; at 20 columns a line
# holds 19
begin 'terminal: a question in wide characters wraps by the columns they take'
if have_script; then
	printf 'u\tmood\tscale\t1\t5\thigh\t\344\273\212\346\227\245\343\201\257 \344\272\214\344\272\272\343\201\247 caf\303\251 e\314\201t\303\251 \360\237\230\200\360\237\230\200 \344\270\200\344\272\214\344\270\211\345\233\233\n' > u.tsv
	onterm 'stty cols 20; NO_COLOR=1 ask -f u.tsv -s u > answers' '1/1' '3\r'
	same answers 'mood	3'
	same "$T/.screen" "The u check-in: 1
question. Enter
skips one, Ctrl-D
stops and keeps
your answers,
Ctrl-C cancels.
1/1 $(printf '\344\273\212\346\227\245\343\201\257 \344\272\214\344\272\272\343\201\247')
    caf$(printf '\303\251 e\314\201t\303\251 \360\237\230\200\360\237\230\200')
    $(printf '\344\270\200\344\272\214\344\270\211\345\233\233') [1-5] 3
1 answer given"
	status 0
	end
else
	skip 'script(1) is missing (Debian: bsdutils)'
fi
