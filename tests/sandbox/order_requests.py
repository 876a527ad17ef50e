"""What an order request must be before the book takes it: the body's fields, the EULA and
licence refusals, the AOI's checks and its price (contract §6, §7, §9)."""

from __future__ import annotations

import math
import re
from typing import Any

from shapely.geometry import Polygon

from tests.sandbox import geo
from tests.sandbox.budgets import BUDGETS_BY_ID
from tests.sandbox.errors import ApiError, bad_request
from tests.sandbox.knobs import Knobs
from tests.sandbox.order_records import CommonFields, ValidatedRequest
from tests.sandbox.world import PRODUCTS_BY_ID, DataProduct, World

TAG_PATTERN = re.compile(r"^[A-Za-z0-9 ._/:-]+$")


def valid_tags(tags: Any) -> bool:
    """At most 30 strings of letters, digits and ' ._/:-' (an order's tags)."""
    return isinstance(tags, list) and len(tags) <= 30 and all(
        isinstance(t, str) and TAG_PATTERN.match(t) for t in tags
    )


class OrderRequests:
    """The checks and the pricing of the order book (a mixin: ``world`` and ``knobs``)."""

    world: World
    knobs: Knobs

    def validate(self, body: Any) -> ValidatedRequest:
        if not isinstance(body, dict):
            raise bad_request("The order body must be a JSON object")
        product_id = body.get("dataProduct")
        if not isinstance(product_id, str) or not product_id:
            raise bad_request("dataProduct is required")
        product = PRODUCTS_BY_ID.get(product_id)
        if product is None:
            raise bad_request(f"Unknown data product {product_id}")
        collection = self.world.collections_by_name[product.collection]
        if product_id in self.knobs.get("eula_refused"):
            raise ApiError(451, f"The EULA of {collection.title} has not been accepted",
                           f"Accept the EULA for data product {product.name} in the console")
        common = self.validate_common(body)
        params = body.get("params")
        if not isinstance(params, dict) or not isinstance(params.get("id"), str):
            raise bad_request("params.id (the scene id) is required",
                              {"params": "must be an object with the image id"})
        unknown = set(params) - {"id"}
        if unknown:
            raise bad_request(f"Unknown params: {', '.join(sorted(unknown))}")
        scene = self.world.scenes_by_id.get(params["id"])
        if scene is None or scene.collection.name != product.collection:
            raise bad_request(f"Scene {params['id']} not found in collection "
                              f"{product.collection}")
        fc = body.get("featureCollection")
        if (not isinstance(fc, dict) or fc.get("type") != "FeatureCollection"
                or not isinstance(fc.get("features"), list) or not fc["features"]):
            raise bad_request("featureCollection must be a non-empty GeoJSON FeatureCollection")
        return ValidatedRequest(product, scene, common.display_name, common.tags,
                                common.budget_id, fc["features"])

    def validate_common(self, body: dict[str, Any]) -> CommonFields:
        """displayName, tags and budgetId, as archive and tasking orders both carry them."""
        name = body.get("displayName")
        if not isinstance(name, str) or not 1 <= len(name) <= 200:
            raise bad_request("displayName must be 1 to 200 characters")
        tags = body.get("tags", [])
        if not valid_tags(tags):
            raise bad_request("tags must be at most 30 strings of letters, digits and ' ._/:-'")
        budget_id = body.get("budgetId")
        if budget_id is not None and budget_id not in BUDGETS_BY_ID:
            raise bad_request(f"Budget {budget_id} not found")
        if budget_id is not None and BUDGETS_BY_ID[budget_id]["status"] != "ACTIVE":
            raise bad_request(f"Budget {budget_id} is inactive")
        if self.knobs.get("budget_enforcement") and budget_id is None:
            # Like UP42 with enforcement on: estimate and order alike need a budget.
            raise bad_request("Budget enforcement is enabled: budgetId is required")
        return CommonFields(name, tags, budget_id)

    def _price(self, request: ValidatedRequest, feature: Any) -> tuple[Any, Any]:
        """(geometry, coverage, credits, size) or an error tuple (message, details)."""
        geometry_data = feature.get("geometry") if isinstance(feature, dict) else None
        try:
            aoi = geo.parse_geometry(geometry_data)
        except ValueError as error:
            return None, ("Invalid geometry", str(error))
        if not isinstance(aoi, Polygon):
            return None, ("Invalid geometry",
                          f"Only Polygon AOIs are accepted, not {aoi.geom_type}")
        if not aoi.is_valid:
            return None, ("Invalid geometry", "The AOI polygon intersects itself")
        if geo.vertex_count(aoi) > geo.MAX_VERTICES:
            return None, ("Invalid geometry",
                          f"The AOI has {geo.vertex_count(aoi)} vertices; at most 999 allowed")
        coverage = aoi.intersection(request.scene.geometry)
        if coverage.is_empty or coverage.area == 0:
            return None, ("Invalid geometry", "AOI does not intersect the scene")
        area = geo.area_km2(coverage)
        if area > request.product.max_area_km2:
            return None, ("AOI too large", f"{area:.1f} km² exceeds the maximum of "
                                           f"{request.product.max_area_km2:.0f} km²")
        message = self.knobs.get("estimate_errors").get(request.scene.id)
        if message is not None:
            return None, (message, None)
        billed = max(area, request.product.min_area_km2)
        credits = math.ceil(round(billed * request.product.price_per_km2, 6))
        # A scene priced by the knob (0 for a free product, or a price that is not one).
        credits = self.knobs.get("estimate_credits").get(request.scene.id, credits)
        return (geometry_data, coverage, credits, round(billed, 2)), None

    def refuse_at_placement(self, product: DataProduct) -> None:
        """The 451 of knob licence_refused_at_placement (after a 200 estimate)."""
        refusal = self.knobs.get("licence_refused_at_placement").get(product.id)
        if refusal is None:
            return
        collection = self.world.collections_by_name[product.collection]
        if refusal == "restricted":
            raise ApiError(451, f"Access to the collection {collection.title} is restricted",
                           "Request access to this collection in the console: "
                           "https://console.up42.com/settings/access")
        raise ApiError(451, f"The EULA of {collection.title} has not been accepted",
                       f"Accept the EULA for data product {product.name}")
