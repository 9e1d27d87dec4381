"""Clock times written without a separator ("kl 1330", "1330 idag") and the few English time words staff use.

A four-digit time needs a lead ("kl", "typ"), a day or part of day next to it, or to be the whole answer:
a room number ("rum 1204 i går") or a year ("i mars 2026") is never read as a clock time.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nlp_models.times.expressions import resolve_occurred_at, said_precision

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 3, 12, 23, 59, tzinfo=STOCKHOLM)  # late on a Thursday: every time of the day is past
FEW = settings(max_examples=80, deadline=None)


def _today(hour: int, minute: int) -> datetime:
    return NOW.replace(hour=hour, minute=minute, second=0, microsecond=0)


# (how the time is written around the digits, whether the day is yesterday)
SHAPES = [("kl {}", 0), ("{} idag", 0), ("idag {}", 0), ("typ {}", 0), ("{}", 0), ("ca {}", 0),
          ("igår {}", 1), ("{} igår", 1), ("igar kvall {}", 1), ("idag lunch {}", 0), ("tiden kl {}", 0)]


@FEW  # (10-12 without a leading zero may be morning or evening, as "kl 11.30" is: left to the table below)
@given(st.one_of(st.integers(0, 9), st.integers(13, 23)), st.integers(0, 59), st.sampled_from(SHAPES))
def test_fyrsiffrigt_klockslag_lases_som_tid(hour, minute, shape):
    template, days_ago = shape
    if "kvall" in template and hour < 18 or "lunch" in template and not 11 <= hour < 14:
        hour = 20 if "kvall" in template else 12  # the part of the day said must fit the clock
    text = template.format(f"{hour:02d}{minute:02d}" if hour < 10 else f"{hour}{minute:02d}")
    moment = resolve_occurred_at(text, NOW)
    assert moment is not None, text
    local = moment.astimezone(STOCKHOLM)
    assert (local.hour, local.minute) == (hour, minute), text
    assert (NOW.date() - local.date()).days == days_ago, text
    assert said_precision(text) == "clock"


@pytest.mark.parametrize(("text", "hour", "minute"), [
    ("kl 1330", 13, 30), ("1330 idag", 13, 30), ("idag lunch 1130", 11, 30), ("tiden kl 1130", 23, 30),
    ("kl 0930", 9, 30), ("kl 930", 21, 30), ("typ 0730 i morse", 7, 30), ("inatt 0230", 2, 30),
])
def test_klockslag_utan_skiljetecken(text, hour, minute):
    # read as "kl 13.30" is: "kl 930" late in the evening is the latest 9.30 before now, as "kl 9.30" would be
    local = resolve_occurred_at(text, NOW).astimezone(STOCKHOLM)
    assert (local.hour, local.minute) == (hour, minute)


@pytest.mark.parametrize("text", ["bru i rum 1204 ramlade i går", "i mars 2026", "sedan 2015 har hon haft larm",
                                  "hon fick 1000 mg", "kl 2500"])
def test_rumsnummer_och_artal_ar_inga_klockslag(text):
    moment = resolve_occurred_at(text, NOW)
    assert moment is None or said_precision(text) != "clock", text


def test_rum_4_i_natt_ar_ingen_klocka_4():
    moment = resolve_occurred_at("bru i rum 4 ramlade i natt", NOW)
    assert said_precision("bru i rum 4 ramlade i natt") == "natt"
    assert moment.astimezone(STOCKHOLM).hour != 4


@pytest.mark.parametrize(("text", "expected"), [
    ("last night 2am", _today(2, 0)),
    ("last night around 2 am", _today(2, 0)),
    ("yesterday 9.30 pm", _today(21, 30).replace(day=11)),
    ("this morning", _today(7, 0)),
    ("today at 2pm", _today(14, 0)),
    ("yesterday evening", _today(20, 0).replace(day=11)),
])
def test_engelska_tidsord(text, expected):
    assert resolve_occurred_at(text, NOW) == expected


def test_engelska_at_ar_inte_svenska_at():
    # folded "åt" is "at": "hon åt 2 smörgåsar" names no clock time
    assert resolve_occurred_at("hon åt 2 smörgåsar", NOW) is None


@pytest.mark.parametrize(("text", "precision"), [
    ("i går", "day"), ("i natt", "natt"), ("i går kväll", "kvall"), ("i morse", "morse"), ("kl 14", "clock"),
    ("idag vid lunch", "lunch"), ("ingen tid alls", None),
])
def test_hur_exakt_tiden_sades(text, precision):
    assert said_precision(text) == precision
