"""Running the gallring: what each kind of record loses, as a dry run or for real, and the
nightly run that exactly one process performs."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine

from bot.retention.plan import KINDS, RetentionPlan
from storage.database import session_scope
from storage.retention import count_expired, remove_expired
from storage.retention_runs import claim_retention_run, finish_retention_run
from storage.timestamps import STOCKHOLM

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class KindOutcome:
    key: str
    label: str
    days: int | None  # None: kept
    removed: int


@dataclass(frozen=True)
class RetentionOutcome:
    outcomes: list[KindOutcome]
    dry_run: bool

    @property
    def removed(self) -> int:
        return sum(o.removed for o in self.outcomes)

    def text(self) -> str:
        head = "Skulle gallras" if self.dry_run else "Gallrat"
        lines = [f"{head}:"]
        for o in self.outcomes:
            if o.days is not None:
                lines.append(f"  {o.removed} {o.label} (äldre än {o.days} dagar)")
        kept = [o.label for o in self.outcomes if o.days is None]
        if kept:
            lines.append("Bevaras enligt planen: " + ", ".join(kept) + ".")
        return "\n".join(lines)


def run_retention(*, engine: Engine, plan: RetentionPlan, now: datetime, dry_run: bool = False) -> RetentionOutcome:
    """Remove (or with `dry_run` only count) every record the plan lets go, in one transaction."""
    outcomes = []
    with session_scope(engine) as session:
        for kind in KINDS:
            period = plan.period(kind.key)
            removed = 0
            if period is not None:
                act = count_expired if dry_run else remove_expired
                removed = act(session=session, kind=kind.key, cutoff=now - period)
            outcomes.append(KindOutcome(kind.key, kind.label, plan.days.get(kind.key), removed))
    return RetentionOutcome(outcomes, dry_run)


def nightly_retention(*, engine: Engine, plan: RetentionPlan, now: datetime, claimed_by: str) -> RetentionOutcome | None:
    """The scheduled run: the day's row in the database decides which process runs it; None for the others."""
    day = now.astimezone(STOCKHOLM).date().isoformat()
    with session_scope(engine) as session:
        if not claim_retention_run(session=session, day=day, claimed_by=claimed_by, now=now):
            return None
    outcome = run_retention(engine=engine, plan=plan, now=now)
    with session_scope(engine) as session:
        finish_retention_run(session=session, day=day, now=now, summary=outcome.text())
    log.info("gallring %s: %d records removed", day, outcome.removed)
    return outcome
