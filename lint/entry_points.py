"""The ``scrapelint`` entry points, found without importing ``importlib.metadata``.

``importlib.metadata`` costs more to import (email, zipfile, csv...) than the whole
search: a check of one file pays it at every start. This module reads the same
places the same way — each ``sys.path`` directory in order, every ``*.dist-info`` and
``*.egg-info`` in it, the first distribution of each normalised name winning — but
reads only ``entry_points.txt``, and a distribution's ``METADATA`` only when it has
an entry point of the group (for its name and version).

Where the scan cannot see what ``importlib.metadata`` would (a zip or ``.egg`` on
``sys.path``, a meta-path finder that provides distributions of its own, a metadata
directory whose suffix is not lower case), ``find_entry_points`` returns None and
the caller asks ``importlib.metadata`` instead.
"""

from __future__ import annotations

import functools
import importlib
import os
import re
import sys
from collections.abc import Iterator
from typing import Any

_METADATA_SUFFIXES = (".dist-info", ".egg-info")
# the syntax importlib.metadata.EntryPoint.pattern accepts: module[:attr.attr] [extras]
_VALUE = re.compile(r"(?P<module>[\w.]+)\s*(:\s*(?P<attr>[\w.]+)\s*)?((?P<extras>\[.*\])\s*)?$")
_SEPARATORS = re.compile(r"[-_.]+")


class Distribution:
    """An installed distribution's metadata directory, read on demand."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._headers: dict[str, str] | None = None

    def read_text(self, name: str) -> str | None:
        """The text of one metadata file, or None when it cannot be read."""
        try:
            with open(os.path.join(self.path, name), encoding="utf-8") as fh:
                return fh.read()
        except (OSError, UnicodeDecodeError):
            return None

    @property
    def metadata(self) -> _Headers:
        """The ``METADATA`` (or ``PKG-INFO``) headers: ``metadata["Name"]``."""
        if self._headers is None:
            text = self.read_text("METADATA") or self.read_text("PKG-INFO") or ""
            self._headers = parse_headers(text)
        return _Headers(self._headers)

    @property
    def version(self) -> str | None:
        """The distribution's version."""
        return self.metadata["Version"]


class _Headers:
    """Read-only, case-insensitive headers; a missing one is None (as in email.message)."""

    def __init__(self, headers: dict[str, str]) -> None:
        self._headers = headers

    def __getitem__(self, key: str) -> str | None:
        return self._headers.get(key.lower())


def parse_headers(text: str) -> dict[str, str]:
    """RFC 822 headers up to the first blank line, lower-cased names, first value kept.

    Values are read as ``email`` reads them: leading blanks dropped, continuation
    lines appended with their line breaks, the final line break removed.
    """
    headers: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in text.splitlines(keepends=True):
        if not line.strip("\r\n"):
            break
        if line[0] in " \t":
            if current is not None:
                current.append(line)
            continue
        key, colon, value = line.partition(":")
        if not colon:
            break  # not a header: the body starts here
        current = [value.lstrip(" \t")]
        headers.setdefault(key.strip().lower(), current)
    return {key: "".join(parts).rstrip("\r\n") for key, parts in headers.items()}


class EntryPoint:
    """One entry point: ``name = value`` in ``group``, with the distribution that has it."""

    __slots__ = ("dist", "group", "name", "value")

    def __init__(self, name: str, value: str, group: str, dist: Distribution) -> None:
        self.name = name
        self.value = value
        self.group = group
        self.dist = dist

    def load(self) -> Any:
        """Import the module the value names and return it, or the attribute it names."""
        match = _VALUE.match(self.value)
        if match is None:
            raise ValueError(f"cannot parse entry point value {self.value!r}")
        module = importlib.import_module(match.group("module"))
        attrs = filter(None, (match.group("attr") or "").split("."))
        return functools.reduce(getattr, attrs, module)

    def __repr__(self) -> str:
        return f"EntryPoint(name={self.name!r}, value={self.value!r}, group={self.group!r})"


def _normalize(name: str) -> str:
    """A distribution's name as importlib.metadata compares them (PEP 503, underscores)."""
    return _SEPARATORS.sub("-", name).lower().replace("-", "_")


def _pairs(text: str, group: str) -> Iterator[tuple[str, str]]:
    """``(name, value)`` of the ``[group]`` section of an ``entry_points.txt``."""
    section = None
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            section = line.strip("[]")
            continue
        if section == group:
            name, equals, value = line.partition("=")
            if equals:
                yield name.strip(), value.strip()


def _scan_is_complete() -> bool:
    """Whether every distribution importlib.metadata would find is in a sys.path directory."""
    import importlib.machinery

    return not any(
        getattr(finder, "find_distributions", None) is not None
        for finder in sys.meta_path
        if finder is not importlib.machinery.PathFinder
    )


def find_entry_points(group: str) -> list[EntryPoint] | None:
    """Every entry point of ``group``; None when only importlib.metadata can tell."""
    if not _scan_is_complete():
        return None
    seen: set[str] = set()
    found: list[EntryPoint] = []
    for entry in sys.path:
        root = entry or "."
        if os.path.basename(entry).lower().endswith(".egg"):
            return None
        try:
            children = os.listdir(root)
        except OSError:
            if os.path.isfile(root):  # a zip archive on sys.path
                return None
            continue
        for child in children:
            low = child.lower()
            if not low.endswith(_METADATA_SUFFIXES):
                continue
            if not child.endswith(_METADATA_SUFFIXES):
                return None  # importlib.metadata would name it from its METADATA
            key = _normalize(low.rpartition(".")[0].partition("-")[0])
            if key in seen:
                continue  # an earlier directory on sys.path has this distribution
            seen.add(key)
            dist = Distribution(os.path.join(root, child))
            text = dist.read_text("entry_points.txt")
            if text and group in text:
                found.extend(EntryPoint(n, v, group, dist) for n, v in _pairs(text, group))
    return found
