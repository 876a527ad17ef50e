"""Tasking over plain HTTP: order-form schemas, validation errors in words, the feasibility
and quotation sub-statuses, accept → FULFILLED with a GeoTIFF, reject → CANCELED, coverage."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile
from typing import Any

import pytest
from shapely.geometry import shape

from tests.sandbox.control import SandboxControl, SandboxError
from tests.unit.sandbox.conftest import BERLIN_AOI, FAST_DWELL, Api

FAST_TASKING = {"dwell": FAST_DWELL, "feasibility_dwell_s": 0.4, "quotation_dwell_s": 0.4,
                "tasking_acquisition_s": 0.05}
BERLIN_POINT = {"type": "Point", "coordinates": [13.40, 52.50]}


def _window(start_days: float = 1, end_days: float = 30) -> tuple[str, str]:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    return tuple((now + dt.timedelta(days=d)).strftime("%Y-%m-%dT%H:%M:%SZ")
                 for d in (start_days, end_days))  # type: ignore[return-value]


def tasking_body(api: Api, product: str = "pneo-tasking-standard",
                 geometry: dict[str, Any] | None = None, **params: Any) -> dict[str, Any]:
    start, end = _window()
    values: dict[str, Any] = {"acquisitionStart": start, "acquisitionEnd": end,
                              "maxCloudCover": 20}
    if product != "pneo-tasking-point":
        values.update({"maxIncidenceAngle": 30, "acquisitionMode": "mono"})
    values.update(params)
    values = {k: v for k, v in values.items() if v is not None}
    return {"dataProduct": api.product(product)["id"], "displayName": "Tasking Berlin",
            "params": values,
            "featureCollection": {"type": "FeatureCollection", "features": [
                {"type": "Feature", "properties": {},
                 "geometry": geometry or (BERLIN_POINT if product == "pneo-tasking-point"
                                          else BERLIN_AOI)}]}}


def _place_error(api: Api, body: dict[str, Any]) -> dict[str, Any]:
    response = api.post("/v2/orders", params={"workspaceId": api.sandbox.workspace_id},
                        json=body)
    assert response.status_code == 400, response.text
    assert not api.sandbox.orders()
    return response.json()


def wait_sub(api: Api, order_id: str, sub: str, timeout_s: float = 10) -> dict[str, Any]:
    deadline = time.monotonic() + timeout_s
    while True:
        order = api.get(f"/v2/orders/{order_id}").json()
        if order["orderDetails"]["subStatus"] == sub or time.monotonic() > deadline:
            return order
        time.sleep(0.03)


def test_glossary_lists_three_tasking_products_in_one_collection(api: Api) -> None:
    tasking = api.get("/v2/collections", params={"type": "TASKING"}).json()["content"]
    assert [c["name"] for c in tasking] == ["pneo-tasking"]
    assert [p["name"] for p in tasking[0]["dataProducts"]] == [
        "pneo-tasking-standard", "pneo-tasking-priority", "pneo-tasking-point"]
    assert "QUOTATION_REQUIRED" in tasking[0]["integrations"]


def test_schemas(api: Api) -> None:
    polygon = api.get(f"/orders/schema/{api.product('pneo-tasking-standard')['id']}").json()
    props = polygon["properties"]
    assert polygon["$schema"].startswith("http://json-schema.org/draft-07")
    assert props["acquisitionStart"]["format"] == "date-time"
    assert props["geometry"]["allOf"] == [{"$ref": "#/definitions/Polygon"}]
    assert polygon["definitions"]["Polygon"]["properties"]["type"]["const"] == "Polygon"
    assert (props["maxCloudCover"]["type"], props["maxCloudCover"]["minimum"],
            props["maxCloudCover"]["maximum"]) == ("integer", 0, 100)
    assert props["maxIncidenceAngle"]["type"] == "number"
    assert props["acquisitionMode"]["enum"] == ["mono", "stereo", "tristereo"]
    assert props["pansharpened"] == {**props["pansharpened"], "type": "boolean",
                                     "default": True}
    assert all(p.get("description") for p in props.values())
    assert {"displayName", "acquisitionStart", "acquisitionEnd", "geometry"} <= set(
        polygon["required"])
    point = api.get(f"/orders/schema/{api.product('pneo-tasking-point')['id']}").json()
    assert point["properties"]["geometry"]["allOf"] == [{"$ref": "#/definitions/Point"}]
    assert "Polygon" not in point["definitions"]


@pytest.mark.parametrize(("change", "words"), [
    ({"acquisitionStart": None}, "acquisitionStart is required"),
    ({"maxCloudCover": 120}, "maxCloudCover must be at most 100"),
    ({"maxCloudCover": 12.5}, "maxCloudCover must be an integer"),
    ({"maxIncidenceAngle": 70}, "maxIncidenceAngle must be at most 50"),
    ({"acquisitionMode": "quadstereo"}, "acquisitionMode must be one of mono, stereo, tristereo"),
    ({"pansharpened": "yes"}, "pansharpened must be true or false"),
    ({"acquisitionStart": "2027-01-01"}, "acquisitionStart must be an RFC 3339 date-time"),
    ({"sunElevation": 30}, "sunElevation is not a field of pneo-tasking-standard"),
])
def test_invalid_params_are_refused_in_words(api: Api, change: dict[str, Any],
                                             words: str) -> None:
    body = tasking_body(api, **change)
    error = _place_error(api, body)
    assert words in error["title"]
    assert any(words in message for message in error["detail"].values())


def test_reversed_and_past_windows(api: Api) -> None:
    start, end = _window(10, 5)
    error = _place_error(api, tasking_body(api, acquisitionStart=start, acquisitionEnd=end))
    assert "acquisitionEnd must be after acquisitionStart" in error["title"]
    start, end = _window(-30, -10)
    error = _place_error(api, tasking_body(api, acquisitionStart=start, acquisitionEnd=end))
    assert "must not be in the past" in error["detail"]["params.acquisitionStart"]
    assert "must be in the future" in error["detail"]["params.acquisitionEnd"]


def test_geometry_must_match_the_schema(api: Api) -> None:
    error = _place_error(api, tasking_body(api, "pneo-tasking-point", geometry=BERLIN_AOI))
    assert "takes a Point geometry, not a Polygon" in error["title"]
    error = _place_error(api, tasking_body(api, geometry=BERLIN_POINT))
    assert "takes a Polygon geometry, not a Point" in error["title"]
    body = tasking_body(api)
    body["params"]["geometry"] = BERLIN_AOI
    assert "geometry goes in featureCollection" in _place_error(api, body)["title"]


def test_estimate_has_no_price_for_tasking(api: Api) -> None:
    estimate = api.post("/v2/orders/estimate", json=tasking_body(api)).json()
    assert estimate["results"] == []
    assert set(estimate["errors"][0]) == {"index", "message", "details"}
    assert "not available for tasking" in estimate["errors"][0]["message"]
    bad = api.post("/v2/orders/estimate", json=tasking_body(api, maxCloudCover=-1))
    assert bad.status_code == 400


def test_access_restricted_at_placement(api: Api, sandbox: SandboxControl) -> None:
    product = api.product("pneo-tasking-priority")["id"]
    sandbox.configure(licence_refused_at_placement={product: "restricted"})
    response = api.post("/v2/orders", params={"workspaceId": sandbox.workspace_id},
                        json=tasking_body(api, "pneo-tasking-priority"))
    assert response.status_code == 451
    assert "is restricted" in response.json()["title"]
    assert "console.up42.com/settings/access" in response.json()["detail"]
    assert not sandbox.orders()


def test_feasibility_then_quotation_accept_fulfils_with_a_geotiff(
        api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(**FAST_TASKING, tasking_partial_coverage=0.5)
    order_id = api.place(tasking_body(api))
    order = api.get(f"/v2/orders/{order_id}").json()
    assert (order["type"], order["status"]) == ("TASKING", "CREATED")
    assert order["orderDetails"]["subStatus"] == "FEASIBILITY_WAITING_UPLOAD"
    assert order["orderDetails"]["pansharpened"] is True  # the schema's default
    assert wait_sub(api, order_id, "FEASIBILITY_WAITING_RESPONSE")["status"] == "CREATED"
    studies = api.get("/v2/tasking/feasibility-studies", params={"orderId": order_id}).json()
    study = studies["content"][0]
    assert (studies["totalPages"], study["decision"], len(study["options"])) == (
        1, "NOT_DECIDED", 2)
    wrong = api.patch(f"/v2/tasking/feasibility-studies/{study['id']}",
                      json={"acceptedOptionId": "nope"})
    assert wrong.status_code == 400
    chosen = api.patch(f"/v2/tasking/feasibility-studies/{study['id']}",
                       json={"acceptedOptionId": study["options"][0]["id"]}).json()
    assert chosen["decision"] == "ACCEPTED"
    assert chosen["decisionOption"]["id"] == study["options"][0]["id"]
    again = api.patch(f"/v2/tasking/feasibility-studies/{study['id']}",
                      json={"acceptedOptionId": study["options"][1]["id"]})
    assert again.status_code == 409
    assert wait_sub(api, order_id, "QUOTATION_WAITING_RESPONSE")["status"] == "CREATED"
    quotation = api.get("/v2/tasking/quotation", params={
        "orderId": order_id, "decision": "NOT_DECIDED"}).json()["content"][0]
    assert quotation["creditsPrice"] > 0
    before = sandbox.state()["credits"]["balance"]
    coverage = api.get(f"/v2/coverage/orders/{order_id}").json()
    assert coverage["covered"]["percentage"] == 0
    assert coverage["remainder"]["percentage"] == 100
    decided = api.patch(f"/v2/tasking/quotation/{quotation['id']}",
                        json={"decision": "ACCEPTED"}).json()
    assert decided["decision"] == "ACCEPTED"
    assert decided["decisionAt"]
    assert sandbox.state()["credits"]["balance"] == before - quotation["creditsPrice"]
    order = api.wait_for(order_id, ("FULFILLED",))
    assert order["status"] == "FULFILLED"
    assert order["orderDetails"]["subStatus"] == "QUOTATION_ACCEPTED"
    coverage = api.get(f"/v2/coverage/orders/{order_id}").json()
    assert 35 < coverage["covered"]["percentage"] < 65
    assert coverage["covered"]["percentage"] + coverage["remainder"]["percentage"] == \
        pytest.approx(100, abs=0.1)
    assert shape(coverage["covered"]["geometry"]).within(shape(BERLIN_AOI).buffer(1e-6))
    items = api.post("/v2/assets/stac/search", json={"filter": {
        "op": "=", "args": [{"property": "order_id"}, order_id]}}).json()["features"]
    assert len(items) == 1
    tif = sandbox.asset_bytes(items[0]["assets"]["ms.tif"]["href"].rsplit("/", 1)[1])
    assert tif[:4] in (b"II*\x00", b"MM\x00*")
    collection = api.get(f"/v2/assets/stac/collections/{items[0]['collection']}").json()
    original = next(iter(collection["assets"].values()))
    archive = zipfile.ZipFile(io.BytesIO(sandbox.asset_bytes(original["href"].rsplit("/", 1)[1])))
    assert any(n.endswith(".TIF") for n in archive.namelist())


def test_quotation_reject_cancels(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(**FAST_TASKING)
    order_id = api.place(tasking_body(api, "pneo-tasking-priority"))
    order = api.get(f"/v2/orders/{order_id}").json()
    assert order["orderDetails"]["subStatus"] == "QUOTATION_WAITING_UPLOAD"  # no feasibility
    wait_sub(api, order_id, "QUOTATION_WAITING_RESPONSE")
    assert api.get("/v2/tasking/feasibility-studies",
                   params={"orderId": order_id}).json()["content"] == []
    quotation = api.get("/v2/tasking/quotation", params={"orderId": order_id}).json()["content"][0]
    rejected = api.patch(f"/v2/tasking/quotation/{quotation['id']}",
                         json={"decision": "REJECTED"})
    assert rejected.json()["decision"] == "REJECTED"
    order = api.get(f"/v2/orders/{order_id}").json()
    assert (order["status"], order["orderDetails"]["subStatus"]) == ("CANCELED",
                                                                     "QUOTATION_REJECTED")
    assert sandbox.state()["credits"]["spent"] == 0
    listed = api.get("/v2/orders", params={"subStatus": "QUOTATION_REJECTED",
                                           "type": "TASKING"}).json()["content"]
    assert [o["id"] for o in listed] == [order_id]


def test_expired_and_console_decided_quotations(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(**FAST_TASKING, quotation_expired=True)
    order_id = api.place(tasking_body(api, "pneo-tasking-point"))
    wait_sub(api, order_id, "QUOTATION_WAITING_RESPONSE")
    quotation = api.get("/v2/tasking/quotation", params={"orderId": order_id}).json()["content"][0]
    expired = api.patch(f"/v2/tasking/quotation/{quotation['id']}", json={"decision": "ACCEPTED"})
    assert expired.status_code == 409
    assert "has expired" in expired.json()["title"]
    assert sandbox.state()["credits"]["spent"] == 0
    sandbox.configure(quotation_expired=False)
    sandbox.console_decide_quotation(order_id, "ACCEPTED")
    late = api.patch(f"/v2/tasking/quotation/{quotation['id']}", json={"decision": "REJECTED"})
    assert late.status_code == 409
    assert "already accepted" in late.json()["title"]
    order = api.wait_for(order_id, ("FULFILLED",))
    assert order["orderDetails"]["geometry"] == BERLIN_POINT
    coverage = api.get(f"/v2/coverage/orders/{order_id}").json()
    assert coverage["covered"]["percentage"] == 100
    assert coverage["covered"]["geometry"]["type"] == "Polygon"
    assert coverage["remainder"] == {"sqKmArea": 0.0, "percentage": 0.0,
                                     "geometry": {"type": "Polygon", "coordinates": []}}


def test_bad_decisions(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(**FAST_TASKING)
    order_id = api.place(tasking_body(api, "pneo-tasking-priority"))
    wait_sub(api, order_id, "QUOTATION_WAITING_RESPONSE")
    quotation = api.get("/v2/tasking/quotation", params={"orderId": order_id}).json()["content"][0]
    for body in ({"decision": "MAYBE"}, {}, {"decision": "ACCEPTED", "creditsPrice": 1}):
        assert api.patch(f"/v2/tasking/quotation/{quotation['id']}",
                         json=body).status_code == 400
    assert api.patch("/v2/tasking/quotation/unknown",
                     json={"decision": "ACCEPTED"}).status_code == 404
    assert api.get("/v2/tasking/quotation", params={"decision": "SOON"}).status_code == 400
    assert api.get("/v2/coverage/orders/unknown").status_code == 404
    sandbox.configure(credits=10)
    poor = api.patch(f"/v2/tasking/quotation/{quotation['id']}", json={"decision": "ACCEPTED"})
    assert poor.status_code == 400
    assert "Insufficient credits" in poor.json()["title"]


def test_a_canceled_order_takes_no_decision(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(**FAST_TASKING)
    order_id = api.place(tasking_body(api, "pneo-tasking-priority"))
    wait_sub(api, order_id, "QUOTATION_WAITING_RESPONSE")
    assert api.post(f"/v2/orders/{order_id}/cancellation").json()["status"] == "CANCELED"
    quotation = api.get("/v2/tasking/quotation", params={"orderId": order_id}).json()["content"][0]
    response = api.patch(f"/v2/tasking/quotation/{quotation['id']}",
                         json={"decision": "ACCEPTED"})
    assert response.status_code == 409
    assert "is CANCELED" in response.json()["title"]
    assert sandbox.state()["credits"]["spent"] == 0


def test_quotation_expiry_and_price_knobs(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(**FAST_TASKING, quotation_expiry_s=0.2, quotation_credits=4321)
    order_id = api.place(tasking_body(api, "pneo-tasking-priority"))
    wait_sub(api, order_id, "QUOTATION_WAITING_RESPONSE")
    quotation = api.get("/v2/tasking/quotations", params={"orderId": order_id}).json()["content"][0]
    assert quotation["creditsPrice"] == 4321
    time.sleep(0.3)
    response = api.patch(f"/v2/tasking/quotations/{quotation['id']}",
                         json={"decision": "ACCEPTED"})
    assert response.status_code == 409
    assert "has expired" in response.json()["title"]


def test_tasking_knobs_are_validated(sandbox: SandboxControl) -> None:
    for bad in ({"tasking_partial_coverage": 0}, {"tasking_partial_coverage": 1.5},
                {"feasibility_dwell_s": -1}, {"quotation_expired": "yes"},
                {"feasibility_products": "all"}, {"quotation_credits": -5}):
        with pytest.raises(SandboxError):
            sandbox.configure(**bad)
    knobs = sandbox.knobs()
    assert knobs["feasibility_products"]  # the default: one product has a feasibility study
    assert knobs["tasking_partial_coverage"] == 1.0


def test_feasibility_decided_in_the_console(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(**FAST_TASKING)
    order_id = api.place(tasking_body(api))
    wait_sub(api, order_id, "FEASIBILITY_WAITING_RESPONSE")
    study = api.get("/v2/tasking/feasibility", params={"orderId": order_id}).json()["content"][0]
    order = sandbox.console_choose_option(order_id, 1)
    assert order["orderDetails"]["subStatus"] == "QUOTATION_WAITING_UPLOAD"
    response = api.patch(f"/v2/tasking/feasibility/{study['id']}",
                         json={"acceptedOptionId": study["options"][0]["id"]})
    assert response.status_code == 409
    assert "already decided" in response.json()["title"]
    decided = api.get("/v2/tasking/feasibility-studies", params={
        "orderId": order_id, "decision": "ACCEPTED"}).json()["content"][0]
    assert decided["decisionByType"] == "ADMIN"
    assert decided["decisionOption"]["id"] == study["options"][1]["id"]
    assert api.get("/v2/tasking/feasibility-studies",
                   params={"decision": "NOT_DECIDED"}).json()["content"] == []


def test_sorted_quotation_pages(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(**FAST_TASKING)
    ids = [api.place(tasking_body(api, "pneo-tasking-priority", geometry={
        "type": "Polygon", "coordinates": [[[13.3, 52.4], [13.3 + d, 52.4], [13.3 + d, 52.45],
                                            [13.3, 52.45], [13.3, 52.4]]]}))
           for d in (0.02, 0.05, 0.03)]
    for order_id in ids:
        wait_sub(api, order_id, "QUOTATION_WAITING_RESPONSE")
    first = api.get("/v2/tasking/quotation", params={"sort": "creditsPrice,desc", "size": 2,
                                                     "workspaceId": sandbox.workspace_id}).json()
    second = api.get("/v2/tasking/quotation", params={"sort": "creditsPrice,desc", "size": 2,
                                                      "page": 1}).json()
    assert (first["totalPages"], first["totalElements"]) == (2, 3)
    prices = [q["creditsPrice"] for q in first["content"] + second["content"]]
    assert prices == sorted(prices, reverse=True)
    assert first["content"][0]["orderId"] == ids[1]
    assert api.get("/v2/tasking/quotation", params={"workspaceId": "other"}).json()[
        "content"] == []


def test_every_knob_is_in_the_readme_list() -> None:
    from pathlib import Path

    from tests.sandbox.knobs import TASKING_SECONDS, default_knobs

    readme = (Path(__file__).resolve().parents[3] / "README.md").read_text(encoding="utf-8")
    missing = [name for name in default_knobs() if f"| `{name}` |" not in readme]
    assert missing == []
    assert all(name.startswith(("tasking_", "feasibility_", "quotation_"))
               for name in TASKING_SECONDS)


def test_forced_failure_after_acceptance(api: Api, sandbox: SandboxControl) -> None:
    product = api.product("pneo-tasking-priority")["id"]
    sandbox.configure(**FAST_TASKING, force_status={product: "FAILED_PERMANENTLY"})
    order_id = api.place(tasking_body(api, "pneo-tasking-priority"))
    wait_sub(api, order_id, "QUOTATION_WAITING_RESPONSE")
    quotation = api.get("/v2/tasking/quotation", params={"orderId": order_id}).json()["content"][0]
    api.patch(f"/v2/tasking/quotation/{quotation['id']}", json={"decision": "ACCEPTED"})
    order = api.wait_for(order_id, ("FAILED_PERMANENTLY", "FULFILLED"))
    assert order["status"] == "FAILED_PERMANENTLY"
    assert order["orderDetails"]["subStatus"] == "QUOTATION_ACCEPTED"


def test_eula_refused_at_estimate(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(eula_refused=[api.product("pneo-tasking-point")["id"]])
    response = api.post("/v2/orders/estimate", json=tasking_body(api, "pneo-tasking-point"))
    assert response.status_code == 451
    assert "EULA" in response.json()["title"]


def test_schema_extra_constructs(api: Api, sandbox: SandboxControl) -> None:
    """For form renderers: constructs they may not know (oneOf, arrays, nested objects)."""
    extra = {"properties": {
        "revisit": {"title": "Revisit plan", "description": "ISO 8601 period or a count",
                    "oneOf": [{"type": "integer"}, {"type": "string", "pattern": "^P"}]},
        "bands": {"title": "Bands", "type": "array", "items": {"enum": ["RGB", "NIR"]}}},
        "required": ["revisit"]}
    sandbox.configure(tasking_schema_extra=extra)
    schema = api.get(f"/orders/schema/{api.product('pneo-tasking-standard')['id']}").json()
    assert schema["properties"]["revisit"]["oneOf"][1]["pattern"] == "^P"
    assert "revisit" in schema["required"]
    assert "revisit is required" in _place_error(api, tasking_body(api))["title"]
    order_id = api.place(tasking_body(api, revisit="P7D", bands=["RGB"]))
    details = api.get(f"/v2/orders/{order_id}").json()["orderDetails"]
    assert (details["revisit"], details["bands"]) == ("P7D", ["RGB"])
    with pytest.raises(SandboxError, match="tasking_schema_extra"):
        sandbox.configure(tasking_schema_extra={"properties": []})
