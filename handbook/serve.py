"""`make serve`: the site at once, the example pages filled in as their runs finish.

Starts `python -m handbook.verify --notebooks` in the background (an unchanged notebook is reused
from the cache in a moment) and `mkdocs serve` in the foreground. Until an example's run finishes,
its page shows the code with a note that it is still running (hooks/site.py); each finished run
writes build/notebooks/, which `mkdocs serve` watches, and the page reloads with the outputs.
"""

from __future__ import annotations

import signal
import subprocess
import sys

from .layout import BUILD, ROOT


def main() -> int:
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    BUILD.mkdir(exist_ok=True)
    log = BUILD / "serve-notebooks.log"
    with log.open("w", encoding="utf-8") as output:
        runs = subprocess.Popen([sys.executable, "-m", "handbook.verify", "--notebooks"], cwd=ROOT,
                                stdout=output, stderr=subprocess.STDOUT)
        print(f"Running the example notebooks in the background (progress: {log.relative_to(ROOT)})", flush=True)
        server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", "127.0.0.1:8000",
                                   *sys.argv[1:]], cwd=ROOT)
        try:
            return server.wait()
        except KeyboardInterrupt:
            return 0
        finally:
            for process in (server, runs):
                process.terminate()
                process.wait()

if __name__ == "__main__":
    sys.exit(main())
