"""A warm parent that forks one process per program: `python -m handbook.zygote`.

Importing TensorFlow and Keras costs about 5 s of CPU, and most programs import them: paid once
per program it was more than a third of the whole verification on two cores. The zygote imports
the heavy libraries once, under the same rules as a program (warnings are errors), and then forks
a child per request. The child starts a session of its own, takes the program's working directory,
environment and output files, and runs `handbook.child` exactly as a fresh interpreter would: a
fresh `__main__` namespace, seeds set, memory capped. Only `sys.modules` is warm, and nothing in it
has run any program's code. What differs from a new interpreter: a program that configures a
preloaded library through the environment before importing it (KERAS_BACKEND, TF_* variables)
finds it configured already. No example does; HANDBOOK_FRESH=1 starts every program in a new
interpreter, as a reader's would be, and the self-tests run the broken programs both ways.

Protocol (JSON lines): the parent writes {"kind", "source", "result", "cwd", "env", "stdout",
"stderr"}; the zygote answers {"pid": N} at once and {"exited": N, "status": S} when that child
ends (S as subprocess reports it: negative for a signal). The zygote is single-threaded, so a fork
never copies a lock that another thread held.
"""

from __future__ import annotations

import json
import os
import re
import select
import signal
import sys
import warnings

# What the examples import most (counted over examples/ and docs_src/), plus the notebook runner.
# Not matplotlib on purpose (scripts and kernels use different backends), though TensorFlow imports
# pyplot with the scripts' one: a forked kernel switches to the inline backend itself
# (handbook/notebooks.py).
PRELOAD = ("numpy", "pandas", "tensorflow", "keras", "sklearn.datasets", "sklearn.model_selection",
           "sklearn.preprocessing", "sklearn.pipeline", "sklearn.linear_model", "sklearn.metrics")
NOTEBOOK_RUNNER = ("nbformat", "nbclient", "jupyter_client", "ipykernel.kernelapp")


def preload_for(codes: list[str], notebooks: bool) -> list[str]:
    """The libraries of PRELOAD that these programs import (a self-test's tiny programs need none)."""
    imported = {m.group(1) for code in codes for m in re.finditer(r"^\s*(?:import|from)\s+(\w+)", code, re.M)}
    return [name for name in PRELOAD if name.split(".")[0] in imported] + list(NOTEBOOK_RUNNER if notebooks else ())


def _preload(names: list[str]) -> None:
    import importlib

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in names:
            importlib.import_module(name)


def _spawn(request: dict) -> int:
    sys.stdout.flush()
    pid = os.fork()
    if pid:
        return pid
    code = 70
    try:
        os.setsid()
        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD, signal.SIGPIPE):
            signal.signal(signum, signal.SIG_DFL)
        os.chdir(request["cwd"])
        os.environ.clear()
        os.environ.update(request["env"])
        stdin = os.open(os.devnull, os.O_RDONLY)
        stdout = os.open(request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        stderr = os.open(request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        for fd, target in ((stdin, 0), (stdout, 1), (stderr, 2)):
            os.dup2(fd, target)
            os.close(fd)
        sys.stdin = open(0, closefd=False)  # noqa: SIM115 - the process ends with os._exit
        sys.stdout = open(1, "w", buffering=1, encoding="utf-8", closefd=False)  # noqa: SIM115
        sys.stderr = open(2, "w", buffering=1, encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
        from . import child

        code = child.main(request["kind"], request["source"], request["result"])
        # What an interpreter does on its way out: wait for the threads the program left running,
        # then run the exit handlers.
        import atexit
        import threading

        threading._shutdown()  # noqa: SLF001 - the interpreter's own shutdown step
        atexit._run_exitfuncs()  # noqa: SLF001
    except BaseException:  # noqa: BLE001 - the parent reads stderr and the exit status
        import traceback

        traceback.print_exc()
    finally:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001
                pass
        _EXIT(code)
    return 0  # not reached


_EXIT = os._exit  # handbook.child wraps os._exit to note where a program calls it


def _reply(message: dict) -> None:
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main() -> int:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when the zygote ends
    try:
        _preload(sys.argv[1:])
    except BaseException as exc:  # noqa: BLE001 - the parent falls back to fresh interpreters
        _reply({"ready": False, "error": f"{type(exc).__name__}: {exc}"})
        return 1
    _reply({"ready": True})
    children: set[int] = set()
    pending, open_ = b"", True
    while open_:
        readable, _, _ = select.select([0], [], [], 0.05 if children else None)
        if readable:
            chunk = os.read(0, 65536)
            open_ = bool(chunk)
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                pid = _spawn(json.loads(line))
                children.add(pid)
                _reply({"pid": pid})
        for pid in list(children):
            done, status = os.waitpid(pid, os.WNOHANG)
            if done:
                children.discard(pid)
                _reply({"exited": pid, "status": os.waitstatus_to_exitcode(status)})
    for pid in children:  # the parent went away: nothing it started outlives it
        try:
            os.killpg(pid, signal.SIGKILL)
        except OSError:
            pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
