"""Estimate, place, order get/list/patch/cancel, the status machine, credits and budgets."""

from __future__ import annotations

import pytest

from tests.sandbox.control import SandboxControl
from tests.unit.sandbox.conftest import BERLIN_AOI, FAST_DWELL, Api

SLOW_DWELL = {"CREATED": 600, "BEING_PLACED": 600, "PLACED": 600, "BEING_FULFILLED": 600}
FAR_AWAY = {"type": "Polygon", "coordinates": [[[2.0, 48.0], [2.1, 48.0], [2.1, 48.1],
                                                [2.0, 48.1], [2.0, 48.0]]]}


def _feature(geometry: dict) -> dict:
    return {"type": "Feature", "properties": {}, "geometry": geometry}


def test_estimate_shapes_and_per_feature_errors(api: Api) -> None:
    scene = api.scene()
    body = api.order_body(scene)
    line = {"type": "LineString", "coordinates": [[13.36, 52.46], [13.4, 52.5]]}
    body["featureCollection"]["features"] += [_feature(FAR_AWAY), _feature(line)]
    response = api.post("/v2/orders/estimate", json=body)
    assert response.status_code == 200
    estimate = response.json()
    assert set(estimate["summary"]) == {"totalCredits", "totalSize", "unit"}
    assert [set(r) for r in estimate["results"]] == [{"index", "credits", "size", "unit"}]
    assert [set(e) for e in estimate["errors"]] == [{"index", "message", "details"}] * 2
    assert [e["index"] for e in estimate["errors"]] == [1, 2]
    assert estimate["errors"][0]["details"] == "AOI does not intersect the scene"
    result = estimate["results"][0]
    # ~4.07 km × 4.45 km at 100 credits/km²
    assert 1700 < result["credits"] < 1900
    # credits = ceil(area × price); size is the area rounded to 0.01 km²
    assert 0 <= result["credits"] - result["size"] * 100 <= 1.5
    assert estimate["summary"]["totalCredits"] == result["credits"]


def test_minimum_area_and_price_per_product(api: Api) -> None:
    scene = api.scene()
    tiny = {"type": "Polygon", "coordinates": [[[13.40, 52.48], [13.401, 52.48],
                                                [13.401, 52.481], [13.40, 52.481],
                                                [13.40, 52.48]]]}
    estimate = api.post("/v2/orders/estimate", json=api.order_body(scene, aoi=tiny)).json()
    assert estimate["results"][0]["credits"] == 25  # 0.25 km² minimum × 100
    analytic = api.post("/v2/orders/estimate",
                        json=api.order_body(scene, "phr-analytic", aoi=tiny)).json()
    assert analytic["results"][0]["credits"] == 30


@pytest.mark.parametrize(("change", "fragment"), [
    ({"dataProduct": "00000000-0000-0000-0000-000000000000"}, "Unknown data product"),
    ({"params": {}}, "params.id"),
    ({"params": {"id": "not-a-scene"}}, "not found in collection"),
    ({"featureCollection": {"type": "FeatureCollection", "features": []}}, "featureCollection"),
    ({"displayName": ""}, "displayName"),
    ({"tags": ["bad<tag>"]}, "tags"),
    ({"budgetId": "no-such-budget"}, "Budget"),
])
def test_invalid_order_bodies_get_400(api: Api, change: dict, fragment: str) -> None:
    body = {**api.order_body(api.scene()), **change}
    for path in ("/v2/orders/estimate", f"/v2/orders?workspaceId={api.sandbox.workspace_id}"):
        response = api.post(path, json=body)
        assert response.status_code == 400, response.text
        assert fragment in response.json()["title"]


def test_product_of_another_collection_is_400(api: Api) -> None:
    body = api.order_body(api.scene("phr"), "spot-display")
    assert api.post("/v2/orders/estimate", json=body).status_code == 400


def test_place_needs_the_workspace(api: Api) -> None:
    body = api.order_body(api.scene())
    assert api.post("/v2/orders", json=body).status_code == 400
    assert api.post("/v2/orders?workspaceId=someone-else", json=body).status_code == 403


def test_place_get_and_status_machine(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(dwell=FAST_DWELL)
    scene = api.scene()
    response = api.post(f"/v2/orders?workspaceId={sandbox.workspace_id}",
                        json=api.order_body(scene, tags=["qgis", "a/b:c"]))
    assert response.status_code == 200
    placed = response.json()
    assert [set(r) for r in placed["results"]] == [{"index", "id"}]
    assert placed["errors"] == []
    order_id = placed["results"][0]["id"]
    order = api.get(f"/v2/orders/{order_id}").json()
    assert {"id", "displayName", "status", "workspaceId", "accountId", "type"} <= set(order)
    assert order["workspaceId"] == sandbox.workspace_id
    assert order["orderDetails"] == {"aoi": BERLIN_AOI, "imageId": scene["id"]}
    assert order["tags"] == ["qgis", "a/b:c"]
    assert order["createdAt"].endswith("Z")
    seen = set()
    while order["status"] != "FULFILLED":
        seen.add(order["status"])
        order = api.wait_for(order_id, ("FULFILLED",), timeout_s=0.06)
    assert seen <= {"CREATED", "BEING_PLACED", "PLACED", "BEING_FULFILLED"}
    assert order["updatedAt"] > order["createdAt"]
    assert api.get("/v2/orders/unknown-id").status_code == 404


def test_orders_wait_in_each_state(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(dwell=SLOW_DWELL)
    order_id = api.place(api.order_body(api.scene()))
    assert api.get(f"/v2/orders/{order_id}").json()["status"] == "CREATED"
    sandbox.force_order_status(order_id, "PLACED")
    assert api.get(f"/v2/orders/{order_id}").json()["status"] == "PLACED"
    sandbox.configure(dwell={"PLACED": 0, "BEING_FULFILLED": 0})
    assert api.get(f"/v2/orders/{order_id}").json()["status"] == "FULFILLED"


@pytest.mark.parametrize("key", ["scene", "product"])
def test_forced_placement_failure_and_cancel(api: Api, sandbox: SandboxControl, key: str) -> None:
    scene = api.scene()
    product = api.product("phr-display")
    target = scene["id"] if key == "scene" else product["id"]
    sandbox.configure(dwell=FAST_DWELL, force_status={target: "PLACEMENT_FAILED"})
    order_id = api.place(api.order_body(scene))
    order = api.wait_for(order_id, ("PLACEMENT_FAILED", "PLACED"))
    assert order["status"] == "PLACEMENT_FAILED"
    assert api.wait_for(order_id, (), timeout_s=0.3)["status"] == "PLACEMENT_FAILED"
    cancel = api.post(f"/v2/orders/{order_id}/cancellation",
                      headers={"Content-Type": "application/json"})
    assert cancel.status_code == 200
    assert cancel.json() == {"orderId": order_id, "status": "CANCELED"}
    assert api.get(f"/v2/orders/{order_id}").json()["status"] == "CANCELED"


def test_placement_failed_resolves_after_the_knob_s_seconds(
    api: Api, sandbox: SandboxControl
) -> None:
    scene = api.scene()
    sandbox.configure(dwell=FAST_DWELL, force_status={scene["id"]: "PLACEMENT_FAILED"},
                      placement_failed_resolve_s=0.5)
    order_id = api.place(api.order_body(scene))
    assert api.wait_for(order_id, ("PLACEMENT_FAILED", "PLACED"))["status"] == "PLACEMENT_FAILED"
    assert api.wait_for(order_id, ("FULFILLED",), timeout_s=10)["status"] == "FULFILLED"


def test_forced_permanent_failure_charges_nothing(api: Api, sandbox: SandboxControl) -> None:
    scene = api.scene()
    sandbox.configure(dwell=FAST_DWELL, force_status={scene["id"]: "FAILED_PERMANENTLY"})
    order_id = api.place(api.order_body(scene))
    order = api.wait_for(order_id, ("FAILED_PERMANENTLY", "FULFILLED"))
    assert order["status"] == "FAILED_PERMANENTLY"
    assert sandbox.state()["credits"]["spent"] == 0


def test_cancel_conflict_is_409(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(dwell=SLOW_DWELL)
    order_id = api.place(api.order_body(api.scene()))
    sandbox.force_order_status(order_id, "BEING_FULFILLED")
    response = api.post(f"/v2/orders/{order_id}/cancellation")
    assert response.status_code == 409
    assert "cannot be canceled" in response.json()["title"]
    assert api.post("/v2/orders/unknown/cancellation").status_code == 404


def test_list_filters_sort_and_pages(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(dwell=SLOW_DWELL)
    scene = api.scene()
    ids = [api.place(api.order_body(scene, displayName=f"Berlin {i}", tags=[f"t{i % 2}"]))
           for i in range(5)]
    sandbox.force_order_status(ids[0], "FULFILLED")
    listing = api.get("/v2/orders", params={"size": 2}).json()
    assert listing["totalElements"] == 5
    assert listing["totalPages"] == 3
    assert [o["id"] for o in listing["content"]] == ids[::-1][:2]  # createdAt,desc
    ascending = api.get("/v2/orders", params={"sort": "createdAt,asc", "size": 100}).json()
    assert [o["id"] for o in ascending["content"]] == ids

    def listed(**params: object) -> list[str]:
        return [o["id"] for o in api.get("/v2/orders", params=params).json()["content"]]

    assert listed(status=["FULFILLED", "PLACED"]) == [ids[0]]
    assert set(listed(status="CREATED")) == set(ids[1:])
    assert listed(displayName="berlin 3") == [ids[3]]
    assert set(listed(tags="t1")) == {ids[1], ids[3]}
    assert set(listed(orderIds=f"{ids[1]},{ids[2]}")) == {ids[1], ids[2]}
    assert set(listed(workspaceId=sandbox.workspace_id)) == set(ids)
    assert listed(workspaceId="other") == []
    assert api.get("/v2/orders", params={"sort": "bogus,asc"}).status_code == 400


def test_patch_tags_and_budget(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(dwell=SLOW_DWELL)
    order_id = api.place(api.order_body(api.scene()))
    budget = api.get("/v2/budgets", params={"status": "ACTIVE"}).json()["content"][0]
    headers = {"Content-Type": "application/merge-patch+json"}
    patched = api.patch(f"/v2/orders/{order_id}", json={"tags": ["x"], "budgetId": budget["id"]},
                        headers=headers).json()
    assert patched["tags"] == ["x"]
    assert patched["budgetId"] == budget["id"]
    assert api.patch(f"/v2/orders/{order_id}", json={}, headers=headers).json()["tags"] == ["x"]
    assert api.patch(f"/v2/orders/{order_id}", json={"status": "FULFILLED"}).status_code == 400
    assert api.patch("/v2/orders/unknown", json={}).status_code == 404


def test_credits_are_charged_at_fulfilled(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(dwell=SLOW_DWELL, credits=10_000)
    budget = api.get("/v2/budgets", params={"status": "ACTIVE"}).json()["content"][0]
    scene = api.scene()
    body = api.order_body(scene, budgetId=budget["id"])
    credits = api.post("/v2/orders/estimate", json=body).json()["summary"]["totalCredits"]
    order_id = api.place(body)
    assert api.get("/accounts/me/credits/balance").json()["data"]["balance"] == 10_000
    sandbox.force_order_status(order_id, "FULFILLED")
    assert api.get("/accounts/me/credits/balance").json()["data"]["balance"] == 10_000 - credits
    usage = api.get(f"/v2/budgets/{budget['id']}/usage").json()
    assert usage == {"budgetId": budget["id"], "consumedCredits": credits}
    with_usage = api.get(f"/v2/budgets/{budget['id']}", params={"includeUsage": "True"}).json()
    assert with_usage["consumedCredits"] == credits
    assert with_usage["remainingCredits"] == budget["spendLimit"] - credits
    state = sandbox.state()
    assert state["credits"] == {"balance": 10_000 - credits, "spent": credits}
    assert state["orders"][0]["charged"] is True


def test_insufficient_credits_is_a_per_feature_error(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(credits=100)
    response = api.post(f"/v2/orders?workspaceId={sandbox.workspace_id}",
                        json=api.order_body(api.scene()))
    assert response.status_code == 200
    assert response.json()["results"] == []
    assert response.json()["errors"][0]["message"] == "Insufficient credits"
    assert sandbox.orders() == []


def test_budgets_and_enforcement(api: Api, sandbox: SandboxControl) -> None:
    listing = api.get("/v2/budgets", params={"status": "ACTIVE", "includeUsage": "true",
                                             "sort": "updatedAt,desc", "page": 0}).json()
    assert listing["totalPages"] == 1
    assert [b["status"] for b in listing["content"]] == ["ACTIVE"]
    assert listing["content"][0]["consumedCredits"] == 0
    assert api.get("/v2/budgets").json()["totalElements"] == 2
    assert api.get("/v2/budgets/unknown").status_code == 404
    assert api.get("/v2/budgets/settings").json() == {"enforcementEnabled": False,
                                                       "budgetSettingId": None}
    sandbox.configure(budget_enforcement=True)
    assert api.get("/v2/budgets/settings").json()["enforcementEnabled"] is True
    body = api.order_body(api.scene())
    response = api.post(f"/v2/orders?workspaceId={sandbox.workspace_id}", json=body)
    assert response.status_code == 400
    assert "budgetId" in response.json()["title"]
    body["budgetId"] = listing["content"][0]["id"]
    assert api.place(body)
