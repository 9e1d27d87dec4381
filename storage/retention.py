"""Removing records older than a cutoff, kind by kind (gallring). Counting first, so that a dry
run says exactly what a real run would remove. Every function works in the caller's transaction."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ColumnElement, delete, func, select
from sqlmodel import Session

from storage.models import (
    AccessLogEntry,
    ConversationDraft,
    DigestRun,
    HandlingFocus,
    OutboundMessage,
    ProcessedEvent,
    Report,
    ReportEvent,
    RetentionRun,
)
from storage.outbox import FAILED as MESSAGE_FAILED
from storage.outbox import SENT as MESSAGE_SENT
from storage.vocabulary import ReportStatus

DRAFTS, EVENTS, SENT, RUNS, ACCESS_LOG, REPORTS = (
    "paborjade_rapporter", "slack_handelser", "skickade_meddelanden", "korningar", "atkomstlogg", "rapporter")


def _expired_reports(cutoff: datetime) -> ColumnElement[bool]:
    return (Report.status == ReportStatus.AVSLUTAD.value) & (Report.closed_at < cutoff)  # type: ignore[operator]


def _targets(kind: str, cutoff: datetime) -> list[tuple[type, ColumnElement[bool]]]:
    """(table, condition) to count and delete, children before parents."""
    if kind == DRAFTS:
        # the report a handler had open goes with the drafts (conversation state, not counted on its own)
        return [(HandlingFocus, HandlingFocus.updated_at < cutoff),
                (ConversationDraft, ConversationDraft.updated_at < cutoff)]
    if kind == EVENTS:
        return [(ProcessedEvent, ProcessedEvent.received_at < cutoff)]
    if kind == SENT:  # the outbox's finished messages; waiting ones are never removed
        finished_at = func.coalesce(OutboundMessage.sent_at, OutboundMessage.next_attempt_at)
        return [(OutboundMessage, OutboundMessage.status.in_((MESSAGE_SENT, MESSAGE_FAILED))  # type: ignore[attr-defined]
                 & (finished_at < cutoff))]
    if kind == RUNS:
        return [(DigestRun, DigestRun.claimed_at < cutoff), (RetentionRun, RetentionRun.claimed_at < cutoff)]
    if kind == ACCESS_LOG:
        return [(AccessLogEntry, AccessLogEntry.at < cutoff)]
    if kind == REPORTS:
        old = select(Report.id).where(_expired_reports(cutoff))
        return [(ReportEvent, ReportEvent.report_id.in_(old)),  # type: ignore[attr-defined]
                (OutboundMessage, OutboundMessage.report_id.in_(old)),  # type: ignore[attr-defined]
                (Report, _expired_reports(cutoff))]
    raise ValueError(f"unknown record kind {kind}")


def count_expired(*, session: Session, kind: str, cutoff: datetime) -> int:
    """How many records of the kind are older than the cutoff (reports: closed before it; their
    history and notifications are not counted separately)."""
    table, condition = _targets(kind, cutoff)[-1]
    counted = session.execute(select(func.count()).select_from(table).where(condition)).scalar_one()
    if kind == RUNS:
        table, condition = _targets(kind, cutoff)[0]
        counted += session.execute(select(func.count()).select_from(table).where(condition)).scalar_one()
    return counted


def remove_expired(*, session: Session, kind: str, cutoff: datetime) -> int:
    """Delete the records of the kind older than the cutoff; returns how many (as `count_expired`)."""
    counted = count_expired(session=session, kind=kind, cutoff=cutoff)
    for table, condition in _targets(kind, cutoff):
        session.execute(delete(table).where(condition))
    session.flush()
    return counted
