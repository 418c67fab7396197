"""``--add-ignore``: current findings written as allow entries or Markdown comments."""

from __future__ import annotations

import json
import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lint.plugins import load_plugins
from lint.suppression.toml_edit import TomlEditError, add_allow_entries
from tests.engine import test_suppression, testplugin


@pytest.fixture
def run(cli):
    """The CLI with the test plugin and the extra rules of test_suppression."""

    def go(*argv: str, stdin: bytes | None = None):
        plugins = load_plugins([testplugin, test_suppression], entry_points=None)
        return cli(*argv, stdin=stdin, plugins=plugins)

    return go


def _json(r):
    return json.loads(r.out)


def test_markdown_gets_comments_above_the_lines_and_the_next_run_is_quiet(run, workdir):
    path = workdir / "a.md"
    path.write_text(
        "# 标题\n\na*b\n  - c*d hi!!\n<!-- scrapelint-disable-next-line TS002 -->\ne*f hi!!\n",
        encoding="utf-8",
    )
    r = run("check", "a.md", "--add-ignore")
    assert r.code == 0 and r.out == ""
    assert "3 comments to 1 Markdown file" in r.err
    assert path.read_text(encoding="utf-8") == (
        "# 标题\n\n<!-- scrapelint-disable-next-line TS001 -->\na*b\n"
        "  <!-- scrapelint-disable-next-line TS001,TS002 -->\n  - c*d hi!!\n"
        "<!-- scrapelint-disable-next-line TS002,TS001 -->\ne*f hi!!\n"
    )
    r = run("check", "a.md", "--output-format", "json")
    assert r.code == 0 and _json(r) == []
    assert not (workdir / "scrapelint.toml").exists()


def test_markdown_that_comments_would_change_gets_allow_entries_instead(run, workdir):
    path = workdir / "a.md"
    original = "重复\n重复\na*b\n"
    path.write_text(original, encoding="utf-8")
    r = run("check", "a.md", "--add-ignore")
    assert r.code == 0
    assert "1 Markdown file: comment lines would change what layout rules see" in r.err
    assert path.read_text(encoding="utf-8") == original
    assert (workdir / "scrapelint.toml").read_text(encoding="utf-8") == (
        '[rules.TS962]\nallow = [\n    "重复",\n]\n\n[rules.TS001]\nallow = [\n    "*",\n]\n'
    )
    r = run("check", "a.md", "--output-format", "json")
    assert r.code == 0 and _json(r) == []


def test_markdown_keeps_its_encoding_bom_and_line_breaks(run, workdir):
    path = workdir / "a.md"
    data = "\ufeff正文*一\r\n第二行\r\n".encode("utf-8")
    path.write_bytes(data)
    assert run("check", "a.md", "--add-ignore").code == 0
    assert path.read_bytes() == (
        "\ufeff<!-- scrapelint-disable-next-line TS001 -->\r\n正文*一\r\n第二行\r\n"
    ).encode("utf-8")
    gb = workdir / "b.md"
    gb.write_bytes("中文内容*\n".encode("gb18030"))
    assert run("check", "b.md", "--add-ignore", "--encoding", "gb18030").code == 0
    assert gb.read_bytes() == "<!-- scrapelint-disable-next-line TS001 -->\n中文内容*\n".encode(
        "gb18030"
    )


def test_other_files_get_allow_entries_in_the_config_that_applies(run, workdir):
    original = (
        '[project]\nname = "demo"   # spacing kept\n\n'
        '[tool.scrapelint]\nselect = ["TS"]\n\n'
        '[tool.scrapelint.rules.bracket]\nallow = [\n  "【旧】",  # why\n]\n'
    )
    config = workdir / "pyproject.toml"
    config.write_text(original, encoding="utf-8")
    (workdir / "a.txt").write_text("【广告】【旧】\n~ 零宽\n", encoding="utf-8")
    (workdir / "s.jsonl").write_text(
        json.dumps({"text": '【广告】 and 【"引\\号】'}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    r = run("check", ".", "--add-ignore", "--jobs", "2")
    assert r.code == 0, r.err
    assert "Added 3 allow entries to config" in r.err
    text = config.read_text(encoding="utf-8")
    assert text == (
        '[project]\nname = "demo"   # spacing kept\n\n'
        '[tool.scrapelint]\nselect = ["TS"]\n\n'
        '[tool.scrapelint.rules.bracket]\nallow = [\n  "【旧】",  # why\n'
        '  "【广告】",\n  "【\\"引\\\\号】",\n]\n'
        '\n[tool.scrapelint.rules.TS961]\nallow = [\n    "~ 零宽",\n]\n'
    )
    r = run("check", ".", "--output-format", "json")
    assert r.code == 0 and _json(r) == []
    # nothing new: nothing added, file untouched
    r = run("check", ".", "--add-ignore")
    assert r.code == 0 and "Added 0 allow entries" in r.err
    assert config.read_text(encoding="utf-8") == text


def test_without_a_config_file_one_is_created(run, workdir):
    (workdir / "a.txt").write_text("a*b\n", encoding="utf-8")
    assert run("check", "a.txt", "--add-ignore").code == 0
    assert (workdir / "scrapelint.toml").read_text(encoding="utf-8") == (
        '[rules.TS001]\nallow = [\n    "*",\n]\n'
    )
    assert run("check", "a.txt", "-q").code == 0


def test_a_table_written_with_dotted_keys_is_refused_and_left_alone(run, workdir):
    original = '[tool.scrapelint]\nrules.TS001.glyph = "*"\n'
    (workdir / "pyproject.toml").write_text(original, encoding="utf-8")
    (workdir / "a.txt").write_text("a*b\n", encoding="utf-8")
    r = run("check", "a.txt", "--add-ignore")
    assert r.code == 2
    assert "pyproject.toml: allow entries not added" in r.err and "dotted keys" in r.err
    assert (workdir / "pyproject.toml").read_text(encoding="utf-8") == original


@pytest.mark.parametrize("flag", ["--fix", "--diff", "--isolated"])
def test_add_ignore_refuses_options_that_write_or_ignore_config(run, workdir, flag):
    (workdir / "a.txt").write_text("a*b\n", encoding="utf-8")
    r = run("check", "a.txt", "--add-ignore", flag)
    assert r.code == 2 and "--add-ignore only writes suppressions" in r.err


def test_add_ignore_refuses_standard_input(run, workdir):
    r = run("check", "-", "--add-ignore", stdin=b"a*b\n")
    assert r.code == 2 and "standard input" in r.err


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", '[rules.X]\nallow = [\n    "e",\n]\n'),
        ('select = ["ALL"]', 'select = ["ALL"]\n\n[rules.X]\nallow = [\n    "e",\n]\n'),
        ("[rules.X]\nglyph = 1\n", '[rules.X]\nallow = ["e"]\nglyph = 1\n'),
        ('[rules.X]\nallow = ["a"] # c\n', '[rules.X]\nallow = ["a", "e"] # c\n'),
        ("[rules.X]\nallow = []\n", '[rules.X]\nallow = ["e"]\n'),
        ('[rules.X]\nallow = ["a",]\n', '[rules.X]\nallow = ["a", "e"]\n'),
        (
            "[rules.X]\r\nallow = [\r\n  'a' # ]\r\n]\r\n",
            "[rules.X]\r\nallow = [\r\n  'a', # ]\r\n  \"e\",\r\n]\r\n",
        ),
        ('[rules."X"]\nx = """\n]"""\n', '[rules."X"]\nallow = ["e"]\nx = """\n]"""\n'),
    ],
)
def test_toml_insertions_keep_every_other_byte(text, expected):
    assert add_allow_entries(text, ("rules", "X"), ["e"], "[rules.X]") == expected


def test_toml_inline_table_is_refused():
    with pytest.raises(TomlEditError, match="inline table"):
        add_allow_entries('[rules]\nX = {glyph = "*"}\n', ("rules", "X"), ["e"], "[rules.X]")


_BASES = [
    "",
    "# only a comment",
    'select = ["ALL"]\n',
    "[rules.X]\n",
    '[rules.X]\nglyph = "*" # c\n',
    "[rules.X]\nallow = []\n",
    "[rules.X]\nallow = ['a', \"b\"]\n[rules.Y]\nz = 1\n",
    '[rules.X]\r\nallow = [\r\n  "a", # ]\r\n]\r\n',
    '[rules."X"]\nallow = [\n  """x\n]""",\n]\n',
]
_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)


def _only_inserted(old: str, new: str) -> bool:
    at = 0
    for ch in new:
        if at < len(old) and ch == old[at]:
            at += 1
    return at == len(old)


@settings(max_examples=150, deadline=None)
@given(base=st.sampled_from(_BASES), entries=st.lists(_TEXT, min_size=1, max_size=4))
def test_any_entries_are_inserted_into_any_of_these_forms(base, entries):
    new = add_allow_entries(base, ("rules", "X"), entries, "[rules.X]")
    before = tomllib.loads(base).get("rules", {}).get("X", {}).get("allow", [])
    assert tomllib.loads(new)["rules"]["X"]["allow"] == [*before, *entries]
    assert _only_inserted(base, new)
