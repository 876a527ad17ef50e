"""Scene footprints as a GeoPackage layer: one layer per search, every result with its attributes.

Why a GeoPackage and not a memory layer: footprints survive saving the project, can be shared
and do not live in RAM. ``footprint_fields`` and ``scene_feature`` are also used by Processing.
"""

from __future__ import annotations

import json
import re
import struct
from collections.abc import Iterable, Sequence
from datetime import datetime
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsJsonUtils,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDateTime, Qt, QVariant

from ..api.models import Scene
from ..paths import style_path

GROUP_NAME = "UP42"
SCENE_ID_PROPERTY = "up42/scene_id"
FOOTPRINTS_PROPERTY = "up42/footprints"
WGS84 = "EPSG:4326"

# (name, type, length): the attribute table of every footprints layer.
_FIELDS: tuple[tuple[str, QVariant.Type, int], ...] = (
    ("scene_id", QVariant.String, 64),
    ("collection", QVariant.String, 64),
    ("acquired", QVariant.DateTime, 0),
    ("cloud_cover", QVariant.Double, 0),
    ("resolution", QVariant.Double, 0),
    ("incidence", QVariant.Double, 0),
    ("constellation", QVariant.String, 64),
    ("provider", QVariant.String, 64),
    ("provider_id", QVariant.String, 254),
    ("delivery_time", QVariant.String, 16),
)


def footprint_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind, length in _FIELDS:
        fields.append(QgsField(name, kind, len=length))
    return fields


def _to_qdatetime(value: datetime | None) -> QDateTime | None:
    if value is None:
        return None
    stamp = QDateTime.fromMSecsSinceEpoch(int(value.timestamp() * 1000), Qt.UTC)
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


def _multipolygon_wkb(geometry: dict) -> bytes | None:
    """A GeoJSON Polygon or MultiPolygon as MultiPolygon WKB; None for anything else.

    Why by hand: parsing each footprint through QgsJsonUtils costs about 20 times more, and a
    search's footprints layer is built from thousands of them."""
    kind, coordinates = geometry.get("type"), geometry.get("coordinates")
    if kind == "Polygon":
        polygons = [coordinates]
    elif kind == "MultiPolygon":
        polygons = coordinates
    else:
        return None
    try:
        parts = [struct.pack("<BII", 1, QgsWkbTypes.MultiPolygon, len(polygons))]
        for rings in polygons:
            parts.append(struct.pack("<BII", 1, QgsWkbTypes.Polygon, len(rings)))
            for ring in rings:
                values = [float(value) for point in ring for value in point[:2]]
                if len(values) != 2 * len(ring):
                    return None
                parts.append(struct.pack(f"<I{len(values)}d", len(ring), *values))
    except (TypeError, ValueError, struct.error):
        return None
    return b"".join(parts)


def _geojson_geometry(geometry: dict) -> QgsGeometry:
    wkb = _multipolygon_wkb(geometry)
    if wkb is not None:
        parsed = QgsGeometry()
        parsed.fromWkb(wkb)
        if not parsed.isEmpty():
            return parsed
    features = QgsJsonUtils.stringToFeatureList(
        json.dumps({"type": "Feature", "properties": {}, "geometry": geometry}), QgsFields()
    )
    return features[0].geometry() if features else QgsGeometry()


def scene_geometry(scene: Scene) -> QgsGeometry:
    """The scene's GeoJSON footprint (EPSG:4326) as a MultiPolygon; empty when unusable."""
    geometry = _geojson_geometry(scene.geometry) if scene.geometry else QgsGeometry()
    if (geometry.isNull() or geometry.isEmpty()) and scene.bbox is not None:
        geometry = QgsGeometry.fromRect(QgsRectangle(*scene.bbox))
    if geometry.isNull() or geometry.isEmpty():
        return QgsGeometry()
    if QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.PolygonGeometry:
        return QgsGeometry()
    geometry = _split_at_antimeridian(geometry)
    if not geometry.isMultipart():
        geometry.convertToMultiType()
    return geometry


def scene_feature(scene: Scene, fields: QgsFields) -> QgsFeature:
    """A feature with the scene's footprint and attributes; fields missing from ``fields``
    (e.g. a sink with fewer columns) are skipped, extra fields (GeoPackage ``fid``) stay null."""
    feature = QgsFeature(fields)
    feature.setGeometry(scene_geometry(scene))
    values = {
        "scene_id": scene.id,
        "collection": scene.collection,
        "acquired": _to_qdatetime(scene.acquired),
        "cloud_cover": scene.cloud_cover,
        "resolution": scene.resolution,
        "incidence": scene.incidence_angle,
        "constellation": scene.constellation,
        "provider": scene.provider_name,
        "provider_id": scene.scene_id,
        "delivery_time": scene.delivery_time,
    }
    for name, value in values.items():
        index = fields.indexOf(name)
        if index >= 0 and value is not None:
            feature.setAttribute(index, value)
    return feature


# --- the GeoPackage --------------------------------------------------------------------------
def data_folder() -> Path:
    """The plugin's data folder inside the QGIS profile (created on demand)."""
    folder = Path(QgsApplication.qgisSettingsDirPath()) / "up42"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def footprints_gpkg_path(project: QgsProject | None = None) -> Path:
    """Beside the project when it is saved (so footprints travel with it), else the data folder."""
    project = project or QgsProject.instance()
    project_file = project.fileName()
    if project_file and not project_file.startswith(("/vsi", "geopackage:")):
        project_path = Path(project_file)
        if project_path.parent.is_dir():
            return project_path.with_name(f"{project_path.stem}_up42_footprints.gpkg")
    return data_folder() / "footprints.gpkg"


def search_layer_name(when: datetime | None = None) -> str:
    """A GeoPackage table name for one search, unique to the second."""
    when = when or datetime.now()
    return "search_" + when.strftime("%Y%m%d_%H%M%S")


def _unique_table_name(path: Path, layer_name: str) -> str:
    if not path.exists():
        return layer_name
    from osgeo import ogr

    dataset = ogr.Open(str(path))
    existing = (
        {dataset.GetLayer(i).GetName() for i in range(dataset.GetLayerCount())}
        if dataset
        else set()
    )
    dataset = None
    candidate, suffix = layer_name, 2
    while candidate in existing:
        candidate, suffix = f"{layer_name}_{suffix}", suffix + 1
    return candidate


def create_footprints_layer(
    path: str | Path, layer_name: str, scenes: Sequence[Scene] = ()
) -> QgsVectorLayer:
    """A new table ``layer_name`` (made unique) in the GeoPackage ``path`` holding ``scenes``,
    styled with ``resources/styles/footprints.qml``. Raises OSError when it cannot be written."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    table = _unique_table_name(path, re.sub(r"[^A-Za-z0-9_]", "_", layer_name) or "footprints")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table
    options.fileEncoding = "UTF-8"
    options.actionOnExistingFile = (
        QgsVectorFileWriter.CreateOrOverwriteLayer
        if path.exists()
        else QgsVectorFileWriter.CreateOrOverwriteFile
    )
    writer = QgsVectorFileWriter.create(
        str(path),
        footprint_fields(),
        QgsWkbTypes.MultiPolygon,
        QgsCoordinateReferenceSystem(WGS84),
        QgsCoordinateTransformContext(),
        options,
    )
    if writer is None or writer.hasError() != QgsVectorFileWriter.NoError:
        message = writer.errorMessage() if writer is not None else ""
        raise OSError(f"Cannot write {path}: {message}")
    del writer  # closes the file
    layer = QgsVectorLayer(f"{path}|layername={table}", layer_name, "ogr")
    if not layer.isValid():
        raise OSError(f"Cannot open {path}|layername={table}")
    layer.setCustomProperty(FOOTPRINTS_PROPERTY, True)
    apply_footprints_style(layer)
    append_scenes(layer, scenes)
    return layer


def append_scenes(layer: QgsVectorLayer, scenes: Iterable[Scene]) -> list[int]:
    """Adds the scenes in one bulk call (fast for thousands); returns the new feature ids in
    the order of ``scenes``."""
    fields = layer.fields()
    features = [scene_feature(scene, fields) for scene in scenes]
    if not features:
        return []
    ok, added = layer.dataProvider().addFeatures(features)
    if not ok:
        errors = "; ".join(layer.dataProvider().errors()[-3:])
        raise OSError(f"Cannot add footprints to {layer.name()}: {errors}")
    layer.updateExtents()
    layer.triggerRepaint()
    return [feature.id() for feature in added]


def apply_footprints_style(layer: QgsVectorLayer) -> None:
    style = style_path("footprints.qml")
    if Path(style).exists():
        layer.loadNamedStyle(style)


def feature_ids_by_scene(layer: QgsVectorLayer) -> dict[str, int]:
    """Scene id → feature id for every footprint of ``layer``."""
    index = layer.fields().indexOf("scene_id")
    if index < 0:
        return {}
    mapping: dict[str, int] = {}
    for feature in layer.getFeatures():
        mapping[str(feature.attribute(index))] = feature.id()
    return mapping


# --- the layer tree --------------------------------------------------------------------------
def up42_group(project: QgsProject | None = None) -> QgsLayerTreeGroup:
    """The "UP42" group at the top of the layer tree (created when missing)."""
    root = (project or QgsProject.instance()).layerTreeRoot()
    return root.findGroup(GROUP_NAME) or root.insertGroup(0, GROUP_NAME)


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
