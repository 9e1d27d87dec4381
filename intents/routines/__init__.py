"""Routines: the municipality's Markdown routines, their search and the answers."""

from intents.routines.answer import answer_routine_question, render_no_match, render_routine
from intents.routines.library import LoadProblem, Routine, RoutineLibrary, load_routines
from intents.routines.search import RoutineHit, RoutineSearch

__all__ = [
    "LoadProblem",
    "Routine",
    "RoutineHit",
    "RoutineLibrary",
    "RoutineSearch",
    "answer_routine_question",
    "load_routines",
    "render_no_match",
    "render_routine",
]
