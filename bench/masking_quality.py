"""How well masking works on a generated corpus, and how fast it is.

The corpus comes from the grammar in tests/support/identifier_grammar.py: personnummer,
samordningsnummer, phone numbers and e-mail addresses in the shapes people type (any
separator, prefixes, Unicode digits, invisible characters inside, two numbers after a slash),
in Swedish report sentences, often beside a decoy; and decoys alone (dates, times, time
ranges, doses, reference numbers, rooms, years, amounts).

Prints:
    masking_recall_pct: X %        identifier cases masked exactly (nothing of it left)
    masking_false_pct: X %         decoy cases changed at all
    masking_us_per_message: X us   mean time of mask_personal_data over the corpus
and, with --show N, the first N misses of each kind.

Run from the repository root: .venv/bin/python bench/masking_quality.py [--cases 20000] [--seed 12]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.figures import Figure, report  # noqa: E402
from nlp_models.personal_data.masking import mask_text  # noqa: E402
from tests.support.identifier_grammar import any_case, normalise_placeholders  # noqa: E402


def measure_masking(cases: int = 20_000, seed: int = 12, show: int = 0) -> list[Figure]:
    rng = random.Random(seed)
    corpus = [any_case(rng) for _ in range(max(cases, 10_000))]
    start = time.perf_counter()
    masked = [mask_text(case.text) for case in corpus]
    seconds = time.perf_counter() - start
    identifiers = decoys = caught = changed = 0
    misses: list[str] = []
    for case, out in zip(corpus, masked):
        if case.kind == "decoy":
            decoys += 1
            if out != case.text:
                changed += 1
                misses.append(f"decoy masked: {case.text!r} -> {out!r}")
        else:
            identifiers += 1
            if normalise_placeholders(out) == case.expected:
                caught += 1
            else:
                misses.append(f"{case.kind} left: {case.text!r} -> {out!r}")
    for line in misses[:show]:
        print(line)
    print(f"# {len(corpus)} cases: {identifiers} with identifiers, {decoys} decoys", flush=True)
    return [
        Figure("masking_recall_pct", 100 * caught / identifiers, "%"),
        Figure("masking_false_pct", 100 * changed / decoys, "%"),
        Figure("masking_us_per_message", 1e6 * seconds / len(corpus), "us"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--show", type=int, default=10)
    args = parser.parse_args()
    for figure in measure_masking(args.cases, args.seed, args.show):
        report(figure)


if __name__ == "__main__":
    main()
