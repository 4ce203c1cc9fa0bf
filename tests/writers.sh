#!/bin/sh
# writers.sh - many partners appending at once: W writers, each appending B
# batches of three records with `log -a` (or `log >>`) to one journal, then
# a count of records lost, torn and batches interleaved.  Not part of make
# check (slow, with -a every batch is fsynced):
#
#	sh tests/writers.sh [writers [batches [how]]]	(8, 1000, -a)
#
# Ends "W writers x B batches: R records of R', L lost, T torn, I
# interleaved, H headers" and exits 1 unless nothing was lost, torn or
# interleaved and there is one header.
top=$(cd "$(dirname "$0")/.." && pwd) || exit 2
PATH="$top/bin:$PATH"
LC_ALL=C TZ=UTC0 HEARTH_NOW=2026-11-26T21:04:00+01:00
export PATH LC_ALL TZ HEARTH_NOW
writers=${1:-8} batches=${2:-1000} how=${3:--a}
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT INT TERM
cd "$tmp" || exit 2
HOME=$tmp
export HOME

cat > writer <<EOF
i=0
while [ \$i -lt $batches ]; do
	printf 'open\t3\t%s %d a\nclose\t4\t%s %d b\nhugs\t2\t%s %d c\n' \$1 \$i \$1 \$i \$1 \$i |
	    log -w \$1 $how j.tsv || exit 1
	i=\$((i + 1))
done
EOF
t0=$(date +%s)
w=0
while [ $w -lt "$writers" ]; do
	sh writer "w$w" & w=$((w + 1))
done
wait
t=$(( $(date +%s) - t0 ))
want=$((writers * batches * 3))
got=$(grep -c "^$HEARTH_NOW	" j.tsv)
torn=$(awk -F'\t' '!/^#/ && NF != 5' j.tsv | wc -l)
heads=$(grep -c '^#' j.tsv)
# a batch is three lines in a row from one writer: a, b, c of the same i
inter=$(grep -v '^#' j.tsv | awk -F'\t' '{ split($5, w, " "); k = w[1] " " w[2]
	if (NR % 3 == 1) { key = k; if (w[3] != "a") bad++ }
	else if (k != key || w[3] != (NR % 3 == 2 ? "b" : "c")) bad++ }
	END { print bad + 0 }')
# every record written once: no duplicates either
uniq=$(grep -v '^#' j.tsv | cut -f 5 | sort -u | wc -l)
echo "$writers writers x $batches batches with log $how in $t s: $got records of $want, $((want - uniq)) lost, $torn torn, $inter interleaved, $heads headers"
[ "$got" -eq "$want" ] && [ "$uniq" -eq "$want" ] && [ "$torn" -eq 0 ] && [ "$inter" -eq 0 ] && [ "$heads" -eq 1 ]
