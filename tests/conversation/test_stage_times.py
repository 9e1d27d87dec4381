"""Tid per steg: från rapport till första hantering, till åtgärd och till återkoppling, som medianer
per enhet och område, och hur stor andel som fått återkoppling."""

from __future__ import annotations

from datetime import timedelta

import pytest

from intents.stage_times import duration, share


def _days_ago(conversation, days: float):
    return conversation.now - timedelta(days=days)


@pytest.fixture
def handled_week(conversation):
    """Three reports on Solgården, ten days ago: one handled all the way, one only started, one untouched;
    and one on Björkhagen handled the same day."""
    first = conversation.file_report(hours_ago=24 * 10)
    second = conversation.file_report("Brukaren fick fel tabletter", area="läkemedel", hours_ago=24 * 10)
    conversation.file_report("Larmet gick inte fram", area="larm", hours_ago=24 * 10)
    other = conversation.file_report(unit="Björkhagen", hours_ago=24 * 10)
    conversation.say(f"{first} status utreds", user="U-chef", at=_days_ago(conversation, 8))
    conversation.say(f"{first} åtgärd: sänglarm", user="U-chef", at=_days_ago(conversation, 5))
    conversation.say(f"{first} återkoppling: tack, sänglarm på plats", user="U-chef", at=_days_ago(conversation, 3))
    conversation.say(f"{second} kommentar: ssk tittar på det", user="U-chef", at=_days_ago(conversation, 6))
    conversation.say(f"{other} status utreds", user="U-mas", at=_days_ago(conversation, 10) + timedelta(hours=5))
    return first, second, other


def test_hur_snabbt_hanteras_avvikelserna_pa_en_enhet(conversation, handled_week):
    answer = conversation.say("hur snabbt hanteras avvikelserna på Solgården", user="U-chef")
    assert "3 st" in answer
    assert "till första hantering: median 3 dagar (2 av 3)" in answer
    assert "till åtgärd: median 5 dagar (1 av 3)" in answer
    assert "till återkoppling: median 7 dagar (1 av 3)" in answer
    assert "Återkoppling till den som rapporterade: 1 av 3 (33 %)" in answer
    assert "Per område" in answer and "läkemedel" in answer


def test_mas_ser_alla_enheter_och_per_enhet(conversation, handled_week):
    answer = conversation.say("hur lång tid tar det att hantera avvikelser?", user="U-mas")
    assert "4 st" in answer and "Per enhet" in answer and "Björkhagen: 5 tim" in answer


def test_personal_far_ingen_statistik(conversation, handled_week):
    answer = conversation.say("hur snabbt hanteras avvikelserna på Solgården", user="U-usk")
    assert "median" not in answer


def test_varaktighet_och_andel_i_vanlig_svenska():
    assert duration(None) == "–"
    assert duration(0.2) == "5 tim"
    assert duration(1) == "1 dag"
    assert duration(1.54) == "1,5 dagar"
    assert duration(12.4) == "12 dagar"
    assert share(1, 125) == "0,8 %"
    assert share(1, 3) == "33 %"
    assert share(0, 0) == "–"
