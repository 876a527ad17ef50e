"""The account lives in the QGIS auth DB; QgsSettings (a plain INI file) only has its id."""

from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsAuthMethodConfig, QgsSettings

from up42_qgis.bridge.credentials import (
    CredentialStoreError,
    load_credentials,
    store_credentials,
)
from up42_qgis.settings import PluginSettings, SettingsStore

PASSWORD = "S3cret-pa55 w0rd!"


@pytest.fixture
def stored_ids(auth_manager):
    ids: list[str] = []
    yield ids
    for authcfg in ids:
        auth_manager.removeAuthenticationConfig(authcfg)


def settings_files() -> list[Path]:
    """Every INI file of the test profile (QgsSettings writes the user scope)."""
    QgsSettings().sync()
    root = Path(QgsApplication.qgisSettingsDirPath())
    files = {Path(QgsSettings().fileName()), *root.rglob("*.ini")}
    return [path for path in files if path.is_file()]


def test_credentials_round_trip_through_the_auth_db(stored_ids):
    authcfg = store_credentials("user@example.com", PASSWORD, name="UP42 test")
    stored_ids.append(authcfg)

    credentials = load_credentials(authcfg)

    assert credentials is not None
    assert (credentials.username, credentials.password) == ("user@example.com", PASSWORD)
    config = QgsAuthMethodConfig()
    assert QgsApplication.authManager().loadAuthenticationConfig(authcfg, config, False)
    assert (config.method(), config.name()) == ("Basic", "UP42 test")


def test_updating_keeps_the_id(stored_ids):
    authcfg = store_credentials("old@example.com", "old-password")
    stored_ids.append(authcfg)

    again = store_credentials("new@example.com", "new-password", authcfg=authcfg)

    assert again == authcfg
    credentials = load_credentials(authcfg)
    assert credentials is not None
    assert (credentials.username, credentials.password) == ("new@example.com", "new-password")


def test_empty_input_is_refused_before_touching_the_db(auth_manager):
    before = set(auth_manager.configIds())
    with pytest.raises(CredentialStoreError):
        store_credentials("  ", "password")
    with pytest.raises(CredentialStoreError):
        store_credentials("user@example.com", "")
    assert set(auth_manager.configIds()) == before


def test_unknown_or_foreign_configs_give_no_credentials(stored_ids, monkeypatch):
    monkeypatch.setenv("UP42_USERNAME", "env@example.com")
    monkeypatch.setenv("UP42_PASSWORD", "env-password")
    foreign = QgsAuthMethodConfig("EsriToken")
    foreign.setName("not basic")
    foreign.setConfig("token", "t")
    assert QgsApplication.authManager().storeAuthenticationConfig(foreign)
    stored_ids.append(foreign.id())

    # A configured id wins over the environment, even when it cannot be used.
    assert load_credentials("nosuch1") is None
    assert load_credentials(foreign.id()) is None


def test_environment_gives_credentials_when_no_id_is_configured(auth_manager, monkeypatch):
    monkeypatch.setenv("UP42_USERNAME", "env@example.com")
    monkeypatch.setenv("UP42_PASSWORD", "env-password")
    credentials = load_credentials("")
    assert credentials is not None
    assert credentials.username == "env@example.com"

    monkeypatch.delenv("UP42_PASSWORD")
    assert load_credentials("") is None


def test_only_the_id_reaches_the_settings_file(stored_ids, clean_settings):
    authcfg = store_credentials("someone@example.com", PASSWORD)
    stored_ids.append(authcfg)
    SettingsStore.save(PluginSettings(authcfg=authcfg))

    texts = [path.read_text(encoding="utf-8", errors="replace") for path in settings_files()]

    assert texts, "no settings file was written"
    assert any(f"authcfg={authcfg}" in text for text in texts)
    for text in texts:
        assert PASSWORD not in text
        assert "someone@example.com" not in text
