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
from sqlmodel import Session, select

from bot.slack.blocks import context, cut, escape, section
from bot.slack.deps import SlackDeps
from intents.report_dialogue.questions import AREA_LABELS
from intents.swedish_dates import format_moment
from storage.access_log import log_access
from storage.database import session_scope
from storage.indicators.definitions import list_indicator_definitions
from storage.indicators.values import value_series_by_indicator
from storage.models import Person, Report, ReportUpdate, Unit
from storage.people import get_or_create_person, units_of
from storage.report_counts import CountFilter, count_by_area
from storage.reports import get_report, reports_by_reporter, update_report
from storage.timestamps import to_stockholm
from storage.vocabulary import ReportStatus, Role, UnitRelation

log = logging.getLogger(__name__)

NEW_REPORT_ACTIONS = {"avvikelse": "home_new_avvikelse", "synpunkt": "home_new_synpunkt"}  # unique per block
ASSESS_ACTION = "home_start_assessment"
MAX_LISTED = 10
STATUS_TEXT = {"ny": "ny – inte hanterad ännu", "utreds": "utreds", "åtgärdad": "åtgärdad", "avslutad": "avslutad"}
ROLE_TEXT = {"personal": "personal", "sjuksköterska": "sjuksköterska", "chef": "chef", "mas": "MAS", "sas": "SAS",
             "admin": "admin"}
STALE_REPORT = ("Rapporten {reference} har ändrats sedan fliken visades, så jag gjorde ingenting. "
                "Fliken är uppdaterad – titta igen.")


def report_version(report: Report) -> str:
    """What a button on the Home tab is bound to: the report as it was when the tab was drawn."""
    return report.updated_at.isoformat()


def assess_value(report: Report) -> str:
    return json.dumps({"r": report.reference, "v": report_version(report)}, separators=(",", ":"))


def read_assess_value(raw: str) -> tuple[str, str | None]:
    """(reference, version); a bare reference (a tab drawn before versions) has none."""
    try:
        data = json.loads(raw)
    except ValueError:
        return raw, None
    if isinstance(data, dict) and isinstance(data.get("r"), str):
        return data["r"], data.get("v") if isinstance(data.get("v"), str) else None
    return raw, None


def _button(label: str, action_id: str, value: str, style: str | None = None) -> ButtonElement:
    return ButtonElement(text=PlainTextObject(text=cut(label, 75)), action_id=action_id, value=value, style=style)


def _report_line(report: Report, unit_name: str | None, now: datetime) -> str:
    area = AREA_LABELS.get(report.area, report.area)
    where = f", {unit_name}" if unit_name else ""
    flags = " ⚠️ allvarlig" if report.severe else ""
    text = (f"*{escape(report.reference)}* – {escape(area)}{escape(where)}, {format_moment(report.occurred_at, now)}: "
            f"{escape(STATUS_TEXT.get(report.status, report.status))}{flags}\n"
            f"{escape(cut(report.description, 200))}")
    return text


def _unit_names(session: Session, reports: list[Report]) -> dict[int, str]:
    ids = {r.unit_id for r in reports}
    if not ids:
        return {}
    return {u.id: u.name for u in session.exec(select(Unit).where(Unit.id.in_(ids)))}  # type: ignore[union-attr]


def _staff_blocks(session: Session, person: Person, now: datetime) -> list[Block]:
    reports = reports_by_reporter(session=session, reporter_id=person.id, limit=MAX_LISTED)
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text="Mina senaste rapporter"))]
    if not reports:
        return blocks + [section("Du har inte rapporterat något via mig ännu.")]
    names = _unit_names(session, reports)
    for report in reports:
        line = _report_line(report, names.get(report.unit_id), now)
        if report.feedback:
            line += f"\n_Återkoppling:_ {escape(cut(report.feedback, 500))}"
        blocks.append(section(line))
    return blocks


def _chef_blocks(session: Session, person: Person, now: datetime) -> list[Block]:
    units = units_of(session=session, person=person, relation=UnitRelation.MANAGER)
    blocks: list[Block] = [HeaderBlock(text=PlainTextObject(text="Nya rapporter i mina enheter"))]
    if not units:
        return blocks + [section("Du är inte kopplad som chef till någon enhet ännu. Be en administratör om det.")]
    query = (select(Report).where(Report.unit_id.in_([u.id for u in units]),  # type: ignore[union-attr]
                                  Report.status == ReportStatus.NY.value, Report.assessed_at.is_(None))  # type: ignore[union-attr]
             .order_by(Report.reported_at.desc()).limit(MAX_LISTED))  # type: ignore[attr-defined]
    reports = list(session.exec(query))
    if not reports:
        return blocks + [section(f"Inga nya, obedömda rapporter i {escape(', '.join(u.name for u in units))}. 👍")]
    names = _unit_names(session, reports)
    for report in reports:
        blocks.append(SectionBlock(
            text=section(_report_line(report, names.get(report.unit_id), now)).text,
            accessory=_button("Börja utreda", ASSESS_ACTION, assess_value(report)),
        ))
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
    blocks.append(HeaderBlock(text=PlainTextObject(text="Allvarliga händelser")))
    since = now - timedelta(days=30)
    severe = list(session.exec(
        select(Report).where(Report.severe.is_(True), Report.reported_at >= since,  # type: ignore[attr-defined]
                             Report.status != ReportStatus.AVSLUTAD.value)
        .order_by(Report.reported_at.desc()).limit(MAX_LISTED)))  # type: ignore[attr-defined]
    if severe:
        names = _unit_names(session, severe)
        blocks += [section(_report_line(r, names.get(r.unit_id), now)) for r in severe]
    else:
        blocks.append(section("Inga öppna allvarliga händelser de senaste 30 dagarna."))
    off = _off_target(session)
    if off:
        blocks.append(HeaderBlock(text=PlainTextObject(text="Indikatorer utanför målet")))
        blocks.append(section("\n".join(off)))
    return blocks


REPORT_VIEWING_ROLES = (Role.CHEF.value, Role.MAS.value, Role.ADMIN.value)


def home_view(session: Session, person: Person, now: datetime) -> dict:
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
    if role in (Role.MAS.value, Role.ADMIN.value):
        blocks += _mas_blocks(session, now)
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
        view = home_view(session, person, now)
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
