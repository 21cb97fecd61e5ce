"""The fixture trees under tests/fixtures/, each verified by a child pytest running the real test
modules, exactly as `make test` runs them on docs/, docs_src/ and examples/.

The runs start once, side by side and niced, as soon as the session knows it has self-tests to run
(tests/conftest.py calls `start()` after collection), so they overlap the rest of the session; the
tests of tests/test_harness.py read their outputs.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from handbook.layout import ROOT

FIXTURES = Path(__file__).parent.parent / "fixtures"
SUITES = ("tests/test_pages.py", "tests/test_programs.py")


def run_suite(tree: Path, build: Path, cache: str = "none", env: dict | None = None) -> subprocess.CompletedProcess:
    # Niced: these runs share the machine with the real programs, which should not wait for them.
    return subprocess.run(
        ["nice", "-n", "10", sys.executable, "-m", "pytest", *SUITES, "-p", "no:cacheprovider", "-q", "-rA",
         "--docs-dir", str(tree / "docs"), "--docs-src-dir", str(tree / "docs_src"),
         "--examples-dir", str(tree / "examples"), "--build-dir", str(build), "--cache-dir", cache],
        cwd=ROOT, capture_output=True, text=True, timeout=300, env={**os.environ, **(env or {})},
    )


def _verify_tree(case: str) -> str:
    build = Path(tempfile.mkdtemp(prefix=f"handbook-fixture-{tree_of(case)}-"))
    try:
        result = run_suite(FIXTURES / tree_of(case), build, env=TREES[case])
    finally:
        shutil.rmtree(build, ignore_errors=True)
    return result.stdout + result.stderr


# Each fixture tree, and how its programs start: forked from the warm zygote (the default), or
# each in a new interpreter (HANDBOOK_FRESH=1): the broken programs must fail the same way in both.
FRESH = "broken-programs (new interpreters)"
TREES = {"broken-programs": {}, FRESH: {"HANDBOOK_FRESH": "1"}, "bad-files": {}, "good": {}}
_outputs: dict = {}


def tree_of(case: str) -> str:
    return case.split(" ")[0]


def start() -> None:
    """Start every tree's run (once)."""
    if not _outputs:
        pool = ThreadPoolExecutor(max_workers=len(TREES), thread_name_prefix="fixture")
        _outputs.update({tree: pool.submit(_verify_tree, tree) for tree in TREES})
        pool.shutdown(wait=False)


def verified(case: str) -> str:
    """The child run's whole output for one fixture tree (started now if it was not yet)."""
    start()
    return _outputs[case].result()
