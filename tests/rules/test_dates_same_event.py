"""DT002: an edition referred back to with a year glued before 这届/本届 (issue 11, dates a).

``2014年第十届全国大学生运动会在天津开幕`` … ``在2024年的这届大运会上``: the co-reference
names the edition introduced before it, so its year must be that edition's. The year
may follow the co-reference (``本届2024年``, already judged) or stand right before it,
with at most ``举行的``/``的`` between. A year that is not glued to the co-reference, the
same year, another word (那届), or a passage without an introduced edition stay silent.
"""

from __future__ import annotations

import pytest

from lint.testing import lint_text
from rules.dates import InconsistentYear

_FULL = str.maketrans("0123456789,", "０１２３４５６７８９，")


def _report(text: str):
    return [d for d in lint_text(text, [InconsistentYear]) if d.code == "DT002"]


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        (
            "2014年第十届全国大学生运动会在天津开幕。他在2024年举行的这届运动会上夺得金牌。",
            "2024年举行的这届",
        ),
        (
            "2014年第十届全国大学生运动会在天津开幕。在2024年的这届大运会上,他夺得两枚金牌。",
            "2024年的这届",
        ),
        (
            "2014年第十届全国大学生运动会在天津开幕。2024年本届大运会共设24个大项。",
            "2024年本届",
        ),
    ],
)
@pytest.mark.parametrize("wide", [False, True])
def test_a_year_glued_before_the_co_reference_is_the_editions(text, cited, wide):
    if wide:
        text, cited = text.translate(_FULL), cited.translate(_FULL)
    found = _report(text)
    assert len(found) == 1, found
    d = found[0]
    assert text[d.start : d.end] == "2024年".translate(_FULL if wide else {})
    assert "第十届全国大学生运动会 (line 1)" in d.message and f"{cited} (line 1)" in d.message
    assert d.fix is not None and d.fix.description == "replace 2024 with 2014"


@pytest.mark.parametrize(
    "text",
    [
        t
        for text in [
            # the same year
            "2014年第十届全国大学生运动会在天津开幕。在2014年的这届大运会上,他夺得两枚金牌。",
            # the year is not glued to the co-reference
            "2014年第十届全国大学生运动会在天津开幕。2018年,这届大运会的冠军又夺得了全运会金牌。",
            # another word: 那届 refers to no edition introduced here
            "他参加了2010年第九届全国大学生运动会。2014年的那届,他夺得金牌。",
            # no edition introduced before it
            "在2024年的这届大运会上,他夺得两枚金牌。",
            # a biography naming an annual event in many years
            "他在2010年、2014年和2018年的全国大学生运动会上都夺得金牌。",
        ]
        for t in (text, text.translate(_FULL))
    ],
)
def test_no_report_without_a_year_glued_to_a_co_reference(text):
    assert _report(text) == []
