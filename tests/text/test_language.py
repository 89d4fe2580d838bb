"""Language identification: the quick glances settle a text only where the full steps agree."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.text import language
from reader.text.analysis import analyse_document
from reader.text.language import detect_language
from tests.conftest import SEED_EN, SEED_ES, SEED_NB, SEED_RU, SEED_SV

SEEDS = [(SEED_ES, "es"), (SEED_EN, "en"), (SEED_SV, "sv"), (SEED_RU, "ru"), (SEED_NB, "nb")]


def _without_glances(text: str) -> str:
    """detect_language's two steps alone: 400 characters, then 2,000 (neighbours apart)."""
    sample = text[: language.SAMPLE_CHARS]
    detector = language._detector(False)
    values = detector.compute_language_confidence_values(sample[: language.QUICK_SAMPLE_CHARS])
    top = language._code(values[0].language)
    if values[0].value >= language.QUICK_CONFIDENCE and top not in language.CLOSE_NEIGHBOURS:
        return top
    family = sum(v.value for v in values if language._code(v.language)
                 in language.CLOSE_NEIGHBOURS)
    if family >= language.QUICK_CONFIDENCE:
        detector = language._detector(False, language.CLOSE_NEIGHBOURS)
    found = detector.detect_language_of(sample)
    return language.UNDETERMINED if found is None else language._code(found)


@pytest.mark.parametrize(("seed", "code"), SEEDS)
def test_windows_of_the_seeds_get_their_language_as_without_glances(seed: Path,
                                                                     code: str) -> None:
    body = analyse_document(seed.read_text(encoding="utf-8")).parsed.body_text
    starts = range(0, max(1, len(body) - language.QUICK_SAMPLE_CHARS), 97)
    windows = [body[start:start + language.SAMPLE_CHARS] for start in starts]
    windows = [window for window in windows if len(window) > language.QUICK_SAMPLE_CHARS]
    assert len(windows) >= 20
    assert [detect_language(window) for window in windows] == [code] * len(windows)
    assert [_without_glances(window) for window in windows] == [code] * len(windows)


def test_the_seeds_windows_take_every_step() -> None:
    """Some windows are settled by the glance, some are not: both ways are checked above."""
    detector = language._detector(False)
    neighbours = language._detector(False, language.CLOSE_NEIGHBOURS)
    settled = {"glance": 0, "no glance": 0, "neighbours glance": 0, "no neighbours glance": 0}
    for seed, code in SEEDS:
        body = analyse_document(seed.read_text(encoding="utf-8")).parsed.body_text
        for start in range(0, len(body) - language.SAMPLE_CHARS, 97):
            window = body[start:start + language.SAMPLE_CHARS]
            glance = detector.compute_language_confidence_values(
                window[: language.GLANCE_CHARS])
            settled["glance" if glance[0].value >= language.CERTAIN else "no glance"] += 1
            if code in language.CLOSE_NEIGHBOURS:
                first = neighbours.compute_language_confidence_values(
                    window[: language.NEIGHBOUR_GLANCES[0]])
                settled["neighbours glance" if first[0].value >= language.CERTAIN
                        else "no neighbours glance"] += 1
    assert min(settled.values()) > 0, settled
