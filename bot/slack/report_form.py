"""The report modal behind /avvikelse, /synpunkt and the message shortcut: prefilled by the NLU,
validated per field in Swedish, and saved exactly like the chat flow (a `ReportDraft` through
`submission.submit`). The confirmation to the reporter is queued in the outbox in the report's own
transaction, like the alerts: the form is answered without waiting for any Web API call."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk.models.blocks import (
    Block,
    DatePickerElement,
    InputBlock,
    Option,
    PlainTextInputElement,
    PlainTextObject,
    StaticSelectElement,
    TimePickerElement,
)
from slack_sdk.models.views import View
from sqlmodel import Session

from bot.slack.blocks import context, cut
from bot.slack.deps import SlackDeps
from intents.delivery import deliver_after_turn
from intents.messages import IncomingMessage, Reply, without_control_characters
from intents.report_dialogue.draft import ReportDraft
from intents.report_dialogue.name_check import CHOICES as NAME_CHOICES
from intents.report_dialogue.name_check import names_in, quoted
from intents.report_dialogue.name_check import question as name_question
from intents.report_dialogue.questions import AREA_LABELS, CONSEQUENCE_CHOICES, CONTACT_CHOICES, GIVER_CHOICES
from intents.report_dialogue.submission import submit
from intents.turn import Turn
from nlp_models.personal_data.names import PLACEHOLDER, replace_names
from storage.database import session_scope
from storage.people import get_or_create_person, units_of
from storage.processed_events import claim_in_session
from storage.units import list_units
from storage.vocabulary import MessageKind, UnitRelation

log = logging.getLogger(__name__)
STOCKHOLM = ZoneInfo("Europe/Stockholm")
CALLBACK_ID = "report_form"
VALUE = "value"  # the action_id of every input in the form
NAMES_BLOCK = "names"
DESCRIPTION_MAX = 3000
ACTION_MAX = 500
SELECT_LIMIT = 100  # StaticSelectElement.options_max_length
FUTURE_SLACK = timedelta(minutes=5)
KINDS = ("avvikelse", "synpunkt")
TITLES = {"avvikelse": "Ny avvikelse", "synpunkt": "Ny synpunkt"}
STAFF_INJURY_ERROR = ("Det låter som att personal har skadats (tillbud eller arbetsskada). Det rapporteras i "
                      "arbetsmiljösystemet – prata med din chef.")
SAVE_FAILED = "Det gick inte att spara just nu. Försök igen om en liten stund."
MASKED_NOTE = ("Jag tog bort personuppgifter (t.ex. personnummer eller telefonnummer) ur texten – "
               "sådant sparas aldrig.")


@dataclass
class Prefill:
    description: str = ""
    area: str | None = None
    unit: str | None = None
    day: date | None = None
    clock: time | None = None
    consequence: str | None = None
    immediate_action: str | None = None
    given_by: str | None = None
    contact_wanted: str | None = None


@dataclass
class FormValues:
    kind: str
    description: str = ""
    area: str | None = None
    unit: str | None = None
    day: date | None = None
    clock: time | None = None
    consequence: str | None = None
    immediate_action: str | None = None
    given_by: str | None = None
    contact_wanted: str | None = None
    names_choice: str | None = None  # the answer to the names question, once it was asked
    errors: dict[str, str] = field(default_factory=dict)

    def occurred_at(self) -> datetime | None:
        if self.day is None or self.clock is None:
            return None
        return datetime.combine(self.day, self.clock, tzinfo=STOCKHOLM)


def refresh_units(deps: SlackDeps, session: Session) -> None:
    """The engine keeps the NLU's unit list in step with the database; do the same before we use it."""
    deps.dialogue.refresh_units(session)


# ---------------------------------------------------------------- opening


def prefill_from_text(deps: SlackDeps, user_id: str, text: str, now: datetime) -> tuple[Prefill, list[str]]:
    """What the NLU finds in the command text, and the unit names to choose from."""
    with session_scope(deps.db) as session:
        refresh_units(deps, session)
        unit_names = [u.name for u in list_units(session=session)]
        person = get_or_create_person(session=session, platform_user_id=user_id)
        home = units_of(session=session, person=person, relation=UnitRelation.MEMBER)
    prefill = Prefill(unit=home[0].name if len(home) == 1 else None)
    local_now = now.astimezone(STOCKHOLM)
    prefill.day = local_now.date()
    if not text.strip():
        return prefill, unit_names
    understanding = deps.services.nlu.understand(text, now)
    report = understanding.report
    prefill.description = report.masked_text.strip()
    prefill.area = report.area
    prefill.unit = understanding.unit or prefill.unit
    if understanding.occurred_at is not None:
        local = understanding.occurred_at.astimezone(STOCKHOLM)
        prefill.day, prefill.clock = local.date(), local.time().replace(second=0, microsecond=0)
    prefill.consequence = report.consequence
    prefill.immediate_action = report.immediate_action
    return prefill, unit_names


def _options(pairs: list[tuple[str, str]]) -> list[Option]:
    return [Option(value=value, label=cut(label, 75)) for label, value in pairs]


def _select(block_id: str, label: str, pairs: list[tuple[str, str]], initial: str | None,
            placeholder: str, optional: bool = False) -> InputBlock:
    options = _options(pairs)
    chosen = next((o for o in options if o.value == initial), None)
    return InputBlock(
        block_id=block_id, label=PlainTextObject(text=label), optional=optional,
        element=StaticSelectElement(action_id=VALUE, placeholder=PlainTextObject(text=placeholder),
                                    options=options, initial_option=chosen),
    )


def _text_input(block_id: str, label: str, initial: str | None, *, multiline: bool, max_length: int,
                placeholder: str, optional: bool = False, hint: str | None = None) -> InputBlock:
    return InputBlock(
        block_id=block_id, label=PlainTextObject(text=label), optional=optional,
        hint=PlainTextObject(text=hint) if hint else None,
        element=PlainTextInputElement(action_id=VALUE, multiline=multiline, max_length=max_length,
                                      initial_value=cut(initial, max_length) if initial else None,
                                      placeholder=PlainTextObject(text=placeholder)),
    )


def build_modal(kind: str, prefill: Prefill, unit_names: list[str], channel_id: str = "",
                names: list[str] | None = None) -> dict[str, Any]:
    """The form; with `names`, the same form again with the names question under the text."""
    synpunkt = kind == "synpunkt"
    blocks: list[Block] = [
        context("Beskriv händelsen, inte personen. Skriv inga namn eller personnummer."),
        _text_input("description", "Synpunkten" if synpunkt else "Vad hände?", prefill.description,
                    multiline=True, max_length=DESCRIPTION_MAX,
                    placeholder="Vad gällde det?" if synpunkt else "T.ex. brukare hittad på golvet i badrummet"),
    ]
    if names:
        blocks.append(_select(NAMES_BLOCK, cut(name_question(names), 2000),
                              [(c.label, c.value) for c in NAME_CHOICES], None, "Välj"))
    blocks += [
        _select("area", "Område", [(label, area) for area, label in AREA_LABELS.items()],
                prefill.area or "övrigt", "Välj område"),
    ]
    if unit_names and len(unit_names) <= SELECT_LIMIT:
        blocks.append(_select("unit", "Enhet", [(n, n) for n in unit_names], prefill.unit, "Välj enhet"))
    else:
        blocks.append(_text_input("unit", "Enhet", prefill.unit, multiline=False, max_length=120,
                                  placeholder="Enhetens namn"))
    blocks += [
        InputBlock(block_id="date", label=PlainTextObject(text="Datum"),
                   element=DatePickerElement(action_id=VALUE, placeholder=PlainTextObject(text="Välj datum"),
                                             initial_date=prefill.day.isoformat() if prefill.day else None)),
        InputBlock(block_id="time", label=PlainTextObject(text="Klockslag"),
                   element=TimePickerElement(action_id=VALUE, placeholder=PlainTextObject(text="Välj klockslag"),
                                             initial_time=prefill.clock.strftime("%H:%M") if prefill.clock else None,
                                             timezone="Europe/Stockholm")),
    ]
    if synpunkt:
        blocks += [
            _select("given_by", "Vem lämnade synpunkten?", [(c.label, c.value) for c in GIVER_CHOICES],
                    prefill.given_by, "Välj"),
            _select("contact", "Vill hen bli kontaktad?", [(c.label, c.value) for c in CONTACT_CHOICES],
                    prefill.contact_wanted, "Välj"),
        ]
    else:
        blocks += [
            _select("consequence", "Konsekvens", [(c.label, c.value) for c in CONSEQUENCE_CHOICES],
                    prefill.consequence, "Blev det någon skada?"),
            _text_input("action", "Vad gjorde ni direkt?", prefill.immediate_action, multiline=False,
                        max_length=ACTION_MAX, placeholder="T.ex. ssk kontaktad", optional=True),
        ]
    view = View(
        type="modal", callback_id=CALLBACK_ID, title=PlainTextObject(text=TITLES[kind]),
        submit=PlainTextObject(text="Skicka"), close=PlainTextObject(text="Avbryt"),
        private_metadata=json.dumps({"kind": kind, "channel": channel_id}),
        blocks=blocks,
    )
    return view.to_dict()


# ---------------------------------------------------------------- submitting


def _metadata(view: dict[str, Any]) -> dict[str, Any]:
    try:
        metadata = json.loads(view.get("private_metadata") or "{}")
    except json.JSONDecodeError:
        return {}
    return metadata if isinstance(metadata, dict) else {}


def form_kind(view: dict[str, Any]) -> str:
    kind = _metadata(view).get("kind")
    return kind if kind in KINDS else "avvikelse"


def form_channel(view: dict[str, Any]) -> str:
    channel = _metadata(view).get("channel")
    return channel if isinstance(channel, str) else ""


def _value(values: dict[str, Any], block_id: str) -> dict[str, Any]:
    block = values.get(block_id) or {}
    return block.get(VALUE) or {}


def _selected(values: dict[str, Any], block_id: str) -> str | None:
    element = _value(values, block_id)
    if element.get("type") == "plain_text_input":
        return (element.get("value") or "").strip() or None
    option = element.get("selected_option") or {}
    return option.get("value") or None


def read_form(view: dict[str, Any]) -> FormValues:
    values = (view.get("state") or {}).get("values") or {}
    form = FormValues(kind=form_kind(view))
    form.description = without_control_characters(_value(values, "description").get("value") or "").strip()
    form.area = _selected(values, "area")
    form.unit = _selected(values, "unit")
    try:
        raw_day = _value(values, "date").get("selected_date")
        form.day = date.fromisoformat(raw_day) if raw_day else None
    except ValueError:
        form.errors["date"] = "Datumet går inte att läsa. Välj det i kalendern."
    try:
        raw_time = _value(values, "time").get("selected_time")
        form.clock = time.fromisoformat(raw_time) if raw_time else None
    except ValueError:
        form.errors["time"] = "Klockslaget går inte att läsa. Välj det i listan."
    form.consequence = _selected(values, "consequence")
    form.immediate_action = without_control_characters(_value(values, "action").get("value") or "").strip() or None
    form.given_by = _selected(values, "given_by")
    form.contact_wanted = _selected(values, "contact")
    form.names_choice = _selected(values, NAMES_BLOCK)
    return form


def names_question(deps: SlackDeps, form: FormValues, unit_names: list[str], channel_id: str) -> dict[str, Any] | None:
    """The form again with the names question, when the texts hold what looks like a name and the
    question was not answered yet (as in the chat: asked once, the writer decides); else None."""
    if form.names_choice is not None:
        return None
    names = names_in(deps.services, form.description, form.immediate_action)
    if not names:
        return None
    prefill = Prefill(description=form.description, area=form.area, unit=form.unit, day=form.day,
                      clock=form.clock, consequence=form.consequence, immediate_action=form.immediate_action,
                      given_by=form.given_by, contact_wanted=form.contact_wanted)
    return build_modal(form.kind, prefill, unit_names, channel_id, names=names)


def apply_names_choice(deps: SlackDeps, form: FormValues) -> list[str]:
    """A yes replaces the names with [namn] in both texts; the names replaced."""
    if form.names_choice != "ja":
        return []
    names = names_in(deps.services, form.description, form.immediate_action)
    form.description = replace_names(form.description, names)
    if form.immediate_action:
        form.immediate_action = replace_names(form.immediate_action, names)
    return names


def validate(deps: SlackDeps, form: FormValues, now: datetime) -> dict[str, str]:
    """Swedish errors per block id; empty when the form can be saved."""
    errors = dict(form.errors)
    synpunkt = form.kind == "synpunkt"
    if not form.description:
        errors["description"] = "Beskriv kort vad synpunkten gäller." if synpunkt else "Beskriv kort vad som hände."
    elif len(form.description.split()) < 3:
        errors["description"] = "Skriv lite mer – några ord räcker."
    elif len(form.description) > DESCRIPTION_MAX:
        errors["description"] = f"Texten är för lång – högst {DESCRIPTION_MAX} tecken."
    elif not synpunkt and deps.services.nlu.understand(form.description, now).report.staff_injury:
        errors["description"] = STAFF_INJURY_ERROR
    if form.area not in AREA_LABELS:
        errors["area"] = "Välj ett område."
    if not form.unit:
        errors["unit"] = "Välj enhet."
    else:
        match = deps.services.nlu.units.lookup(form.unit)
        if match is None:
            suggestions = deps.services.nlu.units.suggest(form.unit)
            errors["unit"] = (f"Jag hittar ingen enhet som heter så. Menar du {' eller '.join(suggestions)}?"
                              if suggestions else "Jag hittar ingen enhet som heter så.")
        else:
            form.unit = match.name
    if form.day is None and "date" not in errors:
        errors["date"] = "Välj datum."
    if form.clock is None and "time" not in errors:
        errors["time"] = "Välj klockslag."
    moment = form.occurred_at()
    if moment is not None and moment > now + FUTURE_SLACK:
        key = "date" if form.day > now.astimezone(STOCKHOLM).date() else "time"
        errors[key] = "Tiden ligger i framtiden. När hände det?"
    if synpunkt:
        if form.given_by not in {c.value for c in GIVER_CHOICES}:
            errors["given_by"] = "Välj vem som lämnade synpunkten."
        if form.contact_wanted not in {c.value for c in CONTACT_CHOICES}:
            errors["contact"] = "Välj om hen vill bli kontaktad."
    else:
        if form.consequence not in {c.value for c in CONSEQUENCE_CHOICES}:
            errors["consequence"] = "Välj om det blev någon skada."
        if form.immediate_action and len(form.immediate_action) > ACTION_MAX:
            errors["action"] = f"Högst {ACTION_MAX} tecken."
    return errors


@dataclass
class Saved:
    reply: Reply | None  # None: the database refused
    duplicate: bool = False
    masked: bool = False


def receipt_text(reply: Reply, masked: bool, replaced_names: list[str] | None = None) -> str:
    notes = [MASKED_NOTE] if masked else []
    if replaced_names:
        notes.append(f"Jag bytte ut {quoted(replaced_names)} mot {PLACEHOLDER}.")
    return "\n\n".join([*notes, reply.text])


def save_form(deps: SlackDeps, user_id: str, form: FormValues, now: datetime, submission_key: str,
              replaced_names: list[str] | None = None) -> Saved:
    """A validated form as a report, through the same `submit` as the chat flow. The receipt and any
    alerts are queued with the report and delivered once it has committed."""
    analysis = deps.services.nlu.understand(form.description, now).report
    action = form.immediate_action
    if action:
        action = deps.services.nlu.understand(action, now).report.masked_text.strip() or None
    occurred = form.occurred_at()
    draft = ReportDraft(
        kind=form.kind,
        area=form.area or "övrigt",
        area_evidence=list(analysis.evidence) if analysis.area == form.area else [],
        area_confirmed=True,
        secondary_areas=[a for a in analysis.secondary_areas if a != form.area],
        unit=form.unit,
        occurred_at=occurred.isoformat() if occurred else None,
        consequence=form.consequence if form.kind == "avvikelse" else None,
        immediate_action=action if form.kind == "avvikelse" else None,
        action_answered=True,
        description=analysis.masked_text.strip(),
        names_asked=True,  # the form asks before it is sent (names_question)
        severe=analysis.severe,
        lex_sarah=analysis.lex_sarah,
        lex_maria=analysis.lex_maria,
        given_by=form.given_by if form.kind == "synpunkt" else None,
        contact_wanted=form.contact_wanted if form.kind == "synpunkt" else None,
        contact_answered=form.kind == "synpunkt",
        started_at=now.isoformat(),
    )
    message = IncomingMessage(user_id=user_id, text=draft.description, at=now, source="slack")
    with session_scope(deps.db) as session:
        if not claim_in_session(session=session, keys=[submission_key]):
            return Saved(reply=None, duplicate=True)
        person = get_or_create_person(session=session, platform_user_id=user_id)
        turn = Turn(message=message, session=session, person=person, services=deps.services)
        reply = submit(turn, draft)
        if reply is None:
            session.rollback()  # the claim goes too, so the user can submit again
            return Saved(reply=None)
        masked = bool(analysis.masked_kinds)
        turn.notify(kind=MessageKind.REPLY, recipient=user_id, text=receipt_text(reply, masked, replaced_names),
                    dedupe_key=f"reply:{submission_key}")
    deliver_after_turn(deps.services, now)
    return Saved(reply=reply, masked=masked)
