"""Lex Sarah och lex Maria bedöms med vanliga ord, av rätt roll, med datum och vem – och ett möjligt
lex-fall kan inte avslutas förrän den berörda är informerad."""

from __future__ import annotations

import re

from storage.database import session_scope
from storage.lex_assessments import lex_assessments


def _assessment(conversation, reference, law):
    report = conversation.report(reference)
    with session_scope(conversation.db) as session:
        rows = {row.law: (row, who) for row, who in lex_assessments(session=session, report_id=report.id)}
    return rows.get(law)


def test_mas_bedomer_lex_maria_hela_vagen_till_avslut(conversation):
    ref = conversation.file_report("Fick dubbel dos morfin, blev medvetslös, ambulans", area="läkemedel",
                                   lex_maria_candidate=True, severe=True)
    listing = conversation.say("visa lex maria", user="U-mas")
    assert ref in listing and "ej bedömd" in listing

    answer = conversation.say(f"{ref} lex maria: anmäls till IVO", user="U-mas")
    assert "lex Maria: anmäls till IVO" in answer and "U-mas" in answer
    row, who = _assessment(conversation, ref, "lex maria")
    assert (row.decision, who) == ("anmäls till IVO", "U-mas")

    refused = conversation.say(f"{ref} status avslutad", user="U-mas")
    assert "inte avslutat" in refused and "berörd informerad" in refused
    assert conversation.report(ref).status != "avslutad"

    conversation.say(f"{ref} berörd informerad: dottern informerad per telefon", user="U-mas")
    assert conversation.report(ref).affected_informed_at is not None

    answer = conversation.say(f"{ref} lex maria anmäld till IVO 2026-03-09", user="U-mas")
    row, _ = _assessment(conversation, ref, "lex maria")
    assert row.decision == "anmäld till IVO" and row.reported_on.isoformat() == "2026-03-09"
    assert "9 mars 2026" in answer

    assert "avslutad" in conversation.say(f"{ref} status avslutad", user="U-mas")
    assert conversation.report(ref).status == "avslutad"
    shown = conversation.say(ref, user="U-mas")
    assert "lex Maria: anmäld till IVO 9 mars 2026" in shown and "Berörd informerad" in shown


def test_chef_kan_inte_bedoma_lex_maria(conversation):
    ref = conversation.file_report("Fel insulindos, brukaren fick åka in", area="läkemedel", lex_maria_candidate=True)
    answer = conversation.say(f"{ref} lex maria: ej anmälningspliktig", user="U-chef")
    assert "bedöms av MAS" in answer
    assert _assessment(conversation, ref, "lex maria") is None


def test_chef_bedomer_lex_sarah_med_utfallsskalan(conversation):
    ref = conversation.file_report("Brukaren fick ingen mat på hela dagen", area="övrigt", lex_sarah_candidate=True)
    answer = conversation.say(f"{ref} lex sarah: påtaglig risk för missförhållande, ej anmälningspliktig",
                              user="U-chef")
    assert "lex Sarah: påtaglig risk för missförhållande, ej anmälningspliktig" in answer
    row, who = _assessment(conversation, ref, "lex sarah")
    assert (row.outcome, row.decision, who) == ("påtaglig risk för missförhållande", "ej anmälningspliktig", "U-chef")


def test_allvarligt_missforhallande_maste_anmalas(conversation):
    ref = conversation.file_report("Personal slog brukaren", area="övrigt", lex_sarah_candidate=True)
    answer = conversation.say(f"{ref} lex sarah: allvarligt missförhållande, ej anmälningspliktig", user="U-chef")
    assert "ska anmälas till IVO" in answer
    assert _assessment(conversation, ref, "lex sarah") is None


def test_sas_bedomer_lex_sarah_pa_alla_enheter(conversation):
    ref = conversation.file_report("Brukaren lämnades ensam hela natten", unit="Björkhagen", area="övrigt",
                                   lex_sarah_candidate=True)
    answer = conversation.say(f"{ref} lex sarah: missförhållande, anmäld till IVO i går", user="U-sas")
    row, who = _assessment(conversation, ref, "lex sarah")
    assert (row.outcome, row.decision, row.reported_on.isoformat(), who) == (
        "missförhållande", "anmäld till IVO", "2026-03-09", "U-sas")
    assert "Klart!" in answer


def test_beslut_utan_lagnamn_foreslas_for_kandidatens_lag(conversation):
    ref = conversation.file_report("Fel dos, brukaren blev dålig", area="läkemedel", lex_maria_candidate=True)
    answer = conversation.say(f"{ref} ej anmälningspliktig", user="U-mas")
    assert "lex Maria: ej anmälningspliktig" in answer and "Spara" in conversation.choices()
    conversation.say("spara", user="U-mas")
    row, _ = _assessment(conversation, ref, "lex maria")
    assert row.decision == "ej anmälningspliktig"


def test_rapportoren_ser_inte_bedomningen(conversation):
    ref = conversation.file_report("Fel dos morfin", area="läkemedel", lex_maria_candidate=True)
    conversation.say(f"{ref} lex maria: anmäls till IVO", user="U-mas")
    answer = conversation.say(f"hur gick det med {ref}", user="U-usk")
    assert ref in answer and not re.search(r"IVO|lex", answer, re.IGNORECASE)


def test_vanlig_rapport_kan_avslutas_utan_berord_informerad(conversation):
    ref = conversation.file_report()
    conversation.say(f"{ref} status avslutad", user="U-chef")
    assert conversation.report(ref).status == "avslutad"
