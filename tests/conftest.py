"""Discovery of every example and page pair, and the verification report printed after each run.

Tests are generated from the files on disk (never from a hand-kept list) and named by file and
line: `test_block[zh/index.md:42]`, `test_notebook[en/cnn-digits.py]`, `test_page_pair[index.md]`.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
# Before TensorFlow loads, here and in notebook kernels: keep its C++ INFO lines ("This TensorFlow
# binary is optimized ...") out of the output; its warnings still show. Plots render off-screen.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "1")
os.environ.setdefault("MPLBACKEND", "Agg")

from hooks import notebooks  # noqa: E402
from tests.harness import fences  # noqa: E402
from tests.harness.paths import display  # noqa: E402

REPORT = ROOT / "build" / "verification.json"


@dataclass(frozen=True)
class Broken:
    """A page the harness cannot run as written; its test fails with this message."""

    message: str


def pytest_addoption(parser):
    group = parser.getgroup("site", "bilingual site verification")
    group.addoption("--docs-dir", default="docs", help="Markdown pages, one folder per language")
    group.addoption("--examples-dir", default="examples", help="notebook sources, one folder per language")


def docs_dir(config) -> Path:
    return (ROOT / config.getoption("--docs-dir")).resolve()


def examples_dir(config) -> Path:
    return (ROOT / config.getoption("--examples-dir")).resolve()


def _block_params(docs: Path):
    for page in fences.pages(docs):
        rel = page.relative_to(docs).as_posix()
        try:
            blocks = fences.extract(page)
        except fences.FenceError as exc:
            yield pytest.param(Broken(str(exc).replace(str(page), display(page))), id=rel)
            continue
        for block in blocks:
            block.path = Path(display(page))
            try:
                fences.check(block)
            except fences.FenceError as exc:
                yield pytest.param(Broken(str(exc)), id=f"{rel}:{block.lineno}")
                continue
            if not block.is_python:
                continue
            skip = block.mark("skip")
            marks = [pytest.mark.skip(reason=skip.kwargs.get("reason") or skip.args[0])] if skip else []
            yield pytest.param(block, id=f"{rel}:{block.lineno}", marks=marks)


def _twins(root: Path, pattern: str):
    """Relative paths found under root/zh or root/en (either side may be missing)."""
    return sorted({p.relative_to(root / lang).as_posix()
                   for lang in notebooks.LANGUAGES for p in (root / lang).glob(pattern)})


def pytest_generate_tests(metafunc):
    config = metafunc.config
    if "block" in metafunc.fixturenames:
        metafunc.parametrize("block", list(_block_params(docs_dir(config))))
    if "example" in metafunc.fixturenames:
        found = notebooks.discover(examples_dir(config))
        metafunc.parametrize("example", found, ids=[f"{e.lang}/{e.slug}.py" for e in found])
    if "page_pair" in metafunc.fixturenames:
        pages = _twins(docs_dir(config), "**/*.md")
        metafunc.parametrize("page_pair", pages, ids=pages)
    if "notebook_pair" in metafunc.fixturenames:
        sources = _twins(examples_dir(config), "*.py")
        metafunc.parametrize("notebook_pair", sources, ids=sources)


# --- the built site, shared by test_site.py and test_browser.py --------------------------------

@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The site, built once per run (notebooks not yet executed in this run are executed first)."""
    from tests.harness.site import build

    out = tmp_path_factory.mktemp("site")
    try:
        problems = build(out)
    except notebooks.NotebookFailed as exc:
        pytest.fail(f"cannot build the site: {exc}", pytrace=False)
    if problems:
        pytest.fail("mkdocs build --strict failed:\n" + "\n".join(problems), pytrace=False)
    return out


# --- GPU runner ---------------------------------------------------------------------------------

def current_device() -> str:
    """The device TensorFlow computes on in this process: the first GPU if it sees one."""
    import tensorflow as tf

    gpus = tf.config.list_physical_devices("GPU")
    if not gpus:
        return "CPU"
    return "GPU: " + tf.config.experimental.get_device_details(gpus[0]).get("device_name", gpus[0].name)


def pytest_sessionstart(session):
    if os.environ.get("REQUIRE_GPU") == "1" and current_device() == "CPU":
        pytest.exit("REQUIRE_GPU=1 but TensorFlow sees no GPU: check the driver and the "
                    "GPU requirements (make test FLAVOR=gpu)", returncode=3)


# --- the report ---------------------------------------------------------------------------------

_results: dict[str, dict] = {}


def _kind_and_language(item) -> tuple[str, str] | None:
    callspec = getattr(item, "callspec", None)
    if callspec is None:
        return None
    if "block" in callspec.params:
        return "code blocks", callspec.id.split("/", 1)[0]
    if "example" in callspec.params:
        return "notebooks", callspec.params["example"].lang
    return None


# Fast checks first; notebooks before the site that renders them, so they run once per session.
MODULE_ORDER = ["test_parity", "test_workflows", "test_blocks", "test_notebooks", "test_site",
                "test_browser", "test_harness"]


def _module_rank(item) -> int:
    name = item.module.__name__.rsplit(".", 1)[-1] if item.module else ""
    return MODULE_ORDER.index(name) if name in MODULE_ORDER else len(MODULE_ORDER)


def pytest_collection_modifyitems(session, config, items):
    items.sort(key=_module_rank)  # stable: keeps file-and-line order within a module
    for item in items:
        kind = _kind_and_language(item)
        if kind:
            _results[item.nodeid] = {"kind": kind[0], "language": kind[1], "test": item.nodeid}


def pytest_runtest_logreport(report):
    entry = _results.get(report.nodeid)
    if entry is None:
        return
    if report.when == "call" or (report.when == "setup" and report.skipped):
        entry["outcome"] = report.outcome
        entry["seconds"] = report.duration
        entry.update(dict(report.user_properties))


def pytest_terminal_summary(terminalreporter):
    entries = [e for e in _results.values() if "outcome" in e]
    if not entries:
        return
    write = terminalreporter.write_line
    terminalreporter.section("examples executed, per language")
    counts = Counter((e["kind"], e["language"], "skipped" if e["outcome"] == "skipped" else "executed")
                     for e in entries)
    for kind in sorted({e["kind"] for e in entries}):
        for language in notebooks.LANGUAGES:
            write(f"{kind:12} {language}: {counts[(kind, language, 'executed')]:4} executed, "
                  f"{counts[(kind, language, 'skipped')]:3} skipped")
    timed = sorted((e for e in entries if e["outcome"] != "skipped"), key=lambda e: -e["seconds"])
    terminalreporter.section("slowest examples")
    for e in timed[:10]:
        write(f"{e['seconds']:7.2f} s  {e.get('device', '?'):12}  {e['test']}")
    REPORT.parent.mkdir(exist_ok=True)
    REPORT.write_text(json.dumps(sorted(entries, key=lambda e: e["test"]), indent=1, ensure_ascii=False))
    write(f"per-example outcome, time and device: {display(REPORT)}")


def language_totals() -> dict:
    totals: dict = defaultdict(Counter)
    for e in _results.values():
        totals[e["kind"]][e["language"]] += 1
    return totals
