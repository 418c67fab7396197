"""Configuration: find ``scrapelint.toml`` / ``[tool.scrapelint]``, parse and validate it."""

from __future__ import annotations

import codecs
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lint.diagnostic import Severity

# tomllib, pathspec and difflib are imported where a file, a glob or a typo needs them

CONFIG_FILES = ("scrapelint.toml", "pyproject.toml")
MAX_CONFIG_BYTES = 4 * 1024 * 1024

DEFAULT_INCLUDE = (
    "*.txt",
    "*.md",
    "*.jsonl",
    "*.jsonl.gz",
    "*.jsonl.zst",
    "*.ndjson",
    "*.parquet",
)
DEFAULT_EXCLUDE = (
    ".git",
    ".hg",
    ".svn",
    ".venv",
    "venv",
    ".tox",
    ".nox",
    "__pycache__",
    "node_modules",
    "build",
    "dist",
    "*.egg-info",
    ".mypy_cache",
    ".pytest_cache",
    ".ruff_cache",
)


def resolve(path: Path) -> Path:
    """The absolute, symlink-free path; the absolute path as given for a symlink loop."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


class ConfigError(ValueError):
    """A configuration file that cannot be used; the message names the file and the key."""


def _list_of_str(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _table_of(check: Any) -> Any:
    def ok(value: Any) -> bool:
        return isinstance(value, dict) and all(
            isinstance(k, str) and check(v) for k, v in value.items()
        )

    return ok


# key → (check, expected type in words)
_SCHEMA: dict[str, tuple[Any, str]] = {
    "select": (_list_of_str, "a list of strings"),
    "extend-select": (_list_of_str, "a list of strings"),
    "ignore": (_list_of_str, "a list of strings"),
    "fixable": (_list_of_str, "a list of strings"),
    "unfixable": (_list_of_str, "a list of strings"),
    "extend-fixable": (_list_of_str, "a list of strings"),
    "per-file-ignores": (_table_of(_list_of_str), "a table of glob = [selectors]"),
    "fail-on": (lambda v: isinstance(v, str), "one of info, warning, error"),
    "severity": (_table_of(lambda v: isinstance(v, str)), "a table of CODE = level"),
    "include": (_list_of_str, "a list of glob strings"),
    "extend-include": (_list_of_str, "a list of glob strings"),
    "exclude": (_list_of_str, "a list of glob strings"),
    "extend-exclude": (_list_of_str, "a list of glob strings"),
    "respect-gitignore": (lambda v: isinstance(v, bool), "a boolean"),
    "encoding": (lambda v: isinstance(v, str), "a string (utf-8, gb18030, auto...)"),
    "reader": (_table_of(lambda v: isinstance(v, str)), "a table of reader options"),
    "jsonl": (_table_of(lambda v: isinstance(v, str)), "a table (text-field, id-field)"),
    "time-budget": (
        lambda v: isinstance(v, int | float) and not isinstance(v, bool) and 0 < v < 1e9,
        "a positive number of seconds",
    ),
    "max-document-size": (
        lambda v: isinstance(v, int) and not isinstance(v, bool) and v > 0,
        "a positive integer (megabytes)",
    ),
    "rules": (_table_of(lambda v: isinstance(v, dict)), "a table of [rules.CODE] tables"),
    # Rules without packaging (lint.declarative, lint.local_rules): read from the run's own
    # configuration file only, once per run; accepted (and ignored) in other files.
    "declare": (
        lambda v: isinstance(v, list) and all(isinstance(t, dict) for t in v),
        "an array of [[declare]] rule tables",
    ),
    "rule-files": (_list_of_str, "a list of TOML files of [[rule]] tables"),
    "local-rules": (_list_of_str, "a list of directories of rule modules"),
    "gates": (lambda v: isinstance(v, dict), "a table of SELECTOR = threshold (see lint.gates)"),
    "report": (_table_of(lambda v: isinstance(v, str)), 'a table (url-field = "url")'),
}
_JSONL_KEYS = ("text-field", "id-field", "ignore-field")
_GLOB_KEYS = ("include", "extend-include", "exclude", "extend-exclude")


@dataclass(frozen=True)
class Config:
    """Settings from one configuration file (or defaults), before rules are resolved."""

    path: Path | None = None  # the file it came from
    root: Path = field(default_factory=Path.cwd)  # where relative globs start
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fixable: tuple[str, ...] | None = None  # None: every rule's fixes may be applied
    unfixable: tuple[str, ...] = ()
    extend_fixable: tuple[str, ...] = ()
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    fail_on: Severity = Severity.WARNING
    severity: Mapping[str, Severity] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    respect_gitignore: bool = True
    reader_options: Mapping[str, str] = field(default_factory=dict)
    max_document_mb: int | None = None
    time_budget: float | None = None  # seconds per rule per document
    rules: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    allow: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # rule key -> allow
    gates: tuple[Any, ...] = ()  # lint.gates.Gate, from [tool.scrapelint.gates]
    report_url_field: str = "url"  # [tool.scrapelint.report] url-field: the HTML report's domains

    @property
    def label(self) -> str:
        """The config file's path, or ``defaults``."""
        return str(self.path) if self.path else "defaults"


def _error(where: str, key: str, message: str) -> ConfigError:
    return ConfigError(f"{where}: `{key}`: {message}")


def _check_encoding(where: str, key: str, name: str) -> None:
    if name == "auto":
        return
    try:
        codecs.lookup(name)
    except LookupError:
        raise _error(where, key, f"unknown encoding {name!r} (a codec name, or auto)") from None


def _check_glob(where: str, key: str, glob: str) -> None:
    import pathspec

    try:
        pathspec.GitIgnoreSpec.from_lines([glob])
    except (ValueError, TypeError, IndexError) as exc:
        raise _error(where, key, f"invalid glob {glob!r}: {exc}") from None


def _allow_entries(where: str, key: str, value: Any) -> tuple[str, ...]:
    """A rule's allow list: exact texts and ``re:`` patterns (compiled here to check them)."""
    from lint.suppression import AllowError, compile_allow

    if not _list_of_str(value):
        raise _error(where, key, f"expected a list of strings, got {type(value).__name__}")
    try:
        compile_allow(value)
    except AllowError as exc:
        raise _error(where, key, str(exc)) from None
    return tuple(value)


def parse_table(
    table: Mapping[str, Any], *, where: str, base: Config | None = None, root: Path | None = None
) -> Config:
    """Validate a ``[tool.scrapelint]`` table and apply it on top of ``base``."""
    cfg = base or Config()
    for key, value in table.items():
        if key not in _SCHEMA:
            import difflib

            close = difflib.get_close_matches(key, _SCHEMA, n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise _error(where, key, f"unknown key{hint}")
        check, expected = _SCHEMA[key]
        if not check(value):
            shown = repr(value)
            shown = shown if len(shown) <= 60 else shown[:57] + "..."
            raise _error(where, key, f"expected {expected}, got {type(value).__name__} {shown}")
    for key in _GLOB_KEYS:
        for glob in table.get(key, ()):
            _check_glob(where, key, glob)
    for glob in table.get("per-file-ignores", {}):
        _check_glob(where, f"per-file-ignores.{glob}", glob)
    changes: dict[str, Any] = {}
    if "select" in table:
        changes["select"] = tuple(table["select"])
    if "extend-select" in table:
        changes["extend_select"] = cfg.extend_select + tuple(table["extend-select"])
    if "fixable" in table:
        changes["fixable"] = tuple(table["fixable"])
    for key in ("unfixable", "extend-fixable"):
        if key in table:
            attr = key.replace("-", "_")
            changes[attr] = getattr(cfg, attr) + tuple(table[key])
    if "ignore" in table:
        changes["ignore"] = cfg.ignore + tuple(table["ignore"])
    if "per-file-ignores" in table:
        merged = dict(cfg.per_file_ignores)
        merged.update({k: tuple(v) for k, v in table["per-file-ignores"].items()})
        changes["per_file_ignores"] = merged
    try:
        if "fail-on" in table:
            changes["fail_on"] = Severity.parse(table["fail-on"])
    except ValueError as exc:
        raise _error(where, "fail-on", str(exc)) from None
    if "severity" in table:
        sev = dict(cfg.severity)
        for code, level in table["severity"].items():
            try:
                sev[code] = Severity.parse(level)
            except ValueError as exc:
                raise _error(where, f"severity.{code}", str(exc)) from None
        changes["severity"] = sev
    include = tuple(table.get("include", cfg.include)) + tuple(table.get("extend-include", ()))
    exclude = tuple(table.get("exclude", cfg.exclude)) + tuple(table.get("extend-exclude", ()))
    changes["include"], changes["exclude"] = include, exclude
    if "respect-gitignore" in table:
        changes["respect_gitignore"] = table["respect-gitignore"]
    reader = dict(cfg.reader_options)
    if "encoding" in table:
        reader["encoding"] = table["encoding"]
    for key, value in table.get("jsonl", {}).items():
        if key not in _JSONL_KEYS:
            raise _error(where, f"jsonl.{key}", f"unknown key (known: {', '.join(_JSONL_KEYS)})")
        reader[key] = value
    reader.update(table.get("reader", {}))
    if "encoding" in reader and reader["encoding"] != cfg.reader_options.get("encoding"):
        _check_encoding(where, "encoding", reader["encoding"])
    changes["reader_options"] = reader
    if "max-document-size" in table:
        changes["max_document_mb"] = table["max-document-size"]
    if "time-budget" in table:
        changes["time_budget"] = float(table["time-budget"])
    if "rules" in table:
        rules = {k: dict(v) for k, v in cfg.rules.items()}
        allow = dict(cfg.allow)
        for rule, options in table["rules"].items():
            options = dict(options)
            if "allow" in options:  # suppression, accepted for every rule (lint.suppression)
                allow[rule] = _allow_entries(where, f"rules.{rule}.allow", options.pop("allow"))
            rules.setdefault(rule, {}).update(options)
        changes["rules"] = rules
        changes["allow"] = allow
    for key, value in table.get("report", {}).items():
        if key != "url-field":
            raise _error(where, f"report.{key}", "unknown key (known: url-field)")
        changes["report_url_field"] = value
    if "gates" in table:
        from lint.gates import parse_gates

        changes["gates"] = parse_gates(table["gates"], where)
    if root is not None:
        changes["root"] = root
    return replace(cfg, **changes)


def read_config_file(path: Path, base: Config | None = None) -> Config | None:
    """Load one file; None when it is a pyproject.toml without ``[tool.scrapelint]``."""
    import tomllib

    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            raise ConfigError(f"{path}: not a regular file")
        if st.st_size > MAX_CONFIG_BYTES:
            raise ConfigError(f"{path}: larger than {MAX_CONFIG_BYTES:,} bytes; not a config file")
        with path.open("rb") as fh:
            data = tomllib.loads(fh.read(MAX_CONFIG_BYTES + 1).decode("utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: `tool`: expected a table, got {type(tool).__name__}")
    if path.name == "pyproject.toml":
        table = tool.get("scrapelint")
        if table is None:
            return None
        where = f"{path} [tool.scrapelint]"
    else:
        table = tool.get("scrapelint", data) if "tool" in data else data
        where = str(path)
    if not isinstance(table, dict):
        raise ConfigError(f"{where}: expected a table")
    cfg = parse_table(table, where=where, base=base, root=path.parent.resolve())
    return replace(cfg, path=path)


class ConfigFinder:
    """Find the configuration closest to each checked path (cached per directory)."""

    def __init__(
        self,
        base: Config,
        explicit: Path | None = None,
        overlay: Mapping[str, Any] | None = None,
    ) -> None:
        self.overlay = dict(overlay or {})
        self._plain_base = base
        self.base = self._overlaid(base)
        self.explicit = explicit
        self._by_dir: dict[Path, Config] = {}
        self._explicit_cfg: Config | None = None
        if explicit is not None:
            cfg = read_config_file(explicit, base)
            if cfg is None:
                raise ConfigError(f"{explicit}: has no [tool.scrapelint] table")
            self._explicit_cfg = self._overlaid(cfg)

    def _overlaid(self, cfg: Config) -> Config:
        """A config with the command line's settings (``--extend-exclude``…) on top."""
        if not self.overlay:
            return cfg
        return replace(parse_table(self.overlay, where="the command line", base=cfg), path=cfg.path)

    def for_path(self, path: Path) -> Config:
        """The configuration that applies to ``path`` (a file or a directory)."""
        if self._explicit_cfg is not None:
            return self._explicit_cfg
        path = resolve(path)
        start = path if path.is_dir() else path.parent
        return self._for_dir(start)

    def _for_dir(self, directory: Path) -> Config:
        cached = self._by_dir.get(directory)
        if cached is not None:
            return cached
        found: Config | None = None
        for name in CONFIG_FILES:
            candidate = directory / name
            if candidate.is_file():
                found = read_config_file(candidate, self._plain_base)
                if found is not None:
                    found = self._overlaid(found)
                    break
        if found is None:
            parent = directory.parent
            found = self.base if parent == directory else self._for_dir(parent)
        self._by_dir[directory] = found
        return found
