"""The results table (sortable) and its two-way selection link with the footprints layer.

The view renders and forwards: the search itself, its footprints table and the one scene ↔
feature-id map belong to ``services.search_session.SearchSession``; the view only reads that
map to translate a selection from one side to the other.

Selection sync without feedback loops: each direction sets ``_syncing`` while it writes to the
other side, and the handlers return early while it is set.
"""

from __future__ import annotations

import contextlib

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import (
    QIdentityProxyModel,
    QItemSelection,
    QItemSelectionModel,
    QSize,
    Qt,
    QTimer,
    pyqtSignal,
)
from qgis.PyQt.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QVBoxLayout, QWidget

from ..api.models import Scene
from ..layers.footprints import scene_geometry
from ..layers.footprints_gpkg import SceneFeatureMap, refresh_footprints_layer
from ..toolbelt.constants import WGS84
from .results_model import COLUMNS, ResultsModel
from .search_errors import guarded
from .search_thumbnails import THUMBNAIL_SIZE, ThumbnailLoader

FIT_ROWS = 40  # rows measured to fit the columns
ROW_HEIGHT = THUMBNAIL_SIZE + 4
READABLE = ("date", "collection", "cloud", "resolution")  # never scrolled out of view
SQUEEZED = "collection"
MIN_SQUEEZED = 60
VISIBLE_DEBOUNCE_MS = 60  # scrolling settles before thumbnails are asked for


class ResultsView(QWidget):
    selection_changed = pyqtSignal(list)  # list[Scene], in table order
    current_changed = pyqtSignal(object)  # Scene | None

    def __init__(self, canvas, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.model = ResultsModel(self)
        # The model sorts itself on precomputed keys (a header click reaches it through the
        # proxy); the identity proxy keeps ``proxy`` rows equal to the model's rows.
        self.proxy = QIdentityProxyModel(self)
        self.proxy.setSourceModel(self.model)

        self.table = QTableView(self)
        self.table.setObjectName("Up42ResultsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(
            -1, Qt.SortOrder.AscendingOrder
        )  # server order until the user sorts
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.setIconSize(QSize(THUMBNAIL_SIZE, THUMBNAIL_SIZE))
        header = self.table.horizontalHeader()
        # Fitted to the first rows once per search, not on every change: ResizeToContents
        # measures 1,000 rows through data() on each sort and costs ~0.3 s with 10,000 rows.
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(FIT_ROWS)
        header.setStretchLastSection(True)
        # The header paints each section's selection state through isColumnSelected, which
        # walks every row through the Python model (50,000 calls per repaint with 10,000 rows
        # selected). Rows are selected here, never columns: the header gets an empty
        # selection of its own.
        header.setHighlightSections(False)
        self._header_selection = QItemSelectionModel(self.proxy, self)
        header.setSelectionModel(self._header_selection)
        self.model.rowsInserted.connect(self._rows_inserted)
        self.model.modelReset.connect(self._fit_columns)
        self.table.doubleClicked.connect(self._double_clicked)
        self.table.selectionModel().selectionChanged.connect(self._table_selection_changed)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)

        self.layer: QgsVectorLayer | None = None
        self.features: SceneFeatureMap | None = None  # the search session's, never a copy
        self._syncing = False
        self._natural_width = 0

        self.thumbnails: ThumbnailLoader | None = None
        self._visible_timer = QTimer(self)
        self._visible_timer.setSingleShot(True)
        self._visible_timer.setInterval(VISIBLE_DEBOUNCE_MS)
        self._visible_timer.timeout.connect(self._want_visible_thumbnails)
        self.table.verticalScrollBar().valueChanged.connect(self._visible_rows_changed)
        for signal in (self.model.rowsInserted, self.model.modelReset, self.proxy.layoutChanged):
            signal.connect(self._visible_rows_changed)

    # --- thumbnails ----------------------------------------------------------------------
    def set_thumbnails(self, loader: ThumbnailLoader) -> None:
        """Shows ``loader``'s thumbnails in the date column, fetched for the visible rows."""
        if self.thumbnails is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                self.thumbnails.loaded.disconnect(self.model.thumbnail_changed)
        self.thumbnails = loader
        self.model.thumbnails = loader.decoration
        loader.loaded.connect(self.model.thumbnail_changed)
        self._visible_rows_changed()

    def visible_rows(self) -> range:
        rows = self.model.rowCount()
        top = self.table.rowAt(0)
        if not rows or top < 0 or not self.table.isVisible():
            return range(0)
        bottom = self.table.rowAt(self.table.viewport().height() - 1)
        return range(top, (bottom if bottom >= 0 else rows - 1) + 1)

    def _visible_rows_changed(self, *_args) -> None:
        if self.thumbnails is not None:
            self._visible_timer.start()

    @guarded
    def _want_visible_thumbnails(self) -> None:
        if self.thumbnails is None:
            return
        scenes = (self.model.scene_at(row) for row in self.visible_rows())
        self.thumbnails.want([scene for scene in scenes if scene is not None])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._squeeze_to_fit()
        self._visible_rows_changed()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._visible_rows_changed()

    # --- content -------------------------------------------------------------------------
    def clear(self) -> None:
        self.detach_layer()
        self.model.clear()
        if self.thumbnails is not None:
            self.thumbnails.forget_failures()

    def add_scenes(self, scenes: list[Scene]) -> list[Scene]:
        return self.model.append_scenes(scenes)

    def attach_layer(self, layer: QgsVectorLayer, features: SceneFeatureMap) -> None:
        """Links the table with ``layer``; ``features`` maps scene id ↔ feature id (known to
        whoever wrote the layer, so it is not read back from it)."""
        if self.layer is not layer:
            self.detach_layer()
            self.layer = layer
            layer.selectionChanged.connect(self._layer_selection_changed)
            layer.willBeDeleted.connect(self.detach_layer)
        self.features = features

    def layer_grew(self) -> None:
        """Footprints were appended to the linked layer's table: show them, keep the table's
        selection as it is (re-reading the layer briefly clears its selection)."""
        if self.layer is None:
            return
        self._syncing = True
        try:
            refresh_footprints_layer(self.layer)
        finally:
            self._syncing = False

    def detach_layer(self) -> None:
        layer, self.layer, self.features = self.layer, None, None
        if layer is not None:
            with contextlib.suppress(TypeError, RuntimeError):
                layer.selectionChanged.disconnect(self._layer_selection_changed)
                layer.willBeDeleted.disconnect(self.detach_layer)

    def feature_id(self, scene_id: str) -> int | None:
        return self.features.feature_id(scene_id) if self.features is not None else None

    def _rows_inserted(self, _parent, first: int, _last: int) -> None:
        if first == 0:  # the first page of a search
            self._fit_columns()

    def _fit_columns(self) -> None:
        self.table.resizeColumnsToContents()
        column = COLUMNS.index(SQUEEZED)
        self._natural_width = self.table.columnWidth(column)
        self._squeeze_to_fit()

    def _squeeze_to_fit(self) -> None:
        """Date, Collection, Cloud and GSD fit the view's width: the collection column gives
        up what they lack (its names elide, their tooltips stay whole)."""
        if not self._natural_width:
            return
        table = self.table
        column = COLUMNS.index(SQUEEZED)
        others = sum(table.columnWidth(COLUMNS.index(name)) for name in READABLE) - (
            table.columnWidth(column)
        )
        room = table.viewport().width() - others
        table.setColumnWidth(column, max(MIN_SQUEEZED, min(self._natural_width, room)))

    # --- selection -----------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        """The selected rows in table order, read from the selection's ranges (a "select all"
        of 10,000 rows is one range, not 10,000 indexes)."""
        rows: set[int] = set()
        for selected in self.table.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return sorted(rows)

    def selected_scenes(self) -> list[Scene]:
        scenes = (self.model.scene_at(row) for row in self.selected_rows())
        return [scene for scene in scenes if scene is not None]

    def select_scene_ids(self, scene_ids: list[str]) -> None:
        """Selects these scenes' rows, as few ranges as there are runs of adjacent rows."""
        rows = sorted({row for row in map(self.model.row_of, scene_ids) if row >= 0})
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        start = 0
        for position in range(1, len(rows) + 1):
            if position == len(rows) or rows[position] != rows[position - 1] + 1:
                selection.select(
                    self.proxy.index(rows[start], 0), self.proxy.index(rows[position - 1],
                                                                       last_column)
                )
                start = position
        self.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    @guarded
    def _table_selection_changed(self, *_args) -> None:
        scenes = self.selected_scenes()
        if not self._syncing and self.layer is not None and self.features is not None:
            found = map(self.features.feature_id, (s.id for s in scenes))
            fids = [fid for fid in found if fid is not None]
            self._syncing = True
            try:
                self.layer.selectByIds(fids)
            finally:
                self._syncing = False
        self.selection_changed.emit(scenes)

    @guarded
    def _layer_selection_changed(self, *_args) -> None:
        if self._syncing or self.layer is None or self.features is None:
            return
        found = (self.features.scene_id(fid) for fid in self.layer.selectedFeatureIds())
        scene_ids = [scene_id for scene_id in found if scene_id is not None]
        self._syncing = True
        try:
            self.select_scene_ids(scene_ids)
        finally:
            self._syncing = False
        if scene_ids:
            first = self.proxy.mapFromSource(self.model.index(self.model.row_of(scene_ids[0]), 0))
            self.table.scrollTo(first)

    @guarded
    def _current_row_changed(self, current, _previous) -> None:
        scene = (
            self.model.scene_at(self.proxy.mapToSource(current).row())
            if current.isValid()
            else None
        )
        self.current_changed.emit(scene)

    # --- zoom ----------------------------------------------------------------------------
    @guarded
    def _double_clicked(self, index) -> None:
        scene = self.model.scene_at(self.proxy.mapToSource(index).row())
        if scene is not None:
            self.zoom_to(scene)

    def zoom_to(self, scene: Scene) -> None:
        box = scene_geometry(scene).boundingBox()
        if box.isEmpty():
            if scene.bbox is None:
                return
            box = QgsRectangle(*scene.bbox)
        transform = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem(WGS84),
            self.canvas.mapSettings().destinationCrs(),
            QgsProject.instance(),
        )
        target = transform.transformBoundingBox(box)
        target.scale(1.2)
        self.canvas.setExtent(target)
        self.canvas.refresh()
