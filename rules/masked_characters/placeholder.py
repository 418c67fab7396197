"""MC005 placeholder-name: a name left as ×××, XX, □□ in the text (info)."""

from __future__ import annotations

from collections.abc import Iterator

from lint import Diagnostic, Document, Rule, Severity
from rules.masked_characters.detect import (
    PLACEHOLDER_TRIGGERS,
    placeholder_masks,
    placeholder_role,
    shown,
)


class PlaceholderName(Rule):
    """A name, a place or characters left as placeholders (``×××同志``, ``XX市``, ``人□共``).

    What
    ----
    Runs of ``×``, ``X``/``Ｘ``, ``○`` or ``□``/``■`` standing in Han text where a
    name or characters belong. The message says what the placeholder stands for,
    from the words around it (``rules/data/placeholder_contexts.txt``):

    - **a name**: before a title (``×××同志``, ``××校长``) or after a byline role,
      across a space or a colon (``记者×××``, ``通讯员：XX``, ``（通讯员ＸＸ）``,
      ``尊敬的×××``);
    - **a number**: before 年, 月, 日, 岁, 号 (``××年××月××日``, ``今年××岁``);
    - **a place**: before an administrative unit (``XX市``, ``××县``, ``××乡``);
    - **an organisation's name**: before ``公司``, ``中学``, ``局`` (``某X局``);
    - **characters**: ``□``/``■`` replacing one or more characters inside words
      (``中华人□共和国``, ``丙辰□□□□戊午``): characters a page or a font lost.

    A single ``□`` counts only between two Han characters and not on a line of
    check boxes (two single boxes, or a box opening an option).

    Why
    ---
    Template pages (范文) and anonymised texts leave names out on purpose, and
    pages lose rare characters; a corpus may want to know, but this is not
    damage done by the scraper, so it is only a note.

    Examples
    --------
    Flagged (info): ``×××同志在会上讲话``, ``本报记者×××报道``, ``通讯员:XX``,
    ``XX市教育局``, ``某X局``, ``中华人□共和国``, ``丙辰□□□□戊午``.

    Not flagged: ``1920×1080``, ``3×4``, ``长×宽×高``, ``二○二○年``, ``X射线``,
    ``8X线``, ``Mac OS X``, a check box before an option (``□同意 □不同意``,
    ``请选择：□男 □女``), a close button at a line end (``登录窗口 ×``), form
    fields in a blank template (``姓名：□□□□``), a blank in a maths problem
    (``要使45*□的积是三位数``, ``□苹果树有多少棵``).

    Fix
    ---
    None: what the placeholder hid cannot be known.
    """

    code = "MC005"
    name = "placeholder-name"
    family = "masked-characters"
    default_severity = Severity.INFO
    triggers = PLACEHOLDER_TRIGGERS

    def check(self, document: Document) -> Iterator[Diagnostic]:
        """Note each placeholder run."""
        text = document.text
        for m in placeholder_masks(document):
            if m.kind == "placeholder":
                role = placeholder_role(text, m)
                yield self.report(
                    m.start,
                    m.end,
                    f"placeholder `{shown(text, m.start, m.end)}`"
                    + (
                        " where a name or characters belong"
                        if role == "a name or characters"
                        else f" standing for {role}"
                    ),
                )
