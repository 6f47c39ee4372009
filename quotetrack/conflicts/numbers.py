"""Figures in text: digits, number words, hedges and ranges, turned into value intervals.

"more than 520,000 people" -> [520000, inf); "about a dozen" -> [9.6, 14.4]; "seven or eight" ->
[7, 8]. Two figures for the same counted thing conflict only when their intervals cannot overlap.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

INF = math.inf

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}
SHORT_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000,
                "b": 1_000_000_000, "tn": 1_000_000_000_000}
# Vague amounts: plural scale words and collective nouns, as plausible intervals.
VAGUE = {
    "dozens": (24, 99), "scores": (40, 199), "hundreds": (200, 999), "thousands": (2_000, 9_999),
    "millions": (2_000_000, 999_999_999), "billions": (2e9, 999e9), "several": (3, 9),
    "handful": (2, 6), "few": (2, 6), "tens": (20, 99), "couple": (2, 3),
}
# hedge words -> how they widen a value v into an interval
LOWER_BOUND = ("more than", "over", "above", "exceeding", "in excess of", "upwards of",
               "no less than", "no lower than", "not less than",
               "at least", "no fewer than", "no less than", "a minimum of", "well over")
UPPER_BOUND = ("up to", "as many as", "at most", "no more than", "fewer than", "less than",
               "no higher than", "not more than", "not higher than", "no greater than",
               "under", "below", "a maximum of", "just under", "nearly", "almost", "close to")
APPROX = ("about", "around", "approximately", "roughly", "some", "an estimated", "estimated",
          "nearly", "almost", "close to", "circa", "approx", "up to about")


@dataclass(frozen=True)
class Figure:
    """A number as written in text: its interval and where it sits (token positions)."""

    low: float
    high: float
    start: int  # first token of the figure (hedge included)
    end: int  # one past its last token
    hedged: bool
    surface: str

    def overlaps(self, other: "Figure") -> bool:
        return self.low <= other.high and other.low <= self.high

    def describe(self) -> str:
        return self.surface


_DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


# Larger than any count a statement gives (a trillion trillion): such a string is an id or a
# typing accident, not a figure, and would not survive arithmetic as a float.
_TOO_LARGE = 1e24


def _digit_value(token: str) -> float | None:
    if len(token) < 40 and _DIGITS.match(token):
        value = float(token.replace(",", ""))
        return value if value < _TOO_LARGE else None
    return None


def _rounding(value: float, token: str) -> float:
    """Half a unit of the last digit written: 520,000 -> 5,000 (a round number), 80.1 -> 0.05
    (so 80.1 and 80.08 agree)."""
    if "." in token:
        decimals = len(token.rsplit(".", 1)[1])
        return 0.5 * 10 ** -decimals if decimals <= 2 else 0.0
    if value < 100:
        return 0.0
    digits = str(int(value))
    zeros = len(digits) - len(digits.rstrip("0"))
    if zeros < 2:
        return 0.0
    return 0.5 * 10 ** zeros


def _parse_words(tokens: list[str], i: int) -> tuple[float, int] | None:
    """Parse number words from tokens[i:]; returns (value, tokens used) or None."""
    total = 0.0
    current = 0.0
    used = 0
    seen = False
    j = i
    while j < len(tokens):
        word = tokens[j]
        if "-" in word and word.split("-", 1)[0] in TENS and word.split("-", 1)[1] in UNITS:
            current += TENS[word.split("-", 1)[0]] + UNITS[word.split("-", 1)[1]]
        elif word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
            if j + 1 < len(tokens) and tokens[j + 1] == "-" and j + 2 < len(tokens) and tokens[j + 2] in UNITS:
                current += UNITS[tokens[j + 2]]
                j += 2
        elif word in SCALES and seen:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            else:
                total += (current or 1) * scale
                current = 0
        elif (word == "and" and seen and tokens[j - 1] in SCALES and j + 1 < len(tokens)
              and (tokens[j + 1] in UNITS or tokens[j + 1] in TENS)):
            j += 1
            continue
        else:
            break
        seen = True
        j += 1
        used = j - i
    if not seen:
        return None
    return total + current, used


def _hedge_before(tokens: list[str], i: int) -> tuple[str | None, int]:
    """The hedge phrase ending just before position i, and where it starts."""
    for size in (4, 3, 2, 1):
        if i - size < 0:
            continue
        phrase = " ".join(tokens[i - size:i])
        if phrase in LOWER_BOUND or phrase in UPPER_BOUND or phrase in APPROX:
            if phrase == "up to" and i - size > 0 and tokens[i - size - 1] in _MOVED:
                return None, i  # 'revised up to 144,000' is where it went, not a bound
            return phrase, i - size
    return None, i


_MOVED = frozenset("revised raised adjusted rose climbed jumped moved went marked pushed".split())


def _apply_hedge(hedge: str | None, low: float, high: float) -> tuple[float, float]:
    """Widen a figure by its hedge; bounds use the figure as written, not its rounding margin."""
    if hedge is None:
        return low, high
    center = (low + high) / 2 if high != INF else low
    if hedge in ("nearly", "almost", "close to", "just under"):
        return center * 0.85, center
    if hedge in LOWER_BOUND:
        return center, INF  # 'at least 500' excludes 471, round number or not
    if hedge in UPPER_BOUND:
        return 0.0, center
    if hedge in APPROX:
        return min(low, center * 0.8), max(high, center * 1.2)
    return low, high


def find_figures(tokens: list[str]) -> list[Figure]:
    """Every figure in a lowercased token list (see tokenize in features.py)."""
    figures: list[Figure] = []
    i = 0
    n = len(tokens)
    while i < n:
        parsed = _parse_one(tokens, i)
        if parsed is None:
            i += 1
            continue
        low, high, end, exact_token = parsed
        # Ranges: "between 150 and 200", "150 to 200", "150-200", "seven or eight".
        start = i
        if end < n and tokens[end] in ("to", "or", "-", "and") and end + 1 < n:
            second = _parse_one(tokens, end + 1)
            joined = tokens[end] != "and" or (i > 0 and tokens[i - 1] == "between")
            if second is not None and joined and second[0] >= low:
                # the ends of a range are taken as written, without a rounding margin
                first_value = (low + high) / 2
                low = first_value
                high = max(first_value, (second[0] + second[1]) / 2)
                end = second[2]
                if i > 0 and tokens[i - 1] == "between":
                    start = i - 1
        hedge, hedge_start = _hedge_before(tokens, start)
        if hedge:
            start = hedge_start
        low, high = _apply_hedge(hedge, low, high)
        figures.append(Figure(low=low, high=high, start=start, end=end,
                              hedged=bool(hedge) or low != high,
                              surface=" ".join(tokens[start:end])))
        i = end
    return figures


def _parse_one(tokens: list[str], i: int) -> tuple[float, float, int, bool] | None:
    """(low, high, end, exact) for a single figure starting at tokens[i], else None."""
    n = len(tokens)
    word = tokens[i]
    value = _digit_value(word)
    if value is not None:
        end = i + 1
        spread = _rounding(value, word)
        if end < n and (tokens[end] in SCALES or tokens[end] in SHORT_SCALES):
            scale = SCALES.get(tokens[end]) or SHORT_SCALES[tokens[end]]
            decimals = len(word.split(".")[1]) if "." in word else 0
            spread = 0.5 * scale * 10 ** (-decimals) if decimals or scale >= 1000 else 0
            value *= scale
            end += 1
        return value - spread, value + spread, end, spread == 0
    if word == "half" and i + 2 < n and tokens[i + 1] == "a" and tokens[i + 2] in SCALES:
        value = SCALES[tokens[i + 2]] / 2
        return value * 0.9, value * 1.1, i + 3, False
    if word in ("a", "an") and i + 1 < n and tokens[i + 1] in ("dozen", "hundred", "thousand", "million", "billion"):
        base = 12 if tokens[i + 1] == "dozen" else SCALES[tokens[i + 1]]
        if tokens[i + 1] == "dozen":
            return 10, 14, i + 2, False
        return base * 0.9, base * 1.1, i + 2, False
    if word == "dozen" and i > 0 and tokens[i - 1] not in ("a", "half"):
        return 12, 12, i + 1, True
    if word in VAGUE:
        # "dozens of", "hundreds of thousands of", "a few", "several"
        low, high = VAGUE[word]
        end = i + 1
        if end + 1 < n and tokens[end] == "of" and tokens[end + 1] in ("thousands", "millions"):
            factor = 1_000 if tokens[end + 1] == "thousands" else 1_000_000
            low, high = low * factor, high * factor
            end += 2
        if word in ("few", "couple", "handful") and not (i > 0 and tokens[i - 1] == "a"):
            return None
        return low, high, end, False
    words = _parse_words(tokens, i)
    if words is not None:
        value, used = words
        return value, value, i + used, True
    return None
