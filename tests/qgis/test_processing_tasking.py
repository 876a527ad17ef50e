"""up42:task and up42:quotations through ``processing.run`` against the sandbox: the form is
checked before anything is sent, a tasking order is placed once, and quotations and
feasibility options are decided only with DECISION=accept|reject (accept within MAX_CREDITS)."""

from __future__ import annotations

import json

import pytest
from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from tests.qgis.support import failure, feature_rows, posts, run, value
from tests.qgis.test_processing_qgis_process import QGIS_PROCESS, QgisProcess
from tests.unit.api.tasking_support import (
    FAST_TASKING,
    POINT,
    PRIORITY,
    STANDARD,
    wait_for,
    wait_for_status,
    window,
)
from up42_qgis.api.client import Credentials, Endpoints, Up42Client
from up42_qgis.api.order_status import OrderStatus, OrderSubStatus

SITE_EXTENT = "13.36,13.40,52.49,52.52 [EPSG:4326]"


@pytest.fixture
def tasking(account):
    account.configure(**FAST_TASKING)
    return account


@pytest.fixture
def client(tasking):
    up42 = Up42Client(
        Endpoints(tasking.url, tasking.url), Credentials(tasking.username, tasking.password)
    )
    yield up42
    up42.close()


def task_parameters(product: str = PRIORITY, **extra) -> dict:
    dates = window()
    parameters = {
        "DATA_PRODUCT": product,
        "EXTENT": SITE_EXTENT,
        "START_DATE": dates["acquisitionStart"],
        "END_DATE": dates["acquisitionEnd"],
        "PARAMS": json.dumps({"acquisitionMode": "mono", "maxIncidenceAngle": 30}),
    }
    parameters.update(extra)
    return parameters


def place(product: str = PRIORITY, **extra) -> str:
    return run("task", task_parameters(product, **extra))["ORDER_IDS"]


def patches(sandbox) -> list[dict]:
    return [e for e in sandbox.request_log() if e["method"] == "PATCH"]


def quotation_rows(result: dict) -> list[dict]:
    return [r for r in feature_rows(result["OUTPUT"]) if r["kind"] == "quotation"]


def test_the_algorithms_and_their_parameters(provider):
    registry = QgsApplication.processingRegistry()
    task = registry.algorithmById("up42:task")
    quotations = registry.algorithmById("up42:quotations")
    assert task is not None
    assert quotations is not None
    assert {
        "DATA_PRODUCT",
        "AOI",
        "EXTENT",
        "START_DATE",
        "END_DATE",
        "PARAMS",
        "DISPLAY_NAME",
    } <= {d.name() for d in task.parameterDefinitions()}
    assert {"ORDER_IDS"} <= {o.name() for o in task.outputDefinitions()}
    assert {"ORDER_IDS", "DECISION", "MAX_CREDITS", "OUTPUT"} <= {
        d.name() for d in quotations.parameterDefinitions()
    }
    assert quotations.parameterDefinition("DECISION").defaultValue() == "none"


def test_task_places_one_order_with_the_form(tasking, client, tmp_path):
    order_ids = place(
        DISPLAY_NAME="Processing tasking",
        PARAMS='{"maxCloudCover": 10, "acquisitionMode": "stereo", "maxIncidenceAngle": 20}',
    )
    (sent,) = posts(tasking.request_log(), "/v2/orders")
    assert order_ids
    assert "," not in order_ids
    order = client.order(order_ids)
    assert order.display_name == "Processing tasking"
    assert order.is_tasking
    assert order.sub_status is not None
    details = next(o for o in tasking.orders() if o["id"] == order_ids)["orderDetails"]
    assert details["maxCloudCover"] == 10
    assert details["acquisitionMode"] == "stereo"
    assert details["acquisitionStart"].startswith(window()["acquisitionStart"])
    assert details["acquisitionEnd"].startswith(window()["acquisitionEnd"])
    assert sent["status"] == 200


def test_a_task_rerun_after_a_crash_finds_the_order_through_the_journal(
    tasking, monkeypatch, placement_journal_file
):
    """up42:task journals each placement before its POST, as up42:order and the dock do: a
    run killed between the POST and UP42's answer is recovered by the next run, not placed
    a second time."""
    from up42_qgis.api.orders import OrdersApi

    original = OrdersApi._send_once

    def crash_after_the_post(self, *args, **kwargs):
        original(self, *args, **kwargs)  # UP42 made the order; its answer never arrives
        raise RuntimeError("killed between the POST and its answer")

    monkeypatch.setattr(OrdersApi, "_send_once", crash_after_the_post)
    failure("task", task_parameters(DISPLAY_NAME="Crash test"))
    monkeypatch.setattr(OrdersApi, "_send_once", original)
    journal = json.loads(placement_journal_file.read_text(encoding="utf-8"))
    assert len(journal) == 1  # the tag was on disk before the POST
    made = [o for o in tasking.orders() if o.get("displayName") == "Crash test"]
    assert len(made) == 1
    tasking.clear_log()

    assert place(DISPLAY_NAME="Crash test") == made[0]["id"]
    assert not posts(tasking.request_log(), "/v2/orders")
    assert len([o for o in tasking.orders() if o.get("displayName") == "Crash test"]) == 1
    assert json.loads(placement_journal_file.read_text(encoding="utf-8")) == {}


def test_task_sends_nothing_for_a_bad_form(tasking):
    message = failure(
        "task",
        task_parameters(
            START_DATE="2020-01-01",
            PARAMS='{"maxCloudCover": 101, "acquisitionMode": "mono", "maxIncidenceAngle": 30}',
        ),
    )
    assert "Maximum cloud cover (%) must be from 0 to 100, not 101" in message
    assert "Acquisition start is in the past" in message
    assert "Nothing was sent" in message
    assert not posts(tasking.request_log(), "/v2/orders")


def test_task_refuses_params_that_are_not_an_object_or_not_in_the_form(tasking):
    assert "JSON object" in failure("task", task_parameters(PARAMS="[1, 2]"))
    message = failure("task", task_parameters(PARAMS='{"acquisitionMode": "mono", "cloud": 3}'))
    assert "cloud is not a field" in message
    assert "mono, stereo" not in message
    message = failure("task", task_parameters(PARAMS='{"acquisitionMode": "octo"}'))
    assert "must be one of mono, stereo" in message
    assert not posts(tasking.request_log(), "/v2/orders")


def test_task_takes_a_point_layer_for_a_point_product(tasking, client):
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "target", "memory")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(13.38, 52.5)))
    layer.dataProvider().addFeatures([feature])
    parameters = task_parameters(POINT, PARAMS='{"acquisitionMode": "single"}', AOI=layer)
    del parameters["EXTENT"]
    order = client.order(run("task", parameters)["ORDER_IDS"])
    assert order.aoi == {"type": "Point", "coordinates": [13.38, 52.5]}


def test_task_refuses_a_polygon_for_a_point_product(tasking):
    message = failure("task", task_parameters(POINT, PARAMS="{}"))
    assert "takes a Point" in message
    assert not posts(tasking.request_log(), "/v2/orders")


def test_quotations_lists_without_deciding(tasking, client):
    order_id = place()
    wait_for(client, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    result = run("quotations", {"ORDER_IDS": order_id, "OUTPUT": "memory:"})
    (row,) = quotation_rows(result)
    assert row["order_id"] == order_id
    assert row["decision"] == "NOT_DECIDED"
    assert row["credits"] > 0
    assert value(row, "result") is None
    assert result["DECIDED"] == ""
    assert not patches(tasking)
    everything_waiting = run("quotations", {"OUTPUT": "memory:"})
    assert [r["order_id"] for r in quotation_rows(everything_waiting)] == [order_id]


def test_accept_needs_max_credits_and_stays_within_it(tasking, client):
    order_id = place()
    wait_for(client, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    (quotation,) = client.quotations([order_id])
    price = quotation.credits_price
    assert price
    base = {"ORDER_IDS": order_id, "DECISION": "accept", "OUTPUT": "memory:"}
    assert "needs MAX_CREDITS" in failure("quotations", base)
    message = failure("quotations", {**base, "MAX_CREDITS": price - 1})
    assert "above MAX_CREDITS" in message
    assert "nothing was accepted" in message
    assert not patches(tasking)
    result = run("quotations", {**base, "MAX_CREDITS": price})
    (row,) = quotation_rows(result)
    assert row["decision"] == "ACCEPTED"
    assert row["result"] == "accepted"
    assert result["DECIDED"] == quotation.id
    assert len(patches(tasking)) == 1
    order = wait_for_status(client, order_id, OrderStatus.FULFILLED)
    assert order.sub_status == OrderSubStatus.QUOTATION_ACCEPTED


def test_reject_cancels_the_order(tasking, client):
    order_id = place()
    wait_for(client, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    result = run("quotations", {"ORDER_IDS": order_id, "DECISION": "reject", "OUTPUT": "memory:"})
    (row,) = quotation_rows(result)
    assert row["decision"] == "REJECTED"
    order = wait_for_status(client, order_id, OrderStatus.CANCELED)
    assert order.sub_status == OrderSubStatus.QUOTATION_REJECTED


def test_a_feasibility_option_is_accepted_only_when_named(tasking, client):
    order_id = place(STANDARD)
    wait_for(client, order_id, OrderSubStatus.FEASIBILITY_WAITING_RESPONSE)
    listed = run("quotations", {"ORDER_IDS": order_id, "OUTPUT": "memory:"})
    options = [r for r in feature_rows(listed["OUTPUT"]) if r["kind"] == "feasibility"]
    assert len(options) == 2
    assert all(r["option_id"] and r["option"] for r in options)
    chosen = options[1]["option_id"]
    assert "only with DECISION=accept" in failure(
        "quotations", {"ORDER_IDS": order_id, "OPTION_IDS": chosen, "OUTPUT": "memory:"}
    )
    assert not patches(tasking)
    result = run(
        "quotations",
        {
            "ORDER_IDS": order_id,
            "DECISION": "accept",
            "MAX_CREDITS": 0,
            "OPTION_IDS": chosen,
            "OUTPUT": "memory:",
        },
    )
    rows = {r["option_id"]: r for r in feature_rows(result["OUTPUT"]) if r["kind"] == "feasibility"}
    assert rows[chosen]["result"] == "accepted"
    assert rows[chosen]["decision"] == "ACCEPTED"
    assert len(patches(tasking)) == 1
    wait_for(client, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)


def test_access_restricted_points_to_the_access_request(tasking, client):
    product_id = next(
        p.id for c in client.collections() for p in c.data_products if p.name == PRIORITY
    )
    tasking.configure(licence_refused_at_placement={product_id: "restricted"})
    message = failure("task", task_parameters())
    assert "Access to the collection needed" in message
    assert "Request access to this collection in the UP42 console" in message
    assert tasking.orders() == []


def test_an_expired_quotation_is_reported_and_not_accepted(tasking, client):
    order_id = place()
    wait_for(client, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    tasking.configure(quotation_expired=True)
    result = run(
        "quotations",
        {"ORDER_IDS": order_id, "DECISION": "accept", "MAX_CREDITS": 1e9, "OUTPUT": "memory:"},
    )
    (row,) = quotation_rows(result)
    assert row["result"] == "not decided"
    assert "The quotation expired" in row["error"]
    assert "ask UP42 support for a new quotation" in row["error"]
    assert row["decision"] == "NOT_DECIDED"
    assert result["DECIDED"] == ""


@pytest.fixture
def headless(sandbox, tmp_path) -> QgisProcess:
    """qgis_process.bin with the plugin enabled (as in test_processing_qgis_process.py)."""
    sandbox.configure(**FAST_TASKING)
    runner = QgisProcess(tmp_path, sandbox)
    enabled = runner("plugins", "enable", "up42_qgis")
    assert enabled.returncode == 0, enabled.stdout + enabled.stderr
    return runner


@pytest.mark.slow
@pytest.mark.skipif(QGIS_PROCESS is None, reason="qgis_process.bin is not installed")
def test_qgis_process_places_and_rejects_with_plain_strings(headless, sandbox):
    qgis_process = headless
    dates = window()
    placed = qgis_process.run(
        "task",
        DATA_PRODUCT=PRIORITY,
        EXTENT=SITE_EXTENT,
        START_DATE=dates["acquisitionStart"],
        END_DATE=dates["acquisitionEnd"],
        PARAMS='{"acquisitionMode": "mono", "maxIncidenceAngle": 30}',
    )
    order_id = placed["ORDER_IDS"]
    up42 = Up42Client(
        Endpoints(sandbox.url, sandbox.url), Credentials(sandbox.username, sandbox.password)
    )
    try:
        wait_for(up42, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
        refused = qgis_process(
            "run",
            "up42:quotations",
            "--",
            f"ORDER_IDS={order_id}",
            "DECISION=accept",
            "OUTPUT=TEMPORARY_OUTPUT",
        )
        assert refused.returncode != 0
        assert "needs MAX_CREDITS" in refused.stdout + refused.stderr
        assert not patches(sandbox)
        qgis_process.run(
            "quotations", ORDER_IDS=order_id, DECISION="reject", OUTPUT="TEMPORARY_OUTPUT"
        )
        assert wait_for_status(up42, order_id, OrderStatus.CANCELED).sub_status == (
            OrderSubStatus.QUOTATION_REJECTED
        )
    finally:
        up42.close()
