"""Kommandon för att hantera rapporter i chatten: tolkningen, med och utan å/ä/ö."""

from __future__ import annotations

import pytest

from intents.report_handling.commands import (
    CommandError,
    ListCommand,
    ShowCommand,
    UpdateCommand,
    parse_command,
)
from intents.report_handling.handling import handles
from nlp_models.handling.causes import ROOT_CAUSES, parse_causes
from storage.report_queries import Queue

REF = "AV-2026-00042"


@pytest.mark.parametrize("text, queue, kind", [
    ("visa nya avvikelser", Queue.NEW, "avvikelse"),
    ("Visa nya avvikelser", Queue.NEW, "avvikelse"),
    ("visa obehandlade", Queue.NEW, None),
    ("visa obehanldade", Queue.NEW, None),
    ("obehandlade", Queue.NEW, None),
    ("nya avvikelser", Queue.NEW, "avvikelse"),
    ("finns det nya synpunkter på mina enheter?", Queue.NEW, "synpunkt"),
    ("vilka avvikelser är inte bedömda", Queue.UNASSESSED, "avvikelse"),
    ("vilka avvikelser ar inte bedomda?", Queue.UNASSESSED, "avvikelse"),
    ("visa ej bedömda synpunkter", Queue.UNASSESSED, "synpunkt"),
    ("kolla obedomda rapporter", Queue.UNASSESSED, None),
])
def test_listor_kanns_igen(text, queue, kind):
    assert parse_command(text) == ListCommand(queue=queue, kind=kind)
    assert handles(text)


@pytest.mark.parametrize("text", [
    "hur många nya avvikelser har vi i mars",
    "jag vill rapportera en ny avvikelse",
    "brukaren har nya blåmärken på armen",
    "visa nya rutiner om fall",
    "nya",
    "hur gör jag vid fall?",
])
def test_annat_ar_inte_hantering(text):
    assert parse_command(text) is None
    assert not handles(text)


@pytest.mark.parametrize("text, reference", [
    ("AV-2026-00042", REF),
    ("visa AV-2026-00042", REF),
    ("öppna av-2026-00042", REF),
    ("av-2026-42", REF),
    ("SP-2026-00003", "SP-2026-00003"),
    ("AV-2026-00042 hur går det?", REF),
])
def test_en_referens_oppnar_rapporten(text, reference):
    assert parse_command(text) == ShowCommand(reference)
    assert handles(text)


def _update(text: str) -> UpdateCommand:
    command = parse_command(text)
    assert isinstance(command, UpdateCommand), command
    assert command.reference == REF
    return command


@pytest.mark.parametrize("text, expected", [
    ("AV-2026-00042 åtgärd: extra tillsyn nattetid, status åtgärdad",
     {"action": "extra tillsyn nattetid", "status": "åtgärdad"}),
    ("AV-2026-00042 atgard: extra tillsyn nattetid, status atgardad",
     {"action": "extra tillsyn nattetid", "status": "åtgärdad"}),
    ("AV-2026-00042 atgrd: larmet testat", {"action": "larmet testat"}),
    ("AV-2026-00042 status utreds", {"status": "utreds"}),
    ("AV-2026-00042 status: avslutat", {"status": "avslutad"}),
    ("AV-2026-00042 lagrum HSL", {"lagrum": "HSL"}),
    ("AV-2026-00042 lagrum hsl/sol", {"lagrum": "SoL/HSL"}),
    ("AV-2026-00042 lagrum SoL och LSS", {"lagrum": "SoL/LSS"}),
    ("AV-2026-00042 utredning: föll på natten, golvet var vått",
     {"investigation": "föll på natten, golvet var vått"}),
    ("AV-2026-00042 orsak: kommunikation och information, teknisk utrustning",
     {"cause": "kommunikation och information, teknisk utrustning",
      "cause_categories": "kommunikation och information, teknisk utrustning"}),
    ("AV-2026-00042 orsak: kommunikation, teknisk utrusning",
     {"cause": "kommunikation och information, teknisk utrustning",
      "cause_categories": "kommunikation och information, teknisk utrustning"}),
    ("AV-2026-00042 orsak rutiner och utbildning",
     {"cause": "processer och rutiner, utbildning och kompetens",
      "cause_categories": "processer och rutiner, utbildning och kompetens"}),
    ("AV-2026-00042 orsak: lös matta i hallen", {"cause": "lös matta i hallen",
                                                 "cause_categories": "omgivning och organisation"}),
    ("AV-2026-00042 återkoppling: Tack, vi har ändrat rutinen", {"feedback": "Tack, vi har ändrat rutinen"}),
    ("AV-2026-00042 aterkoppling: tack!", {"feedback": "tack!"}),
    ("AV-2026-00042\nåtgärd: extra tillsyn\nstatus åtgärdad\nlagrum hsl",
     {"action": "extra tillsyn", "status": "åtgärdad", "lagrum": "HSL"}),
    ("AV-2026-00042 lagrum SoL/HSL, status utreds, orsak: annat",
     {"lagrum": "SoL/HSL", "status": "utreds", "cause": "annat", "cause_categories": "annat"}),
])
def test_uppdateringar_i_vanliga_ord(text, expected):
    command = _update(text)
    assert command.changes.model_dump(exclude_none=True) == expected
    assert command.comment is None


def test_kommentar_ar_ingen_faltandring_och_personuppgifter_doljs():
    command = _update("AV-2026-00042 kommentar: ringde dottern på 070-123 45 67")
    assert command.comment == "ringde dottern på [telefonnummer]"
    assert not command.has_field_changes
    assert command.masked == ["telefonnummer"]


@pytest.mark.parametrize("text, words", [
    ("AV-2026-00042 orsakskategori: slarv", ["slarv", *ROOT_CAUSES]),
    ("AV-2026-00042 prioritet: hög", ["prioritet", "status", "återkoppling"]),
    ("AV-2026-00042 status klar-ish-nej", ["ny, utreds, åtgärdad eller avslutad"]),
    ("AV-2026-00042 status blå", ["”blå”", "ny, utreds, åtgärdad eller avslutad"]),
    ("AV-2026-00042 lagrum PBL", ["SoL, HSL eller LSS"]),
    ("AV-2026-00042 åtgärd:", ["åtgärd"]),
])
def test_fel_ger_ett_svenskt_svar_som_forklarar(text, words):
    command = parse_command(text)
    assert isinstance(command, CommandError)
    for word in words:
        assert word in command.message


def test_orsaker_matchas_forlatande():
    assert parse_causes("Kommunikation & info / teknik") == (
        ["kommunikation och information", "teknisk utrustning"], [])
    assert parse_causes("ingen avvikelse") == (["ingen avvikelse"], [])
    assert parse_causes("otur") == ([], ["otur"])
