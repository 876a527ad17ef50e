"""The AOI from the map extent, a drawn polygon and selected features, in projects whose CRS
is not EPSG:4326; its area, its outline on the canvas, and problems shown before any search."""

from __future__ import annotations

import math

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt
from qgis.PyQt.QtGui import QKeyEvent

from tests.qgis.support import BERLIN, sized_canvas, to_crs
from up42_qgis.api.aoi import aoi_area_km2
from up42_qgis.gui.aoi import geometry_from_geojson
from up42_qgis.gui.search_aoi import AoiWidget

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")


@pytest.fixture
def aoi_widget(iface, qtbot):
    widget = AoiWidget(iface)
    qtbot.addWidget(widget)
    yield widget
    widget.remove_from_map()


def pixel(canvas, lon: float, lat: float) -> QPoint:
    crs = canvas.mapSettings().destinationCrs()
    point = to_crs(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)), crs).asPoint()
    device = canvas.getCoordinateTransform().transform(point)
    return QPoint(round(device.x()), round(device.y()))


def click(tool, canvas, position: QPoint, button=Qt.MouseButton.LeftButton) -> None:
    for kind, handler in (
        (QEvent.Type.MouseButtonPress, tool.canvasPressEvent),
        (QEvent.Type.MouseButtonRelease, tool.canvasReleaseEvent),
    ):
        handler(
            QgsMapMouseEvent(canvas, kind, position, button, button, Qt.KeyboardModifier.NoModifier)
        )


def test_extent_aoi_is_the_visible_map_in_wgs84(canvas_3857, aoi_widget):
    aoi_widget.extent_button.click()
    aoi = aoi_widget.aoi
    assert aoi is not None
    assert aoi.usable
    assert aoi.source == "extent"
    box = geometry_from_geojson(aoi.geojson).boundingBox()
    # The canvas shows at least the Berlin box (widened to the canvas's aspect ratio).
    assert box.xMinimum() <= BERLIN.xMinimum() + 1e-6
    assert box.xMaximum() >= BERLIN.xMaximum() - 1e-6
    assert box.yMinimum() == pytest.approx(BERLIN.yMinimum(), abs=0.02)
    assert box.yMaximum() == pytest.approx(BERLIN.yMaximum(), abs=0.02)
    assert 12.9 < box.xMinimum() < box.xMaximum() < 13.9
    # densified: a straight 3857 edge is several vertices in degrees
    assert len(aoi.geojson["coordinates"][0]) > 20
    assert aoi.area_km2 == pytest.approx(aoi_area_km2(aoi.geojson), rel=0.01)
    assert "km²" in aoi_widget.area_label.text()
    band = aoi_widget.outline.band
    assert band.isVisible()
    assert band.asGeometry().boundingBox().intersects(canvas_3857.extent())


def test_drawn_polygon_aoi_from_synthetic_clicks(canvas_3857, aoi_widget):
    aoi_widget.draw_button.click()
    tool = aoi_widget.polygon_tool
    assert canvas_3857.mapTool() is tool
    corners = [(13.35, 52.47), (13.45, 52.47), (13.45, 52.53)]
    for lon, lat in corners:
        click(tool, canvas_3857, pixel(canvas_3857, lon, lat))
    assert len(tool.points) == 3
    assert aoi_widget.aoi is None  # not finished yet
    click(tool, canvas_3857, pixel(canvas_3857, 13.4, 52.5), Qt.MouseButton.RightButton)
    aoi = aoi_widget.aoi
    assert aoi is not None
    assert aoi.usable
    assert aoi.source == "polygon"
    assert canvas_3857.mapTool() is not tool
    assert not aoi_widget.draw_button.isChecked()
    drawn = geometry_from_geojson(aoi.geojson)
    expected = QgsGeometry.fromPolygonXY([[QgsPointXY(x, y) for x, y in [*corners, corners[0]]]])
    # pixel rounding: a few metres at this scale
    assert drawn.symDifference(expected).area() < 0.01 * expected.area()
    assert drawn.boundingBox().xMinimum() == pytest.approx(13.35, abs=0.002)
    assert drawn.boundingBox().yMaximum() == pytest.approx(52.53, abs=0.002)


def test_escape_cancels_drawing(canvas_3857, aoi_widget):
    aoi_widget.draw_button.click()
    tool = aoi_widget.polygon_tool
    click(tool, canvas_3857, pixel(canvas_3857, 13.35, 52.47))
    click(tool, canvas_3857, pixel(canvas_3857, 13.45, 52.47))
    tool.keyPressEvent(
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    )
    assert tool.points == ()
    assert aoi_widget.aoi is None
    assert canvas_3857.mapTool() is not tool
    assert not aoi_widget.draw_button.isChecked()


def test_self_intersecting_polygon_shows_problem_and_repair(canvas_3857, aoi_widget):
    aoi_widget.draw_button.click()
    tool = aoi_widget.polygon_tool
    for lon, lat in [(13.35, 52.47), (13.45, 52.53), (13.45, 52.47), (13.35, 52.53)]:
        click(tool, canvas_3857, pixel(canvas_3857, lon, lat))
    click(tool, canvas_3857, pixel(canvas_3857, 13.4, 52.5), Qt.MouseButton.RightButton)
    aoi = aoi_widget.aoi
    assert aoi is not None
    assert not aoi.usable
    assert aoi.problem_code == "INVALID"
    assert not aoi_widget.problem_label.isHidden()
    assert not aoi_widget.repair_button.isHidden()
    aoi_widget.repair_button.click()
    assert aoi_widget.aoi.usable
    assert aoi_widget.aoi.source == "repaired"
    assert aoi_widget.problem_label.isHidden()


def test_too_large_extent_is_refused_inline(iface, qtbot, qgis_new_project, aoi_widget):
    canvas = sized_canvas(iface, qtbot)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    canvas.setExtent(
        to_crs(
            QgsGeometry.fromRect(QgsRectangle(0, 45, 20, 55)), canvas.mapSettings().destinationCrs()
        ).boundingBox()
    )
    aoi_widget.extent_button.click()
    assert aoi_widget.aoi.problem_code == "TOO_LARGE"
    assert "km²" in aoi_widget.problem_label.text()
    assert not aoi_widget.problem_label.isHidden()


def test_extent_beyond_the_world_is_clipped_and_called_too_large(
    iface, qtbot, qgis_new_project, aoi_widget
):
    canvas = sized_canvas(iface, qtbot)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    canvas.setExtent(QgsRectangle(-6e7, -6e7, 6e7, 6e7))  # zoomed far out past the world
    aoi_widget.extent_button.click()
    aoi = aoi_widget.aoi
    assert aoi.problem_code == "TOO_LARGE"
    assert math.isfinite(aoi.area_km2)
    assert "nan" not in aoi_widget.area_label.text().lower()
    box = geometry_from_geojson(aoi.geojson).boundingBox()
    assert -180.0 <= box.xMinimum() < box.xMaximum() <= 180.0
    assert -90.0 <= box.yMinimum() < box.yMaximum() <= 90.0


def test_selected_features_are_unioned_from_the_layer_crs(iface, qgis_new_project, aoi_widget):
    utm = QgsCoordinateReferenceSystem("EPSG:25833")
    layer = QgsVectorLayer("Polygon?crs=EPSG:25833", "fields", "memory")
    boxes = [
        QgsRectangle(13.30, 52.45, 13.40, 52.50),
        QgsRectangle(13.38, 52.45, 13.48, 52.50),
        QgsRectangle(13.0, 52.0, 13.05, 52.05),
    ]
    features = []
    for box in boxes:
        feature = QgsFeature()
        feature.setGeometry(to_crs(QgsGeometry.fromRect(box), utm))
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    QgsProject.instance().addMapLayer(layer)
    iface.setActiveLayer(layer)
    ids = [f.id() for f in layer.getFeatures()][:2]
    layer.selectByIds(ids)
    aoi_widget.selection_button.click()
    aoi = aoi_widget.aoi
    assert aoi is not None
    assert aoi.usable
    assert aoi.source == "selection"
    box = geometry_from_geojson(aoi.geojson).boundingBox()
    assert box.xMinimum() == pytest.approx(13.30, abs=1e-4)
    assert box.xMaximum() == pytest.approx(13.48, abs=1e-4)
    assert aoi.geojson["type"] == "Polygon"  # the two overlapping parts merged
    assert aoi.area_km2 == pytest.approx(aoi_area_km2(aoi.geojson), rel=0.01)
    QgsProject.instance().removeMapLayer(layer.id())


def test_selection_without_a_polygon_layer_explains(iface, qgis_new_project, aoi_widget):
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "points", "memory")
    QgsProject.instance().addMapLayer(layer)
    iface.setActiveLayer(layer)
    aoi_widget.selection_button.click()
    assert aoi_widget.aoi is None
    assert "polygons" in aoi_widget.problem_label.text()
    QgsProject.instance().removeMapLayer(layer.id())


def test_remove_from_map_takes_the_outline_off_the_canvas(canvas_3857, aoi_widget):
    aoi_widget.extent_button.click()
    band = aoi_widget.outline.band
    assert band.scene() is canvas_3857.scene()
    aoi_widget.remove_from_map()
    assert band not in canvas_3857.scene().items()
    assert aoi_widget.outline is None


def test_a_new_project_starts_without_the_aoi(canvas_3857, aoi_widget):
    aoi_widget.extent_button.click()
    assert aoi_widget.aoi is not None
    QgsProject.instance().clear()
    assert aoi_widget.aoi is None
    assert aoi_widget.outline.band.asGeometry().isEmpty()
