"""Helpers for the tasking tests (Qt-free; the QGIS tests use them too): the sandbox's tasking
products, a form that fits their schemas, fast tasking clocks, waiting for a sub-status."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

from tests.unit.api.conftest import wait_for_order
from tests.unit.api.conftest import wait_for_status as wait_for_status  # the tasking tests' too
from up42_qgis.api.client import Up42Client
from up42_qgis.api.models import DataProduct, Order
from up42_qgis.api.tasking import find_data_product

# The sandbox's tasking products (tests/sandbox/world.py): the standard one goes through a
# feasibility study by default, the priority one straight to a quotation, the point one
# takes a Point.
STANDARD = "pneo-tasking-standard"
PRIORITY = "pneo-tasking-priority"
POINT = "pneo-tasking-point"
FAST_TASKING = {
    "feasibility_dwell_s": 0.05,
    "quotation_dwell_s": 0.05,
    "tasking_acquisition_s": 0.05,
}
SITE = {
    "type": "Polygon",
    "coordinates": [
        [[13.36, 52.49], [13.40, 52.49], [13.40, 52.52], [13.36, 52.52], [13.36, 52.49]]
    ],
}
SITE_POINT = {"type": "Point", "coordinates": [13.38, 52.5]}


def today() -> date:
    return datetime.now(UTC).date()


def window(start_in_days: int = 1, days: int = 10) -> dict[str, str]:
    start = today() + timedelta(days=start_in_days)
    return {
        "acquisitionStart": start.isoformat(),
        "acquisitionEnd": (start + timedelta(days=days)).isoformat(),
    }


def form(**extra: Any) -> dict[str, Any]:
    """Values that fit the polygon products' schemas (the point one: without the mode)."""
    return {**window(), "acquisitionMode": "mono", "maxIncidenceAngle": 30, **extra}


def product(client: Up42Client, name: str) -> DataProduct:
    found = find_data_product(client.collections(), name)
    assert found is not None, name
    return found[1]


def wait_for(client: Up42Client, order_id: str, sub_status: str, limit_s: float = 30) -> Order:
    """Polls the order until it reaches ``sub_status`` (or a final status)."""
    return wait_for_order(client, order_id, lambda order: order.sub_status == sub_status, limit_s)
