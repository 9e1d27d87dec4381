"""Time in the report dialogue as hurried care workers write it (issue 14, outside tester's time findings):
a correction reads times as a first message does, two times in one message are never blended, a time said
only as a day or part of day is stored and exported as such, and a corrected time is also corrected in the
description."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest

from storage.database import session_scope
from storage.report_export import export_rows
from storage.timestamps import STOCKHOLM

LATE_EVENING = datetime.fromisoformat("2026-03-10T23:20:00+01:00")


def local(report) -> str:
    return report.occurred_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")


def _exported(conversation) -> list[dict[str, str]]:
    with session_scope(conversation.db) as session:
        return list(export_rows(session=session))


# --- 1. a correction reads "ikväll"/"i morse" as today, like a first message ------------------------------

CORRECTION_LEADS = ["nej vanta, det var {t}", "nej tiden ar fel, det var {t}", "tiden är fel: {t}", "fast det var {t}"]
TODAY_TIMES = [("ikvall ca 22", "2026-03-10 22:00"), ("i kväll runt 21", "2026-03-10 21:00"),
               ("idag kl 22", "2026-03-10 22:00"), ("i morse kl 7", "2026-03-10 07:00")]


@pytest.mark.parametrize(("lead", "said"), list(itertools.product(CORRECTION_LEADS, TODAY_TIMES))[::3])
def test_rattelse_till_ikvall_galler_i_dag_och_inte_den_tidigare_dagen(conversation, lead, said):
    time_words, expected = said
    conversation.now = LATE_EVENING
    conversation.say("bru hittades pa golvet i vardagsrummet pa Solgården igar kvall, ingen skada, hjälpte upp")
    answer = conversation.say(lead.format(t=time_words))
    assert "i går" not in answer.split("När:")[1].splitlines()[0].split("→")[-1]
    conversation.say("skicka")
    assert local(conversation.reports()[0]) == expected


# --- 2. two times in one message: never a blend --------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "lyften pa rum 3 pa Solgården ar trasig sen igar, vi fick flytta brukaren manuellt ikvall, ingen skada",
    "bru pa Solgården fick insulin igar kvall och blodsockret var bra i morse, ingen skada",
])
def test_tva_tider_i_samma_meddelande_blandas_aldrig_ihop(conversation, text):
    answer = conversation.say(text)
    assert "När:" not in answer  # no summary with a blended time
    assert "När hände det?" in answer  # in doubt: asked


def test_missad_dos_som_upptacktes_i_morse_galler_dagen_da_dosen_missades(conversation):
    answer = conversation.say("glomde ge bru pa Solgården kvallsmedicinen igar, hittade tabletterna i koppen i morse,"
                              " ingen skada")
    assert "När hände det?" not in answer
    answer = conversation.say("hoppa över")  # what was done directly
    when = answer.split("När:")[1].splitlines()[0]
    assert when.startswith(" i går") and "morse" not in when


# --- 3. a time said only as a day or part of it is stored and exported as such ----------------------------------

@pytest.mark.parametrize(("said", "precision"), [("i dag", "dag"), ("i förrgår", "dag"), ("i natt", "natt"),
                                                 ("igar kvall", "kvall")])
def test_dag_eller_del_av_dag_sparas_och_exporteras_som_ungefarlig(conversation, said, precision):
    conversation.say(f"bru på Solgården ramlade {said}, ingen skada, hjälpte upp")
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.occurred_precision == precision
    [row] = _exported(conversation)
    assert row["occurred_precision"] == precision


def test_klockslag_sparas_som_exakt(conversation):
    conversation.say("bru på Solgården ramlade i dag kl 10.15, ingen skada, hjälpte upp")
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.occurred_precision is None and local(report) == "2026-03-10 10:15"
    assert _exported(conversation)[0]["occurred_precision"] == ""


def test_okand_tid_sparas_som_okand_och_inte_som_rapporttiden(conversation):
    conversation.say("bru på Solgården ramlade, ingen skada, hjälpte upp")
    conversation.say("vet ej")
    summary = conversation.say("skicka") if not conversation.reports() else ""
    if not conversation.reports():
        conversation.say("skicka")
    [report] = conversation.reports()
    assert report.occurred_precision == "okand"
    assert _exported(conversation)[0]["occurred_precision"] == "okand"
    del summary


# --- 4. a corrected time is corrected in the description too ---------------------------------------------------

@pytest.mark.parametrize(("first", "old", "correction", "new"), [
    ("bru på Solgården ramlade kl 4 i natt, ingen skada, hjälpte upp", "kl 4", "nej det var kl 5", "kl 5"),
    ("bru på Solgården ramlade igar kvall, ingen skada, hjälpte upp", "igar kvall", "tiden är fel, det var i natt",
     "i natt"),
])
def test_rattad_tid_rattas_aven_i_beskrivningen(conversation, first, old, correction, new):
    conversation.say(first)
    conversation.say(correction)
    conversation.say("skicka")
    [report] = conversation.reports()
    assert old not in report.description and new in report.description


# --- 5. the time re-prompt says one thing once ---------------------------------------------------------------

def test_tidsfragan_upprepar_sig_inte(conversation):
    conversation.say("bru på Solgården ramlade, ingen skada, hjälpte upp")
    first = conversation.say("ingen aning")
    second = conversation.say("vet inte").split("Sammanfattning")[0]
    for answer in (first, second):
        assert answer.count("t.ex.") <= 1, answer
        sentences = [s.strip() for s in answer.replace("?", ".").split(".") if len(s.strip()) > 10]
        assert len(sentences) == len(set(sentences)), answer
    assert "ungef" not in first.lower().split("ungef", 1)[1], first  # "roughly" is said once


# --- 6. "hela natten", "förra veckan" are times: not asked again ---------------------------------------------

@pytest.mark.parametrize(("text", "precision"), [
    ("nattlarmet på Solgården var ur funktion hela natten, ingen skada", "natt"),
    ("vill ge beröm till personalen på Solgården, dottern var så nöjd med besöket förra veckan", "vecka"),
])
def test_redan_sagd_period_fragas_inte_igen(conversation, text, precision):
    answer = conversation.say(text)
    for _ in range(4):  # the other questions (not the time) skipped
        assert "När hände det?" not in answer
        answer = conversation.say("skicka" if "Stämmer det?" in answer else "hoppa över")
        if conversation.reports():
            break
    [report] = conversation.reports()
    assert report.occurred_precision == precision


def test_forra_veckan_visas_som_vecka_utan_pahittad_dag(conversation):
    answer = conversation.say("vill ge beröm till personalen på Solgården, dottern var nöjd med besöket forra veckan")
    assert "När: vecka 10 (dagen okänd" in answer


def test_sparad_rapport_visar_bara_det_som_sades_om_tiden(conversation):
    conversation.say("bru på Solgården ramlade i natt, ingen skada, hjälpte upp")
    conversation.say("skicka")
    [report] = conversation.reports()
    own = conversation.say("mina rapporter")
    assert "i natt (ungefär)" in own and "03.00" not in own
    handler = conversation.say(f"visa {report.reference}", user="U-chef")
    assert "Inträffade: i natt (ungefär)" in handler and "03.00" not in handler


# --- the time is not known after all ------------------------------------------------------------------------

@pytest.mark.parametrize("said", ["tiden: vet ej", "tiden ar okand", "tiden: vet inte"])
def test_tiden_vet_ej_i_sammanfattningen_gor_tiden_okand(conversation, said):
    conversation.say("hittade bru pa golvet i badrummet pa Solgarden i natt, ingen skada, ssk kontaktad")
    answer = conversation.say(said)
    assert "När: okänd" in answer and not answer.startswith(" ")
    conversation.say("skicka")
    report = conversation.reports()[0]
    assert report.occurred_precision == "okand"  # stored as the vocabulary value


@pytest.mark.parametrize("said", ["vet ej, markte det nyss", "vet inte, upptäckte det för en kvart sedan",
                                  "ingen aning, hittade den trasig i morse"])
def test_nar_man_markte_nagot_ar_inte_nar_det_hande(conversation, said):
    conversation.say("lyften pa rum 4 pa Solgarden ar trasig")
    answer = conversation.say("övrigt")
    assert "När hände det?" in answer
    conversation.say(said)
    summary = conversation.say("ingen skada")
    if "Vad gjorde ni" in summary:
        summary = conversation.say("hoppa över")
    assert "När: okänd" in summary, summary
    description = summary.split("Beskrivning:")[1].splitlines()[0]
    assert said.split(", ")[1].split()[0][1:] in description.lower()  # "arkte"/"pptäckte"/"ittade": kept
