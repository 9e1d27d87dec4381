"""The shared spaCy `Language`: a blank Swedish tokenizer whose token norms are folded.

Every rule file matches on `NORM` (or `LOWER` where diacritics matter), and `NORM` is the
folded form from `nlp_models.text.normalize.fold`, so patterns are written without å/ä/ö.
"""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from nlp_models.text.normalize import fold

FOLD_NORM = "fold_norm"

# Token texts repeat a lot ("bru", "ssk", "på"): folding each distinct text once keeps the
# component cheap. The result is exactly `fold(text)`.
_fold_token = lru_cache(maxsize=65536)(fold)


@Language.component(FOLD_NORM)
def fold_norm(doc: Doc) -> Doc:
    """Set `token.norm_` to the folded token text ("Föll" -> "foll")."""
    for token in doc:
        token.norm_ = _fold_token(token.text)
    return doc


def make_blank_swedish() -> Language:
    """A fresh `spacy.blank("sv")` with the folding component first in the pipeline."""
    nlp = spacy.blank("sv")
    nlp.add_pipe(FOLD_NORM, first=True)
    return nlp


@lru_cache(maxsize=1)
def shared_nlp() -> Language:
    """One process-wide pipeline, built once (loading rules is the slow part)."""
    return make_blank_swedish()
