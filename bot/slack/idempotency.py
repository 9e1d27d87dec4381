"""Slack may deliver an event more than once (retries with X-Slack-Retry-Num, or duplicates):
each delivery's keys are claimed in the database before anything is answered or stored."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Engine

from storage.processed_events import claim_event


def delivery_keys(body: dict[str, Any]) -> list[str]:
    """The keys that identify one user action however often Slack delivers it."""
    keys: list[str] = []
    if body.get("event_id"):
        keys.append(f"slack:event:{body['event_id']}")
    event = body.get("event") or {}
    if event.get("client_msg_id"):
        keys.append(f"slack:msg:{event['client_msg_id']}")
    return keys


def click_key(body: dict[str, Any]) -> str | None:
    """One answer per message with buttons: a double tap or a second button does nothing more."""
    container = body.get("container") or {}
    channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
    message_ts = container.get("message_ts")
    if not message_ts:
        return None
    return f"slack:click:{channel}:{message_ts}"


def first_delivery(db: Engine, keys: list[str]) -> bool:
    """True exactly once per key set; with no keys there is nothing to deduplicate on."""
    return claim_event(db, keys) if keys else True
