"""Order placement against a hostile server (issue 14, 15): an order POST answered 503, 429
or 401 after the order was made, or redirected, is looked up and never re-sent blind."""

from __future__ import annotations

import pytest

from tests.unit.api.conftest import SQUARE_ORDER, hostile_client
from tests.unit.api.hostile_server import json_answer
from up42_qgis.api import errors


# --- 14.1 / 15.10: an order POST is never re-sent blind ---------------------------------------
@pytest.mark.parametrize("status", [503, 429])
def test_an_order_made_then_answered_with_retry_after_is_one_order(hostile, sleeps, status):
    hostile.order_answers = [json_answer(status, {"title": "Slow down"}, **{"Retry-After": "1"})]
    with hostile_client(hostile, sleeps) as client:
        placed = client.place_order(SQUARE_ORDER)
    assert len(hostile.orders) == 1
    assert len(hostile.requests_to("POST", "/v2/orders")) == 1
    assert placed.order_id == hostile.orders[0]["id"]
    assert placed.recovered


def test_a_429_whose_lookup_finds_nothing_is_sent_again_with_the_same_tag(hostile, sleeps):
    """A 429 that really refused (the order book stays empty): look, then send again."""
    hostile.route(
        "POST",
        "/v2/orders",
        lambda h: (
            hostile.routes.pop("POST /v2/orders"),
            json_answer(429, {"title": "Too many"}),
        )[-1],
    )
    with hostile_client(hostile, sleeps) as client:
        placed = client.place_order(SQUARE_ORDER)
    posts = hostile.requests_to("POST", "/v2/orders")
    assert len(posts) == 2
    assert len(hostile.orders) == 1
    assert placed.order_id == hostile.orders[0]["id"]
    assert sleeps[0] == 1.0  # no Retry-After: back off 1 s, not at once
    tags = [t for t in posts[1]["body"]["tags"] if t.startswith("qgis-req:")]
    assert tags
    assert tags == [t for t in hostile.orders[0]["tags"] if t.startswith("qgis-req:")]
    assert hostile.requests_to("GET", "/v2/orders")  # looked before sending again


def test_a_503_without_a_found_order_is_ambiguous_and_never_resent(hostile, sleeps):
    hostile.route(
        "POST", "/v2/orders", lambda h: json_answer(503, {"title": "Down"}, **{"Retry-After": "2"})
    )
    with hostile_client(hostile, sleeps) as client, pytest.raises(errors.AmbiguousPlacementError):
        client.place_order(SQUARE_ORDER)
    assert len(hostile.requests_to("POST", "/v2/orders")) == 1
    assert sleeps[0] == 2.0  # the lookup waited what the server asked


def test_an_order_post_answered_401_is_looked_up_before_it_is_sent_again(hostile, sleeps):
    hostile.route(
        "POST",
        "/v2/orders",
        lambda h: (hostile.routes.pop("POST /v2/orders"), json_answer(401, {"title": "Expired"}))[
            -1
        ],
    )
    with hostile_client(hostile, sleeps) as client:
        placed = client.place_order(SQUARE_ORDER)
    assert placed.order_id == hostile.orders[0]["id"]
    assert len(hostile.orders) == 1
    posts = [r["path"] for r in hostile.seen if r["method"] == "POST"]
    assert posts.count("/v2/orders") == 2
    lookups = [
        i for i, r in enumerate(hostile.seen) if r["method"] == "GET" and r["path"] == "/v2/orders"
    ]
    assert lookups  # the lookup came between the two POSTs
    assert hostile.tokens == 2  # signed in again


def test_a_redirected_order_post_is_not_followed_but_looked_up(hostile, sleeps):
    hostile.route("POST", "/v2/orders", lambda h: (307, {"Location": "/v2/orders2"}, b""))
    with hostile_client(hostile, sleeps) as client, pytest.raises(errors.AmbiguousPlacementError):
        client.place_order(SQUARE_ORDER)
    assert len(hostile.requests_to("POST", "/v2/orders")) == 1
    assert not hostile.requests_to("POST", "/v2/orders2")
