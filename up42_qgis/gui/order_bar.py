"""Estimate and Order for the scenes selected in the search results.

The search panel feeds the selection and the AOI; the bar picks a data product per
collection (remembered), estimates in a task, and opens the confirmation. An order is only
ever confirmed on an estimate of exactly the selection, products and AOI being ordered.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from qgis.core import QgsProject
from qgis.PyQt import sip
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..api.models import Budget, Collection, Estimate, OrderRequest, Scene
from ..api.order_guard import BudgetChoice
from ..api.ordering import SceneRef, requests_for
from ..i18n import tr
from ..tasks.base import Up42Task
from ..tasks.orders import EstimateTask
from ..toolbelt.colours import ERROR_STYLE
from ..toolbelt.formatting import format_count, format_credits, format_credits_with_euros
from ..toolbelt.messages import error_text, failure_text
from ..toolbelt.plain_text import plain_label
from ..toolbelt.plain_text import tooltip as plain_tooltip
from .order_dialog import OrderDialog, OrderLine
from .order_lines import aoi_area_km2_or_none, per_scene, plan_area_km2, request_key
from .order_plan import PlanOrdering
from .order_products import ProductChoice

if TYPE_CHECKING:
    from ..context import PluginContext

MAX_LISTED_ERRORS = 5


class OrderBar(ProductChoice, PlanOrdering, QWidget):
    estimates_ready = pyqtSignal(dict)  # scene id -> Estimate
    placement_running = pyqtSignal(bool)

    def __init__(self, context: PluginContext | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Up42OrderBar")
        self.context = context
        self.scenes: list[Scene] = []
        self.aoi: dict | None = None
        self.collections: dict[str, Collection] = {}
        self.estimates: dict[str, Estimate] = {}  # per scene (its parts summed)
        self.request_estimates: dict[str, Estimate] = {}  # request_key -> its estimate
        self.budgets: list[Budget] | None = None  # read with the estimate; None when unknown
        self.budget_choice: BudgetChoice | None = None  # the setting and the budget to send
        # A coverage plan being ordered ("Order plan…"): one order per part, each over its
        # own polygon; None while the selection of the results table is what is ordered.
        self.plan_refs: list[SceneRef] | None = None
        self.plan_name = ""
        self.dialog: OrderDialog | None = None
        self._estimate_key: str | None = None
        self._estimate_task: Up42Task | None = None
        self._order_after_estimate = False
        self._placing = False
        self._combos: dict[str, QComboBox] = {}

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.products_form = QFormLayout()
        self.products_form.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.products_form)
        row = QHBoxLayout()
        self.estimate_button = QPushButton(tr("Estimate"))
        self.estimate_button.setObjectName("Up42Estimate")
        self.estimate_button.setToolTip(tr("Estimate the credits for the selected scenes"))
        self.order_button = QPushButton(tr("Order…"))
        self.order_button.setObjectName("Up42Order")
        self.order_button.setToolTip(tr("Review and place orders for the selected scenes"))
        self.plan_button = QPushButton(tr("Order plan…"))
        self.plan_button.setObjectName("Up42OrderPlan")
        self.plan_button.setToolTip(
            tr("Order the parts of the coverage plan (its selected parts, if any)")
        )
        self.summary = plain_label(QLabel())
        self.summary.setObjectName("Up42EstimateSummary")
        row.addWidget(self.estimate_button)
        row.addWidget(self.order_button)
        row.addWidget(self.plan_button)
        row.addWidget(self.summary, 1)
        layout.addLayout(row)
        self.errors = plain_label(QLabel())
        self.errors.setObjectName("Up42EstimateErrors")
        self.errors.setWordWrap(True)
        self.errors.setStyleSheet(ERROR_STYLE)
        self.errors.hide()
        layout.addWidget(self.errors)
        self.estimate_button.clicked.connect(self.estimate)
        self.order_button.clicked.connect(self.order)
        self.plan_button.clicked.connect(self.order_project_plan)
        project = QgsProject.instance()
        project.layersAdded.connect(self._update_plan_button)
        project.layersRemoved.connect(self._update_plan_button)
        self._update_plan_button()
        self._refresh()
        self._selection_changed()

    # --- inputs ----------------------------------------------------------------------------
    def set_context(self, context: PluginContext) -> None:
        self.context = context
        self._refresh()

    def set_collections(self, collections: list[Collection]) -> None:
        # Keyed case-insensitively: a scene's collection and the glossary's name may differ
        # in case (as in Processing, ``processing.scenes.product_chooser``).
        self.collections = {c.name.lower(): c for c in collections}
        self._rebuild_products()

    def set_selection(self, scenes: list[Scene], aoi: dict | None) -> None:
        self.plan_refs = None  # the table's selection replaces a plan being ordered
        self.scenes = list(scenes)
        self.aoi = aoi
        self._rebuild_products()

    def clear_selection(self) -> None:
        """A new search, a cleared AOI or changed results: no selection, no estimate."""
        self.scenes = []
        self.aoi = None
        self.plan_refs = None
        self.estimates = {}
        self.request_estimates = {}
        self._estimate_key = None
        self._order_after_estimate = False
        self._rebuild_products()

    # --- budgets ---------------------------------------------------------------------------
    def _remembered_budget(self) -> str:
        try:
            from ..settings import SettingsStore

            return str(SettingsStore.load().last_budget or "")
        except Exception:
            return ""

    # --- requests --------------------------------------------------------------------------
    def _collection_title(self, name: str) -> str:
        collection = self.collection(name)
        return collection.title if collection else name

    def order_requests(self) -> list[OrderRequest]:
        """``api.ordering.requests_for`` over the selection: one request per scene (and per
        Polygon part of the AOI) that has a data product; without an AOI the whole scene."""

        def product_for(collection: str) -> tuple[str | None, str | None]:
            return self.product_id(collection), None

        planned = requests_for(
            self.refs(),
            product_for,
            self.order_aoi(),
            title_for=self._collection_title,
        )
        return [plan.request for plan in planned if plan.request is not None]

    def selection_key(self) -> str:
        """What an estimate is valid for: the scenes, their products and the AOI."""
        parts = sorted(
            json.dumps([r.scene_id, self.product_id(r.collection) or "", self._part(r)])
            for r in self.refs()
        )
        return json.dumps([parts, self.order_aoi()], sort_keys=True)

    def refs(self) -> list[SceneRef]:
        """What is ordered: the plan's parts, or the scenes selected in the results."""
        if self.plan_refs is not None:
            return list(self.plan_refs)
        return [SceneRef.of(scene) for scene in self.scenes]

    def order_aoi(self) -> dict | None:
        """The AOI every order is clipped to; None for a plan (each part is its own AOI)."""
        return None if self.plan_refs is not None else self.aoi

    def _part(self, ref: SceneRef) -> dict | None:
        return ref.footprint if self.plan_refs is not None else None

    @property
    def estimate_is_fresh(self) -> bool:
        return self._estimate_key is not None and self._estimate_key == self.selection_key()

    # --- estimate --------------------------------------------------------------------------
    def estimate(self) -> bool:
        """Starts an estimate of the current selection; False when nothing could be started."""
        if self._estimate_task is not None or self.context is None:
            return False
        requests = self.order_requests()
        if not requests:
            self._show_problem(tr("Select scenes that have an orderable data product."))
            return False
        self._remember_products()
        key = self.selection_key()
        scenes = len({request.scene_id for request in requests})
        self.summary.setText(tr("Estimating… (scenes: {n})").format(n=format_count(scenes)))
        self.errors.hide()
        remembered = self._remembered_budget()
        self._estimate_task = self.context.start(
            lambda client: EstimateTask(
                client, requests, with_budgets=True, remembered_budget=remembered
            ),
            lambda t: self._on_estimated(t, key),
        )
        self._refresh()
        return True

    def _on_estimated(self, task: EstimateTask, key: str) -> None:
        self._estimate_task = None
        if sip.isdeleted(self):
            return  # the dock was closed for good while the task ran
        order_next, self._order_after_estimate = self._order_after_estimate, False
        if task.was_cancelled:
            self.summary.setText(tr("Estimate cancelled."))
        elif task.error is not None:
            self._show_problem(tr("Estimate failed: {error}").format(error=error_text(task.error)))
        else:
            requests = list(task.requests)
            self.estimates = per_scene(requests, list(task.result))
            self.request_estimates = {
                request_key(r): e for r, e in zip(requests, task.result, strict=True)
            }
            self.budgets = task.budgets
            self.budget_choice = task.choice
            self._estimate_key = key
            self._show_estimates()
            self.estimates_ready.emit(dict(self.estimates))
            if order_next and key == self.selection_key():
                self._open_dialog()
        self._refresh()

    def _show_estimates(self) -> None:
        ok = [e for e in self.estimates.values() if e.ok]
        failed = [e for e in self.estimates.values() if not e.ok]
        total = sum(e.credits or 0 for e in ok)
        text = tr("Estimate: {credits} for {n} of %Ln scene(s)", "", len(self.estimates)).format(
            credits=format_credits_with_euros(total), n=format_count(len(ok))
        )
        tooltip = "\n".join(f"{e.scene_id[:8]}: {format_credits(e.credits)}" for e in ok)
        self.summary.setText(text)
        self.summary.setToolTip(plain_tooltip(tooltip))
        if failed:
            lines = [
                tr("{scene}: {error}").format(
                    scene=e.scene_id[:8], error=failure_text(e.failure, e.error) or "?"
                )
                for e in failed[:MAX_LISTED_ERRORS]
            ]
            if len(failed) > MAX_LISTED_ERRORS:
                lines.append(
                    tr("… and {n} more").format(n=format_count(len(failed) - MAX_LISTED_ERRORS))
                )
            heading = tr("Not orderable ({n}):").format(n=format_count(len(failed)))
            self.errors.setText("\n".join([heading, *lines]))
            self.errors.show()
        else:
            self.errors.hide()

    def _show_problem(self, text: str) -> None:
        self.errors.setText(text)
        self.errors.show()
        self.summary.setText("")

    # --- order -----------------------------------------------------------------------------
    def order(self) -> None:
        """Opens the confirmation; estimates first when the estimate is missing or stale."""
        if self._placing or self.context is None:
            return
        if self.estimate_is_fresh:
            self._open_dialog()
            return
        self._order_after_estimate = True
        if not self.estimate():
            self._order_after_estimate = False

    def _open_dialog(self) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.raise_()
            return
        lines = []
        collection_of = {ref.scene_id: ref.collection for ref in self.refs()}
        for request in self.order_requests():
            collection = collection_of.get(request.scene_id, "")
            combo = self._combos.get(collection)
            lines.append(
                OrderLine(
                    request=request,
                    collection_title=self._collection_title(collection),
                    product_title=combo.currentText() if combo else "",
                    estimate=self.request_estimates.get(request_key(request)),
                )
            )
        if self.context is None:  # order() returns early without one
            return
        self.dialog = OrderDialog(
            self.context,
            lines,
            plan_area_km2(self.plan_refs)
            if self.plan_refs is not None
            else aoi_area_km2_or_none(self.aoi),
            self.context.flow.auto_download_default(),
            self.window(),
            budgets=self.budgets,
            choice=self.budget_choice,
        )
        self.dialog.placement_started.connect(lambda: self._set_placing(True))
        self.dialog.placement_finished.connect(lambda _placed: self._set_placing(False))
        self.dialog.open()

    def _set_placing(self, placing: bool) -> None:
        self._placing = placing
        self.placement_running.emit(placing)
        self._refresh()

    # --- state -----------------------------------------------------------------------------
    def _refresh(self) -> None:
        has_scenes = bool(self.refs()) and self.context is not None
        estimating = self._estimate_task is not None
        self.estimate_button.setEnabled(has_scenes and not estimating)
        self.order_button.setEnabled(has_scenes and not estimating and not self._placing)

    def _selection_changed(self) -> None:
        if self._estimate_task is not None:
            return  # the running estimate reports when it ends
        if self.estimate_is_fresh:
            self._show_estimates()
            return
        self.errors.hide()
        self.summary.setToolTip("")
        if self.plan_refs is not None:
            self.summary.setText(
                tr("Plan “{name}”: %Ln part(s)", "", len(self.plan_refs)).format(
                    name=self.plan_name
                )
            )
        elif not self.scenes:
            self.summary.setText(tr("Select scenes to estimate or order them."))
        else:
            self.summary.setText(
                tr("Selected scenes: {n}").format(n=format_count(len(self.scenes)))
            )
