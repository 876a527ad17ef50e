"""Issue 14.8: a server's or a user's text is shown literally, never as rich text: labels,
tooltips, the message bar, message boxes and item views, each with a hostile name."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

from qgis.core import Qgis
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QTextDocument
from qgis.PyQt.QtWidgets import QApplication, QMessageBox, QTextBrowser

from up42_qgis.api.models import Collection, DataProduct, Order, OrderStatus, Scene
from up42_qgis.gui.results_model import COLUMNS, ResultsModel
from up42_qgis.gui.search_filters import FiltersWidget
from up42_qgis.toolbelt.notify import notify

HOSTILE = '<a href="http://x">click</a><b>bold</b>'


def rendered(tip: str) -> str:
    """What Qt shows for a tooltip: the rich text's plain text when it looks like HTML (a
    tooltip follows Qt::mightBeRichText), else the string itself."""
    if "<" not in tip:
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


def hostile_collection() -> Collection:
    product = DataProduct.from_json(
        {"id": "p1", "name": "p", "title": HOSTILE, "description": HOSTILE}
    )
    return Collection(
        name="hostile", title=HOSTILE, description=HOSTILE, data_products=(product,)
    )


def test_a_label_shows_server_text_literally(qtbot):
    filters = FiltersWidget()
    qtbot.addWidget(filters)
    filters.set_collections_error(HOSTILE)
    assert filters.collections_status.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE in filters.collections_status.text()


def test_tree_items_and_their_tooltips_show_titles_literally(qtbot):
    filters = FiltersWidget()
    qtbot.addWidget(filters)
    filters.set_collections([hostile_collection()])
    tree = filters.collections_tree
    items = [tree.topLevelItem(0)]
    while items[-1].childCount():
        items.append(items[-1].child(0))
    collection_item = next(i for i in items if i.text(0) == HOSTILE)  # the display: plain
    assert rendered(collection_item.toolTip(0)) == HOSTILE
    product_item = collection_item.child(0)
    assert product_item.text(0) == HOSTILE
    assert rendered(product_item.toolTip(0)) == HOSTILE
    assert HOSTILE in rendered(filters.collections_button.toolTip())


def test_a_table_model_tooltip_shows_server_text_literally():
    from up42_qgis.api.models import Estimate

    model = ResultsModel()
    scene = Scene(
        id="s1",
        collection="phr",
        acquired=datetime(2024, 1, 1, tzinfo=UTC),
        geometry={"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
    )
    model.set_scenes([scene])
    model.set_estimates({"s1": Estimate(scene_id="s1", credits=None, error=HOSTILE)})
    tip = model.index(0, COLUMNS.index("credits")).data(Qt.ItemDataRole.ToolTipRole)
    assert rendered(tip) == HOSTILE


def test_the_message_bar_shows_server_text_literally(qtbot):
    bar = QgsMessageBar()
    qtbot.addWidget(bar)
    notify(SimpleNamespace(messageBar=lambda: bar), f"Order {HOSTILE} placed.",
           Qgis.MessageLevel.Info)  # fmt: skip
    item = bar.currentItem()
    assert item is not None
    [browser] = item.findChildren(QTextBrowser)
    shown = browser.document().toPlainText()
    assert f"Order {HOSTILE} placed." in shown
    assert "clickbold" not in shown


def test_a_message_box_shows_an_order_name_literally(qtbot, order_context, monkeypatch):
    from up42_qgis.gui.orders_panel import OrdersPanel

    boxes: list[QMessageBox] = []

    def exec_(box: QMessageBox) -> int:
        boxes.append(box)
        return int(QMessageBox.StandardButton.No)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    # A box shown some other way (not through exec) would block the test: close it.
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(lambda: QApplication.activeModalWidget().close())
    guard.start(3000)
    panel = OrdersPanel(order_context)
    qtbot.addWidget(panel)
    order = Order(id="o1", display_name=HOSTILE, status=OrderStatus.PLACED)
    assert panel.confirm_cancel(order) is False
    guard.stop()
    [box] = boxes
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert HOSTILE in box.text()
    assert panel.message.textFormat() == Qt.TextFormat.PlainText
    assert panel.detail.textFormat() == Qt.TextFormat.PlainText
