"""The generated rule overview (nlp_models/rules/OVERVIEW.md) that a MAS reviews."""

from __future__ import annotations

from nlp_models.reports.overview import describe_token, main, overview


def test_oversikten_ar_aktuell_med_regelfilerna() -> None:
    assert main(["--check"]) == 0, "kör: python -m nlp_models.reports.overview"


def test_oversikten_visar_varje_omrade_med_vikter() -> None:
    text = overview()
    for area in ("fall", "läkemedel", "trycksår", "larm", "övrigt"):
        assert f"## Område: {area}" in text
    assert "| `fall.verb` | 3 |" in text
    assert "@golvplatser" in text


def test_monster_beskrivs_i_ord() -> None:
    assert describe_token({"OP": "{0,3}"}) == "(högst 3 ord)"
    assert describe_token({"NORM": {"IN": ["pa", "i"]}, "OP": "?"}) == "[skrivet pa / i]"
    assert describe_token({"LEMMA": "falla"}) == "ordet falla"
