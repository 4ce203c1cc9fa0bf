#!/bin/sh
# fuzz.sh [TIME] - build hearth's libFuzzer targets and run each for TIME
# seconds (default 60).
#
# Every tests/fuzz_*.c is one target, built with clang into build/fuzz/
# (never into the source tree) against the core in src/, which is compiled
# there too with the same sanitizers and warnings (shown, not fatal).
# Everything is compiled with -Dexit=fuzz_exit; tests/fuzz.h, the harness
# every target includes, says what that means: a whole program's exit
# inside fuzz_run() longjmps back to its target, any other exit is a crash.
# A target whose program is not in src/ yet is skipped and said so.
#
# Each target runs on a fresh copy of its seeds in tests/corpus/NAME (new
# inputs go to build/fuzz/corpus/NAME, never into tests/corpus), two at a
# time on a two-core machine.  The output is one line per target with its
# executions and coverage from libFuzzer's final "#N DONE cov: X ft: Y";
# any crash names the file that reproduces it, and the exit status is 1.
#
#	FUZZCC=clang-15 sh tests/fuzz.sh 600	# another clang, ten minutes each
#	FUZZJOBS=1 sh tests/fuzz.sh 30		# one target at a time
#	FUZZONLY=stamp sh tests/fuzz.sh 60	# targets whose name has "stamp"
#	./build/fuzz/fuzz_record CRASHFILE	# replay one input afterwards
#	FUZZOUT=build/fz1 sh tests/fuzz.sh	# another directory, to run two at once
top=$(cd "$(dirname "$0")/.." && pwd) || exit 2
cd "$top" || exit 2

time=${1:-60}
case $time in ''|*[!0-9]*) echo "usage: sh tests/fuzz.sh [seconds]" >&2; exit 2 ;; esac
cc=${FUZZCC:-clang}
jobs=${FUZZJOBS:-2}
only=${FUZZONLY:-}
out=${FUZZOUT:-build/fuzz}
san='-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer'
cflags="-std=c99 -D_POSIX_C_SOURCE=200809L -Dexit=fuzz_exit -Wall -Wextra -pedantic -g -O1 $san -Isrc"

command -v "$cc" >/dev/null 2>&1 || { echo "fuzz.sh: $cc not found (set FUZZCC)" >&2; exit 2; }
make -s src/bankdata.c || exit 2
rm -rf "$out/obj" "$out/corpus" "$out/log"
mkdir -p "$out/obj" "$out/corpus" "$out/log" "$out/crash" || exit 2

# The core, built for linking into fuzzers.
core=''
for f in util text time journal append table bank bankdata series stats alerts; do
	[ -f "src/$f.c" ] || continue
	$cc $cflags -fsanitize=fuzzer-no-link -c -o "$out/obj/$f.o" "src/$f.c" || exit 2
	core="$core $out/obj/$f.o"
done

targets=''
for src in tests/fuzz_*.c; do
	t=$(basename "$src" .c)
	case $t in *"$only"*) ;; *) continue ;; esac
	# a whole-program target includes src/PROG.c: it waits for that file
	prog=$(sed -n 's|^#include "\.\./src/\([a-z]*\)\.c".*|\1|p' "$src" | head -n 1)
	if [ -n "$prog" ] && [ ! -f "src/$prog.c" ]; then
		echo "$t: skipped, src/$prog.c is not there yet"
		continue
	fi
	if ! $cc $cflags -fsanitize=fuzzer -o "$out/$t" "$src" $core -lm -lpthread \
	    > "$out/log/$t.build" 2>&1; then
		cat "$out/log/$t.build"
		echo "$t: does not build"
		exit 1
	fi
	cat "$out/log/$t.build"		# its warnings, if any
	targets="$targets $t"
done

# libFuzzer options per target: -close_fd_mask=3 keeps the messages of
# the targets that print them out of the log (sanitizer reports still get
# through; a failed check then shows as an abort at its line).
opts() {
	case $1 in
	fuzz_record|fuzz_stamp) echo "" ;;
	fuzz_log) echo "-close_fd_mask=3 -detect_leaks=0" ;;
	*) echo "-close_fd_mask=3" ;;
	esac
}

run1() {
	t=$1
	# see fuzz_log.c: its leaks are the harness's longjmp, not log's
	case $t in fuzz_log) ASAN_OPTIONS=detect_leaks=0; export ASAN_OPTIONS ;; esac
	mkdir -p "$out/corpus/$t"
	[ -d "tests/corpus/${t#fuzz_}" ] && cp "tests/corpus/${t#fuzz_}"/* "$out/corpus/$t/" 2>/dev/null
	"./$out/$t" -max_total_time="$time" -timeout=10 -rss_limit_mb=2048 \
	    -print_final_stats=1 $(opts "$t") \
	    -artifact_prefix="$out/crash/$t-" "$out/corpus/$t" \
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

bad=0
for t in $targets; do
	rc=$(cat "$out/log/$t.rc")
	done_=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$out/log/$t" | tail -n 1)
	execs=$(printf '%s\n' "$done_" | sed -n 's/^#\([0-9]*\).*/\1/p')
	cov=$(printf '%s\n' "$done_" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
	ft=$(printf '%s\n' "$done_" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
	secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$out/log/$t" | tail -n 1)
	if [ "$rc" -eq 0 ] && [ -n "$done_" ]; then
		printf '%s: %s runs in %ss, cov %s, ft %s\n' "$t" "$execs" "${secs:-$time}" "$cov" "$ft"
	else
		bad=1
		crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$out/log/$t" | tail -n 1)
		printf '%s: FAILED (status %s), log %s\n' "$t" "$rc" "$out/log/$t"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|fuzz_[a-z]*:|.*\.c:[0-9]+: )' \
		    "$out/log/$t" | head -n 5
		[ -n "$crash" ] && printf '%s: crash input %s (replay: ./%s/%s %s)\n' \
		    "$t" "$crash" "$out" "$t" "$crash"
	fi
done
exit $bad
