"""MkDocs hook: the practice index, generated from the question headings of the pages.

`practice.md` holds the marker `<!-- question-index -->`; it becomes a table of every question of
the question bank and the coding problems (heading, topic, difficulty, link to the answer), with
filters by topic and difficulty (overrides/assets/javascripts/practice.js). Nothing is typed by
hand, so a new question appears in the index as soon as its page has it. Every question heading
also gets its difficulty's label in the page's language, for the badge, and a question the site
adds (`.added`: a follow-up no source post asks) the label that says so, in the badge and in the
index. The labels are in mkdocs.yml (`extra.ui` of each language).

Counts are generated too, never typed: `<!-- questions: interview/cnn.md -->` becomes the number of
questions on that page, `<!-- questions: interview -->` the bank's total, and `<!-- questions:
interview added -->` / `<!-- questions: interview asked -->` the questions the site adds / the
source posts ask.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from handbook.grammar import headings, questions, read_text

MARKER = "<!-- question-index -->"
COUNT = re.compile(r"<!-- questions: ([\w/.-]+?)(?: (added|asked))? -->")
SOURCES = ("interview/*.md", "coding/*.md")


def bank(language_root: Path) -> list[dict]:
    """The questions of the question bank and the coding problems that carry a difficulty, in
    page order, with their topic (the page's h1) and URL."""
    found = []
    for pattern in SOURCES:
        for page in sorted(language_root.glob(pattern)):
            heads = headings(read_text(page), page)
            topic = next((h.text for h in heads if h.level == 1), "")
            # The page's URL as MkDocs writes it: coding/index.md is coding/, interview/cnn.md interview/cnn/.
            path = page.relative_to(language_root)
            url = (path.parent if path.stem == "index" else path.with_suffix("")).as_posix()
            found += [{"text": q.text, "topic": topic, "difficulty": q.difficulty, "url": f"{url}/#{q.id}",
                       "added": q.added}
                      for q in questions(heads, page) if q.difficulty]
    return found


def table(rows: list[dict], strings: dict) -> str:
    labels = {**strings["practice"], **strings["difficulty"]}
    added = f' <span class="added-mark">{html.escape(strings["added"])}</span>'
    body = "\n".join(
        f'<tr data-topic="{html.escape(r["topic"])}" data-difficulty="{r["difficulty"]}">'
        f'<td><a href="../{r["url"]}">{html.escape(r["text"])}</a>{added if r["added"] else ""}</td>'
        f'<td>{html.escape(r["topic"])}</td>'
        f'<td><span class="difficulty difficulty--{r["difficulty"]}">{labels[r["difficulty"]]}</span></td></tr>'
        for r in rows
    )
    data = " ".join(f'data-label-{key}="{html.escape(value)}"' for key, value in labels.items())
    return (
        f'<div class="question-index" {data}>\n'
        f'<table>\n<thead><tr><th>{labels["question"]}</th><th>{labels["topic"]}</th>'
        f'<th>{labels["difficulty"]}</th></tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>'
    )


def labelled(markdown: str, path: str, strings: dict) -> str:
    """Each question heading also carries its difficulty's label in the page's language, and an
    added question the label that says so, which the badge shows (extra.css: `attr(...)`)."""
    lines = markdown.splitlines()
    for heading in questions(headings(markdown, path), path):
        if heading.difficulty in strings["difficulty"]:
            line = lines[heading.line - 1].rstrip()
            added = f' data-added-label="{strings["added"]}"' if heading.added else ""
            lines[heading.line - 1] = (f'{line[:-1]} data-difficulty-label="{strings["difficulty"][heading.difficulty]}"'
                                       f'{added}}}')
    return "\n".join(lines) + ("\n" if markdown.endswith("\n") else "")


def on_page_markdown(markdown, page, config, files):
    markdown = labelled(markdown, page.file.src_uri, config.extra["ui"])
    if MARKER not in markdown and not COUNT.search(markdown):
        return markdown
    language = config.plugins["i18n"].current_language
    rows = bank(Path(config.docs_dir) / language)
    markdown = COUNT.sub(lambda match: str(count(rows, *match.groups())), markdown)
    return markdown.replace(MARKER, table(rows, config.extra["ui"]))


def count(rows: list[dict], where: str, which: str | None) -> int:
    """The questions on one page (`interview/cnn.md`) or under a folder (`interview`)."""
    prefix = where.removesuffix(".md") + "/" if where.endswith(".md") else where.rstrip("/") + "/"
    chosen = [r for r in rows if r["url"].startswith(prefix)
              and (which is None or r["added"] == (which == "added"))]
    if not chosen and which is None:
        raise ValueError(f"<!-- questions: {where} --> matches no question page")
    return len(chosen)
