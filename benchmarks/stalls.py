#!/usr/bin/env python3
"""Where an open-loop phase's slow requests came from.

Usage: benchmarks/stalls.py TIMELINE.csv [GC.log] [--over MS] [--window MS] [--ticks FILE]

TIMELINE.csv is what `LoadGenerator --timeline DIR` writes for a phase (one line a request: when
it was due, epoch milliseconds; its latency, microseconds). GC.log is the authority's
`-Xlog:gc:file=GC.log:time,uptime` (or `gc*=debug`): each group of slow requests is printed with
the collector's pauses that began from 150 ms before it to 50 ms after it, so a stall that no
pause explains stands out. --ticks FILE (benchmarks/cputicks.py's, which run.sh writes as
TIMELINE/kdamond.txt when the kernel runs DAMON daemons) adds when those processes ran beside each
stall, and how many stalls began shortly before one of their bursts against how many random
instants do.
"""
import random
import datetime
import re
import sys


def options(argv):
    over, window, files, ticks = 20.0, 50.0, [], None
    i = 0
    while i < len(argv):
        if argv[i] == "--ticks":
            ticks, i = argv[i + 1], i + 2
        elif argv[i] == "--over":
            over, i = float(argv[i + 1]), i + 2
        elif argv[i] == "--window":
            window, i = float(argv[i + 1]), i + 2
        else:
            files.append(argv[i])
            i += 1
    if not files:
        sys.exit(__doc__)
    return files[0], files[1] if len(files) > 1 else None, over, window, ticks


def pauses(path):
    """(epoch ms, text) of each pause or safepoint line of a JVM log with the 'time' decoration."""
    found = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"\[(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3})[+-]\d{4}\](?:\[[^]]*\])*\s*(.*)", line)
        if not m:
            continue
        text = m.group(2).strip()
        if re.search(r"Pause .*ms$", text):
            at = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f")
            found.append((at.replace(tzinfo=datetime.timezone.utc).timestamp() * 1000, text))
    return found


def ticked(path):
    """Epoch ms of each line of a benchmarks/cputicks.py file."""
    return sorted(float(line.split()[0]) for line in open(path, encoding="ascii") if line.strip())


# A burst is seen at its first tick, up to 10 ms after it began and after the stall it causes
# began: a stall "begins beside" a burst when a tick follows its start within this window.
BESIDE_MS = (-80, 10)


def beside(at, seen):
    return any(BESIDE_MS[0] <= at - t <= BESIDE_MS[1] for t in seen)


def clock(ms):
    return datetime.datetime.fromtimestamp(ms / 1000, datetime.timezone.utc).strftime("%H:%M:%S.%f")[:-3]


def main():
    timeline, gc, over, window, ticks = options(sys.argv[1:])
    rows = sorted(tuple(map(float, line.split(","))) for line in open(timeline, encoding="utf-8"))
    start = rows[0][0]
    windows = {}
    for due, micros in rows:
        w = windows.setdefault(int((due - start) // window), [0, 0.0])
        if micros / 1000 > over:
            w[0] += 1
        w[1] = max(w[1], micros / 1000)
    slow = sum(1 for _, micros in rows if micros / 1000 > over)
    print(f"{len(rows)} requests, {slow} over {over:g} ms ({100.0 * slow / len(rows):.2f} %)")
    groups = []
    for index in sorted(i for i, w in windows.items() if w[0]):
        if groups and index - groups[-1][-1] <= 2:
            groups[-1].append(index)
        else:
            groups.append([index])
    events = pauses(gc) if gc else []
    seen = ticked(ticks) if ticks else []
    for group in groups:
        begin, end = start + group[0] * window, start + (group[-1] + 1) * window
        count = sum(windows[i][0] for i in group)
        worst = max(windows[i][1] for i in group)
        print(f"{clock(begin)}  {end - begin:4.0f} ms  {count:5d} slow, worst {worst:6.1f} ms")
        for at, text in events:
            if begin - 150 <= at <= end + 50:
                print(f"      {at - begin:+5.0f} ms  {text}")
        near = [t for t in seen if begin - 100 <= t <= end + 50]
        if near:
            print(f"      {near[0] - begin:+5.0f} ms  {len(near)} tick(s) of the --ticks processes")
    if ticks and groups:
        starts = [start + group[0] * window for group in groups]
        hits = sum(beside(at, seen) for at in starts)
        end = rows[-1][0]
        rng = random.Random(1)
        chance = sum(beside(rng.uniform(start, end), seen) for _ in range(10_000)) / 100
        print(
            f"{hits} of {len(starts)} stalls began within {-BESIDE_MS[0]} ms before a tick of the"
            f" --ticks processes (random instants: {chance:.0f} %)"
        )


if __name__ == "__main__":
    main()
