"""The Search tab's map actions: "Plan coverage" (issue 17) and "Pin this search" (issue 16.7).

Plan coverage plans the AOI's cover from the selected scenes (or every listed one) with the
user's priorities and seam margin in a task, prices each part with UP42's estimate beside
"every scene over the whole AOI", puts the plan and its gaps in the UP42 group and selects
the plan's rows in the results table. It orders nothing.
"""

from __future__ import annotations

import contextlib
import html
from typing import TYPE_CHECKING

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..api.planning import PRIORITY_NAMES, CoveragePlan, NoteCode, PlanningError
from ..i18n import tr
from ..layers.plans import PLAN_PROPERTY, add_plan_layers
from ..settings import SettingsStore
from ..tasks.planning import PlanCoverageTask, PricedPlan
from ..toolbelt.formatting import format_area, format_credits
from ..toolbelt.plan_messages import note_message, problem_message
from .search_errors import error_text, guarded

if TYPE_CHECKING:
    from .search_panel import SearchPanel

GAPS_PROPERTY = "up42/plan_gaps"


def _priority_labels() -> dict[str, str]:
    return {
        "cloud": tr("Least cloud"),
        "date": tr("Most recent"),
        "resolution": tr("Finest resolution"),
        "incidence": tr("Lowest incidence angle"),
        "count": tr("Fewest scenes"),
    }


def _percent(value: float) -> str:
    from qgis.PyQt.QtCore import QLocale

    return str(QLocale().toString(float(value), "f", 1)) + " %"


def plan_summary(priced: PricedPlan) -> str:
    """The plan as the dock shows it (rich text; every server string escaped): coverage and
    saving first, then one short line per part (the map labels its part the same way)."""
    plan: CoveragePlan = priced.plan
    lines = [
        tr("<b>{percent} of the AOI covered</b> by %Ln scene(s) in {parts}.", "", len(plan.scenes))
        .format(
            percent=_percent(plan.covered_percent),
            parts=tr("%Ln order(s)", "", len(plan.parts)),
        )
    ]
    planned, naive = priced.plan_credits, priced.naive_credits
    if priced.unpriced:
        lines.append(
            tr("Not priced: choose a data product for {collections}.").format(
                collections=html.escape(", ".join(priced.unpriced))
            )
        )
    else:
        lines.append(
            tr(
                "<b>Plan: {planned} credits</b> · every scene over the whole AOI: {naive} credits"
            ).format(planned=format_credits(planned), naive=format_credits(naive))
        )
        if planned is not None and naive:
            lines.append(
                tr("<b>Saving: {credits} credits ({percent})</b>").format(
                    credits=format_credits(naive - planned),
                    percent=_percent(100.0 * (naive - planned) / naive),
                )
            )
    # The plan's scenes are now the selection: say what the order bar would do with it.
    lines.append(
        html.escape(
            tr(
                "Order plan… orders these parts, each over its own area. The plan's scenes "
                "are also selected: Estimate and Order… take each of them over the whole AOI."
            )
        )
    )
    refused = [e for e in priced.part_estimates + priced.naive_estimates if not e.ok]
    if refused:
        lines.append(html.escape(refused[0].error or tr("An estimate was refused.")))
    for note in plan.notes:
        if note.code is not NoteCode.PARTIAL:  # the covered percentage says it
            lines.append(html.escape(note_message(note)))
    parts = [
        tr("{rank} · {scene}: {area}, {share}").format(
            rank=part.rank,
            scene=html.escape(part.scene.id[:12]),
            area=format_area(part.area_km2),
            share=_percent(100.0 * part.share),
        )
        for part in plan.parts
    ]
    return "<br>".join(lines) + "<br><small>" + "<br>".join(parts) + "</small>"


class PlanCoverageBox(QWidget):
    plan_ready = pyqtSignal(object)  # PricedPlan, once its layers are on the map
    plan_finished = pyqtSignal()  # planned, failed or cancelled

    def __init__(self, panel: SearchPanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Up42PlanCoverage")
        self.panel = panel
        self.priced: PricedPlan | None = None
        self.plan_layers: list = []
        self._task: PlanCoverageTask | None = None
        settings = SettingsStore.load()

        self.plan_button = QPushButton(tr("Plan coverage"), self)
        self.plan_button.setObjectName("Up42PlanButton")
        self.plan_button.setToolTip(
            tr(
                "Cover the AOI with the fewest scenes and credits: from the selected scenes, "
                "or every listed one. Nothing is ordered."
            )
        )
        self.pin_button = QToolButton(self)  # compact: it sits beside "Load more"
        self.pin_button.setText(tr("Pin"))
        self.pin_button.setCheckable(True)
        self.pin_button.setToolTip(
            tr("Pin this search: keep its footprints on the map when you search again")
        )
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button, 1)
        buttons.addWidget(self.pin_button)

        self.priorities = QListWidget(self)
        self.priorities.setObjectName("Up42PlanPriorities")
        self.priorities.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.priorities.setToolTip(tr("Drag to order: most important first"))
        labels = _priority_labels()
        chosen = [p for p in settings.plan_priorities if p in PRIORITY_NAMES]
        for name in chosen + [p for p in PRIORITY_NAMES if p not in chosen]:
            item = QListWidgetItem(labels[name])
            item.setData(Qt.ItemDataRole.UserRole, name)
            self.priorities.addItem(item)
        self.priorities.setMaximumHeight(5 * self.priorities.sizeHintForRow(0) + 6)
        self.seam = QDoubleSpinBox(self)
        self.seam.setRange(0.0, 2000.0)
        self.seam.setDecimals(0)
        self.seam.setSuffix(" m")
        self.seam.setValue(settings.plan_seam_m)
        self.min_area = QDoubleSpinBox(self)
        self.min_area.setRange(0.0, 100.0)
        self.min_area.setDecimals(2)
        self.min_area.setSuffix(" km²")
        self.min_area.setValue(settings.plan_min_area_km2)
        self.min_area.setToolTip(tr("Minimum order area of a data product (UP42 bills it)"))
        form = QFormLayout()
        form.addRow(tr("Priorities"), self.priorities)
        form.addRow(tr("Seam margin"), self.seam)
        form.addRow(tr("Minimum order area"), self.min_area)

        self.summary = QLabel(self)
        self.summary.setObjectName("Up42PlanSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.summary)

        self.plan_button.clicked.connect(self.plan)
        self.pin_button.toggled.connect(self._pin)
        panel.session.layer_attached.connect(self._new_search_layer)
        panel.state_changed.connect(self._search_state)

    def _search_state(self, state: str) -> None:
        """A new search (its first page on the way): the last plan's summary is about
        results no longer listed, so it goes (its layers stay on the map, the user's)."""
        from .search_panel import State  # the panel imports this module: not at the top

        if state == State.SEARCHING and self.panel.session.pages_loaded == 0:
            self.cancel()
            self.priced = None
            self._show("")

    # --- pin ---------------------------------------------------------------------------
    @guarded
    def _pin(self, on: bool) -> None:
        if not self.panel.session.pin(on):
            self.pin_button.blockSignals(True)
            self.pin_button.setChecked(False)
            self.pin_button.blockSignals(False)

    def _new_search_layer(self, *_args) -> None:
        self.pin_button.blockSignals(True)
        self.pin_button.setChecked(self.panel.session.pinned)
        self.pin_button.blockSignals(False)

    # --- plan --------------------------------------------------------------------------
    def priority_order(self) -> list[str]:
        return [
            str(self.priorities.item(row).data(Qt.ItemDataRole.UserRole))
            for row in range(self.priorities.count())
        ]

    @property
    def planning(self) -> bool:
        return self._task is not None

    def _show(self, text: str) -> None:
        self.summary.setText(text)
        self.summary.setVisible(bool(text))

    @guarded
    def plan(self) -> None:
        if self._task is not None:
            return
        panel = self.panel
        aoi = panel.aoi_widget.aoi
        if aoi is None or not aoi.usable:
            self._show(html.escape(tr("Choose a usable area of interest first.")))
            return
        selected = panel.results.selected_scenes()
        candidates = selected if len(selected) >= 2 else list(panel.results.model.scenes)
        if not candidates:
            self._show(html.escape(tr("Search first: the plan picks from the results.")))
            return
        bar = panel.order_bar
        products: dict[str, str] = {}
        for collection in {s.collection for s in candidates}:
            product = bar.product_id(collection) if bar is not None else None
            if product:
                products[collection] = product
        priorities, seam, minimum = self.priority_order(), self.seam.value(), self.min_area.value()
        SettingsStore.update(
            plan_priorities=priorities, plan_seam_m=seam, plan_min_area_km2=minimum
        )
        naive = selected if len(selected) >= 2 else None
        self._show(html.escape(tr("Planning and pricing the coverage…")))
        self.plan_button.setEnabled(False)
        self._task = panel.context.start(
            lambda client: PlanCoverageTask(
                client,
                aoi.geojson,
                candidates,
                priorities,
                seam_m=seam,
                min_area_km2=minimum,
                products=products,
                naive=naive,
            ),
            self._planned,
        )

    @guarded
    def _planned(self, task: PlanCoverageTask) -> None:
        if task is not self._task:
            return
        self._task = None
        try:
            self._show_plan(task)
        finally:
            self.plan_finished.emit()

    def _show_plan(self, task: PlanCoverageTask) -> None:
        self.plan_button.setEnabled(True)
        if task.was_cancelled:
            self._show(html.escape(tr("Planning was cancelled.")))
            return
        if task.error is not None:
            error = task.error
            text = problem_message(error) if isinstance(error, PlanningError) else error_text(error)
            self._show(html.escape(text))
            return
        priced: PricedPlan = task.result
        self.priced = priced
        self.remove_plan_layers()
        plan_layer, gaps_layer = add_plan_layers(priced.plan)
        if gaps_layer is not None:
            gaps_layer.setCustomProperty(GAPS_PROPERTY, True)
        self.plan_layers = [layer for layer in (plan_layer, gaps_layer) if layer is not None]
        self.panel.results.select_scene_ids([scene.id for scene in priced.plan.scenes])
        self._show(plan_summary(priced))
        self.plan_ready.emit(priced)

    def remove_plan_layers(self) -> None:
        """The previous plan's layers go when a new plan arrives (and on unload)."""
        project = QgsProject.instance()
        for layer in self.plan_layers:
            with contextlib.suppress(RuntimeError):
                if project.mapLayer(layer.id()) is not None:
                    project.removeMapLayer(layer.id())
        self.plan_layers = []

    def cancel(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
        self.plan_button.setEnabled(True)


__all__ = ["GAPS_PROPERTY", "PLAN_PROPERTY", "PlanCoverageBox", "plan_summary"]
