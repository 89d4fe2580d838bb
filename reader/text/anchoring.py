"""Where a quoted passage is in a text, and where it went when the text changed.

An annotation remembers its passage twice, as the W3C Web Annotation model does: a quote
selector (the exact words with a little context before and after) and a position selector
(character offsets). When its document's text changes, `reanchor` finds the passage again:

1. at the old position, if the exact words are still there;
2. else the occurrence of the exact words nearest the old position (context breaks ties);
3. else the best fuzzy match of the words with their context (rapidfuzz), if it is close
   enough;
4. else nowhere: the caller keeps the annotation as orphaned.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple

# Characters of context kept on each side of a quote.
CONTEXT = 32
# How alike (0-100) a fuzzy match must be to be trusted.
FUZZY_CUTOFF = 80.0


class TextQuote(NamedTuple):
    """A W3C TextQuoteSelector: the exact words and the text just before and after them."""

    exact: str
    prefix: str = ""
    suffix: str = ""


class AnchorMethod(StrEnum):
    """How a passage was found again."""

    POSITION = "position"
    EXACT = "exact"
    FUZZY = "fuzzy"


class Anchor(NamedTuple):
    """Where a passage is now, and how it was found."""

    start: int
    end: int
    method: AnchorMethod


def quote_at(text: str, start: int, end: int) -> TextQuote:
    """The quote selector of `text[start:end]`."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"passage {start}-{end} is outside a text of {len(text)} characters")
    return TextQuote(text[start:end], text[max(0, start - CONTEXT):start],
                     text[end:end + CONTEXT])


def reanchor(text: str, quote: TextQuote, start: int | None = None) -> Anchor | None:
    """Find a passage in a (possibly changed) text; None when it is gone."""
    exact = quote.exact
    if not exact:
        return None
    if start is not None and text[start:start + len(exact)] == exact \
            and _edges_agree(text, start, start + len(exact), quote):
        return Anchor(start, start + len(exact), AnchorMethod.POSITION)
    candidates: list[_Candidate] = []
    found = _nearest_exact(text, quote, start)
    if found is not None:
        candidates.append(found)
        if found.trusted(len(exact)):
            return Anchor(found.start, found.end, AnchorMethod.EXACT)
    candidates.extend(_fuzzy(text, quote))
    trusted = [c for c in candidates if c.trusted(len(exact))]
    if not trusted:
        return None
    best = max(trusted, key=lambda c: c.worth)
    method = AnchorMethod.EXACT if best.quote_similarity == 1.0 else AnchorMethod.FUZZY
    return Anchor(best.start, best.end, method)


# A passage this long is recognisable by its own words; a shorter one needs its context too.
LONG_PASSAGE = 40
# How alike (0-1) a place's context must be to the remembered one to vouch for a short passage
# (unrelated text of the same language is often 0.5 alike).
CONTEXT_TRUST = 0.65


class _Candidate(NamedTuple):
    """A place a passage might be now, with how alike its words and its context are (0-1)."""

    start: int
    end: int
    quote_similarity: float
    context_similarity: float

    @property
    def worth(self) -> float:
        return 0.6 * self.quote_similarity + 0.4 * self.context_similarity

    def trusted(self, length: int) -> bool:
        if self.quote_similarity == 1.0:
            return length >= LONG_PASSAGE or self.context_similarity >= CONTEXT_TRUST
        if self.context_similarity >= CONTEXT_TRUST and self.quote_similarity >= 0.5:
            return True
        return (length >= LONG_PASSAGE and self.quote_similarity >= 0.85
                and self.context_similarity >= 0.25)


def _edges_agree(text: str, start: int, end: int, quote: TextQuote) -> bool:
    """False when the words at a place run on past the passage where they did not before
    ("for å" still found inside "for år")."""
    after, before = text[end:end + 1], text[start - 1:start] if start else ""
    # A quote without context (made by another tool) cannot tell: it agrees.
    if quote.suffix and after.isalnum() and quote.exact[-1].isalnum() \
            and quote.suffix[:1] != after:
        return False
    return not (quote.prefix and before.isalnum() and quote.exact[0].isalnum()
                and quote.prefix[-1:] != before)


def _context_similarity(text: str, start: int, end: int, quote: TextQuote) -> float:
    """How alike (0-1) the text around a place is to the passage's remembered context."""
    from rapidfuzz import fuzz  # loaded at the first comparison, not at start-up

    scores = []
    if quote.prefix or start > 0:
        before = text[max(0, start - len(quote.prefix)):start] if quote.prefix else ""
        scores.append(fuzz.ratio(quote.prefix, before) / 100 if quote.prefix or before else 1.0)
    if quote.suffix or end < len(text):
        after = text[end:end + len(quote.suffix)] if quote.suffix else ""
        scores.append(fuzz.ratio(quote.suffix, after) / 100 if quote.suffix or after else 1.0)
    return sum(scores) / len(scores) if scores else 1.0


def _nearest_exact(text: str, quote: TextQuote, start: int | None) -> _Candidate | None:
    """The occurrence of the exact words whose context is most alike, nearest the old place
    among equals."""
    exact = quote.exact
    best: tuple[float, int, int] | None = None
    at = text.find(exact)
    while at >= 0:
        if not _edges_agree(text, at, at + len(exact), quote):
            at = text.find(exact, at + 1)
            continue
        similarity = _context_similarity(text, at, at + len(exact), quote)
        distance = abs(at - start) if start is not None else 0
        if best is None or (similarity, -distance) > (best[0], -best[1]):
            best = (similarity, distance, at)
        at = text.find(exact, at + 1)
    if best is None:
        return None
    return _Candidate(best[2], best[2] + len(exact), 1.0, best[0])


def _fuzzy(text: str, quote: TextQuote) -> list[_Candidate]:
    """Places where the words, or the context around them, are found approximately."""
    from rapidfuzz import fuzz  # loaded at the first comparison, not at start-up

    exact = quote.exact
    if len(exact) > len(text):
        return []
    # The words with their context locate the stretch to look in; inside it, the passage is
    # either where its words match best or between its prefix and its suffix.
    context = quote.prefix + exact + quote.suffix
    window_start, window_end = 0, len(text)
    if len(context) > len(exact) and len(context) <= len(text):
        around = fuzz.partial_ratio_alignment(context, text, score_cutoff=60)
        if around is not None:
            margin = len(quote.prefix) + len(quote.suffix)
            window_start = max(0, around.dest_start - margin)
            window_end = min(len(text), around.dest_end + margin)
    window = text[window_start:window_end]
    spans = []
    by_words = fuzz.partial_ratio_alignment(exact, window, score_cutoff=FUZZY_CUTOFF)
    if by_words is not None and by_words.dest_end > by_words.dest_start:
        spans.append((window_start + by_words.dest_start, window_start + by_words.dest_end))
    between = _between_context(window, quote)
    if between is not None:
        spans.append((window_start + between[0], window_start + between[1]))
    candidates = []
    for begin, finish in spans:
        begin, finish = _snap(text, begin, finish, quote)
        if finish <= begin:
            continue
        candidates.append(_Candidate(
            begin, finish, fuzz.ratio(exact, text[begin:finish]) / 100,
            _context_similarity(text, begin, finish, quote)))
    return candidates


def _between_context(window: str, quote: TextQuote) -> tuple[int, int] | None:
    """The stretch of a window between the passage's prefix and suffix, found approximately."""
    from rapidfuzz import fuzz  # loaded at the first comparison, not at start-up

    prefix, suffix = quote.prefix, quote.suffix
    if len(prefix) < 8 and len(suffix) < 8:
        return None
    begin = 0
    if prefix:
        found = fuzz.partial_ratio_alignment(prefix, window, score_cutoff=FUZZY_CUTOFF)
        if found is None:
            return None
        begin = found.dest_end
    finish = len(window)
    if suffix:
        rest = window[begin:begin + 3 * len(quote.exact) + len(suffix) + 20]
        found = fuzz.partial_ratio_alignment(suffix, rest, score_cutoff=FUZZY_CUTOFF)
        if found is None:
            return None
        finish = begin + found.dest_start
    if not 0 < finish - begin <= 3 * len(quote.exact) + 20:
        return None
    return begin, finish


def _snap(text: str, start: int, end: int, quote: TextQuote) -> tuple[int, int]:
    """A fuzzy span moved to whole words where the passage began and ended on whole words,
    without the blank space at its edges."""
    exact = quote.exact
    while start < end and text[start].isspace() and not exact[0].isspace():
        start += 1
    while end > start and text[end - 1].isspace() and not exact[-1].isspace():
        end -= 1
    if exact[0].isalnum() and quote.prefix and not quote.prefix[-1:].isalnum():
        while start > 0 and text[start - 1].isalnum():
            start -= 1
    if exact[-1].isalnum() and quote.suffix and not quote.suffix[:1].isalnum():
        while end < len(text) and text[end].isalnum():
            end += 1
    elif not exact[-1].isalnum() and not exact[-1].isspace() \
            and text[end:end + 1] == exact[-1] and text[end - 1:end] != exact[-1]:
        end += 1  # the closing full stop the match left out
    return start, end
