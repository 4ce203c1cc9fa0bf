#!/bin/sh
# t_harden.sh - nothing a partner writes is ever lost or exposed: records
# no reader refuses, appends that never overwrite, private modes, batches
# that are all or nothing under kill (the rollback note), a journal that
# is a plain file, batches kept when they cannot be written, and readers
# that end on input that is not a journal.
. "$top/tests/lib.sh"

H='#time	who	what	value	note'
NOW=2026-11-26T21:04:00+01:00
J0="$H
2026-11-25T20:00:00+01:00	sam	touch	3	"
KEPT='~/.local/state/hearth/unwritten-2026-11-26.tsv'
journal() { printf '%s\n' "$J0" > j.tsv && chmod 600 j.tsv && cp j.tsv before.tsv; }
unchanged() { assert 'cmp -s j.tsv before.tsv' 'the journal changed'; }
mode() { ls -ld "$1" | cut -c1-10; }
# xs N: N bytes of x (or of $2)
xs() { head -c "$1" /dev/zero | tr '\0' "${2:-x}"; }
# killed 'kill CALL N' ARGS...: log -a j.tsv ARGS, killed at a named point
# of its write path by tests/shim.so (see shim.c): 'kill write 2' leaves
# the rollback note and none of the batch, 'half write 2' half of it
killed() {
	k=$1
	shift
	HEARTH_SHIM=$k LD_PRELOAD=$top/tests/shim.so log -a j.tsv "$@" 2>/dev/null
	[ $? -eq 137 ] && [ -e j.tsv.rollback ] || fail "log -a was not killed at $k"
}
# two records, and a batch of them cut in half by a kill
TWO="touch	1	$(xs 30 a)
touch	2	$(xs 30 b)"
cut_batch() { printf '%s\n' "$TWO" | killed 'half write 2'; }

# --- records no reader refuses -------------------------------------------

begin 'a note operand that makes the line longer than 64 KiB: refused whole'
run log -a j.tsv touch 4 "$(xs 65500)"
out ''
err 'log: the note is too long: with its time and name the record would be longer than 64 KiB, more than a journal line holds; nothing was written'
status 1
assert '[ ! -e j.tsv ]' 'j.tsv was created'
end

begin 'backslashes that double when escaped: refused whole'
run log touch 4 "$(xs 33000 '\\')"
out ''
err 'log: the note is too long: with its time and name the record would be longer than 64 KiB, more than a journal line holds; nothing was written'
status 1
end

begin 'an answer on stdin that the stamp makes too long: the batch refused whole'
journal
{ printf 'open\t4\n'; printf 'open\t3\t'; xs 65500; echo; } > in
input_file in
run log -a j.tsv
out ''
err 'log: stdin:2: with its time and name the record would be longer than 64 KiB, more than a journal line holds
log: 1 bad line: nothing was written'
status 1
unchanged
end

begin 'the longest record log writes is one trend reads'
# 25 + 1 + 4 + 1 + 5 + 1 + 1 + 1 = 39 bytes before the note
run log -a j.tsv touch 4 "$(xs $((65536 - 39)))"
status 0
assert '[ "$(tail -n 1 j.tsv | wc -c)" -eq 65537 ]' "the line is $(tail -n 1 j.tsv | wc -c) bytes"
run trend -s -m touch j.tsv
err ''
out "date	who	what	value	days
2026-11-26	alex	touch	4.00	1"
status 0
end

# --- appends never overwrite ----------------------------------------------

begin 'stdout open read-write at its start (1<>): log appends at the end'
journal
runsh 'log touch 4 1<> j.tsv'
err ''
status 0
same j.tsv "$J0
$NOW	alex	touch	4	"
end

begin 'stdout open write-only at an offset (1<> then >&): still at the end'
journal
runsh 'exec 3<> j.tsv; log touch 2 >&3; log touch 5 >&3'
status 0
same j.tsv "$J0
$NOW	alex	touch	2	
$NOW	alex	touch	5	"
end

# --- modes ------------------------------------------------------------------

begin '>> under umask 022: the journal log starts is 0600'
umask 022
runsh 'log touch 4 >> new.tsv'
err ''
status 0
assert '[ "$(mode new.tsv)" = "-rw-------" ]' "mode $(mode new.tsv)"
end

begin '-a on an empty file others can read: 0600 once it has a header'
: > j.tsv
chmod 644 j.tsv
run log -a j.tsv touch 4
err ''
status 0
assert '[ "$(mode j.tsv)" = "-rw-------" ]' "mode $(mode j.tsv)"
end

begin '>> to a journal the group can read: one warning with the chmod, the records kept'
journal
chmod 640 j.tsv
input 'touch	4
hugs	2'
runsh 'log >> j.tsv'
out ''
err 'log: stdout: others can read this journal; to keep it yours alone: chmod 600 ~/j.tsv'
status 0
assert '[ "$(wc -l < j.tsv)" -eq 4 ]' 'records lost'
end

begin 'a name that needs quoting is quoted in the chmod'
printf '%s\n' "$J0" > "my j's.tsv"
chmod 604 "my j's.tsv"
run log -a "my j's.tsv" touch 4
err "log: my j's.tsv: others can read this journal; to keep it yours alone: chmod 600 'my j'\\''s.tsv'"
status 0
end

# --- the rollback note ------------------------------------------------------

begin 'a reader does not read past the length a rollback note gives'
journal
cut_batch
assert '[ "$(wc -c < j.tsv)" -gt "$(wc -c < before.tsv)" ]' 'nothing of the batch was written'
run trend -s -m touch j.tsv
err ''
out "date	who	what	value	days
2026-11-25	sam	touch	3.00	1"
status 0
printf 'every\tdaily\ttonight\n' > r.tsv
run remind -f r.tsv j.tsv
err ''
status 0
end

begin 'the next writer takes the cut batch back, keeps the inode and removes the note'
journal
ln j.tsv link.tsv
ino=$(stat -c %i j.tsv)
cut_batch
cut=$(( $(wc -c < j.tsv) - $(wc -c < before.tsv) ))
run log -a j.tsv touch 5
out ''
err "log: j.tsv: a batch was cut short earlier: its $cut bytes are taken back"
status 0
same j.tsv "$J0
$NOW	alex	touch	5	"
assert '[ ! -e j.tsv.rollback ]' 'the note is still there'
assert '[ "$(stat -c %i j.tsv)" = "$ino" ] && cmp -s j.tsv link.tsv' 'the journal was replaced'
end

begin 'a >> writer honours the note too'
journal
cut_batch
runsh 'log touch 5 >> j.tsv'
status 0
same j.tsv "$J0
$NOW	alex	touch	5	"
assert '[ ! -e j.tsv.rollback ]' 'the note is still there'
end

begin 'a note for another file, torn, or of an older hearth is ignored by readers and removed by writers'
journal
printf '%s\t%s\t%s\t%s\t\n' "$NOW" alex touch 1 >> j.tsv
cp j.tsv after.tsv
printf '#rollback\t%s\t100000\t1\t2\t0\t0\n' "$(wc -c < before.tsv)" > j.tsv.rollback
run trend -s -m touch j.tsv
out_has '^2026-11-26	alex	touch	1.00	1$'
printf '#rollback\t%s\t100000\t%s\t%s' 1 "$(stat -c %d j.tsv)" "$(stat -c %i j.tsv)" > j.tsv.rollback
run trend -s -m touch j.tsv
out_has '^2026-11-26	alex	touch	1.00	1$'
# hearth 1.0's note pinned no content: a reader cannot trust it
printf '#rollback\t%s\t100000\t%s\t%s\n' "$(wc -c < before.tsv)" "$(stat -c %d j.tsv)" "$(stat -c %i j.tsv)" > j.tsv.rollback
run trend -s -m touch j.tsv
out_has '^2026-11-26	alex	touch	1.00	1$'
run log -a j.tsv touch 5
err ''
status 0
same j.tsv "$(cat after.tsv)
$NOW	alex	touch	5	"
assert '[ ! -e j.tsv.rollback ]' 'the note is still there'
end

begin 'a note that says less than the file holds beyond it is not believed'
journal
killed 'kill write 2' touch 1
printf '%s\t%s\t%s\t%s\t%s\n' "$NOW" sam touch 1 "longer than the batch" >> j.tsv
run trend -s -m touch j.tsv
out_has '^2026-11-26	sam	touch	1.00	1$'
end

begin 'a reader through a symbolic link finds the note beside the journal'
journal
cut_batch
ln -s j.tsv l.tsv
run trend -s -m touch l.tsv
out "date	who	what	value	days
2026-11-25	sam	touch	3.00	1"
status 0
end

# A note left by a kill, then the journal rewritten in place by the merge
# hearth-journal(5) shows, to exactly the length the note expects: a note
# that pinned only lengths and the inode hid the merged records, and the
# next log -a cut them off.
begin 'a stale note after sort -u -o keeps every record: readers read all, log -a refuses'
printf '2026-10-%02dT21:00:00+01:00\tsam\topen\t4\t\n' $(seq 30) | log -a j.tsv
printf '2025-06-%02dT21:00:00+01:00\talex\thugs\t3\t\n' $(seq 30) > old.tsv
input_file old.tsv
killed 'kill write 2' < old.tsv
ino=$(stat -c %i j.tsv)
LC_ALL=C sort -u -o j.tsv j.tsv old.tsv
cp j.tsv merged.tsv
assert '[ "$(stat -c %i j.tsv)" = "$ino" ]' 'sort -o made a new file: the case tests nothing'
run trend -s -n 600 j.tsv
assert '[ "$(grep -c "	sam	open	" .out)" -eq 30 ] && [ "$(grep -c "	alex	hugs	" .out)" -eq 30 ]' \
    "a reader hid records: $(head -c 300 .out)"
err ''
run log -a j.tsv touch 4
out ''
err_has '^log: j.tsv: its rollback note j.tsv.rollback is from before the journal was changed by other means; nothing is taken back or written'
err_has 'rm j.tsv.rollback$'
err_has "^log: the record is kept in $KEPT"
status 1
assert 'cmp -s j.tsv merged.tsv' 'the journal changed'
assert '[ -e j.tsv.rollback ]' 'the note was removed'
end

begin 'a stale note after a smaller merge: the bytes before the batch are checked'
printf '2026-10-%02dT21:00:00+01:00\tsam\topen\t4\t\n' $(seq 30) | log -a j.tsv
printf '2025-06-%02dT21:00:00+01:00\talex\thugs\t3\t\n' $(seq 30) > old.tsv
killed 'kill write 2' < old.tsv
head -n 10 old.tsv > some.tsv
LC_ALL=C sort -u -o j.tsv j.tsv some.tsv
cp j.tsv merged.tsv
run trend -s -n 600 j.tsv
assert '[ "$(grep -c "	sam	open	" .out)" -eq 30 ] && [ "$(grep -c "	alex	hugs	" .out)" -eq 10 ]' \
    "a reader hid records: $(tail -n 3 .out)"
run log -a j.tsv touch 4
err_has 'is from before the journal was changed by other means'
status 1
assert 'cmp -s j.tsv merged.tsv' 'the journal changed'
end

begin 'a stale note over the same bytes before it: the batch it names is checked too'
journal
killed 'kill write 2' touch 1 aaaa
# the same length as the batch, other bytes: appended by hand, not by log
printf '%s\t%s\t%s\t%s\t%s\n' "$NOW" alex touch 2 bbbb >> j.tsv
cp j.tsv hand.tsv
run trend -s -m touch j.tsv
out_has '^2026-11-26	alex	touch	2.00	1$'
run log -a j.tsv touch 4
err_has 'is from before the journal was changed by other means'
status 1
assert 'cmp -s j.tsv hand.tsv' 'the journal changed'
end

# --- a kill at each point of the write path (tests/shim.so) ------------------
# trace of log -a on a journal with records: the note is written and made
# durable with its directory, then the batch, then the journal is synced,
# and the note removed with its directory synced.  Each step matters.

begin 'log -a syncs the note, its directory, the batch, then the removal'
journal
HEARTH_SHIM="trace $T/trace" LD_PRELOAD=$top/tests/shim.so log -a j.tsv touch 4
same trace 'write reg
fsync reg
fsync dir
write reg
fsync reg
unlink j.tsv.rollback
fsync dir'
end

for point in 'kill fsync 1:none' 'kill fsync 2:none' 'kill write 2:none' 'half write 2:none' \
    'kill fsync 3:none' 'kill unlink 1:none' 'kill fsync 4:whole'; do
	begin "killed at ${point%:*}: readers and the next writer see the batch ${point#*:}"
	journal
	printf '%s\n' "$TWO" > batch
	HEARTH_SHIM=${point%:*} LD_PRELOAD=$top/tests/shim.so log -a j.tsv < batch 2>/dev/null
	assert '[ $? -eq 137 ]' 'log was not killed'
	run trend -s -m touch j.tsv
	n=$(grep -c '^2026-11-26	alex	touch' .out)
	case ${point#*:} in
	none) assert '[ "$n" -eq 0 ]' "a reader saw $n days of the batch" ;;
	whole) assert '[ "$n" -eq 1 ] && grep -q "	3.00	1$" .out' "a reader saw $(cat .out)" ;;
	esac
	run log -a j.tsv open 5
	status 0
	assert 'head -c "$(wc -c < before.tsv)" j.tsv | cmp -s - before.tsv' 'the records before it changed'
	n=$(grep -c '	touch	[12]	' j.tsv)
	case ${point#*:} in
	none) assert '[ "$n" -eq 0 ]' "$n records of the batch stayed" ;;
	whole) assert '[ "$n" -eq 2 ]' "$n records of the batch stayed" ;;
	esac
	assert '[ "$(tail -n 1 j.tsv)" = "$NOW	alex	open	5	" ] && [ ! -e j.tsv.rollback ]' 'the next batch is not on a line of its own'
	end
done

begin 'a rollback note that cannot be removed stops the writer; the batch is kept'
journal
mkdir j.tsv.rollback
run log -a j.tsv touch 4
out ''
err "log: j.tsv.rollback: Is a directory
log: the record is kept in $KEPT; add it later with: log -a ~/j.tsv < $KEPT"
status 1
unchanged
end

begin 'log -a leaves no note behind'
journal
run log -a j.tsv touch 5
status 0
assert '[ "$(ls -A | grep -c rollback)" -eq 0 ]' 'a note is left'
end

begin 'SIGKILL at 10 random moments of a batch with -a: never part of it'
runsh "sh '$top/tests/kills.sh' 10 200000"
status 0
out_has '^10 kills: [0-9]+ whole, [0-9]+ none \([0-9]+ cut mid-batch and taken back\), 0 partial \(readers 0 partial\), 0 broken$'
name="$name ($(tail -n 1 .out))"
end

# --- descriptors 0, 1 and 2 ---------------------------------------------------

begin 'stderr closed: the message of a failed write never lands in the journal'
journal
awk 'BEGIN { for (i = 0; i < 2000; i++) print "open\t4\tan evening with a long note " i }' > batch
input_file batch
runsh 'ulimit -f 42; log -a j.tsv 2>&-'
status 1
unchanged
end

begin 'stdin closed: log -a still reads nothing and writes its record'
journal
runsh 'log -a j.tsv touch 4 <&-'
status 0
same j.tsv "$J0
$NOW	alex	touch	4	"
end

for p in trend remind ask; do
begin "$p with stdout closed says so and fails"
journal
printf 'every\tdaily\ttonight\n' > r.tsv
case $p in
trend) runsh 'trend j.tsv >&-' ;;
remind) runsh 'remind -f r.tsv j.tsv >&-' ;;
ask) runsh 'ask -l >&-' ;;
esac
err_has "^$p: stdout: Bad file descriptor\$"
status 1
unchanged
end
done

# --- -a writes to a plain journal only -----------------------------------

begin '-a through a symbolic link is refused; the target is untouched'
cp /etc/passwd copy
ln -s copy l.tsv
run log -a l.tsv touch 4
out ''
err "log: l.tsv: a symbolic link: -a writes to the journal itself, not through a link; name the file it points to
log: the record is kept in $KEPT; add it later with: log -a ~/l.tsv < $KEPT"
status 1
assert 'cmp -s copy /etc/passwd' 'the target changed'
end

begin '-a on a dangling link creates nothing'
ln -s nowhere.tsv l.tsv
run log -a l.tsv touch 4
err_has '^log: l.tsv: a symbolic link: '
status 1
assert '[ ! -e nowhere.tsv ]' 'the target was created'
end

begin '-a on a FIFO is refused at once, without waiting for a reader'
mkfifo f
runsh 'timeout 10 log -a f touch 4'
err "log: f: not a regular file: a journal is a plain file
log: the record is kept in $KEPT; add it later with: log -a ~/f < $KEPT"
status 1
end

begin '-a on /dev/null is refused'
run log -a /dev/null touch 4
err_has '^log: /dev/null: not a regular file: a journal is a plain file$'
status 1
end

# --- a journal log made for nothing, and batches kept elsewhere -----------

begin 'a failed -a that made the journal removes it'
awk 'BEGIN { for (i = 0; i < 200; i++) print "open\t4\tan evening with a long note " i }' > batch
input_file batch
runsh 'ulimit -f 2; exec log -a new.tsv'
status 1
err_has '^log: new.tsv: nothing was written: File too large$'
assert '[ ! -e new.tsv ] && [ ! -e new.tsv.rollback ]' "left: $(ls)"
end

begin 'ask | log -a ~/us/journal.tsv on a new account: the directory is made 0700'
input 'touch	4
hugs	2'
runsh 'log -a ~/us/journal.tsv'
out ''
err ''
status 0
same us/journal.tsv "$H
$NOW	alex	touch	4	
$NOW	alex	hugs	2	"
assert '[ "$(mode us)" = "drwx------" ] && [ "$(mode us/journal.tsv)" = "-rw-------" ]' "modes $(mode us) $(mode us/journal.tsv)"
end

begin 'a batch that cannot be written is kept 0600, and the command given adds it'
mkdir d
input 'touch	4
hugs	2'
run log -a d
out ''
err "log: d: Is a directory
log: the 2 answers are kept in $KEPT; add them later with: log -a ~/d < $KEPT"
status 1
kept=.local/state/hearth/unwritten-2026-11-26.tsv
assert '[ "$(mode "$kept")" = "-rw-------" ]' "mode $(mode "$kept")"
assert '[ "$(mode .local/state/hearth)" = "drwx------" ]' 'the directory is not 0700'
input_file "$kept"
HEARTH_NOW=2026-12-01T08:00:00Z
run log -a j.tsv
HEARTH_NOW=$NOW
status 0
same j.tsv "$H
$NOW	alex	touch	4	
$NOW	alex	hugs	2	"
end

begin 'a second batch kept the same day gets a name of its own; XDG_STATE_HOME first'
mkdir d
runsh "XDG_STATE_HOME=$T/state log -a d touch 4; XDG_STATE_HOME=$T/state log -a d touch 5"
status 1
err_has "^log: the record is kept in ~/state/hearth/unwritten-2026-11-26-2.tsv; add it later with: log -a ~/d < ~/state/hearth/unwritten-2026-11-26-2.tsv\$"
assert 'grep -q "touch	5" state/hearth/unwritten-2026-11-26-2.tsv' 'the second batch is not in its file'
end

begin 'the command given for a kept batch works as printed, quotes and ~ included'
: > "our us"
run log -a "$T/our us/j's.tsv" touch 4
status 1
err_has "^log: the record is kept in $KEPT; add it later with: log -a ~/'our us/j'\\\\''s.tsv' < $KEPT\$"
rm "our us"
cmd=$(sed -n 's/^log: the record is kept in .*; add it later with: //p' .err)
runsh "$cmd"
err ''
status 0
same "our us/j's.tsv" "$H
$NOW	alex	touch	4	"
end

# --- what cannot be written faithfully ----------------------------------

begin 'a date before the year 1 is refused'
runsh 'HEARTH_NOW=0000-01-01T00:00:00Z log -t yesterday touch 4'
out ''
err 'log: bad time "yesterday" for -t: a journal holds the years 0001 to 9999 only'
status 1
end

begin 'year 0 from HEARTH_NOW is refused; year 1 is fine'
runsh 'HEARTH_NOW=0000-06-01T12:00:00Z log touch 4'
out ''
err 'log: HEARTH_NOW="0000-06-01T12:00:00Z": a journal holds the years 0001 to 9999 only'
status 1
runsh 'HEARTH_NOW=0001-01-01T00:00:00Z log touch 4 | cat'
out '0001-01-01T00:00:00Z	alex	touch	4	'
status 0
end

for v in -0 -00; do
begin "a count of $v is refused"
run log hugs "$v"
out ''
err "log: bad value \"$v\" for hugs: zero is written 0"
status 1
end
done

# --- one rule for output errors ---------------------------------------------

for cmd in 'log < batch' 'ask -l' 'trend big.tsv'; do
begin "SIGPIPE ignored, the reader gone: $cmd ends silently with status 1"
awk 'BEGIN { for (i = 0; i < 2000; i++) print "hugs\t1" }' > batch
gen -n 30 > big.tsv
runsh "trap '' PIPE; { sleep 1; $cmd; echo \"rc=\$?\" >&2; } | true"
out ''
err 'rc=1'
end
done

# --- endless input ------------------------------------------------------------

for p in trend remind; do
begin "$p /dev/zero ends with an error"
printf 'every\tdaily\ttonight\n' > r.tsv
case $p in
trend) runsh 'timeout 60 trend /dev/zero' ;;
remind) runsh 'timeout 60 remind -f r.tsv /dev/zero' ;;
esac
assert '[ "$(grep -vc "^who	" .out)" -eq 0 ]' "a reading: $(head -c 200 .out)"
err "$p: /dev/zero:1: no end of line in 16 MiB: this does not look like a journal"
status 1
end
done

begin 'remind on endless lines of NULs ends after 1000 bad records in a row'
printf '\000\n' > nul
for i in 1 2 3 4 5 6 7 8 9 10 11; do cat nul nul > n2 && mv n2 nul; done
printf 'every\tdaily\ttonight\n' > r.tsv
run remind -f r.tsv nul
out ''
err_has '^remind: nul: 1000 bad records in a row: this does not look like a journal$'
status 1
end

begin 'a journal with 999 bad records in a row still reads'
{ printf '%s\n' "$J0"; i=0; while [ $i -lt 999 ]; do echo bad; i=$((i + 1)); done
  printf '2026-11-26T08:00:00Z\talex\ttouch\t4\t\n'; } > j.tsv
printf 'every\tdaily\ttonight\n' > r.tsv
run remind -f r.tsv j.tsv
out_has 'tonight'
err_has '^remind: 989 more bad records not shown$'
status 0
end

# --- on a terminal ----------------------------------------------------------

begin 'stderr not a terminal: nothing said after writing'
run log -a j.tsv touch 4
err ''
status 0
end

if script -qec true /dev/null > /dev/null 2>&1 < /dev/null; then
begin 'on a terminal: one line says what was kept where'
printf 'touch\t4\nhugs\t2\n' > in
script -qec "log -a $T/j.tsv touch 4; log -a j.tsv < in; HEARTH_NOTTY=1 log -a j.tsv touch 3" /dev/null < /dev/null > screen 2>&1
tr -d '\r' < screen > screen2
same screen2 '1 record kept in ~/j.tsv
2 answers kept in ~/j.tsv'
assert '[ "$(wc -l < j.tsv)" -eq 5 ]' 'records lost'
end
else
echo "ok - on a terminal # SKIP script(1) is missing (Debian: bsdutils)"
fi
