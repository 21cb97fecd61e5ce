"""The built site: build it once, and list its pages."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from handbook.layout import ROOT


def build(out: Path) -> list[str]:
    """`mkdocs build --strict` from this run's executed notebooks; return the problems."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    log = result.stdout + result.stderr
    problems = [line for line in log.splitlines() if re.match(r"^(WARNING|ERROR)\b", line)]
    if result.returncode != 0 and not problems:
        problems = [log]
    return problems


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")
