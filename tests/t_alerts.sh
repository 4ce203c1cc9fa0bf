#!/bin/sh
# t_alerts.sh - trend(1)'s early warnings: trend -a, and what makes each kind
# of alert, on journals made here whose answers are the same every day but
# for what a case plants (t_trend.sh tests the figures, the table and the
# chart).  Every expectation is worked out from the model:
#
# - a usual needs 20 days with data in the person's days T-207 .. T-28;
#   on days like every usual one, a pillar's score is a little below 0
#   (the margin for the usual) and nothing adds up;
# - a day below every usual day scores past the clip (2): the CUSUM
#   (k 0.5) climbs 1.5 a day from the first such day, which is the since;
# - quiet needs no usual: >= 7 days without a check-in, and >= 3 times the
#   median gap (1 for a daily journal), since the day after the last one.
. "$top/tests/lib.sh"

AHDR='since	who	kind	measures	why'
HDR='who	what	n	last7	base28	change	pchange	slope	ptrend	rmssd	flags'

# the same answers every day, written touch first so that byte order is
# not the order of the journal
S='touch=4 talk=4 open=4 hugs=3 safe=4 heard=4 close=4 effort=4'
# affection far lower (touch 1 of 1-5, no hugs), the rest as usual
LOW='touch=1 talk=4 open=4 hugs=0 safe=4 heard=4 close=4 effort=4'

# alex steady for 150 days, then 10 days (2026-11-17 .. 11-26) of LOW;
# sam steady all along
dropjournal() {
	span "$1" 159 10 "$S"
	span "$1" 9 0 "$LOW"
	span "$2" 159 0 "$S"
}

DROP='Since 17 Nov, affection has dropped for alex, below their usual: hugging 0.0 a day against 3.0 usually, physical affection 1.0 against 4.0.'
GAP='Since 17 Nov, affection has dropped for alex but not for sam: hugging 0.0 a day against 3.0 usually, physical affection 1.0 against 4.0.'

# agree ARGS...: every row's flags are the kinds of the -a rows of its
# person whose measures include its measure, in the order declining, drop,
# volatile, quiet, gap; how many rows are flagged goes to $T/.flagged.
# Both runs must say nothing on stderr and exit 0.
agree() {
	trend -a "$@" > "$T/.a" 2> "$T/.ae" || { echo "trend -a: exit $?"; return 1; }
	trend "$@" > "$T/.t" 2> "$T/.te" || { echo "trend: exit $?"; return 1; }
	if [ -s "$T/.ae" ] || [ -s "$T/.te" ]; then
		echo "stderr: $(cat "$T/.ae" "$T/.te" | head -c 300)"
		return 1
	fi
	awk -F'\t' -v out="$T/.flagged" '
	FNR == 1 { next }
	FILENAME == ARGV[1] {
		n = split($4, m, ",")
		for (i = 1; i <= n; i++)
			k[$2 SUBSEP m[i]] = k[$2 SUBSEP m[i]] "," $3 ","
		next
	}
	{
		want = ""
		split("declining drop volatile quiet gap", kind, " ")
		for (i = 1; i <= 5; i++)
			if (index(k[$1 SUBSEP $2], "," kind[i] ","))
				want = want (want == "" ? "" : ",") kind[i]
		if (want == "")
			want = "-"
		if ($11 != want) {
			print "row " $1 " " $2 ": flags " $11 ", -a says " want
			bad = 1
		}
		if ($11 != "-")
			flagged++
	}
	END { print flagged + 0 > out; exit bad }' "$T/.a" "$T/.t"
}

# --- nothing to say ----------------------------------------------------------

begin 'a steady journal (200 days of the same answers): no alert, no flag'
{ span alex 199 0 "$S"; span sam 199 0 "$S"; } > j.tsv
run trend -a j.tsv
out "$AHDR"
err ''
status 0
run trend j.tsv
assert '[ "$(sed 1d "$T/.out" | cut -f 11 | sort -u)" = "-" ]' "a flag: $(cat "$T/.out")"
assert '[ "$(sed 1d "$T/.out" | wc -l)" -eq 16 ]' 'two people, eight measures'
out_has '^alex	touch	90	4\.00	4\.00	0\.00	1\.000	0\.00	1\.000	0\.00	-$'
err ''
status 0
COLUMNS=80
export COLUMNS
run trend -c j.tsv
unset COLUMNS
assert '[ "$(sed -n 1p "$T/.out")" = "Nothing stands out: each of you is within your own usual." ]' \
    "no alert in words before the legend: $(sed -n 1p "$T/.out")"
out_has '^90 days from 2026-08-29 to 2026-11-26, a mark for 3 days, '
out_lacks '^Since '
assert '[ "$(sed -n "/^who /,\$p" "$T/.out" | sed 1d | awk "{ print \$NF }" | sort -u)" = "-" ]' "a flag in the chart: $(cat "$T/.out")"
assert '[ "$(sed -n "/^who /,\$p" "$T/.out" | sed 1d | wc -l)" -eq 16 ]' 'two people, eight measures'
err ''
status 0
end

begin 'an empty journal: -a prints the header alone'
: > j.tsv
run trend -a j.tsv
out "$AHDR"
err ''
status 0
end

# --- a drop, and the gap it makes --------------------------------------------

begin '-a: a planted drop: since its first day, both partners on the gap'
dropjournal alex sam > j.tsv
run trend -a j.tsv
out "$AHDR
2026-11-17	alex	drop	hugs,touch	$DROP
2026-11-17	alex	gap	hugs,touch	$GAP
2026-11-17	sam	gap	hugs,touch	$GAP"
err ''
status 0
# the window is for the figures: the alerts look back 208 days anyway
run trend -a -n 7 j.tsv
out "$AHDR
2026-11-17	alex	drop	hugs,touch	$DROP
2026-11-17	alex	gap	hugs,touch	$GAP
2026-11-17	sam	gap	hugs,touch	$GAP"
status 0
end

begin '-a -d: the day before the drop there is nothing to say'
dropjournal alex sam > j.tsv
run trend -a -d 2026-11-16 j.tsv
out "$AHDR"
err ''
status 0
end

begin 'the flags: the drop on the faller'"'"'s rows, the gap on both partners'"'"''
dropjournal alex sam > j.tsv
run trend -m hugs,touch,talk j.tsv
out "$HDR
alex	hugs	90	0.00	2.68	-2.68	0.000	-0.14	0.000	0.47	drop,gap
alex	talk	90	4.00	4.00	0.00	1.000	0.00	1.000	0.00	-
alex	touch	90	1.00	3.68	-2.68	0.000	-0.14	0.000	0.47	drop,gap
sam	hugs	90	3.00	3.00	0.00	1.000	0.00	1.000	0.00	gap
sam	talk	90	4.00	4.00	0.00	1.000	0.00	1.000	0.00	-
sam	touch	90	4.00	4.00	0.00	1.000	0.00	1.000	0.00	gap"
err ''
status 0
end

# the usual is the days T-207 .. T-28 with data: from 47 days back there
# are 20 of them (47 .. 28), from 46 days back 19
begin 'no alert without a usual: 20 days of data before the last 28 make one, 19 do not'
{ span alex 47 10 "$S"; span alex 9 0 "$LOW"; span sam 47 0 "$S"; } > j.tsv
run trend -a -m touch j.tsv
out "$AHDR
2026-11-17	alex	drop	hugs,touch	$DROP
2026-11-17	alex	gap	hugs,touch	$GAP
2026-11-17	sam	gap	hugs,touch	$GAP"
err ''
status 0
{ span alex 46 10 "$S"; span alex 9 0 "$LOW"; span sam 46 0 "$S"; } > j.tsv
run trend -a j.tsv
out "$AHDR"
err ''
status 0
end

# a measure no bank knows is in no pillar: it never drops, however far;
# alone away from the others it spreads the day's answers (volatile:
# 9 points off on 10 of the last 14 days, 6.4; 9/8 a day over 10 of 28,
# 0.4).  A user bank that puts it in a pillar makes it fall with it, and
# a fallen pillar is no swing.  Its words name the vibe alone: hugging and
# touch, as usual, are not called fallen (3.0 against 3.0 is no fall).
begin 'a measure in no pillar never drops; a user bank'"'"'s pillar makes it'
{ span alex 159 10 "$S vibe=10"; span alex 9 0 "$S vibe=1"; span sam 159 0 "$S vibe=10"; } > j.tsv
run trend -a j.tsv
out "$AHDR
2026-11-17	alex	volatile	close,effort,heard,open,safe,talk,touch,vibe	Since 17 Nov, alex's answers have been swinging more than usual: 0.4 points from their usual on average, against 0.0 on ordinary days; vibe most of all: 6.4 against 0.0."
err ''
status 0
printf 'mine\tvibe\tscale\t1\t10\thigh\tHow is the vibe?\taffection\tthe vibe\n' > bank.tsv
HEARTH_BANK=bank.tsv
export HEARTH_BANK
run trend -a j.tsv
unset HEARTH_BANK
out "$AHDR
2026-11-17	alex	drop	hugs,touch,vibe	Since 17 Nov, affection has dropped for alex, below their usual: the vibe 1.0 against 10.0 usually.
2026-11-17	alex	gap	hugs,touch,vibe	Since 17 Nov, affection has dropped for alex but not for sam: the vibe 1.0 against 10.0 usually.
2026-11-17	sam	gap	hugs,touch,vibe	Since 17 Nov, affection has dropped for alex but not for sam: the vibe 1.0 against 10.0 usually."
err ''
status 0
end

# --- words that fit -----------------------------------------------------------

# twelve measures of a user bank in affection, m01 .. m12, labelled in 14
# wide characters (45 bytes each); for alex the last 10 days (S12, then
# LOW12) each falls: m04, m08, m12 and touch from 4 to 1, m02, m06, m10 to
# 2, the rest to 3, hugs from 3 to 0.  Every measure's evidence would take
# some 950 bytes, more than an alert's words hold.
C=$(printf '\346\204\233')	# U+611B
C14=$C$C$C$C$C$C$C$C$C$C$C$C$C$C
twelve() {
	for i in 01 02 03 04 05 06 07 08 09 10 11 12; do
		if [ "$1" = wide ]; then l=m$i$C14; else l="held each other warmly through evening $i"; fi
		printf 'mine\tm%s\tscale\t1\t5\thigh\tHow much?\taffection\t%s\n' "$i" "$l"
	done
}
S12="$S m01=4 m02=4 m03=4 m04=4 m05=4 m06=4 m07=4 m08=4 m09=4 m10=4 m11=4 m12=4"
LOW12="$LOW m01=3 m02=2 m03=3 m04=1 m05=3 m06=2 m07=3 m08=1 m09=3 m10=2 m11=3 m12=1"

# The evidence is whole measures: those that fell furthest first (the
# first below "usually"), as many as fit, and how many more; never a word
# or a character cut.
begin 'many measures with long labels: the words end whole, "and 3 more", in -a, -c, -g and remind'
twelve wide > bank.tsv
HEARTH_BANK=$T/bank.tsv
export HEARTH_BANK
{ span alex 159 10 "$S12"; span alex 9 0 "$LOW12"; span sam 159 0 "$S12"; } > j.tsv
# "m04... 1.0 against 4.0" and the like
ev() { printf 'm%s%s %s against %s' "$1" "$C14" "$2" "$3"; }
EV="$(ev 04 1.0 4.0) usually, $(ev 08 1.0 4.0), $(ev 12 1.0 4.0), physical affection 1.0 against 4.0, $(ev 02 2.0 4.0), $(ev 06 2.0 4.0), $(ev 10 2.0 4.0), hugging 0.0 a day against 3.0, $(ev 01 3.0 4.0), $(ev 03 3.0 4.0), $(ev 05 3.0 4.0), and 3 more."
MS=hugs,m01,m02,m03,m04,m05,m06,m07,m08,m09,m10,m11,m12,touch
run trend -a j.tsv
out "$AHDR
2026-11-17	alex	drop	$MS	Since 17 Nov, affection has dropped for alex, below their usual: $EV
2026-11-17	alex	gap	$MS	Since 17 Nov, affection has dropped for alex but not for sam: $EV
2026-11-17	sam	gap	$MS	Since 17 Nov, affection has dropped for alex but not for sam: $EV"
err ''
status 0
COLUMNS=80
export COLUMNS
run trend -c j.tsv
unset COLUMNS
awk 'NF == 0 || /^Checked in: / { exit } { printf "%s%s", sep, $0; sep = " " } END { print "" }' "$T/.out" > "$T/.words"
assert '[ "$(cat "$T/.words")" = "Since 17 Nov, affection has dropped for alex but not for sam: $EV" ]' \
    "the chart's words: $(cat "$T/.words")"
err ''
status 0
if command -v xmllint > /dev/null 2>&1; then
	run trend -g j.tsv
	xmllint --noout "$T/.out" 2> "$T/.xml" || fail "xmllint: $(head -c 300 "$T/.xml")"
	out_has 'and 3 more\.</text>$'
	err ''
	status 0
fi
# remind speaks of it on its first day and a week on: 20 Nov here, where
# the last 7 days are 4 of the low ones and 3 before
run remind -d 2026-11-20 j.tsv
out_has '^2026-11-20	trend:3	Since 17 Nov, affection has dropped for alex but not for sam: m04.* 2\.3 against 4\.0 usually, .*, and 3 more\. It may be worth asking each other how it has really been\.$'
err ''
status 0
unset HEARTH_BANK
end

begin 'many measures with long labels in ASCII: whole words, "and 2 more"'
twelve ascii > bank.tsv
HEARTH_BANK=$T/bank.tsv
export HEARTH_BANK
{ span alex 159 10 "$S12"; span alex 9 0 "$LOW12"; } > j.tsv
E='held each other warmly through evening'
run trend -a j.tsv
unset HEARTH_BANK
out "$AHDR
2026-11-17	alex	drop	hugs,m01,m02,m03,m04,m05,m06,m07,m08,m09,m10,m11,m12,touch	Since 17 Nov, affection has dropped for alex, below their usual: $E 04 1.0 against 4.0 usually, $E 08 1.0 against 4.0, $E 12 1.0 against 4.0, physical affection 1.0 against 4.0, $E 02 2.0 against 4.0, $E 06 2.0 against 4.0, $E 10 2.0 against 4.0, hugging 0.0 a day against 3.0, $E 01 3.0 against 4.0, $E 03 3.0 against 4.0, $E 05 3.0 against 4.0, $E 07 3.0 against 4.0, and 2 more."
err ''
status 0
end

# --- words that never contradict their figures --------------------------------

# Every figure an alert names as fallen is worse than its usual as printed
# (trend(1) DESIGN, "words never contradict their figures").  Before, the
# words below named "hugging 4.0 a day against 3.0", "depth of talk 4.0
# against 4.0" and "0.9 points ... against 0.9" as falls and swings.

# alex: the last 10 days every answer a point up, hugs only from 3 to 4
# (a third of a point in its square root): affection has fallen behind the
# rest of the answers (the pillar's score is against the day's others),
# yet each of its figures is above its usual.
UP='touch=5 talk=4 open=4 hugs=4 safe=5 heard=5 close=5 effort=5'
BEHIND='Since 17 Nov, affection has dropped behind the rest of alex'"'"'s answers'
BETTER='though in the last week it is at'
begin 'words: a pillar behind the rest of the answers but not below its usual is not called fallen'
{ span alex 159 10 "$S"; span alex 9 0 "$UP"; span sam 159 0 "$S"; } > j.tsv
run trend -a j.tsv
out "$AHDR
2026-11-17	alex	drop	hugs,touch	$BEHIND, $BETTER their usual or better: hugging 4.0 a day against 3.0 usually, physical affection 5.0 against 4.0.
2026-11-17	alex	gap	hugs,touch	$BEHIND but not of sam's, $BETTER alex's usual or better: hugging 4.0 a day against 3.0 usually, physical affection 5.0 against 4.0.
2026-11-17	sam	gap	hugs,touch	$BEHIND but not of sam's, $BETTER alex's usual or better: hugging 4.0 a day against 3.0 usually, physical affection 5.0 against 4.0."
err ''
status 0
out_lacks 'below their usual'
COLUMNS=80
export COLUMNS
run trend -c j.tsv
unset COLUMNS
awk 'NF == 0 || /^Checked in: / { exit } { printf "%s%s", sep, $0; sep = " " } END { print "" }' "$T/.out" > "$T/.words"
assert '[ "$(cat "$T/.words")" = "$BEHIND but not of sam'"'"'s, $BETTER alex'"'"'s usual or better: hugging 4.0 a day against 3.0 usually, physical affection 5.0 against 4.0." ]' \
    "the chart's words: $(cat "$T/.words")"
status 0
# remind in the same words; on the 21st talk, 4.0 against 4.0, is no fall either
run remind -d 2026-11-20 j.tsv
out "2026-11-20	trend:3	$BEHIND but not of sam's, $BETTER alex's usual or better: hugging 3.6 a day against 3.0 usually, physical affection 4.6 against 4.0. It may be worth asking each other how it has really been."
err ''
status 0
run remind -d 2026-11-21 j.tsv
out "2026-11-21	trend:3	Since 17 Nov, talking together has dropped behind the rest of alex's answers but not of sam's, $BETTER alex's usual or better: opening up 4.0 against 4.0 usually, depth of talk 4.0 against 4.0. It may be worth asking each other how it has really been."
err ''
status 0
end

# touch from 4 to 2 and hugs from 3 to 4: the pillar fell, and only touch
# is named as fallen
begin 'words: of a fallen pillar, only the measures worse than usual are named'
{ span alex 159 10 "$S"; span alex 9 0 'touch=2 talk=4 open=4 hugs=4 safe=4 heard=4 close=4 effort=4'; } > j.tsv
run trend -a j.tsv
out "$AHDR
2026-11-17	alex	drop	hugs,touch	Since 17 Nov, affection has dropped for alex, below their usual: physical affection 2.0 against 4.0 usually."
err ''
status 0
end

# alex's answers a point up or down all together on alternate days (touch
# at 4), then for the last 10 days half of them up while the other half is
# down: as far from their usual as ever (6 of 7 answers a point off, 0.9),
# but no longer in step.  The words say that, not "0.9 against 0.9".
begin 'words: volatile whose answers stray no further from usual says what changed'
i=159
while [ $i -ge 0 ]; do
	if [ $i -ge 10 ] && [ $((i % 2)) = 0 ]; then
		span alex $i $i 'touch=4 talk=3 open=3 safe=3 heard=3 close=3 effort=3'
	elif [ $i -ge 10 ]; then
		span alex $i $i 'touch=4 talk=5 open=5 safe=5 heard=5 close=5 effort=5'
	elif [ $((i % 2)) = 0 ]; then
		span alex $i $i 'touch=4 talk=3 open=5 safe=3 heard=5 close=3 effort=5'
	else
		span alex $i $i 'touch=4 talk=5 open=3 safe=5 heard=3 close=5 effort=3'
	fi
	i=$((i - 1))
done > j.tsv
run trend -a j.tsv
out "$AHDR
2026-11-17	alex	volatile	close,effort,heard,open,safe,talk,touch	Since 17 Nov, alex's answers have been less in step with one another than on ordinary days."
err ''
status 0
end

# --- quiet ---------------------------------------------------------------------

begin 'silence: quiet from the day after the last check-in, on all its measures'
{ span alex 199 10 "$S"; span sam 199 0 "$S"; } > j.tsv
run trend -a j.tsv
out "$AHDR
2026-11-17	alex	quiet	close,effort,heard,hugs,open,safe,talk,touch	alex has not checked in since 16 Nov (10 days), after checking in most days."
err ''
status 0
run trend -m touch j.tsv
out "$HDR
alex	touch	80	-	4.00	-	-	0.00	1.000	0.00	quiet
sam	touch	90	4.00	4.00	0.00	1.000	0.00	1.000	0.00	-"
err ''
status 0
# 6 days are not yet a week
run trend -a -d 2026-11-22 j.tsv
out "$AHDR"
status 0
run trend -a -d 2026-11-23 j.tsv
out "$AHDR
2026-11-17	alex	quiet	close,effort,heard,hugs,open,safe,talk,touch	alex has not checked in since 16 Nov (7 days), after checking in most days."
status 0
end

# 30 days make no usual: sam's fall says nothing, alex's silence does
begin 'a new journal (30 days): no alert but quiet'
{ span alex 29 10 "$S"; span sam 29 10 "$S"; span sam 9 0 "$LOW"; } > j.tsv
run trend -a j.tsv
out "$AHDR
2026-11-17	alex	quiet	close,effort,heard,hugs,open,safe,talk,touch	alex has not checked in since 16 Nov (10 days), after checking in most days."
err ''
status 0
run trend -w sam -m hugs,touch j.tsv
out "$HDR
sam	hugs	30	0.00	2.61	-2.61	0.000	-0.93	0.000	0.56	-
sam	touch	30	1.00	3.61	-2.61	0.000	-0.93	0.000	0.56	-"
err ''
status 0
end

# --- rows and their order ----------------------------------------------------

# zed: dialogue (open, talk) and affection (hugs, touch) far lower for the
# last 10 days; amy: closeness swinging, close 5 and effort 3 on even days,
# 3 and 5 on odd ones (the pillar as usual, the day's answers far apart);
# x/bo, another couple: no check-in for the last 12 days.  Made in the
# order amy's volatile, zed's falls and gaps, x/bo's quiet; printed by who,
# then kind, then measures.
many() {
	span zed 159 10 "$S"
	span zed 9 0 'touch=1 talk=1 open=1 hugs=0 safe=4 heard=4 close=4 effort=4'
	span amy 159 10 "$S"
	for b in 9 8 7 6 5 4 3 2 1 0; do
		if [ $((b % 2)) = 0 ]; then
			span amy $b $b 'touch=4 talk=4 open=4 hugs=3 safe=4 heard=4 close=3 effort=5'
		else
			span amy $b $b 'touch=4 talk=4 open=4 hugs=3 safe=4 heard=4 close=5 effort=3'
		fi
	done
	span x/bo 159 12 "$S"
}
AFF='affection has dropped for zed'
TALK='talking together has dropped for zed'
FIG_AFF='hugging 0.0 a day against 3.0 usually, physical affection 1.0 against 4.0.'
FIG_TALK='opening up 1.0 against 4.0 usually, depth of talk 1.0 against 4.0.'
SWING='Since 17 Nov, amy'"'"'s answers have been swinging more than usual: 0.1 points from their usual on average, against 0.0 on ordinary days; feeling close most of all: 0.7 against 0.0.'
QUIET='bo has not checked in since 14 Nov (12 days), after checking in most days.'
ROW_AMY_GA="2026-11-17	amy	gap	hugs,touch	Since 17 Nov, $AFF but not for amy: $FIG_AFF"
ROW_AMY_GT="2026-11-17	amy	gap	open,talk	Since 17 Nov, $TALK but not for amy: $FIG_TALK"
ROW_AMY_V="2026-11-17	amy	volatile	close,effort,heard,open,safe,talk,touch	$SWING"
ROW_BO="2026-11-15	x/bo	quiet	close,effort,heard,hugs,open,safe,talk,touch	$QUIET"
ROW_ZED_DA="2026-11-17	zed	drop	hugs,touch	Since 17 Nov, $AFF, below their usual: $FIG_AFF"
ROW_ZED_DT="2026-11-17	zed	drop	open,talk	Since 17 Nov, $TALK, below their usual: $FIG_TALK"
ROW_ZED_GA="2026-11-17	zed	gap	hugs,touch	Since 17 Nov, $AFF but not for amy: $FIG_AFF"
ROW_ZED_GT="2026-11-17	zed	gap	open,talk	Since 17 Nov, $TALK but not for amy: $FIG_TALK"

begin '-a: rows by who, then kind, then measures, each in byte order'
many > j.tsv
run trend -a j.tsv
out "$AHDR
$ROW_AMY_GA
$ROW_AMY_GT
$ROW_AMY_V
$ROW_BO
$ROW_ZED_DA
$ROW_ZED_DT
$ROW_ZED_GA
$ROW_ZED_GT"
err ''
status 0
end

begin '-a -w and -m choose rows: a gap is the row of each partner'
many > j.tsv
run trend -a -w amy j.tsv
out "$AHDR
$ROW_AMY_GA
$ROW_AMY_GT
$ROW_AMY_V"
err ''
status 0
# the rows whose measures include one of -m's
run trend -a -m hugs j.tsv
out "$AHDR
$ROW_AMY_GA
$ROW_BO
$ROW_ZED_DA
$ROW_ZED_GA"
status 0
run trend -a -w zed,x/bo -m talk,effort j.tsv
out "$AHDR
$ROW_BO
$ROW_ZED_DT
$ROW_ZED_GT"
status 0
# a name no record has is said (a typo, most likely), and the exit is 1
run trend -a -w nobody j.tsv
out "$AHDR"
err 'trend: no one called "nobody" in the journal'
status 1
run trend -a -m nothing j.tsv
out "$AHDR"
err 'trend: no measure called "nothing" in the journal'
status 1
end

begin 'the flags column: each row'"'"'s kinds in the order declining, drop, volatile, quiet, gap'
many > j.tsv
run trend -w amy,zed -m hugs,open,close j.tsv
out "$HDR
amy	close	90	3.86	4.04	-0.18	0.451	0.00	0.980	0.95	volatile
amy	hugs	90	3.00	3.00	0.00	1.000	0.00	1.000	0.00	gap
amy	open	90	4.00	4.00	0.00	1.000	0.00	1.000	0.00	volatile,gap
zed	close	90	4.00	4.00	0.00	1.000	0.00	1.000	0.00	-
zed	hugs	90	0.00	2.68	-2.68	0.000	-0.14	0.000	0.47	drop,gap
zed	open	90	1.00	3.68	-2.68	0.000	-0.14	0.000	0.47	drop,gap"
err ''
status 0
end

begin 'the flags column agrees with -a, row by row'
many > j.tsv
assert 'agree j.tsv' "$(agree j.tsv)"
assert '[ "$(cat "$T/.flagged")" -eq 20 ]' "flagged rows: $(cat "$T/.flagged")"
dropjournal alex sam > j.tsv
assert 'agree j.tsv' "$(agree j.tsv)"
assert '[ "$(cat "$T/.flagged")" -eq 4 ]' "flagged rows: $(cat "$T/.flagged")"
for d in 2026-11-12 2026-11-26; do
	assert "agree -d $d \"$top/tests/example.tsv\"" "example as of $d: $(agree -d $d "$top/tests/example.tsv")"
	assert '[ "$(cat "$T/.flagged")" -gt 3 ]' "flagged rows: $(cat "$T/.flagged")"
done
gen -c 150 -n 250 -e 2026-11-26 > g.tsv
assert 'agree g.tsv' "$(agree g.tsv)"
assert '[ "$(sed 1d "$T/.a" | wc -l)" -ge 20 ]' "too few alerts to tell: $(cat "$T/.a")"
assert '[ "$(sed 1d "$T/.a" | cut -f 3 | sort -u | wc -l)" -ge 4 ]' "too few kinds to tell: $(sed 1d "$T/.a" | cut -f 3 | sort | uniq -c)"
end

# --- names ---------------------------------------------------------------------

# a backslash is allowed in a name: -a's why is escaped as a note is (the
# who column is the name as the journal has it); the chart's words go
# through putsafe, which leaves a backslash alone and UTF-8 as it is.  The
# chart says the fall once, by the gap's words; alone in the journal, a\b's
# drop has no gap and is said in its own words.
begin 'a backslash in a name: escaped in -a'"'"'s why, as it is in the chart'
dropjournal 'a\b' 'zoé' > j.tsv
run trend -a j.tsv
out "$AHDR
2026-11-17	a\\b	drop	hugs,touch	Since 17 Nov, affection has dropped for a\\\\b, below their usual: hugging 0.0 a day against 3.0 usually, physical affection 1.0 against 4.0.
2026-11-17	a\\b	gap	hugs,touch	Since 17 Nov, affection has dropped for a\\\\b but not for zoé: hugging 0.0 a day against 3.0 usually, physical affection 1.0 against 4.0.
2026-11-17	zoé	gap	hugs,touch	Since 17 Nov, affection has dropped for a\\\\b but not for zoé: hugging 0.0 a day against 3.0 usually, physical affection 1.0 against 4.0."
err ''
status 0
COLUMNS=120
export COLUMNS
run trend -c -m touch j.tsv
unset COLUMNS
out 'Since 17 Nov, affection has dropped for a\b but not for zoé: hugging 0.0 a day against 3.0 usually, physical affection
1.0 against 4.0.
Checked in: a\b 7 of the last 7 days (30 of 30); zoé 7 of the last 7 days (30 of 30); both on 7 of 7, 160 days in a row
now.

90 days from 2026-08-29 to 2026-11-26, a mark for 2 days, taller for more. last7: the mean of the last 7 days; base28:
of the 28 before; change: the difference; slope: the change a week; rmssd: the usual swing from one day to the next;
flags: the alerts that name the row (trend -a says why).

who  what                                                    n  last7 base28 change  slope  rmssd  flags
a\b  touch  ++++++++++++++++++++++++++++++++++++++++_____   90   1.00   3.68  -2.68  -0.14   0.47  drop,gap
zoé  touch  +++++++++++++++++++++++++++++++++++++++++++++   90   4.00   4.00   0.00   0.00   0.00  gap'
err ''
status 0
{ span 'a\b' 159 10 "$S"; span 'a\b' 9 0 "$LOW"; } > one.tsv
run trend -a one.tsv
out "$AHDR
2026-11-17	a\\b	drop	hugs,touch	Since 17 Nov, affection has dropped for a\\\\b, below their usual: hugging 0.0 a day against 3.0 usually, physical affection 1.0 against 4.0."
err ''
status 0
COLUMNS=120
export COLUMNS
run trend -c -m touch one.tsv
unset COLUMNS
out 'Since 17 Nov, affection has dropped for a\b, below their usual: hugging 0.0 a day against 3.0 usually, physical
affection 1.0 against 4.0.
Checked in: a\b 7 of the last 7 days (30 of 30).

90 days from 2026-08-29 to 2026-11-26, a mark for 2 days, taller for more. last7: the mean of the last 7 days; base28:
of the 28 before; change: the difference; slope: the change a week; rmssd: the usual swing from one day to the next;
flags: the alerts that name the row (trend -a says why).

who  what                                                    n  last7 base28 change  slope  rmssd  flags
a\b  touch  ++++++++++++++++++++++++++++++++++++++++_____   90   1.00   3.68  -2.68  -0.14   0.47  drop'
err ''
status 0
end

# issue 18: -a on a terminal passed a label's U+202E (which turns the rest
# of a line around) raw, where -c and remind escape it.  On a terminal
# every field goes through the one escape the chart uses; through a pipe
# -a stays the exact data.
begin '-a on a terminal: an invisible character of a label escaped, as in -c; raw through a pipe'
if have_script; then
	printf 'mine\tvibe\tscale\t1\t10\thigh\tHow is the vibe?\taffection\tthe \342\200\256vibe\n' > bank.tsv
	HEARTH_BANK=$T/bank.tsv
	export HEARTH_BANK
	{ span alex 159 10 "$S vibe=10"; span alex 9 0 "$LOW vibe=1"; span sam 159 0 "$S vibe=10"; } > j.tsv
	onterm 'trend -a j.tsv; trend -c -m vibe j.tsv'
	screen_has '2026-11-17	alex	drop	hugs,touch,vibe	Since 17 Nov, affection has dropped for alex, below their usual: hugging 0.0 a day against 3.0 usually, physical affection 1.0 against 4.0, the \u202evibe 1.0 against 10.0.'
	screen_has 'the \u202evibe 1.0'
	assert '! grep -q "$(printf "\342\200\256")" "$T/.screen"' "U+202E reached the terminal raw: $(cat "$T/.screen")"
	assert '[ "$rc" = 0 ]' "exit $rc"
	run trend -a j.tsv
	unset HEARTH_BANK
	out_has "the $(printf '\342\200\256')vibe 1\.0 against 10\.0\.\$"
	err ''
	status 0
	end
else
	skip 'script(1) is missing (Debian: bsdutils)'
fi

begin 'a couple'"'"'s prefix: the who column has it, the words do not'
dropjournal 'q/a\b' 'q/zoé' > j.tsv
run trend -a -w 'q/zoé' j.tsv
out "$AHDR
2026-11-17	q/zoé	gap	hugs,touch	Since 17 Nov, affection has dropped for a\\\\b but not for zoé: hugging 0.0 a day against 3.0 usually, physical affection 1.0 against 4.0."
err ''
status 0
COLUMNS=80
export COLUMNS
run trend -c -w 'q/zoé' -m touch j.tsv
unset COLUMNS
# the words up to how each has been showing up, joined back
awk 'NF == 0 || /^Checked in: / { exit } { printf "%s%s", sep, $0; sep = " " } END { print "" }' "$T/.out" > "$T/.words"
assert '[ "$(cat "$T/.words")" = "Since 17 Nov, affection has dropped for a\b but not for zoé: hugging 0.0 a day against 3.0 usually, physical affection 1.0 against 4.0." ]' \
    "the gap in words: $(cat "$T/.words")"
out_has '^q/zoé  touch .*  gap$'
assert '[ "$(wc -l < "$T/.out")" -eq 11 ]' "the gap alone (2 lines), the showing up (2), a blank, the legend (3), a blank, a header and a row: $(cat "$T/.out")"
err ''
status 0
end
