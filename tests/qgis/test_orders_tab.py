"""The Orders tab at the dock's default width (issue 16, point 13): names elided in the
middle with the full name in the tooltip, newest first, a filtered-away order's details and
buttons hidden, an empty state, credits in the one format and sorted as numbers."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import Qt

from tests.qgis.support import STAY_DWELL, WAIT_MS, order_request, orderable_scenes
from up42_qgis.gui.orders_panel import OrdersPanel
from up42_qgis.gui.orders_rows import CREATED_COLUMN, CREDITS_COLUMN
from up42_qgis.toolbelt.formatting import format_credits


@pytest.fixture
def panel(order_context, qtbot) -> OrdersPanel:
    widget = OrdersPanel(order_context)
    widget.resize(440, 700)  # the dock's default width at 1600×1000 (462 px)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget._list_task is None, timeout=WAIT_MS)
    return widget


def _reload(panel: OrdersPanel, qtbot) -> None:
    assert panel.refresh()
    qtbot.waitUntil(lambda: panel._list_task is None, timeout=WAIT_MS)


def _place(order_context, sandbox, names: list[str]) -> list[str]:
    client = order_context.clients.client()
    sandbox.configure(dwell=STAY_DWELL)
    scenes, collections = orderable_scenes(client, len(names))
    ids = []
    for name, scene in zip(names, scenes, strict=True):
        placed = client.place_order(order_request(scene, collections, name))
        assert placed.order_id, placed.error
        ids.append(placed.order_id)
    return ids


def _visible_ids(panel: OrdersPanel) -> list[str]:
    return [
        panel.table.item(row, 0).data(Qt.ItemDataRole.UserRole + 1)
        for row in range(panel.table.rowCount())
        if not panel.table.isRowHidden(row)
    ]


def test_newest_first_and_long_names_elided_in_the_middle(
    panel, order_context, sandbox_account, qtbot
):
    long_name = "Pléiades Neo 2026-09-13 5df4b030 · part 1/2 (QGIS 2026-12-02 16:14:23)"
    ids = _place(order_context, sandbox_account, ["B older", "A middle", long_name])

    _reload(panel, qtbot)

    assert _visible_ids(panel) == list(reversed(ids))  # newest first, not by name
    assert panel.table.textElideMode() == Qt.TextElideMode.ElideMiddle
    row = panel._row_of(ids[2])
    item = panel.table.item(row, 0)
    assert long_name in item.toolTip()
    # The placement stamp is the Created column's time again: the column leaves it out.
    assert item.text() == "Pléiades Neo 2026-09-13 5df4b030 · part 1/2"
    assert ids[2] in item.toolTip()
    # The name column gets the room the others leave, readable at the default width, and
    # the status is never cut.
    table = panel.table
    assert table.columnWidth(0) >= 0.35 * table.viewport().width()
    status_width = table.fontMetrics().horizontalAdvance(table.item(row, 1).text())
    assert table.columnWidth(1) > status_width  # "Created": never cut
    # The time placed is in the tooltip; the header's menu brings its column back.
    assert "Placed: " in item.toolTip()
    assert table.isColumnHidden(CREATED_COLUMN)
    [created] = [a for a in table.horizontalHeader().actions() if a.text() == "Created"]
    created.trigger()
    assert not table.isColumnHidden(CREATED_COLUMN)
    assert table.item(row, CREATED_COLUMN).text()


def test_a_filtered_away_order_shows_no_details_and_no_buttons(
    panel, order_context, sandbox_account, qtbot
):
    [order_id] = _place(order_context, sandbox_account, ["Filtered away"])
    _reload(panel, qtbot)
    assert panel.select_order(order_id)
    assert panel.detail.isVisible()
    assert panel.cancel_button.isVisible()

    panel.filter_combo.setCurrentIndex(panel.filter_combo.findText("Fulfilled"))

    assert panel.selected_order() is None
    assert not panel.detail.isVisible()
    assert not panel.cancel_button.isVisible()
    assert not panel.auto_download.isVisible()
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == "No fulfilled orders"


def test_empty_states(panel, order_context, sandbox_account, qtbot):
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == "No orders in this workspace yet."
    assert not panel.table.isVisible()

    [order_id] = _place(order_context, sandbox_account, ["Soon cancelled"])
    _reload(panel, qtbot)
    assert panel.table.isVisible()
    assert not panel.empty_label.isVisible()

    order_context.clients.client().cancel_order(order_id)
    _reload(panel, qtbot)
    panel.filter_combo.setCurrentIndex(panel.filter_combo.findText("Open"))
    assert panel.empty_label.isVisible()
    assert panel.empty_label.text() == "No open orders"


def test_credits_in_one_format_and_sorted_as_numbers(
    panel, order_context, sandbox_account, qtbot
):
    ids = _place(order_context, sandbox_account, ["Cheap", "Dear"])
    order_context.state.set_note(ids[0], credits=980)
    order_context.state.set_note(ids[1], credits=13462)
    _reload(panel, qtbot)

    texts = {i: panel.table.item(panel._row_of(i), CREDITS_COLUMN).text() for i in ids}
    assert texts == {ids[0]: format_credits(980), ids[1]: format_credits(13462)}
    panel.table.sortByColumn(CREDITS_COLUMN, Qt.SortOrder.DescendingOrder)
    assert _visible_ids(panel) == [ids[1], ids[0]]
