"""Run a simulated person through the real engine, and check every property of the run.

Properties of every run:
- the stored report equals the truth (kind, area, unit, time, consequence, action, who, contact wish)
- no question is asked more than twice (per report)
- no message is dropped: every event told is stored as its own report, no reply falls back to the
  help text, no draft is left, and the words of every event are in a stored description
- nothing stored holds a command word as data ("skicka", "ok", "hoppa över", …)
- the number of turns (messages from the person) per report
"""

from __future__ import annotations

import itertools
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from rapidfuzz import fuzz
from sqlmodel import select

from bot.reply_text import render_reply
from intents.engine import DialogueEngine
from intents.messages import IncomingMessage
from intents.notifier import RecordingNotifier
from intents.routines.library import load_routines
from intents.routines.search import RoutineSearch
from intents.turn import BotServices
from nlp_models.answers import answer_words, phrase
from nlp_models.text.normalize import fold
from nlp_models.times.mentions import time_mentions
from storage.database import make_engine, session_scope, upgrade_schema
from storage.models import ConversationDraft, Report, Unit, UnitCreate
from storage.people import get_or_create_person, set_role
from storage.units import create_unit
from storage.vocabulary import Role, UnitType
from tests.conversation.simulator.person import QUESTIONS, SimulatedPerson, topic_of
from tests.conversation.simulator.personas import PERSONAS, UNITS, Persona
from tests.conversation.simulator.styles import Style
from tests.conversation.simulator.truth import NOW

ROUTINES = Path(__file__).resolve().parents[3] / "knowledge" / "rutiner"
MAX_TURNS = 14
MAX_ASKED = 2
ACTION_SIMILARITY = 80  # the stored action holds one of the truth's action words, typos allowed
HELP_TEXT_START = "Hej! Det här kan jag hjälpa dig med"


@dataclass
class RunResult:
    persona: str
    style: str
    seed: int
    turns: list[int] = field(default_factory=list)  # the person's messages per stored report
    complete_first: bool = False  # the first message told everything: the summary came at once
    problems: list[str] = field(default_factory=list)
    transcript: list[str] = field(default_factory=list)

    @property
    def correct(self) -> bool:
        return not self.problems

    def explain(self) -> str:
        return (f"{self.persona} ({self.style}, seed {self.seed}): " + "; ".join(self.problems)
                + "\n" + "\n".join(self.transcript))


class World:
    """One database with the simulated municipality's units, and the real engine on it."""

    def __init__(self, nlu, db_url: str | None = None) -> None:
        self._dir = tempfile.TemporaryDirectory() if db_url is None else None
        self.db = make_engine(db_url or f"sqlite:///{self._dir.name}/simulator.db")
        upgrade_schema(self.db)
        with session_scope(self.db) as session:
            for name, kind, aliases in UNITS:
                create_unit(session=session, unit_in=UnitCreate(name=name, type=UnitType(kind), aliases=aliases))
        library = load_routines(ROUTINES)
        services = BotServices(engine=self.db, nlu=nlu, routines=library, routine_search=RoutineSearch(library.routines),
                               notifier=RecordingNotifier(), mas_user_ids=["U-mas"])
        self.engine = DialogueEngine(services)
        self._users = itertools.count(1)

    def new_incident(self) -> None:
        """Each run is an incident of its own, on a day of its own: what earlier runs stored is moved a
        month back, so it is history and not a possible duplicate of this run's event."""
        with session_scope(self.db) as session:
            for report in session.exec(select(Report).where(Report.reported_at > NOW - timedelta(days=7))):
                report.occurred_at -= timedelta(days=30)
                report.reported_at -= timedelta(days=30)
                session.add(report)

    def new_user(self, member_of: tuple[str, ...]) -> str:
        user = f"U-sim-{next(self._users)}"
        with session_scope(self.db) as session:
            get_or_create_person(session=session, platform_user_id=user)
            for unit in member_of:
                set_role(session=session, platform_user_id=user, role=Role.PERSONAL, unit_name=unit)
        return user

    def close(self) -> None:
        self.db.dispose()
        if self._dir is not None:
            self._dir.cleanup()


def _second_thoughts(persona: Persona, seed: int) -> tuple[str | None, Persona | None]:
    """A correction at the summary (even seeds, when the story says a time or unit) or a new event mid-dialogue."""
    if seed % 2 == 0 and not persona.opening:
        if persona.tells("time") and persona.truth.when.exact and persona.truth.when.day_only:
            return "time", None
        if persona.tells("unit") and not persona.truth.kind == "synpunkt":
            return "unit", None
    others = [p for p in PERSONAS if p.key != persona.key and not p.opening and p.tells("unit") and p.tells("time")
              and p.truth.unit != persona.truth.unit]
    return None, others[(seed + len(persona.key)) % len(others)]


def simulate(world: World, persona: Persona, style: Style, seed: int = 0) -> RunResult:
    result = RunResult(persona.key, style.value, seed)
    person = SimulatedPerson(persona, style, seed)
    if style == Style.SECOND_THOUGHTS:
        person.slip, person.extra = _second_thoughts(persona, seed)
    expected = [persona] + ([person.extra] if person.extra else [])
    stories = {persona.key: person.story(persona)}
    world.new_incident()
    user = world.new_user(persona.member_of)
    asked: Counter[str] = Counter()
    text = person.first_message()
    turns_this_report = 0
    first_reply_was_summary = None
    for _ in range(MAX_TURNS):
        turns_this_report += 1
        person.said.append(text)
        result.transcript.append(f"  du> {text}")
        replies = world.engine.handle(IncomingMessage(user_id=user, text=text, at=NOW))
        topic = None
        for reply in replies:
            rendered = render_reply(reply)
            result.transcript.append("  bot> " + rendered.replace("\n", "\n       "))
            if reply.text.startswith(HELP_TEXT_START):
                result.problems.append(f"fell back to the help text after ”{text}”")
            found = topic_of(reply.text)
            if found == "stored":
                result.turns.append(turns_this_report)
                turns_this_report, asked = 0, Counter()
                if len(result.turns) < len(expected):
                    person.current = expected[len(result.turns)]
            elif found in QUESTIONS and (found != "summary" or "Stämmer det?" in reply.text):
                asked[found] += 1
                if asked[found] > MAX_ASKED:
                    result.problems.append(f"asked {found} {asked[found]} times")
                topic = found
        if first_reply_was_summary is None:
            first_reply_was_summary = topic == "summary"
        if len(result.turns) == len(expected) and topic is None:
            break
        if topic is None:
            result.problems.append(f"no question and nothing stored after ”{text}”")
            break
        if person.extra and not person.extra_sent and topic not in ("new_or_answer", "what"):
            person.extra_sent = True
            text = stories[person.extra.key] = person.story(person.extra)
            continue
        text = person.answer(topic, replies[-1].text)
        if topic == "what":
            stories[persona.key] = text
    else:
        result.problems.append(f"not done after {MAX_TURNS} messages")
    # the first message told everything (a second-thoughts person slipped on purpose, so not counted)
    result.complete_first = bool(first_reply_was_summary) and style != Style.SECOND_THOUGHTS
    _check_stored(world, user, expected, stories, result)
    return result


def _command_word(value: str | None) -> bool:
    if not value:
        return False
    words = answer_words()
    said = phrase(value)
    confirm = set().union(*answer_words().topics["confirm"].values())
    return said in words.yes | words.no | words.skip | words.later | words.cancel | words.unknown | confirm \
        or said.split()[-1] in {"skicka", "kor", "avbryt"}


def _check_stored(world: World, user: str, expected: list[Persona], stories: dict[str, str],
                  result: RunResult) -> None:
    with session_scope(world.db) as session:
        person = get_or_create_person(session=session, platform_user_id=user)
        reports = list(session.exec(select(Report).where(Report.reporter_id == person.id).order_by(Report.id)))
        units = {r.id: session.get(Unit, r.unit_id).name for r in reports}
        left = session.exec(select(ConversationDraft).where(ConversationDraft.user_key == user)).first()
    if left is not None:
        result.problems.append("a draft was left behind")
    if len(reports) != len(expected):
        result.problems.append(f"{len(reports)} reports stored, {len(expected)} events told")
    for report, persona in zip(reports, expected):
        truth = persona.truth
        stored = {"kind": report.kind, "area": report.area, "unit": units[report.id],
                  "consequence": report.consequence, "given_by": report.given_by,
                  "contact": report.contact_wanted}
        wanted = {"kind": truth.kind, "area": truth.area, "unit": truth.unit,
                  "consequence": truth.consequence if truth.kind == "avvikelse" else None,
                  "given_by": truth.given_by, "contact": truth.contact}
        for name in stored:
            if stored[name] != wanted[name]:
                result.problems.append(f"{persona.key}: {name} stored {stored[name]!r}, truth {wanted[name]!r}")
        if not truth.when.matches(report.occurred_at):
            result.problems.append(f"{persona.key}: time stored {report.occurred_at}, truth {truth.when}")
        if truth.action is None and report.immediate_action is not None:
            result.problems.append(f"{persona.key}: action stored {report.immediate_action!r}, truth none")
        if truth.action is not None:
            action = fold(report.immediate_action or "")
            if not any(fuzz.partial_ratio(fold(w), action) >= ACTION_SIMILARITY for w in truth.action_words):
                result.problems.append(f"{persona.key}: action stored {report.immediate_action!r}, truth {truth.action!r}")
        for name, value in (("action", report.immediate_action), ("given_by", report.given_by),
                            ("contact", report.contact_wanted), ("description", report.description)):
            if _command_word(value):
                result.problems.append(f"{persona.key}: {name} holds a command word: {value!r}")
        story = fold(stories.get(persona.key, ""))
        story = story[:next((start for start, _ in time_mentions(story)), len(story))][:25]  # a corrected time is
        # also corrected in the description
        if story and story not in fold(report.description):
            result.problems.append(f"{persona.key}: the story is not in the description {report.description!r}")
