"""Read back the checked files for the report: texts of shown documents and URL domains.

Findings carry positions, not text. For the worst documents and the samples the
report reads those documents again, through the same readers (and configuration)
as ``check``, so the offsets agree; a file that is gone only costs its code frames.
When records carry a URL field, one pass over the shards also maps every record
to its URL's domain (the field is found in the raw line with a literal search); a
shard whose first ``URL_PROBE`` records have none is not searched further.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from lint.config import Config, ConfigError, ConfigFinder
from lint.readers.base import InputFile, Reader, ReadProblem
from lint.runner import pick_reader, reader_options

DocKey = tuple[str, int | None]
URL_PROBE = 200  # records without a URL after which a shard's domain search stops


@dataclass
class SourceScan:
    """Texts of the documents asked for, and per shard record its URL's domain."""

    texts: dict[DocKey, str] = field(default_factory=dict)
    domains: dict[DocKey, str] = field(default_factory=dict)
    documents_by_domain: dict[str, int] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)  # files that could not be read


def _url_pattern(url_field: str) -> re.Pattern[bytes]:
    """The key's string value anywhere in a raw record (``meta.url``: the key ``url``)."""
    key = re.escape(url_field.rsplit(".", 1)[-1].encode("utf-8"))
    return re.compile(rb'"' + key + rb'"\s*:\s*"((?:[^"\\]|\\.){1,2048})"')


def domain_of(url: str) -> str | None:
    """The host of a URL, lower-case, without a leading ``www.``; None if there is none."""
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def scan_sources(
    wanted: Mapping[str, set[int | None]],
    paths: Iterable[str],
    readers: list[Reader],
    *,
    url_field: str | None = "url",
    overrides: Mapping[str, Any] | None = None,
) -> SourceScan:
    """Read the wanted documents' texts; map shard records of ``paths`` to URL domains."""
    scan = SourceScan()
    finder: ConfigFinder | None = None
    pattern = _url_pattern(url_field) if url_field else None
    for path in dict.fromkeys([*wanted, *paths]):
        need = wanted.get(path, set())
        file = Path(path)
        if not file.is_file():
            scan.missing.append(path)
            continue
        reader = pick_reader(readers, file.name)
        if not need and not (pattern and reader.is_shard):
            continue
        try:
            if finder is None:
                finder = ConfigFinder(Config(root=Path.cwd().resolve()), None, {})
            config = finder.for_path(file)
        except ConfigError:
            config = Config()
        options = reader_options(reader, config, overrides or {})
        try:
            _scan_file(scan, path, file, reader, options, set(need), pattern)
        except (OSError, ReadProblem):
            scan.missing.append(path)
    return scan


def _scan_file(
    scan: SourceScan,
    path: str,
    file: Path,
    reader: Reader,
    options: Mapping[str, Any],
    need: set[int | None],
    pattern: re.Pattern[bytes] | None,
) -> None:
    seen = found = 0
    with open(file, "rb") as stream:
        source = InputFile(stream, file, path)
        for unit in reader.units(source, options):
            if pattern is not None and seen >= URL_PROBE and not found:
                pattern = None  # this shard carries no URL field
                if not need:
                    return
            if not unit.document or unit.problem is not None:
                continue
            record = unit.source.record
            key = (path, record)
            payload = unit.payload
            if pattern is not None and isinstance(payload, bytes) and b'"' in payload:
                seen += 1
                match = pattern.search(payload)
                if match is not None:
                    host = domain_of(match.group(1).decode("utf-8", "replace"))
                    if host:
                        found += 1
                        scan.domains[key] = host
                        scan.documents_by_domain[host] = scan.documents_by_domain.get(host, 0) + 1
            if record in need:
                need.discard(record)
                try:
                    document, _ = reader.document(unit, options)
                except (ReadProblem, ValueError, UnicodeError):
                    continue
                scan.texts[key] = document.text
                if not need and (pattern is None or not reader.is_shard):
                    return
