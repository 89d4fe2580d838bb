"""Web addresses fetched from a local server the test starts on 127.0.0.1 (never a real site):
a page imported with its metadata through the real command line, and a clear one-line reason
for a 404, a binary download, a redirect loop, a slow server and a page too large."""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.cli import main
from reader.operations.fetching import USER_AGENT, FetchFailed, fetch_page
from tests.conftest import SEED_EN, SEED_ES
from tests.formats.web_pages import seed_page

PAGES: dict[str, tuple[int, str, bytes]] = {}
SEEN_AGENTS: list[str] = []


class _Site(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        SEEN_AGENTS.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            time.sleep(1.5)
        if self.path.startswith("/loop"):
            self.send_response(302)
            self.send_header("Location", f"/loop{len(self.path)}")
            self.end_headers()
            return
        status, content_type, body = PAGES.get(self.path, (404, "text/html", b"Not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def site() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    yield base
    server.shutdown()
    server.server_close()
    PAGES.clear()


def test_a_page_and_its_translation_are_imported_and_joined_from_addresses(
        site: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    spanish = seed_page(SEED_ES, "es", f"{site}/es/conferencia", {"en": f"{site}/en/conference"})
    english = seed_page(SEED_EN, "en", f"{site}/en/conference", {"es": f"{site}/es/conferencia"})
    PAGES["/es/conferencia"] = (200, "text/html; charset=utf-8", spanish.html.encode())
    PAGES["/en/conference"] = (200, "text/html; charset=utf-8", english.html.encode())
    db = tmp_path / "library.sqlite"
    assert main(["import", f"{site}/es/conferencia", f"{site}/en/conference", "--db", str(db),
                 "--json"]) == 0
    first, second = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert first["path"] == f"{site}/es/conferencia"
    assert (first["status"], first["reason"], first["format"]) == ("imported", None, "html")
    assert second["article_id"] == first["article_id"]
    assert len(first["document_ids"]) == 1 and len(second["document_ids"]) == 1
    assert SEEN_AGENTS[-1] == USER_AGENT
    assert main(["show", str(first["document_ids"][0]), "--db", str(db), "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["text"].split("\n") == list(spanish.paragraphs)
    assert (shown["format"], shown["author"], shown["date"], shown["language"]) == (
        "html", "Quan Minh", "2025-10-14", "es")


def test_an_address_that_fails_says_why_in_one_line(site: str, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    PAGES["/photo"] = (200, "image/png", b"\x89PNG" + bytes(100))
    db = tmp_path / "library.sqlite"
    assert main(["import", f"{site}/missing", f"{site}/photo", "--db", str(db), "--json"]) == 1
    missing, photo = (json.loads(line) for line in capsys.readouterr().out.splitlines())
    assert (missing["status"], missing["reason"]) == (
        "failed", "the server answered 404 Not Found (no such page)")
    assert photo["reason"] == "not a web page: the address gives a download of type image/png"
    assert missing["article_id"] is None and missing["document_ids"] == []


def test_redirect_loops_slow_servers_and_large_pages_are_refused(site: str) -> None:
    PAGES["/big"] = (200, "text/html", b"<p>" + b"word " * 60_000 + b"</p>")
    with pytest.raises(FetchFailed, match="too many redirects"):
        fetch_page(f"{site}/loop")
    with pytest.raises(FetchFailed, match="no answer"):
        fetch_page(f"{site}/slow", timeout=0.3)
    with pytest.raises(FetchFailed, match=r"the page is too large \(1 MB; the limit is 0 MB\)"):
        fetch_page(f"{site}/big", max_bytes=100_000)


def test_an_unknown_host_and_a_closed_port_say_so() -> None:
    with pytest.raises(FetchFailed, match="not a web address"):
        fetch_page("ftp://example.invalid/page")
    with pytest.raises(FetchFailed, match="no such host|no network"):
        fetch_page("http://no-such-host.invalid/page", timeout=5)
    with pytest.raises(FetchFailed, match="refused"):
        fetch_page("http://127.0.0.1:9/page", timeout=5)
