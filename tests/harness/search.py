"""Ask the site's own search worker, in the browser, what a reader's queries return.

The page's theme configuration names the worker and the index (`__config`: `search`, `base`); the
worker is set up exactly as Material's main thread does it, and each query is posted as the search
box posts it. What comes back is the result list the reader sees: pages in order, best first.
"""

from __future__ import annotations

ASK = """async (queries) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const base = new URL(config.base.replace(/\\/?$/, "/"), location.href);
  const started = performance.now();
  const index = await (await fetch(new URL("search/search_index.json", base))).json();
  const worker = new Worker(new URL(config.search, location.href));
  const call = message => new Promise(resolve => {
    worker.onmessage = event => resolve(event.data);
    worker.postMessage(message);
  });
  await call({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
  const answers = {};
  let first = null;
  for (const query of queries) {
    const reply = await call({type: 2, data: query});
    if (first === null) first = performance.now() - started;
    // One group per page, best first; the page is the group's location without its #section.
    answers[query] = reply.data.items.map(group => group[0].location.split("#")[0]);
  }
  worker.terminate();
  return {answers, first_result_ms: first};
}"""


def ask(page, start: str, queries: list[str]) -> tuple[dict[str, list[str]], float]:
    """The pages each query finds, searched from `start` (a page of the reader's language), and the
    milliseconds from fetching the index to the first result."""
    page.goto(start)
    reply = page.evaluate(ASK, queries)
    pages = {q: list(dict.fromkeys(found)) for q, found in reply["answers"].items()}
    return pages, reply["first_result_ms"]


def misses(answers: dict[str, list[str]], expected: dict[str, str | tuple[str, ...]], top: int = 3) -> list[str]:
    """Each query none of whose pages is among the first `top` results, with what came back instead."""
    found = []
    for query, pages in expected.items():
        pages = (pages,) if isinstance(pages, str) else pages
        if not set(pages) & set(answers.get(query, [])[:top]):
            found.append(f"{query!r}: expected {' or '.join(pages)} in the first {top}, "
                         f"got {answers.get(query, [])[:top] or 'nothing'}")
    return found


QUALITY = 0.95


def quality_failure(answers: dict[str, list[str]], expected: dict[str, str | tuple[str, ...]]) -> str | None:
    """None when at least QUALITY of the queries find their page in the first three; otherwise the
    share, and every miss with what came back."""
    missed = misses(answers, expected)
    found = 1 - len(missed) / len(expected)
    if found >= QUALITY:
        return None
    return (f"only {found:.0%} of {len(expected)} queries find their page in the first 3 (at least "
            f"{QUALITY:.0%}):\n" + "\n".join(missed))
