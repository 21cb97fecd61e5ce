"""The built site: where its pages are and which language each belongs to."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from hooks import notebooks
from tests.harness.paths import ROOT

LANGUAGES = notebooks.LANGUAGES
DEFAULT = LANGUAGES[0]


def build(out: Path) -> list[str]:
    """Execute notebooks not yet executed, then `mkdocs build --strict`; return the problems."""
    for example in notebooks.discover():
        if not notebooks.is_fresh(example):
            notebooks.write(notebooks.execute(example))
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


def language_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in LANGUAGES else DEFAULT
