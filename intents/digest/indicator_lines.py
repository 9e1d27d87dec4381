"""Indicators under their target, as digest lines (from the indicator answers)."""

from __future__ import annotations

import logging
from pathlib import Path

from sqlmodel import Session

from storage.indicators.definitions import IndicatorDefinitionError, load_indicator_catalog

log = logging.getLogger(__name__)


def off_target_lines(indicators_file: Path | None):
    """A function session → one line per indicator whose latest value misses its target (none if the file is missing)."""

    def lines(session: Session) -> list[str]:
        from intents.indicator_answers import off_target, status_line

        try:
            catalog = load_indicator_catalog(indicators_file)
        except (FileNotFoundError, IndicatorDefinitionError):
            log.warning("indicator file %s could not be read; digest without indicators", indicators_file)
            return []
        return [status_line(status) for status in off_target(session, catalog=catalog)]

    return lines
