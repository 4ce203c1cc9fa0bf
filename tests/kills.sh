#!/bin/sh
# kills.sh - SIGKILL a writer at random moments of a large batch, many times,
# and count the batches it left in part.  Not part of make check (slow):
#
#	sh tests/kills.sh [kills [lines [how]]]
#
# kills (200) times: a journal of 20 records, one batch of lines (1000000)
# answers appended to it by `log -a j.tsv` (how = -a, the default) or by
# `log >> j.tsv` (how = '>>'), killed with SIGKILL after a random delay
# between 0 and 1.2 times the time a whole batch takes.  After each kill:
# what a reader (trend) sees, then what the journal holds once the next
# writer has appended one record.  A batch is whole (all its records),
# none, or partial; the earlier records must be intact and the next record
# on a line of its own.  Ends "N kills: W whole, Z none (C cut mid-batch
# and taken back), P partial (readers P' partial), B broken" and exits 1
# when P, P' or B is not 0; C counts the kills that landed while the batch
# was being written, which the next writer took back.
top=$(cd "$(dirname "$0")/.." && pwd) || exit 2
PATH="$top/bin:$PATH"
LC_ALL=C TZ=UTC0 HEARTH_NOW=2026-11-26T21:04:00+01:00 HEARTH_WHO=alex
export PATH LC_ALL TZ HEARTH_NOW HEARTH_WHO
kills=${1:-200} lines=${2:-1000000} how=${3:--a}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 2
HOME=$tmp
export HOME

awk -v n="$lines" 'BEGIN { for (i = 0; i < n; i++) print "hugs\t1" }' > batch
{
	printf '#time\twho\twhat\tvalue\tnote\n'
	i=1
	while [ $i -le 20 ]; do
		printf '2026-11-%02dT21:00:00+01:00\tsam\topen\t4\tday %d\n' $i $i
		i=$((i + 1))
	done
} > base.tsv
chmod 600 base.tsv
size=$(wc -c < base.tsv)

write() {
	case $how in
	-a) exec log -a j.tsv < batch ;;
	*) exec log < batch >> j.tsv ;;
	esac
}

# now in ms (whole seconds where date(1) has no %N)
now_ms() {
	n=$(date +%s%N)
	case $n in
	*N) echo $(( $(date +%s) * 1000 )) ;;
	*) echo $((n / 1000000)) ;;
	esac
}

# the time of a whole batch, in ms: the longest of three runs
ms=0
for i in 1 2 3; do
	cp base.tsv j.tsv
	t0=$(now_ms)
	( write ) 2>/dev/null
	t=$(( $(now_ms) - t0 ))
	[ $t -gt $ms ] && ms=$t
done
[ $ms -gt 0 ] || ms=1000
echo "a whole batch of $lines answers with log $how: $ms ms"

whole=0 none=0 part=0 rpart=0 broken=0 back=0 k=0
while [ $k -lt "$kills" ]; do
	k=$((k + 1))
	cp base.tsv j.tsv
	rm -f j.tsv.rollback
	d=$(awk -v s="$k" -v ms="$ms" 'BEGIN { srand(s); printf "%.3f", rand() * ms * 1.2 / 1000 }')
	( write ) 2>/dev/null & pid=$!
	sleep "$d"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	# what a reader makes of it: the day's sum of hugs is every record read
	r=$(trend -s -m hugs j.tsv 2>/dev/null | awk -F'\t' 'NR > 1 { v = $4 } END { printf "%d", v }')
	[ "$r" -ne 0 ] && [ "$r" -ne "$lines" ] && rpart=$((rpart + 1))
	log -a j.tsv open 5 after 2> next.err
	grep -q 'taken back' next.err && back=$((back + 1))
	n=$(grep -c '	hugs	1	$' j.tsv)
	if [ "$n" -eq 0 ]; then
		none=$((none + 1))
	elif [ "$n" -eq "$lines" ]; then
		whole=$((whole + 1))
	else
		part=$((part + 1))
	fi
	if ! head -c "$size" j.tsv | cmp -s - base.tsv ||
	    [ "$(tail -n 1 j.tsv)" != "$HEARTH_NOW	alex	open	5	after" ]; then
		broken=$((broken + 1))
	fi
done
echo "$kills kills: $whole whole, $none none ($back cut mid-batch and taken back), $part partial (readers $rpart partial), $broken broken"
[ $part -eq 0 ] && [ $rpart -eq 0 ] && [ $broken -eq 0 ]
