"""The author-split check: the rules scored on each labelled set on its own, each above the
limits of issue 17. The sets come from different authors; a rule that only learned one
author's sentences shows up here as one set falling short while the other holds.

Scoring is `bench/nlu_quality.py`, the same measures as shared/tools/eval_nlu.py (a report
taken for a count question loses its kind; count questions must match every field)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from bench.nlu_quality import LABELLED_SETS, LIMITS, SHARED_EVAL, SetScore, score_set
from tests.conftest import shared_eval_file


@lru_cache(maxsize=None)
def scored(name: str) -> SetScore:
    for file in LABELLED_SETS[name]:
        shared_eval_file(file)
    return score_set(name)


@pytest.mark.parametrize("name", sorted(LABELLED_SETS))
def test_varje_markt_uppsattning_klarar_gransen_for_sig(name: str) -> None:
    score = scored(name)
    print(f"\n{name}: " + " ".join(f"{k}={v:.3f}" for k, v in score.figures.items()))
    short = score.short_of_limits()
    assert not short, (
        f"{name} under gränsen för {short}: {score.figures}\n" + "\n".join(score.misses[:40])
    )


def test_uppsattningarna_finns_dar_testerna_letar() -> None:
    assert SHARED_EVAL.name == "eval" and SHARED_EVAL.parent.name == "shared"
    assert set(LIMITS) == {"area", "kind", "intent", "count_parse", "severe_recall", "severe_precision"}
