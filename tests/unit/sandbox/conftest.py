"""Helpers for the sandbox's own tests: an authenticated requests session and an order maker."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest
import requests

from tests.sandbox.control import SandboxControl

TOKEN_PATH = "/realms/public/protocol/openid-connect/token"
BERLIN_AOI = {"type": "Polygon", "coordinates": [[[13.36, 52.46], [13.42, 52.46], [13.42, 52.50],
                                                  [13.36, 52.50], [13.36, 52.46]]]}
FAST_DWELL = {"CREATED": 0.05, "BEING_PLACED": 0.05, "PLACED": 0.05, "BEING_FULFILLED": 0.1}


def signed_in_sdk(sandbox: SandboxControl) -> Any:
    """The official SDK (up42-py, imported by the caller after UP42_DISABLE_VERSION_CHECK)
    with its three host functions pointed at the sandbox, signed in as the default account."""
    import up42

    base = sandbox.url
    up42.host.endpoint = lambda path: base + path
    up42.host.token_endpoint = lambda: base + TOKEN_PATH
    up42.host.user_info_endpoint = lambda: base + "/realms/public/protocol/openid-connect/userinfo"
    up42.authenticate(username=sandbox.username, password=sandbox.password)
    return up42


class Api:
    """requests against the sandbox with the default account's Bearer token."""

    def __init__(self, sandbox: SandboxControl) -> None:
        self.sandbox = sandbox
        self.url = sandbox.url
        self.session = requests.Session()
        token = self.session.post(self.url + TOKEN_PATH, data={
            "grant_type": "password", "username": sandbox.username,
            "password": sandbox.password, "client_id": "up42-api", "scope": "openid"})
        token.raise_for_status()
        self.session.headers["Authorization"] = f"Bearer {token.json()['access_token']}"

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(self._url(path), timeout=30, **kwargs)

    def post(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.post(self._url(path), timeout=30, **kwargs)

    def patch(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.patch(self._url(path), timeout=30, **kwargs)

    def _url(self, path: str) -> str:
        return path if path.startswith("http") else self.url + path

    def product(self, name: str) -> dict[str, Any]:
        content = self.get("/v2/collections", params={"size": 100}).json()["content"]
        return next(p for c in content for p in c["dataProducts"] if p["name"] == name)

    def scene(self, collection: str = "phr", aoi: dict[str, Any] | None = None) -> dict[str, Any]:
        body = {"intersects": aoi or BERLIN_AOI, "collections": [collection], "limit": 50}
        features = self.post("/v2/catalog/search", json=body).json()["features"]
        from shapely.geometry import shape

        # One whose footprint covers the whole AOI, so every delivery has the same shape.
        target = shape(aoi or BERLIN_AOI)
        return next(f for f in features if shape(f["geometry"]).contains(target))

    def order_body(self, scene: dict[str, Any], product: str = "phr-display",
                   aoi: dict[str, Any] | None = None, **extra: Any) -> dict[str, Any]:
        return {"dataProduct": self.product(product)["id"], "displayName": "Test order",
                "params": {"id": scene["id"]},
                "featureCollection": {"type": "FeatureCollection", "features": [
                    {"type": "Feature", "properties": {}, "geometry": aoi or BERLIN_AOI}]},
                **extra}

    def place(self, body: dict[str, Any]) -> str:
        response = self.post("/v2/orders", params={"workspaceId": self.sandbox.workspace_id},
                             json=body)
        assert response.status_code == 200, response.text
        results = response.json()["results"]
        assert len(results) == 1, response.text
        return results[0]["id"]

    def wait_for(self, order_id: str, statuses: tuple[str, ...], timeout_s: float = 20) -> dict:
        deadline = time.monotonic() + timeout_s
        while True:
            order = self.get(f"/v2/orders/{order_id}").json()
            if order["status"] in statuses or time.monotonic() > deadline:
                return order
            time.sleep(0.05)


@pytest.fixture
def api(sandbox: SandboxControl) -> Api:
    return Api(sandbox)


@pytest.fixture
def fulfilled_order(api: Api, sandbox: SandboxControl) -> Callable[..., tuple[str, dict]]:
    """Places an order with fast dwells and waits for FULFILLED; returns (order id, scene)."""

    def make(collection: str = "phr", product: str = "phr-display",
             aoi: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
        sandbox.configure(dwell=FAST_DWELL)
        scene = api.scene(collection, aoi)
        order_id = api.place(api.order_body(scene, product, aoi))
        assert api.wait_for(order_id, ("FULFILLED",))["status"] == "FULFILLED"
        return order_id, scene

    return make
