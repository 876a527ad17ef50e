"""api.order_guard: the rules both faces apply before money is spent (budget choice, the
zero-price rule, duplicates), on plain models."""

from __future__ import annotations

from typing import Any

import pytest

from up42_qgis.api.errors import BudgetError, ServerError
from up42_qgis.api.models import Budget, Estimate, Order, OrderRequest
from up42_qgis.api.order_guard import (
    choose_budget,
    find_budget,
    open_duplicates,
    with_budget,
    zero_price_indexes,
)

SQUARE = {
    "type": "Polygon",
    "coordinates": [[[13.3, 52.4], [13.4, 52.4], [13.4, 52.5], [13.3, 52.5], [13.3, 52.4]]],
}
TEAM = Budget(id="b-1", name="Team budget", status="ACTIVE", remaining_credits=1200.0)
OTHER = Budget(id="b-2", name="Other", status="ACTIVE", remaining_credits=5.0)


class FakeClient:
    def __init__(self, enforced: Any = False, budgets: Any = (), orders: Any = ()) -> None:
        self._enforced = enforced
        self._budgets = budgets
        self._orders = list(orders)

    def budget_enforcement(self) -> bool:
        if isinstance(self._enforced, Exception):
            raise self._enforced
        return bool(self._enforced)

    def budgets(self, active_only: bool = True) -> list[Budget]:
        if isinstance(self._budgets, Exception):
            raise self._budgets
        return list(self._budgets)

    def orders(self, **_kwargs: Any) -> list[Order]:
        return self._orders


def request(scene: str = "s-1", product: str = "p-1") -> OrderRequest:
    return OrderRequest(product, scene, SQUARE, f"name {scene}")


def test_find_budget_by_id_or_name_in_any_case() -> None:
    assert find_budget([TEAM, OTHER], "b-2") is OTHER
    assert find_budget([TEAM, OTHER], "  team BUDGET ") is TEAM
    assert find_budget([TEAM, OTHER], "nope") is None
    assert find_budget([TEAM], "") is None


def test_choose_budget_wanted_remembered_only_one_or_none() -> None:
    client: Any = FakeClient(enforced=True, budgets=[TEAM, OTHER])
    assert choose_budget(client, "other").chosen is OTHER
    assert choose_budget(client, remembered="b-1").chosen is TEAM
    assert choose_budget(client).chosen is None  # two to choose from: no guess
    assert choose_budget(client, default_first=True).chosen is TEAM
    single: Any = FakeClient(enforced=True, budgets=[OTHER])
    assert choose_budget(single).chosen is OTHER
    free: Any = FakeClient(enforced=False, budgets=[OTHER])
    choice = choose_budget(free)
    assert choice.chosen is None
    assert choice.offered
    assert choose_budget(free, remembered="gone").chosen is None


def test_an_unknown_budget_names_the_active_ones() -> None:
    client: Any = FakeClient(budgets=[TEAM])
    with pytest.raises(BudgetError) as raised:
        choose_budget(client, "Pilot")
    assert "“Pilot”" in raised.value.message
    assert "“Team budget” (1,200 credits left)" in raised.value.message
    assert raised.value.kind == "invalid"


def test_an_unreadable_setting_or_list_does_not_block() -> None:
    client: Any = FakeClient(enforced=ServerError("down", 503), budgets=ServerError("x", 503))
    choice = choose_budget(client)
    assert not choice.enforced
    assert choice.budgets == ()
    assert choice.budget_id is None


def test_with_budget_sets_and_clears() -> None:
    (sent,) = with_budget([request()], "b-1")
    assert sent.budget_id == "b-1"
    assert with_budget([sent], None)[0].budget_id is None


def test_zero_price_needs_an_area() -> None:
    requests = [request("a"), request("b"), request("c")]
    estimates = [
        Estimate("a", credits=0.0),
        Estimate("b", credits=12.0),
        Estimate("c", error="refused"),
    ]
    assert zero_price_indexes(requests, estimates) == [0]
    flat = OrderRequest("p", "d", {"type": "Polygon", "coordinates": []}, "n")
    assert zero_price_indexes([flat], [Estimate("d", credits=0.0)]) == []


def test_open_duplicates_same_scene_product_and_area_not_cancelled() -> None:
    def order(oid: str, status: str, scene: str = "s-1", product: str = "p-1") -> Order:
        return Order(oid, oid, status, data_product_id=product, aoi=SQUARE, image_id=scene)

    client: Any = FakeClient(
        orders=[
            order("o-1", "FULFILLED"),
            order("o-2", "CANCELED"),
            order("o-3", "FAILED_PERMANENTLY"),
            order("o-4", "BEING_FULFILLED", scene="s-2"),
            order("o-5", "PLACED", product="p-2"),
        ]
    )
    found = open_duplicates(client, [request("s-1"), request("s-3")])
    assert {index: [o.id for o in orders] for index, orders in found.items()} == {0: ["o-1"]}
    assert open_duplicates(client, []) == {}
