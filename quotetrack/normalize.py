"""Normal forms: statement text (for duplicates), names (for identities) and dates."""

from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass

from quotetrack.errors import ValidationError

_QUOTES = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
        "\u00ab": '"', "\u00bb": '"', "\u2039": "'", "\u203a": "'",
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
        "\u00a0": " ", "\u202f": " ", "\u2009": " ",
    }
)
_SPACE = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """The form two copies of the same words share: NFKC, casefolded, one kind of quote, single spaces.

    Used to spot exact duplicates; never stored in place of what the user typed.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold()
    folded = _SPACE.sub(" ", folded).strip()
    # Surrounding quote marks are typography, not words.
    return folded.strip("\"' ")


def normalize_name(name: str) -> str:
    """A speaker or outlet name folded for matching: ASCII letters, lower case, single spaces.

    Turkish dotted/dotless i, accents, Cyrillic and Arabic letters all fold through anyascii.
    """
    from anyascii import anyascii

    ascii_form = anyascii(unicodedata.normalize("NFC", name.strip())).lower()
    ascii_form = re.sub(r"[^\w\s]", " ", ascii_form)
    return _SPACE.sub(" ", ascii_form).strip()


def clean_label(value: str) -> str:
    """A name as the user meant it: trimmed, inner whitespace collapsed, NFC."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", value)).strip()


# ---------------------------------------------------------------- dates

@dataclass(frozen=True)
class PartialDate:
    """A date known to the year, the month or the day; `iso` keeps exactly that precision."""

    iso: str

    @property
    def precision(self) -> str:
        return {4: "year", 7: "month", 10: "day"}[len(self.iso)]

    @property
    def first_day(self) -> _dt.date:
        parts = [int(p) for p in self.iso.split("-")] + [1, 1]
        return _dt.date(parts[0], parts[1], parts[2])

    @property
    def last_day(self) -> _dt.date:
        year, *rest = [int(p) for p in self.iso.split("-")]
        if not rest:
            return _dt.date(year, 12, 31)
        month = rest[0]
        if len(rest) == 2:
            return _dt.date(year, month, rest[1])
        nxt = _dt.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - _dt.timedelta(days=1)

    def __str__(self) -> str:
        return self.iso


_ISO = re.compile(r"^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?$")
_NUMERIC_DMY = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$")


def parse_date(value: str, field: str = "date") -> PartialDate:
    """Parse '2020', '2020-02', '2020-02-04', '4 February 2020', 'Feb 2020' keeping their precision.

    Raises ValidationError for impossible dates ('2020-02-31') and for all-numeric day/month
    orders that could be read two ways ('04.02.2020').
    """
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, "is empty; give a date like 2020-02-04, 2020-02 or 2020")
    m = _ISO.match(text)
    if m:
        year, month, day = m.group(1), m.group(2), m.group(3)
        try:
            if day:
                d = _dt.date(int(year), int(month), int(day))
                return PartialDate(d.isoformat())
            if month:
                _dt.date(int(year), int(month), 1)
                return PartialDate(f"{int(year):04d}-{int(month):02d}")
            if int(year) < 1:
                raise ValueError
            return PartialDate(f"{int(year):04d}")
        except ValueError:
            raise ValidationError(field, f"'{text}' is not a date") from None
    if _NUMERIC_DMY.match(text):
        raise ValidationError(
            field, f"'{text}' could be read day-first or month-first; write it as YYYY-MM-DD"
        )
    if not re.search(r"[A-Za-z\u00c0-\uffff]", text) or not re.search(r"\d{4}", text):
        raise ValidationError(field, f"'{text}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)")
    from dateutil import parser as date_parser

    try:
        low = date_parser.parse(text, default=_dt.datetime(1, 1, 1))
        high = date_parser.parse(text, default=_dt.datetime(2, 2, 2))
    except (ValueError, OverflowError):
        raise ValidationError(field, f"'{text}' is not a date") from None
    if low.year != high.year:
        raise ValidationError(field, f"'{text}' has no year")
    if low.month != high.month:
        return PartialDate(f"{low.year:04d}")
    if low.day != high.day:
        return PartialDate(f"{low.year:04d}-{low.month:02d}")
    return PartialDate(low.date().isoformat())
