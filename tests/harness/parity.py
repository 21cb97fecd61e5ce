"""Compare a Chinese page (or notebook) with its English twin.

Twins have the same headings, at the same levels, with the same explicit ids; and the same code:
Python compared token by token without comments (string literals included: they stay identical),
commands and configuration compared exactly. Prose, comments and `text` fences are translated.
"""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass
from pathlib import Path

import jupytext

from hooks.notebooks import cell_lines

from .fences import PYTHON, Block, extract, fenced_lines
from .paths import display

HEADING = re.compile(r"^\s{0,8}(#{1,6})\s+(.*?)\s*$")
ATTRS = re.compile(r"\{([^{}]*)\}\s*$")
# Fences whose text readers type or copy: identical in both languages.
EXACT = {"console", "bash", "sh", "shell", "yaml", "yml", "toml", "json", "ini", "cfg", "dockerfile"}


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    line: int


def headings(text: str, path: Path | str) -> tuple[list[Heading], list[str]]:
    """The headings of a Markdown text, and an error for each heading without an explicit id."""
    found, errors = [], []
    lines = text.splitlines()
    for number, (line, fenced) in enumerate(zip(lines, fenced_lines(lines)), start=1):
        match = None if fenced else HEADING.match(line)
        if not match:
            continue
        attrs = ATTRS.search(match.group(2))
        anchor = re.search(r"#([\w-]+)", attrs.group(1)) if attrs else None
        if anchor is None:
            errors.append(f"{path}:{number}: heading '{match.group(2)}' has no explicit id; "
                          "write it as '## Title {#some-id}' (same id in both languages)")
            continue
        found.append(Heading(len(match.group(1)), anchor.group(1), number))
    return found, errors


def python_tokens(code: str) -> list[tuple[int, str]]:
    """Tokens of Python code without comments and blank lines; raw lines if it does not tokenize."""
    try:
        return [(t.type, t.string) for t in tokenize.generate_tokens(io.StringIO(code).readline)
                if t.type not in (tokenize.COMMENT, tokenize.NL)]
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return [(0, line) for line in code.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def same_code(language: str, zh: str, en: str) -> bool:
    if language in PYTHON:
        return python_tokens(zh) == python_tokens(en)
    if language in EXACT:
        return zh.strip() == en.strip()
    return True


def compare_headings(zh: list[Heading], en: list[Heading], zh_path, en_path) -> list[str]:
    for a, b in zip(zh, en):
        if (a.level, a.id) != (b.level, b.id):
            return [f"{zh_path}:{a.line} has heading h{a.level} #{a.id} where "
                    f"{en_path}:{b.line} has h{b.level} #{b.id}"]
    if len(zh) != len(en):
        longer, path = (zh, zh_path) if len(zh) > len(en) else (en, en_path)
        extra = longer[min(len(zh), len(en))]
        return [f"{path}:{extra.line}: heading #{extra.id} has no counterpart in the other language "
                f"({len(zh)} headings in {zh_path}, {len(en)} in {en_path})"]
    return []


def compare_blocks(zh: list[Block], en: list[Block], zh_path, en_path) -> list[str]:
    errors = []
    zh_code = [b for b in zh if b.language in PYTHON | EXACT]
    en_code = [b for b in en if b.language in PYTHON | EXACT]
    for a, b in zip(zh_code, en_code):
        if a.language != b.language or not same_code(a.language, a.code, b.code):
            errors.append(f"{zh_path}:{a.lineno} and {en_path}:{b.lineno}: code differs "
                          "(only comments may be translated)")
    if len(zh_code) != len(en_code):
        errors.append(f"{zh_path} has {len(zh_code)} code blocks, {en_path} has {len(en_code)}")
    return errors


def compare_pages(zh_file: Path, en_file: Path) -> list[str]:
    zh_path, en_path = Path(display(zh_file)), Path(display(en_file))
    zh_heads, zh_errors = headings(zh_file.read_text(encoding="utf-8"), zh_path)
    en_heads, en_errors = headings(en_file.read_text(encoding="utf-8"), en_path)
    errors = zh_errors + en_errors
    errors += compare_headings(zh_heads, en_heads, zh_path, en_path)
    errors += compare_blocks(extract(zh_file), extract(en_file), zh_path, en_path)
    return errors


def compare_notebooks(zh_file: Path, en_file: Path) -> list[str]:
    zh_path, en_path = display(zh_file), display(en_file)
    zh_nb = jupytext.read(zh_file, fmt="py:percent")
    en_nb = jupytext.read(en_file, fmt="py:percent")
    kinds = [c.cell_type for c in zh_nb.cells], [c.cell_type for c in en_nb.cells]
    if kinds[0] != kinds[1]:
        return [f"{zh_path} and {en_path}: cells differ in number or kind "
                f"({len(kinds[0])} cells {''.join(k[0] for k in kinds[0])} vs "
                f"{len(kinds[1])} cells {''.join(k[0] for k in kinds[1])}; m=markdown, c=code)"]
    errors = []
    for index, (a, b) in enumerate(zip(zh_nb.cells, en_nb.cells), start=1):
        if a.cell_type == "code" and not same_code("python", a.source, b.source):
            errors.append(f"{zh_path} and {en_path}: code cell {index} differs "
                          "(only comments may be translated)")
    zh_heads, zh_errors = _notebook_headings(zh_nb, zh_file)
    en_heads, en_errors = _notebook_headings(en_nb, en_file)
    errors += zh_errors + en_errors + compare_headings(zh_heads, en_heads, zh_path, en_path)
    return errors


def _notebook_headings(notebook, path: Path) -> tuple[list[Heading], list[str]]:
    """Headings of the markdown cells, with the line numbers of the percent-format source."""
    found, errors = [], []
    for cell, marker in zip(notebook.cells, cell_lines(path)):
        if cell.cell_type != "markdown":
            continue
        cell_heads, cell_errors = headings(cell.source, display(path))
        found += [Heading(h.level, h.id, marker + h.line) for h in cell_heads]
        errors += [re.sub(r":(\d+):", lambda m: f":{marker + int(m.group(1))}:", e, count=1) for e in cell_errors]
    return found, errors
