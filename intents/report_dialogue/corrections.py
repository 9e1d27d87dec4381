"""Corrections typed in natural words at any step, the summary included.

- a field named: "ändra område till läkemedel", "fel enhet, det var Björkhagen", "tiden är fel, det var
  i natt kl 2", "tiden: i går kl 22", "enheten ska vara Solgården"
- a value after "nej"/"fast"/"det var": "nej det var typ 22", "det var på Björkhagen" (the field is
  found from the value)
- the description: "lägg till att hon slog i huvudet", "ändra beskrivningen: …"
- the kind: "det är en synpunkt"

The words are data (rules/answers.toml, [corrections]); this module only builds patterns from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from intents.report_dialogue.description_edits import change_description
from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.questions import answer_question
from intents.report_dialogue.slot_answers import resolve_time
from intents.turn import Turn
from nlp_models.answers import AnswerKind, answer_words, phrase, read_answer
from nlp_models.reports.synpunkt_details import contact_wish, giver
from nlp_models.text.normalize import fold
from intents.swedish_dates import format_said_moment
from nlp_models.times.expressions import resolve_occurred_at
from nlp_models.times.mentions import time_mentions

MAX_VALUE_WORDS = 7  # a value on its own ("typ 22", "på Björkhagen"); longer is a story, not a correction
MAX_SWAP_WORDS = 4  # "det var rum 6 inte 4": the right words are short
# field names too common to start a loose correction ("när hon …", "dag 2 …")
LOOSE_FIELD_STOP = {"nar", "dag", "dagen", "vem", "fran", "skada", "skador", "skadan", "klockan"}
_SEP = r"[\s,.:;!–-]*"


@dataclass(frozen=True)
class Correction:
    slot: str  # area, unit, time, consequence, action, given_by, contact, kind, add_description, set_description,
    # "value": a value whose field is found from the value itself, or "swap": "det var rum 6 inte 4"
    value: str  # in the original spelling
    loose: bool = False  # only a correction if the value reads as the field's value ("konsekvens ingen skada")
    old: str = ""  # "swap": the words that were wrong ("4")


def _alternation(phrases) -> str:
    return "|".join(r"\s+".join(re.escape(w) for w in p.split()) for p in phrases)


@lru_cache(maxsize=1)
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    c = answer_words().corrections
    fields = answer_words().correction_fields
    copula = rf"(?:(?:{_alternation(c['copula'])})\s+)?"
    patterns: list[tuple[str, re.Pattern[str]]] = [
        ("set_description", re.compile(rf"^\s*(?:{_alternation(c['replace'])})\s*(?:till\b|:|,|-|–)?\s*(?P<value>.+)", re.S)),
        ("add_description", re.compile(rf"^\s*(?:(?:{_alternation(c['lead'])}){_SEP})?(?:{_alternation(c['append'])})"
                                       rf"\b\s*[:,-]?\s*(?P<value>.+)", re.S)),
        ("kind", re.compile(rf"^\s*(?:nej\W+)?(?P<value>{_alternation(c['kind.synpunkt'])}|{_alternation(c['kind.avvikelse'])})"
                            r"\s*[.!]?\s*$")),
        ("time", re.compile(r"^\s*(?:nej[\s,]+)?(?:det\s+)?(?:hande|intraffade|skedde)\s+(?:det\s+)?(?P<value>.+)")),
    ]
    change = _alternation(c["change"])
    wrong = _alternation(c["wrong"])
    for slot, names in fields.items():
        field = rf"(?:{_alternation(names)})"
        patterns += [
            (slot, re.compile(rf"\b(?:{change})\s+(?:pa\s+)?{field}\b\s*(?:till\b|:|,|-|–)?\s*{copula}(?P<value>.+)")),
            (slot, re.compile(rf"\b(?:{wrong})\s+{field}\b{_SEP}{copula}(?P<value>.+)")),
            (slot, re.compile(rf"^\s*{field}\s+(?:{wrong}){_SEP}{copula}(?P<value>.+)")),
            (slot, re.compile(rf"^\s*(?:(?:{_alternation(c['lead'])}){_SEP})?{field}\s*[:=]\s*(?P<value>.+)")),
            (slot, re.compile(rf"^\s*(?:(?:{_alternation(c['lead'])}){_SEP})?{field}\s+(?:ska\s+vara|skulle\s+vara|var|ar|blir)"
                              rf"\s+(?P<value>.+)")),
        ]
    lead = rf"(?:{_alternation(c['lead'])})"
    patterns += [
        # "det var rum 6 inte 4", "nej vänta, rum 6 inte rum 4", "inte i duschen utan i köket"
        ("swap", re.compile(r"\b(?:inte|ej)\s+(?P<old>[^,.;]{1,30}?)\s+utan\s+(?P<value>[^,.;]{1,40}?)\s*[.!]?\s*$")),
        ("swap", re.compile(rf"^\s*(?:{lead}{_SEP})?{copula}(?P<value>[^,.;]{{1,40}}?)\s+(?:och\s+)?(?:inte|ej)\s+"
                            rf"(?P<old>[^,.;]{{1,30}}?)\s*[.!]?\s*$")),
        ("value", re.compile(rf"^\s*{lead}{_SEP}{copula}(?P<value>.+)")),
        ("value", re.compile(rf"^\s*(?:{_alternation(c['copula'])})\s+(?P<value>.+)")),
        # only a clock time, "kl 02.30" or "14:10" (a bare "2" stays a numbered choice)
        ("time", re.compile(r"^\s*(?P<value>(?:(?:ca|cirka|runt|vid|typ)\s+)?(?:kl|klockan)\.?\s*\d{1,2}(?:[.:]\d{2})?"
                            r"|\d{1,2}[.:]\d{2})\s*[.!]?\s*$")),
    ]
    # a field's name right before its value, without a colon: "konsekvens ingen skada", "tiden kl 1130" (only a
    # correction when the value reads as that field's value: "skada på armen" is no correction)
    for slot, names in fields.items():
        names = [n for n in names if len(n) >= 4 and n not in LOOSE_FIELD_STOP]
        patterns.append((f"loose:{slot}", re.compile(rf"^\s*(?:(?:{_alternation(c['lead'])}){_SEP})?"
                                                      rf"(?:{_alternation(names)})\s+(?P<value>.+)")))
    return patterns


def find_correction(text: str) -> Correction | None:
    """The correction `text` makes, if it is one. "value" corrections still need `infer_slot`."""
    folded = fold(text)
    for slot, pattern in _patterns():
        match = pattern.search(folded)
        if match:
            start, end = match.span("value")
            value = text[start:end].strip(" .,!?")
            if not value:
                continue
            if slot == "swap":
                old_start, old_end = match.span("old")
                if len(phrase(value).split()) > MAX_SWAP_WORDS:
                    continue
                return Correction("swap", value, old=text[old_start:old_end].strip(" .,!?"))
            if slot.startswith("loose:"):
                return Correction(slot.split(":", 1)[1], value, loose=True)
            return Correction(slot, value)
    return None


def swap_in_description(turn: Turn, draft: ReportDraft, correction: Correction) -> bool:
    """"det var rum 6 inte 4": the wrong words of the description replaced by the right ones, when they are
    there ("rum 4" → "rum 6"; "4" alone is read with the words it shares with the right ones). False when the
    description has no such words."""
    new, old = correction.value.split(), correction.old.split()
    if not new or not old or len(old) > len(new) + 1:
        return False
    shared_before = new[:len(new) - len(old)]  # "rum" of "rum 6" for "4"
    shared_after = new[len(old):]  # "arm" of "vänster arm" for "höger"
    tries = [(old, new)]
    if shared_before:
        tries.append((shared_before + old, new))
    if shared_after:
        tries.append((old + shared_after, new))
    for wrong, right in sorted(tries, key=lambda pair: -len(pair[0])):
        if len(wrong) != len(right):
            continue
        pattern = re.compile(r"\b" + r"\s+".join(_fuzzy_word(w) for w in wrong) + r"\b", re.IGNORECASE)
        found = list(pattern.finditer(fold(draft.description)))
        if len(found) == 1:
            start, end = found[0].span()
            change_description(turn, draft, draft.description[:start] + " ".join(right) + draft.description[end:],
                               append=False)
            return True
    return False


def swap_time_in_description(turn: Turn, draft: ReportDraft, value: str) -> bool:
    """After a time correction ("nej det var kl 5"), the description's own time words ("kl 4 i natt") say the
    corrected time too, so the stored report does not contradict itself. Only when the description names one
    time: with two ("igår … i morse") it is not known which was meant. The corrected time itself is kept."""
    old = time_mentions(draft.description)
    if len(old) != 1 or draft.occurred() is None:
        return False
    said = time_mentions(value)
    new = value[said[0][0]:said[-1][1]] if said else value.strip(" .,!?")
    if resolve_occurred_at(new, turn.now) != draft.occurred():  # "typ 17" on the known day: "i går kl 17.00"
        new = format_said_moment(draft.occurred(), draft.occurred_precision(), turn.now)
    start, end = old[0]
    if fold(draft.description[start:end]) == fold(new):
        return False
    kept = (draft.occurred_at, draft.occurred_approximate, draft.occurred_part, list(draft.unknown))
    change_description(turn, draft, draft.description[:start] + new + draft.description[end:], append=False)
    draft.occurred_at, draft.occurred_approximate, draft.occurred_part, draft.unknown = kept
    return True


def _fuzzy_word(word: str) -> str:
    return re.escape(fold(word))


def infer_slot(turn: Turn, draft: ReportDraft, value: str) -> str | None:
    """Which field a bare value corrects ("typ 22" → time, "Björkhagen" → unit), or None when it is no
    field's value on its own."""
    words = phrase(value).split()
    if not words or len(words) > MAX_VALUE_WORDS:
        return None
    analysis = turn.understand(value).report
    if not analysis.area_evidence and resolve_time(draft, value, turn.now) is not None:
        return "time"
    matcher = turn.services.nlu.units
    if len(words) <= 4 and (matcher.lookup(value) or matcher.find(value)):
        return "unit"
    if len(words) <= 3 and _reads_as(value, "area", draft):
        return "area"
    if draft.is_synpunkt:
        if len(words) <= 3 and giver(value):
            return "given_by"
        if contact_wish(value):
            return "contact"
        return None
    if len(words) <= 4 and (_reads_as(value, "consequence", draft) or analysis.consequence):
        return "consequence"
    return None


def _reads_as(value: str, slot: str, draft: ReportDraft) -> bool:
    answer = read_answer(value, answer_question(slot, draft))
    return answer.kind == AnswerKind.OPTION and not phrase(value).isdigit()
