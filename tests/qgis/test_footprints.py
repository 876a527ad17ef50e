"""Footprints: fields, one feature per scene with the scene's geometry, the GeoPackage table a
worker writes and the main thread shows, the tree group."""

from __future__ import annotations

import threading
from datetime import UTC, datetime
from pathlib import Path

import pytest
from qgis.core import (
    NULL,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)

from up42_qgis.api.models import Scene
from up42_qgis.layers.footprints import (
    FeatureBuilder,
    add_to_up42_group,
    footprint_fields,
    scene_feature,
    scene_geometry,
)
from up42_qgis.layers.footprints_gpkg import (
    FootprintsTable,
    create_footprints_layer,
    footprints_gpkg_path,
    open_footprints_layer,
    refresh_footprints_layer,
)
from up42_qgis.toolbelt.constants import LAYER_GROUP_NAME as GROUP_NAME


def make_scene(index: int, x: float = 13.1, y: float = 52.3, size: float = 0.1, **extra) -> Scene:
    x0, y0 = x + (index % 100) * 0.001, y + (index // 100) * 0.001
    ring = [[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]
    return Scene(
        id=f"scene-{index:05d}",
        collection="phr",
        acquired=datetime(2024, 5, 1, 10, 21, 33, tzinfo=UTC),
        geometry={"type": "Polygon", "coordinates": [ring]},
        bbox=(x0, y0, x0 + size, y0 + size),
        cloud_cover=8.5,
        resolution=0.5,
        incidence_angle=15.7,
        scene_id=f"DS_PHR1A_{index}",
        constellation="phr",
        provider_name="oneatlas",
        delivery_time="MINUTES",
        **extra,
    )


def feature_ids_by_scene(layer: QgsVectorLayer) -> dict[str, int]:
    """Scene id → feature id, read back from the layer's table: the truth the writer's ids
    are checked against."""
    index = layer.fields().indexOf("scene_id")
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([index])
    return {str(feature.attribute(index)): feature.id() for feature in layer.getFeatures(request)}


def test_fields_hold_the_documented_attributes():
    names = footprint_fields().names()
    for name in (
        "scene_id",
        "collection",
        "acquired",
        "cloud_cover",
        "resolution",
        "incidence",
        "constellation",
        "provider",
        "provider_id",
    ):
        assert name in names


def test_scene_feature_carries_geometry_and_attributes():
    scene = make_scene(0)
    feature = scene_feature(scene, footprint_fields())
    geometry = feature.geometry()
    assert geometry.wkbType() == QgsWkbTypes.Type.MultiPolygon
    expected = QgsGeometry.fromWkt(
        "POLYGON((13.1 52.3, 13.2 52.3, 13.2 52.4, 13.1 52.4, 13.1 52.3))"
    )
    assert geometry.symDifference(expected).area() == pytest.approx(0, abs=1e-12)
    assert feature["scene_id"] == "scene-00000"
    assert feature["collection"] == "phr"
    assert feature["cloud_cover"] == pytest.approx(8.5)
    assert feature["incidence"] == pytest.approx(15.7)
    assert feature["provider_id"] == "DS_PHR1A_0"
    assert feature["acquired"].toUTC().toString("yyyy-MM-ddThh:mm:ss") == "2024-05-01T10:21:33"


def test_antimeridian_footprint_is_split_not_wrapped_around_the_world():
    ring = [[179.5, 10.0], [-179.5, 10.0], [-179.5, 11.0], [179.5, 11.0], [179.5, 10.0]]
    scene = Scene(
        id="am", collection="x", acquired=None, geometry={"type": "Polygon", "coordinates": [ring]}
    )
    geometry = scene_geometry(scene)
    assert geometry.isMultipart()
    assert geometry.constGet().numGeometries() == 2
    assert geometry.area() == pytest.approx(1.0)  # 1° × 1°, not 359° × 1°


def test_a_world_spanning_footprint_stays_whole_and_multipart():
    ring = [[-170.0, 0.0], [0.0, 5.0], [170.0, 0.0], [170.0, 1.0], [-170.0, 1.0], [-170.0, 0.0]]
    scene = Scene(
        id="w", collection="x", acquired=None, geometry={"type": "Polygon", "coordinates": [ring]}
    )
    geometry = scene_geometry(scene)
    assert geometry.wkbType() == QgsWkbTypes.Type.MultiPolygon
    assert geometry.boundingBox().width() == pytest.approx(340.0)


def test_missing_geometry_falls_back_to_bbox():
    scene = Scene(id="b", collection="x", acquired=None, geometry={}, bbox=(1.0, 2.0, 3.0, 4.0))
    assert scene_geometry(scene).area() == pytest.approx(4.0)


def test_geopackage_layer_with_ten_thousand_scenes(tmp_path):
    scenes = [make_scene(i, size=0.01) for i in range(10_000)]
    layer = create_footprints_layer(tmp_path / "fp.gpkg", "search 1", scenes)
    assert layer.isValid()
    assert layer.providerType() == "ogr"
    assert layer.featureCount() == 10_000
    ids = feature_ids_by_scene(layer)
    assert len(ids) == 10_000
    feature = layer.getFeature(ids["scene-00123"])
    assert feature.geometry().boundingBox().xMinimum() == pytest.approx(13.1 + 23 * 0.001)
    # reopened from disk: the data is really in the GeoPackage
    again = QgsVectorLayer(layer.source(), "again", "ogr")
    assert again.featureCount() == 10_000


def test_second_search_gets_its_own_table(tmp_path):
    path = tmp_path / "fp.gpkg"
    first = create_footprints_layer(path, "search", [make_scene(1)])
    second = create_footprints_layer(path, "search", [make_scene(2)])
    assert first.source() != second.source()
    assert first.featureCount() == second.featureCount() == 1
    assert [f["scene_id"] for f in second.getFeatures()] == ["scene-00002"]


def in_worker_thread(call):
    """Runs ``call`` on another thread, as a QgsTask would, and returns its result."""
    outcome = {}

    def run():
        try:
            outcome["result"] = call()
        except Exception as error:  # re-raised on the test's thread
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    thread.join(60)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


def test_table_written_on_a_worker_appends_pages_and_the_layer_shows_them(tmp_path):
    table = FootprintsTable(tmp_path / "fp.gpkg", "search_20240501_102133")
    first_page = [make_scene(i) for i in range(3)]
    ids = in_worker_thread(lambda: table.write(first_page))
    layer = open_footprints_layer(table, "UP42 search")
    assert layer.featureCount() == 3
    assert ids == feature_ids_by_scene(layer)  # the ids the writer reports are the layer's
    layer.selectByIds([ids["scene-00001"]])

    # the next page, written while the layer is open; a repeated scene is not written twice
    second_page = [make_scene(2), make_scene(3), make_scene(4)]
    more = in_worker_thread(lambda: table.write(second_page))
    assert set(more) == {"scene-00002", "scene-00003", "scene-00004"}
    assert more["scene-00002"] == ids["scene-00002"]
    refresh_footprints_layer(layer)
    assert layer.featureCount() == 5
    assert more == {k: v for k, v in feature_ids_by_scene(layer).items() if k in more}
    assert layer.selectedFeatureIds() == [ids["scene-00001"]]  # the selection survives
    assert layer.extent().xMaximum() == pytest.approx(13.1 + 0.004 + 0.1)
    geometry = layer.getFeature(more["scene-00004"]).geometry()
    assert geometry.equals(scene_geometry(make_scene(4)))


def test_table_deleted_behind_our_back_is_rebuilt_from_what_the_caller_lists(tmp_path):
    path = tmp_path / "fp.gpkg"
    table = FootprintsTable(path, "search")
    table.write([make_scene(1)])
    path.unlink()
    listed = [make_scene(1), make_scene(2)]
    ids = table.write(listed)
    assert set(ids) == {"scene-00001", "scene-00002"}
    layer = open_footprints_layer(table, "again")
    assert feature_ids_by_scene(layer) == ids


def test_a_file_that_is_not_a_geopackage_is_an_oserror(tmp_path):
    path = tmp_path / "fp.gpkg"
    path.write_text("not a database")
    with pytest.raises(OSError, match="Cannot"):
        FootprintsTable(path, "search").write([make_scene(1)])


def test_cancelling_stops_between_batches_and_keeps_what_was_written(tmp_path):
    table = FootprintsTable(tmp_path / "fp.gpkg", "search")
    scenes = [make_scene(i, size=0.01) for i in range(2500)]
    ids = table.write(scenes, is_cancelled=lambda: True)
    assert 0 < len(ids) < len(scenes)
    layer = open_footprints_layer(table, "partial")
    assert layer.featureCount() == len(ids)
    assert feature_ids_by_scene(layer) == ids


def test_feature_builder_fills_a_layout_with_fewer_and_other_fields():
    from qgis.core import QgsFields

    from up42_qgis.compat import FieldType, make_field

    fields = QgsFields()
    fields.append(make_field("fid", FieldType.LONG))
    fields.append(make_field("cloud_cover", FieldType.DOUBLE))
    fields.append(make_field("scene_id", FieldType.TEXT))
    feature = FeatureBuilder(fields)(make_scene(7))
    assert feature.attributes()[1:] == [8.5, "scene-00007"]
    assert feature.attribute("fid") is None or feature.attribute("fid") == NULL


def test_layer_goes_into_the_up42_group(tmp_path, qgis_new_project):
    layer = create_footprints_layer(tmp_path / "fp.gpkg", "search", [make_scene(1)])
    add_to_up42_group(layer)
    group = QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME)
    assert group is not None
    assert group.findLayer(layer.id()) is not None
    QgsProject.instance().removeMapLayer(layer.id())


def test_footprints_go_beside_a_saved_project_else_into_the_data_folder(tmp_path):
    from qgis.core import QgsApplication

    project = QgsProject()
    default = footprints_gpkg_path(project)
    assert default.parent == Path(QgsApplication.qgisSettingsDirPath()) / "up42"
    project.setFileName(str(tmp_path / "berlin.qgz"))
    assert footprints_gpkg_path(project) == tmp_path / "berlin_up42_footprints.gpkg"
