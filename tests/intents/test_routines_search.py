"""Finding the right routine for what care workers actually type.

Questions come typed on a phone: without å/ä/ö, with typos, in every inflection.
Each case names the routine file (without .md) that should come first.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from intents.routines import Routine, RoutineSearch, load_routines
from intents.routines.search import stem, tokenize

SHIPPED = Path(__file__).resolve().parents[2] / "knowledge" / "rutiner"


@pytest.fixture(scope="module")
def search() -> RoutineSearch:
    return RoutineSearch(load_routines(SHIPPED).routines)


def best_file(search: RoutineSearch, question: str) -> str | None:
    hit = search.best(question)
    return hit.routine.path.stem if hit else None


QUESTIONS = [
    # fall
    ("vad gör jag om någon ramlat?", "fall"),
    ("vad gor jag om nagon ramlat", "fall"),
    ("hon ramlade i natt och ligger pa golvet", "fall"),
    ("rammlat i köket, får jag lyfta upp henne?", "fall"),
    ("måste jag kontakta ssk efter ett fall utan skada?", "fall"),
    ("han trillade ur rullstolen", "fall"),
    ("hittade honom sittande på golvet i morse, vad gäller", "fall"),
    ("ska fallet tas upp på hälsokonferensen", "fall"),
    ("vad gör jag om brukaren ramlat i hemtjänsten", "fall"),
    # läkemedel
    ("rutin vid utebliven dos?", "utebliven-eller-dubbel-dos"),
    ("glomt ge morgonmedicinen", "utebliven-eller-dubbel-dos"),
    ("brukaren har fått dubbel dos", "utebliven-eller-dubbel-dos"),
    ("vad ska jag göra om jag hittar tabletter på golvet", "utebliven-eller-dubbel-dos"),
    ("vad gäller om brukaren vägrar ta sin medicin?", "utebliven-eller-dubbel-dos"),
    ("jag gav fel dos till brukaren", "lakemedelsfel"),
    ("gav medicinen till fel brukare, vad gör jag nu", "lakemedelsfel"),
    ("behöver jag skriva avvikelse fast jag har signerat digitalt", "lakemedelsfel"),
    ("vad säger rutinen om narkotikaräkning", "narkotika-och-forvaring"),
    ("narkotikaraknigen stammer inte", "narkotika-och-forvaring"),
    ("medicinskåpet stod olåst", "narkotika-och-forvaring"),
    # trycksår
    ("hur ofta ska man vända en brukare som har risk för trycksår", "trycksar"),
    ("hur dokumenterar man lägesändringar", "trycksar"),
    ("rodnad pa halen som inte bleknar", "trycksar"),
    # larm
    ("vem ringer jag om larmet inte fungerar", "trygghetslarm"),
    ("hur lång tid får det ta innan vi är på plats vid ett larm?", "trygghetslarm"),
    ("trygghetslarmet gick inte fram", "trygghetslarm"),
    ("batteriet i larmknappen är slut", "trygghetslarm"),
    ("vem svarar på larmen på natten", "trygghetslarm"),
    ("larmet fungerar inte hos en brukare i hemtjänst norr", "trygghetslarm"),
    # övrigt
    ("vad är skillnaden mellan lex sarah och lex maria", "lex-maria"),
    ("hur skriver jag en lex sarah-rapport", "lex-sarah"),
    ("vad är ett missförhållande", "lex-sarah"),
    ("vem anmäler en vårdskada till ivo", "lex-maria"),
    ("hur tar jag emot en synpunkt från en anhörig", "synpunkter-och-klagomal"),
    ("dottern är missnöjd med bemötandet", "synpunkter-och-klagomal"),
    ("när ska jag sprita händerna", "basal-hygien"),
    ("måste man ha plastförkläde vid dusch", "basal-hygien"),
    ("får jag ha ringar på jobbet", "basal-hygien"),
    ("jag misstänker att brukaren blir slagen av sin son", "vald-mot-vuxen"),
    ("brukaren har blåmärken utan förklaring och verkar rädd", "vald-mot-vuxen"),
    ("vad är rutinen vid missat besök i hemtjänsten", "missat-besok"),
    ("vi glömde ett besök i morse", "missat-besok"),
    ("jag blir sen till nästa besök", "missat-besok"),
    ("när ska man skriva en avvikelse", "avvikelse"),
    ("jag skadade mig i ryggen på jobbet", "tillbud-personal"),
]


@pytest.mark.parametrize(("question", "expected"), QUESTIONS, ids=[q for q, _ in QUESTIONS])
def test_fragan_hittar_ratt_rutin(search, question, expected):
    assert best_file(search, question) == expected


UNRELATED = [
    "vad blir det för mat i dag",
    "när går bussen till stan",
    "vem vann matchen igår",
    "kan du berätta ett skämt",
    "vilket väder blir det i morgon",
    "i så fall ringer jag senare",
    "hej hej",
    "",
]


@pytest.mark.parametrize("question", UNRELATED)
def test_fraga_utan_koppling_till_rutiner_ger_ingen_traff(search, question):
    assert search.best(question) is None


@pytest.mark.parametrize("spelling", ["ramlat", "ramla", "ramlade", "ramlt", "rammlat", "RAMLAT", "trillat", "föll"])
def test_ramlat_i_olika_former_och_stavningar_hittar_fallrutinen(search, spelling):
    assert best_file(search, f"brukaren har {spelling}") == "fall"


def test_ramlat_utan_diakritiska_tecken_hittar_fallrutinen(search):
    with_marks = search.best("vad gör jag när någon har ramlat på golvet?")
    without = search.best("vad gor jag nar nagon har ramlat pa golvet?")
    assert with_marks is not None and without is not None
    assert with_marks.routine.path.stem == without.routine.path.stem == "fall"
    assert with_marks.score == without.score


def test_i_sa_fall_ar_inget_fall(search):
    assert all(hit.routine.path.stem != "fall" for hit in search.search("i så fall vet jag inte"))


def test_skillnaden_mellan_lex_sarah_och_lex_maria_visar_bada_rutinerna(search):
    hits = search.search("vad är skillnaden mellan lex sarah och lex maria")
    assert {h.routine.path.stem for h in hits[:2]} == {"lex-sarah", "lex-maria"}


def test_traffarna_ar_sorterade_och_begransade(search):
    hits = search.search("glömt ge medicin och ringt ssk", limit=2)
    assert len(hits) == 2
    assert hits[0].score >= hits[1].score
    assert search.search("ramlat", limit=0) == []


def test_traffen_visar_vilka_ord_som_matchade(search):
    hit = search.best("vem ringer jag om trygghetslarmet inte fungerar")
    assert hit is not None
    assert "trygghetslarmet" in hit.matched and "fungerar" in hit.matched
    assert hit.title == hit.routine.title


def test_svagt_ord_ensamt_racker_inte_for_en_sakert_svar(search):
    # "senare" shares a stem with "sent besök" but is too weak to decide by itself.
    assert search.search("senare")
    assert search.best("senare") is None


def test_okand_fraga_ger_narmaste_titlar(search):
    nearest = search.nearest("vad blir det för mat i dag", limit=3)
    assert len(nearest) == 3
    assert all(isinstance(r, Routine) for r in nearest)
    assert len({r.title for r in nearest}) == 3


def test_narmaste_borjar_med_de_svaga_traffarna(search):
    weak = search.search("senare", limit=1)[0].routine
    assert search.nearest("senare", limit=3)[0] == weak


def test_tom_sokning_utan_rutiner(tmp_path):
    empty = RoutineSearch([])
    assert empty.search("ramlat") == []
    assert empty.best("ramlat") is None
    assert empty.nearest("ramlat") == []


def test_egen_grans_for_sakert_svar(search):
    strict = RoutineSearch(search.routines, min_score=100)
    assert strict.best("vad gör jag om någon ramlat?") is None


def test_stammning_forenar_bojningar():
    assert stem("ramlat") == stem("ramla") == stem("ramlade") == stem("ramlt")
    assert stem("larmet") == stem("larm")
    assert stem("tabletterna") == stem("tabletter") == stem("tablett")


def test_tokenisering_tar_bort_smaord_och_viker_tecken():
    assert [t.raw for t in tokenize("Vad gör jag om någon har RAMLAT på golvet?")] == ["ramlat", "golvet"]


def test_mapp_med_femtio_rutiner_gar_att_soka_i(tmp_path):
    template = (SHIPPED / "fall.md").read_text(encoding="utf-8")
    for n in range(50):
        text = template.replace("title: Efter ett fall", f"title: Rutin nummer {n}")
        text = text.replace("  - fall\n", f"  - fall\n  - specialord{n}\n", 1)
        (tmp_path / f"rutin{n:02}.md").write_text(text, encoding="utf-8")
    many = RoutineSearch(load_routines(tmp_path).routines)
    assert len(many.routines) == 50
    hit = many.best("vad säger specialord17 om saken")
    assert hit is not None and hit.title == "Rutin nummer 17"
