"""The process one program runs in: `python -m handbook.child script|notebook <source> <result.json>`.

Started by handbook/isolation.py in a scratch working directory, in a session of its own. It caps
its memory first (the notebook kernel it starts inherits the cap), fixes the seeds, runs the
program as a reader's fresh interpreter would (`__name__ == "__main__"`, warnings are errors), and
writes <result.json> only after the program's last line: a process that ends without it ended
early, whatever its exit status.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import json
import os
import random
import resource
import signal
import sys
import time
import traceback
import warnings
from pathlib import Path

from .layout import MEMORY_CAP_BYTES

# 42 unless HANDBOOK_SEED says otherwise (benchmarks/seeds.py runs the examples under other seeds).
SEED = 42
REAL_EXIT = os._exit  # main() wraps os._exit to note where a program calls it
# Set once a library is imported, so a program that never imports Keras does not pay for it.
SEEDERS = {
    "numpy": lambda module: module.random.seed(SEED),
    "tensorflow": lambda module: module.random.set_seed(SEED),
    "keras": lambda module: module.utils.set_random_seed(SEED),
}


class _SeedOnImport(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name not in SEEDERS:
            return None
        sys.meta_path.remove(self)
        try:
            spec = importlib.util.find_spec(name)
        finally:
            sys.meta_path.insert(0, self)
        if spec is None or spec.loader is None:
            return spec
        spec.loader = _Seeding(spec.loader, SEEDERS[name])
        return spec


class _Seeding(importlib.abc.Loader):
    """The library's own loader, then its seed."""

    def __init__(self, loader, seed):
        self._loader, self._seed = loader, seed

    def __getattr__(self, name):
        return getattr(self._loader, name)

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module):
        self._loader.exec_module(module)
        self._seed(module)


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP_BYTES, MEMORY_CAP_BYTES))


def _program_frames(exc: BaseException, source: str) -> tuple[int | None, str]:
    """The innermost line of the program in the traceback, and the traceback without our frames."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if not f.filename.startswith(str(Path(__file__).parent))
              and "runpy" not in f.filename]
    line = next((f.lineno for f in reversed(frames) if f.filename == source), None)
    text = "".join(traceback.format_list(frames)) + "".join(traceback.format_exception_only(exc))
    return line, text


def run_script(source: str) -> dict:
    import runpy

    from .device import describe

    sys.argv = [source]
    random.seed(SEED)
    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        runpy.run_path(source, run_name="__main__")
    return {"seconds": time.perf_counter() - started, "device": describe()}


def _record_hard_exit(source: str, result: str) -> None:
    """`os._exit` skips every handler: note where it was called before the process ends."""
    hard_exit = REAL_EXIT

    def exit_noting_the_line(status):
        frame = sys._getframe(1)
        line = frame.f_lineno if frame.f_code.co_filename == source else None
        Path(result).write_text(json.dumps({"error": f"called os._exit({status}) before its last line",
                                            "line": line}), encoding="utf-8")
        hard_exit(status)

    os._exit = exit_noting_the_line


def main(kind: str, source: str, result: str) -> int:
    # A budget overrun is stopped with SIGINT first, so the traceback shows the line; a parent
    # started in the background may have left SIGINT ignored, which Python would keep.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    global SEED
    SEED = int(os.environ.get("HANDBOOK_SEED", SEED))
    _cap_memory()
    _record_hard_exit(source, result)
    sys.meta_path.insert(0, _SeedOnImport())
    for name, seed in SEEDERS.items():  # already imported by the zygote (handbook/zygote.py)
        if name in sys.modules:
            seed(sys.modules[name])
    try:
        if kind == "script":
            outcome = run_script(source)
        else:
            from .notebooks import execute

            outcome = execute(Path(source))
    except BaseException as exc:  # noqa: BLE001 - every way a program fails is reported the same way
        if isinstance(exc, SystemExit):
            line, _ = _program_frames(exc, source)
            outcome = {"error": f"called sys.exit({exc.code if exc.code is not None else ''}) before its last line",
                       "line": line}
        elif hasattr(exc, "report"):  # a notebook cell: already says file, line and traceback
            outcome = {"error": exc.report, "line": exc.line}
        else:
            line, text = _program_frames(exc, source)
            summary = "".join(traceback.format_exception_only(exc)).strip().splitlines()[-1]
            if isinstance(exc, MemoryError):
                summary += f" (memory cap {MEMORY_CAP_BYTES // 1024**3} GiB)"
            outcome = {"error": summary, "traceback": text, "line": line}
        Path(result).write_text(json.dumps(outcome), encoding="utf-8")
        return 1
    Path(result).write_text(json.dumps(outcome), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
