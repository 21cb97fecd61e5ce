"""Execute the example notebooks and write the executed copies the site renders.

Sources are jupytext percent files, `examples/<lang>/<slug>.py`. Each is executed top to bottom in a
fresh kernel (a failing cell stops the run and raises `NotebookFailed`, naming the file and line),
stamped with the versions and the device it ran on, and written to `docs/<lang>/examples/<slug>.ipynb`,
which mkdocs-jupyter renders without executing again.

`python -m hooks.notebooks` executes the notebooks whose source changed since their last run
(used by `make serve` and `make build`); the tests always execute every notebook.
"""

from __future__ import annotations

import argparse
import datetime
import hashlib
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
from nbclient import NotebookClient
from traitlets.config import Config
from nbclient.exceptions import CellExecutionError, CellTimeoutError

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("zh", "en")
DEFAULT_BUDGET_S = 60

# One explicit id per heading, as on the Markdown pages: `## 数据 {#data}`.
HEADING_WITH_ID = re.compile(r"^(#{1,6})\s+(.+?)\s*\{#([A-Za-z0-9_-]+)\}\s*$")
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
CELL_MARKER = re.compile(r"^# %%")

# The stamp is the notebook's last cell, written from what the run measured.
STAMP_TEXT = {
    "zh": "**验证记录：** {date} 在 {device} 上运行通过（用时 {seconds:.1f} 秒）· "
    "Python {python} · TensorFlow {tensorflow} · Keras {keras} · scikit-learn {sklearn}",
    "en": "**Verified:** ran on {device} on {date} in {seconds:.1f} s · "
    "Python {python} · TensorFlow {tensorflow} · Keras {keras} · scikit-learn {sklearn}",
}

# Runs in the notebook's own kernel after the last cell, so it reports that process's devices.
# It imports TensorFlow only if the notebook already did: a scikit-learn example ran on the CPU.
PROBE = r"""
import json as _json, platform as _platform, sys as _sys
from importlib import metadata as _md

def _version(*names):
    for name in names:
        try:
            return _md.version(name)
        except _md.PackageNotFoundError:
            pass
    return "not installed"

_device = "CPU"
if "tensorflow" in _sys.modules:
    _tf = _sys.modules["tensorflow"]
    _gpus = _tf.config.list_physical_devices("GPU")
    if _gpus:
        _names = [_tf.config.experimental.get_device_details(g).get("device_name", g.name) for g in _gpus]
        _device = "GPU: " + ", ".join(_names)
print(_json.dumps({
    "device": _device,
    "python": _platform.python_version(),
    "tensorflow": _version("tensorflow", "tensorflow-cpu"),
    "keras": _version("keras"),
    "sklearn": _version("scikit-learn"),
}))
"""


def shown(path: Path | str) -> str:
    """A path as messages show it: relative to the repository root, as a maintainer opens it."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


class NotebookFailed(Exception):
    """A notebook could not be read or one of its cells failed; the message names file and line."""


@dataclass(frozen=True)
class Example:
    lang: str
    slug: str
    source: Path

    @property
    def output(self) -> Path:
        """`examples/<lang>/<slug>.py` renders from `docs/<lang>/examples/<slug>.ipynb` beside it."""
        return self.source.parents[2] / "docs" / self.lang / "examples" / f"{self.slug}.ipynb"

    @property
    def name(self) -> str:
        return shown(self.source)


@dataclass
class Run:
    example: Example
    seconds: float
    stamp: dict
    notebook: nbformat.NotebookNode


def discover(examples_dir: Path = ROOT / "examples") -> list[Example]:
    return [
        Example(lang, path.stem, path)
        for lang in LANGUAGES
        for path in sorted((examples_dir / lang).glob("*.py"))
    ]


def cell_lines(source: Path) -> list[int]:
    """Line number (1-based) of the `# %%` marker that opens each cell, in cell order."""
    text = source.read_text(encoding="utf-8")
    header_end = 0
    lines = text.splitlines()
    if lines and lines[0] == "# ---":
        header_end = lines.index("# ---", 1) + 1
    markers = [i + 1 for i, line in enumerate(lines) if CELL_MARKER.match(line)]
    stray = [i + 1 for i, line in enumerate(lines[header_end:], start=header_end)
             if line.strip() and (not markers or i + 1 < markers[0])]
    if stray:
        raise NotebookFailed(f"{shown(source)}:{stray[0]}: text before the first '# %%' cell marker; "
                             "every cell must start with '# %%' or '# %% [markdown]'")
    return markers


def load(source: Path) -> tuple[nbformat.NotebookNode, list[int]]:
    try:
        notebook = jupytext.read(source, fmt="py:percent")
    except Exception as exc:  # jupytext raises several types; all mean the same to a reader
        raise NotebookFailed(f"{shown(source)}:1: cannot read as a jupytext percent notebook: "
                             f"{type(exc).__name__}: {exc}") from exc
    lines = cell_lines(source)
    if len(lines) != len(notebook.cells):
        raise NotebookFailed(f"{shown(source)}:1: found {len(lines)} '# %%' markers but jupytext read "
                             f"{len(notebook.cells)} cells")
    return notebook, lines


def budget_seconds(notebook: nbformat.NotebookNode, source: Path) -> int:
    """60 s, or the budget the notebook declares with a reason in its jupytext header."""
    budget = notebook.metadata.get("budget")
    if budget is None:
        return DEFAULT_BUDGET_S
    if not isinstance(budget, dict) or not budget.get("reason") or not isinstance(budget.get("seconds"), int):
        raise NotebookFailed(f"{shown(source)}:1: 'budget' in the header needs integer 'seconds' and a 'reason'")
    return budget["seconds"]


def _failure(source: str, lines: list[int], notebook, index: int) -> NotebookFailed:
    cell = notebook.cells[index]
    error = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)
    offset = lines[index]  # the marker line: line k of the cell is line offset + k of the file
    if error is None:
        return NotebookFailed(f"{source}:{offset}: cell {index + 1} failed without an error output")
    trace, innermost = _map_cell_frames(ANSI.sub("", "\n".join(error["traceback"])), source, offset)
    return NotebookFailed(
        f"{source}:{innermost}: {error['ename']}: {error['evalue']}\n"
        f"(cell {index + 1}, which starts at line {offset})\n{trace}"
    )


def _map_cell_frames(trace: str, source: str, offset: int) -> tuple[str, int]:
    """Point IPython's `Cell In[n], line k` frames at the source file; return the innermost line."""
    innermost = offset
    in_cell = False
    out = []
    for line in trace.splitlines():
        header = re.match(r"^Cell In\[\d+\], line (\d+)", line)
        if header:
            in_cell = True
            innermost = offset + int(header.group(1))
            line = f"{source}:{innermost} ({line})"
        elif re.match(r"^File |^\S", line):
            in_cell = False
        elif in_cell:
            arrow = re.match(r"^(-*>)?\s*(\d+)( .*)?$", line)
            if arrow:
                line = f"{line}    [{source}:{offset + int(arrow.group(2))}]" if arrow.group(1) else line
        out.append(line)
    return "\n".join(out), innermost


def execute(example: Example, timeout: int | None = None) -> Run:
    notebook, lines = load(example.source)
    budget = timeout or budget_seconds(notebook, example.source)
    with tempfile.TemporaryDirectory(prefix="kernel-") as sockets:
        client = NotebookClient(
            notebook,
            timeout=budget,
            kernel_name="python3",
            allow_errors=False,
            # IPC sockets: the default TCP transport makes the kernel print a warning at every start.
            config=Config({"KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "ipc")}}),
            resources={"metadata": {"path": str(example.source.parent)}},
        )
        seconds, stamp = _run_cells(client, notebook, lines, example.name, budget)
    return Run(example, seconds, stamp, notebook)


def _kernel_env() -> dict[str, str]:
    """The kernel inherits our environment, except a headless MPLBACKEND (the test process sets
    Agg): inside a notebook that backend would swallow every figure instead of showing it inline."""
    env = dict(os.environ)
    env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
    return env


def _run_cells(client: NotebookClient, notebook, lines: list[int], source: str, budget: int):
    started = time.perf_counter()
    with client.setup_kernel(env=_kernel_env()):
        for index, cell in enumerate(notebook.cells):
            try:
                client.execute_cell(cell, index)
            except CellTimeoutError as exc:
                raise NotebookFailed(
                    f"{source}:{lines[index]}: cell {index + 1} ran past the notebook's "
                    f"budget of {budget} s") from exc
            except CellExecutionError:
                raise _failure(source, lines, notebook, index) from None
            if time.perf_counter() - started > budget:
                raise NotebookFailed(
                    f"{source}:{lines[index]}: the notebook ran past its budget of "
                    f"{budget} s (declare a larger 'budget' with a reason in its header)")
        seconds = time.perf_counter() - started
        probe = nbformat.v4.new_code_cell(PROBE)
        notebook.cells.append(probe)
        client.execute_cell(probe, len(notebook.cells) - 1)
        notebook.cells.pop()
    return seconds, json.loads(probe.outputs[-1]["text"].strip().splitlines()[-1])


def _html_headings(cell_source: str) -> str:
    """`## 数据 {#data}` -> `<h2 id="data">数据</h2>`: nbconvert would slug the text (ASCII only)."""

    def heading(line: str) -> str:
        match = HEADING_WITH_ID.match(line)
        if not match:
            return line
        level = len(match.group(1))
        return f'<h{level} id="{match.group(3)}">{match.group(2)}</h{level}>'

    return "\n".join(heading(line) for line in cell_source.splitlines())


def source_digest(source: Path) -> str:
    return hashlib.sha256(source.read_bytes()).hexdigest()


def write(run: Run) -> Path:
    notebook = run.notebook
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            cell.source = _html_headings(cell.source)
    fields = dict(run.stamp, seconds=run.seconds, date=datetime.date.today().isoformat())
    notebook.cells.append(nbformat.v4.new_markdown_cell(STAMP_TEXT[run.example.lang].format(**fields)))
    notebook.metadata["verified"] = fields
    notebook.metadata["source_sha256"] = source_digest(run.example.source)
    notebook.metadata.pop("jupytext", None)
    run.example.output.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(notebook, run.example.output)
    return run.example.output


def is_fresh(example: Example) -> bool:
    if not example.output.exists():
        return False
    written = nbformat.read(example.output, as_version=4)
    return written.metadata.get("source_sha256") == source_digest(example.source)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--force", action="store_true", help="execute even unchanged notebooks")
    args = parser.parse_args(argv)
    failed = 0
    for example in discover():
        if not args.force and is_fresh(example):
            continue
        try:
            run = execute(example)
        except NotebookFailed as exc:
            failed += 1
            print(f"FAILED {exc}", file=sys.stderr)
            continue
        print(f"executed {example.name} in {run.seconds:.1f} s on {run.stamp['device']}")
        write(run)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
