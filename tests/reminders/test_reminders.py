"""Påminnelser: det som väntar går till den som ska göra något – en gång per person och vardag,
hur många processer som än kör, genom utkorgen: när utskicket misslyckas försöks det igen tills det
kommit fram, en gång. Körs på SQLite och PostgreSQL."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

from bot.scheduling.reminders import queue_due_reminders, todays_reminders
from bot.settings import Settings
from intents.delivery import Backoff, deliver_now
from intents.notifier import DeliveryFailed
from intents.reminders.calendar import is_working_day, working_days_back
from storage.database import make_engine, session_scope
from storage.lex_assessments import record_lex_assessment
from storage.models import ReportCreate, ReportUpdate, UnitCreate
from storage.outbox import list_messages
from storage.people import get_or_create_person, set_role
from storage.reports import create_report, get_report, update_report
from storage.timestamps import STOCKHOLM
from storage.units import create_unit, get_unit_by_name
from tests.support.recording_delivery import RecordingDelivery

WEDNESDAY = datetime(2026, 3, 11, 8, 30, tzinfo=STOCKHOLM)


@pytest.fixture
def office(engine):
    with session_scope(engine) as session:
        for name in ("Solgården", "Björkhagen", "Hemtjänst Norr"):
            create_unit(session=session, unit_in=UnitCreate(name=name))
        set_role(session=session, platform_user_id="U-chef", role="chef", unit_name="Solgården")
        set_role(session=session, platform_user_id="U-chef-bh", role="chef", unit_name="Björkhagen")
        set_role(session=session, platform_user_id="U-mas", role="mas")
        set_role(session=session, platform_user_id="U-sas", role="sas")
        get_or_create_person(session=session, platform_user_id="U-usk")
    return engine


def settings(**changes) -> Settings:
    return Settings(_env_file=None, database_url="sqlite://", **changes)


def add(engine, *, unit="Solgården", at: datetime, **fields) -> str:
    with session_scope(engine) as session:
        unit_row = get_unit_by_name(session=session, name=unit)
        report = create_report(session=session, now=at, report_in=ReportCreate(
            kind="avvikelse", area=fields.pop("area", "fall"), unit_id=unit_row.id, occurred_at=at,
            description="bru på golvet", **fields))
        return report.reference


def change(engine, reference, at: datetime, **values):
    with session_scope(engine) as session:
        update_report(session=session, report=get_report(session=session, reference=reference),
                      changes=ReportUpdate(**values), now=at)


def texts(engine, now=WEDNESDAY, **kw) -> dict[str, str]:
    return {r.recipient: r.text for r in todays_reminders(engine=engine, settings=settings(**kw), now=now)}


def test_arbetsdagar_hoppar_over_helger_och_rod_dagar():
    assert not is_working_day(datetime(2026, 3, 14).date())  # lördag
    assert not is_working_day(datetime(2026, 4, 6).date())  # annandag påsk
    assert is_working_day(datetime(2026, 4, 7).date())
    assert working_days_back(WEDNESDAY, 3) == datetime(2026, 3, 6, 8, 30, tzinfo=STOCKHOLM)  # fredag


def test_ny_rapport_efter_tre_arbetsdagar_paminner_enhetens_chef(office):
    old = add(office, at=datetime(2026, 3, 5, 22, tzinfo=STOCKHOLM))  # torsdag kväll: 3 arbetsdagar sedan i går
    fresh = add(office, at=datetime(2026, 3, 9, 10, tzinfo=STOCKHOLM))  # måndag
    bh = add(office, unit="Björkhagen", at=datetime(2026, 3, 2, 10, tzinfo=STOCKHOLM))
    found = texts(office)
    assert old in found["U-chef"] and fresh not in found["U-chef"] and bh not in found["U-chef"]
    assert bh in found["U-chef-bh"]
    assert "Nya rapporter som ingen har börjat hantera (mer än 3 arbetsdagar)" in found["U-chef"]
    assert "bru på golvet" not in found["U-chef"]  # no report text in a reminder


def test_enhet_utan_chef_paminner_mas(office):
    orphan = add(office, unit="Hemtjänst Norr", at=datetime(2026, 3, 2, 10, tzinfo=STOCKHOLM))
    assert orphan in texts(office)["U-mas"]


def test_atgardad_utan_aterkoppling_efter_sju_dagar(office):
    done = add(office, at=datetime(2026, 2, 20, 10, tzinfo=STOCKHOLM))
    change(office, done, datetime(2026, 3, 2, 10, tzinfo=STOCKHOLM), status="åtgärdad", action="sänglarm")
    recent = add(office, at=datetime(2026, 2, 20, 11, tzinfo=STOCKHOLM))
    change(office, recent, datetime(2026, 3, 9, 10, tzinfo=STOCKHOLM), status="åtgärdad")
    told = add(office, at=datetime(2026, 2, 20, 12, tzinfo=STOCKHOLM))
    change(office, told, datetime(2026, 3, 1, 10, tzinfo=STOCKHOLM), status="åtgärdad", feedback="tack!")
    text = texts(office)["U-chef"]
    assert "utan återkoppling" in text and done in text
    assert recent not in text and told not in text


def test_obedomda_lex_fall_paminner_mas_och_sas(office):
    maria = add(office, at=WEDNESDAY - timedelta(hours=30), lex_maria_candidate=True)
    sarah = add(office, at=WEDNESDAY - timedelta(hours=30), lex_sarah_candidate=True, area="övrigt")
    young = add(office, at=WEDNESDAY - timedelta(hours=3), lex_maria_candidate=True)
    assessed = add(office, at=WEDNESDAY - timedelta(hours=40), lex_maria_candidate=True)
    with session_scope(office) as session:
        record_lex_assessment(session=session, report=get_report(session=session, reference=assessed),
                              law="lex maria", outcome=None, decision="ej anmälningspliktig", reported_on=None,
                              actor_id=None, now=WEDNESDAY - timedelta(hours=20))
    found = texts(office)
    assert maria in found["U-mas"] and sarah in found["U-mas"] and young not in found["U-mas"]
    assert assessed not in found["U-mas"]
    assert sarah in found["U-sas"] and maria not in found["U-sas"]
    assert found["U-mas"].index("lex Maria") < found["U-mas"].index("lex Sarah")


def test_perioderna_ar_installningar(office):
    old = add(office, at=datetime(2026, 3, 5, 22, tzinfo=STOCKHOLM))
    assert old in texts(office)["U-chef"]
    assert "U-chef" not in texts(office, reminder_new_working_days=5)


def send(engine, now, delivery: RecordingDelivery | None = None, **kw) -> int:
    """A sweep: queue what is due, then deliver what the outbox holds (as the worker does)."""
    queued = queue_due_reminders(engine=engine, settings=settings(**kw), now=now)
    if delivery is not None:
        deliver_now(engine=engine, deliverer=delivery, now=now, backoff=Backoff(base_s=60))
    return queued


def reminders_in_outbox(engine) -> list[tuple[str, str]]:
    with session_scope(engine) as session:
        return [(m.recipient, m.status) for m in list_messages(session=session, kind="reminder")]


def test_en_paminnelse_per_person_och_dag_och_bara_vardagar(office):
    add(office, at=datetime(2026, 3, 2, 10, tzinfo=STOCKHOLM))
    add(office, at=datetime(2026, 3, 3, 10, tzinfo=STOCKHOLM))
    delivery = RecordingDelivery()
    assert send(office, WEDNESDAY.replace(hour=7), delivery) == 0  # before REMINDER_TIME
    assert send(office, WEDNESDAY, delivery) == 1
    assert send(office, WEDNESDAY + timedelta(hours=3), delivery) == 0
    assert [to for to, _ in delivery.texts] == ["U-chef"]
    saturday = datetime(2026, 3, 14, 9, tzinfo=STOCKHOLM)
    assert send(office, saturday, delivery) == 0
    thursday = WEDNESDAY + timedelta(days=1)
    assert send(office, thursday, delivery) == 1
    assert [to for to, _ in delivery.texts] == ["U-chef", "U-chef"]


def test_avstangda_paminnelser_koas_inte(office):
    add(office, at=datetime(2026, 3, 2, 10, tzinfo=STOCKHOLM))
    assert send(office, WEDNESDAY, reminders_enabled=False) == 0
    assert reminders_in_outbox(office) == []


@pytest.mark.parametrize("failure", [
    DeliveryFailed("ratelimited", retry_after=30.0),
    DeliveryFailed("HTTP 503", uncertain=False),
])
def test_misslyckat_utskick_forsoks_igen_och_kommer_fram_en_gang(office, failure):
    add(office, at=datetime(2026, 3, 2, 10, tzinfo=STOCKHOLM))
    delivery = RecordingDelivery(failures=[failure, failure])
    assert send(office, WEDNESDAY, delivery) == 1
    assert delivery.texts == [] and reminders_in_outbox(office) == [("U-chef", "pending")]
    for minutes in (5, 10, 30):  # later sweeps: nothing queued again, the outbox tries again
        assert send(office, WEDNESDAY + timedelta(minutes=minutes), delivery) == 0
    assert [to for to, _ in delivery.texts] == ["U-chef"]
    assert reminders_in_outbox(office) == [("U-chef", "sent")]


def test_tvingat_utskick_koar_inget_tva_ganger(office):
    add(office, at=datetime(2026, 3, 2, 10, tzinfo=STOCKHOLM))
    assert queue_due_reminders(engine=office, settings=settings(), now=WEDNESDAY, force=True) == 1
    assert queue_due_reminders(engine=office, settings=settings(), now=WEDNESDAY, force=True) == 0
    assert send(office, WEDNESDAY) == 0
    assert reminders_in_outbox(office) == [("U-chef", "pending")]


def test_exakt_en_gang_aven_med_flera_processer(office, database_url):
    for day in range(2, 6):
        add(office, at=datetime(2026, 3, day, 10, tzinfo=STOCKHOLM))
    add(office, unit="Björkhagen", at=datetime(2026, 3, 2, 10, tzinfo=STOCKHOLM))
    delivery = RecordingDelivery()
    lock = threading.Lock()

    class Shared:
        def deliver(self, message):
            with lock:
                return delivery.deliver(message)

    def worker(name: str):
        engine = make_engine(database_url)  # a process of its own
        try:
            queue_due_reminders(engine=engine, settings=settings(), now=WEDNESDAY, claimed_by=name)
            deliver_now(engine=engine, deliverer=Shared(), now=WEDNESDAY)
        finally:
            engine.dispose()

    threads = [threading.Thread(target=worker, args=(f"process-{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(to for to, _ in delivery.texts) == ["U-chef", "U-chef-bh"]
    assert sorted(reminders_in_outbox(office)) == [("U-chef", "sent"), ("U-chef-bh", "sent")]
