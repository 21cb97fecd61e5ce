"""The harness tested on small fixture pages: each broken case fails, naming the file and line.

Each case runs the real test modules in a child pytest on a fixture tree (tests/fixtures/<case>),
exactly as `make test` runs them on docs/ and examples/.
"""

import subprocess
import sys
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = FIXTURES.parent.parent


def run_suite(case: str, *test_files: str) -> subprocess.CompletedProcess:
    tree = FIXTURES / case
    return subprocess.run(
        [sys.executable, "-m", "pytest", *test_files, "-p", "no:cacheprovider", "-q",
         "--docs-dir", str(tree / "docs"), "--examples-dir", str(tree / "examples")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )


def test_good_tree_passes_and_reports_counts():
    result = run_suite("good", "tests/test_blocks.py", "tests/test_parity.py", "tests/test_notebooks.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "code blocks  zh:    1 executed,   1 skipped" in result.stdout
    assert "notebooks    en:    1 executed,   0 skipped" in result.stdout
    assert "demo: needs the network" in result.stdout  # the skip reason is shown


@pytest.mark.parametrize(
    ("case", "test_file", "expected"),
    [
        # The failing line is in the second fence of a `cont` block: the page line, not the block's.
        ("raising-block", "tests/test_blocks.py",
         ["tests/fixtures/raising-block/docs/zh/index.md:11", "ZeroDivisionError", "sum(numbers) / 0"]),
        ("raising-py-block", "tests/test_blocks.py",
         ["tests/fixtures/raising-py-block/docs/en/index.md:5", "KeyError", "table[\"missing\"]"]),
        ("missing-twin", "tests/test_parity.py",
         ["tests/fixtures/missing-twin/docs/zh/only.md:1: has no twin",
          "tests/fixtures/missing-twin/docs/en/only.md is missing"]),
        ("code-differs", "tests/test_parity.py",
         ["tests/fixtures/code-differs/docs/zh/index.md:3 and tests/fixtures/code-differs/docs/en/index.md:3: code differs"]),
        ("question-differs", "tests/test_parity.py",
         ["tests/fixtures/question-differs/docs/zh/index.md:5 asks #q-transfer (medium) where "
          "tests/fixtures/question-differs/docs/en/index.md:5 asks #q-transfer (hard)"]),
        ("chinese-in-english", "tests/test_parity.py",
         ["tests/fixtures/chinese-in-english/docs/en/index.md:3: Transfer learning (迁移学习)"]),
        ("failing-notebook", "tests/test_notebooks.py",
         ["tests/fixtures/failing-notebook/examples/en/broken.py:17: AssertionError: values are not sorted"]),
        ("unreasoned-skip", "tests/test_blocks.py",
         ["tests/fixtures/unreasoned-skip/docs/zh/index.md:4: Python fence is skipped without a reason"]),
        ("tilde-fence", "tests/test_blocks.py",
         ["tests/fixtures/tilde-fence/docs/zh/index.md:3: '~~~' fences are invisible"]),
    ],
)
def test_broken_case_fails_naming_file_and_line(case, test_file, expected):
    result = run_suite(case, test_file)
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    for text in expected:
        assert text in output, f"expected {text!r} in the output:\n{output}"
