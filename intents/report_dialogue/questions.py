"""What the bot asks for each missing piece of a report, in which order, and how it asks the second time.

Every question has two wordings: the question itself, and - after an answer the bot did not
understand - what it expects, with an example and a way out ("hoppa över", "ändra senare").
A question is never put a third time (see dialogue.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from intents.messages import Choice, Reply
from intents.report_dialogue.draft import ReportDraft
from nlp_models.answers import Question

AREA_LABELS = {"fall": "Fall", "läkemedel": "Läkemedel", "trycksår": "Trycksår", "larm": "Larm", "övrigt": "Övrigt"}
CONSEQUENCE_CHOICES = [
    Choice("Ingen skada", "ingen"),
    Choice("Lindrig", "lindrig"),
    Choice("Måttlig", "måttlig"),
    Choice("Allvarlig", "allvarlig"),
]
UNKNOWN_CONSEQUENCE = "okänd"
GIVER_CHOICES = [
    Choice("Brukare", "brukare"),
    Choice("Anhörig", "anhörig"),
    Choice("Personal", "personal"),
    Choice("Annan", "annan"),
]
UNKNOWN_GIVER = "okänd"
CONTACT_CHOICES = [
    Choice("Nej, ingen kontakt", "nej"),
    Choice("Ja, skriftligt", "skriftligt"),
    Choice("Ja, per telefon", "telefon"),
]
UNKNOWN_CONTACT = "okänt"
SKIP = Choice("Hoppa över", "hoppa över")
LATER = Choice("Ändra senare", "ändra senare")
CONFIRM_CHOICES = [Choice("Skicka", "skicka"), Choice("Ändra", "ändra"), Choice("Avbryt", "avbryt")]
NEW_OR_ANSWER_CHOICES = [Choice("Svar på frågan", "svar"), Choice("Ny händelse", "ny")]
# the rest of an answer that may tell of another event: the answer part is already noted
REST_QUESTION = "Jag har noterat svaret. Hör ”{rest}” till samma händelse, eller är det en ny händelse?"
REST_CHOICES = [Choice("Samma händelse", "svar"), Choice("Ny händelse", "ny")]
EDIT_CHOICES = [
    Choice("Område", "område"),
    Choice("Enhet", "enhet"),
    Choice("När", "tid"),
    Choice("Konsekvens", "konsekvens"),
    Choice("Åtgärd", "åtgärd"),
    Choice("Beskrivning", "beskrivning"),
]
# the slot each edit choice asks again
EDIT_SLOTS = {"område": "area", "enhet": "unit", "tid": "time", "konsekvens": "consequence", "åtgärd": "action",
              "beskrivning": "description"}
CONTACT_NOTICE = "Be hen lämna sina kontaktuppgifter till enhetschefen – skriv dem inte här i chatten."


@dataclass(frozen=True)
class Wording:
    first: str  # the question
    again: str  # after one answer that was not understood: what is expected, with an example
    about: str  # "jag behöver veta …", when a question in between was answered


WORDINGS = {
    "what": Wording("Berätta kort vad som hände, med egna ord. Skriv inga namn eller personnummer.",
                    "Berätta med några ord vad som hände, t.ex. ”bru ramlade i badrummet i natt, ingen skada”.",
                    "vad som hände"),
    "area": Wording("Vilket område gäller det?",
                    "Jag behöver veta området – välj ett alternativ eller skriv t.ex. ”fall” eller ”läkemedel”. "
                    "Du kan också skriva ”hoppa över”.",
                    "vilket område det gäller"),
    "unit": Wording("Vilken enhet gäller det?",
                    "Skriv enhetens namn, t.ex. ”{example}”, eller ”ändra senare”.",
                    "vilken enhet det gäller"),
    "time": Wording("När hände det? T.ex. ”i natt kl 3”, ”i går kväll” eller ”i dag kl 14”.",
                    "Jag behöver en ungefärlig tid, t.ex. ”i går kl 22”, ”i natt” eller ”i morse”. "
                    "Vet du inte, skriv ”hoppa över” eller ”ändra senare”.",
                    "när det hände"),
    "consequence": Wording("Blev det någon skada eller annan konsekvens?",
                           "Välj den konsekvens som passar: ingen skada, lindrig (t.ex. ett blåmärke), måttlig eller "
                           "allvarlig (t.ex. misstänkt fraktur). Vet du inte, skriv ”vet ej”.",
                           "om det blev någon skada"),
    "consequence_which": Wording("Hur allvarlig var skadan?",
                                 "Välj lindrig (t.ex. ett blåmärke), måttlig eller allvarlig (t.ex. misstänkt fraktur) "
                                 "– eller ”vet ej”.",
                                 "hur allvarlig skadan var"),
    "action": Wording("Vad gjorde ni direkt? (t.ex. ”ssk kontaktad”) Du kan också hoppa över.",
                      "Skriv kort vad ni gjorde, t.ex. ”ssk kontaktad” eller ”hjälpte upp henne” – eller ”hoppa över”.",
                      "vad ni gjorde direkt"),
    "given_by": Wording("Vem lämnade synpunkten?",
                        "Skriv vem synpunkten kom från, t.ex. ”brukaren”, ”dottern” eller ”grannen” – eller ”vet ej”.",
                        "vem som lämnade synpunkten"),
    "contact": Wording("Vill hen bli kontaktad om svaret?",
                       "Svara t.ex. ”nej”, ”ja, per telefon” eller ”ja, skriftligt” – eller ”vet ej”.",
                       "om hen vill bli kontaktad"),
    "contact_which": Wording("Per telefon eller skriftligt?",
                             "Skriv ”telefon” eller ”skriftligt” – eller ”vet ej”.",
                             "hur hen vill bli kontaktad"),
    "confirm": Wording("Stämmer det?",
                       "Skriv ”skicka” om allt stämmer, eller rätta direkt, t.ex. ”tiden: i går kl 22” eller "
                       "”fel enhet, Solgården”. ”avbryt” slänger rapporten.",
                       "om du vill skicka, ändra eller avbryta"),
    "edit": Wording("Vad vill du ändra?",
                    "Välj vad som ska ändras, eller skriv rättelsen direkt, t.ex. ”tiden: i går kl 22” eller "
                    "”lägg till att hon slog i huvudet”.",
                    "vad du vill ändra"),
    "description": Wording("Skriv den nya beskrivningen av vad som hände.",
                           "Beskriv med några ord vad som hände, t.ex. ”bru halkade i badrummet, ingen skada”.",
                           "den nya beskrivningen"),
    "new_or_answer": Wording("Är det svar på frågan eller en ny händelse?",
                             "Svara ”svar” om det hör till rapporten vi håller på med, eller ”ny” om det är en annan "
                             "händelse – då tar vi den direkt efter.",
                             "om det var svar på frågan eller en ny händelse"),
    "resume_old": Wording("Vill du fortsätta med den?",
                          "Svara ”ja” för att fortsätta med den gamla rapporten eller ”nej” för att slänga den.",
                          "om du vill fortsätta med den gamla rapporten"),
}
# Slots a second miss may leave open ("ändra senare"); the others cannot be skipped.
DEFERRABLE = {"area", "unit", "time", "consequence", "consequence_which", "action", "given_by", "contact",
              "contact_which"}


def next_missing(draft: ReportDraft) -> str | None:
    """The next slot to ask about, or None when the summary can be shown."""
    open_ = [slot for slot in _order(draft) if slot not in draft.unknown]
    return open_[0] if open_ else None


def _order(draft: ReportDraft) -> list[str]:
    missing = []
    if not draft.area_confirmed:
        missing.append("area")
    if not draft.unit:
        missing.append("unit")
    if not draft.occurred_at:
        missing.append("time")
    if draft.is_synpunkt:
        if not draft.given_by:
            missing.append("given_by")
        if not draft.contact_answered:
            missing.append("contact_which" if draft.contact_yes else "contact")
        return missing
    if not draft.consequence:
        missing.append("consequence")
    if not draft.action_answered:
        missing.append("action")
    return missing


def _choices(slot: str, draft: ReportDraft) -> list[Choice]:
    if slot == "area":  # the areas the words point to, likeliest first, and "Övrigt"; all when none is known
        options = [a for a in draft.area_candidates if a != "övrigt"][:3] or [a for a in AREA_LABELS if a != "övrigt"]
        return [Choice(AREA_LABELS.get(a, a), a) for a in options] + [Choice("Övrigt", "övrigt")]
    if slot == "unit":
        return [Choice(n, n) for n in draft.unit_candidates[:5]]
    if slot in ("consequence", "consequence_which"):
        return list(CONSEQUENCE_CHOICES if slot == "consequence" else CONSEQUENCE_CHOICES[1:])
    if slot == "action":
        return [SKIP]
    if slot == "given_by":
        return list(GIVER_CHOICES)
    if slot == "contact":
        return list(CONTACT_CHOICES)
    if slot == "contact_which":
        return list(CONTACT_CHOICES[1:])
    if slot == "confirm":
        return list(CONFIRM_CHOICES)
    if slot == "edit":
        return [c for c in EDIT_CHOICES if not (draft.is_synpunkt and c.value in {"konsekvens", "åtgärd"})]
    if slot == "new_or_answer":
        return list(NEW_OR_ANSWER_CHOICES)
    if slot == "resume_old":
        return [Choice("Ja, fortsätt", "ja"), Choice("Nej, släng den", "nej")]
    return []


def ask(slot: str, draft: ReportDraft) -> Reply:
    """The question for `slot`, with its choices."""
    if slot not in WORDINGS:
        raise ValueError(f"unknown slot {slot}")
    text = WORDINGS[slot].first
    if slot == "unit" and not draft.unit_candidates:
        text += " Skriv enhetens namn."
    if slot == "new_or_answer" and draft.held_is_rest:  # the answer itself was used already
        shown = draft.held if len(draft.held) <= 60 else draft.held[:57].rstrip() + "…"
        return Reply(REST_QUESTION.format(rest=shown), list(REST_CHOICES))
    return Reply(text, _choices(slot, draft))


def ask_again(slot: str, draft: ReportDraft, unit_example: str = "Solgården") -> Reply:
    """The second wording: what is expected, with an example, and "hoppa över"/"ändra senare" where allowed."""
    text = WORDINGS[slot].again.format(example=(draft.unit_candidates or [unit_example])[0])
    choices = _choices(slot, draft)
    if slot in DEFERRABLE and slot not in ("time",):  # a bare number answers the time question: no numbered choices
        choices = [c for c in choices if c not in (SKIP, LATER)] + [SKIP if slot == "action" else LATER]
    elif slot == "time":
        choices = []
    return Reply(text, choices)


def reminder(slot: str) -> str:
    return WORDINGS[slot].about if slot in WORDINGS else "din rapport"


def answer_question(slot: str, draft: ReportDraft) -> Question:
    """How the shared answer reader should read an answer to `slot`: its choices, what "ja"/"nej"/"vet ej" mean."""
    choices = tuple(_choices(slot, draft))
    if slot == "consequence":
        return Question("consequence", choices, yes=("lindrig", "måttlig", "allvarlig"), no="ingen",
                        unknown=UNKNOWN_CONSEQUENCE)
    if slot == "consequence_which":
        return Question("consequence", choices, unknown=UNKNOWN_CONSEQUENCE)
    if slot == "contact":
        return Question("contact", choices, yes=("skriftligt", "telefon"), no="nej", unknown=UNKNOWN_CONTACT)
    if slot == "contact_which":
        return Question("contact", choices, unknown=UNKNOWN_CONTACT)
    if slot == "given_by":
        return Question("given_by", choices, unknown=UNKNOWN_GIVER)
    if slot == "area":
        all_areas = tuple(Choice(label, value) for value, label in AREA_LABELS.items())
        return Question("area", choices + tuple(c for c in all_areas if c not in choices), unknown="övrigt")
    if slot == "confirm":
        return Question("confirm", choices, yes=("skicka",), no="ändra")
    if slot == "resume_old":
        return Question("resume_old", choices, yes=("ja",), no="nej")
    return Question(slot, choices)
