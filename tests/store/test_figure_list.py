"""The library's figures as a list read a window at a time: counts, pages in every order,
filters by unit and by words, the units there are, and everything for an export."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from reader.store.library import Library
from reader.store.records import FigureQuery, FigureRow, FigureSort

Key = Callable[[FigureRow], tuple[Any, ...]]
# The documented order of each sort (figures are stored document by document, in text order,
# so (document, position) orders them as their ids do).
KEYS: dict[FigureSort, Key] = {
    FigureSort.ARTICLE: lambda r: (r.title.casefold(), r.article_id, r.figure.document_id,
                                   r.figure.position),
    FigureSort.LANGUAGE: lambda r: (r.language, r.article_id, r.figure.document_id,
                                    r.figure.position),
    FigureSort.LABEL: lambda r: ((r.figure.label or r.figure.surface).casefold(), r.figure.unit,
                                 r.figure.document_id, r.figure.position),
    FigureSort.VALUE: lambda r: (float(r.figure.value), r.figure.document_id, r.figure.position),
    FigureSort.UNIT: lambda r: (r.figure.unit, float(r.figure.value), r.figure.document_id,
                                r.figure.position),
}


def _every_figure(library: Library) -> list[FigureRow]:
    titles = {s.id: s.title for s in library.listing.rows_of(
        s.id for s in library.article_summaries()).values()}
    return [FigureRow(article_id, titles[article_id], language, figure)
            for article_id, language, figure in library.figures.everywhere()]


def _expected(library: Library, keep: Callable[[FigureRow], bool], key: FigureSort,
              descending: bool) -> list[FigureRow]:
    return sorted((row for row in _every_figure(library) if keep(row)), key=KEYS[key],
                  reverse=descending)


@pytest.mark.parametrize("key", list(FigureSort))
@pytest.mark.parametrize("descending", [False, True])
def test_pages_in_every_order_are_the_sorted_list(seeded_library: Library, key: FigureSort,
                                                  descending: bool) -> None:
    figures = seeded_library.figures
    everything = FigureQuery()
    expected = _expected(seeded_library, lambda row: True, key, descending)
    assert figures.count(everything) == len(expected) == 97
    assert figures.window(everything, key, descending, 0, 200) == expected
    assert figures.window(everything, key, descending, 10, 25) == expected[10:35]
    assert figures.window(everything, key, descending, 90, 200) == expected[90:]
    assert figures.rows(everything, key, descending) == expected

    vnd = FigureQuery(unit="VND")
    in_vnd = _expected(seeded_library, lambda row: row.figure.unit == "VND", key, descending)
    assert 0 < figures.count(vnd) == len(in_vnd) < 97
    assert figures.window(vnd, key, descending, 1, 3) == in_vnd[1:4]


def test_words_are_found_in_the_label_text_unit_or_title(seeded_library: Library) -> None:
    figures = seeded_library.figures
    article = FigureSort.ARTICLE

    def found(words: str, unit: str = "") -> list[FigureRow]:
        query = FigureQuery(unit, words)
        rows = figures.window(query, article, False, 0, 200)
        assert figures.count(query) == len(rows)
        assert figures.rows(query, article, False) == rows
        return rows

    budget = found("presupuestarios")
    assert budget and all("presupuestarios" in row.figure.label.casefold() for row in budget)
    assert found("Presupuestários") == budget  # any case, accents optional
    assert found("presupuest") == budget  # the last word typed is a prefix
    (revenue,) = found("presupuestarios", unit="VND")
    assert revenue.figure.surface == "3.312 billones de VND"
    # A word of the Spanish version's title finds that version's figures, and a word of
    # its title with a word of a figure finds those figures of it.
    titled = found("conferencia")
    assert titled and {row.language for row in titled} == {"es"}
    assert found("conferencia vnd") == [row for row in titled if row.figure.unit == "VND"]
    assert found("conferencia 3.312") == [revenue]
    assert found("zzzz") == []
    assert len(found("  ")) == len(found("")) == 97


def test_units_are_listed_once_each_in_order(seeded_library: Library) -> None:
    units = seeded_library.figures.units()
    assert units == sorted({row.figure.unit for row in _every_figure(seeded_library)} - {""})
    assert "VND" in units and "percent" in units


def test_new_figures_replace_the_old_in_the_list_and_its_word_index(
    seeded_library: Library,
) -> None:
    from tests.conftest import make_figure

    figures = seeded_library.figures
    spanish = seeded_library.all_documents()[0]
    before = figures.count()
    own = len(figures.of_document(spanish.id))
    figures.replace(spanish.id, [make_figure(0, "42 puentes", "42", "", "count",
                                             label="Puentes nuevos")], "test")
    assert figures.count() == before - own + 1
    (row,) = figures.window(FigureQuery(words="puentes"), FigureSort.VALUE, False, 0, 10)
    assert row.figure.surface == "42 puentes" and row.language == "es"
    assert figures.count(FigureQuery(words="presupuestarios", unit="VND")) == 0


def test_replaced_figures_leave_no_words_behind(seeded_library: Library) -> None:
    from tests.conftest import make_figure

    figures = seeded_library.figures
    last = seeded_library.all_documents()[-1]  # its figures have the highest ids, reused next
    (old, *_rest) = figures.of_document(last.id)
    word = old.label.split()[-1]
    assert figures.count(FigureQuery(words=f'"{word}"'))
    figures.replace(last.id, [make_figure(0, "7 broer", "7", "", "count", label="Broer")], "t")
    figures.replace(last.id, [make_figure(0, "8 broer", "8", "", "count", label="Broer")], "t")
    assert [row.figure.surface for row in figures.window(
        FigureQuery(words="broer"), FigureSort.VALUE, False, 0, 10)] == ["8 broer"]
    remaining = {r.figure.label for r in figures.rows(FigureQuery(words=f'"{word}"'),
                                                      FigureSort.VALUE, False)}
    assert all(word.casefold() in label.casefold() for label in remaining)


def test_start_up_checks_read_indexes_not_every_row(seeded_library: Library) -> None:
    """What the window asks at every start (figures to find again, translations to check)
    must not read every document (the text comes with it) or every article."""
    from reader.text import versions

    plans: list[str] = []
    seeded_library.trace_statements(plans.append)
    seeded_library.figures.stale_documents(versions.FIGURE_EXTRACTOR_VERSION)
    seeded_library.listing.unchecked_translations(versions.FIGURE_CHECK_VERSION)
    seeded_library.trace_statements(None)
    assert len(plans) == 2
    for statement in plans:
        (query,) = [line for line in [statement] if line.startswith("SELECT")]
        plan = " ".join(str(row[3]) for row in seeded_library._conn.execute(
            "EXPLAIN QUERY PLAN " + query.replace("?1", "'1'")))
        assert "SCAN" not in plan, plan
