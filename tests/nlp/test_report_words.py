"""Word forms for the report rules: lemmas, compounds, abbreviations, typos; the pattern
matcher; and that every rule file loads."""

from __future__ import annotations

import pytest

from nlp_models.reports.rules import load_report_rules
from nlp_models.reports.words import word_analysis
from nlp_models.text.token_patterns import PatternError, TokenPatternMatcher, TokenView, compile_rule


def form(word: str):
    return word_analysis().analyse(word.lower())


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("ramlade", "ramla"),
        ("föll", "falla"),
        ("fallit", "falla"),
        ("tabletterna", "tablett"),
        ("larmet", "larm"),
        ("natten", "natt"),       # not "natta" as the general lookup says
        ("fick", "fa"),           # not "ficka"
        ("vänds", "vanda"),
        ("gled", "glida"),
    ],
)
def test_domanlemman_fran_egen_tabell_och_andelser(word: str, lemma: str) -> None:
    assert form(word).lemma == lemma


def test_falla_med_prickar_ar_inte_foll() -> None:
    assert form("fällde").lemma != "falla"
    assert form("föll").lemma == "falla"


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("fallolycka", ("fall", "olycka")),
        ("läkemedelsmiss", ("lakemedel", "missa")),
        ("tryckskada", ("tryck", "skada")),
        ("trygghetslarmet", ("trygghet", "larm")),
        ("nattlarmet", ("natt", "larm")),
        ("larmknappen", ("larm", "knapp")),
        ("medicinfel", ("medicin", "fel")),
        ("parkinsonmedicinen", ("parkinson", "medicin")),
        ("dospåsarna", ("dos", "pase")),
    ],
)
def test_sammansattningar_delas_med_fogebokstav(word: str, parts: tuple[str, ...]) -> None:
    assert form(word).parts == parts


@pytest.mark.parametrize("word", ["tillfälle", "avfallet", "dödsfall", "anfall", "blodtrycksmedicin"])
def test_fall_och_tryck_som_ledd_i_andra_ord_ar_inte_fall_eller_trycksar(word: str) -> None:
    parts = form(word).parts
    assert "fall" not in parts[:-1]
    assert "tryck" not in parts[:-1]


@pytest.mark.parametrize(("abbreviation", "lemma"), [("ssk", "sjukskoterska"), ("bru", "brukare"), ("TL", "trygghetslarm"), ("ssk:n", "sjukskoterska")])
def test_forkortningar_far_sitt_ord_som_lemma(abbreviation: str, lemma: str) -> None:
    assert form(abbreviation).lemma == lemma


@pytest.mark.parametrize(
    ("typo", "lemma"),
    [("ramlde", "ramla"), ("medecin", "medicin"), ("trygghetslamret", "trygghetslarm"), ("larment", "larm"), ("tryksår", "trycksar")],
)
def test_stavfel_nara_ett_lexikonord_rattas(typo: str, lemma: str) -> None:
    assert form(typo).lemma == lemma


@pytest.mark.parametrize("word", ["full", "varm", "saft", "vänta", "varmt", "tabell", "hallen"])
def test_vanliga_ord_nara_lexikonord_rattas_inte(word: str) -> None:
    result = form(word)
    assert result.corrected is None
    assert result.lemma not in {"fall", "falla", "larm", "sar", "vanda", "tablett"}


def test_sar_utan_ring_ar_sar() -> None:
    assert form("sar").lemma == form("sår").lemma == "sar"


# -- the matcher -----------------------------------------------------------------------------

def view(i: int, text: str, lemma: str | None = None, parts: tuple[str, ...] | None = None) -> TokenView:
    lemma = lemma or text
    return TokenView(i, text, text, text, lemma, parts or (lemma,), not text.isalnum(), text.isdigit(), text.isdigit())


def test_monster_med_lucka_och_valfri_token() -> None:
    rule = compile_rule(
        {"id": "t", "pattern": [{"LEMMA": "hitta"}, {"OP": "{0,2}"}, {"NORM": "pa"}, {"HEAD": "golv"}]}, "test"
    )
    matcher = TokenPatternMatcher([rule])
    tokens = [view(0, "hittade", "hitta"), view(1, "henne"), view(2, "pa"), view(3, "koksgolvet", "koksgolv", ("kok", "golv"))]
    matches = matcher(tokens)
    assert [(m.start, m.end) for m in matches] == [(0, 4)]


def test_monster_med_regex_in_och_not_in() -> None:
    rule = compile_rule({"id": "t", "pattern": [{"NORM": {"REGEX": "^fall"}}, {"NORM": {"NOT_IN": ["bort"]}}]}, "test")
    matcher = TokenPatternMatcher([rule])
    assert matcher([view(0, "fallet"), view(1, "igar")])
    assert not matcher([view(0, "fallit"), view(1, "bort")])


@pytest.mark.parametrize(
    "row",
    [
        {"id": "x"},
        {"id": "x", "pattern": []},
        {"id": "x", "pattern": [{"OP": "?", "NORM": "a"}]},
        {"id": "x", "pattern": [{"NOPE": "a"}]},
        {"id": "x", "pattern": [{"NORM": {"REGEX": "("}}]},
        {"id": "x", "pattern": [{"NORM": "a", "OP": "{x}"}]},
    ],
)
def test_felaktiga_monster_ger_tydligt_fel(row: dict) -> None:
    with pytest.raises(PatternError):
        compile_rule(row, "test")


def test_alla_regelfiler_laddas_med_unika_id() -> None:
    rules = load_report_rules().matcher.rules
    groups = {rule.group for rule in rules}
    assert groups == {"area", "kind", "consequence", "severity", "action", "staff_injury"}
    assert len({rule.id for rule in rules}) == len(rules)
    assert {rule.get("area") for rule in rules if rule.group == "area"} == {"fall", "läkemedel", "trycksår", "larm", "övrigt"}


@pytest.mark.parametrize(("typo", "parts"), [("nattmedicinnen", ("natt", "medicin")), ("badrumsglovet", ("badrum", "golv"))])
def test_stavfel_i_sammansattningens_huvudled_rattas(typo: str, parts: tuple[str, ...]) -> None:
    assert form(typo).parts == parts
