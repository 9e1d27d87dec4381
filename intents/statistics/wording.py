"""The words of statistics answers: what was counted (with number agreement), and the basis line
every answer ends with (which reports, which date, which days)."""

from __future__ import annotations

from storage.vocabulary import Flag

_AREA_COMPOUND = {"fall": "fall", "läkemedel": "läkemedels", "trycksår": "trycksårs", "larm": "larm"}
# (one, many) for each flag
_FLAGGED = {
    Flag.SEVERE: ("allvarlig händelse", "allvarliga händelser"),
    Flag.LEX_SARAH: ("möjlig lex Sarah", "möjliga lex Sarah"),
    Flag.LEX_MARIA: ("möjlig lex Maria", "möjliga lex Maria"),
    Flag.ANY: ("allvarlig händelse eller möjlig lex Sarah/lex Maria", "allvarliga händelser eller möjliga lex Sarah/lex Maria"),
}
_KIND_BASIS = {
    "avvikelse": "avvikelser (inte synpunkter)",
    "synpunkt": "synpunkter och klagomål (inte avvikelser)",
    None: "alla rapporter, både avvikelser och synpunkter",
}


def number(n: int) -> str:
    return f"{n:,}".replace(",", " ")


def counted_thing(kind: str | None, area: str | None, n: int) -> str:
    """'fallavvikelser', 'synpunkter om larm', 'rapporter om trycksår', 'avvikelser och synpunkter'."""
    one = n == 1
    if kind == "avvikelse":
        noun = "avvikelse" if one else "avvikelser"
        if area in _AREA_COMPOUND:
            return _AREA_COMPOUND[area] + noun
        return noun + (" inom övrigt" if area == "övrigt" else "")
    if kind == "synpunkt":
        noun = "synpunkt" if one else "synpunkter"
        return noun + (f" om {area}" if area else "")
    if area:
        return ("rapport" if one else "rapporter") + f" om {area}"
    return "avvikelse eller synpunkt" if one else "avvikelser och synpunkter"


def flagged_thing(flag: Flag, n: int) -> str:
    """'1 allvarlig händelse', '2 möjliga lex Maria' – the noun after the number."""
    one, many = _FLAGGED[Flag(flag)]
    return one if n == 1 else many


def kinds_split(avvikelser: int, synpunkter: int) -> str:
    """' (103 avvikelser, 6 synpunkter)': what a count over both kinds is made of."""
    return (f" ({number(avvikelser)} {counted_thing('avvikelse', None, avvikelser)}, "
            f"{number(synpunkter)} {counted_thing('synpunkt', None, synpunkter)})")


def and_list(names: list[str] | tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def basis(kind: str | None, areas: tuple[str, ...] = (), extra: str = "") -> str:
    """'Underlag: avvikelser (inte synpunkter), område fall, räknade på datum då händelsen inträffade,
    utan dubbletter.'"""
    what = _KIND_BASIS[kind] + (f", {'område' if len(areas) == 1 else 'områdena'} {and_list(areas)}" if areas else "")
    return f"Underlag: {what}, räknade på datum då händelsen inträffade, utan dubbletter{extra}."


def capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
