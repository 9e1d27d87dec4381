"""Read the rule and lexicon files that ship inside `nlp_models/rules/`.

Rules are data so that a MAS or a unit manager can read and extend them without Python:
JSONL for token patterns (one rule a line, `#` lines and blank lines are comments), TOML for
small settings and word lists, CSV (with a header row, `#` lines are comments) for tables.
"""

from __future__ import annotations

import csv
import json
import tomllib
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

RULES_PACKAGE = "nlp_models"
RULES_DIR = "rules"


class RuleFileError(ValueError):
    """A rule file could not be read; the message names the file and the line."""


def rules_path(relative: str) -> Path:
    """The path of a file under `nlp_models/rules/`."""
    root = resources.files(RULES_PACKAGE).joinpath(RULES_DIR)
    return Path(str(root.joinpath(relative)))


def _lines(relative: str) -> list[tuple[int, str]]:
    text = rules_path(relative).read_text(encoding="utf-8")
    return [(number, line) for number, line in enumerate(text.splitlines(), start=1)]


@lru_cache(maxsize=None)
def read_jsonl(relative: str) -> tuple[dict[str, Any], ...]:
    """Every JSON object of a JSONL rule file, with `_source` ("file:line") added."""
    rows: list[dict[str, Any]] = []
    for number, line in _lines(relative):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            row = json.loads(stripped)
        except json.JSONDecodeError as error:
            raise RuleFileError(f"{relative}:{number}: {error}") from error
        if not isinstance(row, dict):
            raise RuleFileError(f"{relative}:{number}: a rule must be a JSON object")
        row["_source"] = f"{relative}:{number}"
        rows.append(row)
    return tuple(rows)


@lru_cache(maxsize=None)
def read_toml(relative: str) -> dict[str, Any]:
    """A TOML settings or word-list file."""
    try:
        return tomllib.loads(rules_path(relative).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise RuleFileError(f"{relative}: {error}") from error


@lru_cache(maxsize=None)
def read_csv(relative: str) -> tuple[dict[str, str], ...]:
    """The rows of a CSV table as dicts keyed by the header; `#` lines are skipped."""
    kept = [line for _, line in _lines(relative) if line.strip() and not line.lstrip().startswith("#")]
    reader = csv.DictReader(kept)
    rows = []
    for row in reader:
        rows.append({key.strip(): (value or "").strip() for key, value in row.items() if key})
    return tuple(rows)


def list_rule_files(folder: str, suffix: str = ".jsonl") -> list[str]:
    """The relative names of the rule files in a folder under `rules/`, sorted."""
    directory = rules_path(folder)
    return sorted(f"{folder}/{path.name}" for path in directory.iterdir() if path.name.endswith(suffix))
