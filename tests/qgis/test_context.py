"""The plugin context: one way for a task to get its client, with "not configured" reported
like any other failure, and account changes that reach every service and panel."""

from __future__ import annotations

import dataclasses

from tests.qgis.support import (
    STAY_DWELL,
    WAIT_MS,
    orderable_scenes,
    place_directly,
    requests_to,
)
from up42_qgis.api.models import Delivery
from up42_qgis.bridge.clients import ClientProvider, NotConfiguredError
from up42_qgis.context import PluginContext
from up42_qgis.gui.orders_panel import OrdersPanel
from up42_qgis.tasks.orders import ListOrdersTask


def test_without_an_account_the_task_fails_through_on_done(iface, clean_settings, sandbox, qtbot):
    context = PluginContext.build(iface, ClientProvider())
    ended = []
    task = context.start(lambda client: ListOrdersTask(client), ended.append)
    assert isinstance(task, ListOrdersTask)
    qtbot.waitUntil(lambda: bool(ended), timeout=WAIT_MS)
    assert ended == [task]
    assert isinstance(task.error, NotConfiguredError)
    assert "No UP42 account is configured" in str(task.error)
    assert not task.was_cancelled
    assert sandbox.request_log() == []
    context.stop()


def test_the_orders_tab_reads_again_after_an_account_change(order_context, sandbox_account, qtbot):
    client = order_context.clients.client()
    sandbox_account.configure(dwell=STAY_DWELL)
    scenes, collections = orderable_scenes(client, 1)
    [order_id] = place_directly(client, scenes, collections, "Context orders tab")
    panel = OrdersPanel(order_context)
    qtbot.addWidget(panel)
    assert panel.refresh()
    qtbot.waitUntil(lambda: order_id in panel.orders, timeout=WAIT_MS)
    # What the previous account saw: an order and a delivery this workspace does not have.
    panel.orders["other-workspace"] = dataclasses.replace(panel.orders[order_id], id="other")
    panel.delivery.deliveries["other-workspace"] = Delivery(order_id="other-workspace")
    sandbox_account.clear_log()

    order_context.clients.notify_changed()  # what the settings page does after saving

    assert "other-workspace" not in panel.orders
    assert panel.delivery.deliveries == {}
    qtbot.waitUntil(lambda: order_id in panel.orders, timeout=WAIT_MS)
    assert requests_to(sandbox_account.request_log(), "GET", "/v2/orders")


def test_the_tracker_polls_again_after_an_account_change(order_context, sandbox_account, qtbot):
    client = order_context.clients.client()
    sandbox_account.configure(dwell=STAY_DWELL)
    scenes, collections = orderable_scenes(client, 1)
    ids = place_directly(client, scenes, collections, "Context account change")
    tracker = order_context.tracker
    tracker.track(ids, fast=False)  # next poll at the configured interval (a minute)
    tracker.poll_now()
    qtbot.waitUntil(lambda: tracker.polls == 1, timeout=WAIT_MS)
    assert tracker.interval_s() >= 5

    order_context.clients.notify_changed()

    qtbot.waitUntil(lambda: tracker.polls == 2, timeout=3000)  # not a minute later
