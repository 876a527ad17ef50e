"""The sandbox refuses like UP42 (contract §6, §9, revision 2): with budget enforcement an
estimate without a budget is refused too, an inactive budget is refused, a placement above
what the budget has left is refused without a number, and a 451 can come at placement after
a 200 estimate, for a EULA or for restricted access."""

from __future__ import annotations

import pytest

from tests.sandbox.control import SandboxControl
from tests.sandbox.orders import BUDGETS
from tests.unit.sandbox.conftest import Api

ACTIVE, INACTIVE = BUDGETS[0]["id"], BUDGETS[1]["id"]


def test_enforcement_refuses_an_estimate_without_a_budget(api: Api, sandbox: SandboxControl):
    sandbox.configure(budget_enforcement=True)
    body = api.order_body(api.scene())
    response = api.post("/v2/orders/estimate", json=body)
    assert response.status_code == 400
    assert "budgetId is required" in response.json()["title"]
    body["budgetId"] = ACTIVE
    assert api.post("/v2/orders/estimate", json=body).status_code == 200


def test_an_inactive_budget_is_refused(api: Api, sandbox: SandboxControl):
    body = {**api.order_body(api.scene()), "budgetId": INACTIVE}
    response = api.post(f"/v2/orders?workspaceId={sandbox.workspace_id}", json=body)
    assert response.status_code == 400
    assert "inactive" in response.json()["title"]


def test_a_placement_over_the_budget_is_refused_without_a_number(
    api: Api, sandbox: SandboxControl
):
    sandbox.configure(budget_limits={ACTIVE: 10})
    listing = api.get("/v2/budgets", params={"includeUsage": "true"}).json()["content"]
    assert next(b for b in listing if b["id"] == ACTIVE)["remainingCredits"] == 10
    body = {**api.order_body(api.scene()), "budgetId": ACTIVE}
    response = api.post(f"/v2/orders?workspaceId={sandbox.workspace_id}", json=body)
    assert response.status_code == 400
    title = response.json()["title"]
    assert "exceeds" in title
    assert not any(ch.isdigit() for ch in title)
    assert sandbox.orders() == []


@pytest.mark.parametrize(("kind", "words"), [("eula", "EULA"), ("restricted", "restricted")])
def test_451_at_placement_after_a_200_estimate(api: Api, sandbox: SandboxControl, kind, words):
    body = api.order_body(api.scene())
    sandbox.configure(licence_refused_at_placement={body["dataProduct"]: kind})
    assert api.post("/v2/orders/estimate", json=body).status_code == 200
    response = api.post(f"/v2/orders?workspaceId={sandbox.workspace_id}", json=body)
    assert response.status_code == 451
    assert words in response.json()["title"]
    assert sandbox.orders() == []


def test_the_licence_knob_is_validated(sandbox: SandboxControl):
    with pytest.raises(Exception, match="licence_refused_at_placement"):
        sandbox.configure(licence_refused_at_placement={"p": "maybe"})
