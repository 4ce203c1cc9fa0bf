#!/bin/sh
# t_faults.sh - what happens to a journal when the world misbehaves: a full
# disk, a writer killed in the middle of a batch, a reader that goes away.
. "$top/tests/lib.sh"

H='#time	who	what	value	note'

# A real full file system: a tiny tmpfs, where root may mount one.
begin 'disk full: log -a leaves the journal byte for byte as it was'
mkdir mnt
if mount -t tmpfs -o size=64k tmpfs mnt 2>/dev/null; then
	gen -n 30 | head -n 300 > mnt/j.tsv
	chmod 600 mnt/j.tsv
	cp mnt/j.tsv before.tsv
	awk 'BEGIN { for (i = 0; i < 3000; i++) print "open\t4\ta long evening note to fill the disk " i }' > batch
	input_file batch
	run log -a mnt/j.tsv
	out ''
	err 'log: mnt/j.tsv: nothing was written: No space left on device
log: the 3000 answers are kept in ~/.local/state/hearth/unwritten-2026-11-26.tsv; add them later with: log -a ~/mnt/j.tsv < ~/.local/state/hearth/unwritten-2026-11-26.tsv'
	status 1
	assert 'cmp -s mnt/j.tsv before.tsv' 'the journal changed'
	assert '[ ! -e mnt/j.tsv.rollback ]' 'the rollback note stayed'
	assert '[ "$(tail -n +2 .local/state/hearth/unwritten-2026-11-26.tsv | cut -f 3-)" = "$(cat batch)" ]' 'the batch kept is not the batch'
	run log -a mnt/j.tsv open 4 'and a small one still fits'
	status 0
	assert '[ "$(tail -n 1 mnt/j.tsv | cut -f 5)" = "and a small one still fits" ]' 'the next write failed'
	# a journal that did not exist before: none after
	input_file batch
	run log -a mnt/new.tsv
	status 1
	err_has '^log: mnt/new.tsv: nothing was written: No space left on device$'
	assert '[ ! -e mnt/new.tsv ] && [ ! -e mnt/new.tsv.rollback ]' "left in mnt: $(ls mnt)"
	umount mnt
else
	skip 'cannot mount a tmpfs here'
fi
end

# The kill lands before, during or after the one write(2), depending on
# the delay; what must hold is the same in every case.
begin 'SIGKILL in the middle of a -a batch: earlier records intact, the batch all or nothing, the next write on a fresh line'
gen -n 60 > before.tsv
chmod 600 before.tsv
awk 'BEGIN { for (i = 0; i < 1200000; i++) print "hugs\t" i % 9 "\tsome note " i }' > batch
n=$(wc -c < before.tsv)
torn=0
for d in 0.05 0.1 0.15 0.2 0.25 0.3; do
	cp before.tsv j.tsv
	log -a j.tsv < batch & pid=$!
	sleep $d 2>/dev/null || sleep 1
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	assert 'head -c "$n" j.tsv | cmp -s - before.tsv' "after $d s: an earlier record changed"
	assert '[ "$(sed "\$d" j.tsv | awk -F"\t" "!/^#/ && NF != 5" | wc -l)" -eq 0 ]' "after $d s: a torn line before the last"
	[ -n "$(tail -c 1 j.tsv)" ] && torn=$((torn + 1))
	run log -a j.tsv open 5 after
	assert '[ "$rc" = 0 ] && [ "$(tail -n 1 j.tsv)" = "2026-11-26T21:04:00+01:00	alex	open	5	after" ]' "after $d s: the next record is not on a line of its own"
	k=$(grep -c '	some note ' j.tsv)
	assert '[ "$k" -eq 0 ] || [ "$k" -eq 1200000 ]' "after $d s: $k records of the batch of 1200000 were kept"
	run trend -m open j.tsv
	assert '[ "$rc" = 0 ] && grep -q "^alex	open	" .out' "after $d s: trend did not read the journal"
done
name="$name ($torn of 6 kills left bytes past the rollback note)"
end

begin 'a torn last line is a bad record to readers, and the next write steps over it'
printf '%s\n2026-11-25T21:00:00+01:00\talex\ttouch\t4\t\n2026-11-26T21:00:00+01:00\talex\tto' "$H" > j.tsv
run trend -m touch j.tsv
err 'trend: j.tsv:3: want 4 or 5 tab-separated fields (time, who, what, value, note), found 3'
out_has '^alex	touch	1	'
status 0
run log -a j.tsv touch 3
same j.tsv "$H
2026-11-25T21:00:00+01:00	alex	touch	4	
2026-11-26T21:00:00+01:00	alex	to
2026-11-26T21:04:00+01:00	alex	touch	3	"
end

# A reader that goes away: the writer ends at once, by SIGPIPE or cleanly,
# never by a crash and never hanging.
for cmd in 'trend -s big.tsv' 'trend -c big.tsv' 'remind -f r.tsv big.tsv' 'log < batch' 'ask -l'; do
begin "broken pipe: $cmd | head -n 1"
[ -e big.tsv ] || gen -c 40 -n 200 > big.tsv
[ -e batch ] || awk 'BEGIN { for (i = 0; i < 200000; i++) print "hugs\t1" }' > batch
printf 'every\tdaily\tline\n' > r.tsv
runsh "{ $cmd; echo \$? > st; } | head -n 1"
status 0
assert '[ "$(wc -l < .out)" -eq 1 ]' 'not one line'
assert 'st=$(cat st); [ "$st" = 0 ] || [ "$st" = 141 ]' "status $(cat st)"
end
done

begin 'stdout closed: an error, not a crash'
gen -n 30 > j.tsv
runsh 'trend j.tsv >&-'
status 1
err_has '^trend: stdout: Bad file descriptor$'
end
