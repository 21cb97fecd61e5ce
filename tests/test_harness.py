"""The verifier tested on small fixture trees: each broken case fails alone, naming its file and line,
and the suite goes on to the others.

Each tree under tests/fixtures/ is verified by a child pytest running the real test modules, exactly
as `make test` runs them on docs/, docs_src/ and examples/ (tests/harness/fixtures.py).
"""

from __future__ import annotations

import re
import shutil

import pytest

from tests.harness.fixtures import FIXTURES, FRESH, run_suite, tree_of, verified


def test_good_tree_passes_and_reports_what_it_skipped():
    output = verified("good")
    assert re.search(r"\b8 passed, 1 skipped\b", output), output
    assert "notebook    1 passed,   0 failed" in output, output
    assert "skipped tests/fixtures/good/docs_src/index/needs-network.py: demo: needs the network" in output, output


def fixture_path(case: str, relative: str) -> str:
    return f"tests/fixtures/{tree_of(case)}/{relative}"


# (fixture tree, what its child run prints for one broken case)
BROKEN = [
    # Issue 13: whatever a program does, it fails alone, with its file, line and what happened.
    ("broken-programs", "docs_src/index/raising.py:3: ZeroDivisionError: division by zero"),
    # ... and says which pages show it.
    ("broken-programs", "docs/zh/index.md:27, tests/fixtures/broken-programs/docs/en/index.md:27)"),
    ("broken-programs", "docs_src/index/exit-zero.py:4: called os._exit(0) before its last line"),
    ("broken-programs", "docs_src/index/exit-status.py:3: called sys.exit(3) before its last line"),
    ("broken-programs", "docs_src/index/kills-itself.py:1: killed by signal 9 (SIGKILL"),
    ("broken-programs", "docs_src/index/segfault.py:1: killed by signal 11 (SIGSEGV"),
    ("broken-programs", "docs_src/index/memory.py:2: MemoryError (memory cap 4 GiB)"),
    ("broken-programs", "docs_src/index/endless.py:2: ran past its budget of 2 s and was stopped here"),
    ("broken-programs", "docs_src/index/thread-left.py:1: ran its last line but did not exit within its budget"),
    ("broken-programs", "examples/failing-cell.py:20: AssertionError: values are not sorted"),
    ("broken-programs", "examples/kernel-dies.py:15: the kernel died while running this cell"),
    # Bad files: `path:line: what is wrong`, never a bare library traceback.
    ("bad-files", "docs/zh/not-utf8.md:4: not UTF-8 (byte 0xe9 at column 4)"),
    ("bad-files", "docs/zh/duplicate-id.md:5: heading id #same is used twice on this page (first at line 3)"),
    ("bad-files", "docs/zh/question-without-id.md:3: heading '什么是过拟合？ {.question"),
    ("bad-files", "examples/bad-header.py:3: the header is not valid YAML"),
    ("bad-files", "examples/bad-marker.py:13: malformed cell marker '# %% [mardown]'"),
    # Issue 8: the languages differ where they must not.
    ("bad-files", "examples/code-in-one-language.py:14: code in the prose differs between lang=\"zh\" (line 7)"),
    ("bad-files", "examples/code-cell-in-one-language.py:13: code cell has lang=\"zh\""),
    ("bad-files", "examples/prose-without-twin.py:7: markdown cell lang=\"zh\" has no lang=\"en\" twin"),
    ("bad-files", "docs/zh/include-one-side.md:3: includes include-one-side/shown.py, which its twin does not"),
    ("bad-files", "docs_src/include-one-side/shown.py:1: not included by tests/fixtures/bad-files/docs/en/include-one-side.md"),
    ("bad-files", "docs/en/missing-heading.md:5: heading #extra has no counterpart in the other language"),
    ("bad-files", "docs/zh/question-differs.md:3 asks #q-transfer (medium) where "
                  "tests/fixtures/bad-files/docs/en/question-differs.md:3 asks #q-transfer (hard)"),
    # Issue 10: a question the site adds is marked so in both languages.
    ("bad-files", "docs/zh/added-differs.md:3 asks #q-kv (easy, added by the site) where "
                  "tests/fixtures/bad-files/docs/en/added-differs.md:3 asks #q-kv (easy)"),
    ("bad-files", "docs/zh/interview/thin.md:1: asks 1 question; a topic page asks at least 6"),
    ("bad-files", "docs/en/math-heading.md:3: heading 'Why divide by $\\sqrt{d_k}$?' holds a formula"),
    ("bad-files", "docs/zh/only.md:1: has no twin: tests/fixtures/bad-files/docs/en/only.md is missing"),
    ("bad-files", "docs/zh/inline-code.md:3: Python code on a page lives in docs_src/inline-code/<name>.py"),
    ("bad-files", "docs_src/orphan/unseen.py:1: not included by tests/fixtures/bad-files/docs/zh/orphan.md"),
    ("bad-files", "docs_src/no-reason/skipped.py:1: '# skip:' needs a reason"),
    ("bad-files", "docs/en/chinese.md:3: Transfer learning (迁移学习)"),
    ("bad-files", "docs/zh/old-marker.md:3: pytest-codeblocks markers are not read any more"),
    # Issue 9: one term per concept, and facts that age are checked again in time.
    ("bad-files", "docs/zh/avoided-term.md:3: '模式塌缩' is an avoided variant: the glossary's term is '模式崩溃'"),
    ("bad-files", "docs/zh/dated.md:3: '截至 2025 年 1 月' is "),
    ("bad-files", "docs/en/dated.md:3: 'as of January 2025' is "),
]
# How many tests of each tree fail: one per broken case, and nothing else.
FAILING_TESTS = {"broken-programs": 10, FRESH: 10, "bad-files": 22}
BROKEN += [(FRESH, expected) for case, expected in BROKEN if case == "broken-programs"]


@pytest.mark.parametrize(("case", "expected"), BROKEN, ids=[c.replace(tree_of(c), "").strip(" ()") + " " + e.split(":")[0] + ":" + e.split(":")[1]
                                                  for c, e in BROKEN])
def test_broken_case_fails_naming_file_and_line(case, expected):
    output = verified(case)
    assert fixture_path(case, expected) in output, f"expected {fixture_path(case, expected)!r} in:\n{output}"


@pytest.mark.parametrize("case", sorted(FAILING_TESTS))
def test_each_broken_case_fails_alone(case):
    """The clean programs of a broken tree still pass: one bad program takes nothing else down."""
    output = verified(case)
    summary = re.search(r"(\d+) failed, (\d+) passed", output)
    assert summary and int(summary.group(1)) == FAILING_TESTS[case], output
    if tree_of(case) == "broken-programs":
        for clean in ("changes-cwd-and-env.py", "starts-clean.py"):
            assert re.search(rf"PASSED tests/test_programs.py::test_program\[\S+/{clean}\]", output), output


def test_a_changed_code_cell_runs_again(tmp_path):
    """A cached run is reused only while the code is unchanged: prose edits reuse it, a changed code
    cell is executed again (here it now fails, naming its line)."""
    tree, cache = tmp_path / "tree", tmp_path / "cache"
    shutil.copytree(FIXTURES / "good", tree)
    notebook = tree / "examples" / "tiny.py"

    first = run_suite(tree, tmp_path / "build", str(cache))
    assert first.returncode == 0 and "0 reused from the cache" in first.stdout, first.stdout + first.stderr

    notebook.write_text(notebook.read_text(encoding="utf-8").replace("# # A tiny notebook", "# # A small notebook"),
                        encoding="utf-8")
    prose_only = run_suite(tree, tmp_path / "build", str(cache))
    assert prose_only.returncode == 0, prose_only.stdout + prose_only.stderr
    assert "notebook    1 passed,   0 failed,   0 skipped,   1 reused from the cache" in prose_only.stdout, prose_only.stdout

    notebook.write_text(notebook.read_text(encoding="utf-8").replace("print(sum(range(4)))", "assert sum(range(4)) == 7"),
                        encoding="utf-8")
    changed = run_suite(tree, tmp_path / "build", str(cache))
    assert changed.returncode == 1, changed.stdout + changed.stderr
    assert f"{notebook}:16: AssertionError" in changed.stdout, changed.stdout
