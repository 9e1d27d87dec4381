"""Sammanfattningen skickas exakt en gång per vecka: flera processer samtidigt, efter driftstopp och efter fel."""

from __future__ import annotations

import threading
import time
from datetime import datetime, timedelta

import pytest

from bot.scheduling.digest_delivery import FAILED, SENT, SKIPPED, deliver_due_digests
from bot.scheduling.digest_due import due_digest
from bot.scheduling.digest_sender import RecordingDigestSender
from bot.scheduling.scheduler import start_scheduler
from bot.settings import Settings
from intents.digest.weekly_digest_text import LATE_MARK
from storage.database import make_engine, session_scope
from storage.digest_runs import get_digest_run, list_digest_runs
from storage.people import set_role
from storage.timestamps import STOCKHOLM
from storage.vocabulary import Role

MONDAY_0700 = datetime(2026, 11, 23, 7, 0, 20, tzinfo=STOCKHOLM)
RECIPIENTS = {"U-MAS", "C-KVALITET"}


def test_veckan_som_ska_skickas_bestams_av_cron_i_svensk_tid(settings):
    due = due_digest(settings.digest_cron, MONDAY_0700)
    assert (due.week.label, due.late) == ("2026-W47", False)
    assert due.scheduled_for == datetime(2026, 11, 23, 7, tzinfo=STOCKHOLM)
    assert due_digest(settings.digest_cron, datetime(2026, 11, 23, 6, 59, tzinfo=STOCKHOLM)).week.label == "2026-W46"
    assert due_digest(settings.digest_cron, datetime(2026, 11, 25, 12, tzinfo=STOCKHOLM)).late


def test_i_tid_skickas_en_gang_till_varje_mottagare(engine, settings):
    sender = RecordingDigestSender()
    outcome, = deliver_due_digests(engine=engine, settings=settings, sender=sender, now=MONDAY_0700)
    assert (outcome.week, outcome.result, outcome.late) == ("2026-W47", SENT, False)
    assert {r for r, _ in sender.texts} == RECIPIENTS and len(sender.texts) == 2
    assert {r for r, _ in sender.images} == RECIPIENTS
    assert LATE_MARK not in sender.texts[0][1]
    again = deliver_due_digests(engine=engine, settings=settings, sender=sender, now=MONDAY_0700)
    assert [o.result for o in again] == [SKIPPED]
    assert len(sender.texts) == 2
    with session_scope(engine) as session:
        run = get_digest_run(session=session, week="2026-W47", audience="mas")
        assert run.status == "sent" and run.sent_at is not None and not run.late


def test_tva_processer_samtidigt_skickar_en_sammanfattning(database_url, settings):
    engines = [make_engine(database_url), make_engine(database_url)]
    senders = [RecordingDigestSender(), RecordingDigestSender()]
    start = threading.Barrier(2)
    outcomes = []

    def run(i: int) -> None:
        start.wait()
        outcomes.extend(deliver_due_digests(engine=engines[i], settings=settings, sender=senders[i],
                                            now=MONDAY_0700, claimed_by=f"process-{i}"))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(o.result for o in outcomes) == [SENT, SKIPPED]
    assert sum(len(s.texts) for s in senders) == 2
    with session_scope(engines[0]) as session:
        assert [(r.week, r.status) for r in list_digest_runs(session=session)] == [("2026-W47", "sent")]
    for e in engines:
        e.dispose()


def test_tva_schemalaggare_startade_samtidigt_skickar_en_sammanfattning(database_url, settings):
    engines = [make_engine(database_url), make_engine(database_url)]
    senders = [RecordingDigestSender(), RecordingDigestSender()]
    calls = [0, 0]

    def clock_for(i: int):
        def clock() -> datetime:
            calls[i] += 1
            return MONDAY_0700
        return clock

    schedulers = [start_scheduler(settings, engines[i], senders[i], clock=clock_for(i), claimed_by=f"bot-{i}")
                  for i in range(2)]
    try:
        deadline = time.monotonic() + 30
        while min(calls) < 2 and time.monotonic() < deadline:  # both sweeps have reached the digest
            time.sleep(0.05)
    finally:
        for s in schedulers:
            s.shutdown(wait=True)
    assert min(calls) >= 2
    texts = [t for s in senders for t in s.texts]
    assert sorted(r for r, _ in texts) == sorted(RECIPIENTS)
    with session_scope(engines[0]) as session:
        runs = list_digest_runs(session=session)
        assert [(r.week, r.status) for r in runs] == [("2026-W47", "sent")]
    for e in engines:
        e.dispose()


def test_driftstopp_over_mandag_0700_ger_en_forsenad_sammanfattning(engine, settings):
    sender = RecordingDigestSender()
    # down from Sunday evening until Monday 10:30: nothing ran at 07:00
    back = datetime(2026, 11, 23, 10, 30, tzinfo=STOCKHOLM)
    outcome, = deliver_due_digests(engine=engine, settings=settings, sender=sender, now=back)
    assert (outcome.week, outcome.result, outcome.late) == ("2026-W47", SENT, True)
    assert all(text.startswith(f"⏰ {LATE_MARK}") for _, text in sender.texts)
    for minutes in (5, 10, 60 * 24):  # later sweeps and a restart the next day send nothing more
        later = deliver_due_digests(engine=engine, settings=settings, sender=sender,
                                    now=back + timedelta(minutes=minutes))
        assert [o.result for o in later] == [SKIPPED]
    assert len(sender.texts) == 2
    with session_scope(engine) as session:
        assert get_digest_run(session=session, week="2026-W47", audience="mas").late


class FlakySender(RecordingDigestSender):
    def __init__(self, failures: int) -> None:
        super().__init__()
        self.failures = failures

    def send_png(self, recipient, png, filename, title):
        if self.failures:
            self.failures -= 1
            raise ConnectionError("Slack svarar inte")
        super().send_png(recipient, png, filename, title)


def test_fel_loggas_markeras_och_forsoks_igen_utan_dubbletter(engine, settings, caplog):
    sender = FlakySender(failures=1)
    first, = deliver_due_digests(engine=engine, settings=settings, sender=sender, now=MONDAY_0700)
    assert first.result == FAILED
    assert "weekly digest 2026-W47 for mas failed" in caplog.text
    with session_scope(engine) as session:
        run = get_digest_run(session=session, week="2026-W47", audience="mas")
        assert run.status == "failed" and "Slack svarar inte" in run.error
    retry, = deliver_due_digests(engine=engine, settings=settings, sender=sender,
                                 now=MONDAY_0700.replace(minute=5))
    assert retry.result == SENT
    # the retry sends only what did not arrive: each recipient has one text and one chart
    assert sorted(r for r, _ in sender.texts) == sorted(RECIPIENTS)
    assert sorted(r for r, _ in sender.images) == sorted(RECIPIENTS)
    with session_scope(engine) as session:
        assert get_digest_run(session=session, week="2026-W47", audience="mas").status == "sent"


def test_chefer_far_egen_sammanfattning_for_sina_enheter(engine, settings):
    settings = SettingsWithChefDigests(**settings.model_dump(), _env_file=None)
    with session_scope(engine) as session:
        set_role(session=session, platform_user_id="U-CHEF", role=Role.CHEF, unit_name="Solgården")
    sender = RecordingDigestSender()
    outcomes = deliver_due_digests(engine=engine, settings=settings, sender=sender, now=MONDAY_0700)
    assert sorted(o.audience for o in outcomes) == ["chef:U-CHEF", "mas"]
    chef_text = next(t for r, t in sender.texts if r == "U-CHEF")
    assert "Solgården" in chef_text


class SettingsWithChefDigests(Settings):
    """Until bot/settings.py has `digest_to_chefs` (DIGEST_TO_CHEFS)."""

    digest_to_chefs: bool = True


@pytest.fixture(autouse=True)
def _no_indicator_file(settings):
    assert not settings.indicators_file.exists()


def test_overgivet_ansprak_tas_over_efter_en_timme(engine):
    from storage.digest_runs import claim_digest_run

    with session_scope(engine) as session:
        assert claim_digest_run(session=session, week="2026-W47", audience="mas", claimed_by="död process",
                                now=MONDAY_0700, late=False)
    with session_scope(engine) as session:  # still being sent by someone else
        assert claim_digest_run(session=session, week="2026-W47", audience="mas", claimed_by="ny",
                                now=MONDAY_0700 + timedelta(minutes=30), late=False) is None
    with session_scope(engine) as session:
        run = claim_digest_run(session=session, week="2026-W47", audience="mas", claimed_by="ny",
                               now=MONDAY_0700 + timedelta(hours=2), late=True)
        assert run is not None and run.claimed_by == "ny" and run.late
