"""No identifier reaches the database or the export, whatever path it takes: chat (report text, "gjort direkt", an
answer to a question), an abandoned draft, a failed save, handling (fields and comments), the access
log, and an import whose caller forgot to mask. On SQLite the raw bytes of the database file and its
write-ahead log are searched; on PostgreSQL every row of every table as text. The identifiers come
from the grammar of shapes in tests/support/identifier_grammar.py. A failed save logs no report text."""

from __future__ import annotations

import io
import logging
import random
import re
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine, make_url

from bot.reply_text import render_replies
from intents.engine import DialogueEngine
from intents.messages import IncomingMessage
from intents.notifier import RecordingNotifier
from intents.routines.search import RoutineSearch
from intents.turn import BotServices
from storage.database import make_engine, session_scope
from storage.models import UnitCreate
from storage.people import set_role
from storage.report_export import export_rows, write_csv, write_jsonl
from storage.report_import import import_reports
from storage.units import create_unit
from storage.vocabulary import Role, UnitType
from tests.support.identifier_grammar import email, personnummer, phone

NOW = datetime.fromisoformat("2026-03-10T14:00:00+01:00")
MARKER = "zebrafinken"  # a word that only the report texts contain, to find them in the logs


def identifiers(seed: int, n: int) -> list[str]:
    r = random.Random(seed)
    return [[personnummer, phone, email][i % 3](r) for i in range(n)]


def traces(identifier: str) -> list[bytes]:
    """What would betray the identifier in stored bytes: as typed, and its digits run together."""
    normal = "".join(str(unicodedata.decimal(c)) if unicodedata.decimal(c, None) is not None else c
                     for c in identifier)
    digits = re.sub(r"\D", "", normal)
    found = [identifier.encode("utf-8")]
    if len(digits) >= 8:
        found += [digits[-8:].encode(), digits[:8].encode()]
    if "@" in identifier:
        found.append(identifier.split("@")[0].encode("utf-8") + b"@")
    return found


class Bot:
    def __init__(self, engine: Engine, nlu, routines) -> None:
        services = BotServices(engine=engine, nlu=nlu, routines=routines, routine_search=RoutineSearch(
            routines.routines), notifier=RecordingNotifier(), mas_user_ids=["U-mas"])
        self.engine = DialogueEngine(services)

    def say(self, user: str, message: str) -> str:
        return render_replies(self.engine.handle(IncomingMessage(user_id=user, text=message, at=NOW)))

    def send(self, user: str) -> str:
        """Answer whatever is still asked with "skicka" until the report is saved or refused."""
        for _ in range(5):
            answer = self.say(user, "skicka")
            if "registrerad som" in answer or "gick inte att spara" in answer:
                return answer
        raise AssertionError(answer)


def stored_bytes(engine: Engine) -> bytes:
    url = make_url(engine.url.render_as_string(hide_password=False))
    if url.get_backend_name() == "sqlite":
        engine.dispose()
        base = Path(url.database)
        return b"".join(p.read_bytes() for p in [base, Path(f"{base}-wal"), Path(f"{base}-shm")] if p.exists())
    with engine.connect() as conn:
        tables = inspect(conn).get_table_names()
        return "\n".join(str(row[0]) for table in tables
                         for row in conn.execute(text(f'SELECT t::text FROM "{table}" t'))).encode("utf-8")


def test_inga_identifierare_i_databasen_efter_chatt_import_hantering_och_fel(
        database_url, shared_nlu, routine_library, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    engine = make_engine(database_url)
    with session_scope(engine) as session:
        create_unit(session=session, unit_in=UnitCreate(name="Solgården", type=UnitType.SARSKILT_BOENDE))
        set_role(session=session, platform_user_id="U-chef", role=Role.CHEF, unit_name="Solgården")
        set_role(session=session, platform_user_id="U-mas", role=Role.MAS)
    bot = Bot(engine, shared_nlu, routine_library)
    ids = identifiers(seed=12, n=21)
    it = iter(ids)

    # chat: a whole report, with identifiers in the story and in what was done at once
    bot.say("U-usk", f"{MARKER} {next(it)} på Solgården ramlade i natt kl 3 i badrummet, ingen skada, {next(it)}")
    assert "AV-2026-00001" in bot.send("U-usk")

    # an abandoned draft: started, answered once, never finished
    bot.say("U-usk2", f"glömde ge kvällsmedicinen till {next(it)} i går, {MARKER}")
    bot.say("U-usk2", f"Solgården {next(it)}")

    # a failed save: the database refuses the insert (a reference already taken)
    monkeypatch.setattr("storage.reports.next_reference", lambda **_: "AV-2026-00001")
    bot.say("U-usk3", f"{MARKER} larmet hos {next(it)} på Solgården gick inte fram i natt kl 2, ingen skada, "
                      f"ssk kontaktad {next(it)}")
    failed = bot.send("U-usk3")
    assert "gick inte att spara" in failed
    monkeypatch.undo()

    # handling: fields and a comment, by the chef and the MAS; a statistics question with an identifier
    bot.say("U-chef", f"AV-2026-00001 åtgärd: ringt {next(it)}, status åtgärdad")
    bot.say("U-chef", f"AV-2026-00001 kommentar: {MARKER} anhörig {next(it)} informerad")
    bot.say("U-mas", f"AV-2026-00001 återkoppling: ring {next(it)} om du undrar")
    bot.say("U-mas", f"hur många fall på Solgården i mars {next(it)}")

    # import, by a caller that forgot to mask: the database boundary masks all the same
    rows = "".join(f'I-{i},2024-03-05,avvikelse,Solgården,"{MARKER} bru {next(it)} föll",'
                   f'"{next(it)}"\n' for i in range(4))
    with session_scope(engine) as session:
        import_reports(session=session, mask=lambda t: t, data=(
            "reference,occurred_at,kind,unit,description,immediate_action\n" + rows).encode("utf-8"))
    used = ids[: len(ids) - sum(1 for _ in it)]
    assert len(used) >= 18

    exported = io.StringIO()
    with session_scope(engine) as session:
        write_csv(export_rows(session=session), exported)
        write_jsonl(export_rows(session=session), exported)
    raw = stored_bytes(engine) + exported.getvalue().encode("utf-8")
    assert MARKER.encode() in raw  # the texts are there, only the identifiers are not
    leaks = [(i, t) for i in used for t in traces(i) if t in raw]
    assert leaks == []
    logged = "\n".join(r.getMessage() + (str(r.exc_info[1]) if r.exc_info else "")
                       for r in caplog.records if r.levelno > logging.DEBUG)
    assert "saving a report failed" in logged
    assert MARKER not in logged and not [i for i in used if i in logged]
    engine.dispose()
