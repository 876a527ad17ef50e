"""The plan and gaps layers: fields, one polygon per order, the rank style and labels, and
their place in the "UP42" group."""

from __future__ import annotations

from datetime import UTC, datetime

from qgis.core import QgsCategorizedSymbolRenderer, QgsProject, QgsWkbTypes

from up42_qgis.api.models import Scene
from up42_qgis.api.planning import plan_coverage
from up42_qgis.layers.footprints import footprint_fields
from up42_qgis.layers.plans import (
    PLAN_PROPERTY,
    add_plan_layers,
    is_plan_layer,
    make_plan_layer,
)
from up42_qgis.toolbelt.constants import LAYER_GROUP_NAME as GROUP_NAME


def box(x0: float, y0: float, x1: float, y1: float) -> dict:
    return {"type": "Polygon",
            "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}


AOI = box(13.0, 52.0, 13.4, 52.2)


def scene(name: str, geometry: dict, cloud: float) -> Scene:
    return Scene(id=name, collection="phr", acquired=datetime(2025, 3, 1, tzinfo=UTC),
                 geometry=geometry, cloud_cover=cloud)


def gap_plan():
    return plan_coverage(AOI, [scene("west", box(12.9, 51.9, 13.15, 52.3), 0.0),
                               scene("east", box(13.25, 51.9, 13.5, 52.3), 5.0)], "cloud")


def test_the_plan_layer_has_one_polygon_per_order_styled_by_rank_and_labelled():
    plan = gap_plan()
    layer = make_plan_layer(plan)
    assert layer.isValid()
    assert layer.featureCount() == len(plan.parts) == 2
    assert QgsWkbTypes.flatType(layer.wkbType()) == QgsWkbTypes.Type.Polygon
    rows = [{n: f[n] for n in ("scene_id", "rank", "part", "collection")}
            for f in layer.getFeatures()]
    assert rows == [{"scene_id": "west", "rank": 1, "part": 1, "collection": "phr"},
                    {"scene_id": "east", "rank": 2, "part": 2, "collection": "phr"}]
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer)
    assert renderer.classAttribute() == "rank"
    assert [c.value() for c in renderer.categories()] == [1, 2]
    colours = {c.symbol().color().name() for c in renderer.categories()}
    assert len(colours) == 2
    # The rank's colour, translucent (not "#rrggbbaa" read by Qt as #aarrggbb).
    categories = renderer.categories()
    symbol = categories[0].symbol()
    first = symbol.symbolLayer(0)
    assert first.fillColor().name() == "#1b9e77"
    assert first.fillColor().alpha() == 85
    assert first.strokeColor().name() == "#1b9e77"
    assert first.strokeColor().alpha() == 255
    assert layer.labelsEnabled()
    assert "share" in layer.labeling().settings().fieldName
    assert '"covered_percent": 75' in layer.customProperty(PLAN_PROPERTY)


def test_plan_and_footprints_layers_are_told_apart_by_their_fields():
    assert is_plan_layer(make_plan_layer(gap_plan()).fields())
    assert not is_plan_layer(footprint_fields())


def test_the_layers_go_to_the_up42_group_plan_on_top_of_its_gaps(qgis_new_project):
    plan_layer, gaps_layer = add_plan_layers(gap_plan())
    assert gaps_layer is not None
    assert gaps_layer.featureCount() == 1
    group = QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME)
    assert [child.layerId() for child in group.children()[:2]] == [plan_layer.id(),
                                                                   gaps_layer.id()]
    hatched = gaps_layer.renderer().symbol().symbolLayer(0)
    assert hatched.properties()["style"] == "b_diagonal"


def test_a_full_cover_adds_no_gaps_layer(qgis_new_project):
    plan = plan_coverage(AOI, [scene("all", box(12.9, 51.9, 13.5, 52.3), 0.0)])
    plan_layer, gaps_layer = add_plan_layers(plan)
    assert gaps_layer is None
    assert plan_layer.featureCount() == 1
