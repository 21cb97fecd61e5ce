"""The syntax the pages and examples are written in, parsed in one place.

- Markdown pages: fences (``` or ~~~, nested by length), headings with attributes
  (`### Question {#q-id .question data-difficulty="easy"}`; `.added` marks a question the site asks)
  and the `--8<-- "path.py"` lines that include a docs_src/ file into a Python fence.
- Code files (docs_src/*.py): the `# skip: reason` and `# budget: N s: reason` directives.
- Example notebooks (examples/*.py): jupytext percent files whose markdown cells carry
  `lang="zh"` / `lang="en"` and whose code cells are shared.

Every error is a `SourceError` whose message starts with `path:line:`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .layout import DEFAULT_BUDGET_S, display, languages


class SourceError(Exception):
    """A file breaks the syntax rules; the message starts with `path:line:`."""


def read_text(path: Path) -> str:
    """The file as UTF-8 text; a byte that is not UTF-8 is reported with its line and column."""
    data = path.read_bytes()
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(f"{display(path)}:{line}: not UTF-8 (byte 0x{data[exc.start]:02x} at column "
                          f"{column}); save the file as UTF-8") from None


# --- fences -------------------------------------------------------------------------------------

PYTHON = {"python", "py", "python3", "py3"}
# Shown to readers, never executed: what they type (console), configuration and output.
SHOWN = {
    "console", "text", "txt", "output", "yaml", "yml", "toml", "json", "ini", "cfg", "html", "css",
    "javascript", "js", "markdown", "md", "diff", "mermaid", "dockerfile", "bash", "sh", "shell",
}
OPENING = re.compile(r"^(\s*)(`{3,}|~{3,})\s*(.*?)\s*$")
INCLUDE = re.compile(r'^\s*--8<--\s+"([^"]+)"\s*$')
# pytest-codeblocks' markers: no longer read; a page that still has one gets told where its rule went.
OLD_MARKER = re.compile(r"^\s*<!--[-\s]*pytest[.-]")


@dataclass(frozen=True)
class Fence:
    line: int            # the opening fence, 1-based
    end: int             # the closing fence
    info: str            # the info string: `python title="x.py"`
    body: list[str]      # the lines between, indentation of the fence removed

    @property
    def language(self) -> str:
        """`python title="a.py"` -> `python`; `{.py .annotate}` -> `py`; none -> ``."""
        words = self.info.lstrip("{").split()
        return words[0].lstrip(".").lower() if words else ""

    @property
    def is_python(self) -> bool:
        return self.language in PYTHON

    def includes(self) -> list[str]:
        """The docs_src/ paths this fence includes, `:section` suffixes removed."""
        return [m.group(1).split(":")[0] for line in self.body if (m := INCLUDE.match(line))]


def fences(text: str, path: Path | str) -> list[Fence]:
    """Every top-level fence of a Markdown text. A fence closes only on the same character repeated
    at least as often, so a ```` fence can show ``` fences inside it."""
    found, lines, index = [], text.splitlines(), 0
    while index < len(lines):
        match = OPENING.match(lines[index])
        if not match:
            index += 1
            continue
        indent, marker, info = match.groups()
        for end in range(index + 1, len(lines)):
            close = OPENING.match(lines[end])
            if close and close.group(2)[0] == marker[0] and len(close.group(2)) >= len(marker) \
                    and not close.group(3):
                break
        else:
            raise SourceError(f"{display(path)}:{index + 1}: fence {marker} is never closed")
        body = [line[len(indent):] if line.startswith(indent) else line.lstrip() for line in lines[index + 1:end]]
        found.append(Fence(index + 1, end + 1, info, body))
        index = end + 1
    return found


def fenced_lines(text: str, path: Path | str) -> set[int]:
    """The 1-based numbers of the lines that belong to a fence, opening and closing included."""
    return {n for f in fences(text, path) for n in range(f.line, f.end + 1)}


# --- headings and questions ---------------------------------------------------------------------

HEADING = re.compile(r"^\s{0,8}(#{1,6})\s+(.*?)\s*$")
ATTRS = re.compile(r"\s*\{([^{}]*)\}\s*$")
# `$…$` (not `\$`): math, which a heading's plain-text copies (table of contents, index) cannot show.
MATH_IN_HEADING = re.compile(r"(?<!\\)\$[^$\s][^$]*\$")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    id: str
    line: int
    classes: tuple[str, ...] = ()
    data: dict = field(default_factory=dict, compare=False)

    @property
    def is_question(self) -> bool:
        return "question" in self.classes

    @property
    def difficulty(self) -> str | None:
        return self.data.get("difficulty")

    @property
    def added(self) -> bool:
        """Asked by the site, not by a source post (a follow-up): `{#q-id .question .added ...}`."""
        return "added" in self.classes


def headings(text: str, path: Path | str, first_line: int = 1) -> list[Heading]:
    """The headings of a Markdown text. Each needs an explicit id, unique on the page, so that links
    survive translation; `first_line` shifts line numbers for text that starts inside a file."""
    found, seen = [], {}
    inside = fenced_lines(text, path)
    for number, line in enumerate(text.splitlines(), start=1):
        match = None if number in inside else HEADING.match(line)
        if not match:
            continue
        where = f"{display(path)}:{number + first_line - 1}"
        attrs = ATTRS.search(match.group(2))
        words = attrs.group(1).split() if attrs else []
        ids = [w[1:] for w in words if w.startswith("#")]
        if not ids:
            raise SourceError(f"{where}: heading '{match.group(2)}' has no explicit id; write it as "
                              "'## Title {#some-id}' (the same id in every language)")
        if ids[0] in seen:
            raise SourceError(f"{where}: heading id #{ids[0]} is used twice on this page "
                              f"(first at line {seen[ids[0]]})")
        seen[ids[0]] = number + first_line - 1
        if MATH_IN_HEADING.search(match.group(2)[:attrs.start()]):
            raise SourceError(f"{where}: heading '{match.group(2)[:attrs.start()].strip()}' holds a formula; the "
                              "table of contents and the practice index show headings as plain text, so write "
                              "it in words or Unicode (ε, δ, 1 − (1 − p)^k)")
        data = dict(re.findall(r'data-([\w-]+)="?([^"\s]+)"?', attrs.group(1)))
        found.append(Heading(len(match.group(1)), match.group(2)[:attrs.start()].strip(), ids[0],
                             number + first_line - 1, tuple(w[1:] for w in words if w.startswith(".")), data))
    return found


def questions(found: list[Heading], path: Path | str) -> list[Heading]:
    """The question headings, each with a known difficulty or none (guides link to the answer)."""
    asked = [h for h in found if h.is_question]
    for h in asked:
        if h.difficulty not in (None, "easy", "medium", "hard"):
            raise SourceError(f"{display(path)}:{h.line}: question #{h.id} has difficulty "
                              f"'{h.difficulty}'; use easy, medium or hard")
    return asked


# --- page code files ----------------------------------------------------------------------------

DIRECTIVE = re.compile(r"^# (skip|budget):\s*(.*)$")
BUDGET = re.compile(r"^(\d+)\s*s:\s*(\S.*)$")


@dataclass(frozen=True)
class Directives:
    budget: int = DEFAULT_BUDGET_S
    skip: str | None = None


def directives(text: str, path: Path) -> Directives:
    """`# skip: reason` and `# budget: 120 s: reason`, in the comment lines a file starts with."""
    found = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.startswith("#"):
            break
        match = DIRECTIVE.match(line)
        if not match:
            continue
        kind, value = match.groups()
        if kind == "skip" and not value.strip():
            raise SourceError(f"{display(path)}:{number}: '# skip:' needs a reason, for example "
                              "'# skip: needs the network: downloads ImageNet weights'")
        if kind == "budget" and not BUDGET.match(value):
            raise SourceError(f"{display(path)}:{number}: write the budget as '# budget: 120 s: why it is slow'")
        found[kind] = value.strip() if kind == "skip" else int(BUDGET.match(value).group(1))
    return Directives(**found)


# --- example notebooks --------------------------------------------------------------------------

CELL_MARKER = re.compile(r'^# %%(?P<markdown> \[markdown\])?(?P<meta>(?:\s+[\w-]+="[^"]*")*)\s*$')


@dataclass
class Cell:
    kind: str            # "code" or "markdown"
    line: int            # the `# %%` marker line
    language: str | None
    source: str


@dataclass
class Notebook:
    path: Path
    metadata: dict
    cells: list[Cell]

    @property
    def slug(self) -> str:
        return self.path.stem

    def budget(self) -> int:
        budget = self.metadata.get("budget")
        if budget is None:
            return DEFAULT_BUDGET_S
        if not isinstance(budget, dict) or not budget.get("reason") or not isinstance(budget.get("seconds"), int):
            raise SourceError(f"{display(self.path)}:1: 'budget' in the header needs integer 'seconds' and a 'reason'")
        return budget["seconds"]

    def code(self) -> list[Cell]:
        return [c for c in self.cells if c.kind == "code"]


def _uncomment(lines: list[str], path: Path, first: int) -> str:
    out = []
    for offset, line in enumerate(lines):
        if line and not (line == "#" or line.startswith("# ")):
            raise SourceError(f"{display(path)}:{first + offset}: a markdown cell line must start with '# '")
        out.append(line[2:])
    return "\n".join(out).strip("\n")


def read_notebook(path: Path) -> Notebook:
    """A bilingual jupytext percent file: a `# ---` YAML header, then cells opened by `# %%`
    (code, shared) or `# %% [markdown] lang="xx"` (prose in one language)."""
    lines = read_text(path).splitlines()
    where = display(path)
    metadata: dict = {}
    start = 0
    if lines and lines[0] == "# ---":
        try:
            end = lines.index("# ---", 1)
        except ValueError:
            raise SourceError(f"{where}:1: the '# ---' header is never closed") from None
        try:
            metadata = yaml.safe_load("\n".join(line[2:] for line in lines[1:end])) or {}
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise SourceError(f"{where}:{2 + (mark.line if mark else 0)}: the header is not valid YAML: "
                              f"{getattr(exc, 'problem', exc)}") from None
        metadata = metadata.get("jupyter", metadata) if isinstance(metadata, dict) else {}
        start = end + 1
    markers = [i for i in range(start, len(lines)) if lines[i].startswith("# %%")]
    stray = next((i for i in range(start, markers[0] if markers else len(lines)) if lines[i].strip()), None)
    if stray is not None:
        raise SourceError(f"{where}:{stray + 1}: text before the first '# %%' cell marker")
    cells = []
    for index, begin in enumerate(markers):
        match = CELL_MARKER.match(lines[begin])
        if not match:
            raise SourceError(f"{where}:{begin + 1}: malformed cell marker '{lines[begin]}'; write '# %%' "
                              "for code or '# %% [markdown] lang=\"zh\"' for prose")
        meta = dict(re.findall(r'([\w-]+)="([^"]*)"', match.group("meta")))
        body = lines[begin + 1:markers[index + 1] if index + 1 < len(markers) else len(lines)]
        kind = "markdown" if match.group("markdown") else "code"
        source = _uncomment(body, path, begin + 2) if kind == "markdown" else "\n".join(body).strip("\n")
        cells.append(Cell(kind, begin + 1, meta.get("lang"), source))
    return Notebook(path, metadata, cells)


def check_languages(notebook: Notebook) -> None:
    """Code cells are shared; the prose between two code cells comes once per language, as
    adjacent cells in the site's language order, with the same headings and the same code."""
    where = display(notebook.path)
    order = languages()
    run: list[Cell] = []
    for cell in [*notebook.cells, None]:
        if cell is not None and cell.kind == "markdown":
            if cell.language not in order:
                raise SourceError(f"{where}:{cell.line}: markdown cell needs lang=\"...\", one of {', '.join(order)}")
            run.append(cell)
            continue
        if cell is not None and cell.language is not None:
            raise SourceError(f"{where}:{cell.line}: code cell has lang=\"{cell.language}\"; code is shared by "
                              "every language, only markdown cells carry a language")
        for group in range(0, len(run), len(order)):
            pair = run[group:group + len(order)]
            found = [c.language for c in pair]
            if found != list(order):
                missing = next(lang for lang in order if lang not in found) if set(found) != set(order) else order[0]
                raise SourceError(f"{where}:{pair[0].line}: markdown cell lang=\"{pair[0].language}\" has no "
                                  f"lang=\"{missing}\" twin beside it; prose cells come in adjacent groups "
                                  f"({', '.join(order)})")
            _compare_prose(pair, notebook.path)
        run = []


def _compare_prose(pair: list[Cell], path: Path) -> None:
    first = pair[0]
    first_heads = headings(first.source, path, first.line + 1)
    first_code = [(f.language, f.body) for f in fences(first.source, path)]
    for other in pair[1:]:
        heads = headings(other.source, path, other.line + 1)
        if [(h.level, h.id) for h in first_heads] != [(h.level, h.id) for h in heads]:
            raise SourceError(f"{display(path)}:{other.line}: the lang=\"{other.language}\" cell has headings "
                              f"{[f'h{h.level} #{h.id}' for h in heads]} where the lang=\"{first.language}\" cell at "
                              f"line {first.line} has {[f'h{h.level} #{h.id}' for h in first_heads]}")
        code = [(f.language, f.body) for f in fences(other.source, path)]
        shown = lambda fs: [f for f in fs if f[0] in PYTHON | {"console", "bash", "sh"}]  # noqa: E731
        if shown(first_code) != shown(code):
            raise SourceError(f"{display(path)}:{other.line}: code in the prose differs between lang=\"{first.language}\" "
                              f"(line {first.line}) and lang=\"{other.language}\": code is the same in every language; "
                              "put it in a code cell or write it identically in both")
