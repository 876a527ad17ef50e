"""The benchmark harness: the rows we report, how they are judged, and how they are written.

Qt-free on purpose, so the subprocess probes and the Qt-free search runner can share it.
A row's ``target`` is a readable comparison ("< 50", ">= 0.9 x baseline"); ``met`` is
computed from the value (and the baseline measured in the same run, where there is one).
"""

from __future__ import annotations

import json
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MIB = 1024 * 1024
GIB = 1024 * MIB

try:  # the download engine's chunk: "bytes sent again" may be 1 % of the file plus one chunk
    from up42_qgis.api.download import DEFAULT_CHUNK_SIZE as CHUNK_SIZE
except ImportError:
    CHUNK_SIZE = MIB
RESENT_LIMIT_MIB = 0.01 * GIB / MIB + CHUNK_SIZE / MIB


@dataclass(frozen=True)
class RowSpec:
    name: str
    unit: str
    target: str
    met: Callable[[float, float | None], bool]


def _below(limit: float) -> Callable[[float, float | None], bool]:
    return lambda value, _baseline: value < limit


def _ratio_at_most(ratio: float) -> Callable[[float, float | None], bool]:
    return lambda value, baseline: baseline is not None and value <= ratio * baseline


def _ratio_at_least(ratio: float) -> Callable[[float, float | None], bool]:
    return lambda value, baseline: baseline is not None and value >= ratio * baseline


# Every row the suite can produce, in report order. Keys are what tests record against.
ROW_SPECS: dict[str, RowSpec] = {
    "stall_search": RowSpec(
        "GUI stall during a search returning 2,000 scenes (longest heartbeat gap; baseline: idle)",
        "ms", "< 50", _below(50),
    ),
    "stall_estimate": RowSpec(
        "GUI stall during an estimate of 50 scenes (longest heartbeat gap; baseline: idle)",
        "ms", "< 50", _below(50),
    ),
    "stall_download": RowSpec(
        "GUI stall during the download of a 1 GiB asset (longest heartbeat gap; baseline: idle)",
        "ms", "< 50", _below(50),
    ),
    "stall_footprints": RowSpec(
        "GUI stall during the creation of a 10,000-scene footprints layer "
        "(longest heartbeat gap; baseline: idle)",
        "ms", "< 50", _below(50),
    ),
    "stall_sort_results": RowSpec(
        "GUI stall sorting the results table's 10,000 rows by a column "
        "(longest heartbeat gap; baseline: idle)",
        "ms", "< 50", _below(50),
    ),
    "stall_select_results": RowSpec(
        "GUI stall selecting all 10,000 result rows and syncing them to the footprints layer "
        "(longest heartbeat gap; baseline: idle)",
        "ms", "< 50", _below(50),
    ),
    "footprints_build": RowSpec(
        "Footprints layer for 10,000 scenes: parse JSON, build layer, add to project",
        "s", "< 1", _below(1.0),
    ),
    "search_own_time": RowSpec(
        "Search: client's own time per page of 500 scenes (baseline: up42-py 4.3.0 SDK)",
        "ms/page", "<= 1.0 x baseline", _ratio_at_most(1.0),
    ),
    "download_throughput": RowSpec(
        "Download throughput of a 1 GiB asset (baseline: curl, same signed URL)",
        "MiB/s", ">= 0.9 x baseline", _ratio_at_least(0.9),
    ),
    "download_memory": RowSpec(
        "Peak memory growth during the 1 GiB download (RSS high-water mark)",
        "MiB", "< 64", _below(64),
    ),
    "download_resent": RowSpec(
        "Bytes transferred again after a drop at 512 MiB of a 1 GiB download "
        "(target: 1% of the file + one chunk)",
        "MiB", f"< {RESENT_LIMIT_MIB:.2f}", _below(RESENT_LIMIT_MIB),
    ),
    "planning_time": RowSpec(
        "Coverage plan: 2,000 candidate footprints over a 10,000 km² AOI, in a QgsTask",
        "s", "< 1", _below(1.0),
    ),
    "stall_planning": RowSpec(
        "GUI stall while planning 2,000 footprints over 10,000 km² "
        "(longest heartbeat gap; baseline: idle)",
        "ms", "< 50", _below(50),
    ),
    "planning_memory": RowSpec(
        "Peak memory growth while planning 2,000 footprints over 10,000 km² (RSS high-water)",
        "MiB", "< 64", _below(64),
    ),
    "startup": RowSpec(
        "Start-up: import up42_qgis + classFactory(iface).initGui() in a fresh QGIS process",
        "ms", "< 150", _below(150),
    ),
    "tracking_requests": RowSpec(
        "Tracking: requests per poll interval with 50 open orders",
        "requests/poll", "<= 1 (one list call)", lambda value, _baseline: value <= 1,
    ),
}


@dataclass
class Row:
    key: str
    value: float | None = None
    baseline: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def spec(self) -> RowSpec:
        return ROW_SPECS[self.key]

    @property
    def met(self) -> bool:
        if self.value is None:
            return False
        return bool(self.spec.met(self.value, self.baseline))

    def as_json(self) -> dict:
        return {
            "name": self.spec.name,
            "value": _rounded(self.value),
            "unit": self.spec.unit,
            "target": self.spec.target,
            "baseline": _rounded(self.baseline),
            "met": self.met,
        }


def _rounded(number: float | None) -> float | None:
    if number is None:
        return None
    return float(f"{number:.4g}") if abs(number) < 1000 else round(number, 1)


def median(values: list[float]) -> float:
    return float(statistics.median(values))


def write_results(rows: list[Row], json_path: Path, markdown_path: Path) -> None:
    ordered = sorted(rows, key=lambda row: list(ROW_SPECS).index(row.key))
    json_path.write_text(json.dumps([row.as_json() for row in ordered], indent=2) + "\n")
    markdown_path.write_text(markdown_table(ordered))


def markdown_table(rows: list[Row]) -> str:
    def cell(value: object) -> str:
        if value is None:
            return "n/a"
        return str(value).replace("|", "\\|")

    lines = [
        "| name | value | unit | target | baseline | met |",
        "|---|---:|---|---|---:|---|",
    ]
    for row in rows:
        data = row.as_json()
        lines.append(
            "| "
            + " | ".join(
                cell(data[key]) for key in ("name", "value", "unit", "target", "baseline")
            )
            + f" | {'yes' if data['met'] else '**no**'} |"
        )
    notes = [(row.spec.name, note) for row in rows for note in row.notes]
    if notes:
        lines += ["", "Notes:", ""]
        lines += [f"- {name}: {note}" for name, note in notes]
    return "\n".join(lines) + "\n"


# --- the sandbox's catalog, fetched with plain requests (contract §3.1, §5.2) ------------------
WORLD_AOI = {
    "type": "Polygon",
    "coordinates": [[[-180.0, -85.0], [180.0, -85.0], [180.0, 85.0], [-180.0, 85.0],
                     [-180.0, -85.0]]],
}
WORLD_START = "2015-01-01T00:00:00Z"
WORLD_END = "2026-12-31T23:59:59Z"


def world_search_body(limit: int = 500) -> dict:
    """Every archive scene of the world, newest first: the widest search the contract allows."""
    return {
        "intersects": WORLD_AOI,
        "datetime": f"{WORLD_START}/{WORLD_END}",
        "limit": limit,
        "sortby": [{"field": "properties.datetime", "direction": "desc"}],
    }


def sandbox_token(session, base_url: str, username: str, password: str) -> str:
    response = session.post(
        f"{base_url}/realms/public/protocol/openid-connect/token",
        data={"grant_type": "password", "username": username, "password": password,
              "client_id": "up42-api", "scope": "openid"},
        timeout=30,
    )
    response.raise_for_status()
    return response.json()["access_token"]


def fetch_search_pages(base_url: str, username: str, password: str, body: dict,
                       max_pages: int | None = None) -> list[dict]:
    """The raw FeatureCollection pages of a catalog search, following POST next links."""
    import requests

    with requests.Session() as session:
        session.headers["Authorization"] = "Bearer " + sandbox_token(
            session, base_url, username, password
        )
        url, payload, pages = f"{base_url}/v2/catalog/search", dict(body), []
        while True:
            response = session.post(url, json=payload, timeout=60)
            response.raise_for_status()
            page = response.json()
            pages.append(page)
            next_link = next(
                (link for link in page.get("links", []) if link.get("rel") == "next"), None
            )
            if not page.get("features") or next_link is None:
                return pages
            if max_pages is not None and len(pages) >= max_pages:
                return pages
            url, payload = next_link["href"], next_link.get("body") or payload


def replicate_features(features: list[dict], count: int) -> list[dict]:
    """``count`` scene features cycling through ``features``, each copy with a fresh id, so a
    small world still gives a 10,000-scene result of real sandbox footprints."""
    import copy
    import uuid

    result = []
    for index in range(count):
        feature = copy.deepcopy(features[index % len(features)])
        if index >= len(features):
            fresh = str(uuid.uuid5(uuid.NAMESPACE_URL, f"bench:{feature['id']}:{index}"))
            feature["id"] = fresh
            feature.setdefault("properties", {})["id"] = fresh
        result.append(feature)
    return result
