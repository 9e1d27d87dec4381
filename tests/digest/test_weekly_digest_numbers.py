"""Veckosammanfattningens siffror stämmer med en egen räkning i fixturfilen (efter händelsedatum, svensk tid)."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime, timedelta

import pytest

from intents.digest.hsl_areas import FALL, LAKEMEDEL
from intents.digest.iso_weeks import IsoWeek, last_full_week
from intents.digest.weekly_digest import build_weekly_digest
from storage.database import session_scope
from storage.units import get_unit_by_name

# an ordinary week, the week summer time ends, and a week across the new year
WEEKS = ["2025-W47", "2025-W44", "2025-W01"]


def _in(rows, start: date, end: date, kind: str = "avvikelse", unit: str | None = None):
    return [r for r in rows if start <= r.day <= end and r.kind == kind and (unit is None or r.unit == unit)]


def _expected(rows, week: IsoWeek, unit: str | None = None):
    before = week.before(4)
    now = _in(rows, week.monday, week.sunday, unit=unit)
    earlier = _in(rows, before[0].monday, before[-1].sunday, unit=unit)
    return now, earlier


@pytest.mark.parametrize("label", WEEKS)
def test_avvikelser_per_omrade_och_enhet_mot_snittet_av_fyra_veckor(imported, fixture_rows, label):
    week = IsoWeek.parse(label)
    now, earlier = _expected(fixture_rows, week)
    with session_scope(imported) as session:
        figures = build_weekly_digest(session=session, week=week).figures

    assert figures.avvikelser.count == len(now)
    assert figures.avvikelser.mean_before == pytest.approx(len(earlier) / 4)
    area_now, area_before = Counter(r.area for r in now), Counter(r.area for r in earlier)
    for row in figures.by_area:
        assert (row.count, row.mean_before) == (area_now[row.name], pytest.approx(area_before[row.name] / 4))
    unit_now, unit_before = Counter(r.unit for r in now), Counter(r.unit for r in earlier)
    assert {r.name: r.count for r in figures.by_unit if r.count} == dict(unit_now)
    assert {r.name: r.mean_before * 4 for r in figures.by_unit if r.mean_before} == pytest.approx(dict(unit_before))


@pytest.mark.parametrize("label", WEEKS)
def test_synpunkter_allvarliga_ej_bedomda_och_utan_aterkoppling(imported, fixture_rows, label):
    week = IsoWeek.parse(label)
    with session_scope(imported) as session:
        figures = build_weekly_digest(session=session, week=week).figures

    assert figures.synpunkter.count == len(_in(fixture_rows, week.monday, week.sunday, kind="synpunkt"))
    serious = [r for r in fixture_rows if week.monday <= r.day <= week.sunday and r.severity == "allvarlig"]
    assert figures.serious_total == len(serious)
    assert {s.reference for s in figures.serious} <= {r.reference for r in serious}

    week_end = datetime.combine(week.sunday + timedelta(days=1), datetime.min.time())
    open_avvikelser = [r for r in fixture_rows if r.kind == "avvikelse" and r.status in {"ny", "utreds"}]
    for days in (7, 14, 30):
        expected = sum(1 for r in open_avvikelser if r.reported < week_end - timedelta(days=days))
        assert figures.unassessed_older_than[days] == expected

    first = week.shifted(-11).monday
    closed = _in(fixture_rows, first, week.sunday)
    assert figures.without_feedback == sum(1 for r in closed if r.status in ("åtgärdad", "avslutad"))


def test_tolv_veckor_per_omrade_till_diagrammet(imported, fixture_rows):
    week = IsoWeek.parse("2025-W47")
    with session_scope(imported) as session:
        digest = build_weekly_digest(session=session, week=week)
    assert [w.label for w, _ in digest.figures.series][-1] == "2025-W47"
    assert len(digest.figures.series) == 12
    for w, counts in digest.figures.series:
        assert counts == dict(Counter(r.area for r in _in(fixture_rows, w.monday, w.sunday)))
    assert digest.chart_png.startswith(b"\x89PNG")
    assert digest.chart_name == "veckosammanfattning-2025-W47.png"


def test_hsl_omradena_summerar_till_alla_avvikelser(imported, fixture_rows):
    week = IsoWeek.parse("2025-W47")
    now, _ = _expected(fixture_rows, week)
    with session_scope(imported) as session:
        figures = build_weekly_digest(session=session, week=week).figures
    hsl = {r.name: r.count for r in figures.by_hsl_area}
    assert sum(hsl.values()) == len(now)
    assert hsl[FALL] == sum(1 for r in now if r.area == "fall")
    assert hsl[LAKEMEDEL] == sum(1 for r in now if r.area == "läkemedel")


def test_en_enhets_sammanfattning_raknar_bara_enheten(imported, fixture_rows):
    week = IsoWeek.parse("2025-W47")
    now, earlier = _expected(fixture_rows, week, unit="Björkhagen")
    with session_scope(imported) as session:
        unit = get_unit_by_name(session=session, name="Björkhagen")
        digest = build_weekly_digest(session=session, week=week, unit_ids=[unit.id], scope_name=unit.name)
    assert digest.figures.avvikelser.count == len(now)
    assert digest.figures.avvikelser.mean_before == pytest.approx(len(earlier) / 4)
    assert digest.text.startswith("📋 Veckosammanfattning för Björkhagen – vecka 47, 17–23 november 2025")
    assert "Per enhet:" not in digest.text


def test_texten_visar_siffrorna_med_pilar(imported, fixture_rows):
    week = last_full_week(date(2025, 11, 24))
    now, earlier = _expected(fixture_rows, week)
    with session_scope(imported) as session:
        text = build_weekly_digest(session=session, week=week).text
    mean = f"{len(earlier) / 4:.1f}".rstrip("0").rstrip(".").replace(".", ",")
    assert f"Avvikelser totalt: {len(now)} (snitt {mean})" in text
    for heading in ("Per område:", "Per enhet:", "Per HSL-område (MAS):", "Synpunkter:",
                    "Allvarliga händelser och möjliga lex Sarah/lex Maria", "Ej bedömda avvikelser",
                    "Utan återkoppling"):
        assert heading in text
    assert any(arrow in text for arrow in "↑↓→")
