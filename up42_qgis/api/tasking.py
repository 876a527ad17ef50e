"""Tasking: order a new acquisition (the SDK's ``tasking.py`` and ``order_template.py``).

The steps, each a method of ``TaskingApi`` (reached through ``Up42Client``) or a function:
1. ``find_data_product`` and ``TaskingApi.schema``: the product's order form.
2. ``tasking_request``: the form's values checked against it (OrderFormError, nothing sent)
   and turned into an ``OrderRequest`` that ``Up42Client.place_order`` places exactly once,
   with the archive orders' rules (unique request tag, placement journal, lookup after an
   ambiguous answer).
3. ``feasibility_studies`` / ``accept_feasibility_option`` and ``quotations`` /
   ``decide_quotation``: these cost money, so they take the user's decision as an argument
   (an accept also the price the user saw) and never decide anything by themselves. A study
   or quotation decided elsewhere or expired raises DecisionClosedError; a price above what
   the user confirmed PriceChangedError; nothing is PATCHed then.
4. ``coverage``: what the delivered imagery covers of the AOI.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from .endpoints import Endpoints
from .errors import (
    DecisionClosedError,
    DecisionUnknownError,
    NotFoundError,
    OrderFormError,
    PriceChangedError,
    Up42Error,
    ValidationError,
)
from .http import Transport
from .json_values import JSON
from .models import Collection, DataProduct, OrderRequest
from .order_schema import OrderSchema, build_params, parse_schema, validate
from .tasking_models import Decision, FeasibilityStudy, OrderCoverage, Quotation

__all__ = [
    "TASKING_TAG",
    "TaskingApi",
    "find_data_product",
    "tasking_request",
]

log = logging.getLogger("up42_qgis.api")

TASKING_TAG = "qgis-tasking"
PAGE_SIZE = 100
MAX_PAGES = 100
QUOTATIONS = "/v2/tasking/quotation"
STUDIES = "/v2/tasking/feasibility-studies"
# Answers to a decision PATCH that say it cannot be made (any more).
CLOSED_STATUSES = frozenset({409, 410})
_EXPIRED = re.compile(r"expir|no longer valid|timed? ?out", re.IGNORECASE)
T = TypeVar("T", Quotation, FeasibilityStudy)


def find_data_product(
    collections: Iterable[Collection], key: str, tasking_only: bool = True
) -> tuple[Collection, DataProduct] | None:
    """The orderable data product whose id, name or (case-insensitively) title is ``key``,
    with its collection; by default among TASKING collections only."""
    wanted = key.strip()
    candidates = [
        (c, p)
        for c in collections
        if not tasking_only or c.type.upper() == "TASKING"
        for p in c.orderable_products
    ]
    for matches in (
        lambda p: p.id == wanted,
        lambda p: p.name == wanted,
        lambda p: p.title.casefold() == wanted.casefold(),
    ):
        found = [(c, p) for c, p in candidates if matches(p)]
        if found:
            return found[0]
    return None


def tasking_request(
    schema: OrderSchema,
    data_product_id: str,
    display_name: str,
    geometry: JSON | None,
    values: Mapping[str, Any],
    *,
    today: date,
    tags: Sequence[str] = ("qgis", TASKING_TAG),
    budget_id: str | None = None,
) -> OrderRequest:
    """The tasking order to place, after checking the values and the geometry against the
    schema: raises OrderFormError with every ``Problem`` when they do not fit (then nothing
    may be sent). A ``displayName`` field of the schema is filled from ``display_name``."""
    form = dict(values)
    if schema.field("displayName") is not None and not form.get("displayName"):
        form["displayName"] = display_name
    problems = validate(schema, form, today, geometry)
    if problems:
        raise OrderFormError(
            "The order form does not fit the data product's schema: "
            + "; ".join(map(str, problems)),
            tuple(problems),
        )
    params = build_params(schema, form)
    digest = hashlib.sha256(
        json.dumps(params, sort_keys=True, separators=(",", ":")).encode("utf-8")
    ).hexdigest()[:16]
    return OrderRequest(
        data_product_id=data_product_id,
        scene_id=f"tasking:{digest}",
        aoi=geometry or {},
        display_name=display_name,
        tags=tuple(tags),
        budget_id=budget_id,
        params=params,
        geometry_types=schema.geometry_types,
    )


class TaskingApi:
    def __init__(
        self, transport: Transport, endpoints: Endpoints, workspace_id: Callable[[], str]
    ) -> None:
        self._transport = transport
        self._endpoints = endpoints
        self._workspace_id = workspace_id

    # --- the order form ----------------------------------------------------------------------
    def schema(self, data_product_id: str) -> OrderSchema:
        """``GET /orders/schema/{dataProductId}`` read into an OrderSchema (404: unknown
        product; 451: a LicenceError saying whether the EULA or the access is missing)."""
        if not data_product_id:
            raise ValidationError("This data product cannot be ordered (it has no id).")
        payload = self._transport.json(
            "GET", self._endpoints.api_url(f"/orders/schema/{data_product_id}")
        )
        return parse_schema(payload)

    # --- listing ---------------------------------------------------------------------------
    def quotations(
        self, order_ids: Sequence[str] | None = None, decisions: Sequence[str] | None = None
    ) -> list[Quotation]:
        """Every page of the workspace's quotations, newest first; only those of
        ``order_ids`` (an empty list: none) and with one of ``decisions`` when given."""
        return self._list(QUOTATIONS, Quotation.from_json, order_ids, decisions)

    def feasibility_studies(
        self, order_ids: Sequence[str] | None = None, decisions: Sequence[str] | None = None
    ) -> list[FeasibilityStudy]:
        """Every page of the workspace's feasibility studies, filtered like ``quotations``."""
        return self._list(STUDIES, FeasibilityStudy.from_json, order_ids, decisions)

    def quotation(self, quotation_id: str) -> Quotation:
        return self._one(QUOTATIONS, Quotation.from_json, quotation_id, "quotation")

    def feasibility_study(self, study_id: str) -> FeasibilityStudy:
        return self._one(STUDIES, FeasibilityStudy.from_json, study_id, "feasibility study")

    def _list(
        self,
        path: str,
        build: Callable[[JSON], T],
        order_ids: Sequence[str] | None,
        decisions: Sequence[str] | None,
        item_id: str | None = None,
    ) -> list[T]:
        if order_ids is not None and not order_ids:
            return []
        wanted_decisions = {str(d) for d in decisions or ()}
        found: dict[str, T] = {}
        for order_id in order_ids or (None,):
            params: list[tuple[str, Any]] = [
                ("workspaceId", self._workspace_id()),
                ("sort", "createdAt,desc"),
                ("size", PAGE_SIZE),
            ]
            if order_id:
                params.append(("orderId", order_id))
            if item_id:
                params.append(("id", item_id))
            params += [("decision", d) for d in sorted(wanted_decisions)]
            for item in map(build, self._pages(path, params)):
                # The filters again here: a server that ignores one never widens the answer.
                if order_id and item.order_id != order_id:
                    continue
                if item_id and item.id != item_id:
                    continue
                if wanted_decisions and str(item.decision) not in wanted_decisions:
                    continue
                found.setdefault(item.id, item)
        return list(found.values())

    def _pages(self, path: str, params: list[tuple[str, Any]]) -> Iterable[JSON]:
        for page in range(MAX_PAGES):
            payload = self._transport.json(
                "GET", self._endpoints.api_url(path), params=[*params, ("page", page)]
            )
            yield from (c for c in payload.get("content") or () if isinstance(c, dict))
            total_pages = payload.get("totalPages")
            if not isinstance(total_pages, int) or page + 1 >= total_pages:
                return

    def _one(self, path: str, build: Callable[[JSON], T], item_id: str, noun: str) -> T:
        if not item_id:
            raise ValidationError(f"No {noun} id given.")
        found = self._list(path, build, None, None, item_id=item_id)
        if not found:
            raise NotFoundError(f"The {noun} {item_id} is not in this workspace.", 404)
        return found[0]

    # --- decisions (money: only with the user's explicit decision) ---------------------------
    def decide_quotation(
        self,
        quotation_id: str,
        decision: Decision | str,
        *,
        confirmed_credits: float | None = None,
    ) -> Quotation:
        """Sends the user's decision (ACCEPTED or REJECTED) once, after reading the
        quotation again: an accept needs ``confirmed_credits``, the price the user said yes
        to, and is refused (PriceChangedError) when UP42's price is above it. Raises
        DecisionClosedError when the quotation is decided already or expired."""
        chosen = Decision.parse(decision)
        if chosen not in (Decision.ACCEPTED, Decision.REJECTED):
            raise ValidationError("A quotation can only be ACCEPTED or REJECTED.")
        if chosen == Decision.ACCEPTED and confirmed_credits is None:
            raise ValidationError("Accepting a quotation needs the price the user confirmed.")
        current = self.quotation(quotation_id)
        self._still_open(current, "quotation")
        if chosen == Decision.ACCEPTED and confirmed_credits is not None:
            if current.credits_price is None:
                raise ValidationError(current.price_error or "UP42 sent no usable price.")
            if current.credits_price > confirmed_credits:
                raise PriceChangedError(
                    f"The quotation's price is {current.credits_price:g} credits, above the "
                    f"{confirmed_credits:g} credits confirmed: nothing was accepted.",
                    credits=current.credits_price,
                    confirmed=confirmed_credits,
                )
        body = {"decision": str(chosen)}
        url = self._endpoints.api_url(f"{QUOTATIONS}/{quotation_id}")
        try:
            payload = self._transport.json("PATCH", url, json_body=body, resend=False)
        except Up42Error as error:
            return self._settle(
                error, lambda: self.quotation(quotation_id), lambda q: q.decision == chosen
            )
        return Quotation.from_json(payload) if payload.get("id") else self.quotation(quotation_id)

    def accept_feasibility_option(self, study_id: str, option_id: str) -> FeasibilityStudy:
        """Accepts the option the user chose (``acceptedOptionId``), once, after reading the
        study again: the option must be one of its options; DecisionClosedError when the
        study is decided already or expired."""
        current = self.feasibility_study(study_id)
        self._still_open(current, "feasibility study")
        if not option_id or current.option(option_id) is None:
            raise ValidationError(f"{option_id!r} is not an option of this feasibility study.")
        url = self._endpoints.api_url(f"{STUDIES}/{study_id}")
        body = {"acceptedOptionId": option_id}
        try:
            payload = self._transport.json("PATCH", url, json_body=body, resend=False)
        except Up42Error as error:
            return self._settle(
                error,
                lambda: self.feasibility_study(study_id),
                lambda s: s.decision_option is not None and s.decision_option.id == option_id,
            )
        if payload.get("id"):
            return FeasibilityStudy.from_json(payload)
        return self.feasibility_study(study_id)

    @staticmethod
    def _still_open(item: Quotation | FeasibilityStudy, noun: str) -> None:
        if not item.is_pending:
            raise DecisionClosedError(
                f"This {noun} was decided already ({item.decision}), here or in the UP42 "
                "console: nothing was changed.",
                kind="decided",
                decision=str(item.decision),
            )

    def _settle(self, error: Up42Error, read: Callable[[], T], done: Callable[[T], bool]) -> T:
        """After a failed decision PATCH: the decision went through (returned), was made
        elsewhere or expired (DecisionClosedError), or the error stands."""
        if not error.maybe_sent:
            raise error
        try:
            after = read()
        except Up42Error as lookup:
            raise DecisionUnknownError(
                f"The decision may or may not have reached UP42 ({error.message}), and "
                f"reading it again failed ({lookup.message}): check it in the UP42 console "
                "before deciding again.",
                error.status,
            ) from None
        if done(after):
            log.info("the decision went through despite %s", error.message)
            return after
        if not after.is_pending:
            raise DecisionClosedError(
                f"UP42 refused the decision ({error.message}): it was decided already "
                f"({after.decision}).",
                error.status,
                kind="decided",
                decision=str(after.decision),
            ) from None
        if error.status in CLOSED_STATUSES or _EXPIRED.search(error.message):
            expired = error.status == 410 or bool(_EXPIRED.search(error.message))
            raise DecisionClosedError(
                f"UP42 refused the decision: {error.message}",
                error.status,
                kind="expired" if expired else "decided",
                decision=str(after.decision),
            ) from None
        raise error

    # --- coverage ------------------------------------------------------------------------------
    def coverage(self, order_id: str) -> OrderCoverage:
        """``GET /v2/coverage/orders/{orderId}``: the covered part and the remainder."""
        if not order_id:
            raise ValidationError("No order id given.")
        payload = self._transport.json(
            "GET", self._endpoints.api_url(f"/v2/coverage/orders/{order_id}")
        )
        return OrderCoverage.from_json(order_id, payload)
