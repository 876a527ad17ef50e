"""The order book's records: an archive order as the sandbox keeps it, and the fields an
order request carries once checked (contract §6, §7)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from shapely.geometry.base import BaseGeometry

from tests.sandbox.accounts import ACCOUNT_ID, USER_ID, WORKSPACE_ID
from tests.sandbox.world import DataProduct, Scene


def utc_stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclasses.dataclass
class Order:
    id: str
    display_name: str
    product: DataProduct
    scene: Scene
    aoi: dict[str, Any]
    coverage: BaseGeometry  # AOI ∩ footprint: what gets delivered
    credits: int
    size_km2: float
    tags: list[str]
    budget_id: str | None
    forced: str | None
    created_wall: dt.datetime
    created_mono: float
    status: str = "CREATED"
    status_since: float = 0.0
    updated_wall: dt.datetime | None = None
    charged: bool = False

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "displayName": self.display_name, "status": self.status,
            "type": "ARCHIVE", "workspaceId": WORKSPACE_ID, "accountId": ACCOUNT_ID,
            "dataProductId": self.product.id, "tags": list(self.tags),
            "budgetId": self.budget_id,
            "createdAt": utc_stamp(self.created_wall),
            "updatedAt": utc_stamp(self.updated_wall or self.created_wall),
            "createdBy": {"id": USER_ID, "type": "USER"},
            "updatedBy": {"id": "system", "type": "INTERNAL"},
            "orderDetails": {"aoi": self.aoi, "imageId": self.scene.id},
        }


@dataclasses.dataclass
class CommonFields:
    display_name: str
    tags: list[str]
    budget_id: str | None


@dataclasses.dataclass
class ValidatedRequest:
    product: DataProduct
    scene: Scene
    display_name: str
    tags: list[str]
    budget_id: str | None
    features: list[Any]
