"""Indicator values: upsert keyed on (indicator, period, scope) and reading series back."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, select

from storage.indicators.periods import period_sort_key
from storage.models import IndicatorValue
from storage.timestamps import utc_now

MUNICIPALITY = "kommun"


@dataclass(frozen=True)
class NewValue:
    indicator_id: str
    period: str
    scope: str
    value: float | None
    source: str


@dataclass
class UpsertCounts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def written(self) -> int:
        return self.created + self.updated


def upsert_indicator_values(*, session: Session, values: Iterable[NewValue],
                            now: datetime | None = None) -> UpsertCounts:
    """Insert new values and update changed ones; the same input twice changes nothing.

    Existing rows of the indicators involved are read in one query, so thousands of values
    cost one select and one flush.
    """
    rows = list(values)
    counts = UpsertCounts()
    if not rows:
        return counts
    ids = sorted({r.indicator_id for r in rows})
    query = select(IndicatorValue).where(IndicatorValue.indicator_id.in_(ids))  # type: ignore[attr-defined]
    existing = {(v.indicator_id, v.period, v.scope): v for v in session.exec(query)}
    at = now or utc_now()
    for row in rows:
        key = (row.indicator_id, row.period, row.scope)
        current = existing.get(key)
        if current is None:
            current = IndicatorValue(indicator_id=row.indicator_id, period=row.period, scope=row.scope,
                                     value=row.value, source=row.source, recorded_at=at)
            existing[key] = current
            session.add(current)
            counts.created += 1
        elif current.value != row.value or current.source != row.source:
            current.value, current.source, current.recorded_at = row.value, row.source, at
            session.add(current)
            counts.updated += 1
        else:
            counts.unchanged += 1
    session.flush()
    return counts


def value_series(*, session: Session, indicator_id: str, scope: str = MUNICIPALITY) -> list[IndicatorValue]:
    """All known (non-missing) values of one indicator for one scope, oldest first."""
    rows = session.exec(select(IndicatorValue).where(
        IndicatorValue.indicator_id == indicator_id, IndicatorValue.scope == scope,
        IndicatorValue.value.is_not(None)))  # type: ignore[union-attr]
    return sorted(rows, key=lambda v: period_sort_key(v.period))


def value_series_by_indicator(*, session: Session, scope: str = MUNICIPALITY) -> dict[str, list[IndicatorValue]]:
    """Every indicator's known values for one scope, oldest first, in one query."""
    out: dict[str, list[IndicatorValue]] = {}
    rows = session.exec(select(IndicatorValue).where(IndicatorValue.scope == scope,
                                                     IndicatorValue.value.is_not(None)))  # type: ignore[union-attr]
    for row in rows:
        out.setdefault(row.indicator_id, []).append(row)
    for series in out.values():
        series.sort(key=lambda v: period_sort_key(v.period))
    return out


def scopes_with_values(*, session: Session) -> list[str]:
    return sorted(session.exec(select(IndicatorValue.scope).distinct()))
