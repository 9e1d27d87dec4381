"""The motivation written with a lex assessment: what is left of "inte anmälningspliktig, fallet
berodde inte på brister i vården" once the decision, the outcome and the law are taken out.

    >>> lex_motivation("inte anmalningspliktig, fallet berodde inte pa brister i varden")
    'fallet berodde inte pa brister i varden'
    >>> lex_motivation("ej anmälningspliktig eftersom rutinerna följdes") is None
    False
    >>> lex_motivation("anmäld till IVO 24/11") is None
    True

The words are kept as written (the caller masks personal data); a rest that is only a date, a
lead word or punctuation is no motivation.
"""

from __future__ import annotations

import re

from nlp_models.handling.vocabulary import handling_words
from nlp_models.text.normalize import fold

_GAP = "\x00"
_TRIM = " \t\r\n,;:.–-()"
# words that may stand around a decision without saying why: "i dag", "den 24/11", "kl 10"
_NO_REASON_WORDS = frozenset("i dag idag igar gar den kl till ivo lex maria sarah ar och som en ett".split())


def _without(text: str, folded: str) -> str:
    words = handling_words()
    covered = [False] * len(folded)
    patterns = [p for _, p in words.lex_outcomes + words.lex_decisions] + [p for _, p in words.law_patterns]
    for pattern in patterns:
        for match in pattern.finditer(folded):
            for i in range(*match.span()):
                covered[i] = True
    return "".join(_GAP if gone else char for char, gone in zip(text, covered))


def lex_motivation(text: str) -> str | None:
    """The reason given with a lex decision, as written, or None when there is none."""
    rest = _without(text, fold(text))
    pieces = [p.strip(_TRIM) for p in rest.split(_GAP)]
    reason = ", ".join(p for p in pieces if p)
    leads = handling_words().reason_leads
    while leads is not None:  # "eftersom …", "motivering: …", ", och …"
        hit = leads.match(fold(reason))
        if not hit or hit.end() == 0:
            break
        reason = reason[hit.end():].strip(_TRIM)
    words = re.findall(r"[a-z]+", fold(reason))
    if len([w for w in words if w not in _NO_REASON_WORDS]) < 2:
        return None
    return reason
