"""Every error body shape of contract §2 and every status, over real HTTP to a scripted local
server (the sandbox emits only some of the shapes); plus the retry rules that need a
deterministic script: a dropped connection, retries exhausted, a refused connection."""

from __future__ import annotations

import socket
from collections.abc import Iterator

import pytest

from tests.unit.api.stub_server import StubServer, json_answer
from up42_qgis.api import errors
from up42_qgis.api.client import Credentials, Endpoints, NetworkOptions, RetryPolicy, Up42Client
from up42_qgis.api.http_errors import message_from_body

PASSWORD = "stub-password-9f3a"


@pytest.fixture
def stub() -> Iterator[StubServer]:
    server = StubServer()
    yield server
    server.close()


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(stub: StubServer, sleeps: list[float]) -> Iterator[Up42Client]:
    with Up42Client(
        Endpoints.custom(stub.url),
        Credentials("user@example.com", PASSWORD),
        NetworkOptions(timeout=5),
        RetryPolicy(backoff=(0, 0.01, 0.02), sleep=sleeps.append),
    ) as up42:
        yield up42


ORDER = "/v2/orders/abc"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ({"status": 404, "title": "Order abc not found", "detail": None}, "Order abc not found"),
        (
            {"status": 400, "title": "Bad Request", "detail": "limit must be 1..500"},
            "Bad Request: limit must be 1..500",
        ),
        (
            {"data": None, "error": {"code": 404, "message": "No such order", "details": "x"}},
            "No such order",
        ),
        ({"message": "Order is gone"}, "Order is gone"),
        (
            {"error": "invalid_grant", "error_description": "Invalid user credentials"},
            "Invalid user credentials",
        ),
        ({"status": 404, "detail": "Nothing here"}, "Nothing here"),
        ({"status": 404, "detail": {"field": "x"}}, "Not Found"),  # reason phrase
    ],
)
def test_the_message_is_the_servers_own_text_from_any_body_shape(stub, client, body, expected):
    stub.script(ORDER, json_answer(404, body))
    with pytest.raises(errors.NotFoundError) as caught:
        client.order("abc")
    assert caught.value.message == expected
    assert caught.value.status == 404


def test_an_empty_body_gives_the_http_reason_and_a_text_body_its_text(stub, client):
    stub.script(ORDER, (404, {}, b""))
    with pytest.raises(errors.NotFoundError, match=r"^Not Found$"):
        client.order("abc")
    stub.script(ORDER, (404, {"Content-Type": "text/plain"}, b"no order here\n"))
    with pytest.raises(errors.NotFoundError, match=r"^no order here$"):
        client.order("abc")


@pytest.mark.parametrize(
    ("status", "error_class"),
    [
        (400, errors.ValidationError),
        (403, errors.PermissionDeniedError),
        (404, errors.NotFoundError),
        (409, errors.ConflictError),
        (422, errors.ValidationError),
        (451, errors.LicenceError),
        (418, errors.Up42Error),
    ],
)
def test_each_status_maps_to_its_error_class(stub, client, status, error_class):
    stub.script(ORDER, json_answer(status, {"title": f"server says {status}"}))
    with pytest.raises(error_class, match=f"server says {status}") as caught:
        client.order("abc")
    assert caught.value.status == status
    assert stub.hits[f"GET {ORDER}"] == 1  # a 4xx is never retried


def test_5xx_on_a_get_is_retried_with_the_backoff_then_raised(stub, client, sleeps):
    stub.script(ORDER, json_answer(500, {"title": "Internal trouble"}))
    with pytest.raises(errors.ServerError, match="Internal trouble"):
        client.order("abc")
    assert stub.hits[f"GET {ORDER}"] == 4  # one try and the policy's three retries
    assert sleeps == [0.01, 0.02]  # the first retry waits 0 s: no sleep at all


def test_a_burst_of_5xx_then_success(stub, client):
    order = {
        "id": "abc",
        "displayName": "x",
        "status": "PLACED",
        "workspaceId": "w",
        "accountId": "a",
        "type": "ARCHIVE",
    }
    stub.script(
        ORDER,
        json_answer(502, {"title": "Bad gateway"}),
        json_answer(503, {"title": "Unavailable"}),
        json_answer(200, order),
    )
    assert client.order("abc").status == "PLACED"
    assert stub.hits[f"GET {ORDER}"] == 3


def test_429_exhausted_raises_a_rate_limit_error_carrying_retry_after(stub, client, sleeps):
    stub.script(ORDER, json_answer(429, {"title": "Slow down"}, **{"Retry-After": "3"}))
    with pytest.raises(errors.RateLimitError, match="Slow down") as caught:
        client.order("abc")
    assert caught.value.retry_after == 3
    assert sleeps == [3.0] * 5
    assert stub.hits[f"GET {ORDER}"] == 6


def test_a_retry_after_longer_than_the_policy_allows_is_not_waited_for(stub, client, sleeps):
    stub.script(
        ORDER, json_answer(429, {"title": "Come back tomorrow"}, **{"Retry-After": "86400"})
    )
    with pytest.raises(errors.RateLimitError) as caught:
        client.order("abc")
    assert caught.value.retry_after == 86400
    assert sleeps == []


def test_401_signs_in_again_once_then_gives_up(stub, client):
    stub.script(ORDER, json_answer(401, {"title": "Token expired"}))
    with pytest.raises(errors.AuthenticationError, match="Token expired"):
        client.order("abc")
    assert stub.hits[f"GET {ORDER}"] == 2
    assert stub.tokens_issued == 2


def test_a_dropped_connection_on_a_get_is_retried(stub, client):
    order = {"id": "abc", "displayName": "x", "status": "PLACED"}
    stub.script(ORDER, "drop", json_answer(200, order))
    assert client.order("abc").id == "abc"
    assert stub.hits[f"GET {ORDER}"] == 2


def test_dropped_connections_end_in_a_network_error_that_may_have_been_sent(stub, client):
    stub.script(ORDER, "drop")
    with pytest.raises(errors.NetworkError) as caught:
        client.order("abc")
    assert caught.value.maybe_sent is True
    assert "127.0.0.1" in caught.value.message


def test_a_refused_connection_is_a_network_error_that_was_never_sent(sleeps):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with (
        Up42Client(
            Endpoints.custom(f"http://127.0.0.1:{port}"),
            Credentials("user@example.com", PASSWORD),
            retry=RetryPolicy(backoff=(0,), sleep=sleeps.append),
        ) as up42,
        pytest.raises(errors.NetworkError) as caught,
    ):
        up42.collections()
    assert caught.value.maybe_sent is False
    assert "Could not connect" in caught.value.message


def test_signed_url_queries_and_secrets_never_reach_a_message(stub, client):
    leaky = "Expired: http://127.0.0.1/signed/xyz?X-Signature=deadbeef&X-Expires=1 for stub-token-1"
    stub.script("/signed/xyz", (403, {"Content-Type": "text/plain"}, leaky.encode()))
    # Sign in first so the access token is known and must be masked.
    stub.script(ORDER, json_answer(200, {"id": "abc"}))
    client.order("abc")
    with pytest.raises(errors.PermissionDeniedError) as caught:
        client.open_signed(f"{stub.url}/signed/xyz?X-Signature=deadbeef&X-Expires=1")
    message = str(caught.value)
    assert "deadbeef" not in message
    assert "stub-token-1" not in message
    assert message.startswith("Expired: http://127.0.0.1/signed/xyz for ***")


def test_message_from_body_never_takes_a_json_or_html_dump():
    assert message_from_body(None, "<html><body>502</body></html>", "Bad Gateway") == "Bad Gateway"
    assert message_from_body(None, "", "", 599) == "HTTP 599"


@pytest.mark.parametrize(
    "answer",
    [
        (200, {"Content-Type": "text/html"}, b"<html>captive portal</html>"),
        json_answer(200, ["not", "an", "object"]),
    ],
)
def test_a_200_that_is_not_a_json_object_is_a_server_error(stub, client, answer):
    stub.script(ORDER, answer)
    with pytest.raises(errors.ServerError, match="not a JSON object"):
        client.order("abc")
