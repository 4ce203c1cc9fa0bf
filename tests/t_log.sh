#!/bin/sh
# t_log.sh - log(1): stamping, validation, all-or-nothing batches, appends.
. "$top/tests/lib.sh"

H='#time	who	what	value	note'
NOW=2026-11-26T21:04:00+01:00

begin 'operands: one record; the note operands joined by spaces'
runsh 'log touch 4 held "hands on"  the walk | cat'
out "$NOW	alex	touch	4	held hands on the walk"
err ''
status 0
end

begin 'stdout a regular empty file: the header comes first'
run log touch 4 'held hands on the walk home'
out "$H
$NOW	alex	touch	4	held hands on the walk home"
err ''
status 0
end

begin 'answers on stdin, stamped with -w; an empty note keeps its field'
input "safe	5
heard	3	felt rushed"
runsh 'log -w sam | cat'
out "$NOW	sam	safe	5	
$NOW	sam	heard	3	felt rushed"
status 0
end

begin 'whole records keep their own time and who'
input "2026-01-02T08:00:00Z	sam	close	4	morning
2026-01-03	pat/jo	hugs	3	"
runsh 'log -w alex -t 2020-01-01 | cat'
out "2026-01-02T08:00:00Z	sam	close	4	morning
2026-01-03	pat/jo	hugs	3	"
status 0
end

begin 'comments, blank lines and CRLF are fine'
input_raw "# tonight$(printf '\r')
$(printf '\r')

open	4$(printf '\r')
   
talk	5	long one$(printf '\r')
"
runsh 'log | cat'
out "$NOW	alex	open	4	
$NOW	alex	talk	5	long one"
err ''
status 0
end

begin 'notes: tabs, newlines and backslashes from operands are escaped'
runsh "log share 1 \"\$(printf 'a\\tb\\\\c\\nd')\" | cat"
out "$NOW	alex	share	1	a\\tb\\\\c\\nd"
status 0
end

begin 'a control character in a note operand is refused'
runsh "log share 1 \"\$(printf 'bell\\007')\""
out ''
err 'log: a control character in the note'
status 1
end

begin '-t: RFC 3339 with seconds'
runsh 'log -t 2026-11-20T08:15:30-05:00 open 3 | cat'
out "2026-11-20T08:15:30-05:00	alex	open	3	"
status 0
end

begin '-t: without seconds, written out in full'
runsh 'log -t 2026-11-20T08:15+05:30 open 3 | cat'
out "2026-11-20T08:15:00+05:30	alex	open	3	"
status 0
end

begin '-t: a date means noon, with the offset of HEARTH_NOW'
runsh 'log -t 2026-11-20 open 3 | cat'
out "2026-11-20T12:00:00+01:00	alex	open	3	"
status 0
end

begin '-t: a date means noon local time without HEARTH_NOW'
runsh 'unset HEARTH_NOW; TZ=EST5 log -t 2026-11-20 open 3 | cat'
out "2026-11-20T12:00:00-05:00	alex	open	3	"
status 0
end

begin '-t: today and yesterday keep the time of day'
runsh 'log -t today open 3 | cat; log -t yesterday open 2 | cat'
out "$NOW	alex	open	3	
2026-11-25T21:04:00+01:00	alex	open	2	"
status 0
end

begin '-t: a time without offset takes HEARTH_NOW'"'"'s'
runsh 'log -t 2026-11-20T08:15:00 open 3 | cat'
out "2026-11-20T08:15:00+01:00	alex	open	3	"
status 0
end

begin 'the clock is local time with its offset when HEARTH_NOW is unset'
runsh 'unset HEARTH_NOW; TZ=JST-9 log open 3 | cut -f1'
out_has '^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]\+09:00$'
status 0
end

begin 'Z stays Z'
runsh 'HEARTH_NOW=2026-11-26T20:04:00Z log open 3 | cat'
out "2026-11-26T20:04:00Z	alex	open	3	"
status 0
end

for bad in 2026-02-30 2026-11-26T24:00 2026-11-26T21:04:00+25:00 26-11-2026 'next week' 2026-11-26T21:04:00+0100; do
begin "-t $bad is bad data: exit 1"
run log -t "$bad" open 3
out ''
err_has "^log: bad time \"$(printf %s "$bad" | sed 's/[+.]/\\&/g')\" for -t: "
status 1
end
done

begin 'a bad HEARTH_NOW is an error'
runsh 'HEARTH_NOW=yesterday log open 3'
out ''
err 'log: HEARTH_NOW="yesterday": not a date like 2026-11-26'
status 1
end

begin '-w: a name with a space is bad data'
run log -w 'al ex' open 3
out ''
err 'log: bad name "al ex": a name has no spaces or control characters'
status 1
end

begin '-w: control characters are shown escaped'
run log -w "$(printf 'a\033[31mb')" open 3
out ''
err 'log: bad name "a\x1b[31mb": a name has no spaces or control characters'
status 1
end

begin 'who: HEARTH_WHO, else the login name'
runsh 'unset HEARTH_WHO; log open 3 | cut -f2'
out "$(id -un)"
status 0
end

begin 'couple/person names are kept'
runsh 'log -w smiths/sam open 3 | cut -f2'
out 'smiths/sam'
status 0
end

# validation against the bank, one case per kind of mistake
while IFS='|' read -r line msg; do
begin "refused: $line"
input "$line"
run log
out ''
err "log: stdin:1: $msg
log: 1 bad line: nothing was written"
status 1
end
done <<'EOF2'
tuoch	4|unknown measure "tuoch": no question bank defines it (see ask -l)
touch	6|touch takes a whole number from 1 to 5, not "6"
touch	0|touch takes a whole number from 1 to 5, not "0"
touch	4.0|touch takes a whole number from 1 to 5, not "4.0"
touch	4.5|touch takes a whole number from 1 to 5, not "4.5"
touch	-1|touch takes a whole number from 1 to 5, not "-1"
touch	1e1|touch takes a whole number from 1 to 5, not "1e1"
touch	nan|touch takes a whole number from 1 to 5, not "nan"
touch	4,5|touch takes a whole number from 1 to 5, not "4,5"
touch	|bad value "" for touch: the value is empty
checkin	2|checkin takes 1 (yes) or 0 (no), not "2"
checkin	y|checkin takes 1 (yes) or 0 (no), not "y"
hugs	-1|hugs takes a whole number of 0 or more, not "-1"
hugs	2.5|hugs takes a whole number of 0 or more, not "2.5"
talk_min	1441|talk_min takes a whole number from 0 to 1440, not "1441"
talk_min	9999999999999999|talk_min takes a whole number from 0 to 1440, not "9999999999999999"
share	2	hi|share is a text answer: its value is 1 and the answer goes in the note, not "2"
share	1|share is a text answer: the answer goes in the note, and it is empty
Touch	4|bad measure "Touch": a measure name starts with a letter a-z
open	3	bad \q escape|a backslash in a note starts \\, \t, \n or \r
open	3	trailing \|a backslash in a note starts \\, \t, \n or \r
4|want an answer (what, value, note) or a record (time, who, what, value, note), found 1 field
open	3	a	b|want an answer (what, value, note) or a record (time, who, what, value, note), found 4 fields
2026-11-26T21:04:00Z	sam	open	3	x	y|want an answer (what, value, note) or a record (time, who, what, value, note), found 6 fields
2026-02-30T21:04:00Z	sam	open	3	x|bad time "2026-02-30T21:04:00Z": no such date
2026-11-26T21:04:00+25:00	sam	open	3	x|bad time "2026-11-26T21:04:00+25:00": no such offset
	sam	open	3	x|the time is empty
2026-11-26T21:04:00Z		open	3	x|the name is empty
2026-11-26T21:04:00Z	sam	tuoch	3	x|unknown measure "tuoch": no question bank defines it (see ask -l)
2026-11-26T21:04:00Z	sam	open	9	x|open takes a whole number from 1 to 5, not "9"
EOF2

begin 'a control character in an answer line is named, escaped'
input "$(printf 'open\t3\tbad\033[2Jnote')"
run log
out ''
err 'log: stdin:1: a control character in the note
log: 1 bad line: nothing was written'
status 1
end

begin 'invalid UTF-8 in a note is refused'
input "$(printf 'open\t3\tcaf\351')"
run log
err_has '^log: stdin:1: the note is not UTF-8$'
status 1
end

begin 'a NUL byte is refused'
printf 'open\t3\tx\000y\n' > nul.tsv
input_file nul.tsv
run log
out ''
err 'log: stdin:1: a NUL byte in the line
log: 1 bad line: nothing was written'
status 1
end

begin 'all or nothing: every bad line named, nothing written'
printf '%s\n' "$H" "2026-11-01T20:00:00+01:00	alex	open	4	" > j.tsv
cp j.tsv before.tsv
input "open	4
tuoch	4
safe	5

talk	9
close	3"
run log -a j.tsv
out ''
err 'log: stdin:2: unknown measure "tuoch": no question bank defines it (see ask -l)
log: stdin:5: talk takes a whole number from 1 to 5, not "9"
log: 2 bad lines: nothing was written'
status 1
assert 'cmp -s j.tsv before.tsv' 'the journal changed'
end

begin 'all or nothing with >>: nothing appended'
printf '%s\n' "$H" > j.tsv
input "open	4
touch	7"
runsh 'log >> j.tsv'
status 1
same j.tsv "$H"
end

begin 'an empty batch writes nothing and -a creates no file'
input '# nothing tonight'
run log -a j.tsv
out ''
err ''
status 0
assert '[ ! -e j.tsv ]' 'j.tsv was created'
end

begin '-a creates the journal 0600 with its header'
umask 022
run log -a j.tsv touch 4 'held hands'
out ''
err ''
status 0
same j.tsv "$H
$NOW	alex	touch	4	held hands"
assert '[ "$(ls -l j.tsv | cut -c1-10)" = "-rw-------" ]' "mode is $(ls -l j.tsv | cut -c1-10)"
end

begin '-a appends after what is there, without a second header; a journal others can read is said'
printf '%s\n' "$H" "2026-11-01T20:00:00+01:00	sam	open	4	" > j.tsv
chmod 644 j.tsv
run log -a j.tsv open 5
out ''
err 'log: j.tsv: others can read this journal; to keep it yours alone: chmod 600 j.tsv'
status 0
same j.tsv "$H
2026-11-01T20:00:00+01:00	sam	open	4	
$NOW	alex	open	5	"
assert '[ "$(ls -l j.tsv | cut -c1-10)" = "-rw-r--r--" ]' 'an existing mode changed'
end

begin '-a on a torn last line starts a fresh line'
printf '%s\n2026-11-01T20:00:00+01:00\tsam\top' "$H" > j.tsv
run log -a j.tsv open 5
status 0
same j.tsv "$H
2026-11-01T20:00:00+01:00	sam	op
$NOW	alex	open	5	"
end

begin '-a on an empty file writes the header'
: > j.tsv
run log -a j.tsv open 5
same j.tsv "$H
$NOW	alex	open	5	"
end

begin '>> on a torn last line starts a fresh line'
printf '%s\nhalf a line' "$H" > j.tsv
runsh 'log open 5 >> j.tsv'
status 0
same j.tsv "$H
half a line
$NOW	alex	open	5	"
end

begin '>> on an empty file writes the header; the next append does not'
: > j.tsv
runsh 'log open 5 >> j.tsv && log open 4 >> j.tsv'
status 0
same j.tsv "$H
$NOW	alex	open	5	
$NOW	alex	open	4	"
end

begin '-a on a directory is an error, and the record is kept elsewhere'
mkdir d
run log -a d open 5
out ''
err 'log: d: Is a directory
log: the record is kept in ~/.local/state/hearth/unwritten-2026-11-26.tsv; add it later with: log -a ~/d < ~/.local/state/hearth/unwritten-2026-11-26.tsv'
status 1
same .local/state/hearth/unwritten-2026-11-26.tsv "$H
$NOW	alex	open	5	"
end

begin '-a in a missing directory makes it, mode 0700'
run log -a no/such/j.tsv open 5
out ''
err ''
status 0
same no/such/j.tsv "$H
$NOW	alex	open	5	"
assert '[ "$(ls -ld no no/such | cut -c1-10 | sort -u)" = "drwx------" ]' "modes $(ls -ld no no/such | cut -c1-10)"
assert '[ "$(ls -l no/such/j.tsv | cut -c1-10)" = "-rw-------" ]' 'the journal is not 0600'
end

begin 'a full device is an error, not silence'
runsh 'log open 5 > /dev/full'
err 'log: stdout: No space left on device'
status 1
end

begin 'file size limit: a short -a write is rolled back'
printf '%s\n' "$H" "2026-11-01T20:00:00+01:00	sam	open	4	" > j.tsv
cp j.tsv before.tsv
awk 'BEGIN { for (i = 0; i < 200; i++) print "open\t4\tan evening with a long note " i }' > batch
input_file batch
runsh 'ulimit -f 2; exec log -a j.tsv'
status 1
err_has '^log: j.tsv: (nothing was written|File too large)'
assert 'cmp -s j.tsv before.tsv' "the journal changed: $(wc -c < j.tsv) bytes"
end

begin 'file size limit: a short >> write is rolled back too'
printf '%s\n' "$H" > j.tsv
cp j.tsv before.tsv
awk 'BEGIN { for (i = 0; i < 200; i++) print "open\t4\tan evening with a long note " i }' > batch
input_file batch
runsh 'ulimit -f 2; exec log >> j.tsv'
status 1
err_has '^log: stdout: '
assert 'cmp -s j.tsv before.tsv' "the journal changed: $(wc -c < j.tsv) bytes"
end

begin 'a line over 64 KiB is a bad line, not a crash'
awk 'BEGIN { printf "open\t3\t"; for (i = 0; i < 66000; i++) printf "x"; print ""; print "open\t4" }' > long
input_file long
run log
out ''
err 'log: stdin:1: the line is longer than 64 KiB
log: 1 bad line: nothing was written'
status 1
end

begin 'a note of 60 KiB is fine'
awk 'BEGIN { printf "open\t3\t"; for (i = 0; i < 60000; i++) printf "x"; print "" }' > long
input_file long
runsh 'log | wc -c'
out "$(( ${#NOW} + 1 + 5 + 5 + 2 + 60000 + 1 ))"
status 0
end

begin 'a batch over 64 MiB is refused whole'
awk 'BEGIN { for (i = 0; i < 1800000; i++) print "hugs\t1" }' > huge
input_file huge
run log -a j.tsv
out ''
err 'log: the batch is larger than 64 MiB: nothing was written; split it'
status 1
assert '[ ! -e j.tsv ]' 'j.tsv was created'
end

begin '1M answers in one batch: every one kept, in order'
awk 'BEGIN { for (i = 0; i < 1000000; i++) print "hugs\t" i % 50 }' > million
input_file million
run log -a j.tsv
status 0
assert '[ "$(wc -l < j.tsv)" -eq 1000001 ]' "lines: $(wc -l < j.tsv)"
assert 'tail -n +2 j.tsv | cut -f3,4 | cmp -s - million' 'records differ from the answers'
end

for how in '-a j.tsv' '>> j.tsv'; do
begin "two concurrent writers ($how): nothing lost or interleaved"
: > j.tsv
cat > writer <<EOF2
i=0
while [ \$i -lt 60 ]; do
	printf 'open\t%d\t%s %d a\nclose\t%d\t%s %d b\nhugs\t%d\t%s %d c\n' 3 \$1 \$i 4 \$1 \$i 2 \$1 \$i | log -w \$1 $how || exit 1
	i=\$((i + 1))
done
EOF2
runsh 'sh writer alex & sh writer sam & sh writer pat & sh writer jo & wait'
status 0
assert '[ "$(grep -c "^$NOW" j.tsv)" -eq 720 ]' "records: $(grep -c "^$NOW" j.tsv)"
assert '[ "$(grep -c "^#" j.tsv)" -eq 1 ] && head -1 j.tsv | grep -q "^#time"' 'one header, first'
# every batch of three stays together: a, b, c from one writer in a row
assert 'tail -n +2 j.tsv | awk -F"\t" "{ split(\$5, w, \" \"); k = w[1] \" \" w[2]; if (NR % 3 == 1) { if (w[3] != \"a\") exit 1; key = k } else if (k != key) exit 1 } END { exit NR != 720 }"' 'a batch was interleaved'
assert '[ "$(awk -F"\t" "NF != 5" j.tsv | wc -l)" -eq 0 ]' 'a torn line'
end
done

begin '-f adds a user bank measure'
printf 'daily\tmood\tscale\t1\t10\thigh\tHow was your mood? (1 = low, 10 = bright)\n' > bank.tsv
runsh 'log -f bank.tsv mood 9 | cut -f3,4'
out "mood	9"
status 0
end

begin 'a count with a top in a user bank says its range'
printf 'daily\tcups\tcount\t0\t8\thigh\tCups of tea together today?\n' > bank.tsv
run log -f bank.tsv cups 9
out ''
err 'log: cups takes a whole number from 0 to 8, not "9"'
status 1
run log -f bank.tsv cups 8
status 0
end

begin 'the user bank from XDG_CONFIG_HOME'
mkdir -p .config/hearth
printf 'daily\tmood\tscale\t1\t10\thigh\tHow was your mood? (1 = low, 10 = bright)\n' > .config/hearth/questions.tsv
runsh 'log mood 9 | cut -f3,4'
out "mood	9"
status 0
end

begin 'a bad user bank is an error naming its line'
printf 'daily\tmood\tscale\t5\t1\thigh\tMood?\n' > bank.tsv
run log -f bank.tsv open 3
out ''
err 'log: bank.tsv:1: a scale needs whole numbers lo < hi, e.g. 1 5'
status 1
end

begin 'a missing -f bank is an error'
run log -f nope.tsv open 3
out ''
err 'log: nope.tsv: No such file or directory'
status 1
end

begin '-h prints usage on stdout'
run log -h
out 'usage: log [-a journal] [-f bank] [-t time] [-w who] [what value [note ...]]'
err ''
status 0
end

begin '--help is -h'
run log --help
out 'usage: log [-a journal] [-f bank] [-t time] [-w who] [what value [note ...]]'
err ''
status 0
end

begin '--version'
run log --version
out_has '^log \(hearth\) [0-9]'
status 0
end

begin 'an unknown option is a usage error'
run log -x
out ''
err_has '^usage: log '
status 2
end

begin 'a measure without a value is a usage error'
run log touch
out ''
err_has '^log: touch needs a value'
status 2
end

begin 'two user bank lines that disagree are an error, whatever their order'
printf 'daily\ttouch\tscale\t1\t5\thigh\tTouch?\nweekly\ttouch\tscale\t0\t10\thigh\tTouch this week?\n' > bank.tsv
run log -f bank.tsv touch 3
out ''
err 'log: bank.tsv:2: touch is defined differently on line 1'
status 1
end

for p in ask log trend remind; do
begin "$p: an unknown option is named in the program's own words"
run $p -x
out ''
err_has "^$p: unknown option -x\$"
err_has "^usage: $p "
status 2
end
done

begin 'an option without its value is named'
run log -a
out ''
err_has '^log: -a needs a value$'
status 2
end

# --- what log holds a batch to (issue: nothing lost, round three) -----------

begin 'an answer note must have the form ask -P writes: log refuses what ask would'
run log -a j.tsv answer 1 'we talked'
out ''
err 'log: an answer of ask -P holds "q:", the question'"'"'s id, a space, the question, a tab and the answer in its note'
status 1
assert '[ ! -e j.tsv ]' 'j.tsv was made'
printf 'answer\t1\tq:0123abcd \\tno question\n' > in
input_file in
run log -a j.tsv
err_has '^log: stdin:1: an answer of ask -P holds'
status 1
printf 'answer\t1\tq:0123abcd What made you laugh?\\twe did\n' > in
input_file in
run log -a j.tsv
err ''
status 0
run ask -b j.tsv
assert '! grep -q "holds" .err' "ask refused what log wrote: $(cat .err)"
end

begin 'endless bad input: ten lines named, then reading stops'
runsh 'yes x | log -a j.tsv'
out ''
status 1
assert '[ "$(grep -c "^log: stdin:[0-9]*: want an answer" .err)" -eq 10 ]' "$(grep -c . .err) lines said"
err_has '^log: stdin: 1000 bad lines, and no more were read: this is not a batch of answers or records; nothing was written$'
assert '[ ! -e j.tsv ]' 'j.tsv was made'
end

begin 'a few more bad lines than are named: counted'
printf 'x\n%.0s' $(seq 12) > in
input_file in
run log
out ''
assert '[ "$(grep -c "^log: stdin:" .err)" -eq 10 ]' "$(cat .err)"
err_has '^log: 2 more bad lines not shown$'
err_has '^log: 12 bad lines: nothing was written$'
status 1
end

begin 'an empty journal name is a usage error'
run log -a '' touch 4
out ''
err_has "^log: -a needs the journal's name, and it is empty$"
status 2
assert '[ -z "$(ls)" ]' "made: $(ls)"
end

begin 'the "add it later" advice is whole, however long the path'
d=$(printf 'd%.0s' $(seq 120))/$(printf 'e%.0s' $(seq 120))
mkdir -p "$d/j.tsv"
run log -a "$d/j.tsv/" touch 4
status 1
err_has "add it later with: log -a ~/$d/j.tsv/ < ~/.local/state/hearth/unwritten-2026-11-26.tsv\$"
end
