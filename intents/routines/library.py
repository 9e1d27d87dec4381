"""Load the municipality's routines: Markdown files with YAML front matter.

Each file in the routines folder is one routine. The front matter holds `title`, `area`,
`keywords`, `owner` and `updated`, and optionally `report_kind` (which reports the routine is the
next step for: avvikelse, synpunkt, beröm or personalskada; avvikelse when left out), `unit_types`
(the kinds of unit it is written for, e.g. [hemtjänst]; every unit when left out) and `fallback: true`
(the general next steps when no routine of a report's area fits well); the body
holds a short intro and a `## Gör så här` section with numbered steps. A file that cannot be read is reported by name with a
Swedish reason and skipped, so one broken file never takes the others down.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml

from nlp_models.text.normalize import fold
from storage.vocabulary import Area, UnitType

log = logging.getLogger(__name__)

REQUIRED_FIELDS = ("title", "area", "keywords", "owner", "updated")
REPORT_KINDS = ("avvikelse", "synpunkt", "beröm", "personalskada")
STEPS_HEADING = "gor sa har"  # folded "Gör så här"

_AREAS_BY_FOLD = {fold(area.value): area for area in Area}
_HEADING = re.compile(r"^#{1,6}\s+(.*?)\s*#*\s*$")
_NUMBERED = re.compile(r"^\s{0,3}\d{1,2}[.)]\s+(.*\S)\s*$")


@dataclass(frozen=True, slots=True)
class Routine:
    title: str
    area: Area
    keywords: tuple[str, ...]
    owner: str
    updated: dt.date
    steps: tuple[str, ...]
    body: str
    path: Path
    # which reports it is the next step for: avvikelse (default), synpunkt, beröm, personalskada
    report_kind: str = "avvikelse"
    # the kinds of unit it is written for (hemtjänst, särskilt boende, …); empty: every unit
    unit_types: tuple[str, ...] = ()
    # the general next steps for a report no routine of its area fits well
    fallback: bool = False

    def fits_unit_type(self, unit_type: str | None) -> bool:
        return not self.unit_types or unit_type is None or unit_type in self.unit_types

    @property
    def intro(self) -> str:
        """The body's first paragraph (the text before the first heading)."""
        first = self.body.strip().split("\n\n", 1)[0].strip()
        return "" if first.startswith("#") else first


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """A routine file that was skipped, and why (in Swedish, for the people who edit it)."""

    path: Path
    reason: str

    @property
    def file_name(self) -> str:
        return self.path.name

    def __str__(self) -> str:
        return f"{self.path.name}: {self.reason}"


@dataclass(frozen=True, slots=True)
class RoutineLibrary:
    routines: tuple[Routine, ...]
    problems: tuple[LoadProblem, ...]


class RoutineError(ValueError):
    """Raised inside the loader for a file that cannot become a `Routine`."""


def load_routines(folder: str | Path) -> RoutineLibrary:
    """Read every `*.md` file in `folder` (not recursive), in file-name order.

    Broken files end up in `problems`; the load itself only fails when `folder` is not a
    directory.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise FileNotFoundError(f"Mappen med rutiner finns inte: {folder}")
    routines: list[Routine] = []
    problems: list[LoadProblem] = []
    for path in sorted(folder.glob("*.md")):
        if not path.is_file():
            continue
        try:
            routines.append(parse_routine_file(path))
        except RoutineError as exc:
            problem = LoadProblem(path, str(exc))
        except Exception as exc:  # one odd file must never stop the others from loading
            problem = LoadProblem(path, f"filen kunde inte tolkas ({type(exc).__name__})")
        else:
            continue
        log.warning("Rutinen hoppades över: %s", problem)
        problems.append(problem)
    return RoutineLibrary(tuple(routines), tuple(problems))


def parse_routine_file(path: Path) -> Routine:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise RoutineError("filen är inte sparad som UTF-8") from None
    except OSError as exc:
        raise RoutineError(f"filen går inte att läsa ({exc.strerror or exc})") from None
    return parse_routine(text, path)


def parse_routine(text: str, path: Path) -> Routine:
    """Turn the text of one routine file into a `Routine`, or raise `RoutineError`."""
    if not text.startswith("---"):
        raise RoutineError("front matter saknas (filen ska börja med en rad med ---)")
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" på rad {mark.line + 1}" if mark is not None else ""
        raise RoutineError(f"front matter är inte giltig YAML{where}") from None
    except ValueError:
        raise RoutineError("front matter är inte giltig YAML") from None
    meta = post.metadata
    if not isinstance(meta, dict):
        raise RoutineError("front matter ska bestå av fält med namn, till exempel title: …")
    if not meta:
        raise RoutineError("front matter är tom eller saknar avslutande ---")

    missing = [name for name in REQUIRED_FIELDS if _is_blank(meta.get(name))]
    if missing:
        label = "fältet" if len(missing) == 1 else "fälten"
        raise RoutineError(f"{label} {', '.join(missing)} saknas eller är tomt")

    title = _text_field(meta, "title")
    owner = _text_field(meta, "owner")
    area = _area(meta["area"])
    keywords = _keywords(meta["keywords"])
    updated = _date(meta["updated"])
    body = post.content.strip()
    steps = extract_steps(body)
    if steps is None:
        raise RoutineError("avsnittet ”## Gör så här” saknas")
    if not steps:
        raise RoutineError("avsnittet ”## Gör så här” har inga numrerade steg")
    report_kind = str(meta.get("report_kind") or "avvikelse").strip()
    if report_kind not in REPORT_KINDS:
        raise RoutineError(f"okänt värde ”{report_kind}” i fältet report_kind (tillåtna: {', '.join(REPORT_KINDS)})")
    unit_types = _unit_types(meta.get("unit_types"))
    fallback = meta.get("fallback", False)
    if not isinstance(fallback, bool):
        raise RoutineError("fältet fallback ska vara true eller false")
    return Routine(title, area, keywords, owner, updated, steps, body, path, report_kind, unit_types, fallback)


def _unit_types(value: object) -> tuple[str, ...]:
    """`unit_types: [hemtjänst]`: the kinds of unit a routine is written for (storage.vocabulary.UnitType)."""
    if _is_blank(value):
        return ()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, (list, tuple)):
        raise RoutineError("fältet unit_types ska vara en lista, till exempel [hemtjänst]")
    known = {fold(t.value): t.value for t in UnitType}
    types = []
    for item in items:
        kind = known.get(fold(str(item).strip()))
        if kind is None:
            raise RoutineError(f"okänd enhetstyp ”{item}” i fältet unit_types (tillåtna: {', '.join(known.values())})")
        types.append(kind)
    return tuple(types)


def extract_steps(body: str) -> tuple[str, ...] | None:
    """The numbered items under `## Gör så här`; None when there is no such heading.

    Lines that follow an item without a number of their own (a wrapped line) belong to
    that item.
    """
    steps: list[str] = []
    in_section = False
    found = False
    for line in body.splitlines():
        heading = _HEADING.match(line)
        if heading:
            if in_section:
                break
            in_section = fold(heading.group(1)).rstrip(":") == STEPS_HEADING
            found = found or in_section
            continue
        if not in_section:
            continue
        item = _NUMBERED.match(line)
        if item:
            steps.append(item.group(1))
        elif line.strip() and steps and line.startswith((" ", "\t")):
            steps[-1] = f"{steps[-1]} {line.strip()}"
        elif not line.strip():
            continue
        elif steps:
            break  # a paragraph after the list ends it
    return tuple(steps) if found else None


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, (str, list, tuple)) and not value)


def _text_field(meta: dict, name: str) -> str:
    value = meta[name]
    if not isinstance(value, (str, int, float)) or not str(value).strip():
        raise RoutineError(f"fältet {name} ska vara en text")
    return str(value).strip()


def _area(value: object) -> Area:
    area = _AREAS_BY_FOLD.get(fold(str(value).strip()))
    if area is None:
        allowed = ", ".join(a.value for a in Area)
        raise RoutineError(f"okänt område ”{value}” i fältet area (tillåtna: {allowed})")
    return area


def _keywords(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        items = value.split(",")
    elif isinstance(value, list):
        items = value
    else:
        raise RoutineError("fältet keywords ska vara en lista med sökord")
    if any(not isinstance(item, (str, int, float)) for item in items):
        raise RoutineError("fältet keywords ska bara innehålla ord, inte listor eller tabeller")
    keywords = tuple(dict.fromkeys(str(item).strip() for item in items if str(item).strip()))
    if not keywords:
        raise RoutineError("fältet keywords saknar sökord")
    return keywords


def _date(value: object) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise RoutineError(f"fältet updated ska vara ett datum som 2026-01-31, inte ”{value}”") from None
