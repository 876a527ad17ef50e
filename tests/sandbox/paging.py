"""Opaque paging tokens and page-style envelopes (contract §2)."""

from __future__ import annotations

import base64
import binascii
import json
import math
from typing import Any

from tests.sandbox.errors import bad_request

TOKEN_PREFIX = "next:"


def encode_token(offset: int) -> str:
    raw = json.dumps({"o": offset}, separators=(",", ":")).encode()
    return TOKEN_PREFIX + base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_token(token: Any) -> int:
    """The offset a token encodes; 400 when it is stale, garbled or not ours."""
    if token is None or token == "":
        return 0
    if not isinstance(token, str) or not token.startswith(TOKEN_PREFIX):
        raise bad_request("Invalid paging token", f"Unrecognised token {str(token)[:40]!r}")
    payload = token[len(TOKEN_PREFIX):]
    try:
        data = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
        offset = data["o"]
    except (binascii.Error, ValueError, KeyError, TypeError):
        raise bad_request("Invalid paging token", "The token could not be decoded") from None
    if not isinstance(offset, int) or offset < 0:
        raise bad_request("Invalid paging token", "The token's offset is invalid")
    return offset


def int_param(query: dict[str, list[str]], name: str, default: int, low: int, high: int) -> int:
    values = query.get(name)
    if not values:
        return default
    try:
        value = int(values[0])
    except ValueError:
        raise bad_request(f"Parameter {name} must be an integer") from None
    if not low <= value <= high:
        raise bad_request(f"Parameter {name} must be between {low} and {high}")
    return value


def page_of(items: list[Any], query: dict[str, list[str]], max_size: int = 100) -> dict[str, Any]:
    """Page style: content + totalPages (never 0, or the SDK's loop never ends)."""
    page = int_param(query, "page", 0, 0, 1_000_000)
    size = int_param(query, "size", 20, 1, max_size)
    total = len(items)
    content = items[page * size:(page + 1) * size]
    total_pages = max(1, math.ceil(total / size))
    return {
        "content": content,
        "totalPages": total_pages,
        "totalElements": total,
        "number": page,
        "size": size,
        "numberOfElements": len(content),
        "first": page == 0,
        "last": page + 1 >= total_pages,
        "empty": not content,
    }


def sort_items(items: list[dict[str, Any]], query: dict[str, list[str]], allowed: tuple[str, ...],
               default: str) -> list[dict[str, Any]]:
    sort = (query.get("sort") or [default])[0]
    field, _, direction = sort.partition(",")
    direction = (direction or "asc").lower()
    if field not in allowed or direction not in ("asc", "desc"):
        raise bad_request(f"Invalid sort {sort!r}", f"Sortable fields: {', '.join(allowed)}")
    return sorted(items, key=lambda item: (item.get(field) is None, item.get(field) or "",
                                           item.get("id", "")),
                  reverse=direction == "desc")
