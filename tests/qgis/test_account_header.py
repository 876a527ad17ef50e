"""Who am I (issue 16, point 12): the dock's header shows the signed-in account, workspace and
credit balance, a clear state when signed out or the password is wrong, and messages that go
once the cause is fixed; with no account the Orders tab shows no orders of a previous one."""

from __future__ import annotations

import pytest
from qgis.PyQt.QtCore import Qt

from tests.qgis.support import STAY_DWELL, WAIT_MS, orderable_scenes, place_directly
from up42_qgis.bridge.credentials import store_credentials
from up42_qgis.gui.account_header import AccountHeader
from up42_qgis.gui.orders_panel import OrdersPanel
from up42_qgis.gui.settings_page import Up42SettingsPage
from up42_qgis.settings import SettingsStore
from up42_qgis.tasks.base import TaskRunner
from up42_qgis.toolbelt.formatting import format_credits


@pytest.fixture(autouse=True)
def _no_environment_account(monkeypatch):
    for name in ("UP42_USERNAME", "UP42_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


def make_header(qtbot, context) -> AccountHeader:
    header = AccountHeader(context)
    qtbot.addWidget(header)
    return header


def wait_for(qtbot, header: AccountHeader, state: str) -> str:
    qtbot.waitUntil(lambda: header.state == state and header._task is None, timeout=WAIT_MS)
    return header.text()


def test_the_header_shows_account_workspace_and_balance(order_context, sandbox_account, qtbot):
    header = make_header(qtbot, order_context)

    text = wait_for(qtbot, header, "signed_in")

    balance = sandbox_account.state()["credits"]["balance"]
    assert header.account_label.text() == sandbox_account.username
    assert f"{format_credits(balance)} credits" == header.balance_label.text()
    assert f"Workspace {sandbox_account.workspace_id[:8]}" in text
    assert sandbox_account.workspace_id in header.toolTip()
    assert header.detail_label.styleSheet() != "color: #b3261e;"


def test_signed_out_then_signed_in_clears_the_state(order_context, sandbox_account, qtbot):
    authcfg = SettingsStore.load().authcfg
    SettingsStore.update(authcfg="")
    header = make_header(qtbot, order_context)

    assert "Not signed in" in wait_for(qtbot, header, "signed_out")
    assert "Settings ▸ Options ▸ UP42" in header.text()
    assert header.settings_button.text() == "Sign in…"

    SettingsStore.update(authcfg=authcfg)
    order_context.clients.notify_changed()  # what the settings page's OK does

    text = wait_for(qtbot, header, "signed_in")
    assert "Not signed in" not in text
    assert sandbox_account.username in text


def test_a_wrong_password_is_said_and_goes_once_corrected_in_settings(
    order_context, sandbox_account, qtbot
):
    authcfg = SettingsStore.load().authcfg
    store_credentials(sandbox_account.username, "wrong-password", authcfg=authcfg)
    order_context.clients.notify_changed()
    header = make_header(qtbot, order_context)

    text = wait_for(qtbot, header, "failed")
    assert text.startswith("Sign-in failed")
    assert "Invalid user credentials. Correct the e-mail or password" in text
    assert header.settings_button.text() == "Sign in…"
    assert "wrong-password" not in text

    # The user corrects the password on the settings page and presses OK.
    page = Up42SettingsPage(None, order_context.clients, TaskRunner())
    qtbot.addWidget(page)
    page.email_edit.setText(sandbox_account.username)
    page.password_edit.setText(sandbox_account.password)
    page.save_account()
    page.apply()

    text = wait_for(qtbot, header, "signed_in")
    assert "Sign-in failed" not in text
    assert "Invalid" not in text
    assert header.detail_label.text() == f"Workspace {sandbox_account.workspace_id[:8]}"
    assert header.settings_button.text() == ""  # the wrench alone once signed in


def test_refresh_after_fixing_the_password_in_the_auth_manager(
    order_context, sandbox_account, qtbot
):
    authcfg = SettingsStore.load().authcfg
    store_credentials(sandbox_account.username, "wrong-password", authcfg=authcfg)
    order_context.clients.notify_changed()
    header = make_header(qtbot, order_context)
    wait_for(qtbot, header, "failed")

    # Edited in QGIS's own authentication manager (it says nothing): the header's Refresh.
    store_credentials(sandbox_account.username, sandbox_account.password, authcfg=authcfg)
    qtbot.mouseClick(header.refresh_button, Qt.MouseButton.LeftButton)

    assert sandbox_account.username in wait_for(qtbot, header, "signed_in")


def test_no_account_no_orders_of_the_previous_one(order_context, sandbox_account, qtbot):
    client = order_context.clients.client()
    sandbox_account.configure(dwell=STAY_DWELL)
    scenes, collections = orderable_scenes(client, 1)
    place_directly(client, scenes, collections, "Previous account")
    panel = OrdersPanel(order_context)
    qtbot.addWidget(panel)
    panel.refresh()
    qtbot.waitUntil(lambda: panel._list_task is None, timeout=WAIT_MS)
    assert panel.table.rowCount() > 0

    # The account goes while a listing (with its client) is still on the way.
    sandbox_account.configure(latency_ms=1500)
    try:
        panel.refresh()
        SettingsStore.update(authcfg="")
        order_context.clients.notify_changed()
        assert panel.table.rowCount() == 0
        qtbot.waitUntil(lambda: "No UP42 account" in panel.message.text(), timeout=WAIT_MS)
    finally:
        sandbox_account.configure(latency_ms=0)
    assert panel.table.rowCount() == 0
    assert panel.orders == {}


def test_a_poll_of_the_previous_account_is_not_reported(order_context, sandbox_account, qtbot):
    client = order_context.clients.client()
    sandbox_account.configure(dwell=STAY_DWELL)
    scenes, collections = orderable_scenes(client, 1)
    ids = place_directly(client, scenes, collections, "Previous poll")
    tracker = order_context.tracker
    updates: list = []
    tracker.order_updated.connect(updates.append)
    tracker.track(ids, fast=False)
    sandbox_account.configure(latency_ms=1500)
    try:
        tracker.poll_now()
        SettingsStore.update(authcfg="")
        order_context.clients.notify_changed()
        qtbot.waitUntil(lambda: tracker.polls >= 1, timeout=WAIT_MS)
    finally:
        sandbox_account.configure(latency_ms=0)
    assert updates == []
    assert tracker.tracked_ids == ids  # kept: the account may come back
