"""Cut a longer answer into its parts, so each part can be used for what it says.

    >>> [c.text for c in clauses("måttlig, hon har ont i armen o ssk ringd")]
    ['måttlig', 'hon har ont i armen', 'ssk ringd']
    >>> [c.text for c in clauses("ikväll 21.45. förresten larmet på rum 5 har inte fungerat")]
    ['ikväll 21.45', 'förresten larmet på rum 5 har inte fungerat']

Parts end at . ! ? ; a comma, a dash or a new line (never inside a number: "21.45", "1,5 mg"), and
before the joining words of rules/answers.toml [clauses] ("och", "men"; dropped) and its kept words
("förresten"; kept). A part keeps its place in the text, so the rest of an answer can be quoted as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp_models.answers.vocabulary import answer_words, phrase

_WORD = re.compile(r"\S+")
_ENDS = re.compile(r"(?:[.!?;,:]+|[-–—]+)$")
_DASH = re.compile(r"^[-–—]+$")


@dataclass(frozen=True)
class Clause:
    text: str  # as written, without the separators around it
    start: int
    end: int


def clauses(text: str) -> list[Clause]:
    vocabulary = answer_words()
    found: list[Clause] = []
    start: int | None = None
    end = 0

    def close() -> None:
        nonlocal start
        if start is not None and text[start:end].strip(" ,.;:!?-–—"):
            piece = text[start:end]
            lead = len(piece) - len(piece.lstrip(" ,.;:!?-–—"))
            body = piece[lead:].rstrip(" ,.;:!-–—")
            found.append(Clause(body, start + lead, start + lead + len(body)))
        start = None

    for match in _WORD.finditer(text or ""):
        word = match.group()
        said = phrase(word)
        if _DASH.match(word):
            close()
            continue
        if said in vocabulary.clause_joiners:
            close()
            continue
        if said in vocabulary.clause_kept and start is not None:
            close()
        if start is None:
            start = match.start()
        end = match.end()
        ending = _ENDS.search(word)
        if ending and not (ending.group() in (".", ",") and _number_continues(text, match.end())):
            # a question keeps its question mark: it tells the part is asked, not told
            end = match.start() + ending.start() + (1 if ending.group().startswith("?") else 0)
            close()
        elif "\n" in text[match.end():match.end() + 2]:
            close()
    close()
    return found


def _number_continues(text: str, at: int) -> bool:
    """"21.45" and "1,5" are cut only where the sign is not between two digits (the regex saw whole words)."""
    return at < len(text) and text[at].isdigit()
