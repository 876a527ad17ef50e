"""Token, userinfo, 401s and the product glossary."""

from __future__ import annotations

import pytest
import requests

from tests.sandbox.control import SandboxControl, SandboxError
from tests.unit.sandbox.conftest import TOKEN_PATH, Api

USERINFO = "/realms/public/protocol/openid-connect/userinfo"


def _token(sandbox: SandboxControl, **fields: str) -> requests.Response:
    data = {"grant_type": "password", "username": sandbox.username,
            "password": sandbox.password, "client_id": "anything", "scope": "openid"}
    data.update(fields)
    return requests.post(sandbox.url + TOKEN_PATH, data=data, timeout=10)


def test_password_grant_returns_a_bearer_token(sandbox: SandboxControl) -> None:
    response = _token(sandbox)
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "Bearer"
    assert body["expires_in"] == 300
    userinfo = requests.get(sandbox.url + USERINFO, timeout=10,
                            headers={"Authorization": f"Bearer {body['access_token']}"})
    assert userinfo.status_code == 200
    assert userinfo.json()["sub"] == sandbox.workspace_id
    assert userinfo.json()["email"] == sandbox.username


def test_refresh_grant(sandbox: SandboxControl) -> None:
    refresh = _token(sandbox).json()["refresh_token"]
    response = requests.post(sandbox.url + TOKEN_PATH, timeout=10, data={
        "grant_type": "refresh_token", "refresh_token": refresh, "client_id": "up42-api"})
    assert response.status_code == 200
    assert response.json()["access_token"]


def test_wrong_credentials_get_keycloaks_401(sandbox: SandboxControl) -> None:
    response = _token(sandbox, password="wrong")
    assert response.status_code == 401
    assert response.json() == {"error": "invalid_grant",
                               "error_description": "Invalid user credentials"}


def test_missing_fields_get_400(sandbox: SandboxControl) -> None:
    response = requests.post(sandbox.url + TOKEN_PATH, data={"grant_type": "password"},
                             timeout=10)
    assert response.status_code == 400
    assert response.json()["error"] == "invalid_request"


@pytest.mark.parametrize("header", [None, "Bearer nonsense", "Basic abc"])
def test_missing_or_unknown_token_gets_401(sandbox: SandboxControl, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = requests.get(sandbox.url + "/v2/orders", headers=headers, timeout=10)
    assert response.status_code == 401
    assert response.json()["status"] == 401
    assert response.json()["title"].startswith("Unauthorized")


def test_expired_token_gets_401(api: Api, sandbox: SandboxControl) -> None:
    assert api.get("/v2/collections").status_code == 200
    sandbox.expire_tokens()
    response = api.get("/v2/collections")
    assert response.status_code == 401
    assert "expired" in response.json()["title"]
    assert api.get(USERINFO).status_code == 401


def test_token_lifetime_knob(sandbox: SandboxControl) -> None:
    sandbox.configure(token_lifetime_s=45)
    assert _token(sandbox).json()["expires_in"] == 45
    with pytest.raises(SandboxError, match="must be > 30"):
        sandbox.configure(token_lifetime_s=30)


def test_token_for_gives_a_working_token(sandbox: SandboxControl) -> None:
    token = sandbox.token_for()
    response = requests.get(sandbox.url + USERINFO, timeout=10,
                            headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200


def test_glossary_shapes_and_paging(api: Api) -> None:
    first = api.get("/v2/collections", params={"page": 0, "size": 2, "sort": "name,asc"}).json()
    assert first["totalElements"] == 5
    assert first["totalPages"] == 3
    assert first["number"] == 0
    assert first["first"]
    assert not first["last"]
    names = [c["name"] for c in first["content"]]
    assert names == sorted(names)
    everything = api.get("/v2/collections", params={"size": 100}).json()
    for collection in everything["content"]:
        assert {"name", "title", "description", "type", "integrations", "providers",
                "dataProducts"} <= set(collection)
        for provider in collection["providers"]:
            assert set(provider) <= {"name", "title", "description", "roles"}
        assert set(collection["metadata"]["resolutionValue"]) <= {"minimum", "maximum"}
    tasking = api.get("/v2/collections", params={"type": "TASKING"}).json()
    assert [c["name"] for c in tasking["content"]] == ["pneo-tasking"]
    empty_page = api.get("/v2/collections", params={"page": 9}).json()
    assert empty_page["content"] == []
    assert empty_page["totalPages"] == 1
    assert api.get("/v2/collections", params={"size": 0}).status_code == 400


def test_schema_endpoint(api: Api) -> None:
    product = api.product("phr-display")
    schema = api.get(f"/orders/schema/{product['id']}").json()
    assert schema["required"] == ["id"]
    assert api.get("/orders/schema/unknown").status_code == 404


def test_unknown_path_is_a_404_problem(api: Api) -> None:
    response = api.get("/v2/nothing-here")
    assert response.status_code == 404
    assert set(response.json()) == {"status", "title", "detail"}
