"""A coverage plan layer read back as orders: one ``SceneRef`` per part whose footprint is
the part's own polygon (in EPSG:4326), so ``api.ordering.requests_for(..., aoi=None)``
orders each part over its polygon. Written once for the dock's "Order plan…" and for
``up42:estimate``/``up42:order`` with a plan as SCENES."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsGeometry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..api.ordering import SceneRef
from .plans import WGS84, is_plan_layer

__all__ = ["is_plan_layer", "plan_layer_refs", "plan_scene_refs", "text_value", "time_value"]


def text_value(value: Any) -> str:
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return ""
    return str(value).strip()


def time_value(value: Any) -> datetime | None:
    """A date or date-time attribute of a footprints or plan feature (QDateTime, QDate or ISO
    text) as an aware datetime (UTC when it carries no zone); None when there is none."""
    if isinstance(value, QDateTime) and value.isValid():
        return datetime.fromtimestamp(value.toMSecsSinceEpoch() / 1000, tz=UTC)
    if isinstance(value, QDate) and value.isValid():
        return datetime(value.year(), value.month(), value.day(), tzinfo=UTC)
    if isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def part_geojson(feature: QgsFeature, transform: QgsCoordinateTransform) -> dict | None:
    """A part's polygon in EPSG:4326 as GeoJSON; None when it has none."""
    geometry = QgsGeometry(feature.geometry())
    if geometry.isNull() or geometry.isEmpty():
        return None
    if QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        return None
    geometry.transform(transform)
    if not geometry.isGeosValid():
        geometry = geometry.makeValid()
    value = json.loads(geometry.asJson(7))
    return value if isinstance(value, dict) else None


def plan_scene_refs(
    features: Iterable[QgsFeature],
    crs: QgsCoordinateReferenceSystem,
    transform_context: QgsCoordinateTransformContext,
) -> list[SceneRef]:
    """One SceneRef per plan feature with a scene id, a collection and a polygon, in the
    plan's order (rank); the polygon is that order's AOI."""
    transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem(WGS84), transform_context)
    refs: list[SceneRef] = []
    for feature in features:
        names = feature.fields().names()
        scene_id = text_value(feature.attribute("scene_id"))
        collection = text_value(feature.attribute("collection"))
        footprint = part_geojson(feature, transform)
        if not scene_id or not collection or footprint is None:
            continue
        acquired = time_value(feature.attribute("acquired")) if "acquired" in names else None
        refs.append(SceneRef(scene_id, collection, acquired, footprint))
    return refs


def plan_layer_refs(
    layer: QgsVectorLayer, transform_context: QgsCoordinateTransformContext
) -> list[SceneRef]:
    """The plan layer's parts (its selected features when it has a selection)."""
    if not is_plan_layer(layer.fields()):
        return []
    features = (
        layer.getSelectedFeatures() if layer.selectedFeatureCount() else layer.getFeatures()
    )
    return plan_scene_refs(features, layer.crs(), transform_context)
