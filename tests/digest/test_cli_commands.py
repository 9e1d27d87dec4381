"""`omsorgsbot digest` och `omsorgsbot rapport` från kommandoraden."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from bot.cli import report_commands
from bot.database_setup import open_database
from bot.settings import get_settings
from storage.database import session_scope
from storage.report_import import import_reports
from tests.conftest import shared_eval_file


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("MAS_USER_IDS", '["U-MAS"]')
    monkeypatch.setenv("INDICATORS_FILE", str(tmp_path / "saknas.toml"))
    for name in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DIGEST_CHANNEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    open_database.cache_clear()
    with session_scope(open_database()) as session:
        import_reports(session=session, data=shared_eval_file("fixture-dev.csv").read_bytes(), mask=lambda t: t)
    app = typer.Typer()
    report_commands.register(app)
    app.callback()(lambda: None)

    def invoke(*args: str):
        return CliRunner().invoke(app, list(args), catch_exceptions=False)

    yield invoke
    get_settings.cache_clear()
    open_database.cache_clear()


def test_digest_forhandsvisar_veckan_fore_och_skriver_diagrammet(run, tmp_path):
    result = run("digest", "--today", "2025-11-26")
    assert result.exit_code == 0, result.output
    assert "📋 Veckosammanfattning – vecka 47, 17–23 november 2025" in result.output
    chart = tmp_path / "data" / "sammanfattningar" / "veckosammanfattning-2025-W47.png"
    assert f"Diagram: {chart.relative_to(tmp_path)}" in result.output
    assert chart.read_bytes().startswith(b"\x89PNG")


def test_digest_for_en_enhet_och_okand_enhet(run):
    result = run("digest", "--today", "2025-11-26", "--unit", "björkhagen")
    assert result.exit_code == 0
    assert "Veckosammanfattning för Björkhagen" in result.output
    unknown = run("digest", "--unit", "Månstrålen")
    assert unknown.exit_code == 2
    assert "Hittar ingen enhet som heter ”Månstrålen”" in unknown.output


def test_digest_send_skickar_en_gang(run, tmp_path):
    first = run("digest", "--today", "2025-11-26", "--send")
    assert first.exit_code == 0, first.output
    assert "[till U-MAS]" in first.output and "Skickad till U-MAS." in first.output
    again = run("digest", "--today", "2025-11-26", "--send")
    assert again.exit_code == 1
    assert "redan skickad" in again.output


def test_rapport_som_html_och_markdown(run, tmp_path):
    html = run("rapport", "--år", "2025", "--format", "html", "--out", "ut/rapport.html")
    assert html.exit_code == 0, html.output
    assert (tmp_path / "ut" / "rapport.html").read_text(encoding="utf-8").count("data:image/png;base64,") == 4
    md = run("rapport", "--år", "2025", "--out", "kvalitetsberattelse-statistik-2025.md")
    assert md.exit_code == 0
    assert "Skrev kvalitetsberattelse-statistik-2025.md och 4 diagram bredvid." in md.output
    assert (tmp_path / "kvalitetsberattelse-statistik-2025-per-manad.png").exists()
    assert run("rapport", "--år", "2025", "--format", "pdf").exit_code == 2


def test_rapport_utan_out_skrivs_ut_och_lamnar_inga_filer(run, tmp_path):
    before = sorted(tmp_path.rglob("*"))
    md = run("rapport", "--år", "2025", "--today", "2026-02-01")
    assert md.exit_code == 0
    assert md.output.startswith("# Avvikelser och synpunkter 2025")
    assert "| Avvikelser |" in md.output and "--out FIL.md" in md.output
    assert sorted(tmp_path.rglob("*")) == before


def test_ett_pagaende_ar_markeras_och_jamfors_med_samma_dagar(run, fixture_rows):
    text = run("rapport", "--år", "2026", "--today", "2026-11-23").output
    assert "året är inte slut" in text and "1 januari–23 november 2025" in text
    assert "| 2026 t.o.m. 23 november | 2025 t.o.m. 23 november |" in text
    now = sum(1 for r in fixture_rows if r.kind == "avvikelse" and r.day.year == 2026 and r.day.month * 100 + r.day.day <= 1123)
    before = sum(1 for r in fixture_rows if r.kind == "avvikelse" and r.day.year == 2025 and r.day.month * 100 + r.day.day <= 1123)
    assert f"| Avvikelser | {now} | {before} |" in text.replace("\u00a0", " ")


def test_ett_ar_utan_data_sager_det_och_jamfor_inget(run):
    text = run("rapport", "--år", "2023", "--today", "2026-11-23").output
    assert "Det finns inga rapporter om händelser under 2023" in text and "1 januari 2024" in text
    assert "|" not in text and "+" not in text
    assert "har inte börjat" in run("rapport", "--år", "2027", "--today", "2026-11-23").output


def test_arsrapportens_avsnitt_foljer_skr_mallen(run):
    text = run("rapport", "--år", "2025", "--today", "2026-02-01").output
    headings = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    for expected in ("Avvikelser per område", "Klagomål och synpunkter", "Händelser anmälda till IVO",
                     "Egenkontroll"):
        assert any(h.startswith(expected) for h in headings), (expected, headings)
    assert "| Lex Maria anmälda till IVO |" in text and "| Lex Sarah anmälda till IVO |" in text
