"""The reporting conversation, as a care worker meets it. Each test reads as a short dialogue."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.exc import OperationalError

from intents.messages import ChannelKind
from storage.timestamps import STOCKHOLM


def test_en_rapport_i_ett_enda_meddelande(conversation):
    answer = conversation.say("brukare på Solgården hittad på golvet i badrummet i natt kl 3, ingen skada, ssk kontaktad")
    assert "Sammanfattning" in answer and "Fall" in answer and "Solgården" in answer
    assert "Stämmer det?" in answer and "1) Skicka" in answer
    answer = conversation.say("skicka")
    assert "AV-2026-00001" in answer
    assert "inte personen" in answer
    assert "Nästa steg enligt rutinen" in answer
    [report] = conversation.reports()
    assert (report.kind, report.area, report.consequence, report.source) == ("avvikelse", "fall", "ingen", "terminal")
    assert report.occurred_at.astimezone(conversation.now.tzinfo).strftime("%Y-%m-%d %H") == "2026-03-10 03"
    assert conversation.drafts() == []


def test_fall_utan_diakritiska_tecken_och_med_forkortningar(conversation):
    conversation.say("bru pa solgarden hittad pa golvet i morse, ingen skada, ssk kontaktad")
    assert "Solgården" in conversation.say("1") or conversation.reports()
    [report] = conversation.reports()
    assert report.area == "fall"


def test_saknad_enhet_fragas_och_stavfel_forstas(conversation):
    answer = conversation.say("glömde ge kvällsmedicinen i går kväll, ssk informerad, ingen skada")
    assert "Vilken enhet" in answer
    answer = conversation.say("solgarden")
    assert "Solgården" in answer and "Sammanfattning" in answer


def test_okand_enhet_ger_forslag(conversation):
    conversation.say("glömde ge kvällsmedicinen i går kväll, ssk informerad, ingen skada")
    answer = conversation.say("Björkhagn")
    assert "Björkhagen" in answer


def test_tvetydig_enhet_ger_val(conversation):
    answer = conversation.say("missade medicinen i morse hos en brukare i hemtjänsten, ingen skada, ssk informerad")
    assert "Hemtjänst Norr" in answer and "Hemtjänst Syd" in answer
    answer = conversation.say("2")
    assert "Hemtjänst Syd" in answer and "Sammanfattning" in answer


def test_saknad_tid_fragas(conversation):
    answer = conversation.say("brukare på Björkhagen ramlade i korridoren, blåmärke på armen, hjälpte upp henne")
    assert "När hände det?" in answer
    answer = conversation.say("i går kväll")
    assert "Sammanfattning" in answer and "När: i går kväll (ungefär" in answer


def test_framtida_tid_godtas_inte(conversation):
    conversation.say("brukare på Björkhagen ramlade i korridoren, blåmärke på armen, hjälpte upp henne")
    answer = conversation.say("kl 23")
    assert "framtiden" in answer and "t.ex." in answer  # the second wording says what is expected


def test_konsekvens_och_atgard_fragas_och_kan_valjas_med_siffra(conversation):
    answer = conversation.say("bru på solgården föll i natt")
    assert "skada" in answer.lower() and "1) Ingen skada" in answer
    answer = conversation.say("2")
    assert "Vad gjorde ni direkt" in answer
    answer = conversation.say("hoppa över")
    assert "Sammanfattning" in answer and "lindrig" in answer
    conversation.say("ja")
    [report] = conversation.reports()
    assert report.consequence == "lindrig" and report.immediate_action is None


def test_rattelse_av_omrade_enhet_och_tid(conversation):
    conversation.say("brukare på Solgården hittad på golvet i natt, ingen skada, ssk kontaktad")
    answer = conversation.say("ändra område till läkemedel")
    assert "Läkemedel" in answer
    answer = conversation.say("fel enhet, det var Björkhagen")
    assert "Björkhagen" in answer
    answer = conversation.say("det hände i går kväll")
    assert "När: ”i natt” → ”i går kväll”" in answer
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.area == "läkemedel"


def test_andra_fran_sammanfattningen(conversation):
    conversation.say("brukare på Solgården hittad på golvet i natt, ingen skada, ssk kontaktad")
    answer = conversation.say("ändra")
    assert "Vad vill du ändra?" in answer
    answer = conversation.say("enhet")
    assert "Vilken enhet" in answer
    answer = conversation.say("Hemtjänst Norr")
    assert "Sammanfattning" in answer and "Hemtjänst Norr" in answer


def test_avbryt_sparar_ingenting(conversation):
    conversation.say("bru på solgården föll i natt")
    answer = conversation.say("avbryt")
    assert "Inget har sparats" in answer
    assert conversation.reports() == [] and conversation.drafts() == []


def test_fraga_mitt_i_rapporten_besvaras_och_rapporten_fortsatter(conversation):
    conversation.say("bru på solgården föll i natt")
    answer = conversation.say("vad gör jag om någon har ramlat?")
    assert "Vi höll på med din avvikelse" in answer
    assert "skada" in answer.lower()  # the pending question is asked again
    conversation.say("ingen skada")
    conversation.say("hoppa över")
    conversation.say("skicka")
    assert len(conversation.reports()) == 1


def test_utkastet_overlever_en_omstart(conversation):
    conversation.say("bru på solgården föll i natt")
    restarted = conversation.restart()
    answer = restarted.say("1")
    assert "Vad gjorde ni direkt" in answer


def test_gammalt_utkast_fragas_om_innan_det_slangs(conversation):
    conversation.say("bru på solgården föll i natt")
    later = conversation.now + timedelta(hours=30)
    answer = conversation.say("1", at=later)
    assert "påbörjad rapport" in answer and "fortsätta" in answer
    answer = conversation.say("nej", at=later)
    assert "borttagen" in answer
    assert conversation.drafts() == [] and conversation.reports() == []


def test_personnummer_och_telefon_maskeras_och_anvandaren_far_veta(conversation):
    answer = conversation.say("brukare 19450101-1234 på Solgården föll i natt, ring dottern 070-123 45 67, ingen skada")
    assert "tog bort" in answer
    assert "19450101" not in answer and "070-123" not in answer
    conversation.say("hoppa över")
    conversation.say("skicka")
    [report] = conversation.reports()
    assert "19450101" not in report.description and "[personnummer]" in report.description
    assert "[telefonnummer]" in report.description


def test_rapport_i_kanal_flyttas_till_direktmeddelande_och_sparas_inte(conversation):
    answer = conversation.say("brukare på Solgården föll i natt och slog huvudet", channel=ChannelKind.PUBLIC)
    assert "direktmeddelande" in answer
    assert "huvudet" not in answer and "Solgården" not in answer
    assert conversation.last[0].move_to_direct and conversation.last[0].private
    assert conversation.drafts() == [] and conversation.reports() == []


def test_arbetsskada_hanvisas_till_ratt_system(conversation):
    answer = conversation.say("jag skar mig på en kniv i köket på Solgården i morse")
    assert "arbetsmiljö" in answer
    assert conversation.drafts() == [] and conversation.reports() == []


def test_synpunkt_fragar_vem_och_om_kontakt(conversation):
    answer = conversation.say("en anonym lapp på Björkhagen klagar på att maten alltid är kall, i dag")
    assert "Vem lämnade synpunkten?" in answer
    answer = conversation.say("anhörig")
    assert "kontaktad" in answer
    answer = conversation.say("telefon")
    assert "Synpunkt" in answer and "per telefon" in answer
    answer = conversation.say("skicka")
    assert "SP-2026-00001" in answer
    [report] = conversation.reports()
    assert (report.kind, report.given_by, report.contact_wanted) == ("synpunkt", "anhörig", "telefon")


def test_allvarlig_handelse_meddelar_mas_direkt_en_gang(conversation):
    conversation.say("brukare på Solgården föll i natt, misstänkt höftfraktur, ambulans kom, ssk kontaktad")
    answer = conversation.say("skicka")
    assert "AV-2026-00001" in answer
    alerts = [(to, text) for to, text in conversation.notifier.sent if "AV-2026-00001" in text]
    assert [to for to, _ in alerts] == ["U-mas"]
    assert "ni bedömer" in alerts[0][1]


def test_vald_allvarlig_konsekvens_gor_rapporten_allvarlig_och_mas_meddelas(conversation):
    question = conversation.say("brukare på Solgården ramlade i natt, ssk kontaktad")
    assert "skada" in question.lower()
    conversation.say("allvarlig")
    answer = conversation.say("skicka")
    assert "AV-2026-00001" in answer
    [report] = conversation.reports()
    assert report.consequence == "allvarlig" and report.severe
    assert [to for to, text in conversation.notifier.sent if "AV-2026-00001" in text] == ["U-mas"]


def test_misstankt_lex_sarah_meddelar_ocksa_chef_och_sas(conversation):
    conversation.say("en brukare på Solgården berättade att en personal slagit henne i går kväll, blåmärke på armen, "
                     "chefen informerad")
    conversation.say("skicka")
    recipients = {to for to, _ in conversation.notifier.sent}
    assert {"U-mas", "U-chef", "U-sas"} <= recipients


def test_misslyckad_sparning_behaller_utkastet(conversation, monkeypatch):
    import intents.report_dialogue.submission as submission

    conversation.say("brukare på Solgården hittad på golvet i natt, ingen skada, ssk kontaktad")

    def broken(**kwargs):
        raise OperationalError("INSERT", {}, Exception("disk full"))

    monkeypatch.setattr(submission, "create_report", broken)
    answer = conversation.say("skicka")
    assert "gick inte att spara" in answer
    assert len(conversation.drafts()) == 1
    monkeypatch.undo()
    assert "AV-2026-00001" in conversation.say("skicka")


def test_tom_start_fragar_vad_som_hande(conversation):
    answer = conversation.say("jag vill rapportera en avvikelse")
    assert "Berätta kort" in answer
    answer = conversation.say("bru på Björkhagen fick fel tabletter vid lunch i dag, ssk informerad, ingen skada")
    assert "Sammanfattning" in answer and "Läkemedel" in answer


def test_bara_natt_ger_ungefarlig_tid_och_klockslag_ger_exakt(conversation):
    summary = conversation.say("brukare på Solgården ramlade i natt, ingen skada, ssk kontaktad")
    assert "När: i natt (ungefär" in summary and "kl 03" not in summary  # no clock time is invented
    conversation.say("avbryt")
    summary = conversation.say("brukare på Solgården ramlade i natt kl 02.40, ingen skada, ssk kontaktad")
    assert "När: i dag kl 02.40\n" in summary


def test_klockslag_i_sammanfattningen_galler_samma_dag(conversation):
    conversation.say("brukare på Solgården ramlade i går kväll, ingen skada, ssk kontaktad")
    summary = conversation.say("kl 22.10")
    assert "När: i går kl 22.10\n" in summary and "ungefär" not in summary
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.occurred_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M") == "2026-03-09 22:10"


def test_sent_klockslag_efter_i_natt_galler_kvallen_fore(conversation):
    conversation.say("brukare på Solgården ramlade i natt, ingen skada, ssk kontaktad")
    summary = conversation.say("kl 23.40")
    assert "När: i går kl 23.40\n" in summary


def test_en_siffra_i_sammanfattningen_ar_fortfarande_ett_val(conversation):
    conversation.say("brukare på Solgården ramlade i går kväll, ingen skada, ssk kontaktad")
    assert "AV-2026-00001" in conversation.say("1")
