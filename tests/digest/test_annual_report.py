"""Årsstatistiken till kvalitetsberättelsen: siffrorna stämmer med fixturfilen, HTML:en är giltig och fristående."""

from __future__ import annotations

import base64
from collections import Counter
from html.parser import HTMLParser

from datetime import datetime, timedelta

from sqlmodel import select

from intents.annual_report.annual_document import build_annual_document, change
from intents.annual_report.annual_figures import Row, build_annual_figures
from intents.annual_report.annual_html import render_html
from intents.annual_report.annual_markdown import write_markdown
from storage.database import session_scope
from storage.models import Report
from storage.timestamps import STOCKHOLM


def _count(rows, year: int, kind: str, key):
    return Counter(key(r) for r in rows if r.day.year == year and r.kind == kind)


def test_per_omrade_enhet_och_manad_med_aret_fore(imported, fixture_rows):
    with session_scope(imported) as session:
        figures = build_annual_figures(session=session, year=2025)
    for rows, key in ((figures.avvikelser_by_area, lambda r: r.area), (figures.avvikelser_by_unit, lambda r: r.unit),
                      (figures.avvikelser_by_month, lambda r: str(r.day.month))):
        now, before = _count(fixture_rows, 2025, "avvikelse", key), _count(fixture_rows, 2024, "avvikelse", key)
        assert {r.name: r.this_year for r in rows if r.this_year} == dict(now)
        assert {r.name: r.last_year for r in rows if r.last_year} == dict(before)
    per_year = Counter(r.day.year for r in fixture_rows if r.kind == "avvikelse")
    assert figures.avvikelser == Row("Avvikelser", per_year[2025], per_year[2024])
    syn = _count(fixture_rows, 2025, "synpunkt", lambda r: r.area)
    assert figures.synpunkter.this_year == sum(syn.values())
    assert {r.name: r.this_year for r in figures.synpunkter_by_area if r.this_year} == dict(syn)
    assert figures.severe.this_year == sum(1 for r in fixture_rows if r.day.year == 2025 and r.severity == "allvarlig")
    closed = sum(1 for r in fixture_rows if r.day.year == 2025 and r.kind == "avvikelse" and r.status == "avslutad")
    assert figures.completeness.closed == closed
    assert figures.completeness.total == figures.avvikelser.this_year


def test_hanteringsgrad_och_mediantid_till_avslut(imported):
    with session_scope(imported) as session:
        reports = session.exec(select(Report).where(Report.kind == "avvikelse", Report.occurred_at >= datetime(
            2025, 3, 1, tzinfo=STOCKHOLM)).order_by(Report.occurred_at).limit(3)).all()
        for days, report in zip((2, 4, 30), reports):
            report.investigation, report.cause, report.lagrum = "utredd", "processer och rutiner", "HSL"
            report.action = "arbetsplatsdiskussion" if days < 30 else None
            report.feedback = "tack" if days == 2 else None
            report.closed_at = report.reported_at + timedelta(days=days)
            session.add(report)
    with session_scope(imported) as session:
        figures = build_annual_figures(session=session, year=2025)
    c = figures.completeness
    assert (c.assessed, c.investigated, c.with_cause, c.with_action, c.with_feedback) == (3, 3, 3, 2, 1)
    assert figures.median_days_to_closure == 4
    assert figures.closures_with_date == 3
    text = "\n".join(p for s in build_annual_document(figures).sections for p in s.paragraphs)
    assert "hälften av avvikelserna var avslutade inom 4 dagar (median)" in text


def test_forandring_i_ord_och_procent():
    assert change(Row("x", 110, 100)) == "+10 (+10 %)"
    assert change(Row("x", 90, 100)) == "−10 (−10 %)"
    assert change(Row("x", 5, 0)) == "+5"
    assert change(Row("x", 7, 7)) == "oförändrat"


class _Checker(HTMLParser):
    VOID = {"meta", "img", "br", "hr", "link", "input"}

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.images: list[str] = []
        self.tables = 0

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append(dict(attrs)["src"])
        if tag == "table":
            self.tables += 1
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(f"</{tag}> closes nothing open")


def test_html_ar_giltig_och_diagrammen_ligger_i_filen(imported):
    with session_scope(imported) as session:
        html = render_html(build_annual_document(build_annual_figures(session=session, year=2025)))
    checker = _Checker()
    checker.feed(html)
    checker.close()
    assert html.startswith("<!DOCTYPE html>")
    assert checker.errors == [] and checker.stack == []
    assert checker.tables >= 7
    assert len(checker.images) == 4
    for src in checker.images:
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1]).startswith(b"\x89PNG")
    assert "http://" not in html and "https://" not in html
    assert "<td>Fall</td><td class=\"num\">" in html


def test_markdown_skrivs_med_diagram_bredvid(imported, tmp_path):
    with session_scope(imported) as session:
        document = build_annual_document(build_annual_figures(session=session, year=2025))
    written = write_markdown(document, tmp_path / "rapport" / "statistik-2025.md")
    text = written[0].read_text(encoding="utf-8")
    assert len(written) == 5
    for png in written[1:]:
        assert png.parent == written[0].parent and png.read_bytes().startswith(b"\x89PNG")
        assert f"]({png.name})" in text
    assert "| Område | 2025 | 2024 | Förändring |" in text
