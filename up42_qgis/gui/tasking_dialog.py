""" "New tasking order…": pick a TASKING data product, fill its order form (read from UP42 in
a task), take the area from the Search tab's AOI or the map (a point where the product asks
for one), check it all against the schema, confirm, and place the order once. The order is
then tracked like an archive order; its feasibility study and quotation come in the Orders
tab, where nothing is accepted without the user."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from qgis.PyQt import sip
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..api.errors import OrderFormError
from ..api.json_values import JSON
from ..api.models import OrderRequest
from ..api.order_schema import OrderSchema, Problem
from ..api.tasking import tasking_request
from ..i18n import tr
from ..tasks.base import Up42Task
from ..tasks.tasking import OrderSchemaTask, TaskingProduct, TaskingProductsTask
from ..toolbelt.colours import ERROR_STYLE
from ..toolbelt.messages import error_text, form_problem_text, placement_failure
from .tasking_area import AoiSource, TaskingArea
from .tasking_form import TaskingForm, ask_yes_no, placement_question, plain_label

if TYPE_CHECKING:
    from ..context import PluginContext


def _today():
    return datetime.now(UTC).date()


class TaskingDialog(QDialog):
    """``placed(order_id)`` once the order exists (it is tracked by then)."""

    placed = pyqtSignal(str)

    def __init__(
        self,
        context: PluginContext,
        search_aoi: AoiSource | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("Up42TaskingDialog")
        self.setWindowTitle(tr("New tasking order"))
        self.context = context
        self.search_aoi = search_aoi
        self.products: list[TaskingProduct] = []
        self.schema: OrderSchema | None = None
        self.order_id: str | None = None
        self._placing = False
        self._schema_task: Up42Task | None = None

        self.product_combo = QComboBox(self)
        self.product_combo.setObjectName("Up42TaskingProduct")
        self.form = TaskingForm(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        intro = plain_label(
            tr(
                "Order a new acquisition of an area. UP42 studies the request and sends a "
                "quotation (some products first offer options to choose from); nothing is "
                "charged until you accept the quotation in the Orders tab."
            ),
            self,
        )
        intro.setObjectName("Up42TaskingIntro")
        scroll.setWidget(self.form)

        canvas = context.iface.mapCanvas() if context.iface is not None else None
        self.area = TaskingArea(canvas, search_aoi, self)
        self.auto_download = QCheckBox(tr("Download and add to the project when fulfilled"), self)
        self.auto_download.setChecked(context.flow.auto_download_default())
        self.message = plain_label("", self)
        self.message.setObjectName("Up42TaskingMessage")
        self.button_box = QDialogButtonBox(self)
        self.place_button = self.button_box.addButton(
            tr("Place tasking order…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.place_button.setObjectName("Up42PlaceTasking")
        self.button_box.addButton(QDialogButtonBox.StandardButton.Close)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Data product:")))
        top.addWidget(self.product_combo, 1)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.area)
        layout.addWidget(self.auto_download)
        layout.addWidget(self.message)
        layout.addWidget(self.button_box)
        self.resize(600, 600)

        self.product_combo.currentIndexChanged.connect(self._product_changed)
        self.place_button.clicked.connect(self.place)
        self.button_box.rejected.connect(self.reject)
        self._update_buttons()
        self.load_products()
        if search_aoi is not None and search_aoi() is not None:
            self.area.use_search_aoi()

    # --- products and the form --------------------------------------------------------------
    def load_products(self) -> None:
        self.message.setText(tr("Reading the tasking products…"))
        self.context.start(TaskingProductsTask, self._products_loaded)

    def _products_loaded(self, task: Up42Task) -> None:
        if sip.isdeleted(self):
            return
        if task.error is not None or task.result is None:
            reason = error_text(task.error) if task.error else tr("Cancelled.")
            self.message.setText(tr("Could not read the tasking products: {e}").format(e=reason))
            return
        self.products = list(task.result)
        self.product_combo.blockSignals(True)
        self.product_combo.clear()
        for product in self.products:
            self.product_combo.addItem(product.title, product.product.id)
        self.product_combo.blockSignals(False)
        if not self.products:
            self.message.setText(tr("This account has no tasking data products."))
            return
        self._product_changed()

    @property
    def product(self) -> TaskingProduct | None:
        index = self.product_combo.currentIndex()
        return self.products[index] if 0 <= index < len(self.products) else None

    def select_product(self, key: str) -> bool:
        """Chooses the product whose id or name is ``key`` (the form then loads)."""
        for index, product in enumerate(self.products):
            if key in (product.product.id, product.product.name):
                if index == self.product_combo.currentIndex():
                    self._product_changed()
                else:
                    self.product_combo.setCurrentIndex(index)
                return True
        return False

    def _product_changed(self) -> None:
        product = self.product
        self.schema = None
        self.form.set_schema(None)
        self._update_buttons()
        if product is None or not product.product.id:
            return
        self.message.setText(tr("Reading the order form…"))
        product_id = product.product.id
        self._schema_task = self.context.start(
            lambda client: OrderSchemaTask(client, product_id), self._schema_loaded
        )

    def _schema_loaded(self, task: Up42Task) -> None:
        if sip.isdeleted(self) or task is not self._schema_task:
            return  # closed, or another product was chosen meanwhile
        self._schema_task = None
        if task.error is not None or task.result is None:
            reason = error_text(task.error) if task.error else tr("Cancelled.")
            self.message.setText(tr("Could not read the order form: {e}").format(e=reason))
            return
        self.schema = task.result
        product = self.product
        title = product.product.title if product else ""
        name = tr("QGIS tasking: {product}").format(product=title)
        self.form.set_schema(self.schema, display_name=name)
        if self.schema.complete:
            self.message.setText(tr("Fields marked * are required. Times are UTC."))
        else:
            self.message.setText(
                tr(
                    "Some fields are shown as plain text because the plugin cannot render "
                    "them fully; check them before placing. Fields marked * are required."
                )
            )
        self._update_buttons()
        self.area.set_accepted(self.schema.geometry_types)

    # --- the area ---------------------------------------------------------------------------
    @property
    def geometry(self) -> JSON | None:
        return self.area.geometry

    def done(self, result: int) -> None:  # closed: the map tools and the outline go
        self.area.remove_from_map()
        super().done(result)

    def showEvent(self, event) -> None:  # shown again: the area's outline comes back
        super().showEvent(event)
        if self.area.geometry is not None:
            self.area.set_geometry(self.area.geometry, self.area.source_text)

    # --- placing ----------------------------------------------------------------------------
    def _update_buttons(self) -> None:
        ready = self.schema is not None and not self._placing and self.order_id is None
        self.place_button.setEnabled(ready)
        self.product_combo.setEnabled(not self._placing and self.order_id is None)

    def show_problems(self, problems: list[Problem]) -> list[str]:
        spec = self.schema.geometry_field if self.schema else None
        names = {"geometry", spec.name if spec else "geometry"}
        area = [p for p in problems if p.field in names]
        texts = self.form.show_problems([p for p in problems if p.field not in names])
        if area:
            self.area.show_problem("\n".join(form_problem_text(p) for p in area))
        return texts + [form_problem_text(p) for p in area]

    def request(self) -> OrderRequest | None:
        """The checked OrderRequest, or None after showing every problem (nothing sent)."""
        product = self.product
        if self.schema is None or product is None:
            return None
        if self.geometry is None:
            self.area.show_problem(tr("Choose the area to acquire first."))
            self.message.setText(tr("Nothing was sent: there is no area yet."))
            return None
        values: dict[str, Any] = self.form.values()
        name = str(values.get("displayName") or product.product.title)
        try:
            request = tasking_request(
                self.schema,
                product.product.id or "",
                name,
                self.geometry,
                values,
                today=_today(),
            )
        except OrderFormError as error:
            texts = self.show_problems([p for p in error.problems if isinstance(p, Problem)])
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(
                tr("Nothing was sent. Correct the form: {problems}").format(
                    problems=" ".join(texts)
                )
            )
            return None
        self.show_problems([])
        self.message.setStyleSheet("")
        return request

    def confirm(self, request: OrderRequest) -> bool:
        product = self.product
        window = self.schema.window if self.schema else None
        text = placement_question(request, product.title if product else "", window)
        return ask_yes_no(self, tr("Place tasking order"), text)

    def place(self) -> bool:
        """Checks the form, asks, places once; False when nothing was sent."""
        if self._placing or self.order_id is not None:
            return False
        request = self.request()
        if request is None or not self.confirm(request):
            return False
        self._placing = True
        self._update_buttons()
        self.message.setText(tr("Placing the tasking order…"))
        self.context.flow.place([request], [None], self.auto_download.isChecked(), self._placed)
        return True

    def _placed(self, task: Up42Task) -> None:
        self._placing = False
        if sip.isdeleted(self):
            return
        placed = list(task.result or []) if task.error is None else []
        if task.error is not None or not placed or not placed[0].order_id:
            reason = (
                error_text(task.error)
                if task.error
                else (placement_failure(placed[0]) if placed else "")
            )
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(tr("The tasking order was not placed: {r}").format(r=reason))
            self._update_buttons()
            return
        self.order_id = placed[0].order_id
        self.message.setStyleSheet("")
        self.message.setText(
            tr(
                "Placed: {id}. The Orders tab follows it; the quotation (and any feasibility "
                "study) will wait there for your decision."
            ).format(id=self.order_id)
        )
        self._update_buttons()
        self.placed.emit(self.order_id)
