"""Issue 16, point 9: one AOI area everywhere. The search panel's AOI box and the order
dialog show the same number for the same AOI (one ellipsoidal computation, ``api.aoi``, one
format), and a world extent states its area once, the same in the area line and the problem."""

from __future__ import annotations

import re

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDistanceArea,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
)

from tests.qgis.support import sized_canvas, to_crs
from up42_qgis.gui.aoi import WGS84, make_aoi
from up42_qgis.gui.order_dialog import OrderDialog
from up42_qgis.gui.order_lines import aoi_area_km2_or_none
from up42_qgis.gui.search_aoi import AoiWidget

# About the size of the Berlin AOI of the issue (3,852 km² in the order dialog).
BERLIN_WKT = "POLYGON((13.0 52.3, 13.9 52.25, 13.95 52.7, 13.1 52.75, 13.0 52.3))"
MERCATOR = QgsCoordinateReferenceSystem("EPSG:3857")


def _numbers(text: str) -> list[str]:
    return re.findall(r"\d[\d.,\u00a0\u202f ]*\d|\d", text)


@pytest.fixture
def aoi_widget(iface, qtbot, qgis_new_project):
    widget = AoiWidget(iface)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    widget.remove_from_map()


def test_the_panel_and_the_order_dialog_show_one_area(aoi_widget, context, qtbot):
    polygon = to_crs(QgsGeometry.fromWkt(BERLIN_WKT), MERCATOR)  # drawn on a Mercator map
    aoi = make_aoi(polygon, MERCATOR, "polygon", QgsProject.instance())
    aoi_widget.set_aoi(aoi)
    dialog = OrderDialog(context, [], aoi_area_km2_or_none(aoi.geojson))
    qtbot.addWidget(dialog)

    panel_text, dialog_text = aoi_widget.area_label.text(), dialog.summary.text()
    panel_area = _numbers(panel_text)[0]
    assert panel_area in dialog_text, (panel_text, dialog_text)
    assert _numbers(dialog_text.split("<br>")[0]) == [panel_area]

    # Ellipsoidal: what QgsDistanceArea says for this small polygon, to 0.05 %.
    measure = QgsDistanceArea()
    measure.setSourceCrs(WGS84, QgsProject.instance().transformContext())
    measure.setEllipsoid("WGS84")
    reference = measure.measureArea(QgsGeometry.fromWkt(BERLIN_WKT)) / 1e6
    assert aoi.area_km2 == pytest.approx(reference, rel=5e-4)


def test_a_world_extent_states_its_area_once(aoi_widget, iface, qtbot, qgis_new_project):
    canvas = sized_canvas(iface, qtbot)
    canvas.setDestinationCrs(MERCATOR)
    canvas.setExtent(
        to_crs(QgsGeometry.fromRect(QgsRectangle(-179, -84, 179, 84)), MERCATOR).boundingBox()
    )
    aoi_widget.use_map_extent()
    aoi = aoi_widget.aoi
    assert aoi is not None
    assert aoi.problem_code == "TOO_LARGE"
    # The Mercator world is most of the Earth (510 million km²), not 28 million.
    assert 400e6 < aoi.area_km2 < 510.1e6
    assert aoi_widget.area_label.isHidden()  # the problem says the area; not twice
    problem = aoi_widget.problem_label.text()
    assert problem.count("km²") == 2  # the area and the limit
    stated = _numbers(problem)[0]
    assert stated == _numbers(aoi_widget.area_label.text())[0]
