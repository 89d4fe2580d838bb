"""What writers are given: the kinds of writer and the shape of the records each kind writes.

Formats sit beside the store, not above it, so a writer cannot name the store's records.
Protocols say which fields it reads instead: the store's frozen records (Annotation,
FigureRecord) have them, and so would any other record; nothing is copied on the way out.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from reader.formats.base import WriterKind
from reader.text.figure_check import Measured


class ExportedAnnotation(Protocol):
    """An annotation as the annotation writers read it (reader.store.Annotation is one)."""

    @property
    def id(self) -> int: ...
    @property
    def uid(self) -> str: ...
    @property
    def document_id(self) -> int: ...
    @property
    def article_id(self) -> int: ...
    @property
    def language(self) -> str: ...
    @property
    def document_uri(self) -> str: ...
    @property
    def article_title(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def exact(self) -> str: ...
    @property
    def prefix(self) -> str: ...
    @property
    def suffix(self) -> str: ...
    @property
    def colour(self) -> str: ...
    @property
    def note(self) -> str: ...
    @property
    def tags(self) -> tuple[str, ...]: ...
    @property
    def orphaned(self) -> bool: ...
    @property
    def created_at(self) -> str: ...
    @property
    def updated_at(self) -> str: ...


@dataclass(frozen=True)
class AnnotationExport:
    """Annotations to write, in order, with the collection's label and the colours' CSS."""

    annotations: Sequence[ExportedAnnotation]
    label: str = "Parallel Reader annotations"
    colours: Mapping[str, str] = field(default_factory=dict)  # colour name → CSS colour


class ReportedFigure(Measured, Protocol):
    """A figure as the figure writers read it: what the translation check measures, with
    its label and qualifier (reader.store.FigureRecord is one)."""

    @property
    def label(self) -> str: ...
    @property
    def qualifier(self) -> str: ...
    @property
    def surface(self) -> str: ...


FigureRow = tuple[str, str, ReportedFigure]  # article title, language, figure

ANNOTATIONS: WriterKind[AnnotationExport] = WriterKind("annotations")
FIGURES: WriterKind[Sequence[FigureRow]] = WriterKind("figures")


@dataclass(frozen=True)
class PairRow:
    """One bead of a translation pair as its writers read it: the sentences of each side,
    the aligner's confidence, whether the reader set it by hand, and whether each side goes
    on the paragraph of the row before."""

    source: tuple[str, ...]
    target: tuple[str, ...]
    confidence: float
    manual: bool
    source_continues: bool = False
    target_continues: bool = False


@dataclass(frozen=True)
class PairExport:
    """A translation pair to write: its title, its two languages and its beads in order."""

    title: str
    source_language: str
    target_language: str
    rows: Sequence[PairRow]
    tool_version: str = ""


TRANSLATION_PAIR: WriterKind[PairExport] = WriterKind("translation pair")
