"""The Swedish time words of `rules/time_words.toml`, folded and ready for the resolvers."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache

from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import rules_path

TIME_WORDS_FILE = rules_path("time_words.toml")


@dataclass(frozen=True)
class PartOfDay:
    """A part of the day ("kväll"): its usual hour and the hours it covers."""

    name: str
    hour: int
    start: int
    end: int
    pm: bool

    def covers(self, hour: int) -> bool:
        if self.start <= self.end:
            return self.start <= hour < self.end
        return hour >= self.start or hour < self.end


@dataclass(frozen=True)
class TimeVocabulary:
    months: dict[str, int]
    month_abbreviations: dict[str, int]
    month_abbreviation_words: frozenset[str]
    month_abbreviations_alone: frozenset[str]
    weekdays: dict[str, int]
    weekday_past_forms: dict[str, int]
    parts_of_day: dict[str, PartOfDay]  # folded word -> part
    numbers: dict[str, int]
    ordinals: dict[str, int]
    durations: dict[str, str]  # folded word -> "days" | "weeks" | "months" | ...
    spelling_words: frozenset[str]
    seasons: dict[str, tuple[int, int]]  # folded word -> (first month, months)
    joined: dict[str, tuple[str, ...]]  # "igar" -> ("i", "gar")
    discovery: frozenset[str] = frozenset()  # "hittade", "upptäckte": a clause that tells when it was found
    english: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = ()  # ("last", "night") -> ("i", "natt"), longest first


def _folded_map(table: dict[str, int]) -> dict[str, int]:
    return {fold(word): value for word, value in table.items()}


@lru_cache(maxsize=1)
def time_vocabulary() -> TimeVocabulary:
    data = tomllib.loads(TIME_WORDS_FILE.read_text(encoding="utf-8"))
    parts: dict[str, PartOfDay] = {}
    for name, spec in data["parts_of_day"].items():
        part = PartOfDay(name, spec["hour"], spec["start"], spec["end"], spec["pm"])
        for word in spec["words"]:
            parts[fold(word)] = part
    durations = {
        fold(word): unit for unit, words in data["durations"].items() for word in words
    }
    months = _folded_map(data["months"])
    weekdays = _folded_map(data["weekdays"])
    past_forms = _folded_map(data["weekday_past_forms"])
    spelling = {fold(word) for word in data["spelling"]["words"]}
    ordinals = _folded_map(data["ordinals"])
    spelling |= {
        w for w in (*months, *weekdays, *past_forms, *ordinals, *durations) if len(w) >= 5
    }
    return TimeVocabulary(
        months=months,
        month_abbreviations=_folded_map(data["month_abbreviations"]),
        month_abbreviation_words=frozenset(
            fold(w) for w in data["month_abbreviation_words"]["words"]
        ),
        month_abbreviations_alone=frozenset(
            fold(w) for w in data.get("month_abbreviations_alone", {}).get("words", [])
        ),
        weekdays=weekdays,
        weekday_past_forms=past_forms,
        parts_of_day=parts,
        numbers=_folded_map(data["numbers"]),
        ordinals=ordinals,
        durations=durations,
        spelling_words=frozenset(spelling),
        seasons={fold(k): (v[0], v[1]) for k, v in data["seasons"].items()},
        discovery=frozenset(fold(w) for w in data.get("discovery", {}).get("words", [])),
        joined={fold(k): tuple(fold(v).split()) for k, v in data["joined"].items()},
        english=tuple(sorted(((tuple(fold(k).split()), tuple(fold(v).split())) for k, v in data.get("english", {}).items()),
                             key=lambda pair: -len(pair[0]))),
    )
