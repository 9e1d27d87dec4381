"""The period a question asks about: every rule of SCHEMA.md ("Resolving times"),
year boundaries, ISO week 53, typos and missing diacritics."""

from __future__ import annotations

from datetime import date

import pytest

from nlp_models.times.expressions import Period, describe_period, resolve_period

NOV_22 = date(2026, 11, 22)  # a Sunday, ISO 2026-W47
FEB_10 = date(2026, 2, 10)  # a Tuesday
JAN_02 = date(2026, 1, 2)  # a Friday in ISO 2026-W01
JAN_15 = date(2026, 1, 15)


def _p(start: str, end: str) -> Period:
    return Period(date.fromisoformat(start), date.fromisoformat(end))


# (rule, today, text, expected period)
TABLE = [
    # a month name alone: the latest such month that has begun, the whole month
    ("manad_som_borjat", FEB_10, "hur många fall i mars", _p("2025-03-01", "2025-03-31")),
    ("manad_innevarande_hel", FEB_10, "i februari", _p("2026-02-01", "2026-02-28")),
    ("manad_i_ar", NOV_22, "i mars", _p("2026-03-01", "2026-03-31")),
    ("manad_innevarande_hel_nov", NOV_22, "i november", _p("2026-11-01", "2026-11-30")),
    ("manad_forkortning", NOV_22, "under okt.", _p("2026-10-01", "2026-10-31")),
    ("manad_med_ar", NOV_22, "mars 2025", _p("2025-03-01", "2025-03-31")),
    ("manad_i_fjol", NOV_22, "i mars i fjol", _p("2025-03-01", "2025-03-31")),
    ("manad_stavfel", NOV_22, "i spetember", _p("2026-09-01", "2026-09-30")),
    # i år, i fjol, a year
    ("i_ar", NOV_22, "i år", _p("2026-01-01", "2026-11-22")),
    ("hittills_i_ar", NOV_22, "hittills i år", _p("2026-01-01", "2026-11-22")),
    ("i_ar_utan_prickar", NOV_22, "hittills i ar", _p("2026-01-01", "2026-11-22")),
    ("i_fjol", NOV_22, "i fjol", _p("2025-01-01", "2025-12-31")),
    ("ifjol_ihopskrivet", NOV_22, "ifjol", _p("2025-01-01", "2025-12-31")),
    ("forra_aret", NOV_22, "förra året", _p("2025-01-01", "2025-12-31")),
    ("artal", NOV_22, "2025", _p("2025-01-01", "2025-12-31")),
    ("under_artal", NOV_22, "under 2025", _p("2025-01-01", "2025-12-31")),
    # months relative to today
    ("forra_manaden", NOV_22, "förra månaden", _p("2026-10-01", "2026-10-31")),
    ("forra_manaden_utan_prickar", NOV_22, "forra manaden", _p("2026-10-01", "2026-10-31")),
    ("forra_manaden_stavfel", NOV_22, "förra månden", _p("2026-10-01", "2026-10-31")),
    ("den_har_manaden", NOV_22, "den här månaden", _p("2026-11-01", "2026-11-22")),
    ("denna_manad", NOV_22, "denna månad", _p("2026-11-01", "2026-11-22")),
    # weeks (ISO, Monday to Sunday)
    ("forra_veckan", NOV_22, "förra veckan", _p("2026-11-09", "2026-11-15")),
    ("forra_veckan_utan_prickar", NOV_22, "forra veckan", _p("2026-11-09", "2026-11-15")),
    ("den_har_veckan", NOV_22, "den här veckan", _p("2026-11-16", "2026-11-22")),
    ("denna_vecka_mitt_i", FEB_10, "denna vecka", _p("2026-02-09", "2026-02-10")),
    ("vecka_i_ar", NOV_22, "vecka 12", _p("2026-03-16", "2026-03-22")),
    ("vecka_i_fjol_nar_ej_borjat", JAN_15, "vecka 50", _p("2025-12-08", "2025-12-14")),
    ("vecka_1_over_arsskiftet", NOV_22, "vecka 1", _p("2025-12-29", "2026-01-04")),
    ("vecka_forkortad", NOV_22, "v.12", _p("2026-03-16", "2026-03-22")),
    ("vecka_med_ar", NOV_22, "v 12 2025", _p("2025-03-17", "2025-03-23")),
    ("veckor_intervall", NOV_22, "vecka 10-12", _p("2026-03-02", "2026-03-22")),
    # days
    ("i_gar", NOV_22, "i går", _p("2026-11-21", "2026-11-21")),
    ("igar", NOV_22, "igår", _p("2026-11-21", "2026-11-21")),
    ("i_gar_utan_prickar", NOV_22, "i gar", _p("2026-11-21", "2026-11-21")),
    ("i_dag", NOV_22, "i dag", _p("2026-11-22", "2026-11-22")),
    ("idag", NOV_22, "idag", _p("2026-11-22", "2026-11-22")),
    ("i_forrgar", NOV_22, "i förrgår", _p("2026-11-20", "2026-11-20")),
    ("i_mandags", NOV_22, "i måndags", _p("2026-11-16", "2026-11-16")),
    ("i_mandags_pa_en_mandag", date(2026, 11, 16), "i måndags", _p("2026-11-09", "2026-11-09")),
    # senaste N ...
    ("senaste_n_dagarna", NOV_22, "senaste 30 dagarna", _p("2026-10-24", "2026-11-22")),
    ("de_senaste_n_dagarna", NOV_22, "de senaste 7 dagarna", _p("2026-11-16", "2026-11-22")),
    ("senaste_n_veckorna", NOV_22, "senaste 8 veckorna", _p("2026-09-28", "2026-11-22")),
    ("senaste_n_veckorna_januari", JAN_15, "senaste 2 veckorna", _p("2026-01-02", "2026-01-15")),
    ("senaste_n_manaderna", NOV_22, "senaste 3 månaderna", _p("2026-08-23", "2026-11-22")),
    ("senaste_manaderna_ordtal", NOV_22, "senaste tre månaderna", _p("2026-08-23", "2026-11-22")),
    ("senaste_manaderna_utan_prickar", NOV_22, "senaste sex manaderna", _p("2026-05-23", "2026-11-22")),
    ("senaste_manader_manadsslut", date(2026, 5, 31), "senaste 3 månaderna", _p("2026-03-01", "2026-05-31")),
    ("sista_veckan", NOV_22, "sista veckan", _p("2026-11-16", "2026-11-22")),
    ("ordtal_fore_senaste", NOV_22, "de tre senaste månaderna", _p("2026-08-23", "2026-11-22")),
    # quarters
    ("q1", NOV_22, "Q1", _p("2026-01-01", "2026-03-31")),
    ("forsta_kvartalet", NOV_22, "första kvartalet", _p("2026-01-01", "2026-03-31")),
    ("forsta_kvartalet_utan_prickar", NOV_22, "forsta kvartalet", _p("2026-01-01", "2026-03-31")),
    ("andra_kvartalet", NOV_22, "andra kvartalet", _p("2026-04-01", "2026-06-30")),
    ("tredje_kvartalet", NOV_22, "Q3", _p("2026-07-01", "2026-09-30")),
    ("fjarde_kvartalet_ej_borjat", NOV_22, "fjärde kvartalet", _p("2026-10-01", "2026-12-31")),
    ("kvartal_i_fjol_nar_ej_borjat", FEB_10, "Q2", _p("2025-04-01", "2025-06-30")),
    ("kvartal_med_ar", NOV_22, "Q2 2025", _p("2025-04-01", "2025-06-30")),
    # sedan / från och med, mellan
    ("sedan_datum", NOV_22, "sedan 1 september", _p("2026-09-01", "2026-11-22")),
    ("sedan_datum_i_fjol", FEB_10, "sedan 1 mars", _p("2025-03-01", "2026-02-10")),
    ("fran_och_med", NOV_22, "från och med 1 mars", _p("2026-03-01", "2026-11-22")),
    ("fr_o_m", NOV_22, "fr.o.m. 1 mars", _p("2026-03-01", "2026-11-22")),
    ("mellan_datum", NOV_22, "mellan 1 och 15 oktober", _p("2026-10-01", "2026-10-15")),
    ("mellan_datum_i_fjol", FEB_10, "mellan 1 och 15 mars", _p("2025-03-01", "2025-03-15")),
    ("mellan_datum_over_manad", NOV_22, "mellan 20 oktober och 5 november", _p("2026-10-20", "2026-11-05")),
    ("datumintervall_med_streck", NOV_22, "1-15 oktober", _p("2026-10-01", "2026-10-15")),
    # single dates
    ("datum_iso", NOV_22, "2026-03-05", _p("2026-03-05", "2026-03-05")),
    ("datum_ord", NOV_22, "den 5 mars", _p("2026-03-05", "2026-03-05")),
    ("datum_snedstreck", NOV_22, "5/3", _p("2026-03-05", "2026-03-05")),
    ("datum_senaste_som_varit", NOV_22, "24 december", _p("2025-12-24", "2025-12-24")),
    # year boundaries: asked on 2 January 2026
    ("arsskifte_forra_manaden", JAN_02, "förra månaden", _p("2025-12-01", "2025-12-31")),
    ("arsskifte_i_december", JAN_02, "i december", _p("2025-12-01", "2025-12-31")),
    ("arsskifte_vecka_52", JAN_02, "vecka 52", _p("2025-12-22", "2025-12-28")),
    ("arsskifte_q4", JAN_02, "Q4", _p("2025-10-01", "2025-12-31")),
    ("arsskifte_forra_veckan", JAN_02, "förra veckan", _p("2025-12-22", "2025-12-28")),
    ("arsskifte_den_har_veckan", JAN_02, "den här veckan", _p("2025-12-29", "2026-01-02")),
    ("arsskifte_i_ar", JAN_02, "i år", _p("2026-01-01", "2026-01-02")),
]


@pytest.mark.parametrize(("today", "text", "expected"), [row[1:] for row in TABLE], ids=[row[0] for row in TABLE])
def test_perioder_enligt_schemat(today, text, expected):
    assert resolve_period(text, today) == expected


def test_forra_veckan_ar_foregaende_iso_vecka():
    for offset in range(7):
        today = date(2026, 11, 16 + offset)  # Monday..Sunday of W47
        assert resolve_period("förra veckan", today) == _p("2026-11-09", "2026-11-15")


def test_vecka_53_over_arsskiftet():
    # 2026 has an ISO week 53 (28 Dec 2026 - 3 Jan 2027); 2027-01-01 lies in it.
    assert date(2027, 1, 1).isocalendar()[:2] == (2026, 53)
    assert resolve_period("vecka 53", date(2027, 1, 2)) == _p("2026-12-28", "2027-01-03")
    assert resolve_period("vecka 53", date(2021, 1, 2)) == _p("2020-12-28", "2021-01-03")
    assert resolve_period("vecka 53", date(2026, 12, 29)) == _p("2026-12-28", "2027-01-03")


def test_vecka_53_finns_inte_alla_ar():
    # Asked mid-2026: week 53 of 2026 has not begun and 2025 has none.
    assert resolve_period("vecka 53", date(2026, 6, 1)) is None
    assert resolve_period("vecka 54", NOV_22) is None


def test_vecka_1_i_slutet_av_december_ar_den_paborjade():
    # 2025-12-30 already lies in ISO week 1 of 2026.
    assert resolve_period("vecka 1", date(2025, 12, 30)) == _p("2025-12-29", "2026-01-04")


def test_manadsnamn_galler_hela_manaden_aven_efter_i_dag():
    assert resolve_period("i november", NOV_22).end == date(2026, 11, 30)


def test_skottdag_sedan_29_februari():
    assert resolve_period("sedan 29 februari", date(2026, 5, 1)) == _p("2024-02-29", "2026-05-01")


@pytest.mark.parametrize(
    "text",
    ["", "   ", "hur många avvikelser", "i så fall", "hur mår du", "vad är skillnaden mellan lex sarah och lex maria", "just nu", "i jul", "24/7"],
)
def test_ingen_tid_namnd_ger_ingen_period(text):
    assert resolve_period(text, NOV_22) is None


def test_flera_perioder_slas_ihop():
    assert resolve_period("januari och februari", NOV_22) == _p("2026-01-01", "2026-02-28")


@pytest.mark.parametrize(
    ("period", "words"),
    [
        (_p("2026-03-01", "2026-03-31"), "1–31 mars 2026"),
        (_p("2026-03-16", "2026-03-22"), "16–22 mars 2026 (vecka 12)"),
        (_p("2025-01-01", "2025-12-31"), "2025"),
        (_p("2026-01-01", "2026-11-22"), "1 januari–22 november 2026"),
        (_p("2025-12-29", "2026-01-04"), "29 december 2025–4 januari 2026 (vecka 1)"),
        (_p("2026-03-05", "2026-03-05"), "5 mars 2026"),
        (_p("2026-01-01", "2026-03-31"), "1 januari–31 mars 2026 (kvartal 1)"),
        (_p("2026-10-01", "2026-10-15"), "1–15 oktober 2026"),
    ],
)
def test_perioden_beskrivs_med_svenska_ord(period, words):
    assert describe_period(period) == words
