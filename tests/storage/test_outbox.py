"""The outbox in the database: a message queued once per dedupe key, claimed by exactly one worker,
delivered in order per recipient, taken over after a crash, on SQLite and PostgreSQL. And, generated:
any mix of workers, failures and crashes ends with every message delivered, in order per recipient,
and twice only where an attempt's answer was lost."""

from __future__ import annotations

import threading
from collections import defaultdict
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from intents.delivery import Backoff, Delivered, Outgoing, deliver_due
from intents.notifier import DeliveryFailed
from storage.database import make_engine, session_scope, upgrade_schema
from storage.models import OutboundMessage
from storage.outbox import LEASE, claim_due_messages, enqueue_message, list_messages, mark_sent

NOW = datetime(2026, 3, 10, 13, 0, tzinfo=UTC)
GENERATED = settings(max_examples=25, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def queue(engine, recipient: str, key: str, text: str = "hej") -> int | None:
    with session_scope(engine) as session:
        queued = enqueue_message(session=session, kind="alert", recipient=recipient, text=text, dedupe_key=key,
                                 now=NOW)
        return queued.id if queued else None


def claim(engine, by: str, at: datetime = NOW) -> list[OutboundMessage]:
    with session_scope(engine) as session:
        return claim_due_messages(session=session, now=at, claimed_by=by)


def test_samma_nyckel_koas_en_gang(engine):
    assert queue(engine, "U1", "alert:AV-1:U1") is not None
    assert queue(engine, "U1", "alert:AV-1:U1") is None
    with session_scope(engine) as session:
        assert len(list_messages(session=session)) == 1


def test_en_mottagare_far_sina_meddelanden_i_ordning(engine):
    first, second = queue(engine, "U1", "a"), queue(engine, "U1", "b")
    other = queue(engine, "U2", "c")
    assert sorted(m.id for m in claim(engine, "w1")) == [first, other]
    assert claim(engine, "w2") == []  # U1's second waits for the first
    with session_scope(engine) as session:
        mark_sent(session=session, message_id=first, now=NOW)
    assert [m.id for m in claim(engine, "w2")] == [second]


def test_tva_arbetare_samtidigt_tar_varje_meddelande_en_gang(database_url):
    engines = [make_engine(database_url) for _ in range(4)]
    ids = [queue(engines[0], f"U{i}", f"k{i}") for i in range(12)]
    start = threading.Barrier(len(engines))
    taken: list[int] = []
    lock = threading.Lock()

    def work(engine) -> None:
        start.wait()
        for _ in range(6):
            got = [m.id for m in claim(engine, f"w{id(engine)}")]
            with lock:
                taken.extend(got)

    threads = [threading.Thread(target=work, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(taken) == sorted(ids)
    for e in engines:
        e.dispose()


def test_ett_overgivet_utskick_tas_over_och_markeras_osakert(engine):
    message_id = queue(engine, "U1", "a")
    [claimed] = claim(engine, "död")
    assert not claimed.uncertain
    assert claim(engine, "ny", NOW + LEASE - timedelta(seconds=1)) == []  # still being sent
    [again] = claim(engine, "ny", NOW + LEASE + timedelta(seconds=1))
    assert again.id == message_id and again.uncertain and again.claimed_by == "ny" and again.attempts == 2


@st.composite
def runs(draw):
    """Messages to a few recipients, and for each attempt what Slack does."""
    messages = draw(st.lists(st.sampled_from(["U1", "U2", "U3"]), min_size=1, max_size=8))
    outcomes = draw(st.lists(st.sampled_from(["ok", "ok", "ok", "429", "503", "503-posted", "lost", "crash"]),
                             min_size=0, max_size=30))
    return messages, outcomes


class Slack:
    """A deliverer that does what the drawn outcomes say, and knows what really arrived."""

    def __init__(self, outcomes: list[str]) -> None:
        self.outcomes = list(outcomes)
        self.arrived: dict[str, list[int]] = defaultdict(list)
        self.crashed: list[int] = []

    def deliver(self, message: Outgoing) -> Delivered:
        if message.uncertain and message.id in self.arrived[message.recipient]:
            return Delivered(already=True, checked=True)  # as Slack's deliverer finds it in the history
        outcome = self.outcomes.pop(0) if self.outcomes else "ok"
        if outcome == "429":
            raise DeliveryFailed("ratelimited", retry_after=1)
        if outcome in ("503-posted", "lost", "crash"):
            self.arrived[message.recipient].append(message.id)
        if outcome == "crash":
            self.crashed.append(message.id)
            raise SystemExit  # the worker dies after Slack took the message, before recording it
        if outcome in ("503", "503-posted", "lost"):
            raise DeliveryFailed("Slack svarade 503", uncertain=True)
        self.arrived[message.recipient].append(message.id)
        return Delivered()


@GENERATED
@given(run=runs())
def test_vad_som_an_hander_kommer_allt_fram_en_gang_och_i_ordning(tmp_path_factory, run):
    recipients, outcomes = run
    engine = make_engine(f"sqlite:///{tmp_path_factory.mktemp('outbox') / 'o.db'}")
    upgrade_schema(engine)
    ids = [queue(engine, r, f"k{i}", f"meddelande {i}") for i, r in enumerate(recipients)]
    slack = Slack(outcomes)
    at = NOW
    for _ in range(200):
        try:
            deliver_due(engine=engine, deliverer=slack, now=at, backoff=Backoff(base_s=1, cap_s=4, max_attempts=99))
        except SystemExit:
            pass  # the crashed worker's claim stays behind; the lease lets another take it
        at += LEASE / 4
        with session_scope(engine) as session:
            if all(m.status == "sent" for m in list_messages(session=session)):
                break
    with session_scope(engine) as session:
        assert all(m.status == "sent" for m in list_messages(session=session))
    for recipient in set(recipients):
        mine = [i for i, r in zip(ids, recipients) if r == recipient]
        arrived = slack.arrived[recipient]
        assert list(dict.fromkeys(arrived)) == mine  # everything, in the order queued
        assert len(arrived) == len(mine)  # and once: lost answers and crashes were found, not resent
    engine.dispose()


def test_en_forlorad_post_utan_att_kunna_titta_loggas_som_mojlig_dubblett(engine, caplog):
    class Blind:
        calls = 0

        def deliver(self, message):
            self.calls += 1
            if self.calls == 1:
                raise DeliveryFailed("timeout", uncertain=True)
            return Delivered()  # could not look in the history before sending again

    queue(engine, "U1", "a")
    blind = Blind()
    deliver_due(engine=engine, deliverer=blind, now=NOW)
    with caplog.at_level("WARNING"):
        deliver_due(engine=engine, deliverer=blind, now=NOW + timedelta(minutes=1))
    assert "may have got it twice" in caplog.text
