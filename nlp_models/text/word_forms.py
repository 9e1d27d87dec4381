"""What one written word is, for the report rules: folded form, domain lemma, compound parts.

Every distinct token text is analysed once (cached), in this order:

1. words the lemma table keys with å/ä/ö ("fällde" is not "föll": folding would mix them);
2. abbreviations from `rules/lexicon/abbreviations.toml` ("ssk" -> "sjukskoterska");
3. the domain lemma: the irregular forms in `rules/lexicon/lemmas.csv`, else the endings of
   `rules/lexicon/inflection.toml` stripped until a known domain word remains
   ("tabletterna" -> "tablett", "ramlade" -> "ramla");
4. Swedish compounds: a known head with a known modifier (linking s/e/a/u/o allowed),
   or any modifier before an "open" head (`rules/lexicon/compound_stems.csv`):
   "trygghetslarmet" -> (trygghet, larm), "läkemedelsmiss" -> (lakemedel, miss);
5. typos (`spelling.py`): a word that is neither a domain word nor an ordinary Swedish word
   is corrected to the nearest domain word within a length-aware edit distance.

Lemmas are folded ("lakemedel"), except the few table entries written with å/ä/ö.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from nlp_models.text.normalize import fold
from nlp_models.text.rule_files import read_csv, read_toml

LEXICON = "lexicon"
# Longer "words" (a pasted link, a key held down) are no domain words; splitting them into
# compound parts would cost time quadratic in their length.
MAX_WORD_LENGTH = 60


@dataclass(frozen=True)
class WordForm:
    """The analysis of one token text."""

    norm: str                 # folded surface form ("trygghetslarmet")
    lemma: str                # domain lemma of the whole word ("trygghetslarm")
    parts: tuple[str, ...]    # compound parts as lemmas, head last (("trygghet", "larm"))
    known: bool               # the lemma or its head is a domain word
    corrected: str | None = None   # the folded word a typo was corrected to, if any

    @property
    def head(self) -> str:
        return self.parts[-1]

    @property
    def modifiers(self) -> tuple[str, ...]:
        return self.parts[:-1]


class WordLexicon:
    """The domain word knowledge, loaded from `rules/lexicon/` once."""

    def __init__(self, extra_lemmas: set[str] | None = None) -> None:
        settings = read_toml(f"{LEXICON}/inflection.toml")
        self.endings: list[tuple[str, str]] = [
            (str(pair[0]), str(pair[1])) for pair in settings["endings"]
        ]
        self.linking: tuple[str, ...] = tuple(settings["compound"]["linking"])
        self.min_head = int(settings["compound"]["min_head"])
        self.min_modifier = int(settings["compound"]["min_modifier"])
        self.strip_chars = str(settings["tokens"]["strip"])

        abbreviations = read_toml(f"{LEXICON}/abbreviations.toml")["abbreviations"]
        self.abbreviations: dict[str, str] = {fold(k): fold(v) for k, v in abbreviations.items()}

        self.exact: dict[str, str] = {}       # keyed by lowercase text with å/ä/ö
        self.irregular: dict[str, str] = {}   # keyed by folded form
        for row in read_csv(f"{LEXICON}/lemmas.csv"):
            form, lemma = row["form"].lower(), row["lemma"].lower()
            if row.get("exact", "").lower() in {"ja", "yes", "true", "1"}:
                self.exact[form] = lemma
            else:
                self.irregular[fold(form)] = fold(lemma)
        self.unchanged: frozenset[str] = frozenset(fold(w) for w in settings["tokens"]["unchanged"])
        self.min_stem = int(settings["tokens"]["min_stem"])

        self.open_heads: set[str] = set()
        self.known: set[str] = set(extra_lemmas or ())
        self.short_parts: set[str] = set()   # parts under 4 letters the splitter may use
        for row in read_csv(f"{LEXICON}/compound_stems.csv"):
            stem = fold(row["stem"].lower())
            self.known.add(stem)
            if len(stem) < 4:
                self.short_parts.add(stem)
            if row.get("open_head", "").lower() in {"ja", "yes", "true", "1"}:
                self.open_heads.add(stem)
        self.known.update(self.irregular.values())
        self.known.update(v for v in self.abbreviations.values() if " " not in v)
        self.known.discard("")

    # -- lemmas -------------------------------------------------------------------------
    def lemma_of(self, word: str) -> str | None:
        """The domain lemma of a simple (non-compound) folded word, or None."""
        if word in self.irregular:
            return self.irregular[word]
        if word in self.known:
            return word
        if word in self.unchanged:
            return None
        for ending, replacement in self.endings:
            if word.endswith(ending) and len(word) - len(ending) + len(replacement) >= self.min_stem:
                candidate = word[: len(word) - len(ending)] + replacement
                if candidate in self.known:
                    return candidate
        return None

    def split_compound(self, word: str, depth: int = 0) -> tuple[str, ...] | None:
        """Parts of a compound, head last, or None when no split is found."""
        if depth > 2:
            return None
        for start in range(self.min_modifier, len(word) - self.min_head + 1):
            head = self.lemma_of(word[start:])
            if head is None or not self._part_ok(head):
                continue
            modifier = word[:start]
            parts = self._modifier_parts(modifier, depth)
            if parts is not None:
                return parts + (head,)
            if head in self.open_heads and modifier.isalpha():
                return (modifier,) + (head,)
        return None

    def _part_ok(self, part: str) -> bool:
        """Parts under 4 letters only when listed ("sår", "dos"): "slå" in "trygghetslarment"
        is a typo's accident, not a part."""
        return len(part) >= 4 or part in self.short_parts

    def _modifier_parts(self, modifier: str, depth: int) -> tuple[str, ...] | None:
        candidates = [modifier]
        for link in self.linking:
            if modifier.endswith(link) and len(modifier) - len(link) >= self.min_modifier:
                candidates.append(modifier[: -len(link)])
        for candidate in candidates:
            lemma = self.lemma_of(candidate) if len(candidate) >= 3 else None
            if lemma is not None and self._part_ok(lemma):
                return (lemma,)
        for candidate in candidates:
            inner = self.split_compound(candidate, depth + 1)
            if inner is not None:
                return inner
        return None

    # -- whole words --------------------------------------------------------------------
    def analyse(self, lower: str, spelling: "SpellingCorrector | None" = None) -> WordForm:
        """Analyse one lowercase token text (diacritics kept)."""
        norm = fold(lower)
        if lower in self.exact:
            lemma = self.exact[lower]
            return WordForm(norm, lemma, (lemma,), True)
        core = norm.strip(self.strip_chars)
        if ":" in core:  # "ssk:n", "bru:s"
            core = core.split(":", 1)[0]
        if not core or not any(ch.isalpha() for ch in core) or len(core) > MAX_WORD_LENGTH:
            return WordForm(norm, norm, (norm,), False)
        if "-" in core.strip("-"):
            return self._hyphenated(norm, core, spelling)
        core = core.strip("-")
        form = self._analyse_core(norm, core)
        if spelling is None or (form.known and not self._guessed_modifier(form)):
            return form
        corrected = spelling.correct(core)
        if corrected is None:
            return self._misspelt_compound(norm, core, spelling) or form
        fixed = self._analyse_core(norm, corrected)
        if not fixed.known or self._guessed_modifier(fixed):
            return form
        return WordForm(norm, fixed.lemma, fixed.parts, True, corrected)

    def _misspelt_compound(self, norm: str, core: str, spelling: "SpellingCorrector") -> WordForm | None:
        """A known first part followed by a misspelt head ("nattmedicinnen")."""
        if len(core) < 9 or not core.isalpha():
            return None
        for start in range(3, len(core) - 4):
            modifier = self._modifier_parts(core[:start], 0)
            if modifier is None:
                continue
            tail = spelling.correct(core[start:])
            head = self.lemma_of(tail) if tail else None
            if head is not None:
                return WordForm(norm, "".join(modifier) + head, modifier + (head,), True, core[:start] + tail)
        return None

    def _guessed_modifier(self, form: WordForm) -> bool:
        """A compound split whose first part is not a known word (allowed before an open
        head: "parkinsonmedicin"), so a typo correction may still explain it better."""
        return len(form.parts) > 1 and form.parts[0] not in self.known

    def _analyse_core(self, norm: str, core: str) -> WordForm:
        expanded = self.abbreviations.get(core)
        if expanded is not None:
            if " " in expanded:
                return WordForm(norm, expanded, (expanded,), True)
            core = expanded
        lemma = self.lemma_of(core)
        if lemma is not None:
            parts = self.split_compound(lemma) if len(lemma) >= 6 else None
            return WordForm(norm, lemma, parts or (lemma,), True)
        parts = self.split_compound(core)
        if parts is not None and not self._accidental_split(core, parts):
            return WordForm(norm, "".join(parts[:-1]) + parts[-1], parts, True)
        return WordForm(norm, core, (core,), False)

    @staticmethod
    def _accidental_split(core: str, parts: tuple[str, ...]) -> bool:
        """Short parts that happen to spell an ordinary word: "hälsar" (visits) is no
        häl + sår, "hälsår" is."""
        from nlp_models.text.spelling import is_swedish_word

        return all(len(part) < 4 for part in parts) and is_swedish_word(core)

    def _hyphenated(self, norm: str, core: str, spelling: "SpellingCorrector | None") -> WordForm:
        pieces = [piece for piece in core.split("-") if piece]
        parts: list[str] = []
        known = False
        for piece in pieces:
            form = self.analyse(piece, spelling)
            parts.extend(form.parts)
            known = known or form.known
        return WordForm(norm, parts[-1] if parts else norm, tuple(parts) or (norm,), known)

    def vocabulary(self) -> set[str]:
        """Every folded form the lexicon recognises, for typo correction."""
        words = set(self.known) | set(self.irregular) | set(self.abbreviations)
        for lemma in self.known:
            for ending, replacement in self.endings:
                if lemma.endswith(replacement) and len(lemma) - len(replacement) >= 2:
                    words.add(lemma[: len(lemma) - len(replacement)] + ending)
        return {word for word in words if word.isalpha()}


class SpellingCorrector(Protocol):
    """See `nlp_models.text.spelling.TypoCorrector`."""

    def correct(self, word: str) -> str | None: ...
