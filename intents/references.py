"""Report references as people type them: "AV-2026-00042", "av 2026-42", "sp-2026-7", and the demo
data's "DEMO-2026-00013". One reader for the report dialogue, the handling and the lists."""

from __future__ import annotations

import re

from nlp_models.text.normalize import fold

# The prefixes a reference can start with: storage.vocabulary.REFERENCE_PREFIX, and bot.demo_data's.
_REFERENCE = re.compile(r"\b(av|sp|demo)[\s-]?(\d{4})-(\d{1,5})\b")


def find_references(text: str) -> list[tuple[str, int, int]]:
    """Every report reference in `text`, normalised ("AV-2026-00042"), with its span in the folded text."""
    found = []
    for match in _REFERENCE.finditer(fold(text)):
        if int(match[3]):
            found.append((f"{match[1].upper()}-{match[2]}-{int(match[3]):05d}", match.start(), match.end()))
    return found


def find_reference(text: str) -> tuple[str, int, int] | None:
    """The first report reference in `text`, with its span."""
    found = find_references(text)
    return found[0] if found else None


def references_in(text: str) -> list[str]:
    """The references named in `text`, normalised, each once."""
    return list(dict.fromkeys(reference for reference, _, _ in find_references(text)))


def without_references(folded: str) -> str:
    """A folded text with its references blanked out."""
    return _REFERENCE.sub(" ", folded)


def names_a_reference(folded: str) -> bool:
    return _REFERENCE.search(folded) is not None
