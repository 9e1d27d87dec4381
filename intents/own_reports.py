"""What a reporter sees of their own reports: "mina rapporter" (newest first, a page at a time,
optionally only some statuses: "mina avslutade rapporter", "mina öppna avvikelser") and what came
of one ("hur gick det med AV-2026-00042?", "hur gick det med min rapport?"): status, action and
the återkoppling - never the investigation or who handled it."""

from __future__ import annotations

import re
from typing import Any

from intents.messages import Reply
from intents.paged_lists import Page, as_of, register_list, show_list
from intents.swedish_dates import format_occurred
from intents.turn import Turn
from nlp_models.text.normalize import fold
from storage.models import Report
from storage.report_queries import ReportInContext, reports_by_reporter

PAGE_SIZE = 5
_ASKS_OWN = re.compile(
    r"\b(?:mina|min)\s+(?:(?:nya|ny|oppna|avslutade|atgardade|pagaende|ohanterade|obehandlade|klara|stangda|"
    r"hanterade|senaste|egna|alla|tidigare|gamla)\s+)?(?:rapporter|rapport|avvikelser|avvikelse|synpunkter|synpunkt|"
    r"arenden)\b"
    # "vad har jag rapporterat", "hur många avvikelser har jag skickat in", "det jag rapporterade"
    r"|\b(?:har|hade)\s+jag\s+(?:\w+\s+)?(?:rapporterat|skickat|anmalt|lamnat|skrivit)\b"
    r"|\b(?:det|den|dem|de)\s+jag\s+(?:har\s+)?(?:rapporterade|rapporterat|skickade|anmalde)\b")
_ASKS_OUTCOME = re.compile(r"\b(?:hur\s+(?:gick|gar|har\s+det\s+gatt)\s+det\s+med|vad\s+(?:hande|hander|har\s+hant)\s+med|"
                           r"vad\s+blev\s+det\s+av|hur\s+ligger\s+det\s+till\s+med)\s+(?:min|mitt|den\s+jag)\b")
# status words in "mina avslutade rapporter", "mina rapporter som är nya"
_STATUS_WORDS = {
    "nya": ("ny",), "ny": ("ny",), "ohanterade": ("ny",), "obehandlade": ("ny",),
    "oppna": ("ny", "utreds", "åtgärdad"), "oppen": ("ny", "utreds", "åtgärdad"), "pagaende": ("utreds",),
    "utreds": ("utreds",), "atgardade": ("åtgärdad",), "atgardad": ("åtgärdad",),
    "avslutade": ("avslutad",), "avslutad": ("avslutad",), "klara": ("åtgärdad", "avslutad"),
    "stangda": ("avslutad",), "hanterade": ("utreds", "åtgärdad", "avslutad"),
}
_STATUS_TEXT = {"ny": "ny – inte hanterad ännu", "utreds": "utreds", "åtgärdad": "åtgärdad", "avslutad": "avslutad"}
_STATUS_NAMES = {("ny",): "nya", ("avslutad",): "avslutade", ("åtgärdad",): "åtgärdade", ("utreds",): "som utreds",
                 ("ny", "utreds", "åtgärdad"): "öppna", ("åtgärdad", "avslutad"): "klara",
                 ("utreds", "åtgärdad", "avslutad"): "hanterade"}


def asks_for_own_reports(text: str) -> bool:
    folded = fold(text)
    return bool(_ASKS_OWN.search(folded) or _ASKS_OUTCOME.search(folded))


def _statuses(text: str) -> tuple[str, ...] | None:
    for word in re.findall(r"[a-z]+", fold(text)):
        if word in _STATUS_WORDS:
            return _STATUS_WORDS[word]
    return None


def status_text(status: str) -> str:
    return _STATUS_TEXT.get(status, status)


def report_lines(report: Report, unit_name: str, now) -> list[str]:
    """A report as its reporter sees it: what, where, when, status, action and återkoppling."""
    when = format_occurred(report.occurred_at, report.occurred_precision, now)
    lines = [f"• {report.reference} ({report.area}, {unit_name}, {when}): "
             f"{status_text(report.status)}"]
    if report.duplicate_of_id is not None:
        lines.append("   Samma händelse som en tidigare rapport – den hanteras där.")
    if report.action:
        lines.append(f"   Åtgärd: {report.action}")
    if report.feedback:
        lines.append(f"   Återkoppling: {report.feedback}")
    return lines


def outcome_text(turn: Turn, found: ReportInContext) -> str:
    """What came of one of the person's own reports."""
    report = found.report
    turn.log_access(f"{report.reference} (egen rapport) visad")
    lines = [f"Din {'synpunkt' if report.kind == 'synpunkt' else 'rapport'} {report.reference} – {report.area}, "
             f"{found.unit_name}, {format_occurred(report.occurred_at, report.occurred_precision, turn.now)}.",
             f"Status: {status_text(report.status)}"]
    if report.duplicate_of_id is not None:
        lines.append("Det var samma händelse som en tidigare rapport, så den hanteras där.")
    lines.append(f"Åtgärd: {report.action}" if report.action else "Åtgärd: ingen ännu")
    lines.append(f"Återkoppling: {report.feedback}" if report.feedback else "Återkoppling: ingen ännu")
    if report.status == "ny":
        lines.append("Den är inte hanterad ännu – du får besked här när något händer.")
    return "\n".join(lines)


def fetch_own(turn: Turn, params: dict[str, Any], offset: int, limit: int) -> Page:
    statuses = params.get("statuses")
    rows, total = reports_by_reporter(session=turn.session, reporter_id=turn.person.id, statuses=statuses,
                                      limit=limit, offset=offset, as_of=as_of(params))
    which = _STATUS_NAMES.get(tuple(statuses), "") if statuses else ""
    if total == 0:
        empty = (f"Du har inga {which} rapporter just nu." if which
                 else "Du har inte rapporterat något via mig ännu.")
        return Page([], 0, empty=empty)
    lines = [line for report, unit in rows for line in report_lines(report, unit, turn.now)]
    heading = f"Dina {which + ' ' if which else ''}rapporter, nyast först ({total} st):"
    return Page(lines, total, heading=heading,
                footer="Skriv ”hur gick det med” och en referens för att se mer om en av dem.")


register_list("own_reports", fetch_own, page_size=PAGE_SIZE)


def _named(turn: Turn) -> tuple[str | None, str | None]:
    """The area and kind a question about "min rapport om medicinen" / "min synpunkt" names, if any."""
    analysis = turn.understand().report
    area = analysis.area if analysis.area_evidence else None
    kind = "synpunkt" if re.search(r"\bsynpunkt", fold(turn.text)) else None
    return area, kind


def _latest_outcome(turn: Turn) -> str:
    """What came of the person's newest report, or of the newest one of the area or kind they name."""
    area, kind = _named(turn)
    rows, _ = reports_by_reporter(session=turn.session, reporter_id=turn.person.id, limit=1, area=area, kind=kind)
    if rows:
        report, unit = rows[0]
        return outcome_text(turn, ReportInContext(report, unit, turn.message.user_id))
    latest, _ = reports_by_reporter(session=turn.session, reporter_id=turn.person.id, limit=1)
    if not latest:
        return "Du har inte rapporterat något via mig ännu."
    what = f"om {area}" if area else "som synpunkt"
    return (f"Jag hittar ingen rapport {what} från dig. Skriv ”mina rapporter” för att se alla, eller "
            "”hur gick det med” och referensen.")


def answer_own_reports(turn: Turn) -> list[Reply]:
    if _ASKS_OUTCOME.search(fold(turn.text)):
        return [Reply(_latest_outcome(turn))]
    statuses = _statuses(turn.text)
    return [show_list(turn, "own_reports", {"statuses": list(statuses) if statuses else None})]
