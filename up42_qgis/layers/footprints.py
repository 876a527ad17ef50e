"""Scene footprints as QGIS features: the attribute schema every footprints layer shares, one
feature per scene (fast, because searches bring thousands), the style and the "UP42" group.

The GeoPackage that holds a search's footprints is in ``footprints_gpkg``. ``footprint_fields``
and ``FeatureBuilder`` are also used by Processing.
"""

from __future__ import annotations

import json
import math
import struct
from datetime import datetime
from itertools import chain
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsJsonUtils,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from ..api.models import Scene
from ..compat import FieldType, make_field
from ..paths import style_path
from ..toolbelt.constants import LAYER_GROUP_NAME

SCENE_ID_PROPERTY = "up42/scene_id"
FOOTPRINTS_PROPERTY = "up42/footprints"
# On a search's footprints layer the user pinned: the next search does not replace it.
PINNED_PROPERTY = "up42/pinned"

# (name, type, length): the attribute table of every footprints layer.
_FIELDS: tuple[tuple[str, FieldType, int], ...] = (
    ("scene_id", FieldType.TEXT, 0),
    ("collection", FieldType.TEXT, 0),
    ("acquired", FieldType.DATETIME, 0),
    ("cloud_cover", FieldType.DOUBLE, 0),
    ("resolution", FieldType.DOUBLE, 0),
    ("incidence", FieldType.DOUBLE, 0),
    ("constellation", FieldType.TEXT, 0),
    ("provider", FieldType.TEXT, 0),
    ("provider_id", FieldType.TEXT, 0),
    ("delivery_time", FieldType.TEXT, 0),
)


def footprint_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind, length in _FIELDS:
        fields.append(make_field(name, kind, length))
    return fields


def _to_qdatetime(value: datetime | None) -> QDateTime | None:
    if value is None:
        return None
    stamp = QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000), Qt.TimeSpec.UTC)
    return stamp


def _shift_west_longitudes(geometry: QgsGeometry) -> QgsGeometry:
    """Move every vertex west of 0° by +360°, so a ring crossing 180° becomes contiguous."""
    shifted = QgsGeometry(geometry)
    vertices = list(shifted.vertices())
    for index, point in enumerate(vertices):
        if point.x() < 0:
            shifted.moveVertex(point.x() + 360.0, point.y(), index)
    return shifted


def _split_at_antimeridian(geometry: QgsGeometry) -> QgsGeometry:
    """A footprint that jumps across 180° (longitudes spanning more than 180°) is cut into a
    western and an eastern part, so it does not wrap around the whole world."""
    box = geometry.boundingBox()
    if box.width() <= 180.0:
        return geometry
    shifted = _shift_west_longitudes(geometry)
    if shifted.boundingBox().width() > 180.0:
        return geometry  # genuinely world-spanning: leave it alone
    east = shifted.intersection(QgsGeometry.fromRect(QgsRectangle(-180.0, -90.0, 180.0, 90.0)))
    west = shifted.intersection(QgsGeometry.fromRect(QgsRectangle(180.0, -90.0, 540.0, 90.0)))
    west.translate(-360.0, 0.0)
    parts = [g for g in (east, west) if not g.isEmpty()]
    return QgsGeometry.unaryUnion(parts) if len(parts) > 1 else parts[0]


def _multipolygon_wkb(geometry: dict) -> tuple[bytes, float] | None:
    """A GeoJSON Polygon or MultiPolygon as MultiPolygon WKB, with its span of longitudes;
    None for anything else, or when it has no coordinates.

    Why by hand: parsing each footprint through QgsJsonUtils costs about 20 times more, and a
    search's footprints layer is built from thousands of them."""
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    polygons: Any  # GeoJSON as parsed: checked below, where a bad shape raises
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon":
        polygons = coordinates
    else:
        return None
    west, east = math.inf, -math.inf
    try:
        parts = [_HEADER.pack(1, _MULTIPOLYGON, len(polygons))]
        for rings in polygons:
            parts.append(_HEADER.pack(1, _POLYGON, len(rings)))
            for ring in rings:
                values = list(chain.from_iterable(ring))
                if len(values) != 2 * len(ring):  # positions with a height (or malformed)
                    values = [value for point in ring for value in point[:2]]
                    if len(values) != 2 * len(ring):
                        return None
                if values:
                    longitudes = values[0::2]
                    west, east = min(west, min(longitudes)), max(east, max(longitudes))
                parts.append(struct.pack(f"<I{len(values)}d", len(ring), *values))
    except (TypeError, ValueError, struct.error):
        return None
    if west > east:
        return None  # no coordinates at all
    return b"".join(parts), east - west


_HEADER = struct.Struct("<BII")  # byte order, geometry type, number of parts or rings
_MULTIPOLYGON = int(QgsWkbTypes.Type.MultiPolygon)
_POLYGON = int(QgsWkbTypes.Type.Polygon)


def _geojson_geometry(geometry: dict) -> QgsGeometry:
    """The footprint as a geometry; the common case (a polygon that does not cross 180°) goes
    straight from WKB, without further checks, because it is a valid MultiPolygon by
    construction."""
    parsed_wkb = _multipolygon_wkb(geometry)
    if parsed_wkb is not None:
        wkb, longitude_span = parsed_wkb
        parsed = QgsGeometry()
        parsed.fromWkb(wkb)
        return parsed if longitude_span <= 180.0 else _polygons_only(parsed)
    features = QgsJsonUtils.stringToFeatureList(
        json.dumps({"type": "Feature", "properties": {}, "geometry": geometry}), QgsFields()
    )
    return _polygons_only(features[0].geometry() if features else QgsGeometry())


def _polygons_only(geometry: QgsGeometry) -> QgsGeometry:
    """A MultiPolygon split at 180° where needed; empty for anything that is not polygonal."""
    if geometry.isNull() or geometry.isEmpty():
        return QgsGeometry()
    if QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.GeometryType.PolygonGeometry:
        return QgsGeometry()
    geometry = _split_at_antimeridian(geometry)
    if not geometry.isMultipart():
        geometry.convertToMultiType()
    return geometry


def scene_geometry(scene: Scene) -> QgsGeometry:
    """The scene's GeoJSON footprint (EPSG:4326) as a MultiPolygon; empty when unusable."""
    geometry = _geojson_geometry(scene.geometry) if scene.geometry else QgsGeometry()
    if (geometry.isNull() or geometry.isEmpty()) and scene.bbox is not None:
        geometry = _polygons_only(QgsGeometry.fromRect(QgsRectangle(*scene.bbox)))
    return geometry


def _attribute_values(scene: Scene) -> tuple:
    """The scene's attributes in the order of ``_FIELDS``."""
    return (
        scene.id,
        scene.collection,
        _to_qdatetime(scene.acquired),
        scene.cloud_cover,
        scene.resolution,
        scene.incidence_angle,
        scene.constellation,
        scene.provider_name,
        scene.scene_id,
        scene.delivery_time,
    )


class FeatureBuilder:
    """Scenes to features of ``fields``: any layout holding some of the footprint fields (a
    GeoPackage layer's leading ``fid``, a Processing sink with fewer columns). Fields missing
    from ``fields`` are skipped, other fields stay null. Resolves the layout once, because a
    search's footprints are built by the thousand."""

    def __init__(self, fields: QgsFields) -> None:
        self.fields = QgsFields(fields)
        self._width = self.fields.count()
        self._slots = [self.fields.indexOf(name) for name, _kind, _length in _FIELDS]
        # The usual layouts (ours, or a GeoPackage's with "fid" first) take the values as a
        # block after some leading columns: no per-value placement needed.
        first = self._slots[0]
        self._leading: list | None = (
            [None] * first
            if first >= 0 and self._slots == list(range(first, self._width))
            else None
        )

    def __call__(self, scene: Scene) -> QgsFeature:
        if self._leading is not None:
            values = [*self._leading, *_attribute_values(scene)]
        else:
            values = [None] * self._width
            for slot, value in zip(self._slots, _attribute_values(scene), strict=True):
                if slot >= 0:
                    values[slot] = value
        feature = QgsFeature(self.fields)
        feature.setAttributes(values)
        feature.setGeometry(scene_geometry(scene))
        return feature


def scene_feature(scene: Scene, fields: QgsFields) -> QgsFeature:
    """A feature with the scene's footprint and attributes (see ``FeatureBuilder``)."""
    return FeatureBuilder(fields)(scene)


def apply_footprints_style(layer: QgsVectorLayer) -> None:
    style = style_path("footprints.qml")
    if Path(style).exists():
        layer.loadNamedStyle(style)


# --- the layer tree --------------------------------------------------------------------------
def up42_group(project: QgsProject | None = None) -> QgsLayerTreeGroup:
    """The "UP42" group at the top of the layer tree (created when missing)."""
    root = (project or QgsProject.instance()).layerTreeRoot()
    return root.findGroup(LAYER_GROUP_NAME) or root.insertGroup(0, LAYER_GROUP_NAME)


def add_to_up42_group(
    layer: QgsMapLayer, project: QgsProject | None = None, on_top: bool = True
) -> None:
    """Adds ``layer`` to the project inside the "UP42" group, at its top or its bottom."""
    project = project or QgsProject.instance()
    project.addMapLayer(layer, False)
    group = up42_group(project)
    if on_top:
        group.insertLayer(0, layer)
    else:
        group.addLayer(layer)
