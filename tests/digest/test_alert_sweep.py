"""Omedelbara larm: allvarliga och lex-rapporter som inte larmats (t.ex. importerade) skickas en gång av svepet."""

from __future__ import annotations

from datetime import datetime, timedelta

from bot.scheduling.alert_sweep import sweep_alerts
from intents.immediate_alerts import alert_key
from bot.scheduling.digest_sender import RecordingDigestSender
from storage.database import session_scope
from storage.notifications import claim_notification
from storage.people import set_role
from storage.timestamps import STOCKHOLM
from storage.vocabulary import Area, Role
from tests.digest.helpers import add_report

NOW = datetime(2026, 11, 23, 9, 0, tzinfo=STOCKHOLM)


def test_allvarlig_rapport_larmas_till_mas_en_gang(engine, settings):
    reference = add_report(engine, when=NOW - timedelta(hours=1), severe=True, description="föll och slog huvudet")
    add_report(engine, when=NOW - timedelta(hours=1))  # not flagged
    sender = RecordingDigestSender()
    assert sweep_alerts(engine=engine, settings=settings, sender=sender, now=NOW) == 1
    (recipient, text), = sender.texts
    assert recipient == "U-MAS"
    assert text.startswith(f"⚠️ {reference}: allvarlig händelse på Solgården (fall, i dag kl 08.00)")
    assert "”föll och slog huvudet”" in text
    assert sweep_alerts(engine=engine, settings=settings, sender=sender, now=NOW + timedelta(minutes=5)) == 0
    assert len(sender.texts) == 1


def test_lex_sarah_gar_ocksa_till_chefen_och_sas(engine, settings):
    with session_scope(engine) as session:
        set_role(session=session, platform_user_id="U-CHEF", role=Role.CHEF, unit_name="Björkhagen")
    add_report(engine, unit="Björkhagen", area=Area.OVRIGT, when=NOW - timedelta(hours=2), lex_sarah=True,
               description="bru lämnades ensam i duschen")
    sender = RecordingDigestSender()
    sweep_alerts(engine=engine, settings=settings, sender=sender, now=NOW)
    assert sorted(r for r, _ in sender.texts) == ["U-CHEF", "U-MAS", "U-SAS"]
    assert "möjlig lex Sarah" in sender.texts[0][1]


def test_larm_som_chatten_redan_skickat_skickas_inte_igen(engine, settings):
    reference = add_report(engine, when=NOW - timedelta(minutes=10), severe=True)
    with session_scope(engine) as session:  # what intents/report_dialogue/submission.py records at save time
        assert claim_notification(session=session, key=alert_key(reference, "U-MAS"), recipient="U-MAS")
    sender = RecordingDigestSender()
    assert sweep_alerts(engine=engine, settings=settings, sender=sender, now=NOW) == 0


def test_gammal_historik_ger_inga_larm(engine, settings):
    add_report(engine, when=NOW - timedelta(days=40), severe=True)
    sender = RecordingDigestSender()
    assert sweep_alerts(engine=engine, settings=settings, sender=sender, now=NOW) == 0


class BrokenSender(RecordingDigestSender):
    def send_text(self, recipient, text):
        raise ConnectionError("nätet är nere")


def test_misslyckat_larm_forsoks_igen_vid_nasta_svep(engine, settings):
    add_report(engine, when=NOW - timedelta(minutes=10), lex_maria=True)
    assert sweep_alerts(engine=engine, settings=settings, sender=BrokenSender(), now=NOW) == 0
    sender = RecordingDigestSender()
    assert sweep_alerts(engine=engine, settings=settings, sender=sender, now=NOW + timedelta(minutes=5)) == 1
    assert "möjlig lex Maria" in sender.texts[0][1]
