"""Following STAC ``next`` links as the STAC API spec and pystac-client do (contract §2).

A link's ``method`` (absent means GET); a POST link's ``body``, or with ``merge: true`` the
previous body updated with it; a GET href fetched verbatim, whatever its query carries
(``token=``, ``next=``, ``page=`` …); and the legacy UP42 form ``…/stac/search?next=<opaque>``
without a method, which the SDK re-POSTs with the previous body. A link to another origin
than ``{API}`` is never followed: paging ends there, with a logged reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urljoin, urlsplit

from .json_values import JSON

log = logging.getLogger("up42_qgis.api")


@dataclass(frozen=True)
class Continuation:
    """One request of a paged search: POST ``href`` with ``body``, or GET ``href`` as is."""

    method: str
    href: str
    body: JSON | None = None

    def to_json(self) -> JSON:
        return {"method": self.method, "href": self.href, "body": self.body}

    @classmethod
    def from_json(cls, data: Any) -> Continuation | None:
        if not isinstance(data, dict) or not isinstance(data.get("href"), str):
            return None
        method = str(data.get("method") or "GET").upper()
        body = data.get("body")
        return cls(method, data["href"], dict(body) if isinstance(body, dict) else None)


def next_link(links: Any) -> JSON | None:
    if not isinstance(links, list):
        return None
    for link in links:
        if isinstance(link, dict) and link.get("rel") == "next" and link.get("href"):
            return link
    return None


def origin(url: str) -> tuple[str, str]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    default = {"http": 80, "https": 443}.get(scheme)
    try:
        port = parts.port
    except ValueError:
        port = None
    host = (parts.hostname or "").lower()
    return scheme, f"{host}:{port or default}"


def _is_legacy_next(link: JSON, href: str) -> bool:
    """UP42's deprecated form: no method, no body, and nothing in the query but ``next``."""
    if "method" in link or "body" in link:
        return False
    query = parse_qs(urlsplit(href).query, keep_blank_values=True)
    return set(query) == {"next"}


def follow(link: JSON | None, previous: Continuation, api: str) -> Continuation | None:
    """The request that fetches the page ``link`` names, or None when paging ends there."""
    if link is None:
        return None
    href = link.get("href")
    if not isinstance(href, str) or not href:
        return None
    href = urljoin(previous.href, href)  # relative hrefs resolve against the request's URL
    if origin(href) != origin(api):
        log.warning(
            "Catalog search: the next page is on another server (%s), not followed; "
            "paging ends here.",
            urlsplit(href).netloc or href[:60],
        )
        return None
    method = str(link.get("method") or "GET").upper()
    body = link.get("body")
    if method == "POST":
        if link.get("merge") is True:
            merged = dict(previous.body or {})
            merged.update(body if isinstance(body, dict) else {})
            return Continuation("POST", href, merged)
        if isinstance(body, dict):
            return Continuation("POST", href, dict(body))
        return Continuation("POST", href, dict(previous.body or {}))
    if method == "GET":
        if previous.method == "POST" and _is_legacy_next(link, href):
            return Continuation("POST", href, dict(previous.body or {}))
        return Continuation("GET", href)
    log.warning("Catalog search: a next link with method %s, not followed.", method[:10])
    return None


def next_body(link: JSON | None, previous_body: JSON) -> JSON | None:
    """The POST body that fetches the page a STAC ``next`` link names (for searches that
    always POST to one URL, like the storage search): a POST link's ``body`` (``merge``
    honoured); a GET link's ``token`` merged into the previous body."""
    if link is None:
        return None
    body = link.get("body")
    if str(link.get("method") or "GET").upper() == "POST":
        if link.get("merge") is True:
            return {**previous_body, **(body if isinstance(body, dict) else {})}
        return dict(body) if isinstance(body, dict) else None
    token = parse_qs(urlsplit(str(link["href"])).query).get("token")
    if not token:
        return None
    return {**previous_body, "token": token[0]}
