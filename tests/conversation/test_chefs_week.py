"""En chefs vecka i chatten: listan, hantering med vanliga ord, påminnelsen, en dubblett – och
rapportören som får veta vad det blev."""

from __future__ import annotations

from datetime import datetime

from bot.scheduling.reminders import queue_due_reminders
from bot.settings import Settings
from intents.delivery import deliver_now
from storage.timestamps import STOCKHOLM
from tests.support.recording_delivery import RecordingDelivery

MONDAY = datetime(2026, 3, 2, 7, 40, tzinfo=STOCKHOLM)
TUESDAY = datetime(2026, 3, 3, 15, 0, tzinfo=STOCKHOLM)
WEDNESDAY = datetime(2026, 3, 4, 9, 0, tzinfo=STOCKHOLM)
FRIDAY = datetime(2026, 3, 6, 8, 30, tzinfo=STOCKHOLM)
NEXT_THURSDAY = datetime(2026, 3, 12, 8, 15, tzinfo=STOCKHOLM)


def test_chefens_vecka(conversation):
    say = conversation.say
    # Monday morning: the night's fall is reported twice, by two care workers
    say("hittade bru på golvet i sovrummet på Solgården i natt kl 3, ingen skada, ssk kontaktad", user="U-usk",
        at=MONDAY)
    assert "AV-2026-00001" in say("skicka", user="U-usk", at=MONDAY)
    say("brukaren låg på golvet vid sängen på solgarden inatt, inga skador, ssk kontaktad", user="U-natt",
        at=MONDAY)
    asked = say("skicka", user="U-natt", at=MONDAY)
    assert "Är det samma händelse som rapporterades i dag kl 07.40?" in asked
    assert "sovrummet" not in asked
    assert "AV-2026-00002" in say("ja samma", user="U-natt", at=MONDAY)
    # Tuesday: a medication error nobody handles this week
    say("glömde ge kvällsmedicinen till brukaren på Solgården i går kväll, ssk informerad, ingen skada",
        user="U-usk", at=TUESDAY)
    say("skicka", user="U-usk", at=TUESDAY)

    # Wednesday: the chef opens the list - newest first, the possible duplicate marked
    listing = say("visa nya avvikelser", user="U-chef", at=WEDNESDAY)
    lines = listing.splitlines()
    assert listing.index("AV-2026-00003") < listing.index("AV-2026-00002") < listing.index("AV-2026-00001")
    assert "möjlig dubblett av AV-2026-00001" in next(line for line in lines if "AV-2026-00002" in line)
    answer = say("AV-2026-00002 är dubblett av AV-2026-00001", user="U-chef", at=WEDNESDAY)
    assert "räknas inte i statistiken" in answer
    # ... and handles the fall in plain words, several fields in one message
    answer = say("AV-2026-00001 utredning: pratat med nattpersonalen och ssk. orsak: lös matta i hallen som "
                 "brukaren snubblade på. åtgärd: mattan borttagen, arbetsterapeut bokad för hembesök. status åtgärdad",
                 user="U-chef", at=WEDNESDAY)
    for shown in ("utredning: pratat med nattpersonalen och ssk", "orsak: lös matta i hallen som brukaren snubblade på",
                  "omgivning och organisation", "åtgärd: mattan borttagen, arbetsterapeut bokad för hembesök",
                  "status: ny → åtgärdad"):
        assert shown in answer
    told = [text for to, text in conversation.notifier.sent if to == "U-usk"]
    assert told and "mattan borttagen" in told[-1]

    # Next Thursday morning: the reminder, one message, about what still waits
    outbox = RecordingDelivery()
    settings = Settings(_env_file=None, database_url="sqlite://", mas_user_ids=["U-mas"])
    assert queue_due_reminders(engine=conversation.db, settings=settings, now=NEXT_THURSDAY) >= 1
    deliver_now(engine=conversation.db, deliverer=outbox, now=NEXT_THURSDAY, key_prefix="reminder:")
    to_chef = [text for to, text in outbox.texts if to == "U-chef"]
    assert len(to_chef) == 1
    assert "AV-2026-00003" in to_chef[0] and "AV-2026-00002" not in to_chef[0]
    assert "AV-2026-00001" in to_chef[0] and "utan återkoppling" in to_chef[0]
    assert "väntar på dig" in say("påminnelser", user="U-chef", at=NEXT_THURSDAY)
    # ... the chef acts on it: feedback on the fall, and the medication error taken on
    say("AV-2026-00001 återkoppling: tack för att ni skrev, mattan är borta och AT kommer på hembesök",
        user="U-chef", at=NEXT_THURSDAY)
    proposal = say("AV-2026-00003 vi har infört dubbelkontroll vid kvällsutdelningen, den är klar nu", user="U-chef",
                   at=NEXT_THURSDAY)
    assert "åtgärd: vi har infört dubbelkontroll vid kvällsutdelningen" in proposal
    say("spara", user="U-chef", at=NEXT_THURSDAY)
    assert "Inget väntar på dig" in say("påminnelser", user="U-chef", at=NEXT_THURSDAY)

    # The care worker sees what came of the report
    outcome = say("hur gick det med AV-2026-00001?", user="U-usk", at=NEXT_THURSDAY)
    assert "åtgärdad" in outcome and "mattan borttagen" in outcome and "AT kommer på hembesök" in outcome
    mine = say("mina rapporter", user="U-usk", at=NEXT_THURSDAY)
    assert mine.index("AV-2026-00003") < mine.index("AV-2026-00001")
    # The duplicate is counted once
    count = say("hur många fallavvikelser på Solgården i mars", user="U-chef", at=NEXT_THURSDAY)
    assert count.startswith("1 fallavvikelse") and "dubblett" in count
