"""DT002 inconsistent-year: a year that the era or the timeline of its own text refutes."""

from __future__ import annotations

import datetime
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence

from lint import Diagnostic, Document, Edit, Fix, FixAvailability, Option, Rule, Severity
from rules.dates.context import (
    LineFacts,
    document_inside_title,
    document_sentence_span,
    is_target_year,
    line_facts,
)
from rules.dates.era import Era, estimate, floor_of
from rules.dates.evidence import Evidence, evidence
from rules.dates.extract import DateExpr, PageDate, dates, folded_dates, page_date_kept
from rules.dates.prefilter import weighted_evidence_probe, weighted_evidence_probed
from rules.dates.timeline import (
    Clash,
    literal_signals,
    may_hold_spike,
    may_hold_tenure,
    may_hold_year,
    observance_probed,
    timeline,
    timeline_probed,
)
from rules.text import Article, articles

# Years up to 1990 are history for every built-in anchor (the earliest, 九五, is 1994–2000).
_EARLIEST = 1990


def _undate_narrative(
    document: Document, items: Sequence[Evidence], exprs: Sequence[DateExpr]
) -> list[Evidence]:
    """Items whose own sentence carries a year consistent with them lose their weight.

    ``2011年,在庆祝建党90周年之际,他被评为……`` narrates a dated past event: it says
    nothing about when the text was written (a 2016 biography may say it). Without an
    explicit year (``今天我们隆重庆祝建党90周年``) a mention speaks of the present.
    Each sentence's years are sorted once, so a mention costs a bisection.
    """
    years = [e for e in exprs if e.year is not None and e.kind in ("year", "date", "range")]
    if not years:
        return list(items)
    starts = [y.start for y in years]
    by_sentence: dict[int, list[int]] = {}  # sentence start → its years' values, sorted
    out = []
    for item in items:
        if item.weight > 0 and item.lo is not None and item.hi is not None:
            start, end = document_sentence_span(document, item.start)
            values = by_sentence.get(start)
            if values is None:
                inside = years[bisect_left(starts, start) : bisect_left(starts, end)]
                values = by_sentence[start] = sorted(y.year or 0 for y in inside)
            k = bisect_left(values, item.lo - 1)
            if k < len(values) and values[k] <= item.hi + 1:
                item = item._replace(weight=0.0)
        out.append(item)
    return out


class _Years:
    """The years that a set of evidence periods covers, as merged intervals."""

    __slots__ = ("_his", "_los")

    def __init__(self, items: Iterable[Evidence]) -> None:
        spans = sorted({(e.lo, e.hi) for e in items if e.lo is not None and e.hi is not None})
        los: list[int] = []
        his: list[int] = []
        for lo, hi in spans:
            if lo > hi:
                continue  # an empty period covers no year
            if his and lo <= his[-1] + 1:
                his[-1] = max(his[-1], hi)
            else:
                los.append(lo)
                his.append(hi)
        self._los = los
        self._his = his

    def __contains__(self, year: int) -> bool:
        k = bisect_right(self._los, year) - 1
        return k >= 0 and year <= self._his[k]


def _within(items: Sequence, starts: Sequence[int], lo: int, hi: int) -> Sequence:
    """The items (sorted by start, ``starts`` their starts) that start in ``lo..hi``."""
    return items[bisect_left(starts, lo) : bisect_left(starts, hi)]


class InconsistentYear(Rule):
    """A year that its own text refutes: the era its references place it in, or its timeline.

    What
    ----
    Estimates when each article of a page was written from the dated things it
    mentions while they are current — an anniversary being celebrated
    (庆祝中国共产党成立90周年 → 2011), a five-year plan being drafted (谋划“十二五”规划 →
    2009–2011), a campaign being run (创先争优活动 → 2010–2012) — and reports an explicit
    year that lies more than ``tolerance`` years after that era. The message cites the
    evidence with its line and says when the year is also the page's metadata year
    (``更新时间:2023-04-23``): the signature of a site that rewrites years to the
    date it republished the page.

    The estimate is made per article when a page pastes several (篇二, 篇三): each
    article's own references decide its era. Mentions that only bound the era from
    below (十九大, 汶川地震, 新冠肺炎) never cause a report; they expose retrospective
    mentions instead (a text naming 十九大 that recalls 创先争优活动 is not from 2011).
    Only years *after* the era are judged: earlier years are history. A year is not
    judged when it is a closed range (2021—2025年), a target or bound (到2035年,
    2020年前, 2025年基本实现), a cohort or birth year, inside a 《title》, inside a period
    the text itself names (十二五 covers 2011–2015), on a metadata or link line, or when
    several different years lie past the era (then the text is simply later than its
    references). Texts without evidence are not judged. A since-range is judged by its
    start: ``从2023年开始`` cannot open a span in a text of 2010.

    Page backing: an article with little evidence of its own (a 篇二 that only says
    “2008年来” and names the 两基 inspection, over by 2012) cannot carry a report
    alone. When another article of the same page has a tight, well-supported era *and*
    the year it contradicts there is the page's metadata year, the page has shown that
    its site replaced years with that metadata year. A weakly evidenced article then
    gets the same year reported when its own evidence, however thin, also places it
    before that year, and nothing in it is later than the page's era; the message
    cites both its own evidence and the page's. Lower bounds alone (“三个代表”, 2008年以来)
    never suffice: a 2023 article may say them too.

    Timeline: the text's own fixed points also refute a year next to them, each
    link read in a window of a few characters in one sentence (``timeline`` option):

    - calendars (``data/calendar.toml``, every entry with its source): a congress or
      plenum with a held-verb (``2023年11月，党的十八大胜利召开`` → 2012), games named by
      their host or edition (``2023年北京奥运会`` → 2008, ``第29届奥运会``,
      ``1994年夺得第十七届冬奥会…``; Tokyo 2020 held in 2021 and Hangzhou 2022 in 2023
      accepted; ``…奥运会主体育场``, ``…比完``) or by the series alone (``2023年奥运会上``,
      ``2023年，奥运会在伦敦举行``: 2021 or 2024), a session of
      an NPC or CPPCC term (``十二届全国人大三次会议`` → 2015). ``2013年，十八大提出…``
      (when something was said) and errands before the games (申办, 预选赛, 吉祥物,
      资格) are not judged;
    - observances counted by their Nth time (``data/calendar.toml``): ``2023年9月10日是
      第27个教师节`` (1985 + 27 − 1 = 2011), and ``今天是第27个教师节`` as the present;
      a text written for the occasion (今天是…, 在…到来之际, …庆祝大会; from the 3rd
      on) is also era evidence, like a jubilee being celebrated;
    - the sexagenary cycle: ``2023年是龙年`` (2012 or 2024; January and February may
      still be last year's sign; no fix);
    - anniversaries: ``2023年是中国共产党成立90周年`` (1921 + 90 = 2011), loosely linked
      ones only when 2+ years off and never for a jubilee ahead (迎接, 喜迎) or behind
      (…周年以来); an institution's ``建校60周年`` against its one founding year
      (``始建于1956年``);
    - five-year plans: ``2023年是“十二五”开局之年`` (2011), 收官之年, 第N年, or one of its
      years (…的关键之年);
    - relative references glossed with a year: ``2008年…次年（2023年）`` (2009),
      ``三年后的1995年``; ``今年（2012年）`` against ``去年（2022年）`` or
      ``今年…比2021年同期`` in one article (a comparison may only be reported, never
      report a gloss: texts of 2021 compare with 2019); the article's present is also
      fixed, without any metadata date, by ``今年是建党91周年`` or by an event of one known
      year that it dates with a held-verb (``党的十八大将于今年下半年召开`` → 2012,
      ``去年召开的党的十八大`` → 2013; not ``今年是十八大召开五周年``);
    - an edition named twice: ``2014年第十届…运动会`` … ``本届2024年`` or ``2024年（举行）的这届``,
      or dated twice; editions of one series out of order (``2023年第三届…节`` …
      ``1979年第四届…节``) or too far apart (``第七届（1969年）和第十一届（2023年）…金马奖``:
      more than 6 years an edition plus 10; a note unless the year is recent);
    - ages: ``生于1925年`` … ``2023年…享年85岁`` (birth + age ± 1; no fix); an age said
      of a year (``2000年，18岁的钢琴家``, ``33岁时（2024年）``, ``也就是他22岁那年``) against
      the article's one birth year (the later of the two reported) or, without one,
      against two or more other ages that agree; not a spouse's or a child's age (与22岁的,
      8岁的儿子, 他的儿子于2007年出生); a note when the year is not recent;
    - era glosses: ``2023年（平成4年）``, ``2024年，即民国三十八年``, ``民国9年（2023年）``
      (民国/大正 1911 + N, 昭和 1925 + N, 平成 1988 + N, 令和 2018 + N, 明治 1867 + N,
      光绪, 宣统; ± 1 for lunar years and eras that begin mid-year; a range is not read);
    - a range written backwards: ``2024年-2001年间``, ``2024年12月至2001年1月`` (no fix);
    - a span to the present, counted: ``从2023年诞生到现在，短短26年``, ``2024年至今已有12年``,
      ``自2023年…这是我8年来首次`` put the present after the page's date (or this year)
      (快/近 N年 counts N − 1; counts of editions, 教龄 and 工龄 are not spans; no fix);
    - durations: ``2008年开工…历时3年…2023年建成`` (start + N ± 1; no fix), and a
      tenure in one sentence: ``2008年加盟…效力5个赛季…2023年转会``, ``1998年入职…服务了25年…
      2023年退休`` (a joining and a leaving word after the years; 一个半赛季 widens by one);
    - stages of one thing out of order: a start (成立, 创立, 出生, 开工, 落成, 上映, 发售,
      停运, 提出) dated 2+ years after a later stage of the same thing told right after it
      (改名, 沿用至, 重组, 毕业, 交付运营, 开业, 重播, 廉价版, 重新开通, 首届):
      ``创立于2023年…该名称沿用至1981年``, ``2023年4月2日开工，2008年6月30日交付运营``
      (the same sentence, or a next one that opens with its year or refers back: 该, 其,
      于, 曾; never across another start of that kind, a parent's or a predecessor's
      stage, ``1995年上市的公司``, or a plan);
    - an event named by one year, held in another: ``“2024年…研讨会”将于2011年1月17日
      举行`` (held in its year, the one before or the next; 测试赛, 发布会, 年度 and
      other events about another one are not judged);
    - a span ``从Y到Z`` (or ``由Y年起…至Z年``): reversed (``从2024年到1960年``) or against
      the text's own count (``从1995年…到2023年这10年间``, ``2001年至2023年的整整12年间``;
      多/余 are no count); a season named by two years that are not consecutive
      (``2006-2024年球季``, ``2014/2023年马季``; 赛季, 学年, 财年 too);
    - incidents of one known year (``data/calendar.toml``, ``[[incident]]``: 汶川地震,
      911事件, 香港回归…) with the year written right before them (``2024年，汶川地震发生
      后``: its year, or the next when the text says after it; not 十周年, 以来, 纪念,
      发生后三年, nor something named after it: 汶川地震灾后重建);
    - ``N年后`` opening a clause told as past (``2023年，她出版了回忆录，4年后，推出
      散文集``) after the present (the page's date, else this year); not a forecast,
      a wish or a condition, nor a span that ends at the year (时隔24年后, 运营13年后);
    - a forecast (``预计2014年12月完成``, ``将于2009年5月正式启用``) dates the text by its
      year: a year two or more after it told as past (``于2023年启用``, ``2023年…已``) is
      wrong when it is the text's only year that late (a plan recalled, one that slipped,
      or several later years: the text is later than its plan);
    - years listed out of order (``在2023年、2002年的时候``): a note;
    - chronology spikes: a recent year 5+ years after both neighbours in order (within
      300 characters of one article, whose nearby years go forward; the jump wider than
      half the neighbours' gap), with no plan or target word near it (到/至 only right before
      a year: 《到爱的距离》 is a title; nor in the year's clause: 满足2020年…的目标), its
      neighbours may be targets met (2005年建成) (``2008年…2023年…2009年``); a year dated
      with 于/在, done with a past marker (``2023年建成了``) or opening a step (``2023年起
      增程``) is told as past unless its sentence is a plan (将, 未来, 规划); one aside two
      places after it (a date recalled) is allowed: a note, a warning
      when it is the page's metadata year or lies 4+ years after its article's era (and
      no other year does).

    When two years of a link could each be the rewritten one (a founding year and a
    jubilee, a relative reference and its anchor), the later one is reported: rewrites
    make years recent. Each message cites the evidence with its lines.

    Facts from page chrome (the page's metadata date) are read from the document as it
    was before any fix (``Document.origin``): a fix that deletes the metadata line does
    not silence these findings; the message then says ``line 6 before fixes``.

    Why
    ----
    Content farms rewrite years so that old pages look fresh (谋划2023年重点工作 in a
    2010 speech). The rewritten year is wrong, the text is older than it claims, and a
    corpus that keeps it teaches models false facts.

    Examples
    --------
    Flagged (2023 contradicts the 2010–2011 references)::

        全面谋划好“十二五”教育发展规划……深入开展创先争优活动……与谋划2023年重点工作结合起来
        2023年11月，党的十八大在北京胜利召开                      (held in 2012)
        2008年，他考入北京大学。次年（2023年），他赴美留学        (次年 is 2009)

    Not flagged::

        1949年新中国成立……从2008年开始开展创先争优活动……   (history)
        到2035年基本实现社会主义现代化                           (a target)
        2023年,我们召开了动员大会                                (no era evidence)
        2012年11月，党的十八大胜利召开                            (the right year)
        2013年，我们认真学习党的十八大提出的目标                  (no held-verb)
        1978年参军入伍。三年后的1981年退伍                        (consistent)

    Fix
    ----
    None that is safe: the original year is unknown. When a precise anchor pins the
    era to one year (an anniversary), an unsafe fix suggests that year.
    """

    code = "DT002"
    name = "inconsistent-year"
    family = "dates"
    default_severity = Severity.WARNING
    fix_availability = FixAvailability.SOMETIMES
    triggers = ("年",)  # every finding reports a year written with 年, or a page holding one
    options = (
        Option("tolerance", int, 3, "Years after the era's last year before a year is reported."),
        Option(
            "min-support",
            float,
            2.0,
            "Evidence weight an era needs (a campaign or plain plan counts 1 or 0.5, an"
            " anniversary or a plan being drafted 2).",
        ),
        Option("max-span", int, 5, "Widest era, in years, that is tight enough to judge by."),
        Option(
            "page-backing",
            bool,
            True,
            "Let a page's well-dated articles back up a weakly dated one when the year is"
            " the page's metadata year.",
        ),
        Option(
            "timeline",
            bool,
            True,
            "Also judge years by the text's own timeline: events held in known years,"
            " anniversaries, five-year plans, relative references, an edition named twice,"
            " ages.",
        ),
        Option(
            "extend-anchors",
            list,
            [],
            "Extra era anchors: 'phrase=2011' (one year), 'phrase=2010-2012' (a period),"
            " 'phrase>=2017' (a lower bound).",
            shared=True,  # it shapes the family's evidence analysis, memoised per value
        ),
    )

    def setup(self) -> None:
        """Check the configured anchors once (the evidence analysis loads them by spec)."""
        self.extensions: tuple[str, ...] = tuple(self.settings["extend-anchors"])
        self._probe = weighted_evidence_probe(self.extensions)  # a bad spec fails here
        self.tolerance: int = self.settings["tolerance"]

    # -- candidates --------------------------------------------------------------

    @staticmethod
    def _judgeable(document: Document, facts: LineFacts, folded: str, expr: DateExpr) -> bool:
        # a since-range (从2008年开始, 2008年来) starts a span that reaches the text's
        # present: its start cannot lie after the text's era either
        since = expr.kind == "range" and expr.since and expr.end_year is None
        if (expr.kind not in ("year", "date") and not since) or expr.year is None:
            return False
        if expr.metadata or (expr.month is not None and not 1 <= expr.month <= 12):
            return False
        if not since and is_target_year(folded, expr):
            return False
        line = document.line_at(expr.start)
        return facts.is_content(line, expr.text) and not document_inside_title(
            document, line, expr.start
        )

    @staticmethod
    def _beyond(limit: int, cands: Sequence[DateExpr], own: Sequence[Evidence]):
        """The candidates later than ``limit``, unless the text is simply later than its era."""
        out = [c for c in cands if c.year is not None and c.year > limit]
        if out:
            covered = _Years(own)
            out = [c for c in out if c.year not in covered]
        if len({c.year for c in out}) > 1:
            return []
        return out

    # -- messages ------------------------------------------------------------------

    @staticmethod
    def _cite(document: Document, items: Iterable[Evidence], n: int = 3) -> tuple[str, int]:
        items = list(items)
        parts = [f"{e.label} (line {document.position(e.start)[0]})" for e in items[:n]]
        if len(items) > n:
            parts.append(f"{len(items) - n} more")
        if len(parts) > 1:
            text = ", ".join(parts[:-1]) + " and " + parts[-1]
        else:
            text = parts[0] if parts else ""
        return text, len(items)

    @staticmethod
    def _meta_note(year: int, meta: PageDate | None, where: str) -> str:
        if meta is None or meta.year != year:
            return ""
        return (
            f"; {year} is also the page's metadata year ({meta.key} {meta.text},"
            f" {where}), the signature of a site that rewrites years"
        )

    def _fix(self, expr: DateExpr, era: Era) -> Fix | None:
        year = era.pinned
        if year is None or expr.year_span is None or expr.chinese:
            return None
        start, end = expr.year_span
        return Fix.unsafe(f"replace {expr.year} with {year}", Edit(start, end, str(year)))

    # -- check ------------------------------------------------------------------------

    def check(self, document: Document) -> Iterable[Diagnostic]:
        """Report years later than each article's era, and years its own timeline refutes."""
        text = document.text
        if "年" not in text or not may_hold_year(text):
            return ()  # every finding reports a year (a literal look at the text)
        # a mention that places it in a period (an anchor, or the Nth of an observance:
        # every observance's name is a timeline probe word, so a text without any has none)
        probed = timeline_probed(document)
        era = weighted_evidence_probed(document, self.extensions) or (
            probed and observance_probed(document)
        )
        told = self.settings["timeline"] and (
            probed or may_hold_spike(text) or may_hold_tenure(document) or literal_signals(document)
        )
        if not era and not told:
            return ()  # a literal look at the text: nothing either kind of evidence needs
        # a timeline link is closer to the year than the era (it reports first), except a
        # chronology spike, which is weaker than the era's own report
        clashes = timeline(document, self.extensions) if told else []
        found = [self._timeline_report(document, c) for c in clashes if c.signal != "spike"]
        if era:
            reported = {d.start for d in found}
            found += [d for d in self._findings(document) if d.start not in reported]
        reported = {d.start for d in found}
        found += [
            self._timeline_report(document, c)
            for c in clashes
            if c.signal == "spike" and c.expr.start not in reported
        ]
        return found

    def _timeline_report(self, document: Document, clash: Clash) -> Diagnostic:
        """A year the text's own timeline refutes, with its evidence and their lines."""
        expr = clash.expr
        (label, at), *others = clash.evidence
        message = f"{expr.text}, but {label} (line {document.position(at)[0]}) {clash.reason}"
        if clash.signal == "spike":  # the reason names the neighbours and their line
            message, others = f"{expr.text} {clash.reason}", []
        if others:
            seen = ", ".join(f"{t} (line {document.position(o)[0]})" for t, o in others[:2])
            message += f"; see {seen}"
        fix = None
        year = clash.pinned if clash.fixable else None
        if year is not None and expr.year_span is not None and not expr.chinese:
            start, end = expr.year_span
            fix = Fix.unsafe(f"replace {expr.year} with {year}", Edit(start, end, str(year)))
        severity = Severity.INFO if clash.note else None
        return self.report(expr.start, expr.end, message, fix=fix, severity=severity)

    def _findings(self, document: Document) -> Iterator[Diagnostic]:
        items = evidence(document, self.extensions)
        if not any(e.weight > 0 for e in items):
            return
        exprs = dates(document)
        folded = folded_dates(document)
        facts = line_facts(document)
        # Only a year after the earliest era an anchor can claim can ever be reported.
        judged = [
            e
            for e in exprs
            if (e.year or 0) > _EARLIEST and self._judgeable(document, facts, folded, e)
        ]
        if not judged:
            return
        meta, meta_where = page_date_kept(document)  # kept when a fix deleted its line
        # A site that rewrites years writes the year it republished the page (its metadata
        # year, else at most the present): a later year is a target, never a rewrite.
        cap = (meta.year if meta is not None else datetime.date.today().year) + 1
        judged = [e for e in judged if (e.year or 0) <= cap]
        tol = self.tolerance
        min_support = self.settings["min-support"]
        max_span = self.settings["max-span"]

        strong: list[tuple[Article, Era]] = []
        weak: list[tuple[Article, list[Evidence], list[DateExpr], list[DateExpr]]] = []
        substituted: dict[int, int] = {}  # metadata year → line where it was reported
        items = _undate_narrative(document, items, exprs)
        item_starts = [e.start for e in items]
        expr_starts = [e.start for e in exprs]
        judged_starts = [e.start for e in judged]
        for art in articles(document):
            own = _within(items, item_starts, art.start, art.end)
            arts_exprs = _within(exprs, expr_starts, art.start, art.end)
            cands = _within(judged, judged_starts, art.start, art.end)
            era = estimate(own)
            if era is None or not era.is_strong(min_support, max_span):
                since = [
                    e
                    for e in arts_exprs
                    if e.kind == "range"
                    and e.since
                    and e.year is not None
                    and facts.is_content(document.line_at(e.start), e.text)
                ]
                weak.append((art, own, cands, since))
                continue
            strong.append((art, era))
            cited, count = self._cite(document, era.agreeing)
            verb = "places" if count == 1 else "place"
            for c in self._beyond(era.hi + tol, cands, own):
                assert c.year is not None
                message = (
                    f"{c.text}, but {cited} {verb} this text in {era.years()}"
                    f"{self._meta_note(c.year, meta, meta_where)}"
                )
                yield self.report(c.start, c.end, message, fix=self._fix(c, era))
                if meta is not None and c.year == meta.year:
                    substituted.setdefault(c.year, document.position(c.start)[0])

        if not (self.settings["page-backing"] and substituted and strong and weak):
            return
        assert meta is not None
        page_lo = min(era.lo for _, era in strong)
        page_hi = max(era.hi for _, era in strong)
        page_first: dict[str, Evidence] = {}
        for e in sorted(
            (e for _, era in strong for e in era.agreeing), key=lambda e: (-e.weight, e.start)
        ):
            page_first.setdefault(e.anchor, e)
        page_cited, _ = self._cite(document, list(page_first.values()), 2)
        for _art, own, cands, since in weak:
            own_era = estimate(own)
            if own_era is None:
                continue  # nothing of its own places it before the year: not judged
            # (a since-range on the substituted year is a suspect, not evidence of lateness)
            since_years = [e.year for e in since if e.year not in substituted]
            floors = [y for y in (floor_of(own), *since_years) if y is not None]
            if max(floors, default=0) > page_hi + tol or own_era.lo > page_hi + tol:
                continue  # its own evidence says it is later than the page's era
            limit = max(page_hi, own_era.hi) + tol
            first: dict[str, Evidence] = {}
            for e in sorted(own, key=lambda e: (-e.weight, e.start)):
                first.setdefault(e.anchor, e)
            own_items = list(first.values())
            evident = [e for e in since if e.year not in substituted][:2]
            own_parts = [f"{e.text} (line {document.position(e.start)[0]})" for e in evident] + [
                f"{e.label} (line {document.position(e.start)[0]})" for e in own_items[:2]
            ]
            for c in self._beyond(limit, cands, own):
                if c.year not in substituted:
                    continue
                era_text = str(page_lo) if page_lo == page_hi else f"{page_lo}–{page_hi}"
                message = (
                    f"{c.text}, but this article's own evidence ({', '.join(own_parts)}) fits"
                    f" the page's other articles, which {page_cited} place in {era_text};"
                    f" {c.year} is the page's metadata year ({meta.key} {meta.text},"
                    f" {meta_where}), substituted for the original year at line"
                    f" {substituted[c.year]}"
                )
                yield self.report(c.start, c.end, message)
