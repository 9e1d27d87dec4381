"""Plain-text Swedish answers about routines, short enough for a phone screen."""

from __future__ import annotations

from collections.abc import Sequence

from intents.routines.library import Routine
from intents.routines.search import RoutineSearch

NO_MATCH = "Jag hittade ingen rutin som passar."


def render_routine(routine: Routine) -> str:
    """Title, the numbered key steps, and who owns the routine and when it was updated.

    >>> print(render_routine(routine))  # doctest: +SKIP
    Efter ett fall
    1. Lyft inte upp personen ...
    ...
    Ansvarig: MAS · Uppdaterad: 2026-02-16
    """
    lines = [routine.title, ""]
    lines += [f"{number}. {step}" for number, step in enumerate(routine.steps, start=1)]
    lines += ["", f"Ansvarig: {routine.owner} · Uppdaterad: {routine.updated.isoformat()}"]
    return "\n".join(lines)


def render_no_match(nearest: Sequence[Routine]) -> str:
    """The answer when no routine fits, naming the closest titles where there are any."""
    if not nearest:
        return NO_MATCH
    titles = [f"”{r.title}”" for r in nearest]
    listed = titles[0] if len(titles) == 1 else f"{', '.join(titles[:-1])} och {titles[-1]}"
    return f"{NO_MATCH} Närmast är: {listed}."


def answer_routine_question(search: RoutineSearch, question: str, nearest_limit: int = 3) -> str:
    """The routine that fits `question`, or the no-match answer with the nearest titles."""
    hit = search.best(question)
    if hit is not None:
        return render_routine(hit.routine)
    return render_no_match(search.nearest(question, limit=nearest_limit))
