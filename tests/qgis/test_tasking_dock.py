"""Tasking in the dock, against the sandbox: the Orders tab shows the feasibility options and
the quotation price, asks before every decision, sends each once; the delivery loads and the
coverage goes on the map. The "New tasking order" form itself: test_tasking_form.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from qgis.core import Qgis, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QSpinBox,
)

from tests.qgis.support import WAIT_MS, messages, posts, running_tasks, wait_or_explain
from tests.qgis.tasking_dock_support import (
    open_form,
    patches,
    place,
    set_window,
    wait_sub_status,
    yes,
)
from tests.unit.api.tasking_support import PRIORITY, SITE, STANDARD, today
from up42_qgis.api.models import OrderStatus
from up42_qgis.api.order_status import OrderSubStatus
from up42_qgis.gui.orders_panel import OrdersPanel
from up42_qgis.layers.coverage import COVERAGE_PROPERTY
from up42_qgis.toolbelt.constants import LAYER_GROUP_NAME


def test_form_place_accept_option_and_quotation_then_the_delivery_loads(
    qtbot, orders_panel, order_context, sandbox_account, answers, iface
):
    dialog = open_form(qtbot, orders_panel, STANDARD)
    editors = dialog.form.editors
    # The schema as widgets: typed editors, limits, defaults, required marks, tooltips.
    assert isinstance(editors["acquisitionStart"], QDateTimeEdit)
    cloud = editors["maxCloudCover"]
    assert isinstance(cloud, QSpinBox)
    assert (cloud.minimum(), cloud.maximum(), cloud.value()) == (0, 100, 20)
    assert isinstance(editors["maxIncidenceAngle"], QDoubleSpinBox)
    mode = editors["acquisitionMode"]
    assert isinstance(mode, QComboBox)
    assert [mode.itemText(i) for i in range(mode.count())] == ["mono", "stereo", "tristereo"]
    assert isinstance(editors["pansharpened"], QCheckBox)
    assert editors["pansharpened"].isChecked()
    assert isinstance(editors["displayName"], QLineEdit)
    assert "Off-nadir limit" in editors["maxIncidenceAngle"].toolTip()
    assert "geometry" not in editors
    assert dialog.geometry == SITE  # the Search tab's AOI
    set_window(dialog)
    dialog.form.set_value("displayName", "Dock tasking")
    dialog.form.set_value("acquisitionMode", "stereo")
    dialog.auto_download.setChecked(True)

    order_id = place(qtbot, dialog, answers)
    (question,) = answers.asked
    assert "Dock tasking" in question
    assert "Nothing is charged until you accept the quotation" in question
    first = today() + timedelta(days=1)
    last = first + timedelta(days=10)
    assert f"{first.isoformat()} 00:00 to {last.isoformat()} 00:00 (UTC)" in question
    (sent,) = posts(sandbox_account.request_log(), "/v2/orders")
    assert sent["status"] == 200
    details = next(o for o in sandbox_account.orders() if o["id"] == order_id)["orderDetails"]
    assert details["acquisitionMode"] == "stereo"
    assert details["maxCloudCover"] == 20
    assert details["pansharpened"] is True
    assert details["acquisitionStart"].startswith((today() + timedelta(days=1)).isoformat())
    assert not dialog.place_button.isEnabled()  # placed once
    assert not dialog.place()

    # The feasibility study: the tracker says so, the panel shows the options.
    order = wait_sub_status(
        qtbot, order_context, order_id, OrderSubStatus.FEASIBILITY_WAITING_RESPONSE
    )
    warnings = messages(iface, Qgis.MessageLevel.Warning)
    assert any("Dock tasking" in m for m in warnings)
    qtbot.waitUntil(lambda: order_id in orders_panel.orders, timeout=WAIT_MS)
    assert orders_panel.select_order(order_id)
    decision = orders_panel.decision
    qtbot.waitUntil(lambda: decision.study is not None, timeout=WAIT_MS)
    assert decision.isVisibleTo(orders_panel)
    assert "Feasibility study: your decision" in decision.status.text()
    assert decision.options.count() == 2
    assert not decision.accept_option_button.isEnabled()  # nothing chosen yet
    decision.options.setCurrentRow(1)
    assert decision.accept_option_button.isEnabled()
    answers.asked.clear()
    answers.replies.append(QMessageBox.StandardButton.No)
    assert not decision.accept_option()  # the user said no: nothing sent
    assert len(answers.asked) == 1
    assert not patches(sandbox_account)
    yes(answers)
    assert decision.accept_option()
    assert "Option 2" in answers.asked[-1]
    assert "No credits are charged now" in answers.asked[-1]

    # The quotation: the price shown, asked with the credits, accepted once.
    wait_sub_status(qtbot, order_context, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    qtbot.waitUntil(lambda: decision.quotation is not None, timeout=WAIT_MS)
    assert len(patches(sandbox_account)) == 1
    quotation = decision.quotation
    assert quotation is not None
    assert quotation.credits_price
    price_text = decision.info.text()
    assert "credits" in price_text
    assert decision.accept_button.isEnabled()
    yes(answers)
    assert decision.accept_quotation()
    question = answers.asked[-1]
    assert "credits will be charged" in question
    from up42_qgis.toolbelt.formatting import format_credits

    assert format_credits(quotation.credits_price) in question
    qtbot.waitUntil(
        lambda: (
            getattr(order_context.tracker.last_orders.get(order_id), "status", None)
            == OrderStatus.FULFILLED
        ),
        timeout=WAIT_MS,
    )
    assert len(patches(sandbox_account)) == 2
    assert order.is_tasking

    # The delivery loads like an archive delivery; the coverage is on the map.
    def layers():
        group = QgsProject.instance().layerTreeRoot().findGroup(LAYER_GROUP_NAME)
        return [node.layer() for node in group.findLayers()] if group else []

    qtbot.waitUntil(
        lambda: any(isinstance(layer, QgsRasterLayer) for layer in layers()), timeout=WAIT_MS
    )
    qtbot.waitUntil(
        lambda: any(layer.customProperty(COVERAGE_PROPERTY) == order_id for layer in layers()),
        timeout=WAIT_MS,
    )
    coverage = next(
        layer for layer in layers() if layer.customProperty(COVERAGE_PROPERTY) == order_id
    )
    assert isinstance(coverage, QgsVectorLayer)
    parts = {f["part"]: f["percentage"] for f in coverage.getFeatures()}
    assert parts["covered"] == pytest.approx(100, abs=0.5)
    assert len(answers.asked) == 3  # option (no), option (yes), quotation: nothing more


def test_reject_asks_and_the_order_ends_cancelled(
    qtbot, orders_panel, order_context, sandbox_account, answers
):
    dialog = open_form(qtbot, orders_panel, PRIORITY)
    set_window(dialog)
    dialog.form.set_value("displayName", "Dock tasking reject")
    order_id = place(qtbot, dialog, answers)
    wait_sub_status(qtbot, order_context, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    qtbot.waitUntil(lambda: order_id in orders_panel.orders, timeout=WAIT_MS)
    orders_panel.select_order(order_id)
    decision = orders_panel.decision
    qtbot.waitUntil(lambda: decision.quotation is not None, timeout=WAIT_MS)
    assert decision.study is None
    row = orders_panel._row_of(order_id)
    assert orders_panel.table.item(row, 1).text() == "Created · Quotation: your decision"
    yes(answers)
    assert decision.reject_quotation()
    assert "nothing is charged" in answers.asked[-1]
    qtbot.waitUntil(
        lambda: (
            getattr(order_context.tracker.last_orders.get(order_id), "status", None)
            == OrderStatus.CANCELED
        ),
        timeout=WAIT_MS,
    )
    assert len(patches(sandbox_account)) == 1
    assert order_context.tracker.last_orders[order_id].sub_status == (
        OrderSubStatus.QUOTATION_REJECTED
    )


def test_a_quotation_decided_elsewhere_is_a_clear_message(
    qtbot, orders_panel, order_context, sandbox_account, answers
):
    dialog = open_form(qtbot, orders_panel, PRIORITY)
    set_window(dialog)
    order_id = place(qtbot, dialog, answers)
    wait_sub_status(qtbot, order_context, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    qtbot.waitUntil(lambda: order_id in orders_panel.orders, timeout=WAIT_MS)
    orders_panel.select_order(order_id)
    decision = orders_panel.decision
    qtbot.waitUntil(lambda: decision.quotation is not None, timeout=WAIT_MS)
    sandbox_account.console_decide_quotation(order_id, "REJECTED")
    yes(answers)
    assert decision.accept_quotation()
    qtbot.waitUntil(lambda: "Decided already" in decision.message.text(), timeout=WAIT_MS)
    assert not patches(sandbox_account)


def test_an_expired_quotation_is_a_clear_message(
    qtbot, orders_panel, order_context, sandbox_account, answers
):
    dialog = open_form(qtbot, orders_panel, PRIORITY)
    set_window(dialog)
    order_id = place(qtbot, dialog, answers)
    wait_sub_status(qtbot, order_context, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    qtbot.waitUntil(lambda: order_id in orders_panel.orders, timeout=WAIT_MS)
    orders_panel.select_order(order_id)
    decision = orders_panel.decision
    qtbot.waitUntil(lambda: decision.quotation is not None, timeout=WAIT_MS)
    sandbox_account.configure(quotation_expired=True)
    yes(answers)
    assert decision.accept_quotation()
    qtbot.waitUntil(lambda: "The quotation expired" in decision.message.text(), timeout=WAIT_MS)
    (refused,) = patches(sandbox_account)  # sent once, refused by UP42, not retried
    assert refused["status"] in (409, 410)
    (quotation,) = order_context.clients.client().quotations([order_id])
    assert quotation.is_pending


def test_archive_orders_have_no_tasking_box(orders_panel):
    from up42_qgis.api.models import Order

    archive = Order.from_json({"id": "a", "status": "PLACED", "orderDetails": {}})
    orders_panel.decision.show_order(archive)
    assert not orders_panel.decision.isVisibleTo(orders_panel)
    preparing = Order.from_json(
        {
            "id": "t",
            "type": "TASKING",
            "status": "CREATED",
            "orderDetails": {"subStatus": "QUOTATION_WAITING_UPLOAD"},
        }
    )
    orders_panel.decision.show_order(preparing)
    assert orders_panel.decision.isVisibleTo(orders_panel)
    assert orders_panel.decision.info.text() == (
        "Quotation in preparation: UP42 is working on it; the plugin checks regularly."
    )
    assert not orders_panel.decision.accept_button.isVisibleTo(orders_panel)


def test_an_access_restricted_product_points_to_the_access_request(
    qtbot, orders_panel, sandbox_account, answers
):
    dialog = open_form(qtbot, orders_panel, PRIORITY)
    product = dialog.product
    assert product is not None
    sandbox_account.configure(licence_refused_at_placement={product.product.id: "restricted"})
    set_window(dialog)
    yes(answers)
    assert dialog.place()
    qtbot.waitUntil(lambda: "not placed" in dialog.message.text(), timeout=WAIT_MS)
    assert "Request access" in dialog.message.text()
    assert dialog.order_id is None
    assert sandbox_account.orders() == []
    assert dialog.place_button.isEnabled()  # the user may try again after the access request


def test_partial_imagery_shows_the_covered_part_and_the_remainder(
    qtbot, orders_panel, order_context, sandbox_account, answers
):
    sandbox_account.configure(tasking_partial_coverage=0.6)
    dialog = open_form(qtbot, orders_panel, PRIORITY)
    set_window(dialog)
    order_id = place(qtbot, dialog, answers)
    wait_sub_status(qtbot, order_context, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    qtbot.waitUntil(lambda: order_id in orders_panel.orders, timeout=WAIT_MS)
    orders_panel.select_order(order_id)
    decision = orders_panel.decision
    qtbot.waitUntil(lambda: decision.quotation is not None, timeout=WAIT_MS)
    yes(answers)
    assert decision.accept_quotation()

    def coverage_layers():
        return [
            layer
            for layer in QgsProject.instance().mapLayers().values()
            if layer.customProperty(COVERAGE_PROPERTY) == order_id
        ]

    def state() -> str:
        tracker = order_context.tracker
        order = tracker.last_orders.get(order_id)
        return (
            f"order {getattr(order, 'status', None)}/{getattr(order, 'sub_status', None)}, "
            f"tracked {tracker.is_tracked(order_id)}, polls {tracker.polls}, "
            f"polling {tracker.is_polling}, next poll in {tracker._timer.remainingTime()} ms, "
            f"panel says {decision.message.text()!r}, tasks {running_tasks()}"
        )

    wait_or_explain(qtbot, lambda: bool(coverage_layers()), state)
    (layer,) = coverage_layers()
    parts = {f["part"]: f["percentage"] for f in layer.getFeatures()}
    assert set(parts) == {"covered", "remainder"}
    assert parts["covered"] == pytest.approx(60, abs=5)
    assert parts["covered"] + parts["remainder"] == pytest.approx(100, abs=0.5)
    group = QgsProject.instance().layerTreeRoot().findGroup(LAYER_GROUP_NAME)
    assert group is not None
    assert group.findLayer(layer.id()) is not None
    # Shown again on request: still one layer for the order.
    decision.message.clear()
    assert decision.show_coverage()
    qtbot.waitUntil(lambda: "covered" in decision.message.text(), timeout=WAIT_MS)
    assert len(coverage_layers()) == 1


def test_the_credits_column_shows_the_quoted_price_once_known(
    qtbot, orders_panel, order_context, sandbox_account, answers
):
    from up42_qgis.gui.orders_rows import CREDITS_COLUMN
    from up42_qgis.services.order_state import OrderStateStore
    from up42_qgis.toolbelt.formatting import format_credits

    dialog = open_form(qtbot, orders_panel, PRIORITY)
    set_window(dialog)
    dialog.form.set_value("displayName", "Dock tasking price")
    order_id = place(qtbot, dialog, answers)
    qtbot.waitUntil(lambda: order_id in orders_panel.orders, timeout=WAIT_MS)

    def cell(panel: OrdersPanel):
        return panel.table.item(panel._row_of(order_id), CREDITS_COLUMN)

    assert cell(orders_panel).text() == "–"  # no price before UP42 quotes one
    assert "No quotation yet" in cell(orders_panel).toolTip()
    wait_sub_status(qtbot, order_context, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    orders_panel.select_order(order_id)
    decision = orders_panel.decision
    qtbot.waitUntil(lambda: decision.quotation is not None, timeout=WAIT_MS)
    price = decision.quotation.credits_price
    assert price
    qtbot.waitUntil(lambda: cell(orders_panel).text() == format_credits(price), timeout=WAIT_MS)
    assert "the price UP42 quoted" in cell(orders_panel).toolTip()
    assert format_credits(price) in cell(orders_panel).toolTip()
    assert orders_panel.selected_order_id() == order_id  # the row keeps its selection
    assert answers.asked[1:] == []  # reading the price decided nothing
    assert len(patches(sandbox_account)) == 0

    # Kept like an estimate: the next session's store and a fresh tab show it unselected.
    assert OrderStateStore(order_context.state.path).note(order_id).quoted_credits == price
    fresh = OrdersPanel(order_context)
    qtbot.addWidget(fresh)
    assert fresh.refresh()
    qtbot.waitUntil(lambda: order_id in fresh.orders, timeout=WAIT_MS)
    assert fresh.selected_order_id() is None
    assert cell(fresh).text() == format_credits(price)
    assert "the price UP42 quoted" in cell(fresh).toolTip()
