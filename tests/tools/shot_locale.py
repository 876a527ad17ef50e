"""The locale of a screenshot's QGIS (stdlib only): language and number format, as a user sets
them in Settings ▸ Options ▸ General ("Override system locale", "Show group separator").

QGIS omits the thousands separator unless "Show group separator" is on, and reads that option
only with "Override system locale"; without a locale in the environment Qt's is C ("45221").
A shot is taken with the separator on, in ``locale`` or in English (en_US): "45,221 credits",
"45.221 Credits".
"""

from __future__ import annotations

from pathlib import Path

from tests.tools.qgis_desktop import prepare_profile, set_ini_values

ENGLISH = "en_US"


def region_of(locale: str) -> str:
    """``de`` -> ``de_DE``; ``de_AT`` stays."""
    return locale if "_" in locale else f"{locale}_{locale.upper()}"


def prepare_shot_profile(profiles_root: Path, locale: str | None = None) -> dict[str, str]:
    """Prepares the profile for ``locale`` (default English) and returns the environment
    QGIS needs for it."""
    region = region_of(locale or ENGLISH)
    profile = prepare_profile(profiles_root, locale=region)
    ini = profile / "QGIS" / "QGIS3.ini"
    set_ini_values(ini, "locale", {"globalLocale": region, "showGroupSeparator": "true"})
    return {"LANG": f"{region}.UTF-8", "LANGUAGE": region.split("_")[0]}
