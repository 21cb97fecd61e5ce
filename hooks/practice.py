"""MkDocs hook: the practice index, generated from the question headings of the pages.

`practice.md` holds the marker `<!-- question-index -->`; it becomes a table of every question of
the question bank and the coding problems (heading, topic, difficulty, link to the answer), with
filters by topic and difficulty (overrides/assets/javascripts/practice.js). Nothing is typed by
hand, so a new question appears in the index as soon as its page has it.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

MARKER = "<!-- question-index -->"
SOURCES = ("interview/*.md", "coding/*.md")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*\{([^{}]*)\}\s*$")
LABELS = {
    "zh": {"question": "问题", "topic": "主题", "difficulty": "难度", "all": "全部",
           "easy": "简单", "medium": "中等", "hard": "困难", "count": "道题"},
    "en": {"question": "Question", "topic": "Topic", "difficulty": "Difficulty", "all": "All",
           "easy": "easy", "medium": "medium", "hard": "hard", "count": "questions"},
}


def page_questions(page: Path) -> list[dict]:
    """Every heading of a page with the `.question` class, in order, with its topic (the page's
    h1) and its difficulty (None on guide pages, which link to the answer instead)."""
    found, topic, in_fence = [], None, False
    for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        match = None if in_fence else HEADING.match(line)
        if not match:
            continue
        attrs = match.group(3)
        if len(match.group(1)) == 1:
            topic = match.group(2)
        anchor = re.search(r"#([\w-]+)", attrs)
        if ".question" in attrs.split() and anchor:
            difficulty = re.search(r'data-difficulty="?(easy|medium|hard)"?', attrs)
            found.append({"text": match.group(2), "topic": topic, "id": anchor.group(1), "line": number,
                          "difficulty": difficulty.group(1) if difficulty else None})
    return found


def questions(language_root: Path) -> list[dict]:
    """The questions of the question bank and the coding problems, in page order, with their URL."""
    found = []
    for pattern in SOURCES:
        for page in sorted(language_root.glob(pattern)):
            # The page's URL as MkDocs writes it: coding/index.md is coding/, interview/cnn.md interview/cnn/.
            path = page.relative_to(language_root)
            url = (path.parent if path.stem == "index" else path.with_suffix("")).as_posix()
            found += [dict(q, url=f"{url}/#{q['id']}") for q in page_questions(page) if q["difficulty"]]
    return found


def table(rows: list[dict], language: str) -> str:
    labels = LABELS[language]
    body = "\n".join(
        f'<tr data-topic="{html.escape(r["topic"])}" data-difficulty="{r["difficulty"]}">'
        f'<td><a href="../{r["url"]}">{html.escape(r["text"])}</a></td>'
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


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    language = Path(page.file.src_uri).parts[0]
    rows = questions(Path(config.docs_dir) / language)
    return markdown.replace(MARKER, table(rows, language))
