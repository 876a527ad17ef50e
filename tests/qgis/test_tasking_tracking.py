"""Tasking orders tracked like archive orders: the tracker says once when a feasibility study
or a quotation waits for the user, decides nothing itself, and the Orders tab's labels name
the sub-status."""

from __future__ import annotations

from qgis.core import Qgis

from tests.qgis.support import QUICK_DWELL, WAIT_MS, messages
from tests.unit.api.tasking_support import (
    FAST_TASKING,
    PRIORITY,
    SITE,
    form,
    product,
    today,
    wait_for,
)
from up42_qgis.api.models import Order
from up42_qgis.api.order_status import OrderSubStatus
from up42_qgis.api.tasking import tasking_request
from up42_qgis.gui.order_status_text import (
    full_status_label,
    status_explanation,
    sub_status_label,
)


def test_the_tracker_says_once_that_a_quotation_waits_and_decides_nothing(
    order_context, sandbox_account, iface, qtbot
):
    sandbox_account.configure(dwell=QUICK_DWELL, **FAST_TASKING)
    client = order_context.clients.client()
    data_product = product(client, PRIORITY)
    schema = client.order_schema(data_product.id or "")
    request = tasking_request(
        schema, data_product.id or "", "Tracked tasking", SITE, form(), today=today()
    )
    order_id = client.place_order(request).order_id
    assert order_id
    wait_for(client, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    tracker = order_context.tracker
    waiting = []
    tracker.decision_needed.connect(waiting.append)

    with qtbot.waitSignal(tracker.decision_needed, timeout=WAIT_MS):
        tracker.track([order_id])
    for polls in (tracker.polls + 1, tracker.polls + 2):
        tracker.poll_now()
        qtbot.waitUntil(lambda n=polls: tracker.polls >= n, timeout=WAIT_MS)

    assert [o.id for o in waiting] == [order_id]  # said once, not at every poll
    warnings = messages(iface, Qgis.MessageLevel.Warning)
    assert len([m for m in warnings if "Tracked tasking" in m and "quotation" in m]) == 1
    assert tracker.is_tracked(order_id)
    assert not [e for e in sandbox_account.request_log() if e["method"] == "PATCH"]
    (quotation,) = client.quotations([order_id])
    assert quotation.is_pending
    order = tracker.last_orders[order_id]
    assert full_status_label(order) == "Created · Quotation: your decision"
    assert "Nothing is accepted without you" in status_explanation(order)


def test_sub_status_labels():
    assert sub_status_label(None) == ""
    assert sub_status_label(OrderSubStatus.FEASIBILITY_WAITING_UPLOAD) == (
        "Feasibility study in preparation"
    )
    assert sub_status_label("SOMETHING_NEW") == "SOMETHING_NEW"
    archive = Order.from_json({"id": "a", "status": "PLACED", "orderDetails": {"aoi": {}}})
    assert archive.sub_status is None
    assert full_status_label(archive) == "Placed"
    tasking = Order.from_json(
        {
            "id": "t",
            "type": "TASKING",
            "status": "CREATED",
            "orderDetails": {"subStatus": "FEASIBILITY_WAITING_RESPONSE"},
        }
    )
    assert tasking.awaits_decision
    assert "choose one" in status_explanation(tasking)
