"""The conversation core: a plain message in, plain replies out. Knows nothing of Slack or terminals."""

from __future__ import annotations

import logging
from dataclasses import replace

from sqlalchemy.exc import SQLAlchemyError

from intents.choice_matching import clean
from intents.delivery import deliver_after_turn
from intents.help_text import help_text
from intents.indicator_answers import answer_indicator
from intents.messages import ChannelKind, IncomingMessage, Reply, without_control_characters
from intents.my_role import answer_who_am_i, asks_who_am_i
from intents.own_reports import answer_own_reports, asks_for_own_reports
from intents.paged_lists import asks_for_more, show_more
from intents.reminders.answer import answer_reminders, asks_for_reminders
from intents.report_handling import answer_handling, handles
from intents.references import find_reference
from intents.report_handling.follow_up import follow_up
from intents.report_handling.proposals import FLOW as HANDLING_FLOW, continue_proposal
from intents.report_dialogue.dialogue import CANCEL_WORDS, continue_report, start_report
from intents.report_dialogue.intake import asks_something, content_words, reports_event_citing_reference, tells_of_event
from intents.report_dialogue.openers import opens_report, without_preamble
from intents.routines.answer import answer_routine_question
from intents.statistics.answers import answer_statistics, asks_stage_times
from intents.statistics.clarification import CLARIFY_FLOW, answer_clarification
from intents.turn import BotServices, Turn
from nlp_models.units.matcher import UnitEntry
from storage.database import session_scope
from storage.drafts import load_draft
from storage.models import ConversationDraft
from storage.people import get_or_create_person
from storage.processed_events import claim_in_session
from storage.units import list_units, units_signature

log = logging.getLogger(__name__)

DATABASE_DOWN = ("Jag kommer inte åt databasen just nu. Det du redan har berättat finns kvar – "
                 "skicka ditt senaste meddelande igen om en liten stund.")
MOVE_TO_DIRECT = ("Det här låter som en rapport. Rapporter tar vi i ett direktmeddelande, så att inget känsligt "
                  "hamnar i kanalen – jag har skrivit till dig där.")
PUBLIC_STATISTICS = "Statistik och rapporter visar jag bara i ett direktmeddelande. Skriv till mig där!"
STALE_CHOICE = ("Den här knappen hör till en rapport som redan är skickad eller avbruten, så jag gjorde ingenting. "
                "Svara på min senaste fråga i stället.")


def draft_binding(draft: ConversationDraft | None) -> str | None:
    """What a reply's choices are bound to: this draft in this revision (None: no conversation state)."""
    return f"{draft.id}:{draft.revision}" if draft is not None else None


class DialogueEngine:
    def __init__(self, services: BotServices) -> None:
        self.services = services
        self._units_seen: tuple[int, int] | None = None

    def refresh_units(self, session) -> bool:
        """Units live in the database: pick up units added since the last message (True if any were)."""
        signature = units_signature(session=session)
        if signature == self._units_seen:
            return False
        self.services.nlu.set_units(UnitEntry(u.name, tuple(u.aliases)) for u in list_units(session=session))
        self._units_seen = signature
        return True

    def handle(self, message: IncomingMessage) -> list[Reply]:
        """The replies to one message; none for a message handled before (see `once_keys`)."""
        message = replace(message, text=without_control_characters(message.text))
        # Understood before the transaction, so the database is not held while the NLU reads
        # (SQLite has one writer at a time); read again below if the units changed meanwhile.
        understood = self.services.nlu.understand(message.text, message.at) if self._units_seen else None
        try:
            with session_scope(self.services.engine) as session:
                if message.once_keys and not claim_in_session(session=session, keys=message.once_keys):
                    return []
                units_changed = self.refresh_units(session)
                person = get_or_create_person(session=session, platform_user_id=message.user_id,
                                              display_name=message.display_name)
                turn = Turn(message=message, session=session, person=person, services=self.services,
                            _understanding=None if units_changed else understood)
                if message.bound_to is not None and message.bound_to != self._binding(turn):
                    return [Reply(STALE_CHOICE)]  # a button of an earlier state: touch nothing
                replies = self._route(turn)
                self._bind_choices(turn, replies)
        except SQLAlchemyError:
            log.exception("database error while handling a message")
            return [Reply(DATABASE_DOWN)]
        if turn.outbox:  # queued in the turn's transaction, which has now committed
            deliver_after_turn(self.services, message.at)
        return replies

    @staticmethod
    def _binding(turn: Turn) -> str | None:
        return draft_binding(load_draft(session=turn.session, user_key=turn.message.user_id,
                                        thread_key=turn.message.thread_key))

    def _bind_choices(self, turn: Turn, replies: list[Reply]) -> None:
        """Choices answer the conversation as it stands after this turn; a click on them later is
        accepted only while it still stands so."""
        if any(r.choices for r in replies):
            binding = self._binding(turn)
            for reply in replies:
                if reply.choices:
                    reply.bound_to = binding

    def _route(self, turn: Turn) -> list[Reply]:
        if turn.message.channel == ChannelKind.PUBLIC:
            return self._public(turn)
        draft = load_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key)
        flow = draft.state.get("flow") if draft else None
        if flow == "report":
            return continue_report(turn, draft.state, draft.updated_at, answer_question=self._answer_question,
                                   answer_fresh=self._fresh)
        if flow == CLARIFY_FLOW:
            return answer_clarification(turn, draft.state, answer_fresh=self._fresh)
        if flow == HANDLING_FLOW:
            return continue_proposal(turn, draft.state, draft.updated_at, answer_fresh=self._fresh)
        return self._fresh(turn)

    @staticmethod
    def _in_report(turn: Turn) -> bool:
        draft = load_draft(session=turn.session, user_key=turn.message.user_id, thread_key=turn.message.thread_key)
        return draft is not None and draft.state.get("flow") == "report"

    def _public(self, turn: Turn) -> list[Reply]:
        """In a channel: never echo report content; questions that reveal no report data are fine."""
        intent = turn.understand().intent
        if intent == "report":
            return [Reply(MOVE_TO_DIRECT, move_to_direct=True, private=True)]
        if (intent in ("count", "indicator") or asks_for_own_reports(turn.text) or handles(turn.text)
                or asks_for_more(turn.text) or asks_stage_times(turn.text) or asks_for_reminders(turn.text)):
            return [Reply(PUBLIC_STATISTICS, private=True)]
        return self._answer_question(turn)

    def _fresh(self, turn: Turn) -> list[Reply]:
        if clean(turn.text) in CANCEL_WORDS:
            return [Reply("Det finns inget pågående att avbryta.")]
        if not turn.text.strip():
            return [Reply(help_text(turn.person.role))]
        if asks_for_more(turn.text):
            return [show_more(turn)]
        if asks_for_own_reports(turn.text) and not find_reference(turn.text):
            return answer_own_reports(turn)
        if asks_stage_times(turn.text) and not find_reference(turn.text):
            return answer_statistics(turn)
        if asks_for_reminders(turn.text):
            return answer_reminders(turn)
        if asks_who_am_i(turn.text) and not find_reference(turn.text):
            return answer_who_am_i(turn)
        if handles(turn.text) and not reports_event_citing_reference(turn):
            return answer_handling(turn)  # it checks the role and refuses politely
        if asks_for_own_reports(turn.text):
            return answer_own_reports(turn)
        followed = follow_up(turn, opens_report=self._opens_report, tells_of_event=tells_of_event,
                             asks=lambda t: asks_something(t.text))
        if followed is not None:  # about the report the handler has open: "status utreds", "återkoppling: …"
            return followed
        if turn.understand().intent == "report" or tells_of_event(turn):
            return start_report(turn)
        if opens_report(turn, turn.text):  # "ett fall i natt": a report, what happened is asked first
            return start_report(turn, opener=True)
        core = without_preamble(turn, turn.text)  # "hej, jag jobbar natt på Solgården. bru ramlade …"
        if core and core != turn.text.strip() and (
                turn.understand(core).intent == "report" or tells_of_event(turn, core) or opens_report(turn, core)):
            return start_report(turn, opener=opens_report(turn, core))  # it leaves the greeting out
        return self._answer_question(turn)

    @staticmethod
    def _opens_report(turn: Turn) -> bool:
        """Words that begin a report without telling a follow-up ("jag vill rapportera en avvikelse", "ett
        fall i natt"), also after a greeting."""
        if opens_report(turn, turn.text) or content_words(turn.text) < 3:
            return True
        core = without_preamble(turn, turn.text)
        return bool(core) and core != turn.text.strip() and opens_report(turn, core)

    def _answer_question(self, turn: Turn) -> list[Reply]:
        intent = turn.understand().intent
        if asks_stage_times(turn.text):
            intent = "count"
        if asks_for_own_reports(turn.text) and turn.message.channel == ChannelKind.DIRECT:
            return answer_own_reports(turn)
        if intent == "count":
            in_report = turn.message.channel == ChannelKind.DIRECT and self._in_report(turn)
            return answer_statistics(turn, can_clarify=not in_report)
        if intent == "routine":
            return [Reply(answer_routine_question(self.services.routine_search, turn.text))]
        if intent == "indicator":
            return answer_indicator(turn)
        return [Reply(help_text(turn.person.role))]
