"""A catalog search's GET query as a POST body and back, and its ``next`` links in the style
the ``catalog_next_style`` knob chooses (contract §2)."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from tests.sandbox.errors import bad_request


def body_from_query(query: dict[str, list[str]]) -> dict[str, Any]:
    """A GET search's query parameters as the equivalent POST body."""
    def first(name: str) -> str | None:
        values = query.get(name)
        return values[0] if values else None

    def parse_json(name: str) -> Any:
        text = first(name)
        try:
            return json.loads(text) if text is not None else None
        except json.JSONDecodeError:
            raise bad_request(f"Parameter {name} is not valid JSON") from None

    body: dict[str, Any] = {}
    if first("collections"):
        body["collections"] = [c for c in first("collections").split(",") if c]
    if first("ids"):
        body["ids"] = [i for i in first("ids").split(",") if i]
    if first("bbox"):
        try:
            body["bbox"] = [float(v) for v in first("bbox").split(",")]
        except ValueError:
            raise bad_request("bbox must be 4 comma-separated numbers") from None
    if first("intersects"):
        body["intersects"] = parse_json("intersects")
    if first("datetime"):
        body["datetime"] = first("datetime")
    if first("limit") is not None:
        try:
            body["limit"] = int(first("limit"))
        except ValueError:
            raise bad_request("limit must be an integer between 1 and 500") from None
    if first("query"):
        body["query"] = parse_json("query")
    if first("sortby"):
        body["sortby"] = first("sortby")
    if first("token"):
        body["token"] = first("token")
    if first("filter"):
        # GET defaults to cql2-text, which the sandbox does not read: JSON needs filter-lang.
        lang = first("filter-lang") or "cql2-text"
        body["filter-lang"] = lang
        body["filter"] = parse_json("filter") if lang == "cql2-json" else first("filter")
    if first("next") and not first("token"):
        body["token"] = first("next")  # the legacy-next style: the token travels as ?next=
    return body


def query_pairs_of(body: dict[str, Any]) -> list[tuple[str, str]]:
    """A POST body as the query of the equivalent GET search (for GET next links)."""
    pairs: list[tuple[str, str]] = []
    for name, value in body.items():
        if name in ("collections", "ids", "bbox") and isinstance(value, list):
            pairs.append((name, ",".join(str(v) for v in value)))
        elif name == "sortby" and isinstance(value, list):
            pairs.append((name, ",".join(("-" if str(e.get("direction")).lower() == "desc"
                                           else "") + str(e.get("field")) for e in value)))
        elif isinstance(value, dict | list):
            pairs.append((name, json.dumps(value, separators=(",", ":"))))
        elif value is not None:
            pairs.append((name, str(value)))
    if "filter" in body:
        pairs = [(k, v) for k, v in pairs if k != "filter-lang"] + [("filter-lang", "cql2-json")]
    return pairs


def next_link(style: str, method: str, search_url: str, body: dict[str, Any],
               query_pairs: list[tuple[str, str]], token: str) -> dict[str, Any]:
    """The ``next`` link in the knob's style (``catalog_next_style``, contract §2)."""
    kind = "application/geo+json"
    if method == "POST" and style == "post-body":
        return {"rel": "next", "href": search_url, "type": kind, "method": "POST",
                "body": {**body, "token": token}}
    if method == "POST" and style == "post-merge":
        return {"rel": "next", "href": search_url, "type": kind, "method": "POST",
                "merge": True, "body": {"token": token}}
    if method == "POST" and style == "legacy-next":  # re-POST the same body to this href
        return {"rel": "next", "href": f"{search_url}?{urlencode([('next', token)])}"}
    if method == "POST":  # get-token: a GET href that carries the whole search
        query_pairs = query_pairs_of({k: v for k, v in body.items() if k != "token"})
    name = "next" if style == "legacy-next" else "token"
    pairs = [(k, v) for k, v in query_pairs if k not in ("token", "next")] + [(name, token)]
    return {"rel": "next", "href": f"{search_url}?{urlencode(pairs)}", "type": kind,
            "method": "GET"}
