"""Personnummer, samordningsnummer and phone numbers among the other numbers of a message.

Shapes, not examples. A run of digit groups joined by spaces, hyphens, slashes, dots,
underscores, parentheses, colons or plus signs is read left to right; at each group the
longest identifier that fits is taken, unless the groups are a date or a clock time:

- personnummer: 10 or 12 digits (century 18/19/20) whose date part is a plausible birth
  date (day + 60 for a samordningsnummer), with the groups split only where people split
  them (after the century, between year, month and day, before the last four, inside the
  last four). Six digits, "-" or "+", four digits is always a personnummer, date or not.
  The Luhn check is never asked: people mistype, and a mistyped number is still somebody's.
- phone numbers: "+" or "00" and a country code (Swedish: 7–9 digits after 46, with an
  optional "(0)"), or a national number: 0, a 1–3-digit area code and the rest, 8–10 digits.
- decoys kept: dates (2026-03-05, 05-03-2026, 5/3 2026), clock times (14:30, 06.45) and time
  ranges (0215-0340, 06.45-07.10), times after "kl" (kl 06 45 12 30), an event date and time
  (2026-03-05 1430: a birth date that recent is impossible), reference numbers (AV-2026-00042),
  and every short number (rooms, doses, amounts, years).

Weighed and not used: `phonenumbers` (libphonenumber) finds valid numbers only, so it keeps a
mistyped one, and in region SE it takes "0215-0340" and "05-03-2026 14" for numbers;
`personnummer` validates with the Luhn check, which mistyped numbers fail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from nlp_models.personal_data.calendar_shapes import LATEST_BIRTH_YEAR, birth_date_ok, calendar_date_ok, clock_ok
from nlp_models.text.rule_files import read_toml

PERSONNUMMER = "personnummer"
TELEFONNUMMER = "telefonnummer"

# Between digit groups: spaces (up to three) or a line break, or up to two of - / _ + ( ) and a
# dot before a digit, with spaces or a line break on either side ("070 - 123", "+46 (0)70",
# "070.123", "070-123\n45 67"), or a colon, comma or apostrophe between digits (14:30, 1,5,
# 450312'1234: these count only where a personnummer's last four begin); never a full stop and a
# space, or a colon and a space.
_GAP = r"[ \t]{0,3}(?:\r?\n[ \t]{0,3})?"
_SEPARATOR = rf"(?:{_GAP}(?:[\-/_+()]|\.(?=\d)){{1,2}}{_GAP}|[:,'](?=\d)|[ \t]{{1,3}}(?:\r?\n[ \t]{{0,3}})?|\r?\n[ \t]{{0,3}})"
# Where only these stand between two groups, the groups may be one number split by a person.
_ONLY_DIGITS_APART = {"", "-", "."}
CHUNK = re.compile(rf"(?:\+ ?|\( ?)?\d+(?:{_SEPARATOR}\d+)*")
_GROUP = re.compile(r"\d+")
_DATE_SEPARATORS = {"-", "/", "."}
_RANGE_SEPARATORS = {"-", " - ", "/", " / "}
_REFERENCE_BEFORE = re.compile(r"[A-Za-zÅÄÖåäö]{1,4}-$")


def _time_words() -> re.Pattern[str]:
    words = read_toml("personal_data.toml")["time_words"]
    alternatives = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    return re.compile(rf"(?:^|[^\w])(?:{alternatives})\.?:?\s*$", re.IGNORECASE)


_TIME_CONTEXT = _time_words()


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    kind: str


@dataclass
class _Chunk:
    text: str  # the whole normalised text
    start: int
    end: int
    groups: list[tuple[int, int]]  # spans of the digit groups
    seps: list[str]  # seps[k]: what stands between group k-1 and group k ("" for k = 0)

    def digits(self, k: int) -> str:
        start, end = self.groups[k]
        return self.text[start:end]

    def joined(self, i: int, j: int) -> str:
        return "".join(self.digits(k) for k in range(i, j + 1))

    def splits(self, i: int, j: int) -> list[int]:
        """Digit positions (from group i) where a separator stands, up to group j."""
        out, count = [], 0
        for k in range(i, j):
            count += len(self.digits(k))
            out.append(count)
        return out

    def sep(self, k: int) -> str:
        return self.seps[k].strip() if k < len(self.seps) else ""

    def opens_with(self, k: int, char: str) -> bool:
        """Does a "+" or "(" stand right before group k (and belong to it)? A "+" between two
        digits ("1+0+1", "450312+1234") opens nothing."""
        before = self.text[self.start:self.groups[0][0]] if k == 0 else self.seps[k]
        if char == "+" and k > 0 and before == "+":
            return False
        return before.rstrip().endswith(char)


def _chunks(text: str) -> list[_Chunk]:
    out = []
    for found in CHUNK.finditer(text):
        start, end = found.span()
        if start and text[start - 1].isdigit():
            continue
        groups = [(start + g.start(), start + g.end()) for g in _GROUP.finditer(found.group())]
        seps = [""] + [text[groups[k - 1][1]:groups[k][0]] for k in range(1, len(groups))]
        out.append(_Chunk(text, start, end, groups, seps))
    return out


# --- identifiers ----------------------------------------------------------------------

def _personnummer_fits(chunk: _Chunk, i: int, j: int) -> bool:
    digits = chunk.joined(i, j)
    splits = set(chunk.splits(i, j))
    if len(digits) == 12:
        century, date_splits, main, allowed = digits[:2], {4, 6}, 8, {2, 4, 6, 8, 9, 10, 11}
        if century not in ("18", "19", "20"):
            return False
        date_part = digits[2:8]
    elif len(digits) == 10:
        century, date_splits, main, allowed = None, {2, 4}, 6, {2, 4, 6, 7, 8, 9}
        date_part = digits[:6]
    else:
        return False
    if all(len(chunk.digits(k)) == 1 for k in range(i, j + 1)):  # "4 5 0 3 1 2 1 2 3 4"
        return all(chunk.sep(k) == "" for k in range(i + 1, j + 1)) and birth_date_ok(date_part, century)
    if not splits <= allowed:
        return False
    if splits & date_splits and not (date_splits | {main}) <= splits and not (
            splits & date_splits == {max(date_splits)} and main in splits):
        return False  # a date split apart ("45 03 12") needs the last four apart too; "4503 12-1234" also
    for position in splits:  # "450312/1234" but not "040562 95 / 08": only the last four stand apart freely
        if position != main and _separator_at(chunk, i, position) not in _ONLY_DIGITS_APART:
            return False
    if century is not None and 2 in splits and _separator_at(chunk, i, 2) != "":
        return False  # the century stands apart only by a space ("19 450312-1234")
    if _separator_at(chunk, i, main) in ("(", ")"):
        return False
    if splits == {main} and _separator_at(chunk, i, main) in ("-", "+"):
        return century is None or int(digits[:4]) <= LATEST_BIRTH_YEAR  # the classic form, date or not
    return birth_date_ok(date_part, century)  # any other shape: only a real birth date counts


def _separator_at(chunk: _Chunk, i: int, position: int) -> str:
    count = 0
    for k in range(i, len(chunk.groups)):
        count += len(chunk.digits(k))
        if count == position:
            return chunk.sep(k + 1)
    return ""


def _personnummer(chunk: _Chunk, i: int) -> int | None:
    """The last group of the longest personnummer starting at group i."""
    best, total = None, 0
    for j in range(i, len(chunk.groups)):
        total += len(chunk.digits(j))
        if total > 12:
            break
        if total in (10, 12) and _personnummer_fits(chunk, i, j):
            best = j
    return best


def _longest(chunk: _Chunk, i: int, skip: int, low: int, high: int) -> int | None:
    """The last group of the longest span from group i with low..high digits after `skip` digits."""
    best, total = None, -skip
    for j in range(i, len(chunk.groups)):
        separator = chunk.sep(j)
        if j > i and (chunk.opens_with(j, "+") or separator in (":", ",", "'")
                      or total >= low and ("/" in separator or separator.endswith("("))):
            break  # a new number begins ("070-123 45 67 / 08-123 456 78", "… /(08) 123 45")
        total += len(chunk.digits(j))
        if total > high:
            break
        if total >= low:
            best = j
    return best


def _international(chunk: _Chunk, i: int) -> int | None:
    digits = chunk.digits(i)
    if chunk.opens_with(i, "+"):
        skip = 0
    elif digits.startswith("00") and not digits.startswith("000"):
        skip = 2
    elif digits.startswith("46") and _personnummer(chunk, i) is None:
        # the country code without + or 00 ("46701234567", "46 522 899 64"), when it is no personnummer
        # of someone born in 1946
        j = _longest(chunk, i, 2, 7, 9)
        return j if j is not None and chunk.joined(i, j)[2:3] != "0" else None
    else:
        return None
    rest = chunk.joined(i, min(i + 2, len(chunk.groups) - 1))[skip:]
    if rest.startswith("46"):
        national_zero = 1 if rest[2:3] == "0" else 0  # +46 (0)70 ...
        return _longest(chunk, i, skip + 2 + national_zero, 7, 9)
    return _longest(chunk, i, skip, 8, 15)


def _national_phone(chunk: _Chunk, i: int) -> int | None:
    digits = chunk.digits(i)
    if not digits.startswith("0") or digits.startswith("00"):
        return None
    return _longest(chunk, i, 0, 8, 10)


# --- decoys -----------------------------------------------------------------------------

def _date(chunk: _Chunk, i: int) -> int:
    """Groups taken by a date at group i (0: none)."""
    if i + 2 >= len(chunk.groups):
        return 0
    first, second = chunk.sep(i + 1), chunk.sep(i + 2)
    a, b, c = chunk.digits(i), chunk.digits(i + 1), chunk.digits(i + 2)
    if first == second == "" and len(a) <= 2 and len(c) == 4 and 1990 <= int(c) <= 2035:
        # "05 03 2026": day, month and a recent year with spaces (an 8-digit phone number with a
        # year-like ending is rarer than a date typed on a phone)
        return 3 if calendar_date_ok(c, b, a) and chunk.seps[i + 1] == chunk.seps[i + 2] == " " else 0
    if first != second or first not in _DATE_SEPARATORS:
        return 0
    if len(a) == 4 and calendar_date_ok(a, b, c) or len(a) <= 2 and len(c) == 4 and calendar_date_ok(c, b, a):
        return 3
    return 0


def _clock(chunk: _Chunk, i: int, loose: bool = False) -> int:
    """Groups taken by a clock time at group i: HH:MM, HH.MM (with :SS and .ffffff after them);
    with `loose` also HHMM and HH MM."""
    if i >= len(chunk.groups):
        return 0
    if i + 1 < len(chunk.groups):
        separator = chunk.seps[i + 1]
        if (separator in (":", ".") or loose and separator.strip() == "") and clock_ok(
                chunk.digits(i), chunk.digits(i + 1)):
            taken = 2
            if separator == ":" and chunk.seps[i + 2:i + 3] == [":"] and len(chunk.digits(i + 2)) == 2:
                taken = 3  # seconds
                if chunk.seps[i + 3:i + 4] == ["."]:
                    taken = 4  # fractions of a second
            return taken
    if loose and clock_ok(chunk.digits(i)):
        return 1
    return 0


def _time_range(chunk: _Chunk, i: int) -> int:
    first = _clock(chunk, i) or (1 if clock_ok(chunk.digits(i)) else 0)
    if not first or i + first >= len(chunk.groups) or chunk.seps[i + first] not in _RANGE_SEPARATORS:
        return 0
    k = i + first
    second = _clock(chunk, k) or (1 if clock_ok(chunk.digits(k)) else 0)
    return first + second if second else 0


def _clock_times_in_a_row(chunk: _Chunk, i: int) -> int:
    """Groups taken by two or more clock times written HH.MM or HH:MM one after the other
    ("06.45 12.30 18.00"); 0 for one or none."""
    k, clocks = i, 0
    while k < len(chunk.groups):
        taken = _clock(chunk, k)
        if not taken or k > i and chunk.seps[k].strip(" ") != "":
            break
        k, clocks = k + taken, clocks + 1
    return k - i if clocks >= 2 else 0


def _decoy(chunk: _Chunk, i: int, after_date: bool) -> tuple[int, bool]:
    """(groups taken, is a date) for a date, a time range or a clock time at group i."""
    taken = _date(chunk, i)
    if taken:
        return taken, True
    taken = _time_range(chunk, i) or _clock(chunk, i, loose=after_date)
    return taken, False


# --- the scan ---------------------------------------------------------------------------

def _span(chunk: _Chunk, i: int, j: int) -> tuple[int, int]:
    """The span of groups i..j, with a "+" that opens them or a "(" closed inside ("(08) 123 45")."""
    start, end = chunk.groups[i][0], chunk.groups[j][1]
    before = chunk.text[chunk.start:start] if i == 0 else chunk.seps[i]
    kept = before.rstrip(" ")
    if kept.endswith("+") or kept.endswith("(") and ")" in chunk.text[start:end]:
        start -= len(before) - len(kept) + 1
    return start, end


def _phone_label(chunk: _Chunk, i: int, j: int) -> str:
    digits = chunk.joined(i, j)
    split_after_six = 6 in chunk.splits(i, j) and _separator_at(chunk, i, 6) in ("-", "+")
    return TELEFONNUMMER if digits.startswith("0") and not split_after_six else PERSONNUMMER


def _leading_times(chunk: _Chunk) -> int:
    """After "kl", "mellan" ...: the groups at the start that are clock times (kl 06 45 12 30)."""
    if not _TIME_CONTEXT.search(chunk.text, max(0, chunk.start - 16), chunk.start):
        return 0
    i = 0
    while i < len(chunk.groups):
        taken = _clock(chunk, i, loose=True)
        if not taken or _personnummer(chunk, i) is not None:
            break
        i += taken
    phone = _national_phone(chunk, 0)
    return 0 if phone is not None and phone + 1 > i else i  # "vid 08 12 34 56" is a phone number


def _leading_reference(chunk: _Chunk) -> int:
    """AV-2026-00042: the year and number after the letters are a reference."""
    if len(chunk.groups) > 1 and chunk.seps[1] == "-" and _REFERENCE_BEFORE.search(
            chunk.text, max(0, chunk.start - 5), chunk.start):
        return 2
    return 0


def _scan(chunk: _Chunk) -> list[Found]:
    found: list[Found] = []
    i, after_date = _leading_times(chunk) or _leading_reference(chunk), False
    while i < len(chunk.groups):
        times = _clock_times_in_a_row(chunk, i)
        if times:  # never a phone number ("00.00 06.45 12.30")
            i, after_date = i + times, False
            continue
        j = _international(chunk, i)
        kind = TELEFONNUMMER
        if j is None:
            j = _personnummer(chunk, i)
            kind = PERSONNUMMER if j is None else _phone_label(chunk, i, j)
        if j is None:
            taken, is_date = _decoy(chunk, i, after_date)
            # an identifier that begins inside the decoy wins ("född 1931 – 05.09.10 7899")
            taken = next((k - i for k in range(i + 1, i + taken) if _personnummer(chunk, k) is not None), taken)
            j, kind = _national_phone(chunk, i), TELEFONNUMMER
            # a clock time is a decoy unless a phone number goes on after it ("08.51 89 74 88")
            if taken and (is_date or j is None or j - i + 1 <= taken):
                i, after_date = i + taken, is_date
                continue
        if j is None:
            i, after_date = i + 1, False
            continue
        found.append(Found(*_span(chunk, i, j), kind))
        i, after_date = j + 1, False
    return found


def find_identifier_numbers(text: str) -> list[Found]:
    """Personnummer and phone numbers in a normalised text, in order."""
    found: list[Found] = []
    for chunk in _chunks(text):
        found += _scan(chunk)
    return found
