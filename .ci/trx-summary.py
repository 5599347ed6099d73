#!/usr/bin/env python3
"""Sum the <ResultSummary><Counters .../> of every TRX file under a directory.

Usage: trx-summary.py RESULTS_DIR

Prints exactly one line on stdout, last:  N passed, N failed, N skipped
  failed  = failed + error + timeout + aborted
            (+ disconnected + notRunnable + passedButRunAborted, which also mean a broken run)
  skipped = notExecuted + inconclusive, and at least total - passed - failed:
            the VSTest TRX logger (Microsoft.NET.Test.Sdk 18, xunit.runner.visualstudio 3.1.5)
            writes a skipped xunit test as a UnitTestResult with outcome="NotExecuted" but leaves
            the notExecuted counter at 0 and only counts it in total (total=5 executed=4 seen).
Diagnostics go to stderr, before that line: per file counts, names of failed and skipped tests.

Exit status 1 when: no TRX file found, a TRX file cannot be read, total is 0, failed > 0,
skipped > 0, a run's outcome is Failed/Error/Aborted/Timeout, or the counters are inconsistent
(passed + failed > total). Otherwise 0.
"""

import pathlib
import sys
import xml.etree.ElementTree as ET

FAILED = ("failed", "error", "timeout", "aborted", "disconnected", "notRunnable", "passedButRunAborted")
SKIPPED = ("notExecuted", "inconclusive")
BAD_OUTCOMES = {"failed", "error", "aborted", "timeout"}


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def count(attrs: dict, name: str) -> int:
    return int(attrs.get(name, "0") or 0)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = pathlib.Path(argv[1])
    files = sorted(root.rglob("*.trx")) if root.is_dir() else []
    problems: list[str] = []
    total = passed = failed = skipped = 0

    if not files:
        problems.append(f"no TRX file under {root}")

    for path in files:
        try:
            tree = ET.parse(path)
        except (ET.ParseError, OSError) as e:
            problems.append(f"{path}: unreadable TRX ({e})")
            continue
        summary = next((el for el in tree.iter() if local(el.tag) == "ResultSummary"), None)
        counters = None
        if summary is not None:
            counters = next((el for el in summary if local(el.tag) == "Counters"), None)
        if counters is None:
            problems.append(f"{path}: no ResultSummary/Counters")
            continue
        a = counters.attrib
        t = count(a, "total")
        p = count(a, "passed")
        f = sum(count(a, k) for k in FAILED)
        s = max(sum(count(a, k) for k in SKIPPED), t - p - f)
        total, passed, failed, skipped = total + t, passed + p, failed + f, skipped + s
        outcome = summary.get("outcome", "")
        print(f"{path.name}: total={t} passed={p} failed={f} skipped={s} outcome={outcome}",
              file=sys.stderr)
        if outcome.lower() in BAD_OUTCOMES and f == 0:
            problems.append(f"{path}: run outcome is {outcome}")
        if p + f > t:
            problems.append(f"{path}: inconsistent counters: {dict(a)}")
        for result in tree.iter():
            if local(result.tag) == "UnitTestResult":
                o = result.get("outcome", "")
                if o not in ("Passed", "Completed"):
                    print(f"  {o}: {result.get('testName', '?')}", file=sys.stderr)

    if files and total == 0:
        problems.append("no tests ran (total is 0)")
    if failed:
        problems.append(f"{failed} test(s) failed")
    if skipped:
        problems.append(f"{skipped} test(s) skipped; skips are not allowed in CI (a server missing?)")

    for p in problems:
        print(f"trx-summary: {p}", file=sys.stderr)
    sys.stderr.flush()
    print(f"{passed} passed, {failed} failed, {skipped} skipped", flush=True)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
