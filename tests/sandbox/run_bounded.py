#!/usr/bin/env python3
"""run_bounded.py SECONDS RSS_MIB -- COMMAND...

Runs COMMAND and holds it to the bounds the reliability rules promise: it must finish within
SECONDS of wall-clock time (it is killed 5 s after that) and, unless RSS_MIB is 0, its peak
resident memory must stay at or below RSS_MIB. Exits with COMMAND's own status when both hold,
and with 3 (after saying which bound was passed) when one does not. Standard output and error
pass through; one line "bounded: S s, M MiB" is added to standard error.
"""
import resource
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        sys.exit(__doc__)
    seconds, rss_mib, command = float(sys.argv[1]), float(sys.argv[2]), sys.argv[4:]
    start = time.monotonic()
    child = subprocess.Popen(command)
    try:
        status = child.wait(timeout=seconds + 5)
    except subprocess.TimeoutExpired:
        child.kill()
        child.wait()
        print(f"bounded: killed after {seconds + 5:.0f} s (bound {seconds:.1f} s)", file=sys.stderr)
        sys.exit(3)
    took = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"bounded: {took:.2f} s, {peak:.0f} MiB", file=sys.stderr)
    if took > seconds:
        print(f"bounded: ran {took:.2f} s, past the bound of {seconds:.1f} s", file=sys.stderr)
        sys.exit(3)
    if rss_mib and peak > rss_mib:
        print(f"bounded: peak memory {peak:.0f} MiB, past the bound of {rss_mib:.0f} MiB", file=sys.stderr)
        sys.exit(3)
    sys.exit(status if status >= 0 else 128 - status)


main()
