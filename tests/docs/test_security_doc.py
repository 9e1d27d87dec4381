"""docs/security.md promises only what a test proves: every test it names exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
_REFERENCE = re.compile(r"`(tests/[\w/]+\.py)?(?:::(test_\w+))?`")


def named_tests(text: str) -> list[tuple[str, str | None]]:
    """(file, test) for every `tests/x.py::test_y`, `tests/x.py` and `::test_y` (the file named last)."""
    out, current = [], None
    for match in _REFERENCE.finditer(text):
        path, test = match.groups()
        if path:
            current = path
        if path or test:
            out.append((current, test))
    return out


def test_varje_test_som_sakerhetsdokumentet_namnger_finns():
    text = (ROOT / "docs" / "security.md").read_text(encoding="utf-8")
    named = named_tests(text)
    assert len(named) > 30
    missing = [(path, test) for path, test in named
               if path is None or not (ROOT / path).exists()
               or test and not re.search(rf"^def {test}\(", (ROOT / path).read_text(encoding="utf-8"), re.M)]
    assert missing == []
