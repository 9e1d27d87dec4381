"""Listor som fungerar: nyast och allvarligast först, sida för sida med ”visa fler”, per enhet."""

from __future__ import annotations

import re
from datetime import timedelta

REFERENCE = re.compile(r"(?:AV|SP)-2026-\d{5}")


def _listed(answer: str) -> list[str]:
    return REFERENCE.findall(answer.split("Skriv en referens")[0])


def test_nya_avvikelser_visas_nyast_forst(conversation):
    oldest = conversation.file_report(hours_ago=24 * 9)
    middle = conversation.file_report(hours_ago=24 * 5)
    newest = conversation.file_report(hours_ago=3)
    assert _listed(conversation.say("visa nya avvikelser", user="U-chef")) == [newest, middle, oldest]


def test_en_ny_allvarlig_rapport_kommer_forst_aven_i_en_lang_lista(conversation):
    for day in range(1, 13):
        conversation.file_report(hours_ago=2 + day)
    severe = conversation.file_report("Brukaren föll och bröt höften, ambulans", hours_ago=30, severe=True,
                                      consequence="allvarlig")
    listed = _listed(conversation.say("visa nya avvikelser", user="U-chef"))
    assert listed[0] == severe
    assert "allvarlig" in conversation.say("visa nya avvikelser", user="U-chef").split("\n")[1]


def test_visa_fler_visar_nasta_sida_och_sedan_att_listan_ar_slut(conversation):
    references = [conversation.file_report(hours_ago=100 - i) for i in range(23)]  # the last is the newest
    first = conversation.say("visa nya avvikelser", user="U-chef")
    assert "23 avvikelser" in first
    assert _listed(first) == references[::-1][:10]
    assert "Visa fler" in conversation.choices()
    second = conversation.say("visa fler", user="U-chef")
    assert _listed(second) == references[::-1][10:20]
    third = conversation.say("fler", user="U-chef")
    assert _listed(third) == references[::-1][20:]
    assert "Visa fler" not in conversation.choices()
    assert "inga fler" in conversation.say("visa fler", user="U-chef").lower()


def test_visa_fler_utan_lista_ar_inte_hjalptexten(conversation):
    answer = conversation.say("visa fler", user="U-chef")
    assert "ingen lista" in answer.lower()


def test_en_rapport_som_kommer_in_medan_man_bladdrar_flyttar_inte_sidorna(conversation):
    references = [conversation.file_report(hours_ago=50 - i) for i in range(12)]
    conversation.say("visa nya avvikelser", user="U-chef")
    conversation.file_report(hours_ago=-1)  # an hour after the list was shown
    later = conversation.now + timedelta(hours=2)
    assert _listed(conversation.say("visa fler", user="U-chef", at=later)) == references[::-1][10:]


def test_listan_for_en_enhet(conversation):
    sol = conversation.file_report(unit="Solgården")
    bjork = conversation.file_report(unit="Björkhagen")
    answer = conversation.say("visa nya avvikelser på Solgården", user="U-mas")
    assert sol in answer and bjork not in answer
    answer = conversation.say("visa obedömda avvikelser pa bjorkhagen", user="U-mas")
    assert bjork in answer and sol not in answer


def test_chef_kan_inte_lista_en_annan_enhet(conversation):
    bjork = conversation.file_report(unit="Björkhagen")
    answer = conversation.say("visa nya avvikelser på Björkhagen", user="U-chef")
    assert bjork not in answer and "Björkhagen" in answer


def test_utan_aterkoppling_allvarliga_och_lex_listor(conversation):
    handled = conversation.file_report(hours_ago=48)
    conversation.say(f"{handled} åtgärd: extra tillsyn, status åtgärdad", user="U-chef")
    told = conversation.file_report(hours_ago=40)
    conversation.say(f"{told} åtgärd: larmet testat, återkoppling: tack, larmet är testat", user="U-chef")
    severe = conversation.file_report("Brukaren bröt höften", severe=True, consequence="allvarlig")
    maria = conversation.file_report("Fel dos morfin, brukaren blev medvetslös", area="läkemedel",
                                     lex_maria_candidate=True, severe=True)
    sarah = conversation.file_report("Brukaren fick ingen mat på hela dagen", area="övrigt", lex_sarah_candidate=True)

    without = _listed(conversation.say("visa avvikelser utan återkoppling", user="U-chef"))
    assert handled in without and told not in without
    assert set(_listed(conversation.say("visa allvarliga avvikelser", user="U-chef"))) >= {severe, maria}
    assert _listed(conversation.say("visa lex maria", user="U-mas")) == [maria]
    assert _listed(conversation.say("lista lex sarah", user="U-mas")) == [sarah]


def test_listan_markerar_mojliga_dubbletter(conversation):
    first = conversation.file_report(hours_ago=5)
    second = conversation.file_report(hours_ago=4)
    with_duplicate = conversation.report(second)
    from storage.database import session_scope
    from storage.reports import get_report
    with session_scope(conversation.db) as session:
        report = get_report(session=session, reference=second)
        report.possible_duplicate_of_id = get_report(session=session, reference=first).id
        session.add(report)
    assert with_duplicate.reference == second
    lines = conversation.say("visa nya avvikelser", user="U-chef").splitlines()
    line = next(line for line in lines if second in line)
    assert f"möjlig dubblett av {first}" in line
