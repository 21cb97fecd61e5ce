"""Run one program in a process of its own, and say in words how it ended.

Whatever the program does (exit early with any status, kill itself, crash, exhaust its memory cap,
loop forever, change directory or environment, leave threads or processes behind), it happens in
that process and its session: the verifier and the other programs go on.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .layout import MEMORY_CAP_BYTES, ROOT, display

# Interpreter and kernel start-up are not the program's time; the program's own clock is checked
# against the budget after it ends, this is the backstop for one that never ends.
STARTUP_SLACK_S = {"script": 10, "notebook": 30}
# Informational log lines, not warnings: TensorFlow logs "INFO:tensorflow:Assets written to: ..."
# when it saves a SavedModel, the TFLite runtime "INFO: Created TensorFlow Lite XNNPACK delegate".
INFO_LINE = ("INFO:", "I0000 ")


@dataclass
class Ended:
    """How a program ended: `passed`, or `failed` with a message that starts with `path:line:`."""

    outcome: str
    seconds: float
    message: str = ""
    device: str = ""
    run: dict | None = None


def run(kind: str, source: Path, budget: int) -> Ended:
    """Execute `source` (kind `script` or `notebook`) in a fresh process under its budget."""
    where = display(source)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep),
               PYTHONHASHSEED="0", MPLBACKEND="Agg", TF_CPP_MIN_LOG_LEVEL=os.environ.get("TF_CPP_MIN_LOG_LEVEL", "1"))
    with tempfile.TemporaryDirectory(prefix="program-") as scratch:
        result = Path(scratch) / "result.json"
        workdir = Path(scratch) / "cwd"
        workdir.mkdir()
        if _stopping.is_set():
            return Ended("failed", 0.0, f"{where}:1: not run: the verification was stopped")
        started = time.perf_counter()
        process = subprocess.Popen(
            [sys.executable, "-m", "handbook.child", kind, str(source), str(result)],
            cwd=workdir, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, errors="replace", start_new_session=True,
        )
        _running.add(process)
        try:
            _, stderr = process.communicate(timeout=budget + STARTUP_SLACK_S[kind])
            timed_out = False
        except subprocess.TimeoutExpired:
            # Interrupt first: the program's traceback then says which line it was stuck on.
            process.send_signal(signal.SIGINT)
            try:
                _, stderr = process.communicate(timeout=5)
            except subprocess.TimeoutExpired:
                _kill(process)
                _, stderr = process.communicate()
            timed_out = True
        _kill(process)  # whatever it started and left behind goes with it
        _running.discard(process)
        seconds = time.perf_counter() - started
        report = json.loads(result.read_text(encoding="utf-8")) if result.exists() else None
    if timed_out and report is not None and "error" not in report:
        return Ended("failed", seconds, f"{where}:1: ran its last line but did not exit within its budget of "
                     f"{budget} s (a thread or process it started is still running)")
    if timed_out:
        line = (report or {}).get("line") or 1
        return Ended("failed", seconds, f"{where}:{line}: ran past its budget of {budget} s and was stopped"
                     + (" here" if line != 1 else ""))
    if report is None:
        return Ended("failed", seconds, f"{where}:1: {_how_it_ended(process.returncode)} before its last line"
                     + _tail(stderr))
    if "error" in report:
        line = report.get("line") or 1
        message = report["error"] if report["error"].startswith(where) else f"{where}:{line}: {report['error']}"
        message += f"\n{report['traceback']}" if report.get("traceback") else ""
        return Ended("failed", seconds, message)
    # A script's reader sees its stderr; a notebook's reader sees the cells' stderr streams (the
    # kernel's own C++ log lines go to the terminal that started Jupyter, not into the notebook).
    if kind == "script":
        warnings = [line for line in stderr.splitlines() if line.strip() and not line.startswith(INFO_LINE)]
    else:
        warnings = [f"cell {i + 1}: {line}" for i, outputs in enumerate(report["outputs"]) for o in outputs
                     if o.get("output_type") == "stream" and o.get("name") == "stderr"
                     for line in o["text"].splitlines() if line.strip() and not line.startswith(INFO_LINE)]
    if warnings:
        return Ended("failed", seconds, f"{where}:1: writes to stderr (a warning a reader would have to ignore):\n"
                     + "\n".join(warnings[:20]))
    if report["seconds"] > budget:  # C code that a per-cell timeout could not interrupt
        return Ended("failed", seconds, f"{where}:1: took {report['seconds']:.1f} s, past its budget of {budget} s")
    return Ended("passed", report["seconds"], device=report["device"], run=report)


_running: set[subprocess.Popen] = set()
_stopping = threading.Event()


def stop_all() -> None:
    """End every program still running, and start no more (the verification was interrupted)."""
    _stopping.set()
    for process in list(_running):
        _kill(process)


def _kill(process: subprocess.Popen) -> None:
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _how_it_ended(status: int) -> str:
    if status < 0:
        name = signal.Signals(-status).name
        cap = f"; the memory cap is {MEMORY_CAP_BYTES // 1024**3} GiB" if -status in (signal.SIGKILL, signal.SIGSEGV,
                                                                             signal.SIGABRT, signal.SIGBUS) else ""
        return f"killed by signal {-status} ({name}{cap})"
    return f"exited with status {status}"


def _tail(stderr: str, lines: int = 15) -> str:
    kept = stderr.strip().splitlines()[-lines:]
    return ("\n" + "\n".join(kept)) if kept else ""
