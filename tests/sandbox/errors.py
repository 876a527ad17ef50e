"""Errors the sandbox answers with, in the body style of the endpoint that raised them."""

from __future__ import annotations

from typing import Any

# Body styles (contract §2): problem for {API}/v2/**, v1 envelope for legacy /catalog/**,
# Keycloak for the token endpoint, plain text for signed URLs.
PROBLEM = "problem"
V1 = "v1"
KEYCLOAK = "keycloak"
TEXT = "text"


class ApiError(Exception):
    """An error response; the handler renders it in the body style of the request's path."""

    def __init__(
        self,
        status: int,
        title: str,
        detail: Any = None,
        *,
        headers: dict[str, str] | None = None,
        keycloak_error: str = "invalid_request",
        content_type: str | None = None,
    ) -> None:
        super().__init__(title)
        self.status = status
        self.title = title
        self.detail = detail
        self.headers = headers or {}
        self.keycloak_error = keycloak_error
        self.content_type = content_type  # of a text-style body (signed URLs answer XML)

    def body(self, style: str) -> dict[str, Any] | str:
        if style == TEXT:
            return self.title
        if style == KEYCLOAK:
            return {"error": self.keycloak_error, "error_description": self.title}
        if style == V1:
            details = self.detail if isinstance(self.detail, str) else ""
            return {
                "data": None,
                "error": {"code": self.status, "message": self.title, "details": details},
            }
        return {"status": self.status, "title": self.title, "detail": self.detail}


def bad_request(title: str, detail: Any = None) -> ApiError:
    return ApiError(400, title, detail)


def not_found(title: str) -> ApiError:
    return ApiError(404, title)


def body_style(path: str) -> str:
    if path.startswith("/realms/"):
        return KEYCLOAK
    if path.startswith("/catalog/"):
        return V1
    if path.startswith("/signed/"):
        return TEXT
    return PROBLEM
