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
    md = run("rapport", "--år", "2025")
    assert md.exit_code == 0
    assert "Skrev kvalitetsberattelse-statistik-2025.md och 4 diagram bredvid." in md.output
    assert (tmp_path / "kvalitetsberattelse-statistik-2025-per-manad.png").exists()
    assert run("rapport", "--år", "2025", "--format", "pdf").exit_code == 2
