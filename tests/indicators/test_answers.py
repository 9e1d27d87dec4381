"""Svar i chatten om kvalitetsindikatorer: statuslista, under målvärdet, en indikator med ungefärligt
namn, okänd indikator med närmaste namn, och indikatorer utan värden."""

from __future__ import annotations

from intents.indicator_answers import answer_indicator, find_indicator, match_indicators, off_target
from storage.database import session_scope
from storage.indicators.definitions import sync_indicator_definitions
from storage.indicators.values import NewValue, upsert_indicator_values
from storage.vocabulary import Role
from tests.indicators.helpers import make_turn


def seed(session, catalog) -> None:
    sync_indicator_definitions(session=session, specs=catalog)
    rows = [
        ("senior_alert_fall", "2025-Q3", 84.0), ("senior_alert_fall", "2025-Q4", 81.0),
        ("senior_alert_fall", "2026-Q1", 78.0),
        ("aktuell_genomforandeplan", "2025-Q4", 94.0), ("aktuell_genomforandeplan", "2026-Q1", 96.5),
        ("personalkontinuitet", "2024", 15.0), ("personalkontinuitet", "2025", 14.0),
        ("nojdhet_hemtjanst", "2025", 82.0),
        ("fallavvikelser", "2025-12", 31.0), ("fallavvikelser", "2026-01", 44.0), ("fallavvikelser", "2026-02", 38.0),
    ]
    upsert_indicator_values(session=session, values=[
        NewValue(i, p, "kommun", v, "beräknad" if i == "fallavvikelser" else "import") for i, p, v in rows])


def ask(engine, catalog, text: str, **kwargs) -> str:
    with session_scope(engine) as session:
        seed(session, catalog)
        replies = answer_indicator(make_turn(session, text, **kwargs))
    assert len(replies) == 1
    return replies[0].text


def test_status_pa_indikatorerna_visar_varde_mal_forandring_period_och_kalla(engine, catalog):
    text = ask(engine, catalog, "status på indikatorerna")
    lines = text.splitlines()
    assert lines[0] == "Kvalitetsindikatorer för kommunen – senaste värde:"
    assert "⚠️ Riskbedömning fall: 78 % (mål 90 %) ↓3 · kv 1 2026, import" in lines
    assert "✅ Aktuell genomförandeplan: 96,5 % (mål 95 %) ↑2,5 · kv 1 2026, import" in lines
    assert "⚠️ Personalkontinuitet hemtjänst: 14 (mål 12) ↓1 · 2025, import" in lines
    assert "✅ Fallavvikelser per månad: 38 (mål 40) ↓6 · februari 2026, beräknad" in lines
    assert lines[-1] == ("11 indikatorer har inga värden ännu, bl.a. Avvikelser bedömda inom 14 dagar, "
                         "Avvikelser med åtgärd.")
    assert len(lines) <= 7  # a phone screen


def test_vilka_ligger_under_malvardet_visar_bara_de_som_missar(engine, catalog):
    text = ask(engine, catalog, "vilka indikatorer ligger under målvärdet?")
    assert text.splitlines()[0] == "Under målvärdet för kommunen: 3 av 5"
    assert "Riskbedömning fall" in text and "Personalkontinuitet" in text and "Nöjdhet hemtjänst" in text
    assert "Aktuell genomförandeplan" not in text and "Fallavvikelser" not in text.split("inga värden")[0]


def test_en_indikator_med_ungefarligt_namn(engine, catalog):
    text = ask(engine, catalog, "hur ligger vi till med genomforandplanerna?")
    assert text.splitlines() == [
        "Aktuell genomförandeplan för kommunen",
        "Senast: 96,5 % (kv 1 2026) ✅ når målet 95 %",
        "↑ 2,5 procentenheter sedan kv 4 2025 (94 %) – bättre.",
        "Källa: import.",
    ]
    assert "personalkontinuitet" in ask(engine, catalog, "kontinuitet").casefold()
    answer = ask(engine, catalog, "nöjdhet hemtjänst")
    assert answer.startswith("Nöjdhet hemtjänst (brukarbedömning) för kommunen")


def test_riskbedomningar_visar_alla_tre_senior_alert_indikatorerna(engine, catalog):
    text = ask(engine, catalog, "hur ligger vi till med riskbedömningar?")
    assert text.splitlines()[0] == "3 indikatorer passar frågan (för kommunen):"
    assert "Riskbedömning fall: 78 %" in text
    assert "• Riskbedömning trycksår: inga värden ännu" in text


def test_fallindikatorn_over_tid_ger_en_kort_serie(engine, catalog):
    text = ask(engine, catalog, "hur har fallindikatorn utvecklats över tid")
    assert "december 2025: 31\njanuari 2026: 44\nfebruari 2026: 38" in text
    assert "↓ 6 sedan januari 2026 (44) – bättre." in text  # fewer falls is better


def test_okand_indikator_namnger_de_narmaste(engine, catalog):
    text = ask(engine, catalog, "hur ligger vi till med blöjbytena?")
    assert text.startswith("Jag hittar ingen indikator som passar frågan. Närmast: ")
    assert text.count(",") >= 2


def test_indikator_utan_varden_sags_rakt_ut(engine, catalog):
    text = ask(engine, catalog, "hur går det med nattfastan?")
    assert text == ("Ofrivillig nattfasta har inga värden ännu för kommunen. "
                    "Värden läggs in med import (CSV eller Kolada).")


def test_utan_nagra_varden_alls(engine, catalog):
    with session_scope(engine) as session:
        replies = answer_indicator(make_turn(session, "status på indikatorerna"))
    assert replies[0].text == "Inga kvalitetsindikatorer har värden ännu för kommunen."


def test_personal_far_inte_se_indikatorer(engine, catalog):
    text = ask(engine, catalog, "status på indikatorerna", role=Role.PERSONAL, user="U-personal")
    assert text.startswith("Statistik kan jag bara visa")


def test_find_indicator_och_for_breda_ord_matchar_inte(catalog):
    assert find_indicator("hur många personal möter brukaren, kontinuiteten?", catalog).id == "personalkontinuitet"
    assert find_indicator("läkemedelsgenomgångar", catalog).id == "lakemedelsgenomgang"
    assert find_indicator("hur ser det ut med kaffet", catalog) is None
    assert match_indicators("status på indikatorerna", catalog) == []
    assert [s.id for s in match_indicators("nöjdhet", catalog)] == ["nojdhet_hemtjanst", "nojdhet_sabo"]


def test_off_target_ger_de_som_missar_malet(engine, catalog):
    with session_scope(engine) as session:
        seed(session, catalog)
        missing = off_target(session, catalog=catalog)
        assert [s.definition.id for s in missing] == ["senior_alert_fall", "nojdhet_hemtjanst", "personalkontinuitet"]
        assert missing[0].latest.value == 78.0 and missing[0].previous.value == 81.0
