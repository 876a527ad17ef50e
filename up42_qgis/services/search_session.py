"""One catalog search in the dock, page by page: the request, the next-page link, the scenes
listed so far, the footprints table the pages are written into, its layer on the map and the
one scene ↔ feature-id map (the table's) that links the results table with the layer.

The search panel renders what the session reports and forwards the user's clicks (search,
load more, cancel); it keeps none of this state. Main thread only: each page is a SearchTask
started through the context (which gives it the client), and its callback runs here.
"""

from __future__ import annotations

from collections.abc import Callable

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ..api.models import JSON, Scene, ScenePage, SearchRequest
from ..i18n import tr
from ..layers.footprints import PINNED_PROPERTY, add_to_up42_group
from ..layers.footprints_gpkg import (
    FootprintsTable,
    SceneFeatureMap,
    footprints_gpkg_path,
    open_footprints_layer,
    search_layer_name,
)
from ..tasks.base import ClientTaskFactory
from ..tasks.search import SearchTask

# How a session starts its tasks: ``PluginContext.start``.
StartTask = Callable[[ClientTaskFactory[SearchTask], Callable[[SearchTask], None]], SearchTask]


class SearchSession(QObject):
    page_arrived = pyqtSignal(object)  # ScenePage, once its footprints are on the map
    failed = pyqtSignal(object)  # the Exception a page failed with
    cancelled = pyqtSignal()  # the task itself was cancelled (e.g. in the task manager)
    footprints_failed = pyqtSignal(str)  # the page is listed, its footprints are not on the map
    layer_attached = pyqtSignal(object, object)  # QgsVectorLayer, SceneFeatureMap
    layer_grew = pyqtSignal()  # the attached layer's table has more rows
    layer_detached = pyqtSignal()  # the user removed the layer; the next page adds a new one

    def __init__(self, start: StartTask, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._start = start
        self.request: SearchRequest | None = None
        self.next_request: JSON | None = None
        self.number_matched: int | None = None
        self.pages_loaded = 0
        self.scenes: list[Scene] = []  # every scene listed, in page order, each once
        self.table: FootprintsTable | None = None
        self.layer: QgsVectorLayer | None = None
        self._scene_ids: set[str] = set()
        self._task: SearchTask | None = None

    # --- what the panel shows --------------------------------------------------------------
    @property
    def searching(self) -> bool:
        return self._task is not None

    @property
    def task(self) -> SearchTask | None:
        """The page on its way, if any."""
        return self._task

    @property
    def has_more(self) -> bool:
        return self.next_request is not None

    @property
    def features(self) -> SceneFeatureMap | None:
        """Scene id ↔ feature id of the current footprints table (the one map)."""
        return self.table.feature_ids if self.table is not None else None

    # --- what the panel forwards -----------------------------------------------------------
    def start(self, request: SearchRequest) -> None:
        """A new search: forgets the previous one (its late page is dropped) and asks for the
        first page. The next page's footprints go into a new table."""
        self.cancel()
        self._retire_layer()
        self.request = request
        self.next_request = None
        self.number_matched = None
        self.pages_loaded = 0
        self.scenes, self._scene_ids = [], set()
        self.table, self.layer = None, None
        self._start_page(None)

    def load_more(self) -> bool:
        """The next page; False when there is none or a page is on its way."""
        if self.searching or self.request is None or self.next_request is None:
            return False
        self._start_page(self.next_request)
        return True

    def cancel(self) -> bool:
        """Stops waiting at once: the running task is cancelled and its late answer dropped.
        False when nothing was running."""
        task, self._task = self._task, None
        if task is None:
            return False
        task.cancel()
        return True

    # --- the previous search's layer ------------------------------------------------------
    @property
    def pinned(self) -> bool:
        """The current footprints layer stays on the map when the next search starts."""
        layer = self.layer
        return bool(layer is not None and _alive(layer) and layer.customProperty(PINNED_PROPERTY))

    def pin(self, pinned: bool = True) -> bool:
        """Keeps (or no longer keeps) the current search's layer when the next search starts;
        False when there is no layer on the map yet."""
        layer = self.layer
        if layer is None or not _alive(layer):
            return False
        if pinned:
            layer.setCustomProperty(PINNED_PROPERTY, True)
        else:
            layer.removeCustomProperty(PINNED_PROPERTY)
        return True

    def _retire_layer(self) -> None:
        """A new search replaces the previous footprints layer, unless the user pinned it or
        asked to keep every search (the ``keep_search_layers`` setting)."""
        layer, self.layer = self.layer, None
        if layer is None or not _alive(layer):
            return
        self.layer_detached.emit()  # the results table lets go of it either way
        if layer.customProperty(PINNED_PROPERTY):
            return
        from ..settings import SettingsStore

        if not SettingsStore.load().keep_search_layers:
            QgsProject.instance().removeMapLayer(layer.id())

    # --- pages -----------------------------------------------------------------------------
    def _start_page(self, next_request: JSON | None) -> None:
        request = self.request
        if request is None:  # start() sets it and load_more() checks it
            raise RuntimeError("A page of results was asked for before any search.")
        if self.table is None:
            self.table = FootprintsTable(footprints_gpkg_path(), search_layer_name())
        if self.layer is not None and not _alive(self.layer):  # the user removed it
            self.layer = None
            self.layer_detached.emit()
        # Until the layer is on the map every scene listed goes along, so a table that was
        # lost is rebuilt whole (scenes already in the table are not written again).
        backlog = tuple(self.scenes) if self.layer is None else ()
        table, page_number = self.table, self.pages_loaded + 1
        self._task = self._start(
            lambda client: SearchTask(
                client, request, next_request, page_number, footprints=table, backlog=backlog
            ),
            self._page_done,
        )

    def _page_done(self, task: SearchTask) -> None:
        if task is not self._task:
            return  # cancelled, or superseded by a newer search
        self._task = None
        if task.was_cancelled:
            self.cancelled.emit()
        elif task.error is not None:
            self.failed.emit(task.error)
        else:
            self._page_arrived(task)

    def _page_arrived(self, task: SearchTask) -> None:
        page: ScenePage = task.result
        self.pages_loaded += 1
        self.next_request = page.next_request if page.has_more else None
        if page.number_matched is not None:
            self.number_matched = page.number_matched
        for scene in page.scenes:
            if scene.id not in self._scene_ids:
                self._scene_ids.add(scene.id)
                self.scenes.append(scene)
        error = task.footprints_error
        if error is None:
            try:
                self._show_footprints(task.footprints, bool(task.footprint_ids))
            except Exception as shown:  # whatever it is, the listed results stay
                error = shown
        if error is not None:  # a full disk must not lose the results in the table
            self.footprints_failed.emit(
                tr("The footprints could not be saved: {error}").format(error=error)
            )
        self.page_arrived.emit(page)

    def _show_footprints(self, table: FootprintsTable | None, written: bool) -> None:
        """The task wrote this page's footprints into ``table``: put them on the map. Raises
        OSError when the table cannot be opened."""
        if table is None or table is not self.table or not written:
            return  # nothing written
        layer = self.layer
        if layer is not None and _alive(layer) and layer.source() == table.uri:
            self.layer_grew.emit()
            return
        timestamp = table.requested_name[len("search_") :].replace("_", " ")
        layer = open_footprints_layer(table, tr("UP42 search {time}").format(time=timestamp))
        add_to_up42_group(layer)
        self.layer = layer
        self.layer_attached.emit(layer, table.feature_ids)


def _alive(layer: QgsVectorLayer) -> bool:
    try:
        return QgsProject.instance().mapLayer(layer.id()) is not None
    except RuntimeError:
        return False
