"""The real search filters widget and the settings it remembers: first use checks every
collection; the date range comes back fixed, or following today when it ended today."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import QDate, Qt

from up42_qgis.api.models import Collection, DataProduct
from up42_qgis.gui import search_filters
from up42_qgis.gui.search_filters import FiltersWidget
from up42_qgis.settings import SettingsStore

COLLECTIONS = (
    Collection(
        name="phr",
        title="Pléiades",
        product_type="OPTICAL",
        resolution=0.5,
        integrations=("SEARCH_AVAILABLE",),
        data_products=(DataProduct(name="phr-dp", title="Display", id="dp-1"),),
    ),
    Collection(name="spot", title="SPOT", product_type="OPTICAL", resolution=1.5),
    Collection(name="tsx", title="TerraSAR-X", product_type="SAR", resolution=3.0),
    Collection(name="tasking-only", title="Tasking", type="TASKING"),
    Collection(name="no-search", title="Not searchable", integrations=("ORDER_AVAILABLE",)),
)
SEARCHABLE = {"phr", "spot", "tsx"}


@pytest.fixture
def clock(monkeypatch):
    """Sets the filters' "today"."""

    def set_today(day: QDate) -> None:
        monkeypatch.setattr(search_filters, "_today", lambda: QDate(day))

    return set_today


def make_filters(qtbot) -> FiltersWidget:
    filters = FiltersWidget()
    qtbot.addWidget(filters)
    return filters


def checked_items(filters: FiltersWidget) -> dict[str, bool]:
    return {
        str(item.data(0, search_filters.COLLECTION_ROLE)): item.checkState(0)
        == Qt.CheckState.Checked
        for item in filters._collection_items()
    }


# --- collections -----------------------------------------------------------------------------
def test_first_use_checks_every_collection_once_they_load(clean_settings, qtbot):
    filters = make_filters(qtbot)
    assert filters.selected_collections() == []

    with qtbot.waitSignal(filters.changed):
        filters.set_collections(COLLECTIONS)

    assert set(filters.collections()) == SEARCHABLE
    assert checked_items(filters) == dict.fromkeys(SEARCHABLE, True)
    assert set(filters.selected_collections()) == SEARCHABLE
    assert filters.problems() == []  # a search can start without a choice
    for g in range(filters.collections_tree.topLevelItemCount()):  # groups show all checked
        assert filters.collections_tree.topLevelItem(g).checkState(0) == Qt.CheckState.Checked


def test_remembered_collections_are_checked_instead_of_all(clean_settings, qtbot):
    SettingsStore.update(last_collections=["spot"])
    filters = make_filters(qtbot)

    filters.set_collections(COLLECTIONS)

    assert filters.selected_collections() == ["spot"]


def test_a_reload_keeps_the_current_choice(clean_settings, qtbot):
    filters = make_filters(qtbot)
    filters.set_collections(COLLECTIONS)
    filters.set_selected_collections(["tsx"])

    filters.set_collections(COLLECTIONS)

    assert filters.selected_collections() == ["tsx"]


# --- dates -----------------------------------------------------------------------------------
def test_nothing_remembered_means_the_last_12_months(clean_settings, qtbot, clock):
    clock(QDate(2026, 3, 15))
    filters = make_filters(qtbot)

    assert filters.start_date.date() == QDate(2025, 3, 15)
    assert filters.end_date.date() == QDate(2026, 3, 15)


def test_a_fixed_range_comes_back_as_it_was(clean_settings, qtbot, clock):
    clock(QDate(2026, 3, 15))
    filters = make_filters(qtbot)
    filters.start_date.setDate(QDate(2024, 5, 1))
    filters.end_date.setDate(QDate(2024, 9, 30))
    filters.remember()  # what a search does

    saved = SettingsStore.load()
    assert (saved.last_start, saved.last_end) == ("2024-05-01", "2024-09-30")
    assert saved.last_end_is_today is False

    clock(QDate(2026, 4, 2))  # weeks later
    again = make_filters(qtbot)
    assert again.start_date.date() == QDate(2024, 5, 1)
    assert again.end_date.date() == QDate(2024, 9, 30)


def test_a_range_up_to_today_follows_today_and_keeps_its_length(clean_settings, qtbot, clock):
    clock(QDate(2026, 3, 15))
    filters = make_filters(qtbot)
    filters.start_date.setDate(QDate(2026, 1, 1))  # 73 days before the end
    filters.end_date.setDate(QDate(2026, 3, 15))  # today
    filters.remember()

    saved = SettingsStore.load()
    assert (saved.last_start, saved.last_end) == ("2026-01-01", "2026-03-15")
    assert saved.last_end_is_today is True

    clock(QDate(2026, 3, 16))  # the next day
    again = make_filters(qtbot)
    assert again.end_date.date() == QDate(2026, 3, 16)
    assert again.start_date.date() == QDate(2026, 1, 2)
    assert again.start_date.date().daysTo(again.end_date.date()) == 73


def test_the_default_12_months_searched_today_still_end_today_tomorrow(
    clean_settings, qtbot, clock
):
    clock(QDate(2026, 3, 15))
    make_filters(qtbot).remember()  # a search with the defaults

    clock(QDate(2026, 3, 16))
    again = make_filters(qtbot)
    assert again.end_date.date() == QDate(2026, 3, 16)
    assert again.start_date.date() == QDate(2025, 3, 16)


def test_unreadable_remembered_dates_fall_back_to_the_last_12_months(clean_settings, qtbot, clock):
    clean_settings.setValue("up42/last_start", "yesterday")
    clean_settings.setValue("up42/last_end", "2026-01-01")
    clean_settings.setValue("up42/last_end_is_today", "true")
    clock(QDate(2026, 3, 15))

    filters = make_filters(qtbot)

    assert filters.start_date.date() == QDate(2025, 3, 15)
    assert filters.end_date.date() == QDate(2026, 3, 15)
