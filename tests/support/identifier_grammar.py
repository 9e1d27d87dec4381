"""A grammar of the shapes in which people type identifiers, and of the numbers that only look
like them (decoys), embedded in Swedish report sentences.

Every generator takes a `random.Random`: the test suite drives it from Hypothesis
(`st.randoms()`, so failures shrink and replay), the benchmark from a seeded generator for a
corpus of any size (`bench/masking_quality.py`).

A `Case` knows its text and the text it must become: an identifier becomes a placeholder
(`[X]` for any digit identifier, `[e-post]`), a decoy stays as it is.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from datetime import date, timedelta

ANY_NUMBER = "[X]"  # [personnummer] or [telefonnummer]: which one is a matter of labelling

# --- personnummer ----------------------------------------------------------------------------

_PNR_SEPARATORS = ["-", "-", "", "+", " ", " - ", "\u2013", "\u2014", "/", ".", "_", " \u2013 ", "\u00a0",
                   ":", ",", "'", "  ", "\n", "-\n", " -\n", "\r\n", " \n"]
_INVISIBLE = ["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200c", "\u200d"]
_FULL_WIDTH = {str(d): chr(0xFF10 + d) for d in range(10)}
_ARABIC_INDIC = {str(d): chr(0x0660 + d) for d in range(10)}
_SUPERSCRIPT = dict(zip("0123456789", "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079"))
_CIRCLED = dict(zip("0123456789", "\u24ea\u2460\u2461\u2462\u2463\u2464\u2465\u2466\u2467\u2468"))
_LETTER_FOR_DIGIT = {"0": "Oo", "1": "lI"}  # typed as letters: 45O312-1234, O7O-123 45 67


def _birth_date(r: random.Random) -> date:
    return date(1920, 1, 1) + timedelta(days=r.randrange((date(2005, 12, 31) - date(1920, 1, 1)).days))


def personnummer(r: random.Random) -> str:
    born = _birth_date(r)
    day = born.day + (60 if r.random() < 0.15 else 0)  # samordningsnummer
    yy, mm, dd = f"{born.year % 100:02d}", f"{born.month:02d}", f"{day:02d}"
    century = f"{born.year // 100}"
    last = f"{r.randrange(10000):04d}"  # the Luhn digit is whatever was typed
    twelve = r.random() < 0.4
    shape = r.randrange(9)
    sep = r.choice(_PNR_SEPARATORS)
    if sep == "+" and twelve:
        sep = "-"
    if shape == 0:  # 450312-1234, 19450312-1234
        text = (century if twelve else "") + yy + mm + dd + sep + last
    elif shape == 1:  # 19 450312 1234
        text = (century + " " if twelve else "") + yy + mm + dd + r.choice([" ", "-"]) + last
    elif shape == 2:  # 450312-12 34
        text = (century if twelve else "") + yy + mm + dd + r.choice(["-", " ", ""]) + last[:2] + " " + last[2:]
    elif shape == 3:  # 1945-03-12-1234, 45 03 12-1234
        inner = r.choice(["-", " ", "."])
        text = ((century + yy) if twelve else yy) + inner + mm + inner + dd + r.choice(["-", " ", inner]) + last
        if not twelve and inner == "." and text.endswith("." + last):
            text = text[: -len(last) - 1] + "-" + last
    elif shape == 4:  # no separator at all
        text = (century if twelve else "") + yy + mm + dd + last
    elif shape == 5:  # 19450312 1234 with a space
        text = (century if twelve else "") + yy + mm + dd + " " + last
    elif shape == 6:  # 4503 12-1234: year and month together, the day apart
        text = (century if twelve else "") + yy + mm + " " + dd + r.choice(["-", " "]) + last
    elif shape == 7:  # 4 5 0 3 1 2 1 2 3 4: every digit apart
        text = " ".join((century if twelve else "") + yy + mm + dd + last)
    else:  # 450312-123*, 450312-XXXX: the last four partly hidden, the birth date still there
        hidden = r.randrange(1, 5)
        mark = r.choice("*Xx")
        text = (century if twelve else "") + yy + mm + dd + r.choice(["-", "-", " - "]) + last[:4 - hidden] + mark * hidden
    return _disguise(r, text, letters=shape != 7)  # a lone "l" among spaced digits is a word, not a 1


def _disguise(r: random.Random, text: str, letters: bool = True) -> str:
    """Unicode digits or letters typed for digits, and invisible characters inside (never at the ends)."""
    roll = r.random()
    if roll < 0.08:
        text = "".join(_FULL_WIDTH.get(c, c) for c in text)
    elif roll < 0.12:
        text = "".join(_ARABIC_INDIC.get(c, c) for c in text)
    elif roll < 0.14:
        text = "".join(_SUPERSCRIPT.get(c, c) for c in text)
    elif roll < 0.16:
        text = "".join(_CIRCLED.get(c, c) for c in text)
    elif roll < 0.24 and letters:
        # inside a group of three digits or more, so the group keeps a real digit ("45O312", "O7O")
        places = [i for group in re.finditer(r"\d{3,}", text) for i in range(*group.span())
                  if text[i] in _LETTER_FOR_DIGIT]
        for at in r.sample(places, min(len(places), r.randrange(1, 3))):
            text = text[:at] + r.choice(_LETTER_FOR_DIGIT[text[at]]) + text[at + 1:]
    if r.random() < 0.15 and len(text) > 2:
        at = r.randrange(1, len(text) - 1)
        text = text[:at] + r.choice(_INVISIBLE) + text[at:]
    return text


# --- phone numbers ---------------------------------------------------------------------------

_MOBILE = ["070", "072", "073", "076", "079"]
_AREA_2 = ["08"]
_AREA_3 = ["010", "011", "013", "016", "018", "019", "021", "023", "026", "031", "033", "035", "036", "040",
           "042", "044", "046", "054", "060", "063", "090"]
_AREA_4 = ["0120", "0140", "0150", "0171", "0220", "0240", "0280", "0300", "0345", "0380", "0410", "0451",
           "0480", "0522", "0570", "0611", "0640", "0660", "0771", "0910", "0920", "0980"]
_PHONE_SEPARATORS = ["-", " ", "", " - ", "/", ".", "\u2013", "\u00a0", "\n", "-\n", "  "]
PHONE_PREFIXES = ["tel:", "tel: ", "tel ", "tel.", "tfn:", "tfn ", "tfn: ", "mobil ", "mobilnr ", "telefon ",
                  "telefonnr ", "nr ", "nr: ", "ring ", "mob ", ""]


def _digits(r: random.Random, n: int) -> str:
    return str(r.randrange(1, 10)) + "".join(str(r.randrange(10)) for _ in range(n - 1))


def _group(r: random.Random, digits: str) -> str:
    """Subscriber digits grouped the Swedish way (123 45 67, 12 34 56, 123 456 78) or not at all."""
    n = len(digits)
    layouts = {5: [(3, 2)], 6: [(2, 2, 2), (3, 3)], 7: [(3, 2, 2), (2, 2, 3)], 8: [(3, 3, 2), (2, 2, 2, 2)]}
    if r.random() < 0.3 or n not in layouts:
        return digits
    inner = r.choice([" ", " ", ".", "-", "\u00a0"])
    out, at = [], 0
    for size in r.choice(layouts[n]):
        out.append(digits[at:at + size])
        at += size
    return inner.join(out)


def national_phone(r: random.Random) -> tuple[str, str]:
    """(area code with its leading 0, subscriber digits)"""
    kind = r.random()
    if kind < 0.55:
        return r.choice(_MOBILE), _digits(r, 7)
    if kind < 0.7:
        return r.choice(_AREA_2), _digits(r, r.choice([6, 7, 8]))
    if kind < 0.88:
        return r.choice(_AREA_3), _digits(r, r.choice([5, 6, 7]))
    return r.choice(_AREA_4), _digits(r, r.choice([5, 6]))


def phone(r: random.Random) -> str:
    area, rest = national_phone(r)
    grouped = _group(r, rest)
    style = r.random()
    if style < 0.6:
        text = area + r.choice(_PHONE_SEPARATORS) + grouped
    elif style < 0.7:
        text = f"({area}) {grouped}"
    else:
        country = r.choice(["+46 ", "+46", "0046 ", "+46-", "0046-", "+46 (0)", "+46 (0) ", "46"])
        if r.random() < 0.2:
            text = f"+46 ({area[1:]}) {grouped}"
        else:
            text = country + area[1:] + r.choice([" ", "-", ""]) + grouped
    return _disguise(r, text)


def phones(r: random.Random) -> tuple[str, str]:
    """One number, or two after a slash, comma or 'eller': (text, what it must become)."""
    first = phone(r)
    if r.random() < 0.15:
        joiner = r.choice([" / ", "/", ", ", " eller ", ",", " och "])
        return first + joiner + phone(r), ANY_NUMBER + joiner + ANY_NUMBER
    return first, ANY_NUMBER


_AT = ["@", "@", "@", "\uff20", " @ ", "@\n", "(at)", " (at) ", "[at]", " [at] ", " at ", " snabel-a ",
       " snabel a ", "(snabel-a)"]


def email(r: random.Random) -> str:
    """An address as typed, also the ways people write one to keep it from spam robots."""
    first = r.choice(["anna", "per.olsson", "k.lind", "dottern72", "Eva-Lena", "ingrid_b", "X.Y", "anna.svensson"])
    plus = r.choice(["", "", "+vard", "1"])
    domain = r.choice(["kommun.se", "gmail.com", "hotmail.se", "mail.example.com", "omsorg.stad.se", "telia.com"])
    at = r.choice(_AT)
    if at.strip() not in ("@", "\uff20") and r.random() < 0.4:  # spelled out all the way
        dot = r.choice([" dot ", " punkt ", "(dot)", " . "])
        first, domain = first.replace(".", dot), domain.replace(".", dot)
    elif at.strip() in ("@", "\uff20") and r.random() < 0.1:
        domain = domain.replace(".", r.choice([" .", ". "]), 1)
    return first + plus + at + domain


# --- decoys ----------------------------------------------------------------------------------

def _event_day(r: random.Random) -> date:
    return date(2015, 1, 1) + timedelta(days=r.randrange(365 * 12))


def _hhmm(r: random.Random) -> tuple[str, str]:
    return f"{r.randrange(24):02d}", f"{r.randrange(60):02d}"


def decoy(r: random.Random) -> str:
    """A number that is not an identifier: dates, times, time ranges, doses, references, rooms, years."""
    day = _event_day(r)
    h, m = _hhmm(r)
    h2, m2 = _hhmm(r)
    iso = day.isoformat()
    dmy = f"{day.day:02d}{r.choice('-/.')}{day.month:02d}"
    dmy = dmy + dmy[2] + str(day.year)
    choices = [
        iso, f"{iso} {h}{m}", f"{iso} {h} {m}", f"{iso} {h}:{m}", f"{iso} kl {h}.{m}", f"{iso}T{h}:{m}", dmy,
        f"{dmy} {h}:{m}", f"{day.day}/{day.month}", f"{day.day}/{day.month} {day.year}", day.strftime("%Y%m%d"),
        f"{day.day}.{day.month}.{day.year}", f"{iso}T{h}:{m}:{m2}.{r.randrange(10**6):06d}+01:00",
        f"kl {h}.{m}", f"kl {h}:{m}", f"kl {h} {m} {h2} {m2}", f"kl {h}{m}", f"kl. {h}{m}-{h2}{m2}",
        f"{h}{m}-{h2}{m2}", f"{h}.{m}-{h2}.{m2}", f"{h}:{m}\u2013{h2}:{m2}", f"mellan {h}.{m} och {h2}.{m2}",
        f"{iso} {h}{m}-{h2}{m2}", f"klockan {h}{m}",
        f"{r.choice(['1', '2', '2,5', '5', '10', '500', '0,5'])} mg", f"{r.randrange(2, 40)} E insulin",
        f"{r.randrange(1, 3)}+0+{r.randrange(1, 3)}", f"{r.randrange(1, 20)} ml",
        f"AV-{day.year}-{r.randrange(1, 99999):05d}", f"SP-{day.year}-{r.randrange(1, 999):05d}",
        f"av-{day.year}-{r.randrange(1, 99999):05d}",
        f"rum {r.randrange(1, 40)}", f"rum {r.randrange(100, 2000)}", f"lgh {r.randrange(1000, 1400)}",
        f"år {day.year}", str(day.year), f"{day.year}-{day.year + 1}", f"vecka {r.randrange(1, 53)}",
        f"{r.randrange(1, 20)} {r.randrange(100, 999)} kr", f"{r.randrange(50, 999)} kr",
        f"BT {r.randrange(90, 190)}/{r.randrange(50, 110)}", f"puls {r.randrange(40, 140)}",
        f"INR {r.randrange(1, 6)},{r.randrange(10)}", f"{r.randrange(1, 60)} min", "112", "1177", "114 14",
        f"född {r.randrange(1915, 2005)}",
        " ".join(f"{hh}.{mm}" for hh, mm in sorted(_hhmm(r) for _ in range(r.randrange(2, 5)))),
        f"{day.day:02d} {day.month:02d} {day.year}", f"{day.day} {day.month} {day.year}",
        f"rum {r.randrange(1, 40)}\n{h}.{m}", f"{r.randrange(1, 5)}x{r.choice(['250', '500', '1000'])} mg",
        f"{r.randrange(40, 120)},{r.randrange(10)} kg", f"anknytning {r.randrange(1000, 9999)}",
    ]
    return r.choice(choices)


# --- sentences -------------------------------------------------------------------------------

_ID_SENTENCES = [
    "bru {} ramlade i natt på badrummet", "gäller brukaren {}", "{} fick fel dos i morse",
    "Fall rum 16, {}, slog i knät", "pnr {} hittad på golvet", "personnr: {} – larmet gick inte fram",
    "dottern ({}) vill bli uppringd om mammas medicin", "ring anhörig på {} i kväll",
    "{}", "synpunkt från sonen, {}, missnöjd med bemötandet", "trycksår häl, {}.",
    "kontakta {} angående dosetten", "anhörig {} klagar på maten",
]
_DECOY_SENTENCES = [
    "bru ramlade {} i badrummet", "glömd kvällsdos {}", "larmet gick inte fram {}", "{} hittad på golvet",
    "se {} om samma brukare", "trycksår upptäckt {}, ssk kontaktad", "nattlarm {} ingen kom",
    "gavs {} för sent", "{}",
]


@dataclass(frozen=True)
class Case:
    text: str
    expected: str  # digit identifiers as [X], e-mail as [e-post], decoys unchanged
    kind: str  # "personnummer", "telefonnummer", "e-post" or "decoy"


def _in_sentence(r: random.Random, value: str, shown: str, prefix: str = "") -> tuple[str, str]:
    sentence = r.choice(_ID_SENTENCES)
    return sentence.format(prefix + value), sentence.format(prefix + shown)


def personnummer_case(r: random.Random) -> Case:
    text, expected = _in_sentence(r, personnummer(r), ANY_NUMBER)
    return Case(text, expected, "personnummer")


def phone_case(r: random.Random) -> Case:
    value, shown = phones(r)
    text, expected = _in_sentence(r, value, shown, r.choice(PHONE_PREFIXES))
    return Case(text, expected, "telefonnummer")


def email_case(r: random.Random) -> Case:
    text, expected = _in_sentence(r, email(r), "[e-post]")
    return Case(text, expected, "e-post")


def decoy_case(r: random.Random) -> Case:
    text = r.choice(_DECOY_SENTENCES).format(decoy(r))
    return Case(text, text, "decoy")


def identifier_case(r: random.Random) -> Case:
    """An identifier in a sentence; every third time with a decoy before or after it."""
    roll = r.random()
    case = personnummer_case(r) if roll < 0.45 else phone_case(r) if roll < 0.9 else email_case(r)
    if r.random() < 0.33:
        other = decoy(r)
        # a bare space or dash between two numbers is ambiguous even to a person ("0451 - 731 84 8 ml")
        joiner = r.choice([", ", ". ", " och ", "; ", " så ", ": "])
        if r.random() < 0.5:
            return Case(other + joiner + case.text, other + joiner + case.expected, case.kind)
        return Case(case.text + joiner + other, case.expected + joiner + other, case.kind)
    return case


def any_case(r: random.Random) -> Case:
    return identifier_case(r) if r.random() < 0.5 else decoy_case(r)


def normalise_placeholders(text: str) -> str:
    return text.replace("[personnummer]", ANY_NUMBER).replace("[telefonnummer]", ANY_NUMBER)
