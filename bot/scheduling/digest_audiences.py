"""Who gets which weekly digest: the MAS (users and/or a channel) for all units, and optionally each chef for their own."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from bot.settings import Settings
from intents.immediate_alerts import role_holders
from storage.digest_recipients import chefs_with_units
from storage.vocabulary import Role

MAS_AUDIENCE = "mas"


@dataclass(frozen=True)
class Audience:
    key: str  # DigestRun.audience: "mas" or "chef:<user id>"
    recipients: tuple[str, ...]  # user ids and channel ids
    unit_ids: tuple[int, ...] | None = None  # None: every unit
    scope_name: str | None = None  # shown in the title; None for the whole municipality


def mas_audience(*, session: Session, settings: Settings) -> Audience:
    """Everyone with the role mas (MAS_USER_IDS while no one has it) and DIGEST_CHANNEL."""
    recipients = role_holders(session=session, role=Role.MAS, fallback=settings.mas_user_ids)
    recipients += [settings.digest_channel] if settings.digest_channel else []
    return Audience(MAS_AUDIENCE, tuple(dict.fromkeys(recipients)))


def chef_audiences(*, session: Session) -> list[Audience]:
    return [Audience(f"chef:{chef.platform_user_id}"[:120], (chef.platform_user_id,), chef.unit_ids,
                     ", ".join(chef.unit_names))
            for chef in chefs_with_units(session=session)]


def digest_audiences(*, session: Session, settings: Settings) -> list[Audience]:
    """The MAS audience when it has recipients, then the chefs' when `digest_to_chefs` is on."""
    audiences = [a for a in [mas_audience(session=session, settings=settings)] if a.recipients]
    if getattr(settings, "digest_to_chefs", False):
        audiences += chef_audiences(session=session)
    return audiences
