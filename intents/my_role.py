""""Vilka enheter har jag?", "vilken roll har jag?": the person's role and units, and what that lets
them see - read from the same places the access checks read."""

from __future__ import annotations

import re

from intents.access import statistics_scope
from intents.messages import Reply
from intents.statistics.wording import and_list
from intents.turn import Turn
from nlp_models.text.normalize import fold
from storage.people import units_of

_ASKS = re.compile(
    r"\b(?:vilka|vilken|vilket)\s+(?:enheter|enhet|roll|behorighet|behorigheter)\s+(?:har|ser|tillhor|ansvarar|"
    r"jobbar|arbetar|kan|far|ingar)\s+jag\b"
    r"|\bvilken\s+enhet\s+(?:ar|hor)\s+jag\b"
    r"|\bvad\s+(?:kan|far)\s+jag\s+(?:se|gora)\b"
    r"|\bvem\s+ar\s+jag\b")
# alone, not inside a question about something else ("fall på mina enheter i mars")
_SHORT = re.compile(r"(?:visa\s+)?(?:min\s+roll|mina\s+enheter|min\s+enhet|mina\s+roller)")

_ROLE = {"personal": "personal", "sjuksköterska": "sjuksköterska", "chef": "chef", "mas": "MAS",
         "sas": "SAS", "admin": "administratör"}


def asks_who_am_i(text: str) -> bool:
    folded = " ".join(re.findall(r"[a-z]+", fold(text)))
    return bool(_ASKS.search(folded) or _SHORT.fullmatch(folded))


def answer_who_am_i(turn: Turn) -> list[Reply]:
    person, role = turn.person, turn.person.role
    units = [u.name for u in units_of(session=turn.session, person=person)]
    where = f" {'för' if role == 'chef' else 'på'} {and_list(units)}" if units else ""
    lines = [f"Du har rollen {_ROLE.get(role, role)}{where}."]
    scope = statistics_scope(session=turn.session, person=person)
    if scope is not None and scope.everything:
        lines.append("Du ser statistik och rapporter för alla enheter.")
    elif scope is not None and scope.unit_names:
        lines.append(f"Du ser statistik och rapporter för {and_list(scope.unit_names)}.")
    elif scope is not None:
        lines.append("Du är inte kopplad till någon enhet ännu, så du ser ingen statistik – be administratören "
                     "lägga till din enhet.")
    else:
        lines.append("Du kan rapportera och se dina egna rapporter (”mina rapporter”).")
        if role == "sas":
            lines.append("Som SAS får du larm och bedömer möjliga lex Sarah.")
    lines.append("Roller och enheter ändras av administratören.")
    return [Reply(" ".join(lines))]
