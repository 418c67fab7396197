"""Build ``data/words.txt``: the words of four or more Han characters in jieba's dictionary.

Run ``python -m rules.masked_characters.build_lexicon`` with jieba installed (a build-time
tool only: scrapelint reads the data file, never jieba).
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

OUT = Path(__file__).resolve().parent / "data" / "words.txt"
_HAN = re.compile(r"^[\u4e00-\u9fff]{4,}$")


def main() -> int:
    """Write the word list with a header naming its source and version."""
    import jieba

    version = importlib.metadata.version("jieba")
    source = Path(jieba.__file__).resolve().parent / "dict.txt"
    words = sorted(
        {
            parts[0]
            for line in source.read_text(encoding="utf-8").splitlines()
            if (parts := line.split()) and _HAN.match(parts[0])
        }
    )
    header = [
        f"# source: jieba {version}, jieba/dict.txt (MIT licence, https://github.com/fxsjy/jieba)",
        "# words of 4 or more Han characters, one per line; built by",
        "# python -m rules.masked_characters.build_lexicon",
    ]
    OUT.write_text("\n".join(header + words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
