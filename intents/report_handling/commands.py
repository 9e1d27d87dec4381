"""Chat commands for handling reports, parsed into typed results.

- lists: "visa nya avvikelser", "visa obehandlade", "vilka avvikelser är inte bedömda"
- one report: "visa AV-2026-00042", or just "AV-2026-00042"
- updates in plain words on a reference, several fields separated by commas or new lines:
  "AV-2026-00042 åtgärd: extra tillsyn nattetid, status åtgärdad", "AV-2026-00042 lagrum SoL/HSL",
  "AV-2026-00042 orsak: kommunikation och information, teknisk utrustning",
  "AV-2026-00042 återkoppling: …", "AV-2026-00042 kommentar: …"

Matching is on folded text (case and å/ä/ö never matter); field names and closed values
tolerate small typos. Free-text values keep the writer's own spelling, with personal
identifiers masked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from intents.report_handling.root_causes import ROOT_CAUSES, parse_causes
from nlp_models.text.normalize import fold
from nlp_models.personal_data.masking import mask_personal_data
from storage.models import ReportUpdate
from storage.report_queries import Queue
from storage.vocabulary import Lagrum, ReportStatus

# On folded text: "AV-2026-00042", "av-2026-42", "SP2026-00003".
REFERENCE = re.compile(r"\b(av|sp)-?(\d{4})-(\d{1,5})\b")

FIELD_LABELS = {
    "status": "status", "lagrum": "lagrum", "investigation": "utredning", "cause": "orsak",
    "action": "åtgärd", "feedback": "återkoppling", "comment": "kommentar",
}
_FIELD_NAMES = {
    "status": "status", "lage": "status",
    "lagrum": "lagrum", "lag": "lagrum", "bedomning": "lagrum",
    "utredning": "investigation", "utredningen": "investigation", "handelseutredning": "investigation",
    "orsak": "cause", "orsaker": "cause", "orsaken": "cause", "bakomliggande orsak": "cause",
    "bakomliggande orsaker": "cause", "rotorsak": "cause", "grundorsak": "cause",
    "atgard": "action", "atgarder": "action", "atgarden": "action", "vidtagen atgard": "action",
    "aterkoppling": "feedback", "aterkopplingen": "feedback", "feedback": "feedback",
    "kommentar": "comment", "kommentera": "comment", "anteckning": "comment", "notering": "comment",
}
# Fields whose value is a closed set: without a colon they start a field only when the value fits.
_CLOSED_FIELDS = ("status", "lagrum", "cause")

_STATUS_WORDS = {
    "ny": ReportStatus.NY, "nya": ReportStatus.NY,
    "utreds": ReportStatus.UTREDS, "utredning": ReportStatus.UTREDS, "under utredning": ReportStatus.UTREDS,
    "utreda": ReportStatus.UTREDS, "pagar": ReportStatus.UTREDS, "pagaende": ReportStatus.UTREDS,
    "atgardad": ReportStatus.ATGARDAD, "atgardat": ReportStatus.ATGARDAD,
    "avslutad": ReportStatus.AVSLUTAD, "avslutat": ReportStatus.AVSLUTAD, "avsluta": ReportStatus.AVSLUTAD,
    "stangd": ReportStatus.AVSLUTAD, "klar": ReportStatus.AVSLUTAD, "klart": ReportStatus.AVSLUTAD,
}
_LAGRUM = {"sol": Lagrum.SOL, "hsl": Lagrum.HSL, "lss": Lagrum.LSS}

STATUS_HELP = "Status kan vara ny, utreds, åtgärdad eller avslutad."
LAGRUM_HELP = "Lagrum kan vara SoL, HSL eller LSS, eller en kombination som SoL/HSL."
CAUSE_HELP = "Orsaken kan vara en eller flera av: " + ", ".join(ROOT_CAUSES) + "."
FIELDS_HELP = "Det du kan ändra är: status, lagrum, utredning, orsak, åtgärd, återkoppling och kommentar."


@dataclass(frozen=True)
class ListCommand:
    queue: Queue
    kind: str | None = None  # "avvikelse", "synpunkt" or None for both


@dataclass(frozen=True)
class ShowCommand:
    reference: str


@dataclass(frozen=True)
class UpdateCommand:
    reference: str
    changes: ReportUpdate
    comment: str | None = None
    masked: list[str] = field(default_factory=list)  # kinds of personal data masked in the texts

    @property
    def has_field_changes(self) -> bool:
        return bool(self.changes.model_dump(exclude_none=True))


@dataclass(frozen=True)
class CommandError:
    message: str  # Swedish, ready to show
    reference: str | None = None


Command = ListCommand | ShowCommand | UpdateCommand | CommandError


def find_reference(text: str) -> tuple[str, int, int] | None:
    """The first report reference in `text`, normalised ("AV-2026-00042"), with its span."""
    found = REFERENCE.search(fold(text))
    if not found or int(found[3]) == 0:
        return None
    return f"{found[1].upper()}-{found[2]}-{int(found[3]):05d}", found.start(), found.end()


# ---------------------------------------------------------------- lists

_QUEUE_WORDS = {
    "nya": Queue.NEW, "obehandlade": Queue.NEW, "obehandlad": Queue.NEW,
    "ohanterade": Queue.NEW, "ohanterad": Queue.NEW, "ohandlagda": Queue.NEW,
    "obedomda": Queue.UNASSESSED, "obedomd": Queue.UNASSESSED,
}
_OBJECT_WORDS = {
    "avvikelser": "avvikelse", "avvikelse": "avvikelse", "avvikelserna": "avvikelse",
    "synpunkter": "synpunkt", "synpunkt": "synpunkt", "synpunkterna": "synpunkt", "klagomal": "synpunkt",
    "rapporter": None, "rapport": None, "rapporterna": None, "arenden": None, "arende": None,
}
_NOT_A_LIST = re.compile(r"\b(hur manga|antal|andel|hur stor|procent|statistik|rapportera|anmala|registrera|"
                         r"skapa|skriva|gora|lagga|beratta)\b")
# a list is asked for with one of these first, or in three words or fewer ("nya avvikelser")
_LIST_CUES = {"visa", "lista", "se", "vilka", "vilken", "finns", "har", "ge", "oppna", "kolla", "vad", "alla"}


def _fuzzy_word(word: str, vocabulary: dict) -> tuple[bool, object]:
    if word in vocabulary:
        return True, vocabulary[word]
    if len(word) >= 6:
        best = process.extractOne(word, list(vocabulary), scorer=fuzz.ratio, score_cutoff=85)
        if best:
            return True, vocabulary[best[0]]
    return False, None


def parse_list(text: str) -> ListCommand | None:
    """A request for the queue of new or unassessed reports, or None."""
    folded = " ".join(re.sub(r"[^a-z0-9 ]", " ", fold(text)).split())
    if not folded or _NOT_A_LIST.search(folded) or find_reference(text):
        return None
    folded = re.sub(r"\b(?:ej|inte|icke)\s+(bedomda|bedomd|behandlade|behandlad|hanterade|hanterad)\b", r"o\1", folded)
    queue: Queue | None = None
    kind: str | None = None
    has_object = False
    for word in folded.split():
        if queue is None:
            hit, value = _fuzzy_word(word, _QUEUE_WORDS)
            if hit and value is not None:
                queue = value
                continue
        hit, value = _fuzzy_word(word, _OBJECT_WORDS)
        if hit:
            has_object = True
            kind = kind or value
    if queue is None:
        return None
    words = folded.split()
    if len(words) > 3 and words[0] not in _LIST_CUES:
        return None
    # "visa nya", "obehandlade": short enough to mean the queue; otherwise it must name reports
    if not has_object and (len(words) > 3 or words == ["nya"]):
        return None
    return ListCommand(queue=queue, kind=kind)


# ---------------------------------------------------------------- updates

def _field_name(name: str, *, fuzzy: bool) -> str | None:
    name = " ".join(name.split())
    if name in _FIELD_NAMES:
        return _FIELD_NAMES[name]
    if fuzzy and len(name) >= 4:
        best = process.extractOne(name, list(_FIELD_NAMES), scorer=fuzz.ratio, score_cutoff=80)
        if best:
            return _FIELD_NAMES[best[0]]
    return None


def parse_status(value: str) -> ReportStatus | None:
    key = " ".join(re.sub(r"[^a-z ]", " ", fold(value)).split())
    if key in _STATUS_WORDS:
        return _STATUS_WORDS[key]
    best = process.extractOne(key, list(_STATUS_WORDS), scorer=fuzz.ratio, score_cutoff=80) if len(key) >= 4 else None
    return _STATUS_WORDS[best[0]] if best else None


def parse_lagrum(value: str) -> str | None:
    """"SoL", "hsl", "SoL/HSL", "sol och hsl" → "SoL", "HSL", "SoL/HSL"; None if anything else is there."""
    tokens = [t for t in re.split(r"[\s/,+&]+|\boch\b", fold(value)) if t]
    if not tokens or any(t not in _LAGRUM for t in tokens):
        return None
    chosen = {_LAGRUM[t] for t in tokens}
    return "/".join(law.value for law in Lagrum if law in chosen)


def _closed_value_fits(name: str, value: str) -> bool:
    if name == "status":
        return parse_status(value) is not None
    if name == "lagrum":
        return parse_lagrum(value) is not None
    found, unknown = parse_causes(value)
    return bool(found) and not unknown


@dataclass
class _Header:
    name: str | None  # internal field name; None when a colon named an unknown field
    typed: str  # the name as written
    value: str  # the original text after the name


def _header(segment: str, *, leading: bool) -> _Header | None:
    """Does this segment start a field? `leading`: nothing precedes it, so no-colon names count."""
    folded = fold(segment)
    colon = re.match(r"\s*([a-z][a-z ]{1,38}?)\s*:", folded)
    if colon:
        name = _field_name(colon[1], fuzzy=True)
        if name or leading:
            return _Header(name, segment[colon.start(1):colon.end(1)], segment[colon.end():].strip())
        return None
    words = re.match(r"\s*([a-z]+)(?:\s+([a-z]+))?", folded)
    if not words:
        return None
    for end in (words.end(2) if words[2] else None, words.end(1)):
        if end is None:
            continue
        name = _field_name(folded[words.start(1):end], fuzzy=False)
        if name is None:
            continue
        value = segment[end:].strip()
        if leading or (name in _CLOSED_FIELDS and _closed_value_fits(name, value)):
            return _Header(name, segment[words.start(1):end], value)
    return None


def _segments(text: str) -> list[tuple[str, str]]:
    """(separator before it, segment) for each comma, semicolon or line separated piece."""
    parts = re.split(r"([,;\n])", text)
    out = [("", parts[0])]
    for i in range(1, len(parts), 2):
        out.append((parts[i], parts[i + 1]))
    return out


def _fields(rest: str) -> tuple[list[list[str]], list[str]]:
    """([[field, value], ...], error messages)."""
    fields: list[list[str]] = []
    errors: list[str] = []
    for separator, segment in _segments(rest):
        if not segment.strip() and not fields:
            continue
        header = _header(segment, leading=not fields)
        if header is not None and header.name is None:
            errors.append(f"Fältet ”{header.typed.strip()}” känner jag inte igen. {FIELDS_HELP}")
            return fields, errors
        if header is not None:
            fields.append([header.name, header.value])
        elif fields:
            glue = "\n" if separator == "\n" else separator + " "
            fields[-1][1] = (fields[-1][1] + glue + segment.strip()).strip(" ,;")
        else:
            return [], []  # free text without a field: not an update
    return fields, errors


def _clean_text(value: str) -> str:
    return value.strip().strip(",;").strip()


def parse_update(reference: str, rest: str) -> UpdateCommand | CommandError | None:
    """The update written after a reference, an error to show, or None if `rest` names no field."""
    fields, errors = _fields(rest)
    if errors:
        return CommandError(errors[0], reference)
    if not fields:
        return None
    values: dict[str, str] = {}
    comment: str | None = None
    masked: list[str] = []
    for name, raw in fields:
        value = _clean_text(raw)
        label = FIELD_LABELS[name]
        if not value:
            errors.append(f"Du skrev {label} men inget efter – skriv t.ex. ”{reference} {label}: …”.")
            continue
        if name == "status":
            status = parse_status(value)
            if status is None:
                errors.append(f"Statusen ”{value}” känner jag inte igen. {STATUS_HELP}")
            else:
                values[name] = status.value
        elif name == "lagrum":
            lagrum = parse_lagrum(value)
            if lagrum is None:
                errors.append(f"Lagrummet ”{value}” känner jag inte igen. {LAGRUM_HELP}")
            else:
                values[name] = lagrum
        elif name == "cause":
            found, unknown = parse_causes(value)
            if unknown or not found:
                listed = ", ".join(f"”{u}”" for u in unknown) or f"”{value}”"
                errors.append(f"Orsaken {listed} känner jag inte igen. {CAUSE_HELP}")
            else:
                values[name] = ", ".join(found)
        else:
            text = mask_personal_data(value)
            masked += [k for k in text.kinds if k not in masked]
            if name == "comment":
                comment = text.text
            else:
                values[name] = text.text
    if errors:
        return CommandError("\n".join(errors), reference)
    return UpdateCommand(reference=reference, changes=ReportUpdate(**values), comment=comment, masked=masked)


# ---------------------------------------------------------------- everything

def parse_command(text: str) -> Command | None:
    """What a handling message asks for; None if it is not a handling command at all."""
    found = find_reference(text)
    if found is None:
        return parse_list(text)
    reference, _start, end = found
    rest = text[end:].lstrip(" :–-\t")
    update = parse_update(reference, rest)
    if update is not None:
        return update
    if ":" in rest:
        return CommandError(f"Jag förstod inte vad som ska ändras i {reference}. {FIELDS_HELP} "
                            f"Skriv t.ex. ”{reference} åtgärd: extra tillsyn nattetid, status åtgärdad”.", reference)
    return ShowCommand(reference)
