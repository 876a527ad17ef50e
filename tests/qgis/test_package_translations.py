"""The plugin speaks the QGIS locale: its translator loads the compiled German .qm."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from qgis.core import QgsSettings

import up42_qgis
from up42_qgis.i18n import tr

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = "Search, order and download UP42 imagery"
GERMAN = "UP42-Bilddaten suchen, bestellen und herunterladen"


@pytest.fixture
def german_locale(qgis_app) -> Iterator[None]:
    """What QGIS desktop does at start: the UI locale in ``locale/userLocale``."""
    # The .qm files are built, not committed: build them the way `make` does.
    subprocess.run(
        ["/usr/bin/python3", "tests/tools/update_translations.py", "--compile-only"],
        cwd=ROOT,
        check=True,
    )
    settings = QgsSettings()
    previous = settings.value("locale/userLocale")
    settings.setValue("locale/userLocale", "de_DE")
    yield
    if previous is None:
        settings.remove("locale/userLocale")
    else:
        settings.setValue("locale/userLocale", previous)


def test_plugin_translator_loads_german_and_leaves_with_unload(iface, german_locale) -> None:
    assert tr(ENGLISH) == ENGLISH
    plugin = up42_qgis.classFactory(iface)
    try:
        assert plugin.translator is not None
        assert tr(ENGLISH) == GERMAN
        plugin.initGui()
        assert plugin.action.toolTip() == GERMAN
    finally:
        plugin.unload()
    assert tr(ENGLISH) == ENGLISH


def test_unknown_locale_keeps_english(iface, german_locale) -> None:
    QgsSettings().setValue("locale/userLocale", "xx_XX")
    plugin = up42_qgis.classFactory(iface)
    try:
        assert plugin.translator is None
        assert tr(ENGLISH) == ENGLISH
    finally:
        plugin.unload()
