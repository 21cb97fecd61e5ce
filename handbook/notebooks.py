"""Execute an example notebook once, and write one rendered copy per language from that run.

`execute` runs in the program's own process (handbook/child.py): the shared code cells in a fresh
kernel, a failing cell reported with the file and line it starts on. `render` then takes the run's
outputs and the current prose of one language: a prose edit needs no new run, and every language
shows the outputs and plots of the same run.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import tempfile
import time
from pathlib import Path

import nbformat

from .grammar import Notebook, headings, read_notebook
from .layout import display, ui

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

PROBE = "import json as _j\nfrom handbook.device import describe as _d, versions as _v\nprint(_j.dumps({'device': _d(), **_v()}))"


class CellFailed(Exception):
    """A cell failed; `report` is the message, `line` the source line it points at."""

    def __init__(self, report: str, line: int):
        super().__init__(report)
        self.report, self.line = report, line


def execute(source: Path) -> dict:
    """Run the code cells of one notebook in a fresh kernel; return their outputs and the stamp."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from traitlets.config import Config

    notebook = read_notebook(source)
    budget = notebook.budget()
    cells = [nbformat.v4.new_code_cell(c.source) for c in notebook.code()]
    runnable = nbformat.v4.new_notebook(cells=cells, metadata={"kernelspec": {"name": "python3", "language": "python",
                                                                              "display_name": "Python 3"}})
    where = display(source)
    # Inline figures inside the kernel; the caller's headless MPLBACKEND would swallow them.
    env = dict(os.environ, MPLBACKEND="module://matplotlib_inline.backend_inline")
    with tempfile.TemporaryDirectory(prefix="kernel-") as sockets:
        # IPC sockets: the default TCP transport makes the kernel print a warning at every start.
        config = Config({"KernelManager": {"transport": "ipc", "ip": str(Path(sockets) / "ipc")}})
        client = NotebookClient(
            runnable, timeout=budget, kernel_name="python3", allow_errors=False, config=config,
            km=_forked_kernel(config, env, Path(sockets)) if _warm() else None,
            resources={"metadata": {"path": os.getcwd()}},
        )
        started = time.perf_counter()
        # The cells' outputs are what Python writes (prints, warnings, tracebacks). C libraries' own
        # log lines written straight to file descriptor 2 (TensorFlow's converter) stay out of the
        # page and its stderr check, as they did when the tests ran notebooks inside pytest.
        client.extra_arguments = ["--IPKernelApp.capture_fd_output=False"]
        with client.setup_kernel(env=env):
            for index, (cell, origin) in enumerate(zip(cells, notebook.code())):
                try:
                    client.execute_cell(cell, index)
                except CellTimeoutError:
                    raise CellFailed(f"{where}:{origin.line}: cell {index + 1} ran past the notebook's budget of "
                                     f"{budget} s", origin.line) from None
                except DeadKernelError:
                    raise CellFailed(f"{where}:{origin.line}: the kernel died while running this cell (it exited, "
                                     "was killed by a signal, or ran out of its memory cap)", origin.line) from None
                except CellExecutionError:
                    raise _failure(where, origin.line, cell, index) from None
                if time.perf_counter() - started > budget:
                    raise CellFailed(f"{where}:{origin.line}: the notebook ran past its budget of {budget} s "
                                     "(declare a larger 'budget' with a reason in its header)", origin.line)
            seconds = time.perf_counter() - started
            probe = nbformat.v4.new_code_cell(PROBE)
            runnable.cells.append(probe)
            client.execute_cell(probe, len(runnable.cells) - 1)
    stamp = json.loads(probe.outputs[-1]["text"].strip().splitlines()[-1])
    return {"seconds": seconds, "device": stamp["device"], "stamp": stamp,
            "outputs": [c.outputs for c in cells], "execution_counts": [c.execution_count for c in cells]}


def _warm() -> bool:
    """Forked from the zygote (handbook/zygote.py), with the kernel already imported."""
    import sys

    return "ipykernel.kernelapp" in sys.modules


def _forked_kernel(config, env: dict, sockets: Path):
    """A kernel forked from this warm process, in its session (it goes when the program's session
    is killed), under its memory cap; a new interpreter would import TensorFlow all over again."""
    import signal

    from jupyter_client.manager import AsyncKernelManager
    from jupyter_client.provisioning.local_provisioner import LocalProvisioner

    manager = AsyncKernelManager(kernel_name="python3", config=config, connection_file=str(sockets / "kernel.json"))
    manager.write_connection_file()
    pid = os.fork()
    if pid == 0:
        os.environ.update(env)
        try:
            from ipykernel.kernelapp import IPKernelApp

            app = IPKernelApp.instance()
            app.initialize(["-f", manager.connection_file, "--IPKernelApp.capture_fd_output=False"])
            # TensorFlow imported pyplot in the zygote, with the scripts' headless backend; a
            # new kernel would have picked the inline one from MPLBACKEND when it imported it.
            app.shell.enable_matplotlib("inline")
            app.start()
        finally:
            from .child import REAL_EXIT

            REAL_EXIT(0)  # a forked kernel never returns into the executor's stack

    class Forked:
        """The part of Popen that jupyter_client's provisioner calls."""

        returncode = None

        def poll(self):
            if self.returncode is None:
                done, status = os.waitpid(pid, os.WNOHANG)
                if done:
                    self.returncode = os.waitstatus_to_exitcode(status)
            return self.returncode

        def wait(self, timeout=None):
            if self.returncode is None:
                self.returncode = os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
            return self.returncode

        def send_signal(self, signum):
            if self.poll() is None:
                os.kill(pid, signum)

        def kill(self):
            self.send_signal(signal.SIGKILL)

        def terminate(self):
            self.send_signal(signal.SIGTERM)

    provisioner = LocalProvisioner(kernel_id="forked", kernel_spec=manager.kernel_spec, parent=manager)
    provisioner.process, provisioner.pid = Forked(), pid
    manager.provisioner = provisioner
    return manager


def _failure(where: str, offset: int, cell, index: int) -> CellFailed:
    error = next((o for o in cell.get("outputs", []) if o.get("output_type") == "error"), None)
    if error is None:
        return CellFailed(f"{where}:{offset}: cell {index + 1} failed without an error output", offset)
    trace, innermost = _map_cell_frames(ANSI.sub("", "\n".join(error["traceback"])), where, offset)
    return CellFailed(f"{where}:{innermost}: {error['ename']}: {error['evalue']}\n"
                      f"(cell {index + 1}, which starts at line {offset})\n{trace}", innermost)


def _map_cell_frames(trace: str, source: str, offset: int) -> tuple[str, int]:
    """Point IPython's `Cell In[n], line k` frames at the source file; return the innermost line."""
    innermost, in_cell, out = offset, False, []
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
            if arrow and arrow.group(1):
                line = f"{line}    [{source}:{offset + int(arrow.group(2))}]"
        out.append(line)
    return "\n".join(out), innermost


def _html_headings(markdown: str, path: Path) -> str:
    """`## 数据 {#data}` -> `<h2 id="data">数据</h2>`: nbconvert would slug the text (ASCII only)."""
    lines = markdown.splitlines()
    for heading in headings(markdown, path):
        lines[heading.line - 1] = f'<h{heading.level} id="{heading.id}">{heading.text}</h{heading.level}>'
    return "\n".join(lines)


def render(notebook: Notebook, language: str, run: dict | None) -> nbformat.NotebookNode:
    """The notebook a reader of `language` sees: that language's prose, the shared code with the
    run's outputs, and the stamp of the run (or, while it is still running, a note saying so)."""
    cells, code_index = [], 0
    for cell in notebook.cells:
        if cell.kind == "markdown":
            if cell.language == language:
                cells.append(nbformat.v4.new_markdown_cell(_html_headings(cell.source, notebook.path)))
            continue
        code = nbformat.v4.new_code_cell(cell.source)
        if run is not None:
            code.outputs = [nbformat.from_dict(o) for o in run["outputs"][code_index]]
            code.execution_count = run["execution_counts"][code_index]
        cells.append(code)
        code_index += 1
    metadata = {"kernelspec": {"name": "python3", "language": "python", "display_name": "Python 3"},
                "language_info": {"name": "python"}}
    if run is None:
        cells.insert(1, nbformat.v4.new_markdown_cell(ui(language)["pending"]))
    else:
        fields = dict(run["stamp"], seconds=run["seconds"], date=run["date"])
        # The stamp is the notebook's last cell, written from what the run measured.
        cells.append(nbformat.v4.new_markdown_cell(ui(language)["stamp"].format(**fields)))
        metadata["verified"] = fields
    for index, cell in enumerate(cells):
        cell.id = f"cell-{index}"  # stable ids: an unchanged run renders byte for byte the same file
    return nbformat.v4.new_notebook(cells=cells, metadata=metadata)


def today() -> str:
    return datetime.date.today().isoformat()
