"""The project's own token matcher against `spacy.matcher.Matcher`, on the same rules and the
same messages, in one run.

Every report rule (rules/areas/*.jsonl, kind, consequence, severity, actions, staff injury)
is given to both. The messages are annotated once (domain lemma, compound parts); then each
matcher finds its matches on all of them. spaCy reads the compound parts through extension
attributes; both sides pay for building what they read (token views, extension values).
The two must agree on where each rule matches (rule id and first token); their speeds are
compared as messages per second and as a ratio.

Prints:
    matcher_own_messages_per_s: X msg/s
    matcher_spacy_messages_per_s: X msg/s
    matcher_speed_ratio: X (own / spaCy)
    matcher_agreement: X (share of (rule, start) pairs both find)

Run from the repository root: .venv/bin/python bench/matcher_speed.py
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.figures import Figure, report  # noqa: E402

MULTI = {"HEAD": "head_parts", "MOD": "mod_parts", "PART": "all_parts"}


def _joined(values: tuple[str, ...]) -> str:
    return "|" + "|".join(values) + "|"


def _install_extensions() -> None:
    from spacy.tokens import Token

    for name in MULTI.values():
        if not Token.has_extension(name):
            Token.set_extension(name, default="")


def set_parts(doc) -> None:
    """Give spaCy's matcher the compound parts as extension values (its cost is counted)."""
    from nlp_models.reports.words import USER_DATA_KEY

    for token, form in zip(doc, doc.user_data[USER_DATA_KEY]):
        token._.head_parts = _joined((form.parts[-1], form.lemma))
        token._.mod_parts = _joined(form.parts[:-1])
        token._.all_parts = _joined(form.parts + (form.lemma,))


def _fold_value(key: str, value: str, keep: frozenset[str]) -> str:
    from nlp_models.text.normalize import fold

    if key == "LOWER":
        return value.lower()
    if key != "NORM" and value.lower() in keep:
        return value.lower()
    return fold(value) if key in {"NORM", "LEMMA", "HEAD", "MOD", "PART"} else value


def spacy_pattern(pattern: list[dict[str, Any]], keep: frozenset[str]) -> list[dict[str, Any]]:
    """A rule pattern in spaCy's own syntax (lists already resolved)."""
    out = []
    for spec in pattern:
        token: dict[str, Any] = {}
        for key, value in spec.items():
            if key == "OP":
                token["OP"] = value
                continue
            if key in {"IS_PUNCT", "IS_DIGIT", "LIKE_NUM"}:
                token[key] = value
                continue
            name = {"TEXT": "ORTH"}.get(key, key)
            if key in MULTI:
                attr = token.setdefault("_", {})
                if isinstance(value, str):
                    attr[MULTI[key]] = {"REGEX": re.escape(_joined((_fold_value(key, value, keep),)))}
                elif "IN" in value:
                    words = "|".join(re.escape(_fold_value(key, v, keep)) for v in value["IN"])
                    attr[MULTI[key]] = {"REGEX": rf"\|(?:{words})\|"}
                elif "NOT_IN" in value:
                    words = "|".join(re.escape(_fold_value(key, v, keep)) for v in value["NOT_IN"])
                    attr[MULTI[key]] = {"REGEX": rf"^(?!.*\|(?:{words})\|)"}
                else:
                    attr[MULTI[key]] = {"REGEX": value["REGEX"]}
                continue
            if isinstance(value, str):
                token[name] = _fold_value(key, value, keep)
            elif "IN" in value or "NOT_IN" in value:
                (operator, words), = value.items()
                token[name] = {operator: [_fold_value(key, v, keep) for v in words]}
            else:
                token[name] = value
        out.append(token)
    return out


def build(nlp):
    """Both matchers over every report rule."""
    from spacy.matcher import Matcher

    from nlp_models.reports.rules import GROUP_FILES, _resolve_lists, exact_lemmas, load_report_rules
    from nlp_models.text.rule_files import list_rule_files, read_jsonl

    _install_extensions()
    keep = exact_lemmas()
    spacy_matcher = Matcher(nlp.vocab)
    paths = list_rule_files("areas") + [p for paths in GROUP_FILES.values() for p in paths]
    for path in paths:
        for row in read_jsonl(path):
            spacy_matcher.add(row["id"], [spacy_pattern(_resolve_lists(row["pattern"], path), keep)])
    return load_report_rules().matcher, spacy_matcher


def measure_matchers(messages_count: int = 5_000) -> list[Figure]:
    from bench.nlu_speed import messages
    from nlp_models.reports.analyzer import ReportAnalyzer
    from nlp_models.reports.words import token_views

    analyzer = ReportAnalyzer()
    own, theirs = build(analyzer.nlp)
    docs = list(analyzer.nlp.pipe(messages(messages_count)))
    for doc in docs[:200]:  # warm both, as a running bot would be
        own(token_views(doc))
        set_parts(doc)
        theirs(doc)

    start = time.perf_counter()
    own_found = [{(m.rule.id, m.start) for m in own(token_views(doc))} for doc in docs]
    own_s = time.perf_counter() - start

    start = time.perf_counter()
    spacy_found = []
    for doc in docs:
        set_parts(doc)
        spacy_found.append({(doc.vocab.strings[match_id], begin) for match_id, begin, _ in theirs(doc)})
    spacy_s = time.perf_counter() - start

    both = sum(len(a & b) for a, b in zip(own_found, spacy_found))
    either = sum(len(a | b) for a, b in zip(own_found, spacy_found))
    return [
        Figure("matcher_own_messages_per_s", len(docs) / own_s, "msg/s"),
        Figure("matcher_spacy_messages_per_s", len(docs) / spacy_s, "msg/s"),
        Figure("matcher_speed_ratio", spacy_s / own_s, "x"),
        Figure("matcher_agreement", both / either if either else 1.0, ""),
    ]


if __name__ == "__main__":
    for figure in measure_matchers():
        report(figure)
