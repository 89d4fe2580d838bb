"""Sentence alignment: the hand-checked seed pair, recovered edits, anchors and confidence."""

from __future__ import annotations

import json
import math
import random
import re
from pathlib import Path
from typing import Any

import pytest

from reader.text import alignment
from reader.text.alignment import (
    CONFIDENCE_BIAS,
    CONFIDENCE_WEIGHTS,
    FEATURES,
    AlignmentResult,
    Bead,
    align_sentences,
    align_texts,
    aligned_with_features,
    confidence,
    gale_church_baseline,
)
from reader.text.alignment_search import SHAPES
from reader.text.analysis import analyse_document
from tests.conftest import SEED_EN, SEED_ES, SEED_RU, SEED_SV

GOLD = Path(__file__).resolve().parent / "gold" / "cao_bang_es_en.json"
CASES = Path(__file__).resolve().parents[2] / "benchmarks" / "alignment_data"


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data


def _pairs(beads: list[Bead]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(bead.source, bead.target) for bead in beads}


def _gold_pairs(data: dict[str, Any]) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {(tuple(s), tuple(t)) for s, t in zip(data["src"], data["tgt"], strict=True)}


def _sentences(path: Path) -> tuple[list[str], list[int]]:
    document = analyse_document(path.read_text(encoding="utf-8"))
    body = document.parsed.body_text
    sentences = [body[s.start : s.end] for spans in document.sentences for s in spans]
    paragraphs = [number for number, spans in enumerate(document.sentences) for _ in spans]
    return sentences, paragraphs


def _assert_covers_in_order(beads: list[Bead], sources: int, targets: int) -> None:
    assert [i for bead in beads for i in bead.source] == list(range(sources))
    assert [j for bead in beads for j in bead.target] == list(range(targets))
    for bead in beads:
        assert (len(bead.source), len(bead.target)) in {(1, 1), (1, 0), (0, 1), (2, 1), (1, 2),
                                                         (2, 2), (3, 1), (1, 3)}
        assert 0.0 <= bead.score <= 1.0


# --- the seed pair ----------------------------------------------------------------------------


def test_a_rows_beads_cost_what_each_bead_costs(gold: dict[str, Any]) -> None:
    """The search prices a row's beads of one shape at once: the same floats, bit for bit,
    as pricing each bead on its own (and the anchors matched by row as by bead)."""
    source, target = gold["source_sentences"], gold["target_sentences"][:-3]
    source_lengths = [len(s.strip()) for s in source]
    target_lengths = [len(t.strip()) for t in target]
    anchors = alignment._Anchors(source, target, "es", "en")
    ratio = sum(target_lengths) / sum(source_lengths)
    n, m = len(source), len(target)
    costs = alignment._alignment_cost(source_lengths, target_lengths, ratio, anchors,
                                      gold["source_paragraphs"], gold["target_paragraphs"][:-3]
                                      )([0] * (n + 1), [m] * (n + 1))
    matched_somewhere = set()
    for i in range(n + 1):
        for shape, (a, b) in enumerate(SHAPES):
            if i < a:
                continue
            row = costs.row(i, shape, b, m)
            assert row == [costs.bead(i - a, i, j - b, j, shape) for j in range(b, m + 1)]
            if shape in (0, 1, 2):
                continue
            matched_at = anchors.matcher(i - a, i, b)
            for j in range(b, m + 1):
                assert matched_at(j - b) == anchors.matched(i - a, i, j - b, j)
                if matched_at(j - b):
                    matched_somewhere.add(shape)
    assert matched_somewhere == set(range(3, len(SHAPES)))  # every kind of bead was compared


def test_gold_uses_the_library_segmentation(gold: dict[str, Any]) -> None:
    assert _sentences(SEED_ES) == (gold["source_sentences"], gold["source_paragraphs"])
    assert _sentences(SEED_EN) == (gold["target_sentences"], gold["target_paragraphs"])


def test_seed_pair_equals_gold(gold: dict[str, Any]) -> None:
    beads = align_sentences(gold["source_sentences"], gold["target_sentences"], "es", "en",
                            gold["source_paragraphs"], gold["target_paragraphs"])
    assert _pairs(beads) == _gold_pairs(gold)
    assert min(bead.score for bead in beads) > 0.5


def test_seed_files_align_as_gold(gold: dict[str, Any]) -> None:
    result = align_texts(SEED_ES.read_text(encoding="utf-8"), SEED_EN.read_text(encoding="utf-8"),
                         None, None, presegmented=False)
    assert (result.source_language, result.target_language) == ("es", "en")
    assert list(result.source_sentences) == gold["source_sentences"]
    assert _pairs(list(result.beads)) == _gold_pairs(gold)


# --- edits recovered --------------------------------------------------------------------------


def test_one_to_two(gold: dict[str, Any]) -> None:
    """Spanish 21 is English 21 and 22: the English translation starts a new sentence."""
    es, en = gold["source_sentences"][20:23], gold["target_sentences"][20:24]
    assert _pairs(align_sentences(es, en, "es", "en")) == {
        ((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))
    }


def test_two_to_one(gold: dict[str, Any]) -> None:
    en, es = gold["target_sentences"][20:24], gold["source_sentences"][20:23]
    assert _pairs(align_sentences(en, es, "en", "es")) == {
        ((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))
    }


def test_one_to_zero(gold: dict[str, Any]) -> None:
    """The English leaves out the sentence on Resolution 18-NQ/TW."""
    es = gold["source_sentences"][2:5]
    en = [gold["target_sentences"][2], gold["target_sentences"][4]]
    beads = align_sentences(es, en, "es", "en")
    assert _pairs(beads) == {((0,), (0,)), ((1,), ()), ((2,), (1,))}
    assert min(bead.score for bead in beads) > 0.5  # nothing else fits: no doubt either


def test_zero_to_one(gold: dict[str, Any]) -> None:
    """The Spanish leaves out the sentence on the 11 groups of tasks."""
    es = [gold["source_sentences"][24], gold["source_sentences"][26]]
    en = gold["target_sentences"][25:28]
    assert _pairs(align_sentences(es, en, "es", "en")) == {((0,), (0,)), ((), (1,)),
                                                          ((1,), (2,))}


@pytest.mark.parametrize("path", sorted(CASES.glob("case_*.json")), ids=lambda p: p.stem)
def test_every_sentence_in_exactly_one_bead_in_order(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    source, target = case["source_sentences"], case["target_sentences"]
    beads = align_sentences(source, target, "es", "en",
                            case["source_paragraphs"], case["target_paragraphs"])
    _assert_covers_in_order(beads, len(source), len(target))
    _assert_covers_in_order(gale_church_baseline(source, target), len(source), len(target))


@pytest.mark.parametrize(("sources", "targets"), [(0, 0), (0, 3), (3, 0), (1, 1), (5, 1)])
def test_degenerate_sizes(gold: dict[str, Any], sources: int, targets: int) -> None:
    es = gold["source_sentences"][:sources]
    en = gold["target_sentences"][:targets]
    _assert_covers_in_order(align_sentences(es, en, "es", "en"), sources, targets)


def test_unrelated_articles_still_cover_every_sentence() -> None:
    swedish, sv_paragraphs = _sentences(SEED_SV)
    russian, ru_paragraphs = _sentences(SEED_RU)
    beads = align_sentences(swedish, russian, "sv", "ru", sv_paragraphs, ru_paragraphs)
    _assert_covers_in_order(beads, len(swedish), len(russian))


# --- anchors and confidence -------------------------------------------------------------------


def test_numbers_in_each_languages_format_make_confidence(gold: dict[str, Any]) -> None:
    """Spanish "6,52%" is English "6.52%"; "1.299 millones" is not "3,312 billion"."""
    es, en = gold["source_sentences"], gold["target_sentences"]
    right = align_sentences([es[10]], [en[10]], "es", "en")
    wrong = align_sentences([es[10]], [en[13]], "es", "en")
    wrong_again = align_sentences([es[11]], [en[12]], "es", "en")
    assert right[0].score > 0.9
    # a text of one sentence a side has nothing to align otherwise: the numbers' conflict
    # lowers the confidence (the bead's quality), without a rule that forces it below 0.5
    assert max(bead.score for bead in wrong) < right[0].score
    assert max(bead.score for bead in wrong_again) < right[0].score


def test_a_one_to_three_taken_as_one_to_two_is_marked() -> None:
    """The omission after the bead, where the gold has one 1-3, scores below 0.5, and both
    wrong beads below every right one."""
    case = json.loads((GOLD.parent / "one_to_three_split.json").read_text(encoding="utf-8"))
    beads = align_sentences(case["source_sentences"], case["target_sentences"],
                            case["source_language"], case["target_language"])
    gold = {(tuple(s), tuple(t)) for s, t in case["gold"]}
    wrong = [bead for bead in beads if (bead.source, bead.target) not in gold]
    assert [(bead.source, bead.target) for bead in wrong] == [((2,), (2, 3)), ((), (4,))]
    assert wrong[1].score < 0.5
    assert max(bead.score for bead in wrong) < min(
        bead.score for bead in beads if bead not in wrong)


def test_confidence_reads_the_cost_of_joining_neighbours_and_of_cutting() -> None:
    """A 1-2 beside a 0-1 that together make a 1-3: a small join margin for both; a right
    1-2 whose English halves fit only together: a large cut margin, and no doubt."""
    case = json.loads((GOLD.parent / "one_to_three_split.json").read_text(encoding="utf-8"))
    found = aligned_with_features(case["source_sentences"], case["target_sentences"],
                                  case["source_language"], case["target_language"])
    join = FEATURES.index("join_margin")
    margins = {(i0, i1, j0, j1): row[join] for (i0, i1, j0, j1, _), row in found}
    assert margins[(2, 3, 2, 4)] < 3 and margins[(3, 3, 4, 5)] < 3
    assert margins[(0, 1, 0, 1)] > margins[(2, 3, 2, 4)]
    # the model turns features into a probability, rising with the posterior
    row = next(row for step, row in found if step[:4] == (0, 1, 0, 1))
    doubtful = list(row)
    doubtful[FEATURES.index("log_posterior")] = math.log(0.2)
    assert confidence(doubtful, CONFIDENCE_BIAS, CONFIDENCE_WEIGHTS) < confidence(
        row, CONFIDENCE_BIAS, CONFIDENCE_WEIGHTS)
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    es, en = gold["source_sentences"][20:23], gold["target_sentences"][20:24]
    found = aligned_with_features(es, en, "es", "en")
    step, row = found[1]
    assert step[:4] == (1, 2, 1, 3) and row[FEATURES.index("cut_margin")] > 5
    assert confidence(row, CONFIDENCE_BIAS, CONFIDENCE_WEIGHTS) > 0.9


_DIGITS = re.compile(r"\d+[.,]?")


def _bare(lines: list[str]) -> list[str]:
    """No numbers or names left to anchor the lines: lengths and word stems decide."""
    return [_DIGITS.sub("", line).lower() for line in lines]


def _loosened(lines: list[str], rng: random.Random) -> list[str]:
    """A freer translation: a third of the lines lose up to a third of their words."""
    result = []
    for line in lines:
        words = line.split()
        if rng.random() < 1 / 3 and len(words) > 3:
            k = rng.randrange(1, max(2, len(words) // 3))
            start = rng.randrange(len(words) - k)
            del words[start:start + k]
        result.append(" ".join(words))
    return result


def _edited(source: list[str], target: list[str], rng: random.Random, into: list[list[str]],
            gold: set[tuple[tuple[int, ...], tuple[int, ...]]]) -> None:
    """Append the lines to `into` with one in ten joined on each side or one in twenty
    dropped (1-2, 2-1, 1-0 beads), and their gold beads to `gold`."""
    s, t = into
    i = 0
    while i < len(source):
        draw = rng.random()
        s0, t0 = len(s), len(t)
        if draw < 0.1 and i + 1 < len(source):
            s.append(f"{source[i]} {source[i + 1]}")
            t += target[i:i + 2]
            i += 2
        elif draw < 0.2 and i + 1 < len(source):
            s += source[i:i + 2]
            t.append(f"{target[i]} {target[i + 1]}")
            i += 2
        else:
            s.append(source[i])
            if draw >= 0.25:
                t.append(target[i])
            i += 1
        gold.add((tuple(range(s0, len(s))), tuple(range(t0, len(t)))))


def test_confidence_marks_wrong_beads_and_spares_right_joins(gold: dict[str, Any]) -> None:
    """The issue's line on seeded sets like those the model was fitted on (the Cao Bang pair
    without anchors, loosened, edited, eight copies a document): below 0.5 at least half of
    the wrong beads, at most 5 % of the right ones, and at most 5 % of the right 2-1 and 1-2
    beads (version 3, fitted on Cao Bang alone, marked 12 % of those)."""
    en = _bare([" ".join(gold["target_sentences"][j] for j in t) for t in gold["tgt"]])
    es = _bare([" ".join(gold["source_sentences"][i] for i in s) for s in gold["src"]])
    wrong_low = wrong = right_low = right = joins_low = joins = 0
    for seed in range(1, 9):
        rng = random.Random(seed)
        sides: list[list[str]] = [[], []]
        beads_gold: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
        for _ in range(8):
            order = list(range(len(en)))
            rng.shuffle(order)
            _edited([en[k] for k in order], _loosened([es[k] for k in order], rng), rng,
                    sides, beads_gold)
        for bead in align_sentences(sides[0], sides[1], "en", "es"):
            low = bead.score < 0.5
            if (bead.source, bead.target) in beads_gold:
                right, right_low = right + 1, right_low + low
                if sorted((len(bead.source), len(bead.target))) == [1, 2]:
                    joins, joins_low = joins + 1, joins_low + low
            else:
                wrong, wrong_low = wrong + 1, wrong_low + low
    assert wrong >= 10 and joins >= 100
    assert wrong_low >= wrong / 2
    assert right_low <= 0.05 * right
    assert joins_low <= 0.05 * joins


CONTEXT = [
    ("Инвестиционный климат для бизнеса продолжал улучшаться.",
     "The investment climate for business continued to improve."),
    ("Сфера услуг продолжала развиваться.", "The service sector continued to develop."),
    ("Политика социального обеспечения реализуется эффективно.",
     "Social security policy is implemented effectively."),
    ("Промышленное производство продолжало уверенно расти.",
     "Industrial production continued to grow steadily."),
]
GAU_RU = ("Выступая перед собравшимися, товарищ Нгуен Ван Гау высоко оценил усилия всех "
          "уровней, выразил уверенность в успехе и пожелал всем крепкого здоровья и счастья "
          "в новом году.")
GAU_EN = ("Speaking to those present, comrade Nguyen Van Gau highly appreciated the efforts of "
          "all levels, expressed confidence in success and wished everyone good health and "
          "happiness in the new year.")
UNTRANSLATED_RU = ("Затем делегаты долго обсуждали итоги прошедшего года, наметили главные "
                   "задачи на ближайшее время и договорились встретиться снова в начале "
                   "следующего месяца для подведения итогов.")


@pytest.mark.parametrize("name_first", [True, False])
def test_names_across_scripts_are_anchors(name_first: bool) -> None:
    """Of two Russian sentences one is translated: "Нгуен Ван Гау" says which, not length."""
    middle = [GAU_RU, UNTRANSLATED_RU] if name_first else [UNTRANSLATED_RU, GAU_RU]
    russian = [CONTEXT[0][0], CONTEXT[1][0], *middle, CONTEXT[2][0], CONTEXT[3][0]]
    english = [CONTEXT[0][1], CONTEXT[1][1], GAU_EN, CONTEXT[2][1], CONTEXT[3][1]]
    ru_paragraphs, en_paragraphs = [0, 0, 1, 2, 3, 3], [0, 0, 1, 2, 2]
    gau = 2 if name_first else 3
    beads = align_sentences(russian, english, "ru", "en", ru_paragraphs, en_paragraphs)
    assert ((gau,), (2,)) in _pairs(beads)
    assert ((5 - gau,), ()) in _pairs(beads)
    # with another name in the English, nothing ties it to the Russian sentence with Gau
    renamed = [*english[:2], GAU_EN.replace("Nguyen Van Gau", "Tran Quoc Cuong"), *english[3:]]
    beads = align_sentences(russian, renamed, "ru", "en", ru_paragraphs, en_paragraphs)
    assert ((gau,), (2,)) not in _pairs(beads)


# --- texts ------------------------------------------------------------------------------------


def test_presegmented_lines_are_sentences() -> None:
    source = "Uno.\n\nDos con 1.299 dólares.\nTres.\n"
    target = "One.\n\nTwo with 1,299 dollars.\nThree."
    result = align_texts(source, target, "es", "en", presegmented=True)
    assert isinstance(result, AlignmentResult)
    assert result.source_sentences == ("Uno.", "", "Dos con 1.299 dólares.", "Tres.")
    assert result.target_sentences == ("One.", "", "Two with 1,299 dollars.", "Three.")
    assert _pairs(list(result.beads)) == {((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))}


def test_presegmented_languages_are_detected() -> None:
    source = "El producto total en la provincia aumentó un 6,52% en los primeros nueve meses."
    target = "The total product in the province increased by 6.52% in the first nine months."
    result = align_texts(source, target, None, None, presegmented=True)
    assert (result.source_language, result.target_language) == ("es", "en")
    assert align_texts("", "", "es", "en", presegmented=True).beads == ()
