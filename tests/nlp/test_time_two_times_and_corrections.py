"""Times in corrections and messages with two times (issue 14, outside tester): "i kväll" is today whatever day
the conversation had; two different times are never blended; "hela natten"/"förra veckan" are times whose
precision is a part of the day or a week; the words naming the time in a description are found."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta

import pytest

from nlp_models.times.mentions import time_mentions
from nlp_models.times.moments import STOCKHOLM, KnownDay, resolve_occurred_at, said_precision

# correction phrasings × today's parts of day × clock hours, at a late evening and any day a conversation has
LEADS = ["nej vanta, det var {t}", "nej tiden ar fel, det var {t}", "tiden är fel: {t}", "fast det var {t}", "{t}"]
TODAY = [("ikvall", 21, 23), ("i kväll", 18, 23), ("i morse", 5, 9), ("imorse", 5, 9), ("i eftermiddags", 13, 17)]
APPROX = ["ca", "runt", "typ", "kl"]


def _cases():
    for lead, (part, first, last), approx in itertools.product(LEADS, TODAY, APPROX):
        for hour in (first, last):
            yield lead.format(t=f"{part} {approx} {hour}"), hour


@pytest.mark.parametrize(("text", "hour"), list(_cases())[::4])
@pytest.mark.parametrize("known_days_back", [1, 2])
def test_del_av_dagen_med_i_galler_i_dag_aven_nar_en_annan_dag_ar_kand(text, hour, known_days_back):
    now = datetime(2026, 3, 10, 23, 50, tzinfo=STOCKHOLM)
    known = KnownDay(now.date() - timedelta(days=known_days_back))
    assert resolve_occurred_at(text, now, known) == datetime(2026, 3, 10, hour, 0, tzinfo=STOCKHOLM)


@pytest.mark.parametrize("text", [
    "lyften pa rum 3 ar trasig sen igar, vi fick flytta brukaren manuellt ikvall",
    "fick insulin i går kväll och blodsockret var bra i morse",
    "larmet gick inte i måndags, i eftermiddags fungerade det",
])
def test_tva_olika_tider_blandas_inte_ihop_och_fragas(text):
    now = datetime(2026, 3, 11, 23, 20, tzinfo=STOCKHOLM)
    assert resolve_occurred_at(text, now) is None  # the dialogue asks
    assert said_precision(text) is None


DISCOVERIES = ["hittade tabletterna i koppen {t}", "upptäckte det {t}", "vi märkte det {t}", "I found them {t}",
               "nattpersonalen såg det {t}"]
EVENTS = [("glomde kvallsmedicinen {d}", "day"), ("bru fick fel dos {d} kl 20", "clock"),
          ("missad dos {d} kväll", "kvall")]
DAYS = [("igar", 1), ("i förrgår", 2), ("i måndags", 2)]  # "now" is a Wednesday
FOUND = ["i morse", "imorse", "i eftermiddags", "this morning"]


@pytest.mark.parametrize(("discovery", "event", "day", "found"),
                         list(itertools.product(DISCOVERIES, EVENTS, DAYS, FOUND))[::7])
def test_nar_det_upptacktes_ar_inte_handelsens_tid(discovery, event, day, found):
    now = datetime(2026, 3, 11, 23, 20, tzinfo=STOCKHOLM)
    (event_words, precision), (day_words, days_back) = event, day
    text = f"{event_words.format(d=day_words)}, {discovery.format(t=found)}"
    moment = resolve_occurred_at(text, now)
    assert moment is not None and moment.date() == now.date() - timedelta(days=days_back), text
    assert said_precision(text) == precision, text


@pytest.mark.parametrize(("text", "precision"), [
    ("ur funktion hela natten", "natt"), ("under natten", "natt"), ("hela kvällen", "kvall"),
    ("med besöket förra veckan", "vecka"), ("i forra veckan", "vecka"), ("i dag", "day"), ("kl 14", "clock"),
])
def test_period_som_redan_ar_sagd_ar_en_tid_med_sin_precision(text, precision):
    now = datetime(2026, 3, 11, 23, 20, tzinfo=STOCKHOLM)
    assert resolve_occurred_at(text, now) is not None
    assert said_precision(text) == precision


def test_forra_veckan_sparas_pa_veckans_mandag():
    now = datetime(2026, 3, 11, 9, 0, tzinfo=STOCKHOLM)  # a Wednesday
    assert resolve_occurred_at("förra veckan", now).date() == date(2026, 3, 2)


@pytest.mark.parametrize(("text", "mentions"), [
    ("bru ramlade kl 4 i natt, ingen skada", ["kl 4 i natt"]),
    ("bru ramlade igar kvall, ingen skada", ["igar kvall"]),
    ("hittades på golvet på kvällen i går", ["på kvällen i går"]),
    ("glömde kvällsmedicinen igår, hittade dem i morse", ["igår", "i morse"]),
    ("bru ramlade i badrummet på rum 4", []),
])
def test_tidsorden_i_en_beskrivning_hittas(text, mentions):
    assert [text[a:b] for a, b in time_mentions(text)] == mentions
