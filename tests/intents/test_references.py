"""Report references as people type them, the demo data's included."""

from __future__ import annotations

import pytest

from intents.references import find_reference, references_in


@pytest.mark.parametrize("text, reference", [
    ("AV-2026-00042 åtgärd: mattan borttagen", "AV-2026-00042"),
    ("hur gick det med av 2026-42?", "AV-2026-00042"),
    ("sp-2026-7 status avslutad", "SP-2026-00007"),
    ("visa DEMO-2026-00013", "DEMO-2026-00013"),
    ("demo-2025-896", "DEMO-2025-00896"),
])
def test_referensen_lases_som_folk_skriver_den(text: str, reference: str) -> None:
    assert find_reference(text)[0] == reference


def test_noll_ar_ingen_referens_och_samma_referens_raknas_en_gang() -> None:
    assert find_reference("AV-2026-0") is None
    assert references_in("samma som AV-2026-00001 och av-2026-1, se även SP-2026-00003") == \
        ["AV-2026-00001", "SP-2026-00003"]
