"""What the SA furniture tests share: two paragraphs of prose and a finding's row."""

from __future__ import annotations

from lint import Document
from lint.testing import lint_text
from rules.scrape_artifacts import RULES

PARA = "今天我们召开全市教育工作会议，主要任务是总结去年的工作，部署今年的重点任务。"
PARA2 = "会议强调，要坚持立德树人，深化教育改革，办好人民满意的教育，推动教育高质量发展。"

Row = tuple[str, int, int, str, str | None]


def rows(text: str) -> list[Row]:
    """(code, first line, last line, severity, fix applicability) of each SA finding."""
    doc = Document(text)
    return [
        (
            d.code,
            doc.position(d.start)[0],
            doc.position(max(d.end - 1, d.start))[0],
            d.severity.label,
            d.fix.applicability.value if d.fix else None,
        )
        for d in lint_text(text, RULES)
    ]
