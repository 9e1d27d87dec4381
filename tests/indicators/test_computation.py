"""Beräknade indikatorer: samma siffror som en oberoende räkning över de rader testet lägger in."""

from __future__ import annotations

import random
from collections import defaultdict
from datetime import date, timedelta, timezone
from statistics import median

from sqlmodel import select

from storage.database import session_scope
from storage.indicators.computation import COMPUTED_SOURCE, compute_indicator_values
from storage.indicators.definitions import sync_indicator_definitions
from storage.models import IndicatorValue, Report, Unit
from storage.timestamps import STOCKHOLM
from tests.indicators.helpers import add_report, local

TODAY = date(2026, 4, 15)  # March 2026 is the last whole month


def stored(session) -> dict[tuple[str, str, str], float]:
    return {(v.indicator_id, v.period, v.scope): v.value for v in session.exec(select(IndicatorValue))}


def month(moment) -> str:
    local_moment = moment.astimezone(STOCKHOLM)
    return f"{local_moment.year}-{local_moment.month:02d}"


def filled(text) -> bool:
    return bool(text and text.strip())


def expected_values(reports: list[Report], unit_names: dict[int, str]) -> dict[tuple[str, str, str], float]:
    """The definitions from the module docstring, written out the slow and obvious way."""
    last = "2026-03"
    out: dict[tuple[str, str, str], float] = {}
    by_scope: dict[str, list[Report]] = defaultdict(list)
    for r in reports:
        if r.kind == "avvikelse":
            by_scope["kommun"].append(r)
            by_scope[unit_names[r.unit_id]].append(r)
    for scope, rows in by_scope.items():
        first = min(min(month(r.occurred_at), month(r.reported_at)) for r in rows)
        year, mon = int(first[:4]), int(first[5:])
        while f"{year}-{mon:02d}" <= last:
            m = f"{year}-{mon:02d}"
            falls = sum(1 for r in rows if r.area == "fall" and month(r.occurred_at) == m)
            out[("fallavvikelser", m, scope)] = float(falls)
            reported = [r for r in rows if month(r.reported_at) == m]
            if reported:
                def in_time(r):
                    deadline = r.reported_at + timedelta(days=14)
                    if r.assessed_at is not None:
                        return r.assessed_at <= deadline
                    if not any(filled(x) for x in (r.lagrum, r.investigation, r.cause, r.action)):
                        return False
                    return min(t for t in (r.feedback_at, r.closed_at, r.updated_at) if t) <= deadline
                n = len(reported)
                out[("bedomda_inom_14_dagar", m, scope)] = round(100 * sum(map(in_time, reported)) / n, 1)
                out[("avvikelser_med_atgard", m, scope)] = round(100 * sum(filled(r.action) for r in reported) / n, 1)
                out[("avvikelser_med_aterkoppling", m, scope)] = round(
                    100 * sum(filled(r.feedback) or r.feedback_at is not None for r in reported) / n, 1)
            closed = [r for r in rows if r.closed_at is not None and month(r.closed_at) == m]
            if closed:
                out[("dagar_till_avslut", m, scope)] = round(median(
                    max((r.closed_at - r.reported_at).total_seconds(), 0) / 86400 for r in closed), 1)
            year, mon = (year + 1, 1) if mon == 12 else (year, mon + 1)
    return out


def insert_known_cases(session) -> None:
    # January, Solgården: a fall assessed in time, with action, feedback and closure
    add_report(session, unit="Solgården", area="fall", reported_at=local(2026, 1, 10, 10),
               assessed_at=local(2026, 1, 20, 9), action="Larmmatta", feedback="Tack!",
               closed_at=local(2026, 1, 30, 10))
    # 31 Jan 23:30 UTC is 1 Feb 00:30 in Stockholm: a February fall, assessed too late
    late = local(2026, 1, 31, 23, 30).replace(tzinfo=timezone.utc)
    add_report(session, unit="Solgården", area="fall", reported_at=late, assessed_at=late + timedelta(days=15),
               feedback_at=late + timedelta(days=3), closed_at=local(2026, 3, 5, 12))
    # imported history: lagrum set, no assessed_at, last touched within 14 days -> in time
    add_report(session, unit="Björkhagen", area="läkemedel", reported_at=local(2026, 2, 5, 9), lagrum="SoL",
               action="   ", updated_at=local(2026, 2, 10, 9))
    # cause set but last touched long after: cannot be shown to be in time
    add_report(session, unit="Björkhagen", area="läkemedel", reported_at=local(2026, 2, 6, 9), cause="rutin",
               updated_at=local(2026, 3, 30, 9), closed_at=local(2026, 2, 25, 9))
    add_report(session, unit="Björkhagen", area="fall", reported_at=local(2026, 3, 3, 7))
    # exactly 14 days counts
    add_report(session, unit="Solgården", reported_at=local(2026, 3, 1, 8), assessed_at=local(2026, 3, 15, 8))
    # synpunkter never count, the running month is not computed
    add_report(session, unit="Solgården", kind="synpunkt", area="fall", reported_at=local(2026, 2, 2, 9),
               action="x", feedback="y", assessed_at=local(2026, 2, 3, 9))
    add_report(session, unit="Solgården", area="fall", reported_at=local(2026, 4, 2, 9))


def compute(engine, catalog):
    with session_scope(engine) as session:
        sync_indicator_definitions(session=session, specs=catalog)
        return compute_indicator_values(session=session, today=TODAY)


def test_kanda_fall_raknas_ratt_pa_manad_i_svensk_tid(engine, catalog):
    with session_scope(engine) as session:
        insert_known_cases(session)
    compute(engine, catalog)
    with session_scope(engine) as session:
        values = stored(session)
    assert values[("fallavvikelser", "2026-01", "kommun")] == 1
    assert values[("fallavvikelser", "2026-02", "kommun")] == 1  # the 31 Jan 23:30 UTC fall
    assert values[("fallavvikelser", "2026-03", "Björkhagen")] == 1
    assert values[("fallavvikelser", "2026-02", "Björkhagen")] == 0  # a month without falls is 0, not missing
    assert ("fallavvikelser", "2026-01", "Björkhagen") not in values  # before the unit's first avvikelse
    assert ("fallavvikelser", "2026-04", "kommun") not in values  # running month
    # February: 3 avvikelser reported (late fall, lagrum in time, cause unknown) -> 1 of 3 in time
    assert values[("bedomda_inom_14_dagar", "2026-02", "kommun")] == 33.3
    assert values[("avvikelser_med_atgard", "2026-02", "kommun")] == 0.0  # blank action is no action
    assert values[("avvikelser_med_aterkoppling", "2026-02", "kommun")] == 33.3  # feedback_at alone counts
    assert values[("bedomda_inom_14_dagar", "2026-03", "Solgården")] == 100.0  # exactly 14 days
    assert values[("dagar_till_avslut", "2026-01", "kommun")] == 20.0
    assert values[("dagar_till_avslut", "2026-02", "Björkhagen")] == 19.0
    assert ("bedomda_inom_14_dagar", "2026-01", "Björkhagen") not in values  # nothing reported: no value


def test_slumpade_rapporter_ger_samma_varden_som_oberoende_rakning(engine, catalog):
    rng = random.Random(5)
    with session_scope(engine) as session:
        start = local(2025, 6, 1, 0)
        for _ in range(400):
            reported = start + timedelta(minutes=rng.randrange(0, 60 * 24 * 300))
            processing = {}
            if rng.random() < 0.6:
                processing["assessed_at"] = reported + timedelta(hours=rng.randrange(1, 24 * 30))
            elif rng.random() < 0.5:
                processing["lagrum"] = "HSL"
                processing["updated_at"] = reported + timedelta(hours=rng.randrange(1, 24 * 30))
            if rng.random() < 0.5:
                processing["action"] = rng.choice(["Ny rutin", "", " "])
            if rng.random() < 0.4:
                processing["feedback"] = "Återkopplat"
            if rng.random() < 0.5:
                processing["closed_at"] = reported + timedelta(hours=rng.randrange(1, 24 * 60))
            add_report(session, unit=rng.choice(["Solgården", "Björkhagen", "Hemtjänst Norr"]),
                       area=rng.choice(["fall", "fall", "läkemedel", "övrigt"]),
                       kind=rng.choice(["avvikelse"] * 4 + ["synpunkt"]),
                       occurred_at=reported - timedelta(hours=rng.randrange(0, 72)), reported_at=reported,
                       **processing)
    compute(engine, catalog)
    with session_scope(engine) as session:
        reports = list(session.exec(select(Report)))
        units = {u.id: u.name for u in session.exec(select(Unit))}
        assert stored(session) == expected_values(reports, units)
        sources = {v.source for v in session.exec(select(IndicatorValue))}
    assert sources == {COMPUTED_SOURCE}


def test_ny_berakning_ar_idempotent_och_tar_bort_inaktuella_varden(engine, catalog):
    with session_scope(engine) as session:
        insert_known_cases(session)
    first = compute(engine, catalog)
    assert first.counts.created > 0
    again = compute(engine, catalog)
    assert again.counts.written == 0 and again.removed == 0
    with session_scope(engine) as session:
        for report in session.exec(select(Report).where(Report.closed_at.is_not(None))):
            report.closed_at = None
            session.add(report)
    third = compute(engine, catalog)
    assert third.removed >= 3
    with session_scope(engine) as session:
        assert not [k for k in stored(session) if k[0] == "dagar_till_avslut"]
