"""Numbers through the user's locale (issue 16 point 11): a German user reads "13.462" for
thirteen thousand credits, never "13,462" (which reads as 13.46), and counts in sentences use
Qt's plural forms."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from qgis.PyQt.QtCore import QLocale

from up42_qgis.api.models import Estimate, OrderRequest
from up42_qgis.gui.aoi import _problem_text
from up42_qgis.gui.order_dialog import OrderDialog, OrderLine
from up42_qgis.gui.results_model import _number
from up42_qgis.i18n import tr
from up42_qgis.toolbelt import formatting


@pytest.fixture
def german() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def english() -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


def test_credits_areas_percentages_and_sizes_in_german(german) -> None:
    assert formatting.format_credits(13462) == "13.462"
    assert formatting.format_credits(13.5) == "13,50"
    assert formatting.format_credits(None) == "–"
    assert formatting.format_euros_estimate(135) == "≈ 1,35 € (estimate)"
    assert formatting.format_credits_with_euros(13462) == ("13.462 credits (≈ 134,62 € (estimate))")
    assert formatting.format_area_km2(3852.15) == "3.852"
    assert formatting.format_area_km2(12.34) == "12,3"
    assert formatting.format_area_km2(0.25) == "0,250"
    assert formatting.format_percent(12.5) == "12,5 %"
    assert formatting.format_count(28336979) == "28.336.979"
    assert formatting.format_decimal(0.5) == "0,5"
    assert formatting.format_size(1536 * 1024) == "1,5 MB"
    assert _number(12.5, 1) == "12,5"  # the results table's cloud and GSD columns


def test_the_same_numbers_in_english(english) -> None:
    assert formatting.format_credits(13462) == "13,462"
    assert formatting.format_euros_estimate(135) == "≈ 1.35 € (estimate)"
    assert formatting.format_area_km2(3852.15) == "3,852"


def test_the_aoi_limits_read_in_german(german) -> None:
    text = _problem_text("TOO_LARGE", {"area_km2": 481728646.0, "limit": 5000000})
    assert "481.728.646 km²" in text
    assert "5.000.000 km²" in text


def test_plural_forms_through_qt(english) -> None:
    assert tr("%Ln order(s) placed.", "", 1) == "1 order placed."
    assert tr("%Ln order(s) placed.", "", 2) == "2 orders placed."
    assert tr("%Ln order(s) placed.", "", 0) == "0 orders placed."
    assert tr("%Ln scene(s)", "", 1234) == "1,234 scenes"


def test_the_order_confirmation_in_german(german, order_context, qtbot) -> None:
    request = OrderRequest("product-1", "scene-1", {"type": "Polygon"}, "SPOT 2026-09-13")
    line = OrderLine(request, "SPOT", "Display", Estimate("scene-1", credits=13462.0))
    dialog = OrderDialog(order_context, [line], aoi_area_km2=3852.15)
    qtbot.addWidget(dialog)
    summary = dialog.summary.text()
    assert "3.852 km²" in summary
    assert "13.462 credits" in summary
    assert "≈ 134,62 € (estimate)" in summary
    assert dialog.table.item(0, 2).text() == "13.462"
    dialog._show_results([])
    assert dialog.status.text().startswith("0 orders placed.")


@pytest.fixture
def german_translator(german) -> Iterator[None]:
    """The plugin's compiled German translation, installed as the plugin installs it."""
    import subprocess
    from pathlib import Path

    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    root = Path(__file__).resolve().parents[2]
    subprocess.run(
        ["/usr/bin/python3", "tests/tools/update_translations.py", "--compile-only"],
        cwd=root,
        check=True,
    )
    translator = QTranslator()
    assert translator.load(str(root / "i18n" / "up42_qgis_de.qm"))
    QCoreApplication.installTranslator(translator)
    yield
    QCoreApplication.removeTranslator(translator)


def test_plural_forms_and_euros_in_german(german_translator) -> None:
    from up42_qgis.i18n import tr

    assert tr("%Ln scene(s)", "", 1) == "1 Szene"
    assert tr("%Ln scene(s)", "", 2) == "2 Szenen"
    assert tr("%Ln scene(s)", "", 1234) == "1.234 Szenen"
    assert tr("%Ln order(s) placed: {ids}", "", 1).startswith("1 Bestellung aufgegeben")
    assert formatting.format_credits_with_euros(13462) == (
        "13.462 Credits (≈ 134,62 €, geschätzt)"
    )
