#!/bin/sh
# fuzzcov.sh [TIME] - line coverage of src/ by hearth's fuzz targets: each
# target fuzzes for TIME seconds (default 20), then its whole corpus is
# replayed through a coverage build and counted.
#
# Every tests/fuzz_*.c is built much as tests/fuzz.sh builds it (clang,
# -Dexit=fuzz_exit, libFuzzer's main) but with clang's source-based coverage,
# -fprofile-instr-generate -fcoverage-mapping, and no sanitizers, into
# build/fuzzcov/ (never into the source tree), against an archive of every
# src/*.c without a main: a target links the files it calls.  A target
# whose program is not in src/ yet is skipped and said so.
#
# Each target's corpus is a fresh copy of its seeds in tests/corpus/NAME and
# of what tests/fuzz.sh found, build/fuzz/corpus/NAME, if that is there.  It
# fuzzes on that copy for TIME seconds (TIME 0: no fuzzing, the seeds alone),
# two targets at a time, and the corpus it ends with is then run once, input
# by input (-runs=0), with LLVM_PROFILE_FILE naming the target's profile:
# the coverage is the corpus's, whatever the fuzzing tried and dropped.
# llvm-profdata merges the profiles, llvm-cov counts the lines.
#
# The output is a table: per target, its inputs and the lines of each src/
# file it reaches (the files linked in but never reached are named after
# them); then the union of all targets, every src/*.c but the generated
# src/bankdata.c, the files no target links counted as not reached, and the
# total.  A crash found while fuzzing is said so, with the file that
# reproduces it, and the corpus is still counted; a target that does not
# build, or whose replay fails, is left out.  Either way the exit status is 1.
#
#	sh tests/fuzzcov.sh 0			# the seeds alone, no fuzzing
#	sh tests/fuzz.sh 600; sh tests/fuzzcov.sh 0	# what fuzz.sh found
#	FUZZCC=clang-15 sh tests/fuzzcov.sh	# another clang (and its llvm tools)
#	FUZZONLY=stamp sh tests/fuzzcov.sh 60	# targets whose name has "stamp"
#	llvm-cov show build/fuzzcov/fuzz_log \
#	    -instr-profile=build/fuzzcov/prof/fuzz_log.profdata src/log.c
#						# the lines, one by one
# shellcheck disable=SC2086,SC2046 # $cflags, $core, $(opts ...): word lists
top=$(cd "$(dirname "$0")/.." && pwd) || exit 2
cd "$top" || exit 2

time=${1:-20}
case $time in ''|*[!0-9]*) echo "usage: sh tests/fuzzcov.sh [seconds]" >&2; exit 2 ;; esac
cc=${FUZZCC:-clang}
jobs=${FUZZJOBS:-2}
only=${FUZZONLY:-}
out=build/fuzzcov
cflags="-std=c99 -D_POSIX_C_SOURCE=200809L -Dexit=fuzz_exit -O1 -fprofile-instr-generate -fcoverage-mapping -Isrc"

command -v "$cc" >/dev/null 2>&1 || { echo "fuzzcov.sh: $cc not found (set FUZZCC)" >&2; exit 2; }

# The llvm tools of the same version as the compiler: a profile written by
# one version may not be read by another.  llvm-profdata-14 first, for
# clang 14, then the unversioned name.
major=$("$cc" --version | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -n 1)
tool() {
	for n in "$1-$major" "$1"; do
		if command -v "$n" >/dev/null 2>&1; then
			echo "$n"
			return 0
		fi
	done
	echo "fuzzcov.sh: neither $1-$major nor $1 found (Debian: apt-get install llvm)" >&2
	return 1
}
profdata=$(tool llvm-profdata) || exit 2
llvmcov=$(tool llvm-cov) || exit 2

make -s src/bankdata.c || exit 2
rm -rf "$out"
mkdir -p "$out/obj" "$out/corpus" "$out/log" "$out/prof" "$out/crash" || exit 2

# The core, built for linking into fuzzers: every src/*.c without a main,
# in an archive, so that a target links the files it calls and only those
# (the whole-program targets include their program's file themselves).
for f in src/*.c; do
	grep -q '^main(' "$f" && continue
	b=$(basename "$f" .c)
	$cc $cflags -fsanitize=fuzzer-no-link -c -o "$out/obj/$b.o" "$f" \
	    > "$out/log/$b.build" 2>&1 || { cat "$out/log/$b.build"; exit 2; }
done
ar rc "$out/obj/core.a" "$out"/obj/*.o || exit 2
core=$out/obj/core.a

broken=0
targets=''
for src in tests/fuzz_*.c; do
	t=$(basename "$src" .c)
	case $t in *"$only"*) ;; *) continue ;; esac
	prog=$(sed -n 's|^#include "\.\./src/\([a-z]*\)\.c".*|\1|p' "$src" | head -n 1)
	if [ -n "$prog" ] && [ ! -f "src/$prog.c" ]; then
		echo "$t: skipped, src/$prog.c is not there yet"
		continue
	fi
	if ! $cc $cflags -fsanitize=fuzzer -o "$out/$t" "$src" $core -lm -lpthread \
	    > "$out/log/$t.build" 2>&1; then
		cat "$out/log/$t.build"
		echo "$t: does not build, left out"
		broken=1
		continue
	fi
	targets="$targets $t"
done
[ -n "$targets" ] || { echo "fuzzcov.sh: no target to run" >&2; exit 2; }

# As in tests/fuzz.sh: -close_fd_mask=3 keeps what the programs print out
# of the log.
opts() {
	case $1 in
	fuzz_record|fuzz_stamp) echo "" ;;
	*) echo "-close_fd_mask=3" ;;
	esac
}

run1() {
	t=$1
	n=${t#fuzz_}
	c=$out/corpus/$t
	mkdir -p "$c"
	for d in "tests/corpus/$n" "build/fuzz/corpus/$t"; do
		[ -d "$d" ] && cp "$d"/* "$c/" 2>/dev/null
	done
	if [ "$time" -gt 0 ]; then
		LLVM_PROFILE_FILE=$out/prof/$t.fuzz.profraw "./$out/$t" \
		    -max_total_time="$time" -timeout=10 -rss_limit_mb=2048 \
		    $(opts "$t") -artifact_prefix="$out/crash/$t-" "$c" \
		    > "$out/log/$t.fuzz" 2>&1
		echo $? > "$out/log/$t.fuzz.rc"
	fi
	# a crash found is not in the corpus: the replay still counts it all
	LLVM_PROFILE_FILE=$out/prof/$t.profraw "./$out/$t" -runs=0 \
	    -timeout=10 -rss_limit_mb=2048 $(opts "$t") \
	    -artifact_prefix="$out/crash/$t-replay-" "$c" \
	    > "$out/log/$t" 2>&1
	echo $? > "$out/log/$t.rc"
}

n=0
for t in $targets; do
	run1 "$t" &
	n=$((n + 1))
	if [ "$n" -ge "$jobs" ]; then
		wait
		n=0
	fi
done
wait

# llvm-cov report's lines of src/ files as "FILE LINES MISSED", the columns
# found by their names in its header (columns there are two spaces apart or
# more; a name may hold one).
lines() {
	"$llvmcov" report "$@" 2>>"$out/log/llvm-cov" | awk '
	    NR == 1 { n = split($0, h, /  +/)
		for (i = 1; i <= n; i++) {
			if (h[i] == "Lines") l = i
			if (h[i] == "Missed Lines") m = i
		}
		next }
	    /^-/ || $1 == "TOTAL" || NF < m { next }
	    { f = $1; sub(/.*\//, "", f); print "src/" f, $l, $(m) }'
}

row() {
	awk -v f="$1" -v n="$2" -v m="$3" -v w="$4" 'BEGIN {
	    e = n - m; p = n ? 100 * e / n : 0
	    printf "  %-18s %5d of %5d lines  %6.2f%%%s\n", f, e, n, p, w }'
}

bad=$broken
good=''
profs=''
objs=''
for t in $targets; do
	if [ -f "$out/log/$t.fuzz.rc" ] && [ "$(cat "$out/log/$t.fuzz.rc")" -ne 0 ]; then
		bad=1
		crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$out/log/$t.fuzz" | tail -n 1)
		printf '%s: fuzzing FAILED (status %s), log %s\n' "$t" \
		    "$(cat "$out/log/$t.fuzz.rc")" "$out/log/$t.fuzz"
		[ -n "$crash" ] && printf '%s: crash input %s (replay: ./%s/%s %s)\n' \
		    "$t" "$crash" "$out" "$t" "$crash"
	fi
	rc=$(cat "$out/log/$t.rc")
	if [ "$rc" -ne 0 ] || [ ! -s "$out/prof/$t.profraw" ] ||
	    ! "$profdata" merge -sparse -o "$out/prof/$t.profdata" "$out/prof/$t.profraw" \
	    > "$out/log/$t.merge" 2>&1; then
		bad=1
		printf '%s: replay FAILED (status %s), left out; log %s\n' "$t" "$rc" "$out/log/$t"
		continue
	fi
	good="$good $t"
	profs="$profs $out/prof/$t.profraw"
	if [ -z "$objs" ]; then objs=$out/$t; else objs="$objs -object $out/$t"; fi
	inputs=$(find "$out/corpus/$t" -type f | wc -l | tr -d ' ')
	echo "$t: $inputs inputs"
	lines "$out/$t" -instr-profile="$out/prof/$t.profdata" src/*.c > "$out/log/$t.lines"
	unreached=''
	while read -r f l m; do
		if [ "$l" -gt 0 ] && [ "$m" -lt "$l" ]; then
			row "$f" "$l" "$m" ""
		else
			unreached="$unreached ${f#src/}"
		fi
	done < "$out/log/$t.lines"
	[ -n "$unreached" ] && echo "  linked, not reached:$unreached"
done

[ -n "$good" ] || exit 1
"$profdata" merge -sparse -o "$out/prof/all.profdata" $profs > "$out/log/all.merge" 2>&1 ||
    { cat "$out/log/all.merge"; exit 1; }
echo "union of$good"
lines $objs -instr-profile="$out/prof/all.profdata" src/*.c > "$out/log/all.lines0"

# The src/ files no target links, built alone with the same mapping, so
# that the union counts their lines as not reached.
extra=''
for f in src/*.c; do
	b=$(basename "$f" .c)
	[ "$b" = bankdata ] && continue
	grep -q "^src/$b\.c " "$out/log/all.lines0" && continue
	if $cc $cflags -c -o "$out/obj/$b.alone.o" "$f" > "$out/log/$b.build" 2>&1; then
		extra="$extra -object $out/obj/$b.alone.o"
	else
		echo "src/$b.c: does not build alone, left out of the union (log $out/log/$b.build)"
	fi
done
lines $objs $extra -instr-profile="$out/prof/all.profdata" src/*.c > "$out/log/all.lines"
te=0
tn=0
while read -r f l m; do
	[ "$f" = src/bankdata.c ] && continue
	w=''
	case " $extra " in *" $out/obj/$(basename "$f" .c).alone.o "*) w='  (no target links it)' ;; esac
	row "$f" "$l" "$m" "$w"
	te=$((te + l - m))
	tn=$((tn + l))
done < "$out/log/all.lines"
row "total" "$tn" "$((tn - te))" ""
exit $bad
