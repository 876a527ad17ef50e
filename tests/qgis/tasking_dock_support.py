"""Helpers of the tasking tests in the dock (test_tasking_dock.py, test_tasking_form.py):
the questions the dialogs ask, answered from a list; the tasking dialog opened on a product,
its window set, an order placed; the fixtures ``answers`` and ``orders_panel`` are in
conftest.py."""

from __future__ import annotations

from datetime import timedelta

from qgis.PyQt.QtWidgets import QMessageBox

from tests.qgis.support import WAIT_MS
from tests.unit.api.tasking_support import SITE, today
from up42_qgis.gui.aoi import Aoi
from up42_qgis.gui.orders_panel import OrdersPanel
from up42_qgis.gui.tasking_dialog import TaskingDialog

SITE_AOI = Aoi(geojson=SITE, area_km2=9.2, source="polygon")


class Answers:
    """Stands in for QMessageBox.exec: records each question and answers from a list."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.replies: list[QMessageBox.StandardButton] = []

    def __call__(self, box: QMessageBox) -> QMessageBox.StandardButton:
        self.asked.append(box.text())
        return self.replies.pop(0) if self.replies else QMessageBox.StandardButton.No


def open_form(qtbot, panel: OrdersPanel, product: str) -> TaskingDialog:
    dialog = panel.open_tasking()
    qtbot.waitUntil(lambda: bool(dialog.products), timeout=WAIT_MS)
    assert dialog.select_product(product)
    qtbot.waitUntil(lambda: dialog.schema is not None, timeout=WAIT_MS)
    return dialog


def set_window(dialog: TaskingDialog, start_in_days: int = 1, days: int = 10) -> None:
    start = today() + timedelta(days=start_in_days)
    dialog.form.set_value("acquisitionStart", start)
    dialog.form.set_value("acquisitionEnd", start + timedelta(days=days))


def yes(answers: Answers, n: int = 1) -> None:
    answers.replies += [QMessageBox.StandardButton.Yes] * n


def place(qtbot, dialog: TaskingDialog, answers: Answers) -> str:
    yes(answers)
    assert dialog.place()
    qtbot.waitUntil(lambda: dialog.order_id is not None, timeout=WAIT_MS)
    assert dialog.order_id
    return dialog.order_id


def wait_sub_status(qtbot, context, order_id: str, sub_status: str):
    qtbot.waitUntil(
        lambda: (
            getattr(context.tracker.last_orders.get(order_id), "sub_status", None) == sub_status
        ),
        timeout=WAIT_MS,
    )
    return context.tracker.last_orders[order_id]


def patches(sandbox) -> list[dict]:
    return [e for e in sandbox.request_log() if e["method"] == "PATCH"]
