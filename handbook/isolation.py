"""Run one program in a process of its own, and say in words how it ended.

Whatever the program does (exit early with any status, kill itself, crash, exhaust its memory cap,
loop forever, change directory or environment, leave threads or processes behind), it happens in
that process and its session: the verifier and the other programs go on.
"""

from __future__ import annotations

import json
import os
import queue
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
        process = _start(kind, source, result, workdir, env, Path(scratch))
        _running.add(process)
        try:
            process.wait(timeout=budget + STARTUP_SLACK_S[kind])
            timed_out = False
        except subprocess.TimeoutExpired:
            # Interrupt first: the program's traceback then says which line it was stuck on.
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                _kill(process)
                process.wait()
            timed_out = True
        _kill(process)  # whatever it started and left behind goes with it
        _running.discard(process)
        seconds = time.perf_counter() - started
        stderr = (Path(scratch) / "stderr").read_text(encoding="utf-8", errors="replace")
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


def _start(kind: str, source: Path, result: Path, workdir: Path, env: dict, scratch: Path):
    """The program's process: forked from the warm zygote, or a new interpreter if there is none."""
    request = {"kind": kind, "source": str(source), "result": str(result), "cwd": str(workdir), "env": env,
               "stdout": str(scratch / "stdout"), "stderr": str(scratch / "stderr")}
    zygote = _Zygote.shared(env)
    if zygote is not None:
        return zygote.spawn(request)
    with open(request["stdout"], "w") as stdout, open(request["stderr"], "w") as stderr:
        return subprocess.Popen([sys.executable, "-m", "handbook.child", kind, str(source), str(result)],
                                cwd=workdir, env=env, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr,
                                start_new_session=True)


class _Forked:
    """A program forked by the zygote, with the part of Popen's interface that `run` uses."""

    def __init__(self, pid: int, zygote: _Zygote):
        self.pid, self.returncode, self._zygote = pid, None, zygote

    def wait(self, timeout: float | None = None) -> int:
        self.returncode = self._zygote.status(self.pid, timeout)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:
            pass


def preload(names: list[str]) -> None:
    """The libraries the zygote imports before it forks the first program (set before that)."""
    _Zygote.preload = list(names)


class _Zygote:
    """The client side of handbook/zygote.py: one per verifying process, started on first use."""

    _lock = threading.Lock()
    _shared: _Zygote | None = None
    _failed = False
    preload: list[str] = []

    @classmethod
    def shared(cls, env: dict) -> _Zygote | None:
        with cls._lock:
            if cls._shared is None and not cls._failed and os.environ.get("HANDBOOK_FRESH") != "1":
                try:
                    cls._shared = cls(env)
                except RuntimeError as why:
                    cls._failed = True
                    print(f"handbook: every program starts in a new interpreter: {why}", file=sys.stderr)
            return cls._shared

    def __init__(self, env: dict):
        self._log = tempfile.TemporaryFile()
        self._process = subprocess.Popen([sys.executable, "-m", "handbook.zygote", *self.preload], cwd=ROOT, env=env,
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
                                         text=True, start_new_session=True)
        ready = json.loads(self._process.stdout.readline() or '{"ready": false, "error": "it exited"}')
        if not ready["ready"]:
            self._log.seek(0)
            raise RuntimeError(f"the warm parent could not start ({ready['error']})\n"
                               + _tail(self._log.read().decode(errors="replace")))
        self._spawning = threading.Lock()
        self._pids: queue.Queue[int] = queue.Queue()
        self._ended = threading.Condition()
        self._statuses: dict[int, int] = {}
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self._process.stdout:
            message = json.loads(line)
            if "pid" in message:
                self._pids.put(message["pid"])
            else:
                with self._ended:
                    self._statuses[message["exited"]] = message["status"]
                    self._ended.notify_all()
        self._pids.put(-1)
        with self._ended:
            self._statuses[-1] = -int(signal.SIGKILL)
            self._ended.notify_all()

    def spawn(self, request: dict) -> _Forked:
        with self._spawning:
            self._process.stdin.write(json.dumps(request) + "\n")
            self._process.stdin.flush()
            pid = self._pids.get()
        if pid < 0:
            raise RuntimeError("the warm parent (handbook/zygote.py) ended unexpectedly")
        return _Forked(pid, self)

    def status(self, pid: int, timeout: float | None) -> int:
        with self._ended:
            if not self._ended.wait_for(lambda: pid in self._statuses or -1 in self._statuses, timeout):
                raise subprocess.TimeoutExpired(f"program {pid}", timeout)
            return self._statuses.pop(pid, self._statuses.get(-1))


_running: set = set()
_stopping = threading.Event()


def stop_all() -> None:
    """End every program still running, and start no more (the verification was interrupted)."""
    _stopping.set()
    for process in list(_running):
        _kill(process)


def _kill(process) -> None:
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
