"""Omedelbara larm: vem som larmas (rollerna i databasen, inställningarna som reserv), att svepet köar
larm som saknas (t.ex. importerade rapporter) och att utkorgen skickar varje larm en gång – också när
Slack felar."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.scheduling.alert_sweep import sweep_alerts
from intents.delivery import Backoff, deliver_now
from intents.immediate_alerts import alert_key
from intents.notifier import DeliveryFailed
from storage.database import session_scope
from storage.outbox import enqueue_message, list_messages
from storage.people import set_role
from storage.timestamps import STOCKHOLM
from storage.vocabulary import Area, MessageKind, Role
from tests.digest.helpers import add_report
from tests.support.recording_delivery import RecordingDelivery

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=STOCKHOLM)


def deliver(engine, delivery: RecordingDelivery, at: datetime = NOW):
    return deliver_now(engine=engine, deliverer=delivery, now=at)


def test_allvarlig_rapport_larmas_till_mas_en_gang(engine, settings):
    reference = add_report(engine, when=NOW - timedelta(hours=1), severe=True, description="föll och slog huvudet")
    add_report(engine, when=NOW - timedelta(hours=1))  # not flagged
    assert sweep_alerts(engine=engine, settings=settings, now=NOW) == 1
    delivery = RecordingDelivery()
    deliver(engine, delivery)
    (recipient, text), = delivery.texts
    assert recipient == "U-MAS"
    assert text.startswith(f"⚠️ {reference}: allvarlig händelse på Solgården (fall, i dag kl 08.00)")
    assert "”föll och slog huvudet”" in text
    assert sweep_alerts(engine=engine, settings=settings, now=NOW + timedelta(minutes=5)) == 0
    deliver(engine, delivery, NOW + timedelta(minutes=5))
    assert len(delivery.texts) == 1


def test_lex_sarah_gar_ocksa_till_chefen_och_sas(engine, settings):
    with session_scope(engine) as session:
        set_role(session=session, platform_user_id="U-CHEF", role=Role.CHEF, unit_name="Björkhagen")
    add_report(engine, unit="Björkhagen", area=Area.OVRIGT, when=NOW - timedelta(hours=2), lex_sarah=True,
               description="bru lämnades ensam i duschen")
    sweep_alerts(engine=engine, settings=settings, now=NOW)
    delivery = RecordingDelivery()
    deliver(engine, delivery)
    assert sorted(r for r, _ in delivery.texts) == ["U-CHEF", "U-MAS", "U-SAS"]
    assert "möjlig lex Sarah" in delivery.texts[0][1]


def test_den_som_har_rollen_mas_larmas_och_installningen_ar_bara_reserv(engine, settings):
    with session_scope(engine) as session:
        set_role(session=session, platform_user_id="U-NY-MAS", role=Role.MAS)
        set_role(session=session, platform_user_id="U-NY-SAS", role=Role.SAS)
    add_report(engine, when=NOW - timedelta(hours=1), severe=True, lex_sarah=True)
    sweep_alerts(engine=engine, settings=settings, now=NOW)
    delivery = RecordingDelivery()
    deliver(engine, delivery)
    assert sorted(r for r, _ in delivery.texts) == ["U-NY-MAS", "U-NY-SAS"]  # not U-MAS / U-SAS from the settings


def test_larm_som_chatten_redan_kopat_kopas_inte_igen(engine, settings):
    reference = add_report(engine, when=NOW - timedelta(minutes=10), severe=True)
    with session_scope(engine) as session:  # what the chat queues at save time
        assert enqueue_message(session=session, kind=MessageKind.ALERT, recipient="U-MAS", text="larm",
                               dedupe_key=alert_key(reference, "U-MAS"), now=NOW)
    assert sweep_alerts(engine=engine, settings=settings, now=NOW) == 0


def test_gammal_historik_ger_inga_larm(engine, settings):
    add_report(engine, when=NOW - timedelta(days=40), severe=True)
    assert sweep_alerts(engine=engine, settings=settings, now=NOW) == 0


def test_ett_larm_som_slack_inte_tog_emot_ligger_kvar_tills_det_kommit_fram(engine, settings):
    add_report(engine, when=NOW - timedelta(minutes=10), lex_maria=True)
    sweep_alerts(engine=engine, settings=settings, now=NOW)
    delivery = RecordingDelivery(failures=[DeliveryFailed("Slack svarade 503", uncertain=True),
                                           DeliveryFailed("ratelimited", retry_after=30)])
    assert deliver(engine, delivery).retried == 1
    with session_scope(engine) as session:
        [alert] = list_messages(session=session, kind=MessageKind.ALERT)
        assert (alert.status, alert.uncertain) == ("pending", True)  # not sent, not forgotten
    assert deliver(engine, delivery, NOW + timedelta(seconds=6)).retried == 1  # Retry-After honoured
    assert deliver(engine, delivery, NOW + timedelta(seconds=20)).sent == 0
    assert deliver(engine, delivery, NOW + timedelta(seconds=40)).sent == 1
    assert "möjlig lex Maria" in delivery.texts[0][1]
    assert sweep_alerts(engine=engine, settings=settings, now=NOW + timedelta(minutes=5)) == 0


def test_ett_larm_som_aldrig_kommer_fram_gar_till_admin(engine, settings, caplog):
    with session_scope(engine) as session:
        set_role(session=session, platform_user_id="U-ADMIN", role=Role.ADMIN)
    add_report(engine, when=NOW - timedelta(minutes=10), severe=True)
    sweep_alerts(engine=engine, settings=settings, now=NOW)
    delivery = RecordingDelivery(failures=[DeliveryFailed("Slack svarade user_not_found", permanent=True,
                                                          advice="Rätta id:t.")])
    with caplog.at_level("ERROR"):
        done = deliver_now(engine=engine, deliverer=delivery, now=NOW, admins=["U-RESERV"])
    assert done.failed == 1 and "could not be delivered" in caplog.text
    [(admin, notice)] = delivery.texts
    assert admin == "U-ADMIN" and "ett larm till U-MAS" in notice and "Rätta id:t." in notice


def test_ger_upp_efter_sista_forsoket_och_sager_till(engine, settings):
    add_report(engine, when=NOW - timedelta(minutes=10), severe=True)
    sweep_alerts(engine=engine, settings=settings, now=NOW)
    backoff = Backoff(base_s=1, cap_s=1, max_attempts=2)
    delivery = RecordingDelivery(failures=[DeliveryFailed("nere"), DeliveryFailed("nere")])
    for seconds in (0, 2):
        deliver_now(engine=engine, deliverer=delivery, now=NOW + timedelta(seconds=seconds), admins=["U-RESERV"],
                    backoff=backoff)
    with session_scope(engine) as session:
        [alert] = list_messages(session=session, kind=MessageKind.ALERT)
        assert alert.status == "failed" and "gav upp efter 2 försök" in alert.last_error
    assert [r for r, _ in delivery.texts] == ["U-RESERV"]  # no one has the role admin: the configured ids
