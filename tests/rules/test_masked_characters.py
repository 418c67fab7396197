"""Masked characters (MC): what each rule flags, the look-alikes it leaves, the seed, the corpus."""

from __future__ import annotations

import pickle
import subprocess
import sys
import time

import pytest

from lint import Document, Severity
from lint.linter import check_document
from lint.testing import fix_text, lint_text
from rules.masked_characters import RULES, restore
from rules.masked_characters.detect import masks, placeholder_masks, star_masks
from rules.masked_characters.masked_formula import MaskedFormulaTerm
from rules.masked_characters.masked_text import MaskedText
from rules.masked_characters.restore import (
    EXTEND_FORMULAS,
    EXTEND_WORDS,
    formula_term,
    formula_terms,
)
from rules.masked_characters.stray_mask import StrayMaskInWord
from tests.corpus import REPO, SEED, iter_documents, requires_corpus


def _warnings(text: str) -> set[tuple[str, str]]:
    found = lint_text(text, RULES, min_severity=Severity.WARNING)
    return {(d.code, text[d.start : d.end]) for d in found}


def _spans(text: str, code: str) -> list[str]:
    return [text[d.start : d.end] for d in lint_text(text, RULES) if d.code == code]


# -- MC001 masked-digits -----------------------------------------------------------

DIGITS_FLAGGED = [
    ("**月6日以来，从中央到省、市召开多次会议", ["**"]),
    ("**月6日以来,从中央到省、市召开多次会议", ["**"]),
    ("学校于20**年开始招生。", ["**"]),
    ("本次活动共计1**元，由学校承担。", ["**"]),
    ("会议定于5月**日召开。", ["**"]),
    ("会议定于5月＊＊日召开。", ["＊＊"]),
    ("2019年**月**日", ["**", "**"]),
    ("他今年3*岁，已经上学了", ["*"]),
    ("第1**届运动会在我校举行", ["**"]),
    ("于**月12日发布通知", ["**"]),
    ("全年营收达3**万元", ["**"]),
    ("签约金额为5**亿元。", ["**"]),
    ("2011年＊＊月＊＊日", ["＊＊", "＊＊"]),
    ("报名时间：**月1日至**月10日", ["**", "**"]),
    ("（2020年**月）", ["**"]),
    ("时间:20**年**月", ["**", "**"]),
    ("第**届全国运动会在我市举行。", ["**"]),
    ("今年销售额增长了**%，远超预期", ["**"]),
]


@pytest.mark.parametrize(("text", "expected"), DIGITS_FLAGGED)
def test_masked_digits_flagged(text, expected):
    assert _spans(text, "MC001") == expected
    assert fix_text(text, RULES, unsafe=True) == text  # the digits are lost: no fix


DIGITS_NOT_FLAGGED = [
    "3*4=12",
    "体积是48m**3",
    "当x=3时，x**2等于多少",
    "**2023年工作计划**",
    "面积是36厘米**2",
    "40*68与24*多少的积相等",
    "利润率=利润/进价*100%",
    "价格*：以实际为准",
    "华氏度=32+摄氏度*1.8",
    "3.5*(20.6-16.8/4.8)",
    "第3*章的习题",
    "注*：本表数据截至2020年",
    "***",
    "* 第一项：2020年",
    "会议*的内容",
    "双立人16cm炖锅*1（含锅盖）",
    "赞美老师的名言警句(**15篇)",
]


@pytest.mark.parametrize("text", DIGITS_NOT_FLAGGED)
def test_masked_digits_not_flagged(text):
    assert _spans(text, "MC001") == []


# -- MC002 stray-mask-in-word --------------------------------------------------------

# Deleting the star restores a fixed expression whose halves cannot stand apart: safe.
STRAY_SAFE = [
    ("希望大家对我镇教育发展献计*献策，共谋发展。", "献计献策"),
    ("希望大家对我镇教育发展献计*献策,共谋发展.", "献计献策"),
    ("几位老师献计＊献策", "献计献策"),
    ("要坚持实事*求是的思想路线", "实事求是"),
    ("开拓进取，与时*俱进", "与时俱进"),
    ("对工作精益*求精,一丝不苟", "精益求精"),
    ("全体党员全心*全意为人民服务", "全心全意"),
    ("工作兢兢*业业，任劳任怨", "兢兢业业"),
    ("我们要同心*同德、求真务实", "同心同德"),
    ("求真*务实，开拓创新", "求真务实"),
    ("大家齐心*协力完成任务", "齐心协力"),
    ("学习要循序*渐进，不可操之过急", "循序渐进"),
    ("锻炼贵在持之*以恒", "持之以恒"),
    ("各地要因地＊制宜，分类指导", "因地制宜"),
    ("坚持以人*为本的理念", "以人为本"),
    ("这件事众所*周知", "众所周知"),
    ("他总是助人*为乐", "助人为乐"),
    ("参观了中华人民*共和国成立七十周年成就展", "中华人民共和国"),
]


@pytest.mark.parametrize(("text", "word"), STRAY_SAFE)
def test_stray_mask_flagged_with_safe_fix(text, word):
    [d] = [d for d in lint_text(text, RULES) if d.code == "MC002"]
    assert d.severity is Severity.WARNING
    assert word in d.message and "Not certain" not in d.message
    assert d.fix is not None and d.fix.applicability.value == "safe"
    assert fix_text(text, RULES) == text.replace("*", "", 1).replace("＊", "", 1)
    assert _warnings(text) == {("MC002", text[d.start : d.end])}  # MC004 leaves it alone


# Deleting the star gives a lexicon word, but the joined word is no proof: unsafe. Each
# case pins one clause of the criterion (see StrayMaskInWord's docstring).
STRAY_UNSAFE = [
    ("发扬艰苦*奋斗的作风", "艰苦奋斗", "can stand apart"),  # 艰苦地奋斗
    ("留下深刻*印象", "深刻印象", "can stand apart"),  # jieba-floor word: 深刻的印象
    ("天气不冷*不热，很舒服", "不冷不热", "can stand apart"),  # 不冷也不热
    ("人占百分之*十五", "百分之十五", "can stand apart"),  # digits: 百分之三十五
    ("工作中爱岗*敬业", "爱岗敬业", "can stand apart"),  # tagged as a name in jieba
    ("做事一丝*不苟", "一丝不苟", "can stand apart"),  # right side opens with 不
    ("勇于开拓*创新", "开拓创新", "can stand apart"),
    ("大家要团结*互助", "团结互助", "can stand apart"),
    ("全面建成小康*社会", "小康社会", "can stand apart"),
    ("这是多此一举*成名之作", "一举成名", "多此一举 ends at the mark"),
    ("真是一举*成名成家的好机会", "一举成名", "成名成家 starts at the mark"),
    ("要再进*一步提高教学质量", "再进一步", "the text also reads 进一步提高"),
    ("我们要自力*更生，艰苦创业", "自力更生", "can stand apart"),
    ("对他们产生深刻*影响", "深刻影响", "can stand apart"),
    ("这样做实在是万不*得已而为之", "万不得已", "the text also reads 不得已而为之"),
]


@pytest.mark.parametrize(("text", "word", "doubt"), STRAY_UNSAFE)
def test_stray_mask_without_proof_has_an_unsafe_fix(text, word, doubt):
    [d] = [d for d in lint_text(text, RULES) if d.code == "MC002"]
    assert word in d.message and doubt in d.message
    assert d.fix is not None and d.fix.applicability.value == "unsafe"
    assert fix_text(text, RULES) == text
    assert fix_text(text, RULES, unsafe=True) == text.replace("*", "", 1)


STRAY_NOT_FLAGGED = [
    "献计献策",
    "献*策",  # too short to prove anything
    "坚持不懈地用马列主义、*思想、*理论",
    "宣传今天会议*的内容",
    "中华人*共和国",  # deleting gives no word: a character may be hidden
    "献计**献策",  # two glyphs: not a single stray mark
    "3*4=12",
    "注*：实事求是",
    "实事求是*",
    "*实事求是",
    "实*事求是的",  # only one character on the left
    "实事求*是的",  # only one character on the right
    "**实事求是**",
    "A*算法",
    "与时俱进、*、开拓创新",
    "经济*发展",  # not a jieba word
    "要坚持不懈*地努力",
]


@pytest.mark.parametrize("text", STRAY_NOT_FLAGGED)
def test_stray_mask_not_flagged(text):
    assert _spans(text, "MC002") == []


def test_extend_words_option_trusts_the_added_word():
    text = "这是测试用词*语汇表"
    assert _spans(text, "MC002") == []
    settings = {"MC002": {"extend-words": ["测试用词语汇"]}}
    [d] = [d for d in lint_text(text, RULES, settings=settings) if d.code == "MC002"]
    assert d.fix.applicability.value == "safe"
    # MC004 takes the same list, so that it leaves the star to MC002
    settings["MC004"] = {"extend-words": ["测试用词语汇"]}
    found = lint_text(text, RULES, settings=settings, min_severity=Severity.WARNING)
    assert [d.code for d in found] == ["MC002"]


# -- MC003 masked-formula-term --------------------------------------------------------

FORMULA_FLAGGED = [
    ("坚持不懈地用马列主义、*思想、*理论、“三个代表”重要思想武装全党。", ["毛泽东", "邓小平"]),
    ('坚持不懈地用马列主义、*思想、*理论、"三个代表"重要思想武装全党.', ["毛泽东", "邓小平"]),
    ("以马克思列宁主义、毛泽东思想、**理论、“三个代表”重要思想、科学发展观为指导", ["邓小平"]),
    ("倡导富强、民主、*明、和谐", ["文"]),
    ("坚持创新、协调、**、开放、共享的发展理念", ["绿色"]),
    ("坚定道路自信、理论自信、*自信、文化自信", ["制度"]),
    ("增强政治意识、大局意识、*意识、看齐意识", ["核心"]),
    ("协调推进全面建成小康社会、全面深化改革、全面依法*国、全面从严治党", ["治"]),
    ("坚持解放思想、实事求是、**俱进、求真务实", ["与时"]),
    ("培养有理想、有*德、有文化、有纪律的一代新人", ["道"]),
    ("统筹推进经济建设、政治建设、**建设、社会建设、生态文明建设", ["文化"]),
    (
        "坚持社会主义道路、坚持人民民主专政、坚持**的领导、坚持马克思列宁主义毛泽东思想",
        ["中国共产党"],
    ),
    ("倡导自由、平等、**、法治", ["公正"]),
    ("倡导爱国、*业、诚信、友善", ["敬"]),
    ("以马列主义、*思想、邓小平理论为指导", ["毛泽东"]),
    ("坚决反对形式主义、**主义、享乐主义和奢靡之风", ["官僚"]),
    ("推进科学立法、严格执法、**司法、全民守法", ["公正"]),
    ("进行伟大斗争、伟大工程、伟大*业、伟大梦想", ["事"]),
]


@pytest.mark.parametrize(("text", "fills"), FORMULA_FLAGGED)
def test_masked_formula_term_flagged_with_unsafe_fix(text, fills):
    found = [d for d in lint_text(text, RULES) if d.code == "MC003"]
    assert [d.fix.edits[0].replacement for d in found] == fills
    assert all(d.fix.applicability.value == "unsafe" for d in found)
    assert all("formula" in d.message for d in found)
    assert fix_text(text, RULES) == text  # unsafe: not applied by --fix
    restored = fix_text(text, RULES, unsafe=True)
    assert "*" not in restored and "＊" not in restored
    assert {c for c, _ in _warnings(text)} == {"MC003"}


def test_formula_message_names_the_formula_and_the_term():
    text = "用马列主义、*思想、*理论、“三个代表”重要思想武装全党"
    first = next(d for d in lint_text(text, RULES) if d.code == "MC003")
    assert "马克思列宁主义、毛泽东思想、邓小平理论" in first.message
    assert first.message.endswith("it was 毛泽东思想")


FORMULA_NOT_FLAGGED = [
    "*思想很重要",
    "毛泽东思想、邓小平理论",
    "学习*思想、*理论",  # no anchor: any formula could fit
    "马列主义、*思想",  # one anchor is not enough
    "政治意识、*意识",
    "富强、*、美丽",
    "*自信",
    "道路*自信",
    "中国、*、美国",
    "创新、协调、绿色、开放、共享*",
    "我们要*思想、*理论",
    "马列主义、毛泽东思想、邓小平理论",
    "经济、政治、*、社会",
    "会议*的内容",
    "3*4=12",
    "道路自信、理论自信、*、文化自信",  # the visible part (nothing) must fit: it does, but
]


@pytest.mark.parametrize("text", FORMULA_NOT_FLAGGED[:-1])
def test_masked_formula_term_not_flagged(text):
    assert _spans(text, "MC003") == []


def test_a_whole_masked_item_is_restored_when_the_formula_fixes_it():
    # 、*、 between two anchors of one formula: the whole term is gone, the order fixes it
    text = FORMULA_NOT_FLAGGED[-1]
    [d] = [d for d in lint_text(text, RULES) if d.code == "MC003"]
    assert d.fix.edits[0].replacement == "制度自信"


def test_extend_formulas_option():
    text = "坚持甲方案、乙方案、*方案、丁方案"
    assert _spans(text, "MC003") == []
    found = lint_text(
        text, RULES, settings={"MC003": {"extend-formulas": ["甲方案、乙方案、丙方案、丁方案"]}}
    )
    assert [d.fix.edits[0].replacement for d in found if d.code == "MC003"] == ["丙"]


# -- MC004 masked-text ----------------------------------------------------------------

TEXT_FLAGGED = [
    ("在党员中掀起“创先争优”的*。即以", "*"),
    ('在党员中掀起"创先争优"的*.即以', "*"),
    ("宣传今天会议*的内容,并向全校教职工介绍", "*"),
    ("宣传今天会议＊的内容，并向全校教职工介绍", "＊"),
    ("仓央嘉措，西藏*富传奇色彩的达赖喇嘛", "*"),
    ("从内容到装帧2018年*匠心的一本！", "*"),
    ("翻译成40多种语言的*杰作。", "*"),
    ("德邦则被视作**有潜力沦为中国版UPS", "**"),
    ("融合的趋势。**典型的例子就是顺丰", "**"),
    ("华谊兄弟的夜晚**万分，十分热闹", "**"),
    ("粗磨后，最*用40的砂子细磨", "*"),
    ("劳的门店设计者、全球**的品牌策略顾问", "**"),
    ("习**同志强调", "**"),
    ("大会对*进行了批评", "*"),
    ("这是一个关于*的问题。", "*"),
    ("处理好发展与*的关系", "*"),
    ("富强、*、美丽", "*"),
    ("他惊呼“感谢安*%拉", "*%"),
    ("要坚持不懈*地努力", "*"),
]


@pytest.mark.parametrize(("text", "flagged"), TEXT_FLAGGED)
def test_masked_text_flagged(text, flagged):
    assert _spans(text, "MC004") == [flagged]
    assert fix_text(text, RULES, unsafe=True) == text  # nothing to restore


def test_obfuscated_word_with_percent_signs():
    text = "他惊呼“感谢安*%拉*%，我害自己受了伤”"
    assert _spans(text, "MC004") == ["*%", "*%"]


# Legitimate stars, crosses and X's: no MC finding at warning level whatsoever.
LEGIT = [
    "这是**粗体**文字",
    "这是*斜体*文字",
    "* 列表项一\n* 列表项二",
    "＊ 列表项一",
    "第一部分\n***\n第二部分",
    "第一部分\n* * *\n第二部分",
    "3*4=12",
    "a × b = c，其中a为长",
    "2×3=6",
    "代码`a*b`表示乘积",
    "int c = a*b; // 乘积",
    "/* 注释：初始化 */",
    "可以使用A*算法寻找最优解。",
    "备注:数学*、综合科学*（中一至中二）、通识教育*",
    "备注：数学*、综合科学*（中一至中二）、通识教育*",
    "姓名＊　：性别＊　：",
    "注*：数据来源于国家统计局",
    "价格*：以门店实际价格为准",
    "J/mol*k是单位",
    "内存占用为节点数量\\*节点大小",
    "```\nint a = b*c; // 乘法\n```",
    "可以用C*代数的例子说明",
    "孙休合葬在定陵。＊子孙休四子",
    "限等基础的功能，**有点繁琐。**",
    "The value is 3 * 4 in English text",
    "1920×1080分辨率",
    "大小约为1.2米×0.9米",
    "4×100米接力赛",
    "大小约为12×10厘米",
    "要使45*□的积是三位数，□里最小填几",
    "*您的真实姓名，请使用中文",
    "1.*圣经 耶米亚书",
    "{*下图是我在旧金山拍的月神像。}",
    "推荐指数：★★★★☆",
    "评分：***",
    "★★★ 三星级酒店",
    "带*号的为必填项",
    "注：标*的为必填项，加*者优先录取",
    "长方形的面积=长*宽",
    "总价＝单价＊数量",
    "天津滨海新区*（2006.5）",
    "乘坐7XX路公交车",
    "关闭 ×",
    "×\n登录",
    "计算3.5*(20.6-16.8/4.8)的值",
    "一个长方体的体积是48m**3，长是8m",
    "g(b)=b**2，那么f6-g3=多少",
    "有些“××鸡汤”读物，其生成机制与味道",
    "××百货公司，位于北京市",
]


@pytest.mark.parametrize("text", LEGIT)
def test_legitimate_stars_are_not_flagged(text):
    assert _warnings(text) == set()


# -- MC005 placeholder-name (info) ----------------------------------------------------

PLACEHOLDER_FLAGGED = [
    "×××同志在会上讲话",
    "某X局领导",
    "XX市教育局",
    "丙辰□□□□戊午",
    "××百货公司，位于北京市",
    "某×局",
    "XXX同志",
    "ＸＸ县人民政府",
    "会议由○○同志主持",
    "请××同学回答问题",
    "在xx小学举行",
    "出现■■■字样",
    "致××先生",
    "某x公司",
    "寄往□□村",
]


@pytest.mark.parametrize("text", PLACEHOLDER_FLAGGED)
def test_placeholder_noted_at_info(text):
    found = [d for d in lint_text(text, RULES) if d.code == "MC005"]
    assert len(found) == 1 and found[0].severity is Severity.INFO
    assert not lint_text(text, RULES, min_severity=Severity.WARNING)


PLACEHOLDER_NOT_FLAGGED = [
    "1920×1080",
    "2×3=6",
    "从现在到二○二○年",
    "X射线检查",
    "加上城巴的8X线行走东区走廊",
    "5日开始在AT-X放送。",
    "在Mac OS X上执行",
    "《大小姐×执事！》是上",
    "4×100米接力",
    "大小约为12×10厘米",
    "在□里填上合适的数，使等式成立",
    "x的平方加x的7倍",
    "如果X+40=60",
    "XXL码的衣服",
    "the XX century",
    "园里有梨树560棵，□苹果树有多少棵？",
    "乘坐7XX路公交车",
    "关闭 ×",
]


@pytest.mark.parametrize("text", PLACEHOLDER_NOT_FLAGGED)
def test_placeholder_not_flagged(text):
    assert _spans(text, "MC005") == []


# -- the seed ---------------------------------------------------------------------------


def test_seed_rows():
    text = SEED.read_text(encoding="utf-8")
    doc = Document(text)
    found = lint_text(text, RULES, min_severity=Severity.WARNING)
    got = [
        (d.code, *doc.position(d.start), d.fix.applicability.value if d.fix else None)
        for d in found
    ]
    assert got == [
        ("MC001", 13, 1, None),
        ("MC004", 23, 89, None),
        ("MC002", 38, 104, "safe"),
        ("MC004", 40, 156, None),
        ("MC003", 46, 28, "unsafe"),
        ("MC003", 46, 32, "unsafe"),
    ]


def test_seed_fix_changes_only_the_stray_star():
    text = SEED.read_text(encoding="utf-8")
    fixed = fix_text(text, RULES)
    assert fixed == text.replace("献计*献策", "献计献策")
    assert fix_text(fixed, RULES) == fixed
    unsafe = fix_text(text, RULES, unsafe=True)
    assert unsafe == fixed.replace("马列主义、*思想、*理论", "马列主义、毛泽东思想、邓小平理论")


def test_masks_are_shared_between_rules():
    doc = Document("会议*的内容")
    assert doc.memo(masks) is masks(doc)


def test_text_without_glyphs_has_no_masks():
    assert masks(Document("宣传今天会议的内容，并向全校教职工介绍。" * 50)) == []


# -- the corpus -------------------------------------------------------------------------


@requires_corpus
def test_no_warnings_on_clean_and_legitimate_text():
    offenders = []
    start = time.perf_counter()
    for label, text in iter_documents("clean", "star_legit", "hard_negatives"):
        for d in lint_text(text, RULES, min_severity=Severity.WARNING):
            offenders.append(f"{label}: {d.code} {text[max(d.start - 8, 0) : d.end + 8]!r}")
    assert not offenders, "\n".join(offenders)
    assert time.perf_counter() - start < 20


@requires_corpus
def test_recall_on_real_dirty_pages():
    wanted = {
        "dirty/dangdang-desc-1.txt": ["西藏*富"],
        "dirty/dangdang-desc-2.txt": ["年*匠心"],
        "dirty/dangdang-desc-3.txt": ["的*杰作"],
        "dirty/cwt-cc-23-bjtop1.txt": ["**有潜力", "**典型"],
        "dirty/mh-5c427eee-douban-note.txt": ["安*%拉"],
    }
    found: dict[str, set[str]] = {}
    legit_stars_flagged = []
    for label, text in iter_documents("dirty"):
        for d in lint_text(text, RULES, min_severity=Severity.WARNING):
            found.setdefault(label, set()).add(text[d.start - 3 : d.end + 3])
            line = Document(text).line_at(d.start).text
            if "圣经" in line or line.startswith("{*") or "新区*" in line:
                legit_stars_flagged.append((label, line))
    for label, needles in wanted.items():
        for needle in needles:
            assert any(needle in ctx for ctx in found.get(label, ())), (label, needle)
    assert not legit_stars_flagged  # footnote markers on those pages are not masks


# -- one analysis per document, shared options, prefilters, pickling, lazy lexicon ---------


def _examples() -> list[str]:
    """Every example text of this module, and the seed."""
    texts = [SEED.read_text(encoding="utf-8")]
    for cases in (
        DIGITS_FLAGGED,
        DIGITS_NOT_FLAGGED,
        STRAY_SAFE,
        STRAY_UNSAFE,
        STRAY_NOT_FLAGGED,
        FORMULA_FLAGGED,
        FORMULA_NOT_FLAGGED,
        TEXT_FLAGGED,
        LEGIT,
        PLACEHOLDER_FLAGGED,
        PLACEHOLDER_NOT_FLAGGED,
    ):
        texts.extend(case if isinstance(case, str) else case[0] for case in cases)
    return texts


def _findings(rules, text: str) -> list[tuple]:
    return [
        (d.code, d.start, d.end, d.severity, d.message, d.fix)
        for d in check_document(Document(text), rules)
    ]


def test_star_and_placeholder_masks_make_up_all_masks():
    for text in _examples():
        doc = Document(text)
        assert masks(doc) == sorted(star_masks(doc) + placeholder_masks(doc))
        assert all(m.kind != "placeholder" for m in star_masks(doc))
        assert all(m.kind == "placeholder" for m in placeholder_masks(doc))


def test_family_options_are_shared_and_declared_once():
    assert EXTEND_WORDS.shared and EXTEND_FORMULAS.shared
    assert StrayMaskInWord.options == (EXTEND_WORDS,)
    assert MaskedFormulaTerm.options == (EXTEND_FORMULAS,)
    assert MaskedText.options == (EXTEND_WORDS, EXTEND_FORMULAS)


def test_rules_with_the_same_options_compute_one_analysis(monkeypatch):
    calls = {"words": 0, "formulas": 0}
    find_words, find_formulas = restore._find_stray_words, restore._find_formula_terms

    def counted_words(document, extra):
        calls["words"] += 1
        return find_words(document, extra)

    def counted_formulas(document, extra):
        calls["formulas"] += 1
        return find_formulas(document, extra)

    monkeypatch.setattr(restore, "_find_stray_words", counted_words)
    monkeypatch.setattr(restore, "_find_formula_terms", counted_formulas)
    text = SEED.read_text(encoding="utf-8")
    found = lint_text(text, RULES)
    assert {d.code for d in found} >= {"MC002", "MC003", "MC004"}
    assert calls == {"words": 1, "formulas": 1}  # MC002+MC004 and MC003+MC004 share
    settings = {"MC004": {"extend-words": ["测试用词语汇"]}}
    lint_text(text, RULES, settings=settings)
    # a shared option set on MC004 reaches MC002 too: still one analysis for both
    assert calls == {"words": 2, "formulas": 2}


def test_one_masked_item_and_the_whole_document_agree_on_formula_terms():
    shipped = restore.formula_index().formulas
    for text, fills in FORMULA_FLAGGED:
        doc = Document(text)
        by_document = formula_terms(doc)
        by_mask = {m.start: formula_term(text, m, shipped) for m in star_masks(doc)}
        assert {k: v for k, v in by_mask.items() if v is not None} == by_document
        assert [r.fill for r in by_document.values()] == fills


def test_triggers_never_hide_a_finding():
    # a rule whose trigger literals are absent from a document has nothing to report
    rules = [cls() for cls in RULES]
    for text in _examples():
        for rule in rules:
            assert rule.triggers
            if list(rule.check(Document(text))):
                assert any(t in text for t in rule.triggers), (rule.code, text)
    plain = "宣传今天会议的内容，并向全校教职工介绍。" * 50
    assert not any(t in plain for rule in rules for t in rule.triggers)


@pytest.mark.parametrize(
    "settings",
    [{}, {"extend-words": ["测试用词语汇"], "extend-formulas": ["甲方案、乙方案、丙方案、丁方案"]}],
)
def test_every_rule_pickles_and_the_copy_finds_the_same(settings):
    texts = [*_examples(), "这是测试用词*语汇表", "坚持甲方案、乙方案、*方案、丁方案"]
    for cls in RULES:
        rule = cls({k: v for k, v in settings.items() if k in {o.name for o in cls.options}})
        before = [_findings([rule], t) for t in texts]
        copy = pickle.loads(pickle.dumps(rule))
        assert copy.settings == rule.settings and copy.severity is rule.severity
        assert [_findings([copy], t) for t in texts] == before
        pickle.dumps(rule)  # still picklable after use: rules keep nothing per document


def test_importing_and_instantiating_load_no_lexicon():
    # a fresh process: the word list loads only when a star needs a look-up
    code = """
from lint.testing import lint_text
from rules.masked_characters import RULES
from rules.masked_characters.lexicon import default_words
rules = [cls() for cls in RULES]
found = lint_text("×××同志在会上讲话，**月6日。\\n3*4=12\\n掀起创先争优的*。", rules)
assert {d.code for d in found} == {"MC001", "MC004", "MC005"}, found
assert default_words.cache_info().currsize == 0, "loaded without need"
found = lint_text("宣传今天会议*的内容", rules)
assert [d.code for d in found] == ["MC004"], found
assert default_words.cache_info().currsize == 1, "not loaded"
"""
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("文" + "*" * 100_000 + "字", "MC004"),
        ("×" * 100_000 + "同志", "MC005"),
        ("5月" + "*" * 100_000 + "日", "MC001"),
    ],
)
def test_messages_quote_a_bounded_part_of_a_long_run(text, code):
    [d] = [d for d in lint_text(text, RULES) if d.code == code]
    assert d.end - d.start == 100_000
    assert len(d.message) < 200 and "(100000 characters)" in d.message
