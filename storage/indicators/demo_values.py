"""Realistic demo values for the imported indicators (the computed ones come from demo reports).

Each indicator follows a gentle trend from a start to an end value with a little noise, over
the last whole periods before `today`: 8 months, 6 quarters or 4 years. A few end off target
(riskbedömning fall and nutrition, nöjdhet hemtjänst, personalkontinuitet) so that the
status answer has something to point at. Same `today`, same values: safe to run again.
"""

from __future__ import annotations

import random
from datetime import date

from sqlmodel import Session

from storage.indicators.definitions import IndicatorSpec, load_indicator_catalog, sync_indicator_definitions
from storage.indicators.periods import previous_periods
from storage.indicators.values import MUNICIPALITY, NewValue, UpsertCounts, upsert_indicator_values

DEMO_SOURCE = "demo"
PERIODS = {"månad": 8, "kvartal": 6, "år": 4}
# indicator id -> (first value, last value, noise)
PROFILES: dict[str, tuple[float, float, float]] = {
    "senior_alert_fall": (83.0, 78.0, 1.5),
    "senior_alert_trycksar": (87.0, 92.0, 1.0),
    "senior_alert_nutrition": (75.0, 84.0, 1.5),
    "aktuell_genomforandeplan": (89.0, 97.0, 1.0),
    "nojdhet_hemtjanst": (84.0, 80.0, 0.8),
    "nojdhet_sabo": (80.0, 85.0, 0.8),
    "bemotande_hemtjanst": (94.0, 96.0, 0.5),
    "personalkontinuitet": (16.0, 14.0, 0.6),
    "tid_till_besok_efter_larm": (33.0, 24.0, 2.0),
    "ofrivillig_nattfasta": (15.0, 8.0, 1.0),
    "lakemedelsgenomgang": (84.0, 91.0, 1.0),
}


def _fallback_profile(spec: IndicatorSpec) -> tuple[float, float, float]:
    target = spec.target if spec.target is not None else 80.0
    return target * 0.95, target * (1.02 if spec.higher_is_better else 0.98), target * 0.01


def demo_series(spec: IndicatorSpec, today: date) -> list[NewValue]:
    periods = previous_periods(today, spec.frequency, PERIODS[spec.frequency])
    first, last, noise = PROFILES.get(spec.id) or _fallback_profile(spec)
    rng = random.Random(spec.id)
    out: list[NewValue] = []
    for index, period in enumerate(periods):
        trend = first + (last - first) * index / max(len(periods) - 1, 1)
        value = trend if index == len(periods) - 1 else trend + rng.uniform(-noise, noise)
        if spec.unit == "%":
            value = round(min(max(value, 0.0), 100.0), 1)
        else:
            value = float(round(value))
        out.append(NewValue(spec.id, period, MUNICIPALITY, value, DEMO_SOURCE))
    return out


def create_demo_indicator_values(*, session: Session, today: date,
                                 specs: list[IndicatorSpec] | None = None) -> UpsertCounts:
    """Definitions synced and demo values upserted for every imported indicator."""
    specs = specs if specs is not None else load_indicator_catalog()
    sync_indicator_definitions(session=session, specs=specs)
    values = [v for spec in specs if spec.source == "imported" for v in demo_series(spec, today)]
    return upsert_indicator_values(session=session, values=values)
