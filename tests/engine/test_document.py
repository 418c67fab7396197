"""Documents: positions count characters, lines and CRLF."""

from __future__ import annotations

from lint import Document


def test_positions_count_characters_not_bytes():
    doc = Document("第一行\n第二行文字\n")
    assert doc.position(0) == (1, 1)
    assert doc.position(4) == (2, 1)
    assert doc.position(6) == (2, 3)
    assert doc.offset(2, 3) == 6
    assert doc.position(len(doc.text)) == (3, 1)


def test_lines_exclude_breaks_and_carriage_returns():
    doc = Document("a\r\nbb\nccc")
    assert [(line.number, line.text) for line in doc.lines] == [(1, "a"), (2, "bb"), (3, "ccc")]
    assert doc.lines[0].end == 1


def test_memo_computes_once_per_document():
    calls = []

    def analysis(d: Document) -> int:
        calls.append(1)
        return len(d.text)

    doc = Document("abc")
    assert doc.memo(analysis) == 3
    assert doc.memo(analysis) == 3
    assert len(calls) == 1
    assert doc.with_text("abcd").memo(analysis) == 4
    assert len(calls) == 2
