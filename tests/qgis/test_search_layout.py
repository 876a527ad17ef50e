"""Results first: in the dock as QGIS opens it at 1600×1000 (the panel measured there by
tests/tools/screenshots/search_shot.sh: 458 × 819 px), with every collection checked, a real
search's table shows at least 10 rows, its Date, Collection, Cloud and GSD columns fit without
scrolling sideways, and nothing scrolls inside the panel but the table.

The panel gets the desktop's font (QGIS 3.22 under Xvfb: "Sans Serif" 9 pt, as the screenshot
script logs); the offscreen platform's 12 pt default would measure another screen."""

from __future__ import annotations

from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import QScrollArea

from tests.qgis.support import prepare, search_and_wait
from up42_qgis.gui.results_model import COLUMNS

PANEL_SIZE = (458, 819)  # the Search tab in the default-width dock of a 1600×1000 QGIS
READABLE = ("date", "collection", "cloud", "resolution")
DESKTOP_FONT = ("Sans Serif", 9)


def test_ten_result_rows_with_every_collection_checked(panel, qtbot):
    panel.setFont(QFont(*DESKTOP_FONT))
    panel.resize(*PANEL_SIZE)
    prepare(panel, page_size=40)
    assert len(panel.filters.selected_collections()) >= 4
    search_and_wait(qtbot, panel)
    view = panel.results
    assert view.model.rowCount() >= 12
    # A selection across collections, as a user about to order has (the order bar grows).
    view.select_scene_ids([view.model.scene_at(row).id for row in (1, 4, 6)])
    panel.resize(*PANEL_SIZE)  # again, now that the desktop font has shrunk the minimum
    qtbot.wait(50)
    assert panel.width() == PANEL_SIZE[0], panel.minimumSizeHint()
    table = view.table
    rows_visible = table.viewport().height() / table.rowHeight(0)
    assert rows_visible >= 10, f"{rows_visible:.1f} rows visible"
    assert len(view.visible_rows()) >= 10

    width = table.viewport().width()
    for name in READABLE:
        column = COLUMNS.index(name)
        right = table.columnViewportPosition(column) + table.columnWidth(column)
        assert right <= width, f"{name} ends at {right} px of {width}"
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), name

    assert panel.findChildren(QScrollArea) == []
