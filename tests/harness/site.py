"""The built site: build it once, and list its pages."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

from handbook.layout import ROOT


# Everything a build reads: the pages and their code, the rendered notebooks, the theme additions, the
# hooks and the rules they import, the configuration, the pinned packages, this file.
INPUTS = ("docs", "docs_src", "overrides", "hooks", "handbook", "build/notebooks", "mkdocs.yml", "requirements",
          "tests/harness/site.py")


def inputs_key() -> str:
    digest = hashlib.sha256(sys.version.encode())
    for name in INPUTS:
        top = ROOT / name
        for path in sorted([top] if top.is_file() else (p for p in top.rglob("*") if p.is_file())):
            if "__pycache__" not in path.parts:
                digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def build(out: Path) -> list[str]:
    """`mkdocs build --strict` from this run's executed notebooks; return the problems. A site built
    from exactly the same inputs by an earlier run is kept (its key is stored beside it)."""
    key, stamp = inputs_key(), out.with_name(out.name + ".key")
    if out.is_dir() and stamp.exists() and stamp.read_text() == key:
        return []
    stamp.unlink(missing_ok=True)
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    log = result.stdout + result.stderr
    problems = [line for line in log.splitlines() if re.match(r"^(WARNING|ERROR)\b", line)]
    if result.returncode != 0 and not problems:
        problems = [log]
    if not problems:
        stamp.write_text(key)
    return problems


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")
