"""What a format is: a reader (a file's bytes → a source document) or a writer (records → a
file's content), each known by a name, a label for file dialogs and the file names it goes by."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fnmatch import fnmatchcase
from typing import Generic, TypeVar

from reader.text.aligned_source import AlignedSource
from reader.text.file_check import MAX_FILE_BYTES
from reader.text.source_document import SourceDocument

Records = TypeVar("Records")

# A file's bytes and its name → the document it holds, or the two aligned language versions a
# bilingual file holds; UnreadableFile (one line) when none.
ReadDocument = Callable[[bytes, str], SourceDocument | AlignedSource]


def file_filter(label: str, patterns: tuple[str, ...]) -> str:
    """One file-dialog filter: "Text articles (*.txt *.text)"."""
    return f"{label} ({' '.join(patterns)})"


def matches(file_name: str, patterns: tuple[str, ...]) -> bool:
    """Whether a file name fits one of the patterns, in any case ("A.TXT" fits "*.txt")."""
    name = file_name.lower()
    return any(fnmatchcase(name, pattern) for pattern in patterns)


@dataclass(frozen=True)
class DocumentReader:
    """A format documents are read from: "text", "Text articles", ("*.txt", "*.text")."""

    name: str
    label: str
    patterns: tuple[str, ...]  # lower case
    read: ReadDocument
    max_bytes: int = MAX_FILE_BYTES  # the largest file it reads (a document's text is limited
    # to MAX_FILE_BYTES whatever the file's size)

    def claims(self, file_name: str) -> bool:
        """Whether a file of this name is one for this reader."""
        return matches(file_name, self.patterns)

    def file_filter(self) -> str:
        """This format's file-dialog filter."""
        return file_filter(self.label, self.patterns)


@dataclass(frozen=True)
class WriterKind(Generic[Records]):
    """What a family of writers writes ("annotations", "figures"), typed by what they are given."""

    name: str


@dataclass(frozen=True)
class Writer(Generic[Records]):
    """A format records are written in: "csv", "CSV", ".csv"; `write` gives the file's content."""

    kind: WriterKind[Records]
    name: str  # what the command line calls it (--format NAME)
    label: str
    suffix: str  # given to a file name that has none
    write: Callable[[Records], str | bytes]  # text is written as UTF-8
    patterns: tuple[str, ...] = ()  # the file names it goes by; none: *suffix

    def file_patterns(self) -> tuple[str, ...]:
        """The file names this format goes by."""
        return self.patterns or (f"*{self.suffix}",)

    def file_filter(self) -> str:
        """This format's file-dialog filter."""
        return file_filter(self.label, self.file_patterns())

    def content(self, records: Records) -> bytes:
        """The records written in this format, as the bytes of a file."""
        written = self.write(records)
        return written.encode("utf-8") if isinstance(written, str) else written
