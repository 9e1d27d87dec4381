"""Demovärden: rimliga nivåer för de importerade indikatorerna, några under målet, samma varje gång."""

from __future__ import annotations

from datetime import date

from sqlmodel import select

from intents.indicator_answers import off_target
from storage.database import session_scope
from storage.indicators.demo_values import create_demo_indicator_values
from storage.models import IndicatorValue

TODAY = date(2026, 3, 10)


def test_demovarden_ar_rimliga_och_nagra_missar_malet(engine, catalog):
    with session_scope(engine) as session:
        counts = create_demo_indicator_values(session=session, today=TODAY, specs=catalog)
    assert counts.created > 0
    with session_scope(engine) as session:
        rows = list(session.exec(select(IndicatorValue)))
        by_id: dict[str, list[IndicatorValue]] = {}
        for row in rows:
            by_id.setdefault(row.indicator_id, []).append(row)
        imported = {s.id for s in catalog if s.source == "imported"}
        assert set(by_id) == imported
        assert all(4 <= len(series) <= 8 for series in by_id.values())
        for indicator in ("senior_alert_fall", "senior_alert_trycksar", "senior_alert_nutrition"):
            assert all(74 <= v.value <= 93 for v in by_id[indicator])
        assert all(85 <= v.value <= 99 for v in by_id["aktuell_genomforandeplan"])
        assert all(78 <= v.value <= 86 for v in by_id["nojdhet_hemtjanst"] + by_id["nojdhet_sabo"])
        assert all(12 <= v.value <= 16 for v in by_id["personalkontinuitet"])
        assert max(v.period for v in by_id["senior_alert_fall"]) == "2025-Q4"  # last whole quarter
        missing = {s.definition.id for s in off_target(session, catalog=catalog)}
        assert 2 <= len(missing) <= 5
    with session_scope(engine) as session:
        again = create_demo_indicator_values(session=session, today=TODAY, specs=catalog)
    assert again.written == 0
