"""Tasking orders: placement against the order-form schema, the feasibility and quotation
sub-statuses on the dwell clock, decisions, and coverage (contract §7, issue 18). The records
(sub-statuses, studies and quotations, the tasking order) are in ``tasking_records``."""

from __future__ import annotations

import datetime as dt
import math
import time
import uuid
from typing import TYPE_CHECKING, Any

from shapely.geometry import Point, Polygon, box
from shapely.geometry.base import BaseGeometry

from tests.sandbox import geo, paging
from tests.sandbox import tasking_schema as schemas
from tests.sandbox.accounts import WORKSPACE_ID
from tests.sandbox.errors import ApiError, bad_request, not_found
from tests.sandbox.order_records import utc_stamp
from tests.sandbox.tasking_records import (
    EMPTY_POLYGON,
    FEASIBILITY_WAITING_RESPONSE,
    FEASIBILITY_WAITING_UPLOAD,
    QUOTATION_ACCEPTED,
    QUOTATION_REJECTED,
    QUOTATION_SORT_FIELDS,
    QUOTATION_WAITING_RESPONSE,
    QUOTATION_WAITING_UPLOAD,
    STUDY_SORT_FIELDS,
    Decision,
    TaskingOrder,
    acquisition,
)
from tests.sandbox.world import COLLECTIONS_BY_NAME, DataProduct

if TYPE_CHECKING:
    from tests.sandbox.orders import OrderBook


class TaskingDesk:
    """UP42's operations team and the tasking endpoints, over the order book's orders."""

    def __init__(self, book: OrderBook) -> None:
        self.book = book
        self.knobs = book.knobs
        self.order_class = TaskingOrder

    # --- placement ------------------------------------------------------------------------
    def _validate(self, body: dict[str, Any], product: DataProduct) -> tuple[Any, ...]:
        collection = COLLECTIONS_BY_NAME[product.collection]
        if product.id in self.knobs.get("eula_refused"):
            raise ApiError(451, f"The EULA of {collection.title} has not been accepted",
                           f"Accept the EULA for data product {product.name} in the console")
        common = self.book.validate_common(body)
        now = dt.datetime.now(dt.UTC)
        params = schemas.validate_params(product, body.get("params"), common.display_name, now,
                                         self.knobs.get("tasking_schema_extra"))
        fc = body.get("featureCollection")
        if (not isinstance(fc, dict) or fc.get("type") != "FeatureCollection"
                or not isinstance(fc.get("features"), list) or not fc["features"]):
            raise bad_request("featureCollection must be a non-empty GeoJSON FeatureCollection")
        geometries = []
        for index, feature in enumerate(fc["features"]):
            data = feature.get("geometry") if isinstance(feature, dict) else None
            geometries.append((data, schemas.validate_geometry(product, index, data)))
        return common, params, geometries

    def estimate(self, body: dict[str, Any], product: DataProduct) -> dict[str, Any]:
        """Tasking has no price estimation: 200 with one error per feature (the price comes
        with the quotation); invalid bodies get the same 400s as placement."""
        _, _, geometries = self._validate(body, product)
        errors = [{"index": i, "message": "Price estimation is not available for tasking",
                   "details": "Tasking orders are priced by a quotation after placement"}
                  for i in range(len(geometries))]
        return {"summary": {"totalCredits": 0, "totalSize": 0.0, "unit": "SQ_KM"},
                "results": [], "errors": errors}

    def place(self, body: dict[str, Any], product: DataProduct) -> dict[str, Any]:
        common, params, geometries = self._validate(body, product)
        self.book.refuse_at_placement(product)
        feasibility = product.id in self.knobs.get("feasibility_products")
        forced = self.knobs.get("force_status").get(product.id)
        results = []
        with self.book.lock:
            for index, (data, geometry) in enumerate(geometries):
                order = self._new_order(common, product, params, data, geometry, feasibility,
                                        forced)
                self.book.add(order)
                results.append({"index": index, "id": order.id})
        return {"results": results, "errors": []}

    def _new_order(self, common: Any, product: DataProduct, params: dict[str, Any],
                   data: dict[str, Any], geometry: BaseGeometry, feasibility: bool,
                   forced: str | None) -> Any:
        order_id = str(uuid.uuid4())
        target = schemas.point_scene(geometry) if isinstance(geometry, Point) else geometry
        fraction = 1.0 if isinstance(geometry, Point) else self.knobs.get(
            "tasking_partial_coverage")
        west, south, east, north = target.bounds
        covered = target.intersection(box(west, south, west + (east - west) * fraction, north))
        area = geo.area_km2(target)
        now = time.monotonic()
        return self.order_class(
            id=order_id, display_name=common.display_name, product=product,
            scene=acquisition(order_id, product, params, target), aoi=data, coverage=covered,
            credits=0, size_km2=round(max(area, product.min_area_km2), 2),
            tags=list(common.tags), budget_id=common.budget_id, forced=forced,
            created_wall=dt.datetime.now(dt.UTC), created_mono=now, status_since=now,
            params=params, geometry=geometry, target=target,
            sub_status=FEASIBILITY_WAITING_UPLOAD if feasibility else QUOTATION_WAITING_UPLOAD)

    # --- the clock ------------------------------------------------------------------------
    def advance(self, order: Any, now: float) -> None:
        dwell = self.knobs.get("dwell")
        while True:
            status, sub = order.status, order.sub_status
            if status == "CREATED" and sub == FEASIBILITY_WAITING_UPLOAD:
                wait, step = self.knobs.get("feasibility_dwell_s"), self._upload_study
            elif status == "CREATED" and sub == QUOTATION_WAITING_UPLOAD:
                wait, step = self.knobs.get("quotation_dwell_s"), self._upload_quotation
            elif status == "CREATED" and sub == QUOTATION_ACCEPTED:
                wait, step = dwell["CREATED"], "BEING_PLACED"
            elif status == "BEING_PLACED":
                wait = dwell["BEING_PLACED"]
                step = "PLACEMENT_FAILED" if order.forced == "PLACEMENT_FAILED" else "PLACED"
            elif status == "PLACED":
                wait, step = self.knobs.get("tasking_acquisition_s"), "BEING_FULFILLED"
            elif status == "BEING_FULFILLED":
                wait = dwell["BEING_FULFILLED"]
                step = ("FAILED_PERMANENTLY" if order.forced == "FAILED_PERMANENTLY"
                        else "FULFILLED")
            else:
                return
            if now - order.status_since < wait:
                return
            since = order.status_since + wait
            if isinstance(step, str):
                self.book.enter(order, step, since)
            else:
                step(order, since)

    def _wall(self, order: Any, mono: float) -> dt.datetime:
        return order.created_wall + dt.timedelta(seconds=mono - order.created_mono)

    def _set_sub(self, order: Any, sub: str, since: float) -> None:
        order.sub_status = sub
        self.book.enter(order, order.status, since)

    def _upload_study(self, order: Any, since: float) -> None:
        wall = self._wall(order, since)
        study_id = str(uuid.uuid4())
        start = order.params["acquisitionStart"]
        end = schemas.parse_time(order.params["acquisitionEnd"])
        later = utc_stamp(end + dt.timedelta(days=14)).replace(".000Z", "Z")
        cloud = min(100, int(order.params["maxCloudCover"]) + 15)
        descriptions = [
            f"Option 1: acquire as requested ({start} to {order.params['acquisitionEnd']})",
            f"Option 2: extend the window to {later} and allow {cloud}% cloud cover",
        ]
        options = [{"id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{study_id}:{n}")),
                    "createdAt": utc_stamp(wall), "updatedAt": utc_stamp(wall), "studyId": study_id,
                    "description": text} for n, text in enumerate(descriptions)]
        order.study = Decision(study_id, order.id, wall, since, wall, options=options)
        self._set_sub(order, FEASIBILITY_WAITING_RESPONSE, since)

    def _upload_quotation(self, order: Any, since: float) -> None:
        wall = self._wall(order, since)
        price = self.knobs.get("quotation_credits")
        if price is None:
            price = math.ceil(round(order.size_km2 * order.product.price_per_km2, 6))
            if order.study and order.study.chosen and order.study.options \
                    and order.study.chosen["id"] == order.study.options[1]["id"]:
                price = math.ceil(price * 0.9)  # the relaxed option is cheaper
        order.quotation = Decision(str(uuid.uuid4()), order.id, wall, since, wall,
                                   credits=int(price))
        self._set_sub(order, QUOTATION_WAITING_RESPONSE, since)

    # --- feasibility studies --------------------------------------------------------------
    def _tasking_orders(self) -> list[Any]:
        return [o for o in self.book.all() if isinstance(o, self.order_class)]

    def studies(self, query: dict[str, list[str]]) -> dict[str, Any]:
        items = [o.study.study_json() for o in self._tasking_orders() if o.study]
        return _page(items, query, STUDY_SORT_FIELDS, ("NOT_DECIDED", "ACCEPTED"))

    def _find(self, kind: str, decision_id: str) -> tuple[Any, Decision]:
        for order in self._tasking_orders():
            found = order.study if kind == "study" else order.quotation
            if found is not None and found.id == decision_id:
                return order, found
        noun = "Feasibility study" if kind == "study" else "Quotation"
        raise not_found(f"{noun} {decision_id} not found")

    def choose_option(self, study_id: str, body: Any, by: str = "USER") -> dict[str, Any]:
        if not isinstance(body, dict) or not isinstance(body.get("acceptedOptionId"), str):
            raise bad_request("acceptedOptionId is required",
                              {"acceptedOptionId": "the id of one of the study's options"})
        unknown = set(body) - {"acceptedOptionId"}
        if unknown:
            raise bad_request(f"Only acceptedOptionId can be sent, not {sorted(unknown)}")
        with self.book.lock:
            order, study = self._find("study", study_id)
            self._still_open(order)
            if study.decision != "NOT_DECIDED":
                raise ApiError(409, f"Feasibility study {study_id} was already decided",
                               f"Option {study.chosen['id'] if study.chosen else '?'} was "
                               "accepted; it cannot be changed")
            option = next((o for o in study.options if o["id"] == body["acceptedOptionId"]),
                          None)
            if option is None:
                raise bad_request(f"Option {body['acceptedOptionId']} is not an option of "
                                  f"feasibility study {study_id}")
            now = time.monotonic()
            study.decision, study.chosen, study.decided_by = "ACCEPTED", option, by
            study.decided_wall = study.updated_wall = self._wall(order, now)
            self._set_sub(order, QUOTATION_WAITING_UPLOAD, now)
            return study.study_json()

    @staticmethod
    def _still_open(order: Any) -> None:
        if order.status != "CREATED":
            raise ApiError(409, f"Order {order.id} is {order.status}: its feasibility study and "
                                "quotation can no longer be decided")

    # --- quotations -----------------------------------------------------------------------
    def quotations(self, query: dict[str, list[str]]) -> dict[str, Any]:
        items = [o.quotation.quotation_json() for o in self._tasking_orders() if o.quotation]
        return _page(items, query, QUOTATION_SORT_FIELDS, ("NOT_DECIDED", "ACCEPTED", "REJECTED"))

    def _expired(self, quotation: Decision, now: float) -> bool:
        expiry = self.knobs.get("quotation_expiry_s")
        return bool(self.knobs.get("quotation_expired")) or (
            expiry > 0 and now - quotation.created_mono > expiry)

    def decide(self, quotation_id: str, body: Any, by: str = "USER") -> dict[str, Any]:
        if not isinstance(body, dict) or body.get("decision") not in ("ACCEPTED", "REJECTED"):
            raise bad_request("decision must be ACCEPTED or REJECTED",
                              {"decision": "ACCEPTED or REJECTED"})
        unknown = set(body) - {"decision"}
        if unknown:
            raise bad_request(f"Only decision can be changed, not {sorted(unknown)}")
        with self.book.lock:
            order, quotation = self._find("quotation", quotation_id)
            now = time.monotonic()
            if quotation.decision == "NOT_DECIDED":
                self._still_open(order)
            if quotation.decision != "NOT_DECIDED":
                raise ApiError(409, f"Quotation {quotation_id} was already "
                                    f"{quotation.decision.lower()}",
                               "A quotation is decided once, here or in the console")
            if by == "USER" and self._expired(quotation, now):
                raise ApiError(409, f"Quotation {quotation_id} has expired",
                               "Ask UP42 support for a new quotation")
            if body["decision"] == "ACCEPTED":
                self._charge(order, quotation.credits)
            quotation.decision, quotation.decided_by = body["decision"], by
            quotation.decided_wall = quotation.updated_wall = self._wall(order, now)
            if body["decision"] == "ACCEPTED":
                self._set_sub(order, QUOTATION_ACCEPTED, now)
            else:
                order.sub_status = QUOTATION_REJECTED
                self.book.enter(order, "CANCELED", now)
            return quotation.quotation_json()

    def _charge(self, order: Any, credits: int) -> None:
        available = self.book.available_credits()
        if credits > available:
            raise bad_request(f"Insufficient credits: the quotation costs {credits} credits; "
                              f"{available} available")
        if order.budget_id and credits > self.book.budget_left(order.budget_id):
            raise bad_request("The order exceeds the remaining credits of the budget")
        order.credits = credits
        order.charged = True

    # --- console (admin) and coverage -----------------------------------------------------
    def console(self, order_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """Decide as UP42's console would (another user, elsewhere): the API then finds the
        decision already taken."""
        with self.book.lock:
            order = self.book.get(order_id)
            if not isinstance(order, self.order_class):
                raise bad_request(f"Order {order_id} is not a tasking order")
            if "option" in body:
                if order.study is None:
                    raise bad_request("The order has no feasibility study yet")
                option = order.study.options[int(body["option"])]
                self.choose_option(order.study.id, {"acceptedOptionId": option["id"]}, "ADMIN")
            if "quotation" in body:
                if order.quotation is None:
                    raise bad_request("The order has no quotation yet")
                self.decide(order.quotation.id, {"decision": body["quotation"]}, "ADMIN")
            return order.as_json()

    def coverage(self, order_id: str) -> dict[str, Any]:
        order = self.book.get(order_id)
        if not isinstance(order, self.order_class):
            raise not_found(f"No coverage for order {order_id}: only tasking orders have one")
        target = order.target
        delivered = order.status in ("BEING_FULFILLED", "FULFILLED")
        covered = order.coverage if delivered else Polygon()
        remainder = target.difference(covered) if delivered else target
        total = geo.area_km2(target) or 1.0

        def metrics(geometry: BaseGeometry) -> dict[str, Any]:
            area = geo.area_km2(geometry)
            shape = EMPTY_POLYGON if geometry.is_empty or area == 0 else \
                geo.rounded_mapping(geometry)
            return {"sqKmArea": round(area, 3), "percentage": round(100.0 * area / total, 2),
                    "geometry": shape}

        return {"covered": metrics(covered), "remainder": metrics(remainder)}


def _page(items: list[dict[str, Any]], query: dict[str, list[str]], sort_fields: tuple[str, ...],
          decisions: tuple[str, ...]) -> dict[str, Any]:
    """The SDK's filters (id, workspaceId, orderId, decision repeated or comma-joined)."""
    workspace = (query.get("workspaceId") or [None])[0]
    if workspace and workspace != WORKSPACE_ID:
        items = []
    for key in ("id", "orderId"):
        if query.get(key):
            wanted = {v for value in query[key] for v in value.split(",")}
            items = [i for i in items if i[key] in wanted]
    if query.get("decision"):
        wanted = {v for value in query["decision"] for v in value.split(",")}
        unknown = wanted - set(decisions)
        if unknown:
            raise bad_request(f"Unknown decision {sorted(unknown)[0]}",
                              f"decision is one of {', '.join(decisions)}")
        items = [i for i in items if i["decision"] in wanted]
    items = paging.sort_items(items, query, sort_fields, "createdAt,desc")
    return paging.page_of(items, query)
