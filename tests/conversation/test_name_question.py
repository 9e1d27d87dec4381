"""Names: the bot asks once, before saving, whether a name may become [namn]. The writer decides."""

from __future__ import annotations

from sqlmodel import select

from storage.database import session_scope
from storage.models import Report

REPORT = "Anna på Solgården hittad på golvet i badrummet i natt kl 3, ingen skada, ssk kontaktad"


def descriptions(conversation) -> list[str]:
    with session_scope(conversation.db) as session:
        return list(session.exec(select(Report.description)))


def test_namn_byts_mot_platshallare_efter_ja(conversation):
    assert "Sammanfattning" in conversation.say(REPORT)
    question = conversation.say("skicka")
    assert "”Anna”" in question and "[namn]" in question and "Ja, byt ut" in question
    assert descriptions(conversation) == []  # nothing saved before the answer
    answer = conversation.say("ja")
    assert "Jag bytte ut ”Anna” mot [namn]." in answer and "AV-2026-00001" in answer
    assert descriptions(conversation) == ["[namn] på Solgården hittad på golvet i badrummet i natt kl 3, ingen skada, "
                                          "ssk kontaktad"]


def test_nej_sparar_texten_som_den_skrevs(conversation):
    conversation.say(REPORT)
    conversation.say("skicka")
    assert "AV-2026-00001" in conversation.say("2")
    assert descriptions(conversation) == [REPORT]


def test_otydligt_svar_fragar_igen_och_fragan_stalls_bara_en_gang(conversation):
    conversation.say(REPORT)
    conversation.say("skicka")
    again = conversation.say("kanske")
    assert "Svara ja" in again and descriptions(conversation) == []
    assert "AV-2026-00001" in conversation.say("nej")


def test_utan_namn_fragar_boten_inte(conversation):
    summary = conversation.say("brukare på Solgården hittad på golvet i badrummet i natt kl 3. Inga skador, "
                               "Hans dotter ringde. ssk kontaktad")
    assert "Sammanfattning" in summary
    answer = conversation.say("skicka")
    assert "namn" not in answer
    assert "AV-2026-00001" in answer or "SP-2026-00001" in answer
