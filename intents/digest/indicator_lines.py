"""Indicators under their target, as digest lines (from the indicator answers)."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session

from storage.indicators.definitions import IndicatorDefinitionError, load_indicator_catalog
from storage.units import units_by_ids

log = logging.getLogger(__name__)


def off_target_lines(indicators_file: Path | None):
    """A function (session, unit_ids) → one line per indicator whose latest value misses its target (none if
    the file is missing): the municipality's for every unit (None), else each of the units' own, named."""

    def lines(session: Session, unit_ids: Sequence[int] | None = None) -> list[str]:
        from intents.indicator_answers import off_target, status_line

        try:
            catalog = load_indicator_catalog(indicators_file)
        except (FileNotFoundError, IndicatorDefinitionError):
            log.warning("indicator file %s could not be read; digest without indicators", indicators_file)
            return []
        if unit_ids is None:
            return [status_line(status) for status in off_target(session, catalog=catalog)]
        return [status_line(status, f"{status.definition.name} ({unit.name})")
                for unit in units_by_ids(session=session, unit_ids=unit_ids)
                for status in off_target(session, catalog=catalog, scope=unit.name)]

    return lines
