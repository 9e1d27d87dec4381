"""The loop closes: a care worker reports, the chef acts in plain words, the reporter hears of it."""

from __future__ import annotations

from intents.messages import ChannelKind


def test_atgard_fran_chef_meddelas_den_som_rapporterade(conversation):
    conversation.say("brukare på Solgården hittad på golvet i natt, ingen skada, ssk kontaktad", user="U-usk")
    assert "AV-2026-00001" in conversation.say("skicka", user="U-usk")
    listing = conversation.say("visa nya avvikelser", user="U-chef")
    assert "AV-2026-00001" in listing
    answer = conversation.say("AV-2026-00001 åtgärd: extra tillsyn nattetid, status åtgärdad", user="U-chef")
    assert "åtgärdad" in answer
    to_reporter = [text for to, text in conversation.notifier.sent if to == "U-usk"]
    assert len(to_reporter) == 1 and "extra tillsyn nattetid" in to_reporter[0]
    status = conversation.say("mina rapporter", user="U-usk")
    assert "AV-2026-00001" in status and "åtgärdad" in status


def test_personal_kan_inte_hantera_rapporter(conversation):
    conversation.say("brukare på Solgården hittad på golvet i natt, ingen skada, ssk kontaktad", user="U-usk")
    conversation.say("skicka", user="U-usk")
    answer = conversation.say("AV-2026-00001 status avslutad", user="U-annan")
    assert "mina rapporter" in answer and "AV-2026-00001" not in answer
    assert "ny – inte hanterad" in conversation.say("mina rapporter", user="U-usk")


def test_hantering_i_kanal_hanvisas_till_direktmeddelande(conversation):
    answer = conversation.say("visa AV-2026-00001", user="U-chef", channel=ChannelKind.PUBLIC)
    assert "direktmeddelande" in answer


def test_fraga_om_det_jag_rapporterat_visar_egna_rapporter_inte_statistik(conversation):
    conversation.say("brukare på Solgården hittad på golvet i natt, ingen skada, ssk kontaktad", user="U-usk")
    conversation.say("skicka", user="U-usk")
    answer = conversation.say("hur många avvikelser har jag rapporterat", user="U-usk")
    assert "AV-2026-00001" in answer and "Statistik" not in answer
    started = conversation.say("jag har rapporterat förut men nu ramlade bru på Solgården igen i natt", user="U-usk")
    assert "Dina senaste rapporter" not in started
