"""The README's questions about figures, asked as demo-mas on the demo data: each gets an answer with
non-zero figures, and the figures agree with each other where they count the same thing."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from bot.demo_data import create_demo_data
from bot.reply_text import render_replies
from intents.engine import DialogueEngine
from intents.messages import ChannelKind, IncomingMessage
from intents.notifier import RecordingNotifier
from intents.routines.search import RoutineSearch
from intents.turn import BotServices
from storage.database import make_engine, session_scope, upgrade_schema
from storage.timestamps import STOCKHOLM

README = Path(__file__).resolve().parents[2] / "README.md"
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=STOCKHOLM)


def readme_questions() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Frågor om siffror", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"^\| ”([^”]+)” \|", section, flags=re.M)


def demo_chat(path, nlu, routines, now: datetime, user: str):
    """A dialogue engine on fresh demo data created at `now`; returns say(text) -> rendered replies."""
    db = make_engine(f"sqlite:///{path / 'demo.db'}")
    upgrade_schema(db)
    with session_scope(db) as session:
        create_demo_data(session=session, now=now)
    engine = DialogueEngine(BotServices(engine=db, nlu=nlu, routines=routines,
                                        routine_search=RoutineSearch(routines.routines), notifier=RecordingNotifier()))

    def say(text: str) -> str:
        return render_replies(engine.handle(IncomingMessage(user_id=user, text=text, at=now,
                                                             channel=ChannelKind.DIRECT)))
    return say


@pytest.fixture(scope="module")
def ask(tmp_path_factory, shared_nlu, routine_library):
    return demo_chat(tmp_path_factory.mktemp("demo"), shared_nlu, routine_library, NOW, "demo-mas")


def figures(line: str) -> list[int]:
    return [int(n.replace(" ", "")) for n in re.findall(r"(?<![\d–-])\d{1,3}(?: \d{3})*(?![\d–])", line)]


def test_readme_har_fragor_om_siffror():
    assert len(readme_questions()) >= 8


@pytest.mark.parametrize("question", readme_questions())
def test_readme_fragan_ger_siffror_som_inte_ar_noll(ask, question):
    answer = ask(question)
    first = answer.splitlines()[0]
    assert "Underlag" in answer or "körschema" in first, answer
    assert any(n > 0 for n in figures(first.split(" under ")[0])) or "Signal" in answer, answer


def test_samma_sak_raknad_pa_tva_satt_blir_samma_tal(ask):
    total = figures(ask("hur många fallavvikelser i år"))[0]
    per_quarter = ask("fallavvikelser per kvartal i år")
    assert figures(per_quarter)[0] == total
    quarters = [int(m) for m in re.findall(r"^kvartal \d 2026[^:]*: (\d+)$", per_quarter, flags=re.M)]
    assert sum(quarters) == total


def readme_report_example() -> str:
    return re.search(r"”(hittade bru[^”]+)”", README.read_text(encoding="utf-8")).group(1)


@pytest.mark.parametrize("now", [datetime(2026, 11, 24, 4, 10, tzinfo=STOCKHOLM),
                                 datetime(2026, 3, 2, 12, 0, tzinfo=STOCKHOLM),
                                 datetime(2026, 7, 31, 22, 30, tzinfo=STOCKHOLM)])
def test_readme_exemplet_pa_ny_demodata_fragar_inte_om_en_pahittad_dubblett(tmp_path, shared_nlu, routine_library,
                                                                             now):
    """The first thing a newcomer types is the README's example: it must not be asked whether it is the
    same event as an invented demo report from a few hours ago."""
    say = demo_chat(tmp_path, shared_nlu, routine_library, now, "demo-personal")
    replies = [say(text) for text in (readme_report_example(), "ingen skada", "skicka")]
    assert not any("samma händelse" in reply for reply in replies), replies
    assert "registrerad som AV-" in replies[-1], replies
