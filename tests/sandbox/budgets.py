"""The seeded budgets and the budget endpoints (contract §9), over the order book's charges."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from tests.sandbox import paging
from tests.sandbox.accounts import USER_ID
from tests.sandbox.errors import not_found

if TYPE_CHECKING:
    from tests.sandbox.orders import OrderBook

BUDGETS = (
    {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "up42-sandbox:budget:default")),
     "name": "Default budget", "status": "ACTIVE", "description": "The team's yearly budget",
     "externalId": "CC-1000", "spendLimit": 500_000,
     "validityPeriod": {"startDate": "2026-01-01", "endDate": "2026-12-31"}},
    {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "up42-sandbox:budget:old")),
     "name": "Pilot project 2025", "status": "INACTIVE", "description": "Closed pilot",
     "externalId": None, "spendLimit": 20_000,
     "validityPeriod": {"startDate": "2025-01-01", "endDate": "2025-12-31"}},
)
BUDGETS_BY_ID = {b["id"]: b for b in BUDGETS}


def budget_json(book: OrderBook, budget: dict[str, Any], include_usage: bool) -> dict[str, Any]:
    data = {k: v for k, v in budget.items() if v is not None}
    data["spendLimit"] = book.spend_limit(budget["id"])
    data.update({"createdBy": {"id": USER_ID, "type": "USER"},
                 "createdAt": "2025-01-01T00:00:00.000Z",
                 "updatedAt": "2026-01-01T00:00:00.000Z"})
    if include_usage:
        book.all()
        with book.lock:
            consumed = book.spent_credits(budget["id"])
        data["consumedCredits"] = consumed
        data["remainingCredits"] = data["spendLimit"] - consumed
        data["usagePercentage"] = round(100.0 * consumed / max(1, data["spendLimit"]), 2)
    return data


def _include(query: dict[str, list[str]]) -> bool:
    return (query.get("includeUsage") or ["false"])[0].lower() == "true"


def budgets(book: OrderBook, query: dict[str, list[str]]) -> dict[str, Any]:
    found = list(BUDGETS)
    if query.get("status"):
        wanted = {s.upper() for v in query["status"] for s in v.split(",")}
        found = [b for b in found if b["status"] in wanted]
    items = [budget_json(book, b, _include(query)) for b in found]
    items = paging.sort_items(items, query, ("updatedAt", "createdAt", "name", "status"),
                              "updatedAt,desc")
    return paging.page_of(items, query)


def budget(book: OrderBook, budget_id: str, query: dict[str, list[str]]) -> dict[str, Any]:
    found = BUDGETS_BY_ID.get(budget_id)
    if found is None:
        raise not_found(f"Budget {budget_id} not found")
    return budget_json(book, found, _include(query))


def budget_usage(book: OrderBook, budget_id: str) -> dict[str, Any]:
    if budget_id not in BUDGETS_BY_ID:
        raise not_found(f"Budget {budget_id} not found")
    book.all()
    with book.lock:
        return {"budgetId": budget_id, "consumedCredits": book.spent_credits(budget_id)}
