"""Indicator definitions: read from `knowledge/indikatorer.toml`, kept in the database.

The TOML file is the source of truth. Names people use (`aliases`) and the Kolada KPI id
(`kolada_kpi`) live only in the file; everything else is upserted into
`IndicatorDefinition` rows, which indicator values refer to.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlmodel import Session, select

from storage.models import IndicatorDefinition

DEFAULT_INDICATORS_FILE = Path(__file__).resolve().parents[2] / "knowledge" / "indikatorer.toml"

UNITS = ("%", "antal", "dagar", "minuter")
SOURCES = ("computed", "imported")
FREQUENCIES = ("månad", "kvartal", "år")
_DEFINITION_FIELDS = ("name", "description", "unit", "target", "higher_is_better", "source", "frequency")
_KNOWN_KEYS = {"id", *_DEFINITION_FIELDS, "aliases", "kolada_kpi"}


class IndicatorDefinitionError(ValueError):
    """One or more entries in the definitions file are wrong; `problems` names each by id."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class IndicatorSpec:
    """One indicator as written in the TOML file."""

    id: str
    name: str
    description: str
    unit: str
    target: float | None
    higher_is_better: bool
    source: str
    frequency: str
    aliases: tuple[str, ...] = field(default_factory=tuple)
    kolada_kpi: str | None = None

    def definition(self) -> IndicatorDefinition:
        return IndicatorDefinition(id=self.id, **{f: getattr(self, f) for f in _DEFINITION_FIELDS})


def parse_indicator_definitions(text: str) -> list[IndicatorSpec]:
    """All `[[indikator]]` entries; raises IndicatorDefinitionError naming every bad entry."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise IndicatorDefinitionError([f"Filen går inte att läsa som TOML: {exc}"]) from None
    entries = data.get("indikator")
    if not isinstance(entries, list) or not entries:
        raise IndicatorDefinitionError(["Filen har inga [[indikator]]-poster."])
    specs: list[IndicatorSpec] = []
    problems: list[str] = []
    seen: set[object] = set()
    for number, entry in enumerate(entries, start=1):
        spec, reasons = _parse_entry(entry)
        name = f"Indikatorn ”{entry.get('id')}”" if entry.get("id") else f"Indikator nr {number}"
        if entry.get("id") in seen:
            reasons.insert(0, "id:t finns redan tidigare i filen")
        seen.add(entry.get("id"))
        if reasons:
            problems.append(f"{name}: " + "; ".join(reasons) + ".")
            continue
        specs.append(spec)
    if problems:
        raise IndicatorDefinitionError(problems)
    return specs


def _parse_entry(entry: dict) -> tuple[IndicatorSpec | None, list[str]]:
    reasons: list[str] = []
    ident = entry.get("id")
    if not isinstance(ident, str) or not ident or not ident.replace("_", "").isalnum() or not ident.isascii() \
            or ident != ident.lower() or len(ident) > 64:
        reasons.append("id saknas eller är ogiltigt (använd små bokstäver a–z, siffror och _)")
    unknown = sorted(set(entry) - _KNOWN_KEYS)
    if unknown:
        reasons.append(f"okända fält: {', '.join(unknown)}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        reasons.append("namn (name) saknas")
    if entry.get("unit") not in UNITS:
        reasons.append(f"enheten ”{entry.get('unit')}” är okänd – välj {', '.join(UNITS)}")
    target = entry.get("target")
    if target is not None and (isinstance(target, bool) or not isinstance(target, int | float)):
        reasons.append("målvärdet (target) måste vara ett tal")
    elif entry.get("unit") == "%" and target is not None and not 0 <= target <= 100:
        reasons.append("målvärdet måste ligga mellan 0 och 100 %")
    if not isinstance(entry.get("higher_is_better"), bool):
        reasons.append("higher_is_better måste vara true eller false")
    if entry.get("source") not in SOURCES:
        reasons.append(f"källan (source) ”{entry.get('source')}” är okänd – välj computed eller imported")
    if entry.get("frequency") not in FREQUENCIES:
        reasons.append(f"frekvensen ”{entry.get('frequency')}” är okänd – välj {', '.join(FREQUENCIES)}")
    aliases = entry.get("aliases", [])
    if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
        reasons.append("aliases måste vara en lista med ord")
        aliases = []
    kpi = entry.get("kolada_kpi")
    if kpi is not None and (not isinstance(kpi, str) or not kpi.strip()):
        reasons.append("kolada_kpi måste vara ett id som ”U21468”")
    if reasons:
        return None, reasons
    return IndicatorSpec(
        id=ident, name=name.strip(), description=str(entry.get("description", "")).strip(), unit=entry["unit"],
        target=None if target is None else float(target), higher_is_better=entry["higher_is_better"],
        source=entry["source"], frequency=entry["frequency"], aliases=tuple(a.strip() for a in aliases),
        kolada_kpi=kpi.strip().upper() if kpi else None,
    ), []


def load_indicator_catalog(path: Path | None = None) -> list[IndicatorSpec]:
    """The definitions in a TOML file (re-read when the file changes)."""
    path = Path(path or DEFAULT_INDICATORS_FILE)
    return list(_cached_catalog(path.resolve(), path.stat().st_mtime_ns))


@lru_cache(maxsize=8)
def _cached_catalog(path: Path, _mtime: int) -> tuple[IndicatorSpec, ...]:
    return tuple(parse_indicator_definitions(path.read_text(encoding="utf-8")))


def sync_indicator_definitions(*, session: Session, specs: list[IndicatorSpec]) -> int:
    """Insert or update one row per spec; returns how many rows changed (0 when all are current)."""
    existing = {d.id: d for d in session.exec(select(IndicatorDefinition))}
    changed = 0
    for spec in specs:
        row = existing.get(spec.id)
        if row is None:
            session.add(spec.definition())
            changed += 1
            continue
        if any(getattr(row, f) != getattr(spec, f) for f in _DEFINITION_FIELDS):
            for f in _DEFINITION_FIELDS:
                setattr(row, f, getattr(spec, f))
            session.add(row)
            changed += 1
    if changed:
        session.flush()
    return changed


def list_indicator_definitions(*, session: Session) -> list[IndicatorDefinition]:
    return list(session.exec(select(IndicatorDefinition).order_by(IndicatorDefinition.id)))
