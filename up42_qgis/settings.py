"""The plugin's settings: one dataclass over the QgsSettings group ``up42``.

Only plain, non-secret values live here (QgsSettings is a plain INI file): the account is the
id of a QGIS auth config, never a user name or a password. Values are coerced by field type on
load, so a hand-edited or older INI file can never hand the plugin a wrong type.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any, get_type_hints
from urllib.parse import urlsplit

from qgis.core import QgsSettings

from .api.endpoints import Endpoints, endpoints_from_env
from .api.errors import ValidationError
from .i18n import tr
from .toolbelt.constants import (
    DEFAULT_PAGE_SIZE,
    DEFAULT_POLL_INTERVAL_S,
    MAX_PAGE_SIZE,
    MIN_POLL_INTERVAL_S,
)
from .toolbelt.folders import default_download_folder

GROUP = "up42"
REGION_CHOICES = ("eu", "sa", "custom")
MAX_PARALLEL_DOWNLOADS = 8


@dataclass
class PluginSettings:
    region: str = "eu"
    api_url: str = ""  # custom {API} origin, used when region == "custom"
    auth_url: str = ""  # custom {AUTH} origin, used when region == "custom"
    authcfg: str = ""  # the QGIS auth config id, nothing else of the account
    download_folder: str = field(default_factory=default_download_folder)
    poll_interval_s: int = DEFAULT_POLL_INTERVAL_S
    page_size: int = DEFAULT_PAGE_SIZE
    max_parallel_downloads: int = 3
    auto_download: bool = False
    # A new search replaces the previous search's footprints layer unless this is on (or the
    # user pinned that search).
    keep_search_layers: bool = False
    # The coverage planner in the Search tab: priorities most important first, the seam by
    # which neighbouring parts overlap (m), the minimum order area where the glossary has none.
    plan_priorities: list[str] = field(
        default_factory=lambda: ["cloud", "date", "count", "resolution", "incidence"]
    )
    plan_seam_m: float = 100.0
    plan_min_area_km2: float = 0.25
    # Remembered UI values.
    last_collections: list[str] = field(default_factory=list)
    last_max_cloud: int = 100
    last_sort: str = "date"
    last_ascending: bool = False
    last_products: dict[str, str] = field(default_factory=dict)  # collection -> data product id
    last_budget: str = ""  # the budget id last chosen in an order confirmation or BUDGET
    # The date range last searched, as ISO dates ("" = none yet: the last 12 months apply).
    # last_end_is_today: the end used was that day's date, so the range follows today
    # (end = today, start = today minus the same number of days) rather than stay fixed.
    last_start: str = ""
    last_end: str = ""
    last_end_is_today: bool = False
    # Order state (tracked orders, notes, pending downloads) is not a setting: it lives in
    # services.order_state.OrderStateStore.

    def normalized(self) -> PluginSettings:
        """A copy with every value inside its allowed range."""
        defaults = PluginSettings()
        last_start, last_end = _date_range(self.last_start, self.last_end)
        return replace(
            self,
            region=self.region if self.region in REGION_CHOICES else defaults.region,
            api_url=self.api_url.strip().rstrip("/"),
            auth_url=self.auth_url.strip().rstrip("/"),
            authcfg=self.authcfg.strip(),
            download_folder=self.download_folder.strip() or defaults.download_folder,
            poll_interval_s=max(MIN_POLL_INTERVAL_S, self.poll_interval_s),
            page_size=min(MAX_PAGE_SIZE, max(1, self.page_size)),
            max_parallel_downloads=min(MAX_PARALLEL_DOWNLOADS, max(1, self.max_parallel_downloads)),
            last_max_cloud=min(100, max(0, self.last_max_cloud)),
            last_sort=self.last_sort or defaults.last_sort,
            last_start=last_start,
            last_end=last_end,
            last_end_is_today=self.last_end_is_today and bool(last_end),
        )


def _date_range(start: str, end: str) -> tuple[str, str]:
    """Both ISO dates, start not after end; otherwise ("", "") (nothing remembered)."""
    try:
        first, last = date.fromisoformat(start.strip()), date.fromisoformat(end.strip())
    except ValueError:
        return "", ""
    if first > last:
        return "", ""
    return first.isoformat(), last.isoformat()


_FIELD_TYPES: dict[str, Any] = get_type_hints(PluginSettings)


def _coerce_bool(value: Any) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def decode_container(value: Any) -> Any:
    """Lists and dicts are stored as JSON text; accept a native value too (hand-written INI)."""
    if isinstance(value, str):
        try:
            return json.loads(value) if value.strip() else None
        except ValueError:
            return [part for part in value.split(",") if part]
    return value


def coerce(name: str, value: Any, default: Any) -> Any:
    """``value`` as the type of field ``name``; ``default`` when it cannot be read as one."""
    kind = _FIELD_TYPES[name]
    if value is None:
        return default
    try:
        if kind is bool:
            return _coerce_bool(value)
        if kind is int:
            return int(float(value))
        if kind is float:
            return float(value)
        if kind is str:
            return value if isinstance(value, str) else str(value)
        decoded = decode_container(value)
        if kind == list[str]:
            if isinstance(decoded, str):
                decoded = [decoded]
            if not isinstance(decoded, (list, tuple)):
                return default
            return [str(item) for item in decoded if str(item)]
        if kind == dict[str, str]:
            if not isinstance(decoded, dict):
                return default
            return {str(key): str(item) for key, item in decoded.items()}
    except (TypeError, ValueError):
        return default
    return default


def _encode(value: Any) -> Any:
    if isinstance(value, (list, dict)):
        return json.dumps(value, sort_keys=True)
    return value


class SettingsStore:
    """Reads and writes :class:`PluginSettings` under the QgsSettings group ``up42``."""

    @staticmethod
    def load() -> PluginSettings:
        settings = QgsSettings()
        defaults = PluginSettings()
        values: dict[str, Any] = {}
        for item in fields(PluginSettings):
            default = getattr(defaults, item.name)
            raw = settings.value(f"{GROUP}/{item.name}", None)
            values[item.name] = coerce(item.name, raw, default)
        return PluginSettings(**values).normalized()

    @staticmethod
    def save(plugin_settings: PluginSettings) -> None:
        settings = QgsSettings()
        for item in fields(PluginSettings):
            value = getattr(plugin_settings.normalized(), item.name)
            settings.setValue(f"{GROUP}/{item.name}", _encode(value))
        settings.sync()

    @staticmethod
    def update(**changes: Any) -> PluginSettings:
        """Load, change the named fields, save; returns the saved settings."""
        unknown = set(changes) - set(_FIELD_TYPES)
        if unknown:
            raise TypeError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        current = SettingsStore.load()
        coerced = {
            name: coerce(name, value, getattr(current, name)) for name, value in changes.items()
        }
        updated = replace(current, **coerced).normalized()
        settings = QgsSettings()
        for name in changes:
            settings.setValue(f"{GROUP}/{name}", _encode(getattr(updated, name)))
        settings.sync()
        return updated


def origin_problem(url: str) -> str | None:
    """Why ``url`` cannot be an API or auth origin, or None when it can."""
    parsed = urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        return tr("Enter an origin such as https://api.up42.com (http:// or https://, a host).")
    if parsed.query or parsed.fragment:
        return tr("An origin has no query string or fragment.")
    return None


def effective_endpoints(plugin_settings: PluginSettings | None = None) -> Endpoints:
    """The origins to talk to: ``UP42_API_URL``/``UP42_AUTH_URL`` first, then the settings.

    A custom auth origin left empty means the API origin serves both (as the sandbox does).
    Raises ValidationError for a custom origin that is empty or not an http(s) URL, so
    credentials never go to a host nobody chose.
    """
    plugin_settings = plugin_settings or SettingsStore.load()
    if plugin_settings.region == "custom":
        api = plugin_settings.api_url
        configured = Endpoints(api, plugin_settings.auth_url or api)
    else:
        configured = Endpoints.for_region(plugin_settings.region)
    endpoints = _apply_env_overrides(configured)
    for origin in (endpoints.api, endpoints.auth):
        problem = origin_problem(origin)
        if problem:
            raise ValidationError(
                tr('The custom UP42 origin "{origin}" cannot be used. {problem}').format(
                    origin=origin, problem=problem
                )
            )
    return Endpoints(endpoints.api.rstrip("/"), endpoints.auth.rstrip("/"))


def _apply_env_overrides(configured: Endpoints) -> Endpoints:
    try:
        return endpoints_from_env(configured)
    except ValueError as error:  # a malformed UP42_API_URL/UP42_AUTH_URL
        raise ValidationError(str(error)) from error
