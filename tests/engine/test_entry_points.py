"""lint.entry_points finds what importlib.metadata finds, without importing it."""

from __future__ import annotations

import importlib.metadata as md
import sys
from pathlib import Path

import pytest

from lint.entry_points import find_entry_points, parse_headers
from lint.plugins import load_plugins


def _dist(root: Path, dirname: str, metadata: str, entry_points: str | None) -> None:
    info = root / dirname
    info.mkdir(parents=True)
    name = "PKG-INFO" if dirname.endswith(".egg-info") else "METADATA"
    (info / name).write_text(metadata, encoding="utf-8")
    if entry_points is not None:
        (info / "entry_points.txt").write_text(entry_points, encoding="utf-8")


def _seen(eps) -> list[tuple[str, str, str, str | None, str | None]]:
    return sorted(
        (ep.name, ep.value, ep.group, ep.dist.metadata["Name"], ep.dist.version) for ep in eps
    )


@pytest.fixture
def site(tmp_path, monkeypatch):
    """Two directories of distributions put first on sys.path: shadowing, odd files."""
    first, second = tmp_path / "first", tmp_path / "second"
    _dist(
        first,
        "foo_plugin-1.0.dist-info",
        "Metadata-Version: 2.1\nName: foo-plugin\nVersion: 1.0\n\nA description: not a header\n",
        "# a comment\n[console_scripts]\nfoo = foo.cli:main\n\n[scrapelint]\n"
        "foo-rules = foo.rules\n  spaced   =  foo.more : plugin [extra]  \n",
    )
    _dist(  # the same distribution later on sys.path: shadowed, never read
        second,
        "Foo.Plugin-2.0.dist-info",
        "Name: foo-plugin\nVersion: 2.0\n",
        "[scrapelint]\nshadowed = foo.old\n",
    )
    _dist(
        second,
        "bar-0.3.egg-info",
        "Metadata-Version: 1.1\nName: bar\nVersion: 0.3\nSummary: folded\n  on two lines\n",
        "[scrapelint]\nbar = bar.plugin:hooks\n[other]\nx = y\n",
    )
    _dist(second, "no_entry_points-1.0.dist-info", "Name: none\nVersion: 1.0\n", None)
    _dist(second, "other_group-1.0.dist-info", "Name: og\nVersion: 1\n", "[other]\nz = w\n")
    monkeypatch.setattr(sys, "path", [str(first), str(second), *sys.path])
    return first, second


@pytest.mark.parametrize("group", ["scrapelint", "console_scripts", "other", "missing"])
def test_the_scan_finds_what_importlib_metadata_finds(site, group):
    found = find_entry_points(group)
    assert found is not None
    assert _seen(found) == _seen(md.entry_points(group=group))


def test_the_first_distribution_of_a_name_on_sys_path_wins(site):
    found = {ep.name: ep for ep in find_entry_points("scrapelint")}
    assert "shadowed" not in found
    assert found["foo-rules"].dist.version == "1.0"
    assert found["spaced"].value == "foo.more : plugin [extra]"
    assert found["bar"].dist.metadata["Name"] == "bar"


def test_an_entry_point_loads_its_module_or_attribute():
    ep = next(e for e in find_entry_points("scrapelint") if e.value == "rules.plugin")
    assert ep.load() is sys.modules["rules.plugin"]
    plugins = load_plugins()
    assert plugins.versions["builtin-rules"] == f"scrapelint {md.version('scrapelint')}"


def test_a_zip_on_sys_path_leaves_the_search_to_importlib_metadata(tmp_path, monkeypatch):
    archive = tmp_path / "bundle.zip"
    archive.write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip archive
    monkeypatch.setattr(sys, "path", [str(archive), *sys.path])
    assert find_entry_points("scrapelint") is None
    assert any(ep.value == "rules.plugin" for ep in load_plugins.__globals__["_entry_points"]())


def test_headers_are_read_as_email_reads_them():
    text = "Name:  spaced-name\nVersion: 1.0\r\nSummary: one\n  two\nName: second\n\nBody: no\n"
    headers = parse_headers(text)
    assert headers == {"name": "spaced-name", "version": "1.0", "summary": "one\n  two"}
