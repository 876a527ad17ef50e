"""Before placing: is the same scene, product and AOI already on order in the workspace?

A second dialog, a second Processing run or a re-run after a crash would otherwise spend the
credits twice. Orders carry ``dataProductId`` and ``orderDetails.imageId``/``aoi``
(contract §7.1); an order counts unless it ended without delivering (CANCELED or FAILED*).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from .models import JSON, Order

if TYPE_CHECKING:
    from .orders import OrdersApi

log = logging.getLogger("up42_qgis.api")

# Newest first; duplicates are recent. 20 pages of 100 orders bound the cost of the check.
MAX_LOOKUP_PAGES = 20
# Two AOIs are the same when they differ by less than this share of their area (UP42 may
# round coordinates or turn the ring around).
SAME_AOI_TOLERANCE = 0.001


def is_closed_without_delivery(status: str) -> bool:
    status = (status or "").upper()
    return status == "CANCELED" or status.startswith("FAILED")


def same_aoi(first: JSON | None, second: JSON | None) -> bool:
    if not isinstance(first, dict) or not isinstance(second, dict):
        return False
    from shapely.geometry import shape  # when asked, not at QGIS start-up

    try:
        a, b = shape(first), shape(second)
        if a.is_empty or b.is_empty:
            return False
        largest = max(a.area, b.area)
        if largest == 0:
            return bool(a.equals(b))
        return a.symmetric_difference(b).area <= SAME_AOI_TOLERANCE * largest
    except Exception as error:  # a geometry shapely cannot read is not "the same"
        log.debug("comparing AOIs failed: %s", error)
        return False


def open_orders_like(
    orders: OrdersApi,
    scene_id: str,
    data_product_id: str,
    aoi: JSON,
    *,
    max_pages: int = MAX_LOOKUP_PAGES,
    statuses: Sequence[str] | None = None,
) -> list[Order]:
    """Orders of the workspace for this scene, product and AOI that did not end without a
    delivery (FULFILLED ones count: the data is there already), newest first."""
    found: list[Order] = []
    for page in range(max_pages):
        result = orders.fetch_page(page, 100, statuses=statuses)
        found.extend(o for o in result.orders if _matches(o, scene_id, data_product_id, aoi))
        if result.is_last:
            break
    return found


def _matches(order: Order, scene_id: str, data_product_id: str, aoi: Any) -> bool:
    return (
        not is_closed_without_delivery(order.status)
        and order.image_id == scene_id
        and order.data_product_id == data_product_id
        and same_aoi(order.aoi, aoi)
    )
