"""A coverage plan as QGIS layers: the plan (one polygon per order, styled by rank and
labelled) and its gaps, both in the "UP42" group.

The plan layer's fields are what ``up42:estimate`` and ``up42:order`` read to order a plan:
``scene_id`` and ``collection`` (as on a footprints layer) plus ``part``, ``rank``,
``area_km2`` and ``share``; ``is_plan_layer`` tells a plan from footprints by those fields.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsJsonUtils,
    QgsPalLayerSettings,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from ..api.planning_types import CoveragePlan, PlanPart
from ..compat import FieldType, make_field
from ..i18n import tr
from .footprints import add_to_up42_group

PLAN_PROPERTY = "up42/plan"
WGS84 = "EPSG:4326"

# (name, type): the plan layer's table; the first two are a footprints layer's too.
PLAN_FIELDS: tuple[tuple[str, FieldType], ...] = (
    ("scene_id", FieldType.TEXT),
    ("collection", FieldType.TEXT),
    ("part", FieldType.INTEGER),
    ("rank", FieldType.INTEGER),
    ("area_km2", FieldType.DOUBLE),
    ("share", FieldType.DOUBLE),
    ("acquired", FieldType.DATETIME),
    ("cloud_cover", FieldType.DOUBLE),
)
PLAN_MARKER_FIELDS = ("scene_id", "collection", "part", "rank", "area_km2", "share")
GAP_FIELDS: tuple[tuple[str, FieldType], ...] = (("area_km2", FieldType.DOUBLE),)

# Rank colours (ColorBrewer Dark2, then Paired's dark ones: they stay apart on imagery),
# repeated past 12.
RANK_COLOURS = (
    "#1b9e77",
    "#d95f02",
    "#7570b3",
    "#e7298a",
    "#66a61e",
    "#e6ab02",
    "#a6761d",
    "#1f78b4",
    "#e31a1c",
    "#6a3d9a",
    "#33a02c",
    "#b15928",
)
FILL_ALPHA = 85  # of 255: the imagery and the footprints stay visible under a part


def _rgba(colour: str, alpha: int = 255) -> str:
    """"#rrggbb" as QGIS's "r,g,b,a" (a "#rrggbbaa" string would be read as #aarrggbb)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"{red},{green},{blue},{alpha}"


def _fields(spec: Iterable[tuple[str, FieldType]]) -> QgsFields:
    fields = QgsFields()
    for name, kind in spec:
        fields.append(make_field(name, kind))
    return fields


def plan_fields() -> QgsFields:
    return _fields(PLAN_FIELDS)


def gap_fields() -> QgsFields:
    return _fields(GAP_FIELDS)


def is_plan_layer(fields: QgsFields) -> bool:
    """True for a layer made by the planner (its fields, whatever the format kept)."""
    return all(fields.indexOf(name) >= 0 for name in PLAN_MARKER_FIELDS)


def _geometry(geojson: dict) -> QgsGeometry:
    features = QgsJsonUtils.stringToFeatureList(
        json.dumps({"type": "Feature", "properties": {}, "geometry": geojson}), QgsFields()
    )
    return QgsGeometry(features[0].geometry()) if features else QgsGeometry()


def _stamp(part: PlanPart) -> QDateTime | None:
    acquired = part.scene.acquired
    if acquired is None:
        return None
    return QDateTime.fromMSecsSinceEpoch(int(acquired.timestamp() * 1000), Qt.TimeSpec.UTC)


def plan_features(plan: CoveragePlan, fields: QgsFields | None = None) -> list[QgsFeature]:
    """One Polygon feature per part (per order), in rank order."""
    fields = fields or plan_fields()
    features = []
    for number, part in enumerate(plan.parts, start=1):
        feature = QgsFeature(fields)
        values = {
            "scene_id": part.scene.id,
            "collection": part.scene.collection,
            "part": number,
            "rank": part.rank,
            "area_km2": round(part.area_km2, 4),
            "share": round(part.share, 6),
            "acquired": _stamp(part),
            "cloud_cover": part.scene.cloud_cover,
        }
        feature.setAttributes([values.get(field.name()) for field in fields])
        feature.setGeometry(_geometry(part.geometry))
        features.append(feature)
    return features


def gap_features(plan: CoveragePlan, fields: QgsFields | None = None) -> list[QgsFeature]:
    """One feature per gap polygon, with its area."""
    from ..api.aoi import aoi_area_km2

    if plan.gaps is None:
        return []
    fields = fields or gap_fields()
    polygons = (
        [plan.gaps["coordinates"]] if plan.gaps["type"] == "Polygon" else plan.gaps["coordinates"]
    )
    features = []
    for rings in polygons:
        geojson = {"type": "Polygon", "coordinates": rings}
        feature = QgsFeature(fields)
        feature.setAttributes([round(aoi_area_km2(geojson), 4)])
        feature.setGeometry(_geometry(geojson))
        features.append(feature)
    return features


def _memory_layer(kind: str, fields: QgsFields, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{kind}?crs={WGS84}", name, "memory")
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    return layer


def make_plan_layer(plan: CoveragePlan, name: str | None = None) -> QgsVectorLayer:
    layer = _memory_layer("Polygon", plan_fields(), name or tr("UP42 coverage plan"))
    layer.dataProvider().addFeatures(plan_features(plan, layer.fields()))
    layer.updateExtents()
    layer.setCustomProperty(
        PLAN_PROPERTY,
        json.dumps(
            {
                "covered_percent": round(plan.covered_percent, 3),
                "aoi_area_km2": round(plan.aoi_area_km2, 3),
            }
        ),
    )
    apply_plan_style(layer)
    return layer


def make_gaps_layer(plan: CoveragePlan, name: str | None = None) -> QgsVectorLayer:
    layer = _memory_layer("Polygon", gap_fields(), name or tr("UP42 coverage gaps"))
    layer.dataProvider().addFeatures(gap_features(plan, layer.fields()))
    layer.updateExtents()
    apply_gaps_style(layer)
    return layer


def apply_plan_style(layer: QgsVectorLayer) -> None:
    """A colour per rank (translucent fill, solid outline) and a label per part:
    "rank · scene id · share %"."""
    index = layer.fields().indexOf("rank")
    ranks = (
        sorted({int(v) for v in layer.uniqueValues(index) if v is not None}) if index >= 0 else []
    )
    categories = []
    for rank in ranks or [1]:
        colour = RANK_COLOURS[(rank - 1) % len(RANK_COLOURS)]
        symbol = QgsFillSymbol.createSimple(
            {
                "color": _rgba(colour, FILL_ALPHA),
                "outline_color": _rgba(colour),
                "outline_width": "0.6",
            }
        )
        categories.append(QgsRendererCategory(rank, symbol, tr("Rank {rank}").format(rank=rank)))
    layer.setRenderer(QgsCategorizedSymbolRenderer("rank", categories))
    settings = QgsPalLayerSettings()
    settings.fieldName = (
        "concat(\"rank\", ' · ', left(\"scene_id\", 12), ' · ', "
        "format_number(100 * \"share\", 1), ' %')"
    )
    settings.isExpression = True
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    layer.triggerRepaint()


def apply_gaps_style(layer: QgsVectorLayer) -> None:
    """Red diagonal hatching: what no scene of the plan covers."""
    symbol = QgsFillSymbol.createSimple(
        {
            "color": "#d7191c",
            "style": "b_diagonal",
            "outline_color": "#d7191c",
            "outline_width": "0.4",
            "outline_style": "dash",
        }
    )
    layer.renderer().setSymbol(symbol)
    layer.triggerRepaint()


def add_plan_layers(
    plan: CoveragePlan, project: QgsProject | None = None
) -> tuple[QgsVectorLayer, QgsVectorLayer | None]:
    """The plan layer (and the gaps layer, when there are gaps) on top of the UP42 group.
    Main thread only."""
    plan_layer = make_plan_layer(plan)
    gaps_layer = make_gaps_layer(plan) if plan.gaps is not None else None
    if gaps_layer is not None:
        add_to_up42_group(gaps_layer, project)
    add_to_up42_group(plan_layer, project)
    return plan_layer, gaps_layer
