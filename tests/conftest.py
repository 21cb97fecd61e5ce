"""Discovery of every program and page pair, the one verification run, the site, and the summary.

Tests are generated from the files on disk (never from a hand-kept list) and named by file:
`test_program[examples/cnn-digits.py]`, `test_program[docs_src/interview/cnn/q-cnn-components.py]`,
`test_page_pair[interview/cnn.md]`. Every program runs once, in its own process, in the background
from the start of the session, on every core; its test waits for its result.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

import pytest

from handbook import summary
from handbook.layout import BUILD, CACHE, ROOT, Tree, display
from handbook.verify import Verification
from tests.harness import fixtures

# Plots render off-screen; TensorFlow's C++ INFO lines stay out of the output.
os.environ.setdefault("MPLBACKEND", "Agg")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "1")


def pytest_addoption(parser):
    group = parser.getgroup("site", "bilingual site verification (paths relative to the repository)")
    group.addoption("--docs-dir", default="docs", help="Markdown pages, one folder per language")
    group.addoption("--docs-src-dir", default="docs_src", help="code files the pages include")
    group.addoption("--examples-dir", default="examples", help="example notebooks")
    group.addoption("--build-dir", default=str(BUILD), help="where executed notebooks and the summary go")
    group.addoption("--cache-dir", default=str(CACHE), help="cached passing runs; 'none' runs everything")


def tree(config) -> Tree:
    return Tree(*(ROOT / config.getoption(o) for o in ("--docs-dir", "--docs-src-dir", "--examples-dir")))


def build_dir(config) -> Path:
    return ROOT / config.getoption("--build-dir")


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    cache = config.getoption("--cache-dir")
    config.verification = Verification(tree(config), build_dir(config),
                                       None if cache == "none" else ROOT / cache)
    config.started = time.perf_counter()
    # A summary left by an earlier run must not stand in for this one.
    (build_dir(config) / summary.FILE).unlink(missing_ok=True)


def pytest_sessionstart(session):
    if os.environ.get("REQUIRE_GPU") == "1":
        import tensorflow as tf

        from handbook.device import missing_gpu

        if why := missing_gpu(tf):
            pytest.exit(why, returncode=3)


def pytest_generate_tests(metafunc):
    config = metafunc.config
    if "program" in metafunc.fixturenames:
        found = config.verification.programs
        metafunc.parametrize("program", found, ids=[p.name for p in found])
    if "twin_page" in metafunc.fixturenames:
        pages = tree(config).pages()
        metafunc.parametrize("twin_page", pages, ids=pages)


@pytest.fixture(scope="session")
def source_tree(request) -> Tree:
    """The pages, page programs and examples under test (the real ones, or a fixture tree)."""
    return tree(request.config)


@pytest.fixture(scope="session")
def verification(request) -> Verification:
    return request.config.verification


# Everything else runs while the programs (and the self-tests' fixture trees) run in the
# background: static checks first, then the site (built as soon as the notebooks have run) and the
# browser, then the self-tests, whose fixture runs have had the whole session to finish; the
# program results are collected last.
MODULE_ORDER = ["test_pages", "test_workflows", "test_site", "test_browser", "test_harness", "test_programs"]


def _module_rank(item) -> int:
    name = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
    return MODULE_ORDER.index(name) if name in MODULE_ORDER else len(MODULE_ORDER)


def pytest_collection_modifyitems(session, config, items):
    items.sort(key=_module_rank)  # stable: keeps discovery order within a module


def pytest_collection_finish(session):
    """Start the selected programs now (after -k and friends have deselected), plus every notebook
    if the site is wanted, and the site build as soon as those notebooks have run."""
    config, items = session.config, session.items
    wanted = {name for item in items for name in item.fixturenames}
    verification = config.verification
    selected = {item.callspec.params["program"].source for item in items if "program" in item.fixturenames}
    if "site" in wanted:
        selected |= {p.source for p in verification.programs if p.kind == "notebook"}
    if selected:
        verification.start([p for p in verification.programs if p.source in selected])
    if "site" in wanted:
        config.site_build = SiteBuild(config.verification, build_dir(config) / "site")
        config.site_build.start()
    if any(item.module and item.module.__name__.endswith("test_harness") for item in items):
        fixtures.start()  # the self-tests' fixture trees, in the background with everything else


# --- the built site, shared by test_site.py and test_browser.py --------------------------------

class SiteBuild(threading.Thread):
    """`mkdocs build --strict` into build/site/, once, from this run's notebook executions."""

    def __init__(self, verification: Verification, out: Path):
        super().__init__(name="site-build", daemon=True)
        self.verification, self.out, self.problems = verification, out, ["the site build did not run"]

    def run(self):
        from tests.harness.site import build

        failed = [r.program for r in self.verification.notebooks_done() if r.outcome != "passed"]
        if failed:
            self.problems = [f"{', '.join(failed)} did not pass, so the site cannot show it"]
            return
        started = time.perf_counter()
        self.problems = build(self.out)
        _phases["site build"] = time.perf_counter() - started


@pytest.fixture(scope="session")
def site(request) -> Path:
    """The site this run built and checks; the browser tests serve the same files."""
    build = request.config.site_build
    build.join()
    if build.problems:
        pytest.fail("cannot build the site:\n" + "\n".join(build.problems), pytrace=False)
    return build.out


# --- the summary ----------------------------------------------------------------------------------

_phases: dict[str, float] = {}


def pytest_runtest_logreport(report):
    """Seconds spent per test module: the phases of build/verification.json."""
    if report.when == "call" or report.skipped:
        phase = Path(report.location[0]).stem.removeprefix("test_")
        _phases[phase] = _phases.get(phase, 0.0) + report.duration


def pytest_sessionfinish(session):
    """A session that stops early (-x, Ctrl-C, a collection error) ends the runs still going."""
    session.config.verification.stop()


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """Written last: a run that stops before this point leaves no summary for this run."""
    verification = config.verification
    if not verification.started:
        return
    results = verification.finished()
    _phases["execution (wall, programs side by side)"] = verification.wall_seconds()
    write = terminalreporter.write_line
    terminalreporter.section("programs: each executed once, in its own process")
    for line in summary.describe(results):
        write(line)
    path = summary.write(build_dir(config), results, verification.programs, _phases,
                         time.perf_counter() - config.started, exitstatus)
    write(f"per-program outcome, time, device and languages: {display(path)}")
