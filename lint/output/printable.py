"""Text made safe for a terminal or a CI log: control and invisible characters shown visibly.

Document text and file names come from scraped pages: an escape sequence in them
could set a terminal's title, clear the screen or rewrite a CI log. Human formats
print every control character, and every invisible format character (zero-width
space, direction marks), as ``<U+XXXX>`` instead.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

# Every one of these is a character str.isprintable() refuses (Cc, Cf, Zl, Zp, Cs).
_CONTROL_CLASS = (
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff\ud800-\udfff]"
)


@cache
def _controls() -> re.Pattern[str]:
    """The pattern, compiled on first use (its surrogate range takes milliseconds)."""
    return re.compile(_CONTROL_CLASS)


def _code(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


def printable(text: str) -> str:
    """``text`` with control and invisible characters written as ``<U+XXXX>`` (tabs kept)."""
    if text.isprintable():  # nothing to show: the usual case, without the pattern
        return text
    return _controls().sub(_code, text)


def one_line(text: str) -> str:
    """A message on one line, printable (line breaks become spaces)."""
    if "\n" in text or "\r" in text:
        text = " ".join(text.splitlines())
    return printable(text)


def visible_char(ch: str) -> str:
    """How one character of an excerpt is shown: itself, a space for a tab, or ``<U+XXXX>``."""
    if ch == "\t":
        return " "
    if ch in "\n\r" or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Cs"):
        return f"<U+{ord(ch):04X}>"
    return ch
