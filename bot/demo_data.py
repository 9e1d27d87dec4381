"""Demo data for a first look at the bot: clearly labelled (references DEMO-…, people "demo-…").

Created only in an empty database, so real data is never mixed with it.
"""

from __future__ import annotations

import random
from itertools import groupby
from datetime import date, datetime, time, timedelta

from sqlalchemy import insert
from sqlmodel import Session

from storage.indicators.computation import compute_indicator_values
from storage.indicators.demo_values import create_demo_indicator_values
from storage.models import Report, UnitCreate
from storage.people import set_role
from storage.report_counts import CountFilter, count_reports
from storage.reports import get_report, mark_duplicate
from storage.timestamps import STOCKHOLM, to_stockholm
from storage.units import create_unit, list_units
from storage.vocabulary import Role, UnitType

DEMO_UNITS = [
    ("Solgården", UnitType.SARSKILT_BOENDE, ["Solgarden", "SG"]),
    ("Björkhagen", UnitType.SARSKILT_BOENDE, []),
    ("Ekbacken", UnitType.SARSKILT_BOENDE, []),
    ("Hemtjänst Norr", UnitType.HEMTJANST, ["HT Norr", "hemtj norr"]),
    ("Hemtjänst Syd", UnitType.HEMTJANST, ["HT Syd", "hemtj syd"]),
    ("Hemtjänst Centrum", UnitType.HEMTJANST, ["HT Centrum", "hemtj centrum"]),
    ("Korttidsboendet Lärkan", UnitType.KORTTIDSBOENDE, ["Lärkan"]),
]
DEMO_PEOPLE = [
    ("demo-personal", Role.PERSONAL, "Solgården"),
    ("demo-ssk", Role.SJUKSKOTERSKA, "Solgården"),
    ("demo-chef", Role.CHEF, "Solgården"),
    ("demo-chef", Role.CHEF, "Björkhagen"),
    ("demo-mas", Role.MAS, None),
]
# (area, weight, texts): weights follow the shares seen in municipal reports (falls and medication dominate)
TEMPLATES = [
    ("fall", 40, ["brukaren hittad på golvet i badrummet, ingen synlig skada",
                  "föll vid förflyttning från rullstol till säng, blåmärke på armen",
                  "gled ur sängen i natt, hjälptes upp, ssk kontaktad",
                  "snubblade på mattan i hallen, ont i höften, ambulans tillkallad"]),
    ("läkemedel", 30, ["kvällsmedicinen inte given, dosetten orörd",
                       "fel tabletter givna vid lunch, ssk informerad",
                       "signeringslistan ej signerad för morgonens insulin",
                       "narkotikaräkningen stämmer inte, en tablett saknas"]),
    ("trycksår", 8, ["rodnad på hälen som inte bleknar", "lägesändring ej gjord enligt vändschemat i natt",
                     "sår på korsbenet upptäckt vid dusch"]),
    ("larm", 8, ["trygghetslarmet gick inte fram, batteriet slut", "det tog 50 minuter innan någon kom efter larm",
                 "larmknappen saknades, brukaren hade inte armbandet på sig"]),
    ("övrigt", 14, ["besöket uteblev på förmiddagen", "maten levererades kall", "nyckeln saknades i nyckelskåpet",
                    "dokumentationen i genomförandeplanen var inte uppdaterad"]),
]
# (area, text): a synpunkt keeps the area its words are about (cold food is övrigt, never larm)
SYNPUNKTER = [("övrigt", "anhörig tycker att personalen kommer för sent"),
              ("övrigt", "brukaren vill ha dusch två gånger i veckan"),
              ("övrigt", "dottern framför beröm för fint bemötande"), ("övrigt", "sonen klagar på att maten är kall"),
              ("larm", "anhörig oroad över att larmet inte besvaras på natten"),
              ("fall", "dottern undrar varför pappa inte fått höftskydd efter fallen"),
              ("läkemedel", "brukaren vill veta varför tabletterna byttes utan att någon sa något")]
CONSEQUENCES = ["ingen"] * 6 + ["lindrig"] * 4 + ["måttlig"] * 2 + ["allvarlig"]
REPORTS_PER_YEAR = 560
# The newest invented event lies this many days back: what a newcomer reports first ("i natt", "i går")
# is then never within the duplicate check's 48 hours of an invented one on the same unit.
QUIET_DAYS = 4
SHIFT_WEEKS = 10  # the latest weeks: more falls on Solgården, so the run chart and the digest show a signal
DUPLICATES = 14
LEX_SARAH_TEXTS = ("besöket uteblev", "det tog 50 minuter", "nyckeln saknades")


def is_empty(session: Session) -> bool:
    return not list_units(session=session) and count_reports(session=session, flt=CountFilter()) == 0


def _report(rng: random.Random, number: int, day: date, now: datetime, unit_id: int, area_choice,
            synpunkt_share: float = 0.12) -> dict:
    today = now.astimezone(STOCKHOLM).date()
    occurred = datetime.combine(day, time(rng.randrange(24), rng.choice([0, 15, 30, 45])), tzinfo=STOCKHOLM)
    if occurred > now:
        occurred = now - timedelta(hours=rng.randrange(1, 8))
    synpunkt = rng.random() < synpunkt_share
    area, text = rng.choice(SYNPUNKTER) if synpunkt else area_choice()
    consequence = None if synpunkt else rng.choice(CONSEQUENCES)
    age = (today - day).days
    status = "avslutad" if age > 45 else rng.choice(["ny", "utreds", "åtgärdad", "avslutad"])
    reported = min(occurred + timedelta(hours=rng.randrange(1, 30)), now)
    assessed = reported + timedelta(days=rng.randrange(1, 25)) if status != "ny" else None
    closed = assessed + timedelta(days=rng.randrange(2, 40)) if status == "avslutad" and assessed else None
    feedback = "Tack för rapporten – vi har tagit upp den på APT." if closed and rng.random() < 0.4 else None
    severe = consequence == "allvarlig"
    return {
        "reference": f"DEMO-{day.year}-{number:05d}",
        "kind": "synpunkt" if synpunkt else "avvikelse",
        "area": area,
        "secondary_areas": [],
        "unit_id": unit_id,
        "occurred_at": occurred,
        "reported_at": reported,
        "description": text,
        "consequence": consequence,
        "severe": severe,
        "lex_sarah_candidate": not synpunkt and text.startswith(LEX_SARAH_TEXTS) and rng.random() < 0.25,
        "lex_maria_candidate": severe and area in ("fall", "läkemedel", "trycksår") and rng.random() < 0.2,
        "status": status,
        "lagrum": None if status == "ny" else ("HSL" if area in ("fall", "läkemedel", "trycksår") else "SoL"),
        "action": "arbetsplatsdiskussion" if status in ("åtgärdad", "avslutad") else None,
        "feedback": feedback,
        "assessed_at": min(assessed, now) if assessed else None,
        "first_handled_at": min(assessed, now) if assessed else None,
        "action_at": min(assessed + timedelta(days=rng.randrange(1, 10)), now) if assessed and status in (
            "åtgärdad", "avslutad") else None,
        "closed_at": min(closed, now) if closed else None,
        "feedback_at": min(closed, now) if feedback else None,
        "source": "import",
        "updated_at": now,
    }


def _days(rng: random.Random, today: date) -> list[date]:
    """Days of occurrence from 1 January two years back up to QUIET_DAYS before today, evenly over the time."""
    first = date(today.year - 2, 1, 1)
    span = (today - first).days + 1 - QUIET_DAYS
    return sorted(first + timedelta(days=rng.randrange(span)) for _ in range(REPORTS_PER_YEAR * span // 365))


def create_demo_data(*, session: Session, now: datetime, seed: int = 2026) -> int:
    """Units, people and reports from 1 January two years back up to today (two whole calendar years
    and this year so far): consistent kinds and areas, severe events, lex Sarah and lex Maria
    candidates, handled and unhandled reports, a few duplicates, and a recent rise in falls on
    Solgården. Returns the number of reports created."""
    rng = random.Random(seed)
    units = {name: create_unit(session=session, unit_in=UnitCreate(name=name, type=kind, aliases=aliases))
             for name, kind, aliases in DEMO_UNITS}
    for (user, role), rows in groupby(DEMO_PEOPLE, key=lambda person: person[:2]):
        # one call per person: set_role replaces a person's units with the ones given
        set_role(session=session, platform_user_id=user, role=role,
                 unit_names=[unit for _, _, unit in rows if unit])
    today = now.astimezone(STOCKHOLM).date()
    areas = [(area, texts) for area, weight, texts in TEMPLATES for _ in range(weight)]

    def any_area() -> tuple[str, str]:
        area, texts = rng.choice(areas)
        return area, rng.choice(texts)

    def fall() -> tuple[str, str]:
        return "fall", rng.choice(TEMPLATES[0][2])

    unit_ids = [u.id for u in units.values()]
    rows = [_report(rng, n, day, now, rng.choice(unit_ids), any_area) for n, day in enumerate(_days(rng, today), 1)]
    last_monday = today - timedelta(days=today.weekday() + 7)
    shift_days = [min(today - timedelta(days=QUIET_DAYS), last_monday - timedelta(weeks=week) + timedelta(days=rng.randrange(7)))
                  for week in range(-1, SHIFT_WEEKS) for _ in range(3)]
    rows += [_report(rng, len(rows) + n, day, now, units["Solgården"].id, fall, synpunkt_share=0.0)
             for n, day in enumerate(shift_days, 1)]
    session.execute(insert(Report), rows)
    session.flush()
    _add_duplicates(session, rng, rows, now)
    create_demo_indicator_values(session=session, today=today)
    compute_indicator_values(session=session, today=today)
    return len(rows) + DUPLICATES


def _add_duplicates(session: Session, rng: random.Random, rows: list[dict], now: datetime) -> None:
    """A few reports told twice (by two people), marked as duplicates: left out of every count."""
    for n, original_row in enumerate(rng.sample([r for r in rows if r["kind"] == "avvikelse"], DUPLICATES), 1):
        original = get_report(session=session, reference=original_row["reference"])
        year = to_stockholm(original_row["occurred_at"]).year
        # the reference opens like any DEMO-… reference
        copy = dict(original_row, reference=f"DEMO-{year}-{90_000 + n}", severe=False, lex_sarah_candidate=False,
                    lex_maria_candidate=False, reported_at=min(original_row["reported_at"] + timedelta(hours=2), now),
                    description=original_row["description"] + " (rapporterat även av kollega)")
        session.execute(insert(Report), [copy])
        duplicate = get_report(session=session, reference=copy["reference"])
        mark_duplicate(session=session, report=duplicate, original=original, now=now)
