"""Map tool to draw an AOI polygon: click adds a vertex, right-click finishes, Esc cancels,
Backspace removes the last vertex. The geometry is emitted in the canvas CRS."""

from __future__ import annotations

from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent, QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QKeyEvent

from ..toolbelt.colours import SKETCH_FILL_ALPHA, SKETCH_RGB


class PolygonMapTool(QgsMapTool):
    polygon_finished = pyqtSignal(QgsGeometry)
    cancelled = pyqtSignal()

    def __init__(self, canvas: QgsMapCanvas) -> None:
        super().__init__(canvas)
        self._points: list[QgsPointXY] = []
        self._band: QgsRubberBand | None = QgsRubberBand(
            canvas, QgsWkbTypes.GeometryType.PolygonGeometry
        )
        self._band.setStrokeColor(QColor(*SKETCH_RGB))
        self._band.setFillColor(QColor(*SKETCH_RGB, SKETCH_FILL_ALPHA))
        self._band.setWidth(2)
        self.setCursor(Qt.CursorShape.CrossCursor)

    @property
    def points(self) -> tuple[QgsPointXY, ...]:
        return tuple(self._points)

    def canvasReleaseEvent(self, event: QgsMapMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._points.append(QgsPointXY(event.mapPoint()))
            self._redraw()
        elif event.button() == Qt.MouseButton.RightButton:
            self._finish()

    def canvasMoveEvent(self, event: QgsMapMouseEvent) -> None:
        if self._points:
            self._redraw(QgsPointXY(event.mapPoint()))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            event.accept()
        elif event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self._points:
            self._points.pop()
            self._redraw()
            event.accept()
        else:
            event.ignore()

    def cancel(self) -> None:
        self._reset()
        self.cancelled.emit()

    def _finish(self) -> None:
        points = list(self._points)
        self._reset()
        if len(points) < 3:
            self.cancelled.emit()
            return
        self.polygon_finished.emit(QgsGeometry.fromPolygonXY([[*points, points[0]]]))

    def _redraw(self, floating: QgsPointXY | None = None) -> None:
        if self._band is None:
            return
        points = [*self._points, floating] if floating is not None else list(self._points)
        self._band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        for index, point in enumerate(points):
            self._band.addPoint(point, index == len(points) - 1)
        self._band.show()

    def _reset(self) -> None:
        self._points = []
        if self._band is not None:
            self._band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def deactivate(self) -> None:
        self._reset()
        super().deactivate()

    def remove(self) -> None:
        """Takes the rubber band off the canvas for good (plugin unload)."""
        self._reset()
        if self._band is not None:
            scene = self.canvas().scene()
            if scene is not None:
                scene.removeItem(self._band)
            self._band = None
