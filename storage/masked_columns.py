"""Column types that mask personal identifiers on the way into the database.

Every column that can hold words a person typed (report texts, handling fields, history,
comments, conversation drafts, the access log, error texts) uses one of these types, so no
code path can store a personnummer, phone number or e-mail address in the clear: SQLAlchemy
masks the bound value of every INSERT, UPDATE and bulk statement, whichever service wrote it.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import JSON
from sqlalchemy.types import TypeDecorator
from sqlmodel import AutoString

from nlp_models.personal_data.masking import MaskedStr, mask_text

# Timestamps the dialogue keeps in its state are never identifiers; skipping them is also faster.
_ISO_MOMENT = re.compile(r"\d{4}-\d\d-\d\d(?:[T ][\d:.]+(?:[+-]\d\d:\d\d|Z)?)?")


def mask_value(value: Any) -> Any:
    """Strings masked, lists and dicts walked (keys too), everything else as it is."""
    if type(value) is MaskedStr:
        return str.__str__(value)
    if isinstance(value, str):
        return value if _ISO_MOMENT.fullmatch(value) else mask_text(value)
    if isinstance(value, dict):
        return {mask_value(k): mask_value(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask_value(v) for v in value]
    return value


class MaskedString(TypeDecorator):
    """A text column whose values are masked when written."""

    impl = AutoString
    cache_ok = True

    def process_bind_param(self, value: Any, dialect) -> Any:
        if type(value) is MaskedStr:  # straight from the masking (the import, the dialogue): done already
            return str.__str__(value)
        return mask_text(value) if isinstance(value, str) else value


class MaskedJSON(TypeDecorator):
    """A JSON column whose strings are masked when written (conversation state)."""

    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect) -> Any:
        return mask_value(value)
