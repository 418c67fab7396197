"""Adding allow entries to a TOML config file by insertion only, every other byte kept.

``add_allow_entries`` finds the rule's table header and its ``allow`` array with a
small scanner that knows TOML's strings, comments, arrays and inline tables, inserts
the new entries (into the array, as a new ``allow`` key under the header, or as a
new table at the end of the file), and checks the result with ``tomllib``: the new
file must parse to exactly the old data with the entries appended. A form the
scanner does not edit (dotted keys or an inline table defining the rule's table)
fails that check and is refused with ``TomlEditError``; nothing is written then.
"""

from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

_BARE = re.compile(r"[A-Za-z0-9_-]+")
_WS = " \t"


class TomlEditError(ValueError):
    """The file cannot be edited safely; the message says why."""


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string (escaped; raise TomlEditError for lone surrogates)."""
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:
            raise TomlEditError("the text holds a lone surrogate, which TOML cannot write")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_key(key: str) -> str:
    """A key as written in a header: bare when it can be, quoted otherwise."""
    return key if _BARE.fullmatch(key) else toml_string(key)


@dataclass
class _Array:
    """An array value: where it opens and closes, and where each element ends."""

    open: int
    close: int
    element_ends: list[int] = field(default_factory=list)
    trailing_comma: bool = False


@dataclass
class _Statement:
    """A ``key = value`` line of a table section."""

    key: tuple[str, ...]
    array: _Array | None


@dataclass
class _Table:
    """A ``[header]`` and the statements of its section."""

    path: tuple[str, ...]
    line_end: int  # offset just after the header line's line break
    statements: list[_Statement] = field(default_factory=list)


class _Scanner:
    """Reads a TOML text's headers and top-level statements (not its values' meaning)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.i = 0
        self.tables: list[_Table] = []

    def scan(self) -> list[_Table]:
        """Every ``[table]`` of the text with its ``key = value`` statements."""
        text = self.text
        current: _Table | None = None
        while True:
            self._skip_blank_lines()
            if self.i >= len(text):
                return self.tables
            ch = text[self.i]
            if ch == "[":
                array_of_tables = text.startswith("[[", self.i)
                self.i += 2 if array_of_tables else 1
                path = self._key()
                self._skip_ws()
                closing = "]]" if array_of_tables else "]"
                if not text.startswith(closing, self.i):
                    raise TomlEditError("unexpected text in a table header")
                self.i += len(closing)
                self._end_of_line()
                current = _Table(path, self.i) if not array_of_tables else None
                if current is not None:
                    self.tables.append(current)
                continue
            key = self._key()
            self._skip_ws()
            if not text.startswith("=", self.i):
                raise TomlEditError("a key without a value")
            self.i += 1
            self._skip_ws()
            array = self._value()
            self._end_of_line()
            if current is not None:
                current.statements.append(_Statement(key, array))

    # -- pieces -------------------------------------------------------------------

    def _skip_ws(self) -> None:
        text = self.text
        while self.i < len(text) and text[self.i] in _WS:
            self.i += 1

    def _skip_blank_lines(self) -> None:
        text = self.text
        while self.i < len(text):
            ch = text[self.i]
            if ch in " \t\r\n":
                self.i += 1
            elif ch == "#":
                end = text.find("\n", self.i)
                self.i = len(text) if end == -1 else end + 1
            else:
                return

    def _end_of_line(self) -> None:
        """Skip spaces and a comment up to and including the line break."""
        self._skip_ws()
        text = self.text
        end = text.find("\n", self.i)
        rest = text[self.i : len(text) if end == -1 else end].strip()
        if rest and not rest.startswith("#"):
            raise TomlEditError("unexpected text after a value")
        self.i = len(text) if end == -1 else end + 1

    def _key(self) -> tuple[str, ...]:
        parts = []
        while True:
            self._skip_ws()
            text = self.text
            ch = text[self.i : self.i + 1]
            if ch in ('"', "'"):
                start = self.i
                self._string()
                parts.append(tomllib.loads(f"k = {text[start : self.i]}")["k"])
            else:
                m = _BARE.match(text, self.i)
                if m is None:
                    raise TomlEditError("a key TOML does not allow")
                parts.append(m.group())
                self.i = m.end()
            self._skip_ws()
            if text.startswith(".", self.i):
                self.i += 1
                continue
            return tuple(parts)

    def _string(self) -> None:
        """Skip a string of any of the four kinds."""
        text = self.text
        quote = text[self.i]
        if text.startswith(quote * 3, self.i):
            end = self.i + 3
            while True:
                end = text.find(quote * 3, end)
                if end == -1:
                    raise TomlEditError("an unterminated string")
                if quote == '"' and _escaped(text, end):
                    end += 1
                    continue
                break
            end += 3
            while text.startswith(quote, end):  # up to two quotes may close the content
                end += 1
            self.i = end
            return
        end = self.i + 1
        while True:
            if end >= len(text) or text[end] == "\n":
                raise TomlEditError("an unterminated string")
            ch = text[end]
            if quote == '"' and ch == "\\":
                end += 2
                continue
            if ch == quote:
                self.i = end + 1
                return
            end += 1

    def _value(self) -> _Array | None:
        """Skip one value; return the array's layout when it is an array."""
        text = self.text
        ch = text[self.i : self.i + 1]
        if ch in ('"', "'"):
            self._string()
            return None
        if ch == "[":
            return self._array()
        if ch == "{":
            self._inline_table()
            return None
        while self.i < len(text) and text[self.i] not in ",]}#\n\r" and text[self.i] not in _WS:
            self.i += 1
        return None

    def _array(self) -> _Array:
        text = self.text
        array = _Array(self.i, -1)
        self.i += 1
        while True:
            self._skip_blank_lines()
            if self.i >= len(text):
                raise TomlEditError("an unterminated array")
            if text[self.i] == "]":
                array.close = self.i
                self.i += 1
                return array
            self._value()
            array.element_ends.append(self.i)
            array.trailing_comma = False
            self._skip_blank_lines()
            if text.startswith(",", self.i):
                self.i += 1
                array.trailing_comma = True

    def _inline_table(self) -> None:
        text = self.text
        self.i += 1
        while True:
            self._skip_ws()
            if text.startswith("}", self.i):
                self.i += 1
                return
            self._key()
            self._skip_ws()
            if not text.startswith("=", self.i):
                raise TomlEditError("an inline table without a value")
            self.i += 1
            self._skip_ws()
            self._value()
            self._skip_ws()
            if text.startswith(",", self.i):
                self.i += 1


def _escaped(text: str, at: int) -> bool:
    """Whether the character at ``at`` is escaped by an odd run of backslashes."""
    n = 0
    while at - n - 1 >= 0 and text[at - n - 1] == "\\":
        n += 1
    return n % 2 == 1


def _newline(text: str) -> str:
    return "\r\n" if "\r\n" in text else "\n"


def _insert_into_array(text: str, array: _Array, entries: Sequence[str]) -> str:
    items = [toml_string(e) for e in entries]
    nl = _newline(text)
    multiline = "\n" in text[array.open : array.close]
    if not array.element_ends:
        body = ", ".join(items)
        return text[: array.close] + body + text[array.close :]
    last_end = array.element_ends[-1]
    if multiline:
        line_start = text.rfind("\n", 0, array.close) + 1
        if text[line_start : array.close].strip(_WS) == "":
            last_line = text.rfind("\n", 0, last_end) + 1
            indent = text[last_line:last_end][
                : len(text[last_line:last_end]) - len(text[last_line:last_end].lstrip(_WS))
            ]
            added = "".join(f"{indent or '    '}{item},{nl}" for item in items)
            text = text[:line_start] + added + text[line_start:]
            if not array.trailing_comma:
                text = text[:last_end] + "," + text[last_end:]
            return text
    if array.trailing_comma:
        return text[: array.close] + " " + ", ".join(items) + text[array.close :]
    added = ", " + ", ".join(items)
    return text[:last_end] + added + text[last_end:]


def add_allow_entries(
    text: str, table: tuple[str, ...], entries: Sequence[str], new_header: str
) -> str:
    """``text`` with ``entries`` appended to ``allow`` of ``table``; verified with tomllib.

    ``new_header`` is the header written when the table does not exist yet.
    """
    try:
        before = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TomlEditError(f"invalid TOML: {exc}") from None
    nl = _newline(text)
    tables = _Scanner(text).scan()
    found = next((t for t in tables if t.path == table), None)
    items = [toml_string(e) for e in entries]
    if found is None:
        if text and not text.endswith("\n"):
            text += nl
        lines = [f"{new_header}", "allow = ["] + [f"    {item}," for item in items] + ["]"]
        new = text + (nl if text.strip() else "") + nl.join(lines) + nl
    else:
        allow = next((s for s in found.statements if s.key == ("allow",)), None)
        if allow is None:
            line = f"allow = [{', '.join(items)}]{nl}"
            at = found.line_end
            if at > len(text) or (at == len(text) and text and not text.endswith("\n")):
                line = nl + line
            new = text[:at] + line + text[at:]
        elif allow.array is None:
            raise TomlEditError("its `allow` is not an array")
        else:
            new = _insert_into_array(text, allow.array, entries)
    expected = copy.deepcopy(before)
    node: Any = expected
    for part in table:
        node = node.setdefault(part, {})
    node["allow"] = [*node.get("allow", []), *entries]
    try:
        after = tomllib.loads(new)
    except tomllib.TOMLDecodeError:
        after = None
    if after != expected:
        raise TomlEditError(
            f"the table [{'.'.join(toml_key(p) for p in table)}] is written in a form"
            " --add-ignore does not edit (dotted keys or an inline table)"
        )
    return new
