"""Dubbletter: samma händelse rapporterad två gånger pekas ut när den rapporteras – utan att den
andra rapportens innehåll visas – chefen avgör, och en dubblett räknas aldrig."""

from __future__ import annotations

from datetime import timedelta

from intents.report_dialogue.duplicate_check import SIMILARITY, similarity

FIRST = "Brukaren hittad på golvet i sovrummet i natt, ingen skada, ssk kontaktad"
AGAIN = "hittade bru pa golvet vid sangen pa solgarden i natt, inga skador, ssk kontaktad"


def test_liknande_rapport_fragar_om_samma_handelse_utan_att_visa_den_andra(conversation):
    earlier = conversation.file_report(FIRST, hours_ago=11)  # reported at 03.00 today
    conversation.say(AGAIN, user="U-usk-2")
    answer = conversation.say("skicka", user="U-usk-2")
    assert "Är det samma händelse som rapporterades i dag kl 03.00?" in answer
    assert "sovrummet" not in answer and earlier not in answer
    assert conversation.choices() == ["Ja, samma", "Nej, en annan"]
    answer = conversation.say("ja", user="U-usk-2")
    assert "AV-2026-00002" in answer and "chefen" in answer
    new = conversation.report("AV-2026-00002")
    assert new.possible_duplicate_of_id == conversation.report(earlier).id and new.duplicate_of_id is None


def test_nej_sparar_som_egen_handelse(conversation):
    conversation.file_report(FIRST, hours_ago=11)
    conversation.say(AGAIN, user="U-usk-2")
    conversation.say("skicka", user="U-usk-2")
    assert "AV-2026-00002" in conversation.say("nej, en annan", user="U-usk-2")
    assert conversation.report("AV-2026-00002").possible_duplicate_of_id is None


def test_annan_enhet_annat_omrade_eller_langt_tidigare_fragas_inte(conversation):
    conversation.file_report(FIRST, unit="Björkhagen", hours_ago=11)
    conversation.file_report(FIRST, area="läkemedel", hours_ago=11)
    conversation.file_report(FIRST, hours_ago=24 * 5)
    conversation.say(AGAIN, user="U-usk-2")
    answer = conversation.say("skicka", user="U-usk-2")
    assert "samma händelse" not in answer and "AV-2026-00004" in answer


def test_olik_text_fragas_inte(conversation):
    conversation.file_report("Brukaren gled ur rullstolen i matsalen vid lunch", hours_ago=11)
    conversation.say(AGAIN, user="U-usk-2")
    assert "samma händelse" not in conversation.say("skicka", user="U-usk-2")


def test_likhet_med_stavfel_och_olika_ordformer():
    assert similarity(FIRST, AGAIN) >= SIMILARITY
    assert similarity("Glömde ge kvällsmedicinen till brukaren", "kvällsmedicinen glömdes, brukaren fick den inte") \
        >= SIMILARITY
    assert similarity("Glömde ge kvällsmedicinen", "Fel dos insulin på morgonen") < SIMILARITY
    assert similarity("brukaren ramlade i hallen på morgonen", "annan brukare gled ur rullstolen i matsalen") \
        < SIMILARITY


def test_chef_ser_mojlig_dubblett_och_markerar_den_och_den_raknas_inte(conversation):
    earlier = conversation.file_report(FIRST, hours_ago=11)
    conversation.say(AGAIN, user="U-usk-2")
    conversation.say("skicka", user="U-usk-2")
    conversation.say("ja", user="U-usk-2")
    listing = conversation.say("visa nya avvikelser", user="U-chef")
    assert f"möjlig dubblett av {earlier}" in listing
    before = conversation.say("hur många avvikelser på Solgården i mars", user="U-chef")
    assert " 2 " in f" {before} "
    answer = conversation.say(f"AV-2026-00002 är dubblett av {earlier}", user="U-chef")
    assert "dubblett av" in answer and "räknas inte" in answer
    dup = conversation.report("AV-2026-00002")
    assert dup.duplicate_of_id == conversation.report(earlier).id and dup.status == "avslutad"
    after = conversation.say("hur många avvikelser på Solgården i mars", user="U-chef")
    assert " 1 " in f" {after} " and "dubblett" in after
    assert "AV-2026-00002" not in conversation.say("visa nya avvikelser", user="U-chef")
    undo = conversation.say("AV-2026-00002 är inte en dubblett", user="U-chef")
    assert "inte en dubblett" in undo
    assert conversation.report("AV-2026-00002").duplicate_of_id is None


def test_den_som_rapporterade_en_dubblett_far_veta_var_den_hanteras(conversation):
    earlier = conversation.file_report(FIRST, hours_ago=11)
    later = conversation.file_report(AGAIN, hours_ago=5, reporter="U-usk-2")
    conversation.say(f"{later} är dubblett av {earlier}", user="U-chef")
    assert "tidigare rapport" in conversation.say(f"hur gick det med {later}", user="U-usk-2")


def test_dubblett_ur_annan_enhet_avvisas(conversation):
    earlier = conversation.file_report(FIRST, unit="Björkhagen", hours_ago=11)
    later = conversation.file_report(AGAIN, hours_ago=5)
    answer = conversation.say(f"{later} är dubblett av {earlier}", user="U-chef")
    assert "hittar ingen rapport" in answer
    assert conversation.report(later).duplicate_of_id is None


def test_tidpunkten_galler_nar_den_andra_hande(conversation):
    conversation.file_report(FIRST, hours_ago=60)
    conversation.say(AGAIN, user="U-usk-2", at=conversation.now)
    assert "samma händelse" not in conversation.say("skicka", user="U-usk-2", at=conversation.now + timedelta(0))


def test_en_rapport_som_sjalv_namner_den_tidigare_fragas_inte(conversation):
    earlier = conversation.file_report(FIRST, hours_ago=11)
    conversation.say(f"{AGAIN}, samma brukare som i {earlier}", user="U-usk-2")
    answer = conversation.say("skicka", user="U-usk-2")
    assert "samma händelse" not in answer and "AV-2026-00002" in answer
