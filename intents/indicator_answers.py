"""Answers about quality indicators: the status list, the ones under target, one indicator
asked by name (fuzzy, with the words people use), and its development over time.

Definitions come from the indicator file (names, aliases) and the database (values). The
municipality is the default scope; a unit named in the question is used when it has values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process
from sqlmodel import Session, select

from intents.access import NO_UNITS, REFUSAL, StatisticsScope, statistics_scope
from intents.messages import Reply
from intents.statistics.request import or_list
from intents.turn import Turn
from nlp_models.text.normalize import fold
from storage.indicators.definitions import IndicatorSpec, load_indicator_catalog, sync_indicator_definitions
from storage.indicators.periods import describe_period
from storage.indicators.status import IndicatorStatus, indicator_statuses
from storage.indicators.values import MUNICIPALITY
from storage.models import IndicatorDefinition, IndicatorValue
from storage.units import get_unit_by_name

SERIES_LENGTH = 6
NEAREST = 3
MAX_MATCHES_SHOWN = 4
WORD_SIMILARITY = 88  # rapidfuzz ratio for one word against one alias word (typos)
MAX_INFLECTION = 4  # "riskbedömningar" is "riskbedömning" + 2 letters
NEAREST_CUTOFF = 45

# Words of a question that name no indicator (folded). Anything else left over, with no
# indicator matched, means the person asked for an indicator we do not know.
GENERIC_WORDS = set("""
hur ligger vi till med pa for av i och ar var vad vilka vilken vilket visa status statusen lage laget
indikator indikatorer indikatorerna indikatorn indikatorns kvalitetsindikator kvalitetsindikatorer
kvalitetsindikatorerna nyckeltal nyckeltalen malvarde malvardet malvardena malvarden mal malet malen
maluppfyllelse under over nar klarar klarat inte ej uppfyller uppfylls missar samre battre an det de den
dem om oss kan du jag ge mig en ett senaste senast varde vardet vardena varden just nu ser ut har hade
gar gick kommunen kommun kommunens alla allt oversikt sammanfattning tid utvecklats utveckling
utvecklingen utvecklas trend trenden trender historik serie tidsserie manad manaden manader ar aret aren
kvartal kvartalet kvartalen sista hittills bra daligt sa da andel andelen procent hos brukarna brukare
som sig sin sina ni er era vara vart skulle vilja veta fa se lista tala beratta kolla kollar
forandrats forandring forandringen gatt tack hej snalla idag iar ifjol forra forrafjol denna detta
januari februari mars april maj juni juli augusti september oktober november december
""".split())
OFF_TARGET_PHRASES = ("under malvard", "under malet", "under malen", "inte nar", "nar inte", "nar vi inte",
                      "inte klarar", "klarar inte", "klarar vi inte", "missar", "uppfyller inte", "inte uppfyll",
                      "samre an mal", "ej nar", "utanfor mal", "uppfylls inte", "inte natt")
OVER_TIME_PHRASES = ("utvecklat", "utveckling", "over tid", "trend", "historik", "serie", "forandrats",
                     "senaste manaderna", "senaste aren", "senaste kvartalen", "forandring")

NO_INDICATORS = "Det finns inga kvalitetsindikatorer inlagda ännu."


@dataclass(frozen=True)
class _Phrase:
    spec: IndicatorSpec
    text: str  # folded
    words: tuple[str, ...]


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z0-9]+", fold(text)) if not w.isdigit()]


def _phrases(catalog: Sequence[IndicatorSpec]) -> list[_Phrase]:
    out: list[_Phrase] = []
    for spec in catalog:
        texts = [spec.name, re.sub(r"\(.*?\)", "", spec.name), spec.id.replace("_", " "), *spec.aliases]
        for text in dict.fromkeys(texts):
            words = tuple(_words(text))
            if words:
                out.append(_Phrase(spec, " ".join(words), words))
    return out


def _word_matches(asked: str, known: str) -> bool:
    if asked == known:
        return True
    if len(known) < 4:
        return False
    if asked.startswith(known) and len(asked) - len(known) <= MAX_INFLECTION:
        return True
    if len(known) < 6:
        return False
    stem = asked[: len(known) + 1]
    return max(fuzz.ratio(asked, known), fuzz.ratio(stem, known)) >= WORD_SIMILARITY


def _phrase_score(asked: list[str], phrase: _Phrase) -> int:
    """Letters of the phrase matched when every phrase word matches its own asked word, else 0."""
    free = list(asked)
    for word in phrase.words:
        hit = next((a for a in free if _word_matches(a, word)), None)
        if hit is None:
            return 0
        free.remove(hit)
    return sum(len(w) for w in phrase.words)


def match_indicators(text: str, catalog: Sequence[IndicatorSpec] | None = None) -> list[IndicatorSpec]:
    """The indicators a text names, best first; several when they tie ("riskbedömningar", "nöjdhet")."""
    catalog = list(catalog) if catalog is not None else load_indicator_catalog()
    asked = _words(text)
    best: dict[str, int] = {}
    for phrase in _phrases(catalog):
        score = _phrase_score(asked, phrase)
        if score > best.get(phrase.spec.id, 0):
            best[phrase.spec.id] = score
    if not best:
        return []
    top = max(best.values())
    return [spec for spec in catalog if best.get(spec.id) == top]


def find_indicator(text: str, catalog: Sequence[IndicatorSpec] | None = None) -> IndicatorDefinition | None:
    """The one indicator a text names (the first in file order on a tie), or None."""
    matches = match_indicators(text, catalog)
    return matches[0].definition() if matches else None


def nearest_indicators(text: str, catalog: Sequence[IndicatorSpec], limit: int = NEAREST) -> list[IndicatorSpec]:
    """Indicators whose name or alias looks most like the text (for "did you mean")."""
    query = " ".join(w for w in _words(text) if w not in GENERIC_WORDS) or fold(text)
    phrases = _phrases(catalog)
    hits = process.extract(query, [p.text for p in phrases], scorer=fuzz.WRatio, limit=len(phrases))
    out: list[IndicatorSpec] = []
    for _, score, index in hits:
        spec = phrases[index].spec
        if score >= NEAREST_CUTOFF and spec not in out:
            out.append(spec)
        if len(out) == limit:
            break
    return out or list(catalog[:limit])


def _leftover_words(text: str, unit_name: str | None) -> list[str]:
    unit_words = set(_words(unit_name)) if unit_name else set()
    return [w for w in _words(text) if w not in GENERIC_WORDS
            and not any(_word_matches(w, u) or w == u for u in unit_words)]


def current_definitions(*, session: Session, catalog: Sequence[IndicatorSpec]) -> list[IndicatorDefinition]:
    """The database rows of the catalog's indicators in file order (synced when the file changed)."""
    sync_indicator_definitions(session=session, specs=list(catalog))
    rows = {d.id: d for d in session.exec(select(IndicatorDefinition))}
    return [rows[spec.id] for spec in catalog if spec.id in rows]


def off_target(session: Session, *, catalog: Sequence[IndicatorSpec] | None = None,
               scope: str = MUNICIPALITY) -> list[IndicatorStatus]:
    """Indicators whose latest value misses the target, in file order."""
    catalog = list(catalog) if catalog is not None else load_indicator_catalog()
    definitions = current_definitions(session=session, catalog=catalog)
    return [s for s in indicator_statuses(session=session, definitions=definitions, scope=scope) if s.met is False]


# --- formatting -----------------------------------------------------------------------

def format_number(value: float) -> str:
    text = f"{value:.1f}".rstrip("0").rstrip(".") if abs(value) < 1000 else f"{value:,.0f}".replace(",", " ")
    return text.replace(".", ",").replace("-", "−")


def format_value(value: float, unit: str) -> str:
    number = format_number(value)
    if unit == "%":
        return f"{number} %"
    if unit == "dagar":
        return f"{number} {'dag' if value == 1 else 'dagar'}"
    if unit == "minuter":
        return f"{number} min"
    return number


def _change_text(status: IndicatorStatus) -> str:
    change = status.change
    if change is None:
        return ""
    if abs(change) < 0.05:
        return "→"
    return f"{'↑' if change > 0 else '↓'}{format_number(abs(change))}"


def _mark(status: IndicatorStatus) -> str:
    return {True: "✅", False: "⚠️", None: "•"}[status.met]


def _source_text(value: IndicatorValue) -> str:
    return value.source or "okänd källa"


def status_line(status: IndicatorStatus, name: str | None = None) -> str:
    """'⚠️ Riskbedömning fall: 78 % (mål 90 %) ↓3 · kv 1 2026, import' – one phone line."""
    d, latest = status.definition, status.latest
    name = name or d.name
    if latest is None:
        return f"• {name}: inga värden ännu"
    target = f" (mål {format_value(d.target, d.unit)})" if d.target is not None else ""
    change = _change_text(status)
    return (f"{_mark(status)} {name}: {format_value(latest.value, d.unit)}{target}"
            f"{' ' + change if change else ''} · {describe_period(latest.period)}, {_source_text(latest)}")


def _short_name(definition: IndicatorDefinition) -> str:
    return re.sub(r"\s*\(.*?\)", "", definition.name) if len(definition.name) > 30 else definition.name


def _change_sentence(status: IndicatorStatus) -> str | None:
    d, previous, change = status.definition, status.previous, status.change
    if previous is None or change is None:
        return "Inget tidigare värde att jämföra med."
    when = describe_period(previous.period)
    before = format_value(previous.value, d.unit)
    if abs(change) < 0.05:
        return f"→ Oförändrat sedan {when} ({before})."
    amount = format_number(abs(change)) + (" procentenheter" if d.unit == "%" else
                                            "" if d.unit == "antal" else f" {d.unit}")
    better = (change > 0) == d.higher_is_better
    return f"{'↑' if change > 0 else '↓'} {amount} sedan {when} ({before}) – {'bättre' if better else 'sämre'}."


def _no_values_text(definition: IndicatorDefinition, where: str) -> str:
    if definition.source == "computed":
        how = "Den räknas fram från avvikelserna när en hel månad har gått."
    else:
        how = "Värden läggs in med import (CSV eller Kolada)."
    return f"{definition.name} har inga värden ännu{where}. {how}"


def single_indicator_text(status: IndicatorStatus, *, where: str, over_time: bool) -> str:
    d, latest = status.definition, status.latest
    if latest is None:
        return _no_values_text(d, where)
    lines = [f"{d.name}{where}"]
    verdict = ""
    if d.target is not None:
        verdict = (f" ✅ når målet {format_value(d.target, d.unit)}" if status.met
                   else f" ⚠️ målet är {format_value(d.target, d.unit)}")
    lines.append(f"Senast: {format_value(latest.value, d.unit)} ({describe_period(latest.period)}){verdict}")
    lines.append(_change_sentence(status))
    if over_time and len(status.series) > 1:
        lines.append("")
        lines += [f"{describe_period(v.period)}: {format_value(v.value, d.unit)}"
                  for v in status.series[-SERIES_LENGTH:]]
    lines.append(f"Källa: {_source_text(latest)}.")
    return "\n".join(lines)


def status_list_text(statuses: Sequence[IndicatorStatus], *, where: str, only_off_target: bool) -> str:
    with_values = [s for s in statuses if s.latest is not None]
    without = [s for s in statuses if s.latest is None]
    if only_off_target:
        missing = [s for s in with_values if s.met is False]
        if not with_values:
            head = f"Inga indikatorer har värden ännu{where}, så jag kan inte jämföra med målen."
            return head
        if not missing:
            lines = [f"Alla {len(with_values)} indikatorer med värden når sina mål{where} ✅"]
        else:
            lines = [f"Under målvärdet{where}: {len(missing)} av {len(with_values)}"]
            lines += [status_line(s, _short_name(s.definition)) for s in missing]
    else:
        if not with_values:
            return f"Inga kvalitetsindikatorer har värden ännu{where}."
        lines = [f"Kvalitetsindikatorer{where} – senaste värde:"]
        lines += [status_line(s, _short_name(s.definition)) for s in with_values]
    if without:
        names = [_short_name(s.definition) for s in without]
        if len(names) > MAX_MATCHES_SHOWN:
            lines.append(f"{len(names)} indikatorer har inga värden ännu, bl.a. {', '.join(names[:2])}.")
        else:
            lines.append("Inga värden ännu: " + ", ".join(names) + ".")
    return "\n".join(lines)


# --- the answer -----------------------------------------------------------------------

def _asked_unit(turn: Turn) -> str | None:
    if getattr(turn.services, "nlu", None) is None:
        return None
    return turn.understand().question.unit


def _catalog_for(turn: Turn) -> list[IndicatorSpec]:
    path: Path | None = getattr(turn.services, "indicators_file", None)
    return load_indicator_catalog(path)


def _has_values(session: Session, definitions: list[IndicatorDefinition], scope: str) -> bool:
    return any(s.latest for s in indicator_statuses(session=session, definitions=definitions, scope=scope))


def _scope_for(turn: Turn, access: StatisticsScope, definitions: list[IndicatorDefinition],
               unit_name: str | None) -> tuple[str, str, str] | Reply:
    """(scope, where, note) within what the asker may see, or the answer that says why not.

    MAS and admin see the municipality, or a unit they name (the municipality when it has no
    values). A chef or nurse sees only their own units' values, never the whole municipality's:
    other units' figures would follow from it."""
    session = turn.session
    unit = get_unit_by_name(session=session, name=unit_name) if unit_name else None
    if unit is not None and not access.allows_unit(unit.id):
        return Reply(f"Du kan inte se indikatorer för {unit.name} – bara för enheter du har ansvar för.")
    if unit is not None:
        if _has_values(session, definitions, unit.name):
            return unit.name, f" på {unit.name}", ""
        if access.everything:
            return MUNICIPALITY, " för kommunen", f"Jag har inga indikatorvärden för {unit.name} – visar kommunen.\n"
        return Reply(f"Jag har inga indikatorvärden för {unit.name} ännu.")
    if access.everything:
        return MUNICIPALITY, " för kommunen", ""
    with_values = [name for name in access.unit_names if _has_values(session, definitions, name)]
    if not with_values:
        return Reply(f"Jag har inga indikatorvärden för {or_list(list(access.unit_names))} ännu.")
    return with_values[0], f" på {with_values[0]}", ""


def answer_indicator(turn: Turn) -> list[Reply]:
    session = turn.session
    access = statistics_scope(session=session, person=turn.person)
    if access is None:
        return [Reply(REFUSAL)]
    if not access.everything and not access.unit_ids:
        return [Reply(NO_UNITS)]
    catalog = _catalog_for(turn)
    definitions = current_definitions(session=session, catalog=catalog)
    if not definitions:
        return [Reply(NO_INDICATORS)]
    folded = fold(turn.text)

    unit_name = _asked_unit(turn)
    chosen_scope = _scope_for(turn, access, definitions, unit_name)
    if isinstance(chosen_scope, Reply):
        return [chosen_scope]
    scope, where, note = chosen_scope
    unit = get_unit_by_name(session=session, name=unit_name) if unit_name else None
    others = [] if unit or access.everything else [n for n in access.unit_names if n != scope]
    hint = f"\n(Fråga t.ex. ”indikatorer på {others[0]}” för en annan av dina enheter.)" if others else ""

    matches = match_indicators(turn.text, catalog)
    statuses = indicator_statuses(session=session, definitions=definitions, scope=scope)
    by_id = {s.definition.id: s for s in statuses}
    if matches:
        chosen = [by_id[m.id] for m in matches if m.id in by_id]
        if len(chosen) == 1:
            over_time = any(p in folded for p in OVER_TIME_PHRASES)
            text = single_indicator_text(chosen[0], where=where, over_time=over_time)
        else:
            shown = chosen[:MAX_MATCHES_SHOWN]
            text = "\n".join([f"{len(chosen)} indikatorer passar frågan ({where.strip()}):"]
                             + [status_line(s, _short_name(s.definition)) for s in shown])
    elif _leftover_words(turn.text, unit.name if unit else unit_name):
        nearest = nearest_indicators(turn.text, catalog)
        return [Reply(note + "Jag hittar ingen indikator som passar frågan. Närmast: "
                      + ", ".join(s.name for s in nearest) + ".")]
    else:
        only_off = any(p in folded for p in OFF_TARGET_PHRASES)
        text = status_list_text(statuses, where=where, only_off_target=only_off)
    turn.log_access(text.split("\n", 1)[0])
    return [Reply(note + text + hint)]
