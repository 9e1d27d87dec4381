"""Broken CSV files: wrong encodings, unbalanced quotes, huge fields, NUL. Each gets a clear Swedish
error naming the line, and the database is exactly as before — nothing half-imported.
SQLite and PostgreSQL (`engine`)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlmodel import select

from storage.database import session_scope
from storage.models import Report, ReportEvent, Unit
from storage.report_import import MAX_FIELD_CHARS, ImportFileError, import_reports, parse_file

HEADER = "reference,occurred_at,kind,area,unit,description\n"
GOOD = "G-1,2024-01-01,avvikelse,fall,Solgården,föll i badrummet\nG-2,2024-01-02,avvikelse,larm,Solgården,larmet tyst\n"


def keep(text: str) -> str:
    return text


def run_import(engine, data: bytes, **kwargs):
    with session_scope(engine) as session:
        return import_reports(session=session, data=data, mask=keep, **kwargs)


def database(engine) -> tuple:
    with session_scope(engine) as session:
        return (sorted((r.reference, r.description) for r in session.exec(select(Report))),
                sorted(u.name for u in session.exec(select(Unit))),
                len(session.exec(select(ReportEvent)).all()))


BROKEN = {
    "latin-1 på rad 4": (
        (HEADER + GOOD).encode() + "G-3,2024-01-03,avvikelse,fall,Nya Enheten,f\xf6ll\n".encode("latin-1"),
        r"inte UTF-8 \(första felaktiga tecknet på rad 4\)"),
    "ogiltig UTF-8 på rad 3": (
        HEADER.encode() + b"G-1,2024-01-01,avvikelse,fall,Ny,ok\nG-2,2024-01-02,avvikelse,fall,Ny,tr\xc3\x28sig\n",
        r"inte UTF-8 \(första felaktiga tecknet på rad 3\)"),
    "UTF-16 med BOM": ((HEADER + GOOD).encode("utf-16"), r"rad 1.*UTF-16.*CSV UTF-8"),
    "UTF-16 utan BOM": ((HEADER + GOOD).encode("utf-16-le"), r"rad 1.*UTF-16.*CSV UTF-8"),
    "nolltecken på rad 3": ((HEADER + "G-1,2024-01-01,avvikelse,fall,Ny,ok\nG-2,2024-01-02,avvikelse,fall,Ny,f\x00ll\n")
                            .encode(), r"nolltecken \(det första på rad 3\)"),
    "citat som aldrig stängs": (
        (HEADER + GOOD + 'G-3,2024-01-03,avvikelse,fall,Ny,"öppnas här\nG-4,2024-01-04,avvikelse,fall,Ny,x\n').encode(),
        r"^Rad 4: ett citattecken öppnas men stängs aldrig"),
    "text efter stängt citat": (
        (HEADER + GOOD + 'G-3,2024-01-03,avvikelse,fall,Ny,"citat"efter\n').encode(),
        r"^Rad 4: efter ett avslutande citattecken"),
    "fält över csv-gränsen": (
        (HEADER + GOOD + "G-3,2024-01-03,avvikelse,fall,Ny," + "x" * 200_000 + "\n").encode(),
        r"^Rad 4: ett fält är längre än \d+ tecken"),
}


@pytest.mark.parametrize("name", list(BROKEN))
def test_trasig_fil_ger_svenskt_fel_med_rad_och_andrar_ingenting(engine, name):
    run_import(engine, (HEADER + "F-1,2023-12-31,avvikelse,fall,Björkhagen,tidigare import\n").encode())
    before = database(engine)
    data, message = BROKEN[name]
    with pytest.raises(ImportFileError, match=message) as raised:
        run_import(engine, data)
    assert "Traceback" not in str(raised.value) and "codec" not in str(raised.value)
    assert database(engine) == before


def test_for_langt_falt_avvisar_raden_med_rad_och_kolumn_och_resten_importeras(engine):
    huge = "x" * (MAX_FIELD_CHARS + 1)
    content = HEADER + GOOD + f"G-3,2024-01-03,avvikelse,fall,Ny Enhet,{huge}\n"
    result = run_import(engine, content.encode())
    assert [str(e) for e in result.errors] == [
        f"rad 4, kolumn description: fältet är för långt ({MAX_FIELD_CHARS + 1} tecken, högst {MAX_FIELD_CHARS})"]
    refs, units, _ = database(engine)
    assert [r for r, _ in refs] == ["G-1", "G-2"]
    assert units == ["Solgården"]  # the rejected row's unit is not created either


def test_for_langt_falt_med_strict_importerar_ingenting(engine):
    content = HEADER + GOOD + "G-3,2024-01-03,avvikelse,fall,Ny Enhet," + "x" * (MAX_FIELD_CHARS + 1) + "\n"
    result = run_import(engine, content.encode(), strict=True)
    assert not result.written and len(result.errors) == 1
    assert database(engine) == ([], [], 0)


@settings(max_examples=150, deadline=None)
@given(noise=st.binary(max_size=300), at=st.integers(0, 200))
def test_vilka_bytes_som_helst_ger_rader_eller_ett_importfel_aldrig_ett_undantag(noise, at):
    data = (HEADER + GOOD).encode()
    data = data[:at] + noise + data[at:]
    try:
        parsed = parse_file(data, mask=keep)
    except ImportFileError as exc:
        assert str(exc)[:3] in ("Fil", "Rad", "Kol")  # a Swedish sentence about the file or a line
        return
    for error in parsed.errors:
        assert str(error).startswith("rad ") and error.line >= 2
