"""The sandbox's knobs: their defaults, validation and the deterministic fault schedule."""

from __future__ import annotations

import copy
import threading
from typing import Any

from tests.sandbox.errors import bad_request

ORDER_STATES_WITH_DWELL = ("CREATED", "BEING_PLACED", "PLACED", "BEING_FULFILLED")
DEMO_DWELL = {"CREATED": 2.0, "BEING_PLACED": 2.0, "PLACED": 3.0, "BEING_FULFILLED": 10.0}
FORCEABLE_STATUSES = ("PLACEMENT_FAILED", "FAILED_PERMANENTLY")
PLACEMENT_FAULTS = (None, "delay", "drop", "error")
LICENCE_REFUSALS = ("eula", "restricted")
STAC = "https://api.stacspec.org/v1.0.0"
CATALOG_CONFORMANCE = (
    f"{STAC}/core", f"{STAC}/item-search", f"{STAC}/item-search#query",
    f"{STAC}/item-search#sort", f"{STAC}/collections", f"{STAC}/ogcapi-features",
)
# How a search page links to the next one (contract §2): the full body in a POST link, only
# the token with "merge": true, a GET href carrying every parameter, or UP42's legacy ?next=.
CATALOG_NEXT_STYLES = ("post-body", "post-merge", "get-token", "legacy-next")
# The tasking product that goes through a feasibility study by default (pneo-tasking-standard).
FEASIBILITY_PRODUCTS = ("18ef4394-db64-5361-8824-826365c11165",)
TASKING_SECONDS = ("feasibility_dwell_s", "quotation_dwell_s", "tasking_acquisition_s",
                   "quotation_expiry_s")


def default_knobs(dwell: dict[str, float] | None = None) -> dict[str, Any]:
    return {
        "latency_ms": 0,
        "rate_limit_rate": 0.0,
        "retry_after_s": 1,
        "error_rate": 0.0,
        "error_status": 503,
        "faults": [],
        "drop_download_after_bytes": 0,
        "drop_download_count": 0,
        "token_lifetime_s": 300,
        "signed_url_ttl_s": 300,
        "signed_url_expired_status": 400,
        "foreign_asset_href": None,
        "original_as_tgz": ["spot", "capella-sar"],
        "dwell": dict(dwell or DEMO_DWELL),
        "force_status": {},
        "placement_failed_resolve_s": 0,
        "estimate_errors": {},
        "estimate_credits": {},
        "eula_refused": [],
        "licence_refused_at_placement": {},
        "placement_fault": None,
        "placement_delay_s": 5.0,
        "placement_fault_count": 1,
        "asset_size_bytes": 0,
        "credits": 1_000_000,
        "budget_enforcement": False,
        "budget_limits": {},
        "catalog_conformance": list(CATALOG_CONFORMANCE),
        "catalog_stac_only_properties": False,
        "catalog_next_style": "post-body",
        "feasibility_products": list(FEASIBILITY_PRODUCTS),
        "feasibility_dwell_s": 1.0,
        "quotation_dwell_s": 1.0,
        "tasking_acquisition_s": 2.0,
        "quotation_expiry_s": 0.0,
        "quotation_expired": False,
        "quotation_credits": None,
        "tasking_partial_coverage": 1.0,
        "tasking_schema_extra": {},
    }


def _number(name: str, value: Any, minimum: float, maximum: float | None = None) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise bad_request(f"Knob {name} must be a number")
    if value < minimum or (maximum is not None and value > maximum):
        raise bad_request(f"Knob {name} must be between {minimum} and {maximum}")
    return value


def _validate_fault(fault: Any) -> dict[str, Any]:
    if not isinstance(fault, dict) or "status" not in fault:
        raise bad_request("Each fault needs at least a status")
    unknown = set(fault) - {"method", "path", "status", "count", "retry_after"}
    if unknown:
        raise bad_request(f"Unknown fault keys: {sorted(unknown)}")
    status = int(_number("faults.status", fault["status"], 100, 599))
    return {
        "method": str(fault.get("method") or "*").upper(),
        "path": str(fault.get("path") or ""),
        "status": status,
        "count": int(_number("faults.count", fault.get("count", 1), 0)),
        "retry_after": fault.get("retry_after"),
    }


def validate(changes: dict[str, Any], current: dict[str, Any]) -> dict[str, Any]:
    """Returns the validated changes; raises a 400 ApiError for unknown or invalid knobs."""
    unknown = set(changes) - set(current)
    if unknown:
        raise bad_request(f"Unknown knobs: {sorted(unknown)}")
    clean: dict[str, Any] = {}
    for name, value in changes.items():
        if name in ("rate_limit_rate", "error_rate"):
            clean[name] = float(_number(name, value, 0, 1))
        elif name == "token_lifetime_s":
            if isinstance(value, int | float) and not isinstance(value, bool) and value <= 30:
                raise bad_request("token_lifetime_s must be > 30: the SDK renews 30 s early")
            clean[name] = float(_number(name, value, 30))
        elif name == "error_status":
            clean[name] = int(_number(name, value, 500, 599))
        elif name in ("latency_ms", "retry_after_s", "signed_url_ttl_s", "placement_delay_s",
                      "placement_failed_resolve_s", *TASKING_SECONDS):
            clean[name] = _number(name, value, 0)
        elif name in ("drop_download_after_bytes", "drop_download_count", "asset_size_bytes",
                      "placement_fault_count", "credits"):
            clean[name] = int(_number(name, value, 0))
        elif name == "faults":
            if not isinstance(value, list):
                raise bad_request("faults must be a list")
            clean[name] = [_validate_fault(fault) for fault in value]
        elif name == "dwell":
            if not isinstance(value, dict) or set(value) - set(ORDER_STATES_WITH_DWELL):
                raise bad_request(f"dwell keys must be among {list(ORDER_STATES_WITH_DWELL)}")
            merged = dict(current["dwell"])
            merged.update({k: float(_number(f"dwell.{k}", v, 0)) for k, v in value.items()})
            clean[name] = merged
        elif name == "force_status":
            if not isinstance(value, dict) or any(
                v not in FORCEABLE_STATUSES for v in value.values()
            ):
                raise bad_request(f"force_status values must be among {list(FORCEABLE_STATUSES)}")
            clean[name] = dict(value)
        elif name == "estimate_errors":
            if not isinstance(value, dict):
                raise bad_request("estimate_errors must map scene ids to messages")
            clean[name] = {str(k): str(v) for k, v in value.items()}
        elif name == "estimate_credits":
            if not isinstance(value, dict) or any(
                isinstance(v, bool) or not isinstance(v, int | float) for v in value.values()
            ):
                raise bad_request("estimate_credits must map scene ids to numbers")
            clean[name] = {str(k): v for k, v in value.items()}
        elif name == "eula_refused":
            if not isinstance(value, list):
                raise bad_request("eula_refused must be a list of data product ids")
            clean[name] = [str(v) for v in value]
        elif name == "licence_refused_at_placement":
            if not isinstance(value, dict) or any(
                v not in LICENCE_REFUSALS for v in value.values()
            ):
                raise bad_request("licence_refused_at_placement maps data product ids to "
                                  f"one of {list(LICENCE_REFUSALS)}")
            clean[name] = {str(k): str(v) for k, v in value.items()}
        elif name == "budget_limits":
            if not isinstance(value, dict):
                raise bad_request("budget_limits maps budget ids to spend limits")
            clean[name] = {str(k): int(_number(f"budget_limits.{k}", v, 0))
                           for k, v in value.items()}
        elif name == "placement_fault":
            if value not in PLACEMENT_FAULTS:
                raise bad_request(f"placement_fault must be one of {list(PLACEMENT_FAULTS)}")
            clean[name] = value
        elif name == "signed_url_expired_status":
            if value not in (400, 403):
                raise bad_request("signed_url_expired_status must be 400 or 403")
            clean[name] = value
        elif name == "foreign_asset_href":
            if value is not None and not (isinstance(value, str)
                                          and value.startswith(("http://", "https://"))):
                raise bad_request("foreign_asset_href must be an http(s) URL or null")
            clean[name] = value
        elif name == "original_as_tgz":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise bad_request("original_as_tgz must be a list of collection names")
            clean[name] = list(value)
        elif name == "feasibility_products":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise bad_request("feasibility_products must be a list of data product ids")
            clean[name] = list(value)
        elif name == "tasking_schema_extra":
            if not isinstance(value, dict) or set(value) - {"properties", "required"} or not (
                    isinstance(value.get("properties", {}), dict)
                    and all(isinstance(v, dict) for v in value.get("properties", {}).values())
                    and isinstance(value.get("required", []), list)):
                raise bad_request("tasking_schema_extra is {\"properties\": {name: JSON Schema},"
                                  " \"required\": [names]}")
            clean[name] = value
        elif name == "quotation_credits":
            clean[name] = None if value is None else int(_number(name, value, 0))
        elif name == "tasking_partial_coverage":
            value = float(_number(name, value, 0, 1))
            if value <= 0:
                raise bad_request("tasking_partial_coverage must be above 0 (1: all of the AOI)")
            clean[name] = value
        elif name in ("budget_enforcement", "catalog_stac_only_properties", "quotation_expired"):
            if not isinstance(value, bool):
                raise bad_request(f"{name} must be true or false")
            clean[name] = value
        elif name == "catalog_conformance":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise bad_request("catalog_conformance must be a list of URIs")
            clean[name] = list(value)
        elif name == "catalog_next_style":
            if value not in CATALOG_NEXT_STYLES:
                raise bad_request(f"catalog_next_style must be one of {list(CATALOG_NEXT_STYLES)}")
            clean[name] = value
    return clean


class Knobs:
    """Thread-safe knob values plus the counters that make rates and faults deterministic."""

    def __init__(self, dwell: dict[str, float] | None = None) -> None:
        self._lock = threading.Lock()
        self._default_dwell = dict(dwell or DEMO_DWELL)
        self._values = default_knobs(self._default_dwell)
        self._requests_seen = 0

    def reset(self) -> None:
        with self._lock:
            self._values = default_knobs(self._default_dwell)
            self._requests_seen = 0

    def configure(self, changes: dict[str, Any]) -> dict[str, Any]:
        with self._lock:
            self._values.update(validate(changes, self._values))
            if "rate_limit_rate" in changes or "error_rate" in changes:
                self._requests_seen = 0
            return copy.deepcopy(self._values)

    def get(self, name: str) -> Any:
        with self._lock:
            return copy.deepcopy(self._values[name])

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return copy.deepcopy(self._values)

    def set_value(self, name: str, value: Any) -> None:
        with self._lock:
            self._values[name] = value

    def next_injected_failure(self, method: str, path: str) -> tuple[int, int | None] | None:
        """(status, retry_after) to answer instead of serving this request, or None.

        Explicit faults come first; then rates, spread evenly over the request sequence
        (request n fails when floor((n+1)·rate) > floor(n·rate)) so runs are repeatable.
        """
        with self._lock:
            for fault in self._values["faults"]:
                if fault["count"] <= 0 or fault["path"] not in path:
                    continue
                if fault["method"] not in ("*", method):
                    continue
                fault["count"] -= 1
                retry_after = fault["retry_after"]
                if retry_after is None and fault["status"] in (429, 503):
                    retry_after = self._values["retry_after_s"]
                return fault["status"], retry_after
            n = self._requests_seen
            self._requests_seen += 1
            retry_after = self._values["retry_after_s"]
            rate = self._values["rate_limit_rate"]
            if rate and int((n + 1) * rate) > int(n * rate):
                return 429, retry_after
            rate = self._values["error_rate"]
            if rate and int((n + 1) * rate) > int(n * rate):
                status = self._values["error_status"]
                return status, retry_after if status == 503 else None
            return None

    def take_download_drop(self) -> int | None:
        """Bytes after which to cut this download, consuming one of drop_download_count."""
        with self._lock:
            if self._values["drop_download_count"] > 0:
                self._values["drop_download_count"] -= 1
                return self._values["drop_download_after_bytes"]
            return None

    def take_placement_fault(self) -> str | None:
        with self._lock:
            fault = self._values["placement_fault"]
            if fault is None or self._values["placement_fault_count"] <= 0:
                return None
            self._values["placement_fault_count"] -= 1
            return fault
