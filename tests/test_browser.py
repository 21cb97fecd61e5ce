"""The reader's experience in a real browser: headless Chromium, driven by Playwright, on the built
site served from 127.0.0.1.

Chromium comes from Debian (`make test` installs it); Playwright's own browser download is not
used. CHROMIUM=/path/to/chromium points the tests at another build.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.harness.search import ask, quality_failure
from tests.harness.server import serve
from tests.search_queries import EN, ZH
from tests.harness.site import pages

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# Without these, Chromium keeps calling Google's services, which this sandbox (and many readers'
# networks) refuse.
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def server(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: `make test` installs Debian's chromium, "
                    "or set CHROMIUM=/path/to/chromium", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(base_url=server, permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


def search(page, query: str) -> list[str]:
    """Type a query into Material's search box; return the result links."""
    # On a desktop viewport the search box is in the header (the icon is for phones).
    page.fill("input.md-search__input", query)
    page.wait_for_selector(".md-search-result__item a", state="attached")
    return page.eval_on_selector_all(".md-search-result__item a", "links => links.map(a => a.href)")


@pytest.mark.parametrize(("start", "query", "language"), [("/", "迁移学习", "zh"), ("/en/", "transfer learning", "en")])
def test_search_finds_pages_in_the_readers_language(page, server, start, query, language):
    page.goto(start)
    links = search(page, query)
    paths = [urlparse(link).path for link in links]
    assert paths, f"{start}: no result for {query!r}"
    wrong = [p for p in paths if (p.startswith("/en/") != (language == "en"))]
    assert not wrong, f"{start}: results for {query!r} point into the other language: {wrong}"
    assert any("transfer-learning" in p for p in paths), f"{start}: no transfer-learning page for {query!r}: {paths}"


# The queries of tests/search_queries.py, asked once per language through the site's own worker.
PLANTED = {"/": "过拟合", "/en/": "overfitting"}  # asked with a page that does not exist
_asked: dict[str, dict[str, list[str]]] = {}


def asked(page, start: str, expected: dict) -> dict[str, list[str]]:
    if start not in _asked:
        _asked[start], first = ask(page, start, list(expected))
        print(f"search from {start}: first result {first:.0f} ms after the index was requested")
    return _asked[start]


@pytest.mark.parametrize(("start", "expected"), [("/", ZH), ("/en/", EN)], ids=["zh", "en"])
def test_search_finds_the_page_that_teaches_each_query(page, start, expected):
    assert len(expected) >= 30, "at least 30 queries per language"
    failure = quality_failure(asked(page, start, expected), expected)
    assert failure is None, f"{start}: {failure}"


@pytest.mark.parametrize(("start", "expected"), [("/", ZH), ("/en/", EN)], ids=["zh", "en"])
def test_search_check_fails_on_a_query_whose_page_is_not_found(page, start, expected):
    """The check above fails on a query whose page is not in the first three, naming the query and
    what came back instead."""
    answers = asked(page, start, expected)
    query = PLANTED[start]
    failure = quality_failure(answers, {query: "no-such-page/"})
    assert failure is not None and f"{query!r}: expected no-such-page/ in the first 3, got " in failure, failure
    assert answers[query][:3] and all(found in failure for found in answers[query][:3]), failure


@pytest.mark.parametrize(("path", "twin"), [
    ("/interview/transfer-learning/", "/en/interview/transfer-learning/"),
    ("/en/interview/transfer-learning/", "/interview/transfer-learning/"),
    ("/examples/cnn-digits/", "/en/examples/cnn-digits/"),
    ("/en/examples/cnn-digits/", "/examples/cnn-digits/"),
])
def test_language_switcher_keeps_the_page(page, path, twin):
    page.goto(path)
    target = "en" if twin.startswith("/en/") else "zh"
    page.hover(".md-header__option .md-select")
    page.click(f".md-select__link[hreflang='{target}']")
    page.wait_for_load_state()
    assert urlparse(page.url).path == twin, f"{path}: the switcher led to {page.url}, expected {twin}"


def test_collapsed_answer_opens_on_click(page):
    page.goto("/interview/transfer-learning/")
    answer = page.locator("details.success").first
    assert answer.get_attribute("open") is None, "/interview/transfer-learning/: answer is open before a click"
    answer.locator("summary").click()
    assert answer.get_attribute("open") is not None, "/interview/transfer-learning/: answer did not open"


def test_copy_button_copies_the_code(page):
    page.goto("/en/conventions/")
    block = page.locator("div.highlight pre").first
    block.hover()
    block.locator("button[data-md-type='copy']").click()
    copied = page.evaluate("navigator.clipboard.readText()")
    shown = block.locator("code").inner_text()
    assert copied.strip() and copied.strip() == shown.strip(), "/en/conventions/: copy button copied something else"


@pytest.mark.parametrize("path", ["/examples/cnn-digits/", "/en/examples/cnn-digits/"])
def test_notebook_page_shows_outputs_plot_download_and_colab(page, path):
    page.goto(path)
    assert page.locator(".jp-OutputArea-output").count() > 0, f"{path}: no outputs"
    image = page.locator(".jp-OutputArea-output img").first
    assert image.evaluate("img => img.complete && img.naturalWidth > 0"), f"{path}: plot not rendered"
    download = page.locator(".notebook-actions a[download]")
    href = download.get_attribute("href")
    response = page.request.get(page.url + href)
    assert response.ok and response.json()["cells"], f"{path}: notebook download {href} failed"
    colab = page.locator(".notebook-actions a[href*='colab.research.google.com']").get_attribute("href")
    assert colab.endswith("/blob/colab/" + path.lstrip("/") + "cnn-digits.ipynb"), f"{path}: Colab link {colab}"


EMPTY_INDEX = {"docs": []}
# Pages load side by side in this many tabs of the one browser: the wait for a quiet network
# (half a second after the last request) overlaps instead of adding up.
TABS = 8
# What one page's math looks like once math.js has run and the fonts have loaded: formulas
# rendered, formulas KaTeX rejected, arithmatex elements left as TeX, notebook text that still
# holds a $ … $ formula, and whether KaTeX's own font is in use.
MATH_STATE = r"""async () => {
    await document.fonts.ready;
    const typeset = [...document.querySelectorAll(".md-typeset")];
    const left = [];
    for (const root of document.querySelectorAll(".jp-RenderedMarkdown")) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {acceptNode: node =>
            node.parentElement.closest(".katex, code, pre") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT});
        for (let node; (node = walker.nextNode());) {
            const found = node.textContent.match(/\$\$|\$[^\s$][^$]*[^\s$]\$|\$[^\s$]\$/);
            if (found) left.push(found[0]);
        }
    }
    return {
        rendered: document.querySelectorAll(".katex").length,
        errors: [...document.querySelectorAll(".katex-error")].map(e => e.title || e.textContent),
        raw: [...document.querySelectorAll(".arithmatex")].filter(e => !e.querySelector(".katex")).map(e => e.textContent),
        left: left,
        font: await document.fonts.load("16px KaTeX_Main").then(faces => faces.length > 0
                                                                 && faces.every(face => face.status === "loaded")),
        done: document.documentElement.dataset.math === "rendered",
    };
}"""


@dataclass
class Visit:
    requested: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    math: dict = field(default_factory=dict)


@pytest.fixture(scope="session")
def visits(browser, server, site) -> dict[str, Visit]:
    """Every page of both languages, loaded once: what it requested, what failed, its math."""
    context = browser.new_context(base_url=server)
    tabs = [context.new_page() for _ in range(TABS)]
    current: dict[int, Visit] = {}
    # Every page of a language fetches the same search index, and its search worker then builds a
    # full-text index from it (the slowest part of loading a page here). The first fetch per
    # language is answered for real; later ones are still recorded, and answered with an empty
    # index so that 80 pages do not rebuild the same one.
    fetched: set[str] = set()

    def search_index(route):
        if route.request.url in fetched:
            route.fulfill(json=dict(EMPTY_INDEX, config=json.loads((site / urlparse(route.request.url).path.lstrip("/"))
                                                                   .read_text(encoding="utf-8"))["config"]))
        else:
            fetched.add(route.request.url)
            route.continue_()

    context.route("**/search/search_index.json", search_index)
    for i, tab in enumerate(tabs):
        tab.on("request", lambda request, i=i: current[i].requested.append(request.url))
        tab.on("response", lambda response, i=i: current[i].failed.append(f"{response.status} {response.url}")
               if response.status >= 400 else None)
    paths = ["/" + built.relative_to(site).as_posix().removesuffix("index.html") for built in pages(site)]
    found: dict[str, Visit] = {}
    for start in range(0, len(paths), TABS):
        batch = list(enumerate(paths[start:start + TABS]))
        for i, path in batch:
            current[i] = found[path] = Visit()
            tabs[i].goto(path, wait_until="commit")  # start every load of the batch, then wait
        for i, path in batch:
            # "load" first: a page still parsing (the print pages are 6 MB) can look idle to the network.
            tabs[i].wait_for_load_state("load")
            tabs[i].wait_for_load_state("networkidle")
            found[path].math = tabs[i].evaluate(MATH_STATE)
    context.close()
    return found


def test_no_page_requests_another_host(visits, server):
    """Every request of every page: none to another host, none the local server cannot answer
    (a missing asset, a sitemap)."""
    host = urlparse(server).netloc
    offenders = {path: foreign for path, visit in visits.items()
                 if (foreign := [url for url in visit.requested if urlparse(url).scheme in ("http", "https")
                                 and urlparse(url).netloc != host])}
    missing = {path: visit.failed for path, visit in visits.items() if visit.failed}
    print(f"checked {len(visits)} pages and {sum(len(v.requested) for v in visits.values())} requests "
          "for requests to other hosts")
    assert len(visits) > 10
    assert not offenders, "pages request other hosts:\n" + "\n".join(
        f"{path}: {', '.join(sorted(set(urls)))}" for path, urls in offenders.items())
    assert not missing, "pages request what the site does not have:\n" + "\n".join(
        f"{path}: {', '.join(sorted(set(urls)))}" for path, urls in missing.items())


def test_math_renders_on_every_page(visits):
    """Every formula of every page (and notebook, and print page) is typeset by the site's KaTeX in
    its own font; none is rejected, none is left as TeX."""
    with_math = {path: v.math for path, v in visits.items() if v.math["rendered"]}
    problems = [f"{path}: math.js did not run" for path, v in visits.items() if not v.math["done"]]
    for path, visit in visits.items():
        math = visit.math
        problems += [f"{path}: KaTeX cannot parse {error!r}" for error in math["errors"]]
        problems += [f"{path}: left as TeX: {raw!r}" for raw in math["raw"]]
        problems += [f"{path}: notebook text still holds {left!r}" for left in math["left"]]
        if math["rendered"] and not math["font"]:
            problems.append(f"{path}: KaTeX's fonts did not load")
    print(f"{sum(m['rendered'] for m in with_math.values())} formulas rendered on {len(with_math)} pages")
    assert not problems, "\n".join(problems)
    # Math in both languages, on a page, a notebook and the print page: a site without any would pass.
    for kind, chosen in {"zh page": lambda p: not p.startswith("/en/") and "/examples/" not in p,
                         "en page": lambda p: p.startswith("/en/") and "/examples/" not in p,
                         "notebook": lambda p: "/examples/" in p, "print page": lambda p: "print_page" in p}.items():
        assert any(chosen(path) for path in with_math), f"no {kind} has any math"


def test_math_follows_the_color_scheme(page, visits):
    """Formulas take the text color of the scheme the reader chose: readable in light and dark."""
    path = next(p for p, v in visits.items() if v.math["rendered"] and "/examples/" not in p and "print_page" not in p)
    page.goto(path)
    colors = {}
    for scheme in ("default", "slate"):
        page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
        colors[scheme] = page.evaluate("""() => [getComputedStyle(document.querySelector(".md-typeset .katex")).color,
                                                 getComputedStyle(document.querySelector(".md-typeset")).color]""")
    assert colors["default"][0] != colors["slate"][0], f"{path}: formulas keep one color in both schemes: {colors}"
    for scheme, (formula, text) in colors.items():
        assert formula == text, f"{path}: in the {scheme} scheme formulas are {formula}, the text is {text}"
