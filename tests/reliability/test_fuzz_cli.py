"""Fuzzing the whole command line and the readers with random and mutated bytes.

Whatever the bytes of a text file, a shard or a config, a run ends with exit 0, 1 or
2 and a message, never a traceback; ``--fix`` never loses a byte it should keep: a
shard keeps its number of lines and every line that was not a fixed record. The cases
of the reliability issue are the seed examples. ``SCRAPELINT_SLOW=1`` runs ten times
more examples.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from lint.cli import main
from lint.plugins import load_plugins
from tests.engine import testplugin

EXAMPLES = 400 if os.environ.get("SCRAPELINT_SLOW") else 40
PLUGINS = load_plugins([testplugin], entry_points=None)
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# pieces that tend to break readers: BOMs, NULs, lone CRs, bad UTF-8, escapes, JSON edges
PIECES = [
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\x00",
    b"\r",
    b"\r\n",
    b"\n",
    b"\x80",
    b"\xed\xa0\x80",
    b"\x1b]0;x\x07",
    "中文*文字!!".encode(),
    b'{"text": "a*b"}',
    b'{"text": "\\ud800*"}',
    b'{"text": 1e400}',
    b'{"id": 1, "text": "x", "text": "y*"}',
    b"{broken",
    b"[]",
    b'"just a string"',
]
chunks = st.lists(st.one_of(st.sampled_from(PIECES), st.binary(max_size=12)), max_size=12)


def _pairs(line: bytes) -> list[tuple[str, str]]:
    """A JSON object's members in order, values as their repr (duplicates kept)."""
    return json.loads(line, object_pairs_hook=lambda p: [(k, repr(v)) for k, v in p])


def _run(workdir: Path, *argv: str) -> int:
    old = Path.cwd()
    os.chdir(workdir)
    try:
        return main(list(argv), plugins=PLUGINS)
    finally:
        os.chdir(old)


@FUZZ
@given(parts=chunks, suffix=st.sampled_from([".txt", ".jsonl", ".md"]))
@example(parts=[b'{"text": "a*b"}', b"\n", b"{broken", b"\n"], suffix=".jsonl")
@example(parts=[b"a" * 9000, b"\x00", b"*"], suffix=".txt")
def test_any_bytes_end_in_a_message_and_fix_keeps_other_lines(capsys, parts, suffix):
    data = b"".join(parts)
    workdir = Path(tempfile.mkdtemp())
    try:
        path = workdir / f"f{suffix}"
        path.write_bytes(data)
        for fmt in ("concise", "json", "sarif", "github", "full"):
            code = _run(workdir, "check", ".", "--output-format", fmt, "--jobs", "1")
            out, err = capsys.readouterr()
            assert code in (0, 1, 2)
            assert "Traceback" not in err
            if fmt in ("json", "sarif"):
                json.loads(out)
        code = _run(workdir, "check", ".", "--fix", "--in-place", "-q", "--jobs", "1")
        capsys.readouterr()
        assert code in (0, 1, 2)
        new = path.read_bytes()
        if suffix == ".jsonl":
            old_lines, new_lines = data.split(b"\n"), new.split(b"\n")
            assert len(old_lines) == len(new_lines)
            for a, b in zip(old_lines, new_lines, strict=True):
                if a != b:  # only the text value of a record may change
                    old_pairs, new_pairs = _pairs(a), _pairs(b)
                    assert [k for k, _ in old_pairs] == [k for k, _ in new_pairs]
                    changed = [
                        k for (k, x), (_, y) in zip(old_pairs, new_pairs, strict=True) if x != y
                    ]
                    assert set(changed) <= {"text"}
        assert sorted(p.name for p in workdir.iterdir()) == [path.name]  # no temp files
    finally:
        shutil.rmtree(workdir)


@FUZZ
@given(toml=st.text(max_size=60))
@example(toml="tool = 5")
@example(toml='extend-exclude = ["\\\\"]')
@example(toml="a = " + "[" * 5000 + "]" * 5000)
def test_any_config_is_used_or_refused_with_its_name(capsys, toml):
    workdir = Path(tempfile.mkdtemp())
    try:
        (workdir / "scrapelint.toml").write_text(toml, encoding="utf-8", errors="surrogatepass")
        (workdir / "a.txt").write_text("a*\n", encoding="utf-8")
        code = _run(workdir, "check", "a.txt", "-q", "--jobs", "1")
        _out, err = capsys.readouterr()
        assert code in (1, 2)
        assert "Traceback" not in err
        if code == 2:
            assert "scrapelint.toml" in err
    finally:
        shutil.rmtree(workdir)


@FUZZ
@given(name=st.text(alphabet=st.characters(blacklist_characters="/\x00"), min_size=1, max_size=20))
def test_any_file_name_is_reported_printably(capsys, name):
    workdir = Path(tempfile.mkdtemp())
    try:
        try:
            path = workdir / f"{name}.txt"
            path.write_text("a*\n", encoding="utf-8")
        except (OSError, UnicodeEncodeError):
            return  # not a name this file system takes
        code = _run(workdir, "check", ".", "--output-format", "concise", "--jobs", "1")
        out, err = capsys.readouterr()
        assert code == 1 and "Traceback" not in err
        assert not any(ord(c) < 32 and c not in "\n\t" for c in out)
    finally:
        shutil.rmtree(workdir)
