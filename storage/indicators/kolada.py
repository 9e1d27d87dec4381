"""Reading Kolada API v3 JSON (`/v3/data/kpi/...`) saved to a file.

Shape: {"values": [{"kpi": "U21468", "municipality": "0180", "period": 2024,
"values": [{"gender": "T", "value": 87.0, "status": ""}, {"gender": "K", ...}]}], "next_page": ...}.

Only gender T (total) is read. A null value is missing, never zero: such entries are
skipped with a note. A top-level `next_page` or `next_url` means the file is one page of
several. Municipality "0000" is the whole country (scope "riket"); other municipalities
than ours are skipped with a note.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from storage.indicators.csv_rows import IndicatorFileError, ParsedFile, RawRow, RowProblem

COUNTRY_CODE = "0000"
COUNTRY_SCOPE = "riket"
TOTAL = "T"


@dataclass
class KoladaPage(ParsedFile):
    has_next_page: bool = False
    municipalities: frozenset[str] = frozenset()


def looks_like_kolada(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")


def parse_kolada_json(data: bytes, *, municipality: str | None = None, label: str = "") -> KoladaPage:
    """Rows with `scope` "kommun" (our municipality), "riket", or the municipality code.

    `municipality`: our municipality's code; when None and the file holds exactly one
    municipality (besides the country), that one is ours.
    """
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise IndicatorFileError(f"{label or 'filen'} är inte giltig JSON: {exc}") from None
    entries = payload.get("values") if isinstance(payload, dict) else payload
    if not isinstance(entries, list):
        raise IndicatorFileError(f"{label or 'filen'} saknar listan ”values” – är det Koladas API v3?")
    prefix = f"{label}, " if label else ""
    has_next = isinstance(payload, dict) and bool(payload.get("next_page") or payload.get("next_url"))
    codes = {str(e.get("municipality")) for e in entries if isinstance(e, dict) and e.get("municipality")}
    ours = municipality or _only_municipality(codes)
    rows: list[RawRow] = []
    problems: list[RowProblem] = []
    notes: list[str] = []
    skipped_other: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            problems.append(RowProblem(f"{prefix}post {number}", "posten är inget objekt"))
            continue
        kpi, period, code = entry.get("kpi"), entry.get("period"), entry.get("municipality")
        where = f"{prefix}post {number} ({kpi}, {period})"
        if not kpi or period is None:
            problems.append(RowProblem(where, "kpi eller period saknas"))
            continue
        if code is None:
            notes.append(f"{where}: gäller en organisatorisk enhet (ou), inte en kommun – hoppas över")
            continue
        code = str(code)
        if code == COUNTRY_CODE:
            scope = COUNTRY_SCOPE
        elif ours is None:
            problems.append(RowProblem(where, "filen har flera kommuner – ange vår kommunkod med --kommun"))
            continue
        elif code == ours:
            scope = "kommun"
        else:
            skipped_other.add(code)
            continue
        total = next((v for v in entry.get("values") or [] if isinstance(v, dict) and v.get("gender") == TOTAL), None)
        if total is None:
            notes.append(f"{where}: inget värde för totalt (T) – hoppas över")
            continue
        value = total.get("value")
        if value is None:
            notes.append(f"{where}: värdet saknas i Kolada (null) – hoppas över, det är inte noll")
            continue
        if isinstance(value, bool) or not isinstance(value, int | float):
            problems.append(RowProblem(where, f"värdet ”{value}” är inget tal"))
            continue
        rows.append(RawRow(where, str(kpi), period, scope, float(value)))
    if skipped_other:
        notes.append(f"{prefix}värden för andra kommuner ({', '.join(sorted(skipped_other))}) hoppades över")
    return KoladaPage(rows, problems, notes, has_next_page=has_next, municipalities=frozenset(codes))


def _only_municipality(codes: set[str]) -> str | None:
    own = codes - {COUNTRY_CODE}
    return next(iter(own)) if len(own) == 1 else None
