"""The analyser never fails, whatever arrives: empty, emoji, huge, control characters,
English, other scripts. It then answers övrigt / avvikelse / not severe."""

from __future__ import annotations

from functools import lru_cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nlp_models.reports.analyzer import ReportAnalysis, ReportAnalyzer

AREAS = {"fall", "läkemedel", "trycksår", "larm", "övrigt"}
CONSEQUENCES = {None, "ingen", "lindrig", "måttlig", "allvarlig"}


@lru_cache(maxsize=1)
def analyzer() -> ReportAnalyzer:
    return ReportAnalyzer()


def assert_valid(result: ReportAnalysis) -> None:
    assert result.area in AREAS
    assert result.kind in {"avvikelse", "synpunkt"}
    assert 0.0 <= result.confidence <= 1.0
    assert {area for area, _ in result.area_candidates} == AREAS
    assert set(result.secondary_areas) <= AREAS - {result.area}
    assert result.consequence in CONSEQUENCES
    assert isinstance(result.masked_text, str)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\t  ",
        "🙂🙂👍",
        "\x00\x01\x02\x1b[31m",
        "患者が転倒しました",
        "مريض سقط",
        "ok",
        "?!?!",
        "1234567890123456789",
    ],
)
def test_ovanliga_texter_ger_ovrigt_avvikelse_ej_allvarlig(text: str) -> None:
    result = analyzer().analyze(text)
    assert_valid(result)
    assert (result.area, result.kind, result.severe) == ("övrigt", "avvikelse", False)


def test_mycket_lang_text_ger_svar() -> None:
    text = ("bru ramlade i hallen och ssk kontaktad. " * 1300)[:50_000]
    result = analyzer().analyze(text)
    assert_valid(result)
    assert result.area == "fall"


def test_none_och_annat_an_text_ger_svar() -> None:
    result = analyzer().analyze(None)  # type: ignore[arg-type]
    assert_valid(result)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_analyze_kastar_aldrig_undantag(text: str) -> None:
    assert_valid(analyzer().analyze(text))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(["bru", "föll", "inte", "larmet", "i", "så", "fall", "ssk", "0701234567",
                                 "ingen", "fraktur", "dosett", "\x00", "🙂", "-", ":", "trycksår"]), max_size=60))
def test_analyze_kastar_aldrig_undantag_for_domanord_i_alla_ordningar(words: list[str]) -> None:
    assert_valid(analyzer().analyze(" ".join(words)))


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=300), st.integers(min_value=20, max_value=200))
def test_stora_slumptexter_ger_svar(piece: str, times: int) -> None:
    assert_valid(analyzer().analyze((piece * times)[:50_000]))
