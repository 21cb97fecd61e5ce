"""Every page follows the conventions, and both languages have the same pages, headings, questions
and code (the same docs_src/ files, included in the same order)."""

import re

import pytest

from handbook import pages, wording
from handbook.grammar import read_text
from handbook.layout import display, languages


def test_page_pair(twin_page, source_tree):
    found = source_tree
    errors = pages.compare_twins(found, twin_page)
    for language in languages():
        if found.page(language, twin_page).exists():
            errors += pages.check_page(found, language, twin_page)
    if errors:
        pytest.fail("\n".join(dict.fromkeys(errors)), pytrace=False)


def test_every_code_file_is_shown_in_every_language(source_tree):
    errors = pages.orphans(source_tree)
    if errors:
        pytest.fail("\n".join(errors), pytrace=False)


def test_every_topic_page_asks_enough_questions(source_tree):
    errors = pages.thin_topics(source_tree)
    if errors:
        pytest.fail("\n".join(errors), pytrace=False)


# The glossary maps Chinese terms to English ones, so it quotes Chinese on purpose.
QUOTES_CHINESE = {"glossary.md"}
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")


def test_english_pages_have_no_chinese(source_tree):
    english = source_tree.docs / "en"
    found = [
        f"{display(page)}:{number}: {line.strip()[:80]}"
        for page in sorted(english.rglob("*.md"))
        if page.relative_to(english).as_posix() not in QUOTES_CHINESE
        for number, line in enumerate(read_text(page).splitlines(), start=1)
        if CJK.search(line)
    ]
    if found:
        pytest.fail("untranslated Chinese on English pages:\n" + "\n".join(found), pytrace=False)


def test_prose_uses_the_glossary_terms(source_tree):
    """One term per concept: the variants the glossary's {#preferred-terms} tables avoid."""
    errors = wording.check_terms(source_tree)
    if errors:
        pytest.fail("\n".join(errors), pytrace=False)


def test_dated_facts_are_recent(source_tree):
    """A fact that ages says when it was true ("as of November 2026"), and is checked again in time."""
    errors = wording.check_dates(source_tree)
    if errors:
        pytest.fail("\n".join(errors), pytrace=False)
