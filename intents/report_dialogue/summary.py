"""The short summary shown before a report is sent, and the list of what a change altered in it."""

from __future__ import annotations

from datetime import datetime

from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.questions import (
    AREA_LABELS,
    CONSEQUENCE_CHOICES,
    CONTACT_CHOICES,
    UNKNOWN_CONSEQUENCE,
    UNKNOWN_CONTACT,
    UNKNOWN_GIVER,
)
from intents.swedish_dates import format_moment

_CONSEQUENCE = {c.value: c.label.lower() for c in CONSEQUENCE_CHOICES} | {UNKNOWN_CONSEQUENCE: "okänd (vet ej)"}
_CONTACT = {c.value: c.label for c in CONTACT_CHOICES} | {UNKNOWN_CONTACT: "okänt (vet ej)"}
_GIVER = {UNKNOWN_GIVER: "okänd (vet ej)"}
LATER = "okänd – rätta när du vet, t.ex. ”{example}”"
# small words that carry a rule but explain nothing on their own ("låg på golvet" → "låg, golvet")
_FUNCTION_WORDS = {"på", "pa", "i", "av", "till", "ur", "om", "med", "vid", "en", "ett", "och", "som", "från", "fran",
                   "under", "över", "over", "har", "hade", "var", "är", "ar", "den", "det", "sig", "inte"}


def _when(draft: ReportDraft, now: datetime) -> str:
    occurred = draft.occurred()
    if occurred is None:
        return LATER.format(example="tiden: i går kl 22") if "time" in draft.unknown else "–"
    return format_moment(occurred, now) + (" (ungefär – skriv klockslaget om du vet det)"
                                           if draft.occurred_approximate else "")


def area_line(draft: ReportDraft) -> str:
    """"Fall – av: halkade, golvet": the area and the person's own words that decided it."""
    area = AREA_LABELS.get(draft.area, draft.area)
    words = [w for w in draft.area_evidence if w.casefold() not in _FUNCTION_WORDS][:4]
    if words:
        return f"{area} – av: {', '.join(words)}"
    return f"{area} (ditt val)" if draft.area_chosen else area


def fields(draft: ReportDraft, now: datetime) -> list[tuple[str, str]]:
    """The summary's lines as (label, value), in order."""
    kind = "Synpunkt" if draft.is_synpunkt else "Avvikelse"
    unit = draft.unit or (LATER.format(example="enhet: Solgården") if "unit" in draft.unknown else "–")
    lines = [("Typ", kind), ("Område", area_line(draft)), ("Enhet", unit), ("När", _when(draft, now))]
    if draft.is_synpunkt:
        lines.append(("Från", _GIVER.get(draft.given_by or "", draft.given_by or "–")))
        contact = _CONTACT.get(draft.contact_wanted or "nej", "Nej")
        if draft.contact_wanted in ("telefon", "skriftligt"):
            contact += " (kontaktuppgifterna lämnas till enhetschefen, inte här i chatten)"
        lines.append(("Kontakt", contact))
    else:
        lines.append(("Konsekvens", _CONSEQUENCE.get(draft.consequence or "", draft.consequence or "–")))
        lines.append(("Gjort direkt", draft.immediate_action or "–"))
    lines.append(("Beskrivning", draft.description))
    if draft.linked:
        lines.append(("Kopplad till", ", ".join(draft.linked)))
    if draft.severe or draft.lex_sarah or draft.lex_maria:
        flags = [name for name, on in (("allvarlig händelse", draft.severe), ("möjlig lex Sarah", draft.lex_sarah),
                                       ("möjlig lex Maria", draft.lex_maria)) if on]
        lines.append(("Flaggad som", f"{', '.join(flags)} (det är människor som bedömer)"))
    return lines


def render_summary(draft: ReportDraft, now: datetime) -> str:
    kind = "synpunkt" if draft.is_synpunkt else "avvikelse"
    return "\n".join([f"Sammanfattning av din {kind}:"] + [f"• {label}: {value}" for label, value in fields(draft, now)])


def _short(value: str) -> str:
    return value.split(" (")[0].split(" – ")[0] or "–"


def changed_lines(before: list[tuple[str, str]], after: list[tuple[str, str]]) -> list[str]:
    """What a change altered, as "När: ”i går kl 12.00” → ”i går kl 22.00”" (the description only named)."""
    old = dict(before)
    lines = []
    for label, value in after:
        if old.get(label, "–") == value or (label != "Beskrivning" and _short(old.get(label, "–")) == _short(value)):
            continue
        if label == "Beskrivning":
            earlier = old.get(label, "").rstrip(" .!?")
            added = value[len(earlier):].lstrip(" .!?") if earlier and value.startswith(earlier) else ""
            lines.append(f"Beskrivning: + ”{added}”" if added else "Beskrivning: ny text (se nedan)")
        else:
            lines.append(f"{label}: ”{_short(old.get(label, '–'))}” → ”{_short(value)}”")
    for label, value in before:
        if label not in dict(after):
            lines.append(f"{label}: ”{_short(value)}” → ”–”")
    return lines
