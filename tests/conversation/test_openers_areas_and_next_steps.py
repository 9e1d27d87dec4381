"""How a report starts and ends: openers, greetings, staff injuries beside a care recipient's, the area
question, flags in the summary and next steps that fit the unit. A second tester's findings, as dialogues."""

from __future__ import annotations

import pytest

from storage.database import session_scope
from storage.people import set_role
from storage.vocabulary import Role

HELP_START = "Hej! Det här kan jag hjälpa dig med"
STATISTICS_REFUSAL = "Statistik kan jag bara visa"


def with_role(conversation, role: Role, unit: str | None = "Solgården", user: str = "U-usk") -> None:
    with session_scope(conversation.db) as session:
        set_role(session=session, platform_user_id=user, role=role, unit_name=unit)


def finish(conversation, reply: str) -> str:
    """Answer whatever is still asked with "don't know"-style answers, then send."""
    for _ in range(6):
        if "registrerad som" in reply:
            return reply
        if "Vilket område" in reply:
            reply = conversation.say("1")
        elif "skada" in reply.lower() and "Sammanfattning" not in reply:
            reply = conversation.say("vet ej")
        elif "Vad gjorde ni" in reply:
            reply = conversation.say("hoppa över")
        elif "När hände det" in reply:
            reply = conversation.say("hoppa över")
        else:
            reply = conversation.say("skicka")
    return reply


# --- 2. A colleague hurt, and the care recipient too -----------------------------------------------

@pytest.mark.parametrize(("message", "kept"), [
    ("lyften gick sönder mitt i forflyttning kl 13, bru foll ner i sangen o slog i armen, min kollega fick "
     "klamt fingret", "lyften"),
    ("bru halkade i duschen i morse och slog i höften, kollegan vred ryggen när hon tog emot henne", "höften"),
    ("jag skar mig på en trasig rollator, brukaren på Björkhagen ramlade samtidigt och fick ett blåmärke", "blåmärke"),
])
def test_personalskada_och_brukarens_skada_i_samma_meddelande(conversation, message, kept):
    with_role(conversation, Role.PERSONAL)
    reply = conversation.say(message)
    assert "arbetsmiljösystem" in reply
    assert "Om även en brukare drabbades" not in reply  # no need to tell it again
    finish(conversation, reply)
    [report] = conversation.reports()
    assert kept in report.description
    assert "kollega" not in report.description and "jag skar" not in report.description


def test_bara_personalskada_sparar_ingen_avvikelse(conversation):
    reply = conversation.say("min kollega fick klämt fingret i dörren på Solgården i morse")
    assert "arbetsmiljösystem" in reply and conversation.drafts() == []


# --- 4. A severe report shows it before saving, whatever made it severe ---------------------------

@pytest.mark.parametrize(("first", "answers"), [
    ("bru på Solgården fick insulin tva ganger i morse, kl 8", ["4", "ssk o ambulans, hon var medvetslos"]),
    ("bru på Solgården har ett trycksår på korsbenet sedan i går, ssk kontaktad", ["allvarlig"]),
    ("brukaren på Björkhagen ramlade i natt, hjälpte upp henne", ["allvarlig"]),
])
def test_flaggan_visas_i_sammanfattningen_nar_rapporten_blir_allvarlig(conversation, first, answers):
    reply = conversation.say(first)
    for answer in answers:
        reply = conversation.say(answer)
    assert "Sammanfattning" in reply and "Flaggad som: allvarlig händelse" in reply
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.severe


# --- 7. A plain fall is a fall; the options put the likely areas first ---------------------------

# as much evidence for a fall as for an alarm fault: the bot has to ask
TWO_AREAS = "bru på Solgården ramlade kl 7 i morse och larmet var urladdat"

@pytest.mark.parametrize("message", [
    "bru på Solgården ramlade i duschen kl 13, ingen skada, ssk kontaktad",
    "brukaren på Björkhagen halkade i badrummet i natt, ingen skada, ssk ringd",
    "bru på Solgården föll i duschen i morse och har ont i höften, misstänkt höftfraktur, ambulans kom",
    "bru på Solgården hittades på golvet vid duschen i natt, inga skador, hjälpte upp henne",
])
def test_fall_i_duschen_ar_ett_fall(conversation, message):
    reply = conversation.say(message)
    assert "Vilket område" not in reply and "Område: Fall" in reply


def test_omradesfragan_visar_troliga_omraden_forst_och_inga_andra(conversation):
    reply = conversation.say(TWO_AREAS)
    assert "Vilket område" in reply
    assert "1) Fall  2) Larm  3) Övrigt" in reply and "Läkemedel" not in reply


UNCLEAR_OPENERS = ["det hände något med bru på Solgården i natt", "en avvikelse på Solgården i natt",
                   "bru på Solgården i natt, det blev fel"]
ALL_AREAS = "1) Fall  2) Läkemedel  3) Trycksår  4) Larm  5) Övrigt"


@pytest.mark.parametrize("opener", UNCLEAR_OPENERS)
def test_omradesfragan_utan_ledtradar_visar_alla_fem_omraden(conversation, opener):
    assert ALL_AREAS in conversation.say(opener)


@pytest.mark.parametrize(("answer", "area"), [
    ("1", "fall"), ("2", "läkemedel"), ("3", "trycksår"), ("4", "larm"), ("5", "övrigt"),
    ("nr 4", "larm"), ("4)", "larm"), ("alternativ 2", "läkemedel"), ("4:an", "larm"), ("larmet", "larm"), ("Trygghetslarm", "larm"), ("lakemedel", "läkemedel"),
    ("medicinen", "läkemedel"), ("trycksar", "trycksår"), ("ett fall", "fall"), ("annat", "övrigt"),
])
def test_omradet_valjs_med_siffra_eller_ord(conversation, answer, area):
    conversation.say(UNCLEAR_OPENERS[0])
    finish(conversation, conversation.say(answer))
    [report] = conversation.reports()
    assert report.area == area


# --- 8. The other detected area is kept, never the primary twice ---------------------------------

@pytest.mark.parametrize(("choice", "primary", "secondary"), [("larm", "larm", ["fall"]), ("fall", "fall", ["larm"]),
                                                                ("2", "larm", ["fall"])])
def test_valt_omrade_behaller_det_andra_som_sekundart(conversation, choice, primary, secondary):
    conversation.say(TWO_AREAS)
    finish(conversation, conversation.say(choice))
    [report] = conversation.reports()
    assert report.area == primary and report.secondary_areas == secondary


def test_rattat_omrade_i_sammanfattningen_behaller_det_andra(conversation):
    conversation.say("bru på Solgården fick fel tabletter och ramlade sen i natt, ingen skada, ssk kontaktad")
    conversation.say("ändra område till fall")
    conversation.say("skicka")
    [report] = conversation.reports()
    assert report.area == "fall" and "fall" not in report.secondary_areas and "läkemedel" in report.secondary_areas


# --- 9. Short report openers are reports, not statistics -----------------------------------------

@pytest.mark.parametrize("opener", ["fall", "ett fall inatt", "lakemedelsavvikelse igar", "trycksår",
                                    "ett larmfel i natt", "fallolycka i morse"])
def test_kort_oppning_startar_en_rapport_for_personal(conversation, opener):
    with_role(conversation, Role.PERSONAL)
    reply = conversation.say(opener)
    assert STATISTICS_REFUSAL not in reply and "Berätta kort vad som hände" in reply


def test_kort_oppning_behaller_omrade_och_tid(conversation):
    with_role(conversation, Role.PERSONAL)
    conversation.say("ett fall inatt")
    reply = conversation.say("bru hittades på golvet bredvid sängen, ingen skada, ssk kontaktad")
    assert "När hände det" not in reply and "Område: Fall" in reply and "i natt" in reply


@pytest.mark.parametrize("message", ["ett fall inatt", "en läkemedelsavvikelse i morse"])
def test_en_handelse_med_tidsord_ar_en_rapport_aven_for_chefen(conversation, message):
    reply = conversation.say(message, user="U-chef")
    assert "Berätta kort vad som hände" in reply


@pytest.mark.parametrize("question", ["antal fall i mars", "hur många fall i mars?", "fall per enhet i år"])
def test_statistikfragor_ar_fortfarande_statistik(conversation, question):
    with_role(conversation, Role.PERSONAL)
    assert STATISTICS_REFUSAL in conversation.say(question)
    assert "Berätta kort" not in conversation.say(question, user="U-chef")


# --- 10. A greeting or an introduction before the report -----------------------------------------

@pytest.mark.parametrize("message", [
    "hi, I work nights at Solgården. A resident fell in her room last night around 2am, no injury, nurse called",
    "hej! jag jobbar natt på Solgården. bru ramlade i badrummet inatt, ingen skada",
    "god morgon. Jag är usk på Björkhagen. Brukaren fick fel tabletter i morse, ssk informerad",
    "Hallå, bru på Solgården trillade i korridoren i går kväll, inga skador",
])
def test_halsning_fore_en_rapport_doljer_den_inte(conversation, message):
    reply = conversation.say(message)
    assert HELP_START not in reply
    assert any(q in reply for q in ("Sammanfattning", "Vilket område", "skada", "Vad gjorde ni"))


def test_bara_en_halsning_far_hjalpen(conversation):
    assert HELP_START in conversation.say("hej")
    assert HELP_START in conversation.say("god morgon!")


def test_engelska_svar_forstas(conversation):
    reply = conversation.say("hi, I work at Solgården. A resident fell in the corridor")
    assert "Vilket område" not in reply and "När hände det" in reply  # "fell" is a fall
    reply = conversation.say("last night 2am")
    assert "skada" in reply.lower()
    reply = conversation.say("no injury")
    assert "Vad gjorde ni" in reply
    reply = conversation.say("nurse called")
    assert "Sammanfattning" in reply and "När: i dag kl 02.00" in reply and "Konsekvens: ingen skada" in reply


# --- 11. Next steps that fit the unit --------------------------------------------------------------

def test_sen_matleverans_pa_sarskilt_boende_far_inte_hemtjanstens_rutin(conversation):
    conversation.say("matleveransen kom en timme för sent till Solgården idag vid lunch, ingen skada")
    reply = finish(conversation, conversation.say("hoppa över"))
    assert "hemtjänsten" not in reply and "Nästa steg enligt rutinen ”När ska man skriva en avvikelse?”" in reply


def test_sent_besok_i_hemtjansten_far_rutinen_for_missade_besok(conversation):
    conversation.say("kvällsbesöket kom två timmar för sent till en brukare i Hemtjänst Norr igår kväll, ingen skada")
    reply = finish(conversation, conversation.say("hoppa över"))
    assert "Missat eller försenat besök i hemtjänsten" in reply


def test_fall_far_fallrutinen(conversation):
    reply = conversation.say("bru på Solgården ramlade i natt, ingen skada, ssk kontaktad")
    assert "Efter ett fall" in conversation.say("skicka")


def test_steg_som_rapporten_sager_ar_gjorda_markeras_i_nasta_steg(conversation):
    conversation.say("hittade bru pa golvet i badrummet pa Solgarden i natt, ingen skada, ringde sjukskoterskan")
    reply = finish(conversation, conversation.say("skicka"))
    nurse_step = next(line for line in reply.splitlines() if line.startswith("2. Ring sjuksköterskan"))
    assert nurse_step.endswith("✓ gjort enligt din rapport")
    assert not any(line.endswith("gjort enligt din rapport") for line in reply.splitlines() if line != nurse_step)


def test_utan_atgard_markeras_inget_steg(conversation):
    conversation.say("hittade bru pa golvet i badrummet pa Solgarden i natt, ingen skada")
    reply = finish(conversation, conversation.say("hoppa över"))
    assert "Nästa steg" in reply and "gjort enligt din rapport" not in reply
