"""Export that a spreadsheet opens without running anything, import that drops control and bidi
characters, and a round trip that loses nothing else. SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from storage.cell_safety import FORMULA_START, neutralise_formula, restore_formula
from storage.database import make_engine, session_scope, upgrade_schema
from storage.models import Report
from storage.report_export import export_rows, write_csv
from storage.report_import import import_reports

HEADER = "reference,occurred_at,kind,unit,description\n"


def _import(engine, content: str) -> None:
    with session_scope(engine) as session:
        import_reports(session=session, data=content.encode("utf-8"), mask=lambda t: t)


def _export(engine) -> str:
    out = io.StringIO()
    with session_scope(engine) as session:
        write_csv(export_rows(session=session), out)
    return out.getvalue()


def _cells(exported: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(exported, newline="")) for cell in row]


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@pytest.mark.parametrize("description", [
    '=HYPERLINK("http://evil.example","klicka")', "+1+1", "-2+3", "@SUM(A1:A2)", "=cmd|' /C calc'!A0",
    "'=redan citerad", "''@två citat",
])
def test_formel_i_exporten_neutraliseras_och_kommer_tillbaka_vid_import(engine, sqlite_url, description):
    _import(engine, HEADER + f"F-1,2024-03-05,avvikelse,Solgården,{_quoted(description)}\n")
    exported = _export(engine)
    assert not any(cell.startswith(FORMULA_START) for cell in _cells(exported))
    again = make_engine(sqlite_url)
    upgrade_schema(again)
    _import(again, exported)
    with session_scope(again) as session:
        # a quote before a formula character in an imported file is read as a neutralising quote
        assert session.exec(select(Report.description)).one() == restore_formula(description)
    assert _export(again) == exported


def test_ansi_styrtecken_och_riktningsbyten_tas_bort_vid_import(engine):
    description = "\x1b[31mröd\x1b[0m text \u202eabc\u202c slut\x07"
    _import(engine, HEADER + f"F-2,2024-03-05,avvikelse,Solgården,{_quoted(description)}\n")
    with session_scope(engine) as session:
        assert session.exec(select(Report.description)).one() == "röd text abc slut"
    assert "\x1b" not in _export(engine) and "\u202e" not in _export(engine)


def _as_a_spreadsheet_sees_it(cell: str) -> str:
    """The cell after leading spaces and invisible characters, look-alikes as what they look like."""
    visible = "".join(ch for ch in cell if unicodedata.category(ch) not in ("Cf", "Mn"))
    return unicodedata.normalize("NFKC", visible.lstrip(" \u00a0\u3000\n"))


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30))
def test_neutralisering_ar_omvandbar_och_ger_aldrig_en_formel(cell):
    safe = neutralise_formula(cell)
    assert not safe.startswith(FORMULA_START)
    assert not _as_a_spreadsheet_sees_it(safe).startswith(FORMULA_START)
    assert restore_formula(safe) == cell


@pytest.mark.parametrize("cell", ["＝1+1", "\u200b=1+1", "\ufeff=1+1", "\u2061=1+1", " =1+1", "\u3000@SUM(A1)",
                                  "＋1", "\u202e=1+1"])
def test_formel_bakom_osynliga_tecken_och_lookalikes_neutraliseras(cell):
    assert neutralise_formula(cell) == "'" + cell
    assert restore_formula(neutralise_formula(cell)) == cell


def test_semikolon_i_en_cell_blir_ingen_ny_cell_i_svenska_excel(engine):
    _import(engine, HEADER + f"F-3,2024-03-05,avvikelse,Solgården,{_quoted('Föll;=1+1')}\n")
    exported = _export(engine)
    for line in exported.splitlines()[1:]:
        # Excel set to Swedish splits on ";" outside double quotes: every ";" must stand inside quotes
        outside = "".join(part for n, part in enumerate(line.split('"')) if n % 2 == 0)
        assert ";" not in outside
    assert "Föll;=1+1" in _cells(exported)


TEXT = st.text(st.sampled_from(list("aåöB =+-@'\";,.()\n\t")), min_size=1, max_size=25).map(str.strip).filter(bool)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(descriptions=st.lists(TEXT, min_size=1, max_size=4))
def test_export_import_export_ar_forlustfri(tmp_path_factory, descriptions):
    first = make_engine(f"sqlite:///{tmp_path_factory.mktemp('a') / 'a.db'}")
    second = make_engine(f"sqlite:///{tmp_path_factory.mktemp('b') / 'b.db'}")
    for db in (first, second):
        upgrade_schema(db)
    _import(first, HEADER + "".join(f"R-{i},2024-03-05,avvikelse,Solgården,{_quoted(d)}\n"
                                    for i, d in enumerate(descriptions)))
    exported = _export(first)
    _import(second, exported)
    assert _export(second) == exported
    with session_scope(second) as session:
        stored = list(session.exec(select(Report.description).order_by(Report.reference)))
    assert stored == [restore_formula(d).strip() for d in descriptions]  # as the first import read them
    for db in (first, second):
        db.dispose()
