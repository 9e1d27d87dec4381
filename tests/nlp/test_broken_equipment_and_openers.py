"""Something broken is an event to report, also after "hej" or "ok men": a lift, a wheelchair or
a door that does not work ("lyften är trasig", "dörren går inte att låsa"). Asking whether it is
broken, or what to do if it is, stays a question; "ok" and "hej" alone stay small talk."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nlp_models.questions.parser import QuestionParser
from nlp_models.reports.analyzer import ReportAnalyzer
from nlp_models.units.matcher import UnitEntry, UnitMatcher

TODAY = date(2026, 6, 15)


@lru_cache(maxsize=1)
def analyzer() -> ReportAnalyzer:
    return ReportAnalyzer()


@lru_cache(maxsize=1)
def parser() -> QuestionParser:
    return QuestionParser(UnitMatcher([UnitEntry("Lindgården"), UnitEntry("Hemtjänst Öst")]))


def intent(text: str) -> str:
    return parser().parse(text, TODAY, analyzer().analyze(text)).intent


@pytest.mark.parametrize("text", [
    "lyften är trasig",
    "hej, taklyften på rum 4 är trasig",
    "ok men lyften ar fortfarande trasig",
    "duschstolen var sönder i morse",
    "rullstolens broms blev paj igen",
    "hej dörren till rum 7 går inte att låsa",
    "dosetten var tom när jag kom",
])
def test_nagot_trasigt_ar_en_handelse_att_rapportera(text: str) -> None:
    assert intent(text) == "report"


@pytest.mark.parametrize("text, expected", [
    ("är lyften trasig?", "help"),
    ("vad gör jag om lyften är trasig?", "routine"),
    ("hur gör jag med en trasig lyft", "routine"),
    ("ok", "help"),
    ("ok tack", "help"),
    ("hej", "help"),
])
def test_fragor_om_trasiga_saker_och_smaprat_ar_ingen_rapport(text: str, expected: str) -> None:
    assert intent(text) == expected


OPENERS = ["", "hej ", "hej, ", "ok men ", "okej, ", "hallå! ", "du, "]
THINGS = ["lyften", "taklyften", "rullstolen", "sängen", "rollatorn", "duschstolen", "hörapparaten",
          "dörren till rummet", "låset på medicinskåpet", "bromsen på rullstolen"]
WHERE = ["", " på rum 4", " i badrummet", " hos brukaren"]
STATE = ["är trasig", "är trasigt", "var sönder", "är fortfarande trasig", "blev trasig igen", "är helt paj",
         "ar trasig", "var sonder", "fungerar inte", "funkar inte", "gick sönder", "har gått sönder"]
WHEN = ["", " i natt", " sen i går", " igen"]


@given(st.sampled_from(OPENERS), st.sampled_from(THINGS), st.sampled_from(WHERE), st.sampled_from(STATE),
       st.sampled_from(WHEN))
def test_genererade_trasiga_saker_ar_rapporter(opener: str, thing: str, where: str, state: str, when: str) -> None:
    text = f"{opener}{thing}{where} {state}{when}"
    assert intent(text) == "report", text
