"""Tracking cost: what the order tracker asks UP42 per poll interval with 50 open orders."""

from __future__ import annotations

from collections import Counter

import pytest

from tests.benchmarks.support import (
    place_open_orders,
    require_module,
    require_sandbox,
    sandbox_client,
    spin_until,
)

OPEN_ORDERS = 50
POLLS = 5
FAST_INTERVAL_S = 0.2  # the tracker's own timer drives the polls; only quicker than in use


def classify(entry: dict) -> str:
    path = entry["path"].rstrip("/")
    if path == "/v2/orders":
        return "order list"
    if path.startswith("/v2/orders/"):
        return "single order"
    if "openid-connect" in path:
        return "sign-in"
    return path


@pytest.mark.bench_rows("tracking_requests")
def test_requests_per_poll_with_50_open_orders(bench, request, world_features, iface,
                                               clean_settings, tmp_path):
    require_sandbox()
    require_module("up42_qgis.services.tracker", "OrderTracker")
    from tests.qgis.support import FixedClients
    from up42_qgis.context import PluginContext
    from up42_qgis.services.order_state import OrderStateStore

    sandbox = request.getfixturevalue("sandbox")
    client = sandbox_client(sandbox)
    # Orders stay open for the whole benchmark.
    sandbox.configure(dwell={"CREATED": 3600})
    order_ids = place_open_orders(client, world_features, OPEN_ORDERS, "bench tracking")

    context = PluginContext.build(iface, FixedClients(client), fast_interval_s=FAST_INTERVAL_S,
                                  state=OrderStateStore(tmp_path / "order_state.json"))
    tracker = context.tracker
    try:
        sandbox.clear_log()
        tracker.track(order_ids, fast=True)
        spin_until(lambda: tracker.polls >= POLLS, 120, f"{POLLS} tracker polls")
        polls = tracker.polls
        tracker.stop()
        kinds = Counter(classify(entry) for entry in sandbox.request_log())
    finally:
        if not tracker._stopped:
            tracker.stop()
    assert len(tracker.tracked_ids) == OPEN_ORDERS, "open orders were dropped from tracking"
    per_poll = sum(kinds.values()) / polls
    row = bench.record("tracking_requests", per_poll, None)
    row.notes.append(
        f"{polls} polls of {OPEN_ORDERS} open orders driven by the tracker's own timer; "
        "requests seen by the sandbox: "
        + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
    )
