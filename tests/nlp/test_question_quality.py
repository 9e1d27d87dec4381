"""Quality on the shared labelled dev questions: intent accuracy and exact count parsing."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from nlp_models.questions.parser import QuestionParser
from nlp_models.units.matcher import UnitEntry, UnitMatcher

DEV_FILE = Path(__file__).resolve().parents[3] / "shared/eval/questions-dev.jsonl"
FIXTURE_UNITS = ["Björkhagen", "Hemtjänst Norr", "Solgården", "Hemtjänst Syd", "Ekbacken"]
MIN_INTENT_ACCURACY = 0.95
MIN_COUNT_PARSE_ACCURACY = 0.92


def _load() -> list[dict]:
    if not DEV_FILE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{DEV_FILE} saknas i CI")
        pytest.skip(f"{DEV_FILE} saknas")
    return [json.loads(line) for line in DEV_FILE.read_text(encoding="utf-8").splitlines() if line.strip()]


def _period(parse) -> dict | None:
    if parse.period is None:
        return None
    return {"start": parse.period.start.isoformat(), "end": parse.period.end.isoformat()}


def _unit(value: str | None) -> str | None:
    return value.casefold() if value else None


def _count_fields(row: dict) -> tuple:
    return (row["kind"], row["area"], _unit(row["unit"]), row["period"], row["group_by"])


@pytest.fixture(scope="module")
def figures() -> dict:
    rows = _load()
    parser = QuestionParser(UnitMatcher(UnitEntry(name) for name in FIXTURE_UNITS))
    intent_right = count_total = count_right = 0
    misses: list[str] = []
    for row in rows:
        parse = parser.parse(row["text"], date.fromisoformat(row["today"]))
        if parse.intent == row["intent"]:
            intent_right += 1
        else:
            misses.append(f"{row['id']} avsikt {parse.intent} != {row['intent']}: {row['text']}")
        if row["intent"] == "count":
            count_total += 1
            got = (parse.kind, parse.area, _unit(parse.unit), _period(parse), parse.group_by)
            if parse.intent == "count" and got == _count_fields(row):
                count_right += 1
            else:
                misses.append(f"{row['id']} antal {got} != {_count_fields(row)}: {row['text']}")
    result = {
        "intent": intent_right / len(rows),
        "count_parse": count_right / count_total if count_total else 1.0,
        "misses": misses,
    }
    print(f"\navsikt {result['intent']:.3f} ({intent_right}/{len(rows)}), "
          f"antalsfrågor exakt {result['count_parse']:.3f} ({count_right}/{count_total})")
    for miss in misses:
        print("  ", miss)
    return result


def test_avsikten_ar_ratt_for_minst_95_procent(figures):
    assert figures["intent"] >= MIN_INTENT_ACCURACY, figures["misses"]


def test_antalsfragor_tolkas_exakt_for_minst_92_procent(figures):
    assert figures["count_parse"] >= MIN_COUNT_PARSE_ACCURACY, figures["misses"]
