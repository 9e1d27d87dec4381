"""What the bot asks for each missing piece of a report, and in which order."""

from __future__ import annotations

from intents.messages import Choice, Reply
from intents.report_dialogue.draft import ReportDraft

AREA_LABELS = {"fall": "Fall", "läkemedel": "Läkemedel", "trycksår": "Trycksår", "larm": "Larm", "övrigt": "Övrigt"}
CONSEQUENCE_CHOICES = [
    Choice("Ingen skada", "ingen"),
    Choice("Lindrig", "lindrig"),
    Choice("Måttlig", "måttlig"),
    Choice("Allvarlig", "allvarlig"),
]
GIVER_CHOICES = [
    Choice("Brukare", "brukare"),
    Choice("Anhörig", "anhörig"),
    Choice("Personal", "personal"),
    Choice("Annan", "annan"),
]
CONTACT_CHOICES = [
    Choice("Nej, ingen kontakt", "nej"),
    Choice("Ja, skriftligt", "skriftligt"),
    Choice("Ja, per telefon", "telefon"),
]
SKIP = Choice("Hoppa över", "hoppa över")
CONFIRM_CHOICES = [Choice("Skicka", "skicka"), Choice("Ändra", "ändra"), Choice("Avbryt", "avbryt")]
EDIT_CHOICES = [
    Choice("Område", "område"),
    Choice("Enhet", "enhet"),
    Choice("När", "tid"),
    Choice("Konsekvens", "konsekvens"),
    Choice("Åtgärd", "åtgärd"),
    Choice("Beskrivning", "beskrivning"),
]


def next_missing(draft: ReportDraft) -> str | None:
    """The next slot to ask about, or None when the summary can be shown."""
    if not draft.area_confirmed:
        return "area"
    if not draft.unit:
        return "unit"
    if not draft.occurred_at:
        return "time"
    if draft.is_synpunkt:
        if not draft.given_by:
            return "given_by"
        if not draft.contact_answered:
            return "contact"
        return None
    if not draft.consequence:
        return "consequence"
    if not draft.action_answered:
        return "action"
    return None


def ask(slot: str, draft: ReportDraft, unit_choices: list[str] | None = None) -> Reply:
    if slot == "area":
        options = draft.area_candidates or list(AREA_LABELS)
        return Reply("Vilket område gäller det?", [Choice(AREA_LABELS.get(a, a), a) for a in options[:3]]
                     + ([Choice("Övrigt", "övrigt")] if "övrigt" not in options[:3] else []))
    if slot == "unit":
        names = unit_choices or draft.unit_candidates
        if names:
            return Reply("Vilken enhet gäller det?", [Choice(n, n) for n in names[:5]])
        return Reply("Vilken enhet gäller det? Skriv enhetens namn.")
    if slot == "time":
        return Reply("När hände det? T.ex. ”i natt kl 3”, ”i går kväll” eller ”i dag kl 14”.")
    if slot == "consequence":
        return Reply("Blev det någon skada eller annan konsekvens?", list(CONSEQUENCE_CHOICES))
    if slot == "action":
        return Reply("Vad gjorde ni direkt? (t.ex. ”ssk kontaktad”) Du kan också hoppa över.", [SKIP])
    if slot == "given_by":
        return Reply("Vem lämnade synpunkten?", list(GIVER_CHOICES))
    if slot == "contact":
        return Reply("Vill hen bli kontaktad om svaret?", list(CONTACT_CHOICES))
    if slot == "confirm":
        return Reply("Stämmer det? Skicka, ändra eller avbryt.", list(CONFIRM_CHOICES))
    if slot == "edit":
        choices = [c for c in EDIT_CHOICES if not (draft.is_synpunkt and c.value in {"konsekvens", "åtgärd"})]
        return Reply("Vad vill du ändra?", choices)
    if slot == "description":
        return Reply("Skriv den nya beskrivningen av vad som hände.")
    if slot == "resume_old":
        return Reply("Vill du fortsätta med den?", [Choice("Ja, fortsätt", "ja"), Choice("Nej, släng den", "nej")])
    raise ValueError(f"unknown slot {slot}")


REMINDERS = {
    "area": "vilket område det gäller",
    "unit": "vilken enhet det gäller",
    "time": "när det hände",
    "consequence": "om det blev någon skada",
    "action": "vad ni gjorde direkt",
    "given_by": "vem som lämnade synpunkten",
    "contact": "om hen vill bli kontaktad",
    "confirm": "att skicka, ändra eller avbryta",
    "edit": "vad du vill ändra",
    "description": "den nya beskrivningen",
    "resume_old": "om du vill fortsätta med den gamla rapporten",
}
