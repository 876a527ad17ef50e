"""Issue 15.6: PLACEMENT_FAILED is not final. The tracker keeps polling it (slower), and
when UP42 resolves it (the sandbox's ``placement_failed_resolve_s``) the order is picked up
and auto-downloaded with nobody forcing anything."""

from __future__ import annotations

import time

from tests.qgis.support import QUICK_DWELL, WAIT_MS, orderable_scenes, place_directly
from up42_qgis.api.models import OrderStatus

RESOLVE_S = 2.0
PROBLEM_INTERVAL_S = 0.6  # slower than the test's fast interval (0.2 s)


def test_a_placement_failed_order_is_polled_slower_then_picked_up_and_downloaded(
    order_context, sandbox_account, qtbot
):
    client = order_context.clients.client()
    scenes, collections = orderable_scenes(client, 1)
    sandbox_account.configure(
        dwell=QUICK_DWELL,
        force_status={scenes[0].id: "PLACEMENT_FAILED"},
        placement_failed_resolve_s=RESOLVE_S,
    )
    [order_id] = place_directly(client, scenes, collections, "Placement failed, resolved")
    tracker = order_context.tracker
    tracker.problem_interval_s = PROBLEM_INTERVAL_S
    failed, fulfilled = [], []
    tracker.order_failed.connect(failed.append)
    tracker.order_fulfilled.connect(fulfilled.append)
    order_context.flow.set_auto_download(order_id, True)
    downloads = order_context.downloads
    with qtbot.waitSignal(downloads.download_finished, timeout=WAIT_MS) as finished:
        tracker.track([order_id])
        qtbot.waitUntil(lambda: bool(failed), timeout=WAIT_MS)
        assert failed[0].status == OrderStatus.PLACEMENT_FAILED
        assert tracker.is_tracked(order_id)  # not final
        assert tracker.interval_s() == PROBLEM_INTERVAL_S  # a slower poll while it waits
        polls, since = tracker.polls, time.monotonic()
        qtbot.waitUntil(lambda: bool(fulfilled), timeout=WAIT_MS)  # UP42 resolved it
        waited = time.monotonic() - since
    assert finished.args[0] == order_id
    assert fulfilled[0].id == order_id
    assert not tracker.is_tracked(order_id)
    # Polled at the slower pace while it waited (at the fast pace it would be ~5 per second).
    assert tracker.polls - polls <= waited / PROBLEM_INTERVAL_S + 3
    assert len(failed) == 1  # the problem was said once
