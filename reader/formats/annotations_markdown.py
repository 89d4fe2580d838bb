"""Annotations as Markdown to read: a section per article, each passage quoted, then its
colour, language, tags and note."""

from __future__ import annotations

from reader.formats.base import Writer
from reader.formats.exports import ANNOTATIONS, AnnotationExport, ExportedAnnotation

ORPHANED_MARK = "(place lost when the text changed)"


def write_markdown(export: AnnotationExport) -> str:
    """Articles in order of first appearance, their annotations in the order given."""
    articles: dict[int, list[ExportedAnnotation]] = {}
    for annotation in export.annotations:
        articles.setdefault(annotation.article_id, []).append(annotation)
    lines = ["# Annotations", ""]
    if not articles:
        lines += ["No annotations.", ""]
    for group in articles.values():
        lines += _article_lines(group)
    return "\n".join(lines)


def _article_lines(group: list[ExportedAnnotation]) -> list[str]:
    languages = list(dict.fromkeys(a.language for a in group))
    title = group[0].article_title or "Untitled"
    lines = [f"## {_one_line(title)} ({', '.join(languages)})", ""]
    for annotation in group:
        lines += [_blockquote(annotation.exact), ""]
        details = [f"*{annotation.colour}*", annotation.language]
        if annotation.tags:
            details.append("tags: " + ", ".join(annotation.tags))
        if annotation.orphaned:
            details.append(ORPHANED_MARK)
        lines += [" · ".join(details), ""]
        if annotation.note.strip():
            lines += [annotation.note.strip(), ""]
    return lines


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _blockquote(text: str) -> str:
    return "\n".join(f"> {line}" if line.strip() else ">" for line in text.splitlines() or [""])


WRITER = Writer(ANNOTATIONS, "md", "Markdown", ".md", write_markdown)
