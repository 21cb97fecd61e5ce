"""The built site: a strict build with no warnings, nothing loaded from other hosts, a language
switcher that leads to the same page, Chinese search segmentation, and rendered notebooks."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest

from hooks import notebooks
from tests.harness.paths import ROOT

LANGUAGES = notebooks.LANGUAGES
DEFAULT = LANGUAGES[0]


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """Build the site once. Notebooks not yet executed in this run are executed first."""
    stale = [e for e in notebooks.discover() if not notebooks.is_fresh(e)]
    for example in stale:
        try:
            notebooks.write(notebooks.execute(example))
        except notebooks.NotebookFailed as exc:
            pytest.fail(f"cannot build the site: {exc}", pytrace=False)
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    log = result.stdout + result.stderr
    problems = [line for line in log.splitlines() if re.match(r"^(WARNING|ERROR)\b", line)]
    assert result.returncode == 0 and not problems, "mkdocs build --strict failed:\n" + "\n".join(problems or [log])
    return out


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if p.name != "404.html")


def language_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in LANGUAGES else DEFAULT


class _Tags(HTMLParser):
    """Collects (tag, attributes) of every start tag."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def tags(page: Path) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.tags


# Attributes through which a browser fetches something while loading the page (links a reader
# clicks, <a href>, are not loads).
LOADS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
         "video": "src", "embed": "src", "object": "data", "track": "src"}
LOADED_LINK_RELS = {"stylesheet", "preload", "modulepreload", "prefetch", "icon", "manifest",
                    "apple-touch-icon", "dns-prefetch", "preconnect"}
CSS_URL = re.compile(r"""(?:url\(\s*['"]?|@import\s+['"])(https?:)?//""", re.I)


def external_loads(page: Path) -> list[str]:
    found = []
    for tag, attrs in tags(page):
        url = attrs.get(LOADS.get(tag, ""), "") or ""
        if tag == "link" and set((attrs.get("rel") or "").split()) & LOADED_LINK_RELS:
            url = attrs.get("href", "")
        if urlparse(url).netloc:
            found.append(f"<{tag}> {url}")
        if CSS_URL.search(attrs.get("style", "")):
            found.append(f"<{tag} style> {attrs['style'][:80]}")
    for style in re.findall(r"<style[^>]*>(.*?)</style>", page.read_text(encoding="utf-8"), re.S):
        if CSS_URL.search(style):
            found.append("<style> " + CSS_URL.search(style).group(0))
    return found


def test_no_page_loads_anything_from_another_host(site):
    offenders = {str(p.relative_to(site)): loads for p in pages(site) if (loads := external_loads(p))}
    css = {str(p.relative_to(site)): CSS_URL.findall(p.read_text(encoding="utf-8"))
           for p in site.rglob("*.css") if CSS_URL.search(p.read_text(encoding="utf-8"))}
    assert not offenders and not css, (
        "pages load from other hosts:\n"
        + "\n".join(f"{page}: {', '.join(loads)}" for page, loads in {**offenders, **css}.items()))


def test_language_switcher_leads_to_the_same_page(site):
    problems = []
    for page in pages(site):
        if "print_page" in page.parts:
            continue
        lang = language_of(site, page)
        relative = page.relative_to(site / lang if lang != DEFAULT else site).as_posix()
        base = page.relative_to(site).as_posix()
        for tag, attrs in tags(page):
            other = attrs.get("hreflang")
            if tag != "a" or other not in LANGUAGES or other == lang:
                continue
            target = urljoin(base, attrs["href"])
            expected = relative if other == DEFAULT else f"{other}/{relative}"
            if target.removesuffix("index.html") != expected.removesuffix("index.html"):
                problems.append(f"{base}: switcher to '{other}' leads to {target}, expected {expected}")
            elif not (site / expected).exists():
                problems.append(f"{base}: switcher to '{other}' leads to missing {expected}")
    assert not problems, "\n".join(problems)


def test_chinese_pages_are_indexed_word_by_word(site):
    """Material splits Chinese with jieba and marks word boundaries with U+200B; without them no
    Chinese query matches. English pages are indexed too, in the same index."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert "\u200b" in index["config"]["separator"]
    chinese = [d for d in index["docs"] if re.search(r"[\u4e00-\u9fff]", d["text"])]
    english = [d for d in index["docs"] if d["location"].startswith("en/")]
    assert chinese and english, "the search index lacks the pages of one language"
    assert all("\u200b" in d["text"] for d in chinese if len(d["text"]) > 20), "Chinese text not segmented"


def test_notebook_pages_show_outputs_plots_and_the_stamp(site):
    for lang in LANGUAGES:
        root = site if lang == DEFAULT else site / lang
        rendered = sorted((root / "examples").glob("*/index.html"))
        assert len(rendered) == len(list((ROOT / "examples" / lang).glob("*.py")))
        for page in rendered:
            html = page.read_text(encoding="utf-8")
            where = page.relative_to(site)
            assert 'class="jp-OutputArea' in html, f"{where}: no cell outputs"
            assert notebooks.STAMP_TEXT[lang].split("**")[1] in html, f"{where}: no verification stamp"
            assert (page.parent / f"{page.parent.name}.ipynb").exists(), f"{where}: notebook not offered for download"
    hello = (site / "examples" / "hello-notebook" / "index.html").read_text(encoding="utf-8")
    assert '<img src="data:image/png;base64' in hello, "the plot of the hello notebook is missing"
