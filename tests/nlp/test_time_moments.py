"""When a reported event happened (`resolve_occurred_at`), against `now` in Stockholm."""

from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from nlp_models.times.expressions import KnownDay, resolve_occurred_at

STOCKHOLM = ZoneInfo("Europe/Stockholm")
NOW = datetime(2026, 11, 22, 16, 5, tzinfo=STOCKHOLM)  # Sunday afternoon


def _at(*args: int) -> datetime:
    return datetime(*args, tzinfo=STOCKHOLM)


TABLE = [
    ("i_natt", "brukaren ramlade i natt", NOW, _at(2026, 11, 22, 3, 0)),
    ("inatt_ihopskrivet", "hittad på golvet inatt", NOW, _at(2026, 11, 22, 3, 0)),
    ("i_natt_kl_23_ar_gar_kvall", "i natt kl 23", NOW, _at(2026, 11, 21, 23, 0)),
    ("i_natt_kl_3", "i natt kl 3", NOW, _at(2026, 11, 22, 3, 0)),
    ("i_morse_kl_7", "i morse kl 7 fick bru fel tabletter", NOW, _at(2026, 11, 22, 7, 0)),
    ("i_morse", "i morse", NOW, _at(2026, 11, 22, 7, 0)),
    ("i_gar_em", "i går em", NOW, _at(2026, 11, 21, 15, 0)),
    ("igar_em_utan_mellanslag", "igår em", NOW, _at(2026, 11, 21, 15, 0)),
    ("i_gar_kvall", "i går kväll", NOW, _at(2026, 11, 21, 20, 0)),
    ("igar_kvall_utan_prickar", "igar kvall", NOW, _at(2026, 11, 21, 20, 0)),
    ("i_gar_kvall_halv_nio", "i går kväll halv nio", NOW, _at(2026, 11, 21, 20, 30)),
    ("i_gar_utan_tid_ar_mitt_pa_dagen", "i går", NOW, _at(2026, 11, 21, 12, 0)),
    ("i_forrgar", "i förrgår", NOW, _at(2026, 11, 20, 12, 0)),
    ("i_mandags", "i måndags", NOW, _at(2026, 11, 16, 12, 0)),
    ("i_mandags_kl_14", "i måndags kl 14", NOW, _at(2026, 11, 16, 14, 0)),
    ("kl_14", "kl 14", NOW, _at(2026, 11, 22, 14, 0)),
    ("kl_med_minuter", "kl. 14.30", NOW, _at(2026, 11, 22, 14, 30)),
    ("klockslag_med_kolon", "runt 09:45", NOW, _at(2026, 11, 22, 9, 45)),
    ("halv_tre_eftermiddag", "halv tre", NOW, _at(2026, 11, 22, 14, 30)),
    ("halv_tre_pa_morgonen", "halv tre", _at(2026, 11, 22, 10, 0), _at(2026, 11, 22, 2, 30)),
    ("halv_tre_mitt_i_natten_ar_i_gar", "halv tre", _at(2026, 11, 22, 1, 0), _at(2026, 11, 21, 14, 30)),
    ("kvart_over_sju", "kvart över sju", NOW, _at(2026, 11, 22, 7, 15)),
    ("kvart_over_sju_pa_kvallen", "kvart över sju", _at(2026, 11, 22, 20, 0), _at(2026, 11, 22, 19, 15)),
    ("kvart_i_atta", "kvart i åtta", NOW, _at(2026, 11, 22, 7, 45)),
    ("fem_i_halv_tre", "fem i halv tre", NOW, _at(2026, 11, 22, 14, 25)),
    ("i_gar_halv_tre_ar_eftermiddag", "i går halv tre", NOW, _at(2026, 11, 21, 14, 30)),
    ("datum", "den 5 mars", NOW, _at(2026, 3, 5, 12, 0)),
    ("datum_med_klockslag", "2026-11-20 kl 08:10", NOW, _at(2026, 11, 20, 8, 10)),
    ("for_timmar_sedan", "för 2 timmar sedan", NOW, _at(2026, 11, 22, 14, 5)),
    ("for_en_timme_sedan", "för en timme sedan", NOW, _at(2026, 11, 22, 15, 5)),
    ("vid_lunchen", "vid lunchen", NOW, _at(2026, 11, 22, 12, 0)),
    ("igar_22_ar_klockan_22", "igar 22", NOW, _at(2026, 11, 21, 22, 0)),
    ("i_gar_22_30", "bru ramlade i går 22.30 i hallen", NOW, _at(2026, 11, 21, 22, 30)),
    ("i_gar_typ_22", "i går typ 22", NOW, _at(2026, 11, 21, 22, 0)),
    ("typ_14_i_dag", "typ 14", NOW, _at(2026, 11, 22, 14, 0)),
    ("antal_efter_dagen_ar_ingen_tid", "i går 2 tabletter för mycket", NOW, _at(2026, 11, 21, 12, 0)),
    ("antal_efter_typ_ar_ingen_tid", "föll typ 3 gånger i natt", NOW, _at(2026, 11, 22, 3, 0)),
]


@pytest.mark.parametrize(("text", "now", "expected"), [r[1:] for r in TABLE], ids=[r[0] for r in TABLE])
def test_tidpunkter_for_rapporter(text, now, expected):
    assert resolve_occurred_at(text, now) == expected


@pytest.mark.parametrize(
    ("text", "now"),
    [
        ("kl 17", NOW),  # later today: has not happened yet
        ("kl 14", _at(2026, 11, 22, 13, 0)),
        ("i kväll", NOW),
        ("2026-12-24", NOW),
        ("den 24 december 2026", NOW),
    ],
)
def test_framtida_tid_godtas_inte(text, now):
    assert resolve_occurred_at(text, now) is None


@pytest.mark.parametrize("text", ["", "  ", "brukaren fick fel tabletter", "missad kvällsmedicin", "i så fall"])
def test_ingen_tid_namnd_ger_none(text):
    assert resolve_occurred_at(text, NOW) is None


@pytest.mark.parametrize(("text", "known", "expected"), [
    ("typ 22", KnownDay(date(2026, 11, 21)), _at(2026, 11, 21, 22, 0)),
    ("22", KnownDay(date(2026, 11, 21)), _at(2026, 11, 21, 22, 0)),
    ("runt 22 ish", KnownDay(date(2026, 11, 21)), _at(2026, 11, 21, 22, 0)),
    ("kl 23.40", KnownDay(date(2026, 11, 22), night=True), _at(2026, 11, 21, 23, 40)),
    ("kl 2", KnownDay(date(2026, 11, 22), night=True), _at(2026, 11, 22, 2, 0)),
    ("i kväll", KnownDay(date(2026, 11, 20)), _at(2026, 11, 20, 20, 0)),
    ("i natt kl 2", KnownDay(date(2026, 11, 20)), _at(2026, 11, 22, 2, 0)),  # the text's own day wins
])
def test_klockslag_efter_en_kand_dag_hamnar_pa_den_dagen(text, known, expected):
    assert resolve_occurred_at(text, NOW, known) == expected


def test_klockslag_pa_en_kand_dag_i_det_forflutna_ar_aldrig_framtid():
    late = NOW.replace(hour=0, minute=30)
    assert resolve_occurred_at("typ 23", late, KnownDay(date(2026, 11, 20))) == _at(2026, 11, 20, 23, 0)


def test_svaret_ar_i_stockholmstid_aven_om_now_ges_i_utc():
    now_utc = NOW.astimezone(timezone.utc)
    moment = resolve_occurred_at("i går kväll", now_utc)
    assert moment == _at(2026, 11, 21, 20, 0)
    assert moment.tzinfo == STOCKHOLM


def test_i_natt_medan_natten_pagar_ar_nu():
    now = _at(2026, 11, 22, 1, 30)
    assert resolve_occurred_at("brukaren ramlade i natt", now) == now


def test_sommartid_borjar_utan_krasch():
    # 2026-03-29 02:00 the clocks jump to 03:00; "i natt halv tre" must not raise.
    now = _at(2026, 3, 29, 9, 0)
    moment = resolve_occurred_at("i natt halv tre", now)
    assert moment is not None and moment <= now


@pytest.mark.parametrize(("text", "exact"), [
    ("i natt", False), ("i går em", False), ("i måndags", False), ("ramlade i natt, ssk kontaktad", False),
    ("i morse kl 7", True), ("halv tre", True), ("för tio minuter sedan", True), ("nyss", True),
    ("kl 14:10 i badrummet", True),
])
def test_klockslag_skiljs_fran_ungefarlig_tid(text: str, exact: bool) -> None:
    from nlp_models.times.expressions import names_clock_time

    assert names_clock_time(text) is exact
