"""Numbers as the user reads them, the same in the dock and in Processing."""

from __future__ import annotations

from qgis.PyQt.QtCore import QLocale

UNKNOWN = "–"  # a credit amount nobody could tell (no estimate, a refused scene)


def format_credits(value: float | None) -> str:
    """Credits in the user's locale: whole numbers without decimals, others with two."""
    if value is None:
        return UNKNOWN
    number = float(value)
    decimals = 0 if number.is_integer() else 2
    return str(QLocale().toString(number, "f", decimals))


def format_number(value: float | None) -> str:
    """A limit or measurement in the user's locale: whole numbers without decimals, others
    with up to six significant digits."""
    if value is None:
        return UNKNOWN
    number = float(value)
    if number.is_integer():
        return str(QLocale().toString(number, "f", 0))
    return str(QLocale().toString(number, "g", 6))


def format_area(km2: float | None) -> str:
    """An area in km² in the user's locale, the same wherever the plugin shows one (the AOI
    in the search panel and the order dialog, a plan's parts): whole km² from 100 km², one
    decimal from 1 km², three below."""
    if km2 is None:
        return UNKNOWN
    value = float(km2)
    decimals = 0 if value >= 100 else 1 if value >= 1 else 3
    return f"{QLocale().toString(value, 'f', decimals)} km²"
