"""DL003 list-count-mismatch: an announced count that the list does not keep."""

from __future__ import annotations

from lint import Diagnostic, Document, Rule
from rules.list_items.duplicate_item import duplicate_items
from rules.list_items.enumerations import (
    TRIGGERS,
    Enumeration,
    enumerations,
    may_hold_lists,
)

_HOW = {
    "inline": "listed",
    "markers": "marked (一是, 二是, …)",
    "numbered": "numbered inline (一、, （一）, 1., ①, …)",
    "sections": "numbered sections",
    "trailing": "listed before it",
}


class ListCountMismatch(Rule):
    """A list whose announced count differs from the items that follow (``“五带头”`` with six).

    What
    ----
    A count that promises items — a quoted numbered term followed by 即 or a colon
    (``“五带头”即:``, ``“四个始终”，即``), or a count of requirements, opinions,
    aspects… (``三点要求:``, ``讲四点意见。``, ``三种观念:``) — compared with what
    follows: the items of the inline list, the markers 一是/二是/三是 (or 一要/二要,
    第一/第二), the inline numbering of the paragraph (``一、…；二、…``, ``（一）…（二）…``,
    ``(1)…(2)…``, ``1、…2、…``, ``1.…2.…``, ``①…②…``, counted up to a restart at one),
    or the numbered sections 一、二、三 of the following lines within the same
    article. Counts that measure something else (五年, 三个月, 两个小时, 十个百分点)
    are never announcements.

    A count before a colon and a list of 、 items and nothing else (no comma, no 等):
    ``重点发展四大产业：物流、金融、会展``.

    Counts after the list: ``物流、金融、会展三大服务业``, ``由序言、正文和附则三部分组成``,
    ``科技馆、博物馆…等五大场馆`` — the 、 items of the clause, the last one cut where
    the count starts (after an optional 等/这/共) and at a conjunction (和, 及, 与)
    before it (a copy right after it, ``海产品和蔬菜、蔬菜``, is an item of its own), or
    after a naming predicate (``是中国的四大发明``, ``并称为“三大石窟”``, the subject
    before 与 counted), compared with a count of 2–20 followed by a measure word of the items
    (大, 个, 种, 类, 项, 条, 级, 部分, 方面, 地, 省, 国, 化, 者, …). Counts of people,
    institutions and places (位, 名, 家, 所, 座, 门, 市, 代, 支, 件, 批: ``三位发起人``,
    ``京、沪、穗、深四市``, ``元、明、清三代``) are judged when they differ from the list by
    one or two, do not start a place name (``三门县``, ``五家渠市``) and do not follow a
    的 in the last item (``江苏省的苏锡常三市``). Items may hold a name with a numeral
    (``四川``, ``九江``) or a noun with a clause word (``有色金属``), not a number of
    their own (``三天``, ``二手车``), and the first item ends with no count of its own
    (``设有文书一人、管理人员三名``: a roster). A count one below a list whose last
    item is joined by 和/及/与 is read as one item lost only
    where the join is proven (``分为绿茶、红茶、乌龙茶和花茶三种``, ``由表皮、真皮和皮下组织``
    ``两部分``): the measure word counts the items themselves (种, 类, 部分, 阶段…, or 个
    before a noun of their kind: ``强风、暴雨和风暴潮两个因素``; not 个 alone, 地, 省,
    国, people or places), nothing before the first item may leave it out of the
    count (``除了白茶、黄茶和黑茶两种``), and the joined items are nouns (not
    ``其他``, ``另外``, nor ``党`` among longer items: ``人民、党和国家两方面``). A count
    inside a longer clause's list is read too (``覆盖了大、中、小三类餐厅、学校食堂``: the
    list ends at it; the clause's other items are still judged by DL001), not when 等
    follows it (``非洲、中亚五国等新兴市场``: a group's name in an open list). A list of the
    announced length with an exact copy in it is reported too: one item is missing
    (``物流、金融、会展、会展四大``: three distinct).

    Two items joined only by 和, 及, 与 or 以及 (no 、) and counted after them:
    ``加快发展工业和农业三大产业`` (two listed for three), ``物流和物流两大`` (a
    copy). Read only when the two items are short nouns (2–6 characters, of similar
    length) that fill their clause, or follow a leading verb (发展, 推进, 包括, 围绕…);
    after a comma only when the clause before leads into it (会议提出，, 近年来，). A copy
    proves itself; a count is judged only as one item lost (three for two), after a
    leading verb or before a naming predicate (``长江和黄河是我国的三大河流``), when the
    noun after the count names the items' kind (产业: 工业, 农业; 河流: 黄河), and with
    a measure word that counts the items themselves (大, 种, 类, 项, 条, 方面, 部分,
    领域…; not 个 alone, 地, 省, 国, 级, whose items may name two things:
    ``京津和河北三地``, ``他和妻子三个孩子``): not ``公司与上海三大港口签约`` (与: "with"),
    ``北京和上海四大机场``, ``推动中国和东盟三大合作平台``. Left alone also: a 和 inside
    an item or a word (``中国和东盟自贸区``, ``和平共处``, ``及时``), pronouns and 的 in an
    item (``我和他``, ``美国东部和西部的``), and a clause after a comma that another
    clause may have begun listing (``分为预赛，准决赛及决赛三个阶段``). Left alone:
    approximate and open counts (几大, 等多个; ``等`` with a larger number, which names
    only some items),
    compound counts that sum (三省一市, 三省和上海市, 一市三县), numbers of another
    thing (两个月, 国家四级响应, 三道菜各两份), ranges (两、三天, 三、四百人), lists inside
    a quotation or a 《title》, items that hold a list or a clause themselves
    (京、津、冀和长三角, 民政部已启动), and items that are numbers.

    Why
    ---
    A mismatch means an item was duplicated, lost or pasted from elsewhere.

    Examples
    --------
    Flagged: ``“五带头”即:`` followed by six items; ``三点要求：一、…；二、…；三、…；四、…。``;
    ``覆盖市、县、乡、村三级``; ``由序言、正文、附则四部分组成``;
    ``加快发展物流、金融、会展、会展四大现代服务业``;
    ``会议提出，加快发展工业和农业三大产业``.

    Not flagged: ``“五个好”即:领导班子好、党员队伍好、工作机制好、工作业绩好、群众反映好``;
    ``讲四点意见。`` followed by sections 一、 to 四、; ``三点要求：一、…；二、…；三、…。``;
    ``用了五年时间``; ``生活着汉、藏、白、回等十三个民族``; ``江苏、浙江、安徽三省和上海市``.

    Fix
    ---
    None; fixing the list (DL001) fixes the count.
    """

    code = "DL003"
    name = "list-count-mismatch"
    family = "list-items"
    triggers = TRIGGERS
    gate = may_hold_lists  # shared: the engine asks it once per document

    def check(self, document: Document) -> list[Diagnostic]:
        """Report each announcement whose count is not what follows (or precedes) it."""
        if not may_hold_lists(document):
            return []
        analysis = enumerations(document)
        if not analysis.announcements:
            return []
        found = [
            self.report(
                ann.start,
                ann.end,
                f"{ann.label} announces {ann.count} items, but {ann.listed} are {_HOW[ann.how]}",
            )
            for ann in analysis.announcements
            if ann.listed is not None and ann.listed != ann.count
        ]
        found += self._repeated_items(document, analysis.lists)
        found.sort(key=lambda d: d.start)
        return found

    def _repeated_items(self, document: Document, lists: list[Enumeration]) -> list[Diagnostic]:
        """Lists of the announced length in which an item is a copy: one is missing."""
        if not lists:
            return []
        copies: dict[int, list[str]] = {}
        for enum, _i, j, exact in duplicate_items(document):
            if exact and enum.announcement is not None:
                copies.setdefault(id(enum), []).append(enum.items[j].text)
        out = []
        for enum in lists:
            ann = enum.announcement
            again = copies.get(id(enum))
            if ann is None or not again or ann.listed != ann.count:
                continue
            named = "、".join(f"`{t}`" for t in again[:3])
            out.append(
                self.report(
                    ann.start,
                    ann.end,
                    f"{ann.label} announces {ann.count} items and {ann.listed} are"
                    f" {_HOW[ann.how]}, but {named} repeat{'s' if len(again) == 1 else ''}"
                    f" an earlier item: {ann.count - len(again)} distinct",
                )
            )
        return out
