"""What the prose of every page and notebook must say the same way: the glossary's terms, and an
"as of" month on facts that age. Each check returns messages that start with `path:line:`.

Prose is the text a reader reads: pages minus their fences, notebooks' markdown cells of one
language; inline code, heading attributes, link targets and HTML tags are left out.

- **Terms.** The glossary's section `{#preferred-terms}` holds tables whose rows read
  `| preferred | avoided, avoided | why |`; an avoided variant in prose is an error (the glossary page
  itself may name it).
- **Dated facts.** `as of November 2026` / `截至 2026 年 11 月` older than MAX_AGE_MONTHS is an error,
  and so is an "as of" without a month (`as of early 2026`, `截至 2026 年初`).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from pathlib import Path

from .grammar import SourceError, fenced_lines, headings, read_notebook, read_text
from .layout import Tree, display, languages

GLOSSARY = "glossary.md"
TERMS_ID = "preferred-terms"
MAX_AGE_MONTHS = 9
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
AS_OF = re.compile(r"\bas of (" + "|".join(MONTHS) + r") (\d{4})\b", re.IGNORECASE)
AS_OF_WITHOUT_MONTH = re.compile(r"\bas of (?:(?:early|mid|late|the end of|the start of)[ -])?\d{4}\b", re.IGNORECASE)
JIEZHI = re.compile(r"截至\s*(\d{4})\s*年\s*(\d{1,2})\s*月")
JIEZHI_WITHOUT_MONTH = re.compile(r"截至\s*\d{4}\s*年(?!\s*\d{1,2}\s*月)")
# What a reader does not read as words: inline code, attribute blocks ({#id .class}), link targets,
# HTML tags.
NOT_PROSE = re.compile(r"`[^`]*`|\{[#.:][^}]*\}|\]\([^)]*\)|<[^>]+>")


def prose(tree: Tree, language: str) -> Iterator[tuple[Path, int, str]]:
    """Every prose line a reader of `language` sees: (file, line number, text without inline code)."""
    for relative in tree.pages():
        path = tree.page(language, relative)
        if not path.exists():
            continue
        try:
            text = read_text(path)
            code = fenced_lines(text, path)
        except SourceError:
            continue  # reported, with its line, by the page's own test
        for number, line in enumerate(text.splitlines(), start=1):
            if number not in code:
                yield path, number, NOT_PROSE.sub(" ", line)
    for path in tree.examples_found():
        try:
            notebook = read_notebook(path)
        except SourceError:
            continue  # reported, with its line, by the notebook's own test
        for cell in notebook.cells:
            if cell.kind == "markdown" and cell.language == language:
                try:
                    inside = fenced_lines(cell.source, path)
                except SourceError:
                    continue
                for offset, line in enumerate(cell.source.splitlines(), start=1):
                    if offset not in inside:
                        yield path, cell.line + offset, NOT_PROSE.sub(" ", line)


def avoided_terms(tree: Tree, language: str) -> dict[str, str]:
    """avoided variant -> preferred term, for the prose of `language`: the rows of the glossary's
    table under `{#preferred-<language>}` (both twins of the glossary hold every language's table)."""
    path = tree.page(language, GLOSSARY)
    if not path.exists():
        return {}
    text = read_text(path)
    lines = text.splitlines()
    found = headings(text, path)
    start = next((h for h in found if h.id == f"preferred-{language}"), None)
    if start is None:
        return {}
    end = next((h.line for h in found if h.line > start.line and h.level <= start.level), len(lines) + 1)
    rows = [[c.strip() for c in row.strip().strip("|").split("|")] for row in lines[start.line:end - 1]
            if row.startswith("|")]
    avoided = {}
    for cells in rows[2:]:  # after the header and its |---| line
        for variant in re.split(r"[,，、]", cells[1] if len(cells) > 1 else ""):
            if variant.strip():
                avoided[variant.strip()] = cells[0]
    return avoided


# An English word may follow its Chinese term in brackets at first mention: 批量（batch）.
BRACKETED = re.compile(r"（[^）]*）|\([^)]*\)")


def check_terms(tree: Tree) -> list[str]:
    errors = []
    for language in languages():
        avoided = avoided_terms(tree, language)
        if not avoided:
            continue
        words = {v: re.compile(rf"(?<![\w-]){re.escape(v)}(?![\w-])", re.IGNORECASE) for v in avoided if v.isascii()}
        glossary = tree.page(language, GLOSSARY)
        for path, number, line in prose(tree, language):
            if path == glossary:
                continue
            for variant, preferred in avoided.items():
                if variant in words:
                    hit = words[variant].search(BRACKETED.sub(" ", line) if not preferred.isascii() else line)
                else:  # 解释性 inside 可解释性 is the preferred term, not the variant
                    hit = variant in line.replace(preferred, " ")
                if hit:
                    errors.append(f"{display(path)}:{number}: '{variant}' is an avoided variant: the glossary's "
                                  f"term is '{preferred}' ({display(glossary)}#{TERMS_ID})")
    return errors


def check_dates(tree: Tree, today: datetime.date | None = None) -> list[str]:
    today = today or datetime.date.today()
    errors = []
    for language in languages():
        for path, number, line in prose(tree, language):
            dated = [(int(y), MONTHS.index(m.lower()) + 1, f"as of {m} {y}") for m, y in AS_OF.findall(line)]
            dated += [(int(y), int(m), f"截至 {y} 年 {m} 月") for y, m in JIEZHI.findall(line)]
            for year, month, said in dated:
                age = (today.year * 12 + today.month) - (year * 12 + month)
                if age > MAX_AGE_MONTHS:
                    errors.append(f"{display(path)}:{number}: '{said}' is {age} months old (more than "
                                  f"{MAX_AGE_MONTHS}): check the fact again and date it anew")
            for vague in AS_OF_WITHOUT_MONTH.findall(line) + JIEZHI_WITHOUT_MONTH.findall(line):
                errors.append(f"{display(path)}:{number}: '{vague.strip()}' needs a month: write "
                              "'as of November 2026' / '截至 2026 年 11 月'")
    return errors
