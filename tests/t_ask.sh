#!/bin/sh
# t_ask.sh - ask(1): check-ins from a file and on a terminal, the bank
# listing, the starter of the day, and every error path.
#
# Expected bank contents are computed from src/questions.tsv with awk, not
# copied from ask's output; the answer tests use a small bank of their own
# (one question of every type) so they hold whatever the built-in bank says.
. "$top/tests/lib.sh"

Q=$top/src/questions.tsv
ESC=$(printf '\033')
CR=$(printf '\r')
HDR='#set	what	type	lo	hi	better	text	pillar	label'
VERSION=$(sed -n 's/^#define HEARTH_VERSION[^"]*"\(.*\)".*/\1/p' "$top/src/hearth.h")
USAGE='usage: ask [-f bank] [-s set]
       ask [-f bank] -p [-c category] [-d date]
       ask [-f bank] -P [-c category] [-d date]
       ask -r [-d date] [-w who] [journal ...]
       ask -b [-H] [-d date] [-n days] [-o file] [-w who] [journal ...]
       ask [-f bank] -l [-s set]'

# the built-in bank's data lines in file order, and pieces of them
bankdata() { awk -F'\t' '!/^#/ && !/^[ \t]*$/' "$Q"; }
setlines() { bankdata | awk -F'\t' -v s="$1" '$1 == s'; }
setwhat() { setlines "$1" | awk -F'\t' -v n="$2" 'NR == n { print $2 }'; }
# bank lines as ask -l lists them: nine fields, the pillar and label in effect
listed() {
	awk -F'\t' -v OFS='\t' '{
		if ($1 == "prompt") { $8 = "-"; $9 = "-" }
		else { if (NF < 8 || $8 == "-") $8 = "none"; if (NF < 9 || $9 == "-") $9 = $2 }
		print }'
}
# the sets of questions: not the starters, nor the answers of ask -P
SETS=$(bankdata | awk -F'\t' '$1 != "prompt" && $1 != "answer" && !seen[$1]++ { printf "%s%s", n++ ? ", " : "", $1 }')
CATS=$(setlines prompt | awk -F'\t' '!seen[$2]++ { printf "%s%s", n++ ? ", " : "", $2 }')
NSTART=$(setlines prompt | cut -f7 | sort -u | wc -l | tr -d ' ')
NDAILY=$(setlines daily | wc -l | tr -d ' ')

# A bank with one question of each type, in a set of its own.
mkbank() {
	cat > "$T/t.tsv" <<-'EOF'
	# a test set, one question of every type
	t	mood	scale	1	5	high	How is your mood? (1 = low, 5 = high)	-	your mood
	t	walked	yesno	0	1	high	Did you walk together?	none	walking together
	t	laughs	count	0	-	high	How many times did you laugh together?
	t	quiet_min	minutes	0	1440	high	Minutes of quiet time together?	-	-
	t	wish	text	1	1	high	One wish for tomorrow?
	EOF
}

# a program that never stops reading must not hang the suite
limit=
command -v timeout > /dev/null 2>&1 && limit='timeout 60'

# --- options ---------------------------------------------------------------

begin '-h prints the usage on stdout'
run ask -h
out "$USAGE"
err ''
status 0
end

begin '--help is -h'
run ask --help
out "$USAGE"
err ''
status 0
end

begin '--version'
run ask --version
out "ask (hearth) $VERSION"
err ''
status 0
end

begin 'an unknown option is a usage error'
run ask -x
out ''
err "ask: unknown option -x
$USAGE"
status 2
end

begin 'an option without its value is a usage error'
run ask -s
out ''
err "ask: -s needs a value
$USAGE"
status 2
end

begin 'an operand is a usage error: answers come on stdin'
run ask 4
out ''
err "ask: unexpected \"4\": answers come on standard input
$USAGE"
status 2
end

begin '-p and -l together'
run ask -p -l
out ''
err "ask: -p and -l do not go together
$USAGE"
status 2
end

begin '-p with -s'
run ask -p -s daily
out ''
err "ask: -s chooses a set of questions; for starters use -p with -c
$USAGE"
status 2
end

begin '-c without -p (with -l too)'
run ask -l -c fears
out ''
err "ask: -c goes with -p
$USAGE"
status 2
end

begin '-d without -p'
run ask -d today
out ''
err "ask: -d goes with -p
$USAGE"
status 2
end

begin 'an unknown set names the sets (from the bank file)'
run ask -s nosuch
out ''
err "ask: no set \"nosuch\" in the bank; the sets are $SETS
$USAGE"
status 2
end

begin 'an unknown set with -l too; the name is shown escaped'
run ask -l -s "$(printf 'a\033b')"
out ''
err "ask: no set \"a\\x1bb\" in the bank; the sets are $SETS
$USAGE"
status 2
end

begin 'the starters are not a check-in set'
run ask -s prompt
out ''
err "ask: \"prompt\" holds the conversation starters, not questions: ask -p shows the day's one
$USAGE"
status 2
end

begin 'an unknown category names the categories'
run ask -p -c nosuch
out ''
err "ask: no starters in category \"nosuch\"; the categories are $CATS
$USAGE"
status 2
end

begin 'a bad date for -d'
run ask -p -d 2026-02-30
out ''
err "ask: -d \"2026-02-30\": no such date (or today, yesterday)
$USAGE"
status 2
end

begin 'a date that is not one'
run ask -p -d soon
out ''
err "ask: -d \"soon\": not a date like 2026-11-26 (or today, yesterday)
$USAGE"
status 2
end

# --- the bank listing ------------------------------------------------------

begin '-l: the header, then the whole bank in file order, starters included'
bankdata | listed > want
run ask -l
{ echo "$HDR"; cat want; } > want2
out_file want2
err ''
status 0
assert '[ "$(grep -c "	-	-	-	-	.*	-	-$" "$T/.out")" -eq "$NSTART" ]' 'starters have - in type, lo, hi, better, pillar and label'
assert '[ -z "$(awk -F"\t" "NF != 9" "$T/.out")" ]' 'every line has nine fields'
end

begin '-l -s daily: the daily set only, in the order asked'
run ask -l -s daily
{ echo "$HDR"; setlines daily | listed; } > want
out_file want
err ''
status 0
assert '[ "$NDAILY" -ge 6 ] && [ "$NDAILY" -le 8 ]' "the daily set has 6-8 questions, not $NDAILY"
end

begin '-l -s prompt lists the starters'
run ask -l -s prompt
{ echo "$HDR"; setlines prompt | listed; } > want
out_file want
status 0
end

begin 'a user bank replaces a question in place and adds new ones after the set'
printf 'daily\ttalk\tscale\t1\t5\thigh\tDid you really talk today? (1 = no, 5 = yes)\n' > u.tsv
printf 'daily\tlaughs\tcount\t0\t-\thigh\tHow many laughs today? (a number)\n' >> u.tsv
printf 'weekly\tlaughs\tcount\t0\t-\thigh\tLaughs this week? (a number)\n' >> u.tsv
printf 'prompt\tus\t-\t-\t-\t-\tWhat song is ours, and why?\n' >> u.tsv
run ask -f u.tsv -l -s daily
{ echo "$HDR"
  setlines daily | awk -F'\t' -v OFS='\t' '$2 == "talk" { $7 = "Did you really talk today? (1 = no, 5 = yes)" } 1' | listed
  printf 'daily\tlaughs\tcount\t0\t-\thigh\tHow many laughs today? (a number)\tnone\tlaughs\n'; } > want
out_file want
err ''
status 0
end

begin 'the whole bank with a user bank: new set lines follow the set, new starters at the end'
printf 'weekly\tlaughs\tcount\t0\t-\thigh\tLaughs this week? (a number)\n' > u.tsv
printf 'prompt\tus\t-\t-\t-\t-\tWhat song is ours, and why?\n' >> u.tsv
run ask -f u.tsv -l
{ echo "$HDR"
  bankdata | awk -F'\t' -v add='weekly	laughs	count	0	-	high	Laughs this week? (a number)' '
	{ line[NR] = $0; set[NR] = $1 } $1 == "weekly" { last = NR }
	END { for (i = 1; i <= NR; i++) { print line[i]; if (i == last) print add } }' | listed
  printf 'prompt\tus\t-\t-\t-\t-\tWhat song is ours, and why?\t-\t-\n'; } > want
out_file want
status 0
end

begin 'a user redefinition of a measure holds in every set, keeping its pillar and label'
printf 'more\teffort\tscale\t0\t10\thigh\tEffort, finer? (0 = none, 10 = all)\n' > u.tsv
run ask -f u.tsv -l
n=$(( $(bankdata | grep -c "^[a-z]*	effort	") + 1 ))
assert '[ "$(grep -c "^[a-z]*	effort	scale	0	10	high	.*	closeness	effort for the two of you$" "$T/.out")" -eq "$n" ]' \
    "effort is 0-10 in all $n sets that ask it, still in closeness with its label"
status 0
end

begin 'the user bank comes from $HEARTH_BANK'
printf 'daily\tlaughs\tcount\t0\t-\thigh\tHow many laughs today? (a number)\n' > u.tsv
run env HEARTH_BANK="$T/u.tsv" ask -l -s daily
out_has '^daily	laughs	count	0	-	high	How many laughs today\? \(a number\)	none	laughs$'
status 0
end

begin 'the user bank comes from $XDG_CONFIG_HOME/hearth/questions.tsv'
mkdir -p .config/hearth
printf 'daily\tlaughs\tcount\t0\t-\thigh\tHow many laughs today? (a number)\n' > .config/hearth/questions.tsv
run ask -l -s daily
out_has '^daily	laughs	'
status 0
end

begin '-f wins over $HEARTH_BANK'
printf 'daily\tlaughs\tcount\t0\t-\thigh\tLaughs? (a number)\n' > u.tsv
printf 'daily\tsighs\tcount\t0\t-\tlow\tSighs? (a number)\n' > v.tsv
run env HEARTH_BANK="$T/v.tsv" ask -f u.tsv -l -s daily
out_has '^daily	laughs	'
out_lacks 'sighs'
status 0
end

begin 'a bad user bank: every bad line named, exit 1, nothing on stdout'
printf 'daily\ttalk\tscale\n# fine\ndaily\tx\tscale\t5\t1\thigh\tBackwards?\n' > bad.tsv
input '4'
run ask -f bad.tsv
out ''
err_has '^ask: bad\.tsv:1: want 7 tab-separated fields'
err_has '^ask: bad\.tsv:3: '
assert '[ "$(wc -l < "$T/.err")" -eq 2 ]' 'two messages, no more'
status 1
end

begin 'a user bank that is not there'
run ask -f nosuch.tsv -l
out ''
err 'ask: nosuch.tsv: No such file or directory'
status 1
end

begin 'pillars and labels: the built-in ones, listed with -l'
run ask -l
out_has '^daily	talk	scale	1	5	high	.*	dialogue	depth of talk$'
out_has '^daily	open	.*	dialogue	[^	]+$'
out_has '^daily	talk_min	minutes	0	1440	high	.*	none	minutes of real talk$'
out_has '^more	hugs	count	0	-	high	.*	affection	hugging$'
out_has '^daily	touch	.*	affection	[^	]+$'
out_has '^daily	safe	.*	safety	[^	]+$'
out_has '^daily	heard	.*	safety	[^	]+$'
out_has '^daily	close	.*	closeness	[^	]+$'
out_has '^daily	effort	.*	closeness	[^	]+$'
assert '[ "$(awk -F"\t" "\$8 != \"none\" && \$8 != \"-\" && NR > 1" "$T/.out" | wc -l)" -eq 8 ]' 'eight measures in pillars'
status 0
end

begin 'a user bank moves a measure to another pillar; seven fields change nothing'
printf 'daily\ttalk_min\tminutes\t0\t1440\thigh\tMinutes of real talk today?\tdialogue\n' > u.tsv
printf 'daily\ttouch\tscale\t1\t5\thigh\tTouch today? (1 = none, 5 = plenty)\n' >> u.tsv
printf 'daily\tlaughs\tcount\t0\t-\thigh\tLaughs today?\taffection\tlaughing together\n' >> u.tsv
run ask -f u.tsv -l -s daily
out_has '^daily	talk_min	minutes	0	1440	high	Minutes of real talk today\?	dialogue	minutes of real talk$'
out_has '^daily	touch	scale	1	5	high	Touch today\? \(1 = none, 5 = plenty\)	affection	physical affection$'
out_has '^daily	laughs	count	0	-	high	Laughs today\?	affection	laughing together$'
err ''
status 0
end

begin 'a bad pillar is named with its file and line'
printf '# mine\ndaily\tlaughs\tcount\t0\t-\thigh\tLaughs today?\tjoy\n' > u.tsv
run ask -f u.tsv -l
out ''
err 'ask: u.tsv:2: bad pillar "joy": the pillars are dialogue, affection, safety, closeness and none (or - to leave it as it is)'
status 1
end

begin 'the weekly effort is a measure of its own, effort_week'
input '4'
run ask -s weekly
out 'effort_week	4'
status 0
assert '[ "$(setwhat weekly 1)" = effort_week ]' 'the weekly set starts with effort_week'
assert '[ -z "$(bankdata | awk -F"\t" "\$1 != \"prompt\" && \$1 != \"more\" { print \$2 }" | sort | uniq -d)" ]' 'a measure asked by two built-in sets'
end

begin 'a negative lo says what is wrong'
printf 'daily\tsighs\tcount\t-1\t-\tlow\tSighs today?\n' > u.tsv
printf 'daily\tnaps\tminutes\t-10\t120\thigh\tMinutes of napping?\n' >> u.tsv
printf 'daily\tlean\tscale\t-2\t2\thigh\tLean? (-2 = away, 2 = toward)\n' >> u.tsv
printf 'daily\tpats\tcount\t-\t-\thigh\tPats?\n' >> u.tsv
run ask -f u.tsv -l
out ''
err 'ask: u.tsv:1: lo is -1, but counts start at 0: lo is 0 or more
ask: u.tsv:2: lo is -10, but minutes start at 0: lo is 0 or more
ask: u.tsv:4: lo is a whole number: - (no limit) is for hi only'
status 1
end

begin 'ask -f /dev/zero is refused at once, not read forever'
runsh 'timeout 10 ask -f /dev/zero -l || echo "rc=$?" >&2'
out ''
err 'ask: /dev/zero: a question bank is a plain file, and this is a device
rc=1'
end

begin 'a FIFO with no writer is refused without waiting'
mkfifo bank.fifo
runsh 'timeout 10 ask -f bank.fifo -l || echo "rc=$?" >&2'
out ''
err 'ask: bank.fifo: a question bank is a plain file, and this is a pipe
rc=1'
end

begin 'a FIFO at the default place is refused too, and a directory'
mkdir -p .config/hearth/questions.tsv
run ask -l
out ''
err "ask: $T/.config/hearth/questions.tsv: a question bank is a plain file, and this is a directory"
status 1
rmdir .config/hearth/questions.tsv
mkfifo .config/hearth/questions.tsv
runsh 'timeout 10 ask -p || echo "rc=$?" >&2'
out ''
err "ask: $T/.config/hearth/questions.tsv: a question bank is a plain file, and this is a pipe
rc=1"
end

begin 'a bank of 1 MiB is read; one byte more is refused'
printf 'daily\tbig\tyesno\t0\t1\thigh\tBig?\n' > mib.tsv
awk 'BEGIN { for (i = 0; i < 10000; i++) printf "#%098d\n", 0 }' >> mib.tsv
awk -v n=$((1048576 - $(wc -c < mib.tsv))) 'BEGIN { printf "#"; for (i = 2; i < n; i++) printf "x"; print "" }' >> mib.tsv
cp mib.tsv big.tsv && printf '#' >> big.tsv
run ask -f mib.tsv -l -s daily
out_has '^daily	big	yesno	'
err ''
status 0
assert '[ "$(wc -c < mib.tsv)" -eq 1048576 ]' 'the file is 1 MiB'
run ask -f big.tsv -l
out ''
err 'ask: big.tsv: a question bank is at most 1 MiB, and this one has 1048577 bytes'
status 1
end

begin 'a name with an invisible character is refused by log; a bad answer shows U+202E escaped'
input '4'
runsh "ask | log -w 'alex$(printf '\342\200\213')'"
out ''
err_has 'alex\\u200b'
err_has 'invisible'
status 1
mkbank
input "$(printf '4\342\200\256')"
run ask -f t.tsv -s t
out ''
err 'ask: stdin:1: mood takes a whole number from 1 to 5, not "4\u202e"'
status 1
end

# --- answers from a file ---------------------------------------------------

begin 'printf 4 5 (skip) 3 | ask: the daily set, in order'
input '4
5

3'
run ask
out "$(setwhat daily 1)	4
$(setwhat daily 2)	5
$(setwhat daily 4)	3"
err ''
status 0
end

begin 'every type: scale, yes/no, count, minutes, text'
mkbank
input '3
y
12
45
a walk by the river'
run ask -f t.tsv -s t
out 'mood	3
walked	1
laughs	12
quiet_min	45
wish	1	a walk by the river'
err ''
status 0
end

begin 'yes/no takes y, n, yes, no, 1, 0 in any case'
mkbank
for a in y Y yes YES Yes 1 n N no NO nO 0; do
	printf '\n%s\n' "$a" | "$top/bin/ask" -f t.tsv -s t
done > got 2> errs
same got "$(printf 'walked\t%s\n' 1 1 1 1 1 1 0 0 0 0 0 0)"
assert '[ ! -s errs ]' 'nothing on stderr'
end

begin 'a yes/no answer that is neither'
mkbank
input '
maybe'
run ask -f t.tsv -s t
out ''
err 'ask: stdin:2: walked takes y or n (yes or no), not "maybe"'
status 1
end

begin 'empty answers skip; blanks around an answer are trimmed'
mkbank
input "  2  

	7
 
  hi there	 "
run ask -f t.tsv -s t
out 'mood	2
laughs	7
wish	1	hi there'
err ''
status 0
end

begin 'CRLF line ends are fine'
mkbank
input_raw "4$CR
no$CR
$CR
30$CR
tea$CR
"
run ask -f t.tsv -s t
out 'mood	4
walked	0
quiet_min	30
wish	1	tea'
status 0
end

begin 'the last line needs no newline'
mkbank
input_raw '5'
run ask -f t.tsv -s t
out 'mood	5'
status 0
end

begin 'no answers at all: nothing out, success'
run ask
out ''
err ''
status 0
end

begin 'only empty lines: nothing out, success'
input '


'
run ask
out ''
err ''
status 0
end

begin 'numbers are written plainly: 007 is 7, -0 is 0'
mkbank
input '005

007
-0'
run ask -f t.tsv -s t
out 'mood	5
laughs	7
quiet_min	0'
status 0
end

begin 'text answers: tabs and backslashes escaped as in the journal'
mkbank
input '



a	b \ c \t d'
run ask -f t.tsv -s t
out 'wish	1	a\tb \\ c \\t d'
err ''
status 0
end

begin 'text answers keep any UTF-8 text'
mkbank
input '



café — ☕ 日本'
run ask -f t.tsv -s t
out 'wish	1	café — ☕ 日本'
status 0
end

begin 'scale out of range, not whole, not a number: each line named'
mkbank
for a in 0 6 -1 4.0 2.5 x 4x '+4' 1e2; do
	printf '%s\n' "$a" | "$top/bin/ask" -f t.tsv -s t; echo "rc=$?"
done > got 2> errs
same got "$(for a in 1 2 3 4 5 6 7 8 9; do echo rc=1; done)"
same errs 'ask: stdin:1: mood takes a whole number from 1 to 5, not "0"
ask: stdin:1: mood takes a whole number from 1 to 5, not "6"
ask: stdin:1: mood takes a whole number from 1 to 5, not "-1"
ask: stdin:1: mood takes a whole number from 1 to 5, not "4.0"
ask: stdin:1: mood takes a whole number from 1 to 5, not "2.5"
ask: stdin:1: mood takes a whole number from 1 to 5, not "x"
ask: stdin:1: mood takes a whole number from 1 to 5, not "4x"
ask: stdin:1: mood takes a whole number from 1 to 5, not "+4"
ask: stdin:1: mood takes a whole number from 1 to 5, not "1e2"'
end

begin 'counts and minutes: whole numbers in range'
mkbank
for a in '-1' '2.5' 'lots'; do
	printf '\n\n%s\n' "$a" | "$top/bin/ask" -f t.tsv -s t; echo "rc=$?"
done > got 2> errs
for a in '1441' '-5' '90.5' 'hour'; do
	printf '\n\n\n%s\n' "$a" | "$top/bin/ask" -f t.tsv -s t; echo "rc=$?"
done >> got 2>> errs
printf '\n\n\n1440\n' | "$top/bin/ask" -f t.tsv -s t >> got 2>> errs
same got 'rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
rc=1
quiet_min	1440'
same errs 'ask: stdin:3: laughs takes a whole number of 0 or more, not "-1"
ask: stdin:3: laughs takes a whole number of 0 or more, not "2.5"
ask: stdin:3: laughs takes a whole number of 0 or more, not "lots"
ask: stdin:4: quiet_min takes a whole number from 0 to 1440, not "1441"
ask: stdin:4: quiet_min takes a whole number from 0 to 1440, not "-5"
ask: stdin:4: quiet_min takes a whole number from 0 to 1440, not "90.5"
ask: stdin:4: quiet_min takes a whole number from 0 to 1440, not "hour"'
end

begin 'a control character in a text answer is refused, and shown escaped'
mkbank
input "



bell$(printf '\007') here"
run ask -f t.tsv -s t
out ''
err 'ask: stdin:5: the answer has a control character in it (only tabs are kept)'
status 1
end

begin 'a NUL byte, DEL or a C1 control in a text answer is refused too'
mkbank
for a in 'a\000b' 'a\037b' 'a\177b' 'a\302\205b'; do
	printf "\n\n\n\n$a\n" | "$top/bin/ask" -f t.tsv -s t; echo "rc=$?"
done > got 2> errs
same got 'rc=1
rc=1
rc=1
rc=1'
same errs 'ask: stdin:5: the answer has a control character in it (only tabs are kept)
ask: stdin:5: the answer has a control character in it (only tabs are kept)
ask: stdin:5: the answer has a control character in it (only tabs are kept)
ask: stdin:5: the answer has a control character in it (only tabs are kept)'
end

begin 'a text answer that is not UTF-8'
mkbank
input "



caf$(printf '\351')"
run ask -f t.tsv -s t
out ''
err 'ask: stdin:5: the answer is not UTF-8 text'
status 1
end

begin 'a bad scale answer shows an escape, not the raw byte'
mkbank
input "$(printf '4\033[2J')"
run ask -f t.tsv -s t
out ''
err 'ask: stdin:1: mood takes a whole number from 1 to 5, not "4\x1b[2J"'
status 1
assert '! grep -q "$ESC" "$T/.err"' 'no raw escape on stderr'
end

begin 'all or nothing: every bad line named, nothing printed'
mkbank
input '4
perhaps
3
9999
ok
extra'
run ask -f t.tsv -s t
out ''
err 'ask: stdin:2: walked takes y or n (yes or no), not "perhaps"
ask: stdin:4: quiet_min takes a whole number from 0 to 1440, not "9999"
ask: stdin:6: more answers than questions: the t set has 5'
status 1
end

begin 'more answers than questions; empty extra lines are fine'
input "$(i=0; while [ $i -lt "$NDAILY" ]; do echo 3; i=$((i + 1)); done)


4
 
5"
run ask
out ''
err "ask: stdin:$((NDAILY + 3)): more answers than questions: the daily set has $NDAILY"
status 1
end

begin 'endless answers: the first past the last question ends the reading (yes 4 | ask)'
runsh "yes 4 | $limit ask"
out ''
err "ask: stdin:$((NDAILY + 1)): more answers than questions: the daily set has $NDAILY"
status 1
end

begin 'endless bad answers: ten named, then a count, then the end of the set'
awk 'BEGIN { for (i = 0; i < 14; i++) printf "t\tq%d\tscale\t1\t5\thigh\tQuestion %d?\n", i, i }' > many.tsv
runsh "yes 9 | $limit ask -f many.tsv -s t"
out ''
err "$(i=1; while [ $i -le 10 ]; do echo "ask: stdin:$i: q$((i - 1)) takes a whole number from 1 to 5, not \"9\""; i=$((i + 1)); done)
ask: 4 more bad lines not shown
ask: stdin:15: more answers than questions: the t set has 14"
status 1
end

begin 'as many answers as questions, then empty lines: fine'
input "$(i=0; while [ $i -lt "$NDAILY" ]; do echo 3; i=$((i + 1)); done)

  "
run ask
setlines daily | cut -f2 | sed 's/$/	3/' > want
out_file want
assert '[ "$(wc -l < "$T/.out")" -eq "$NDAILY" ]' "want $NDAILY answers"
err ''
status 0
end

begin 'a line longer than 64 KiB is an error naming it'
mkbank
awk 'BEGIN { print 4; s = "x"; while (length(s) < 70000) s = s s; print s; print "x" }' > in
input_file in
run ask -f t.tsv -s t
out ''
err 'ask: stdin:2: the answer is longer than 64 KiB
ask: stdin:3: laughs takes a whole number of 0 or more, not "x"'
status 1
end

begin 'a text answer that would not fit a journal line once escaped'
mkbank
awk 'BEGIN { printf "\n\n\n\n"; s = "\t"; while (length(s) < 40000) s = s "\t"; print "a" s "b" }' > in
input_file in
run ask -f t.tsv -s t
out ''
err_has '^ask: stdin:5: the answer is too long for the journal'
status 1
end

begin 'a long text answer that fits is kept whole'
mkbank
awk 'BEGIN { printf "\n\n\n\n"; s = "y"; while (length(s) < 30000) s = s "y"; print s }' > in
input_file in
run ask -f t.tsv -s t
assert '[ "$(cut -f3 "$T/.out" | tr -d "\n" | wc -c)" -eq 30000 ]' 'the note holds all 30000 bytes'
status 0
end

begin 'no prompts and no escape codes when stdin is not a terminal'
mkbank
input '9'
run env TERM=xterm ask -f t.tsv -s t
assert '! grep -q "$ESC" "$T/.err"' 'no escape code'
assert '! grep -q "mood?" "$T/.err"' 'no question shown'
status 1
end

begin 'answers to another set with -s'
input 'yes
90'
run ask -s distance
out "$(setwhat distance 1)	1
$(setwhat distance 2)	90"
status 0
assert '[ "$(setlines distance | awk -F"\t" "NR <= 2 { print \$3 }" | tr "\n" " ")" = "yesno minutes " ]' \
    'the distance set starts with a yes/no and a minutes question'
end

begin 'an output error is an error'
mkbank
input '4'
runsh "ask -f t.tsv -s t > /dev/full"
out ''
err 'ask: stdout: No space left on device'
status 1
end

begin '-l into a full disk'
runsh 'ask -l > /dev/full'
err 'ask: stdout: No space left on device'
status 1
end

# --- the round trip into log(1) ---------------------------------------------

begin 'ask | log -a: journal records, the header first'
input '4
5

3'
runsh 'ask | log -a j.tsv'
out ''
err ''
status 0
same j.tsv "#time	who	what	value	note
2026-11-26T21:04:00+01:00	alex	$(setwhat daily 1)	4	
2026-11-26T21:04:00+01:00	alex	$(setwhat daily 2)	5	
2026-11-26T21:04:00+01:00	alex	$(setwhat daily 4)	3	"
end

begin 'ask | log with a text answer: the note arrives escaped once'
mkbank
input '2
n


x	y \ z'
runsh 'ask -f t.tsv -s t | log -f t.tsv -w sam | cat'
out '2026-11-26T21:04:00+01:00	sam	mood	2	
2026-11-26T21:04:00+01:00	sam	walked	0	
2026-11-26T21:04:00+01:00	sam	wish	1	x\ty \\ z'
err ''
status 0
end

begin 'ask refuses, so log writes nothing'
input '4
6'
runsh 'ask | log -a j.tsv'
out ''
err_has '^ask: stdin:2: '
assert '[ ! -s j.tsv ]' 'no journal written'
end

# --- the starter of the day ------------------------------------------------

begin '-p prints one starter of the bank, alone on its line'
run ask -p
assert '[ "$(wc -l < "$T/.out")" -eq 1 ]' 'one line'
setlines prompt | cut -f7 > starters
assert 'grep -Fxq -f "$T/.out" starters' 'a starter of the bank, as written there'
err ''
status 0
end

days190() {		# the dates from 2026-01-01 on, 190 of them
	awk 'BEGIN { split("31 28 31 30 31 30 31 31 30 31 30 31", md, " ")
		y = 2026; m = 1; d = 1
		for (i = 0; i < 190; i++) { printf "%04d-%02d-%02d\n", y, m, d
			if (++d > md[m]) { d = 1; if (++m > 12) { m = 1; y++ } } } }'
}
# norepeat N FILE: no line repeats within N lines, and every repeat is exactly N apart
norepeat() {
	awk -v n="$1" '{ if ($0 in last && NR - last[$0] != n) bad++; last[$0] = NR }
		END { exit bad > 0 }' "$2"
}

begin '-p over 190 days: no repeat within any window of N starters, stable'
days190 > days
while read -r d; do "$top/bin/ask" -p -d "$d"; done < days > a 2> errs
while read -r d; do "$top/bin/ask" -p -d "$d"; done < days > b 2>> errs
while read -r d; do HEARTH_SEED=7 "$top/bin/ask" -p -d "$d"; done < days > s7 2>> errs
setlines prompt | cut -f7 > starters
assert '[ ! -s errs ]' 'nothing on stderr'
assert '[ "$(wc -l < a)" -eq 190 ]' '190 starters'
assert 'cmp -s a b' 'two runs agree'
assert 'norepeat "$NSTART" a' "a repeat within $NSTART days, or not exactly $NSTART apart"
assert 'norepeat "$NSTART" s7' 'the same with HEARTH_SEED=7'
assert '! cmp -s a s7' 'HEARTH_SEED=7 gives another order'
assert '[ "$(sort -u a | wc -l)" -eq "$(( NSTART < 190 ? NSTART : 190 ))" ]' 'as many different starters as there can be'
assert '[ -z "$(grep -Fxv -f starters a)" ]' 'every one from the bank'
end

begin '-p -c fears: only that category, no repeats within its count'
setlines prompt | awk -F'\t' '$2 == "fears" { print $7 }' > fears
n=$(wc -l < fears | tr -d ' ')
days190 | head -n $((2 * n + 3)) > days
while read -r d; do "$top/bin/ask" -p -c fears -d "$d"; done < days > a 2> errs
assert '[ ! -s errs ]' 'nothing on stderr'
assert '[ "$n" -ge 8 ]' 'at least 8 starters about fears'
assert '[ -z "$(grep -Fxv -f fears a)" ]' 'all about fears'
assert 'norepeat "$n" a' "no repeat within $n days"
assert '[ "$(sort -u a | wc -l)" -eq "$n" ]' 'every fears starter comes round'
end

begin '-d today and yesterday; the date is as written in HEARTH_NOW'
"$top/bin/ask" -p -d 2026-11-26 > d26
"$top/bin/ask" -p -d 2026-11-25 > d25
"$top/bin/ask" -p -d today > today
"$top/bin/ask" -p > plain
"$top/bin/ask" -p -d yesterday > yday
HEARTH_NOW=2026-11-25T23:59:00-05:00 "$top/bin/ask" -p > late
"$top/bin/ask" -p -d 2026-11-25T23:59:00-05:00 > stamp
assert 'cmp -s d26 today && cmp -s d26 plain' 'today is 2026-11-26'
assert 'cmp -s d25 yday' 'yesterday is 2026-11-25'
assert 'cmp -s d25 late' 'the date written in HEARTH_NOW, not UTC'
assert 'cmp -s d25 stamp' 'a full time stamp for -d: its date'
assert '! cmp -s d25 d26' 'two days, two starters'
end

begin 'a user starter joins the rotation; a repeated one is skipped'
printf 'prompt\tfears\t-\t-\t-\t-\tWhat scares you about getting old together?\n' > u.tsv
setlines prompt | awk -F'\t' '$2 == "fears"' | head -1 >> u.tsv
n=$(( $(setlines prompt | awk -F'\t' '$2 == "fears"' | wc -l) + 1 ))
days190 | head -n "$n" > days
while read -r d; do "$top/bin/ask" -f u.tsv -p -c fears -d "$d"; done < days > a
assert '[ "$(sort -u a | wc -l)" -eq "$n" ]' "$n different starters in $n days"
assert 'grep -Fxq "What scares you about getting old together?" a' 'the new one among them'
end

begin 'a bad HEARTH_SEED'
run env HEARTH_SEED=seven ask -p
out ''
err 'ask: HEARTH_SEED="seven": want a whole number'
status 1
end

begin 'a bad HEARTH_NOW'
run env HEARTH_NOW=tonight ask -p
out ''
err_has '^ask: HEARTH_NOW="tonight": '
status 1
end

begin 'ask -p | head -0 ends cleanly'
runsh 'ask -p | head -n 0; ask -l | head -n 0'
out ''
err ''
status 0
end

begin 'a reader gone with SIGPIPE ignored: no message, but not success'
runsh 'trap "" PIPE; { sleep 1; ask -l; echo "rc=$?" >&2; } | true'
out ''
err 'rc=1'
end

begin '-p into a full disk'
runsh 'ask -p > /dev/full'
err 'ask: stdout: No space left on device'
status 1
end

# --- on a terminal ---------------------------------------------------------
#
# script(1) gives ask a pseudo-terminal: onterm and screen_has, in lib.sh.


if have_script; then

begin 'terminal: prompts on stderr with one hint each, answers flushed to stdout'
mkbank
onterm 'NO_COLOR=1 TERM=xterm ask -f t.tsv -s t > answers' \
    '1/5' '4\r' '2/5' 'Y\r' '3/5' '\r' '4/5' '20\r' '5/5' 'a\tb\r'
same answers 'mood	4
walked	1
quiet_min	20
wish	1	a\tb'
screen_block 'The t check-in: 5 questions. Enter skips one, Ctrl-D stops and keeps your
answers, Ctrl-C cancels.'
screen_has '1/5 How is your mood? (1 = low, 5 = high) [1-5] 4'
screen_has '2/5 Did you walk together? [y/n] Y'
screen_has '3/5 How many times did you laugh together? [a number] '
screen_has '4/5 Minutes of quiet time together? [minutes] 20'
screen_has '5/5 One wish for tomorrow? [a few words] a'
screen_has '4 answers given'
assert '[ "$(tail -n 1 "$T/.screen")" = "4 answers given" ]' 'the count of answers given comes last'
assert '! grep -q "$ESC" "$T/.tty"' 'no escape codes with NO_COLOR'
status 0
end

begin 'terminal: a text that says its own hint, as older banks do, gets no second one'
cat > old.tsv <<-'EOF'
	o	walked	yesno	0	1	high	Did you walk together? (y/n)
	o	laughs	count	0	-	high	How many times did you laugh together? (a number)
	o	quiet_min	minutes	0	1440	high	Minutes of quiet time together? (minutes)
	o	wish	text	1	1	high	One wish for tomorrow? (a few words)
	o	hops	count	1	9	high	Hops? (a number)
	o	naps	minutes	0	90	high	Minutes asleep by day?
	o	steps	count	2	-	high	Steps taken?
	EOF
onterm 'NO_COLOR=1 ask -f old.tsv -s o > answers' '1/7' '\r\r\r\r\r\r\r'
screen_has '1/7 Did you walk together? (y/n) '
screen_has '2/7 How many times did you laugh together? (a number) '
screen_has '3/7 Minutes of quiet time together? (minutes) '
screen_has '4/7 One wish for tomorrow? (a few words) '
screen_has '6/7 Minutes asleep by day? [minutes, 0-90] '
screen_has '7/7 Steps taken? [a number, 2 or more] '
assert '! grep -q "\[y/n\]\|\[a number\]\|\[minutes\]\|\[a few words\]" "$T/.screen"' 'no hint said twice'
screen_has '5/7 Hops? (a number) '
screen_has 'no answers given'
status 0
end

begin 'terminal: the built-in questions say each hint once'
onterm 'NO_COLOR=1 ask > a1; NO_COLOR=1 ask -s weekly > a2; NO_COLOR=1 ask -s distance > a3' \
    '1/' '\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r\r'
assert '! grep -q "(y/n)\|(minutes)\|(a number)\|(a few words)" "$T/.screen"' 'no hint in the bank texts'
assert '! grep -q "\] \[" "$T/.screen"' 'no two hints in a row'
assert '[ "$(grep -c "\[minutes\]" "$T/.screen")" -eq 2 ]' 'talk_min and call_min ask for minutes'
assert '[ "$(grep -c "\[y/n\]" "$T/.screen")" -eq 1 ]' 'the one yes/no question'
assert '[ "$(grep -c "\[a number\]" "$T/.screen")" -eq 2 ]' 'faced and dodged'
assert '[ "$(grep -c "answers given" "$T/.screen")" -eq 3 ]' 'three check-ins, three endings'
end

begin 'terminal: an invalid answer says why in words, by the measure label, and is asked again'
mkbank
onterm 'NO_COLOR=1 ask -f t.tsv -s t > answers' \
    '1/5' '9\r' 'not "9"' '3\r' '2/5' 'maybe\r' 'not "maybe"' 'n\r' '3/5' 'lots\r' 'not "lots"' '\r' \
    '4/5' 'half an hour\r' 'not "half' '1441\r' 'not "1441"' '\004'
same answers 'mood	3
walked	0'
screen_has 'ask: for your mood, please give a whole number from 1 to 5 (not "9")'
screen_has 'ask: for walking together, please answer y or n (not "maybe")'
screen_has 'ask: for laughs, please give how many as a whole number, like 3 (not "lots")'
screen_block 'ask: for quiet_min, please give minutes as a whole number, like 25 (not "half
     an hour")'
screen_has 'ask: for quiet_min, please give minutes from 0 to 1440 (not "1441")'
assert '[ "$(grep -c "^1/5 " "$T/.screen")" -eq 2 ]' 'the first question asked twice'
assert '! grep -q "takes" "$T/.screen"' 'none of the words for scripts'
screen_has '2 answers given'
status 0
end

begin 'terminal: a built-in measure is named by its label'
onterm 'NO_COLOR=1 ask > answers' '1/8' '\r\r\r\r' '5/8' 'half an hour\r' 'not "half' '\004'
screen_block 'ask: for minutes of real talk, please give minutes as a whole number, like 25
     (not "half an hour")'
assert '! grep -q "talk_min" "$T/.screen"' 'the id is not said'
assert '[ ! -s answers ]' 'no answers'
status 0
end

begin 'terminal: prompts wrap between words at 80 columns, lined up after the counter'
bankdata | awk -F'\t' -v OFS='\t' '$1 == "daily" { $1 = "w"; print }' > w.tsv
printf 'w\tlong\tscale\t1\t5\thigh\t%s\n' "$(awk 'BEGIN { for (i = 0; i < 30; i++) printf "%sword%d", i ? " " : "", i; printf " (1 = not at all, 5 = completely)" }')" >> w.tsv
n=$(wc -l < w.tsv | tr -d ' ')
set -- "stty cols 80; NO_COLOR=1 ask -f w.tsv -s w > answers"
i=1
while [ "$i" -le "$n" ]; do set -- "$@" "$i/$n " '\r'; i=$((i + 1)); done
onterm "$@"
# each prompt: its lines, joined back, are the question and its hint
awk -v n="$n" '
	/^[0-9]+\/[0-9]+ / { if (p != "") print p; p = $0; next }
	/^    [^ ]/ && p != "" { sub(/^    /, ""); p = p " " $0; next }
	{ if (p != "") print p; p = "" }
	END { if (p != "") print p }' "$T/.screen" | sed 's/ $//' > asked
awk -F'\t' '{ h = $3 == "minutes" ? "[minutes]" : $3 == "scale" ? "[" $4 "-" $5 "]" : "?"; printf "%d/%d %s %s\n", NR, '"$n"', $7, h }' w.tsv > want
assert 'cmp -s want asked' "the prompts, joined, differ: $(diff want asked | head -5)"
assert '[ -z "$(awk "length > 79" "$T/.screen")" ]' 'a line wider than 79 columns'
assert 'grep -q "^    " "$T/.screen"' 'no continuation line'
assert '! grep -q "^    .*  " "$T/.screen"' 'continuation lines are indented once'
assert '! grep -q " =$\|^    = " "$T/.screen"' 'an anchor cut at its ='
status 0
end

begin 'terminal: the width comes from the terminal, else $COLUMNS, else 80'
mkbank
onterm 'stty cols 30; NO_COLOR=1 ask -f t.tsv -s t > /dev/null; stty cols 0; COLUMNS=40 NO_COLOR=1 ask -f t.tsv -s t 2> c40 > /dev/null; NO_COLOR=1 COLUMNS= ask -f t.tsv -s t 2> c80 > /dev/null' \
    '1/5' '\004' 'no answers' '\004\004'
screen_block 'Ctrl-C cancels.
1/5 How is your mood?
    (1 = low,
    5 = high) [1-5] '
assert '[ -z "$(awk "length > 29" "$T/.screen")" ]' 'a line reaches the last of 30 columns, the space before the answer included'
same c40 'The t check-in: 5 questions. Enter
skips one, Ctrl-D stops and keeps your
answers, Ctrl-C cancels.
1/5 How is your mood? (1 = low,
    5 = high) [1-5] '
assert 'grep -q "^The t check-in: 5 questions. Enter skips one, Ctrl-D stops and keeps your$" c80' 'a file is 80 columns wide'
assert '! grep -q "answers given" c40 c80' 'nothing said at the end when stderr is not a terminal'
end

begin 'terminal: invisible and direction-changing characters are shown escaped'
printf 't\tmood\tscale\t1\t5\thigh\tHow is \342\200\256your mood\342\200\213? (1 = low, 5 = high)\t-\tmo\357\273\277od\n' > inv.tsv
printf 'prompt\tzz\t-\t-\t-\t-\tWhich \342\201\247word\342\201\251 is ours?\n' >> inv.tsv
onterm 'NO_COLOR=1 ask -f inv.tsv -s t > answers; ask -f inv.tsv -l -s t; ask -f inv.tsv -l -s t > listed; ask -f inv.tsv -p -c zz; ask -f inv.tsv -p -c zz > starter' \
    '1/1' '0\r' 'not "0"' '\004'
screen_has 'Which \u2067word\u2069 is ours?'
assert '[ "$(cat starter)" = "$(printf "Which \342\201\247word\342\201\251 is ours?")" ]' 'into a file, -p prints the starter as written'
screen_has '1/1 How is \u202eyour mood\u200b? (1 = low, 5 = high) [1-5] '
screen_has 'ask: for mo\ufeffod, please give a whole number from 1 to 5 (not "0")'
screen_has "t	mood	scale	1	5	high	How is \\u202eyour mood\\u200b? (1 = low, 5 = high)	none	mo\\ufeffod"
assert '! grep -q "$(printf "\342\200\256")" "$T/.screen"' 'U+202E reached the terminal'
assert '! grep -q "$(printf "\342\200\213")" "$T/.screen"' 'U+200B reached the terminal'
assert 'grep -q "$(printf "\342\200\256")" listed' 'into a file, -l lists the text as written'
end

begin 'terminal: a control character in a text answer is asked again'
mkbank
onterm 'NO_COLOR=1 ask -f t.tsv -s t > answers' \
    '1/5' '\r\r\r\r' '5/5' 'x\001y\r' 'control character' 'xy\r'
same answers 'wish	1	xy'
screen_has 'ask: the answer has a control character in it (only tabs are kept)'
status 0
end

begin 'terminal: Ctrl-D ends the check-in and keeps every answer'
mkbank
onterm 'NO_COLOR=1 ask -f t.tsv -s t > answers' '1/5' '2\r' '2/5' 'yes\r' '3/5' '\004'
same answers 'mood	2
walked	1'
assert '! grep -q "^4/5" "$T/.screen"' 'nothing asked after Ctrl-D'
screen_block '3/5 How many times did you laugh together? [a number] 
2 answers given'
status 0
end

begin 'terminal: one answer given, in the singular'
mkbank
onterm 'NO_COLOR=1 ask -f t.tsv -s t > answers' '1/5' '2\r' '2/5' '\004'
screen_has '1 answer given'
status 0
end

begin 'terminal: Ctrl-C cancels, status 130; in ask | log, log writes nothing'
mkbank
onterm 'NO_COLOR=1 ask -f t.tsv -s t | log -f t.tsv -a j.tsv' '1/5' '2\r' '2/5' '\003'
assert '[ ! -s j.tsv ]' 'no journal written'
screen_has 'cancelled, nothing kept'
assert '! grep -q "answers* given" "$T/.screen"' 'a cancelled check-in does not count its answers'
status 130
end

begin 'terminal: with stderr not a terminal, Ctrl-C says nothing'
mkbank
mkfifo err.fifo
onterm 'tee err.log < err.fifo & NO_COLOR=1 ask -f t.tsv -s t 2> err.fifo > answers; wait' '1/5' '2\r' '2/5' '\003'
assert 'grep -q "2/5 " err.log' 'the prompts went through the pipe'
assert '! grep -q "cancelled\|given" err.log' 'a word of the end said into a pipe'
same answers 'mood	2'
end

begin 'terminal: Ctrl-C at the first question: nothing kept'
mkbank
onterm 'NO_COLOR=1 ask -f t.tsv -s t > answers' '1/5' '\003'
screen_has 'cancelled, nothing kept'
assert '[ ! -s answers ]' 'no answers'
status 130
end

begin 'terminal: Ctrl-C kills ask by SIGINT (130), even mid-answer'
mkbank
onterm 'NO_COLOR=1 ask -f t.tsv -s t > answers' '1/5' '2\r' '2/5' 'ye\003'
status 130
same answers 'mood	2'
screen_has 'cancelled; the 1 answer given already went to the output file'
end

begin 'terminal: bold questions only when stderr is a terminal and NO_COLOR unset'
mkbank
onterm 'TERM=xterm ask -f t.tsv -s t > answers; TERM=xterm NO_COLOR= ask -f t.tsv -s t >> answers' \
    '1/5' '1\r\0042\r\004'
same answers 'mood	1
mood	2'
assert '[ "$(grep -c "^1/5 $ESC\[1mHow is your mood? (1 = low, 5 = high)$ESC\[0m \[1-5\] " "$T/.tty")" -eq 2 ]' 'the question in bold, twice (NO_COLOR empty is unset)'
end

begin 'terminal: no escape codes with TERM=dumb, or with stderr a file'
mkbank
onterm 'TERM=dumb ask -f t.tsv -s t > answers; TERM=xterm ask -f t.tsv -s t 2> prompts >> answers' \
    '1/5' '1\r\0041\r\004'
assert '! grep -q "$ESC" "$T/.tty"' 'none with TERM=dumb'
assert '! grep -q "$ESC" prompts' 'none into a file'
assert 'grep -Fq "1/5 How is your mood? (1 = low, 5 = high) [1-5] " prompts' 'the prompts still go to stderr'
assert '! grep -q "given" prompts' 'no word of the end into a file'
assert '[ "$(grep -c "^1 answer given" "$T/.screen")" -eq 1 ]' 'said on the terminal only'
end

begin 'terminal: HEARTH_NOTTY makes a terminal read like a file, without prompts'
mkbank
onterm 'HEARTH_NOTTY=1 ask -f t.tsv -s t > answers' '' '3\rn\r\004'
same answers 'mood	3
walked	0'
assert '! grep -q "1/5" "$T/.screen"' 'no prompt'
status 0
end

begin 'terminal: the set "more" opens as the extra check-in, not "the more check-in"'
onterm 'NO_COLOR=1 ask -s more > answers' '1/' '\r'
screen_block "The extra check-in: 1 question. Enter skips one, Ctrl-D stops and keeps your
answers, Ctrl-C cancels."
assert '! grep -q "more check-in" "$T/.screen"' 'no "The more check-in"'
onterm 'NO_COLOR=1 ask -s weekly > answers' '1/' '\004'
screen_has 'The weekly check-in: '
end

begin 'terminal: answers only shown on the terminal: the end says how to keep them'
mkbank
onterm 'NO_COLOR=1 ask -f t.tsv -s t' '1/5' '2\r' '2/5' '\004'
screen_block 'The t check-in: 5 questions. Enter skips one, Ctrl-D stops, Ctrl-C cancels.'
screen_block '1 answer given, shown here but not kept. To keep a check-in, answer it with:
    ask -f t.tsv -s t | log -f t.tsv -a ~/us/journal.tsv'
assert '! grep -q "keeps your answers" "$T/.screen"' 'Ctrl-D keeps nothing when nothing is kept'
onterm 'NO_COLOR=1 HEARTH_JOURNAL=$HOME/our/j.tsv ask' '1/' '3\r\004'
screen_block '1 answer given, shown here but not kept. To keep a check-in, answer it with:
    ask | log -a ~/our/j.tsv'
onterm 'NO_COLOR=1 ask | cat' '1/' '3\r\004'
screen_block 'The daily check-in: 8 questions. Enter skips one, Ctrl-D stops and keeps your
answers, Ctrl-C cancels.'
screen_has '1 answer given'
assert '! grep -q "not kept" "$T/.screen"' 'into a pipe, the answers go somewhere'
end

# every prompt of the built-in sets, at WIDTH columns, answered with Enter
all_prompts() {
	keys=''
	for st in daily weekly distance repair more; do
		i=$(setlines $st | wc -l)
		while [ "$i" -gt 0 ]; do keys="$keys\\r"; i=$((i - 1)); done
	done
	# typed once the first prompt shows (stty first), read by one run after another
	onterm "stty cols $1; for s in daily weekly distance repair more; do NO_COLOR=1 ask -s \$s > /dev/null; done" \
	    '1/' "$keys"
}

begin 'terminal: a hint is never split, nor alone on its line, at 80 or 120 columns'
for w in 80 120; do
	all_prompts $w
	assert '[ "$(grep -c "answers given" "$T/.screen")" -eq 5 ]' "five check-ins at $w columns"
	awk '{ o = gsub(/\[/, "["); c = gsub(/\]/, "]"); if (o != c) print }' "$T/.screen" > split
	assert '[ ! -s split ]' "a hint split at $w columns: $(head -3 split)"
	# keys typed ahead echo before the prompt they answer, so a prompt may
	# follow a hint on its line: a line that starts with a hint is one alone
	assert '! grep -q "^ *\[" "$T/.screen"' "a hint alone on a line at $w columns: $(grep "^ *\[" "$T/.screen" | head -3)"
done
end

begin 'terminal: a message that says why an answer is refused wraps between words'
onterm 'stty cols 80; NO_COLOR=1 ask > answers' '1/8' '\r\r\r\r' '5/8' 'half an hour\r' 'not "half' '\004'
screen_block 'ask: for minutes of real talk, please give minutes as a whole number, like 25
     (not "half an hour")'
onterm 'stty cols 40; NO_COLOR=1 ask > answers' '1/8' '\r\r\r\r' '5/8' 'half an hour\r' 'not "half' '\004'
screen_block 'ask: for minutes of real talk, please
     give minutes as a whole number,
     like 25 (not "half an hour")'
end

else
	grep "^begin 'terminal: " "$top/tests/t_ask.sh" | cut -d "'" -f 2 |
	while IFS= read -r c; do
		begin "$c"
		skip 'script(1) is missing (Debian: bsdutils)'
	done
fi
