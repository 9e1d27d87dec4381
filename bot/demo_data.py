"""Demo data for a first look at the bot: clearly labelled (references DEMO-…, people "Demo …").

Created only in an empty database, so real data is never mixed with it.
"""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta

from sqlalchemy import insert
from sqlmodel import Session

from storage.indicators.computation import compute_indicator_values
from storage.indicators.demo_values import create_demo_indicator_values
from storage.models import Report, UnitCreate
from storage.people import set_role
from storage.report_counts import CountFilter, count_reports
from storage.timestamps import STOCKHOLM
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
SYNPUNKTER = ["anhörig tycker att personalen kommer för sent", "brukaren vill ha dusch två gånger i veckan",
              "dottern framför beröm för fint bemötande", "sonen klagar på att maten är kall"]
CONSEQUENCES = ["ingen", "ingen", "ingen", "lindrig", "lindrig", "måttlig", "allvarlig"]


def is_empty(session: Session) -> bool:
    return not list_units(session=session) and count_reports(session=session, flt=CountFilter()) == 0


def create_demo_data(*, session: Session, now: datetime, seed: int = 2026) -> int:
    """Units, people and a year of reports; returns the number of reports created."""
    rng = random.Random(seed)
    units = {name: create_unit(session=session, unit_in=UnitCreate(name=name, type=kind, aliases=aliases))
             for name, kind, aliases in DEMO_UNITS}
    for user, role, unit in DEMO_PEOPLE:
        set_role(session=session, platform_user_id=user, role=role, unit_name=unit)
    today = now.astimezone(STOCKHOLM).date()
    rows = []
    areas = [t for t in TEMPLATES for _ in range(t[1])]
    for number in range(1, 1_201):
        day = today - timedelta(days=rng.randrange(0, 365))
        occurred = datetime.combine(day, time(rng.randrange(24), rng.choice([0, 15, 30, 45])), tzinfo=STOCKHOLM)
        if occurred > now:
            occurred -= timedelta(days=1)
        synpunkt = rng.random() < 0.12
        area, _, texts = rng.choice(areas)
        consequence = rng.choice(CONSEQUENCES)
        age = (today - day).days
        status = "avslutad" if age > 45 else rng.choice(["ny", "utreds", "åtgärdad", "avslutad"])
        reported = occurred + timedelta(hours=rng.randrange(1, 30))
        assessed = reported + timedelta(days=rng.randrange(1, 25)) if status != "ny" else None
        closed = assessed + timedelta(days=rng.randrange(2, 40)) if status == "avslutad" and assessed else None
        feedback = "Tack för rapporten – vi har tagit upp den på APT." if closed and rng.random() < 0.4 else None
        rows.append({
            "reference": f"DEMO-{day.year}-{number:05d}",
            "kind": "synpunkt" if synpunkt else "avvikelse",
            "area": "övrigt" if synpunkt and rng.random() < 0.6 else area,
            "secondary_areas": [],
            "unit_id": rng.choice(list(units.values())).id,
            "occurred_at": occurred,
            "reported_at": reported,
            "description": rng.choice(SYNPUNKTER if synpunkt else texts),
            "consequence": None if synpunkt else consequence,
            "severe": consequence == "allvarlig" and not synpunkt,
            "lex_sarah_candidate": False,
            "lex_maria_candidate": False,
            "status": status,
            "lagrum": None if status == "ny" else ("HSL" if area in ("fall", "läkemedel", "trycksår") else "SoL"),
            "action": "arbetsplatsdiskussion" if status in ("åtgärdad", "avslutad") else None,
            "feedback": feedback,
            "assessed_at": min(assessed, now) if assessed else None,
            "closed_at": min(closed, now) if closed else None,
            "feedback_at": min(closed, now) if feedback else None,
            "source": "import",
            "updated_at": now,
        })
    session.execute(insert(Report), rows)
    session.flush()
    create_demo_indicator_values(session=session, today=today)
    compute_indicator_values(session=session, today=today)
    return len(rows)
