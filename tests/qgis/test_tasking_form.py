"""The "New tasking order" dialog, against the sandbox: the product's schema rendered as a
form, checked before sending (bad input sends nothing), the area taken from the search, drawn
or clicked, a point product's point marked on the map until the dialog closes."""

from __future__ import annotations

from datetime import timedelta

import pytest
from qgis.PyQt.QtWidgets import QComboBox, QLineEdit, QSpinBox

from tests.qgis.support import WAIT_MS, posts
from tests.qgis.tasking_dock_support import open_form, place, set_window
from tests.unit.api.tasking_support import POINT, PRIORITY, SITE, STANDARD, today


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
                }
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
