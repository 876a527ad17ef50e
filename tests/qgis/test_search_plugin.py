"""The Search tab inside the real plugin: first tab of the dock, and nothing left on the canvas
after unload (the AOI outline and the draw tool are rubber bands on the canvas scene)."""

from __future__ import annotations

from qgis.core import QgsCoordinateReferenceSystem
from qgis.gui import QgsRubberBand

import up42_qgis
from tests.qgis.support import BERLIN, sized_canvas


def rubber_bands(canvas) -> list[QgsRubberBand]:
    return [item for item in canvas.scene().items() if isinstance(item, QgsRubberBand)]


def test_search_is_the_first_tab_and_unload_cleans_the_canvas(
    iface, qtbot, qgis_new_project, clean_settings
):
    canvas = sized_canvas(iface, qtbot)
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(BERLIN)  # "Map extent" needs a map to take the extent of
    before = len(rubber_bands(canvas))
    plugin = up42_qgis.classFactory(iface)
    plugin.initGui()
    try:
        plugin.action.trigger()
        tabs = plugin.dock.tabs
        assert tabs.tabText(0) == "Search"
        panel = tabs.widget(0)
        assert panel is plugin.search_panel
        panel.aoi_widget.extent_button.click()
        panel.aoi_widget.draw_button.click()
        assert canvas.mapTool() is panel.aoi_widget.polygon_tool
        assert len(rubber_bands(canvas)) == before + 2  # outline + draw tool
    finally:
        plugin.unload()
    assert len(rubber_bands(canvas)) == before
    assert canvas.mapTool() is None or not hasattr(canvas.mapTool(), "polygon_finished")
