"""The general Swedish word list that keeps the spelling check from "correcting" ordinary words:
read once, in one pass, whatever the number of threads that ask at the same time."""

from __future__ import annotations

import threading
import time

import pytest

from nlp_models.text import spelling


@pytest.fixture
def small_table(monkeypatch):
    """A lemma table of a few words instead of the 730 000 forms; the real list is read again
    afterwards."""
    reads = []

    def read() -> str:
        reads.append(threading.current_thread().name)
        time.sleep(0.05)  # long enough for the other threads to arrive while it loads
        return '{"gick": "ga", "gar": "ga", "golvet": "golv", "i": "i", "vanta": "vanta", "vande": "vanda"}'

    with spelling._loading:  # a load started elsewhere (the terminal chat's thread) ends first
        monkeypatch.setattr(spelling, "_read_lemma_table", read)
        spelling._built_word_groups.cache_clear()
    spelling.is_swedish_word.cache_clear()
    yield reads
    monkeypatch.undo()
    spelling._built_word_groups.cache_clear()
    spelling.is_swedish_word.cache_clear()
    spelling.load_swedish_words()  # the rest of the run finds the real list loaded, as a serving bot has it


def test_ord_och_grundformer_i_tabellen_ar_svenska_ord(small_table):
    assert all(spelling.is_swedish_word(word) for word in ("gick", "ga", "golvet", "golv", "vanta", "vanda", "i"))


def test_ord_som_bara_borjar_likadant_ar_inga_svenska_ord(small_table):
    assert not any(spelling.is_swedish_word(word) for word in ("gi", "golve", "golvets", "vant", "", "x", "ig"))


def test_ordlistan_lases_en_gang_fast_manga_tradar_fragar_samtidigt(small_table):
    threads = [threading.Thread(target=spelling.load_swedish_words) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(small_table) == 1
    assert spelling.is_swedish_word("golvet") and len(small_table) == 1


def test_riktiga_ordlistan_kanner_vardagsord_utan_prickar_men_inte_felstavningar():
    assert all(spelling.is_swedish_word(word) for word in ("vanta", "golvet", "badrummet", "ramlade", "hittad"))
    assert not any(spelling.is_swedish_word(word) for word in ("badrumet", "brukarn", "kvallsmedicinen"))
