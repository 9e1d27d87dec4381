"""Roles, complete: unit access follows the latest role command (replaced, removed, listed), and
indicator answers stay within the asker's units. SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from intents.indicator_answers import answer_indicator
from nlp_models.analyzer import LanguageUnderstanding
from nlp_models.units.matcher import UnitEntry
from storage.database import session_scope
from storage.indicators.definitions import load_indicator_catalog, sync_indicator_definitions
from storage.indicators.values import NewValue, upsert_indicator_values
from storage.people import get_person, people_with_units, remove_unit, set_role, units_of
from storage.units import get_or_create_unit
from storage.vocabulary import Role, UnitRelation
from tests.indicators.helpers import make_turn


def unit_names(session, user: str) -> list[str]:
    return [u.name for u in units_of(session=session, person=get_person(session=session, platform_user_id=user))]


def test_flyttad_chef_ser_bara_den_nya_enheten_aven_via_personal(engine):
    with session_scope(engine) as session:
        set_role(session=session, platform_user_id="U1", role=Role.CHEF, unit_name="Solgården")
        set_role(session=session, platform_user_id="U1", role=Role.PERSONAL)
        assert unit_names(session, "U1") == []  # personal manages nothing
        set_role(session=session, platform_user_id="U1", role=Role.CHEF, unit_names=["Björkhagen"])
        assert unit_names(session, "U1") == ["Björkhagen"]


def test_set_role_med_enheter_ersatter_listan(engine):
    with session_scope(engine) as session:
        set_role(session=session, platform_user_id="U2", role=Role.SJUKSKOTERSKA, unit_names=["Solgården", "Ekbacken"])
        set_role(session=session, platform_user_id="U2", role=Role.SJUKSKOTERSKA, unit_names=["Björkhagen"])
        assert unit_names(session, "U2") == ["Björkhagen"]
        set_role(session=session, platform_user_id="U2", role=Role.SJUKSKOTERSKA)  # no --unit: units kept
        assert unit_names(session, "U2") == ["Björkhagen"]


def test_en_enhet_kan_tas_bort_och_listan_visar_roller_och_enheter(engine):
    with session_scope(engine) as session:
        set_role(session=session, platform_user_id="U3", role=Role.CHEF, unit_names=["Solgården", "Björkhagen"])
        set_role(session=session, platform_user_id="U4", role=Role.MAS)
        assert remove_unit(session=session, platform_user_id="U3", unit_name="solgården") is True
        assert remove_unit(session=session, platform_user_id="U3", unit_name="Solgården") is False
        listed = {p.platform_user_id: (p.role, units) for p, units in people_with_units(session=session)}
    assert listed == {"U3": ("chef", [("Björkhagen", UnitRelation.MANAGER.value)]), "U4": ("mas", [])}


@pytest.fixture(scope="module")
def nlu():
    return LanguageUnderstanding([UnitEntry("Solgården", ()), UnitEntry("Björkhagen", ())])


def seed_indicators(session) -> None:
    sync_indicator_definitions(session=session, specs=load_indicator_catalog())
    for name in ("Solgården", "Björkhagen"):
        get_or_create_unit(session=session, name=name)
    upsert_indicator_values(session=session, values=[
        NewValue("aktuell_genomforandeplan", "2026-Q1", "kommun", 93.0, "import"),
        NewValue("aktuell_genomforandeplan", "2026-Q1", "Solgården", 88.0, "import"),
    ])


@pytest.mark.parametrize("role", [Role.CHEF, Role.SJUKSKOTERSKA])
@pytest.mark.parametrize("question", ["status på indikatorerna", "genomförandeplaner", "indikatorer för kommunen"])
def test_chef_och_ssk_utan_enhet_ser_inga_indikatorer(engine, nlu, role, question):
    with session_scope(engine) as session:
        seed_indicators(session)
        text = answer_indicator(make_turn(session, question, role=role, user="U-utan", nlu=nlu))[0].text
    assert "ingen enhet kopplad" in text and "93" not in text and "88" not in text


@pytest.mark.parametrize("question", ["status på indikatorerna", "genomförandeplaner", "genomförandeplaner i kommunen",
                                      "genomförandeplaner på Solgården"])
def test_chef_for_en_enhet_ser_enhetens_varden_och_inget_for_kommunen(engine, nlu, question):
    with session_scope(engine) as session:
        seed_indicators(session)
        text = answer_indicator(make_turn(session, question, role=Role.CHEF, user="U-sg", unit="Solgården",
                                          nlu=nlu))[0].text
    assert "Solgården" in text and "88 %" in text
    assert "93" not in text and "kommunen" not in text


def test_chef_for_enhet_utan_varden_far_inte_kommunens(engine, nlu):
    with session_scope(engine) as session:
        seed_indicators(session)
        for question in ("status på indikatorerna", "genomförandeplaner på Björkhagen"):
            text = answer_indicator(make_turn(session, question, role=Role.CHEF, user="U-bh", unit="Björkhagen",
                                              nlu=nlu))[0].text
            assert text == "Jag har inga indikatorvärden för Björkhagen ännu."


def test_chef_digest_visar_bara_enhetens_indikatorer(engine):
    from intents.digest.indicator_lines import off_target_lines
    from storage.indicators.definitions import DEFAULT_INDICATORS_FILE

    lines = off_target_lines(DEFAULT_INDICATORS_FILE)
    with session_scope(engine) as session:
        seed_indicators(session)
        solgarden = get_or_create_unit(session=session, name="Solgården")
        björkhagen = get_or_create_unit(session=session, name="Björkhagen")
        assert [line for line in lines(session, unit_ids=[björkhagen.id])] == []
        [line] = lines(session, unit_ids=[solgarden.id])
        municipal = lines(session)
    assert "(Solgården)" in line and "88 %" in line
    assert any("93 %" in m for m in municipal) and "88" not in "".join(municipal)


@pytest.mark.parametrize("role", [Role.CHEF, Role.SJUKSKOTERSKA])
def test_chef_och_ssk_utan_enhet_far_ingen_statistik(engine, nlu, role):
    from intents.statistics.answers import answer_statistics

    with session_scope(engine) as session:
        seed_indicators(session)
        turn = make_turn(session, "hur många fallavvikelser i mars", role=role, user="U-utan", nlu=nlu)
        text = answer_statistics(turn)[0].text
    assert "ingen enhet kopplad" in text


def test_indikatorsvar_loggas_i_atkomstloggen(engine, nlu):
    from storage.access_log import access_entries

    with session_scope(engine) as session:
        seed_indicators(session)
        answer_indicator(make_turn(session, "genomförandeplaner", role=Role.CHEF, user="U-sg", unit="Solgården",
                                   nlu=nlu))
        [entry] = access_entries(session=session, user_key="U-sg")
    assert entry.role == "chef" and entry.question == "genomförandeplaner" and "Solgården" in entry.revealed
