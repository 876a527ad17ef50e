"""Budgets (contract §9): the enforcement setting, the active budgets, and a refusal because
of a budget turned into a BudgetError a user can act on."""

from __future__ import annotations

import logging
import re
from typing import Any

from .endpoints import Endpoints
from .errors import BudgetError, Up42Error
from .http import Transport
from .models import Budget

log = logging.getLogger("up42_qgis.api")

MAX_PAGE_SIZE = 100
MAX_BUDGET_PAGES = 100
# Statuses a budget refusal may come with (the real one is unverified; the sandbox says 400).
BUDGET_REFUSAL_STATUSES = (400, 402, 403, 409, 422)
_BUDGET = re.compile(r"budget", re.IGNORECASE)
_INVALID = re.compile(r"not found|unknown|invalid|inactive|expired|does not exist", re.I)
_REQUIRED = re.compile(r"required|mandatory|must|missing|enforce|no budget|without", re.I)


def _credits(value: float | None) -> str:
    return "an unknown number of" if value is None else f"{value:,.0f}"


class BudgetsApi:
    def __init__(self, transport: Transport, endpoints: Endpoints) -> None:
        self._transport = transport
        self._endpoints = endpoints

    def enforcement_enabled(self) -> bool:
        """``GET /v2/budgets/settings`` → ``enforcementEnabled`` (then every estimate and
        order needs a ``budgetId``)."""
        payload = self._transport.json("GET", self._endpoints.api_url("/v2/budgets/settings"))
        value = payload.get("enforcementEnabled")
        if isinstance(value, str):
            return value.strip().lower() == "true"
        return value is True

    def budgets(self, active_only: bool = True) -> list[Budget]:
        """Every page of the workspace's budgets with their usage, latest updated first.
        ``active_only`` also filters here, so an inactive budget is never offered even by a
        server that ignores the ``status`` parameter."""
        found: list[Budget] = []
        page = 0
        while page < MAX_BUDGET_PAGES:
            params: list[tuple[str, Any]] = []
            if active_only:
                params.append(("status", "ACTIVE"))
            params += [
                ("includeUsage", "true"),
                ("sort", "updatedAt,desc"),
                ("page", page),
                ("size", MAX_PAGE_SIZE),
            ]
            payload = self._transport.json(
                "GET", self._endpoints.api_url("/v2/budgets"), params=params
            )
            content = [b for b in payload.get("content") or () if isinstance(b, dict)]
            found.extend(Budget.from_json(b) for b in content)
            total_pages = payload.get("totalPages")
            if not content or not isinstance(total_pages, int) or page + 1 >= total_pages:
                break
            page += 1
        return [b for b in found if b.active] if active_only else found

    def budget(self, budget_id: str) -> Budget:
        payload = self._transport.json(
            "GET",
            self._endpoints.api_url(f"/v2/budgets/{budget_id}"),
            params={"includeUsage": "true"},
        )
        return Budget.from_json(payload)

    def refusal(self, error: Up42Error, budget_id: str | None) -> BudgetError | None:
        """The BudgetError for a refusal that is about a budget, else None. Reads the active
        budgets (and the chosen one's usage) so the message names what to do."""
        if error.status not in BUDGET_REFUSAL_STATUSES or not _BUDGET.search(error.message):
            return None
        words = error.message
        try:
            active = tuple(self.budgets())
        except Up42Error as lookup:
            log.info("reading the budgets for a refusal failed: %s", lookup.message)
            active = ()
        chosen = next((b for b in active if b.id == budget_id), None) if budget_id else None
        if budget_id and chosen is None and not _INVALID.search(words):
            try:
                chosen = self.budget(budget_id)
            except Up42Error:
                chosen = None
        names = ", ".join(
            f"“{b.name or b.id}” ({_credits(b.remaining_credits)} credits left)" for b in active
        )
        choose = (
            f"Choose one of the active budgets: {names}."
            if names
            else "The workspace has no active budget: ask its administrator for one."
        )
        if not budget_id or (_REQUIRED.search(words) and not _INVALID.search(words)):
            kind = "required"
            message = f"UP42 requires a budget for every order in this workspace. {choose}"
        elif _INVALID.search(words) or (chosen is not None and not chosen.active):
            kind = "invalid"
            message = f"The budget chosen cannot be used ({words}). {choose}"
        else:
            kind = "exceeded"
            name = chosen.name if chosen and chosen.name else budget_id
            message = (
                f"The order exceeds the budget “{name}”: it has "
                f"{_credits(chosen.remaining_credits if chosen else None)} credits left. "
                "Choose a smaller area or another budget."
            )
        return BudgetError(
            message,
            error.status,
            kind=kind,
            budgets=active,
            budget=chosen,
            remaining_credits=chosen.remaining_credits if chosen else None,
            server_message=words,
        )
