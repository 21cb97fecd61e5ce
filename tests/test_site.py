"""The built site: a strict build with no warnings, nothing loaded from other hosts, a language
switcher that leads to the same page, Chinese search segmentation, and rendered notebooks."""

from __future__ import annotations

import functools
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

from handbook.layout import Tree, language_of_url, languages, prefix, ui
from tests.harness.site import pages


def language_of(site: Path, page: Path) -> str:
    return language_of_url(page.relative_to(site).as_posix())


class _Tags(HTMLParser):
    """Collects (tag, attributes) of every start tag."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


@functools.cache  # several tests read every page; parse each once
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
        lang = language_of(site, page)
        relative = page.relative_to(site / prefix(lang)).as_posix()
        base = page.relative_to(site).as_posix()
        for tag, attrs in tags(page):
            other = attrs.get("hreflang")
            if tag != "a" or other not in languages() or other == lang:
                continue
            target = urlparse(urljoin(f"http://site/{base}", attrs["href"])).path.lstrip("/")
            expected = prefix(other) + relative
            if target.removesuffix("index.html") != expected.removesuffix("index.html"):
                problems.append(f"{base}: switcher to '{other}' leads to {target}, expected {expected}")
            elif not (site / expected).exists():
                problems.append(f"{base}: switcher to '{other}' leads to missing {expected}")
    assert not problems, "\n".join(problems)


def test_each_language_has_its_own_search_index(site):
    """hooks/site.py splits the merged index: Chinese pages search only Chinese pages, English
    pages only English ones. Material splits Chinese with jieba and marks word boundaries with
    U+200B; without them no Chinese query matches."""
    for lang in languages():
        root = site / prefix(lang)
        index = json.loads((root / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert "\\u200b" in index["config"]["separator"]  # a regex escape, as mkdocs.yml writes it
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        built = {p.parent.relative_to(root).as_posix() + "/" for p in root.rglob("index.html")
                 if language_of(site, p) == lang and "search" not in p.parts}
        built = {"" if b == "./" else b for b in built}
        assert locations <= built, f"{lang} index points outside its language: {sorted(locations - built)[:5]}"
        # The print page repeats every page; the search plugin leaves it out on purpose.
        missing = sorted(built - locations - {"print_page/"})
        assert not missing, f"{lang} index misses pages: {missing[:5]}"
        chinese = [d for d in index["docs"] if re.search(r"[\u4e00-\u9fff]{4}", d["text"])]
        if lang == "zh":
            assert chinese and all("\u200b" in d["text"] for d in chinese), "Chinese text not segmented"


def test_notebook_pages_show_outputs_plots_and_the_stamp(site):
    for lang in languages():
        root = site / prefix(lang)
        rendered = sorted((root / "examples").glob("*/index.html"))
        assert len(rendered) == len(Tree().examples_found())
        for page in rendered:
            html = page.read_text(encoding="utf-8")
            where = page.relative_to(site)
            assert 'class="jp-OutputArea' in html, f"{where}: no cell outputs"
            assert ui(lang)["stamp"].split("**")[1] in html, f"{where}: no verification stamp"
            assert (page.parent / f"{page.parent.name}.ipynb").exists(), f"{where}: notebook not offered for download"
    hello = (site / "examples" / "hello-notebook" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'<img [^>]*src="data:image/png;base64', hello), "the plot of the hello notebook is missing"


def test_internal_links_and_anchors_resolve(site):
    """MkDocs checks Markdown links; this also covers links written as HTML (practice index,
    notebooks, theme)."""
    ids = {}
    broken = []
    for page in pages(site):
        html = page.read_text(encoding="utf-8")
        ids[page] = set(re.findall(r"""\sid=["']([^"']+)["']""", html))
    for page in pages(site):
        base = page.relative_to(site).as_posix()
        for tag, attrs in tags(page):
            href = attrs.get("href") if tag == "a" else None
            if not href or urlparse(href).scheme or href.startswith(("mailto:", "//")):
                continue
            # Resolve as a browser would, against the page's URL on a server rooted at the site.
            target = urlparse(urljoin(f"http://site/{base}", href))
            path, fragment = target.path.lstrip("/"), target.fragment
            file = site / path
            if path == base:
                file = page
            elif file.is_dir() or path.endswith("/"):
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{base}: link to missing {href}")
            elif fragment and file.suffix == ".html" and fragment not in ids.get(file, set()):
                broken.append(f"{base}: link to missing anchor {href}")
    assert not broken, "\n".join(broken[:50])
