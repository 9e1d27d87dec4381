"""Att hantera rapporter i chatten: vem som får se och ändra vad, historiken, och att den som
rapporterade får besked – en gång. Körs på SQLite och PostgreSQL."""

from __future__ import annotations

import re

from intents.report_handling.permissions import REFUSAL
from storage.access_log import access_entries
from storage.database import session_scope
from storage.reports import get_report, report_history


def test_chef_ser_nya_avvikelser_bara_pa_sina_enheter_nyast_forst(desk):
    yngre = desk.report(days_ago=2, description="Hittad på golvet vid sängen, ringde ssk 070-123 45 67")
    aldre = desk.report(days_ago=7)
    annan_enhet = desk.report("Björkhagen", reporter="U-usk-bh", days_ago=9)
    said = desk.say("U-chef", "visa nya avvikelser")
    assert annan_enhet not in said.text
    assert said.text.index(yngre) < said.text.index(aldre)
    assert "2 avvikelser på dina enheter" in said.text
    assert f"{aldre} – fall, Solgården, 7 dagar" in said.text
    assert "[telefonnummer]" in said.text and "070" not in said.text
    assert said.outbox == []


def test_listan_visar_tio_och_sedan_hur_manga_till(desk):
    for days_ago in range(13):
        desk.report(days_ago=days_ago)
    said = desk.say("U-chef", "visa obehandlade")
    assert len(re.findall(r"AV-2026-\d{5} –", said.text)) == 10
    assert "3 till – skriv ”visa fler”" in said.text


def test_obedomda_avvikelser_listas_tills_nagon_bedomt_dem(desk):
    reference = desk.report()
    assert reference in desk.say("U-chef", "vilka avvikelser är inte bedömda").text
    desk.say("U-chef", f"{reference} lagrum HSL")
    assert "Det finns inga avvikelser på dina enheter som inte är bedömda" in desk.say(
        "U-chef", "vilka avvikelser ar inte bedomda").text


def test_mas_ser_alla_enheter(desk):
    sol = desk.report()
    bjork = desk.report("Björkhagen", reporter="U-usk-bh")
    said = desk.say("U-mas", "visa nya avvikelser")
    assert sol in said.text and bjork in said.text
    assert "2 avvikelser på alla enheter" in said.text
    assert "Björkhagen" in desk.say("U-mas", bjork).text


def test_personal_far_ett_vanligt_nej_som_inte_avslojar_nagot(desk):
    reference = desk.report(reporter="U-usk-bh")  # someone else's report
    for text in ("visa nya avvikelser", reference, f"{reference} status avslutad", "AV-2026-09999"):
        said = desk.say("U-usk", text)
        assert said.text == REFUSAL
        assert not re.search(r"\d", said.text) and "AV-" not in said.text
        assert said.outbox == []
    with session_scope(desk.engine) as session:
        assert get_report(session=session, reference=reference).status == "ny"
        assert access_entries(session=session) == []


def test_en_enda_rapport_i_listan_far_singular(desk):
    desk.report()
    assert "1 avvikelse på dina enheter som ingen har börjat hantera" in desk.say("U-chef", "visa nya avvikelser").text


def test_okand_referens_far_ett_tydligt_svar(desk):
    said = desk.say("U-chef", "AV-2026-09999")
    assert "Jag hittar ingen rapport AV-2026-09999 bland dem du kan se" in said.text


def test_chef_kan_inte_se_eller_andra_rapporter_pa_andra_enheter(desk):
    reference = desk.report("Björkhagen", reporter="U-usk-bh")
    for text in (reference, f"{reference} status avslutad"):
        said = desk.say("U-chef", text)
        assert f"Jag hittar ingen rapport {reference} bland dem du kan se" in said.text
        assert "hittad på golvet" not in said.text.lower()
    with session_scope(desk.engine) as session:
        assert get_report(session=session, reference=reference).status == "ny"


def test_chef_utan_enheter_far_veta_varfor(desk):
    desk.report()
    said = desk.say("U-chef-utan", "visa nya avvikelser")
    assert "ingen enhet kopplad" in said.text and "AV-" not in said.text


def test_oppnad_rapport_visar_falten_och_historiken_och_loggas(desk):
    reference = desk.report()
    desk.say("U-chef", f"{reference} status utreds, orsak: rutiner")
    said = desk.say("U-chef", f"visa {reference}")
    for expected in (f"Avvikelse {reference} – fall, Solgården", "Brukaren hittad på golvet", "Status: utreds",
                     "Lagrum: ej bedömd", "Orsak: processer och rutiner", "Återkoppling: ingen ännu",
                     "Historik:", "rapporterad", "(U-chef): status ny → utreds"):
        assert expected in said.text
    with session_scope(desk.engine) as session:
        assert [e.revealed for e in access_entries(session=session, user_key="U-chef")][-1] == f"{reference} visad"


def test_uppdatering_skrivs_i_historiken_och_rapportoren_far_besked_en_gang(desk):
    reference = desk.report()
    said = desk.say("U-chef", f"{reference} åtgärd: extra tillsyn nattetid, status åtgärdad")
    assert "status: ny → åtgärdad" in said.text and "åtgärd: extra tillsyn nattetid" in said.text
    assert "skickat ett tack" in said.text
    assert said.outbox == [("U-usk", (
        f"Tack för din rapport {reference} (fall på Solgården 5 mars).\n"
        "Den är nu åtgärdad: extra tillsyn nattetid.\n"
        "Det du rapporterar gör skillnad – tack!"))]
    with session_scope(desk.engine) as session:
        report = get_report(session=session, reference=reference)
        changes = [(e.field, e.old_value, e.new_value) for e in report_history(session=session, report=report)
                   if e.action == "changed"]
        assert report.feedback_at is None and report.assessed_at is not None
    assert sorted(changes) == [("action", None, "extra tillsyn nattetid"), ("status", "ny", "åtgärdad")]

    again = desk.say("U-chef", f"{reference} atgard: extra tillsyn nattetid, status atgardad")
    assert again.outbox == []
    assert "Inget behövde ändras" in again.text


def test_aterkoppling_skickas_med_chefens_egna_ord_och_registreras(desk):
    reference = desk.report()
    said = desk.say("U-chef", f"{reference} status utreds")
    assert said.outbox == []
    said = desk.say("U-chef", f"{reference} återkoppling: Tack! Vi går igenom fallet på nästa APT.")
    assert len(said.outbox) == 1
    recipient, text = said.outbox[0]
    assert recipient == "U-usk"
    assert "Återkoppling från din chef: Tack! Vi går igenom fallet på nästa APT." in text
    with session_scope(desk.engine) as session:
        assert get_report(session=session, reference=reference).feedback_at is not None


def test_avslut_ger_besked_till_rapportoren(desk):
    reference = desk.report()
    said = desk.say("U-mas", f"{reference} status avslutad")
    assert said.outbox and said.outbox[0][0] == "U-usk"
    assert "Den är nu avslutad." in said.outbox[0][1]
    assert "egen återkoppling" in said.text
    with session_scope(desk.engine) as session:
        assert get_report(session=session, reference=reference).closed_at is not None


def test_samma_atgard_igen_efter_en_andring_skickas_inte_tva_ganger(desk):
    reference = desk.report()
    assert desk.say("U-chef", f"{reference} åtgärd: extra tillsyn").outbox
    assert desk.say("U-chef", f"{reference} åtgärd: larmet flyttat").outbox
    back = desk.say("U-chef", f"{reference} åtgärd: Extra  tillsyn")
    assert back.outbox == [] and "redan fått besked" in back.text


def test_rapport_utan_kand_rapportor_far_ingen_automatisk_aterkoppling(desk):
    reference = desk.report(reporter=None)
    said = desk.say("U-chef", f"{reference} status avslutad")
    assert said.outbox == []
    assert "ge återkoppling på annat sätt" in said.text


def test_sjukskoterska_kan_kommentera_men_inte_andra(desk):
    reference = desk.report(area="läkemedel")
    said = desk.say("U-ssk", f"{reference} kommentar: dosen gavs två timmar sent, läkare informerad")
    assert "kommentar sparad" in said.text and said.outbox == []
    refused = desk.say("U-ssk", f"{reference} status avslutad")
    assert "ändras av enhetschefen" in refused.text
    with session_scope(desk.engine) as session:
        report = get_report(session=session, reference=reference)
        assert report.status == "ny"
        comments = [e.new_value for e in report_history(session=session, report=report) if e.action == "comment"]
    assert comments == ["dosen gavs två timmar sent, läkare informerad"]
    assert "dosen gavs två timmar sent" in desk.say("U-ssk", reference).text


def test_orsak_i_fritext_sparas_och_far_kategorin_annat_nar_ingen_passar(desk):
    reference = desk.report()
    said = desk.say("U-chef", f"{reference} status utreds, orsak: otur")
    assert "orsak: otur" in said.text and "orsakskategori: annat" in said.text
    with session_scope(desk.engine) as session:
        report = get_report(session=session, reference=reference)
        assert (report.status, report.cause, report.cause_categories) == ("utreds", "otur", "annat")


def test_okand_orsakskategori_andrar_inget_och_listar_de_tillatna(desk):
    reference = desk.report()
    said = desk.say("U-chef", f"{reference} status utreds, orsakskategori: otur")
    assert "kommunikation och information" in said.text and "ingen avvikelse" in said.text
    with session_scope(desk.engine) as session:
        assert get_report(session=session, reference=reference).status == "ny"


def test_varje_svar_med_rapportdata_loggas(desk):
    reference = desk.report()
    desk.say("U-chef", "visa nya avvikelser")
    desk.say("U-chef", reference)
    desk.say("U-chef", f"{reference} lagrum HSL")
    with session_scope(desk.engine) as session:
        revealed = [e.revealed for e in access_entries(session=session, user_key="U-chef")]
    assert revealed == [f"lista nya: 1: {reference}", f"{reference} visad", f"{reference} uppdaterad: lagrum"]


def test_referens_utanfor_behorigheten_far_samma_svar_som_en_som_inte_finns(desk):
    """Nothing tells a chef whether another unit's reference exists: the two answers are the same words."""
    existing = desk.report("Björkhagen", reporter="U-usk-bh")
    number = int(existing.rsplit("-", 1)[1])
    missing = existing.rsplit("-", 1)[0] + f"-{number + 500:05d}"
    for command in ("", " status avslutad", " kommentar: hej"):
        answers = [desk.say(user, ref + command).text.replace(ref, "REF")
                   for user in ("U-chef", "U-ssk") for ref in (existing, missing)]
        assert answers[0] == answers[1] and answers[2] == answers[3], answers
