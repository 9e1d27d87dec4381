"""The one wording of an immediate alert about a flagged report (sent at save time or by the sweep)."""

from __future__ import annotations

from datetime import datetime

from intents.swedish_dates import format_moment

SUMMARY_CHARS = 300


def alert_text(*, reference: str, unit_name: str, area_label: str, occurred: datetime | None, now: datetime,
               description: str, severe: bool, lex_sarah: bool, lex_maria: bool) -> str:
    reasons = [name for name, on in (("allvarlig händelse", severe), ("möjlig lex Sarah", lex_sarah),
                                     ("möjlig lex Maria", lex_maria)) if on]
    when = format_moment(occurred, now) if occurred else "okänd tid"
    summary = " ".join(description.split())[:SUMMARY_CHARS]
    return (f"⚠️ {reference}: {' och '.join(reasons)} på {unit_name} ({area_label.lower()}, {when}).\n"
            f"”{summary}”\n"
            "Boten flaggar bara – ni bedömer.")
