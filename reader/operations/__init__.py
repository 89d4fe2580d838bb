"""Operations on the library: import, align, check figures, seed, exchange notes (no Qt, no SQL)."""
