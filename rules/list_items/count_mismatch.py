"""DL003 list-count-mismatch: an announced count that the list does not keep."""

from __future__ import annotations

from lint import Diagnostic, Document, Rule
from rules.list_items.enumerations import TRIGGERS, enumerations

_HOW = {
    "inline": "listed",
    "markers": "marked (一是, 二是, …)",
    "numbered": "numbered inline (一、, （一）, 1., ①, …)",
    "sections": "numbered sections",
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

    Why
    ---
    A mismatch means an item was duplicated, lost or pasted from elsewhere.

    Examples
    --------
    Flagged: ``“五带头”即:`` followed by six items; ``三点要求：一、…；二、…；三、…；四、…。``.

    Not flagged: ``“五个好”即:领导班子好、党员队伍好、工作机制好、工作业绩好、群众反映好``;
    ``讲四点意见。`` followed by sections 一、 to 四、; ``三点要求：一、…；二、…；三、…。``;
    ``用了五年时间``.

    Fix
    ---
    None; fixing the list (DL001) fixes the count.
    """

    code = "DL003"
    name = "list-count-mismatch"
    family = "list-items"
    triggers = TRIGGERS

    def check(self, document: Document) -> list[Diagnostic]:
        """Report each announcement whose count is not what follows."""
        announcements = enumerations(document).announcements
        if not announcements:
            return []
        return [
            self.report(
                ann.start,
                ann.end,
                f"{ann.label} announces {ann.count} items, but {ann.listed} are {_HOW[ann.how]}",
            )
            for ann in announcements
            if ann.listed is not None and ann.listed != ann.count
        ]
