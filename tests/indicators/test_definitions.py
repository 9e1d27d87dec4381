"""Indikatordefinitionerna: TOML-filen läses in, sparas i databasen och fel pekas ut per indikator."""

from __future__ import annotations

import pytest

from storage.database import session_scope
from storage.indicators.definitions import (
    IndicatorDefinitionError,
    list_indicator_definitions,
    parse_indicator_definitions,
    sync_indicator_definitions,
)

GOOD = """
[[indikator]]
id = "nojdhet_hemtjanst"
name = "Nöjdhet hemtjänst"
unit = "%"
target = 85
higher_is_better = true
source = "imported"
frequency = "år"
aliases = ["nöjdhet"]
kolada_kpi = "u21468"
"""


def test_indikatorfilen_har_berakande_och_importerade_indikatorer(catalog):
    ids = {spec.id for spec in catalog}
    assert {"fallavvikelser", "bedomda_inom_14_dagar", "avvikelser_med_atgard", "avvikelser_med_aterkoppling",
            "dagar_till_avslut"} <= ids
    assert {"senior_alert_fall", "senior_alert_trycksar", "senior_alert_nutrition", "aktuell_genomforandeplan",
            "nojdhet_hemtjanst", "nojdhet_sabo", "bemotande_hemtjanst", "personalkontinuitet",
            "tid_till_besok_efter_larm", "ofrivillig_nattfasta", "lakemedelsgenomgang"} <= ids
    falls = next(s for s in catalog if s.id == "fallavvikelser")
    assert falls.unit == "antal" and not falls.higher_is_better and "fallindikatorn" in falls.aliases
    continuity = next(s for s in catalog if s.id == "personalkontinuitet")
    assert continuity.kolada_kpi and not continuity.higher_is_better


def test_definitionerna_sparas_och_en_ny_inlasning_andrar_inget(engine, catalog):
    with session_scope(engine) as session:
        assert sync_indicator_definitions(session=session, specs=catalog) == len(catalog)
    with session_scope(engine) as session:
        assert sync_indicator_definitions(session=session, specs=catalog) == 0
        rows = {d.id: d for d in list_indicator_definitions(session=session)}
        assert rows["aktuell_genomforandeplan"].target == 95
        assert rows["dagar_till_avslut"].unit == "dagar"


def test_andrat_malvarde_uppdaterar_raden(engine):
    spec = parse_indicator_definitions(GOOD)[0]
    assert spec.kolada_kpi == "U21468"
    with session_scope(engine) as session:
        sync_indicator_definitions(session=session, specs=[spec])
    changed = parse_indicator_definitions(GOOD.replace("target = 85", "target = 88"))
    with session_scope(engine) as session:
        assert sync_indicator_definitions(session=session, specs=changed) == 1
        assert list_indicator_definitions(session=session)[0].target == 88


def test_trasig_definition_namnges_med_id_och_skal():
    broken = GOOD + GOOD.replace('id = "nojdhet_hemtjanst"', 'id = "kontinuitet"').replace(
        'unit = "%"', 'unit = "st"').replace('frequency = "år"', 'frequency = "vecka"')
    with pytest.raises(IndicatorDefinitionError) as caught:
        parse_indicator_definitions(broken)
    [problem] = caught.value.problems
    assert problem.startswith("Indikatorn ”kontinuitet”")
    assert "enheten ”st” är okänd" in problem
    assert "frekvensen ”vecka” är okänd" in problem


def test_dubbelt_id_och_procentmal_over_hundra_ar_fel():
    with pytest.raises(IndicatorDefinitionError) as caught:
        parse_indicator_definitions(GOOD + GOOD.replace("target = 85", "target = 185"))
    assert "id:t finns redan" in caught.value.problems[0]
    assert "mellan 0 och 100" in caught.value.problems[0]


def test_fil_utan_indikatorer_ar_fel():
    with pytest.raises(IndicatorDefinitionError, match="inga"):
        parse_indicator_definitions("# tom\n")
