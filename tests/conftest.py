"""Fixtures shared by the tests: run the CLI in-process with the test plugin only."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from lint.cli import main
from lint.plugins import load_plugins
from tests.engine import testplugin


@dataclass
class Run:
    """The outcome of one in-process CLI run."""

    code: int
    out: str
    err: str


@pytest.fixture
def cli(capsys, monkeypatch) -> Callable[..., Run]:
    """Run ``scrapelint`` in-process with the test plugin (no entry points) and capture output."""

    def run(*argv: str, stdin: bytes | None = None, plugins=None) -> Run:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
        plugins = plugins or load_plugins([testplugin], entry_points=None)
        code = main(list(argv), plugins=plugins)
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


@pytest.fixture
def workdir(tmp_path, monkeypatch):
    """An empty working directory (so no config of the repo applies)."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
