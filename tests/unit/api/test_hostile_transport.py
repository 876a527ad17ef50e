"""The transport against a hostile server (issue 14, 15): an order POST answered 503/429
after the order was made, a server that trickles bytes or hangs, a huge body, a foreign
origin that must never see the token, and waits that must stop when cancelled."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from tests.unit.api.hostile_server import HostileServer, json_answer
from up42_qgis.api import errors
from up42_qgis.api.client import Credentials, Endpoints, NetworkOptions, RetryPolicy, Up42Client
from up42_qgis.api.models import OrderRequest

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[13.3, 52.4], [13.4, 52.4], [13.4, 52.5], [13.3, 52.5], [13.3, 52.4]]],
}
REQUEST = OrderRequest("product-1", "scene-1", SQUARE, "Hostile order")


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    server = HostileServer()
    yield server
    server.close()


@pytest.fixture
def sleeps() -> list[float]:
    return []


def make_client(
    server: HostileServer, sleeps: list[float] | None = None, **network: float
) -> Up42Client:
    retry = (
        RetryPolicy(backoff=(0, 0.01, 0.02), sleep=sleeps.append)
        if sleeps is not None
        else (RetryPolicy(backoff=(0, 0.01, 0.02)))
    )
    return Up42Client(
        Endpoints.custom(server.url),
        Credentials("user@example.com", "hostile-password-1"),
        NetworkOptions(**({"timeout": 5.0} | network)),
        retry,
    )


# --- 14.1 / 15.10: an order POST is never re-sent blind -------------------------------------
@pytest.mark.parametrize("status", [503, 429])
def test_an_order_made_then_answered_with_retry_after_is_one_order(hostile, sleeps, status):
    hostile.order_answers = [json_answer(status, {"title": "Slow down"}, **{"Retry-After": "1"})]
    with make_client(hostile, sleeps) as client:
        placed = client.place_order(REQUEST)
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
    with make_client(hostile, sleeps) as client:
        placed = client.place_order(REQUEST)
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
    with make_client(hostile, sleeps) as client, pytest.raises(errors.AmbiguousPlacementError):
        client.place_order(REQUEST)
    assert len(hostile.requests_to("POST", "/v2/orders")) == 1
    assert sleeps[0] == 2.0  # the lookup waited what the server asked


# --- 15.10: 429 backoff without Retry-After -------------------------------------------------
def test_a_429_without_retry_after_backs_off_1_2_4(hostile, sleeps):
    answers = [json_answer(429, {"title": "Slow"})] * 3 + [json_answer(200, {"content": []})]
    hostile.route("GET", "/v2/things", lambda h: answers.pop(0))
    with make_client(hostile, sleeps) as client:
        client.transport.json("GET", client.endpoints.api_url("/v2/things"))
    assert sleeps == [1.0, 2.0, 4.0]


def test_a_retry_after_wait_is_cancellable(hostile):
    hostile.route(
        "GET", "/v2/things", lambda h: json_answer(429, {"title": "Later"}, **{"Retry-After": "30"})
    )
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with make_client(hostile) as client:
        started = time.monotonic()
        with pytest.raises(errors.CancelledError):
            client.transport.json(
                "GET", client.endpoints.api_url("/v2/things"), is_cancelled=cancel.is_set
            )
    assert time.monotonic() - started < 2.0


def test_close_ends_a_retry_wait_of_another_thread(hostile):
    hostile.route(
        "GET", "/v2/things", lambda h: json_answer(429, {"title": "Later"}, **{"Retry-After": "30"})
    )
    client = make_client(hostile)
    failures: list[BaseException] = []

    def call() -> None:
        try:
            client.transport.json("GET", client.endpoints.api_url("/v2/things"))
        except BaseException as error:
            failures.append(error)

    worker = threading.Thread(target=call)
    worker.start()
    time.sleep(0.3)
    started = time.monotonic()
    client.close()
    worker.join(2.0)
    assert not worker.is_alive()
    assert time.monotonic() - started < 1.0
    assert isinstance(failures[0], errors.CancelledError)


# --- 14.9: trickling and hanging servers ------------------------------------------------------
def test_a_trickling_server_cannot_keep_a_call_alive_past_its_deadline(hostile):
    hostile.route("GET", "/v2/collections", lambda h: h.trickle(0.1))
    with make_client(hostile, timeout=2.0, deadline=1.0) as client:
        started = time.monotonic()
        with pytest.raises(errors.NetworkError) as caught:
            client.transport.json("GET", client.endpoints.api_url("/v2/collections"))
    assert 0.9 < time.monotonic() - started < 2.5
    assert "within 1 s" in caught.value.message


@pytest.mark.parametrize("how", ["trickle", "hang"])
def test_close_from_another_thread_ends_a_call_blocked_in_recv(hostile, how):
    hostile.route(
        "GET", "/v2/collections", lambda h: h.trickle(0.5) if how == "trickle" else h.hang()
    )
    client = make_client(hostile, timeout=60.0, deadline=60.0)
    failures: list[BaseException] = []

    def call() -> None:
        try:
            client.transport.json("GET", client.endpoints.api_url("/v2/collections"))
        except BaseException as error:
            failures.append(error)

    worker = threading.Thread(target=call)
    worker.start()
    time.sleep(0.5)
    started = time.monotonic()
    client.close()
    worker.join(2.0)
    assert not worker.is_alive()
    assert time.monotonic() - started < 1.0
    assert isinstance(failures[0], errors.CancelledError)


def test_a_cancel_hook_ends_a_hanging_call_and_keeps_the_client(hostile):
    hostile.route("GET", "/v2/collections", lambda h: h.hang())
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with make_client(hostile, timeout=60.0, deadline=60.0) as client:
        started = time.monotonic()
        with client.transport.cancel_when(cancel.is_set), pytest.raises(errors.CancelledError):
            client.transport.json("GET", client.endpoints.api_url("/v2/collections"))
        assert time.monotonic() - started < 1.5
        assert client.account().workspace_id  # the client still works
        assert client.transport.flights == 0


def test_abort_ends_a_streamed_body_read_by_another_thread(hostile):
    hostile.route("GET", "/file", lambda h: h.trickle(0.5, total=1000))
    with make_client(hostile, timeout=60.0) as client:
        response = client.transport.request(
            "GET", hostile.url + "/file", stream=True, authenticated=False
        )
        threading.Timer(0.3, client.transport.abort, args=(response,)).start()
        started = time.monotonic()
        with response:
            data = _read_all(response)
        assert time.monotonic() - started < 1.5
        assert len(data) < 1000
    assert client.transport.flights == 0


def _read_all(response) -> bytes:
    chunks = []
    try:
        for chunk in response.iter_content(1):
            chunks.append(chunk)
    except Exception:
        pass
    return b"".join(chunks)


# --- 14.12: JSON size cap, scrubbing, bare 451 ------------------------------------------------
def test_a_json_body_over_the_cap_is_refused_without_reading_it(hostile):
    def huge(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(2 * 1024**3))
        handler.end_headers()
        handler.wfile.write(b"[" * 1024)
        handler.hang(5)

    hostile.route("GET", "/v2/collections", huge)
    with make_client(hostile, max_json_bytes=1024 * 1024) as client:
        started = time.monotonic()
        with pytest.raises(errors.ServerError) as caught:
            client.transport.json("GET", client.endpoints.api_url("/v2/collections"))
    assert "larger than 1 MiB" in caught.value.message
    assert time.monotonic() - started < 2


def test_a_chunked_json_body_over_the_cap_is_cut_off(hostile):
    def endless(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        chunk = b" " * 65536
        try:
            for _ in range(200):
                handler.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except OSError:
            pass

    hostile.route("GET", "/v2/collections", endless)
    with (
        make_client(hostile, max_json_bytes=1024 * 1024) as client,
        pytest.raises(errors.ServerError) as caught,
    ):
        client.transport.json("GET", client.endpoints.api_url("/v2/collections"))
    assert "larger than 1 MiB" in caught.value.message


@pytest.mark.parametrize(
    "quoted",
    [
        "HTTPS://storage.googleapis.com/b/o?X-Goog-Signature=abcdef0123456789abcdef",
        "x-goog-signature=abcdef0123456789abcdef&x-goog-credential=svc%40x",
        "X-Signature=abcdef0123456789abcdef",
        "Signature=abcdef0123456789abcdef",
        "<StringToSign>GOOG4-RSA-SHA256 abcdef0123456789abcdef</StringToSign>",
    ],
)
def test_signatures_are_scrubbed_from_messages_whatever_their_case(hostile, quoted):
    hostile.route(
        "GET", "/v2/orders/x", lambda h: json_answer(400, {"title": f"Bad link {quoted}"})
    )
    with make_client(hostile) as client, pytest.raises(errors.ValidationError) as caught:
        client.order("x")
    assert "abcdef0123456789abcdef" not in caught.value.message


def test_a_signed_url_is_a_registered_secret_in_messages_and_logs(hostile, caplog):
    signed = f"{hostile.url}/signed/abc?sigvalue=Zm9vYmFyYmF6cXV4MTIzNDU2"
    hostile.route("POST", "/v2/assets/a1/download-url", lambda h: json_answer(200, {"url": signed}))
    hostile.route(
        "GET",
        "/v2/orders/x",
        lambda h: json_answer(404, {"title": "gone: sigvalue Zm9vYmFyYmF6cXV4MTIzNDU2"}),
    )
    with make_client(hostile) as client:
        assert client.signed_url(hostile.url + "/v2/assets/a1") == signed
        with (
            caplog.at_level("INFO", logger="up42_qgis.api"),
            pytest.raises(errors.NotFoundError) as c,
        ):
            client.order("x")
    assert "Zm9vYmFyYmF6cXV4MTIzNDU2" not in c.value.message
    assert "Zm9vYmFyYmF6cXV4MTIzNDU2" not in caplog.text
    assert "gone" in caplog.text


def test_a_bare_451_still_says_what_to_do(hostile):
    hostile.route("POST", "/v2/orders/estimate", lambda h: (451, {}, b""))
    with make_client(hostile) as client, pytest.raises(errors.LicenceError) as caught:
        client.estimate(REQUEST)
    assert "licence" in caught.value.message.lower()
    assert "access" in caught.value.message.lower()


# --- 15.7: the token stays home -------------------------------------------------------------
def test_the_token_is_never_sent_to_a_foreign_origin(hostile):
    foreign = HostileServer()
    try:
        foreign.route("GET", "/asset", lambda h: json_answer(200, {"ok": True}))
        foreign.route("POST", "/asset/download-url", lambda h: json_answer(200, {"url": "x"}))
        hostile.route(
            "GET",
            "/v2/redirect",
            lambda h: (302, {"Location": f"{foreign.url}/asset"}, b""),
        )
        with make_client(hostile) as client:
            with pytest.raises(errors.ForeignOriginError) as caught:
                client.signed_url(f"{foreign.url}/asset")
            assert "outside UP42" in caught.value.message
            # A redirect from {API} to elsewhere: followed, but without the token.
            assert client.transport.json("GET", client.endpoints.api_url("/v2/redirect")) == {
                "ok": True
            }
            # Same host, another port is another origin too.
            other_port = foreign.url.replace("http://", "HTTP://")
            with pytest.raises(errors.ForeignOriginError):
                client.transport.json("GET", other_port + "/asset")
        assert foreign.seen  # the redirect reached it
        assert all("authorization" not in r["headers"] for r in foreign.seen)
        assert all("hostile-token" not in str(r) for r in foreign.seen)
        assert any("authorization" in r["headers"] for r in hostile.seen)
    finally:
        foreign.close()


def test_the_token_is_not_sent_to_the_api_host_over_another_scheme(hostile):
    with make_client(hostile) as client:
        https_url = hostile.url.replace("http://", "https://") + "/v2/orders"
        with pytest.raises(errors.ForeignOriginError):
            client.transport.json("GET", https_url)
    assert not hostile.requests_to("GET", "/v2/orders")


def test_a_signed_download_is_cancelled_while_its_body_trickles(hostile):
    hostile.route("GET", "/signed/x", lambda h: h.trickle(0.5, total=1000))
    cancel = threading.Event()
    with make_client(hostile, timeout=60.0) as client:
        response = client.open_signed(hostile.url + "/signed/x", is_cancelled=cancel.is_set)
        threading.Timer(0.3, cancel.set).start()
        started = time.monotonic()
        with response:
            data = _read_all(response)
        assert time.monotonic() - started < 1.5
        assert len(data) < 1000
    assert client.transport.flights == 0


def test_an_order_post_answered_401_is_looked_up_before_it_is_sent_again(hostile, sleeps):
    hostile.route(
        "POST",
        "/v2/orders",
        lambda h: (hostile.routes.pop("POST /v2/orders"), json_answer(401, {"title": "Expired"}))[
            -1
        ],
    )
    with make_client(hostile, sleeps) as client:
        placed = client.place_order(REQUEST)
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
    with make_client(hostile, sleeps) as client, pytest.raises(errors.AmbiguousPlacementError):
        client.place_order(REQUEST)
    assert len(hostile.requests_to("POST", "/v2/orders")) == 1
    assert not hostile.requests_to("POST", "/v2/orders2")


def test_a_cancel_scope_reaches_every_transport_on_the_thread(hostile):
    """What a task's run() does: one scope around its work, no hook passed to each call."""
    from up42_qgis.api.http_flight import cancel_scope

    hostile.route("GET", "/v2/collections", lambda h: h.hang())
    cancel = threading.Event()
    threading.Timer(0.3, cancel.set).start()
    with make_client(hostile, timeout=60.0, deadline=60.0) as client:
        started = time.monotonic()
        with cancel_scope(cancel.is_set), pytest.raises(errors.CancelledError):
            client.collections()
        assert time.monotonic() - started < 1.5
