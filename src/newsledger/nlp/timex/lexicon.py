"""Words of time: our own small lexicons for the time tagger.

Everything here is lower case.  Regular-expression alternatives are built
from these tables by :mod:`.patterns`.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1,
    "february": 2, "feb": 2,
    "march": 3, "mar": 3,
    "april": 4, "apr": 4,
    "may": 5,
    "june": 6, "jun": 6,
    "july": 7, "jul": 7,
    "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10,
    "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}

#: abbreviations that are also ordinary words: only months with a dot or a number
AMBIGUOUS_MONTH_ABBR = {"mar", "jan", "jun", "jul", "may", "dec", "sep", "oct", "aug", "apr", "nov", "feb"}

WEEKDAYS: dict[str, int] = {  # ISO weekday, Monday = 1
    "monday": 1, "mon": 1,
    "tuesday": 2, "tues": 2, "tue": 2,
    "wednesday": 3, "wed": 3,
    "thursday": 4, "thurs": 4, "thu": 4,
    "friday": 5, "fri": 5,
    "saturday": 6, "sat": 6,
    "sunday": 7, "sun": 7,
}

SEASONS: dict[str, str] = {
    "spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI",
    "springtime": "SP", "summertime": "SU", "wintertime": "WI",
}

#: parts of the day and their TIMEX3 suffix
PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
    "overnight": "NI", "dawn": "MO", "daybreak": "MO", "dusk": "EV",
    "midday": "12:00", "noon": "12:00", "midnight": "24:00", "mid-afternoon": "AF",
    "midafternoon": "AF", "mid-morning": "MO", "midmorning": "MO",
    "nighttime": "NI", "daytime": "DT", "lunchtime": "MI",
}

UNITS: dict[str, str] = {  # unit word -> TIMEX3 unit letter(s)
    "second": "S", "seconds": "S", "sec": "S", "secs": "S",
    "minute": "M", "minutes": "M", "min": "M", "mins": "M",
    "hour": "H", "hours": "H", "hr": "H", "hrs": "H",
    "day": "D", "days": "D",
    "night": "N", "nights": "N",
    "week": "W", "weeks": "W",
    "weekend": "WE", "weekends": "WE",
    "fortnight": "FN", "fortnights": "FN",
    "month": "M", "months": "M",
    "quarter": "Q", "quarters": "Q",
    "year": "Y", "years": "Y",
    "decade": "DE", "decades": "DE",
    "century": "CE", "centuries": "CE",
    "millennium": "ML", "millennia": "ML",
}

#: units that sit after "T" in a TIMEX3 duration
TIME_UNITS = {"S", "M_TIME", "H"}

NUMBER_WORDS: dict[str, int] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100,
    "a": 1, "an": 1, "one-and-a-half": 1.5, "half": 0.5, "a half": 0.5,
    "dozen": 12, "a dozen": 12, "single": 1, "a couple of": 2, "a couple": 2, "couple of": 2,
}

TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90}

#: vague quantities: the number becomes "X" in the value
VAGUE_NUMBERS = {"several", "a few", "few", "some", "many", "a number of", "numerous", "a handful of", "countless",
                 "the next few", "various", "a series of"}

ORDINALS: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3,
    "fourth": 4, "4th": 4, "fifth": 5, "5th": 5, "sixth": 6, "6th": 6,
    "seventh": 7, "7th": 7, "eighth": 8, "8th": 8, "ninth": 9, "9th": 9,
    "tenth": 10, "10th": 10, "eleventh": 11, "11th": 11, "twelfth": 12, "12th": 12,
    "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
    "seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
    "twenty-first": 21, "21st": 21, "last": -1, "final": -1,
}

#: hedges before a quantity of time and the TIMEX3 mod they give
HEDGES: dict[str, str] = {
    "about": "APPROX", "around": "APPROX", "approximately": "APPROX",
    "roughly": "APPROX", "some": "APPROX", "nearly": "LESS_THAN",
    "almost": "LESS_THAN", "less than": "LESS_THAN", "under": "LESS_THAN",
    "fewer than": "LESS_THAN", "just under": "LESS_THAN", "not quite": "LESS_THAN",
    "more than": "MORE_THAN", "over": "MORE_THAN", "just over": "MORE_THAN",
    "upwards of": "MORE_THAN", "at least": "EQUAL_OR_MORE", "no less than": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS", "no more than": "EQUAL_OR_LESS",
    "as many as": "EQUAL_OR_LESS", "as much as": "EQUAL_OR_LESS",
    "as long as": "EQUAL_OR_LESS", "as little as": "EQUAL_OR_MORE",
    "an estimated": "APPROX", "close to": "LESS_THAN", "well over": "MORE_THAN",
    "well under": "LESS_THAN", "just": None, "only": None, "barely": "LESS_THAN",
}

#: modifiers of a point in time ("early 2020", "the end of May")
POINT_MODS: dict[str, str] = {
    "early": "START", "earlier": "START", "late": "END", "later": "END",
    "mid": "MID", "middle": "MID", "mid-": "MID",
    "the beginning of": "START", "the start of": "START", "the dawn of": "START",
    "the end of": "END", "the close of": "END", "the turn of": "START",
    "the middle of": "MID", "the height of": "MID",
}

#: words that refer to the present, past or future without a date
REFS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "presently": "PRESENT_REF",
    "at present": "PRESENT_REF", "at the moment": "PRESENT_REF",
    "at this time": "PRESENT_REF", "at this point": "PRESENT_REF",
    "these days": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PRESENT_REF",
    "the present": "PRESENT_REF", "today's": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF",
    "previously": "PAST_REF", "formerly": "PAST_REF", "the past": "PAST_REF",
    "earlier": "PAST_REF", "once": "PAST_REF", "in the past": "PAST_REF",
    "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
    "shortly": "FUTURE_REF", "eventually": "FUTURE_REF", "someday": "FUTURE_REF",
    "a later date": "FUTURE_REF", "later": "FUTURE_REF", "the coming": "FUTURE_REF",
    "in the future": "FUTURE_REF", "as soon as possible": "FUTURE_REF",
}

#: frequency words (SET)
FREQUENCY: dict[str, str] = {
    "hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
    "biweekly": "P2W", "fortnightly": "P2W", "monthly": "P1M", "quarterly": "P3M",
    "yearly": "P1Y", "annually": "P1Y", "annual": "P1Y", "biannually": "P6M",
    "semiannually": "P6M", "semi-annually": "P6M",
}

#: fixed-date holidays: month, day
HOLIDAYS_FIXED: dict[str, tuple[int, int]] = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "christmas": (12, 25),
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4),
    "veterans day": (11, 11), "armistice day": (11, 11), "may day": (5, 1),
    "bastille day": (7, 14), "st. patrick's day": (3, 17), "new year": (1, 1),
}

#: holidays on the n-th weekday of a month: month, ISO weekday, n (-1 = last)
HOLIDAYS_NTH: dict[str, tuple[int, int, int]] = {
    "thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4),
    "labor day": (9, 1, 1), "memorial day": (5, 1, -1),
    "martin luther king day": (1, 1, 3), "presidents day": (2, 1, 3),
    "presidents' day": (2, 1, 3), "mother's day": (5, 7, 2), "father's day": (6, 7, 3),
    "columbus day": (10, 1, 2), "election day": (11, 2, 1),
}
