"""The CSV/JSONL columns of a report, shared by import and export, and how cell values are read.

Import columns come first, in the order today's reporting systems export them; the
processing columns follow, so an export can be imported again without loss.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, time, timezone
from enum import StrEnum

from storage.timestamps import STOCKHOLM
from storage.vocabulary import Area, Consequence, Lagrum, ReportKind, ReportStatus, Source, TimePrecision

IMPORT_COLUMNS = (
    "reference", "occurred_at", "reported_at", "kind", "area", "unit", "severity", "status", "description",
)
REQUIRED_COLUMNS = ("occurred_at", "kind", "unit", "description")
PROCESSING_COLUMNS = (
    "secondary_areas", "immediate_action", "severe", "lex_sarah", "lex_maria", "given_by", "contact_wanted",
    "lagrum", "investigation", "cause", "action", "feedback", "assessed_at", "feedback_at", "closed_at",
    "source", "reporter", "occurred_precision",
)
ALL_COLUMNS = IMPORT_COLUMNS + PROCESSING_COLUMNS
TIME_COLUMNS = ("occurred_at", "reported_at", "assessed_at", "feedback_at", "closed_at")
FLAG_COLUMNS = ("severe", "lex_sarah", "lex_maria")


class CellError(ValueError):
    """A cell that cannot be read; the message is Swedish and shown to the user."""


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.strip().casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def parse_choice(value: str, choices: type[StrEnum], what: str) -> str:
    wanted = _plain(value)
    for choice in choices:
        if _plain(choice.value) == wanted:
            return choice.value
    allowed = ", ".join(c.value for c in choices)
    raise CellError(f"okänt värde för {what} ”{value.strip()}” (tillåtet: {allowed})")


def parse_precision(value: str) -> str:
    return parse_choice(value, TimePrecision, "tidens precision")


def parse_moment(value: str) -> datetime:
    """ISO date or date-time; a time without offset is Swedish local time.

    A bare date becomes midnight in Stockholm, so it keeps its date whatever the time zone.
    """
    text = value.strip()
    if not text:
        raise CellError("tomt datum")
    try:
        if len(text) == 10:
            moment = datetime.combine(date.fromisoformat(text), time.min)
        else:
            moment = datetime.fromisoformat(text.replace(" ", "T", 1) if "T" not in text else text)
    except ValueError:
        raise CellError(f"ogiltigt datum ”{text}” (skriv t.ex. 2024-03-05 eller 2024-03-05 14:10)") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=STOCKHOLM)
    return moment.astimezone(timezone.utc)


def format_moment(moment: datetime | None) -> str:
    return "" if moment is None else moment.astimezone(STOCKHOLM).isoformat(timespec="minutes")


_TRUE = {"ja", "j", "true", "1", "x", "yes"}
_FALSE = {"nej", "n", "false", "0", "", "no"}


def parse_flag(value: str, what: str) -> bool:
    plain = _plain(value)
    if plain in _TRUE:
        return True
    if plain in _FALSE:
        return False
    raise CellError(f"okänt värde för {what} ”{value.strip()}” (skriv ja eller nej)")


def format_flag(value: bool) -> str:
    return "ja" if value else "nej"


def parse_kind(value: str) -> str:
    return parse_choice(value, ReportKind, "kind")


def parse_area(value: str) -> str:
    return parse_choice(value, Area, "area")


def parse_consequence(value: str) -> str:
    return parse_choice(value, Consequence, "severity")


def parse_status(value: str) -> str:
    return parse_choice(value, ReportStatus, "status")


def parse_lagrum(value: str) -> str:
    """One or more of SoL, HSL, LSS, e.g. "HSL" or "SoL/HSL"."""
    parts = [p for p in value.replace(",", "/").replace("+", "/").split("/") if p.strip()]
    return "/".join(parse_choice(p, Lagrum, "lagrum") for p in parts)


def parse_source(value: str) -> str:
    return parse_choice(value, Source, "source")


def parse_areas(value: str) -> list[str]:
    return [parse_area(p) for p in value.split("|") if p.strip()]
