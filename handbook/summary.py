"""The verification's last word: build/verification.json, and the check that a run really finished.

The test session writes the summary as its very last step: programs expected (discovered),
executed, reused from the cache, passed, failed, skipped with reasons, one entry per program, and
the time of each phase. `python -m handbook.summary --run-id ID` (run by `make test` after pytest)
fails unless the summary exists, was written by the run with that id, and accounts for every
program that run discovered with none failed: a run that stopped early, whatever its exit status,
cannot pass.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from .layout import BUILD, display

FILE = "verification.json"
# Set by `make test` for one run; a summary carrying another id is a leftover from an earlier run.
RUN_ID = os.environ.get("HANDBOOK_RUN_ID", "")


def describe(results) -> list[str]:
    counts = Counter((r.kind, r.outcome) for r in results)
    lines = [f"{kind:9} {counts[(kind, 'passed')]:3} passed, {counts[(kind, 'failed')]:3} failed, "
             f"{counts[(kind, 'skipped')]:3} skipped, {sum(1 for r in results if r.kind == kind and r.cached):3} "
             "reused from the cache" for kind in ("notebook", "script")]
    lines += [f"skipped {r.program}: {r.message}" for r in results if r.outcome == "skipped"]
    timed = sorted((r for r in results if r.outcome == "passed" and not r.cached), key=lambda r: -r.seconds)
    lines += ["slowest:"] + [f"{r.seconds:7.2f} s  {r.device:12}  {r.program}" for r in timed[:10]]
    return lines


def write(build: Path, results, programs, phases: dict, total: float, exitstatus: int) -> Path:
    executed = [r for r in results if r.outcome in ("passed", "failed") and not r.cached]
    report = {
        "run_id": RUN_ID,
        "exit_status": int(exitstatus),
        "programs": {
            "expected": len(programs),
            "finished": len(results),
            "executed": len(executed),
            "cached": sum(r.cached for r in results),
            "passed": sum(r.outcome == "passed" for r in results),
            "failed": sum(r.outcome == "failed" for r in results),
            "skipped": {r.program: r.message for r in results if r.outcome == "skipped"},
        },
        "seconds": {
            "total": round(total, 1),
            "programs (sum of their own run times)": round(sum(r.seconds for r in executed), 1),
            **{name: round(value, 1) for name, value in sorted(phases.items())},
        },
        "results": sorted((asdict(r) for r in results), key=lambda r: r["program"]),
    }
    install = build / "install-seconds"
    if install.exists():
        report["seconds"]["install"] = float(install.read_text())
    build.mkdir(parents=True, exist_ok=True)
    path = build / FILE
    path.write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return path


def problems(report: dict, run_id: str) -> list[str]:
    found = []
    if report.get("run_id") != run_id:
        found.append(f"it was written by run '{report.get('run_id')}', not by this run ('{run_id}')")
    counts = report.get("programs", {})
    if counts.get("finished") != counts.get("expected"):
        found.append(f"only {counts.get('finished')} of the {counts.get('expected')} programs discovered finished")
    if counts.get("failed"):
        found.append(f"{counts['failed']} programs failed")
    if report.get("exit_status") != 0:
        found.append(f"the test session ended with exit status {report.get('exit_status')}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check that the verification run finished.")
    parser.add_argument("--run-id", required=True)
    parser.add_argument("--build-dir", default=str(BUILD))
    args = parser.parse_args(argv)
    path = Path(args.build_dir) / FILE
    if not path.exists():
        print(f"{display(path)}: missing: the verification stopped before its summary", file=sys.stderr)
        return 1
    found = problems(json.loads(path.read_text(encoding="utf-8")), args.run_id)
    for problem in found:
        print(f"{display(path)}: {problem}", file=sys.stderr)
    if not found:
        print(f"{display(path)}: the run finished and accounts for every program")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
