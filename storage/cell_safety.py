"""Cells that are safe to open in a spreadsheet, and text free of control characters.

OWASP's advice for CSV injection: a cell that starts with =, +, -, @, tab or carriage return
is a formula to Excel and LibreOffice, so the export puts a single quote before it. "Starts" is
read as a spreadsheet might: after spaces and invisible characters, and with look-alikes such
as the full-width ＝ taken as what they look like. The import takes exactly one such quote away
again, so export → import → export is lossless (a text that itself starts with quotes and a
formula character gets one more quote, and loses it again). Every cell is written in double
quotes: Excel set to Swedish splits a file on ";", and a quoted "Föll;=1+1" stays one cell.

Imported text loses what no person means as text and what can deceive a reader: ANSI escape
sequences, control characters (except tab and line breaks) and bidi overrides (U+202A–U+202E,
U+2066–U+2069), which can make a cell read backwards.
"""

from __future__ import annotations

import re
import unicodedata

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ANSI_ESCAPE = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|[@-Z\\-_])")
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _first_significant(value: str) -> str:
    """The first character a spreadsheet may act on: after spaces and invisible characters, as NFKC."""
    for ch in value:
        if ch in "\t\r":
            return ch
        if ch.isspace() or unicodedata.category(ch) in ("Cf", "Mn", "Cc"):
            continue
        return unicodedata.normalize("NFKC", ch)[:1]
    return ""


def _needs_quote(value: str) -> bool:
    rest = value.lstrip("'")
    return _first_significant(rest) in FORMULA_START if rest else False


def neutralise_formula(value: str) -> str:
    """The cell as written to CSV: a leading quote when a spreadsheet would run it."""
    return "'" + value if _needs_quote(value) else value


def restore_formula(value: str) -> str:
    """The inverse of `neutralise_formula`, for a cell read from CSV."""
    return value[1:] if value[:1] == "'" and _needs_quote(value[1:]) else value


def without_unsafe_characters(value: str) -> str:
    """ANSI escapes, control characters and bidi overrides removed; tab and line breaks kept."""
    if not value or value.isascii() and value.isprintable():
        return value
    return _UNSAFE.sub("", _ANSI_ESCAPE.sub("", value))
