"""The real search panel against the sandbox, in an EPSG:3857 project over Berlin: results equal
the sandbox's count, load more, cancel, quicklook, error states (the footprints layer is in
test_search_footprints.py)."""

from __future__ import annotations

import json

import pytest
from qgis.core import (
    Qgis,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsTask,
)
from qgis.PyQt.QtCore import QDate

from tests.qgis.support import (
    CATALOG_SEARCH,
    WAIT_MS,
    catalog_requests,
    close_panel,
    expected_body,
    load_more_and_wait,
    make_panel,
    prepare,
    sandbox_clients,
    search_and_wait,
    to_crs,
)
from up42_qgis.api.client import Credentials, Endpoints, RetryPolicy, Up42Client
from up42_qgis.bridge.clients import ClientProvider
from up42_qgis.context import PluginContext
from up42_qgis.gui.search_panel import State
from up42_qgis.toolbelt.constants import LAYER_GROUP_NAME as GROUP_NAME


def test_collections_load_grouped_with_resolution(panel):
    assert panel.state == State.NO_SEARCH
    assert "No search yet" in panel.state_label.text()
    tree = panel.filters.collections_tree
    assert tree.topLevelItemCount() >= 1
    group = tree.topLevelItem(0)
    assert group.childCount() >= 1
    collection_item = group.child(0)
    assert collection_item.text(1).endswith(" m")  # resolution column
    assert collection_item.childCount() >= 1  # its data products
    assert len(panel.filters.collections()) >= 2


def test_first_use_checks_every_collection(panel):
    """Nothing remembered (clean settings): once the collections load, all are checked."""
    filters = panel.filters
    assert filters.collections()
    assert sorted(filters.selected_collections()) == sorted(filters.collections())


def test_search_matches_the_sandbox_and_pages_with_load_more(panel, sandbox, qtbot):
    prepare(panel, page_size=20)
    expected = sandbox.count_scenes(expected_body(panel))
    assert expected > 20, "the Berlin fixture needs more than one page"
    sandbox.clear_log()
    search_and_wait(qtbot, panel)
    assert panel.state == State.RESULTS
    assert panel.results.model.rowCount() == 20  # the first page shows on its own
    assert panel.load_more_button.isEnabled()
    layer = panel.footprints_layer
    assert layer is not None
    assert layer.featureCount() == 20
    pages = 1
    while panel.session.next_request is not None:
        load_more_and_wait(qtbot, panel)
        pages += 1
        assert panel.results.model.rowCount() == min(expected, pages * 20)
        assert layer.featureCount() == panel.results.model.rowCount()
    assert panel.results.model.rowCount() == expected
    assert not panel.load_more_button.isEnabled()
    assert len(catalog_requests(sandbox)) == pages
    assert str(expected) in panel.count_label.text()
    # the footprints layer: a GeoPackage in the UP42 group, one feature per scene
    assert layer.providerType() == "ogr"
    assert ".gpkg" in layer.source()
    group = QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME)
    assert group is not None
    assert group.findLayer(layer.id()) is not None
    ids = sorted(str(f["scene_id"]) for f in layer.getFeatures())
    assert ids == sorted(s.id for s in panel.results.model.scenes)


def test_cancel_stops_waiting_at_once_and_drops_the_late_page(panel, sandbox, qtbot, context):
    prepare(panel)
    sandbox.configure(latency_ms=2500)
    panel.search_button.click()
    assert panel.state == State.SEARCHING
    assert not panel.search_button.isEnabled()
    assert panel.cancel_button.isVisibleTo(panel)
    task = panel.session.task
    qtbot.waitUntil(lambda: task.status() == QgsTask.TaskStatus.Running)  # the request is in flight
    panel.cancel_button.click()
    assert panel.state == State.CANCELLED
    assert panel.search_button.isEnabled()
    assert "cancelled" in panel.message_label.text().lower()
    qtbot.waitUntil(lambda: not context.runner.running, timeout=WAIT_MS)
    assert panel.results.model.rowCount() == 0
    assert panel.footprints_layer is None
    assert panel.state == State.CANCELLED


def test_bad_aoi_is_refused_before_any_request(panel, sandbox, qtbot, iface):
    prepare(panel)
    canvas = iface.mapCanvas()
    europe = QgsRectangle(0, 40, 25, 58)
    canvas.setExtent(
        to_crs(QgsGeometry.fromRect(europe), canvas.mapSettings().destinationCrs()).boundingBox()
    )
    panel.aoi_widget.extent_button.click()
    assert panel.aoi_widget.aoi.problem_code == "TOO_LARGE"
    assert panel.aoi_widget.problem_label.isVisibleTo(panel)
    sandbox.clear_log()
    panel.search_button.click()
    assert not panel.searching
    assert "km²" in panel.message_label.text()
    assert sandbox.request_log() == []


def test_no_collection_checked_is_refused_before_any_request(panel, sandbox):
    prepare(panel)
    panel.filters.set_selected_collections([])
    sandbox.clear_log()
    panel.search_button.click()
    assert not panel.searching
    assert "collection" in panel.message_label.text().lower()
    assert sandbox.request_log() == []


def test_no_results_state(panel, qtbot):
    prepare(panel)
    panel.filters.start_date.setDate(QDate(1990, 1, 1))
    panel.filters.end_date.setDate(QDate(1990, 1, 2))
    search_and_wait(qtbot, panel)
    assert panel.state == State.NO_RESULTS
    assert panel.results.model.rowCount() == 0
    assert "No scenes" in panel.state_label.text()
    assert panel.footprints_layer is None


def test_quicklook_shows_and_goes_on_the_map(panel, qtbot):
    prepare(panel, page_size=5)
    search_and_wait(qtbot, panel)
    model = panel.results.model
    scene = model.scene_at(0)
    panel.results.table.selectRow(panel.results.proxy.mapFromSource(model.index(0, 0)).row())
    qtbot.waitUntil(lambda: panel.quicklook.show_button.isEnabled(), timeout=WAIT_MS)
    assert not panel.quicklook.image.pixmap().isNull()
    layer = panel.quicklook.show_on_map()
    assert layer is not None
    assert layer.isValid()
    extent = layer.extent()
    west, _south, _east, north = scene.bbox
    assert extent.xMinimum() == pytest.approx(west, abs=1e-6)
    assert extent.yMaximum() == pytest.approx(north, abs=1e-6)
    assert layer.crs().authid() == "EPSG:4326"
    group = QgsProject.instance().layerTreeRoot().findGroup(GROUP_NAME)
    assert group.findLayer(layer.id()) is not None


def test_remembers_the_last_filters(panel, qtbot, context):
    prepare(panel, page_size=30)
    chosen = sorted(panel.filters.collections())[:1]
    panel.filters.set_selected_collections(chosen)
    panel.filters.max_cloud.setValue(40)
    panel.filters.sort_field.setCurrentIndex(1)
    panel.filters.start_date.setDate(QDate(2019, 2, 3))
    panel.filters.end_date.setDate(QDate(2023, 4, 5))
    search_and_wait(qtbot, panel)
    again = make_panel(qtbot, context)
    try:
        assert again.filters.selected_collections() == chosen
        assert again.filters.start_date.date() == QDate(2019, 2, 3)
        assert again.filters.end_date.date() == QDate(2023, 4, 5)
        assert again.filters.max_cloud.value() == 40
        assert again.filters.page_size.value() == 30
        assert again.filters.sort_field.currentData() == "cloud"
    finally:
        close_panel(qtbot, again, context)


# --- error states --------------------------------------------------------------------------
def test_not_signed_in_leads_to_the_settings(sandbox, clean_settings, iface, qtbot, canvas_3857):
    context = PluginContext.build(iface, ClientProvider())
    panel = make_panel(qtbot, context, wait_for_collections=False)
    try:
        assert panel.state == State.NOT_SIGNED_IN
        assert panel.settings_button.isVisibleTo(panel)
        assert "Not signed in" in panel.state_label.text()
        panel.search_button.click()
        assert panel.state == State.NOT_SIGNED_IN
        assert sandbox.request_log() == []
        iface.showOptionsDialog.reset_mock()
        panel.settings_button.click()
        assert iface.showOptionsDialog.called
    finally:
        close_panel(qtbot, panel, context)


def test_wrong_password_shows_the_server_message(
    sandbox, auth_manager, clean_settings, iface, qtbot, canvas_3857
):
    from up42_qgis.bridge.credentials import store_credentials
    from up42_qgis.settings import PluginSettings, SettingsStore

    authcfg = store_credentials(sandbox.username, "wrong-password", name="UP42 wrong")
    SettingsStore.save(
        PluginSettings(region="custom", api_url=sandbox.url, auth_url=sandbox.url, authcfg=authcfg)
    )
    context = PluginContext.build(iface, ClientProvider())
    try:
        panel = make_panel(qtbot, context)  # loading the collections already fails
        assert panel.state == State.NOT_SIGNED_IN
        assert "Invalid user credentials" in panel.message_label.text()
        assert panel.settings_button.isVisibleTo(panel)
        messages = iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
        assert any("Invalid user credentials" in m for m in messages)
        close_panel(qtbot, panel, context)
    finally:
        auth_manager.removeAuthenticationConfig(authcfg)


def test_server_error_shows_message_and_hint(sandbox, iface, qtbot, canvas_3857):
    context = PluginContext.build(iface, sandbox_clients(sandbox))
    panel = make_panel(qtbot, context)
    try:
        prepare(panel)
        sandbox.configure(
            faults=[{"method": "POST", "path": CATALOG_SEARCH, "status": 502, "count": 10}]
        )
        search_and_wait(qtbot, panel)
        assert panel.state == State.ERROR
        text = panel.message_label.text()
        assert "Bad Gateway" in text  # the server's own message
        assert "try again" in text  # and a hint
        assert panel.message_label.isVisibleTo(panel)
        assert any(
            "Bad Gateway" in m for m in iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
        )
        assert panel.search_button.isEnabled()
        # the next search works again
        sandbox.configure(faults=[])
        search_and_wait(qtbot, panel)
        assert panel.state == State.RESULTS
        assert not panel.message_label.isVisibleTo(panel)
    finally:
        close_panel(qtbot, panel, context)


def test_network_error_is_explained(iface, qtbot, canvas_3857, sandbox):
    context = PluginContext.build(iface, sandbox_clients(sandbox))
    panel = make_panel(qtbot, context)
    try:
        prepare(panel)
        dead = Up42Client(
            Endpoints("http://127.0.0.1:9", "http://127.0.0.1:9"),
            Credentials("a", "b"),
            retry=RetryPolicy(backoff=(), sleep=lambda _seconds: None),
        )
        context.clients.fixed = dead
        search_and_wait(qtbot, panel)
        assert panel.state == State.ERROR
        assert "internet connection" in panel.message_label.text()
    finally:
        close_panel(qtbot, panel, context)


def test_search_body_in_log_is_json_safe(panel):
    """The AOI the panel sends is plain GeoJSON in EPSG:4326."""
    prepare(panel)
    aoi = panel.aoi_widget.aoi.geojson
    json.dumps(aoi)
    ring = aoi["coordinates"][0]
    assert all(12.5 < x < 14.5 and 52.0 < y < 53.0 for x, y in ring)


def test_server_validation_error_shows_message_and_hint(sandbox, iface, qtbot, canvas_3857):
    context = PluginContext.build(iface, sandbox_clients(sandbox))
    panel = make_panel(qtbot, context)
    try:
        prepare(panel)
        sandbox.configure(
            faults=[{"method": "POST", "path": CATALOG_SEARCH, "status": 400, "count": 1}]
        )
        search_and_wait(qtbot, panel)
        assert panel.state == State.ERROR
        text = panel.message_label.text()
        assert "Injected" in text  # the server's title
        assert "check the AOI and the filters" in text
        assert len(catalog_requests(sandbox)) == 1  # a 400 is not retried
    finally:
        close_panel(qtbot, panel, context)


def test_signing_in_later_loads_the_collections(
    sandbox, auth_manager, clean_settings, iface, qtbot, canvas_3857
):
    from up42_qgis.bridge.credentials import store_credentials
    from up42_qgis.settings import PluginSettings, SettingsStore

    provider = ClientProvider()
    context = PluginContext.build(iface, provider)
    panel = make_panel(qtbot, context, wait_for_collections=False)
    authcfg = None
    try:
        assert panel.state == State.NOT_SIGNED_IN
        assert panel.filters.collections() == {}
        authcfg = store_credentials(sandbox.username, sandbox.password, name="UP42 later")
        SettingsStore.save(
            PluginSettings(
                region="custom", api_url=sandbox.url, auth_url=sandbox.url, authcfg=authcfg
            )
        )
        with qtbot.waitSignal(panel.collections_loaded, timeout=WAIT_MS):
            provider.changed.emit()  # what the settings page does after saving
        assert panel.state == State.NO_SEARCH
        assert not panel.settings_button.isVisibleTo(panel)
        assert len(panel.filters.collections()) >= 2
    finally:
        close_panel(qtbot, panel, context)
        if authcfg:
            auth_manager.removeAuthenticationConfig(authcfg)


def test_walking_through_rows_downloads_only_the_last_quicklook(panel, sandbox, qtbot):
    prepare(panel, page_size=5)
    search_and_wait(qtbot, panel)
    sandbox.clear_log()
    view, model = panel.results, panel.results.model
    for row in (0, 1, 2):  # quick arrow-key steps
        view.table.selectRow(view.proxy.mapFromSource(model.index(row, 0)).row())
    qtbot.waitUntil(lambda: panel.quicklook.show_button.isEnabled(), timeout=WAIT_MS)
    assert panel.quicklook.scene.id == model.scene_at(2).id
    previews = [  # the table's thumbnails are fetched too, but they are no quicklooks
        r for r in sandbox.request_log() if r["path"].endswith("/quicklook/download-url")
    ]
    assert len(previews) == 1
    assert model.scene_at(2).id in previews[0]["path"]
