"""Att hantera en rapport med vanliga ord: flera fält i ett meddelande, orsaker i fritext, ett
meddelande utan fältord som läses och föreslås, och en bekräftelse som visar allt."""

from __future__ import annotations


def test_flera_falt_med_punkt_mellan_hamnar_i_ratt_falt_och_visas_i_sin_helhet(conversation):
    ref = conversation.file_report()
    answer = conversation.say(
        f"{ref} utredning: pratat med nattpersonalen och ssk. orsak: lös matta i hallen som brukaren snubblade "
        "på. åtgärd: mattan borttagen, arbetsterapeut bokad för hembesök. status åtgärdad", user="U-chef")
    report = conversation.report(ref)
    assert report.investigation == "pratat med nattpersonalen och ssk"
    assert report.cause == "lös matta i hallen som brukaren snubblade på"
    assert report.cause_categories == "omgivning och organisation"
    assert report.action == "mattan borttagen, arbetsterapeut bokad för hembesök"
    assert report.status == "åtgärdad"
    for shown in ("utredning: pratat med nattpersonalen och ssk",
                  "orsak: lös matta i hallen som brukaren snubblade på",
                  "omgivning och organisation",
                  "åtgärd: mattan borttagen, arbetsterapeut bokad för hembesök",
                  "status: ny → åtgärdad"):
        assert shown in answer


def test_faltord_mitt_i_texten_utan_skiljetecken(conversation):
    ref = conversation.file_report()
    conversation.say(f"{ref} orsak: lös matta i hallen åtgärd: mattan borttagen status åtgärdad", user="U-chef")
    report = conversation.report(ref)
    assert (report.cause, report.action, report.status) == ("lös matta i hallen", "mattan borttagen", "åtgärdad")


def test_semikolon_och_nya_rader_och_vardagliga_faltord(conversation):
    ref = conversation.file_report()
    conversation.say(f"{ref} orsaken var att larmet inte var laddat; vi har bytt batteri\nåterkopplat till "
                     "personalgruppen på APT", user="U-chef")
    assert conversation.choices() == ["Spara", "Ändra", "Avbryt"]
    conversation.say("spara", user="U-chef")
    report = conversation.report(ref)
    assert report.cause == "larmet inte var laddat"
    assert report.cause_categories == "teknisk utrustning"
    assert report.action == "vi har bytt batteri"
    assert report.feedback == "återkopplat till personalgruppen på APT"


def test_orsak_i_fritext_godtas_och_kategorin_visas(conversation):
    ref = conversation.file_report()
    answer = conversation.say(f"{ref} orsak: lös matta i hallen", user="U-chef")
    assert "känner jag inte igen" not in answer
    assert "lös matta i hallen" in answer and "omgivning och organisation" in answer
    assert conversation.report(ref).cause == "lös matta i hallen"


def test_orsak_utan_kand_kategori_blir_annat_och_det_sags(conversation):
    ref = conversation.file_report()
    answer = conversation.say(f"{ref} orsak: otur", user="U-chef")
    report = conversation.report(ref)
    assert (report.cause, report.cause_categories) == ("otur", "annat")
    assert "annat" in answer and "orsakskategori:" in answer


def test_kategorin_kan_rattas(conversation):
    ref = conversation.file_report()
    conversation.say(f"{ref} orsak: lös matta i hallen", user="U-chef")
    conversation.say(f"{ref} orsakskategori: processer och rutiner, omgivning", user="U-chef")
    report = conversation.report(ref)
    assert report.cause == "lös matta i hallen"
    assert report.cause_categories == "processer och rutiner, omgivning och organisation"


def test_referens_utan_faltord_lases_och_foreslas_med_spara_och_andra(conversation):
    ref = conversation.file_report(area="läkemedel", text="Glömde ge kvällsmedicinen")
    answer = conversation.say(f"{ref} vi har infört dubbelkontroll vid utdelning, den är klar nu", user="U-chef")
    assert "åtgärd: vi har infört dubbelkontroll vid utdelning" in answer
    assert "status: ny → åtgärdad" in answer
    assert conversation.choices() == ["Spara", "Ändra", "Avbryt"]
    assert conversation.report(ref).action is None  # nothing saved before "Spara"
    answer = conversation.say("spara", user="U-chef")
    report = conversation.report(ref)
    assert (report.action, report.status) == ("vi har infört dubbelkontroll vid utdelning", "åtgärdad")
    assert "Klart!" in answer


def test_synpunkt_med_fritext_forst_och_falt_sedan(conversation):
    ref = conversation.file_report(kind="synpunkt", area="övrigt", text="Sonen klagar på att duschen uteblivit")
    answer = conversation.say(f"{ref} ringt sonen och bokat dusch tis och fre. återkoppling: sonen är informerad, "
                              "status avslutad", user="U-chef")
    assert "Jag förstod inte" not in answer
    assert "åtgärd: ringt sonen och bokat dusch tis och fre" in answer
    assert "återkoppling: sonen är informerad" in answer
    conversation.say("ja", user="U-chef")
    report = conversation.report(ref)
    assert report.action == "ringt sonen och bokat dusch tis och fre"
    assert report.feedback == "sonen är informerad"
    assert report.status == "avslutad"


def test_andra_i_forslaget_tar_emot_ratt_falt(conversation):
    ref = conversation.file_report()
    conversation.say(f"{ref} bytt till halkfria strumpor", user="U-chef")
    answer = conversation.say("ändra", user="U-chef")
    assert "åtgärd:" in answer
    answer = conversation.say("orsak: halt golv", user="U-chef")
    assert "orsak: halt golv" in answer and "åtgärd: bytt till halkfria strumpor" in answer
    conversation.say("spara", user="U-chef")
    report = conversation.report(ref)
    assert (report.cause, report.action) == ("halt golv", "bytt till halkfria strumpor")


def test_avbryt_i_forslaget_sparar_inget(conversation):
    ref = conversation.file_report()
    conversation.say(f"{ref} bytt till halkfria strumpor", user="U-chef")
    assert "inget" in conversation.say("avbryt", user="U-chef").lower()
    assert conversation.report(ref).action is None
    assert conversation.drafts() == []


def test_det_som_inte_forstas_sags(conversation):
    ref = conversation.file_report()
    answer = conversation.say(f"{ref} bytt till halkfria strumpor. blablabla qwerty", user="U-chef")
    assert "åtgärd: bytt till halkfria strumpor" in answer
    assert "blablabla qwerty" in answer and "förstod jag inte" in answer


def test_helt_obegriplig_text_efter_referens_ar_aldrig_tyst(conversation):
    ref = conversation.file_report()
    answer = conversation.say(f"{ref} qwerty asdf", user="U-chef")
    assert "qwerty asdf" in answer and "förstod jag inte" in answer
    assert conversation.report(ref).status == "ny"


def test_bekraftelsen_visar_langa_falt_i_sin_helhet(conversation):
    ref = conversation.file_report()
    lang = ("genomgång med hela arbetsgruppen om hur vi går in till brukare på natten, nya rutiner för "
            "tillsyn var annan timme, sänglarm beställt från hjälpmedelscentralen, arbetsterapeut gör hembesök "
            "och ser över möblering och belysning i sovrummet och hallen, uppföljning på nästa APT")
    answer = conversation.say(f"{ref} åtgärd: {lang}", user="U-chef")
    assert lang in answer


def test_berord_informerad_och_anhorig_informerad_lases(conversation):
    ref = conversation.file_report()
    answer = conversation.say(f"{ref} informerat dottern om fallet", user="U-chef")
    assert "berörd informerad" in answer
    conversation.say("spara", user="U-chef")
    assert conversation.report(ref).affected_informed_at is not None
