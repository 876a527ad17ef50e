"""Secrets and messages against a hostile server (issue 14, 15): signatures scrubbed from
messages, a signed URL a registered secret, a bare 451 still explained, and the token never
sent to a foreign origin."""

from __future__ import annotations

import pytest

from tests.unit.api.conftest import SQUARE_ORDER, hostile_client
from tests.unit.api.hostile_server import HostileServer, json_answer
from up42_qgis.api import errors


# --- 14.12: scrubbing, bare 451 ---------------------------------------------------------------
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
    with hostile_client(hostile) as client, pytest.raises(errors.ValidationError) as caught:
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
    with hostile_client(hostile) as client:
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
    with hostile_client(hostile) as client, pytest.raises(errors.LicenceError) as caught:
        client.estimate(SQUARE_ORDER)
    assert "licence" in caught.value.message.lower()
    assert "access" in caught.value.message.lower()


# --- 15.7: the token stays home ---------------------------------------------------------------
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
        with hostile_client(hostile) as client:
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
    with hostile_client(hostile) as client:
        https_url = hostile.url.replace("http://", "https://") + "/v2/orders"
        with pytest.raises(errors.ForeignOriginError):
            client.transport.json("GET", https_url)
    assert not hostile.requests_to("GET", "/v2/orders")
