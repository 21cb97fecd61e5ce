"""Every program of the site, each executed once per verification, on every core.

A program is a page's code file (docs_src/**/*.py, shown on both twins) or an example notebook
(examples/*.py, rendered in every language). Each runs in its own process (handbook/isolation.py);
independent programs run side by side, one per core. A passing run is cached under .cache/handbook/,
keyed by everything that can change its result, so an unchanged program is not run again on the
next `make test`; a fresh clone (CI) has no cache and runs everything.

`python -m handbook.verify --notebooks` executes the example notebooks and writes what the site
renders (used by `make build` and `make serve`); the tests use the same `Verification`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import signal
import sys
import time
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path

import nbformat

from . import isolation, zygote
from .grammar import SourceError, check_languages, directives, read_notebook, read_text
from .layout import BUILD, CACHE, DEFAULT_BUDGET_S, ROOT, Tree, display, languages, notebook_output
from .notebooks import render, today
from .pages import shown_on

HARNESS = sorted((ROOT / "handbook").glob("*.py"))
REQUIREMENTS = sorted((ROOT / "requirements").glob("*.txt"))
# Settings that change what a program computes or where: part of every cache key.
FLAGS = ("FLAVOR", "REQUIRE_GPU", "TF_CPP_MIN_LOG_LEVEL", "CUDA_VISIBLE_DEVICES", "HANDBOOK_SEED")
# An unset flag means what the Makefile and the conftest mean by it: `pytest` and `make test` share runs.
FLAG_DEFAULTS = {"FLAVOR": "cpu", "TF_CPP_MIN_LOG_LEVEL": "1", "HANDBOOK_SEED": "42"}


@dataclass(frozen=True)
class Program:
    kind: str                    # "script" (docs_src) or "notebook" (examples)
    source: Path
    budget: int = DEFAULT_BUDGET_S
    skip: str | None = None
    broken: str | None = None    # the source cannot be read: the message, `path:line: ...`
    code: str = ""               # what is executed: the part of the source the cache key covers

    @property
    def name(self) -> str:
        return display(self.source)


@dataclass
class Result:
    program: str
    kind: str
    outcome: str                 # passed, failed, skipped
    seconds: float = 0.0
    device: str = ""
    message: str = ""
    cached: bool = False
    languages: list[str] = field(default_factory=list)


def discover(tree: Tree) -> list[Program]:
    """Every program of a source tree, the likely longest first (they start first on the pool):
    notebooks before page programs, and among each those that train with Keras or TensorFlow."""
    found = []
    for path in tree.examples_found():
        try:
            notebook = read_notebook(path)
            check_languages(notebook)
            code = json.dumps([notebook.metadata.get("budget"), [c.source for c in notebook.code()]])
            found.append(Program("notebook", path, notebook.budget(), code=code))
        except SourceError as exc:
            found.append(Program("notebook", path, broken=str(exc)))
    for path in tree.snippets():
        try:
            text = read_text(path)
            rules = directives(text, path)
            found.append(Program("script", path, rules.budget, rules.skip, code=text))
        except SourceError as exc:
            found.append(Program("script", path, broken=str(exc)))
    return sorted(found, key=lambda p: (p.kind != "notebook", not re.search(r"\b(keras|tensorflow)\b", p.code)))


def _digest(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


ENVIRONMENT_KEY = hashlib.sha256("\0".join(
    [_digest(HARNESS), _digest(REQUIREMENTS), sys.version, *(f"{k}={os.environ.get(k, FLAG_DEFAULTS.get(k, ''))}" for k in FLAGS)]
).encode()).hexdigest()


def cache_key(program: Program) -> str:
    """The code, the pinned requirements, the harness, the Python, the flavour and flags."""
    return hashlib.sha256(f"{ENVIRONMENT_KEY}\0{program.kind}\0{program.code}".encode()).hexdigest()


class Verification:
    """Runs every program once, in parallel; `result(program)` waits for that program's run."""

    def __init__(self, tree: Tree = Tree(), build: Path = BUILD, cache: Path | None = CACHE,
                 workers: int | None = None):
        self.tree, self.build, self.cache = tree, build, cache
        self.programs = discover(tree)
        self._pool = ThreadPoolExecutor(max_workers=workers or os.cpu_count() or 1, thread_name_prefix="program")
        self._futures: dict[Path, Future] = {}
        self._ended: list[float] = []

    def start(self, programs: list[Program] | None = None) -> "Verification":
        """Run `programs` (all by default), the order of discovery kept."""
        self.started_at = time.perf_counter()
        chosen = self.programs if programs is None else programs
        isolation.preload(zygote.preload_for([p.code for p in chosen], any(p.kind == "notebook" for p in chosen)))
        for program in chosen:
            self._futures[program.source] = self._pool.submit(self._verify, program)
        return self

    @property
    def started(self) -> bool:
        return bool(self._futures)

    def finished(self) -> list[Result]:
        """The results of the programs whose run has ended (a run stopped early leaves some out)."""
        return [f.result() for f in self._futures.values() if f.done() and not f.cancelled()]

    def wall_seconds(self) -> float:
        """From the start of the first run to the end of the last one (or to now)."""
        return max(self._ended, default=time.perf_counter()) - self.started_at

    def result(self, program: Program) -> Result:
        return self._futures[program.source].result()

    def results(self) -> list[Result]:
        return [self.result(p) for p in self.programs]

    def notebooks_done(self) -> list[Result]:
        return [self.result(p) for p in self.programs if p.kind == "notebook"]

    def stop(self) -> None:
        """Cancel the runs not started and end those in progress (the session stopped early)."""
        self._pool.shutdown(wait=False, cancel_futures=True)
        isolation.stop_all()

    def _verify(self, program: Program) -> Result:
        try:
            return self._verify_one(program)
        finally:
            self._ended.append(time.perf_counter())

    def _verify_one(self, program: Program) -> Result:
        shown_in = list(languages())
        if program.broken:
            return Result(program.name, program.kind, "failed", message=program.broken, languages=shown_in)
        if program.skip:
            return Result(program.name, program.kind, "skipped", message=program.skip, languages=shown_in)
        cached = self.cache / f"{cache_key(program)}.json" if self.cache else None
        if cached is not None and cached.exists():
            ended = isolation.Ended(**json.loads(cached.read_text(encoding="utf-8")))
            was_cached = True
        else:
            ended = isolation.run(program.kind, program.source, program.budget)
            was_cached = False
            if ended.outcome == "passed" and program.kind == "notebook":
                ended.run["date"] = today()  # the stamp's date is the run's, cached with it
            if cached is not None and ended.outcome == "passed":
                cached.parent.mkdir(parents=True, exist_ok=True)
                cached.write_text(json.dumps(asdict(ended)), encoding="utf-8")
        if ended.outcome == "passed" and program.kind == "notebook":
            write_notebooks(program.source, ended.run, self.build)
        message = ended.message
        if ended.outcome == "failed" and program.kind == "script":
            message += f"\n(shown on {', '.join(shown_on(self.tree, program.source)) or 'no page'})"
        return Result(program.name, program.kind, ended.outcome, ended.seconds, ended.device, message,
                      was_cached, shown_in)


def write_notebooks(source: Path, run: dict | None, build: Path = BUILD) -> None:
    """The rendered notebook of every language, from one run (or none yet: code only, marked pending)."""
    notebook = read_notebook(source)
    for language in languages():
        target = notebook_output(source.stem, language, build, pending=run is None)
        target.parent.mkdir(parents=True, exist_ok=True)
        text = nbformat.writes(render(notebook, language, run)) + "\n"
        if target.exists() and target.read_text(encoding="utf-8") == text:
            continue  # unchanged: `make serve` has nothing to rebuild
        # Write then rename: `make serve` may be reading the previous copy.
        partial = target.with_suffix(".partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(target)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--notebooks", action="store_true", help="only the example notebooks (what the site renders)")
    parser.add_argument("--no-cache", action="store_true", help="execute even programs with a cached run")
    args = parser.parse_args(argv)
    verification = Verification(cache=None if args.no_cache else CACHE)
    if args.notebooks:
        verification.programs = [p for p in verification.programs if p.kind == "notebook"]
    started = time.perf_counter()
    failed = 0
    # Ctrl-C or a terminate ends the programs still running too: they run in sessions of their own.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        for result in verification.start().results():
            if result.outcome == "failed":
                failed += 1
                print(f"FAILED {result.message}", file=sys.stderr, flush=True)
            else:
                how = "cached" if result.cached else f"{result.seconds:.1f} s on {result.device}"
                print(f"{result.outcome} {result.program} ({how})", flush=True)
    finally:
        verification.stop()
    print(f"{len(verification.programs)} programs, {failed} failed, in {time.perf_counter() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
