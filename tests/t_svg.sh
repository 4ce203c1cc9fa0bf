#!/bin/sh
# t_svg.sh - trend -g, the picture: what its points are (the last is the
# table's last7), how a panel is titled and scaled, how an early warning
# is marked and said, and that every byte of user text is escaped.  The
# well-formedness and flag cases of t_trend.sh still hold; these are the
# ones a person looking at the picture would notice.
#
# Flags need a usual (about 7 weeks of data), so the cases about alerts
# read tests/example.tsv, whose alex's affection (hugs, touch) drops from
# 2026-11-16 while sam's does not.
. "$top/tests/lib.sh"

EX=$top/tests/example.tsv

# days WHO WHAT FIRST V1 V2 ...: a record a day from FIRST, "." for none
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

# unxml FILE: the text of FILE's caption lines (class="why"), unescaped,
# one a line
unxml() {
	sed -n 's/^<text class="why"[^>]*>\(.*\)<\/text>$/\1/p' "$1" |
	    sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&amp;/\&/g'
}

# --- the points ------------------------------------------------------------

# 2026-11-26 is a Thursday.  alex's touch is 5 from Monday 16 to Sunday 22,
# then 1 on Monday 23 and Tuesday 24: the week from Monday 23 has a mean of 1
# (two days), the last 7 days (20..26: 5 5 5 1 1) a mean of 17/5 = 3.40.
begin 'svg: the last point is the mean of the 7 days to the as-of date, the table'"'"'s last7'
days alex touch 2026-11-16 5 5 5 5 5 5 5 1 1 > j.tsv
run trend j.tsv
out_has "^alex${TAB}touch${TAB}9${TAB}3\\.40${TAB}"
run trend -g -n 14 j.tsv
out_has '<title>alex, 2026-11-20 to 2026-11-26: 3\.40 \(5 days\)</title>'
out_has '<title>alex, 2026-11-13 to 2026-11-19: 5\.00 \(4 days\)</title>'
out_lacks '2026-11-23 to'
# on 1..5, 126 high from y0: 3.40 is 2.4/4 of the way up
assert '[ "$(grep -c "<title>alex, " "$T/.out")" -eq 2 ]' 'two points'
# 14 days are two whole weeks: nothing is drawn hollow or lighter
out_lacks 'fill="white" stroke=|stroke-opacity'
out_lacks 'hollow'
out_has 'the last 7 to 2026-11-26 as in trend&#39;s last7</text>'
err ''
status 0
# 12 days: the first point is of the 5 days from 2026-11-15, hollow and
# lighter, and so is the line to it
run trend -g -n 12 j.tsv
out_has '<circle [^>]*fill="white" stroke="#1f5fbf"[^>]* opacity="0\.6"><title>alex, 2026-11-15 to 2026-11-19: 5\.00 \(4 days\)</title></circle>'
out_has '<circle [^>]*fill="#1f5fbf"[^>]*><title>alex, 2026-11-20 to 2026-11-26: 3\.40 \(5 days\)</title></circle>'
assert '[ "$(grep -c "stroke-opacity=\"0.45\"" "$T/.out")" -eq 1 ]' 'one lighter line'
out_has '; hollow: fewer days</text>'
err ''
status 0
end

# every panel of the example: its last point is the row's last7
begin 'svg: the last points of the example are the table'"'"'s last7, row by row'
run trend "$EX"
awk -F'\t' 'NR > 1 && $4 != "-" { print $1 "\t" $2 "\t" $4 }' "$T/.out" | sort > want
run trend -g "$EX"
awk '/<tspan class="id"/ { w = $0; sub(/.*<tspan class="id"[^>]*>/, "", w); sub(/[,<].*/, "", w) }
    /<title>[^<]*, 2026-11-20 to 2026-11-26: / { t = $0; sub(/.*<title>/, "", t); sub(/<\/title>.*/, "", t)
	split(t, a, ", 2026-11-20 to 2026-11-26: "); sub(/ .*/, "", a[2]); print a[1] "\t" w "\t" a[2] }' \
    "$T/.out" | sort > got
assert '[ "$(wc -l < want)" -ge 30 ] && cmp -s want got' "the last points differ:$NL$(diff want got | head -10)"
err ''
status 0
end

# --- titles and scales -----------------------------------------------------

begin 'svg: a panel is titled in words, its id small beside them, and says when lower is better'
{
	days alex dodged 2026-11-01 0 . . . . . . 1 . . . . . . 0 . . . . . . 1
	days alex hugs 2026-11-20 2 3 1 0 2 4 3
	days alex talk_min 2026-11-20 20 35 40 15 30 25 45
	days alex checkin 2026-11-20 1 1 0 1 1 1 0
	days alex vibe 2026-11-20 4 5 4
} > j.tsv
run trend -g j.tsv
out_has '<tspan font-weight="bold">hard talks dodged</tspan><tspan class="id" [^>]*>dodged, lower is better</tspan></text>'
out_has '<tspan font-weight="bold">hugging</tspan><tspan class="id" [^>]*>hugs</tspan></text>'
out_has '<tspan font-weight="bold">minutes of real talk</tspan><tspan class="id" [^>]*>talk_min</tspan></text>'
out_has '<tspan font-weight="bold">reaching each other</tspan><tspan class="id" [^>]*>checkin, share of days with yes</tspan></text>'
# a measure no bank knows has no label: its id alone, no small id
out_has '<tspan font-weight="bold">vibe</tspan></text>'
assert '[ "$(grep -c "lower is better" "$T/.out")" -eq 1 ]' 'only dodged is better low'
err ''
status 0
end

begin 'svg: whole-number ticks for counts and minutes, on the points, not on 1440; yes/no in %'
{
	days alex dodged 2026-11-01 0 . . . . . . 1 . . . . . . 0 . . . . . . 1
	days alex talk_min 2026-11-20 20 35 40 15 30 25 45
	days alex checkin 2026-11-20 1 1 0 1 1 1 0
} > j.tsv
run trend -g j.tsv
# by hand: talk_min's one point is 210 / 7 = 30 minutes, drawn on 0..30 by 5
# each panel's y ticks, by its id: "checkin 0% 25% ...", one line a panel
awk '/<tspan class="id"/ { if (p != "") print p; p = $0; sub(/.*<tspan class="id"[^>]*>/, "", p); sub(/[,<].*/, "", p) }
    /class="tk" / { t = $0; sub(/<\/text>.*/, "", t); sub(/.*>/, "", t); p = p " " t }
    END { print p }' "$T/.out" > ticks
same ticks 'checkin 0% 25% 50% 75% 100%
dodged 0 1
talk_min 0 5 10 15 20 25 30'
err ''
status 0
end

begin 'svg: a label from a user bank is escaped in the title'
days alex vibe 2026-11-20 4 5 4 > j.tsv
printf 'mine\tvibe\tscale\t1\t5\tlow\tHow is the vibe?\tnone\t<b>&"'"'"'s\n' > bank.tsv
HEARTH_BANK=bank.tsv
export HEARTH_BANK
run trend -g j.tsv
unset HEARTH_BANK
out_has '<tspan font-weight="bold">&lt;b&gt;&amp;&quot;&#39;s</tspan><tspan class="id" [^>]*>vibe, lower is better</tspan></text>'
out_lacks '<b>'
err ''
status 0
end

# --- early warnings --------------------------------------------------------

begin 'svg: an early warning is a band and a bar in no partner'"'"'s colour or dash, with a key'
# six partners in one (unprefixed) couple: every partner colour is drawn
{
	cat "$EX"
	for p in kim lou max ned; do
		days $p touch 2026-11-20 3 4 3 4 3 4 3
	done
} > j.tsv
run trend -g j.tsv
# the partners' colours and dashes, from the legend of the touch panel
sed -n 's/.*d="M[0-9.]* [0-9.]*h26" stroke="\(#[0-9a-f]*\)".*/\1/p' "$T/.out" | sort -u > colours
assert '[ "$(wc -l < colours)" -eq 6 ]' "six partner colours: $(cat colours)"
grep 'class="mark"' "$T/.out" > marks
assert '[ "$(wc -l < marks)" -eq 2 ]' 'hugs and touch marked'
assert '! grep -q -e stroke -e dasharray marks' 'a mark has no line'
for c in $(cat colours); do
	grep -qi "$c" marks && fail "a mark in partner colour $c"
	grep 'flagged:' "$T/.out" | grep -qi "$c" && fail "the flags in partner colour $c"
	grep 'class="why"' "$T/.out" | grep -qi "$c" && fail "the words in partner colour $c"
done
# no frame: no rect is dashed
out_lacks '<rect [^>]*stroke-dasharray'
out_has '<text class="key" [^>]*>marked: an early warning, its words in the panel; see trend -a</text>'
err ''
status 0
# without an alert, no mark and no key
run trend -g -w sam -m talk "$EX"
out_lacks 'class="mark"|class="key"|class="why"|flagged:'
err ''
status 0
end

# a fall is said once: a drop (or decline) whose gap is in force (the same
# since, person and measures in trend -a) is said by the gap's words alone
begin 'svg: an alert'"'"'s words in its panel, as trend -a says them, wrapped at 95 characters'
run trend -a "$EX"
assert '[ "$(cut -f 3 "$T/.out" | sed 1d | tr "\n" " ")" = "drop gap gap " ]' "a drop and its gap (a row each partner): $(cat "$T/.out")"
awk -F "$TAB" '
FNR == 1 { next }
FNR == NR { if ($3 == "gap") gap[$1, $2, $4] = 1; next }
($3 == "drop" || $3 == "declining") && (($1, $2, $4) in gap) { next }
{ print $5 }' "$T/.out" "$T/.out" | sort -u > want
assert '[ "$(wc -l < want)" -eq 1 ]' "the gap's words alone: $(cat want)"
run trend -g "$EX"
# every caption line (the flags, then the words) is in a marked panel, and has at most 95 characters
awk '/^<g>$/ { marked = 0 } /class="mark"/ { marked = 1 }
    /class="why"/ && !marked { print "unmarked: " $0 }' "$T/.out" > bad
assert '[ ! -s bad ]' "$(cat bad)"
unxml "$T/.out" > lines
assert '[ -s lines ] && ! LC_ALL=C.UTF-8 awk "length > 95" lines | grep -q .' "a line over 95: $(awk 'length > 95' lines)"
assert '[ "$(wc -l < lines)" -ge 6 ]' 'two panels of one fall, wrapped'
# the lines of the hugs panel, joined, are the alerts' words
awk '/^<g>$/ { p = 0 } /font-weight="bold">hugging</ { p = 1 } p' "$T/.out" > hugs
unxml hugs | grep -v '^flagged: ' | awk '/^Since/ && s != "" { print s; s = "" } { s = s (s == "" ? "" : " ") $0 } END { print s }' | sort -u > got
assert 'cmp -s want got' "the hugs panel says$NL$(cat got)${NL}not$NL$(cat want)"
err ''
status 0
# -w sam: the gap concerns sam, alex's drop does not
run trend -g -w sam -m hugs "$EX"
unxml "$T/.out" | tr '\n' ' ' > words
assert 'grep -q "dropped for alex but not for sam" words' 'the gap is said'
assert '! grep -q "below their usual" words' "alex's drop is not: $(cat words)"
out_has '>flagged: gap \(sam\)</text>'
err ''
status 0
end

begin 'svg: names in an alert'"'"'s words and points are escaped'
sed "s/${TAB}alex${TAB}/${TAB}a<l>\\&\"x'${TAB}/" "$EX" > j.tsv
run trend -g j.tsv
out_lacks '<l>|&"'
out_has '<text class="why" [^>]*>Since 16 Nov, affection has dropped for a&lt;l&gt;&amp;&quot;x&#39; but not for sam: '
out_has '<title>a&lt;l&gt;&amp;&quot;x&#39;, 2026-11-20 to 2026-11-26: '
out_has '>flagged: drop \(a&lt;l&gt;&amp;&quot;x&#39;\), gap'
if command -v xmllint > /dev/null 2>&1; then
	xmllint --noout "$T/.out" 2> xml.err || fail "xmllint: $(head -c 300 xml.err)"
fi
err ''
status 0
# alone in the journal: no gap, the drop's own words, escaped as well
grep -v "${TAB}sam${TAB}" j.tsv > one.tsv
run trend -g one.tsv
out_lacks '<l>|&"| but not for '
out_has '<text class="why" [^>]*>Since 16 Nov, affection has dropped for a&lt;l&gt;&amp;&quot;x&#39;, below their usual'
out_has '>flagged: drop \(a&lt;l&gt;&amp;&quot;x&#39;\)</text>'
err ''
status 0
end

# --- the picture as a whole ------------------------------------------------

begin 'svg: shrinks to a narrow window, larger words there, nothing outside itself'
run trend -g "$EX"
out_has '^<svg xmlns="http://www.w3.org/2000/svg" width="760" height="[0-9]+" viewBox="0 0 760 [0-9]+" style="max-width:100%;height:auto" '
out_has '^<style>@media \(max-width: 560px\) \{ \.alt \{ display: none \} .*\.why, \.key \{ font-size: 16px \}'
out_lacks '<script|href|url\(|@import|<image|<foreignObject'
# the height is the panels': the last panel's band ends inside the picture
h=$(sed -n 's/^<svg .* height="\([0-9]*\)".*/\1/p' "$T/.out")
last=$(grep -o 'class="mark" x="0" y="[0-9.]*" width="760.0" height="[0-9.]*"' "$T/.out" | tail -n 1 |
    awk -F'"' '{ print $6 + $10 }')
assert '[ -n "$h" ] && [ -n "$last" ] && awk "BEGIN { exit !($last <= $h) }"' "band ends at $last, picture $h"
if command -v xmllint > /dev/null 2>&1; then
	xmllint --noout "$T/.out" 2> xml.err || fail "xmllint: $(head -c 300 xml.err)"
fi
err ''
status 0
end

begin 'svg: a long name is cut in the legend, whole when pointed at, never inside a character'
E=$(printf '\303\251')
printf '2026-11-26\tc/abcdefghijklmnopqrstuvwxyz\ttouch\t4\n2026-11-26\tc/%s%s%s%s%s%s%s%s%s%s%s%s%sz\ttouch\t4\n2026-11-26\tc/twelve_chars\ttouch\t3\n' \
    "$E" "$E" "$E" "$E" "$E" "$E" "$E" "$E" "$E" "$E" "$E" "$E" "$E" > j.tsv
run trend -g j.tsv
out_has '<text class="lg" [^>]*><title>abcdefghijklmnopqrstuvwxyz</title>abcdefghijk…</text>'
out_has "<text class=\"lg\" [^>]*><title>$E$E$E$E$E$E$E$E$E$E$E$E${E}z</title>$E$E$E$E$E$E$E$E$E$E$E…</text>"
out_has '<text class="lg" [^>]*>twelve_chars</text>'
err ''
status 0
end
