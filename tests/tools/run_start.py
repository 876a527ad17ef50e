"""``make run``'s start-up script (``qgis --code``): the map on Berlin and the UP42 dock open,
so a newcomer sees at once where to search. run_qgis.sh opens the project beside it."""

import qgis.utils
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QTimer

BERLIN = QgsRectangle(12.35, 52.0, 14.45, 53.0)  # Berlin and its sandbox scenes


def show_berlin_and_the_dock():
    iface = qgis.utils.iface
    canvas = iface.mapCanvas()
    transform = QgsCoordinateTransform(
        QgsCoordinateReferenceSystem("EPSG:4326"),
        canvas.mapSettings().destinationCrs(),
        QgsProject.instance(),
    )
    canvas.setExtent(transform.transformBoundingBox(BERLIN))
    canvas.refresh()
    plugin = qgis.utils.plugins.get("up42_qgis")
    if plugin is not None and not plugin.action.isChecked():
        plugin.action.trigger()


QTimer.singleShot(500, show_berlin_and_the_dock)
