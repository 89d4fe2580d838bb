"""A prepared file goes from an import's worker to its writer pickled: it comes back equal.

Sentences, paragraphs and figures pickle as their fields in order (reader.text.sentences,
source_document, figures); a field added or moved without its `__reduce__` would come back
wrong or fail here.
"""

from __future__ import annotations

import dataclasses
import pickle
from decimal import Decimal
from pathlib import Path

from reader.operations.import_work import prepare_file
from reader.text.figures import Figure
from reader.text.sentences import SentenceSpan
from reader.text.source_document import Paragraph, ParagraphKind


def test_records_round_trip_with_every_field() -> None:
    records = [
        SentenceSpan(3, 17),
        Paragraph(2, "Hola.", ParagraphKind.HEADING, 1, 40, 45),
        Figure("4,5 %", 10, 15, Decimal("4.5"), "percent", "percent", "about", "Paro"),
    ]
    for record in records:
        back = pickle.loads(pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL))
        assert back == record
        assert type(back) is type(record)
        assert [getattr(back, f.name) for f in dataclasses.fields(back)] == [
            getattr(record, f.name) for f in dataclasses.fields(record)]


def test_a_prepared_file_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(
        "El paro bajó al 4,5 % en 2025.\n\nLa inversión creció 1.299 millones de euros, "
        "según el ministerio, y el 12 de octubre se abrieron 3 centros.\n", encoding="utf-8")
    prepared = prepare_file(path)
    assert prepared.analysed is not None and prepared.figures
    assert pickle.loads(pickle.dumps(prepared, protocol=pickle.HIGHEST_PROTOCOL)) == prepared
