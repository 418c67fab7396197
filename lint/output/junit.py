"""The ``junit`` output format: JUnit XML that GitLab, Jenkins and GitHub test reporters read.

The shape follows ruff's ``--output-format junit``: one ``<testsuite>`` per file (its
path as the name), one failing ``<testcase>`` per finding with the path without its
extension as ``classname``, and ``file``, ``line`` and ``column`` attributes. A run
without findings is one suite with one passing case (``No errors found``), so a
report is never empty.

Ruff names a case by the code alone (``org.ruff.F401``); here a case is named
``scrapelint.CODE (line:col)`` (``(RECORD[id]:line:col)`` in a shard, with `` #2``
and so on for a repeat at the same place), because GitLab keeps one case per suite,
class name and name: named by the code alone, all but one finding of a rule in a
file would disappear from its test report.

A finding in a record of a JSON Lines shard points at the record's line in the shard
(``line``, no ``column``); the failure text names the record and the place inside
its text. A Parquet row has no line: only ``file``. A finding without a place (an
unreadable file) has neither line nor column.

The root element carries the totals, which are known only at the end, so finished
suites are kept in a spooled temporary file (memory stays bounded: beyond 1 MB they
move to disk) and copied out in ``finish``. Findings arrive file after file, so a
suite ends when the path changes.

Everything is XML-escaped; characters that XML 1.0 cannot carry at all (most C0
controls, lone surrogates, U+FFFE, U+FFFF) are written as ``<U+XXXX>``.
"""

from __future__ import annotations

import re
from functools import cache
from typing import IO, TextIO

from lint.finding import Finding
from lint.fix import Applicability
from lint.output.base import OutputFormat, RunInfo
from lint.output.grouped import place

SPOOL_BYTES = 1 << 20  # finished suites kept in memory up to this size, then on disk

# Characters XML 1.0 does not allow, even as character references; str.isprintable()
# refuses every one of them (Cc, Cs, Cn).
_NOT_XML_CLASS = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"}
_ATTR_ESCAPES = {**_TEXT_ESCAPES, '"': "&quot;", "\n": "&#10;", "\t": "&#9;"}
_TEXT_SPECIAL = re.compile("[&<>\r]")
_ATTR_SPECIAL = re.compile('[&<>"\r\n\t]')


def _visible(match: re.Match[str]) -> str:
    return f"<U+{ord(match.group()):04X}>"


@cache
def _not_xml() -> re.Pattern[str]:
    """The pattern, compiled on first use (its surrogate range takes milliseconds)."""
    return re.compile(_NOT_XML_CLASS)


def xml_allowed(text: str) -> str:
    """``text`` with the characters XML 1.0 forbids written as ``<U+XXXX>``."""
    if text.isprintable():
        return text
    return _not_xml().sub(_visible, text)


def xml_text(text: str) -> str:
    """``text`` escaped for element content; characters XML 1.0 forbids become ``<U+XXXX>``."""
    text = xml_allowed(text)
    return _TEXT_SPECIAL.sub(lambda m: _TEXT_ESCAPES[m.group()], text)


def xml_attr(text: str) -> str:
    """``text`` escaped for a double-quoted attribute (line breaks and tabs survive parsing)."""
    text = xml_allowed(text)
    return _ATTR_SPECIAL.sub(lambda m: _ATTR_ESCAPES[m.group()], text)


def classname(path: str) -> str:
    """The path without its extension (``dir/page.txt`` -> ``dir/page``), as ruff does."""
    slash = max(path.rfind("/"), path.rfind("\\"))
    dot = path.rfind(".")
    return path[:dot] if dot > slash + 1 else path


def _where(f: Finding) -> str:
    """``line 2, col 7`` / ``record 12[doc-5], line 2, col 7`` / ``row 3`` / ``file``."""
    src, span = f.source, f.span
    parts = []
    if src.record is not None:
        rid = f"[{src.record_id}]" if src.record_id is not None else ""
        parts.append(f"{'record' if src.unit == 'line' else 'row'} {src.record}{rid}")
    if span is not None:
        parts.append(f"line {span.line}, col {span.column}")
    return ", ".join(parts) or "file"


def _fix_note(run: RunInfo, f: Finding) -> str:
    fix = f.fix
    if fix is None:
        return ""
    if fix.applicability is Applicability.SAFE:
        kind = "safe fix"
    elif fix.applicability is Applicability.UNSAFE:
        kind = "unsafe fix" if run.unsafe_fixes else "unsafe fix, use --unsafe-fixes"
    else:
        kind = "suggestion, not applied"
    return f"\n\n{fix.description} ({kind})"


def case_name(f: Finding) -> str:
    """``scrapelint.CODE (line:col)``, ``scrapelint.CODE (RECORD[id]:line:col)``, or the code."""
    where = place(f)
    return f"scrapelint.{f.code} ({where})" if where else f"scrapelint.{f.code}"


def testcase(run: RunInfo, f: Finding, name: str) -> str:
    """One failing ``<testcase>`` named ``name`` for a finding (indented, with its line break)."""
    src, span = f.source, f.span
    attrs = [
        f'name="{xml_attr(name)}"',
        f'classname="{xml_attr(classname(src.path))}"',
        f'file="{xml_attr(src.path)}"',
    ]
    if src.record is not None:
        if src.unit == "line":  # the record's line in the shard; a Parquet row has none
            attrs.append(f'line="{src.record}"')
    elif span is not None:
        attrs += [f'line="{span.line}"', f'column="{span.column}"']
    body = f"{_where(f)}, {f.message}{_fix_note(run, f)}"
    return (
        f"    <testcase {' '.join(attrs)}>\n"
        f'      <failure message="{xml_attr(f.message)}" type="{f.severity.label}">'
        f"{xml_text(body)}</failure>\n"
        "    </testcase>\n"
    )


def _spool() -> IO[str]:
    import tempfile

    return tempfile.SpooledTemporaryFile(  # closed in finish
        max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline=""
    )


def _copy(source: IO[str], dest: IO[str] | TextIO) -> None:
    """Copy a spooled file's text to ``dest`` (``shutil.copyfileobj``)."""
    import shutil

    shutil.copyfileobj(source, dest)


class JunitFormat(OutputFormat):
    """JUnit XML: one test suite per file, one failing test case per finding."""

    name = "junit"
    description = "JUnit XML test report (GitLab, Jenkins, GitHub test reporters)"
    streams = False

    def start(self, stream: TextIO, run: RunInfo) -> None:
        """Begin: finished suites go to a spool until the totals are known."""
        super().start(stream, run)
        self.suites = _spool()
        self.cases = _spool()  # test cases of the current file
        self.path: str | None = None
        self.unit: tuple[str, int | None] | None = None
        self.names: dict[str, int] = {}  # case names so far in this file or record
        self.in_suite = 0
        self.total = 0

    def handle(self, finding: Finding) -> None:
        """Add the finding's test case to its file's suite (a new path ends the last suite)."""
        if finding.path != self.path:
            self._end_suite()
            self.path = finding.path
        unit = (finding.path, finding.source.record)
        if unit != self.unit:  # names carry the record: repeats are counted per record
            self.unit, self.names = unit, {}
        name = case_name(finding)
        seen = self.names.get(name, 0)
        self.names[name] = seen + 1
        self.cases.write(testcase(self.run, finding, f"{name} #{seen + 1}" if seen else name))
        self.in_suite += 1
        self.total += 1

    def _end_suite(self) -> None:
        if self.path is None or not self.in_suite:
            return
        n = self.in_suite
        self.suites.write(
            f'  <testsuite name="{xml_attr(self.path)}" tests="{n}" disabled="0" errors="0" '
            f'failures="{n}" package="{xml_attr(self.run.tool_name)}">\n'
        )
        self.cases.seek(0)
        _copy(self.cases, self.suites)
        self.cases.seek(0)
        self.cases.truncate()
        self.suites.write("  </testsuite>\n")
        self.in_suite = 0

    def finish(self) -> None:
        """Write the document: the root with the totals, then every suite."""
        self._end_suite()
        out, tool = self.out(), xml_attr(self.run.tool_name)
        out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        n = self.total
        out.write(f'<testsuites name="{tool}" tests="{max(n, 1)}" failures="{n}" errors="0">\n')
        if n:
            self.suites.seek(0)
            _copy(self.suites, out)
        else:
            out.write(
                f'  <testsuite name="{tool}" tests="1" disabled="0" errors="0" failures="0" '
                f'package="{tool}">\n'
                f'    <testcase name="No errors found" classname="{tool}"/>\n'
                "  </testsuite>\n"
            )
        out.write("</testsuites>\n")
        self.suites.close()
        self.cases.close()
