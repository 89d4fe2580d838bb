"""The translation check of two whole files, as `reader check-figures` prints it."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from reader.text.figure_check import FigurePair, check_texts


def check_files(source_text: str, target_text: str, source_language: str | None,
                target_language: str | None, layout: str) -> dict[str, Any]:
    """{"pairs": N, "flags": [...]}: articles split and aligned as the library does
    ("articles"), lines aligned ("presegmented"), or line i with line i ("aligned")."""
    from reader.text.alignment import align_texts
    from reader.text.language import detect_language

    if layout == "aligned":
        source_lines, target_lines = _lines(source_text), _lines(target_text)
        count = max(len(source_lines), len(target_lines))
        source_code = source_language or detect_language(source_text)
        target_code = target_language or detect_language(target_text)
        beads: list[tuple[tuple[int, ...], tuple[int, ...]]] = [
            ((i,) if i < len(source_lines) else (), (i,) if i < len(target_lines) else ())
            for i in range(count)]
        source_sentences, target_sentences = source_lines, target_lines
    else:
        result = align_texts(source_text, target_text, source_language, target_language,
                             presegmented=layout == "presegmented")
        source_code, target_code = result.source_language, result.target_language
        beads = [(bead.source, bead.target) for bead in result.beads]
        source_sentences = list(result.source_sentences)
        target_sentences = list(result.target_sentences)
    flags = []
    for source_side, target_side in beads:
        source_group = " ".join(source_sentences[i] for i in source_side)
        target_group = " ".join(target_sentences[j] for j in target_side)
        for check in check_texts(source_group, source_code, target_group, target_code):
            flags.append(_flag(check.pair, source_side, target_side))
    return {"pairs": len(beads), "flags": flags}


def _lines(text: str) -> list[str]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return lines[:-1] if lines and lines[-1] == "" else lines


def _flag(pair: FigurePair[Any], source_side: tuple[int, ...],
          target_side: tuple[int, ...]) -> dict[str, Any]:
    return {
        "src": list(source_side), "tgt": list(target_side), "verdict": pair.verdict.value,
        "source": [_figure(pair.source)] if pair.source is not None else [],
        "target": [_figure(pair.target)] if pair.target is not None else [],
        "factor": _number(pair.factor) if pair.factor is not None else None,
        "reason": pair.reason.value,
    }


def _figure(figure: Any) -> dict[str, Any]:
    return {"surface": figure.surface, "value": _number(figure.value), "unit": figure.unit}


def _number(value: Decimal) -> int | float | str:
    """A JSON number, or a string for a value too long for one."""
    from reader.text.figures import json_number

    return json_number(value)
