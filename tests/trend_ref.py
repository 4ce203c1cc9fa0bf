#!/usr/bin/env python3
"""trend_ref.py - an independent reference for trend(1)'s figures and flags.

Written from trend(1) alone, in the plainest way (quadratic loops, Python's
own statistics and math.erfc), to produce and cross-check the expected
outputs pasted into tests/t_trend.sh and tests/unit_stats.c.  `make check`
never runs it: python is not a dependency of hearth.

    trend_ref.py [-d YYYY-MM-DD] [-n days] [-s] [-b day|week|month] [file ...]
    trend_ref.py --mw 'x1 x2 ...' 'y1 y2 ...'     one Mann-Whitney p
    trend_ref.py --mk 'v1 v2 ...'                 one Mann-Kendall p

Records must be good ones (this is not a validator); the built-in bank's
measure types are copied below, any other measure is scale/high/no range.
"""
import datetime
import math
import statistics
import sys

# what: (type, lo, hi, better)
BANK = {}
for w in "open safe heard talk touch close effort boundary support trust transparent commit progress".split():
    BANK[w] = ("scale", 1, 5, +1)
BANK["granted"] = ("scale", 1, 5, -1)
for w in ("talk_min", "call_min"):
    BANK[w] = ("minutes", 0, 1440, +1)
BANK["hugs"] = ("count", 0, None, +1)
BANK["faced"] = ("count", 0, None, +1)
BANK["dodged"] = ("count", 0, None, -1)
BANK["checkin"] = ("yesno", 0, 1, +1)
for w in ("share", "gratitude", "need", "reunion"):
    BANK[w] = ("text", 1, 1, +1)


def measure(what):
    return BANK.get(what, ("scale-unknown", None, None, +1))


def rng(m):
    t, lo, hi, _ = m
    if t == "yesno":
        return 1.0
    if t == "scale":
        return float(hi - lo)
    return 0.0


def sums(m):
    return m[0] in ("count", "minutes", "text")


def mann_whitney(x, y):
    n1, n2 = len(x), len(y)
    allv = sorted(x + y)
    N = n1 + n2

    def avgrank(v):
        first = allv.index(v) + 1
        last = N - allv[::-1].index(v)
        return (first + last) / 2.0
    r1 = sum(avgrank(v) for v in x)
    u = r1 - n1 * (n1 + 1) / 2.0
    groups = {}
    for v in allv:
        groups[v] = groups.get(v, 0) + 1
    tsum = sum(t ** 3 - t for t in groups.values())
    var = n1 * n2 / 12.0 * ((N + 1) - tsum / (N * (N - 1.0)))
    if var <= 0:
        return 1.0
    z = (abs(u - n1 * n2 / 2.0) - 0.5) / math.sqrt(var)
    z = max(z, 0.0)
    return math.erfc(z / math.sqrt(2))


def mann_kendall(v):
    n = len(v)
    s = 0
    for i in range(n):
        for j in range(i + 1, n):
            s += (v[j] > v[i]) - (v[j] < v[i])
    groups = {}
    for a in v:
        groups[a] = groups.get(a, 0) + 1
    var = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in groups.values())) / 18.0
    if var <= 0:
        return 1.0
    sg = (s > 0) - (s < 0)
    z = (s - sg) / math.sqrt(var)
    return math.erfc(abs(z) / math.sqrt(2))


def ge(x, c):
    return x >= c - 1e-9 * max(1.0, abs(c))


def figures(days, w, m):
    """days: {index: value}, index 0 = first day of window, w-1 = as-of."""
    f = {"n": len(days), "flags": []}
    idx = sorted(days)
    vals = [days[i] for i in idx]
    l7 = [days[i] for i in idx if i >= w - 7]
    b28 = [days[i] for i in idx if w - 35 <= i < w - 7]
    f["n7"] = len(l7)
    f["last7"] = sum(l7) / len(l7) if l7 else None
    f["base28"] = sum(b28) / len(b28) if b28 else None
    f["change"] = f["last7"] - f["base28"] if l7 and b28 else None
    f["pchange"] = mann_whitney(l7, b28) if len(l7) >= 3 and len(b28) >= 7 else None
    if len(idx) >= 2:
        mx = sum(idx) / len(idx)
        my = sum(vals) / len(vals)
        f["slope"] = 7 * sum((a - mx) * (b - my) for a, b in zip(idx, vals)) / sum((a - mx) ** 2 for a in idx)
    else:
        f["slope"] = None
    f["ptrend"] = mann_kendall(vals) if len(vals) >= 8 else None
    lo42 = max(0, w - 42)
    diffs = [days[i + 1] - days[i] for i in range(lo42, w - 1) if i in days and i + 1 in days]
    f["pairs"] = len(diffs)
    f["rmssd"] = math.sqrt(sum(d * d for d in diffs) / len(diffs)) if len(diffs) >= 5 else None
    mean = sum(vals) / len(vals)
    R = rng(m)
    better = m[3]
    if (len(vals) >= 14 and f["ptrend"] < 0.01 and f["slope"] * better < 0 and
            ge(abs(f["slope"]), 0.0125 * R if R else 0.025 * abs(mean))):
        f["flags"].append("declining")
    if (f["pchange"] is not None and f["pchange"] < 0.05 and f["change"] * better < 0 and
            ge(abs(f["change"]), 0.2 * R if R else 0.3 * abs(f["base28"]))):
        f["flags"].append("drop")
    if m[0] == "scale" and R and f["pairs"] >= 14 and ge(f["rmssd"], 0.3 * R):
        f["flags"].append("volatile")
    D = w - 1 - idx[-1]
    if len(idx) >= 3:
        g = statistics.median([b - a for a, b in zip(idx, idx[1:])])
        if D >= 7 and D >= 3 * g:
            f["flags"].append("quiet")
    return f


def fmt(x, d):
    if x is None:
        return "-"
    x += math.copysign(10 ** -d * 1e-6, x)   # halves away from zero, as trend
    s = "%.*f" % (d, x)
    if s.startswith("-") and set(s[1:]) <= set("0."):
        s = s[1:]
    return s


def day_of(s):
    return datetime.date(int(s[0:4]), int(s[5:7]), int(s[8:10]))


def main(argv):
    if argv[:1] == ["--mw"]:
        print("%.12g" % mann_whitney([float(a) for a in argv[1].split()], [float(a) for a in argv[2].split()]))
        return
    if argv[:1] == ["--mk"]:
        print("%.12g" % mann_kendall([float(a) for a in argv[1].split()]))
        return
    asof = datetime.date(2026, 11, 26)
    w = 90
    series_mode = False
    bucket = "day"
    files = []
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "-d":
            asof = day_of(argv[i + 1]); i += 1
        elif a == "-n":
            w = int(argv[i + 1]); i += 1
        elif a == "-s":
            series_mode = True
        elif a == "-b":
            bucket = argv[i + 1]; i += 1
        else:
            files.append(a)
        i += 1
    start = asof - datetime.timedelta(days=w - 1)
    acc = {}
    for fn in files or ["-"]:
        fh = sys.stdin if fn == "-" else open(fn, encoding="utf-8")
        for line in fh:
            line = line.rstrip("\n").rstrip("\r")
            if not line.strip() or line.startswith("#"):
                continue
            f = line.split("\t")
            d = day_of(f[0])
            if d < start or d > asof:
                continue
            k = (f[1], f[2])
            acc.setdefault(k, {}).setdefault((d - start).days, []).append(float(f[3]))
    daily = {}
    for (who, what), byday in acc.items():
        m = measure(what)
        daily[(who, what)] = {i: (sum(v) if sums(m) else sum(v) / len(v)) for i, v in byday.items()}
    keys = sorted(daily, key=lambda k: (k[0].encode(), k[1].encode()))
    if series_mode:
        print("date\twho\twhat\tvalue\tdays")
        for k in keys:
            b = {}
            for i, v in daily[k].items():
                d = start + datetime.timedelta(days=i)
                if bucket == "week":
                    d = d - datetime.timedelta(days=d.weekday())
                elif bucket == "month":
                    d = d.replace(day=1)
                b.setdefault(d, []).append(v)
            for d in sorted(b):
                print("%s\t%s\t%s\t%s\t%d" % (d.isoformat(), k[0], k[1], fmt(sum(b[d]) / len(b[d]), 2), len(b[d])))
        return
    figs = {k: figures(daily[k], w, measure(k[1])) for k in keys}
    # gap: partners of one couple, same measure
    for k in keys:
        m = measure(k[1])
        if not (m[0] == "scale" and rng(m)):
            continue
        couple = k[0].rsplit("/", 1)[0] if "/" in k[0] else ""
        for o in keys:
            if o == k or o[1] != k[1]:
                continue
            oc = o[0].rsplit("/", 1)[0] if "/" in o[0] else ""
            if oc != couple:
                continue
            a, b = figs[k], figs[o]
            if a["n7"] >= 3 and b["n7"] >= 3 and ge(abs(a["last7"] - b["last7"]), 0.3 * rng(m)):
                if "gap" not in a["flags"]:
                    a["flags"].append("gap")
    print("who\twhat\tn\tlast7\tbase28\tchange\tpchange\tslope\tptrend\trmssd\tflags")
    for k in keys:
        f = figs[k]
        print("\t".join([k[0], k[1], str(f["n"]), fmt(f["last7"], 2), fmt(f["base28"], 2),
                         fmt(f["change"], 2), fmt(f["pchange"], 3), fmt(f["slope"], 2),
                         fmt(f["ptrend"], 3), fmt(f["rmssd"], 2), ",".join(f["flags"]) or "-"]))


if __name__ == "__main__":
    main(sys.argv[1:])
