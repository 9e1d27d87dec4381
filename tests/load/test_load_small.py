"""A small version of bench/load_test.py: reporters writing at once to two bot processes on one
database (PostgreSQL as in production, and the embedded SQLite), with Slack redelivering some
events to the other process, 0.2 s per Web API call and 5 % of the calls refused with 429 or 503."""

from __future__ import annotations


from bench.load_run import run_load


def test_varje_avslutat_samtal_sparas_exakt_en_gang_med_tva_processer_och_omleveranser(database_url, tmp_path):
    result = run_load(database_url=database_url, events=60, users=10, retry_share=0.25, workers=2,
                      workdir=tmp_path, latency=0.2, fault_share=0.05)
    assert result.failures() == []
    assert result.retries > 0, "no redelivery was tried: the run proves nothing about idempotency"
    assert result.faulted_calls > 0, "Slack never failed: the run proves nothing about lost answers"
    assert result.severe_stored > 0 and len(result.alerts_per_report) == result.severe_stored
    assert result.dialogues_completed == 30  # 10 reporters × 3 dialogues of two messages
    assert result.reports_stored == 30 + result.warm_up_dialogues == result.distinct_references
    assert set(result.statuses) == {200}
    assert max(result.ack_seconds) < 1.0
