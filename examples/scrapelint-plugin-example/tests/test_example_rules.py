"""The example rules, tested with lint.testing's readable cases."""

from __future__ import annotations

import pickle

import pytest
from scrapelint_example.rules import RULES, BannedTerm, SitePromotion, SiteWatermark
from scrapelint_example.rules import sites as sites_module

from lint.testing import Case, assert_silent, case_id, check_case, lint_text

WATERMARK_CASES = [
    Case(
        "正文第一段。\n«本文由某某网整理»\n正文第二段。",
        "EX001",
        fixed="正文第一段。\n正文第二段。",
    ),
    Case("正文。\n«本文由某某网整理。»", "EX001", messages="某某网", fixed="正文。"),
    Case("«本文由某某网编辑整理»", "EX001", fixed=""),
    Case(
        "正文到此结束。«本文由示例资讯网整理。»欢迎转发。",
        "EX001",
        fixed="正文到此结束。欢迎转发。",
        name="inside-a-line",
    ),
    Case(
        "«本文由示例网整理»\n本文由某某网整理",
        "EX001",
        settings={"EX001": {"sites": ["示例网"]}},
        fixed="本文由某某网整理",
        name="configured-sites-only",
    ),
]


@pytest.mark.parametrize("case", WATERMARK_CASES, ids=case_id)
def test_watermarks(case):
    check_case(SiteWatermark, case)


def test_watermark_look_alikes():
    assert_silent(SiteWatermark, "本文由作者本人整理。", "本文由小组讨论后整理", "由某某网整理")


BANNED = {"EX002": {"terms": ["震惊", "第一品牌"], "allow-phrases": ["震惊中外"]}}


@pytest.mark.parametrize(
    "case",
    [
        Case("«震惊»！这件事", "EX002", messages="`震惊`", settings=BANNED),
        Case("号称«第一品牌»，«震惊»全场", "EX002", settings=BANNED),
        Case("震惊中外的事件", settings=BANNED, name="allowed-phrase"),
        Case("震惊中外，«震惊»", "EX002", settings=BANNED, name="allowed-then-banned"),
    ],
    ids=case_id,
)
def test_banned_terms(case):
    check_case(BannedTerm, case)


def test_banned_term_does_nothing_without_terms():
    assert_silent(BannedTerm, "震惊！第一品牌")


def test_promotion_shares_the_sites_option_with_the_watermark():
    text = "更多精彩«请访问示例网»。\n请访问某某网"
    # `sites` is set on EX001 only; being shared, it reaches EX003
    settings = {"EX001": {"sites": ["示例网"]}}
    check_case([SitePromotion], Case(text, "EX003", settings={"EX003": {"sites": ["示例网"]}}))
    found = lint_text(text.replace("«", "").replace("»", ""), RULES, settings=settings)
    assert [(d.code, d.start) for d in found] == [("EX003", 4)]


def test_the_family_analysis_runs_once_per_document_and_sites(monkeypatch):
    calls = []
    original = sites_module.site_mentions

    def counting(document, sites):
        calls.append(sites)
        return original(document, sites)

    monkeypatch.setattr(sites_module, "site_mentions", counting)
    lint_text("本文由某某网整理\n请访问某某网", [SiteWatermark, SitePromotion])
    assert calls == [()]  # one analysis for both rules
    calls.clear()
    lint_text(
        "本文由某某网整理\n请访问某某网",
        [SiteWatermark, SitePromotion],
        settings={"EX001": {"sites": ["某某网"]}},
    )
    assert calls == [("某某网",)]


def test_rules_pickle_after_setup():
    rule = BannedTerm({"terms": ["震惊"], "allow-phrases": ["震惊中外"]})
    copy = pickle.loads(pickle.dumps(rule))
    text = "震惊！震惊中外"
    assert lint_text(text, [copy]) == lint_text(text, [rule])
