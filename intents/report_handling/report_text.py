"""Reports as short Swedish text: a line in a queue, a whole report with its history."""

from __future__ import annotations

from datetime import datetime

from intents.swedish_dates import MONTHS, STOCKHOLM, format_moment
from nlp_models.personal_data.masking import mask_personal_data
from storage.report_queries import HistoryLine, QueuedReport, ReportInContext

SHORT_DESCRIPTION = 60
HISTORY_LINES = 8
FIELD_LABELS = {
    "status": "status", "area": "område", "lagrum": "lagrum", "investigation": "utredning",
    "cause": "orsak", "action": "åtgärd", "feedback": "återkoppling", "related": "kopplad till",
}


def short_description(text: str, limit: int = SHORT_DESCRIPTION) -> str:
    text = " ".join(mask_personal_data(text or "").text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] or text[:limit]
    return cut.rstrip(" ,.;:") + " …"


def days(n: int) -> str:
    if n == 0:
        return "i dag"
    return "1 dag" if n == 1 else f"{n} dagar"


def short_date(moment: datetime, now: datetime) -> str:
    """"3 mars", with the year when it is not this year."""
    local = moment.astimezone(STOCKHOLM)
    text = f"{local.day} {MONTHS[local.month - 1]}"
    return text if local.year == now.astimezone(STOCKHOLM).year else f"{text} {local.year}"


def queue_line(item: QueuedReport, now: datetime) -> str:
    return (f"• {item.reference} – {item.area}, {item.unit_name}, {days(item.age_days(now))}: "
            f"{short_description(item.description)}")


def _event_line(line: HistoryLine, now: datetime) -> str:
    event = line.event
    when = format_moment(event.at, now)
    who = f" ({line.actor_name})" if line.actor_name else ""
    if event.action in ("created", "imported"):
        return f"• {when}: {'rapporterad' if event.action == 'created' else 'importerad'}"
    if event.action == "comment":
        return f"• {when}{who}: kommentar: {short_description(event.new_value or '', 120)}"
    label = FIELD_LABELS.get(event.field or "", event.field or "")
    if event.field in ("status", "lagrum"):
        return f"• {when}{who}: {label} {event.old_value or '–'} → {event.new_value}"
    return f"• {when}{who}: {label}: {short_description(event.new_value or '', 80)}"


def report_text(found: ReportInContext, history: list[HistoryLine], now: datetime, *, hint: str = "") -> str:
    report = found.report
    kind = "Synpunkt" if report.kind == "synpunkt" else "Avvikelse"
    age = max(0, (now - report.reported_at).days)
    lines = [
        f"{kind} {report.reference} – {report.area}, {found.unit_name}",
        f"Inträffade: {format_moment(report.occurred_at, now)} (rapporterad för {days(age)} sedan)"
        if age else f"Inträffade: {format_moment(report.occurred_at, now)} (rapporterad i dag)",
        f"Beskrivning: {short_description(report.description, 400)}",
    ]
    if report.immediate_action:
        lines.append(f"Gjort direkt: {short_description(report.immediate_action, 200)}")
    if report.consequence:
        lines.append(f"Konsekvens: {report.consequence}")
    flags = [name for name, on in (("lex Sarah", report.lex_sarah_candidate),
                                   ("lex Maria", report.lex_maria_candidate)) if on]
    if flags:
        lines.append(f"Flaggad som möjlig {' och '.join(flags)} – bedöms av MAS/ansvarig.")
    lines += [
        f"Status: {report.status}",
        f"Lagrum: {report.lagrum or 'ej bedömd'}",
        f"Utredning: {report.investigation or '–'}",
        f"Orsak: {report.cause or '–'}",
        f"Åtgärd: {report.action or '–'}",
        f"Återkoppling: {report.feedback or 'ingen ännu'}",
    ]
    if history:
        shown = history[-HISTORY_LINES:]
        lines.append("Historik" + (f" (de senaste {len(shown)} av {len(history)})" if len(shown) < len(history) else "") + ":")
        lines += [_event_line(line, now) for line in shown]
    if hint:
        lines += ["", hint]
    return "\n".join(lines)
