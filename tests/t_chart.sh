#!/bin/sh
# t_chart.sh - trend -c's layout: the alerts' words (or that nothing stands
# out), a legend in words, then the header and a row per person and measure,
# fitted to the width: the terminal's, else $COLUMNS, else 80.  Below 110
# columns only n, last7, base28 and flags are shown.  t_trend.sh tests the
# marks and the figures themselves, t_alerts.sh the alerts.
#
# Most cases read tests/example.tsv (gen -D), whose alex's affection drops
# from 2026-11-16 (a drop on alex, a gap on both); every person there has a
# daily set, a weekly set (dodged and granted lower is better, gratitude
# and need text answers) and 90 days in the window.
. "$top/tests/lib.sh"

EX=$top/tests/example.tsv
ESC=$(printf '\033')
CR=$(printf '\r')
CONT=$(printf '[\200-\277]')	# a UTF-8 continuation byte
DOWN=$(printf '\342\206\223')	# the arrow after a lower-is-better name

# chars FILE: each line's length in characters, whatever the locale: the
# continuation bytes of a UTF-8 sequence are dropped, its first byte stays
chars() { sed "s/$CONT//g" "$1" | awk '{ print length($0) }'; }
# widest FILE: the longest line, in characters
widest() { chars "$1" | awk '$1 > m { m = $1 } END { print m + 0 }'; }
# table FILE: the header and the rows
table() { sed -n '/^who /,$p' "$1"; }
# para FILE: the alerts' words: the lines before the first blank one or
# the first "Checked in:" (how each has been showing up comes after them)
para() { awk 'NF == 0 || /^Checked in: / { exit } { print }' "$1"; }
# words FILE: the alerts' words joined back by spaces
words() { para "$1" | awk '{ printf "%s%s", sep, $0; sep = " " } END { print "" }'; }
# legend FILE: the paragraph after the first blank line
legend() { awk 'NF == 0 { p++; next } p == 1' "$1"; }
# aligned FILE: the header and every row are as long, flags left aside
aligned() {
	table "$1" | sed -e "s/$CONT//g" -e 's/  [^ ]*$//' |
	    awk 'NR == 1 { w = length($0) } length($0) != w { print "line " NR ": " length($0) " columns, the header " w; bad = 1 } END { exit bad }'
}

# said FILE: of trend -a's output in FILE, the whys the chart says, in
# order, once each: a drop or decline is left out when a gap row has the
# same since, person and measures (the same fall; the gap says it and more)
said() {
	awk -F "$TAB" '
	FNR == 1 { next }
	FNR == NR { if ($3 == "gap") gap[$1, $2, $4] = 1; next }
	($3 == "drop" || $3 == "declining") && (($1, $2, $4) in gap) { next }
	!seen[$5]++ { print $5 }' "$1" "$1"
}

# awk -v w=WIDTH "$WRAP" WHYS PARAGRAPH: the paragraph is the whys, one
# after the other, each from a line of its own, wrapped greedily at w (a
# line is no longer than w unless it is one word, and could not have taken
# the first word of the next line of the same why); says what is wrong
WRAP='
function bad(s) { print s; b = 1 }
FNR == NR { why[++n] = $0; next }
{
	if (length($0) > w && index($0, " "))
		bad("line " FNR " has " length($0) " characters")
	if (cur == "") {
		i++
		cur = $0
	} else {
		split($0, f, " ")
		if (length(prev) + 1 + length(f[1]) <= w)
			bad("line " FNR - 1 " could have taken \"" f[1] "\"")
		cur = cur " " $0
	}
	prev = $0
	if (cur == why[i])
		cur = ""
}
END {
	if (i != n || cur != "")
		bad("the lines are not the " n " whys: at " i ", left \"" cur "\"")
	exit b
}'

S='touch=4 talk=4 open=4 hugs=3 safe=4 heard=4 close=4 effort=4'

# the example's rows, in the order of the chart: the daily set in byte
# order, then the weekly set (fewer than a third of the days of touch)
ORDER='close effort heard hugs open safe talk talk_min touch boundary dodged- effort_week faced granted- gratitude need support'

begin 'the counting itself: a UTF-8 block is one character'
printf '\342\226\201\342\226\210x\n%s-\nabc\n' "$DOWN" > t.txt
run chars t.txt
out '3
2
3'
err ''
status 0
end

begin 'at 80 columns: no line longer than 79 characters, in UTF-8 and in ASCII'
LC_ALL=C.UTF-8 COLUMNS=80
export COLUMNS
run trend -c "$EX"
LC_ALL=C
assert '[ "$(widest "$T/.out")" -le 79 ]' "a line of $(widest "$T/.out") characters: $(cat "$T/.out")"
assert '[ "$(widest "$T/.out")" -ge 76 ]' "the width is not used: $(widest "$T/.out") characters"
assert 'grep -q "$(printf "\342\226\210")" "$T/.out"' 'UTF-8 blocks (3 bytes each), or the count proves nothing'
assert '[ "$(wc -c < "$T/.out")" -gt "$(chars "$T/.out" | awk "{ n += \$1 + 1 } END { print n }")" ]' 'more bytes than characters'
assert 'aligned "$T/.out"' "the columns do not line up: $(aligned "$T/.out")"
err ''
status 0
run trend -c "$EX"
unset COLUMNS
assert '[ "$(awk "{ if (length(\$0) > m) m = length(\$0) } END { print m }" "$T/.out")" -le 79 ]' "ASCII: a line too long: $(cat "$T/.out")"
assert '! grep -q "$(printf "\342")" "$T/.out"' 'ASCII: no UTF-8 at all'
assert 'aligned "$T/.out"' "ASCII: the columns do not line up: $(aligned "$T/.out")"
err ''
status 0
end

begin 'at 120 columns: all six figures, no line longer than 119 characters'
LC_ALL=C.UTF-8 COLUMNS=120
export COLUMNS
run trend -c "$EX"
LC_ALL=C
unset COLUMNS
assert '[ "$(widest "$T/.out")" -le 119 ]' "a line of $(widest "$T/.out") characters"
assert '[ "$(widest "$T/.out")" -ge 112 ]' "the width is not used: $(widest "$T/.out") characters"
assert 'aligned "$T/.out"' "the columns do not line up: $(aligned "$T/.out")"
err ''
status 0
# the same in ASCII: a mark a byte
COLUMNS=120
export COLUMNS
run trend -c "$EX"
unset COLUMNS
out_has '^who   what {58}n  last7 base28 change  slope  rmssd  flags$'
out_has '^alex  touch        .{45}   72   2\.00   3\.88  -1\.88  -0\.13   0\.77  drop,gap$'
out_has '^sam   talk_min     .{45}   73  50\.00  31\.67  18\.33  -0\.33  27\.11  -$'
assert '[ "$(table "$T/.out" | sed 1d | grep -Evc "  [ 0-9]{2}[0-9]( {1,6}(-?[0-9]+\.[0-9]{2}|-)){5}  [-a-z,]+\$")" -eq 0 ]' \
    "a row without its six figures: $(table "$T/.out")"
assert 'aligned "$T/.out"' "the columns do not line up: $(aligned "$T/.out")"
err ''
status 0
end

begin 'below 110 columns: n, last7, base28 and flags alone'
for c in 109 110; do
	COLUMNS=$c
	export COLUMNS
	trend -c "$EX" > "$T/.$c" 2> "$T/.e$c" || fail "exit $? at $c columns"
	assert '[ ! -s "$T/.e$c" ]' "stderr at $c columns: $(cat "$T/.e$c")"
done
COLUMNS=80
export COLUMNS
run trend -c "$EX"
unset COLUMNS
cp "$T/.out" "$T/.80"
assert 'grep -q "^who   what  *n  last7 base28  flags\$" "$T/.80"' "80: $(table "$T/.80" | sed 1q)"
assert '! grep -q "slope\|rmssd\|change" "$T/.80"' 'no slope, rmssd or change at 80, nor in the legend'
assert '! table "$T/.80" | sed 1d | grep -q "  -2\.16 "' 'no change on alex hugs (-2.16) at 80'
out_has '^alex  touch        .{30}   72   2\.00   3\.88  drop,gap$'
assert 'grep -q "^who   what  *n  last7 base28  flags\$" "$T/.109"' "109: $(table "$T/.109" | sed 1q)"
assert 'grep -q "^who   what  *n  last7 base28 change  slope  rmssd  flags\$" "$T/.110"' "110: $(table "$T/.110" | sed 1q)"
assert 'legend "$T/.110" | tr "\n" " " | grep -q "; change: the difference; slope: the change a week; rmssd: the usual swing from one day to the next; "' \
    "110: the legend says what they are: $(legend "$T/.110")"
err ''
status 0
end

begin 'the legend in words, between blank lines, wrapped'
LC_ALL=C.UTF-8 COLUMNS=80
export COLUMNS
run trend -c "$EX"
LC_ALL=C
legend "$T/.out" > "$T/.legend"
same "$T/.legend" '90 days from 2026-08-29 to 2026-11-26, a mark for 3 days, taller for more; a
name with ↓ after it: lower is better. last7: the mean of the last 7 days;
base28: of the 28 before; flags: the alerts that name the row (trend -a says
why).'
l=$(grep -n '^90 days from ' "$T/.out" | cut -d : -f 1)
assert '[ -n "$l" ] && [ -z "$(sed -n "$((l - 1))p" "$T/.out")" ] && [ -z "$(sed -n "$((l + 4))p" "$T/.out")" ] &&
    [ "$(sed -n "$((l + 5))p" "$T/.out" | cut -c 1-4)" = "who " ]' \
    "a blank line before the legend and after it, then the header: $(cat "$T/.out")"
err ''
status 0
run trend -c -n 30 "$EX"
unset COLUMNS
legend "$T/.out" > "$T/.legend"
same "$T/.legend" '30 days from 2026-10-28 to 2026-11-26, a mark for 1 day, taller for more; a
name with a - after it: lower is better. last7: the mean of the last 7 days;
base28: of the 28 before; flags: the alerts that name the row (trend -a says
why).'
# wrapped greedily, as the alerts are
awk '{ printf "%s%s", sep, $0; sep = " " } END { print "" }' "$T/.legend" > "$T/.whole"
assert 'awk -v w=79 "$WRAP" "$T/.whole" "$T/.legend"' "$(awk -v w=79 "$WRAP" "$T/.whole" "$T/.legend")"
err ''
status 0
end

begin 'lower is better: ↓ after dodged and granted, - in ASCII, after no other'
LC_ALL=C.UTF-8 COLUMNS=80
export COLUMNS
run trend -c "$EX"
LC_ALL=C
table "$T/.out" | grep "$DOWN" | awk '{ print $1, $2 }' > "$T/.down"
same "$T/.down" 'alex dodged↓
alex granted↓
sam dodged↓
sam granted↓'
err ''
status 0
run trend -c "$EX"
unset COLUMNS
table "$T/.out" | awk '$2 ~ /-$/ { print $1, $2 }' > "$T/.down"
same "$T/.down" 'alex dodged-
alex granted-
sam dodged-
sam granted-'
out_has '^alex  dodged-      [_.:=+*#-]'
err ''
status 0
end

begin 'a text answer: "N answers", N its n, instead of marks'
COLUMNS=80
export COLUMNS
run trend -c "$EX"
table "$T/.out" | awk '$4 == "answers" || $4 == "answer" { print $1, $2, $3, $4, $5 }' > "$T/.text"
same "$T/.text" 'alex gratitude 12 answers 12
alex need 12 answers 12
sam gratitude 12 answers 12
sam need 12 answers 12'
out_has '^alex  gratitude    12 answers {23}12   1\.00   1\.00  -$'
err ''
status 0
# 10 days: one answer each, the word in the singular, the columns still in line
run trend -c -n 10 -w alex -m gratitude,need,touch "$EX"
unset COLUMNS
table "$T/.out" > "$T/.table"
same "$T/.table" 'who   what                     n  last7 base28  flags
alex  touch      :=::_:: =:    9   2.00   2.33  drop,gap
alex  gratitude  1 answer      1   1.00      -  -
alex  need       1 answer      1   1.00      -  -'
err ''
status 0
end

begin 'weekly measures come after the daily ones, for each person'
COLUMNS=80
export COLUMNS
run trend -c "$EX"
assert '[ "$(table "$T/.out" | awk "\$1 == \"alex\" { print \$2 }" | tr "\n" " ")" = "$ORDER " ]' \
    "alex: $(table "$T/.out" | awk '$1 == "alex" { print $2 }' | tr '\n' ' ')"
assert '[ "$(table "$T/.out" | awk "\$1 == \"sam\" { print \$2 }" | tr "\n" " ")" = "$ORDER " ]' \
    "sam: $(table "$T/.out" | awk '$1 == "sam" { print $2 }' | tr '\n' ' ')"
assert '[ "$(table "$T/.out" | sed 1d | cut -d " " -f 1 | uniq | tr "\n" " ")" = "alex sam " ]' 'all of alex, then all of sam'
err ''
status 0
# occasional: fewer than a third of the days of the person's most frequent
# measure, or a text answer however often: alex's talk (10 of 30) is daily,
# open (9) and need (a text, every day) are not; sam's safe (1 of 3) is not
{
	span alex 29 0 'touch=4 need=1'
	span alex 9 0 'talk=4'
	span alex 8 0 'open=4'
	span sam 2 0 'close=4'
	span sam 0 0 'safe=4'
} > j.tsv
run trend -c -n 30 j.tsv
unset COLUMNS
table "$T/.out" | awk '{ print $1, $2 }' > "$T/.order"
same "$T/.order" 'who what
alex talk
alex touch
alex need
alex open
sam close
sam safe'
err ''
status 0
end

begin 'a steady journal: nothing stands out'
{ span alex 199 0 "$S"; span sam 199 0 "$S"; } > j.tsv
COLUMNS=80
export COLUMNS
run trend -c j.tsv
unset COLUMNS
assert '[ "$(sed -n 1p "$T/.out")" = "Nothing stands out: each of you is within your own usual." ]' "the first line: $(sed -n 1p "$T/.out")"
assert '[ "$(para "$T/.out")" = "Nothing stands out: each of you is within your own usual." ]' "that alone, before the showing up: $(para "$T/.out")"
out_has '^90 days from 2026-08-29 to 2026-11-26, a mark for 3 days, '
out_lacks '^Since '
assert '[ "$(table "$T/.out" | sed 1d | wc -l)" -eq 16 ]' 'two people, eight measures'
err ''
status 0
# with an alert in force, the sentence is not said
run trend -c "$EX"
out_lacks 'Nothing stands out'
status 0
end

# at 80 and at 40 columns: the lines before the first blank are the whys
# of trend -a, each alert on a line of its own, wrapped at spaces so that no
# line goes past the width and none could have taken the next word; a fall
# is said once: a drop (or decline) whose gap is in force is said by the
# gap's words alone
begin "the alerts' words are trend -a's why, wrapped to the width"
trend -a "$EX" > "$T/.a"
said "$T/.a" > "$T/.why"
assert '[ "$(cut -f 3 "$T/.a" | sed 1d | tr "\n" " ")" = "drop gap gap " ]' "a drop and its gap (a row each partner): $(cat "$T/.a")"
assert '[ "$(wc -l < "$T/.why")" -eq 1 ] && grep -q " but not for sam: " "$T/.why"' "the gap's words alone: $(cat "$T/.why")"
for c in 80 40; do
	LC_ALL=C.UTF-8 COLUMNS=$c
	export COLUMNS
	run trend -c "$EX"
	LC_ALL=C
	unset COLUMNS
	err ''
	status 0
	cp "$T/.out" "$T/.$c"
	assert '[ "$(words "$T/.$c")" = "$(tr "\n" " " < "$T/.why" | sed "s/ \$//")" ]' \
	    "$c: the words differ: $(words "$T/.$c")"
	para "$T/.$c" > "$T/.para"
	assert '[ "$(wc -l < "$T/.para")" -gt 1 ]' "$c: not wrapped: $(cat "$T/.para")"
	sed "s/$CONT//g" "$T/.why" > "$T/.whyc"
	sed "s/$CONT//g" "$T/.para" > "$T/.parac"
	assert 'awk -v w=$((c - 1)) "$WRAP" "$T/.whyc" "$T/.parac"' \
	    "$c: $(awk -v w=$((c - 1)) "$WRAP" "$T/.whyc" "$T/.parac")"
done
end

# a drop with no partner as usual has no gap to say it: its own words are
# said, alone (one person in the journal) or each partner's (both fell)
begin "a drop with no partner as usual: the drop's own words"
LOW='touch=1 talk=4 open=4 hugs=0 safe=4 heard=4 close=4 effort=4'
{ span alex 159 10 "$S"; span alex 9 0 "$LOW"; } > one.tsv
{ span alex 159 10 "$S"; span alex 9 0 "$LOW"; span sam 159 10 "$S"; span sam 9 0 "$LOW"; } > both.tsv
DROPA='Since 17 Nov, affection has dropped for alex, below their usual: hugging 0.0 a day against 3.0 usually, physical affection 1.0 against 4.0.'
DROPS='Since 17 Nov, affection has dropped for sam, below their usual: hugging 0.0 a day against 3.0 usually, physical affection 1.0 against 4.0.'
COLUMNS=80
export COLUMNS
for j in one both; do
	trend -a $j.tsv > "$T/.a$j"
	said "$T/.a$j" > "$T/.why$j"
	run trend -c $j.tsv
	err ''
	status 0
	cp "$T/.out" "$T/.$j"
	assert '! cut -f 3 "$T/.a$j" | grep -q "^gap\$"' "$j: no gap: $(cat "$T/.a$j")"
	assert '[ "$(words "$T/.$j")" = "$(tr "\n" " " < "$T/.why$j" | sed "s/ \$//")" ]' \
	    "$j: the words are not -a's: $(words "$T/.$j")"
	para "$T/.$j" > "$T/.para"
	assert 'awk -v w=79 "$WRAP" "$T/.why$j" "$T/.para"' "$j: $(awk -v w=79 "$WRAP" "$T/.why$j" "$T/.para")"
done
assert '[ "$(words "$T/.one")" = "$DROPA" ]' "one: alex's drop: $(words "$T/.one")"
assert '[ "$(words "$T/.both")" = "$DROPA $DROPS" ]' "both: the two drops: $(words "$T/.both")"
out_has '^sam   touch   .{30}   90   1\.00   3\.68  drop$'
out_lacks 'but not for'
# -w: the partner's drop alone
run trend -c -w sam both.tsv
unset COLUMNS
assert '[ "$(words "$T/.out")" = "$DROPS" ]' "-w sam: sam's drop: $(words "$T/.out")"
err ''
status 0
end

# 80 columns less the names (6 + 9: dodged-), n (5), last7 and base28
# (14), two spaces and the widest flags (drop,gap: 8) leave 35 marks: 35
# days fill the width to the last column, 36 take 18 marks of 2 days;
# 1000 columns draw no more than a mark a day; 20 columns still draw 8
# marks (of 12 days: 90 days in 8)
begin 'the marks take what the names and figures leave: at most one a day, at least 8'
COLUMNS=80
export COLUMNS
run trend -c -n 35 -m touch,dodged "$EX"
table "$T/.out" > "$T/.table"
assert '[ "$(widest "$T/.table")" -eq 79 ]' "the rows fill 79 columns: $(widest "$T/.table")"
out_has '^35 days from 2026-10-23 to 2026-11-26, a mark for 1 day, '
out_has '^alex  touch    .{35}   30   2\.00   3\.88  drop,gap$'
err ''
status 0
# a day more does not fit: 18 marks of 2 days
run trend -c -n 36 -m touch,dodged "$EX"
table "$T/.out" > "$T/.table"
assert '[ "$(widest "$T/.table")" -le 79 ]' "36 days: the rows are $(widest "$T/.table") columns"
out_has '^36 days from 2026-10-22 to 2026-11-26, a mark for 2 days, '
out_has '^alex  touch    .{18}   31   2\.00   3\.88  drop,gap$'
err ''
status 0
COLUMNS=1000
run trend -c -n 30 -m touch "$EX"
out_has '^30 days from 2026-10-28 to 2026-11-26, a mark for 1 day, '
out_has '^alex  touch  .{30}   25   2\.00   3\.74  -1\.74  -0\.68   0\.76  drop,gap$'
err ''
status 0
COLUMNS=20
run trend -c -m touch "$EX"
unset COLUMNS
out_has '^2026-11-26, a mark$'
out_has '^for 12 days, taller$'
out_has '^alex  touch  .{8}   72   2\.00   3\.88  drop,gap$'
out_has '^sam   touch  .{8}   73   4\.00   4\.17  gap$'
err ''
status 0
end

# $COLUMNS below 20 or above 1000, empty or no number at all: 80
begin 'the width: $COLUMNS from 20 to 1000, else 80'
unset COLUMNS
trend -c "$EX" > "$T/.unset" 2>&1
COLUMNS=80
export COLUMNS
trend -c "$EX" > "$T/.80" 2>&1
assert 'cmp -s "$T/.unset" "$T/.80"' 'unset is not 80'
for c in '' abc 19 1001 -120; do
	COLUMNS=$c
	trend -c "$EX" > "$T/.c" 2>&1
	assert 'cmp -s "$T/.c" "$T/.80"' "COLUMNS=\"$c\" is not 80: $(diff "$T/.80" "$T/.c" | head -5)"
done
for c in 20 1000; do
	COLUMNS=$c
	trend -c "$EX" > "$T/.c" 2>&1
	assert '! cmp -s "$T/.c" "$T/.80"' "COLUMNS=$c is taken for 80"
done
run trend -c "$EX"
unset COLUMNS
err ''
status 0
end

# on a terminal its width counts ($COLUMNS being what a shell may have
# left behind); a pseudo-terminal of no size (or under 20) leaves $COLUMNS.
# $COLUMNS is set on trend itself: a shell may set it after stty.
begin 'on a terminal: its width, not $COLUMNS; $COLUMNS where it has none'
if have_script; then
	cp "$EX" j.tsv
	runsh 'COLUMNS=80 script -qec "stty cols 110 rows 40; COLUMNS=80 trend -c -m touch j.tsv" /dev/null < /dev/null'
	assert 'grep -q "^who   what  *n  last7 base28 change  slope  rmssd  flags${CR}\$" "$T/.out"' "110 columns: $(grep '^who' "$T/.out")"
	runsh 'COLUMNS=120 script -qec "stty cols 109 rows 40; COLUMNS=120 trend -c -m touch j.tsv" /dev/null < /dev/null'
	assert 'grep -q "^who   what  *n  last7 base28  flags${CR}\$" "$T/.out"' "109 columns: $(grep '^who' "$T/.out")"
	runsh 'COLUMNS=120 script -qec "stty cols 19 rows 40; COLUMNS=120 trend -c -m touch j.tsv" /dev/null < /dev/null'
	assert 'grep -q "^who   what  *n  last7 base28 change  slope  rmssd  flags${CR}\$" "$T/.out"' "19 columns, COLUMNS=120: $(grep '^who' "$T/.out")"
	runsh 'COLUMNS=120 script -qec "stty cols 0 rows 0; COLUMNS=120 trend -c -m touch j.tsv" /dev/null < /dev/null'
	assert 'grep -q "^who   what  *n  last7 base28 change  slope  rmssd  flags${CR}\$" "$T/.out"' "no size, COLUMNS=120: $(grep '^who' "$T/.out")"
	err ''
	status 0
	end
else
	skip 'script(1) is missing (Debian: bsdutils)'
fi

# Colour as ask(1) decides it: only on a terminal, with NO_COLOR unset or
# empty, and a TERM that is set and not dumb (issue 19: the chart ignored
# TERM=dumb).  The example's alex touch is drop,gap: red, then yellow.
begin 'on a terminal: colour on the flags, none with TERM=dumb, unset TERM or NO_COLOR'
if have_script; then
	cp "$EX" j.tsv
	runsh 'TERM=xterm script -qec "stty cols 120 rows 40; trend -c -m touch j.tsv" /dev/null < /dev/null'
	assert 'grep -q "${ESC}\[1;31mdrop${ESC}\[0m,${ESC}\[33mgap${ESC}\[0m${CR}\$" "$T/.out"' "red drop, yellow gap: $(cat "$T/.out")"
	for env in TERM=dumb 'TERM=' 'NO_COLOR=1 TERM=xterm'; do
		runsh "$env script -qec 'stty cols 120 rows 40; trend -c -m touch j.tsv' /dev/null < /dev/null"
		assert '! grep -q "$ESC" "$T/.out"' "escape codes with $env: $(cat "$T/.out")"
		assert 'grep -q "  drop,gap${CR}\$" "$T/.out"' "the flags with $env: $(cat "$T/.out")"
	done
	runsh 'unset TERM; script -qec "stty cols 120 rows 40; trend -c -m touch j.tsv" /dev/null < /dev/null'
	assert '! grep -q "$ESC" "$T/.out"' "escape codes with TERM unset: $(cat "$T/.out")"
	err ''
	status 0
	end
else
	skip 'script(1) is missing (Debian: bsdutils)'
fi

# Showing up, counted by hand: the last 7 days are 11-20 .. 11-26, a pause
# takes 11-21 and 11-22, so 5 days count; alex missed 11-23, sam 11-21
# (paused); both checked in on 11-20, 11-24, 11-25 and 11-26, and from
# today back the run meets 11-23, when alex did not: 3 days.
begin 'showing up: days counted by hand, a pause neither counted nor breaking the run'
for d in 20 21 22 24 25 26; do printf '2026-11-%s\talex\ttouch\t4\n' $d; done > j.tsv
for d in 20 22 23 24 25 26; do printf '2026-11-%s\tsam\ttouch\t4\n' $d; done >> j.tsv
mkdir -p .config/hearth
printf 'pause\t2026-11-21\t2026-11-22\tAway.\n' > .config/hearth/remind.tsv
COLUMNS=200 run trend -c j.tsv
out_has '^Checked in: alex 4 of the last 5 days \(4 of 28\); sam 5 of the last 5 days \(5 of 28\); both on 4 of 5, 3 days in a row now; days of a pause not counted\.$'
status 0
rm .config/hearth/remind.tsv
COLUMNS=200 run trend -c j.tsv
out_has '^Checked in: alex 6 of the last 7 days \(6 of 30\); sam 6 of the last 7 days \(6 of 30\); both on 5 of 7, 3 days in a row now\.$'
status 0
end
