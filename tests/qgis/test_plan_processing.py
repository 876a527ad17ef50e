"""``up42:plan_coverage`` through ``processing.run``: on hand-made footprints layers whose
plan is known, and chained after ``up42:search`` against the sandbox."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from tests.qgis.support import BERLIN_EXTENT, feature_rows, run, search
from up42_qgis.api.aoi import aoi_area_km2
from up42_qgis.layers.footprints import footprint_fields
from up42_qgis.layers.plans import is_plan_layer

AOI_EXTENT = "13.0,13.4,52.0,52.2 [EPSG:4326]"


class RecordingFeedback(QgsProcessingFeedback):
    """Keeps the errors Processing reports (a refusal in prepareAlgorithm reaches the user
    this way; ``processing.run`` itself then only says that there were errors)."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N803
        self.errors.append(error)


def refusal(parameters: dict) -> str:
    """The one-line reason a run was refused, wherever the algorithm refused it."""
    feedback = RecordingFeedback()
    with pytest.raises(QgsProcessingException) as raised:
        run("plan_coverage", parameters, feedback=feedback)
    messages = [*feedback.errors, str(raised.value)]
    for message in messages:
        assert "\n" not in message.strip(), message
        assert "Traceback" not in message
    return " | ".join(messages)


def footprints(*scenes: tuple[str, tuple[float, float, float, float], float]) -> QgsVectorLayer:
    """A footprints layer with the search's schema: (scene_id, (x0, y0, x1, y1), cloud)."""
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4326", "footprints", "memory")
    layer.dataProvider().addAttributes(footprint_fields().toList())
    layer.updateFields()
    features = []
    for scene_id, (x0, y0, x1, y1), cloud in scenes:
        feature = QgsFeature(layer.fields())
        feature["scene_id"], feature["collection"], feature["cloud_cover"] = scene_id, "phr", cloud
        feature.setGeometry(QgsGeometry.fromWkt(
            f"MULTIPOLYGON((({x0} {y0},{x1} {y0},{x1} {y1},{x0} {y1},{x0} {y0})))"))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def test_plan_coverage_is_registered_with_its_parameters(provider):
    algorithm = QgsApplication.processingRegistry().algorithmById("up42:plan_coverage")
    names = {d.name() for d in algorithm.parameterDefinitions()}
    assert {"AOI", "EXTENT", "SCENES", "PRIORITIES", "SEAM_M", "OUTPUT", "GAPS"} <= names
    assert {"OUTPUT", "COVERED_PERCENT"} <= {o.name() for o in algorithm.outputDefinitions()}
    assert algorithm.parameterDefinition("SEAM_M").defaultValue() == 100


def test_two_halves_with_a_gap_give_two_parts_the_gap_and_its_percentage(provider):
    scenes = footprints(("west", (12.9, 51.9, 13.15, 52.3), 0.0),
                        ("east", (13.25, 51.9, 13.5, 52.3), 5.0),
                        ("far", (20.0, 40.0, 20.5, 40.5), 0.0))
    result = run("plan_coverage", {"SCENES": scenes, "EXTENT": AOI_EXTENT, "SEAM_M": 0,
                                   "OUTPUT": "memory:", "GAPS": "memory:"})
    assert result["COVERED_PERCENT"] == pytest.approx(75.0, abs=0.05)
    plan = result["OUTPUT"]
    assert is_plan_layer(plan.fields())
    assert QgsWkbTypes.flatType(plan.wkbType()) == QgsWkbTypes.Type.Polygon
    rows = sorted(feature_rows(plan), key=lambda row: row["rank"])
    assert [(r["scene_id"], r["rank"], r["part"]) for r in rows] == [("west", 1, 1),
                                                                     ("east", 2, 2)]
    aoi_km2 = aoi_area_km2({"type": "Polygon", "coordinates": [[
        [13.0, 52.0], [13.4, 52.0], [13.4, 52.2], [13.0, 52.2], [13.0, 52.0]]]})
    assert sum(r["share"] for r in rows) == pytest.approx(0.75, abs=1e-3)
    assert sum(r["area_km2"] for r in rows) == pytest.approx(0.75 * aoi_km2, rel=1e-3)
    assert all(r["collection"] == "phr" for r in rows)
    (gap,) = feature_rows(result["GAPS"])
    assert gap["area_km2"] == pytest.approx(0.25 * aoi_km2, rel=2e-3)


def test_only_the_selected_footprints_are_planned(provider):
    scenes = footprints(("clear", (12.9, 51.9, 13.5, 52.3), 0.0),
                        ("cloudy", (12.9, 51.9, 13.5, 52.3), 50.0))
    QgsProject.instance().addMapLayer(scenes)
    try:
        cloudy = [f.id() for f in scenes.getFeatures() if f["scene_id"] == "cloudy"]
        scenes.selectByIds(cloudy)
        result = run("plan_coverage", {"SCENES": scenes, "EXTENT": AOI_EXTENT,
                                       "OUTPUT": "memory:"})
        assert [r["scene_id"] for r in feature_rows(result["OUTPUT"])] == ["cloudy"]
        scenes.removeSelection()
        result = run("plan_coverage", {"SCENES": scenes, "EXTENT": AOI_EXTENT,
                                       "OUTPUT": "memory:"})
        assert [r["scene_id"] for r in feature_rows(result["OUTPUT"])] == ["clear"]
    finally:
        QgsProject.instance().removeMapLayer(scenes.id())


def test_an_aoi_layer_in_another_crs_is_planned_in_wgs84(provider):
    aoi = QgsVectorLayer("Polygon?crs=EPSG:3857", "aoi", "memory")
    to_mercator = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateReferenceSystem("EPSG:3857"),
        QgsProject.instance())
    geometry = QgsGeometry.fromWkt("POLYGON((13 52,13.4 52,13.4 52.2,13 52.2,13 52))")
    geometry.transform(to_mercator)
    feature = QgsFeature()
    feature.setGeometry(geometry)
    aoi.dataProvider().addFeatures([feature])
    scenes = footprints(("all", (12.9, 51.9, 13.5, 52.3), 0.0))
    result = run("plan_coverage", {"SCENES": scenes, "AOI": aoi, "OUTPUT": "memory:"})
    assert result["COVERED_PERCENT"] == pytest.approx(100.0, abs=0.01)
    (part,) = result["OUTPUT"].getFeatures()
    box = part.geometry().boundingBox()
    assert (box.xMinimum(), box.yMaximum()) == (pytest.approx(13.0, abs=1e-4),
                                                pytest.approx(52.2, abs=1e-4))


@pytest.mark.parametrize(("parameters", "words"), [
    ({"SCENES_AT": ("far", (20.0, 40.0, 20.5, 40.5))},
     "No scene covers any of the area of interest (1 scene checked)"),
    ({"PRIORITIES": "cloud,price"}, "Unknown priorities: price"),
    ({"EXTENT": None}, "Give the area of interest"),
])
def test_bad_input_fails_in_one_line_saying_why(provider, parameters, words):
    scene = parameters.pop("SCENES_AT", ("all", (12.9, 51.9, 13.5, 52.3)))
    base = {"SCENES": footprints((*scene, 0.0)), "EXTENT": AOI_EXTENT, "OUTPUT": "memory:"}
    base.update(parameters)
    base = {k: v for k, v in base.items() if v is not None}
    assert words in refusal(base)


def test_a_layer_without_scene_fields_is_refused(provider):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4326&field=name:string", "other", "memory")
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromWkt("POLYGON((13 52,13.4 52,13.4 52.2,13 52.2,13 52))"))
    layer.dataProvider().addFeatures([feature])
    message = refusal({"SCENES": layer, "EXTENT": AOI_EXTENT, "OUTPUT": "memory:"})
    assert "lacks the field(s) scene_id, collection" in message


def test_search_then_plan_covers_berlin_without_asking_up42(account, tmp_path: Path):
    scenes = search(tmp_path, EXTENT=BERLIN_EXTENT, LIMIT=40, COLLECTIONS="phr")
    assert scenes.featureCount() == 40
    requests_before = len(account.request_log())
    result = run("plan_coverage", {"SCENES": scenes, "EXTENT": BERLIN_EXTENT,
                                   "PRIORITIES": "cloud,date,count",
                                   "OUTPUT": str(tmp_path / "plan.gpkg")})
    assert len(account.request_log()) == requests_before  # planning needs no request
    plan = QgsVectorLayer(result["OUTPUT"], "plan", "ogr")
    assert plan.isValid()
    assert is_plan_layer(plan.fields())
    rows = feature_rows(plan)
    assert 1 <= len({r["scene_id"] for r in rows}) < 40
    assert sorted({r["rank"] for r in rows})[0] == 1
    assert result["COVERED_PERCENT"] >= 99.0
    assert 0.99 <= sum(r["share"] for r in rows) <= 1.05
    found = {f["scene_id"] for f in scenes.getFeatures()}
    assert {r["scene_id"] for r in rows} <= found
