"""Inget av det en chef eller MAS skriver tappas tyst: motiveringen till en lex-bedömning sparas och
visas, och en rapport som får orsak eller åtgärd lämnar status ”ny” och säger det."""

from __future__ import annotations

import pytest

from storage.database import session_scope
from storage.lex_assessments import lex_assessments


def _maria(conversation, reference):
    report = conversation.report(reference)
    with session_scope(conversation.db) as session:
        rows = {row.law: row for row, _ in lex_assessments(session=session, report_id=report.id)}
    return rows.get("lex maria")


def _maria_case(conversation) -> str:
    return conversation.file_report("Fick dubbel dos insulin, blodsockret sjönk", area="läkemedel",
                                    lex_maria_candidate=True)


@pytest.mark.parametrize("said, reason", [
    ("inte anmalningspliktig, fallet berodde inte pa brister i varden", "fallet berodde inte pa brister i varden"),
    ("lex maria: ej anmälningspliktig, fallet berodde inte på brister i vården",
     "fallet berodde inte på brister i vården"),
    ("lex maria ej anmälningspliktig eftersom ordinationen var rätt och dosen gavs enligt den",
     "ordinationen var rätt och dosen gavs enligt den"),
    ("ej anmalningspliktig. motivering: ingen vårdskada uppstod", "ingen vårdskada uppstod"),
    ("inte anmälningspliktig, det berodde på att brukaren tog en extra dos själv",
     "det berodde på att brukaren tog en extra dos själv"),
])
def test_motiveringen_till_lex_maria_sparas_och_visas(conversation, said, reason):
    ref = _maria_case(conversation)
    answer = conversation.say(f"{ref} {said}", user="U-mas")
    assert reason in answer  # in the proposal, or in the confirmation
    if "Spara" in conversation.choices():
        conversation.say("spara", user="U-mas")
    row = _maria(conversation, ref)
    assert row.decision == "ej anmälningspliktig"
    assert row.motivation == reason
    shown = conversation.say(ref, user="U-mas")
    assert f"motivering: {reason}" in shown


def test_ny_bedomning_utan_motivering_behaller_inte_den_gamla(conversation):
    ref = _maria_case(conversation)
    conversation.say(f"{ref} lex maria: ej anmälningspliktig, ingen skada uppstod", user="U-mas")
    conversation.say(f"{ref} lex maria: anmäls till IVO", user="U-mas")
    row = _maria(conversation, ref)
    assert (row.decision, row.motivation) == ("anmäls till IVO", None)
    history = conversation.say(ref, user="U-mas")
    assert "ingen skada uppstod" in history  # the history keeps the earlier reason


def test_bara_beslut_och_datum_ger_ingen_motivering(conversation):
    ref = _maria_case(conversation)
    conversation.say(f"{ref} lex maria anmäld till IVO 2026-03-09", user="U-mas")
    assert _maria(conversation, ref).motivation is None


def test_personnummer_i_motiveringen_doljs(conversation):
    ref = _maria_case(conversation)
    conversation.say(f"{ref} lex maria: ej anmälningspliktig, brukaren 19400101-1234 tog dosen själv", user="U-mas")
    assert "19400101-1234" not in (_maria(conversation, ref).motivation or "")
    assert "tog dosen själv" in _maria(conversation, ref).motivation


def test_motivering_utan_bedomning_sparas_som_kommentar(conversation):
    ref = conversation.file_report()
    answer = conversation.say(f"{ref} motivering: det var inget fel i vården", user="U-chef")
    assert "det var inget fel i vården" in answer
    assert "det var inget fel i vården" in conversation.say(ref, user="U-chef")


@pytest.mark.parametrize("update, field", [
    ("orsak: lös matta i hallen", "cause"),
    ("atgard: mattan borttagen", "action"),
    ("utredning: pratat med nattpersonalen", "investigation"),
])
def test_orsak_eller_atgard_flyttar_en_ny_rapport_till_utreds_och_sager_det(conversation, update, field):
    ref = conversation.file_report()
    answer = conversation.say(f"{ref} {update}", user="U-chef")
    assert conversation.report(ref).status == "utreds"
    assert "status: ny → utreds" in answer


def test_status_som_sags_ut_vinner_och_en_rapport_som_inte_ar_ny_flyttas_inte(conversation):
    ref = conversation.file_report()
    conversation.say(f"{ref} åtgärd: mattan borttagen, status åtgärdad", user="U-chef")
    assert conversation.report(ref).status == "åtgärdad"
    answer = conversation.say(f"{ref} orsak: lös matta", user="U-chef")
    assert conversation.report(ref).status == "åtgärdad" and "utreds" not in answer


def test_aterkoppling_eller_kommentar_flyttar_inte_status(conversation):
    ref = conversation.file_report()
    conversation.say(f"{ref} kommentar: ringer anhöriga i morgon", user="U-chef")
    assert conversation.report(ref).status == "ny"


def test_forslag_med_atgard_visar_att_status_blir_utreds(conversation):
    ref = conversation.file_report()
    answer = conversation.say(f"{ref} vi har bytt till halkfria strumpor", user="U-chef")
    assert "status: ny → utreds" in answer
    conversation.say("spara", user="U-chef")
    assert conversation.report(ref).status == "utreds"
