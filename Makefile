# hearth - plain-text tools for keeping a relationship close on purpose.
# POSIX make; warnings always on, the user's CFLAGS still apply.

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
MANDIR = $(PREFIX)/share/man
# Installed names get this prefix, e.g. PROGPREFIX=hearth- where remind(1)
# (Remind) or log(1) (macOS) already exist.
PROGPREFIX =

CC = cc
CFLAGS = -O2 -g
HCFLAGS = -std=c99 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -pedantic
LDLIBS = -lm

PROGS = ask log trend remind
BINS = bin/ask bin/log bin/trend bin/remind
CORE = src/util.o src/text.o src/time.o src/journal.o src/append.o src/table.o src/bank.o src/bankdata.o src/series.o src/stats.o src/alerts.o
UNITS = tests/unit_core tests/unit_stats
MAN1 = man/ask.1 man/log.1 man/trend.1 man/remind.1
MAN5 = man/hearth-journal.5 man/hearth-questions.5 man/hearth-rules.5
MAN7 = man/hearth.7

all: $(BINS)

.SUFFIXES: .c .o
.c.o:
	$(CC) $(HCFLAGS) $(CFLAGS) -c -o $@ $<

$(CORE) src/ask.o src/answers.o src/log.o src/trend.o src/remind.o: src/hearth.h
src/ask.o src/answers.o: src/answers.h
src/stats.o src/series.o src/answers.o src/trend.o src/remind.o tests/unit_stats: src/stats.h
src/series.o src/trend.o src/remind.o src/alerts.o: src/series.h
src/alerts.o src/trend.o src/remind.o tests/calibrate: src/alerts.h
src/trend.o src/view.o src/chart.o src/svg.o: src/view.h src/series.h src/stats.h src/alerts.h src/hearth.h
src/remind.o src/rules.o src/chart.o: src/rules.h src/series.h src/stats.h src/alerts.h src/hearth.h

# The built-in bank is the same TSV a user writes, compiled in as a string.
src/bankdata.c: src/questions.tsv
	{ echo '/* generated from src/questions.tsv by make; do not edit */'; \
	  echo 'const char *const bank_builtin[] = {'; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/	/\\t/g' \
	      -e 's/^/"/' -e 's/$$/",/' src/questions.tsv; \
	  echo '0 };'; } > $@.tmp && mv $@.tmp $@

bin/ask: src/ask.o src/answers.o $(CORE)
	$(CC) $(LDFLAGS) $(CFLAGS) -o $@ src/ask.o src/answers.o $(CORE) $(LDLIBS)
bin/log: src/log.o $(CORE)
	$(CC) $(LDFLAGS) $(CFLAGS) -o $@ src/log.o $(CORE) $(LDLIBS)
TREND = src/trend.o src/view.o src/chart.o src/svg.o src/rules.o
bin/trend: $(TREND) $(CORE)
	$(CC) $(LDFLAGS) $(CFLAGS) -o $@ $(TREND) $(CORE) $(LDLIBS)
REMIND = src/remind.o src/rules.o
bin/remind: $(REMIND) $(CORE)
	$(CC) $(LDFLAGS) $(CFLAGS) -o $@ $(REMIND) $(CORE) $(LDLIBS)

tests/unit_core: tests/unit_core.c tests/unit.h $(CORE)
	$(CC) $(HCFLAGS) $(CFLAGS) -Isrc -o $@ tests/unit_core.c $(CORE) $(LDLIBS)
tests/unit_stats: tests/unit_stats.c tests/unit.h $(CORE)
	$(CC) $(HCFLAGS) $(CFLAGS) -Isrc -o $@ tests/unit_stats.c $(CORE) $(LDLIBS)
tests/calibrate: tests/calibrate.c $(CORE)
	$(CC) $(HCFLAGS) $(CFLAGS) -Isrc -o $@ tests/calibrate.c $(CORE) $(LDLIBS)
# log's write path under test: kills at named points, its calls traced
tests/shim.so: tests/shim.c
	$(CC) $(HCFLAGS) -O1 -fPIC -shared -o $@ tests/shim.c -ldl
tests/gen: tests/gen.c
	$(CC) $(HCFLAGS) $(CFLAGS) -o $@ tests/gen.c $(LDLIBS)

# The test suite: C unit tests and sh cases; ends with "N skipped", then
# "N passed, N failed" alone on the last line.
check: all $(UNITS) tests/gen tests/calibrate tests/shim.so
	sh tests/run.sh

# The same suite under AddressSanitizer and UndefinedBehaviorSanitizer, built
# in a copy of the tree so the normal build stays as it is.
SANFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
sanitize:
	rm -rf build/san && mkdir -p build/san/bin
	cp -R src tests man Makefile build/san/
	cd build/san && $(MAKE) clean && $(MAKE) CC=clang CFLAGS='$(SANFLAGS)' LDFLAGS='$(SANFLAGS)' check

# Line coverage of src/ by the whole suite: built with gcc --coverage in a
# copy of the tree, as for sanitize (cleaned first: the copied objects of
# a normal build would look new), then counted by gcov, one line a file
# and the total.  A forked child that ends with _exit(2) writes no counts.
COVFLAGS = -O0 -g --coverage
coverage:
	rm -rf build/cov && mkdir -p build/cov/bin
	cp -R src tests man Makefile build/cov/
	cd build/cov && $(MAKE) clean && \
	    $(MAKE) CC=gcc CFLAGS='$(COVFLAGS)' LDFLAGS='$(COVFLAGS)' check
	cd build/cov && gcov -n -o src src/*.c 2>/dev/null | awk ' \
	    /^File / { f = substr($$0, 7, length($$0) - 7) } \
	    /^Lines executed:/ && f ~ /^src\/[a-z]+\.c$$/ && f != "src/bankdata.c" { \
		split($$0, a, /[:% ]+/); n = a[5]; e = int(a[3] * n / 100 + 0.5); \
		printf "%-16s %5d of %5d lines  %6.2f%%\n", f, e, n, 100 * e / n; \
		te += e; tn += n; f = "" } \
	    END { printf "%-16s %5d of %5d lines  %6.2f%%\n", "total", te, tn, 100 * te / tn }'

# The suite with every hearth program run under valgrind's memcheck.
valgrind: all $(UNITS) tests/gen tests/shim.so
	HEARTH_WRAP='valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite' sh tests/run.sh

lint:
	mandoc -Tlint -Wwarning $(MAN1) $(MAN5) $(MAN7)
	cppcheck -q --error-exitcode=1 --std=c99 --library=posix --enable=warning,portability \
	    --inline-suppr -Isrc src tests/gen.c

demo: all tests/gen
	sh tests/demo.sh

# How the early warnings land on simulated couples (trend(1), CALIBRATION):
# the default seed, then the hold-out.
calibrate: tests/calibrate
	./tests/calibrate -s 1
	./tests/calibrate -s 2 -H

bench: all tests/gen
	sh tests/bench.sh

FUZZTIME = 60
fuzz:
	sh tests/fuzz.sh $(FUZZTIME)

# Line coverage of src/ by each fuzz target's corpus, fuzzed FUZZTIME
# seconds first, and by all of them (clang source-based coverage, llvm tools).
fuzz-coverage:
	sh tests/fuzzcov.sh $(FUZZTIME)

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7
	for p in $(PROGS); do \
	    cp bin/$$p $(DESTDIR)$(BINDIR)/$(PROGPREFIX)$$p && \
	    chmod 755 $(DESTDIR)$(BINDIR)/$(PROGPREFIX)$$p && \
	    cp man/$$p.1 $(DESTDIR)$(MANDIR)/man1/$(PROGPREFIX)$$p.1 && \
	    chmod 644 $(DESTDIR)$(MANDIR)/man1/$(PROGPREFIX)$$p.1 || exit 1; \
	done
	for m in $(MAN5); do \
	    cp $$m $(DESTDIR)$(MANDIR)/man5/ && \
	    chmod 644 $(DESTDIR)$(MANDIR)/man5/$${m#man/} || exit 1; \
	done
	cp $(MAN7) $(DESTDIR)$(MANDIR)/man7/ && chmod 644 $(DESTDIR)$(MANDIR)/man7/hearth.7

uninstall:
	for p in $(PROGS); do \
	    rm -f $(DESTDIR)$(BINDIR)/$(PROGPREFIX)$$p \
	        $(DESTDIR)$(MANDIR)/man1/$(PROGPREFIX)$$p.1; \
	done
	for m in $(MAN5) $(MAN7); do \
	    rm -f $(DESTDIR)$(MANDIR)/man$${m##*.}/$${m#man/}; \
	done

clean:
	rm -f $(BINS) src/*.o src/bankdata.c $(UNITS) tests/gen tests/calibrate tests/shim.so
	rm -rf build

.PHONY: all check sanitize coverage valgrind lint demo bench fuzz fuzz-coverage install uninstall clean
