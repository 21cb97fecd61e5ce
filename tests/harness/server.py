"""Serve a built site on 127.0.0.1 the way a static host does: gzip for text, quiet logs.

The browser tests use it, and so does the Lighthouse audit in the README:
`python -m tests.harness.server site 8000`. Static hosts (GitHub Pages among them) compress
HTML, CSS, JS and JSON; an uncompressed local server would make every page look several times
heavier than it is for readers.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".ipynb", ".txt"}


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"  # "/dir" without the slash: the parent class redirects
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.is_file() and path.suffix in COMPRESSIBLE):
            return super().send_head()
        body = _compressed(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=512)
def _compressed(path: Path, mtime_ns: int) -> bytes:
    """Compressed once per file version: every page requests the same theme assets."""
    return gzip.compress(path.read_bytes(), compresslevel=6)


@contextlib.contextmanager
def serve(site: Path, port: int = 0) -> Iterator[str]:
    """Serve `site` in a background thread; yield its base URL."""
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(Handler, directory=str(site)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="the built site, e.g. site/")
    parser.add_argument("port", type=int, nargs="?", default=8000)
    args = parser.parse_args()
    with serve(args.site, args.port) as url:
        print(f"serving {args.site} on {url}/ (Ctrl-C stops)")
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()
