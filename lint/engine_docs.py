"""The engine's own codes (SL…), explained like rules by ``scrapelint rules`` and ``rule``.

SL codes are problems of the run, not findings of a rule: they cannot be selected or
ignored, are never baselined, and always make the run exit 2 (SL005, an unused
suppression, is a warning that fails the run like a rule's). A code the engine
reports without an entry here is still listed, with its name as its summary.
"""

from __future__ import annotations

from typing import Any

from lint.linter import ENGINE_CODES

ENGINE_FAMILY = "engine"
ENGINE_PLUGIN = "scrapelint"

_DOCS: dict[str, tuple[str, dict[str, str]]] = {
    "SL001": (
        "A file or record could not be read, so it was not linted.",
        {
            "What": "The input is not text scrapelint can read: bytes that are not valid in"
            " the file's encoding, a binary file, an invalid JSON Lines record, a record"
            " without its text field, a file that cannot be opened, or a document larger"
            " than `max-document-size`. The message names the place (line and column"
            " where known) and the reason.",
            "Why": "A document that is skipped silently looks clean. The run goes on with"
            " the other files and records and exits 2, so CI never passes on input that"
            " was not checked.",
            "What to do": "Set `encoding` (or `--encoding`) for files in another encoding,"
            " fix or drop the broken records (`--reject FILE` collects them), or raise"
            " `max-document-size`.",
        },
    ),
    "SL002": (
        "A rule failed on a document (an exception, an unusable finding or its time budget).",
        {
            "What": "A rule raised an exception, returned a finding the engine cannot use,"
            " changed the document's text, or ran past its time budget (`time-budget`)"
            " on one document. The message names the rule, the document and the cause;"
            " the rule's other findings for that document are dropped.",
            "Why": "A rule is third-party code. Its failure on one document must not stop"
            " the run nor pass unnoticed: the other rules and documents are checked and"
            " the run exits 2.",
            "What to do": "Report it to the rule's plugin with the document; `--ignore`"
            " the rule meanwhile.",
        },
    ),
    "SL003": (
        "Fixes did not settle: applying them kept changing the text.",
        {
            "What": "`--fix` applies fixes in passes until the text stops changing. When the"
            " passes come back to a text already seen, or go on too long or grow the text"
            " too much, the loop stops and the document is left as it was.",
            "Why": "Two rules undoing each other's fixes would otherwise rewrite a file"
            " without end, or leave it in an arbitrary state.",
            "What to do": "Run `--fix` with one of the rules named in the message ignored,"
            " and report the pair.",
        },
    ),
    "SL004": (
        "A fixed file could not be written; the original is left unchanged.",
        {
            "What": "Writing a fixed file (in place or under `--output`) failed or was"
            " refused: the file is read-only, hard-linked, changed while it was checked,"
            " or the disk is full; or the fixed text cannot be encoded in the file's"
            " encoding. Writes are atomic, so the original is intact.",
            "Why": "A fix that silently did not happen looks like a clean file.",
            "What to do": "Make the file writable or the destination reachable and run again.",
        },
    ),
    "SL005": (
        "A suppression suppressed nothing: an allow entry, a comment or a record field code.",
        {
            "What": "A `scrapelint-disable…` comment, a code in a record's ignore field"
            " (`scrapelint_ignore`), or an `allow` entry of `[tool.scrapelint.rules.CODE]`"
            " matched no finding. Comments and record codes are checked in their"
            " document; allow entries only when the run walked the whole directory of"
            " their config (`check .`), and only for rules the run selected. A code no"
            " rule has is named as such.",
            "Why": "A suppression outlives the finding it was written for: left in place, it"
            " hides the next real finding at that place (ruff's unused-noqa).",
            "What to do": "Delete the comment, code or entry the message names.",
        },
    ),
}

# Engine codes that are warnings rather than problems of the run (exit 1, not 2).
_WARNINGS = {"SL005"}


def engine_codes() -> dict[str, str]:
    """Every engine code with its name, in code order."""
    return dict(sorted(ENGINE_CODES.items()))


def engine_info(code: str) -> dict[str, Any]:
    """What ``scrapelint rule`` shows for an engine code (same keys as for a rule)."""
    name = ENGINE_CODES[code]
    summary, sections = _DOCS.get(code, (name.replace("-", " ").capitalize() + ".", {}))
    return {
        "code": code,
        "name": name,
        "family": ENGINE_FAMILY,
        "enabled_by_default": True,
        "severity": "warning" if code in _WARNINGS else "error",
        "fix": "never",
        "plugin": ENGINE_PLUGIN,
        "summary": summary,
        "options": [],
        "sections": {
            **sections,
            "Selection": "Always on: engine codes cannot be selected, ignored or baselined,"
            + (
                " and fail the run like a rule's warning (`fail-on`)."
                if code in _WARNINGS
                else " and always make the run exit 2."
            ),
        },
    }
