"""Load a report in headless Chromium and read back what the page did.

``probe(html)`` writes a copy of the page with two small scripts added: one at the
top of ``<head>`` records errors, ``console.error`` calls and Content-Security-Policy
violations; one at the end of ``<body>`` waits for the page to render, opens the
first worst document, and writes its findings as JSON into ``<pre id="probe">``.
Chromium's ``--dump-dom`` prints the rendered DOM, from which the JSON is read.
``screenshot(html, png)`` saves a picture of the page.
"""

from __future__ import annotations

import html as html_lib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--hide-scrollbars",
)
TIMEOUT = 90

_EARLY = """<script>
window.__probe = {errors: [], violations: []};
window.addEventListener("error", function (e) { __probe.errors.push("error: " + e.message); });
window.addEventListener("securitypolicyviolation", function (e) {
  __probe.violations.push(e.violatedDirective + " " + e.blockedURI);
});
(function () {
  var original = console.error;
  console.error = function () {
    __probe.errors.push(Array.prototype.join.call(arguments, " "));
    return original.apply(console, arguments);
  };
})();
</script>"""

_LATE = """<script>
(function () {
  function report() {
    var p = window.__probe, out = {errors: p.errors, violations: p.violations};
    out.rendered = document.body.getAttribute("data-rendered");
    out.charts = {};
    document.querySelectorAll(".chart").forEach(function (c) {
      out.charts[c.id] = c.querySelectorAll("svg.main-svg").length;
    });
    out.bars = document.querySelectorAll(".chart .bars path, .chart g.point").length;
    out.tables = {};
    ["rule-table", "source-table", "finding-table"].forEach(function (id) {
      var host = document.getElementById(id);
      out.tables[id] = host ? host.querySelectorAll("tbody tr").length : -1;
    });
    var worst = document.querySelector("#worst-list details");
    if (worst) {
      worst.open = true;
      worst.dispatchEvent(new Event("toggle"));
      var mark = worst.querySelector("pre.frame mark");
      out.worst_open = worst.open;
      out.worst_marks = worst.querySelectorAll("pre.frame mark").length;
      out.worst_mark_text = mark ? mark.textContent : null;
      var box = mark ? mark.getBoundingClientRect() : null;
      out.worst_mark_visible = !!box && box.height > 0 &&
        (box.width > 0 || mark.className === "empty");
      out.worst_diff = worst.querySelectorAll("pre.diff .ins").length;
    }
    out.width = window.innerWidth;
    out.overflow = document.documentElement.scrollWidth - window.innerWidth;
    out.resources = performance.getEntriesByType("resource").map(function (r) { return r.name; });
    var pre = document.createElement("pre");
    pre.id = "probe";
    pre.textContent = JSON.stringify(out);
    document.body.appendChild(pre);
  }
  if (document.readyState === "complete") setTimeout(report, 0);
  else window.addEventListener("load", function () { setTimeout(report, 0); });
})();
</script>"""


def find_browser() -> str | None:
    """The path of a Chromium binary, or None."""
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(browser: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS="disabled:")
    return subprocess.run(
        [browser, *FLAGS, *args],
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        env=env,
        check=False,
    )


def instrumented(page: str) -> str:
    """The page with the probe scripts added."""
    head = page.index("<head>") + len("<head>")
    page = page[:head] + _EARLY + page[head:]
    end = page.rindex("</body>")
    return page[:end] + _LATE + page[end:]


def probe(page_path: Path, browser: str, work: Path, size: str = "1280,900") -> dict[str, Any]:
    """Load the page headless in a window of ``size`` and return what the probe found."""
    copy = work / "probed.html"
    copy.write_text(instrumented(page_path.read_text(encoding="utf-8")), encoding="utf-8")
    done = _run(
        browser, "--virtual-time-budget=1000", f"--window-size={size}", "--dump-dom", copy.as_uri()
    )
    match = re.search(r'<pre id="probe">(.*?)</pre>', done.stdout, re.S)
    if match is None:
        raise AssertionError(f"no probe result; stderr: {done.stderr[-2000:]}")
    return json.loads(html_lib.unescape(match.group(1)))


def screenshot(page_path: Path, png: Path, browser: str, size: str = "1280,1600") -> None:
    """Save a picture of the page's top as PNG."""
    png.parent.mkdir(parents=True, exist_ok=True)
    done = _run(
        browser,
        "--virtual-time-budget=1000",
        f"--window-size={size}",
        f"--screenshot={png}",
        page_path.resolve().as_uri(),
    )
    if not png.is_file():
        raise AssertionError(f"no screenshot; stderr: {done.stderr[-2000:]}")
