"""Estimate and place from the order bar and its confirmation, against the sandbox."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import Qt
from shapely.geometry import box, mapping, shape

from tests.qgis.support import (
    BERLIN_AOI,
    STAY_DWELL,
    WAIT_MS,
    orderable_scenes,
    requests_to,
)
from up42_qgis.api.ordering import order_name
from up42_qgis.gui.order_bar import OrderBar
from up42_qgis.toolbelt.formatting import format_credits

REFUSAL = "Scene is not available for ordering"


@pytest.fixture
def bar(order_context, qtbot) -> OrderBar:
    widget = OrderBar(order_context)
    qtbot.addWidget(widget)
    return widget


def _select(bar: OrderBar, client, count: int, min_products: int = 1):
    scenes, collections = orderable_scenes(client, count, min_products)
    bar.set_collections(collections)
    bar.set_selection(scenes, BERLIN_AOI)
    return scenes


def test_estimate_shows_credits_per_scene_total_and_the_refused_scene(
    bar, order_context, sandbox_account, qtbot
):
    scenes = _select(bar, order_context.clients.client(), 3)
    refused = scenes[1]
    sandbox_account.configure(estimate_errors={refused.id: REFUSAL})
    sandbox_account.clear_log()

    with qtbot.waitSignal(bar.estimates_ready, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(bar.estimate_button, Qt.MouseButton.LeftButton)

    estimates = blocker.args[0]
    assert set(estimates) == {s.id for s in scenes}
    assert estimates[refused.id].error
    assert REFUSAL in estimates[refused.id].error
    accepted = [estimates[s.id] for s in scenes if s.id != refused.id]
    assert all(e.ok and e.credits > 0 for e in accepted)
    total = sum(e.credits for e in accepted)
    assert format_credits(total) in bar.summary.text()
    assert REFUSAL in bar.errors.text()
    assert not bar.errors.isHidden()
    assert bar.estimate_is_fresh
    # One estimate request per scene, nothing placed.
    log = sandbox_account.request_log()
    assert len(requests_to(log, "POST", "/v2/orders/estimate")) == 3
    assert not requests_to(log, "POST", "/v2/orders")


def test_product_choice_is_remembered(bar, order_context, clean_settings):
    from up42_qgis.settings import SettingsStore

    scenes = _select(bar, order_context.clients.client(), 1, min_products=2)
    collection = bar.collection(scenes[0].collection)
    chosen = collection.orderable_products[-1].id
    assert bar.product_id(collection.name) != chosen
    bar.set_product(collection.name, chosen)
    assert SettingsStore.load().last_products.get(collection.name) == chosen

    again = OrderBar(order_context)
    again.set_collections(list(bar.collections.values()))
    again.set_selection(scenes, BERLIN_AOI)
    assert again.product_id(collection.name) == chosen
    again.deleteLater()


def test_display_names_name_collection_date_and_scene(bar, order_context):
    scenes = _select(bar, order_context.clients.client(), 2)
    names = [r.display_name for r in bar.order_requests()]
    title = bar.collection(scenes[0].collection).title
    head = f"{title} {scenes[0].acquired.date().isoformat()} {scenes[0].id[:8]}"
    assert names[0].startswith(head + " (QGIS ")  # unique per placement run: a time stamp
    stamp = names[0].removeprefix(head + " (QGIS ").removesuffix(")")
    assert names[0] == order_name(title, scenes[0].acquired, scenes[0].id, stamp)
    assert all(r.tags == ("qgis",) for r in bar.order_requests())


def test_order_without_fresh_estimate_estimates_first(bar, order_context, sandbox_account, qtbot):
    _select(bar, order_context.clients.client(), 2)
    sandbox_account.clear_log()
    qtbot.mouseClick(bar.order_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.dialog is not None and bar.dialog.isVisible(), timeout=WAIT_MS)
    log = sandbox_account.request_log()
    assert len(requests_to(log, "POST", "/v2/orders/estimate")) == 2
    assert not requests_to(log, "POST", "/v2/orders")  # nothing placed without confirmation
    assert "km²" in bar.dialog.summary.text()
    bar.dialog.reject()

    # A changed AOI makes the estimate stale: ordering estimates again.
    smaller = {
        "type": "Polygon",
        "coordinates": [
            [[13.33, 52.47], [13.38, 52.47], [13.38, 52.50], [13.33, 52.50], [13.33, 52.47]]
        ],
    }
    bar.set_selection(bar.scenes, smaller)
    assert not bar.estimate_is_fresh
    sandbox_account.clear_log()
    bar.dialog = None
    qtbot.mouseClick(bar.order_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.dialog is not None and bar.dialog.isVisible(), timeout=WAIT_MS)
    assert len(requests_to(sandbox_account.request_log(), "POST", "/v2/orders/estimate")) == 2
    bar.dialog.reject()


@pytest.mark.parametrize("fault", [None, "drop", "delay", "error"])
def test_one_confirmation_places_exactly_one_order_per_scene(
    bar, order_context, sandbox_account, short_network_timeout, qtbot, fault
):

    scenes = _select(bar, order_context.clients.client(), 2)
    # "delay" answers after the client's (1.5 s) timeout: the answer is lost like a drop.
    sandbox_account.configure(
        dwell=STAY_DWELL,
        placement_fault=fault,
        placement_delay_s=short_network_timeout + 1.0,
        placement_fault_count=len(scenes),
    )
    qtbot.mouseClick(bar.order_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.dialog is not None and bar.dialog.isVisible(), timeout=WAIT_MS)
    dialog = bar.dialog
    assert dialog.place_button.isEnabled()
    sandbox_account.clear_log()

    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
    assert not dialog.place_button.isEnabled()
    assert not bar.order_button.isEnabled()
    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)  # disabled: nothing happens
    dialog.place()  # and calling it again sends nothing either
    dialog.reject()  # the dialog stays until the answer is shown
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.placed is not None, timeout=WAIT_MS)

    placed = dialog.placed
    assert [p.scene_id for p in placed] == [s.id for s in scenes]
    assert all(p.order_id and not p.error for p in placed), placed
    if fault in ("drop", "delay", "error"):
        assert all(p.recovered for p in placed)

    # The sandbox logs a request when its (maybe delayed) answer is written: wait for both.
    def posts():
        return requests_to(sandbox_account.request_log(), "POST", "/v2/orders")

    qtbot.waitUntil(lambda: len(posts()) >= len(scenes), timeout=WAIT_MS)
    assert len(posts()) == len(scenes)
    state_orders = sandbox_account.state()["orders"]
    assert sorted(o["id"] for o in state_orders) == sorted(p.order_id for p in placed)
    assert bar.order_button.isEnabled()
    assert not dialog.place_button.isEnabled()
    # Handed to the tracker, with the estimate noted for the Orders tab.
    tracker = order_context.tracker
    assert set(tracker.tracked_ids) == {p.order_id for p in placed}
    assert all(order_context.state.note(p.order_id).credits for p in placed)
    dialog.reject()
    assert not dialog.isVisible()


def test_nothing_is_placed_when_the_dialog_is_cancelled(bar, order_context, sandbox_account, qtbot):
    _select(bar, order_context.clients.client(), 1)
    qtbot.mouseClick(bar.order_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.dialog is not None and bar.dialog.isVisible(), timeout=WAIT_MS)
    qtbot.mouseClick(bar.dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert not bar.dialog.isVisible()
    assert not requests_to(sandbox_account.request_log(), "POST", "/v2/orders")
    assert sandbox_account.state()["orders"] == []


def test_not_signed_in_is_explained_before_any_request(qtbot, iface, sandbox, clean_settings):
    from up42_qgis.bridge.clients import ClientProvider
    from up42_qgis.context import PluginContext

    context = PluginContext.build(iface, ClientProvider())
    widget = OrderBar(context)
    qtbot.addWidget(widget)
    scene_json = {
        "id": "scene-1",
        "collection": "phr",
        "geometry": BERLIN_AOI,
        "properties": {"datetime": "2024-05-01T10:00:00Z"},
    }
    from up42_qgis.api.models import Collection, DataProduct, Scene

    collection = Collection(
        name="phr", title="Pléiades", data_products=(DataProduct("d", "Display", id="p-1"),)
    )
    widget.set_collections([collection])
    widget.set_selection([Scene.from_json(scene_json)], BERLIN_AOI)
    qtbot.mouseClick(widget.estimate_button, Qt.MouseButton.LeftButton)
    # Reported like any failed estimate, by the estimate task, which sent nothing.
    qtbot.waitUntil(lambda: "account" in widget.errors.text().lower(), timeout=WAIT_MS)
    assert sandbox.request_log() == []


# --- budgets in the confirmation (issue 6) ---------------------------------------------------
def _open_confirmation(bar: OrderBar, order_context, qtbot, count: int = 1):
    _select(bar, order_context.clients.client(), count)
    qtbot.mouseClick(bar.order_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.dialog is not None and bar.dialog.isVisible(), timeout=WAIT_MS)
    return bar.dialog


def test_confirmation_shows_what_the_active_budget_has_left(
    bar, order_context, sandbox_account, qtbot
):
    # The sandbox seeds one active budget ("Default budget", 500,000 credits, none spent)
    # and one inactive one, which is not shown.
    sandbox_account.clear_log()
    dialog = _open_confirmation(bar, order_context, qtbot)
    gets = requests_to(sandbox_account.request_log(), "GET", "/v2/budgets")
    assert len(gets) == 1
    assert gets[0]["params"]["status"] == ["ACTIVE"]
    # Offered as the choice of budget, each with what it has left (no second list).
    combo = dialog.checks.budget_combo
    assert not combo.isHidden()
    assert dialog.budget_label.isHidden()
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert f"Default budget ({format_credits(500_000)} credits left)" in texts
    assert not any("Pilot project" in text for text in texts)
    assert dialog.budget_warning.isHidden()  # a few credits are far below 500,000
    assert dialog.place_button.isEnabled()
    dialog.reject()


def test_no_budget_line_when_there_is_no_budget(
    bar, order_context, sandbox_account, qtbot, monkeypatch
):
    # The sandbox always seeds a budget: the client's answer is replaced by an empty list.
    from up42_qgis.api.client import Up42Client

    monkeypatch.setattr(Up42Client, "budgets", lambda self, active_only=True: [])
    dialog = _open_confirmation(bar, order_context, qtbot)
    assert dialog.budget_label.isHidden()
    assert "Budget left" not in dialog.budget_label.text()
    assert dialog.budget_warning.isHidden()
    assert dialog.place_button.isEnabled()
    dialog.reject()


def test_a_failed_budget_read_does_not_block_ordering(bar, order_context, sandbox_account, qtbot):
    sandbox_account.configure(
        faults=[{"method": "GET", "path": "/v2/budgets", "status": 403, "count": 10}]
    )
    dialog = _open_confirmation(bar, order_context, qtbot)
    assert requests_to(sandbox_account.request_log(), "GET", "/v2/budgets")
    assert bar.estimates
    assert all(e.ok for e in bar.estimates.values())
    assert dialog.budget_label.isHidden()
    assert dialog.budget_warning.isHidden()
    assert dialog.place_button.isEnabled()
    dialog.reject()


def test_a_warning_when_the_estimate_exceeds_every_budget(
    bar, order_context, sandbox_account, qtbot, monkeypatch
):
    from up42_qgis.api.client import Up42Client
    from up42_qgis.api.models import Budget

    low = [
        Budget(id="b-1", name="Small", status="ACTIVE", remaining_credits=1.0),
        Budget(id="b-2", name="Tiny", status="ACTIVE", remaining_credits=0.0),
    ]
    monkeypatch.setattr(Up42Client, "budgets", lambda self, active_only=True: low)
    dialog = _open_confirmation(bar, order_context, qtbot)
    combo = dialog.checks.budget_combo
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert "Small (1 credits left)" in texts
    assert "Tiny (0 credits left)" in texts
    assert not dialog.budget_warning.isHidden()
    assert "more than any budget has left" in dialog.budget_warning.text()
    assert dialog.place_button.isEnabled()  # a warning only: UP42 decides
    dialog.reject()


def test_a_multipolygon_aoi_is_estimated_and_ordered_as_one_order_per_part(
    bar, order_context, sandbox_account, qtbot
):
    client = order_context.clients.client()
    scenes, collections = orderable_scenes(client, 1)
    covered = shape(scenes[0].geometry).intersection(shape(BERLIN_AOI))
    minx, miny, maxx, maxy = covered.bounds
    middle = (minx + maxx) / 2

    def small_part(x0: float, x1: float) -> list:
        point = covered.intersection(box(x0, miny, x1, maxy)).representative_point()
        ring = mapping(box(point.x - 0.003, point.y - 0.003, point.x + 0.003, point.y + 0.003))
        return [[list(xy) for xy in ring["coordinates"][0]]]

    west, east = small_part(minx, middle)[0], small_part(middle, maxx)[0]
    aoi = {"type": "MultiPolygon", "coordinates": [[west], [east]]}
    bar.set_collections(collections)
    bar.set_selection(scenes, aoi)
    requests = bar.order_requests()
    assert [r.aoi["type"] for r in requests] == ["Polygon", "Polygon"]  # UP42 takes Polygons
    assert [r.aoi["coordinates"] for r in requests] == [[west], [east]]
    assert len({r.display_name for r in requests}) == 2

    sandbox_account.configure(dwell=STAY_DWELL)
    sandbox_account.clear_log()
    qtbot.mouseClick(bar.order_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.dialog is not None and bar.dialog.isVisible(), timeout=WAIT_MS)
    assert len(requests_to(sandbox_account.request_log(), "POST", "/v2/orders/estimate")) == 2
    parts = list(bar.request_estimates.values())
    assert len(parts) == 2
    assert all(e.ok for e in parts), parts
    # The scene's estimate is its two parts together; the confirmation lists each part.
    assert bar.estimates[scenes[0].id].credits == sum(e.credits for e in parts)
    dialog = bar.dialog
    assert dialog.table.rowCount() == 2
    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.placed is not None, timeout=WAIT_MS)
    assert all(p.order_id for p in dialog.placed)
    assert len(requests_to(sandbox_account.request_log(), "POST", "/v2/orders")) == 2
    placed_aois = [client.order(p.order_id).aoi for p in dialog.placed]
    assert all(a is None or a["type"] == "Polygon" for a in placed_aois)
    dialog.reject()
