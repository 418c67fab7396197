"""Build ``data/words.txt`` from jieba's dictionary: words of 4+ Han characters, proof splits.

Run ``python -m rules.masked_characters.build_lexicon`` with jieba installed (a build-time
tool only: scrapelint reads the data file, never jieba).

Every word of four or more Han characters in ``jieba/dict.txt`` is kept (MC002 reports a
star whose deletion yields one of them). A word also lists its *proof splits*: the
positions ``k`` at which a star between ``word[:k]`` and ``word[k:]`` can only be a stray
mark, because nothing could have stood there. A split is proof when

- the word is attested (jieba frequency >= ``PROOF_MIN_FREQ``: entries at jieba's floor
  are mostly free combinations such as 深刻印象 or 漂亮女孩);
- both sides keep two or more characters;
- at least one side is not a free-standing common word (absent from the dictionary or
  rarer than ``FREE_WORD_FREQ``): 献计|献策, 实事|求是, 与时|俱进 are bound halves of a
  fixed expression, while 艰苦|奋斗 or 经济|发展 are two free words between which 地,
  的 or a censored word may well have stood;
- the right side does not start with a negation or an adverb (不冷|不热 reads 不冷也不热,
  有利|有弊 reads 有利也有弊);
- the word holds fewer than two numeral characters (百分之十五 may be 百分之三十五, 四十分钟
  may be 四十多分钟: digits are what sites mask);
- jieba does not tag it as a person's name (``nr``, ``nrt``, ``nrfg``: names are what sites
  mask, and these entries hold fragments such as 杨过微微).

An idiom (jieba's tag ``i``, 成语: about 22,600 of the words) needs neither the frequency
nor the numeral criterion: a fixed expression is attested as such, and its numerals are
part of it (三心|二意 cannot have been 三心十二意). Its halves must still not both stand
alone, and the right half must not open with a negation or an adverb: 艰苦|奋斗 (艰苦地奋斗)
and 有利|有弊 (有利也有弊) stay unproven although jieba tags them as idioms.
"""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

from rules.vocabulary import numeral_chars

OUT = Path(__file__).resolve().parent / "data" / "words.txt"
MIN_LEN = 4
PROOF_MIN_FREQ = 10
FREE_WORD_FREQ = 500
MIN_SIDE = 2
OPEN_STARTS = "不没无未非有也又就才都还更最很太"
NUMERALS = numeral_chars()  # rules/data/numerals.txt: 〇零一二两三…百千万亿
NAME_TAGS = ("nr", "nrt", "nrfg")
IDIOM_TAG = "i"  # jieba's part-of-speech tag of idioms (成语)
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")


def proof_splits(word: str, freq: dict[str, int], tag: str = "") -> list[int]:
    """The split positions at which a star inside ``word`` is certainly a stray mark."""
    idiom = tag == IDIOM_TAG  # a fixed expression, attested or not, numerals and all
    if not idiom and (freq.get(word, 0) < PROOF_MIN_FREQ or sum(c in NUMERALS for c in word) >= 2):
        return []
    if tag in NAME_TAGS:
        return []
    out = []
    for k in range(MIN_SIDE, len(word) - MIN_SIDE + 1):
        left, right = word[:k], word[k:]
        if right[0] in OPEN_STARTS:
            continue
        if min(freq.get(left, 0), freq.get(right, 0)) < FREE_WORD_FREQ:
            out.append(k)
    return out


def main(out: Path = OUT) -> int:
    """Write the word list with a header naming its source, version and criteria."""
    import jieba

    version = importlib.metadata.version("jieba")
    source = Path(jieba.__file__).resolve().parent / "dict.txt"
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    for line in source.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[1].isdigit():
            freq[parts[0]] = max(freq.get(parts[0], 0), int(parts[1]))
            tags[parts[0]] = parts[2] if len(parts) > 2 else ""
    words = sorted(w for w in freq if len(w) >= MIN_LEN and _HAN.match(w))
    lines = []
    n_proof = n_idioms = 0
    for w in words:
        splits = proof_splits(w, freq, tags[w])
        n_proof += bool(splits)
        n_idioms += tags[w] == IDIOM_TAG
        lines.append(f"{w}\t{','.join(map(str, splits))}" if splits else w)
    header = [
        f"# source: jieba {version}, jieba/dict.txt (MIT licence, https://github.com/fxsjy/jieba)",
        f"# every word of {MIN_LEN} or more Han characters ({len(words)} words); after a tab, the",
        "# proof splits k: a star between word[:k] and word[k:] is certainly stray (see",
        f"# build_lexicon.py for the criteria: jieba frequency >= {PROOF_MIN_FREQ}, a side",
        f"# rarer than {FREE_WORD_FREQ}, no adverb or negation opening the right side, ...);",
        f"# the {n_idioms} idioms (jieba tag i, 成语) need neither frequency nor few numerals.",
        f"# {n_proof} words have proof splits.",
        "# Built by python -m rules.masked_characters.build_lexicon",
    ]
    out.write_text("\n".join(header + lines) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words ({n_proof} with proof splits) to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
