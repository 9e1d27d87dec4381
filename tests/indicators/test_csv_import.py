"""CSV-import av indikatorvärden: semikolon, decimalkomma, BOM, fel rader pekas ut per rad."""

from __future__ import annotations

from sqlmodel import select

from storage.database import session_scope
from storage.indicators.csv_rows import parse_number
from storage.indicators.value_import import import_indicator_files
from storage.models import IndicatorValue
from storage.units import get_or_create_unit

GOOD_AND_BAD = (
    "indicator;period;unit;value\n"
    "senior_alert_fall;2026-Q1;kommun;87,5\n"          # line 2
    "aktuell_genomforandeplan;2026 K1;Solgården;93\n"   # line 3: quarter spelled K1, a unit
    "nojdhet_hemtjanst;2025;;81,0 %\n"                  # line 4: empty scope is the municipality
    "okand_indikator;2025;kommun;50\n"                  # line 5: unknown indicator
    "senior_alert_fall;2026-13;kommun;80\n"             # line 6: no month 13
    "senior_alert_fall;2026-Q1;Månstrålen;80\n"         # line 7: unknown unit
    "senior_alert_fall;2025-Q4;kommun;åttio\n"          # line 8: not a number
    "senior_alert_fall;2025-Q4;kommun;180\n"            # line 9: over 100 %
    "fallavvikelser;2026-03;kommun;12\n"                # line 10: computed by the bot
    "personalkontinuitet;2025;kommun;\n"                # line 11: missing value is skipped, not zero
)


def write(tmp_path, name: str, text: str, encoding: str = "utf-8-sig"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def values(session) -> dict[tuple[str, str, str], float | None]:
    return {(v.indicator_id, v.period, v.scope): v.value for v in session.exec(select(IndicatorValue))}


def test_decimalkomma_och_procenttecken_tolkas():
    assert parse_number("87,5") == 87.5
    assert parse_number(" 87.5 % ") == 87.5
    assert parse_number("1 234,5") == 1234.5


def test_semikolon_bom_och_decimalkomma_ger_varden_och_fel_rader_namnges(engine, catalog, tmp_path):
    path = write(tmp_path, "indikatorer.csv", GOOD_AND_BAD)
    with session_scope(engine) as session:
        get_or_create_unit(session=session, name="Solgården")
        result = import_indicator_files(session=session, paths=[path], specs=catalog)
    assert not result.ok
    by_line = {p.where.split(", ")[1]: p.reason for p in result.problems}
    assert set(by_line) == {"rad 5", "rad 6", "rad 7", "rad 8", "rad 9", "rad 10"}
    assert "finns inte" in by_line["rad 5"]
    assert "perioden ”2026-13” känns inte igen" in by_line["rad 6"]
    assert "enheten ”Månstrålen” finns inte" in by_line["rad 7"]
    assert "inget tal" in by_line["rad 8"]
    assert "0–100" in by_line["rad 9"]
    assert "räknar boten själv" in by_line["rad 10"]
    assert any("rad 11" in note and "inte noll" in note for note in result.notes)
    with session_scope(engine) as session:
        assert values(session) == {
            ("senior_alert_fall", "2026-Q1", "kommun"): 87.5,
            ("aktuell_genomforandeplan", "2026-Q1", "Solgården"): 93.0,
            ("nojdhet_hemtjanst", "2025", "kommun"): 81.0,
        }


def test_samma_fil_igen_andrar_inget_och_nytt_varde_uppdaterar(engine, catalog, tmp_path):
    text = "indicator,scope,period,value\nsenior_alert_fall,kommun,2026-Q1,\"87,5\"\nnojdhet_sabo,kommun,2025,84\n"
    path = write(tmp_path, "a.csv", text, encoding="utf-8")
    with session_scope(engine) as session:
        first = import_indicator_files(session=session, paths=[path], specs=catalog)
    with session_scope(engine) as session:
        second = import_indicator_files(session=session, paths=[path], specs=catalog)
    assert first.ok and first.counts.created == 2
    assert second.counts.created == 0 and second.counts.updated == 0 and second.counts.unchanged == 2
    write(tmp_path, "a.csv", text.replace("84", "85"), encoding="utf-8")
    with session_scope(engine) as session:
        third = import_indicator_files(session=session, paths=[path], specs=catalog)
        assert third.counts.updated == 1
        assert values(session)[("nojdhet_sabo", "2025", "kommun")] == 85.0
        assert len(values(session)) == 2


def test_indikator_kan_anges_med_namn_eller_kolada_id_och_excel_kodning_gar(engine, catalog, tmp_path):
    text = "Indikator;Period;Enhet;Värde\nNöjdhet hemtjänst (brukarbedömning);2024;Kommunen;80,5\nU21401;2024;;15\n"
    path = write(tmp_path, "excel.csv", text, encoding="cp1252")
    with session_scope(engine) as session:
        result = import_indicator_files(session=session, paths=[path], specs=catalog)
    assert result.ok, result.problems
    assert any("Windows-1252" in note for note in result.notes)
    with session_scope(engine) as session:
        assert values(session) == {("nojdhet_hemtjanst", "2024", "kommun"): 80.5,
                                   ("personalkontinuitet", "2024", "kommun"): 15.0}


def test_fil_utan_rubrikkolumner_avvisas_hel(engine, catalog, tmp_path):
    path = write(tmp_path, "fel.csv", "a;b;c\n1;2;3\n")
    with session_scope(engine) as session:
        result = import_indicator_files(session=session, paths=[path], specs=catalog)
    assert not result.ok
    assert "kolumnerna indicator, period, value saknas" in result.problems[0].reason
