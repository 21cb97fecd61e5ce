"""How fast the README's two commands are, measured the way CI and a maintainer meet them.

    python3 benchmarks/speed.py [--runs 3]

For each run: a fresh clone of this repository (with ../shared beside it, as CI has it), then
1. `bash .ci/run` (installs included), with the per-phase seconds from build/verification.json;
2. a second `make test` in the same clone with nothing changed (runs reused from the cache);
3. the site built with every language and with the default language only (runs cached), the
   one part of the verification that grows with the number of languages;
4. `make serve` with nothing changed: seconds until both home pages answer.
Then `make serve` on one more fresh clone (installs included) until both home pages answer.
Timings are wall-clock seconds on this machine; compare them within one run of this script.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def fresh_clone() -> Path:
    base = Path(tempfile.mkdtemp(prefix="speed-"))
    (base / "shared").symlink_to(REPO.parent / "shared")
    subprocess.run(["git", "clone", "-q", str(REPO), str(base / "main")], check=True)
    return base / "main"


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode:
        # pip's "Location ... is ignored" lines would push the test report out of the tail.
        lines = [line for line in (result.stdout + result.stderr).splitlines() if not line.startswith("WARNING: Location")]
        print(f"{' '.join(command)} failed:\n" + "\n".join(lines[-120:]))
    return seconds, result.returncode


def serve_seconds(clone: Path, limit: float = 600) -> float:
    """Seconds from `make serve` until both home pages answer 200."""
    started = time.perf_counter()
    server = subprocess.Popen(["make", "serve"], cwd=clone, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)
    try:
        while time.perf_counter() - started < limit:
            try:
                if all(urllib.request.urlopen(f"http://127.0.0.1:8000/handbook/{p}", timeout=2).status == 200
                       for p in ("", "en/")):
                    return time.perf_counter() - started
            except OSError:
                pass
            time.sleep(0.5)
        return float("inf")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait()
        time.sleep(2)


def one_language_config(clone: Path) -> Path:
    """mkdocs.yml with every language but the default set to `build: false`."""
    default = subprocess.run([str(clone / ".venv/bin/python"), "-c",
                              "from handbook.layout import default_language; print(default_language())"],
                             cwd=clone, capture_output=True, text=True, check=True).stdout.strip()
    text = (clone / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(rf"(- locale: (?!{default}\b)\w+\n(?:\s+\w+: .*\n)*?\s+build: )true", r"\1false", text)
    path = clone / "mkdocs-one-language.yml"
    path.write_text(text, encoding="utf-8")
    return path


def build_seconds(clone: Path, *extra: str) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    started = time.perf_counter()
    subprocess.run([str(clone / ".venv/bin/python"), "-m", "mkdocs", "build", "-q", "-d",
                    str(clone / "build" / "bench-site"), *extra], cwd=clone, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    for run in range(1, args.runs + 1):
        clone = fresh_clone()
        ci, status = timed(["bash", ".ci/run"], clone)
        report = json.loads((clone / "build" / "verification.json").read_text(encoding="utf-8"))
        print(f"run {run}: bash .ci/run on a fresh clone: {ci:.0f} s (exit {status}); phases: "
              + json.dumps(report["seconds"]), flush=True)
        again, status = timed(["make", "test"], clone)
        cached = json.loads((clone / "build" / "verification.json").read_text(encoding="utf-8"))["programs"]["cached"]
        print(f"run {run}: second make test, nothing changed: {again:.0f} s (exit {status}, {cached} runs reused)",
              flush=True)
        both = build_seconds(clone)
        one = build_seconds(clone, "-f", str(one_language_config(clone)))
        print(f"run {run}: site build, both languages {both:.1f} s, default language only {one:.1f} s", flush=True)
        # Programs run once whatever the number of languages; what grows with the languages is the
        # rendering (in the build) and the site build.
        execution = report["seconds"]["execution (wall, programs side by side)"]
        print(f"run {run}: verifying both languages / one language = (execution {execution:.0f} s + build) = "
              f"{(execution + both) / (execution + one):.2f}x", flush=True)
        print(f"run {run}: make serve, nothing changed: {serve_seconds(clone):.1f} s to both home pages", flush=True)
        shutil.rmtree(clone.parent, ignore_errors=True)
    clone = fresh_clone()
    print(f"make serve on a fresh clone (installs included): {serve_seconds(clone):.1f} s to both home pages",
          flush=True)
    shutil.rmtree(clone.parent, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
