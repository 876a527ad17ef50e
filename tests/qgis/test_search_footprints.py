"""The search panel's footprints against the sandbox: the layer's geometry and attributes,
selection linked both ways with the table, a removed layer coming back with "Load more", and
a footprints file that cannot be written."""

from __future__ import annotations

import pytest
from qgis.core import (
    NULL,
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
)
from qgis.PyQt.QtCore import Qt

from tests.qgis.support import load_more_and_wait, prepare, search_and_wait
from up42_qgis.gui.aoi import geometry_from_geojson
from up42_qgis.gui.search_panel import State


def test_footprints_have_the_sandbox_geometry_and_attributes(panel, sandbox, qtbot):
    prepare(panel, page_size=15)
    search_and_wait(qtbot, panel)
    layer = panel.footprints_layer
    for feature in layer.getFeatures():
        truth = sandbox.scene(str(feature["scene_id"]))
        expected = geometry_from_geojson(truth["geometry"])
        assert (
            feature.geometry().symDifference(expected).area()
            < 1e-9 * max(expected.area(), 1e-9) + 1e-12
        )
        assert feature["collection"] == truth["collection"]
        cloud = truth["properties"].get("eo:cloud_cover", truth["properties"].get("cloudCoverage"))
        if cloud is None:  # radar items carry no cloud cover: the attribute stays empty
            assert feature["cloud_cover"] in (None, NULL)
        else:
            assert feature["cloud_cover"] == pytest.approx(cloud)


def test_selection_syncs_both_ways_and_double_click_zooms(panel, qtbot, canvas_3857):
    prepare(panel, page_size=10)
    search_and_wait(qtbot, panel)
    layer = panel.footprints_layer
    model, proxy, table = panel.results.model, panel.results.proxy, panel.results.table
    fid_of = {str(f["scene_id"]): f.id() for f in layer.getFeatures()}

    # table → map
    panel.results.select_scene_ids([model.scene_at(0).id, model.scene_at(3).id])
    assert set(layer.selectedFeatureIds()) == {
        fid_of[model.scene_at(0).id],
        fid_of[model.scene_at(3).id],
    }
    assert [s.id for s in panel.results.selected_scenes()] == [
        model.scene_at(0).id,
        model.scene_at(3).id,
    ]

    # map → table
    target = model.scene_at(5)
    layer.selectByIds([fid_of[target.id]])
    assert [s.id for s in panel.results.selected_scenes()] == [target.id]
    assert layer.selectedFeatureIds() == [fid_of[target.id]]  # no echo back

    # sorting the table keeps the link (rows are mapped through the proxy)
    table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    layer.selectByIds([fid_of[model.scene_at(1).id]])
    assert [s.id for s in panel.results.selected_scenes()] == [model.scene_at(1).id]

    # double-click zooms to the scene, in the canvas CRS
    scene = model.scene_at(2)
    index = proxy.mapFromSource(model.index(2, 0))
    table.doubleClicked.emit(index)
    footprint = geometry_from_geojson(scene.geometry)
    footprint.transform(
        QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4326"),
            canvas_3857.mapSettings().destinationCrs(),
            QgsProject.instance(),
        )
    )
    extent = canvas_3857.extent()
    assert extent.contains(footprint.boundingBox())
    assert extent.width() < 3 * footprint.boundingBox().width() + 1


def test_load_more_rebuilds_a_removed_footprints_layer(panel, qtbot):
    prepare(panel, page_size=10)
    search_and_wait(qtbot, panel)
    first = panel.footprints_layer
    QgsProject.instance().removeMapLayer(first.id())
    load_more_and_wait(qtbot, panel)
    layer = panel.footprints_layer
    assert layer is not None
    assert QgsProject.instance().mapLayer(layer.id()) is layer
    assert layer.featureCount() == panel.results.model.rowCount() == 20
    # the link to the table works on the new layer
    scene = panel.results.model.scene_at(15)
    panel.results.select_scene_ids([scene.id])
    assert [str(f["scene_id"]) for f in layer.getSelectedFeatures()] == [scene.id]


def test_footprints_that_cannot_be_saved_keep_the_results_and_say_why(
    panel,
    qtbot,
    iface,
    tmp_path,
):
    """The footprints go beside a saved project; there a file that is not a GeoPackage stands
    in for a broken disk."""
    QgsProject.instance().setFileName(str(tmp_path / "berlin.qgz"))
    (tmp_path / "berlin_up42_footprints.gpkg").write_text("not a GeoPackage")
    before = len(iface.messageBar().get_messages(Qgis.MessageLevel.Warning))
    try:
        prepare(panel, page_size=10)
        search_and_wait(qtbot, panel)
    finally:
        QgsProject.instance().setFileName("")
    assert panel.state == State.RESULTS
    assert panel.results.model.rowCount() == 10
    assert panel.footprints_layer is None
    messages = iface.messageBar().get_messages(Qgis.MessageLevel.Warning)[before:]
    assert any("footprints could not be saved" in m for m in messages), messages


def test_the_session_holds_the_one_scene_to_feature_map(panel, qtbot):
    """The results view reads the session's map (the footprints table's), never a copy: after
    "Load more" the same object knows the new page's features."""
    prepare(panel, page_size=5)
    search_and_wait(qtbot, panel)
    session, view = panel.session, panel.results
    assert view.features is session.features is session.table.feature_ids
    assert len(session.features) == 5
    load_more_and_wait(qtbot, panel)
    assert view.features is session.features
    layer = panel.footprints_layer
    assert len(session.features) == layer.featureCount() == view.model.rowCount() == 10
    for feature in layer.getFeatures():
        assert session.features.scene_id(feature.id()) == feature["scene_id"]
        assert view.feature_id(str(feature["scene_id"])) == feature.id()
    assert [s.id for s in session.scenes] == [s.id for s in view.model.scenes]
