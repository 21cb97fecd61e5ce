"""The rules a page and its twin follow; each check returns messages that start with `path:line:`.

- A Python fence on a page shows a file of docs_src/<page>/ and holds only its `--8<--` include
  line: code lives once, and the tests run that file. Other fences are in a language we show but
  never run.
- Twins (docs/<lang>/<page>.md) have the same headings with the same ids, the same questions with
  the same difficulty, and include the same code files in the same order.
- Every docs_src/ file is included by its page, in every language.
- Every topic page of the question bank (interview/<topic>.md) asks at least QUESTIONS_PER_TOPIC
  questions: the source posts' questions and the follow-ups an interviewer asks next.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from .grammar import OLD_MARKER, SHOWN, Fence, SourceError, fences, headings, questions, read_text
from .layout import Tree, display, languages, page_of_snippet, snippet_folder


def _parse(path: Path) -> tuple[list[Fence], list, list[str], str]:
    """The fences and headings of a page, its errors, and its text."""
    try:
        text = read_text(path)
        found = fences(text, path)
        heads = headings(text, path)
        questions(heads, path)
        return found, heads, [], text
    except SourceError as exc:
        return [], [], [str(exc)], ""


def check_page(tree: Tree, language: str, relative: str) -> list[str]:
    """The fences of one page follow the conventions page."""
    path = tree.page(language, relative)
    found, _, errors, text = _parse(path)
    folder = snippet_folder(relative)
    if not errors:
        inside = {n for f in found for n in range(f.line, f.end + 1)}
        errors += [f"{display(path)}:{number}: pytest-codeblocks markers are not read any more; a skip or a "
                   "budget goes on the first lines of the docs_src/ file ('# skip: reason')"
                   for number, line in enumerate(text.splitlines(), start=1)
                   if number not in inside and OLD_MARKER.match(line)]
    for fence in found:
        where = f"{display(path)}:{fence.line}"
        if not fence.language:
            errors.append(f"{where}: fence without a language; use ```text for plain text")
        elif fence.is_python:
            included = fence.includes()
            if not included or len(included) != len([line for line in fence.body if line.strip()]):
                errors.append(f"{where}: Python code on a page lives in docs_src/{folder}/<name>.py and the "
                              f'fence holds only its include line: --8<-- "{folder}/<name>.py" (the tests run that file)')
            for name in included:
                if PurePosixPath(name).parent != folder:
                    errors.append(f"{where}: includes {name}; this page's code files are in docs_src/{folder}/")
                elif not (tree.docs_src / name).exists():
                    errors.append(f"{where}: includes docs_src/{name}, which does not exist")
        elif fence.language not in SHOWN:
            errors.append(f"{where}: fence language '{fence.language}' is neither Python (included from docs_src/ "
                          f"and executed) nor a shown-only language ({', '.join(sorted(SHOWN))})")
    return errors


def compare_twins(tree: Tree, relative: str) -> list[str]:
    """The twins of one page: present in every language, same headings, questions and code."""
    paths = {lang: tree.page(lang, relative) for lang in languages()}
    missing = [display(p) for p in paths.values() if not p.exists()]
    if missing:
        present = next(display(p) for p in paths.values() if p.exists())
        return [f"{present}:1: has no twin: {', '.join(missing)} is missing"]
    parsed = {lang: _parse(path) for lang, path in paths.items()}
    errors = [e for _, _, errs, _ in parsed.values() for e in errs]
    if errors:
        return errors
    first, *others = languages()
    a_path = display(paths[first])
    a_fences, a_heads, _, _ = parsed[first]
    for lang in others:
        b_path = display(paths[lang])
        b_fences, b_heads, _, _ = parsed[lang]
        errors += _compare_headings(a_heads, b_heads, a_path, b_path)
        errors += _compare_questions(a_heads, b_heads, a_path, b_path)
        a_code = [(f, name) for f in a_fences for name in f.includes()]
        b_code = [(f, name) for f in b_fences for name in f.includes()]
        for (fa, na), (fb, nb) in zip(a_code, b_code):
            if na != nb:
                errors.append(f"{a_path}:{fa.line} includes {na} where {b_path}:{fb.line} includes {nb}")
        if len(a_code) != len(b_code):
            longer, path = (a_code, a_path) if len(a_code) > len(b_code) else (b_code, b_path)
            extra = longer[min(len(a_code), len(b_code))]
            errors.append(f"{path}:{extra[0].line}: includes {extra[1]}, which its twin does not "
                          f"({len(a_code)} includes in {a_path}, {len(b_code)} in {b_path})")
    return errors


def _compare_headings(a: list, b: list, a_path: str, b_path: str) -> list[str]:
    for x, y in zip(a, b):
        if (x.level, x.id) != (y.level, y.id):
            return [f"{a_path}:{x.line} has heading h{x.level} #{x.id} where {b_path}:{y.line} has h{y.level} #{y.id}"]
    if len(a) != len(b):
        longer, path = (a, a_path) if len(a) > len(b) else (b, b_path)
        extra = longer[min(len(a), len(b))]
        return [f"{path}:{extra.line}: heading #{extra.id} has no counterpart in the other language "
                f"({len(a)} headings in {a_path}, {len(b)} in {b_path})"]
    return []


def _kind(question) -> str:
    return f"{question.difficulty}, added by the site" if question.added else str(question.difficulty)


def _compare_questions(a: list, b: list, a_path: str, b_path: str) -> list[str]:
    qa, qb = [h for h in a if h.is_question], [h for h in b if h.is_question]
    for x, y in zip(qa, qb):
        if (x.id, x.difficulty, x.added) != (y.id, y.difficulty, y.added):
            return [f"{a_path}:{x.line} asks #{x.id} ({_kind(x)}) where {b_path}:{y.line} asks #{y.id} ({_kind(y)})"]
    if len(qa) != len(qb):
        return [f"{a_path} has {len(qa)} questions, {b_path} has {len(qb)}"]
    return []


def orphans(tree: Tree) -> list[str]:
    """docs_src/ files that no page includes in every language: code nobody sees."""
    errors = []
    for snippet in tree.snippets():
        page = page_of_snippet(tree, snippet)
        name = snippet.relative_to(tree.docs_src).as_posix()
        for lang in languages():
            path = tree.page(lang, page)
            included = path.exists() and any(name in f.includes() for f in _parse(path)[0])
            if not included:
                errors.append(f"{display(snippet)}:1: not included by {display(path)}; every language's page "
                              f'shows it with a Python fence holding --8<-- "{name}"')
    return errors


def shown_on(tree: Tree, snippet: Path) -> list[str]:
    """`path:line` of every fence that includes a docs_src/ file, in every language."""
    page = page_of_snippet(tree, snippet)
    name = snippet.relative_to(tree.docs_src).as_posix()
    return [f"{display(tree.page(lang, page))}:{fence.line}" for lang in languages()
            if tree.page(lang, page).exists() for fence in _parse(tree.page(lang, page))[0] if name in fence.includes()]


QUESTIONS_PER_TOPIC = 6


def thin_topics(tree: Tree) -> list[str]:
    """Topic pages of the question bank with fewer than QUESTIONS_PER_TOPIC questions."""
    errors = []
    for relative in tree.pages():
        if not relative.startswith("interview/") or relative.endswith("index.md"):
            continue
        for language in languages():
            path = tree.page(language, relative)
            if path.exists():
                asked = len(questions(headings(read_text(path), path), path))
                if asked < QUESTIONS_PER_TOPIC:
                    errors.append(f"{display(path)}:1: asks {asked} question{'' if asked == 1 else 's'}; a topic page "
                                  f"asks at least {QUESTIONS_PER_TOPIC} (add the follow-ups an interviewer asks next)")
    return errors
