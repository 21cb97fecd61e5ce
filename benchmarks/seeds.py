"""Run programs under other seeds and print the margins their assertions had.

    .venv/bin/python benchmarks/seeds.py examples/lora.py docs_src/... [--seeds 42 7 123]

An example fixes its randomness with one line, `SEED = 42`; this script runs a copy of the file
(in build/seeds/) with that line changed to each seed, and the harness's own seeds
(HANDBOOK_SEED) changed with it, exactly as the verification runs programs. For each run it prints
the outcome, the time and every line a notebook printed that starts with `check:`, where
examples report a measured value next to the bound its assertion needs. A program without the
`SEED = 42` line runs under the harness's seeds only.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from handbook import isolation, zygote  # noqa: E402
from handbook.grammar import directives, read_notebook, read_text  # noqa: E402

SEED_LINE = re.compile(r"^SEED = 42\b", re.MULTILINE)


def checks(ended) -> list[str]:
    """The `check:` lines a notebook's cells printed."""
    texts = []
    if ended.run and "outputs" in ended.run:
        for outputs in ended.run["outputs"]:
            texts += [o.get("text") or o.get("data", {}).get("text/plain", "") for o in outputs]
    return [line.strip() for text in texts for line in text.splitlines() if line.strip().startswith("check:")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--seeds", nargs="+", type=int, default=[42, 7, 123])
    args = parser.parse_args()
    sources = [path.resolve() for path in args.paths]
    isolation.preload(zygote.preload_for([read_text(p) for p in sources], any("/examples/" in str(p) for p in sources)))
    for source in sources:
        kind = "notebook" if source.parent.name == "examples" else "script"
        budget = read_notebook(source).budget() if kind == "notebook" else directives(read_text(source), source).budget
        text = read_text(source)
        if not SEED_LINE.search(text):
            print(f"# {source.relative_to(ROOT)} has no 'SEED = 42' line: only the harness's seeds change")
        for seed in args.seeds:
            copy = ROOT / "build" / "seeds" / str(seed) / source.relative_to(ROOT)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_text(SEED_LINE.sub(f"SEED = {seed}", text, count=1), encoding="utf-8")
            os.environ["HANDBOOK_SEED"] = str(seed)
            ended = isolation.run(kind, copy, budget)
            print(f"{source.relative_to(ROOT)} seed {seed}: {ended.outcome} in {ended.seconds:.1f} s {ended.message}")
            for line in checks(ended):
                print(f"    {line}")


if __name__ == "__main__":
    main()
