"""The search of the sentence aligner: least-cost beads in a band around the diagonal.

A lattice of cells (i, j) — source sentences before i, target sentences before j — is filled
row by row within a band, with the least cost of reaching each cell (Viterbi) and the total
probability of all paths to it (forward); a backward pass then gives each bead of the best
path its posterior probability.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Callable
from dataclasses import dataclass

# Bead shapes (source sentences, target sentences); the first three are 1-1 and the omissions.
SHAPES: tuple[tuple[int, int], ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2),
                                       (3, 1), (1, 3))
SHAPE_COUNT = len(SHAPES)
# The most sentences a bead holds on one side.
MOST_PER_SIDE = max(max(shape) for shape in SHAPES)
# Band half-width in sentences: at least the caller's minimum, or this times the root of
# the length.
BAND_PER_ROOT = 0.4
# Cost (in nats) of a point where one side starts a paragraph and the other does not.
PARAGRAPH_MISMATCH_COST = 0.5
_INF = math.inf

# cost(i0, i1, j0, j1, shape index) of the bead of source i0..i1-1 and target j0..j1-1
CostFunction = Callable[[int, int, int, int, int], float]
# row(i, shape index, first, last): the costs of the beads of that shape that end in row i at
# target positions first..last (a list from first to last), each what CostFunction gives
RowCosts = Callable[[int, int, int, int], list[float]]


@dataclass(frozen=True)
class BandCosts:
    """The costs of the beads of a band: one bead at a time, or a row's beads of one shape
    at once (what the search asks for: the work that a row's beads share is done once)."""

    bead: CostFunction
    row: RowCosts

    @classmethod
    def of(cls, cost: CostFunction) -> BandCosts:
        """A bead's cost function, asked once per bead for a row's beads too."""

        def row(i: int, shape: int, first: int, last: int) -> list[float]:
            a, b = SHAPES[shape]
            return [cost(i - a, i, j - b, j, shape) for j in range(first, last + 1)]

        return cls(cost, row)


# the costs for a band (lows[i]..highs[i] are the target positions of row i)
CostFactory = Callable[[list[int], list[int]], BandCosts]
# starts[i] on each side: a paragraph starts at sentence i (and at both ends)
ParagraphStarts = tuple[list[bool], list[bool]]


def cumulative(lengths: list[int]) -> list[int]:
    """Running totals of lengths, starting at 0."""
    totals = [0]
    for length in lengths:
        totals.append(totals[-1] + length)
    return totals


Step = tuple[int, int, int, int, int]  # i0, i1, j0, j1, shape index


# a bead of the best path, its posterior probability and its margin: how much more (in nats)
# the best way to reach its end other than through it costs (MOST_MARGIN when there is none)
Scored = tuple[Step, float, float]
MOST_MARGIN = 10.0


def search(
    source_lengths: list[int],
    target_lengths: list[int],
    costs: CostFactory,
    point: ParagraphStarts | None,
    band: int | None,
    fixed: dict[int, float],
) -> list[Scored]:
    """The least-cost path of beads, each with its posterior probability and its margin.

    With a band, only cells near a guide line are searched: first the diagonal scaled by
    cumulative lengths, then the best path found so far. When the path touches the band's
    edge the band is centred on it and searched again, twice as wide from the second time.
    Without a band the search is exhaustive. `fixed` maps shape indices to a constant cost.
    """
    n, m = len(source_lengths), len(target_lengths)
    # texts drift from the diagonal like a random walk: by about the root of their length
    width = max(band, math.ceil(BAND_PER_ROOT * math.sqrt(max(n, m)))) if band else max(n, m)
    centres = _diagonal(source_lengths, target_lengths)
    recentred = False
    while True:
        lows, highs = _band_rows(centres, m, width)
        lattice = _Lattice(n, m, lows, highs, costs(lows, highs), point, fixed)
        path = lattice.best_path()
        if width >= max(n, m) or not lattice.touches_edge(path):
            return lattice.with_posteriors(path)
        if recentred:
            width *= 2
        centres = _path_centres(path, n)
        recentred = True


def _diagonal(source_lengths: list[int], target_lengths: list[int]) -> list[int]:
    """For each source position, the target position as far into its text."""
    n, m = len(source_lengths), len(target_lengths)
    cum_s, cum_t = cumulative(source_lengths), cumulative(target_lengths)
    if not cum_s[-1] or not cum_t[-1]:
        return [round(i * m / n) if n else 0 for i in range(n + 1)]
    centres = []
    j = 0
    for i in range(n + 1):
        wanted = cum_s[i] * cum_t[-1] / cum_s[-1]
        while j < m and cum_t[j + 1] <= wanted:
            j += 1
        step = cum_t[j + 1] - cum_t[j] if j < m else 0
        centres.append(min(m, j + round((wanted - cum_t[j]) / step)) if step else j)
    return centres


def _path_centres(path: list[Step], n: int) -> list[int]:
    centres = [0] * (n + 1)
    for i0, i1, j0, j1, _ in path:
        for i in range(i0, i1 + 1):
            centres[i] = j1 if i == i1 else (j0 + j1) // 2
    return centres


def _band_rows(centres: list[int], m: int, width: int) -> tuple[list[int], list[int]]:
    """For each source position, the range of target positions searched."""
    n = len(centres) - 1
    if width >= max(n, m):
        return [0] * (n + 1), [m] * (n + 1)
    lows = [max(0, c - width) for c in centres]
    highs = [min(m, c + width) for c in centres]
    lows[0], highs[n] = 0, m
    for i in range(1, n + 1):
        lows[i] = max(lows[i], lows[i - 1])
    for i in range(n, 0, -1):  # every row reachable from the one before
        highs[i - 1] = min(highs[i], max(highs[i - 1], lows[i] - 1))
    return lows, highs


class _Lattice:
    """Beads between the cells of a band: least-cost path and posterior probabilities."""

    def __init__(self, n: int, m: int, lows: list[int], highs: list[int],
                 cost: BandCosts, point: ParagraphStarts | None,
                 fixed: dict[int, float]) -> None:
        self.n, self.m, self.lows, self.highs = n, m, lows, highs
        self.fixed = fixed
        self.best: list[list[float]] = []
        self.back: list[list[int]] = []
        self.forward: list[list[float]] = []
        self.costs: list[array[float]] = []
        for i in range(n + 1):
            self._fill_row(i, cost, point)

    def _fill_row(self, i: int, cost: BandCosts, point: ParagraphStarts | None) -> None:
        """Least cost, back pointer and forward log-probability of each cell of row i."""
        low, high = self.lows[i], self.highs[i]
        size = high - low + 1
        best, back, forward = [_INF] * size, [-1] * size, [-_INF] * size
        costs = array("d", [_INF]) * (size * len(SHAPES))
        self.best.append(best)
        self.back.append(back)
        self.forward.append(forward)
        self.costs.append(costs)
        # per shape: its index, the previous cell's row, the first and last cells of this row
        # it reaches and their costs (None: the shape's fixed cost, in `fixed`)
        sources = []
        for shape, (a, b) in enumerate(SHAPES):
            if i - a < 0:
                continue
            p_low, p_high = self.lows[i - a], self.highs[i - a]
            first, last = max(low, p_low + b), min(high, p_high + b)
            if first > last:
                continue
            fixed = self.fixed.get(shape)
            row = cost.row(i, shape, first, last) if fixed is None else None
            sources.append((shape, b, first, last, p_low, self.best[i - a],
                            self.forward[i - a], 0.0 if fixed is None else fixed, row))
        exp, log = math.exp, math.log
        starts, row_starts = (point[1], point[0][i]) if point is not None else ([], False)
        for j in range(low, high + 1):
            x = j - low
            if i == 0 and j == 0:
                best[0] = forward[0] = 0.0
                continue
            here = (0.0 if point is None or starts[j] == row_starts
                    else PARAGRAPH_MISMATCH_COST)
            lowest, arg, terms = _INF, -1, []
            for shape, b, first, last, p_low, p_best, p_forward, fixed, row in sources:
                if j < first or j > last:
                    continue
                y = j - b - p_low
                if p_best[y] == _INF:
                    continue
                c = (fixed if row is None else row[j - first]) + here
                costs[x * SHAPE_COUNT + shape] = c
                total = p_best[y] + c
                if total < lowest:
                    lowest, arg = total, shape
                terms.append(p_forward[y] - c)
            best[x], back[x] = lowest, arg
            if terms:
                top = max(terms)
                forward[x] = top + log(sum([exp(t - top) for t in terms]))

    def best_path(self) -> list[Step]:
        steps: list[Step] = []
        i, j = self.n, self.m
        while i > 0 or j > 0:
            shape = self.back[i][j - self.lows[i]]
            a, b = SHAPES[shape]
            steps.append((i - a, i, j - b, j, shape))
            i, j = i - a, j - b
        steps.reverse()
        return steps

    def touches_edge(self, path: list[Step]) -> bool:
        for _, i, _, j, _ in path:
            if (j == self.lows[i] and j > 0) or (j == self.highs[i] and j < self.m):
                return True
        return False

    def with_posteriors(self, path: list[Step]) -> list[Scored]:
        backward = self._backward()
        total = self.forward[self.n][self.m - self.lows[self.n]]
        result = []
        for step in path:
            i0, i1, j0, j1, shape = step
            x = j1 - self.lows[i1]
            log_p = (self.forward[i0][j0 - self.lows[i0]] - self.costs[i1][x * SHAPE_COUNT + shape]
                     + backward[i1][x] - total)
            result.append((step, math.exp(min(0.0, log_p)), self._margin(i1, j1, shape)))
        return result

    def _margin(self, i: int, j: int, chosen: int) -> float:
        """How much more the cheapest way into cell (i, j) other than by shape `chosen` costs."""
        costs, x = self.costs[i], j - self.lows[i]
        best = self.best[i][x]
        other = _INF
        for shape, (a, b) in enumerate(SHAPES):
            c = costs[x * SHAPE_COUNT + shape]
            if shape == chosen or c == _INF:
                continue
            y = j - b - self.lows[i - a]
            other = min(other, self.best[i - a][y] + c)
        return min(other - best, MOST_MARGIN)

    def _backward(self) -> list[list[float]]:
        """Log-probability of reaching the end from each cell."""
        lows, exp, log1p = self.lows, math.exp, math.log1p
        backward = [[-_INF] * (self.highs[i] - lows[i] + 1) for i in range(self.n + 1)]
        backward[self.n][self.m - lows[self.n]] = 0.0
        for i in range(self.n, -1, -1):
            costs, row = self.costs[i], backward[i]
            for x in range(len(row) - 1, -1, -1):
                value = row[x]
                if value == -_INF:
                    continue
                j = x + lows[i]
                for shape, (a, b) in enumerate(SHAPES):
                    c = costs[x * SHAPE_COUNT + shape]
                    if c == _INF:
                        continue
                    target_row = backward[i - a]
                    y = j - b - lows[i - a]
                    old, new = target_row[y], value - c
                    if old == -_INF:
                        target_row[y] = new
                    elif old > new:
                        target_row[y] = old + log1p(exp(new - old))
                    else:
                        target_row[y] = new + log1p(exp(old - new))
        return backward

