"""The routines folder: every shipped routine loads, and a broken file is named, not fatal."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from intents.routines import Routine, load_routines
from storage.vocabulary import Area

SHIPPED = Path(__file__).resolve().parents[2] / "knowledge" / "rutiner"

GOOD = """\
---
title: Rutin för test
area: fall
keywords:
  - ramlat
  - fall
owner: MAS
updated: 2026-01-31
---
En kort inledning.

## Gör så här
1. Ring sjuksköterskan.
2. Skriv en avvikelse.

## Bra att veta
- Något mer.
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def shipped() -> list[Routine]:
    library = load_routines(SHIPPED)
    assert library.problems == (), [str(p) for p in library.problems]
    return list(library.routines)


def test_alla_levererade_rutiner_laddas_utan_problem(shipped):
    files = sorted(SHIPPED.glob("*.md"))
    assert len(files) >= 12
    assert sorted(r.path for r in shipped) == files


def test_varje_rutin_har_titel_omrade_sokord_ansvarig_och_datum(shipped):
    for routine in shipped:
        assert routine.title.strip(), routine.path.name
        assert isinstance(routine.area, Area), routine.path.name
        assert len(routine.keywords) >= 5, routine.path.name
        assert routine.owner.strip(), routine.path.name
        assert isinstance(routine.updated, dt.date), routine.path.name
        assert routine.updated <= dt.date(2026, 12, 31), routine.path.name


def test_varje_rutin_har_fem_till_nio_konkreta_steg(shipped):
    for routine in shipped:
        assert 5 <= len(routine.steps) <= 9, routine.path.name
        for step in routine.steps:
            assert len(step) > 15 and not step.startswith(("1.", "-")), (routine.path.name, step)


def test_varje_rutin_har_en_inledning_fore_stegen(shipped):
    for routine in shipped:
        assert routine.intro and not routine.intro.startswith("#"), routine.path.name
        assert "## Gör så här" in routine.body, routine.path.name


def test_titlarna_ar_unika(shipped):
    titles = [r.title for r in shipped]
    assert len(titles) == len(set(titles))


def test_alla_omraden_utom_inga_finns_bland_rutinerna(shipped):
    assert {r.area for r in shipped} == set(Area)


def test_rutinen_laddas_med_steg_och_falt(tmp_path):
    write(tmp_path, "fall.md", GOOD)
    library = load_routines(tmp_path)
    assert library.problems == ()
    (routine,) = library.routines
    assert routine.title == "Rutin för test"
    assert routine.area is Area.FALL
    assert routine.keywords == ("ramlat", "fall")
    assert routine.owner == "MAS"
    assert routine.updated == dt.date(2026, 1, 31)
    assert routine.steps == ("Ring sjuksköterskan.", "Skriv en avvikelse.")
    assert routine.intro == "En kort inledning."
    assert routine.path == tmp_path / "fall.md"


def test_omrade_utan_diakritiska_tecken_och_datum_som_text_godtas(tmp_path):
    text = GOOD.replace("area: fall", "area: Lakemedel").replace("2026-01-31", '"2026-01-31"')
    write(tmp_path, "lakemedel.md", text)
    (routine,) = load_routines(tmp_path).routines
    assert routine.area is Area.LAKEMEDEL
    assert routine.updated == dt.date(2026, 1, 31)


def test_steg_som_radbryts_hor_ihop_och_listan_slutar_vid_nasta_rubrik(tmp_path):
    text = GOOD.replace("1. Ring sjuksköterskan.", "1. Ring sjuksköterskan\n   och vänta kvar.")
    text = text.replace("- Något mer.", "3. Hör inte till stegen.")
    write(tmp_path, "fall.md", text)
    (routine,) = load_routines(tmp_path).routines
    assert routine.steps == ("Ring sjuksköterskan och vänta kvar.", "Skriv en avvikelse.")


def test_mapp_med_trasig_fil_laddar_de_andra_och_namnger_den_trasiga(tmp_path):
    write(tmp_path, "a_fall.md", GOOD)
    write(tmp_path, "b_trasig.md", GOOD.replace("title: Rutin för test", "title: [ej stängd"))
    write(tmp_path, "c_larm.md", GOOD.replace("Rutin för test", "Larmrutin").replace("fall\nkeywords", "larm\nkeywords"))
    library = load_routines(tmp_path)
    assert [r.title for r in library.routines] == ["Rutin för test", "Larmrutin"]
    (problem,) = library.problems
    assert problem.file_name == "b_trasig.md"
    assert "YAML" in problem.reason
    assert str(problem).startswith("b_trasig.md: ")


@pytest.mark.parametrize(
    ("change", "reason_part"),
    [
        (lambda t: t.replace("owner: MAS\n", ""), "fältet owner saknas"),
        (lambda t: t.replace("owner: MAS\n", "").replace("updated: 2026-01-31\n", ""), "fälten owner, updated saknas"),
        (lambda t: t.replace("title: Rutin för test", "title: ''"), "fältet title saknas"),
        (lambda t: t.replace("area: fall", "area: mat"), "okänt område ”mat”"),
        (lambda t: t.replace("2026-01-31", "i våras"), "ska vara ett datum"),
        (lambda t: t.replace("  - ramlat\n  - fall\n", "  a: b\n"), "keywords ska vara en lista"),
        (lambda t: t.split("---\n", 2)[2], "front matter saknas"),
        (lambda t: t.replace("---\nEn kort", "En kort", 1), "saknar avslutande ---"),
        (lambda t: t.replace("## Gör så här", "## Steg"), "”## Gör så här” saknas"),
        (lambda t: t.replace("1. Ring sjuksköterskan.\n2. Skriv en avvikelse.", "Ring och skriv."), "inga numrerade steg"),
    ],
    ids=[
        "saknad_ansvarig",
        "flera_saknade_falt",
        "tom_titel",
        "okant_omrade",
        "datum_som_inte_ar_datum",
        "sokord_som_inte_ar_lista",
        "ingen_front_matter",
        "front_matter_utan_slut",
        "inget_gor_sa_har",
        "inga_numrerade_steg",
    ],
)
def test_fil_med_fel_hoppas_over_med_svenskt_skal(tmp_path, change, reason_part):
    write(tmp_path, "trasig.md", change(GOOD))
    write(tmp_path, "hel.md", GOOD)
    library = load_routines(tmp_path)
    assert [r.path.name for r in library.routines] == ["hel.md"]
    (problem,) = library.problems
    assert problem.file_name == "trasig.md"
    assert reason_part in problem.reason


def test_fil_som_inte_ar_utf8_hoppas_over(tmp_path):
    (tmp_path / "latin1.md").write_bytes(GOOD.encode("latin-1"))
    library = load_routines(tmp_path)
    assert library.routines == ()
    assert library.problems[0].file_name == "latin1.md"
    assert "UTF-8" in library.problems[0].reason


def test_andra_filer_an_markdown_ignoreras(tmp_path):
    write(tmp_path, "rutin.md", GOOD)
    write(tmp_path, "anteckning.txt", "inte en rutin")
    library = load_routines(tmp_path)
    assert len(library.routines) == 1 and library.problems == ()


def test_mapp_som_inte_finns_ger_tydligt_fel(tmp_path):
    with pytest.raises(FileNotFoundError, match="Mappen med rutiner finns inte"):
        load_routines(tmp_path / "saknas")
