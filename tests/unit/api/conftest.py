"""A real client against the sandbox, with retry waits recorded instead of slept so retry
tests stay fast (the sandbox's faults are counted, not timed), and helpers for the flows."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator

import pytest

from tests.sandbox.control import SandboxControl
from tests.unit.api.hostile_server import HostileServer
from up42_qgis.api.client import Credentials, Endpoints, NetworkOptions, RetryPolicy, Up42Client
from up42_qgis.api.models import Order, OrderRequest, Scene, SearchRequest

BERLIN = {
    "type": "Polygon",
    "coordinates": [[[13.3, 52.4], [13.5, 52.4], [13.5, 52.6], [13.3, 52.6], [13.3, 52.4]]],
}
FAST_DWELL = {"CREATED": 0.05, "BEING_PLACED": 0.05, "PLACED": 0.05, "BEING_FULFILLED": 0.1}
SQUARE = {
    "type": "Polygon",
    "coordinates": [[[13.3, 52.4], [13.4, 52.4], [13.4, 52.5], [13.3, 52.5], [13.3, 52.4]]],
}
SQUARE_ORDER = OrderRequest("product-1", "scene-1", SQUARE, "Hostile order")  # for hostile


@pytest.fixture
def sleeps() -> list[float]:
    """Every wait the retry policy asked for, in order."""
    return []


def make_client(
    sandbox: SandboxControl, sleeps: list[float], *, timeout: float = 10.0, password: str = ""
) -> Up42Client:
    return Up42Client(
        Endpoints.custom(sandbox.url),
        Credentials(sandbox.username, password or sandbox.password),
        NetworkOptions(user_agent="up42-qgis-tests", timeout=timeout),
        RetryPolicy(backoff=(0.0, 0.01, 0.02, 0.04, 0.08), sleep=sleeps.append),
    )


@pytest.fixture
def hostile() -> Iterator[HostileServer]:
    """A hostile UP42 (hostile_server.py) on a free port, closed after the test."""
    server = HostileServer()
    yield server
    server.close()


def hostile_client(
    server: HostileServer, sleeps: list[float] | None = None, **network: float
) -> Up42Client:
    """A client of the hostile server; retry waits recorded in ``sleeps`` (else slept)."""
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


@pytest.fixture
def up42(sandbox: SandboxControl, sleeps: list[float]) -> Iterator[Up42Client]:
    sandbox.configure(dwell=FAST_DWELL)
    client = make_client(sandbox, sleeps)
    yield client
    client.close()


def phr_product_id(client: Up42Client) -> str:
    (phr,) = [c for c in client.collections() if c.name == "phr"]
    return phr.orderable_products[0].id or ""


def berlin_scene(client: Up42Client) -> Scene:
    page = client.search_page(SearchRequest(aoi=BERLIN, collections=("phr",), page_size=1))
    return page.scenes[0]


def aoi_inside(scene: Scene, fraction: float = 0.1) -> dict:
    """A small rectangle around the centre of the scene's footprint."""
    west, south, east, north = scene.bbox or (0, 0, 0, 0)
    cx, cy = (west + east) / 2, (south + north) / 2
    dx, dy = (east - west) * fraction / 2, (north - south) * fraction / 2
    return {
        "type": "Polygon",
        "coordinates": [
            [
                [cx - dx, cy - dy],
                [cx + dx, cy - dy],
                [cx + dx, cy + dy],
                [cx - dx, cy + dy],
                [cx - dx, cy - dy],
            ]
        ],
    }


def order_request(client: Up42Client, name: str = "Berlin test order") -> OrderRequest:
    scene = berlin_scene(client)
    return OrderRequest(
        data_product_id=phr_product_id(client),
        scene_id=scene.id,
        aoi=aoi_inside(scene),
        display_name=name,
    )


def wait_for_order(
    client: Up42Client, order_id: str, reached: Callable[[Order], bool], limit_s: float = 30
) -> Order:
    """Poll like the tracker does until ``reached(order)``; asserts it was reached before a
    final status or ``limit_s`` (dwell times are short)."""
    deadline = time.monotonic() + limit_s
    while True:
        order = client.order(order_id)
        if reached(order) or order.is_final or time.monotonic() > deadline:
            assert reached(order), (order.status, order.sub_status)
            return order
        time.sleep(0.05)


def wait_for_status(client: Up42Client, order_id: str, status: str, limit_s: float = 30) -> Order:
    """Poll until the order reaches ``status``."""
    return wait_for_order(client, order_id, lambda order: order.status == status, limit_s)


def fulfilled_order(client: Up42Client, name: str = "Berlin delivery") -> Order:
    placed = client.place_order(order_request(client, name))
    assert placed.order_id, placed.error
    return wait_for_status(client, placed.order_id, "FULFILLED")
