"""The account's credit balance (``GET /accounts/me/credits/balance``) for the dock's header."""

from __future__ import annotations

from tests.unit.api.conftest import order_request, wait_for_status


def test_the_balance_and_what_a_fulfilled_order_takes_from_it(sandbox, up42):
    sandbox.configure(credits=25_000)
    assert up42.credits_balance() == 25_000

    request = order_request(up42, "Balance")
    estimate = up42.estimate(request)
    placed = up42.place_order(request)
    assert placed.order_id, placed.error
    wait_for_status(up42, placed.order_id, "FULFILLED")  # credits are charged then

    assert up42.credits_balance() == 25_000 - estimate.credits


def test_no_balance_call_means_unknown_not_an_error(sandbox, up42):
    sandbox.configure(
        faults=[{"method": "GET", "path": "/accounts/me/credits/balance", "status": 404}]
    )
    assert up42.credits_balance() is None
