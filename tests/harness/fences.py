"""Find the fenced code blocks of the Markdown pages and decide what happens to each.

pytest-codeblocks' extractor reads the fences and their markers. On top of it this module
- recognises every Python fence, whatever its info string (`python`, `py`, `python title="x.py"`,
  indented inside admonitions and tabs), where pytest-codeblocks itself runs only `python`;
- keeps the line of every fence a `cont` block is made of, so tracebacks point into the page;
- enforces the conventions page: a Python fence is executed or skipped with a written reason,
  every other fence is in a language we show but never run, and a fence the extractor cannot see
  (`~~~`) is an error rather than a silently untested block.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from pytest_codeblocks import extract_from_buffer

PYTHON = {"python", "py", "python3", "py3"}
# Shown to readers, never executed: what they type (console, shell), configuration and output.
SHOWN = {
    "console", "bash", "sh", "shell", "text", "txt", "output", "yaml", "yml", "toml", "json",
    "ini", "cfg", "html", "css", "javascript", "js", "markdown", "md", "diff", "mermaid", "dockerfile",
}
CONT_MARKER = re.compile(r"^\s*<!--[-\s]*pytest-codeblocks:cont[-\s]*-->\s*$")


class FenceError(Exception):
    """A page breaks the fence conventions; the message starts with `file:line:`."""


@dataclass(frozen=True)
class Segment:
    """One fence's code and the line of its opening fence (code starts on the next line)."""

    lineno: int
    code: str


@dataclass
class Block:
    path: Path
    lineno: int
    language: str
    segments: list[Segment]
    marks: list[pytest.MarkDecorator] = field(default_factory=list)
    expected_output: str | None = None

    @property
    def code(self) -> str:
        return "".join(s.code for s in self.segments)

    @property
    def is_python(self) -> bool:
        return self.language in PYTHON

    def mark(self, name: str) -> pytest.MarkDecorator | None:
        return next((m for m in self.marks if m.name == name), None)


def fenced_lines(lines: list[str]) -> list[bool]:
    """For each line, whether it belongs to a fence (opening and closing lines included)."""
    return fence_structure(lines)[0]


def fence_structure(lines: list[str]) -> tuple[list[bool], list[tuple[int, str]]]:
    """Which lines belong to a fence, and the (index, marker) of each top-level fence opening.

    A fence closes only on the same character repeated at least as often as it opened, so a
    ```` fence can show ``` fences inside it.
    """
    mask, openers, opened = [], [], None
    for index, line in enumerate(lines):
        match = re.match(r"^\s*(`{3,}|~{3,})", line)
        if opened is None and match:
            opened = match.group(1)
            openers.append((index, opened))
            mask.append(True)
        elif opened is not None:
            mask.append(True)
            if match and match.group(1)[0] == opened[0] and len(match.group(1)) >= len(opened) \
                    and not line.strip()[len(match.group(1)):].strip():
                opened = None
        else:
            mask.append(False)
    return mask, openers


def language_of(info: str | None) -> str:
    """`python title="a.py"` -> `python`; `{.py .annotate}` -> `py`; no info string -> ``."""
    words = (info or "").strip().lstrip("{").split()
    return words[0].lstrip(".").lower() if words else ""


def _marks(path: Path, lineno: int, texts: list[str]) -> list[pytest.MarkDecorator]:
    marks = []
    for text in texts:
        try:
            mark = eval(text, {"pytest": pytest})  # the extractor hands us `pytest.mark.x(...)`
        except Exception as exc:
            raise FenceError(f"{path}:{lineno}: cannot read the marker <!--{text}-->: {exc}") from exc
        marks.append(mark)
    return marks


def extract(path: Path) -> list[Block]:
    """Every fence of a Markdown page as a Block, `cont` fences joined to the block they extend."""
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    inside, openers = fence_structure(lines)
    for index, marker in openers:
        if marker.startswith("~"):
            raise FenceError(f"{path}:{index + 1}: '~~~' fences are invisible to the test harness; "
                             "use backtick fences (```)")
    try:
        joined = extract_from_buffer(io.StringIO(text))
        # The same page with its cont markers blanked gives each fence on its own, with its line.
        alone = extract_from_buffer(io.StringIO("".join(
            "\n" if CONT_MARKER.match(line) and not fenced else line
            for line, fenced in zip(lines, inside))))
    except RuntimeError as exc:
        raise FenceError(f"{path}:1: {exc}") from exc

    blocks, queue = [], list(alone)
    for whole in joined:
        segments = []
        while "".join(s.code for s in segments) != whole.code:
            if not queue:
                raise FenceError(f"{path}:{whole.lineno}: cannot match the fences of this block")
            part = queue.pop(0)
            segments.append(Segment(part.lineno, part.code))
        blocks.append(Block(
            path=path,
            lineno=whole.lineno,
            language=language_of(whole.syntax),
            segments=segments,
            marks=_marks(path, whole.lineno, whole.marks),
            expected_output=whole.expected_output,
        ))
    return blocks


def check(block: Block) -> None:
    """Raise FenceError where a fence breaks the conventions."""
    where = f"{block.path}:{block.lineno}"
    if not block.language:
        raise FenceError(f"{where}: fence without a language; use ```text for plain text")
    if not block.is_python:
        if block.language not in SHOWN:
            raise FenceError(f"{where}: fence language '{block.language}' is neither Python (executed) "
                             f"nor a shown-only language ({', '.join(sorted(SHOWN))})")
        return
    skip = block.mark("skip")
    if skip is not None and not (skip.kwargs.get("reason") or (skip.args and skip.args[0])):
        raise FenceError(f"{where}: Python fence is skipped without a reason; write "
                         '<!--pytest.mark.skip(reason="why it cannot run here")-->')
    budget = block.mark("budget")
    if budget is not None and not (budget.args and budget.kwargs.get("reason")):
        raise FenceError(f"{where}: budget marker needs seconds and a reason: "
                         '<!--pytest.mark.budget(120, reason="why it is slow")-->')
    unknown = [m.name for m in block.marks if m.name not in {"skip", "budget"}]
    if unknown:
        raise FenceError(f"{where}: unsupported marker(s) {unknown}; use skip(reason=...) or budget(...)")


def pages(docs: Path) -> list[Path]:
    return sorted(docs.rglob("*.md"))
