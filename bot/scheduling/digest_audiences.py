"""Who gets which weekly digest: the MAS (users and/or a channel) for all units, and optionally each chef for their own."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from bot.settings import Settings
from storage.digest_recipients import chefs_with_units

MAS_AUDIENCE = "mas"


@dataclass(frozen=True)
class Audience:
    key: str  # DigestRun.audience: "mas" or "chef:<user id>"
    recipients: tuple[str, ...]  # user ids and channel ids
    unit_ids: tuple[int, ...] | None = None  # None: every unit
    scope_name: str | None = None  # shown in the title; None for the whole municipality


def mas_audience(settings: Settings) -> Audience:
    recipients = list(settings.mas_user_ids) + ([settings.digest_channel] if settings.digest_channel else [])
    return Audience(MAS_AUDIENCE, tuple(dict.fromkeys(recipients)))


def chef_audiences(*, session: Session) -> list[Audience]:
    return [Audience(f"chef:{chef.platform_user_id}"[:120], (chef.platform_user_id,), chef.unit_ids,
                     ", ".join(chef.unit_names))
            for chef in chefs_with_units(session=session)]


def digest_audiences(*, session: Session, settings: Settings) -> list[Audience]:
    """The MAS audience when it has recipients, then the chefs' when `digest_to_chefs` is on."""
    audiences = [a for a in [mas_audience(settings)] if a.recipients]
    if getattr(settings, "digest_to_chefs", False):
        audiences += chef_audiences(session=session)
    return audiences
