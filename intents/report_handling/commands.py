"""Handling messages, parsed into typed commands.

- lists: "visa nya avvikelser [på Solgården]", "vilka avvikelser är inte bedömda", "lista lex maria",
  "visa avvikelser utan återkoppling" (intents/report_handling/lists.py)
- one report: "visa AV-2026-00042", "hur gick det med AV-2026-00042?", or just "AV-2026-00042"
- updates in plain words (nlp_models/handling/): several fields in one message, separated by full
  stops, semicolons or new lines, the field words anywhere: "AV-2026-00042 utredning: pratat med
  nattpersonalen. orsak: lös matta i hallen. åtgärd: mattan borttagen, status åtgärdad";
  "AV-2026-00042 lex maria: anmäls till IVO"; "AV-2026-00042 berörd informerad 24/11".
  Text without field words is read for what it says ("vi har infört dubbelkontroll, den är klar
  nu") and proposed before anything is saved.
- duplicates: "AV-2026-00043 är dubblett av AV-2026-00042", "AV-2026-00043 är inte en dubblett"

Matching is on folded text (case and å/ä/ö never matter). Free-text values keep the writer's own
spelling, with personal identifiers masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from rapidfuzz import fuzz, process

from intents.references import find_reference, find_references
from intents.report_handling.lists import ListCommand, parse_list
from nlp_models.handling import FieldText, asks_to_see, handling_words, read_handling
from nlp_models.handling.causes import ROOT_CAUSES, categorize_cause, parse_causes
from nlp_models.handling.lex_reason import lex_motivation
from nlp_models.handling.reader import status_only
from nlp_models.personal_data.masking import mask_personal_data
from nlp_models.text.normalize import fold
from nlp_models.times.expressions import resolve_occurred_at
from storage.models import ReportUpdate
from storage.timestamps import STOCKHOLM, utc_now
from storage.vocabulary import Lagrum, ReportStatus

# On folded text: "AV-2026-00042", "av-2026-42", "SP2026-00003".

FIELD_LABELS = {
    "status": "status", "lagrum": "lagrum", "investigation": "utredning", "cause": "orsak",
    "cause_categories": "orsakskategori", "action": "åtgärd", "feedback": "återkoppling", "comment": "kommentar",
    "informed": "berörd informerad", "lex sarah": "lex Sarah", "lex maria": "lex Maria", "reason": "motivering",
}
_STATUS = {s.value: s for s in ReportStatus}
_LAGRUM = {"sol": Lagrum.SOL, "hsl": Lagrum.HSL, "lss": Lagrum.LSS}
_LAGRUM_NOISE = frozenset(["en", "ett", "avvikelse", "avvikelsen", "som", "enligt", "under", "bedomd", "bedoms", "bedomning", "faller", "galler", "lagrum", "det", "ar", "och", "lag"])
REPORTABLE_OUTCOMES = ("allvarligt missförhållande", "påtaglig risk för allvarligt missförhållande")

STATUS_HELP = "Status kan vara ny, utreds, åtgärdad eller avslutad."
LAGRUM_HELP = "Lagrum kan vara SoL, HSL eller LSS, eller en kombination som SoL/HSL."
CAUSE_HELP = "Orsakskategorin kan vara en eller flera av: " + ", ".join(ROOT_CAUSES) + "."
FIELDS_HELP = ("Det du kan skriva är: utredning, orsak, åtgärd, återkoppling, status, lagrum, kommentar, "
               "berörd informerad, och för möjliga lex-fall lex Sarah eller lex Maria.")
LEX_HELP = ("Skriv t.ex. ”{reference} lex maria: anmäls till IVO”, ”… lex maria: ej anmälningspliktig” eller "
            "”… lex sarah: missförhållande, anmäld till IVO 2026-11-24”.")


@dataclass(frozen=True)
class ShowCommand:
    reference: str


@dataclass(frozen=True)
class Informed:
    note: str  # what was written ("dottern informerad i telefon"), masked
    on: datetime  # when


@dataclass(frozen=True)
class LexDecision:
    law: str | None  # "lex sarah" | "lex maria"; None when not named (the report decides)
    outcome: str | None = None  # lex Sarah's scale
    decision: str | None = None  # "anmäls till IVO" | "ej anmälningspliktig" | "anmäld till IVO"
    reported_on: date | None = None
    motivation: str | None = None  # why, as written ("fallet berodde inte på brister i vården")


@dataclass(frozen=True)
class UpdateCommand:
    reference: str
    changes: ReportUpdate
    comment: str | None = None
    masked: list[str] = field(default_factory=list)  # kinds of personal data masked in the texts
    informed: Informed | None = None
    lex: tuple[LexDecision, ...] = ()
    fields: tuple[FieldText, ...] = ()  # as read: kept for a proposal
    not_understood: tuple[str, ...] = ()
    categories_from_words: bool = True  # cause categories chosen from the cause's words ("annat" otherwise)
    status_moved: bool = False  # "ny" became "utreds" because a cause, an action or an investigation was written

    @property
    def has_field_changes(self) -> bool:
        return bool(self.changes.model_dump(exclude_none=True)) or self.informed is not None

    @property
    def proposal(self) -> bool:
        """Some fields were read from everyday words: show them and ask before saving."""
        return any(f.inferred for f in self.fields)


@dataclass(frozen=True)
class DuplicateCommand:
    reference: str
    original: str | None  # None: "is not a duplicate"


@dataclass(frozen=True)
class CommandError:
    message: str  # Swedish, ready to show
    reference: str | None = None


Command = ListCommand | ShowCommand | UpdateCommand | DuplicateCommand | CommandError




# ---------------------------------------------------------------- values

def parse_status(value: str) -> ReportStatus | None:
    words = handling_words()
    said = status_only(fold(value), words)
    if said is None:
        key = " ".join(re.findall(r"[a-z]+", fold(value)))
        best = process.extractOne(key, [p for p, _ in words.status], scorer=fuzz.ratio,
                                  score_cutoff=80) if len(key) >= 4 else None
        said = best[0] if best else None
    return _STATUS[dict(words.status)[said]] if said else None


def parse_lagrum(value: str) -> str | None:
    """"SoL", "hsl", "SoL/HSL", "sol och hsl", "det är en HSL-avvikelse" → "SoL", "HSL", "SoL/HSL"."""
    tokens = [t for t in re.findall(r"[a-z]+", fold(value)) if t not in _LAGRUM_NOISE]
    if not tokens or any(t not in _LAGRUM for t in tokens):
        return None
    chosen = {_LAGRUM[t] for t in tokens}
    return "/".join(law.value for law in Lagrum if law in chosen)


def _longest(scale, folded: str) -> str | None:
    best, length = None, 0
    for value, pattern in scale:
        for match in pattern.finditer(folded):
            if match.end() - match.start() > length:
                best, length = value, match.end() - match.start()
    return best


def _day(text: str, now: datetime) -> date | None:
    moment = resolve_occurred_at(text, now.astimezone(STOCKHOLM))
    return moment.astimezone(STOCKHOLM).date() if moment is not None else None


def parse_lex(value: str, law: str | None, reference: str, now: datetime) -> LexDecision | CommandError:
    words = handling_words()
    folded = fold(value)
    outcome = _longest(words.lex_outcomes, folded)
    decision = _longest(words.lex_decisions, folded)
    if outcome is None and decision is None:
        return CommandError(f"Jag förstod inte bedömningen ”{value}”. " + LEX_HELP.format(reference=reference),
                            reference)
    if outcome is not None and law == "lex maria":
        return CommandError("Utfallsskalan (missförhållande …) gäller lex Sarah. För lex Maria skriver du om det "
                            "anmäls till IVO eller inte. " + LEX_HELP.format(reference=reference), reference)
    if outcome in REPORTABLE_OUTCOMES and decision == "ej anmälningspliktig":
        return CommandError(f"Ett {outcome} ska anmälas till IVO, så det kan inte vara ej anmälningspliktigt. "
                            + LEX_HELP.format(reference=reference), reference)
    reported_on = None
    if decision == "anmäld till IVO":
        reported_on = _day(value, now) or now.astimezone(STOCKHOLM).date()
    return LexDecision(law or ("lex sarah" if outcome else None), outcome, decision, reported_on,
                       lex_motivation(value))


# ---------------------------------------------------------------- updates

def build_update(reference: str, fields: tuple[FieldText, ...], now: datetime,
                 not_understood: tuple[str, ...] = ()) -> UpdateCommand | CommandError:
    """The update the fields ask for, or the errors to show (then nothing is saved)."""
    values: dict[str, str] = {}
    errors: list[str] = []
    masked: list[str] = []
    comment: str | None = None
    informed: Informed | None = None
    lex: list[LexDecision] = []
    categories: list[str] | None = None
    reasons: list[str] = []
    from_words = True

    def masked_text(raw: str) -> str:
        text = mask_personal_data(raw)
        masked.extend(k for k in text.kinds if k not in masked)
        return text.text

    for item in fields:
        value = item.text.strip()
        label = FIELD_LABELS.get(item.field, item.field)
        if not value and item.field not in ("informed",):
            errors.append(f"Du skrev {label} men inget efter – skriv t.ex. ”{reference} {label}: …”.")
            continue
        if item.field == "status":
            status = parse_status(value)
            if status is None:
                errors.append(f"Statusen ”{value}” känner jag inte igen. {STATUS_HELP}")
            else:
                values["status"] = status.value
        elif item.field == "lagrum":
            lagrum = parse_lagrum(value)
            if lagrum is None:
                errors.append(f"Lagrummet ”{value}” känner jag inte igen. {LAGRUM_HELP}")
            else:
                values["lagrum"] = lagrum
        elif item.field == "cause_categories":
            found, unknown = parse_causes(value)
            if unknown or not found:
                listed = ", ".join(f"”{u}”" for u in unknown) or f"”{value}”"
                errors.append(f"Orsakskategorin {listed} känner jag inte igen. {CAUSE_HELP}")
            else:
                categories = found
        elif item.field == "cause":
            named, unknown = parse_causes(value)
            chosen, from_words = categorize_cause(value)
            # a cause that only names categories is stored as those categories, spelled out
            values["cause"] = ", ".join(named) if named and not unknown else masked_text(value)
            if categories is None:
                values["cause_categories"] = ", ".join(chosen)
        elif item.field == "lex":
            decision = parse_lex(value, item.law, reference, now)
            if isinstance(decision, CommandError):
                errors.append(decision.message)
            else:
                motivation = masked_text(decision.motivation) if decision.motivation else None
                lex.append(replace(decision, motivation=motivation))
        elif item.field == "reason":
            reasons.append(masked_text(value))
        elif item.field == "informed":
            informed = Informed(masked_text(value), _informed_on(value, now))
        elif item.field == "comment":
            comment = masked_text(value)
        else:
            values[item.field] = masked_text(value)
    if categories is not None:
        values["cause_categories"] = ", ".join(categories)
        from_words = True
    if reasons and lex:  # "motivering: …" belongs to the assessment written with it
        last = lex[-1]
        lex[-1] = replace(last, motivation=". ".join([*([last.motivation] if last.motivation else []), *reasons]))
    elif reasons:  # no assessment to go with: kept as a comment, never dropped
        comment = ". ".join([*([comment] if comment else []), *reasons])
    if errors:
        return CommandError("\n".join(errors), reference)
    return UpdateCommand(reference=reference, changes=ReportUpdate(**values), comment=comment, masked=masked,
                         informed=informed, lex=tuple(lex), fields=fields, not_understood=not_understood,
                         categories_from_words=from_words)


def _informed_on(text: str, now: datetime) -> datetime:
    day = _day(text, now)
    if day is None or day == now.astimezone(STOCKHOLM).date():
        return now
    return datetime.combine(day, datetime.min.time().replace(hour=12), tzinfo=STOCKHOLM)


def _duplicate(reference: str, rest: str) -> DuplicateCommand | None:
    words = handling_words()
    folded = fold(rest)
    others = find_references(rest)
    said = words.duplicate_is.search(folded)
    if said and others and others[0][1] >= said.start():
        return DuplicateCommand(reference, others[0][0])
    if words.duplicate_is_not.search(folded) and not others:
        return DuplicateCommand(reference, None)
    return None


def parse_update(reference: str, text: str, now: datetime | None = None) -> UpdateCommand | CommandError | None:
    """The update written about a reference, an error to show, or None when `text` gives no field."""
    at = now or utc_now()
    reading = read_handling(text)
    if reading.unknown_field and not reading.fields:
        return CommandError(f"Fältet ”{reading.unknown_field}” känner jag inte igen. {FIELDS_HELP}", reference)
    if not reading.fields:
        return None
    return build_update(reference, reading.fields, at, reading.not_understood)


# ---------------------------------------------------------------- everything

def parse_command(text: str, now: datetime | None = None) -> Command | None:
    """What a handling message asks for; None if it is not a handling command at all."""
    found = find_reference(text)
    if found is None:
        return parse_list(text)
    reference, start, end = found
    before, after = text[:start], text[end:].lstrip(" :–-\t")
    duplicate = _duplicate(reference, after)
    if duplicate is not None:
        return duplicate
    said = after if asks_to_see(before) else f"{before.strip()}\n{after}"
    update = parse_update(reference, said, now)
    if update is not None:
        return update
    if asks_to_see(said):
        return ShowCommand(reference)
    return CommandError(f"Det här förstod jag inte: ”{' '.join(said.split())}”. Jag har inte ändrat något i "
                        f"{reference}. {FIELDS_HELP} Skriv t.ex. ”{reference} åtgärd: extra tillsyn nattetid, "
                        "status åtgärdad”.", reference)
