"""The short summary shown before a report is sent, and the list of what a change altered in it."""

from __future__ import annotations

from datetime import datetime
from difflib import SequenceMatcher

from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.questions import (
    AREA_LABELS,
    CONSEQUENCE_CHOICES,
    CONTACT_CHOICES,
    UNKNOWN_CONSEQUENCE,
    UNKNOWN_CONTACT,
    UNKNOWN_GIVER,
)
from intents.swedish_dates import format_moment, format_said_moment

_CONSEQUENCE = {c.value: c.label.lower() for c in CONSEQUENCE_CHOICES} | {UNKNOWN_CONSEQUENCE: "okänd – inte angiven"}
_CONTACT = {c.value: c.label for c in CONTACT_CHOICES} | {UNKNOWN_CONTACT: "okänt (vet ej)"}
_GIVER = {UNKNOWN_GIVER: "okänd (vet ej)"}
LATER = "okänd – rätta när du vet, t.ex. ”{example}”"
# small words that carry a rule but explain nothing on their own ("låg på golvet" → "låg, golvet")
_FUNCTION_WORDS = {"på", "pa", "i", "av", "till", "ur", "om", "med", "vid", "en", "ett", "och", "som", "från", "fran",
                   "under", "över", "over", "har", "hade", "var", "är", "ar", "den", "det", "sig", "inte"}


UNKNOWN_CLOCK = " (klockslag okänt – skriv det om du vet)"
WEEK_UNKNOWN_DAY = " (dagen okänd – skriv den om du vet)"
PART_UNKNOWN_CLOCK = " (ungefär – klockslaget okänt, skriv det om du vet)"


def _day_said(draft: ReportDraft, occurred: datetime, now: datetime) -> str:
    """A time said only as a day or a part of it ("i går", "i natt"): shown as said, never with an invented
    clock time. (The stored time follows the convention of rules/time_words.toml: noon for a day, the part's
    usual hour for a part of the day.)"""
    part = draft.occurred_part
    suffix = WEEK_UNKNOWN_DAY if part == "vecka" else PART_UNKNOWN_CLOCK if part else UNKNOWN_CLOCK
    return format_said_moment(occurred, part or "dag", now) + suffix


def _when(draft: ReportDraft, now: datetime) -> str:
    occurred = draft.occurred()
    if occurred is None:
        return LATER.format(example="tiden: i går kl 22") if "time" in draft.unknown else "–"
    if draft.occurred_approximate:
        return _day_said(draft, occurred, now)
    return format_moment(occurred, now)


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
    lines = [("Typ", kind), ("Område", area_line(draft))]
    if also := [AREA_LABELS.get(a, a) for a in draft.secondary_areas if a != draft.area]:
        lines.append(("Även område", ", ".join(also)))  # a stored area is always shown
    lines += [("Enhet", unit), ("När", _when(draft, now))]
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
    if flags := draft.flags():  # who is told is said after saving, when it is known (immediate_alerts)
        lines.append(("Flaggad som", f"{', '.join(flags)} (det är människor som bedömer)"))
    return lines


def render_summary(draft: ReportDraft, now: datetime) -> str:
    kind = "synpunkt" if draft.is_synpunkt else "avvikelse"
    return "\n".join([f"Sammanfattning av din {kind}:"] + [f"• {label}: {value}" for label, value in fields(draft, now)])


def _short(value: str) -> str:
    return value.split(" (")[0].split(" – ")[0] or "–"


def _was_empty(value: str) -> bool:
    return _short(value) in ("–", "okänd", "okänt")


def _differences(before: list[tuple[str, str]], after: list[tuple[str, str]]) -> list[tuple[str, str, str]]:
    """(label, old value, new value) of every line a change altered."""
    old = dict(before)
    found = []
    for label, value in after:
        previous = old.get(label, "–")
        if previous == value or (label != "Beskrivning" and _short(previous) == _short(value)):
            continue
        found.append((label, previous, value))
    found += [(label, value, "–") for label, value in before if label not in dict(after)]
    return found


def _line(label: str, previous: str, value: str) -> str:
    if label == "Beskrivning":
        earlier = previous.rstrip(" .!?")
        added = value[len(earlier):].lstrip(" .!?") if earlier and value.startswith(earlier) else ""
        if added:
            return f"Beskrivning: + ”{added}”"
        swapped = _swapped_words(previous, value)
        return f"Beskrivning: ”{swapped[0]}” → ”{swapped[1]}”" if swapped else "Beskrivning: ny text (se nedan)"
    return f"{label}: ”{_short(previous)}” → ”{_short(value)}”"


def _swapped_words(before: str, after: str) -> tuple[str, str] | None:
    """"bru på rum 4 …" → "bru på rum 6 …": the one stretch of words that was replaced, or None."""
    old, new = before.split(), after.split()
    steps = [op for op in SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes() if op[0] != "equal"]
    if len(steps) != 1 or steps[0][0] != "replace":
        return None
    _, i1, i2, j1, j2 = steps[0]
    if i2 - i1 > 4 or j2 - j1 > 4:
        return None
    if i1 and j1 and i2 - i1 == 1:  # one word: shown with the word before it ("rum 4" → "rum 6")
        i1, j1 = i1 - 1, j1 - 1
    return " ".join(old[i1:i2]), " ".join(new[j1:j2])


def changed_lines(before: list[tuple[str, str]], after: list[tuple[str, str]]) -> list[str]:
    """What a change altered, as "När: ”i går kl 12.00” → ”i går kl 22.00”" (the description only named)."""
    return [_line(*difference) for difference in _differences(before, after)]


def _was_empty(value: str) -> bool:
    return _short(value) in ("–", "okänd", "okänt")


def real_changes(before: list[tuple[str, str]], after: list[tuple[str, str]],
                 answered: tuple[str, ...] = ()) -> tuple[list[str], list[str]]:
    """A change split into what really changed (a field that had a value: "Konsekvens: ”ingen skada” →
    ”lindrig”") and what was only filled in ("När: i går kl 22.00"). `answered`: the labels of the field the
    person just answered, which need no mention; additions to the description are left to the summary."""
    changed, added = [], []
    for label, previous, value in _differences(before, after):
        if label == "Beskrivning" or label in answered:
            continue
        if _was_empty(previous):
            added.append(f"{label}: {_short(value)}")
        else:
            changed.append(_line(label, previous, value))
    return changed, added
