"""Reasons: an English line that keeps its stable code and parameters, across processes."""

from __future__ import annotations

import pickle

import pytest

from reader.text.file_check import UnreadableFile, check_size, decode_article_bytes
from reader.text.reasons import MESSAGES, Reason, ReasonCode, reason_code, reason_of


def test_a_reason_is_its_english_line_with_a_code() -> None:
    reason = Reason(ReasonCode.FILE_TOO_LARGE, size="20.1", limit=20)
    assert reason == "file is too large (20.1 MB; the limit is 20 MB)"
    assert reason_code(reason) == "file-too-large"
    assert reason.params == {"size": "20.1", "limit": "20"}
    assert reason_code("said plainly") == "other"


def test_a_reason_crosses_to_a_worker_process_and_back() -> None:
    reason = Reason(ReasonCode.INVALID_ENCODING, encoding="UTF-8", byte="0xc3", offset=0)
    again = pickle.loads(pickle.dumps(reason))
    assert isinstance(again, Reason)
    assert (again, again.code, again.params) == (reason, reason.code, reason.params)


def test_file_checks_raise_coded_reasons() -> None:
    for data, code in ((b"", ReasonCode.EMPTY_FILE), (b"  \n", ReasonCode.ONLY_WHITESPACE),
                       (b"\x00\x01binary", ReasonCode.BINARY_FILE)):
        with pytest.raises(UnreadableFile) as raised:
            decode_article_bytes(data)
        assert reason_code(reason_of(raised.value)) == code.value
    with pytest.raises(UnreadableFile) as raised:
        check_size(30 * 1024 * 1024)
    assert reason_code(reason_of(raised.value)) == "file-too-large"


def test_every_code_has_a_message_and_codes_are_distinct() -> None:
    assert set(MESSAGES) == set(ReasonCode)
    assert len({code.value for code in ReasonCode}) == len(ReasonCode)
