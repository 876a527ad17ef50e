"""The Orders tab against the sandbox: every order of the workspace, filters, failures shown
clearly, cancel where UP42 allows it."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import Qt

from tests.qgis.support import (
    QUICK_DWELL,
    STAY_DWELL,
    WAIT_MS,
    orderable_scenes,
    place_directly,
    requests_to,
)
from up42_qgis.gui.orders_panel import FAILED_COLOUR, OrdersPanel


@pytest.fixture
def panel(order_context, qtbot) -> OrdersPanel:
    widget = OrdersPanel(order_context)
    qtbot.addWidget(widget)
    return widget


def _load(panel: OrdersPanel, qtbot, ids) -> None:
    assert panel.refresh()
    qtbot.waitUntil(lambda: set(ids) <= set(panel.orders), timeout=WAIT_MS)


def _row(panel: OrdersPanel, order_id: str) -> dict:
    row = panel._row_of(order_id)
    assert row >= 0
    return {
        "name": panel.table.item(row, 0).text(),
        "status": panel.table.item(row, 1),
        "product": panel.table.item(row, 3).text(),
        "hidden": panel.table.isRowHidden(row),
    }


def test_lists_every_order_with_status_product_and_filter(
    panel, order_context, sandbox_account, qtbot
):
    client = order_context.clients.client()
    sandbox_account.configure(dwell=STAY_DWELL)
    scenes, collections = orderable_scenes(client, 2)
    # Placed elsewhere (not through the plugin, not tracked): still listed.
    ids = place_directly(client, scenes, collections, "Panel listed")
    _load(panel, qtbot, ids)
    for number, order_id in enumerate(ids):
        row = _row(panel, order_id)
        assert row["name"] == f"Panel listed {number}"
        assert row["status"].text() == "Created"
        assert row["product"]  # the data product's title from the glossary
    assert panel.filter_combo.count() >= 4
    panel.filter_combo.setCurrentIndex(panel.filter_combo.findText("Fulfilled"))
    assert all(_row(panel, i)["hidden"] for i in ids)
    panel.filter_combo.setCurrentIndex(panel.filter_combo.findText("Open"))
    assert not any(_row(panel, i)["hidden"] for i in ids)


def test_placement_failed_and_failed_permanently_are_shown_and_handled(
    panel, order_context, sandbox_account, qtbot, monkeypatch
):
    client = order_context.clients.client()
    scenes, collections = orderable_scenes(client, 2)
    sandbox_account.configure(
        dwell=QUICK_DWELL,
        force_status={scenes[0].id: "PLACEMENT_FAILED", scenes[1].id: "FAILED_PERMANENTLY"},
    )
    placement_failed, failed_permanently = place_directly(client, scenes, collections, "Panel fail")
    qtbot.waitUntil(
        lambda: (
            client.order(failed_permanently).status == "FAILED_PERMANENTLY"
            and client.order(placement_failed).status == "PLACEMENT_FAILED"
        ),
        timeout=WAIT_MS,
    )
    _load(panel, qtbot, [placement_failed, failed_permanently])

    for order_id, label in (
        (placement_failed, "Placement failed"),
        (failed_permanently, "Failed permanently"),
    ):
        status = _row(panel, order_id)["status"]
        assert status.text() == label
        assert status.foreground().color() == FAILED_COLOUR
        assert not status.icon().isNull()
        panel.select_order(order_id)
        assert "No credits are charged" in panel.detail.text()

    panel.select_order(failed_permanently)
    assert not panel.cancel_button.isEnabled()
    assert not panel.auto_download.isEnabled()
    panel.select_order(placement_failed)
    assert panel.cancel_button.isEnabled()  # the way out of PLACEMENT_FAILED
    assert panel.auto_download.isEnabled()  # not final: UP42 may resolve it, then it downloads

    monkeypatch.setattr(panel, "confirm_cancel", lambda order: True)
    sandbox_account.clear_log()
    qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.orders[placement_failed].status == "CANCELED", timeout=WAIT_MS)
    assert (
        len(
            requests_to(
                sandbox_account.request_log(), "POST", f"/v2/orders/{placement_failed}/cancellation"
            )
        )
        == 1
    )
    assert client.order(placement_failed).status == "CANCELED"
    assert _row(panel, placement_failed)["status"].text() == "Cancelled"


def test_cancel_asks_first_and_cancels_a_created_order(
    panel, order_context, sandbox_account, qtbot, monkeypatch
):
    client = order_context.clients.client()
    sandbox_account.configure(dwell=STAY_DWELL)
    scenes, collections = orderable_scenes(client, 1)
    [order_id] = place_directly(client, scenes, collections, "Panel cancel")
    order_context.tracker.track([order_id], fast=False)
    _load(panel, qtbot, [order_id])
    panel.select_order(order_id)
    assert panel.cancel_button.isEnabled()

    answers = []
    monkeypatch.setattr(panel, "confirm_cancel", lambda order: answers.append(order.id) or False)
    assert not panel.cancel_selected()  # "No": nothing sent
    assert answers == [order_id]
    assert client.order(order_id).status == "CREATED"

    monkeypatch.setattr(panel, "confirm_cancel", lambda order: True)
    assert panel.cancel_selected()
    assert not panel.cancel_button.isEnabled()  # no second cancel while the first runs
    qtbot.waitUntil(lambda: panel.orders[order_id].status == "CANCELED", timeout=WAIT_MS)
    assert client.order(order_id).status == "CANCELED"
    assert order_id not in order_context.tracker.tracked_ids


def test_a_refused_cancel_shows_the_servers_message(
    panel, order_context, sandbox_account, qtbot, monkeypatch
):
    client = order_context.clients.client()
    sandbox_account.configure(dwell=STAY_DWELL)
    scenes, collections = orderable_scenes(client, 1)
    [order_id] = place_directly(client, scenes, collections, "Panel refused")
    _load(panel, qtbot, [order_id])
    panel.select_order(order_id)
    # UP42 moved it on meanwhile: the cancel is refused with 409 and its own message.
    sandbox_account.force_order_status(order_id, "PLACED")
    monkeypatch.setattr(panel, "confirm_cancel", lambda order: True)
    assert panel.cancel_selected()
    qtbot.waitUntil(lambda: "Could not cancel" in panel.message.text(), timeout=WAIT_MS)
    assert client.order(order_id).status == "PLACED"


def test_download_when_fulfilled_is_offered_for_open_orders(
    panel, order_context, sandbox_account, qtbot
):

    client = order_context.clients.client()
    sandbox_account.configure(dwell=STAY_DWELL)
    scenes, collections = orderable_scenes(client, 1)
    [order_id] = place_directly(client, scenes, collections, "Panel auto")
    _load(panel, qtbot, [order_id])
    panel.select_order(order_id)
    assert panel.auto_download.isEnabled()
    panel.auto_download.setChecked(True)
    tracker = order_context.tracker
    assert order_context.flow.auto_download(order_id)
    assert order_id in tracker.tracked_ids
