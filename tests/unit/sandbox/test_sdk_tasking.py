"""The official SDK, up42-py 4.3.0, unchanged, runs its tasking calls against the sandbox:
the glossary and order-form schema, placing with BatchOrderTemplate, the sub-statuses,
FeasibilityStudy.all/save, Quotation.all/save (accept and reject), OrderCoverage.get."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
import requests

from tests.sandbox.control import SandboxControl
from tests.unit.sandbox.conftest import signed_in_sdk

os.environ["UP42_DISABLE_VERSION_CHECK"] = "true"  # before the import: it would call pypi.org
up42 = pytest.importorskip("up42")
tasking = pytest.importorskip("up42.tasking")

BERLIN = {"type": "Polygon", "coordinates": [[[13.35, 52.45], [13.45, 52.45], [13.45, 52.52],
                                              [13.35, 52.52], [13.35, 52.45]]]}
POINT = {"type": "Point", "coordinates": [13.40, 52.50]}
FAST = {"dwell": {"CREATED": 0.05, "BEING_PLACED": 0.05, "PLACED": 0.05,
                  "BEING_FULFILLED": 0.1},
        "feasibility_dwell_s": 0.4, "quotation_dwell_s": 0.4, "tasking_acquisition_s": 0.1}


@pytest.fixture
def sdk(sandbox: SandboxControl):
    sdk = signed_in_sdk(sandbox)
    sandbox.configure(**FAST)
    return sdk


def _product(sdk, name: str):
    collections = sdk.ProductGlossary.get_collections(sdk.CollectionType.TASKING)
    return next(p for c in collections for p in c.data_products if p.name == name)


def _place(sdk, name: str, geometry: dict, **params) -> object:
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    values = {"acquisitionStart": (now + dt.timedelta(days=1)).isoformat().replace("+00:00", "Z"),
              "acquisitionEnd": (now + dt.timedelta(days=20)).isoformat().replace("+00:00", "Z"),
              "maxCloudCover": 15, **params}
    template = sdk.BatchOrderTemplate(
        data_product_id=_product(sdk, name).id, display_name=f"SDK {name}",
        features={"type": "FeatureCollection",
                  "features": [{"type": "Feature", "properties": {}, "geometry": geometry}]},
        params=values, tags=["sdk-tasking"])
    assert template.estimate.credits == 0  # tasking is priced by quotation
    assert "not available for tasking" in template.estimate.items[0].message
    references = template.place()
    assert len(references) == 1
    return references[0].order


def _wait_sub(sdk, order, sub_status: str, timeout_s: float = 10) -> None:
    import time

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        fresh = sdk.Order.get(order.id)
        if fresh.details.sub_status == sub_status:
            return
        time.sleep(0.05)
    raise AssertionError(f"{order.id} never reached {sub_status}")


def test_schema_through_the_glossary(sdk) -> None:
    product = _product(sdk, "pneo-tasking-standard")
    schema = product.schema
    assert schema["properties"]["maxCloudCover"]["maximum"] == 100
    assert "acquisitionEnd" in schema["required"]
    point = _product(sdk, "pneo-tasking-point").schema
    assert point["properties"]["geometry"]["allOf"][0]["$ref"] == "#/definitions/Point"


def test_feasibility_quotation_accept_coverage_delivery(sdk, sandbox: SandboxControl,
                                                       tmp_path: Path) -> None:
    sandbox.configure(tasking_partial_coverage=0.6)
    order = _place(sdk, "pneo-tasking-standard", BERLIN, maxIncidenceAngle=25,
                   acquisitionMode="stereo")
    assert order.type == "TASKING"
    assert isinstance(order.details, sdk.order.TaskingOrderDetails)
    assert order.details.sub_status == "FEASIBILITY_WAITING_UPLOAD"
    assert order.details.acquisition_mode == "stereo"
    assert order.details.max_cloud_cover == 15
    assert order.details.geometry == BERLIN
    _wait_sub(sdk, order, "FEASIBILITY_WAITING_RESPONSE")
    listed = list(sdk.Order.all(order_type="TASKING",
                                sub_status=["FEASIBILITY_WAITING_RESPONSE"]))
    assert [o.id for o in listed] == [order.id]

    studies = list(tasking.FeasibilityStudy.all(order_id=order.id, decision=["NOT_DECIDED"],
                                                workspace_id=sandbox.workspace_id))
    assert len(studies) == 1
    study = studies[0]
    assert study.decision == "NOT_DECIDED"
    assert study.decision_option is None
    assert len(study.options) == 2
    with pytest.raises(tasking.FeasibilityStudy.NoDecisionOptionChosen):
        study.save()
    study.accept(study.options[1]["id"])
    study.save()
    assert study.decision == "ACCEPTED"
    assert study.decision_option.id == study.options[1]["id"]
    assert "extend the window" in study.decision_option.description
    assert list(tasking.FeasibilityStudy.all(order_id=order.id, decision=["NOT_DECIDED"])) == []

    _wait_sub(sdk, order, "QUOTATION_WAITING_RESPONSE")
    quotations = list(tasking.Quotation.all(order_id=order.id, decision=["NOT_DECIDED"],
                                            sort_by=tasking.QuotationSorting.credits_price.desc))
    assert len(quotations) == 1
    quotation = quotations[0]
    assert quotation.credits_price > 0
    assert quotation.decided_at is None
    quotation.accept()
    quotation.save()
    assert quotation.decision == "ACCEPTED"
    assert quotation.decided_at
    assert sandbox.state()["credits"]["spent"] == quotation.credits_price

    order.track(report_time=0.1)
    assert order.status == "FULFILLED"
    assert order.details.sub_status == "QUOTATION_ACCEPTED"
    coverage = tasking.OrderCoverage.get(order.id)
    assert 40 < coverage.covered.percentage < 80
    total = coverage.covered.percentage + coverage.remainder.percentage
    assert total == pytest.approx(100, abs=0.1)
    assert coverage.covered.sq_km_area > 0
    assert coverage.remainder.sq_km_area > 0
    assert coverage.covered.geometry["type"] in ("Polygon", "MultiPolygon")

    items = list(sdk.stac_client().search(
        filter={"op": "=", "args": [{"property": "order_id"}, order.id]}).items())
    assert len(items) == 1
    tif = items[0].assets["ms.tif"].file.download(tmp_path)
    assert tif.read_bytes()[:4] in (b"II*\x00", b"MM\x00*")


def test_quotation_reject_cancels_the_order(sdk, sandbox: SandboxControl) -> None:
    order = _place(sdk, "pneo-tasking-point", POINT)
    assert order.details.sub_status == "QUOTATION_WAITING_UPLOAD"
    assert order.details.geometry == POINT
    _wait_sub(sdk, order, "QUOTATION_WAITING_RESPONSE")
    quotation = next(tasking.Quotation.all(order_id=order.id))
    quotation.reject()
    quotation.save()
    assert quotation.decision == "REJECTED"
    with pytest.raises(sdk.order.CanceledOrder):
        order.track(report_time=0.1)
    assert order.status == "CANCELED"
    assert order.details.sub_status == "QUOTATION_REJECTED"
    assert [q.decision for q in tasking.Quotation.all(order_id=order.id)] == ["REJECTED"]
    assert sandbox.state()["credits"]["spent"] == 0


def test_a_quotation_decided_in_the_console(sdk, sandbox: SandboxControl) -> None:
    order = _place(sdk, "pneo-tasking-priority", BERLIN, maxIncidenceAngle=20,
                   acquisitionMode="mono")
    _wait_sub(sdk, order, "QUOTATION_WAITING_RESPONSE")
    quotation = next(tasking.Quotation.all(order_id=order.id, decision=["NOT_DECIDED"]))
    sandbox.console_decide_quotation(order.id, "REJECTED")
    quotation.accept()
    with pytest.raises(requests.HTTPError) as raised:
        quotation.save()
    assert raised.value.response.status_code == 409
    assert "already rejected" in raised.value.response.json()["title"]
    assert sdk.Order.get(order.id).status == "CANCELED"
