"""Dates: read article dates, and make relative expressions absolute.

"on 24 April", "last month", "in 2018", "the following year" become a
:class:`FuzzyDate` at the precision the words support, relative to the article
date and to the last absolute date the article mentioned.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from dateutil.relativedelta import relativedelta

from kg.model import FuzzyDate

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_PATTERNS = [
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}(?:,?\s+{_YEAR})?\b", re.I)),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?", re.I)),
    ("my", re.compile(rf"\b{_MONTH}\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<month>\d\d)(?:-(?P<day>\d\d))?\b")),
    (
        "m",
        re.compile(
            rf"\b(?:in|by|since|during|early|late|mid|until)[\s-]+(?:-?\s*){_MONTH}\b", re.I
        ),
    ),
    ("m", re.compile(rf"^\s*(?:the\s+)?{_MONTH}\s*$", re.I)),
    ("y", re.compile(rf"\b{_YEAR}\b")),
]
RELATIVE_DATE = re.compile(
    r"\b(?P<phrase>yesterday|today|tonight|"
    r"(?:last|this|next|(?:the\s+)?(?:following|previous|next))\s+(?P<unit>day|week|month|year)|"
    r"(?:the\s+)?(?:day|week|month|year)\s+(?:before|after)|"
    r"(?:that|the\s+same)\s+(?:day|week|month|year)|"
    r"(?:that|the\s+same|this|(?:the\s+)?(?:following|next))\s+(?:morning|afternoon|evening|night)|"
    r"last\s+night|"
    r"(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+"
    r"(?P<unit2>day|week|month|year)s?\s+(?:ago|earlier|later)|"
    r"(?:on\s+|last\s+)?(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b",
    re.I,
)

PART_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|night)\b")

_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
SEASON = re.compile(
    r"\b(?:(?P<which>last|this|the|in|since|during)\s+)+(?P<season>spring|summer|autumn|fall|"
    r"winter)\b(?!\s+(?:of\s+)?(?:1[89]|20)\d\d)",
    re.I,
)


def parse_iso_date(value: str) -> FuzzyDate | None:
    """Read a metadata date: ``2025-08-08``, ``2025-03-14 20:30:26Z``, ``2025-08`` or ``2025``.

    >>> parse_iso_date("2025-03-14 20:30:26Z")
    FuzzyDate(value='2025-03-14', precision='day')
    >>> parse_iso_date("nonsense") is None
    True
    """
    match = re.match(r"\s*(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value)
    if not match:
        return None
    year, month, day = match.groups()
    try:
        if day:
            return FuzzyDate(dt.date(int(year), int(month), int(day)).isoformat(), "day")
        if month:
            dt.date(int(year), int(month), 1)
            return FuzzyDate(f"{year}-{month}", "month")
    except ValueError:
        return None
    return FuzzyDate(year, "year")


def to_date(fuzzy: FuzzyDate) -> dt.date:
    """The first day a fuzzy date covers."""
    parts = [int(p) for p in fuzzy.value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def _fuzzy(day: dt.date, precision: str) -> FuzzyDate:
    value = {"day": day.isoformat(), "month": day.strftime("%Y-%m"), "year": str(day.year)}
    return FuzzyDate(value[precision], precision)


def _near_article(year_missing: dt.date, day: bool, article: dt.date) -> dt.date:
    # A reported act lies in the past: "lifted sanctions in May" in a March article is
    # last May. (Plans are not events, so their future dates are never wanted.)
    later = (
        year_missing > article if day else year_missing > article.replace(day=1)
    )  # year_missing is the 1st of its month when no day was given
    return year_missing - relativedelta(years=1) if later else year_missing


def resolve_expression(
    text: str, article: FuzzyDate | None, reference: FuzzyDate | None = None
) -> FuzzyDate | None:
    """Make one date expression absolute.

    ``article`` is the article date; ``reference`` the last absolute date the article
    gave before this expression, which "the following year" counts from.

    >>> a = FuzzyDate("2025-08-08", "day")
    >>> resolve_expression("on 24 April", a)
    FuzzyDate(value='2025-04-24', precision='day')
    >>> resolve_expression("last month", a)
    FuzzyDate(value='2025-07', precision='month')
    >>> resolve_expression("the following year", a, FuzzyDate("2018", "year"))
    FuzzyDate(value='2019', precision='year')
    >>> resolve_expression("ten days", a) is None
    True
    >>> resolve_expression("later that day", a, FuzzyDate("2025-08-03", "day"))
    FuzzyDate(value='2025-08-03', precision='day')
    """
    absolute = _absolute(text, article)
    if absolute is not None:
        return absolute
    return _season(text, article) or _relative(text, article, reference)


_ANY_DAY = FuzzyDate("2000-06-15", "day")
RECURRENCE_WORDS = ("every", "each")


@lru_cache(maxsize=4096)
def names_a_time(text: str) -> bool:
    """Whether a date expression names a point in time, not a span of it.

    >>> names_a_time("March 24"), names_a_time("14 days"), names_a_time("every Friday")
    (True, False, False)
    """
    if text.lower().startswith(RECURRENCE_WORDS):
        return False  # "every Friday since January": a recurrence
    return resolve_expression(text, _ANY_DAY, _ANY_DAY) is not None


def _season(text: str, article: FuzzyDate | None) -> FuzzyDate | None:
    """ "since the summer", "last winter": the year of the latest such season begun by
    the article date; a season has no finer xsd type than its year.

    >>> _season("since the summer", FuzzyDate("2026-11-20", "day"))
    FuzzyDate(value='2026', precision='year')
    >>> _season("last winter", FuzzyDate("2026-01-10", "day"))
    FuzzyDate(value='2024', precision='year')
    >>> _season("the summer of 2019", FuzzyDate("2026-11-20", "day")) is None
    True
    """
    match = SEASON.search(text)
    if not match or article is None:
        return None
    today = to_date(article)
    start = _SEASONS[match.group("season").lower()]
    year = today.year if today.month >= start else today.year - 1
    if "last" in match.group(0).lower().split() and (today.month - start) % 12 < 3:
        year -= 1  # "last summer", said during summer, is the one before
    return FuzzyDate(str(year), "year")


def _absolute(text: str, article: FuzzyDate | None) -> FuzzyDate | None:
    anchor = to_date(article) if article else None
    for kind, pattern in _PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        year = int(groups["year"]) if groups.get("year") else None
        if kind == "y":
            return FuzzyDate(str(year), "year")
        month_word = groups.get("month") or ""
        month = int(month_word) if month_word.isdigit() else _MONTHS[month_word.lower()]
        day = int(groups["day"]) if groups.get("day") else None
        if year is None and anchor is None:
            continue
        try:
            guess = dt.date(year or anchor.year, month, day or 1)  # type: ignore[union-attr]
        except ValueError:
            continue
        if year is None:
            guess = _near_article(guess, day is not None, anchor)  # type: ignore[arg-type]
        return _fuzzy(guess, "day" if day else "month")
    return None


def _relative(
    text: str, article: FuzzyDate | None, reference: FuzzyDate | None
) -> FuzzyDate | None:
    match = RELATIVE_DATE.search(text)
    if not match or article is None:
        return None
    phrase = match.group("phrase").lower()
    today = to_date(article)
    if match.group("weekday"):
        target = _WEEKDAYS[match.group("weekday").lower()]
        back = (today.weekday() - target) % 7
        return _fuzzy(today - dt.timedelta(days=back), "day")
    if phrase in ("today", "tonight"):
        return _fuzzy(today, "day")
    if phrase == "yesterday":
        return _fuzzy(today - dt.timedelta(days=1), "day")
    # "that evening" is that day; "last night", the day before.
    phrase = PART_OF_DAY.sub("day", phrase)
    unit = (match.group("unit") or match.group("unit2") or "").lower()
    if not unit:
        unit = re.search(r"day|week|month|year", phrase).group(0)  # type: ignore[union-attr]
    if match.group("count"):
        count = match.group("count").lower()
        amount = int(count) if count.isdigit() else _NUMBERS[count]
        sign = 1 if "later" in phrase else -1
        base = to_date(reference) if "ago" not in phrase and reference else today
        return _shift(base, unit, sign * amount)
    if phrase.startswith("next") and "following" not in phrase:
        return None  # after the article: a plan ("perhaps next week"), never a reported act
    if phrase.startswith(("last", "this")) and "following" not in phrase:
        step = {"last": -1, "this": 0}[phrase.split()[0]]
        return _shift(today, unit, step)
    # "the following year", "the day before": counted from the last date given.
    base_fuzzy = reference or article
    step = -1 if ("previous" in phrase or "before" in phrase) else 1
    if phrase.startswith(("that", "the same")):
        step = 0  # "later that day", "the same day": the day last given
    if unit == "day" and base_fuzzy.precision != "day":
        return None
    return _shift(to_date(base_fuzzy), unit, step)


def _shift(base: dt.date, unit: str, amount: int) -> FuzzyDate | None:
    if unit == "week":
        # No xsd type holds a week, so its month: the finest precision that fits.
        return _fuzzy(base + relativedelta(weeks=amount), "month")
    delta = {
        "day": relativedelta(days=amount),
        "month": relativedelta(months=amount),
        "year": relativedelta(years=amount),
    }[unit]
    return _fuzzy(base + delta, unit)
