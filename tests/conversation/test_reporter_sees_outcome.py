"""Den som rapporterade ser vad det blev av rapporten: ”hur gick det med …”, ”mina rapporter” sida
för sida och per status – och beskedet kommer till rätt person."""

from __future__ import annotations

import re

import pytest

REFERENCE = re.compile(r"(?:AV|SP)-2026-\d{5}")


def test_hur_gick_det_med_min_rapport(conversation):
    ref = conversation.file_report()
    conversation.say(f"{ref} åtgärd: sänglarm beställt, återkoppling: tack för att du skrev!", user="U-chef")
    answer = conversation.say(f"hur gick det med {ref}?", user="U-usk")
    assert ref in answer and "sänglarm beställt" in answer and "tack för att du skrev!" in answer
    assert "Status:" in answer or "status" in answer


def test_hur_gick_det_utan_referens_galler_den_senaste(conversation):
    conversation.file_report(hours_ago=50)
    newest = conversation.file_report(hours_ago=2)
    answer = conversation.say("hur gick det med min rapport?", user="U-usk")
    assert newest in answer


@pytest.mark.parametrize("question, wanted", [
    ("hur gick det med min rapport om medicinen?", "läkemedel"),
    ("hur gick det med min rapport om tabletterna", "läkemedel"),
    ("vad hände med min avvikelse om fallet", "fall"),
    ("hur gick det med min rapport om trycksaret", "trycksår"),
])
def test_hur_gick_det_med_min_rapport_om_nagot_galler_den_senaste_om_det(conversation, question, wanted):
    refs = {"läkemedel": conversation.file_report("kvällsmedicinen gavs inte", area="läkemedel", hours_ago=70),
            "trycksår": conversation.file_report("rodnad på hälen", area="trycksår", hours_ago=50),
            "fall": conversation.file_report(hours_ago=30)}
    newest = conversation.file_report("larmet gick inte att trycka på", area="larm", hours_ago=2)
    answer = conversation.say(question, user="U-usk")
    assert refs[wanted] in answer and newest not in answer


def test_hur_gick_det_med_min_rapport_om_nagot_som_inte_finns_sags_utan_fel_rapport(conversation):
    ref = conversation.file_report(hours_ago=2)
    answer = conversation.say("hur gick det med min rapport om larmet", user="U-usk")
    assert ref not in answer and "ingen rapport om larm" in answer


def test_nagon_annans_rapport_visas_inte(conversation):
    ref = conversation.file_report(reporter="U-usk")
    answer = conversation.say(f"hur gick det med {ref}?", user="U-usk-2")
    assert "golvet" not in answer and "mina rapporter" in answer


def test_mina_rapporter_nyast_forst_sida_for_sida(conversation):
    references = [conversation.file_report(hours_ago=100 - i * 5) for i in range(8)]
    first = conversation.say("mina rapporter", user="U-usk")
    assert REFERENCE.findall(first) == references[::-1][:5]
    assert "Visa fler" in conversation.choices()
    second = conversation.say("visa fler", user="U-usk")
    assert REFERENCE.findall(second) == references[::-1][5:]


def test_mina_rapporter_per_status(conversation):
    open_ref = conversation.file_report(hours_ago=10)
    closed_ref = conversation.file_report(hours_ago=20)
    conversation.say(f"{closed_ref} status avslutad", user="U-chef")
    closed = conversation.say("mina avslutade rapporter", user="U-usk")
    assert closed_ref in closed and open_ref not in closed
    waiting = conversation.say("mina nya rapporter", user="U-usk")
    assert open_ref in waiting and closed_ref not in waiting


def test_mina_rapporter_visar_atgard_och_aterkoppling(conversation):
    ref = conversation.file_report()
    conversation.say(f"{ref} åtgärd: halkfria strumpor, status åtgärdad", user="U-chef")
    answer = conversation.say("mina rapporter", user="U-usk")
    assert "halkfria strumpor" in answer and "åtgärdad" in answer
