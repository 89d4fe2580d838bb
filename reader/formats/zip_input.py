"""ZIP archives (EPUB, ODT, DOCX) opened safely: a file that is no archive or was cut short,
an encrypted one, and an archive that would expand past the limit (a "zip bomb") are each
refused with a one-line reason before anything large is read.

What an archive says of its members' sizes is checked before a member is read, and what is
read is counted again as it comes, so a member that lies about its size is stopped too.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.text.file_check import MAX_FILE_BYTES, MAX_SOURCE_BYTES, UnreadableFile

if TYPE_CHECKING:
    import zipfile

# More members than any book or document has: a sign of an archive made to exhaust memory.
MAX_MEMBERS = 20_000
# The most an archive may expand to, all its members together (what they declare and what
# is actually read).
MAX_EXPANDED_BYTES = MAX_SOURCE_BYTES
_CHUNK = 1024 * 1024
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
# What a file that lies about its type most often is, by its first bytes.
_OTHER_KINDS = (
    (b"%PDF", "a PDF file"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc), not a ZIP-based one"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"{\\rtf", "an RTF document"),
)


def expansion_reason(size: int) -> str:
    """The one wording of an archive that would expand past the limit."""
    megabytes = -(-size // (1024 * 1024))
    limit = MAX_EXPANDED_BYTES // (1024 * 1024)
    return (f"refused: the archive would expand to {megabytes} MB or more (the limit is "
            f"{limit} MB), which could exhaust memory")


def _part_too_large(name: str, size: int, limit: int) -> str:
    megabytes = -(-size // (1024 * 1024))
    return (f"refused: its part {name} expands to {megabytes} MB or more (the limit for one "
            f"part is {limit // (1024 * 1024)} MB)")


def kind_of(data: bytes) -> str | None:
    """What a file that is not a ZIP archive is, by its first bytes; None when unknown."""
    head = data[:16]
    for signature, kind in _OTHER_KINDS:
        if head.startswith(signature):
            return kind
    if not data.strip():
        return "empty"
    if b"\x00" not in data[:4096]:
        return "text"
    return None


@dataclass
class Archive:
    """An opened ZIP archive whose members are read within one shared budget."""

    zip: zipfile.ZipFile  # zipfile is imported with the first archive, not at start-up
    format_label: str  # "an EPUB", "an ODT"
    budget: int = MAX_EXPANDED_BYTES
    _names: dict[str, zipfile.ZipInfo] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._names = {info.filename: info for info in self.zip.infolist()}

    def has(self, name: str) -> bool:
        """Whether the archive holds a member of this name."""
        return name in self._names

    def names(self) -> list[str]:
        """The names of the archive's members, in its order."""
        return list(self._names)

    def read(self, name: str, part_limit: int = MAX_FILE_BYTES) -> bytes:
        """A member's bytes; UnreadableFile when it is missing, damaged, larger than one part
        may be, or past the archive's budget."""
        info = self._names.get(name)
        if info is None:
            raise UnreadableFile(f"not {self.format_label} file: it has no {name}")
        if info.file_size > part_limit:
            raise UnreadableFile(_part_too_large(name, info.file_size, part_limit))
        if info.file_size > self.budget:
            raise UnreadableFile(expansion_reason(MAX_EXPANDED_BYTES - self.budget
                                                  + info.file_size))
        import zipfile

        parts: list[bytes] = []
        taken = 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    taken += len(chunk)
                    if taken > part_limit:
                        raise UnreadableFile(_part_too_large(name, taken, part_limit))
                    if taken > self.budget:
                        raise UnreadableFile(expansion_reason(MAX_EXPANDED_BYTES - self.budget
                                                              + taken))
                    parts.append(chunk)
        except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as error:
            raise UnreadableFile(
                f"damaged archive: its part {name} cannot be read ({error})") from None
        except (OSError, RuntimeError) as error:  # zlib errors; "password required"
            raise UnreadableFile(
                f"damaged archive: its part {name} cannot be read ({error})") from None
        self.budget -= taken
        return b"".join(parts)


def open_archive(data: bytes, format_label: str) -> Archive:
    """The archive a file's bytes hold; UnreadableFile saying why they hold none, why it is
    damaged or encrypted, or that it would expand past the limit."""
    import zipfile

    if not data.startswith(_ZIP_SIGNATURES):
        kind = kind_of(data)
        described = f"it is {kind}" if kind else "it is not a ZIP archive"
        raise UnreadableFile(f"not {format_label} file: {described}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise UnreadableFile(
            f"damaged {format_label.removeprefix('an ').removeprefix('a ')} file: the archive "
            "is cut short or corrupt (its table of contents cannot be found)") from None
    infos = archive.infolist()
    if len(infos) > MAX_MEMBERS:
        raise UnreadableFile(f"refused: the archive has {len(infos)} parts (the limit is "
                             f"{MAX_MEMBERS})")
    declared = sum(info.file_size for info in infos)
    if declared > MAX_EXPANDED_BYTES:
        raise UnreadableFile(expansion_reason(declared))
    if any(info.flag_bits & 0x1 for info in infos):
        raise UnreadableFile("is password-protected (its archive is encrypted)")
    return Archive(archive, format_label)
