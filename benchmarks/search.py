"""Search quality and speed of a built site, per language, measured in headless Chromium.

    .venv/bin/python benchmarks/search.py build/site [--runs 5]

For each language: the index size, the share of the test queries (tests/search_queries.py) whose
page is among the first three results, and the median milliseconds from fetching the index to the
first result (index download, worker start, index build, one query), over --runs fresh tabs.
Compare two sites (before and after a change) in one run of this script, on an idle machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from playwright.sync_api import sync_playwright  # noqa: E402

from tests import search_queries  # noqa: E402
from tests.harness.search import ask, misses  # noqa: E402
from tests.harness.server import serve  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for site in args.sites:
            with serve(site) as url:
                for start, expected in (("/", search_queries.ZH), ("/en/", search_queries.EN)):
                    index = site / start.strip("/") / "search" / "search_index.json"
                    times, answers = [], {}
                    for run in range(args.runs):
                        page = browser.new_page(base_url=url)
                        found, first = ask(page, start, list(expected) if run == 0 else [next(iter(expected))])
                        answers = answers or found
                        times.append(first)
                        page.close()
                    missed = misses(answers, expected)
                    print(f"{site} {start}: index {index.stat().st_size / 1e6:.2f} MB, "
                          f"{len(expected) - len(missed)}/{len(expected)} queries find their page in the first 3, "
                          f"first result after {statistics.median(times):.0f} ms (median of {args.runs})")
                    for line in missed:
                        print(f"    miss {line}")
        browser.close()


if __name__ == "__main__":
    main()
