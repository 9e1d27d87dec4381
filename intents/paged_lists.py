"""One way to show a long list in a chat: a page at a time, the next with "visa fler".

A list is registered once under a name with a function that fetches one page of it:

    register_list("queue", fetch_queue, page_size=10)
    ...
    return [show_list(turn, "queue", {"queue": "new", "unit": None})]

`show_list` shows the first page and remembers (in the database, per user and thread) which list
it was, with what parameters, and how far the person has come; "visa fler" (any phrase of `more`
in rules/answers.toml) shows the next page, from any bot process. The parameters get `as_of`, the
moment the list was first asked for, so a fetcher can leave out what came later and the pages do
not shift while someone reads. The fetcher checks what the person may see on every page, so a
changed role takes effect at once. Issue 16's statistics lists use the same mechanism.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from intents.messages import Choice, Reply
from intents.turn import Turn
from nlp_models.answers import answer_words, phrase
from storage.list_cursors import delete_cursor, load_cursor, save_cursor

MORE = Choice("Visa fler", "visa fler")
CURSOR_MAX_AGE = timedelta(hours=12)
NO_LIST = ("Det finns ingen lista att visa fler av just nu. Fråga t.ex. ”visa nya avvikelser” eller "
           "”mina rapporter”.")
NO_MORE = "Det finns inga fler i listan – du har sett alla {total}."


@dataclass(frozen=True)
class Page:
    """One page of a list, worded by its fetcher."""

    lines: list[str]  # the items on this page
    total: int  # all items of the list
    heading: str = ""  # shown above the first page
    footer: str = ""  # shown below every page with items (e.g. how to open one)
    empty: str = ""  # the whole answer when the list has no items
    revealed: str = ""  # what this page showed, for the access log ("" = nothing to log)
    refusal: str = ""  # the person may not see this list (any more): the whole answer


Fetcher = Callable[[Turn, dict[str, Any], int, int], Page]  # (turn, params, offset, limit) → page


@dataclass(frozen=True)
class _Source:
    fetch: Fetcher
    page_size: int


_SOURCES: dict[str, _Source] = {}


def register_list(name: str, fetch: Fetcher, *, page_size: int = 10) -> None:
    _SOURCES[name] = _Source(fetch, page_size)


def asks_for_more(text: str) -> bool:
    return phrase(text) in answer_words().more


def _render(turn: Turn, name: str, params: dict[str, Any], offset: int) -> Reply:
    source = _SOURCES[name]
    page = source.fetch(turn, params, offset, source.page_size)
    if page.refusal:
        delete_cursor(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key)
        return Reply(page.refusal)
    if page.revealed:
        turn.log_access(page.revealed)
    if page.total == 0:
        delete_cursor(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key)
        return Reply(page.empty)
    if not page.lines:
        delete_cursor(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key)
        return Reply(NO_MORE.format(total=page.total))
    shown = offset + len(page.lines)
    lines: list[str] = []
    if offset == 0:
        lines.append(page.heading)
    else:
        lines.append(f"{page.heading.rstrip(':')} – {offset + 1}–{shown} av {page.total}:")
    lines += page.lines
    left = page.total - shown
    if page.footer:
        lines += ["", page.footer]
    save_cursor(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key,
                source=name, params=params, shown=shown, now=turn.now)
    if left > 0:
        lines.append(f"{left} till – skriv ”visa fler” för nästa sida.")
        return Reply("\n".join(lines), [MORE])
    return Reply("\n".join(lines))


def show_list(turn: Turn, name: str, params: dict[str, Any]) -> Reply:
    """The first page of a registered list."""
    return _render(turn, name, {**params, "as_of": turn.now.isoformat()}, 0)


def show_more(turn: Turn) -> Reply:
    """The next page of the list this person looked at last."""
    cursor = load_cursor(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key)
    if cursor is None or cursor.source not in _SOURCES:
        return Reply(NO_LIST)
    if turn.now - cursor.updated_at > CURSOR_MAX_AGE:
        delete_cursor(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key)
        return Reply("Den listan är från " + ("i går" if turn.now - cursor.updated_at < timedelta(days=2) else "tidigare")
                     + " – fråga efter den igen så får du den som den ser ut nu.")
    return _render(turn, cursor.source, dict(cursor.params), cursor.shown)


def as_of(params: dict[str, Any]) -> datetime | None:
    """The moment the list was first asked for (see the module's text)."""
    value = params.get("as_of")
    return datetime.fromisoformat(value) if value else None
