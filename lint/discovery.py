"""Finding the files to lint: walk directories with include/exclude globs and .gitignore."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from lint.config import Config, ConfigFinder, resolve

if TYPE_CHECKING:  # imported when a directory is walked or an exclude glob applied
    import pathspec

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Target:
    """A file to lint and how to show its name; standard input is a target too.

    ``relative`` is its path below the command-line argument it was found under (the
    file's own name for a file named directly): where ``--output DIR`` puts it. For
    standard input ``path`` is None, ``stream`` is what to read and ``name`` the path
    it stands for (``--stdin-filename``: which configuration and reader apply).
    """

    path: Path | None
    display: str
    relative: str = ""
    stream: BinaryIO | None = None
    name: Path | None = None

    def config_path(self) -> Path:
        """The path whose configuration applies (``stdin.txt`` here for unnamed input)."""
        if self.path is not None:
            return self.path
        return self.name if self.name is not None else Path.cwd() / "stdin.txt"


def stdin_target(stream: BinaryIO, name: Path | None = None) -> Target:
    """Standard input as a target, standing for ``name`` when given."""
    return Target(None, STDIN, stream=stream, name=Path.cwd() / name if name else None)


@dataclass(frozen=True, slots=True)
class PathProblem:
    """A path given on the command line that cannot be walked or read."""

    display: str
    message: str


def display_path(path: Path) -> str:
    """A path relative to the working directory when possible, with ``/`` separators."""
    try:
        return resolve(path).relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, RuntimeError, OSError):  # outside the working dir, or a symlink loop
        return path.as_posix()


@lru_cache(maxsize=256)
def _spec(patterns: tuple[str, ...]) -> pathspec.PathSpec:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(patterns)


def _gitignore_spec(lines: list[str]) -> pathspec.PathSpec:
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def is_excluded(path: Path, config: Config, is_dir: bool) -> bool:
    """Whether ``path`` matches the config's exclude globs (relative to the config's root)."""
    rel = _relative(path, config.root)
    spec = _spec(config.exclude)
    return spec.match_file(rel) or (is_dir and spec.match_file(rel + "/"))


def is_included(path: Path, config: Config) -> bool:
    """Whether a file found by walking matches the config's include globs."""
    return _spec(config.include).match_file(_relative(path, config.root))


class _GitIgnores:
    """The .gitignore files that apply while walking, each anchored at its directory."""

    def __init__(self) -> None:
        self._cache: dict[Path, pathspec.PathSpec | None] = {}

    def _load(self, directory: Path) -> pathspec.PathSpec | None:
        if directory not in self._cache:
            spec = None
            gi = directory / ".gitignore"
            if gi.is_file():
                try:
                    lines = gi.read_text(encoding="utf-8", errors="replace").splitlines()
                    spec = _gitignore_spec(lines)
                except OSError:
                    spec = None
            self._cache[directory] = spec
        return self._cache[directory]

    def ignored(self, path: Path, is_dir: bool) -> bool:
        """Whether a .gitignore from ``path``'s directory up to the repository root ignores it."""
        directory = path.parent
        while True:
            spec = self._load(directory)
            if spec is not None:
                rel = path.relative_to(directory).as_posix()
                if spec.match_file(rel) or (is_dir and spec.match_file(rel + "/")):
                    return True
            if (directory / ".git").exists() or directory.parent == directory:
                return False
            directory = directory.parent


def discover(
    paths: list[str], finder: ConfigFinder, *, force_exclude: bool = False
) -> Iterator[Target | PathProblem]:
    """Yield the files to lint under ``paths`` in a stable order, and problems with paths.

    Files named explicitly are linted whatever their suffix (and, unless
    ``force_exclude``, even when excluded); files found by walking a directory must
    match ``include`` and not ``exclude`` or a .gitignore.
    """
    gitignores = _GitIgnores()
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN:
            yield Target(None, STDIN)
            continue
        path = Path(raw)
        if not path.exists():
            yield PathProblem(raw, "no such file or directory")
            continue
        try:
            is_dir = path.is_dir()
            resolved = path.resolve()
        except (OSError, RuntimeError) as exc:
            yield PathProblem(raw, f"cannot read: {exc}")
            continue
        if not is_dir:
            if force_exclude and is_excluded(resolved, finder.for_path(resolved), False):
                continue
            if resolved not in seen:
                seen.add(resolved)
                yield Target(path, display_path(path), path.name)
            continue
        yield from _walk(path, finder, gitignores, seen)


def _walk(
    top: Path, finder: ConfigFinder, gitignores: _GitIgnores, seen: set[Path]
) -> Iterator[Target | PathProblem]:
    errors: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(top, onerror=errors.append):
        here = Path(dirpath)
        abs_here = here.resolve()
        config = finder.for_path(abs_here)
        keep = []
        for d in sorted(dirnames):
            abs_d = abs_here / d
            if is_excluded(abs_d, config, True):
                continue
            if config.respect_gitignore and gitignores.ignored(abs_d, True):
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            abs_f = abs_here / name
            if abs_f in seen:
                continue
            if not is_included(abs_f, config) or is_excluded(abs_f, config, False):
                continue
            if config.respect_gitignore and gitignores.ignored(abs_f, False):
                continue
            seen.add(abs_f)
            yield Target(
                here / name, display_path(here / name), (here / name).relative_to(top).as_posix()
            )
        yield from _drain(errors, dirpath)
    yield from _drain(errors, str(top))


def _drain(errors: list[OSError], dirpath: str) -> Iterator[PathProblem]:
    while errors:
        err = errors.pop(0)
        yield PathProblem(
            display_path(Path(err.filename or dirpath)),
            f"cannot read directory: {err.strerror or err}",
        )
