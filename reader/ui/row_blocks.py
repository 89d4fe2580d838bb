"""Rows of a long list read a block at a time: what the library list and the Figures window
share, so that a list of 100,000 rows costs one query per block a view shows."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

Row = TypeVar("Row")
BLOCK_ROWS = 200
MAX_BLOCKS = 50  # 10,000 rows at most in memory


class RowBlocks(Generic[Row]):
    """Blocks of `block_rows` rows read by `read(offset, limit)` when first asked for; the
    least recently used of at most `max_blocks` blocks is dropped first."""

    def __init__(self, read: Callable[[int, int], list[Row]], block_rows: int = BLOCK_ROWS,
                 max_blocks: int = MAX_BLOCKS) -> None:
        self._read = read
        self.block_rows = block_rows
        self.max_blocks = max_blocks
        self._blocks: OrderedDict[int, list[Row]] = OrderedDict()

    def clear(self) -> None:
        """Forget every block (the list's order, filter or rows changed)."""
        self._blocks.clear()

    def row(self, row: int) -> Row | None:
        """The row at a position; None past the end of its block (another connection removed
        rows since the list was counted)."""
        number, offset = divmod(row, self.block_rows)
        block = self._blocks.get(number)
        if block is None:
            block = self._read(number * self.block_rows, self.block_rows)
            self._blocks[number] = block
            while len(self._blocks) > self.max_blocks:
                self._blocks.popitem(last=False)
        else:
            self._blocks.move_to_end(number)
        return block[offset] if offset < len(block) else None

    def held(self) -> Iterator[tuple[int, Row]]:
        """The rows in memory with their positions, without reading any."""
        for number, block in self._blocks.items():
            for offset, item in enumerate(block):
                yield number * self.block_rows + offset, item

    def replace(self, row: int, item: Row) -> None:
        """Put a row read again in place of the one held (no-op when its block is not held)."""
        number, offset = divmod(row, self.block_rows)
        block = self._blocks.get(number)
        if block is not None and offset < len(block):
            block[offset] = item
