"""Format libraries load when a file of their kind is read or written, never at start-up: the
command line lists every format at each start."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.formats.bilingual_files import tmx_file
from tests.formats.document_files import epub_file

LIBRARIES = ("defusedxml", "docx", "lxml", "xml.etree.ElementTree", "babel", "trafilatura",
             "markdown_it", "pypdfium2", "zipfile")


def _loaded_after(code: str) -> set[str]:
    script = (f"import sys\n{code}\n"
              f"print(' '.join(m for m in {LIBRARIES!r} if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          check=True, timeout=120)
    return set(done.stdout.split())


def test_starting_the_command_line_loads_no_format_library() -> None:
    assert _loaded_after("from reader.cli import build_parser; build_parser()") == set()


def test_each_library_loads_with_its_first_file(tmp_path: Path) -> None:
    memory = tmx_file(tmp_path / "pair.tmx")
    read = (f"from pathlib import Path\nfrom reader.formats.registry import reader_for\n"
            f"p = Path({str(memory)!r})\nreader_for(p).read(p.read_bytes(), p.name)")
    loaded = _loaded_after(read)
    assert {"defusedxml", "xml.etree.ElementTree"} <= loaded and "docx" not in loaded
    write = ("from reader.formats.exports import PairExport, PairRow\n"
             "from reader.formats.registry import TRANSLATION_PAIR, writer\n"
             "writer(TRANSLATION_PAIR, 'docx').content("
             "PairExport('t', 'es', 'en', [PairRow(('Hola.',), ('Hello.',), 1.0, True)]))")
    assert "docx" in _loaded_after(write)


def test_a_pdf_library_loads_with_the_first_pdf_only(tmp_path: Path) -> None:
    book = epub_file(tmp_path / "book.epub")
    read = (f"from pathlib import Path\nfrom reader.formats.registry import reader_for\n"
            f"p = Path({str(book)!r})\nreader_for(p).read(p.read_bytes(), p.name)")
    loaded = _loaded_after(read)
    assert {"defusedxml", "zipfile"} <= loaded and not {"docx", "pypdfium2"} & loaded
    pdf = ("from reader.formats.pdf_document import read_pdf\n"
           "try:\n    read_pdf(b'%PDF-1.4 cut short', 'a.pdf')\nexcept ValueError:\n    pass")
    assert "pypdfium2" in _loaded_after(pdf)
