"""The ordering steps both faces share (api/ordering.py): names, requests per Polygon part,
estimates with per-scene refusals, exactly-once placement with the stop rule. Real HTTP
against the sandbox wherever a request is sent."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from tests.unit.api.conftest import BERLIN, aoi_inside, berlin_scene, phr_product_id
from up42_qgis.api import errors
from up42_qgis.api.models import OrderStatus
from up42_qgis.api.ordering import (
    PER_SCENE_ERRORS,
    SceneRef,
    estimate_all,
    order_name,
    place_all,
    placement_stamp,
    polygon_parts,
    requests_for,
)

ACQUIRED = datetime(2024, 5, 1, 10, 30, tzinfo=UTC)
TWO_PARTS = {
    "type": "MultiPolygon",
    "coordinates": [
        [[[179.0, 10.0], [180.0, 10.0], [180.0, 11.0], [179.0, 11.0], [179.0, 10.0]]],
        [[[-180.0, 10.0], [-179.0, 10.0], [-179.0, 11.0], [-180.0, 11.0], [-180.0, 10.0]]],
    ],
}


def posts_to(sandbox, path: str) -> list[dict]:
    return [r for r in sandbox.request_log() if r["method"] == "POST" and r["path"] == path]


# --- names and requests (no request sent) --------------------------------------------------
def test_an_order_name_is_readable_and_unique_per_run():
    stamp = placement_stamp(datetime(2026, 12, 2, 9, 0, 5, tzinfo=UTC))
    name = order_name("Pléiades", ACQUIRED, "a6f99ad8-1234", stamp)
    assert name == "Pléiades 2024-05-01 a6f99ad8 (QGIS 2026-12-02 09:00:05)"
    later = order_name("Pléiades", ACQUIRED, "a6f99ad8-1234", placement_stamp())
    assert later != name  # another run, another name: a lookup can never match an old order
    part = order_name("Pléiades", ACQUIRED, "a6f99ad8-1234", stamp, (2, 3))
    assert "· part 2/3" in part
    assert order_name("Pléiades", ACQUIRED, "a6f99ad8", stamp, (1, 1)) == name
    long = order_name("x" * 300, ACQUIRED, "a6f99ad8", stamp)
    assert len(long) == 200
    assert long.endswith(f"(QGIS {stamp})")  # the unique part survives the cut


def test_a_multipolygon_aoi_becomes_one_request_per_polygon_part():
    assert [p["type"] for p in polygon_parts(TWO_PARTS)] == ["Polygon", "Polygon"]
    assert polygon_parts(BERLIN) == [BERLIN]
    scene = SceneRef("scene-1", "phr", ACQUIRED)
    planned = requests_for([scene], lambda c: ("product-1", None), TWO_PARTS, stamp="S")
    requests = [p.request for p in planned]
    assert len(requests) == 2
    assert all(r is not None and r.aoi["type"] == "Polygon" for r in requests)
    assert [r.aoi["coordinates"] for r in requests if r] == TWO_PARTS["coordinates"]
    names = [r.display_name for r in requests if r]
    assert names == [
        "phr 2024-05-01 scene-1 · part 1/2 (QGIS S)",
        "phr 2024-05-01 scene-1 · part 2/2 (QGIS S)",
    ]
    assert len(set(names)) == 2


def test_requests_name_the_collection_by_title_use_the_footprint_and_carry_refusals():
    footprint = {"type": "Polygon", "coordinates": BERLIN["coordinates"]}
    scenes = [
        SceneRef("scene-1", "phr", ACQUIRED, footprint),
        SceneRef("scene-2", "spot", None, footprint),
    ]

    def product_for(collection: str) -> tuple[str | None, str | None]:
        return ("product-1", None) if collection == "phr" else (None, "no product for spot")

    planned = requests_for(
        scenes, product_for, None, title_for=lambda name: name.upper(), stamp="S", budget_id="b"
    )
    assert [p.scene.scene_id for p in planned] == ["scene-1", "scene-2"]
    first, second = planned
    assert first.request is not None
    assert first.request.aoi == footprint  # no AOI: the whole scene
    assert first.request.display_name.startswith("PHR 2024-05-01 scene-1")
    assert first.request.budget_id == "b"
    assert second.request is None
    assert second.error == "no product for spot"


# --- estimate_all ----------------------------------------------------------------------------
def _requests(up42, count: int, stamp: str = ""):
    scene = berlin_scene(up42)
    refs = [SceneRef(scene.id, scene.collection, scene.acquired)] * count
    product = phr_product_id(up42)
    planned = requests_for(
        refs, lambda c: (product, None), aoi_inside(scene), stamp=stamp or placement_stamp()
    )
    return [p.request for p in planned if p.request]


def test_estimate_all_keeps_going_after_a_refused_scene(sandbox, up42):
    scene = berlin_scene(up42)
    good = _requests(up42, 1)[0]
    unknown = replace(good, data_product_id="no-such-product")
    percents: list[float] = []
    seen: list[str] = []
    estimates = estimate_all(
        up42,
        [unknown, good],
        progress=percents.append,
        on_result=lambda r, e: seen.append(r.data_product_id),
    )
    assert len(estimates) == 2
    assert not estimates[0].ok
    assert estimates[0].error
    assert isinstance(estimates[0].failure, PER_SCENE_ERRORS)
    assert estimates[1].ok
    assert estimates[1].scene_id == scene.id
    assert percents == [50.0, 100.0]
    assert seen == ["no-such-product", good.data_product_id]


def test_estimate_all_stops_when_cancelled_and_sends_nothing_more(sandbox, up42):
    requests = _requests(up42, 3)
    sandbox.clear_log()
    answers = iter([False, True])
    with pytest.raises(errors.CancelledError):
        estimate_all(up42, requests, is_cancelled=lambda: next(answers))
    assert len(posts_to(sandbox, "/v2/orders/estimate")) == 1


def test_estimate_all_raises_a_sign_in_failure_instead_of_blaming_the_scene(sandbox, up42):
    requests = _requests(up42, 2)
    sandbox.configure(faults=[{"method": "POST", "path": "/v2/orders/estimate", "status": 401,
                               "count": 10}])
    with pytest.raises(errors.AuthenticationError):
        estimate_all(up42, requests)


# --- place_all -------------------------------------------------------------------------------
def test_place_all_posts_each_request_once(sandbox, up42):
    requests = _requests(up42, 2)
    sandbox.clear_log()
    placed = place_all(up42, requests)
    assert [p.scene_id for p in placed] == [r.scene_id for r in requests]
    assert all(p.order_id and p.sent and p.error is None for p in placed)
    assert len(posts_to(sandbox, "/v2/orders")) == 2
    statuses = {up42.order(p.order_id).status for p in placed if p.order_id}
    assert statuses <= {OrderStatus.CREATED, OrderStatus.BEING_PLACED, OrderStatus.PLACED,
                        OrderStatus.BEING_FULFILLED, OrderStatus.FULFILLED}


def test_place_all_stops_after_a_sign_in_failure_and_reports_the_rest_not_sent(sandbox, up42):
    requests = _requests(up42, 3)
    sandbox.clear_log()
    sandbox.configure(faults=[{"method": "POST", "path": "/v2/orders", "status": 401,
                               "count": 10}])
    heard: list[bool] = []
    placed = place_all(up42, requests, on_result=lambda r, p: heard.append(p.sent))
    first, *rest = placed
    assert first.sent
    assert first.order_id is None
    assert isinstance(first.failure, errors.AuthenticationError)
    assert len(rest) == 2
    assert all(not p.sent and p.failure is first.failure for p in rest)
    assert heard == [True, False, False]
    order_posts = posts_to(sandbox, "/v2/orders")
    # One placement only: the 401 may be answered by signing in again and re-sending that
    # same request (a 401 was never processed), but no later request is POSTed at all.
    assert 1 <= len(order_posts) <= 2
    assert sandbox.orders() == []


def test_place_all_stops_before_the_next_post_when_asked(sandbox, up42):
    requests = _requests(up42, 3)
    sandbox.clear_log()
    placed = place_all(up42, requests, should_stop=lambda: bool(posts_to(sandbox, "/v2/orders")))
    assert placed[0].order_id
    assert [p.sent for p in placed] == [True, False, False]
    assert all(isinstance(p.failure, errors.CancelledError) for p in placed[1:])
    assert len(posts_to(sandbox, "/v2/orders")) == 1
