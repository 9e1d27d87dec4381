"""Date and time plausibility: is a group of digits a day of the year, a clock time, a birth date?

These decide between an identifier and a decoy: "450312-1234" is a personnummer because
450312 can be a birth date; "0215-0340" is a time range because 02:15 and 03:40 are clock times.
"""

from __future__ import annotations

import calendar
from datetime import date

# Nobody born in the last sixteen years is a care recipient or on the staff: a "birth date" that
# recent in a twelve-digit number is an event date and a clock time ("2026-03-05 1430").
LATEST_BIRTH_YEAR = date.today().year - 16
# Nobody alive is older than this: "rum 19 4503121234" is room 19 and a ten-digit number.
EARLIEST_BIRTH_YEAR = date.today().year - 112
SAMORDNING_OFFSET = 60  # a samordningsnummer adds 60 to the day


def valid_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]


def birth_date_ok(digits: str, century: str | None) -> bool:
    """`digits` is YYMMDD; `century` the two digits before it (twelve-digit form) or None."""
    if len(digits) != 6 or not digits.isdigit():
        return False
    yy, month, day = int(digits[:2]), int(digits[2:4]), int(digits[4:])
    if day > SAMORDNING_OFFSET:
        day -= SAMORDNING_OFFSET
    if century is None:
        year = 2000 + yy if 2000 + yy <= LATEST_BIRTH_YEAR else 1900 + yy
    else:
        if century not in ("18", "19", "20"):
            return False
        year = int(century) * 100 + yy
        if not EARLIEST_BIRTH_YEAR <= year <= LATEST_BIRTH_YEAR:
            return False
    return valid_day(year, month, day)


def calendar_date_ok(year: str, month: str, day: str) -> bool:
    """A written date: four-digit year 1900–2099 (or two digits), month and day of one or two digits."""
    if len(month) > 2 or len(day) > 2 or len(year) not in (2, 4):
        return False
    y = int(year) if len(year) == 4 else 2000 + int(year)
    return 1900 <= y <= 2099 and valid_day(y, int(month), int(day))


def clock_ok(hours: str, minutes: str | None = None) -> bool:
    """HH and MM, or HHMM in `hours` alone; 24:00 allowed."""
    if minutes is None:
        if len(hours) != 4:
            return False
        hours, minutes = hours[:2], hours[2:]
    if not (1 <= len(hours) <= 2 and len(minutes) == 2):
        return False
    h, m = int(hours), int(minutes)
    return (h < 24 and m < 60) or (h == 24 and m == 0)
