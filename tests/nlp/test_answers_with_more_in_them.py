"""Answers that say more than was asked: the parts of an answer, the level named outright, what was done
in any word order, and a contact wish in everyday words.

Generated from small grammars of how hurried people write (a level word, a hedge, a sign of another
level; a person, a contact verb in any form, either order), not from a list of known sentences.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.questions import answer_question
from nlp_models.answers import explicit_option
from nlp_models.answers.clauses import clauses
from nlp_models.reports.analyzer import ReportAnalyzer
from nlp_models.reports.synpunkt_details import contact_wish
from nlp_models.text.normalize import fold

FEW = settings(max_examples=60, deadline=None)
CONSEQUENCE = answer_question("consequence", ReportDraft())
ANALYZER = ReportAnalyzer()

LEVELS = {"ingen": ["ingen skada", "inga skador", "ingen skada alls"],
          "lindrig": ["lindrig", "lindrigt", "lindig", "lätt skada"],
          "måttlig": ["måttlig", "mattlig", "maattlig", "matlig", "måttligt"],
          "allvarlig": ["allvarlig", "allvarligt", "allvarlg", "svår skada"]}
HEDGES = ["", " tror jag", " skulle jag säga", " verkar det som", " nog"]
# signs of some level told after the answer: they must not change the level named
SIGNS = ["hon har ont i höften", "han fick ett blåmärke på armen", "hon var kall och frös", "han blev rädd",
         "hon verkar lite förvirrad", "skrapsår på knät", "ambulansen kom och tittade", "hon blödde lite från näsan"]
SEPARATORS = [", ", ". ", " men ", " och ", " - "]


def typed(text: str, folded: bool) -> str:
    return fold(text) if folded else text


@FEW
@given(st.sampled_from(sorted(LEVELS)), st.data())
def test_namngiven_niva_vinner_over_tecken_i_resten(level, data):
    said = data.draw(st.sampled_from(LEVELS[level]))
    answer = said + data.draw(st.sampled_from(HEDGES)) + data.draw(st.sampled_from(SEPARATORS)) \
        + data.draw(st.sampled_from(SIGNS))
    answer = typed(answer, data.draw(st.booleans()))
    option = explicit_option(answer, CONSEQUENCE)
    assert option is not None and option.value == level, answer


@pytest.mark.parametrize("answer", ["det var inte allvarligt, blåmärke på armen", "inget allvarligt alls",
                                    "skrapsår på knät", "hon har ont i armen"])
def test_negerad_eller_bara_tecken_namnger_ingen_niva(answer):
    assert explicit_option(answer, CONSEQUENCE) is None


def test_siffra_forst_ar_det_valet():
    assert explicit_option("4, hon var medvetslös", CONSEQUENCE).value == "allvarlig"
    assert explicit_option("2 blåmärken på armen", CONSEQUENCE).value == "lindrig"  # a number first is the choice


@pytest.mark.parametrize(("text", "parts"), [
    ("måttlig, hon har ont i armen", ["måttlig", "hon har ont i armen"]),
    ("ikväll 21.45. och larmet på rum 5 har inte fungerat", ["ikväll 21.45", "larmet på rum 5 har inte fungerat"]),
    ("i morse. förresten vill hon ha svar via brev", ["i morse", "förresten vill hon ha svar via brev"]),
    ("ringde ssk som kom o bytte, vad gör jag med dosetten nu?",
     ["ringde ssk som kom", "bytte", "vad gör jag med dosetten nu?"]),
    ("1,5 mg gavs kl 21.45", ["1,5 mg gavs kl 21.45"]),
])
def test_ett_svar_delas_vid_skiljetecken_och_bindeord(text, parts):
    found = clauses(text)
    assert [c.text for c in found] == parts
    assert all(text[c.start:c.end] == c.text for c in found)


# --- What was done, in any order and form -------------------------------------------------------

WHO = ["ssk", "sjuksköterskan", "sjukskoterskan", "nattssk", "läkaren", "jourläkare", "ambulans", "larmbolaget",
       "fysioterapeuten", "arbetsterapeut", "rehab",
       "larmcentralen", "ec", "enhetschefen"]
CONTACTED = ["ringd", "ringt", "kontaktad", "tillkallad", "informerad", "larmad", "meddelad", "uppringd", "info"]
CONTACTING = ["ringde", "ringt", "kontaktade", "tillkallade", "larmade", "informerade", "har ringt", "har kontaktat"]


@FEW
@given(st.sampled_from(WHO), st.sampled_from(CONTACTED), st.sampled_from(["", " direkt", " och kom"]),
       st.booleans())
def test_vem_och_kontaktord_i_efterled(who, verb, tail, folded):
    text = typed(f"{who} {verb}{tail}", folded)
    assert ANALYZER.analyze(text).immediate_action is not None, text


@FEW
@given(st.sampled_from(CONTACTING), st.sampled_from(WHO), st.sampled_from(["", " direkt", " som kom"]),
       st.booleans())
def test_kontaktord_och_vem_i_forled(verb, who, tail, folded):
    text = typed(f"{verb} {who}{tail}", folded)
    assert ANALYZER.analyze(text).immediate_action is not None, text


@pytest.mark.parametrize("text", ["ambulans på väg", "ssk på plats", "ssk bedömer", "ssk tittar på henne nu",
                                  "nurse called"])
def test_pa_vag_och_pa_plats_ar_gjort(text):
    assert ANALYZER.analyze(text).immediate_action is not None


@pytest.mark.parametrize("text", ["ssk inte ringd än", "har inte ringt ssk", "sonen ringde och klagade på maten",
                                  "chefen ringde mig i morse"])
def test_inget_gjort_och_anhorig_som_ringer(text):
    assert ANALYZER.analyze(text).immediate_action is None


# --- A contact wish in everyday words ------------------------------------------------------------

@pytest.mark.parametrize(("text", "wish"), [
    ("hon vill inte att nån ringer henne", "nej"),
    ("hon vill absolut inte bli uppringd", "nej"),
    ("han vill hellre ha svar via brev", "skriftligt"),
    ("dottern önskar att chefen ringer henne", "telefon"),
    ("vill helst ha ett mejl om det", "skriftligt"),
    ("sonen ringde och klagade", None),
])
def test_kontaktonskan_med_vanliga_ord(text, wish):
    assert contact_wish(text) == wish
