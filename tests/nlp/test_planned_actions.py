"""An action still to come is not something done at once: "ssk ska titta på henne" is no "ssk har
bedömt". What was done stays done, also beside a plan ("ringde ssk som ska komma")."""

from __future__ import annotations

from functools import lru_cache

import pytest

from nlp_models.reports.analyzer import ReportAnalyzer


@lru_cache(maxsize=1)
def analyzer() -> ReportAnalyzer:
    return ReportAnalyzer()


def done(text: str) -> str | None:
    return analyzer().analyze(text).immediate_action


@pytest.mark.parametrize("text", [
    "ssk ska titta pa henne",
    "vet ej, ssk ska titta på henne senare",
    "läkaren kommer att ringa i morgon",
    "vi måste kontakta läkare",
    "sjuksköterskan behöver bedöma såret",
    "ssk skall informeras",
])
def test_planerad_atgard_ar_inte_gjord(text: str) -> None:
    assert done(text) is None


@pytest.mark.parametrize("text, label", [
    ("ssk har tittat på henne", "ssk har bedömt"),
    ("jag ringde ssk som ska komma", "ssk kontaktad"),
    ("ssk kontaktad och ska komma i kväll", "ssk kontaktad"),
    ("hjälpte upp henne, ssk kontaktad", "ssk kontaktad"),
])
def test_gjord_atgard_star_kvar_bredvid_en_plan(text: str, label: str) -> None:
    assert label in (done(text) or "")
