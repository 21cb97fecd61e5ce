"""Run one code block the way a reader's fresh script would run it.

Fresh globals with `__name__ == "__main__"`, seeds set, Keras state cleared, a scratch working
directory, and the code compiled with the Markdown file's name and line numbers, so a traceback
points at the page. A block that runs past its budget is interrupted and fails.
Keras is imported once, here, so that its start-up is not charged to the first block.
"""

from __future__ import annotations

import builtins
import contextlib
import io
import os
import signal
import sys
import time
from pathlib import Path

import keras
import matplotlib.pyplot as plt

from .fences import Block

SEED = 42
DEFAULT_BUDGET_S = 60


class BudgetExceeded(Exception):
    pass


class OutputMismatch(AssertionError):
    pass


def budget_of(block: Block) -> int:
    mark = block.mark("budget")
    return int(mark.args[0]) if mark is not None else DEFAULT_BUDGET_S


def reset_state() -> None:
    """What a fresh interpreter would give the next block: same seeds, no Keras layers or names."""
    plt.close("all")
    keras.utils.clear_session()
    keras.utils.set_random_seed(SEED)


@contextlib.contextmanager
def _alarm(seconds: int, where: str):
    def interrupt(signum, frame):
        raise BudgetExceeded(f"{where}: block ran past its budget of {seconds} s")

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run(block: Block, workdir: Path, display_path: str) -> float:
    """Execute the block in `workdir`; return its wall time in seconds."""
    __tracebackhide__ = True
    reset_state()
    namespace = {"__name__": "__main__", "__builtins__": builtins, "__file__": display_path}
    budget = budget_of(block)
    where = f"{display_path}:{block.lineno}"
    stdout = io.StringIO()
    cwd = os.getcwd()
    os.chdir(workdir)
    started = time.perf_counter()
    try:
        with _alarm(budget, where), contextlib.redirect_stdout(_Tee(stdout)):
            for segment in block.segments:
                # Padding with newlines makes the compiled line numbers those of the page.
                code = compile("\n" * segment.lineno + segment.code, display_path, "exec")
                exec(code, namespace)
    finally:
        os.chdir(cwd)
    seconds = time.perf_counter() - started
    if seconds > budget:  # C code the alarm could not interrupt
        raise BudgetExceeded(f"{where}: block took {seconds:.1f} s, past its budget of {budget} s")
    if block.expected_output is not None and stdout.getvalue().strip() != block.expected_output.strip():
        raise OutputMismatch(f"{where}: printed output differs from the expected output shown on "
                             f"the page\n--- printed\n{stdout.getvalue()}--- expected\n{block.expected_output}")
    return seconds


class _Tee(io.TextIOBase):
    """Keep what the block prints for comparison, and still let pytest capture it."""

    def __init__(self, copy: io.StringIO):
        self._copy = copy
        self._stream = sys.stdout

    def write(self, text: str) -> int:
        self._copy.write(text)
        return self._stream.write(text)

    def flush(self) -> None:
        self._stream.flush()
