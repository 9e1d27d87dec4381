""""Vilka enheter har jag?": the person's role, units and what they may see, as the access checks
see it."""

from __future__ import annotations

import pytest

from storage.database import session_scope
from storage.people import set_role
from storage.vocabulary import Role


@pytest.mark.parametrize("question", ["vilka enheter har jag?", "vilken roll har jag", "vem ar jag",
                                      "vad far jag se?", "mina enheter"])
def test_chefen_far_veta_sin_roll_och_sina_enheter(conversation, question):
    with session_scope(conversation.db) as session:
        set_role(session=session, platform_user_id="U-chef2", role=Role.CHEF,
                 unit_names=["Solgården", "Björkhagen"])
    answer = conversation.say(question, user="U-chef2")
    assert "rollen chef för Björkhagen och Solgården" in answer
    assert "statistik och rapporter för Björkhagen och Solgården" in answer


def test_personal_far_veta_att_den_ser_sina_egna_rapporter(conversation):
    answer = conversation.say("vilka enheter tillhör jag", user="U-usk")
    assert "rollen personal" in answer and "mina rapporter" in answer and "statistik" not in answer


def test_mas_ser_allt(conversation):
    assert "alla enheter" in conversation.say("vilken roll har jag?", user="U-mas")


@pytest.mark.parametrize("text", ["hur gick det med min rapport", "min enhet har fått nytt larm som inte fungerar"])
def test_andra_meddelanden_om_mig_ar_ingen_rollfraga(conversation, text):
    assert "Du har rollen" not in conversation.say(text, user="U-usk")


def test_mina_enheter_i_en_statistikfraga_ar_statistik(conversation):
    with session_scope(conversation.db) as session:
        set_role(session=session, platform_user_id="U-chef2", role=Role.CHEF, unit_names=["Solgården"])
    assert "Du har rollen" not in conversation.say("hur många fall på mina enheter i mars", user="U-chef2")
