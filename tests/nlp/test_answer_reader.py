"""The shared answer reader (nlp_models/answers): every question understands the same short answers.

The answers are generated from the vocabulary (rules/answers.toml) the way a hurried person types them:
any case, å/ä/ö or not, a filler word ("eh", "typ", "tack"), punctuation at the end.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intents.messages import Choice
from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.questions import answer_question
from nlp_models.answers import AnswerKind, Question, answer_words, read_answer
from nlp_models.text.normalize import fold

FEW = settings(max_examples=60, deadline=None)
CONTACT = Question("contact", (Choice("Nej, ingen kontakt", "nej"), Choice("Ja, skriftligt", "skriftligt"),
                               Choice("Ja, per telefon", "telefon")),
                   yes=("skriftligt", "telefon"), no="nej", unknown="okänt")
CONFIRM = answer_question("confirm", ReportDraft())


def typed(phrases: frozenset[str] | set[str]):
    """A phrase as a hurried person might type it."""
    return st.tuples(
        st.sampled_from(sorted(phrases)),
        st.sampled_from([str.lower, str.upper, str.capitalize, fold]),
        st.sampled_from(["", "eh ", "typ ", "öh, "]),
        st.sampled_from(["", ".", "!", " tack", "..", " :)"[:2]]),
    ).map(lambda t: f"{t[2]}{t[1](t[0])}{t[3]}")


@FEW
@given(typed(answer_words().unknown))
def test_vet_ej_i_alla_former_ar_okant(answer):
    assert read_answer(answer, CONTACT).kind == AnswerKind.UNKNOWN


@FEW
@given(typed(answer_words().skip - answer_words().no - {"-"}))
def test_hoppa_over_i_alla_former(answer):
    assert read_answer(answer, Question("time")).kind == AnswerKind.SKIP


@FEW
@given(typed(answer_words().yes - answer_words().no))
def test_ja_pa_en_fraga_med_flera_ja_svar_fragar_vilket(answer):
    assert read_answer(answer, CONTACT).kind == AnswerKind.YES_WHICH


@FEW
@given(typed(answer_words().yes - answer_words().no))
def test_ja_pa_sammanfattningen_ar_skicka(answer):
    result = read_answer(answer, CONFIRM)
    assert result.kind == AnswerKind.OPTION and result.option.value == "skicka"


@FEW
@given(typed(answer_words().no - answer_words().yes - answer_words().skip))
def test_nej_pa_kontaktfragan_ar_ingen_kontakt(answer):
    result = read_answer(answer, CONTACT)
    assert result.kind == AnswerKind.OPTION and result.option.value == "nej"


@pytest.mark.parametrize("topic", ["consequence", "contact", "given_by", "confirm", "area"])
def test_varje_vals_ord_betyder_det_valet(topic):
    slot = {"contact": "contact", "given_by": "given_by"}.get(topic, topic)
    question = answer_question(slot, ReportDraft())
    for value, phrases in answer_words().topics[topic].items():
        if not any(o.value == value for o in question.options):
            continue
        for said in phrases:
            result = read_answer(said, question)
            assert result.kind == AnswerKind.OPTION and result.option.value == value, (topic, said, result)


@FEW
@given(st.integers(1, 4), st.sampled_from(["", " ", ".", ")"]))
def test_en_siffra_valjer_det_numrerade_valet(number, tail):
    question = answer_question("consequence", ReportDraft())
    assert read_answer(f" {number}{tail}", question).option == question.options[number - 1]


def test_en_siffra_utanfor_valen_forstas_inte():
    assert read_answer("7", answer_question("consequence", ReportDraft())).kind == AnswerKind.NOT_UNDERSTOOD


@pytest.mark.parametrize(("answer", "value"), [
    ("ja, per telefon", "telefon"), ("ok skicka", "skicka"), ("nej ingen skada", "ingen"), ("hon vill ha ett brev", "skriftligt"),
    ("lindig", "lindrig"), ("tel", "telefon"), ("skicak", "skicka"),
])
def test_svar_med_ja_eller_nej_framfor_eller_stavfel(answer, value):
    question = {"telefon": CONTACT, "skriftligt": CONTACT, "skicka": CONFIRM}.get(
        value, answer_question("consequence", ReportDraft()))
    result = read_answer(answer, question)
    assert result.kind == AnswerKind.OPTION and result.option.value == value


def test_negation_framfor_ett_vals_ord_valjer_inte_det():
    assert read_answer("hon har inte ont", answer_question("consequence", ReportDraft())).kind != AnswerKind.OPTION
