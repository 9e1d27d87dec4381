"""The one settings object: read from the environment and an optional `.env` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    database_url: str = Field(
        default=f"sqlite:///{Path('data') / 'omsorgsbot.db'}",
        description="SQLAlchemy URL; SQLite file under ./data/ by default, postgresql://… in production",
    )
    slack_bot_token: str | None = None
    slack_app_token: str | None = None
    slack_signing_secret: str | None = None
    slack_api_url: str | None = Field(default=None, description="Web API base URL override (local stand-in)")
    port: int = 3000
    routines_dir: Path = PROJECT_ROOT / "knowledge" / "rutiner"
    indicators_file: Path = PROJECT_ROOT / "knowledge" / "indikatorer.toml"
    retention_file: Path = Field(default=PROJECT_ROOT / "knowledge" / "gallring.toml",
                                 description="gallring: days per kind of record (the document plan)")
    mas_user_ids: list[str] = Field(default_factory=list,
                                    description="Slack user ids of the MAS, while no one has the role mas")
    sas_user_ids: list[str] = Field(default_factory=list,
                                    description="Slack user ids of the SAS, while no one has the role sas")
    admin_user_ids: list[str] = Field(default_factory=list, description=(
        "Slack user ids told when a message cannot be delivered, while no one has the role admin"))
    digest_cron: str = "0 7 * * mon"
    reminders_enabled: bool = Field(default=True, description="daily reminders of what waits (weekdays)")
    reminder_time: str = Field(default="08:00", description="when the daily reminders go out, HH:MM Stockholm time")
    reminder_new_working_days: int = Field(default=3, ge=1, description="a report still 'ny' after this many "
                                                                        "working days reminds its unit's chef")
    reminder_feedback_days: int = Field(default=7, ge=1, description="'åtgärdad' without återkoppling after this "
                                                                     "many days reminds the chef")
    reminder_lex_hours: int = Field(default=24, ge=1, description="a lex Sarah/Maria candidate not assessed after "
                                                                  "this many hours reminds the MAS (and the SAS)")
    digest_channel: str | None = None
    log_level: str = "INFO"

    @property
    def slack_configured(self) -> bool:
        return bool(self.slack_bot_token and (self.slack_app_token or self.slack_signing_secret))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
