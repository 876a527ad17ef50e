"""The AOI box of the search panel: map extent, draw a polygon, selected features; its area
and any problem with it shown inline, its outline on the map."""

from __future__ import annotations

import contextlib

from qgis.core import QgsGeometry, QgsProject
from qgis.gui import QgsMapCanvas
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..i18n import tr
from ..toolbelt.colours import ERROR_STYLE
from ..toolbelt.formatting import format_area
from ..toolbelt.plain_text import plain_label
from .aoi import (
    AREA_PROBLEMS,
    Aoi,
    AoiInputError,
    AoiOutline,
    aoi_from_canvas,
    aoi_from_repaired,
    aoi_from_selection,
    make_aoi,
)
from .map_tools import PolygonMapTool
from .search_errors import guarded


class AoiWidget(QWidget):
    aoi_changed = pyqtSignal()

    def __init__(self, iface, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.aoi: Aoi | None = None
        self._canvas: QgsMapCanvas = iface.mapCanvas()
        self._outline: AoiOutline | None = None
        self._tool: PolygonMapTool | None = None
        self._previous_tool = None

        self.extent_button = QPushButton(tr("Map extent"), self)
        self.extent_button.setToolTip(tr("Use the visible map as the area of interest"))
        self.draw_button = QPushButton(tr("Draw"), self)
        self.draw_button.setCheckable(True)
        self.draw_button.setToolTip(
            tr("Click to add vertices, right-click to finish, Esc to cancel")
        )
        self.selection_button = QPushButton(tr("Selection"), self)
        self.selection_button.setToolTip(
            tr("Use the selected features of the active polygon layer (parts are merged)")
        )
        self.clear_button = QPushButton(tr("Clear"), self)
        self.clear_button.setEnabled(False)
        buttons = QHBoxLayout()
        for button in (
            self.extent_button,
            self.draw_button,
            self.selection_button,
            self.clear_button,
        ):
            buttons.addWidget(button)

        self.area_label = plain_label(QLabel(tr("No area of interest yet."), self))
        self.area_label.setObjectName("Up42AoiArea")
        self.problem_label = plain_label(QLabel(self))
        self.problem_label.setObjectName("Up42AoiProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet(ERROR_STYLE)
        self.problem_label.hide()
        self.repair_button = QPushButton(tr("Use repaired geometry"), self)
        self.repair_button.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.area_label)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.repair_button)

        self.extent_button.clicked.connect(self.use_map_extent)
        self.draw_button.toggled.connect(self._toggle_drawing)
        self.selection_button.clicked.connect(self.use_selection)
        self.clear_button.clicked.connect(self.clear)
        self.repair_button.clicked.connect(self.use_repaired)
        # The AOI belongs to the project on screen: a new or opened project starts without one.
        QgsProject.instance().cleared.connect(self.clear)

    # --- sources -------------------------------------------------------------------------
    @guarded
    def use_map_extent(self) -> None:
        self._apply(lambda: aoi_from_canvas(self._canvas, QgsProject.instance()))

    @guarded
    def use_selection(self) -> None:
        self._apply(lambda: aoi_from_selection(self.iface.activeLayer(), QgsProject.instance()))

    @guarded
    def use_repaired(self) -> None:
        if self.aoi is not None:
            self._apply(lambda: aoi_from_repaired(self.aoi))

    @guarded
    def use_polygon(self, geometry: QgsGeometry) -> None:
        """A polygon in the canvas CRS (what the draw tool emits)."""
        crs = self._canvas.mapSettings().destinationCrs()
        self._apply(lambda: make_aoi(geometry, crs, "polygon", QgsProject.instance()))

    def _apply(self, build) -> None:
        try:
            aoi = build()
        except AoiInputError as error:
            self._show_problem(str(error))
            return
        self.set_aoi(aoi)

    def set_aoi(self, aoi: Aoi | None) -> None:
        self.aoi = aoi
        self.clear_button.setEnabled(aoi is not None)
        if aoi is None:
            self.area_label.setText(tr("No area of interest yet."))
            self.area_label.show()
            self._show_problem(None)
            if self._outline is not None:
                self._outline.clear()
        else:
            self._show_area()
            self._show_problem(aoi.problem, can_repair=bool(aoi.repaired))
            self._ensure_outline().show(aoi.geometry())
        self.aoi_changed.emit()

    @guarded
    def clear(self) -> None:
        self.set_aoi(None)

    def _show_area(self) -> None:
        """The AOI's area, once: a problem that states it (too large, too small) says it."""
        aoi = self.aoi
        if aoi is None:
            return
        self.area_label.setText(aoi_area_text(aoi.area_km2))
        self.area_label.setVisible(aoi.problem_code not in AREA_PROBLEMS)

    def _show_problem(self, text: str | None, can_repair: bool = False) -> None:
        self.problem_label.setText(text or "")
        self.problem_label.setVisible(bool(text))
        self.repair_button.setVisible(bool(text) and can_repair)

    def _ensure_outline(self) -> AoiOutline:
        if self._outline is None:
            self._outline = AoiOutline(self._canvas)
        return self._outline

    @property
    def outline(self) -> AoiOutline | None:
        return self._outline

    # --- drawing -------------------------------------------------------------------------
    @property
    def polygon_tool(self) -> PolygonMapTool:
        if self._tool is None:
            self._tool = PolygonMapTool(self._canvas)
            self._tool.polygon_finished.connect(self._drawn)
            self._tool.cancelled.connect(self._stop_drawing)
            self._tool.deactivated.connect(self._tool_deactivated)
        return self._tool

    def start_drawing(self) -> None:
        self.draw_button.setChecked(True)

    @guarded
    def _toggle_drawing(self, on: bool) -> None:
        if on:
            tool = self.polygon_tool
            current = self._canvas.mapTool()
            if current is not tool:
                self._previous_tool = current
                self._canvas.setMapTool(tool)
            self.area_label.setText(
                tr("Click to add vertices, right-click to finish, Esc to cancel.")
            )
        else:
            self._stop_drawing()

    def _drawn(self, geometry: QgsGeometry) -> None:
        self._stop_drawing()
        self.use_polygon(geometry)

    def _stop_drawing(self) -> None:
        tool = self._tool
        if tool is not None and self._canvas.mapTool() is tool:
            if self._previous_tool is not None:
                self._canvas.setMapTool(self._previous_tool)
            else:
                self._canvas.unsetMapTool(tool)
        self._previous_tool = None
        self._tool_deactivated()
        if self.aoi is None:
            self.area_label.setText(tr("No area of interest yet."))
        else:
            self._show_area()

    def _tool_deactivated(self) -> None:
        if self.draw_button.isChecked():
            self.draw_button.blockSignals(True)
            self.draw_button.setChecked(False)
            self.draw_button.blockSignals(False)

    # --- unload --------------------------------------------------------------------------
    def remove_from_map(self) -> None:
        """Takes the outline and the draw tool off the canvas (plugin unload)."""
        with contextlib.suppress(TypeError, RuntimeError):
            QgsProject.instance().cleared.disconnect(self.clear)
        if self._tool is not None:
            if self._canvas.mapTool() is self._tool:
                self._canvas.unsetMapTool(self._tool)
            self._tool.remove()
            self._tool = None
        if self._outline is not None:
            self._outline.remove()
            self._outline = None


def aoi_area_text(km2: float) -> str:
    """What the panel shows for the AOI's area (the order dialog formats it the same way)."""
    return tr("AOI: {area}").format(area=format_area(km2))
