"""Tasking through the real client against the sandbox: the schema read into a form, the
order placed once after the form was checked, feasibility and quotation decided only with
an explicit decision, the order's path after accept or reject, coverage, and the refusals
(decided elsewhere, expired, price above the confirmed one, 451 access restricted)."""

from __future__ import annotations

import pytest

from tests.unit.api.tasking_support import (
    FAST_TASKING,
    POINT,
    PRIORITY,
    SITE,
    SITE_POINT,
    STANDARD,
    form,
    product,
    today,
    wait_for,
    wait_for_status,
    window,
)
from up42_qgis.api.client import Up42Client
from up42_qgis.api.errors import (
    AccessRestrictedError,
    DecisionClosedError,
    OrderFormError,
    PriceChangedError,
    ValidationError,
)
from up42_qgis.api.order_schema import FieldKind, ProblemKind
from up42_qgis.api.order_status import OrderStatus, OrderSubStatus
from up42_qgis.api.tasking import TASKING_TAG, tasking_request
from up42_qgis.api.tasking_models import Decision


@pytest.fixture
def tasking(sandbox, up42: Up42Client) -> Up42Client:
    sandbox.configure(**FAST_TASKING)
    return up42


def place(client: Up42Client, name: str, product_name: str = PRIORITY, **values) -> str:
    data_product = product(client, product_name)
    schema = client.order_schema(data_product.id or "")
    geometry = SITE_POINT if product_name == POINT else SITE
    request = tasking_request(
        schema, data_product.id or "", name, geometry, form(**values), today=today()
    )
    placed = client.place_order(request)
    assert placed.order_id, placed.error
    return placed.order_id


def posts(sandbox, path: str) -> list[dict]:
    return [e for e in sandbox.request_log() if e["method"] == "POST" and e["path"] == path]


def patches(sandbox) -> list[dict]:
    return [e for e in sandbox.request_log() if e["method"] == "PATCH"]


def test_the_schema_becomes_a_complete_form(tasking: Up42Client) -> None:
    schema = tasking.order_schema(product(tasking, STANDARD).id or "")
    assert schema.complete
    assert schema.window == ("acquisitionStart", "acquisitionEnd")
    assert schema.geometry_types == ("Polygon",)
    mode = schema.field("acquisitionMode")
    assert mode is not None
    assert mode.kind == FieldKind.ENUM
    assert mode.choices == ("mono", "stereo", "tristereo")
    cloud = schema.field("maxCloudCover")
    assert cloud is not None
    assert (cloud.kind, cloud.minimum, cloud.maximum, cloud.default) == (
        FieldKind.INTEGER,
        0,
        100,
        20,
    )
    point = tasking.order_schema(product(tasking, POINT).id or "")
    assert point.geometry_types == ("Point",)


def test_a_bad_form_sends_nothing(sandbox, tasking: Up42Client) -> None:
    data_product = product(tasking, PRIORITY)
    schema = tasking.order_schema(data_product.id or "")
    sandbox.clear_log()
    bad = form(maxCloudCover=101, **window(start_in_days=-3))
    with pytest.raises(OrderFormError) as caught:
        tasking_request(schema, data_product.id or "", "bad", SITE, bad, today=today())
    kinds = {(p.field, p.kind) for p in caught.value.problems}
    assert kinds == {
        ("maxCloudCover", ProblemKind.OUT_OF_RANGE),
        ("acquisitionStart", ProblemKind.IN_THE_PAST),
    }
    with pytest.raises(OrderFormError) as wrong:
        tasking_request(schema, data_product.id or "", "bad", SITE_POINT, form(), today=today())
    assert [p.kind for p in wrong.value.problems] == [ProblemKind.WRONG_GEOMETRY]
    assert not posts(sandbox, "/v2/orders")


def test_place_then_accept_the_quotation_until_fulfilled(sandbox, tasking: Up42Client) -> None:
    order_id = place(tasking, "QGIS tasking accept")
    (sent,) = posts(sandbox, "/v2/orders")
    order = wait_for(tasking, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    assert order.is_tasking
    assert order.awaits_decision
    assert TASKING_TAG in order.tags
    assert order.acquisition_start is not None
    (quotation,) = tasking.quotations([order_id])
    assert quotation.is_pending
    assert quotation.credits_price is not None
    assert quotation.credits_price > 0
    price = quotation.credits_price
    with pytest.raises(PriceChangedError):
        tasking.decide_quotation(quotation.id, "ACCEPTED", confirmed_credits=price - 1)
    with pytest.raises(ValidationError):
        tasking.decide_quotation(quotation.id, Decision.ACCEPTED)  # no confirmed price
    assert not patches(sandbox)
    decided = tasking.decide_quotation(quotation.id, Decision.ACCEPTED, confirmed_credits=price)
    assert decided.decision == Decision.ACCEPTED
    assert len(patches(sandbox)) == 1
    fulfilled = wait_for_status(tasking, order_id, OrderStatus.FULFILLED)
    assert fulfilled.sub_status == OrderSubStatus.QUOTATION_ACCEPTED
    assert not fulfilled.awaits_decision
    coverage = tasking.order_coverage(order_id)
    assert coverage.covered.percentage == pytest.approx(100, abs=0.5)
    assert coverage.covered.geometry is not None
    assert tasking.delivery(order_id).assets
    with pytest.raises(DecisionClosedError) as again:
        tasking.decide_quotation(quotation.id, Decision.ACCEPTED, confirmed_credits=price)
    assert again.value.kind == "decided"
    assert len(patches(sandbox)) == 1  # the second accept was never sent
    assert sent["params"].get("workspaceId")


def test_reject_cancels_the_order(tasking: Up42Client) -> None:
    order_id = place(tasking, "QGIS tasking reject")
    wait_for(tasking, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    (quotation,) = tasking.quotations([order_id], decisions=["NOT_DECIDED"])
    assert tasking.decide_quotation(quotation.id, "REJECTED").decision == Decision.REJECTED
    order = wait_for_status(tasking, order_id, OrderStatus.CANCELED)
    assert order.sub_status == OrderSubStatus.QUOTATION_REJECTED
    assert tasking.quotations([order_id], decisions=["NOT_DECIDED"]) == []


def test_a_feasibility_option_is_accepted_then_the_quotation_comes(
    sandbox, tasking: Up42Client
) -> None:
    order_id = place(tasking, "QGIS tasking feasibility", STANDARD)
    wait_for(tasking, order_id, OrderSubStatus.FEASIBILITY_WAITING_RESPONSE)
    assert tasking.quotations([order_id]) == []
    (study,) = tasking.feasibility_studies([order_id])
    assert study.is_pending
    assert len(study.options) == 2
    assert all(o.id and o.description for o in study.options)
    with pytest.raises(ValidationError):
        tasking.accept_feasibility_option(study.id, "not-an-option")
    assert not patches(sandbox)
    chosen = study.options[1]
    decided = tasking.accept_feasibility_option(study.id, chosen.id)
    assert decided.decision == Decision.ACCEPTED
    assert decided.decision_option is not None
    assert decided.decision_option.id == chosen.id
    wait_for(tasking, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    assert len(tasking.quotations([order_id])) == 1
    with pytest.raises(DecisionClosedError):
        tasking.accept_feasibility_option(study.id, study.options[0].id)


def test_decided_in_the_console_is_a_clear_error(sandbox, tasking: Up42Client) -> None:
    order_id = place(tasking, "QGIS tasking console")
    wait_for(tasking, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    (quotation,) = tasking.quotations([order_id])
    sandbox.console_decide_quotation(order_id, "REJECTED")
    with pytest.raises(DecisionClosedError) as caught:
        tasking.decide_quotation(quotation.id, "ACCEPTED", confirmed_credits=1e9)
    assert caught.value.kind == "decided"
    assert caught.value.decision == "REJECTED"
    assert not patches(sandbox)


def test_an_expired_quotation_is_a_clear_error(sandbox, tasking: Up42Client) -> None:
    order_id = place(tasking, "QGIS tasking expired")
    wait_for(tasking, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    (quotation,) = tasking.quotations([order_id])
    sandbox.configure(quotation_expired=True)
    with pytest.raises(DecisionClosedError) as caught:
        tasking.decide_quotation(
            quotation.id, "ACCEPTED", confirmed_credits=quotation.credits_price
        )
    assert caught.value.kind == "expired"
    assert tasking.quotation(quotation.id).is_pending


def test_a_point_product_takes_a_point(tasking: Up42Client) -> None:
    order_id = place(tasking, "QGIS tasking point", POINT, acquisitionMode="single")
    order = tasking.order(order_id)
    assert order.aoi == SITE_POINT


def test_451_access_restricted_places_nothing(sandbox, tasking: Up42Client) -> None:
    data_product = product(tasking, PRIORITY)
    sandbox.configure(licence_refused_at_placement={data_product.id: "restricted"})
    with pytest.raises(AccessRestrictedError):
        place(tasking, "QGIS tasking restricted")
    assert sandbox.orders() == []
