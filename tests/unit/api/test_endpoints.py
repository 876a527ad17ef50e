"""Regions, custom origins and the environment overrides of headless runs."""

from __future__ import annotations

import pytest

from up42_qgis.api.client import Credentials, Endpoints
from up42_qgis.api.endpoints import credentials_from_env, endpoints_from_env

EU = Endpoints.for_region("eu")


def test_regions():
    assert Endpoints("https://api.up42.com", "https://auth.up42.com") == EU
    assert Endpoints.for_region("sa").api == "https://api.sa.up42.com"
    assert EU.token_url == "https://auth.up42.com/realms/public/protocol/openid-connect/token"


def test_custom_origin_serves_auth_too_and_loses_its_trailing_slash():
    sandbox = Endpoints.custom("http://127.0.0.1:8642/")
    assert sandbox == Endpoints("http://127.0.0.1:8642", "http://127.0.0.1:8642")
    assert sandbox.api_url("/v2/orders") == "http://127.0.0.1:8642/v2/orders"
    with pytest.raises(ValueError, match="Not an http"):
        Endpoints.custom("ftp://example.com")


def test_environment_overrides_the_settings():
    assert endpoints_from_env(EU, {}) == EU
    both = endpoints_from_env(EU, {"UP42_API_URL": "http://a:1/", "UP42_AUTH_URL": "http://b:2"})
    assert both == Endpoints("http://a:1", "http://b:2")
    # Only the API origin: the auth paths live on it too (the sandbox's layout).
    assert endpoints_from_env(EU, {"UP42_API_URL": "http://a:1"}) == Endpoints(
        "http://a:1", "http://a:1"
    )
    assert endpoints_from_env(EU, {"UP42_AUTH_URL": "http://b:2"}) == Endpoints(
        EU.api, "http://b:2"
    )


def test_credentials_from_the_environment_need_both_values():
    assert credentials_from_env({}) is None
    assert credentials_from_env({"UP42_USERNAME": "me@example.com"}) is None
    found = credentials_from_env({"UP42_USERNAME": "me@example.com", "UP42_PASSWORD": "s3cret!"})
    assert found == Credentials("me@example.com", "s3cret!")
    assert "s3cret!" not in repr(found)


def test_a_malformed_override_names_the_variable():
    with pytest.raises(ValueError, match=r"^UP42_AUTH_URL: Not an http"):
        endpoints_from_env(EU, {"UP42_AUTH_URL": "auth.example.com"})
