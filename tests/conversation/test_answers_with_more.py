"""Answers that carry more than was asked: a second tester's findings, as the dialogues that must now work.

A hurried care worker answers the question and goes on in the same message: extra detail, what was done,
a correction, a question to the bot, another event. The part that answers is used for the question; the
rest is kept where it belongs - nothing is thrown away, nothing is asked for again.
"""

from __future__ import annotations

import pytest

from storage.database import session_scope
from storage.people import set_role
from storage.timestamps import STOCKHOLM
from storage.vocabulary import Role

FALL = "bru på Solgården ramlade i går kl 22"


def local(report) -> str:
    return report.occurred_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")


def member_of(conversation, unit: str, user: str = "U-usk") -> None:
    with session_scope(conversation.db) as session:
        set_role(session=session, platform_user_id=user, role=Role.PERSONAL, unit_name=unit)


def send_as_is(conversation) -> None:
    for _ in range(4):
        answer = conversation.say("skicka")
        if "registrerad som" in answer:
            return
        if "Vad gjorde ni" in answer:
            conversation.say("hoppa över")


# --- 1. The level the person names wins; the rest goes to the description -------------------------

@pytest.mark.parametrize(("answer", "level", "kept"), [
    ("måttlig, hon har ont i armen", "måttlig", "ont i armen"),
    ("maattlig, hon var kall och hade ont i armen", "måttlig", "kall"),
    ("allvarlig tror jag, hon fick ett blamarke men ar valdigt forvirrad nu", "allvarlig", "forvirrad"),
    ("ingen skada men bru blev orolig", "ingen", "orolig"),
    ("lindrig skulle jag säga, ett litet skrapsår på armbågen", "lindrig", "skrapsår"),
    ("matlig. han har svullnat runt handleden", "måttlig", "svullnat"),
    ("4, hon var medvetslös en stund", "allvarlig", "medvetslös"),
])
def test_namngiven_konsekvens_vinner_och_resten_blir_beskrivning(conversation, answer, level, kept):
    assert "skada" in conversation.say(FALL).lower()
    reply = conversation.say(answer)
    assert "Ändrat" not in reply  # the first answer changes nothing
    send_as_is(conversation)
    [report] = conversation.reports()
    assert report.consequence == level
    assert kept in report.description and report.description.startswith(FALL)
    if level == "allvarlig":
        assert report.severe


def test_konsekvens_med_atgard_i_samma_svar_fragar_inte_om_atgarden(conversation):
    conversation.say(FALL)
    reply = conversation.say("maattlig, hon var kall och hade ont i armen. ringt ssk och larmbolaget")
    assert "Vad gjorde ni" not in reply and "Sammanfattning" in reply
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.consequence == "måttlig" and "ssk" in report.immediate_action


@pytest.mark.parametrize("correction", ["konsekvens ingen skada", "konsekvensen ingen skada",
                                        "konsekvens: ingen skada", "skadan ska vara ingen skada"])
def test_konsekvens_kan_rattas_med_eller_utan_kolon(conversation, correction):
    conversation.say("bru på Solgården ramlade i går kl 22, blåmärke på armen, hjälpte upp henne")
    reply = conversation.say(correction)
    assert "Konsekvens: ”lindrig” → ”ingen skada”" in reply


def test_ratt_konsekvens_i_sammanfattningen_med_mer_text(conversation):
    conversation.say("bru på Solgården har ett trycksår på hälen sedan i går, ssk kontaktad, lindrigt")
    reply = conversation.say("konsekvensen ar allvarlig, djupt sar kategori 3")
    assert "Konsekvens: ”lindrig” → ”allvarlig”" in reply and "Flaggad som: allvarlig händelse" in reply
    assert "Djupt sar kategori 3" in reply  # the rest of the correction is in the description
    conversation.say("skicka")
    [report] = conversation.reports()
    assert (report.consequence, report.severe) == ("allvarlig", True)


def test_tecken_i_ett_senare_svar_andrar_inte_en_namngiven_niva(conversation):
    conversation.say("bru på Solgården ramlade i går kl 22, ingen skada")
    conversation.say("hjälpte upp honom, han var lite skakig och rädd efteråt")
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.consequence == "ingen" and "rädd" in report.description


# --- 5. The answer part is used, the rest split off -----------------------------------------------

def test_tid_och_en_ny_handelse_i_samma_meddelande(conversation):
    conversation.now = conversation.now.replace(hour=23)
    assert "När hände det" in conversation.say("bru på Solgården ramlade i korridoren, ingen skada, ssk ringd")
    reply = conversation.say("ikvall 21.45. och larmet pa rum 5 har inte fungerat sedan igår")
    assert "När hände det" not in reply and "ny händelse" in reply
    reply = conversation.say("ny")
    assert "Sammanfattning" in reply and "i dag kl 21.45" in reply
    reply = conversation.say("skicka")
    assert "nästa händelse" in reply
    first = conversation.reports()[0]
    assert local(first) == "2026-03-10 21:45" and "larmet" not in first.description
    assert "Vilken enhet" in reply  # the alarm report goes on from its own words
    for answer in ("Solgården", "ingen skada", "hoppa över"):
        reply = conversation.say(answer)
    assert "Område: Larm" in reply and "Beskrivning: larmet pa rum 5" in reply
    assert "registrerad som AV-2026-00002" in conversation.say("skicka")


def test_tid_i_oppningen_galler_aven_efter_berattelsen(conversation):
    member_of(conversation, "Solgården")
    assert "Berätta kort" in conversation.say("vill rapportera ett fall inatt")
    reply = conversation.say("bru rum 8 gled ur rullstolen")
    assert "När hände det" not in reply


def test_rattelse_av_en_detalj_i_beskrivningen_vid_en_fraga(conversation):
    conversation.say("bru på Solgården i rum 4 ramlade i natt")
    reply = conversation.say("nej vanta, det var rum 6 inte 4")
    assert "Jag förstod inte" not in reply and "”rum 4” → ”rum 6”" in reply
    assert "skada" in reply.lower()  # the question is put again


@pytest.mark.parametrize("correction", ["det var rum 6 inte rum 4", "nej, rum 6 inte 4",
                                        "inte rum 4 utan rum 6"])
def test_rattelse_av_en_detalj_i_sammanfattningen(conversation, correction):
    conversation.say("bru på Solgården i rum 4 ramlade i natt, ingen skada, ssk kontaktad")
    reply = conversation.say(correction)
    assert "rum 6" in reply and "Jag förstod inte" not in reply
    conversation.say("skicka")
    [report] = conversation.reports()
    assert "rum 6" in report.description and "rum 4" not in report.description


def test_kontaktsatt_andras_mitt_i_ett_tidssvar(conversation):
    conversation.say("sonen till en brukare på Björkhagen klagade på maten, han vill bli uppringd")
    reply = conversation.say("i morse. forresten hon vill hellre ha svar via brev")
    assert "• Kontakt: Ja, skriftligt" in reply
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.contact_wanted == "skriftligt"


def test_svar_och_fraga_i_samma_meddelande(conversation):
    conversation.say("bru på Solgården fick fel tabletter i morse, ingen skada")
    reply = conversation.say("ringde ssk som kom o bytte, vad gor jag med dosetten nu?")
    assert "dosett" in reply.lower()  # the question is answered (the routine)
    assert "Vad gjorde ni" not in reply and "Sammanfattning" in reply  # and the answer kept
    conversation.say("skicka")
    [report] = conversation.reports()
    assert "ringde ssk" in report.immediate_action


@pytest.mark.parametrize("answer", ["vet inte riktigt, ssk bedomer", "vet ej an, ssk tittar pa henne nu",
                                    "oklart, sjuksköterskan är på väg"])
def test_vet_ej_och_vad_som_gjorts(conversation, answer):
    conversation.say("bru på Solgården ramlade i natt")
    reply = conversation.say(answer)
    assert "Vad gjorde ni" not in reply and "Sammanfattning" in reply
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.consequence == "okänd" and report.immediate_action


# --- 6. What was already said is not asked for again ---------------------------------------------

@pytest.mark.parametrize("first", [
    "bru på Solgården ramlade i natt, ingen skada, ssk ringd",
    "bru på Solgården ramlade i natt, ingen skada, ssk ringd 0701234567",
    "bru på Solgården ramlade i natt, ingen skada. Sjuksköterskan tillkallad",
    "bru på Solgården ramlade i natt, ingen skada, läkare kontaktad",
    "bru på Solgården ramlade i natt, ingen skada, ambulans pa vag, ssk pa plats",
])
def test_atgard_i_forsta_meddelandet_fragas_inte_igen(conversation, first):
    reply = conversation.say(first)
    assert "Vad gjorde ni" not in reply and "Sammanfattning" in reply


def test_skrev_ju_det_tar_atgarden_ur_svaret(conversation):
    conversation.say("bru på Solgården ramlade i natt, ingen skada")
    reply = conversation.say("skrev ju det, ssk ringd")
    assert "Gjort direkt: ssk ringd" in reply and "skrev ju" not in reply.split("Gjort direkt:")[1].split("\n")[0]


def test_nej_till_kontakt_med_vardagliga_ord(conversation):
    reply = conversation.say("dottern ringde och klagade på maten på Björkhagen igår, hon vill inte att nan ringer henne")
    assert "kontaktad om svaret" not in reply and "Kontakt: Nej" in reply


# --- 12. Smaller things ---------------------------------------------------------------------------

def test_andrat_bara_for_verkliga_andringar(conversation):
    conversation.say("bru på Björkhagen ramlade i korridoren, hjälpte upp henne")
    reply = conversation.say("i går kväll")
    assert "Ändrat" not in reply and "”–”" not in reply
    reply = conversation.say("Nej ingen skada verkar det som")
    assert "Ändrat" not in reply
    conversation.say("skicka")
    [report] = conversation.reports()
    assert "verkar det som" not in report.description  # nothing in it that the fields do not say


@pytest.mark.parametrize(("answer", "kept"), [("skrapsar pa knat", "knat"), ("blåmärke på höger arm", "höger arm"),
                                              ("lite ont i ryggen", "ryggen")])
def test_kort_svar_med_detalj_hamnar_i_beskrivningen(conversation, answer, kept):
    conversation.say("bru på Solgården ramlade i natt, hjälpte upp henne")
    conversation.say(answer)
    send_as_is(conversation)
    [report] = conversation.reports()
    assert report.consequence == "lindrig" and kept in report.description


@pytest.mark.parametrize(("when", "shown"), [("igår", "När: i går (klockslag okänt"),
                                             ("i förrgår", "När: 8 mars 2026 (klockslag okänt"),
                                             ("igår kväll", "När: i går kväll (ungefär"),
                                             ("i natt", "När: i natt (ungefär")])
def test_bara_en_dag_visas_utan_pahittat_klockslag(conversation, when, shown):
    reply = conversation.say(f"bru på Solgården ramlade {when}, ingen skada, ssk kontaktad")
    assert shown in reply and "kl 12.00" not in reply and "kl 03.00" not in reply


def test_telefonnummer_i_ett_svar_namns_en_gang(conversation):
    conversation.say("dottern till en brukare på Björkhagen klagade på maten i dag")
    reply = conversation.say("anhörig")
    reply = conversation.say("ja ring henne på 070-123 45 67")
    assert "tog bort telefonnummer" in reply and "enhetschefen" in reply and "070-123" not in reply
    reply = conversation.say("skicka")
    assert "tog bort" not in reply


def test_svar_som_bara_lagger_till_detaljer_ar_ett_svar(conversation):
    member_of(conversation, "Solgården")
    conversation.say("bru fick fel medicin")
    reply = conversation.say("igar kvall, kvallspasset missade droppen i hemtj norr")
    assert "ny händelse" not in reply
    send_as_is(conversation)
    [report] = conversation.reports()
    assert "droppen" in report.description
