"""Labelled questions written for this module (not from the dev set): varied phrasing,
typos and missing diacritics, labelled by hand per SCHEMA.md. They must all parse right."""

from __future__ import annotations

from datetime import date

import pytest

from nlp_models.questions.parser import QuestionParser
from nlp_models.times.expressions import Period
from nlp_models.units.matcher import UnitEntry, UnitMatcher

UNITS = ["Björkhagen", "Hemtjänst Norr", "Solgården", "Hemtjänst Syd", "Ekbacken"]
SUNDAY = date(2026, 11, 22)
NEW_YEAR = date(2026, 1, 2)


def _p(start: str, end: str) -> Period:
    return Period(date.fromisoformat(start), date.fromisoformat(end))


# (today, text, intent, kind, area, unit, period, group_by)
COUNT_EXAMPLES = [
    (SUNDAY, "hur manga avvikelser pa bjorkhagen forra manaden", "avvikelse", None, "Björkhagen", _p("2026-10-01", "2026-10-31"), None),
    (SUNDAY, "antal fallavvikelser per enhet i ar", "avvikelse", "fall", None, _p("2026-01-01", "2026-11-22"), "unit"),
    (SUNDAY, "hur många lakemedelsavikelser hade solgarden i oktober?", "avvikelse", "läkemedel", "Solgården", _p("2026-10-01", "2026-10-31"), None),
    (SUNDAY, "synpunkter per manad senaste 6 manaderna", "synpunkt", None, None, _p("2026-05-23", "2026-11-22"), "month"),
    (SUNDAY, "Hur manga klagomal har kommit in sedan 1 juli", "synpunkt", None, None, _p("2026-07-01", "2026-11-22"), None),
    (SUNDAY, "statistik over trycksar pa ekbacken 2025", None, "trycksår", "Ekbacken", _p("2025-01-01", "2025-12-31"), None),
    (SUNDAY, "hur många larmavvikelser hade HT Norr förra veckan", "avvikelse", "larm", "Hemtjänst Norr", _p("2026-11-09", "2026-11-15"), None),
    (SUNDAY, "fallavvikelser v 45", "avvikelse", "fall", None, _p("2026-11-02", "2026-11-08"), None),
    (SUNDAY, "avvikelser mellan 1 och 15 november per omrade", "avvikelse", None, None, _p("2026-11-01", "2026-11-15"), "area"),
    (SUNDAY, "hur många avvikelser andra kvartalet", "avvikelse", None, None, _p("2026-04-01", "2026-06-30"), None),
    (SUNDAY, "hur manga fall pa solgarden senaste 2 veckorna", None, "fall", "Solgården", _p("2026-11-09", "2026-11-22"), None),
    (SUNDAY, "totalt antal avvikelser och synpunkter denna vecka", None, None, None, _p("2026-11-16", "2026-11-22"), None),
    (SUNDAY, "hur manga medicinfel i september", None, "läkemedel", None, _p("2026-09-01", "2026-09-30"), None),
    (SUNDAY, "läkemedelsavvikelser per vecka i oktober hemtjanst syd", "avvikelse", "läkemedel", "Hemtjänst Syd", _p("2026-10-01", "2026-10-31"), "week"),
    (SUNDAY, "hur många trycksårsavvikelser den här månaden", "avvikelse", "trycksår", None, _p("2026-11-01", "2026-11-22"), None),
    (SUNDAY, "antal avvikelser sista tre manaderna", "avvikelse", None, None, _p("2026-08-23", "2026-11-22"), None),
    (SUNDAY, "hur manga avvikelser igar", "avvikelse", None, None, _p("2026-11-21", "2026-11-21"), None),
    (SUNDAY, "avvikelser i förrgår på ekbacken?", "avvikelse", None, "Ekbacken", _p("2026-11-20", "2026-11-20"), None),
    (SUNDAY, "hur manga synpunkter q2 2025", "synpunkt", None, None, _p("2025-04-01", "2025-06-30"), None),
    (NEW_YEAR, "antal avvikelser i december", "avvikelse", None, None, _p("2025-12-01", "2025-12-31"), None),
    (NEW_YEAR, "hur många fallavvikelser vecka 52", "avvikelse", "fall", None, _p("2025-12-22", "2025-12-28"), None),
    (NEW_YEAR, "larmavvikelser Q4", "avvikelse", "larm", None, _p("2025-10-01", "2025-12-31"), None),
    (NEW_YEAR, "avvikelser forra manaden per enhet", "avvikelse", None, None, _p("2025-12-01", "2025-12-31"), "unit"),
    (SUNDAY, "hur många avvikelser fr.o.m. 1 oktober på björkhagen", "avvikelse", None, "Björkhagen", _p("2026-10-01", "2026-11-22"), None),
    (SUNDAY, "hur manga fallavvikelser har vi haft i ar per manad", "avvikelse", "fall", None, _p("2026-01-01", "2026-11-22"), "month"),
    (SUNDAY, "visa antal avvikelser inom ovrigt for 2025", "avvikelse", "övrigt", None, _p("2025-01-01", "2025-12-31"), None),
    (SUNDAY, "hur manga synpunkter i mars", "synpunkt", None, None, _p("2026-03-01", "2026-03-31"), None),
    (SUNDAY, "hur många avvikelser har solgarden haft de senaste 14 dagarna", "avvikelse", None, "Solgården", _p("2026-11-09", "2026-11-22"), None),
    (SUNDAY, "avvikelser 2026-10-05", "avvikelse", None, None, _p("2026-10-05", "2026-10-05"), None),
    (SUNDAY, "HUR MÅNGA AVVIKELSER PÅ EKBACKEN TOTALT", "avvikelse", None, "Ekbacken", None, None),
]

OTHER_EXAMPLES = [
    ("brukaren på solgarden ramlade i badrummet igar kvall, ssk kontaktad", "report", "Solgården"),
    ("glomde ge insulin till en bru i morse", "report", None),
    ("larmet gick inte fram hos en brukare i hemtjanst norr", "report", "Hemtjänst Norr"),
    ("en brukare hade rodnad pa halen som inte bleknar", "report", None),
    ("anhorig ringde och var arg over att ingen kom pa besoket i gar", "report", None),
    ("vad gor jag om larmet inte fungerar", "routine", None),
    ("maste jag skriva avvikelse om brukaren vagrar medicin", "routine", None),
    ("hur ofta ska man gora riskbedomning enligt senior alert", "routine", None),
    ("vem ringer jag nar en brukare har ramlat", "routine", None),
    ("vad ar rutinen for basal hygien", "routine", None),
    ("nar vi malvardet for genomforandeplaner?", "indicator", None),
    ("hur nojda ar brukarna i hemtjansten", "indicator", None),
    ("andelen brukare med aktuell genomforandeplan pa bjorkhagen", "indicator", "Björkhagen"),
    ("vad kan boten gora", "help", None),
    ("hej", "help", None),
    ("vilka fragor kan jag stalla", "help", None),
]


@pytest.fixture(scope="module")
def parser() -> QuestionParser:
    return QuestionParser(UnitMatcher(UnitEntry(name) for name in UNITS))


@pytest.mark.parametrize(
    ("today", "text", "kind", "area", "unit", "period", "group_by"), COUNT_EXAMPLES
)
def test_egna_antalsfragor_tolkas_exakt(parser, today, text, kind, area, unit, period, group_by):
    parse = parser.parse(text, today)
    assert (parse.intent, parse.kind, parse.area, parse.unit, parse.period, parse.group_by) == (
        "count",
        kind,
        area,
        unit,
        period,
        group_by,
    ), parse.evidence


@pytest.mark.parametrize(("text", "intent", "unit"), OTHER_EXAMPLES)
def test_egna_ovriga_meddelanden_far_ratt_avsikt_och_enhet(parser, text, intent, unit):
    parse = parser.parse(text, SUNDAY)
    assert (parse.intent, parse.unit) == (intent, unit), parse.evidence


# A second set with more typos and no diacritics; every field is checked for every intent
# (text, intent, kind, area, unit, period, group_by), asked on SUNDAY.
TYPO_EXAMPLES = [
    ('hur mnga avvikelser har ekbaken haft i ar', 'count', 'avvikelse', None, 'Ekbacken', _p("2026-01-01", "2026-11-22"), None),
    ('antal fallavvikelsr forra veckan', 'count', 'avvikelse', 'fall', None, _p("2026-11-09", "2026-11-15"), None),
    ('hur manga lakemedelsavvikelser hade hemtjanst syd under oktober', 'count', 'avvikelse', 'läkemedel', 'Hemtjänst Syd', _p("2026-10-01", "2026-10-31"), None),
    ('avvikelser per enhet forsta kvartalet', 'count', 'avvikelse', None, None, _p("2026-01-01", "2026-03-31"), 'unit'),
    ('hur manga synpukter har bjorkhagen fatt i ar', 'count', 'synpunkt', None, 'Björkhagen', _p("2026-01-01", "2026-11-22"), None),
    ('antalet trycksarsavvikelser senaste tre manaderna', 'count', 'avvikelse', 'trycksår', None, _p("2026-08-23", "2026-11-22"), None),
    ('larmavvikelser per manad i fjol', 'count', 'avvikelse', 'larm', None, _p("2025-01-01", "2025-12-31"), 'month'),
    ('hur manga avvikelser vecka 40 pa solgarden', 'count', 'avvikelse', None, 'Solgården', _p("2026-09-28", "2026-10-04"), None),
    ('hur många synpunkter kom in förra månaden', 'count', 'synpunkt', None, None, _p("2026-10-01", "2026-10-31"), None),
    ('Hur många fall har vi haft på Ekbacken sedan 1 augusti?', 'count', None, 'fall', 'Ekbacken', _p("2026-08-01", "2026-11-22"), None),
    ('hur manga avvikelser om larm denna vecka', 'count', 'avvikelse', 'larm', None, _p("2026-11-16", "2026-11-22"), None),
    ('fallavvikelser per område 2025', 'count', 'avvikelse', 'fall', None, _p("2025-01-01", "2025-12-31"), 'area'),
    ('ge mig antal avvikelser per vecka senaste 4 veckorna', 'count', 'avvikelse', None, None, _p("2026-10-26", "2026-11-22"), 'week'),
    ('hur manga avvkelser totalt pa hemtjanst norr', 'count', 'avvikelse', None, 'Hemtjänst Norr', None, None),
    ('hur manga lakemedelsfel i fjol', 'count', None, 'läkemedel', None, _p("2025-01-01", "2025-12-31"), None),
    ('antal synpunkter mellan 1 och 10 november', 'count', 'synpunkt', None, None, _p("2026-11-01", "2026-11-10"), None),
    ('hur manga avvikelser i augusti pa bjorkhagen', 'count', 'avvikelse', None, 'Björkhagen', _p("2026-08-01", "2026-08-31"), None),
    ('hur många avvikelser igår på hemtj syd', 'count', 'avvikelse', None, 'Hemtjänst Syd', _p("2026-11-21", "2026-11-21"), None),
    ('statistik avvikelser q2', 'count', 'avvikelse', None, None, _p("2026-04-01", "2026-06-30"), None),
    ('hur manga trycksar pa solgarden i ar', 'count', None, 'trycksår', 'Solgården', _p("2026-01-01", "2026-11-22"), None),
    ('antal klagomal per enhet i fjol', 'count', 'synpunkt', None, None, _p("2025-01-01", "2025-12-31"), 'unit'),
    ('hur manga avvikelser har det varit den har manaden', 'count', 'avvikelse', None, None, _p("2026-11-01", "2026-11-22"), None),
    ('hur manga avvikelser senaste 7 dagarna', 'count', 'avvikelse', None, None, _p("2026-11-16", "2026-11-22"), None),
    ('hur manga fallavvikelser var det i februari', 'count', 'avvikelse', 'fall', None, _p("2026-02-01", "2026-02-28"), None),
    ('antal avvikelser i december per enhet', 'count', 'avvikelse', None, None, _p("2025-12-01", "2025-12-31"), 'unit'),
    ('brukare pa ekbacken trillade ur rullstolen i morse', 'report', None, None, 'Ekbacken', None, None),
    ('glomt ge kvallsmedicinen till en brukare igar', 'report', None, None, None, None, None),
    ('dosetten var tom nar vi kom dit', 'report', None, None, None, None, None),
    ('trygghetslarmet funkade inte hos brukaren i natt, ingen kom', 'report', None, None, None, None, None),
    ('en anhorig tycker att personalen ar otrevlig', 'report', None, None, None, None, None),
    ('brukaren har ett sar pa korsbenet som inte fanns igar', 'report', None, None, None, None, None),
    ('vad ska man gora om en brukare ramlar', 'routine', None, 'fall', None, None, None),
    ('hur rapporterar jag ett lakemedelsfel', 'routine', None, 'läkemedel', None, None, None),
    ('vem kontaktar jag om dosetten ar fel', 'routine', None, 'läkemedel', None, None, None),
    ('vad sager rutinen om fallriskbedomning', 'routine', None, 'fall', None, None, None),
    ('maste man anmala lex sarah direkt', 'routine', None, None, None, None, None),
    ('hur ligger vi till med genomforandeplanerna', 'indicator', None, None, None, None, None),
    ('vad blev nojdheten i brukarundersokningen i ar', 'indicator', None, None, None, _p("2026-01-01", "2026-11-22"), None),
    ('andel brukare med fallriskbedomning pa solgarden', 'indicator', None, 'fall', 'Solgården', None, None),
    ('nar vi malet for svarstider pa larmen', 'indicator', None, 'larm', None, None, None),
    ('vad kan du', 'help', None, None, None, None, None),
    ('hjalp mig', 'help', None, None, None, None, None),
    ('hur funkar den har tjansten', 'help', None, None, None, None, None),
]


@pytest.mark.parametrize(("text", "intent", "kind", "area", "unit", "period", "group_by"), TYPO_EXAMPLES)
def test_egna_fragor_med_stavfel_tolkas_helt(parser, text, intent, kind, area, unit, period, group_by):
    parse = parser.parse(text, SUNDAY)
    got = (parse.intent, parse.kind, parse.area, parse.unit, parse.period, parse.group_by)
    assert got == (intent, kind, area, unit, period, group_by), parse.evidence
