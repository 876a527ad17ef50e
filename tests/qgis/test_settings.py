"""PluginSettings over QgsSettings: round trip, coercion, limits, endpoints."""

from __future__ import annotations

import pytest
from qgis.core import QgsSettings

from up42_qgis.api.errors import ValidationError
from up42_qgis.settings import PluginSettings, SettingsStore, coerce, effective_endpoints
from up42_qgis.toolbelt.constants import DOWNLOAD_FOLDER_NAME, MIN_POLL_INTERVAL_S


@pytest.fixture
def no_env_overrides(monkeypatch):
    for name in ("UP42_API_URL", "UP42_AUTH_URL"):
        monkeypatch.delenv(name, raising=False)


def test_defaults_when_nothing_is_stored(clean_settings):
    loaded = SettingsStore.load()

    assert loaded.region == "eu"
    assert loaded.authcfg == ""
    assert loaded.poll_interval_s == 60
    assert loaded.page_size == 50
    assert loaded.max_parallel_downloads == 3
    assert loaded.auto_download is False
    assert loaded.last_collections == []
    assert loaded.last_products == {}
    assert loaded.last_max_cloud == 100
    assert (loaded.last_sort, loaded.last_ascending) == ("date", False)
    assert (loaded.last_start, loaded.last_end, loaded.last_end_is_today) == ("", "", False)
    assert loaded.download_folder.endswith(DOWNLOAD_FOLDER_NAME)


def test_every_field_round_trips(clean_settings, tmp_path):
    saved = PluginSettings(
        region="custom",
        api_url="http://127.0.0.1:8642",
        auth_url="http://127.0.0.1:8643",
        authcfg="abc1234",
        download_folder=str(tmp_path / "downloads"),
        poll_interval_s=15,
        page_size=120,
        max_parallel_downloads=5,
        auto_download=True,
        last_collections=["phr"],  # one item: QSettings would read a bare list back as a string
        last_max_cloud=30,
        last_sort="cloud",
        last_ascending=True,
        last_products={"phr": "dp-1", "spot": "dp-2"},
        last_start="2025-03-01",
        last_end="2026-02-28",
        last_end_is_today=True,
    )

    SettingsStore.save(saved)

    assert SettingsStore.load() == saved


def test_values_are_coerced_by_field_type(clean_settings):
    # As a hand-edited or older INI file would hold them: everything text.
    clean_settings.setValue("up42/poll_interval_s", "90")
    clean_settings.setValue("up42/auto_download", "true")
    clean_settings.setValue("up42/last_ascending", "false")
    clean_settings.setValue("up42/last_max_cloud", "42.0")
    clean_settings.setValue("up42/last_collections", "spot")
    clean_settings.setValue("up42/last_products", '{"phr": "dp-9"}')

    loaded = SettingsStore.load()

    assert loaded.poll_interval_s == 90
    assert loaded.auto_download is True
    assert loaded.last_ascending is False
    assert loaded.last_max_cloud == 42
    assert loaded.last_collections == ["spot"]
    # A list as QSettings hands back a native one (not JSON text).
    assert coerce("last_collections", ["phr", "spot"], []) == ["phr", "spot"]
    assert loaded.last_products == {"phr": "dp-9"}


def test_garbage_falls_back_to_defaults_and_limits_apply(clean_settings):
    clean_settings.setValue("up42/region", "mars")
    clean_settings.setValue("up42/page_size", "lots")
    clean_settings.setValue("up42/poll_interval_s", "1")
    clean_settings.setValue("up42/max_parallel_downloads", "99")
    clean_settings.setValue("up42/last_max_cloud", "-5")
    clean_settings.setValue("up42/last_products", "[1, 2]")

    loaded = SettingsStore.load()

    assert loaded.region == "eu"
    assert loaded.page_size == 50
    assert loaded.poll_interval_s == MIN_POLL_INTERVAL_S
    assert loaded.max_parallel_downloads == 8
    assert loaded.last_max_cloud == 0
    assert loaded.last_products == {}


@pytest.mark.parametrize(
    ("start", "end"),
    [("2026-13-01", "2026-12-31"), ("2026-01-01", ""), ("2026-05-01", "2026-04-30")],
)
def test_a_bad_remembered_date_range_is_dropped(clean_settings, start, end):
    clean_settings.setValue("up42/last_start", start)
    clean_settings.setValue("up42/last_end", end)
    clean_settings.setValue("up42/last_end_is_today", "true")

    loaded = SettingsStore.load()

    assert (loaded.last_start, loaded.last_end, loaded.last_end_is_today) == ("", "", False)


def test_update_changes_only_the_named_fields(clean_settings):
    SettingsStore.save(PluginSettings(authcfg="keepme1", page_size=77))

    updated = SettingsStore.update(last_collections=["phr", "spot"], poll_interval_s="30")

    assert updated.last_collections == ["phr", "spot"]
    assert updated.poll_interval_s == 30
    reloaded = SettingsStore.load()
    assert reloaded == updated
    assert (reloaded.authcfg, reloaded.page_size) == ("keepme1", 77)


def test_update_refuses_unknown_names(clean_settings):
    with pytest.raises(TypeError, match="pasword"):
        SettingsStore.update(pasword="x")
    assert QgsSettings().value("up42/pasword") is None


def test_region_endpoints(no_env_overrides):
    assert effective_endpoints(PluginSettings(region="eu")).api == "https://api.up42.com"
    sa = effective_endpoints(PluginSettings(region="sa"))
    assert (sa.api, sa.auth) == ("https://api.sa.up42.com", "https://auth.sa.up42.com")


def test_custom_endpoints_and_the_auth_origin_default(no_env_overrides):
    both = effective_endpoints(
        PluginSettings(region="custom", api_url="http://h:1/", auth_url="http://a:2")
    )
    same = effective_endpoints(PluginSettings(region="custom", api_url="http://h:1"))

    assert (both.api, both.auth) == ("http://h:1", "http://a:2")
    assert (same.api, same.auth) == ("http://h:1", "http://h:1")


@pytest.mark.parametrize("api_url", ["", "ftp://h", "h:8000", "http://h/?x=1"])
def test_a_bad_custom_origin_is_refused_before_any_request(no_env_overrides, api_url):
    with pytest.raises(ValidationError):
        effective_endpoints(PluginSettings(region="custom", api_url=api_url))


def test_environment_overrides_the_settings(monkeypatch):
    monkeypatch.setenv("UP42_API_URL", "http://127.0.0.1:9999")
    monkeypatch.delenv("UP42_AUTH_URL", raising=False)

    endpoints = effective_endpoints(PluginSettings(region="eu"))

    assert endpoints.api == "http://127.0.0.1:9999"
    assert endpoints.auth == "http://127.0.0.1:9999"  # the sandbox serves both
