"""Both languages have the same pages and notebooks, with the same headings and the same code."""

import re

import pytest

from hooks import practice
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


def test_question_count(page_pair, request):
    """Each page pair asks the same questions: same count, same ids, same difficulty, same order."""
    zh, en = _pair(docs_dir(request.config), page_pair)
    asked = {path: practice.page_questions(path) for path in (zh, en)}
    if len(asked[zh]) != len(asked[en]):
        pytest.fail(f"{display(zh)} has {len(asked[zh])} questions, {display(en)} has {len(asked[en])}",
                    pytrace=False)
    for a, b in zip(asked[zh], asked[en]):
        assert (a["id"], a["difficulty"]) == (b["id"], b["difficulty"]), (
            f"{display(zh)}:{a['line']} asks #{a['id']} ({a['difficulty']}) where "
            f"{display(en)}:{b['line']} asks #{b['id']} ({b['difficulty']})")


# The glossary maps Chinese terms to English ones, so it quotes Chinese on purpose.
QUOTES_CHINESE = {"glossary.md"}
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def test_english_pages_have_no_chinese(request):
    english = docs_dir(request.config) / "en"
    found = [
        f"{display(page)}:{number}: {line.strip()[:80]}"
        for page in sorted(english.rglob("*.md"))
        if page.relative_to(english).as_posix() not in QUOTES_CHINESE
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1)
        if CJK.search(line)
    ]
    assert not found, "untranslated Chinese on English pages:\n" + "\n".join(found)
