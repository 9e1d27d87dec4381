"""`omsorgsbot indicators import | compute | list` mot en ny SQLite-databas."""

from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from bot.cli import indicator_commands
from bot.database_setup import open_database
from bot.settings import get_settings


@pytest.fixture
def cli(monkeypatch, tmp_path):
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'cli.db'}")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    open_database.cache_clear()
    app = typer.Typer()
    app.callback()(lambda: None)
    indicator_commands.register(app)
    runner = CliRunner()
    yield lambda *args: runner.invoke(app, list(args), catch_exceptions=False)
    get_settings.cache_clear()
    open_database.cache_clear()


def test_import_med_fel_rad_ger_felkod_1_men_sparar_de_goda(cli, tmp_path):
    path = tmp_path / "v.csv"
    path.write_text("indicator;period;unit;value\nsenior_alert_fall;2026-Q1;kommun;87,5\nx;2026;kommun;1\n",
                    encoding="utf-8")
    result = cli("indicators", "import", str(path))
    assert result.exit_code == 1
    assert "1 nya" in result.stdout
    assert "v.csv, rad 3: indikatorn ”x” finns inte" in result.output
    listed = cli("indicators", "list")
    assert listed.exit_code == 0
    assert "87,5 %" in listed.stdout and "senior_alert_fall" in listed.stdout


def test_kolada_sida_noteras_och_ger_felkod_0(cli, tmp_path):
    path = tmp_path / "k.json"
    path.write_text(json.dumps({"values": [{"kpi": "U21401", "municipality": "0180", "period": 2025,
                                            "values": [{"gender": "T", "value": 14, "status": ""}]}],
                                "next_page": 2}), encoding="utf-8")
    result = cli("indicators", "import", str(path))
    assert result.exit_code == 0
    assert "en sida av flera" in result.stdout


def test_compute_utan_rapporter_gar_bra(cli):
    result = cli("indicators", "compute", "--today", "2026-03-10")
    assert result.exit_code == 0
    assert "Beräknat 0 månader" in result.stdout
