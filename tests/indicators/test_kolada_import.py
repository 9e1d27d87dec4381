"""Kolada API v3-JSON: totalen (T) väljs, null är saknat värde – aldrig noll – och sidor märks."""

from __future__ import annotations

import json

from sqlmodel import select

from storage.database import session_scope
from storage.indicators.value_import import import_indicator_files
from storage.models import IndicatorValue


def entry(kpi: str, period: int, total: float | None, municipality: str = "0180") -> dict:
    return {"kpi": kpi, "municipality": municipality, "period": period,
            "values": [{"gender": "K", "value": 99.0, "status": ""},
                       {"gender": "T", "value": total, "status": "" if total is not None else "Saknas"},
                       {"gender": "M", "value": 1.0, "status": ""}]}


def write(tmp_path, name: str, payload: dict):
    path = tmp_path / name
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def values(session) -> dict[tuple[str, str, str], float | None]:
    return {(v.indicator_id, v.period, v.scope): v.value for v in session.exec(select(IndicatorValue))}


def test_kon_t_valjs_och_null_fran_kolada_ar_saknat_varde_inte_noll(engine, catalog, tmp_path):
    path = write(tmp_path, "kolada.json", {"values": [
        entry("U21468", 2024, 87.0), entry("U21468", 2023, None), entry("U21401", 2024, 14.0),
        entry("U21468", 2024, 83.0, municipality="0000"), entry("N99999", 2024, 5.0)]})
    with session_scope(engine) as session:
        result = import_indicator_files(session=session, paths=[path], specs=catalog)
    assert result.ok, result.problems
    with session_scope(engine) as session:
        assert values(session) == {("nojdhet_hemtjanst", "2024", "kommun"): 87.0,
                                   ("personalkontinuitet", "2024", "kommun"): 14.0,
                                   ("nojdhet_hemtjanst", "2024", "riket"): 83.0}
    assert any("(U21468, 2023)" in n and "null" in n and "inte noll" in n for n in result.notes)
    assert any("N99999" in n for n in result.notes)


def test_null_skriver_inte_over_ett_kant_varde(engine, catalog, tmp_path):
    with session_scope(engine) as session:
        import_indicator_files(session=session, specs=catalog,
                               paths=[write(tmp_path, "a.json", {"values": [entry("U21468", 2024, 86.0)]})])
    with session_scope(engine) as session:
        import_indicator_files(session=session, specs=catalog,
                               paths=[write(tmp_path, "b.json", {"values": [entry("U21468", 2024, None)]})])
        assert values(session) == {("nojdhet_hemtjanst", "2024", "kommun"): 86.0}


def test_en_sida_av_flera_noteras(engine, catalog, tmp_path):
    path = write(tmp_path, "sida1.json", {"values": [entry("U21468", 2024, 87.0)],
                                          "next_page": "https://api.kolada.se/v3/data/kpi/U21468?page=2"})
    with session_scope(engine) as session:
        result = import_indicator_files(session=session, paths=[path], specs=catalog)
    assert result.ok
    assert any("sida1.json är en sida av flera" in note for note in result.notes)


def test_en_katalog_med_alla_sidor_importeras_tillsammans(engine, catalog, tmp_path):
    pages = tmp_path / "kolada"
    pages.mkdir()
    write(pages, "1.json", {"values": [entry("U21468", 2023, 84.0)], "next_url": "…page=2"})
    write(pages, "2.json", {"values": [entry("U21468", 2024, 87.0)]})
    with session_scope(engine) as session:
        result = import_indicator_files(session=session, paths=[pages], specs=catalog)
    assert result.ok and result.files == 2 and result.counts.created == 2
    assert not any("en sida av flera" in note for note in result.notes)
    write(pages, "2.json", {"values": [entry("U21468", 2024, 87.0)], "next_page": 3})
    with session_scope(engine) as session:
        result = import_indicator_files(session=session, paths=[pages], specs=catalog)
    assert any("sista sidan verkar saknas" in note for note in result.notes)


def test_flera_kommuner_kraver_kommunkod(engine, catalog, tmp_path):
    payload = {"values": [entry("U21468", 2024, 87.0), entry("U21468", 2024, 70.0, municipality="1480")]}
    path = write(tmp_path, "jamforelse.json", payload)
    with session_scope(engine) as session:
        result = import_indicator_files(session=session, paths=[path], specs=catalog)
        assert not result.ok and "--kommun" in result.problems[0].reason
    with session_scope(engine) as session:
        result = import_indicator_files(session=session, paths=[path], specs=catalog, municipality="0180")
        assert result.ok
        assert values(session) == {("nojdhet_hemtjanst", "2024", "kommun"): 87.0}
    assert any("1480" in note for note in result.notes)
