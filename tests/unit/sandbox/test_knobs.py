"""Every knob, the request log and reset."""

from __future__ import annotations

import time

import pytest
import requests

from tests.sandbox.control import SandboxControl, SandboxError
from tests.unit.sandbox.conftest import Api


def _statuses(api: Api, n: int, path: str = "/v2/collections") -> list[int]:
    return [api.get(path).status_code for _ in range(n)]


def test_latency(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(latency_ms=300)
    started = time.monotonic()
    assert api.get("/v2/collections").status_code == 200
    assert time.monotonic() - started >= 0.3  # a lower bound: sleeping is never shorter


def test_rate_limit_rate_with_retry_after(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(rate_limit_rate=0.5, retry_after_s=7)
    responses = [api.get("/v2/collections") for _ in range(6)]
    assert [r.status_code for r in responses] == [200, 429] * 3
    limited = responses[1]
    assert limited.headers["Retry-After"] == "7"
    assert limited.json()["status"] == 429


def test_error_rate_and_status(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(error_rate=0.25, error_status=500)
    assert _statuses(api, 8) == [200, 200, 200, 500] * 2
    sandbox.configure(error_rate=1.0, error_status=503, retry_after_s=2)
    response = api.get("/v2/orders")
    assert response.status_code == 503
    assert response.headers["Retry-After"] == "2"
    assert set(response.json()) == {"status", "title", "detail"}


def test_faults_are_deterministic(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(faults=[
        {"method": "GET", "path": "/v2/orders", "status": 429, "count": 2, "retry_after": 3},
        {"method": "*", "path": "/v2/collections", "status": 403, "count": 1},
    ])
    orders = [api.get("/v2/orders") for _ in range(3)]
    assert [r.status_code for r in orders] == [429, 429, 200]
    assert orders[0].headers["Retry-After"] == "3"
    assert _statuses(api, 2) == [403, 200]
    assert api.post("/v2/catalog/search", json={"limit": 1}).status_code == 200


def test_fault_on_the_token_endpoint_has_keycloaks_shape(sandbox: SandboxControl) -> None:
    sandbox.configure(faults=[{"path": "/openid-connect/token", "status": 503, "count": 1}])
    url = sandbox.url + "/realms/public/protocol/openid-connect/token"
    data = {"grant_type": "password", "username": sandbox.username, "password": sandbox.password}
    failed = requests.post(url, data=data, timeout=10)
    assert failed.status_code == 503
    assert "error_description" in failed.json()
    assert failed.headers["Retry-After"] == "1"
    assert requests.post(url, data=data, timeout=10).status_code == 200


def _large_asset(api: Api, sandbox: SandboxControl, fulfilled_order, size: int) -> tuple[str, str]:
    sandbox.configure(asset_size_bytes=size)
    order_id, _ = fulfilled_order()
    items = api.post("/v2/assets/stac/search", json={"filter": {
        "op": "=", "args": [{"property": "order_id"}, order_id]}}).json()["features"]
    large = next(i["assets"]["large.bin"] for i in items if "large.bin" in i["assets"])
    url = api.post(large["href"] + "/download-url").json()["url"]
    return url, large["href"].rsplit("/", 1)[1]


def test_asset_size_bytes_streams_a_big_file(api: Api, sandbox: SandboxControl,
                                             fulfilled_order) -> None:
    size = 3 * 1024 * 1024 + 7
    url, asset_id = _large_asset(api, sandbox, fulfilled_order, size)
    received, chunks = 0, []
    with requests.get(url, stream=True, timeout=60) as response:
        assert response.headers["Content-Length"] == str(size)
        assert 'filename="large.bin"' in response.headers["Content-Disposition"]
        for chunk in response.iter_content(256 * 1024):
            received += len(chunk)
            chunks.append(chunk)
    body = b"".join(chunks)
    assert received == size
    assert body == sandbox.asset_bytes(asset_id)
    assert len(set(body[i:i + 4096] for i in range(0, 3 * 1024 * 1024, 1024 * 1024))) == 3
    middle = requests.get(url, headers={"Range": "bytes=1048570-1048585"}, timeout=30)
    assert middle.content == body[1048570:1048586]


def test_drop_download_then_resume_with_range(api: Api, sandbox: SandboxControl,
                                              fulfilled_order) -> None:
    url, asset_id = _large_asset(api, sandbox, fulfilled_order, 600_000)
    expected = sandbox.asset_bytes(asset_id)
    sandbox.configure(drop_download_after_bytes=100_000, drop_download_count=1)
    sandbox.clear_log()
    received = bytearray()

    def read_all() -> None:
        with requests.get(url, stream=True, timeout=30) as response:
            assert response.headers["Content-Length"] == "600000"
            for chunk in response.iter_content(1000):  # divides 100 000: nothing half-read
                received.extend(chunk)

    with pytest.raises(requests.exceptions.ChunkedEncodingError):
        read_all()
    assert len(received) == 100_000
    resumed = requests.get(url, headers={"Range": f"bytes={len(received)}-"}, timeout=30)
    assert resumed.status_code == 206
    assert bytes(received) + resumed.content == expected
    assert [e["status"] for e in sandbox.request_log()] == [0, 206]


def test_eula_refused_gives_451(api: Api, sandbox: SandboxControl) -> None:
    product = api.product("phr-display")
    sandbox.configure(eula_refused=[product["id"]])
    body = api.order_body(api.scene())
    estimate = api.post("/v2/orders/estimate", json=body)
    assert estimate.status_code == 451
    assert "EULA" in estimate.json()["title"]
    place = api.post(f"/v2/orders?workspaceId={sandbox.workspace_id}", json=body)
    assert place.status_code == 451
    assert sandbox.orders() == []
    other = api.order_body(api.scene(), "phr-analytic")
    assert api.post("/v2/orders/estimate", json=other).status_code == 200


def test_estimate_errors(api: Api, sandbox: SandboxControl) -> None:
    scene = api.scene()
    sandbox.configure(estimate_errors={scene["id"]: "Scene not available for ordering"})
    estimate = api.post("/v2/orders/estimate", json=api.order_body(scene)).json()
    assert estimate["results"] == []
    assert estimate["errors"] == [{"index": 0, "message": "Scene not available for ordering",
                                   "details": None}]
    assert estimate["summary"]["totalCredits"] == 0


def test_placement_delay(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(placement_fault="delay", placement_delay_s=0.4)
    started = time.monotonic()
    order_id = api.place(api.order_body(api.scene()))
    assert time.monotonic() - started >= 0.4
    assert [o["id"] for o in sandbox.orders()] == [order_id]


def test_placement_drop_still_creates_the_order(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(placement_fault="drop", placement_fault_count=1)
    body = api.order_body(api.scene(), displayName="Dropped answer")
    with pytest.raises(requests.exceptions.ConnectionError):
        api.post(f"/v2/orders?workspaceId={sandbox.workspace_id}", json=body)
    orders = sandbox.orders()
    assert [o["displayName"] for o in orders] == ["Dropped answer"]
    listed = api.get("/v2/orders", params={"displayName": "Dropped answer"}).json()
    assert [o["id"] for o in listed["content"]] == [orders[0]["id"]]
    assert api.place(body)  # the count is used up: the next placement is answered
    assert [e["status"] for e in sandbox.request_log() if e["method"] == "POST"
            and e["path"] == "/v2/orders"] == [0, 200]


def test_placement_error_is_502_but_the_order_exists(api: Api, sandbox: SandboxControl) -> None:
    sandbox.configure(placement_fault="error")
    response = api.post(f"/v2/orders?workspaceId={sandbox.workspace_id}",
                        json=api.order_body(api.scene()))
    assert response.status_code == 502
    assert response.json()["status"] == 502
    assert len(sandbox.orders()) == 1


@pytest.mark.parametrize("knobs", [
    {"no_such_knob": 1}, {"rate_limit_rate": 2}, {"error_status": 404},
    {"dwell": {"FULFILLED": 1}}, {"force_status": {"x": "CANCELED"}},
    {"placement_fault": "explode"}, {"faults": [{"path": "/x"}]}, {"latency_ms": -1},
    {"budget_enforcement": "yes"},
])
def test_invalid_knobs_are_rejected(sandbox: SandboxControl, knobs: dict) -> None:
    with pytest.raises(SandboxError, match="400"):
        sandbox.configure(**knobs)


def test_reset_restores_defaults_and_the_log_skips_admin_calls(
        api: Api, sandbox: SandboxControl) -> None:
    defaults = sandbox.knobs()
    sandbox.configure(latency_ms=5, credits=7, dwell={"CREATED": 0.5})
    sandbox.clear_log()  # drops the api fixture's token request
    assert sandbox.knobs()["dwell"]["CREATED"] == 0.5
    assert sandbox.knobs()["dwell"]["PLACED"] == defaults["dwell"]["PLACED"]
    api.get("/v2/collections", params={"page": 0})
    sandbox.state()
    log = sandbox.request_log()
    assert log == [{"method": "GET", "path": "/v2/collections", "query": "page=0",
                    "params": {"page": ["0"]}, "status": 200}]
    sandbox.clear_log()
    assert sandbox.request_log() == []
    sandbox.reset()
    assert sandbox.knobs() == defaults
    assert sandbox.state()["orders"] == []
