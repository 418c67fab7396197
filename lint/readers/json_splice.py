"""Replace one string value inside a JSON text, leaving every other character as it was.

A fixed record must not be re-serialised: ``json.dumps(json.loads(line))`` turns
``1e400`` into ``Infinity`` (invalid JSON), drops one of two duplicated keys and
changes spacing. Instead the span of the value is located (the last occurrence of
a key wins, as in ``json.loads``) and only that span is replaced.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from json.decoder import scanstring

_DECODER = json.JSONDecoder()
_WS = " \t\n\r"


def _skip(s: str, i: int) -> int:
    n = len(s)
    while i < n and s[i] in _WS:
        i += 1
    return i


def _member_span(s: str, i: int, key: str) -> tuple[int, int] | None:
    """The span of ``key``'s value in the object starting at ``s[i] == "{"`` (last wins)."""
    if i >= len(s) or s[i] != "{":
        return None
    found = None
    i = _skip(s, i + 1)
    if i < len(s) and s[i] == "}":
        return None
    while i < len(s) and s[i] == '"':
        name, i = scanstring(s, i + 1)
        i = _skip(s, i)
        if i >= len(s) or s[i] != ":":
            return None
        start = _skip(s, i + 1)
        _value, end = _DECODER.raw_decode(s, start)
        if name == key:
            found = (start, end)
        i = _skip(s, end)
        if i < len(s) and s[i] == ",":
            i = _skip(s, i + 1)
            continue
        break
    return found


def value_span(s: str, path: Sequence[str]) -> tuple[int, int] | None:
    """The span of the value at a key path (``["meta", "text"]``) in a JSON object text."""
    at = _skip(s, 0)
    span = None
    for key in path:
        span = _member_span(s, at, key)
        if span is None:
            return None
        at = span[0]
    return span


def _has_surrogate(text: str) -> bool:
    return any("\ud800" <= c <= "\udfff" for c in text) if not text.isascii() else False


def string_literal(text: str, old_literal: str) -> str:
    """``text`` as a JSON string literal in the style of ``old_literal`` (escaped or not)."""
    old_value = json.loads(old_literal)
    escaped = old_literal.isascii() and isinstance(old_value, str) and not old_value.isascii()
    return json.dumps(text, ensure_ascii=escaped or _has_surrogate(text))


def splice_value(s: str, path: Sequence[str], text: str) -> str:
    """``s`` with the string at ``path`` replaced by ``text``; raise ValueError if absent."""
    span = value_span(s, path)
    if span is None:
        raise ValueError(f"no value at {'.'.join(path)!r}")
    start, end = span
    return s[:start] + string_literal(text, s[start:end]) + s[end:]
