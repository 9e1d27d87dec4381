"""A Markdown overview of every report rule, for a MAS to review: per area every cue with its
weight, then kind, harm level, severity, and the word lists the rules name.

    .venv/bin/python -m nlp_models.reports.overview          # rewrite nlp_models/rules/OVERVIEW.md
    .venv/bin/python -m nlp_models.reports.overview --check  # fail when the file is out of date

The overview is generated from the rule files themselves, so it never disagrees with them.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from nlp_models.reports.rules import AREA_NAMES, GROUP_FILES
from nlp_models.text.rule_files import list_rule_files, read_csv, read_jsonl, read_toml, rules_path

OVERVIEW_FILE = "OVERVIEW.md"
KEY_WORDS = {
    "LEMMA": "ordet", "NORM": "skrivet", "LOWER": "skrivet", "TEXT": "skrivet exakt", "HEAD": "slutar på",
    "MOD": "börjar med", "PART": "innehåller", "IS_PUNCT": "skiljetecken", "LIKE_NUM": "tal", "IS_DIGIT": "siffror",
}
SHOWN_WORDS = 12


def _values(value: Any) -> str:
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, str):
        return value
    (operator, argument), = value.items()
    if isinstance(argument, str):
        words = argument
    elif isinstance(argument, list):
        shown = [str(a) for a in argument[:SHOWN_WORDS]]
        words = " / ".join(shown) + (f" / … (+{len(argument) - SHOWN_WORDS})" if len(argument) > SHOWN_WORDS else "")
    else:
        words = str(argument)
    if operator == "NOT_IN":
        return f"inte {words}"
    if operator == "REGEX":
        return f"mönster `{words}`"
    return words


def describe_token(spec: dict[str, Any]) -> str:
    """One pattern token in words: "ordet falla / ramla", "(0–3 ord)", "[skrivet i / på]"."""
    tests = [f"{KEY_WORDS.get(key, key)} {_values(value)}" for key, value in spec.items() if key != "OP"]
    op = spec.get("OP")
    if not tests:
        if op and op.startswith("{"):
            low, _, high = op.strip("{}").partition(",")
            return f"(högst {high or low} ord)" if (low or "0") == "0" else f"({low}–{high} ord)"
        return "(ett ord)" if op is None else f"(ord {op})"
    text = " och ".join(tests)
    if op == "?":
        return f"[{text}]"
    if op == "!":
        return f"inte: {text}"
    if op:
        return f"{text} ({op})"
    return text


def describe_pattern(pattern: list[dict[str, Any]]) -> str:
    return " + ".join(describe_token(spec) for spec in pattern).replace("|", "\\|")


def _flags(row: dict[str, Any]) -> str:
    flags = []
    if row.get("negatable"):
        flags.append("kan negeras")
    if row.get("event"):
        flags.append("händelse")
    if row.get("voice") == "staff":
        flags.append("personalens röst")
    return ", ".join(flags)


def _rule_table(rows: tuple[dict[str, Any], ...], value_name: str, value_of) -> list[str]:
    lines = [f"| regel | {value_name} | ord | annat |", "| --- | --- | --- | --- |"]
    cues = sorted((r for r in rows if not r.get("trap")), key=lambda r: (-_sort_value(value_of(r)), r["id"]))
    for row in cues:
        lines.append(f"| `{row['id']}` | {value_of(row)} | {describe_pattern(row['pattern'])} | {_flags(row)} |")
    traps = [r for r in rows if r.get("trap")]
    if traps:
        lines += ["", "Fällor (orden ser ut som en ledtråd men är det inte; de släcker ledtrådarna inom sig):", ""]
        lines += [f"- `{r['id']}`: {describe_pattern(r['pattern'])}" for r in traps]
    return lines


def _sort_value(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0


def overview() -> str:
    settings = read_toml("areas.toml")["areas"]
    kind = read_toml("kind/kind.toml")
    lines = [
        "# Regelöversikt",
        "",
        "Genererad från regelfilerna av `python -m nlp_models.reports.overview`; ändra reglerna, inte den här filen.",
        "Vikterna läggs ihop per område; övrigt börjar på "
        f"{settings['ovrigt_base']} och vinner när inget annat område kommer över. En regel som träffar igen ger "
        f"{settings['repeat_share']} av sin vikt. *Kan negeras*: räknas inte efter \"inte\", \"ingen\" m.m.",
        "*Händelse*: regeln berättar att något hänt (används för att skilja personalens egen iakttagelse från en synpunkt).",
        "Ordformer: *ordet* är grundformen (ramlade → ramla, engelska fell → falla), *slutar på* är sista delen i ett "
        "sammansatt ord (badrumsgolvet → golv), *börjar med* en tidigare del, *innehåller* någon del.",
        "",
    ]
    for path in list_rule_files("areas"):
        stem = path.rsplit("/", 1)[-1].removesuffix(".jsonl")
        lines += [f"## Område: {AREA_NAMES[stem]}", "", *_rule_table(read_jsonl(path), "vikt", lambda r: r.get("weight", 1)), ""]
    lines += [
        "## Typ: synpunkt eller avvikelse",
        "",
        f"Synpunkt när vikterna når {kind['synpunkt_threshold']}. Skada som krävt vård utan en anhörigs röst drar av "
        f"{kind.get('harm_penalty', 0)}.",
        "",
        *_rule_table(read_jsonl(GROUP_FILES["kind"][0]), "vikt", lambda r: r.get("weight", 1)),
        "",
        "## Konsekvens (skadans nivå)",
        "",
        *_rule_table(read_jsonl(GROUP_FILES["consequence"][0]), "nivå", lambda r: r.get("level", "")),
        "",
        "## Allvarlig, lex Sarah, lex Maria",
        "",
        "Allvarlig också när konsekvensen är *allvarlig*.",
        "",
        *_rule_table(read_jsonl(GROUP_FILES["severity"][0]), "flaggor", lambda r: ", ".join(r.get("flags", ["severe"]))),
        "",
        "## Ordlistor",
        "",
        "| lista | ord |",
        "| --- | --- |",
    ]
    for path in sorted(rules_path("lists").iterdir()):
        if path.suffix == ".csv":
            words = [row["word"] for row in read_csv(f"lists/{path.name}") if row.get("word")]
            shown = ", ".join(words[:30]) + (f", … (+{len(words) - 30})" if len(words) > 30 else "")
            lines.append(f"| `@{path.stem}` | {shown} |")
    english = read_csv("lexicon/english.csv")
    lines += [
        "",
        "## Engelska",
        "",
        f"`lexicon/english.csv` översätter {len(english)} engelska ord och uttryck till de svenska orden reglerna "
        "känner (fell → falla, pressure ulcer → trycksår), så att samma regler läser engelska meddelanden.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when OVERVIEW.md is out of date")
    args = parser.parse_args(argv)
    path = rules_path(OVERVIEW_FILE)
    text = overview()
    if args.check:
        current = path.read_text(encoding="utf-8") if path.exists() else ""
        if current != text:
            print(f"{path} är inaktuell: kör python -m nlp_models.reports.overview", file=sys.stderr)
            return 1
        return 0
    path.write_text(text, encoding="utf-8")
    print(f"skrev {path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
