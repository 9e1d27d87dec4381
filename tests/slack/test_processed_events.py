"""Idempotency keys in the database: claimed once, on SQLite and PostgreSQL, across engines."""

from __future__ import annotations

import threading
from datetime import timedelta

from storage.database import make_engine
from storage.processed_events import claim_event, forget_events_before
from storage.timestamps import utc_now


def test_a_key_is_claimed_once(engine):
    assert claim_event(engine, ["slack:event:Ev1", "slack:msg:m1"]) is True
    assert claim_event(engine, ["slack:event:Ev1"]) is False
    assert claim_event(engine, ["slack:event:Ev2", "slack:msg:m1"]) is False  # same message, new event id
    assert claim_event(engine, ["slack:event:Ev2"]) is True  # the refused claim recorded nothing


def test_another_process_sees_the_claim(database_url):
    first, second = make_engine(database_url), make_engine(database_url)
    try:
        assert claim_event(first, ["slack:event:shared"]) is True
        assert claim_event(second, ["slack:event:shared"]) is False
    finally:
        first.dispose()
        second.dispose()


def test_concurrent_claims_have_one_winner(engine):
    results: list[bool] = []
    lock = threading.Lock()

    def claim() -> None:
        won = claim_event(engine, ["slack:event:race"])
        with lock:
            results.append(won)

    threads = [threading.Thread(target=claim) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert sorted(results) == [False] * 7 + [True]


def test_old_keys_can_be_forgotten(engine):
    claim_event(engine, ["slack:event:old"])
    assert forget_events_before(engine, utc_now() + timedelta(seconds=1)) == 1
    assert claim_event(engine, ["slack:event:old"]) is True
