"""The order tracker against the sandbox: one list call per poll, fulfilled and failed orders
announced, and tracking that survives the plugin being unloaded and loaded again."""

from __future__ import annotations

from qgis.core import Qgis, QgsApplication

import up42_qgis
from tests.qgis.support import (
    QUICK_DWELL,
    STAY_DWELL,
    WAIT_MS,
    messages,
    orderable_scenes,
    place_directly,
    requests_to,
)
from up42_qgis.services.order_state import OrderStateStore


def test_tracker_takes_an_order_to_fulfilled_and_says_so(
    order_context, sandbox_account, iface, qtbot
):
    client = order_context.clients.client()
    sandbox_account.configure(dwell=QUICK_DWELL)
    scenes, collections = orderable_scenes(client, 1)
    [order_id] = place_directly(client, scenes, collections, "Tracker fulfilled")
    tracker = order_context.tracker
    seen = []
    tracker.order_updated.connect(lambda order: seen.append(order.status))

    with qtbot.waitSignal(tracker.order_fulfilled, timeout=WAIT_MS) as blocker:
        tracker.track([order_id])
    assert OrderStateStore().tracked_ids() == []  # persisted untrack

    assert blocker.args[0].id == order_id
    assert seen[-1] == "FULFILLED"
    assert tracker.tracked_ids == []
    assert any("Tracker fulfilled 0" in m for m in messages(iface, Qgis.MessageLevel.Success))


def test_one_list_request_per_poll_for_several_open_orders(order_context, sandbox_account, qtbot):
    client = order_context.clients.client()
    sandbox_account.configure(dwell=STAY_DWELL)
    scenes, collections = orderable_scenes(client, 3)
    ids = place_directly(client, scenes, collections, "Tracker batch")
    tracker = order_context.tracker
    tracker.track(ids, fast=False)
    assert OrderStateStore().tracked_ids() == ids
    sandbox_account.clear_log()

    for polls in (1, 2):
        tracker.poll_now()
        qtbot.waitUntil(lambda n=polls: tracker.polls == n, timeout=WAIT_MS)

    log = sandbox_account.request_log()
    lists = requests_to(log, "GET", "/v2/orders")
    assert len(lists) == 2
    for request in lists:  # every tracked order asked for in the one call
        asked = ",".join(request["params"].get("orderIds", [])).split(",")
        assert set(ids) <= set(asked)
    assert not [r for r in log if r["path"].startswith("/v2/orders/")]  # no per-order GETs
    assert sorted(tracker.tracked_ids) == sorted(ids)  # still open, still tracked


def test_failed_permanently_stops_polling_and_placement_failed_stays_tracked(
    order_context, sandbox_account, iface, qtbot
):
    client = order_context.clients.client()
    scenes, collections = orderable_scenes(client, 2)
    sandbox_account.configure(
        dwell=QUICK_DWELL,
        force_status={scenes[0].id: "PLACEMENT_FAILED", scenes[1].id: "FAILED_PERMANENTLY"},
    )
    ids = place_directly(client, scenes, collections, "Tracker failing")
    tracker = order_context.tracker
    failed = []
    tracker.order_failed.connect(failed.append)
    tracker.track(ids)
    qtbot.waitUntil(lambda: len(failed) == 2, timeout=WAIT_MS)

    statuses = {order.id: order.status for order in failed}
    assert statuses == {ids[0]: "PLACEMENT_FAILED", ids[1]: "FAILED_PERMANENTLY"}
    # PLACEMENT_FAILED is not final (UP42 may resolve it): still tracked; the other is done.
    assert tracker.tracked_ids == [ids[0]]
    critical = messages(iface, Qgis.MessageLevel.Critical)
    assert any("Tracker failing 0" in m and "PLACEMENT_FAILED" in m for m in critical)
    assert any("Tracker failing 1" in m and "FAILED_PERMANENTLY" in m for m in critical)

    sandbox_account.clear_log()
    polls = tracker.polls
    tracker.poll_now()
    qtbot.waitUntil(lambda: tracker.polls > polls, timeout=WAIT_MS)
    asked = requests_to(sandbox_account.request_log(), "GET", "/v2/orders")
    assert asked
    assert ",".join(asked[0]["params"].get("orderIds", [])).split(",") == [ids[0]]
    assert len(failed) == 2  # the problem is announced once, not on every poll


def test_an_order_leaving_placement_failed_is_picked_up_and_auto_downloaded(
    order_context, sandbox_account, qtbot
):
    client = order_context.clients.client()
    scenes, collections = orderable_scenes(client, 1)
    sandbox_account.configure(
        dwell=QUICK_DWELL, force_status={scenes[0].id: "PLACEMENT_FAILED"}
    )
    [order_id] = place_directly(client, scenes, collections, "Tracker resolved")
    tracker = order_context.tracker
    failed = []
    tracker.order_failed.connect(failed.append)
    order_context.flow.set_auto_download(order_id, True)
    tracker.track([order_id])
    qtbot.waitUntil(lambda: bool(failed), timeout=WAIT_MS)
    assert tracker.is_tracked(order_id)
    assert order_context.flow.auto_download(order_id)  # the choice survives the problem

    downloads = order_context.downloads
    with qtbot.waitSignal(downloads.download_finished, timeout=WAIT_MS) as blocker:
        sandbox_account.force_order_status(order_id, "FULFILLED")  # UP42 resolved it
        tracker.poll_now()
    assert blocker.args[0] == order_id
    assert not tracker.is_tracked(order_id)


def test_tracking_survives_unloading_and_reloading_the_plugin(
    iface, sandbox_account, qtbot, tmp_path
):

    sandbox_account.configure(dwell=STAY_DWELL)
    plugin = up42_qgis.classFactory(iface)
    plugin.initGui()
    try:
        client = plugin.context.clients.client()
        scenes, collections = orderable_scenes(client, 1)
        [order_id] = place_directly(client, scenes, collections, "Tracker restart")
        plugin.context.tracker.track([order_id])
    finally:
        plugin.unload()
    assert OrderStateStore().tracked_ids() == [order_id]

    # "QGIS restarts": a new plugin instance finds the order and takes it to the end.
    sandbox_account.force_order_status(order_id, "FULFILLED")
    reloaded = up42_qgis.classFactory(iface)
    reloaded.initGui()
    try:
        tracker = reloaded.context.tracker
        assert tracker.tracked_ids == [order_id]
        with qtbot.waitSignal(tracker.order_fulfilled, timeout=WAIT_MS):
            pass  # restored trackers poll on their own shortly after start
        assert tracker.tracked_ids == []
    finally:
        reloaded.unload()


def test_stop_leaves_no_timer_and_no_listener(order_context, sandbox_account, qtbot):
    client = order_context.clients.client()
    sandbox_account.configure(dwell=STAY_DWELL)
    scenes, collections = orderable_scenes(client, 1)
    ids = place_directly(client, scenes, collections, "Tracker stop")
    tracker = order_context.tracker
    updates = []
    tracker.order_updated.connect(updates.append)
    tracker.track(ids)
    tracker.poll_now()
    tracker.stop()
    assert not tracker._timer.isActive()
    assert tracker.receivers(tracker.order_updated) == 0
    # The poll stop() cancelled ends without calling back into the tracker.
    qtbot.waitUntil(lambda: QgsApplication.taskManager().countActiveTasks() == 0, timeout=WAIT_MS)
    assert updates == []
    assert OrderStateStore().tracked_ids() == ids  # kept for the next start


def test_auto_download_when_fulfilled(order_context, sandbox_account, qtbot):
    client = order_context.clients.client()
    sandbox_account.configure(dwell=QUICK_DWELL)
    scenes, collections = orderable_scenes(client, 1)
    [order_id] = place_directly(client, scenes, collections, "Tracker auto download")
    tracker = order_context.tracker
    order_context.flow.set_auto_download(order_id, True)
    assert order_context.flow.auto_download(order_id)
    tracker.track([order_id])  # just placed: polled every 0.2 s here
    downloads = order_context.downloads
    finished, failed = [], []
    downloads.download_finished.connect(lambda *args: finished.append(args))
    downloads.download_failed.connect(lambda *args: failed.append(args))
    tracker.poll_now()
    qtbot.waitUntil(lambda: bool(finished or failed), timeout=WAIT_MS)
    assert not failed
    assert finished[0][0] == order_id
    assert downloads.last_layers[order_id]
    assert not order_context.flow.auto_download(order_id)
