"""Markdown files: headings and paragraphs, with no markup left in the text."""

from __future__ import annotations

import pytest

from reader.formats.markdown_text import read_markdown
from reader.text.file_check import UnreadableFile
from reader.text.source_document import ParagraphKind

PAGE = """---
title: "Rice exports rise again"
lang: es-ES
author: Ana Pérez
date: 2025-10-14
---

Exports of *rice* rose **77 %** in nine months, [the ministry](https://example.org/m) said,
reaching `1,299` million USD ![a chart](chart.png).

## What comes next

- The province plans <b>new</b> roads.
- Budget revenue reached 3,312 billion VND.

1. First numbered point.

> A quoted sentence.

```
code that is not text
```

| Year | Tonnes |
|------|--------|
| 2025 | 1200   |
"""


def test_markup_is_taken_out_and_structure_kept() -> None:
    document = read_markdown(PAGE.encode(), "rice.md")
    assert [(p.kind, p.text) for p in document.paragraphs] == [
        (ParagraphKind.BODY, "Exports of rice rose 77 % in nine months, the ministry said, "
                             "reaching 1,299 million USD a chart."),
        (ParagraphKind.HEADING, "What comes next"),
        (ParagraphKind.BODY, "The province plans new roads."),
        (ParagraphKind.BODY, "Budget revenue reached 3,312 billion VND."),
        (ParagraphKind.BODY, "First numbered point."),
        (ParagraphKind.BODY, "A quoted sentence."),
        (ParagraphKind.BODY, "Year · Tonnes"),
        (ParagraphKind.BODY, "2025 · 1200"),
    ]
    for mark in ("*", "[", "](", "`", "<b>", "---", "##", "- "):
        assert mark not in document.body_text


def test_front_matter_gives_title_language_author_and_date() -> None:
    document = read_markdown(PAGE.encode(), "rice.md")
    assert document.title == "Rice exports rise again"
    assert document.language == "es"
    assert document.byline == "Ana Pérez"
    assert document.metadata == {"format": "markdown", "author": "Ana Pérez",
                                 "date": "2025-10-14"}


def test_the_one_top_heading_is_the_title() -> None:
    document = read_markdown(b"# The headline\n\nFirst paragraph.\n\n## Part\n\nMore.\n", "a.md")
    assert document.title == "The headline"
    assert [p.text for p in document.paragraphs] == ["First paragraph.", "Part", "More."]


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty file"),
    (b"# Only a heading\n", "no paragraphs of text"),
    (b"\x00\x01\x02binary", "binary file"),
])
def test_a_markdown_file_without_text_says_why(data: bytes, reason: str) -> None:
    with pytest.raises(UnreadableFile, match=reason):
        read_markdown(data, "empty.md")
