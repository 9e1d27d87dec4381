"""Building the long-lived parts of a bot process from the settings."""

from __future__ import annotations

import logging

from sqlalchemy.engine import Engine

from bot.settings import Settings
from intents.notifier import Notifier
from intents.reminders.selection import ReminderPeriods
from intents.routines.library import RoutineLibrary, load_routines
from intents.routines.search import RoutineSearch
from intents.turn import BotServices
from nlp_models.analyzer import LanguageUnderstanding
from nlp_models.units.matcher import UnitEntry
from storage.database import session_scope
from storage.units import list_units

log = logging.getLogger(__name__)


def unit_entries(engine: Engine) -> list[UnitEntry]:
    with session_scope(engine) as session:
        return [UnitEntry(u.name, tuple(u.aliases)) for u in list_units(session=session)]


def load_routine_library(settings: Settings) -> RoutineLibrary:
    try:
        library = load_routines(settings.routines_dir)
    except FileNotFoundError:
        log.warning("routines folder %s not found", settings.routines_dir)
        return RoutineLibrary((), ())
    for problem in library.problems:
        log.warning("routine skipped: %s", problem)
    return library


def build_services(settings: Settings, engine: Engine, notifier: Notifier) -> BotServices:
    routines = load_routine_library(settings)
    return BotServices(
        engine=engine,
        nlu=LanguageUnderstanding(unit_entries(engine)),
        routines=routines,
        routine_search=RoutineSearch(routines.routines),
        notifier=notifier,
        mas_user_ids=list(settings.mas_user_ids),
        sas_user_ids=list(settings.sas_user_ids),
        indicators_file=settings.indicators_file,
        reminder_periods=ReminderPeriods(new_working_days=settings.reminder_new_working_days,
                                         feedback_days=settings.reminder_feedback_days,
                                         lex_hours=settings.reminder_lex_hours),
        admin_user_ids=list(settings.admin_user_ids),
    )
