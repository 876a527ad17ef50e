"""Search cost beyond the server's: the plugin's client against the official up42-py SDK.

Run with ``.venv-noqt/bin/python -m tests.benchmarks.search_runner URL USER PASSWORD`` from
the repository root: both contenders then use the same interpreter and the same requests, in
the same process, against the same sandbox, alternating repetition by repetition.

What "own time" means: every HTTP exchange goes through ``requests.Session.send`` (the plugin's
http wrapper and pystac-client alike), and ``send`` returns only once the body has been read.
Time inside the outermost ``send`` is the server's (plus the socket); everything else a search
takes is the client's own: building requests, JSON decoding, building models, paging.
Prints one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from datetime import date

os.environ["UP42_DISABLE_VERSION_CHECK"] = "true"  # before ``import up42``: no pypi.org call

import requests

from tests.benchmarks.harness import WORLD_AOI, WORLD_END, WORLD_START


class SendClock:
    """Accumulates wall time spent inside the outermost ``requests.Session.send``."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self.calls = 0
        self._depth = 0
        original = requests.Session.send

        def timed_send(session: requests.Session, request, **kwargs):
            self._depth += 1
            start = time.perf_counter()
            try:
                return original(session, request, **kwargs)
            finally:
                self._depth -= 1
                if self._depth == 0:  # redirects call send() again from inside send()
                    self.seconds += time.perf_counter() - start
                    self.calls += 1

        requests.Session.send = timed_send  # type: ignore[method-assign]


def plugin_search(base_url: str, username: str, password: str, page_size: int) -> Callable:
    from up42_qgis.api.client import Credentials, Endpoints, Up42Client
    from up42_qgis.api.models import SearchRequest

    client = Up42Client(Endpoints(base_url, base_url), Credentials(username, password))
    client.account()  # sign in outside the measurement, as the SDK does in authenticate()
    request = SearchRequest(
        aoi=WORLD_AOI,
        start=date.fromisoformat(WORLD_START[:10]),
        end=date.fromisoformat(WORLD_END[:10]),
        page_size=page_size,
    )

    def pages():
        for page in client.search(request):
            yield len(page.scenes)

    return pages


def sdk_search(base_url: str, username: str, password: str, page_size: int) -> Callable:
    import up42

    up42.host.endpoint = lambda path: base_url + path
    up42.host.token_endpoint = lambda: base_url + "/realms/public/protocol/openid-connect/token"
    up42.host.user_info_endpoint = (
        lambda: base_url + "/realms/public/protocol/openid-connect/userinfo"
    )
    up42.authenticate(username=username, password=password)
    catalog = up42.catalog_client()  # the landing page is fetched once, outside the measurement

    def pages():
        search = catalog.search(
            intersects=WORLD_AOI,
            datetime=f"{WORLD_START}/{WORLD_END}",
            limit=page_size,
            sortby=[{"field": "properties.datetime", "direction": "desc"}],
        )
        for page in search.pages():
            yield len(page.items)

    return pages


def measure(pages: Callable, clock: SendClock, page_target: int) -> dict:
    """Search again and again until ``page_target`` pages have arrived; own time per page."""
    fetched = scenes = 0
    clock.seconds = 0.0
    clock.calls = 0
    start = time.perf_counter()
    while fetched < page_target:
        progressed = False
        for count in pages():
            progressed = True
            fetched += 1
            scenes += count
            if fetched == page_target:
                break
        if not progressed:
            raise RuntimeError("the search returned no page")
    wall = time.perf_counter() - start
    return {
        "pages": fetched,
        "scenes": scenes,
        "wall_s": wall,
        "server_s": clock.seconds,
        "requests": clock.calls,
        "own_ms_per_page": (wall - clock.seconds) * 1000.0 / fetched,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("username")
    parser.add_argument("password")
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--page-size", type=int, default=500)
    parser.add_argument("--repetitions", type=int, default=5)
    args = parser.parse_args()

    clock = SendClock()
    contenders = {
        "plugin": plugin_search(args.url, args.username, args.password, args.page_size),
        "sdk": sdk_search(args.url, args.username, args.password, args.page_size),
    }
    for pages in contenders.values():  # warm-up: imports, connection pools, caches
        measure(pages, clock, 1)
    results: dict[str, list[dict]] = {name: [] for name in contenders}
    for repetition in range(args.repetitions):
        # Alternate which one goes first, so drift on a noisy machine hits both alike.
        order = list(contenders) if repetition % 2 == 0 else list(reversed(contenders))
        for name in order:
            results[name].append(measure(contenders[name], clock, args.pages))
    json.dump(results, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
