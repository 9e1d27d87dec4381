"""Demo data: two whole calendar years and this year up to a few days ago, kinds and areas that fit the words,
lex candidates, duplicates, handled and unhandled reports – so every README example shows something."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import pytest
from sqlmodel import select

from bot.demo_data import SYNPUNKTER, TEMPLATES, create_demo_data
from storage.database import make_engine, session_scope, upgrade_schema
from storage.models import Report
from storage.timestamps import STOCKHOLM, to_stockholm

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=STOCKHOLM)


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> list[Report]:
    db = make_engine(f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.db'}")
    upgrade_schema(db)
    with session_scope(db) as session:
        create_demo_data(session=session, now=NOW)
    with session_scope(db) as session:
        rows = list(session.exec(select(Report)))
        session.expunge_all()
    return rows


def test_tva_hela_ar_och_aret_hittills(reports):
    months = Counter((to_stockholm(r.occurred_at).year, to_stockholm(r.occurred_at).month) for r in reports)
    for year in (2024, 2025):
        assert all(months[(year, m)] > 10 for m in range(1, 13)), year
    assert all(months[(2026, m)] > 10 for m in range(1, 12))
    assert max(to_stockholm(r.occurred_at) for r in reports) <= NOW
    assert min(to_stockholm(r.occurred_at).date() for r in reports) >= date(2024, 1, 1)


def test_omradet_passar_orden(reports):
    texts = {text: area for area, _, texts in TEMPLATES for text in texts}
    texts.update({text: area for area, text in SYNPUNKTER})
    for report in reports:
        description = report.description.removesuffix(" (rapporterat även av kollega)")
        assert texts[description] == report.area, (report.reference, report.description, report.area)
        assert (report.kind == "synpunkt") == (description in {t for _, t in SYNPUNKTER})


def test_lex_fall_dubbletter_och_hantering_finns(reports):
    assert sum(r.lex_maria_candidate for r in reports) >= 5 and sum(r.lex_sarah_candidate for r in reports) >= 5
    assert all(r.severe for r in reports if r.lex_maria_candidate)
    assert sum(r.duplicate_of_id is not None for r in reports) >= 10
    statuses = Counter(r.status for r in reports)
    assert statuses["ny"] and statuses["utreds"] and statuses["åtgärdad"] and statuses["avslutad"]


def test_demochefen_ar_chef_for_bada_enheterna_som_readme_sager(tmp_path):
    from storage.people import people_with_units

    db = make_engine(f"sqlite:///{tmp_path / 'demo.db'}")
    upgrade_schema(db)
    with session_scope(db) as session:
        create_demo_data(session=session, now=NOW)
        people = {person.platform_user_id: (person.role, sorted(name for name, _ in units))
                  for person, units in people_with_units(session=session)}
    assert people["demo-chef"] == ("chef", ["Björkhagen", "Solgården"])
    assert people["demo-personal"] == ("personal", ["Solgården"])
    assert people["demo-mas"] == ("mas", [])
