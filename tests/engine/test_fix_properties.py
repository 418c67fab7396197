"""Property tests of fix application: any set of fixes leaves a well-formed result."""

from __future__ import annotations

import itertools
import os

from hypothesis import given, settings
from hypothesis import strategies as st

from lint import Edit, Fix
from lint.fix import apply_fixes, splice

EXAMPLES = 2000 if os.environ.get("SCRAPELINT_SLOW") else 200
TEXT = st.text(alphabet="ab中文*，\n", max_size=40)


@st.composite
def text_and_fixes(draw):
    text = draw(TEXT)
    n = len(text)
    fixes = []
    for _ in range(draw(st.integers(0, 6))):
        edits = []
        for _ in range(draw(st.integers(1, 2))):
            start = draw(st.integers(0, n))
            end = draw(st.integers(start, n))
            edits.append(Edit(start, end, draw(st.text(alphabet="xy", max_size=3))))
        try:
            fixes.append(Fix.safe(f"fix{len(fixes)}", *edits))
        except ValueError:
            continue  # overlapping edits inside one fix are rejected by design
    return text, fixes


@settings(max_examples=EXAMPLES, deadline=None)
@given(text_and_fixes())
def test_applied_fixes_never_overlap_and_untouched_text_survives(case):
    text, fixes = case
    new, applied = apply_fixes(text, fixes)
    edits = sorted((e for f in applied for e in f.edits), key=lambda e: (e.start, e.end))
    for a, b in itertools.pairwise(edits):
        assert not a.overlaps(b)
    assert new == splice(text, edits)
    # every character outside the accepted edits is kept, in order
    kept = []
    pos = 0
    for e in edits:
        kept.append(text[pos : e.start])
        pos = e.end
    kept.append(text[pos:])
    rest = new
    for chunk in kept:
        idx = rest.find(chunk)
        assert idx != -1
        rest = rest[idx + len(chunk) :]


@settings(max_examples=EXAMPLES, deadline=None)
@given(text_and_fixes())
def test_a_fix_is_applied_whole_or_not_at_all(case):
    text, fixes = case
    _, applied = apply_fixes(text, fixes)
    if fixes:
        # the first fix in order of start is always accepted
        first = min(fixes, key=lambda f: (f.start, f.end, f.description))
        assert first in applied
    for fix in fixes:
        if fix not in applied:
            taken = [e for f in applied for e in f.edits]
            assert any(e.overlaps(t) for e in fix.edits for t in taken)


@settings(max_examples=EXAMPLES, deadline=None)
@given(st.text(alphabet="a*!中\n", max_size=60))
def test_fix_loop_is_idempotent_and_only_removes_what_rules_flag(text):
    from lint.testing import fix_text
    from tests.engine.testplugin import Shout, Star

    once = fix_text(text, [Star, Shout], unsafe=True)
    assert fix_text(once, [Star, Shout], unsafe=True) == once
    assert "*" not in once and "!!" not in once
    assert once.replace("!", "") == text.replace("*", "").replace("!", "")
