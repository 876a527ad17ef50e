"""Tasking in the dock, against the sandbox: the "New tasking order" dialog renders the
product's schema as a form, checks it before sending, asks, places once; the Orders tab shows
the feasibility options and the quotation price, asks before every decision, sends each once;
the delivery loads and the coverage goes on the map. Bad input sends nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from qgis.core import Qgis, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLineEdit,
    QMessageBox,
    QSpinBox,
)

from tests.qgis.support import QUICK_DWELL, WAIT_MS, messages, posts
from tests.unit.api.tasking_support import (
    FAST_TASKING,
    POINT,
    PRIORITY,
    SITE,
    STANDARD,
    today,
)
from up42_qgis.api.models import OrderStatus
from up42_qgis.api.order_status import OrderSubStatus
from up42_qgis.gui.aoi import Aoi
from up42_qgis.gui.orders_panel import OrdersPanel
from up42_qgis.gui.tasking_dialog import TaskingDialog
from up42_qgis.layers.coverage import COVERAGE_PROPERTY
from up42_qgis.toolbelt.constants import LAYER_GROUP_NAME

SITE_AOI = Aoi(geojson=SITE, area_km2=9.2, source="polygon")


class Answers:
    """Stands in for QMessageBox.exec: records each question and answers from a list."""

    def __init__(self) -> None:
        self.asked: list[str] = []
        self.replies: list[QMessageBox.StandardButton] = []

    def __call__(self, box: QMessageBox) -> QMessageBox.StandardButton:
        self.asked.append(box.text())
        return self.replies.pop(0) if self.replies else QMessageBox.StandardButton.No


@pytest.fixture
def answers(monkeypatch) -> Answers:
    found = Answers()
    monkeypatch.setattr(QMessageBox, "exec", lambda box: found(box))
    return found


@pytest.fixture
def orders_panel(qtbot, order_context, sandbox_account):
    sandbox_account.configure(dwell=QUICK_DWELL, **FAST_TASKING)
    panel = OrdersPanel(order_context)
    panel.search_aoi = lambda: SITE_AOI
    qtbot.addWidget(panel)
    yield panel
    if panel.tasking_dialog is not None:
        panel.tasking_dialog.close()


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


def test_form_place_accept_option_and_quotation_then_the_delivery_loads(
    qtbot, orders_panel, order_context, sandbox_account, answers, iface
):
    dialog = open_form(qtbot, orders_panel, STANDARD)
    editors = dialog.form.editors
    # The schema as widgets: typed editors, limits, defaults, required marks, tooltips.
    assert isinstance(editors["acquisitionStart"], QDateTimeEdit)
    cloud = editors["maxCloudCover"]
    assert isinstance(cloud, QSpinBox)
    assert (cloud.minimum(), cloud.maximum(), cloud.value()) == (0, 100, 20)
    assert isinstance(editors["maxIncidenceAngle"], QDoubleSpinBox)
    mode = editors["acquisitionMode"]
    assert isinstance(mode, QComboBox)
    assert [mode.itemText(i) for i in range(mode.count())] == ["mono", "stereo", "tristereo"]
    assert isinstance(editors["pansharpened"], QCheckBox)
    assert editors["pansharpened"].isChecked()
    assert isinstance(editors["displayName"], QLineEdit)
    assert "Off-nadir limit" in editors["maxIncidenceAngle"].toolTip()
    assert "geometry" not in editors
    assert dialog.geometry == SITE  # the Search tab's AOI
    set_window(dialog)
    dialog.form.set_value("displayName", "Dock tasking")
    dialog.form.set_value("acquisitionMode", "stereo")
    dialog.auto_download.setChecked(True)

    order_id = place(qtbot, dialog, answers)
    (question,) = answers.asked
    assert "Dock tasking" in question
    assert "Nothing is charged until you accept the quotation" in question
    first = today() + timedelta(days=1)
    last = first + timedelta(days=10)
    assert f"{first.isoformat()} 00:00 to {last.isoformat()} 00:00 (UTC)" in question
    (sent,) = posts(sandbox_account.request_log(), "/v2/orders")
    assert sent["status"] == 200
    details = next(o for o in sandbox_account.orders() if o["id"] == order_id)["orderDetails"]
    assert details["acquisitionMode"] == "stereo"
    assert details["maxCloudCover"] == 20
    assert details["pansharpened"] is True
    assert details["acquisitionStart"].startswith((today() + timedelta(days=1)).isoformat())
    assert not dialog.place_button.isEnabled()  # placed once
    assert not dialog.place()

    # The feasibility study: the tracker says so, the panel shows the options.
    order = wait_sub_status(
        qtbot, order_context, order_id, OrderSubStatus.FEASIBILITY_WAITING_RESPONSE
    )
    warnings = messages(iface, Qgis.MessageLevel.Warning)
    assert any("Dock tasking" in m for m in warnings)
    qtbot.waitUntil(lambda: order_id in orders_panel.orders, timeout=WAIT_MS)
    assert orders_panel.select_order(order_id)
    decision = orders_panel.decision
    qtbot.waitUntil(lambda: decision.study is not None, timeout=WAIT_MS)
    assert decision.isVisibleTo(orders_panel)
    assert "Feasibility study: your decision" in decision.status.text()
    assert decision.options.count() == 2
    assert not decision.accept_option_button.isEnabled()  # nothing chosen yet
    decision.options.setCurrentRow(1)
    assert decision.accept_option_button.isEnabled()
    answers.asked.clear()
    answers.replies.append(QMessageBox.StandardButton.No)
    assert not decision.accept_option()  # the user said no: nothing sent
    assert len(answers.asked) == 1
    assert not patches(sandbox_account)
    yes(answers)
    assert decision.accept_option()
    assert "Option 2" in answers.asked[-1]
    assert "No credits are charged now" in answers.asked[-1]

    # The quotation: the price shown, asked with the credits, accepted once.
    wait_sub_status(qtbot, order_context, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    qtbot.waitUntil(lambda: decision.quotation is not None, timeout=WAIT_MS)
    assert len(patches(sandbox_account)) == 1
    quotation = decision.quotation
    assert quotation is not None
    assert quotation.credits_price
    price_text = decision.info.text()
    assert "credits" in price_text
    assert decision.accept_button.isEnabled()
    yes(answers)
    assert decision.accept_quotation()
    question = answers.asked[-1]
    assert "credits will be charged" in question
    from up42_qgis.toolbelt.formatting import format_credits

    assert format_credits(quotation.credits_price) in question
    qtbot.waitUntil(
        lambda: (
            getattr(order_context.tracker.last_orders.get(order_id), "status", None)
            == OrderStatus.FULFILLED
        ),
        timeout=WAIT_MS,
    )
    assert len(patches(sandbox_account)) == 2
    assert order.is_tasking

    # The delivery loads like an archive delivery; the coverage is on the map.
    def layers():
        group = QgsProject.instance().layerTreeRoot().findGroup(LAYER_GROUP_NAME)
        return [node.layer() for node in group.findLayers()] if group else []

    qtbot.waitUntil(
        lambda: any(isinstance(layer, QgsRasterLayer) for layer in layers()), timeout=WAIT_MS
    )
    qtbot.waitUntil(
        lambda: any(layer.customProperty(COVERAGE_PROPERTY) == order_id for layer in layers()),
        timeout=WAIT_MS,
    )
    coverage = next(
        layer for layer in layers() if layer.customProperty(COVERAGE_PROPERTY) == order_id
    )
    assert isinstance(coverage, QgsVectorLayer)
    parts = {f["part"]: f["percentage"] for f in coverage.getFeatures()}
    assert parts["covered"] == pytest.approx(100, abs=0.5)
    assert len(answers.asked) == 3  # option (no), option (yes), quotation: nothing more


def test_reject_asks_and_the_order_ends_cancelled(
    qtbot, orders_panel, order_context, sandbox_account, answers
):
    dialog = open_form(qtbot, orders_panel, PRIORITY)
    set_window(dialog)
    dialog.form.set_value("displayName", "Dock tasking reject")
    order_id = place(qtbot, dialog, answers)
    wait_sub_status(qtbot, order_context, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    qtbot.waitUntil(lambda: order_id in orders_panel.orders, timeout=WAIT_MS)
    orders_panel.select_order(order_id)
    decision = orders_panel.decision
    qtbot.waitUntil(lambda: decision.quotation is not None, timeout=WAIT_MS)
    assert decision.study is None
    row = orders_panel._row_of(order_id)
    assert orders_panel.table.item(row, 1).text() == "Created · Quotation: your decision"
    yes(answers)
    assert decision.reject_quotation()
    assert "nothing is charged" in answers.asked[-1]
    qtbot.waitUntil(
        lambda: (
            getattr(order_context.tracker.last_orders.get(order_id), "status", None)
            == OrderStatus.CANCELED
        ),
        timeout=WAIT_MS,
    )
    assert len(patches(sandbox_account)) == 1
    assert order_context.tracker.last_orders[order_id].sub_status == (
        OrderSubStatus.QUOTATION_REJECTED
    )


def test_a_quotation_decided_elsewhere_is_a_clear_message(
    qtbot, orders_panel, order_context, sandbox_account, answers
):
    dialog = open_form(qtbot, orders_panel, PRIORITY)
    set_window(dialog)
    order_id = place(qtbot, dialog, answers)
    wait_sub_status(qtbot, order_context, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    qtbot.waitUntil(lambda: order_id in orders_panel.orders, timeout=WAIT_MS)
    orders_panel.select_order(order_id)
    decision = orders_panel.decision
    qtbot.waitUntil(lambda: decision.quotation is not None, timeout=WAIT_MS)
    sandbox_account.console_decide_quotation(order_id, "REJECTED")
    yes(answers)
    assert decision.accept_quotation()
    qtbot.waitUntil(lambda: "Decided already" in decision.message.text(), timeout=WAIT_MS)
    assert not patches(sandbox_account)


def test_bad_input_is_shown_and_nothing_is_sent(qtbot, orders_panel, sandbox_account, answers):
    dialog = open_form(qtbot, orders_panel, STANDARD)
    set_window(dialog)
    start = today() + timedelta(days=5)
    dialog.form.set_value("acquisitionStart", start)
    dialog.form.set_value("acquisitionEnd", start - timedelta(days=2))  # reversed
    assert not dialog.place()
    assert "Nothing was sent" in dialog.message.text()
    problem = dialog.form.problem_labels["acquisitionEnd"]
    assert problem.isVisibleTo(dialog)
    assert "Acquisition end" in problem.text()

    # A polygon for the point product: said next to the area, nothing sent.
    assert dialog.select_product(POINT)
    qtbot.waitUntil(
        lambda: dialog.schema is not None and dialog.schema.accepts_point, timeout=WAIT_MS
    )
    set_window(dialog)
    assert dialog.geometry == SITE
    assert not dialog.place()
    assert dialog.area.problem.isVisibleTo(dialog)
    assert "Point" in dialog.area.problem.text()
    assert answers.asked == []
    assert not posts(sandbox_account.request_log(), "/v2/orders")


ODD_SCHEMA = {
    "type": "object",
    "required": ["bands", "acquisitionStart"],
    "properties": {
        "acquisitionStart": {"type": "string", "format": "date-time", "title": "Start"},
        "bands": {
            "type": "array",
            "items": {"type": "string"},
            "title": "Bands <b>list</b>",
            "description": "Pick <i>bands</i> & more",
        },
        "priority": {"type": "integer", "minimum": 1, "maximum": 3, "title": "Priority"},
        "level": {"enum": ["L1", "L2"], "title": "Level"},
    },
}


def test_a_form_the_plugin_cannot_render_fully_gets_plain_text_fields(qtbot):
    from qgis.PyQt.QtCore import Qt

    from up42_qgis.api.order_schema import parse_schema, validate
    from up42_qgis.gui.tasking_form import TaskingForm

    schema = parse_schema(ODD_SCHEMA)
    assert not schema.complete
    form = TaskingForm()
    qtbot.addWidget(form)
    form.set_schema(schema)
    bands = form.editors["bands"]
    assert isinstance(bands, QLineEdit)
    assert "&lt;i&gt;bands&lt;/i&gt; &amp; more" in bands.toolTip()  # shown, not rendered
    labels = [w for w in form.findChildren(type(form.general_problems)) if w.text()]
    assert any(w.text() == "Bands <b>list</b> *" for w in labels)
    assert all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)
    assert any(w.text().startswith("Shown as plain text:") for w in labels)
    # Optional fields without a default start unset and send nothing.
    priority = form.editors["priority"]
    assert isinstance(priority, QSpinBox)
    assert priority.specialValueText() == "(not set)"
    level = form.editors["level"]
    assert isinstance(level, QComboBox)
    assert level.currentData() is None
    values = form.values()
    assert set(values) == {"acquisitionStart"}
    problems = validate(schema, values, today())
    assert [p.field for p in problems] == ["bands"]
    shown = form.show_problems(problems)
    assert shown == ["Bands <b>list</b> is required."]
    assert form.problem_labels["bands"].text() == shown[0]
    form.set_value("bands", '["red", "nir"]')
    form.set_value("priority", 2)
    form.set_value("level", "L2")
    assert form.values()["priority"] == 2
    assert form.values()["level"] == "L2"
    assert validate(schema, form.values(), today()) == []


def test_a_point_product_takes_the_map_centre(
    qtbot, orders_panel, order_context, sandbox_account, answers, canvas_3857
):
    dialog = open_form(qtbot, orders_panel, POINT)
    assert dialog.area.centre_button.isEnabled()
    set_window(dialog)
    dialog.area.use_map_centre()
    assert dialog.geometry is not None
    assert dialog.geometry["type"] == "Point"
    order_id = place(qtbot, dialog, answers)
    order = order_context.clients.client().order(order_id)
    assert order.is_tasking
    assert order.aoi["type"] == "Point"
    west, south, east, north = (13.30, 52.45, 13.42, 52.53)
    lon, lat = order.aoi["coordinates"]
    assert west - 0.1 < lon < east + 0.1
    assert south - 0.1 < lat < north + 0.1


def test_an_expired_quotation_is_a_clear_message(
    qtbot, orders_panel, order_context, sandbox_account, answers
):
    dialog = open_form(qtbot, orders_panel, PRIORITY)
    set_window(dialog)
    order_id = place(qtbot, dialog, answers)
    wait_sub_status(qtbot, order_context, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    qtbot.waitUntil(lambda: order_id in orders_panel.orders, timeout=WAIT_MS)
    orders_panel.select_order(order_id)
    decision = orders_panel.decision
    qtbot.waitUntil(lambda: decision.quotation is not None, timeout=WAIT_MS)
    sandbox_account.configure(quotation_expired=True)
    yes(answers)
    assert decision.accept_quotation()
    qtbot.waitUntil(lambda: "The quotation expired" in decision.message.text(), timeout=WAIT_MS)
    (refused,) = patches(sandbox_account)  # sent once, refused by UP42, not retried
    assert refused["status"] in (409, 410)
    (quotation,) = order_context.clients.client().quotations([order_id])
    assert quotation.is_pending


def test_archive_orders_have_no_tasking_box(orders_panel):
    from up42_qgis.api.models import Order

    archive = Order.from_json({"id": "a", "status": "PLACED", "orderDetails": {}})
    orders_panel.decision.show_order(archive)
    assert not orders_panel.decision.isVisibleTo(orders_panel)
    preparing = Order.from_json(
        {
            "id": "t",
            "type": "TASKING",
            "status": "CREATED",
            "orderDetails": {"subStatus": "QUOTATION_WAITING_UPLOAD"},
        }
    )
    orders_panel.decision.show_order(preparing)
    assert orders_panel.decision.isVisibleTo(orders_panel)
    assert orders_panel.decision.info.text() == (
        "Quotation in preparation: UP42 is working on it; the plugin checks regularly."
    )
    assert not orders_panel.decision.accept_button.isVisibleTo(orders_panel)


def test_an_access_restricted_product_points_to_the_access_request(
    qtbot, orders_panel, sandbox_account, answers
):
    dialog = open_form(qtbot, orders_panel, PRIORITY)
    product = dialog.product
    assert product is not None
    sandbox_account.configure(licence_refused_at_placement={product.product.id: "restricted"})
    set_window(dialog)
    yes(answers)
    assert dialog.place()
    qtbot.waitUntil(lambda: "not placed" in dialog.message.text(), timeout=WAIT_MS)
    assert "Request access" in dialog.message.text()
    assert dialog.order_id is None
    assert sandbox_account.orders() == []
    assert dialog.place_button.isEnabled()  # the user may try again after the access request


def test_partial_imagery_shows_the_covered_part_and_the_remainder(
    qtbot, orders_panel, order_context, sandbox_account, answers
):
    sandbox_account.configure(tasking_partial_coverage=0.6)
    dialog = open_form(qtbot, orders_panel, PRIORITY)
    set_window(dialog)
    order_id = place(qtbot, dialog, answers)
    wait_sub_status(qtbot, order_context, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    qtbot.waitUntil(lambda: order_id in orders_panel.orders, timeout=WAIT_MS)
    orders_panel.select_order(order_id)
    decision = orders_panel.decision
    qtbot.waitUntil(lambda: decision.quotation is not None, timeout=WAIT_MS)
    yes(answers)
    assert decision.accept_quotation()

    def coverage_layers():
        return [
            layer
            for layer in QgsProject.instance().mapLayers().values()
            if layer.customProperty(COVERAGE_PROPERTY) == order_id
        ]

    qtbot.waitUntil(lambda: bool(coverage_layers()), timeout=WAIT_MS)
    (layer,) = coverage_layers()
    parts = {f["part"]: f["percentage"] for f in layer.getFeatures()}
    assert set(parts) == {"covered", "remainder"}
    assert parts["covered"] == pytest.approx(60, abs=5)
    assert parts["covered"] + parts["remainder"] == pytest.approx(100, abs=0.5)
    group = QgsProject.instance().layerTreeRoot().findGroup(LAYER_GROUP_NAME)
    assert group is not None
    assert group.findLayer(layer.id()) is not None
    # Shown again on request: still one layer for the order.
    decision.message.clear()
    assert decision.show_coverage()
    qtbot.waitUntil(lambda: "covered" in decision.message.text(), timeout=WAIT_MS)
    assert len(coverage_layers()) == 1


def test_a_schema_with_unknown_constructs_is_said_and_its_plain_text_is_sent(
    qtbot, orders_panel, sandbox_account, answers
):
    sandbox_account.configure(
        tasking_schema_extra={
            "properties": {
                "bands": {
                    "title": "Bands",
                    "type": "array",
                    "items": {"type": "string"},
                    "description": "Spectral bands to deliver",
                },
            },
            "required": ["bands"],
        }
    )
    dialog = open_form(qtbot, orders_panel, PRIORITY)
    assert not dialog.schema.complete
    assert "shown as plain text" in dialog.message.text()
    assert isinstance(dialog.form.editors["bands"], QLineEdit)
    set_window(dialog)
    assert not dialog.place()  # required and empty: said, nothing sent
    assert "Bands is required" in dialog.form.problem_labels["bands"].text()
    assert answers.asked == []
    dialog.form.set_value("bands", '["red", "green", "blue"]')
    order_id = place(qtbot, dialog, answers)
    details = next(o for o in sandbox_account.orders() if o["id"] == order_id)["orderDetails"]
    assert details["bands"] == ["red", "green", "blue"]


def test_no_area_is_said_and_nothing_is_sent(qtbot, orders_panel, sandbox_account, answers):
    orders_panel.search_aoi = lambda: None
    dialog = open_form(qtbot, orders_panel, PRIORITY)
    assert dialog.geometry is None
    set_window(dialog)
    assert not dialog.place()
    assert "area" in dialog.area.problem.text()
    assert "Nothing was sent" in dialog.message.text()
    dialog.area.use_search_aoi()
    assert "The Search tab has no area of interest yet." in dialog.area.problem.text()
    assert answers.asked == []
    assert not posts(sandbox_account.request_log(), "/v2/orders")


def test_the_area_can_be_drawn_or_clicked_on_the_map(
    qtbot, orders_panel, sandbox_account, canvas_3857
):
    from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle
    from qgis.gui import QgsMapToolEmitPoint
    from qgis.PyQt.QtCore import Qt

    from tests.qgis.support import BERLIN, to_crs
    from up42_qgis.gui.map_tools import PolygonMapTool

    dialog = open_form(qtbot, orders_panel, POINT)
    area = dialog.area
    assert not area.draw_button.isEnabled()  # the point product takes no polygon
    area.start_point()
    tool = canvas_3857.mapTool()
    assert isinstance(tool, QgsMapToolEmitPoint)
    centre = to_crs(
        QgsGeometry.fromPointXY(BERLIN.center()), canvas_3857.mapSettings().destinationCrs()
    )
    tool.canvasClicked.emit(QgsPointXY(centre.asPoint()), Qt.MouseButton.LeftButton)
    assert canvas_3857.mapTool() is not tool  # one click, then the tool goes
    assert dialog.geometry["type"] == "Point"
    lon, lat = dialog.geometry["coordinates"]
    assert (lon, lat) == pytest.approx((BERLIN.center().x(), BERLIN.center().y()), abs=1e-5)

    assert dialog.select_product(STANDARD)
    qtbot.waitUntil(
        lambda: dialog.schema is not None and not dialog.schema.accepts_point, timeout=WAIT_MS
    )
    assert not area.point_button.isEnabled()
    area.start_drawing()
    draw = canvas_3857.mapTool()
    assert isinstance(draw, PolygonMapTool)
    box = QgsRectangle(13.36, 52.49, 13.40, 52.52)
    drawn = to_crs(QgsGeometry.fromRect(box), canvas_3857.mapSettings().destinationCrs())
    draw.polygon_finished.emit(drawn)
    assert dialog.geometry["type"] == "Polygon"
    assert "drawn polygon" in area.label.text()
    assert area._outline is not None
    assert area._outline.band is not None
    dialog.close()  # the outline leaves the map with the dialog
    assert area._outline is None


def test_a_tasking_point_is_marked_on_the_map_until_the_dialog_closes(
    qtbot, orders_panel, sandbox_account, canvas_3857
):
    from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
    from qgis.gui import QgsRubberBand

    from tests.qgis.support import BERLIN, to_crs

    def markers() -> list[QgsRubberBand]:
        return [
            item
            for item in canvas_3857.scene().items()
            if isinstance(item, QgsRubberBand)
            and item.asGeometry().type() == QgsWkbTypes.GeometryType.PointGeometry
            and item.numberOfVertices() > 0
            and item.isVisible()
        ]

    dialog = open_form(qtbot, orders_panel, POINT)
    assert markers() == []
    dialog.area.use_map_centre()  # the map centre: marked where it is
    (marker,) = markers()
    centre = canvas_3857.extent().center()
    marked = marker.getPoint(0, 0)
    assert (marked.x(), marked.y()) == pytest.approx((centre.x(), centre.y()), abs=1.0)

    clicked = to_crs(
        QgsGeometry.fromPointXY(BERLIN.center()), canvas_3857.mapSettings().destinationCrs()
    )
    dialog.area.use_point(QgsPointXY(clicked.asPoint()), "A clicked point.")  # moves, one marker
    (marker,) = markers()
    marked = marker.getPoint(0, 0)
    assert (marked.x(), marked.y()) == pytest.approx(
        (clicked.asPoint().x(), clicked.asPoint().y()), abs=1.0
    )
    dialog.area.set_geometry(None)
    assert markers() == []  # no point, no marker
    dialog.area.use_map_centre()
    assert len(markers()) == 1
    dialog.close()  # the marker leaves the map with the dialog
    assert markers() == []
    assert dialog.area._marker is None


def test_the_point_marker_goes_when_the_plugin_unloads(
    qtbot, orders_panel, sandbox_account, canvas_3857
):
    from qgis.core import QgsWkbTypes
    from qgis.gui import QgsRubberBand

    dialog = open_form(qtbot, orders_panel, POINT)
    dialog.area.use_map_centre()
    band = dialog.area._marker.band
    assert band is not None
    assert band.scene() is canvas_3857.scene()
    assert band.numberOfVertices() == 1
    orders_panel.unload()  # what the plugin's unload calls
    assert band.scene() is None
    assert not [
        item
        for item in canvas_3857.scene().items()
        if isinstance(item, QgsRubberBand)
        and item.asGeometry().type() == QgsWkbTypes.GeometryType.PointGeometry
        and item.numberOfVertices() > 0
    ]


def test_the_credits_column_shows_the_quoted_price_once_known(
    qtbot, orders_panel, order_context, sandbox_account, answers
):
    from up42_qgis.gui.orders_rows import CREDITS_COLUMN
    from up42_qgis.services.order_state import OrderStateStore
    from up42_qgis.toolbelt.formatting import format_credits

    dialog = open_form(qtbot, orders_panel, PRIORITY)
    set_window(dialog)
    dialog.form.set_value("displayName", "Dock tasking price")
    order_id = place(qtbot, dialog, answers)
    qtbot.waitUntil(lambda: order_id in orders_panel.orders, timeout=WAIT_MS)

    def cell(panel: OrdersPanel):
        return panel.table.item(panel._row_of(order_id), CREDITS_COLUMN)

    assert cell(orders_panel).text() == "–"  # no price before UP42 quotes one
    assert "No quotation yet" in cell(orders_panel).toolTip()
    wait_sub_status(qtbot, order_context, order_id, OrderSubStatus.QUOTATION_WAITING_RESPONSE)
    orders_panel.select_order(order_id)
    decision = orders_panel.decision
    qtbot.waitUntil(lambda: decision.quotation is not None, timeout=WAIT_MS)
    price = decision.quotation.credits_price
    assert price
    qtbot.waitUntil(lambda: cell(orders_panel).text() == format_credits(price), timeout=WAIT_MS)
    assert "the price UP42 quoted" in cell(orders_panel).toolTip()
    assert format_credits(price) in cell(orders_panel).toolTip()
    assert orders_panel.selected_order_id() == order_id  # the row keeps its selection
    assert answers.asked[1:] == []  # reading the price decided nothing
    assert len(patches(sandbox_account)) == 0

    # Kept like an estimate: the next session's store and a fresh tab show it unselected.
    assert OrderStateStore(order_context.state.path).note(order_id).quoted_credits == price
    fresh = OrdersPanel(order_context)
    qtbot.addWidget(fresh)
    assert fresh.refresh()
    qtbot.waitUntil(lambda: order_id in fresh.orders, timeout=WAIT_MS)
    assert fresh.selected_order_id() is None
    assert cell(fresh).text() == format_credits(price)
    assert "the price UP42 quoted" in cell(fresh).toolTip()
