"""The dock's order step before money is spent (issues 14, 15, 16), against the sandbox: a
price of 0 credits needs its own yes, a price that is not one is shown as an error, ordering
again what is on order warns and lists the orders, budgets are offered and sent, the
collection ↔ glossary join ignores case, and a new search clears the order bar."""

from __future__ import annotations

import json
import uuid
from dataclasses import replace

import pytest
from qgis.PyQt.QtCore import Qt

from tests.qgis.support import (
    BERLIN_AOI,
    STAY_DWELL,
    WAIT_MS,
    orderable_scenes,
    prepare,
    requests_to,
    search_and_wait,
)
from up42_qgis.gui.order_bar import OrderBar

DEFAULT_BUDGET = str(uuid.uuid5(uuid.NAMESPACE_URL, "up42-sandbox:budget:default"))


@pytest.fixture
def bar(order_context, qtbot) -> OrderBar:
    widget = OrderBar(order_context)
    qtbot.addWidget(widget)
    return widget


def _select(bar: OrderBar, client, count: int = 1):
    scenes, collections = orderable_scenes(client, count)
    bar.set_collections(collections)
    bar.set_selection(scenes, BERLIN_AOI)
    return scenes


def _confirmation(bar: OrderBar, qtbot):
    bar.dialog = None
    qtbot.mouseClick(bar.order_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.dialog is not None and bar.dialog.isVisible(), timeout=WAIT_MS)
    return bar.dialog


def _order_posts(sandbox) -> list[dict]:
    return requests_to(sandbox.request_log(), "POST", "/v2/orders")


# --- issue 14, point 2: prices -------------------------------------------------------------
def test_a_zero_price_needs_an_explicit_extra_yes(bar, order_context, sandbox_account, qtbot):
    (scene,) = _select(bar, order_context.clients.client())
    sandbox_account.configure(estimate_credits={scene.id: 0}, dwell=STAY_DWELL)
    dialog = _confirmation(bar, qtbot)
    checks = dialog.checks
    assert not checks.zero_warning.isHidden()
    assert "0 credits" in checks.zero_warning.text()
    assert not checks.zero_confirm.isHidden()
    assert not dialog.place_button.isEnabled()  # the usual confirmation is not enough
    dialog.place()
    assert dialog.checks.duplicates is None
    assert not _order_posts(sandbox_account)

    checks.zero_confirm.setChecked(True)
    assert dialog.place_button.isEnabled()
    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.placed is not None, timeout=WAIT_MS)
    assert [bool(p.order_id) for p in dialog.placed] == [True]
    assert len(_order_posts(sandbox_account)) == 1
    dialog.reject()


def test_a_normal_price_asks_no_extra_yes(bar, order_context, qtbot):
    _select(bar, order_context.clients.client())
    dialog = _confirmation(bar, qtbot)
    assert dialog.checks.zero_warning.isHidden()
    assert dialog.checks.zero_confirm.isHidden()
    assert dialog.place_button.isEnabled()
    dialog.reject()


def test_a_negative_price_is_shown_as_an_error(bar, order_context, sandbox_account, qtbot):
    (scene,) = _select(bar, order_context.clients.client())
    sandbox_account.configure(estimate_credits={scene.id: -326})
    with qtbot.waitSignal(bar.estimates_ready, timeout=WAIT_MS) as blocker:
        qtbot.mouseClick(bar.estimate_button, Qt.MouseButton.LeftButton)
    estimate = blocker.args[0][scene.id]
    assert not estimate.ok
    assert estimate.error
    assert not bar.errors.isHidden()
    assert scene.id[:8] in bar.errors.text()
    dialog = _confirmation(bar, qtbot)
    assert "Not ordered" in dialog.table.item(0, 3).text()
    assert not dialog.place_button.isEnabled()
    dialog.reject()


# --- issue 14, point 3: ordering again what is on order ------------------------------------
def test_closing_the_confirmation_and_ordering_again_warns(
    bar, order_context, sandbox_account, qtbot, placement_journal_file
):
    _select(bar, order_context.clients.client())
    sandbox_account.configure(dwell=STAY_DWELL)
    dialog = _confirmation(bar, qtbot)
    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.placed is not None, timeout=WAIT_MS)
    (first,) = dialog.placed
    assert first.order_id
    assert placement_journal_file.exists()  # journaled before the POST, settled after
    dialog.reject()
    sandbox_account.clear_log()

    again = _confirmation(bar, qtbot)
    assert again is not dialog
    qtbot.mouseClick(again.place_button, Qt.MouseButton.LeftButton)
    checks = again.checks
    qtbot.waitUntil(lambda: not checks.duplicate_warning.isHidden(), timeout=WAIT_MS)
    text = checks.duplicate_warning.text()
    assert "already on order" in text.lower()
    assert first.order_id[:8] in text  # the existing order is listed
    assert not _order_posts(sandbox_account)  # nothing sent
    assert not again.place_button.isEnabled()  # until the user says yes again
    assert bar.order_button.isEnabled()
    again.place()
    assert not _order_posts(sandbox_account)

    checks.duplicate_confirm.setChecked(True)
    qtbot.mouseClick(again.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.placed is not None, timeout=WAIT_MS)
    assert again.placed[0].order_id
    assert again.placed[0].order_id != first.order_id
    assert len(_order_posts(sandbox_account)) == 1
    again.reject()


# --- issue 15, point 1: budgets ------------------------------------------------------------
def test_with_enforcement_the_active_budget_is_offered_sent_and_remembered(
    bar, order_context, sandbox_account, qtbot, clean_settings
):
    from up42_qgis.settings import SettingsStore

    sandbox_account.configure(budget_enforcement=True, dwell=STAY_DWELL)
    _select(bar, order_context.clients.client())
    dialog = _confirmation(bar, qtbot)  # the estimate went with the budget, or it is a 400
    assert all(e.ok for e in bar.estimates.values()), bar.estimates
    combo = dialog.checks.budget_combo
    assert not combo.isHidden()
    assert [combo.itemData(i) for i in range(combo.count())] == [DEFAULT_BUDGET]  # active only
    assert "Default budget" in combo.currentText()
    assert "credits left" in combo.currentText()
    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.placed is not None, timeout=WAIT_MS)
    (placed,) = sandbox_account.state()["orders"]
    assert placed["budgetId"] == DEFAULT_BUDGET
    assert SettingsStore.load().last_budget == DEFAULT_BUDGET
    dialog.reject()


def test_without_enforcement_no_budget_is_the_default_choice(
    bar, order_context, sandbox_account, qtbot, clean_settings
):
    sandbox_account.configure(dwell=STAY_DWELL)
    _select(bar, order_context.clients.client())
    dialog = _confirmation(bar, qtbot)
    combo = dialog.checks.budget_combo
    assert not combo.isHidden()  # offered: the workspace has a budget
    assert combo.currentData() == ""
    assert dialog.checks.budget_id() is None
    combo.setCurrentIndex(combo.findData(DEFAULT_BUDGET))  # the user wants to charge it
    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.placed is not None, timeout=WAIT_MS)
    (placed,) = sandbox_account.state()["orders"]
    assert placed["budgetId"] == DEFAULT_BUDGET
    dialog.reject()


def test_an_order_over_the_budget_says_what_it_has_left(
    bar, order_context, sandbox_account, qtbot, clean_settings
):
    sandbox_account.configure(budget_enforcement=True, budget_limits={DEFAULT_BUDGET: 1})
    _select(bar, order_context.clients.client())
    dialog = _confirmation(bar, qtbot)
    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.placed is not None, timeout=WAIT_MS)
    assert not dialog.placed[0].order_id
    assert "1 credits left" in dialog.table.item(0, 3).text()
    assert sandbox_account.state()["orders"] == []
    dialog.reject()


# --- issue 15, point 10: the glossary join ignores case ------------------------------------
def test_a_collection_named_in_another_case_still_finds_its_products(bar, order_context):
    scenes, collections = orderable_scenes(order_context.clients.client(), 1)
    shouted = [replace(scene, collection=scene.collection.upper()) for scene in scenes]
    assert shouted[0].collection != scenes[0].collection
    bar.set_collections(collections)
    bar.set_selection(shouted, BERLIN_AOI)
    assert bar.product_id(shouted[0].collection)
    assert len(bar.order_requests()) == 1


# --- issue 16, point 1: no stale selection after a new search ------------------------------
def test_a_new_search_or_a_cleared_aoi_clears_the_order_bar(panel, qtbot):
    bar = panel.order_bar
    prepare(panel)
    search_and_wait(qtbot, panel)
    panel.results.table.selectRow(0)
    qtbot.waitUntil(lambda: len(bar.scenes) == 1, timeout=WAIT_MS)
    assert bar.order_button.isEnabled()

    search_and_wait(qtbot, panel)
    assert panel.results.selected_scenes() == []
    assert bar.scenes == []
    assert bar.estimates == {}
    assert not bar.order_button.isEnabled()
    assert not bar.estimate_button.isEnabled()
    assert "Selected scenes: 1" not in bar.summary.text()

    panel.results.table.selectRow(0)
    qtbot.waitUntil(lambda: len(bar.scenes) == 1, timeout=WAIT_MS)
    panel.aoi_widget.clear()
    assert bar.scenes == []
    assert not bar.order_button.isEnabled()


def test_after_a_crash_mid_placement_ordering_again_finds_the_order(
    bar, order_context, sandbox_account, qtbot, monkeypatch, placement_journal_file
):
    import json

    from up42_qgis.api.orders import OrdersApi

    _select(bar, order_context.clients.client())
    sandbox_account.configure(dwell=STAY_DWELL)
    original = OrdersApi._send_once

    def crash_after_the_post(self, *args, **kwargs):
        original(self, *args, **kwargs)  # UP42 made the order; its answer never arrives
        raise RuntimeError("killed between the POST and its answer")

    monkeypatch.setattr(OrdersApi, "_send_once", crash_after_the_post)
    dialog = _confirmation(bar, qtbot)
    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.placed is not None, timeout=WAIT_MS)
    monkeypatch.setattr(OrdersApi, "_send_once", original)
    assert not any(p.order_id for p in dialog.placed)
    assert len(json.loads(placement_journal_file.read_text(encoding="utf-8"))) == 1
    (made,) = sandbox_account.state()["orders"]
    dialog.reject()
    sandbox_account.clear_log()

    again = _confirmation(bar, qtbot)
    qtbot.mouseClick(again.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not again.checks.duplicate_warning.isHidden(), timeout=WAIT_MS)
    assert made["id"][:8] in again.checks.duplicate_warning.text()
    again.checks.duplicate_confirm.setChecked(True)
    qtbot.mouseClick(again.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.placed is not None, timeout=WAIT_MS)
    # The journal's tag finds the order made before the crash: nothing is POSTed again.
    assert [p.order_id for p in again.placed] == [made["id"]]
    assert again.placed[0].recovered
    assert not _order_posts(sandbox_account)
    assert len(sandbox_account.state()["orders"]) == 1
    again.reject()


# --- issue 17: "Order plan…" -------------------------------------------------------------
def test_order_plan_orders_each_part_over_its_polygon_once(
    bar, order_context, sandbox_account, provider, qtbot, tmp_path
):
    from qgis.core import QgsProject, QgsVectorLayer
    from shapely.geometry import shape

    from tests.qgis.support import BERLIN_EXTENT, run, search

    sandbox_account.configure(dwell=STAY_DWELL)
    scenes = search(tmp_path, EXTENT=BERLIN_EXTENT, LIMIT=6)
    plan = run(
        "plan_coverage",
        {"SCENES": scenes, "EXTENT": BERLIN_EXTENT, "OUTPUT": str(tmp_path / "plan.gpkg")},
    )
    layer = QgsVectorLayer(plan["OUTPUT"], "plan", "ogr")
    assert layer.isValid()
    assert bar.plan_button.isHidden()
    QgsProject.instance().addMapLayer(layer)
    assert not bar.plan_button.isHidden()
    assert bar.project_plan_layer() is layer
    parts = {f["scene_id"]: shape(json.loads(f.geometry().asJson())) for f in layer.getFeatures()}
    bar.set_collections(order_context.clients.client().collections())
    sandbox_account.clear_log()

    qtbot.mouseClick(bar.plan_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bar.dialog is not None and bar.dialog.isVisible(), timeout=WAIT_MS)
    dialog = bar.dialog
    assert dialog.table.rowCount() == len(parts)
    assert "parts" in bar.summary.text() or "credits" in bar.summary.text()
    posted = requests_to(sandbox_account.request_log(), "POST", "/v2/orders/estimate")
    assert len(posted) == len(parts)
    assert not _order_posts(sandbox_account)
    qtbot.mouseClick(dialog.place_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.placed is not None, timeout=WAIT_MS)
    assert all(p.order_id for p in dialog.placed), dialog.placed
    assert len(_order_posts(sandbox_account)) == len(parts)
    for placed in sandbox_account.state()["orders"]:
        aoi = shape(placed["orderDetails"]["aoi"])
        assert aoi.area == pytest.approx(parts[placed["sceneId"]].area, rel=1e-3)
    dialog.reject()
    QgsProject.instance().removeMapLayer(layer.id())
    assert bar.plan_button.isHidden()


def test_the_budget_warning_follows_the_budget_chosen(
    bar, order_context, sandbox_account, qtbot, monkeypatch, clean_settings
):
    from up42_qgis.api.client import Up42Client
    from up42_qgis.api.models import Budget

    budgets = [
        Budget(id="b-big", name="Big", status="ACTIVE", remaining_credits=1e9),
        Budget(id="b-tiny", name="Tiny", status="ACTIVE", remaining_credits=0.0),
    ]
    monkeypatch.setattr(Up42Client, "budgets", lambda self, active_only=True: budgets)
    _select(bar, order_context.clients.client())
    dialog = _confirmation(bar, qtbot)
    combo = dialog.checks.budget_combo
    assert dialog.budget_warning.isHidden()  # no budget chosen, and Big has enough
    combo.setCurrentIndex(combo.findData("b-tiny"))
    assert not dialog.budget_warning.isHidden()
    assert "“Tiny” has left (0 credits)" in dialog.budget_warning.text()
    combo.setCurrentIndex(combo.findData("b-big"))
    assert dialog.budget_warning.isHidden()
    dialog.reject()
