"""The tasking desk's records: the sub-statuses, a feasibility study or quotation (a
Decision), the tasking order, and the new image an order's acquisition takes (issue 18)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

from shapely.geometry.base import BaseGeometry
from shapely.prepared import prep

from tests.sandbox import tasking_schema as schemas
from tests.sandbox.accounts import ACCOUNT_ID, USER_ID, WORKSPACE_ID
from tests.sandbox.order_records import Order, utc_stamp
from tests.sandbox.world import COLLECTIONS_BY_NAME, PRODUCTS_BY_ID, DataProduct, Scene

FEASIBILITY_WAITING_UPLOAD = "FEASIBILITY_WAITING_UPLOAD"
FEASIBILITY_WAITING_RESPONSE = "FEASIBILITY_WAITING_RESPONSE"
QUOTATION_WAITING_UPLOAD = "QUOTATION_WAITING_UPLOAD"
QUOTATION_WAITING_RESPONSE = "QUOTATION_WAITING_RESPONSE"
QUOTATION_ACCEPTED = "QUOTATION_ACCEPTED"
QUOTATION_REJECTED = "QUOTATION_REJECTED"
SUB_STATUSES = (FEASIBILITY_WAITING_UPLOAD, FEASIBILITY_WAITING_RESPONSE,
                QUOTATION_WAITING_UPLOAD, QUOTATION_WAITING_RESPONSE, QUOTATION_ACCEPTED,
                QUOTATION_REJECTED)
QUOTATION_SORT_FIELDS = ("createdAt", "updatedAt", "decisionAt", "creditsPrice")
STUDY_SORT_FIELDS = ("createdAt", "updatedAt", "decisionAt")
EMPTY_POLYGON = {"type": "Polygon", "coordinates": []}


def is_tasking(product: DataProduct) -> bool:
    return COLLECTIONS_BY_NAME[product.collection].type == "TASKING"


def tasking_product(body: Any) -> DataProduct | None:
    """The body's data product when it is a tasking one."""
    if not isinstance(body, dict) or not isinstance(body.get("dataProduct"), str):
        return None
    product = PRODUCTS_BY_ID.get(body["dataProduct"])
    return product if product is not None and is_tasking(product) else None


@dataclasses.dataclass
class Decision:
    """A feasibility study or a quotation: created when uploaded, decided once."""

    id: str
    order_id: str
    created_wall: dt.datetime
    created_mono: float
    updated_wall: dt.datetime
    decision: str = "NOT_DECIDED"
    decided_wall: dt.datetime | None = None
    decided_by: str | None = None  # "USER" (this API) or "ADMIN" (the console)
    options: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    chosen: dict[str, Any] | None = None
    credits: int = 0

    def _common(self) -> dict[str, Any]:
        return {"id": self.id, "createdAt": utc_stamp(self.created_wall),
                "updatedAt": utc_stamp(self.updated_wall), "accountId": ACCOUNT_ID,
                "workspaceId": WORKSPACE_ID, "orderId": self.order_id}

    def decision_fields(self) -> dict[str, Any]:
        return {"decision": self.decision,
                "decisionById": USER_ID if self.decided_by == "USER" else None,
                "decisionByType": self.decided_by,
                "decisionAt": utc_stamp(self.decided_wall) if self.decided_wall else None}

    def study_json(self) -> dict[str, Any]:
        return {**self._common(), "type": "MANUAL", "options": [dict(o) for o in self.options],
                **self.decision_fields(),
                "decisionOption": dict(self.chosen) if self.chosen else None}

    def quotation_json(self) -> dict[str, Any]:
        return {**self._common(), "creditsPrice": self.credits, **self.decision_fields()}


@dataclasses.dataclass
class TaskingOrder(Order):
    params: dict[str, Any] = dataclasses.field(default_factory=dict)
    geometry: BaseGeometry | None = None
    sub_status: str = QUOTATION_WAITING_UPLOAD
    study: Decision | None = None
    quotation: Decision | None = None
    target: BaseGeometry | None = None  # what coverage is measured against

    def as_json(self) -> dict[str, Any]:
        data = super().as_json()
        data["type"] = "TASKING"
        details = {"acquisitionStart": self.params["acquisitionStart"],
                   "acquisitionEnd": self.params["acquisitionEnd"],
                   "geometry": self.aoi,
                   "extraDescription": self.params.get("extraDescription", ""),
                   "subStatus": self.sub_status}
        details.update({k: v for k, v in self.params.items() if k not in details})
        data["orderDetails"] = details
        return data


def acquisition(order_id: str, product: DataProduct, params: dict[str, Any],
                 target: BaseGeometry) -> Scene:
    """The new image the satellite will take: over the target, inside the window."""
    start = schemas.parse_time(params["acquisitionStart"])
    end = schemas.parse_time(params["acquisitionEnd"])
    when = (start + (end - start) / 3).replace(microsecond=0)
    spec = COLLECTIONS_BY_NAME[product.collection]
    footprint = target.envelope.buffer(0.005, join_style=2)
    scene_id = str(uuid.uuid5(uuid.NAMESPACE_URL, f"up42-sandbox:acquisition:{order_id}"))
    incidence = min(float(params.get("maxIncidenceAngle", 25)), 12.5)
    cloud = round(min(float(params["maxCloudCover"]), 20) / 2, 1)
    lon, lat = target.centroid.x, target.centroid.y
    code = f"{'E' if lon >= 0 else 'W'}{abs(int(lon)):03d}{'N' if lat >= 0 else 'S'}" \
           f"{abs(int(lat)):02d}"
    properties = {
        "datetime": when.strftime("%Y-%m-%dT%H:%M:%SZ"), "id": scene_id,
        "sceneId": f"DS_PNEO3_{when.strftime('%Y%m%d%H%M%S')}_FR1_PX_{code}_TASK",
        "constellation": spec.name, "collection": spec.name, "producer": spec.producer,
        "providerName": spec.host, "cloudCoverage": cloud, "resolution": spec.resolution,
        "eo:cloud_cover": cloud, "gsd": spec.resolution, "platform": spec.platforms[0],
        "providerProperties": {"incidenceAngle": incidence, "azimuthAngle": 180.0,
                               "processingLevel": "SENSOR", "snowCover": 0,
                               "acquisitionMode": params.get("acquisitionMode")},
    }
    scene = Scene(scene_id, spec, "Tasking", when, cloud, footprint, properties)
    scene.prepared = prep(footprint)
    return scene
