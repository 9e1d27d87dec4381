"""A third tester's findings: the bot must never store something the person did not say.

Adding text never lowers what is known; a consequence is only set when someone said it (signs of one are a
guess the person confirms); an answer that fills another field is kept there; what was already said is not
asked again; a refusal is no action; a hidden area is never stored without being shown.
"""

from __future__ import annotations

import pytest

from tests.conversation.test_answers_with_more import member_of, send_as_is


def _flow(conversation, *messages: str) -> str:
    reply = ""
    for message in messages:
        reply = conversation.say(message)
    return reply


# --- 1. "lägg till" never lowers the consequence nor reopens the area ------------------------------

@pytest.mark.parametrize("opening", [
    "bru i går ca 21 halkade i duschen, ont i hoften, ambulans ringd",
    "bru i går ca 21 halkade i duschen, bröt nog höften, ambulans ringd",
])
@pytest.mark.parametrize("addition", [
    "lagg till att hon var yr efter nya blodtrycksmedicinen",
    "lägg till att hon var lite orolig efteråt",
    "lägg till: hon hade ont i armen också",
])
def test_tillagd_text_sanker_inte_konsekvensen(conversation, opening, addition):
    member_of(conversation, "Solgården")
    conversation.say(opening)
    reply = conversation.say(addition)
    assert "allvarlig” → " not in reply and "lindrig" not in reply.split("Beskrivning")[0]
    assert "Vilket område" not in reply
    if "stämmer det?" in reply:  # the level only guessed from "ambulans": confirmed
        assert "låter som allvarlig" in reply
        conversation.say("ja")
    send_as_is(conversation)
    [report] = conversation.reports()
    assert report.consequence == "allvarlig" and report.severe and report.area == "fall"


def test_tillagd_text_som_namnger_konsekvens_far_andra_den(conversation):
    member_of(conversation, "Solgården")
    conversation.say("bru ramlade i går kl 22 i badrummet, fick ett blåmärke")
    conversation.say("lägg till att det var en allvarlig skada, hon bröt handleden")
    send_as_is(conversation)
    [report] = conversation.reports()
    assert report.consequence == "allvarlig"


# --- 3. a what-we-did answer at the consequence question is kept as the action ---------------------

@pytest.mark.parametrize("action", [
    "ssk ringd, hon tittar pa honom",
    "ringde ssk direkt, hon kollar inr",
    "kontaktade sjuksköterskan som kom och tittade",
])
def test_atgard_som_svar_pa_konsekvensfragan_sparas_som_gjort_direkt(conversation, action):
    member_of(conversation, "Solgården")
    reply = conversation.say("bru fick fel dos waran i går kl 8")
    assert "skada" in reply.lower()
    reply = conversation.say(action)
    assert "förstod inte" not in reply
    assert "skada" in reply.lower() and "Vad gjorde ni" not in reply
    conversation.say("ingen skada")
    send_as_is(conversation)
    [report] = conversation.reports()
    action = (report.immediate_action or "").lower()
    assert "ssk" in action or "sjuksk" in action
    assert report.consequence == "ingen"


# --- 4. an action already said is not asked for ---------------------------------------------------

@pytest.mark.parametrize("opening", [
    "en brukare drog ut sin kateter i går kl 4, ssk har varit här",
    "bru ramlade i går kl 22, ingen skada, ssk har tittat på henne",
    "bru fell in the bathroom yesterday at 22, no injury, told the nurse",
])
def test_redan_sagd_atgard_fragas_inte_igen(conversation, opening):
    member_of(conversation, "Solgården")
    replies = [conversation.say(opening)]
    for _ in range(4):
        if "Stämmer det?" in replies[-1]:
            break
        replies.append(conversation.say("hoppa över" if "område" not in replies[-1] else "övrigt"))
    assert not any("Vad gjorde ni" in r for r in replies)


# --- 6. small things -------------------------------------------------------------------------------

@pytest.mark.parametrize("refusal", ["orkar inte", "orkar inte nu", "har inte tid"])
def test_vagran_att_svara_ar_ingen_atgard(conversation, refusal):
    member_of(conversation, "Solgården")
    reply = _flow(conversation, "bru ramlade i går kl 22 i vardagsrummet", "ingen skada")
    assert "Vad gjorde ni" in reply
    conversation.say(refusal)
    send_as_is(conversation)
    [report] = conversation.reports()
    assert not report.immediate_action


def test_oppen_konsekvens_visas_som_inte_angiven(conversation):
    member_of(conversation, "Solgården")
    reply = _flow(conversation, "bru ramlade i går kl 22 i vardagsrummet", "hoppa över", "hoppa över")
    assert "vet ej" not in reply and "inte angiven" in reply


@pytest.mark.parametrize("answer", [
    "det var fel tabletter vid lunch, det var lakemedel",
    "det var ... fel tabletter vid lunch, det var läkemedel",
    "fel tabletter vid lunch. det var läkemedel",
])
def test_omrade_sist_i_svaret_ar_svar_och_resten_beskrivning(conversation, answer):
    member_of(conversation, "Solgården")
    assert "område" in conversation.say("något hände med bru i går kl 12")
    reply = conversation.say(answer)
    assert "ny händelse" not in reply
    conversation.say("ingen skada")
    send_as_is(conversation)
    [report] = conversation.reports()
    assert report.area == "läkemedel" and "fel tabletter" in report.description.lower()


# --- 7. no hidden area ---------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "larmet pa rum 2 gick inte att kvittera i går kl 3",
    "kunde inte kvittera larmet i natt kl 2, det hängde sig",
])
def test_kvittera_larm_ger_inget_lakemedelsomrade(conversation, text):
    member_of(conversation, "Solgården")
    conversation.say(text)
    conversation.say("ingen skada")
    send_as_is(conversation)
    [report] = conversation.reports()
    assert report.area == "larm"
    assert "läkemedel" not in (report.secondary_areas or [])


# --- 5. English answers at the consequence question ----------------------------------------------

@pytest.mark.parametrize(("answer", "level"), [
    ("no harm i think", "ingen"),
    ("no injury i think", "ingen"),
    ("not hurt i think", "ingen"),
])
def test_engelskt_svar_med_reservation_ar_svar_inte_ny_handelse(conversation, answer, level):
    member_of(conversation, "Solgården")
    conversation.say("bru ramlade i går kl 22 i vardagsrummet")
    reply = conversation.say(answer)
    assert "ny händelse" not in reply
    send_as_is(conversation)
    [report] = conversation.reports()
    assert report.consequence == level


def test_engelsk_atgard_och_skada_vid_konsekvensfragan_tappas_inte(conversation):
    member_of(conversation, "Solgården")
    conversation.say("bru ramlade i går kl 22 i vardagsrummet")
    reply = conversation.say("bump on head, nurse checked her, i think she is ok")
    assert "förstod inte" not in reply
    conversation.say("lindrig")
    send_as_is(conversation)
    [report] = conversation.reports()
    assert "bump on head" in report.description.lower()
    assert "nurse checked her" in (report.immediate_action or "")
    assert report.consequence == "lindrig"


# --- 2. signs of harm are a guess the person confirms, never stored unasked ----------------------

@pytest.mark.parametrize(("opening", "guess"), [
    ("trycksår på hälen hos bru i går kl 8, rodnad som inte gick bort", "lindrig"),
    ("sar pa korsbenet hos bru i går kl 8, vatskar lite", "lindrig"),
    ("en brukare drog ut sin kateter i går kl 4, blödde lite, ssk har varit här", "måttlig"),
    ("bru ramlade i går kl 22 i köket, har ont i armen", "lindrig"),
])
def test_tecken_pa_skada_ar_en_gissning_som_fragas(conversation, opening, guess):
    member_of(conversation, "Solgården")
    reply = conversation.say(opening)
    for _ in range(2):
        if "område" in reply:
            reply = conversation.say("övrigt")
    assert f"Det låter som {guess} – stämmer det?" in reply
    conversation.say("ja")
    send_as_is(conversation)
    [report] = conversation.reports()
    assert report.consequence == guess


def test_nej_till_gissningen_fragar_utan_gissning(conversation):
    member_of(conversation, "Solgården")
    conversation.say("bru ramlade i går kl 22 i köket, har ont i armen")
    reply = conversation.say("nej")
    assert "Blev det någon skada" in reply and "låter som" not in reply
    conversation.say("ingen skada")
    send_as_is(conversation)
    [report] = conversation.reports()
    assert report.consequence == "ingen"


@pytest.mark.parametrize(("opening", "level"), [
    ("bru ramlade i går kl 22 i köket, fick ett blåmärke på armen", "lindrig"),
    ("bru ramlade i går kl 22 i köket, bröt höften", "allvarlig"),
    ("bru ramlade i går kl 22 i köket, ingen skada", "ingen"),
])
def test_sagd_konsekvens_fragas_inte(conversation, opening, level):
    member_of(conversation, "Solgården")
    reply = conversation.say(opening)
    assert "skada" not in reply.split("Sammanfattning")[0].lower() or "Sammanfattning" in reply
    send_as_is(conversation)
    [report] = conversation.reports()
    assert report.consequence == level


@pytest.mark.parametrize("action", ["ringde ssk direkt, hon kollar inr", "ssk ringd, hon tittar pa honom"])
def test_atgard_som_svar_pa_enhetsfragan_sparas_och_enheten_fragas_igen(conversation, action):
    conversation.say("bru fick fel dos waran i går kl 8")
    reply = conversation.say(action)
    assert "hittar ingen enhet" not in reply and "enhet" in reply.lower()
    conversation.say("Solgården")
    conversation.say("ingen skada")
    send_as_is(conversation)
    [report] = conversation.reports()
    assert "ssk" in (report.immediate_action or "")
