"""Times in Swedish, as staff say them: "i dag kl 14.30", "i går kl 03.10", "5 mars 2026 kl 07.00"."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

STOCKHOLM = ZoneInfo("Europe/Stockholm")
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december"]


def format_date(day) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def format_moment(moment: datetime, now: datetime | None = None) -> str:
    local = moment.astimezone(STOCKHOLM)
    clock = f"kl {local:%H.%M}"
    if now is not None:
        today = now.astimezone(STOCKHOLM).date()
        if local.date() == today:
            return f"i dag {clock}"
        if local.date() == today - timedelta(days=1):
            return f"i går {clock}"
    return f"{format_date(local.date())} {clock}"


# How a part of the day is said after "i går" ("i går kväll"), on its own for today ("i morse"), and after
# an older date ("8 mars 2026 på kvällen"). The names are those of rules/time_words.toml.
_PART_YESTERDAY = {"morse": "morse", "formiddag": "förmiddag", "lunch": "vid lunch", "middag": "vid middag",
                   "eftermiddag": "eftermiddag", "kvall": "kväll"}
_PART_TODAY = {"morse": "i morse", "formiddag": "i förmiddags", "lunch": "i dag vid lunch",
               "middag": "i dag vid middag", "eftermiddag": "i eftermiddags", "kvall": "i kväll"}
_PART_OLDER = {"morse": "på morgonen", "formiddag": "på förmiddagen", "lunch": "vid lunch", "middag": "vid middag",
               "eftermiddag": "på eftermiddagen", "kvall": "på kvällen"}
UNKNOWN_TIME = "tid okänd"


def _day_words(day, today) -> str:
    if day == today:
        return "i dag"
    if day == today - timedelta(days=1):
        return "i går"
    return format_date(day)


def format_said_moment(moment: datetime, precision: str | None, now: datetime) -> str:
    """As much of a moment as was said (storage.vocabulary.TimePrecision): the clock time when it was ("i går kl
    22.00"), else only the day, part of the day or week ("i går", "i natt", "i går kväll", "vecka 10") - never
    the conventional hour it is stored at."""
    if precision is None:
        return format_moment(moment, now)
    if precision == "okand":
        return UNKNOWN_TIME
    day, today = moment.astimezone(STOCKHOLM).date(), now.astimezone(STOCKHOLM).date()
    if precision == "vecka":  # stored on its Monday
        return f"vecka {day.isocalendar().week}"
    if precision == "natt":  # a night is stored on its morning side
        return "i natt" if day == today else "natten mot " + _day_words(day, today)
    if precision in _PART_TODAY:
        if day == today:
            return _PART_TODAY[precision]
        if day == today - timedelta(days=1):
            return f"i går {_PART_YESTERDAY[precision]}"
        return f"{format_date(day)} {_PART_OLDER[precision]}"
    return _day_words(day, today)


def format_occurred(moment: datetime, precision: str | None, now: datetime) -> str:
    """A stored report's time as said, marked when only the day, part of day or week is known."""
    said = format_said_moment(moment, precision, now)
    return said if precision in (None, "okand") else f"{said} (ungefär)"
