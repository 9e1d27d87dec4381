"""The App Home tab per role — staff: my recent reports; chef: new reports in my units;
MAS: this week by area, severe reports and indicators off target."""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta

from slack_sdk import WebClient
from slack_sdk.models.blocks import (
    ActionsBlock,
    Block,
    ButtonElement,
    DividerBlock,
    HeaderBlock,
    PlainTextObject,
    SectionBlock,
)
from slack_sdk.models.views import View
from sqlmodel import Session

from bot.slack.blocks import context, cut, escape, section
from bot.slack.deps import SlackDeps
from intents.report_dialogue.questions import AREA_LABELS
from intents.reminders.selection import LEX_MARIA, LEX_SARAH, NEW, NO_FEEDBACK, select_reminders
from intents.reminders.text import waited
from intents.report_handling.report_text import queue_line
from intents.swedish_dates import format_moment, format_occurred
from storage.access_log import log_access
from storage.database import session_scope
from storage.indicators.definitions import list_indicator_definitions
from storage.indicators.values import value_series_by_indicator
from storage.models import Person, Report, ReportUpdate
from storage.people import get_or_create_person, units_of
from storage.report_counts import CountFilter, count_by_area
from storage.report_queries import Queue, QueuedReport, queued_reports, reports_by_reporter
from storage.reports import get_report, update_report
from storage.timestamps import to_stockholm
from storage.vocabulary import ReportStatus, Role, UnitRelation

log = logging.getLogger(__name__)

NEW_REPORT_ACTIONS = {"avvikelse": "home_new_avvikelse", "synpunkt": "home_new_synpunkt"}  # unique per block
ASSESS_ACTION = "home_start_assessment"
MAX_LISTED = 10
STATUS_TEXT = {"ny": "ny – inte hanterad ännu", "utreds": "utreds", "åtgärdad": "åtgärdad", "avslutad": "avslutad"}
ROLE_TEXT = {"personal": "personal", "sjuksköterska": "sjuksköterska", "chef": "chef", "mas": "MAS", "sas": "SAS",
             "admin": "admin"}
# Buttons that stand for a message to the bot ("AV-… lex maria: anmäls till IVO"); one id per purpose,
# so the ids in one block are unique
SAY_ACTIONS = {"open": "home_say_open", "lex_report": "home_say_lex_report",
               "lex_not_reportable": "home_say_lex_not_reportable"}
WAITING_WHY = {NEW: "ny, ingen har börjat", NO_FEEDBACK: "åtgärdad utan återkoppling",
               LEX_MARIA: "möjlig lex Maria, ej bedömd", LEX_SARAH: "möjlig lex Sarah, ej bedömd"}
STALE_REPORT = ("Rapporten {reference} har ändrats sedan fliken visades, så jag gjorde ingenting. "
                "Fliken är uppdaterad – titta igen.")


def report_version(report: Report) -> str:
    """What a button on the Home tab is bound to: the report as it was when the tab was drawn."""
    return report.updated_at.isoformat()


def bound_value(reference: str, version: str | None, say: str | None = None) -> str:
    """A Home tab button's value: the report and its version when the tab was drawn (none for a
    button that only shows it) and, for a button that stands for a message, what it says."""
    data = {"r": reference}
    if version is not None:
        data["v"] = version
    if say is not None:
        data["t"] = say
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def assess_value(report: Report) -> str:
    return bound_value(report.reference, report_version(report))


def read_bound_value(raw: str) -> tuple[str, str | None, str | None]:
    """(reference, version, what it says); a bare reference (a tab drawn before versions) has neither."""
    try:
        data = json.loads(raw)
    except ValueError:
        return raw, None, None
    if isinstance(data, dict) and isinstance(data.get("r"), str):
        version = data.get("v") if isinstance(data.get("v"), str) else None
        say = data.get("t") if isinstance(data.get("t"), str) else None
        return data["r"], version, say
    return raw, None, None


def read_assess_value(raw: str) -> tuple[str, str | None]:
    reference, version, _ = read_bound_value(raw)
    return reference, version


def _button(label: str, action_id: str, value: str, style: str | None = None) -> ButtonElement:
    return ButtonElement(text=PlainTextObject(text=cut(label, 75)), action_id=action_id, value=value, style=style)


def _report_line(report: Report, unit_name: str | None, now: datetime) -> str:
    area = AREA_LABELS.get(report.area, report.area)
    where = f", {unit_name}" if unit_name else ""
    flags = " ⚠️ allvarlig" if report.severe else ""
    when = format_occurred(report.occurred_at, report.occurred_precision, now)
    text = (f"*{escape(report.reference)}* – {escape(area)}{escape(where)}, {when}: "
            f"{escape(STATUS_TEXT.get(report.status, report.status))}{flags}\n"
            f"{escape(cut(report.description, 200))}")
    return text


def _queued_line(item: QueuedReport, now: datetime) -> str:
    """A report of a queue as one section: what, where, how old, flags, the start of the description."""
    return escape(queue_line(item, now).lstrip("• ")).replace(escape(item.reference), f"*{escape(item.reference)}*", 1)


def _staff_blocks(session: Session, person: Person, now: datetime) -> list[Block]:
    rows, _ = reports_by_reporter(session=session, reporter_id=person.id, limit=MAX_LISTED)
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text="Mina senaste rapporter"))]
    if not rows:
        return blocks + [section("Du har inte rapporterat något via mig ännu.")]
    for report, unit_name in rows:
        line = _report_line(report, unit_name, now)
        if report.action:
            line += f"\n_Åtgärd:_ {escape(cut(report.action, 500))}"
        if report.feedback:
            line += f"\n_Återkoppling:_ {escape(cut(report.feedback, 500))}"
        blocks.append(section(line))
    blocks.append(context("Skriv ”hur gick det med AV-…” till mig för att se mer om en rapport."))
    return blocks


def _say_button(label: str, purpose: str, item: QueuedReport, text: str, style: str | None = None) -> ButtonElement:
    """A button that does what typing `text` to the bot would do, while the report is as shown; the
    answer comes as a direct message."""
    return _button(label, SAY_ACTIONS[purpose], bound_value(item.reference, item.version, text), style=style)


def _open_button(reference: str) -> ButtonElement:
    """Shows the report as "AV-…" typed would: it changes nothing, so it is not bound to a version."""
    return _button("Öppna", SAY_ACTIONS["open"], bound_value(reference, None, reference))


def _queue_blocks(session: Session, title: str, queue: Queue, unit_ids, now: datetime, empty: str,
                  buttons) -> list[Block]:
    """A header and the first reports of a queue; one button goes beside a report, several under it."""
    page = queued_reports(session=session, queue=queue, unit_ids=unit_ids, limit=MAX_LISTED)
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text=title))]
    if not page.total:
        return blocks + [section(empty)]
    for item in page.reports:
        elements = buttons(item)
        if len(elements) == 1:
            blocks.append(SectionBlock(text=section(_queued_line(item, now)).text, accessory=elements[0]))
        else:
            blocks.append(section(_queued_line(item, now)))
            blocks.append(ActionsBlock(elements=elements))
    if page.total > len(page.reports):
        blocks.append(context(f"… och {page.total - len(page.reports)} till. Skriv till mig för hela listan."))
    return blocks


def _chef_blocks(session: Session, person: Person, now: datetime) -> list[Block]:
    units = units_of(session=session, person=person, relation=UnitRelation.MANAGER)
    if not units:
        return [HeaderBlock(text=PlainTextObject(text="Nya rapporter i mina enheter")),
                section("Du är inte kopplad som chef till någon enhet ännu. Be en administratör om det.")]
    unit_ids = [u.id for u in units]
    names = escape(", ".join(u.name for u in units))
    blocks = _queue_blocks(
        session, "Nya rapporter i mina enheter", Queue.NEW, unit_ids, now,
        f"Inga nya rapporter i {names}. 👍",
        lambda item: [_button("Börja utreda", ASSESS_ACTION, bound_value(item.reference, item.version))])
    sarah = queued_reports(session=session, queue=Queue.LEX_SARAH, unit_ids=unit_ids, limit=MAX_LISTED)
    if sarah.total:
        blocks += _queue_blocks(session, "Möjliga lex Sarah att bedöma", Queue.LEX_SARAH, unit_ids, now, "",
                                lambda item: [_open_button(item.reference)])
        blocks.append(context("Bedöm med t.ex. ”AV-… lex sarah: påtaglig risk för missförhållande, "
                              "ej anmälningspliktig” i ett meddelande till mig."))
    return blocks


def _waiting_blocks(session: Session, person: Person, now: datetime, services) -> list[Block]:
    """What the daily reminder would say to this person right now, each with a button to open it."""
    if services is None:
        return []
    batches = select_reminders(session=session, now=now, periods=services.reminder_periods,
                               mas_user_ids=services.mas_user_ids, sas_user_ids=services.sas_user_ids)
    items = batches.get(person.platform_user_id, [])
    if not items:
        return []
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text=f"Väntar på dig ({len(items)})"))]
    for item in items[:MAX_LISTED]:
        why = WAITING_WHY[item.reason]
        blocks.append(SectionBlock(
            text=section(f"*{escape(item.waiting.reference)}* – {escape(item.waiting.area)}, "
                         f"{escape(item.waiting.unit_name)}: {why}, har väntat {waited(item.waiting.since, now)}").text,
            accessory=_open_button(item.waiting.reference)))
    if len(items) > MAX_LISTED:
        blocks.append(context(f"… och {len(items) - MAX_LISTED} till. Skriv ”påminnelser” till mig för hela listan."))
    blocks.append(DividerBlock())
    return blocks


def _lex_maria_blocks(session: Session, now: datetime) -> list[Block]:
    blocks = _queue_blocks(
        session, "Möjliga lex Maria att bedöma", Queue.LEX_MARIA, None, now,
        "Inga möjliga lex Maria väntar på bedömning.",
        lambda item: [_say_button("Anmäls till IVO", "lex_report", item, f"{item.reference} lex maria: anmäls till IVO",
                                  "danger"),
                      _say_button("Ej anmälningspliktig", "lex_not_reportable", item,
                                  f"{item.reference} lex maria: ej anmälningspliktig"),
                      _open_button(item.reference)])
    blocks.append(context("Skriv ”AV-… lex maria anmäld till IVO 2026-11-24” när anmälan är skickad, och "
                          "”AV-… berörd informerad” när den berörda vet – först då kan rapporten avslutas."))
    return blocks


def _sas_blocks(session: Session, now: datetime) -> list[Block]:
    blocks = _queue_blocks(session, "Möjliga lex Sarah att bedöma", Queue.LEX_SARAH, None, now,
                           "Inga möjliga lex Sarah väntar på bedömning.",
                           lambda item: [_open_button(item.reference)])
    blocks.append(context("Bedöm med t.ex. ”AV-… lex sarah: missförhållande, anmäld till IVO 2026-11-24” i ett "
                          "meddelande till mig. Skalan: inget missförhållande, påtaglig risk för missförhållande, "
                          "missförhållande, påtaglig risk för allvarligt missförhållande, allvarligt missförhållande."))
    return blocks


def _off_target(session: Session) -> list[str]:
    lines: list[str] = []
    series = value_series_by_indicator(session=session)
    for definition in list_indicator_definitions(session=session):
        values = series.get(definition.id)
        if definition.target is None or not values or values[-1].value is None:
            continue
        latest = values[-1]
        missed = latest.value < definition.target if definition.higher_is_better else latest.value > definition.target
        if missed:
            lines.append(f"• {escape(definition.name)}: {latest.value:g} {escape(definition.unit)} "
                         f"({escape(latest.period)}), mål {definition.target:g}")
    return lines


def _mas_blocks(session: Session, now: datetime) -> list[Block]:
    today = to_stockholm(now).date()
    monday = today - timedelta(days=today.weekday())
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text="Den här veckan"))]
    by_area = count_by_area(session=session, flt=CountFilter(kind="avvikelse", start=monday, end=today))
    if by_area:
        lines = [f"• {escape(AREA_LABELS.get(area, area))}: {n}" for area, n in by_area]
        blocks.append(section("Avvikelser per område sedan måndag:\n" + "\n".join(lines)))
    else:
        blocks.append(section("Inga avvikelser rapporterade sedan måndag."))
    blocks += _queue_blocks(session, "Allvarliga händelser", Queue.SEVERE, None, now,
                            "Inga öppna allvarliga händelser.", lambda item: [_open_button(item.reference)])
    blocks += _lex_maria_blocks(session, now)
    off = _off_target(session)
    if off:
        blocks.append(HeaderBlock(text=PlainTextObject(text="Indikatorer utanför målet")))
        blocks.append(section("\n".join(off)))
    return blocks


REPORT_VIEWING_ROLES = (Role.CHEF.value, Role.MAS.value, Role.SAS.value, Role.ADMIN.value)


def home_view(session: Session, person: Person, now: datetime, services=None) -> dict:
    role = person.role
    blocks: list[Block] = [
        section("*Hej!* Här rapporterar du avvikelser och synpunkter och ser hur det går med dem. "
                "Du kan också skriva till mig under fliken Meddelanden."),
        ActionsBlock(block_id="new_report", elements=[
            _button("Ny avvikelse", NEW_REPORT_ACTIONS["avvikelse"], "avvikelse", style="primary"),
            _button("Ny synpunkt", NEW_REPORT_ACTIONS["synpunkt"], "synpunkt"),
        ]),
        DividerBlock(),
    ]
    if role in REPORT_VIEWING_ROLES:
        blocks += _waiting_blocks(session, person, now, services)
    if role in (Role.MAS.value, Role.ADMIN.value):
        blocks += _mas_blocks(session, now)
    elif role == Role.SAS.value:
        blocks += _sas_blocks(session, now)
    elif role == Role.CHEF.value:
        blocks += _chef_blocks(session, person, now)
        blocks.append(DividerBlock())
        blocks += _staff_blocks(session, person, now)
    else:
        blocks += _staff_blocks(session, person, now)
    blocks.append(context(f"Din roll: {escape(ROLE_TEXT.get(role, role))} · uppdaterad {format_moment(now, now)}"))
    return View(type="home", blocks=blocks[:100]).to_dict()


def publish_home(client: WebClient, deps: SlackDeps, user_id: str) -> None:
    now = deps.clock()
    with session_scope(deps.db) as session:
        person = get_or_create_person(session=session, platform_user_id=user_id)
        view = home_view(session, person, now, deps.services)
        if person.role in REPORT_VIEWING_ROLES:  # their Home shows other people's reports
            log_access(session=session, user_key=user_id, role=person.role, question="(Hem-fliken öppnad)",
                       revealed=f"Hem-fliken ({ROLE_TEXT.get(person.role, person.role)})", at=now)
    client.views_publish(user_id=user_id, view=view)


def start_assessment(deps: SlackDeps, user_id: str, value: str) -> str | None:
    """A chef marks a new report in one of their units as under investigation; a problem text if not
    allowed, or if the report changed since the button was drawn (then nothing is touched)."""
    reference, version = read_assess_value(value)
    now = deps.clock()
    with session_scope(deps.db) as session:
        person = get_or_create_person(session=session, platform_user_id=user_id)
        report = get_report(session=session, reference=reference)
        managed = {u.id for u in units_of(session=session, person=person, relation=UnitRelation.MANAGER)}
        allowed = report is not None and (person.role in (Role.MAS.value, Role.ADMIN.value) or (
            person.role == Role.CHEF.value and report.unit_id in managed))
        if not allowed:  # the same words whether it does not exist or is another unit's
            return f"Jag hittar ingen rapport {reference} bland dem du kan hantera."
        if version is not None and version != report_version(report):
            return STALE_REPORT.format(reference=reference)
        update_report(session=session, report=report, changes=ReportUpdate(status=ReportStatus.UTREDS),
                      actor_id=person.id, now=now)
    return None


def say_stale(deps: SlackDeps, user_id: str, reference: str, version: str | None) -> str | None:
    """STALE_REPORT when a button bound to a version of a report is clicked after the report changed;
    told only to roles whose Home tab shows reports (to others the dialogue answers as to any text)."""
    if version is None:
        return None
    with session_scope(deps.db) as session:
        person = get_or_create_person(session=session, platform_user_id=user_id)
        report = get_report(session=session, reference=reference)
        if person.role in REPORT_VIEWING_ROLES and report is not None and version != report_version(report):
            return STALE_REPORT.format(reference=reference)
    return None
