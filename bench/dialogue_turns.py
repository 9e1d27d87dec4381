"""Turns per report in the report dialogue, with the simulated hurried reporters of the test suite.

Every persona (tests/conversation/simulator/personas.py) in every style, several seeds (the seed
changes typos, answer words and what the second thoughts are). Prints:
    dialogue_runs: N
    dialogue_turns_complete_median / _p90: turns for a report whose first message told everything
    dialogue_turns_median / _p90: turns for any report (messages from the person until it was stored)
    dialogue_correct_pct: share of runs where every property held (stored = truth, no question asked
        more than twice, nothing dropped, no command word stored)

Run from the repository root: .venv/bin/python bench/dialogue_turns.py [--seeds N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.figures import Figure, report  # noqa: E402


def _p90(values: list[int]) -> float:
    ordered = sorted(values)
    return float(ordered[min(len(ordered) - 1, int(0.9 * len(ordered)))]) if ordered else 0.0


def measure_dialogue(seeds: int = 4) -> list[Figure]:
    from nlp_models.analyzer import LanguageUnderstanding
    from tests.conversation.simulator.personas import PERSONAS
    from tests.conversation.simulator.run import World, simulate
    from tests.conversation.simulator.styles import Style

    world = World(LanguageUnderstanding())
    complete: list[int] = []
    every: list[int] = []
    correct = runs = 0
    try:
        for seed in range(seeds):
            for persona in PERSONAS:
                for style in Style:
                    result = simulate(world, persona, style, seed)
                    runs += 1
                    correct += result.correct
                    every += result.turns
                    if result.complete_first:
                        complete += result.turns[:1]
    finally:
        world.close()
    return [
        Figure("dialogue_runs", runs, "runs"),
        Figure("dialogue_turns_complete_median", statistics.median(complete) if complete else 0, "turns"),
        Figure("dialogue_turns_complete_p90", _p90(complete), "turns"),
        Figure("dialogue_turns_median", statistics.median(every) if every else 0, "turns"),
        Figure("dialogue_turns_p90", _p90(every), "turns"),
        Figure("dialogue_correct_pct", 100.0 * correct / runs if runs else 0.0, "%"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seeds", type=int, default=4)
    args = parser.parse_args()
    for figure in measure_dialogue(args.seeds):
        report(figure)


if __name__ == "__main__":
    main()
