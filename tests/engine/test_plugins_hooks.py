"""Plugin manager traps: duplicate entry points, hooks called through pluggy, default config."""

from __future__ import annotations

import importlib.metadata as md
import json

from lint import hookimpl
from lint.plugins import load_plugins
from tests.engine import testplugin


class _Dist:
    """Just enough of a distribution for an entry point's name and version."""

    def __init__(self, name: str, version: str) -> None:
        self.metadata = {"Name": name}
        self.version = version


def _ep(name: str, value: str, dist: str, version: str) -> md.EntryPoint:
    return md.EntryPoint(name=name, value=value, group="scrapelint")._for(_Dist(dist, version))


def test_two_entry_points_with_one_name_are_reported_naming_both_distributions():
    eps = [
        _ep("rules", "tests.engine.testplugin", "alpha-rules", "1.0"),
        _ep("rules", "tests.engine.broken_plugin", "beta-rules", "2.0"),
    ]
    plugins = load_plugins(entry_points=lambda: eps)
    assert "TS001" in plugins.rules()  # the first one loaded
    [failure] = plugins.failures
    text = str(failure)
    assert "alpha-rules 1.0" in text and "beta-rules 2.0" in text
    assert "entry point name 'rules'" in text


def test_an_entry_point_named_like_an_internal_plugin_is_reported():
    eps = [_ep("lint.output", "tests.engine.testplugin", "sneaky", "0.1")]
    plugins = load_plugins(entry_points=lambda: eps)
    assert any("sneaky 0.1" in str(f) and "scrapelint" in f.error for f in plugins.failures)


def test_two_plugins_claiming_one_code_are_named_both():
    from lint import Rule

    class Other(testplugin.Star):
        name = "other-star"

    class P:
        __name__ = "other-plugin"

        @hookimpl
        def scrapelint_rules(self) -> list[type[Rule]]:
            return [Other]

    plugins = load_plugins([testplugin, P()], entry_points=None)
    plugins.rules()
    [failure] = plugins.failures
    assert failure.plugin == "other-plugin"
    assert "TS001 is already provided by tests.engine.testplugin" in failure.error


def test_hooks_go_through_pluggy_so_wrappers_and_ordering_apply():
    seen = []

    class Wrapper:
        __name__ = "wrapper"

        @hookimpl(wrapper=True)
        def scrapelint_rules(self):
            result = yield
            seen.append(len(result))
            # drop TS004 from whatever plugin provided it
            return [[cls for cls in rules if cls.code != "TS004"] for rules in result]

    plugins = load_plugins([testplugin, Wrapper()], entry_points=None)
    rules = plugins.rules()
    assert not plugins.failures
    assert seen == [1]  # one plugin implements the hook: one call, wrapped
    assert "TS001" in rules and "TS004" not in rules


def test_tryfirst_decides_which_plugin_provides_a_format_name():
    from lint.output.base import OutputFormat

    class Mine(OutputFormat):
        pass

    class Late:
        __name__ = "late"

        @hookimpl(trylast=True)
        def scrapelint_output_formats(self):
            return {"json": Mine}

    class Early:
        __name__ = "early"

        @hookimpl(tryfirst=True)
        def scrapelint_output_formats(self):
            return {"mine": Mine}

    plugins = load_plugins([Early(), Late()], entry_points=None)
    formats = plugins.output_formats()
    # the trylast plugin is called last; the built-in json format is not replaced
    assert formats["json"] is not Mine and formats["mine"] is Mine


def test_a_raising_hook_spares_the_other_plugins_even_behind_a_wrapper():
    class Bad:
        __name__ = "bad"

        @hookimpl
        def scrapelint_rules(self):
            raise RuntimeError("nope")

    class Wrapper:
        __name__ = "wrapper"

        @hookimpl(wrapper=True)
        def scrapelint_rules(self):
            return (yield)

    plugins = load_plugins([testplugin, Bad(), Wrapper()], entry_points=None)
    assert "TS001" in plugins.rules()
    assert [f.plugin for f in plugins.failures] == ["bad"]


class _Defaults:
    """A plugin whose default configuration sets an option and selects an off rule."""

    __name__ = "defaults"

    def __init__(self, table):
        self.table = table

    @hookimpl
    def scrapelint_default_config(self):
        return self.table


def test_a_plugins_default_config_sets_options_and_selection(cli, workdir):
    table = {"rules": {"TS001": {"glyph": "#"}}, "extend-select": ["TS004"]}
    plugins = load_plugins([testplugin, _Defaults(table)], entry_points=None)
    (workdir / "a.txt").write_text("a# b* TODO\n", encoding="utf-8")
    r = cli("check", "a.txt", "--output-format", "json", plugins=plugins)
    found = [(d["code"], d["column"]) for d in json.loads(r.out)]
    assert ("TS001", 2) in found and ("TS001", 5) not in found  # the plugin's glyph
    assert "TS004" in {code for code, _ in found}  # off by default, selected by the plugin
    # the user's configuration applies on top
    (workdir / "scrapelint.toml").write_text('[rules.TS001]\nglyph = "*"\n', encoding="utf-8")
    plugins = load_plugins([testplugin, _Defaults(table)], entry_points=None)
    r = cli("check", "a.txt", "--output-format", "json", plugins=plugins)
    found = [(d["code"], d["column"]) for d in json.loads(r.out)]
    assert ("TS001", 5) in found and ("TS001", 2) not in found


def test_a_bad_default_config_is_a_plugin_failure(cli, workdir):
    for table, needle in (
        ({"fail-on": "info"}, "`fail-on` cannot be set by a plugin"),
        ({"rules": {"ZZ999": {}}}, "`rules.ZZ999`: no rule"),
        ({"extend-select": "TS004"}, "expected a list of strings"),
    ):
        plugins = load_plugins([testplugin, _Defaults(table)], entry_points=None)
        (workdir / "a.txt").write_text("a*\n", encoding="utf-8")
        r = cli("check", "a.txt", "--output-format", "json", plugins=plugins)
        assert r.code == 2, table
        assert "plugin defaults" in r.err and needle in r.err, r.err
        assert [d["code"] for d in json.loads(r.out)] == ["TS001"]  # the run still ran
