"""Make docs/web-article.png: two news pages (the Cao Bang seed in Spanish and English, with a
site's boilerplate round them and hreflang links to each other) served on 127.0.0.1, imported
by their addresses into a scratch library, and the window shot with that article open.

Run from the repository's top folder: .venv/bin/python docs/make_web_screenshot.py
"""

from __future__ import annotations

import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

TOP = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TOP))

from tests.conftest import SEED_EN, SEED_ES  # noqa: E402
from tests.formats.web_pages import seed_page  # noqa: E402

PAGES: dict[str, bytes] = {}


class Site(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        body = PAGES.get(self.path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_args: object) -> None:
        pass


def main() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Site)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    site = f"http://127.0.0.1:{server.server_port}"
    spanish, english = f"{site}/es/conferencia-cao-bang", f"{site}/en/cao-bang-conference"
    PAGES["/es/conferencia-cao-bang"] = seed_page(
        SEED_ES, "es", spanish, {"en": english},
        title="Conferencia para evaluar los resultados de 9 meses de trabajo").html.encode()
    PAGES["/en/cao-bang-conference"] = seed_page(
        SEED_EN, "en", english, {"es": spanish},
        title="Conference to evaluate the results of 9 months' work").html.encode()
    reader = str(TOP / ".venv" / "bin" / "reader")
    with tempfile.TemporaryDirectory() as scratch:
        db = str(Path(scratch) / "library.sqlite")
        subprocess.run([reader, "import", spanish, english, "--db", db], check=True)
        for seed_article in (1, 2, 3, 4):  # a new library starts with the seeds: not shown
            subprocess.run([reader, "delete", str(seed_article), "--db", db], check=True,
                           capture_output=True)
        subprocess.run([reader, "screenshot", str(TOP / "docs" / "web-article.png"), "--db", db,
                        "--article", "5", "--size", "1366x768"], check=True)
    server.shutdown()


if __name__ == "__main__":
    main()
