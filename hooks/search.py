"""MkDocs hook: search that finds what a reader types, in each language.

- One index per language: the i18n plugin merges both languages into site/search/, so a Chinese
  page could find English pages and the reverse. Split it into site/search/ (default language) and
  site/<lang>/search/; overrides/main.html points each language's pages at its own. Each index
  names only the languages of its own pages: English gets English stemming alone.
- Chinese words: the search plugin cuts Chinese text with jieba at build time, and the theme cuts a
  query with the words of the index. jieba's dictionary splits many of our terms (联邦学习 into
  联邦 + 学习), so a compound query matched its parts. The glossary's Chinese terms join jieba's
  dictionary first: the index then holds 联邦学习 as one word, and so does the query.
- Queries: the theme matches each query word as a prefix of the index's words, but the index holds
  stems (overfitting -> overfit) and the query does not, so an inflected word found nothing.
  overrides/assets/javascripts/workers/search-handbook.js stems the query's words with the same
  stemmer before the theme's worker sees them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.plugins import event_priority

from handbook import wording
from handbook.layout import Tree, default_language, language_of_url, languages, prefix

GLOSSARY = Tree().page(default_language(), wording.GLOSSARY)
HAN = re.compile(r"[\u4e00-\u9fff]")
# Stemming and trimming per index: the languages whose words its pages hold.
INDEX_LANGUAGES = {"zh": ["zh", "en"], "en": ["en"]}


def glossary_words(path: Path = GLOSSARY) -> list[str]:
    """The Chinese terms of the glossary's tables (first column), each alternative on its own."""
    lines = path.read_text(encoding="utf-8").splitlines()
    words = []
    for line, below in zip(lines, lines[1:] + [""]):
        if not line.startswith("|") or below.startswith("|---"):  # not a table row, or its header
            continue
        first = line.strip("|").split("|")[0]
        for alternative in re.split(r"[/／、，,]", first):
            for word in re.split(r"[（）()\"“”]+", alternative):
                word = word.strip()
                # "F1 分数", "k 折交叉验证": a mixed term is not one Chinese word.
                if len(word) >= 2 and HAN.search(word) and not re.search(r"[A-Za-z0-9\s]", word):
                    words.append(word)
    return list(dict.fromkeys(words))


def on_config(config):
    import jieba

    for word in glossary_words():
        jieba.add_word(word)
    return config


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config):
    if config.plugins["i18n"].building:  # an inner, per-language build: the index is not complete
        return
    site = Path(config.site_dir)
    merged = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for lang in languages():
        docs = [dict(doc, location=doc["location"][len(prefix(lang)):])
                for doc in merged["docs"] if language_of_url(doc["location"]) == lang]
        index = dict(merged, config=dict(merged["config"], lang=INDEX_LANGUAGES.get(lang, [lang])), docs=docs)
        target = site / prefix(lang) / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False), encoding="utf-8")
