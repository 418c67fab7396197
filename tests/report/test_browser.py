"""The report in a real headless browser: renders, requests nothing, shows a worst document.

Chromium is Debian's ``chromium`` package (``.ci/run`` installs it). Without it the
test is skipped locally and fails under CI (``CI=true``). The screenshot is written
to ``build/test-artifacts/report.png``.
"""

from __future__ import annotations

import os
import shutil

import pytest

from tests.corpus import REPO
from tests.report.browser import find_browser, probe, screenshot
from tests.report.helpers import make_corpus

ARTIFACTS = REPO / "build" / "test-artifacts"


@pytest.fixture(scope="module")
def browser():
    path = find_browser()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing (.ci/run installs Debian's chromium package)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path


def test_report_renders_offline_without_errors_and_opens_a_worst_document(
    cli, workdir, browser, tmp_path
):
    make_corpus(workdir)
    r = cli(
        "check",
        "shards",
        "page.txt",
        "--output-format",
        "html",
        "--output-file",
        "report.html",
        "-q",
        "--gate",
        "TS=10%",
    )
    assert r.code == 1, r.err
    page = workdir / "report.html"
    found = probe(
        page, browser, tmp_path, size="500,844"
    )  # narrow, as on a phone (the smallest window)
    assert found["errors"] == []  # no console error, no uncaught exception
    assert found["violations"] == []  # nothing the Content-Security-Policy had to block
    assert found["resources"] == []  # no request at all: everything is inline
    assert found["rendered"] == "yes"
    assert found["width"] == 500 and found["overflow"] <= 0  # nothing wider than the phone
    for chart in (
        "chart-rules",
        "chart-families",
        "chart-severity",
        "chart-fixes",
        "chart-histogram",
    ):
        assert found["charts"][chart] >= 1, chart
    assert found["bars"] > 0
    assert found["tables"] == {"rule-table": 2, "source-table": 3, "finding-table": 7}
    assert found["worst_open"] is True
    assert found["worst_marks"] >= 3
    assert found["worst_mark_text"] == "*"
    assert found["worst_mark_visible"] is True
    assert found["worst_diff"] >= 1
    png = tmp_path / "report.png"
    screenshot(page, png, browser)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(png, ARTIFACTS / "report.png")
