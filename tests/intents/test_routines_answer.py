"""The answers the bot gives about routines: short, numbered, with owner and date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from intents.routines import (
    Routine,
    RoutineSearch,
    answer_routine_question,
    load_routines,
    render_no_match,
    render_routine,
)
from storage.vocabulary import Area

SHIPPED = Path(__file__).resolve().parents[2] / "knowledge" / "rutiner"


def routine(title: str = "Efter ett fall", steps: tuple[str, ...] = ("Lyft inte.", "Ring ssk.")) -> Routine:
    return Routine(
        title=title,
        area=Area.FALL,
        keywords=("ramlat",),
        owner="MAS",
        updated=dt.date(2026, 2, 16),
        steps=steps,
        body="",
        path=Path(f"{title}.md"),
    )


@pytest.fixture(scope="module")
def search() -> RoutineSearch:
    return RoutineSearch(load_routines(SHIPPED).routines)


def test_svaret_har_titel_numrerade_steg_ansvarig_och_datum():
    text = render_routine(routine())
    assert text.splitlines() == [
        "Efter ett fall",
        "",
        "1. Lyft inte.",
        "2. Ring ssk.",
        "",
        "Ansvarig: MAS · Uppdaterad: 2026-02-16",
    ]


def test_ingen_traff_namner_de_narmaste_titlarna():
    text = render_no_match([routine("Efter ett fall"), routine("Basal hygien"), routine("Synpunkter och klagomål")])
    assert text == (
        "Jag hittade ingen rutin som passar. Närmast är: "
        "”Efter ett fall”, ”Basal hygien” och ”Synpunkter och klagomål”."
    )


def test_titel_med_kommatecken_halls_ihop():
    text = render_no_match([routine("Fel dos, fel tid"), routine("Basal hygien")])
    assert text.endswith("Närmast är: ”Fel dos, fel tid” och ”Basal hygien”.")


def test_ingen_traff_och_inga_rutiner_alls():
    assert render_no_match([]) == "Jag hittade ingen rutin som passar."


def test_fraga_om_fall_besvaras_med_fallrutinen(search):
    text = answer_routine_question(search, "vad gör jag om någon ramlat?")
    lines = text.splitlines()
    assert lines[0] == "Efter ett fall"
    assert lines[2].startswith("1. Lyft inte upp")
    assert lines[-1].startswith("Ansvarig: MAS · Uppdaterad: 20")


def test_okand_fraga_besvaras_med_narmaste_titlar(search):
    text = answer_routine_question(search, "vad blir det för mat i dag")
    assert text.startswith("Jag hittade ingen rutin som passar. Närmast är: ”")
    assert text.count("”") == 6
