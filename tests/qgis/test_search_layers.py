"""Issue 16, point 7: a new search replaces the previous search's footprints layer, unless the
user pinned that search or asked to keep every search (the ``keep_search_layers`` setting)."""

from __future__ import annotations

from qgis.core import QgsProject

from tests.qgis.support import prepare, search_and_wait
from up42_qgis.layers.footprints import FOOTPRINTS_PROPERTY
from up42_qgis.settings import SettingsStore


def _search_layers() -> list:
    return [
        layer
        for layer in QgsProject.instance().mapLayers().values()
        if layer.customProperty(FOOTPRINTS_PROPERTY)
    ]


def test_a_new_search_replaces_the_previous_footprints_layer(panel, qtbot):
    prepare(panel, page_size=5)
    search_and_wait(qtbot, panel)
    first = panel.footprints_layer
    assert first is not None
    assert _search_layers() == [first]

    search_and_wait(qtbot, panel)
    second = panel.footprints_layer
    assert second is not None
    assert second is not first
    assert _search_layers() == [second]  # the old footprints are gone, not mixed in
    assert panel.results.layer is second


def test_a_pinned_search_stays_on_the_map(panel, qtbot):
    prepare(panel, page_size=5)
    search_and_wait(qtbot, panel)
    first = panel.footprints_layer
    panel.plan_box.pin_button.click()  # "Pin this search"
    assert panel.session.pinned

    search_and_wait(qtbot, panel)
    second = panel.footprints_layer
    assert {layer.id() for layer in _search_layers()} == {first.id(), second.id()}
    assert not panel.session.pinned  # the new search is not pinned by the old one
    assert not panel.plan_box.pin_button.isChecked()

    search_and_wait(qtbot, panel)  # the unpinned second one is replaced, the pinned stays
    third = panel.footprints_layer
    assert {layer.id() for layer in _search_layers()} == {first.id(), third.id()}


def test_the_setting_keeps_every_search(panel, qtbot):
    SettingsStore.update(keep_search_layers=True)
    prepare(panel, page_size=5)
    search_and_wait(qtbot, panel)
    search_and_wait(qtbot, panel)
    assert len(_search_layers()) == 2
