"""Contact blocks (issue 12, shape 1): labelled contact lines, labels spaced or not.

Contact lines (``联 系 人： 龙涛``, ``地址：…``, ``电话：…``) are content in a notice: the
clean corpus has notices and advertisements ending in them. They are furniture only as
part of a site footer: two or more right above a copyright or ICP line at the tail of
the page. The label's inner spaces are ignored (``联 系 人`` reads 联系人).
"""

from __future__ import annotations

import pytest

from lint.testing import fix_text
from rules import vocabulary
from rules.scrape_artifacts import RULES
from rules.scrape_artifacts.furniture import contact_label
from tests.rules.scrape_artifacts_rows import PARA, PARA2
from tests.rules.scrape_artifacts_rows import rows as _rows

FOOTERS = ["版权所有 © 2021 某某网", "京ICP备13016345号-8", "Copyright © 2009-2019 某某网"]


def _flagged(text: str, line: int) -> bool:
    return any(r[1] <= line <= r[2] for r in _rows(text))


def _contacts(colon: str) -> list[str]:
    return [
        f"联 系 人{colon} 龙涛",
        f"地 址{colon} 湖南涉外经济学院科研处",
        f"电话{colon}0731-88888888",
    ]


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("联 系 人： 龙涛", "联系人"),
        ("地 址： 湖南涉外经济学院科研处", "地址"),
        ("电 话:0731-88888888", "电话"),
        ("邮  箱：liwang@163.com", "邮箱"),
        ("E-mail: kf@example.com", "E-mail"),
        ("传真：010-12345678 邮编：100000", "传真"),
    ],
)
def test_contact_labels_read_without_their_inner_spaces(line, label):
    assert contact_label(line) == label


@pytest.mark.parametrize(
    "line",
    [
        "会议地址：北京市东城区某某路1号",  # not a contact label
        "电话：如有疑问，请拨打热线咨询。",  # a sentence
        "地址是北京市东城区某某路1号",  # no colon
        "他说：电话打不通",
        "联系我们",
    ],
)
def test_contact_label_lookalikes(line):
    assert contact_label(line) is None


def test_contact_keys_come_from_the_data_file():
    assert {"联系人", "地址", "电话", "传真", "邮箱"} <= set(vocabulary.contact_keys())


@pytest.mark.parametrize("colon", ["：", ":"])
@pytest.mark.parametrize("footer", FOOTERS)
def test_a_contact_block_above_the_footer_joins_the_tail(colon, footer):
    text = "\n".join([PARA, PARA2, *_contacts(colon), footer])
    rows = _rows(text)
    assert ("SA002", 3, 5, "warning", "safe") in rows
    assert fix_text(text, RULES).split("\n") == [PARA, PARA2]


@pytest.mark.parametrize("colon", ["：", ":"])
@pytest.mark.parametrize(
    ("lines", "kept"),
    [
        # between paragraphs: an address inside an article
        ([PARA, "{c0}", "{c1}", PARA2], (2, 3)),
        # a notice ending in its contact lines, no furniture after them (the clean corpus)
        ([PARA, PARA2, "{c0}", "{c1}"], (3, 4)),
        # a notice ending in its contact lines above its print widgets
        ([PARA, PARA2, "{c0}", "{c1}", "【打印】 【关闭】"], (3, 4)),
        # one phone line above the footer
        ([PARA, PARA2, "{c2}", "版权所有 © 2021 某某网"], (3,)),
        # contact lines above the footer, prose between them and the footer
        ([PARA, "{c0}", "{c1}", PARA2, "版权所有 © 2021 某某网"], (2, 3)),
        # 会议地址 mid-article, prose after it
        ([PARA, "会议地址{colon}北京市东城区某某路1号", PARA2], (2,)),
    ],
)
def test_contact_lines_that_are_content_stay(colon, lines, kept):
    c = _contacts(colon)
    text = "\n".join(x.format(c0=c[0], c1=c[1], c2=c[2], colon=colon) for x in lines)
    fixed = fix_text(text, RULES).split("\n")
    for number in kept:
        assert not _flagged(text, number)
        assert text.split("\n")[number - 1] in fixed
