"""Web addresses: a page fetched with the standard library (a timeout, a size cap, a redirect
limit, an honest user agent) and imported as a file of its format is; every failure is one
line a reader understands (no network, unknown host, 404, a binary download, too large)."""

from __future__ import annotations

import socket
import ssl
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from reader import __version__

if TYPE_CHECKING:
    from reader.operations.import_work import PreparedFile
    from reader.operations.progress import CancelToken
    from reader.store.library import Library
    from reader.store.records import ImportResult

USER_AGENT = f"ParallelReader/{__version__} (+desktop reader)"
TIMEOUT_SECONDS = 20.0
MAX_SOURCE_BYTES = 200 * 1024 * 1024  # a page's bytes; its text is held to the 20 MB limit
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
# Content types read as a page, and the format each is read in.
_FORMATS = {"text/html": "html", "application/xhtml+xml": "html", "text/markdown": "markdown",
            "text/x-markdown": "markdown", "text/plain": "text"}


class FetchFailed(Exception):
    """An address that gave no page; the message is one line for the reader."""


@dataclass(frozen=True)
class FetchedPage:
    """A page's bytes as the server sent them, where they ended up after redirects."""

    address: str  # the final address
    content: bytes
    content_type: str
    charset: str | None

    @property
    def source_format(self) -> str:
        """The format the page is read in: "html", "markdown" or "text"."""
        return _FORMATS.get(self.content_type, "html")


def is_web_address(text: str) -> bool:
    """Whether a command-line argument or typed text is a web address (http or https)."""
    return text.strip().lower().startswith(("http://", "https://"))


class _Redirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


def fetch_page(address: str, timeout: float = TIMEOUT_SECONDS,
               max_bytes: int = MAX_SOURCE_BYTES, cancel: CancelToken | None = None
               ) -> FetchedPage:
    """The page at a web address; FetchFailed with a one-line reason when there is none."""
    address = address.strip()
    if not is_web_address(address) or not urlsplit(address).hostname:
        raise FetchFailed("not a web address (it must start with http:// or https://)")
    opener = urllib.request.build_opener(_Redirects())
    request = urllib.request.Request(address, headers={
        "User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,text/*;q=0.8"})
    try:
        with opener.open(request, timeout=timeout) as response:
            headers: Message = response.headers
            content_type = headers.get_content_type()
            if content_type not in _FORMATS and not content_type.startswith("text/"):
                raise FetchFailed("not a web page: the address gives a download of type "
                                  f"{content_type}")
            length = headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchFailed(_too_large(int(length), max_bytes))
            content = _read(response, max_bytes, cancel)
            return FetchedPage(response.geturl(), content, content_type,
                               headers.get_content_charset())
    except FetchFailed:
        raise
    except urllib.error.HTTPError as error:
        if error.code in (301, 302, 303, 307, 308):
            raise FetchFailed(f"too many redirects (more than {MAX_REDIRECTS})") from None
        raise FetchFailed(f"the server answered {error.code} {error.reason}".rstrip()
                          + (" (no such page)" if error.code in (404, 410) else "")) from None
    except urllib.error.URLError as error:
        raise FetchFailed(_network_reason(error.reason)) from None
    except TimeoutError:
        raise FetchFailed(f"no answer within {timeout:g} seconds") from None
    except (OSError, ValueError) as error:
        raise FetchFailed(_network_reason(error)) from None


def _read(response: object, max_bytes: int, cancel: CancelToken | None) -> bytes:
    parts: list[bytes] = []
    size = 0
    while True:
        if cancel is not None and cancel.cancelled():
            raise FetchFailed("cancelled")
        chunk = response.read(_CHUNK)  # type: ignore[attr-defined]
        if not chunk:
            return b"".join(parts)
        size += len(chunk)
        if size > max_bytes:
            raise FetchFailed(_too_large(size, max_bytes, at_least=True))
        parts.append(chunk)


def _too_large(size: int, limit: int, at_least: bool = False) -> str:
    megabytes = -(-size // (1024 * 1024))
    more = "more than " if at_least else ""
    return (f"the page is too large ({more}{megabytes} MB; the limit is "
            f"{limit // (1024 * 1024)} MB)")


def _network_reason(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        if reason.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", -5)):
            return "no such host (the address's name is not known)"
        return "no network: the address's name cannot be looked up"
    if isinstance(reason, TimeoutError):
        return "no answer in time (timed out)"
    if isinstance(reason, ConnectionRefusedError):
        return "the server refused the connection"
    if isinstance(reason, ssl.SSLError):
        return f"secure connection failed ({reason.reason or reason})"
    if isinstance(reason, OSError) and reason.errno in (101, 113):  # unreachable
        return "no network: the server cannot be reached"
    return f"cannot be fetched ({reason})"


def page_name(address: str) -> str:
    """The name a page goes by in the library: the last part of its path, else its host."""
    parts = urlsplit(address)
    last = unquote(PurePosixPath(parts.path).name)
    return last or (parts.hostname or "page")


def prepare_address(address: str, cancel: CancelToken | None = None,
                    timeout: float = TIMEOUT_SECONDS) -> PreparedFile:
    """A page fetched, read in its format and analysed; any problem becomes a reason."""

    from reader.formats.markdown_text import read_markdown
    from reader.formats.web_page import read_page
    from reader.operations.import_work import PreparedFile, prepare_page
    from reader.text.article_format import parse_article_text
    from reader.text.file_check import UnreadableFile, check_size

    name = Path(page_name(address))
    try:
        page = fetch_page(address, timeout=timeout, cancel=cancel)
        source_format = page.source_format
        if source_format == "html":
            document = read_page(page.content, page.charset, page.address)
        else:
            check_size(len(page.content))
            text = page.content.decode(page.charset or "utf-8", errors="replace")
            document = (read_markdown(text.encode("utf-8"), name.name)
                        if source_format == "markdown" else parse_article_text(text))
    except FetchFailed as error:
        return PreparedFile(name, None, failure=str(error), address=address)
    except UnreadableFile as error:
        return PreparedFile(name, None, failure=str(error), source_format=source_format,
                            address=address)
    return prepare_page(name, address, document, source_format)


def import_address(library: Library, address: str, cancel: CancelToken | None = None,
                   timeout: float = TIMEOUT_SECONDS) -> ImportResult:
    """Fetch, read and store one web address, and align its article; a failure is a result."""
    from reader.operations.aligning import align_article
    from reader.operations.importer import store_prepared

    result = store_prepared(library, prepare_address(address, cancel, timeout))
    if result.article_id and result.status.value != "failed":
        align_article(library, result.article_id)
    return result

