"""The checks before money is spent, written once for the dock and for Processing: which
budget to send, which prices need the user's explicit yes, which requests are already on
order in the workspace. Qt-free; the faces word the questions and the refusals.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .errors import BudgetError, Up42Error
from .models import Budget, Estimate, Order, OrderRequest
from .order_lookup import is_closed_without_delivery, same_aoi

if TYPE_CHECKING:
    from .client import Up42Client

log = logging.getLogger("up42_qgis.api")

__all__ = [
    "BudgetChoice",
    "choose_budget",
    "find_budget",
    "open_duplicates",
    "with_budget",
    "zero_price_indexes",
]

# Newest first; a duplicate is a recent order. Bounds the cost of the check.
MAX_CHECKED_ORDERS = 2000


# --- budgets -------------------------------------------------------------------------------
@dataclass(frozen=True)
class BudgetChoice:
    """The workspace's budget setting and the budget to send (``None``: send none)."""

    enforced: bool
    budgets: tuple[Budget, ...] = ()
    chosen: Budget | None = None

    @property
    def budget_id(self) -> str | None:
        return self.chosen.id if self.chosen else None

    @property
    def offered(self) -> bool:
        """Whether a face offers the choice: enforcement is on, or there are budgets."""
        return self.enforced or bool(self.budgets)


def _credits(value: float | None) -> str:
    return "an unknown number of" if value is None else f"{value:,.0f}"


def budget_names(budgets: Sequence[Budget]) -> str:
    return ", ".join(
        f"“{b.name or b.id}” ({_credits(b.remaining_credits)} credits left)" for b in budgets
    )


def find_budget(budgets: Sequence[Budget], wanted: str) -> Budget | None:
    """The budget with this id, else with this name (case-insensitive); None if neither."""
    wanted = (wanted or "").strip()
    if not wanted:
        return None
    for budget in budgets:
        if budget.id == wanted:
            return budget
    folded = wanted.casefold()
    return next((b for b in budgets if b.name.strip().casefold() == folded), None)


def choose_budget(
    client: Up42Client,
    wanted: str = "",
    remembered: str = "",
    *,
    default_first: bool = False,
) -> BudgetChoice:
    """Reads the enforcement setting and the active budgets, then chooses: ``wanted`` (a name
    or id: raises BudgetError naming the active budgets when it is not one of them), else the
    ``remembered`` one while it is active, else, when enforcement is on, the only active
    budget (or the first, latest updated, with ``default_first``: the dock preselects it in
    its confirmation, where the user sees and changes it). A setting or list that cannot be
    read counts as no enforcement, no budgets: the server's refusal still explains itself."""
    try:
        enforced = client.budget_enforcement()
    except Up42Error as error:
        log.info("reading the budget setting failed: %s", error.message)
        enforced = False
    try:
        budgets = tuple(client.budgets(active_only=True))
    except Up42Error as error:
        if wanted.strip():
            raise
        log.info("reading the budgets failed: %s", error.message)
        budgets = ()
    if wanted.strip():
        chosen = find_budget(budgets, wanted)
        if chosen is None:
            names = budget_names(budgets)
            choose = (
                f"Choose one of the active budgets: {names}."
                if names
                else "The workspace has no active budget."
            )
            raise BudgetError(
                f"No active budget is named or has the id “{wanted.strip()}”. {choose}",
                kind="invalid",
                budgets=budgets,
            )
        return BudgetChoice(enforced, budgets, chosen)
    chosen = find_budget(budgets, remembered) if remembered else None
    if chosen is None and enforced and budgets and (len(budgets) == 1 or default_first):
        chosen = budgets[0]
    return BudgetChoice(enforced, budgets, chosen)


def with_budget(requests: Sequence[OrderRequest], budget_id: str | None) -> list[OrderRequest]:
    """The requests with ``budgetId`` set (or cleared): sent with estimate and order alike."""
    return [replace(request, budget_id=budget_id or None) for request in requests]


# --- prices --------------------------------------------------------------------------------
def zero_price_indexes(
    requests: Sequence[OrderRequest], estimates: Sequence[Estimate | None]
) -> list[int]:
    """The requests whose estimate is 0 credits for an area: possible (a free product) but
    suspicious, so the user must say yes to them explicitly, beyond the usual confirmation."""
    from .aoi import aoi_area_km2  # loads shapely: when asked, not at QGIS start-up

    found = []
    for index, (request, estimate) in enumerate(zip(requests, estimates, strict=True)):
        if estimate is not None and estimate.zero_price and aoi_area_km2(request.aoi) > 0:
            found.append(index)
    return found


# --- duplicates ----------------------------------------------------------------------------
def _same_order(order: Order, request: OrderRequest) -> bool:
    return (
        not is_closed_without_delivery(str(order.status))
        and order.image_id == request.scene_id
        and order.data_product_id == request.data_product_id
        and same_aoi(order.aoi, request.aoi)
    )


def open_duplicates(
    client: Up42Client, requests: Sequence[OrderRequest]
) -> dict[int, list[Order]]:
    """For each request (by index) the workspace's orders of the same scene, product and AOI
    that did not end without a delivery (the rule of ``order_lookup.open_orders_like``),
    newest first; the order list is read once for all requests."""
    if not requests:
        return {}
    orders = client.orders(max_orders=MAX_CHECKED_ORDERS)
    found: dict[int, list[Order]] = {}
    for index, request in enumerate(requests):
        same = [order for order in orders if _same_order(order, request)]
        if same:
            found[index] = same
    return found
