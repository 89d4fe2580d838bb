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

from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import fuzz

# Characters of context kept on each side of a quote.
CONTEXT = 32
# How alike (0-100) a fuzzy match must be to be trusted.
FUZZY_CUTOFF = 80.0


@dataclass(frozen=True)
class TextQuote:
    """A W3C TextQuoteSelector: the exact words and the text just before and after them."""

    exact: str
    prefix: str = ""
    suffix: str = ""


class AnchorMethod(StrEnum):
    """How a passage was found again."""

    POSITION = "position"
    EXACT = "exact"
    FUZZY = "fuzzy"


@dataclass(frozen=True)
class Anchor:
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
    if start is not None and text[start:start + len(exact)] == exact:
        return Anchor(start, start + len(exact), AnchorMethod.POSITION)
    found = _nearest_exact(text, quote, start)
    if found is not None:
        return Anchor(found, found + len(exact), AnchorMethod.EXACT)
    return _fuzzy(text, quote)


def _nearest_exact(text: str, quote: TextQuote, start: int | None) -> int | None:
    exact = quote.exact
    occurrences = []
    at = text.find(exact)
    while at >= 0:
        occurrences.append(at)
        at = text.find(exact, at + 1)
    if not occurrences:
        return None
    if len(occurrences) == 1:
        return occurrences[0]

    def cost(at: int) -> tuple[int, int]:
        before = text[max(0, at - len(quote.prefix)):at]
        after = text[at + len(exact):at + len(exact) + len(quote.suffix)]
        context_misses = int(before != quote.prefix) + int(after != quote.suffix)
        distance = abs(at - start) if start is not None else 0
        return context_misses, distance

    return min(occurrences, key=cost)


def _fuzzy(text: str, quote: TextQuote) -> Anchor | None:
    exact = quote.exact
    if len(exact) > len(text):
        return None
    # First the words with their context, which tells apart passages that look alike; then
    # the words alone inside the stretch that matched.
    context = quote.prefix + exact + quote.suffix
    window_start, window_end = 0, len(text)
    if len(context) > len(exact) and len(context) <= len(text):
        around = fuzz.partial_ratio_alignment(context, text, score_cutoff=FUZZY_CUTOFF)
        if around is not None:
            margin = len(quote.prefix) + len(quote.suffix)
            window_start = max(0, around.dest_start - margin)
            window_end = min(len(text), around.dest_end + margin)
    window = text[window_start:window_end]
    found = fuzz.partial_ratio_alignment(exact, window, score_cutoff=FUZZY_CUTOFF)
    if found is None or found.dest_end <= found.dest_start:
        return None
    return Anchor(window_start + found.dest_start, window_start + found.dest_end,
                  AnchorMethod.FUZZY)
