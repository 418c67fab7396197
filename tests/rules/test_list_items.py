"""List items (DL): duplicates, counts, numbering and repeated sentences."""

from __future__ import annotations

import pytest

from lint import Document, Severity
from lint.testing import fix_text, lint_text
from rules.list_items import RULES
from rules.numerals import parse_numeral
from tests.corpus import SEED, iter_documents, requires_corpus


def _warnings(text: str) -> list[tuple[str, str]]:
    return [
        (d.code, text[d.start : d.end])
        for d in lint_text(text, RULES, min_severity=Severity.WARNING)
    ]


# Real-shaped cases: (text, expected warnings as (code, flagged text)). Half must flag.
MUST_FLAG = [
    (
        "要努力做到“五带头”即:带头学习提高、带头争创佳绩、带头服务群众、带头弘扬正气、"
        "带头遵纪守法、带头弘扬正气;",
        [("DL003", "“五带头”"), ("DL001", "带头弘扬正气")],
    ),
    (
        "要努力做到“五带头”即：带头学习提高、带头争创佳绩、带头服务群众、带头弘扬正气、"
        "带头遵纪守法、带头弘扬正气；",
        [("DL003", "“五带头”"), ("DL001", "带头弘扬正气")],
    ),
    (
        "分布于东非、红海、马达加斯加、波斯湾、模里西斯、塞席尔群岛、波斯湾、马尔地夫等海域。",
        [("DL001", "波斯湾")],
    ),
    ("包括中国、日本、琉球群岛、澳洲、台湾、印尼、澳洲、马里亚纳群岛等海域。", [("DL001", "澳洲")]),
    (
        "坚持“三个确保”，即确保安全、确保质量、确保进度、确保安全。",
        [("DL003", "“三个确保”"), ("DL001", "确保安全")],
    ),
    ("做到“四个到位”：思想到位、措施到位、责任到位。", [("DL003", "“四个到位”")]),
    ("要做到“两个维护”即:维护核心、维护权威、维护团结;", [("DL003", "“两个维护”")]),
    ("主要有政治建设、思想建设、思想建设、组织建设等。", [("DL001", "思想建设")]),
    ("树立三种观念:一是大局观念,二是服务观念。", []),  # markers: 2 of 3 → below
    ("下面提三点要求:\n一、加强学习。\n二、改进作风。\n", [("DL003", "三点要求")]),
    ("我讲四点意见。\n一、统一思想\n二、明确任务\n三、落实责任\n", [("DL003", "四点意见")]),
    ("我讲两点意见。\n一、统一思想\n二、明确任务\n三、落实责任\n", [("DL003", "两点意见")]),
    ("一、提高认识\n二、加强领导\n二、狠抓落实\n", [("DL004", "二、")]),
    ("（一）提高认识\n（三）狠抓落实\n", [("DL004", "三）")]),
    ("(一)提高认识\n(二)加强领导\n(二)狠抓落实\n", [("DL004", "二)")]),
    ("1.准备材料\n2.清洗\n2.切块\n", [("DL004", "2.")]),
    ("一、总体要求\n二、主要任务\n四、保障措施\n", [("DL004", "四、")]),
    (
        "要加强作风建设，提高教育工作质量。要加强作风建设，提高教育工作质量。努力开创新局面。",
        [("DL005", "要加强作风建设，提高教育工作质量。")],
    ),
    (
        "全体党员要带头学习，不断提高自身素质！全体党员要带头学习，不断提高自身素质！",
        [("DL005", "全体党员要带头学习，不断提高自身素质！")],
    ),
    ("要求大家做到：守纪律、讲规矩、守纪律、重品行。", [("DL001", "守纪律")]),
    # 五门 counts five, but one is a copy: four distinct (门 counts courses)
    ("包括语文、数学、英语、数学、物理五门课程。", [("DL001", "数学"), ("DL003", "五门")]),
]

# Inline numbering in the announcement's paragraph: (text, announced, numbered, column).
INLINE_NUMBERED_MISMATCHES = [
    ("提出三点要求：一、加强学习；二、改进作风；三、狠抓落实；四、严守纪律。", 3, 4, 3),
    ("提出三点要求:一、加强学习;二、改进作风;三、狠抓落实;四、严守纪律.", 3, 4, 3),
    ("提出三点要求：（一）加强学习；（二）改进作风。", 3, 2, 3),
    ("提出三点要求:(一)加强学习;(二)改进作风;(三)狠抓落实;(四)严守纪律。", 3, 4, 3),
    ("讲两点意见：1、统一思想；2、明确任务；3、落实责任。", 2, 3, 2),
    ("讲两点意见:1.统一思想;2.明确任务;3.落实责任。", 2, 3, 2),
    ("讲两点意见：１．统一思想；２．明确任务；３．落实责任。", 2, 3, 2),
    ("有三个方面：①统一思想；②明确任务。", 3, 2, 2),
    ("提三点要求：（1）加强学习；（2）改进作风；（3）狠抓落实；（4）严守纪律。", 3, 4, 2),
    ("提三点要求:(1)加强学习;(2)改进作风。", 3, 2, 2),
    ("思考三个问题：一，空罐有没有价值？二，能否合作？", 3, 2, 3),
    ("思考三个问题:一,空罐有没有价值?二,能否合作?", 3, 2, 3),
    ("三点要求：一、加强学习；二、改进作风；二、狠抓落实。", 3, 2, 1),  # a repeat counts once
    ("提三点要求：\n一、加强学习；二、改进作风；三、狠抓落实；四、严守纪律。", 3, 4, 2),
]
MUST_FLAG += [
    (text, [("DL003", text[c - 1 : c + 3])]) for text, _, _, c in INLINE_NUMBERED_MISMATCHES
]


def test_markers_that_fall_short_are_counted():
    text = "树立三种观念:一是大局观念,二是服务观念。"
    [d] = [d for d in lint_text(text, RULES) if d.code == "DL003"]
    assert "3" in d.message and "2" in d.message


@pytest.mark.parametrize(("text", "announced", "numbered", "column"), INLINE_NUMBERED_MISMATCHES)
def test_inline_numbering_is_counted_by_its_markers(text, announced, numbered, column):
    [d] = [d for d in lint_text(text, RULES) if d.code == "DL003"]
    assert Document(text).position(d.start) == (1, column)
    assert d.message == (
        f"{text[d.start : d.end]} announces {announced} items, "
        f"but {numbered} are numbered inline (一、, （一）, 1., ①, …)"
    )


@pytest.mark.parametrize(("text", "expected"), MUST_FLAG)
def test_must_flag(text, expected):
    if expected:
        assert sorted(_warnings(text)) == sorted(expected)


MUST_NOT_FLAG = [
    "要努力做到“五个好”即:领导班子好、党员队伍好、工作机制好、工作业绩好、群众反映好;",
    "努力做到“五个强”即党性观念强、能力素质强、创新意识强、工作作风强、自律意识强。",
    "活动中要坚持“四个始终”，即切实把学习贯穿始终，切实把规划贯穿始终，"
    "切实把解决问题贯穿始终，切实把提升质量、服务发展贯穿始终。",
    "以实施“双争”、“双育”、“双创”、“双保”为内容的“四项工程”作为助推器。",
    "树立三种观念:一是维护大局,二是求真务实。三是严于律己,甘于奉献的纪律观念。",
    "讲四点意见。\n一、统一思想\n（一）提高认识\n（二）增强责任\n二、周密部署\n（一）把握目标\n"
    "三、联系实际\n四、加强领导\n",
    "用了五年时间，花了三个月，走了两个小时，增长了十个百分点。",
    "政治建设、思想建设、组织建设、作风建设、纪律建设",  # items that share words
    "乐富开经：横头磡东道、富美街、凤舞街、窝打老道、亚皆老街、窝打老道、弥敦道及梳士巴利道。",
    "硬币面额有1、2、5、10、20、25、50迪拉姆和1、3、5、10索莫尼。",
    "标有赤道，南、北回归线、南、北极圈。",
    "女：红灯、红灯，快，停，停!",
    "这“三不知”是指不知道一件事情发生的原因、经过和结果。",
    "应该注意“四不”：不穿易皱的衣服，不穿太硬的衣服，不穿过紧的衣服以及不系领带。",
    "我可以告诉你四个理由：第一，我喜欢园艺，第二，我可以抚摸花，第三，我可以闻到香味，"
    "至于第四个理由，则是因为你。",
    "实现了“四个现代化”的第一步发展战略。",
    "我给你提两条意见。第一，看房要在下午三点之前。",
    "一、提高认识\n二、加强领导\n一、第二部分的第一节\n二、第二节\n",  # restart at one
    "1.准备\n2.清洗\n3.切块\n1.另一道菜\n",
    "谢谢。谢谢。",
    "好好学习。天天向上。好好学习。",
    "停驻于那霸航空基地。停驻于那霸航空基地。",  # short repeated rows
    "篇一\n一、总体要求\n二、主要任务\n篇二\n一、总体要求\n",
    # inline numbering that keeps the announced count, full- and half-width
    "提出三点要求：一、加强学习；二、改进作风；三、狠抓落实。",
    "提出三点要求:一、加强学习;二、改进作风;三、狠抓落实.",
    "提出三点要求：（一）加强学习；（二）改进作风；（三）狠抓落实。",
    "提出三点要求:(一)加强学习;(二)改进作风;(三)狠抓落实。",
    "讲两点意见：1、统一思想；2、明确任务。",
    "讲两点意见:1.统一思想;2.明确任务.",
    "讲两点意见:1.产量提高2.5倍;2.明确任务。",  # 2.5 is a number, not a marker
    "有三个方面：①统一思想；②明确任务；③落实责任。",
    "提三点要求：（1）加强学习；（2）改进作风；（3）狠抓落实。",
    "思考两个问题：一，空罐有没有价值？二，能否合作？",
    "提三点要求：一、加强学习；二、统一、规范；三、狠抓落实。",  # 统一、 is not a marker
    "有两个方面：一、二产业融合；二、城乡统筹。",  # 一、二产业: 二、 is not a marker
    "提两点要求：一、加强学习；二、改进作风。谈三个问题：一、甲方；二、乙方；三、丙方。",
    "提三点要求：一、加强学习。\n二、改进作风。\n三、狠抓落实。",  # later lines: cannot tell
    "提三点要求:\n一、加强学习;二、改进作风;三、狠抓落实。",  # the list on the next line
    "提三点要求：一、加强学习；二、“改进作风”三、狠抓落实。",  # a marker after a quote
    "思考三个问题①，其中一个较难②。",  # footnote marks right after the words: no list
]


@pytest.mark.parametrize("text", MUST_NOT_FLAG)
def test_must_not_flag(text):
    assert _warnings(text) == []


def test_many_cases():
    assert len(MUST_FLAG) >= 20 and len(MUST_NOT_FLAG) >= 20


def test_duplicate_fix_is_safe_when_it_makes_the_count_match():
    text = "做到“三个确保”，即确保安全、确保质量、确保进度、确保安全。"
    # comma-free inline list after 即: the duplicate deletion makes 4 → 3
    fixed = fix_text(text, RULES)
    assert fixed == "做到“三个确保”，即确保安全、确保质量、确保进度。"
    assert _warnings(fixed) == []


def test_duplicate_fix_is_unsafe_without_count_or_neighbour():
    text = "分布于东非、红海、波斯湾、模里西斯、波斯湾、马尔地夫等海域。"
    [d] = [d for d in lint_text(text, RULES) if d.code == "DL001"]
    assert d.fix.applicability.value == "unsafe"
    assert fix_text(text, RULES) == text
    assert (
        fix_text(text, RULES, unsafe=True) == "分布于东非、红海、波斯湾、模里西斯、马尔地夫等海域。"
    )


def test_adjacent_copy_is_safe():
    text = "要求做到守纪律、讲规矩、讲规矩、重品行。"
    assert fix_text(text, RULES) == "要求做到守纪律、讲规矩、重品行。"


def test_near_duplicate_is_info():
    text = "“双争”、“双育”、双争、“双保”"
    found = [d for d in lint_text(text, RULES) if d.code == "DL002"]
    assert [(d.severity, text[d.start : d.end]) for d in found] == [(Severity.INFO, "双争")]


def test_repeated_sentence_fix():
    text = "要加强作风建设，提高教育工作质量。要加强作风建设，提高教育工作质量。努力开创新局面。"
    assert fix_text(text, RULES) == "要加强作风建设，提高教育工作质量。努力开创新局面。"


def test_digit_list_skip_is_only_a_note():
    text = "1.准备材料\n2.清洗\n4.装盘\n"
    [d] = [d for d in lint_text(text, RULES) if d.code == "DL004"]
    assert d.severity is Severity.INFO


@pytest.mark.parametrize(
    ("token", "value"),
    [
        ("一", 1),
        ("两", 2),
        ("五", 5),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("二十三", 23),
        ("九十九", 99),
        ("一十", None),
        ("百", 100),
        ("一百", 100),
        ("十几", None),
        ("", None),
        ("三四", None),
    ],
)
def test_parse_numeral(token, value):
    assert parse_numeral(token) == value


# -- the seed ---------------------------------------------------------------------------


def test_seed_rows():
    text = SEED.read_text(encoding="utf-8")
    doc = Document(text)
    found = [
        (d.code, *doc.position(d.start), d.fix.applicability.value if d.fix else None)
        for d in lint_text(text, RULES, min_severity=Severity.WARNING)
    ]
    assert found == [("DL003", 22, 130, None), ("DL001", 22, 172, "safe")]
    dup = next(d for d in lint_text(text, RULES) if d.code == "DL001")
    [edit] = dup.fix.edits
    assert (doc.position(edit.start), doc.position(edit.end)) == ((22, 171), (22, 178))
    assert text[edit.start : edit.end] == "、带头弘扬正气"


def test_seed_fix_changes_only_the_duplicate():
    text = SEED.read_text(encoding="utf-8")
    fixed = fix_text(text, RULES)
    assert fixed == text.replace("带头遵纪守法、带头弘扬正气;", "带头遵纪守法;")
    assert fix_text(fixed, RULES) == fixed
    assert not lint_text(fixed, RULES, min_severity=Severity.WARNING)


# -- real text ---------------------------------------------------------------------------

MB = 1_000_000


@requires_corpus
def test_precision_on_clean_text_at_most_one_warning_per_10_mb():
    size = 0
    found = []
    for label, text in iter_documents("clean", "hard_negatives"):
        size += len(text.encode("utf-8"))
        for d in lint_text(text, RULES, min_severity=Severity.WARNING):
            found.append(f"{label}: {d.code} {text[d.start : d.end][:40]!r}")
    allowed = max(1, size // (10 * MB))
    assert len(found) <= allowed, "\n".join(found)


@requires_corpus
def test_hard_negatives_are_not_flagged():
    for label, text in iter_documents("hard_negatives"):
        assert _warnings(text) == [], label


@requires_corpus
def test_recall_on_real_duplicated_lists():
    found = {label: _warnings(text) for label, text in iter_documents("dirty")}
    assert ("DL001", "波斯湾") in found["dirty/cmrc-DEV_1615.txt"]
    assert ("DL001", "澳洲") in found["dirty/cmrc-DEV_1615.txt"]
    assert ("DL001", "澳洲") in found["dirty/cmrc-DEV_1616.txt"]
