"""The results table: numeric sorting through the proxy, and estimated credits from the real
order bar (against the sandbox) landing in the table."""

from __future__ import annotations

from datetime import UTC, datetime

from qgis.PyQt.QtCore import Qt

from tests.qgis.support import WAIT_MS, prepare, search_and_wait
from up42_qgis.api.models import Estimate, Scene
from up42_qgis.gui.results_model import COLUMNS, ResultsModel
from up42_qgis.gui.search_results import ResultsView
from up42_qgis.toolbelt.formatting import format_credits


def scene(index: int, cloud: float | None, resolution: float) -> Scene:
    return Scene(
        id=f"s{index}",
        collection="phr",
        acquired=datetime(2024, 1, 1 + index, tzinfo=UTC),
        geometry={"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]},
        cloud_cover=cloud,
        resolution=resolution,
    )


def column_values(view: ResultsView, name: str) -> list[str]:
    column = COLUMNS.index(name)
    return [
        view.proxy.index(row, column).data(Qt.ItemDataRole.DisplayRole)
        for row in range(view.proxy.rowCount())
    ]


def test_proxy_sorts_numbers_as_numbers(iface, qtbot):
    view = ResultsView(iface.mapCanvas())
    qtbot.addWidget(view)
    view.add_scenes(
        [scene(0, 9.5, 0.5), scene(1, 10.0, 1.5), scene(2, None, 30.0), scene(3, 2.0, 10.0)]
    )
    view.table.sortByColumn(COLUMNS.index("cloud"), Qt.SortOrder.AscendingOrder)
    assert column_values(view, "cloud") == ["2.0", "9.5", "10.0", ""]  # not "10.0" < "2.0"
    view.table.sortByColumn(COLUMNS.index("resolution"), Qt.SortOrder.DescendingOrder)
    assert column_values(view, "resolution") == ["30.00", "10.00", "1.50", "0.50"]


def test_radar_scenes_show_no_cloud_cover():
    from up42_qgis.api.models import Collection

    model = ResultsModel()
    radar = Scene(id="r", collection="capella", acquired=None, geometry={}, cloud_cover=0.0)
    model.set_scenes([scene(0, 4.0, 0.5), radar])
    column = COLUMNS.index("cloud")
    assert model.index(1, column).data() == "0.0"  # until the collections are known
    model.set_collections(
        [
            Collection(name="phr", title="Pléiades", product_type="OPTICAL"),
            Collection(name="capella", title="Capella SAR", product_type="SAR"),
        ]
    )
    assert model.index(0, column).data() == "4.0"
    assert model.index(1, column).data() == "n/a"
    assert "Radar" in model.index(1, column).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, COLUMNS.index("collection")).data() == "Capella SAR"


def test_append_skips_scenes_already_listed():
    model = ResultsModel()
    assert len(model.append_scenes([scene(0, 1, 1), scene(1, 1, 1)])) == 2
    assert [s.id for s in model.append_scenes([scene(1, 1, 1), scene(2, 1, 1)])] == ["s2"]
    assert model.rowCount() == 3


def test_estimates_show_as_credits_and_errors_as_tooltips():
    model = ResultsModel()
    model.set_scenes([scene(0, 1, 1), scene(1, 1, 1)])
    model.set_estimates(
        {
            "s0": Estimate("s0", credits=1250, size=12.5, unit="SQ_KM"),
            "s1": Estimate("s1", error="AOI does not intersect the scene"),
        }
    )
    column = COLUMNS.index("credits")
    assert model.index(0, column).data() == format_credits(1250)  # "1,250" or "1.250"
    assert model.index(1, column).data() == "n/a"
    assert "intersect" in model.index(1, column).data(Qt.ItemDataRole.ToolTipRole)


def test_order_bar_estimate_fills_the_credits_column(panel, qtbot):
    bar = panel.order_bar
    assert bar is not None, "the order bar is embedded under the results"
    prepare(panel, page_size=5)
    search_and_wait(qtbot, panel)
    model = panel.results.model
    panel.results.select_scene_ids([model.scene_at(0).id, model.scene_at(1).id])
    assert [s.id for s in bar.scenes] == [model.scene_at(0).id, model.scene_at(1).id]
    assert bar.aoi == panel.aoi_widget.aoi.geojson
    with qtbot.waitSignal(bar.estimates_ready, timeout=WAIT_MS):
        bar.estimate_button.click()
    column = COLUMNS.index("credits")
    for row in (0, 1):
        estimate = model.estimate_of(model.scene_at(row).id)
        assert estimate is not None
        text = model.index(row, column).data()
        assert text == ("n/a" if estimate.error else format_credits(estimate.credits))
        assert text != ""


def test_guarded_slot_turns_an_exception_into_a_message(iface):
    from qgis.core import Qgis

    from up42_qgis.gui.search_errors import guarded

    calls = []

    @guarded
    def slot(value):
        calls.append(value)
        raise RuntimeError("boom")

    before = len(iface.messageBar().get_messages(Qgis.MessageLevel.Warning))
    assert slot("a", True) is None  # a signal's extra argument is dropped, no exception escapes
    assert calls == ["a"]
    messages = iface.messageBar().get_messages(Qgis.MessageLevel.Warning)[before:]
    assert any("boom" in m for m in messages)


def test_a_new_aoi_clears_the_estimates(panel, qtbot):
    prepare(panel, page_size=5)
    search_and_wait(qtbot, panel)
    model = panel.results.model
    scene_id = model.scene_at(0).id
    model.set_estimates({scene_id: Estimate(scene_id, credits=100, size=1.0, unit="SQ_KM")})
    assert model.index(0, COLUMNS.index("credits")).data() == "100"
    panel.aoi_widget.extent_button.click()
    assert model.estimate_of(scene_id) is None
    assert model.index(0, COLUMNS.index("credits")).data() == ""


def scene_ids(view: ResultsView) -> list[str]:
    return [view.model.scene_at(row).id for row in range(view.model.rowCount())]


def test_sorting_keeps_the_selection_and_later_pages_join_the_order(iface, qtbot):
    view = ResultsView(iface.mapCanvas())
    qtbot.addWidget(view)
    view.add_scenes([scene(0, 9.5, 0.5), scene(1, 10.0, 1.5), scene(2, None, 30.0)])
    view.select_scene_ids(["s0", "s2"])
    view.table.sortByColumn(COLUMNS.index("cloud"), Qt.SortOrder.DescendingOrder)
    assert scene_ids(view) == ["s2", "s1", "s0"]  # no cloud value sorts last ascending
    assert [s.id for s in view.selected_scenes()] == ["s2", "s0"]  # the same scenes, new rows
    view.add_scenes([scene(3, 50.0, 1.0), scene(4, 0.0, 1.0)])  # "Load more"
    assert scene_ids(view) == ["s2", "s3", "s1", "s0", "s4"]
    assert [s.id for s in view.selected_scenes()] == ["s2", "s0"]
    view.table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to the server's order
    assert scene_ids(view) == ["s0", "s1", "s2", "s3", "s4"]
    assert view.model.row_of("s3") == 3


def test_selecting_many_rows_makes_few_ranges(iface, qtbot):
    view = ResultsView(iface.mapCanvas())
    qtbot.addWidget(view)
    view.add_scenes([scene(i, 1.0, 1.0) for i in range(20)])
    view.select_scene_ids([f"s{i}" for i in (*range(0, 10), 12, 13, 19)])
    assert len(view.table.selectionModel().selection()) == 3
    assert view.selected_rows() == [*range(0, 10), 12, 13, 19]
