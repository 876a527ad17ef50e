"""Failures the plugin rides over (a message bar gone, settings that cannot be written) are not
silent: each leaves its reason in the UP42 tab of the message log."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QComboBox


def test_guarded_slot_logs_when_the_message_bar_fails(iface, message_log, monkeypatch):
    from up42_qgis.gui.search_errors import guarded

    def no_bar():
        raise RuntimeError("wrapped C/C++ object has been deleted")

    monkeypatch.setattr(iface, "messageBar", no_bar)

    @guarded
    def slot():
        raise ValueError("boom")

    assert slot() is None  # neither the slot's error nor the bar's escapes
    assert any("ValueError: boom" in line for line in message_log)
    assert (
        "UP42: Could not show it in the message bar: wrapped C/C++ object has been deleted"
        in message_log
    )


def test_order_bar_logs_when_the_chosen_products_cannot_be_remembered(
    qgis_app, qtbot, message_log, monkeypatch
):
    from up42_qgis.gui.order_bar import OrderBar
    from up42_qgis.settings import SettingsStore

    def unwritable(**_values):
        raise OSError("settings file is read-only")

    monkeypatch.setattr(SettingsStore, "update", unwritable)
    bar = OrderBar()
    qtbot.addWidget(bar)
    combo = QComboBox(bar)
    combo.addItem("Display", "product-display")
    bar._combos["phr"] = combo

    bar._remember_products()  # must not raise: the choice still applies to this order

    assert bar.product_id("phr") == "product-display"
    assert (
        "UP42: Could not remember the chosen data products: settings file is read-only"
        in message_log
    )
