"""The contract's retry rules against the sandbox's deterministic faults, read back from its
request log: 429 with Retry-After, 5xx bursts, an order POST never retried and recovered by
lookup after an ambiguous failure, and a token that dies in the middle of a flow."""

from __future__ import annotations

import time

import pytest

from tests.unit.api.conftest import make_client, order_request
from up42_qgis.api import errors
from up42_qgis.api.auth import TokenManager
from up42_qgis.api.models import SearchRequest
from up42_qgis.api.orders import REQUEST_TAG_PREFIX

from .conftest import BERLIN

TOKEN_PATH = "/realms/public/protocol/openid-connect/token"


def statuses(sandbox, method: str, path: str) -> list[int]:
    return [
        e["status"] for e in sandbox.request_log() if e["method"] == method and e["path"] == path
    ]


def test_429_is_retried_after_the_servers_retry_after(sandbox, up42, sleeps):
    sandbox.configure(
        faults=[
            {
                "method": "GET",
                "path": "/v2/collections",
                "status": 429,
                "count": 2,
                "retry_after": 2,
            }
        ]
    )
    assert up42.collections()
    assert statuses(sandbox, "GET", "/v2/collections") == [429, 429, 200]
    assert sleeps == [2.0, 2.0]


def test_503_with_retry_after_is_retried_even_for_a_post(sandbox, up42, sleeps):
    sandbox.configure(
        faults=[
            {
                "method": "POST",
                "path": "/v2/catalog/search",
                "status": 503,
                "count": 1,
                "retry_after": 1,
            }
        ]
    )
    page = up42.search_page(SearchRequest(aoi=BERLIN, page_size=3))
    assert len(page.scenes) == 3
    assert statuses(sandbox, "POST", "/v2/catalog/search") == [503, 200]
    assert sleeps == [1.0]


def test_a_burst_of_5xx_on_a_get_is_retried_with_backoff(sandbox, up42, sleeps):
    up42.account()
    sandbox.clear_log()
    sandbox.configure(faults=[{"method": "GET", "path": "/v2/orders", "status": 500, "count": 3}])
    assert up42.orders() == []
    assert statuses(sandbox, "GET", "/v2/orders") == [500, 500, 500, 200]
    assert sleeps == [0.01, 0.02]  # backoff 0 (no wait), then the policy's next delays


def test_5xx_that_never_ends_raises_a_server_error_after_five_retries(sandbox, up42):
    sandbox.configure(
        faults=[{"method": "GET", "path": "/v2/collections", "status": 502, "count": 50}]
    )
    with pytest.raises(errors.ServerError) as caught:
        up42.collections()
    assert caught.value.status == 502
    assert len(statuses(sandbox, "GET", "/v2/collections")) == 6


def test_an_order_post_is_never_retried_after_a_5xx(sandbox, up42):
    """The fault answers 502 before the sandbox creates anything: the lookup finds nothing,
    so the client must say it cannot tell, and must not POST again."""
    request = order_request(up42, "Never twice")
    sandbox.clear_log()
    sandbox.configure(faults=[{"method": "POST", "path": "/v2/orders", "status": 502, "count": 5}])
    with pytest.raises(errors.AmbiguousPlacementError) as caught:
        up42.place_order(request)
    assert "Never twice" in caught.value.message
    assert statuses(sandbox, "POST", "/v2/orders") == [502]
    lookups = [
        e for e in sandbox.request_log() if e["method"] == "GET" and e["path"] == "/v2/orders"
    ]
    assert lookups
    assert all(e["params"]["displayName"] == ["Never twice"] for e in lookups)
    assert all(e["params"]["tags"][0].startswith(REQUEST_TAG_PREFIX) for e in lookups)
    assert sandbox.orders() == []


@pytest.mark.parametrize("fault", ["error", "drop", "delay"])
def test_an_ambiguous_placement_recovers_exactly_the_one_order(sandbox, sleeps, fault):
    sandbox.configure(dwell={"CREATED": 600})
    with make_client(sandbox, sleeps, timeout=1.0) as client:
        request = order_request(client, f"Ambiguous {fault}")
        sandbox.configure(placement_fault=fault, placement_delay_s=2.0, placement_fault_count=1)
        placed = client.place_order(request)
    assert placed.recovered
    orders = sandbox.orders()
    assert len(orders) == 1
    assert placed.order_id == orders[0]["id"]
    assert orders[0]["displayName"] == f"Ambiguous {fault}"
    # The sandbox logs a request when its answer ends: the delayed one is logged late.
    deadline = time.monotonic() + 10
    while not statuses(sandbox, "POST", "/v2/orders") and time.monotonic() < deadline:
        time.sleep(0.1)
    assert len(statuses(sandbox, "POST", "/v2/orders")) == 1


def test_a_429_on_an_order_post_is_resent_because_it_was_rejected(sandbox, up42, sleeps):
    request = order_request(up42)
    sandbox.configure(
        faults=[
            {"method": "POST", "path": "/v2/orders", "status": 429, "count": 1, "retry_after": 1}
        ]
    )
    placed = up42.place_order(request)
    assert placed.order_id
    assert not placed.recovered
    assert statuses(sandbox, "POST", "/v2/orders") == [429, 200]
    assert len(sandbox.orders()) == 1


def test_a_token_that_expires_in_the_middle_of_a_flow(sandbox, up42):
    request = SearchRequest(aoi=BERLIN, collections=("phr",), page_size=5)
    first = up42.search_page(request)
    sandbox.expire_tokens()
    sandbox.clear_log()
    second = up42.search_page(request, first.next_request)
    assert len(second.scenes) == 5
    log = [(e["method"], e["path"], e["status"]) for e in sandbox.request_log()]
    assert log == [
        ("POST", "/v2/catalog/search", 401),
        ("POST", TOKEN_PATH, 200),
        ("POST", "/v2/catalog/search", 200),
    ]
    assert up42.tokens.sign_ins == 2


def test_a_token_is_renewed_30_s_before_it_expires(sandbox, up42):
    now = [1000.0]
    tokens = TokenManager(
        up42.transport, up42.endpoints, up42.tokens._credentials, clock=lambda: now[0]
    )
    sandbox.configure(token_lifetime_s=120)
    first = tokens.token()
    now[0] += 89  # 31 s left: still good
    assert tokens.token() == first
    now[0] += 2  # 29 s left: renew before anything can fail
    second = tokens.token()
    assert second != first
    assert tokens.sign_ins == 2
    assert statuses(sandbox, "POST", TOKEN_PATH) == [200, 200]


def test_concurrent_calls_share_one_sign_in(sandbox, up42):
    from concurrent.futures import ThreadPoolExecutor

    for _ in range(3):  # new threads each time, as QGIS tasks and download pools bring
        with ThreadPoolExecutor(max_workers=4) as pool:
            results = list(pool.map(lambda _: len(up42.collections()), range(8)))
        assert len(set(results)) == 1
    assert up42.tokens.sign_ins == 1
    assert statuses(sandbox, "POST", TOKEN_PATH) == [200]
    assert 1 <= up42.transport.session_count <= 4  # pooled, not one per thread ever seen


def test_a_sign_in_failure_before_the_order_post_is_not_ambiguous(sandbox, up42):
    request = order_request(up42)
    up42.tokens.invalidate(up42.tokens.token())  # the next call must sign in first
    sandbox.clear_log()
    sandbox.configure(faults=[{"method": "POST", "path": TOKEN_PATH, "status": 500, "count": 20}])
    with pytest.raises(errors.ServerError) as caught:
        up42.place_order(request)
    assert not isinstance(caught.value, errors.AmbiguousPlacementError)
    assert caught.value.maybe_sent is False
    assert statuses(sandbox, "POST", "/v2/orders") == []
    assert sandbox.orders() == []
