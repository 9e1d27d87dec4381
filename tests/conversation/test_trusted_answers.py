"""Issue 16: the questions managers and the MAS really ask, answered so they can be checked.
Lex Sarah / lex Maria and severe events are counts and lists, comparisons are like for like, and
every answer says what it counted. Today is 10 March 2026; asked as the MAS unless said otherwise."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.support.report_rows import add_report

FEW = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
ROUTINE_TITLE = "Lex Maria –"  # the routine's answer starts with its title


def mas(conversation, text: str) -> str:
    return conversation.say(text, user="U-mas")


def lex_cases(conversation) -> None:
    add_report(conversation.db, "Solgården", "läkemedel", "2026-02-03T10:00", lex_maria_candidate=True, severe=True)
    add_report(conversation.db, "Björkhagen", "fall", "2026-03-02T09:00", lex_maria_candidate=True)
    add_report(conversation.db, "Björkhagen", "övrigt", "2026-03-03T09:00", lex_sarah_candidate=True)
    add_report(conversation.db, "Solgården", "övrigt", "2025-11-03T09:00", lex_sarah_candidate=True)
    add_report(conversation.db, "Solgården", "fall", "2026-03-04T09:00")


def test_vilka_lex_maria_kandidater_finns_ger_en_lista_och_ingen_rutin(conversation):
    lex_cases(conversation)
    answer = mas(conversation, "vilka lex maria-kandidater finns?")
    assert answer.startswith("2 möjliga lex Maria")
    assert answer.count("• T-") == 2 and "Solgården" in answer and "Björkhagen" in answer


def test_lex_maria_i_ar_raknas(conversation):
    lex_cases(conversation)
    for text in ("lex maria i år", "hur många möjliga lex maria i år"):
        answer = mas(conversation, text)
        assert answer.startswith("2 möjliga lex Maria under 1 januari–10 mars 2026"), text


def test_lex_sarah_per_enhet_i_ar_ar_en_tabell(conversation):
    lex_cases(conversation)
    answer = mas(conversation, "antal lex sarah per enhet i år")
    lines = answer.splitlines()
    assert lines[0].startswith("1 möjlig lex Sarah under 1 januari–10 mars 2026")
    assert any(re.fullmatch(r"Björkhagen\s+1", line) for line in lines)


@FEW
@given(start=st.sampled_from(["", "hur många ", "antal ", "vilka ", "visa ", "finns det några "]),
       subject=st.sampled_from(["lex maria", "lex-maria", "lexmaria", "möjliga lex maria", "lex maria-kandidater",
                                "lex maria fall", "lex maria-ärenden"]),
       when=st.sampled_from(["", " i år", " i mars", " förra månaden", " senaste året", " på björkhagen"]),
       end=st.sampled_from(["", "?"]))
def test_lex_fragor_i_manga_former_ar_aldrig_rutintext(conversation, start, subject, when, end):
    assume(start or when)  # "lex maria" alone may well ask for the routine
    answer = mas(conversation, f"{start}{subject}{when}{end}")
    # a count, or the handling list of open cases ("visa lex maria"): never the routine, never a report
    assert "lex Maria" in answer and not answer.startswith(ROUTINE_TITLE)
    assert "Vilken enhet gäller det" not in answer and not conversation.drafts()


def test_allvarliga_handelser_i_botens_egna_ord_startar_ingen_rapport(conversation):
    add_report(conversation.db, "Solgården", "fall", "2026-03-03T10:00", severe=True)
    add_report(conversation.db, "Solgården", "fall", "2026-02-20T10:00", consequence="allvarlig")
    for text, head in (("allvarliga händelser förra veckan", "1 allvarlig händelse under 2–8 mars 2026"),
                       ("allvarliga händelser i februari", "1 allvarlig händelse under 1–28 februari 2026")):
        answer = mas(conversation, text)
        assert answer.startswith(head), answer
        assert "Vilken enhet" not in answer and not conversation.drafts()


def test_lista_over_allvarliga_handelser_kan_bladdras_med_visa_fler(conversation):
    references = [add_report(conversation.db, "Björkhagen", "fall", f"2026-02-{day:02d}T10:00", severe=True)
                  for day in range(1, 26)]
    first = mas(conversation, "allvarliga händelser i februari")
    assert first.startswith("25 allvarliga händelser")
    shown = set(re.findall(r"T-\d+", first))
    pages = [first]
    while "visa fler" in pages[-1]:
        pages.append(mas(conversation, "visa fler"))
        shown |= set(re.findall(r"T-\d+", pages[-1]))
        assert len(pages) < 10
    assert shown == set(references)  # every one of them, none twice
    assert sum(len(re.findall(r"• T-", page)) for page in pages) == 25


def test_i_ar_jamfors_med_samma_dagar_i_fjol(conversation):
    add_report(conversation.db, "Solgården", "fall", "2026-01-05T10:00")
    add_report(conversation.db, "Solgården", "fall", "2025-03-09T10:00")
    add_report(conversation.db, "Solgården", "fall", "2025-03-11T10:00")  # after the same day last year
    answer = mas(conversation, "hur många avvikelser i år")
    assert answer.startswith("1 avvikelse under 1 januari–10 mars 2026 (hittills i år)")
    assert "Samma dagar året före, 1 januari–10 mars 2025: 1." in answer


def test_jamfor_oktober_med_september_jamfor_exakt_de_manaderna(conversation):
    add_report(conversation.db, "Solgården", "fall", "2025-10-05T10:00")
    add_report(conversation.db, "Solgården", "fall", "2025-10-06T10:00")
    add_report(conversation.db, "Solgården", "fall", "2025-09-05T10:00")
    add_report(conversation.db, "Solgården", "fall", "2025-08-05T10:00")  # neither month
    answer = mas(conversation, "jämför fall i oktober med september")
    assert "2 under 1–31 oktober 2025 mot 1 under 1–30 september 2025" in answer
    assert "juli" not in answer and "augusti" not in answer


def test_jamfor_tva_enheter_ar_exakt_de_tva(conversation):
    for unit in ("Solgården", "Solgården", "Björkhagen", "Hemtjänst Norr"):
        add_report(conversation.db, unit, "fall", "2026-02-05T10:00")
    answer = mas(conversation, "jämför Solgården och Björkhagen i februari")
    assert "Solgården" in answer and "Björkhagen" in answer and "Hemtjänst" not in answer


def test_senaste_aret_ar_365_dagar_till_i_dag(conversation):
    add_report(conversation.db, "Solgården", "fall", "2025-03-11T10:00")
    add_report(conversation.db, "Solgården", "fall", "2025-03-09T10:00")  # more than a year ago
    answer = mas(conversation, "hur många fallavvikelser senaste året")
    assert answer.startswith("1 fallavvikelse under 11 mars 2025–10 mars 2026")


def test_senaste_kvartalet_ar_tre_manader_till_i_dag(conversation):
    add_report(conversation.db, "Solgården", "fall", "2025-12-11T10:00")
    add_report(conversation.db, "Solgården", "fall", "2025-12-09T10:00")
    answer = mas(conversation, "fallavvikelser senaste kvartalet")
    assert answer.startswith("1 fallavvikelse under 11 december 2025–10 mars 2026")


def test_per_kvartal_ger_en_serie_av_kvartal(conversation):
    add_report(conversation.db, "Solgården", "fall", "2025-02-11T10:00")
    add_report(conversation.db, "Solgården", "fall", "2025-11-11T10:00")
    answer = mas(conversation, "fallavvikelser per kvartal 2025")
    for quarter, n in ((1, 1), (2, 0), (3, 0), (4, 1)):
        assert f"kvartal {quarter} 2025: {n}" in answer


def test_svaret_sager_vad_som_raknats_och_synpunkter_syns(conversation):
    add_report(conversation.db, "Solgården", "fall", "2026-02-11T10:00")
    add_report(conversation.db, "Solgården", "fall", "2026-02-12T10:00", kind="synpunkt")
    both = mas(conversation, "fall per enhet i år")
    assert both.startswith("2 rapporter om fall (1 avvikelse, 1 synpunkt) under 1 januari–10 mars 2026 (hittills i år)")
    assert "Underlag: alla rapporter, både avvikelser och synpunkter" in both
    only = mas(conversation, "fallavvikelser i år")
    assert only.startswith("1 fallavvikelse") and "Underlag: avvikelser (inte synpunkter)" in only
    for answer in (both, only):
        assert "datum då händelsen inträffade" in answer and "dubbletter" in answer


def test_en_allvarlig_handelse_i_singular(conversation):
    add_report(conversation.db, "Solgården", "fall", "2026-03-03T10:00", severe=True)
    answer = mas(conversation, "hur många allvarliga händelser i år")
    assert answer.startswith("1 allvarlig händelse ") and "1 allvarliga" not in answer


def test_lex_maria_anmalda_till_ivo_och_bedomda_raknas_for_sig(conversation):
    from storage.database import session_scope
    from storage.lex_assessments import record_lex_assessment
    from storage.reports import get_report

    lex_cases(conversation)
    add_report(conversation.db, "Björkhagen", "fall", "2026-03-05T09:00", lex_maria_candidate=True,
               reference="T-900")
    with session_scope(conversation.db) as session:
        for reference, decision in (("T-900", "anmäls till IVO"),):
            record_lex_assessment(session=session, report=get_report(session=session, reference=reference),
                                  law="lex maria", outcome=None, decision=decision, reported_on=None, actor_id=None)
    reported = mas(conversation, "hur många lex maria-anmälningar i år")
    assert reported.startswith("1 möjlig lex Maria som anmäls eller har anmälts till IVO (av 3 möjliga lex Maria)")
    assert reported.count("• T-") == 1 and "T-900" in reported
    assessed = mas(conversation, "bedömda lex maria i år")
    assert assessed.startswith("1 möjlig lex Maria som är bedömda")


def test_ar_det_en_verklig_okning_ar_en_korschemafraga(conversation):
    answer = mas(conversation, "är det en verklig ökning av fallen på Solgården?")
    assert "körschema" in answer and "Anhøj" in answer
