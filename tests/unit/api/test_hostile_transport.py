"""The transport against a hostile server (issue 14, 15): retry waits that back off and stop
when cancelled or closed, a server that trickles bytes or hangs, and a huge JSON body. Order
placement is in test_hostile_orders, secrets and messages in test_hostile_secrets."""

from __future__ import annotations

import threading
import time

import pytest

from tests.unit.api.conftest import hostile_client
from tests.unit.api.hostile_server import json_answer
from up42_qgis.api import errors
from up42_qgis.api.client import Up42Client


def cancel_after(seconds: float) -> threading.Event:
    """An event set ``seconds`` from now, as a user's click on cancel would."""
    cancel = threading.Event()
    threading.Timer(seconds, cancel.set).start()
    return cancel


def close_while_calling(client: Up42Client, path: str, after_s: float) -> BaseException:
    """Close ``client`` ``after_s`` into a GET of ``path`` on another thread; asserts that the
    call ended within 1 s of the close and returns what it raised."""
    failures: list[BaseException] = []

    def call() -> None:
        try:
            client.transport.json("GET", client.endpoints.api_url(path))
        except BaseException as error:
            failures.append(error)

    worker = threading.Thread(target=call)
    worker.start()
    time.sleep(after_s)
    started = time.monotonic()
    client.close()
    worker.join(2.0)
    assert not worker.is_alive()
    assert time.monotonic() - started < 1.0
    return failures[0]


# --- 15.10: 429 backoff without Retry-After, cancellable waits --------------------------------
def test_a_429_without_retry_after_backs_off_1_2_4(hostile, sleeps):
    answers = [json_answer(429, {"title": "Slow"})] * 3 + [json_answer(200, {"content": []})]
    hostile.route("GET", "/v2/things", lambda h: answers.pop(0))
    with hostile_client(hostile, sleeps) as client:
        client.transport.json("GET", client.endpoints.api_url("/v2/things"))
    assert sleeps == [1.0, 2.0, 4.0]


def test_a_retry_after_wait_is_cancellable(hostile):
    hostile.route(
        "GET", "/v2/things", lambda h: json_answer(429, {"title": "Later"}, **{"Retry-After": "30"})
    )
    cancel = cancel_after(0.3)
    with hostile_client(hostile) as client:
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
    client = hostile_client(hostile)
    assert isinstance(close_while_calling(client, "/v2/things", 0.3), errors.CancelledError)


# --- 14.9: trickling and hanging servers ------------------------------------------------------
def test_a_trickling_server_cannot_keep_a_call_alive_past_its_deadline(hostile):
    hostile.route("GET", "/v2/collections", lambda h: h.trickle(0.1))
    with hostile_client(hostile, timeout=2.0, deadline=1.0) as client:
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
    client = hostile_client(hostile, timeout=60.0, deadline=60.0)
    assert isinstance(close_while_calling(client, "/v2/collections", 0.5), errors.CancelledError)


def test_a_cancel_hook_ends_a_hanging_call_and_keeps_the_client(hostile):
    hostile.route("GET", "/v2/collections", lambda h: h.hang())
    cancel = cancel_after(0.3)
    with hostile_client(hostile, timeout=60.0, deadline=60.0) as client:
        started = time.monotonic()
        with client.transport.cancel_when(cancel.is_set), pytest.raises(errors.CancelledError):
            client.transport.json("GET", client.endpoints.api_url("/v2/collections"))
        assert time.monotonic() - started < 1.5
        assert client.account().workspace_id  # the client still works
        assert client.transport.flights == 0


def test_a_cancel_scope_reaches_every_transport_on_the_thread(hostile):
    """What a task's run() does: one scope around its work, no hook passed to each call."""
    from up42_qgis.api.http_flight import cancel_scope

    hostile.route("GET", "/v2/collections", lambda h: h.hang())
    cancel = cancel_after(0.3)
    with hostile_client(hostile, timeout=60.0, deadline=60.0) as client:
        started = time.monotonic()
        with cancel_scope(cancel.is_set), pytest.raises(errors.CancelledError):
            client.collections()
        assert time.monotonic() - started < 1.5


def test_abort_ends_a_streamed_body_read_by_another_thread(hostile):
    hostile.route("GET", "/file", lambda h: h.trickle(0.5, total=1000))
    with hostile_client(hostile, timeout=60.0) as client:
        response = client.transport.request(
            "GET", hostile.url + "/file", stream=True, authenticated=False
        )
        threading.Timer(0.3, client.transport.abort, args=(response,)).start()
        assert_read_cut_short(response, 1000)
    assert client.transport.flights == 0


def test_a_signed_download_is_cancelled_while_its_body_trickles(hostile):
    hostile.route("GET", "/signed/x", lambda h: h.trickle(0.5, total=1000))
    cancel = threading.Event()
    with hostile_client(hostile, timeout=60.0) as client:
        response = client.open_signed(hostile.url + "/signed/x", is_cancelled=cancel.is_set)
        threading.Timer(0.3, cancel.set).start()
        assert_read_cut_short(response, 1000)
    assert client.transport.flights == 0


def assert_read_cut_short(response, total: int) -> None:
    """Reading the streamed ``response`` (whatever it raises) ends within 1.5 s, before its
    ``total`` bytes came."""
    chunks = []
    started = time.monotonic()
    with response:
        try:
            for chunk in response.iter_content(1):
                chunks.append(chunk)
        except Exception:
            pass
    assert time.monotonic() - started < 1.5
    assert len(b"".join(chunks)) < total


# --- 14.12: the JSON size cap -----------------------------------------------------------------
def test_a_json_body_over_the_cap_is_refused_without_reading_it(hostile):
    def huge(handler):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Content-Length", str(2 * 1024**3))
        handler.end_headers()
        handler.wfile.write(b"[" * 1024)
        handler.hang(5)

    hostile.route("GET", "/v2/collections", huge)
    with hostile_client(hostile, max_json_bytes=1024 * 1024) as client:
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
        hostile_client(hostile, max_json_bytes=1024 * 1024) as client,
        pytest.raises(errors.ServerError) as caught,
    ):
        client.transport.json("GET", client.endpoints.api_url("/v2/collections"))
    assert "larger than 1 MiB" in caught.value.message
