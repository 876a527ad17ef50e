"""The dock's "Search" tab: AOI, filters, a search that runs in tasks page by page, the
results table linked with a footprints layer, a quicklook, and the order bar.

The panel does no network I/O itself: every request is a task started through the context's
runner, and each task's callback runs on the main thread.
"""

from __future__ import annotations

import contextlib

from qgis.core import Qgis, QgsMessageLog, QgsVectorLayer
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QWidget

from ..api.errors import AuthenticationError
from ..api.models import JSON, ScenePage, SearchRequest
from ..i18n import tr
from ..tasks.base import LOG_TAG
from ..tasks.search import LoadCollectionsTask, SearchTask
from .search_errors import error_text, guarded, is_sign_in_problem
from .search_footprints import SearchFootprints
from .search_layout import SearchPanelLayout


class State:
    NO_SEARCH = "no_search"
    NOT_SIGNED_IN = "not_signed_in"
    SEARCHING = "searching"
    RESULTS = "results"
    NO_RESULTS = "no_results"
    CANCELLED = "cancelled"
    ERROR = "error"


class SearchPanel(SearchPanelLayout):
    state_changed = pyqtSignal(str)
    search_finished = pyqtSignal()  # a page arrived, failed or was cancelled
    collections_loaded = pyqtSignal()

    def __init__(self, context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Up42SearchPanel")
        self.context = context
        self.iface = context.iface
        self.state = State.NO_SEARCH
        self.request: SearchRequest | None = None
        self.next_request: JSON | None = None
        self.number_matched: int | None = None
        self.pages_loaded = 0
        self._search_task: SearchTask | None = None
        self._collections_task: LoadCollectionsTask | None = None
        self._collections_loaded = False

        self._build()
        self.footprints = SearchFootprints(self.results)
        self._connect()
        clients = self.context.clients
        if clients is not None and hasattr(clients, "changed"):
            clients.changed.connect(self._account_changed)
        self._set_state(State.NO_SEARCH if self._signed_in() else State.NOT_SIGNED_IN)

    def _connect(self) -> None:
        self.aoi_widget.aoi_changed.connect(self._aoi_changed)
        self.search_button.clicked.connect(self.search)
        self.cancel_button.clicked.connect(self.cancel)
        self.settings_button.clicked.connect(self.open_settings)
        self.results.selection_changed.connect(self._selection_changed)
        self.results.current_changed.connect(self._current_changed)
        self.load_more_button.clicked.connect(self.load_more)

    # --- account -------------------------------------------------------------------------
    def _signed_in(self) -> bool:
        clients = self.context.clients
        if clients is None:
            return False
        try:
            return bool(clients.is_configured())
        except Exception:
            return False

    def _client_source(self):
        """The shared client, resolved on the main thread (the provider reads QGIS's auth DB
        and network settings, which belong to this thread); raises NotConfiguredError."""
        clients = self.context.clients
        if clients is None:
            raise AuthenticationError(tr("No UP42 account is configured."))
        client = clients.client()
        return lambda: client

    def _task_client(self):
        """The client source for a task, or None after showing why there is none."""
        try:
            return self._client_source()
        except Exception as error:
            text = error_text(error)
            if is_sign_in_problem(error):
                self._set_state(State.NOT_SIGNED_IN, text)
            else:
                self._set_state(State.ERROR, text)
            self._report(text, Qgis.MessageLevel.Warning)
            return None

    def _account_changed(self, *_args) -> None:
        self._collections_loaded = False
        if self._signed_in():
            if self.state == State.NOT_SIGNED_IN:
                self._set_state(State.NO_SEARCH)
            self.load_collections()
        else:
            self._set_state(State.NOT_SIGNED_IN)

    @guarded
    def open_settings(self) -> None:
        try:
            self.iface.showOptionsDialog(self.iface.mainWindow(), currentPage="Up42SettingsPage")
        except TypeError:
            self.iface.showOptionsDialog(self.iface.mainWindow())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._collections_loaded and self._collections_task is None and self._signed_in():
            self.load_collections()

    # --- collections ---------------------------------------------------------------------
    @guarded
    def load_collections(self) -> None:
        if self._collections_task is not None:
            return
        source = self._task_client()
        if source is None:
            self.filters.set_collections_message(tr("Collections load once you are signed in."))
            return
        self.filters.set_collections_message(tr("Loading collections…"))
        task = LoadCollectionsTask(source)
        self._collections_task = task
        self.context.runner.start(task, self._collections_done)

    @guarded
    def _collections_done(self, task: LoadCollectionsTask) -> None:
        if task is not self._collections_task:
            return
        self._collections_task = None
        if task.was_cancelled:
            self.filters.set_collections_message(tr("Loading the collections was cancelled."))
        elif task.error is not None:
            text = error_text(task.error)
            self.filters.set_collections_message(text)
            if is_sign_in_problem(task.error):
                self._set_state(State.NOT_SIGNED_IN, text)
            self._report(text, Qgis.MessageLevel.Warning)
        else:
            self._collections_loaded = True
            self.filters.set_collections(task.result)
            self.results.model.set_collections(task.result)
            if self.order_bar is not None:
                self.order_bar.set_collections(list(task.result))
        self.collections_loaded.emit()

    # --- search --------------------------------------------------------------------------
    @property
    def searching(self) -> bool:
        return self._search_task is not None

    def search_problems(self) -> list[str]:
        """Everything that stops a search, found before any request."""
        problems = []
        aoi = self.aoi_widget.aoi
        if aoi is None:
            problems.append(tr("Choose an area of interest: map extent, draw or selection."))
        elif aoi.problem:
            problems.append(aoi.problem)
        return problems + self.filters.problems()

    @guarded
    def search(self) -> None:
        if self.searching:
            return
        if not self._signed_in():
            self._set_state(State.NOT_SIGNED_IN)
            return
        problems = self.search_problems()
        aoi = self.aoi_widget.aoi
        if problems or aoi is None:  # a missing AOI is always one of the problems
            self._show_message(" ".join(problems))
            return
        self.request = self.filters.build_request(aoi.geojson)
        self.filters.remember()
        self.next_request = None
        self.number_matched = None
        self.pages_loaded = 0
        self.footprints.new_search()
        self.results.clear()
        self.quicklook.set_scene(None)
        self._start_page(None)

    @guarded
    def load_more(self) -> None:
        if self.searching or self.request is None or self.next_request is None:
            return
        self._start_page(self.next_request)

    def _start_page(self, next_request: JSON | None) -> None:
        if self.request is None:  # search() sets it first and load_more() checks it
            raise RuntimeError("A page of results was asked for before any search.")
        source = self._task_client()
        if source is None:
            return
        table, backlog = self.footprints.next_page()
        task = SearchTask(
            source,
            self.request,
            next_request,
            page_number=self.pages_loaded + 1,
            footprints=table,
            backlog=backlog,
        )
        self._search_task = task
        self._show_message(None)
        self._set_state(State.SEARCHING)
        self.context.runner.start(task, self._page_done)

    @guarded
    def cancel(self) -> None:
        """Stops waiting at once; the task's late answer is dropped."""
        task, self._search_task = self._search_task, None
        if task is None:
            return
        task.cancel()
        self._set_state(
            State.CANCELLED if self.results.model.rowCount() == 0 else State.RESULTS,
            tr("Search cancelled."),
        )
        self.search_finished.emit()

    @guarded
    def _page_done(self, task: SearchTask) -> None:
        if task is not self._search_task:
            return  # cancelled, or superseded by a newer search
        self._search_task = None
        if task.was_cancelled:
            self._set_state(State.CANCELLED, tr("Search cancelled."))
        elif task.error is not None:
            self._search_failed(task.error)
        else:
            self._page_arrived(task)
        self.search_finished.emit()

    def _page_arrived(self, task: SearchTask) -> None:
        page: ScenePage = task.result
        self.pages_loaded += 1
        self.next_request = page.next_request if page.has_more else None
        if page.number_matched is not None:
            self.number_matched = page.number_matched
        self.results.add_scenes(list(page.scenes))
        error = task.footprints_error
        if error is None:
            try:
                self.footprints.show(task.footprints, task.footprint_ids)
            except Exception as shown:  # whatever it is, the listed results stay
                error = shown
        if error is not None:  # a full disk must not lose the results in the table
            self._report(
                tr("The footprints could not be saved: {error}").format(error=error),
                Qgis.MessageLevel.Warning,
            )
        if self.results.model.rowCount() == 0:
            self._set_state(State.NO_RESULTS)
        else:
            self._set_state(State.RESULTS)

    @property
    def footprints_layer(self) -> QgsVectorLayer | None:
        """The current search's footprints layer, once its first page is on the map."""
        return self.footprints.layer

    def _search_failed(self, error: Exception) -> None:
        text = error_text(error)
        if is_sign_in_problem(error):
            self._set_state(State.NOT_SIGNED_IN, text)
        else:
            has_rows = self.results.model.rowCount() > 0
            self._set_state(State.RESULTS if has_rows else State.ERROR, text)
        self._report(
            text,
            Qgis.MessageLevel.Critical
            if not is_sign_in_problem(error)
            else Qgis.MessageLevel.Warning,
        )

    # --- states and messages -------------------------------------------------------------
    def _set_state(self, state: str, message: str | None = None) -> None:
        self.state = state
        searching = state == State.SEARCHING
        self.search_button.setEnabled(not searching)
        self.cancel_button.setVisible(searching)
        self.progress.setVisible(searching)
        self.load_more_button.setEnabled(not searching and self.next_request is not None)
        self.settings_button.setVisible(state == State.NOT_SIGNED_IN)
        texts = {
            State.NO_SEARCH: tr("No search yet. Choose an area of interest and press Search."),
            State.NOT_SIGNED_IN: tr("Not signed in to UP42. Add your account in the settings."),
            State.SEARCHING: tr("Searching…"),
            State.NO_RESULTS: tr("No scenes match; widen the dates, the area or the cloud limit."),
            State.CANCELLED: "",
            State.ERROR: "",
            State.RESULTS: "",
        }
        self.state_label.setText(texts.get(state, ""))
        self.state_label.setVisible(bool(self.state_label.text()))
        self.results.setVisible(self.results.model.rowCount() > 0)
        self._update_count()
        if message is not None:
            self._show_message(message)
        self.state_changed.emit(state)

    def _update_count(self) -> None:
        shown = self.results.model.rowCount()
        if not shown:
            self.count_label.setText("")
        elif self.number_matched is not None and self.number_matched >= shown:
            self.count_label.setText(
                tr("{shown} of {total} scenes").format(shown=shown, total=self.number_matched)
            )
        else:
            self.count_label.setText(tr("{shown} scenes").format(shown=shown))

    def _show_message(self, text: str | None) -> None:
        self.message_label.setText(text or "")
        self.message_label.setVisible(bool(text))

    def _report(self, text: str, level: int) -> None:
        bar = self.iface.messageBar() if self.iface is not None else None
        if bar is not None:
            bar.pushMessage(tr("UP42"), text, level, 10)

    # --- selection -----------------------------------------------------------------------
    @guarded
    def _aoi_changed(self) -> None:
        self._show_message(None)
        self.results.model.clear_estimates()
        self._feed_order_bar()

    @guarded
    def _selection_changed(self, _scenes) -> None:
        self._feed_order_bar()

    @guarded
    def _current_changed(self, scene) -> None:
        self.quicklook.set_scene(scene)

    def _feed_order_bar(self) -> None:
        if self.order_bar is None:
            return
        aoi = self.aoi_widget.aoi
        try:
            self.order_bar.set_selection(
                self.results.selected_scenes(), aoi.geojson if aoi and aoi.usable else None
            )
        except Exception as error:
            QgsMessageLog.logMessage(f"Order bar: {error}", LOG_TAG, Qgis.MessageLevel.Warning)

    # --- unload --------------------------------------------------------------------------
    def unload(self) -> None:
        """Leaves nothing on the canvas and nothing running; the plugin calls it on unload."""
        self.cancel()
        self.quicklook.cancel()
        if self._collections_task is not None:
            self._collections_task.cancel()
            self._collections_task = None
        self.aoi_widget.remove_from_map()
        self.results.detach_layer()
        clients = self.context.clients
        if clients is not None and hasattr(clients, "changed"):
            with contextlib.suppress(TypeError, RuntimeError):
                clients.changed.disconnect(self._account_changed)
