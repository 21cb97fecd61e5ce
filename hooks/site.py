"""MkDocs hooks: make the executed notebooks first-class pages in both languages.

- The executed notebooks are build outputs (build/notebooks/<lang>/, written by handbook/verify.py),
  not files in docs/: add each language's copies as notebook pages. (mkdocs-static-i18n would also
  copy notebooks found in docs/ as raw JSON, upstream issue #198.)
- Notebook headings carry explicit ids (see handbook/notebooks.py); build the page's table of
  contents from those ids, since mkdocs-jupyter's own slugs drop Chinese text.
- mkdocs-jupyter inlines JupyterLab's whole stylesheet (about 570 KB) into every notebook page;
  move it to one shared, cacheable file without the rules of Blueprint, the widget toolkit of
  JupyterLab's application (buttons, menus, dialogs) that a rendered notebook never uses.
- mkdocs-jupyter converts notebook pages one after another in each language's build: convert every
  language's pages side by side first, into its own cache (`_prerender`).
- mkdocs-jupyter's template loads MathJax and Mermaid from public CDNs, and no page may load
  anything from another host: remove both. Notebook math is rendered like every page's, by the
  site's own KaTeX (overrides/assets/javascripts/math.js); no notebook uses Mermaid.
"""

from __future__ import annotations

import hashlib
import html
import json
import multiprocessing
import os
import re
from pathlib import Path

import tinycss2

from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import File
from mkdocs.structure.toc import get_toc
from mkdocs_jupyter import plugin as mkdocs_jupyter_plugin
from mkdocs_jupyter.plugin import NotebookFile

from handbook.layout import BUILD, ROOT, Tree, display, language_of_url, languages, notebook_output, prefix
from handbook.verify import write_notebooks

log = get_plugin_logger(__name__)

HEADING = re.compile(r'<h([1-6]) id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)
TAG = re.compile(r"<[^>]+>")
CDN_SCRIPT = re.compile(r'<script[^>]+src="https?://[^"]*(?:mathjax|mermaid)[^"]*"[^>]*>\s*</script>', re.I)
# mkdocs-jupyter's mermaid loader is an inline module that imports from a CDN.
CDN_MODULE = re.compile(r'<script type="module">(?:(?!</script>).)*?import\(?\s*"https?://(?:(?!</script>).)*</script>', re.S)
# Its MathJax loader and configuration, between the template's own comments.
MATHJAX = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
# Inline stylesheets above this size are JupyterLab's theme, identical on every notebook page.
SHARED_STYLE_MIN_CHARS = 100_000
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)


def _is_notebook(page) -> bool:
    return page.file.src_uri.endswith(".ipynb")


@event_priority(-110)  # after mkdocs-static-i18n (-100) has built this language's file list
def on_files(files, config):
    """Add this language's executed notebooks from build/ (they are never written into docs/)."""
    i18n = config.plugins["i18n"]
    language = i18n.current_language
    for source in Tree().examples_found():
        rendered = notebook_output(source.stem, language)
        if not rendered.exists():
            if not _serving:
                log.warning(f"{display(source)} has not been executed yet: run `make build` "
                            "(python -m handbook.verify --notebooks) first")
                continue
            # Code only, marked as running, until `make serve`'s run of it finishes.
            rendered = notebook_output(source.stem, language, pending=True)
            write_notebooks(source, None)
        files.append(_notebook_page(source.stem, rendered, config, language))
    return files


class _Alternate:
    """The language switcher only needs the other language's URL of this page."""

    def __init__(self, url: str):
        self.url = url


def _notebook_page(slug: str, rendered: Path, config, language: str) -> NotebookFile:
    """`build/notebooks/<lang>/examples/<slug>.ipynb` as the page `[<lang>/]examples/<slug>/`."""
    uri = f"examples/{slug}.ipynb"
    file = File(uri, src_dir=str(rendered.parents[1]), dest_dir=config.site_dir,
                use_directory_urls=config.use_directory_urls)
    within = f"examples/{slug}/"
    file.alternates = {lang: _Alternate(prefix(lang) + within) for lang in languages()}
    file.locale = file.localization = file.locale_alternate_of = language
    file.norm_src_uri = uri
    page = NotebookFile(file, **config)
    page.url = prefix(language) + within
    page.dest_path = f"{page.url}index.html"
    page.abs_dest_path = str(Path(config.site_dir) / page.dest_path)
    return page


_serving = False


def _cache_dir(language: str) -> Path:
    return ROOT / ".cache" / "mkdocs-jupyter" / language


def on_pre_build(config):
    """mkdocs-jupyter evicts every cached page its build did not use, and with mkdocs-static-i18n
    each language is a build of its own: one cache folder per language keeps both."""
    jupyter = config.plugins["mkdocs-jupyter"]
    jupyter.config["cache_dir"] = str(_cache_dir(config.plugins["i18n"].current_language))
    if config.plugins["i18n"].current_language == languages()[0]:
        _prerender(jupyter.config)


# mkdocs-jupyter converts each notebook page with nbconvert, one after another, in every language's
# build: 54 conversions, 18 s of a 43 s cold build. The first language's build converts every
# language's pages side by side instead, into the plugin's own cache, under the plugin's own key;
# each page then renders from the cache as it would on any warm build.
_RENDER_OPTIONS = ("kernel_name", "theme", "allow_errors", "show_input", "no_input", "no_prompt",
                   "remove_tag_config", "highlight_extra_classes", "include_requirejs", "custom_mathjax_url")


def _prerender(options) -> None:
    if not options["cache"] or options["execute"]:
        return
    todo = []
    for language in languages():
        for source in Tree().examples_found():
            rendered = notebook_output(source.stem, language)
            if rendered.exists():
                key = mkdocs_jupyter_plugin._compute_cache_key(str(rendered), options, False)
                cached = mkdocs_jupyter_plugin._get_cache_path(str(_cache_dir(language)), key)
                if not cached.exists():
                    todo.append((str(rendered), str(cached)))
    if len(todo) > 1:
        # Forked, not spawned: a hook module cannot be imported by name in a fresh interpreter.
        fork, share = multiprocessing.get_context("fork"), min(len(todo), os.cpu_count() or 1)
        workers = [fork.Process(target=_render_into_cache, args=(todo[i::share], options)) for i in range(share)]
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        # A conversion that failed left no cache entry: the page's own render repeats it and reports it.


def _render_into_cache(jobs: list[tuple[str, str]], options) -> None:
    """What mkdocs-jupyter's page render does on a cache miss (plugin.py, new_render)."""
    from mkdocs_jupyter import convert

    for notebook, cached in jobs:
        body = convert.nb2html(notebook, execute=False, **{name: options[name] for name in _RENDER_OPTIONS})
        toc_tokens, title = mkdocs_jupyter_plugin._get_nb_toc_tokens(notebook, options["toc_depth"])
        Path(cached).parent.mkdir(parents=True, exist_ok=True)
        Path(cached).write_text(json.dumps({"content": body, "toc_tokens": toc_tokens, "title": title}),
                                encoding="utf-8")


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def on_serve(server, config, builder):
    """Rebuild when a notebook run finishes and writes its rendered copies."""
    server.watch(str(BUILD / "notebooks"))
    return server


def on_page_content(content, page, config, files):
    if not _is_notebook(page):
        return content
    content = CDN_SCRIPT.sub("", CDN_MODULE.sub("", MATHJAX.sub("", content)))
    tokens: list[dict] = []
    stack: list[dict] = []
    for level, anchor, inner in HEADING.findall(content):
        name = html.unescape(TAG.sub("", inner)).replace("¶", "").strip()
        token = {"level": int(level), "id": anchor, "name": name, "html": name, "data-toc-label": name, "children": []}
        while stack and stack[-1]["level"] >= token["level"]:
            stack.pop()
        (stack[-1]["children"] if stack else tokens).append(token)
        stack.append(token)
    page.toc = get_toc(tokens)
    if tokens and tokens[0]["level"] == 1:
        page.title = tokens[0]["name"]
    return content


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config):
    i18n = config.plugins["i18n"]
    if i18n.building:  # an inner, per-language build: the merged index is not complete yet
        return
    _share_print_page_styles(config.site_dir)


def _share_print_page_styles(site_dir: str) -> None:
    """The print pages (hooks/printing.py) hold every notebook, each with JupyterLab's stylesheet."""
    for printed in Path(site_dir).glob("**/print_page/index.html"):
        depth = "../" * len(printed.relative_to(site_dir).parent.parts)
        printed.write_text(share_jupyter_styles(printed.read_text(encoding="utf-8"), site_dir, depth),
                           encoding="utf-8")


@event_priority(-150)  # after mkdocs-static-i18n has set the switcher for this page
def on_page_context(context, page, config, nav):
    """On the home pages the i18n plugin keeps the configured links, which start with the path of
    site_url (/handbook/): right when deployed, broken anywhere else (mkdocs serve, a local copy).
    Link every page, home pages included, to its twin by a relative URL."""
    alternates = getattr(page.file, "alternates", {})
    # The theme reads config.extra.alternate, the attribute the i18n plugin sets (not the dict key).
    for alternate in getattr(config.extra, "alternate", None) or []:
        twin = alternates.get(alternate["lang"])
        if twin is not None:
            alternate["link"] = twin.url or "./"
    return context


def _used_rules(nodes) -> list[str]:
    """The rules of a stylesheet except those whose every selector targets a Blueprint widget."""
    kept = []
    for node in nodes:
        if node.type == "qualified-rule":
            selectors = tinycss2.serialize(node.prelude).split(",")
            if all(".bp3-" in selector for selector in selectors):
                continue
        elif node.type == "at-rule" and node.content is not None and node.lower_at_keyword in ("media", "supports"):
            inner = _used_rules(tinycss2.parse_rule_list(node.content, skip_whitespace=True, skip_comments=True))
            if inner:
                kept.append(f"@{node.at_keyword}{tinycss2.serialize(node.prelude)}{{{''.join(inner)}}}")
            continue
        kept.append(tinycss2.serialize([node]))
    return kept


def share_jupyter_styles(output: str, site_dir: str, depth: str) -> str:
    """Replace JupyterLab's inline stylesheet by a link to one shared, trimmed copy under assets/."""

    def shared(match: re.Match) -> str:
        css = match.group(1)
        if len(css) < SHARED_STYLE_MIN_CHARS:
            return match.group(0)
        name = f"assets/stylesheets/jupyter.{hashlib.sha256(css.encode()).hexdigest()[:8]}.css"
        target = Path(site_dir) / name
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            rules = _used_rules(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))
            target.write_text("\n".join(rules), encoding="utf-8")
        return f'<link rel="stylesheet" href="{depth}{name}">'

    return STYLE.sub(shared, output)


def on_post_page(output, page, config):
    if not _is_notebook(page):
        return output
    return share_jupyter_styles(output, config.site_dir, "../" * page.url.count("/"))
