"""A small, fast matcher for token patterns written in spaCy's Matcher syntax.

Rules are written like spaCy Matcher patterns, e.g.
    [{"LEMMA": {"IN": ["hitta", "ligga"]}}, {"OP": "{0,2}"}, {"NORM": "pa"}, {"HEAD": "golv"}]
Supported token keys: TEXT, LOWER, NORM (folded text), LEMMA (domain lemma), HEAD (head of
a compound, or the whole lemma), MOD (any modifier of a compound), PART (head or modifier),
IS_PUNCT, IS_DIGIT, LIKE_NUM; values: a string, a bool (flags), or {"IN": [...]},
{"NOT_IN": [...]}, {"REGEX": "..."}; "OP": "?", "*", "+", "!", "{n}", "{n,m}", "{,m}", "{n,}".
Values for NORM/LEMMA/HEAD/MOD/PART are folded, so rules may be written with or without å/ä/ö.

Why not `spacy.matcher.Matcher` itself: it tries every pattern at every token, which costs
about 1.5 µs per pattern and message; with several hundred rules that is too slow for a bot
that also re-reads old reports in bulk. Here the first token of each pattern is looked up in
a hash index, so the cost grows with the words of the message, not the number of rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Sequence

from nlp_models.text.normalize import fold

STRING_KEYS = ("TEXT", "LOWER", "NORM", "LEMMA", "HEAD", "MOD", "PART")
FOLDED_KEYS = {"NORM", "LEMMA", "HEAD", "MOD", "PART"}
MULTI_KEYS = {"MOD", "PART"}
FLAG_KEYS = ("IS_PUNCT", "IS_DIGIT", "LIKE_NUM")
UNBOUNDED = 10_000


class PatternError(ValueError):
    """A pattern in a rule file is not valid; the message names the rule."""


@dataclass(frozen=True)
class TokenView:
    """What a pattern can see of one token."""

    i: int
    text: str
    lower: str
    norm: str
    lemma: str
    parts: tuple[str, ...]
    is_punct: bool
    is_digit: bool
    like_num: bool

    def values(self, key: str) -> tuple[str, ...]:
        if key == "NORM":
            return (self.norm,)
        if key == "LEMMA":
            return (self.lemma,)
        if key == "HEAD":
            # the head of a compound, and the whole word when a rule names it ("korsbenet")
            return (self.parts[-1],) if self.parts[-1] == self.lemma else (self.parts[-1], self.lemma)
        if key == "MOD":
            return self.parts[:-1]
        if key == "PART":
            return self.parts if self.lemma in self.parts else self.parts + (self.lemma,)
        if key == "LOWER":
            return (self.lower,)
        return (self.text,)

    def flag(self, key: str) -> bool:
        return {"IS_PUNCT": self.is_punct, "IS_DIGIT": self.is_digit, "LIKE_NUM": self.like_num}[key]


Test = Callable[[TokenView], bool]


@dataclass
class TokenSpec:
    tests: list[Test]
    minimum: int
    maximum: int
    negated: bool
    index_key: str | None = None
    index_values: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # the common cases without a generator per token: one test, not negated
        tests = self.tests
        if len(tests) == 1 and not self.negated:
            self.accepts = tests[0]  # type: ignore[method-assign]
        elif len(tests) == 2 and not self.negated:
            first, second = tests
            self.accepts = lambda token: first(token) and second(token)  # type: ignore[method-assign]

    def accepts(self, token: TokenView) -> bool:
        ok = all(test(token) for test in self.tests)
        return not ok if self.negated else ok


@dataclass
class Rule:
    """One line of a rule file: an id, a group, a pattern and its other fields."""

    id: str
    group: str
    specs: list[TokenSpec]
    data: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)


@dataclass(frozen=True)
class Match:
    rule: Rule
    start: int
    end: int  # exclusive


_QUANT = re.compile(r"^\{(\d*)(,?)(\d*)\}$")


def _quantifier(op: str | None, where: str) -> tuple[int, int, bool]:
    if op is None:
        return 1, 1, False
    if op == "?":
        return 0, 1, False
    if op == "*":
        return 0, UNBOUNDED, False
    if op == "+":
        return 1, UNBOUNDED, False
    if op == "!":
        return 1, 1, True
    found = _QUANT.match(op)
    if not found:
        raise PatternError(f"{where}: unknown OP {op!r}")
    low, comma, high = found.groups()
    minimum = int(low) if low else 0
    if not comma:
        return minimum, minimum, False
    return minimum, int(high) if high else UNBOUNDED, False


def _value_test(
    key: str, value: Any, where: str, keep: frozenset[str] = frozenset()
) -> tuple[Test, tuple[str, ...] | None]:
    """A test for one key, and the literal values when the key can be indexed.

    `keep`: lemmas that are written with å/ä/ö on purpose ("öm" is not "om") and are
    therefore not folded when a rule names them under LEMMA/HEAD/MOD/PART."""
    folded = key in FOLDED_KEYS

    def norm(v: Any) -> str:
        text = str(v)
        if key == "LOWER":
            return text.lower()
        if key != "NORM" and text.lower() in keep:
            return text.lower()
        return fold(text) if folded else text

    if isinstance(value, str):
        wanted = norm(value)
        return (lambda t, k=key, w=wanted: w in t.values(k)), (wanted,)
    if isinstance(value, dict):
        if len(value) != 1:
            raise PatternError(f"{where}: {key} takes one of IN, NOT_IN, REGEX")
        (operator, argument), = value.items()
        if operator == "IN":
            options = frozenset(norm(v) for v in argument)
            return (lambda t, k=key, o=options: any(v in o for v in t.values(k))), tuple(sorted(options))
        if operator == "NOT_IN":
            options = frozenset(norm(v) for v in argument)
            return (lambda t, k=key, o=options: not any(v in o for v in t.values(k))), None
        if operator == "REGEX":
            try:
                regex = re.compile(argument)
            except re.error as error:
                raise PatternError(f"{where}: bad REGEX {argument!r}: {error}") from error
            cache: dict[str, bool] = {}

            def regex_test(t: TokenView, k: str = key) -> bool:
                for v in t.values(k):
                    hit = cache.get(v)
                    if hit is None:
                        hit = cache[v] = regex.search(v) is not None
                        if len(cache) > 100_000:
                            cache.clear()
                    if hit:
                        return True
                return False

            return regex_test, None
        raise PatternError(f"{where}: unknown operator {operator!r}")
    raise PatternError(f"{where}: {key} needs a string or an object")


def compile_spec(spec: dict[str, Any], where: str, keep: frozenset[str] = frozenset()) -> TokenSpec:
    if not isinstance(spec, dict):
        raise PatternError(f"{where}: each token of a pattern is an object")
    minimum, maximum, negated = _quantifier(spec.get("OP"), where)
    tests: list[Test] = []
    index_key: str | None = None
    index_values: tuple[str, ...] = ()
    for key, value in spec.items():
        if key == "OP":
            continue
        if key in FLAG_KEYS:
            tests.append(lambda t, k=key, v=bool(value): t.flag(k) == v)
            continue
        if key not in STRING_KEYS:
            raise PatternError(f"{where}: unknown key {key!r}")
        test, literals = _value_test(key, value, where, keep)
        tests.append(test)
        if literals is not None and index_key is None:
            index_key, index_values = key, literals
    return TokenSpec(tests, minimum, maximum, negated, index_key, index_values)


def compile_rule(row: dict[str, Any], group: str, keep: frozenset[str] = frozenset()) -> Rule:
    where = f"{row.get('_source', '?')} ({row.get('id', 'no id')})"
    if "id" not in row or "pattern" not in row:
        raise PatternError(f"{where}: a rule needs an id and a pattern")
    pattern = row["pattern"]
    if not isinstance(pattern, list) or not pattern:
        raise PatternError(f"{where}: a pattern is a non-empty list of token objects")
    specs = [compile_spec(spec, where, keep) for spec in pattern]
    if specs[0].minimum < 1 or specs[0].negated:
        raise PatternError(f"{where}: the first token of a pattern must be required and positive")
    data = {k: v for k, v in row.items() if k not in {"id", "pattern"}}
    return Rule(str(row["id"]), group, specs, data)


def _required_literals(rule: Rule) -> tuple[tuple[str, frozenset[str]], ...]:
    """The words a match of `rule` must contain besides its first token: a rule whose
    required words are absent from a message is never tried on it."""
    required = []
    for spec in rule.specs[1:]:
        if spec.minimum >= 1 and not spec.negated and spec.index_key is not None:
            required.append((spec.index_key, frozenset(spec.index_values)))
    return tuple(required)


class TokenPatternMatcher:
    """All rules of the analyser, indexed by the first token of their pattern."""

    def __init__(self, rules: Iterable[Rule]) -> None:
        self.rules = list(rules)
        self.index: dict[tuple[str, str], list[Rule]] = {}
        self.scan: list[Rule] = []
        self.required: dict[int, tuple[tuple[str, frozenset[str]], ...]] = {
            id(rule): _required_literals(rule) for rule in self.rules
        }
        for rule in self.rules:
            first = rule.specs[0]
            if first.index_key is None:
                self.scan.append(rule)
                continue
            for value in first.index_values:
                self.index.setdefault((first.index_key, value), []).append(rule)
        self.index_keys = sorted({key for key, _ in self.index})
        self._candidate_cache: dict[tuple, tuple[Rule, ...]] = {}

    def _candidates(self, token: TokenView) -> tuple[Rule, ...]:
        """The rules whose first token `token` can be; the same words recur in every
        message, so the answer is kept per distinct token reading."""
        key = (token.text, token.lower, token.norm, token.lemma, token.parts,
               token.is_punct, token.is_digit, token.like_num)
        found = self._candidate_cache.get(key)
        if found is None:
            seen: set[int] = set()
            rules: list[Rule] = []
            for index_key in self.index_keys:
                for value in token.values(index_key):
                    for rule in self.index.get((index_key, value), ()):
                        if id(rule) not in seen:
                            seen.add(id(rule))
                            rules.append(rule)
            found = tuple(rules) + tuple(self.scan)
            if len(self._candidate_cache) > 200_000:
                self._candidate_cache.clear()
            self._candidate_cache[key] = found
        return found

    def literal_values(self, keys: Sequence[str] = ("LEMMA", "HEAD", "MOD", "PART")) -> set[str]:
        """Every literal word the rules name under `keys` (used as the domain lexicon)."""
        words: set[str] = set()
        for rule in self.rules:
            for spec in rule.specs:
                if spec.index_key in keys:
                    words.update(spec.index_values)
        return words

    def __call__(self, tokens: Sequence[TokenView]) -> list[Match]:
        matches: list[Match] = []
        n = len(tokens)
        present: dict[str, set[str]] = {}
        possible: dict[int, bool] = {}
        required = self.required

        def can_match(rule: Rule) -> bool:
            known = True
            for key, values in required[id(rule)]:
                found = present.get(key)
                if found is None:
                    found = present[key] = {v for t in tokens for v in t.values(key)}
                if values.isdisjoint(found):
                    known = False
                    break
            possible[id(rule)] = known
            return known

        for i, token in enumerate(tokens):
            for rule in self._candidates(token):
                known = possible.get(id(rule))
                if known is None:
                    known = can_match(rule)
                if not known:
                    continue
                end = _match_from(rule.specs, tokens, 0, i, n)
                if end > i:
                    matches.append(Match(rule, i, end))
        return matches


def _match_from(specs: list[TokenSpec], tokens: Sequence[TokenView], k: int, i: int, n: int) -> int:
    if k == len(specs):
        return i
    spec = specs[k]
    limit = min(spec.maximum, n - i)
    if not spec.tests and not spec.negated:
        count = limit  # a gap of any words
    else:
        count = 0
        while count < limit and spec.accepts(tokens[i + count]):
            count += 1
    if count < spec.minimum:
        return -1
    for taken in range(count, spec.minimum - 1, -1):
        end = _match_from(specs, tokens, k + 1, i + taken, n)
        if end >= 0:
            return end
    return -1
