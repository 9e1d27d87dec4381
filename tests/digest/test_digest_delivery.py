"""Sammanfattningen skickas exakt en gång per vecka: flera processer samtidigt, efter driftstopp och efter fel.

Schemat köar sammanfattningens delar i utkorgen (i samma transaktion som veckans DigestRun);
utkorgen skickar dem, och bara det som inte kom fram skickas igen."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta

import pytest

from bot.scheduling.digest_delivery import FAILED, QUEUED, SKIPPED, deliver_due_digests
from bot.scheduling.digest_due import due_digest
from bot.scheduling.scheduler import start_scheduler
from bot.settings import Settings
from intents.delivery import deliver_now
from intents.digest.weekly_digest_text import LATE_MARK
from intents.notifier import DeliveryFailed
from storage.database import make_engine, session_scope
from storage.digest_runs import get_digest_run, list_digest_runs
from storage.outbox import list_messages, requeue_failed
from storage.people import set_role
from storage.timestamps import STOCKHOLM
from storage.vocabulary import Role
from tests.support.recording_delivery import RecordingDelivery

MONDAY_0700 = datetime(2026, 11, 23, 7, 0, 20, tzinfo=STOCKHOLM)
RECIPIENTS = {"U-MAS", "C-KVALITET"}


def send(engine, delivery: RecordingDelivery, at: datetime = MONDAY_0700):
    return deliver_now(engine=engine, deliverer=delivery, now=at, admins=["U-ADMIN"])


def test_veckan_som_ska_skickas_bestams_av_cron_i_svensk_tid(settings):
    due = due_digest(settings.digest_cron, MONDAY_0700)
    assert (due.week.label, due.late) == ("2026-W47", False)
    assert due.scheduled_for == datetime(2026, 11, 23, 7, tzinfo=STOCKHOLM)
    assert due_digest(settings.digest_cron, datetime(2026, 11, 23, 6, 59, tzinfo=STOCKHOLM)).week.label == "2026-W46"
    assert due_digest(settings.digest_cron, datetime(2026, 11, 25, 12, tzinfo=STOCKHOLM)).late


def test_i_tid_skickas_en_gang_till_varje_mottagare(engine, settings):
    sender = RecordingDelivery()
    outcome, = deliver_due_digests(engine=engine, settings=settings, now=MONDAY_0700)
    assert (outcome.week, outcome.result, outcome.late) == ("2026-W47", QUEUED, False)
    send(engine, sender)
    assert {r for r, _ in sender.texts} == RECIPIENTS and len(sender.texts) == 2
    assert {r for r, _ in sender.images} == RECIPIENTS
    assert LATE_MARK not in sender.texts[0][1]
    again = deliver_due_digests(engine=engine, settings=settings, now=MONDAY_0700)
    assert [o.result for o in again] == [SKIPPED]
    send(engine, sender)
    assert len(sender.texts) == 2
    with session_scope(engine) as session:
        run = get_digest_run(session=session, week="2026-W47", audience="mas")
        assert run.status == "sent" and run.sent_at is not None and not run.late


def test_tva_processer_samtidigt_skickar_en_sammanfattning(database_url, settings):
    engines = [make_engine(database_url), make_engine(database_url)]
    senders = [RecordingDelivery(), RecordingDelivery()]
    start = threading.Barrier(2)
    outcomes = []

    def run(i: int) -> None:
        start.wait()
        outcomes.extend(deliver_due_digests(engine=engines[i], settings=settings, now=MONDAY_0700,
                                            claimed_by=f"process-{i}"))
        send(engines[i], senders[i])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(o.result for o in outcomes) == [QUEUED, SKIPPED]
    assert sum(len(s.texts) for s in senders) == 2 and sum(len(s.images) for s in senders) == 2
    deliver_due_digests(engine=engines[0], settings=settings, now=MONDAY_0700)  # marks the run sent
    with session_scope(engines[0]) as session:
        assert [(r.week, r.status) for r in list_digest_runs(session=session)] == [("2026-W47", "sent")]
    for e in engines:
        e.dispose()


def test_tva_schemalaggare_startade_samtidigt_skickar_en_sammanfattning(database_url, settings):
    engines = [make_engine(database_url), make_engine(database_url)]
    calls = [0, 0]

    def clock_for(i: int):
        def clock() -> datetime:
            calls[i] += 1
            return MONDAY_0700
        return clock

    schedulers = [start_scheduler(settings, engines[i], clock=clock_for(i), claimed_by=f"bot-{i}")
                  for i in range(2)]
    try:
        deadline = time.monotonic() + 30
        while min(calls) < 2 and time.monotonic() < deadline:  # both sweeps have reached the digest
            time.sleep(0.05)
    finally:
        for s in schedulers:
            s.shutdown(wait=True)
    assert min(calls) >= 2
    sender = RecordingDelivery()
    send(engines[1], sender)
    assert sorted(r for r, _ in sender.texts) == sorted(RECIPIENTS)
    deliver_due_digests(engine=engines[0], settings=settings, now=MONDAY_0700)
    with session_scope(engines[0]) as session:
        runs = list_digest_runs(session=session)
        assert [(r.week, r.status) for r in runs] == [("2026-W47", "sent")]
    for e in engines:
        e.dispose()


def test_driftstopp_over_mandag_0700_ger_en_forsenad_sammanfattning(engine, settings):
    sender = RecordingDelivery()
    # down from Sunday evening until Monday 10:30: nothing ran at 07:00
    back = datetime(2026, 11, 23, 10, 30, tzinfo=STOCKHOLM)
    outcome, = deliver_due_digests(engine=engine, settings=settings, now=back)
    assert (outcome.week, outcome.result, outcome.late) == ("2026-W47", QUEUED, True)
    send(engine, sender, back)
    assert all(text.startswith(f"⏰ {LATE_MARK}") for _, text in sender.texts)
    for minutes in (5, 10, 60 * 24):  # later sweeps and a restart the next day send nothing more
        later = deliver_due_digests(engine=engine, settings=settings, now=back + timedelta(minutes=minutes))
        assert [o.result for o in later] == [SKIPPED]
        send(engine, sender, back + timedelta(minutes=minutes))
    assert len(sender.texts) == 2
    with session_scope(engine) as session:
        assert get_digest_run(session=session, week="2026-W47", audience="mas").late


def test_en_del_som_inte_kom_fram_skickas_igen_utan_dubbletter(engine, settings, caplog):
    outcome, = deliver_due_digests(engine=engine, settings=settings, now=MONDAY_0700)
    assert outcome.result == QUEUED
    sender = RecordingDelivery(failures=[DeliveryFailed("Slack svarar inte", uncertain=True)])
    first = send(engine, sender)
    assert first.retried == 1 and "Slack svarar inte" in caplog.text
    with session_scope(engine) as session:
        assert get_digest_run(session=session, week="2026-W47", audience="mas").status == "queued"
    send(engine, sender, MONDAY_0700.replace(minute=5))
    # the retry sends only what did not arrive: each recipient has one text and one chart
    assert sorted(r for r, _ in sender.texts) == sorted(RECIPIENTS)
    assert sorted(r for r, _ in sender.images) == sorted(RECIPIENTS)
    deliver_due_digests(engine=engine, settings=settings, now=MONDAY_0700.replace(minute=5))
    with session_scope(engine) as session:
        assert get_digest_run(session=session, week="2026-W47", audience="mas").status == "sent"


def test_en_sammanfattning_som_inte_gick_att_bygga_byggs_vid_nasta_korning(engine, settings, monkeypatch, caplog):
    import bot.scheduling.digest_delivery as delivery

    real = delivery.build_weekly_digest
    monkeypatch.setattr(delivery, "build_weekly_digest", lambda **kw: (_ for _ in ()).throw(RuntimeError("trasig")))
    first, = deliver_due_digests(engine=engine, settings=settings, now=MONDAY_0700)
    assert first.result == FAILED and "weekly digest 2026-W47 for mas failed" in caplog.text
    with session_scope(engine) as session:
        run = get_digest_run(session=session, week="2026-W47", audience="mas")
        assert run.status == "failed" and "trasig" in run.error
        assert list_messages(session=session) == []  # nothing half-queued
    monkeypatch.setattr(delivery, "build_weekly_digest", real)
    retry, = deliver_due_digests(engine=engine, settings=settings, now=MONDAY_0700.replace(minute=5))
    assert retry.result == QUEUED
    sender = RecordingDelivery()
    send(engine, sender, MONDAY_0700.replace(minute=5))
    assert len(sender.texts) == 2


def test_kanalen_utan_boten_far_admin_att_bjuda_in_den_och_sen_kommer_den_fram(engine, settings):
    deliver_due_digests(engine=engine, settings=settings, now=MONDAY_0700)
    not_member = DeliveryFailed("Slack svarade not_in_channel", permanent=True,
                                advice="Bjud in mig: skriv /invite @omsorgsbot i kanalen.")

    class NotInChannel(RecordingDelivery):
        def deliver(self, message):
            if message.recipient == "C-KVALITET" and not self.invited:
                raise not_member
            return super().deliver(message)

    sender = NotInChannel()
    sender.invited = False
    send(engine, sender)
    assert [r for r, _ in sender.texts if r != "U-ADMIN"] == ["U-MAS"]
    [(_, notice)] = [(r, t) for r, t in sender.texts if r == "U-ADMIN"]
    assert "C-KVALITET" in notice and "/invite @omsorgsbot" in notice
    deliver_due_digests(engine=engine, settings=settings, now=MONDAY_0700.replace(minute=5))
    with session_scope(engine) as session:
        run = get_digest_run(session=session, week="2026-W47", audience="mas")
        assert run.status == "undelivered" and "not_in_channel" in run.error
    later = deliver_due_digests(engine=engine, settings=settings, now=MONDAY_0700.replace(minute=10))
    assert [o.result for o in later] == [SKIPPED]  # not rebuilt and retried on every run
    sender.invited = True  # the admin invited the bot: member_joined_channel requeues
    with session_scope(engine) as session:
        assert requeue_failed(session=session, recipient="C-KVALITET", now=MONDAY_0700) == 2
    send(engine, sender, MONDAY_0700.replace(minute=15))
    assert [r for r, _ in sender.texts].count("C-KVALITET") == 1
    assert [r for r, _ in sender.images].count("C-KVALITET") == 1
    deliver_due_digests(engine=engine, settings=settings, now=MONDAY_0700.replace(minute=20))
    with session_scope(engine) as session:
        assert get_digest_run(session=session, week="2026-W47", audience="mas").status == "sent"


def test_chefer_far_egen_sammanfattning_for_sina_enheter(engine, settings):
    settings = SettingsWithChefDigests(**settings.model_dump(), _env_file=None)
    with session_scope(engine) as session:
        set_role(session=session, platform_user_id="U-CHEF", role=Role.CHEF, unit_name="Solgården")
    sender = RecordingDelivery()
    outcomes = deliver_due_digests(engine=engine, settings=settings, now=MONDAY_0700)
    assert sorted(o.audience for o in outcomes) == ["chef:U-CHEF", "mas"]
    send(engine, sender)
    chef_text = next(t for r, t in sender.texts if r == "U-CHEF")
    assert "Solgården" in chef_text


class SettingsWithChefDigests(Settings):
    """Until bot/settings.py has `digest_to_chefs` (DIGEST_TO_CHEFS)."""

    digest_to_chefs: bool = True


@pytest.fixture(autouse=True)
def _no_indicator_file(settings):
    assert not settings.indicators_file.exists()


def test_ett_misslyckat_korning_tas_over_av_en_process(engine):
    from storage.digest_runs import claim_digest_run, record_digest_failure

    with session_scope(engine) as session:
        record_digest_failure(session=session, week="2026-W47", audience="mas", claimed_by="död process",
                              now=MONDAY_0700, late=False, error="trasig")
    with session_scope(engine) as session:
        run = claim_digest_run(session=session, week="2026-W47", audience="mas", claimed_by="ny",
                               now=MONDAY_0700 + timedelta(hours=2), late=True)
        assert run is not None and run.claimed_by == "ny" and run.late and run.status == "queued"
    with session_scope(engine) as session:  # queued now: no one else takes it
        assert claim_digest_run(session=session, week="2026-W47", audience="mas", claimed_by="tredje",
                                now=MONDAY_0700 + timedelta(hours=3), late=True) is None
