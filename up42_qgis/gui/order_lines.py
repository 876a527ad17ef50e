"""What the order bar keeps per request and per scene: the key an estimate is valid for, a
scene's parts summed, and the area shown in the confirmation."""

from __future__ import annotations

import json
from collections.abc import Sequence

from ..api.models import Estimate, OrderRequest
from ..api.ordering import SceneRef

__all__ = ["aoi_area_km2_or_none", "per_scene", "plan_area_km2", "request_key"]


def request_key(request: OrderRequest) -> str:
    """What an estimate of one request is valid for (the name is not part of it)."""
    return json.dumps([request.scene_id, request.data_product_id, request.aoi], sort_keys=True)


def per_scene(requests: list[OrderRequest], estimates: list[Estimate]) -> dict[str, Estimate]:
    """One Estimate per scene: the sum of its parts (a MultiPolygon AOI orders each part),
    or the first part's refusal."""
    parts: dict[str, list[Estimate]] = {}
    for request, estimate in zip(requests, estimates, strict=True):
        parts.setdefault(request.scene_id, []).append(estimate)
    combined: dict[str, Estimate] = {}
    for scene_id, found in parts.items():
        refused = next((e for e in found if not e.ok), None)
        combined[scene_id] = refused or Estimate(
            scene_id=scene_id,
            credits=sum(e.credits or 0 for e in found),
            size=sum(e.size or 0 for e in found),
            unit=found[0].unit,
        )
    return combined


def aoi_area_km2_or_none(aoi: dict | None) -> float | None:
    if not aoi:
        return None
    try:
        from ..api.aoi import aoi_area_km2

        return aoi_area_km2(aoi)
    except Exception:  # an area we cannot compute is shown as unknown, not as an error
        return None


def plan_area_km2(refs: Sequence[SceneRef]) -> float | None:
    """The parts of a coverage plan together (each part is its order's own area)."""
    areas = [aoi_area_km2_or_none(ref.footprint) for ref in refs]
    return None if any(a is None for a in areas) else float(sum(a or 0.0 for a in areas))
