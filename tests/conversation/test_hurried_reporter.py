"""Issue 14: a hurried care worker's short answers, second thoughts and new events mid-dialogue.

Each test starts from one finding: what the bot did wrong, written as the dialogue that must now work.
"""

from __future__ import annotations

import pytest

from storage.database import session_scope
from storage.models import Report
from storage.reports import report_history
from storage.timestamps import STOCKHOLM


def local(report: Report) -> str:
    return report.occurred_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M")


# --- A new report is not swallowed as an answer --------------------------------------------------

def test_ny_handelse_medan_omradesfragan_vantar_blir_en_egen_rapport(conversation):
    question = conversation.say("bru på Solgården hade tappat larmklockan och låg på golvet i natt")
    assert "Vilket område" in question
    answer = conversation.say("bru på Björkhagen ramlade i korridoren i går kl 22, ingen skada, ssk kontaktad")
    assert "svar på frågan eller en ny händelse" in answer
    answer = conversation.say("ny händelse")
    assert "Vilket område" in answer  # the first report goes on where it was
    conversation.say("fall")
    conversation.say("ingen skada")
    answer = conversation.say("hjälpte upp henne")
    assert "Sammanfattning" in answer and "Solgården" in answer
    answer = conversation.say("skicka")
    assert "AV-2026-00001" in answer
    assert "Björkhagen" in answer and "Sammanfattning" in answer  # the held event comes next, nothing lost
    answer = conversation.say("skicka")
    assert "AV-2026-00002" in answer
    first, second = conversation.reports()
    assert (first.area, first.unit_id != second.unit_id) == ("fall", True)
    assert "larmklockan" in first.description and "korridoren" in second.description
    assert (second.area, second.consequence, local(second)) == ("fall", "ingen", "2026-03-09 22:00")
    assert conversation.drafts() == []


def test_langt_svar_med_samma_tid_och_enhet_ar_ett_svar_och_inget_tappas(conversation):
    conversation.say("bru på Solgården hade tappat larmklockan och låg på golvet i natt")
    answer = conversation.say("hon hade ramlat ur sängen på Solgården i natt och larmet låg på golvet")
    assert "ny händelse" not in answer and "Vilket område" not in answer
    conversation.say("ingen skada")
    conversation.say("hoppa över")
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.area == "fall" and "ramlat ur sängen" in report.description


def test_svar_pa_fragan_med_annan_tid_fragas_och_anvands_som_svar(conversation):
    conversation.say("bru på Solgården hade tappat larmklockan och låg på golvet i natt")
    answer = conversation.say("hon ramlade ur sängen vid 5-tiden i morse och larmet låg på golvet")
    assert "svar på frågan eller en ny händelse" in answer
    answer = conversation.say("svar på frågan")
    assert "Vilket område" not in answer
    conversation.say("ingen skada")
    conversation.say("hoppa över")
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.area == "fall" and "ramlade ur sängen" in report.description


def test_skicka_pa_atgardsfragan_sparas_inte_som_atgard(conversation):
    conversation.say("bru på Solgården ramlade i natt, ingen skada")
    answer = conversation.say("skicka")
    assert "Sammanfattning" in answer and "Gjort direkt: skicka" not in answer
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.immediate_action is None


# --- Natural answers do not loop -----------------------------------------------------------------

def test_ja_pa_kontaktfragan_fragar_hur(conversation):
    conversation.say("en brukare på Björkhagen är missnöjd med att maten alltid är kall, i dag")
    answer = conversation.say("ja")
    assert "telefon eller skriftligt" in answer
    answer = conversation.say("telefon")
    assert "enhetschef" in answer and "inte här i chatten" in answer
    conversation.say("skicka")
    [report] = conversation.reports()
    assert (report.given_by, report.contact_wanted) == ("brukare", "telefon")


def test_ok_skicka_i_sammanfattningen_sparar(conversation):
    conversation.say("bru på Solgården hittad på golvet i natt, ingen skada, ssk kontaktad")
    assert "AV-2026-00001" in conversation.say("ok skicka")


def test_vet_ej_om_konsekvens_sparas_som_okand(conversation):
    conversation.say("bru på Solgården ramlade i natt, ssk kontaktad")
    answer = conversation.say("vet ej")
    assert "Sammanfattning" in answer and "okänd" in answer
    conversation.say("kör")
    [report] = conversation.reports()
    assert report.consequence == "okänd"


def test_ingen_fraga_stalls_mer_an_tva_ganger_och_aldrig_med_samma_text(conversation):
    conversation.say("bru på Björkhagen ramlade i korridoren, blåmärke på armen, hjälpte upp henne")
    first = conversation.say("blablabla")
    assert "hoppa över" in first.lower() and "t.ex." in first
    second = conversation.say("blablabla igen")
    assert second != first
    assert "När hände det?" not in second
    assert "Sammanfattning" in second  # moved on; the time can be changed there
    conversation.say("tiden: i går kl 18")
    conversation.say("skicka")
    [report] = conversation.reports()
    assert local(report) == "2026-03-09 18:00"


# --- Time corrections in natural words -----------------------------------------------------------

def test_typ_22_i_sammanfattningen_galler_den_kanda_dagen(conversation):
    summary = conversation.say("bru på Solgården ramlade i går, ingen skada, ssk kontaktad")
    assert "i går" in summary
    answer = conversation.say("nej det var typ 22")
    assert "När: i går kl 22.00" in answer
    conversation.say("skicka")
    assert local(conversation.reports()[0]) == "2026-03-09 22:00"


def test_tiden_ar_fel_det_var_i_natt(conversation):
    conversation.say("bru på Solgården ramlade i går kväll, ingen skada, ssk kontaktad")
    answer = conversation.say("tiden är fel, det var inatt kl 2")
    assert "När: i dag kl 02.00" in answer
    conversation.say("skicka")
    assert local(conversation.reports()[0]) == "2026-03-10 02:00"


def test_i_gar_runt_22_i_sammanfattningen(conversation):
    conversation.say("bru på Solgården ramlade, ingen skada, ssk kontaktad, i dag")
    answer = conversation.say("i går runt 22")
    assert "När: i går kl 22.00" in answer


def test_typ_22_efter_andra_tid_avvisas_inte_som_framtid(conversation):
    conversation.say("bru på Solgården ramlade i går, ingen skada, ssk kontaktad")
    conversation.say("ändra")
    question = conversation.say("tid")
    assert "När hände det?" in question
    answer = conversation.say("typ 22")
    assert "framtiden" not in answer and "När: i går kl 22.00" in answer


def test_igar_22_ar_klockan_22_i_gar(conversation):
    conversation.say("bru på Björkhagen ramlade i korridoren, blåmärke på armen, hjälpte upp henne")
    answer = conversation.say("igar 22")
    assert "När: i går kl 22.00" in answer


def test_tidsrattelse_tar_hogst_fem_meddelanden(conversation):
    messages = ["bru på solgarden ramlade igar, blamarke pa armen", "hjälpte upp", "nej det var typ 22", "skicka"]
    for text in messages:
        conversation.say(text)
    [report] = conversation.reports()
    assert local(report) == "2026-03-09 22:00" and report.consequence == "lindrig"


# --- An edited description is read again ---------------------------------------------------------

def test_tillagg_i_beskrivningen_lases_om_och_andringen_visas(conversation):
    conversation.say("bru på Solgården ramlade i natt, ingen skada, ssk kontaktad")
    answer = conversation.say("lägg till att hon slog i huvudet")
    assert "slog i huvudet" in answer
    assert "Konsekvens: ingen skada" not in answer
    assert "allvarlig" in answer.lower()  # the flag the new words imply is shown before saving


def test_ny_beskrivning_kan_byta_omrade(conversation):
    conversation.say("bru på Solgården ramlade i natt, ingen skada, ssk kontaktad")
    answer = conversation.say("ändra beskrivningen: bru fick fel tabletter vid kvällsmedicineringen")
    assert "Område: Läkemedel" in answer and "Fall" in answer  # the change is named: Fall → Läkemedel


# --- Nothing is asked that was already said ------------------------------------------------------

def test_sonen_som_klagar_fragas_inte_om_vem(conversation):
    answer = conversation.say("sonen ringde o klagade på att maten var kall på Björkhagen i går")
    assert "Vem lämnade synpunkten" not in answer
    answer = conversation.say("nej")
    conversation.say("skicka")
    [report] = conversation.reports()
    assert (report.kind, report.given_by, report.contact_wanted) == ("synpunkt", "anhörig", None)


def test_anhorig_som_vill_bli_uppringd_far_hanvisning_om_kontaktuppgifter(conversation):
    answer = conversation.say("dottern är missnöjd med bemötandet på Solgården i morse och vill bli uppringd")
    assert "Vem lämnade" not in answer and "kontaktad" not in answer
    assert "enhetschef" in answer
    conversation.say("skicka")
    [report] = conversation.reports()
    assert (report.given_by, report.contact_wanted) == ("anhörig", "telefon")


def test_enhet_tas_fran_personens_egen_enhet(conversation):
    from storage.people import set_role
    from storage.vocabulary import Role

    with session_scope(conversation.db) as session:
        set_role(session=session, platform_user_id="U-usk", role=Role.PERSONAL, unit_name="Björkhagen")
    answer = conversation.say("glömde ge kvällsmedicinen i går kväll, ssk informerad, ingen skada")
    assert "Vilken enhet" not in answer and "Björkhagen" in answer


# --- Next steps that fit, and staff injuries ----------------------------------------------------

def test_kollega_som_vred_ryggen_ar_en_personalskada(conversation):
    answer = conversation.say("kollegan vred ryggen vid förflyttning av bru på Solgården i morse")
    assert "arbetsmiljö" in answer
    assert conversation.reports() == [] and conversation.drafts() == []


def test_kollega_som_halkade_ar_en_personalskada(conversation):
    answer = conversation.say("en kollega halkade på isen vid entrén till Björkhagen i morse")
    assert "arbetsmiljö" in answer


def test_berom_far_tack_och_hur_beromet_fors_vidare(conversation):
    answer = conversation.say("brukaren på Solgården berömde personalen i dag, hon är så nöjd med kvällspasset")
    assert "kontaktad" not in answer and "Sammanfattning" in answer  # praise needs no answer: not asked
    answer = conversation.say("skicka")
    assert "SP-2026-00001" in answer
    assert "beröm" in answer.lower()
    assert "arbetsmiljö" not in answer and "tillbud" not in answer.lower()


def test_klagomal_far_synpunktsrutinen(conversation):
    conversation.say("brukaren på Solgården klagar på att kvällsbesöket alltid är sent, i går")
    conversation.say("skriftligt")
    answer = conversation.say("skicka")
    assert "Synpunkter och klagomål" in answer
    assert "arbetsmiljö" not in answer


def test_referens_i_en_rapport_startar_ny_rapport_och_kopplas(conversation):
    conversation.say("bru på Solgården ramlade i natt, ingen skada, ssk kontaktad")
    conversation.say("skicka")
    answer = conversation.say("brukaren på Solgården föll igen i morse, samma som AV-2026-00001, ingen skada")
    assert "Sammanfattning" in answer or "Vad gjorde ni" in answer
    assert "AV-2026-00001" in answer  # the link is shown
    if "Vad gjorde ni" in answer:
        conversation.say("hjälpte upp")
    assert "AV-2026-00002" in conversation.say("skicka")
    first, second = conversation.reports()
    with session_scope(conversation.db) as session:
        history = report_history(session=session, report=session.get(Report, second.id))
    assert any(event.action == "linked" and event.new_value == "AV-2026-00001" for event in history)


def test_omradets_forklaring_visas_i_sammanfattningen(conversation):
    answer = conversation.say("bru på Solgården halkade på golvet i badrummet i natt, ingen skada, ssk kontaktad")
    assert "Område: Fall – av: halkade, golvet" in answer


def test_personalskada_mitt_i_en_rapport_hanvisas_nar_rapporten_ar_klar(conversation):
    conversation.say("bru på solgården föll i natt")
    answer = conversation.say("kollegan halkade i trappan på björkhagen i morse och slog i knät")
    assert "ny händelse" in answer
    conversation.say("ny")
    conversation.say("ingen skada")
    conversation.say("hoppa över")
    answer = conversation.say("skicka")
    assert "AV-2026-00001" in answer and "arbetsmiljö" in answer
    assert len(conversation.reports()) == 1 and conversation.drafts() == []


def test_samma_text_igen_efter_ny_handelse_ar_ett_svar(conversation):
    conversation.say("bru på Solgården ramlade i natt, ingen skada")
    conversation.say("ringde ssk på Björkhagen som kom och tittade i morse")
    conversation.say("ny")
    answer = conversation.say("ringde ssk på Björkhagen som kom och tittade i morse")
    assert "Sammanfattning" in answer and "ny händelse" not in answer
    conversation.say("skicka")
    [report] = conversation.reports()
    assert "ringde ssk" in (report.immediate_action or "")
    assert conversation.drafts() == []


def test_andra_vid_en_fraga_och_tid_i_sammanfattningen_gar_direkt_dit(conversation):
    conversation.say("bru på Solgården ramlade i går, ingen skada")
    assert "Vad vill du ändra?" in conversation.say("ändra")
    assert "När hände det?" in conversation.say("tid")
    conversation.say("typ 22")
    summary = conversation.say("hoppa över")
    assert "När: i går kl 22.00" in summary
    assert "När hände det?" in conversation.say("tid")


@pytest.mark.parametrize(("correction", "line"), [
    ("nej hon fick ett blåmärke", "Konsekvens: lindrig"),
    ("egentligen lindrig", "Konsekvens: lindrig"),
    ("konsekvens: måttlig", "Konsekvens: måttlig"),
    ("det var läkemedel", "Område: Läkemedel"),
    ("fel enhet, det var Björkhagen", "Enhet: Björkhagen"),
    ("enheten ska vara HT Norr", "Enhet: Hemtjänst Norr"),
    ("nä det var i förrgår kväll", "När: ”i natt” → ”8 mars 2026 på kvällen”"),
    ("i går runt 22", "När: i går kl 22.00"),
    ("åtgärd: ssk ringd och tittade", "Gjort direkt: ssk ringd och tittade"),
])
def test_rattelse_med_vanliga_ord_i_sammanfattningen(conversation, correction, line):
    conversation.say("bru på Solgården hittad på golvet i natt, ingen skada, ssk kontaktad")
    answer = conversation.say(correction)
    assert "Ändrat" in answer and f"• {line}" in answer


def test_hanvisning_till_rapport_man_inte_ser_avslojar_inte_om_den_finns(conversation):
    conversation.say("bru på Solgården ramlade i natt, ingen skada, ssk kontaktad")
    conversation.say("skicka")
    receipts = []
    # the first reference exists, the second does not; two different events, so no duplicate question
    for reference, event in (("AV-2026-00001", "kvällsmedicinen glömdes i går kväll, ingen skada, ssk informerad"),
                             ("AV-2026-00077", "larmet gick inte fram i går kväll, ingen skada, ssk informerad")):
        conversation.say(f"brukaren på Solgården: {event}, se {reference}")
        answer = conversation.say("skicka")
        receipts.append(next(s for s in answer.split("\n")[0].split(". ") if reference in s).replace(reference, "REF"))
    assert receipts[0] == receipts[1] == "Hänvisningen till REF finns med, så den som hanterar rapporten ser den."
