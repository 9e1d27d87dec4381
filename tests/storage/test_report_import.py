"""CSV import of historic reports: formats, errors by line, idempotency. SQLite and PostgreSQL."""

from __future__ import annotations

import io
from datetime import date

import pytest
from sqlmodel import select

from storage.database import session_scope
from storage.models import Report, ReportEvent, Unit
from storage.report_export import export_rows, write_csv
from storage.report_import import ImportFileError, import_reports, parse_file
from storage.timestamps import STOCKHOLM


def fake_mask(text: str) -> str:
    return text.replace("19450101-1234", "[personnummer]")


HEADER = "reference,occurred_at,reported_at,kind,area,unit,severity,status,description\n"


def run_import(engine, content: str | bytes, **kwargs):
    data = content.encode("utf-8") if isinstance(content, str) else content
    with session_scope(engine) as session:
        return import_reports(session=session, data=data, mask=fake_mask, **kwargs)


def all_reports(engine) -> list[Report]:
    with session_scope(engine) as session:
        return list(session.exec(select(Report).order_by(Report.reference)))


def test_semikolon_och_bom_fran_excel(engine):
    content = "\ufeffreference;occurred_at;kind;area;unit;description\nX-1;2024-03-05 14:10;avvikelse;fall;Solgården;föll i badrummet\n"
    result = run_import(engine, content)
    assert (result.created, result.errors) == (1, [])
    [report] = all_reports(engine)
    assert report.reference == "X-1" and report.area == "fall"
    assert report.occurred_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M") == "2024-03-05 14:10"


def test_citattecken_och_radbrytning_i_falt_och_tomma_rader(engine):
    content = HEADER + '\nA-1,2024-01-02,,avvikelse,,Ekbacken,,,"rad ett\nrad två, med ""citat"""\n\n'
    result = run_import(engine, content)
    assert result.errors == [] and result.created == 1
    [report] = all_reports(engine)
    assert report.description == 'rad ett\nrad två, med "citat"'
    assert report.area == "övrigt"  # no classifier given
    assert report.occurred_at.astimezone(STOCKHOLM).date() == date(2024, 1, 2)


def test_saknat_omrade_fylls_av_klassificeraren(engine):
    content = HEADER + "B-1,2024-01-02T08:00,,avvikelse,,Ekbacken,,,glömde ge medicinen\n"
    run_import(engine, content, classify=lambda text: "läkemedel" if "medicin" in text else "övrigt")
    assert all_reports(engine)[0].area == "läkemedel"


def test_felaktiga_rader_namnges_med_rad_och_kolumn_och_resten_importeras(engine):
    content = HEADER + (
        "C-1,2024-13-45,,avvikelse,fall,Solgården,,,fel datum\n"
        "C-2,2024-02-01,,klagomål,fall,Solgården,,,okänd typ\n"
        "C-3,2024-02-01,,avvikelse,fall,,,,enhet saknas\n"
        "C-4,2024-02-01,,avvikelse,fall,Solgården,,,rätt rad\n"
    )
    result = run_import(engine, content)
    assert result.created == 1
    assert [(e.line, e.column) for e in result.errors] == [(2, "occurred_at"), (3, "kind"), (4, "unit")]
    assert "ogiltigt datum" in str(result.errors[0]) and str(result.errors[0]).startswith("rad 2, kolumn occurred_at")
    assert [r.reference for r in all_reports(engine)] == ["C-4"]


def test_strict_avvisar_hela_filen(engine):
    content = HEADER + "D-1,2024-02-01,,avvikelse,fall,Solgården,,,ok\nD-2,igår,,avvikelse,fall,Solgården,,,fel\n"
    result = run_import(engine, content, strict=True)
    assert not result.written and len(result.errors) == 1
    assert all_reports(engine) == []


def test_saknad_obligatorisk_kolumn_ger_fel_innan_nagon_rad_lases():
    with pytest.raises(ImportFileError, match="Kolumn saknas i rubrikraden: unit"):
        parse_file(b"occurred_at,kind,description\n2024-01-01,avvikelse,x\n", mask=fake_mask)


def test_obalanserade_citattecken_namnger_raden():
    with pytest.raises(ImportFileError, match="Rad 3"):
        parse_file((HEADER + 'E-1,2024-01-01,,avvikelse,,A,,,ok\nE-2,2024-01-01,,avvikelse,,A,,,"trasig"x\n').encode(),
                   mask=fake_mask)


def test_fel_teckenkodning_ger_tydligt_fel():
    with pytest.raises(ImportFileError, match="inte UTF-8"):
        parse_file(HEADER.encode() + "F-1,2024-01-01,,avvikelse,,Ekbacken,,,f\xf6ll\n".encode("latin-1"), mask=fake_mask)


def test_aterimport_av_samma_fil_andrar_ingenting(engine):
    content = HEADER + "G-1,2024-01-01,,avvikelse,fall,Solgården,lindrig,ny,föll\n,2024-01-03 10:00,,synpunkt,,Nya enheten,,,maten är kall\n"
    first = run_import(engine, content)
    assert first.created == 2
    before = [(r.reference, r.description, r.updated_at) for r in all_reports(engine)]
    second = run_import(engine, content)
    assert (second.created, second.updated, second.unchanged) == (0, 0, 2)
    assert [(r.reference, r.description, r.updated_at) for r in all_reports(engine)] == before
    assert any(ref.startswith("IMP-") for ref, _, _ in before)  # a stable derived reference


def test_andrad_rad_uppdateras_och_skrivs_i_historiken(engine):
    run_import(engine, HEADER + "H-1,2024-01-01,,avvikelse,fall,Solgården,,ny,föll\n")
    result = run_import(engine, HEADER + "H-1,2024-01-01,,avvikelse,fall,Solgården,,avslutad,föll\n")
    assert result.updated == 1
    with session_scope(engine) as session:
        events = session.exec(select(ReportEvent).where(ReportEvent.action == "changed")).all()
        assert [(e.field, e.old_value, e.new_value) for e in events] == [("status", "ny", "avslutad")]


def test_okand_enhet_skapas_och_personnummer_maskeras(engine):
    run_import(engine, HEADER + "I-1,2024-01-01,,avvikelse,fall,Korttids Lyckan,,,bru 19450101-1234 föll\n")
    with session_scope(engine) as session:
        assert [u.name for u in session.exec(select(Unit))] == ["Korttids Lyckan"]
    assert all_reports(engine)[0].description == "bru [personnummer] föll"


def test_tid_med_tidszon_respekteras(engine):
    run_import(engine, HEADER + "J-1,2024-06-30T23:30:00+00:00,,avvikelse,fall,Solgården,,,sent\n")
    assert all_reports(engine)[0].occurred_at.astimezone(STOCKHOLM).strftime("%Y-%m-%d %H:%M") == "2024-07-01 01:30"


def test_export_import_export_ger_samma_rader(engine, sqlite_url):
    from storage.database import make_engine, upgrade_schema

    content = HEADER + (
        "K-1,2024-01-01T07:15,2024-01-01T09:00,avvikelse,fall,Solgården,måttlig,åtgärdad,\"föll, \"\"ont\"\" i höften\"\n"
        ",2024-02-01,,synpunkt,övrigt,Hemtjänst Norr,,ny,kall mat\n"
    )
    run_import(engine, content)
    with session_scope(engine) as session:
        first = io.StringIO()
        write_csv(export_rows(session=session), first)
    empty = make_engine(sqlite_url)
    upgrade_schema(empty)
    run_import(empty, first.getvalue())
    with session_scope(empty) as session:
        second = io.StringIO()
        write_csv(export_rows(session=session), second)
    assert second.getvalue() == first.getvalue()
    assert first.getvalue().splitlines()[0].startswith(HEADER.strip())
