"""The short summary shown before a report is sent."""

from __future__ import annotations

from datetime import datetime

from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.questions import AREA_LABELS, CONSEQUENCE_CHOICES, CONTACT_CHOICES
from intents.swedish_dates import format_moment

_CONSEQUENCE = {c.value: c.label.lower() for c in CONSEQUENCE_CHOICES}
_CONTACT = {c.value: c.label for c in CONTACT_CHOICES}


def _when(draft: ReportDraft, now: datetime) -> str:
    occurred = draft.occurred()
    if occurred is None:
        return "–"
    return format_moment(occurred, now) + (" (ungefär – skriv klockslaget om du vet det)"
                                           if draft.occurred_approximate else "")


def render_summary(draft: ReportDraft, now: datetime) -> str:
    kind = "Synpunkt" if draft.is_synpunkt else "Avvikelse"
    area = AREA_LABELS.get(draft.area, draft.area)
    because = f" (utifrån ”{', '.join(draft.area_evidence[:3])}”)" if draft.area_evidence else ""
    lines = [
        f"Sammanfattning av din {kind.lower()}:",
        f"• Typ: {kind}",
        f"• Område: {area}{because}",
        f"• Enhet: {draft.unit or '–'}",
        f"• När: {_when(draft, now)}",
    ]
    if draft.is_synpunkt:
        lines.append(f"• Från: {draft.given_by or '–'}")
        lines.append(f"• Kontakt: {_CONTACT.get(draft.contact_wanted or 'nej', 'Nej')}")
    else:
        lines.append(f"• Konsekvens: {_CONSEQUENCE.get(draft.consequence or '', draft.consequence or '–')}")
        lines.append(f"• Gjort direkt: {draft.immediate_action or '–'}")
    lines.append(f"• Beskrivning: {draft.description}")
    if draft.severe or draft.lex_sarah or draft.lex_maria:
        flags = [name for name, on in (("allvarlig händelse", draft.severe), ("möjlig lex Sarah", draft.lex_sarah),
                                       ("möjlig lex Maria", draft.lex_maria)) if on]
        lines.append(f"• Flaggad som: {', '.join(flags)} (det är människor som bedömer)")
    return "\n".join(lines)
