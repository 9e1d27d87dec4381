"""When a reported event happened: "i natt", "i morse kl 7", "i går em", "halv tre".

The resolver reads three kinds of clue from the message - a day ("i går", "i måndags",
"5 mars"), a part of the day ("kväll", "em") and a clock time ("kl 14", "kvart över sju")
- and combines them against `now`. A time in the future is not accepted as a fact: the
answer is then None, so the dialogue asks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

from nlp_models.times.calendar_math import latest_weekday_before
from nlp_models.times.mentions import time_mentions
from nlp_models.times.patterns import alternation, parse_date_parts, parse_number, pieces, word_rule
from nlp_models.times.text import time_string
from nlp_models.times.vocabulary import PartOfDay, time_vocabulary

STOCKHOLM = ZoneInfo("Europe/Stockholm")
WHOLE_DAY_HOUR = 12  # a past day named without a time of day is stored at noon

# Words after which a part-of-day word means a time ("i går kväll", "på em", "vid lunchen").
_PART_LEADS = {"i", "pa", "vid", "under", "hela", "gar", "dag", "forrgar", "sent", "tidigt", "efter", "till"}
# "i morgon", "i morgon bitti": the day after, never a time a reported event happened
_TOMORROW = {"morgon"}
# Words that make a bare number a clock time: "typ 22", "runt 9:45", "ca 14".
_APPROXIMATE = r"(?:kl|klockan|ca|cirka|runt|vid|typ|omkring|kring|ungefar|strax fore|strax efter|nagon gang runt)"
# Day words a clock time may stand before: "1330 idag", "22 i går".
_DAY_AFTER = r"i gar|i dag|i natt|i morse|i kvall|i forrgar"
# A number followed by one of these counts something ("typ 3 gånger", "i går 2 tabletter"): not a time.
_COUNTED = (r"(?! (?:gang|ganger|ggr|st|stycken|tablett|tabletter|mg|ml|dagar|dygn|veckor|timmar|tim|h|minuter|min"
            r"|ar|manader|personer|brukare|dos|doser|grader|kg|meter|m|cm|procent|av|till|stycke|sekunder|sek) )")


# Clock times written in digits, most explicit first. A four-digit time ("1330") needs a lead ("kl"), a day or
# part of day next to it, or to be the whole answer: a bare "2026" elsewhere is a year, not 20.26.
_DIGIT_RULES = ("digit_clock_joined", "digit_clock", "bare_clock", "day_hour_joined", "day_hour", "hour_day_joined",
                "hour_day", "only_hour_joined", "only_hour")


@dataclass(frozen=True)
class Clock:
    hour: int
    minute: int
    twelve_hour: bool  # "halv tre", "kl 7": the hour may be morning or afternoon
    spoken: bool  # written in words ("kvart över sju")


@dataclass(frozen=True)
class KnownDay:
    """What a conversation already knows about the day: a later "typ 22" or "kl 23.40" falls on it.

    `night`: the day was said as a night ("i natt"), stored on its morning side, so late hours
    belong to the evening before."""

    day: date
    night: bool = False


@dataclass(frozen=True)
class Clues:
    day: date | None = None
    night: bool = False
    part: PartOfDay | None = None
    clock: Clock | None = None


@lru_cache(maxsize=1)
def _rules() -> dict[str, re.Pattern[str]]:
    p = pieces()
    h = p.hour_word
    parts = alternation(time_vocabulary().parts_of_day)
    day_words = rf"gar|dag|forrgar|natt|inatt|morse|{parts}|{p.weekday_past}"
    minutes = r"(?:fem|tio|tjugo|\d{1,2})"
    parts_today = alternation(w for w, part in time_vocabulary().parts_of_day.items()
                              if part.name != "natt" and w not in _TOMORROW)
    return {
        "ago": word_rule(
            rf"for ({p.number}|en|ett|ett par|par) "
            r"(minut|minuter|min|timme|timmen|timmar|tim|h|dagar|dygn) sedan"
        ),
        "half_hour_ago": word_rule(r"for en halvtimme sedan|for en kvart sedan"),
        "just_now": word_rule(r"(?:alldeles |helt )?nyss|just nu|precis nu|nu precis"),
        "yesterday": word_rule(r"i gar|igar"),
        "today": word_rule(r"i dag|idag"),
        "day_before": word_rule(r"i forrgar|forrgar"),
        "weekday": word_rule(rf"i ({p.weekday_past})|(?:i )?forra ({p.weekday})(?:en)?"),
        "date": word_rule(p.date),
        "last_night": word_rule(r"i natt|inatt|natten till i dag|under natten|i natt som gick"),
        "morning": word_rule(r"i morse|i morges"),
        # a part of today named on its own ("i kväll", "i morse", "i eftermiddags"): today, whatever day a
        # conversation had before, and a different day named elsewhere in the message is a second event time
        "part_of_today": word_rule(rf"i (?:{parts_today})"),
        # only the week is known: stored on its first day at noon
        "last_week": word_rule(r"(?:i )?forra veckan|(?:i )?forra vecka|veckan som gick"),
        "digit_clock": word_rule(rf"{_APPROXIMATE} (\d{{1,2}})(?: :? ?(\d\d))?{_COUNTED}"),
        # the same written without a separator: "kl 1330", "typ 0730", "kl 930"
        "digit_clock_joined": word_rule(rf"{_APPROXIMATE} (\d{{1,2}})(\d\d){_COUNTED}"),
        "bare_clock": word_rule(r"(\d{1,2}) : (\d\d)"),
        # "i går 22", "igår 22.30", "i natt 2", "idag lunch 1130": a bare hour right after the day or part of day
        "day_hour": word_rule(rf"(?:{day_words}) (\d{{1,2}})(?: : (\d\d))?{_COUNTED}"),
        "day_hour_joined": word_rule(rf"(?:{day_words}) (\d{{1,2}})(\d\d){_COUNTED}"),
        # "1330 idag", "22, i går": the hour before the day, first in the message or after a comma ("rum 4 i natt"
        # is a room)
        "hour_day": re.compile(rf"(?:^| ,) (\d{{1,2}})(?: : (\d\d))? (?:{_DAY_AFTER}) "),
        "hour_day_joined": re.compile(rf"(?:^| ,) (\d{{1,2}})(\d\d) (?:{_DAY_AFTER}) "),
        # a whole answer that is only an hour: "22", "typ 22", "22ish", "runt 9:45", "1330"
        "only_hour": re.compile(rf"^ (?:{_APPROXIMATE} )?(\d{{1,2}})(?: : (\d\d))?(?: ish| ungefar| typ| eller sa)? $"),
        "only_hour_joined": re.compile(rf"^ (?:{_APPROXIMATE} )?(\d{{1,2}})(\d\d)(?: ish| ungefar| typ| eller sa)? $"),
        "half": word_rule(rf"(?:(?:klockan|kl) )?(?:({minutes}) (?:minuter )?(over|i) )?halv ({h})"),
        "quarter": word_rule(rf"(?:(?:klockan|kl) )?kvart (over|i) ({h})"),
        "minutes": word_rule(rf"(?:(?:klockan|kl) )?({minutes}) (?:minuter )?(over|i) ({h})"),
        "word_hour": word_rule(rf"(?:klockan|kl) ({h})"),
    }


def _ago(string: str) -> timedelta | None:
    rules = _rules()
    if rules["just_now"].search(string):
        return timedelta(0)
    if m := rules["half_hour_ago"].search(string):
        return timedelta(minutes=30 if "halvtimme" in m[0] else 15)
    if m := rules["ago"].search(string):
        count = parse_number(m[1].split()[-1])
        if count is None:
            return None
        unit = m[2]
        if unit.startswith("min"):
            return timedelta(minutes=count)
        if unit in {"dagar", "dygn"}:
            return timedelta(days=count)
        return timedelta(hours=count)
    return None


def _day(string: str, today: date) -> tuple[date | None, int]:
    """The day named and where it was named (-1 if none)."""
    rules = _rules()
    v = time_vocabulary()
    if m := rules["day_before"].search(string):
        return today - timedelta(days=2), m.start()
    if m := rules["yesterday"].search(string):
        return today - timedelta(days=1), m.start()
    if m := rules["weekday"].search(string):
        weekday = v.weekday_past_forms[m[1]] if m[1] else v.weekdays[m[2]]
        return latest_weekday_before(weekday, today), m.start()
    for m in rules["date"].finditer(string):
        parts = parse_date_parts(m[0])
        if parts is not None and parts.month is not None:
            return parts.resolve(today), m.start()
    if m := rules["today"].search(string):
        return today, m.start()
    return None, -1


def _part(string: str) -> PartOfDay | None:
    rules = _rules()
    if rules["morning"].search(string):
        return time_vocabulary().parts_of_day["morse"]
    words = string.split()
    parts = time_vocabulary().parts_of_day
    for index, word in enumerate(words):
        if word in parts and index > 0:
            lead = words[index - 1]
            if lead == "i" and word in _TOMORROW:
                continue  # "i morgon" is tomorrow, not this morning
            if lead in _PART_LEADS or lead.isdigit() or lead in time_vocabulary().weekday_past_forms:
                return parts[word]
    return None


def _spoken_hour(word: str) -> int | None:
    hour = parse_number(word)
    return hour if hour is not None and 1 <= hour <= 12 else None


def _clock(string: str) -> Clock | None:
    rules = _rules()
    if m := rules["half"].search(string):
        hour = _spoken_hour(m[3])
        if hour is not None:
            minute = 30
            if m[1]:
                offset = parse_number(m[1]) or 0
                minute += offset if m[2] == "over" else -offset
            return Clock((hour - 1) % 12 or 12, minute, True, True) if 0 <= minute < 60 else None
    if m := rules["quarter"].search(string):
        hour = _spoken_hour(m[2])
        if hour is not None:
            if m[1] == "over":
                return Clock(hour, 15, True, True)
            return Clock((hour - 1) % 12 or 12, 45, True, True)
    if m := rules["minutes"].search(string):
        hour = _spoken_hour(m[3])
        offset = parse_number(m[1])
        if hour is not None and offset is not None and 0 < offset < 30:
            if m[2] == "over":
                return Clock(hour, offset, True, True)
            return Clock((hour - 1) % 12 or 12, 60 - offset, True, True)
    for name in _DIGIT_RULES:
        for m in rules[name].finditer(string):
            hour, minute = int(m[1]), int(m[2] or 0)
            if hour <= 24 and minute < 60:
                # "0730": a leading zero is a 24-hour clock; "7.30" may be morning or evening
                twelve_hour = 1 <= hour <= 12 and not m[1].startswith("0")
                return Clock(hour % 24, minute, twelve_hour, False)
    if m := rules["word_hour"].search(string):
        hour = _spoken_hour(m[1])
        if hour is not None:
            return Clock(hour, 0, True, True)
    return None


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour % 24, minute), tzinfo=STOCKHOLM)


def _readings(clock: Clock) -> list[int]:
    if not clock.twelve_hour:
        return [clock.hour]
    return [clock.hour % 12, clock.hour % 12 + 12]


def _hour_in_part(clock: Clock, part: PartOfDay) -> int:
    readings = _readings(clock)
    for hour in readings:
        if part.covers(hour):
            return hour
    return readings[-1] if part.pm else readings[0]


def _daytime_hour(clock: Clock) -> int:
    """The reading of a 12-hour time on a past day: 1-6 afternoon, 7-12 morning/noon."""
    if not clock.spoken:
        return clock.hour
    return clock.hour + 12 if clock.hour < 7 else clock.hour


def _combine(clues: Clues, now: datetime) -> datetime | None:
    today = now.date()
    clock, part = clues.clock, clues.part
    if clues.night:
        night_morning = clues.day or today
        if clock is None:
            moment = _at(night_morning, part.hour if part else 3)
            if moment > now and now.hour < 6 and night_morning == today:
                return now.replace(second=0, microsecond=0)
            return moment
        hour = _hour_in_part(clock, part) if part else _hour_in_part(clock, _night())
        day = night_morning - timedelta(days=1) if hour >= 12 else night_morning
        return _at(day, hour, clock.minute)
    if clock is not None:
        if part is not None:
            return _at(clues.day or today, _hour_in_part(clock, part), clock.minute)
        if clues.day is not None:
            return _at(clues.day, _daytime_hour(clock), clock.minute)
        days = (today, today - timedelta(days=1)) if clock.spoken else (today,)
        past = [
            _at(day, hour, clock.minute)
            for day in days
            for hour in _readings(clock)
            if _at(day, hour, clock.minute) <= now
        ]
        return max(past) if past else None
    if part is not None:
        day = clues.day or today
        moment = _at(day, part.hour)
        if moment > now and day == today and part.covers(now.hour):
            return now.replace(second=0, microsecond=0)
        return moment
    if clues.day is not None:
        if clues.day == today:
            return now.replace(second=0, microsecond=0)
        return _at(clues.day, WHOLE_DAY_HOUR)
    return None


def _night() -> PartOfDay:
    return next(p for p in time_vocabulary().parts_of_day.values() if p.name == "natt")


def resolve_occurred_at(text: str, now: datetime, known: KnownDay | None = None) -> datetime | None:
    """When the event in `text` happened, in Europe/Stockholm, or None.

    None when the text names no time, or when the time it names lies after `now`. `known` is the
    day a conversation already has: a text that names only a clock time ("typ 22") falls on it, so
    a clock time on a past day is never taken for the future.
    """
    if not isinstance(text, str) or not text.strip():
        return None
    now = now.astimezone(STOCKHOLM)
    string = time_string(text)
    ago = _ago(string)
    if ago is not None:
        return (now - ago).replace(microsecond=0)
    day, _ = _day(string, now.date())
    if day is None and _rules()["last_week"].search(string):
        day = now.date() - timedelta(days=now.weekday() + 7)
    part = _part(string)
    if _rules()["part_of_today"].search(string):
        if day is not None and day != now.date():
            # two times, never a blend of one's day and the other's part: the one that is not the discovery
            # ("glömde kvällsmedicinen i går, hittade dem i morse"), else None and the dialogue asks
            event = _without_discovery(text)
            return resolve_occurred_at(event, now, known) if event != text else None
        # today's evening, unless it is still to come: then the evening of the day the conversation has
        today_reading = _moment(Clues(day=now.date(), night=False, part=part, clock=_clock(string)), now)
        if today_reading is not None or known is None:
            return today_reading
    night = bool(_rules()["last_night"].search(string)) or (part is not None and part.name == "natt")
    if night and day is not None and day < now.date():
        day = day + timedelta(days=1)  # "i går natt": the night after yesterday evening
    clock = _clock(string)
    if known is not None and day is None and not night and (clock is not None or part is not None):
        day, night = known.day, known.night and part is None
    return _moment(Clues(day=day, night=night, part=part, clock=clock), now)


def _moment(clues: Clues, now: datetime) -> datetime | None:
    try:
        moment = _combine(clues, now)
    except (ValueError, OverflowError):
        return None
    if moment is None or moment > now:
        return None
    return moment


_CLAUSES = re.compile(r"[,.;:!?]+|\s+(?:och|men|and|but)\s+", re.IGNORECASE)


def _tells_discovery(clause: str) -> bool:
    """The clause tells when something was found ("hittade tabletterna i morse")."""
    return any(f" {w} " in f" {time_string(clause)} " for w in time_vocabulary().discovery)


def _without_discovery(text: str) -> str:
    """`text` without its clauses that tell when something was found ("hittade tabletterna i morse")."""
    clauses = [c for c in _CLAUSES.split(text) if c.strip()]
    kept = [c for c in clauses if not _tells_discovery(c)]
    return ", ".join(kept) if kept and len(kept) < len(clauses) else text


def tells_only_discovery(text: str) -> bool:
    """Whether every clause of `text` that names a time tells when something was found ("vet ej, märkte det
    nyss"): then no time in it is the event's own."""
    timed = [c for c in _CLAUSES.split(text) if c.strip() and (time_mentions(c) or names_clock_time(c))]
    return bool(timed) and all(_tells_discovery(c) for c in timed)


def names_clock_time(text: str) -> bool:
    """Whether `text` pins the moment down ("kl 14.10", "halv tre", "för tio minuter sedan", "nyss")
    rather than only a day or a part of it ("i natt", "i går"), where the stored hour is a guess."""
    if not isinstance(text, str) or not text.strip():
        return False
    string = time_string(text)
    return _ago(string) is not None or _clock(string) is not None


def said_precision(text: str) -> str | None:
    """How exactly `text` names the moment: "clock" ("kl 14.10", "nyss"), the part of the day it names
    ("natt", "morse", "kvall", …: the name in rules/time_words.toml), "day" ("i går", "5 mars"), or None."""
    if not isinstance(text, str) or not text.strip():
        return None
    string = time_string(text)
    if _rules()["part_of_today"].search(string) and _day(string, date.today())[0] not in (None, date.today()):
        event = _without_discovery(text)  # two times: the precision of the one resolve_occurred_at takes
        return said_precision(event) if event != text else None
    if names_clock_time(text):
        return "clock"
    if _rules()["last_night"].search(string):
        return "natt"
    if _rules()["last_week"].search(string) and _day(string, date.today())[0] is None:
        return "vecka"
    part = _part(string)
    if part is not None:
        return part.name
    day, _ = _day(string, date.today())
    return "day" if day is not None else None
