"""lint.testing's readable cases: markers, codes, messages, fixes, idempotence, look-alikes."""

from __future__ import annotations

import pytest

from lint import Document, Edit, Fix, FixAvailability, Rule
from lint.testing import (
    Case,
    CaseFailure,
    FixAvailabilityMismatch,
    assert_silent,
    case_id,
    check_case,
    mark,
    parse_marked,
)
from tests.engine.testplugin import Grow, Note, Shout, Star


@pytest.mark.parametrize(
    ("marked", "plain", "spans"),
    [
        ("对于«五带头»的要求", "对于五带头的要求", [(2, 5)]),
        ("«a»«b»", "ab", [(0, 1), (1, 2)]),
        ("空«»位", "空位", [(1, 1)]),
        ("无标记", "无标记", []),
    ],
)
def test_markers_round_trip(marked, plain, spans):
    assert parse_marked(marked) == (plain, spans)
    assert mark(plain, spans) == marked


@pytest.mark.parametrize("bad", ["a«b", "a»b", "«a«b»»"])
def test_unbalanced_markers_are_errors(bad):
    with pytest.raises(ValueError):
        parse_marked(bad)


def test_a_good_case_passes_and_returns_the_findings():
    [d] = check_case(Star, Case("中文«*»文字", "TS001", fixed="中文文字", messages="glyph"))
    assert d.fix is not None and d.fix.applicability.value == "safe"
    check_case([Star, Note], Case("«*»«错字»«*»", ["TS001", "TS003", "TS001"], fixed="错字"))
    check_case(Star, Case("a«#»b", "TS001", fixed="ab", settings={"TS001": {"glyph": "#"}}))


def test_a_finding_in_the_wrong_place_shows_both_markings():
    with pytest.raises(CaseFailure) as info:
        check_case(Star, Case("«中文»*文字", "TS001", fixed="中文文字"))
    text = str(info.value)
    assert "expected: «中文»*文字" in text and "found:    中文«*»文字" in text


def test_wrong_code_and_wrong_message_fail():
    with pytest.raises(CaseFailure, match="codes"):
        check_case(Star, Case("«*»", "TS002", fixed=""))
    with pytest.raises(CaseFailure, match="does not contain 'star'"):
        check_case(Star, Case("«*»", "TS001", fixed="", messages="star"))
    with pytest.raises(CaseFailure, match="names no code"):
        check_case(Note, Case("«错字»"))


def test_a_case_must_say_what_a_safe_fix_gives():
    with pytest.raises(CaseFailure, match=r"give the case fixed=.*'ab'"):
        check_case(Star, Case("a«*»b", "TS001"))
    with pytest.raises(CaseFailure, match="fixed text: expected 'a b'"):
        check_case(Star, Case("a«*»b", "TS001", fixed="a b"))
    # an unsafe fix needs no fixed text unless the case asks for unsafe fixes
    check_case(Shout, Case("hi«!!»", "TS002"))
    check_case(Shout, Case("hi«!!»", "TS002", fixed="hi!", unsafe=True))


def test_a_fix_loop_that_never_settles_fails_the_case():
    with pytest.raises(CaseFailure, match="does not settle"):
        check_case(Grow, Case("«x»", "TS903", fixed="xx"))


def test_a_broken_availability_promise_fails_the_case():
    class Liar(Rule):
        """Promises never to fix, then fixes (test rule)."""

        code = "LY001"
        name = "liar"
        family = "ly"
        fix_availability = FixAvailability.NEVER

        def check(self, document: Document):
            """Flag x with a fix."""
            i = document.text.find("x")
            if i != -1:
                yield self.report(i, i + 1, "x", fix=Fix.safe("drop", Edit(i, i + 1)))

    with pytest.raises(FixAvailabilityMismatch, match="NEVER"):
        check_case(Liar, Case("«x»", "LY001", fixed=""))


def test_silence_on_look_alikes():
    assert_silent(Star, "中文文字", "全角＊不是星号")
    with pytest.raises(CaseFailure, match=r"look-alike.*a«\*»b"):
        assert_silent(Star, "ab", "a*b")


def test_case_ids_are_readable():
    assert case_id(Case("对于«五带头»的要求\n第二行")) == "对于«五带头»的要求⏎第二行"
    assert case_id(Case("x", name="named")) == "named"
