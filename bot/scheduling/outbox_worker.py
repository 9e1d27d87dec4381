"""The outbox worker inside `omsorgsbot serve`: a background thread that delivers queued messages
(intents/delivery.py) at once when woken, and otherwise whenever the next one falls due.

Every bot process runs one; the database decides which of them sends each message.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import datetime

from sqlalchemy.engine import Engine

from intents.delivery import PAUSE, Backoff, Deliverer, deliver_due, process_name
from storage.database import session_scope
from storage.outbox import next_due_at
from storage.timestamps import utc_now

log = logging.getLogger(__name__)

POLL_S = 5.0


class OutboxWorker:
    def __init__(self, engine: Engine, deliverer: Deliverer, *, admins: Sequence[str] = (),
                 clock: Callable[[], datetime] = utc_now, poll_s: float = POLL_S, backoff: Backoff = Backoff(),
                 claimed_by: str | None = None) -> None:
        self.engine = engine
        self.deliverer = deliverer
        self.admins = tuple(admins)
        self.clock = clock
        self.poll_s = poll_s
        self.backoff = backoff
        self.claimed_by = claimed_by or f"{process_name()}:outbox"
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> OutboxWorker:
        self._thread = threading.Thread(target=self._run, name="outbox", daemon=True)
        self._thread.start()
        return self

    def wake(self) -> None:
        """Something was queued: deliver it now rather than at the next poll."""
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                done = deliver_due(engine=self.engine, deliverer=self.deliverer, now=self.clock(),
                                   claimed_by=self.claimed_by, backoff=self.backoff, admins=self.admins)
            except Exception:  # e.g. the database is away: try again later, never die
                log.exception("the outbox worker could not deliver; trying again in %s s", self.poll_s)
                self._wake.wait(self.poll_s)
                continue
            if done.paused:
                self._wake.wait(PAUSE.total_seconds())
            elif done.claimed == 0:
                self._wake.wait(self._idle_seconds())

    def _idle_seconds(self) -> float:
        try:
            with session_scope(self.engine) as session:
                due = next_due_at(session=session)
        except Exception:
            return self.poll_s
        if due is None:
            return self.poll_s
        return max(0.05, min(self.poll_s, (due - self.clock()).total_seconds()))
