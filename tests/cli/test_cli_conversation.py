"""`omsorgsbot ask` and `omsorgsbot nlu`: one message at a time, or JSON lines, with a fixed clock."""

from __future__ import annotations

import json


def test_ask_fortsatter_samma_samtal_for_samma_anvandare(cli):
    cli("units", "add", "Solgården")
    cli("users", "set-role", "U1", "personal", "--unit", "Solgården")
    first = cli("ask", "--user", "U1", "--now", "2026-03-10 14:00", "bru föll i badrummet i natt, ingen skada")
    assert first.exit_code == 0 and "Vad gjorde ni direkt" in first.output
    second = cli("ask", "--user", "U1", "--now", "2026-03-10 14:01", "hoppa över")
    assert "Sammanfattning" in second.output and "Solgården" in second.output and "1) Skicka" in second.output
    third = cli("ask", "--user", "U1", "--now", "2026-03-10 14:02", "1")
    assert "AV-2026-00001" in third.output


def test_ask_las_json_rader_och_svarar_i_ordning(cli):
    lines = "\n".join(json.dumps(item, ensure_ascii=False) for item in [
        {"text": "hjälp", "user": "a"},
        {"text": "hur många fallavvikelser i mars", "user": "b", "today": "2026-11-22"},
    ]) + "\n"
    result = cli("ask", "--as", "mas", input=lines)
    answers = [json.loads(line) for line in result.output.splitlines()]
    assert [a["text"] for a in answers] == ["hjälp", "hur många fallavvikelser i mars"]
    assert "Statistik" in answers[0]["answer"]
    assert answers[1]["answer"].startswith("0 fallavvikelser under 1–31 mars 2026")


def test_ask_som_personal_far_inga_siffror(cli):
    result = cli("ask", "--as", "personal", "--today", "2026-11-22", "hur många fallavvikelser i mars")
    assert "sjuksköterskor, chefer och MAS" in result.output


def test_nlu_ger_en_json_rad_per_rad_med_dagens_datum(cli):
    lines = "\n".join([
        json.dumps({"text": "bru hittad på golvet i natt, ssk kontaktad"}),
        "",
        json.dumps({"text": "hur många fallavvikelser i mars", "today": "2026-02-10"}),
        "inte json",
    ]) + "\n"
    result = cli("nlu", "--today", "2026-11-22", input=lines)
    out = [json.loads(line) for line in result.output.splitlines()]
    assert len(out) == 3
    assert out[0]["intent"] == "report" and out[0]["area"] == "fall"
    assert out[0]["occurred_at"].startswith("2026-11-22T03:00")
    assert out[1]["period"] == {"start": "2025-03-01", "end": "2025-03-31"}
    assert "error" in out[2] and "rad 4" in out[2]["error"]


def test_ogiltigt_datum_ger_tydligt_fel(cli):
    result = cli("ask", "--today", "22/11", "hej")
    assert result.exit_code == 2 and "ÅÅÅÅ-MM-DD" in result.output
