"""Statistics beyond a plain count: groupings, trends, open and severe reports, unknown and
ambiguous units. Asked as the MAS unless said otherwise."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from intents.statistics.comparisons import how_sure, two_sided_p
from tests.support.report_rows import add_report


def add(conversation, unit: str, area: str, when: str, **fields) -> None:
    add_report(conversation.db, unit, area, when, **fields)


def mas(conversation, text: str) -> str:
    return conversation.say(text, user="U-mas")


def test_per_enhet_ger_sorterad_tabell(conversation):
    for unit, n in (("Solgården", 3), ("Björkhagen", 1), ("Hemtjänst Norr", 2)):
        for i in range(n):
            add(conversation, unit, "fall", f"2026-02-0{i + 1}T10:00")
    answer = mas(conversation, "antal fallavvikelser per enhet i februari")
    lines = answer.splitlines()
    assert lines[0].startswith("6 fallavvikelser")
    assert [line.split()[0] for line in lines[2:5]] == ["Solgården", "Hemtjänst", "Björkhagen"]


def test_per_manad_ger_en_serie(conversation):
    add(conversation, "Solgården", "läkemedel", "2026-01-15T10:00")
    add(conversation, "Solgården", "läkemedel", "2026-03-05T10:00")
    answer = mas(conversation, "läkemedelsavvikelser per månad första kvartalet")
    assert "januari 2026: 1" in answer and "februari 2026: 0" in answer and "1–10 mars 2026: 1" in answer


def test_per_enhet_har_ett_diagram_med_samma_siffror(conversation):
    for unit, n in (("Solgården", 3), ("Björkhagen", 1)):
        for i in range(n):
            add(conversation, unit, "fall", f"2026-02-0{i + 1}T10:00")
    mas(conversation, "antal fallavvikelser per enhet i februari")
    [reply] = conversation.last
    assert reply.chart is not None and not reply.chart.over_time
    assert list(zip(reply.chart.labels, reply.chart.values)) == [("Solgården", 3), ("Björkhagen", 1)]


def test_per_manad_har_ett_linjediagram_och_vanlig_fraga_inget(conversation):
    add(conversation, "Solgården", "läkemedel", "2026-01-15T10:00")
    mas(conversation, "läkemedelsavvikelser per månad första kvartalet")
    chart = conversation.last[0].chart
    assert chart.over_time and chart.values == [1, 0, 0] and len(chart.labels) == 3
    mas(conversation, "hur många läkemedelsavvikelser i januari")
    assert conversation.last[0].chart is None


def test_diagrammet_blir_en_png_bild(conversation):
    from intents.charts import chart_png
    from intents.messages import Chart

    png = chart_png(Chart(title="6 fallavvikelser i februari 2026", labels=["Solgården", "Björkhagen"], values=[5, 1]))
    assert png.startswith(b"\x89PNG")


def test_noll_sags_rakt_ut(conversation):
    assert mas(conversation, "hur många trycksårsavvikelser i februari").startswith("0 trycksårsavvikelser")


def test_okar_fallen_svaras_med_korschema_och_signal_vid_skifte(conversation):
    # today is 10 March 2026: an autumn of 1 or 2 falls a week, then every week of 2026 at 5
    for week in range(26):
        monday = datetime(2025, 9, 8) + timedelta(weeks=week)
        for i in range(1 + week % 2 if monday.year == 2025 else 5):
            add(conversation, "Björkhagen", "fall", (monday + timedelta(days=i)).isoformat())
    answer = mas(conversation, "ökar fallen på Björkhagen?")
    assert "Per vecka" in answer and "Signal om ökning sedan vecka" in answer
    chart = conversation.last[0].chart
    assert chart.median is not None and chart.highlighted


def test_okar_fallen_utan_fragetecken_ar_en_fraga_och_ingen_rapport(conversation):
    answer = mas(conversation, "ökar fallen på björkhagen")
    assert "Rapporter om fall på Björkhagen" in answer and "När hände det" not in answer


def test_fler_i_ar_an_i_fjol_jamfor_samma_tid_aret_fore(conversation):
    # today is 10 March 2026: 1 Jan–10 Mar 2026 against 1 Jan–10 Mar 2025
    for when in ("2026-01-05T10:00", "2026-02-05T10:00", "2026-03-09T10:00"):
        add(conversation, "Solgården", "fall", when)
    add(conversation, "Solgården", "fall", "2025-02-01T10:00")
    add(conversation, "Solgården", "fall", "2025-03-11T10:00")  # after the same date last year: not counted
    answer = mas(conversation, "är det fler fall i år än i fjol")
    assert "3 under 1 januari–10 mars 2026" in answer
    assert "mot 1 under samma tid året före (1 januari–10 mars 2025)" in answer


def test_en_manad_jamfort_med_i_fjol_ar_arets_manad_mot_fjolarets(conversation):
    add(conversation, "Solgården", "läkemedel", "2026-02-10T10:00")
    add(conversation, "Solgården", "läkemedel", "2025-02-10T10:00")
    add(conversation, "Solgården", "läkemedel", "2025-02-11T10:00")
    answer = mas(conversation, "fler läkemedelsavvikelser i februari jämfört med i fjol")
    assert "1 under 1–28 februari 2026 mot 2 under samma tid året före (1–28 februari 2025)" in answer


def test_osakerheten_beskrivs_med_ord():
    assert two_sided_p(5, 5) == pytest.approx(1.0)
    assert "slumpen" in how_sure(6, 4) or "Ingen säker" in how_sure(6, 4)
    assert how_sure(40, 10).startswith("Det är en tydlig ökning")
    assert how_sure(10, 40).startswith("Det är en tydlig minskning")
    assert abs(two_sided_p(0, 10) - 2 / 1024) < 1e-9


def test_obehandlade_rapporter_och_deras_alder(conversation):
    now = conversation.now
    add(conversation, "Solgården", "fall", "2026-01-01T10:00", reported_at=now - timedelta(days=40))
    add(conversation, "Solgården", "fall", "2026-03-01T10:00", reported_at=now - timedelta(days=9))
    add(conversation, "Solgården", "fall", "2026-03-09T10:00", reported_at=now - timedelta(days=1))
    add(conversation, "Solgården", "fall", "2026-03-09T10:00", lagrum="HSL", status="utreds")
    answer = mas(conversation, "hur många obehandlade avvikelser finns det på Solgården?")
    assert answer.startswith("3 avvikelser på Solgården är inte bedömda")
    assert "2 äldre än 7 dagar, 1 äldre än 14 dagar, 1 äldre än 30 dagar" in answer
    assert "40 dagar sedan" in answer


def test_allvarliga_handelser_listas_med_referens(conversation):
    add(conversation, "Solgården", "fall", "2026-03-01T10:00", severe=True, consequence="allvarlig")
    add(conversation, "Björkhagen", "övrigt", "2026-03-02T10:00", lex_sarah_candidate=True)
    add(conversation, "Björkhagen", "fall", "2026-03-03T10:00")
    answer = mas(conversation, "allvarliga avvikelser i mars")
    assert answer.startswith("1 allvarlig händelse under 1–10 mars 2026")  # number agreement
    assert answer.count("• T-") == 1
    answer = mas(conversation, "allvarliga händelser och lex sarah i mars")
    assert "lex Sarah?" in answer and answer.count("• T-") == 2


def test_storsta_omradena(conversation):
    add(conversation, "Solgården", "fall", "2026-03-01T10:00")
    add(conversation, "Solgården", "fall", "2026-03-02T10:00")
    add(conversation, "Solgården", "larm", "2026-03-02T10:00")
    answer = mas(conversation, "vilka områden har flest avvikelser i mars?")
    assert "Största områdena" in answer and answer.index("fall") < answer.index("larm")


def test_okand_enhet_sags_och_narmaste_foreslas_utan_siffror(conversation):
    answer = mas(conversation, "hur många fallavvikelser på Solgårdn Syd i mars")
    answer = mas(conversation, "hur många fall på Rosengården i mars")
    assert "ingen enhet som heter ”Rosengården”" in answer
    assert not any(ch.isdigit() for ch in answer)


def test_tvetydig_enhet_ger_en_kort_fraga(conversation):
    add(conversation, "Hemtjänst Norr", "fall", "2026-03-01T10:00")
    add(conversation, "Hemtjänst Syd", "fall", "2026-03-01T10:00")
    add(conversation, "Hemtjänst Syd", "fall", "2026-03-02T10:00")
    answer = mas(conversation, "hur många fallavvikelser i hemtjänsten i mars")
    assert "Vilken enhet menar du?" in answer and "Hemtjänst Norr" in answer
    answer = mas(conversation, "syd")
    assert answer.startswith("2 fallavvikelser på Hemtjänst Syd")
    assert mas(conversation, "hur många fallavvikelser i hemtjänsten i mars").startswith("Vilken enhet")
    assert mas(conversation, "alla").startswith("3 fallavvikelser")


def test_tvetydig_enhet_kan_besvaras_med_valets_nummer_aven_for_alla(conversation):
    add(conversation, "Hemtjänst Norr", "fall", "2026-03-01T10:00")
    add(conversation, "Hemtjänst Syd", "fall", "2026-03-01T10:00")
    add(conversation, "Hemtjänst Syd", "fall", "2026-03-02T10:00")
    question = "hur många fallavvikelser i hemtjänsten i mars"

    def number_of(label: str, asked: str) -> str:
        return re.search(rf"(\d+)\) {label}", asked).group(1)

    asked = mas(conversation, question)
    assert mas(conversation, number_of("Alla", asked)).startswith("3 fallavvikelser")
    asked = mas(conversation, question)
    assert mas(conversation, number_of("Hemtjänst Syd", asked)).startswith("2 fallavvikelser på Hemtjänst Syd")


def test_alla_efter_fragan_om_enhet_ar_alla_enheter_som_fragan_kan_mena_inte_hela_kommunen(conversation):
    add(conversation, "Hemtjänst Norr", "fall", "2026-03-01T10:00")
    add(conversation, "Hemtjänst Syd", "fall", "2026-03-02T10:00")
    for day in (3, 4, 5, 6):
        add(conversation, "Solgården", "fall", f"2026-03-0{day}T10:00")
    for answer in ("alla", "alla hemtjänstenheter", "the number of Alla"):
        asked = mas(conversation, "hur manga fall i hemtjansten i mars")
        if answer == "the number of Alla":
            answer = re.search(r"(\d+)\) Alla", asked).group(1)
        reply = mas(conversation, answer)
        assert reply.startswith("2 ") and "på Hemtjänst Norr och Hemtjänst Syd" in reply, (answer, reply)


@pytest.mark.parametrize("question", ["jämför Solgården och Björkhagen i mars",
                                      "hur många fall på Solgården och Björkhagen i mars",
                                      "fall pa solgarden och bjorkhagen i mars"])
def test_tva_namngivna_enheter_raknas_precis_de_tva_utan_motfraga(conversation, question):
    add(conversation, "Solgården", "fall", "2026-03-01T10:00")
    add(conversation, "Solgården", "fall", "2026-03-02T10:00")
    add(conversation, "Björkhagen", "fall", "2026-03-03T10:00")
    add(conversation, "Hemtjänst Norr", "fall", "2026-03-04T10:00")
    reply = mas(conversation, question)
    assert "Vilken enhet" not in reply
    assert reply.startswith("3 ") and "Björkhagen" in reply and "Solgården" in reply and "Hemtjänst" not in reply
