"""What the translation-check benchmarks share: the NTREX development data, its split by
story into a tuning half and a held-out half, the hand labels, and the check of one pair."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NTREX = ROOT.parent / "shared" / "data" / "ntrex-dev"
LABELS = Path(__file__).resolve().parent / "translation_check_labels.tsv"
LANGUAGES = ("es", "sv", "ru", "nb")
_FILES = {"en": "eng", "es": "spa", "sv": "swe", "ru": "rus", "nb": "nob"}


@dataclass(frozen=True)
class Ntrex:
    """Line i of every language is the same sentence; stories[i] names its story."""

    stories: list[str]
    lines: dict[str, list[str]]


@dataclass(frozen=True)
class Label:
    """A pair judged by hand: a real discrepancy of the translation, or a false alarm."""

    label: str  # "real" or "false"
    reason: str


def load_ntrex(folder: Path = NTREX) -> Ntrex:
    """The five languages' lines and the story of each line."""
    stories = (folder / "DOCUMENT_IDS.tsv").read_text(encoding="utf-8").splitlines()
    lines = {language: (folder / f"ntrex-dev.{code}.txt").read_text(encoding="utf-8")
             .splitlines() for language, code in _FILES.items()}
    return Ntrex([story.split("\t")[0] for story in stories], lines)


def story_half(story: str) -> str:
    """'tune' or 'held-out': a fixed split of the stories by a hash of their name."""
    digest = hashlib.sha256(story.encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "held-out"


def load_labels(path: Path = LABELS) -> dict[tuple[str, int], Label]:
    """(language, 1-based line) → label."""
    if not path.exists():
        return {}
    labels = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle, delimiter="\t"):
            if not row or row[0].startswith("#") or row[0] == "language":
                continue
            labels[(row[0], int(row[1]))] = Label(row[2], row[3] if len(row) > 3 else "")
    return labels


def check_line(english: str, translation: str, language: str) -> list[str]:
    """The flags the translation check raises on one 1-1 pair, described."""
    from reader.text.figure_check import check_texts

    return [flag.describe() for flag in check_texts(english, "en", translation, language)]


def differing_numbers(english: str, translation: str, language: str) -> str:
    """The numbers written in digits on one side only (empty when both write the same)."""
    from reader.text.numbers import find_numbers

    source = Counter(m.value for m in find_numbers(english, "en"))
    target = Counter(m.value for m in find_numbers(translation, language))
    only_source = sorted(str(v) for v in (source - target).elements())
    only_target = sorted(str(v) for v in (target - source).elements())
    if not only_source and not only_target:
        return ""
    return f"en only {only_source} / {language} only {only_target}"
