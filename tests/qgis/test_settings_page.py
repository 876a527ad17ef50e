"""The "UP42" page in QGIS Options: builds, loads, saves, signs in, tests the connection."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig
from qgis.gui import QgsOptionsPageWidget, QgsOptionsWidgetFactory
from qgis.PyQt.QtCore import Qt

from up42_qgis.bridge.credentials import load_credentials, store_credentials
from up42_qgis.gui.settings_page import (
    Up42SettingsPage,
    register_options_page,
    unregister_options_page,
)
from up42_qgis.settings import PluginSettings, SettingsStore
from up42_qgis.tasks.base import TaskRunner


@pytest.fixture
def make_page(qtbot, envless_provider):
    def make() -> Up42SettingsPage:
        page = Up42SettingsPage(None, envless_provider, TaskRunner())
        qtbot.addWidget(page)
        return page

    return make


@pytest.fixture
def created_configs(auth_manager):
    before = set(auth_manager.configIds())
    yield
    for authcfg in set(auth_manager.configIds()) - before:
        auth_manager.removeAuthenticationConfig(authcfg)


def wait_for_status(qtbot, page: Up42SettingsPage) -> str:
    qtbot.waitUntil(lambda: page.test_button.isEnabled(), timeout=30_000)
    return page.status_text()


def test_registration_with_the_options_dialog(iface, envless_provider):
    factory = register_options_page(iface, envless_provider)

    assert isinstance(factory, QgsOptionsWidgetFactory)
    assert factory.title() == "UP42"
    assert not factory.icon().isNull()
    iface.registerOptionsWidgetFactory.assert_called_with(factory)
    page = factory.createWidget(None)
    assert isinstance(page, QgsOptionsPageWidget)
    page.deleteLater()

    unregister_options_page(iface, factory)
    iface.unregisterOptionsWidgetFactory.assert_called_with(factory)


def test_the_page_shows_the_saved_settings(clean_settings, make_page, tmp_path):
    SettingsStore.save(
        PluginSettings(
            region="custom",
            api_url="http://127.0.0.1:1234",
            authcfg="abcd123",
            download_folder=str(tmp_path),
            poll_interval_s=45,
            max_parallel_downloads=2,
            auto_download=True,
        )
    )

    page = make_page()

    assert page.region_combo.currentData() == "custom"
    assert page.api_url_edit.isEnabled()
    assert page.api_url_edit.text() == "http://127.0.0.1:1234"
    assert page.download_folder_widget.filePath() == str(tmp_path)
    assert page.poll_interval_spin.value() == 45
    assert page.parallel_spin.value() == 2
    assert page.auto_download_check.isChecked()


def test_apply_saves_the_form_and_tells_the_panels(clean_settings, make_page, qtbot, tmp_path):
    page = make_page()
    assert not page.api_url_edit.isEnabled()  # EU by default: no custom origins

    page.region_combo.setCurrentIndex(page.region_combo.findData("custom"))
    qtbot.keyClicks(page.api_url_edit, "http://127.0.0.1:8642/")
    page.download_folder_widget.setFilePath(str(tmp_path / "imagery"))
    page.poll_interval_spin.setValue(30)
    page.parallel_spin.setValue(4)
    with qtbot.waitSignal(page._provider.changed, timeout=1000):
        page.apply()

    saved = SettingsStore.load()
    assert (saved.region, saved.api_url, saved.auth_url) == ("custom", "http://127.0.0.1:8642", "")
    assert saved.download_folder == str(tmp_path / "imagery")
    assert (saved.poll_interval_s, saved.max_parallel_downloads) == (30, 4)


def test_a_bad_custom_origin_is_shown_before_any_request(clean_settings, make_page, qtbot):
    page = make_page()
    page.region_combo.setCurrentIndex(page.region_combo.findData("custom"))
    qtbot.keyClicks(page.api_url_edit, "api.example.com")

    assert page.url_problem()
    assert not page.url_problem_label.isHidden()
    assert page.test_connection() is None
    assert page.status_text() == page.url_problem()


def test_sign_in_creates_a_basic_config_on_ok_and_selects_it(
    clean_settings, make_page, qtbot, created_configs, auth_manager
):
    page = make_page()
    qtbot.mouseClick(page.sign_in_button, Qt.MouseButton.LeftButton)
    assert not page.sign_in_form.isHidden()
    qtbot.keyClicks(page.email_edit, "me@example.com")
    qtbot.keyClicks(page.password_edit, "my-password")
    before = set(auth_manager.configIds())

    qtbot.mouseClick(page.save_account_button, Qt.MouseButton.LeftButton)

    assert set(auth_manager.configIds()) == before  # nothing written before OK
    assert page.password_edit.text() == ""
    assert "press OK" in page.status_text()
    page.apply()

    authcfg = page.auth_select.configId()
    assert authcfg
    assert authcfg not in before
    assert SettingsStore.load().authcfg == authcfg
    credentials = load_credentials(authcfg)
    assert credentials is not None
    assert (credentials.username, credentials.password) == ("me@example.com", "my-password")
    config = QgsAuthMethodConfig()
    QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, False)
    assert config.method() == "Basic"

    # A corrected password for the same, selected account updates that config only.
    page.sign_in_button.setChecked(True)
    page.email_edit.setText("me@example.com")
    page.password_edit.setText("changed-password")
    page.save_account()
    assert load_credentials(authcfg).password == "my-password"  # still nothing before OK
    page.apply()
    assert page.auth_select.configId() == authcfg
    assert load_credentials(authcfg).password == "changed-password"


@pytest.fixture
def two_up42_configs(auth_manager, created_configs, clean_settings):
    """Two UP42 accounts in the auth DB (the second one selected in the settings)."""
    first = store_credentials("first@example.com", "first-password", name="UP42 (first)")
    second = store_credentials("second@example.com", "second-password", name="UP42 (second)")
    SettingsStore.save(PluginSettings(authcfg=second))
    return first, second


def _accounts(*authcfgs: str) -> list[tuple[str, str]]:
    return [
        (c.username, c.password) for c in (load_credentials(a) for a in authcfgs) if c is not None
    ]


def test_cancel_after_sign_in_changes_no_configuration(two_up42_configs, make_page, auth_manager):
    first, second = two_up42_configs
    before = set(auth_manager.configIds())
    page = make_page()
    assert page.auth_select.configId() == second
    page.email_edit.setText("third@example.com")
    page.password_edit.setText("third-password")

    page.save_account()
    page.close()  # Cancel on the Options dialog: apply() is never called
    page.deleteLater()

    assert set(auth_manager.configIds()) == before
    assert _accounts(first, second) == [
        ("first@example.com", "first-password"),
        ("second@example.com", "second-password"),
    ]
    assert SettingsStore.load().authcfg == second


def test_a_new_account_never_overwrites_another_up42_config(
    two_up42_configs, make_page, auth_manager
):
    first, second = two_up42_configs
    before = set(auth_manager.configIds())
    page = make_page()
    page.email_edit.setText("third@example.com")
    page.password_edit.setText("third-password")

    page.save_account()
    page.apply()

    (created,) = set(auth_manager.configIds()) - before
    assert SettingsStore.load().authcfg == created == page.auth_select.configId()
    assert _accounts(first, second, created) == [
        ("first@example.com", "first-password"),
        ("second@example.com", "second-password"),
        ("third@example.com", "third-password"),
    ]


def test_a_corrected_password_updates_only_the_selected_config(
    two_up42_configs, make_page, auth_manager
):
    first, second = two_up42_configs
    before = set(auth_manager.configIds())
    page = make_page()
    page.email_edit.setText("second@example.com")
    page.password_edit.setText("corrected")

    page.save_account()
    page.apply()

    assert set(auth_manager.configIds()) == before
    assert _accounts(first, second) == [
        ("first@example.com", "first-password"),
        ("second@example.com", "corrected"),
    ]


def test_test_connection_tries_the_typed_in_account_before_ok(
    sandbox_account, make_page, qtbot, auth_manager
):
    authcfg = SettingsStore.load().authcfg
    store_credentials(sandbox_account.username, "wrong-password", authcfg=authcfg)
    page = make_page()
    page.email_edit.setText(sandbox_account.username)
    page.password_edit.setText(sandbox_account.password)
    page.save_account()

    page.test_connection()

    assert wait_for_status(qtbot, page).startswith(f"Connected as {sandbox_account.username}")
    assert load_credentials(authcfg).password == "wrong-password"  # not saved before OK


def test_sign_in_without_a_password_says_so(clean_settings, make_page, created_configs):
    page = make_page()
    page.email_edit.setText("me@example.com")

    page.save_account()

    assert page.auth_select.configId() == ""
    assert "password" in page.status_text()


def test_test_connection_reports_account_and_workspace(sandbox_account, make_page, qtbot):
    page = make_page()

    task = page.test_connection()

    assert task is not None
    assert not page.test_button.isEnabled()  # no second test while one runs
    status = wait_for_status(qtbot, page)
    assert status == (
        f"Connected as {sandbox_account.username}, workspace {sandbox_account.workspace_id}"
    )


def test_test_connection_uses_the_unsaved_form(sandbox, make_page, qtbot, created_configs):
    # Nothing saved yet: the user fills the form and tests before pressing OK.
    page = make_page()
    page.region_combo.setCurrentIndex(page.region_combo.findData("custom"))
    page.api_url_edit.setText(sandbox.url)
    page.auth_select.setConfigId(store_credentials(sandbox.username, sandbox.password))

    page.test_connection()

    assert wait_for_status(qtbot, page).startswith(f"Connected as {sandbox.username}")
    assert SettingsStore.load().authcfg == ""


def test_test_connection_shows_the_servers_message(sandbox_account, make_page, qtbot, auth_manager):
    authcfg = SettingsStore.load().authcfg
    store_credentials(sandbox_account.username, "wrong-password", authcfg=authcfg)
    page = make_page()

    page.test_connection()

    status = wait_for_status(qtbot, page)
    assert status.startswith("Connection failed:")
    assert "Invalid user credentials" in status
    assert "wrong-password" not in status


def test_test_connection_without_an_account(clean_settings, make_page):
    page = make_page()

    assert page.test_connection() is None
    assert "No UP42 account is configured" in page.status_text()
