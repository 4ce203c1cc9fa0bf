#!/bin/sh
# t_answers.sh - tonight's question, answered by both: ask -P (answering),
# ask -r (the reveal) and ask -b (the book of us, as text and HTML).
#
# The bank of these tests defines the measure answer, as the built-in bank
# does once it holds the line, and starters in categories of their own,
# so that -c picks a question the tests know whatever the built-in bank
# says.  Question ids are computed here by a FNV-1a of the tests' own.
. "$top/tests/lib.sh"

# The book warns when it goes to a file others can read: the files of
# these tests are their owner's alone, but for the cases that say otherwise.
umask 077
limit= fast=
command -v timeout > /dev/null 2>&1 && limit='timeout 60' fast='timeout 10'

ESC=$(printf '\033')
RLO=$(printf '\342\200\256')		# U+202E RIGHT-TO-LEFT OVERRIDE
USAGE='usage: ask [-f bank] [-s set]
       ask [-f bank] -p [-c category] [-d date]
       ask [-f bank] -P [-c category] [-d date]
       ask -r [-d date] [-w who] [journal ...]
       ask -b [-H] [-d date] [-n days] [-o file] [-w who] [journal ...]
       ask [-f bank] -l [-s set]'
SMILE='What made you smile today?'
HOST="Say it <b>bold</b> & \"quoted\" 'too'?"

mkbank() {
	cat > "$T/t.tsv" <<-EOF
	answer	answer	text	1	1	high	Tonight's question, answered (ask -P asks it)
	prompt	smile	-	-	-	-	$SMILE
	prompt	vec	-	-	-	-	a
	prompt	hostile	-	-	-	-	$HOST
	prompt	two	-	-	-	-	The first of two?
	prompt	two	-	-	-	-	The second of two?
	EOF
}

# FNV-1a, 32 bits, of the bytes of $1, in 8 hex digits: a question's id.
fnv() {
	h=2166136261
	for c in $(printf '%s' "$1" | od -An -v -tu1); do
		h=$(( ((h ^ c) * 16777619) & 4294967295 ))
	done
	printf '%08x' "$h"
}

# ans WHO TIME CATEGORY TEXT [JOURNAL]: WHO answers the question of CATEGORY
# at TIME, through log into JOURNAL (j.tsv).
ans() {
	printf '%s\n' "$4" | HEARTH_NOW=$2 "$top/bin/ask" -f "$T/t.tsv" -P -c "$3" |
	    HEARTH_NOW=$2 "$top/bin/log" -f "$T/t.tsv" -w "$1" -a "$T/${5:-j.tsv}" ||
	    fail "ans $1 $2 could not answer"
}

# --- options -------------------------------------------------------------------

begin '-P -r -b in the usage; two of them together'
run ask -P -r
out ''
err "ask: only one of -p, -P, -r, -b and -l at a time
$USAGE"
status 2
end

begin '-p with -P'
run ask -p -P
out ''
err "ask: only one of -p, -P, -r, -b and -l at a time
$USAGE"
status 2
end

begin '-H and -n go with -b'
run ask -r -H
out ''
err "ask: -H goes with -b
$USAGE"
status 2
end

begin '-n alone is a usage error'
run ask -n 7
out ''
err "ask: -n goes with -b
$USAGE"
status 2
end

begin '-w goes with -r or -b, not -P: log -w says who answered'
run ask -P -w sam
out ''
err "ask: -w goes with -r or -b; log -w says who answered
$USAGE"
status 2
end

begin '-w alone'
run ask -w sam
out ''
err "ask: -w goes with -r or -b
$USAGE"
status 2
end

begin '-c goes with -p or -P; -f and -s not with -r'
run ask -r -c smile
out ''
err "ask: -c goes with -p or -P
$USAGE"
status 2
run ask -b -f t.tsv
err "ask: -f names a question bank: -r and -b read only journals
$USAGE"
status 2
run ask -P -s daily
err "ask: -s chooses a set of questions; it does not go with -P
$USAGE"
status 2
end

begin '-n wants a whole number of days, 1 or more'
for n in 0 -3 x 2x ''; do
	run ask -b -n "$n"
	out ''
	err "ask: -n \"$n\": want a whole number of days, 1 or more
$USAGE"
	status 2
done
end

begin '-d bad with -r'
run ask -r -d 2026-13-01
out ''
err_has '^ask: -d "2026-13-01": .* \(or today, yesterday\)$'
status 2
end

begin '-P takes no operand'
mkbank
run ask -f t.tsv -P -c smile words
out ''
err "ask: unexpected \"words\": the answer comes on standard input
$USAGE"
status 2
end

begin 'ask -s answer is not a check-in: it holds the answers of ask -P'
mkbank
input '3'
run ask -f t.tsv -s answer
out ''
err_has '^ask: "answer" holds the answers of ask -P, not questions$'
status 2
end

begin '-P with an unknown category names the categories'
mkbank
run ask -f t.tsv -P -c nosuch
out ''
err_has '^ask: no starters in category "nosuch"; the categories are .*smile, vec, hostile, two$'
status 2
end

# --- answering -------------------------------------------------------------------

begin '-P from a pipe: one answer line, the question id, the question, the answer'
mkbank
input 'The cat on the stairs.'
run ask -f t.tsv -P -c smile
out "answer	1	q:$(fnv "$SMILE") $SMILE\\tThe cat on the stairs."
err ''
status 0
end

begin 'the id is the FNV-1a of the question, 32 bits: "a" is e40c292c'
mkbank
input 'b'
run ask -f t.tsv -P -c vec
out 'answer	1	q:e40c292c a\tb'
err ''
status 0
end

begin '-P asks the starter of -p: same bank, seed and day'
mkbank
q=$(HEARTH_SEED=5 "$top/bin/ask" -f t.tsv -p -d 2026-11-20)
input 'yes'
HEARTH_SEED=5 run ask -f t.tsv -P -d 2026-11-20
out "answer	1	q:$(fnv "$q") $q\\tyes"
err ''
status 0
end

begin '-P: lines are kept, tabs and backslashes escaped, blank lines around dropped'
mkbank
input_raw '

  first	line \ end
second line

third, after a blank line
  

'
run ask -f t.tsv -P -c smile
out "answer	1	q:$(fnv "$SMILE") $SMILE\\tfirst\\tline \\\\ end\\nsecond line\\n\\nthird, after a blank line"
err ''
status 0
end

begin '-P | log: log takes the answer, a text measure with value 1'
mkbank
input 'Your laugh at breakfast.'
runsh 'ask -f t.tsv -P -c smile | log -f t.tsv -a j.tsv'
out ''
err ''
status 0
same j.tsv "#time	who	what	value	note
2026-11-26T21:04:00+01:00	alex	answer	1	q:$(fnv "$SMILE") $SMILE\\tYour laugh at breakfast."
end

begin '-P: an empty answer prints nothing, status 1'
mkbank
input_raw '

'
run ask -f t.tsv -P -c smile
out ''
err 'ask: no answer: nothing was printed'
status 1
end

begin '-P: a control character refuses the whole answer'
mkbank
input_raw "$(printf 'fine\nnot\001fine\nfine again\n')"
run ask -f t.tsv -P -c smile
out ''
err 'ask: stdin:2: a control character in the answer (only tabs are kept)'
status 1
end

begin '-P: bad UTF-8 refuses the whole answer'
mkbank
input_raw "$(printf 'caf\351\n')"
run ask -f t.tsv -P -c smile
out ''
err 'ask: stdin:1: the answer is not UTF-8 text'
status 1
end

begin '-P: a line longer than 64 KiB is refused'
mkbank
awk 'BEGIN { for (i = 0; i < 70000; i++) printf "x"; print "" }' > long
input_file long
run ask -f t.tsv -P -c smile
out ''
err 'ask: stdin:1: the line is longer than 64 KiB'
status 1
end

begin '-P: an answer too long for the journal once escaped is refused'
mkbank
awk 'BEGIN { for (i = 0; i < 40000; i++) printf "\\"; print "" }' > slashes
input_file slashes
run ask -f t.tsv -P -c smile
out ''
err 'ask: the answer is too long for the journal (at most 65280 bytes with the question, tabs, newlines and backslashes counting twice): nothing was printed'
status 1
end

begin '-P: the longest answer that fits is one journal line log takes'
mkbank
# 65280 bytes of note: "q:" 8 hex, a space, the question, "\t", the answer
n=$((65280 - 11 - ${#SMILE} - 2))
awk -v n=$n 'BEGIN { for (i = 0; i < n; i++) printf "y"; print "" }' > fits
input_file fits
runsh 'ask -f t.tsv -P -c smile | log -f t.tsv -a j.tsv'
out ''
err ''
status 0
assert '[ "$(sed -n 2p j.tsv | cut -f5 | wc -c)" -eq 65281 ]' 'a note of 65280 bytes'
awk -v n=$((n + 1)) 'BEGIN { for (i = 0; i < n; i++) printf "y"; print "" }' > over
input_file over
run ask -f t.tsv -P -c smile
out ''
err_has '^ask: the answer is too long for the journal'
status 1
end

begin '-P: endless input ends once it is more than a note can hold (yes | ask -P)'
mkbank
runsh "yes | $limit ask -f t.tsv -P -c smile"
out ''
err 'ask: stdin:32641: the answer is too long for the journal (at most 65280 bytes with the question, tabs, newlines and backslashes counting twice): nothing was printed'
status 1
end

begin '-P: ten bad lines are named, then a count'
mkbank
awk 'BEGIN { for (i = 1; i <= 14; i++) printf "bad%c%d\n", 1, i }' > bad
input_file bad
run ask -f t.tsv -P -c smile
out ''
err "$(i=1; while [ $i -le 10 ]; do echo "ask: stdin:$i: a control character in the answer (only tabs are kept)"; i=$((i + 1)); done)
ask: 4 more bad lines not shown"
status 1
end

begin '-P: a bank that makes answer another type is refused'
mkbank
printf 'answer\tanswer\tscale\t1\t5\thigh\tHow?\n' >> t.tsv
sed -i.bak 1d t.tsv
input 'words'
run ask -f t.tsv -P -c smile
out ''
err 'ask: the bank defines answer as a scale measure; ask -P writes text answers'
status 1
end

if grep -q '^answer	answer	text	' "$top/src/questions.tsv"; then
begin '-P with the built-in bank alone: answer is built in'
input 'the built-in measure'
runsh 'ask -P | log -a j.tsv'
out ''
err ''
status 0
assert 'grep -q "	alex	answer	1	q:[0-9a-f]\{8\} .*\\\\tthe built-in measure$" j.tsv' 'the answer in the journal'
end
else
begin '-P with the built-in bank alone: it says which line to add'
input 'words'
run ask -P
out ''
err "ask: no question bank defines the measure answer that ask -P writes; add this line to your bank:
answer	answer	text	1	1	high	Tonight's question, answered (ask -P asks it)"
status 1
end
fi

# --- the reveal ---------------------------------------------------------------------

begin 'reveal: nobody has answered yet'
mkbank
: > j.tsv
run ask -r j.tsv
out ''
err "ask: nobody has answered tonight's question yet"
status 1
end

begin 'reveal refused before you answer: it says who has answered'
mkbank
ans sam 2026-11-26T20:15:00+01:00 smile 'You did, this morning.'
run ask -r j.tsv
out ''
err "ask: sam has answered tonight's question; yours first"
status 1
assert '! grep -q "this morning" "$T/.out" "$T/.err"' 'nothing of the answer shown'
end

begin 'reveal: you answered, your partner not yet'
mkbank
ans sam 2026-11-25T20:15:00+01:00 smile 'Yesterday: the rain.'
ans alex 2026-11-26T21:00:00+01:00 smile 'The cat on the stairs.'
run ask -r j.tsv
out ''
err "ask: sam has not answered tonight's question yet"
status 1
end

begin 'reveal: you answered and nobody else is in the journal'
mkbank
ans alex 2026-11-26T21:00:00+01:00 smile 'The cat on the stairs.'
run ask -r j.tsv
out ''
err "ask: nobody else has answered tonight's question yet"
status 1
end

begin 'reveal after both answered: the question and both answers'
mkbank
ans sam 2026-11-26T20:15:00+01:00 smile 'You did, this morning.'
ans alex 2026-11-26T21:00:00+01:00 smile 'The cat on the stairs.'
run ask -r j.tsv
out "Thursday 26 November 2026
$SMILE

alex
    The cat on the stairs.

sam
    You did, this morning."
err ''
status 0
HEARTH_WHO=sam run ask -r j.tsv
out_file "$T/.want"
status 0
run ask -r -w sam j.tsv
out_file "$T/.want"
status 0
end

begin 'reveal: -w, HEARTH_WHO, then the login name, whatever it is'
mkbank
# names made from the login name, so that none of them can be it
me=$(id -un)
ans "${me}_partner" 2026-11-26T20:15:00+01:00 smile 'You did.'
ans "$me" 2026-11-26T21:00:00+01:00 smile 'Me too.'
HEARTH_WHO='' run ask -r j.tsv
out_has '^    Me too\.$'
out_has '^    You did\.$'
err ''
status 0
run ask -r -w "${me}_other" j.tsv
out ''
err "ask: $me and ${me}_partner have answered tonight's question; yours first"
status 1
HEARTH_WHO="${me}_other" run ask -r -w "$me" j.tsv
out_has '^    Me too\.$'
status 0
end

begin 'reveal: a multi-line answer keeps its lines; an answer given twice shows both'
mkbank
ans sam 2026-11-26T20:15:00+01:00 smile "$(printf 'One.\nTwo.')"
ans alex 2026-11-26T21:00:00+01:00 smile 'First.'
ans alex 2026-11-26T21:10:00+01:00 smile 'And then.'
run ask -r j.tsv
out "Thursday 26 November 2026
$SMILE

alex
    First.

    And then.

sam
    One.
    Two."
err ''
status 0
end

begin 'reveal -d: yesterday and another day, in words'
mkbank
ans sam 2026-11-25T20:15:00+01:00 smile 'x'
ans sam 2026-11-20T20:15:00+01:00 smile 'y'
run ask -r -d yesterday j.tsv
err "ask: sam has answered yesterday's question; yours first"
status 1
run ask -r -d 2026-11-20 j.tsv
err "ask: sam has answered the question of 2026-11-20; yours first"
status 1
ans alex 2026-11-20T22:00:00+01:00 smile 'z'
run ask -r -d 2026-11-20T08:00:00Z j.tsv
out "Friday 20 November 2026
$SMILE

alex
    z

sam
    y"
err ''
status 0
end

begin 'reveal within the asker'"'"'s couple only'
mkbank
ans smiths/sam 2026-11-26T20:00:00+01:00 smile 'smiths sam'
ans jones/kim 2026-11-26T20:05:00+01:00 smile 'jones kim'
ans jones/lee 2026-11-26T20:06:00+01:00 smile 'jones lee'
ans kim 2026-11-26T20:07:00+01:00 smile 'no couple kim'
run ask -r -w smiths/alex j.tsv
out ''
err "ask: sam has answered tonight's question; yours first"
status 1
ans smiths/alex 2026-11-26T21:00:00+01:00 smile 'smiths alex'
run ask -r -w smiths/alex j.tsv
out "Thursday 26 November 2026
$SMILE

alex
    smiths alex

sam
    smiths sam"
err ''
status 0
run ask -r -w jones/ann j.tsv
out ''
err "ask: kim and lee have answered tonight's question; yours first"
status 1
run ask -r -w alex j.tsv
out ''
err "ask: kim has answered tonight's question; yours first"
status 1
end

begin 'reveal: the question is found again after the bank changed, and with another seed'
mkbank
q=$("$top/bin/ask" -f t.tsv -p -c two)
ans sam 2026-11-26T20:00:00+01:00 two 'about the first'
ans alex 2026-11-26T21:00:00+01:00 two 'me too'
# the category's order changes: a starter added, and another seed
printf 'prompt\ttwo\t-\t-\t-\t-\tA third one, added later?\n' >> t.tsv
assert '[ "$(HEARTH_SEED=1 "$top/bin/ask" -f t.tsv -p -c two)" != "$q" ]' 'tonight the bank says another question'
sed -i.bak "/	$q\$/d" t.tsv
assert '! grep -Fq "$q" t.tsv' 'the question is gone from the bank'
HEARTH_SEED=1 HEARTH_BANK=$T/t.tsv run ask -r j.tsv
out "Thursday 26 November 2026
$q

alex
    me too

sam
    about the first"
err ''
status 0
end

begin 'reveal: the same question on another day is another pair'
mkbank
ans alex 2026-11-25T21:00:00+01:00 smile 'wednesday alex'
ans sam 2026-11-26T20:00:00+01:00 smile 'thursday sam'
run ask -r -w sam j.tsv
out ''
err "ask: alex has not answered tonight's question yet"
status 1
run ask -r -d yesterday j.tsv
out ''
err "ask: sam has not answered yesterday's question yet"
status 1
run ask -b j.tsv
out ''
err 'ask: no question of the day answered by both of you yet'
status 0
end

begin 'reveal: another question that day is not a pair'
mkbank
ans alex 2026-11-26T20:00:00+01:00 smile 'smile alex'
ans sam 2026-11-26T20:30:00+01:00 vec 'vec sam'
run ask -r j.tsv
out ''
err "ask: sam has not answered tonight's question yet
ask: sam has answered another question that day; yours first"
status 1
end

begin 'two journals, one each, merged with sort -u or read together'
mkbank
ans alex 2026-11-26T21:00:00+01:00 smile 'alex here' alex.tsv
ans sam 2026-11-26T20:00:00+01:00 smile 'sam there' sam.tsv
LC_ALL=C sort -u alex.tsv sam.tsv > j.tsv
assert '[ "$(wc -l < j.tsv)" -eq 3 ]' 'one header and two records'
run ask -r j.tsv
out "Thursday 26 November 2026
$SMILE

alex
    alex here

sam
    sam there"
err ''
status 0
run ask -r alex.tsv sam.tsv
out_file "$T/.want"
status 0
run ask -r j.tsv alex.tsv sam.tsv
out_file "$T/.want"
err ''
status 0
input_file j.tsv
run ask -r
out_file "$T/.want"
status 0
end

begin 'reveal: bad records are named, file:line, and the rest is read'
mkbank
ans sam 2026-11-26T20:00:00+01:00 smile 'sam'
ans alex 2026-11-26T21:00:00+01:00 smile 'alex'
printf '2026-11-26T21:05:00+01:00\tsam\tanswer\t1\tno question here\n' >> j.tsv
printf 'not a record\n' >> j.tsv
run ask -r j.tsv
out_has '^    alex$'
err 'ask: j.tsv:4: an answer of ask -P holds "q:", the question'"'"'s id, a space, the question, a tab and the answer in its note
ask: j.tsv:5: want 4 or 5 tab-separated fields (time, who, what, value, note), found 1'
status 0
end

begin 'an answer read twice is shown once, wherever the two copies are'
mkbank
ans alex 2026-11-26T21:04:00+01:00 smile 'first' alex.tsv
ans alex 2026-11-26T21:05:00+01:00 smile 'second' alex.tsv
ans sam 2026-11-26T21:04:00+01:00 smile 'hi' sam.tsv
LC_ALL=C sort -u alex.tsv sam.tsv > ours.tsv
run ask -r ours.tsv alex.tsv sam.tsv
out "Thursday 26 November 2026
$SMILE

alex
    first

    second

sam
    hi"
err ''
status 0
run ask -r alex.tsv ours.tsv sam.tsv alex.tsv ours.tsv
out_file "$T/.want"
status 0
run ask -b ours.tsv alex.tsv sam.tsv
out_file "$T/.want"
status 0
run ask -b -H alex.tsv ours.tsv sam.tsv
assert '[ "$(grep -c "first" "$T/.out")" -eq 1 ] && [ "$(grep -c "second" "$T/.out")" -eq 1 ]' 'each answer once in the page'
status 0
end

begin 'an answer given twice, at two times, is shown twice, in the order read'
mkbank
ans alex 2026-11-26T21:05:00+01:00 smile 'later' a.tsv
ans alex 2026-11-26T21:04:00+01:00 smile 'sooner' b.tsv
ans sam 2026-11-26T21:04:00+01:00 smile 'hi' b.tsv
run ask -r a.tsv b.tsv a.tsv b.tsv
out "Thursday 26 November 2026
$SMILE

alex
    later

    sooner

sam
    hi"
err ''
status 0
end

begin 'an answer whose note is not one of ask -P is a bad record: an empty question, a bad id'
mkbank
ans sam 2026-11-26T20:00:00+01:00 smile 'sam'
id=$(fnv "$SMILE")
for note in "q:$id \\tno question" "q:${id}x $SMILE\\tno space" "q:$id" "q:$id $SMILE" \
    "q:zzzzzzzz $SMILE\\tnot hex" "q:1234567 $SMILE\\tseven" "Q:$id $SMILE\\tcase"; do
	printf '2026-11-26T21:00:00+01:00\talex\tanswer\t1\t%s\n' "$note" >> j.tsv
done
why='an answer of ask -P holds "q:", the question'"'"'s id, a space, the question, a tab and the answer in its note'
run ask -r j.tsv
out ''
err "ask: j.tsv:3: $why
ask: j.tsv:4: $why
ask: j.tsv:5: $why
ask: j.tsv:6: $why
ask: j.tsv:7: $why
ask: j.tsv:8: $why
ask: j.tsv:9: $why
ask: sam has answered tonight's question; yours first"
status 1
run ask -b j.tsv
out ''
err_has '^ask: j.tsv:3: an answer of ask -P holds'
err_has '^ask: no question of the day answered by both of you yet$'
status 0
end

begin 'many people in one couple: n log n, not n squared (40,000 people, 80,000 answers to one question)'
mkbank
id=$(fnv "$SMILE")
awk -v id="$id" -v q="$SMILE" 'BEGIN {
	printf "2026-11-26T21:00:00+01:00\talex\tanswer\t1\tq:%s %s\\tmine\n", id, q
	for (i = 0; i < 40000; i++)
		printf "2026-11-26T20:00:00+01:00\tp%06d\tanswer\t1\tq:%08x Question %d?\\tanswer %d\n", i, i, i, i
}' > people.tsv
awk -v id="$id" -v q="$SMILE" 'BEGIN {
	printf "2026-11-26T21:00:00+01:00\talex\tanswer\t1\tq:%s %s\\tmine\n", id, q
	for (i = 0; i < 80000; i++)
		printf "2026-11-26T20:00:00+01:00\tp%06d\tanswer\t1\tq:%s %s\\tanswer %d\n", i, id, q, i
}' > answers.tsv
# quadratic, as before, these took 40 s and 22 s (-r), 3 s and 38 s (-b -H)
runsh "$fast ask -r people.tsv"
assert '[ "$(wc -l < "$T/.err")" -eq 40001 ]' 'a line for each question only the others answered, one for the asker'"'"'s'
status 1
runsh "$fast ask -b -H people.tsv"
status 0
runsh "$fast ask -r answers.tsv"
assert '[ "$(grep -c "^    answer " "$T/.out")" -eq 80000 ]' 'every answer shown'
status 0
runsh "$fast ask -b -H answers.tsv"
assert '[ "$(grep -c "^<section>" "$T/.out")" -eq 80001 ]' 'every answer shown'
status 0
end

begin 'reveal: an unreadable journal says so, status 1'
mkbank
run ask -r nosuch.tsv
out ''
err "ask: nosuch.tsv: No such file or directory
ask: nobody has answered tonight's question yet"
status 1
end

begin 'reveal: a bad -w is bad data, status 1'
run ask -r -w 'a b' /dev/null
out ''
err 'ask: bad name "a b": a name has no spaces or control characters'
status 1
end

begin 'reveal into a full disk'
mkbank
ans sam 2026-11-26T20:00:00+01:00 smile 'sam'
ans alex 2026-11-26T21:00:00+01:00 smile 'alex'
runsh 'ask -r j.tsv > /dev/full'
out ''
err 'ask: stdout: No space left on device'
status 1
end

# --- hostile text -------------------------------------------------------------------

begin 'hostile text as text: tab a space, backslash kept, markup plain, U+202E shown'
mkbank
ans sam 2026-11-26T20:00:00+01:00 hostile "$(printf 'a\tb \\ c <script>alert(1)</script> %sevil' "$RLO")"
ans alex 2026-11-26T21:00:00+01:00 hostile 'fine'
run ask -r j.tsv
out "Thursday 26 November 2026
$HOST

alex
    fine

sam
    a b \\ c <script>alert(1)</script> <U+202E>evil"
err ''
status 0
assert '! grep -q "$RLO" "$T/.out"' 'no raw U+202E'
end

begin 'hostile text as HTML: every byte escaped, no script, no raw U+202E'
mkbank
ans sam 2026-11-26T20:00:00+01:00 hostile "$(printf '<script>alert("x")</script>\t& %sevil '"'"'q'"'"'\nnext' "$RLO")"
ans alex 2026-11-26T21:00:00+01:00 hostile '<img src=x onerror=alert(1)>'
run ask -b -H j.tsv
err ''
status 0
out_has '^<p class="q" dir="auto">Say it &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; &#39;too&#39;\?</p>$'
out_has '^<p class="a" dir="auto">&lt;img src=x onerror=alert\(1\)&gt;</p>$'
out_has '^<p class="a" dir="auto">&lt;script&gt;alert\(&quot;x&quot;\)&lt;/script&gt; &amp; &lt;U\+202E&gt;evil &#39;q&#39;$'
out_has '^next</p>$'
out_has '^<h3 dir="auto">sam</h3>$'
tags=$(grep -o '<[^>]*>' "$T/.out" | sed 's|^</*\([!A-Za-z0-9]*\).*|\1|' | sort -u | tr '\n' ' ')
assert '[ "$tags" = "!DOCTYPE article body div footer h1 h2 h3 head header html main meta p section span style time title " ]' "only the page's own elements, not: $tags"
assert '! grep -qi "url(\|@import\|https\{0,1\}:" "$T/.out"' 'no resource from elsewhere'
assert '! grep -q "$RLO" "$T/.out"' 'no raw U+202E'
assert '! grep -q "	" "$T/.out"' 'no tab'
out_has "content=\"default-src 'none'; style-src 'unsafe-inline'\""
end

begin 'no escape codes reach the terminal from an answer'
mkbank
ans sam 2026-11-26T20:00:00+01:00 smile 'x'
ans alex 2026-11-26T21:00:00+01:00 smile 'y'
printf '2026-11-26T21:05:00+01:00\tsam\tanswer\t1\tq:%s %s\\tcr\\rhere\n' "$(fnv "$SMILE")" "$SMILE" >> j.tsv
run ask -r j.tsv
out "Thursday 26 November 2026
$SMILE

alex
    y

sam
    x

    cr\\rhere"
assert '! grep -q "$(printf "\r")" "$T/.out"' 'no raw carriage return'
status 0
end

# --- the book of us ------------------------------------------------------------------

# alex and sam over five days: both on the 22nd, 23rd and 26th; on the 24th
# only alex; on the 25th only sam; and an answer after the as-of date.
mkjournal() {
	ans sam 2026-11-22T20:00:00+01:00 smile 'sam 22'
	ans alex 2026-11-22T21:00:00+01:00 smile 'alex 22'
	ans alex 2026-11-23T07:30:00+01:00 vec 'alex 23'
	ans sam 2026-11-23T22:00:00+01:00 vec 'sam 23'
	ans alex 2026-11-24T21:00:00+01:00 smile 'alex alone 24'
	ans sam 2026-11-25T21:00:00+01:00 smile 'sam alone 25'
	ans alex 2026-11-26T21:00:00+01:00 two 'alex 26'
	ans sam 2026-11-26T21:30:00+01:00 two 'sam 26'
	ans alex 2026-11-27T21:00:00+01:00 smile 'alex 27'
	ans sam 2026-11-27T21:00:00+01:00 smile 'sam 27'
	q26=$(HEARTH_NOW=2026-11-26T12:00:00Z "$top/bin/ask" -f t.tsv -p -c two)
}

begin 'the book: every question both answered, oldest first, nothing else'
mkbank
mkjournal
LC_ALL=C sort -r j.tsv > rev.tsv	# the order of the file does not matter
run ask -b rev.tsv
out "Sunday 22 November 2026
$SMILE

alex
    alex 22

sam
    sam 22

Monday 23 November 2026
a

alex
    alex 23

sam
    sam 23

Thursday 26 November 2026
$q26

alex
    alex 26

sam
    sam 26"
err ''
status 0
run ask -b -w sam j.tsv
out_file "$T/.want"
end

begin 'the book over a range: -n days ending on -d'
mkbank
mkjournal
run ask -b -n 4 j.tsv
out "Monday 23 November 2026
a

alex
    alex 23

sam
    sam 23

Thursday 26 November 2026
$q26

alex
    alex 26

sam
    sam 26"
err ''
status 0
run ask -b -n 1 -d 2026-11-22 j.tsv
out "Sunday 22 November 2026
$SMILE

alex
    alex 22

sam
    sam 22"
status 0
run ask -b -n 2 -d 2026-11-25 j.tsv
out ''
err 'ask: no question of the day answered by both of you in those days yet'
status 0
end

begin 'the book as HTML: a page of its own, entries oldest first'
mkbank
mkjournal
run ask -b -H j.tsv
err ''
status 0
out_has '^<!DOCTYPE html>$'
out_has '^<meta name="viewport" content="width=device-width, initial-scale=1">$'
out_has '^<p class="sub">alex and sam &middot; 3 questions answered together <span class="when">22 to 26 November 2026</span></p>$'
assert '[ "$(grep -c "^<article>" "$T/.out")" -eq 3 ]' 'three entries'
assert '[ "$(grep -o "datetime=\"[0-9-]*\"" "$T/.out" | tr "\n" " ")" = "datetime=\"2026-11-22\" datetime=\"2026-11-23\" datetime=\"2026-11-26\" " ]' 'oldest first'
out_lacks 'alone'
out_lacks '27'
assert 'tail -n 1 "$T/.out" | grep -qx "</html>"' 'the page ends'
end

begin 'the book as HTML: its days in as few words as they need'
mkbank
ans alex 2026-11-26T21:00:00+01:00 smile 'a'
ans sam 2026-11-26T21:00:00+01:00 smile 'b'
run ask -b -H j.tsv
out_has '^<p class="sub">alex and sam &middot; 1 question answered together <span class="when">26 November 2026</span></p>$'
ans alex 2026-10-30T21:00:00+01:00 smile 'c'
ans sam 2026-10-30T21:00:00+01:00 smile 'd'
run ask -b -H j.tsv
out_has '^<p class="sub">alex and sam &middot; 2 questions answered together <span class="when">30 October to 26 November 2026</span></p>$'
ans alex 2025-12-31T21:00:00+01:00 smile 'e'
ans sam 2025-12-31T21:00:00+01:00 smile 'f'
run ask -b -H j.tsv
out_has '^<p class="sub">alex and sam &middot; 3 questions answered together <span class="when">31 December 2025 to 26 November 2026</span></p>$'
err ''
status 0
end

begin 'the book as HTML with nothing in it yet'
mkbank
ans alex 2026-11-26T21:00:00+01:00 smile 'alone'
run ask -b -H j.tsv
err ''
status 0
out_has '^<p class="empty">No question of the day answered by both of you yet\. Tonight&#39;s could be the first\.</p>$'
out_lacks 'alone'
end

# --- the book in a file of its own ---------------------------------------------------

mode() { ls -l "$1" | cut -c1-10; }

begin '-o: the book goes to a new file, mode 0600, whatever the umask'
mkbank
mkjournal
umask 022
run ask -b -H -o book.html j.tsv
umask 077
out ''
err ''
status 0
assert '[ "$(mode book.html)" = "-rw-------" ]' "book.html is $(mode book.html)"
assert 'grep -q "^<!DOCTYPE html>$" book.html && tail -n 1 book.html | grep -qx "</html>"' 'the whole page'
end

begin '-o: a file there already is emptied first and made 0600'
mkbank
mkjournal
awk 'BEGIN { for (i = 0; i < 2000; i++) print "an older, longer book" }' > book.txt
chmod 644 book.txt
run ask -b -o book.txt j.tsv
out ''
err ''
status 0
assert '[ "$(mode book.txt)" = "-rw-------" ]' "book.txt is $(mode book.txt)"
run ask -b j.tsv
out_file book.txt
end

begin '-o never writes through a symbolic link, into a journal it reads, or into a device'
mkbank
mkjournal
cp j.tsv before.tsv
ln -s target.html link.html
run ask -b -H -o link.html j.tsv
out ''
err 'ask: link.html is a symbolic link: -o writes the book to a file of its own, never through a link'
status 1
assert '[ ! -e target.html ]' 'a file made through the link'
echo mine > target.html
run ask -b -H -o link.html j.tsv
status 1
same target.html mine
run ask -b -o j.tsv j.tsv
out ''
err 'ask: j.tsv is a journal being read: -o writes the book to a file of its own'
status 1
ln j.tsv hard.tsv
input_file j.tsv
run ask -b -o hard.tsv
err 'ask: hard.tsv is a journal being read: -o writes the book to a file of its own'
status 1
assert 'cmp -s j.tsv before.tsv' 'the journal changed'
run ask -b -o new.tsv new.tsv
err 'ask: new.tsv is a journal being read: -o writes the book to a file of its own'
status 1
assert '[ ! -e new.tsv ]' 'a journal made by -o'
run ask -b -o /dev/null j.tsv
err 'ask: /dev/null is not a regular file: -o writes the book to a file of its own'
status 1
run ask -b -o nodir/book.txt j.tsv
err 'ask: nodir/book.txt: No such file or directory'
status 1
end

begin '-o goes with -b and names a file'
run ask -r -o book.txt j.tsv
out ''
err "ask: -o goes with -b
$USAGE"
status 2
run ask -b -o '' j.tsv
err "ask: -o names no file: give the file the book goes to
$USAGE"
status 2
end

begin 'the book into a file others can read is said, as log says of a journal'
mkbank
mkjournal
umask 022
runsh 'ask -b -H j.tsv > book.html'
umask 077
out ''
err 'ask: others can read the file the book goes to; chmod 600 it, or write the book with -o FILE, which keeps it yours alone'
status 0
runsh 'ask -b -H j.tsv > private.html; ask -b j.tsv | cat > /dev/null'
err ''
status 0
umask 022
runsh 'ask -r j.tsv > reveal.txt'
umask 077
err ''
status 0
end

# --- on a terminal -------------------------------------------------------------------
#
# script(1) gives ask a pseudo-terminal: onterm and screen_has, in lib.sh.

skip() { echo "ok - $1 # SKIP script(1) is missing (Debian: bsdutils)"; }

if have_script; then

begin 'terminal: -P shows the question, reads lines up to an empty one'
mkbank
onterm 'NO_COLOR=1 ask -f t.tsv -P -c smile > a.txt' \
    'Ctrl-C cancels' '\rThe cat.\r' '> ' 'And you.\r\r'
same a.txt "answer	1	q:$(fnv "$SMILE") $SMILE\\tThe cat.\\nAnd you."
screen_has "Tonight's question, for the two of you:"
screen_has "    $SMILE"
screen_has 'Your answer, in a few lines: an empty line or Ctrl-D ends it, Ctrl-C cancels.'
screen_block 'Once your partner has answered too, ask -r with your journal shows you both, as
in:
    ask -r ~/us/journal.tsv'
assert '! grep -q "$ESC" "$T/.tty"' 'no escape codes with NO_COLOR'
status 0
end

begin 'terminal: Ctrl-D ends the answer; a control character line is typed again'
mkbank
onterm 'TERM=xterm ask -f t.tsv -P -c smile -d yesterday > a.txt' \
    'Ctrl-C cancels' 'bad\001line\r' 'type it again' 'good line\r\004'
same a.txt "answer	1	q:$(fnv "$SMILE") $SMILE\\tgood line"
screen_has "Yesterday's question, for the two of you:"
screen_block 'ask: a control character in the answer (only tabs are kept): that line was left
     out; type it again'
assert 'grep -q "$ESC\[1m$SMILE$ESC\[0m" "$T/.tty"' 'the question in bold'
status 0
end

begin 'terminal: Ctrl-C cancels, status 130; in ask -P | log, nothing is written'
mkbank
onterm 'NO_COLOR=1 ask -f t.tsv -P -c smile | log -f t.tsv -a j.tsv' \
    'Ctrl-C cancels' 'half an answer\r' '> ' '\003'
assert '[ ! -s j.tsv ]' 'no journal written'
screen_has 'cancelled, nothing kept'
status 130
end

begin 'terminal: Ctrl-D before any answer prints nothing, status 1'
mkbank
onterm 'NO_COLOR=1 ask -f t.tsv -P -c smile > a.txt' 'Ctrl-C cancels' '\004'
assert '[ ! -s a.txt ]' 'nothing printed'
screen_has 'ask: no answer: nothing was printed'
status 1
end

begin 'terminal: the reveal side by side, wrapped to the width'
mkbank
ans sam 2026-11-26T20:00:00+01:00 smile 'You did, this morning, when you sang to the kettle.'
ans alex 2026-11-26T21:00:00+01:00 smile "$(printf 'The cat on the stairs.\nAnd you.')"
onterm 'NO_COLOR=1 COLUMNS=60 ask -r j.tsv' ''
assert 'grep -q "^alex                           sam$" "$T/.screen"' 'the names over their columns'
assert 'grep -q "^----                           ---$" "$T/.screen"' 'a rule under each'
assert 'grep -q "^The cat on the stairs\.         You did, this morning, when$" "$T/.screen"' 'side by side'
assert 'grep -q "^And you\.                       you sang to the kettle\.$" "$T/.screen"' 'wrapped in its column'
status 0
onterm 'NO_COLOR=1 COLUMNS=40 ask -r j.tsv' ''
screen_has 'What made you smile today?'
assert 'grep -q "^    You did, this morning, when you sang$" "$T/.screen"' 'narrow: one after the other, wrapped'
assert 'grep -q "^    to the kettle\.$" "$T/.screen"' 'the rest on the next line'
status 0
end

begin 'terminal: the reveal counts the columns shown: 25 zero-width spaces, a wide character'
mkbank
zw=$(printf '\342\200\213')
ans alex 2026-11-26T21:00:00+01:00 smile "a$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw$zw"
ans sam 2026-11-26T20:00:00+01:00 smile 'hi there'
onterm 'NO_COLOR=1 COLUMNS=60 ask -r j.tsv' ''
status 0
assert '[ -z "$(awk "length > 60" "$T/.screen")" ]' "a line wider than 60 columns: $(awk 'length > 60' "$T/.screen" | head -c 300)"
screen_has 'a\u200b\u200b\u200b\u200b      hi there'
assert '[ "$(grep -o "u200b" "$T/.screen" | wc -l)" -eq 25 ]' 'every one shown'
mkbank
rm j.tsv
rocket=$(printf '\360\237\232\200')		# U+1F680, two columns
ans alex 2026-11-26T21:00:00+01:00 smile "$rocket rocket"
ans sam 2026-11-26T20:00:00+01:00 smile 'hi'
onterm 'NO_COLOR=1 COLUMNS=60 ask -r j.tsv' ''
screen_has 'alex                           sam'
screen_has "$rocket rocket                      hi"
status 0
end

begin 'terminal: with no journal named, the advice says how ask -r and -b take one'
onterm 'ask -r; ask -b; HEARTH_JOURNAL=nosuch.tsv ask -r' ''
screen_has 'ask: which journal? name it, as in "ask -r journal.tsv", or set HEARTH_JOURNAL'
screen_has 'ask: which journal? name it, as in "ask -b journal.tsv", or set HEARTH_JOURNAL'
screen_has 'ask: nosuch.tsv: No such file or directory'
end

begin 'terminal: after -P, the way to the reveal names the journal where ask knows it'
mkbank
onterm 'HEARTH_JOURNAL=$HOME/us/j.tsv NO_COLOR=1 ask -f t.tsv -P -c smile > a.txt' \
    'Ctrl-C cancels' 'The cat.\r\r'
screen_block 'Once your partner has answered too, this shows you both:
    ask -r ~/us/j.tsv'
status 0
end

begin 'terminal: the question and names in bold, unless NO_COLOR or TERM=dumb'
mkbank
ans sam 2026-11-26T20:00:00+01:00 smile 'sam'
ans alex 2026-11-26T21:00:00+01:00 smile 'alex'
onterm 'TERM=xterm COLUMNS=30 ask -r j.tsv' ''
assert 'grep -q "^$ESC\[1m$SMILE$ESC\[0m" "$T/.screen"' 'the question in bold'
assert 'grep -q "^$ESC\[1malex$ESC\[0m$" "$T/.screen"' 'a name in bold'
status 0
onterm 'TERM=dumb COLUMNS=80 ask -r j.tsv; TERM=xterm NO_COLOR=1 ask -r j.tsv; TERM=xterm ask -r j.tsv | cat' ''
assert '! grep -q "$ESC" "$T/.tty"' 'no escape codes'
status 0
end

else
	for c in answer Ctrl-D Ctrl-C nothing side-by-side columns no-journal after-P bold; do
		skip "terminal: $c"
	done
fi
