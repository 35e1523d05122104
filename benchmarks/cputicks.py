#!/usr/bin/env python3
"""When processes run: their CPU ticks, sampled every 10 milliseconds.

Usage: benchmarks/cputicks.py OUT PID [PID ...]

Writes to OUT one line each time a process's user + system ticks (/proc/PID/stat, 10 ms each)
grow: the epoch millisecond it was seen, the pid and the ticks added. Runs until it is stopped or
every process is gone. run.sh starts it on the kernel's DAMON daemons when TIMELINE is set;
benchmarks/stalls.py --ticks OUT then says which stalls began beside their bursts (tenth pass of
docs/benchmarks.md).
"""
import signal
import sys
import time


def ticks(pid):
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as f:
            fields = f.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return int(fields[11]) + int(fields[12])  # utime, stime


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    last = {pid: ticks(pid) for pid in sys.argv[2:]}
    with open(sys.argv[1], "w", encoding="ascii") as out:
        while any(t is not None for t in last.values()):
            time.sleep(0.01)  # a tick is 10 ms; polling faster cost 5 % of a core
            for pid, before in last.items():
                now = ticks(pid)
                if before is not None and now is not None and now > before:
                    out.write(f"{time.time() * 1000:.0f} {pid} {now - before}\n")
                    out.flush()
                last[pid] = now


if __name__ == "__main__":
    main()
