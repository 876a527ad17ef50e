"""up42:estimate and up42:order before money is spent (issues 14, 15 and 17), through
``processing.run`` against the sandbox: a second run of the same scene, a price of 0 credits,
a price that is not one, budgets, the placement journal after a crash, and a coverage plan
as SCENES (the chain search → plan_coverage → estimate → order → download)."""

from __future__ import annotations

import json
import uuid

import pytest
from qgis.core import QgsVectorLayer

from tests.qgis.support import (
    BERLIN_EXTENT,
    ORDER_EXTENT,
    failure,
    feature_rows,
    posts,
    run,
    search,
    value,
)

DEFAULT_BUDGET = str(uuid.uuid5(uuid.NAMESPACE_URL, "up42-sandbox:budget:default"))
INACTIVE_BUDGET = "Pilot project 2025"


def order(scenes, **extra):
    parameters = {
        "SCENES": scenes,
        "EXTENT": ORDER_EXTENT,
        "MAX_CREDITS": 10_000_000,
        "OUTPUT": "memory:",
    }
    parameters.update(extra)
    return parameters


def scene_ids(layer: QgsVectorLayer) -> list[str]:
    return [f["scene_id"] for f in layer.getFeatures()]


# --- issue 14, point 3: a second run, a re-run after a crash -------------------------------
def test_a_second_order_run_of_the_same_scene_is_refused(account, tmp_path):
    scenes = search(tmp_path, LIMIT=1)
    first = run("order", order(scenes))
    assert first["ORDER_IDS"]
    account.clear_log()

    message = failure("order", order(scenes))
    assert "already on order" in message
    assert first["ORDER_IDS"] in message  # the existing order is named
    assert "ALLOW_DUPLICATES=true" in message
    assert not posts(account.request_log(), "/v2/orders")

    again = run("order", order(scenes, ALLOW_DUPLICATES=True))
    assert again["ORDER_IDS"]
    assert again["ORDER_IDS"] != first["ORDER_IDS"]
    assert len(posts(account.request_log(), "/v2/orders")) == 1
    assert len(account.state()["orders"]) == 2


def test_a_rerun_after_a_crash_finds_the_order_through_the_journal(
    account, tmp_path, monkeypatch, placement_journal_file
):
    from up42_qgis.api.orders import OrdersApi

    scenes = search(tmp_path, LIMIT=1)
    original = OrdersApi._send_once

    def crash_after_the_post(self, *args, **kwargs):
        original(self, *args, **kwargs)  # UP42 made the order; its answer never arrives
        raise RuntimeError("killed between the POST and its answer")

    monkeypatch.setattr(OrdersApi, "_send_once", crash_after_the_post)
    failure("order", order(scenes))
    monkeypatch.setattr(OrdersApi, "_send_once", original)
    journal = json.loads(placement_journal_file.read_text(encoding="utf-8"))
    assert len(journal) == 1  # the tag was on disk before the POST
    made = account.state()["orders"]
    assert len(made) == 1
    account.clear_log()

    # Even when duplicates are allowed, the journaled placement is found, not made again.
    result = run("order", order(scenes, ALLOW_DUPLICATES=True))
    assert result["ORDER_IDS"] == made[0]["id"]
    assert not posts(account.request_log(), "/v2/orders")
    assert len(account.state()["orders"]) == 1
    assert json.loads(placement_journal_file.read_text(encoding="utf-8")) == {}


# --- issue 14, point 2: prices -------------------------------------------------------------
def test_a_zero_price_is_ordered_only_with_allow_zero_price(account, tmp_path):
    scenes = search(tmp_path, LIMIT=1)
    (scene,) = scene_ids(scenes)
    account.configure(estimate_credits={scene: 0})

    estimate = run("estimate", {"SCENES": scenes, "EXTENT": ORDER_EXTENT, "OUTPUT": "memory:"})
    assert [value(r, "credits") for r in feature_rows(estimate["OUTPUT"])] == [0]

    message = failure("order", order(scenes))
    assert "0 credits" in message
    assert "ALLOW_ZERO_PRICE=true" in message
    assert not posts(account.request_log(), "/v2/orders")

    result = run("order", order(scenes, ALLOW_ZERO_PRICE=True))
    assert result["ORDER_IDS"]
    assert len(posts(account.request_log(), "/v2/orders")) == 1


def test_a_negative_price_is_an_error_in_both_algorithms(account, tmp_path):
    scenes = search(tmp_path, LIMIT=1)
    (scene,) = scene_ids(scenes)
    account.configure(estimate_credits={scene: -326})

    estimate = run("estimate", {"SCENES": scenes, "EXTENT": ORDER_EXTENT, "OUTPUT": "memory:"})
    (row,) = feature_rows(estimate["OUTPUT"])
    assert value(row, "credits") is None
    assert value(row, "error")
    assert estimate["TOTAL_CREDITS"] == 0

    message = failure("order", order(scenes, MAX_CREDITS=1))
    assert "nothing was ordered" in message
    assert not posts(account.request_log(), "/v2/orders")


# --- issue 15, point 1: budgets ------------------------------------------------------------
def test_budget_by_name_is_sent_with_estimate_and_order(account, tmp_path, clean_settings):
    from up42_qgis.settings import SettingsStore

    account.configure(budget_enforcement=True)
    scenes = search(tmp_path, LIMIT=1)
    # The name in another case still names it; with enforcement on the sandbox refuses an
    # estimate without budgetId, so its 200 proves the id was sent.
    estimate = run(
        "estimate",
        {"SCENES": scenes, "EXTENT": ORDER_EXTENT, "BUDGET": "default BUDGET", "OUTPUT": "memory:"},
    )
    assert estimate["TOTAL_CREDITS"] > 0
    assert SettingsStore.load().last_budget == DEFAULT_BUDGET  # remembered
    result = run("order", order(scenes, BUDGET=DEFAULT_BUDGET))
    (placed,) = account.state()["orders"]
    assert placed["id"] == result["ORDER_IDS"]
    assert placed["budgetId"] == DEFAULT_BUDGET


def test_enforcement_without_budget_uses_the_only_active_one(account, tmp_path, clean_settings):
    account.configure(budget_enforcement=True)
    scenes = search(tmp_path, LIMIT=1)
    run("order", order(scenes))
    (placed,) = account.state()["orders"]
    assert placed["budgetId"] == DEFAULT_BUDGET  # the inactive one is never a choice


def test_an_unknown_or_inactive_budget_is_refused_naming_the_active_ones(
    account, tmp_path, clean_settings
):
    scenes = search(tmp_path, LIMIT=1)
    for wanted in ("nope", INACTIVE_BUDGET):
        message = failure(
            "estimate",
            {"SCENES": scenes, "EXTENT": ORDER_EXTENT, "BUDGET": wanted, "OUTPUT": "memory:"},
        )
        assert wanted in message
        assert "“Default budget” (500,000 credits left)" in message
        assert INACTIVE_BUDGET not in message.replace(f"“{wanted}”", "")
    assert not posts(account.request_log(), "/v2/orders/estimate")


def test_an_order_over_the_budget_says_what_is_left(account, tmp_path, clean_settings):
    account.configure(budget_limits={DEFAULT_BUDGET: 1})
    scenes = search(tmp_path, LIMIT=1)
    message = failure("order", order(scenes, BUDGET="Default budget"))
    assert "1 credits left" in message
    assert account.state()["orders"] == []


# --- issue 17: a coverage plan as SCENES ---------------------------------------------------
@pytest.mark.parametrize("with_extent", [False, True])
def test_the_chain_search_plan_estimate_order_download(account, tmp_path, with_extent):
    scenes = search(tmp_path, EXTENT=BERLIN_EXTENT, LIMIT=6)
    plan = run(
        "plan_coverage",
        {"SCENES": scenes, "EXTENT": BERLIN_EXTENT, "OUTPUT": str(tmp_path / "plan.gpkg")},
    )
    layer = QgsVectorLayer(plan["OUTPUT"], "plan", "ogr")
    assert layer.isValid()
    assert layer.featureCount() >= 1
    parts = {f["scene_id"]: f.geometry().area() for f in layer.getFeatures()}
    extent = {"EXTENT": ORDER_EXTENT} if with_extent else {}  # ignored for a plan

    estimate = run("estimate", {"SCENES": layer, "OUTPUT": "memory:", **extent})
    rows = feature_rows(estimate["OUTPUT"])
    assert sorted(r["scene_id"] for r in rows) == sorted(parts)
    assert all(value(r, "error") is None for r in rows), rows
    account.clear_log()

    result = run(
        "order",
        {"SCENES": layer, "MAX_CREDITS": estimate["TOTAL_CREDITS"], "OUTPUT": "memory:", **extent},
    )
    order_ids = result["ORDER_IDS"].split(",")
    assert len(order_ids) == len(parts)
    assert len(posts(account.request_log(), "/v2/orders")) == len(parts)
    # Each order's AOI is its part (the plan's polygon), not the whole area nor the extent.
    from shapely.geometry import shape

    for placed in account.state()["orders"]:
        aoi = shape(placed["orderDetails"]["aoi"])
        assert aoi.area == pytest.approx(parts[placed["sceneId"]], rel=1e-3)

    download = run(
        "download",
        {
            "ORDER_IDS": result["ORDER_IDS"],
            "WAIT": True,
            "TIMEOUT": 120,
            "POLL_INTERVAL": 5,
            "FOLDER": str(tmp_path / "rasters"),
        },
    )
    assert download["FILES"]


def test_a_budget_required_refusal_names_the_budgets_and_the_parameter(
    account, tmp_path, clean_settings, monkeypatch
):
    from up42_qgis.api.client import Up42Client
    from up42_qgis.api.models import Budget

    account.configure(budget_enforcement=True)
    scenes = search(tmp_path, LIMIT=1)
    two = [
        Budget(id=DEFAULT_BUDGET, name="Default budget", status="ACTIVE"),
        Budget(id="b-other", name="Other", status="ACTIVE"),
    ]
    # Two active budgets: no guess is made, the estimate goes without one and UP42 refuses.
    monkeypatch.setattr(Up42Client, "budgets", lambda self, active_only=True: two)
    message = failure(
        "estimate", {"SCENES": scenes, "EXTENT": ORDER_EXTENT, "OUTPUT": "memory:"}
    )
    assert "requires a budget" in message
    assert "“Default budget” (500,000 credits left)" in message
    assert "BUDGET" in message
