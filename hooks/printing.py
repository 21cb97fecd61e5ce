"""MkDocs hook: one printable page per language (mkdocs-print-site-plugin under mkdocs-static-i18n).

The print plugin creates its page once, before the i18n plugin builds each language, so every
language would write print_page/ and the last one would win; and the page borrows the language
switcher of the last page rendered. Give each language its own print_page/, a switcher that
leads to the other language's print page, and the relative base every other page has.
"""

import re
from pathlib import Path

from mkdocs.plugins import event_priority

from handbook.layout import prefix


def on_pre_build(config):
    printer = config.plugins.get("print-site")
    if printer is not None:
        here = prefix(config.plugins["i18n"].current_language)
        printer.print_file.dest_uri = f"{here}print_page/index.html"
        printer.print_file.url = f"{here}print_page/"


@event_priority(-50)  # after the print plugin has written the page
def on_post_build(config):
    """The print page borrows the switcher of the last page rendered: point it at the other
    language's print page instead."""
    i18n = config.plugins["i18n"]
    page = Path(config.site_dir) / prefix(i18n.current_language) / "print_page" / "index.html"
    if not page.exists():
        return
    depth = "../" * (1 + bool(prefix(i18n.current_language)))

    def relink(match: re.Match) -> str:
        return f'href="{depth}{prefix(match.group(1))}print_page/" hreflang="{match.group(1)}"'

    html = re.sub(r'href="[^"]*" hreflang="([a-z]+)"', relink, page.read_text(encoding="utf-8"))
    # The print plugin renders the page with the theme's base set to site_url's path (/handbook/):
    # right only where the site is deployed at that path. Make it relative, as on every other page.
    html = re.sub(r'(<script id="__config" type="application/json">\{.*?"base": )"[^"]*"',
                  lambda m: f'{m.group(1)}"{depth.rstrip("/")}"', html, count=1)
    page.write_text(html, encoding="utf-8")
