#!/bin/sh
# t_calibrate.sh - a small, fast run of make calibrate (tests/calibrate.c,
# trend(1) CALIBRATION), with assertions only on what cannot drift when
# the thresholds are chosen again: the table is there, the run is the
# same for the same seed, and a partner who stops checking in is always
# caught within 7 days (quiet is a rule, not an inference).
. "$top/tests/lib.sh"

begin 'calibrate: the same seed gives the same table, another seed another'
runsh '"$top/tests/calibrate" -c 10 -s 3 > a; "$top/tests/calibrate" -c 10 -s 3 > b; "$top/tests/calibrate" -c 10 -s 4 > c; cmp a b && ! cmp -s a c && echo same'
out 'same'
err ''
status 0
end

begin 'calibrate: the table has every row, and silence is caught within 7 days'
run "$top/tests/calibrate" -c 10 -s 1
out_has '^calibrate -s 1 -c 10$'
out_has '^  [0-9.]+ alerts per couple per quarter \(quiet not counted\); [0-9]+% of couples had none$'
for row in 'affection drops' 'safe and heard fall' 'swings double \(noise\)' 'dialogue declines' \
    'drop for 4 weeks, then back'; do
	out_has "^  $row +[0-9]+% +[0-9]+% +[0-9]+% +[0-9]+%"
done
out_has '^  stops checking in +100% +100% +100% +100%$'
err ''
status 0
end

# Every alert of every evening of every couple, its words read back: the
# count of figures named as fallen that are not worse must be 0, of many
# read (a few hundred alerts even in this small run), also on the hold-out.
begin 'calibrate: no alert names a figure as fallen that is not worse than its usual'
for opt in '-s 1' '-s 2 -H'; do
	run "$top/tests/calibrate" -c 10 $opt
	out_has '^words: [0-9]{3,} explanations read back, [0-9]{3,} figures named as fallen or swinging; 0 not worse than usual as printed, 0 unlike the journal; [0-9]+ say the last week is at the usual or better$'
	err ''
	status 0
done
end

begin 'calibrate: the hold-out says so, and a bad option is a usage error'
run "$top/tests/calibrate" -c 4 -s 2 -H
out_has '^calibrate -s 2 -c 4 -H \(hold-out\)$'
status 0
run "$top/tests/calibrate" -x
out ''
err_has '^usage: calibrate'
status 2
end
