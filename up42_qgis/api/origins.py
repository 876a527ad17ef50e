"""Whether a URL from a server lies under ``{API}``: the bearer token and ``download-url``
calls go there only, over ``{API}``'s own scheme (contract §8.1, revision 2)."""

from __future__ import annotations

from urllib.parse import urlsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


def _port(scheme: str, port: int | None) -> int | None:
    return port if port is not None else _DEFAULT_PORTS.get(scheme)


def is_under_origin(url: str, api: str) -> bool:
    """Same scheme, host and port as ``api``, and a path under ``api``'s path prefix."""
    try:
        target, base = urlsplit(url), urlsplit(api)
        target_port, base_port = target.port, base.port
    except ValueError:  # a malformed port
        return False
    scheme = target.scheme.lower()
    if scheme != base.scheme.lower() or scheme not in _DEFAULT_PORTS:
        return False
    if (target.hostname or "").lower() != (base.hostname or "").lower() or not target.hostname:
        return False
    if _port(scheme, target_port) != _port(scheme, base_port):
        return False
    prefix = base.path.rstrip("/")
    return not prefix or target.path == prefix or target.path.startswith(prefix + "/")
