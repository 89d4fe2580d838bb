"""Sentence alignment of a text and its translation: which sentences say the same thing.

The aligner finds, by dynamic programming, the monotonic sequence of beads (1-1, 1-0, 0-1,
2-1, 1-2, 2-2, 3-1 and 1-3 sentences) of least cost. A bead's cost adds up:

- length (Gale & Church 1993): a translation's length in characters is about the source's
  times the two texts' length ratio, with a variance that grows with the length;
- anchors that survive translation: numbers read as values in each language's own format
  (Spanish "1.299" is English "1,299"), Roman numerals ("XIII" is "13th"), names and
  acronyms compared after transliteration ("Нгуен Ван Гау" is "Nguyen Van Gau"), and, with a
  smaller weight, the first letters of long words, which catch cognates ("implementación",
  "implementation"). Only anchors the other text holds near the same place count (within
  NEARBY_SENTENCES), and an anchor weighs at most MOST_WEIGHT, so that neither grows with the
  length of the text. One that a bead holds on both sides lowers its cost, the more the
  rarer it is in the two texts; one that a bead holds on one side only raises it, for its
  counterpart must be in another bead;
- paragraphs: a bead spanning two paragraphs of one side costs extra, and so does a point
  where one side starts a paragraph and the other does not (soft barriers).

Omissions (1-0, 0-1) cost a flat price: Gale and Church's length test makes dropping a long
sentence so dear that it is glued to a neighbour instead. The search is limited to a band
around the diagonal scaled by the texts' cumulative lengths (about the square root of their
length wide); while the best path touches the band's edge, the band is centred on that path,
then widened. A bead's confidence is a logistic model's probability that it is right, from
its posterior probability among all alignments in the band (forward-backward), its margin
over the next best way to its end, how much a local change (joining it with a neighbour,
cutting it in two) would cost, its lengths, numbers and names, its shape and its neighbours'
posteriors and margins (see bead_features).
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise

from reader.text.alignment_search import (
    MOST_MARGIN,
    MOST_PER_SIDE,
    SHAPES,
    BandCosts,
    CostFactory,
    CostFunction,
    ParagraphStarts,
    Scored,
    Step,
    cumulative,
    search,
)
from reader.text.article_format import parse_article_text
from reader.text.language import detect_language
from reader.text.names import find_names, loose_spelling, name_block, similar_names
from reader.text.numbers import find_numbers
from reader.text.sentences import split_sentences
from reader.text.versions import ALIGNER_VERSION as ALIGNER_VERSION
from reader.text.versions import UNSURE_BELOW as UNSURE_BELOW

# Gale & Church's bead priors and variance of the length difference per character.
GALE_CHURCH_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099, (0, 1): 0.0099, (2, 1): 0.089,
                      (1, 2): 0.089, (2, 2): 0.011}
# Beads of three sentences on a side, which Gale & Church did not search (their share in
# literary and OCR'd text: up to a tenth of the beads, most of them 3-1 and 1-3).
WIDE_BEAD_PRIORS = {(3, 1): 0.006, (1, 3): 0.006}
GALE_CHURCH_VARIANCE = 6.8
# The length ratio of two texts is measured on their characters plus this many on each side
# (short texts are taken as about equally long), and measured again on the paired sentences
# when that differs by more than this share.
RATIO_PRIOR_CHARS = 500
RATIO_TOLERANCE = 0.05
# Costs are in nats (negative log probabilities), tuned on the perturbed Cao Bang cases
# (benchmarks/align_quality.py) and kept round.
OMISSION_COST = 5.0
ANCHOR_REWARD = 1.0
ANCHOR_PENALTY = 0.5
# An anchor's weight is the log of how rare it is in the two texts, but at most this: as rare
# as once in twenty sentences. Uncapped, a name in a long text weighs so much that a pair
# holding it on one side only (the other spells it differently) costs more than two omissions.
MOST_WEIGHT = math.log(20)
# An anchor counts for a sentence only if the other text holds it within this many sentences
# of the same place: one the other text holds only far away says nothing about this sentence.
NEARBY_SENTENCES = 40
PARAGRAPH_CROSSING_COST = 3.0
# A bead costing more than this (nats) is never on the best path: its sentences left out one
# by one cost at most 4 × OMISSION_COST (and a paragraph mismatch each); far enough above
# that, its share of the posteriors (e^-cost) is nothing either, so its exact cost is not
# worked out (see _alignment_cost).
HOPELESS_BEAD = 8 * OMISSION_COST
# Word stems: the first letters of words this long, at this share of an anchor's weight,
# unless a stem is in more than this share of a text's sentences (then it is a common word).
STEM_LENGTH = 4
STEM_MIN_WORD = 5
STEM_WEIGHT = 0.5
STEM_MAX_SHARE = 0.2
# Roman numerals number congresses and terms ("XX", "XIII"); larger ones are mostly acronyms.
MAX_ROMAN_NUMERAL = 100
# Band half-width in sentences: at least this (more for long texts, see alignment_search).
INITIAL_BAND = 10
# A bead's quality (one feature of its confidence): lengths fit up to this z-score; a number
# or name on one side only (the other may spell it out) weighs this much of a conflict.
LENGTH_Z_TOLERATED = 1.5
ONE_SIDED_DOUBT = 0.15

SHAPE_INDEX = {shape: index for index, shape in enumerate(SHAPES)}
_NUMBER, _NAME, _STEM = "#", "@", "~"  # the first character of an anchor key
_LONG_WORD = re.compile(rf"[^\W\d_]{{{STEM_MIN_WORD},}}")
_ROMAN = re.compile(
    r"\b(?=[MDCLXVI]{2,}\b)M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\b"
)
_ROMAN_PAIR = re.compile(r"[MDCLXVI]{2}")
_SQRT2 = math.sqrt(2.0)



@dataclass(frozen=True)
class Bead:
    """Source and target sentences (indices) that say the same thing; either side may be empty."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    score: float  # confidence in [0, 1]


@dataclass(frozen=True)
class AlignmentResult:
    """The beads of two texts and the sentences their indices refer to."""

    beads: tuple[Bead, ...]
    source_sentences: tuple[str, ...]
    target_sentences: tuple[str, ...]
    source_language: str
    target_language: str


def align_sentences(
    source: Sequence[str],
    target: Sequence[str],
    source_language: str,
    target_language: str,
    source_paragraphs: Sequence[int] | None = None,
    target_paragraphs: Sequence[int] | None = None,
) -> list[Bead]:
    """Align a text's sentences with its translation's, in order, each sentence in one bead.

    `source_paragraphs[i]` is the paragraph number of source sentence i (likewise for the
    target); paragraph boundaries then act as soft barriers.
    """
    return [Bead(tuple(range(i0, i1)), tuple(range(j0, j1)), _confidence(row))
            for (i0, i1, j0, j1, _), row in aligned_with_features(
                source, target, source_language, target_language, source_paragraphs,
                target_paragraphs)]


def aligned_with_features(
    source: Sequence[str],
    target: Sequence[str],
    source_language: str,
    target_language: str,
    source_paragraphs: Sequence[int] | None = None,
    target_paragraphs: Sequence[int] | None = None,
) -> list[tuple[Step, list[float]]]:
    """The beads of `align_sentences` as steps, each with its confidence's FEATURES."""
    source_lengths = [_length(s) for s in source]
    target_lengths = [_length(t) for t in target]
    anchors = _Anchors(source, target, source_language, target_language)
    point = _paragraph_point_cost(source_paragraphs, target_paragraphs)
    ratio = _length_ratio(sum(source_lengths), sum(target_lengths))
    remembered: list[CostFunction] = []

    def remembering(lows: list[int], highs: list[int]) -> BandCosts:
        cost = factory(lows, highs)
        remembered[:] = [cost.bead]  # the cost of the last band searched, for the confidence
        return cost

    for _ in range(2):
        factory = _alignment_cost(source_lengths, target_lengths, ratio, anchors,
                                  source_paragraphs, target_paragraphs)
        path = search(source_lengths, target_lengths, remembering, point, INITIAL_BAND,
                      fixed={1: OMISSION_COST, 2: OMISSION_COST})
        # Omitted sentences skew the texts' length ratio: measure it again on what was paired.
        paired = _paired_ratio(source_lengths, target_lengths, [step for step, _, _ in path])
        if abs(paired / ratio - 1) <= RATIO_TOLERANCE:
            break
        ratio = paired
    features = bead_features(path, remembered[0], source_lengths, target_lengths, ratio,
                             anchors)
    return [(step, row) for (step, _, _), row in zip(path, features, strict=True)]


def gale_church_baseline(source: Sequence[str], target: Sequence[str]) -> list[Bead]:
    """Gale & Church's alignment by length alone (exhaustive search), for comparison."""
    source_lengths = [_length(s) for s in source]
    target_lengths = [_length(t) for t in target]
    priors = [-math.log(GALE_CHURCH_PRIORS[shape]) if shape in GALE_CHURCH_PRIORS else math.inf
              for shape in SHAPES]
    cum_s = cumulative(source_lengths)
    cum_t = cumulative(target_lengths)

    def cost(i0: int, i1: int, j0: int, j1: int, shape: int) -> float:
        z = _length_z(cum_s[i1] - cum_s[i0], cum_t[j1] - cum_t[j0], 1.0)
        return priors[shape] + _tail_cost(abs(z))

    costs = BandCosts.of(cost)
    path = search(source_lengths, target_lengths, lambda lows, highs: costs, None, None, {})
    return [Bead(tuple(range(i0, i1)), tuple(range(j0, j1)), _clamp(posterior))
            for (i0, i1, j0, j1, _), posterior, _ in path]


def align_texts(
    source_text: str,
    target_text: str,
    source_language: str | None,
    target_language: str | None,
    presegmented: bool,
) -> AlignmentResult:
    """Align two texts: articles in the seed format, or one sentence per line (presegmented).

    Presegmented, line i is sentence i (an empty line is an empty sentence); otherwise the
    texts are parsed and split into sentences per paragraph as the library does. A language
    not given is identified from the text.
    """
    sides = []
    for text, language in ((source_text, source_language), (target_text, target_language)):
        if presegmented:
            sentences, paragraphs = _lines(text), None
            code = language or detect_language("\n".join(sentences))
        else:
            sentences, paragraphs, code = _article_sentences(text, language)
        sides.append((tuple(sentences), paragraphs, code))
    (source, source_paragraphs, source_code), (target, target_paragraphs, target_code) = sides
    beads = align_sentences(source, target, source_code, target_code,
                            source_paragraphs, target_paragraphs)
    return AlignmentResult(tuple(beads), source, target, source_code, target_code)


def _lines(text: str) -> list[str]:
    if not text:
        return []
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[-1] == "":
        lines.pop()  # the line end of the last line
    return lines


def _article_sentences(text: str, language: str | None) -> tuple[list[str], list[int], str]:
    """Sentences and their paragraph numbers, split as the library does, and the language."""
    parsed = parse_article_text(text)
    code = language or detect_language(parsed.body_text)
    sentences: list[str] = []
    paragraphs: list[int] = []
    for paragraph in parsed.paragraphs:
        for span in split_sentences(paragraph.text, code):
            sentences.append(paragraph.text[span.start : span.end])
            paragraphs.append(paragraph.position)
    return sentences, paragraphs, code


def _length(sentence: str) -> int:
    return len(sentence.strip())



def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


# --- costs ----------------------------------------------------------------------------------


def _length_z(source_chars: int, target_chars: int, ratio: float) -> float:
    """Gale & Church's normalised length difference of a bead."""
    mean = (source_chars + target_chars / ratio) / 2
    if mean <= 0:
        return 0.0
    return (ratio * source_chars - target_chars) / math.sqrt(GALE_CHURCH_VARIANCE * mean)


def _tail_cost(z: float) -> float:
    """-log of the probability of a normalised length difference at least as large as z."""
    tail = math.erfc(z / _SQRT2)
    if tail > 1e-300:
        return -math.log(tail)
    x = z / _SQRT2  # asymptotic form of -log(erfc(x)) where it underflows
    return x * x + math.log(x * math.sqrt(math.pi))


def _length_ratio(source_chars: int, target_chars: int) -> float:
    """Characters of the target per character of the source (short texts count as alike)."""
    return (target_chars + RATIO_PRIOR_CHARS) / (source_chars + RATIO_PRIOR_CHARS)


def _paired_ratio(source_lengths: list[int], target_lengths: list[int],
                  path: list[Step]) -> float:
    """The length ratio over the beads that pair sentences (omissions left out)."""
    source_chars = target_chars = 0
    for i0, i1, j0, j1, _ in path:
        if i1 > i0 and j1 > j0:
            source_chars += sum(source_lengths[i0:i1])
            target_chars += sum(target_lengths[j0:j1])
    return _length_ratio(source_chars, target_chars)


def _alignment_cost(
    source_lengths: list[int],
    target_lengths: list[int],
    ratio: float,
    anchors: _Anchors,
    source_paragraphs: Sequence[int] | None,
    target_paragraphs: Sequence[int] | None,
) -> CostFactory:
    """Bead costs of the aligner: length, anchors, paragraph crossings."""
    cum_s, cum_t = cumulative(source_lengths), cumulative(target_lengths)
    priors = [-math.log((GALE_CHURCH_PRIORS | WIDE_BEAD_PRIORS)[shape]) for shape in SHAPES]
    crossing_s = _crossings(source_paragraphs, len(source_lengths))
    crossing_t = _crossings(target_paragraphs, len(target_lengths))
    weight_s, weight_t = anchors.source_weights, anchors.target_weights
    # the length cost inlined (see _length_z and _tail_cost): this runs for every cell
    inverse_ratio, half_variance = 1 / ratio, GALE_CHURCH_VARIANCE / 2
    erfc, log, sqrt = math.erfc, math.log, math.sqrt

    def factory(lows: list[int], highs: list[int]) -> BandCosts:
        matched_pairs = anchors.prepare(lows, highs)
        matched_in = anchors.matched
        hopeless = HOPELESS_BEAD

        def cost(i0: int, i1: int, j0: int, j1: int, shape: int) -> float:
            if shape == 1 or shape == 2:  # the search uses the fixed cost, not this one
                return OMISSION_COST  # nothing is paired, so no anchor can disagree
            source_chars, target_chars = cum_s[i1] - cum_s[i0], cum_t[j1] - cum_t[j0]
            total = priors[shape]
            mean = source_chars + target_chars * inverse_ratio
            if mean > 0:
                z = abs(ratio * source_chars - target_chars) / sqrt(half_variance * mean)
                tail = erfc(z / _SQRT2)
                total += -log(tail) if tail > 1e-300 else _tail_cost(z)
            if shape > 2:
                crossings = (crossing_s[i1 - 1] - crossing_s[i0] if i1 > i0 else 0) + (
                    crossing_t[j1 - 1] - crossing_t[j0] if j1 > j0 else 0)
                total += PARAGRAPH_CROSSING_COST * crossings
            source_weight, target_weight = weight_s[i1] - weight_s[i0], weight_t[j1] - weight_t[j0]
            if not (source_weight and target_weight):
                return total + ANCHOR_PENALTY * (source_weight + target_weight)
            if shape == 0:
                matched = matched_pairs[i0].get(j0, 0.0)
            else:
                # at best every anchor of the lighter side is matched: if even that leaves the
                # bead dearer than HOPELESS_BEAD, it is never chosen, and as a path's
                # probability it is nothing: the bound stands for its cost
                bound = (total + ANCHOR_PENALTY * abs(source_weight - target_weight)
                         - ANCHOR_REWARD * min(source_weight, target_weight))
                if bound > HOPELESS_BEAD:
                    return bound
                matched = matched_in(i0, i1, j0, j1)
            unmatched = source_weight + target_weight - 2 * matched
            return total + ANCHOR_PENALTY * unmatched - ANCHOR_REWARD * matched

        def row(i1: int, shape: int, first: int, last: int) -> list[float]:
            """cost(i1 - a, i1, j - b, j, shape) for j from first to last, the same floats
            worked out the same way; what the source side of the beads gives, once."""
            if shape == 1 or shape == 2:
                return [OMISSION_COST] * (last - first + 1)
            a, b = SHAPES[shape]
            i0 = i1 - a
            source_chars = cum_s[i1] - cum_s[i0]
            scaled = ratio * source_chars
            prior = priors[shape]
            source_weight = weight_s[i1] - weight_s[i0]
            wide = shape > 2  # a and b are both 1 or more
            crossings_s = crossing_s[i1 - 1] - crossing_s[i0] if wide else 0
            one_to_one = matched_pairs[i0] if shape == 0 else {}
            matched_at = anchors.matcher(i0, i1, b) if shape != 0 else None
            costs = []
            for j1 in range(first, last + 1):
                j0 = j1 - b
                target_chars = cum_t[j1] - cum_t[j0]
                total = prior
                mean = source_chars + target_chars * inverse_ratio
                if mean > 0:
                    z = abs(scaled - target_chars) / sqrt(half_variance * mean)
                    tail = erfc(z / _SQRT2)
                    total += -log(tail) if tail > 1e-300 else _tail_cost(z)
                if wide:
                    total += PARAGRAPH_CROSSING_COST * (
                        crossings_s + (crossing_t[j1 - 1] - crossing_t[j0]))
                target_weight = weight_t[j1] - weight_t[j0]
                if not (source_weight and target_weight):
                    costs.append(total + ANCHOR_PENALTY * (source_weight + target_weight))
                    continue
                if matched_at is None:
                    matched = one_to_one.get(j0, 0.0)
                else:
                    bound = (total + ANCHOR_PENALTY * abs(source_weight - target_weight)
                             - ANCHOR_REWARD * min(source_weight, target_weight))
                    if bound > hopeless:
                        costs.append(bound)
                        continue
                    matched = matched_at(j0)
                unmatched = source_weight + target_weight - 2 * matched
                costs.append(total + ANCHOR_PENALTY * unmatched - ANCHOR_REWARD * matched)
            return costs

        return BandCosts(cost, row)

    return factory


def _crossings(paragraphs: Sequence[int] | None, count: int) -> list[int]:
    """crossings[i]: how many paragraph ends there are after sentences 0..i-1 (before i)."""
    totals = [0] * (count + 1)
    for i in range(1, count + 1):
        totals[i] = totals[i - 1] + (paragraphs is not None and i < count
                                     and paragraphs[i - 1] != paragraphs[i])
    return totals


def _paragraph_point_cost(
    source_paragraphs: Sequence[int] | None, target_paragraphs: Sequence[int] | None
) -> ParagraphStarts | None:
    """Where each side starts a paragraph: a bead ending where only one side does costs extra."""
    if source_paragraphs is None or target_paragraphs is None:
        return None
    return _paragraph_starts(source_paragraphs), _paragraph_starts(target_paragraphs)


def _paragraph_starts(paragraphs: Sequence[int]) -> list[bool]:
    count = len(paragraphs)
    return [i == 0 or i == count or paragraphs[i] != paragraphs[i - 1] for i in range(count + 1)]


def _bead_quality(source_chars: int, target_chars: int, ratio: float,
                  agreement: tuple[float, float, float], single: bool) -> float:
    """How plausible a bead looks on its own: lengths that fit, numbers and names that agree.

    An anchor each side holds without the other ("1.299" against "3,312") is a conflict;
    an anchor one side holds alone (a number the other side spells out) is a small doubt.
    """
    matched, source_only, target_only = agreement
    doubt = min(source_only, target_only) + ONE_SIDED_DOUBT * abs(source_only - target_only)
    excess = max(0.0, abs(_length_z(source_chars, target_chars, ratio)) - LENGTH_Z_TOLERATED)
    length_fit = 1 - (1 - math.exp(-excess * excess / 2)) * math.exp(-matched / 2)
    shape_factor = 1.0 if single else 0.9
    return shape_factor * length_fit * (1 + matched) / (1 + matched + doubt)


# --- confidence -----------------------------------------------------------------------------

# What a bead's confidence is computed from (see bead_features), and the weights of the
# logistic model over them, fitted by benchmarks/align_confidence.py on seeded sets made from
# the Cao Bang gold and from the fitting half of the NTREX stories (split by a hash of the
# story's name); the other half is held out and measures it (align_ntrex.py --half held-out).
FEATURES = ("log_posterior", "margin", "join_margin", "cut_margin", "log_quality", "omission",
            "one_to_one", "wide", "two_one", "neighbour_log_posterior", "neighbour_margin",
            "neighbour_omission")
CONFIDENCE_WEIGHTS = (3.052, 0.121, -0.153, 0.346, -0.007, 3.003, 5.390, 5.202, 4.349, 1.785,
                      0.055, -0.906)
CONFIDENCE_BIAS = -4.898
# The bias above was moved so that on the fitting sets 2 % of the right beads fall below
# UNSURE_BELOW (reader.text.versions; the model alone put the line elsewhere): the two are
# set together.
LEAST_LOG = -9.0  # logs of posteriors and qualities are taken as at least this


def bead_features(path: list[Scored], cost: CostFunction, source_lengths: list[int],
                  target_lengths: list[int], ratio: float, anchors: _Anchors) -> list[list[float]]:
    """For each bead of the path, the FEATURES its confidence is computed from.

    - its posterior probability (log) and its margin: how much more the best way to its end
      cell through another bead shape costs;
    - its join margin: how much more joining it with the bead before or after it would cost
      (a 1-1 and an omission that were one 1-2, a 1-2 and a 1-1 that were one 1-3), and its
      cut margin: how much more its best cut in two would cost (a 2-1 that was a 1-1 and an
      omission). Kept apart, as two features: a right 2-1's cut costs much more than the
      bead (its merged side's length fits only the whole), while the 1-1 half of a wrong
      split is betrayed by a cheap join, and one minimum of the two hid which was which;
    - how plausible it looks on its own (_bead_quality: lengths, numbers and names);
    - its shape (omission, 1-1, 2-1 or 1-2, three on a side), the least posterior and margin
      of its two neighbours (errors come in runs: a bead between two doubtful ones shares
      their doubt) and whether a neighbour is an omission.

    Numbers that conflict lower a bead's quality, but its confidence only as far as the
    model learnt: multiplying the confidence by the numbers' agreement, as version 2 did,
    marked 4-7 % of the right beads of real news (a "£2.8bn" written "2 800 millones", a
    number spelt out) for few more wrong ones.
    """
    steps = [step for step, _, _ in path]
    own = [cost(*step) for step in steps]
    rows: list[list[float]] = []
    for k, ((i0, i1, j0, j1, shape), posterior, margin) in enumerate(path):
        join = MOST_MARGIN
        for other in (k - 1, k + 1):
            if 0 <= other < len(steps):
                first, second = sorted((k, other))
                a0, _, b0, _, _ = steps[first]
                _, a1, _, b1, _ = steps[second]
                joined = SHAPE_INDEX.get((a1 - a0, b1 - b0))
                if joined is not None:
                    join = min(join, cost(a0, a1, b0, b1, joined) - own[k] - own[other])
        cut = MOST_MARGIN
        a, b = i1 - i0, j1 - j0
        for a_cut in range(a + 1):
            for b_cut in range(b + 1):
                head = SHAPE_INDEX.get((a_cut, b_cut))
                tail = SHAPE_INDEX.get((a - a_cut, b - b_cut))
                if head is None or tail is None:
                    continue
                cut = min(cut, cost(i0, i0 + a_cut, j0, j0 + b_cut, head)
                          + cost(i0 + a_cut, i1, j0 + b_cut, j1, tail) - own[k])
        source_chars, target_chars = sum(source_lengths[i0:i1]), sum(target_lengths[j0:j1])
        quality = _bead_quality(source_chars, target_chars, ratio,
                                anchors.agreement(i0, i1, j0, j1), single=shape == 0)
        rows.append([_log(posterior), min(margin, MOST_MARGIN), max(-MOST_MARGIN, join),
                     max(-MOST_MARGIN, cut), _log(quality), float(shape in (1, 2)),
                     float(shape == 0), float(max(a, b) > 2), float(shape in (3, 4))])
    for k, row in enumerate(rows):
        neighbours = [rows[other] for other in (k - 1, k + 1) if 0 <= other < len(rows)]
        row.append(min((n[0] for n in neighbours), default=0.0))
        row.append(min((n[1] for n in neighbours), default=MOST_MARGIN))
        row.append(float(any(n[5] for n in neighbours)))
    return rows


def _log(value: float) -> float:
    return max(LEAST_LOG, math.log(value)) if value > 0 else LEAST_LOG


def _confidence(features: Sequence[float]) -> float:
    """The logistic model's probability that a bead is right."""
    return confidence(features, CONFIDENCE_BIAS, CONFIDENCE_WEIGHTS)


def confidence(features: Sequence[float], bias: float, weights: Sequence[float]) -> float:
    """A bead's confidence from its features (bead_features) and a model's weights."""
    z = bias + sum(w * f for w, f in zip(weights, features, strict=True))
    return 1 / (1 + math.exp(-z)) if z > -700 else 0.0


# --- anchors --------------------------------------------------------------------------------


class _Anchors:
    """Numbers and names of each sentence that the other text has too, weighted by rarity.

    Only anchors found in both texts count: one that the other text never writes (a number
    spelt out there, a name translated) says nothing about where its counterpart is.
    """

    def __init__(self, source: Sequence[str], target: Sequence[str],
                 source_language: str, target_language: str) -> None:
        source_keys = [_sentence_anchors(s, source_language) for s in source]
        target_keys = [_sentence_anchors(t, target_language) for t in target]
        _unify_names(source_keys, target_keys)
        in_source = Counter(chain.from_iterable(source_keys))
        in_target = Counter(chain.from_iterable(target_keys))
        sentences = len(source) + len(target)
        self.weights = {
            key: min(math.log(sentences / (in_source[key] + in_target[key])), MOST_WEIGHT)
            * (STEM_WEIGHT if key[0] == _STEM else 1.0)
            for key in in_source.keys() & in_target.keys()
            if key[0] != _STEM or max(in_source[key] / len(source),
                                      in_target[key] / len(target)) <= STEM_MAX_SHARE
        }
        self.source = _nearby(source_keys, target_keys, self.weights)
        self.target = _nearby(target_keys, source_keys, self.weights)
        # what a bead's confidence checks: every number, and names found in both texts
        self.source_checked = [self._checked(keys) for keys in source_keys]
        self.target_checked = [self._checked(keys) for keys in target_keys]
        # anchors that two or more of the sentences i..i+k-1 of a side hold: _held_twice[k][i]
        self.source_held_twice = _held_twice(self.source)
        self.target_held_twice = _held_twice(self.target)
        self.source_weights = _cumulative_weights(self.source, self.weights)
        self.target_weights = _cumulative_weights(self.target, self.weights)
        self._occurrences: dict[str, list[tuple[int, int]]] = {}
        for j, keys in enumerate(self.target):
            for key, count in keys.items():
                self._occurrences.setdefault(key, []).append((j, count))
        self.matches: list[dict[int, float]] = []

    def _shared(self, keys: Counter[str]) -> dict[str, int]:
        return {key: count for key, count in keys.items() if key in self.weights}

    def _checked(self, keys: Counter[str]) -> dict[str, int]:
        return {key: count for key, count in keys.items()
                if key[0] == _NUMBER or (key[0] != _STEM and key in self.weights)}

    def prepare(self, lows: list[int], highs: list[int]) -> list[dict[int, float]]:
        """matches[i][j]: weight of the anchors source i and target j share, near the band."""
        n = len(self.source)
        self.matches = [{} for _ in range(n)]
        for i, keys in enumerate(self.source):
            first, last = lows[max(i - MOST_PER_SIDE, 0)], highs[min(i + MOST_PER_SIDE + 1, n)]
            row = self.matches[i]
            for key, count in keys.items():
                occurrences = self._occurrences.get(key, ())
                weight = self.weights[key]
                k = bisect_left(occurrences, (first, 0))
                while k < len(occurrences) and occurrences[k][0] < last:
                    j, other = occurrences[k]
                    row[j] = row.get(j, 0.0) + weight * min(count, other)
                    k += 1
        return self.matches

    def matcher(self, i0: int, i1: int, b: int) -> Callable[[int], float]:
        """matched(i0, i1, j0, j0 + b) as a function of j0, the same floats worked out the
        same way, for one row's beads of one shape: what their source side gives, once."""
        matches, weights = self.matches, self.weights
        if i1 - i0 > 1 and b > 1:
            return self._matcher_of_many(i0, i1, b)
        if i1 - i0 == 1:
            pairs, one, target = matches[i0], self.source[i0], self.target
            held = self.target_held_twice[b] if b > 1 else None

            def one_source(j0: int) -> float:
                if not pairs:
                    return 0.0
                total = 0.0
                for j in range(j0, j0 + b):
                    total += pairs.get(j, 0.0)
                if not total or held is None:
                    return total
                for key in held[j0]:
                    count = one.get(key)
                    if count:  # else the other side does not hold it: nothing was counted
                        others = [sentence.get(key, 0) for sentence in target[j0:j0 + b]]
                        pairwise = sum([min(count, other) for other in others])
                        total -= weights[key] * (pairwise - min(count, sum(others)))
                return total

            return one_source
        rows = [matches[i] for i in range(i0, i1) if matches[i]]
        many = self.source[i0:i1]
        # the anchors two or more of the source sentences hold: how often each one does
        twice = [(key, [sentence.get(key, 0) for sentence in many])
                 for key in self.source_held_twice[i1 - i0][i0]]
        target = self.target

        def one_target(j0: int) -> float:
            total = 0.0
            for pairs in rows:
                total += pairs.get(j0, 0.0)
            if not total:
                return 0.0
            one = target[j0]
            for key, others in twice:
                count = one.get(key)
                if count:
                    pairwise = sum([min(count, other) for other in others])
                    total -= weights[key] * (pairwise - min(count, sum(others)))
            return total

        return one_target

    def _matcher_of_many(self, i0: int, i1: int, b: int) -> Callable[[int], float]:
        """matcher() for beads of several sentences on both sides."""
        matches, weights, target = self.matches, self.weights, self.target
        rows = [matches[i] for i in range(i0, i1) if matches[i]]
        source = self.source[i0:i1]
        source_twice = set(self.source_held_twice[i1 - i0][i0])
        target_twice = self.target_held_twice[b]

        def many(j0: int) -> float:
            total = 0.0
            for pairs in rows:
                for j in range(j0, j0 + b):
                    total += pairs.get(j, 0.0)
            if not total:
                return 0.0
            held = target_twice[j0]
            if not source_twice and not held:
                return total  # nothing held twice: nothing counted twice
            sentences = target[j0:j0 + b]
            for key in source_twice.union(held):  # the set matched() makes, in its order
                others = [sentence.get(key, 0) for sentence in sentences]
                if not any(others):
                    continue
                counts = [sentence.get(key, 0) for sentence in source]
                pairwise = sum(min(count, other) for count in counts for other in others)
                total -= weights[key] * (pairwise - min(sum(counts), sum(others)))
            return total

        return many

    def matched(self, i0: int, i1: int, j0: int, j1: int) -> float:
        """Weight of the anchors a bead holds on both sides (as often as both hold them).

        The sum of the sentence pairs' matches, less what it counts twice: an anchor that
        two sentences of one side hold is matched only as often as the other side holds it.
        """
        matches = self.matches
        total = 0.0
        for i in range(i0, i1):
            row = matches[i]
            if row:
                for j in range(j0, j1):
                    total += row.get(j, 0.0)
        if not total:
            return 0.0
        if i1 - i0 == 1 or j1 - j0 == 1:  # one sentence on a side (one on both: nothing twice)
            if i1 - i0 == 1:
                one, many, twice = self.source[i0], self.target[j0:j1], (
                    self.target_held_twice[j1 - j0][j0] if j1 - j0 > 1 else ())
            else:
                one, many, twice = self.target[j0], self.source[i0:i1], (
                    self.source_held_twice[i1 - i0][i0])
            weights = self.weights
            for key in twice:
                count = one.get(key)
                if count:  # else the other side does not hold it: nothing was counted
                    others = [sentence.get(key, 0) for sentence in many]
                    pairwise = sum([min(count, other) for other in others])
                    total -= weights[key] * (pairwise - min(count, sum(others)))
            return total
        repeated = set(self.source_held_twice[i1 - i0][i0]).union(
            self.target_held_twice[j1 - j0][j0])
        source, target = self.source[i0:i1], self.target[j0:j1]
        for key in repeated:
            others = [sentence.get(key, 0) for sentence in target]
            if not any(others):
                continue  # the other side does not hold it: nothing was counted
            counts = [sentence.get(key, 0) for sentence in source]
            pairwise = sum(min(count, other) for count in counts for other in others)
            total -= self.weights[key] * (pairwise - min(sum(counts), sum(others)))
        return total

    def agreement(self, i0: int, i1: int, j0: int, j1: int) -> tuple[float, float, float]:
        """Weights of a bead's numbers and names held by both sides, source only, target only.

        Every number counts here, also one the other text never writes (weight 1): within a
        bead it disagrees. Word stems are left out: they guide the search, but too few words
        are cognates for a stem without its counterpart to cast doubt on a bead.
        """
        source = _summed(self.source_checked[i0:i1])
        target = _summed(self.target_checked[j0:j1])
        matched = source_only = target_only = 0.0
        weights = self.weights
        for key in source.keys() | target.keys():
            weight, count, other = weights.get(key, 1.0), source.get(key, 0), target.get(key, 0)
            matched += weight * min(count, other)
            source_only += weight * max(0, count - other)
            target_only += weight * max(0, other - count)
        return matched, source_only, target_only


def _summed(sentences: list[dict[str, int]]) -> dict[str, int]:
    """How often the sentences hold each anchor, in the order they first hold it."""
    if len(sentences) == 1:
        return sentences[0]
    total: dict[str, int] = {}
    for keys in sentences:
        for key, count in keys.items():
            total[key] = total.get(key, 0) + count
    return total


def _held_twice(sentences: list[dict[str, int]]) -> list[list[tuple[str, ...]]]:
    """held[k][i]: the anchors two or more of the k sentences from i hold (k from 2)."""
    held: list[list[tuple[str, ...]]] = [[], []]
    for k in range(2, MOST_PER_SIDE + 1):
        row = []
        for i in range(len(sentences) - k + 1):
            seen: set[str] = set()
            twice: set[str] = set()
            for sentence in sentences[i:i + k]:
                twice.update(seen.intersection(sentence))
                seen.update(sentence)
            row.append(tuple(twice))
        held.append(row)
    return held


def _nearby(keys: list[Counter[str]], other: list[Counter[str]],
            weights: dict[str, float]) -> list[dict[str, int]]:
    """Each sentence's anchors that the other text holds near the same place.

    An anchor the other text holds only far away says nothing about this sentence's
    counterpart; counting it would make a long text's sentences look unmatched.
    """
    window = NEARBY_SENTENCES
    n, m = len(keys), len(other)
    places: dict[str, list[int]] = {}
    for j, sentence in enumerate(other):
        for key in sentence:
            if key in weights:
                places.setdefault(key, []).append(j)
    if m <= window:  # every place of the other text is near every sentence
        return [{key: count for key, count in sentence.items() if key in places}
                for sentence in keys]
    result = []
    for i, sentence in enumerate(keys):
        centre = i * m / n if n else 0
        low, high = centre - window, centre + window
        kept = {}
        for key, count in sentence.items():
            found = places.get(key)
            if found is not None:
                k = bisect_left(found, low)
                if k < len(found) and found[k] <= high:
                    kept[key] = count
        result.append(kept)
    return result


def _cumulative_weights(sentences: list[dict[str, int]], weights: dict[str, float]) -> list[float]:
    totals = [0.0]
    for keys in sentences:
        totals.append(totals[-1] + sum(weights[key] * count for key, count in keys.items()))
    return totals


def _sentence_anchors(sentence: str, language: str) -> Counter[str]:
    """Numbers ("#1299"), Roman numerals ("#13") and names ("@nguien") of one sentence."""
    found = [_NUMBER + format(abs(mention.value).normalize(), "f")
             for mention in find_numbers(sentence, language)]
    # a Roman numeral has two of its letters in a row: most sentences have none
    romans = list(_ROMAN.finditer(sentence)) if _ROMAN_PAIR.search(sentence) else []
    for roman in romans:
        value = _roman_value(roman.group())
        if value <= MAX_ROMAN_NUMERAL:
            found.append(f"{_NUMBER}{value}")
    found += [_NAME + name
              for name in find_names(_ROMAN.sub("·", sentence) if romans else sentence)]
    found += [_STEM + _stem(word) for word in _LONG_WORD.findall(sentence)]
    return Counter(found)  # counted in the order found, as each key was first found


@lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    return loose_spelling(word)[:STEM_LENGTH]


def _roman_value(numeral: str) -> int:
    values = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
    total = 0
    for letter, following in pairwise(numeral + " "):
        value = values[letter]
        total += -value if following != " " and values[following] > value else value
    return total


def _unify_names(source_keys: list[Counter[str]], target_keys: list[Counter[str]]) -> None:
    """Spell a target name as the source does when the two are similar ("nguen" = "nguien")."""
    source_names = {key for keys in source_keys for key in keys if key[0] == _NAME}
    by_block: dict[str, list[str]] = {}
    for key in source_names:
        by_block.setdefault(name_block(key[1:]), []).append(key)
    renamed: dict[str, str] = {}
    for key in {key for keys in target_keys for key in keys if key[0] == _NAME}:
        if key in source_names:
            continue
        for candidate in sorted(by_block.get(name_block(key[1:]), ())):
            if similar_names(key[1:], candidate[1:]):
                renamed[key] = candidate
                break
    if not renamed:
        return
    for keys in target_keys:
        for key in [key for key in keys if key in renamed]:
            keys[renamed[key]] += keys.pop(key)


# --- search ---------------------------------------------------------------------------------

