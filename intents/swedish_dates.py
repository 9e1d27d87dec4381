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
