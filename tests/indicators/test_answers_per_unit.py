"""Indikatorer för en enhet som nämns i frågan (med den riktiga språkförståelsen)."""

from __future__ import annotations

import pytest

from intents.indicator_answers import answer_indicator
from nlp_models.analyzer import LanguageUnderstanding
from nlp_models.units.matcher import UnitEntry
from storage.database import session_scope
from storage.indicators.definitions import sync_indicator_definitions
from storage.indicators.values import NewValue, upsert_indicator_values
from storage.units import get_or_create_unit
from storage.vocabulary import Role
from tests.indicators.helpers import make_turn


@pytest.fixture(scope="module")
def nlu():
    return LanguageUnderstanding([UnitEntry("Solgården", ()), UnitEntry("Björkhagen", ())])


def seed(session, catalog):
    sync_indicator_definitions(session=session, specs=catalog)
    get_or_create_unit(session=session, name="Björkhagen")
    upsert_indicator_values(session=session, values=[
        NewValue("aktuell_genomforandeplan", "2026-Q1", "kommun", 93.0, "import"),
        NewValue("aktuell_genomforandeplan", "2026-Q1", "Solgården", 88.0, "import"),
    ])


def test_enhetens_egna_varden_visas_nar_de_finns(engine, catalog, nlu):
    with session_scope(engine) as session:
        seed(session, catalog)
        get_or_create_unit(session=session, name="Solgården")
        text = answer_indicator(make_turn(session, "genomförandeplaner på Solgården", nlu=nlu))[0].text
    assert text.startswith("Aktuell genomförandeplan på Solgården\nSenast: 88 % (kv 1 2026) ⚠️ målet är 95 %")


def test_enhet_utan_varden_visar_kommunen_och_sager_det(engine, catalog, nlu):
    with session_scope(engine) as session:
        seed(session, catalog)
        text = answer_indicator(make_turn(session, "status på indikatorerna för Björkhagen", nlu=nlu))[0].text
    assert text.startswith("Jag har inga indikatorvärden för Björkhagen – visar kommunen.\n"
                           "Kvalitetsindikatorer för kommunen")


def test_chef_ser_inte_andra_enheters_indikatorer(engine, catalog, nlu):
    with session_scope(engine) as session:
        seed(session, catalog)
        turn = make_turn(session, "genomförandeplaner på Björkhagen", role=Role.CHEF, user="U-chef",
                         unit="Solgården", nlu=nlu)
        text = answer_indicator(turn)[0].text
    assert text == "Du kan inte se indikatorer för Björkhagen – bara för enheter du har ansvar för."
