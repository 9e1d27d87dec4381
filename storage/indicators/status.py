"""Where each indicator stands: latest value, the one before, and whether the target is met."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlmodel import Session

from storage.indicators.values import MUNICIPALITY, value_series_by_indicator
from storage.models import IndicatorDefinition, IndicatorValue


@dataclass(frozen=True)
class IndicatorStatus:
    definition: IndicatorDefinition
    scope: str
    series: tuple[IndicatorValue, ...] = field(default_factory=tuple)  # known values, oldest first

    @property
    def latest(self) -> IndicatorValue | None:
        return self.series[-1] if self.series else None

    @property
    def previous(self) -> IndicatorValue | None:
        return self.series[-2] if len(self.series) > 1 else None

    @property
    def change(self) -> float | None:
        if self.latest is None or self.previous is None:
            return None
        return self.latest.value - self.previous.value  # type: ignore[operator]

    @property
    def met(self) -> bool | None:
        """None when there is no value or no target."""
        return target_met(self.definition, self.latest.value if self.latest else None)


def target_met(definition: IndicatorDefinition, value: float | None) -> bool | None:
    if value is None or definition.target is None:
        return None
    return value >= definition.target if definition.higher_is_better else value <= definition.target


def indicator_statuses(*, session: Session, definitions: Sequence[IndicatorDefinition],
                       scope: str = MUNICIPALITY) -> list[IndicatorStatus]:
    """One status per definition, in the given order (one query for all values)."""
    series = value_series_by_indicator(session=session, scope=scope)
    return [IndicatorStatus(d, scope, tuple(series.get(d.id, ()))) for d in definitions]
