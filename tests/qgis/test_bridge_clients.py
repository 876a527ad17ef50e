"""ClientProvider and TestConnectionTask against the sandbox, through real HTTP and the real
QGIS task manager."""

from __future__ import annotations

import pytest
from qgis.core import QgsApplication

from tests.qgis.support import run_task
from up42_qgis.api.errors import AuthenticationError
from up42_qgis.bridge.clients import ClientProvider, NotConfiguredError, client_provider
from up42_qgis.bridge.credentials import store_credentials
from up42_qgis.settings import SettingsStore
from up42_qgis.tasks.base import Up42Task
from up42_qgis.tasks.connection import TestConnectionTask


@pytest.fixture
def provider(qgis_app):
    provider = ClientProvider()
    yield provider
    provider.close()
    provider.deleteLater()


def test_not_configured_without_an_account(provider, clean_settings, no_env_account):
    assert not provider.is_configured()
    with pytest.raises(NotConfiguredError, match="No UP42 account is configured") as caught:
        provider.client()
    assert isinstance(caught.value, AuthenticationError)


def test_a_missing_auth_config_is_named(provider, clean_settings, no_env_account):
    SettingsStore.update(authcfg="gone123")

    with pytest.raises(NotConfiguredError, match="gone123"):
        provider.client()


def test_one_shared_client_per_configuration(provider, sandbox_account, no_env_account):
    first = provider.client()

    assert provider.is_configured()
    assert provider.client() is first
    assert first.account().email == sandbox_account.username

    SettingsStore.update(poll_interval_s=120)  # unrelated to the client: kept
    assert provider.client() is first

    SettingsStore.update(auth_url=sandbox_account.url + "/")  # same origin once normalised
    assert provider.client() is first


def test_a_changed_account_rebuilds_the_client(provider, sandbox_account, auth_manager):
    first = provider.client()
    authcfg = SettingsStore.load().authcfg

    store_credentials(sandbox_account.username, "another-password", authcfg=authcfg)

    second = provider.client()
    assert second is not first
    with pytest.raises(AuthenticationError):
        second.account()


def test_changed_signal_after_the_page_saved(provider, sandbox_account, qtbot):
    first = provider.client()

    with qtbot.waitSignal(provider.changed, timeout=1000):
        provider.notify_changed()

    assert provider.client() is not first


def test_environment_account_for_headless_runs(provider, clean_settings, sandbox, monkeypatch):
    monkeypatch.setenv("UP42_USERNAME", sandbox.username)
    monkeypatch.setenv("UP42_PASSWORD", sandbox.password)
    monkeypatch.setenv("UP42_API_URL", sandbox.url)
    monkeypatch.delenv("UP42_AUTH_URL", raising=False)

    account = provider.client().account()

    assert account.email == sandbox.username
    assert account.workspace_id == sandbox.workspace_id


def test_connection_task_reports_the_account(provider, sandbox_account, qtbot):
    task = run_task(qtbot, TestConnectionTask(provider.client()))

    assert task.error is None, task.error
    assert task.result.email == sandbox_account.username
    assert task.result.workspace_id == sandbox_account.workspace_id


def test_connection_task_shows_keycloaks_message_for_a_wrong_password(
    provider, sandbox_account, auth_manager, qtbot
):
    store_credentials(
        sandbox_account.username, "wrong-password", authcfg=SettingsStore.load().authcfg
    )

    task = run_task(qtbot, TestConnectionTask(provider.client()))

    assert isinstance(task.error, AuthenticationError)
    assert "Invalid user credentials" in str(task.error)
    assert "wrong-password" not in str(task.error)


class BuildOnWorker(Up42Task):
    """What Processing does: build (or fetch) the client on a worker thread and use it."""

    def __init__(self, provider: ClientProvider) -> None:
        super().__init__("build the client on a worker thread")
        self.provider = provider

    def work(self):
        client = self.provider.client()
        return client, client.collections()


def test_the_client_can_be_built_on_a_worker_thread(provider, sandbox_account, qtbot):
    task = run_task(qtbot, BuildOnWorker(provider))

    assert task.error is None, task.error
    client, collections = task.result
    assert collections
    assert provider.client() is client  # the main thread gets the same shared client


def test_the_module_level_provider_is_one_object(qgis_app):
    first = client_provider()

    assert client_provider() is first
    assert first.thread() is QgsApplication.instance().thread()
