"""The MAS's HSL areas (DOMAIN.md) for a report: from its area, and for "övrigt" from words in the text.

fall and läkemedel are HSL areas of their own; larm belongs to allmän omvårdnad and
trycksår to specifik omvårdnad. An "övrigt" report is placed by the first group of words
its (folded) description contains; with none it stays "övrigt".
"""

from __future__ import annotations

from nlp_models.text.normalize import fold

ALLMAN = "Allmän omvårdnad"
DOKUMENTATION = "Dokumentation"
FALL = "Fall"
INFORMATION = "Informationsöverföring"
LAKEMEDEL = "Läkemedel"
SPECIFIK = "Specifik omvårdnad"
OVRIGT = "Övrigt"

HSL_AREAS = (ALLMAN, DOKUMENTATION, FALL, INFORMATION, LAKEMEDEL, SPECIFIK, OVRIGT)

BY_AREA = {"fall": FALL, "läkemedel": LAKEMEDEL, "larm": ALLMAN, "trycksår": SPECIFIK}

# word stems, folded (no å/ä/ö); checked in this order
WORDS_FOR_OVRIGT: tuple[tuple[str, tuple[str, ...]], ...] = (
    (DOKUMENTATION, ("dokumentation", "dokumenter", "journal", "genomforandeplan", "vardplan", "anteckning")),
    (INFORMATION, ("informationsoverforing", "overrapport", "utskrivning", "utskriven", "inskrivning",
                   "remiss", "meddelade inte", "inte informerat", "inte informerad", "fick ingen information",
                   "fel mottagare")),
    (SPECIFIK, ("hjalpmedel", "rullstol", "rollator", "lyft", "sele", "ordination", "ordinerad", "behandling",
                "kateter", "stomi", "omlaggning", "sarvard", "syrgas", "sond", "peg", "inhalation",
                "blodsocker", "diabeteskost")),
    (ALLMAN, ("hygien", "dusch", "tvatt", "blojor", "bloja", "inkontinens", "mat", "mal", "ata", "frukost",
              "lunch", "middag", "kvallsmat", "nutrition", "vatska", "dricka", "vikt", "munvard", "tander",
              "tandborst", "protes", "tillsyn", "nattillsyn", "avvek", "gatt ut", "hittad ute", "ensam", "brickan")),
)


def _words(text: str) -> set[str]:
    return set("".join(ch if ch.isalnum() else " " for ch in text).split())


def _mentions(folded: str, words: set[str], stem: str) -> bool:
    if " " in stem:
        return stem in folded
    if len(stem) <= 4:  # short words must match whole ("mat", "ata", "peg")
        return stem in words
    return any(word.startswith(stem) for word in words)


def hsl_area(area: str, description: str) -> str:
    if area in BY_AREA:
        return BY_AREA[area]
    folded = fold(description)
    words = _words(folded)
    for hsl, stems in WORDS_FOR_OVRIGT:
        if any(_mentions(folded, words, stem) for stem in stems):
            return hsl
    return OVRIGT
