"""MC005 placeholder-name: what a placeholder stands for, and the look-alikes left alone."""

from __future__ import annotations

import pytest

from lint import Severity
from lint.testing import lint_text
from rules.masked_characters import RULES


def _placeholders(text: str) -> list[tuple[str, str]]:
    return [
        (text[d.start : d.end], d.message)
        for d in lint_text(text, RULES, min_severity=Severity.INFO)
        if d.code == "MC005"
    ]


@pytest.mark.parametrize(
    ("text", "glyphs", "role"),
    [
        ("×××同志在会上讲话。", "×××", "a name"),
        ("校长×××主持会议。", "×××", "a name or characters"),
        ("××校长主持会议。", "××", "a name"),
        ("本报记者×××报道", "×××", "a name"),
        ("记者 ×××", "×××", "a name"),
        ("通讯员：XX", "XX", "a name"),
        ("通讯员:XX", "XX", "a name"),
        ("（通讯员ＸＸ）", "ＸＸ", "a name"),
        ("XX市教育局印发通知。", "XX", "a place"),
        ("在××乡开展调研，", "××", "a place"),
        ("××县人民政府", "××", "a place"),
        ("某X局的工作人员", "X", "an organisation's name"),
        ("XX公司的员工", "XX", "an organisation's name"),
        ("尊敬的×××：", "×××", "a name"),
        ("□□□同志在会上讲话", "□□□", "a name"),
        ("今年××岁。", "××", "a number"),
        ("中华人□共和国成立", "□", "characters"),
        ("丙辰□□□□戊午", "□□□□", "characters"),
    ],
)
def test_placeholders_are_noted_with_what_they_stand_for(text, glyphs, role):
    found = _placeholders(text)
    assert [g for g, _ in found] == [glyphs]
    message = found[0][1]
    if role == "a name or characters":
        assert "where a name or characters belong" in message
    else:
        assert message.endswith(f"standing for {role}")


def test_placeholders_are_notes_without_fix():
    found = [d for d in lint_text("×××同志在会上讲话。", RULES) if d.code == "MC005"]
    assert found and found[0].severity == Severity.INFO and found[0].fix is None


@pytest.mark.parametrize(
    "text",
    [
        "分辨率为1920×1080。",
        "3×4=12",
        "长×宽×高",
        "□ 同意  □ 不同意",
        "□同意 □不同意",
        "请选择：□男 □女",
        "请选择:□男 □女",
        "请选择□男□女",
        "关闭×",
        "登录窗口 ×",
        "姓名：□□□□",
        "姓名:□□□□  性别:□□",
        "联系人：□□□□",
        "□苹果树有多少棵？",
        "4□5=20，□里填几？",
        "记者",
        "X射线检查",
        "Mac OS X 系统",
        "二○二○年",
        "×××",
    ],
)
def test_placeholder_lookalikes_are_silent(text):
    assert _placeholders(text) == []


def test_a_date_template_is_three_number_placeholders():
    found = _placeholders("××年××月××日")
    assert [g for g, _ in found] == ["××", "××", "××"]
    assert all(m.endswith("standing for a number") for _, m in found)
