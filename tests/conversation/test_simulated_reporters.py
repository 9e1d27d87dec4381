"""Simulated hurried reporters (tests/conversation/simulator): every persona in every style, every property.

A persona knows what really happened and answers whatever the bot asks, recognising the question by
its topic. The run is correct when the stored report equals the truth, no question was asked more
than twice, no message was dropped and nothing stored is a command word. The bench
(bench/dialogue_turns.py) runs the same personas with more seeds and reports the turns.
"""

from __future__ import annotations

import pytest

from storage.vocabulary import Area

import intents.report_dialogue.dialogue as dialogue
import intents.report_dialogue.submission as submission
from tests.conversation.simulator.personas import PERSONAS
from tests.conversation.simulator.run import World, simulate
from tests.conversation.simulator.styles import Style

AREAS = {"fall", "läkemedel", "trycksår", "larm", "övrigt"}


@pytest.fixture(scope="module")
def world(shared_nlu):
    world = World(shared_nlu)
    yield world
    world.close()


def test_personerna_tacker_alla_omraden_och_bada_typerna():
    assert len(PERSONAS) >= 40
    assert len({p.key for p in PERSONAS}) == len(PERSONAS)
    assert {p.truth.area for p in PERSONAS if p.truth.kind == "avvikelse"} == AREAS
    assert {p.truth.kind for p in PERSONAS} == {"avvikelse", "synpunkt"}
    assert len(Style) >= 3


@pytest.mark.parametrize("style", list(Style), ids=[s.value for s in Style])
@pytest.mark.parametrize("persona", PERSONAS, ids=[p.key for p in PERSONAS])
def test_simulerad_rapportor(world, persona, style):
    result = simulate(world, persona, style, seed=len(persona.key))
    assert result.correct, result.explain()
    assert result.turns and max(result.turns) <= 8, result.explain()  # the targets are measured in bench/


def test_en_komplett_forsta_rapport_tar_tva_meddelanden(world):
    runs = [simulate(world, p, Style.TIDY, seed=0) for p in PERSONAS[:12]]
    complete = [r for r in runs if r.complete_first]
    assert complete and all(r.turns == [2] for r in complete)


def test_simulatorn_ser_ett_felaktigt_sparat_omrade(world, monkeypatch):
    real = submission.create_report

    def wrong_area(**kwargs):
        kwargs["report_in"] = kwargs["report_in"].model_copy(update={"area": Area.OVRIGT})
        return real(**kwargs)

    monkeypatch.setattr(submission, "create_report", wrong_area)
    result = simulate(world, PERSONAS[0], Style.TIDY)
    assert any("area stored 'övrigt'" in problem for problem in result.problems)


def test_simulatorn_ser_en_ny_handelse_som_svaljs(world, monkeypatch):
    assert simulate(world, PERSONAS[1], Style.SECOND_THOUGHTS, seed=1).correct  # odd seeds: a new event mid-dialogue
    monkeypatch.setattr(dialogue, "is_new_event", lambda turn, draft, text: False)
    result = simulate(world, PERSONAS[1], Style.SECOND_THOUGHTS, seed=1)
    assert any("events told" in problem for problem in result.problems), result.explain()
