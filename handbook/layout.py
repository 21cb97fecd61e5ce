"""Where everything is, and the rules that connect a source to the page that shows it.

The one place that knows the languages (read from mkdocs.yml), which of them is the default (the
one without a URL prefix), where pages, shared page code, example notebooks and build outputs
live, and how a path is shown in messages. Hooks and tests import it; none of them works these
rules out again.

    docs/<lang>/<page>.md              a page, the same relative path in every language
    docs_src/<page>/<name>.py          code shown on <page>, included into every language's twin
    examples/<slug>.py                 an example notebook: shared code cells, prose per language
    build/notebooks/<lang>/examples/   the executed notebooks the site renders (generated)
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "build"
CACHE = ROOT / ".cache" / "handbook"
# Every program (a page's code file, a notebook) runs within this many seconds unless it declares
# a larger budget with a reason.
DEFAULT_BUDGET_S = 60
# Each program's process may map at most this much memory: a runaway allocation fails that
# program alone instead of the machine.
MEMORY_CAP_BYTES = 4 * 1024**3


def display(path: Path | str) -> str:
    """A path as messages show it: relative to the repository root, as a maintainer opens it."""
    path = Path(path).resolve()
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


class _Loader(yaml.SafeLoader):
    """mkdocs.yml holds `!!python/...` tags (the slugify function); we only need plain values."""


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@functools.cache
def _i18n() -> dict:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"]
    raise LookupError("mkdocs.yml: no i18n plugin configured")


@functools.cache
def languages() -> tuple[str, ...]:
    """The site's languages in mkdocs.yml order, the default first."""
    configured = [entry["locale"] for entry in _i18n()["languages"]]
    return (default_language(), *[lang for lang in configured if lang != default_language()])


@functools.cache
def default_language() -> str:
    defaults = [entry["locale"] for entry in _i18n()["languages"] if entry.get("default")]
    if len(defaults) != 1:
        raise LookupError(f"mkdocs.yml: expected one i18n language with `default: true`, found {defaults}")
    return defaults[0]


def ui(language: str) -> dict:
    """The interface strings the site adds, in `language` (mkdocs.yml: the language's `extra.ui`)."""
    for entry in _i18n()["languages"]:
        if entry["locale"] == language:
            return entry["extra"]["ui"]
    raise LookupError(f"mkdocs.yml: no i18n language {language!r}")


def prefix(language: str) -> str:
    """The URL prefix of a language: none for the default language, `<lang>/` for the others."""
    return "" if language == default_language() else f"{language}/"


def language_of_url(path: str) -> str:
    """The language of a site path such as `en/interview/cnn/` or `interview/cnn/`."""
    first = PurePosixPath(path.lstrip("/")).parts[:1]
    return first[0] if first and first[0] in languages() and first[0] != default_language() \
        else default_language()


@dataclass(frozen=True)
class Tree:
    """The three source folders; the tests point them at fixture trees."""

    docs: Path = ROOT / "docs"
    docs_src: Path = ROOT / "docs_src"
    examples: Path = ROOT / "examples"

    def pages(self) -> list[str]:
        """Relative paths of the pages found in any language (a page missing in one is still listed)."""
        return sorted({p.relative_to(self.docs / lang).as_posix()
                       for lang in languages() for p in (self.docs / lang).rglob("*.md")})

    def page(self, language: str, relative: str) -> Path:
        return self.docs / language / relative

    def snippets(self) -> list[Path]:
        return sorted(self.docs_src.rglob("*.py"))

    def examples_found(self) -> list[Path]:
        return sorted(self.examples.glob("*.py"))


def snippet_folder(page: str) -> PurePosixPath:
    """The folder of docs_src/ that holds the code of a page: `interview/cnn.md` -> `interview/cnn`."""
    return PurePosixPath(page).with_suffix("")


def page_of_snippet(tree: Tree, snippet: Path) -> str:
    """The page a docs_src file belongs to: `docs_src/interview/cnn/x.py` -> `interview/cnn.md`."""
    return snippet.parent.relative_to(tree.docs_src).as_posix() + ".md"


def notebook_output(slug: str, language: str, build: Path = BUILD, pending: bool = False) -> Path:
    """Where the executed notebook of `examples/<slug>.py` is written for one language (or, while
    `make serve` is still running it, its code-only stand-in)."""
    return build / ("pending" if pending else "notebooks") / language / "examples" / f"{slug}.ipynb"
