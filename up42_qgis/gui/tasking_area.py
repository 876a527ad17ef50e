"""The area a tasking order acquires, with the Search tab's tools: its AOI, the map extent, a
drawn polygon (the same draw tool), or a point (clicked on the map, or the map's centre) for
products that take one. Always handed on as an EPSG:4326 GeoJSON geometry; problems are said
below the buttons. A polygon shows as the Search tab's dashed outline, a point as a marker;
``remove_from_map`` takes both and the tools off the canvas."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from qgis.core import QgsGeometry, QgsPointXY, QgsProject, QgsWkbTypes
from qgis.gui import QgsMapToolEmitPoint, QgsRubberBand
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QGroupBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ..api.json_values import JSON
from ..i18n import tr
from ..toolbelt.colours import AOI_RGB, ERROR_STYLE
from ..toolbelt.formatting import format_number
from .aoi import (
    Aoi,
    AoiInputError,
    AoiOutline,
    aoi_from_canvas,
    geometry_from_geojson,
    make_aoi,
    to_wgs84,
)
from .map_tools import PolygonMapTool
from .tasking_form import plain_label

if TYPE_CHECKING:
    from qgis.gui import QgsMapCanvas, QgsMapTool

AoiSource = Callable[[], "Aoi | None"]


def _km2(aoi: Aoi) -> str:
    return format_number(round(aoi.area_km2, 1))


class PointMarker(AoiOutline):
    """A tasking point on the canvas as a point rubber band (the AOI's colour): nothing in the
    layer tree or the project file, follows canvas CRS changes; ``remove()`` takes it off."""

    GEOMETRY_TYPE = QgsWkbTypes.GeometryType.PointGeometry

    def _style(self, band: QgsRubberBand) -> None:
        band.setIcon(QgsRubberBand.IconType.ICON_CIRCLE)
        band.setIconSize(14)
        band.setWidth(3)
        band.setStrokeColor(QColor(*AOI_RGB))
        band.setColor(QColor(*AOI_RGB))


class TaskingArea(QGroupBox):
    """``changed`` after every new geometry (``geometry``, None when there is none)."""

    changed = pyqtSignal()

    def __init__(
        self,
        canvas: QgsMapCanvas | None,
        search_aoi: AoiSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(tr("Area to acquire"), parent)
        self.canvas = canvas
        self.search_aoi = search_aoi
        self.geometry: JSON | None = None
        self.source_text = ""
        self.accepted_types: tuple[str, ...] = ()
        self._outline: AoiOutline | None = None
        self._marker: PointMarker | None = None
        self._tool: QgsMapTool | None = None
        self._previous_tool: QgsMapTool | None = None

        self.search_aoi_button = QPushButton(tr("Search tab's AOI"), self)
        self.extent_button = QPushButton(tr("Map extent"), self)
        self.draw_button = QPushButton(tr("Draw"), self)
        self.draw_button.setToolTip(
            tr("Click to add vertices, right-click to finish, Esc to cancel")
        )
        self.point_button = QPushButton(tr("Click a point"), self)
        self.point_button.setToolTip(tr("Click the point to acquire on the map"))
        self.centre_button = QPushButton(tr("Map centre"), self)
        self.centre_button.setToolTip(tr("The centre of the visible map, as a point"))
        buttons = QHBoxLayout()
        for button in (
            self.search_aoi_button,
            self.extent_button,
            self.draw_button,
            self.point_button,
            self.centre_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.label = plain_label(tr("No area yet."), self)
        self.label.setObjectName("Up42TaskingArea")
        self.problem = plain_label("", self)
        self.problem.setObjectName("Up42TaskingAreaProblem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.label)
        layout.addWidget(self.problem)

        self.search_aoi_button.clicked.connect(self.use_search_aoi)
        self.extent_button.clicked.connect(self.use_map_extent)
        self.draw_button.clicked.connect(self.start_drawing)
        self.point_button.clicked.connect(self.start_point)
        self.centre_button.clicked.connect(self.use_map_centre)
        self.set_accepted(())

    # --- what the product takes --------------------------------------------------------------
    def set_accepted(self, types: tuple[str, ...]) -> None:
        """The product's geometry types (empty: not known yet, every tool on)."""
        self.accepted_types = types
        points = not types or "Point" in types
        polygons = not types or bool({"Polygon", "MultiPolygon"} & set(types))
        for button in (self.point_button, self.centre_button):
            button.setEnabled(points and self.canvas is not None)
        for button in (self.search_aoi_button, self.extent_button, self.draw_button):
            button.setEnabled(polygons)
        self.draw_button.setEnabled(polygons and self.canvas is not None)
        self.extent_button.setEnabled(polygons and self.canvas is not None)
        self._describe()

    # --- the geometry ------------------------------------------------------------------------
    def set_geometry(self, geojson: JSON | None, text: str = "") -> None:
        self.geometry = geojson
        self.source_text = text
        self.problem.hide()
        kind = str(geojson.get("type")) if geojson is not None else ""
        outline = self._ensure_outline()
        if outline is not None:
            if geojson is not None and "Polygon" in kind:
                outline.show(geometry_from_geojson(geojson))
            else:
                outline.clear()
        marker = self._ensure_marker()
        if marker is not None:
            if geojson is not None and kind == "Point":
                marker.show(geometry_from_geojson(geojson))
            else:
                marker.clear()
        self._describe()
        self.changed.emit()

    def _describe(self) -> None:
        if self.geometry is None:
            text = tr("No area yet.")
        else:
            text = self.source_text or tr("A {kind}.").format(kind=self.geometry.get("type"))
        if self.accepted_types:
            types = " / ".join(self.accepted_types)
            text += " " + tr("This product takes: {types}.").format(types=types)
        self.label.setText(text)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    # --- sources -----------------------------------------------------------------------------
    def use_search_aoi(self) -> None:
        aoi = self.search_aoi() if self.search_aoi is not None else None
        if aoi is None:
            self.show_problem(tr("The Search tab has no area of interest yet."))
            return
        self._use_aoi(aoi, tr("The Search tab's AOI ({area} km²).").format(area=_km2(aoi)))

    def use_map_extent(self) -> None:
        if self.canvas is None:
            return
        try:
            aoi = aoi_from_canvas(self.canvas)
        except AoiInputError as error:
            self.show_problem(str(error))
            return
        self._use_aoi(aoi, tr("The map extent ({area} km²).").format(area=_km2(aoi)))

    def use_map_centre(self) -> None:
        if self.canvas is not None:
            self.use_point(self.canvas.extent().center(), tr("The map centre (a point)."))

    def use_point(self, point: QgsPointXY, text: str = "") -> None:
        """A point in the canvas CRS."""
        if self.canvas is None:
            return
        crs = self.canvas.mapSettings().destinationCrs()
        wgs84 = to_wgs84(QgsGeometry.fromPointXY(point), crs)
        self.set_geometry(json.loads(wgs84.asJson(6)), text or tr("A point on the map."))

    def use_polygon(self, geometry: QgsGeometry) -> None:
        """A polygon in the canvas CRS (what the draw tool emits)."""
        self._stop_tool()
        if self.canvas is None:
            return
        crs = self.canvas.mapSettings().destinationCrs()
        try:
            aoi = make_aoi(geometry, crs, "polygon", QgsProject.instance())
        except AoiInputError as error:
            self.show_problem(str(error))
            return
        self._use_aoi(aoi, tr("A drawn polygon ({area} km²).").format(area=_km2(aoi)))

    def _use_aoi(self, aoi: Aoi, text: str) -> None:
        if not aoi.usable:
            self.show_problem(aoi.problem or tr("The AOI cannot be used."))
            return
        self.set_geometry(aoi.geojson, text)

    # --- map tools ---------------------------------------------------------------------------
    def start_drawing(self) -> None:
        if self.canvas is None:
            return
        tool = PolygonMapTool(self.canvas)
        tool.polygon_finished.connect(self.use_polygon)
        tool.cancelled.connect(self._stop_tool)
        self._start_tool(tool, tr("Click to add vertices, right-click to finish, Esc to cancel."))

    def start_point(self) -> None:
        if self.canvas is None:
            return
        tool = QgsMapToolEmitPoint(self.canvas)
        tool.canvasClicked.connect(self._clicked)
        self._start_tool(tool, tr("Click the point to acquire on the map."))

    def _clicked(self, point: QgsPointXY, _button: object) -> None:
        self._stop_tool()
        self.use_point(QgsPointXY(point), tr("A clicked point."))

    def _start_tool(self, tool: QgsMapTool, hint: str) -> None:
        self._stop_tool()
        canvas = self.canvas
        if canvas is None:
            return
        self._previous_tool = canvas.mapTool()
        self._tool = tool
        canvas.setMapTool(tool)
        self.label.setText(hint)

    def _stop_tool(self) -> None:
        tool, canvas = self._tool, self.canvas
        self._tool = None
        if tool is None or canvas is None:
            return
        if canvas.mapTool() is tool:
            if self._previous_tool is not None:
                canvas.setMapTool(self._previous_tool)
            else:
                canvas.unsetMapTool(tool)
        self._previous_tool = None
        remove = getattr(tool, "remove", None)
        if remove is not None:
            remove()
        tool.deleteLater()
        self._describe()

    def _ensure_outline(self) -> AoiOutline | None:
        if self._outline is None and self.canvas is not None:
            self._outline = AoiOutline(self.canvas)
        return self._outline

    def _ensure_marker(self) -> PointMarker | None:
        if self._marker is None and self.canvas is not None:
            self._marker = PointMarker(self.canvas)
        return self._marker

    def remove_from_map(self) -> None:
        """The tool, the outline and the point marker off the canvas (the dialog closes, the
        plugin unloads)."""
        with contextlib.suppress(RuntimeError):
            self._stop_tool()
        if self._outline is not None:
            self._outline.remove()
            self._outline = None
        if self._marker is not None:
            self._marker.remove()
            self._marker = None
