"""Budgets (contract §9) against the sandbox: parsing, the query sent, and the usage."""

from __future__ import annotations

import dataclasses

from tests.unit.api.conftest import order_request, wait_for_status
from up42_qgis.api.models import Budget


def budget_gets(sandbox) -> list[dict]:
    return [e for e in sandbox.request_log() if e["method"] == "GET" and e["path"] == "/v2/budgets"]


def test_active_budgets_with_their_usage_in_one_page_style_request(sandbox, up42):
    up42.account()
    sandbox.clear_log()
    budgets = up42.budgets()
    # The sandbox seeds one active budget (spend limit 500,000) and one inactive one.
    assert len(budgets) == 1
    budget = budgets[0]
    assert budget.id
    assert budget.name == "Default budget"
    assert budget.status == "ACTIVE"
    assert budget.active
    assert budget.spend_limit == 500_000
    assert budget.consumed_credits == 0
    assert budget.remaining_credits == 500_000
    gets = budget_gets(sandbox)
    assert len(gets) == 1
    params = gets[0]["params"]
    assert params["status"] == ["ACTIVE"]
    assert params["includeUsage"] == ["true"]
    assert params["sort"] == ["updatedAt,desc"]
    assert params["page"] == ["0"]


def test_all_budgets_includes_the_inactive_one(sandbox, up42):
    budgets = up42.budgets(active_only=False)
    assert {b.status for b in budgets} == {"ACTIVE", "INACTIVE"}
    inactive = next(b for b in budgets if not b.active)
    assert inactive.name == "Pilot project 2025"
    assert inactive.remaining_credits == 20_000
    assert "status" not in budget_gets(sandbox)[-1]["params"]


def test_a_fulfilled_order_on_a_budget_lowers_what_is_left(sandbox, up42):
    budget = up42.budgets()[0]
    request = dataclasses.replace(order_request(up42, "Budget usage"), budget_id=budget.id)
    estimate = up42.estimate(request)
    assert estimate.ok
    assert estimate.credits
    placed = up42.place_order(request)
    assert placed.order_id, placed.error
    wait_for_status(up42, placed.order_id, "FULFILLED")
    after = up42.budgets()[0]
    assert after.id == budget.id
    assert after.consumed_credits == estimate.credits
    assert after.remaining_credits == budget.remaining_credits - estimate.credits


def test_budget_parsing_tolerates_missing_and_odd_fields():
    assert Budget.from_json({}) == Budget(id="")
    budget = Budget.from_json(
        {
            "id": "b-1",
            "name": "X",
            "status": "active",
            "remainingCredits": "12.5",
            "consumedCredits": None,
            "spendLimit": True,
            "extra": {"ignored": 1},
        }
    )
    assert budget == Budget(id="b-1", name="X", status="ACTIVE", remaining_credits=12.5)
    assert budget.active
