"""A tasking order's coverage (``GET /v2/coverage/orders/{orderId}``) as one layer in the
"UP42" group: the part the delivered imagery covers and the remainder, each with its area
and its share of the AOI."""

from __future__ import annotations

import json

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFeature,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsJsonUtils,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
)

from ..api.tasking_models import CoverageArea, OrderCoverage
from ..compat import FieldType, make_field
from ..i18n import tr
from .footprints import add_to_up42_group

COVERAGE_PROPERTY = "up42/coverage_order"
COVERED, REMAINDER = "covered", "remainder"
STYLES = {
    COVERED: {"color": "27,110,32,90", "outline_color": "27,110,32,255", "outline_width": "0.6"},
    REMAINDER: {
        "color": "179,38,30,60",
        "outline_color": "179,38,30,255",
        "outline_width": "0.6",
        "outline_style": "dash",
    },
}


def _geometry(geojson: dict) -> QgsGeometry:
    features = QgsJsonUtils.stringToFeatureList(
        json.dumps({"type": "Feature", "properties": {}, "geometry": geojson}), QgsFields()
    )
    return features[0].geometry() if features else QgsGeometry()


def coverage_layer(coverage: OrderCoverage, name: str) -> QgsVectorLayer:
    """A memory layer with a "covered" and a "remainder" feature (those UP42 sent)."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", name, "memory")
    provider = layer.dataProvider()
    provider.addAttributes(
        [
            make_field("part", FieldType.TEXT),
            make_field("area_km2", FieldType.DOUBLE),
            make_field("percentage", FieldType.DOUBLE),
        ]
    )
    layer.updateFields()
    features = []
    area: CoverageArea
    for part, area in ((COVERED, coverage.covered), (REMAINDER, coverage.remainder)):
        if area.geometry is None:
            continue
        geometry = _geometry(area.geometry)
        if geometry.isEmpty():
            continue
        geometry.convertToMultiType()
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([part, area.sq_km_area, area.percentage])
        features.append(feature)
    provider.addFeatures(features)
    layer.updateExtents()
    labels = {COVERED: tr("Covered"), REMAINDER: tr("Not covered yet")}
    categories = [
        QgsRendererCategory(part, QgsFillSymbol.createSimple(STYLES[part]), labels[part])
        for part in (COVERED, REMAINDER)
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("part", categories))
    layer.setCustomProperty(COVERAGE_PROPERTY, coverage.order_id)
    return layer


def show_coverage(
    coverage: OrderCoverage, name: str, project: QgsProject | None = None
) -> QgsVectorLayer:
    """The coverage layer in the "UP42" group, replacing an earlier one of the same order."""
    project = project or QgsProject.instance()
    for layer in list(project.mapLayers().values()):
        if layer.customProperty(COVERAGE_PROPERTY) == coverage.order_id:
            project.removeMapLayer(layer.id())
    layer = coverage_layer(coverage, name)
    add_to_up42_group(layer, project)
    return layer
