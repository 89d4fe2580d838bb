"""Annotations as Markdown to read: a section per article, each passage quoted, then its
colour, language, tags and note.

Everything the reader or an imported file wrote (titles, quotes, notes, tags) is escaped, so
that it reads as the text it is: it cannot make a link, an image, a heading, a list, HTML or
a table, nor leave the blockquote or paragraph it is written in.
"""

from __future__ import annotations

import re

from reader.formats.base import Writer
from reader.formats.exports import ANNOTATIONS, AnnotationExport, ExportedAnnotation

ORPHANED_MARK = "(place lost when the text changed)"

# Every character CommonMark or GitHub Markdown gives a meaning inside a line.
_SIGNIFICANT = re.compile(r"([\\`*_\[\]()#+\-!<>|~&])")
# What makes a block at the start of a line: a setext underline, an ordered list item.
_BLOCK_START = re.compile(r"^(\s*)(=|\d+(?=[.)]))")


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


def escape_markdown(text: str) -> str:
    """One line of text as Markdown that shows exactly it (no markup of its own)."""
    escaped = _SIGNIFICANT.sub(r"\\\1", text)
    match = _BLOCK_START.match(escaped)
    if match and match.group(2) == "=":
        escaped = escaped[:match.start(2)] + "\\" + escaped[match.start(2):]
    elif match:
        after = match.end(2)
        escaped = escaped[:after] + "\\" + escaped[after:]
    return escaped


def _article_lines(group: list[ExportedAnnotation]) -> list[str]:
    languages = list(dict.fromkeys(a.language for a in group))
    title = group[0].article_title or "Untitled"
    lines = [f"## {_one_line(title)} ({escape_markdown(', '.join(languages))})", ""]
    for annotation in group:
        lines += [_blockquote(annotation.exact), ""]
        details = [f"*{escape_markdown(annotation.colour)}*", escape_markdown(annotation.language)]
        if annotation.tags:
            details.append("tags: " + ", ".join(_one_line(tag) for tag in annotation.tags))
        if annotation.orphaned:
            details.append(ORPHANED_MARK)
        lines += [" · ".join(details), ""]
        if annotation.note.strip():
            lines += [_paragraphs(annotation.note.strip()), ""]
    return lines


def _one_line(text: str) -> str:
    return escape_markdown(" ".join(text.split()))


def _paragraphs(text: str) -> str:
    """Text as paragraphs of its own lines, each line escaped so that none starts a block."""
    return "\n".join(escape_markdown(line) for line in text.splitlines())


def _blockquote(text: str) -> str:
    """Text as a blockquote: every line quoted, blank lines too, so no line leaves it."""
    lines = [escape_markdown(line) for line in text.splitlines()] or [""]
    return "\n".join(f"> {line}" if line.strip() else ">" for line in lines)


WRITER = Writer(ANNOTATIONS, "md", "Markdown", ".md", write_markdown)
