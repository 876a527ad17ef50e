"""The dock's "Search" tab: AOI, filters, a search that runs in tasks page by page, the
results table linked with a footprints layer, a quicklook, and the order bar.

The panel renders and forwards: the search itself (request, pages, footprints table and the
scene ↔ feature-id map) is a ``SearchSession``; every request is a task started through the
context, and each task's callback runs on the main thread.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from qgis.core import Qgis, QgsVectorLayer
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QWidget

from ..api.models import ScenePage
from ..api.scenes import add_skip_reasons
from ..i18n import tr
from ..services.search_session import SearchSession
from ..tasks.search import LoadCollectionsTask
from ..toolbelt.formatting import format_count
from ..toolbelt.messages import skipped_note
from ..toolbelt.notify import log, notify
from .search_errors import error_text, guarded, is_sign_in_problem
from .search_layout import SearchPanelLayout

if TYPE_CHECKING:
    from ..context import PluginContext


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

    def __init__(self, context: PluginContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Up42SearchPanel")
        self.context = context
        self.iface = context.iface
        self.state = State.NO_SEARCH
        self.skipped_scenes = 0  # malformed scenes the current search left out
        self._skip_reasons: list[str] = []
        self.session = SearchSession(context.start, self)
        self._collections_task: LoadCollectionsTask | None = None
        self._collections_loaded = False
        self._search_when_loaded = False  # Search was pressed while the collections loaded

        self._build()
        self._connect()
        self.context.clients.changed.connect(self._account_changed)
        self._set_state(State.NO_SEARCH if self._signed_in() else State.NOT_SIGNED_IN)

    def _connect(self) -> None:
        self.aoi_widget.aoi_changed.connect(self._aoi_changed)
        self.search_button.clicked.connect(self.search)
        self.cancel_button.clicked.connect(self.cancel)
        self.settings_button.clicked.connect(self.open_settings)
        self.filters.retry_requested.connect(self.load_collections)
        self.results.selection_changed.connect(self._selection_changed)
        self.results.current_changed.connect(self._current_changed)
        self.load_more_button.clicked.connect(self.load_more)
        session = self.session
        session.page_arrived.connect(self._page_arrived)
        session.failed.connect(self._page_failed)
        session.cancelled.connect(self._page_cancelled)
        session.footprints_failed.connect(self._footprints_failed)
        session.layer_attached.connect(self.results.attach_layer)
        session.layer_grew.connect(self.results.layer_grew)
        session.layer_detached.connect(self.results.detach_layer)

    # --- account -------------------------------------------------------------------------
    def _signed_in(self) -> bool:
        try:
            return bool(self.context.clients.is_configured())
        except Exception:
            return False

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
        if self.iface is None:
            return
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
        self.filters.set_collections_message(tr("Loading collections…"))
        self._collections_task = self.context.start(LoadCollectionsTask, self._collections_done)

    @guarded
    def _collections_done(self, task: LoadCollectionsTask) -> None:
        if task is not self._collections_task:
            return
        self._collections_task = None
        search_next, self._search_when_loaded = self._search_when_loaded, False
        if task.was_cancelled:
            self.filters.set_collections_error(tr("Loading the collections was cancelled."))
        elif task.error is not None:
            # Where the user looks: beside the drop-down, above the results, in the message
            # bar; Retry beside it, and the next Search tries again too.
            text = tr("The collections could not be loaded. {error}").format(
                error=error_text(task.error)
            )
            self.filters.set_collections_error(text)
            self._show_message(text)
            if is_sign_in_problem(task.error):
                self._set_state(State.NOT_SIGNED_IN, text)
            self._report(text, Qgis.MessageLevel.Warning)
        else:
            self._collections_loaded = True
            self._show_message(None)
            self.filters.set_collections(task.result)
            self.results.model.set_collections(task.result)
            if self.order_bar is not None:
                self.order_bar.set_collections(list(task.result))
            if search_next:
                self.search()
        self.collections_loaded.emit()

    # --- search --------------------------------------------------------------------------
    @property
    def searching(self) -> bool:
        return self.session.searching

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
        if not self._collections_loaded:
            # A failed (or still running) load: load again, then search with what loads.
            self._search_when_loaded = True
            self._show_message(None)
            self.load_collections()
            self.filters.set_collections_message(
                tr("Loading the collections; the search starts once they are here…")
            )
            return
        problems = self.search_problems()
        aoi = self.aoi_widget.aoi
        if problems or aoi is None:  # a missing AOI is always one of the problems
            self._show_message(" ".join(problems))
            return
        request = self.filters.build_request(aoi.geojson)
        self.filters.remember()
        self.results.clear()
        self._clear_order_bar()  # the old results' selection and estimate are gone
        self.quicklook.set_scene(None)
        self.skipped_scenes, self._skip_reasons = 0, []
        self.session.start(request)
        self._searching()

    @guarded
    def load_more(self) -> None:
        if self.session.load_more():
            self._searching()

    def _searching(self) -> None:
        self._show_message(None)
        self._set_state(State.SEARCHING)

    @guarded
    def cancel(self) -> None:
        """Stops waiting at once; the task's late answer is dropped."""
        if not self.session.cancel():
            return
        self._set_state(
            State.CANCELLED if self.results.model.rowCount() == 0 else State.RESULTS,
            tr("Search cancelled."),
        )
        self.search_finished.emit()

    @guarded
    def _page_arrived(self, page: ScenePage) -> None:
        self.results.add_scenes(list(page.scenes))
        if self.results.model.rowCount() == 0:
            self._set_state(State.NO_RESULTS)
        else:
            self._set_state(State.RESULTS)
        if page.skipped:
            self.skipped_scenes += page.skipped
            add_skip_reasons(self._skip_reasons, page.skip_reasons)
            note = skipped_note(self.skipped_scenes, self._skip_reasons)
            log(note, Qgis.MessageLevel.Warning)
            self._show_message(note)
        self.search_finished.emit()

    @guarded
    def _page_cancelled(self) -> None:
        self._set_state(State.CANCELLED, tr("Search cancelled."))
        self.search_finished.emit()

    @guarded
    def _footprints_failed(self, text: str) -> None:
        self._report(text, Qgis.MessageLevel.Warning)

    @property
    def footprints_layer(self) -> QgsVectorLayer | None:
        """The current search's footprints layer, once its first page is on the map."""
        return self.session.layer

    @guarded
    def _page_failed(self, error: Exception) -> None:
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
        self.search_finished.emit()

    # --- states and messages -------------------------------------------------------------
    def _set_state(self, state: str, message: str | None = None) -> None:
        self.state = state
        searching = state == State.SEARCHING
        self.search_button.setEnabled(not searching)
        self.cancel_button.setVisible(searching)
        self.progress.setVisible(searching)
        self.load_more_button.setEnabled(not searching and self.session.has_more)
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
        self.show_results(self.results.model.rowCount() > 0)
        self._update_count()
        if message is not None:
            self._show_message(message)
        self.state_changed.emit(state)

    def _update_count(self) -> None:
        shown = self.results.model.rowCount()
        if not shown:
            self.count_label.setText("")
        elif (matched := self.session.number_matched) is not None and matched >= shown:
            self.count_label.setText(
                tr("{shown} of %Ln scene(s)", "", matched).format(shown=format_count(shown))
            )
        else:
            self.count_label.setText(tr("%Ln scene(s)", "", shown))

    def _show_message(self, text: str | None) -> None:
        self.message_label.setText(text or "")
        self.message_label.setVisible(bool(text))

    def _report(self, text: str, level: Qgis.MessageLevel) -> None:
        notify(self.iface, text, level, duration_s=10)

    # --- selection -----------------------------------------------------------------------
    @guarded
    def _aoi_changed(self) -> None:
        self._show_message(None)
        self.results.model.clear_estimates()
        aoi = self.aoi_widget.aoi
        if aoi is None or not aoi.usable:
            self._clear_order_bar()  # no AOI: nothing to estimate or order
        else:
            self._feed_order_bar()

    @guarded
    def _selection_changed(self, _scenes) -> None:
        self._feed_order_bar()

    @guarded
    def _current_changed(self, scene) -> None:
        self.quicklook.set_scene(scene)

    def _clear_order_bar(self) -> None:
        if self.order_bar is not None:
            self.order_bar.clear_selection()

    def _feed_order_bar(self) -> None:
        if self.order_bar is None:
            return
        aoi = self.aoi_widget.aoi
        try:
            self.order_bar.set_selection(
                self.results.selected_scenes(), aoi.geojson if aoi and aoi.usable else None
            )
        except Exception as error:
            log(f"Order bar: {error}", Qgis.MessageLevel.Warning)

    # --- unload --------------------------------------------------------------------------
    def unload(self) -> None:
        """Leaves nothing on the canvas and nothing running; the plugin calls it on unload."""
        self.cancel()
        self.quicklook.cancel()
        self.plan_box.cancel()
        self.thumbnails.cancel()
        self._search_when_loaded = False
        if self._collections_task is not None:
            self._collections_task.cancel()
            self._collections_task = None
        self.aoi_widget.remove_from_map()
        self.results.detach_layer()
        with contextlib.suppress(TypeError, RuntimeError):
            self.context.clients.changed.disconnect(self._account_changed)
