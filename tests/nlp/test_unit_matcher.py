"""Finding the unit a message names, with typos, abbreviations and near misses."""

from __future__ import annotations

import pytest

from nlp_models.units.matcher import UnitEntry, UnitMatcher

NAMES = ["Björkhagen", "Hemtjänst Norr", "Solgården", "Hemtjänst Syd", "Ekbacken", "Solrosen", "Hemtjänst Centrum"]


@pytest.fixture(scope="module")
def matcher() -> UnitMatcher:
    return UnitMatcher([UnitEntry(name) for name in NAMES] + [UnitEntry("Tallbacka korttidsboende", ("Tallbacka KTTB",))])


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("brukare på solgarden", "Solgården"),
        ("BRUKARE PÅ SOLGÅRDEN", "Solgården"),
        ("solgårdens personal", "Solgården"),
        ("hemtj centrum", "Hemtjänst Centrum"),
        ("hemtjänst norr", "Hemtjänst Norr"),
        ("HT Syd", "Hemtjänst Syd"),
        ("ht syd fick inte fram larmet", "Hemtjänst Syd"),
        ("hemtjanstnorr", "Hemtjänst Norr"),
        ("hemtjänst-norr", "Hemtjänst Norr"),
        ("bjorkhagn", "Björkhagen"),
        ("Bjork hagen", "Björkhagen"),
        ("på solgadren i natt", "Solgården"),
        ("ekbackens boende", "Ekbacken"),
        ("solrosen", "Solrosen"),
        ("tallbacka", "Tallbacka korttidsboende"),
        ("tallbacka kttb", "Tallbacka korttidsboende"),
    ],
)
def test_enheten_hittas_i_meddelandet(matcher, text, unit):
    match = matcher.find(text)
    assert match is not None and match.name == unit


def test_traffen_visar_texten_och_poangen(matcher):
    match = matcher.find("en brukare på Solgarden ramlade")
    assert match.matched_text == "Solgarden"
    assert match.score == 1.0
    typo = matcher.find("en brukare på Solgadren ramlade")
    assert 0 < typo.score < 1.0


@pytest.mark.parametrize(
    "text",
    ["hem", "boende", "en boende slog en annan boende", "åkte hem", "backen", "norr om stan", "syd", "solen", "", "   ", "enheten"],
)
def test_vanliga_ord_matchar_ingen_enhet(matcher, text):
    assert matcher.find(text) is None


def test_solgarden_och_solrosen_blandas_inte_ihop(matcher):
    assert matcher.find("solgården").name == "Solgården"
    assert matcher.find("solrosen").name == "Solrosen"
    assert matcher.find("solgrden").name == "Solgården"
    assert matcher.find("solrosn").name == "Solrosen"


def test_norr_och_syd_blandas_inte_ihop(matcher):
    assert matcher.find("hemtjänst norr").name == "Hemtjänst Norr"
    assert matcher.find("hemtjänst syd").name == "Hemtjänst Syd"
    assert matcher.find("hemtjänst sud") is not None and matcher.find("hemtjänst sud").name == "Hemtjänst Syd"


def test_bara_hemtjanst_ar_tvetydigt(matcher):
    assert matcher.find("en brukare i hemtjänsten") is None
    assert matcher.candidates("en brukare i hemtjänsten") == ["Hemtjänst Norr", "Hemtjänst Syd", "Hemtjänst Centrum"]


def test_tva_enheter_i_samma_meddelande_ar_tvetydigt(matcher):
    text = "brukaren flyttade från solgården till ekbacken"
    assert matcher.find(text) is None
    assert set(matcher.candidates(text)) == {"Solgården", "Ekbacken"}


def test_kandidater_for_entydig_traff_ar_den_enheten(matcher):
    assert matcher.candidates("på ekbacken") == ["Ekbacken"]
    assert matcher.candidates("ingen enhet här") == []


@pytest.mark.parametrize(
    ("answer", "unit"),
    [("solgarden", "Solgården"), ("Ekbacken.", "Ekbacken"), ("norr", "Hemtjänst Norr"), ("syd", "Hemtjänst Syd"), ("ht centrum", "Hemtjänst Centrum")],
)
def test_lookup_av_ett_helt_svar(matcher, answer, unit):
    match = matcher.lookup(answer)
    assert match is not None and match.name == unit


@pytest.mark.parametrize("answer", ["hemtjänst", "boende", "vet inte", ""])
def test_lookup_utan_entydigt_svar(matcher, answer):
    assert matcher.lookup(answer) is None


def test_forslag_nar_enheten_inte_finns(matcher):
    assert matcher.suggest("solgårn")[0] == "Solgården"
    assert matcher.suggest("hemtjänst")[:3] == ["Hemtjänst Norr", "Hemtjänst Syd", "Hemtjänst Centrum"]
    assert len(matcher.suggest("björk", limit=2)) <= 2
    assert matcher.suggest("") == []


def test_enheter_kommer_fran_databasen_inte_koden():
    matcher = UnitMatcher([UnitEntry("Lindgården", ("Linden",))])
    assert matcher.find("på linden").name == "Lindgården"
    assert matcher.find("på solgården") is None
    assert UnitMatcher([]).find("solgården") is None
