"""Numbers as the user reads them, the same in the dock and in Processing: every credit
amount, area, percentage, count and file size goes through the user's locale here (a German
user reads "13.462" where an English one reads "13,462"), never through an f-string."""

from __future__ import annotations

from qgis.PyQt.QtCore import QLocale

from ..i18n import tr

UNKNOWN = "–"  # a credit amount nobody could tell (no estimate, a refused scene)
# UP42's stated rate: 100 credits = 1 EUR. Shown only as an estimate (prices are in credits).
CREDITS_PER_EUR = 100.0


def format_number(value: float, decimals: int = 0) -> str:
    """A number with the locale's group and decimal separators, ``decimals`` fixed places."""
    return str(QLocale().toString(float(value), "f", max(0, int(decimals))))


def format_decimal(value: float) -> str:
    """A number with only the decimals it has ("0,5", "1.500"): for what the user typed."""
    return str(QLocale().toString(float(value), "g", 12))


def format_count(value: int) -> str:
    """A whole number (count of scenes, orders, vertices) with the locale's grouping."""
    return format_number(int(value), 0)


def format_credits(value: float | None) -> str:
    """Credits in the user's locale: whole numbers without decimals, others with two."""
    if value is None:
        return UNKNOWN
    number = float(value)
    decimals = 0 if number.is_integer() else 2
    return format_number(number, decimals)


def format_euros_estimate(credits: float | None) -> str:
    """Credits as approximate euros, clearly marked: "≈ 1,35 € (estimate)" ("" when unknown)."""
    if credits is None:
        return ""
    euros = format_number(float(credits) / CREDITS_PER_EUR, 2)
    return tr("≈ {euros} € (estimate)").format(euros=euros)


def format_credits_with_euros(value: float | None) -> str:
    """ "13,462 credits (≈ 134.62 € (estimate))" in the user's locale; "–" when unknown."""
    if value is None:
        return UNKNOWN
    return tr("{credits} credits ({euros})").format(
        credits=format_credits(value), euros=format_euros_estimate(value)
    )


def format_area_km2(km2: float | None) -> str:
    """An area in km² with as many decimals as a reader needs (no unit; "" when unknown):
    whole km² from 100, one decimal from 1, three below."""
    if km2 is None:
        return ""
    value = float(km2)
    if abs(value) >= 100:
        return format_number(value, 0)
    if abs(value) >= 1:
        return format_number(value, 1)
    return format_number(value, 3)


def format_percent(value: float | None, decimals: int = 1) -> str:
    """A percentage with its sign in the locale's way ("12,5 %" in German); "" when unknown."""
    if value is None:
        return ""
    return tr("{number} %").format(number=format_number(value, decimals))


def format_size(size_bytes: int | float | None) -> str:
    """A file size in the locale's units and separators ("1,5 MB"); "" when unknown."""
    if size_bytes is None:
        return ""
    return str(
        QLocale().formattedDataSize(
            int(size_bytes), 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
        )
    )


def format_limit(value: float | None) -> str:
    """A limit or measurement from a schema in the user's locale: whole numbers without
    decimals, others with up to six significant digits ("–" when unknown)."""
    if value is None:
        return UNKNOWN
    number = float(value)
    if number.is_integer():
        return format_number(number, 0)
    return str(QLocale().toString(number, "g", 6))


def format_area(km2: float | None) -> str:
    """An area with its unit, the same wherever the plugin shows one (the AOI in the search
    panel and the order dialog, a plan's parts): "3.852 km²"; "–" when unknown."""
    if km2 is None:
        return UNKNOWN
    return f"{format_area_km2(km2)} km²"
