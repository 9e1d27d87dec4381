"""Gallring: the plan file decides what goes and when; a dry run says the same as a real run; the
nightly run happens in exactly one process. SQLite and PostgreSQL."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest
from sqlmodel import select

from bot.retention.plan import RetentionPlan, RetentionPlanError, load_retention_plan
from bot.retention.run import nightly_retention, run_retention
from bot.settings import PROJECT_ROOT
from storage.access_log import log_access
from storage.database import make_engine, session_scope
from storage.drafts import save_draft
from storage.models import (AccessLogEntry, ConversationDraft, OutboundMessage, ProcessedEvent, Report, ReportCreate,
                            ReportEvent, RetentionRun)
from storage.outbox import enqueue_message, mark_sent
from storage.reports import create_report
from storage.timestamps import STOCKHOLM
from storage.units import get_or_create_unit
from storage.vocabulary import ReportKind

NOW = datetime(2026, 3, 10, 3, 30, tzinfo=STOCKHOLM)


def seed(engine) -> dict[str, int]:
    """Old and fresh records of every kind; returns ids of the reports."""
    with session_scope(engine) as session:
        save_draft(session=session, user_key="U-old", state={"flow": "report"}, now=NOW - timedelta(days=8))
        save_draft(session=session, user_key="U-new", state={"flow": "report"}, now=NOW - timedelta(days=2))
        session.add(ProcessedEvent(event_key="old", received_at=NOW - timedelta(days=8)))
        session.add(ProcessedEvent(event_key="new", received_at=NOW - timedelta(hours=1)))
        log_access(session=session, user_key="U-mas", role="mas", question="q", revealed="r",
                   at=NOW - timedelta(days=3000))
        unit = get_or_create_unit(session=session, name="Solgården")
        ids = {}
        for name, closed_days_ago in (("closed_long_ago", 400), ("closed_recently", 10), ("open", None)):
            report = create_report(session=session, now=NOW - timedelta(days=500), report_in=ReportCreate(
                kind=ReportKind.AVVIKELSE, unit_id=unit.id, occurred_at=NOW - timedelta(days=500), description=name))
            if closed_days_ago is not None:
                report.status, report.closed_at = "avslutad", NOW - timedelta(days=closed_days_ago)
            alert = enqueue_message(session=session, kind="alert", recipient="U-mas", text="larm",
                                    dedupe_key=f"alert:{report.reference}:U-mas", report_id=report.id,
                                    now=NOW - timedelta(days=1))
            session.flush()
            mark_sent(session=session, message_id=alert.id, now=NOW - timedelta(days=1))
            ids[name] = report.id
    return ids


def kept(engine, model) -> int:
    with session_scope(engine) as session:
        return len(list(session.exec(select(model))))


def test_standardplanen_tar_gamla_utkast_och_handelser_men_bevarar_rapporter_och_logg(engine):
    seed(engine)
    outcome = run_retention(engine=engine, plan=load_retention_plan(PROJECT_ROOT / "knowledge" / "gallring.toml"),
                            now=NOW)
    assert "1 påbörjade rapporter (äldre än 7 dagar)" in outcome.text()
    assert "1 Slack-händelser (äldre än 7 dagar)" in outcome.text()
    assert "Bevaras enligt planen: rader i åtkomstloggen, avslutade rapporter." in outcome.text()
    with session_scope(engine) as session:
        assert [d.user_key for d in session.exec(select(ConversationDraft))] == ["U-new"]
        assert [e.event_key for e in session.exec(select(ProcessedEvent))] == ["new"]
    assert (kept(engine, Report), kept(engine, AccessLogEntry)) == (3, 1)


def test_plan_med_rapporter_tar_bara_avslutade_aldre_rapporter_med_historik(engine):
    ids = seed(engine)
    plan = RetentionPlan({**RetentionPlan.defaults().days, "rapporter": 365, "atkomstlogg": 365 * 5})
    dry = run_retention(engine=engine, plan=plan, now=NOW, dry_run=True)
    assert kept(engine, Report) == 3 and kept(engine, ConversationDraft) == 2  # a dry run removes nothing
    real = run_retention(engine=engine, plan=plan, now=NOW)
    assert dry.text().replace("Skulle gallras", "Gallrat") == real.text()
    assert "1 avslutade rapporter (äldre än 365 dagar)" in real.text()
    with session_scope(engine) as session:
        remaining = {r.id for r in session.exec(select(Report))}
        assert remaining == {ids["closed_recently"], ids["open"]}
        assert {e.report_id for e in session.exec(select(ReportEvent))} == remaining
        assert {n.report_id for n in session.exec(select(OutboundMessage))} == remaining
    assert kept(engine, AccessLogEntry) == 0


def test_utkorgens_skickade_meddelanden_gallras_men_aldrig_de_som_vantar(engine):
    with session_scope(engine) as session:
        for key, status in (("old-sent", "sent"), ("old-failed", "failed"), ("old-waiting", "pending")):
            message = enqueue_message(session=session, kind="alert", recipient="U-mas", text="larm", dedupe_key=key,
                                      now=NOW - timedelta(days=400))
            session.flush()
            message.status, message.sent_at = status, NOW - timedelta(days=400) if status == "sent" else None
        enqueue_message(session=session, kind="alert", recipient="U-mas", text="larm", dedupe_key="new", now=NOW)
    outcome = run_retention(engine=engine, plan=RetentionPlan.defaults(), now=NOW)
    assert "2 skickade meddelanden (äldre än 365 dagar)" in outcome.text()
    with session_scope(engine) as session:
        assert sorted(m.dedupe_key for m in session.exec(select(OutboundMessage))) == ["new", "old-waiting"]


@pytest.mark.parametrize("content, problem", [
    ("[gallring]\nrapporter = 'för evigt'\n", "antal dagar"),
    ("[gallring]\nskickade_meddelanden = 3\n", "minst 30"),
    ("[gallring]\nutkast = 3\n", "okänd rad utkast"),
])
def test_felaktig_plan_ger_svenskt_fel(tmp_path, content, problem):
    path = tmp_path / "gallring.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(RetentionPlanError, match=problem):
        load_retention_plan(path)


def test_nattlig_gallring_kors_en_gang_aven_med_tva_processer(database_url):
    engines = [make_engine(database_url), make_engine(database_url)]
    seed(engines[0])
    start = threading.Barrier(2)
    outcomes = []

    def run(i: int) -> None:
        start.wait()
        outcomes.append(nightly_retention(engine=engines[i], plan=RetentionPlan.defaults(), now=NOW,
                                          claimed_by=f"bot-{i}"))

    threads = [threading.Thread(target=run, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(o is None for o in outcomes) == [False, True]
    assert nightly_retention(engine=engines[0], plan=RetentionPlan.defaults(), now=NOW + timedelta(hours=1),
                             claimed_by="bot-0") is None  # later the same night: already done
    with session_scope(engines[0]) as session:
        [run_row] = session.exec(select(RetentionRun))
        assert run_row.day == "2026-03-10" and run_row.finished_at is not None
        assert "1 påbörjade rapporter" in run_row.summary
    assert nightly_retention(engine=engines[0], plan=RetentionPlan.defaults(), now=NOW + timedelta(days=1),
                             claimed_by="bot-1") is not None  # the next night runs again
    for e in engines:
        e.dispose()


def test_gallra_kommandot_med_dry_run(cli):
    answer = cli("gallra", "--dry-run")
    assert answer.exit_code == 0 and answer.output.startswith("Skulle gallras:")
    assert "påbörjade rapporter (äldre än 7 dagar)" in answer.output
    assert cli("gallra").output.startswith("Gallrat:")


def test_schemat_i_serve_har_en_nattlig_gallring(sqlite_url):
    from bot.scheduling.scheduler import start_scheduler
    from bot.settings import Settings
    from storage.database import upgrade_schema

    engine = make_engine(sqlite_url)
    upgrade_schema(engine)
    scheduler = start_scheduler(Settings(mas_user_ids=[]), engine, sweep_minutes=60)
    try:
        job = scheduler.get_job("nightly-retention")
        assert job is not None and (job.next_run_time.hour, job.next_run_time.minute) == (3, 30)
    finally:
        scheduler.shutdown(wait=False)
        engine.dispose()


def test_gallrat_innehall_finns_inte_kvar_i_sqlite_filen(sqlite_url):
    from storage.database import upgrade_schema

    engine = make_engine(sqlite_url)
    upgrade_schema(engine)
    with session_scope(engine) as session:
        save_draft(session=session, user_key="U-old", state={"flow": "report", "description": "zebrafinken " * 10},
                   now=NOW - timedelta(days=30))
        save_draft(session=session, user_key="U-new", state={"flow": "report"}, now=NOW)  # the page stays in use
    run_retention(engine=engine, plan=RetentionPlan.defaults(), now=NOW)
    engine.dispose()  # the last connection checkpoints the write-ahead log into the file
    path = sqlite_url.removeprefix("sqlite:///")
    files = [path, path + "-wal"]
    raw = b"".join(open(p, "rb").read() for p in files if __import__("os").path.exists(p))
    assert b"zebrafinken" not in raw
