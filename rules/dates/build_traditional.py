"""Build ``data/traditional.tsv``: traditional → simplified characters for the DT family.

Run ``python -m rules.dates.build_traditional`` with OpenCC importable (``pip install
opencc``; a build-time tool, not a runtime dependency). The table covers every CJK
character that appears in this package's sources and anchor data, so that era anchors,
context words and metadata keys also match pages written in traditional characters
(慶祝建黨90週年, 創先爭優活動). Each character maps to one character: offsets survive.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "data" / "traditional.tsv"
CONFIGS = ("s2t", "s2tw", "s2hk")


def _cjk(text: str) -> set[str]:
    return {c for c in text if "\u4e00" <= c <= "\u9fff"}


def build() -> list[tuple[str, str]]:
    """Return the sorted (traditional, simplified) pairs."""
    import opencc  # build-time only

    chars: set[str] = set()
    for path in sorted(HERE.glob("*.py")) + sorted((HERE / "data").glob("*.toml")):
        chars |= _cjk(path.read_text(encoding="utf-8"))
    to_simple = opencc.OpenCC("t2s")
    pairs: dict[str, str] = {}
    # every character of the CJK block whose simplified form is one of ours
    for code in range(0x4E00, 0xA000):
        trad = chr(code)
        simple = to_simple.convert(trad)
        if len(simple) == 1 and simple != trad and simple in chars:
            pairs[trad] = simple
    # and the traditional forms OpenCC writes for ours (s2t, s2tw, s2hk), if not yet seen
    for config in CONFIGS:
        conv = opencc.OpenCC(config)
        for simple in sorted(chars):
            trad = conv.convert(simple)
            if len(trad) == 1 and trad != simple and to_simple.convert(trad) == simple:
                pairs.setdefault(trad, simple)
    return sorted(pairs.items())


def main() -> int:
    """Write the table with its provenance header."""
    import opencc

    pairs = build()
    version = getattr(opencc, "__version__", "unknown")
    lines = [
        f"# source: OpenCC (opencc {version}) t2s over the CJK block, plus its"
        f" {', '.join(CONFIGS)} forms;",
        "# source: built by `python -m rules.dates.build_traditional` for the CJK characters",
        "# source: of rules/dates/*.py and rules/dates/data/*.toml.",
        "# traditional<TAB>simplified",
    ]
    lines += [f"{t}\t{s}" for t, s in pairs]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(pairs)} pairs to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
