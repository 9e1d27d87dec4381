"""Lists for those who handle reports: new, unassessed, without feedback, severe, lex Sarah, lex
Maria and possible duplicates, in the person's units or one of them, the most serious (or, in the
lex lists, the not yet assessed) first and then the newest, a page at a time ("visa fler").

    "visa nya avvikelser", "visa obedömda avvikelser på Solgården", "lista lex maria",
    "vilka avvikelser är inte bedömda", "visa avvikelser utan återkoppling", "visa allvarliga"

The words are data (rules/handling.toml, `[lists]`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz, process

from intents.paged_lists import Page, as_of, register_list
from intents.references import names_a_reference
from intents.report_handling.permissions import NO_UNITS, REFUSAL, turn_scope
from intents.report_handling.report_text import queue_line
from intents.turn import Turn
from nlp_models.handling import handling_words
from nlp_models.handling.vocabulary import folded_phrase
from storage.report_queries import Queue, queued_reports
from storage.units import get_unit_by_name

PAGE_SIZE = 10
_TITLE = {
    Queue.NEW: "som ingen har börjat hantera", Queue.UNASSESSED: "som inte är bedömda ännu",
    Queue.WITHOUT_FEEDBACK: "där den som rapporterade inte fått återkoppling",
    Queue.SEVERE: "som är allvarliga och inte avslutade",
    Queue.LEX_SARAH: "som kan vara lex Sarah och inte är färdigbedömda",
    Queue.LEX_MARIA: "som kan vara lex Maria och inte är färdigbedömda",
    Queue.POSSIBLE_DUPLICATES: "som kan vara dubbletter",
}
_ORDER = {Queue.LEX_SARAH: "obedömda först, sedan nyast", Queue.LEX_MARIA: "obedömda först, sedan nyast"}
_LOG = {Queue.NEW: "lista nya", Queue.UNASSESSED: "lista ej bedömda", Queue.WITHOUT_FEEDBACK: "lista utan återkoppling",
        Queue.SEVERE: "lista allvarliga", Queue.LEX_SARAH: "lista lex Sarah", Queue.LEX_MARIA: "lista lex Maria",
        Queue.POSSIBLE_DUPLICATES: "lista möjliga dubbletter"}
_NOUNS = {"avvikelse": ("avvikelse", "avvikelser"), "synpunkt": ("synpunkt", "synpunkter"),
          None: ("avvikelse eller synpunkt", "avvikelser och synpunkter")}


@dataclass(frozen=True)
class ListCommand:
    queue: Queue
    kind: str | None = None  # "avvikelse", "synpunkt" or None for both
    unit_words: str | None = None  # the words after "på" that may name a unit


def _phrase_at(words: list[str], index: int, table) -> tuple[str, int] | None:
    """The longest phrase of `table` starting at word `index`: (its value, how many words)."""
    for phrase, value in table:
        size = len(phrase.split())
        if words[index:index + size] == phrase.split():
            return value, size
    return None


def _fuzzy_queue(word: str, table) -> str | None:
    singles = [phrase for phrase, _ in table if " " not in phrase]
    if len(word) < 6:
        return None
    best = process.extractOne(word, singles, scorer=fuzz.ratio, score_cutoff=85)
    return dict(table)[best[0]] if best else None


def parse_list(text: str) -> ListCommand | None:
    """A request for one of the handling lists, or None."""
    vocabulary = handling_words()
    folded = folded_phrase(text).replace("*", " ")
    if not folded or vocabulary.not_lists.search(folded) or names_a_reference(folded):
        return None
    words = folded.split()
    queue: str | None = None
    kind: str | None = None
    has_object = False
    cut: int | None = None  # where "på Solgården" begins
    used: set[int] = set()
    index = 0
    while index < len(words):
        if (queue or has_object) and cut is None and words[index] in vocabulary.unit_prepositions:
            cut = index
            index += 1
            continue
        hit = _phrase_at(words, index, vocabulary.list_queues) if queue is None else None
        if hit is None and queue is None and (fuzzy := _fuzzy_queue(words[index], vocabulary.list_queues)):
            hit = (fuzzy, 1)
        obj = None if hit else _phrase_at(words, index, vocabulary.list_objects)
        if hit:
            queue = hit[0]
        elif obj:
            has_object = True
            kind = kind or (None if obj[0] == "any" else obj[0])
        size = (hit or obj or (None, 1))[1]
        if hit or obj:
            used.update(range(index, index + size))
        index += size
    if queue is None:
        return None
    head = words[:cut] if cut is not None else words
    unit_words = " ".join(w for i, w in enumerate(words) if cut is not None and i > cut and i not in used) or None
    if unit_words in vocabulary.own_units:
        unit_words = None
    starts_with_cue = head[0] in vocabulary.list_cues or " ".join(head[:2]) in vocabulary.list_cues
    if len(head) > 4 and not starts_with_cue:
        return None
    if not has_object and not starts_with_cue and (len(head) > 3 or head in (["nya"], ["ny"])):
        return None
    return ListCommand(queue=Queue(queue), kind=kind, unit_words=unit_words)


# ---------------------------------------------------------------- the list

def list_params(command: ListCommand, unit_name: str | None) -> dict[str, Any]:
    return {"queue": command.queue.value, "kind": command.kind, "unit": unit_name}


def fetch_queue(turn: Turn, params: dict[str, Any], offset: int, limit: int) -> Page:
    scope = turn_scope(turn)
    if scope is None:
        return Page([], 0, refusal=REFUSAL)
    if not scope.everything and not scope.unit_ids:
        return Page([], 0, refusal=NO_UNITS)
    queue, kind, unit_name = Queue(params["queue"]), params.get("kind"), params.get("unit")
    unit_ids = scope.listed_unit_ids
    where = "på alla enheter" if scope.everything else "på dina enheter"
    if unit_name:
        unit = get_unit_by_name(session=turn.session, name=unit_name)
        if unit is None or not scope.allows_unit(unit.id):
            return Page([], 0, refusal=f"{unit_name} är inte en av dina enheter, så den listan kan jag inte visa.")
        unit_ids, where = [unit.id], f"på {unit.name}"
    page = queued_reports(session=turn.session, queue=queue, unit_ids=unit_ids, kind=kind, limit=limit,
                          offset=offset, as_of=as_of(params))
    one, many = _NOUNS[kind]
    if page.total == 0:
        return Page([], 0, empty=f"Det finns inga {many} {where} {_TITLE[queue]} just nu.",
                    revealed=f"{_LOG[queue]}: 0")
    noun = one if page.total == 1 else many
    order = _ORDER.get(queue, "allvarligast och nyast först")
    heading = f"{page.total} {noun} {where} {_TITLE[queue]} ({order}):"
    lines = [queue_line(item, turn.now) for item in page.reports]
    footer = f"Skriv en referens, t.ex. ”{page.reports[0].reference}”, för att öppna den." if page.reports else ""
    revealed = f"{_LOG[queue]}: {page.total}: " + ", ".join(item.reference for item in page.reports)
    return Page(lines, page.total, heading=heading, footer=footer, revealed=revealed)


register_list("queue", fetch_queue, page_size=PAGE_SIZE)
