"""Both languages have the same pages and notebooks, with the same headings and the same code."""

import pytest

from tests.conftest import display, docs_dir, examples_dir
from tests.harness import parity


def _pair(root, relative):
    zh, en = root / "zh" / relative, root / "en" / relative
    missing = [display(p) for p in (zh, en) if not p.exists()]
    if missing:
        present = display(en if en.exists() else zh)
        pytest.fail(f"{present}:1: has no twin: {', '.join(missing)} is missing", pytrace=False)
    return zh, en


def test_page_pair(page_pair, request):
    zh, en = _pair(docs_dir(request.config), page_pair)
    errors = parity.compare_pages(zh, en)
    assert not errors, "\n".join(errors)


def test_notebook_pair(notebook_pair, request):
    zh, en = _pair(examples_dir(request.config), notebook_pair)
    errors = parity.compare_notebooks(zh, en)
    assert not errors, "\n".join(errors)
