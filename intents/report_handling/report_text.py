"""Reports as short Swedish text: a line in a queue, a whole report with its history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from intents.swedish_dates import MONTHS, STOCKHOLM, format_date, format_moment, format_occurred
from nlp_models.personal_data.masking import mask_personal_data
from storage.models import LexAssessment
from storage.report_queries import HistoryLine, QueuedReport, ReportInContext

SHORT_DESCRIPTION = 60
HISTORY_LINES = 8
FIELD_LABELS = {
    "status": "status", "area": "område", "lagrum": "lagrum", "investigation": "utredning",
    "cause": "orsak", "cause_categories": "orsakskategori", "action": "åtgärd", "feedback": "återkoppling",
    "related": "kopplad till", "informed": "berörd informerad", "lex sarah": "lex Sarah", "lex maria": "lex Maria",
    "duplicate_of": "dubblett av",
}
LAW_NAMES = {"lex sarah": "lex Sarah", "lex maria": "lex Maria"}


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


def _flags(item: QueuedReport) -> list[str]:
    flags = ["⚠️ allvarlig"] if item.serious and not (item.lex_sarah or item.lex_maria) else []
    decided = dict(item.lex_decisions)
    for law, candidate in (("lex sarah", item.lex_sarah), ("lex maria", item.lex_maria)):
        if law in decided:
            flags.append(f"{LAW_NAMES[law]}: {decided[law]}")
        elif candidate:
            flags.append(f"⚠️ möjlig {LAW_NAMES[law]}, ej bedömd")
    if item.possible_duplicate_of:
        flags.append(f"möjlig dubblett av {item.possible_duplicate_of}")
    return flags


def queue_line(item: QueuedReport, now: datetime) -> str:
    flags = "".join(f" [{flag}]" for flag in _flags(item))
    status = "" if item.status == "ny" else f", {item.status}"
    return (f"• {item.reference} – {item.area}, {item.unit_name}, {days(item.age_days(now))}{status}{flags}: "
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


@dataclass(frozen=True)
class Extras:
    """What a whole report shows besides its own columns."""

    assessments: tuple[tuple[LexAssessment, str | None], ...] = ()  # (assessment, who)
    duplicate_of: str | None = None  # the reference of the report it repeats (marked)
    possible_duplicate_of: str | None = None  # pointed out when reported


def cause_text(cause: str | None, categories: str | None) -> str:
    if not cause:
        return categories or "–"
    if not categories or categories == cause:
        return cause
    return f"{cause} (kategori: {categories})"


def assessment_text(row: LexAssessment, who: str | None, now: datetime) -> str:
    parts = [p for p in (row.outcome, row.decision) if p]
    text = ", ".join(parts) or "bedömd"
    if row.decision == "anmäld till IVO" and row.reported_on is not None:
        text += f" {format_date(row.reported_on)}"
    by = f" av {who}" if who else ""
    reason = f" – motivering: {row.motivation}" if row.motivation else ""
    return f"{text}{reason} (bedömd{by} {format_moment(row.assessed_at, now)})"


def lex_lines(report, extras: Extras, now: datetime) -> list[str]:
    lines = []
    assessed = {row.law: (row, who) for row, who in extras.assessments}
    for law, candidate in (("lex sarah", report.lex_sarah_candidate), ("lex maria", report.lex_maria_candidate)):
        if law in assessed:
            lines.append(f"{LAW_NAMES[law]}: {assessment_text(*assessed[law], now)}")
        elif candidate:
            who = "MAS" if law == "lex maria" else "SAS eller chef"
            lines.append(f"{LAW_NAMES[law]}: flaggad som möjlig, inte bedömd ännu ({who} bedömer)")
    if lines or report.affected_informed_at:
        informed = format_moment(report.affected_informed_at, now) if report.affected_informed_at else "inte ännu"
        lines.append(f"Berörd informerad: {informed}")
    return lines


def report_text(found: ReportInContext, history: list[HistoryLine], now: datetime, *, hint: str = "",
                extras: Extras = Extras()) -> str:
    report = found.report
    kind = "Synpunkt" if report.kind == "synpunkt" else "Avvikelse"
    age = max(0, (now - report.reported_at).days)
    lines = [
        f"{kind} {report.reference} – {report.area}, {found.unit_name}",
        f"Inträffade: {format_occurred(report.occurred_at, report.occurred_precision, now)} "
        + (f"(rapporterad för {days(age)} sedan)" if age else "(rapporterad i dag)"),
        f"Beskrivning: {short_description(report.description, 400)}",
    ]
    if report.immediate_action:
        lines.append(f"Gjort direkt: {short_description(report.immediate_action, 200)}")
    if report.consequence:
        lines.append(f"Konsekvens: {report.consequence}")
    if extras.duplicate_of:
        lines.append(f"Dubblett av {extras.duplicate_of} – räknas inte i statistiken.")
    elif extras.possible_duplicate_of:
        lines.append(f"Möjlig dubblett av {extras.possible_duplicate_of} (rapportören tror att det är samma "
                     f"händelse). Skriv ”{report.reference} är dubblett av {extras.possible_duplicate_of}” eller "
                     f"”{report.reference} är inte en dubblett”.")
    lines += lex_lines(report, extras, now)
    lines += [
        f"Status: {report.status}",
        f"Lagrum: {report.lagrum or 'ej bedömd'}",
        f"Utredning: {report.investigation or '–'}",
        f"Orsak: {cause_text(report.cause, report.cause_categories)}",
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
