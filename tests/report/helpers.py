"""Small helpers shared by the report tests: a corpus with URLs, and the page's data blob."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

_BLOB = re.compile(r'<script type="application/json" id="report-data">(.*?)</script>', re.S)


def write_shard(path: Path, records: list[dict[str, Any]]) -> None:
    """Write records as a JSON Lines shard."""
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def make_corpus(root: Path) -> None:
    """Two shards whose records carry URLs, and a text file (test plugin rules: * and !!)."""
    write_shard(
        root / "shards" / "site-a.jsonl",
        [
            {"id": "a0", "url": "https://www.bad.example/1", "text": "第一行\n一个*号和**号\n结尾"},
            {"id": "a1", "url": "https://bad.example/2", "text": "干净的文本"},
            {"id": "a2", "url": "https://bad.example/3", "text": "好!!\n有*号"},
            {"id": "a3", "url": "http://good.example/1", "text": "干净"},
        ],
    )
    write_shard(
        root / "shards" / "site-b.jsonl",
        [
            {"id": "b0", "url": "https://good.example/2", "text": "干净"},
            {"id": "b1", "url": "https://good.example/3", "text": "零\u200b宽*"},
        ],
    )
    (root / "page.txt").write_text("标题\n正文*内容\n", encoding="utf-8")


def page_data(page: str) -> dict[str, Any]:
    """The JSON blob a report page renders."""
    match = _BLOB.search(page)
    assert match is not None, "no data blob in the page"
    return json.loads(
        html.unescape(match.group(1)) if "&quot;" in match.group(1) else match.group(1)
    )


def without_times(data: dict[str, Any]) -> dict[str, Any]:
    """The blob without the run's clock readings (two runs differ only there)."""
    data = json.loads(json.dumps(data))
    if data.get("run"):
        data["run"].pop("started", None)
        data["run"].pop("seconds", None)
    return data
